//! Stage 2 — parse: text → records.
//!
//! 1. Every line is classified on its own ([`line`]), then in the light of the lines around
//!    it (`classify`).
//! 2. Numbered lines and headings form an outline (`outline`): a smaller rank outranks a
//!    larger one (Markdown `#` > `一、` > `1.` > `（1）` > `1）`). Inside one parent, a number
//!    that jumps backwards (other than a restart at 1) is a sub-point, and so is a list that
//!    follows a lead-in ending in `：`.
//! 3. Each outline node becomes a *section* (it groups questions), a *record* (it asks
//!    something), or a *sub-point* (it sits inside a record's answer).
//! 4. Unnumbered question lines (`HTTP与TCP的区别和联系` above a link) start records too: the
//!    boundary `passes`, in a fixed order, using `asking` and `titles`.
//! 5. A record runs from its question line up to the next record or section; its lines become
//!    a record (`record`) made of blocks ([`blocks`]), with a stable id (`ids`). Lines
//!    before any record are reported as orphan text (`orphans`), so no non-blank line is
//!    ever lost.

mod asking;
pub mod blocks;
mod bullet_groups;
mod classify;
pub mod code;
mod ids;
mod indented_parts;
pub mod line;
mod orphans;
mod outline;
mod outliner;
mod passes;
mod record;
mod titles;

use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;

use crate::check::{DiagnosticExt, Span, decode_error};
use crate::diagnostic::Diagnostic;
use crate::model::{Deck, Record, Section};
use crate::read::SourceText;
use line::Kind;

pub use asking::{asks, interrogative, question_like};
use classify::classify_all;
use ids::assign_ids;
pub use ids::{normalize_question, record_id};
use orphans::{Orphans, report_orphans};
use outline::Outline;
use passes::{
    add_hanging_titles, add_questions_over_answer_labels, add_questions_over_folds,
    add_spaced_topics, add_templated_questions, add_unnumbered_titles, drop_table_headers,
    empty_group_headings, empty_unnumbered_among_numbered, frame_rule_titles,
    group_cards_under_bare_headings, join_wrapped_lines, keep_answer_points, keep_labelled_answers,
    keep_lead_in_points, keep_named_questions, keep_numbered_heading_cards_whole,
    keep_own_style_items, keep_sibling_cards_answered, numbered_lists_read_alike,
    pair_answer_lists, parts_named_by_question, read_bold_questions_alike, read_indented_outline,
    read_outliner_pages, read_plain_lists, read_sibling_sections_alike, regroup_headings,
    rule_entries, set_aside_leading_titles, set_aside_link_contents, set_aside_link_lists,
    set_aside_placeholders, set_aside_repeated_list, set_aside_text_among_sections,
    split_bold_points, split_bold_sub_questions, split_bullet_banks, split_bullet_led,
    split_choice_stems, split_closing_questions, split_colon_topics, split_comment_numbered_items,
    split_counted_numbers, split_definition_lists, split_dialogue, split_entry_topics,
    split_flash_cards, split_fold_cards, split_glossary_terms, split_hash_topics,
    split_heading_question_lists, split_indented_next_items, split_inline_questions,
    split_label_bullet_runs, split_labelled_follow_ups, split_labelled_items,
    split_labelled_question_lists, split_labels_after_bare_lists, split_labels_after_cards,
    split_letter_numbered, split_line_lists, split_linked_bullets, split_list_tails,
    split_lists_after_part_breaks, split_loose_by_shape, split_margin_questions,
    split_marked_lines, split_named_subjects, split_nested_question_bullets,
    split_numbered_question_groups, split_question_bank_bullets, split_question_callouts,
    split_question_lists, split_question_runs, split_question_trees, split_quoted_questions,
    split_rule_entries, split_rule_separated_items, split_second_code_questions,
    split_spaced_jottings, split_spaced_lines, split_stub_groups, split_sub_heading_cards,
    split_subject_items, split_subject_outlines, split_swollen_records, split_task_list,
    split_titled_paragraphs, split_titles_over_blank, split_wide_gaps, title_first_line,
};
use record::make_record;
pub use record::{refers_to_code, tag};

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
    /// Its shape as a title, found once in classification.
    shape: TitleShape,
}

impl Ln<'_> {
    /// Starts with a space, a tab or an ideographic space: content under something, not a
    /// title or an item of its own.
    pub(super) fn indented(&self) -> bool {
        self.text.starts_with([' ', '\t', '\u{3000}'])
    }

    /// The level of a Markdown heading line (`### …` is 3).
    pub(super) fn markdown_level(&self) -> Option<u8> {
        match &self.kind {
            Kind::Heading(h) => match h.style {
                line::Style::Markdown(level) => Some(level),
                _ => None,
            },
            _ => None,
        }
    }

    /// A numbered line that is no Markdown heading (`1.插入数据库`, `二、…`), its number read.
    pub(super) fn numbered_item(&self) -> Option<&line::Heading> {
        match &self.kind {
            Kind::Heading(h)
                if !matches!(h.style, line::Style::Markdown(_)) && h.value.is_some() =>
            {
                Some(h)
            }
            _ => None,
        }
    }

    /// A line of running text: not code, not the start of a block, not a bullet item.
    pub(super) fn prose(&self) -> bool {
        matches!(self.kind, Kind::Text)
            && !self.code
            && !self.structural
            && blocks::bullet_item(self.text).is_none()
    }
}

/// What a line's shape says of it as a title (`titles`), found once per line in
/// classification: the passes ask it of most lines, several times.
#[derive(Debug, Clone, Copy, Default)]
struct TitleShape {
    /// Shaped like a title (`titles::title_shaped`).
    title: bool,
    /// A short label ending in a colon (`titles::colon_label`).
    colon_label: bool,
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
    let mut lines = classify_all(source);
    let mut diagnostics = Vec::new();
    diagnostics.extend(decode_problem(source, &lines));

    let (mut starts, paired) = find_starts(&lines, path, &mut diagnostics);

    // What each record is made of, found in order; the records are made on every core, a
    // batch at a time, so that what they are made of is not held for all of them at once.
    let mut records: Vec<Record> = Vec::with_capacity(
        starts
            .iter()
            .filter(|s| matches!(s.role, Role::Record { .. }))
            .count(),
    );
    let mut pending = Vec::with_capacity(RECORDS_PER_BATCH);
    // Lines before this one have given all they hold to records and orphan reports.
    let mut released = 0;
    let mut sections = Vec::new();
    let mut section_path: Vec<(u8, String)> = Vec::new();
    // Lines before the first boundary, and lines under a section heading before its first
    // record, belong to no record.
    let mut orphan_from: Option<(usize, Orphans)> = Some((0, Orphans::Loose));
    // The boundaries give their numbers and questions to the records.
    // Taken from the back, so that the room of those taken is given back as the records grow.
    starts.reverse();
    while let Some(start) = starts.pop() {
        let end = starts.last().map_or(lines.len(), |s| s.line);
        if let Some((from, why)) = orphan_from.take() {
            report_orphans(&lines[from..start.line], why, path, &mut diagnostics);
        }
        match start.role {
            Role::Section { rank, title } => {
                section_path.retain(|(r, _)| *r < rank);
                section_path.push((rank, title.clone()));
                sections.push(Section {
                    title,
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
            Role::Placeholder => {
                orphan_from = Some((start.line, Orphans::Loose));
            }
            Role::Asked => {
                if let Some(rank) = start.rank {
                    section_path.retain(|(r, _)| *r < rank);
                }
                orphan_from = Some((start.line + 1, Orphans::Loose));
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
                let apart = paired.get(&start.line).cloned();
                pending.push((section, number, question, apart, start.line..end));
                if pending.len() == RECORDS_PER_BATCH {
                    make_records(&mut pending, &mut records, &deck, path, &lines);
                    // Nothing reads a line before the next boundary again: what the lines
                    // read (headings, markers) is freed as the records grow, not held
                    // under all of them.
                    let upto = end.max(released);
                    release_lines(&mut lines[released..upto]);
                    released = upto;
                    if starts.len() < starts.capacity() / 2 {
                        starts.shrink_to_fit();
                    }
                }
            }
        }
    }
    make_records(&mut pending, &mut records, &deck, path, &lines);
    drop(starts);
    if let Some((from, why)) = orphan_from {
        report_orphans(&lines[from..], why, path, &mut diagnostics);
    }
    // Many small allocations (the headings and markers read): freed on every core.
    lines
        .into_par_iter()
        .with_min_len(classify::LINES_PER_TASK)
        .for_each(drop);
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

/// Free what `lines` read (headings, markers, fence info), on every core; their text stays.
fn release_lines(lines: &mut [Ln<'_>]) {
    lines
        .par_iter_mut()
        .with_min_len(classify::LINES_PER_TASK)
        .for_each(|l| l.kind = Kind::Blank);
}

/// What a record is made of: its section, number, question, answer listed apart, and lines.
type Pending = (
    Option<String>,
    Option<String>,
    String,
    Option<passes::Paired>,
    std::ops::Range<usize>,
);

/// Make the records `pending` describes, on every core, and append them to `records`.
fn make_records(
    pending: &mut Vec<Pending>,
    records: &mut Vec<Record>,
    deck: &str,
    path: &str,
    lines: &[Ln<'_>],
) {
    records.par_extend(pending.par_drain(..).with_min_len(RECORDS_PER_TASK).map(
        |(section, number, question, apart, range)| {
            make_record(deck, path, section, number, &question, apart, &lines[range])
        },
    ));
}

/// Where each record, section and part set aside starts (indices into `lines`), and the answers
/// paired with questions asked apart ([`pair_answer_lists`]).
fn find_starts(
    lines: &[Ln<'_>],
    path: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> (Vec<Start>, std::collections::HashMap<usize, passes::Paired>) {
    // A front matter block (`---` / `title: …` / `---`) is the file's metadata: the notes are
    // read from the line after it, as if it were not there, and its lines are reported as
    // lines outside any question.
    let body = classify::yaml_front_matter(lines).map_or(0, |close| close + 1);
    let notes = &lines[body..];
    let outline = Outline::build(notes, path, diagnostics);
    let mut starts = outline.boundaries(notes);
    // The outline's copy of every heading is not read past here: freed before the records,
    // the most memory a parse holds, are made; on another core, while the passes run.
    rayon::spawn(move || drop(outline));
    run_passes(notes, &mut starts);
    let mut paired = pair_answer_lists(notes, &mut starts);
    if body > 0 {
        for start in &mut starts {
            start.line += body;
        }
        paired = paired.into_iter().map(|(at, p)| (at + body, p)).collect();
    }
    (starts, paired)
}

/// The boundary passes, in their order: each sees what the earlier ones decided.
fn run_passes(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    split_subject_outlines(lines, starts);
    split_named_subjects(lines, starts);
    split_stub_groups(lines, starts);
    split_heading_question_lists(lines, starts);
    numbered_lists_read_alike(lines, starts);
    split_question_lists(lines, starts);
    split_question_bank_bullets(lines, starts);
    split_bullet_led(lines, starts);
    split_question_trees(lines, starts);
    split_question_runs(lines, starts);
    split_marked_lines(lines, starts);
    add_questions_over_answer_labels(lines, starts);
    add_hanging_titles(lines, starts);
    set_aside_link_lists(lines, starts);
    add_unnumbered_titles(lines, starts);
    add_spaced_topics(lines, starts);
    split_titled_paragraphs(lines, starts);
    add_templated_questions(lines, starts);
    split_margin_questions(lines, starts);
    read_plain_lists(lines, starts);
    add_questions_over_folds(lines, starts);
    regroup_headings(lines, starts);
    empty_group_headings(lines, starts);
    empty_unnumbered_among_numbered(lines, starts);
    parts_named_by_question(starts);
    split_task_list(lines, starts);
    split_choice_stems(lines, starts);
    // The entries between rules, read by two passes: found once.
    let entries = rule_entries(lines);
    split_rule_entries(lines, starts, entries.as_deref());
    split_labelled_follow_ups(lines, starts);
    split_second_code_questions(lines, starts);
    split_rule_separated_items(lines, starts);
    split_entry_topics(lines, starts, entries.as_deref());
    split_fold_cards(lines, starts);
    split_question_callouts(lines, starts);
    split_labelled_items(lines, starts);
    split_labelled_question_lists(lines, starts);
    split_flash_cards(lines, starts);
    split_definition_lists(lines, starts);
    split_glossary_terms(lines, starts);
    split_dialogue(lines, starts);
    frame_rule_titles(lines, starts);
    set_aside_repeated_list(lines, starts);
    set_aside_placeholders(lines, starts);
    set_aside_link_contents(lines, starts);
    split_titles_over_blank(lines, starts);
    read_indented_outline(lines, starts);
    split_hash_topics(lines, starts);
    split_quoted_questions(lines, starts);
    split_lists_after_part_breaks(lines, starts);
    split_comment_numbered_items(lines, starts);
    keep_named_questions(lines, starts);
    split_closing_questions(lines, starts);
    keep_answer_points(lines, starts);
    title_first_line(lines, starts);
    split_spaced_lines(lines, starts);
    split_indented_next_items(lines, starts);
    split_labels_after_bare_lists(lines, starts);
    split_loose_by_shape(lines, starts);
    split_inline_questions(lines, starts);
    read_bold_questions_alike(lines, starts);
    keep_sibling_cards_answered(lines, starts);
    split_numbered_question_groups(lines, starts);
    split_bullet_banks(lines, starts);
    split_linked_bullets(lines, starts);
    split_subject_items(lines, starts);
    split_line_lists(lines, starts);
    split_spaced_jottings(lines, starts);
    split_counted_numbers(lines, starts);
    split_letter_numbered(lines, starts);
    split_colon_topics(lines, starts);
    keep_lead_in_points(lines, starts);
    keep_numbered_heading_cards_whole(lines, starts);
    group_cards_under_bare_headings(lines, starts);
    keep_own_style_items(lines, starts);
    split_nested_question_bullets(lines, starts);
    split_bold_sub_questions(lines, starts);
    split_bold_points(lines, starts);
    split_list_tails(lines, starts);
    set_aside_text_among_sections(lines, starts);
    split_label_bullet_runs(lines, starts);
    split_labels_after_cards(lines, starts);
    split_sub_heading_cards(lines, starts);
    join_wrapped_lines(lines, starts);
    drop_table_headers(lines, starts);
    split_swollen_records(lines, starts);
    split_wide_gaps(lines, starts);
    read_sibling_sections_alike(lines, starts);
    set_aside_leading_titles(lines, starts);
    keep_labelled_answers(lines, starts);
    read_outliner_pages(lines, starts);
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

/// Records made in one parallel batch: enough to keep both cores busy, few enough that what
/// they are made of stays small (half a megabyte).
const RECORDS_PER_BATCH: usize = 16 * RECORDS_PER_TASK;

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
    /// A number with no question typed after it and nothing under it (`14. `): reported as
    /// a line outside any question.
    Placeholder,
    /// A question whose answer is listed apart, under an answer heading: the answer's record
    /// asks it and names its line (`source.question_line`); lines under it are orphan text.
    Asked,
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
        Self::label_ranked(text, LABEL_RANK)
    }

    /// A label section of `rank`: below [`LABEL_RANK`] for a label inside another one.
    fn label_ranked(text: &str, rank: u8) -> Self {
        Self::Section {
            rank,
            title: line::strip_emphasis(text)
                .trim()
                .trim_end_matches([':', '：'])
                .to_owned(),
        }
    }
}

/// A boundary: the line where a section, a record or an aside starts. The outline finds the
/// first ones; the passes add, drop and re-label them.
#[derive(Debug, Clone)]
struct Start {
    /// Index into the lines.
    line: usize,
    /// The outline rank of the heading that starts it, if a heading does.
    rank: Option<u8>,
    role: Role,
}
