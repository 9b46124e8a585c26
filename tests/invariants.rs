//! Properties that hold for any input: the parser never panics, every non-blank line lands in
//! exactly one record, section heading or orphan-text diagnostic, and parsing is deterministic.

mod common;

use proptest::prelude::*;

/// Lines in the shapes notes are written in, so the generator reaches the parser's branches.
fn note_line() -> impl Strategy<Value = String> {
    let fragments = prop::sample::select(vec![
        "1. ",
        "2、",
        "3.  ",
        "10. ",
        "一、",
        "二、",
        "（1）",
        "(2) ",
        "1）",
        "1)) ",
        "Q: ",
        "A: ",
        "问：",
        "答：",
        "答案：",
        "注：",
        "说明：",
        "# ",
        "## ",
        "### 1、",
        "```",
        "```go",
        "~~~",
        "> ",
        "- ",
        "* ",
        "  - ",
        "| a | b |",
        "|---|---|",
        "https://go.dev/x",
        "![图](a.png)",
        "func main() {",
        "}",
        "\tfmt.Println(x)",
        "x := 1",
        "/*",
        "*/",
        "// 注释",
        "什么是协程？",
        "区别",
        "下面的代码输出什么？",
        "如下图：",
        "上传文件：",
        "：",
        "。",
        "？",
        "a\tb\tc",
        "\u{3000}\u{3000}缩进",
        "****1.",
        "@@@1)))",
        "-----",
        "",
        " ",
        "\t",
        "\u{feff}",
        "中文内容",
        "English text",
        "{",
        "(",
        "\"",
        "\\",
        // Shapes the later readings look for: subject outlines, containers, fill-in blanks,
        // answer boxes, glued headings, quoted names, closing remarks.
        "- By. ",
        "\t- ",
        "\t\t- ",
        "\t* ",
        "::: info ",
        ":::",
        "{%s%}",
        "{%ends%}",
        "<u>",
        "</u>",
        "q:",
        "* [x] ",
        "###1.",
        "#######",
        "？？？",
        "（尽可能多）",
        "“",
        "[阅读更多](/a.md)",
        "---",
        "___",
        "__",
        "  ",
    ]);
    prop::collection::vec(
        prop_oneof![fragments.prop_map(str::to_owned), ".{0,12}"],
        0..4,
    )
    .prop_map(|parts| parts.concat())
}

fn notes() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(note_line(), 0..40),
        prop::sample::select(vec!["\n", "\r\n", "\r"]),
    )
        .prop_map(|(lines, eol)| lines.join(eol))
}

fn check_invariants(text: &str) {
    let (source, parsed) = match common::try_parse_str("notes.txt", text) {
        Ok(ok) => ok,
        Err(err) => {
            // Only binary-looking input may be refused, and the refusal names the file.
            assert!(text.chars().any(char::is_control), "refused text: {text:?}");
            assert!(err.to_string().starts_with("notes.txt: not a text file"));
            return;
        }
    };
    let problems = common::coverage_problems(&source, &parsed);
    assert!(
        problems.is_empty(),
        "lines with owners != 1: {problems:?}\n{text:?}"
    );
    for record in &parsed.records {
        assert!(record.source.start_line <= record.source.end_line);
        for block in record.blocks() {
            assert!(record.source.start_line <= block.start_line);
            assert!(block.end_line <= record.source.end_line);
        }
    }
    let (_, again) = common::parse_str("notes.txt", text);
    assert_eq!(
        serde_json::to_string(&parsed.records).unwrap(),
        serde_json::to_string(&again.records).unwrap()
    );
    let diagnostics = parsed.diagnostics.clone();
    let document = zhika::pipeline::document(parsed, diagnostics);
    for record in &document.records {
        assert!(!record.front_html.contains("<script"));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn note_shaped_text_keeps_every_line(text in notes()) {
        check_invariants(&text);
    }

    #[test]
    fn arbitrary_text_keeps_every_line(text in any::<String>()) {
        check_invariants(&text);
    }
}

#[test]
fn reference_notes_keep_every_line() {
    check_invariants(include_str!("../source/go-interview.txt"));
}
