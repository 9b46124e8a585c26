//! Lists and runs of lines that are questions: a list under a heading that asks nothing,
//! bullets each followed by their answer, runs of bare question lines (under a label or not),
//! and task lists whose boxes tick off questions. Each item becomes a record.

use rayon::prelude::*;

use super::LINES_PER_TASK;
use super::nested_questions::names_group;
use super::{bullet_questions, dedent, is_start, merge_starts, section_over_bullets};
use crate::parse::asking::{
    INTERVIEW_ROUNDS, asks, bullet_asks, ends_asking, has_question_mark, interrogative,
    names_round, opens_with_request, question_like,
};
use crate::parse::classify::link_only;
use crate::parse::line::Kind;
use crate::parse::passes::link_contents::link_words;
use crate::parse::titles::{colon_label, title_shape, title_shaped};
use crate::parse::{LABEL_RANK, Ln, Role, Start, blocks, line};

/// Under a heading that asks nothing, a list whose items mostly end in `？` is a list of
/// questions (`### TCP` then `- 了解 TCP 的拥塞控制吗？`), and so are short bare lines that ask:
/// each top-level item is a record.
pub(crate) fn split_question_lists(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    // The headings each heading sits under: an interview round above (`### 3.18 一面` over
    // `#### C++`) makes the lists of its topic headings what was asked.
    let mut above: Vec<(u8, bool)> = Vec::new();
    // So does a preface that says the questions follow (`根据其简历，提出了如下几个问题。`),
    // above the first heading or right under the notes' `#` title.
    let title = starts
        .first()
        .is_some_and(|s| lines[s.line].markdown_level() == Some(1));
    let preface_end = starts
        .get(usize::from(title))
        .map_or(lines.len(), |s| s.line);
    let announced = lines[..preface_end]
        .iter()
        .any(|l| matches!(l.kind, Kind::Text) && announces_questions(l.text));
    let found: Vec<Option<ListUnder>> = (0..starts.len())
        .map(|n| {
            let rank = starts[n].rank;
            if let Some(rank) = rank {
                above.retain(|(r, _)| *r < rank);
            }
            let summing_up = || match &starts[n].role {
                Role::Record { question, .. } => sums_up(question),
                _ => false,
            };
            let in_round = (announced && !summing_up()) || above.iter().any(|(_, round)| *round);
            if let (
                Some(rank),
                Role::Record { question, .. }
                | Role::Section {
                    title: question, ..
                },
            ) = (rank, &starts[n].role)
            {
                above.push((rank, names_round(question)));
            }
            list_under(lines, starts, n, in_round)
        })
        .collect();
    // Sibling headings are read alike (`## 1. CNN`, `## 2. 过拟合`, each over bold bullets):
    // where the bullet lists of a rank mostly ask, taken together, all of them are questions.
    let mut pooled: Vec<(u8, usize, usize, usize)> = Vec::new();
    for c in found.iter().flatten().filter(|c| c.shape == Shape::Bullets) {
        let k = pooled
            .iter()
            .position(|p| p.0 == c.rank)
            .unwrap_or_else(|| {
                pooled.push((c.rank, 0, 0, 0));
                pooled.len() - 1
            });
        pooled[k].1 += 1;
        pooled[k].2 += c.items.len();
        pooled[k].3 += c.asking;
    }
    let asking_rank = |rank: u8| {
        pooled
            .iter()
            .any(|&(r, lists, items, asking)| r == rank && lists >= 2 && asking * 2 > items)
    };
    // So are bullets answered by quotes: where such a list of a rank is questions on its own
    // evidence (`### operation system` / `- 什么是python GIL?` / `> [链接](…)`), its siblings
    // so written are questions too (`### 数据结构` / `- __call__方法` / `> [链接](…)`).
    let quoted_ranks: Vec<u8> = found
        .iter()
        .flatten()
        .filter(|c| matches!(c.shape, Shape::QuoteAnswered { .. }) && c.split)
        .map(|c| c.rank)
        .collect();
    let mut extra = Vec::new();
    for (n, c) in found.into_iter().enumerate() {
        let Some(c) = c else { continue };
        if !(c.split
            || (c.shape == Shape::Bullets && asking_rank(c.rank) && c.told * 2 < c.items.len())
            || (c.shape == (Shape::QuoteAnswered { alike: true })
                && quoted_ranks.contains(&c.rank)))
        {
            continue;
        }
        let end = starts.get(n + 1).map_or(lines.len(), |s| s.line);
        let subjects = if c.round {
            round_subjects(lines, &c.items, end)
        } else {
            Vec::new()
        };
        // The subjects' starts are in line order: each item is looked up by halving.
        let points = answer_points(lines, &c.items);
        let items: Vec<usize> = c
            .items
            .iter()
            .copied()
            .filter(|&i| subjects.binary_search_by_key(&i, |s| s.line).is_err())
            .filter(|i| points.binary_search(i).is_err())
            .collect();
        let from = extra.len();
        list_questions(lines, &mut starts[n], c.rank, items, &mut extra);
        extra.extend(c.labels.iter().map(|&i| Start {
            line: i,
            rank: Some(LABEL_RANK),
            role: Role::label(lines[i].text.trim().trim_matches(['【', '】'])),
        }));
        if !subjects.is_empty() {
            // A question after a subject's group is the round's again: it closes the label.
            for s in &mut extra[from..] {
                s.rank = Some(LABEL_RANK);
            }
            extra.extend(subjects);
        }
    }
    starts.extend(extra);
    starts.sort_by_key(|s| s.line);
}

/// Bold bullets that ask before plain ones among them can be points of their answers.
const MIN_BOLD_QUESTIONS: usize = 2;

/// Of the bullets `items`, those that are points of an answer: where the questions are bold
/// (`* **如何定制Manager？什么场景下需要定制？**`), two at least, a plain bullet that asks
/// nothing, right after a line of the answer above it or another such bullet, with nothing of
/// its own under it (`每个Model都有…` / blank / `* 可切片` / `* 可迭代`), is a point of that
/// answer; one over an answer paragraph (`- volatile 关键字` / its answer) is a question the
/// writer did not make bold. In line order.
fn answer_points(lines: &[Ln<'_>], items: &[usize]) -> Vec<usize> {
    let text = |i: usize| {
        blocks::bullet_item(lines[i].text)
            .unwrap_or_default()
            .trim()
    };
    let bold = |i: usize| line::bold_lead(text(i)).is_some();
    let bold_asking = items
        .iter()
        .filter(|&&i| bold(i) && bullet_asks(text(i)))
        .count();
    if bold_asking < MIN_BOLD_QUESTIONS {
        return Vec::new();
    }
    let mut points: Vec<usize> = Vec::new();
    for &i in items {
        if bold(i) || bullet_asks(text(i)) || asks(text(i)) {
            continue;
        }
        // The line above, past blank lines: answer text, or a point just found.
        let above = (0..i)
            .rev()
            .find(|&k| !matches!(lines[k].kind, Kind::Blank));
        let after_answer = above.is_some_and(|k| {
            points.last() == Some(&k)
                || (matches!(lines[k].kind, Kind::Text)
                    && blocks::bullet_item(lines[k].text).is_none())
        });
        // A point has no answer of its own under it: the next line is a bullet, a Markdown
        // heading or the code the point shows, or the notes end (an answer marker, a paragraph
        // or a numbered line under it is its own answer).
        let bare = (i + 1..lines.len())
            .find(|&k| !matches!(lines[k].kind, Kind::Blank))
            .is_none_or(|k| {
                lines[k].markdown_level().is_some()
                    || matches!(lines[k].kind, Kind::Fence { .. })
                    || (matches!(lines[k].kind, Kind::Text)
                        && blocks::bullet_item(lines[k].text).is_some())
            });
        if after_answer && bare {
            points.push(i);
        }
    }
    points
}

/// The heading at `start` over the questions `items`: their section, as
/// [`section_over_bullets`] makes it, unless code stands under it before the list, which is
/// what the heading asks about: the heading stays that question, and the bullets after its
/// code are more (`### es6` / a fenced block / `- [es6对函数做了哪些优化？](…)`).
fn list_questions(
    lines: &[Ln<'_>],
    start: &mut Start,
    rank: u8,
    items: Vec<usize>,
    extra: &mut Vec<Start>,
) {
    let code_first = items.first().is_some_and(|&first| {
        lines[start.line + 1..first]
            .iter()
            .any(|l| matches!(l.kind, Kind::Fence { .. }))
    });
    if code_first {
        extra.extend(bullet_questions(lines, items));
    } else {
        section_over_bullets(lines, start, rank, items, extra);
    }
}

/// Does a line say that the questions asked follow it (`提出了如下几个问题。`, `问了如下几道题`)?
/// An interviewer's verb must say so: `遇到的问题如下` lists problems met, and under `被问到的
/// 问题` a writer may note answers (`- 数组+链表+红黑树`).
fn announces_questions(text: &str) -> bool {
    const ASKED: &[&str] = &[
        "提出了如下",
        "提出了以下",
        "提出如下",
        "问了如下",
        "问了以下",
        "问了下面",
        "面试问题如下",
        "面试题如下",
    ];
    let t = text.trim();
    // What is proposed must be questions (`本文提出了如下几个创新点：` lists a paper's points).
    t.chars().count() <= MAX_ASKED_CHARS
        && ASKED.iter().any(|w| t.contains(w))
        && t.contains(['题', '問'])
}

/// Does a heading name a part that sums up or tells rather than lists what was asked (`## 面试总结`,
/// `## 评价`, `## 个人背景`, `## 面试流程`; `## 项目经验` holds what was asked about the projects)?
fn sums_up(title: &str) -> bool {
    [
        "总结", "评价", "反馈", "建议", "感受", "结论", "复盘", "心得", "背景", "收获", "体会",
        "流程",
    ]
    .iter()
    .any(|w| title.contains(w))
}

/// A bullet longer than this tells something more than it names what was asked.
const MAX_ASKED_CHARS: usize = 80;

/// Is a bullet something told rather than asked: longer than [`MAX_ASKED_CHARS`], two sentences
/// or more, or a sentence closed by a stop that asks nothing and is more than a name for a
/// topic (`CART采用后剪枝算法。`, `总的来说,我的收获还是挺大的.`; not `自我介绍。`)?
fn told_sentence(text: &str) -> bool {
    /// A stopped line this short names what was asked (`自我介绍。`).
    const NAMED_CHARS: usize = 10;
    let t = text.trim_end();
    let body = t.trim_end_matches(['。', '.', '！', '!']);
    let stopped = body.len() < t.len();
    t.chars().count() > MAX_ASKED_CHARS
        || body.contains(['。', '！'])
        || (stopped
            && !asks(body)
            && (body.contains(['，', ',', '：', ':']) || body.chars().count() > NAMED_CHARS))
}

/// Is a bullet a term and what it is, listed or told after a colon (`按数据结构分类：B+tree索引、
/// Hash索引`, `唯一索引：建立在UNIQUE字段上，一张表可以有多个`)? A subject and one thing asked
/// about it (`算法：两数之和`) is no such line, nor one whose rest asks (`Redis：持久化方式有
/// 哪些，RDB和AOF区别`). Asked only outside a round's own list: there `手写题：实现防抖、节流`
/// is what was asked.
fn defines(text: &str) -> bool {
    let plain = line::strip_emphasis(text);
    let Some((term, rest)) = plain.split_once(['：', ':']) else {
        return false;
    };
    !term.trim().is_empty()
        && rest.contains(['、', '，', ',', '/', '；', ';'])
        && rest.trim().chars().count() >= 4
        && !asks(&plain)
        && !asks(rest)
        && !question_like(rest)
}

/// A heading that names problems (`### 一些工程问题`) over bullets that each carry their own
/// indented answer: each bullet is one of those problems, answered.
fn answered_problems(lines: &[Ln<'_>], question: &str, bullets: &[usize]) -> bool {
    question.trim_end().ends_with("问题")
        && bullets.len() >= 2
        && bullets.iter().all(|&b| {
            lines
                .get(b + 1)
                .is_some_and(|n| matches!(n.kind, Kind::Text) && n.indented())
        })
}

/// Of the bullets at `bullets`, how many tell or define (see [`told_sentence`], and
/// [`defines`] outside an interview `round`'s own list), and how many do that or label what
/// follows (`- 介绍：`) without asking. Each bullet is read once for both counts.
fn told_items(lines: &[Ln<'_>], bullets: &[usize], round: bool) -> (usize, usize) {
    let mut told = 0;
    let mut told_or_labels = 0;
    for b in bullets
        .iter()
        .filter_map(|&i| blocks::bullet_item(lines[i].text))
    {
        if told_sentence(b) || (!round && defines(b)) {
            told += 1;
            told_or_labels += 1;
        } else if line::strip_emphasis(b).trim_end().ends_with([':', '：']) && !asks(b) {
            told_or_labels += 1;
        }
    }
    (told, told_or_labels)
}

/// The items under a heading that asks nothing, if they could be its questions.
struct ListUnder {
    rank: u8,
    items: Vec<usize>,
    /// Lines that label parts of the list (`【检测】`).
    labels: Vec<usize>,
    /// The items are questions on their own evidence.
    split: bool,
    /// What the lines under the heading are.
    shape: Shape,
    /// Bullets that ask.
    asking: usize,
    /// Bullets that tell or define (`- 介绍：b = a，只复制引用`), or label what follows
    /// (`- 介绍：`): items of an answer, however their siblings' lists read.
    told: usize,
    /// The heading names an interview round (`### 二面`).
    round: bool,
}

/// The lines under a heading with a list.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// A bullet list with nothing else under the heading.
    Bullets,
    /// Bullets each answered by a quote under it (see [`quote_answered`]); `alike` where its
    /// quotes are links and nothing else, or half its bullets ask in words, so that it may be
    /// read as its siblings are.
    QuoteAnswered { alike: bool },
    /// Anything else.
    Other,
}

/// In an interview round's list, a bullet that names a subject (`- http`, `- mysql相关`) over
/// two or more short bullets one level in (`    * get和post区别(是否可以缓存)`, `    * 线程模型`)
/// groups what was asked about it: the subject is a label, each bullet under it a question, and
/// what is nested deeper its answer. A bullet over a statement (`- 一致性hash` / `    * 看过dubbo
/// 的负载均衡算法…`) was asked itself. The starts for `items` (bullet lines up to `end`), subjects
/// and their questions.
fn round_subjects(lines: &[Ln<'_>], items: &[usize], end: usize) -> Vec<Start> {
    /// A question under a subject is short: longer, it is an answer or a remark.
    const MAX_CHARS: usize = 30;
    let mut out = Vec::new();
    for (k, &i) in items.iter().enumerate() {
        let next = items.get(k + 1).copied().unwrap_or(end);
        let Some(subject) = blocks::bullet_item(lines[i].text) else {
            continue;
        };
        let subject = line::strip_emphasis(subject);
        let subject = subject.trim();
        if !names_group(subject) || subject.contains(['：', ':']) {
            continue;
        }
        let nested: Vec<(usize, usize, &str)> = (i + 1..next)
            .filter(|&j| !matches!(lines[j].kind, Kind::Blank))
            .filter_map(|j| {
                let t = lines[j].text;
                let body = t.trim_start_matches([' ', '\t']);
                (body.len() < t.len())
                    .then(|| blocks::bullet_item(body).map(|b| (j, t.len() - body.len(), b)))
                    .flatten()
            })
            .collect();
        let Some(depth) = nested.iter().map(|&(_, d, _)| d).min() else {
            continue;
        };
        let questions: Vec<(usize, &str)> = nested
            .iter()
            .filter(|&&(_, d, _)| d == depth)
            .map(|&(j, _, b)| (j, b))
            .collect();
        // Everything under the subject is its bullets, or nested deeper under them.
        let filled = (i + 1..next)
            .filter(|&j| !matches!(lines[j].kind, Kind::Blank))
            .count();
        let deeper = nested.iter().filter(|&&(_, d, _)| d > depth).count();
        let short = |b: &str| {
            let words = LINK.replace_all(b, "$1");
            let words = line::strip_emphasis(&words);
            words.trim().chars().count() <= MAX_CHARS || asks(&words) || ends_asking(&words)
        };
        if questions.len() < 2
            || filled > questions.len() + deeper
            || !questions.iter().all(|&(_, b)| short(b))
        {
            continue;
        }
        out.push(Start {
            line: i,
            rank: Some(LABEL_RANK),
            role: Role::label(subject),
        });
        out.extend(questions.into_iter().map(|(j, b)| Start {
            line: j,
            rank: None,
            role: Role::question(b),
        }));
    }
    out
}

/// A Markdown link, its words captured (`[mget和pipeline区别](https://…)`).
static LINK: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"\[([^\[\]]*)\]\([^()\s]*\)").unwrap());

/// Are the lines `at` (three at least: two may be an answer's lines) indented as a whole, each
/// behind the same white space?
fn indented_block(lines: &[Ln<'_>], at: &[usize]) -> bool {
    let indent = |i: usize| {
        let t = lines[i].text;
        &t[..t.len() - t.trim_start_matches([' ', '\t', '\u{3000}']).len()]
    };
    let Some(&first) = at.first() else {
        return false;
    };
    let shared = indent(first);
    at.len() >= 3 && !shared.is_empty() && at.iter().all(|&i| indent(i) == shared)
}

/// A label in lenticular brackets alone on its line (`【概念、了解】`, `【检测】`).
fn bracket_label(text: &str) -> bool {
    text.strip_prefix('【')
        .and_then(|t| t.strip_suffix('】'))
        .is_some_and(|inner| {
            let n = inner.chars().count();
            (1..=12).contains(&n) && !inner.contains(['【', '】'])
        })
}

/// The lines from `first` on that are bold labels alone (see [`bold_label`]): under an
/// interview round they name parts of what was asked (`**论文/项目相关**` /
/// `- 意图识别数据怎么标注` / … / `**深度学习相关**` / …).
fn bold_labels(lines: &[Ln<'_>], first: usize) -> Vec<usize> {
    (first..lines.len())
        .filter(|&i| {
            let l = &lines[i];
            matches!(l.kind, Kind::Text)
                && !l.indented()
                && bold_label(l.text)
                // It labels the bullets at the margin right under it.
                && lines[i + 1..]
                    .iter()
                    .find(|n| !matches!(n.kind, Kind::Blank))
                    .is_some_and(|n| !n.indented() && blocks::bullet_item(n.text).is_some())
        })
        .collect()
}

/// The bare lines under a heading, from `first` to `end` (no bullet among them), if they are
/// its questions (see [`list_under`]); `round`: the heading names an interview round.
fn bare_lines_under(
    lines: &[Ln<'_>],
    (first, end): (usize, usize),
    rank: u8,
    round: bool,
) -> Option<ListUnder> {
    // Bare question lines (`mysql索引结构` / `B+树和B树有什么区别`): every non-blank line a
    // short unindented title, and at least one of them asking.
    let filled: Vec<usize> = (first..end)
        .filter(|&i| !matches!(lines[i].kind, Kind::Blank))
        .collect();
    // A block indented as a whole (every line behind the same spaces, as a Markdown code
    // block is typed) reads as its lines would at the margin, `【检测】` lines labelling
    // its parts.
    let block = indented_block(lines, &filled);
    let label = |i: usize| block && bracket_label(lines[i].text.trim());
    let (labels, titles): (Vec<usize>, Vec<usize>) = filled.into_iter().partition(|&i| label(i));
    let all_titles = titles.iter().all(|&i| {
        let l = &lines[i];
        matches!(l.kind, Kind::Text)
            && if block {
                title_shape(&dedent(l)) && l.text.trim().chars().count() <= 60
            } else {
                !l.indented() && title_shaped(l) && l.text.chars().count() <= 60
            }
    });
    let asking = titles
        .iter()
        .filter(|&&i| asks(lines[i].text.trim()))
        .count();
    let split = titles.len() >= 2 && all_titles && (asking > 0 || round);
    split.then_some(ListUnder {
        rank,
        items: titles,
        labels,
        split,
        shape: Shape::Other,
        asking,
        told: 0,
        round,
    })
}

/// A bold line alone that names a part (`**论文/项目相关**`): short, asking nothing.
fn bold_label(text: &str) -> bool {
    line::bold_span(text.trim())
        .map(str::trim)
        .is_some_and(|inner| {
            !inner.is_empty()
                && !inner.contains('*')
                && inner.chars().count() <= BOLD_LABEL_CHARS
                && !asks(inner)
                && !inner.ends_with(['？', '?', '。', '：', ':'])
        })
}

/// Most characters a bold label of a round's part holds.
const BOLD_LABEL_CHARS: usize = 20;

/// One short paragraph of prose and blank lines: a remark on the round before its questions.
fn remark_before(lines: &[Ln<'_>]) -> bool {
    let text: Vec<&Ln<'_>> = lines
        .iter()
        .filter(|l| !matches!(l.kind, Kind::Blank))
        .collect();
    text.len() == 1 && text[0].prose() && !text[0].indented()
}

/// Does a heading name what is under it questions (`Questions to expect`, `常见问题`)? A bare
/// `问题` may name problems (`### 存在的问题` over `- 显存占用大`), which state, not ask.
fn names_questions(title: &str) -> bool {
    ["常见问题", "提问"].iter().any(|w| title.contains(w))
        || title.to_lowercase().contains("questions")
}

fn list_under(lines: &[Ln<'_>], starts: &[Start], n: usize, in_round: bool) -> Option<ListUnder> {
    let (Some(rank), Role::Record { question, .. }) = (starts[n].rank, &starts[n].role) else {
        return None;
    };
    if asks(question) {
        return None;
    }
    let end = starts.get(n + 1).map_or(lines.len(), |s| s.line);
    let first = starts[n].line + 1;
    let bullets: Vec<usize> = (first..end)
        .filter(|&i| {
            matches!(lines[i].kind, Kind::Text) && blocks::bullet_item(lines[i].text).is_some()
        })
        .collect();
    // Under an interview round (`#### 二面`) the lines are what was asked, asking words or not.
    let round = INTERVIEW_ROUNDS.iter().any(|w| question.contains(w));
    if bullets.is_empty() {
        return bare_lines_under(lines, (first, end), rank, round);
    }
    let asking = bullets
        .iter()
        .filter(|&&i| {
            blocks::bullet_item(lines[i].text)
                .map(|b| link_words(b.trim()).unwrap_or(b))
                .is_some_and(|b| bullet_asks(b) || opens_with_request(b))
        })
        .count();
    let labels = if round || in_round {
        bold_labels(&lines[..end], first)
    } else {
        Vec::new()
    };
    let label = |i: usize| labels.binary_search(&i).is_ok();
    // Under an interview round, a remark may come first (`整体上比较发散，就是你会啥讲啥`); a
    // quote may introduce any list (`> 这个模块将会描述一些基础的问题。`).
    let remark = round && remark_before(&lines[first..bullets[0]]);
    // So may code the heading asks about, a question of its own, where every bullet after it
    // asks (`### es6` / a fenced block / `- [es6对函数做了哪些优化？](…)` …); links after a
    // solved task (`### 手写防抖` / code / `- [lodash debounce 源码](…)`) are its reading.
    let fenced = |i: usize| matches!(lines[i].kind, Kind::Fence { .. } | Kind::Fenced);
    let code_led = (first..bullets[0]).any(fenced) && every_bullet_asks(lines, &bullets);
    let introduced = (first..bullets[0]).all(|i| {
        matches!(lines[i].kind, Kind::Blank)
            || (fenced(i) && code_led)
            || lines[i].text.starts_with('>')
            || label(i)
    });
    let items_from = if remark || introduced {
        bullets[0]
    } else {
        first
    };
    let last = bullets[bullets.len() - 1];
    // Every other non-blank line must be a continuation of an item (indented); a link alone
    // after the list points on to more (`[阅读更多](/zh/common.md)`), and a bullet with nothing
    // typed after it is a place left for one more.
    let only_items = (items_from..end).all(|i| {
        let l = &lines[i];
        matches!(l.kind, Kind::Blank)
            || blocks::bullet_item(l.text).is_some()
            || blocks::is_rule_line(l.text)
            || l.indented()
            || (i > last && matches!(l.kind, Kind::Text) && link_only(l.text))
            || matches!(l.text.trim(), "-" | "*" | "+")
            || label(i)
    });
    // Most bullets asking make the list the questions: a line between them (`继承、封装、多态。`,
    // `> 答：…`) answers the bullet above it, indented or not. Only nothing may come before
    // the first bullet.
    let mostly_asking = asking * 2 > bullets.len();
    let led = remark || introduced;
    // Under an interview round, one-line bullets with no answer under them are what was asked.
    let unanswered = bullets.iter().all(|&b| {
        lines
            .get(b + 1)
            .is_none_or(|l| !(matches!(l.kind, Kind::Text) && l.indented()))
    });
    // So are they under a heading that names them questions (`## 3. Technical questions to
    // expect`, `### 常见问题`).
    let named = in_round || names_questions(question);
    // Not when half the bullets are told (`- 首先说一下前三轮技术面总体下来的感受：三位面试官
    // 都很准时，在面试过程中都很有耐心。`): what was asked is put in a few words (`- 自我介绍。`,
    // `- 项目中遇到的最大难点是什么，怎么解决的。`), what was said back in sentences.
    // Under a topic heading of a log of rounds (`# 面经` / `### 索引`), terms explained after
    // a colon are told too; in a round's own list (`### 一面`) they are what was asked.
    let (told, told_or_labels) = told_items(lines, &bullets, round);
    let collection = (round || (named && unanswered)) && told * 2 < bullets.len();
    let answered_problems = only_items && answered_problems(lines, question, &bullets);
    let round_list = named && unanswered;
    let quoted = led && quote_answered(lines, &bullets, end);
    let shape = if only_items {
        Shape::Bullets
    } else if quoted {
        Shape::QuoteAnswered {
            alike: quotes_alike(lines, &bullets, end),
        }
    } else {
        Shape::Other
    };
    (only_items || quoted || (led && (mostly_asking || round_list))).then_some(ListUnder {
        rank,
        split: mostly_asking || collection || answered_problems,
        items: bullets,
        labels,
        shape,
        asking,
        told: told_or_labels,
        round: round || in_round,
    })
}

/// Does a list of bullets answered by quotes (see [`quote_answered`]) read as questions once its
/// siblings do: its quotes point to reading (`> [理解 __call__](https://…)`), or half its
/// bullets ask in words (`- 什么是monkey patch`)? Statements explained by a quote (`- 切换开销小`
/// / `> 只在用户态切换`) are no questions.
fn quotes_alike(lines: &[Ln<'_>], bullets: &[usize], end: usize) -> bool {
    let reading = (bullets[0]..end)
        .map(|i| lines[i].text)
        .filter_map(|t| t.strip_prefix('>'))
        .map(str::trim)
        .filter(|q| !q.is_empty())
        .all(|q| link_only(q) || blocks::url_only(q).is_some());
    let asking = bullets
        .iter()
        .filter_map(|&b| blocks::bullet_item(lines[b].text))
        .filter(|b| asks(&line::strip_emphasis(b)))
        .count();
    reading || asking * 2 >= bullets.len()
}

/// Does every one of `bullets` ask, in its words or a link's (`- [let和const的区别是什么](…)`,
/// `- [说说你对Iterator的理解](…)`)?
fn every_bullet_asks(lines: &[Ln<'_>], bullets: &[usize]) -> bool {
    bullets.iter().all(|&i| {
        blocks::bullet_item(lines[i].text)
            .map(|b| link_words(b.trim()).unwrap_or(b))
            .is_some_and(|b| asks(&line::strip_emphasis(b)) || opens_with_request(b))
    })
}

/// Bullets answered by quotes (`- 什么是python GIL?` / `> [python面试不得不知道的点——GIL](…)`;
/// `- 装饰器，看这两篇就够了` / `> [廖雪峰python](…)`), from `bullets[0]` up to `end`: every
/// line a bullet, a quote, indented, or glued under the line above (a quote or item running
/// on); a quote somewhere, and most bullets with a quote or such a line right under them.
fn quote_answered(lines: &[Ln<'_>], bullets: &[usize], end: usize) -> bool {
    let quote = |l: &Ln<'_>| matches!(l.kind, Kind::Text) && l.text.starts_with('>');
    let glued = |i: usize| i > 0 && !matches!(lines[i - 1].kind, Kind::Blank);
    let shaped = (bullets[0]..end).all(|i| {
        let l = &lines[i];
        matches!(l.kind, Kind::Blank)
            || (matches!(l.kind, Kind::Text)
                && (quote(l) || l.indented() || glued(i) || blocks::bullet_item(l.text).is_some()))
    });
    let answered = bullets
        .iter()
        .filter(|&&b| {
            lines
                .get(b + 1)
                .is_some_and(|n| b + 1 < end && matches!(n.kind, Kind::Text) && !n.indented())
        })
        .count();
    shaped
        && bullets.len() >= 2
        && (bullets[0]..end).any(|i| quote(&lines[i]))
        && answered * 2 >= bullets.len()
}

/// A heading that only names the questions under it (`### 面试题`, `## Interview Questions`)
/// over a list whose items carry their answers (`* 什么叫纯函数` / `    * 函数式编程`, or a
/// fenced block under an item): each item at the margin is one question, whether it asks or
/// names a topic, and the heading their section. Two items at least, the list right under
/// the heading, nothing else at the margin but code, and most items no label of a part of
/// one problem (`- 题目：…`, `- 思路：…`, `- 代码`).
pub(crate) fn split_question_bank_bullets(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let mut extra = Vec::new();
    for n in 0..starts.len() {
        let (Some(rank), Role::Record { question, .. }) = (starts[n].rank, &starts[n].role) else {
            continue;
        };
        if !matches!(lines[starts[n].line].kind, Kind::Heading(_)) || !bank_title(question) {
            continue;
        }
        let end = starts.get(n + 1).map_or(lines.len(), |s| s.line);
        let filled: Vec<usize> = (starts[n].line + 1..end)
            .filter(|&i| !matches!(lines[i].kind, Kind::Blank))
            .collect();
        let item = |i: usize| {
            matches!(lines[i].kind, Kind::Text)
                && !lines[i].indented()
                && blocks::bullet_item(lines[i].text).is_some()
        };
        let items: Vec<usize> = filled.iter().copied().filter(|&i| item(i)).collect();
        let only_list = filled.first().is_some_and(|&i| item(i))
            && filled.iter().all(|&i| {
                item(i)
                    || lines[i].indented()
                    || matches!(lines[i].kind, Kind::Fence { .. } | Kind::Fenced)
            });
        // Items labelling the parts of one problem (`- 题目：…`, `- 思路：…`, `- 代码`) are no
        // questions.
        let parts = items
            .iter()
            .filter(|&&i| blocks::bullet_item(lines[i].text).is_some_and(part_item))
            .count();
        if items.len() >= 2 && only_list && parts * 2 < items.len() {
            section_over_bullets(lines, &mut starts[n], rank, items, &mut extra);
        }
    }
    merge_starts(starts, extra);
}

/// Does a list item label a part of a problem or its answer (`题目：两数之和…`, `题目描述`,
/// `思路`, `参考代码`, `时间复杂度`)?
pub(crate) fn part_item(item: &str) -> bool {
    let plain = line::strip_emphasis(item);
    let t = plain.trim();
    let label = t
        .split_once([':', '：'])
        .map_or(t, |(label, _)| label)
        .trim();
    [
        "题意",
        "问题",
        "思路",
        "解法",
        "代码",
        "答案",
        "解析",
        "解答",
        "易错点",
        "注意",
        "考点",
        "分析",
        "总结",
        "示例",
        "输入",
        "输出",
    ]
    .contains(&label)
        || (label.chars().count() <= 6
            && (["题目", "参考", "解题"]
                .iter()
                .any(|w| label.starts_with(w))
                || ["复杂度", "思路", "代码"]
                    .iter()
                    .any(|w| label.ends_with(w))))
}

/// Does a heading's title only name questions (`面试题`, `**面试题：**`, `Interview Questions`)?
fn bank_title(title: &str) -> bool {
    // Asked of every heading record: most name no question at all.
    if title.len() > 40 || !(title.contains('题') || title.contains("uestions")) {
        return false;
    }
    let plain = line::strip_emphasis(title);
    let t = plain.trim().trim_end_matches([':', '：']).trim_end();
    [
        "面试题",
        "面试题目",
        "面试问题",
        "常见面试题",
        "笔试题",
        "问答题",
        "简答题",
    ]
    .contains(&t)
        || ["interview questions", "questions"].contains(&t.to_lowercase().as_str())
}

/// Outside any record, unindented bullets each followed by its answer on unindented lines or
/// in a code block (`- 装饰器有多少种` / `函数装饰器和类装饰器` / `- GIL` / …): every bullet is
/// a question. Three bullets at least, short titles, and most of them answered, so an
/// introduction with a list and a paragraph after it stays orphan text.
pub(crate) fn split_bullet_led(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let mut extra = Vec::new();
    let mut from = 0;
    for n in 0..=starts.len() {
        let to = starts.get(n).map_or(lines.len(), |s| s.line);
        if from < to
            && let Some(bullets) = bullet_led(&lines[from..to])
        {
            for b in bullets {
                let text = blocks::bullet_item(lines[from + b].text).unwrap_or_default();
                extra.push(Start {
                    line: from + b,
                    rank: None,
                    role: Role::question(text),
                });
            }
        }
        from = match starts.get(n) {
            Some(Start {
                line,
                role: Role::Section { .. },
                ..
            }) => line + 1,
            _ => lines.len(),
        };
    }
    starts.extend(extra);
    starts.sort_by_key(|s| s.line);
}

/// The bullets of a segment made only of bullet-led answers (indices into `seg`).
fn bullet_led(seg: &[Ln<'_>]) -> Option<Vec<usize>> {
    let bullet = |l: &Ln<'_>| matches!(l.kind, Kind::Text) && blocks::bullet_item(l.text).is_some();
    let first = seg.iter().position(|l| !matches!(l.kind, Kind::Blank))?;
    if !bullet(&seg[first]) {
        return None;
    }
    let bullets: Vec<usize> = (first..seg.len()).filter(|&i| bullet(&seg[i])).collect();
    if bullets.len() < 3 {
        return None;
    }
    let titles = bullets.iter().all(|&i| {
        let t = line::strip_emphasis(blocks::bullet_item(seg[i].text).unwrap_or_default());
        let t = t.trim();
        t.chars().count() <= 60
            && !t.contains('。')
            && !t.ends_with(['。', '；', ';', '，', ',', '：', ':'])
    });
    let answered = bullets
        .iter()
        .enumerate()
        .filter(|&(k, &i)| {
            let end = bullets.get(k + 1).copied().unwrap_or(seg.len());
            seg[i + 1..end].iter().any(|l| match l.kind {
                Kind::Fence { .. } => true,
                Kind::Text | Kind::Marker { .. } => !l.indented(),
                _ => false,
            })
        })
        .count();
    (titles && answered * 3 >= bullets.len() * 2).then_some(bullets)
}

/// Outside any record, a run of lines that are questions without any marker: bullets ending in
/// `？` (`- Go 值类型有哪些？`), or plain lines most of which ask (`sleep和wait的区别`), one per
/// line. Each line is a record; a `多线程：` label right above the run is a section.
pub(crate) fn split_question_runs(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let mut extra = Vec::new();
    // Label groups of plain lines that did not ask enough on their own (`算法：` over
    // `遍历二叉树`): questions too when another label group in the file clearly is.
    let mut labeled_misses: Vec<(Option<usize>, Vec<usize>)> = Vec::new();
    let mut labeled_hit = false;
    // Runs of bullets that did not ask enough, and how many did, under each boundary: apart by
    // blank lines (`- "What is your greatest weakness?"` / its quoted answer / blank / `- "Describe
    // your best friend…"`), sibling bullets are read alike.
    let mut bullet_misses: Vec<(usize, Vec<(usize, String)>)> = Vec::new();
    let mut bullet_hits: Vec<(usize, usize, usize)> = Vec::new();
    let mut next = 0;
    let mut in_record = false;
    let mut i = 0;
    while i < lines.len() {
        while next < starts.len() && starts[next].line <= i {
            in_record = matches!(starts[next].role, Role::Record { .. } | Role::Aside);
            next += 1;
        }
        let boundary = starts.get(next).map_or(lines.len(), |s| s.line);
        if in_record || !matches!(lines[i].kind, Kind::Text) {
            i += 1;
            continue;
        }
        let mut end = i;
        while end < boundary && matches!(lines[end].kind, Kind::Text) {
            end += 1;
        }
        let labeled = colon_label(&lines[i]);
        let label = (labeled && i + 1 < end).then_some(i);
        if let Some(items) = indented_items(lines, i + 1, boundary).filter(|_| labeled) {
            let label = Some(i);
            let last = *items.last().expect("two items or more");
            let found = question_run(lines, &items, true);
            if found.is_none() {
                labeled_misses.push((label, items));
            }
            labeled_hit |= found.is_some();
            if let Some(questions) = found {
                push_question_run(lines, label, questions, &mut extra);
            }
            i = last + 1;
            continue;
        }
        let first = label.map_or(i, |l| l + 1);
        let run = &lines[first..end];
        // Bullets, each maybe with indented lines under it (`- 进程和线程的区别？` / `  答：…`).
        let bullets: Vec<(usize, &str)> = run
            .iter()
            .enumerate()
            .filter_map(|(k, l)| blocks::bullet_item(l.text).map(|b| (first + k, b)))
            .collect();
        let items_only = blocks::bullet_item(run[0].text).is_some()
            && run
                .iter()
                .all(|l| blocks::bullet_item(l.text).is_some() || l.indented());
        // Links to places in the page (`- [3. K8S pod通信方式](#3-k8s-pod通信方式)`) are its
        // contents: the questions are where they point.
        let contents = items_only && bullets.iter().all(|(_, b)| blocks::in_page_link(b));
        let questions: Option<Vec<(usize, String)>> = if contents {
            None
        } else if items_only {
            let asking = bullets_asking(lines, first, &bullets);
            let items: Vec<(usize, String)> =
                bullets.iter().map(|&(k, b)| (k, b.to_owned())).collect();
            if asking * 2 > bullets.len() {
                let last = bullets[bullets.len() - 1].0;
                match bullet_hits.last_mut() {
                    Some((b, hits, at)) if *b == boundary => {
                        *hits += 1;
                        *at = last;
                    }
                    _ => bullet_hits.push((boundary, 1, last)),
                }
                Some(items)
            } else {
                bullet_misses.push((boundary, items));
                None
            }
        } else {
            // Glued lines at the start of a line; indented ones are the content of the line
            // above (`常用工具：` over `    git`), a list only as `indented_items` finds it.
            let items: Vec<usize> = (first..end).collect();
            let level = items.iter().all(|&k| !lines[k].indented());
            let found = question_run(lines, &items, true).filter(|_| level);
            if found.is_none() && label.is_some() && level {
                labeled_misses.push((label, items));
            }
            labeled_hit |= found.is_some() && label.is_some();
            found
        };
        if let Some(questions) = questions {
            push_question_run(lines, label, questions, &mut extra);
        }
        i = end.max(i + 1);
    }
    if labeled_hit {
        for (label, items) in labeled_misses {
            if let Some(questions) = question_run(lines, &items, false) {
                push_question_run(lines, label, questions, &mut extra);
            }
        }
    }
    read_bullet_runs_alike(lines, &bullet_hits, bullet_misses, &mut extra);
    // A run may open on a line that starts something already (a subject label typed as a
    // bullet): that line keeps its start.
    extra.retain(|s| !is_start(starts, s.line));
    starts.extend(extra);
    starts.sort_by_key(|s| s.line);
}

/// How many of a run's `bullets` (the run opening at line `first`) ask: with a question mark,
/// or, in a list of three or more, with a question word (`整体架构` does not; `APIService 的实现
/// 原理` does) unless a title right above labels the run (`3.09 美团二面`): the passes that
/// read labels read it.
fn bullets_asking(lines: &[Ln<'_>], first: usize, bullets: &[(usize, &str)]) -> usize {
    let worded = bullets.len() >= 3
        && !lines[..first]
            .iter()
            .rev()
            .find(|l| !matches!(l.kind, Kind::Blank))
            .is_some_and(title_shaped);
    bullets
        .iter()
        .filter(|(_, b)| {
            let plain = line::strip_emphasis(b);
            has_question_mark(&plain)
                || (worded && question_like(&plain) && !plain.trim_end().ends_with(['。', '；']))
        })
        .count()
}

/// Runs of bullets that asked too little (`misses`, each with the boundary it is under) read as
/// their siblings: questions where three runs of asking bullets or more are under the same
/// boundary (`hits`, in line order, each with the last bullet of its last run), twice as many
/// as those that do not ask; or more than those, for the runs before the last asking one
/// (`* 重定向方式：301 还是 302` before three bullets that ask, not a closing `* 面试官评价`).
fn read_bullet_runs_alike(
    lines: &[Ln<'_>],
    hits: &[(usize, usize, usize)],
    misses: Vec<(usize, Vec<(usize, String)>)>,
    out: &mut Vec<Start>,
) {
    let mut per_boundary: Vec<(usize, usize)> = Vec::new();
    for &(b, _) in &misses {
        match per_boundary.last_mut() {
            Some((r, n)) if *r == b => *n += 1,
            _ => per_boundary.push((b, 1)),
        }
    }
    let quiet = |b: usize| {
        per_boundary
            .binary_search_by_key(&b, |&(r, _)| r)
            .map_or(0, |k| per_boundary[k].1)
    };
    for (boundary, items) in misses {
        let Ok(k) = hits.binary_search_by_key(&boundary, |&(r, _, _)| r) else {
            continue;
        };
        let (_, asking, last) = hits[k];
        let before_last = items.first().is_some_and(|&(line, _)| line < last);
        if asking >= 3
            && (asking >= 2 * quiet(boundary) || (before_last && asking > quiet(boundary)))
        {
            push_question_run(lines, None, items, out);
        }
    }
}

/// One record per question of a run (line index and question), under a section for its label.
fn push_question_run(
    lines: &[Ln<'_>],
    label: Option<usize>,
    questions: Vec<(usize, String)>,
    out: &mut Vec<Start>,
) {
    if let Some(p) = label {
        out.push(Start {
            line: p,
            rank: Some(LABEL_RANK),
            role: Role::label(lines[p].text),
        });
    }
    for (line, question) in questions {
        out.push(Start {
            line,
            rank: None,
            role: Role::question(&question),
        });
    }
}

/// Plain lines that are all questions (line indices): two or more, no sentence inside, none only
/// HTML tags (`</p>`), and (when
/// `asking_needed`) most of them asking (`sleep和wait的区别，以及wait的实现原理`). Where each
/// line stands alone between blank lines, one may close with `。` (`MVC模式介绍。`): nothing
/// above it for it to answer. Glued under a question, such a sentence is its answer.
/// Indentation does not matter here; the caller decides which lines form the run.
fn question_run(
    lines: &[Ln<'_>],
    items: &[usize],
    asking_needed: bool,
) -> Option<Vec<(usize, String)>> {
    if items.len() < 2 {
        return None;
    }
    let alone = items.windows(2).all(|w| w[1] > w[0] + 1);
    let plain = items.iter().all(|&k| {
        let l = &lines[k];
        let t = l.text.trim();
        // A question may close with a full stop (`…每秒最多10个线程调用它，如何做到。`).
        let body = if alone || interrogative(t) {
            t.strip_suffix('。').unwrap_or(t)
        } else {
            t
        };
        !l.code
            && !l.structural
            && !markup_only(t)
            && !body.contains(['。', '；'])
            && !body.ends_with([':', '：'])
            && l.text.chars().count() <= 200
    });
    let asking = items
        .iter()
        .filter(|&&k| asks(lines[k].text) || question_like(lines[k].text))
        .count();
    (plain && (asking * 2 >= items.len() || !asking_needed)).then(|| {
        items
            .iter()
            .map(|&k| (k, lines[k].text.trim().to_owned()))
            .collect()
    })
}

/// Is `text` nothing but HTML tags (`</p>`, `<li><b>`, `<br/>`)?
fn markup_only(text: &str) -> bool {
    let mut rest = text.trim();
    while let Some(tag) = rest.strip_prefix('<') {
        let Some(close) = tag.find('>') else {
            return false;
        };
        rest = tag[close + 1..].trim_start();
    }
    rest.is_empty() && text.trim().starts_with('<')
}

/// Under a label (`中软：`), an indented block whose lines each stand alone — one line per
/// paragraph, or every line asking — is a list of items (line indices), however deep it is
/// indented: indentation sets the list off from its label, it does not make it an answer.
fn indented_items(lines: &[Ln<'_>], from: usize, boundary: usize) -> Option<Vec<usize>> {
    let from = (from..boundary).find(|&k| !matches!(lines[k].kind, Kind::Blank))?;
    lines
        .get(from)
        .filter(|l| matches!(l.kind, Kind::Text) && l.indented())?;
    let mut items = Vec::new();
    let mut k = from;
    while k < boundary {
        match lines[k].kind {
            Kind::Blank => {}
            Kind::Text if lines[k].indented() => items.push(k),
            _ => break,
        }
        k += 1;
    }
    let alone = items.windows(2).all(|w| w[1] > w[0] + 1);
    let all_ask = items.iter().all(|&k| ends_asking(lines[k].text));
    (items.len() >= 2 && (alone || all_ask)).then_some(items)
}

/// Notes that tick off questions with task boxes (`- [ ] 如何判断sql注入`) mark each question
/// themselves: when most outermost boxes ask, each of them starts a record, and the plain items
/// among them (`- SQLi`, `- 1)Mysql版本…`) are group labels or answer points, no records. The
/// box is no part of the question.
pub(crate) fn split_task_list(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    // Each line read alone: on every core, in order.
    let items: Vec<(usize, usize, &str)> = lines
        .par_iter()
        .enumerate()
        .with_min_len(LINES_PER_TASK)
        .filter_map(|(i, l)| task_item(l).map(|(indent, text)| (i, indent, text)))
        .collect();
    let Some(outer) = items.iter().map(|&(_, indent, _)| indent).min() else {
        return;
    };
    let boxes: Vec<(usize, &str)> = items
        .iter()
        // Markdown nests an item only when it is indented to the text of the one above.
        .filter(|&&(_, indent, _)| indent <= outer + 1)
        .map(|&(i, _, text)| (i, text))
        .collect();
    let asking = boxes
        .iter()
        .filter(|(_, t)| question_like(t) || asks(t))
        .count();
    if boxes.len() < 5 || asking * 2 <= boxes.len() {
        return;
    }
    let first = boxes[0].0;
    let bullet = |i: usize| lines[i].text.trim_start().starts_with(['-', '*', '+']);
    starts.retain(|s| {
        s.line < first
            || (s.rank.is_some() && !bullet(s.line))
            || !matches!(s.role, Role::Record { .. })
    });
    let have: std::collections::HashSet<usize> = starts.iter().map(|s| s.line).collect();
    starts.extend(
        boxes
            .iter()
            .filter(|(i, _)| !have.contains(i))
            .map(|&(line, text)| Start {
                line,
                rank: None,
                role: Role::Record {
                    number: None,
                    question: text.to_owned(),
                },
            }),
    );
    starts.sort_by_key(|s| s.line);
}

/// The text of a task-list item (`- [ ] 解释一下同源策略`) and its indent, if the line is one.
fn task_item<'a>(line: &Ln<'a>) -> Option<(usize, &'a str)> {
    if !matches!(line.kind, Kind::Text) {
        return None;
    }
    let body = line.text.trim_start();
    let indent = line.text.len() - body.len();
    let rest = body.strip_prefix(['-', '*', '+'])?.strip_prefix(' ')?;
    let rest = blocks::after_task_box(rest)?;
    let text = rest.trim();
    (rest.starts_with([' ', '\t']) && !text.is_empty()).then_some((indent, text))
}
