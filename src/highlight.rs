//! Syntax highlighting for code blocks, part of the render stage.
//!
//! Go is highlighted by tree-sitter-highlight with the official tree-sitter-go grammar and
//! queries; the HTML it writes escapes the source text. Other languages are escaped plainly.
//! A Chinese remark trailing a code line (`ch := make(chan int)    无缓冲…`) is kept, styled as a
//! remark rather than fed to the highlighter.

use std::cell::RefCell;
use std::fmt::Write as _;
use std::sync::LazyLock;

use html_escape::encode_text;
use tree_sitter_highlight::{HighlightConfiguration, Highlighter, HtmlRenderer};

use crate::parse::code::prose_tail;

/// Capture names we style; each becomes the class `zk-<name with dots as dashes>`.
const NAMES: &[&str] = &[
    "comment",
    "constant.builtin",
    "escape",
    "function",
    "function.builtin",
    "function.method",
    "keyword",
    "number",
    "operator",
    "property",
    "string",
    "type",
    "variable",
];

static CLASS_ATTRS: LazyLock<Vec<String>> = LazyLock::new(|| {
    NAMES
        .iter()
        .map(|n| format!("class=\"zk-{}\"", n.replace('.', "-")))
        .collect()
});

static GO: LazyLock<Option<HighlightConfiguration>> = LazyLock::new(|| {
    let mut config = HighlightConfiguration::new(
        tree_sitter_go::LANGUAGE.into(),
        "go",
        tree_sitter_go::HIGHLIGHTS_QUERY,
        "",
        "",
    )
    .ok()?;
    config.configure(NAMES);
    Some(config)
});

thread_local! {
    static HIGHLIGHTER: RefCell<Highlighter> = RefCell::new(Highlighter::new());
}

/// The HTML inside `<code>` for `code` in `lang`.
#[must_use]
pub fn code_html(code: &str, lang: Option<&str>) -> String {
    let config = match lang {
        Some("go" | "golang") => GO.as_ref(),
        _ => None,
    };
    // Blank out remarks so the highlighter sees only code, then put them back per line.
    let mut remarks: Vec<Option<(&str, &str)>> = Vec::new();
    let mut masked = String::with_capacity(code.len());
    for (i, line) in code.split('\n').enumerate() {
        if i > 0 {
            masked.push('\n');
        }
        if let Some(at) = prose_tail(line) {
            let head = line[..at].trim_end();
            let gap = &line[head.len()..at];
            masked.push_str(head);
            remarks.push(Some((gap, &line[at..])));
        } else {
            masked.push_str(line);
            remarks.push(None);
        }
    }
    let highlighted = config.and_then(|config| highlight(config, &masked));
    let code_lines: Vec<String> = match highlighted {
        Some(lines) => lines,
        None => masked
            .split('\n')
            .map(|l| encode_text(l).into_owned())
            .collect(),
    };
    let mut out = String::with_capacity(code.len() * 2);
    for (i, html) in code_lines.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(html);
        if let Some(Some((gap, remark))) = remarks.get(i) {
            let _ = write!(
                out,
                "{}<span class=\"zk-remark\">{}</span>",
                encode_text(gap),
                encode_text(remark)
            );
        }
    }
    out
}

fn highlight(config: &HighlightConfiguration, code: &str) -> Option<Vec<String>> {
    HIGHLIGHTER.with(|cell| {
        let mut highlighter = cell.borrow_mut();
        let events = highlighter
            .highlight(config, code.as_bytes(), None, None, |_| None)
            .ok()?;
        let mut renderer = HtmlRenderer::new();
        renderer
            .render(events, code.as_bytes(), &|h, out: &mut Vec<u8>| {
                if let Some(attr) = CLASS_ATTRS.get(h.0) {
                    out.extend_from_slice(attr.as_bytes());
                }
            })
            .ok()?;
        let lines: Vec<String> = renderer
            .lines()
            .map(|l| l.trim_end_matches('\n').to_owned())
            .collect();
        // The renderer drops a trailing empty line; keep the line count equal to the input's.
        let expected = code.split('\n').count();
        (lines.len() <= expected).then(|| {
            let mut lines = lines;
            lines.resize(expected, String::new());
            lines
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_go_and_escapes() {
        let html = code_html("func main() {\n\tfmt.Println(\"<b>\")\n}", Some("go"));
        assert!(
            html.contains("<span class=\"zk-keyword\">func</span>"),
            "{html}"
        );
        assert!(html.contains("&lt;b&gt;"), "{html}");
        assert!(!html.contains("<b>"));
        assert_eq!(html.matches('\n').count(), 2);
    }

    #[test]
    fn keeps_remarks() {
        let html = code_html("ch := make(chan int)    无缓冲<同步>", Some("go"));
        assert!(
            html.ends_with("    <span class=\"zk-remark\">无缓冲&lt;同步&gt;</span>"),
            "{html}"
        );
    }

    #[test]
    fn plain_for_unknown_language() {
        assert_eq!(code_html("a < b", None), "a &lt; b");
    }
}
