//! Topic titles typed with a closing colon, like the file's other topics:
//!
//! ```text
//! 闭包                             ← a topic the readings found
//!     函数和它能访问的变量…
//!
//! TCP三次握手：                     ← a topic too, its colon aside
//!     客户端发起连接请求…
//! ```
//!
//! A short line ending in a colon may lead in the list or paragraph under it; where the file
//! sets its topics apart as blocks, each a short line at the margin after a blank line with its
//! lines indented under it, and such a block's title already starts a card, a block whose
//! title closes with a colon is one more topic: it starts a card, however the readings so far
//! took it (the answer of the card above). Three colon-titled blocks or more show that way of
//! setting topics apart on their own.

use super::{Ln, Role, Start, is_start, record_at};
use crate::parse::line::Kind;

/// Blocks of the shape a file needs before their colon titles are read as topics.
const MIN_BLOCKS: usize = 2;

/// Colon-titled blocks that show the file's way of setting topics apart on their own.
const MIN_COLON_BLOCKS: usize = 3;

/// Is line `i` the title of a topic block: at the margin, after a blank line (or first), short,
/// with an indented line right under it?
fn block_title(lines: &[Ln<'_>], i: usize) -> bool {
    let l = &lines[i];
    matches!(l.kind, Kind::Text)
        && !l.indented()
        && (l.shape.title || l.shape.colon_label)
        && (i == 0 || matches!(lines[i - 1].kind, Kind::Blank))
        && lines
            .get(i + 1)
            .is_some_and(|n| matches!(n.kind, Kind::Text) && n.indented() && !n.code)
}

/// Start a card at each colon-titled topic block where the file's other blocks are cards.
pub(crate) fn split_colon_topics(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let blocks: Vec<usize> = (0..lines.len())
        .filter(|&i| block_title(lines, i))
        .collect();
    if blocks.len() < MIN_BLOCKS {
        return;
    }
    let colon_titled = blocks
        .iter()
        .filter(|&&i| lines[i].shape.colon_label)
        .count();
    let confirmed = colon_titled >= MIN_COLON_BLOCKS
        || blocks
            .iter()
            .any(|&i| !lines[i].shape.colon_label && record_at(starts, i).is_some());
    if !confirmed {
        return;
    }
    let added: Vec<Start> = blocks
        .into_iter()
        .filter(|&i| lines[i].shape.colon_label && !is_start(starts, i))
        .map(|i| Start {
            line: i,
            rank: None,
            role: Role::question(lines[i].text),
        })
        .collect();
    if !added.is_empty() {
        starts.extend(added);
        starts.sort_by_key(|s| s.line);
    }
}
