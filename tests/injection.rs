//! Note text never runs as code: markup written in questions, answers, code, lists, tables,
//! links and image text reaches no card, CSV row or Anki field as live markup (only escaped,
//! never dropped); and images that point outside the notes' folder are refused with Z013 and
//! never packaged.

mod markup;

use std::collections::BTreeMap;
use std::io::Read as _;
use std::path::Path;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_zhika");

const SCRIPT: &str = "<script>alert(1)</script>";
const IMG: &str = "<img src=x onerror=alert(1)>";
const JS_LINK: &str = "[x](javascript:alert(1))";
const BOLD: &str = "<b>bold</b>";

/// Notes with the payloads in every place note text can stand.
fn hostile_notes() -> String {
    format!(
        "# {SCRIPT} 分组 {BOLD}\n\
         \n\
         1. {SCRIPT} 是什么？{BOLD}\n\
         答案：{IMG} 与 {BOLD}，见 {JS_LINK}\n\
         \n\
         2. 下面的代码输出什么？{IMG}\n\
         ```go\n\
         fmt.Println(\"{SCRIPT}\") // {BOLD}\n\
         ```\n\
         答案：打印 {BOLD}\n\
         \n\
         3. 列表和表格里的标记会怎样？\n\
         - {SCRIPT}\n\
         - {IMG}\n\
         \x20\x201. {BOLD}\n\
         \n\
         | {BOLD} | {SCRIPT} |\n\
         |---|---|\n\
         | {IMG} | {JS_LINK} |\n\
         \n\
         4. 链接会怎样？\n\
         {JS_LINK}\n\
         \n\
         5. 另一种链接会怎样？\n\
         [{BOLD}](https://go.dev/\"onmouseover=\"alert(1))\n\
         https://go.dev/<script>\n\
         \n\
         6. 图片的说明文字会怎样？\n\
         ![{IMG}](pic.png)\n\
         ![x\" onerror=\"alert(1)](pic.png)\n\
         ![{BOLD}](javascript:alert(1))\n\
         \n\
         7. 注释和引用会怎样？\n\
         > {SCRIPT}\n\
         注：{IMG}\n\
         \n\
         8. 没有语言的代码会怎样？\n\
         ```{BOLD}\n\
         <html>{SCRIPT}</html>\n\
         ```\n\
         \n\
         9. <style>body{{display:none}}</style> 样式会怎样？\n\
         <iframe src=\"javascript:alert(1)\"></iframe>\n\
         <a href=\"javascript:alert(1)\">x</a> <svg onload=alert(1)>\n"
    )
}

fn zhika(dir: &Path, args: &[&str]) -> Output {
    let out = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .output()
        .expect("zhika runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(matches!(out.status.code(), Some(0 | 1)), "{stderr}");
    out
}

/// The HTML is sound (see `markup`), and none of the classic payloads is a live tag or attribute.
fn assert_inert(html: &str, what: &str) {
    let problems = markup::problems(html);
    assert!(problems.is_empty(), "{what}: {problems:?}\n{html}");
    // Note text escapes every `<`, so each raw `<` opens a tag the renderer wrote.
    let quoted = regex::Regex::new(r#""[^"]*""#).unwrap();
    for tag in html.to_ascii_lowercase().split('<').skip(1) {
        let tag = tag.split('>').next().unwrap_or("");
        let name = tag.split([' ', '/']).find(|n| !n.is_empty()).unwrap_or("");
        assert!(
            !["script", "b", "iframe", "svg", "style"].contains(&name),
            "{what}: <{tag}>"
        );
        assert!(
            !tag.contains("href=\"javascript:") && !tag.contains("src=\"javascript:"),
            "{what}: <{tag}>"
        );
        // Attribute values are escaped text; an `onerror` outside them would be an attribute.
        let attributes = quoted.replace_all(tag, "\"\"");
        assert!(
            !(name == "img" && attributes.contains("onerror")),
            "{what}: <{tag}>"
        );
    }
}

fn export(files: &[(&str, &str)]) -> (tempfile::TempDir, Output) {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let out = zhika(dir.path(), &["export", "notes", "-o", "out"]);
    (dir, out)
}

fn json(dir: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(dir.join("out/hostile.json")).unwrap()).unwrap()
}

/// The notes of each field of each note in the package, and the package's media.
struct Package {
    fields: Vec<Vec<String>>,
    media: BTreeMap<String, Vec<u8>>,
}

fn package(path: &Path) -> Package {
    let file = std::fs::File::open(path).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut collection = Vec::new();
    zip.by_name("collection.anki2")
        .unwrap()
        .read_to_end(&mut collection)
        .unwrap();
    let db = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(db.path(), &collection).unwrap();
    let conn = rusqlite::Connection::open(db.path()).unwrap();
    let mut stmt = conn.prepare("SELECT flds FROM notes ORDER BY id").unwrap();
    let fields = stmt
        .query_map([], |row| row.get::<_, String>(0))
        .unwrap()
        .map(|f| f.unwrap().split('\x1f').map(str::to_owned).collect())
        .collect();
    let mut index = String::new();
    zip.by_name("media")
        .unwrap()
        .read_to_string(&mut index)
        .unwrap();
    let index: BTreeMap<String, String> = serde_json::from_str(&index).unwrap();
    let media = index
        .into_iter()
        .map(|(entry, name)| {
            let mut bytes = Vec::new();
            zip.by_name(&entry)
                .unwrap()
                .read_to_end(&mut bytes)
                .unwrap();
            (name, bytes)
        })
        .collect();
    Package { fields, media }
}

#[test]
fn markup_in_notes_is_never_live() {
    let (dir, _) = export(&[
        ("notes/hostile.md", &hostile_notes()),
        ("notes/pic.png", "\u{89}PNG"),
    ]);
    let doc = json(dir.path());
    let records = doc["records"].as_array().unwrap();
    assert_eq!(records.len(), 9, "{records:#?}");
    let mut all_html = String::new();
    for record in records {
        for side in ["front_html", "back_html"] {
            let html = record[side].as_str().unwrap();
            assert_inert(html, &format!("{} {side}", record["question"]));
            all_html.push_str(html);
        }
    }
    // Escaped, not dropped: the learner still sees what was written.
    for shown in [
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "&lt;b&gt;bold&lt;/b&gt;",
        "&lt;img src=x onerror=alert(1)&gt;",
        "javascript:alert(1)",
        "&lt;iframe",
    ] {
        assert!(all_html.contains(shown), "`{shown}` is not shown");
    }

    let csv = std::fs::read(dir.path().join("out/hostile.csv")).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .comment(Some(b'#'))
        .from_reader(csv.as_slice());
    let rows: Vec<_> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 9);
    for row in &rows {
        assert_inert(&row[0], "CSV Front");
        assert_inert(&row[1], "CSV Back");
        // GUID, Tags and Deck are plain-text columns: Anki never renders them as HTML.
    }

    let package = package(&dir.path().join("out/hostile.apkg"));
    assert_eq!(package.fields.len(), 9);
    for fields in &package.fields {
        for field in fields {
            assert_inert(field, ".apkg field");
        }
    }
}

#[test]
fn code_blocks_keep_markup_as_text() {
    let notes = format!(
        "1. 这段代码输出什么？\n```go\nfmt.Println(\"{SCRIPT}\")\n```\n答案：{BOLD}\n\n\
         2. 未加围栏的代码呢？\nfunc main() {{\n\tfmt.Println(\"{IMG}\")\n}}\n"
    );
    let (dir, _) = export(&[("notes/hostile.txt", &notes)]);
    let doc = json(dir.path());
    for record in doc["records"].as_array().unwrap() {
        for side in ["front_html", "back_html"] {
            assert_inert(record[side].as_str().unwrap(), side);
        }
    }
    let first = doc["records"][0]["front_html"].as_str().unwrap();
    assert!(first.contains("&lt;script&gt;"), "{first}");
}

/// Images that resolve outside the notes' folder: refused with Z013 (an error), shown on the
/// card only as text, and left out of the package; an image inside the folder is packaged.
#[test]
fn media_outside_the_notes_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("secret.png");
    std::fs::write(&secret, "SECRET-OUTSIDE").unwrap();
    let notes = format!(
        "1. 相对路径跳出目录会怎样？\n![](../../etc/passwd)\n\n\
         2. 绝对路径会怎样？\n![密码](/etc/passwd)\n\n\
         3. 指向外面的文件会怎样？\n![秘密](../secret.png)\n\n\
         4. 绕一圈再跳出去会怎样？\n![秘密](img/../../secret.png)\n\n\
         5. file 地址会怎样？\n![秘密]({})\n\n\
         6. 目录里的图片呢？\n![好图](img/ok.png)\n\n\
         7. 目录里的符号链接呢？\n![链接](img/link.png)\n",
        format_args!("file://{}", secret.display())
    );
    std::fs::create_dir_all(dir.path().join("notes/img")).unwrap();
    std::fs::write(dir.path().join("notes/hostile.txt"), notes).unwrap();
    std::fs::write(dir.path().join("notes/img/ok.png"), "INSIDE").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(&secret, dir.path().join("notes/img/link.png")).unwrap();

    let out = zhika(dir.path(), &["export", "notes", "-o", "out"]);
    assert_eq!(out.status.code(), Some(1), "Z013 is an error");
    let doc = json(dir.path());
    let z013: Vec<u64> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "Z013")
        .map(|d| {
            assert_eq!(d["severity"], "error");
            d["line"].as_u64().unwrap()
        })
        .collect();
    assert_eq!(z013, [2, 5, 8, 11, 14]);

    let records = doc["records"].as_array().unwrap();
    for record in &records[..5] {
        let back = record["back_html"].as_str().unwrap();
        assert!(!back.contains("<img"), "refused image shown: {back}");
        assert_inert(back, "back_html");
    }
    let inside = records[5]["back_html"].as_str().unwrap();
    assert!(inside.contains("<img src=\"ok.png\""), "{inside}");

    let package = package(&dir.path().join("out/hostile.apkg"));
    let names: Vec<&str> = package.media.keys().map(String::as_str).collect();
    assert_eq!(names, ["ok.png"]);
    assert!(
        package.media.values().all(|bytes| bytes == b"INSIDE"),
        "nothing from outside the notes folder is packaged"
    );

    let check = zhika(dir.path(), &["check", "notes", "--format", "short"]);
    let stdout = String::from_utf8_lossy(&check.stdout);
    assert!(
        stdout.contains("notes/hostile.txt:2:1: error[Z013]: image `../../etc/passwd`"),
        "{stdout}"
    );
}

/// Lines in note shapes with markup and odd addresses mixed in, for the property below.
fn hostile_line() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let fragments = prop::sample::select(vec![
        "1. ",
        "2、",
        "一、",
        "（1）",
        "Q: ",
        "答案：",
        "注：",
        "# ",
        "```",
        "```go",
        "```<b>",
        "> ",
        "- ",
        "  1. ",
        "| ",
        " | ",
        "|---|",
        "![",
        "![x](",
        "![<b>\"](",
        "[<i>](",
        "](",
        ")",
        "[",
        "https://go.dev/",
        "javascript:",
        "../",
        "/etc/",
        "file://",
        "data:",
        "a.png",
        "\"",
        "'",
        "<",
        ">",
        "&",
        "&lt;",
        SCRIPT,
        IMG,
        JS_LINK,
        BOLD,
        "onerror=",
        " onmouseover=\"x\"",
        "func main() {",
        "}",
        "\tfmt.Println(\"<b>\")",
        "什么是",
        "？",
        "：",
        "",
        "\t",
    ]);
    prop::collection::vec(
        prop_oneof![fragments.prop_map(str::to_owned), "[a-z<>\"'&=/ ]{0,8}"],
        0..5,
    )
    .prop_map(|parts| parts.concat())
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

    /// Whatever markup the notes hold, the card HTML, the CSV fields and the Anki fields hold
    /// only what the renderer writes.
    #[test]
    fn no_note_text_becomes_markup(lines in proptest::collection::vec(hostile_line(), 0..30)) {
        let text = lines.join("\n");
        let source = zhika::read::SourceText::decode("notes/p.md", text.as_bytes()).unwrap();
        let parsed = zhika::parse::parse(&source);
        let config = zhika::config::Config::default();
        let diagnostics = zhika::check::check(std::slice::from_ref(&parsed), &config).remove(0);
        let document = zhika::pipeline::document(parsed, diagnostics);
        for record in &document.records {
            for html in [&record.front_html, &record.back_html] {
                let problems = markup::problems(html);
                proptest::prop_assert!(problems.is_empty(), "{problems:?}\n{html}\n{text:?}");
            }
            for field in zhika::export::apkg::note_fields(record) {
                let problems = markup::problems(&field);
                proptest::prop_assert!(problems.is_empty(), "{problems:?}\n{field}\n{text:?}");
            }
        }
        let mtimes = std::collections::HashMap::new();
        let deck = zhika::export::DeckExport {
            document: &document,
            mtimes: &mtimes,
            include_unanswered: true,
            source_dir: Path::new("/nonexistent"),
        };
        let csv = zhika::export::Format::Csv.exporter().export(&deck).unwrap();
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .comment(Some(b'#'))
            .from_reader(csv.as_slice());
        for row in reader.records() {
            let row = row.unwrap();
            for html in [&row[0], &row[1]] {
                let problems = markup::problems(html);
                proptest::prop_assert!(problems.is_empty(), "{problems:?}\n{html}\n{text:?}");
            }
        }
    }
}
