//! Z014 no-questions: a notes file in which zhika found no question at all.

use super::{DiagnosticExt as _, Notes, Rule, Span};
use crate::diagnostic::{Diagnostic, Severity};

/// The rule.
pub static RULE: Rule = Rule {
    code: "Z014",
    name: "no-questions",
    severity: Severity::Warning,
    summary: "Notes file with no question in it",
    explanation: "\
## What it does
Flags a notes file from which zhika made no record: an empty file, one with only white space,
or text in which no line reads as a question.

## Why it matters
The file's deck comes out empty. Usually the file is a stub, or its questions are written in a
way zhika does not recognise, and the learner would otherwise not notice.

## Example
```
TODO: 整理 Go 面试题
```

## Fix
Write the questions with a number (`1. …`), a question mark (`…？`) or a heading
(`### …`), or remove the file from the notes folder.
",
};

/// Fires once, at line 1, when the whole deck has no records.
pub(crate) fn check(notes: &Notes<'_>, out: &mut Vec<Diagnostic>) {
    if !notes.records().is_empty() {
        return;
    }
    let first = notes.line(1);
    let blank = notes.parsed.text.trim().is_empty();
    out.push(
        RULE.at(
            notes.path(),
            Span::line(1, first),
            if blank {
                "the file is empty: no questions, so the deck is empty"
            } else {
                "no line reads as a question, so the deck is empty"
            },
        )
        .help("number the questions (`1. …`), end them with `？`, or make them headings"),
    );
}
