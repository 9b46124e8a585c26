//! A numbered item that names a subject over an indented numbered list of questions: the item
//! groups them, each indented item is a card.
//!
//! ```text
//! 48. jquery相关。。**有待研究**                          ← a subject
//!     1. JQuery的源码看过吗？能不能简单概况一下它的实现原理？  ← a card
//!     2. jQuery.fn的init方法返回的this指的是什么对象？        ← a card
//!     3. jquery.extend 与 jquery.fn.extend的区别？
//!       多个事件同一个函数：…                               ← its answer, indented further
//! 49. 需求：实现一个页面操作不会整页刷新的网站…？          ← the next card, out of the subject
//! ```
//!
//! Read so only where the item asks nothing, the list is all there is under it (every line
//! indented at least as far as the list), three items or more, two thirds of them ending in a
//! question mark. Points of an answer (`39. 异步加载JS的方式有哪些？` over `1. defer` …) hang
//! from an item that asks, and do not end in question marks.

use super::{indent_columns, merge_starts};
use crate::parse::asking::{asks, ends_asking};
use crate::parse::line::{self, Kind};
use crate::parse::{LABEL_RANK, Ln, Role, Start};

/// Fewer items could be follow-up questions inside one answer.
const MIN_ITEMS: usize = 3;

/// Make each record that names a subject over such a list a section, and each item a card.
pub(crate) fn split_subject_items(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let mut extra = Vec::new();
    for n in 0..starts.len() {
        let Role::Record { question, .. } = &starts[n].role else {
            continue;
        };
        let at = starts[n].line;
        if lines[at].numbered_item().is_none()
            || question.is_empty()
            || asks(question)
            || ends_asking(question)
        {
            continue;
        }
        let end = starts.get(n + 1).map_or(lines.len(), |s| s.line);
        let Some(items) = asking_items(&lines[at + 1..end]) else {
            continue;
        };
        let title = question.clone();
        // Ranked as the item itself: the next item of its list closes the subject.
        starts[n].role = Role::Section {
            rank: starts[n].rank.unwrap_or(LABEL_RANK),
            title,
        };
        extra.extend(items.into_iter().map(|(i, number, title)| Start {
            line: at + 1 + i,
            rank: None,
            role: Role::Record {
                number,
                question: line::strip_emphasis(&title).trim().to_owned(),
            },
        }));
    }
    merge_starts(starts, extra);
}

/// The items (index into `part`, number, title) of an indented numbered list of questions that is all
/// `part` holds (see the module).
fn asking_items(part: &[Ln<'_>]) -> Option<Vec<(usize, Option<String>, String)>> {
    let first = part.iter().position(|l| !matches!(l.kind, Kind::Blank))?;
    let margin = indent_columns(part[first].text);
    if margin == 0 {
        return None;
    }
    let mut items = Vec::new();
    for (i, l) in part.iter().enumerate().skip(first) {
        if matches!(l.kind, Kind::Blank) {
            continue;
        }
        let indent = indent_columns(l.text);
        if indent < margin || !matches!(l.kind, Kind::Text) {
            return None;
        }
        if indent > margin {
            continue;
        }
        match line::classify(l.text.trim_start()) {
            Kind::Heading(h)
                if h.value.is_some() && !matches!(h.style, line::Style::Markdown(_)) =>
            {
                items.push((i, h.number, h.title));
            }
            _ => return None,
        }
    }
    let asking = items.iter().filter(|(_, _, t)| ends_asking(t)).count();
    (items.len() >= MIN_ITEMS && items[0].0 == first && asking * 3 >= items.len() * 2)
        .then_some(items)
}
