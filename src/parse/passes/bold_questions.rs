//! Bold question lines read alike: `**Why is your first filter not enough?**` over its answer
//! paragraph, again and again. Where most lines that are bold and nothing else, each set apart
//! above by a blank line and with text right under it (or after one blank line), already start
//! cards, the others set
//! apart alike are questions too when they end in a question mark, however long, with a comma,
//! or with a sentence before the question (`**You designed it late. Isn't that overfitting?**`),
//! and when they are short titles, answered or not (`**mvc 和 mvvm**`, `**组件之间如何通信**`
//! over a blank line). A bold sentence (`**…，不是一个问题标题。**`) is no title. Such bold lines
//! are read as questions, too, where every one stands under a heading that asks nothing and
//! carries no number (`# Node`) or under another such line, three of them questions already or
//! asking in words (`**为什么需要使用 Buffer**`), no label coming back and none naming a part
//! (`**示例**`).
//! Elsewhere, a bold line that asks with a question mark after a topic's explanation, under an
//! unnumbered Markdown heading that asks nothing, is a card of its own (see `follow_ups`).

use super::{add_questions, record_at, record_before};
use crate::parse::asking::{asks, ends_asking, numbered_name, question_like};
use crate::parse::line::{self, Kind};
use crate::parse::{Ln, Role, Start};

/// Bold lines already read as questions before the others are read alike (or, under topic
/// headings, already questions or asking in words).
const MIN_ASKED: usize = 3;

/// Read bold question lines alike (see the module).
pub(crate) fn read_bold_questions_alike(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    // The bold lines set apart, found once; those with text right under them say whether the
    // notes are written this way.
    let apart: Vec<usize> = (0..lines.len())
        .filter(|&i| bold_set_apart(lines, i))
        .collect();
    // Right under it, or after one blank line (`**什么是 Promise ？**` / blank / `* Promise 就是…`).
    let under = |i: usize| match lines.get(i + 1) {
        Some(n) if matches!(n.kind, Kind::Blank) => lines.get(i + 2),
        n => n,
    };
    let over_text = |i: usize| under(i).is_some_and(|n| matches!(n.kind, Kind::Text) && !n.code);
    // Text or a fenced block (`**koa context 中的请求响应对象**` / a fence).
    let over_content =
        |i: usize| over_text(i) || under(i).is_some_and(|n| matches!(n.kind, Kind::Fence { .. }));
    let bold = apart.iter().filter(|&&i| over_text(i)).count();
    let asked = apart
        .iter()
        .filter(|&&i| over_text(i) && record_at(starts, i).is_some())
        .count();
    let alike = asked >= MIN_ASKED && asked * 2 >= bold;
    let over: Vec<usize> = apart.iter().copied().filter(|&i| over_content(i)).collect();
    if !alike && !under_topics(lines, starts, &apart, &over) {
        let asked = follow_ups(lines, starts, &over);
        add_questions(lines, starts, asked);
        return;
    }
    // Read by where they stand (not alike), only lines with text or code under them are
    // cards, none naming a part of an answer (`**示例**`), and a longer one that asks in words
    // is one too.
    let asking = |i: usize| !alike && asks(&line::strip_emphasis(lines[i].text));
    let part = |i: usize| {
        ANSWER_PARTS.contains(
            &line::strip_emphasis(lines[i].text)
                .trim()
                .trim_end_matches([':', '：']),
        )
    };
    let extra: Vec<usize> = apart
        .into_iter()
        .filter(|&i| alike || (over_content(i) && !part(i)))
        .filter(|&i| ends_asking(lines[i].text) || short_title(lines[i].text) || asking(i))
        .collect();
    add_questions(lines, starts, extra);
}

/// Are the bold lines `over` (set apart, with text or code under them; `apart` all those set
/// apart) the notes' cards by where they stand? Under topic headings that ask nothing and carry
/// no number (`# Node`, `# MySQL`; not `### 1. synchronized 的底层原理`, a question whose bold
/// lines are the parts of its answer, nor `### 示范问题 1`, which names the question its bold
/// line puts), or under one another, three of them cards already or asking in words (`**为什么需要
/// 使用 Buffer**`, `**express 和 koa 的区别**`), however many name a topic (`**设置外键**`). Not
/// where one label comes back (`**是什么**` under two headings): those name parts.
fn under_topics(lines: &[Ln<'_>], starts: &[Start], apart: &[usize], over: &[usize]) -> bool {
    let under_topic = |i: usize| {
        let n = starts.partition_point(|s| s.line <= i);
        n == 0
            || match &starts[n - 1].role {
                Role::Record { question, .. } => {
                    let at = starts[n - 1].line;
                    apart.binary_search(&at).is_ok()
                        || (topic_heading(&lines[at], question) && !numbered_name(None, question))
                }
                Role::Section { .. } => true,
                _ => false,
            }
    };
    let asking = over
        .iter()
        .filter(|&&i| record_at(starts, i).is_some() || asks(&line::strip_emphasis(lines[i].text)))
        .count();
    let mut words: Vec<String> = over
        .iter()
        .map(|&i| line::strip_emphasis(lines[i].text).trim().to_owned())
        .collect();
    words.sort_unstable();
    let repeated = words.windows(2).any(|w| w[0] == w[1]);
    asking >= MIN_ASKED && !repeated && over.iter().all(|&i| under_topic(i))
}

/// Bold questions asked after a topic's explanation (`### 四次挥手` / its steps / `**为什么建立连接
/// 是三次握手，关闭连接却是四次挥手呢？**` / the answer): each is a question the topic raises,
/// a card of its own, however few. Only under a Markdown heading that carries no number and
/// asks nothing, and only after text of the topic's own: a question's bold lines, or a topic's
/// first line, are parts of its answer.
fn follow_ups(lines: &[Ln<'_>], starts: &[Start], over: &[usize]) -> Vec<usize> {
    over.iter()
        .copied()
        .filter(|&i| {
            if !ends_asking(lines[i].text) || record_at(starts, i).is_some() {
                return false;
            }
            let Some(Start {
                line: at,
                role: Role::Record { question, .. },
                ..
            }) = record_before(starts, i)
            else {
                return false;
            };
            topic_heading(&lines[*at], question)
                && !question_like(question)
                && lines[at + 1..i].iter().any(|l| {
                    matches!(l.kind, Kind::Text) && line::bold_span(l.text.trim_end()).is_none()
                })
        })
        .collect()
}

/// A record's line that is a Markdown heading with no number, whose `question` asks nothing
/// (`### 四次挥手`, `# Node`): a topic.
fn topic_heading(l: &Ln<'_>, question: &str) -> bool {
    matches!(&l.kind, Kind::Heading(h) if h.number.is_none())
        && l.markdown_level().is_some()
        && !asks(question)
}

/// Labels that name a part of one answer (`**示例**`, `**注意**`), never a question of their own.
const ANSWER_PARTS: &[&str] = &[
    "答案",
    "答",
    "解析",
    "示例",
    "例子",
    "代码",
    "注意",
    "注意事项",
    "总结",
    "步骤",
    "原理",
    "作用",
    "结论",
    "解决",
    "解决办法",
    "解决方案",
];

/// Longer than this, a bold line is a sentence set off, more than a title.
const MAX_TITLE_CHARS: usize = 30;

/// The words of a bold line (`**…**`) name a topic, short and not a sentence.
fn short_title(text: &str) -> bool {
    let inner = text.trim().trim_matches('*').trim();
    !inner.is_empty()
        && inner.chars().count() <= MAX_TITLE_CHARS
        && !inner.ends_with(['。', '.', '；', ';', '，', ','])
}

/// Is line `i` bold and nothing else (`**…**`), at the margin, with a blank line (or the
/// file's start) above it?
fn bold_set_apart(lines: &[Ln<'_>], i: usize) -> bool {
    let l = &lines[i];
    line::bold_span(l.text.trim_end()).is_some()
        && matches!(l.kind, Kind::Text)
        && (i == 0 || matches!(lines[i - 1].kind, Kind::Blank))
}
