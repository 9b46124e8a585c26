//! `zhika export`: read → parse → reconcile ids with `zhika.lock` → check → render → export,
//! then save the lock once every output of the run is written, and print the summary.

use std::path::Path;

use anyhow::Context as _;
use rayon::prelude::*;

use super::notes::Locks;
use super::{ExportArgs, Outcome, say};
use zhika::diagnostic::Severity;
use zhika::export::{DeckExport, Format};
use zhika::model::Document;
use zhika::project::StageError;

pub fn run(args: &ExportArgs) -> anyhow::Result<Outcome> {
    let formats: Vec<Format> = if args.formats.is_empty() {
        Format::ALL.to_vec()
    } else {
        let mut f = args.formats.clone();
        f.sort();
        f.dedup();
        f
    };
    let super::notes::Notes { files, mut decks } = super::notes::load(&args.paths, args.verbose)?;
    let config = super::notes::config()?;
    let now = zhika::lock::now()?;
    let mut locks = super::notes::load_locks(&files, &args.paths)?;
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("{}: cannot create the output folder", args.out.display()))?;
    // Another run writing here goes first; then temp files a killed run left are cleared.
    let out_dir = zhika::project::OutputDir::claim(&args.out)
        .with_context(|| format!("{}: cannot lock the output folder", args.out.display()))?;

    // Give reworded questions their old ids before anything (checks, JSON) reads ids.
    let mut summaries = super::notes::reconcile_ids(&mut decks, &locks);
    let diagnostics = zhika::check::check(&decks, &config);

    let mut outcome = Outcome::Clean;
    // Every deck in every format is staged first and renamed into place at the end: a failure
    // anywhere replaces nothing.
    let mut staged = Vec::with_capacity(decks.len() * formats.len());
    for (n, (parsed, diagnostics)) in decks.into_iter().zip(diagnostics).enumerate() {
        let document = zhika::pipeline::document(parsed, diagnostics);
        let source_dir = match files[n].parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let slot = locks
            .slots
            .get_mut(&locks.of_file[n])
            .context("internal error: no lock for a deck")?;
        let update = slot
            .lock
            .update(&document.deck.name, &document.records, source_dir, now);
        slot.decks_seen.push(document.deck.name.clone());
        let deck = DeckExport {
            document: &document,
            mtimes: &update.mtimes,
            include_unanswered: args.include_unanswered,
            source_dir,
        };
        // The formats are written side by side, each streamed into its own file; the first
        // failure in format order is the one reported, as when they were written in turn.
        let results: Vec<_> = formats
            .par_iter()
            .map(|format| {
                let exporter = format.exporter();
                let name = format!("{}.{}", document.deck.name, exporter.extension());
                out_dir.stage(&name, |out| exporter.write_to(&deck, out))
            })
            .collect();
        for result in results {
            staged.push(result.map_err(|e| match e {
                StageError::Write(e) => anyhow::Error::from(e),
                StageError::Fill(e) => anyhow::Error::from(e),
            })?);
        }
        let written: Vec<&str> = formats.iter().map(|f| f.exporter().extension()).collect();
        if document
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
        {
            outcome = Outcome::Findings;
        }
        let target = args
            .out
            .join(format!("{}.{{{}}}", document.deck.name, written.join(",")));
        summaries[n].insert(0, summary_line(&document, &target));
        let name = &document.deck.name;
        summaries[n].extend(update.removed.iter().map(|q| removed_line(name, q)));
    }
    summaries.extend(forget_gone_decks(&mut locks));
    out_dir.persist(staged)?;

    // Every output is written: now the lock may record what they contain.
    for slot in locks.slots.values() {
        slot.lock
            .save()
            .with_context(|| format!("{}: cannot write", slot.lock.path().display()))?;
    }
    for line in summaries.iter().flatten() {
        say(line);
    }
    Ok(outcome)
}

/// Decks a folder's lock knows whose notes file is gone: all their questions were removed.
fn forget_gone_decks(locks: &mut Locks) -> Vec<Vec<String>> {
    let mut summaries = Vec::new();
    for slot in locks.slots.values_mut().filter(|s| s.covers_folder) {
        let gone: Vec<String> = slot
            .lock
            .deck_names()
            .filter(|d| !slot.decks_seen.iter().any(|s| s == d))
            .map(str::to_owned)
            .collect();
        for deck in gone {
            let questions = slot.lock.remove_deck(&deck);
            summaries.push(questions.iter().map(|q| removed_line(&deck, q)).collect());
        }
    }
    summaries
}

fn summary_line(document: &Document, target: &Path) -> String {
    let count = |s: Severity| {
        document
            .diagnostics
            .iter()
            .filter(|d| d.severity == s)
            .count()
    };
    format!(
        "{}: {} records, {} errors, {} warnings, {} infos → {}",
        document.deck.name,
        document.records.len(),
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
        target.display()
    )
}

fn removed_line(deck: &str, question: &str) -> String {
    format!("{deck}: removed from the notes (Anki keeps the note): {question}")
}
