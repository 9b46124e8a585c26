//! Plain text that only indentation structures: questions at the margin, one per line, the
//! answers indented under some of them.

use super::add_questions;
use crate::parse::line::Kind;
use crate::parse::{Ln, Role, Start, blocks};

/// Most characters a question line at the margin runs to.
const MAX_CHARS: usize = 80;

/// In text with no heading, number, bullet or code at the margin, where three or more margin
/// lines have an indented block right under them (`Spring 依赖注入的三种方式` over
/// `\tsetter 方法注入`), the margin holds the questions and the indentation their answers:
/// every margin line is a question, answered or not, glued to the one above or not — as long
/// as each is short and holds no second sentence.
pub(crate) fn split_margin_questions(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let margin: Vec<usize> = (0..lines.len())
        .filter(|&i| matches!(lines[i].kind, Kind::Text) && !lines[i].indented())
        .collect();
    if margin.len() < 5
        || lines.iter().any(|l| matches!(l.kind, Kind::Heading(_)))
        || starts
            .iter()
            .any(|s| !matches!(s.role, Role::Record { number: None, .. }))
    {
        return;
    }
    let question_line = |i: usize| {
        let l = &lines[i];
        let t = l.text.trim();
        !l.code
            && !l.structural
            && blocks::bullet_item(l.text).is_none()
            && !blocks::is_rule_line(l.text)
            && t.chars().count() <= MAX_CHARS
            && !t.trim_end_matches(['。', '.']).contains(['。', '；', ';'])
    };
    if !margin.iter().all(|&i| question_line(i)) {
        return;
    }
    let hangs = |i: usize| {
        lines
            .get(i + 1)
            .is_some_and(|n| matches!(n.kind, Kind::Text) && n.indented() && !n.code)
    };
    if margin.iter().filter(|&&i| hangs(i)).count() < 3 {
        return;
    }
    add_questions(lines, starts, margin);
}
