//! Findings as data. Every problem zhika finds — in reading, parsing or checking — becomes a
//! [`Diagnostic`]; rendering them for people or programs happens at the edge (`crate::report`).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How serious a finding is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; never fails a run.
    Info,
    /// Probably a mistake in the notes; fails `check --deny-warnings`.
    Warning,
    /// The notes are broken here; `check` and `export` exit 1.
    Error,
}

impl Severity {
    /// The lowercase name used in every rendering (`error`, `warning`, `info`).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Info => "info",
            Self::Warning => "warning",
            Self::Error => "error",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One finding about a notes file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Diagnostic {
    /// Stable rule code (`Z001`).
    pub code: String,
    /// The rule's kebab-case name (`go-syntax-error`).
    pub name: String,
    /// Severity after applying `zhika.toml`.
    pub severity: Severity,
    /// What is wrong, in one sentence.
    pub message: String,
    /// The notes file.
    pub path: String,
    /// First line, 1-based.
    pub line: u32,
    /// Column on `line`, 1-based, counted in characters.
    pub column: u32,
    /// Last line, 1-based, inclusive. A diagnostic that covers lines no record holds (orphan
    /// text) spans all of them.
    pub end_line: u32,
    /// Column just past the flagged text on `end_line`, 1-based, in characters.
    pub end_column: u32,
    /// Id of the record the finding is about, if any.
    pub record: Option<String>,
    /// How to fix it.
    pub help: Option<String>,
}
