//! Pages written in an outliner (Logseq): every line a block (`- …`), nested by tabs. Blocks
//! typed as headings are headings and blocks tagged `#card` are cards, wherever they sit (see
//! `classify::outliner_pages`). In such a page nothing stands outside a block: a heading
//! block with text of its own before the cards under it is a card too, that text its answer.
//!
//! ```text
//! - ##### [[channel]] [#](…)          ← a card: the quote under it is its answer
//!   > 不要通过共享内存来通信 …
//! \t- 数据结构 [#](…)
//! \t- [向channel发送数据过程怎么样的?](…) #card   ← a card
//! ```

use crate::parse::classify::{outliner_page, outliner_property};
use crate::parse::line::{self, Kind};
use crate::parse::{Ln, Role, Start};

/// Make every section heading of an outliner page that holds text before the next start a
/// record asking what the heading says.
pub(crate) fn read_outliner_sections(lines: &[Ln<'_>], starts: &mut [Start]) {
    if !outliner_page(lines) {
        return;
    }
    for n in 0..starts.len() {
        let at = starts[n].line;
        let (Role::Section { .. }, Kind::Heading(h)) = (&starts[n].role, &lines[at].kind) else {
            continue;
        };
        let end = starts.get(n + 1).map_or(lines.len(), |s| s.line);
        let holds_text = lines[at + 1..end].iter().any(|l| {
            !matches!(l.kind, Kind::Blank)
                && !outliner_property(l.text.trim_start_matches(['\t', ' ']))
                && l.text.trim_start_matches(['\t', ' ']) != "-"
        });
        if holds_text {
            starts[n].role = Role::Record {
                number: h.number.clone(),
                question: line::strip_emphasis(&h.title).trim().to_owned(),
            };
        }
    }
}
