//! Files that are nothing but question lists under topic headings.

use super::section_over_bullets;
use crate::parse::asking::{asks, question_like};
use crate::parse::line::{Kind, Style};
use crate::parse::{Ln, Role, Start, blocks, line};

/// A file whose every heading names a topic and holds only a flat list of one-line bullets
/// (`## js` / `- 如何阻止冒泡和默认事件` / `- js事件流`), none of them answered, and most of
/// them, taken together, asking, is a list of questions: each heading is a section and each
/// bullet a record, the bare topics among them (`- bfc`) too. Whatever its level: a reader
/// sees the same list under `### html/css` as under `## js`.
pub(crate) fn split_heading_question_lists(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    // Every record so far must be a topic heading over nothing but bullets (or over nothing).
    let mut lists: Vec<(usize, Vec<usize>)> = Vec::new();
    let (mut items, mut asking) = (0, 0);
    for (n, s) in starts.iter().enumerate() {
        let Role::Record { question, .. } = &s.role else {
            continue;
        };
        let Kind::Heading(h) = &lines[s.line].kind else {
            return;
        };
        if !matches!(h.style, Style::Markdown(_)) || s.rank.is_none() || asks(question) {
            return;
        }
        let end = starts.get(n + 1).map_or(lines.len(), |s| s.line);
        let mut bullets = Vec::new();
        for (i, l) in lines.iter().enumerate().take(end).skip(s.line + 1) {
            match l.kind {
                Kind::Blank => {}
                Kind::Text => {
                    let Some(item) = blocks::bullet_item(l.text) else {
                        return;
                    };
                    let item = line::strip_emphasis(item);
                    let item = item.trim();
                    if item.is_empty() || item.chars().count() > MAX_ITEM_CHARS {
                        return;
                    }
                    if asks(item) || question_like(item) {
                        asking += 1;
                    }
                    bullets.push(i);
                }
                _ => return,
            }
        }
        if !bullets.is_empty() {
            items += bullets.len();
            lists.push((n, bullets));
        }
    }
    if lists.len() < MIN_LISTS || asking * 2 <= items {
        return;
    }
    let mut extra = Vec::new();
    for (n, bullets) in lists {
        let Some(rank) = starts[n].rank else {
            continue;
        };
        section_over_bullets(lines, &mut starts[n], rank, bullets, &mut extra);
    }
    starts.extend(extra);
    starts.sort_by_key(|s| s.line);
}

/// Headings with a list under them: fewer could be one topic's notes.
const MIN_LISTS: usize = 3;

/// A bullet longer than this is a sentence of notes more than a question.
const MAX_ITEM_CHARS: usize = 100;
