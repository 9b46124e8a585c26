//! A question set apart at the end of another question's answer, nothing under it: a new
//! question still to be answered (`async 是什么、什么是迭代器` after blank lines).

use crate::parse::asking::{ends_asking, interrogative};
use crate::parse::line::Kind;
use crate::parse::titles::title_shaped;
use crate::parse::{Ln, Role, Start};

use super::add_questions;

/// A line at the margin that asks (a question word, or a question mark at its end), after a
/// blank line, with only blank lines after it up to the next start or the end of the file, is
/// a question of its own, left unanswered: an answer does not end on a bare question set
/// apart from it. Only inside a record's answer, with lines of that answer above it.
pub(crate) fn split_closing_questions(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let mut extra = Vec::new();
    for (n, start) in starts.iter().enumerate() {
        if !matches!(start.role, Role::Record { .. }) {
            continue;
        }
        let end = starts.get(n + 1).map_or(lines.len(), |s| s.line);
        let Some(last) = (start.line + 1..end).rfind(|&k| !matches!(lines[k].kind, Kind::Blank))
        else {
            continue;
        };
        let l = &lines[last];
        let set_apart = matches!(lines[last - 1].kind, Kind::Blank)
            && (start.line + 1..last - 1).any(|k| !matches!(lines[k].kind, Kind::Blank));
        if set_apart
            && l.prose()
            && !l.indented()
            && (title_shaped(l) || ends_asking(l.text))
            && (interrogative(l.text) || ends_asking(l.text))
        {
            extra.push(last);
        }
    }
    add_questions(lines, starts, extra);
}
