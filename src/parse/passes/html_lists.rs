//! Question lists written as one line of HTML (`<ol><li>…？</li><li>…？</li></ol>`), as chat
//! exports and copied web pages keep them.

use super::is_start;
use crate::parse::asking::{asks, ends_asking};
use crate::parse::line::Kind;
use crate::parse::{Ln, Role, Start};

/// A line holding a whole HTML list of two items or more (`<ol start="11"><li>…</li>…</ol>`),
/// most of them asking, is a batch of questions: it starts a record of its own, and a heading
/// that asks nothing above it (`# Nginx面试问题`) groups such batches rather than asking. The
/// line is the finest unit a record can start at, so its items stay together.
pub(crate) fn split_html_question_lists(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let found: Vec<usize> = (0..lines.len())
        .filter(|&i| html_question_list(&lines[i]))
        .collect();
    if found.is_empty() {
        return;
    }
    let mut extra = Vec::new();
    for &i in &found {
        let k = starts.partition_point(|s| s.line <= i);
        if k > 0 && starts[k - 1].line != i {
            let s = &mut starts[k - 1];
            if let (Some(rank), Role::Record { question, .. }) = (s.rank, &s.role)
                && !asks(question)
                && !ends_asking(question)
            {
                s.role = Role::Section {
                    rank,
                    title: question.clone(),
                };
            }
        }
        if !is_start(starts, i) {
            let first = items(lines[i].text).next().unwrap_or(lines[i].text);
            extra.push(Start {
                line: i,
                rank: None,
                role: Role::question(first),
            });
        }
    }
    starts.extend(extra);
    starts.sort_by_key(|s| s.line);
}

/// Does the line hold a whole HTML list whose items mostly ask?
fn html_question_list(line: &Ln<'_>) -> bool {
    if !matches!(line.kind, Kind::Text) {
        return false;
    }
    let t = line.text.trim();
    if !(t.starts_with("<ol") || t.starts_with("<ul")) {
        return false;
    }
    let (mut count, mut asking) = (0, 0);
    for item in items(t) {
        count += 1;
        if asks(item) || ends_asking(item) {
            asking += 1;
        }
    }
    count >= 2 && asking * 2 > count
}

/// The text of each `<li>…</li>` on a line, tags around it taken away.
fn items(text: &str) -> impl Iterator<Item = &str> {
    text.split("<li>").skip(1).map(|item| {
        let end = item.find("</li>").unwrap_or(item.len());
        item[..end].trim()
    })
}
