//! Questions written as code comments in a quiz of code snippets.

use super::is_start;
use std::sync::LazyLock;

use regex::Regex;

use super::super::line::Kind;
use super::{Ln, Role, Start};

/// `//1、填写输出顺序：`, `// 2. …`, `//4 请实现…`, `-- 3、查询…` (SQL): a line comment opened by
/// a number, at the margin or a stray space or three in.
static COMMENT_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^ {0,3}(?://|--)[ \t]*(\d{1,3})[ \t]*[、.．:：]?[ \t]*(\S.*)$")
        .expect("valid pattern")
});

/// Fewest comment-numbered lines that make a quiz.
const MIN_ITEMS: usize = 3;

/// A quiz of code snippets may number its questions as code comments at the margin
/// (`//1、填写输出顺序：` over unfenced code, `//2、…`, `//3、…`; `-- 1、查询…` over SQL). Three or more such lines,
/// outside any fence, counting 1, 2, 3 … in order, are the questions; the code under each is
/// its body, and no line of that code, up to the last item, starts a question of its own.
pub(in super::super) fn split_comment_numbered_items(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let mut items: Vec<(usize, String, String)> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if !matches!(l.kind, Kind::Text) {
            continue;
        }
        let Some(c) = COMMENT_NUMBER.captures(l.text.trim_end()) else {
            continue;
        };
        let expected = (items.len() + 1).to_string();
        if c[1] == expected {
            items.push((i, c[1].to_owned(), c[2].trim().to_owned()));
        } else if c[1] == *"1" {
            items.clear();
            items.push((i, c[1].to_owned(), c[2].trim().to_owned()));
        }
    }
    if items.len() < MIN_ITEMS {
        return;
    }
    let first = items[0].0;
    let last = items[items.len() - 1].0;
    // What lies between the items is their code: no line of it asks on its own.
    starts.retain(|s| !(s.line > first && s.line < last && matches!(s.role, Role::Record { .. })));
    let sorted = starts.len();
    for (line, number, question) in items {
        if !is_start(&starts[..sorted], line) {
            starts.push(Start {
                line,
                rank: None,
                role: Role::Record {
                    number: Some(number),
                    question,
                },
            });
        }
    }
    starts.sort_by_key(|s| s.line);
}
