//! Z004 empty-question: a question number with no question after it.

use super::{DiagnosticExt, Notes, Rule};
use crate::diagnostic::{Diagnostic, Severity};

/// The rule.
pub static RULE: Rule = Rule {
    code: "Z004",
    name: "empty-question",
    severity: Severity::Error,
    summary: "Question number with no question text",
    explanation: "\
## What it does
Flags a record whose question line has a number but no text, such as a bare `61、` with an
answer under it. A bare number with nothing under it (`14. ` ending a list) is a placeholder,
reported as a line outside any question (Z002) instead.

## Why it matters
The card's front would show nothing to answer, so the card cannot be reviewed.

## Example
```
61、
Goroutine 是Golang实际并发执行的实体。
```

## Fix
Write the question after the number, or delete the number so the lines join the question
above.
",
};

pub(crate) fn check(notes: &Notes<'_>, out: &mut Vec<Diagnostic>) {
    for record in notes.records() {
        if record.question.trim().is_empty() {
            let written = notes.line(record.source.question_at()).trim();
            out.push(
                RULE.at(
                    notes.path(),
                    notes.question_span(record),
                    format!("`{written}` has no question text"),
                )
                .help("write the question after the number, or delete the number")
                .record(&record.id),
            );
        }
    }
}
