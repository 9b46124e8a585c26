//! Pages written in an outliner (Logseq): every line a block (`- …`), nested by tabs (shown
//! as four spaces below), the block's next lines indented two spaces past its dash, and some
//! of them properties (`card-repeats:: 3`, `id:: 6410…`, `collapsed:: true`).
//!
//! ```text
//! - ## Go map                          ← a heading typed as a block
//!   collapsed:: true                   ← a property: metadata, no text of the notes
//!     - map 的底层结构是什么？ #card     ← a card: the outliner's own flash card
//!       card-repeats:: 2
//!         - 哈希表，每个桶装 8 个 key    ← its answer: the blocks nested under it
//!     - map 为什么是无序的？            ← a card: it asks over nested blocks
//!         - 遍历时随机选起始桶
//!     - map 不是并发安全的              ← a card too: it stands beside cards
//! ```
//!
//! Blocks typed as headings (`\t- ##### map 内存模型`) or marked so (`heading:: true`) are
//! headings, at any depth, but inside a card, where they are part of its answer. A block tagged
//! `#card` (`#Card`, `#[[card]]`, before or after its words, among other tags) is a card, and
//! so is a block that asks (ends with a question mark) over blocks nested under it. The blocks
//! beside a card, under the same block or heading, are cards alike, unless cards are nested
//! under them: then they group those cards, as a heading does. A card's answer is what is
//! nested under it, never the next block.

use std::collections::HashSet;

use super::Ln;
use super::classify::yaml_front_matter;
use super::line::Kind;

/// Blocks an outliner page holds at least, and marks of the outliner among them.
const MIN_BLOCKS: usize = 10;
const MIN_MARKS: usize = 2;

/// A block of an outliner page.
pub(super) struct Block<'a> {
    /// Its line.
    pub line: usize,
    /// How deep it is nested: the tabs before its dash.
    pub depth: usize,
    /// The heading level it is typed or marked at, none inside a card.
    pub heading: Option<usize>,
    /// Its text without its tags (and without the `#`s of a heading).
    pub front: &'a str,
    /// The block it is nested in, an index into the page's blocks.
    parent: Option<usize>,
    /// Tagged `#card`.
    tagged: bool,
}

/// An outliner page's blocks, and which of them are cards.
pub(super) struct Page<'a> {
    pub blocks: Vec<Block<'a>>,
    pub cards: Vec<bool>,
    /// Blocks that hold cards nested under them and are none (`- 传输层` over `\t- TCP` over
    /// `\t\t- TCP 如何保证可靠传输？ #card`): they group them, as headings do.
    pub groups: Vec<bool>,
}

impl<'a> Page<'a> {
    /// The page's blocks and cards, if `lines` are an outliner page's (see [`is_page`]).
    pub(super) fn read(lines: &[Ln<'a>]) -> Option<Self> {
        if !is_page(lines) {
            return None;
        }
        let mut blocks = blocks(lines);
        let words = |b: &Block<'_>| b.heading.is_none() && !b.front.is_empty();
        // The blocks that make cards: tagged, or asking over nested ones.
        let seed: Vec<bool> = blocks
            .iter()
            .enumerate()
            .map(|(k, b)| {
                let nests = blocks.get(k + 1).is_some_and(|n| n.depth > b.depth);
                words(b) && (b.tagged || (nests && b.front.ends_with(['？', '?'])))
            })
            .collect();
        // The blocks that hold such a block nested under them, at any depth.
        let mut holds = vec![false; blocks.len()];
        for k in (0..blocks.len()).filter(|&k| seed[k]) {
            let mut up = blocks[k].parent;
            while let Some(p) = up.filter(|&p| !holds[p]) {
                holds[p] = true;
                up = blocks[p].parent;
            }
        }
        // The blocks beside a card (the same parent, the same depth) are cards alike, unless
        // they hold cards: then they group them.
        let beside: HashSet<(Option<usize>, usize)> = (0..blocks.len())
            .filter(|&k| seed[k])
            .map(|k| (blocks[k].parent, blocks[k].depth))
            .collect();
        let mut cards: Vec<bool> = (0..blocks.len())
            .map(|k| {
                let b = &blocks[k];
                seed[k] || (words(b) && !holds[k] && beside.contains(&(b.parent, b.depth)))
            })
            .collect();
        let mut groups: Vec<bool> = (0..blocks.len())
            .map(|k| !cards[k] && holds[k] && words(&blocks[k]))
            .collect();
        // What is nested in a card is its answer: no heading, card or group of its own.
        let mut inside = vec![false; blocks.len()];
        for k in 0..blocks.len() {
            inside[k] = blocks[k].parent.is_some_and(|p| inside[p] || cards[p]);
            if inside[k] {
                blocks[k].heading = None;
                cards[k] = false;
                groups[k] = false;
            }
        }
        Some(Self {
            blocks,
            cards,
            groups,
        })
    }

    /// The block at line `at`, if one starts there.
    pub(super) fn block_at(&self, at: usize) -> Option<&Block<'a>> {
        let k = self.blocks.binary_search_by_key(&at, |b| b.line).ok()?;
        Some(&self.blocks[k])
    }

    /// The blocks that end a card, their lines and words: the first block after a card's
    /// nested blocks, no deeper than the card, that is neither a card, a group nor a heading
    /// and holds words.
    pub(super) fn card_ends(&self) -> Vec<(usize, &'a str)> {
        let mut ends = Vec::new();
        for (k, b) in self.blocks.iter().enumerate() {
            if !self.cards[k] {
                continue;
            }
            let next = (k + 1..self.blocks.len()).find(|&j| self.blocks[j].depth <= b.depth);
            if let Some(j) = next
                && !self.cards[j]
                && !self.groups[j]
                && self.blocks[j].heading.is_none()
                && self.blocks[j].front.chars().any(char::is_alphanumeric)
            {
                ends.push((self.blocks[j].line, self.blocks[j].front));
            }
        }
        ends
    }
}

/// Is the page an outliner's: blocks (`- …`) and what is under them (indented lines, a tab
/// or two spaces in), ten blocks at least, some nested by tabs, and two of the outliner's
/// marks: properties, blocks typed as headings under others, `#card` tags? A line of text at
/// the margin that is no block is another kind of notes: the first one found ends the search.
/// A front matter block (`---` … `---`) above the blocks is the page's.
fn is_page(lines: &[Ln<'_>]) -> bool {
    let mut blocks = 0;
    let mut nested = false;
    let mut marks = 0;
    let body = yaml_front_matter(lines).map_or(0, |end| end + 1);
    for l in &lines[body..] {
        if matches!(l.kind, Kind::Blank) {
            continue;
        }
        if let Some((depth, text)) = block_line(l.text) {
            blocks += 1;
            let deep = depth > 0;
            nested |= deep;
            marks += usize::from(
                (deep && text.starts_with('#') && text.trim_start_matches('#').starts_with(' '))
                    || untag_card(text).1,
            );
        } else if property(l.text.trim_start()) {
            marks += 1;
        } else if !l.indented() {
            return false;
        }
    }
    blocks >= MIN_BLOCKS && marks >= MIN_MARKS && nested
}

/// The blocks of an outliner page, in order. A block whose text is a property
/// (`- card-last-interval:: 8.32`) has no words of its own: its front is empty.
fn blocks<'a>(lines: &[Ln<'a>]) -> Vec<Block<'a>> {
    let mut blocks: Vec<Block<'a>> = Vec::new();
    // The last block at each depth, as an index into `blocks`: the parent of one deeper.
    let mut open: Vec<Option<usize>> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let Some((depth, text)) = block_line(l.text) else {
            continue;
        };
        let text = text.trim();
        open.resize(depth, None);
        let parent = open.last().copied().flatten();
        let marked = lines[i + 1..]
            .iter()
            .take_while(|n| {
                let rest = n.text.trim_start_matches('\t');
                rest.starts_with("  ") && !rest.trim_start().starts_with("- ")
            })
            .any(|n| n.text.trim() == "heading:: true");
        let hashes = text.bytes().take_while(|&b| b == b'#').count();
        let typed = (1..=6).contains(&hashes) && text[hashes..].starts_with(' ');
        let (front, tagged, heading) = if property(text) {
            ("", false, None)
        } else if typed {
            (text[hashes..].trim(), false, Some(hashes))
        } else {
            let (front, tagged) = untag_card(text);
            (front, tagged, marked.then_some((depth + 2).min(5)))
        };
        open.push(Some(blocks.len()));
        blocks.push(Block {
            line: i,
            depth,
            heading,
            front,
            parent,
            tagged,
        });
    }
    blocks
}

/// A block's line (`\t\t- 哈希表`, an empty `-`): how many tabs deep it is, and its text.
fn block_line(line: &str) -> Option<(usize, &str)> {
    let inner = line.trim_start_matches('\t');
    let text = inner.strip_prefix("- ").or((inner == "-").then_some(""))?;
    Some((line.len() - inner.len(), text))
}

/// A block's text without the tags around it (`Redis 有哪些类型？ #card #redis`, `#card AQS
/// 是什么？`, `… #card [[面试高频]]`), and whether one of them is `#card` (`#Card`,
/// `#[[card]]`): the outliner's mark of a flash card. Tags inside the text stay.
fn untag_card(text: &str) -> (&str, bool) {
    let is_tag =
        |w: &str| (w.starts_with('#') && w.len() > 1) || (w.starts_with("[[") && w.ends_with("]]"));
    let is_card = |w: &str| {
        let name = w
            .trim_start_matches('#')
            .trim_start_matches("[[")
            .trim_end_matches("]]");
        w.starts_with('#') && name.eq_ignore_ascii_case("card")
    };
    let text = text.trim();
    let mut front = text;
    let mut tagged = false;
    let mut hashed = false;
    while let Some((rest, last)) = front.rsplit_once(char::is_whitespace)
        && is_tag(last)
    {
        tagged |= is_card(last);
        hashed |= last.starts_with('#');
        front = rest.trim_end();
    }
    // Page references alone at the end are words (`什么是 [[MVCC]]`): only a tail with a `#`
    // tag in it is tags.
    if !hashed {
        front = text;
    }
    // A block that is nothing but one tag (`- #card`) has no words.
    if front.starts_with('#') && front.len() > 1 && !front.contains(char::is_whitespace) {
        tagged |= is_card(front);
        front = "";
    }
    while let Some((first, rest)) = front.split_once(char::is_whitespace)
        && is_card(first)
    {
        tagged = true;
        front = rest.trim_start();
    }
    (front, tagged)
}

/// An outliner's property line: a key of letters, digits and dashes, `::` and its value
/// (`card-last-score:: 3`, `background-color:: blue`).
pub(super) fn property(text: &str) -> bool {
    text.split_once(":: ").is_some_and(|(key, _)| {
        key.starts_with(|c: char| c.is_ascii_alphabetic())
            && key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    })
}

#[cfg(test)]
mod tests {
    use super::untag_card;

    #[test]
    fn card_tags_anywhere_around_the_words() {
        assert_eq!(
            untag_card("Redis 有哪些类型？ #card #redis"),
            ("Redis 有哪些类型？", true)
        );
        assert_eq!(untag_card("#card AQS 是什么？"), ("AQS 是什么？", true));
        assert_eq!(
            untag_card("SDS 的好处？ #Card [[面试高频]]"),
            ("SDS 的好处？", true)
        );
        assert_eq!(
            untag_card("CAS 有什么问题？ #[[card]]"),
            ("CAS 有什么问题？", true)
        );
        assert_eq!(untag_card("#card"), ("", true));
        // Other tags are dropped from around the words, but are no card.
        assert_eq!(untag_card("GC 调优 #go [[runtime]]"), ("GC 调优", false));
        // A tag inside the words stays; `#cards` is another tag.
        assert_eq!(
            untag_card("用 #card 标记卡片的方法"),
            ("用 #card 标记卡片的方法", false)
        );
        assert_eq!(untag_card("复习 #cards"), ("复习", false));
        // Page references at the end are words, unless tags come with them.
        assert_eq!(untag_card("什么是 [[MVCC]]"), ("什么是 [[MVCC]]", false));
        assert_eq!(untag_card("[[Redis]]"), ("[[Redis]]", false));
    }
}
