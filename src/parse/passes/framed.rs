//! Titles framed by rules: `-----` / `1. Project Overview` / `-----`.

use crate::parse::asking::{asks, interrogative};
use crate::parse::line::Kind;
use crate::parse::{Ln, Role, Start, blocks, line};

/// Rank of a framed title: below Markdown headings, above every numbered style, so that the
/// `Q1:` questions under it stay in it.
const FRAMED_RANK: u8 = 7;

/// A short line with a rule right above it and right below it, that asks nothing and holds
/// nothing but the questions after it (two at least, not framed themselves), is the title of a part: a section, whatever number it
/// carries (`1. Project Overview` over `Q1: …`, `Q2: …`).
pub(crate) fn frame_rule_titles(lines: &[Ln<'_>], starts: &mut [Start]) {
    let rule = |i: usize| {
        lines
            .get(i)
            .is_some_and(|l| matches!(l.kind, Kind::Text) && blocks::is_rule_line(l.text))
    };
    // Framed one after the other, the lines are the items themselves (`___` between
    // unanswered questions), not titles over them.
    let framed = |i: usize| i > 0 && rule(i - 1) && rule(i + 1);
    for k in 0..starts.len() {
        let i = starts[k].line;
        if !framed(i) {
            continue;
        }
        let Role::Record { question, .. } = &starts[k].role else {
            continue;
        };
        let title = question.trim();
        if title.chars().count() > 60 || interrogative(title) || asks(title) || title.ends_with('?')
        {
            continue;
        }
        // Nothing of its own: only blank lines up to the next start.
        let next = starts.get(k + 1).map_or(lines.len(), |s| s.line);
        if next == lines.len()
            || !lines[i + 2..next]
                .iter()
                .all(|l| matches!(l.kind, Kind::Blank))
            || !matches!(starts[k + 1].role, Role::Record { .. })
            || framed(next)
            || starts[k + 1..]
                .iter()
                .take_while(|s| !framed(s.line))
                .filter(|s| matches!(s.role, Role::Record { .. }))
                .count()
                < 2
        {
            continue;
        }
        let plain = line::strip_emphasis(lines[i].text);
        starts[k].role = Role::Section {
            rank: FRAMED_RANK,
            title: plain.trim().to_owned(),
        };
        starts[k].rank = Some(FRAMED_RANK);
    }
}
