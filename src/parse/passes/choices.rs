//! Multiple-choice quizzes written as task lists: a stem line, then its options as boxes, the
//! right ones ticked.
//!
//! ```text
//! A lens changes the light ray by:      ← a card
//!
//! -   [ ] Diffraction                   ← its answer: the options, the right one ticked
//! -   [x] Refraction
//! ```

use super::merge_starts;
use crate::parse::asking::{asks, question_like};
use crate::parse::line::Kind;
use crate::parse::titles::colon_label;
use crate::parse::{Ln, Role, Start, blocks};

/// Fewest quiz items that make a file a quiz: one stem over boxes may be a to-do list.
const MIN_STEMS: usize = 2;

/// Most characters a stem holds: a longer line tells, it does not set a question.
const MAX_STEM_CHARS: usize = 200;

/// Words an English stem breaks off at, its options finishing the sentence (`this image is`).
const BREAK_WORDS: &[&str] = &[
    "is", "are", "was", "were", "be", "of", "by", "about", "to", "for", "with", "as", "the", "a",
    "an", "that",
];

/// Most characters an option holds.
const MAX_OPTION_CHARS: usize = 80;

/// A plain line right over a list of two boxes or more (two blank lines between at most), short
/// boxes that mostly ask nothing, one ticked at least, is a quiz question when it reads as one
/// ([`sets_question`]): the stem is a card and the boxes its answer. Where two such stems or
/// more are in the file, and one of them ticks some options and not others (boxes all ticked
/// alone may be tasks done), each is a start; text between one quiz item and the next (`Light
/// bends as it passes…`) is the explanation of the one above. A stem inside a card that
/// another line opens (`## 上线前要检查哪些东西？` over `代码层面：` and its boxes) is part of
/// that card's answer: a checklist, not a quiz.
pub(crate) fn split_choice_stems(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let mut stems = Vec::new();
    // Some item ticks one option and not another: the boxes mark answers, not tasks done.
    let mut mixed = false;
    let mut i = 0;
    while i < lines.len() {
        if option(&lines[i]).is_none() {
            i += 1;
            continue;
        }
        let first = i;
        let mut ticked = 0;
        let mut options = 0;
        let mut asking = 0;
        let mut fits = true;
        while let Some((tick, text)) = lines.get(i).and_then(option) {
            options += 1;
            ticked += usize::from(tick);
            asking += usize::from(asks(text) || question_like(text));
            fits &= text.chars().count() <= MAX_OPTION_CHARS;
            i += 1;
        }
        let quiz = options >= 2 && ticked >= 1 && asking * 2 < options && fits;
        let true_false = options == 2 && yes_no(lines, first);
        if let Some(stem) =
            stem_above(lines, first).filter(|&k| quiz && (true_false || sets_question(&lines[k])))
        {
            stems.push(stem);
            mixed |= ticked < options;
        }
    }
    if stems.len() < MIN_STEMS || !mixed {
        return;
    }
    // A stem inside a card opened by a line that is no stem belongs to that card's answer.
    let inside_other = |s: usize| {
        let k = starts.partition_point(|st| st.line < s);
        k > 0
            && matches!(starts[k - 1].role, Role::Record { .. })
            && stems.binary_search(&starts[k - 1].line).is_err()
    };
    let extra: Vec<Start> = stems
        .iter()
        .copied()
        .filter(|&s| starts.binary_search_by_key(&s, |st| st.line).is_err() && !inside_other(s))
        .map(|s| Start {
            line: s,
            rank: None,
            role: Role::question(lines[s].text.trim()),
        })
        .collect();
    merge_starts(starts, extra);
}

/// A box of a task list at the margin (`-   [x] Refraction`, `- [] Lens`): whether it is ticked,
/// and its words.
fn option<'a>(line: &Ln<'a>) -> Option<(bool, &'a str)> {
    if !matches!(line.kind, Kind::Text) || line.indented() {
        return None;
    }
    let rest = line.text.strip_prefix(['-', '*', '+'])?;
    let rest = rest.trim_start_matches([' ', '\t']);
    let after = blocks::after_task_box(rest).or_else(|| rest.strip_prefix("[]"))?;
    let text = after.trim();
    let ticked = rest.starts_with("[x]") || rest.starts_with("[X]");
    (!text.is_empty() && after.starts_with([' ', '\t'])).then_some((ticked, text))
}

/// Does a stem read as a question set: it asks (`How to get full 3D information?`, `下列哪些…`),
/// holds a blank to fill (`it performs \_\_\_ human eyes:`, `（ ）`), is a sentence led into its
/// options by a colon (`A lens changes the light ray by:`; a short label such as `代码层面：`
/// names a part), or breaks off before them (`this image is`, `because of`)?
fn sets_question(stem: &Ln<'_>) -> bool {
    let t = stem.text.trim();
    if asks(t) || question_like(t) || t.ends_with(['?', '？']) {
        return true;
    }
    if ["___", "\\_\\_", "（ ）", "( )", "（）", "()"]
        .iter()
        .any(|b| t.contains(b))
    {
        return true;
    }
    if t.ends_with([':', '：']) {
        return !colon_label(stem);
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    words.len() >= 4 && words.last().is_some_and(|w| BREAK_WORDS.contains(w))
}

/// Are the two options that open at line `first` a yes or no (`Yes` / `No`, `True` / `False`,
/// `对` / `错`)? Then any statement over them is a question: is it so?
fn yes_no(lines: &[Ln<'_>], first: usize) -> bool {
    let pair = |k: usize| option(&lines[k]).map(|(_, t)| t.to_lowercase());
    let (Some(a), Some(b)) = (pair(first), pair(first + 1)) else {
        return false;
    };
    [
        ("yes", "no"),
        ("true", "false"),
        ("对", "错"),
        ("正确", "错误"),
        ("是", "否"),
    ]
    .iter()
    .any(|&(y, n)| (a == y && b == n) || (a == n && b == y))
}

/// The stem over the options that open at line `first`: the plain line right above them, or
/// above one or two blank lines, if it is no bullet, box or code and short enough to set a
/// question.
fn stem_above(lines: &[Ln<'_>], first: usize) -> Option<usize> {
    let mut k = first.checked_sub(1)?;
    // One blank line between, or two in notes that double every gap.
    for _ in 0..2 {
        if matches!(lines[k].kind, Kind::Blank) {
            k = k.checked_sub(1)?;
        }
    }
    let l = &lines[k];
    let text = l.text.trim();
    let plain = matches!(l.kind, Kind::Text)
        && !l.indented()
        && !l.code
        && !l.structural
        && blocks::bullet_item(l.text).is_none()
        && text.chars().count() <= MAX_STEM_CHARS;
    plain.then_some(k)
}
