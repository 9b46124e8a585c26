//! A number in another style than the question it follows, going on from a list of its own
//! style inside that question's answer (`5.MySql数据库优化：` … `（5）…` `（6）…`; `1、null与
//! undefined的异同？` … `（1）…` `（2）…`).

use crate::parse::line::{Kind, Style};
use crate::parse::{Ln, Role, Start};

/// A numbered line whose number happens to come next after the question above it (`（6）`
/// after `5.`, `6、` after `5.`), but whose style or separator differs from that question's,
/// is the next item of the list of its own style that runs in that answer (`（5）` just above)
/// — not the next question. Same style and separator stays the next question.
pub(crate) fn keep_own_style_items(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let mut drop: Vec<usize> = Vec::new();
    let mut owner: Option<usize> = None;
    for k in 0..starts.len() {
        let s = &starts[k];
        if let (Some(o), Some(mark)) = (owner, item_mark(lines, s.line)) {
            let owner_mark = item_mark(lines, starts[o].line);
            let differs = owner_mark.is_some_and(|m| (m.style, m.sep) != (mark.style, mark.sep));
            if differs
                && matches!(s.role, Role::Record { .. })
                && mark.value > 1
                && predecessor_inside(lines, starts[o].line, s.line, &mark)
            {
                drop.push(s.line);
                continue;
            }
        }
        owner = Some(k);
    }
    if !drop.is_empty() {
        starts.retain(|s| drop.binary_search(&s.line).is_err());
    }
}

/// A numbered line's style, number and the character after its number.
#[derive(Clone, Copy)]
struct Mark {
    style: Style,
    value: u32,
    sep: Option<char>,
}

/// The mark of a numbered line that is no Markdown heading (`5.`, `（6）`, `6、`).
fn item_mark(lines: &[Ln<'_>], i: usize) -> Option<Mark> {
    let h = lines[i].numbered_item()?;
    if matches!(h.style, Style::Question) {
        return None;
    }
    let value = h.value?;
    let t = lines[i].text.trim_start();
    let number = h.number.as_deref()?;
    let sep = t
        .find(number)
        .and_then(|at| t[at + number.len()..].chars().next());
    Some(Mark {
        style: h.style,
        value,
        sep,
    })
}

/// Does the nearest line above `at` numbered in `mark`'s style and separator, after the owner
/// question's line, carry the number just before `mark`'s?
fn predecessor_inside(lines: &[Ln<'_>], owner: usize, at: usize, mark: &Mark) -> bool {
    (owner + 1..at)
        .rev()
        .filter(|&i| matches!(lines[i].kind, Kind::Heading(_)))
        .filter_map(|i| item_mark(lines, i))
        .find(|m| (m.style, m.sep) == (mark.style, mark.sep))
        .is_some_and(|m| m.value + 1 == mark.value)
}
