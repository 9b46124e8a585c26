//! Lists and topic blocks set apart by a long run of blank lines.

use super::super::asking::asks;
use super::super::blocks;
use super::super::line::{Kind, Style};
use super::super::record::sets_task;
use super::{Ln, Role, Start, add_questions};
use super::{blank_runs, is_start, record_before, usual_gap};
use crate::parse::outline::defines_term;

/// Blank lines in a row that set a part apart: more than the one or two notes leave
/// between a question and the next (counted in the file's usual gaps, see [`usual_gap`]).
const PART_BREAK: usize = 3;

/// Notes whose gaps are long as a rule (half of their runs of blank lines or more, and a few
/// at least, are [`PART_BREAK`] long, as some editors export every paragraph): a long gap
/// there sets no part apart.
fn spaced_out(lines: &[Ln<'_>]) -> bool {
    let (gaps, long) = blank_runs(lines).fold((0usize, 0usize), |(gaps, long), (_, run)| {
        (gaps + 1, long + usize::from(run >= PART_BREAK))
    });
    long >= MIN_BLOCKS && long * 2 >= gaps
}

/// Notes that gather several parts in one file set each part apart with a run of blank
/// lines (three or more). A numbered list that starts at 1 right after such a run, at the
/// margin, is a list of its own: its items are questions, not the points of the answer
/// above the break (`Q4. Weakness?` / `“…”` / three blank lines / `1. What is OOP?`). So is
/// a part made only of blocks that each open with a short title line over its answer
/// (`Deadlock` / `A situation where…`, blank line, `Paging vs Segmentation` / …): one
/// question per block; a heading and an intro line, a block each, may open it. A part that
/// is one list of marked lines (`✔ Reverse a String`) is a list of its own too, and a part
/// that opens with a short title over a blank line and a problem (`腾讯二面` / blank /
/// `要求输入…`) is one question.
pub(in super::super) fn split_lists_after_part_breaks(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let blank = |i: usize| matches!(lines[i].kind, Kind::Blank);
    if spaced_out(lines) {
        return;
    }
    let brk = PART_BREAK * usual_gap(lines);
    let numbered = |i: usize| match &lines[i].kind {
        Kind::Heading(h)
            if !matches!(h.style, Style::Markdown(_) | Style::Question)
                && !lines[i].text.starts_with([' ', '\t', '\u{3000}']) =>
        {
            Some(h)
        }
        _ => None,
    };
    // Starts stay sorted until the end, where the new ones are added.
    let has_start = |k: usize| is_start(starts, k);
    // Inside a record that began before line `i`.
    let in_record = |i: usize| record_before(starts, i).is_some();
    let mut added = Vec::new();
    let mut topics = Vec::new();
    let mut marked = Vec::new();
    let mut i = brk;
    while i < lines.len() {
        let after_break = !blank(i) && (i - brk..i).all(blank);
        let first = numbered(i).filter(|h| h.value == Some(1));
        if after_break && first.is_none() {
            let (titles, end) = titled_blocks(lines, i, brk);
            let items = marked_list(lines, i, brk);
            if in_record(i) && items.len() >= MIN_BLOCKS {
                marked.extend(items.into_iter().filter(|&k| !has_start(k)));
            } else if in_record(i) && titles.len() >= MIN_BLOCKS {
                topics.extend(titles.into_iter().filter(|&k| !has_start(k)));
            } else if in_record(i) && titled_task(lines, i) && !has_start(i) {
                topics.push(i);
            }
            i = end.max(i + 1);
            continue;
        }
        let (true, Some(first)) = (after_break, first) else {
            i += 1;
            continue;
        };
        // The items of the list: the same style counting on by one, up to the next break.
        let mut items = vec![i];
        let mut expect = 2;
        let mut j = i + 1;
        let mut gap = 0;
        while j < lines.len() && gap < brk {
            if blank(j) {
                gap += 1;
            } else {
                gap = 0;
                if let Some(h) = numbered(j).filter(|h| h.style == first.style) {
                    if h.value != Some(expect) {
                        break;
                    }
                    items.push(j);
                    expect += 1;
                }
            }
            j += 1;
        }
        // Only a list inside a record that began before the break: the outline read it as
        // that record's points. Not a glossary: terms defined in the answer.
        if items.len() >= 2
            && in_record(i)
            && !(glossary(lines, &items) && answers_heading(lines, starts, i))
            && !code_answers(lines, &items)
        {
            added.extend(items.into_iter().filter(|&k| !has_start(k)));
        }
        i = j.max(i + 1);
    }
    for k in added {
        let Some(h) = numbered(k) else { continue };
        starts.push(Start {
            line: k,
            rank: Some(h.style.rank()),
            role: Role::Record {
                number: h.number.clone(),
                question: h.title.clone(),
            },
        });
    }
    // The mark is no part of the question.
    starts.extend(marked.into_iter().map(|k| {
        let text = lines[k].text;
        let after_mark = text
            .char_indices()
            .nth(1)
            .map_or(text, |(at, _)| &text[at..]);
        Start {
            line: k,
            rank: None,
            role: Role::question(after_mark),
        }
    }));
    add_questions(lines, starts, topics);
}

/// Are the items of a list one span of code each, with no line of their own under them (see
/// [`code_only`])? A quiz of code items each answered under it (`` 1. `typeof NaN` `` /
/// `"number"`) is questions.
fn code_answers(lines: &[Ln<'_>], items: &[usize]) -> bool {
    let title = |k: usize| match &lines[k].kind {
        Kind::Heading(h) => code_only(&h.title),
        _ => false,
    };
    let bare = |k: usize| {
        lines
            .get(k + 1)
            .is_none_or(|l| matches!(l.kind, Kind::Blank) || items.binary_search(&(k + 1)).is_ok())
    };
    items.iter().all(|&k| title(k) && bare(k))
}

/// Is an item's title one span of code and nothing else (`` `<img style="max-width: 300px">` ``)?
/// Items all so written are the ways to answer the question above (code to try), not
/// questions.
fn code_only(title: &str) -> bool {
    let t = title.trim();
    t.len() > 2 && t.starts_with('`') && t.ends_with('`') && !t[1..t.len() - 1].contains('`')
}

/// Does the record open at line `i` start at a heading with little of its own (`### 1.4
/// Kafka 架构` over a picture), which a glossary after a gap answers?
fn answers_heading(lines: &[Ln<'_>], starts: &[Start], i: usize) -> bool {
    record_before(starts, i).is_some_and(|s| {
        lines[s.line].markdown_level().is_some()
            && lines[s.line + 1..i]
                .iter()
                .filter(|l| !matches!(l.kind, Kind::Blank))
                .count()
                <= HEADING_LEAD_LINES
    })
}

/// Most non-blank lines between a heading and a glossary after a gap that it still answers.
const HEADING_LEAD_LINES: usize = 2;

/// Numbered items that define terms (`1. **Broker**：一台 kafka 服务器…`, `2. **Producer**：…`),
/// most of them, and ask nothing: a glossary inside an answer.
fn glossary(lines: &[Ln<'_>], items: &[usize]) -> bool {
    let texts = || {
        items.iter().filter_map(|&k| match &lines[k].kind {
            Kind::Heading(h) => Some(h.title.as_str()),
            _ => None,
        })
    };
    !texts().any(asks) && texts().filter(|t| defines_term(t)).count() * 2 > items.len()
}

/// Blocks of one part that each open with a title.
const MIN_BLOCKS: usize = 3;

/// The items of a part that is one list and nothing else: lines at the margin each opening
/// with the same mark and a space (`✔ Reverse a String`, `✔ Count vowels`), one line each,
/// the part ending with them. Like a numbered list after a break, it is a list of its own.
fn marked_list(lines: &[Ln<'_>], from: usize, brk: usize) -> Vec<usize> {
    let mark = |i: usize| {
        let l = &lines[i];
        let mut chars = l.text.chars();
        let (Some(c), Some(' ')) = (chars.next(), chars.next()) else {
            return None;
        };
        let o = u32::from(c);
        let symbol = !c.is_ascii()
            && !c.is_alphanumeric()
            // General and CJK punctuation (quotation marks, brackets) open text, not items.
            && !(0x2000..=0x206F).contains(&o)
            && !(0x3000..=0x303F).contains(&o)
            && !(0xFF00..=0xFFEF).contains(&o);
        (matches!(l.kind, Kind::Text) && (symbol || blocks::bullet_item(l.text).is_some()))
            .then_some(c)
    };
    let Some(first) = mark(from) else {
        return Vec::new();
    };
    let end = (from..lines.len())
        .find(|&j| mark(j) != Some(first))
        .unwrap_or(lines.len());
    let gap = (end..lines.len())
        .take_while(|&j| matches!(lines[j].kind, Kind::Blank))
        .count();
    if end + gap < lines.len() && gap < brk {
        return Vec::new();
    }
    (from..end).collect()
}

/// A part that opens with a short title alone over a blank line (`腾讯二面`) and then text
/// that sets a task or asks (`要求输入场次列表，输出最多安排的会议…`): a problem of its own,
/// titled.
fn titled_task(lines: &[Ln<'_>], from: usize) -> bool {
    let l = &lines[from];
    let t = l.text.trim_end();
    let title = l.prose()
        && t.chars().count() <= TASK_TITLE_CHARS
        && !t.ends_with(['.', '。', ',', '，', ';', '；', ':', '：']);
    if !title
        || !lines
            .get(from + 1)
            .is_some_and(|n| matches!(n.kind, Kind::Blank))
    {
        return false;
    }
    let Some(body) = (from + 1..lines.len()).find(|&j| !matches!(lines[j].kind, Kind::Blank))
    else {
        return false;
    };
    body - from <= PART_BREAK
        && lines[body..]
            .iter()
            .take_while(|n| !matches!(n.kind, Kind::Blank))
            .any(|n| n.prose() && (asks(n.text) || sets_task(n.text)))
}

/// Characters past which a line is no title over a problem.
const TASK_TITLE_CHARS: usize = 20;

/// One-line blocks a part may open with before its titled blocks: its heading
/// (`✅ 5. Networking Basics`) and a line that introduces it.
const PART_HEAD: usize = 2;

/// The part from line `from` up to the next part break, if every block in it (lines
/// between blank lines) is a short title line over lines that answer it (`Deadlock` /
/// `A situation where…`), but for up to [`PART_HEAD`] one-line blocks at its head: the title
/// lines, and where the part ends.
fn titled_blocks(lines: &[Ln<'_>], from: usize, brk: usize) -> (Vec<usize>, usize) {
    let blank = |i: usize| matches!(lines[i].kind, Kind::Blank);
    let mut titles = Vec::new();
    let mut ok = true;
    let mut j = from;
    let mut gap = 0;
    let mut block: Option<(usize, usize)> = None;
    let mut head = 0;
    let mut close = |block: Option<(usize, usize)>, titles: &mut Vec<usize>, ok: &mut bool| {
        if let Some((start, len)) = block {
            if len == 1 && titles.is_empty() && *ok && head < PART_HEAD {
                head += 1;
                return;
            }
            let l = &lines[start];
            let t = l.text.trim_end();
            let title = matches!(l.kind, Kind::Text)
                && !l.code
                && !t.starts_with([' ', '\t', '\u{3000}'])
                && t.chars().count() <= 40
                && !t.ends_with(['.', '。', ',', '，', ';', '；', ':', '：']);
            if len >= 2 && title {
                titles.push(start);
            } else {
                *ok = false;
            }
        }
    };
    while j < lines.len() && gap < brk {
        if blank(j) {
            gap += 1;
            close(block.take(), &mut titles, &mut ok);
        } else {
            gap = 0;
            block = Some(block.map_or((j, 1), |(s, n)| (s, n + 1)));
        }
        j += 1;
    }
    close(block.take(), &mut titles, &mut ok);
    if !ok {
        titles.clear();
    }
    (titles, j)
}
