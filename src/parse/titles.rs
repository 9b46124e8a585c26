//! Is a plain line a title? The shapes that let an unnumbered line start a question: short
//! and unpunctuated, a label ending in a colon, set off by a break, underlined by a rule.

use super::asking::{REMARK, asks, ends_asking, interrogative, question_like};
use super::line::Kind;
use super::{Ln, blocks, line};

/// A plain text line that reads as a title: short, no sentence punctuation at its end.
/// Worked out once per line in classification ([`title_shape`]): the passes ask it of most
/// lines, several times.
pub(super) fn title_shaped(line: &Ln<'_>) -> bool {
    line.shape.title
}

/// What [`title_shaped`] says of a line whose kind and flags are final.
pub(super) fn title_shape(line: &Ln<'_>) -> bool {
    // Titles stand at the start of a line; indented lines are content.
    if line.indented() {
        return false;
    }
    // Most lines are sentences: their last character, which taking emphasis away leaves in
    // place, says no at once.
    if without_remark(line.text.trim_end()).ends_with(SENTENCE_END) {
        return false;
    }
    let plain = line::strip_emphasis(line.text);
    let t = plain.trim();
    let len = t.chars().count();
    if len == 0
        || len > 60
        || t.starts_with([
            '(', '（', '[', '【', '-', '*', '+', '>', '|', '!', '#', '/', '<', ':',
        ])
    {
        return false;
    }
    if t.ends_with(['?', '？']) {
        return true;
    }
    // `并发和并行之间的区别：` above its answer asks; `常用场景：` only leads in to a list.
    if t.ends_with([':', '：']) {
        return asks(t) && !t.contains(['。', '；']) && !line.code;
    }
    !without_remark(t).ends_with(SENTENCE_END)
        && !t.contains(['。', '；'])
        && !line.code
        && !line.structural
}

/// The text without a remark in brackets closing it (`vector遍历有哪几种方式（尽可能多）`): a
/// Chinese aside, not the end of a sentence. Brackets around no Chinese (`print(i)`) stay.
fn without_remark(text: &str) -> &str {
    if !text.ends_with(['）', ')']) {
        return text;
    }
    // The bracket that opens the closing one, found by depth from the end.
    let mut depth = 0usize;
    let mut open = None;
    for (i, c) in text.char_indices().rev() {
        match c {
            '）' | ')' => depth += 1,
            '（' | '(' => {
                depth -= 1;
                if depth == 0 {
                    open = Some(i);
                    break;
                }
            }
            _ => {}
        }
    }
    let Some(open) = open else {
        return text;
    };
    let (head, remark) = text.split_at(open);
    let chinese = remark.chars().any(super::code::is_han);
    let head = head.trim_end();
    if chinese && !head.is_empty() {
        head
    } else {
        text
    }
}

/// The sentence punctuation a title never ends with.
const SENTENCE_END: [char; 12] = [
    '。', '；', ';', '，', ',', '、', '！', '!', '…', '.', ')', '）',
];

/// A short label line ending in a colon (`GMP 调度:`, `并发场景：`): a title only where title
/// lines are the structure.
/// A remark in brackets (`中鹏云科（招爬虫，爬抖音app）：`) is an aside: the label is judged
/// without it ([`REMARK`]). Worked out once per line in classification ([`colon_label_shape`]).
pub(super) fn colon_label(line: &Ln<'_>) -> bool {
    line.shape.colon_label
}

/// What [`colon_label`] says of a line whose kind and flags are final.
pub(super) fn colon_label_shape(line: &Ln<'_>) -> bool {
    // Taking emphasis, breaks and remarks away never adds a colon; it can only uncover one
    // at the end from behind `**`, `<br>`, `</b>`, `\\`, `__` or a remark in brackets.
    let last = line.text.trim_end().chars().next_back();
    if !last.is_some_and(|c| matches!(c, ':' | '：' | '*' | '>' | '\\' | '_' | ')' | '）'))
        || !line.text.contains([':', '：'])
    {
        return false;
    }
    let plain = line::strip_emphasis(line.text);
    let bare = if plain.contains(['(', '（']) {
        REMARK.replace_all(plain.trim(), "")
    } else {
        std::borrow::Cow::Borrowed(plain.trim())
    };
    let t = bare.trim();
    t.ends_with([':', '：'])
        && t.chars().count() <= 30
        && !t.contains(['。', '；', '，'])
        && !line.code
        && !line.structural
        && !line.indented()
}

/// A title line that starts a question even inside another question's answer: after a blank
/// line, with content under it, and asking something or standing above a bare link.
pub(super) fn strong_title(lines: &[Ln<'_>], i: usize, under_topic: bool) -> bool {
    let l = &lines[i];
    let next_line = lines.get(i + 1);
    let followed = next_line.is_some_and(|n| !matches!(n.kind, Kind::Blank | Kind::Heading(_)));
    matches!(l.kind, Kind::Text)
        && title_shaped(l)
        && (under_topic || !sentence_comma(l.text))
        && after_break(lines, i, 0)
        && (ends_asking(l.text)
            || (followed
                && ((question_like(l.text) && !labelled_point(l.text))
                    || next_line.is_some_and(|n| blocks::url_only(n.text).is_some())))
            || (spaced_paragraph_follows(lines, i)
                && !l.text.contains([':', '：'])
                && interrogative(l.text)))
}

/// Is the line a point of an answer labelled by the part it tells (`场景：需要经常改变字符串内容
/// 的时候使用后两个`, `实现原理：在运行时…`): a label of a word or two before a colon, and a
/// statement after it that asks nothing, a sentence rather than the name of a topic? The label's
/// word (`场景`) names a part; it asks no question. Over a topic's name (`区别：ArrayList和
/// LinkedList`, `原理：TCP滑动窗口`) it titles a question still.
fn labelled_point(text: &str) -> bool {
    let plain = line::strip_emphasis(text);
    plain.split_once([':', '：']).is_some_and(|(label, gloss)| {
        let gloss = gloss.trim();
        let sentence = gloss.contains(['，', '。', '；', ',', ';'])
            || gloss
                .chars()
                .filter(|&c| crate::parse::code::is_han(c))
                .count()
                >= STATEMENT_HAN;
        label.trim().chars().count() <= POINT_LABEL_CHARS
            && sentence
            && !question_like(gloss)
            && !ends_asking(gloss)
    })
}

/// Most characters the label of an answer's labelled point holds (`场景`, `使用场景`).
const POINT_LABEL_CHARS: usize = 4;

/// Chinese characters from which the text after a label is a statement, not a topic's name.
const STATEMENT_HAN: usize = 12;

/// Does the text hold a comma outside brackets and code (`listOf(3.14F, 2) 的型態為？` holds
/// none: that comma parts arguments, not clauses)?
fn sentence_comma(text: &str) -> bool {
    let mut depth = 0u32;
    let mut code = false;
    for c in text.chars() {
        match c {
            '`' => code = !code,
            '(' | '（' | '[' | '【' | '{' => depth += 1,
            ')' | '）' | ']' | '】' | '}' => depth = depth.saturating_sub(1),
            '，' | ',' if depth == 0 && !code => return true,
            _ => {}
        }
    }
    false
}

/// Is the line followed by one blank line and then a paragraph (`spring cloud alibaba 使用哪些
/// 组件就可以实现`, a blank line, its answer): in notes that leave a blank line after every
/// line, this is how content stands under a title.
fn spaced_paragraph_follows(lines: &[Ln<'_>], i: usize) -> bool {
    lines
        .get(i + 1)
        .is_some_and(|n| matches!(n.kind, Kind::Blank))
        && lines.get(i + 2).is_some_and(|n| {
            matches!(n.kind, Kind::Text) && !n.indented() && !n.structural && !title_shaped(n)
        })
}

/// Does line `i` follow a break — a blank line, a closing fence, a heading, or the start of its
/// segment?
pub(super) fn after_break(lines: &[Ln<'_>], i: usize, segment_start: usize) -> bool {
    i == segment_start
        || i.checked_sub(1).is_some_and(|p| {
            matches!(
                lines[p].kind,
                Kind::Blank | Kind::Fence { .. } | Kind::Heading(_)
            )
        })
}

/// A short line underlined by a rule is a title, wherever it stands. Right on the rule after a
/// break it is a setext heading (`讲一讲快速失败` / `-----`); with a blank line before the rule,
/// or glued under a paragraph, the rule may only close a part, so the line must ask
/// (`HashMap 的put方法流程？`, a blank line, `-----`). A line that answers the lone question
/// above it, a card closed by its rule ([`rule_closed_answer`]), is no title unless it asks.
/// `front_matter`: what [`front_matter_end`](super::classify::front_matter_end) says of `lines`.
pub(super) fn underlined_title(lines: &[Ln<'_>], i: usize, front_matter: Option<usize>) -> bool {
    let l = &lines[i];
    let rule = |k: usize| {
        lines
            .get(k)
            .is_some_and(|n| matches!(n.kind, Kind::Text) && blocks::is_rule_line(n.text))
    };
    let direct = rule(i + 1);
    let spaced = lines
        .get(i + 1)
        .is_some_and(|n| matches!(n.kind, Kind::Blank))
        && rule(i + 2);
    if !(direct || spaced)
        || !matches!(l.kind, Kind::Text)
        || blocks::is_rule_line(l.text)
        || l.code
        || l.structural
        || l.indented()
        || front_matter.is_some_and(|end| i <= end)
    {
        return false;
    }
    let plain = line::strip_emphasis(l.text);
    let t = plain.trim();
    let len = t.chars().count();
    if len == 0
        || len > 60
        || t.starts_with(['-', '*', '+', '>', '|', '!', '[', '<', '#', '`'])
        || t.contains('。')
        || t.ends_with(['；', ';', '，', ',', '：', ':'])
    {
        return false;
    }
    if ends_asking(t) || asks(t) {
        return true;
    }
    // Right on its rule after a break, unless it answers the question above it (`什么是闭包？`
    // / blank / `函数和它的词法环境的组合` / `---`: a card closed by a rule).
    direct && after_break(lines, i, 0) && !rule_closed_answer(lines, i)
}

/// Is line `i` the answer of a card closed by the rule right under it (`什么是闭包？` / blank /
/// `函数和它的词法环境的组合` / `---` / `什么是原型链？`)? The question above it stands alone
/// (after a break, no list item), the line itself does not ask, and what follows the rule is
/// the next such question, or nothing. A title over its content (`虚拟 DOM` / `---` / `…`),
/// or over a list of questions (`快手 二面` / `------` / `- …？`), is none.
pub(super) fn rule_closed_answer(lines: &[Ln<'_>], i: usize) -> bool {
    let lone_question = |k: usize| {
        let l = &lines[k];
        matches!(l.kind, Kind::Text | Kind::Heading(_))
            && ends_asking(l.text)
            && blocks::bullet_item(l.text.trim_start()).is_none()
            && (k == 0
                || matches!(lines[k - 1].kind, Kind::Blank)
                || blocks::is_rule_line(lines[k - 1].text))
    };
    let rule = lines
        .get(i + 1)
        .is_some_and(|n| blocks::is_rule_line(n.text) && !matches!(n.kind, Kind::Blank));
    rule && !ends_asking(lines[i].text)
        && (0..i)
            .rev()
            .find(|&k| !matches!(lines[k].kind, Kind::Blank))
            .is_some_and(lone_question)
        && (i + 2..lines.len())
            .find(|&k| !matches!(lines[k].kind, Kind::Blank))
            .is_none_or(lone_question)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_closing_chinese_remark_is_read_past() {
        assert_eq!(
            without_remark("vector遍历有哪几种方式（尽可能多）"),
            "vector遍历有哪几种方式"
        );
        assert_eq!(
            without_remark("生成器和迭代器 (面试常问)"),
            "生成器和迭代器"
        );
        // Code and Latin asides keep their bracket; so does a remark with nothing before it.
        assert_eq!(without_remark("print(i)"), "print(i)");
        assert_eq!(without_remark("（面试常问）"), "（面试常问）");
        assert_eq!(without_remark("f（g（中））"), "f");
        assert_eq!(without_remark("a）b）"), "a）b）");
        assert_eq!(without_remark("）"), "）");
    }

    #[test]
    fn commas_between_arguments_part_no_clauses() {
        assert!(!sentence_comma("listOf(3.14F, 2) 的型態為？"));
        assert!(!sentence_comma("`f(a, b)` 會印出？"));
        assert!(sentence_comma("进程和线程，有什么区别？"));
    }
}
