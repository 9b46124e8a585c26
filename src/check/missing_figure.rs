//! Z010 missing-figure: text that points at a figure the notes do not have, or a leftover
//! upload placeholder.

use std::sync::LazyLock;

use regex::Regex;

use super::{DiagnosticExt, Notes, Rule, Span, char_len};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Block, BlockKind};

/// The rule.
pub static RULE: Rule = Rule {
    code: "Z010",
    name: "missing-figure",
    severity: Severity::Warning,
    summary: "Reference to a figure that is not there, or an upload placeholder",
    explanation: "\
## What it does
Flags text that refers to a figure (`如下图`, `见下图`, `下图`, `如图所示`, `上图`) when the
record has no image where the text points, and placeholders an editor leaves when an upload
did not make it into the text (`上传文件：`, `图片上传`, `[图片]`, a bare `image.png`).

## Why it matters
The picture was lost on the way into the notes. The card refers to something the learner will
never see, and the explanation around it often makes no sense without it.

## Example
```
我们用如下图分别表示P、M、G:

上传文件：
```

## Fix
Add the image under the text (`![P、M、G](images/gpm.png)`), or describe in words what it
showed and delete the reference or placeholder.
",
};

/// Words that point at a figure, and whether the figure should come after them.
static REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:如|见|看)?下图|(?:如|见)?上图|如图所示|如图[：:，,]|见图\s*\d*")
        .expect("valid regex")
});
static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\[图片\]|\[image\]|图片上传(?:中|失败)?|上传(?:文件|图片)[：:]|(?-u:\b)[\w-]+\.(?:png|jpe?g|gif|bmp|webp|svg)(?-u:\b)",
    )
    .expect("valid regex")
});
/// Places where a file name is fine: inside an address or a Markdown link/image.
static LINKED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"https?://\S+|!?\[[^\]]*\]\([^)]*\)|<img\b[^>]*>").expect("valid regex")
});

fn shows_image(block: &Block) -> bool {
    block.kind == BlockKind::Image || block.text.contains("![") || block.text.contains("<img")
}

pub(crate) fn check(notes: &Notes<'_>, out: &mut Vec<Diagnostic>) {
    for record in notes.records() {
        let blocks: Vec<&Block> = record.blocks().collect();
        let shows: Vec<bool> = blocks.iter().map(|b| shows_image(b)).collect();
        // Whether an image comes after each block, found in one backward pass: a record of
        // many blocks costs no more than its blocks.
        let mut after = vec![false; blocks.len() + 1];
        for i in (0..blocks.len()).rev() {
            after[i] = after[i + 1] || shows[i];
        }
        let mut image_before = false;
        for (i, block) in blocks.iter().enumerate() {
            let before = image_before;
            image_before |= shows[i];
            if matches!(
                block.kind,
                BlockKind::Code | BlockKind::Link | BlockKind::Image
            ) {
                continue;
            }
            let image_after = after[i + 1];
            for number in block.start_line..=block.end_line {
                let line = notes.line(number);
                if !may_name_figure(line) {
                    continue;
                }
                let finding = placeholder(line).or_else(|| {
                    reference(line).filter(|(_, word)| {
                        let found = if word.contains('上') {
                            before
                        } else if word.contains('下') {
                            image_after
                        } else {
                            before || image_after
                        };
                        !found
                    })
                });
                let Some((byte, word)) = finding else {
                    continue;
                };
                let span = Span::within(number, line, byte, char_len(word));
                let diagnostic = if PLACEHOLDER.is_match(word) {
                    RULE.at(
                        notes.path(),
                        span,
                        format!("`{word}` is a leftover upload placeholder; the file is not in the notes"),
                    )
                    .help("add the image (`![描述](path/to/figure.png)`), or delete the placeholder")
                } else {
                    RULE.at(
                        notes.path(),
                        span,
                        format!("`{word}` refers to a figure, but the record has no image there"),
                    )
                    .help("add the image (`![描述](path/to/figure.png)`), or describe it in words")
                };
                out.push(diagnostic.record(&record.id));
            }
        }
    }
}

/// False when neither [`PLACEHOLDER`] nor [`REFERENCE`] can match `line`: each of their
/// alternatives holds `图`, `上`, `[` or `.`. Most lines hold none, and are passed over without
/// running either expression.
/// Does the line hold `图`, `上`, `[` or `.`? Read as bytes in one pass: UTF-8 finds a
/// character's bytes nowhere but in that character.
fn may_name_figure(line: &str) -> bool {
    const TU: &[u8] = "图".as_bytes();
    const SHANG: &[u8] = "上".as_bytes();
    let bytes = line.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| match b {
        b'[' | b'.' => true,
        0xE4 | 0xE5 => bytes[i..].starts_with(TU) || bytes[i..].starts_with(SHANG),
        _ => false,
    })
}

/// The first placeholder on the line outside links: byte offset and text.
fn placeholder(line: &str) -> Option<(usize, &str)> {
    // Few lines hold a placeholder: look for links only on those.
    PLACEHOLDER.find(line)?;
    let linked: Vec<_> = LINKED.find_iter(line).map(|m| m.range()).collect();
    PLACEHOLDER
        .find_iter(line)
        .find(|m| !linked.iter().any(|r| r.contains(&m.start())))
        .map(|m| (m.start(), m.as_str()))
}

/// The first figure reference on the line: byte offset and text.
fn reference(line: &str) -> Option<(usize, &str)> {
    REFERENCE.find(line).map(|m| {
        (
            m.start(),
            m.as_str().trim_end_matches(['：', ':', '，', ',']),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders() {
        assert_eq!(placeholder("上传文件："), Some((0, "上传文件：")));
        assert_eq!(placeholder("见 [图片] 吧").map(|p| p.1), Some("[图片]"));
        assert_eq!(
            placeholder("截图 image.png").map(|p| p.1),
            Some("image.png")
        );
        assert_eq!(placeholder("![图](image.png)"), None);
        assert_eq!(placeholder("https://a.com/x/image.png"), None);
        assert_eq!(placeholder("上传文件到服务器"), None);
    }

    #[test]
    fn figure_words_are_found_as_bytes() {
        assert_eq!(("图".as_bytes()[0], "上".as_bytes()[0]), (0xE5, 0xE4));
        for line in [
            "",
            "图",
            "x上",
            "[",
            "a.b",
            "如下图",
            "上图吧",
            "没有",
            "一二三四五六",
        ] {
            assert_eq!(
                may_name_figure(line),
                line.contains(['图', '上', '[', '.']),
                "{line}"
            );
        }
    }

    #[test]
    fn references() {
        assert_eq!(
            reference("我们用如下图分别表示P、M、G:").map(|r| r.1),
            Some("如下图")
        );
        assert_eq!(reference("如图所示，").map(|r| r.1), Some("如图所示"));
        assert_eq!(reference("如图：").map(|r| r.1), Some("如图"));
        assert_eq!(reference("例如图书馆"), None);
    }
}
