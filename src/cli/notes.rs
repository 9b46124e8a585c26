//! Finding, reading and parsing the notes named on the command line; shared by `export` and
//! `check`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use rayon::prelude::*;

use super::say;
use zhika::lock::Lock;
use zhika::parse::Parsed;
use zhika::read::SourceText;

/// The notes of one run.
pub struct Notes {
    /// The notes files, sorted as found.
    pub files: Vec<PathBuf>,
    /// Each file parsed, in the same order.
    pub decks: Vec<Parsed>,
}

/// Find the notes files under `paths`, decode and parse them; and, side by side, load their
/// locks (see [`load_locks`]), returned apart so that the caller reports a failure to load
/// them where it did when they were loaded after the notes.
pub fn load_with_locks(
    paths: &[PathBuf],
    verbose: bool,
) -> anyhow::Result<(Notes, anyhow::Result<Locks>)> {
    let files = zhika::project::discover(paths)?;
    // Parsing a large file is partly serial: the locks are read on the other core meanwhile.
    let (decks, locks) = rayon::join(
        || parse_files(&files, verbose),
        || load_locks(&files, paths),
    );
    Ok((
        Notes {
            files,
            decks: decks?,
        },
        locks,
    ))
}

/// Decode and parse `files`.
fn parse_files(files: &[PathBuf], verbose: bool) -> anyhow::Result<Vec<Parsed>> {
    // Files are read and parsed on every core; what is said about them, and the first error,
    // come in file order.
    let loaded: Vec<anyhow::Result<(Parsed, String)>> = files
        .par_iter()
        .map(|file| {
            let bytes =
                std::fs::read(file).with_context(|| format!("{}: cannot read", file.display()))?;
            let source = SourceText::decode(display(file), &bytes)?;
            drop(bytes);
            Ok((zhika::parse::parse(&source), source.encoding_name()))
        })
        .collect();
    let mut decks = Vec::with_capacity(files.len());
    for (file, result) in files.iter().zip(loaded) {
        let (parsed, encoding) = result?;
        if verbose {
            say(&format!("{}: encoding {encoding}", file.display()));
        }
        decks.push(parsed);
    }
    Ok(decks)
}

/// `zhika.toml` in the current folder, or the defaults.
pub fn config() -> anyhow::Result<zhika::config::Config> {
    Ok(zhika::config::Config::load(Path::new("."))?)
}

/// A path as shown in records and messages: as found, with `/` separators.
pub fn display(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// A lock file and whether it covers a whole folder named on the command line (then a deck it
/// knows whose notes file is gone was removed; a lock reached through file arguments only says
/// nothing about the files not named).
pub struct LockSlot {
    pub lock: Lock,
    pub covers_folder: bool,
    pub decks_seen: Vec<String>,
}

/// The lock files of a run, and which one covers each notes file.
pub struct Locks {
    pub slots: BTreeMap<PathBuf, LockSlot>,
    pub of_file: Vec<PathBuf>,
}

/// Load the lock of every folder involved; a corrupt one stops the run before anything is
/// written.
pub fn load_locks(files: &[PathBuf], args: &[PathBuf]) -> anyhow::Result<Locks> {
    let mut slots: BTreeMap<PathBuf, LockSlot> = BTreeMap::new();
    let mut of_file = Vec::with_capacity(files.len());
    for file in files {
        let (dir, covers_folder) = lock_dir(file, args);
        // `source`, `source/` and `./source` share one lock.
        let key = dir.canonicalize().unwrap_or_else(|_| dir.clone());
        if !slots.contains_key(&key) {
            let lock = Lock::load_in(&dir)?;
            slots.insert(
                key.clone(),
                LockSlot {
                    lock,
                    covers_folder: false,
                    decks_seen: Vec::new(),
                },
            );
        }
        if let Some(slot) = slots.get_mut(&key) {
            slot.covers_folder |= covers_folder;
        }
        of_file.push(key);
    }
    Ok(Locks { slots, of_file })
}

/// Give slightly reworded questions the ids their locks remember, before anything reads ids;
/// one notice line per renamed question, per deck.
pub fn reconcile_ids(decks: &mut [Parsed], locks: &Locks) -> Vec<Vec<String>> {
    decks
        .iter_mut()
        .zip(&locks.of_file)
        .map(|(parsed, key)| {
            locks.slots[key]
                .lock
                .reconcile(&parsed.deck.name, &mut parsed.records)
                .iter()
                // Same words, new id (a repeated question moved): nothing to tell the learner.
                .filter(|r| r.old_question != r.new_question)
                .map(|r| {
                    format!(
                        "{}: reworded question keeps its card: {} → {}",
                        parsed.deck.name, r.old_question, r.new_question
                    )
                })
                .collect()
        })
        .collect()
}

/// The folder whose `zhika.lock` covers `file`: the first folder argument containing it, else
/// the file's own folder; and whether that folder was named on the command line.
fn lock_dir(file: &Path, args: &[PathBuf]) -> (PathBuf, bool) {
    for arg in args {
        if arg.is_dir() && file.starts_with(arg) {
            return (arg.clone(), true);
        }
    }
    match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => (p.to_owned(), false),
        _ => (PathBuf::from("."), false),
    }
}
