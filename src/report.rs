//! Rendering findings at the edge: the same [`Diagnostic`] data as a human-readable report with
//! source snippets ([`human`]), one line each ([`short`]) or JSON ([`json`]); plus the rule
//! documentation behind `zhika explain`. Every function returns a `String`; the binary decides
//! where it goes.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::hash::BuildHasher;
use std::ops::Range;

use codespan_reporting::diagnostic::{Diagnostic as Snippet, Label, Severity as Level};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, termcolor::Buffer};

use crate::check::{RULES, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::read::{Line, split_lines};

/// One line per finding: `path:line:col: severity[CODE]: message`.
#[must_use]
pub fn short(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let _ = writeln!(
            out,
            "{}:{}:{}: {}[{}]: {}",
            d.path, d.line, d.column, d.severity, d.code, d.message
        );
    }
    out
}

/// A JSON array of the findings (the fields of [`Diagnostic`]), with a final newline.
#[must_use]
pub fn json(diagnostics: &[Diagnostic]) -> String {
    // Serializing plain strings and numbers cannot fail.
    let mut out = serde_json::to_string_pretty(diagnostics).unwrap_or_else(|_| "[]".to_owned());
    out.push('\n');
    out
}

/// The findings as a compiler would show them: header with severity and code, the source
/// lines with a caret under the flagged text, and the help line. `sources` maps each path to
/// the file's decoded text; a finding whose file is not there is shown without a snippet.
/// `color` adds ANSI colour codes.
#[must_use]
pub fn human<T: AsRef<str>, S: BuildHasher>(
    diagnostics: &[Diagnostic],
    sources: &HashMap<String, T, S>,
    color: bool,
) -> String {
    let mut files = SimpleFiles::new();
    let mut ids: HashMap<&str, usize> = HashMap::new();
    let mut lines_of: HashMap<&str, Vec<Line<'_>>> = HashMap::new();
    let config = term::Config::default();
    let mut buffer = if color {
        Buffer::ansi()
    } else {
        Buffer::no_color()
    };
    for d in diagnostics {
        let mut snippet = Snippet::new(level(d.severity))
            .with_code(d.code.clone())
            .with_message(d.message.clone());
        let source = sources.get(&d.path);
        if let Some(text) = source.map(AsRef::as_ref) {
            let id = *ids
                .entry(d.path.as_str())
                .or_insert_with(|| files.add(d.path.as_str(), text));
            // Each file's lines are found once, not once per finding: a file with thousands
            // of findings would otherwise be scanned from its start thousands of times.
            let lines = lines_of
                .entry(d.path.as_str())
                .or_insert_with(|| split_lines(text).collect());
            snippet = snippet.with_labels(vec![Label::primary(id, byte_range(lines, text, d))]);
        } else {
            snippet = snippet.with_notes(vec![format!("at {}:{}:{}", d.path, d.line, d.column)]);
        }
        if let Some(help) = &d.help {
            snippet.notes.push(format!("help: {help}"));
        }
        if term::emit_to_write_style(&mut buffer, &config, &files, &snippet).is_err() {
            // The snippet could not be laid out (the text changed under us); say it plainly.
            let _ =
                std::io::Write::write_all(&mut buffer, short(std::slice::from_ref(d)).as_bytes());
        }
    }
    String::from_utf8_lossy(buffer.as_slice()).into_owned()
}

/// A count of the findings by severity: `2 errors, 7 warnings, 1 info`; `no problems` when
/// there are none.
#[must_use]
pub fn summary(diagnostics: &[Diagnostic]) -> String {
    let count = |s: Severity| diagnostics.iter().filter(|d| d.severity == s).count();
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let parts: Vec<String> = [
        (count(Severity::Error), "error", "errors"),
        (count(Severity::Warning), "warning", "warnings"),
        (count(Severity::Info), "info", "infos"),
    ]
    .into_iter()
    .filter(|(n, _, _)| *n > 0)
    .map(|(n, one, many)| plural(n, one, many))
    .collect();
    if parts.is_empty() {
        "no problems".to_owned()
    } else {
        parts.join(", ")
    }
}

/// `zhika explain CODE`: the rule's header line, its summary and its explanation.
#[must_use]
pub fn explain(rule: &Rule) -> String {
    format!(
        "{} {} ({})\n{}\n\n{}",
        rule.code,
        rule.name,
        rule.severity,
        rule.summary,
        rule.explanation.trim_end()
    ) + "\n"
}

/// `zhika explain` without a code: every rule, one line each, in columns.
#[must_use]
pub fn list_rules() -> String {
    let name_width = RULES.iter().map(|r| r.name.len()).max().unwrap_or(0);
    let mut out = String::new();
    for rule in RULES {
        let _ = writeln!(
            out,
            "{}  {:name_width$}  {:7}  {}",
            rule.code,
            rule.name,
            rule.severity.as_str(),
            rule.summary
        );
    }
    out
}

/// The README's rules table (Markdown), generated from the registry.
#[must_use]
pub fn rules_table() -> String {
    let mut out = String::from("| Code | Name | Severity | Summary |\n| --- | --- | --- | --- |\n");
    for rule in RULES {
        let _ = writeln!(
            out,
            "| {} | `{}` | {} | {} |",
            rule.code,
            rule.name,
            rule.severity,
            rule.summary.replace('|', "\\|")
        );
    }
    out
}

fn level(severity: Severity) -> Level {
    match severity {
        Severity::Error => Level::Error,
        Severity::Warning => Level::Warning,
        Severity::Info => Level::Note,
    }
}

/// The byte range of a finding in `text` (whose `lines` these are), from its 1-based line and
/// character columns.
fn byte_range(lines: &[Line<'_>], text: &str, d: &Diagnostic) -> Range<usize> {
    let offset = |line: u32, column: u32| -> usize {
        let Some(l) = lines.get(line.saturating_sub(1) as usize) else {
            return text.len();
        };
        let within = l
            .text
            .char_indices()
            .nth(column.saturating_sub(1) as usize)
            .map_or(l.text.len(), |(i, _)| i);
        l.offset + within
    };
    let start = offset(d.line, d.column);
    let end = offset(d.end_line, d.end_column).max(start);
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{Span, empty_answer, go_syntax};

    fn sample() -> (Diagnostic, HashMap<String, String>) {
        let text = "1. 问题\n\t\tIf err:=recover();err!=nil{\n";
        let d = go_syntax::RULE.at(
            "notes.txt",
            Span {
                line: 2,
                column: 3,
                end_line: 2,
                end_column: 5,
            },
            "Go syntax error: unexpected `If`",
        );
        let d = crate::check::DiagnosticExt::help(d, "Go keywords are lower case: write `if`");
        let sources = HashMap::from([("notes.txt".to_owned(), text.to_owned())]);
        (d, sources)
    }

    #[test]
    fn short_line() {
        let (d, _) = sample();
        assert_eq!(
            short(&[d]),
            "notes.txt:2:3: error[Z006]: Go syntax error: unexpected `If`\n"
        );
    }

    #[test]
    fn human_has_snippet_caret_and_help() {
        let (d, sources) = sample();
        let text = human(&[d], &sources, false);
        assert!(
            text.starts_with("error[Z006]: Go syntax error: unexpected `If`"),
            "{text}"
        );
        assert!(text.contains("notes.txt:2:3"), "{text}");
        assert!(text.contains("If err:=recover()"), "{text}");
        assert!(text.contains("^^"), "{text}");
        assert!(text.contains("help: Go keywords are lower case"), "{text}");
        assert!(!text.contains('\u{1b}'), "{text}");
        assert!(human(&[sample().0], &sources, true).contains('\u{1b}'));
    }

    #[test]
    fn cjk_columns_are_characters() {
        let text = "1. 问题\n我们用如下图分别表示\n";
        let d = empty_answer::RULE.at(
            "n",
            Span {
                line: 2,
                column: 4,
                end_line: 2,
                end_column: 7,
            },
            "m",
        );
        let lines: Vec<_> = split_lines(text).collect();
        let range = byte_range(&lines, text, &d);
        assert_eq!(&text[range], "如下图");
    }

    #[test]
    fn json_is_an_array() {
        let (d, _) = sample();
        let value: serde_json::Value = serde_json::from_str(&json(&[d])).unwrap();
        assert_eq!(value[0]["code"], "Z006");
        assert_eq!(value[0]["line"], 2);
        assert_eq!(value[0]["record"], serde_json::Value::Null);
        assert_eq!(json(&[]), "[]\n");
    }

    #[test]
    fn counts() {
        assert_eq!(summary(&[]), "no problems");
        let (d, _) = sample();
        assert_eq!(summary(&[d.clone(), d]), "2 errors");
    }

    #[test]
    fn rule_texts() {
        let text = explain(&go_syntax::RULE);
        assert!(text.starts_with(
            "Z006 go-syntax-error (error)\nGo code that does not parse\n\n## What it does"
        ));
        assert_eq!(list_rules().lines().count(), RULES.len());
        assert_eq!(rules_table().lines().count(), RULES.len() + 2);
    }
}
