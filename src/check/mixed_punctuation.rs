//! Z012 mixed-punctuation: full-width and half-width forms of the same mark in one record's
//! Chinese prose.

use std::sync::LazyLock;

use regex::Regex;

use super::{DiagnosticExt, Notes, Rule, Span};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::BlockKind;
use crate::parse::code::{is_cjk, looks_like_code};

/// The rule.
pub static RULE: Rule = Rule {
    code: "Z012",
    name: "mixed-punctuation",
    severity: Severity::Info,
    summary: "Full-width and half-width punctuation mixed in one record",
    explanation: "\
## What it does
Looks at the Chinese prose of each record (not code, not addresses) and flags the first mark
written in the less common of its two forms when both forms of a colon, comma, semicolon,
question mark or exclamation mark appear: `TCP：` in one line, `UDP:` in the next. A
half-width mark counts only where it punctuates Chinese text; `a,b`, `3:45`, `std::`, `eg:`
and the like do not. At most one finding per record.

## Why it matters
It is a small thing, but cards are read many times: uneven punctuation reads as noise, and
half-width marks in Chinese text make lines wrap and space unevenly on a phone.

## Example
```
TCP： 是面向连接的传输协议
UDP: 是属于无连接的传输协议。
```

## Fix
Use full-width punctuation (`：，；？！`) in Chinese sentences throughout the record.
",
};

/// (full-width, half-width) pairs.
const PAIRS: [(char, char); 5] = [
    ('：', ':'),
    ('，', ','),
    ('；', ';'),
    ('？', '?'),
    ('！', '!'),
];

/// Latin abbreviations whose half-width colon or comma is normal even in Chinese text.
const LATIN_WORDS: [&str; 9] = ["eg", "e.g", "ie", "i.e", "etc", "vs", "ps", "ex", "note"];

/// Spans whose punctuation is not prose: addresses, `code`, and a leading `Q:`/`答：`/`注：`
/// label, which the parser reads as structure.
static SKIPPED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"https?://\S+|`[^`]*`|^[ \t\u{3000}]*(?:Q|A|问题?|答案?|答|解答|回答|参考答案|注意|注|说明|备注|提示)[ \t]*[:：]",
    )
    .expect("valid regex")
});

/// Do these three bytes encode one of the full-width marks of [`PAIRS`]? All five are in
/// U+FF01..=U+FF1F, `EF BC xx` in UTF-8, and UTF-8 finds a character's bytes nowhere but in
/// that character.
fn full_width_mark(bytes: &[u8]) -> bool {
    matches!(bytes, [0xEF, 0xBC, 0x9A | 0x8C | 0x9B | 0x9F | 0x81])
}

/// One occurrence of a mark: line, byte offset, and the mark.
#[derive(Debug, Clone, Copy)]
struct Mark {
    line: u32,
    byte: usize,
    symbol: char,
}

#[derive(Debug, Default)]
struct Tally {
    full: Vec<Mark>,
    half: Vec<Mark>,
}

pub(crate) fn check(notes: &Notes<'_>, out: &mut Vec<Diagnostic>) {
    for record in notes.records() {
        let mut tallies: [Tally; PAIRS.len()] = Default::default();
        let mut lines = vec![record.source.question_at()];
        for block in record.blocks() {
            if !matches!(
                block.kind,
                BlockKind::Code | BlockKind::Link | BlockKind::Image
            ) {
                lines.extend(block.start_line..=block.end_line);
            }
        }
        // A finding needs both forms of a mark in the record: most records have one form only,
        // which a scan of their bytes tells.
        let half = |line: &str| {
            line.bytes()
                .any(|b| matches!(b, b':' | b',' | b';' | b'?' | b'!'))
        };
        let full = |line: &str| line.as_bytes().windows(3).any(full_width_mark);
        if !lines.iter().any(|&n| half(notes.line(n)))
            || !lines.iter().any(|&n| full(notes.line(n)))
        {
            continue;
        }
        for number in lines {
            let line = notes.line(number);
            let has_mark = half(line) || full(line);
            if !has_mark || !line.chars().any(is_cjk) || looks_like_code(line) {
                continue;
            }
            for mark in marks(number, line) {
                let Some(k) = PAIRS
                    .iter()
                    .position(|&(f, h)| mark.symbol == f || mark.symbol == h)
                else {
                    continue;
                };
                if mark.symbol == PAIRS[k].0 {
                    tallies[k].full.push(mark);
                } else {
                    tallies[k].half.push(mark);
                }
            }
        }
        let minority = tallies
            .iter()
            .enumerate()
            .filter(|(_, t)| !t.full.is_empty() && !t.half.is_empty())
            .map(|(k, t)| {
                let (few, many) = if t.half.len() <= t.full.len() {
                    (&t.half, &t.full)
                } else {
                    (&t.full, &t.half)
                };
                (k, few[0], few.len(), many.len())
            })
            .min_by_key(|(_, m, _, _)| (m.line, m.byte));
        let Some((k, mark, few, many)) = minority else {
            continue;
        };
        let (full, half) = PAIRS[k];
        let other = if mark.symbol == full { half } else { full };
        let line = notes.line(mark.line);
        out.push(
            RULE.at(
                notes.path(),
                Span::within(mark.line, line, mark.byte, 1),
                format!(
                    "`{}` here, but `{other}` elsewhere in this record ({few} to {many})",
                    mark.symbol
                ),
            )
            .help(format!(
                "use full-width `{full}` in Chinese text throughout the record"
            ))
            .record(&record.id),
        );
    }
}

/// The punctuation marks of a line that punctuate prose, outside addresses, `code` and
/// labels.
fn marks(number: u32, line: &str) -> Vec<Mark> {
    let skipped: Vec<_> = SKIPPED.find_iter(line).map(|m| m.range()).collect();
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut found = Vec::new();
    for (i, &(byte, c)) in chars.iter().enumerate() {
        if skipped.iter().any(|r| r.contains(&byte)) {
            continue;
        }
        let is_full = PAIRS.iter().any(|&(f, _)| f == c);
        let is_half = PAIRS.iter().any(|&(_, h)| h == c);
        if is_full || (is_half && punctuates_prose(&chars, i, line)) {
            found.push(Mark {
                line: number,
                byte,
                symbol: c,
            });
        }
    }
    found
}

/// Is the half-width mark at `chars[i]` punctuating Chinese text (rather than part of a
/// number, an operator, a path or a Latin abbreviation)?
fn punctuates_prose(chars: &[(usize, char)], i: usize, line: &str) -> bool {
    let (byte, c) = chars[i];
    let prev = i.checked_sub(1).map(|p| chars[p].1);
    let next = chars.get(i + 1).map(|&(_, n)| n);
    let next_visible = chars[i + 1..]
        .iter()
        .map(|&(_, n)| n)
        .find(|n| !n.is_whitespace());
    if prev.is_none_or(char::is_whitespace) {
        return false;
    }
    if prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit()) {
        return false;
    }
    if matches!(next, Some(':' | '=' | '/' | '\\'))
        || prev == Some(':')
        || (c == '!' && next == Some('='))
    {
        return false;
    }
    let word_start = line[..byte]
        .rfind(|ch: char| !(ch.is_ascii_alphanumeric() || ch == '.'))
        .map_or(0, |p| {
            p + line[p..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &line[word_start..byte];
    if LATIN_WORDS.iter().any(|w| word.eq_ignore_ascii_case(w)) {
        return false;
    }
    prev.is_some_and(is_cjk) || next_visible.is_none_or(is_cjk)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn halves(line: &str) -> Vec<char> {
        marks(1, line)
            .into_iter()
            .map(|m| m.symbol)
            .filter(char::is_ascii)
            .collect()
    }

    #[test]
    fn full_width_marks_are_their_bytes() {
        for c in '\u{ff00}'..='\u{ff5f}' {
            let mut buf = [0; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            assert_eq!(
                full_width_mark(bytes),
                PAIRS.iter().any(|&(f, _)| f == c),
                "{c}"
            );
        }
    }

    #[test]
    fn half_width_in_prose() {
        assert_eq!(halves("UDP: 是属于无连接的传输协议"), vec![':']);
        assert_eq!(halves("Golang中的Goroutine的特性:"), vec![':']);
        assert_eq!(halves("init,但是无论"), vec![',']);
        assert_eq!(halves("是否同步?"), vec!['?']);
    }

    #[test]
    fn half_width_elsewhere() {
        assert!(halves("eg: 文件传输、邮件发送").is_empty());
        assert!(halves("见 https://a.com/x?y=1,2 的说明").is_empty());
        assert!(halves("时间 3:45 到 1,000 次").is_empty());
        assert!(halves("用 `a, b := 1, 2` 赋值").is_empty());
        assert!(halves("std::sync 和 x != y").is_empty());
        assert!(
            marks(1, "Q: 什么是数据竞争？")
                .iter()
                .all(|m| m.symbol == '？')
        );
        assert!(
            marks(1, "注：用 go test -race 检测。")
                .iter()
                .all(|m| m.symbol == '。')
        );
    }
}
