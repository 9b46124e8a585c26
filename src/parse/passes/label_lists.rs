//! Lists that a label names as questions (`- Question：` over `1. **什么是Redis？**`): each item
//! is a card, its nested lines its answer, and the headings over such lists are topics.

use std::sync::LazyLock;

use rayon::prelude::*;
use regex::Regex;

use super::LINES_PER_TASK;
use super::indent_columns;
use crate::parse::asking::{asks, question_like};
use crate::parse::line::{Kind, Style};
use crate::parse::{Ln, Role, Start, line};

/// A list item: its indent, and its text after the number or bullet (maybe empty: `1. `).
static ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([ \t]*)(?:\d{1,3}[ \t]*[.、．)）]|[-*+•])(?:[ \t\u{3000}]+(.*?)|)[ \t]*$")
        .unwrap()
});

/// Words that, alone before a colon, say "the questions follow".
const LABELS: &[&str] = &[
    "question",
    "questions",
    "interview question",
    "interview questions",
    "问题",
    "问题列表",
    "面试题",
    "面试问题",
    "常见问题",
    "常见面试题",
    "提问",
];

/// A label line (`- Question：`, `**问题：**`, `Questions:`) over a list: the items of the list
/// that follows (at the first item's indent) are the questions, and what is indented under an
/// item — bullets, tables, code — is its answer; an empty item (`1. `) asks nothing. Where most
/// headings of a level hold such a list, every heading of that level is a topic over questions
/// (a heading beside them with only keywords or a to-do under it asks nothing either). The
/// items must mostly ask, taken together: `问题：` over `- 内存不足` is a problem stated in an
/// answer, not a list of questions; and a list with an answer label after it is the text of
/// one question.
pub(crate) fn split_labelled_question_lists(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    // Each line read alone: on every core, in order.
    let lists: Vec<LabelledList> = (0..lines.len())
        .into_par_iter()
        .with_min_len(LINES_PER_TASK)
        .filter_map(|i| labelled_list(lines, i))
        .collect();
    let items: Vec<usize> = lists.iter().flat_map(|l| l.items.iter().copied()).collect();
    let asking = items
        .iter()
        .filter(|&&i| {
            let t = item_text(lines[i].text);
            asks(&t) || question_like(&t)
        })
        .count();
    if items.is_empty() || asking * 3 < items.len() * 2 || (lists.len() < 2 && items.len() < 2) {
        return;
    }
    // The heading each list sits under, and the levels where most headings hold one.
    let heading_above = |i: usize| (0..i).rev().find(|&k| lines[k].markdown_level().is_some());
    let holders: Vec<usize> = lists
        .iter()
        .filter_map(|l| heading_above(l.label))
        .collect();
    let mut topic_levels = Vec::new();
    for level in 1..=6u8 {
        let all = starts
            .iter()
            .filter(|s| {
                lines[s.line].markdown_level() == Some(level) && !matches!(s.role, Role::Aside)
            })
            .count();
        let mut holding: Vec<usize> = holders
            .iter()
            .copied()
            .filter(|&h| lines[h].markdown_level() == Some(level))
            .collect();
        holding.dedup();
        if !holding.is_empty() && holding.len() * 2 >= all {
            topic_levels.push(level);
        }
    }
    for s in starts.iter_mut() {
        let Some(level) = lines[s.line].markdown_level() else {
            continue;
        };
        if !topic_levels.contains(&level) {
            continue;
        }
        if let Role::Record { question, .. } = &s.role {
            let title = question.clone();
            s.role = Role::Section {
                rank: Style::Markdown(level).rank(),
                title,
            };
        }
    }
    // Inside a list, and between its heading and its label (keywords, an introduction), the
    // items are the only starts.
    let mut previous_end = 0;
    for l in &lists {
        let from = heading_above(l.label)
            .map_or(l.label, |h| h + 1)
            .max(previous_end);
        previous_end = l.end;
        starts.retain(|s| s.line < from || s.line >= l.end);
        for &i in &l.items {
            if !item_text(lines[i].text).is_empty() {
                starts.push(Start {
                    line: i,
                    rank: None,
                    role: Role::question(&item_text(lines[i].text)),
                });
            }
        }
        starts.sort_by_key(|s| s.line);
    }
}

/// A list under a question label.
struct LabelledList {
    label: usize,
    /// Its items at the first item's indent, empty ones too.
    items: Vec<usize>,
    /// The first line after the list.
    end: usize,
}

fn labelled_list(lines: &[Ln<'_>], label: usize) -> Option<LabelledList> {
    if matches!(
        lines[label].kind,
        Kind::Fenced | Kind::Fence { .. } | Kind::Blank
    ) || !question_label(lines[label].text)
    {
        return None;
    }
    let first = (label + 1..lines.len()).find(|&k| !matches!(lines[k].kind, Kind::Blank))?;
    let indent = item_indent(lines[first].text)?;
    if indent < indent_columns(lines[label].text) {
        return None;
    }
    let mut items = vec![first];
    let mut end = lines.len();
    for (k, l) in lines.iter().enumerate().skip(first + 1) {
        if matches!(l.kind, Kind::Blank | Kind::Fenced) {
            continue;
        }
        if l.markdown_level().is_some() {
            end = k;
            break;
        }
        if indent_columns(l.text) > indent
            || matches!(l.kind, Kind::Fence { .. }) && indent_columns(l.text) > 0
        {
            continue;
        }
        if item_indent(l.text) == Some(indent) && !question_label(l.text) {
            items.push(k);
            continue;
        }
        end = k;
        break;
    }
    // A list followed by an answer label (`**问题：**` / `- 请讨论…` / `**参考答案：**`) is the
    // text of one question, answered below it.
    if (end..lines.len())
        .find(|&k| !matches!(lines[k].kind, Kind::Blank))
        .is_some_and(|k| matches!(lines[k].kind, Kind::Marker { answer: true, .. }))
    {
        return None;
    }
    // Trailing blank lines belong to what follows.
    while end > first + 1 && matches!(lines[end - 1].kind, Kind::Blank) {
        end -= 1;
    }
    Some(LabelledList { label, items, end })
}

/// `Question：`, `- 问题：`, `**Questions:**`: a label that only says questions follow.
pub(super) fn question_label(text: &str) -> bool {
    // The colon ends the line but for emphasis (`**问题：**`, `<b>Question:</b>`): tested
    // first, as most lines end otherwise.
    if !text.trim_end().ends_with([':', '：', '*', '_', '>']) {
        return false;
    }
    let t = text.trim();
    let t = t
        .strip_prefix(['-', '*', '+', '•'])
        .filter(|r| r.starts_with([' ', '\t']))
        .unwrap_or(t);
    let plain = line::strip_emphasis(t);
    let plain = plain.trim();
    let Some(word) = plain
        .strip_suffix(':')
        .or_else(|| plain.strip_suffix('：'))
        .map(str::trim)
    else {
        return false;
    };
    let word = word.trim_matches('*').trim();
    LABELS.iter().any(|w| word.eq_ignore_ascii_case(w))
}

/// The indent of a list item, if the line is one.
fn item_indent(text: &str) -> Option<usize> {
    ITEM.captures(text).map(|c| indent_columns(&c[1]))
}

/// An item's text without its number or bullet and emphasis.
fn item_text(text: &str) -> String {
    ITEM.captures(text)
        .and_then(|c| c.get(2))
        .map(|m| line::strip_emphasis(m.as_str()).trim().to_owned())
        .unwrap_or_default()
}
