//! Numbered points inside the answer of an unnumbered question (`how to set the space
//! between point and content?`, `There are three solutions`, `1) …`, `2) …`, `3. …`).

use crate::parse::asking::{asks_any_way, ends_asking};
use crate::parse::line::{Kind, Style};
use crate::parse::{Ln, Role, Start};

/// Numbered lines that ask nothing, counting from 1 in the answer of an unnumbered question
/// ending in a question mark, after a line of that answer, are the points of that answer, not
/// questions: the writer asks with question lines, not numbers. Any numbering style counts
/// (`1)` then `3.`), as long as the numbers go on one by one.
pub(crate) fn keep_answer_points(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let mut drop = Vec::new();
    let mut n = 0;
    while n < starts.len() {
        let owner = &starts[n];
        let asking_line = owner.rank.is_none()
            && matches!(&owner.role, Role::Record { question, .. } if ends_asking(question));
        n += 1;
        if !asking_line {
            continue;
        }
        let mut points = Vec::new();
        let mut value = 0;
        while let Some(s) = starts.get(n + points.len()) {
            match point(lines, s) {
                Some(v) if v == value + 1 => {
                    points.push(s.line);
                    value = v;
                }
                _ => break,
            }
        }
        let answered = points.first().is_some_and(|&first| {
            (owner.line + 1..first).any(|k| !matches!(lines[k].kind, Kind::Blank))
        });
        if answered {
            n += points.len();
            drop.extend(points);
        }
    }
    if !drop.is_empty() {
        starts.retain(|s| drop.binary_search(&s.line).is_err());
    }
}

/// An answer label alone on its line (`答案`, `**回答关键点**`, `参考答案：`) announces the answer
/// under it: the first line that follows is that answer, even when it ends in a question mark,
/// when it says something before it asks (`**回答关键点**` / `不要只说你用什么。…为什么不用哪个
/// 工具？`), unless it is a heading, a numbered item, a labelled question (`**Q：…？**` under an
/// empty `A：`) or a line with an answer label of its own under it.
pub(crate) fn keep_labelled_answers(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let answer_marker = |l: &Ln<'_>| matches!(&l.kind, Kind::Marker { answer: true, .. });
    let mut drop = Vec::new();
    for (n, s) in starts.iter().enumerate() {
        if !matches!(lines[s.line].kind, Kind::Text) || !matches!(s.role, Role::Record { .. }) {
            continue;
        }
        let under_bare_label = lines[..s.line]
            .iter()
            .rev()
            .find(|p| !matches!(p.kind, Kind::Blank))
            .is_some_and(|p| {
                answer_marker(p)
                    && matches!(&p.kind, Kind::Marker { text, .. } if text.rest().trim().is_empty())
            });
        // A question with an answer label of its own under it is one (an empty `答案：` above
        // it left its own question unanswered).
        let end = starts.get(n + 1).map_or(lines.len(), |next| next.line);
        // A question asked on its own (`原型链是什么？` under an empty `答案`) is one; an answer
        // that ends by asking says something first (`不要只说你用什么。…为什么不用哪个工具？`).
        let told = lines[s.line]
            .text
            .trim_end()
            .trim_end_matches(['?', '？', '。', '.', '!', '！'])
            .contains(['。', '！', '；']);
        if under_bare_label && told && !lines[s.line + 1..end].iter().any(answer_marker) {
            drop.push(s.line);
        }
    }
    if !drop.is_empty() {
        starts.retain(|s| drop.binary_search(&s.line).is_err());
    }
}

/// The number of a record a numbered line starts that asks nothing.
fn point(lines: &[Ln<'_>], start: &Start) -> Option<u32> {
    let Role::Record { question, .. } = &start.role else {
        return None;
    };
    let Kind::Heading(h) = &lines[start.line].kind else {
        return None;
    };
    let asking = asks_any_way(question);
    (!matches!(h.style, Style::Markdown(_) | Style::Question) && !asking)
        .then_some(h.value)
        .flatten()
}
