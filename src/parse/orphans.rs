//! Lines that belong to no record (text before the first question, a preface set aside) are
//! reported as orphan text, so that no non-blank line is ever lost without a word.

use super::Ln;
use super::line::Kind;
use crate::check::{DiagnosticExt, Span, orphan_text};
use crate::diagnostic::Diagnostic;

/// Why lines belong to no record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Orphans {
    /// Nothing made them part of a question (text before the first one, say).
    Loose,
    /// A preface, contents, references or conclusion part, or a list of questions asked again
    /// later: set aside on purpose.
    SetAside,
}

pub(super) fn report_orphans(
    lines: &[Ln<'_>],
    why: Orphans,
    path: &str,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut i = 0;
    while i < lines.len() {
        if matches!(lines[i].kind, Kind::Blank) {
            i += 1;
            continue;
        }
        let start = i;
        while i < lines.len() && !matches!(lines[i].kind, Kind::Blank) {
            i += 1;
        }
        let first = &lines[start];
        let last = &lines[i - 1];
        let count = i - start;
        let preview: String = first.text.trim().chars().take(30).collect();
        let lines = if count == 1 { "line" } else { "lines" };
        let (message, help) = match why {
            Orphans::Loose => (
                format!("{count} {lines} outside any question: `{preview}`"),
                "number it as a question, move it under one, or delete it",
            ),
            Orphans::SetAside => (
                format!(
                    "{count} {lines} set aside as a preface, contents, references or \
                     conclusion part: `{preview}`"
                ),
                "nothing to do if it asks nothing; if it holds a question, give that a heading \
                 or a number of its own",
            ),
        };
        diagnostics.push(
            orphan_text::RULE
                .at(
                    path,
                    Span::lines(first.number, last.number, last.text),
                    message,
                )
                .help(help),
        );
    }
}
