//! `zhika.lock`: what zhika needs to remember between exports so that Anki updates notes in
//! place, exactly when they change.
//!
//! For each deck and note id the lock keeps the question text, a hash of everything that
//! reaches Anki (fields, tags, deck, media) and the note's modification time. Anki updates an
//! existing note only when the incoming modification time is newer, so:
//!
//! * [`Lock::reconcile`] gives a record whose question was slightly reworded (a typo fix) the id
//!   of the lock entry it came from, so the learner keeps the card and its history. Run it right
//!   after parsing, before anything reads the ids.
//! * [`Lock::update`] raises a note's modification time exactly when its content hash changed,
//!   and reports questions that disappeared from the notes.
//!
//! The file is small, sorted JSON with one line per note, meant to be committed next to the
//! sources.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::export::apkg;
use crate::model::Record;
use crate::parse::normalize_question;

/// The lock file's name.
pub const FILE_NAME: &str = "zhika.lock";
/// The value of the lock's `format` key.
pub const FORMAT: &str = "zhika.lock";
/// The lock format version.
pub const VERSION: u32 = 1;
/// How similar (normalized Levenshtein over the normalized question) a new question must be to
/// a vanished one to take over its id.
pub const SIMILARITY: f64 = 0.8;

/// Why the lock could not be read or the clock could not be trusted.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// The lock file exists but cannot be read.
    #[error("{}: cannot read the lock file", path.display())]
    Read {
        /// The lock file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The lock file is not a valid `zhika.lock`.
    #[error(
        "{}: corrupt lock file (fix it or restore it from version control; deleting it makes every note look new)",
        path.display()
    )]
    Corrupt {
        /// The lock file.
        path: PathBuf,
        /// The cause.
        source: serde_json::Error,
    },
    /// The lock file is from an unknown format version.
    #[error("{}: lock file version {found} is not supported (expected {VERSION})", path.display())]
    Version {
        /// The lock file.
        path: PathBuf,
        /// The version found.
        found: u32,
    },
    /// `SOURCE_DATE_EPOCH` is set but is not a Unix time.
    #[error("SOURCE_DATE_EPOCH={value} is not a Unix time in seconds")]
    SourceDateEpoch {
        /// The value.
        value: String,
    },
}

/// What the lock remembers about one note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// Modification time, Unix seconds.
    pub mtime: i64,
    /// Hash of the note's content as Anki sees it ([`content_hash`]).
    pub hash: String,
    /// The question, to recognise it when reworded and to name it when removed.
    pub question: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct LockFile {
    format: String,
    version: u32,
    decks: BTreeMap<String, BTreeMap<String, Entry>>,
}

/// A loaded `zhika.lock`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lock {
    path: PathBuf,
    decks: BTreeMap<String, BTreeMap<String, Entry>>,
}

/// A record that took over a reworded question's id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Renamed {
    /// The id the record would have had.
    pub from: String,
    /// The id it keeps (from the lock).
    pub to: String,
    /// The question as the lock had it.
    pub old_question: String,
    /// The question as the notes have it now.
    pub new_question: String,
}

/// What [`Lock::update`] found for one deck.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeckUpdate {
    /// Modification time of every record, by id (what exporters need).
    pub mtimes: HashMap<String, i64>,
    /// Records the lock did not know.
    pub added: usize,
    /// Records whose content changed.
    pub changed: usize,
    /// Questions in the lock that no record has any more, in lock order.
    pub removed: Vec<String>,
}

impl Lock {
    /// An empty lock that will be saved at `path`.
    #[must_use]
    pub fn new(path: impl Into<PathBuf>) -> Self {
        Self {
            path: path.into(),
            decks: BTreeMap::new(),
        }
    }

    /// The lock for notes in `dir`: `dir/zhika.lock`.
    ///
    /// # Errors
    /// See [`Lock::load`].
    pub fn load_in(dir: &Path) -> Result<Self, LockError> {
        Self::load(&dir.join(FILE_NAME))
    }

    /// Read the lock at `path`; a missing file is an empty lock.
    ///
    /// # Errors
    /// The file exists but cannot be read, or is not a valid lock: never silently reset.
    pub fn load(path: &Path) -> Result<Self, LockError> {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Self::new(path)),
            Err(source) => {
                return Err(LockError::Read {
                    path: path.to_owned(),
                    source,
                });
            }
        };
        Self::parse(path, &bytes)
    }

    /// Parse lock file contents read from `path`.
    ///
    /// # Errors
    /// The bytes are not a valid lock.
    pub fn parse(path: &Path, bytes: &[u8]) -> Result<Self, LockError> {
        let file: LockFile =
            serde_json::from_slice(bytes).map_err(|source| LockError::Corrupt {
                path: path.to_owned(),
                source,
            })?;
        if file.format != FORMAT {
            return Err(LockError::Corrupt {
                path: path.to_owned(),
                source: serde::de::Error::custom(format!(
                    "`format` is {:?}, expected {FORMAT:?}",
                    file.format
                )),
            });
        }
        if file.version != VERSION {
            return Err(LockError::Version {
                path: path.to_owned(),
                found: file.version,
            });
        }
        Ok(Self {
            path: path.to_owned(),
            decks: file.decks,
        })
    }

    /// Where the lock is saved.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The entries of `deck`, by note id.
    #[must_use]
    pub fn deck(&self, deck: &str) -> Option<&BTreeMap<String, Entry>> {
        self.decks.get(deck)
    }

    /// The deck names the lock knows.
    pub fn deck_names(&self) -> impl Iterator<Item = &str> {
        self.decks.keys().map(String::as_str)
    }

    /// Give each record of `deck` whose id the lock does not know, and whose normalized question
    /// is close (≥ [`SIMILARITY`]) to a lock entry no record has, that entry's id — best matches
    /// first, one to one. Returns the renames, in source order.
    pub fn reconcile(&self, deck: &str, records: &mut [Record]) -> Vec<Renamed> {
        let Some(entries) = self.decks.get(deck) else {
            return Vec::new();
        };
        // Only asked whether it holds an id: hashed, not ordered.
        let present: HashSet<&str> = records.iter().map(|r| r.id.as_str()).collect();
        let vanished: Vec<(&String, String)> = entries
            .iter()
            .filter(|(id, _)| !present.contains(id.as_str()))
            .map(|(id, e)| (id, normalize_question(&e.question)))
            .collect();
        if vanished.is_empty() {
            return Vec::new();
        }
        let unknown: Vec<(usize, String)> = records
            .iter()
            .enumerate()
            .filter(|(_, r)| !entries.contains_key(&r.id))
            .map(|(ri, r)| (ri, normalize_question(&r.question)))
            .collect();
        // Same words first (an id that moved, e.g. a repeated question): no distance needed.
        let mut by_text: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (vi, (_, old)) in vanished.iter().enumerate() {
            by_text.entry(old.as_str()).or_default().push(vi);
        }
        let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
        for (ri, new) in &unknown {
            for &vi in by_text.get(new.as_str()).into_iter().flatten() {
                candidates.push((1.0, *ri, vi));
            }
        }
        // Then reworded questions, by edit distance: every unknown question against every
        // vanished one, so only while that stays small (a wholesale change of ids, say after an
        // upgrade, would otherwise take minutes).
        if unknown.len().saturating_mul(vanished.len()) <= FUZZY_PAIRS {
            for (ri, new) in &unknown {
                for (vi, (_, old)) in vanished.iter().enumerate() {
                    if new != old
                        && let Some(score) = similarity(new, old)
                    {
                        candidates.push((score, *ri, vi));
                    }
                }
            }
        }
        // Best score first; ties go to the earlier record, then the smaller id: deterministic.
        candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        let mut record_taken = vec![false; records.len()];
        let mut entry_taken = vec![false; vanished.len()];
        let mut renamed = Vec::new();
        for (_, ri, vi) in candidates {
            if record_taken[ri] || entry_taken[vi] {
                continue;
            }
            record_taken[ri] = true;
            entry_taken[vi] = true;
            let to = vanished[vi].0.clone();
            let record = &mut records[ri];
            renamed.push((
                ri,
                Renamed {
                    from: std::mem::replace(&mut record.id, to.clone()),
                    to: to.clone(),
                    old_question: entries[&to].question.clone(),
                    new_question: record.question.clone(),
                },
            ));
        }
        renamed.sort_by_key(|(ri, _)| *ri);
        renamed.into_iter().map(|(_, r)| r).collect()
    }

    /// Record the current content of `deck`'s `records` (after [`Lock::reconcile`] and
    /// rendering): an unchanged note keeps its modification time, a changed one gets
    /// `max(now, old + 1)`, a new one `now`. Entries no record has are dropped and returned as
    /// removed questions.
    pub fn update(
        &mut self,
        deck: &str,
        records: &[Record],
        source_dir: &Path,
        now: i64,
    ) -> DeckUpdate {
        // Looked up once per record in random id order: a hash map, not the sorted one.
        let known = self.decks.remove(deck).unwrap_or_default();
        // Sized once: not grown by doubling while the card HTML of every record is held.
        let mut old: HashMap<String, Entry> = HashMap::with_capacity(known.len());
        old.extend(known);
        let mut fresh = Vec::with_capacity(records.len());
        let mut result = DeckUpdate {
            mtimes: HashMap::with_capacity(records.len()),
            ..DeckUpdate::default()
        };
        // Hashing every note's fields is the costly part, and each hash stands alone.
        let hashes: Vec<String> = records
            .par_iter()
            .with_min_len(256)
            .map(|record| content_hash(record, source_dir))
            .collect();
        for (record, hash) in records.iter().zip(hashes) {
            // What is left in `old` at the end, no record has any more. A known note's entry
            // is taken over, its strings with it: the lock holds no second copy of them while
            // the checks run alongside.
            let (id, entry) = if let Some((id, mut e)) = old.remove_entry(&record.id) {
                if e.hash != hash {
                    result.changed += 1;
                    e.mtime = now.max(e.mtime + 1);
                    e.hash = hash;
                }
                if e.question != record.question {
                    e.question.clone_from(&record.question);
                }
                (id, e)
            } else {
                result.added += 1;
                let entry = Entry {
                    mtime: now,
                    hash,
                    question: record.question.clone(),
                };
                (record.id.clone(), entry)
            };
            result.mtimes.insert(record.id.clone(), entry.mtime);
            fresh.push((id, entry));
        }
        // What no record has any more is taken first: the old table is freed before the new
        // map is made.
        let mut removed: Vec<(String, Entry)> = old.into_iter().collect();
        removed.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        result.removed = removed.into_iter().map(|(_, e)| e.question).collect();
        // Ids are unique within a deck; built from a sorted run, the map costs one pass. Sorted
        // on every core: unique keys have one order.
        fresh.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let fresh: BTreeMap<String, Entry> = fresh.into_iter().collect();
        self.decks.insert(deck.to_owned(), fresh);
        result
    }

    /// Forget `deck` (its notes file is gone); returns its questions.
    pub fn remove_deck(&mut self, deck: &str) -> Vec<String> {
        self.decks
            .remove(deck)
            .map(|e| e.into_values().map(|e| e.question).collect())
            .unwrap_or_default()
    }

    /// The lock file's contents: sorted, one line per note, trailing newline.
    #[must_use]
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = String::new();
        let _ = write!(
            out,
            "{{\n  \"format\": \"{FORMAT}\",\n  \"version\": {VERSION},\n  \"decks\": {{"
        );
        for (d, (deck, entries)) in self.decks.iter().enumerate() {
            out.push_str(if d == 0 { "\n" } else { ",\n" });
            let _ = write!(out, "    {}: {{", json_string(deck));
            // Each note's line stands alone: written on every core, in runs appended in order,
            // a few at a time (the lock's text is not held twice).
            let entries: Vec<(&String, &Entry)> = entries.iter().collect();
            for (window, some) in entries.chunks(ENTRIES_PER_WINDOW).enumerate() {
                let runs: Vec<String> = some
                    .par_chunks(ENTRIES_PER_TASK)
                    .enumerate()
                    .map(|(run, chunk)| {
                        let mut part = String::new();
                        for (k, (id, entry)) in chunk.iter().enumerate() {
                            let first = window == 0 && run == 0 && k == 0;
                            part.push_str(if first { "\n" } else { ",\n" });
                            let _ = write!(
                                part,
                                "      {}: {}",
                                json_string(id),
                                serde_json::to_string(entry).unwrap_or_default()
                            );
                        }
                        part
                    })
                    .collect();
                for part in &runs {
                    out.push_str(part);
                }
            }
            out.push_str(if entries.is_empty() { "}" } else { "\n    }" });
        }
        out.push_str(if self.decks.is_empty() {
            "}\n}\n"
        } else {
            "\n  }\n}\n"
        });
        out.into_bytes()
    }

    /// Save the lock atomically, unless the file already holds exactly these bytes.
    ///
    /// # Errors
    /// Any I/O error writing the file.
    pub fn save(&self) -> std::io::Result<bool> {
        self.save_bytes(&self.to_bytes())
    }

    /// [`Lock::save`] with the lock's contents already made by [`Lock::to_bytes`].
    ///
    /// # Errors
    /// Any I/O error writing the file.
    pub fn save_bytes(&self, bytes: &[u8]) -> std::io::Result<bool> {
        if holds(&self.path, bytes) {
            return Ok(false);
        }
        crate::project::write_atomic(&self.path, bytes)?;
        Ok(true)
    }
}

/// Does the file at `path` hold exactly `bytes`? Compared piece by piece: a large lock is not
/// read into memory a second time.
fn holds(path: &Path, bytes: &[u8]) -> bool {
    use std::io::Read as _;
    let Ok(mut file) = std::fs::File::open(path) else {
        return false;
    };
    if file.metadata().map(|m| m.len()).ok() != u64::try_from(bytes.len()).ok() {
        return false;
    }
    let mut buf = vec![0_u8; 1 << 16];
    let mut rest = bytes;
    loop {
        match file.read(&mut buf) {
            Ok(0) => return rest.is_empty(),
            Ok(n) if n <= rest.len() && buf[..n] == rest[..n] => rest = &rest[n..],
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            _ => return false,
        }
    }
}

fn json_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

/// Normalized Levenshtein similarity of two normalized questions, or `None` when it is below
/// [`SIMILARITY`] (or one of them is empty).
/// At most this many question pairs are compared by edit distance in one deck.
const FUZZY_PAIRS: usize = 4_000_000;

/// Lock lines a thread writes in one go (see [`Lock::to_bytes`]).
const ENTRIES_PER_TASK: usize = 2048;

/// Lock lines made before they are appended (see [`Lock::to_bytes`]).
const ENTRIES_PER_WINDOW: usize = 8 * ENTRIES_PER_TASK;

fn similarity(a: &str, b: &str) -> Option<f64> {
    let (la, lb) = (a.chars().count(), b.chars().count());
    let longest = la.max(lb);
    if la == 0 || lb == 0 {
        return None;
    }
    // The length difference alone is a lower bound on the distance.
    #[allow(clippy::cast_precision_loss)]
    let bound = 1.0 - (la.abs_diff(lb) as f64) / (longest as f64);
    if bound < SIMILARITY {
        return None;
    }
    let distance = strsim::levenshtein(a, b);
    #[allow(clippy::cast_precision_loss)]
    let score = 1.0 - (distance as f64) / (longest as f64);
    (score >= SIMILARITY).then_some(score)
}

/// The hash of everything of `record` that reaches Anki: the note fields, tags, the deck its
/// card goes to, and the name and bytes of each local image. 16 hex digits of SHA-256.
#[must_use]
pub fn content_hash(record: &Record, source_dir: &Path) -> String {
    let mut hasher = Sha256::new();
    for field in apkg::note_fields(record) {
        hasher.update(field.as_bytes());
        hasher.update([0x1f]);
    }
    hasher.update([0x1e]);
    hasher.update(record.tags.join(" ").as_bytes());
    hasher.update([0x1e]);
    hasher.update(apkg::card_deck_name(record).as_bytes());
    for (name, path) in apkg::note_media(record, source_dir) {
        hasher.update([0x1e]);
        hasher.update(name.as_bytes());
        hasher.update([0x1f]);
        if let Ok(bytes) = std::fs::read(path) {
            hasher.update(Sha256::digest(&bytes));
        }
    }
    hex16(&hasher.finalize())
}

/// The first 8 bytes of a digest as 16 hex digits.
fn hex16(digest: &[u8]) -> String {
    digest.iter().take(8).fold(String::new(), |mut out, b| {
        let _ = write!(out, "{b:02x}");
        out
    })
}

/// The current time for modification times: `SOURCE_DATE_EPOCH` when set (reproducible
/// builds), else the clock.
///
/// # Errors
/// `SOURCE_DATE_EPOCH` is set to something that is not a Unix time.
pub fn now() -> Result<i64, LockError> {
    now_from(std::env::var("SOURCE_DATE_EPOCH").ok().as_deref())
}

/// [`now`] with the value of `SOURCE_DATE_EPOCH` given.
///
/// # Errors
/// `source_date_epoch` is not a non-negative integer.
pub fn now_from(source_date_epoch: Option<&str>) -> Result<i64, LockError> {
    match source_date_epoch.map(str::trim) {
        Some(v) if !v.is_empty() => {
            v.parse::<i64>()
                .ok()
                .filter(|n| *n >= 0)
                .ok_or_else(|| LockError::SourceDateEpoch {
                    value: v.to_owned(),
                })
        }
        _ => Ok(std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Block, BlockKind, SourceSpan};

    fn record(id: &str, question: &str, answer: &str) -> Record {
        Record {
            id: id.into(),
            deck: "d".into(),
            section: None,
            number: None,
            question: question.into(),
            context: vec![],
            answer: vec![Block::new(BlockKind::Paragraph, answer, 2, 2)],
            tags: vec!["d".into()],
            source: SourceSpan {
                path: "d.txt".into(),
                start_line: 1,
                end_line: 2,
                question_line: None,
            },
            front_html: String::new(),
            back_html: String::new(),
        }
    }

    fn dir() -> &'static Path {
        Path::new(".")
    }

    #[test]
    fn mtime_rises_exactly_when_content_changes() {
        let mut lock = Lock::new("zhika.lock");
        let v1 = vec![
            record("a", "make与new的区别", "一"),
            record("b", "q2？", "二"),
        ];
        let u = lock.update("d", &v1, dir(), 100);
        assert_eq!((u.added, u.changed), (2, 0));
        assert_eq!(u.mtimes["a"], 100);

        let u = lock.update("d", &v1, dir(), 200);
        assert_eq!((u.added, u.changed, u.mtimes["a"]), (0, 0, 100));

        let v2 = vec![
            record("a", "make与new的区别", "一!"),
            record("b", "q2？", "二"),
        ];
        let u = lock.update("d", &v2, dir(), 100);
        assert_eq!((u.changed, u.mtimes["a"], u.mtimes["b"]), (1, 101, 100));
        let u = lock.update("d", &v1, dir(), 500);
        assert_eq!(u.mtimes["a"], 500);
    }

    #[test]
    fn removed_questions_are_reported_and_dropped() {
        let mut lock = Lock::new("zhika.lock");
        lock.update(
            "d",
            &[record("a", "甲？", "x"), record("b", "乙？", "y")],
            dir(),
            1,
        );
        let u = lock.update("d", &[record("a", "甲？", "x")], dir(), 2);
        assert_eq!(u.removed, ["乙？"]);
        assert_eq!(lock.deck("d").unwrap().len(), 1);
    }

    #[test]
    fn ids_that_all_moved_are_matched_by_text_without_comparing_every_pair() {
        let mut lock = Lock::new("zhika.lock");
        let before: Vec<Record> = (0..3000)
            .map(|i| record(&format!("old{i}"), &format!("第{i}个问题是什么？"), "x"))
            .collect();
        lock.update("d", &before, dir(), 1);
        let mut after: Vec<Record> = (0..3000)
            .map(|i| record(&format!("new{i}"), &format!("第{i}个问题是什么？"), "x"))
            .collect();
        // 3000 × 3000 pairs is over the fuzzy budget: exact matches must still be found.
        let renamed = lock.reconcile("d", &mut after);
        assert_eq!(renamed.len(), 3000);
        assert!(
            after
                .iter()
                .enumerate()
                .all(|(i, r)| r.id == format!("old{i}"))
        );
    }

    #[test]
    fn a_reworded_question_keeps_its_id() {
        let mut lock = Lock::new("zhika.lock");
        lock.update(
            "d",
            &[
                record("a", "简要描述go中的main和init函数的区别", "x"),
                record("b", "sync.WaitGroup的使用场景？", "y"),
            ],
            dir(),
            1,
        );
        let mut now = vec![
            record("a2", "简要描述Go中的main与init函数的区别", "x"),
            record("b", "sync.WaitGroup的使用场景？", "y"),
            record("c", "完全不同的新问题是什么？", "z"),
        ];
        let renamed = lock.reconcile("d", &mut now);
        assert_eq!(renamed.len(), 1);
        assert_eq!(
            (renamed[0].from.as_str(), renamed[0].to.as_str()),
            ("a2", "a")
        );
        assert_eq!(now[0].id, "a");
        assert_eq!(now[2].id, "c");
    }

    #[test]
    fn matching_is_one_to_one_and_best_first() {
        let mut lock = Lock::new("zhika.lock");
        lock.update("d", &[record("a", "channel的原理是什么", "x")], dir(), 1);
        let mut now = vec![
            record("n1", "channel的原理是什么呢", "x"),
            record("n2", "channel的原理是什么?", "x"),
        ];
        let renamed = lock.reconcile("d", &mut now);
        assert_eq!(renamed.len(), 1);
        // "?" normalizes away: n2 is an exact match and wins.
        assert_eq!(now[1].id, "a");
        assert_eq!(now[0].id, "n1");
    }

    #[test]
    fn round_trips_and_is_diffable() {
        let mut lock = Lock::new("zhika.lock");
        lock.update(
            "d",
            &[record("b", "乙\"？", "y"), record("a", "甲？", "x")],
            dir(),
            7,
        );
        lock.update("e", &[], dir(), 7);
        let bytes = lock.to_bytes();
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert!(text.contains("\n      \"a\": {\"mtime\":7,"));
        assert!(text.find("\"a\"").unwrap() < text.find("\"b\"").unwrap());
        let back = Lock::parse(Path::new("zhika.lock"), &bytes).unwrap();
        assert_eq!(back, lock);
        let empty = Lock::new("x").to_bytes();
        assert!(Lock::parse(Path::new("x"), &empty).is_ok());
    }

    #[test]
    fn corrupt_lock_is_an_error_naming_the_file() {
        let err = Lock::parse(Path::new("notes/zhika.lock"), b"{\"decks\": 3").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("notes/zhika.lock: corrupt lock file")
        );
        let err = Lock::parse(
            Path::new("zhika.lock"),
            b"{\"format\":\"zhika.lock\",\"version\":9,\"decks\":{}}",
        )
        .unwrap_err();
        assert!(matches!(err, LockError::Version { found: 9, .. }));
    }

    #[test]
    fn source_date_epoch() {
        assert_eq!(now_from(Some("1700000000")).unwrap(), 1_700_000_000);
        assert!(now_from(Some("yesterday")).is_err());
        assert!(now_from(None).unwrap() > 1_700_000_000);
    }
}
