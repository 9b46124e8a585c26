//! Z009 numbering: question numbers out of order or repeated. Found by the parser's outline.

use super::Rule;
use crate::diagnostic::Severity;

/// The rule.
pub static RULE: Rule = Rule {
    code: "Z009",
    name: "numbering-out-of-order",
    severity: Severity::Warning,
    summary: "Question number out of order, repeated or skipped",
    explanation: "\
## What it does
Flags a question number that goes backwards (other than a restart at 1), repeats the number
before it, or skips ahead. A number that goes backwards is read as a sub-point of the question
above; a restart at 1 starts a new section and is not flagged.

## Why it matters
Numbers are how zhika finds where one question ends and the next begins. A wrong number either
splits an answer into two cards or hides a question inside another card's answer.

## Example
```
7、orm
.插入
_,err := o.Insert(&user)
5.更新
```
`5.` after `7、` is taken as a step of question 7, not as question 5.

## Fix
Renumber the question, or write the sub-point without a leading number (or indented).
",
};
