//! Flash cards written for a spaced-repetition plugin: `What is a thread?::A unit of…` on one
//! line, or the question, a line with only `?`, and the answer under it; and Markdown
//! definition lists (`Mutex` / `: A lock that…`), a term over its definitions.

use super::is_start;
use std::sync::LazyLock;

use regex::Regex;

use super::dialogue::add_starts;
use crate::parse::line::Kind;
use crate::parse::{Ln, Role, Start};

/// `question?::answer` (`:::` for a card that is also reversed).
static INLINE_CARD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\S.*?[?？][ \t]*:{2,3}[ \t]*\S").unwrap());

/// Cards in the flash-card syntax, two at least so the syntax is the notes' own: each
/// `question?::answer` line is a card, and so is each paragraph over a `?` line (the
/// paragraph asks, the lines under the `?` answer). A heading with nothing of its own over
/// such cards is their topic.
pub(crate) fn split_flash_cards(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let mut cards = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        match &l.kind {
            Kind::Text if !l.code && l.text.contains("::") && INLINE_CARD.is_match(l.text) => {
                cards.push(i);
            }
            Kind::Marker { text, .. } if matches!(text.label(), "?" | "??") => {
                // The question is the paragraph right above the `?`.
                let mut q = i;
                while q > 0 && matches!(lines[q - 1].kind, Kind::Text) && !lines[q - 1].code {
                    q -= 1;
                }
                if q < i {
                    cards.push(q);
                }
            }
            _ => {}
        }
    }
    if cards.len() < 2 {
        return;
    }
    cards.sort_unstable();
    cards.dedup();
    add_cards(lines, starts, &cards);
}

/// Each of `cards` (lines, in order) that is no start yet starts a record asking what it says.
fn add_cards(lines: &[Ln<'_>], starts: &mut Vec<Start>, cards: &[usize]) {
    let asked = cards
        .iter()
        .filter(|&&i| !is_start(starts, i))
        .map(|&i| (i, Role::question(lines[i].text)))
        .collect();
    add_starts(lines, starts, asked);
}

/// Definition lists (Pandoc, PHP Markdown Extra, kramdown): a term alone on its line with one
/// or more `: definition` lines right under it. With two terms at least, each term is a card
/// asking for its definition; a heading with nothing of its own over them is their topic.
pub(crate) fn split_definition_lists(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let definition = |l: &Ln<'_>| matches!(l.kind, Kind::Text) && l.text.starts_with(": ");
    let terms: Vec<usize> = (0..lines.len().saturating_sub(1))
        .filter(|&i| {
            let l = &lines[i];
            matches!(l.kind, Kind::Text | Kind::Heading(_))
                && !l.indented()
                && !definition(l)
                && definition(&lines[i + 1])
                && (i == 0 || matches!(lines[i - 1].kind, Kind::Blank))
        })
        .collect();
    if terms.len() < 2 {
        return;
    }
    add_cards(lines, starts, &terms);
}
