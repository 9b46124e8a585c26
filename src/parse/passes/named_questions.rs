//! Questions named by their number (`Question 1`, `Question 2`), with unmarked lines at the
//! margin inside their answers.

use crate::parse::asking::{asks, ends_asking, numbered_name};
use crate::parse::line::{Kind, strip_emphasis};
use crate::parse::{Ln, Role, Start};

/// Named questions that make a file's questions named ones.
const MIN_NAMED: usize = 3;

/// Notes that name each question by its number (`Question 1`, `Question 2`, `第3题`) name
/// every question: a line at the margin between the first and the last of them that asks
/// nothing (a sub-label `b inner join A` over a result table, a query `select p.name, …` over
/// its indented clauses) is part of an answer, not a question of its own.
pub(crate) fn keep_named_questions(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let named = |s: &Start| {
        matches!(s.role, Role::Record { .. })
            && matches!(lines[s.line].kind, Kind::Text)
            && !lines[s.line].indented()
            && numbered_name(None, &strip_emphasis(lines[s.line].text))
    };
    let Some(first) = starts.iter().position(named) else {
        return;
    };
    let Some(last) = starts.iter().rposition(named) else {
        return;
    };
    if starts[first..=last].iter().filter(|s| named(s)).count() < MIN_NAMED {
        return;
    }
    let (from, to) = (starts[first].line, starts[last].line);
    starts.retain(|s| {
        let text = lines[s.line].text;
        !(from < s.line
            && s.line < to
            && s.rank.is_none()
            && matches!(s.role, Role::Record { number: None, .. })
            && matches!(lines[s.line].kind, Kind::Text)
            && !named(s)
            && !asks(text)
            && !ends_asking(text))
    });
}
