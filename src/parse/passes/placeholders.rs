//! Numbers written ahead of a question never typed in (`14. ` at the end of a list).

use crate::parse::line::{Kind, Style};
use crate::parse::{Ln, Role, Start};

/// A numbered line with no text and nothing under it before the next start (`14. ` closing a
/// list, a `2. ` left for later) holds no question: it is a placeholder, reported as a line
/// outside any question. A bare number with lines under it (`61、` over an answer) is still a
/// record whose question is missing (Z004).
pub(crate) fn set_aside_placeholders(lines: &[Ln<'_>], starts: &mut [Start]) {
    for n in 0..starts.len() {
        let at = starts[n].line;
        let Role::Record { question, .. } = &starts[n].role else {
            continue;
        };
        let Kind::Heading(h) = &lines[at].kind else {
            continue;
        };
        if matches!(h.style, Style::Markdown(_) | Style::Question)
            || h.number.is_none()
            || !h.title.trim().is_empty()
            || !question.trim().is_empty()
        {
            continue;
        }
        let end = starts.get(n + 1).map_or(lines.len(), |s| s.line);
        if lines[at + 1..end]
            .iter()
            .all(|l| matches!(l.kind, Kind::Blank))
        {
            starts[n].role = Role::Placeholder;
        }
    }
}
