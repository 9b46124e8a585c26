//! `zhika export`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::Context as _;

use super::{ExportArgs, Outcome, say};
use zhika::diagnostic::Severity;
use zhika::export::{DeckExport, Format};
use zhika::read::SourceText;

pub fn run(args: &ExportArgs) -> anyhow::Result<Outcome> {
    let files = zhika::project::discover(&args.paths)?;
    let formats: Vec<Format> = if args.formats.is_empty() {
        Format::ALL.to_vec()
    } else {
        let mut f = args.formats.clone();
        f.sort();
        f.dedup();
        f
    };
    let mut sources = Vec::with_capacity(files.len());
    for file in &files {
        let bytes =
            std::fs::read(file).with_context(|| format!("{}: cannot read", file.display()))?;
        let source = SourceText::decode(display(file), &bytes)?;
        if args.verbose {
            say(&format!(
                "{}: encoding {}",
                file.display(),
                source.encoding_name()
            ));
        }
        sources.push(source);
    }
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("{}: cannot create the output folder", args.out.display()))?;

    let mut outcome = Outcome::Clean;
    for (file, source) in files.iter().zip(&sources) {
        let parsed = zhika::parse::parse(source);
        let diagnostics = parsed.diagnostics.clone();
        let document = zhika::pipeline::document(parsed, diagnostics);
        let mtimes = BTreeMap::new();
        let deck = DeckExport {
            document: &document,
            mtimes: &mtimes,
            include_unanswered: args.include_unanswered,
            source_dir: file.parent().unwrap_or(Path::new(".")),
        };
        let mut written = Vec::new();
        for format in &formats {
            let exporter = format.exporter();
            let bytes = exporter.export(&deck)?;
            let target = args
                .out
                .join(format!("{}.{}", document.deck.name, exporter.extension()));
            zhika::project::write_atomic(&target, &bytes)
                .with_context(|| format!("{}: cannot write", target.display()))?;
            written.push(exporter.extension());
        }
        let count = |s: Severity| {
            document
                .diagnostics
                .iter()
                .filter(|d| d.severity == s)
                .count()
        };
        let (errors, warnings, infos) = (
            count(Severity::Error),
            count(Severity::Warning),
            count(Severity::Info),
        );
        if errors > 0 {
            outcome = Outcome::Findings;
        }
        say(&format!(
            "{}: {} records, {errors} errors, {warnings} warnings, {infos} infos → {}",
            document.deck.name,
            document.records.len(),
            args.out
                .join(format!("{}.{{{}}}", document.deck.name, written.join(",")))
                .display()
        ));
    }
    Ok(outcome)
}

/// A path as shown in records and messages: as found, with `/` separators.
fn display(path: &PathBuf) -> String {
    path.to_string_lossy().replace('\\', "/")
}
