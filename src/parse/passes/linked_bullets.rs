//! Bullets each answered by a link alone, set apart by blank lines: a list of questions with
//! where to read their answers.
//!
//! ```text
//! •  怎么理解 RESTful              ← a card
//! http://www.cnblogs.com/…         ← its answer
//!
//! •  如何保证接口的幂等性          ← a card
//! http://www.spring4all.com/…
//!
//! •  对于快速追踪与定位问题        ← a card too: the list is read alike
//! 依赖日志
//! ```
//!
//! Read so wherever such a run stands, even inside the answer of a question above it: three
//! bullets at least, two thirds of them answered by a link alone, and half of them asking, not
//! announced by a lead-in (`相关文章参考：`, whose bullets are references).
//! Article titles over their addresses (`• Redis 持久化详解` / `https://…`) ask nothing and stay
//! a reading list.

use super::{is_start, merge_starts};
use crate::parse::asking::{asks, ends_asking};
use crate::parse::classify::link_only;
use crate::parse::line::Kind;
use crate::parse::{Ln, Role, Start, blocks};

/// Fewer bullets could be one answer's references.
const MIN_ITEMS: usize = 3;

/// A bullet longer than this is a sentence of notes more than a question.
const MAX_ITEM_CHARS: usize = 60;

/// Lines under a bullet, at most, before the blank line that ends its item.
const MAX_ANSWER_LINES: usize = 2;

/// A bullet in such a run: its line, whether it asks, and whether a link alone answers it.
struct Item {
    line: usize,
    asks: bool,
    linked: bool,
}

/// Start a card at every bullet of each run of link-answered bullets (see the module).
pub(crate) fn split_linked_bullets(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let mut extra = Vec::new();
    let mut run: Vec<Item> = Vec::new();
    // The last non-blank line before the current run: a lead-in (`…参考：`) announces a list
    // of references, whatever they ask.
    let mut before: Option<usize> = None;
    let mut i = 0;
    while i < lines.len() {
        if matches!(lines[i].kind, Kind::Blank) {
            i += 1;
            continue;
        }
        // Each item must follow a blank line (or the run's start).
        let apart = i == 0 || matches!(lines[i - 1].kind, Kind::Blank);
        if let Some((item, next)) = item_at(lines, i).filter(|_| apart) {
            run.push(item);
            i = next;
        } else {
            take_run(&mut run, lead_in(lines, before), &mut extra);
            before = Some(i);
            i += 1;
        }
    }
    take_run(&mut run, lead_in(lines, before), &mut extra);
    // Each card asks what its bullet says, without the bullet.
    let found = extra
        .into_iter()
        .filter(|&i| !is_start(starts, i))
        .map(|i| Start {
            line: i,
            rank: None,
            role: Role::question(
                blocks::bullet_item(lines[i].text)
                    .unwrap_or_default()
                    .trim(),
            ),
        })
        .collect();
    merge_starts(starts, found);
}

/// Does line `at` lead in to what follows it (`相关文章参考：`)?
fn lead_in(lines: &[Ln<'_>], at: Option<usize>) -> bool {
    at.is_some_and(|i| lines[i].text.trim_end().ends_with([':', '：']))
}

/// Keep the bullets of `run` if it reads as questions with link answers, and no lead-in
/// announced it; empty it.
fn take_run(run: &mut Vec<Item>, led_in: bool, extra: &mut Vec<usize>) {
    let items = std::mem::take(run);
    if led_in {
        return;
    }
    let linked = items.iter().filter(|item| item.linked).count();
    let asking = items.iter().filter(|item| item.asks).count();
    if items.len() >= MIN_ITEMS && linked * 3 >= items.len() * 2 && asking * 2 >= items.len() {
        extra.extend(items.iter().map(|item| item.line));
    }
}

/// The item of a bullet at the margin on line `i` with one or two lines right under it, and
/// the line after them, if line `i` is one.
fn item_at(lines: &[Ln<'_>], i: usize) -> Option<(Item, usize)> {
    let l = &lines[i];
    if !matches!(l.kind, Kind::Text) || l.indented() {
        return None;
    }
    let text = blocks::bullet_item(l.text)?.trim();
    if text.is_empty() || text.chars().count() > MAX_ITEM_CHARS {
        return None;
    }
    // Looked for no further than an item reaches: a long list of bullets costs its length.
    let reach = lines.len().min(i + 2 + MAX_ANSWER_LINES);
    let end = (i + 1..reach)
        .find(|&k| matches!(lines[k].kind, Kind::Blank))
        .unwrap_or(reach);
    let under = &lines[i + 1..end];
    if under.is_empty()
        || under.len() > MAX_ANSWER_LINES
        || under
            .iter()
            .any(|u| !matches!(u.kind, Kind::Text) || blocks::bullet_item(u.text).is_some())
    {
        return None;
    }
    let linked = under
        .iter()
        .all(|u| blocks::url_only(u.text).is_some() || link_only(u.text));
    Some((
        Item {
            line: i,
            asks: asks(text) || ends_asking(text),
            linked,
        },
        end,
    ))
}
