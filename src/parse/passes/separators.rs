//! Notes whose structure is separator lines rather than headings: entries between `--` lines,
//! and quiz items set apart by rules (`---`), each part one card.

use rayon::prelude::*;

use super::LINES_PER_TASK;
use super::{add_questions, dedent, is_start, record_at};
use crate::parse::asking::{asks, ends_asking, question_like};
use crate::parse::classify::front_matter_end;
use crate::parse::line::Kind;
use crate::parse::record::code_led_question;
use crate::parse::titles::{colon_label, colon_label_shape, title_shape};
use crate::parse::{Ln, Role, Start, blocks, line};

/// Notes kept as entries between separator lines (`--` / `ConfigurableApplicationContext
/// 用于干什么的?` / its answer / `--`): each entry is one card, titled by its first line, and
/// the numbered lines inside it are the points of its answer. Read so only where the entries
/// are the structure: three or more, no Markdown heading among them, and at least two thirds
/// of them opening with a title line. An entry that is only a label (`Redis:`) groups the
/// entries after it.
/// `entries`: [`rule_entries`] of `lines`, found once for this pass and [`split_entry_topics`].
pub(crate) fn split_rule_entries(
    lines: &[Ln<'_>],
    starts: &mut Vec<Start>,
    entries: Option<&[(usize, usize)]>,
) {
    let Some(entries) = entries else {
        return;
    };
    // An entry opened by a question already found (`1、null与undefined的异同点是什么呢？`) is
    // titled too: it keeps what was found inside it.
    let asked = |first: usize| record_at(starts, first).is_some();
    let titled = entries
        .iter()
        .filter(|&&(first, last)| entry_title(lines, first, last) || asked(first))
        .count();
    if entries.len() < 3 || titled * 3 < entries.len() * 2 {
        return;
    }
    let mut out: Vec<Start> = Vec::new();
    let mut k = 0;
    for (n, &(first, last)) in entries.iter().enumerate() {
        // Starts before this entry (between entries) stay as they are; a separator starts
        // nothing.
        while k < starts.len() && starts[k].line < first {
            if !separator_line(&lines[starts[k].line]) {
                out.push(starts[k].clone());
            }
            k += 1;
        }
        let inside = starts[k..].iter().take_while(|s| s.line <= last).count();
        let l = &lines[first];
        // An entry holding a heading that groups questions (`第一章` / `1、基础语法` /
        // `1.1 重载与重写的区别`) is a part of the notes, not one card: it keeps its starts.
        // So is one holding a question found below its first line that asks (`Interview
        // Questions` / `=====` / `1. **What's the trade-off…?**` / … / `---`): the entry's
        // questions were found already.
        let asked_inside =
            starts[k..k + inside]
                .iter()
                .filter(|s| s.line > first)
                .any(|s| match &s.role {
                    Role::Record { question, .. } => asks(question) || ends_asking(question),
                    _ => false,
                });
        let grouping = asked_inside
            || starts[k..k + inside]
                .iter()
                .any(|s| matches!(s.role, Role::Section { .. }));
        // What stands above the first rule, where nothing was found, is the head of the notes
        // (their title and introduction), unless it asks.
        let head = n == 0
            && inside == 0
            && !lines[..first].iter().any(separator_line)
            && !asks(l.text)
            && !ends_asking(l.text);
        let role = if grouping || head || !entry_title(lines, first, last) {
            None
        } else if first == last && colon_label(l) {
            Some(Role::label(l.text))
        } else {
            Some(Role::question(l.text))
        };
        match role {
            Some(role) => {
                // The entry's own start, if it has one, keeps what the outline found for it.
                let own = starts[k..k + inside].iter().find(|s| s.line == first);
                out.push(own.cloned().unwrap_or(Start {
                    line: first,
                    rank: None,
                    role,
                }));
            }
            None => out.extend_from_slice(&starts[k..k + inside]),
        }
        k += inside;
    }
    out.extend_from_slice(&starts[k..]);
    *starts = out;
}

/// Under a record opened by a Markdown heading, does the part `f..=l` hold a sub-heading of it
/// (`# …问题？`, `---`, `### A. 内存泄漏`)? Then it is a part of that record's answer.
fn answers_heading(lines: &[Ln<'_>], starts: &[Start], f: usize, l: usize) -> bool {
    let k = starts.partition_point(|s| s.line <= f);
    k > 0
        && matches!(starts[k - 1].role, Role::Record { .. })
        && lines[starts[k - 1].line]
            .markdown_level()
            .is_some_and(|top| {
                lines[f..=l]
                    .iter()
                    .any(|x| x.markdown_level().is_some_and(|d| d > top))
            })
}

/// A line that only separates entries: a rule (`-----`, `*****`) or a bare `--`.
fn separator_line(line: &Ln<'_>) -> bool {
    matches!(line.kind, Kind::Text) && blocks::is_separator(line.text)
}

/// The first line of the entry `first..=last` can title it: a title, a label (`volatile:`), a
/// question, or a term with its explanation after a colon (`AQS: 独占锁和共享锁…`). An entry
/// indented as a whole (` -----` / ` HashMap   LinkedHashMap` / ` HashMap不保证…`) is read
/// without its shared indent: its first line is at its margin.
fn entry_title(lines: &[Ln<'_>], first: usize, last: usize) -> bool {
    let line = &lines[first];
    if !matches!(line.kind, Kind::Text) || indent(line) > entry_margin(lines, first, last) {
        return false;
    }
    let dedented = dedent(line);
    let line = &dedented;
    let plain = line::strip_emphasis(line.text);
    let t = plain.trim();
    let term = t.find([':', '：']).is_some_and(|at| {
        (1..=40).contains(&t[..at].chars().count()) && !t[..at].contains(['，', '。', ','])
    });
    title_shape(line) || colon_label_shape(line) || ends_asking(t) || (term && !line.code)
}

/// How far a line is indented: its leading spaces, tabs and ideographic spaces.
fn indent(line: &Ln<'_>) -> usize {
    line.text.len() - line.text.trim_start_matches([' ', '\t', '\u{3000}']).len()
}

/// The indent every non-blank line of `first..=last` shares.
fn entry_margin(lines: &[Ln<'_>], first: usize, last: usize) -> usize {
    lines[first..=last]
        .iter()
        .filter(|l| !matches!(l.kind, Kind::Blank))
        .map(indent)
        .min()
        .unwrap_or(0)
}

/// The entries between separator lines, each as (first non-blank line, last non-blank line),
/// where the rules make the structure: three separators or more before the first Markdown
/// heading. Notes that switch to headings later (`-----` between items, then `### 38.` …)
/// keep their rules as the structure of the part above the headings.
pub(crate) fn rule_entries(lines: &[Ln<'_>]) -> Option<Vec<(usize, usize)>> {
    let end = lines
        .iter()
        .position(|l| l.markdown_level().is_some())
        .unwrap_or(lines.len());
    // Each line read alone: on every core, in order.
    let separators: Vec<usize> = (0..end)
        .into_par_iter()
        .with_min_len(LINES_PER_TASK)
        .filter(|&i| separator_line(&lines[i]))
        .collect();
    if separators.len() < 3 {
        return None;
    }
    let mut entries = Vec::new();
    let mut from = 0;
    for &sep in separators.iter().chain(std::iter::once(&end)) {
        entries.extend(non_blank_span(lines, from..sep));
        from = sep + 1;
    }
    Some(entries)
}

/// Rule-separated entries that hold several topics: inside an entry, bare names (short, no
/// punctuation) that each open a paragraph — after a blank line, or under a finished sentence
/// or statement — and either stand alone there (`轻量级锁`, a blank line, `重量级锁`) or are named
/// again by the line under them (`WeakHashMap` / `WeakHashMap与HashMap的用法…`) are topics of
/// their own, one record each, where an entry holds two or more of them besides its first
/// line. Read only where the rules make the structure (three separators or more, no Markdown
/// heading).
/// `entries`: [`rule_entries`] of `lines`.
pub(crate) fn split_entry_topics(
    lines: &[Ln<'_>],
    starts: &mut Vec<Start>,
    entries: Option<&[(usize, usize)]>,
) {
    let Some(entries) = entries else {
        return;
    };
    let blank = |k: usize| lines.get(k).is_none_or(|l| matches!(l.kind, Kind::Blank));
    let mut extra = Vec::new();
    for &(first, last) in entries {
        let margin = entry_margin(lines, first, last);
        let topics: Vec<usize> = (first + 1..=last)
            .filter(|&k| {
                let l = &lines[k];
                let name = bare_name(l);
                let opens = blank(k - 1) || finished(lines[k - 1].text);
                let alone = blank(k + 1);
                let named_again = !blank(k + 1)
                    && lines[k + 1]
                        .text
                        .trim_start()
                        .starts_with(name.unwrap_or("\0"));
                indent(l) == margin && name.is_some() && opens && (alone || named_again)
            })
            .collect();
        if topics.len() >= 2 {
            extra.extend(topics);
        }
    }
    extra.retain(|&k| !is_start(starts, k));
    add_questions(lines, starts, extra);
}

/// A bare name on its own line: a plain line of a few words with no punctuation at all
/// (`WeakHashMap`, `自旋锁`), its text.
fn bare_name<'a>(line: &Ln<'a>) -> Option<&'a str> {
    let t = line.text.trim();
    let width: usize = t.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
    (matches!(line.kind, Kind::Text)
        && !line.code
        && !line.structural
        && (1..=24).contains(&width)
        && t.chars()
            .all(|c| c.is_alphanumeric() || c == ' ' || c == '_'))
    .then_some(t)
}

/// A line that ends a sentence or a statement (`…键值对。`, `String s2 = new String("aaa");`).
fn finished(text: &str) -> bool {
    text.trim_end()
        .ends_with(['。', '.', ';', '；', '！', '!', '？', '?'])
}

/// The first and last non-blank lines in `range`, if it has any.
fn non_blank_span(lines: &[Ln<'_>], range: std::ops::Range<usize>) -> Option<(usize, usize)> {
    let blank = |k: &usize| matches!(lines[*k].kind, Kind::Blank);
    let first = range.clone().find(|k| !blank(k))?;
    let last = range.rev().find(|k| !blank(k))?;
    Some((first, last))
}

/// Quizzes that set their items apart with rules and nothing else (a question, its options and
/// `解析：`, then `---`, then the next one): each part between the rules is one card, from its
/// first line — the code a question is asked about may come first. The layout is the rules'
/// only where three parts or more mostly open with no numbered question or heading of their own
/// and mostly ask something; inside such a part, lines that looked like questions (`1.` points
/// under `解析：`) are the answer's.
pub(crate) fn split_rule_separated_items(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let front = front_matter_end(lines)
        .filter(|&e| e < lines.len())
        .map_or(0, |e| e + 1);
    // Segments between group headings; the part of a set-aside heading is left alone.
    let mut segments = Vec::new();
    let mut from = Some(front);
    for s in starts.iter() {
        let group = matches!(s.role, Role::Section { .. } | Role::Aside);
        if group && s.line >= front {
            if let Some(f) = from.filter(|&f| f < s.line) {
                segments.push(f..s.line);
            }
            from = matches!(s.role, Role::Section { .. }).then_some(s.line + 1);
        }
    }
    if let Some(f) = from.filter(|&f| f < lines.len()) {
        segments.push(f..lines.len());
    }
    let mut drop = std::collections::HashSet::new();
    let mut extra = Vec::new();
    let separating = separator_width(lines);
    for seg in segments {
        let rule = |k: usize| {
            matches!(lines[k].kind, Kind::Text)
                && blocks::is_rule_line(lines[k].text)
                && (k == 0
                    || matches!(lines[k - 1].kind, Kind::Blank)
                    || closing_rule(lines, k)
                    || separating.is_some_and(|w| width(lines[k].text) >= w))
        };
        let mut parts = Vec::new();
        let mut part_from = seg.start;
        for k in seg.clone() {
            if rule(k) || k + 1 == seg.end {
                let to = if rule(k) { k } else { k + 1 };
                parts.extend(non_blank_span(lines, part_from..to));
                part_from = k + 1;
            }
        }
        if parts.len() < 3 {
            continue;
        }
        let at = |line: usize| starts.binary_search_by_key(&line, |s| s.line).ok();
        // Free: opened by no numbered question or heading, and holding no other line that
        // asks and was taken for a question (a part with several questions keeps them).
        let free = |(f, l): (usize, usize)| {
            let lo = starts.partition_point(|s| s.line <= f);
            let hi = starts.partition_point(|s| s.line <= l);
            !answers_heading(lines, starts, f, l)
                && at(f).is_none_or(|n| starts[n].rank.is_none())
                && starts[lo..hi].iter().all(|s| match &s.role {
                    Role::Record { question, .. } => !asks(question) && !ends_asking(question),
                    _ => false,
                })
        };
        // A part asks, or answers (`解析：`): an introduction does neither.
        let asking = |(f, l): (usize, usize)| {
            lines[f..=l].iter().any(|x| match x.kind {
                Kind::Text | Kind::Heading(_) => {
                    ends_asking(x.text)
                        || asks(x.text)
                        || numbered_question(x.text)
                        || ["（）", "()", "____"].iter().any(|b| x.text.contains(b))
                }
                Kind::Marker { answer, .. } => answer,
                _ => false,
            }) || code_then_verdict(lines, f, l)
                || titled_group(lines, f, l).is_some()
        };
        // A title line right above a rule (`HashMap 的put方法流程？`, a blank line, `-----`)
        // is underlined by it: there the rules mark titles, not the ends of cards.
        let underlines = parts.iter().any(|&(f, l)| {
            l > f
                && at(l).is_some_and(|n| starts[n].rank.is_none())
                && !(l + 1 < lines.len() && closing_rule(lines, l + 1))
        });
        if underlines {
            continue;
        }
        let free_parts = parts.iter().filter(|&&p| free(p)).count();
        let asking_parts = parts.iter().filter(|&&p| asking(p)).count();
        if free_parts * 3 < parts.len() * 2 || asking_parts * 3 < parts.len() * 2 {
            continue;
        }
        // A part that asks nothing (an introduction above the first rule) stays what it was.
        for &(f, l) in parts.iter().filter(|&&p| free(p) && asking(p)) {
            let lo = starts.partition_point(|s| s.line < f);
            let hi = starts.partition_point(|s| s.line <= l);
            for s in &starts[lo..hi] {
                if s.rank.is_none_or(|r| r > 6) {
                    drop.insert(s.line);
                }
            }
            extra.extend(part_starts(lines, f, l));
        }
    }
    if extra.is_empty() {
        return;
    }
    starts.retain(|s| !drop.contains(&s.line));
    starts.extend(extra);
    starts.sort_by_key(|s| s.line);
}

/// How wide a line is on screen: a CJK character takes two columns.
fn width(t: &str) -> usize {
    t.trim()
        .chars()
        .map(|c| if c.is_ascii() || c == '\t' { 1 } else { 2 })
        .sum::<usize>()
}

/// Where rules surely separate parts (after a blank line, or far longer than the line they
/// are glued under) and three or more do, a rule glued under a line about as long as they are
/// separates too, however wide that line: a writer who separates with rules of one length
/// repeats them. The width from which a rule separates so (four fifths of the median of the
/// sure ones), if the file has such rules.
fn separator_width(lines: &[Ln<'_>]) -> Option<usize> {
    let mut sure: Vec<usize> = (1..lines.len())
        .filter(|&k| {
            matches!(lines[k].kind, Kind::Text)
                && blocks::is_rule_line(lines[k].text)
                && (matches!(lines[k - 1].kind, Kind::Blank) || closing_rule(lines, k))
        })
        .map(|k| width(lines[k].text))
        .collect();
    if sure.len() < 3 {
        return None;
    }
    sure.sort_unstable();
    let median = sure[sure.len() / 2];
    (median >= 40).then_some(median * 4 / 5)
}

/// A rule glued under a line that is far longer than it (`It will return 2.`, then a rule of a
/// hundred dashes) closes a part rather than underlining a title: an underline is about as
/// wide as what it underlines.
fn closing_rule(lines: &[Ln<'_>], k: usize) -> bool {
    k > 0 && blocks::is_rule_line(lines[k].text) && !matches!(lines[k - 1].kind, Kind::Blank) && {
        let (rule, above) = (width(lines[k].text), width(lines[k - 1].text));
        rule >= 2 * above && rule >= above + 20
    }
}

/// A part that shows code and then says what of it in a line of prose (`class Child extends
/// Parent{ … }`, then `This code is OK.`) is a quiz item even though nothing in it asks: the
/// code is the question, the verdict its answer.
fn code_then_verdict(lines: &[Ln<'_>], f: usize, l: usize) -> bool {
    let prose = |x: &Ln<'_>| matches!(x.kind, Kind::Text) && !code_shaped(x);
    code_shaped(&lines[f])
        && lines[f..=l]
            .iter()
            .rev()
            .find(|x| !matches!(x.kind, Kind::Blank))
            .is_some_and(prose)
}

/// A part that opens with a title underlined by a short rule (`Some Tests` / `----------`) and
/// then holds blocks of code set apart by blank lines is a group: the title labels it, and
/// each block with code in it is an item of its own (its first line, which may lead in to the
/// code: `Similarly:-`). The first lines of those blocks, if there are two or more.
fn titled_group(lines: &[Ln<'_>], f: usize, l: usize) -> Option<Vec<usize>> {
    if f + 2 > l
        || !matches!(lines[f + 1].kind, Kind::Text)
        || !blocks::is_rule_line(lines[f + 1].text)
        || closing_rule(lines, f + 1)
        || blocks::is_rule_line(lines[f].text)
    {
        return None;
    }
    let mut items = Vec::new();
    let mut block: Option<usize> = None;
    let mut has_code = false;
    let body = lines[f + 2..=l]
        .iter()
        .map(Some)
        .chain(std::iter::once(None));
    for (k, line) in (f + 2..).zip(body) {
        match line {
            Some(x) if !matches!(x.kind, Kind::Blank) => {
                block.get_or_insert(k);
                has_code |= code_shaped(x);
            }
            _ => {
                if let Some(b) = block.take().filter(|_| has_code) {
                    items.push(b);
                }
                has_code = false;
            }
        }
    }
    (items.len() >= 2).then_some(items)
}

/// A line that reads as code, or opens, closes or ends a statement of it (`class Hello{`, `}`).
fn code_shaped(line: &Ln<'_>) -> bool {
    line.code || line.text.trim_end().ends_with(['{', '}', ';'])
}

/// The starts of a part read as a quiz item: one card from its first line (the question the
/// line after code that opens it), or, for a titled group, its label and one card per block.
fn part_starts(lines: &[Ln<'_>], f: usize, l: usize) -> Vec<Start> {
    if let Some(items) = titled_group(lines, f, l) {
        let mut out = vec![Start {
            line: f,
            rank: None,
            role: Role::label(lines[f].text),
        }];
        out.extend(items.into_iter().map(|k| Start {
            line: k,
            rank: None,
            role: Role::question(lines[k].text),
        }));
        return out;
    }
    let question = code_led_question(lines, f, l).unwrap_or(f);
    vec![Start {
        line: f,
        rank: None,
        role: Role::question(lines[question].text),
    }]
}

/// A numbered line that asks in words, question mark or not (`\t1)How many tables will be
/// created.`): the sub-questions of a part.
fn numbered_question(text: &str) -> bool {
    let t = text.trim_start();
    let rest = t.trim_start_matches(|c: char| c.is_ascii_digit());
    rest.len() < t.len()
        && rest
            .strip_prefix([')', '）', '.', '、'])
            .is_some_and(|q| question_like(q.trim_start()))
}
