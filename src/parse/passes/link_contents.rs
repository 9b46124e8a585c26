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
pub(crate) fn set_aside_link_contents(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let mut drop = vec![false; starts.len()];
    let mut found = false;
    let mut n = 0;
    while n < starts.len() {
        let at = starts[n].line;
        let level = match &lines[at].kind {
            Kind::Heading(h) if !matches!(starts[n].role, Role::Aside) => match h.style {
                Style::Markdown(level) if !asks(&h.title) && !ends_asking(&h.title) => level,
                _ => {
                    n += 1;
                    continue;
                }
            },
            _ => {
                n += 1;
                continue;
            }
        };
        // The part: up to the next start at a Markdown heading of this level or above.
        let mut m = n + 1;
        while m < starts.len() {
            match &lines[starts[m].line].kind {
                Kind::Heading(h) if matches!(h.style, Style::Markdown(l) if l <= level) => break,
                _ => m += 1,
            }
        }
        let end = starts.get(m).map_or(lines.len(), |s| s.line);
        let part = &lines[at + 1..end];
        if !link_list(part) {
            n += 1;
            continue;
        }
        found = true;
        let asking_items = part.iter().filter(|l| plain_asking_item(l)).count();
        let own = &starts[n + 1..m];
        let kept = own
            .iter()
            .filter(|s| {
                matches!(s.role, Role::Record { .. }) && plain_asking_item(&lines[s.line])
            })
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
    part.iter().filter(|l| !matches!(l.kind, Kind::Blank)).count()
}

/// Are these lines nothing but a list of links, most of them naming no question?
fn link_list(part: &[Ln<'_>]) -> bool {
    let mut items = 0;
    let mut links = 0;
    let mut asking = 0;
    for l in part {
        match &l.kind {
            Kind::Blank => continue,
            Kind::Heading(h) if matches!(h.style, Style::Markdown(_)) => return false,
            Kind::Heading(_) | Kind::Text => {}
            _ => return false,
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
    links >= 3 && links * 3 >= items * 2 && asking * 2 < links
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
fn link_words(text: &str) -> Option<&str> {
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
