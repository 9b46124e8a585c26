//! Stage 2 — parse: text → records.
//!
//! 1. Every line is classified on its own ([`line`]).
//! 2. Numbered lines and headings form an outline: a smaller rank outranks a larger one
//!    (Markdown `#` > `一、` > `1.` > `（1）` > `1）`). Inside one parent, a number that jumps
//!    backwards (other than a restart at 1) is a sub-point, and so is a list that follows a
//!    lead-in ending in `：`.
//! 3. Each outline node becomes a *section* (it groups questions), a *record* (it asks
//!    something), or a *sub-point* (it sits inside a record's answer).
//! 4. Unnumbered question lines (`HTTP与TCP的区别和联系` above a link) start records too.
//! 5. A record runs from its question line up to the next record or section; its lines become
//!    blocks ([`blocks`]). Lines before any record are reported as orphan text, so no non-blank
//!    line is ever lost.

mod asking;
pub mod blocks;
mod classify;
pub mod code;
mod ids;
pub mod line;
mod orphans;
mod outline;
mod record;
mod titles;

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;

use crate::check::{DiagnosticExt, Span, decode_error};
use crate::diagnostic::Diagnostic;
use crate::model::{Deck, Record, Section};
use crate::read::SourceText;
use line::{Kind, Style};

use asking::{
    INTERVIEW_ROUNDS, announces_question, bullet_asks, ends_asking, numbered_name,
    opens_with_request,
};
pub use asking::{asks, interrogative, question_like};
use classify::{classify_all, fold_end, front_matter_end};
use ids::assign_ids;
pub use ids::{normalize_question, record_id};
use orphans::{Orphans, report_orphans};
use outline::Outline;
use record::{code_led_question, make_record};
pub use record::{refers_to_code, tag};
use titles::{after_break, colon_label, strong_title, title_shaped, underlined_title};

/// A classified line of the file.
#[derive(Debug, Clone)]
pub struct Ln<'a> {
    /// 1-based line number.
    pub number: u32,
    /// The line without its ending.
    pub text: &'a str,
    /// What it looks like.
    pub kind: Kind,
    /// A text line that reads as code on its own ([`code::looks_like_code`]).
    pub code: bool,
    /// A text line that starts a block of its own ([`blocks::is_structural`]).
    pub structural: bool,
}

/// What the parser made of one file.
#[derive(Debug, Clone)]
pub struct Parsed {
    /// The deck (file) description.
    pub deck: Deck,
    /// The records, in source order; `front_html`/`back_html` are filled by the render stage.
    pub records: Vec<Record>,
    /// Parse-stage findings: undecodable bytes, orphan text, numbering out of order.
    pub diagnostics: Vec<Diagnostic>,
    /// The decoded text the records came from (shared with the [`SourceText`]); the check
    /// stage reads columns from it.
    pub text: Arc<str>,
}

/// The deck name for a notes file: its file stem.
#[must_use]
pub fn deck_name(path: &str) -> String {
    Path::new(path)
        .file_stem()
        .map_or_else(|| path.to_owned(), |s| s.to_string_lossy().into_owned())
}

/// Parse one decoded notes file.
#[must_use]
pub fn parse(source: &SourceText) -> Parsed {
    let path = source.path.as_str();
    let deck = deck_name(path);
    let lines = classify_all(source);
    let mut diagnostics = Vec::new();
    diagnostics.extend(decode_problem(source, &lines));

    let outline = Outline::build(&lines, path, &mut diagnostics);
    let mut starts = outline.boundaries(&lines);
    split_question_lists(&lines, &mut starts);
    split_bullet_led(&lines, &mut starts);
    split_question_runs(&lines, &mut starts);
    add_hanging_titles(&lines, &mut starts);
    add_unnumbered_titles(&lines, &mut starts);
    add_spaced_topics(&lines, &mut starts);
    add_templated_questions(&lines, &mut starts);
    add_questions_over_folds(&lines, &mut starts);
    regroup_headings(&lines, &mut starts);
    empty_group_headings(&lines, &mut starts);
    empty_unnumbered_among_numbered(&lines, &mut starts);
    parts_named_by_question(&mut starts);
    split_task_list(&lines, &mut starts);
    split_rule_entries(&lines, &mut starts);
    split_labelled_follow_ups(&lines, &mut starts);
    split_second_code_questions(&lines, &mut starts);
    split_rule_separated_items(&lines, &mut starts);
    split_fold_cards(&lines, &mut starts);
    set_aside_repeated_list(&lines, &mut starts);
    let paired = pair_answer_lists(&lines, &mut starts);

    // What each record is made of, found in order; the records are then made on every core.
    let mut pending = Vec::new();
    let mut sections = Vec::new();
    let mut section_path: Vec<(u8, String)> = Vec::new();
    // Lines before the first boundary, and lines under a section heading before its first
    // record, belong to no record.
    let mut orphan_from: Option<(usize, Orphans)> = Some((0, Orphans::Loose));
    for (n, start) in starts.iter().enumerate() {
        let end = starts.get(n + 1).map_or(lines.len(), |s| s.line);
        if let Some((from, why)) = orphan_from.take() {
            report_orphans(&lines[from..start.line], why, path, &mut diagnostics);
        }
        match &start.role {
            Role::Section { rank, title } => {
                section_path.retain(|(r, _)| r < rank);
                section_path.push((*rank, title.clone()));
                sections.push(Section {
                    title: title.clone(),
                    line: lines[start.line].number,
                });
                orphan_from = Some((start.line + 1, Orphans::Loose));
            }
            Role::Aside => {
                if let Some(rank) = start.rank {
                    section_path.retain(|(r, _)| *r < rank);
                }
                orphan_from = Some((start.line, Orphans::SetAside));
            }
            Role::Record { number, question } => {
                // A question heading closes the sections of its rank and below.
                if let Some(rank) = start.rank {
                    section_path.retain(|(r, _)| *r < rank);
                }
                let section = (!section_path.is_empty()).then(|| {
                    section_path
                        .iter()
                        .map(|(_, t)| t.as_str())
                        .collect::<Vec<_>>()
                        .join("::")
                });
                let answer_on_line = paired.get(&start.line).cloned();
                pending.push((section, number, question, answer_on_line, start.line..end));
            }
        }
    }
    if let Some((from, why)) = orphan_from {
        report_orphans(&lines[from..], why, path, &mut diagnostics);
    }
    let mut records: Vec<Record> = pending
        .into_par_iter()
        .with_min_len(RECORDS_PER_TASK)
        .map(|(section, number, question, answer_on_line, range)| {
            make_record(
                &deck,
                path,
                section,
                number.clone(),
                question,
                answer_on_line,
                &lines[range],
            )
        })
        .collect();
    assign_ids(&deck, &mut records);
    diagnostics.sort_by_key(|d| (d.line, d.column));
    Parsed {
        deck: Deck {
            name: deck,
            path: path.to_owned(),
            encoding: source.encoding_name(),
            sections,
        },
        records,
        diagnostics,
        text: source.text.clone(),
    }
}

/// Z001 for bytes the reader had to replace, if it had to.
fn decode_problem(source: &SourceText, lines: &[Ln<'_>]) -> Option<Diagnostic> {
    let path = source.path.as_str();
    let problem = source.problem.as_ref()?;
    let text = lines.get(problem.line as usize - 1).map_or("", |l| l.text);
    let message = if problem.nul {
        format!(
            "a NUL byte at offset {} is not text; it was replaced with U+FFFD",
            problem.byte_offset
        )
    } else {
        format!(
            "bytes at offset {} are not valid {}; they were replaced with U+FFFD",
            problem.byte_offset,
            source.encoding_name()
        )
    };
    Some(
        decode_error::RULE
            .at(path, Span::line(problem.line, text), message)
            .help("re-save the file in one encoding (UTF-8) and retype the damaged text"),
    )
}

/// Records a thread makes in one go.
const RECORDS_PER_TASK: usize = 256;

/// What a boundary line starts.
#[derive(Debug, Clone)]
enum Role {
    Section {
        rank: u8,
        title: String,
    },
    Record {
        number: Option<String>,
        question: String,
    },
    /// A heading over what is no question: a preface, a table of contents, references. It and
    /// the lines under it are reported as orphan text.
    Aside,
}

/// Rank of a label section (`多线程：`, `Redis:`): below every heading.
const LABEL_RANK: u8 = 50;

impl Role {
    /// A record asking what `text` says, without its emphasis.
    fn question(text: &str) -> Self {
        Self::Record {
            number: None,
            question: line::strip_emphasis(text).trim().to_owned(),
        }
    }

    /// A label section titled by `text` without its emphasis and colon (`**多线程：**`).
    fn label(text: &str) -> Self {
        Self::Section {
            rank: LABEL_RANK,
            title: line::strip_emphasis(text)
                .trim()
                .trim_end_matches([':', '：'])
                .to_owned(),
        }
    }
}

#[derive(Debug, Clone)]
struct Start {
    /// Index into the lines.
    line: usize,
    /// The outline rank of the heading that starts it, if a heading does.
    rank: Option<u8>,
    role: Role,
}

/// Outside any record, a run of lines that are questions without any marker: bullets ending in
/// `？` (`- Go 值类型有哪些？`), or plain lines most of which ask (`sleep和wait的区别`), one per
/// line. Each line is a record; a `多线程：` label right above the run is a section.
fn split_question_runs(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let mut extra = Vec::new();
    // Label groups of plain lines that did not ask enough on their own (`算法：` over
    // `遍历二叉树`): questions too when another label group in the file clearly is.
    let mut labeled_misses: Vec<(Option<usize>, Vec<usize>)> = Vec::new();
    let mut labeled_hit = false;
    let mut next = 0;
    let mut in_record = false;
    let mut i = 0;
    while i < lines.len() {
        while next < starts.len() && starts[next].line <= i {
            in_record = matches!(starts[next].role, Role::Record { .. } | Role::Aside);
            next += 1;
        }
        let boundary = starts.get(next).map_or(lines.len(), |s| s.line);
        if in_record || !matches!(lines[i].kind, Kind::Text) {
            i += 1;
            continue;
        }
        let mut end = i;
        while end < boundary && matches!(lines[end].kind, Kind::Text) {
            end += 1;
        }
        let labeled = colon_label(&lines[i]);
        let label = (labeled && i + 1 < end).then_some(i);
        if let Some(items) = indented_items(lines, i + 1, boundary).filter(|_| labeled) {
            let label = Some(i);
            let last = *items.last().expect("two items or more");
            let found = question_run(lines, &items, true);
            if found.is_none() {
                labeled_misses.push((label, items));
            }
            labeled_hit |= found.is_some();
            if let Some(questions) = found {
                push_question_run(lines, label, questions, &mut extra);
            }
            i = last + 1;
            continue;
        }
        let first = label.map_or(i, |l| l + 1);
        let run = &lines[first..end];
        // Bullets, each maybe with indented lines under it (`- 进程和线程的区别？` / `  答：…`).
        let bullets: Vec<(usize, &str)> = run
            .iter()
            .enumerate()
            .filter_map(|(k, l)| blocks::bullet_item(l.text).map(|b| (first + k, b)))
            .collect();
        let items_only = blocks::bullet_item(run[0].text).is_some()
            && run.iter().all(|l| {
                blocks::bullet_item(l.text).is_some() || l.text.starts_with([' ', '\t', '\u{3000}'])
            });
        let questions: Option<Vec<(usize, String)>> = if items_only {
            let asking = bullets
                .iter()
                .filter(|(_, b)| line::strip_emphasis(b).contains(['?', '？']))
                .count();
            (asking * 2 > bullets.len())
                .then(|| bullets.iter().map(|&(k, b)| (k, b.to_owned())).collect())
        } else {
            // Glued lines at the start of a line; indented ones are the content of the line
            // above (`常用工具：` over `    git`), a list only as `indented_items` finds it.
            let items: Vec<usize> = (first..end).collect();
            let level = items
                .iter()
                .all(|&k| !lines[k].text.starts_with([' ', '\t', '\u{3000}']));
            let found = question_run(lines, &items, true).filter(|_| level);
            if found.is_none() && label.is_some() && level {
                labeled_misses.push((label, items));
            }
            labeled_hit |= found.is_some() && label.is_some();
            found
        };
        if let Some(questions) = questions {
            push_question_run(lines, label, questions, &mut extra);
        }
        i = end.max(i + 1);
    }
    if labeled_hit {
        for (label, items) in labeled_misses {
            if let Some(questions) = question_run(lines, &items, false) {
                push_question_run(lines, label, questions, &mut extra);
            }
        }
    }
    starts.extend(extra);
    starts.sort_by_key(|s| s.line);
}

/// One record per question of a run (line index and question), under a section for its label.
fn push_question_run(
    lines: &[Ln<'_>],
    label: Option<usize>,
    questions: Vec<(usize, String)>,
    out: &mut Vec<Start>,
) {
    if let Some(p) = label {
        out.push(Start {
            line: p,
            rank: Some(LABEL_RANK),
            role: Role::label(lines[p].text),
        });
    }
    for (line, question) in questions {
        out.push(Start {
            line,
            rank: None,
            role: Role::question(&question),
        });
    }
}

/// Plain lines that are all questions (line indices): two or more, no sentence inside, and (when
/// `asking_needed`) most of them asking (`sleep和wait的区别，以及wait的实现原理`). Where each
/// line stands alone between blank lines, one may close with `。` (`MVC模式介绍。`): nothing
/// above it for it to answer. Glued under a question, such a sentence is its answer.
/// Indentation does not matter here; the caller decides which lines form the run.
fn question_run(
    lines: &[Ln<'_>],
    items: &[usize],
    asking_needed: bool,
) -> Option<Vec<(usize, String)>> {
    if items.len() < 2 {
        return None;
    }
    let alone = items.windows(2).all(|w| w[1] > w[0] + 1);
    let plain = items.iter().all(|&k| {
        let l = &lines[k];
        let t = l.text.trim();
        // A question may close with a full stop (`…每秒最多10个线程调用它，如何做到。`).
        let body = if alone || interrogative(t) {
            t.strip_suffix('。').unwrap_or(t)
        } else {
            t
        };
        !l.code
            && !l.structural
            && !body.contains(['。', '；'])
            && !body.ends_with([':', '：'])
            && l.text.chars().count() <= 200
    });
    let asking = items
        .iter()
        .filter(|&&k| asks(lines[k].text) || question_like(lines[k].text))
        .count();
    (plain && (asking * 2 >= items.len() || !asking_needed)).then(|| {
        items
            .iter()
            .map(|&k| (k, lines[k].text.trim().to_owned()))
            .collect()
    })
}

/// Under a label (`中软：`), an indented block whose lines each stand alone — one line per
/// paragraph, or every line asking — is a list of items (line indices), however deep it is
/// indented: indentation sets the list off from its label, it does not make it an answer.
fn indented_items(lines: &[Ln<'_>], from: usize, boundary: usize) -> Option<Vec<usize>> {
    let indented = |l: &Ln<'_>| l.text.starts_with([' ', '\t', '\u{3000}']);
    let from = (from..boundary).find(|&k| !matches!(lines[k].kind, Kind::Blank))?;
    lines
        .get(from)
        .filter(|l| matches!(l.kind, Kind::Text) && indented(l))?;
    let mut items = Vec::new();
    let mut k = from;
    while k < boundary {
        match lines[k].kind {
            Kind::Blank => {}
            Kind::Text if indented(&lines[k]) => items.push(k),
            _ => break,
        }
        k += 1;
    }
    let alone = items.windows(2).all(|w| w[1] > w[0] + 1);
    let all_ask = items.iter().all(|&k| ends_asking(lines[k].text));
    (items.len() >= 2 && (alone || all_ask)).then_some(items)
}

/// Outline by indentation: a line at the start of a line with an indented block right under
/// it (`缓存穿透：` over `    一直请求…`) is a title and the block its content. Where three or
/// more such titles make the structure of text no heading governs, each is a record; a title
/// line standing alone there is a question left unanswered, and a label with a blank line under
/// it (`缓存：`) groups the titles below it.
fn add_hanging_titles(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let indented = |l: &Ln<'_>| l.text.starts_with([' ', '\t', '\u{3000}']);
    let free = |i: usize| {
        let mut k = starts.partition_point(|s| s.line <= i);
        let own = k > 0 && starts[k - 1].line == i;
        k = k.saturating_sub(1);
        !own && (starts.is_empty()
            || starts[0].line > i
            || matches!(starts[k].role, Role::Record { .. }) && starts[k].rank.is_none())
    };
    let line_start = |i: usize| {
        let l = &lines[i];
        matches!(l.kind, Kind::Text)
            && !indented(l)
            && !l.code
            && !l.structural
            && blocks::bullet_item(l.text).is_none()
            && !blocks::is_rule_line(l.text)
            && (i == 0 || matches!(lines[i - 1].kind, Kind::Blank))
            && free(i)
    };
    let hanging: Vec<usize> = (0..lines.len())
        .filter(|&i| {
            let t = line::strip_emphasis(lines[i].text);
            let t = t.trim();
            // A question may run longer than a title (`double为什么会出现精度丢失？bigdecimal
            // 怎么保证的…？`).
            let limit = if ends_asking(t) { 80 } else { 40 };
            line_start(i)
                && t.chars().count() <= limit
                && !t.trim_end_matches('。').contains(['。', '；'])
                && lines
                    .get(i + 1)
                    .is_some_and(|n| matches!(n.kind, Kind::Text) && indented(n) && !n.code)
        })
        .collect();
    if hanging.len() < 3 {
        return;
    }
    let (first, last) = (hanging[0], hanging[hanging.len() - 1]);
    let mut extra = Vec::new();
    let alone_after = |i: usize| {
        lines
            .get(i + 1)
            .is_none_or(|n| matches!(n.kind, Kind::Blank))
    };
    for (i, l) in lines.iter().enumerate() {
        let within = (first..=last).contains(&i);
        // A label over a numbered list (`死锁产生的四个条件：`, a blank line, `1、互斥条件…`)
        // asks for that list: its answer.
        let over_list = || {
            lines[i + 1..]
                .iter()
                .find(|n| !matches!(n.kind, Kind::Blank))
                .is_some_and(|n| {
                    matches!(&n.kind, Kind::Heading(h) if !matches!(h.style, Style::Markdown(_)))
                })
        };
        let role = if hanging.binary_search(&i).is_ok()
            || (within && alone_after(i) && line_start(i) && title_shaped(l))
            || (within && alone_after(i) && line_start(i) && colon_label(l) && over_list())
        {
            Role::question(l.text)
        } else if alone_after(i) && line_start(i) && colon_label(l) {
            Role::label(l.text)
        } else {
            continue;
        };
        let rank = matches!(role, Role::Section { .. }).then_some(LABEL_RANK);
        extra.push(Start {
            line: i,
            rank,
            role,
        });
    }
    starts.extend(extra);
    starts.sort_by_key(|s| s.line);
}

/// Notes with no heading or number at all whose topics are set apart by two blank lines or
/// more (`创建对象的三种方法`, its points and code, two blank lines, `JS实现继承的几种方式`):
/// a title line after such a gap, with content right under it, opens a new record.
fn add_spaced_topics(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    if lines
        .iter()
        .any(|l| matches!(l.kind, Kind::Heading(_) | Kind::Fence { .. }))
    {
        return;
    }
    let mut extra = Vec::new();
    // Titles found right under such a topic line are its first point, not questions.
    let mut points = Vec::new();
    let mut blanks = 0usize;
    let mut next = 0usize;
    for (i, l) in lines.iter().enumerate() {
        while next < starts.len() && starts[next].line < i {
            next += 1;
        }
        if matches!(l.kind, Kind::Blank) {
            blanks += 1;
            continue;
        }
        let gap = std::mem::take(&mut blanks) >= 2;
        let started = starts.get(next).is_some_and(|s| s.line == i);
        let followed = lines
            .get(i + 1)
            .is_some_and(|n| !matches!(n.kind, Kind::Blank));
        if !(gap && followed && matches!(l.kind, Kind::Text) && title_shaped(l)) {
            continue;
        }
        let under = next + usize::from(started);
        if starts.get(under).is_some_and(|s| {
            s.line == i + 1 && s.rank.is_none() && matches!(s.role, Role::Record { .. })
        }) {
            points.push(i + 1);
        }
        if !started {
            extra.push(Start {
                line: i,
                rank: None,
                role: Role::question(l.text),
            });
        }
    }
    if !extra.is_empty() || !points.is_empty() {
        starts.retain(|s| points.binary_search(&s.line).is_err());
        starts.extend(extra);
        starts.sort_by_key(|s| s.line);
    }
}

/// Unnumbered questions: in text that belongs to no record (weak rule: a title line with
/// something under it, or a line ending in `？`), and inside records (strong rule: a title line
/// after a blank line that asks something or sits above a bare link).
fn add_unnumbered_titles(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let mut extra = Vec::new();
    // Whether a title found so far ends in a question mark (kept as titles are found: looking
    // through them for every line would cost a long file its length squared).
    let mut extra_asks = false;
    let asking_ranks = asking_ranks(starts);
    let mut segment_start = 0usize;
    let mut inside_record = false;
    // Inside a topic heading whose first content is a question (`### Goroutine`, then
    // `进程、线程、协程之间的区别？`): its title lines are questions, as in unnumbered notes.
    let mut container = false;
    let mut aside = false;
    // Whether a title was found since the last start.
    let mut titled = false;
    let mut next = 0usize;
    let front_matter = front_matter_end(lines);
    // Whether the segment holds content before line `i` (blank lines and a quote introducing
    // the topic aside), kept as `i` advances.
    let mut content_seen = false;
    for i in 0..lines.len() {
        while next < starts.len() && starts[next].line <= i {
            inside_record = matches!(starts[next].role, Role::Record { .. });
            aside = matches!(starts[next].role, Role::Aside);
            segment_start = starts[next].line + 1;
            container = false;
            titled = false;
            content_seen = false;
            next += 1;
        }
        if i > segment_start {
            let p = &lines[i - 1];
            content_seen |= !matches!(p.kind, Kind::Blank) && !p.text.starts_with('>');
        }
        if aside || (next > 0 && starts[next - 1].line == i) {
            continue;
        }
        if underlined_title(lines, i, front_matter) {
            extra_asks |= ends_asking(lines[i].text);
            extra.push(i);
            continue;
        }
        let l = &lines[i];
        let label = colon_label(l);
        if !matches!(l.kind, Kind::Text) || !(title_shaped(l) || label) {
            continue;
        }
        let followed = lines
            .get(i + 1)
            .is_some_and(|n| !matches!(n.kind, Kind::Blank | Kind::Heading(_)));
        let announced = next > 0 && question_to_come(&starts[next - 1]);
        // A label leads in to what is under it, a numbered list too (`常用场景：` / `1. …`).
        let label_followed = followed
            || (label
                && lines.get(i + 1).is_some_and(|n| {
                    matches!(&n.kind, Kind::Heading(h) if !matches!(h.style, Style::Markdown(_)))
                }));
        let title = if under_question_label(lines, i) || (inside_record && announced && !titled) {
            false
        } else if inside_record {
            // Right under a heading only when the heading names a topic (`### map`, then
            // `A是什么？`); under a heading that asks, the next line is its answer.
            // Not when most headings of its rank ask (`## 1.谈一下多态` among `## 2.…如何…`),
            // and under a numbered item (`3.原型链`) only a line ending in `？`: such items
            // carry their answer right under them.
            let start = &starts[next - 1];
            let markdown = start.rank.is_some_and(|r| r <= 6);
            let topic = matches!(&start.role, Role::Record { question, .. } if !asks(question))
                && !start.rank.is_some_and(|r| asking_ranks.contains(&r))
                && (markdown || ends_asking(l.text));
            // A quote right under the heading (`> Garbage Collection，是一种…`) introduces the
            // topic; what comes after it is still the first content.
            let first_content = !content_seen;
            if first_content {
                let title = topic
                    && ((!label && strong_title(lines, i, true)) || (label && label_followed));
                container = title;
                title
            } else if container {
                after_break(lines, i, segment_start) && (!label || label_followed)
            } else {
                !label && strong_title(lines, i, false)
            }
        } else if label {
            false
        } else {
            // No numbered question around: question lines are the structure. A line ending in
            // `？` asks unless a lead-in (`…如下：`) announced it; once lines ending in `？` are
            // found, a plain title needs a question word too (else it heads part of an answer).
            let asking = ends_asking(l.text);
            let lead_in = lines[segment_start..i]
                .iter()
                .rev()
                .find(|p| !matches!(p.kind, Kind::Blank))
                .is_some_and(|p| p.text.trim_end().ends_with([':', '：']));
            if asking {
                !lead_in
            } else {
                after_break(lines, i, segment_start)
                    && followed
                    && (!extra_asks || question_like(l.text))
            }
        };
        if title {
            extra_asks |= ends_asking(lines[i].text);
            extra.push(i);
            titled = true;
        }
    }
    for i in extra {
        starts.push(Start {
            line: i,
            rank: None,
            role: Role::question(lines[i].text),
        });
    }
    starts.sort_by_key(|s| s.line);
}

/// Is the question of a record still to come under its first line (`有如下一段代码：`,
/// `## 第2题`)? Then the first line that asks there is that record's own.
fn question_to_come(start: &Start) -> bool {
    matches!(&start.role, Role::Record { number, question }
        if announces_question(question) || numbered_name(number.as_deref(), question))
}

/// Is the line right under a heading or label that only says "the question" (`### 题目`,
/// `问题描述：`, `### Question`)? Then it states the question of the card it is in.
fn under_question_label(lines: &[Ln<'_>], i: usize) -> bool {
    let Some(p) = lines[..i]
        .iter()
        .rev()
        .find(|l| !matches!(l.kind, Kind::Blank))
    else {
        return false;
    };
    let label = match &p.kind {
        Kind::Heading(h) if matches!(h.style, Style::Markdown(_)) && h.number.is_none() => {
            h.title.as_str()
        }
        Kind::Text => p.text.trim(),
        _ => return false,
    };
    let label = line::strip_emphasis(label);
    let label = label.trim().trim_end_matches([':', '：']).trim();
    [
        "题目",
        "题干",
        "问题",
        "题目描述",
        "问题描述",
        "question",
        "problem",
    ]
    .iter()
    .any(|w| label.eq_ignore_ascii_case(w))
}

/// Notes filled in from a template repeat the same scaffold line under every question (`- [x]`
/// or `答：` alone on the line under each question). Once three questions are seen with one
/// scaffold under them, every line after a break with that scaffold right under it is a
/// question too, whatever its words: the layout says so.
fn add_templated_questions(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    // The scaffold: a short line as a whole (`答：`), or the label of a field filled in under
    // each question (`Keywords: this binding, …`).
    let scaffold = |i: usize| {
        lines
            .get(i + 1)
            .filter(|n| matches!(n.kind, Kind::Text))
            .map(|n| n.text.trim())
            .filter(|t| !t.is_empty())
            .and_then(|t| {
                if t.chars().count() <= 12 {
                    return Some(t);
                }
                let colon = t.find([':', '：'])?;
                let label = &t[..colon];
                let word = !label.is_empty()
                    && label.chars().count() <= 12
                    && label
                        .chars()
                        .all(|c| c.is_alphanumeric() || c == ' ' || c == '_');
                word.then(|| &t[..colon + t[colon..].chars().next().map_or(1, char::len_utf8)])
            })
    };
    // Counted in the order first seen (ties go to the last), each found through a map: a
    // file of many questions each over a different short line must not cost their square.
    let mut counts: Vec<(&str, usize)> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for s in starts.iter() {
        if let (Role::Record { .. }, Some(t)) = (&s.role, scaffold(s.line)) {
            let k = *index.entry(t).or_insert_with(|| {
                counts.push((t, 0));
                counts.len() - 1
            });
            counts[k].1 += 1;
        }
    }
    let Some(&(shape, _)) = counts.iter().filter(|c| c.1 >= 3).max_by_key(|c| c.1) else {
        return;
    };
    let known: Vec<usize> = starts.iter().map(|s| s.line).collect();
    let extra: Vec<Start> = (0..lines.len())
        .filter(|&i| {
            let l = &lines[i];
            scaffold(i) == Some(shape)
                && matches!(l.kind, Kind::Text)
                && !l.text.trim().is_empty()
                && l.text.trim() != shape
                && after_break(lines, i, 0)
                && known.binary_search(&i).is_err()
        })
        .map(|i| Start {
            line: i,
            rank: None,
            role: Role::question(lines[i].text),
        })
        .collect();
    starts.extend(extra);
    starts.sort_by_key(|s| s.line);
}

/// A line ending in `？` right above a fold that only says how to open it (`> 思考题：结果是什么？`
/// over `<details><summary>点击查看答案</summary>`) is the question the fold answers, quoted
/// or not.
fn add_questions_over_folds(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let mut extra = Vec::new();
    let mut last_text: Option<usize> = None;
    for (i, l) in lines.iter().enumerate() {
        match l.kind {
            Kind::Blank => continue,
            Kind::Text if line::opens_unnamed_fold(l.text) => {
                if let Some(q) = last_text.take() {
                    extra.push(q);
                }
            }
            Kind::Text => {
                let quoted = l.text.trim_start().trim_start_matches(['>', ' ']);
                last_text = ends_asking(quoted).then_some(i);
                continue;
            }
            _ => {}
        }
        last_text = None;
    }
    extra.retain(|&i| starts.binary_search_by_key(&i, |s| s.line).is_err());
    if extra.is_empty() {
        return;
    }
    starts.extend(extra.into_iter().map(|i| Start {
        line: i,
        rank: None,
        role: Role::question(lines[i].text.trim_start().trim_start_matches(['>', ' '])),
    }));
    starts.sort_by_key(|s| s.line);
}

/// A heading labelled as a question (`### Q: 不考虑特征哈希，…`) inside another question's
/// answer is a follow-up question of its own: the label says so, whatever the outline made
/// of it. The headings after it (`### 思路`) are the parts of its answer.
fn split_labelled_follow_ups(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let mut extra = Vec::new();
    let mut next = 0;
    let mut in_record = false;
    // Under a heading that names its question by number (`####面试题一`, code, `问：…`), the
    // first labelled question is that card's own.
    let mut named = false;
    for (i, l) in lines.iter().enumerate() {
        while next < starts.len() && starts[next].line <= i {
            in_record = matches!(starts[next].role, Role::Record { .. });
            named = matches!(&starts[next].role,
                Role::Record { number, question } if numbered_name(number.as_deref(), question));
            next += 1;
        }
        let own = next > 0 && starts[next - 1].line == i;
        // Right under the heading of its record, it restates that heading's question.
        let first_content = !own
            && next > 0
            && lines[starts[next - 1].line + 1..i]
                .iter()
                .all(|p| matches!(p.kind, Kind::Blank));
        if let Kind::Heading(h) = &l.kind
            && in_record
            && !own
            && !first_content
            && line::labelled_question(l.text)
            && !std::mem::take(&mut named)
        {
            extra.push(Start {
                line: i,
                rank: Some(h.style.rank()),
                role: Role::Record {
                    number: h.number.clone(),
                    question: h.title.clone(),
                },
            });
        }
    }
    if !extra.is_empty() {
        starts.extend(extra);
        starts.sort_by_key(|s| s.line);
    }
}

/// In a question already answered under an answer label (`答案`, code), a paragraph line set
/// off by a blank line, then a code block, then an answer label of its own asks a new
/// question about that code (`写出以下打印结果…`, code, `答案`, code): a record of its own.
fn split_second_code_questions(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let mut extra = Vec::new();
    let mut next = 0;
    let mut in_record = false;
    let mut answered = false;
    let mut i = 0;
    while i < lines.len() {
        while next < starts.len() && starts[next].line <= i {
            in_record = matches!(starts[next].role, Role::Record { .. });
            answered = false;
            next += 1;
        }
        let bound = starts.get(next).map_or(lines.len(), |s| s.line);
        match &lines[i].kind {
            Kind::Marker { answer: true, .. } => answered = true,
            Kind::Text
                if in_record
                    && answered
                    && i > 0
                    && matches!(lines[i - 1].kind, Kind::Blank)
                    && matches!(lines.get(i + 1).map(|l| &l.kind), Some(Kind::Fence { .. })) =>
            {
                // The code block under the line, then blank lines, then the label.
                let close = (i + 2..bound).find(|&k| matches!(lines[k].kind, Kind::Fence { .. }));
                if let Some(close) = close {
                    let label = (close + 1..bound).find(|&k| !matches!(lines[k].kind, Kind::Blank));
                    // The label may open the answer's own code block (```` ``` ```` `答案：`).
                    let answer_label = |k: usize| match &lines[k].kind {
                        Kind::Marker { answer, .. } => *answer,
                        Kind::Fence { .. } => lines.get(k + 1).is_some_and(|l| {
                            matches!(line::classify(l.text), Kind::Marker { answer: true, .. })
                        }),
                        _ => false,
                    };
                    if label.is_some_and(answer_label) {
                        extra.push(Start {
                            line: i,
                            rank: None,
                            role: Role::Record {
                                number: None,
                                question: lines[i].text.trim().to_owned(),
                            },
                        });
                        answered = false;
                    }
                    i = close;
                }
            }
            _ => {}
        }
        i += 1;
    }
    if !extra.is_empty() {
        starts.extend(extra);
        starts.sort_by_key(|s| s.line);
    }
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

/// Exercises written as a numbered list of questions, then `Answer` and a numbered list of
/// answers (`1.string和vector的iterator使用什么方式实现的` … `Answer 1` … `1. 原生指针`): each
/// answer is the answer of the question with its number. The question list is set aside; each
/// answer item becomes the record, asking its question, with its own line as the start of the
/// answer (returned: line → that text). An answer numbered past the questions belongs to the
/// answer before it; a title repeated over the answers stays a section. The answers must
/// mostly not ask, or the second list is more questions.
fn pair_answer_lists(lines: &[Ln<'_>], starts: &mut Vec<Start>) -> HashMap<usize, String> {
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
        for &(k, _) in &questions {
            starts[k].role = Role::Aside;
        }
        let (from, to) = (starts[last_q].line + 1, answers[answers.len() - 1]);
        let matched = answers.len().min(q_titles.len());
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
                    Role::Aside => continue,
                };
                let rank = s.rank.unwrap_or(LABEL_SECTION_RANK);
                kept.push(Start {
                    rank: Some(rank),
                    role: Role::Section { rank, title },
                    ..s
                });
            }
        }
        for (value, (&i, answer)) in answers.iter().zip(a_titles).enumerate() {
            let Some(question) = q_titles.get(value) else {
                break;
            };
            kept.retain(|s| s.line != i);
            kept.push(Start {
                line: i,
                rank: None,
                role: Role::Record {
                    number: Some((value + 1).to_string()),
                    question: question.clone(),
                },
            });
            paired.insert(i, answer);
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

/// A line that only separates entries: a rule (`-----`, `*****`) or a bare `--`.
fn separator_line(line: &Ln<'_>) -> bool {
    matches!(line.kind, Kind::Text) && blocks::is_separator(line.text)
}

/// A plain line that can title an entry: a title, a label (`volatile:`), a question, or a term
/// with its explanation after a colon (`AQS: 独占锁和共享锁…`).
fn entry_title(line: &Ln<'_>) -> bool {
    if !matches!(line.kind, Kind::Text) || line.text.starts_with([' ', '\t', '\u{3000}']) {
        return false;
    }
    let plain = line::strip_emphasis(line.text);
    let t = plain.trim();
    let term = t.find([':', '：']).is_some_and(|at| {
        (1..=40).contains(&t[..at].chars().count()) && !t[..at].contains(['，', '。', ','])
    });
    title_shaped(line) || colon_label(line) || ends_asking(t) || (term && !line.code)
}

/// The first and last non-blank lines in `range`, if it has any.
fn non_blank_span(lines: &[Ln<'_>], range: std::ops::Range<usize>) -> Option<(usize, usize)> {
    let blank = |k: &usize| matches!(lines[*k].kind, Kind::Blank);
    let first = range.clone().find(|k| !blank(k))?;
    let last = range.rev().find(|k| !blank(k))?;
    Some((first, last))
}

/// Notes kept as entries between separator lines (`--` / `ConfigurableApplicationContext
/// 用于干什么的?` / its answer / `--`): each entry is one card, titled by its first line, and
/// the numbered lines inside it are the points of its answer. Read so only where the entries
/// are the structure: three or more, no Markdown heading among them, and at least two thirds
/// of them opening with a title line. An entry that is only a label (`Redis:`) groups the
/// entries after it.
fn split_rule_entries(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let separators: Vec<usize> = (0..lines.len())
        .filter(|&i| separator_line(&lines[i]))
        .collect();
    if separators.len() < 3
        || lines
            .iter()
            .any(|l| matches!(&l.kind, Kind::Heading(h) if matches!(h.style, Style::Markdown(_))))
    {
        return;
    }
    // Each entry as (first non-blank line, last non-blank line).
    let mut entries: Vec<(usize, usize)> = Vec::new();
    let mut from = 0;
    for &sep in separators.iter().chain(std::iter::once(&lines.len())) {
        entries.extend(non_blank_span(lines, from..sep));
        from = sep + 1;
    }
    let titled = entries
        .iter()
        .filter(|&&(first, _)| entry_title(&lines[first]))
        .count();
    if entries.len() < 3 || titled * 3 < entries.len() * 2 {
        return;
    }
    let mut out: Vec<Start> = Vec::new();
    let mut k = 0;
    for &(first, last) in &entries {
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
        let role = if !entry_title(l) {
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

/// Heading ranks where three headings or more start records and most of them ask: the
/// others of that rank are questions too, read the same way.
fn asking_ranks(starts: &[Start]) -> Vec<u8> {
    let mut counts: Vec<(u8, usize, usize)> = Vec::new();
    for s in starts {
        if let (Some(rank), Role::Record { question, .. }) = (s.rank, &s.role) {
            let k = counts.iter().position(|c| c.0 == rank).unwrap_or_else(|| {
                counts.push((rank, 0, 0));
                counts.len() - 1
            });
            counts[k].1 += 1;
            counts[k].2 += usize::from(asks(question));
        }
    }
    counts
        .into_iter()
        .filter(|&(_, all, asking)| all >= 3 && asking * 2 > all)
        .map(|(rank, ..)| rank)
        .collect()
}

/// The text of a task-list item (`- [ ] 解释一下同源策略`) and its indent, if the line is one.
fn task_item<'a>(line: &Ln<'a>) -> Option<(usize, &'a str)> {
    if !matches!(line.kind, Kind::Text) {
        return None;
    }
    let body = line.text.trim_start();
    let indent = line.text.len() - body.len();
    let rest = body.strip_prefix(['-', '*', '+'])?.strip_prefix(' ')?;
    let rest = ["[ ]", "[x]", "[X]"]
        .iter()
        .find_map(|b| rest.strip_prefix(b))?;
    let text = rest.trim();
    (rest.starts_with([' ', '\t']) && !text.is_empty()).then_some((indent, text))
}

/// Notes that tick off questions with task boxes (`- [ ] 如何判断sql注入`) mark each question
/// themselves: when most outermost boxes ask, each of them starts a record, and the plain items
/// among them (`- SQLi`, `- 1)Mysql版本…`) are group labels or answer points, no records. The
/// box is no part of the question.
fn split_task_list(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let items: Vec<(usize, usize, &str)> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| task_item(l).map(|(indent, text)| (i, indent, text)))
        .collect();
    let Some(outer) = items.iter().map(|&(_, indent, _)| indent).min() else {
        return;
    };
    let boxes: Vec<(usize, &str)> = items
        .iter()
        // Markdown nests an item only when it is indented to the text of the one above.
        .filter(|&&(_, indent, _)| indent <= outer + 1)
        .map(|&(i, _, text)| (i, text))
        .collect();
    let asking = boxes
        .iter()
        .filter(|(_, t)| question_like(t) || asks(t))
        .count();
    if boxes.len() < 5 || asking * 2 <= boxes.len() {
        return;
    }
    let first = boxes[0].0;
    let bullet = |i: usize| lines[i].text.trim_start().starts_with(['-', '*', '+']);
    starts.retain(|s| {
        s.line < first
            || (s.rank.is_some() && !bullet(s.line))
            || !matches!(s.role, Role::Record { .. })
    });
    let have: std::collections::HashSet<usize> = starts.iter().map(|s| s.line).collect();
    starts.extend(
        boxes
            .iter()
            .filter(|(i, _)| !have.contains(i))
            .map(|&(line, text)| Start {
                line,
                rank: None,
                role: Role::Record {
                    number: None,
                    question: text.to_owned(),
                },
            }),
    );
    starts.sort_by_key(|s| s.line);
}

/// Quizzes that set their items apart with rules and nothing else (a question, its options and
/// `解析：`, then `---`, then the next one): each part between the rules is one card, from its
/// first line — the code a question is asked about may come first. The layout is the rules'
/// only where three parts or more mostly open with no numbered question or heading of their own
/// and mostly ask something; inside such a part, lines that looked like questions (`1.` points
/// under `解析：`) are the answer's.
fn split_rule_separated_items(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
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
    for seg in segments {
        let rule = |k: usize| {
            matches!(lines[k].kind, Kind::Text)
                && blocks::is_rule_line(lines[k].text)
                && (k == 0 || matches!(lines[k - 1].kind, Kind::Blank))
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
            at(f).is_none_or(|n| starts[n].rank.is_none())
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
                        || ["（）", "()", "____"].iter().any(|b| x.text.contains(b))
                }
                Kind::Marker { answer, .. } => answer,
                _ => false,
            })
        };
        // A title line right above a rule (`HashMap 的put方法流程？`, a blank line, `-----`)
        // is underlined by it: there the rules mark titles, not the ends of cards.
        let underlines = parts
            .iter()
            .any(|&(f, l)| l > f && at(l).is_some_and(|n| starts[n].rank.is_none()));
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
            let question = code_led_question(lines, f, l).unwrap_or(f);
            extra.push(Start {
                line: f,
                rank: None,
                role: Role::question(lines[question].text),
            });
        }
    }
    if extra.is_empty() {
        return;
    }
    starts.retain(|s| !drop.contains(&s.line));
    starts.extend(extra);
    starts.sort_by_key(|s| s.line);
}

/// Notes made of folds, one after another (`<details>` / `<summary>HashMap 底层结构</summary>` /
/// the answer / `</details>`), fold each answer under its prompt: outside any question, every
/// such fold is a card from its first line, its summary the question — two folds at least. A
/// fold around questions of its own (`<summary>Java 并发</summary>` over `### 3. …`) only hides
/// them, and one that says how to unfold (`查看答案`) or sits under a question is that
/// question's answer. Each fold is read to its end once.
fn split_fold_cards(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let mut cards: Vec<(usize, usize, String)> = Vec::new();
    // Topic headings found grouping folds (indices into `starts`).
    let mut heads: Vec<usize> = Vec::new();
    let mut last_fold: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < lines.len() {
        if matches!(lines[i].kind, Kind::Fenced) || !line::opens_fold(lines[i].text) {
            i += 1;
            continue;
        }
        let summary = if line::fold_title(lines[i].text).is_some() {
            Some(i)
        } else {
            (i + 1..lines.len().min(i + 3))
                .find(|&k| !matches!(lines[k].kind, Kind::Blank))
                .filter(|&k| line::fold_title(lines[k].text).is_some())
        };
        let Some(k) = summary else {
            i += 1;
            continue;
        };
        let Some(end) = fold_end(lines, k + 1) else {
            break;
        };
        let before = starts.partition_point(|s| s.line < i);
        // Under a topic heading (`# Java`) whose first content is the fold, the folds are its
        // questions and it groups them.
        let topic = before.checked_sub(1).filter(|&p| {
            let s = &starts[p];
            heads.last() == Some(&p)
                || (s.rank.is_some_and(|r| r <= 6)
                    && matches!(&s.role, Role::Record { question, .. } if !asks(question))
                    && lines[s.line + 1..i]
                        .iter()
                        .all(|l| matches!(l.kind, Kind::Blank)))
        });
        let outside = before == 0
            || matches!(starts[before - 1].role, Role::Section { .. })
            || topic.is_some()
            || last_fold.is_some_and(|(a, b)| (a..=b).contains(&starts[before - 1].line));
        let inner = starts[before..starts.partition_point(|s| s.line <= end)]
            .iter()
            .any(|s| s.line > k);
        if outside && !inner && !line::answer_summary(lines[k].text) {
            let title = line::fold_title(lines[k].text).unwrap_or_default();
            cards.push((i, k, title));
            heads.extend(topic);
        }
        last_fold = Some((i, end));
        i = end + 1;
    }
    if cards.len() < 2 {
        return;
    }
    for &h in &heads {
        if let (Some(rank), Role::Record { question, .. }) = (starts[h].rank, &starts[h].role) {
            let title = question.clone();
            starts[h].role = Role::Section { rank, title };
        }
    }
    // A folded question already starts at its summary line: the card starts at the fold.
    let summaries: std::collections::HashSet<usize> = cards.iter().map(|c| c.1).collect();
    starts.retain(|s| !summaries.contains(&s.line));
    starts.extend(cards.into_iter().map(|(line, _, question)| Start {
        line,
        rank: None,
        role: Role::Record {
            number: None,
            question,
        },
    }));
    starts.sort_by_key(|s| s.line);
}

/// A question with nothing under it that is asked again further down (a list of the questions
/// at the top of the file, each then repeated with its answer) only announces it: set aside.
/// The repeat may carry a short label (`一问：…`, `Q3: …`). Such questions come as a run, a
/// table of contents; when at least half of a run is asked again, the rest of it announces
/// questions left out of the file and is set aside with it. A heading typed twice with
/// nothing under either stays.
fn set_aside_repeated_list(lines: &[Ln<'_>], starts: &mut [Start]) {
    let keys: Vec<[Option<String>; 2]> = starts
        .iter()
        .map(|s| match &s.role {
            Role::Record { question, .. } => [
                Some(normalize_question(question)).filter(|k| !k.is_empty()),
                unlabelled_key(question),
            ],
            _ => [None, None],
        })
        .collect();
    let empty: Vec<bool> = (0..starts.len())
        .map(|n| {
            let end = starts.get(n + 1).map_or(lines.len(), |s| s.line);
            lines[starts[n].line + 1..end]
                .iter()
                .all(|l| matches!(l.kind, Kind::Blank))
        })
        .collect();
    // Walking up from the end, the keys of the answered questions below: one pass.
    let mut answered_below: std::collections::HashSet<&str> = std::collections::HashSet::new();
    let mut repeated = vec![false; starts.len()];
    for n in (0..starts.len()).rev() {
        let own = keys[n].iter().flatten();
        if empty[n] {
            repeated[n] = own.clone().any(|k| answered_below.contains(k.as_str()));
        } else {
            answered_below.extend(own.map(String::as_str));
        }
    }
    let mut n = 0;
    while n < starts.len() {
        let listed = |m: usize| empty[m] && keys[m][0].is_some();
        if !listed(n) {
            n += 1;
            continue;
        }
        let run_end = (n..starts.len())
            .find(|&m| !listed(m))
            .unwrap_or(starts.len());
        let asked_again = repeated[n..run_end].iter().filter(|&&r| r).count();
        // One bare question asked again is a question asked twice (an interview asked in two
        // rounds): a list announces two at least.
        if asked_again > 0 && asked_again * 2 >= run_end - n && run_end - n >= 2 {
            for start in &mut starts[n..run_end] {
                start.role = Role::Aside;
            }
        }
        n = run_end;
    }
}

/// The key of a question after a short label ending in a colon (`一问：`, `Q3:`, `第二题：`), if
/// it has one.
fn unlabelled_key(question: &str) -> Option<String> {
    let text = question.trim_start_matches(|c: char| !c.is_alphanumeric());
    let (label, rest) = text.split_once(['：', ':'])?;
    let label = normalize_question(label);
    let rest = normalize_question(rest);
    (!label.is_empty() && label.chars().count() <= 4 && !rest.is_empty()).then_some(rest)
}

/// A heading that asks nothing and whose first content is a question of its own (`### slice`
/// then `nil slice和空slice有什么区别？`) groups the questions under it.
fn regroup_headings(lines: &[Ln<'_>], starts: &mut [Start]) {
    for n in 0..starts.len() {
        let (Some(rank), Role::Record { question, .. }) = (starts[n].rank, &starts[n].role) else {
            continue;
        };
        let Some(next) = starts.get(n + 1) else {
            continue;
        };
        // A rule (`---`) under the heading is decoration, not content.
        let only_blank_between = lines[starts[n].line + 1..next.line]
            .iter()
            .all(|l| matches!(l.kind, Kind::Blank) || blocks::is_rule_line(l.text));
        if only_blank_between && next.rank.is_none() && !asks(question) {
            let title = question.clone();
            starts[n].role = Role::Section { rank, title };
        }
    }
}

/// Among Markdown question headings that are numbered (`### 1、…`, `### [2、…](…)`), an
/// unnumbered heading of the same level with nothing under it that asks nothing
/// (`### 全部答案，更新日期…`, `### 下载链接：[…](…)`) is page furniture, not a question: set
/// aside (its line is reported, not lost).
fn empty_unnumbered_among_numbered(lines: &[Ln<'_>], starts: &mut [Start]) {
    // Per Markdown level: (numbered question headings, all question headings).
    let mut counts = [(0usize, 0usize); 7];
    for s in starts.iter() {
        if let (Role::Record { number, .. }, Kind::Heading(h)) = (&s.role, &lines[s.line].kind)
            && let Style::Markdown(level) = h.style
        {
            let c = &mut counts[usize::from(level.min(6))];
            c.0 += usize::from(number.is_some());
            c.1 += 1;
        }
    }
    for n in 0..starts.len() {
        let end = starts.get(n + 1).map_or(lines.len(), |s| s.line);
        let s = &starts[n];
        let (
            Role::Record {
                number: None,
                question,
            },
            Kind::Heading(h),
        ) = (&s.role, &lines[s.line].kind)
        else {
            continue;
        };
        let Style::Markdown(level) = h.style else {
            continue;
        };
        let (numbered, all) = counts[usize::from(level.min(6))];
        let empty = lines[s.line + 1..end]
            .iter()
            .all(|l| matches!(l.kind, Kind::Blank));
        if numbered >= 3 && numbered * 4 >= all * 3 && empty && !question_like(question) {
            starts[n].role = Role::Aside;
        }
    }
}

/// A heading with nothing under it, among sibling headings that group questions (`## 一、填空题`
/// and `## 五、问答题` beside `## 三、单选题` over its `### 1.…`), is a group left empty, not a
/// question left unanswered. Only a title that asks nothing; the nearest sibling on either side
/// that is not empty itself decides. Two passes over the starts.
fn empty_group_headings(lines: &[Ln<'_>], starts: &mut [Start]) {
    /// Headings that group: Markdown and `一、`.
    const GROUP_RANKS: usize = 11;
    let empty = |n: usize| {
        let end = starts.get(n + 1).map_or(lines.len(), |s| s.line);
        lines[starts[n].line + 1..end]
            .iter()
            .all(|l| matches!(l.kind, Kind::Blank) || blocks::is_rule_line(l.text))
    };
    let candidate: Vec<bool> = (0..starts.len())
        .map(|n| {
            let s = &starts[n];
            matches!(&s.role, Role::Record { question, .. }
                if !asks(question) && !question_like(question))
                && s.rank.is_some_and(|r| usize::from(r) < GROUP_RANKS)
                && empty(n)
        })
        .collect();
    // For each start, whether the nearest sibling before (then after) it that is not an empty
    // record is a section: a start of a higher rank in between ends the siblings.
    let mut beside = vec![false; starts.len()];
    for order in [false, true] {
        let mut last: [Option<bool>; GROUP_RANKS] = [None; GROUP_RANKS];
        for k in 0..starts.len() {
            let n = if order { starts.len() - 1 - k } else { k };
            let Some(rank) = starts[n].rank.map(usize::from).filter(|&r| r < GROUP_RANKS) else {
                continue;
            };
            // Walking down, a heading of a higher rank starts new siblings below it; walking
            // up, it is the parent of what came after it.
            if !order {
                last[rank + 1..].fill(None);
            }
            if candidate[n] {
                beside[n] |= last[rank] == Some(true);
            } else {
                last[rank] = Some(matches!(starts[n].role, Role::Section { .. }));
            }
            if order {
                last[rank + 1..].fill(None);
            }
        }
    }
    for (n, start) in starts.iter_mut().enumerate() {
        if let (true, Some(rank), Role::Record { question, .. }) =
            (beside[n], start.rank, &start.role)
        {
            let title = question.clone();
            start.role = Role::Section { rank, title };
        }
    }
}

/// Headings that name parts of the question just asked (`### 说一下map的数据结构和扩容机制`,
/// then `### 数据结构` and `### 扩容机制` at the same level) are the parts of its answer, not
/// questions of their own: each is an unnumbered heading that asks nothing and whose title the
/// question spells out, at most half as long as it.
fn parts_named_by_question(starts: &mut Vec<Start>) {
    let mut part = vec![false; starts.len()];
    let mut n = 0;
    while n < starts.len() {
        let (Some(rank), Role::Record { question, .. }) = (starts[n].rank, &starts[n].role) else {
            n += 1;
            continue;
        };
        let asked = question.to_lowercase();
        let mut m = n + 1;
        while let Some(Start {
            rank: Some(r),
            role:
                Role::Record {
                    number: None,
                    question: title,
                },
            ..
        }) = starts.get(m)
        {
            let title = line::strip_emphasis(title).trim().to_lowercase();
            // A part is a piece of the question; the question typed again is a new one.
            let named = *r == rank
                && title.chars().count() >= 2
                && title.chars().count() * 2 <= asked.chars().count()
                && !asks(&title)
                && asked.contains(&title)
                && asks(&asked);
            if !named {
                break;
            }
            part[m] = true;
            m += 1;
        }
        n = m.max(n + 1);
    }
    let mut k = 0;
    starts.retain(|_| {
        k += 1;
        !part[k - 1]
    });
}

/// Under a heading that asks nothing, a list whose items mostly end in `？` is a list of
/// questions (`### TCP` then `- 了解 TCP 的拥塞控制吗？`), and so are short bare lines that ask:
/// each top-level item is a record.
fn split_question_lists(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let found: Vec<Option<ListUnder>> = (0..starts.len())
        .map(|n| list_under(lines, starts, n))
        .collect();
    // Sibling headings are read alike (`## 1. CNN`, `## 2. 过拟合`, each over bold bullets):
    // where the bullet lists of a rank mostly ask, taken together, all of them are questions.
    let mut pooled: Vec<(u8, usize, usize, usize)> = Vec::new();
    for c in found.iter().flatten().filter(|c| c.bullet_list) {
        let k = pooled
            .iter()
            .position(|p| p.0 == c.rank)
            .unwrap_or_else(|| {
                pooled.push((c.rank, 0, 0, 0));
                pooled.len() - 1
            });
        pooled[k].1 += 1;
        pooled[k].2 += c.items.len();
        pooled[k].3 += c.asking;
    }
    let asking_rank = |rank: u8| {
        pooled
            .iter()
            .any(|&(r, lists, items, asking)| r == rank && lists >= 2 && asking * 2 > items)
    };
    let mut extra = Vec::new();
    for (n, c) in found.into_iter().enumerate() {
        let Some(c) = c else { continue };
        if !(c.split || (c.bullet_list && asking_rank(c.rank))) {
            continue;
        }
        let Role::Record { question, .. } = &starts[n].role else {
            continue;
        };
        let title = question.clone();
        starts[n].role = Role::Section {
            rank: c.rank,
            title,
        };
        for i in c.items {
            let text = blocks::bullet_item(lines[i].text).unwrap_or(lines[i].text);
            extra.push(Start {
                line: i,
                rank: None,
                role: Role::question(text),
            });
        }
    }
    starts.extend(extra);
    starts.sort_by_key(|s| s.line);
}

/// The items under a heading that asks nothing, if they could be its questions.
struct ListUnder {
    rank: u8,
    items: Vec<usize>,
    /// The items are questions on their own evidence.
    split: bool,
    /// A bullet list with nothing else under the heading.
    bullet_list: bool,
    /// Bullets that ask.
    asking: usize,
}

fn list_under(lines: &[Ln<'_>], starts: &[Start], n: usize) -> Option<ListUnder> {
    let (Some(rank), Role::Record { question, .. }) = (starts[n].rank, &starts[n].role) else {
        return None;
    };
    if asks(question) {
        return None;
    }
    let end = starts.get(n + 1).map_or(lines.len(), |s| s.line);
    let first = starts[n].line + 1;
    let bullets: Vec<usize> = (first..end)
        .filter(|&i| {
            matches!(lines[i].kind, Kind::Text) && blocks::bullet_item(lines[i].text).is_some()
        })
        .collect();
    if bullets.is_empty() {
        // Bare question lines (`mysql索引结构` / `B+树和B树有什么区别`): every non-blank line a
        // short unindented title, and at least one of them asking.
        let titles: Vec<usize> = (first..end)
            .filter(|&i| !matches!(lines[i].kind, Kind::Blank))
            .collect();
        let all_titles = titles.iter().all(|&i| {
            matches!(lines[i].kind, Kind::Text)
                && !lines[i].text.starts_with([' ', '\t', '\u{3000}'])
                && title_shaped(&lines[i])
                && lines[i].text.chars().count() <= 60
        });
        let asking = titles.iter().filter(|&&i| asks(lines[i].text)).count();
        // Under an interview round (`#### 二面`) the lines are what was asked, asking words or not.
        let round = INTERVIEW_ROUNDS.iter().any(|w| question.contains(w));
        let split = titles.len() >= 2 && all_titles && (asking > 0 || round);
        return split.then_some(ListUnder {
            rank,
            items: titles,
            split,
            bullet_list: false,
            asking,
        });
    }
    let asking = bullets
        .iter()
        .filter(|&&i| {
            blocks::bullet_item(lines[i].text)
                .is_some_and(|b| bullet_asks(b) || opens_with_request(b))
        })
        .count();
    // Every other non-blank line must be a continuation of an item (indented).
    let only_items = (first..end).all(|i| {
        let l = &lines[i];
        matches!(l.kind, Kind::Blank)
            || blocks::bullet_item(l.text).is_some()
            || blocks::is_rule_line(l.text)
            || l.text.starts_with([' ', '\t', '\u{3000}'])
    });
    // Most bullets asking make the list the questions: a line between them (`继承、封装、多态。`,
    // `> 答：…`) answers the bullet above it, indented or not. Only nothing may come before
    // the first bullet.
    let mostly_asking = asking * 2 > bullets.len();
    let led = (first..bullets[0]).all(|i| matches!(lines[i].kind, Kind::Blank));
    let collection = INTERVIEW_ROUNDS.iter().any(|w| question.contains(w));
    // A heading that names problems (`### 一些工程问题`) over bullets that each carry their
    // own indented answer: each bullet is one of those problems, answered.
    let answered_problems = question.trim_end().ends_with("问题")
        && only_items
        && bullets.len() >= 2
        && bullets.iter().all(|&b| {
            lines.get(b + 1).is_some_and(|n| {
                matches!(n.kind, Kind::Text) && n.text.starts_with([' ', '\t', '\u{3000}'])
            })
        });
    (only_items || (led && mostly_asking)).then_some(ListUnder {
        rank,
        split: mostly_asking || collection || answered_problems,
        items: bullets,
        bullet_list: only_items,
        asking,
    })
}

/// Outside any record, unindented bullets each followed by its answer on unindented lines or
/// in a code block (`- 装饰器有多少种` / `函数装饰器和类装饰器` / `- GIL` / …): every bullet is
/// a question. Three bullets at least, short titles, and most of them answered, so an
/// introduction with a list and a paragraph after it stays orphan text.
fn split_bullet_led(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let mut extra = Vec::new();
    let mut from = 0;
    for n in 0..=starts.len() {
        let to = starts.get(n).map_or(lines.len(), |s| s.line);
        if from < to
            && let Some(bullets) = bullet_led(&lines[from..to])
        {
            for b in bullets {
                let text = blocks::bullet_item(lines[from + b].text).unwrap_or_default();
                extra.push(Start {
                    line: from + b,
                    rank: None,
                    role: Role::question(text),
                });
            }
        }
        from = match starts.get(n) {
            Some(Start {
                line,
                role: Role::Section { .. },
                ..
            }) => line + 1,
            _ => lines.len(),
        };
    }
    starts.extend(extra);
    starts.sort_by_key(|s| s.line);
}

/// The bullets of a segment made only of bullet-led answers (indices into `seg`).
fn bullet_led(seg: &[Ln<'_>]) -> Option<Vec<usize>> {
    let bullet = |l: &Ln<'_>| matches!(l.kind, Kind::Text) && blocks::bullet_item(l.text).is_some();
    let first = seg.iter().position(|l| !matches!(l.kind, Kind::Blank))?;
    if !bullet(&seg[first]) {
        return None;
    }
    let bullets: Vec<usize> = (first..seg.len()).filter(|&i| bullet(&seg[i])).collect();
    if bullets.len() < 3 {
        return None;
    }
    let titles = bullets.iter().all(|&i| {
        let t = line::strip_emphasis(blocks::bullet_item(seg[i].text).unwrap_or_default());
        let t = t.trim();
        t.chars().count() <= 60
            && !t.contains('。')
            && !t.ends_with(['。', '；', ';', '，', ',', '：', ':'])
    });
    let answered = bullets
        .iter()
        .enumerate()
        .filter(|&(k, &i)| {
            let end = bullets.get(k + 1).copied().unwrap_or(seg.len());
            seg[i + 1..end].iter().any(|l| match l.kind {
                Kind::Fence { .. } => true,
                Kind::Text | Kind::Marker { .. } => !l.text.starts_with([' ', '\t', '\u{3000}']),
                _ => false,
            })
        })
        .count();
    (titles && answered * 3 >= bullets.len() * 2).then_some(bullets)
}
