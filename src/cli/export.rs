//! `zhika export`: read → parse → reconcile ids with `zhika.lock` → check → render → export,
//! then save the lock once every output of the run is written, and print the summary.

use std::collections::HashMap;
use std::path::Path;

use anyhow::Context as _;
use rayon::prelude::*;

use super::notes::Locks;
use super::{ExportArgs, Outcome, say};
use zhika::diagnostic::Severity;
use zhika::export::{DeckExport, Format};
use zhika::lock::DeckUpdate;
use zhika::model::Document;
use zhika::project::{OutputDir, StageError, Staged};

pub fn run(args: &ExportArgs) -> anyhow::Result<Outcome> {
    let formats: Vec<Format> = if args.formats.is_empty() {
        Format::ALL.to_vec()
    } else {
        let mut f = args.formats.clone();
        f.sort();
        f.dedup();
        f
    };
    let (super::notes::Notes { files, mut decks }, locks) =
        super::notes::load_with_locks(&args.paths, args.verbose)?;
    let config = super::notes::config()?;
    let now = zhika::lock::now()?;
    let mut locks = locks?;
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
    // The formats are written side by side, each streamed into its own file. Those that need
    // the notes' modification times (the package, the longest to make) wait for the lock
    // update; the others start at once, next to it.
    let (dated, undated): (Vec<usize>, Vec<usize>) =
        (0..formats.len()).partition(|&i| formats[i].exporter().needs_mtimes());
    let last_deck = decks.len().saturating_sub(1);
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
        slot.decks_seen.push(document.deck.name.clone());
        let stage = |i: usize, mtimes: &HashMap<String, i64>| {
            let deck = DeckExport {
                document: &document,
                mtimes,
                include_unanswered: args.include_unanswered,
                source_dir,
            };
            let exporter = formats[i].exporter();
            let name = format!("{}.{}", document.deck.name, exporter.extension());
            (i, out_dir.stage(&name, |out| exporter.write_to(&deck, out)))
        };
        let ((update, dated_results), undated_results) = rayon::join(
            || {
                let update =
                    slot.lock
                        .update(&document.deck.name, &document.records, source_dir, now);
                let results: Vec<_> = dated
                    .par_iter()
                    .map(|&i| stage(i, &update.mtimes))
                    .collect();
                (update, results)
            },
            || {
                let no_mtimes = HashMap::new();
                undated
                    .par_iter()
                    .map(|&i| stage(i, &no_mtimes))
                    .collect::<Vec<_>>()
            },
        );
        let mut results: Vec<_> = dated_results.into_iter().chain(undated_results).collect();
        // The first failure in format order is the one reported, as when they were written in
        // turn.
        results.sort_by_key(|(i, _)| *i);
        for (_, result) in results {
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
        release(document, update, n == last_deck);
    }
    summaries.extend(forget_gone_decks(&mut locks));
    persist_then_save(&out_dir, staged, &locks)?;
    for line in summaries.iter().flatten() {
        say(line);
    }
    // Like the last deck's records: a lock holds an entry of three strings per note.
    std::mem::forget(locks);
    Ok(outcome)
}

/// Free a deck once written. The last deck's card HTML, as large as the notes, is not held
/// while the lock is laid out: a few large strings a record, quickly freed on every core. The
/// rest of its records, millions of small allocations, go back to the system with the process,
/// which ends with this run, at once, not one by one. Other decks' records are freed on every
/// core.
fn release(mut document: Document, update: DeckUpdate, last: bool) {
    if last {
        document.records.par_iter_mut().for_each(|r| {
            drop(std::mem::take(&mut r.front_html));
            drop(std::mem::take(&mut r.back_html));
        });
        std::mem::forget((document, update));
    } else {
        document.records.into_par_iter().for_each(drop);
    }
}

/// Rename the staged outputs into place, then save the locks: they may record what the outputs
/// contain only once those are written. The locks are laid out meanwhile.
fn persist_then_save(
    out_dir: &OutputDir,
    staged: Vec<Staged>,
    locks: &Locks,
) -> anyhow::Result<()> {
    let (persisted, lock_bytes) = rayon::join(
        || out_dir.persist(staged),
        || {
            locks
                .slots
                .par_iter()
                .map(|(_, slot)| slot.lock.to_bytes())
                .collect::<Vec<_>>()
        },
    );
    persisted?;
    for (slot, bytes) in locks.slots.values().zip(lock_bytes) {
        slot.lock
            .save_bytes(&bytes)
            .with_context(|| format!("{}: cannot write", slot.lock.path().display()))?;
    }
    Ok(())
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
