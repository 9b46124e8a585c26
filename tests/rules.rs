//! The check stage end to end: one fixture per rule under `tests/fixtures/rules/<CODE>.txt`,
//! the reference notes, the registry's invariants and the README's rules table.

use std::collections::HashSet;
use std::path::Path;

use zhika::check::{RULES, check};
use zhika::config::Config;
use zhika::diagnostic::{Diagnostic, Severity};
use zhika::parse::{Parsed, parse};
use zhika::read::SourceText;
use zhika::report;

const FIXTURES: &str = "tests/fixtures/rules";
const REFERENCE: &str = "source/go-interview.txt";
const README: &str = "README.md";
const TABLE_START: &str = "<!-- rules:start -->";
const TABLE_END: &str = "<!-- rules:end -->";

fn load(path: &str) -> Parsed {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    parse(&SourceText::decode(path, &bytes).expect("a text file"))
}

fn from_text(path: &str, text: &str) -> Parsed {
    parse(&SourceText::decode(path, text.as_bytes()).expect("a text file"))
}

fn check_one(path: &str) -> Vec<Diagnostic> {
    check(&[load(path)], &Config::default()).remove(0)
}

fn fixture(code: &str) -> String {
    format!("{FIXTURES}/{code}.txt")
}

fn codes_and_lines(found: &[Diagnostic]) -> Vec<(&str, u32)> {
    found.iter().map(|d| (d.code.as_str(), d.line)).collect()
}

#[test]
fn each_fixture_snapshot() {
    for rule in RULES {
        let found = check_one(&fixture(rule.code));
        insta::assert_snapshot!(rule.code, report::short(&found));
    }
}

#[test]
fn registry_is_consistent() {
    let mut codes = HashSet::new();
    let mut names = HashSet::new();
    for rule in RULES {
        let code = rule.code.as_bytes();
        assert!(
            code.len() == 4 && code[0] == b'Z' && code[1..].iter().all(u8::is_ascii_digit),
            "{}: codes are Z and three digits",
            rule.code
        );
        assert!(
            codes.insert(rule.code),
            "{}: code registered twice",
            rule.code
        );
        assert!(
            !rule.name.is_empty()
                && !rule.name.starts_with('-')
                && !rule.name.ends_with('-')
                && !rule.name.contains("--")
                && rule
                    .name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "{}: `{}` is not kebab-case",
            rule.code,
            rule.name
        );
        assert!(
            names.insert(rule.name),
            "{}: name `{}` used twice",
            rule.code,
            rule.name
        );
        assert!(!rule.summary.is_empty(), "{}: no summary", rule.code);
        let mut at = 0;
        for heading in [
            "## What it does",
            "## Why it matters",
            "## Example",
            "## Fix",
        ] {
            let found = rule.explanation[at..].find(heading).unwrap_or_else(|| {
                panic!("{}: explanation lacks `{heading}` (in order)", rule.code)
            });
            at += found + heading.len();
        }
    }
    let mut sorted: Vec<_> = RULES.iter().map(|r| r.code).collect();
    sorted.sort_unstable();
    assert_eq!(
        sorted,
        RULES.iter().map(|r| r.code).collect::<Vec<_>>(),
        "RULES is in code order"
    );
}

#[test]
fn every_rule_fires_on_its_fixture() {
    for rule in RULES {
        let path = fixture(rule.code);
        assert!(
            Path::new(&path).is_file(),
            "{}: no fixture {path}",
            rule.code
        );
        let found = check_one(&path);
        assert!(
            found.iter().any(|d| d.code == rule.code),
            "{}: its fixture {path} does not trigger it; found:\n{}",
            rule.code,
            report::short(&found)
        );
        assert!(
            zhika::check::lookup(rule.code).is_some() && zhika::check::lookup(rule.name).is_some(),
            "{}: lookup by code and name",
            rule.code
        );
    }
}

#[test]
fn reference_notes() {
    let found = check_one(REFERENCE);
    let pairs = codes_and_lines(&found);
    for expected in [
        ("Z006", 19),
        ("Z006", 62),
        ("Z007", 32),
        ("Z008", 37),
        ("Z009", 59),
        ("Z010", 85),
        ("Z010", 87),
        ("Z011", 123),
        ("Z011", 127),
    ] {
        assert!(
            pairs.contains(&expected),
            "missing {expected:?} in {pairs:?}"
        );
    }
    let go: Vec<(u32, u32)> = found
        .iter()
        .filter(|d| d.code == "Z006")
        .map(|d| (d.line, d.column))
        .collect();
    // `\t\tIf err:=…`: `If` starts at column 3; `num, err := o.Delete(&user` is 26 characters.
    assert_eq!(go, vec![(19, 3), (62, 27)]);
    let go_error = |line: u32| {
        found
            .iter()
            .find(|d| d.code == "Z006" && d.line == line)
            .unwrap()
    };
    assert!(go_error(19).message.contains("`If`"), "{:?}", go_error(19));
    assert!(go_error(62).message.contains("`)`"), "{:?}", go_error(62));
    assert!(
        found.iter().all(|d| d.code != "Z002"),
        "no orphan text in the reference"
    );
    let in_record = |d: &Diagnostic| d.record.is_some();
    assert!(
        found.iter().all(in_record),
        "every finding names its record"
    );
    insta::assert_snapshot!("reference_short", report::short(&found));
}

#[test]
fn findings_are_sorted_and_severities_default() {
    let found = check_one(REFERENCE);
    let keys: Vec<_> = found
        .iter()
        .map(|d| (d.line, d.column, d.code.clone()))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    for d in &found {
        let rule = zhika::check::lookup(&d.code).unwrap();
        assert_eq!(d.severity, rule.severity, "{d:?}");
        assert_eq!(d.name, rule.name, "{d:?}");
    }
}

#[test]
fn config_allows_and_denies() {
    let config = Config::from_toml_str(
        "[rules]\nmixed-punctuation = \"allow\"\nZ011 = \"deny\"\ngo-syntax-error = \"warn\"\n",
    )
    .unwrap();
    let found = check(&[load(REFERENCE)], &config).remove(0);
    assert!(found.iter().all(|d| d.code != "Z012"));
    assert!(
        found
            .iter()
            .filter(|d| d.code == "Z011")
            .all(|d| d.severity == Severity::Error)
    );
    assert!(
        found
            .iter()
            .filter(|d| d.code == "Z006")
            .all(|d| d.severity == Severity::Warning)
    );
    // Parse-stage findings obey the config too.
    let config = Config::from_toml_str("[rules]\nZ009 = \"allow\"\n").unwrap();
    let found = check(&[load(REFERENCE)], &config).remove(0);
    assert!(found.iter().all(|d| d.code != "Z009"));
}

#[test]
fn duplicate_question_across_decks() {
    let a = from_text("notes/a.txt", "1. make与new的区别\nmake 用于内存分配。\n");
    let b = from_text(
        "notes/b.txt",
        "1. 什么是通道？\n通道用来传递数据。\n\n2. Make 与 new 的区别？\nnew 返回指针。\n",
    );
    let found = check(&[a, b], &Config::default());
    assert_eq!(found.len(), 2);
    assert!(found[0].is_empty(), "{:?}", found[0]);
    assert_eq!(
        report::short(&found[1]),
        "notes/b.txt:4:1: warning[Z005]: the same question is already asked at notes/a.txt:1\n"
    );
}

#[test]
fn human_report_of_the_reference() {
    let parsed = load(REFERENCE);
    let sources =
        std::collections::HashMap::from([(parsed.deck.path.clone(), parsed.text.clone())]);
    let found = check(std::slice::from_ref(&parsed), &Config::default()).remove(0);
    let go: Vec<Diagnostic> = found.into_iter().filter(|d| d.code == "Z006").collect();
    insta::assert_snapshot!("reference_human_go", report::human(&go, &sources, false));
}

/// The table between the markers in README.md, as the registry would write it.
#[test]
fn readme_rules_table_matches_registry() {
    let readme = std::fs::read_to_string(README).unwrap_or_default();
    let expected = report::rules_table();
    let table = readme
        .split_once(TABLE_START)
        .and_then(|(_, rest)| rest.split_once(TABLE_END))
        .map(|(table, _)| table.trim());
    assert!(
        table == Some(expected.trim()),
        "README.md's rules table is out of date; put this between `{TABLE_START}` and `{TABLE_END}`:\n\n{expected}"
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]

    /// Whatever the notes hold, checking them and rendering the findings does not panic, and
    /// every finding points inside the file.
    #[test]
    fn never_panics(text in r"([0-9]{1,2}[.、]|```go|func |If |\(|\)|\{|\}|:=|如下图|上传文件：|这段代码|https://a\.b/c|[a-z ]{1,6}|[\u4e00-\u4e20，：:,。？]{1,4}|\t|\n){0,40}") {
        let parsed = from_text("p.txt", &text);
        let lines = u32::try_from(text.lines().count()).unwrap().max(1);
        let sources = std::collections::HashMap::from([("p.txt".to_owned(), parsed.text.clone())]);
        let found = check(std::slice::from_ref(&parsed), &Config::default()).remove(0);
        for d in &found {
            proptest::prop_assert!(d.line >= 1 && d.line <= d.end_line && d.end_line <= lines, "{d:?}");
            proptest::prop_assert!(d.column >= 1, "{d:?}");
        }
        let _ = report::human(&found, &sources, false);
    }
}
