//! Folded answers (`<details><summary>…</summary>` … `</details>`): the question over a fold
//! that only says how to open it, and folds one after another that are each a card.

use super::is_start;
use crate::parse::asking::{asks, ends_asking};
use crate::parse::classify::fold_end;
use crate::parse::line::Kind;
use crate::parse::{Ln, Role, Start, line};

/// A line ending in `？` right above a fold that only says how to open it (`> 思考题：结果是什么？`
/// over `<details><summary>点击查看答案</summary>`) is the question the fold answers, quoted
/// or not.
pub(crate) fn add_questions_over_folds(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    fn quoted(text: &str) -> &str {
        text.trim_start().trim_start_matches(['>', ' '])
    }
    let mut extra = Vec::new();
    let mut last_text: Option<usize> = None;
    for (i, l) in lines.iter().enumerate() {
        match l.kind {
            Kind::Blank => continue,
            Kind::Text if line::opens_unnamed_fold(l.text) => {
                // Whether the line above asks is asked only here, under a fold.
                if let Some(q) = last_text
                    .take()
                    .filter(|&q| ends_asking(quoted(lines[q].text)))
                {
                    extra.push(q);
                }
            }
            Kind::Text => {
                last_text = Some(i);
                continue;
            }
            _ => {}
        }
        last_text = None;
    }
    extra.retain(|&i| !is_start(starts, i));
    if extra.is_empty() {
        return;
    }
    starts.extend(extra.into_iter().map(|i| Start {
        line: i,
        rank: None,
        role: Role::question(lines[i].text.trim_start().trim_start_matches(['>', ' '])),
    }));
    starts.sort_by_key(|s| s.line);
}

/// Notes made of folds, one after another (`<details>` / `<summary>HashMap 底层结构</summary>` /
/// the answer / `</details>`), fold each answer under its prompt: outside any question, every
/// such fold is a card from its first line, its summary the question — two folds at least. A
/// fold around questions of its own (`<summary>Java 并发</summary>` over `### 3. …`) only hides
/// them, and one that says how to unfold (`查看答案`) or sits under a question is that
/// question's answer. Each fold is read to its end once.
pub(crate) fn split_fold_cards(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let mut cards: Vec<(usize, usize, String)> = Vec::new();
    // Topic headings found grouping folds (indices into `starts`).
    let mut heads: Vec<usize> = Vec::new();
    let mut last_fold: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < lines.len() {
        if matches!(lines[i].kind, Kind::Fenced) || !line::opens_fold(lines[i].text) {
            i += 1;
            continue;
        }
        let summary = if line::fold_title(lines[i].text).is_some() {
            Some(i)
        } else {
            (i + 1..lines.len().min(i + 3))
                .find(|&k| !matches!(lines[k].kind, Kind::Blank))
                .filter(|&k| line::fold_title(lines[k].text).is_some())
        };
        let Some(k) = summary else {
            i += 1;
            continue;
        };
        let Some(end) = fold_end(lines, k + 1) else {
            break;
        };
        let before = starts.partition_point(|s| s.line < i);
        // Under a topic heading (`# Java`) whose first content is the fold, the folds are its
        // questions and it groups them.
        let topic = before.checked_sub(1).filter(|&p| {
            let s = &starts[p];
            heads.last() == Some(&p)
                || (s.rank.is_some_and(|r| r <= 6)
                    && matches!(&s.role, Role::Record { question, .. } if !asks(question))
                    && lines[s.line + 1..i]
                        .iter()
                        .all(|l| matches!(l.kind, Kind::Blank)))
        });
        let outside = before == 0
            || matches!(starts[before - 1].role, Role::Section { .. })
            || topic.is_some()
            || last_fold.is_some_and(|(a, b)| (a..=b).contains(&starts[before - 1].line));
        let inner = starts[before..starts.partition_point(|s| s.line <= end)]
            .iter()
            .any(|s| s.line > k);
        if outside && !inner && !line::answer_summary(lines[k].text) {
            let title = line::fold_title(lines[k].text).unwrap_or_default();
            cards.push((i, k, title));
            heads.extend(topic);
        }
        last_fold = Some((i, end));
        i = end + 1;
    }
    if cards.len() < 2 {
        return;
    }
    for &h in &heads {
        if let (Some(rank), Role::Record { question, .. }) = (starts[h].rank, &starts[h].role) {
            let title = question.clone();
            starts[h].role = Role::Section { rank, title };
        }
    }
    // A folded question already starts at its summary line: the card starts at the fold. A
    // start another reading put at the fold's line is replaced, not doubled.
    let taken: std::collections::HashSet<usize> = cards.iter().flat_map(|c| [c.0, c.1]).collect();
    starts.retain(|s| !taken.contains(&s.line));
    starts.extend(cards.into_iter().map(|(line, _, question)| Start {
        line,
        rank: None,
        role: Role::Record {
            number: None,
            question,
        },
    }));
    starts.sort_by_key(|s| s.line);
}
