//! Sibling headings over numbered one-liners, read alike.

use crate::parse::asking::interrogative;
use crate::parse::line::{Heading, Kind, Style};
use crate::parse::{Ln, Role, Start};

/// Sibling headings of one level, each over nothing but a numbered list of one-liners
/// (`## 线程池` / `1. 线程池的核心参数有哪些` / `2. …`), are read alike: where most of them
/// group their items as questions, the others that ask nothing themselves do too
/// (`## 并发工具类` / `1. ThreadLocal原理` / `2. Semphore` is two questions, not one topic
/// answered by a list).
pub(crate) fn numbered_lists_read_alike(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    // Per Markdown level: the headings whose list is already questions, and those whose list
    // is their answer (start index and its items).
    let mut levels: Vec<Siblings> = Vec::new();
    let mut n = 0;
    while n < starts.len() {
        let s = &starts[n];
        let Kind::Heading(heading) = &lines[s.line].kind else {
            n += 1;
            continue;
        };
        let Style::Markdown(level) = heading.style else {
            n += 1;
            continue;
        };
        let at = levels
            .iter()
            .position(|l| l.level == level)
            .unwrap_or_else(|| {
                levels.push(Siblings {
                    level,
                    questions: 0,
                    answers: Vec::new(),
                });
                levels.len() - 1
            });
        match &s.role {
            Role::Section { .. } => {
                // Its records up to the next heading: numbered one-liners, one at least.
                let mut m = n + 1;
                while m < starts.len() && starts[m].rank.is_some_and(|r| r > 6) {
                    m += 1;
                }
                let items = &starts[n + 1..m];
                let end = starts.get(m).map_or(lines.len(), |s| s.line);
                let blank_between = |from: usize, to: usize| {
                    lines[from..to]
                        .iter()
                        .all(|l| matches!(l.kind, Kind::Blank))
                };
                let one_liners = !items.is_empty()
                    && blank_between(s.line + 1, items[0].line)
                    && items.iter().enumerate().all(|(j, it)| {
                        let to = items.get(j + 1).map_or(end, |x| x.line);
                        matches!(it.role, Role::Record { .. })
                            && numbered(&lines[it.line]).is_some()
                            && blank_between(it.line + 1, to)
                    });
                if one_liners {
                    levels[at].questions += 1;
                }
                n = m;
                continue;
            }
            Role::Record { question, .. } if !interrogative(question) => {
                let end = starts.get(n + 1).map_or(lines.len(), |s| s.line);
                let body = &lines[s.line + 1..end];
                let items: Vec<usize> = (s.line + 1..end)
                    .filter(|&i| !matches!(lines[i].kind, Kind::Blank))
                    .collect();
                let list = !items.is_empty()
                    && body
                        .iter()
                        .all(|l| matches!(l.kind, Kind::Blank) || numbered(l).is_some());
                if list {
                    levels[at].answers.push((n, items));
                }
            }
            _ => {}
        }
        n += 1;
    }
    let mut extra = Vec::new();
    for Siblings {
        questions, answers, ..
    } in levels
    {
        if questions < 2 || questions <= answers.len() {
            continue;
        }
        for (n, items) in answers {
            let (Some(rank), Role::Record { question, .. }) = (starts[n].rank, &starts[n].role)
            else {
                continue;
            };
            starts[n].role = Role::Section {
                rank,
                title: question.clone(),
            };
            // Every line of the list is numbered (checked above).
            extra.extend(items.into_iter().filter_map(|i| {
                let item = numbered(&lines[i])?;
                Some(Start {
                    line: i,
                    rank: Some(item.style.rank()),
                    role: Role::Record {
                        number: item.number.clone(),
                        question: item.title.clone(),
                    },
                })
            }));
        }
    }
    starts.extend(extra);
    starts.sort_by_key(|s| s.line);
}

/// The headings of one Markdown level over numbered one-liners.
struct Siblings {
    level: u8,
    /// Those whose items are already questions.
    questions: usize,
    /// Those whose items are their answer: the heading's start and the items' lines.
    answers: Vec<(usize, Vec<usize>)>,
}

/// The numbered line (`1. JMM`, `2、…`) a line is, with a title, if it is one.
fn numbered<'a>(line: &'a Ln<'_>) -> Option<&'a Heading> {
    match &line.kind {
        Kind::Heading(h)
            if matches!(h.style, Style::Arabic)
                && h.number.is_some()
                && !h.title.trim().is_empty() =>
        {
            Some(h)
        }
        _ => None,
    }
}
