//! Questions that no number or heading marks, found by the answer label under them
//! (`IP地址的分类` / `答：A类地址…`).

use super::add_questions;
use crate::parse::asking::asks_any_way;
use crate::parse::line::Kind;
use crate::parse::{Ln, Role, Start};

/// Fewest labelled answers under unmarked lines that make the convention.
const MIN_QUESTIONS: usize = 2;

/// Most characters an unmarked question line runs to.
const MAX_CHARS: usize = 100;

/// In notes where answers open with a label (`答：`, `答案：`, `参考答案`) and the line over the
/// label is a line of its own at the margin (a blank line or a heading above it), that line is
/// the question the label answers: it starts a record, numbered or not. Read so only where two
/// labelled answers or more sit under such lines, and at least half of the notes' answer
/// labels do. A line under a question not yet answered (the options of a choice, its code)
/// belongs to that question.
pub(crate) fn add_questions_over_answer_labels(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let mut labels = 0;
    let mut asked: Vec<usize> = Vec::new();
    let mut found: Vec<usize> = Vec::new();
    // The line the last record started at (before this pass), and whether an answer label has
    // come under it since; a question this pass finds is answered by the label that found it.
    let mut next_start = 0;
    let mut open: Option<(usize, bool)> = None;
    for (i, l) in lines.iter().enumerate() {
        while let Some(s) = starts.get(next_start).filter(|s| s.line < i) {
            open = matches!(s.role, Role::Record { .. }).then_some((s.line, false));
            next_start += 1;
        }
        let Kind::Marker { answer: true, .. } = l.kind else {
            continue;
        };
        if l.indented() {
            continue;
        }
        labels += 1;
        // A remark in brackets between them (`（本题10分）`) is no question.
        let Some(q) = lines[..i].iter().rposition(|p| match p.kind {
            Kind::Blank => false,
            Kind::Text => !bracketed(p.text),
            _ => true,
        }) else {
            continue;
        };
        let started = starts
            .get(next_start.saturating_sub(1))
            .is_some_and(|s| s.line == q && matches!(s.role, Role::Record { .. }));
        if started {
            asked.push(q);
        } else if question_line(lines, q) && open.is_none_or(|(at, answered)| answered && at < q) {
            asked.push(q);
            found.push(q);
        }
        open = open.map(|(at, _)| (at, true));
    }
    if asked.len() < MIN_QUESTIONS || found.is_empty() || asked.len() * 2 < labels {
        return;
    }
    add_questions(lines, starts, found);
}

/// A line of text at the margin, short, alone in its paragraph (above it a blank line, a
/// heading or nothing), that leads in to nothing and is no statement.
fn question_line(lines: &[Ln<'_>], q: usize) -> bool {
    let l = &lines[q];
    matches!(l.kind, Kind::Text)
        && !l.code
        && !l.indented()
        && l.text.chars().count() <= MAX_CHARS
        && !l.text.trim_end().ends_with(['：', ':'])
        // A sentence that states (`我当时只说了RDB。`) is a remark; `简述…。` asks.
        && (!l.text.trim_end().ends_with('。') || asks_any_way(l.text))
        && q.checked_sub(1)
            .is_none_or(|p| matches!(lines[p].kind, Kind::Blank | Kind::Heading(_)))
}

/// A line wholly in brackets (`（本题10分）`, `(表格见课本P112)`).
fn bracketed(text: &str) -> bool {
    let t = text.trim();
    (t.starts_with('（') && t.ends_with('）')) || (t.starts_with('(') && t.ends_with(')'))
}
