//! Questions jotted one to a line: a block of short lines at the margin, no blank line between
//! them, several of them asking, is a list of items, each line a card, whatever the lines
//! around it are.
//!
//! ```text
//! null和undefined ---->null转换数值为0，undefined转换数值为NaN
//! 动画
//! 跨域
//! npm run server做了什么?
//! vuex怎么绑定input?
//! 组件通信的方式
//! promise怎么中断
//! axios头部有哪些
//! ```
//!
//! Under a label that says questions follow (`问题：`), the lines need not ask.
//!
//! Some items carry their answer after an arrow (`---->`); a bare address among them is a
//! reference for the item above. A paragraph wrapped onto short lines is no list: its lines
//! run to about one width, or many of them end in a comma and go on on the next.

use super::label_lists::question_label;
use super::{add_questions, merge_starts};
use crate::parse::asking::{asks, ends_asking};
use crate::parse::line::Kind;
use crate::parse::{LABEL_RANK, Ln, Role, Start, blocks};

/// Lines a block must hold: fewer could be the points of one answer.
const MIN_LINES: usize = 8;

/// Lines of a block that must ask, and the share of its lines they must make (one in
/// `ASKING_SHARE`).
const MIN_ASKING: usize = 3;
const ASKING_SHARE: usize = 5;

/// Characters an item may hold before an arrow: longer, a line is a sentence of notes.
const MAX_ITEM: usize = 60;

/// Read every block of one-line items (see the module) as cards.
pub(crate) fn split_line_lists(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let mut found = Vec::new();
    // Labels over blocks read as questions: each names the group it is over.
    let mut labels = Vec::new();
    for (from, to) in blank_separated(lines) {
        let labelled = if indented_block(lines, from, to) {
            read_indented_block(lines, from, to, &mut found)
        } else {
            read_block(lines, starts, from, to, &mut found)
        };
        if labelled {
            labels.push(from);
        }
    }
    add_questions(lines, starts, found);
    // A label is the section of the questions under it, whatever an earlier reading made of it.
    let mut sections = Vec::new();
    for i in labels {
        let section = Start {
            line: i,
            rank: Some(LABEL_RANK),
            role: Role::label(lines[i].text),
        };
        match starts.binary_search_by_key(&i, |s| s.line) {
            Ok(k) => starts[k] = section,
            Err(_) => sections.push(section),
        }
    }
    merge_starts(starts, sections);
}

/// The blocks of `lines` between blank lines (or the file's edges), as `(from, to)`.
fn blank_separated<'l>(lines: &'l [Ln<'_>]) -> impl Iterator<Item = (usize, usize)> + 'l {
    let mut from = 0;
    std::iter::from_fn(move || {
        while from < lines.len() && matches!(lines[from].kind, Kind::Blank) {
            from += 1;
        }
        if from == lines.len() {
            return None;
        }
        let to = (from..lines.len())
            .find(|&i| matches!(lines[i].kind, Kind::Blank))
            .unwrap_or(lines.len());
        let block = (from, to);
        from = to;
        Some(block)
    })
}

/// Questions jotted one to a line with a blank line after each (`MAT有哪几个面板` / blank /
/// `HTTPS握手过程` / blank / `session除了集中式还有什么方法` / …): a run of such lines, short,
/// at the margin, none closing a sentence, is a list of cards as the same lines without the
/// blanks are, when enough of them ask: wherever the run is, in loose text or under a card
/// that swallowed it. (`spaced_lines` reads longer spaced lines, half of them asking, and the
/// headings over them; these are short jottings where one in five asking is enough, and two
/// in a run of eight or more.)
pub(crate) fn split_spaced_jottings(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let mut found = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    // A run inside a card that asks (`## HashMap 的 put 流程是怎样的？`) may be its answer's
    // steps, a few of them asking aside (`为什么用 & 而不是取模？位运算更快`): only the usual
    // share of questions makes it a list there.
    let in_asked_card = |run: &[usize]| {
        run.first().is_some_and(|&first| {
            starts[..starts.partition_point(|s| s.line < first)]
                .last()
                .is_some_and(|s| match &s.role {
                    Role::Record { question, .. } => asks(question) || ends_asking(question),
                    _ => false,
                })
        })
    };
    // A long checklist of topics to review (`对象创建过程`, `垃圾收集算法`, `类加载过程`, …)
    // needs no more than two questions among them: an answer's spaced points are fewer, and
    // ask nothing. The card around is looked up only for such a run.
    let checklist = |run: &[usize]| run.len() >= MIN_CHECKLIST && !in_asked_card(run);
    for (from, to) in blank_separated(lines) {
        if to - from == 1 && jotted(&lines[from]) {
            run.push(from);
        } else {
            let checklist = checklist(&run);
            take_jottings(lines, &mut run, &mut found, checklist);
        }
    }
    let checklist = checklist(&run);
    take_jottings(lines, &mut run, &mut found, checklist);
    add_questions(lines, starts, found);
}

/// Lines a run of jottings must hold, and of them, lines that must ask.
const MIN_JOTTINGS: usize = 4;
const MIN_JOTTINGS_ASKING: usize = 2;

/// Lines of a checklist of jottings, where two asking are enough however many ask nothing.
const MIN_CHECKLIST: usize = 8;

/// Characters a jotted question may hold.
const MAX_JOTTING: usize = 30;

/// Is line `l` a jotting: plain text at the margin, short, no sentence closed? A topic may
/// carry a hint after a colon, full-width or not (`RocketMQ如何保证消息有序：顺序消息的原理和实现`,
/// `RocketMQ的消费模式: 包括推模式和拉模式`): the topic is what must be short.
fn jotted(l: &Ln<'_>) -> bool {
    let t = l.text.trim();
    let topic = t.split_once(['：', ':']).map_or(
        t,
        |(topic, hint)| if hint.trim().is_empty() { t } else { topic },
    );
    matches!(l.kind, Kind::Text)
        && !l.code
        && !l.structural
        && !l.indented()
        && blocks::url_only(l.text).is_none()
        && blocks::bullet_item(t).is_none()
        && topic.chars().count() <= MAX_JOTTING
        && !t.ends_with(['。', '.', '；', ';', '，', ',', ':', '：'])
}

/// The lines of `run` as cards, if it is a run of jottings (see [`split_spaced_jottings`]);
/// `run` is emptied. `checklist`: the run is a checklist (long, and in no card that asks),
/// where two questions are enough.
fn take_jottings(lines: &[Ln<'_>], run: &mut Vec<usize>, found: &mut Vec<usize>, checklist: bool) {
    let asking = run.iter().filter(|&&i| asks(lines[i].text.trim())).count();
    if run.len() >= MIN_JOTTINGS
        && asking >= MIN_JOTTINGS_ASKING
        && (checklist || asking * ASKING_SHARE >= run.len())
    {
        found.append(run);
    }
    run.clear();
}

/// The items of the block `from..to` (no blank line in it), pushed to `found`, if it is a list
/// of one-line items; whether its first line is a label over them.
fn read_block(
    lines: &[Ln<'_>],
    starts: &[Start],
    from: usize,
    to: usize,
    found: &mut Vec<usize>,
) -> bool {
    // Under a label that says questions follow (`问题：`), the lines need not ask.
    if to - from > MIN_LABELLED && question_label(lines[from].text) {
        let items: Option<Vec<usize>> = (from + 1..to)
            .map(|i| item_text(&lines[i]).map(|_| i))
            .collect();
        if let Some(items) = items {
            found.extend(items);
            return true;
        }
        return false;
    }
    if to - from < MIN_LINES {
        return false;
    }
    // A block the other readings already split (a list with its own marks) is theirs. One
    // that opens with a heading or a numbered line is no list of plain lines (below).
    let starts_in = starts
        .partition_point(|s| s.line < to)
        .saturating_sub(starts.partition_point(|s| s.line < from));
    if starts_in * 2 >= to - from {
        return false;
    }
    let mut items = Vec::new();
    let mut asking = 0;
    let mut widths = Vec::new();
    let mut continued = 0;
    for (i, l) in lines.iter().enumerate().take(to).skip(from) {
        if blocks::url_only(l.text).is_some() {
            continue;
        }
        let Some(item) = item_text(l) else {
            return false;
        };
        if asks(item) {
            asking += 1;
        }
        if l.text.trim_end().ends_with(['，', ',', '、']) {
            continued += 1;
        }
        widths.push(l.text.chars().count());
        items.push(i);
    }
    // Lines that end in a comma go on on the next line: a sentence broken into its clauses.
    let broken = continued * 3 >= to - from;
    if asking < MIN_ASKING || asking * ASKING_SHARE < to - from || broken || wrapped(&widths) {
        return false;
    }
    found.extend(items);
    false
}

/// Is the block `from..to` a short label ending in a colon (`  common:`, `Scenario:`) over
/// lines all indented at least as deep as the first of them, deeper than it, none of them a
/// bullet, number or heading?
fn indented_block(lines: &[Ln<'_>], from: usize, to: usize) -> bool {
    let indent =
        |l: &Ln<'_>| l.text.len() - l.text.trim_start_matches([' ', '\t', '\u{3000}']).len();
    let label = &lines[from];
    let body = &lines[from + 1..to];
    let Some(first) = body.first() else {
        return false;
    };
    let depth = indent(first);
    label.text.trim_end().ends_with([':', '：'])
        && label.text.trim().chars().count() <= LABEL_CHARS
        && body.len() >= MIN_LINES
        && depth > indent(label)
        && body.iter().all(|l| {
            matches!(l.kind, Kind::Text)
                && !l.code
                && indent(l) >= depth
                && blocks::bullet_item(l.text.trim_start()).is_none()
        })
}

/// The lines of such a block as questions, one to a line, when enough of them ask, as in a
/// block at the margin (`What is a Namespace, and why…?`, `Explain the key components of…`),
/// and they are no paragraph wrapped onto lines: a question bank under its label. Whether it
/// is one.
fn read_indented_block(lines: &[Ln<'_>], from: usize, to: usize, found: &mut Vec<usize>) -> bool {
    let body = &lines[from + 1..to];
    let asking = body.iter().filter(|l| asks(l.text.trim())).count();
    let continued = body
        .iter()
        .filter(|l| l.text.trim_end().ends_with(['，', ',', '、']))
        .count();
    let widths: Vec<usize> = body.iter().map(|l| l.text.chars().count()).collect();
    let questions = asking >= MIN_ASKING
        && asking * ASKING_SHARE >= body.len()
        && continued * 3 < body.len()
        && !wrapped(&widths);
    if questions {
        found.extend(from + 1..to);
    }
    questions
}

/// Lines a block under a question label must hold, the label aside.
const MIN_LABELLED: usize = 3;

/// Characters a label over an indented block may hold.
const LABEL_CHARS: usize = 20;

/// The item a line holds: the line, up to an arrow that leads to its answer; `None` for a line
/// that is no one-line item (indented, a heading, a bullet, code, a long sentence).
fn item_text<'a>(l: &Ln<'a>) -> Option<&'a str> {
    let arrow = ARROW.find(l.text);
    // An arrow alone makes a line look like a diagram.
    if !matches!(l.kind, Kind::Text)
        || l.code
        || (l.structural && arrow.is_none())
        || l.indented()
        || blocks::bullet_item(l.text).is_some()
    {
        return None;
    }
    let item = arrow.map_or(l.text, |m| &l.text[..m.start()]).trim();
    (!item.is_empty() && item.chars().count() <= MAX_ITEM).then_some(item)
}

/// An arrow from an item to its answer: `---->`, `-->`, `->`, `=>`.
static ARROW: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"\s*(?:-+>|=+>)").expect("valid regex"));

/// Do these line widths look like a paragraph wrapped at one width: most lines (the last
/// aside) within a few characters of the longest?
fn wrapped(widths: &[usize]) -> bool {
    let Some((_, body)) = widths.split_last() else {
        return false;
    };
    let widest = body.iter().copied().max().unwrap_or(0);
    let full = body.iter().filter(|&&w| w * 10 >= widest * 9).count();
    full * 2 >= body.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrows_end_the_item() {
        let m = ARROW.find("v2和v3的区别----->死背").unwrap();
        assert_eq!(&"v2和v3的区别----->死背"[..m.start()], "v2和v3的区别");
        assert!(ARROW.find("a => b").is_some());
        assert!(ARROW.find("a - b").is_none());
    }

    #[test]
    fn wrapped_paragraphs_run_to_one_width() {
        assert!(wrapped(&[40, 39, 40, 38, 40, 12]));
        assert!(!wrapped(&[12, 4, 30, 8, 20, 9, 16]));
    }
}
