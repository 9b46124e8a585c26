//! Pages written in an outliner (Logseq), read as [`crate::parse::outliner`] says: their
//! headings and cards are headings when lines are classified, and this pass keeps what the
//! outline of headings cannot see. Every card is a record, whatever the outline made of it;
//! the first block after a card's answer, no deeper than the card, starts a record of its own
//! (a card's answer is what is nested under it). A block that holds cards nested under it and
//! is none (`- 传输层` / `\t- TCP` / `\t\t- TCP 如何保证可靠传输？ #card`) is a section over
//! them. Nothing stands outside a block: a heading block with text of its own before the cards
//! under it is a card too, and one with nothing of its own but properties over them groups
//! them.
//!
//! ```text
//! - ##### [[channel]] [#](…)          ← a card: the quote under it is its answer
//!   > 不要通过共享内存来通信 …
//!     - [向channel发送数据过程怎么样的?](…) #card   ← a card
//! - 类加载的过程                       ← a record: no part of the card above
//! ```

use super::merge_starts;
use crate::parse::line::{self, Kind};
use crate::parse::outliner::{Page, property};
use crate::parse::{LABEL_RANK, Ln, Role, Start};

/// Read an outliner page's cards and headings as the outliner writes them.
pub(crate) fn read_outliner_pages(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let Some(page) = Page::read(lines) else {
        return;
    };
    let mut extra = Vec::new();
    let cards = page
        .blocks
        .iter()
        .zip(&page.cards)
        .filter(|(_, card)| **card)
        .map(|(b, _)| (b.line, b.front));
    for (at, front) in cards.chain(page.card_ends()) {
        match starts.binary_search_by_key(&at, |s| s.line) {
            Ok(n) if matches!(starts[n].role, Role::Record { .. }) => {}
            Ok(n) => starts[n].role = Role::question(front),
            Err(_) => extra.push(Start {
                line: at,
                rank: None,
                role: Role::question(front),
            }),
        }
    }
    // A block that groups cards is a section over them, ranked by its depth below headings.
    let groups = page.blocks.iter().zip(&page.groups).filter(|(_, g)| **g);
    for (b, _) in groups {
        let rank = u8::try_from(GROUP_RANK + b.depth)
            .unwrap_or(u8::MAX)
            .min(LABEL_RANK - 1);
        let role = Role::Section {
            rank,
            title: line::strip_emphasis(b.front).trim().to_owned(),
        };
        match starts.binary_search_by_key(&b.line, |s| s.line) {
            Ok(n) => {
                starts[n].rank = Some(rank);
                starts[n].role = role;
            }
            Err(_) => extra.push(Start {
                line: b.line,
                rank: Some(rank),
                role,
            }),
        }
    }
    merge_starts(starts, extra);
    for n in 0..starts.len() {
        let at = starts[n].line;
        let Kind::Heading(h) = &lines[at].kind else {
            continue;
        };
        let end = starts
            .get(n + 1)
            .map_or(lines.len(), |s| s.line)
            .max(at + 1);
        let holds_text = lines[at + 1..end].iter().any(|l| {
            let t = l.text.trim_start_matches(['\t', ' ']);
            !matches!(l.kind, Kind::Blank) && !property(t) && t != "-"
        });
        // A heading block with nothing of its own but properties over the blocks nested under
        // it that start cards or headings groups them.
        let over_cards = page
            .block_at(at)
            .zip(page.block_at(end))
            .is_some_and(|(heading, next)| next.depth > heading.depth);
        match &starts[n].role {
            Role::Section { .. } if holds_text => {
                starts[n].role = Role::Record {
                    number: h.number.clone(),
                    question: line::strip_emphasis(&h.title).trim().to_owned(),
                };
            }
            Role::Record { .. } if !holds_text && over_cards => {
                starts[n].rank = Some(h.style.rank());
                starts[n].role = Role::Section {
                    rank: h.style.rank(),
                    title: h.title.clone(),
                };
            }
            _ => {}
        }
    }
}

/// The rank of a block that groups cards at the margin: below every heading's (`######` is 6).
const GROUP_RANK: usize = 7;
