//! One record from the lines of its span: the question (and an answer written on its line),
//! the context on the front of the card, the answer blocks, tags and source span.

use super::asking::{
    announces_question, asks, ends_asking, inline_answer, named_with_topic, numbered_name,
};
use super::blocks;
use super::classify::{question_cell, table_cells};
use super::line::Kind;
use super::passes::{Paired, asking_callout};
use super::{Ln, code, line};
use crate::model::{Block, BlockKind, Record, SourceSpan};
use regex::Regex;
use std::sync::LazyLock;

pub(super) fn make_record(
    deck: &str,
    path: &str,
    section: Option<String>,
    number: Option<String>,
    question: &str,
    apart: Option<Paired>,
    lines: &[Ln<'_>],
) -> Record {
    let question_line = apart.as_ref().map(|p| p.asked_at);
    let answer_on_line = apart.map(|p| p.answer);
    // A row of a table of questions carries its answer in its other cells: not in a cell
    // before the question that only numbers the row, nor in a tick box anywhere
    // (`| ⬜ | 1 | 简述ETCD？ | |`, `| 什么是闭包？ | ✅ |`).
    let row_answer = answer_on_line.or_else(|| {
        table_cells(lines[0].text)
            .filter(|cells| cells.len() >= 2)
            .and_then(|cells| {
                let at = cells.iter().position(|c| question_cell(c) == question)?;
                let others: Vec<&str> = cells
                    .iter()
                    .enumerate()
                    .filter(|&(k, c)| (k > at && !tick_box(c)) || (k < at && !row_mark(c)))
                    .filter(|(_, c)| !c.is_empty())
                    .map(|(_, c)| *c)
                    .collect();
                Some(others.join(" | "))
            })
            .filter(|a| !a.is_empty())
    });
    let (mut question, same_line_answer) = match row_answer {
        Some(answer) => (question.to_owned(), Some(answer)),
        None => split_question(question),
    };
    let same_line_answer = same_line_answer.or_else(|| dash_answer(lines[0].text, &question));
    // A card opened by the code it asks about (```…```, then `关于上面代码…（）`): the code is
    // on the front, before the question line.
    let lead = code_led_question(lines, 0, lines.len() - 1);
    let body = lead.map_or_else(|| fold_body(lines), |q| q + 1);
    let (mut context, mut answer) = blocks::build(&lines[body..]);
    if let Some(q) = lead {
        let (code, more) = blocks::build(&lines[..q]);
        context.splice(0..0, code.into_iter().chain(more));
    }
    if question.trim().is_empty() {
        question_below_number(
            &mut question,
            &mut context,
            &mut answer,
            same_line_answer.is_some(),
        );
    }
    if let Some(text) = same_line_answer {
        answer.insert(
            0,
            Block::new(BlockKind::Paragraph, text, lines[0].number, lines[0].number),
        );
    }
    asked_on_front(
        &question,
        number.as_deref(),
        lines[0].text,
        &mut context,
        &mut answer,
    );
    let end_line = lines
        .iter()
        .rev()
        .find(|l| !matches!(l.kind, Kind::Blank))
        .map_or(lines[0].number, |l| l.number);
    // Exactly as long as it needs to be (`vec![…]` then a push would hold room for four).
    let mut tags = Vec::with_capacity(1 + usize::from(section.is_some()));
    tags.push(tag(deck));
    if let Some(s) = &section {
        tags.push(tag(s));
    }
    // Records live until the run ends, a hundred thousand of them in a large deck: no slack.
    context.shrink_to_fit();
    answer.shrink_to_fit();
    Record {
        id: String::new(),
        deck: deck.to_owned(),
        section,
        number,
        question,
        context,
        answer,
        tags,
        source: SourceSpan {
            path: path.to_owned(),
            start_line: lines[0].number,
            end_line,
            question_line,
        },
        front_html: String::new(),
        back_html: String::new(),
    }
}

/// What of the body goes on the front of the card, asked with the question: moved from
/// `answer` to `context` (still empty). `first_line`: the record's first line as written.
fn asked_on_front(
    question: &str,
    number: Option<&str>,
    first_line: &str,
    context: &mut Vec<Block>,
    answer: &mut Vec<Block>,
) {
    // `## Q1 — title` over `> [!question] …`: the callout asks, on the front of the card.
    if context.is_empty()
        && answer.len() > 1
        && answer[0].kind == BlockKind::Quote
        && asking_callout(&answer[0].text).is_some()
    {
        context.push(answer.remove(0));
    }
    // "下面的代码输出什么？" then code then the answer, with no marker: the code is asked about.
    if context.is_empty()
        && answer.len() > 1
        && answer[0].kind == BlockKind::Code
        && refers_to_code(question)
    {
        context.push(answer.remove(0));
    }
    // `### Question 5: DevOps Benefits` (`## 第2题`), then `**How can DevOps help?**`: the
    // heading names the question, the line under it asks it, on the front of the card.
    if context.is_empty()
        && answer.len() > 1
        && answer[0].kind == BlockKind::Paragraph
        && ends_asking(&answer[0].text)
        && (numbered_name(number, question) || named_with_topic(first_line))
    {
        let asked = answer.remove(0);
        // Code it asks about (`以下代码输出什么？`) is asked too.
        if answer.len() > 1 && answer[0].kind == BlockKind::Code && refers_to_code(&asked.text) {
            context.extend([asked, answer.remove(0)]);
        } else {
            context.push(asked);
        }
    }
    // "有如下一段代码：" then the code, then the line that asks about it: all of it is asked.
    if context.is_empty() && announces_question(question) {
        let asked = answer
            .iter()
            .position(|b| b.kind != BlockKind::Code)
            .filter(|&k| k > 0)
            .filter(|&k| answer[k].kind == BlockKind::Paragraph && ends_asking(&answer[k].text));
        if let Some(k) = asked.filter(|&k| k + 1 < answer.len()) {
            context.extend(answer.drain(..=k));
        }
    }
}

/// A table cell before a row's question that holds no answer: empty, the row's number (`12`),
/// or a tick box.
fn row_mark(cell: &str) -> bool {
    let c = cell.trim();
    c.is_empty() || c.chars().all(|ch| ch.is_ascii_digit() || ch == '.') || tick_box(c)
}

/// A tick box (`⬜`, `[x]`, `✅`): whether the row is done, wherever it stands.
fn tick_box(cell: &str) -> bool {
    ["⬜", "☐", "☑", "✅", "✔", "✔️", "❌", "[ ]", "[x]", "[X]"].contains(&cell.trim())
}

/// A question line that carries its answer (`什么是协程？协程是用户态的轻量级线程。`): the
/// question up to its question mark, and the rest. A half-width `?` counts only before a
/// space or a CJK character (not inside `https://x?a=1`); a rest that asks again is kept.
fn split_question(question: &str) -> (String, Option<String>) {
    if let Some(filled) = fill_in(question) {
        return filled;
    }
    if let (q, Some(answer)) = inline_answer(question) {
        return (
            q.trim_end_matches(['*', ' ']).to_owned(),
            Some(answer.to_owned()),
        );
    }
    let mut chars = question.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let ends = match c {
            '？' => true,
            '?' => next.is_some_and(|n| n.is_whitespace() || code::is_cjk(n)),
            _ => false,
        };
        if !ends {
            continue;
        }
        let at = i + c.len_utf8();
        let rest = question[at..].trim();
        // A second question (`…是什么? 简述…`) or a remark (`？（必问）`) stays in the question,
        // and so does a link the question's words are (`[JTag用途？](/OS/JTag.md)`).
        if rest.chars().count() < 2
            || rest.contains(['?', '？'])
            || asks(rest)
            || rest.starts_with(['（', '(', '【', '[', ']'])
        {
            return (question.to_owned(), None);
        }
        return (question[..at].to_owned(), Some(rest.to_owned()));
    }
    (question.to_owned(), None)
}

/// A blank filled in where it stands (`操作系统是{%s%} 管理系统资源的软件 {%ends%}。`, a
/// course template's markup, or `应用程序通过<u>系统调用</u>接口…`).
static FILLED_BLANK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\{%\s*s\s*%\}(.*?)\{%\s*ends\s*%\}|<u>(.*?)</u>").expect("valid regex")
});

/// A statement with its blanks filled in: the statement with each blank left open (`＿＿`) is
/// asked, the words that fill them, in order, answer it. Blanks left empty ask nothing.
/// Underlined words in a line that asks (`什么是<u>进程</u>？`) are emphasis, no blank.
fn fill_in(question: &str) -> Option<(String, Option<String>)> {
    let template = question.contains("{%");
    let underlined = question.contains("<u>") && !question.contains(['?', '？']) && !asks(question);
    if !(template || underlined) {
        return None;
    }
    let mut fills = Vec::new();
    let asked = FILLED_BLANK.replace_all(question, |c: &regex::Captures<'_>| {
        let fill = c
            .get(1)
            .or_else(|| c.get(2))
            .map_or("", |m| m.as_str().trim());
        if !fill.is_empty() {
            fills.push(fill.to_owned());
        }
        "＿＿"
    });
    (!fills.is_empty()).then(|| (asked.trim().to_owned(), Some(fills.join("；"))))
}

/// A number with no question after it (`#### 4`, `一、`): the question may stand below it.
fn question_below_number(
    question: &mut String,
    context: &mut Vec<Block>,
    answer: &mut Vec<Block>,
    answered_on_line: bool,
) {
    // `#### 4` over `下面代码会输出什么`: the heading only numbers the question on the line below.
    if context
        .first()
        .is_some_and(|b| b.kind == BlockKind::Paragraph && !b.text.contains('\n'))
    {
        *question = context.remove(0).text;
    } else if context.is_empty()
        && !answered_on_line
        && answer.len() > 1
        && answer[0].kind == BlockKind::Paragraph
        && !answer[0].text.contains('\n')
        && under_number_asks(&answer[0].text)
    {
        // `1.` over `<strong>什么是向量检索？</strong>` and what explains it: the line under the
        // number asks, the rest answers. An indented `答案：` further down (a block under a
        // number keeps its indent) marks where the answer starts: code or options before it
        // are asked about, on the front.
        line::strip_emphasis(&answer.remove(0).text)
            .trim()
            .clone_into(question);
        let marked = answer.iter().position(|b| {
            matches!(
                line::classify(b.text.lines().next().unwrap_or("").trim_start()),
                Kind::Marker { answer: true, .. }
            )
        });
        if let Some(k) = marked.filter(|&k| k > 0) {
            context.extend(answer.drain(..k));
        }
    } else if context.is_empty()
        && !answered_on_line
        && let Some(asked) = exercise_under_number(answer)
    {
        *question = asked;
        *context = std::mem::take(answer);
    }
}

/// Does the line under a bare number ask, as its question: ending in a question mark, or
/// wholly in bold with a question word (`<strong>…包含哪些关键步骤？请…描述整个过程。</strong>`)?
fn under_number_asks(text: &str) -> bool {
    let plain = line::strip_emphasis(text);
    let plain = plain.trim();
    ends_asking(plain) || (plain.len() < text.trim().len() && bold_whole(text) && asks(plain))
}

/// Is the line wholly in bold (`**…**`, `<strong>…</strong>`, `<b>…</b>`)?
fn bold_whole(text: &str) -> bool {
    let t = text.trim();
    [
        ("**", "**"),
        ("<strong>", "</strong>"),
        ("<b>", "</b>"),
        ("__", "__"),
    ]
    .iter()
    .any(|(open, close)| {
        t.len() > open.len() + close.len() && t.starts_with(open) && t.ends_with(close)
    })
}

/// `一、` over tables and `写一条sql语句…`, with no answer marker: the lines under the bare
/// number ask, so all of them are the question (an exercise left unanswered). Returns the
/// question (the first line), leaving the rest of `blocks` for the front. Lines that only state
/// something are an answer whose question was lost, and stay one (Z004 reports it).
fn exercise_under_number(blocks: &mut Vec<Block>) -> Option<String> {
    let asking = blocks
        .iter()
        .any(|b| b.kind == BlockKind::Paragraph && b.text.lines().any(|l| asks(l) || sets_task(l)));
    if !asking
        || blocks
            .first()
            .is_none_or(|b| b.kind != BlockKind::Paragraph)
    {
        return None;
    }
    let first = &mut blocks[0];
    match first.text.split_once('\n') {
        Some((head, rest)) => {
            let head = head.trim().to_owned();
            first.text = rest.to_owned();
            first.start_line += 1;
            Some(head)
        }
        None => Some(blocks.remove(0).text),
    }
}

/// Does the line set an exercise (`写一条sql语句…`, `查询…的记录`, `要求：…`)?
pub(super) fn sets_task(line: &str) -> bool {
    // A verb with what it asks for (`写出`, `写一条`, `求出`): a bare `写` or `求` also opens
    // statements (`写代码之前要先想清楚需求。`, `求稳不求快…`).
    const TASKS: &[&str] = &[
        "写出",
        "写一",
        "写个",
        "写下",
        "请",
        "查询",
        "找出",
        "列出",
        "求出",
        "求解",
        "要求",
        "编写",
        "计算",
        "统计",
        "用一条",
        "试写",
        "试述",
        "试用",
        "试分析",
        "试求",
    ];
    let t = line.trim_start();
    TASKS.iter().any(|w| t.starts_with(w))
}

/// The answer written after ` - ` on a question's line whose question is only the part before
/// it (`-> what is gas - an abstract unit…`), or after the colon of a line that opens with its
/// question, a term asked alone (`人力资本: 劳动者通过教育…`, `- QPS：每秒查询数`).
fn dash_answer(line: &str, question: &str) -> Option<String> {
    if question.is_empty() {
        return None;
    }
    let plain = line::strip_emphasis(line);
    // The term may open a bullet (`- QPS：每秒查询数`).
    let opening = plain.trim_start();
    let told = [Some(opening), crate::parse::blocks::bullet_item(opening)]
        .into_iter()
        .flatten()
        .find_map(|t| {
            t.strip_prefix(question).and_then(|rest| {
                rest.trim_start_matches([' ', '\t'])
                    .strip_prefix([':', '：'])
            })
        });
    if let Some(told) = told {
        return Some(told.trim().to_owned()).filter(|a| !a.is_empty());
    }
    let at = line.find(question)?;
    let after = &line[at + question.len()..];
    let rest = after.trim_start_matches([' ', '\t']);
    let answer = rest.strip_prefix('-')?;
    (after.starts_with([' ', '\t']) && answer.starts_with([' ', '\t']))
        .then(|| answer.trim().to_owned())
        .filter(|a| !a.is_empty())
}

/// Where a card's content begins: after its first line, or for a card opened by a bare
/// `<details>`, after the `<summary>` line that holds its question.
pub(super) fn fold_body(lines: &[Ln<'_>]) -> usize {
    if !line::opens_fold(lines[0].text) || line::fold_title(lines[0].text).is_some() {
        return 1;
    }
    (1..lines.len().min(3))
        .find(|&k| !matches!(lines[k].kind, Kind::Blank))
        .filter(|&k| line::fold_title(lines[k].text).is_some())
        .map_or(1, |k| k + 1)
}

/// Where a part opens with fenced code, the line after it that asks about the code (its index).
pub(super) fn code_led_question(lines: &[Ln<'_>], from: usize, to: usize) -> Option<usize> {
    if !matches!(lines[from].kind, Kind::Fence { .. }) {
        return None;
    }
    let close = (from + 1..=to).find(|&k| matches!(lines[k].kind, Kind::Fence { .. }))?;
    (close + 1..=to).find(|&k| matches!(lines[k].kind, Kind::Text | Kind::Heading(_)))
}

/// Phrases by which a question asks about code shown with it.
const CODE_PHRASES: [&str; 12] = [
    "这段代码",
    "下面的代码",
    "下面代码",
    "以下代码",
    "以下的代码",
    "如下代码",
    "下列代码",
    "下面程序",
    "以下程序",
    "代码输出",
    "输出什么",
    "输出结果",
];

/// A word each of [`CODE_PHRASES`] holds: most questions hold none, and need no more search.
const CODE_WORDS: [&str; 3] = ["代码", "程序", "输出"];

/// Does the question ask about code shown with it?
#[must_use]
pub fn refers_to_code(question: &str) -> bool {
    CODE_WORDS.iter().any(|w| question.contains(w))
        && CODE_PHRASES.iter().any(|w| question.contains(w))
}

/// An Anki tag: no white space; `::` kept for hierarchy.
#[must_use]
pub fn tag(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join("_")
}

#[cfg(test)]
mod tests {
    use super::{CODE_PHRASES, CODE_WORDS, refers_to_code, split_question};

    #[test]
    fn every_code_phrase_holds_a_code_word() {
        for phrase in CODE_PHRASES {
            assert!(CODE_WORDS.iter().any(|w| phrase.contains(w)), "{phrase}");
        }
    }

    #[test]
    fn questions_about_code() {
        assert!(refers_to_code("下面的代码输出什么？"));
        assert!(refers_to_code("以下程序有什么问题"));
        assert!(!refers_to_code("代码规范是什么？"));
        assert!(!refers_to_code("channel 和线程的区别是什么？"));
    }

    #[test]
    fn a_statement_with_its_blanks_filled_in() {
        let filled = split_question(
            "操作系统是{%s%} 管理系统资源的软件 {%ends%}，由{%s%}内核{%ends%}组成。",
        );
        assert_eq!(filled.0, "操作系统是＿＿，由＿＿组成。");
        assert_eq!(filled.1.as_deref(), Some("管理系统资源的软件；内核"));
        let underlined = split_question("应用程序通过<u>系统调用</u>接口获得服务。");
        assert_eq!(underlined.0, "应用程序通过＿＿接口获得服务。");
        assert_eq!(underlined.1.as_deref(), Some("系统调用"));
        assert_eq!(split_question("什么是<u>进程</u>？").1, None);
        // Blanks nobody filled in are no answer.
        let empty = split_question("操作系统是{%s%} {%ends%}。");
        assert_eq!(empty, ("操作系统是{%s%} {%ends%}。".to_owned(), None));
    }

    #[test]
    fn an_answer_on_the_question_line() {
        let answered = split_question("什么是协程？协程是用户态的轻量级线程。");
        assert_eq!(answered.0, "什么是协程？");
        assert_eq!(answered.1.as_deref(), Some("协程是用户态的轻量级线程。"));
        // A question written as a link keeps its link whole.
        let linked = split_question("[JTag用途？](/OS/JTag用途.md)");
        assert_eq!(linked, ("[JTag用途？](/OS/JTag用途.md)".to_owned(), None));
    }
}
