//! Helpers shared by the integration tests.
#![allow(dead_code)]

use zhika::parse::Parsed;
use zhika::read::SourceText;

/// Parse `text` as the notes file `path`.
pub fn parse_str(path: &str, text: &str) -> (SourceText, Parsed) {
    try_parse_str(path, text).expect("text decodes")
}

/// Parse `text` as the notes file `path`, or the reader's refusal (binary data).
pub fn try_parse_str(
    path: &str,
    text: &str,
) -> Result<(SourceText, Parsed), zhika::read::ReadError> {
    let source = SourceText::decode(path, text.as_bytes())?;
    let parsed = zhika::parse::parse(&source);
    Ok((source, parsed))
}

/// The `zhika.records` JSON of `text` exported as the notes file `path`, with the parse-stage
/// diagnostics only.
pub fn json_export(path: &str, text: &str, include_unanswered: bool) -> Vec<u8> {
    use zhika::export::Exporter as _;
    let (_, parsed) = parse_str(path, text);
    let diagnostics = parsed.diagnostics.clone();
    let document = zhika::pipeline::document(parsed, diagnostics);
    let mtimes = std::collections::HashMap::new();
    let deck = zhika::export::DeckExport {
        document: &document,
        mtimes: &mtimes,
        include_unanswered,
        source_dir: std::path::Path::new("."),
    };
    zhika::export::json::Json.export(&deck).unwrap()
}

/// Lines that break "every non-blank line is in exactly one record, section heading or
/// orphan-text diagnostic": `(line, owners)` for each line with owners != 1.
pub fn coverage_problems(source: &SourceText, parsed: &Parsed) -> Vec<(u32, usize)> {
    let mut problems = Vec::new();
    for line in source.lines() {
        if line
            .text
            .trim_matches(|c: char| c.is_whitespace())
            .is_empty()
        {
            continue;
        }
        let n = line.number;
        let records = parsed
            .records
            .iter()
            .filter(|r| {
                (r.source.start_line <= n && n <= r.source.end_line)
                    || r.source.question_line == Some(n)
            })
            .count();
        let sections = parsed.deck.sections.iter().filter(|s| s.line == n).count();
        let orphans = parsed
            .diagnostics
            .iter()
            .filter(|d| d.code == "Z002" && d.line <= n && n <= d.end_line)
            .count();
        let owners = records + sections + orphans;
        if owners != 1 {
            problems.push((n, owners));
        }
    }
    problems
}
