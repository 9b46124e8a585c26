//! Obsidian callouts: `> [!question] …` asks, and the `> [!success]- Answer` callout after it
//! answers.

use crate::parse::line::{Kind, Style};
use crate::parse::{Ln, Role, Start, line};

/// The callout types that ask (`> [!question]`, and Obsidian's aliases `faq` and `help`).
const ASKING_CALLOUTS: &[&str] = &["question", "faq", "help"];

/// A `> [!question] …` callout is a question: the card starts there, or at the heading right
/// above it that titles it (`## Q1 — JWT revocation`; the callout then goes on the front), and
/// what follows (a `> [!success]- Answer` callout) answers it. A higher heading that held such a question as part of one
/// record (`# Security interview questions` over the `##` titles) groups them instead.
pub(crate) fn split_question_callouts(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let mut found = Vec::new();
    let mut last_text: Option<usize> = None;
    for (i, l) in lines.iter().enumerate() {
        if matches!(l.kind, Kind::Blank) {
            continue;
        }
        if let Some(question) = asking_callout(l.text) {
            let titled = last_text.filter(|&h| {
                matches!(&lines[h].kind, Kind::Heading(x) if matches!(x.style, Style::Markdown(_)))
            });
            let title = titled.and_then(|h| match &lines[h].kind {
                Kind::Heading(x) => Some(x.title.as_str()),
                _ => None,
            });
            found.push((titled.unwrap_or(i), title.unwrap_or(question)));
        }
        last_text = Some(i);
    }
    if found.is_empty() {
        return;
    }
    let titles: Vec<usize> = found.iter().map(|&(at, _)| at).collect();
    for (at, question) in found {
        let k = starts.partition_point(|s| s.line < at);
        if starts.get(k).is_some_and(|s| s.line == at) {
            if !matches!(starts[k].role, Role::Record { .. }) {
                starts[k].role = Role::question(question);
            }
        } else {
            let rank = match &lines[at].kind {
                Kind::Heading(h) => Some(h.style.rank()),
                _ => None,
            };
            starts.insert(
                k,
                Start {
                    line: at,
                    rank,
                    role: Role::question(question),
                },
            );
        }
        // The record this question was part of, opened by a higher heading: a group of them.
        let Some(p) = k.checked_sub(1) else {
            continue;
        };
        let outer = &starts[p];
        if titles.binary_search(&outer.line).is_ok() {
            continue;
        }
        let outranks = match (&lines[outer.line].kind, &lines[at].kind) {
            (Kind::Heading(o), Kind::Heading(h)) => o.style.rank() < h.style.rank(),
            (Kind::Heading(o), _) => matches!(o.style, Style::Markdown(_)),
            _ => false,
        };
        if let (true, Role::Record { question, .. }) = (outranks, &outer.role) {
            let rank = outer.rank.unwrap_or(crate::parse::LABEL_RANK);
            starts[p].role = Role::Section {
                rank,
                title: line::strip_emphasis(question).trim().to_owned(),
            };
            starts[p].rank = Some(rank);
        }
    }
}

/// The question of a `> [!question] …` callout line (its title, or the type's name when it has
/// none); the line may be given without its `>`.
pub(crate) fn asking_callout(text: &str) -> Option<&str> {
    let t = text.trim_start();
    let t = t.strip_prefix('>').unwrap_or(t).trim_start();
    let t = t.strip_prefix("[!")?;
    let close = t.find(']')?;
    let kind = &t[..close];
    if !ASKING_CALLOUTS.iter().any(|k| kind.eq_ignore_ascii_case(k)) {
        return None;
    }
    let title = t[close + 1..].trim_start_matches(['-', '+']).trim();
    Some(if title.is_empty() { kind } else { title })
}
