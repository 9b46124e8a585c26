//! Plain text read by what repeats down the file rather than by headings or numbers: a line
//! marker that opens every entry (`-> prompt - answer`), paragraphs that each open with a short
//! title over their body, and a title over nothing but links (a reading list).

use rayon::prelude::*;

use super::LINES_PER_TASK;
use super::{add_questions, is_start};
use crate::parse::asking::{asks, asks_any_way, ends_asking};
use crate::parse::line::{Kind, Style};
use crate::parse::titles::{colon_label, title_shaped};
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
    // Each line read alone: on every core, in order.
    let candidates: Vec<(usize, &str)> = lines
        .par_iter()
        .enumerate()
        .with_min_len(LINES_PER_TASK)
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
        .filter(|&&(i, m)| m == marker && !is_start(starts, i))
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

/// Notes kept as paragraphs set apart by blank lines, each opening with a short title over a
/// body of sentences that answer (`link和@import的区别` / `link是浏览器标签，在页面加载时…`;
/// `语义化优点` / `1、若CSS样式没有加载，…` / `2、…`): each such paragraph is one record, its title
/// the question, and the numbered lines in its body are the points of its answer, unless they
/// ask. Read so only in plain text (no Markdown heading, no fence) where three paragraphs or
/// more are titled so and they are at least two thirds of the paragraphs of two lines or more.
pub(crate) fn split_titled_paragraphs(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    if lines.iter().any(|l| match &l.kind {
        Kind::Heading(h) => matches!(h.style, Style::Markdown(_)),
        Kind::Fence { .. } => true,
        _ => false,
    }) {
        return;
    }
    let mut paragraphs: Vec<(usize, usize)> = Vec::new();
    let mut from: Option<usize> = None;
    for (i, l) in lines.iter().enumerate() {
        let blank = matches!(l.kind, Kind::Blank);
        match (from, blank) {
            (None, false) => from = Some(i),
            (Some(f), true) => {
                paragraphs.push((f, i - 1));
                from = None;
            }
            _ => {}
        }
    }
    if let Some(f) = from {
        paragraphs.push((f, lines.len() - 1));
    }
    let long: Vec<(usize, usize)> = paragraphs.into_iter().filter(|&(f, l)| l > f).collect();
    let titled: Vec<(usize, usize)> = long
        .iter()
        .copied()
        .filter(|&(f, l)| titled_paragraph(lines, f, l))
        .collect();
    if titled.len() < 3 || titled.len() * 3 < long.len() * 2 {
        return;
    }
    let mut drop = Vec::new();
    let mut extra = Vec::new();
    for &(f, l) in &titled {
        if !is_start(starts, f) {
            extra.push(f);
        }
        let lo = starts.partition_point(|s| s.line <= f);
        let hi = starts.partition_point(|s| s.line <= l);
        drop.extend(starts[lo..hi].iter().filter_map(|s| match &s.role {
            Role::Record { question, .. }
                if s.rank.is_none_or(|r| r > 6) && !asks(question) && !ends_asking(question) =>
            {
                Some(s.line)
            }
            _ => None,
        }));
    }
    if drop.is_empty() && extra.is_empty() {
        return;
    }
    // Looked up, not scanned: notes of thousands of paragraphs must not cost their square.
    drop.sort_unstable();
    starts.retain(|s| drop.binary_search(&s.line).is_err());
    add_questions(lines, starts, extra);
}

/// A paragraph that opens with a short title (no comma in it) over a body that reads as
/// sentences and asks nothing: a body of questions makes its first line a label over them.
fn titled_paragraph(lines: &[Ln<'_>], f: usize, l: usize) -> bool {
    let title = &lines[f];
    let body = &lines[f + 1..=l];
    matches!(title.kind, Kind::Text)
        && title_shaped(title)
        && !colon_label(title)
        && !title.text.contains(['，', ',', '。', '、'])
        && body
            .iter()
            .any(|b| b.text.contains(['，', '。', '；', '、', ',', ';']))
        && !body.iter().any(|b| match &b.kind {
            Kind::Heading(h) => asks(&h.title) || ends_asking(&h.title),
            _ => asks(b.text) || ends_asking(b.text),
        })
}

/// A Markdown heading kept as one card that asks nothing, whose lines mostly point to pages
/// (`### 巨人的肩膀` / `- https://github.com/…` / `-https://…` / `https://…`; `### Java Core
/// Sprout` / `><https://…>`), three or more and two in three of its lines, is a reading list
/// too: set aside, no card. `set_aside_link_contents` reads lists of `[words](target)` items
/// by what their words ask; this reads the addresses, written any way. Not a numbered heading
/// (`### 4.Post和Get` over the links that answer it), nor one that names what it compares,
/// nor pictures (`![image](https://…)`): they are content.
fn reading_cards(lines: &[Ln<'_>], starts: &mut [Start]) {
    for n in 0..starts.len() {
        let Role::Record { question, number } = &starts[n].role else {
            continue;
        };
        let at = starts[n].line;
        if lines[at].markdown_level().is_none() || number.is_some() || asks_any_way(question) {
            continue;
        }
        let end = starts.get(n + 1).map_or(lines.len(), |s| s.line);
        let (mut filled, mut linked) = (0, 0);
        for l in lines[at + 1..end]
            .iter()
            .filter(|l| !matches!(l.kind, Kind::Blank))
        {
            filled += 1;
            linked += usize::from(matches!(l.kind, Kind::Text) && cites_address(l.text));
        }
        if linked >= 3 && linked * 3 >= filled * 2 {
            starts[n].role = Role::Aside;
        }
    }
}

/// Is the line mostly an address (`- https://github.com/…`, `><https://…>`, `[编程之法](https://…)`,
/// `top命令查看：https://…`, a title with no clauses)? A point that cites its source after a
/// sentence (`- 节点增减时只影响相邻一段数据，迁移量小，论文 https://…`) is an answer; a picture
/// (`![image](https://…)`) is content.
fn cites_address(text: &str) -> bool {
    /// Characters of words besides the address a pointer may hold (a label, a link's title)
    /// when they run in clauses.
    const WORDS: usize = 16;
    if text.contains("![") {
        return false;
    }
    let mut rest = text
        .trim()
        .trim_start_matches(['-', '*', '+', '>', ' '])
        .to_owned();
    let mut found = false;
    while let Some(at) = rest.find("http://").or_else(|| rest.find("https://")) {
        // An address ends where Chinese punctuation or a closing bracket begins (`…/x，迁移量小`).
        let end = rest[at..]
            .find(|c: char| {
                c.is_whitespace() || matches!(c, ')' | '>' | '）' | '，' | '。' | '：' | '；')
            })
            .map_or(rest.len(), |e| at + e);
        rest.replace_range(at..end, "");
        found = true;
    }
    let words = rest
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | '(' | ')' | '<' | '>' | ' '))
        .count();
    found && (words <= WORDS || !rest.contains(['，', '。', '；']))
}

/// A title over nothing but links (three lines or more holding a URL, up to a rule or a gap of
/// blank lines) is a reading list, not a question a link answers: it is set aside. What
/// follows the list stands on its own: a label alone on its line (`session对象生命周期：`) groups
/// the lines after it, a title opens a record. Heading cards that hold reading lists are set
/// aside first ([`reading_cards`]).
pub(crate) fn set_aside_link_lists(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    reading_cards(lines, starts);
    let link = |l: &Ln<'_>| l.text.contains("http://") || l.text.contains("https://");
    let mut extra = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let t = &lines[i];
        let titled = matches!(t.kind, Kind::Text)
            && title_shaped(t)
            && !link(t)
            && !ends_asking(t.text)
            && !asks(t.text)
            && !is_start(starts, i);
        if !titled || !lines.get(i + 1).is_some_and(link) {
            i += 1;
            continue;
        }
        // The list: up to a rule, a heading, a start or two blank lines in a row.
        let mut end = i + 1;
        let mut blanks = 0;
        while end < lines.len() {
            let l = &lines[end];
            if matches!(l.kind, Kind::Blank) {
                blanks += 1;
                if blanks >= 2 {
                    break;
                }
            } else if !matches!(l.kind, Kind::Text)
                || blocks::is_rule_line(l.text)
                || is_start(starts, end)
            {
                break;
            } else {
                blanks = 0;
            }
            end += 1;
        }
        let body: Vec<&Ln<'_>> = lines[i + 1..end]
            .iter()
            .filter(|l| !matches!(l.kind, Kind::Blank))
            .collect();
        let linked = body.iter().filter(|l| link(l)).count();
        if linked < 3 || linked * 3 < body.len() * 2 {
            i += 1;
            continue;
        }
        extra.push(Start {
            line: i,
            rank: None,
            role: Role::Aside,
        });
        // What comes next, past blank lines and rules, starts on its own.
        let next = (end..lines.len()).find(|&k| {
            !matches!(lines[k].kind, Kind::Blank) && !blocks::is_rule_line(lines[k].text)
        });
        if let Some(k) = next.filter(|&k| !is_start(starts, k)) {
            let l = &lines[k];
            let alone = lines
                .get(k + 1)
                .is_none_or(|n| matches!(n.kind, Kind::Blank));
            if matches!(l.kind, Kind::Text) && colon_label(l) && alone {
                extra.push(Start {
                    line: k,
                    rank: Some(crate::parse::LABEL_RANK),
                    role: Role::label(l.text),
                });
            } else if matches!(l.kind, Kind::Text) && title_shaped(l) {
                extra.push(Start {
                    line: k,
                    rank: None,
                    role: Role::question(l.text),
                });
            }
        }
        i = end;
    }
    if extra.is_empty() {
        return;
    }
    starts.extend(extra);
    starts.sort_by_key(|s| s.line);
}
