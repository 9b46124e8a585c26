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
use std::fmt::Write as _;

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
    let go = matches!(lang, Some("go" | "golang"));
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
    let highlighted = if go { highlight(&masked) } else { None };
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

/// `code` highlighted as Go, one HTML string per line (a span open at a line end is closed
/// there and opened again on the next line); `None` when the grammar cannot be loaded.
fn highlight(code: &str) -> Option<Vec<String>> {
    let tree = GO_PARSER.with(|cell| cell.borrow_mut().as_mut()?.parse(code, None))?;
    let mut html = Html {
        code,
        out: String::with_capacity(code.len() * 3),
        at: 0,
        open: Vec::new(),
    };
    html.node(&mut tree.walk());
    html.text_to(code.len());
    Some(html.out.split('\n').map(str::to_owned).collect())
}

/// HTML being written for a block of code, as tree-sitter-highlight's `HtmlRenderer` writes it.
struct Html<'a> {
    code: &'a str,
    out: String,
    /// Bytes of `code` written so far.
    at: usize,
    /// Spans open, innermost last.
    open: Vec<Class>,
}

impl Html<'_> {
    /// The node under `cursor` and everything in it.
    fn node(&mut self, cursor: &mut TreeCursor<'_>) {
        let node = cursor.node();
        // A node the parser made up to recover (a MISSING name) covers no text: no span.
        let class = class_of(node).filter(|_| node.start_byte() < node.end_byte());
        if let Some(class) = class {
            self.text_to(node.start_byte());
            let _ = write!(self.out, "<span {}>", class.attribute());
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
        for c in text.chars() {
            match c {
                '\r' => {}
                '\n' => {
                    for _ in &self.open {
                        self.out.push_str("</span>");
                    }
                    self.out.push('\n');
                    for class in &self.open {
                        let _ = write!(self.out, "<span {}>", class.attribute());
                    }
                }
                '>' => self.out.push_str("&gt;"),
                '<' => self.out.push_str("&lt;"),
                '&' => self.out.push_str("&amp;"),
                '\'' => self.out.push_str("&#39;"),
                '"' => self.out.push_str("&quot;"),
                c => self.out.push(c),
            }
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
