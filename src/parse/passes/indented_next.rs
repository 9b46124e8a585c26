//! The next item of a numbered list typed with a stray indent.

use crate::parse::line::{Kind, classify, strip_emphasis};
use crate::parse::{Ln, Role, Start};

/// Widest indent, in columns, a stray one runs to: four columns or more indent code.
const STRAY_INDENT: usize = 3;

/// A numbered line indented a column or three after a blank line, or one column right under
/// the line above (`  2,内页刷新js，css丢失问题`, ` 2.什么是JSX？`) that carries on the numbering of the record at the margin above it (`1,去除eslint
/// 代码检查`), in the same style, with no indented number of that style between them, is the
/// list's next item: the indent slipped in while typing, it opens no sub-list (a sub-list
/// starts again at 1). Items after it carry on alike.
pub(crate) fn split_indented_next_items(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let mut extra: Vec<Start> = Vec::new();
    // The style and value of the numbered record being read, while no indented number of its
    // style has been seen under it.
    let mut open: Option<(crate::parse::line::Style, u32)> = None;
    let mut next = 0;
    for i in 0..lines.len() {
        if next < starts.len() && starts[next].line == i {
            open = match (&starts[next].role, &lines[i].kind) {
                (Role::Record { .. }, Kind::Heading(h)) if !lines[i].indented() => {
                    h.value.map(|v| (h.style, v))
                }
                _ => None,
            };
            next += 1;
            continue;
        }
        let Some((style, value)) = open else {
            continue;
        };
        let l = &lines[i];
        if !matches!(l.kind, Kind::Text) || !l.indented() || l.code {
            continue;
        }
        let t = l.text.trim_start();
        let Kind::Heading(h) = classify(t) else {
            continue;
        };
        if h.style != style {
            continue;
        }
        let width = l.text.len() - t.len();
        let after_blank = i > 0 && matches!(lines[i - 1].kind, Kind::Blank);
        // Glued under the item above, one space is still a slip: a sub-list is set in further.
        if h.value == Some(value + 1) && width <= STRAY_INDENT && (after_blank || width == 1) {
            extra.push(Start {
                line: i,
                rank: Some(style.rank()),
                role: Role::Record {
                    number: h.number.clone(),
                    question: strip_emphasis(&h.title).trim().to_owned(),
                },
            });
            open = Some((style, value + 1));
        } else {
            open = None;
        }
    }
    starts.extend(extra);
    starts.sort_by_key(|s| s.line);
}
