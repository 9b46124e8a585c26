//! Recognising unfenced code in prose, and the prose tail some code lines carry
//! (`ch := make(chan int)    无缓冲的channel…`).

use std::sync::LazyLock;

use regex::Regex;

static GO_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:func\b|package\s+\w|import\s*[(\x22]|type\s+\w+\s+(?:struct|interface|func|map|\[|\*|\w)|var\s+\w|const\s+\w|defer\s|go\s+(?:func|\w+\()|return\b|if\s.*\{\s*$|for\b.*\{\s*$|switch\b.*\{\s*$|select\s*\{|case\s.*:\s*$|default\s*:\s*$|\}\s*else\b|[{}\])]|//|/\*|\*/)",
    )
    .unwrap()
});
static CALL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[A-Za-z_][\w.\[\]]*\s*\(.*[)({]\s*;?\s*$").unwrap());
static ASSIGN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[A-Za-z_][\w.\[\]]*(?:\s*,\s*[A-Za-z_][\w.\[\]]*)*\s*(?::=|[-+*/]?=|\+\+|--)")
        .unwrap()
});
static GO_HINT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r":=|\bfunc\b|\bpackage\s+\w|\bfmt\.|\bchan\b|\bdefer\b|\bgo func\b|err\s*!=\s*nil|\bmake\(|\bgoroutine\b|\bsync\.").unwrap()
});

/// True for a CJK unified ideograph (U+4E00–U+9FFF), a Chinese character of the main block:
/// no punctuation, no full-width Latin (see [`is_cjk`]).
#[must_use]
pub fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// True for a CJK ideograph or CJK punctuation: text, not code.
#[must_use]
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x303F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF
        | 0x20000..=0x2FA1F)
}

/// Split a line into its code head and a trailing prose remark: the first run of white space,
/// outside string literals and comments, that is followed by a CJK character. Returns the byte
/// index where the remark starts (after the white space).
#[must_use]
pub fn prose_tail(line: &str) -> Option<usize> {
    let mut quote: Option<char> = None;
    let mut prev_space = false;
    let mut seen_code = false;
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if let Some(q) = quote {
            if c == '\\' && q != '`' {
                chars.next();
            } else if c == q {
                quote = None;
            }
            prev_space = false;
            continue;
        }
        match c {
            '"' | '\'' | '`' => quote = Some(c),
            '/' if matches!(chars.peek(), Some((_, '/' | '*'))) => return None,
            c if c.is_whitespace() => {
                prev_space = true;
                continue;
            }
            c if is_cjk(c) => {
                return (prev_space && seen_code).then_some(i);
            }
            _ => {}
        }
        seen_code = true;
        prev_space = false;
    }
    None
}

/// The code part of a line: the line without a [`prose_tail`], trailing white space removed.
#[must_use]
pub fn code_part(line: &str) -> &str {
    match prose_tail(line) {
        Some(i) => line[..i].trim_end(),
        None => line.trim_end(),
    }
}

/// True when `line` reads as a line of code on its own (a Go-like statement, declaration,
/// brace or comment), ignoring a trailing prose remark.
#[must_use]
pub fn looks_like_code(line: &str) -> bool {
    let head = code_part(line).trim_start();
    if head.is_empty() {
        return false;
    }
    if head.starts_with("//") || head.starts_with("/*") || head.starts_with("*/") {
        return true;
    }
    if has_cjk_outside_literals(head) {
        return false;
    }
    GO_START.is_match(head) || head.contains(":=") || CALL.is_match(head) || ASSIGN.is_match(head)
}

/// True when `line` is indented the way code inside a block is (tab or four spaces).
#[must_use]
pub fn code_indented(line: &str) -> bool {
    line.starts_with('\t') || line.starts_with("    ")
}

fn has_cjk_outside_literals(s: &str) -> bool {
    let mut quote: Option<char> = None;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if let Some(q) = quote {
            if c == '\\' {
                chars.next();
            } else if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '"' | '\'' | '`' => quote = Some(c),
            '/' if chars.peek() == Some(&'/') => return false,
            c if is_cjk(c) => return true,
            _ => {}
        }
    }
    false
}

/// The language of a run of code lines, when it can be told (`go`).
#[must_use]
pub fn guess_lang(lines: &[&str]) -> Option<&'static str> {
    lines
        .iter()
        .any(|l| GO_HINT.is_match(code_part(l)))
        .then_some("go")
}

/// Which brackets [`nesting_delta`] counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Brackets {
    /// Only `{` and `}`.
    Braces,
    /// `(`, `[`, `{` and their closers.
    All,
}

/// Change in `{}` nesting over a line's code part, outside strings and comments;
/// `in_comment` carries `/* … */` state across lines.
#[must_use]
pub fn brace_delta(line: &str, in_comment: &mut bool) -> i32 {
    nesting_delta(code_part(line), in_comment, Brackets::Braces)
}

/// Change in bracket nesting over `line`, outside strings and comments; `in_comment` carries
/// `/* … */` state across lines.
#[must_use]
pub fn nesting_delta(line: &str, in_comment: &mut bool, brackets: Brackets) -> i32 {
    let all = brackets == Brackets::All;
    let mut delta = 0;
    let mut quote: Option<char> = None;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if *in_comment {
            if c == '*' && chars.peek() == Some(&'/') {
                chars.next();
                *in_comment = false;
            }
            continue;
        }
        if let Some(q) = quote {
            if c == '\\' && q != '`' {
                chars.next();
            } else if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '"' | '\'' | '`' => quote = Some(c),
            '/' if chars.peek() == Some(&'/') => break,
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                *in_comment = true;
            }
            '{' => delta += 1,
            '}' => delta -= 1,
            '(' | '[' if all => delta += 1,
            ')' | ']' if all => delta -= 1,
            _ => {}
        }
    }
    delta
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_lines() {
        for line in [
            "func main(){",
            "\tdefer func(){",
            "\t\tIf err:=recover();err!=nil{",
            "\t\t\tfmt.Print(err)",
            "\t\t} else {",
            "\t}()",
            "}",
            "_,err := o.Insert(&user)",
            "num, err := o.Delete(&user",
            "//发送",
            "err := emailConn.Send()",
            "\t/*",
            "wg.Wait()",
            "x = 1",
            "ch := make(chan int)    无缓冲的channel由于没有缓冲发送和接收需要同步.",
        ] {
            assert!(looks_like_code(line), "{line}");
        }
    }

    #[test]
    fn prose_lines() {
        for line in [
            ".插入",
            "删除",
            "channel无缓冲时，发送阻塞直到数据被接收，接收阻塞直到读到数据。",
            "TCP: 是点对点的两点之间的服务",
            "Make 用于map、slice 和channel几种类型的内存分配。",
            "Golang内部有三个对象： P对象(processor) 代表上下文",
            "https://example.com/a",
            "用户空间 避免了内核态和用户态的切换导致的成本。",
        ] {
            assert!(!looks_like_code(line), "{line}");
        }
    }

    #[test]
    fn splits_prose_tail() {
        let line = "ch := make(chan int, 2) 有缓冲channel不要求发送和接收操作同步. ";
        assert_eq!(code_part(line), "ch := make(chan int, 2)");
        assert_eq!(prose_tail("fmt.Println(\"你 好\")"), None);
        assert_eq!(prose_tail("x := 1 // 注释"), None);
    }

    #[test]
    fn counts_braces() {
        let mut c = false;
        assert_eq!(brace_delta("func main(){", &mut c), 1);
        assert_eq!(brace_delta("s := \"{\" // {", &mut c), 0);
        assert_eq!(brace_delta("/* {", &mut c), 0);
        assert!(c);
        assert_eq!(brace_delta("} */ }", &mut c), -1);
    }
}
