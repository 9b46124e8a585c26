//! A note's title or preface read as its first card (`## 个人情况` with a paragraph under it,
//! then `1. …` `2. …` `3. …` cards; `Operating Systems` / `----` over `* …` bullets): the
//! cards of a note repeat one line shape, and a first line that asks nothing in a shape none
//! of them shares opens the note, not a card.

use std::collections::HashMap;

use crate::parse::asking::asks_any_way;
use crate::parse::line::{Kind, Style, strip_emphasis};
use crate::parse::outline::titles_a_part;
use crate::parse::{Ln, Role, Start, blocks};

/// Cards after the first that must share one shape to show how the note's cards look.
const MIN_CARDS: usize = 3;

/// Characters a title may hold: a longer line is a sentence, not a name.
const MAX_TITLE: usize = 60;

/// Leading lines set aside at most: a title, then an introduction heading, then a subtitle.
const MAX_LEADING: usize = 3;

/// While the first card asks nothing, is short enough to be a title, and has a shape no later
/// card has, while three later cards or more share one shape, it is the note's title or
/// preface: set aside, its lines outside any question. Not so a heading over nothing but
/// points (a topic answered point by point), nor the first of a numbered run.
pub(crate) fn set_aside_leading_titles(lines: &[Ln<'_>], starts: &mut [Start]) {
    set_aside_leading_statements(lines, starts);
    set_aside_setext_title(lines, starts);
    for _ in 0..MAX_LEADING {
        let records = records(starts);
        let Some((&first, rest)) = records.split_first() else {
            return;
        };
        if rest.len() < MIN_CARDS
            || !leading_title(lines, &starts[first])
            || counts_on(&starts[first], &starts[rest[0]])
            || numbered_on(lines, starts, first)
            || listed(lines, starts[first].line + 1, starts[first + 1].line)
            || written_up(lines, starts[first].line + 1, starts[first + 1].line)
        {
            return;
        }
        let own = form(lines, starts[first].line);
        let counts = form_counts(lines, starts, rest);
        // The cards' shape: the one most of them share.
        let repeated = counts.values().copied().max().unwrap_or(0);
        if repeated < MIN_CARDS || counts.contains_key(&own) {
            return;
        }
        starts[first].role = Role::Aside;
    }
}

/// Do the lines from `from` to `to` write a topic up: more lines than a preface holds, with a
/// fenced block among them (`## node 中的事件环` / `**关键字**: …` / its diagram fenced /
/// `**流程**` / points), or parts under headings that name them (`## 课上习题——生产者消费者` /
/// the problem / `### 分析步骤` / …)? That is a card, whatever shape its title has.
fn written_up(lines: &[Ln<'_>], from: usize, to: usize) -> bool {
    let part = &lines[from..to];
    part.iter().any(part_heading)
        || (part
            .iter()
            .filter(|l| !matches!(l.kind, Kind::Blank))
            .count()
            > PREFACE_LINES
            && part.iter().any(|l| matches!(l.kind, Kind::Fence { .. })))
}

/// A Markdown heading that names a part of one answer (`### 分析步骤`, `### 原理`).
pub(super) fn part_heading(l: &Ln<'_>) -> bool {
    match &l.kind {
        Kind::Heading(h) if matches!(h.style, Style::Markdown(_)) => titles_a_part(&h.title),
        _ => false,
    }
}

/// Most non-blank lines a note's preface holds.
const PREFACE_LINES: usize = 12;

/// The file's first line underlined by `===` (`GBDT/XGBoost 备忘` / `===`: a Markdown title of
/// the first level) over cards of its own is the notes' title, whatever stands between (a
/// badge, a table of contents): set aside.
fn set_aside_setext_title(lines: &[Ln<'_>], starts: &mut [Start]) {
    let records = records(starts);
    let Some((&first, rest)) = records.split_first() else {
        return;
    };
    let underlined = |at: usize| {
        lines.get(at + 1).is_some_and(|u| {
            let t = u.text.trim();
            t.len() >= 3 && t.bytes().all(|b| b == b'=')
        })
    };
    let at = starts[first].line;
    let first_line = lines[..at].iter().all(|l| matches!(l.kind, Kind::Blank));
    // Notes that underline every topic so (`Redis` / `===`, `MySQL` / `===`) have no title.
    let alone = !rest.iter().any(|&k| underlined(starts[k].line));
    if underlined(at)
        && first_line
        && alone
        && !rest.is_empty()
        && leading_title(lines, &starts[first])
    {
        starts[first].role = Role::Aside;
    }
}

/// The indices of the starts that are records.
fn records(starts: &[Start]) -> Vec<usize> {
    starts
        .iter()
        .enumerate()
        .filter(|(_, s)| matches!(s.role, Role::Record { .. }))
        .map(|(k, _)| k)
        .collect()
}

/// How many of the starts `at` open with each line shape.
fn form_counts(lines: &[Ln<'_>], starts: &[Start], at: &[usize]) -> HashMap<Form, usize> {
    let mut counts: HashMap<Form, usize> = HashMap::new();
    for &k in at {
        *counts.entry(form(lines, starts[k].line)).or_default() += 1;
    }
    counts
}

/// A numbered run of statements before the cards, none asking and each closed by a full stop
/// (`1. 本题目只作为…的有限参考。` / `2. 为节省版面，本试题的程序源码省去了#include指令。`), when
/// three cards or more after it share a shape the run does not, more of them than have its
/// shape (`## 0. 鼠鼠我啊…`): the rules or notes in front of an exam, not its questions. Each
/// is set aside.
fn set_aside_leading_statements(lines: &[Ln<'_>], starts: &mut [Start]) {
    let records = records(starts);
    let statement = |k: usize| match &starts[k].role {
        Role::Record {
            number: Some(_),
            question,
        } => {
            let q = question.trim();
            !asks_any_way(q)
                && q.ends_with(['。', '.'])
                && lines[starts[k].line].markdown_level().is_none()
        }
        _ => false,
    };
    let run = records.iter().take_while(|&&k| statement(k)).count();
    if run < 2 || records.len() < run + MIN_CARDS {
        return;
    }
    let own = form(lines, starts[records[0]].line);
    let counts = form_counts(lines, starts, &records[run..]);
    let shared = counts
        .iter()
        .filter(|&(f, _)| *f != own)
        .map(|(_, &n)| n)
        .max()
        .unwrap_or(0);
    // Numbered questions inside the cards (`1. static与变量结合后有什么作用？`) may share the
    // run's shape; the cards' own shape is still the one most of them have.
    if shared < MIN_CARDS || counts.get(&own).copied().unwrap_or(0) >= shared {
        return;
    }
    for &k in &records[..run] {
        starts[k].role = Role::Aside;
    }
}

/// Does the record `start` open with a short line that asks nothing (a name, not a question)?
fn leading_title(lines: &[Ln<'_>], start: &Start) -> bool {
    let Role::Record { question, .. } = &start.role else {
        return false;
    };
    let text = strip_emphasis(lines[start.line].text);
    let text = text.trim();
    !asks_any_way(question)
        && !asks_any_way(text)
        && !text.ends_with(['。', '.', '；', ';', '，', ','])
        && question.chars().count() <= MAX_TITLE
}

/// Is the record `start` numbered, and the record after it numbered next (`01.` then `2.`):
/// the first card of a numbered list, not a title over it?
fn counts_on(start: &Start, next: &Start) -> bool {
    let value = |s: &Start| match &s.role {
        Role::Record {
            number: Some(n), ..
        } => n.trim().parse::<u32>().ok(),
        _ => None,
    };
    value(start).is_some_and(|v| value(next) == Some(v + 1))
}

/// Does a later heading of the same level number on from the start `first` (`## 1. web 缓存`,
/// then `## 2. 跨域问题`, a section over cards of its own)? Then it is the first part of a
/// numbered run, however its siblings are read.
fn numbered_on(lines: &[Ln<'_>], starts: &[Start], first: usize) -> bool {
    let at = starts[first].line;
    let (Kind::Heading(h), Some(level)) = (&lines[at].kind, lines[at].markdown_level()) else {
        return false;
    };
    let Some(v) = h.value else {
        return false;
    };
    starts[first + 1..].iter().any(|s| {
        lines[s.line].markdown_level() == Some(level)
            && matches!(&lines[s.line].kind, Kind::Heading(k) if k.value == Some(v + 1))
    })
}

/// Are the lines `from..to` (a first card's body) a list of points and nothing else? A heading
/// over points (`## 参数初始化` over `- 全0，…` `- 正态随机`; `# 一 创建线程的方式：` over
/// `    1 继承Thread类` `    2 实现Runnable接口`, indented) is a topic answered point by
/// point; a title or a preface stands over running text. A picture between the points, or a
/// callout's fences around some of them (`:::info 黑盒测试与白盒测试` … `:::`), adds no prose.
fn listed(lines: &[Ln<'_>], from: usize, to: usize) -> bool {
    let mut filled = lines[from..to]
        .iter()
        .filter(|l| {
            !matches!(l.kind, Kind::Blank)
                && !blocks::is_rule_line(l.text)
                && !blocks::image_only(l.text)
                && !l.text.trim_start().starts_with(":::")
        })
        .peekable();
    filled.peek().is_some()
        && filled.all(|l| {
            l.indented()
                || blocks::bullet_item(l.text.trim_start_matches([' ', '\t', '\u{3000}'])).is_some()
        })
}

/// How a line looks, what it says aside: its indent, heading level or underline, bullet, bold
/// and number mark.
#[derive(Debug, PartialEq, Eq, Hash)]
struct Form {
    indented: bool,
    heading: u8,
    bullet: Option<char>,
    bold: bool,
    number: Option<(Style, char)>,
}

/// The form of line `i`; a line underlined by a rule (`Title` / `----`) counts as a heading.
fn form(lines: &[Ln<'_>], i: usize) -> Form {
    let line = &lines[i];
    let underlined = matches!(line.kind, Kind::Text)
        && lines.get(i + 1).is_some_and(|n| {
            let t = n.text.trim();
            !t.is_empty() && t.chars().all(|c| c == '=' || c == '-')
        });
    let heading = line
        .markdown_level()
        .unwrap_or(if underlined { 7 } else { 0 });
    let mut rest = line.text.trim_start_matches([' ', '\t', '\u{3000}']);
    rest = rest.trim_start_matches('#').trim_start();
    let bullet = blocks::bullet_item(rest).map(|item| {
        let mark = rest.chars().next().unwrap_or('-');
        rest = item;
        mark
    });
    let bold = rest.starts_with("**") || rest.starts_with("__");
    let number = match &line.kind {
        Kind::Heading(h) if h.number.is_some() && !matches!(h.style, Style::Markdown(_)) => {
            let plain = strip_emphasis(rest);
            let mark = plain
                .trim_start()
                .chars()
                .find(|c| !(c.is_ascii_digit() || "一二三四五六七八九十".contains(*c)))
                .unwrap_or(' ');
            Some((h.style, mark))
        }
        // `1 无法通过后缀确定文件类型` numbers its line with a space after the number.
        Kind::Text => {
            let digits = rest.chars().take_while(char::is_ascii_digit).count();
            ((1..=3).contains(&digits) && rest[digits..].starts_with(' '))
                .then_some((Style::Arabic, ' '))
        }
        _ => None,
    };
    Form {
        indented: line.indented(),
        heading,
        bullet,
        bold,
        number,
    }
}
