//! Stage 4 — render: records → card HTML.
//!
//! Every piece of note text is HTML-escaped here and nowhere else; the only markup in the
//! output is what this module writes. Links become anchors only for `http`/`https` addresses.
//! Code is syntax-highlighted by [`crate::highlight`].

use std::fmt::Write as _;
use std::sync::LazyLock;

use html_escape::{encode_double_quoted_attribute, encode_text};
use rayon::prelude::*;
use regex::Regex;

use crate::model::{Block, BlockKind, Record};

static INLINE_URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"https?://[^\s<>'\x22，。；、）)】]+").unwrap());

/// Fill `front_html` and `back_html` of every record, on every core: each record's HTML
/// depends on that record alone.
pub fn render_all(records: &mut [Record]) {
    records
        .par_iter_mut()
        .with_min_len(RECORDS_PER_TASK)
        .for_each(|record| {
            // Kept until the run ends: no slack from growing them.
            record.front_html = tight(front_html(record));
            record.back_html = tight(blocks_html(&record.answer));
        });
}

/// `text` in an allocation of its own length. `shrink_to_fit` is not enough: mimalloc leaves
/// a string that fills at least half of its block where it is, slack and all (with every
/// card's HTML held to the end of the run, some 35 MB for 100k notes).
fn tight(text: String) -> String {
    if text.capacity() == text.len() {
        text
    } else {
        text.as_str().to_owned()
    }
}

/// Records rendered in one go by a thread: enough to make the hand-off cost nothing, few
/// enough to keep both cores busy to the end.
const RECORDS_PER_TASK: usize = 64;

/// The card front: the question, then its context.
#[must_use]
pub fn front_html(record: &Record) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<div class=\"zk-question\">{}</div>",
        inline(&record.question)
    );
    if !record.context.is_empty() {
        let _ = write!(
            out,
            "<div class=\"zk-context\">{}</div>",
            blocks_html(&record.context)
        );
    }
    out
}

/// The question alone, escaped, with links live.
#[must_use]
pub fn question_html(record: &Record) -> String {
    inline(&record.question)
}

/// Blocks as HTML.
#[must_use]
pub fn blocks_html(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks {
        block_html(block, &mut out);
    }
    out
}

fn block_html(block: &Block, out: &mut String) {
    match block.kind {
        BlockKind::Paragraph => {
            let _ = write!(out, "<p>{}</p>", lines(&block.text));
        }
        BlockKind::Heading => {
            let _ = write!(out, "<h4 class=\"zk-sub\">{}</h4>", inline(&block.text));
        }
        BlockKind::Note => {
            let label = block.label.as_deref().unwrap_or("注");
            let _ = write!(
                out,
                "<div class=\"zk-note\"><span class=\"zk-label\">{}</span>{}</div>",
                encode_text(label),
                lines(&block.text)
            );
        }
        BlockKind::Code => {
            let lang = block.lang.as_deref().unwrap_or("");
            let _ = write!(
                out,
                "<pre class=\"zk-code\" data-lang=\"{}\"><code>{}</code></pre>",
                encode_double_quoted_attribute(lang),
                crate::highlight::code_html(&block.text, block.lang.as_deref())
            );
        }
        BlockKind::List => list_html(block, out),
        BlockKind::Quote => {
            let _ = write!(out, "<blockquote>{}</blockquote>", lines(&block.text));
        }
        BlockKind::Table => table_html(block, out),
        BlockKind::Image => {
            let url = block.url.as_deref().unwrap_or("");
            if is_web(url) {
                let _ = write!(
                    out,
                    "<p class=\"zk-image\"><a href=\"{}\">{}</a></p>",
                    encode_double_quoted_attribute(url),
                    encode_text(if block.text.is_empty() {
                        url
                    } else {
                        &block.text
                    })
                );
            } else if media_outside_notes(url).is_none() {
                let _ = write!(
                    out,
                    "<p class=\"zk-image\"><img src=\"{}\" alt=\"{}\"></p>",
                    encode_double_quoted_attribute(&media_name(url)),
                    encode_double_quoted_attribute(&block.text)
                );
            } else {
                // Refused (Z013): not packaged, so shown as what was written.
                let _ = write!(
                    out,
                    "<p class=\"zk-image\">{}</p>",
                    encode_text(&format!("![{}]({url})", block.text))
                );
            }
        }
        BlockKind::Link => {
            let url = block.url.as_deref().unwrap_or("");
            if is_web(url) {
                let _ = write!(
                    out,
                    "<p class=\"zk-link\"><a href=\"{}\">{}</a></p>",
                    encode_double_quoted_attribute(url),
                    encode_text(&block.text)
                );
            } else {
                let _ = write!(out, "<p class=\"zk-link\">{}</p>", encode_text(&block.text));
            }
        }
    }
}

/// The file name an image is stored under in the deck's media: the path's last component.
#[must_use]
pub fn media_name(path: &str) -> String {
    path.rsplit(['/', '\\']).next().unwrap_or(path).to_owned()
}

/// Why a local image address cannot name a file inside the notes' folder, judged from the
/// text alone: `"an absolute path"` (`/etc/x.png`, `C:\\x.png`, `file:///x.png`), `"not a file
/// path"` (`javascript:`, `data:`), or `"above the notes folder"` (`../x.png`,
/// `img/../../x.png`). `None` for a relative path that stays inside. Web addresses are not
/// local images; ask [`is_web`] first.
#[must_use]
pub fn media_outside_notes(url: &str) -> Option<&'static str> {
    let path = url.strip_prefix("file://").unwrap_or(url);
    if path.starts_with(['/', '\\']) {
        return Some("an absolute path");
    }
    if let Some((scheme, _)) = path.split_once(':') {
        let is_scheme = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
        if is_scheme {
            return Some(if scheme.len() == 1 {
                "an absolute path"
            } else {
                "not a file path"
            });
        }
    }
    // The file name becomes the card's `src`: a colon there would read as a scheme.
    if media_name(path).contains(':') {
        return Some("not a file path");
    }
    let mut depth = 0usize;
    for part in path.split(['/', '\\']) {
        match part {
            "" | "." => {}
            ".." => match depth.checked_sub(1) {
                Some(up) => depth = up,
                None => return Some("above the notes folder"),
            },
            _ => depth += 1,
        }
    }
    None
}

/// An `http`/`https` address.
#[must_use]
pub fn is_web(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Escaped text with `http(s)` addresses turned into anchors.
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut last = 0;
    for m in INLINE_URL.find_iter(text) {
        out.push_str(&encode_text(&text[last..m.start()]));
        let _ = write!(
            out,
            "<a href=\"{}\">{}</a>",
            encode_double_quoted_attribute(m.as_str()),
            encode_text(m.as_str())
        );
        last = m.end();
    }
    out.push_str(&encode_text(&text[last..]));
    out
}

/// Escaped lines joined with `<br>`. A line ending in one `\` before another line is
/// Markdown's hard line break, common in notes kept with Typora: the break is the `<br>`, so
/// the backslash is not shown.
fn lines(text: &str) -> String {
    let mut parts = text.split('\n').peekable();
    let mut out = Vec::new();
    while let Some(line) = parts.next() {
        let line = match line.strip_suffix('\\') {
            Some(kept) if parts.peek().is_some() && !kept.ends_with('\\') => kept,
            _ => line,
        };
        out.push(inline(line));
    }
    out.join("<br>")
}

static LIST_MARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^([ \t\u{3000}]*)(?:[-*+•·]|\d{1,3}[.、)）]|[a-zA-Z][>)）.]|<\d{1,3}>)[ \t\u{3000}]+",
    )
    .unwrap()
});

fn list_html(block: &Block, out: &mut String) {
    out.push_str("<ul class=\"zk-list\">");
    for item in block.items.iter().flatten() {
        let (indent, text, marker) = match LIST_MARK.captures(item) {
            Some(c) => {
                let whole = c.get(0).map_or(0, |m| m.end());
                let marker = item[c[1].len()..whole].trim();
                (indent_level(&c[1]), &item[whole..], marker)
            }
            None => (indent_level(item), item.trim_start(), ""),
        };
        let ordered = marker
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == '<');
        let _ = write!(out, "<li style=\"margin-left:{indent}em\"");
        if ordered {
            let _ = write!(
                out,
                " class=\"zk-ordered\" data-marker=\"{}\"",
                encode_double_quoted_attribute(marker)
            );
        }
        out.push('>');
        if ordered {
            let _ = write!(
                out,
                "<span class=\"zk-marker\">{}</span> ",
                encode_text(marker)
            );
        }
        out.push_str(&inline(text.trim()));
        out.push_str("</li>");
    }
    out.push_str("</ul>");
}

fn indent_level(ws: &str) -> usize {
    let width: usize = ws
        .chars()
        .take_while(|c| c.is_whitespace())
        .map(|c| match c {
            '\t' => 4,
            '\u{3000}' => 2,
            _ => 1,
        })
        .sum();
    width / 2
}

fn table_html(block: &Block, out: &mut String) {
    out.push_str("<table class=\"zk-table\">");
    let mut first = true;
    for row in block.items.iter().flatten() {
        let t = row.trim();
        let cells: Vec<&str> = if t.starts_with('|') {
            t.trim_matches('|').split('|').map(str::trim).collect()
        } else {
            t.split('\t')
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .collect()
        };
        if cells
            .iter()
            .all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')))
        {
            continue;
        }
        let tag = if first { "th" } else { "td" };
        first = false;
        out.push_str("<tr>");
        for cell in cells {
            let _ = write!(out, "<{tag}>{}</{tag}>", inline(cell));
        }
        out.push_str("</tr>");
    }
    out.push_str("</table>");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(text: &str) -> Block {
        Block::new(BlockKind::Paragraph, text, 1, 1)
    }

    #[test]
    fn hard_break_backslashes_are_not_shown() {
        let html = blocks_html(&[para("第一行\\\n第二行 C:\\\\\n末尾\\")]);
        assert_eq!(html, "<p>第一行<br>第二行 C:\\\\<br>末尾\\</p>");
    }

    #[test]
    fn escapes_markup() {
        let html = blocks_html(&[para(
            "<script>alert(1)</script> <b>x</b> <img src=x onerror=alert(1)>",
        )]);
        assert!(!html.contains("<script"));
        assert!(!html.contains("<b>"));
        assert!(!html.contains("<img"));
        assert!(html.contains("&lt;script&gt;"));
    }

    #[test]
    fn only_web_links_are_live() {
        let mut block = Block::new(BlockKind::Link, "x", 1, 1);
        block.url = Some("javascript:alert(1)".into());
        let html = blocks_html(&[block]);
        assert!(!html.contains("href"));
        let html = blocks_html(&[para("见 https://go.dev/doc?a=1&b=2 。")]);
        assert!(html.contains("<a href=\"https://go.dev/doc?a=1&amp;b=2\">"));
    }

    #[test]
    fn media_outside_notes_is_told_from_the_path() {
        for inside in [
            "a.png",
            "img/a.png",
            "./img/../a.png",
            "img\\a.png",
            "file://img/a.png",
        ] {
            assert_eq!(media_outside_notes(inside), None, "{inside}");
        }
        for (outside, why) in [
            ("../a.png", "above the notes folder"),
            ("img/../../a.png", "above the notes folder"),
            ("..\\..\\etc\\passwd", "above the notes folder"),
            ("/etc/passwd", "an absolute path"),
            ("file:///etc/passwd", "an absolute path"),
            ("C:\\Windows\\a.png", "an absolute path"),
            ("\\\\server\\share\\a.png", "an absolute path"),
            ("javascript:alert(1)", "not a file path"),
            ("img/javascript:alert(1)", "not a file path"),
            ("data:image/png;base64,AAAA", "not a file path"),
        ] {
            assert_eq!(media_outside_notes(outside), Some(why), "{outside}");
        }
        let mut image = Block::new(BlockKind::Image, "<b>", 1, 1);
        image.url = Some("../../etc/passwd".into());
        assert_eq!(
            blocks_html(&[image]),
            "<p class=\"zk-image\">![&lt;b&gt;](../../etc/passwd)</p>"
        );
    }

    #[test]
    fn tables_skip_separator_rows() {
        let mut block = Block::new(BlockKind::Table, "", 1, 3);
        block.items = Some(vec![
            "| a | b |".into(),
            "|---|---|".into(),
            "| 1 | <2> |".into(),
        ]);
        let html = blocks_html(&[block]);
        assert_eq!(
            html,
            "<table class=\"zk-table\"><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>&lt;2&gt;</td></tr></table>"
        );
    }
}
