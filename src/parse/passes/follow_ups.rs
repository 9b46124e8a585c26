//! New questions inside another question's answer: a heading labelled as a question
//! (`### Q: …`), and a second question about code under an answer label of its own.

use crate::parse::asking::numbered_name;
use crate::parse::line::Kind;
use crate::parse::{Ln, Role, Start, line};

/// A heading labelled as a question (`### Q: 不考虑特征哈希，…`) inside another question's
/// answer is a follow-up question of its own: the label says so, whatever the outline made
/// of it. The headings after it (`### 思路`) are the parts of its answer.
pub(crate) fn split_labelled_follow_ups(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let mut extra = Vec::new();
    let mut next = 0;
    let mut in_record = false;
    // Under a heading that names its question by number (`####面试题一`, code, `问：…`), the
    // first labelled question is that card's own. The heading is judged only when such a
    // question comes: most records have none.
    let mut named: Option<&Start> = None;
    let numbered = |s: &Start| {
        matches!(&s.role,
            Role::Record { number, question } if numbered_name(number.as_deref(), question))
    };
    for (i, l) in lines.iter().enumerate() {
        while next < starts.len() && starts[next].line <= i {
            in_record = matches!(starts[next].role, Role::Record { .. });
            named = Some(&starts[next]);
            next += 1;
        }
        let own = next > 0 && starts[next - 1].line == i;
        // Right under the heading of its record, it restates that heading's question.
        let first_content = || {
            !own && next > 0
                && lines[starts[next - 1].line + 1..i]
                    .iter()
                    .all(|p| matches!(p.kind, Kind::Blank))
        };
        if let Kind::Heading(h) = &l.kind
            && in_record
            && !own
            && !first_content()
            && line::labelled_question(l.text)
            && !named.take().is_some_and(numbered)
        {
            extra.push(Start {
                line: i,
                rank: Some(h.style.rank()),
                role: Role::Record {
                    number: h.number.clone(),
                    question: h.title.clone(),
                },
            });
        }
    }
    if !extra.is_empty() {
        starts.extend(extra);
        starts.sort_by_key(|s| s.line);
    }
}

/// In a question already answered under an answer label (`答案`, code), a paragraph line set
/// off by a blank line, then a code block, then an answer label of its own asks a new
/// question about that code (`写出以下打印结果…`, code, `答案`, code): a record of its own.
pub(crate) fn split_second_code_questions(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let mut extra = Vec::new();
    let mut next = 0;
    let mut in_record = false;
    let mut answered = false;
    let mut i = 0;
    while i < lines.len() {
        while next < starts.len() && starts[next].line <= i {
            in_record = matches!(starts[next].role, Role::Record { .. });
            answered = false;
            next += 1;
        }
        let bound = starts.get(next).map_or(lines.len(), |s| s.line);
        match &lines[i].kind {
            Kind::Marker { answer: true, .. } => answered = true,
            Kind::Text
                if in_record
                    && answered
                    && i > 0
                    && matches!(lines[i - 1].kind, Kind::Blank)
                    && matches!(lines.get(i + 1).map(|l| &l.kind), Some(Kind::Fence { .. })) =>
            {
                // The code block under the line, then blank lines, then the label.
                let close = (i + 2..bound).find(|&k| matches!(lines[k].kind, Kind::Fence { .. }));
                if let Some(close) = close {
                    let label = (close + 1..bound).find(|&k| !matches!(lines[k].kind, Kind::Blank));
                    // The label may open the answer's own code block (```` ``` ```` `答案：`).
                    let answer_label = |k: usize| match &lines[k].kind {
                        Kind::Marker { answer, .. } => *answer,
                        Kind::Fence { .. } => lines.get(k + 1).is_some_and(|l| {
                            matches!(line::classify(l.text), Kind::Marker { answer: true, .. })
                        }),
                        _ => false,
                    };
                    if label.is_some_and(answer_label) {
                        extra.push(Start {
                            line: i,
                            rank: None,
                            role: Role::Record {
                                number: None,
                                question: lines[i].text.trim().to_owned(),
                            },
                        });
                        answered = false;
                    }
                    i = close;
                }
            }
            _ => {}
        }
        i += 1;
    }
    if !extra.is_empty() {
        starts.extend(extra);
        starts.sort_by_key(|s| s.line);
    }
}
