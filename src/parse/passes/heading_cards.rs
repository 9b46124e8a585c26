//! Numbered question headings counting on (`## 1. Q1. Why arrays`, `## 2. …`, `## 3. …`), one
//! of which holds a line that asks (`Why are arrays used in programming?`, `**如何预防？**`).

use crate::parse::asking::{asks, ends_asking, question_like};
use crate::parse::line::Kind;
use crate::parse::{Ln, Role, Start};

/// Numbered headings of one level in a row before a card is kept whole.
const MIN_RUN: usize = 3;

/// Where the questions are numbered headings of one level counting on (three or more in a row,
/// each a card), a single unnumbered line that asks inside one of them is no card of its own:
/// it words that card's question in full (`## 4. Default int value` / `What is the default
/// value…?`) or asks a follow-up inside its answer (`**如何过滤与预防？**`). A heading holding
/// more such lines is a topic over its questions, and keeps them; a line that opens with a
/// number is a question of the run typed without its heading marks.
pub(crate) fn keep_numbered_heading_cards_whole(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    // Card headings: (index into starts, level, number).
    let cards: Vec<(usize, u8, u32)> = starts
        .iter()
        .enumerate()
        .filter_map(|(k, s)| card_heading(lines, s).map(|(level, value)| (k, level, value)))
        .collect();
    let mut drop = Vec::new();
    let mut a = 0;
    while a < cards.len() {
        let (_, level, mut value) = cards[a];
        let mut b = a + 1;
        while b < cards.len() && cards[b].1 == level && cards[b].2 == value + 1 {
            value += 1;
            b += 1;
        }
        if b - a >= MIN_RUN {
            for c in a..b {
                let from = cards[c].0 + 1;
                let to = cards.get(c + 1).map_or(starts.len(), |n| n.0);
                drop.extend(
                    lone_asking_line(&starts[from..to.max(from)], level)
                        .filter(|&i| !numbered_text(lines[i].text)),
                );
            }
        }
        a = b;
    }
    if !drop.is_empty() {
        starts.retain(|s| drop.binary_search(&s.line).is_err());
    }
}

/// The Markdown level and number of a numbered heading that starts a card.
fn card_heading(lines: &[Ln<'_>], start: &Start) -> Option<(u8, u32)> {
    if !matches!(start.role, Role::Record { .. }) {
        return None;
    }
    let Kind::Heading(h) = &lines[start.line].kind else {
        return None;
    };
    let level = lines[start.line].markdown_level()?;
    Some((level, h.value?))
}

/// The line of the only start inside a card heading's span (up to the next heading of its
/// level or above), when that start is an unnumbered line (no heading) read as a card that
/// asks.
fn lone_asking_line(after: &[Start], level: u8) -> Option<usize> {
    let end = after
        .iter()
        .position(|s| s.rank.is_some_and(|r| r <= level))
        .unwrap_or(after.len());
    match &after[..end] {
        [only] if only.rank.is_none() => match &only.role {
            Role::Record { question, .. }
                if ends_asking(question) || asks(question) || question_like(question) =>
            {
                Some(only.line)
            }
            _ => None,
        },
        _ => None,
    }
}

/// Does a line open with a number (`6.32位系统上有什么细微差别?`): a question of the run typed
/// without its heading marks, not a line of one card's answer?
fn numbered_text(text: &str) -> bool {
    let t = crate::parse::line::strip_emphasis(text);
    t.trim_start().starts_with(|c: char| c.is_ascii_digit())
}
