//! Z007 missing-code: a question about "this code" in a record that holds no code.

use super::{DiagnosticExt, Notes, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::BlockKind;
use crate::parse::refers_to_code;

/// The rule.
pub static RULE: Rule = Rule {
    code: "Z007",
    name: "missing-code",
    severity: Severity::Warning,
    summary: "Question about \"this code\" without any code",
    explanation: "\
## What it does
Flags a question that asks about code shown with it (`这段代码`, `下面的代码`, `以下代码`,
`输出什么`, …) when its record holds no code block at all.

## Why it matters
The card asks about code the learner cannot see; the answer (\"prints 111111111, then
deadlocks\") cannot be checked or learned. Usually the code was lost when the notes were
copied.

## Example
```
4.  这段代码会输出什么？

答案：先打印出111111111，然后报错（死锁）
```

## Fix
Paste the code under the question (in a ```` ```go ```` fence), or reword the question so it
stands on its own.
",
};

pub(crate) fn check(notes: &Notes<'_>, out: &mut Vec<Diagnostic>) {
    for record in notes.records() {
        if refers_to_code(&record.question) && !record.blocks().any(|b| b.kind == BlockKind::Code) {
            out.push(
                RULE.at(
                    notes.path(),
                    notes.question_span(record),
                    "the question asks about code, but the record has none",
                )
                .help("paste the code under the question, or reword the question")
                .record(&record.id),
            );
        }
    }
}
