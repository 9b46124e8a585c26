//! Notes as people really write them: one fixture per style (tests/fixtures/styles), each with
//! a snapshot of the records it gives, and the no-line-lost invariant over all of them.

mod common;

use std::fmt::Write as _;
use std::path::Path;

use zhika::read::SourceText;

fn fixtures() -> Vec<std::path::PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/styles");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| zhika::project::is_notes_file(p))
        .collect();
    files.sort();
    files
}

/// The records as a person would check them: number, question, lines, blocks.
fn outline(path: &Path) -> (String, SourceText, zhika::parse::Parsed) {
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let source = SourceText::decode(name, &std::fs::read(path).unwrap()).unwrap();
    let parsed = zhika::parse::parse(&source);
    let mut out = String::new();
    let _ = writeln!(out, "encoding: {}", parsed.deck.encoding);
    for s in &parsed.deck.sections {
        let _ = writeln!(out, "section {} `{}`", s.line, s.title);
    }
    for r in &parsed.records {
        let _ = writeln!(
            out,
            "record {}-{}{} [{}] {}{}",
            r.source.start_line,
            r.source.end_line,
            r.source
                .question_line
                .map_or(String::new(), |q| format!(" asked at {q}")),
            r.number.as_deref().unwrap_or("-"),
            r.question,
            r.section
                .as_ref()
                .map_or(String::new(), |s| format!("  (in {s})"))
        );
        for (side, blocks) in [("front", &r.context), ("back", &r.answer)] {
            for b in blocks {
                let _ = writeln!(
                    out,
                    "  {side} {:?} {}-{}{}: {}",
                    b.kind,
                    b.start_line,
                    b.end_line,
                    b.lang.as_ref().map_or(String::new(), |l| format!(" ({l})")),
                    b.text.replace('\n', "⏎")
                );
            }
        }
    }
    for d in &parsed.diagnostics {
        let _ = writeln!(out, "{}:{} {} {}", d.line, d.column, d.code, d.message);
    }
    (out, source, parsed)
}

#[test]
fn every_style_fixture_matches_its_snapshot() {
    let files = fixtures();
    assert!(
        files.len() >= 15,
        "issue 5 asks for at least 15 style fixtures"
    );
    for path in files {
        let (out, source, parsed) = outline(&path);
        assert_eq!(
            common::coverage_problems(&source, &parsed),
            vec![],
            "{}",
            path.display()
        );
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        insta::assert_snapshot!(name, out);
    }
}

/// The records of `bytes` read as the file `name`: where each starts and ends, moved up by
/// `by` lines, and what it asks; no line lost.
fn records_of(name: &str, bytes: &[u8], by: u32) -> Vec<(u32, u32, String)> {
    let source = SourceText::decode(name.to_owned(), bytes).unwrap();
    let parsed = zhika::parse::parse(&source);
    assert_eq!(
        common::coverage_problems(&source, &parsed),
        vec![],
        "{name}"
    );
    parsed
        .records
        .iter()
        .map(|r| {
            (
                r.source.start_line - by,
                r.source.end_line - by,
                r.question.clone(),
            )
        })
        .collect()
}

/// Every UTF-8 style fixture (not opening with a front matter block, Hexo's too, or a BOM)
/// reads the same once `change` is made to its text, its records moved down by `shift` lines.
fn reads_the_same_after(change: impl Fn(&str) -> String, shift: u32) {
    let mut compared = 0;
    for path in fixtures() {
        let bytes = std::fs::read(&path).unwrap();
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        if text.starts_with("---") || text.starts_with("title: ") || text.starts_with('\u{feff}') {
            continue;
        }
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        assert_eq!(
            records_of(&name, change(text).as_bytes(), shift),
            records_of(&name, &bytes, 0),
            "{name}"
        );
        compared += 1;
    }
    assert!(compared > 200, "only {compared} fixtures compared");
}

/// A YAML front matter block on top of the notes (`---` / `title: …` / `---`) is metadata: every
/// fixture reads the same with one, its records only moved down by the block's lines.
#[test]
fn front_matter_changes_no_reading() {
    const FRONT: &str = "---\ntitle: 面试笔记\ntags: [Vue, Review]\n---\n\n";
    let shift = u32::try_from(FRONT.lines().count()).unwrap();
    reads_the_same_after(|text| format!("{FRONT}{text}"), shift);
}

/// Two blanks at the end of every line (a Markdown line break, as some editors save notes) and
/// CRLF line endings change no reading either.
#[test]
fn trailing_blanks_and_line_endings_change_no_reading() {
    let with_breaks = |text: &str| {
        text.split_inclusive('\n')
            .map(|line| {
                let body = line.trim_end_matches(['\r', '\n']);
                let end = &line[body.len()..];
                if body.trim().is_empty() {
                    line.to_owned()
                } else {
                    format!("{body}  {end}")
                }
            })
            .collect::<String>()
    };
    reads_the_same_after(with_breaks, 0);
    reads_the_same_after(|text| text.replace("\r\n", "\n").replace('\n', "\r\n"), 0);
}

/// The same notes saved as GB18030 or as UTF-16 with a BOM read the same as in UTF-8 (files
/// GB18030 cannot hold, emoji and such, are left out of that half).
#[test]
fn encodings_change_no_reading() {
    let (mut gb18030, mut utf16) = (0, 0);
    for path in fixtures() {
        let bytes = std::fs::read(&path).unwrap();
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let want = records_of(&name, text.as_bytes(), 0);
        let (encoded, _, unmappable) = encoding_rs::GB18030.encode(text);
        if !unmappable {
            assert_eq!(records_of(&name, &encoded, 0), want, "{name} in GB18030");
            gb18030 += 1;
        }
        let mut wide = vec![0xFF, 0xFE];
        wide.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(records_of(&name, &wide, 0), want, "{name} in UTF-16");
        utf16 += 1;
    }
    assert!(
        gb18030 > 200 && utf16 > 250,
        "{gb18030} and {utf16} fixtures compared"
    );
}

/// `1. ` and `1、` number a question alike: every fixture reads the same with one written for
/// the other at the start of its lines.
#[test]
fn number_separators_change_no_reading() {
    let swap = |from: &str, to: &str| {
        let (from, to) = (from.to_owned(), to.to_owned());
        move |text: &str| {
            text.split_inclusive('\n')
                .map(|line| {
                    let digits =
                        line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
                    match line[digits..].strip_prefix(from.as_str()) {
                        Some(rest) if (1..=3).contains(&digits) => {
                            format!("{}{to}{rest}", &line[..digits])
                        }
                        _ => line.to_owned(),
                    }
                })
                .collect::<String>()
        }
    };
    reads_the_same_after(swap(". ", "、"), 0);
    reads_the_same_after(swap("、", ". "), 0);
}

/// Whether each line of `text` is a fence line or lies inside a fenced block, read the way
/// Markdown pairs fences (a closing fence of the same character, at least as long; a fence
/// behind a list item's marker, ```` - ``` ```` or ```` 10. ``` ````, opens one closed as deep as
/// its item).
fn fenced_lines(text: &str) -> Vec<bool> {
    // The opened fence's character, length, and the column its closing fence may be indented
    // past by three (a list item's fence's own column, else the margin).
    let mut open: Option<(char, usize, usize)> = None;
    text.lines()
        .map(|line| {
            let t = line.trim_start_matches(' ');
            let indent = line.len() - t.len();
            let mark = t.chars().next().filter(|c| matches!(c, '`' | '~'));
            let run = mark.map_or(0, |c| t.len() - t.trim_start_matches(c).len());
            match open {
                Some((c, n, column))
                    if mark == Some(c)
                        && run >= n
                        && indent <= column + 3
                        && t[run..].trim().is_empty() =>
                {
                    open = None;
                    true
                }
                Some(_) => true,
                None => {
                    let item = item_fence_column(line);
                    let f = &line[item.unwrap_or(indent)..];
                    let c = f.chars().next().filter(|c| matches!(c, '`' | '~'));
                    let n = c.map_or(0, |c| f.len() - f.trim_start_matches(c).len());
                    let fence = indent <= 3 && n >= 3;
                    if fence && c.is_some() {
                        // A plain fence closes within three spaces of the margin.
                        open = c.map(|c| (c, n, item.unwrap_or(0)));
                    }
                    fence
                }
            }
        })
        .collect()
}

/// Where the fence of a list item's line starts (```` - ``` ```` → 2, ```` 10. ```bash ```` → 4).
fn item_fence_column(line: &str) -> Option<usize> {
    let t = line.trim_start_matches(' ');
    let indent = line.len() - t.len();
    let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let after = if t.starts_with(['-', '*', '+']) {
        1
    } else if (1..=3).contains(&digits) && t[digits..].starts_with(['.', ')']) {
        digits + 1
    } else {
        return None;
    };
    let rest = &t[after..];
    let fence = rest.trim_start_matches(' ');
    (indent <= 3
        && fence.len() < rest.len()
        && (fence.starts_with("```") || fence.starts_with("~~~")))
    .then(|| line.len() - fence.len())
}

/// Every fence line of `text` written in tildes, `longer` more than it had backticks.
fn tilde_fences(text: &str, longer: usize) -> String {
    let fenced = fenced_lines(text);
    text.split_inclusive('\n')
        .zip(fenced.iter().chain(std::iter::repeat(&false)))
        .map(|(line, &fenced)| {
            let indent = item_fence_column(line)
                .unwrap_or_else(|| line.len() - line.trim_start_matches(' ').len());
            let t = &line[indent..];
            let run = t.len() - t.trim_start_matches('`').len();
            if fenced && run >= 3 && !t[run..].contains('`') {
                format!(
                    "{}{}{}",
                    &line[..indent],
                    "~".repeat(run + longer),
                    &t[run..]
                )
            } else {
                line.to_owned()
            }
        })
        .collect()
}

/// A block fenced with tildes reads as one fenced with backticks, as many of them or fewer
/// (a closing fence of four tildes or more is drawn like a rule, and is still a fence).
#[test]
fn tilde_fences_change_no_reading() {
    let rewritten = fixtures()
        .iter()
        .filter_map(|path| std::fs::read_to_string(path).ok())
        .filter(|text| tilde_fences(text, 0) != *text)
        .count();
    assert!(rewritten >= 30, "only {rewritten} fixtures hold fences");
    reads_the_same_after(|text| tilde_fences(text, 0), 0);
    reads_the_same_after(|text| tilde_fences(text, 1), 0);
}

/// Every bold span that stands between blanks (`**什么是协程？**`) written in underscores
/// (`__什么是协程？__`), outside fenced blocks.
fn underscore_bold(text: &str) -> String {
    static BOLD: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(^|[ \t])\*\*([^*\s](?:[^*]*[^*\s])?)\*\*([ \t]|$)").unwrap()
    });
    let fenced = fenced_lines(text);
    let mut out = String::with_capacity(text.len());
    for (line, &fenced) in text
        .split_inclusive('\n')
        .zip(fenced.iter().chain(std::iter::repeat(&false)))
    {
        let body = line.trim_end_matches(['\r', '\n']);
        if fenced || body.contains('_') {
            out.push_str(line);
            continue;
        }
        // Twice: a blank between two spans serves both.
        let once = BOLD.replace_all(body, "${1}__${2}__${3}");
        out.push_str(&BOLD.replace_all(&once, "${1}__${2}__${3}"));
        out.push_str(&line[body.len()..]);
    }
    out
}

/// Bold written in underscores is bold: every fixture's cards start and end on the same lines
/// with its bold spans written `__…__` (what a card asks may keep the underscores).
#[test]
fn underscore_bold_changes_no_reading() {
    let spans = |name: &str, text: &str| -> Vec<(u32, u32)> {
        records_of(name, text.as_bytes(), 0)
            .into_iter()
            .map(|(start, end, _)| (start, end))
            .collect()
    };
    let (mut rewritten, mut differ) = (0, vec![]);
    for path in fixtures() {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let changed = underscore_bold(text);
        if changed == text {
            continue;
        }
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if spans(&name, &changed) != spans(&name, text) {
            differ.push(name);
        }
        rewritten += 1;
    }
    assert_eq!(differ, Vec::<String>::new());
    assert!(rewritten >= 40, "only {rewritten} fixtures hold bold spans");
}
