//! A labelled block after a list of bare one-liners: a note of its own.
//!
//! ```text
//! 6.Msg 提示框
//! 7.DelBufLine
//! 8.InsBufLine
//!
//! debug示例：          ← a record of its own, not more of item 8
//!     msg("cnt is:@cnt@");
//! ```

use crate::parse::asking::asks;
use crate::parse::line::{Kind, Style, strip_emphasis};
use crate::parse::{Ln, Role, Start};

/// One-liners, the last included, that make a list whose items carry nothing under them.
const BARE_ITEMS: usize = 3;

/// Characters past which a line ending in a colon is a sentence leading in, not a label.
const LABEL_CHARS: usize = 20;

/// A numbered list whose items are each one line with nothing under them (`7.DelBufLine`,
/// `8.InsBufLine`), three at least, then, set off by a blank line, an unnumbered label ending
/// in a colon (`debug示例：`) over an indented block: the list's items carry no answers, so the
/// block is no answer to the last of them but a note of its own, named by its label.
pub(crate) fn split_labels_after_bare_lists(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let mut extra: Vec<Start> = Vec::new();
    // The style of the run of bare numbered items before the start looked at, and its length.
    let mut run: Option<(Style, usize)> = None;
    for n in 0..starts.len() {
        let at = starts[n].line;
        let end = starts.get(n + 1).map_or(lines.len(), |s| s.line);
        let style = match (&starts[n].role, lines[at].numbered_item()) {
            (Role::Record { .. }, Some(h)) if !lines[at].indented() => h.style,
            _ => {
                run = None;
                continue;
            }
        };
        let count = match run {
            Some((s, c)) if s == style => c + 1,
            _ => 1,
        };
        // The first line under the item that is not blank, if any before the next start.
        let first = (at + 1..end).find(|&k| !matches!(lines[k].kind, Kind::Blank));
        let Some(label) = first else {
            run = Some((style, count));
            continue;
        };
        run = None;
        if count < BARE_ITEMS || label == at + 1 || !label_over_block(lines, label, end) {
            continue;
        }
        let words = strip_emphasis(lines[label].text);
        extra.push(Start {
            line: label,
            rank: None,
            role: Role::Record {
                number: None,
                question: words.trim().trim_end_matches([':', '：']).trim().to_owned(),
            },
        });
    }
    if !extra.is_empty() {
        starts.extend(extra);
        starts.sort_by_key(|s| s.line);
    }
}

/// Is line `i` a short label ending in a colon, at the margin, asking nothing, with an
/// indented block right under it (before `end`)?
fn label_over_block(lines: &[Ln<'_>], i: usize, end: usize) -> bool {
    let l = &lines[i];
    let words = strip_emphasis(l.text);
    let words = words.trim_end();
    matches!(l.kind, Kind::Text)
        && !l.indented()
        && words.ends_with([':', '：'])
        && words.chars().count() <= LABEL_CHARS
        && !asks(words)
        && lines
            .get(i + 1)
            .is_some_and(|b| i + 1 < end && matches!(b.kind, Kind::Text) && b.indented())
}
