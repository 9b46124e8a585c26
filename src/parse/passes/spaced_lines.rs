//! Question lists written as lines each alone between blank lines, with no marker at all.

use super::is_start;
use super::link_contents::link_line;
use crate::parse::asking::{asks, asks_mid_line, ends_asking, has_question_mark};
use crate::parse::line::Kind;
use crate::parse::{Ln, Role, Start};

/// Most characters of a line in such a list that does not ask: a topic or a `term：gloss`
/// note (`事件驱动：事件源，监听器`), not a sentence of an answer.
const MAX_TOPIC: usize = 40;

/// Lines each alone between blank lines, one after another with only blank lines between
/// them (`JSP九大内置对象`, `JAVA EE 和 JAVA SE 是什么`, `Spring 控制反转，依赖注入？`): where
/// two of them that ask stand next to each other — a question followed straight by another
/// was left unanswered — and at least half of them ask, the lines are a list of questions
/// and topics, each its own record; the lines that ask nothing must be short (a topic, a
/// term with its gloss), not an answer's sentences, and no two open with the same label
/// (`面试官：`, `我：`: a dialogue's turns). A heading record right above such a list,
/// with nothing of its own, groups it: it becomes a section; so does, in such a file, one
/// over a single line that asks and nothing else (`# Eventual consistency` / `Let's say … How
/// would you …?`).
pub(crate) fn split_spaced_lines(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let mut extra: Vec<usize> = Vec::new();
    let mut sections: Vec<usize> = Vec::new();
    let mut singles: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !alone(lines, i) {
            i += 1;
            continue;
        }
        let mut run = vec![i];
        let mut j = i + 1;
        loop {
            while j < lines.len() && matches!(lines[j].kind, Kind::Blank) {
                j += 1;
            }
            if j < lines.len() && j > run[run.len() - 1] + 1 && alone(lines, j) {
                run.push(j);
                j += 1;
            } else {
                break;
            }
        }
        i = j.max(i + 1);
        let (first, last) = (run[0], run[run.len() - 1]);
        let from = starts.partition_point(|s| s.line < first);
        let heading = from
            .checked_sub(1)
            .filter(|&p| empty_heading_record(lines, &starts[p], first));
        let fills_heading = j >= lines.len() || matches!(lines[j].kind, Kind::Heading(_));
        if run.len() == 1 {
            if let Some(p) = heading.filter(|_| fills_heading && line_asks(lines[first].text)) {
                singles.push((p, first));
            }
            continue;
        }
        // Under a heading that asks with a question mark (`#### 十三、什么是同步？什么是异步？`),
        // lines one of which closes a sentence are its answer's paragraphs unless they ask with
        // question marks too: a request word inside a sentence (`同步与异步描述的是被调用者。`,
        // `举例：如果A调用B`) is no question. Lines that close none list what the heading asks
        // for (`#### 一面问了什么？` / `讲讲项目里Redis是怎么用的` / `手写单例模式`).
        let strict = heading.is_some_and(|p| has_question_mark(lines[starts[p].line].text))
            && run
                .iter()
                .any(|&k| lines[k].text.trim_end().ends_with('。'));
        if !list_of_questions(lines, &run, strict) {
            continue;
        }
        let to = starts.partition_point(|s| s.line <= last);
        if starts[from..to]
            .iter()
            .any(|s| !matches!(s.role, Role::Record { .. }))
        {
            continue;
        }
        for &k in &run {
            if !is_start(&starts[from..to], k) {
                extra.push(k);
            }
        }
        sections.extend(heading);
    }
    // A heading over a single such line that asks, and nothing else, holds it as the other
    // headings hold their lists: where any does, it is a section over one question.
    if !sections.is_empty() {
        for (p, k) in singles {
            sections.push(p);
            if !is_start(starts, k) {
                extra.push(k);
            }
        }
    }
    for p in sections {
        let s = &mut starts[p];
        if let (Some(rank), Kind::Heading(h)) = (s.rank, &lines[s.line].kind) {
            s.role = Role::Section {
                rank,
                title: h.title.trim().to_owned(),
            };
        }
    }
    super::add_questions(lines, starts, extra);
}

/// A record started by a heading with only blank lines between it and line `first`.
fn empty_heading_record(lines: &[Ln<'_>], s: &Start, first: usize) -> bool {
    matches!(s.role, Role::Record { .. })
        && s.rank.is_some()
        && matches!(lines[s.line].kind, Kind::Heading(_))
        && lines[s.line + 1..first]
            .iter()
            .all(|l| matches!(l.kind, Kind::Blank))
}

/// A line of plain text alone between blank lines (or a heading, or the file's edge), one
/// sentence at most: a line with a `。` before its end is a paragraph of an answer, and a line
/// that is only a link an entry of contents or a reading list.
fn alone(lines: &[Ln<'_>], i: usize) -> bool {
    let apart =
        |k: Option<&Ln<'_>>| k.is_none_or(|l| matches!(l.kind, Kind::Blank | Kind::Heading(_)));
    let t = lines[i].text.trim();
    lines[i].prose()
        && !lines[i].indented()
        && !t.trim_end_matches('。').contains('。')
        && !link_line(t)
        && apart(i.checked_sub(1).map(|k| &lines[k]))
        && apart(lines.get(i + 1))
}

/// Do the lines read as a list of questions: two asking lines next to each other, at least
/// half of them asking, and the rest short? When `strict`, only a line with a question mark
/// asks.
fn list_of_questions(lines: &[Ln<'_>], run: &[usize], strict: bool) -> bool {
    let asking: Vec<bool> = run
        .iter()
        .map(|&k| line_asks(lines[k].text) && (!strict || has_question_mark(lines[k].text)))
        .collect();
    let count = asking.iter().filter(|&&a| a).count();
    let adjacent = asking.windows(2).any(|w| w[0] && w[1]);
    let short = run
        .iter()
        .zip(&asking)
        .all(|(&k, &a)| a || lines[k].text.trim().chars().count() <= MAX_TOPIC);
    adjacent && count * 2 >= run.len() && short && !repeats_label(lines, run)
}

/// Do two of the lines open with the same short label (`面试官：`, `我：`)? Such lines are the
/// turns of a dialogue or the fields of a form, not items of a list.
fn repeats_label(lines: &[Ln<'_>], run: &[usize]) -> bool {
    let mut labels: Vec<&str> = run
        .iter()
        .filter_map(|&k| {
            let (label, _) = lines[k].text.trim().split_once(['：', ':'])?;
            (label.chars().count() <= MAX_LABEL).then_some(label.trim())
        })
        .collect();
    labels.sort_unstable();
    labels.windows(2).any(|w| w[0] == w[1])
}

/// Most characters of a label opening a line.
const MAX_LABEL: usize = 12;

/// Does the line ask: a question mark closing it or a sentence in it, or a question word?
fn line_asks(text: &str) -> bool {
    asks(text) || ends_asking(text) || asks_mid_line(text)
}
