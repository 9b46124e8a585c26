//! Z003 empty-answer: a question with nothing under it.

use super::{DiagnosticExt, Notes, Rule};
use crate::diagnostic::{Diagnostic, Severity};

/// The rule.
pub static RULE: Rule = Rule {
    code: "Z003",
    name: "empty-answer",
    severity: Severity::Warning,
    summary: "Question with no answer",
    explanation: "\
## What it does
Flags a record whose answer is empty: the question line is followed directly by the next
question, a section heading or the end of the file.

## Why it matters
The card would have a blank back. Reviewing it teaches nothing, and it counts as a card you
\"know\" every time.

## Example
```
6、sync.WaitGroup的使用场景？
7、orm
```
Question 6 has no answer.

## Fix
Write the answer under the question, or delete the question.

A question line with no text at all is reported as `empty-question` (Z004) instead.
",
};

pub(crate) fn check(notes: &Notes<'_>, out: &mut Vec<Diagnostic>) {
    for record in notes.records() {
        let has_media = record.answer.iter().any(|b| b.url.is_some());
        // A bare number (`61、`) is Z004's finding; one report is enough.
        let has_question = !record.question.trim().is_empty();
        if record.is_unanswered() && !has_media && has_question {
            out.push(
                RULE.at(
                    notes.path(),
                    notes.question_span(record),
                    "question has no answer",
                )
                .help("write the answer under the question, or delete the question")
                .record(&record.id),
            );
        }
    }
}
