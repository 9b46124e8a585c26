//! Bullet outlines of questions grouped by subject (bullet or numbered subjects).

use super::super::asking::{
    COLLECTION_WORDS, INTERVIEW_ROUNDS, asks, bullet_asks, interrogative, opens_with_request,
};
use super::super::line::{Kind, Style};
use super::super::{Ln, Role, Start, blocks};
use super::{is_start, record_at};

/// A bullet outline whose outermost items name subjects (`- css`, `- 浏览器`: a few words, no
/// sentence, nothing asked) over items one level in that are questions (`  - 重绘和重排？`,
/// `  - 浏览器渲染过程`): each inner item is one question, and what is nested deeper or glued
/// under it is its answer. The subjects group the questions. A numbered subject (`1. 强化学习`
/// over `   - 状态怎么设计`) groups as a bullet one does, and a label's closing colon
/// (`- 非技术类：`) still names a subject. An outline of what to study
/// (`- 项目经验` over `  - 抓包工具`) asks nothing, nor do notes, plans or minutes whose items
/// state (`  - 怎么选：读写锁`): where too few inner items ask, or where the
/// heading above names no collection of questions and fewer than half of them ask, it stays text.
pub(crate) fn split_subject_outlines(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let mut i = 0;
    let mut extra = Vec::new();
    let mut regrouped = Vec::new();
    // The title of the last heading above line `scanned`, found in one pass over the file.
    let (mut scanned, mut heading_above) = (0, None);
    while i < lines.len() {
        let Some(kind) = outer(&lines[i]).map(|(kind, _)| kind) else {
            i += 1;
            continue;
        };
        // A numbered subject is a record the outline found; a bullet one is no start yet.
        let free = match kind {
            Outer::Bullet => !is_start(starts, i),
            Outer::Numbered => record_at(starts, i).is_some(),
        };
        if !free {
            i += 1;
            continue;
        }
        for l in &lines[scanned..i] {
            if let Kind::Heading(h) = &l.kind {
                heading_above = Some(&h.title);
            }
        }
        scanned = i;
        let collection = heading_above.is_some_and(|title: &String| {
            COLLECTION_WORDS
                .iter()
                .chain(INTERVIEW_ROUNDS)
                .any(|w| title.contains(w))
        });
        let end = outline_end(lines, starts, i, kind);
        // Once one outline is found, another in the same notes may name a single subject.
        let fewest = if extra.is_empty() { 3 } else { 1 };
        let mut next = end;
        if let Some(found) = subject_outline(lines, starts, (i, end), collection, kind, fewest) {
            regrouped.extend(found.heading);
            regrouped.extend(found.numbered);
            extra.extend(found.starts);
            if kind == Outer::Bullet {
                let (questions, after) = questions_after(lines, starts, end);
                extra.extend(questions);
                next = after;
            }
        }
        i = next.max(i + 1);
    }
    if extra.is_empty() {
        return;
    }
    for n in regrouped {
        if let Role::Record { question, .. } = &starts[n].role {
            let title = question.trim_end_matches([':', '：']).to_owned();
            starts[n].role = Role::Section {
                rank: starts[n].rank.unwrap_or(super::super::LABEL_RANK),
                title,
            };
        }
    }
    starts.extend(extra);
    starts.sort_by_key(|s| s.line);
}

struct Found {
    /// The start of the heading right above the outline, now a group.
    heading: Option<usize>,
    /// The starts of numbered subjects, now groups.
    numbered: Vec<usize>,
    starts: Vec<Start>,
}

/// How an outline marks its outermost items.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Outer {
    /// `- css`
    Bullet,
    /// `1. 强化学习`, `二、网络`
    Numbered,
}

/// What marks an outermost item, and its text: an unindented bullet, or an unindented
/// numbered line (not a Markdown heading, not a `Q：` label).
fn outer<'b>(l: &'b Ln<'_>) -> Option<(Outer, &'b str)> {
    match &l.kind {
        Kind::Text => blocks::bullet_item(l.text).map(|t| (Outer::Bullet, t)),
        _ => l
            .numbered_item()
            .filter(|h| !l.indented() && h.style != Style::Question)
            .map(|h| (Outer::Numbered, h.title.as_str())),
    }
}

/// The text of an outermost item marked as `kind` says.
fn outer_of<'b>(l: &'b Ln<'_>, kind: Outer) -> Option<&'b str> {
    outer(l).filter(|&(k, _)| k == kind).map(|(_, t)| t)
}

/// The indent (in columns, a tab four) and the text of a bullet item at any depth.
fn any_bullet<'a>(l: &Ln<'a>) -> Option<(usize, &'a str)> {
    let body = l.text.trim_start_matches([' ', '\t']);
    blocks::bullet_item(body).map(|t| (super::indent_columns(l.text), t))
}

/// Where the outline that starts at `from` ends: before two blank lines in a row, an existing
/// start, a heading, or an unindented line after a blank line that is no outermost item (or,
/// in a bullet outline, no subject). A numbered outline goes on over its numbered items,
/// records of the outline's own.
fn outline_end(lines: &[Ln<'_>], starts: &[Start], from: usize, kind: Outer) -> usize {
    let mut k = from + 1;
    while k < lines.len() {
        let l = &lines[k];
        let item = outer_of(l, kind).is_some();
        let own = kind == Outer::Numbered && item && record_at(starts, k).is_some();
        if !own && (is_start(starts, k) || matches!(l.kind, Kind::Heading(_)) && !l.indented()) {
            break;
        }
        if matches!(l.kind, Kind::Blank) {
            let next = lines.get(k + 1);
            let goes_on = next.is_some_and(|n| outer_of(n, kind).is_some() || n.indented());
            if !goes_on {
                break;
            }
        } else if !l.indented() && matches!(lines[k - 1].kind, Kind::Blank) {
            // After a blank line, a line at the margin that is no subject (`- 如何交换系统的方法？`
            // after the subjects' questions) starts something else.
            let subject_item = outer_of(l, kind).is_some_and(|t| subject(without_box(t)));
            if !item || (kind == Outer::Bullet && !subject_item) {
                break;
            }
        }
        k += 1;
    }
    k
}

/// A subject: a few words, no sentence punctuation, asking nothing; a label's closing colon
/// (`非技术类：`) is no sentence.
fn subject(text: &str) -> bool {
    let t = text.trim().trim_end_matches([':', '：']).trim_end();
    !t.is_empty()
        && t.chars().count() <= 16
        && !t.contains(['，', '。', '？', '?', ',', '：', ':', '；', '[', '`'])
        && !asks(t)
}

/// An item that states rather than asks: it carries its own point after a colon
/// (`怎么选：读多写少用读写锁`), holds a semicolon or closes with a full stop,
/// and no question mark ends it. A question word inside a statement asks nothing, and a
/// request word (`准备项目介绍`) asks only where it opens the item.
fn states(text: &str) -> bool {
    let t = text.trim();
    !t.ends_with(['?', '？'])
        && (t.ends_with('。')
            || t.contains('；')
            || t.split_once('：')
                .is_some_and(|(_, point)| !point.trim().is_empty()))
}

/// The starts of an outline's inner items `inner`, given which of them name a subject of their
/// own over deeper questions (`subs`, see [`sub_subjects`]): a question each, or such a subject.
fn inner_starts(inner: &[(usize, &str)], subs: Vec<Option<Vec<(usize, &str)>>>) -> Vec<Start> {
    let mut starts = Vec::new();
    let nested = subs.iter().any(Option::is_some);
    let sub_rank = super::super::LABEL_RANK + 1;
    for (&(k, t), sub) in inner.iter().zip(subs) {
        match sub {
            Some(questions) => {
                starts.push(Start {
                    line: k,
                    rank: Some(sub_rank),
                    role: Role::label_ranked(t, sub_rank),
                });
                starts.extend(questions.into_iter().map(|(q, text)| Start {
                    line: q,
                    rank: None,
                    role: Role::question(text),
                }));
            }
            None => starts.push(Start {
                line: k,
                rank: nested.then_some(sub_rank),
                role: Role::question(t),
            }),
        }
    }
    starts
}

/// Which inner items (`inner`, under `subjects`, up to line `end`) name a subject of their own
/// over bullets nested deeper (`- By. 面试之道` / `  - Swift` / `    - 什么是可选型`), with
/// those bullets, the questions: a label under the outer subject. Beside such labels, an inner
/// question closes them. An item whose deeper bullets mostly ask is one; where two are, a
/// sibling over bullets alone is one too, whatever they ask (`- 线程` / `  - 串行队列的代码实战`).
fn sub_subjects<'a>(
    lines: &[Ln<'a>],
    subjects: &[usize],
    inner: &[(usize, &str)],
    end: usize,
) -> Vec<Option<Vec<(usize, &'a str)>>> {
    let found: Vec<_> = (0..inner.len())
        .map(|n| {
            // The subjects are in line order: the next one after the item, found by halving.
            let subject_after = subjects
                .get(subjects.partition_point(|&s| s <= inner[n].0))
                .copied()
                .unwrap_or(end);
            let next = inner.get(n + 1).map_or(end, |&(k, _)| k).min(subject_after);
            sub_subject(lines, inner[n], next)
        })
        .collect();
    let asking = found.iter().flatten().filter(|(_, asks)| *asks).count();
    found
        .into_iter()
        .map(|f| f.filter(|(_, asks)| *asks || asking >= 2).map(|(q, _)| q))
        .collect()
}

/// The bullets one level deeper under the inner item `(at, text)`, up to line `next`, if the
/// item names a subject over two or more of them and nothing else is there, and whether most
/// of them ask.
fn sub_subject<'a>(
    lines: &[Ln<'a>],
    (at, text): (usize, &str),
    next: usize,
) -> Option<(Vec<(usize, &'a str)>, bool)> {
    if !subject(text) {
        return None;
    }
    let own = super::indent_columns(lines[at].text);
    let mut depth = None;
    let mut questions = Vec::new();
    for (k, l) in lines.iter().enumerate().take(next).skip(at + 1) {
        if matches!(l.kind, Kind::Blank) {
            continue;
        }
        let (indent, item) = any_bullet(l)?;
        if indent <= own {
            return None;
        }
        let d = *depth.get_or_insert(indent);
        if indent == d {
            questions.push((k, without_box(item)));
        }
    }
    // Points under a card (`- 浏览器渲染过程` / `    - 解析 HTML 生成 DOM 树`) state; questions
    // ask, most of them.
    let asking = questions.iter().filter(|(_, t)| item_asks(t)).count();
    let most_ask = asking * 2 >= questions.len();
    (questions.len() >= 2).then_some((questions, most_ask))
}

/// The box of a task-list item (`[x] 手写 new`) is no part of the question.
fn without_box(text: &str) -> &str {
    blocks::after_task_box(text)
        .and_then(|rest| rest.strip_prefix(' '))
        .unwrap_or(text)
        .trim()
}

/// The bullets at the margin, most of them asking, right after a bullet outline that ends at
/// `end` (`- 如何交换系统的方法？` after the subjects' questions): questions of their own,
/// closing the outline's subjects, and what is nested under each its answer; and where they
/// end (at a subject over indented items, another outline).
fn questions_after(lines: &[Ln<'_>], starts: &[Start], end: usize) -> (Vec<Start>, usize) {
    let mut items = Vec::new();
    let mut k = end;
    while k < lines.len() && !is_start(starts, k) {
        let l = &lines[k];
        if matches!(l.kind, Kind::Blank) {
            if lines
                .get(k + 1)
                .is_none_or(|n| matches!(n.kind, Kind::Blank))
            {
                break;
            }
        } else if !l.indented() {
            // A subject over indented items opens another outline.
            let opens = |t: &str| {
                subject(t)
                    && lines
                        .get(k + 1)
                        .is_some_and(|n| n.indented() && !n.text.trim().is_empty())
            };
            match outer_of(l, Outer::Bullet).map(without_box) {
                Some(t) if !opens(t) => items.push((k, t)),
                _ => break,
            }
        }
        k += 1;
    }
    let asking = items.iter().filter(|(_, t)| item_asks(t)).count();
    if items.len() < 2 || asking * 2 < items.len() {
        return (Vec::new(), end);
    }
    let questions = items
        .into_iter()
        .map(|(k, t)| Start {
            line: k,
            rank: Some(super::super::LABEL_RANK),
            role: Role::question(t),
        })
        .collect();
    (questions, k)
}

/// An item that asks (`如何交换系统的方法？`, `谈谈…`), not one that states its point.
fn item_asks(text: &str) -> bool {
    !states(text) && (bullet_asks(text) || interrogative(text) || opens_with_request(text))
}

/// `collection`: the heading above the outline names a collection of questions (`## 题目整理`).
/// `fewest`: how many subjects (nested ones included) the outline names at least.
fn subject_outline(
    lines: &[Ln<'_>],
    starts: &[Start],
    (from, end): (usize, usize),
    collection: bool,
    kind: Outer,
    fewest: usize,
) -> Option<Found> {
    // The subjects, and under each the bullets one level in. `from` holds the first subject,
    // so every inner bullet belongs to the subject last seen.
    let mut subjects: Vec<usize> = Vec::new();
    let mut with_items = 0;
    let mut counted = false;
    let mut inner: Vec<(usize, &str)> = Vec::new();
    let mut level: Option<usize> = None;
    for (k, l) in lines.iter().enumerate().take(end).skip(from) {
        if outer_of(l, kind).is_some() {
            subjects.push(k);
            level = None;
            counted = false;
            continue;
        }
        let Some((indent, text)) = any_bullet(l).filter(|&(indent, _)| indent > 0) else {
            continue;
        };
        let level = *level.get_or_insert(indent);
        if indent == level {
            // The subject's first item counts it as holding items.
            if !counted {
                with_items += 1;
                counted = true;
            }
            inner.push((k, without_box(text)));
        }
    }
    let all_subjects = subjects
        .iter()
        .all(|&s| outer_of(&lines[s], kind).is_some_and(|t| subject(without_box(t))));
    if !all_subjects || with_items * 3 < subjects.len() * 2 {
        return None;
    }
    // Subjects nested in the outline's subjects count as subjects too.
    let subs = sub_subjects(lines, &subjects, &inner, end);
    if subjects.len() + subs.iter().flatten().count() < fewest {
        return None;
    }
    // The cards: the inner items, a nested subject's questions in its place.
    let cards: Vec<&str> = inner
        .iter()
        .zip(&subs)
        .flat_map(|((_, t), sub)| match sub {
            Some(questions) => questions.iter().map(|&(_, q)| q).collect(),
            None => vec![*t],
        })
        .collect();
    let asking = cards.iter().filter(|t| item_asks(t)).count();
    let short = cards.iter().filter(|t| t.chars().count() <= 60).count();
    // The heading above, if only blank lines part it from the outline.
    let heading = starts
        .partition_point(|s| s.line < from)
        .checked_sub(1)
        .filter(|&n| starts[n].rank.is_some())
        .filter(|&n| (starts[n].line + 1..from).all(|k| matches!(lines[k].kind, Kind::Blank)));
    let enough = cards.len() >= 4
        && short * 4 >= cards.len() * 3
        && asking * 3 >= cards.len()
        && (collection || asking * 2 >= cards.len());
    if !enough {
        return None;
    }
    // A numbered subject the outline made a record becomes a group in place.
    let numbered: Vec<usize> = subjects
        .iter()
        .filter_map(|&s| record_at(starts, s))
        .collect();
    let mut out: Vec<Start> = subjects
        .iter()
        .filter(|&&s| !is_start(starts, s))
        .map(|&s| Start {
            line: s,
            rank: Some(super::super::LABEL_RANK),
            role: Role::label(without_box(outer_of(&lines[s], kind).unwrap_or_default())),
        })
        .collect();
    out.extend(inner_starts(&inner, subs));
    Some(Found {
        heading: heading.filter(|&n| matches!(starts[n].role, Role::Record { .. })),
        numbered,
        starts: out,
    })
}

/// A numbered subject at the margin that names questions (`4. 问题汇总`,
/// `5. 其他常见问题`, `8. 问题：`) over three bullets or more one level in, with nothing else
/// up to the next start but blank lines and bullets nested deeper: each bullet is a question
/// and the subject their section, whatever the other subjects around it hold (`2. 机器学习算法`
/// over `   * 决策树` stays one card). What is nested deeper is a question's answer.
pub(crate) fn split_named_subjects(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let mut extra = Vec::new();
    for n in 0..starts.len() {
        let s = &starts[n];
        let Role::Record { question, .. } = &s.role else {
            continue;
        };
        let end = starts.get(n + 1).map_or(lines.len(), |next| next.line);
        // The bullets are looked for first: most records hold none, and naming is dearer.
        let bullet_first = lines[s.line + 1..end]
            .iter()
            .find(|l| !matches!(l.kind, Kind::Blank))
            .and_then(any_bullet)
            .is_some_and(|(indent, _)| indent > 0);
        let title = question.trim().trim_end_matches([':', '：']).trim_end();
        if !bullet_first
            || outer_of(&lines[s.line], Outer::Numbered).is_none()
            || !subject_names_questions(title)
        {
            continue;
        }
        let mut level = None;
        let mut items = Vec::new();
        let only_bullets = lines[s.line + 1..end].iter().enumerate().all(|(k, l)| {
            if matches!(l.kind, Kind::Blank) {
                return true;
            }
            let Some((indent, text)) = any_bullet(l).filter(|&(indent, _)| indent > 0) else {
                return false;
            };
            let level = *level.get_or_insert(indent);
            if indent == level {
                items.push(Start {
                    line: s.line + 1 + k,
                    rank: None,
                    role: Role::question(without_box(text)),
                });
            }
            indent >= level
        });
        if only_bullets && items.len() >= MIN_NAMED_ITEMS {
            extra.push((n, title.to_owned(), items));
        }
    }
    if extra.is_empty() {
        return;
    }
    let mut added = Vec::new();
    for (n, title, items) in extra {
        starts[n].role = Role::Section {
            rank: starts[n].rank.unwrap_or(super::super::LABEL_RANK),
            title,
        };
        added.extend(items);
    }
    super::merge_starts(starts, added);
}

/// Does a subject name questions (`问题汇总`, `其他常见问题`, `问题`, `面试题`, `FAQ`)? Not
/// any collection (`总结` or `笔记` over bullets holds points), nor problems (`存在的问题` over
/// `   - 显存占用大` states them).
fn subject_names_questions(title: &str) -> bool {
    title == "问题"
        || ["问题汇总", "常见问题", "问题集", "题目", "面试题", "题库"]
            .iter()
            .any(|w| title.contains(w))
        || {
            let lower = title.to_lowercase();
            ["questions", "faq"].iter().any(|w| lower.contains(w))
        }
}

/// Fewest bullets under a subject named as a collection that make them its questions.
const MIN_NAMED_ITEMS: usize = 3;
