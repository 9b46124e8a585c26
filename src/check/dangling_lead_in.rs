//! Z008 dangling-lead-in: a record that ends on a colon, promising something that never comes.

use super::{DiagnosticExt, Notes, Rule, Span, char_len};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::BlockKind;

/// The rule.
pub static RULE: Rule = Rule {
    code: "Z008",
    name: "dangling-lead-in",
    severity: Severity::Warning,
    summary: "Lead-in ending in a colon with nothing after it",
    explanation: "\
## What it does
Flags the last block of a record when its text ends with `：` or `:`: a lead-in that announces
code, a list or a conclusion which is not there. A lead-in followed by anything is fine.

## Why it matters
Whatever the colon promised was lost, usually when code or a picture did not survive a copy
and paste. The card ends mid-thought.

## Example
```
说明：……如何改能让程序不报错？在第一个协程前加一个协程：

5、简述channel和mutex锁机制的原理异同与使用场景
```

## Fix
Add what the lead-in announces under it, or finish the sentence and end it with `。`.
",
};

pub(crate) fn check(notes: &Notes<'_>, out: &mut Vec<Diagnostic>) {
    for record in notes.records() {
        let Some(last) = record.blocks().last() else {
            continue;
        };
        if matches!(
            last.kind,
            BlockKind::Code | BlockKind::Link | BlockKind::Image | BlockKind::Table
        ) || !last.text.trim_end().ends_with([':', '：'])
        {
            continue;
        }
        let line = notes.line(last.end_line).trim_end();
        let span = if line.ends_with([':', '：']) {
            let column = char_len(line);
            Span {
                line: last.end_line,
                column,
                end_line: last.end_line,
                end_column: column + 1,
            }
        } else {
            notes.line_span(last.end_line)
        };
        let tail: String = {
            let text = last.text.trim_end();
            let skip = text.chars().count().saturating_sub(12);
            let tail: String = text.chars().skip(skip).collect();
            if skip > 0 { format!("…{tail}") } else { tail }
        };
        out.push(
            RULE.at(
                notes.path(),
                span,
                format!("`{tail}` leads in to something, but the record ends here"),
            )
            .help("add what the colon announces, or end the sentence with `。`")
            .record(&record.id),
        );
    }
}
