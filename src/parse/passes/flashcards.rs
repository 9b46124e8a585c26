//! Flash cards written for a spaced-repetition plugin: `What is a thread?::A unit of…` on one
//! line, or the question, a line with only `?`, and the answer under it; and Markdown
//! definition lists (`Mutex` / `: A lock that…`), a term over its definitions; and terms to
//! explain under a `名词解释` heading (`菜单成本:` / `调整价格带给企业的成本.`).

use super::is_start;
use std::sync::LazyLock;

use regex::Regex;

use super::dialogue::add_starts;
use crate::parse::asking::{asks, ends_asking};
use crate::parse::line::{self, Kind, Style};
use crate::parse::{Ln, Role, Start};

/// `question?::answer` (`:::` for a card that is also reversed).
static INLINE_CARD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\S.*?[?？][ \t]*:{2,3}[ \t]*\S").unwrap());

/// Cards in the flash-card syntax, two at least so the syntax is the notes' own: each
/// `question?::answer` line is a card, and so is each paragraph over a `?` line (the
/// paragraph asks, the lines under the `?` answer). A heading with nothing of its own over
/// such cards is their topic.
pub(crate) fn split_flash_cards(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let mut cards = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        match &l.kind {
            Kind::Text if !l.code && l.text.contains("::") && INLINE_CARD.is_match(l.text) => {
                cards.push(i);
            }
            Kind::Marker { text, .. } if matches!(text.label(), "?" | "??") => {
                // The question is the paragraph right above the `?`.
                let mut q = i;
                while q > 0 && matches!(lines[q - 1].kind, Kind::Text) && !lines[q - 1].code {
                    q -= 1;
                }
                if q < i {
                    cards.push(q);
                }
            }
            _ => {}
        }
    }
    if cards.len() < 2 {
        return;
    }
    cards.sort_unstable();
    cards.dedup();
    add_cards(lines, starts, &cards);
}

/// Each of `cards` (lines, in order) that is no start yet starts a record asking what it says.
fn add_cards(lines: &[Ln<'_>], starts: &mut Vec<Start>, cards: &[usize]) {
    let asked = cards
        .iter()
        .filter(|&&i| !is_start(starts, i))
        .map(|&i| (i, Role::question(lines[i].text)))
        .collect();
    add_starts(lines, starts, asked);
}

/// Definition lists (Pandoc, PHP Markdown Extra, kramdown): a term alone on its line with one
/// or more `: definition` lines right under it. With two terms at least, each term is a card
/// asking for its definition; a heading with nothing of its own over them is their topic.
pub(crate) fn split_definition_lists(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let definition = |l: &Ln<'_>| matches!(l.kind, Kind::Text) && l.text.starts_with(": ");
    let terms: Vec<usize> = (0..lines.len().saturating_sub(1))
        .filter(|&i| {
            let l = &lines[i];
            matches!(l.kind, Kind::Text | Kind::Heading(_))
                && !l.indented()
                && !definition(l)
                && definition(&lines[i + 1])
                && (i == 0 || matches!(lines[i - 1].kind, Kind::Blank))
        })
        .collect();
    if terms.len() < 2 {
        return;
    }
    add_cards(lines, starts, &terms);
}

/// Terms to explain (`名词解释`, the exam's term questions): under a heading naming them
/// (`# 期末名词解释题复习`, `## 术语表`, `## Glossary`), a term alone on its line and ending in a
/// colon (`实际余额效应 (财富效应):`), after a blank line and over its explanation, asks what it
/// means; so does a term and its explanation after the colon on one line (`人力资本: 劳动者…`).
/// Three such terms at least (headings there that define themselves count), so the layout is
/// the notes' own. The headings over terms are their topics, and no explanation runs past one.
pub(crate) fn split_glossary_terms(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    // The Markdown headings open at a line: each names a glossary (true), something else to
    // answer (false: `## 简答题`, a heading that asks), or neither; the nearest that names
    // either decides.
    let mut open: Vec<(u8, Option<bool>)> = Vec::new();
    let in_glossary =
        |open: &[(u8, Option<bool>)]| open.iter().rev().find_map(|&(_, g)| g) == Some(true);
    let mut terms = Vec::new();
    // Lines labelling a part of an explanation (`例如: …`, `References: 《…》`).
    let mut labels = Vec::new();
    // Headings inside a glossary, whether each has text of its own before a term, and whether
    // that text defines the heading (`## 进程` / `进程是程序在…的一次运行过程`).
    let mut topics: Vec<(usize, u8, bool, bool)> = Vec::new();
    // Whether the nearest line above that is neither blank nor a bullet is a heading that names
    // terms (`## Key Terms`): its bullets are terms (see [`bullet_term`]).
    let mut under_terms_heading = false;
    for (i, l) in lines.iter().enumerate() {
        if let Kind::Heading(h) = &l.kind
            && let Style::Markdown(level) = h.style
        {
            let was = in_glossary(&open);
            while open.last().is_some_and(|&(lv, _)| lv >= level) {
                open.pop();
            }
            let names = glossary_heading(&h.title);
            under_terms_heading = names == Some(true);
            open.push((level, names));
            if in_glossary(&open) {
                topics.push((i, level, false, false));
            } else if was && !terms.is_empty() {
                // The heading that closes the glossary (`## 说明` after `## Key Terms`) ends its
                // last term too: a card if text of its own follows it.
                let own = lines[i + 1..]
                    .iter()
                    .find(|n| !matches!(n.kind, Kind::Blank))
                    .is_some_and(|n| {
                        !matches!(&n.kind, Kind::Heading(h) if matches!(h.style, Style::Markdown(_)))
                    });
                topics.push((i, level, own, false));
            }
            continue;
        }
        let listed = under_terms_heading;
        under_terms_heading &= matches!(l.kind, Kind::Blank)
            || (matches!(l.kind, Kind::Text)
                && crate::parse::blocks::bullet_item(l.text).is_some());
        if !in_glossary(&open) || matches!(l.kind, Kind::Blank) {
            continue;
        }
        if glossary_term(lines, i) || (listed && bullet_term(&lines[i..])) {
            terms.push(i);
        } else if part_label_line(l.text) {
            labels.push(i);
        } else if let Some(topic) = topics.last_mut()
            && terms.last().is_none_or(|&t| t < topic.0)
            && !crate::parse::blocks::is_separator(l.text)
        {
            if !topic.2
                && let Kind::Heading(h) = &lines[topic.0].kind
            {
                let title = line::strip_emphasis(&h.title);
                let title = title.trim();
                topic.3 = !title.is_empty() && defines(&line::strip_emphasis(l.text), title);
            }
            topic.2 = true;
        }
    }
    // A heading that defines itself before the terms under it (`## 进程` / `进程是…` /
    // `组成:` / `特征:`) is a term: those are the parts of its explanation.
    for (n, &(i, _, _, defines)) in topics.iter().enumerate() {
        if defines {
            let next = topics.get(n + 1).map_or(lines.len(), |t| t.0);
            terms.retain(|&t| t < i || t >= next);
        }
    }
    let next_topic = |n: usize| topics.get(n + 1).map_or(lines.len(), |t| t.0);
    let heading_terms = topics
        .iter()
        .enumerate()
        .filter(|&(n, &(i, _, own_text, _))| own_text && !term_between(&terms, i, next_topic(n)))
        .count();
    if terms.len() + heading_terms < 3 {
        return;
    }
    place_topics(lines, starts, &topics, &terms);
    // A part label under a term is part of its explanation, whatever read it as a title.
    starts.retain(|s| {
        !(matches!(s.role, Role::Record { .. })
            && labels.binary_search(&s.line).is_ok()
            && terms
                .partition_point(|&t| t < s.line)
                .checked_sub(1)
                .is_some_and(|k| !topics.iter().any(|t| (terms[k]..s.line).contains(&t.0))))
    });
    ask_terms(lines, starts, &terms);
}

/// Each of `terms` (in line order) a card asking for its term: `人力资本` of `人力资本: …`, the
/// whole bullet of `- SQL: drop delete truncate`; a term another reading made a card already
/// loses its colon (`Latency:`).
fn ask_terms(lines: &[Ln<'_>], starts: &mut Vec<Start>, terms: &[usize]) {
    for s in starts.iter_mut() {
        if let Role::Record { question, .. } = &mut s.role
            && terms.binary_search(&s.line).is_ok()
        {
            let asked = question.trim_end().trim_end_matches([':', '：']).trim_end();
            if asked.len() < question.len() {
                *question = asked.to_owned();
            }
        }
    }
    // Bullets name their terms whole (`- 存储过程procedure`, `- SQL: drop delete truncate`),
    // unless most are written `term：explanation` (`- QPS：每秒查询数`): then the term is
    // before the colon.
    let explained = |i: usize| {
        crate::parse::blocks::bullet_item(lines[i].text).map(|item| {
            item.split_once([':', '：'])
                .is_some_and(|(_, rest)| !rest.trim().is_empty())
        })
    };
    let (bullets, glossed) = terms.iter().fold((0, 0), |(b, g), &i| match explained(i) {
        Some(colon) => (b + 1, g + usize::from(colon)),
        None => (b, g),
    });
    let split_bullets = glossed * 2 > bullets;
    let asked = terms
        .iter()
        .filter(|&&i| !is_start(starts, i))
        .map(|&i| {
            let plain = line::strip_emphasis(lines[i].text);
            let question = match crate::parse::blocks::bullet_item(&plain) {
                Some(item) if split_bullets => item
                    .split_once([':', '：'])
                    .filter(|(_, rest)| !rest.trim().is_empty())
                    .map_or(item, |(t, _)| t),
                Some(item) => item,
                None => plain.split_once([':', '：']).map_or(&*plain, |(t, _)| t),
            }
            .trim()
            .to_owned();
            (
                i,
                Role::Record {
                    number: None,
                    question,
                },
            )
        })
        .collect();
    add_starts(lines, starts, asked);
}

/// The headings of a glossary (line, level, text of its own, defines itself) as topics or
/// cards, given its `terms`; see [`split_glossary_terms`].
fn place_topics(
    lines: &[Ln<'_>],
    starts: &mut Vec<Start>,
    topics: &[(usize, u8, bool, bool)],
    terms: &[usize],
) {
    let next_topic = |n: usize| topics.get(n + 1).map_or(lines.len(), |t| t.0);
    for (n, &(i, level, own_text, _)) in topics.iter().enumerate() {
        // A heading with terms under it, before the next heading, is their topic (a line of its
        // own before them is outside any card); one with none over text of its own is a card
        // (one already stays as it is); a heading over headings only is a topic. Each ends the
        // term above it.
        let over_terms = term_between(terms, i, next_topic(n));
        if !over_terms && own_text && is_start(starts, i) {
            continue;
        }
        let Kind::Heading(h) = &lines[i].kind else {
            continue;
        };
        let rank = Style::Markdown(level).rank();
        let title = line::strip_emphasis(&h.title).trim().to_owned();
        let card = !over_terms && own_text;
        let start = if card {
            Start {
                line: i,
                rank: Some(rank),
                role: Role::Record {
                    number: None,
                    question: title,
                },
            }
        } else {
            Start {
                line: i,
                rank: Some(rank),
                role: Role::Section { rank, title },
            }
        };
        match starts.binary_search_by_key(&i, |s| s.line) {
            Ok(k) if !matches!(starts[k].role, Role::Section { .. }) && !card => {
                starts[k] = start;
            }
            Ok(k) if !matches!(starts[k].role, Role::Section { .. } | Role::Record { .. }) => {
                starts[k] = start;
            }
            Ok(_) => {}
            Err(k) => starts.insert(k, start),
        }
    }
}

/// Is a term of `terms` (in line order) past line `from` and before line `to`?
fn term_between(terms: &[usize], from: usize, to: usize) -> bool {
    terms
        .get(terms.partition_point(|&t| t <= from))
        .is_some_and(|&t| t < to)
}

/// Does `text` define `title` (`进程是程序在…的一次运行过程。`, `TCP 指传输控制协议`), rather
/// than introduce what follows (`进程相关的术语如下：`, `事务是…，下面几个概念都围绕它：`)?
fn defines(text: &str, title: &str) -> bool {
    let t = text.trim();
    let Some(rest) = t.strip_prefix(title) else {
        return false;
    };
    let rest = rest.trim_start();
    [
        "是",
        "指",
        "即",
        "就是",
        "（",
        "(",
        "is ",
        "refers to",
        "means ",
    ]
    .iter()
    .any(|w| rest.starts_with(w))
        && !t.ends_with([':', '：'])
        && !["如下", "以下", "下面", "术语", "几个"]
            .iter()
            .any(|w| t.contains(w))
}

/// Is line `i` a term to explain: at the margin after a blank line or a heading, a short name
/// and a colon, then its explanation on the same line or the next?
fn glossary_term(lines: &[Ln<'_>], i: usize) -> bool {
    /// A term is a name, not a sentence introducing what follows.
    const MAX_TERM_CHARS: usize = 24;
    let l = &lines[i];
    if !matches!(l.kind, Kind::Text)
        || l.code
        || l.indented()
        || crate::parse::blocks::bullet_item(l.text).is_some()
        || (i > 0 && !matches!(lines[i - 1].kind, Kind::Blank | Kind::Heading(_)))
    {
        return false;
    }
    let plain = line::strip_emphasis(l.text);
    let Some((term, rest)) = plain.split_once([':', '：']) else {
        return false;
    };
    let term = term.trim();
    let rest = rest.trim();
    let explained = if rest.is_empty() {
        lines
            .get(i + 1)
            .is_some_and(|n| !matches!(n.kind, Kind::Blank | Kind::Heading(_)))
    } else {
        // Not a comment, nor only an address (`See also: https://…`).
        let address = rest.split_whitespace().count() == 1
            && (rest.starts_with("http") || (rest.starts_with('[') && rest.ends_with(')')));
        !rest.starts_with("//") && !address
    };
    // The explanation a label's word is judged by: the rest of the line, or the line under a
    // term alone (`Reference:` / `C++ 里变量的别名，必须初始化。`).
    let explanation = if rest.is_empty() {
        lines.get(i + 1).map_or("", |n| n.text)
    } else {
        rest
    };
    explained
        && !part_label(term, explanation)
        && !term.is_empty()
        && term.chars().count() <= MAX_TERM_CHARS
        && !term.contains(['。', '，', '；', ',', ';', '?', '？'])
}

/// Is the first of `lines` a term to explain written as a bullet of a bare list (`- 存储过程
/// procedure` / `- 乐观锁和悲观锁`): short, at the margin, no sentence, no book or link, nothing
/// under it but the next bullet? Only right under the heading that names the terms (`## Key
/// Terms`): a list under a term's own heading (`### 进程` / `- 动态性`), after a term or its
/// explanation, or under `## 参考资料` explains or cites something (see
/// [`split_glossary_terms`]).
fn bullet_term(lines: &[Ln<'_>]) -> bool {
    /// A term or a short topic, not a sentence.
    const MAX_BULLET_TERM_CHARS: usize = 40;
    let l = &lines[0];
    if !matches!(l.kind, Kind::Text) || l.code || l.indented() {
        return false;
    }
    let Some(item) = crate::parse::blocks::bullet_item(l.text) else {
        return false;
    };
    let item = item.trim();
    !item.is_empty()
        && item.chars().count() <= MAX_BULLET_TERM_CHARS
        && !item.contains(['。', '；'])
        && !item.ends_with(['.', ',', '，', ';', ':', '：'])
        && lines.get(1).is_none_or(|n| match n.kind {
            Kind::Blank | Kind::Heading(_) => true,
            Kind::Text => !n.indented() && crate::parse::blocks::bullet_item(n.text).is_some(),
            _ => false,
        })
        // Nor a book or a link (`- 《数据库系统概念》`, `- [Redis 设计与实现](…)`).
        && !item.starts_with(['《', '['])
        && !item.contains("http")
}

/// Does a heading name terms to explain (`期末名词解释`, `术语表`, `Glossary`: true), or other
/// questions (`## 简答题`, `## 面试题`, a heading that asks: false), or neither (`## 第一章`)?
fn glossary_heading(title: &str) -> Option<bool> {
    /// Named as `…题` (a bare `计算` or `选择` is often a subject: `计算机`).
    const OTHER: &[&str] = &[
        "简答",
        "问答",
        "论述",
        "面试题",
        "笔试题",
        "选择题",
        "填空题",
        "判断题",
        "计算题",
        "案例分析",
        "编程题",
        "算法题",
        "习题",
        "练习题",
        "questions",
        "faq",
        "exercises",
    ];
    let lower = title.to_lowercase();
    // A title naming terms names a glossary whatever else it names (`名词解释与简答`,
    // `名词解释（选择题也常考）`): its sub-headings say which part is which.
    let glossary = ["名词解释", "名词解析", "术语", "名詞解釋", "術語"]
        .iter()
        .any(|w| title.contains(w))
        || ["glossary", "terminology"]
            .iter()
            .any(|w| lower.contains(w))
        // `## Terms Explain`, `## Key Terms`: the word itself, not `terminal`, nor a phrase
        // (`in terms of scalability`, `Terms and Conditions`).
        || (lower
            .split(|c: char| !c.is_ascii_alphabetic())
            .any(|w| w == "terms")
            && !["in terms", "terms of", "terms and conditions"]
                .iter()
                .any(|p| lower.contains(p)));
    // `解释` asks to explain: the words naming a glossary ask nothing more.
    if glossary && !ends_asking(title) {
        Some(true)
    } else if OTHER.iter().any(|w| lower.contains(w)) || ends_asking(title) || asks(title) {
        Some(false)
    } else {
        None
    }
}

/// Is `term` (before its colon, `rest` after it) a label of a part of an explanation?
///
/// `Source`, `Reference` and `References` label a citation (`Source: 维基百科`, `Reference:
/// Kimball, The Data Warehouse Toolkit`, a book `《…》` or a link whatever follows, nothing)
/// unless a sentence explains them:
/// `Reference: C++ 中变量的别名，必须在定义时初始化。` is a term.
fn part_label(term: &str, rest: &str) -> bool {
    let term = term.trim().to_lowercase();
    if CITATION_LABELS.contains(&term.as_str()) {
        let rest = rest.trim();
        let cites = rest.contains("http") || rest.contains(['《', '[', '<']);
        let sentence = rest.contains(['，', '。', '；'])
            || (rest.ends_with('.') && rest.split_whitespace().count() >= 4);
        return cites || !sentence;
    }
    PART_LABELS.contains(&term.as_str())
}

/// Is the line a part label and its text (`本章重点：管理的职能。`)?
pub(super) fn part_label_line(text: &str) -> bool {
    line::strip_emphasis(text)
        .split_once([':', '：'])
        .is_some_and(|(term, rest)| part_label(term, rest))
}

/// Labels of a part of an explanation (`例如: …`, `公式: GDP = …`, `注意: …`), not terms.
const PART_LABELS: &[&str] = &[
    "例如",
    "比如",
    "举例",
    "示例",
    "例子",
    "例",
    "公式",
    "注意",
    "注",
    "说明",
    "备注",
    "提示",
    "参考",
    "来源",
    "出处",
    "总结",
    "小结",
    "补充",
    "重点",
    "本章重点",
    "要点",
    "答案",
    "解析",
    "优点",
    "缺点",
    "特点",
    "作用",
    "原因",
    "结论",
    "see also",
    "note",
    "notes",
    "example",
    "examples",
    "e.g.",
    "formula",
];

/// Labels of a citation (`Reference: https://…`), which are also words a glossary explains.
const CITATION_LABELS: &[&str] = &["source", "reference", "references"];
