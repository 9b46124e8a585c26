//! Syntax highlighting for code blocks, part of the render stage.
//!
//! Go is parsed with the official tree-sitter-go grammar and coloured as its own highlight
//! query (`queries/highlights.scm`) colours it. That query gives every node one class by its
//! kind alone (where several of its patterns match a node, the last one wins, and the last
//! ones are plain kind patterns), so the table in [`class_of`] applies it with one walk over
//! the tree instead of running the query: four times less work per block, and the same HTML,
//! which `tests/highlight.rs` checks against tree-sitter-highlight running the query itself.
//! Other languages are escaped plainly. A Chinese remark trailing a code line
//! (`ch := make(chan int)    无缓冲…`) is kept, styled as a remark rather than highlighted.

use std::cell::RefCell;

use html_escape::encode_text;
use tree_sitter::{Node, Parser, TreeCursor};

use crate::parse::code::prose_tail;

/// Capture names of the Go highlight query that cards style, as the CSS class each becomes
/// (`zk-` and the name with dots as dashes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Comment,
    ConstantBuiltin,
    Escape,
    Keyword,
    Number,
    Operator,
    Property,
    String,
    Type,
    Variable,
}

impl Class {
    fn attribute(self) -> &'static str {
        match self {
            Self::Comment => "class=\"zk-comment\"",
            Self::ConstantBuiltin => "class=\"zk-constant-builtin\"",
            Self::Escape => "class=\"zk-escape\"",
            Self::Keyword => "class=\"zk-keyword\"",
            Self::Number => "class=\"zk-number\"",
            Self::Operator => "class=\"zk-operator\"",
            Self::Property => "class=\"zk-property\"",
            Self::String => "class=\"zk-string\"",
            Self::Type => "class=\"zk-type\"",
            Self::Variable => "class=\"zk-variable\"",
        }
    }
}

/// The class tree-sitter-go's highlight query gives `node`. Its call and declaration patterns
/// (`@function`, `@function.method`, `@function.builtin`) come before the plain
/// `(identifier) @variable` and `(field_identifier) @property`, which match the same nodes and,
/// coming last, win.
fn class_of(node: Node<'_>) -> Option<Class> {
    let kind = node.kind();
    if node.is_named() {
        return match kind {
            "identifier" => Some(Class::Variable),
            "field_identifier" => Some(Class::Property),
            "type_identifier" => Some(Class::Type),
            "interpreted_string_literal" | "raw_string_literal" | "rune_literal" => {
                Some(Class::String)
            }
            "escape_sequence" => Some(Class::Escape),
            "int_literal" | "float_literal" | "imaginary_literal" => Some(Class::Number),
            "true" | "false" | "nil" | "iota" => Some(Class::ConstantBuiltin),
            "comment" => Some(Class::Comment),
            _ => None,
        };
    }
    match kind {
        "--" | "-" | "-=" | ":=" | "!" | "!=" | "..." | "*" | "*=" | "/" | "/=" | "&" | "&&"
        | "&=" | "%" | "%=" | "^" | "^=" | "+" | "++" | "+=" | "<-" | "<" | "<<" | "<<=" | "<="
        | "=" | "==" | ">" | ">=" | ">>" | ">>=" | "|" | "|=" | "||" | "~" => Some(Class::Operator),
        "break" | "case" | "chan" | "const" | "continue" | "default" | "defer" | "else"
        | "fallthrough" | "for" | "func" | "go" | "goto" | "if" | "import" | "interface"
        | "map" | "package" | "range" | "return" | "select" | "struct" | "switch" | "type"
        | "var" => Some(Class::Keyword),
        _ => None,
    }
}

thread_local! {
    static GO_PARSER: RefCell<Option<Parser>> = RefCell::new({
        let mut parser = Parser::new();
        parser
            .set_language(&tree_sitter_go::LANGUAGE.into())
            .is_ok()
            .then_some(parser)
    });
}

/// The HTML inside `<code>` for `code` in `lang`.
#[must_use]
pub fn code_html(code: &str, lang: Option<&str>) -> String {
    let mut out = String::with_capacity(code.len() * 3);
    if matches!(lang, Some("go" | "golang")) {
        // Blank out remarks so the highlighter sees only code; they are put back at the end of
        // their lines as the HTML is written.
        let mut remarks: Vec<Option<Remark<'_>>> = Vec::new();
        let mut masked = String::with_capacity(code.len());
        for (i, line) in code.split('\n').enumerate() {
            if i > 0 {
                masked.push('\n');
            }
            let (head, remark) = split_remark(line);
            masked.push_str(head);
            remarks.push(remark);
        }
        if highlight_into(&masked, &remarks, &mut out) {
            return out;
        }
        out.clear();
    }
    for (i, line) in code.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let (head, remark) = split_remark(line);
        out.push_str(&encode_text(head));
        if let Some(remark) = remark {
            remark.write(&mut out);
        }
    }
    out
}

/// A Chinese remark trailing a line of code: the blanks before it, and the remark.
#[derive(Debug, Clone, Copy)]
struct Remark<'a> {
    gap: &'a str,
    text: &'a str,
}

impl Remark<'_> {
    fn write(self, out: &mut String) {
        out.push_str(&encode_text(self.gap));
        out.push_str("<span class=\"zk-remark\">");
        out.push_str(&encode_text(self.text));
        out.push_str("</span>");
    }
}

/// A line without its trailing remark (and the blanks before it), and the remark.
fn split_remark(line: &str) -> (&str, Option<Remark<'_>>) {
    match prose_tail(line) {
        Some(at) => {
            let head = line[..at].trim_end();
            let remark = Remark {
                gap: &line[head.len()..at],
                text: &line[at..],
            };
            (head, Some(remark))
        }
        None => (line, None),
    }
}

/// Write `code` highlighted as Go to `out`, each line followed by its remark in `remarks` (a
/// span open at a line end is closed there and opened again on the next line); false, with
/// nothing written, when the grammar cannot be loaded.
fn highlight_into(code: &str, remarks: &[Option<Remark<'_>>], out: &mut String) -> bool {
    let Some(tree) = GO_PARSER.with(|cell| cell.borrow_mut().as_mut()?.parse(code, None)) else {
        return false;
    };
    let mut html = Html {
        code,
        out,
        at: 0,
        open: Vec::new(),
        remarks,
        line: 0,
    };
    html.node(&mut tree.walk());
    html.text_to(code.len());
    html.end_line();
    true
}

/// `code` highlighted as Go, one HTML string per line; `None` when the grammar cannot be loaded.
#[cfg(test)]
fn highlight(code: &str) -> Option<Vec<String>> {
    let mut out = String::new();
    highlight_into(code, &[], &mut out).then(|| out.split('\n').map(str::to_owned).collect())
}

/// HTML being written for a block of code, as tree-sitter-highlight's `HtmlRenderer` writes it.
struct Html<'a> {
    code: &'a str,
    out: &'a mut String,
    /// Bytes of `code` written so far.
    at: usize,
    /// Spans open, innermost last.
    open: Vec<Class>,
    /// The remark to write at the end of each line, if any.
    remarks: &'a [Option<Remark<'a>>],
    /// The line being written, 0-based.
    line: usize,
}

impl Html<'_> {
    /// The node under `cursor` and everything in it.
    fn node(&mut self, cursor: &mut TreeCursor<'_>) {
        let node = cursor.node();
        // A node the parser made up to recover (a MISSING name) covers no text: no span.
        let class = class_of(node).filter(|_| node.start_byte() < node.end_byte());
        if let Some(class) = class {
            self.text_to(node.start_byte());
            self.out.push_str("<span ");
            self.out.push_str(class.attribute());
            self.out.push('>');
            self.open.push(class);
        }
        if cursor.goto_first_child() {
            loop {
                self.node(cursor);
                if !cursor.goto_next_sibling() {
                    break;
                }
            }
            cursor.goto_parent();
        }
        if class.is_some() {
            self.text_to(node.end_byte());
            self.out.push_str("</span>");
            self.open.pop();
        }
    }

    /// Write the code up to byte `end`, escaped; carriage returns dropped, open spans closed
    /// before each line break and opened again after it.
    fn text_to(&mut self, end: usize) {
        let end = end.min(self.code.len());
        if end <= self.at {
            return;
        }
        let text = &self.code[self.at..end];
        self.at = end;
        let mut plain = 0;
        for (i, b) in text.bytes().enumerate() {
            let escaped = match b {
                b'\r' => "",
                b'\n' => "\n",
                b'>' => "&gt;",
                b'<' => "&lt;",
                b'&' => "&amp;",
                b'\'' => "&#39;",
                b'"' => "&quot;",
                _ => continue,
            };
            self.out.push_str(&text[plain..i]);
            plain = i + 1;
            if b == b'\n' {
                self.break_line();
            } else {
                self.out.push_str(escaped);
            }
        }
        self.out.push_str(&text[plain..]);
    }

    /// A line break inside the code: spans open are closed before it and opened after it.
    fn break_line(&mut self) {
        for _ in &self.open {
            self.out.push_str("</span>");
        }
        self.end_line();
        self.out.push('\n');
        self.line += 1;
        for class in &self.open {
            self.out.push_str("<span ");
            self.out.push_str(class.attribute());
            self.out.push('>');
        }
    }

    /// The end of the current line: its remark, if it has one.
    fn end_line(&mut self) {
        if let Some(Some(remark)) = self.remarks.get(self.line) {
            remark.write(self.out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reference: tree-sitter-highlight running tree-sitter-go's highlight query, as zhika
    /// highlighted before [`class_of`] (same names, same HTML).
    fn reference(code: &str) -> Vec<String> {
        use tree_sitter_highlight::{HighlightConfiguration, Highlighter, HtmlRenderer};
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
        let mut config = HighlightConfiguration::new(
            tree_sitter_go::LANGUAGE.into(),
            "go",
            tree_sitter_go::HIGHLIGHTS_QUERY,
            "",
            "",
        )
        .unwrap();
        config.configure(NAMES);
        let attrs: Vec<String> = NAMES
            .iter()
            .map(|n| format!("class=\"zk-{}\"", n.replace('.', "-")))
            .collect();
        let mut highlighter = Highlighter::new();
        let events = highlighter
            .highlight(&config, code.as_bytes(), None, None, |_| None)
            .unwrap();
        let mut renderer = HtmlRenderer::new();
        renderer
            .render(events, code.as_bytes(), &|h, out: &mut Vec<u8>| {
                out.extend_from_slice(attrs[h.0].as_bytes());
            })
            .unwrap();
        let mut lines: Vec<String> = renderer
            .lines()
            .map(|l| l.trim_end_matches('\n').to_owned())
            .collect();
        lines.resize(code.split('\n').count(), String::new());
        lines
    }

    /// Lines without their empty spans, which show nothing: the reference writes one for some
    /// names the parser made up to recover (MISSING nodes, which cover no text) and
    /// [`Html::node`] writes none; both reopen a span on an empty line inside a string.
    fn visible(lines: Vec<String>) -> Vec<String> {
        static EMPTY: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
            regex::Regex::new(r#"<span class="zk-[a-z-]+"></span>"#).unwrap()
        });
        lines
            .into_iter()
            .map(|l| EMPTY.replace_all(&l, "").into_owned())
            .collect()
    }

    fn assert_same(code: &str) {
        assert_eq!(
            highlight(code).unwrap(),
            visible(reference(code)),
            "code: {code:?}"
        );
    }

    /// Every Go block in the reference notes and the fixtures, and snippets that break the
    /// grammar in the ways notes do.
    #[test]
    fn same_html_as_tree_sitter_highlight() {
        let mut files = vec![std::path::PathBuf::from("source/go-interview.txt")];
        for dir in ["tests/fixtures/styles", "tests/fixtures/rules"] {
            for entry in std::fs::read_dir(dir).unwrap() {
                files.push(entry.unwrap().path());
            }
        }
        let mut blocks = 0;
        for file in files.iter().filter(|f| crate::project::is_notes_file(f)) {
            let bytes = std::fs::read(file).unwrap();
            let Ok(source) = crate::read::SourceText::decode(file.display().to_string(), &bytes)
            else {
                continue;
            };
            for record in crate::parse::parse(&source).records {
                for block in record
                    .blocks()
                    .filter(|b| b.kind == crate::model::BlockKind::Code)
                {
                    assert_same(&block.text);
                    blocks += 1;
                }
            }
        }
        assert!(blocks >= 20, "only {blocks} code blocks found");
        for code in [
            "",
            "\n",
            "x := 1\n",
            "/* a\nb */ x",
            "s := `raw\nstring` + \"esc\\n\\t\" + '\\''",
            "func (r *T) M() { r.f.g(len(x), nil, true, iota) }",
            "if x {\r\n\ty--\r\n}",
            "x := f(1",
            "If err:=recover();err!=nil{",
            "ch <- 1; v, ok := <-ch; x &^= 3; y >>= 1; z := a...",
            "\"unterminated\nnext",
            "type S struct { A int `json:\"a\"` }",
            "select { case <-done: default: goto L }",
            "var 变量 = \"中文\" // 注释",
        ] {
            assert_same(code);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]
        #[test]
        fn same_html_for_any_token_soup(
            tokens in proptest::collection::vec(
                proptest::sample::select(vec![
                    "func", "main", "(", ")", "{", "}", "[", "]", "\n", " ", "\t", "x", ":=",
                    "=", "1", "0x1F", "1.5e3", "2i", "\"s\\n\"", "`r`", "'c'", "//c\n", "/*",
                    "*/", "if", "else", "for", "range", "return", "go", "defer", "chan", "<-",
                    "map", "struct", "interface", "type", "var", "const", "package", "import",
                    "nil", "true", "iota", ".", ",", ";", "+", "&&", "...", "fmt", "Println",
                    "int", "string", "中文", "\r", "\"", "`", "&", "<", ">", "'", "_",
                ]),
                0..40,
            )
        ) {
            let code: String = tokens.concat();
            proptest::prop_assert_eq!(visible(highlight(&code).unwrap()), visible(reference(&code)));
        }
    }

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
