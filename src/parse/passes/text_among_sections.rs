//! A heading with only text under it, among sibling headings that group cards: a part of the
//! notes that asks nothing (a preface, a closing remark), not a card.

use crate::parse::asking::{asks, ends_asking, question_like};
use crate::parse::blocks::bullet_item;
use crate::parse::line::Kind;
use crate::parse::{Ln, Role, Start};

/// Fewest sibling headings grouping cards that make the pattern.
const MIN_GROUPS: usize = 2;

/// Headings of one Markdown level most of which (two at least) group cards under them
/// (`## 一、Java` over `### HashMap 的扩容机制是什么？`, `## 二、网络` over `### …`), all but
/// one: that one, with no card under it and nothing but running text (a remark, an image, a
/// link; no list, no code, no line that asks), whose title asks nothing (`### 五、整体感受` /
/// `> 面试官都很耐心…`; `## 知识体系系统性梳理` / `![juc](juc.webp)`), reads as they do — a
/// part that groups no question, its text set aside (Z002) instead of made the answer of a
/// card the writer never asked. Two such headings or more are cards of their own, and a
/// heading numbered inside a part (`## 1.24 go语言常用包` after `### 1.23、…`) is one of that
/// part's questions set a level too high.
pub(crate) fn set_aside_text_among_sections(lines: &[Ln<'_>], starts: &mut [Start]) {
    // Per level: start indices of its headings.
    let mut levels: Vec<(u8, Vec<usize>)> = Vec::new();
    for (n, s) in starts.iter().enumerate() {
        let Some(level) = lines[s.line].markdown_level() else {
            continue;
        };
        match levels.iter_mut().find(|(l, _)| *l == level) {
            Some((_, v)) => v.push(n),
            None => levels.push((level, vec![n])),
        }
    }
    // Does the heading at `n` hold a start under it (before a heading of its level or above)?
    let holds = |n: usize, level: u8| {
        starts
            .get(n + 1)
            .is_some_and(|s| lines[s.line].markdown_level().is_none_or(|l| l > level))
    };
    let mut aside = Vec::new();
    for (level, headings) in levels {
        let groups = headings
            .iter()
            .filter(|&&n| matches!(starts[n].role, Role::Section { .. }) && holds(n, level))
            .count();
        if groups < MIN_GROUPS || groups * 2 <= headings.len() {
            continue;
        }
        // One such card alone among groups: two or more are cards of their own.
        let cards = headings
            .iter()
            .filter(|&&n| matches!(starts[n].role, Role::Record { .. }))
            .count();
        if cards != 1 {
            continue;
        }
        for &n in &headings {
            let Role::Record { question, .. } = &starts[n].role else {
                continue;
            };
            // Its text, up to the next start, asks nothing (`**Q: 解释…。**` is a card's).
            let end = starts.get(n + 1).map_or(lines.len(), |s| s.line);
            let text = &lines[starts[n].line + 1..end];
            // Only running text (a remark, an image, a link): a list or code under a topic
            // are the notes of a card (`## 参数初始化` / `- 全0…` / `- Xavier…`).
            let remark = text.iter().all(|l| match l.kind {
                Kind::Blank => true,
                Kind::Text => !l.code && bullet_item(l.text).is_none(),
                _ => false,
            });
            let asking = text.iter().any(|l| {
                let t = l.text.trim_end_matches(['*', ' ']);
                !l.code && (asks(t) || ends_asking(t))
            });
            // A number inside a part's numbering (`## 1.24 go语言常用包` after `### 1.23、…`)
            // numbers one of that part's questions, set a level too high.
            let sub_numbered = match &lines[starts[n].line].kind {
                Kind::Heading(h) => h
                    .number
                    .as_deref()
                    .is_some_and(|x| x.trim_end_matches('.').contains(['.', '-'])),
                _ => false,
            };
            if !remark
                || asking
                || sub_numbered
                || holds(n, level)
                || asks(question)
                || question_like(question)
                || ends_asking(question)
            {
                continue;
            }
            aside.push(n);
        }
    }
    for n in aside {
        starts[n].role = Role::Aside;
    }
}
