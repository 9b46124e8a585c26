//! A bullet that names a group of questions, the questions nested under it.
//!
//! ```text
//! * 代码阅读题，说输出结果         ← a card
//! * 手写代码                     ← names a group: asks nothing itself
//!     * 解析一个 unix 文件路径      ← a question
//!     * 根据前序和中序遍历重建二叉树  ← a question
//! * 有什么想问的                  ← a card
//!
//!   - 数据库相关                  ← names a group, inside some answer or not
//!     - 数据库索引结构，什么情况下建唯一索引？
//!     - 数据库分页语句如何写？
//! ```
//!
//! People jot interview questions as bullets and gather some under a bullet that names their
//! subject. A bullet that asks nothing, over two or more nested one-liners with nothing under
//! them, is such a subject when the nested bullets read as questions: half of them end in a
//! question mark, or the bullet sits right between bare one-line cards of its list (a list of
//! questions, not of answered topics) at the margin, or in a checklist whose nested bullets
//! carry to-do boxes (`- [ ] 作用域链`). Nested points that state (`- 速度快。`), sit under a
//! bullet that asks or states, or under a card deeper in an outline of subjects
//! (`- 浏览器` / `  - 浏览器渲染过程` / `    - 解析 HTML 生成 DOM 树`), stay its answer. A
//! bullet over a nested question and its answer (`- ### 图像格式` / `  + 题目: …？` /
//! `  + 解答: …`) names no group: it is one card, and outside any card it starts one.

use crate::parse::asking::{asks, bullet_asks, question_like};
use crate::parse::line::{self, Kind};
use crate::parse::{Ln, Role, Start, blocks};

/// Characters past which a bullet is a sentence, not the name of a group.
const GROUP_CHARS: usize = 40;

/// Characters past which a nested bullet is a paragraph, not a question jotted down.
const STUB_CHARS: usize = 80;

/// Add a record at each nested bullet of a bullet that names a group of questions.
pub(crate) fn split_nested_question_bullets(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let mut at = Vec::new();
    // Bullets over a nested question and its answer, outside any card: cards of their own.
    let mut answered = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        match group_at(lines, starts, i) {
            Some(Nested::Questions(items)) => {
                i = items.last().map_or(i, |&j| j) + 1;
                at.extend(items);
            }
            Some(Nested::Answered) => {
                // Not inside a card, nor at a start of another kind (a section's line).
                let k = starts.partition_point(|s| s.line <= i);
                if k == 0
                    || !(starts[k - 1].line == i
                        || matches!(starts[k - 1].role, Role::Record { .. }))
                {
                    answered.push(i);
                }
                i += 1;
            }
            None => i += 1,
        }
    }
    if !answered.is_empty() {
        starts.extend(answered.into_iter().map(|line| {
            Start {
                line,
                rank: None,
                role: Role::question(
                    bullet(&lines[line])
                        .map_or(lines[line].text, |(_, t)| t.trim_start_matches('#').trim()),
                ),
            }
        }));
        starts.sort_by_key(|s| s.line);
    }
    let at: Vec<usize> = at
        .into_iter()
        .filter(|&i| !super::is_start(starts, i))
        .collect();
    if at.is_empty() {
        return;
    }
    starts.extend(at.into_iter().map(|line| Start {
        line,
        rank: None,
        role: Role::question(bullet(&lines[line]).map_or(lines[line].text, |(_, t)| unboxed(t))),
    }));
    starts.sort_by_key(|s| s.line);
}

/// A bullet line's indent (in columns) and its text without the bullet.
pub(super) fn bullet<'a>(line: &Ln<'a>) -> Option<(usize, &'a str)> {
    if !matches!(line.kind, Kind::Text) {
        return None;
    }
    let body = line.text.trim_start_matches([' ', '\t', '\u{3000}']);
    let item = blocks::bullet_item(body)?;
    Some((super::indent_columns(line.text), item.trim()))
}

/// The text of a bullet without its to-do box.
fn unboxed(item: &str) -> &str {
    boxed(item).unwrap_or(item)
}

/// The text of a to-do item (`[ ] 作用域链`) after its box.
fn boxed(item: &str) -> Option<&str> {
    blocks::after_task_box(item).map(str::trim)
}

/// Does a nested bullet ask, by its question mark (`数据库分页语句如何写？`)? A string of them
/// after a space (`Vue.extend()  ？？？`) is a puzzled remark, not a question.
fn asks_plainly(text: &str) -> bool {
    let t = text.trim_end();
    let mut tail = t.chars().rev().skip(1);
    bullet_asks(t)
        && tail
            .next()
            .is_some_and(|c| !c.is_whitespace() && !matches!(c, '?' | '？'))
}

/// A bullet at `indent` that starts a record and is no sentence that states: a card of the
/// list the group bullet stands in.
fn bare_card(lines: &[Ln<'_>], starts: &[Start], i: usize, indent: usize) -> bool {
    super::is_start(starts, i)
        && bullet(&lines[i]).is_some_and(|(d, t)| d == indent && !t.ends_with(['。', '；']))
}

/// Can a bullet's text name a group of questions: a few words that neither ask nor state?
pub(crate) fn names_group(name: &str) -> bool {
    !(name.is_empty()
        || name.chars().count() > GROUP_CHARS
        || name.ends_with(['。', '；', ';', '.', '！', '!'])
        // Clauses (`RMI协议只能使用java，RPC是通用协议`): a sentence that states, no name.
        || name.contains(['，', ','])
        || bullet_asks(name)
        || asks(name)
        || question_like(name))
}

/// What the bullets nested under a bullet are.
enum Nested {
    /// Questions the bullet names a group of: these lines.
    Questions(Vec<usize>),
    /// A question and its answer (`+ 题目: …？` / `+ 解答: …`): the bullet is one card.
    Answered,
}

/// The nested bullets under the bullet at `i`, if it names a group of questions, or holds one
/// question answered.
fn group_at(lines: &[Ln<'_>], starts: &[Start], i: usize) -> Option<Nested> {
    let (indent, item) = bullet(&lines[i])?;
    if !names_group(unboxed(item)) {
        return None;
    }
    // The nested bullets: all at one indent deeper, each a one-liner, up to the next line at
    // the bullet's own indent or less.
    let mut items = Vec::new();
    let mut depth = None;
    let mut end = lines.len();
    for (j, l) in lines.iter().enumerate().skip(i + 1) {
        if matches!(l.kind, Kind::Blank) {
            continue;
        }
        if super::indent_columns(l.text) <= indent {
            end = j;
            break;
        }
        let (d, text) = bullet(l)?;
        if d <= indent || depth.is_some_and(|x| x != d) {
            return None;
        }
        depth = Some(d);
        items.push((j, text));
    }
    if items.len() < 2 {
        return None;
    }
    let texts: Vec<&str> = items.iter().map(|&(_, t)| unboxed(t)).collect();
    // A nested question and its answer (`+ 题目: …？` / `+ 解答: …`): the bullet over them is
    // one card. A remark labelled so (`- 本文的题目` / `  - 解释：带星号的是高频题`) asks nothing.
    if texts
        .iter()
        .any(|t| matches!(line::classify(t), Kind::Marker { answer: true, .. }))
        && texts.iter().any(|t| asks_plainly(t))
    {
        return Some(Nested::Answered);
    }
    if texts
        .iter()
        .any(|t| t.is_empty() || t.chars().count() > STUB_CHARS || t.ends_with(['。', '；', ';']))
    {
        return None;
    }
    let asked = texts.iter().filter(|t| asks_plainly(t)).count();
    // A flat list of questions at the margin, or a checklist whose boxes tick off topics to
    // learn; deeper in an outline of subjects, bare lines under a question are its answer.
    let listed = indent == 0 || items.iter().all(|&(_, t)| boxed(t).is_some());
    let among_cards = listed
        && super::is_start(starts, i)
        && previous_line(lines, i).is_some_and(|p| bare_card(lines, starts, p, indent))
        && end < lines.len()
        && bare_card(lines, starts, end, indent);
    (asked * 2 >= texts.len() || among_cards)
        .then(|| Nested::Questions(items.into_iter().map(|(j, _)| j).collect()))
}

/// The last non-blank line above `i`.
fn previous_line(lines: &[Ln<'_>], i: usize) -> Option<usize> {
    (0..i)
        .rev()
        .find(|&j| !matches!(lines[j].kind, Kind::Blank))
}

/// A numbered part of an exam or homework that names its kind (`1. **简单题**`), over indented
/// bullets each wholly bold (`   -  **软件工程的定义**`) with its answer indented under it: each
/// bold bullet is a question of that part, and the part their section. Two such bullets at
/// least, all at one indent; the part names a kind of question (`简答题`, `论述题`), or asks
/// nothing and half the bullets ask.
pub(crate) fn split_bold_sub_questions(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let mut extra = Vec::new();
    for n in 0..starts.len() {
        let (Some(rank), Role::Record { question, .. }) = (starts[n].rank, &starts[n].role) else {
            continue;
        };
        let Kind::Heading(h) = &lines[starts[n].line].kind else {
            continue;
        };
        if h.number.is_none() {
            continue;
        }
        // The bullets first: most numbered questions have none under them.
        let end = starts.get(n + 1).map_or(lines.len(), |s| s.line);
        let Some(items) = bold_sub_questions(lines, starts[n].line + 1, end) else {
            continue;
        };
        // A kind of question names the part (`简答题`, `论述题`, `名词解释题`), though its words
        // may ask (`论述`, `解释`); `主题切换`, `首屏白屏问题`, `这道题` name none.
        let plain = crate::parse::line::strip_emphasis(question);
        let kind = plain.trim().trim_end_matches([':', '：']).trim_end();
        let names_kind = kind.ends_with('题') && !kind.ends_with("问题") && !kind.ends_with("道题");
        if question.chars().count() > GROUP_CHARS
            || (!names_kind && (asks(question) || crate::parse::asking::ends_asking(question)))
        {
            continue;
        }
        let asking = items
            .iter()
            .filter(|&&(_, t)| asks(t) || bullet_asks(t))
            .count();
        // Bullets labelling the parts of one problem (`**题目**`, `**思路**`, `**参考答案**`)
        // are no questions, whatever the part is named.
        let parts = items
            .iter()
            .filter(|&&(_, t)| super::lists::part_item(t))
            .count();
        if parts * 2 < items.len() && (names_kind || asking * 2 >= items.len()) {
            starts[n].role = Role::Section {
                rank,
                title: question.clone(),
            };
            extra.extend(items.into_iter().map(|(i, t)| Start {
                line: i,
                rank: None,
                role: Role::question(t),
            }));
        }
    }
    super::merge_starts(starts, extra);
}

/// The bullets from `from` to `end` (line, bold text) if they are bold questions, each
/// answered under it (see [`split_bold_sub_questions`]).
fn bold_sub_questions<'a>(
    lines: &[Ln<'a>],
    from: usize,
    end: usize,
) -> Option<Vec<(usize, &'a str)>> {
    let first = (from..end).find(|&i| !matches!(lines[i].kind, Kind::Blank))?;
    let (indent, _) = bullet(&lines[first])?;
    let mut items = Vec::new();
    for i in first..end {
        let l = &lines[i];
        if matches!(l.kind, Kind::Blank) {
            continue;
        }
        let depth = super::indent_columns(l.text);
        if depth < indent {
            return None;
        }
        if depth == indent {
            let text = bold_bullet(l)?;
            // Its answer, indented deeper, right under it.
            let answer = lines[i + 1..end]
                .iter()
                .find(|n| !matches!(n.kind, Kind::Blank))
                .is_some_and(|n| super::indent_columns(n.text) > indent);
            if !answer {
                return None;
            }
            items.push((i, text));
        }
    }
    (items.len() >= 2).then_some(items)
}

/// The text of a bullet that is wholly bold, a closing stop or colon aside
/// (`-  **阅读《现代软件工程》的 PSP 章节**。`).
pub(super) fn bold_bullet<'a>(l: &Ln<'a>) -> Option<&'a str> {
    let (_, text) = bullet(l)?;
    let t = text
        .trim()
        .trim_end_matches(['。', '：', ':', '.'])
        .trim_end();
    crate::parse::line::bold_span(t)
}
