//! Plain-text question lists that no number of their own marks: problems named by an
//! identifier (`LC20. 有效的括号`, `LeetCode 27、移除元素`) under short group labels, and the
//! questions of interview rounds one per paragraph under `一面：` labels, and the other plain
//! runs of question lines that no marker sets apart.

use std::sync::LazyLock;

use rayon::prelude::*;
use regex::Regex;

use super::LINES_PER_TASK;
use super::{add_questions, is_start};
use crate::parse::asking::{asks, question_like};
use crate::parse::line::{Kind, Style};
use crate::parse::titles::{colon_label, title_shaped};
use crate::parse::{LABEL_RANK, Ln, Role, Start, blocks};

/// The plain-text list passes, in order: metadata first, so that no title it started hides
/// the lists after it; a restarted list's lost first item last, once its items are records.
pub(crate) fn read_plain_lists(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    split_named_id_items(lines, starts);
    drop_field_paragraphs(lines, starts);
    split_spaced_label_lists(lines, starts);
    split_question_paragraphs(lines, starts);
    add_lost_first_items(lines, starts);
    split_trailing_question_lines(lines, starts);
}

/// A line that opens with a name and a number (`LC20. 有效的括号`, `LeetCode 27、移除元素`,
/// `LeetCode94/144/145 二叉树的…遍历`): the name, lowercased, and the number.
static NAMED_ID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([A-Za-z][A-Za-z_-]{0,15}) ?(\d{1,6}) ?[.、/:：\s]\s*\S").expect("valid regex")
});

fn named_id(line: &Ln<'_>) -> Option<(String, u32)> {
    if !matches!(line.kind, Kind::Text)
        || line.code
        || line.structural
        || !line.text.starts_with(|c: char| c.is_ascii_alphabetic())
    {
        return None;
    }
    let c = NAMED_ID.captures(line.text)?;
    // `p1 = Person()`, `Child3.prototype = …` are code: an assignment, a member.
    let rest = &line.text[c.get(2).map_or(0, |m| m.end())..];
    let member =
        rest.starts_with('.') && rest[1..].starts_with(|ch: char| ch.is_ascii_alphabetic());
    if member
        || rest
            .trim_start()
            .starts_with(['=', '(', '[', '{', '+', '-', '*'])
    {
        return None;
    }
    Some((c[1].to_ascii_lowercase(), c[2].parse().ok()?))
}

/// Problem lists name each problem by an identifier (`LC20. 有效的括号`, `LC150. 逆波兰表达式
/// 求值`, `LeetCode 27、移除元素`): lines opening with one name and a number that does not count
/// 1, 2, 3 (an id, not a step) are each a question, unanswered or not; the short lines between
/// them (`栈`, `单调栈`, `DFS`) are the groups they are filed under. Three such lines at least,
/// in text no heading or number structures (only unmarked titles started records there).
fn split_named_id_items(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    // Each line read alone: on every core, in order.
    let ids: Vec<(usize, String, u32)> = lines
        .par_iter()
        .enumerate()
        .with_min_len(LINES_PER_TASK)
        .filter_map(|(i, l)| named_id(l).map(|(name, n)| (i, name, n)))
        .collect();
    // Names that open two lines or more name the list's items; one-offs are text.
    let mut names: Vec<(&str, usize)> = Vec::new();
    for (_, name, _) in &ids {
        match names.iter_mut().find(|(n, _)| n == name) {
            Some(c) => c.1 += 1,
            None => names.push((name, 1)),
        }
    }
    let listed: Vec<&(usize, String, u32)> = ids
        .iter()
        .filter(|(_, name, _)| names.iter().any(|(n, c)| n == name && *c >= 2))
        .collect();
    if listed.len() < 3 {
        return;
    }
    let counting = listed.windows(2).filter(|w| w[1].2 == w[0].2 + 1).count();
    if counting * 2 >= listed.len() {
        return;
    }
    let items: Vec<usize> = listed.iter().map(|&&(i, ..)| i).collect();
    let (first, last) = (items[0], items[items.len() - 1]);
    // The label right above the first item (`栈`, a blank line, `LC20. …`) belongs to the list.
    let from = lines[..first]
        .iter()
        .rposition(|l| !matches!(l.kind, Kind::Blank))
        .filter(|&p| label_line(&lines[p]))
        .unwrap_or(first);
    let unmarked =
        |s: &Start| s.rank.is_none() && matches!(&s.role, Role::Record { number: None, .. });
    if starts
        .iter()
        .any(|s| (from..=last).contains(&s.line) && !unmarked(s))
    {
        return;
    }
    let mut extra = Vec::new();
    for i in from..=last {
        let l = &lines[i];
        if items.binary_search(&i).is_ok() || named_id(l).is_some() {
            extra.push(Start {
                line: i,
                rank: None,
                role: Role::question(l.text),
            });
        } else if label_line(l) && next_is_listed(lines, i, &items) {
            extra.push(Start {
                line: i,
                rank: Some(LABEL_RANK),
                role: Role::label(l.text),
            });
        }
    }
    starts.retain(|s| !(from..=last).contains(&s.line));
    starts.extend(extra);
    starts.sort_by_key(|s| s.line);
}

/// A short group label: a title-shaped line of a few words.
fn label_line(line: &Ln<'_>) -> bool {
    matches!(line.kind, Kind::Text)
        && title_shaped(line)
        && line.text.trim().chars().count() <= 20
        && named_id(line).is_none()
}

/// Is the next non-blank line after `i` a listed item or another label over one?
fn next_is_listed(lines: &[Ln<'_>], i: usize, items: &[usize]) -> bool {
    let Some(k) = (i + 1..lines.len()).find(|&k| !matches!(lines[k].kind, Kind::Blank)) else {
        return false;
    };
    items.binary_search(&k).is_ok() || (label_line(&lines[k]) && next_is_listed(lines, k, items))
}

/// An interview report lists what each round asked under a label (`一面：`, `算法：`), one
/// question per paragraph: a label alone between blank lines, then short lines each alone
/// between blank lines (numbered or not, asking or not) up to the next label. Where two such
/// groups at least make the structure, each line is a question left unanswered and each
/// label a section; a numbered list under such a label is questions too, not the label's
/// points.
fn split_spaced_label_lists(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let blank = |k: usize| lines.get(k).is_none_or(|l| matches!(l.kind, Kind::Blank));
    let label = |k: usize| {
        let l = &lines[k];
        matches!(l.kind, Kind::Text) && colon_label(l) && (k == 0 || blank(k - 1)) && blank(k + 1)
    };
    let mut groups: Vec<(usize, Vec<usize>)> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !label(i) {
            i += 1;
            continue;
        }
        let mut items = Vec::new();
        let mut k = i + 1;
        while k < lines.len() {
            if blank(k) {
                k += 1;
                continue;
            }
            if label(k) || !blank(k + 1) || !spaced_item(&lines[k]) {
                break;
            }
            items.push(k);
            k += 1;
        }
        let next = k;
        if items.len() >= 2 {
            groups.push((i, items));
        }
        i = next.max(i + 1);
    }
    if groups.len() < 2 {
        return;
    }
    // Only where nothing else structures the text: no heading, and no record but the
    // numbered lines of the groups themselves.
    let mut extra = Vec::new();
    for (label_line, items) in groups {
        let last = items[items.len() - 1];
        let own = |s: &Start| {
            s.line == label_line
                || (items.binary_search(&s.line).is_ok() && s.rank.is_none_or(|r| r > 6))
        };
        let inside = starts
            .iter()
            .rev()
            .find(|s| s.line < label_line)
            .is_some_and(|s| !matches!(s.role, Role::Section { .. }));
        if inside
            || starts
                .iter()
                .any(|s| (label_line..=last).contains(&s.line) && !own(s))
        {
            continue;
        }
        starts.retain(|s| !(label_line..=last).contains(&s.line));
        extra.push(Start {
            line: label_line,
            rank: Some(LABEL_RANK),
            role: Role::label(lines[label_line].text),
        });
        for k in items {
            let role = match &lines[k].kind {
                Kind::Heading(h) => Role::Record {
                    number: h.number.clone(),
                    question: h.title.clone(),
                },
                _ => Role::question(lines[k].text),
            };
            extra.push(Start {
                line: k,
                rank: None,
                role,
            });
        }
    }
    starts.extend(extra);
    starts.sort_by_key(|s| s.line);
}

/// A line that can stand as one question of a round: a numbered line, or a short plain line
/// with no sentence in it, no code, link or picture.
fn spaced_item(line: &Ln<'_>) -> bool {
    if line.indented() || line.code || line.structural {
        return false;
    }
    match &line.kind {
        Kind::Heading(h) => !matches!(h.style, Style::Markdown(_)) && h.number.is_some(),
        Kind::Text => {
            let t = line.text.trim();
            t.chars().count() <= 100
                && !t.contains(['。', '；'])
                && !t.ends_with([':', '：'])
                && blocks::url_only(t).is_none()
        }
        _ => false,
    }
}

/// A paragraph of three lines or more that are each a short field and its value (`作者：…` /
/// `链接：https://…` / `来源：牛客网`) describes the page, it asks nothing: a record that an
/// unmarked title started on such a line is no question.
fn drop_field_paragraphs(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    // Each line read alone: on every core.
    let field: Vec<bool> = lines
        .par_iter()
        .with_min_len(LINES_PER_TASK)
        .map(|l| matches!(l.kind, Kind::Text) && FIELD.is_match(l.text) && !l.indented())
        .collect();
    let mut fields = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let end = (i..lines.len()).find(|&k| !field[k]).unwrap_or(lines.len());
        let alone = (i == 0 || matches!(lines[i - 1].kind, Kind::Blank))
            && lines.get(end).is_none_or(|l| matches!(l.kind, Kind::Blank));
        if end - i >= 3 && alone {
            fields.push(i..end);
        }
        i = end.max(i + 1);
    }
    starts.retain(|s| {
        !(s.rank.is_none()
            && matches!(s.role, Role::Record { number: None, .. })
            && fields.iter().any(|r| r.contains(&s.line)))
    });
}

/// A field and its value: a name of a few letters, a colon, the value.
static FIELD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[\p{Han}A-Za-z]{1,6}[：:]\s*\S").expect("valid regex"));

/// A question with nothing under it but, after a blank gap, a paragraph of three lines or more
/// most of which ask (`JVM内存模型` / `索引的数据结构是什么？` / `B+树和B树的区别？…`) has no
/// answer there: answers state, a run of questions is more questions, one per line.
fn split_question_paragraphs(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let mut extra = Vec::new();
    for (n, s) in starts.iter().enumerate() {
        if !matches!(s.role, Role::Record { .. }) {
            continue;
        }
        let end = starts.get(n + 1).map_or(lines.len(), |s| s.line);
        let from = (s.line + 1..end).find(|&k| !matches!(lines[k].kind, Kind::Blank));
        let Some(from) = from.filter(|&k| k > s.line + 1) else {
            continue;
        };
        let to = (from..end)
            .find(|&k| !matches!(lines[k].kind, Kind::Text))
            .unwrap_or(end);
        let run: Vec<usize> = (from..to).collect();
        let plain = run.iter().all(|&k| {
            let l = &lines[k];
            let t = l.text.trim();
            l.prose()
                && !l.indented()
                && t.chars().count() <= 100
                && !t.trim_end_matches('。').contains(['。', '；'])
                && !t.ends_with([':', '：'])
        });
        let asking = run
            .iter()
            .filter(|&&k| asks(lines[k].text) || question_like(lines[k].text))
            .count();
        // The paragraph must stand alone: a blank line (or the record's end) closes it.
        let closed = to == end || matches!(lines[to].kind, Kind::Blank);
        if run.len() >= 3 && plain && closed && asking * 3 >= run.len() * 2 {
            extra.extend(run);
        }
    }
    add_questions(lines, starts, extra);
}

/// A numbered list that starts at 2 lost its first number: the line glued right above its
/// `2.`, alone after a blank line (`.java出栈，…` over `2.finally 关键字…`), is its item 1.
fn add_lost_first_items(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let blank = |k: usize| matches!(lines[k].kind, Kind::Blank);
    let mut extra = Vec::new();
    for (n, s) in starts.iter().enumerate() {
        let Kind::Heading(h) = &lines[s.line].kind else {
            continue;
        };
        if h.value != Some(2) || matches!(h.style, Style::Markdown(_) | Style::Question) {
            continue;
        }
        let i = s.line;
        let one_before = starts[..n]
            .iter()
            .rev()
            .find_map(|p| match &lines[p.line].kind {
                Kind::Heading(ph) if ph.style == h.style => Some(ph.value == Some(1)),
                _ => None,
            });
        let above = i
            .checked_sub(1)
            .filter(|&k| !is_start(starts, k))
            .filter(|&k| {
                let l = &lines[k];
                matches!(l.kind, Kind::Text)
                    && !l.code
                    && !l.structural
                    && !l.indented()
                    && (k == 0 || blank(k - 1))
            });
        if let (Some(k), false) = (above, one_before == Some(true)) {
            extra.push(k);
        }
    }
    add_questions(lines, starts, extra);
}

/// Lines that each only ask, three or more glued one under the other at the end of a
/// paragraph (`外键？` / `多对多？` / `级联？`), are questions of their own wherever they stand:
/// an answer does not end in a string of bare questions. Short lines only, so a sentence that
/// happens to end in `？` stays in its answer.
fn split_trailing_question_lines(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let short_question = |l: &Ln<'_>| {
        let t = l.text.trim();
        // The shape first, the costlier reading of the line last.
        t.ends_with(['?', '？'])
            && t.chars().count() <= 30
            && !t[..t.len() - t.chars().last().map_or(0, char::len_utf8)]
                .contains(['?', '？', '。'])
            && l.prose()
    };
    // Each line read alone: on every core.
    let short_question: Vec<bool> = lines
        .par_iter()
        .with_min_len(LINES_PER_TASK)
        .map(short_question)
        .collect();
    let mut extra = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !short_question[i] {
            i += 1;
            continue;
        }
        let end = (i..lines.len())
            .find(|&k| !short_question[k])
            .unwrap_or(lines.len());
        let closed = lines.get(end).is_none_or(|l| matches!(l.kind, Kind::Blank));
        let known = |k: usize| is_start(starts, k);
        if end - i >= 3 && closed && !(i..end).any(known) {
            extra.extend(i..end);
        }
        i = end;
    }
    add_questions(lines, starts, extra);
}
