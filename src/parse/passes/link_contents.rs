//! A heading over nothing but links: a table of contents or a reading list, no questions.
//!
//! ```text
//! ## Questions                  ← set aside, with the list under it
//! 1. [HTTP 概述](#http-1)
//! 1. [HTTP 缓存](#http-2)
//! 1. [HTTP cookies](#http-3)
//! ## Answers
//! ```

use crate::parse::asking::{asks, ends_asking};
use crate::parse::line::{Kind, Style};
use crate::parse::{Ln, Role, Start, blocks};

/// A Markdown heading that asks nothing, whose lines, up to the next heading of its level or
/// above, are links and nothing else — three at least and two in three of its lines, most of
/// their words asking nothing (`1. [HTTP 缓存](#http-2)`, `[招聘的误区](https://…)`) — lists
/// pages or parts to read: it is set aside with its lines, and the items the outline made
/// records of are none. A list of questions written as links (`1. [进程通信的方式？](…)`) stays.
///
/// Where some items of such a list ask in plain words, each one a record the outline made
/// (`1. React-router 路由的实现原理？` over `3. [React中的路由系统](https://…)`), the list holds
/// questions and reading besides: the heading stays what it was, the asking items stay
/// questions, and each run of link items after them is set aside.
///
/// Sibling lists are read alike: in a file where most such lists are questions written as
/// links (`1. [JTag用途？](/OS/JTag用途.md)`), one whose links ask less often than not
/// (`### shell` / `1. [linux内核版本号，编译器gcc版本号](…)` / `2. [echo 重定义…？](…)`) is
/// questions too; only one none of whose links ask is set aside.
pub(crate) fn set_aside_link_contents(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    // Each heading's list, found once: what the walk below changes (the roles of a part it
    // sets aside, which it then steps over) is never read again.
    let parts: Vec<Option<(usize, LinkList)>> = (0..starts.len())
        .map(|n| heading_part(lines, starts, n))
        .collect();
    // Sibling lists read alike: where most lists of links under headings ask, as in a file of
    // questions each linked to its answer, one with fewer asking links is questions too.
    let (mut asking_lists, mut reading_lists) = (0, 0);
    for (_, list) in parts.iter().flatten() {
        if list.asking * 2 >= list.linked {
            asking_lists += 1;
        } else {
            reading_lists += 1;
        }
    }
    let questions_linked = asking_lists >= 2 && asking_lists > reading_lists;
    let mut drop = vec![false; starts.len()];
    let mut found = false;
    let mut n = 0;
    while n < starts.len() {
        let Some((m, list)) = &parts[n] else {
            n += 1;
            continue;
        };
        let m = *m;
        let reading_list = list.asking * 2 < list.linked;
        if !reading_list || (questions_linked && list.asking > 0) {
            n += 1;
            continue;
        }
        let at = starts[n].line;
        let end = starts.get(m).map_or(lines.len(), |s| s.line);
        let part = &lines[at + 1..end];
        found = true;
        let asking_items = part.iter().filter(|l| plain_asking_item(l)).count();
        let own = &starts[n + 1..m];
        let kept = own
            .iter()
            .filter(|s| matches!(s.role, Role::Record { .. }) && plain_asking_item(&lines[s.line]))
            .count();
        if asking_items == 0 || kept < asking_items || own.len() != part_items(part) {
            starts[n].role = Role::Aside;
            for d in &mut drop[n + 1..m] {
                *d = true;
            }
        } else {
            // Questions and reading: a run of link items is set aside from its first item.
            let mut reading = false;
            for k in n + 1..m {
                if plain_asking_item(&lines[starts[k].line]) {
                    reading = false;
                } else if reading {
                    drop[k] = true;
                } else {
                    starts[k].role = Role::Aside;
                    reading = true;
                }
            }
        }
        n = m;
    }
    if found {
        let mut k = 0;
        starts.retain(|_| {
            k += 1;
            !drop[k - 1]
        });
    }
}

/// An item of a list that asks in plain words, no link (`1. React-router 路由的实现原理？`).
fn plain_asking_item(l: &Ln<'_>) -> bool {
    let title = match &l.kind {
        Kind::Heading(h) if !matches!(h.style, Style::Markdown(_)) => h.title.as_str(),
        _ => return false,
    };
    !link_line(l.text) && !title.contains("](") && (asks(title) || ends_asking(title))
}

/// How many non-blank lines `part` holds.
fn part_items(part: &[Ln<'_>]) -> usize {
    part.iter()
        .filter(|l| !matches!(l.kind, Kind::Blank))
        .count()
}

/// The start `n` as a Markdown heading that asks nothing over a list of links, three at least
/// and two in three of its lines: the start its part ends at (the next heading of its level or
/// above) and the list's links.
fn heading_part(lines: &[Ln<'_>], starts: &[Start], n: usize) -> Option<(usize, LinkList)> {
    let at = starts[n].line;
    let level = match &lines[at].kind {
        Kind::Heading(h) if !matches!(starts[n].role, Role::Aside) => match h.style {
            Style::Markdown(level) if !asks(&h.title) && !ends_asking(&h.title) => level,
            _ => return None,
        },
        _ => return None,
    };
    let mut m = n + 1;
    while m < starts.len() {
        match &lines[starts[m].line].kind {
            Kind::Heading(h) if matches!(h.style, Style::Markdown(l) if l <= level) => break,
            _ => m += 1,
        }
    }
    let end = starts.get(m).map_or(lines.len(), |s| s.line);
    let list = link_items(&lines[at + 1..end])?;
    (list.linked >= 3 && list.linked * 3 >= list.items * 2).then_some((m, list))
}

/// What a list of links holds: its items, those that are a link and nothing else, and those
/// links whose words ask.
struct LinkList {
    items: usize,
    linked: usize,
    asking: usize,
}

/// The links of lines that are nothing but list items or bare lines (no Markdown heading, no
/// code), or `None`.
fn link_items(part: &[Ln<'_>]) -> Option<LinkList> {
    let mut items = 0;
    let mut links = 0;
    let mut asking = 0;
    for l in part {
        match &l.kind {
            Kind::Blank => continue,
            Kind::Heading(h) if matches!(h.style, Style::Markdown(_)) => return None,
            Kind::Heading(_) | Kind::Text => {}
            _ => return None,
        }
        // The item as typed, without its bullet or number (a heading's title keeps only a
        // link's words).
        let t = without_space_entities(l.text);
        let text = blocks::bullet_item(t).unwrap_or_else(|| without_number(t));
        items += 1;
        if let Some(words) = link_words(text) {
            links += 1;
            if asks(words) || ends_asking(words) {
                asking += 1;
            }
        }
    }
    Some(LinkList {
        items,
        linked: links,
        asking,
    })
}

/// Is this line a link and nothing else, as a list item or bare (`- [1、什么是…](#1什么是)`,
/// `&emsp;[2. 简述…](#w2)`)?
pub(crate) fn link_line(text: &str) -> bool {
    let t = without_space_entities(text);
    link_words(blocks::bullet_item(t).unwrap_or_else(|| without_number(t))).is_some()
}

/// A line trimmed of white space and of the HTML spaces typed to indent it (`&emsp;[1. …](#w1)`).
fn without_space_entities(text: &str) -> &str {
    let mut t = text.trim();
    while let Some(rest) = ["&emsp;", "&ensp;", "&nbsp;"]
        .iter()
        .find_map(|e| t.strip_prefix(e))
    {
        t = rest.trim_start();
    }
    t
}

/// A list item's text without its number (`1. `, `2、`, `3) `).
fn without_number(t: &str) -> &str {
    let rest = t.trim_start_matches(|c: char| c.is_ascii_digit());
    if rest.len() == t.len() {
        return t;
    }
    rest.strip_prefix(['.', '、', ')', '）'])
        .map_or(t, |r| r.trim_start())
}

/// The words of a text that is one Markdown link and nothing else (`[HTTP 缓存](#http-2)`).
pub(crate) fn link_words(text: &str) -> Option<&str> {
    let t = text.trim();
    let inner = t.strip_prefix('[')?.strip_suffix(')')?;
    let (words, target) = inner.split_once("](")?;
    (!words.contains("](") && !target.contains(char::is_whitespace)).then_some(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_and_nothing_else() {
        assert_eq!(link_words("[HTTP 缓存](#http-2)"), Some("HTTP 缓存"));
        assert_eq!(link_words("[a](x) and [b](y)"), None);
        assert_eq!(link_words("见 [文档](x)"), None);
        assert_eq!(
            without_number("1.  [HTTP 概述](#http-1)"),
            "[HTTP 概述](#http-1)"
        );
        assert_eq!(without_number("10 个"), "10 个");
    }
}
