//! `scripts/score-boundaries`, the tool that measures record boundaries against a person's
//! labels (how issue 5 is judged), scores a labelled sample of the style fixtures and notices a
//! wrong label.

use std::path::Path;
use std::process::Command;

fn score(folder: &Path) -> String {
    let out = Command::new("python3")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/score-boundaries"))
        .arg(folder)
        .env("ZHIKA_BIN", env!("CARGO_BIN_EXE_zhika"))
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn labelled_fixtures_score_one() {
    let report = score(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/boundaries"));
    assert!(
        report.ends_with("files=4 mean F1=1.000 below 0.9: 0\n"),
        "{report}"
    );
    assert!(
        !report.contains("LOST") && !report.contains("CRASH"),
        "{report}"
    );
    // The notes were exported from a copy: no lock is left beside the fixtures.
    assert!(
        !Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/styles/zhika.lock")
            .exists()
    );
}

#[test]
fn a_wrong_label_lowers_the_score() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("notes.txt"),
        "1. 什么是协程？\n用户态的轻量级线程。\n\n2. 什么是通道？\n协程之间传递数据的管道。\n",
    )
    .unwrap();
    // Line 2 is an answer, not a question; the question on line 4 is not labelled.
    std::fs::write(
        dir.path().join("expected.tsv"),
        "file\tstarts\tdontcare\nnotes.txt\t1 2\t\n",
    )
    .unwrap();
    let report = score(dir.path());
    assert!(report.contains("P=0.50 R=0.50 F1=0.50"), "{report}");
    assert!(
        report.contains("FP: [4]") && report.contains("FN: ['2']"),
        "{report}"
    );
    assert!(report.ends_with("below 0.9: 1\n"), "{report}");
}
