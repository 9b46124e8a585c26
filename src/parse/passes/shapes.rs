//! Loose text read by the shape of its lines. Where no other reading found a question in a
//! long stretch (the text before the first question, or under a heading before its first
//! question), a careful reader still sees the cards by what repeats: one line shape (`>**…**`,
//! `> ### …`, `    * 1）…`) coming back down the whole stretch, each time over lines of another
//! shape, marks where each card starts.
//!
//! The same reading checks the plausibility of what the other passes made: a card whose
//! question asks nothing, holding most of the file or a shape the next card opens with, is read
//! again inside by the shape that repeats down it; there, a glossary's terms (`术语：定义`
//! paragraphs) are cards however far down they run.

use std::collections::HashMap;

use super::flashcards::part_label_line;
use super::{indent_columns, loose_stretches};
use crate::parse::asking::{asks, asks_any_way, names_collection};
use crate::parse::line::{Kind, chinese_value, classify, strip_emphasis};
use crate::parse::outline::names_a_part;
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
        read_stretch(
            lines,
            from,
            to,
            Stretch::Loose { whole },
            &|_, _| true,
            None,
            &mut extra,
        );
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

/// Non-blank lines a record's body must hold before it can be swollen.
const MIN_SWOLLEN: usize = 12;

/// A record read as one card where a careful reader sees many: its question asks nothing (a
/// topic, a category, a collection's name) and its body is implausibly large — most of the
/// file, or a shape that the card right after it opens with comes back down it. Its body is read
/// like loose text, by the line shape that repeats down it (`    1 Thread类…` / `    2 …` under
/// `# 二 多线程基础`; `列表：…` / tab-indented lines / `字典：…` under `1、基础`, beside cards
/// opening `异常：`, `filter用法：`): one card per line of that shape, and the record, now over
/// cards, is their section.
pub(crate) fn split_swollen_records(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    // Non-blank lines before each line.
    let mut filled = Vec::with_capacity(lines.len() + 1);
    filled.push(0usize);
    for l in lines {
        let last = filled[filled.len() - 1];
        filled.push(last + usize::from(!matches!(l.kind, Kind::Blank)));
    }
    let total = filled[lines.len()];
    let mut extra = Vec::new();
    let mut sections = Vec::new();
    for (n, s) in starts.iter().enumerate() {
        let Role::Record { question, .. } = &s.role else {
            continue;
        };
        let end = starts.get(n + 1).map_or(lines.len(), |t| t.line);
        let body = filled[end] - filled[s.line + 1];
        if body < MIN_SWOLLEN || (asks_any_way(question) && !names_collection(question)) {
            continue;
        }
        let most = body * 2 >= total;
        let own = shape(lines[s.line].text);
        let next = starts
            .get(n + 1)
            .filter(|t| matches!(t.role, Role::Record { .. }))
            .and_then(|t| shape(lines[t.line].text));
        // Lines shaped like the record's own (`18.ES6新特性` over `1.严格模式` …) are its points;
        // lines shaped like the card right after it are more such cards, and a list over most
        // of the file, some of its items asking, is a list of cards.
        // So is a glossary over most of the file under a line of plain text, its terms defined
        // one after another, even where that line names a term by a link (`jvm详解：https://…`);
        // under a heading (`## HTTP状态码` over `200：…`, `301：…`), or a line that defines a
        // topic of its own (`快速排序：面试高频` over `时间复杂度：…`, `稳定性：…`), the terms
        // are its answer.
        let plain = matches!(lines[s.line].kind, Kind::Text);
        let linked = own.is_some() && lines[s.line].text.contains("://");
        let accept = |sh: &Shape, at: &[usize]| {
            let own_shape = own.as_ref() == Some(sh);
            if !own_shape
                && (next.as_ref() == Some(sh)
                    || most && at.iter().any(|&i| asks_any_way(text_of(lines[i].text))))
            {
                return true;
            }
            (!own_shape || linked) && most && plain && glossary(lines, sh, at)
        };
        if read_stretch(
            lines,
            s.line + 1,
            end,
            Stretch::Card,
            &accept,
            next.as_ref(),
            &mut extra,
        ) {
            sections.push(n);
        }
    }
    if extra.is_empty() {
        return;
    }
    for n in sections {
        let s = &mut starts[n];
        let title = match &s.role {
            Role::Record { question, .. } => question.clone(),
            _ => continue,
        };
        s.role = Role::Section {
            rank: s.rank.unwrap_or(LABEL_RANK),
            title,
        };
    }
    starts.extend(extra);
    starts.sort_by_key(|s| s.line);
}

/// Terms a glossary must define (see [`glossary`]).
const MIN_GLOSSARY: usize = 6;

/// Are the lines `at`, of shape `sh`, a glossary: terms at the margin, each opening its line
/// before a colon and its definition (`双亲委派：1. 避免重复加载…`, `新生代：eden，s0，s1…`),
/// six at least, half of them after a blank line, none repeated, and none naming a part of an
/// answer (`执行流程：`)? A few labels of an answer's parts among them (`比如：…`) belong to the
/// terms above them.
fn glossary(lines: &[Ln<'_>], sh: &Shape, at: &[usize]) -> bool {
    if sh.indent > 0 || sh.marks != "t" || at.len() < MIN_GLOSSARY {
        return false;
    }
    // The labels among them (`比如：…` under a term) belong to the terms above.
    let terms: Vec<usize> = at
        .iter()
        .copied()
        .filter(|&i| !part_label_line(lines[i].text))
        .collect();
    if terms.len() < MIN_GLOSSARY || (at.len() - terms.len()) * 2 >= terms.len() {
        return false;
    }
    // Half its terms at least open a paragraph: a glossary sets its terms apart, where a topic's
    // attributes are listed one under another (`时间复杂度：…` / `稳定性：…`).
    let opening = terms
        .iter()
        .filter(|&&i| i == 0 || matches!(lines[i - 1].kind, Kind::Blank))
        .count();
    if opening * 2 < terms.len() {
        return false;
    }
    let mut seen = std::collections::HashSet::new();
    terms.iter().all(|&i| {
        let text = lines[i].text.trim();
        term(text).is_some_and(|t| seen.insert(t) && !names_a_part(t))
    })
}

/// The cards of a glossary's lines `at`: one per term, its labels aside.
fn glossary_cards<'a>(lines: &'a [Ln<'_>], at: &'a [usize]) -> impl Iterator<Item = Start> + 'a {
    at.iter()
        .filter(|&&i| !part_label_line(lines[i].text))
        .map(|&i| card(lines, i))
}

/// Sections of one heading level that must open their cards with one shape before their
/// siblings are read alike.
const MIN_ALIKE: usize = 2;

/// Sibling headings read alike. Where two headings of one level or more are sections whose
/// cards, most of them answered, open with one shape after a blank line (`## 2. OS` / blank /
/// `* **Deep Sleep:**` /
/// its answer bullets / blank / `* **Linux Power:**`), a heading of that level read as one
/// card, asking nothing, whose first line is of that shape after a blank line (`## 1. SoC` /
/// blank / `* **Power States:**` / …), is such a section too: each line of that shape after
/// a blank line in it is a card.
pub(crate) fn read_sibling_sections_alike(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let after_blank = |i: usize| i > 0 && matches!(lines[i - 1].kind, Kind::Blank);
    // The shapes the cards of each level's sections open with, and in how many sections.
    let mut opening: HashMap<(u8, Shape), usize> = HashMap::new();
    let mut n = 0;
    while n < starts.len() {
        let s = &starts[n];
        n += 1;
        let (Role::Section { .. }, Some(level)) = (&s.role, lines[s.line].markdown_level()) else {
            continue;
        };
        // Each shape its cards open with after a blank line: how many, how many answered.
        let mut seen: Vec<(Shape, usize, usize)> = Vec::new();
        while let Some(t) = starts
            .get(n)
            .filter(|t| matches!(t.role, Role::Record { .. }) && t.rank.is_none())
        {
            let next = starts.get(n + 1).map_or(lines.len(), |u| u.line);
            let answered = (t.line + 1..next).any(|i| !matches!(lines[i].kind, Kind::Blank));
            if after_blank(t.line)
                && let Some(sh) = shape(lines[t.line].text)
            {
                match seen.iter_mut().find(|(s, _, _)| *s == sh) {
                    Some(e) => {
                        e.1 += 1;
                        e.2 += usize::from(answered);
                    }
                    None => seen.push((sh, 1, usize::from(answered))),
                }
            }
            n += 1;
        }
        for (sh, all, answered) in seen {
            if answered * 2 > all {
                *opening.entry((level, sh)).or_default() += 1;
            }
        }
    }
    if !opening.values().any(|&c| c >= MIN_ALIKE) {
        return;
    }
    let mut extra = Vec::new();
    for n in 0..starts.len() {
        let s = &starts[n];
        let Role::Record { question, .. } = &s.role else {
            continue;
        };
        let Some(level) = lines[s.line].markdown_level() else {
            continue;
        };
        if asks_any_way(question) {
            continue;
        }
        let end = starts.get(n + 1).map_or(lines.len(), |t| t.line);
        let Some(first) = (s.line + 1..end).find(|&i| !matches!(lines[i].kind, Kind::Blank)) else {
            continue;
        };
        let Some(sh) = shape(lines[first].text) else {
            continue;
        };
        if !after_blank(first)
            || opening
                .get(&(level, sh.clone()))
                .is_none_or(|&c| c < MIN_ALIKE)
        {
            continue;
        }
        // Up to a heading of its own inside it (`### Pro-Tip`), which is no such card.
        let end = (first..end)
            .find(|&i| lines[i].markdown_level().is_some())
            .unwrap_or(end);
        let cards: Vec<usize> = (first..end)
            .filter(|&i| {
                after_blank(i)
                    && matches!(lines[i].kind, Kind::Text)
                    && shape(lines[i].text).as_ref() == Some(&sh)
            })
            .collect();
        extra.push((n, cards));
    }
    if extra.is_empty() {
        return;
    }
    let mut cards = Vec::new();
    for (n, at) in extra {
        let s = &mut starts[n];
        if let Role::Record { question, .. } = &s.role {
            s.role = Role::Section {
                rank: s.rank.unwrap_or(LABEL_RANK),
                title: question.clone(),
            };
        }
        cards.extend(at.into_iter().map(|i| card(lines, i)));
    }
    starts.extend(cards);
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

/// What a stretch read by its shapes is.
#[derive(Clone, Copy)]
enum Stretch {
    /// Loose text; `whole`: all there is in its part.
    Loose { whole: bool },
    /// The body of one card read again: where a glossary may stand (see
    /// [`split_swollen_records`]).
    Card,
}

/// Starts for the stretch `from..to`, if one shape `accept`ed repeats down it; whether it
/// found any.
fn read_stretch(
    lines: &[Ln<'_>],
    from: usize,
    to: usize,
    stretch: Stretch,
    accept: &dyn Fn(&Shape, &[usize]) -> bool,
    follows: Option<&Shape>,
    extra: &mut Vec<Start>,
) -> bool {
    let seen: Vec<(usize, Shape)> = (from..to)
        .filter(|&i| matches!(lines[i].kind, Kind::Text | Kind::Heading(_)))
        .filter_map(|i| shape(lines[i].text).map(|s| (i, s)))
        .collect();
    let filled: Vec<usize> = (from..to)
        .filter(|&i| !matches!(lines[i].kind, Kind::Blank))
        .collect();
    if filled.len() < MIN_STRETCH || seen.len() < MIN_REPEATS {
        return false;
    }
    let worded = worded_lines(lines, &filled);
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
        if at.len() < 2 || !accept(outer, at) || !titles(lines, at) || !opens(filled.len(), first) {
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
            return true;
        }
        // A glossary's terms are cards however far down the stretch they run, each defined on
        // its own line.
        if matches!(stretch, Stretch::Card) && glossary(lines, outer, at) {
            extra.extend(glossary_cards(lines, at));
            return true;
        }
        // A shape that the line right after the stretch has too runs on past its end.
        let runs_on = follows == Some(outer);
        if at.len() < MIN_REPEATS || !(runs_on || reaches_end(filled.len(), last)) {
            continue;
        }
        // Lines under a line are looked for past empty quote lines, so a quoted preface of labels
        // each over `>` (`> 💭 **面试场景**：…` / `>` / `> ⏱️ **预计学习时间**：60分钟`) answers
        // nothing; quoted questions listed bare (`> 设计模式的七大原则` / `>` / `> …是什么?`)
        // or numbered (`> 1. Redis持久化机制` / `>` / `> 2. …`) are still cards, as they were
        // when the `>` was read as an answer.
        let listed =
            mostly_ask(lines, at) || at.iter().all(|&i| unnumbered(lines[i].text).0.is_some());
        let under = if listed { &filled } else { &worded };
        if answered(at, under) {
            // A bare outline (bullets under bullets, nothing else: a plan, a checklist) is
            // cards only where most of its items ask.
            let outline = not_bullets[last + 1] == not_bullets[first];
            if !outline || mostly_ask(lines, at) {
                extra.extend(at.iter().map(|&i| card(lines, i)));
                return true;
            }
        } else if matches!(stretch, Stretch::Loose { whole: true })
            && let Some(groups) = counted_list(lines, at, &worded)
        {
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
            return true;
        }
    }
    false
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
    t.ends_with([':', '：'])
        && t.chars().count() <= 20
        && shape(text).is_none_or(|s| s.marks == "t")
}

/// Do most of the lines at `at` ask?
fn mostly_ask(lines: &[Ln<'_>], at: &[usize]) -> bool {
    at.iter().filter(|&&i| asks(text_of(lines[i].text))).count() * 2 > at.len()
}

/// Are the lines at `at` short enough to be titles (or do they ask)?
fn titles(lines: &[Ln<'_>], at: &[usize]) -> bool {
    // A sentence that asks nothing, with a comma in it and closed by a full stop or an
    // exclamation mark (`> 感谢这两份资料，…看了之后收货颇多。`), is prose: a preface in
    // quotes, not a list of titles, when most lines of the shape are such.
    let sentences = at
        .iter()
        .filter(|&&i| {
            let t = text_of(lines[i].text).trim_end();
            t.contains(['，', ',']) && t.ends_with(['。', '！', '!']) && !asks(t)
        })
        .count();
    sentences * 2 <= at.len()
        && at.iter().all(|&i| {
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

/// The non-blank lines at `filled` without empty quote lines (`>` between quoted paragraphs):
/// what stands under a quoted line is the next quoted line with words in it.
fn worded_lines(lines: &[Ln<'_>], filled: &[usize]) -> Vec<usize> {
    let quote_mark_only = |i: usize| {
        lines[i]
            .text
            .trim_start()
            .trim_start_matches(['>', ' ', '\t'])
            .is_empty()
    };
    filled
        .iter()
        .copied()
        .filter(|&i| !quote_mark_only(i))
        .collect()
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
        _ if number_mark(&text) == Some(' ') => {
            let (number, title) = text.split_once(' ').unwrap_or((&text, ""));
            (Some(number.to_owned()), title.trim().to_owned())
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
/// number, bold, or (plain text otherwise) a term before its colon. A line with none of them has
/// no shape to read by, and neither has a rule, a table row or a bare link.
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
    } else if let Some(tag) = list_tag(rest) {
        marks.push('<');
        marks.push_str(tag);
    } else if marks.is_empty() && term(rest).is_some() {
        marks.push('t');
    }
    if marks.is_empty() || rest.trim().is_empty() || rest.starts_with(['|', '[', '!']) {
        return None;
    }
    if rest.starts_with('<') && !marks.contains('<') {
        return None;
    }
    Some(Shape { indent, marks })
}

/// The HTML list a line opens (`<ol start="11"><li>…`), written out on one line.
fn list_tag(text: &str) -> Option<&'static str> {
    ["ol", "ul", "li"].into_iter().find(|tag| {
        text.strip_prefix('<')
            .and_then(|t| t.strip_prefix(tag))
            .is_some_and(|t| t.starts_with([' ', '>']))
    })
}

/// Characters a term before its colon may hold (`列表：…`, `filter用法：`).
const MAX_TERM: usize = 12;

/// The term a line opens with, before a colon and its explanation (`字典：用大括号…`): a short
/// name, no code (`a = {1:'a'}`), no address (`https://…`), no sentence.
fn term(text: &str) -> Option<&str> {
    let colon = text.find([':', '：'])?;
    let name = &text[..colon];
    let after = &text[colon..];
    let chars = name.chars().count();
    let plain = name.chars().all(|c| {
        c.is_alphanumeric() || matches!(c, ' ' | '_' | '-' | '+' | '\'' | '.' | '#' | '&')
    });
    (chars > 0
        && chars <= MAX_TERM
        && plain
        && !name.starts_with(' ')
        && !name.ends_with(' ')
        && !after[after.chars().next().map_or(0, char::len_utf8)..].starts_with('/'))
    .then_some(name)
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
    if delim == ' ' {
        // A number typed with only a space after it (`1 继承Thread类`), over words.
        let rest = text.chars().skip(digits + 1).find(|c| *c != ' ')?;
        return (!rest.is_ascii_digit() && !rest.is_ascii_punctuation()).then_some(delim);
    }
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
        assert_eq!(
            marks("    7 饥饿线程：永远得不到运行机会"),
            Some((4, "n ".into()))
        );
        assert_eq!(
            marks("<ol start=\"11\"><li>如何诊断？</li>"),
            Some((0, "<ol".into()))
        );
        assert_eq!(marks("列表：有序可变的序列"), Some((0, "t".into())));
        assert_eq!(marks("\texample：[1, 2]"), Some((4, "t".into())));
    }

    #[test]
    fn numbers_over_digits_code_and_addresses_are_no_terms_or_items() {
        for text in [
            "2 3 5 7",
            "    1 ",
            "a = {1:'a'}",
            "https://example.com",
            "set(序列对象):将序列转化为集合",
            "<div>说明</div>",
        ] {
            assert_eq!(marks(text), None, "{text}");
        }
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
        assert_eq!(
            unnumbered("    12 如何在多个线程之间共享数据？"),
            (Some("12".into()), "如何在多个线程之间共享数据？".into())
        );
    }
}
