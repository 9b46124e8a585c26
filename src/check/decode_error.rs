//! Z001 decode-error: bytes that are not valid in the file's encoding. Found by the reader.

use super::Rule;
use crate::diagnostic::Severity;

/// The rule.
pub static RULE: Rule = Rule {
    code: "Z001",
    name: "decode-error",
    severity: Severity::Warning,
    summary: "Bytes that are not valid text in the file's encoding",
    explanation: "\
## What it does
Flags the first place where the file's bytes are not valid in its encoding (UTF-8, GB18030,
UTF-16), or hold a stray NUL byte. zhika decodes such bytes as U+FFFD (�) and goes on.

## Why it matters
The replaced characters are lost from the cards; usually the file was damaged or mixes encodings.

## Example
A UTF-8 file with one line pasted from a GBK document.

## Fix
Re-save the file as UTF-8, retyping the damaged text at the line and byte offset named.
",
};
