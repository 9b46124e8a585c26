//! The `.apkg` and CSV exporters through the library: determinism, what is left out, what the
//! collection inside the package holds, and which media files may be packaged.

mod common;

use std::collections::HashMap;
use std::io::Read as _;
use std::path::Path;

use zhika::export::{DeckExport, Format, apkg};
use zhika::lock::Lock;
use zhika::model::Document;

const NOTES: &str = "## Go基础

1. make 和 new 的区别？
make 只用于 slice、map、channel；new 返回指针。

2. 什么是闭包？

## 并发

1. goroutine 和线程的区别？
![GMP](images/gmp.png)
![外面](../outside.png)
用户态调度，栈初始只有 2KB。
";

/// The document and note modification times for `NOTES` saved as `dir/deck.md`.
fn document(dir: &Path, now: i64) -> (Document, HashMap<String, i64>) {
    let (_, parsed) = common::parse_str(&dir.join("deck.md").to_string_lossy(), NOTES);
    let diagnostics = parsed.diagnostics.clone();
    let document = zhika::pipeline::document(parsed, diagnostics);
    let mut lock = Lock::new(dir.join("zhika.lock"));
    let update = lock.update("deck", &document.records, dir, now);
    (document, update.mtimes)
}

fn export(
    format: Format,
    dir: &Path,
    document: &Document,
    mtimes: &HashMap<String, i64>,
    all: bool,
) -> Vec<u8> {
    format
        .exporter()
        .export(&DeckExport {
            document,
            mtimes,
            include_unanswered: all,
            source_dir: dir,
        })
        .unwrap()
}

fn project() -> tempfile::TempDir {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("notes");
    std::fs::create_dir_all(dir.join("images")).unwrap();
    std::fs::write(dir.join("images/gmp.png"), b"\x89PNG fake").unwrap();
    std::fs::write(root.path().join("outside.png"), b"secret").unwrap();
    root
}

/// The package's zip entries, in order, with their contents.
fn entries(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            (f.name().unwrap().into_owned(), data)
        })
        .collect()
}

/// Open the package's collection with `SQLite`.
fn collection(bytes: &[u8], dir: &Path) -> rusqlite::Connection {
    let (_, db) = entries(bytes)
        .into_iter()
        .find(|(n, _)| n == "collection.anki2")
        .unwrap();
    let path = dir.join("collection.anki2");
    std::fs::write(&path, db).unwrap();
    rusqlite::Connection::open(path).unwrap()
}

#[test]
fn exporting_twice_gives_identical_bytes() {
    let root = project();
    let dir = root.path().join("notes");
    let (document, mtimes) = document(&dir, 1_700_000_000);
    let formats = [Format::Apkg, Format::Csv, Format::Json];
    let first: Vec<_> = formats
        .iter()
        .map(|f| export(*f, &dir, &document, &mtimes, false))
        .collect();
    // A clock-stamped zip entry would differ after a second.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let (document, mtimes) = self::document(&dir, 1_700_000_000);
    for (format, first) in formats.iter().zip(first) {
        let second = export(*format, &dir, &document, &mtimes, false);
        assert!(first == second, "{format:?} differs between two exports");
    }
}

#[test]
fn package_layout_and_media_stay_inside_the_notes_folder() {
    let root = project();
    let dir = root.path().join("notes");
    #[cfg(unix)]
    std::os::unix::fs::symlink(root.path().join("outside.png"), dir.join("images/link.png"))
        .unwrap();
    let (document, mtimes) = document(&dir, 1_700_000_000);
    let bytes = export(Format::Apkg, &dir, &document, &mtimes, false);
    let entries = entries(&bytes);
    let names: Vec<&str> = entries.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["collection.anki2", "media", "0"]);
    assert_eq!(entries[1].1, br#"{"0":"gmp.png"}"#);
    assert_eq!(entries[2].1, b"\x89PNG fake");

    let record = &document.records[2];
    let media = apkg::note_media(record, &dir);
    assert_eq!(media.len(), 1, "`../outside.png` is refused: {media:?}");
    let mut linked = record.clone();
    linked.answer[1].url = Some("images/link.png".into());
    assert!(
        apkg::note_media(&linked, &dir)
            .iter()
            .all(|(n, _)| n != "link.png")
    );
    linked.answer[1].url = Some(root.path().join("outside.png").to_string_lossy().into());
    assert!(
        apkg::note_media(&linked, &dir)
            .iter()
            .all(|(n, _)| n != "outside.png")
    );
}

#[test]
fn unanswered_records_are_left_out_unless_asked_for() {
    let root = project();
    let dir = root.path().join("notes");
    let (document, mtimes) = document(&dir, 1_700_000_000);
    assert_eq!(document.records.len(), 3);
    assert!(document.records[1].is_unanswered());

    let db = collection(
        &export(Format::Apkg, &dir, &document, &mtimes, false),
        root.path(),
    );
    let guids: Vec<String> = db
        .prepare("SELECT guid FROM notes ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        guids,
        [
            document.records[0].id.clone(),
            document.records[2].id.clone()
        ]
    );
    let csv = String::from_utf8(export(Format::Csv, &dir, &document, &mtimes, false)).unwrap();
    assert!(!csv.contains(&document.records[1].id));

    let db = collection(
        &export(Format::Apkg, &dir, &document, &mtimes, true),
        root.path(),
    );
    let count: i64 = db
        .query_row("SELECT count() FROM notes", [], |r| r.get(0))
        .unwrap();
    assert_eq!(count, 3);
    let csv = String::from_utf8(export(Format::Csv, &dir, &document, &mtimes, true)).unwrap();
    assert!(csv.contains(&document.records[1].id));
}

#[test]
fn collection_rows_follow_anki_schema_11() {
    let root = project();
    let dir = root.path().join("notes");
    let (document, mut mtimes) = document(&dir, 1_700_000_000);
    mtimes.insert(document.records[2].id.clone(), 1_700_000_500);
    let db = collection(
        &export(Format::Apkg, &dir, &document, &mtimes, false),
        root.path(),
    );

    let ver: i64 = db
        .query_row("SELECT ver FROM col", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ver, 11);
    let decks: String = db
        .query_row("SELECT decks FROM col", [], |r| r.get(0))
        .unwrap();
    let decks: serde_json::Value = serde_json::from_str(&decks).unwrap();
    let mut names: Vec<&str> = decks
        .as_object()
        .unwrap()
        .values()
        .map(|d| d["name"].as_str().unwrap())
        .collect();
    names.sort_unstable();
    assert_eq!(names, ["Default", "deck", "deck::Go基础", "deck::并发"]);
    let models: String = db
        .query_row("SELECT models FROM col", [], |r| r.get(0))
        .unwrap();
    let models: serde_json::Value = serde_json::from_str(&models).unwrap();
    let model = &models[apkg::NOTETYPE_ID.to_string()];
    assert_eq!(model["name"], apkg::NOTETYPE_NAME);
    let fields: Vec<&str> = model["flds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    assert_eq!(fields, apkg::FIELDS);

    let rows: Vec<(String, i64, String, String, i64)> = db
        .prepare("SELECT guid, mod, tags, flds, csum FROM notes ORDER BY id")
        .unwrap()
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(rows[0].1, 1_700_000_000);
    assert_eq!(rows[1].1, 1_700_000_500, "note mod comes from the lock");
    assert_eq!(rows[0].2, " deck Go基础 ");
    let fields: Vec<&str> = rows[0].3.split('\x1f').collect();
    assert_eq!(fields[0], "make 和 new 的区别？");
    assert_eq!(fields[3], "deck.md:3");
    assert_eq!(
        rows[0].4,
        i64::from(apkg::field_checksum("make 和 new 的区别？"))
    );

    let cards: Vec<(i64, i64, i64, i64)> = db
        .prepare("SELECT type, queue, due, did FROM cards ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(cards[0].0, 0);
    assert_eq!(cards[0].1, 0);
    assert_eq!(
        (cards[0].2, cards[1].2),
        (1, 2),
        "new cards due in source order"
    );
    assert_eq!(cards[0].3, apkg::deck_id("deck::Go基础"));
    assert_eq!(cards[1].3, apkg::deck_id("deck::并发"));
}
