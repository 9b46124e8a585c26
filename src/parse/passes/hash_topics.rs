//! Plain text whose topics are tagged with a `#` glued to their words (`#JDK`, `#java特性#：`)
//! at the margin, each over its notes: indented below it, or, set off by a blank line above,
//! in words right under it.

use super::add_questions;
use crate::parse::code::is_han;
use crate::parse::line::Kind;
use crate::parse::{Ln, Role, Start};

/// Fewest tagged margin lines that make the convention.
const MIN_TOPICS: usize = 4;

/// Most characters a tagged topic line runs to.
const MAX_CHARS: usize = 60;

/// Words a `#` opens in unfenced code (C preprocessor, C# regions), never a topic.
const DIRECTIVES: &[&str] = &[
    "include",
    "define",
    "undef",
    "if",
    "ifdef",
    "ifndef",
    "else",
    "elif",
    "endif",
    "pragma",
    "import",
    "region",
    "endregion",
    "error",
    "line",
];

/// In plain text (no Markdown heading), where four or more lines at the margin open with a `#`
/// glued to their words (`#JDK`, `#java特性#：`) and most of them have their notes right under
/// them (indented, or in words under a tag set off by a blank line), each such line names a
/// topic: it starts a record, whether or not a blank line sets it off from the notes of the
/// topic above.
pub(crate) fn split_hash_topics(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    if lines.iter().any(|l| l.markdown_level().is_some()) {
        return;
    }
    let tagged: Vec<usize> = (0..lines.len())
        .filter(|&i| hash_topic(&lines[i]))
        .collect();
    if tagged.len() < MIN_TOPICS {
        return;
    }
    // Notes hang under a topic: its next non-blank line is indented, or, the topic set off by
    // a blank line above it, its notes follow right under it at the margin, in words (a
    // command alone under a `#安装依赖` is a script's comment over its code).
    let hangs = |i: usize| {
        let set_off = i == 0 || matches!(lines[i - 1].kind, Kind::Blank);
        lines[i + 1..]
            .iter()
            .position(|l| !l.text.trim().is_empty())
            .is_some_and(|k| {
                let next = &lines[i + 1 + k];
                next.indented()
                    || (set_off
                        && k == 0
                        && !next.code
                        && !hash_topic(next)
                        && next.text.chars().any(is_han))
            })
    };
    let hanging = tagged.iter().filter(|&&i| hangs(i)).count();
    if hanging * 3 < tagged.len() * 2 {
        return;
    }
    add_questions(lines, starts, tagged);
    // The topic's own words, without the tag marks, are what it asks.
    for s in starts.iter_mut() {
        if hash_topic(&lines[s.line])
            && let Role::Record { question, .. } = &mut s.role
            && question.starts_with('#')
        {
            let words = question.trim_start_matches('#').replacen('#', " ", 1);
            let words = words.trim().trim_end_matches([':', '：']).trim();
            words.clone_into(question);
        }
    }
}

/// A line at the margin opening with one `#` glued to a word that no code directive begins,
/// the only tag on the line.
fn hash_topic(l: &Ln<'_>) -> bool {
    if !matches!(l.kind, Kind::Text) || l.code || l.indented() {
        return false;
    }
    let Some(rest) = l.text.strip_prefix('#') else {
        return false;
    };
    let Some(first) = rest.chars().next() else {
        return false;
    };
    // One tag to a line: `#MySQL #索引 #面试` tags a diary entry.
    if !(first.is_alphanumeric()) || rest.trim().chars().count() > MAX_CHARS || rest.contains(" #")
    {
        return false;
    }
    let word: String = rest.chars().take_while(char::is_ascii_alphabetic).collect();
    let after = rest[word.len()..].chars().next();
    // `#include <a.h>`, `#define N 10`: a directive word followed by a space or nothing.
    !(DIRECTIVES.contains(&word.as_str()) && after.is_none_or(|c| c == ' ' || c == '\t'))
}
