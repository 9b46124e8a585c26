//! Stage 3 — check: records → diagnostics.
//!
//! One rule per file, all listed in [`RULES`]. Each rule has a stable code, a kebab-case name, a
//! default severity and an explanation (`zhika explain CODE`). Parse-stage findings (orphan
//! text, undecodable bytes) are registered here too, so there is one reporting path.
//!
//! [`check`] runs every rule over parsed decks and returns the findings as data; it never
//! prints. Rendering is `crate::report`'s job.

use std::sync::Arc;

use rayon::prelude::*;

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Record;
use crate::parse::Parsed;
use crate::read::split_lines;

pub mod dangling_lead_in;
pub mod decode_error;
pub mod duplicate_question;
pub mod empty_answer;
pub mod empty_question;
pub mod go_syntax;
pub mod link_only_answer;
pub mod media_outside_notes;
pub mod merge_conflict;
pub mod missing_code;
pub mod missing_figure;
pub mod mixed_punctuation;
pub mod no_questions;
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
pub static RULES: &[&Rule] = &[
    &decode_error::RULE,
    &orphan_text::RULE,
    &empty_answer::RULE,
    &empty_question::RULE,
    &duplicate_question::RULE,
    &go_syntax::RULE,
    &missing_code::RULE,
    &dangling_lead_in::RULE,
    &numbering::RULE,
    &missing_figure::RULE,
    &link_only_answer::RULE,
    &mixed_punctuation::RULE,
    &media_outside_notes::RULE,
    &no_questions::RULE,
    &merge_conflict::RULE,
];

/// A rule that looks at one deck at a time.
type DeckCheck = fn(&Notes<'_>, &mut Vec<Diagnostic>);

/// The rules run by [`check`] on each deck; the parse-stage rules (Z001, Z002, Z009) are not
/// here because the reader and parser already found them, Z005 compares decks, and Z014 and
/// Z015 look at the whole file once.
const DECK_CHECKS: &[DeckCheck] = &[
    empty_answer::check,
    empty_question::check,
    go_syntax::check,
    missing_code::check,
    dangling_lead_in::check,
    missing_figure::check,
    link_only_answer::check,
    mixed_punctuation::check,
    media_outside_notes::check,
];

/// Check parsed decks.
///
/// Returns, per deck and in the same order, the parse-stage diagnostics plus every rule's
/// findings, with `record` set where a finding lies inside a record, severities as `config`
/// says, rules it allows left out, sorted by line, column and code.
///
/// The deck rules run on every core, over runs of records: each rule looks at one record at a
/// time, so a rule's findings over the runs, put back in order, are its findings over the deck.
#[must_use]
pub fn check(decks: &[Parsed], config: &Config) -> Vec<Vec<Diagnostic>> {
    let notes: Vec<Notes<'_>> = decks.par_iter().map(Notes::new).collect();
    let mut found: Vec<Vec<Diagnostic>> = notes.par_iter().map(deck_findings).collect();
    duplicate_question::check(&notes, &mut found);
    notes
        .par_iter()
        .zip(&mut found)
        .for_each(|(n, diagnostics)| {
            attach_records(n.records(), diagnostics);
            config.apply(diagnostics);
            diagnostics
                .sort_by(|a, b| (a.line, a.column, &a.code).cmp(&(b.line, b.column, &b.code)));
        });
    found
}

/// Records a thread checks in one go (see [`check`]).
const RECORDS_PER_TASK: usize = 128;

/// The parse-stage findings of one deck, then each of [`DECK_CHECKS`]' findings in turn.
fn deck_findings(notes: &Notes<'_>) -> Vec<Diagnostic> {
    let mut per_run: Vec<Vec<Vec<Diagnostic>>> = notes
        .records()
        .par_chunks(RECORDS_PER_TASK)
        .map(|records| {
            let run = notes.with_records(records);
            DECK_CHECKS
                .iter()
                .map(|rule| {
                    let mut out = Vec::new();
                    rule(&run, &mut out);
                    out
                })
                .collect()
        })
        .collect();
    let mut out = notes.parsed.diagnostics.clone();
    no_questions::check(notes, &mut out);
    merge_conflict::check(notes, &mut out);
    for rule in 0..DECK_CHECKS.len() {
        for run in &mut per_run {
            out.append(&mut run[rule]);
        }
    }
    out
}

/// Name the enclosing record on findings that do not name one yet. Records are in source
/// order and do not overlap, so a binary search finds the one that may hold a line.
fn attach_records(records: &[Record], diagnostics: &mut [Diagnostic]) {
    for d in diagnostics.iter_mut().filter(|d| d.record.is_none()) {
        let after = records.partition_point(|r| r.source.start_line <= d.line);
        if let Some(r) = after.checked_sub(1).map(|i| &records[i])
            && d.line <= r.source.end_line
        {
            d.record = Some(r.id.clone());
        }
    }
}

/// One parsed notes file as the rules see it: its records (all, or a run of them) and its
/// source lines.
#[derive(Debug, Clone)]
pub struct Notes<'a> {
    /// What the parser made of the file.
    pub parsed: &'a Parsed,
    /// Where each line starts in the text: half the memory of the lines themselves, and
    /// every rule run holds it at once.
    line_starts: Arc<[usize]>,
    records: &'a [Record],
}

impl<'a> Notes<'a> {
    /// Wrap a parsed file.
    #[must_use]
    pub fn new(parsed: &'a Parsed) -> Self {
        Self {
            parsed,
            line_starts: split_lines(&parsed.text).map(|l| l.offset).collect(),
            records: &parsed.records,
        }
    }

    /// The same file, with only `records` (a run of its records) to check.
    #[must_use]
    fn with_records(&self, records: &'a [Record]) -> Self {
        Self {
            records,
            ..self.clone()
        }
    }

    /// The notes file.
    #[must_use]
    pub fn path(&self) -> &'a str {
        &self.parsed.deck.path
    }

    /// The records, in source order.
    #[must_use]
    pub fn records(&self) -> &'a [Record] {
        self.records
    }

    /// Source line `number` (1-based) without its ending; empty past the end.
    #[must_use]
    pub fn line(&self, number: u32) -> &'a str {
        let parsed: &'a Parsed = self.parsed;
        number
            .checked_sub(1)
            .map_or("", |i| line_at(&parsed.text, &self.line_starts, i as usize))
    }

    /// The text of line `number`, from its first to its last non-blank character.
    #[must_use]
    pub fn line_span(&self, number: u32) -> Span {
        let text = self.line(number).trim_end();
        let indent = text.len() - text.trim_start().len();
        Span {
            line: number,
            column: char_len(&text[..indent]) + 1,
            end_line: number,
            end_column: char_len(text) + 1,
        }
    }

    /// The record's question line.
    #[must_use]
    pub fn question_span(&self, record: &Record) -> Span {
        self.line_span(record.source.question_at())
    }
}

/// Line `i` (0-based) of `text` without its ending, given where each line starts
/// ([`split_lines`]); empty past the end. A line ends where the next one starts, less its
/// ending (`\n`, `\r` or `\r\n`; a line holds neither character): only the last line is
/// searched for its end.
fn line_at<'t>(text: &'t str, starts: &[usize], i: usize) -> &'t str {
    let Some(&start) = starts.get(i) else {
        return "";
    };
    let bytes = text.as_bytes();
    let end = match starts.get(i + 1) {
        Some(&next) => {
            let end = next - 1;
            if end > start && bytes[end - 1] == b'\r' && bytes[end] == b'\n' {
                end - 1
            } else {
                end
            }
        }
        None => bytes[start..]
            .iter()
            .position(|&b| b == b'\n' || b == b'\r')
            .map_or(bytes.len(), |len| start + len),
    };
    &text[start..end]
}

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

    /// `len` characters from byte offset `byte` of `text`, which stands on `line`.
    #[must_use]
    pub fn within(line: u32, text: &str, byte: usize, len: u32) -> Self {
        let column = char_len(&text[..byte]) + 1;
        Self {
            line,
            column,
            end_line: line,
            end_column: column + len,
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_split_lines() {
        for text in [
            "",
            "a",
            "a\n",
            "a\r\nb",
            "a\r\r\nb\r",
            "\n\n\r\n\r\r",
            "一\r\n二\n\r三\r\n",
            "x\n\ny\r\n\r\nz",
        ] {
            let starts: Vec<usize> = split_lines(text).map(|l| l.offset).collect();
            let lines: Vec<&str> = split_lines(text).map(|l| l.text).collect();
            for i in 0..=lines.len() {
                assert_eq!(
                    line_at(text, &starts, i),
                    lines.get(i).copied().unwrap_or(""),
                    "{text:?} line {i}"
                );
            }
        }
    }
}
