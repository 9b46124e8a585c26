//! Items numbered loosely at the margin, read by how they count:
//!
//! ```text
//! 1 define和const的不同                 ← a number and a space
//!     编译器对待const常量是…
//! 2:简述http协议：…                     ← a number and a colon
//!     请求包的主要内容…
//! 3：两种简单的单例模式：…
//! ```
//!
//! A number with only a space or a colon after it (`1 为什么选择这个方向`, `2:进程间的通信`)
//! may count something (`3 个参数`) or be a key (`404: Not Found`) on its own; where such
//! lines at one indent count one by one with the numbered lines around them (1, 2, 3 …), from
//! 1 and three in a row at least, the notes number their items that way: each item no reading
//! found starts a card, and a plain line right over the first titles them. A list that starts
//! again at 1 between two items of a longer one (`20 路由` / `1 …` / `2 …` / `3 …` /
//! `21 STP`) is that item's points; so is a list whose regular numbers the outline read as
//! points, and one inside the answer of a heading or numbered question it does not continue.

use std::sync::LazyLock;

use regex::Regex;

use super::{Ln, Role, Start, indent_columns, record_at};
use crate::parse::line::{Kind, Style};

/// `1 为什么…`, `2:进程间的通信`, `5；linux系统的io模型`: a number, then a space or a colon.
static LOOSE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{1,3})([ \t\u{3000}]+|[ \t]*[:：;；][ \t\u{3000}]*)(\S.*)$").unwrap()
});

/// First characters that make a number a quantity (`3 个参数`, `2 年经验`), not an item's.
const MEASURE_WORDS: &str = "个只次条种位年月日号天秒倍层步点元米克分";

/// Items a list of loosely typed numbers needs before its numbers are read as numbers.
const MIN_ITEMS: usize = 3;

/// Lists open inside one another that a later item may still go on from: deeper nesting is
/// not written by hand, and a file of many restarts at 1 must not cost their square.
const MAX_DEPTH: usize = 8;

/// A numbered line at the margin: its line, value, and, for a loose one, its title.
struct Item {
    line: usize,
    /// Its indent, in columns (a heading's is none).
    indent: usize,
    value: u32,
    loose: Option<String>,
}

/// A line at the margin typed with a loose number: its value and title.
fn loose(l: &Ln<'_>) -> Option<(u32, String)> {
    let text = l.text.trim_start_matches([' ', '\t', '\u{3000}']);
    if !matches!(l.kind, Kind::Text) || l.code || !text.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let c = LOOSE_NUMBER.captures(text.trim_end())?;
    let title = c[3].trim();
    let first = title.chars().next()?;
    // After a space, a title may open with a figure (`4 16进制转换2进制`) if words follow;
    // after a colon a figure makes a time or a ratio (`2:30`).
    let spaced = c[2].trim().is_empty();
    // So may a quoted name (`13 “#!/bin/bash”的作用 ?`).
    let opens_in_words = first.is_alphabetic()
        || (spaced && first.is_ascii_digit() && title.contains(char::is_alphabetic))
        || (title.starts_with(['“', '「', '《', '『']) && title.contains(char::is_alphabetic));
    if !opens_in_words || MEASURE_WORDS.contains(first) {
        return None;
    }
    Some((c[1].parse().ok()?, title.to_owned()))
}

/// Start a card at each loosely numbered line at the margin that counts on with its
/// neighbours, where no reading found one.
pub(crate) fn split_counted_numbers(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let items: Vec<Item> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| match &l.kind {
            Kind::Heading(h) if h.style == Style::Arabic => h.value.map(|v| Item {
                line: i,
                indent: 0,
                value: v,
                loose: None,
            }),
            _ => loose(l).map(|(value, title)| Item {
                line: i,
                indent: indent_columns(l.text),
                value,
                loose: Some(title),
            }),
        })
        .collect();
    if !items.iter().any(|it| it.loose.is_some()) {
        return;
    }
    // Each indent's items count on their own: a list nested deeper is no break in the outer.
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by_key(|&k| (items[k].indent, k));
    let mut runs: Vec<(Vec<usize>, bool)> = Vec::new();
    for same_indent in order.chunk_by(|&a, &b| items[a].indent == items[b].indent) {
        // The lists open, outermost first (indexes into `items`); each list closed, and
        // whether a list around it went on after it (it is that item's points).
        let mut open: Vec<Vec<usize>> = Vec::new();
        for &k in same_indent {
            let value = items[k].value;
            let next_of = |run: &Vec<usize>| items[*run.last().unwrap_or(&0)].value + 1 == value;
            if let Some(depth) = open.iter().rposition(next_of) {
                for inner in open.drain(depth + 1..) {
                    runs.push((inner, true));
                }
                open[depth].push(k);
            } else if value == 1 {
                if open.len() == MAX_DEPTH {
                    runs.push((open.remove(0), false));
                }
                open.push(vec![k]);
            } else {
                runs.extend(open.drain(..).map(|r| (r, false)));
                open.push(vec![k]);
            }
        }
        runs.extend(open.into_iter().map(|r| (r, false)));
    }
    let mut added = Vec::new();
    let mut titles = Vec::new();
    let mut retitled = Vec::new();
    for (run, nested) in runs {
        // A list counts from 1: one that starts further on goes on from a number typed
        // inside a line (`tcp为什么稳定 ：1校验和保证` / `    2 超时重传`), or gives an order.
        let from_one = items[run[0]].value == 1;
        if nested
            || !from_one
            || run.len() < MIN_ITEMS
            || !counts_as_cards(lines, starts, &items, &run)
        {
            continue;
        }
        let before = added.len();
        for &k in &run {
            let it = &items[k];
            let Some(title) = &it.loose else {
                continue;
            };
            let card = Role::Record {
                number: Some(it.value.to_string()),
                question: title.clone(),
            };
            // An item read as a title over the items after it (`1：进程线程的区别：`) is an
            // item like them. (A record another reading found keeps its question as it was
            // read, and so its id.)
            match starts.binary_search_by_key(&it.line, |s| s.line) {
                Ok(n) if matches!(starts[n].role, Role::Section { .. }) => {
                    retitled.push((n, card));
                }
                Ok(_) => {}
                Err(_) => added.push(Start {
                    line: it.line,
                    rank: None,
                    role: card,
                }),
            }
        }
        if added.len() > before {
            titles.extend(title_over(lines, starts, items[run[0]].line));
        }
    }
    for n in titles {
        starts[n].role = Role::label(lines[starts[n].line].text);
    }
    for (n, card) in retitled {
        starts[n].role = card;
    }
    if !added.is_empty() {
        starts.extend(added);
        starts.sort_by_key(|s| s.line);
    }
}

/// The record a plain line starts right over the list's first item, nothing between them
/// (`常用的sql语句` / `    1：查询…`): it titles the list, a section over its cards.
fn title_over(lines: &[Ln<'_>], starts: &[Start], first: usize) -> Option<usize> {
    let n = starts.partition_point(|s| s.line < first).checked_sub(1)?;
    let s = &starts[n];
    let plain = matches!(lines[s.line].kind, Kind::Text) && loose(&lines[s.line]).is_none();
    let glued = lines[s.line + 1..first]
        .iter()
        .all(|l| matches!(l.kind, Kind::Blank));
    (plain && glued && matches!(s.role, Role::Record { .. })).then_some(n)
}

/// Are the items of `run` cards as the readings so far see them: every item typed with a
/// regular number a record of its own, and the first item not inside the answer of a heading
/// or numbered line that is no item of the list?
fn counts_as_cards(lines: &[Ln<'_>], starts: &[Start], items: &[Item], run: &[usize]) -> bool {
    let regular_are_cards = run
        .iter()
        .map(|&k| &items[k])
        .filter(|it| it.loose.is_none())
        .all(|it| record_at(starts, it.line).is_some());
    let first = items[run[0]].line;
    let owner = starts.partition_point(|s| s.line <= first);
    let inside_heading = owner > 0 && {
        let s = &starts[owner - 1];
        s.line != first
            && matches!(s.role, Role::Record { .. })
            && matches!(lines[s.line].kind, Kind::Heading(_))
    };
    // The items stand at the margin of the text they span: nothing between them is shallower.
    let last = items[run[run.len() - 1]].line;
    let indent = items[run[0]].indent;
    let at_margin = lines[first..=last]
        .iter()
        .all(|l| matches!(l.kind, Kind::Blank) || indent_columns(l.text) >= indent);
    regular_are_cards && !inside_heading && at_margin
}
