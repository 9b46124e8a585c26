//! Z011 link-only-answer: an answer that is nothing but links.

use super::{DiagnosticExt, Notes, Rule, Span};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::BlockKind;

/// The rule.
pub static RULE: Rule = Rule {
    code: "Z011",
    name: "link-only-answer",
    severity: Severity::Warning,
    summary: "Answer that is only a link",
    explanation: "\
## What it does
Flags a record whose answer consists of links and nothing else.

## Why it matters
Spaced repetition works on what you can recall. A link cannot be recalled, and the page behind
it may change or disappear; the card tests whether you remember a URL.

## Example
```
HTTP与TCP的区别和联系
https://www.cnblogs.com/baizhanshi/p/8482612.html
```

## Fix
Write the key points down as the answer; keep the link below them as a source if you like.
",
};

pub(crate) fn check(notes: &Notes<'_>, out: &mut Vec<Diagnostic>) {
    for record in notes.records() {
        let Some(last) = record.answer.last() else {
            continue;
        };
        if !record.answer.iter().all(|b| b.kind == BlockKind::Link) {
            continue;
        }
        let count = record.answer.len();
        let message = if count == 1 {
            format!(
                "the answer is only a link ({})",
                last.url.as_deref().unwrap_or(&last.text)
            )
        } else {
            format!("the answer is only {count} links")
        };
        let start = notes.question_span(record);
        let end = notes.line_span(last.end_line);
        out.push(
            RULE.at(
                notes.path(),
                Span {
                    end_line: end.end_line,
                    end_column: end.end_column,
                    ..start
                },
                message,
            )
            .help("write the key points down — a link cannot be recalled")
            .record(&record.id),
        );
    }
}
