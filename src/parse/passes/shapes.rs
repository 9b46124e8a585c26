//! Loose text read by the shape of its lines. Where no other reading found a question in a
//! long stretch (the text before the first question, or under a heading before its first
//! question), a careful reader still sees the cards by what repeats: one line shape (`>**…**`,
//! `> ### …`, `    * 1）…`) coming back down the whole stretch, each time over lines of another
//! shape, marks where each card starts.

use std::collections::HashMap;

use super::{indent_columns, loose_stretches};
use crate::parse::asking::asks;
use crate::parse::line::{Kind, chinese_value, classify, strip_emphasis};
use crate::parse::titles::title_shaped;
use crate::parse::{LABEL_RANK, Ln, Role, Start, blocks};

/// Non-blank lines a loose stretch must hold before its shapes are read: fewer is a preface.
const MIN_STRETCH: usize = 6;

/// Times a shape must come back to mark cards.
const MIN_REPEATS: usize = 3;

/// Lines of a shape with lines under them that make it a list of questions (one in three at
/// least): a learner answers some before the others.
const MIN_ANSWERED: usize = 2;

/// Characters a card's first line may hold, unless it asks.
const MAX_TITLE: usize = 80;

/// Read each long loose stretch by the line shape that repeats down it (see the module).
pub(crate) fn split_loose_by_shape(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let mut extra = Vec::new();
    for (from, to, whole) in loose_stretches(starts, lines.len()) {
        read_stretch(lines, from, to, whole, &mut extra);
    }
    if starts.is_empty() && extra.is_empty() {
        extra.extend(one_topic(lines).map(|i| card(lines, i)));
    }
    if extra.is_empty() {
        return;
    }
    starts.extend(extra);
    starts.sort_by_key(|s| s.line);
}

/// In a file no reading finds any question or heading in, a first line shaped like a title
/// with running text under it: the note is on that one topic, and is one card (`继承  封装
/// 多态` over its explanation). A bare outline under a title (a checklist) is no answer.
fn one_topic(lines: &[Ln<'_>]) -> Option<usize> {
    let first = lines.iter().position(|l| !matches!(l.kind, Kind::Blank))?;
    let line = &lines[first];
    let answered = lines[first + 1..].iter().any(Ln::prose);
    (matches!(line.kind, Kind::Text) && title_shaped(line) && answered).then_some(first)
}

/// A line's shape: how far it is indented and the marks before its text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Shape {
    indent: usize,
    marks: String,
}

/// Starts for the stretch `from..to`, if one shape repeats down it.
fn read_stretch(lines: &[Ln<'_>], from: usize, to: usize, whole: bool, extra: &mut Vec<Start>) {
    let seen: Vec<(usize, Shape)> = (from..to)
        .filter(|&i| matches!(lines[i].kind, Kind::Text | Kind::Heading(_)))
        .filter_map(|i| shape(lines[i].text).map(|s| (i, s)))
        .collect();
    let filled: Vec<usize> = (from..to)
        .filter(|&i| !matches!(lines[i].kind, Kind::Blank))
        .collect();
    if filled.len() < MIN_STRETCH || seen.len() < MIN_REPEATS {
        return;
    }
    // The shapes, in the order they first appear.
    let mut shapes: Vec<(Shape, Vec<usize>)> = Vec::new();
    let mut index: HashMap<Shape, usize> = HashMap::new();
    for (i, s) in seen {
        if let Some(&k) = index.get(&s) {
            shapes[k].1.push(i);
        } else {
            index.insert(s.clone(), shapes.len());
            shapes.push((s, vec![i]));
        }
    }
    // How many of the first k non-blank lines are no bullet: a bare outline has none.
    let mut not_bullets = vec![0usize; filled.len() + 1];
    for (k, &i) in filled.iter().enumerate() {
        let bullet = blocks::bullet_item(lines[i].text.trim_start_matches([' ', '\t', '\u{3000}']));
        not_bullets[k + 1] = not_bullets[k] + usize::from(bullet.is_none());
    }
    let rank_of = |i: usize| filled.partition_point(|&f| f < i);
    for (outer, at) in &shapes {
        let (first, last) = (rank_of(at[0]), rank_of(at[at.len() - 1]));
        if at.len() < 2 || !titles(lines, at) || !opens(filled.len(), first) {
            continue;
        }
        // Cards one level down: a deeper shape that asks, coming back at least twice under
        // most of the outer lines, which then only group them.
        let inner = shapes.iter().find(|(s, inner)| {
            deeper(s, outer)
                && inner.len() >= 2 * at.len()
                && mostly_ask(lines, inner)
                && reaches_end(filled.len(), rank_of(inner[inner.len() - 1]))
                && {
                    let holding = at
                        .iter()
                        .enumerate()
                        .filter(|&(k, &o)| {
                            let end = at.get(k + 1).copied().unwrap_or(to);
                            inner.partition_point(|&i| i < end) - inner.partition_point(|&i| i <= o)
                                >= 2
                        })
                        .count();
                    holding * 2 > at.len()
                }
        });
        if let Some((_, inner)) = inner {
            extra.extend(at.iter().map(|&o| Start {
                line: o,
                rank: None,
                role: Role::Section {
                    rank: LABEL_RANK,
                    title: unnumbered(lines[o].text).1,
                },
            }));
            extra.extend(
                inner
                    .iter()
                    .filter(|&&i| i > at[0])
                    .map(|&i| card(lines, i)),
            );
            return;
        }
        if at.len() < MIN_REPEATS || !reaches_end(filled.len(), last) {
            continue;
        }
        if answered(at, &filled) {
            // A bare outline (bullets under bullets, nothing else: a plan, a checklist) is
            // cards only where most of its items ask.
            let outline = not_bullets[last + 1] == not_bullets[first];
            if !outline || mostly_ask(lines, at) {
                extra.extend(at.iter().map(|&i| card(lines, i)));
                return;
            }
        } else if whole && let Some(groups) = counted_list(lines, at, &filled) {
            // A numbered list with nothing under its items, all there is in its part (not
            // points before its questions): questions listed unanswered, in groups a label
            // may head (`主观问题：` over `1，jvm调优` `2，…`).
            for g in groups {
                extra.push(Start {
                    line: g,
                    rank: None,
                    role: Role::label(lines[g].text),
                });
            }
            extra.extend(at.iter().map(|&i| card(lines, i)));
            return;
        }
    }
}

/// If the lines at `at` number a list counting up from 1 (`1，` `2，` `3，`), restarting at 1
/// only after a line of another shape, the labels that head its groups: a short line
/// ending in a colon right above the first item or a restart.
fn counted_list(lines: &[Ln<'_>], at: &[usize], filled: &[usize]) -> Option<Vec<usize>> {
    let value = |i: usize| {
        let number = unnumbered(lines[i].text).0?;
        number
            .parse::<u32>()
            .ok()
            .or_else(|| chinese_value(&number))
    };
    // Items that state a term and explain it (`2. string：SDS`) are points, not questions.
    let defined = at
        .iter()
        .filter(|&&i| unnumbered(lines[i].text).1.contains([':', '：']))
        .count();
    if defined * 2 >= at.len() {
        return None;
    }
    let mut labels = Vec::new();
    let mut previous: Option<(usize, u32)> = None;
    for &i in at {
        let v = value(i)?;
        let k = filled.partition_point(|&f| f < i);
        let above = k.checked_sub(1).map(|k| filled[k]);
        let next = previous.is_some_and(|(p, pv)| above == Some(p) && v == pv + 1);
        let restart = v == 1 && previous.is_none_or(|(p, _)| above != Some(p));
        if !(next || restart) {
            return None;
        }
        if restart
            && let Some(a) = above
            && a >= filled[0]
            && colon_label_line(lines[a].text)
        {
            labels.push(a);
        }
        previous = Some((i, v));
    }
    Some(labels)
}

/// A short line ending in a colon (`客观问题：`): a label over what follows.
fn colon_label_line(text: &str) -> bool {
    let t = text.trim();
    t.ends_with([':', '：']) && t.chars().count() <= 20 && shape(text).is_none()
}

/// Do most of the lines at `at` ask?
fn mostly_ask(lines: &[Ln<'_>], at: &[usize]) -> bool {
    at.iter().filter(|&&i| asks(text_of(lines[i].text))).count() * 2 > at.len()
}

/// Are the lines at `at` short enough to be titles (or do they ask)?
fn titles(lines: &[Ln<'_>], at: &[usize]) -> bool {
    at.iter().all(|&i| {
        let t = text_of(lines[i].text);
        !t.is_empty() && (t.chars().count() <= MAX_TITLE || asks(t))
    })
}

/// Is a shape first seen at the `first` of `filled` non-blank lines near the stretch's start?
fn opens(filled: usize, first: usize) -> bool {
    first <= (filled / 5).max(2)
}

/// Is a shape last seen at the `last` of `filled` non-blank lines in the stretch's last third?
fn reaches_end(filled: usize, last: usize) -> bool {
    last * 3 >= filled * 2
}

/// Have enough of the lines at `at` lines under them (the next non-blank line, of `filled`,
/// is not one of them) to be a list of questions, some answered so far and some not?
fn answered(at: &[usize], filled: &[usize]) -> bool {
    let under = at
        .iter()
        .filter(|&&i| {
            let k = filled.partition_point(|&f| f <= i);
            filled.get(k).is_some_and(|n| at.binary_search(n).is_err())
        })
        .count();
    under >= MIN_ANSWERED && under * 3 >= at.len()
}

/// Is `s` nested under `outer`: indented further, or a smaller heading at the same indent?
fn deeper(s: &Shape, outer: &Shape) -> bool {
    s.indent > outer.indent
}

/// A card asking what line `i` says, without its marks; a number before the question is
/// the card's number (`>> 2) 堆和栈`).
fn card(lines: &[Ln<'_>], i: usize) -> Start {
    let (number, question) = unnumbered(lines[i].text);
    Start {
        line: i,
        rank: None,
        role: Role::Record { number, question },
    }
}

/// A line's number, if it has one, and its text without marks, number or emphasis.
fn unnumbered(line: &str) -> (Option<String>, String) {
    let text = strip_emphasis(text_of(line));
    match classify(&text) {
        Kind::Heading(h) if h.number.is_some() && !h.title.is_empty() => {
            (h.number, strip_emphasis(&h.title).trim().to_owned())
        }
        _ => (None, text.trim().to_owned()),
    }
}

/// A line's text without its indent, quote marks, heading marks and bullet.
fn text_of(text: &str) -> &str {
    let t = text.trim_start_matches([' ', '\t', '\u{3000}']);
    let t = t.trim_start_matches(['>', ' ']);
    let t = t.trim_start_matches('#').trim_start();
    blocks::bullet_item(t).unwrap_or(t).trim()
}

/// The shape of a line that has marks before its text: quote marks, a heading, a bullet, a
/// number, bold. A line with none of them (plain text) has no shape to read by, and neither
/// has a rule, a table row or a bare link.
fn shape(text: &str) -> Option<Shape> {
    let indent = indent_columns(text);
    if blocks::is_rule_line(text) {
        return None;
    }
    let mut rest = text.trim_start_matches([' ', '\t', '\u{3000}']);
    let mut marks = String::new();
    while let Some(r) = rest.strip_prefix('>') {
        marks.push('>');
        rest = r.trim_start();
    }
    let hashes = rest.len() - rest.trim_start_matches('#').len();
    if hashes > 0 && rest[hashes..].starts_with(' ') {
        marks.push_str(&rest[..hashes]);
        rest = rest[hashes..].trim_start();
    }
    if let Some(item) = blocks::bullet_item(rest) {
        marks.push(rest.chars().next().unwrap_or('-'));
        rest = item;
    }
    if let Some(r) = rest.strip_prefix("**").or_else(|| rest.strip_prefix("__")) {
        marks.push('b');
        rest = r;
    }
    if let Some(delim) = number_mark(rest) {
        marks.push('n');
        marks.push(delim);
    }
    if marks.is_empty() || rest.trim().is_empty() || rest.starts_with(['|', '[', '!', '<']) {
        return None;
    }
    Some(Shape { indent, marks })
}

/// The mark after a leading number (`1.`, `12、`, `三、`, `1）`), if the text opens with one.
fn number_mark(text: &str) -> Option<char> {
    let digits = text
        .chars()
        .take_while(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(*c))
        .count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let delim = text.chars().nth(digits)?;
    ".、)）:：,，".contains(delim).then_some(delim)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marks(text: &str) -> Option<(usize, String)> {
        shape(text).map(|s| (s.indent, s.marks))
    }

    #[test]
    fn shapes_name_indent_and_marks() {
        assert_eq!(marks(">> 1) 什么是 JVM"), Some((0, ">>n)".into())));
        assert_eq!(marks("> ### 线程与进程的区别"), Some((0, ">###".into())));
        assert_eq!(marks("    * **一.变量**"), Some((4, "*bn.".into())));
        assert_eq!(marks("\t- 1、栈"), Some((4, "-n、".into())));
        assert_eq!(marks("**jdk、jre、jvm的关系**"), Some((0, "b".into())));
    }

    #[test]
    fn plain_text_rules_tables_and_links_have_no_shape() {
        for text in [
            "JVM 是 Java 虚拟机",
            "----",
            "| a | b |",
            "- [链接](http://x)",
            "> ",
            "1990年",
        ] {
            assert_eq!(marks(text), None, "{text}");
        }
    }

    #[test]
    fn a_card_keeps_its_number_apart() {
        assert_eq!(
            unnumbered(">> 2) 堆和栈"),
            (Some("2".into()), "堆和栈".into())
        );
        assert_eq!(
            unnumbered("> **为什么叫java虚拟机**"),
            (None, "为什么叫java虚拟机".into())
        );
    }
}
