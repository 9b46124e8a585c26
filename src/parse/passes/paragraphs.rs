//! Plain text read by what repeats down the file rather than by headings or numbers: a line
//! marker that opens every entry (`-> prompt - answer`).

use crate::parse::line::Kind;
use crate::parse::{Ln, Role, Start, blocks};

/// Notes whose entries each open with the same marker at the start of a line (`-> what is
/// gas - an abstract unit…`, `=> …`, `→ …`), indented bullets and code under some of them: each
/// marked line is one record, the indented lines under it its answer. Read so only where the
/// marker is the structure: three marked lines or more, and at least two thirds of the
/// unindented lines outside any record opening with it. The marker is no part of the question;
/// an answer written after ` - ` on the line is split off when the record is made.
pub(crate) fn split_marked_lines(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let outside = |i: usize| {
        let k = starts.partition_point(|s| s.line <= i);
        k == 0 || !matches!(starts[k - 1].role, Role::Record { .. })
    };
    let candidates: Vec<(usize, &str)> = lines
        .iter()
        .enumerate()
        .filter(|(i, l)| {
            matches!(l.kind, Kind::Text)
                && !l.indented()
                && !l.text.trim().is_empty()
                && outside(*i)
        })
        .map(|(i, l)| (i, line_marker(l).unwrap_or("")))
        .collect();
    // The marker most lines open with.
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for &(_, m) in candidates.iter().filter(|(_, m)| !m.is_empty()) {
        match counts.iter_mut().find(|(n, _)| *n == m) {
            Some(c) => c.1 += 1,
            None => counts.push((m, 1)),
        }
    }
    let Some(&(marker, count)) = counts.iter().max_by_key(|c| c.1) else {
        return;
    };
    if count < 3 || count * 3 < candidates.len() * 2 {
        return;
    }
    let extra: Vec<Start> = candidates
        .iter()
        .filter(|&&(i, m)| m == marker && starts.binary_search_by_key(&i, |s| s.line).is_err())
        .map(|&(i, _)| {
            let text = lines[i].text.trim_start()[marker.len()..].trim();
            // `prompt - answer`: the prompt asks; the answer is split off with the record.
            let question = text.split_once(" - ").map_or(text, |(q, _)| q.trim_end());
            Start {
                line: i,
                rank: None,
                role: Role::question(question),
            }
        })
        .collect();
    starts.extend(extra);
    starts.sort_by_key(|s| s.line);
}

/// The marker a line opens with, if it opens with one: a short run of arrow or symbol
/// characters then a space (`->`, `=>`, `→`, `>>`, `※`). Bullets (`-`, `*`, `+`, `•`), quotes
/// (`>`), comments (`//`, `#`) and rules are read elsewhere and are no such marker.
fn line_marker<'t>(line: &Ln<'t>) -> Option<&'t str> {
    if line.code || blocks::is_rule_line(line.text) {
        return None;
    }
    let t = line.text.trim_start();
    let (marker, rest) = t.split_once(' ')?;
    let symbol = |c: char| {
        matches!(c, '-' | '=' | '>' | '~')
            || ('\u{2190}'..='\u{21FF}').contains(&c) // arrows
            || ('\u{25A0}'..='\u{25FF}').contains(&c) // geometric shapes
            || ('\u{2794}'..='\u{27BF}').contains(&c) // dingbat arrows
            || matches!(c, '※' | '★' | '☆' | '»')
    };
    let n = marker.chars().count();
    let plain_bullet = matches!(marker, "-" | "*" | "+" | "•" | ">" | "--" | ">>>");
    ((1..=3).contains(&n) && marker.chars().all(symbol) && !plain_bullet && !rest.trim().is_empty())
        .then_some(marker)
}
