//! Arbitrary bytes through the whole pipeline: read → parse → check → render → export (JSON,
//! CSV, .apkg), asserting what zhika promises for any input:
//!
//! - nothing panics; a refused file is refused by name;
//! - every non-blank line lands in exactly one record, section heading or orphan-text finding;
//! - every finding points inside the file;
//! - card HTML (the JSON's `front_html`/`back_html`, the CSV's fields, the .apkg's note fields)
//!   holds only the markup the renderer writes: note text is never live;
//! - the JSON validates against the published schema, reads back as the same document, and a
//!   second run gives the same bytes;
//! - the .apkg is a zip with `collection.anki2`, and packages no file from outside the notes'
//!   folder.

#![no_main]

use std::collections::{BTreeMap, HashMap};
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use zhika::config::Config;
use zhika::export::{DeckExport, Format};
use zhika::model::Document;
use zhika::read::SourceText;

#[path = "../../tests/common/mod.rs"]
mod common;
#[path = "../../tests/markup/mod.rs"]
mod markup;

const PATH: &str = "notes/fuzz.txt";

static SCHEMA: LazyLock<jsonschema::Validator> = LazyLock::new(|| {
    let schema: serde_json::Value =
        serde_json::from_str(&zhika::export::json::schema()).expect("schema is JSON");
    jsonschema::validator_for(&schema).expect("schema compiles")
});

/// A notes folder holding `a.png`, next to a `secret.png` that must never be packaged.
static NOTES_DIR: LazyLock<PathBuf> = LazyLock::new(|| {
    let root = std::env::temp_dir().join(format!("zhika-fuzz-{}", std::process::id()));
    let notes = root.join("notes");
    std::fs::create_dir_all(&notes).expect("temp folder");
    std::fs::write(notes.join("a.png"), b"\x89PNG inside").expect("temp file");
    std::fs::write(root.join("secret.png"), b"\x89PNG outside").expect("temp file");
    notes.canonicalize().expect("temp folder")
});

fuzz_target!(|data: &[u8]| {
    let Some((document, json)) = pipeline(data) else {
        return;
    };
    let again = pipeline(data).map(|(_, json)| json);
    assert!(again.as_ref() == Some(&json), "a re-export differs");

    let value: serde_json::Value = serde_json::from_slice(&json).expect("JSON export parses");
    if let Err(error) = SCHEMA.validate(&value) {
        panic!("JSON export breaks the schema: {error}");
    }
    let read_back: Document = serde_json::from_value(value).expect("JSON reads back");
    assert!(
        read_back == document,
        "JSON does not read back as the same document"
    );

    let mtimes = HashMap::new();
    let deck = DeckExport {
        document: &document,
        mtimes: &mtimes,
        include_unanswered: true,
        source_dir: &NOTES_DIR,
    };
    check_csv(&Format::Csv.exporter().export(&deck).expect("CSV export"));
    for record in &document.records {
        for field in zhika::export::apkg::note_fields(record) {
            assert_live_markup_free(&field, "an .apkg field");
        }
        for (_, path) in zhika::export::apkg::note_media(record, &NOTES_DIR) {
            assert!(
                path.starts_with(&*NOTES_DIR),
                "{} is outside the notes folder",
                path.display()
            );
        }
    }
    check_apkg(&Format::Apkg.exporter().export(&deck).expect("apkg export"));
});

/// Read, parse, check and render `data`, assert the invariants of the records, and return the
/// document and its JSON export; `None` when the reader refuses the bytes.
fn pipeline(data: &[u8]) -> Option<(Document, Vec<u8>)> {
    let source = match SourceText::decode(PATH, data) {
        Ok(source) => source,
        Err(error) => {
            let message = error.to_string();
            assert!(
                message.starts_with(&format!("{PATH}: not a text file")),
                "{message}"
            );
            return None;
        }
    };
    let parsed = zhika::parse::parse(&source);
    let problems = common::coverage_problems(&source, &parsed);
    assert!(problems.is_empty(), "lines with owners != 1: {problems:?}");
    let line_count = u32::try_from(source.lines().count())
        .expect("line count")
        .max(1);
    let diagnostics =
        zhika::check::check(std::slice::from_ref(&parsed), &Config::default()).remove(0);
    for d in &diagnostics {
        assert!(
            1 <= d.line && d.line <= d.end_line && d.end_line <= line_count && d.column >= 1,
            "finding outside the file ({line_count} lines): {d:?}"
        );
    }
    let document = zhika::pipeline::document(parsed, diagnostics);
    for record in &document.records {
        assert!(record.source.start_line <= record.source.end_line);
        assert_live_markup_free(&record.front_html, "front_html");
        assert_live_markup_free(&record.back_html, "back_html");
    }
    let mtimes = HashMap::new();
    let deck = DeckExport {
        document: &document,
        mtimes: &mtimes,
        include_unanswered: true,
        source_dir: Path::new("/nonexistent"),
    };
    let json = Format::Json.exporter().export(&deck).expect("JSON export");
    Some((document, json))
}

fn assert_live_markup_free(html: &str, what: &str) {
    let problems = markup::problems(html);
    assert!(problems.is_empty(), "{what}: {problems:?}\n{html}");
}

/// Every row's Front and Back are sound card HTML.
fn check_csv(bytes: &[u8]) {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .comment(Some(b'#'))
        .flexible(false)
        .from_reader(bytes);
    for row in reader.records() {
        let row = row.expect("CSV parses");
        assert_eq!(row.len(), 5, "CSV row width");
        assert_live_markup_free(&row[0], "CSV Front");
        assert_live_markup_free(&row[1], "CSV Back");
    }
}

/// A zip with `collection.anki2` and a media index naming plain files.
fn check_apkg(bytes: &[u8]) {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect(".apkg is a zip");
    assert!(
        zip.by_name("collection.anki2").is_ok(),
        ".apkg has collection.anki2"
    );
    let mut index = String::new();
    zip.by_name("media")
        .expect(".apkg has a media index")
        .read_to_string(&mut index)
        .expect("media index is text");
    let index: BTreeMap<String, String> =
        serde_json::from_str(&index).expect("media index is a JSON object");
    for name in index.values() {
        assert!(
            !name.is_empty() && !name.contains(['/', '\\']) && name != ".." && name != ".",
            "media name {name:?}"
        );
    }
}
