//! Every line of a file classified, on every core, then corrected by what surrounds it:
//! blocks indented as a whole read without their indent, fences paired, bold part titles,
//! front matter and headings inside folded answers hidden, rows of a table of questions and
//! answer headings under a question recognised.

use std::collections::HashSet;
use std::sync::LazyLock;

use rayon::prelude::*;
use regex::Regex;

use super::asking::{asks, ends_asking};
use super::bullet_groups::bullet_groups;
use super::indented_parts::{indent_width, indented_parts, part_heading};
use super::line::{Heading, Kind, Style};
use super::{Ln, TitleShape, blocks, code, line, outliner, titles};
use crate::read::SourceText;

/// Lines a thread classifies in one go: enough to make the hand-off cost nothing.
pub(super) const LINES_PER_TASK: usize = 4096;

pub(super) fn classify_all(source: &SourceText) -> Vec<Ln<'_>> {
    let mut raw: Vec<_> = source.lines().collect();
    strip_margin(&mut raw);
    // Each line is classified alone, once: on every core. The steps below that read lines
    // ahead of the rest ask these kinds, and a line they leave as it was keeps its kind.
    let kinds: Vec<Kind> = raw
        .par_iter()
        .with_min_len(LINES_PER_TASK)
        .map(|l| line::classify(l.text))
        .collect();
    // Each step's texts are freed once the next has read them: a text a line, for every line
    // of the file.
    let texts: Vec<&str> = raw.iter().map(|l| l.text).collect();
    let (parted, mut part_titles) = indented_parts(&texts, &kinds);
    drop(texts);
    let (grouped, group_titles) = bullet_groups(&parted);
    drop(parted);
    let texts = dedent_indented_blocks(&grouped, &raw, &kinds);
    drop(grouped);
    // A line whose text a step changed (cut its indent) is classified again, alone.
    let mut lines: Vec<Ln<'_>> = raw
        .par_iter()
        .zip(texts)
        .zip(kinds)
        .with_min_len(LINES_PER_TASK)
        .map(|((l, text), kind)| {
            let kind = if std::ptr::eq(text, l.text) {
                kind
            } else {
                line::classify(text)
            };
            let text_line = matches!(kind, Kind::Text);
            Ln {
                number: l.number,
                text,
                code: text_line && code::looks_like_code(text),
                structural: text_line && blocks::is_structural(text),
                kind,
                shape: TitleShape::default(),
            }
        })
        .collect();
    drop(raw);
    part_titles.extend(group_titles);
    for (i, title) in part_titles {
        let l = &mut lines[i];
        l.kind = part_heading(title);
        l.code = false;
        l.structural = false;
    }
    pair_fences(&mut lines);
    glued_title_headings(&mut lines);
    bulleted_headings(&mut lines);
    outliner_pages(&mut lines);
    quoted_config_comments(&mut lines);
    glued_hash_comments(&mut lines);
    few_emoji_questions(&mut lines);
    bold_part_titles(&mut lines);
    unbox_fenced_items(&mut lines);
    hide_front_matter(&mut lines);
    hide_style_blocks(&mut lines);
    setext_headings(&mut lines);
    root_prompts(&mut lines);
    hide_folded_headings(&mut lines);
    question_table_rows(&mut lines);
    answer_headings_under_questions(&mut lines);
    solution_headings_under_questions(&mut lines);
    numbers_read_as_decimals(&mut lines);
    auto_numbered_lists(&mut lines);
    spaced_dotted_numbers(&mut lines);
    counted_heading_levels(&mut lines);
    // The title shapes, asked of most lines by several passes, are found once; on every core.
    lines
        .par_iter_mut()
        .with_min_len(LINES_PER_TASK)
        .for_each(|l| {
            l.shape = TitleShape {
                title: titles::title_shape(l),
                colon_label: titles::colon_label_shape(l),
            };
        });
    lines
}

/// Notes indented as a whole (every line that holds anything opens with the same four spaces,
/// say, as when pasted into a page): the shared margin is no indent of any line's, so it is
/// cut from all of them before anything is read. Lines are not copied: each keeps a slice of
/// its text. A front matter block at the top (`---` … `---`) is the page's, at the margin:
/// the notes' margin is found below it.
fn strip_margin(raw: &mut [crate::read::Line<'_>]) {
    let body = if raw.first().is_some_and(|l| l.text.trim_end() == "---") {
        raw.iter()
            .skip(1)
            .position(|l| l.text.trim_end() == "---")
            .map_or(raw.len(), |close| close + 2)
    } else {
        0
    };
    let raw = &mut raw[body..];
    let mut filled = raw.iter().filter(|l| !l.text.trim().is_empty());
    let Some(first) = filled.next() else {
        return;
    };
    let mut margin = &first.text[..first.text.len() - first.text.trim_start().len()];
    for l in filled {
        if margin.is_empty() {
            return;
        }
        // Compared a character at a time: a U+3000 and a `【` share their first two bytes.
        let shared = margin
            .char_indices()
            .zip(l.text.chars())
            .find(|((_, a), b)| a != b)
            .map_or(margin.len(), |((at, _), _)| at);
        margin = &margin[..shared];
    }
    let cut = margin.len();
    if cut == 0 {
        return;
    }
    // A blank line shorter than the margin is left empty.
    for l in raw.iter_mut() {
        l.text = l.text.get(cut..).unwrap_or("");
    }
}

/// A `##` comment at the head of a quoted config block (`>## master 节点配置` /
/// `>brokerRole=SYNC_MASTER`) is part of the code the quote shows, not a heading set off by a
/// quote: a quoted heading right over a quoted line of code is text.
fn quoted_config_comments(lines: &mut [Ln<'_>]) {
    for i in 0..lines.len().saturating_sub(1) {
        if !matches!(lines[i].kind, Kind::Heading(_)) || !lines[i].text.starts_with('>') {
            continue;
        }
        let next = lines[i + 1]
            .text
            .strip_prefix('>')
            .map(|inner| inner.trim_start_matches(['>', ' ', '\t']).trim_end());
        let config = next.is_some_and(|next| {
            next.split_once('=').is_some_and(|(key, _)| {
                !key.is_empty()
                    && key
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
            }) || code::looks_like_code(next)
        });
        if config {
            lines[i].kind = Kind::Text;
            lines[i].code = true;
        }
    }
}

/// Fewest titles typed with one `#` glued to their words that make it how the notes type
/// headings.
const MIN_GLUED_TITLES: usize = 2;

/// Titles typed with one `#` glued to Chinese words (`#Dubbo整体架构是什么样的`,
/// `#集群容错策略`), each after a blank line (or first in the file) over text of its own, no
/// code next to it and no other `#` on the line, are first-level headings, as `# …` would be,
/// in notes that type two such titles or more and no line so glued otherwise. A lone `#标签`
/// (`# Redis 面试题` / `#后端面试`), tags at the end, a directive (`#define MIN(x, y) …`) and
/// comments in a script (`#导入模块` / `import requests` / `#发送请求` / `resp = …`) stay text.
fn glued_title_headings(lines: &mut [Ln<'_>]) {
    /// Longer, the line is a sentence behind a tag more than a title.
    const MAX_CHARS: usize = 60;
    // Lines of that shape, directives aside. Beside code, one is a comment (`#发送请求` /
    // `resp = requests.post(…)`): the notes write comments so, and no such line is a title.
    // All the others must be such titles (tags typed inside the text, `#TCP四次挥手#：` glued
    // under a line, are another way of writing), each over text of its own (a tag at the end,
    // `#八股文`, holds nothing).
    let shaped: Vec<usize> = (0..lines.len())
        .filter(|&i| {
            let l = &lines[i];
            l.text.trim_end().strip_prefix('#').is_some_and(|rest| {
                matches!(l.kind, Kind::Text)
                    && rest.starts_with(|c: char| c.is_alphanumeric())
                    && rest.chars().any(code::is_han)
                    && !directive(rest)
            })
        })
        .collect();
    let titled = |i: usize| {
        let rest = &lines[i].text.trim_end()[1..];
        let body = lines[i + 1..]
            .iter()
            .find(|l| !matches!(l.kind, Kind::Blank))
            .is_some_and(|l| l.markdown_level().is_none() && !l.text.starts_with('#'));
        (i == 0 || matches!(lines[i - 1].kind, Kind::Blank))
            && !rest.contains('#')
            && rest.chars().count() <= MAX_CHARS
            && body
            && !code_next_to(lines, i)
    };
    if shaped.len() < MIN_GLUED_TITLES || !shaped.iter().all(|&i| titled(i)) {
        return;
    }
    for i in shaped {
        let rest = lines[i].text.trim_end()[1..].to_owned();
        if let Kind::Heading(h) = line::classify(&format!("# {rest}")) {
            lines[i].kind = Kind::Heading(h);
            lines[i].code = false;
            lines[i].structural = false;
        }
    }
}

/// A heading typed as a list item at the margin (`* ### Intermediate Level`) over text at the
/// margin that is no bullet (`1. Explain the difference between …`) heads that text: it is
/// the heading. Such items over bullets nested under them, or one after another (`- ## 方法引用`
/// / `- ## 重复注解` / `  - 在Java 8中…`), are a list of topics whose items are bold.
fn bulleted_headings(lines: &mut [Ln<'_>]) {
    let heading_in = |l: &Ln<'_>| {
        l.text
            .strip_prefix(['-', '*', '+'])
            .filter(|r| r.starts_with(' '))
            .map(str::trim_start)
            .filter(|r| r.starts_with('#') && matches!(l.kind, Kind::Text))
            .and_then(|r| match line::classify(r) {
                Kind::Heading(h) if matches!(h.style, Style::Markdown(_)) => Some(h),
                _ => None,
            })
    };
    // The level of the last Markdown heading above: one typed as an item at its level or
    // above (`### Redis 的持久化方式有哪些？` / `* ## RDB` / its text) is a bold label in its
    // answer.
    let mut above = u8::MAX;
    for i in 0..lines.len() {
        if let Kind::Heading(h) = &lines[i].kind
            && let Style::Markdown(level) = h.style
        {
            above = level;
            continue;
        }
        let Some(h) = heading_in(&lines[i]) else {
            continue;
        };
        // A contents entry (`* ### [HTML](#html)`) links to its heading; it is none.
        let outranks =
            matches!(h.style, Style::Markdown(level) if above != u8::MAX && level <= above);
        if outranks || h.title.trim_start().starts_with('[') {
            continue;
        }
        let next = lines[i + 1..]
            .iter()
            .find(|l| !matches!(l.kind, Kind::Blank));
        // Only over a numbered list (`1. What is SQL?`): over a line of prose, `* ## 重点` is
        // emphasis and `* ### 第一阶段` a step of a plan.
        let heads_text = next.is_some_and(|n| {
            !n.indented()
                && !n.text.starts_with(['-', '*', '+'])
                && matches!(&n.kind, Kind::Heading(h) if matches!(
                    h.style,
                    Style::Arabic | Style::Paren | Style::HalfParen | Style::Dotted | Style::Chinese
                ))
        });
        if heads_text {
            lines[i].kind = Kind::Heading(h);
            lines[i].code = false;
            lines[i].structural = false;
        }
    }
}

/// A page written in an outliner (Logseq): its blocks typed or marked as headings, and its
/// cards, are headings; its properties are no text of its own (see [`outliner`]).
fn outliner_pages(lines: &mut [Ln<'_>]) {
    let Some(page) = outliner::Page::read(lines) else {
        return;
    };
    for (b, card) in page.blocks.iter().zip(&page.cards) {
        let kind = match b.heading {
            Some(level) => line::classify(&format!("{} {}", "#".repeat(level), b.front)),
            None if *card => line::classify(&format!("###### {}", b.front)),
            None => continue,
        };
        if let Kind::Heading(h) = kind {
            let l = &mut lines[b.line];
            l.kind = Kind::Heading(h);
            l.code = false;
            l.structural = false;
        }
    }
    for l in lines.iter_mut() {
        if matches!(l.kind, Kind::Text)
            && outliner::property(l.text.trim_start_matches(['\t', ' ']))
        {
            l.kind = Kind::Fenced;
            l.code = false;
            l.structural = false;
        }
    }
}

/// Is the nearest non-blank line above or below line `i` code or a shell command?
fn code_next_to(lines: &[Ln<'_>], i: usize) -> bool {
    let near = |l: &Ln<'_>| l.code || shell_command(l.text);
    let before = lines[..i]
        .iter()
        .rev()
        .find(|l| !matches!(l.kind, Kind::Blank));
    let after = lines[i + 1..]
        .iter()
        .find(|l| !matches!(l.kind, Kind::Blank));
    before.is_some_and(near) || after.is_some_and(near)
}

/// Does the text after a `#` open with a lowercase word and a space or bracket, as a
/// preprocessor directive does (`define MIN(x, y) … //结尾没有;`, `include <stdio.h>`)?
fn directive(rest: &str) -> bool {
    let word = rest.trim_start_matches(|c: char| c.is_ascii_lowercase());
    word.len() < rest.len() && word.starts_with([' ', '\t', '(', '<', '"'])
}

/// A heading typed with one `#` glued to its number (`#一、下载安装包`, `#2.解压`) beside a line
/// of code (`wget https://…`, `tar -zxvf …`), right under a question typed as a heading with a
/// space (`## Hadoop 怎么安装？`), is a comment in the unfenced script that answers it: code,
/// as the lines around it. Elsewhere glued headings may be how the notes are typed
/// (`#Git常用命令` / `#1.初始化仓库` / `git init`; `## 目录` / `#1.下载安装包` / `wget …`).
fn glued_hash_comments(lines: &mut [Ln<'_>]) {
    let glued = |l: &Ln<'_>| {
        matches!(l.kind, Kind::Heading(_))
            && l.text.strip_prefix('#').is_some_and(|rest| {
                !rest.starts_with(['#', ' ', '\t', '\u{3000}']) && !rest.is_empty()
            })
    };
    // A question typed as a heading with a space (`## Hadoop 怎么安装？`): its answer may hold
    // a script.
    let spaced_question = |l: &Ln<'_>| match &l.kind {
        Kind::Heading(h) => {
            l.text.starts_with("##")
                && l.text.trim_start_matches('#').starts_with([' ', '\t'])
                && (crate::parse::asking::asks(&h.title) || h.title.ends_with(['?', '？']))
        }
        _ => false,
    };
    // The nearest heading above, glued ones read as comments aside; whether it is such a
    // question is asked only of the few that have a glued heading beside code under them.
    let mut above: Option<usize> = None;
    for i in 0..lines.len() {
        if glued(&lines[i])
            && code_next_to(lines, i)
            && above.is_some_and(|h| spaced_question(&lines[h]))
        {
            lines[i].kind = Kind::Text;
            lines[i].code = true;
        } else if matches!(lines[i].kind, Kind::Heading(_)) {
            above = Some(i);
        }
    }
}

/// Fewest lines opened by a question-mark emoji (`❓ 介绍一下flex布局`) that make it the notes'
/// mark of a question.
const MIN_EMOJI_QUESTIONS: usize = 3;

/// A question-mark emoji that opens a line or two only (`❓ 还没搞懂，需要再看` in a legend, a note
/// to self in an answer) marks a doubt, not the notes' questions: those lines are text.
fn few_emoji_questions(lines: &mut [Ln<'_>]) {
    let emoji = |l: &Ln<'_>| {
        matches!(l.kind, Kind::Heading(_)) && l.text.trim_start().starts_with(['❓', '❔'])
    };
    if lines.iter().filter(|l| emoji(l)).count() >= MIN_EMOJI_QUESTIONS {
        return;
    }
    for l in lines.iter_mut().filter(|l| emoji(l)) {
        l.kind = Kind::Text;
    }
}

/// Does a line run a shell command (`wget https://…`, `tar -zxvf a.tgz -C /opt`, `./run.sh`,
/// `sbin/start-dfs.sh`): ASCII only, opening with a command scripts often run or a script's
/// path?
fn shell_command(text: &str) -> bool {
    const COMMANDS: &[&str] = &[
        "wget",
        "curl",
        "tar",
        "cd",
        "mkdir",
        "export",
        "sudo",
        "apt",
        "apt-get",
        "yum",
        "pip",
        "npm",
        "docker",
        "kubectl",
        "git",
        "cp",
        "mv",
        "rm",
        "ls",
        "cat",
        "chmod",
        "chown",
        "systemctl",
        "source",
        "echo",
        "make",
        "ssh",
        "scp",
        "unzip",
        "ln",
        "vim",
        "vi",
        "nohup",
        "hdfs",
        "hadoop",
        "java",
        "python",
        "mvn",
        "yarn",
        "service",
    ];
    let t = text.trim_start();
    let Some(first) = t.split_whitespace().next() else {
        return false;
    };
    t.is_ascii()
        && (COMMANDS.contains(&first)
            || std::path::Path::new(first)
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("sh"))
            || (first.contains('/') && !first.contains("//")))
}

/// Pair fences; an opening fence without a closing one is plain text.
fn pair_fences(lines: &mut [Ln<'_>]) {
    // The next bare fence after each line is found in one backward pass, so that many unclosed
    // fences cost no more than one.
    // Whether each line is a bare fence: each line read alone, on every core.
    let bare_fence: Vec<bool> = lines
        .par_iter()
        .with_min_len(LINES_PER_TASK)
        .map(|l| line::fence_info(l.text).is_some_and(|info| info.is_empty()))
        .collect();
    let mut next_bare_fence = vec![None; lines.len() + 1];
    for j in (0..lines.len()).rev() {
        next_bare_fence[j] = if bare_fence[j] {
            Some(j)
        } else {
            next_bare_fence[j + 1]
        };
    }
    let mut i = 0;
    while i < lines.len() {
        if matches!(lines[i].kind, Kind::Fence { .. }) {
            // A list item's fence (`  - ```bash`) is closed by a bare fence indented up to
            // the item's content, deeper than other fences may be.
            let close = match line::item_fence_column(lines[i].text) {
                Some(column) => item_fence_close(lines, i, column),
                None => next_bare_fence[i + 1],
            };
            if let Some(j) = close {
                for l in &mut lines[i + 1..j] {
                    l.kind = Kind::Fenced;
                }
                lines[j].kind = Kind::Fence { info: "".into() };
                i = j + 1;
                continue;
            }
            let l = &mut lines[i];
            l.kind = Kind::Text;
            l.code = code::looks_like_code(l.text);
            l.structural = blocks::is_structural(l.text);
        }
        i += 1;
    }
}

/// Lines a list item's fenced block may run to before it counts as never closed.
const MAX_ITEM_FENCE_LINES: usize = 400;

/// The line that closes a fence opened at `column`, behind a list item's marker, at line `i`
/// (```` 10. ```bash ````, then `    docker image prune -a` and a fence indented as deep): the
/// next bare fence of the same mark, indented at most as deep as the fence it closes plus three.
fn item_fence_close(lines: &[Ln<'_>], i: usize, column: usize) -> Option<usize> {
    let open = lines[i].text;
    let mark = open[column..].chars().next()?;
    let run = open[column..].len() - open[column..].trim_start_matches(mark).len();
    lines
        .iter()
        .enumerate()
        .skip(i + 1)
        .take(MAX_ITEM_FENCE_LINES)
        .find(|(_, l)| {
            let t = l.text.trim_start_matches(' ');
            let indent = l.text.len() - t.len();
            let closing = t.len() - t.trim_start_matches(mark).len();
            indent <= column + 3 && closing >= run && t[closing..].trim().is_empty()
        })
        .map(|(j, _)| j)
}

/// Bare fences used as boxes, one around each item of a quiz (```` ``` ```` / `1. (单选题)…` /
/// `A. …` / `正确答案: C` / ```` ``` ````): a block whose first line is a numbered item and
/// none of whose lines reads as code is text, and the fences only frame it. Two such blocks
/// at least: one alone may be output someone fenced. A block of several numbered lines is a
/// list someone fenced (`1. 类（class）` / `2. 接口（interface）`), not one quiz item.
fn unbox_fenced_items(lines: &mut [Ln<'_>]) {
    let mut boxes = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Kind::Fence { info } = &lines[i].kind else {
            i += 1;
            continue;
        };
        let opens_bare = info.is_empty();
        let Some(close) = (i + 1..lines.len()).find(|&j| !matches!(lines[j].kind, Kind::Fenced))
        else {
            break;
        };
        if !matches!(lines[close].kind, Kind::Fence { .. }) {
            i = close;
            continue;
        }
        let inside = &lines[i + 1..close];
        let mut numbered = inside.iter().enumerate().filter_map(|(k, l)| {
            matches!(line::classify(l.text), Kind::Heading(h)
                if h.number.is_some() && !matches!(h.style, Style::Markdown(_)))
            .then_some(k)
        });
        let first = inside.iter().position(|l| !l.text.trim().is_empty());
        // One numbered item a box, opening it: a fenced list (`1. 类（class）` / `2. 接口
        // （interface）`) is no quiz.
        let one_item = first.is_some() && numbered.next() == first && numbered.next().is_none();
        let prose = inside.iter().all(|l| !code::looks_like_code(l.text));
        // A box with options under its question (`(A) 55`, `B. 45`) is a quiz item even with
        // the code it asks about inside (`3 (  )執行下列程式後，變數k = ?` / `int k=0;` / …).
        let options = inside.iter().filter(|l| option_line(l.text)).count() >= 2;
        if opens_bare && one_item && (prose || options) && inside.len() >= 2 {
            boxes.push((i, close, first.map(|k| i + 1 + k), prose));
        }
        i = close + 1;
    }
    if boxes.len() < 2 {
        return;
    }
    for (open, close, question, prose) in boxes {
        for (j, l) in lines.iter_mut().enumerate().take(close + 1).skip(open) {
            // In a box holding code, only the question and the choices are read again: the
            // code it asks about stays code, whatever its lines look like (`# 累加 5 到 10`).
            let code_line = !prose
                && Some(j) != question
                && !matches!(l.kind, Kind::Fence { .. })
                && !l.text.trim().is_empty()
                && !option_line(l.text);
            l.kind = if matches!(l.kind, Kind::Fence { .. }) || code_line {
                Kind::Text
            } else {
                line::classify(l.text)
            };
            let text_line = matches!(l.kind, Kind::Text);
            l.code = code_line;
            l.structural = text_line && !code_line && blocks::is_structural(l.text);
        }
    }
}

/// A choice of a multiple-choice item: `A. 21`, `(B) 45`, `C、…`, `（D）…`.
fn option_line(text: &str) -> bool {
    let t = text.trim_start();
    let t = t.strip_prefix(['(', '（']).unwrap_or(t);
    let mut chars = t.chars();
    chars.next().is_some_and(|c| matches!(c, 'A'..='F'))
        && chars
            .next()
            .is_some_and(|c| matches!(c, '.' | '．' | '、' | ')' | '）' | ':' | '：'))
}

/// `# file /etc/yum.repos.d/osp8.repo` glued under the line it illustrates (`1 使用 file 命令`),
/// or in a run of such lines (`# ip routing` / `# no switchport`): a command typed at a root
/// shell or device prompt, not a top-level heading. The shape: one `#`, then a lowercase ASCII
/// command word and its arguments. A heading stands after a blank line, and a title's first
/// word is seldom a bare lowercase command (`# map的底层实现` is none).
fn root_prompts(lines: &mut [Ln<'_>]) {
    fn prompt(l: &Ln<'_>) -> bool {
        let Some(rest) = l.text.strip_prefix("# ") else {
            return false;
        };
        let mut words = rest.split_whitespace();
        let command = words.next().unwrap_or("");
        matches!(l.kind, Kind::Heading(_))
            && command.starts_with(|c: char| c.is_ascii_lowercase())
            && command.bytes().all(|b| {
                b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'_' | b'.')
            })
            && words.next().is_some()
    }
    let found: Vec<usize> = (0..lines.len())
        .filter(|&i| {
            prompt(&lines[i])
                && (i > 0 && !matches!(lines[i - 1].kind, Kind::Blank)
                    || lines.get(i + 1).is_some_and(prompt))
        })
        .collect();
    for i in found {
        let l = &mut lines[i];
        l.kind = Kind::Text;
        l.code = true;
        l.structural = false;
    }
}

/// `1.1 重载与重写的区别`: a dotted number and a space, with no `、` or `. ` after it, may be a
/// decimal (`1.5 倍`) on its own; where two such lines at the margin count one by one under
/// one prefix (`1.1 …`, `1.2 …`), the notes number their questions that way, and every such
/// line is a numbered one (`2.1 …` too).
fn spaced_dotted_numbers(lines: &mut [Ln<'_>]) {
    static SPACED_DOTTED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(\d{1,3})((?:\.\d{1,3})*)\.(\d{1,3})[ \t\u{3000}]+(\S.*)$").unwrap()
    });
    // Each candidate: its line, prefix, value and title.
    let found: Vec<(usize, String, u32, String)> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| {
            matches!(l.kind, Kind::Text) && l.text.starts_with(|c: char| c.is_ascii_digit())
        })
        .filter_map(|(i, l)| {
            let c = SPACED_DOTTED.captures(l.text.trim_end())?;
            let title = c[4].trim();
            let first = title.chars().next()?;
            let value: u32 = c[3].parse().ok()?;
            if first.is_ascii_digit() || "%％".contains(first) || MEASURE_WORDS.contains(first) {
                return None;
            }
            Some((i, format!("{}{}", &c[1], &c[2]), value, title.to_owned()))
        })
        .collect();
    // Looked up, not compared pairwise: a file of many such lines must not cost their square.
    let numbers: HashSet<(&str, u32)> = found
        .iter()
        .map(|(_, prefix, value, _)| (prefix.as_str(), *value))
        .collect();
    let counts = numbers
        .iter()
        .any(|&(prefix, value)| numbers.contains(&(prefix, value + 1)));
    if !counts {
        return;
    }
    for (i, prefix, value, title) in found {
        let l = &mut lines[i];
        l.kind = Kind::Heading(Box::new(Heading {
            style: Style::Dotted,
            number: Some(format!("{prefix}.{value}")),
            value: Some(value),
            title,
        }));
        l.code = false;
        l.structural = false;
    }
}

/// Markdown numbers an ordered list from its first item on, so notes may write every item
/// `1.` (`1. 自我介绍；` / `1. 二分查找；` / `    > 链接` / `1. 判断链表是否有环；`; `1、` alike, as
/// everywhere): three such items or more at one indent, with nothing between them that ends
/// a Markdown list (a heading, `一、` as well, or text, a fence or another number at their
/// indent or less), count 1, 2, 3 as they render, or on from the items of a list right above
/// them at that indent (`4.` / `5.` / `1.` / `1.` / `1.` counts 6, 7, 8). A `2.` right after
/// them shows the last `1.` started a count by hand. Their numbers stay as written.
fn auto_numbered_lists(lines: &mut [Ln<'_>]) {
    const MIN_ITEMS: usize = 3;
    let first_item = |l: &Ln<'_>| match &l.kind {
        Kind::Heading(h) if h.style == Style::Arabic && h.value == Some(1) => {
            Some(indent_width(l.text))
        }
        _ => None,
    };
    // What ends a list whose items stand at `indent`, as Markdown renders it: a heading of any
    // numbering but a sub-point's (`（1）`, `1)`), or text, a fence or another number at that
    // indent or less. Lines indented under an item and blank lines go on.
    let ends = |l: &Ln<'_>, indent: usize| match &l.kind {
        Kind::Blank | Kind::Fenced => false,
        Kind::Heading(h) if matches!(h.style, Style::Paren | Style::HalfParen) => false,
        Kind::Heading(h) if matches!(h.style, Style::Markdown(_)) => true,
        _ => indent_width(l.text) <= indent,
    };
    let mut counted = vec![false; lines.len()];
    for i in 0..lines.len() {
        let Some(indent) = first_item(&lines[i]).filter(|_| !counted[i]) else {
            continue;
        };
        let mut items = vec![i];
        for (k, l) in lines.iter().enumerate().skip(i + 1) {
            if first_item(l) == Some(indent) {
                items.push(k);
            } else if ends(l, indent) {
                // A `2.` after them counts by hand: the last `1.` started that count.
                if let Kind::Heading(h) = &l.kind
                    && h.style == Style::Arabic
                    && h.value == Some(2)
                    && indent_width(l.text) == indent
                {
                    items.pop();
                }
                break;
            }
        }
        if items.len() < MIN_ITEMS {
            continue;
        }
        // Items of the list right above at that indent (`4.` / `5.` / `1.` / `1.`) are its
        // first ones: the run counts on from them.
        let before = lines[..i]
            .iter()
            .rev()
            .find(|l| ends(l, indent))
            .and_then(|l| match &l.kind {
                Kind::Heading(h) if h.style == Style::Arabic && indent_width(l.text) == indent => {
                    h.value
                }
                _ => None,
            })
            .unwrap_or(0);
        for (n, &k) in (before + 1..).zip(&items) {
            counted[k] = true;
            if let Kind::Heading(h) = &mut lines[k].kind {
                h.value = Some(n);
            }
        }
    }
}

/// First characters that make a number a quantity (`1.5 倍`, `2.5 个`), not a question's.
const MEASURE_WORDS: &str = "个只次条种位年月日号天秒倍层步点元米克分";

/// A line that reads as a decimal (`11.100个试管，1只有毒…`, `12.7位电话号码…`) where a list
/// of one-line items glued one under the other (`9.…` / `10.…`) expects its next number,
/// glued to its text, is that item: the sequence says which reading is meant. After a single
/// item (`1. 提升了多少？` / `2.5倍左右。`) it stays a decimal.
fn numbers_read_as_decimals(lines: &mut [Ln<'_>]) {
    // The value of the last item and how many items counted up to it, glued.
    let mut run: Option<(u32, u32)> = None;
    for l in lines.iter_mut() {
        match &l.kind {
            Kind::Heading(h) if h.style == Style::Arabic => {
                run = h.value.map(|v| match run {
                    Some((last, count)) if v == last + 1 => (v, count + 1),
                    _ => (v, 1),
                });
                continue;
            }
            Kind::Text => {}
            _ => {
                run = None;
                continue;
            }
        }
        let Some((last, count)) = run.take() else {
            continue;
        };
        let n = last + 1;
        let digits = l.text.len()
            - l.text
                .trim_start_matches(|c: char| c.is_ascii_digit())
                .len();
        let rest = &l.text[digits..];
        if count < 2
            || digits == 0
            || l.text[..digits].parse() != Ok(n)
            || !rest.starts_with('.')
            || !rest[1..].starts_with(|c: char| c.is_ascii_digit())
        {
            continue;
        }
        l.kind = Kind::Heading(Box::new(Heading {
            style: Style::Arabic,
            number: Some(n.to_string()),
            value: Some(n),
            title: rest[1..].trim().to_owned(),
        }));
        l.code = false;
        l.structural = false;
        run = Some((n, count + 1));
    }
}

/// The characters notes indent with: spaces, tabs and full-width spaces.
const WS: [char; 3] = [' ', '\t', '\u{3000}'];

/// Markdown headings whose numbers, in plain digits, count on one by one (`##1. 软件工程的定义`,
/// `###2.解释…`, `####3.软件生命周期`, …), three at least with nothing but text between them
/// (a heading numbered otherwise, `## 四、多选题`, or not at all ends them), are one list
/// whatever their `#`s: a sub-heading would start its own count. They take the first one's
/// level, and a line of more `#`s than a heading has, glued to the next number
/// (`#######6.用自己语言简述…`), is the next of them.
fn counted_heading_levels(lines: &mut [Ln<'_>]) {
    // A Markdown heading's number, if it is a plain one in digits (`2.1` is a chapter's).
    let numbered = |l: &Ln<'_>| match &l.kind {
        Kind::Heading(h) if matches!(h.style, Style::Markdown(_)) => Some(h.value.filter(|_| {
            h.number
                .as_deref()
                .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()))
        })),
        _ => None,
    };
    let mut i = 0;
    while i < lines.len() {
        let Some(Some(first)) = numbered(&lines[i]) else {
            i += 1;
            continue;
        };
        // The run: each next Markdown heading numbered one more.
        let mut run = vec![i];
        let mut j = i + 1;
        while j < lines.len() {
            match numbered(&lines[j]) {
                Some(Some(v)) if v == first + u32::try_from(run.len()).unwrap_or(u32::MAX) => {
                    run.push(j);
                }
                Some(_) => break,
                None => {}
            }
            j += 1;
        }
        let level = |k: usize| match &lines[k].kind {
            Kind::Heading(h) => h.style,
            _ => Style::Arabic,
        };
        let style = level(run[0]);
        if run.len() >= 3 && run.iter().any(|&k| level(k) != style) {
            let last = run[run.len() - 1];
            let next = first + u32::try_from(run.len()).unwrap_or(u32::MAX);
            // A line of too many `#`s after the last, glued to the next number: read as the
            // heading its last `#` and number make.
            let more = (last + 1..j).find_map(|k| {
                let t = lines[k].text;
                let hashes = t.len() - t.trim_start_matches('#').len();
                if hashes <= 6 || !matches!(lines[k].kind, Kind::Text) {
                    return None;
                }
                let kind = line::classify(&t[hashes - 1..]);
                matches!(&kind, Kind::Heading(h) if h.value == Some(next)).then_some((k, kind))
            });
            let more = more.map(|(k, kind)| {
                let l = &mut lines[k];
                l.kind = kind;
                l.code = false;
                l.structural = false;
                k
            });
            for k in run.into_iter().chain(more) {
                if let Kind::Heading(h) = &mut lines[k].kind {
                    h.style = style;
                }
            }
        }
        i = j.max(i + 1);
    }
}

/// Some notes indent everything one step (`\t（4）多线程的使用` / `\t\t答：…`). A block of
/// indented lines that stands on its own — after a blank line, not under a numbered line or a
/// lead-in ending in `：` — and holds two or more numbered lines at its shallowest indent is
/// read without that common indent, so its numbers are questions as at the start of a line.
/// A Markdown heading above the block does not hold it: it titles what follows.
///
/// `kinds` holds the kind of each line of `raw`, the lines as read: a text left as read keeps
/// it.
fn dedent_indented_blocks<'a>(
    texts: &[&'a str],
    raw: &[crate::read::Line<'_>],
    kinds: &[Kind],
) -> Vec<&'a str> {
    let blank = |t: &str| t.trim_matches(WS).is_empty();
    let indented = |t: &str| t.starts_with(WS);
    let kind_of = |k: usize| {
        if std::ptr::eq(texts[k], raw[k].text) {
            std::borrow::Cow::Borrowed(&kinds[k])
        } else {
            std::borrow::Cow::Owned(line::classify(texts[k]))
        }
    };
    let mut out = texts.to_vec();
    // The numbered item at the margin the lines so far sit in (`二、Python的迭代器和生成器`,
    // then labels and text at the margin, then an indented block), read up to `seen` only
    // when a block asks for it: once over the file at most.
    let mut in_item = false;
    // That item's style and number, if it is a bare number, its question indented under it.
    let mut bare_item = None;
    let mut seen = 0;
    let mut i = 0;
    while i < texts.len() {
        // A block of question bullets may stand right under a Markdown heading (below).
        let under_heading = i > 0
            && !blank(texts[i - 1])
            && matches!(kind_of(i - 1).as_ref(),
                Kind::Heading(h) if matches!(h.style, Style::Markdown(_)));
        if blank(texts[i])
            || !indented(texts[i])
            || (i > 0 && !blank(texts[i - 1]) && !under_heading)
        {
            i += 1;
            continue;
        }
        let mut end = i;
        while end < texts.len() && (blank(texts[end]) || indented(texts[end])) {
            end += 1;
        }
        let before = texts[..i].iter().rposition(|t| !blank(t));
        // Under a Markdown heading the block is the heading's content, as unindented lines
        // would be (a GitBook export indents every line by a space).
        let free = before.is_none_or(|p| {
            !matches!(kind_of(p).as_ref(),
                Kind::Heading(h) if !matches!(h.style, Style::Markdown(_)))
                && !line::strip_emphasis(texts[p])
                    .trim_end()
                    .ends_with([':', '：'])
        });
        let body: Vec<&str> = texts[i..end]
            .iter()
            .copied()
            .filter(|t| !blank(t))
            .collect();
        let base = common_lead(&body);
        // The indent the block is read without, if any.
        let mut cut = None;
        if free && base > 0 {
            // Numbered links (`1. [贡献者](…)`) are a list of pages, not an outline.
            let titles: Vec<String> = body
                .iter()
                .filter_map(|t| match line::classify(&t[base..]) {
                    Kind::Heading(h)
                        if !matches!(h.style, Style::Markdown(_)) && !link_only(&h.title) =>
                    {
                        Some(h.title)
                    }
                    _ => None,
                })
                .collect();
            let numbered = titles.len();
            let fenced = body.iter().any(|t| line::fence_info(t).is_some());
            // Inside a numbered item at the margin, numbered lines that state its points
            // (`\t1、迭代器中只能包含可迭代对象。…` / `\t2、能用于for循环，…`) are its answer;
            // under a bare number (`4.`, its question indented under it) any numbered lines are,
            // as the item's indented content.
            let points = numbered >= 2 && {
                for (k, t) in texts.iter().enumerate().take(i).skip(seen) {
                    if blank(t) || indented(t) {
                        continue;
                    }
                    match kind_of(k).as_ref() {
                        Kind::Heading(h) if matches!(h.style, Style::Markdown(_)) => {
                            in_item = false;
                        }
                        Kind::Heading(h) if h.style != Style::Question && h.value.is_some() => {
                            in_item = true;
                            bare_item = h.title.trim().is_empty().then_some((h.style, h.value));
                        }
                        _ => bare_item = None,
                    }
                }
                seen = i;
                // Most of its numbered lines asking, they are questions asked under it (`1.` /
                // `**一面问了哪些问题？**` / `1. HashMap 的底层结构是什么？`, `2. 说一下 HashMap 的
                // 底层结构`); a point that asks and answers on one line (`1. 是否线程安全？不安全…`)
                // is a point.
                let listed = bare_item.is_some_and(|(style, value)| {
                    value.is_some_and(|v| v > 1) || next_item_follows(texts, end, style, value)
                }) && !mostly_asked(&titles);
                in_item && (listed || states_points(&titles))
            };
            if numbered >= 2 && !fenced && !points && !under_heading {
                cut = Some(&body[0][..base]);
            }
        }
        // Bullets that ask, one step in (`\t* 当两个对象的hashcode相同会发生什么？` / `\t因为…`):
        // questions at the margin, their answers glued under them.
        if free && cut.is_none() {
            cut = question_bullets_lead(&texts[i..end]);
        }
        for t in out[i..end].iter_mut().filter(|t| !blank(t)) {
            if let Some(rest) = cut.and_then(|lead| t.strip_prefix(lead)) {
                *t = rest;
            }
        }
        i = end;
    }
    out
}

/// Do most of these numbered titles ask, each a question of its own: ending in a question
/// mark, or asking in words with no mark (`说一下 HashMap 的底层结构`)? One that asks and
/// answers on one line (`是否线程安全？不安全…`) is a point.
fn mostly_asked(titles: &[String]) -> bool {
    titles
        .iter()
        .filter(|t| ends_asking(t) || (asks(t) && !t.contains(['?', '？'])))
        .count()
        * 2
        >= titles.len()
}

/// Does the item numbered `value` + 1 in `style` follow line `end` (past a rule maybe): is
/// the bare number before the block one of a list?
fn next_item_follows(texts: &[&str], end: usize, style: Style, value: Option<u32>) -> bool {
    (end..texts.len().min(end + 4))
        .find(|&k| !texts[k].trim_matches(WS).is_empty() && !blocks::is_rule_line(texts[k]))
        .is_some_and(|k| {
            matches!(line::classify(texts[k]), Kind::Heading(h)
                if h.style == style && h.value == value.map(|v| v + 1))
        })
}

/// The white space every line of `body` starts with, as written (tabs, spaces or full-width
/// spaces), in bytes: cutting it keeps each line's own characters whole.
fn common_lead(body: &[&str]) -> usize {
    body.iter()
        .fold(None::<&str>, |common, t| {
            let lead = &t[..t.len() - t.trim_start_matches(WS).len()];
            Some(common.map_or(lead, |c| {
                let same: usize = c
                    .chars()
                    .zip(lead.chars())
                    .take_while(|(a, b)| a == b)
                    .map(|(a, _)| a.len_utf8())
                    .sum();
                &c[..same]
            }))
        })
        .map_or(0, str::len)
}

/// The indent of the bullets of an indented block, if three or more of them stand at that
/// indent, the block's least but one, and most ask: the block is a list of questions typed one
/// step in, as some editors save every line.
fn question_bullets_lead<'a>(block: &[&'a str]) -> Option<&'a str> {
    let lead = |t: &'a str| &t[..t.len() - t.trim_start_matches(WS).len()];
    let bullets: Vec<(&str, &str)> = block
        .iter()
        .filter_map(|t| blocks::bullet_item(t.trim_start()).map(|item| (lead(t), item)))
        .collect();
    let (first, _) = bullets.first()?;
    let at_first: Vec<&str> = bullets
        .iter()
        .filter(|(l, _)| l == first)
        .map(|&(_, item)| item)
        .collect();
    let asking = at_first
        .iter()
        .filter(|item| asks(item) || ends_asking(item))
        .count();
    // The bullets at the block's own indent: no line of it stands further out on their way in.
    let outermost = block.iter().filter(|t| !t.trim().is_empty()).all(|t| {
        let l = lead(t);
        !(l.len() < first.len() && first.starts_with(l))
    });
    (at_first.len() >= 3 && asking * 2 > at_first.len() && outermost).then_some(*first)
}

/// Do numbered lines state points rather than ask: none asks, and most run past one clause
/// (`读取量很大的数据时，用迭代器可节省内存`) or close with a full stop? A bare topic
/// (`一、迭代器`) among them names a part of the points.
fn states_points(titles: &[String]) -> bool {
    let states = titles
        .iter()
        .filter(|t| {
            let t = t.trim();
            t.contains(['，', '。', '；']) || t.ends_with('.')
        })
        .count();
    !titles.iter().any(|t| asks(t) || ends_asking(t)) && states * 2 > titles.len()
}

/// Is the text one Markdown link and nothing else (`[如何参与贡献](https://…)`)?
pub(crate) fn link_only(text: &str) -> bool {
    let t = text.trim();
    t.starts_with('[') && t.ends_with(')') && t.matches("](").count() == 1
}

/// A bold line alone (`**三七互娱**`) at the top of the file or after a rule (`---`) titles
/// the part below it, like a heading of the lowest rank: numbering restarts under it, and the
/// question above it ends at the rule.
fn bold_part_titles(lines: &mut [Ln<'_>]) {
    let mut prev: Option<usize> = None;
    for i in 0..lines.len() {
        if matches!(lines[i].kind, Kind::Blank) {
            continue;
        }
        let t = lines[i].text.trim();
        let inner = line::bold_span(t);
        // The line above is asked about only for a bold line: most lines are not.
        if let (Kind::Text, Some(inner)) = (&lines[i].kind, inner)
            && prev.is_none_or(|p| {
                // A closing fence may be drawn like a rule (`~~~~`), and sets nothing apart.
                !matches!(lines[p].kind, Kind::Fence { .. }) && blocks::is_rule_line(lines[p].text)
            })
        {
            let inner = inner.trim();
            let title_like = !inner.is_empty()
                && inner.chars().count() <= 30
                && !inner.ends_with(['。', '：', ':', '？', '?', '，'])
                && !asks(inner);
            if title_like {
                lines[i].kind = Kind::Heading(Box::new(Heading {
                    style: Style::Markdown(6),
                    number: None,
                    value: None,
                    title: inner.to_owned(),
                }));
                lines[i].structural = false;
                lines[i].code = false;
            }
        }
        prev = Some(i);
    }
}

/// Headings underlined (`cookie与session区别` / `-----------`, `php方面的：` / `===`), the
/// Markdown way, when the notes use them: three at least (any number of titles numbered the
/// Chinese way, `一、进程管理` / `---`), each a short line after a break
/// right on its underline, no sentence. Each is a heading of the first level (`=`) or the second (`-`); its
/// underline stays a rule, as one under a `## …` heading is. Fewer, an underline may be a rule
/// drawn under a paragraph, and [`underlined_title`](super::titles::underlined_title) reads
/// them.
fn setext_headings(lines: &mut [Ln<'_>]) {
    /// A title, not a paragraph: past this the line is likely text over a rule.
    const MAX_CHARS: usize = 60;
    let underline = |l: &Ln<'_>| {
        // Most lines open with neither mark: asked first, at the cost of one byte.
        let t = l.text.trim_start_matches(' ');
        let mark = *t.as_bytes().first()?;
        if !matches!(mark, b'-' | b'=') || !matches!(l.kind, Kind::Text) {
            return None;
        }
        let t = t.trim_end();
        (l.text.len() - l.text.trim_start_matches(' ').len() <= 3
            && t.len() >= 3
            && t.bytes().all(|b| b == mark))
        .then_some(if mark == b'=' { 1 } else { 2 })
    };
    let mut headings: Vec<(usize, u8)> = (0..lines.len().saturating_sub(1))
        .filter_map(|i| {
            let l = &lines[i];
            let level = underline(&lines[i + 1])?;
            let t = line::strip_emphasis(l.text);
            let t = t.trim();
            let titled = (matches!(l.kind, Kind::Text) || numbered_title(&l.kind))
                && !l.indented()
                && !l.code
                && !l.structural
                && underline(l).is_none()
                && (i == 0
                    || matches!(
                        lines[i - 1].kind,
                        Kind::Blank | Kind::Heading(_) | Kind::Fence { .. }
                    ))
                && !t.is_empty()
                && t.chars().count() <= MAX_CHARS
                && !t.starts_with(['-', '*', '+', '>', '|', '!', '<', '`'])
                // A sentence over a rule (`It compiles.` / `-----`) ends an entry; so may a
                // label (`Heap layout:`), but a first-level title may end in one (`php方面的：`).
                && !t.ends_with(['.', '。', ';', '；', ',', '，'])
                && (level == 1 || !t.ends_with([':', '：']));
            titled.then_some((i, level))
        })
        .collect();
    // Fewer, only titles numbered the Chinese way (`一、进程管理` / `----------`) are surely
    // headings: a paragraph over a rule is not numbered so.
    if headings.len() < 3 {
        headings.retain(|&(i, _)| numbered_title(&lines[i].kind));
    }
    if headings.is_empty() {
        return;
    }
    // Cards closed by a rule (`什么是闭包？` / blank / `函数和它的词法环境的组合` / `---`): the
    // underlined lines answer the question above each, which no heading's title does.
    let answers = headings
        .iter()
        .filter(|&&(i, _)| titles::rule_closed_answer(lines, i))
        .count();
    if answers * 2 >= headings.len() {
        return;
    }
    for (i, level) in headings {
        // A numbered title (`五、Collection 和 Collections 的区别` / `===`) keeps its number, as
        // it would under `#`: the numbers under it (`1.  Collection 是…`) are then its points.
        if let Kind::Heading(h) = &mut lines[i].kind {
            h.style = Style::Markdown(level);
            let kept = h.title.trim_end_matches([':', '：']).len();
            h.title.truncate(kept);
            continue;
        }
        let title = line::strip_emphasis(lines[i].text)
            .trim()
            .trim_end_matches([':', '：'])
            .to_owned();
        lines[i].kind = Kind::Heading(Box::new(Heading {
            style: Style::Markdown(level),
            number: None,
            value: None,
            title,
        }));
        lines[i].structural = false;
    }
}

/// A title numbered the Chinese way (`五、…`), which an underline makes a Markdown heading. An
/// underlined `1. …` is a list item over a rule in Markdown and stays one.
fn numbered_title(kind: &Kind) -> bool {
    matches!(kind, Kind::Heading(h) if h.style == Style::Chinese)
}

/// A front matter block (`---` / `title: …` / `# 这是文章的标题` / `---`) is metadata: its
/// YAML comments are no headings and its keys no questions. Its lines are read like a fenced
/// block's, and so stay out of every record.
fn hide_front_matter(lines: &mut [Ln<'_>]) {
    let Some(end) = yaml_front_matter(lines) else {
        return;
    };
    // Hexo's form has no opening `---`: its first line is already a key.
    let from = usize::from(lines[0].text.trim_end() == "---");
    hide(&mut lines[from..end]);
}

/// A `<style>` or `<script>` element that opens the notes (`<style>` / `.hiden-block{` /
/// `color: black;` / … / `</style>`), before anything else but YAML front matter, as notes
/// written for a web page carry: the page's code, whose rules are no questions. Its lines stay
/// out of every record, as front matter's do. The opening tag is alone on its line (not
/// `<script src="a.js"></script>`), the closing tag ends a line, and no heading or numbered
/// line comes between them; an element never so closed, or one further down, is left as it is.
fn hide_style_blocks(lines: &mut [Ln<'_>]) {
    let mut i = yaml_front_matter(lines).map_or(0, |end| end + 1);
    while i < lines.len() {
        while i < lines.len() && matches!(lines[i].kind, Kind::Blank | Kind::Fenced) {
            i += 1;
        }
        let Some(l) = lines.get(i) else { return };
        let t = l.text.trim_end();
        let Some(tag) = ["style", "script"].into_iter().find(|tag| {
            t.strip_prefix('<')
                .and_then(|rest| rest.strip_prefix(tag))
                .and_then(|rest| rest.strip_suffix('>'))
                .is_some_and(|attributes| {
                    attributes.is_empty()
                        || (attributes.starts_with(' ') && !attributes.contains(['<', '>']))
                })
        }) else {
            return;
        };
        let close = format!("</{tag}>");
        let Some(end) = (i + 1..lines.len())
            .take_while(|&j| !matches!(lines[j].kind, Kind::Heading(_)))
            .find(|&j| lines[j].text.trim_end().ends_with(&close))
        else {
            return;
        };
        hide(&mut lines[i..=end]);
        i = end + 1;
    }
}

/// Read `lines` as a fenced block's, metadata that stays out of every record.
fn hide(lines: &mut [Ln<'_>]) {
    for l in lines {
        if !matches!(l.kind, Kind::Blank) {
            l.kind = Kind::Fenced;
            l.code = false;
            l.structural = false;
        }
    }
}

/// The closing `---` of a front matter block that holds YAML keys (`title: …`), if the
/// file opens with one.
pub(super) fn yaml_front_matter(lines: &[Ln<'_>]) -> Option<usize> {
    let end = front_matter_end(lines).filter(|&end| end < lines.len())?;
    lines[1..end]
        .iter()
        .any(|l| {
            l.text
                .split_once(':')
                .is_some_and(|(key, _)| !key.is_empty() && !key.contains(' '))
        })
        .then_some(end)
}

/// The last line of a front matter block (`---` on the first line, up to the next `---`; to
/// the end of the file if none closes it, or [written Hexo's way](hexo_front_matter_end)), if
/// the file opens with one. Found once: asked for
/// every line, the search would cost an unclosed block its length squared.
pub(super) fn front_matter_end(lines: &[Ln<'_>]) -> Option<usize> {
    let first = lines.first()?;
    if first.text.trim_end() != "---" {
        return hexo_front_matter_end(lines);
    }
    Some(
        lines[1..]
            .iter()
            .position(|l| l.text.trim_end() == "---")
            .map_or(usize::MAX, |close| close + 1),
    )
}

/// The closing `---` of a front matter block written Hexo's way, with no opening `---`
/// (`title: Java-集合-总结与面试题` / `tags:` / `  - Java` / `date: 2020-01-19` / `---`): the
/// file opens on a key, and every line up to the rule is a key, or a list item or indented
/// line under a key with no value, within the first 40 lines; two keys at least, each once, one
/// of them `title` or `date`, none of them asking. Cards written as keys (`Q: 什么是…？` / `A:
/// …` / `---`, `Question:` twice) are no metadata.
fn hexo_front_matter_end(lines: &[Ln<'_>]) -> Option<usize> {
    fn key(t: &str) -> Option<(&str, bool)> {
        t.split_once(':').and_then(|(k, v)| {
            (k.len() >= 3
                && k.starts_with(|c: char| c.is_ascii_alphabetic())
                && k.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
                && (v.is_empty() || v.starts_with(' '))
                && !v.trim_end().ends_with(['?', '？']))
            .then_some((k, v.trim().is_empty()))
        })
    }
    key(lines.first()?.text)?;
    let close = lines
        .iter()
        .take(40)
        .position(|l| l.text.trim_end() == "---")?;
    let mut keys: Vec<&str> = Vec::new();
    // Whether the last key has no value of its own: list items and indented lines are its.
    let mut open = false;
    for l in &lines[..close] {
        let t = l.text.trim_end();
        if t.is_empty() {
            continue;
        }
        if let Some((k, empty)) = key(t) {
            if keys.contains(&k) {
                return None;
            }
            keys.push(k);
            open = empty;
        } else if !(open && (t.starts_with([' ', '\t']) || t.starts_with("- "))) {
            return None;
        }
    }
    (keys.len() >= 2 && keys.iter().any(|k| matches!(*k, "title" | "date"))).then_some(close)
}

/// A folded answer (`<details><summary>查看答案</summary>` … `</details>`, or a fold whose
/// summary is the question) is one answer: the headings inside it (`### ✅ 正确答案：B`,
/// `#### 目录结构`) are its parts, never new questions. A fold over a topic (`<summary>Java
/// 基础</summary>`) is left alone. One pass: each fold is read to its end once.
fn hide_folded_headings(lines: &mut [Ln<'_>]) {
    let mut i = 0;
    while i < lines.len() {
        if matches!(lines[i].kind, Kind::Fenced) || !line::opens_fold(lines[i].text) {
            i += 1;
            continue;
        }
        // The summary is on the opening line or the next one.
        let summary = if lines[i].text.contains("<summary") {
            Some(i)
        } else {
            (i + 1..lines.len().min(i + 3))
                .find(|&k| !matches!(lines[k].kind, Kind::Blank))
                .filter(|&k| lines[k].text.contains("<summary"))
        };
        let asked =
            |k: usize| matches!(&lines[k].kind, Kind::Heading(h) if h.style == Style::Question);
        let answer =
            summary.is_some_and(|k| asked(k) || line::answer_summary(lines[k].text)) || asked(i);
        let from = summary.unwrap_or(i) + 1;
        let Some(end) = fold_end(lines, from) else {
            break;
        };
        if answer {
            for l in &mut lines[from..end] {
                if matches!(l.kind, Kind::Heading(_)) {
                    l.kind = Kind::Text;
                    l.code = false;
                    l.structural = blocks::is_structural(l.text);
                }
            }
        }
        i = end + 1;
    }
}

/// The line that closes the fold opened just before line `from` (folds nest; lines inside
/// fenced code do not count), or `None` if it is never closed.
pub(super) fn fold_end(lines: &[Ln<'_>], from: usize) -> Option<usize> {
    let mut depth = 1;
    for (k, l) in lines.iter().enumerate().skip(from) {
        if matches!(l.kind, Kind::Fenced) {
            continue;
        }
        if line::opens_fold(l.text) {
            depth += 1;
        } else if line::closes_fold(l.text) {
            depth -= 1;
            if depth == 0 {
                return Some(k);
            }
        }
    }
    None
}

/// A table of questions, one a row, answered in the same row or not at all: a column headed as
/// the questions (`| 问题 | 核心知识点 |`, `| 编号 | 题目 | 答案 |`, `| 常见面试问题 | 答案索引 |`)
/// whose cells ask in half the rows or more, or, under any header, a column whose cells ask in
/// three rows of four or more (`| Done | Id | Title |` over `| ⬜ | 1 | 简述ETCD及其特点？ |`).
/// Each row with a question in that column is a question (a `Q:` line, for the outline); its
/// other cells are the answer.
fn question_table_rows(lines: &mut [Ln<'_>]) {
    fn row<'a>(lines: &[Ln<'a>], i: usize) -> Option<Vec<&'a str>> {
        lines
            .get(i)
            .filter(|l| matches!(l.kind, Kind::Text))
            .and_then(|l| table_cells(l.text))
    }
    let mut i = 0;
    while i < lines.len() {
        let Some(header) = row(lines, i) else {
            i += 1;
            continue;
        };
        let separator = row(lines, i + 1).is_some_and(|cells| {
            cells
                .iter()
                .all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')))
        });
        let mut end = i + 1;
        while row(lines, end).is_some() {
            end += 1;
        }
        let body = end.saturating_sub(i + 2);
        if !separator || body < 2 || header.len() < 2 {
            i = end;
            continue;
        }
        // Every line from `i + 2` to `end` is a row: `end` is the first that is not.
        let rows: Vec<Vec<&str>> = (i + 2..end).filter_map(|k| row(lines, k)).collect();
        let asking = |c: usize| {
            rows.iter()
                .filter(|cells| cells.get(c).is_some_and(|q| cell_asks(q)))
                .count()
        };
        let column = (0..header.len())
            .find(|&c| question_column(header[c]) && asking(c) * 2 >= body)
            .or_else(|| (0..header.len()).find(|&c| asking(c) * 4 >= body * 3 && body >= 3));
        if let Some(c) = column {
            for (k, cells) in (i + 2..end).zip(&rows) {
                let Some(title) = cells
                    .get(c)
                    .map(|q| question_cell(q))
                    .filter(|q| !q.is_empty())
                else {
                    continue;
                };
                let l = &mut lines[k];
                l.kind = Kind::Heading(Box::new(Heading {
                    style: Style::Question,
                    number: None,
                    value: None,
                    title,
                }));
                l.structural = false;
                l.code = false;
            }
        }
        i = end;
    }
}

/// Does a table cell ask (`Redis 为什么快？`, `“容器和虚拟机有什么区别？”`)?
fn cell_asks(cell: &str) -> bool {
    let q = question_cell(cell);
    ends_asking(&q) || asks(&q)
}

/// A table cell read as a question: without its emphasis and the quotation marks around it.
pub(super) fn question_cell(cell: &str) -> String {
    let plain = line::strip_emphasis(cell);
    let t = plain.trim();
    let unquoted = [('“', '”'), ('"', '"'), ('「', '」')]
        .iter()
        .find_map(|&(open, close)| {
            t.strip_prefix(open)?
                .strip_suffix(close)
                .filter(|inner| !inner.contains([open, close]))
        })
        .unwrap_or(t);
    unquoted.trim().to_owned()
}

/// Does a table header name its column as the questions (`问题`, `常见面试问题`, `題目`, `题面`)?
fn question_column(header: &str) -> bool {
    let h = line::strip_emphasis(header);
    let h = h.trim();
    ["问题", "题目", "题面", "面试题", "問題", "題目", "題面"]
        .iter()
        .any(|w| h.contains(w))
        || ["问", "Q", "Question", "question", "Questions", "questions"].contains(&h)
}

/// The cells of a pipe-table row (`| Redis 是什么？ | 内存数据库 |`), if the line is one.
pub(super) fn table_cells(text: &str) -> Option<Vec<&str>> {
    let t = text.trim();
    let inner = t.strip_prefix('|')?;
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    Some(inner.split('|').map(str::trim).collect())
}

/// A heading naming the solution (`##### 解决方案:`) right under a heading that names its
/// question by number (`#### 问题 #1 -- Swift 1.0 或更高版本`, then the question's text and
/// code) labels that question's answer. Under a topic (`## 缓存雪崩` / `### 现象:` / `### 解决
/// 方案:`) or after other parts it stays a heading, one part among the others.
fn solution_headings_under_questions(lines: &mut [Ln<'_>]) {
    // The last Markdown heading seen: level and line. Whether it names its question is judged
    // only under a solution heading: most notes have none.
    let mut last: Option<(u8, usize)> = None;
    for i in 0..lines.len() {
        let Kind::Heading(h) = &lines[i].kind else {
            continue;
        };
        let Style::Markdown(level) = h.style else {
            continue;
        };
        // Right under the heading that names its question by number (`#### 问题 #1 -- …`,
        // `### 面试题 3：数组中重复的数字`), one level or more above it, with no sub-heading
        // between: the text between is that question's own. Under a question that asks
        // (`### 接口偶发超时怎么排查？` / `### 现象:` / …), the parts before it are answer too.
        let under_question = || {
            last.is_some_and(|(above, p)| {
                above < level
                    && matches!(&lines[p].kind, Kind::Heading(q)
                        if super::asking::numbered_name(q.number.as_deref(), &q.title)
                            || super::asking::named_with_topic(lines[p].text))
            })
        };
        if let Some(label) = line::solution_label(h)
            && under_question()
        {
            lines[i].kind = Kind::Marker {
                text: line::MarkerText::new(label, ""),
                answer: true,
            };
            continue;
        }
        last = Some((level, i));
    }
}

/// A top-level answer heading right under a question heading (`## strlen和sizeof什么区别`,
/// then `## 标准答案`) labels that question's answer, as `### 答案` does anywhere; elsewhere
/// a `## 解答` heading may title a part of the notes.
fn answer_headings_under_questions(lines: &mut [Ln<'_>]) {
    let mut prev: Option<usize> = None;
    for i in 0..lines.len() {
        if matches!(lines[i].kind, Kind::Blank) {
            continue;
        }
        let under_question = prev.is_some_and(|p| {
            matches!(&lines[p].kind, Kind::Heading(h)
                if matches!(h.style, Style::Markdown(_)) && asks(&h.title))
        });
        if let (true, Kind::Heading(h)) = (under_question, &lines[i].kind)
            && let Some(label) = line::answer_heading_label(h)
        {
            lines[i].kind = Kind::Marker {
                text: line::MarkerText::new(&label, ""),
                answer: true,
            };
        }
        prev = Some(i);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stripped(text: &str) -> Vec<&str> {
        let mut raw: Vec<_> = crate::read::split_lines(text).collect();
        strip_margin(&mut raw);
        raw.iter().map(|l| l.text).collect()
    }

    #[test]
    fn the_margin_every_line_shares_is_cut() {
        assert_eq!(
            stripped("    #去重\n\n    select 1\n"),
            ["#去重", "", "select 1"]
        );
        assert_eq!(stripped("\t问题\n\t  答案\n"), ["问题", "  答案"]);
        // A front matter block at the margin keeps the notes' margin below it.
        assert_eq!(
            stripped("---\ntitle: a\n---\n  问题\n  答案\n"),
            ["---", "title: a", "---", "问题", "答案"]
        );
        assert_eq!(stripped("问题\n  答案\n"), ["问题", "  答案"]);
    }

    #[test]
    fn an_ideographic_space_and_a_bracket_share_no_margin() {
        // U+3000 and `【` open with the same two bytes: the margin is compared by characters.
        assert_eq!(
            stripped("\u{3000}\u{3000}第一章\n【问题】什么是操作系统？\n"),
            ["\u{3000}\u{3000}第一章", "【问题】什么是操作系统？"]
        );
        assert_eq!(
            stripped("\u{3000}\u{3000}第一章\n\u{3000}【问题】\n"),
            ["\u{3000}第一章", "【问题】"]
        );
    }
}
