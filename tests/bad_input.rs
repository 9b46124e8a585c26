//! Bad input and hostile conditions, end to end through the real binary: every case gets a
//! clear message naming the file, exit code 0, 1 or 2, never a panic, and leaves only whole,
//! valid outputs behind. A failed or killed export never costs the previous outputs, and leaves
//! no temporary file behind (a killed one's is cleared by the next export).
#![allow(
    clippy::case_sensitive_file_extension_comparisons,
    clippy::naive_bytecount,
    clippy::format_push_string
)]

use std::collections::BTreeMap;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_zhika");

fn zhika(dir: &Path) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.current_dir(dir)
        .env("NO_COLOR", "1")
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .stdin(Stdio::null());
    cmd
}

/// Run `zhika ARGS` in `dir`; it must end on its own with 0, 1 or 2 and never panic.
fn run(dir: &Path, args: &[&str]) -> Output {
    let out = zhika(dir).args(args).output().expect("zhika runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("panicked"),
        "zhika {args:?} panicked:\n{stderr}"
    );
    let code = out.status.code();
    assert!(
        matches!(code, Some(0..=2)),
        "zhika {args:?} ended with {:?}:\n{stderr}",
        out.status
    );
    out
}

fn code(out: &Output) -> i32 {
    out.status.code().unwrap_or(-1)
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A tool failure: exit 2 and exactly one line, `error: …`, naming `what`.
fn assert_one_line_failure(out: &Output, what: &str) {
    let err = stderr(out);
    assert_eq!(code(out), 2, "{err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(err.starts_with("error: "), "{err}");
    assert!(err.contains(what), "names `{what}`: {err}");
}

fn project(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    dir
}

/// `n` numbered questions with short answers.
fn questions(n: usize) -> String {
    let mut text = String::with_capacity(n * 90);
    for i in 1..=n {
        text.push_str(&format!(
            "{i}. 第{i}个问题：channel 是什么？\n这是第{i}个答案，channel 用于协程之间传递数据。\n\n"
        ));
    }
    text
}

/// Every file in `dir` with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
                .map(|e| {
                    let name = e.file_name().to_string_lossy().into_owned();
                    (name, std::fs::read(e.path()).unwrap())
                })
                .collect()
        })
        .unwrap_or_default()
}

fn temp_files(dir: &Path) -> Vec<String> {
    snapshot(dir)
        .into_keys()
        .filter(|n| n.starts_with('.') && n.ends_with(".tmp"))
        .collect()
}

/// Every output in `dir` is whole: JSON loads as `zhika.records`, CSV parses, an .apkg is a zip
/// holding an `SQLite` `collection.anki2`. Returns how many there are.
fn assert_outputs_valid(dir: &Path) -> usize {
    let files = snapshot(dir);
    for (name, bytes) in &files {
        if name.ends_with(".json") {
            let doc: serde_json::Value =
                serde_json::from_slice(bytes).unwrap_or_else(|e| panic!("{name} is not JSON: {e}"));
            assert_eq!(doc["format"], "zhika.records", "{name}");
        } else if name.ends_with(".csv") {
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .comment(Some(b'#'))
                .from_reader(bytes.as_slice());
            for row in reader.records() {
                let row = row.unwrap_or_else(|e| panic!("{name} is not CSV: {e}"));
                assert_eq!(row.len(), 5, "{name}");
            }
        } else if name.ends_with(".apkg") {
            let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
                .unwrap_or_else(|e| panic!("{name} is not a zip: {e}"));
            let mut head = [0u8; 16];
            zip.by_name("collection.anki2")
                .unwrap_or_else(|e| panic!("{name} has no collection.anki2: {e}"))
                .read_exact(&mut head)
                .unwrap();
            assert_eq!(&head, b"SQLite format 3\0", "{name}");
        }
    }
    assert!(temp_files(dir).is_empty(), "{:?}", temp_files(dir));
    files.len()
}

fn json(dir: &Path, name: &str) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(dir.join(name)).unwrap()).unwrap()
}

fn diagnostics_with_code(doc: &serde_json::Value, code: &str) -> Vec<serde_json::Value> {
    doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == code)
        .cloned()
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Files that are not good notes

#[test]
fn empty_file_exports_an_empty_deck() {
    let dir = project(&[("empty.txt", b"")]);
    let out = run(dir.path(), &["export", "empty.txt", "-o", "out"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("empty: 0 records"),
        "{}",
        stderr(&out)
    );
    assert_eq!(assert_outputs_valid(&dir.path().join("out")), 3);
    assert_eq!(
        json(&dir.path().join("out"), "empty.json")["records"],
        serde_json::json!([])
    );
    let out = run(dir.path(), &["check", "empty.txt", "--format", "short"]);
    assert_eq!(code(&out), 0);
    assert!(stderr(&out).contains("0 records"), "{}", stderr(&out));
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .contains("empty.txt:1:1: warning[Z014]: the file is empty"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn whitespace_only_file_exports_an_empty_deck() {
    let dir = project(&[("blank.txt", " \n\t\n\u{3000}\n\r\n   ".as_bytes())]);
    let out = run(dir.path(), &["export", "blank.txt", "-o", "out"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("blank: 0 records, 0 errors, 1 warnings"),
        "{}",
        stderr(&out)
    );
    let diagnostics = &json(&dir.path().join("out"), "blank.json")["diagnostics"];
    assert_eq!(diagnostics[0]["code"], "Z014", "{diagnostics}");
    assert_outputs_valid(&dir.path().join("out"));
}

#[test]
fn png_data_is_refused_by_name() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0\x1f\xf3\xffa";
    let dir = project(&[("pic.txt", png)]);
    let out = run(dir.path(), &["export", "pic.txt", "-o", "out"]);
    assert_one_line_failure(&out, "pic.txt: not a text file");
    assert!(snapshot(&dir.path().join("out")).is_empty());
    assert_one_line_failure(
        &run(dir.path(), &["check", "pic.txt"]),
        "pic.txt: not a text file",
    );
}

#[test]
fn random_bytes_are_refused_by_name() {
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let bytes: Vec<u8> = (0..8192)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state.to_le_bytes()[3]
        })
        .collect();
    let dir = project(&[("noise.md", &bytes)]);
    let out = run(dir.path(), &["export", "noise.md", "-o", "out"]);
    assert_one_line_failure(&out, "noise.md: not a text file");
}

/// A NUL or two in a long text file (a damaged save) is read: the byte becomes U+FFFD and a
/// Z001 finding names its line and offset. A file that is mostly NULs is binary.
#[test]
fn stray_nul_in_text_is_reported_not_fatal() {
    let mut notes = questions(5).into_bytes();
    let offset = notes.len() + "6. 问题？\n答".len();
    notes.extend_from_slice("6. 问题？\n答\0案。\n".as_bytes());
    let dir = project(&[("notes.txt", &notes), ("tiny.txt", b"1. a\0\0b\n")]);
    let out = run(
        dir.path(),
        &["export", "notes.txt", "-o", "out", "-f", "json"],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let doc = json(&dir.path().join("out"), "notes.json");
    let z001 = diagnostics_with_code(&doc, "Z001");
    assert_eq!(z001.len(), 1, "{z001:?}");
    assert_eq!(z001[0]["line"], 17);
    let message = z001[0]["message"].as_str().unwrap();
    assert!(
        message.contains(&format!("NUL byte at offset {offset}")),
        "{message}"
    );
    assert_eq!(doc["records"][5]["answer"][0]["text"], "答\u{FFFD}案。");

    let out = run(dir.path(), &["export", "tiny.txt", "-o", "out"]);
    assert_one_line_failure(&out, "tiny.txt: not a text file (NUL byte at offset 4)");
}

#[test]
fn invalid_utf8_in_the_middle_is_decoded_with_line_and_offset() {
    let mut notes = questions(3).into_bytes();
    let line = notes.iter().filter(|&&b| b == b'\n').count() + 2;
    notes.extend_from_slice("4. 坏字节？\n这里".as_bytes());
    let offset = notes.len();
    notes
        .extend_from_slice(b"\xff\xfe\xc3 of bytes\n5. \xe5\x90\x8e\xe9\x9d\xa2\xef\xbc\x9f\nok\n");
    let dir = project(&[("bad.txt", &notes)]);

    let out = run(dir.path(), &["check", "bad.txt", "--format", "short"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let expected = format!("bad.txt:{line}:1: warning[Z001]: bytes at offset {offset} ");
    assert!(stdout.contains(&expected), "{expected}\n{stdout}");

    let out = run(
        dir.path(),
        &["export", "bad.txt", "-o", "out", "-f", "json"],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let doc = json(&dir.path().join("out"), "bad.json");
    let z001 = diagnostics_with_code(&doc, "Z001");
    assert_eq!(z001[0]["line"], line);
    assert!(
        z001[0]["message"]
            .as_str()
            .unwrap()
            .contains(&offset.to_string())
    );
    assert_eq!(doc["records"].as_array().unwrap().len(), 5);
    assert!(
        doc["records"][3]["answer"][0]["text"]
            .as_str()
            .unwrap()
            .starts_with("这里\u{FFFD}")
    );
}

// ---------------------------------------------------------------------------------------------
// Sizes and shapes that could take unbounded time

/// Export `notes` as `name`, within `limit`, into valid outputs; the JSON document.
fn export_within(name: &str, notes: &[u8], limit: Duration) -> serde_json::Value {
    let dir = project(&[(name, notes)]);
    let start = Instant::now();
    let out = run(dir.path(), &["export", name, "-o", "out"]);
    let took = start.elapsed();
    assert!(matches!(code(&out), 0 | 1), "{}", stderr(&out));
    assert!(took < limit, "{name}: {took:?} (limit {limit:?})");
    let deck = name.rsplit_once('.').unwrap().0;
    assert!(
        stderr(&out).contains(&format!("{deck}: ")),
        "{}",
        stderr(&out)
    );
    assert_eq!(assert_outputs_valid(&dir.path().join("out")), 3);
    json(&dir.path().join("out"), &format!("{deck}.json"))
}

#[test]
fn three_megabyte_line() {
    let mut notes = "1. 一行很长的答案是什么？\n".to_owned();
    notes.push_str(&"很长的答案，".repeat(3_000_000 / 18));
    notes.push('\n');
    assert!(notes.len() > 3_000_000);
    let doc = export_within("long.txt", notes.as_bytes(), Duration::from_mins(1));
    assert_eq!(doc["records"].as_array().unwrap().len(), 1);
}

#[test]
fn two_thousand_bare_numbers() {
    let doc = export_within(
        "bare.txt",
        "1.\n".repeat(2000).as_bytes(),
        Duration::from_mins(1),
    );
    // Each `1.` is a number with no question and nothing under it, a placeholder reported as
    // a line outside any question (Z002): every line is accounted for.
    assert_eq!(doc["records"].as_array().unwrap().len(), 0);
    assert_eq!(diagnostics_with_code(&doc, "Z002").len(), 2000);
}

#[test]
fn very_deep_indentation_and_nesting() {
    let mut notes = "1. 缩进很深的答案？\n".to_owned();
    notes.push_str(&" ".repeat(100_000));
    notes.push_str("x := 1\n\n2. 嵌套很深的代码输出什么？\nfunc main() ");
    notes.push_str(&"{".repeat(5000));
    notes.push_str("\n\n3. 一层层缩进的代码输出什么？\nfunc main() {\n");
    for depth in 0..5000 {
        notes.push_str(&"\t".repeat(depth % 64));
        notes.push_str("if x {\n");
    }
    notes.push_str(&"}\n".repeat(5001));
    let doc = export_within("deep.txt", notes.as_bytes(), Duration::from_mins(1));
    assert_eq!(doc["records"].as_array().unwrap().len(), 3);
}

#[test]
fn sixty_thousand_questions_in_reasonable_time() {
    let doc = export_within(
        "many.txt",
        questions(60_000).as_bytes(),
        Duration::from_secs(90),
    );
    assert_eq!(doc["records"].as_array().unwrap().len(), 60_000);
}

#[test]
fn crlf_and_lone_cr_read_like_lf() {
    let lf = "# 并发\n\n1. 什么是协程？\n用户态线程。\n\n2. 通道是什么？\n```go\nch := make(chan int)\n```\n";
    let crlf = lf.replace('\n', "\r\n");
    let cr = lf.replace('\n', "\r");
    let dir = project(&[
        ("lf.txt", lf.as_bytes()),
        ("crlf.txt", crlf.as_bytes()),
        ("cr.txt", cr.as_bytes()),
    ]);
    let out = run(dir.path(), &["export", ".", "-o", "out", "-f", "json"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let records = |name: &str| {
        let mut doc = json(&dir.path().join("out"), name);
        let records = doc["records"].take();
        records
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["question"].clone(),
                    r["answer"].clone(),
                    r["back_html"].clone(),
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(records("lf.json").len(), 2);
    assert_eq!(records("crlf.json"), records("lf.json"));
    assert_eq!(records("cr.json"), records("lf.json"));
}

// ---------------------------------------------------------------------------------------------
// Paths that cannot be used

#[test]
fn missing_path_is_one_line() {
    let dir = project(&[]);
    assert_one_line_failure(
        &run(dir.path(), &["export", "nope.txt"]),
        "nope.txt: no such file or directory",
    );
    assert_one_line_failure(
        &run(dir.path(), &["check", "nope"]),
        "nope: no such file or directory",
    );
}

#[test]
fn folder_without_notes_is_one_line() {
    let dir = project(&[("notes/pic.png", b"\x89PNG"), ("notes/sub/x.pdf", b"%PDF")]);
    assert_one_line_failure(
        &run(dir.path(), &["export", "notes", "-o", "out"]),
        "notes: no notes files (.txt, .md) in this folder",
    );
    assert!(!dir.path().join("out").exists());
}

#[test]
fn something_neither_file_nor_folder_is_refused() {
    let dir = project(&[]);
    let status = Command::new("mkfifo")
        .arg(dir.path().join("pipe.txt"))
        .status();
    if !status.is_ok_and(|s| s.success()) {
        return; // no mkfifo here
    }
    assert_one_line_failure(
        &run(dir.path(), &["export", "pipe.txt"]),
        "pipe.txt: not a file or folder",
    );
}

/// Run `zhika ARGS` without the power to bypass file permissions: as root, `setpriv` drops the
/// capabilities that let root read anything. `None` where that is not possible.
fn run_unprivileged(dir: &Path, args: &[&str]) -> Option<Output> {
    let is_root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.trim_ascii() == b"0");
    let out = if is_root {
        Command::new("setpriv")
            .args(["--bounding-set=-dac_override,-dac_read_search", "--", BIN])
            .args(args)
            .current_dir(dir)
            .env("NO_COLOR", "1")
            .output()
            .ok()?
    } else {
        zhika(dir).args(args).output().ok()?
    };
    if stderr(&out).contains("setpriv:") {
        return None;
    }
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
    Some(out)
}

#[cfg(unix)]
#[test]
fn unreadable_notes_are_named() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = project(&[("notes/a.txt", "1. 问题？\n答案。\n".as_bytes())]);
    let notes = dir.path().join("notes");
    let mode = |m| std::fs::Permissions::from_mode(m);
    std::fs::set_permissions(&notes, mode(0o000)).unwrap();
    let folder = run_unprivileged(dir.path(), &["export", "notes", "-o", "out"]);
    let file = run_unprivileged(dir.path(), &["export", "notes/a.txt", "-o", "out"]);
    std::fs::set_permissions(&notes, mode(0o755)).unwrap();
    std::fs::set_permissions(notes.join("a.txt"), mode(0o000)).unwrap();
    let content = run_unprivileged(dir.path(), &["check", "notes"]);
    std::fs::set_permissions(notes.join("a.txt"), mode(0o644)).unwrap();
    let (Some(folder), Some(file), Some(content)) = (folder, file, content) else {
        return; // cannot drop the privilege to read anything here
    };
    assert_one_line_failure(&folder, "notes: cannot read this folder: ");
    assert_one_line_failure(&file, "notes/a.txt: cannot read: ");
    assert_one_line_failure(&content, "notes/a.txt: cannot read: ");
    assert!(!dir.path().join("out").exists());
}

#[test]
fn output_folder_under_a_file_is_one_line() {
    let dir = project(&[
        ("a.txt", "1. 问题？\n答案。\n".as_bytes()),
        ("blocker", b"x"),
    ]);
    assert_one_line_failure(
        &run(dir.path(), &["export", "a.txt", "-o", "blocker/out"]),
        "blocker/out: cannot create the output folder",
    );
    assert_one_line_failure(
        &run(dir.path(), &["export", "a.txt", "-o", "blocker"]),
        "blocker: cannot create the output folder",
    );
    assert_eq!(std::fs::read(dir.path().join("blocker")).unwrap(), b"x");
}

/// An output that cannot be replaced (a folder in its place) fails the export before anything
/// is replaced: the other outputs of the deck keep their previous bytes, though the notes
/// changed, and no temporary file remains.
#[test]
fn output_that_cannot_be_replaced_replaces_nothing() {
    let dir = project(&[("a.txt", "1. 问题？\n答案。\n".as_bytes())]);
    let out_dir = dir.path().join("out");
    let first = run(dir.path(), &["export", "a.txt", "-o", "out"]);
    assert_eq!(code(&first), 0, "{}", stderr(&first));
    std::fs::remove_file(out_dir.join("a.csv")).unwrap();
    std::fs::create_dir(out_dir.join("a.csv")).unwrap();
    std::fs::write(dir.path().join("a.txt"), questions(5)).unwrap();
    let before = snapshot(&out_dir);
    assert_eq!(before.len(), 2);
    let out = run(dir.path(), &["export", "a.txt", "-o", "out"]);
    assert_one_line_failure(&out, "out/a.csv: cannot write: a folder is in the way");
    assert_eq!(snapshot(&out_dir), before);
    assert!(temp_files(&out_dir).is_empty());
}

// ---------------------------------------------------------------------------------------------
// Runs that die or collide

/// A first export of a small version of the notes, to be kept by a failing second one.
fn previous_export(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::write(dir.join("notes.txt"), questions(3)).unwrap();
    let out = run(dir, &["export", "notes.txt", "-o", "out"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let before = snapshot(&dir.join("out"));
    assert_eq!(before.len(), 3);
    before
}

/// `ulimit -f` (the file-size limit) stands in for a full disk: the export fails with exit 2,
/// the previous outputs stay byte for byte, and no partial file remains.
#[cfg(unix)]
#[test]
fn out_of_space_keeps_previous_outputs() {
    let dir = project(&[]);
    let before = previous_export(dir.path());
    std::fs::write(dir.path().join("notes.txt"), questions(3000)).unwrap();
    let out = Command::new("bash")
        .arg("-c")
        .arg(format!(
            "ulimit -f 50; exec '{BIN}' export notes.txt -o out"
        ))
        .current_dir(dir.path())
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .output()
        .unwrap();
    let err = stderr(&out);
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(code(&out), 2, "{:?}: {err}", out.status);
    assert!(
        err.starts_with("error: out/notes.json: cannot write: "),
        "{err}"
    );
    assert_eq!(snapshot(&dir.path().join("out")), before);
}

/// `kill -9` while the temporary outputs are being written: the previous outputs are whole (the
/// old files; should the kill land in the instant of the renames, complete new ones). The
/// killed run's temporary file is cleared by the next export, which succeeds.
#[cfg(unix)]
#[test]
fn kill_9_mid_export_keeps_previous_outputs() {
    let dir = project(&[]);
    let before = previous_export(dir.path());
    std::fs::write(dir.path().join("notes.txt"), questions(20_000)).unwrap();
    let out_dir = dir.path().join("out");
    let mut child = zhika(dir.path())
        .args(["export", "notes.txt", "-o", "out"])
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_mins(2);
    let mut killed_while_writing = false;
    while child.try_wait().unwrap().is_none() && Instant::now() < deadline {
        if !temp_files(&out_dir).is_empty() {
            child.kill().unwrap();
            killed_while_writing = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    let _ = child.kill();
    child.wait().unwrap();
    assert!(
        killed_while_writing,
        "the export ended before it could be killed mid-write"
    );
    let after = snapshot(&out_dir);
    for (name, old) in &before {
        let new = after.get(name).unwrap_or_else(|| panic!("{name} is gone"));
        if new != old {
            let probe = tempfile::tempdir().unwrap();
            std::fs::write(probe.path().join(name), new).unwrap();
            assert_outputs_valid(probe.path());
        }
    }

    let out = run(dir.path(), &["export", "notes.txt", "-o", "out"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(assert_outputs_valid(&out_dir), 3);
}

/// What a run killed at the wrong moment leaves (`.<output>.<random>.tmp`) is removed by the
/// next export into that folder; other files are not touched.
#[test]
fn next_export_removes_a_killed_runs_temp_files() {
    let dir = project(&[("a.txt", "1. 问题？\n答案。\n".as_bytes())]);
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    for name in [
        ".a.json.Ab12Cd.tmp",
        ".a.apkg.zZ9yY8.tmp",
        ".mine.tmp",
        "keep.json",
    ] {
        std::fs::write(out_dir.join(name), "partial").unwrap();
    }
    let out = run(dir.path(), &["export", "a.txt", "-o", "out"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let names: Vec<String> = snapshot(&out_dir).into_keys().collect();
    assert_eq!(
        names,
        [".mine.tmp", "a.apkg", "a.csv", "a.json", "keep.json"]
    );
}

/// Two exports into one folder at the same time take turns: both succeed and every output is
/// whole.
#[test]
fn concurrent_exports_do_not_corrupt_each_other() {
    let dir = project(&[]);
    std::fs::write(dir.path().join("a.txt"), questions(4000)).unwrap();
    std::fs::create_dir(dir.path().join("b")).unwrap();
    std::fs::write(dir.path().join("b/a.txt"), questions(3000)).unwrap();
    let spawn = |notes: &str| {
        zhika(dir.path())
            .args(["export", notes, "-o", "out"])
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    for _ in 0..2 {
        // Same deck name from two notes files: the outputs are one or the other, never a mix.
        let first = spawn("a.txt");
        let second = spawn("b/a.txt");
        for child in [first, second] {
            let out = child.wait_with_output().unwrap();
            assert_eq!(code(&out), 0, "{}", stderr(&out));
        }
        assert_eq!(assert_outputs_valid(&dir.path().join("out")), 3);
        let records = json(&dir.path().join("out"), "a.json")["records"]
            .as_array()
            .unwrap()
            .len();
        assert!(records == 4000 || records == 3000, "{records}");
    }
}

#[test]
fn paths_as_given_appear_in_messages() {
    // A deeper path is named as given, so the learner can find the file.
    let dir = project(&[("deep/er/pic.md", b"\x89PNG\r\n\x1a\n\0\0\0\0")]);
    let path: PathBuf = ["deep", "er", "pic.md"].iter().collect();
    assert_one_line_failure(
        &run(dir.path(), &["export", path.to_str().unwrap()]),
        "deep/er/pic.md: not a text file",
    );
    assert_one_line_failure(
        &run(dir.path(), &["export", "deep"]),
        "deep/er/pic.md: not a text file",
    );
}

// ---------------------------------------------------------------------------------------------
// Found by the fuzzer (`fuzz/`), minimized

/// `![远程图](https:ng)` (an `https:` address without `//`) was not a web address, so it became
/// `<img src="https:ng">`: an image source with a scheme, not a file of the notes. Now it is
/// refused with Z013 and shown as text.
#[test]
fn fuzz_image_address_with_a_scheme_is_no_img_source() {
    let dir = project(&[(
        "notes.txt",
        "1. 远程图是什么？\n![远程图](https:ng)\n".as_bytes(),
    )]);
    let out = run(
        dir.path(),
        &["export", "notes.txt", "-o", "out", "-f", "json"],
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let doc = json(&dir.path().join("out"), "notes.json");
    let back = doc["records"][0]["back_html"].as_str().unwrap();
    assert!(!back.contains("<img"), "{back}");
    assert!(back.contains("![远程图](https:ng)"), "{back}");
    let z013 = diagnostics_with_code(&doc, "Z013");
    assert_eq!(z013.len(), 1);
    assert_eq!(z013[0]["line"], 2);
}
