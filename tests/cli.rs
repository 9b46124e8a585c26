//! End-to-end behaviour of the `zhika` binary: files written, messages, exit codes.

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

fn zhika(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("zhika").unwrap();
    cmd.current_dir(dir)
        .env("NO_COLOR", "1")
        .env("SOURCE_DATE_EPOCH", "1700000000");
    cmd
}

fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("source")).unwrap();
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/source/go-interview.txt"),
        dir.path().join("source/go-interview.txt"),
    )
    .unwrap();
    dir
}

#[test]
fn export_defaults_to_source_and_exports() {
    let dir = project();
    zhika(dir.path())
        .args(["export", "--format", "json"])
        .assert()
        .stderr(predicate::str::contains("go-interview: 12 records"))
        .code(predicate::in_iter([0, 1]));
    let json: serde_json::Value = serde_json::from_slice(
        &std::fs::read(dir.path().join("exports/go-interview.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(json["format"], "zhika.records");
    assert_eq!(json["records"].as_array().unwrap().len(), 12);
}

#[test]
fn export_is_byte_identical_when_nothing_changed() {
    let dir = project();
    zhika(dir.path())
        .args(["export", "-f", "json"])
        .assert()
        .code(predicate::in_iter([0, 1]));
    let first = std::fs::read(dir.path().join("exports/go-interview.json")).unwrap();
    zhika(dir.path())
        .args(["export", "-f", "json"])
        .assert()
        .code(predicate::in_iter([0, 1]));
    let second = std::fs::read(dir.path().join("exports/go-interview.json")).unwrap();
    assert_eq!(first, second);
}

#[test]
fn clean_notes_exit_zero_and_name_the_output() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "1. 什么是协程？\n用户态的轻量级线程。\n",
    )
    .unwrap();
    zhika(dir.path())
        .args(["export", "a.txt", "--out", "out", "-f", "json"])
        .assert()
        .success()
        .stderr(
            predicate::str::contains("a: 1 records").and(predicate::str::contains("out/a.{json}")),
        );
    assert!(dir.path().join("out/a.json").is_file());
}

#[test]
fn missing_path_is_a_tool_failure_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    zhika(dir.path())
        .args(["export", "nope"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nope: no such file or directory"));
}

#[test]
fn folder_without_notes_fails() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("empty")).unwrap();
    zhika(dir.path())
        .args(["export", "empty"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no notes files"));
}

#[test]
fn binary_file_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("pic.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    zhika(dir.path())
        .args(["export", "pic.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("pic.txt: not a text file"));
}

#[test]
fn unwritable_output_fails_and_keeps_nothing_partial() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "1. 问题？\n答案。\n").unwrap();
    std::fs::write(dir.path().join("out"), "a file, not a folder").unwrap();
    zhika(dir.path())
        .args(["export", "a.txt", "--out", "out"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with("error: out"));
}

#[test]
fn bad_arguments_exit_two() {
    let dir = tempfile::tempdir().unwrap();
    zhika(dir.path())
        .args(["export", "--format", "pdf"])
        .assert()
        .code(2);
}

#[test]
fn schema_command_prints_the_published_schema() {
    let dir = tempfile::tempdir().unwrap();
    zhika(dir.path())
        .arg("schema")
        .assert()
        .success()
        .stdout(include_str!("../schema/zhika.records.schema.json"));
}

#[test]
fn check_reports_the_reference_problems_at_their_lines() {
    let dir = project();
    let assert = zhika(dir.path())
        .args(["check", "--format", "short"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("checked 1 file, 12 records"));
    let stdout = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    for want in [
        "source/go-interview.txt:19:3: error[Z006]",
        "source/go-interview.txt:62:27: error[Z006]",
        "source/go-interview.txt:32:1: warning[Z007]",
        "source/go-interview.txt:59:1: warning[Z009]",
        "source/go-interview.txt:123:1: warning[Z011]",
    ] {
        assert!(stdout.contains(want), "missing {want} in\n{stdout}");
    }
}

/// Go code fenced inside a list item (`- ```go`, its lines indented to the item) is checked,
/// and its errors are placed at the source line's column, indent included.
#[test]
fn go_in_a_list_item_is_checked_at_its_source_column() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("notes.md"),
        "## 1. defer 怎么用？\n\n- ```go\n  func main() {\n  \tIf err := f(); err != nil {\n  \t}\n  }\n  ```\n",
    )
    .unwrap();
    zhika(dir.path())
        .args(["check", "--format", "short", "notes.md"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("notes.md:5:4: error[Z006]"));
}

#[test]
fn check_json_is_an_array_of_diagnostics() {
    let dir = project();
    let assert = zhika(dir.path())
        .args(["check", "--format", "json"])
        .assert()
        .code(1);
    let json: serde_json::Value = serde_json::from_slice(&assert.get_output().stdout).unwrap();
    let first = &json.as_array().unwrap()[0];
    for key in [
        "code", "severity", "message", "path", "line", "column", "end_line", "record", "help",
    ] {
        assert!(first.get(key).is_some(), "diagnostic lacks {key}: {first}");
    }
}

#[test]
fn check_human_has_snippet_and_no_colour_off_a_terminal() {
    let dir = project();
    zhika(dir.path())
        .env_remove("NO_COLOR")
        .arg("check")
        .assert()
        .code(1)
        .stdout(
            predicate::str::contains("error[Z006]: Go syntax error")
                .and(predicate::str::contains("19 │"))
                .and(predicate::str::contains("help:"))
                .and(predicate::str::contains("\u{1b}[").not()),
        );
}

#[test]
fn clean_notes_pass_check_and_warnings_fail_only_when_denied() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "1. 什么是协程？\n用户态的轻量级线程。\n",
    )
    .unwrap();
    zhika(dir.path())
        .args(["check", "a.txt"])
        .assert()
        .success();
    std::fs::write(
        dir.path().join("b.txt"),
        "1. 什么是协程？\n\n2. 什么是通道？\n协程间通信的管道。\n",
    )
    .unwrap();
    zhika(dir.path())
        .args(["check", "b.txt"])
        .assert()
        .success();
    zhika(dir.path())
        .args(["check", "b.txt", "--deny-warnings"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("Z003"));
}

#[test]
fn zhika_toml_changes_severities() {
    let dir = project();
    std::fs::write(
        dir.path().join("zhika.toml"),
        "[rules]\ngo-syntax-error = \"warn\"\n",
    )
    .unwrap();
    zhika(dir.path())
        .args(["check", "--format", "short"])
        .assert()
        .success()
        .stdout(predicate::str::contains("warning[Z006]"));
    std::fs::write(
        dir.path().join("zhika.toml"),
        "[rules]\nno-such-rule = \"warn\"\n",
    )
    .unwrap();
    zhika(dir.path())
        .arg("check")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("zhika.toml"));
}

#[test]
fn explain_documents_every_rule() {
    let dir = tempfile::tempdir().unwrap();
    zhika(dir.path())
        .args(["explain", "Z006"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("## What it does").and(predicate::str::contains("## Fix")),
        );
    zhika(dir.path())
        .arg("explain")
        .assert()
        .success()
        .stdout(predicate::str::contains("Z001").and(predicate::str::contains("Z012")));
    zhika(dir.path()).args(["explain", "Z999"]).assert().code(2);
}
