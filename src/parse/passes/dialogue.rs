//! Interview transcripts: `面试官：说说 GMP 模型。` / `我：G 是协程……`, speaker by speaker;
//! quoted or as bullets, names in bold, too (`> **面试官:** …` / `> **候选人:** …`,
//! `* **面试官**：“…”` / `* **我**：…`).

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use rayon::prelude::*;
use regex::Regex;

use super::LINES_PER_TASK;
use crate::parse::asking::{asks, question_like};
use crate::parse::line::{Kind, Style};
use crate::parse::{Ln, Role, Start};

/// A line opened by a name and a colon (`面试官：`, `Interviewer:`, `我：`), up to the first
/// character of what is said; [`speaker`] says whether the name is a speaker's.
static SPEAKER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[\p{Han}A-Za-z]+[ \t]*[：:][ \t\u{3000}]*\S").unwrap());

/// The speaker's name (twelve letters at most) and what they say, on a (trimmed) line that
/// [`SPEAKER`] opens: what `^([\p{Han}A-Za-z]{1,12})[ \t]*[：:][ \t\u{3000}]*(\S.*)$` captures.
/// Found from where the match ends, without captures: the regex neither walks the whole line
/// nor runs its slow engines. The name is the whole run of letters before the colon, so it
/// ends at the first blank or colon and a bounded repeat is a count.
fn speaker(line: &str) -> Option<(&str, &str)> {
    let head = &line[..SPEAKER.find(line)?.end()];
    let name = &head[..head.find([' ', '\t', ':', '：'])?];
    let said = &line[head.char_indices().next_back()?.0..];
    // `.` stops at a line break: `(\S.*)$` would not match what holds one.
    (name.chars().nth(12).is_none() && !said.contains('\n')).then_some((name, said))
}

/// A transcript: unindented lines opened by two speakers' names that take turns, the first
/// speaker's lines mostly asking or requesting (`面试官：写个 LRU 吧。`). Each line of the
/// first speaker is a question, the other speaker's lines under it are its answer (a reply that
/// asks back too); a heading
/// with nothing of its own over the transcript is its topic. Three turns at least, and the
/// two names open four lines in five of those that open with a name, so alternating fields
/// (`优点：` / `缺点：`, which state) are no dialogue.
pub(crate) fn split_dialogue(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    // Each line read alone: on every core, in order.
    let said: Vec<(usize, &str, &str)> = lines
        .par_iter()
        .enumerate()
        .with_min_len(LINES_PER_TASK)
        .filter(|(_, l)| matches!(l.kind, Kind::Text | Kind::Marker { .. }) && !l.indented())
        .filter_map(|(i, l)| {
            let (name, said) = turn(l.text.trim_end())?;
            (!name.eq_ignore_ascii_case("http") && !name.eq_ignore_ascii_case("https"))
                .then_some((i, name, said))
        })
        .collect();
    // The asker is the first name that takes turns with another, mostly asking: fields typed
    // like speakers before the transcript (`* **时间**：2019-3-15`) ask nothing.
    // Each name once, in the order it first speaks; a speaker says three things at least.
    let mut counts: HashMap<&str, usize> = HashMap::new();
    let mut names: Vec<&str> = Vec::new();
    for s in &said {
        *counts.entry(s.1).or_insert_with(|| {
            names.push(s.1);
            0
        }) += 1;
    }
    // A name that labels an answer (`答案解析参考这里：…`) asks nothing: no asker. A letter
    // is a speaker's name too (`A：…` / `B：…`).
    let labels_answer: HashSet<&str> = said
        .iter()
        .filter(|&&(i, n, _)| {
            !n.is_ascii() && matches!(lines[i].kind, Kind::Marker { answer: true, .. })
        })
        .map(|&(_, n, _)| n)
        .collect();
    names.retain(|n| counts[n] >= 3 && !labels_answer.contains(n));
    let Some((asker, other)) = names.iter().find_map(|&asker| transcript(&said, asker)) else {
        return;
    };
    // The other speaker answers, even when a reply asks back (`我：团队做什么业务？`).
    let replies: HashSet<usize> = said.iter().filter(|s| s.1 == other).map(|s| s.0).collect();
    starts.retain(|s| !(matches!(s.role, Role::Record { .. }) && replies.contains(&s.line)));
    let mut questions = Vec::new();
    for &(i, name, rest) in &said {
        if name != asker {
            continue;
        }
        // Already a start (it asks on its own): it asks without the speaker's name.
        let at = starts.partition_point(|s| s.line < i);
        if let Some(s) = starts.get_mut(at).filter(|s| s.line == i) {
            if matches!(s.role, Role::Record { .. }) {
                s.role = Role::question(rest);
            }
            continue;
        }
        questions.push((i, Role::question(rest)));
    }
    add_starts(lines, starts, questions);
}

/// With `asker` the first speaker, the other speaker of a transcript in `said` (line, name,
/// words), if there is one: the name that most often answers `asker`; three turns at least,
/// `asker` asking in half of its lines or more, and the two names opening four lines in five
/// of those that open with a name from `asker`'s first line to the replies after its last.
fn transcript<'a>(said: &[(usize, &'a str, &str)], asker: &'a str) -> Option<(&'a str, &'a str)> {
    let mut followers: Vec<(&str, usize)> = Vec::new();
    for w in said.windows(2) {
        if w[0].1 == asker && w[1].1 != asker {
            match followers.iter_mut().find(|f| f.0 == w[1].1) {
                Some(f) => f.1 += 1,
                None => followers.push((w[1].1, 1)),
            }
        }
    }
    let &(other, turns) = followers.iter().max_by_key(|f| f.1)?;
    // From the asker's first line to the replies after its last: the other speaker may talk
    // on in a later round with someone else (`## HR 面` / `* **HR**：…` / `* **我**：…`).
    let first = said.iter().position(|s| s.1 == asker)?;
    let mut last = said.iter().rposition(|s| s.1 == asker)?;
    while said.get(last + 1).is_some_and(|s| s.1 == other) {
        last += 1;
    }
    let span = &said[first..=last];
    let by = |name: &str| span.iter().filter(|s| s.1 == name).count();
    if turns < 3 || by(other) < 3 || (by(asker) + by(other)) * 5 < span.len() * 4 {
        return None;
    }
    // Asked last: it reads the words of every line of the asker.
    let asking = span
        .iter()
        .filter(|s| s.1 == asker && (asks(s.2) || question_like(s.2)))
        .count();
    (asking * 2 >= by(asker)).then_some((asker, other))
}

/// Add a record start at each line of `asked` (in order, none a start yet), asking its
/// question; a heading with nothing of its own over one becomes its topic (`topic_over`).
/// Sorted in once: a transcript or a deck of flash cards can hold thousands.
pub(super) fn add_starts(lines: &[Ln<'_>], starts: &mut Vec<Start>, asked: Vec<(usize, Role)>) {
    debug_assert!(starts.is_sorted_by_key(|s| s.line));
    // A start added earlier sits between a heading and a later one, so that heading has
    // something of its own there: the headings `topic_over` sees are the same as when each is
    // added in turn.
    let mut added = Vec::with_capacity(asked.len());
    for (line, role) in asked {
        topic_over(lines, starts, line);
        added.push(Start {
            line,
            rank: None,
            role,
        });
    }
    starts.extend(added);
    starts.sort_by_key(|s| s.line);
}

/// The speaker and what they say on a line of a transcript (see [`speaker`]), the line
/// possibly quoted and the name in bold (`> **面试官:** redis 做为缓存，数据的持久化是怎么做的?`,
/// `**候选人**：…`), as transcripts copied from course notes are written.
fn turn(line: &str) -> Option<(&str, &str)> {
    let t = match line.strip_prefix('>') {
        Some(quoted) => quoted.trim_start_matches(['>', ' ']),
        None => line,
    };
    // A turn may be a bullet too (`* **面试官**：“你好，先自我介绍一下。”`).
    let t = t
        .strip_prefix(['-', '*', '+'])
        .filter(|r| r.starts_with([' ', '\t']))
        .map_or(t, |r| r.trim_start_matches([' ', '\t']));
    let Some((inner, after)) = crate::parse::line::bold_lead(t) else {
        return speaker_colon(t).then(|| speaker(t)).flatten();
    };
    let after = after.trim_start_matches([' ', '\t', '\u{3000}']);
    let (name, said) = match inner.strip_suffix([':', '：']) {
        Some(name) => (name.trim_end(), after),
        None => (
            inner.trim_end(),
            after
                .strip_prefix([':', '：'])?
                .trim_start_matches([' ', '\t', '\u{3000}']),
        ),
    };
    let named =
        !name.is_empty() && name.chars().count() <= 12 && name.chars().all(char::is_alphabetic);
    (named && !said.is_empty()).then_some((name, said))
}

/// A necessary condition of [`SPEAKER`], tested first: the text before the line's first colon
/// is letters, spaces and tabs (a name). Read up to the first character that is neither, so
/// a line of prose is turned away at its first punctuation mark, not searched for a colon.
fn speaker_colon(text: &str) -> bool {
    for (at, c) in text.char_indices() {
        if c == ':' || c == '：' {
            return at > 0;
        }
        // Chinese words are runs of CJK ideographs, all letters: spare them the table lookup.
        if !(crate::parse::code::is_han(c) || c.is_alphabetic() || c == ' ' || c == '\t') {
            return false;
        }
    }
    false
}

/// The start `line` sits in, if a Markdown heading with nothing of its own before `line`,
/// becomes a topic over it.
pub(super) fn topic_over(lines: &[Ln<'_>], starts: &mut [Start], line: usize) {
    let Some(n) = starts.iter().rposition(|s| s.line < line) else {
        return;
    };
    let over = &starts[n];
    if let (Kind::Heading(h), Role::Record { question, .. }) = (&lines[over.line].kind, &over.role)
        && let Style::Markdown(level) = h.style
        && lines[over.line + 1..line]
            .iter()
            .all(|l| matches!(l.kind, Kind::Blank))
    {
        let title = question.clone();
        starts[n].role = Role::Section {
            rank: Style::Markdown(level).rank(),
            title,
        };
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use regex::Regex;

    use super::{SPEAKER, speaker, speaker_colon};

    #[test]
    fn speaker_lines() {
        for line in [
            "面试官：说说 GMP 模型。",
            "Interviewer: why?",
            "我 ：嗯",
            "Me:ok",
        ] {
            assert!(speaker_colon(line) && SPEAKER.is_match(line), "{line}");
        }
        for line in [
            "1. 面试官：",
            "：开头",
            "http://x",
            "很长很长很长很长很长很长的名字：x",
            "答",
        ] {
            assert!(!SPEAKER.is_match(line) || speaker_colon(line), "{line}");
        }
    }

    #[test]
    fn cjk_ideographs_are_letters() {
        assert!(('\u{4e00}'..='\u{9fff}').all(char::is_alphabetic));
    }

    proptest! {
        /// The quick test never turns away a line the regex takes.
        #[test]
        fn speaker_colon_is_necessary(s in "[a-zA-Z面试官我 \\t：:。1\\u{3000}]{0,20}") {
            prop_assert!(!SPEAKER.is_match(s.trim_end()) || speaker_colon(&s));
        }

        /// The name and what is said are what the whole-line pattern captures.
        #[test]
        fn speaker_is_the_whole_line_pattern(
            s in "[a-zA-Z面试官我 \\t：:。1\\u{3000}\\u{a0}\\n\\r]{0,24}"
        ) {
            static WHOLE: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
                Regex::new(r"^([\p{Han}A-Za-z]{1,12})[ \t]*[：:][ \t\u{3000}]*(\S.*)$").unwrap()
            });
            let line = s.trim_end();
            let whole = WHOLE
                .captures(line)
                .map(|c| (c.get(1).unwrap().as_str(), c.get(2).unwrap().as_str()));
            prop_assert_eq!(speaker(line), whole);
        }
    }
}
