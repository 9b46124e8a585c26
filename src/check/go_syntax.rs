//! Z006 go-syntax-error: Go code in the notes that the real Go grammar (tree-sitter-go) does
//! not accept.
//!
//! Notes hold fragments more often than files, so a block is wrapped before parsing: a block
//! that starts with `package` is parsed as it is, top-level declarations get `package p`, and
//! anything else becomes the body of a function. Trailing Chinese remarks on code lines are
//! blanked first, keeping every column where it was.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;
use tree_sitter::{Node, Parser, Tree};

use super::{DiagnosticExt, Notes, Rule, Span, char_len};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Block, BlockKind};
use crate::parse::code::{Brackets, nesting_delta, prose_tail};
use crate::parse::line::opening_fence_info;

/// The rule.
pub static RULE: Rule = Rule {
    code: "Z006",
    name: "go-syntax-error",
    severity: Severity::Error,
    summary: "Go code that does not parse",
    explanation: "\
## What it does
Parses every Go code block with the Go grammar (tree-sitter-go) and reports the first syntax
error in each, at its line and column. Fragments are accepted: a block of statements such as
`err := o.Read(&user)` is checked as the body of a function, and a block of declarations as a
file. A Chinese remark after the code on a line (`ch := make(chan int)    无缓冲的…`) is
ignored.

## Why it matters
Code on a card is meant to be learned as written. A typo such as `If` for `if` or a missing
`)` teaches the wrong thing, and it often means the code was damaged when it was copied.

## Example
```go
defer func(){
	If err:=recover();err!=nil{
		fmt.Print(err)
	}
}()
```
Go keywords are lower case: `If` is read as a name, and `err` after it makes no sense.

## Fix
Correct the code at the place named. If the block is not Go, fence it with its own language
(```` ```text ````) so it is not checked as Go.
",
};

/// Starts of top-level declarations (`func name`, `func (r T) name`, `type`, `var`, …).
static DECLARATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:func\s*(?:\([^)]*\)\s*)?[A-Za-z_]|type\s|var\s|var\(|const\s|const\(|import\s|import\()")
        .expect("valid regex")
});

pub(crate) fn check(notes: &Notes<'_>, out: &mut Vec<Diagnostic>) {
    let mut parser = Parser::new();
    if parser
        .set_language(&tree_sitter_go::LANGUAGE.into())
        .is_err()
    {
        return;
    }
    for record in notes.records() {
        for block in record.blocks() {
            if block.kind != BlockKind::Code
                || !matches!(block.lang.as_deref(), Some("go" | "golang"))
            {
                continue;
            }
            let first_line = code_start(notes, block);
            let lines: Vec<&str> = block.text.split('\n').collect();
            if let Some(problem) = first_error(&mut parser, &lines) {
                let number = first_line + problem.row;
                // A list item's code is read without the item's indent: the column is the
                // source line's.
                let code = lines[problem.row as usize];
                let source = notes.line(number);
                let column = match source.strip_suffix(code) {
                    Some(indent) => column_of(source, indent.len() + problem.byte),
                    None => column_of(code, problem.byte),
                };
                let span = Span {
                    line: number,
                    column,
                    end_line: number,
                    end_column: column + problem.width,
                };
                out.push(
                    RULE.at(
                        notes.path(),
                        span,
                        format!("Go syntax error: {}", problem.message),
                    )
                    .help(problem.help)
                    .record(&record.id),
                );
            }
        }
    }
}

/// The 1-based character column of byte offset `byte` of `line` (which may fall inside a
/// character of the blanked prose remark).
fn column_of(line: &str, byte: usize) -> u32 {
    let before = line.char_indices().take_while(|&(i, _)| i < byte).count();
    u32::try_from(before).unwrap_or(u32::MAX) + 1
}

/// The source line of a code block's first line of code (a fenced block starts at its fence).
fn code_start(notes: &Notes<'_>, block: &Block) -> u32 {
    let first = notes.line(block.start_line);
    let first_text = block.text.split('\n').next().unwrap_or("");
    if opening_fence_info(first).is_some() && first != first_text {
        block.start_line + 1
    } else {
        block.start_line
    }
}

/// A syntax error in a code block, in the block's own coordinates.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Problem {
    /// 0-based line within the block.
    row: u32,
    /// Byte offset on that line.
    byte: usize,
    /// Width of the offending text in characters (0 for something missing).
    width: u32,
    message: String,
    help: String,
}

/// How a block was made into a Go file.
struct Wrapped {
    text: String,
    /// Lines added before the block.
    prefix_lines: usize,
    /// Per block line, where a `;` was inserted (see [`semicolon_at`]).
    semicolons: Vec<Option<usize>>,
}

/// Blank the trailing prose remark of each line, keeping byte offsets; a line without one is
/// borrowed as it is.
fn code_only<'a>(lines: &[&'a str]) -> Vec<Cow<'a, str>> {
    lines
        .iter()
        .map(|&line| match prose_tail(line) {
            Some(i) => Cow::Owned(format!("{}{}", &line[..i], " ".repeat(line.len() - i))),
            None => Cow::Borrowed(line),
        })
        .collect()
}

/// The block as a Go file, written in one go: the wrapping (see the module), then the lines
/// joined by line breaks, each with its semicolon.
fn wrap(lines: &[Cow<'_, str>]) -> Wrapped {
    // Go ends statements at line ends by inserting `;` (the spec's semicolon rule);
    // tree-sitter-go does not inside brackets, so `o.Delete(&user` on its own line would be
    // blamed on the next line. Write the semicolons out.
    let semicolons = semicolons(lines);
    let first = lines
        .iter()
        .map(|l| l.trim())
        .find(|l| !l.is_empty() && !l.starts_with("//"));
    let (before, after, prefix_lines) =
        if first.is_some_and(|l| l == "package" || l.starts_with("package ")) {
            ("", "", 0)
        } else if declarations_only(lines) {
            ("package p\n", "\n", 1)
        } else {
            ("package p\nfunc _() {\n", "\n}\n", 2)
        };
    let body_len: usize = lines.iter().map(|l| l.len() + 2).sum();
    let mut text = String::with_capacity(before.len() + body_len + after.len());
    text.push_str(before);
    for (n, (line, at)) in lines.iter().zip(&semicolons).enumerate() {
        if n > 0 {
            text.push('\n');
        }
        match *at {
            Some(i) => {
                text.push_str(&line[..i]);
                text.push(';');
                text.push_str(&line[i..]);
            }
            None => text.push_str(line),
        }
    }
    text.push_str(after);
    Wrapped {
        text,
        prefix_lines,
        semicolons,
    }
}

/// Lexer state carried from one line to the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Carry {
    Code,
    BlockComment,
    RawString,
}

/// For each line, the byte offset after its last token when Go would end the line with a
/// semicolon: the token is a name, a literal, `break`/`continue`/`fallthrough`/`return`,
/// `++`, `--`, `)`, `]` or `}`.
fn semicolons(lines: &[Cow<'_, str>]) -> Vec<Option<usize>> {
    let mut carry = Carry::Code;
    lines
        .iter()
        .map(|line| semicolon_at(line, &mut carry))
        .collect()
}

fn semicolon_at(line: &str, carry: &mut Carry) -> Option<usize> {
    let bytes = line.as_bytes();
    let mut i = 0;
    // (end of the last token, does it end a statement)
    let mut last: Option<(usize, bool)> = None;
    match *carry {
        Carry::BlockComment => match line.find("*/") {
            Some(end) => i = end + 2,
            None => return None,
        },
        Carry::RawString => match line.find('`') {
            Some(end) => {
                i = end + 1;
                last = Some((i, true));
            }
            None => return None,
        },
        Carry::Code => {}
    }
    *carry = Carry::Code;
    while i < bytes.len() {
        let c = bytes[i];
        let rest = &line[i..];
        if c.is_ascii_whitespace() {
            i += 1;
        } else if rest.starts_with("//") {
            break;
        } else if let Some(comment) = rest.strip_prefix("/*") {
            if let Some(end) = comment.find("*/") {
                i += end + 4;
            } else {
                *carry = Carry::BlockComment;
                break;
            }
        } else if let Some(raw) = rest.strip_prefix('`') {
            if let Some(end) = raw.find('`') {
                i += end + 2;
                last = Some((i, true));
            } else {
                *carry = Carry::RawString;
                return None;
            }
        } else if c == b'"' || c == b'\'' {
            let mut j = i + 1;
            while j < bytes.len() && bytes[j] != c {
                j += if bytes[j] == b'\\' { 2 } else { 1 };
            }
            i = (j + 1).min(bytes.len());
            last = Some((i, true));
        } else if c == b'_'
            || c.is_ascii_alphanumeric()
            || (c >= 0x80 && rest.starts_with(char::is_alphanumeric))
        {
            let len = rest
                .find(|ch: char| {
                    !(ch == '_' || ch.is_alphanumeric() || (ch == '.' && c.is_ascii_digit()))
                })
                .unwrap_or(rest.len());
            let word = &rest[..len];
            let ends = c.is_ascii_digit()
                || matches!(word, "break" | "continue" | "fallthrough" | "return")
                || !GO_KEYWORDS.contains(&word);
            i += len;
            last = Some((i, ends));
        } else if rest.starts_with("++") || rest.starts_with("--") {
            i += 2;
            last = Some((i, true));
        } else {
            let len = rest.chars().next().map_or(1, char::len_utf8);
            i += len;
            last = Some((i, matches!(c, b')' | b']' | b'}')));
        }
    }
    last.and_then(|(end, ends)| ends.then_some(end))
}

/// Every Go keyword.
const GO_KEYWORDS: [&str; 25] = [
    "break",
    "case",
    "chan",
    "const",
    "continue",
    "default",
    "defer",
    "else",
    "fallthrough",
    "for",
    "func",
    "go",
    "goto",
    "if",
    "import",
    "interface",
    "map",
    "package",
    "range",
    "return",
    "select",
    "struct",
    "switch",
    "type",
    "var",
];

/// True when every line at nesting depth 0 starts a declaration, closes one or is a comment.
fn declarations_only(lines: &[Cow<'_, str>]) -> bool {
    let mut depth = 0i32;
    let mut in_comment = false;
    let mut any = false;
    for line in lines {
        let t = line.trim();
        if depth == 0
            && !in_comment
            && !t.is_empty()
            && !t.starts_with("//")
            && !t.starts_with("/*")
        {
            if DECLARATION.is_match(t) {
                any = true;
            } else if !t.starts_with(['}', ')']) {
                return false;
            }
        }
        depth = (depth + nesting_delta(t, &mut in_comment, Brackets::All)).max(0);
    }
    any
}

/// Parse the block and describe its first ERROR or MISSING node.
fn first_error(parser: &mut Parser, lines: &[&str]) -> Option<Problem> {
    let code = code_only(lines);
    let wrapped = wrap(&code);
    let tree = parser.parse(&wrapped.text, None)?;
    let node = first_bad_node(&tree)?;
    Some(describe(node, &wrapped, &code))
}

/// The first ERROR or MISSING node in document order.
fn first_bad_node(tree: &Tree) -> Option<Node<'_>> {
    let mut cursor = tree.walk();
    loop {
        let node = cursor.node();
        if node.is_error() || node.is_missing() {
            return Some(node);
        }
        if node.has_error() && cursor.goto_first_child() {
            continue;
        }
        while !cursor.goto_next_sibling() {
            if !cursor.goto_parent() {
                return None;
            }
        }
    }
}

fn describe(node: Node<'_>, wrapped: &Wrapped, code: &[Cow<'_, str>]) -> Problem {
    let source = wrapped.text.as_bytes();
    if node.is_missing() {
        let kind = node.kind();
        let what = if node.is_named() {
            kind.replace('_', " ")
        } else {
            format!("`{kind}`")
        };
        let (row, byte) = place_missing(node, wrapped, code);
        return Problem {
            row,
            byte,
            width: 0,
            message: format!("expected {what}"),
            help: format!("add the missing {what} here"),
        };
    }
    // The first token inside the ERROR node is what the grammar could not fit.
    let mut leaf = node;
    while let Some(child) = leaf.child(0) {
        leaf = child;
    }
    let token = leaf
        .utf8_text(source)
        .unwrap_or("")
        .lines()
        .next()
        .unwrap_or("");
    let token = if token.trim().is_empty() {
        node.utf8_text(source)
            .unwrap_or("")
            .split_whitespace()
            .next()
            .unwrap_or("")
    } else {
        token
    };
    let (row, byte) = clamp(
        leaf.start_position().row,
        leaf.start_position().column,
        wrapped,
        code,
    );
    let lower = token.to_ascii_lowercase();
    let help = if token != lower && GO_KEYWORDS.contains(&lower.as_str()) {
        format!("Go keywords are lower case: write `{lower}`")
    } else {
        "fix the Go code here; if the block is not Go, fence it as ```text".to_owned()
    };
    let shown: String = token.chars().take(30).collect();
    Problem {
        row,
        byte,
        width: char_len(&shown).max(1),
        message: if shown.is_empty() {
            "unexpected end of code".to_owned()
        } else {
            format!("unexpected `{shown}`")
        },
        help,
    }
}

/// Where to report a missing token: the parser places it before the next token, often at the
/// start of the next line; the mistake is at the end of the previous line of code.
fn place_missing(node: Node<'_>, wrapped: &Wrapped, code: &[Cow<'_, str>]) -> (u32, usize) {
    let (row, byte) = clamp(
        node.start_position().row,
        node.start_position().column,
        wrapped,
        code,
    );
    let line = &code[row as usize];
    let before = &line[..byte];
    let outside = node.start_position().row >= wrapped.prefix_lines + code.len();
    if !outside && !before.trim().is_empty() {
        return (row, byte);
    }
    // Back to the end of the previous non-blank, non-comment line.
    let start = if outside { code.len() } else { row as usize };
    let found = (0..start).rev().find(|&r| {
        let t = code[r].trim();
        !t.is_empty() && !t.starts_with("//")
    });
    match found {
        Some(r) => (
            u32::try_from(r).unwrap_or(u32::MAX),
            code[r].trim_end().len(),
        ),
        None => (row, byte),
    }
}

/// Map a position in the wrapped text to the block: (row, byte offset on that row).
fn clamp(row: usize, column: usize, wrapped: &Wrapped, code: &[Cow<'_, str>]) -> (u32, usize) {
    let last = code.len().saturating_sub(1);
    let (row, column) = match row.checked_sub(wrapped.prefix_lines) {
        None => (0, 0),
        Some(r) if r > last => (last, code[last].len()),
        Some(r) => match wrapped.semicolons[r] {
            Some(at) if column > at => (r, column - 1),
            _ => (r, column),
        },
    };
    let line = &code[row];
    let mut byte = column.min(line.len());
    while !line.is_char_boundary(byte) {
        byte -= 1;
    }
    (u32::try_from(row).unwrap_or(u32::MAX), byte)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(code: &str) -> Option<(u32, u32, String)> {
        let mut parser = Parser::new();
        parser
            .set_language(&tree_sitter_go::LANGUAGE.into())
            .unwrap();
        let lines: Vec<&str> = code.split('\n').collect();
        first_error(&mut parser, &lines).map(|p| {
            (
                p.row + 1,
                column_of(lines[p.row as usize], p.byte),
                p.message,
            )
        })
    }

    #[test]
    fn fragments_parse() {
        for code in [
            "_,err := o.Insert(&user)",
            "err := o.Read(&user)",
            "num, err := o.Update(&user)",
            "ch := make(chan int)    无缓冲的channel由于没有缓冲发送和接收需要同步.\nch := make(chan int, 2) 有缓冲channel不要求发送和接收操作同步. ",
            "func main(){\n\tdefer func(){\n\t\tif err:=recover();err!=nil{\n\t\t\tfmt.Print(err)\n\t\t}\n\t}()\n}",
            "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(1) }",
            "import (\n\t\"fmt\"\n)\n\ntype T struct{ a int }\n\nfunc (t *T) M() {}",
            "var wg sync.WaitGroup\nwg.Add(1)\ngo func() { defer wg.Done() }()\nwg.Wait()",
            "select {\ncase v := <-ch:\n\tfmt.Println(v)\ndefault:\n}",
        ] {
            assert_eq!(error(code), None, "{code}");
        }
    }

    #[test]
    fn capitalized_keyword() {
        let code = "func main(){\n\tdefer func(){\n\t\tIf err:=recover();err!=nil{\n\t\t\tfmt.Print(err)\n\t\t}\n\t}()\n}";
        let (row, _, _) = error(code).unwrap();
        assert_eq!(row, 3);
    }

    #[test]
    fn missing_paren_at_end_of_line() {
        let (row, column, message) =
            error("num, err := o.Delete(&user\n//发送\nerr := emailConn.Send()").unwrap();
        assert_eq!((row, message.as_str()), (1, "expected `)`"));
        assert_eq!(column, 27);
    }

    #[test]
    fn semicolons_follow_the_go_rule() {
        let lines = |s: &'static str| s.split('\n').map(Cow::Borrowed).collect::<Vec<_>>();
        assert_eq!(
            semicolons(&lines("import (\n\t\"fmt\"\n)\nx++ // c\nreturn\nif x {")),
            vec![None, Some(6), Some(1), Some(3), Some(6), None]
        );
        assert_eq!(
            semicolons(&lines("s := `a\nb` /* c\nd */ y\nf(a,")),
            vec![None, Some(2), Some(6), None]
        );
    }

    #[test]
    fn remark_columns_stay_put() {
        let (row, column, _) = error("x := f(1    这是说明，不是代码").unwrap();
        assert_eq!((row, column), (1, 9));
    }

    #[test]
    fn declarations_are_recognized() {
        let lines = |s: &'static str| s.lines().map(Cow::Borrowed).collect::<Vec<_>>();
        assert!(declarations_only(&lines("func main() {\n\tx := 1\n}")));
        assert!(declarations_only(&lines(
            "import (\n\t\"fmt\"\n)\nvar x = 1"
        )));
        assert!(!declarations_only(&lines("x := 1\nfunc() {}()")));
        assert!(!declarations_only(&lines("func() {\n}()")));
    }
}
