//! A heading that asks nothing and holds nothing of its own over cards read under it (`## 2.
//! OS, RTOS & Embedded Systems` / `* **Deep Sleep & RTOS Latency:**` / …): their group.

use crate::parse::asking::asks_any_way;
use crate::parse::line::{Kind, strip_emphasis};
use crate::parse::{Ln, Role, Start};

/// Cards under a heading before it is read as their group.
const MIN_CARDS: usize = 2;

/// A Markdown heading read as a card that asks nothing, with nothing of its own before the first of two
/// or more cards found under it (only blank lines, or subject lines that ask nothing: `1.
/// Transformer及其变种`), is their section: a card with no answer is no card, and a title
/// over cards names their topic.
pub(crate) fn group_cards_under_bare_headings(lines: &[Ln<'_>], starts: &mut [Start]) {
    for k in 0..starts.len() {
        let Some(rank) = starts[k].rank else {
            continue;
        };
        let Role::Record { question, .. } = &starts[k].role else {
            continue;
        };
        // A Markdown heading: a numbered line (`3、sessionStorage…`) is an item of its list.
        if lines[starts[k].line].markdown_level().is_none() || asks_any_way(question) {
            continue;
        }
        let cards = starts[k + 1..]
            .iter()
            .take_while(|s| s.rank.is_none_or(|r| r > rank))
            .filter(|s| matches!(s.role, Role::Record { .. }))
            .take(MIN_CARDS)
            .count();
        if cards < MIN_CARDS {
            continue;
        }
        let first = starts[k + 1].line;
        let bare = (starts[k].line + 1..first).all(|i| match &lines[i].kind {
            Kind::Blank => true,
            Kind::Heading(h) => !asks_any_way(&h.title),
            _ => false,
        });
        if bare && matches!(starts[k + 1].role, Role::Record { .. }) {
            let title = strip_emphasis(question).trim().to_owned();
            starts[k].role = Role::Section { rank, title };
        }
    }
}
