//! A label over a list, after a list of unanswered cards: a new group of cards.
//!
//! ```text
//! * How are system calls executed?     ← a card, like the ones above it: no answer
//!
//! Advanced:                            ← a group label, no answer to the card above
//!
//! * What is the difference between tasklet and workqueue?   ← a card
//! * What is the difference between softirq and tasklet?    ← a card
//! ```

use crate::parse::asking::asks;
use crate::parse::line::{Kind, strip_emphasis};
use crate::parse::{LABEL_RANK, Ln, Role, Start, blocks};

/// Characters past which a plain line is a sentence, not a label.
const LABEL_CHARS: usize = 30;

/// Characters past which a list item is a paragraph of notes, not a question jotted down.
const ITEM_CHARS: usize = 100;

/// Items the list under the label must hold.
const MIN_ITEMS: usize = 2;

/// A card that is a one-line list item (`* How are system calls executed?`), right after a
/// card of the same marker and indent with nothing under it, whose own text under it is only
/// short plain lines and then a list of two one-liners or more up to the next card: its siblings
/// carry no answers, so neither does it. The last short line over the list (`Advanced:`,
/// `算法题：（二选一）`) is a label naming a new group, and each item of the list a card.
pub(crate) fn split_labels_after_cards(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let mut extra = Vec::new();
    for n in 1..starts.len() {
        let (prev, at) = (starts[n - 1].line, starts[n].line);
        if !matches!(starts[n].role, Role::Record { .. })
            || !matches!(starts[n - 1].role, Role::Record { .. })
        {
            continue;
        }
        let (Some(mark), Some(prev_mark)) = (marker(&lines[at]), marker(&lines[prev])) else {
            continue;
        };
        if mark != prev_mark || (prev + 1..at).any(|i| !matches!(lines[i].kind, Kind::Blank)) {
            continue;
        }
        let end = starts.get(n + 1).map_or(lines.len(), |s| s.line);
        if let Some((label, items)) = label_over_list(lines, at + 1, end) {
            let words = strip_emphasis(lines[label].text);
            extra.push(Start {
                line: label,
                rank: Some(LABEL_RANK),
                role: Role::Section {
                    rank: LABEL_RANK,
                    title: words.trim().trim_end_matches([':', '：']).trim().to_owned(),
                },
            });
            extra.extend(items.into_iter().map(|i| item_card(&lines[i], i)));
        }
    }
    if !extra.is_empty() {
        starts.extend(extra);
        starts.sort_by_key(|s| s.line);
    }
}

/// A list item's marker and indent: the bullet character, or the numbering style.
#[derive(PartialEq, Eq)]
enum Marker {
    Bullet(char, usize),
    Number(crate::parse::line::Style, usize),
}

fn marker(l: &Ln<'_>) -> Option<Marker> {
    let body = l.text.trim_start_matches([' ', '\t', '\u{3000}']);
    let indent = l.text.len() - body.len();
    match &l.kind {
        Kind::Text => {
            blocks::bullet_item(body)?;
            body.chars().next().map(|c| Marker::Bullet(c, indent))
        }
        _ => l.numbered_item().map(|h| Marker::Number(h.style, indent)),
    }
}

/// The text of a one-line list item, if the line is one worth a card.
fn item_text(l: &Ln<'_>) -> Option<String> {
    let text = match &l.kind {
        Kind::Text => {
            blocks::bullet_item(l.text.trim_start_matches([' ', '\t', '\u{3000}']))?.to_owned()
        }
        _ => l.numbered_item()?.title.clone(),
    };
    let plain = strip_emphasis(&text);
    let plain = plain.trim();
    (!plain.is_empty() && plain.chars().count() <= ITEM_CHARS && !plain.contains('。'))
        .then(|| plain.to_owned())
}

/// The label line and the list items under it, if the lines `from..end` are blank lines and
/// short plain lines, then the label's list up to `end` (an empty bullet may close it).
fn label_over_list(lines: &[Ln<'_>], from: usize, end: usize) -> Option<(usize, Vec<usize>)> {
    let mut label = None;
    let mut items: Vec<usize> = Vec::new();
    let mut list_marker = None;
    let mut closed = false;
    for (i, l) in lines.iter().enumerate().take(end).skip(from) {
        if matches!(l.kind, Kind::Blank) {
            continue;
        }
        if closed {
            return None;
        }
        // An empty bullet (`*`) closes the list.
        if !items.is_empty() && matches!(l.text.trim(), "*" | "-" | "+") {
            closed = true;
            continue;
        }
        if let Some(m) = marker(l) {
            label?;
            item_text(l)?;
            if list_marker.as_ref().is_some_and(|k| *k != m) {
                return None;
            }
            list_marker = Some(m);
            items.push(i);
            continue;
        }
        if !items.is_empty() || !short_plain(l) {
            return None;
        }
        label = Some(i);
    }
    let label = label?;
    (items.len() >= MIN_ITEMS && !asks(&strip_emphasis(lines[label].text)))
        .then_some((label, items))
}

/// A short plain line at the margin that is no sentence.
fn short_plain(l: &Ln<'_>) -> bool {
    let t = l.text.trim_end();
    matches!(l.kind, Kind::Text)
        && !l.indented()
        && !l.code
        && t.chars().count() <= LABEL_CHARS
        && !t.contains(['。', '.', '，', ','])
}

fn item_card(l: &Ln<'_>, i: usize) -> Start {
    let number = l.numbered_item().and_then(|h| h.number.clone());
    let question = item_text(l).unwrap_or_default();
    Start {
        line: i,
        rank: None,
        role: Role::Record { number, question },
    }
}
