//! Turning a record's lines into blocks: paragraphs, sub-point headings, code (fenced or not),
//! lists, quotes, tables, images, links and notes; and splitting question-side context from
//! the answer at an answer marker.

use std::sync::LazyLock;

use regex::Regex;

use super::Ln;
use super::code::{brace_delta, code_indented, guess_lang};
use super::line::Kind;
use crate::model::{Block, BlockKind};

static URL_ONLY: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(https?://[^\s<>]+)$").unwrap());
static MD_LINK_ONLY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\[([^\]]*)\]\(([^)\s]+)\)$").unwrap());
static IMAGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)$"#).unwrap()
});
static LIST_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[ \t\u{3000}]*(?:[-*+•·]|\d{1,3}[.、)）]|[a-zA-Z][>)）.]|<\d{1,3}>)[ \t\u{3000}]+\S",
    )
    .unwrap()
});
static RULE_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[ \t]*(?:[-*_=~+]{3,}|[-*_] (?:[-*_] ?){2,})[ \t]*$").unwrap());

static BULLET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[-*+•][ \t\u{3000}]+(\S.*)$").unwrap());

/// Is this text nothing but images (`![](https://…/a.png "图片描述")`, two side by side)?
#[must_use]
pub fn image_only(text: &str) -> bool {
    let t = text.trim();
    if !t.starts_with("![") {
        return false;
    }
    // Each image closes with `)`: split after each and test the pieces.
    let mut rest = t;
    while !rest.is_empty() {
        let Some(end) = rest.find(')') else {
            return false;
        };
        // A title in quotes may hold `)`; take the shortest piece that is a whole image.
        let mut cut = end + 1;
        while !IMAGE.is_match(rest[..cut].trim()) {
            match rest[cut..].find(')') {
                Some(next) => cut += next + 1,
                None => return false,
            }
        }
        rest = rest[cut..].trim_start();
        if !rest.is_empty() && !rest.starts_with("![") {
            return false;
        }
    }
    true
}

/// The text of an unindented bullet item (`- 了解 TCP 吗？`), without its bullet.
#[must_use]
pub fn bullet_item(text: &str) -> Option<&str> {
    if !text.starts_with(['-', '*', '+', '•']) {
        return None;
    }
    BULLET
        .captures(text.trim_end())
        .and_then(|c| c.get(1))
        .map(|m| m.as_str())
}

/// What follows the to-do box of a task-list item's text (`[ ] 作用域链`, `[x] …`), as
/// written, if it opens with one.
#[must_use]
pub fn after_task_box(item: &str) -> Option<&str> {
    ["[ ]", "[x]", "[X]"]
        .iter()
        .find_map(|b| item.strip_prefix(b))
}

/// Is a bullet's text one link to a heading of the same page, an entry of the notes' contents
/// (`[2. Prometheus聚合](#2-prometheus聚合)`)? The anchor is the heading's words made a slug;
/// one that shares none of the link's words (`[什么是闭包？](#answer-1)`) marks a spot the
/// writer named, no heading, and the link may be a question.
#[must_use]
pub fn in_page_link(item: &str) -> bool {
    let t = item.trim();
    let Some((text, anchor)) = t
        .strip_prefix('[')
        .and_then(|r| r.strip_suffix(')'))
        .and_then(|r| r.rsplit_once("](#"))
    else {
        return false;
    };
    let words = |s: &str| -> Vec<char> {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let (text, anchor) = (words(text), words(anchor));
    // A percent-encoded anchor (`#%E4%BB%80…`) is a slug whose words cannot be read here.
    t.contains("](#%") || text.windows(2).any(|w| anchor.windows(2).any(|a| a == w))
}

/// Is this line a bare address?
#[must_use]
pub fn url_only(text: &str) -> Option<&str> {
    if !text.trim_start().starts_with("http") {
        return None;
    }
    URL_ONLY
        .captures(text.trim())
        .and_then(|c| c.get(1))
        .map(|m| m.as_str())
}

/// Is this line a horizontal rule or decoration (`-----`, `*****`)? A line of tildes alone is
/// a fence, as Markdown reads it, even where nothing pairs it with another: it frames, as a
/// bare fence of backticks does (see [`is_separator`]), and is no rule.
#[must_use]
pub fn is_rule_line(text: &str) -> bool {
    let t = text.trim_start_matches([' ', '\t']);
    t.starts_with(['-', '*', '_', '=', '~', '+'])
        && RULE_LINE.is_match(text)
        && !t.trim_end().bytes().all(|b| b == b'~')
        || is_hash_rule(t)
}

/// A line of three `#`s or more and nothing else (`#####`): a separator written with the
/// heading mark, which names no heading without words.
#[must_use]
pub fn is_hash_rule(text: &str) -> bool {
    let t = text.trim();
    t.len() >= 3 && t.bytes().all(|b| b == b'#')
}

/// A fence line with nothing after it read as text: it opens no code (a box drawn around an
/// item, or a fence never closed), and frames what it is next to.
fn bare_fence(text: &str) -> bool {
    super::line::fence_info(text.trim_start()).is_some_and(|info| info.is_empty())
}

/// Is this line only a separator: a rule, a bare `--` between entries, or a bare fence that
/// opens no code?
#[must_use]
pub fn is_separator(text: &str) -> bool {
    is_rule_line(text) || text.trim() == "--" || bare_fence(text)
}

static ART: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[+][-=]{2,}|[-=]{2,}[+]|-{2,}>|<-{2,}|={2,}>|^[ \t]*[|v^]([ \t]+[|v^])+[ \t]*$")
        .unwrap()
});

/// Is this line unmistakably part of an ASCII-art diagram (`+-----+`, `--->`, `|   |`)?
#[must_use]
pub fn is_art_line(text: &str) -> bool {
    let t = text.trim_start();
    // A one-byte search before each two-byte one: most lines hold neither `-` nor `=`.
    let maybe = (text.contains('-') && text.contains("--"))
        || (text.contains('=') && text.contains("=="))
        || t.starts_with(['|', 'v', '^']);
    maybe && ART.is_match(text) && !is_rule_line(text)
}

/// Does this line start a block of its own (list, quote, table, image, link, rule, diagram)?
#[must_use]
pub fn is_structural(text: &str) -> bool {
    let t = text.trim();
    // Every form but a diagram opens with an ASCII character or a bullet (`•`, `·`): most
    // lines, prose, are told by their first character.
    if !t.starts_with(|c: char| c.is_ascii() || matches!(c, '•' | '·')) {
        return is_art_line(text);
    }
    // The image, address and link patterns are anchored on their first characters: tested
    // first, they spare most lines the regexes.
    is_art_line(text)
        || LIST_ITEM.is_match(text)
        || t.starts_with('>')
        || t.starts_with('|')
        || (t.starts_with("![") && IMAGE.is_match(t))
        || (t.starts_with("http") && URL_ONLY.is_match(t))
        || (t.starts_with('[') && MD_LINK_ONLY.is_match(t))
        || is_separator(t)
}

/// The record's blocks: `(context, answer)`.
///
/// With an answer marker (`答案：`) among the lines, what stands before it is context; without
/// one, everything is answer.
#[must_use]
pub fn build(lines: &[Ln<'_>]) -> (Vec<Block>, Vec<Block>) {
    let has_marker = lines
        .iter()
        .any(|l| matches!(&l.kind, Kind::Marker { answer: true, .. }));
    let mut in_answer = !has_marker;
    // Whether a diagram line follows in the same paragraph, for every line in one backward
    // pass: asked of each `|` line, a scan would cost a long paragraph its length squared.
    let mut art_ahead = vec![false; lines.len() + 1];
    for i in (0..lines.len()).rev() {
        art_ahead[i] =
            matches!(lines[i].kind, Kind::Text) && (art_ahead[i + 1] || is_art_line(lines[i].text));
    }
    let mut context = Vec::new();
    let mut answer = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        let (block, next) = match &line.kind {
            Kind::Blank => {
                i += 1;
                continue;
            }
            Kind::Marker {
                text: marker,
                answer: answers,
            } => {
                if *answers {
                    in_answer = true;
                }
                let (mut text, end) = continuation(lines, i + 1, marker.rest().trim().to_owned());
                if text.is_empty() {
                    // A bare `答案：` line only switches sides; keep its label with what follows.
                    if *answers {
                        i += 1;
                        continue;
                    }
                    text.clear();
                }
                let kind = if *answers {
                    BlockKind::Paragraph
                } else {
                    BlockKind::Note
                };
                let mut block = Block::new(kind, text, line.number, lines[end - 1].number);
                block.label = Some(marker.label().to_owned());
                (block, end)
            }
            Kind::Fence { info } => fenced(lines, i, info),
            Kind::Heading(_) => sub_points(lines, i),
            Kind::Text if is_separator(line.text) || super::line::is_fold_line(line.text) => {
                // Decoration (`*****`, `-----`, `--`): inside the record's span, but no content.
                i += 1;
                continue;
            }
            Kind::Fenced | Kind::Text => text_block(lines, i, &art_ahead),
        };
        if in_answer {
            answer.push(block);
        } else {
            context.push(block);
        }
        i = next.max(i + 1);
    }
    (context, answer)
}

/// Text lines after a label line, up to a blank line or another kind of line.
fn continuation(lines: &[Ln<'_>], from: usize, mut text: String) -> (String, usize) {
    let mut end = from;
    while end < lines.len()
        && matches!(lines[end].kind, Kind::Text)
        && !lines[end].structural
        && !lines[end].code
    {
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(lines[end].text.trim());
        end += 1;
    }
    (text, end)
}

fn fenced(lines: &[Ln<'_>], start: usize, info: &str) -> (Block, usize) {
    let mut end = start + 1;
    while end < lines.len() && matches!(lines[end].kind, Kind::Fenced) {
        end += 1;
    }
    // A list item's code (`- ```` / `  git branch` / `  ````) is indented to the item's
    // content: that much indent is the item's, not the code's.
    let opening = lines[start].text;
    let item_indent = super::line::item_fence_column(opening).unwrap_or(0);
    let body: Vec<&str> = lines[start + 1..end]
        .iter()
        .map(|l| {
            let blanks = l.text.len() - l.text.trim_start_matches(' ').len();
            &l.text[blanks.min(item_indent)..]
        })
        .collect();
    let close = if end < lines.len() && matches!(lines[end].kind, Kind::Fence { .. }) {
        end
    } else {
        end - 1
    };
    let mut block = Block::new(
        BlockKind::Code,
        body.join("\n"),
        lines[start].number,
        lines[close].number,
    );
    block.lang = if info.is_empty() {
        guess_lang(&body).map(str::to_owned)
    } else {
        Some(info.to_ascii_lowercase())
    };
    (block, close + 1)
}

/// `art_ahead[i]`: an ASCII-art line is at `i` or after it in the same run of text lines.
fn text_block(lines: &[Ln<'_>], start: usize, art_ahead: &[bool]) -> (Block, usize) {
    let line = &lines[start];
    let t = line.text.trim();
    if matches!(line.kind, Kind::Text) {
        if line.code {
            return code_run(lines, start);
        }
        if let Some(url) = url_only(t) {
            let mut block = Block::new(BlockKind::Link, t, line.number, line.number);
            block.url = Some(url.to_owned());
            return (block, start + 1);
        }
        if let Some(c) = t
            .starts_with('[')
            .then(|| MD_LINK_ONLY.captures(t))
            .flatten()
        {
            let mut block = Block::new(BlockKind::Link, &c[1], line.number, line.number);
            block.url = Some(c[2].to_owned());
            return (block, start + 1);
        }
        if let Some(c) = t.starts_with("![").then(|| IMAGE.captures(t)).flatten() {
            let mut block = Block::new(BlockKind::Image, &c[1], line.number, line.number);
            block.url = Some(c[2].to_owned());
            return (block, start + 1);
        }
        if t.starts_with('>') {
            return quote(lines, start);
        }
        if is_art_line(line.text) || (t.starts_with('|') && art_ahead[start]) {
            return diagram(lines, start);
        }
        if t.starts_with('|') {
            return run(lines, start, BlockKind::Table, |l| {
                l.trim().starts_with('|')
            });
        }
        if LIST_ITEM.is_match(line.text) {
            return run(lines, start, BlockKind::List, |l| {
                LIST_ITEM.is_match(l) || l.starts_with([' ', '\t', '\u{3000}'])
            });
        }
        if is_tab_table_row(line.text)
            && lines
                .get(start + 1)
                .is_some_and(|n| matches!(n.kind, Kind::Text) && is_tab_table_row(n.text))
        {
            return run(lines, start, BlockKind::Table, is_tab_table_row);
        }
    }
    paragraph(lines, start)
}

/// A sub-point title (`1. 连接`) with content under it is a heading; a run of sub-points with
/// nothing between them is a list.
fn sub_points(lines: &[Ln<'_>], start: usize) -> (Block, usize) {
    let mut end = start + 1;
    while end < lines.len() && matches!(lines[end].kind, Kind::Heading(_)) {
        end += 1;
    }
    if end == start + 1 {
        let line = &lines[start];
        return (
            Block::new(
                BlockKind::Heading,
                line.text.trim(),
                line.number,
                line.number,
            ),
            end,
        );
    }
    (items_block(lines, start, end, BlockKind::List), end)
}

/// An ASCII-art diagram: from its first line to the end of the paragraph it stands in.
fn diagram(lines: &[Ln<'_>], start: usize) -> (Block, usize) {
    let mut end = start + 1;
    while end < lines.len() && matches!(lines[end].kind, Kind::Text) {
        end += 1;
    }
    let body: Vec<&str> = lines[start..end].iter().map(|l| l.text).collect();
    (
        Block::new(
            BlockKind::Code,
            body.join("\n"),
            lines[start].number,
            lines[end - 1].number,
        ),
        end,
    )
}

fn is_tab_table_row(text: &str) -> bool {
    text.trim()
        .split('\t')
        .filter(|c| !c.trim().is_empty())
        .count()
        >= 2
}

fn paragraph(lines: &[Ln<'_>], start: usize) -> (Block, usize) {
    let mut end = start + 1;
    while end < lines.len()
        && matches!(lines[end].kind, Kind::Text)
        && !lines[end].structural
        && !lines[end].code
    {
        end += 1;
    }
    let text: Vec<&str> = lines[start..end].iter().map(|l| l.text.trim()).collect();
    (
        Block::new(
            BlockKind::Paragraph,
            text.join("\n"),
            lines[start].number,
            lines[end - 1].number,
        ),
        end,
    )
}

/// Consecutive text lines that satisfy `member`; items are the lines as written.
fn run(
    lines: &[Ln<'_>],
    start: usize,
    kind: BlockKind,
    member: impl Fn(&str) -> bool,
) -> (Block, usize) {
    let mut end = start + 1;
    while end < lines.len() && matches!(lines[end].kind, Kind::Text) && member(lines[end].text) {
        end += 1;
    }
    (items_block(lines, start, end, kind), end)
}

/// A block of `kind` whose items are `lines[start..end]` as written.
fn items_block(lines: &[Ln<'_>], start: usize, end: usize, kind: BlockKind) -> Block {
    let items: Vec<String> = lines[start..end]
        .iter()
        .map(|l| l.text.trim_end().to_owned())
        .collect();
    let mut block = Block::new(
        kind,
        items.join("\n"),
        lines[start].number,
        lines[end - 1].number,
    );
    block.items = Some(items);
    block
}

/// A `>` quote; wrapped lines that continue without `>` belong to it up to a blank line.
fn quote(lines: &[Ln<'_>], start: usize) -> (Block, usize) {
    let mut end = start + 1;
    while end < lines.len()
        && matches!(lines[end].kind, Kind::Text)
        && (lines[end].text.trim_start().starts_with('>')
            || !(lines[end].structural || lines[end].code))
    {
        end += 1;
    }
    let text: Vec<&str> = lines[start..end]
        .iter()
        .map(|l| {
            let t = l.text.trim();
            t.strip_prefix('>').map_or(t, str::trim_start)
        })
        .collect();
    (
        Block::new(
            BlockKind::Quote,
            text.join("\n"),
            lines[start].number,
            lines[end - 1].number,
        ),
        end,
    )
}

/// Unfenced code: from a code-looking line on, while lines look like code, are indented like
/// code, sit inside open braces or a `/* */` comment. A blank line ends it only at brace depth 0.
fn code_run(lines: &[Ln<'_>], start: usize) -> (Block, usize) {
    let mut depth = 0i32;
    let mut in_comment = false;
    let mut end = start;
    let mut last_code = start;
    while end < lines.len() {
        let l = &lines[end];
        let open = depth > 0 || in_comment;
        let member = match l.kind {
            Kind::Blank => open,
            Kind::Text => {
                end == start
                    || l.code
                    || in_comment
                    || (open && code_indented(l.text))
                    || (code_indented(l.text)
                        && !l.text.chars().any(super::code::is_cjk)
                        && !l.structural)
            }
            _ => false,
        };
        if !member {
            break;
        }
        if !matches!(l.kind, Kind::Blank) {
            depth = (depth + brace_delta(l.text, &mut in_comment)).max(0);
            last_code = end;
        }
        end += 1;
    }
    let body: Vec<&str> = lines[start..=last_code].iter().map(|l| l.text).collect();
    let mut block = Block::new(
        BlockKind::Code,
        body.join("\n"),
        lines[start].number,
        lines[last_code].number,
    );
    block.lang = guess_lang(&body).map(str::to_owned);
    (block, last_code + 1)
}
