//! Z002 orphan-text: non-blank lines that belong to no record. Found by the parser.

use super::Rule;
use crate::diagnostic::Severity;

/// The rule.
pub static RULE: Rule = Rule {
    code: "Z002",
    name: "orphan-text",
    severity: Severity::Warning,
    summary: "Text outside any question",
    explanation: "\
## What it does
Flags non-blank lines that are not part of any record: text before the first question, text
zhika could not attach to a question, and parts it sets aside on purpose — a preface, a table of
contents, references, a conclusion, an answer template, or a list of questions that are asked
again later with their answers.

## Why it matters
Such lines never reach a card. zhika keeps them in this diagnostic so nothing is lost silently.

## Example
```
这是我的面试笔记，持续更新
1. make与new的区别
...
```
The first line stands before any question.

## Fix
Delete the text, turn it into a question (`1. …？`), or move it under the question it belongs to.
",
};
