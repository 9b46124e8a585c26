//! Boundary passes: each reads the lines and the starts found so far and adds, splits, merges
//! or re-labels starts for one layout the outline alone misses. [`super::parse`] runs them in
//! a fixed order; a later pass sees what the earlier ones decided.
//!
//! - [`lists`]: lists and runs of lines that are questions.
//! - [`heading_lists`]: files that are nothing but question lists under topic headings.
//! - [`numbered_siblings`]: sibling headings over numbered one-liners, read alike.
//! - [`outlines`]: bullet outlines of questions grouped by subject.
//! - [`unmarked`]: unnumbered questions found by their shape and place.
//! - [`margin_titles`]: questions at the margin of text only indentation structures.
//! - [`regroup`]: headings re-read as groups, parts or asides.
//! - [`separators`]: entries and quiz items set apart by separator lines.
//! - [`follow_ups`]: new questions inside another question's answer.
//! - [`flashcards`]: cards in a spaced-repetition plugin's syntax.
//! - [`folds`]: folded answers.
//! - [`framed`]: titles framed by rules above and below.
//! - [`indented_next`]: a list's next item typed with a stray indent.
//! - [`bare_list_label`]: a labelled block after a list of bare one-liners.
//! - [`label_after_cards`]: a label over a list after a list of unanswered cards.
//! - [`answered_siblings`]: numbered headings that are mostly cards keep their lists as answers.
//! - [`numbered_groups`]: numbered group lines over runs of bare question lines.
//! - [`hash_topics`]: topics tagged `#topic` at the margin over indented notes.
//! - [`outliner`]: pages written in an outliner, blocks by tabs, headings and `#card` blocks.
//! - [`indent_outline`]: labels in an outline that indentation alone structures.
//! - [`callouts`]: Obsidian question callouts.
//! - [`label_lists`]: lists a `Question：` label names as questions.
//! - [`labelled`]: items with a question label and an answer label.
//! - [`labelled_answers`]: unmarked questions over an answer label.
//! - [`placeholders`]: numbers with no question typed after them.
//! - [`plain`]: plain-text question lists that no number of their own marks.
//! - [`paragraphs`]: plain text read by its paragraphs, line markers and link lists.
//! - [`link_contents`]: a heading over nothing but links, set aside.
//! - [`dialogue`]: interview transcripts, speaker by speaker.
//! - [`exercises`]: numbered questions paired with numbered answers.
//! - [`titles_over_blank`]: topic lines each standing over a blank line and their answer.
//! - [`quoted_titles`]: questions set off as one-line quotes, answered in plain text.
//! - [`comment_numbers`]: quiz questions written as numbered code comments.
//! - [`part_breaks`]: numbered lists set apart by a long run of blank lines.
//! - [`named_questions`]: questions named by their number, and the lines inside their answers.
//! - [`answer_points`]: numbered points in the answer of an unnumbered question; the line
//!   under an answer label alone on its line.
//! - [`lead_in_points`]: a numbered list glued under a line of a record, its points.
//! - [`heading_cards`]: numbered question headings keep a line that asks inside them.
//! - [`group_headings`]: a bare heading over cards read under it groups them.
//! - [`own_style_items`]: a number in another style going on from a list in the answer.
//! - [`text_among_sections`]: a heading over only text among headings that group cards.
//! - [`closing_questions`]: a bare question set apart at the end of an answer.
//! - [`file_titles`]: a first line that titles the file by naming what it collects.
//! - [`stub_groups`]: numbered subjects over nested lists of questions left unanswered.
//! - [`question_trees`]: bullet trees of questions under a heading that names them.
//! - [`spaced_lines`]: question lists written as lines alone between blank lines.
//! - [`shapes`]: a fallback: loose text, or a card implausibly large, read by the line shape
//!   that repeats down it; sibling headings read alike by the shape their cards open with.
//! - [`inline_questions`]: loose lines that each open with a question and go on with its answer.
//! - [`bold_points`]: knowledge points as wholly bold bullets under the headings grouping them.
//! - [`bold_questions`]: bold question lines read alike.
//! - [`bullet_banks`]: a heading over a list of unanswered bullets that ask: a question bank.
//! - [`line_lists`]: questions jotted one to a line, in a block of short lines or each alone
//!   between blank lines.
//! - [`colon_topics`]: topic titles typed with a closing colon, like the file's other topics.
//! - [`nested_questions`]: a bullet naming a group of questions nested under it.
//! - [`list_tails`]: an unnumbered line ending a list of bare numbered questions.
//! - [`counted_numbers`]: items numbered loosely at the margin (`1 …`, `2:…`), read by how they
//!   count.
//! - [`choices`]: multiple-choice quizzes whose options are ticked task-list boxes.
//! - [`letter_numbers`]: questions numbered after a letter (`R1.`, `P12、`), as exercises are.
//! - [`gaps`]: topics set apart by wide gaps of blank lines, where the gaps part the cards.

mod answer_points;
mod answered_siblings;
mod bare_list_label;
mod bold_points;
mod bold_questions;
mod bullet_banks;
mod callouts;
mod choices;
mod closing_questions;
mod colon_topics;
mod comment_numbers;
mod counted_numbers;
mod dialogue;
mod exercises;
mod file_titles;
mod flashcards;
mod folds;
mod follow_ups;
mod framed;
mod gaps;
mod group_headings;
mod hash_topics;
mod heading_cards;
mod heading_lists;
mod indent_outline;
mod indented_next;
mod inline_questions;
mod label_after_cards;
mod label_lists;
mod label_runs;
mod labelled;
mod labelled_answers;
mod lead_in_points;
mod lead_titles;
mod letter_numbers;
mod line_lists;
mod link_contents;
mod linked_bullets;
mod list_tails;
mod lists;
mod margin_titles;
mod named_questions;
mod nested_questions;
mod numbered_groups;
mod numbered_siblings;
mod outliner;
mod outlines;
mod own_style_items;
mod paragraphs;
mod part_breaks;
mod placeholders;
mod plain;
mod question_trees;
mod quoted_titles;
mod regroup;
mod separators;
mod shapes;
mod spaced_lines;
mod stub_groups;
mod sub_heading_cards;
mod subject_items;
mod table_headers;
mod text_among_sections;
mod titles_over_blank;
mod unmarked;
mod wrapped_lines;

pub(super) use answer_points::{keep_answer_points, keep_labelled_answers};
pub(super) use answered_siblings::keep_sibling_cards_answered;
pub(super) use bare_list_label::split_labels_after_bare_lists;
pub(super) use bold_points::split_bold_points;
pub(super) use bold_questions::read_bold_questions_alike;
pub(super) use bullet_banks::split_bullet_banks;
pub(super) use callouts::{asking_callout, split_question_callouts};
pub(super) use choices::split_choice_stems;
pub(super) use closing_questions::split_closing_questions;
pub(super) use colon_topics::split_colon_topics;
pub(super) use comment_numbers::split_comment_numbered_items;
pub(super) use counted_numbers::split_counted_numbers;
pub(super) use dialogue::split_dialogue;
pub(super) use exercises::{Paired, pair_answer_lists};
pub(super) use file_titles::title_first_line;
pub(super) use flashcards::{split_definition_lists, split_flash_cards, split_glossary_terms};
pub(super) use folds::{add_questions_over_folds, split_fold_cards};
pub(super) use follow_ups::{split_labelled_follow_ups, split_second_code_questions};
pub(super) use framed::frame_rule_titles;
pub(super) use gaps::split_wide_gaps;
pub(super) use group_headings::group_cards_under_bare_headings;
pub(super) use hash_topics::split_hash_topics;
pub(super) use heading_cards::keep_numbered_heading_cards_whole;
pub(super) use heading_lists::split_heading_question_lists;
pub(super) use indent_outline::read_indented_outline;
pub(super) use indented_next::split_indented_next_items;
pub(super) use inline_questions::split_inline_questions;
pub(super) use label_after_cards::split_labels_after_cards;
pub(super) use label_lists::split_labelled_question_lists;
pub(super) use label_runs::split_label_bullet_runs;
pub(super) use labelled::split_labelled_items;
pub(super) use labelled_answers::add_questions_over_answer_labels;
pub(super) use lead_in_points::keep_lead_in_points;
pub(super) use lead_titles::set_aside_leading_titles;
pub(super) use letter_numbers::split_letter_numbered;
pub(super) use line_lists::{split_line_lists, split_spaced_jottings};
pub(super) use link_contents::{link_line, set_aside_link_contents};
pub(super) use linked_bullets::split_linked_bullets;
pub(super) use list_tails::split_list_tails;
pub(super) use lists::{
    split_bullet_led, split_question_bank_bullets, split_question_lists, split_question_runs,
    split_task_list,
};
pub(super) use margin_titles::split_margin_questions;
pub(super) use named_questions::keep_named_questions;
pub(super) use nested_questions::{split_bold_sub_questions, split_nested_question_bullets};
pub(super) use numbered_groups::split_numbered_question_groups;
pub(super) use numbered_siblings::numbered_lists_read_alike;
pub(super) use outliner::read_outliner_pages;
pub(super) use outlines::{split_named_subjects, split_subject_outlines};
pub(super) use own_style_items::keep_own_style_items;
pub(super) use paragraphs::{set_aside_link_lists, split_marked_lines, split_titled_paragraphs};
pub(super) use part_breaks::split_lists_after_part_breaks;
pub(super) use placeholders::set_aside_placeholders;
pub(super) use plain::read_plain_lists;
pub(super) use question_trees::split_question_trees;
pub(super) use quoted_titles::split_quoted_questions;
pub(super) use regroup::{
    empty_group_headings, empty_unnumbered_among_numbered, parts_named_by_question,
    regroup_headings, set_aside_repeated_list,
};
pub(super) use separators::{
    rule_entries, split_entry_topics, split_rule_entries, split_rule_separated_items,
};
pub(super) use shapes::{read_sibling_sections_alike, split_loose_by_shape, split_swollen_records};
pub(super) use spaced_lines::split_spaced_lines;
pub(super) use stub_groups::split_stub_groups;
pub(super) use sub_heading_cards::split_sub_heading_cards;
pub(super) use subject_items::split_subject_items;
pub(super) use table_headers::drop_table_headers;
pub(super) use text_among_sections::set_aside_text_among_sections;
pub(super) use titles_over_blank::split_titles_over_blank;
pub(super) use unmarked::{
    add_hanging_titles, add_spaced_topics, add_templated_questions, add_unnumbered_titles,
};
pub(super) use wrapped_lines::join_wrapped_lines;

use super::{Ln, Role, Start};

/// Lines a thread reads in one go where a pass reads each line alone (as classification does).
use super::classify::LINES_PER_TASK;

/// Records a thread reads in one go where a pass reads each record alone.
const STARTS_PER_TASK: usize = 512;

/// Start a record at each line of `at` that no start begins at yet, asking what the line says.
fn add_questions(lines: &[Ln<'_>], starts: &mut Vec<Start>, at: Vec<usize>) {
    let at: Vec<usize> = at.into_iter().filter(|&i| !is_start(starts, i)).collect();
    if at.is_empty() {
        return;
    }
    starts.extend(at.into_iter().map(|line| Start {
        line,
        rank: None,
        role: Role::question(lines[line].text),
    }));
    starts.sort_by_key(|s| s.line);
}

/// The runs of blank lines that some line follows, in order: that line and the run's length.
fn blank_runs<'a>(lines: &'a [Ln<'_>]) -> impl Iterator<Item = (usize, usize)> + 'a {
    // Blank lines before the notes' first line, or between a front matter block and it, part
    // nothing: a front matter block must not change how the notes' gaps are measured.
    let first = super::classify::front_matter_end(lines).map_or(0, |end| end.saturating_add(1));
    let mut blanks = 0usize;
    let mut seen = false;
    lines.iter().enumerate().filter_map(move |(i, l)| {
        if matches!(l.kind, super::line::Kind::Blank) {
            blanks += 1;
            return None;
        }
        let run = std::mem::take(&mut blanks);
        let parts = seen && run > 0;
        seen |= i >= first;
        parts.then_some((i, run))
    })
}

/// The unit gaps are measured in: the number of blank lines that most often part two lines
/// of the file, where that is how at least half of its gaps (and a few at least) are made;
/// otherwise one. Notes written with two blank lines after every paragraph part their topics
/// with four, where others leave two.
fn usual_gap(lines: &[Ln<'_>]) -> usize {
    const MIN_GAPS: usize = 6;
    let mut count = [0usize; 8];
    for (_, run) in blank_runs(lines) {
        count[run.min(count.len() - 1)] += 1;
    }
    let gaps: usize = count.iter().sum();
    let usual = (1..count.len() - 1)
        .rev()
        .max_by_key(|&n| count[n])
        .unwrap_or(1);
    if gaps >= MIN_GAPS && count[usual] * 2 >= gaps {
        usual
    } else {
        1
    }
}

/// Add the starts `extra` (in any order) to `starts`, keeping them sorted by line.
fn merge_starts(starts: &mut Vec<Start>, extra: Vec<Start>) {
    if !extra.is_empty() {
        starts.extend(extra);
        starts.sort_by_key(|s| s.line);
    }
}

/// Make the record `start` (a heading) a section of `rank` over questions: a record at each
/// bullet line in `items`, asking what the bullet says, pushed to `extra`.
fn section_over_bullets(
    lines: &[Ln<'_>],
    start: &mut Start,
    rank: u8,
    items: Vec<usize>,
    extra: &mut Vec<Start>,
) {
    let Role::Record { question, .. } = &start.role else {
        return;
    };
    start.role = Role::Section {
        rank,
        title: question.clone(),
    };
    extra.extend(bullet_questions(lines, items));
}

/// A record at each bullet line in `items`, asking what the bullet says.
fn bullet_questions<'a>(
    lines: &'a [Ln<'_>],
    items: Vec<usize>,
) -> impl Iterator<Item = Start> + use<'a> {
    items.into_iter().map(|i| Start {
        line: i,
        rank: None,
        role: Role::question(super::blocks::bullet_item(lines[i].text).unwrap_or(lines[i].text)),
    })
}

/// The loose stretches of a file of `len` lines, as `(from, to, whole)`: the lines before the
/// first start, and those under a section heading before the next start. `whole`: the stretch
/// runs to the end of its part (no question follows it before the next section heading or the
/// end of the file).
fn loose_stretches(starts: &[Start], len: usize) -> Vec<(usize, usize, bool)> {
    let mut stretches = Vec::new();
    let mut from = Some(0);
    for n in 0..=starts.len() {
        let to = starts.get(n).map_or(len, |s| s.line);
        if let Some(from) = from.filter(|&f| f < to) {
            let whole = starts
                .get(n)
                .is_none_or(|s| matches!(s.role, Role::Section { .. }));
            stretches.push((from, to, whole));
        }
        from = match starts.get(n) {
            Some(Start {
                line,
                role: Role::Section { .. },
                ..
            }) => Some(line + 1),
            _ => None,
        };
    }
    stretches
}

/// The index of the record that starts at line `i`, if one does (`starts` sorted by line).
fn record_at(starts: &[Start], i: usize) -> Option<usize> {
    starts
        .binary_search_by_key(&i, |s| s.line)
        .ok()
        .filter(|&n| matches!(starts[n].role, Role::Record { .. }))
}

/// The record that line `i` falls inside, begun on an earlier line (`starts` sorted by line).
fn record_before(starts: &[Start], i: usize) -> Option<&Start> {
    starts[..starts.partition_point(|s| s.line <= i)]
        .last()
        .filter(|s| s.line < i && matches!(s.role, Role::Record { .. }))
}

/// Does a start begin at line `i` (`starts` sorted by line)?
fn is_start(starts: &[Start], i: usize) -> bool {
    starts.binary_search_by_key(&i, |s| s.line).is_ok()
}

/// The line as it reads without its indent.
pub(super) fn dedent<'a>(line: &Ln<'a>) -> Ln<'a> {
    Ln {
        text: line.text.trim_start_matches([' ', '\t', '\u{3000}']),
        ..line.clone()
    }
}

/// The width of a line's indent, a tab counting four.
pub(super) fn indent_columns(text: &str) -> usize {
    text.chars()
        .take_while(|c| matches!(c, ' ' | '\t' | '\u{3000}'))
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum()
}
