//! Lists set apart by a long run of blank lines.

use super::super::line::{Kind, Style};
use super::{Ln, Role, Start};

/// Blank lines in a row that set a part apart: more than the one or two notes leave
/// between a question and the next.
const PART_BREAK: usize = 3;

/// Notes that gather several parts in one file set each part apart with a run of blank
/// lines (three or more). A numbered list that starts at 1 right after such a run, at the
/// margin, is a list of its own: its items are questions, not the points of the answer
/// above the break (`Q4. Weakness?` / `“…”` / three blank lines / `1. What is OOP?`).
pub(in super::super) fn split_lists_after_part_breaks(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let blank = |i: usize| matches!(lines[i].kind, Kind::Blank);
    let numbered = |i: usize| match &lines[i].kind {
        Kind::Heading(h)
            if !matches!(h.style, Style::Markdown(_) | Style::Question)
                && !lines[i].text.starts_with([' ', '\t', '\u{3000}']) =>
        {
            Some(h)
        }
        _ => None,
    };
    let mut added = Vec::new();
    let mut i = PART_BREAK;
    while i < lines.len() {
        let after_break = !blank(i) && (i - PART_BREAK..i).all(blank);
        let first = numbered(i).filter(|h| h.value == Some(1));
        let (true, Some(first)) = (after_break, first) else {
            i += 1;
            continue;
        };
        // The items of the list: the same style counting on by one, up to the next break.
        let mut items = vec![i];
        let mut expect = 2;
        let mut j = i + 1;
        let mut gap = 0;
        while j < lines.len() && gap < PART_BREAK {
            if blank(j) {
                gap += 1;
            } else {
                gap = 0;
                if let Some(h) = numbered(j).filter(|h| h.style == first.style) {
                    if h.value != Some(expect) {
                        break;
                    }
                    items.push(j);
                    expect += 1;
                }
            }
            j += 1;
        }
        // Only a list inside a record that began before the break: the outline read it as
        // that record's points.
        let owner = starts.iter().rev().find(|s| s.line <= i);
        let inside = owner.is_some_and(|s| s.line < i && matches!(s.role, Role::Record { .. }));
        if items.len() >= 2 && inside {
            for &k in &items {
                if starts.iter().all(|s| s.line != k) {
                    added.push(k);
                }
            }
        }
        i = j.max(i + 1);
    }
    for k in added {
        let Some(h) = numbered(k) else { continue };
        starts.push(Start {
            line: k,
            rank: Some(h.style.rank()),
            role: Role::Record {
                number: h.number.clone(),
                question: h.title.clone(),
            },
        });
    }
    starts.sort_by_key(|s| s.line);
}
