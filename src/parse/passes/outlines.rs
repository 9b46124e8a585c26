//! Bullet outlines of questions grouped by subject.

use super::super::asking::{
    COLLECTION_WORDS, INTERVIEW_ROUNDS, asks, bullet_asks, interrogative, opens_with_request,
};
use super::super::line::Kind;
use super::super::{Ln, Role, Start, blocks};
use super::is_start;

/// A bullet outline whose outermost items name subjects (`- css`, `- 浏览器`: a few words, no
/// sentence, nothing asked) over items one level in that are questions (`  - 重绘和重排？`,
/// `  - 浏览器渲染过程`): each inner item is one question, and what is nested deeper or glued
/// under it is its answer. The subjects group the questions. An outline of what to study
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
        if outer_bullet(&lines[i]).is_none() || is_start(starts, i) {
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
        let end = outline_end(lines, starts, i);
        if let Some(found) = subject_outline(lines, starts, i, end, collection) {
            regrouped.extend(found.heading);
            extra.extend(found.starts);
        }
        i = end.max(i + 1);
    }
    if extra.is_empty() {
        return;
    }
    for n in regrouped {
        if let Role::Record { question, .. } = &starts[n].role {
            let title = question.clone();
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
    starts: Vec<Start>,
}

/// The text of an unindented bullet item.
fn outer_bullet<'a>(l: &Ln<'a>) -> Option<&'a str> {
    matches!(l.kind, Kind::Text)
        .then(|| blocks::bullet_item(l.text))
        .flatten()
}

/// The indent (in columns, a tab four) and the text of a bullet item at any depth.
fn any_bullet<'a>(l: &Ln<'a>) -> Option<(usize, &'a str)> {
    let body = l.text.trim_start_matches([' ', '\t']);
    blocks::bullet_item(body).map(|t| (super::indent_columns(l.text), t))
}

/// Where the outline that starts at `from` ends: before two blank lines in a row, an existing
/// start, a heading, or an unindented line after a blank line that is no bullet.
fn outline_end(lines: &[Ln<'_>], starts: &[Start], from: usize) -> usize {
    let mut k = from + 1;
    while k < lines.len() {
        let l = &lines[k];
        if is_start(starts, k) || matches!(l.kind, Kind::Heading(_)) && !l.indented() {
            break;
        }
        if matches!(l.kind, Kind::Blank) {
            let next = lines.get(k + 1);
            let goes_on = next.is_some_and(|n| outer_bullet(n).is_some() || n.indented());
            if !goes_on {
                break;
            }
        } else if !l.indented()
            && outer_bullet(l).is_none()
            && matches!(lines[k - 1].kind, Kind::Blank)
        {
            break;
        }
        k += 1;
    }
    k
}

/// A subject: a few words, no sentence punctuation, asking nothing.
fn subject(text: &str) -> bool {
    let t = text.trim();
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

/// The box of a task-list item (`[x] 手写 new`) is no part of the question.
fn without_box(text: &str) -> &str {
    ["[ ] ", "[x] ", "[X] "]
        .iter()
        .find_map(|b| text.strip_prefix(b))
        .unwrap_or(text)
        .trim()
}

/// `collection`: the heading above the outline names a collection of questions (`## 题目整理`).
fn subject_outline(
    lines: &[Ln<'_>],
    starts: &[Start],
    from: usize,
    end: usize,
    collection: bool,
) -> Option<Found> {
    // The subjects, and under each the bullets one level in. `from` holds the first subject,
    // so every inner bullet belongs to the subject last seen.
    let mut subjects: Vec<usize> = Vec::new();
    let mut with_items = 0;
    let mut counted = false;
    let mut inner: Vec<(usize, &str)> = Vec::new();
    let mut level: Option<usize> = None;
    for (k, l) in lines.iter().enumerate().take(end).skip(from) {
        if outer_bullet(l).is_some() {
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
        .all(|&s| outer_bullet(&lines[s]).is_some_and(|t| subject(without_box(t))));
    if subjects.len() < 3 || with_items * 3 < subjects.len() * 2 || !all_subjects {
        return None;
    }
    let asking = inner
        .iter()
        .filter(|(_, t)| {
            !states(t) && (bullet_asks(t) || interrogative(t) || opens_with_request(t))
        })
        .count();
    let short = inner
        .iter()
        .filter(|(_, t)| t.chars().count() <= 60)
        .count();
    // The heading above, if only blank lines part it from the outline.
    let heading = starts
        .partition_point(|s| s.line < from)
        .checked_sub(1)
        .filter(|&n| starts[n].rank.is_some())
        .filter(|&n| (starts[n].line + 1..from).all(|k| matches!(lines[k].kind, Kind::Blank)));
    let enough = inner.len() >= 4
        && short * 4 >= inner.len() * 3
        && asking * 3 >= inner.len()
        && (collection || asking * 2 >= inner.len());
    if !enough {
        return None;
    }
    let mut out: Vec<Start> = subjects
        .iter()
        .map(|&s| Start {
            line: s,
            rank: Some(super::super::LABEL_RANK),
            role: Role::label(without_box(outer_bullet(&lines[s]).unwrap_or_default())),
        })
        .collect();
    out.extend(inner.iter().map(|&(k, t)| Start {
        line: k,
        rank: None,
        role: Role::question(t),
    }));
    Some(Found {
        heading: heading.filter(|&n| matches!(starts[n].role, Role::Record { .. })),
        starts: out,
    })
}
