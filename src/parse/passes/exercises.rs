//! Exercises: a numbered list of questions, then `Answer` and a numbered list of answers; each
//! answer becomes the record asking the question of its number.

use std::collections::HashMap;

use crate::parse::asking::{asks, question_like};
use crate::parse::line::{Kind, Style};
use crate::parse::{Ln, Role, Start, line};

/// An answer listed apart from its question: the answer's text on its own line, and the
/// question's line.
#[derive(Debug, Clone)]
pub(crate) struct Paired {
    pub(crate) answer: String,
    pub(crate) asked_at: u32,
}

/// Exercises written as a numbered list of questions, then `Answer` and a numbered list of
/// answers (`1.string和vector的iterator使用什么方式实现的` … `Answer 1` … `1. 原生指针`): each
/// answer is the answer of the question with its number. Each answer item becomes the record,
/// asking its question, with its own line as the start of the answer (returned: line → that
/// text and the question's line number); the question lines are [`Role::Asked`], owned by
/// those records, and a question no answer is numbered for is set aside. An answer numbered past the questions belongs to the
/// answer before it; a title repeated over the answers stays a section. The answers must
/// mostly not ask, or the second list is more questions.
pub(crate) fn pair_answer_lists(
    lines: &[Ln<'_>],
    starts: &mut Vec<Start>,
) -> HashMap<usize, Paired> {
    let mut paired = HashMap::new();
    let mut edits: Vec<(std::ops::Range<usize>, Vec<Start>)> = Vec::new();
    let mut n = 0;
    while n < starts.len() {
        let questions = numbered_run(lines, starts, n, 0);
        if questions.len() < 2 {
            n += 1;
            continue;
        }
        let (last_q, _) = *questions.last().expect("two or more");
        let title_at = |i: usize| match &lines[i].kind {
            Kind::Heading(h) => h.title.clone(),
            _ => String::new(),
        };
        let q_titles: Vec<String> = questions
            .iter()
            .map(|&(k, _)| title_at(starts[k].line))
            .collect();
        let Kind::Heading(first) = &lines[starts[questions[0].0].line].kind else {
            n = last_q + 1;
            continue;
        };
        let style = first.style;
        let bare = questions.windows(2).all(|w| {
            lines[starts[w[0].0].line + 1..starts[w[1].0].line]
                .iter()
                .all(|l| matches!(l.kind, Kind::Blank))
        });
        let answers = bare
            .then(|| answer_items(lines, starts[last_q].line + 1, style))
            .flatten()
            .unwrap_or_default();
        let a_titles: Vec<String> = answers.iter().map(|&i| title_at(i)).collect();
        let asking = |titles: &[String]| {
            titles
                .iter()
                .filter(|t| asks(t) || question_like(t))
                .count()
        };
        if answers.len() < 2
            || asking(&q_titles) * 2 < q_titles.len()
            || asking(&a_titles) * 2 >= a_titles.len()
        {
            n = last_q + 1;
            continue;
        }
        let matched = answers.len().min(q_titles.len());
        for (j, &(k, _)) in questions.iter().enumerate() {
            starts[k].role = if j < matched {
                Role::Asked
            } else {
                Role::Aside
            };
        }
        let (from, to) = (starts[last_q].line + 1, answers[answers.len() - 1]);
        // Between the questions and the last answer: the answers, and any heading there as a
        // section (the title repeated over the answers).
        let mut kept: Vec<Start> = Vec::new();
        let region_end = starts.partition_point(|s| s.line <= to);
        for s in starts[last_q + 1..region_end].iter().cloned() {
            if s.line < from || answers[..matched].binary_search(&s.line).is_ok() {
                kept.push(s);
            } else if s.line < answers[0] && matches!(lines[s.line].kind, Kind::Heading(_)) {
                let title = match s.role {
                    Role::Record { question, .. } => question,
                    Role::Section { title, .. } => title,
                    Role::Aside | Role::Asked | Role::Placeholder => continue,
                };
                let rank = s.rank.unwrap_or(LABEL_SECTION_RANK);
                kept.push(Start {
                    rank: Some(rank),
                    role: Role::Section { rank, title },
                    ..s
                });
            }
        }
        let asked = q_titles.iter().zip(&questions);
        for (value, ((&i, answer), (question, &(k, _)))) in
            answers.iter().zip(a_titles).zip(asked).enumerate()
        {
            kept.retain(|s| s.line != i);
            kept.push(Start {
                line: i,
                rank: None,
                role: Role::Record {
                    number: Some((value + 1).to_string()),
                    question: question.clone(),
                },
            });
            let asked_at = lines[starts[k].line].number;
            paired.insert(i, Paired { answer, asked_at });
        }
        kept.sort_by_key(|s| s.line);
        // Replaced once all are found: splicing each in place would cost a file of many
        // exercises its length squared.
        edits.push((last_q + 1..region_end, kept));
        n = region_end.max(last_q + 1);
    }
    replace_ranges(starts, edits);
    paired
}

/// The numbered record starts of `starts` from `n` on that count 1, 2, 3… in one style, as
/// (index into `starts`, value), after at most `sections` section starts (a title repeated
/// over the answers).
fn numbered_run(
    lines: &[Ln<'_>],
    starts: &[Start],
    n: usize,
    mut sections: usize,
) -> Vec<(usize, u32)> {
    let mut run = Vec::new();
    let mut style = None;
    for (k, s) in starts.iter().enumerate().skip(n) {
        let heading = match (&s.role, &lines[s.line].kind) {
            (Role::Section { .. }, _) if !run.is_empty() || sections == 0 => break,
            (Role::Section { .. }, _) => {
                sections -= 1;
                continue;
            }
            (Role::Record { .. }, Kind::Heading(h)) => h,
            _ => break,
        };
        let next = u32::try_from(run.len() + 1).unwrap_or(u32::MAX);
        if heading.value != Some(next)
            || style.is_some_and(|st| st != heading.style)
            || matches!(heading.style, Style::Markdown(_))
        {
            break;
        }
        style = Some(heading.style);
        run.push((k, next));
    }
    run
}

/// Does this line only label the answers below it (`Answer 1`, `答案`, `## 参考答案`)?
fn answers_label(line: &Ln<'_>) -> bool {
    let plain = line::strip_emphasis(line.text);
    let t = plain.trim().trim_start_matches('#').trim();
    let t = t.trim_end_matches(|c: char| {
        c.is_ascii_digit() || c.is_whitespace() || c == ':' || c == '：'
    });
    [
        "Answer",
        "Answers",
        "answer",
        "answers",
        "ANSWER",
        "答案",
        "参考答案",
        "解答",
    ]
    .contains(&t)
}

/// The numbered answers after a list of questions (line indices): within three lines after
/// `from`, a line labelling the answers (`Answer 1`), maybe a title repeated under it, then
/// lines numbered 1, 2, 3… in the questions' `style`, each followed by its answer text.
fn answer_items(lines: &[Ln<'_>], from: usize, style: Style) -> Option<Vec<usize>> {
    let mut i = from;
    let mut seen = 0;
    let mut labelled = false;
    while i < lines.len() && seen < 3 {
        let l = &lines[i];
        if matches!(&l.kind, Kind::Heading(h) if h.style == style && h.value == Some(1)) {
            break;
        }
        if !matches!(l.kind, Kind::Blank) {
            seen += 1;
            labelled |= answers_label(l);
        }
        i += 1;
    }
    if !labelled {
        return None;
    }
    let mut items = Vec::new();
    for (k, l) in lines.iter().enumerate().skip(i) {
        let Kind::Heading(h) = &l.kind else {
            continue;
        };
        let next = u32::try_from(items.len() + 1).ok();
        if h.style == style && h.value == next {
            items.push(k);
        } else if h.style.rank() <= style.rank() {
            break;
        }
    }
    Some(items)
}

/// `starts` with each range (in order, not overlapping) replaced by its starts.
fn replace_ranges(starts: &mut Vec<Start>, edits: Vec<(std::ops::Range<usize>, Vec<Start>)>) {
    if edits.is_empty() {
        return;
    }
    let mut out = Vec::with_capacity(starts.len());
    let mut from = 0;
    for (range, kept) in edits {
        out.extend(starts[from..range.start].iter().cloned());
        out.extend(kept);
        from = range.end;
    }
    out.extend(starts[from..].iter().cloned());
    *starts = out;
}

/// Rank of a section that only a label line titles: below every heading.
const LABEL_SECTION_RANK: u8 = 50;
