//! An unnumbered line that ends a list of bare numbered questions is one more question.
//!
//! ```text
//! 12.7位电话号码，几千万个，有哪些排序方式？
//! 13.7位电话号码，有重复，有哪些排序方式？
//! 算法：给定一个字符串，最少切几刀使每段都是回文    ← one more question
//!
//! 1.为什么不用订单号作主键？
//! 2.for update 的记录不存在会锁全表吗？
//! 3.char(50) 和 varchar(50) 一样吗？
//!
//! 一条 SQL 语句执行得很慢的原因有哪些？            ← one more question
//!
//! # 服务端基础
//! ```
//!
//! People jot the questions of an interview as a numbered list and add the last one (the
//! coding task, a question asked at the end) without a number. After three or more numbered
//! one-liners glued one under the other, none of them answered, a single line alone at their
//! margin — glued under the last item and asking or setting a task under a short label
//! (`算法：…`), or set apart by one blank line and ending in a question mark — is no answer to
//! the last item (the others have none): it is a question of its own. A remark that closes
//! the list (`当时准备不足，毫无意外挂了。`) stays where it is.

use crate::parse::asking::ends_asking;
use crate::parse::line::Kind;
use crate::parse::{Ln, Start};

/// Numbered one-liners, glued, that make a list of bare questions.
const MIN_ITEMS: usize = 3;

/// Characters a label before a task may have (`算法题`).
const LABEL_CHARS: usize = 4;

/// Characters past which a line is a paragraph, not a question jotted down.
const LINE_CHARS: usize = 80;

/// Add a record at the unnumbered line that ends a list of bare numbered questions.
pub(crate) fn split_list_tails(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let mut at = Vec::new();
    let mut run = 0;
    for i in 0..lines.len() {
        if bare_item(lines, starts, i) {
            run += 1;
            continue;
        }
        if run >= MIN_ITEMS
            && let Some(tail) = tail_after(lines, i)
        {
            at.push(tail);
        }
        run = 0;
    }
    super::add_questions(lines, starts, at);
}

/// A numbered line at the margin that starts a record.
fn bare_item(lines: &[Ln<'_>], starts: &[Start], i: usize) -> bool {
    lines[i].numbered_item().is_some()
        && !lines[i].indented()
        && super::record_at(starts, i).is_some()
}

/// The line that ends the list whose last item is the line above `i`, if one does.
fn tail_after(lines: &[Ln<'_>], i: usize) -> Option<usize> {
    let (tail, spaced) = match lines.get(i)?.kind {
        Kind::Blank => (i + 1, true),
        _ => (i, false),
    };
    let l = lines.get(tail)?;
    if !matches!(l.kind, Kind::Text) || l.indented() || !l.prose() || l.code {
        return None;
    }
    let text = l.text.trim();
    if text.chars().count() > LINE_CHARS || text.ends_with(['：', ':']) {
        return None;
    }
    // Alone: nothing under it but a blank line, a heading or the end.
    let alone = lines
        .get(tail + 1)
        .is_none_or(|n| matches!(n.kind, Kind::Blank) || n.markdown_level().is_some());
    // Glued under the list, a question or a task under a short label (`算法：给定…`,
    // `算法题 跳跃数组`), not a remark that closes the log (`许愿更多Offer`, `当时准备不足，…`);
    // after a blank line, a question only.
    let fits = ends_asking(text) || (!spaced && labelled(text));
    (alone && fits).then_some(tail)
}

/// A line that opens with a short label, a colon or a space after it, and goes on with more.
fn labelled(text: &str) -> bool {
    let Some((head, rest)) = text.split_once(['：', ':', ' ', '\t']) else {
        return false;
    };
    let head = head.trim();
    (2..=LABEL_CHARS).contains(&head.chars().count())
        && head.chars().all(char::is_alphanumeric)
        && !rest.trim().is_empty()
}
