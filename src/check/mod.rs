//! Stage 3 — check: records → diagnostics.
//!
//! One rule per file, all listed in [`RULES`]. Each rule has a stable code, a kebab-case name, a
//! default severity and an explanation (`zhika explain CODE`). Parse-stage findings (orphan
//! text, undecodable bytes) are registered here too, so there is one reporting path.

use crate::diagnostic::{Diagnostic, Severity};

pub mod decode_error;
pub mod numbering;
pub mod orphan_text;

/// A registered rule.
#[derive(Debug)]
pub struct Rule {
    /// Stable code, `Z` and three digits.
    pub code: &'static str,
    /// Kebab-case name describing what it flags.
    pub name: &'static str,
    /// Severity unless `zhika.toml` says otherwise.
    pub severity: Severity,
    /// One line for tables and listings.
    pub summary: &'static str,
    /// Markdown with the headings *What it does*, *Why it matters*, *Example*, *Fix*.
    pub explanation: &'static str,
}

/// Every rule zhika knows, in code order.
pub static RULES: &[&Rule] = &[&decode_error::RULE, &orphan_text::RULE, &numbering::RULE];

/// Find a rule by code (`Z002`, any case) or name (`orphan-text`).
#[must_use]
pub fn lookup(key: &str) -> Option<&'static Rule> {
    RULES
        .iter()
        .copied()
        .find(|r| r.code.eq_ignore_ascii_case(key) || r.name == key)
}

/// Where a finding points, 1-based; columns count characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// First line.
    pub line: u32,
    /// Column on `line`.
    pub column: u32,
    /// Last line, inclusive.
    pub end_line: u32,
    /// Column just past the end on `end_line`.
    pub end_column: u32,
}

impl Span {
    /// The whole of `text`, which stands on `line`.
    #[must_use]
    pub fn line(line: u32, text: &str) -> Self {
        Self::lines(line, line, text)
    }

    /// Lines `line..=end_line`, the last of which is `last_text`.
    #[must_use]
    pub fn lines(line: u32, end_line: u32, last_text: &str) -> Self {
        Self {
            line,
            column: 1,
            end_line,
            end_column: char_len(last_text) + 1,
        }
    }
}

/// Number of characters in `s`, as a column count.
#[must_use]
pub fn char_len(s: &str) -> u32 {
    u32::try_from(s.chars().count()).unwrap_or(u32::MAX)
}

impl Rule {
    /// A finding of this rule at `span` of `path`, with the rule's default severity.
    #[must_use]
    pub fn at(&'static self, path: &str, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            code: self.code.to_owned(),
            name: self.name.to_owned(),
            severity: self.severity,
            message: message.into(),
            path: path.to_owned(),
            line: span.line,
            column: span.column,
            end_line: span.end_line,
            end_column: span.end_column,
            record: None,
            help: None,
        }
    }
}

/// Builder-style additions to a [`Diagnostic`].
pub trait DiagnosticExt {
    /// Attach the help line.
    #[must_use]
    fn help(self, help: impl Into<String>) -> Self;
    /// Name the record the finding is about.
    #[must_use]
    fn record(self, id: &str) -> Self;
}

impl DiagnosticExt for Diagnostic {
    fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
    fn record(mut self, id: &str) -> Self {
        self.record = Some(id.to_owned());
        self
    }
}
