//! The Anki package exporter: a legacy `.apkg` (zip of a schema-11 `collection.anki2`, a
//! `media` index and the media files), readable by Anki desktop, `AnkiDroid` and `AnkiMobile`.
//!
//! Everything in the package is a function of the records and their modification times (from
//! `zhika.lock`): the same notes give the same bytes. The note type's shape (fields, template)
//! never changes, so re-imports update notes in place instead of duplicating them.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::{BufWriter, Cursor, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use html_escape::encode_text;
use rayon::prelude::*;
use regex::Regex;
use rusqlite::{Connection, params};
use serde_json::{Value, json};
use sha1::Sha1;
use sha2::{Digest, Sha256};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::{DeckExport, ExportError, Exporter};
use crate::model::{BlockKind, Record};
use crate::render;

/// Id of the `zhika Q&A` note type. Anki matches note types by id: never change it.
pub const NOTETYPE_ID: i64 = 1_718_270_211_001;
/// Name of the note type.
pub const NOTETYPE_NAME: &str = "zhika Q&A";
/// The note type's fields, in order. Their number, names and ids are the note type's schema:
/// changing them makes Anki treat every note as conflicting instead of updating it.
pub const FIELDS: [&str; 4] = ["Question", "Context", "Answer", "Source"];
const FIELD_IDS: [i64; 4] = [
    5_817_460_328_812_017_001,
    5_817_460_328_812_017_002,
    5_817_460_328_812_017_003,
    5_817_460_328_812_017_004,
];
const TEMPLATE_NAME: &str = "Q&A";
const TEMPLATE_ID: i64 = 5_817_460_328_812_017_101;

/// Modification time of the note type (Unix seconds). Anki takes a note type's new CSS and
/// templates only when this is newer than what it has: raise it whenever [`CSS`],
/// [`FRONT_TEMPLATE`] or [`BACK_TEMPLATE`] change (a unit test pins their hash as a reminder).
pub const NOTETYPE_MOD: i64 = 1_780_000_000;

/// The card stylesheet.
pub const CSS: &str = include_str!("anki_style.css");

/// The front: the question, then its context (the code a question asks about).
pub const FRONT_TEMPLATE: &str = "<div class=\"zk-card\">\n\
<div class=\"zk-question\">{{Question}}</div>\n\
{{#Context}}<div class=\"zk-context\">{{Context}}</div>{{/Context}}\n\
</div>";

/// The back: the front, the answer marker, the answer and where it came from.
pub const BACK_TEMPLATE: &str = "{{FrontSide}}\n\
<hr id=answer>\n\
<div class=\"zk-card\">\n\
<div class=\"zk-answer\">{{Answer}}</div>\n\
{{#Source}}<div class=\"zk-source\">{{Source}}</div>{{/Source}}\n\
</div>";

/// Note and card ids are millisecond timestamps in Anki and must not lie in the future; this
/// base is used when no record has a modification time.
const FALLBACK_MTIME: i64 = 1_700_000_000;

/// Writes `DIR/<deck>.apkg`.
#[derive(Debug, Clone, Copy)]
pub struct Apkg;

impl Exporter for Apkg {
    fn extension(&self) -> &'static str {
        "apkg"
    }

    fn needs_mtimes(&self) -> bool {
        true
    }

    fn write_to(&self, deck: &DeckExport<'_>, out: &mut dyn Write) -> Result<(), ExportError> {
        let io_err = |source| ExportError::Io {
            deck: deck.document.deck.name.clone(),
            source,
        };
        // The zip's writer seeks back to fill in each entry's header, so the package is made
        // in a temporary file and then copied to `out`: it is not held in memory (15 MB for
        // 100k notes) next to every record. In memory only when no temporary file can be made.
        if let Ok(file) = tempfile::tempfile() {
            let mut file = package(deck, BufWriter::with_capacity(ZIP_CHUNK, file))?
                .into_inner()
                .map_err(|e| io_err(e.into_error()))?;
            file.rewind().map_err(io_err)?;
            std::io::copy(&mut file, out).map_err(io_err)?;
            Ok(())
        } else {
            let bytes = package(deck, Cursor::new(Vec::new()))?.into_inner();
            out.write_all(&bytes).map_err(io_err)
        }
    }
}

/// The records a deck sends to Anki (and CSV): answered ones, or all with `include_unanswered`.
pub fn exported_records<'a>(deck: &'a DeckExport<'_>) -> impl Iterator<Item = &'a Record> + 'a {
    let all = deck.include_unanswered;
    deck.document
        .records
        .iter()
        .filter(move |r| all || !r.is_unanswered())
}

/// The note's fields, in [`FIELDS`] order: question, context and answer HTML, and the source
/// (`file:line`, the file name without its folder so it does not depend on where zhika ran).
///
/// Reuses the HTML the render stage stored in the record when it is there (highlighting code
/// is the costly part), and renders it otherwise. Reused HTML is borrowed, not copied: the
/// fields of every record are asked for by the lock, the CSV and the package in turn.
#[must_use]
pub fn note_fields(record: &Record) -> [Cow<'_, str>; 4] {
    let question = render::question_html(record);
    let context = if record.context.is_empty() {
        Cow::Borrowed("")
    } else {
        record
            .front_html
            .strip_prefix("<div class=\"zk-question\">")
            .and_then(|rest| rest.strip_prefix(question.as_str()))
            .and_then(|rest| rest.strip_prefix("</div>"))
            .and_then(|rest| rest.strip_prefix("<div class=\"zk-context\">"))
            .and_then(|rest| rest.strip_suffix("</div>"))
            .map_or_else(
                || Cow::Owned(render::blocks_html(&record.context)),
                Cow::Borrowed,
            )
    };
    let answer = if record.back_html.is_empty() {
        Cow::Owned(render::blocks_html(&record.answer))
    } else {
        Cow::Borrowed(record.back_html.as_str())
    };
    [
        Cow::Owned(question),
        context,
        answer,
        Cow::Owned(source_field(record)),
    ]
}

fn source_field(record: &Record) -> String {
    let file = render::media_name(&record.source.path);
    format!("{}:{}", encode_text(&file), record.source.question_at())
}

/// The full name of the deck a record's card goes to: `Deck` or `Deck::Section`.
#[must_use]
pub fn card_deck_name(record: &Record) -> String {
    match &record.section {
        Some(s) if !s.trim().is_empty() => format!("{}::{}", record.deck, s),
        _ => record.deck.clone(),
    }
}

/// A stable deck id for a full deck name, derived from its hash (never 1, Anki's Default deck;
/// below 2^53 so JavaScript reads it exactly).
#[must_use]
pub fn deck_id(full_name: &str) -> i64 {
    let digest = Sha256::digest(full_name.as_bytes());
    let mut bytes = [0u8; 8];
    bytes.copy_from_slice(&digest[..8]);
    let n = u64::from_be_bytes(bytes) % 9_000_000_000_000;
    1_000_000_000_000 + i64::try_from(n).unwrap_or(0)
}

/// The local image files a record shows, as `(media name, canonical path)`: images whose
/// address is not http(s) and whose file resolves inside `source_dir` (after following `..`
/// and symlinks). Anything else is left out, never read.
#[must_use]
pub fn note_media(record: &Record, source_dir: &Path) -> Vec<(String, PathBuf)> {
    let mut local = record
        .blocks()
        .filter(|b| b.kind == BlockKind::Image)
        .filter_map(|b| b.url.as_deref())
        .filter(|url| !is_web(url))
        // Refused by Z013 and shown as text, even if the path happens to land inside.
        .filter(|url| render::media_outside_notes(url).is_none())
        .peekable();
    // Most records show no image: resolve the folder (a few system calls) only for those that do.
    if local.peek().is_none() {
        return Vec::new();
    }
    let Ok(root) = source_dir.canonicalize() else {
        return Vec::new();
    };
    local
        .filter_map(|url| {
            let name = render::media_name(url);
            let path = resolve_inside(&root, url)?;
            (!name.is_empty()).then_some((name, path))
        })
        .collect()
}

fn is_web(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// `url` as a file inside `root` (canonical), or `None`.
fn resolve_inside(root: &Path, url: &str) -> Option<PathBuf> {
    let url = url.strip_prefix("file://").unwrap_or(url);
    if url.is_empty() || url.contains('\0') {
        return None;
    }
    let path = root.join(url);
    let real = path.canonicalize().ok()?;
    (real.starts_with(root) && real.is_file()).then_some(real)
}

static TAG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?s)<!--.*?-->|<[^>]*>").unwrap());
static IMG_SRC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)<img[^>]*\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^ >]+))[^>]*>"#).unwrap()
});

/// A field as Anki's sort field holds it: HTML stripped (image file names kept), entities
/// decoded.
#[must_use]
pub fn strip_html(html: &str) -> String {
    let with_names = IMG_SRC.replace_all(html, |c: &regex::Captures<'_>| {
        let src = c
            .get(1)
            .or_else(|| c.get(2))
            .or_else(|| c.get(3))
            .map_or("", |m| m.as_str());
        format!(" {src} ")
    });
    let text = TAG.replace_all(&with_names, "");
    html_escape::decode_html_entities(&text).into_owned()
}

/// Anki's `csum`: the first 4 bytes, big-endian, of SHA-1 over the stripped first field.
#[must_use]
pub fn field_checksum(first_field: &str) -> u32 {
    stripped_checksum(&strip_html(first_field))
}

/// [`field_checksum`] of a field already stripped with [`strip_html`].
fn stripped_checksum(stripped: &str) -> u32 {
    let digest = Sha1::digest(stripped.as_bytes());
    u32::from_be_bytes([digest[0], digest[1], digest[2], digest[3]])
}

/// Anki's tag column: space separated, with a leading and a trailing space.
fn tags_column(tags: &[String]) -> String {
    if tags.is_empty() {
        String::new()
    } else {
        format!(" {} ", tags.join(" "))
    }
}

const SCHEMA: &str = "
CREATE TABLE col (
    id integer primary key, crt integer not null, mod integer not null, scm integer not null,
    ver integer not null, dty integer not null, usn integer not null, ls integer not null,
    conf text not null, models text not null, decks text not null, dconf text not null,
    tags text not null
);
CREATE TABLE notes (
    id integer primary key, guid text not null, mid integer not null, mod integer not null,
    usn integer not null, tags text not null, flds text not null, sfld integer not null,
    csum integer not null, flags integer not null, data text not null
);
CREATE TABLE cards (
    id integer primary key, nid integer not null, did integer not null, ord integer not null,
    mod integer not null, usn integer not null, type integer not null, queue integer not null,
    due integer not null, ivl integer not null, factor integer not null, reps integer not null,
    lapses integer not null, left integer not null, odue integer not null,
    odid integer not null, flags integer not null, data text not null
);
CREATE TABLE revlog (
    id integer primary key, cid integer not null, usn integer not null, ease integer not null,
    ivl integer not null, lastIvl integer not null, factor integer not null,
    time integer not null, type integer not null
);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
";

/// Anki's indexes, made once the rows are in: sorting the finished tables is cheaper than
/// keeping five indexes in order through every insert.
const INDEXES: &str = "
CREATE INDEX ix_notes_usn on notes (usn);
CREATE INDEX ix_cards_usn on cards (usn);
CREATE INDEX ix_revlog_usn on revlog (usn);
CREATE INDEX ix_cards_nid on cards (nid);
CREATE INDEX ix_cards_sched on cards (did, queue, due);
CREATE INDEX ix_revlog_cid on revlog (cid);
CREATE INDEX ix_notes_csum on notes (csum);
";

/// One note on its way into the package: its columns in the `notes` table.
struct NoteRow {
    guid: String,
    mtime: i64,
    tags: String,
    /// The fields joined with Anki's field separator.
    fields: String,
    /// The sort field: the first field without its markup.
    sort_field: String,
    checksum: u32,
    deck_id: i64,
}

/// Notes made ready in one go, on every core, while the batch before them is inserted in
/// order: enough to keep both cores busy, few enough that the copies of the card HTML of the
/// two batches held at once stay small.
const NOTES_PER_BATCH: usize = 2048;

/// Records a thread reads in one go where each is read alone.
const NOTES_PER_TASK: usize = 256;

// The collection is written table by table in one transaction; the steps share it.
#[allow(clippy::too_many_lines)]
fn package<W: Write + Seek>(deck: &DeckExport<'_>, sink: W) -> Result<W, ExportError> {
    let deck_name = deck.document.deck.name.as_str();
    let sql_err = |source| ExportError::Apkg {
        deck: deck_name.to_owned(),
        source,
    };
    let records: Vec<&Record> = exported_records(deck).collect();
    let fallback = deck
        .mtimes
        .values()
        .copied()
        .max()
        .unwrap_or(FALLBACK_MTIME);
    let mtime_of = |r: &Record| deck.mtimes.get(&r.id).copied().unwrap_or(fallback);

    // Decks: the main deck, every section subdeck and their parents.
    let mut decks: BTreeMap<String, i64> = BTreeMap::new();
    decks.insert(deck_name.to_owned(), deck_id(deck_name));
    let mut media: Vec<(String, PathBuf)> = Vec::new();
    // The names already in `media`: a deck may hold many images.
    let mut media_names: HashSet<String> = HashSet::new();
    // The deck id of each record's card; the parents of a deck are added when it is first met.
    let mut met: HashMap<String, i64> = HashMap::new();
    let mut card_decks = Vec::with_capacity(records.len());
    // Each record's deck and images, found on every core a batch at a time (not a deck name
    // held for every record); met in order below.
    for batch in records.chunks(NOTES_PER_BATCH) {
        let found: Vec<(String, Vec<(String, PathBuf)>)> = batch
            .par_iter()
            .with_min_len(NOTES_PER_TASK)
            .map(|record| (card_deck_name(record), note_media(record, deck.source_dir)))
            .collect();
        for (full, images) in found {
            if let Some(&id) = met.get(&full) {
                card_decks.push(id);
            } else {
                let mut prefix = String::new();
                for part in full.split("::") {
                    if !prefix.is_empty() {
                        prefix.push_str("::");
                    }
                    prefix.push_str(part);
                    decks
                        .entry(prefix.clone())
                        .or_insert_with(|| deck_id(&prefix));
                }
                let id = decks[&full];
                card_decks.push(id);
                met.insert(full, id);
            }
            for (name, path) in images {
                if media_names.insert(name.clone()) {
                    media.push((name, path));
                }
            }
        }
    }

    let newest = records
        .iter()
        .map(|r| mtime_of(r))
        .max()
        .unwrap_or(fallback)
        .max(NOTETYPE_MOD);
    // Ids are millisecond timestamps; counting up from the oldest note keeps them in the past,
    // unique, and increasing in source order (Anki orders new cards by id when it resets them).
    let id_base = records
        .iter()
        .map(|r| mtime_of(r))
        .min()
        .unwrap_or(fallback)
        * 1000;

    let (mut conn, file) = open_collection().map_err(sql_err)?;
    conn.execute_batch(SCHEMA).map_err(sql_err)?;
    let count = i64::try_from(records.len()).unwrap_or(i64::MAX);
    let tx = conn.transaction().map_err(sql_err)?;
    tx.execute(
        "INSERT INTO col VALUES (1, ?1, ?2, ?2, 11, 0, 0, 0, ?3, ?4, ?5, ?6, '{}')",
        params![
            id_base / 1000,
            newest * 1000,
            conf_json(deck_id(deck_name), count + 1).to_string(),
            models_json().to_string(),
            decks_json(&decks, newest).to_string(),
            dconf_json().to_string(),
        ],
    )
    .map_err(sql_err)?;
    {
        let mut note_stmt = tx
            .prepare("INSERT INTO notes VALUES (?1, ?2, ?3, ?4, -1, ?5, ?6, ?7, ?8, 0, '')")
            .map_err(sql_err)?;
        let mut card_stmt = tx
            .prepare(
                "INSERT INTO cards VALUES (?1, ?2, ?3, 0, ?4, -1, 0, 0, ?5, 0, 0, 0, 0, 0, 0, 0, 0, '')",
            )
            .map_err(sql_err)?;
        let make_rows = |batch: &[&Record], deck_ids: &[i64]| -> Vec<NoteRow> {
            batch
                .par_iter()
                .zip(deck_ids)
                .map(|(record, &deck_id)| note_row(record, mtime_of(record), deck_id))
                .collect()
        };
        let mut batches = records
            .chunks(NOTES_PER_BATCH)
            .zip(card_decks.chunks(NOTES_PER_BATCH));
        let mut rows = batches.next().map(|(b, d)| make_rows(b, d));
        let mut index = 0_i64;
        while let Some(batch_rows) = rows.take() {
            // The next batch is made on the other cores while this one is inserted, in order.
            let next = batches.next();
            rayon::in_place_scope(|scope| {
                if let Some((b, d)) = next {
                    scope.spawn(|_| rows = Some(make_rows(b, d)));
                }
                for note in batch_rows {
                    let id = id_base + index;
                    note_stmt
                        .execute(params![
                            id,
                            note.guid,
                            NOTETYPE_ID,
                            note.mtime,
                            note.tags,
                            note.fields,
                            note.sort_field,
                            note.checksum,
                        ])
                        .map_err(sql_err)?;
                    card_stmt
                        .execute(params![id, id, note.deck_id, note.mtime, index + 1])
                        .map_err(sql_err)?;
                    index += 1;
                }
                Ok::<(), ExportError>(())
            })?;
        }
    }
    tx.execute_batch(INDEXES).map_err(sql_err)?;
    tx.commit().map_err(sql_err)?;
    // The collection goes to the deflater in pieces of a fixed size, from the file or from
    // memory alike, so that both give the same bytes and the file is never read whole.
    if let Some(path) = file {
        drop(conn);
        let io_err = |source| ExportError::Io {
            deck: deck_name.to_owned(),
            source,
        };
        let mut collection = std::fs::File::open(&path).map_err(io_err)?;
        let mut header = [0_u8; 100];
        collection.read_exact(&mut header).map_err(io_err)?;
        normalize_header(&mut header);
        zip_package(deck_name, &mut header.chain(collection), &media, sink)
    } else {
        let collection = conn.serialize(rusqlite::MAIN_DB).map_err(sql_err)?;
        zip_package(deck_name, &mut &collection[..], &media, sink)
    }
}

/// A connection to a new, empty collection database: in a temporary file, where `SQLite` keeps
/// only a few pages in memory (the database is as large as all the card HTML), or in memory
/// when no temporary file can be made. Both give the same package (see [`normalize_header`]).
fn open_collection() -> rusqlite::Result<(Connection, Option<tempfile::TempPath>)> {
    let file = tempfile::Builder::new()
        .prefix("zhika-collection-")
        .suffix(".anki2")
        .tempfile();
    if let Ok(file) = file {
        let path = file.into_temp_path();
        // Nothing to roll back or to make durable: on any failure the file is thrown away.
        let conn = Connection::open(&path).and_then(|conn| {
            // The tables are written in order and their indexes made at the end: a small
            // cache (4 MiB) serves both, and is held next to every record and card.
            conn.execute_batch(
                "PRAGMA page_size = 16384; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -4096;",
            )?;
            Ok(conn)
        });
        if let Ok(conn) = conn {
            return Ok((conn, Some(path)));
        }
    }
    Ok((Connection::open_in_memory()?, None))
}

/// Make the header of a collection built in a file what it is for one built in memory: `SQLite`
/// counts the file's write transactions (the file change counter at bytes 24..28 and the
/// version-valid-for number at 92..96) and stamps its version (96..100) only in files. The
/// pages after the header are the same either way.
fn normalize_header(collection: &mut [u8]) {
    for field in [24..28, 92..100] {
        if let Some(bytes) = collection.get_mut(field) {
            bytes.fill(0);
        }
    }
}

fn note_row(record: &Record, mtime: i64, deck_id: i64) -> NoteRow {
    let fields = note_fields(record);
    let sort_field = strip_html(&fields[0]);
    NoteRow {
        guid: record.id.clone(),
        mtime,
        tags: tags_column(&record.tags),
        checksum: stripped_checksum(&sort_field),
        sort_field,
        fields: fields.join("\x1f"),
        deck_id,
    }
}

/// Bytes the collection is compressed in at a time (see [`package`]).
const ZIP_CHUNK: usize = 1 << 16;

fn zip_package<W: Write + Seek>(
    deck_name: &str,
    collection: &mut dyn Read,
    media: &[(String, PathBuf)],
    sink: W,
) -> Result<W, ExportError> {
    let zip_err = |source| ExportError::Zip {
        deck: deck_name.to_owned(),
        source,
    };
    let io_err = |path: &Path, source| ExportError::Media {
        deck: deck_name.to_owned(),
        path: path.to_owned(),
        source,
    };
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(1))
        .last_modified_time(DateTime::default())
        .system(zip::System::Unix)
        .unix_permissions(0o644);
    let mut zip = ZipWriter::new(sink);
    zip.start_file("collection.anki2", options)
        .map_err(zip_err)?;
    let mut chunk = vec![0_u8; ZIP_CHUNK];
    loop {
        let n =
            read_full(collection, &mut chunk).map_err(|e| zip_err(zip::result::ZipError::Io(e)))?;
        zip.write_all(&chunk[..n])
            .map_err(|e| zip_err(zip::result::ZipError::Io(e)))?;
        if n < chunk.len() {
            break;
        }
    }

    let index: serde_json::Map<String, Value> = media
        .iter()
        .enumerate()
        .map(|(i, (name, _))| (i.to_string(), Value::String(name.clone())))
        .collect();
    zip.start_file("media", options).map_err(zip_err)?;
    zip.write_all(Value::Object(index).to_string().as_bytes())
        .map_err(|e| zip_err(zip::result::ZipError::Io(e)))?;
    for (i, (_, path)) in media.iter().enumerate() {
        let bytes = std::fs::read(path).map_err(|e| io_err(path, e))?;
        zip.start_file(i.to_string(), options).map_err(zip_err)?;
        zip.write_all(&bytes)
            .map_err(|e| zip_err(zip::result::ZipError::Io(e)))?;
    }
    zip.finish().map_err(zip_err)
}

/// Fill `buf` from `from` as far as it goes; fewer bytes than its length only at the end.
fn read_full(from: &mut dyn Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match from.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

/// The collection config (`col.conf`). Only a few keys matter to an importer; these are the
/// ones a fresh Anki collection has.
fn conf_json(current_deck: i64, next_pos: i64) -> Value {
    json!({
        "activeDecks": [current_deck],
        "addToCur": true,
        "collapseTime": 1200,
        "curDeck": current_deck,
        "curModel": NOTETYPE_ID,
        "dueCounts": true,
        "estTimes": true,
        "newBury": true,
        "newSpread": 0,
        "nextPos": next_pos,
        "schedVer": 2,
        "sortBackwards": false,
        "sortType": "noteFld",
        "timeLim": 0
    })
}

/// The note types (`col.models`): just `zhika Q&A`.
fn models_json() -> Value {
    let fields: Vec<Value> = FIELDS
        .iter()
        .zip(FIELD_IDS)
        .enumerate()
        .map(|(ord, (name, id))| {
            json!({
                "name": name,
                "ord": ord,
                "id": id,
                "sticky": false,
                "rtl": false,
                "font": "Arial",
                "size": 20,
                "description": "",
                "plainText": false,
                "collapsed": false,
                "excludeFromSearch": false,
                "media": []
            })
        })
        .collect();
    let model = json!({
        "id": NOTETYPE_ID,
        "name": NOTETYPE_NAME,
        "type": 0,
        "mod": NOTETYPE_MOD,
        "usn": -1,
        "sortf": 0,
        "did": null,
        "tmpls": [{
            "name": TEMPLATE_NAME,
            "ord": 0,
            "id": TEMPLATE_ID,
            "qfmt": FRONT_TEMPLATE,
            "afmt": BACK_TEMPLATE,
            "bqfmt": "",
            "bafmt": "",
            "did": null,
            "bfont": "",
            "bsize": 0
        }],
        "flds": fields,
        "css": CSS,
        "latexPre": "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n",
        "latexPost": "\\end{document}",
        "latexsvg": false,
        // A card is generated when the question or the context is non-empty.
        "req": [[0, "any", [0, 1]]],
        "tags": [],
        "vers": []
    });
    json!({ NOTETYPE_ID.to_string(): model })
}

fn deck_json(id: i64, name: &str, mtime: i64) -> Value {
    json!({
        "id": id,
        "name": name,
        "mod": mtime,
        "usn": -1,
        "desc": "",
        "dyn": 0,
        "conf": 1,
        "collapsed": false,
        "browserCollapsed": false,
        "extendNew": 0,
        "extendRev": 0,
        "newToday": [0, 0],
        "revToday": [0, 0],
        "lrnToday": [0, 0],
        "timeToday": [0, 0]
    })
}

/// The decks (`col.decks`): Anki's Default deck, which every collection has, and ours.
fn decks_json(decks: &BTreeMap<String, i64>, mtime: i64) -> Value {
    let mut map = serde_json::Map::new();
    map.insert("1".to_owned(), deck_json(1, "Default", 0));
    for (name, id) in decks {
        map.insert(id.to_string(), deck_json(*id, name, mtime));
    }
    Value::Object(map)
}

/// Deck options (`col.dconf`): Anki's defaults, as id 1. An importer keeps its own.
fn dconf_json() -> Value {
    json!({
        "1": {
            "id": 1,
            "name": "Default",
            "mod": 0,
            "usn": 0,
            "autoplay": true,
            "dyn": false,
            "maxTaken": 60,
            "replayq": true,
            "timer": 0,
            "new": {
                "bury": true,
                "delays": [1, 10],
                "initialFactor": 2500,
                "ints": [1, 4, 0],
                "order": 1,
                "perDay": 20
            },
            "rev": {
                "bury": true,
                "ease4": 1.3,
                "ivlFct": 1,
                "maxIvl": 36500,
                "perDay": 200,
                "hardFactor": 1.2
            },
            "lapse": {
                "delays": [10],
                "leechAction": 1,
                "leechFails": 8,
                "minInt": 1,
                "mult": 0
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use super::*;

    #[test]
    fn checksum_matches_anki() {
        // Anki: field_checksum("Hello") = int(sha1("Hello").hexdigest()[:8], 16)
        assert_eq!(field_checksum("Hello"), 0xf7ff_9e8b);
        assert_eq!(field_checksum("<b>Hello</b>"), 0xf7ff_9e8b);
        assert_eq!(
            strip_html("a &lt;b&gt; <img src=\"x.png\">"),
            "a <b>  x.png "
        );
    }

    #[test]
    fn fields_reuse_rendered_html_or_render_it() {
        use crate::model::{Block, SourceSpan};
        let mut record = Record {
            id: "x".into(),
            deck: "d".into(),
            section: None,
            number: None,
            question: "这段代码输出什么？".into(),
            context: vec![Block::new(BlockKind::Code, "fmt.Println(1)", 2, 2)],
            answer: vec![Block::new(BlockKind::Paragraph, "1 <2>", 3, 3)],
            tags: vec![],
            source: SourceSpan {
                path: "notes/d.txt".into(),
                start_line: 1,
                end_line: 3,
                question_line: None,
            },
            front_html: String::new(),
            back_html: String::new(),
        };
        let fresh = note_fields(&record).map(Cow::into_owned);
        render::render_all(std::slice::from_mut(&mut record));
        assert_eq!(note_fields(&record), fresh);
        assert_eq!(fresh[0], "这段代码输出什么？");
        assert!(fresh[1].starts_with("<pre class=\"zk-code\""));
        assert_eq!(fresh[2], "<p>1 &lt;2&gt;</p>");
        assert_eq!(fresh[3], "d.txt:1");
    }

    #[test]
    fn deck_ids_are_stable_and_distinct() {
        assert_eq!(deck_id("go-interview"), deck_id("go-interview"));
        assert_ne!(deck_id("go-interview"), deck_id("go-interview::并发"));
        assert!(deck_id("x") > 1 && deck_id("x") < (1 << 53));
    }

    /// The note type's look is versioned by [`NOTETYPE_MOD`]: when this test fails, you changed
    /// the CSS or a template. Raise `NOTETYPE_MOD` to a current Unix time (so learners get the
    /// new look on re-import), then update the hash below.
    #[test]
    fn notetype_mod_was_raised_with_the_style() {
        let digest = Sha256::new()
            .chain_update(CSS)
            .chain_update(FRONT_TEMPLATE)
            .chain_update(BACK_TEMPLATE)
            .finalize();
        let hex = digest[..8].iter().fold(String::new(), |mut out, b| {
            let _ = write!(out, "{b:02x}");
            out
        });
        assert_eq!(
            (hex.as_str(), NOTETYPE_MOD),
            ("661954490235fcac", 1_780_000_000)
        );
    }
}
