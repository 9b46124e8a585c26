//! A plain label over a run of bare bullets, before any question: a group of questions.
//!
//! ```text
//! 4.14 电话面试          ← a label (section), not a question
//!
//! * 使用了什么组件       ← a card
//! * 项目是否有限流       ← a card
//!
//! 4.18 二面              ← same label shape: a section too, its bullets cards
//! * 微服务怎么通信
//! * 并发里的自旋锁
//! ```

use super::link_line;
use crate::parse::asking::{asks, question_like};
use crate::parse::line::Kind;
use crate::parse::{LABEL_RANK, Ln, Role, Start, blocks, line};

/// A short plain line over a run of two or more worded one-line bullets with nothing under
/// them names a group of unanswered questions, where nothing read a card there (before the
/// first question, or under a section heading with nothing else under it): the line is a
/// section and each bullet a card. Later records whose title starts with the same number shape
/// (a date, `4.18 …`) and hold such a run first are read the same way; so are records titled
/// alike over such runs when two or more are and most of their runs ask (dated rounds).
pub(crate) fn split_label_bullet_runs(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let first = starts.first().map_or(lines.len(), |s| s.line);
    let mut extra = Vec::new();
    let mut shapes: Vec<(String, u8)> = Vec::new();
    let mut i = 0;
    while i < first {
        if let Some(run) = label_over_run(lines, i, first) {
            shapes.push((lead_shape(lines[i].text), LABEL_RANK));
            extra.push(Start {
                line: i,
                rank: Some(LABEL_RANK),
                role: Role::Section {
                    rank: LABEL_RANK,
                    title: line::strip_emphasis(lines[i].text).trim().to_owned(),
                },
            });
            let last = *run.last().unwrap_or(&i);
            extra.extend(run.into_iter().map(|b| card(lines, b)));
            i = last + 1;
        } else {
            i += 1;
        }
    }
    // A section heading with nothing but such a run under it: the same group.
    for n in 0..starts.len() {
        let s = &starts[n];
        let Role::Section { rank, .. } = s.role else {
            continue;
        };
        let end = starts.get(n + 1).map_or(lines.len(), |s| s.line);
        if let Some(run) = label_over_run(lines, s.line, end) {
            shapes.push((lead_shape(lines[s.line].text), rank));
            extra.extend(run.into_iter().map(|b| card(lines, b)));
        }
    }
    // Records titled alike (`3.02 一面`, `3.09 二面`), each a label over such a run, most of
    // the runs asking: dated rounds of an interview log.
    if shapes.is_empty() {
        let mut alike: Vec<(String, usize, usize)> = Vec::new();
        for (n, s) in starts.iter().enumerate() {
            let shape = lead_shape(lines[s.line].text);
            if shape.is_empty() || !matches!(s.role, Role::Record { .. }) {
                continue;
            }
            let end = starts.get(n + 1).map_or(lines.len(), |s| s.line);
            if let Some(run) = label_over_run(lines, s.line, end) {
                let asking = run.iter().any(|&b| {
                    let t = blocks::bullet_item(lines[b].text).unwrap_or("");
                    asks(t) || question_like(t)
                });
                match alike.iter_mut().find(|a| a.0 == shape) {
                    Some(a) => {
                        a.1 += 1;
                        a.2 += usize::from(asking);
                    }
                    None => alike.push((shape, 1, usize::from(asking))),
                }
            }
        }
        shapes.extend(
            alike
                .into_iter()
                .filter(|&(_, runs, asking)| runs >= MIN_ROUNDS && asking * 2 >= runs)
                .map(|(shape, _, _)| (shape, LABEL_RANK)),
        );
    }
    if extra.is_empty() && shapes.is_empty() {
        return;
    }
    shapes.retain(|s| !s.0.is_empty());
    if !shapes.is_empty() {
        for n in 0..starts.len() {
            let s = &starts[n];
            let shape = lead_shape(lines[s.line].text);
            let Some(&(_, rank)) = shapes.iter().find(|(sh, _)| *sh == shape) else {
                continue;
            };
            if !matches!(s.role, Role::Record { .. }) {
                continue;
            }
            let end = starts.get(n + 1).map_or(lines.len(), |s| s.line);
            let Some(run) = label_over_run(lines, s.line, end) else {
                continue;
            };
            let title = line::strip_emphasis(lines[s.line].text).trim().to_owned();
            starts[n].role = Role::Section { rank, title };
            starts[n].rank = Some(rank);
            extra.extend(run.into_iter().map(|b| card(lines, b)));
        }
    }
    starts.extend(extra);
    starts.sort_by_key(|s| s.line);
}

fn card(lines: &[Ln<'_>], b: usize) -> Start {
    Start {
        line: b,
        rank: None,
        role: Role::question(blocks::bullet_item(lines[b].text).unwrap_or(lines[b].text)),
    }
}

/// If line `i` is a short plain label, after a blank line or the file's start, over (after
/// blank lines) a run of two or more unindented one-line bullets, worded (not links, not
/// symbols), ending before `end` at a blank line: the run's lines.
fn label_over_run(lines: &[Ln<'_>], i: usize, end: usize) -> Option<Vec<usize>> {
    let l = &lines[i];
    let text = l.text.trim();
    if l.text.starts_with([' ', '\t'])
        || text.is_empty()
        || blocks::bullet_item(l.text).is_some()
        || text.chars().count() > LABEL_CHARS
        || asks(text)
        || text.ends_with([':', '：'])
        || (i > 0 && !matches!(lines[i - 1].kind, Kind::Blank))
    {
        return None;
    }
    let mut j = i + 1;
    while j < end && matches!(lines[j].kind, Kind::Blank) {
        j += 1;
    }
    let mut run = Vec::new();
    while j < end
        && matches!(lines[j].kind, Kind::Text)
        && blocks::bullet_item(lines[j].text)
            .is_some_and(|t| t.chars().filter(|c| c.is_alphabetic()).count() >= ITEM_LETTERS)
        && !link_line(lines[j].text)
        && !lines[j].text.starts_with([' ', '\t'])
    {
        run.push(j);
        j += 1;
    }
    let closed = j >= lines.len() || matches!(lines[j].kind, Kind::Blank);
    (run.len() >= MIN_RUN && closed).then_some(run)
}

/// The number a line starts with, digits as `9` (`4.18 阿里` → `9.99`), or empty.
fn lead_shape(text: &str) -> String {
    let head = text
        .trim_start()
        .split([' ', '\t', '\u{3000}'])
        .next()
        .unwrap_or("");
    if !head.starts_with(|c: char| c.is_ascii_digit())
        || !head
            .chars()
            .all(|c| c.is_ascii_digit() || ".-/月日".contains(c))
    {
        return String::new();
    }
    head.chars()
        .map(|c| if c.is_ascii_digit() { '9' } else { c })
        .collect()
}

/// Bullets a label must hold to name a group: one could be a note.
const MIN_RUN: usize = 2;

/// Records titled alike over bullet runs that make an interview log: one could be a topic.
const MIN_ROUNDS: usize = 2;

/// Letters a bullet needs to ask something: fewer (`- r----4`) make a table row.
const ITEM_LETTERS: usize = 4;

/// Characters past which a plain line is a sentence, not a label.
const LABEL_CHARS: usize = 30;
