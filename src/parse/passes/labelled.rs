//! Items written with a question label and an answer label (`**题目**：` … `**【解题】**`): one
//! card each, whatever numbered lines and bullets they hold.

use crate::parse::line::{Kind, Style};
use crate::parse::{Ln, Role, Start, line};

/// Exam-review items: under a heading (`#### 【真题 1.1】CPU 执行时间`), a question label
/// (`**题目**：`, `题目 (Page 17, Q6)：`) over the question's text, then an answer label
/// (`**【解题】**`, `答案：`) over its solution. Each item is one card, from the heading right
/// above its question label (or from the label): numbered sub-questions and solution steps
/// inside it are its parts, not questions. Two such items at least, so the labels are the
/// notes' own layout; a label right over a numbered list labels a block of questions, not one.
pub(crate) fn split_labelled_items(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let mut items: Vec<(usize, usize)> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if !matches!(l.kind, Kind::Text) || !question_label(l.text) {
            continue;
        }
        let Some(stem) = next_text(lines, i + 1) else {
            continue;
        };
        if matches!(&lines[stem].kind, Kind::Heading(h) if !matches!(h.style, Style::Markdown(_))) {
            continue;
        }
        let end = (stem..lines.len())
            .find(|&k| {
                matches!(lines[k].kind, Kind::Heading(ref h) if matches!(h.style, Style::Markdown(_)))
                    || question_label(lines[k].text)
            })
            .unwrap_or(lines.len());
        if !(stem + 1..end).any(|k| answer_label(&lines[k])) {
            continue;
        }
        let above = lines[..i]
            .iter()
            .rposition(|p| !matches!(p.kind, Kind::Blank))
            .filter(|&p| {
                matches!(&lines[p].kind, Kind::Heading(h) if matches!(h.style, Style::Markdown(_)))
            });
        items.push((above.unwrap_or(i), stem));
    }
    if items.len() < 2 {
        return;
    }
    let mut kept: Vec<Start> = Vec::with_capacity(starts.len());
    let mut next = 0;
    for (n, &(at, stem)) in items.iter().enumerate() {
        // The card runs to the next item or the next heading that is not inside it.
        let rank = match &lines[at].kind {
            Kind::Heading(h) => Some(h.style.rank()),
            _ => None,
        };
        let limit = items.get(n + 1).map_or(lines.len(), |&(a, _)| a);
        let end = (at + 1..limit)
            .find(|&k| {
                matches!(&lines[k].kind, Kind::Heading(h)
                    if matches!(h.style, Style::Markdown(_))
                        && rank.is_none_or(|r| h.style.rank() <= r))
            })
            .unwrap_or(limit);
        while next < starts.len() && starts[next].line < at {
            kept.push(starts[next].clone());
            next += 1;
        }
        let question = match &lines[at].kind {
            Kind::Heading(h) => h.title.clone(),
            _ => line::strip_emphasis(lines[stem].text).trim().to_owned(),
        };
        kept.push(Start {
            line: at,
            rank,
            role: Role::Record {
                number: None,
                question,
            },
        });
        while next < starts.len() && starts[next].line < end {
            next += 1;
        }
    }
    kept.extend(starts[next..].iter().cloned());
    *starts = kept;
}

/// The next non-blank line from `from` on.
fn next_text(lines: &[Ln<'_>], from: usize) -> Option<usize> {
    (from..lines.len()).find(|&k| !matches!(lines[k].kind, Kind::Blank))
}

/// A line that only says "the question" (`**题目**：`, `题目 (Page 5, Q5)：`, `Problem:`).
fn question_label(text: &str) -> bool {
    // Asked of nearly every line: the cheap test first.
    if !text.trim_end().ends_with([':', '：']) {
        return false;
    }
    let plain = line::strip_emphasis(text);
    let t = plain.trim().trim_end_matches([':', '：']).trim_end();
    let t = t.strip_suffix("**").unwrap_or(t).trim_end();
    let t = t.trim_end_matches([':', '：']).trim_end();
    // A remark in parentheses after it (`(Page 17, Q6)`) is no part of the label.
    let t = match t.find(['(', '（']) {
        Some(k) if t.ends_with([')', '）']) => t[..k].trim_end(),
        _ => t,
    };
    let t = t.trim_matches('*').trim();
    [
        "题目",
        "题干",
        "问题",
        "题目描述",
        "问题描述",
        "Question",
        "Problem",
    ]
    .iter()
    .any(|w| t.eq_ignore_ascii_case(w))
}

/// A line that opens the answer: an answer marker (`答案：`), or a bracketed one
/// (`**【解题】**`, `【解题关键】`, `[cite_start]**【解答】**`).
fn answer_label(l: &Ln<'_>) -> bool {
    if matches!(l.kind, Kind::Marker { answer: true, .. }) {
        return true;
    }
    let Some((_, rest)) = l.text.split_once('【') else {
        return false;
    };
    ["解题", "解答", "答案", "解析", "参考答案", "答"]
        .iter()
        .any(|w| rest.starts_with(w))
}
