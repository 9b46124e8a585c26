//! Questions set off as one-line quotes: `>**jdk、jre、jvm的关系**`, a blank line, and its
//! answer as plain text, again and again through a part of the notes.

use rayon::prelude::*;

use super::LINES_PER_TASK;
use super::callouts::asking_callout;
use super::is_start;
use crate::parse::asking::{asks, ends_asking, question_like};
use crate::parse::line::{Kind, Style};
use crate::parse::{LABEL_RANK, Ln, Role, Start, blocks, code, line};

/// How many such quotes make the structure of a part: fewer may be remarks. Two do where each
/// of them asks ([`FEW_ASKING`]).
const AT_LEAST: usize = 3;

/// How many quotes that all ask (`> Node 如何和 MySQL 进行通信`, `> 浏览器为什么要阻止跨域请求?`),
/// one of them with a question mark, make the structure of a part.
const FEW_ASKING: usize = 2;

/// Where short one-line quotes alternate with unquoted text through a part of the notes that
/// nothing else divides (no heading or question line between them), the quotes mark its
/// questions and the text after each is its answer; a numbered list right under such a
/// question is the points of its answer. A heading whose text opens with the first such quote
/// names their topic. Quotes inside another question's answer are remarks on it, and a part
/// holding other questions of its own is left as it is.
pub(crate) fn split_quoted_questions(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    // Each line read alone: on every core, in order.
    let quotes: Vec<usize> = (0..lines.len())
        .into_par_iter()
        .with_min_len(LINES_PER_TASK)
        .filter(|&i| quoted_title(lines, i) && !is_start(starts, i))
        .collect();
    if quotes.len() < FEW_ASKING {
        return;
    }
    let asking = |i: usize| {
        let t = line::strip_emphasis(unquoted(lines[i].text));
        ends_asking(&t) || asks(&t)
    };
    let marked = |i: usize| ends_asking(&line::strip_emphasis(unquoted(lines[i].text)));
    let mut add = Vec::new();
    let mut drop = Vec::new();
    let mut topics = Vec::new();
    let mut q = 0;
    while q < quotes.len() {
        // The part this quote is in: from the start before it (a section, or the top of the
        // file) to the next start that is not a numbered line.
        let k = starts.partition_point(|s| s.line <= quotes[q]);
        let opened_by = k.checked_sub(1).map(|p| &starts[p]);
        let end = starts[k..]
            .iter()
            .find(|s| !numbered_record(lines, s))
            .map_or(lines.len(), |s| s.line);
        let group: Vec<usize> = quotes[q..]
            .iter()
            .copied()
            .take_while(|&i| i < end)
            .collect();
        q += group.len();
        // Two that ask in words only may be maxims (`> 有什么样的业务就有什么样的架构`): one
        // of them must end in a question mark.
        let few_asking = group.len() >= FEW_ASKING
            && group.iter().all(|&i| asking(i))
            && group.iter().any(|&i| marked(i));
        if group.len() < AT_LEAST && !few_asking {
            continue;
        }
        // A heading whose text opens with the first quote names their topic: a group of them.
        let topic = opened_by.filter(|s| {
            matches!(s.role, Role::Record { .. })
                && matches!(&lines[s.line].kind, Kind::Heading(h)
                    if matches!(h.style, Style::Markdown(_)))
                && lines[s.line + 1..group[0]]
                    .iter()
                    .all(|l| matches!(l.kind, Kind::Blank))
        });
        let free = opened_by.is_none_or(|s| matches!(s.role, Role::Section { .. }));
        if !free && topic.is_none() {
            continue;
        }
        // Every numbered start in the part must be a list right under one of the quotes.
        let inner: Vec<usize> = starts[k..]
            .iter()
            .take_while(|s| s.line < end)
            .map(|s| s.line)
            .collect();
        let Some(points) = answer_lists(lines, &group, &inner) else {
            continue;
        };
        add.extend(group);
        drop.extend(points);
        if let Some(s) = topic {
            topics.push(s.line);
        }
    }
    if add.is_empty() {
        return;
    }
    drop.sort_unstable();
    starts.retain(|s| drop.binary_search(&s.line).is_err());
    for s in starts.iter_mut().filter(|s| topics.contains(&s.line)) {
        if let Role::Record { question, .. } = &s.role {
            let rank = s.rank.unwrap_or(LABEL_RANK);
            s.role = Role::Section {
                rank,
                title: line::strip_emphasis(question).trim().to_owned(),
            };
            s.rank = Some(rank);
        }
    }
    starts.extend(add.into_iter().map(|i| Start {
        line: i,
        rank: None,
        role: Role::question(unquoted(lines[i].text)),
    }));
    starts.sort_by_key(|s| s.line);
}

/// The numbered starts of a part (`inner`), if every one is an item of a list that stands
/// right under one of the quotes (`quotes`) and asks nothing: the points of its answer.
fn answer_lists(lines: &[Ln<'_>], quotes: &[usize], inner: &[usize]) -> Option<Vec<usize>> {
    let mut points = Vec::new();
    let mut rest = inner;
    while let Some(&first) = rest.first() {
        // The quote right above the list, with nothing but blank lines between.
        let q = quotes.iter().rev().find(|&&q| q < first)?;
        if lines[q + 1..first]
            .iter()
            .any(|l| !matches!(l.kind, Kind::Blank))
        {
            return None;
        }
        let mut run = 1;
        while run < rest.len()
            && !quotes
                .iter()
                .any(|&q| (rest[run - 1]..rest[run]).contains(&q))
        {
            run += 1;
        }
        for &i in &rest[..run] {
            let Kind::Heading(h) = &lines[i].kind else {
                return None;
            };
            if question_like(&h.title) {
                return None;
            }
            points.push(i);
        }
        rest = &rest[run..];
    }
    Some(points)
}

/// A record started by a numbered line (`1. …`, `（2）…`), not a heading.
fn numbered_record(lines: &[Ln<'_>], s: &Start) -> bool {
    matches!(s.role, Role::Record { .. })
        && matches!(&lines[s.line].kind, Kind::Heading(h)
            if !matches!(h.style, Style::Markdown(_) | Style::Question))
}

/// A quote of one line set off by a break above and a blank line below, short and shaped like
/// a title (no sentence, label, link or code), with unquoted text after it.
fn quoted_title(lines: &[Ln<'_>], i: usize) -> bool {
    let l = &lines[i];
    if !matches!(l.kind, Kind::Text) || !l.text.starts_with('>') || asking_callout(l.text).is_some()
    {
        return false;
    }
    let above = i
        .checked_sub(1)
        .is_none_or(|p| matches!(lines[p].kind, Kind::Blank | Kind::Heading(_)));
    let below = lines
        .get(i + 1)
        .is_none_or(|n| matches!(n.kind, Kind::Blank));
    if !above || !below {
        return false;
    }
    let inner = unquoted(l.text);
    let plain = line::strip_emphasis(inner);
    let t = plain.trim();
    if t.is_empty()
        || t.chars().count() > 80
        || t.starts_with(['[', '!', '<', '|', '-', '*', '+', '>', '`'])
        || !matches!(line::classify(inner), Kind::Text)
        || code::looks_like_code(t)
        || blocks::url_only(t).is_some()
    {
        return false;
    }
    let titled =
        ends_asking(t) || !(t.ends_with(SENTENCE_END) || t.contains(['。', '；', ':', '：']));
    // What follows is unquoted text: the answer.
    let answered = lines[i + 1..]
        .iter()
        .find(|n| !matches!(n.kind, Kind::Blank))
        .is_some_and(|n| {
            !n.text.starts_with('>')
                && !matches!(&n.kind, Kind::Heading(h) if matches!(h.style, Style::Markdown(_)))
        });
    titled && answered
}

/// What a title never ends with: sentence punctuation, or a colon that leads in.
const SENTENCE_END: [char; 14] = [
    '。', '；', ';', '，', ',', '、', '！', '!', '…', '.', ')', '）', ':', '：',
];

/// The text of a quoted line without its `>` marks.
fn unquoted(text: &str) -> &str {
    text.trim_start_matches(['>', ' ', '\t'])
}
