//! Knowledge points written as wholly bold bullets under the headings that group them:
//!
//! ```text
//! ## 第一章 进入近代后中华民族的磨难和抗争      ← a section
//!
//! - **鸦片战争**                               ← a card
//!   - 原因：
//!     - 长期入超
//!   - 中国近代史的起点
//! - **近代中国的主要矛盾**                     ← a card
//!   - `帝国主义和中华民族的矛盾`(主要矛盾)
//! ```
//!
//! Under one heading, bold bullets may as well be the labelled parts of one topic's answer
//! (`## Redis持久化` / `- **RDB**` / `- **AOF**`), so the layout must be the file's own: three
//! headings at least, nothing under them but such bullets, their answers and what hangs from
//! them (a table under `- **相关条约**`), three bullets a heading on average.

use super::nested_questions::bold_bullet;
use super::{Ln, Role, Start, indent_columns, merge_starts};
use crate::parse::asking::asks_any_way;
use crate::parse::line::{Kind, Style};
use crate::parse::outline::names_a_part;

/// Headings a file must hold over bold points, and bold points each must hold on average.
const MIN_HEADINGS: usize = 3;
const POINTS_PER_HEADING: usize = 3;

/// Read the bold bullets under the file's headings as cards (see the module).
pub(crate) fn split_bold_points(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let mut found: Vec<(usize, Vec<usize>)> = Vec::new();
    for n in 0..starts.len() {
        let s = &starts[n];
        let Role::Record { question, .. } = &s.role else {
            continue;
        };
        let Kind::Heading(h) = &lines[s.line].kind else {
            continue;
        };
        if !matches!(h.style, Style::Markdown(_)) || asks_any_way(question) {
            continue;
        }
        let end = starts.get(n + 1).map_or(lines.len(), |t| t.line);
        if let Some(points) = bold_points(lines, s.line + 1, end) {
            found.push((n, points));
        }
    }
    let points: usize = found.iter().map(|(_, p)| p.len()).sum();
    if found.len() < MIN_HEADINGS || points < POINTS_PER_HEADING * found.len() {
        return;
    }
    let mut extra = Vec::with_capacity(points);
    for (n, at) in found {
        let s = &mut starts[n];
        if let Role::Record { question, .. } = &s.role {
            s.role = Role::Section {
                rank: s.rank.unwrap_or(crate::parse::LABEL_RANK),
                title: question.clone(),
            };
        }
        extra.extend(at.into_iter().map(|i| Start {
            line: i,
            rank: None,
            role: Role::question(bold_bullet(&lines[i]).unwrap_or(lines[i].text)),
        }));
    }
    merge_starts(starts, extra);
}

/// The bold bullets of `from..end`, if that is all it holds: the first line a bullet wholly
/// bold; every bullet at its indent bold too and answered (something before the next one);
/// anything else deeper, or at that indent but no bullet (a table, a paragraph) under one of
/// them. None of them names a part of an answer (`**原理**`, `**优点**`).
fn bold_points(lines: &[Ln<'_>], from: usize, end: usize) -> Option<Vec<usize>> {
    let first = (from..end).find(|&i| !matches!(lines[i].kind, Kind::Blank))?;
    let indent = indent_columns(lines[first].text);
    bold_bullet(&lines[first])?;
    let mut points: Vec<usize> = Vec::new();
    let mut answered = false;
    for (i, l) in lines.iter().enumerate().take(end).skip(first) {
        if matches!(l.kind, Kind::Blank) {
            continue;
        }
        let depth = indent_columns(l.text);
        if depth < indent || matches!(l.kind, Kind::Heading(_)) {
            return None;
        }
        let bullet_here = depth == indent
            && crate::parse::blocks::bullet_item(l.text.trim_start()).is_some()
            && matches!(l.kind, Kind::Text);
        if !bullet_here {
            answered = true;
            continue;
        }
        let text = bold_bullet(l)?;
        if !answered && !points.is_empty() {
            return None;
        }
        if names_a_part(text) || super::lists::part_item(text) {
            return None;
        }
        points.push(i);
        answered = false;
    }
    answered.then_some(points)
}
