//! Numbered group lines (`1. Transformer及其变种`) each over a run of bare question lines glued
//! under it.

use super::add_questions;
use crate::parse::asking::{asks_any_way, ends_asking};
use crate::parse::line::{Kind, strip_emphasis};
use crate::parse::{Ln, Start, blocks};

/// Fewest groups that make the pattern.
const MIN_GROUPS: usize = 3;

/// Most characters a question line of a group runs to.
const MAX_CHARS: usize = 120;

/// Numbered lines that ask nothing (`1. Transformer及其变种`, `2. 注意力机制<br>`), three or
/// more, each right over a run of unnumbered one-line sentences glued under it, two in three
/// of those lines ending in a question mark across the file (`解释一下Transformers的结构？<br>`):
/// the numbered lines name groups, every line of the runs is a question of its own.
pub(crate) fn split_numbered_question_groups(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let mut groups = 0;
    let mut members = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !group_line(&lines[i]) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < lines.len() && member(&lines[j]) {
            j += 1;
        }
        if j > i + 1 {
            groups += 1;
            members.extend(i + 1..j);
        }
        i = j.max(i + 1);
    }
    if groups < MIN_GROUPS {
        return;
    }
    let asking = members
        .iter()
        .filter(|&&k| ends_asking(lines[k].text))
        .count();
    if asking * 3 < members.len() * 2 {
        return;
    }
    add_questions(lines, starts, members);
}

/// A numbered line (not a Markdown heading) that asks nothing.
fn group_line(l: &Ln<'_>) -> bool {
    l.numbered_item().is_some_and(|h| {
        let t = h.title.trim();
        !(t.is_empty() || asks_any_way(t))
    })
}

/// A one-line sentence of a group: plain text, unnumbered, no bullet, short.
fn member(l: &Ln<'_>) -> bool {
    matches!(l.kind, Kind::Text)
        && !l.code
        && !l.structural
        && !l.indented()
        && blocks::bullet_item(l.text).is_none()
        && strip_emphasis(l.text).trim().chars().count() <= MAX_CHARS
}
