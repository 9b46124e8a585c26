//! Interview transcripts: `面试官：说说 GMP 模型。` / `我：G 是协程……`, speaker by speaker.

use std::sync::LazyLock;

use regex::Regex;

use crate::parse::asking::{asks, question_like};
use crate::parse::line::{Kind, Style};
use crate::parse::{Ln, Role, Start};

/// A line opened by a speaker's name and a colon (`面试官：`, `Interviewer:`, `我：`).
static SPEAKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([\p{Han}A-Za-z]{1,12})[ \t]*[：:][ \t\u{3000}]*(\S.*)$").unwrap()
});

/// A transcript: unindented lines opened by two speakers' names that take turns, the first
/// speaker's lines mostly asking or requesting (`面试官：写个 LRU 吧。`). Each line of the
/// first speaker is a question, the other speaker's lines under it are its answer (a reply that
/// asks back too); a heading
/// with nothing of its own over the transcript is its topic. Three turns at least, and the
/// two names open four lines in five of those that open with a name, so alternating fields
/// (`优点：` / `缺点：`, which state) are no dialogue.
pub(crate) fn split_dialogue(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let said: Vec<(usize, &str, &str)> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| matches!(l.kind, Kind::Text | Kind::Marker { .. }) && !l.indented())
        .filter_map(|(i, l)| {
            let c = SPEAKER.captures(l.text.trim_end())?;
            let name = c.get(1)?.as_str();
            (!name.eq_ignore_ascii_case("http") && !name.eq_ignore_ascii_case("https"))
                .then(|| (i, name, c.get(2).map_or("", |m| m.as_str())))
        })
        .collect();
    let Some(&(_, asker, _)) = said.first() else {
        return;
    };
    let Some(&(_, other, _)) = said.iter().find(|s| s.1 != asker) else {
        return;
    };
    let by = |name: &str| said.iter().filter(|s| s.1 == name).count();
    let turns = said
        .windows(2)
        .filter(|w| w[0].1 == asker && w[1].1 == other)
        .count();
    let asking = said
        .iter()
        .filter(|s| s.1 == asker && (asks(s.2) || question_like(s.2)))
        .count();
    if turns < 3
        || (by(asker) + by(other)) * 5 < said.len() * 4
        || asking * 2 < by(asker)
        || by(other) < 3
    {
        return;
    }
    // The other speaker answers, even when a reply asks back (`我：团队做什么业务？`).
    starts.retain(|s| {
        !(matches!(s.role, Role::Record { .. })
            && said
                .iter()
                .any(|&(i, name, _)| i == s.line && name == other))
    });
    for &(i, name, rest) in &said {
        if name != asker {
            continue;
        }
        // Already a start (it asks on its own): it asks without the speaker's name.
        if let Some(s) = starts.iter_mut().find(|s| s.line == i) {
            if matches!(s.role, Role::Record { .. }) {
                s.role = Role::question(rest);
            }
            continue;
        }
        topic_over(lines, starts, i);
        starts.push(Start {
            line: i,
            rank: None,
            role: Role::question(rest),
        });
        starts.sort_by_key(|s| s.line);
    }
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
