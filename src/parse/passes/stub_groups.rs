//! Numbered subjects whose only content is a nested list of bare questions (review notes):
//!
//! ```text
//! 1. http                         ← a subject: it groups
//!     1. 长链接和短连接             ← a question, still unanswered
//!     2. http三次握手，四次挥手
//! 2. 要点
//!     1. 介绍 HTTPS 握手过程
//!     2. 客户端如何验证证书的合法性？
//! 3. call、apply、bind 的区别      ← a question with its answer
//!     1. …
//! ```

use rayon::prelude::*;

use super::STARTS_PER_TASK;
use crate::parse::asking::{asks, ends_asking, question_like};
use crate::parse::line::{self, Heading, Kind, Style};
use crate::parse::{Ln, Role, Start};

/// A nested item: its line and what it says.
type Item = (usize, Box<Heading>);

/// Numbered items at the margin that each name a subject (short, asking nothing) and hold
/// nothing but a nested numbered list of one-liners (counting from 1, none of them a
/// sentence), two such subjects at least and some of their items asking, are groups of
/// questions left unanswered: each subject is a section, each nested item a question. The
/// same shape repeated says so even of a group whose items ask in no word of their own; a
/// single subject over bare lines, or lists that never ask, are the points of an answer.
pub(crate) fn split_stub_groups(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    // Each record read alone: on every core, in order. With whether any of its items asks.
    let groups: Vec<(usize, Vec<Item>, bool)> = (0..starts.len())
        .into_par_iter()
        .with_min_len(STARTS_PER_TASK)
        .filter_map(|n| {
            let at = starts[n].line;
            if !matches!(starts[n].role, Role::Record { .. }) || lines[at].indented() {
                return None;
            }
            let Kind::Heading(h) = &lines[at].kind else {
                return None;
            };
            if matches!(h.style, Style::Markdown(_) | Style::Question) || !subject(&h.title) {
                return None;
            }
            let end = starts.get(n + 1).map_or(lines.len(), |s| s.line);
            let items = stub_list(lines.get(at + 1..end).unwrap_or_default())?;
            let asking = items
                .iter()
                .any(|(_, h)| asks(&h.title) || question_like(&h.title));
            Some((
                n,
                items.into_iter().map(|(k, h)| (at + 1 + k, h)).collect(),
                asking,
            ))
        })
        .collect();
    if groups.len() < 2 || !groups.iter().any(|g| g.2) {
        return;
    }
    let mut extra = Vec::new();
    for (n, items, _) in groups {
        let start = &mut starts[n];
        if let Role::Record { question, .. } = &start.role {
            start.role = Role::Section {
                rank: start.rank.unwrap_or(Style::Arabic.rank()),
                title: question.clone(),
            };
        }
        extra.extend(items.into_iter().map(|(line, h)| Start {
            line,
            rank: None,
            role: Role::Record {
                number: h.number,
                question: line::strip_emphasis(&h.title).trim().to_owned(),
            },
        }));
    }
    starts.extend(extra);
    starts.sort_by_key(|s| s.line);
}

/// A title that names a subject: a few words, no question, no colon, no sentence.
fn subject(title: &str) -> bool {
    let t = line::strip_emphasis(title);
    let t = t.trim();
    (1..=12).contains(&t.chars().count())
        && !t.ends_with([':', '：', '。', '；', ';', '，', ','])
        && !asks(t)
        && !question_like(t)
        && !ends_asking(t)
}

/// The items of `body` if it is nothing but a numbered list indented under its item: one
/// style, one indent, two items or more counting up from 1, one line each, none closed as a
/// sentence. Blank lines after the list are allowed.
fn stub_list(body: &[Ln<'_>]) -> Option<Vec<Item>> {
    let last = body.iter().rposition(|l| !matches!(l.kind, Kind::Blank))?;
    let mut items: Vec<Item> = Vec::new();
    let mut indent = None;
    for (k, l) in body[..=last].iter().enumerate() {
        if !l.indented() {
            return None;
        }
        let width = l.text.len() - l.text.trim_start().len();
        if *indent.get_or_insert(width) != width {
            return None;
        }
        let Kind::Heading(h) = line::classify(l.text.trim_start()) else {
            return None;
        };
        let t = h.title.trim();
        if matches!(h.style, Style::Markdown(_) | Style::Question)
            || t.is_empty()
            || t.ends_with(['。', '；', ';'])
            || items.first().is_some_and(|(_, f)| f.style != h.style)
            || h.value != Some(u32::try_from(items.len()).ok()? + 1)
        {
            return None;
        }
        items.push((k, h));
    }
    (items.len() >= 2).then_some(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_subject_names_without_asking() {
        assert!(subject("http"));
        assert!(subject("要点"));
        assert!(!subject("为什么不能监听数组下标"));
        assert!(!subject("常用场景："));
        assert!(!subject("使用 1*1 透明图片做日志上报的原因和它的好处"));
    }
}
