//! A bullet tree right under a heading that names interview questions: the nested bullets are
//! the questions, the bullets they hang from name their subjects.
//!
//! ```text
//! ## 面试题整理
//! * 计算机网络                  ← a subject
//!     * TCP 三次握手与四次挥手    ← a question, unanswered
//!     * TCP 和 UDP 的异同
//! * 操作系统
//! ```

use crate::parse::asking::INTERVIEW_ROUNDS;
use crate::parse::line::Kind;
use crate::parse::{LABEL_RANK, Ln, Role, Start, blocks};

/// Characters past which a nested bullet is a sentence, not a question stub.
const STUB_CHARS: usize = 60;

/// Under a section heading that names interview questions (`## 面试题整理`), a part made of
/// nothing but bullets, some at the margin and one level nested under them, two nested one-liners
/// at least: every nested bullet is a question (unanswered), the margin bullets their subjects.
pub(crate) fn split_question_trees(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let mut extra = Vec::new();
    for n in 0..starts.len() {
        let at = starts[n].line;
        if !matches!(starts[n].role, Role::Section { .. }) {
            continue;
        }
        let Kind::Heading(h) = &lines[at].kind else {
            continue;
        };
        if !INTERVIEW_ROUNDS.iter().any(|w| h.title.contains(w)) {
            continue;
        }
        let end = starts.get(n + 1).map_or(lines.len(), |s| s.line);
        if let Some(items) = tree_items(&lines[at + 1..end]) {
            extra.extend(items.into_iter().map(|(i, text, nested)| Start {
                line: at + 1 + i,
                rank: (!nested).then_some(LABEL_RANK),
                role: if nested {
                    Role::question(text)
                } else {
                    Role::label(text)
                },
            }));
        }
    }
    if !extra.is_empty() {
        starts.extend(extra);
        starts.sort_by_key(|s| s.line);
    }
}

/// The bullets of a part that is one bullet tree, two levels deep: index into `part`, text,
/// and whether the bullet is nested.
fn tree_items<'a>(part: &[Ln<'a>]) -> Option<Vec<(usize, &'a str, bool)>> {
    let mut items = Vec::new();
    let mut stubs = 0;
    let mut margin = false;
    let mut indent: Option<usize> = None;
    for (i, l) in part.iter().enumerate() {
        if matches!(l.kind, Kind::Blank) {
            continue;
        }
        if !matches!(l.kind, Kind::Text) {
            return None;
        }
        let body = l.text.trim_start_matches([' ', '\t', '\u{3000}']);
        let item = blocks::bullet_item(body)?;
        let depth = l.text.len() - body.len();
        if depth == 0 {
            margin = true;
            items.push((i, item, false));
            continue;
        }
        // One level of nesting, every nested bullet under a margin one.
        if !margin || indent.is_some_and(|d| d != depth) {
            return None;
        }
        indent = Some(depth);
        let t = item.trim();
        if t.is_empty() || t.chars().count() > STUB_CHARS || t.contains('。') {
            return None;
        }
        stubs += 1;
        items.push((i, item, true));
    }
    (stubs >= 2).then_some(items)
}
