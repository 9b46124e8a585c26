//! Numbered headings read alike when most of them are cards: a numbered list under one of them
//! that asks nothing is its answer's points, not its questions.

use crate::parse::asking::{asks, ends_asking, question_like};
use crate::parse::line::Kind;
use crate::parse::{Ln, Role, Start};

/// Fewest numbered sibling headings that make the pattern.
const MIN_SIBLINGS: usize = 3;

/// Numbered headings of one Markdown level (`### 一、为什么使用`, `### 二、…`, three at least),
/// most of them cards answered in their own text: one of them over nothing but numbered lines
/// that ask nothing (`### 四、重复消费` / `1.插入数据库，用唯一索引去重` / `2.写redis,使用set`),
/// two at least, is a card too — its list is the steps of its answer, as its siblings' answers
/// are written in lines of their own.
pub(crate) fn keep_sibling_cards_answered(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    // Per level: (start index, is a card) of each numbered heading.
    let mut levels: Vec<(u8, Vec<(usize, bool)>)> = Vec::new();
    for (n, s) in starts.iter().enumerate() {
        let Some(level) = lines[s.line].markdown_level() else {
            continue;
        };
        let Kind::Heading(h) = &lines[s.line].kind else {
            continue;
        };
        if h.number.is_none() {
            continue;
        }
        let card = matches!(s.role, Role::Record { .. });
        match levels.iter_mut().find(|(l, _)| *l == level) {
            Some((_, v)) => v.push((n, card)),
            None => levels.push((level, vec![(n, card)])),
        }
    }
    let mut drop = Vec::new();
    for (level, siblings) in levels {
        let cards = siblings.iter().filter(|(_, c)| *c).count();
        if siblings.len() < MIN_SIBLINGS || cards * 2 <= siblings.len() {
            continue;
        }
        for (n, _) in siblings.into_iter().filter(|(_, c)| !c) {
            if !matches!(starts[n].role, Role::Section { .. }) {
                continue;
            }
            // Its records, up to the next heading of its level or above.
            let mut m = n + 1;
            while m < starts.len()
                && lines[starts[m].line]
                    .markdown_level()
                    .is_none_or(|l| l > level)
            {
                m += 1;
            }
            let items = &starts[n + 1..m];
            let stating = |s: &Start| match &s.role {
                Role::Record { question, .. } => {
                    lines[s.line].markdown_level().is_none()
                        && !(asks(question) || question_like(question) || ends_asking(question))
                }
                _ => false,
            };
            let numbered = items
                .iter()
                .filter(|s| lines[s.line].numbered_item().is_some())
                .count();
            if numbered == 0 || !items.iter().all(stating) {
                continue;
            }
            let Kind::Heading(h) = &lines[starts[n].line].kind else {
                continue;
            };
            drop.extend(items.iter().map(|s| s.line));
            starts[n].role = Role::Record {
                number: h.number.clone(),
                question: h.title.clone(),
            };
        }
    }
    if !drop.is_empty() {
        drop.sort_unstable();
        starts.retain(|s| drop.binary_search(&s.line).is_err());
    }
}
