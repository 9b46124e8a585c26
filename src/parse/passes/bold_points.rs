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
//! (`## Redis持久化` / `- **RDB**` / `- **AOF**`) or the steps of one process (`## 三次握手` /
//! `- **第一次握手**` / …) or the members of a set the heading names (`## 线程池的七大参数`,
//! `## 索引类型`), so the layout must be the file's own: three headings at least, each over three
//! such bullets or more and naming no set (or naming a chapter, `## 第三章 …`), nothing under
//! them but the bullets, their answers and what hangs from them (a table under `- **相关条约**`).
//! A bold text that comes back under another heading (`**重点**`, `**难点**`) labels parts: no
//! bullet of the file is then a point.

use super::nested_questions::{bold_bullet, bullet};
use super::{Ln, Role, Start, indent_columns, merge_starts};
use crate::parse::asking::asks_any_way;
use crate::parse::line::{Kind, Style};
use crate::parse::outline::names_a_part;

/// Headings a file must hold over bold points.
const MIN_HEADINGS: usize = 3;

/// Bold points a heading must hold, unless it names a chapter: two are likelier the labelled
/// parts of one answer (`## Redis持久化` / `- **RDB**` / `- **AOF**`).
const MIN_POINTS: usize = 3;

/// Does a heading name a chapter (`第三章 辛亥革命…`, `` `第五章 …` ``, `第2讲`)?
fn names_chapter(title: &str) -> bool {
    let t = crate::parse::line::strip_emphasis(title);
    let t = t.trim().trim_start_matches('`');
    t.strip_prefix('第').is_some_and(|rest| {
        rest.chars()
            .take(5)
            .find(|c| !(c.is_ascii_digit() || "一二三四五六七八九十百零".contains(*c)))
            .is_some_and(|c| matches!(c, '章' | '讲' | '講' | '节' | '節' | '单' | '篇' | '课'))
    })
}

/// Does a heading name a set its bullets enumerate (`线程池的七大参数`, `四种拒绝策略`, `索引类型`,
/// `事务隔离级别`)? They are its answer, one card.
fn names_set(title: &str) -> bool {
    const SETS: &[&str] = &[
        "类型",
        "分类",
        "种类",
        "级别",
        "方式",
        "方法",
        "策略",
        "参数",
        "状态",
        "特点",
        "特性",
        "生命周期",
        "过程",
        "流程",
        "算法",
        "区域",
        "原则",
        "机制",
        "模式",
        "步骤",
        "阶段",
    ];
    let t = crate::parse::line::strip_emphasis(title);
    let t = t.trim().trim_end_matches([':', '：']);
    let chars: Vec<char> = t.chars().collect();
    let counted = chars.windows(2).any(|w| {
        (w[0].is_ascii_digit() || "一二三四五六七八九十两".contains(w[0]))
            && "大种个类条点步".contains(w[1])
    });
    counted || SETS.iter().any(|w| t.ends_with(w))
}

/// Is a bold point a step of one process (`**第一次握手**`, `**第二步**`, `**Step 1**`)? Not an
/// event numbered so (`**第一次鸦片战争**`).
fn step(l: &Ln<'_>) -> bool {
    bold_bullet(l).is_some_and(|t| {
        let t = t.trim();
        let ordinal = t.strip_prefix('第').is_some_and(|rest| {
            let after = rest.trim_start_matches(|c: char| {
                c.is_ascii_digit() || "一二三四五六七八九十".contains(c)
            });
            after.len() < rest.len()
                && ["步", "阶段", "次握手", "次挥手", "轮"]
                    .iter()
                    .any(|w| after.starts_with(w))
        });
        ordinal
            || t.starts_with("步骤")
            || t.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("step"))
    })
}

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
        if !matches!(h.style, Style::Markdown(_)) {
            continue;
        }
        let end = starts.get(n + 1).map_or(lines.len(), |t| t.line);
        if let Some(points) = bold_points(lines, s.line + 1, end)
            && !asks_any_way(question)
            && (names_chapter(question) || (points.len() >= MIN_POINTS && !names_set(question)))
            && points.iter().filter(|&&i| step(&lines[i])).count() * 2 < points.len()
        {
            found.push((n, points));
        }
    }
    // A bold text that comes back under another heading (`**重点**`, `**难点**` under each
    // chapter) labels the parts of each, and no bold bullet there is a point.
    let mut texts = std::collections::HashSet::new();
    let labels = found
        .iter()
        .flat_map(|(_, at)| at.iter().filter_map(|&i| bold_bullet(&lines[i])))
        .any(|t| !texts.insert(t));
    if found.len() < MIN_HEADINGS || labels {
        return;
    }
    let points: usize = found.iter().map(|(_, p)| p.len()).sum();
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
        let bullet_here = depth == indent && bullet(l).is_some();
        if !bullet_here {
            answered = true;
            continue;
        }
        let text = bold_bullet(l)?;
        if !answered && !points.is_empty() {
            return None;
        }
        let name = text.trim_end_matches([':', '：']).trim_end();
        if names_a_part(name) || super::lists::part_item(name) {
            return None;
        }
        points.push(i);
        answered = false;
    }
    answered.then_some(points)
}
