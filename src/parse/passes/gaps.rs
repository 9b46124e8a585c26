//! Notes whose topics are set apart by wide gaps. Where two blank lines or more part the
//! cards already found, and such gaps come back down the file, the gap is the notes' own way
//! of starting a topic: a title or a question after every such gap opens a card, even inside
//! what another reading took as one card's answer (`托管资源和非托管资源`, two blank lines,
//! `栈先进后出，地址从高往低分配` over its second line).

use super::{blank_runs, is_start, record_before, usual_gap};
use crate::parse::asking::{asks_any_way, ends_asking};
use crate::parse::line::{self, Kind};
use crate::parse::titles::title_shaped;
use crate::parse::{Ln, Role, Start, blocks};

/// Blank lines that make a gap wide, counted in the file's usual gaps (see [`usual_gap`]).
const WIDE: usize = 2;

/// Wide gaps the file must hold for them to be its structure.
const MIN_GAPS: usize = 4;

/// Cards found so far that must stand right after a wide gap.
const MIN_FOUND: usize = 2;

/// A card at each line after a wide gap, where wide gaps part the notes (see the module).
pub(crate) fn split_wide_gaps(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    // Gaps measured in the file's usual gap first; where too few are that wide, its usual
    // gaps themselves may part the topics (notes with no blank line inside an answer).
    let wide_gaps = |wide: usize| -> Vec<usize> {
        blank_runs(lines)
            .filter(|&(_, run)| run >= wide)
            .map(|(i, _)| i)
            .collect()
    };
    let usual = usual_gap(lines);
    let mut after_gap = wide_gaps(WIDE * usual);
    if after_gap.len() < MIN_GAPS && usual > 1 {
        after_gap = wide_gaps(usual);
        // Then a topic must follow most of them: gaps that also part paragraphs of one
        // answer are the notes' spacing.
        let topics = after_gap
            .iter()
            .filter(|&&i| is_start(starts, i) || topic_line(&lines[i]))
            .count();
        // Nor where such a gap parts the paragraphs of a card under a Markdown heading, a
        // quarter of them (notes spaced out evenly, two blank lines for one). Not the last
        // such card: topics typed without a heading may follow it.
        let headed = |s: &Start| {
            matches!(s.role, Role::Record { .. }) && lines[s.line].markdown_level().is_some()
        };
        let last_headed = starts.iter().rposition(headed);
        let inside_headed = after_gap
            .iter()
            .filter(|&&i| {
                let n = starts.partition_point(|s| s.line < i);
                n > 0
                    && headed(&starts[n - 1])
                    && Some(n - 1) != last_headed
                    && lines[starts[n - 1].line + 1..i]
                        .iter()
                        .any(|l| !matches!(l.kind, Kind::Blank))
            })
            .count();
        if topics * 2 < after_gap.len() || inside_headed * 4 >= after_gap.len() {
            return;
        }
    }
    if after_gap.len() < MIN_GAPS {
        return;
    }
    let found = after_gap
        .iter()
        .filter(|&&i| {
            starts
                .binary_search_by_key(&i, |s| s.line)
                .is_ok_and(|n| matches!(starts[n].role, Role::Record { .. }))
        })
        .count();
    if found < MIN_FOUND {
        return;
    }
    // Inside the answer of a numbered Markdown heading that asks (`## 67、…怎么调试这个错误？`),
    // a title that asks nothing (`编译`, `运行`, `在Visual Studio 2019 下的输出情况如下`) heads
    // a part of it: the notes number their questions. Under a numbered line that asks, only a
    // title made of its words does (`Nodes and Links` under `7. What are nodes and links?`, the
    // caption of a picture a pasted page lost); another (`Subnet Mask`) is a topic of its own,
    // as is any such title under a numbered heading that asks nothing (`## 2. 进阶`).
    let part_title = |i: usize| {
        let numbered_question = starts[..starts.partition_point(|s| s.line < i)]
            .last()
            .is_some_and(|s| match &s.role {
                Role::Record {
                    number: Some(_),
                    question,
                } => {
                    asks_any_way(question)
                        && (lines[s.line].markdown_level().is_some()
                            || (matches!(lines[s.line].kind, Kind::Heading(_))
                                && names_from(lines[i].text, question)))
                }
                _ => false,
            });
        numbered_question && !asks_any_way(lines[i].text)
    };
    // Right under a card's own heading (`##### 真题5 类的延迟静态绑定`, two blank lines, `首先明确
    // 两个概念`), the line after the gap opens that card's answer. Not under a heading that
    // asks with a question mark: there, a title after the gap is the next card, the question
    // left unanswered.
    let answers_title = |i: usize| {
        record_before(starts, i).is_some_and(|s| {
            matches!(&s.role, Role::Record { question, .. } if !ends_asking(question))
                && lines[s.line].markdown_level().is_some()
                && lines[s.line + 1..i]
                    .iter()
                    .all(|l| matches!(l.kind, Kind::Blank))
        })
    };
    let extra: Vec<Start> = after_gap
        .into_iter()
        .filter(|&i| {
            !is_start(starts, i) && topic_line(&lines[i]) && !part_title(i) && !answers_title(i)
        })
        .map(|i| Start {
            line: i,
            rank: None,
            role: Role::question(lines[i].text),
        })
        .collect();
    if extra.is_empty() {
        return;
    }
    starts.extend(extra);
    starts.sort_by_key(|s| s.line);
}

/// Does `caption` take its words from `question`: each word of three letters or more, case
/// aside, and, in Chinese, each pair of characters?
fn names_from(caption: &str, question: &str) -> bool {
    let question = question.to_lowercase();
    let caption = caption.trim().to_lowercase();
    let words: Vec<&str> = caption
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3 && w.is_ascii())
        .collect();
    let han: Vec<char> = caption
        .chars()
        .filter(|&c| crate::parse::code::is_han(c))
        .collect();
    let pairs_held = han
        .windows(2)
        .all(|p| question.contains(&p.iter().collect::<String>()));
    (!words.is_empty() || han.len() >= 2)
        && words.iter().all(|w| question.contains(w))
        && pairs_held
}

/// A plain line at the margin that can open a topic: a title or a question (a statement closed
/// by a full stop is more answer), opening with a
/// word (not code, a quote, a formula or a row of stars) and holding no colon (a lead-in,
/// `执行顺序：`, or a label and its text, `组件的作用： 首先…`, belong to the answer above).
fn topic_line(line: &Ln<'_>) -> bool {
    let plain = line::strip_emphasis(line.text);
    matches!(line.kind, Kind::Text)
        && !line.indented()
        && !line.code
        && blocks::bullet_item(line.text).is_none()
        && line.text.chars().next().is_some_and(char::is_alphanumeric)
        && !plain.contains([':', '：'])
        && (title_shaped(line) || ends_asking(line.text))
}
