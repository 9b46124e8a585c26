//! A heading read as one card over sub-headings that each hold an answer (`## 1. YOUR FOUR
//! STORIES` over `### STORY A — "Tell me about…"`, `### STORY B — …`; `### Lock 框架和 Tools
//! 类` over `#### 接口 Condition`, `#### 接口 Lock`, …): a heading that asks nothing and says
//! next to nothing of its own before three sub-headings or more, each answered, names their
//! group; the sub-headings are the cards.

use std::collections::HashMap;

use crate::parse::asking::asks_any_way;
use crate::parse::line::{Kind, strip_emphasis};
use crate::parse::outline::lists_exactly;
use crate::parse::{Ln, Role, Start};

/// Sub-headings a heading must hold to be read as their group.
const MIN_SUBS: usize = 3;

/// Lines a group heading may hold of its own before its first sub-heading (a caption, an
/// image).
const MAX_OWN: usize = 2;

/// Read each such heading (see the module) as a section, and each of its sub-headings one
/// level down as a card.
pub(crate) fn split_sub_heading_cards(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let mut extra = Vec::new();
    for k in 0..starts.len() {
        let i = starts[k].line;
        let Role::Record { number, question } = &starts[k].role else {
            continue;
        };
        let Some(level) = lines[i].markdown_level() else {
            continue;
        };
        if asks_any_way(question) {
            continue;
        }
        let end = starts.get(k + 1).map_or(lines.len(), |s| s.line);
        let body = &lines[i + 1..end];
        if body
            .iter()
            .any(|l| l.markdown_level().is_some_and(|m| m <= level))
        {
            continue;
        }
        let subs: Vec<usize> = (i + 1..end)
            .filter(|&j| lines[j].markdown_level() == Some(level + 1))
            .collect();
        if subs.len() < MIN_SUBS {
            continue;
        }
        let own = lines[i + 1..subs[0]]
            .iter()
            .filter(|l| !matches!(l.kind, Kind::Blank))
            .count();
        let answered = subs.iter().enumerate().all(|(n, &s)| {
            let to = subs.get(n + 1).copied().unwrap_or(end);
            lines[s + 1..to]
                .iter()
                .any(|l| !matches!(l.kind, Kind::Blank | Kind::Heading(_)))
        });
        // Numbered sub-headings (`5.1. CRTP 的基本形态`, `问题 1：循环变量`) number the parts of
        // one answer. Under a numbered card (`## 4.内部类和静态嵌套类`, one of a numbered run),
        // sub-headings are its parts too, unless they ask or are named alike as a series of
        // items (`STORY A — …`, `STORY B — …`).
        let title_of = |j: usize| match &lines[j].kind {
            Kind::Heading(h) => strip_emphasis(&h.title).trim().to_owned(),
            _ => String::new(),
        };
        let numbered = subs.iter().any(|&j| {
            let digits = |t: &str| t.chars().take(8).any(|c| c.is_ascii_digit());
            let raw = lines[j].text.trim_start().trim_start_matches('#');
            numbered_title(raw)
                || matches!(&lines[j].kind, Kind::Heading(h)
                    if h.number.as_deref().is_some_and(digits))
        });
        let asking = subs.iter().filter(|&&j| asks_any_way(&title_of(j))).count();
        let words: Vec<String> = subs
            .iter()
            .map(|&j| {
                let t = title_of(j);
                t.split_whitespace().next().unwrap_or_default().to_owned()
            })
            .collect();
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for w in &words {
            *counts.entry(w.as_str()).or_default() += 1;
        }
        let alike = words
            .iter()
            .filter(|w| !w.is_empty() && counts[w.as_str()] >= 2)
            .count();
        let series = alike * 3 >= subs.len() * 2;
        let parts = number.is_some() && asking * 2 <= subs.len() && !series;
        // A heading that lists exactly its sub-headings (`### final, finally, finalize`) sets
        // them side by side: they are the parts of its answer.
        let compared = lists_exactly(question, subs.iter().map(|&j| title_of(j)));
        if own > MAX_OWN || !answered || numbered || parts || compared {
            continue;
        }
        let title = strip_emphasis(question).trim().to_owned();
        starts[k].role = Role::Section { rank: level, title };
        for s in subs {
            let Kind::Heading(h) = &lines[s].kind else {
                continue;
            };
            extra.push(Start {
                line: s,
                rank: Some(level + 1),
                role: Role::Record {
                    number: h.number.clone(),
                    question: strip_emphasis(&h.title).trim().to_owned(),
                },
            });
        }
    }
    if extra.is_empty() {
        return;
    }
    starts.extend(extra);
    starts.sort_by_key(|s| s.line);
}

/// Does a heading's text open with a number, bare or behind a label (`5.1. CRTP 的基本形态`,
/// `问题 1：循环变量`, `方式1 继承 Thread 类`, `Q2 …`)? A number inside a name (`HTTP/1.1、HTTP/2`)
/// numbers nothing.
fn numbered_title(raw: &str) -> bool {
    const LABELS: &[&str] = &["q", "question", "step", "part", "case", "example"];
    let t = raw.trim_start();
    let Some(at) = t
        .char_indices()
        .take(8)
        .find(|(_, c)| c.is_ascii_digit())
        .map(|(i, _)| i)
    else {
        return false;
    };
    let before = t[..at].trim_end_matches(['*', '_']);
    let label = before.trim_end();
    before.is_empty()
        || before.ends_with([' ', '\t'])
        || (label.chars().count() <= 4 && label.chars().all(crate::parse::code::is_han))
        || LABELS.contains(&label.to_ascii_lowercase().as_str())
}
