//! Plain text whose topics are short lines at the margin, each standing over a blank line and
//! then its answer — glued under the answer before it or not.

use super::{add_questions, is_start};
use crate::parse::asking::ends_asking;
use crate::parse::line::Kind;
use crate::parse::{Ln, Role, Start, blocks, line};

/// Most characters a topic line runs to.
const MAX_CHARS: usize = 40;

/// Notes pasted as topics over answers (`Spring bean的生命周期`, a blank line, then the steps at
/// the margin or a paragraph indented under it): a short unpunctuated line at the margin with a
/// blank line under it and its answer after that is a topic. Once that is how the file is
/// written — three such topics at least, two of them after a blank line of their own, and they
/// are at least two thirds of the margin lines that stand over a blank line and more text —
/// each one opens a record, even glued right under the last line of the answer before it: an
/// answer line is followed by more answer, a topic by its blank line. Lines inside an answer
/// that earlier passes took for questions, without asking, are part of it again. Read so
/// only in plain text: no heading, number or fence anywhere, and no line read as a group label
/// or set aside already (`数组`, a blank line, then problem lines: a label over its list).
pub(crate) fn split_titles_over_blank(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    if lines
        .iter()
        .any(|l| matches!(l.kind, Kind::Heading(_) | Kind::Fence { .. }))
        || starts
            .iter()
            .any(|s| !matches!(s.role, Role::Record { number: None, .. }))
    {
        return;
    }
    let over_blank = |i: usize| {
        matches!(lines[i].kind, Kind::Text)
            && !lines[i].indented()
            && lines
                .get(i + 1)
                .is_some_and(|n| matches!(n.kind, Kind::Blank))
            && lines
                .get(i + 2)
                .is_some_and(|n| !matches!(n.kind, Kind::Blank))
    };
    let candidates: Vec<usize> = (0..lines.len()).filter(|&i| over_blank(i)).collect();
    let topics: Vec<usize> = candidates
        .iter()
        .copied()
        // Over another topic (which has its own blank line under it) a line is a group label.
        .filter(|&i| topic_shaped(&lines[i]) && !(topic_shaped(&lines[i + 2]) && over_blank(i + 2)))
        .collect();
    let apart = topics
        .iter()
        .filter(|&&i| i == 0 || matches!(lines[i - 1].kind, Kind::Blank))
        .count();
    if topics.len() < 3 || apart < 2 || topics.len() * 3 < candidates.len() * 2 {
        return;
    }
    // Record starts inside the answers that ask nothing: lines of those answers.
    let mut drop = Vec::new();
    for (n, &t) in topics.iter().enumerate() {
        let end = topics.get(n + 1).copied().unwrap_or(lines.len());
        let lo = starts.partition_point(|s| s.line <= t);
        let hi = starts.partition_point(|s| s.line < end);
        drop.extend(starts[lo..hi].iter().filter_map(|s| match &s.role {
            Role::Record { number: None, .. }
                if s.rank.is_none() && !ends_asking(lines[s.line].text) =>
            {
                Some(s.line)
            }
            _ => None,
        }));
    }
    starts.retain(|s| drop.binary_search(&s.line).is_err());
    let extra: Vec<usize> = topics
        .into_iter()
        .filter(|&i| !is_start(starts, i))
        .collect();
    add_questions(lines, starts, extra);
}

/// A topic line: short, at the margin, no sentence in it and none ended (a closing remark in
/// brackets, `SpringMvc的参数绑定(从请求中接收参数)`, may end it), no code, bullet or rule.
fn topic_shaped(l: &Ln<'_>) -> bool {
    let plain = line::strip_emphasis(l.text);
    let t = plain.trim();
    let bare = t.trim_end_matches([')', '）']);
    matches!(l.kind, Kind::Text)
        && !l.indented()
        && !l.code
        && !l.structural
        && blocks::bullet_item(l.text).is_none()
        && !blocks::is_rule_line(l.text)
        && (1..=MAX_CHARS).contains(&t.chars().count())
        && !t.starts_with(['<', '(', '（', '[', '【', '|', '>', '/', '#'])
        && !t.contains(['。', '；', ';', '，', ',', '：', ':'])
        && !bare.ends_with(['、', '！', '!', '…', '.'])
        && (bare.len() == t.len() || t.contains(['(', '（']))
}
