//! Sibling headings read alike when most of them are cards: a numbered list under one of them
//! that asks nothing is its answer's points, not its questions.

use crate::parse::asking::{
    asks, ends_asking, interrogative, names_round, opens_with_request, question_like,
};
use crate::parse::line::Kind;
use crate::parse::{Ln, Role, Start};

/// Lines of its own each item must hold before a numbered list is topics, not an answer's
/// steps.
const TOPIC_LINES: usize = 10;

/// Fewest sibling headings that make the pattern.
const MIN_SIBLINGS: usize = 3;

/// Headings of one Markdown level (`### 一、为什么使用`, `### 二、…`; `## 优势不足`,
/// `## 沟通困难`), three at least, most of them cards answered in their own text: one of them
/// over nothing but a list numbered from 1 that asks nothing, up to the next Markdown heading
/// (`### 四、重复消费` / `1.插入数据库，用唯一索引去重` / `2.写redis,使用set`; `## 职业规划` /
/// `1. **技术方向**` / `  - 学习自动化测试` / `2. 团队贡献`), is a card too — its list is the
/// steps of its answer, as its siblings' answers are written in lines of their own. A list that
/// goes on from a number above 1 continues questions of an earlier part, and a heading that
/// names an interview round (`### 一面`) lists what was asked.
pub(crate) fn keep_sibling_cards_answered(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    // Per level: (start index, is a card) of each heading.
    let mut levels: Vec<(u8, Vec<(usize, bool)>)> = Vec::new();
    for (n, s) in starts.iter().enumerate() {
        let Some(level) = lines[s.line].markdown_level() else {
            continue;
        };
        let card = matches!(s.role, Role::Record { .. });
        match levels.iter_mut().find(|(l, _)| *l == level) {
            Some((_, v)) => v.push((n, card)),
            None => levels.push((level, vec![(n, card)])),
        }
    }
    let mut drop = Vec::new();
    for (_, siblings) in levels {
        let cards = siblings.iter().filter(|(_, c)| *c).count();
        if siblings.len() < MIN_SIBLINGS || cards * 2 <= siblings.len() {
            continue;
        }
        for (n, _) in siblings.into_iter().filter(|(_, c)| !c) {
            if !matches!(starts[n].role, Role::Section { .. }) {
                continue;
            }
            // Its records, up to the next Markdown heading.
            let mut m = n + 1;
            while m < starts.len() && lines[starts[m].line].markdown_level().is_none() {
                m += 1;
            }
            let items = &starts[n + 1..m];
            // A word a question names (`原理`, `方式`) asks in a title, not inside a sentence,
            // and a request (`写一个`) asks only when it opens one.
            let stating = |s: &Start| match &s.role {
                Role::Record { question, .. } => {
                    let t = question.trim_end();
                    let sentence = t.contains(['，', ',', '；', ';']) || t.ends_with(['。', '.']);
                    let asking = if sentence {
                        interrogative(question) || opens_with_request(question)
                    } else {
                        asks(question) || question_like(question)
                    };
                    lines[s.line].markdown_level().is_none() && !asking && !ends_asking(question)
                }
                _ => false,
            };
            // Points of an answer are numbered from 1.
            let first = items.iter().find_map(|s| lines[s.line].numbered_item());
            if first.is_none_or(|h| h.value != Some(1)) || !items.iter().all(stating) {
                continue;
            }
            let Kind::Heading(h) = &lines[starts[n].line].kind else {
                continue;
            };
            // Items that each hold a topic's worth of lines (`### 类组件实例的三大核心属性` /
            // `**1、state(状态)**` over thirty lines and code / `**2、props**` / …) are topics
            // of their own, not steps of one answer.
            let end = starts.get(m).map_or(lines.len(), |s| s.line);
            let long = |k: usize| {
                let to = items.get(k + 1).map_or(end, |s| s.line);
                lines[items[k].line + 1..to]
                    .iter()
                    .filter(|l| !matches!(l.kind, Kind::Blank))
                    .count()
                    >= TOPIC_LINES
            };
            if items.len() >= 2 && (0..items.len()).all(long) {
                continue;
            }
            // Under an interview round (`### 一面` / `1. 自我介绍；` / `1. 二分查找；`) the
            // list is what was asked, asking words or not.
            if names_round(&h.title) {
                continue;
            }
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
