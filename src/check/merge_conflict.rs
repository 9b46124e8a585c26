//! Z015 merge-conflict: a Git merge conflict left in the notes.

use super::{DiagnosticExt as _, Notes, Rule, Span};
use crate::diagnostic::{Diagnostic, Severity};
use crate::parse::line::fence_info;
use crate::read::split_lines;

/// The rule.
pub static RULE: Rule = Rule {
    code: "Z015",
    name: "merge-conflict",
    severity: Severity::Error,
    summary: "Git merge conflict left in the notes",
    explanation: "\
## What it does
Flags a Git merge conflict that was never resolved: a `<<<<<<<` line, later a `=======` line,
then a `>>>>>>>` line, with two versions of the same notes between them. Markers inside a
fenced code block (notes about Git showing what a conflict looks like) are an example and are
not flagged.

## Why it matters
Both versions become cards: the deck asks the same questions twice, with answers that may
disagree, and the marker lines end up on cards or outside any question.

## Example
```
<<<<<<< HEAD
1. 什么是协程？
协程是用户态的轻量级线程。
=======
1. 什么是协程？
协程是由程序自己调度的执行单元。
>>>>>>> upstream/answers
```

## Fix
Keep the version you want (or merge the two by hand) and delete the three marker lines.
",
};

/// The three markers of a conflict, each at the start of a line.
const OURS: &str = "<<<<<<<";
const SEPARATOR: &str = "=======";
const THEIRS: &str = ">>>>>>>";

/// Fires once per conflict, over its lines, at its `<<<<<<<` line; markers inside a fenced
/// block are an example, not a conflict.
pub(crate) fn check(notes: &Notes<'_>, out: &mut Vec<Diagnostic>) {
    let text = &notes.parsed.text;
    if !text.contains(OURS) {
        return;
    }
    // (line of `<<<<<<<`, line of `=======` once seen).
    let mut open: Option<(u32, Option<u32>)> = None;
    // Inside a fenced block, markers are an example (notes about Git), not a conflict. A fence
    // is read as the parser reads one ([`fence_info`]); its mark (`` ` `` or `~`) closes it.
    let mut fence: Option<char> = None;
    for line in split_lines(text) {
        let (number, t) = (line.number, line.text.trim_end());
        if fence_info(t).is_some() {
            let mark = t.trim_start().chars().next();
            fence = if fence == mark { None } else { fence.or(mark) };
            continue;
        }
        if fence.is_some() {
            continue;
        }
        match open {
            _ if marker(t, OURS) => open = Some((number, None)),
            Some((from, None)) if t == SEPARATOR => open = Some((from, Some(number))),
            Some((from, Some(_))) if marker(t, THEIRS) => {
                out.push(
                    RULE.at(
                        notes.path(),
                        Span::lines(from, number, t),
                        format!(
                            "unresolved Git merge conflict (lines {from}–{number}): both versions \
                             of these notes become cards"
                        ),
                    )
                    .help(
                        "keep one version and delete the `<<<<<<<`, `=======` and `>>>>>>>` lines",
                    ),
                );
                open = None;
            }
            _ => {}
        }
    }
}

/// Is `line` the conflict marker `mark`, alone or followed by a space and a name
/// (`<<<<<<< HEAD`, `>>>>>>> upstream/answers`)?
fn marker(line: &str, mark: &str) -> bool {
    line.strip_prefix(mark)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
}
