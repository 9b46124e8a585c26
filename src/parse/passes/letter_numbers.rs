//! Questions numbered after a letter, as textbooks number their exercises:
//!
//! ```text
//! <li><b>
//! R1. “主机”和“端系统”之间有什么不同？        ← a card
//! </b></li>
//! <p>答案：<br/> …</p>
//! <li><b>
//! R2. 标准对于协议为什么重要？                ← a card
//! ```
//!
//! One capital letter and a number (`R1.`, `P12、`, `T3：`) name a review question, a problem,
//! an exercise. Where one letter numbers lines at the margin one after another from 1 (1, 2, 3
//! …), three in a row at least, each with something under it before the next, half of them
//! asking, each such line starts a card, numbered by its letter and number. Glued one under
//! another (`S1：加锁` / `S2：…`), or stating (`P1：核心业务不可用` / `15 分钟内响应。` / `P2：…`),
//! they list the levels, steps or threads of one answer.

use std::sync::LazyLock;

use regex::Regex;

use super::{Ln, Role, Start, merge_starts};
use crate::parse::asking::asks_any_way;
use crate::parse::line::{Kind, strip_emphasis};

/// `R1. …`, `P12、…`, `T3：…`, bold or not: the letter, the number, then the question.
static LETTER_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\*\*)?([A-Z])(\d{1,3})[.．、:：][ \t\u{3000}]*(\S.*)$").expect("valid regex")
});

/// Lines in a row that one letter must number before its numbers are read as questions.
const MIN_RUN: usize = 3;

/// Start a card at each question a letter numbers (see the module).
pub(crate) fn split_letter_numbered(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    // Numbers are rare: most files hold no line opening with a capital and a digit.
    let numbered: Vec<(usize, char, u32, &str)> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| {
            matches!(l.kind, Kind::Text)
                && !l.code
                && matches!(
                    l.text.trim_start_matches('*').as_bytes(),
                    [letter, digit, ..] if letter.is_ascii_uppercase() && digit.is_ascii_digit()
                )
        })
        .filter_map(|(i, l)| {
            let c = LETTER_NUMBER.captures(l.text.trim_end())?;
            let letter = c[1].chars().next()?;
            let value = c[2].parse().ok()?;
            Some((i, letter, value, c.get(3)?.as_str()))
        })
        .collect();
    if numbered.len() < MIN_RUN {
        return;
    }
    // Runs of one letter counting up by one, whatever other lines stand between.
    let mut extra = Vec::new();
    let mut letters: Vec<char> = numbered.iter().map(|n| n.1).collect();
    letters.sort_unstable();
    letters.dedup();
    for letter in letters {
        let items: Vec<&(usize, char, u32, &str)> =
            numbered.iter().filter(|n| n.1 == letter).collect();
        for run in items.chunk_by(|p, n| n.2 == p.2 + 1 && apart(lines, p.0, n.0)) {
            // Questions, half of them at least: levels (`P1：核心业务不可用`), steps (`S1：加锁`)
            // and threads (`T1：读余额`) listed in an answer state.
            let asking = run
                .iter()
                .filter(|n| asks_any_way(&strip_emphasis(n.3)))
                .count();
            if run.len() < MIN_RUN || run[0].2 != 1 || asking * 2 < run.len() {
                continue;
            }
            for &&(i, _, value, question) in run {
                let role = Role::Record {
                    number: Some(format!("{letter}{value}")),
                    question: strip_emphasis(question).trim().to_owned(),
                };
                // A line another reading found asking keeps its start, now numbered.
                match starts.binary_search_by_key(&i, |s| s.line) {
                    Ok(k) => {
                        if matches!(starts[k].role, Role::Record { number: None, .. }) {
                            starts[k].role = role;
                        }
                    }
                    Err(_) => extra.push(Start {
                        line: i,
                        rank: None,
                        role,
                    }),
                }
            }
        }
    }
    merge_starts(starts, extra);
}

/// Is something but blank lines between lines `a` and `b`: an answer, a tag? Lines glued one
/// under another (`P0：核心业务不可用` / `P1：…`, `S1：加锁` / `S2：…`) list levels or steps inside
/// one answer.
fn apart(lines: &[Ln<'_>], a: usize, b: usize) -> bool {
    lines[a + 1..b]
        .iter()
        .any(|l| !matches!(l.kind, Kind::Blank))
}

#[cfg(test)]
mod tests {
    use super::LETTER_NUMBER;

    #[test]
    fn a_capital_and_a_number_open_a_question() {
        for line in [
            "R1. 标准为什么重要？",
            "P12、计算时延",
            "**T3：**简述",
            "Q4．什么是",
        ] {
            assert!(LETTER_NUMBER.is_match(line), "{line}");
        }
        for line in [
            "R1.",
            "r1. 小写",
            "AB1. 两个字母",
            "R1234. 太长",
            "HTTP1.1 协议",
        ] {
            assert!(!LETTER_NUMBER.is_match(line), "{line}");
        }
    }
}
