//! The outline: numbered lines and headings as a tree (Markdown `#` > `一、` > `1.` > `（1）`),
//! with the numbering rules (sub-point lists, restarts, numbers out of order: Z009), and the
//! first boundaries read off it: each heading a section, a record or an aside.

use rayon::prelude::*;

use super::asking::{
    COLLECTION_WORDS, asks, asks_any_way, asks_beyond, asks_mid_line, bullet_asks, ends_asking,
    interrogative, names_collection, numbered_name, opens_with_request, question_like,
};
use super::line::{Heading, Kind, Style};
use super::passes::link_line;
use super::titles::{strong_title, title_shaped};
use super::{Ln, Role, Start, blocks, line};
use crate::check::{DiagnosticExt, Span, numbering};
use crate::diagnostic::Diagnostic;

#[derive(Debug)]
struct Node {
    line: usize,
    heading: Heading,
    children: Vec<usize>,
    /// The heading it sits under, if any.
    parent: Option<usize>,
    /// Non-blank lines directly under the heading, before its first child.
    body: usize,
    /// Of those, the unindented bullets, and the bullets that ask (`* 你最熟悉哪一套版本控制
    /// 系统？`, `* 请解释事件代理。`).
    bullets: u32,
    asking_bullets: u32,
    /// Of the body, the lines that are a link and nothing else (`- [1、什么是…](#1什么是)`).
    links: usize,
    /// Whether the heading's title asks ([`asks`]): found once, asked of it several times.
    asks: bool,
    /// Whether the heading names no question but a preface, references… ([`aside_title`]):
    /// found once, on every core.
    aside: bool,
}

/// Earlier sibling headings looked at for the title a misplaced item sits after: enough for
/// any run of misplaced items, and it keeps a long run of siblings linear.
const MISPLACED_LOOKBACK: usize = 64;

/// Headings a thread looks at in one go: enough to make the hand-off cost nothing.
const NODES_PER_TASK: usize = 1024;

/// The heading tree of a file.
pub(super) struct Outline {
    nodes: Vec<Node>,
    roots: Vec<usize>,
}

/// How many sibling headings of one style there are and how many of them ask.
#[derive(Debug, Clone, Copy, Default)]
struct LevelStats {
    /// All of them.
    same: usize,
    /// Those whose title asks.
    same_asking: usize,
    /// Those that are not a preface, contents or references part ([`aside_title`]).
    kept: usize,
    /// Those of `kept` whose title asks.
    kept_asking: usize,
}

/// [`LevelStats`] of one run of sibling headings (a parent's children, or the roots), per
/// style: counted once for the run, since every heading in it asks about its siblings and
/// counting them each time would cost a long run its length squared.
struct Level(Vec<(Style, LevelStats)>);

impl Level {
    fn of(nodes: &[Node], siblings: &[usize]) -> Self {
        let mut level: Vec<(Style, LevelStats)> = Vec::new();
        for node in siblings.iter().map(|&s| &nodes[s]) {
            let heading = &node.heading;
            let at = level
                .iter()
                .position(|(style, _)| *style == heading.style)
                .unwrap_or_else(|| {
                    level.push((heading.style, LevelStats::default()));
                    level.len() - 1
                });
            let stats = &mut level[at].1;
            let asking = node.asks;
            stats.same += 1;
            stats.same_asking += usize::from(asking);
            if !node.aside {
                stats.kept += 1;
                stats.kept_asking += usize::from(asking);
            }
        }
        Self(level)
    }

    /// The counts for the headings of `style`.
    fn of_style(&self, style: Style) -> LevelStats {
        self.0
            .iter()
            .find(|(s, _)| *s == style)
            .map_or_else(LevelStats::default, |&(_, stats)| stats)
    }
}

impl Outline {
    // One pass over the lines with the numbering rules side by side; split up, the rules
    // would need the whole state passed around.
    #[allow(clippy::too_many_lines)]
    pub(super) fn build(lines: &[Ln<'_>], path: &str, diagnostics: &mut Vec<Diagnostic>) -> Self {
        let mut nodes: Vec<Node> = Vec::new();
        let mut roots: Vec<usize> = Vec::new();
        let mut stack: Vec<usize> = Vec::new();
        // An active sub-point list: (style, last value).
        let mut list: Option<(Style, u32)> = None;
        // The active list was opened by an answer label (`答:1、…`): it is the answer's, and a
        // numbered line that asks after it (`3、HashMap和Hashtable的区别？`) is a question.
        let mut answer_list = false;
        // The active list opened inside a quote (`>1、…`).
        let mut quoted_list = false;
        // The indent of a list nested in an item of the active one (`    1. 网络请求` under
        // `1. 主线程进行耗时操作`): its numbers count on their own, not the outer list's.
        let mut nested: Option<usize> = None;
        let mut prev_text: Option<usize> = None;
        // A horizontal rule (`-----`) ends a part: numbered lines after it start afresh.
        let mut after_rule = false;
        for (i, l) in lines.iter().enumerate() {
            let Kind::Heading(h) = &l.kind else {
                if matches!(l.kind, Kind::Text) && blocks::is_rule_line(l.text) {
                    after_rule = true;
                }
                // An item of the list indented by mistake (`    3、不剥夺条件`) still counts, and
                // a list may open inside a quote (`>1、界面友好…`) and go on without `>`.
                let quoted = l.text.starts_with('>');
                if matches!(l.kind, Kind::Text)
                    && (quoted || (list.is_some() && l.indented()))
                    && let Kind::Heading(item) =
                        line::classify(l.text.trim_start_matches(['>', ' ', '\t', '\u{3000}']))
                    && !matches!(item.style, Style::Markdown(_) | Style::Question)
                    && let Some(value) = item.value
                {
                    let indent = l.text.len() - l.text.trim_start().len();
                    let inside = nested.is_some_and(|n| !quoted && indent >= n);
                    let continues = !inside
                        && list
                            .is_some_and(|(style, last)| item.style == style && value == last + 1);
                    if !quoted && !continues && !inside && value == 1 && list.is_some() {
                        nested = Some(indent);
                    }
                    if continues || (quoted && value == 1) {
                        if !continues && std::mem::take(&mut after_rule) {
                            // The list is the first numbered line after the rule: what the
                            // rule closes is closed now.
                            close_numbered(&mut stack, &nodes);
                        }
                        list = Some((item.style, value));
                        answer_list &= continues;
                        quoted_list |= quoted;
                    }
                }
                // An answer label whose text opens a list (`答:1、客户端浏览器通过DNS…`): the
                // `2、` `3、` lines after it go on with the answer's list.
                if let Kind::Marker { text, answer: true } = &l.kind
                    && text
                        .rest()
                        .starts_with(|c: char| c.is_ascii_digit() || matches!(c, '（' | '(' | '一'))
                    && let Kind::Heading(item) = line::classify(text.rest())
                    && !matches!(item.style, Style::Markdown(_) | Style::Question)
                    && item.value == Some(1)
                {
                    list = Some((item.style, 1));
                    answer_list = true;
                    nested = None;
                    // A rule above closed the numbered lines before it; this list opens after.
                    if std::mem::take(&mut after_rule) {
                        close_numbered(&mut stack, &nodes);
                    }
                }
                // A list opened in a quote goes on only as long as the quote's paragraph.
                if matches!(l.kind, Kind::Blank) && std::mem::take(&mut quoted_list) {
                    list = None;
                }
                // A rule right under a heading (a setext underline, `## …` over `---`) only
                // marks it: no text of its own. Nor is an anchor (`<span id="lec1"></span>`, a
                // spot for the contents' links to land on) any text, nor a rule under it.
                let anchor = |j: usize| {
                    matches!(lines[j].kind, Kind::Text) && line::anchor_only(lines[j].text)
                };
                let heading = |j: usize| matches!(lines[j].kind, Kind::Heading(_));
                let underline = i > 0
                    && (heading(i - 1) || (i > 1 && heading(i - 2) && anchor(i - 1)))
                    && matches!(l.kind, Kind::Text)
                    && blocks::is_rule_line(l.text);
                let marks = underline || anchor(i);
                if !matches!(l.kind, Kind::Blank) && !marks {
                    if let Some(&top) = stack.last()
                        && nodes[top].children.is_empty()
                    {
                        nodes[top].body += 1;
                        nodes[top].links += usize::from(link_line(l.text));
                        if let Some(item) = matches!(l.kind, Kind::Text)
                            .then(|| blocks::bullet_item(l.text))
                            .flatten()
                        {
                            nodes[top].bullets += 1;
                            nodes[top].asking_bullets +=
                                u32::from(bullet_asks(item) || opens_with_request(item));
                        }
                    }
                    prev_text = Some(i);
                }
                continue;
            };
            // A number that continues a shallower heading's sequence in another style
            // (`****2.` then `@@@3)))`) is that heading's sibling, not its child.
            let mut h = h.clone();
            if let Some(v) = h.value.filter(|&v| v > 1)
                && let Some(&n) = stack
                    .iter()
                    .rev()
                    .find(|&&n| nodes[n].heading.value == Some(v - 1))
            {
                let node = &nodes[n];
                // A question heading's number asked on, after its answer and without the `#`s
                // (`### 17、…死循环问题？` … `18、总结下 JDK 1.8 做了哪些优化？`), is the next
                // question too, when no list of that style runs in the answer.
                let asked_on = matches!(node.heading.style, Style::Markdown(_))
                    && node.heading.number.is_some()
                    && asks(&h.title)
                    && node
                        .children
                        .iter()
                        .all(|&c| nodes[c].heading.style != h.style);
                if node.heading.style != h.style
                    && node.heading.style.rank() < h.style.rank()
                    && ((node.children.is_empty()
                        && !matches!(node.heading.style, Style::Markdown(_)))
                        || asked_on)
                {
                    h.style = node.heading.style;
                }
            }
            let h = &h;
            nested = None;
            let rank = h.style.rank();
            if std::mem::take(&mut after_rule) && !matches!(h.style, Style::Markdown(_)) {
                // Only headings outlive the rule; the numbered lines above it are closed.
                close_numbered(&mut stack, &nodes);
                list = None;
                quoted_list = false;
                prev_text = None;
            }
            let keep = stack
                .iter()
                .rposition(|&n| nodes[n].heading.style.rank() < rank)
                .map_or(0, |p| p + 1);
            let siblings = if keep == 0 {
                &roots
            } else {
                &nodes[stack[keep - 1]].children
            };
            let prev = siblings
                .iter()
                .rev()
                .map(|&s| &nodes[s])
                .find(|s| s.heading.style == h.style);
            let prev_value = prev.and_then(|p| p.heading.value);
            let expected = prev_value.map(|v| v + 1);
            let is_question = asks(&h.title);
            let numbered_list = !matches!(h.style, Style::Markdown(_) | Style::Question);

            // Sub-point lists: after a lead-in ending in a colon, or continuing such a list. The
            // lead-in announces the list, so only an interrogative or a request opening the item
            // (`讲讲你做过的项目`) makes its first item a question; a request word inside a
            // step (`整个UI都将在VirtualDOM描述中重新渲染；`) does not.
            // A bullet that names a topic (`- InnoDB存储引擎`, then `1. 支持事务`) leads in
            // the list under it just as well: the writer did not indent it.
            let after_lead_in = prev_text.is_some_and(|p| {
                let t = line::strip_emphasis(lines[p].text);
                let t = t.trim_end();
                (t.ends_with([':', '：']) || topic_bullet(t))
                    && nodes.last().is_none_or(|n| n.line < p)
                    && !document_title(lines, p)
            });
            // An item closed by a full stop states a point, whatever words it holds (`1.有些信息
            // …只需占几个或一个二进制位。…即可。`).
            let statement =
                h.title.trim_end().ends_with(['。', '；']) && !h.title.contains(['?', '？']);
            let item_asks = !statement
                && (interrogative(&h.title)
                    || opens_with_request(&h.title)
                    || asks_mid_line(&h.title));
            let continues_list = list.is_some_and(|(style, last)| {
                style == h.style
                    && h.value == Some(last + 1)
                    && !(h.value == expected && is_question)
                    && !(answer_list && item_asks)
            });
            // A restart right under an item with nothing of its own yet (`19.Css3新特性`, then
            // `1.过渡` `2.动画` …) lists that item's points when they are bare lines to the end.
            let bare_parent = prev.is_some_and(|p| {
                stack
                    .last()
                    .is_some_and(|&top| nodes[top].line == p.line && p.body == 0)
                    && p.children.is_empty()
            });
            let starts_list = numbered_list
                && h.value == Some(1)
                && ((after_lead_in && !item_asks)
                    || (!stack.is_empty()
                        && prev_value.is_some_and(|p| {
                            !is_question && restart_is_sublist(lines, i, h.style, p)
                        }))
                    || (!stack.is_empty()
                        && bare_parent
                        && !is_question
                        && bare_sublist(lines, i, h.style)));
            // A numbered sentence that breaks the sequence it stands in is a sub-point.
            let sentence = numbered_list
                && prev_value.is_some()
                && !is_question
                && h.title.ends_with(['。', '；', ';', '！', '!'])
                && h.value != expected;
            if starts_list || continues_list {
                quoted_list &= !starts_list;
                list = h.value.map(|v| (h.style, v));
                answer_list &= continues_list;
                prev_text = Some(i);
                bump_body(&mut nodes, &stack);
                continue;
            }
            if sentence {
                prev_text = Some(i);
                bump_body(&mut nodes, &stack);
                continue;
            }
            // A number that jumps backwards (not a restart at 1) is a sub-point of the record.
            // Only numbers of one shape compare: `2、` after `1.24` starts part 2.
            let same_shape = prev
                .and_then(|p| p.heading.number.as_deref())
                .is_some_and(|p| {
                    h.number
                        .as_deref()
                        .is_some_and(|n| n.matches('.').count() == p.matches('.').count())
                });
            // Markdown headings are structure: their numbers never make them sub-points.
            let markdown = matches!(h.style, Style::Markdown(_));
            // A number out of place (`35、` `43、` `36、`): the item that counts on from the one
            // before the stray is a sibling; the stray number is the slip.
            let after_stray = || {
                h.value
                    .and_then(|v| v.checked_sub(1))
                    .is_some_and(|before| {
                        siblings
                            .iter()
                            .rev()
                            .map(|&s| &nodes[s])
                            .filter(|s| s.heading.style == h.style)
                            .nth(1)
                            .is_some_and(|s| s.heading.value == Some(before))
                    })
            };
            // A number typed again (`3. **BERT与transformer有哪些异同点？**` after `4. **…有什么
            //区别？**` and its answer) where the item is a question shaped as the one before
            // it, wholly bold and asking at the margin: one more question, misnumbered.
            let asked_alike = || {
                prev.is_some_and(|p| {
                    bold_question(lines[i].text) && bold_question(lines[p.line].text)
                })
            };
            if let (Some(v), Some(p), true, false) = (h.value, prev_value, same_shape, markdown) {
                if v != 1 && v < p && !after_stray() && !restarts_count(lines, i, h.style, v) {
                    let alike = asked_alike();
                    let (read, help) = if alike {
                        (
                            "read as a question of its own, shaped as the one above",
                            format!("renumber it: the next question is {}", p + 1),
                        )
                    } else {
                        (
                            "read as a sub-point of the question above",
                            format!(
                                "renumber it (the next question is {}), or indent it if it is part of the answer",
                                p + 1
                            ),
                        )
                    };
                    diagnostics.push(
                        numbering::RULE
                            .at(
                                path,
                                Span::line(l.number, l.text.trim_end()),
                                format!(
                                    "number {} comes after {}; {read}",
                                    h.number.as_deref().unwrap_or("?"),
                                    prev.and_then(|p| p.heading.number.as_deref())
                                        .unwrap_or("?")
                                ),
                            )
                            .help(help),
                    );
                    if !alike {
                        prev_text = Some(i);
                        bump_body(&mut nodes, &stack);
                        continue;
                    }
                }
                if v == p || (v > p + 1 && v != 1) {
                    let what = if v == p {
                        "repeats"
                    } else {
                        "skips ahead from"
                    };
                    diagnostics.push(
                        numbering::RULE
                            .at(
                                path,
                                Span::line(l.number, l.text.trim_end()),
                                format!(
                                    "number {} {what} {}",
                                    h.number.as_deref().unwrap_or("?"),
                                    prev.and_then(|p| p.heading.number.as_deref())
                                        .unwrap_or("?")
                                ),
                            )
                            .help(format!("number the questions in order; expected {}", p + 1)),
                    );
                }
            }
            list = None;
            quoted_list = false;
            stack.truncate(keep);
            let id = nodes.len();
            nodes.push(Node {
                line: i,
                heading: (**h).clone(),
                children: Vec::new(),
                parent: stack.last().copied(),
                body: 0,
                bullets: 0,
                asking_bullets: 0,
                links: 0,
                asks: is_question,
                aside: false,
            });
            match stack.last() {
                Some(&parent) => nodes[parent].children.push(id),
                None => roots.push(id),
            }
            stack.push(id);
            prev_text = None;
        }
        // An introduction two levels down (`## 进程管理` / `### IO多路复用` / `#### 基本概念`)
        // opens its topic: the topic's first note, no preface to the notes.
        let deep: Vec<bool> = nodes
            .iter()
            .map(|n| n.parent.is_some_and(|p| nodes[p].parent.is_some()))
            .collect();
        nodes
            .par_iter_mut()
            .zip(deep.par_iter())
            .with_min_len(NODES_PER_TASK)
            .for_each(|(n, &deep)| {
                n.aside = aside_title(&n.heading.title)
                    && !numbered_preface(&n.heading)
                    && !(deep && opens_topic(&n.heading.title));
            });
        Self { nodes, roots }
    }

    /// The section and record starts, in line order.
    pub(super) fn boundaries(&self, lines: &[Ln<'_>]) -> Vec<Start> {
        let mut out = Vec::new();
        let level = Level::of(&self.nodes, &self.roots);
        for &root in &self.roots {
            self.visit(root, &level, lines, &mut out);
        }
        out.sort_by_key(|s| s.line);
        out
    }

    /// `level`: the counts of the run of headings `id` is one of.
    fn visit(&self, id: usize, level: &Level, lines: &[Ln<'_>], out: &mut Vec<Start>) {
        let node = &self.nodes[id];
        let h = &node.heading;
        let cut = self.cut(node, lines);
        let held = node
            .children
            .partition_point(|&c| cut.is_none_or(|cut| self.nodes[c].line < cut));
        // Numbered parts (`### 1. Queue`, `### 2. Pipe`) and then an unnumbered sub-heading that
        // asks (`### 多进程队列为何…`): the parts answer the heading, the question is new.
        let held = node
            .children
            .iter()
            .enumerate()
            .skip(1)
            .find(|&(k, &c)| {
                let kid = &self.nodes[c].heading;
                matches!(kid.style, Style::Markdown(_))
                    && kid.number.is_none()
                    && interrogative(&kid.title)
                    && node.children[..k]
                        .iter()
                        .all(|&p| self.nodes[p].heading.number.is_some())
            })
            .map_or(held, |(k, _)| held.min(k));
        let (kids, after) = node.children.split_at(held);
        // A heading that asks and has an answer of its own (`## Redis回收进程如何工作的？`, then
        // text, then `### 谈谈redis事务？`) is a record; its asking children are records too.
        let (parts, new_question) = self.answered_in_parts(node);
        let answered_question = self.answered_over_kids(node, lines);
        // Its content overrides the title's word: a `### 小结` over numbered questions reviews
        // them, it is no aside.
        let asking_kids = node
            .children
            .iter()
            .filter(|&&c| self.nodes[c].asks)
            .count();
        // Not so a contents heading: it lists the questions, it does not review them.
        let reviews = node.children.len() >= 2
            && asking_kids * 2 >= node.children.len()
            && !contents_title(&h.title);
        if matches!(h.style, Style::Markdown(_))
            && node.aside
            && !reviews
            && !self.chapter_over_sections(node)
        {
            out.push(Start {
                line: node.line,
                rank: Some(h.style.rank()),
                role: Role::Aside,
            });
            // A title that outranks the whole file (`# 概述` over `## 常见题` and its questions)
            // sets aside only its own words: the parts under it speak for themselves.
            // So does a contents heading over the groups it lists (`## 目录`, its links, then
            // `#### 通用问题:` over `* 为什么…？` bullets): the groups' questions are no contents.
            let holds = node.children.iter().any(|&c| {
                let kid = &self.nodes[c];
                matches!(kid.heading.style, Style::Markdown(_))
                    && (kid.children.iter().any(|&g| self.holds_question(g))
                        || (kid.bullets >= 2 && kid.asking_bullets * 2 > kid.bullets))
            });
            if holds || self.introduces_content(node) {
                let level = Level::of(&self.nodes, &node.children);
                for &child in &node.children {
                    self.visit(child, &level, lines, out);
                }
            }
            return;
        }
        // A document title (`# 面试题库` right above another heading) heads what follows; a
        // numbered one (`# 7. 管程` among `# 6. …`) is one more question, left unanswered.
        // So is one naming a collection over a short introduction (`# node-interview-questions`
        // / `Node是搞后端的，…`): the introduction is the notes' own, no answer.
        // Not an empty topic among topic cards after the first heading (`# 指针` over its
        // answer, then `# static` with nothing under it, `# const` …): a card left unanswered.
        // Asked last: most headings are turned away before.
        let first_markdown = || {
            self.nodes[..id]
                .iter()
                .all(|n| !matches!(n.heading.style, Style::Markdown(_)))
        };
        let title_only = matches!(h.style, Style::Markdown(1))
            && h.number.is_none()
            && node.children.is_empty()
            && !node.asks
            && ((node.body == 0 && (names_collection(&h.title) || first_markdown()))
                || (node.body <= 2
                    && names_collection(&h.title)
                    && introduction(lines, node.line)));
        let groups = parts == 0 && (title_only || self.groups(node, kids, level, lines));
        let items_below = !groups && parts == 0 && self.item_typed_high(id, lines);
        let role = if groups && !answered_question {
            Role::Section {
                rank: h.style.rank(),
                title: section_title(h, lines[node.line].text),
            }
        } else {
            Role::Record {
                number: h.number.clone(),
                question: h.title.clone(),
            }
        };
        out.push(Start {
            line: node.line,
            rank: Some(h.style.rank()),
            role,
        });
        // Children a record holds are sub-points of its answer; the others are visited.
        let visited = if groups || items_below {
            node.children.as_slice()
        } else if parts > 0 {
            &node.children[new_question.min(held)..]
        } else {
            after
        };
        if !visited.is_empty() {
            let level = Level::of(&self.nodes, &node.children);
            for &child in visited {
                self.visit(child, &level, lines, out);
            }
        }
    }

    /// Where a heading stops holding its children, if it does: at an unnumbered question among
    /// them (`一、TCP和UDP的区别` … `HTTP与TCP的区别和联系`; numbered lines after it ask
    /// questions of their own), or at a title naming a collection of questions (`SQL 面试题目汇总`,
    /// alone between blank lines; the numbered lines after it are the collection's). Under a
    /// heading that asks with a question mark (`## webpack 性能优化？`), not at a line inside a
    /// Markdown sub-heading's part with Markdown sub-headings after it (`### 自动刷新` /
    /// `先验证下 webpack 是否能默认自动刷新页面 ？？？` / … / `### 热更新`): a question asked in
    /// passing there leaves the question its parts.
    fn cut(&self, node: &Node, lines: &[Ln<'_>]) -> Option<usize> {
        let last = node
            .children
            .last()
            .map_or(node.line, |&c| self.nodes[c].line);
        let markdown = |c: usize| matches!(self.nodes[c].heading.style, Style::Markdown(_));
        // Under a heading that names a question by its number (`### 示范问题 1`), the bold line
        // right under it words that question (`**Where is your hometown?**`): no cut. Asked
        // only of such a line: most headings have none.
        let worded = |i: usize| {
            lines[node.line + 1..i]
                .iter()
                .all(|l| matches!(l.kind, Kind::Blank))
                && numbered_name(node.heading.number.as_deref(), &node.heading.title)
        };
        (node.line + 1..last)
            .find(|&i| (strong_title(lines, i, false) && !worded(i)) || collection_title(lines, i))
            .filter(|&cut| {
                let k = node.children.partition_point(|&c| self.nodes[c].line < cut);
                let inside_part = k > 0
                    && markdown(node.children[k - 1])
                    && node.children.get(k).is_some_and(|&c| markdown(c));
                // Nor under a heading that lists exactly its sub-headings (`### == vs equals`
                // over `#### ==` and `#### equals`): each holds a part of one answer.
                !(inside_part
                    && (ends_asking(&node.heading.title)
                        || lists_exactly(
                            &node.heading.title,
                            node.children
                                .iter()
                                .map(|&c| self.nodes[c].heading.title.as_str()),
                        )))
            })
    }

    /// How many of `kids` are Markdown sub-headings over questions of their own. A sub-heading
    /// that asks itself (`### 什么是 Loader?`) is over the parts of its answer (`2. 列举常见的
    /// 加载器`), not questions.
    fn holding(&self, kids: &[usize]) -> usize {
        kids.iter()
            .filter(|&&k| {
                let kid = &self.nodes[k];
                matches!(kid.heading.style, Style::Markdown(_))
                    && !kid.asks
                    && kid.children.iter().any(|&c| self.holds_question(c))
            })
            .count()
    }

    /// A heading with an answer of its own over answered sub-headings of the level the titles
    /// before it hold their items at, two items or more between them (`# 面试题整理` over `##
    /// window.open`, `## 正则`, …, then `# BFC` over its answer and `## vue单页面应用`, `##
    /// cookie`): one more item typed a level too high, and the sub-headings are the items that
    /// follow, not parts of its answer. Not where its answer leads in to them (`…三个好处：`).
    fn item_typed_high(&self, id: usize, lines: &[Ln<'_>]) -> bool {
        let node = &self.nodes[id];
        let Style::Markdown(_) = node.heading.style else {
            return false;
        };
        let Some(&first) = node.children.first() else {
            return false;
        };
        let items = self.nodes[first].heading.style;
        // An answer of its own that leads in to the sub-headings (`…主要有下面三个好处：`) is
        // answered by them: they are its parts.
        let leads_in = lines[node.line + 1..self.nodes[first].line]
            .iter()
            .rev()
            .find(|l| !matches!(l.kind, Kind::Blank))
            .is_some_and(|l| l.text.trim_end().ends_with([':', '：']));
        if leads_in {
            return false;
        }
        // Sub-headings of the items' level, answered, none with parts (one in four of a
        // title's items may have them: `### == vs equals` over `#### ==`); among four or more,
        // one in four may be left empty (`### Files的常用方法都有哪些` with nothing under it).
        let answered = |n: &Node, parts: bool| {
            let kids = || {
                n.children
                    .iter()
                    .map(|&c| &self.nodes[c])
                    .filter(|k| k.heading.style == items)
            };
            let empty = kids()
                .filter(|k| k.body == 0 && k.children.is_empty())
                .count();
            let count = kids().count();
            // Under a title, an item's bold or numbered lines are its content; its parts are
            // sub-headings.
            let with_parts = kids()
                .filter(|k| {
                    k.children.iter().any(|&c| {
                        !parts || matches!(self.nodes[c].heading.style, Style::Markdown(_))
                    })
                })
                .count();
            let answered = (empty == 0 || (count >= 4 && empty * 4 <= count))
                && (with_parts == 0 || (parts && with_parts * 4 <= count));
            (count, answered)
        };
        let (count, items_answered) = answered(node, false);
        if node.body == 0
            || !matches!(items, Style::Markdown(_))
            || count < node.children.len()
            || !items_answered
        {
            return false;
        }
        let siblings = node.parent.map_or(&self.roots, |p| &self.nodes[p].children);
        let at = siblings.partition_point(|&s| self.nodes[s].line < node.line);
        // Back over earlier items typed the same way, to the titles that hold two items or more
        // between them (`## JavaEE` over a bold question and `### forward 和redirect的区别`,
        // after `## java basic` over thirty `###` questions).
        let mut held = 0;
        for &s in siblings[..at].iter().rev().take(MISPLACED_LOOKBACK) {
            let sib = &self.nodes[s];
            if sib.heading.style != node.heading.style {
                continue;
            }
            let (count, items_answered) = answered(sib, sib.body == 0);
            if sib.body > 0 && count == sib.children.len() && count > 0 && items_answered {
                continue;
            }
            // A title names the collection: no number, asking nothing (`## 6. Exception 和
            // Error 的异同` over `### 经典回答` is a question answered in parts, not a title),
            // and most of what it holds are items.
            let title = sib.body == 0
                && sib.heading.number.is_none()
                && !super::question_like(&sib.heading.title)
                && count * 2 >= sib.children.len()
                && count > 0
                && items_answered;
            if !title {
                break;
            }
            held += count;
            if held >= 2 {
                return true;
            }
        }
        false
    }

    /// A heading that asks with nothing of its own over sub-headings that name parts of what
    /// it asks (`## 什么是线程和进程？` over `### 进程？`, `### 线程？`) is one question
    /// answered part by part, up to a sub-heading that asks something new: that one and those
    /// after it are questions of their own. The number of such parts, and where the new
    /// questions start among the children.
    fn answered_in_parts(&self, node: &Node) -> (usize, usize) {
        let h = &node.heading;
        if !interrogative(&h.title) || node.body > 0 {
            return (0, 0);
        }
        let named = |c: usize| {
            let kid = &self.nodes[c].heading;
            let part = kid.title.trim().trim_end_matches(['?', '？']).trim();
            matches!(kid.style, Style::Markdown(_))
                && !part.is_empty()
                && part.chars().count() * 2 <= h.title.chars().count()
                && h.title.contains(part)
        };
        let parts = node.children.iter().take_while(|&&c| named(c)).count();
        let new_question = parts
            + node.children[parts..]
                .iter()
                .position(|&c| !named(c) && interrogative(&self.nodes[c].heading.title))
                .unwrap_or(node.children.len() - parts);
        (parts, new_question)
    }

    /// Under a heading that is one question, do its sub-headings ask questions of their own:
    /// most of them with a question mark, or, four or more, most of them in words?
    fn kids_ask_apart(&self, parent: &Heading, kids: &[usize]) -> bool {
        let kid = |k: &usize| &self.nodes[*k];
        // Under a heading only numbered (`## 3. 基础知识`), a question word asks as a mark
        // does (`1) **C++中指针与引用的区别**`).
        let asked = |t: &str| ends_asking(t) || (!asks_any_way(&parent.title) && question_like(t));
        let marked = kids.iter().filter(|k| asked(&kid(k).heading.title)).count();
        // Many sub-headings that ask in words (`### Kafka中的HW、LEO等分别代表什么`,
        // `### kafka中的broker 是干什么的`), most with a mark or not, are questions of
        // their own: an answer is not parted into four questions or more. Not numbered steps
        // (`### 1. 用top看是什么进程占用高`), nor parts that ask what the heading asks
        // (`### JDK1.7中的区别` under `## …有什么区别？`).
        let worded = kids
            .iter()
            .filter(|k| {
                kid(k).heading.number.is_none() && asks_beyond(&kid(k).heading.title, &parent.title)
            })
            .count();
        (marked > 0 && marked * 2 >= kids.len())
            || (kids.len() >= 4 && marked > 0 && worded * 3 >= kids.len() * 2)
    }

    /// A heading that lists exactly its sub-headings (`### final, finally, finalize` over
    /// `#### final`, `#### finally`, `#### finalize`; `### == vs equals` over `#### ==` and
    /// `#### equals`) sets them side by side: one question, they the parts of its answer. Not
    /// where they hold questions of their own (`## Redis、MySQL` over `### Redis` / `- Redis
    /// 为什么快？`), or bold titles alone on their lines (`**持久化机制**`), which may be.
    fn compares_parts(&self, parent: &Heading, kids: &[usize], lines: &[Ln<'_>]) -> bool {
        let bold_titles = |k: usize| {
            lines[self.nodes[k].line + 1..]
                .iter()
                .take_while(|l| !matches!(l.kind, Kind::Heading(_)))
                .any(|l| line::bold_span(l.text.trim()).is_some())
        };
        kids.len() >= 2
            && kids.iter().all(|&k| {
                let kid = &self.nodes[k];
                kid.heading.number.is_none() && kid.children.is_empty() && !self.holds_question(k)
            })
            && lists_exactly(
                &parent.title,
                kids.iter().map(|&k| self.nodes[k].heading.title.as_str()),
            )
            && !kids.iter().any(|&k| bold_titles(k))
    }

    /// Chapter numbering (`# 3.核心原理` over `## 3.1 同步机制` over `### 3.1.1 同步方法`):
    /// Markdown sub-headings whose numbers extend the heading's, two of them or one with
    /// sub-headings of its own, make a chapter, unless the heading asks (asked by the caller).
    /// After the first, sections numbered deeper in the same chapter count too: those of the
    /// next section, nested under this one for want of its own heading (`#### 1.2.1` after
    /// `#### 1.1.3` under `### 1.1`, no `### 1.2`).
    fn numbered_chapter(&self, parent: &Heading, kids: &[usize]) -> bool {
        let Some(prefix) = chapter_prefix(parent) else {
            return false;
        };
        let depth = |n: &str| n.trim_end_matches('.').split('.').count();
        let chapter = prefix.split('.').next().map(|c| format!("{c}."));
        let deeper = |h: &Heading| {
            matches!(h.style, Style::Markdown(_))
                && h.number.as_deref().is_some_and(|n| {
                    depth(n) > depth(&prefix)
                        && chapter.as_deref().is_some_and(|c| n.starts_with(c))
                })
        };
        kids.first()
            .is_some_and(|&k| numbered_under(&self.nodes[k].heading, &prefix))
            && kids.iter().all(|&k| {
                let h = &self.nodes[k].heading;
                numbered_under(h, &prefix) || deeper(h)
            })
            && (kids.len() >= 2 || kids.iter().any(|&k| !self.nodes[k].children.is_empty()))
    }

    /// A section numbered inside its chapter (`#### 1.1 命题与联结词`) whose words ask nothing,
    /// over sub-headings without numbers: a section of topics, not a numbered question.
    fn numbered_section(&self, parent: &Heading, kids: &[usize]) -> bool {
        parent
            .number
            .as_deref()
            .is_some_and(|n| n.trim_end_matches('.').contains('.'))
            && !question_like(&parent.title)
            && kids.iter().all(|&k| {
                let kid = &self.nodes[k].heading;
                matches!(kid.style, Style::Markdown(_)) && kid.number.is_none()
            })
    }

    /// A heading with words of its own (`### 课上习题——复杂生产者消费者` over the problem and
    /// its code) over sub-headings that each name a part of its answer (`#### 分析步骤`), none
    /// over headings or questions of its own: one card, whatever its title names.
    fn answered_in_named_parts(&self, node: &Node, kids: &[usize]) -> bool {
        node.body > node.links
            && !kids.is_empty()
            && kids.iter().all(|&k| {
                let kid = &self.nodes[k];
                matches!(kid.heading.style, Style::Markdown(_))
                    && kid.heading.number.is_none()
                    && !kid
                        .children
                        .iter()
                        .any(|&c| matches!(self.nodes[c].heading.style, Style::Markdown(_)))
                    && !self.holds_question(k)
                    && titles_a_part(&kid.heading.title)
            })
    }

    /// Sub-headings that each name a kind of part (`### 流程图` over a picture, `### 概述：` over
    /// the steps), none over sub-headings of its own, are parts of one answer: the topic over
    /// them is one card. A name that also heads chapters of questions (`## 原理` / `### 扩容机制`)
    /// needs that: a chapter holds headings. Nor may most of a part's items ask, or a line under
    /// it ask with a mark: a part that collects questions (`### 注意事项` over `**…？**`) is none.
    fn named_parts(&self, kids: &[usize], lines: &[Ln<'_>]) -> bool {
        // A line under a part that asks with a mark (`- 为什么要用连接池？`, `**…？**`) is a
        // question the part collects: a part of an answer asks nothing.
        let asks_within = |k: usize| {
            lines[self.nodes[k].line + 1..]
                .iter()
                .take_while(|l| l.markdown_level().is_none())
                .any(|l| matches!(l.kind, Kind::Text | Kind::Heading(_)) && ends_asking(l.text))
        };
        // A label under a part (`#### 无ICP时：`) is a step of the part, not a chapter's topic.
        let label = |c: &usize| {
            let node = &self.nodes[*c];
            !node
                .children
                .iter()
                .any(|&g| matches!(self.nodes[g].heading.style, Style::Markdown(_)))
                && !node.asks
                && line::strip_emphasis(lines[node.line].text)
                    .trim_end()
                    .ends_with([':', '：'])
        };
        kids.len() >= 2
            && kids.iter().all(|&k| {
                let kid = &self.nodes[k];
                let title = line::strip_emphasis(&kid.heading.title);
                let title = title.trim().trim_end_matches([':', '：']).trim();
                // Part names put together (`定义与原理`, `执行流程`, `性能影响`) name parts
                // too, where three siblings at least are all such names.
                let exact = PART_TITLES.contains(&title);
                matches!(kid.heading.style, Style::Markdown(_))
                    && kid.heading.number.is_none()
                    && kid.children.iter().filter(|&&c| self.nodes[c].asks).count() * 2
                        < kid.children.len().max(1)
                    && !kid.children.iter().any(|c| {
                        matches!(self.nodes[*c].heading.style, Style::Markdown(_))
                            && (exact || !label(c))
                    })
                    && (exact || (kids.len() >= 3 && part_words(title)))
                    && !asks_within(k)
            })
    }

    /// A heading groups questions (is a section) when most of its children ask something, or
    /// when it asks nothing itself and its children carry content of their own.
    fn groups(&self, node: &Node, kids: &[usize], level: &Level, lines: &[Ln<'_>]) -> bool {
        // `####面试题一`, then code, then `问：…`: what comes before the question line is part
        // of the question, so the card starts at the heading (when it asks one question: a
        // case with several questions under it still groups them).
        let single_question = kids
            .iter()
            .filter(|&&k| self.nodes[k].heading.style == Style::Question || self.nodes[k].asks)
            .count()
            <= 1;
        if kids.is_empty()
            || self.worded_below(node, kids, single_question)
            || self.answered_in_named_parts(node, kids)
            || (numbered_name(node.heading.number.as_deref(), &node.heading.title)
                && node.body > 0
                && single_question)
        {
            return false;
        }
        // Sub-headings over questions of their own (`### Q1 ⭐⭐⭐` over `**问：…？**`): the
        // heading groups them, whatever its own shape.
        let holding = self.holding(kids);
        if holding > 0 && holding * 2 >= kids.len() {
            return true;
        }
        let parent = &node.heading;
        let kid = |k: &usize| &self.nodes[*k];
        let asking = kids.iter().filter(|k| kid(k).asks).count();
        let numbered = kids
            .iter()
            .filter(|k| kid(k).heading.number.is_some())
            .count();
        let with_content = kids
            .iter()
            .filter(|k| kid(k).body > 0 || !kid(k).children.is_empty())
            .count();
        if parent.title.is_empty() || collection_named(&parent.title) {
            return true;
        }
        if self.compares_parts(parent, kids, lines) || self.named_parts(kids, lines) {
            return false;
        }
        // A heading that runs on as sentences (`# 在 Rust 中，循环引用可能导致内存泄漏，…时。
        // `Weak` 是…`) names no group: it is one prompt, its sub-headings the parts of its answer.
        if matches!(parent.style, Style::Markdown(_)) && states(&parent.title) {
            return false;
        }
        if let Some(groups) = self.items_decide(node, kids, lines) {
            return groups;
        }
        let chapter = self.numbered_chapter(parent, kids);
        // Not among sibling headings that mostly ask (`# 5. CRTP` after `# 1.为什么…？`): there
        // it is one more question, its sub-headings the parts of its answer.
        let peers = level.of_style(parent.style);
        let among_questions = peers.same_asking * 2 > peers.same;
        if chapter && !interrogative(&parent.title) && !among_questions {
            return true;
        }
        // Among sibling headings that mostly ask, one sub-heading that asks right under a
        // heading with nothing of its own (`## 讲讲CSS预处理器的功能` / `### 什么是预处理器？`)
        // opens the answer: the heading is one more question. After an answer of the
        // heading's own, such a sub-heading is a follow-up question.
        if matches!(parent.style, Style::Markdown(_))
            && node.body == 0
            && among_questions
            && peers.same >= 3
            && asking <= 1
            && (interrogative(&parent.title) || opens_with_request(&parent.title))
        {
            return false;
        }
        // A heading that asks (`一、TCP和UDP的区别`), or a Markdown heading numbered like a
        // question (`### 1.6、说说协程…`, `## 4.内部类…`), is one question: its children are
        // parts of the answer unless most of them end in a question mark themselves.
        let arabic_number = parent
            .number
            .as_deref()
            .is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()))
            && !self.numbered_section(parent, kids);
        if interrogative(&parent.title)
            || (matches!(parent.style, Style::Markdown(_)) && arabic_number)
        {
            return self.kids_ask_apart(parent, kids);
        }
        // Only headings made for grouping (`##`, `一、`) group topics; a numbered question's
        // `（1）` children are its steps.
        let grouping_style = matches!(parent.style, Style::Markdown(_) | Style::Chinese);
        // A topic with an introduction over sub-headings that ask nothing: one note. Not an
        // outline three levels deep: a chapter.
        let sub_headings = numbered == 0
            && asking == 0
            && node.body > 0
            && !self.three_deep(kids)
            && !kids.iter().any(|&k| self.holds_question(k));
        if self.empty_outline(node, kids) {
            return true;
        }
        // A heading among sibling headings that ask (`## 栈和堆的区别？`, `## DOM操作`, `## 闭包
        // 是什么？`) is one question too when none of its items ask: they are its answer.
        if matches!(parent.style, Style::Markdown(_))
            && asking == 0
            && peers.kept >= 3
            && peers.kept_asking * 2 > peers.kept
            && !kids.iter().any(|&k| self.holds_question(k))
        {
            return false;
        }
        // Placeholders aside, the heading is read by the sub-headings that hold something.
        let placeholders = self.placeholders(kids);
        (sub_headings && self.topics_after_intro(node, lines))
            || asking * 2 >= kids.len()
            || (grouping_style
                && !sub_headings
                && !question_like(&parent.title)
                && !names_remedies(&parent.title)
                && (numbered * 2 >= kids.len()
                    || (with_content > 0 && with_content * 2 >= kids.len() - placeholders)))
    }
}

/// Names of the parts of one topic's write-up (`### 流程图`, `### 概述`, `### 原理`).
const PART_TITLES: &[&str] = &[
    "概述",
    "简介",
    "介绍",
    "定义",
    "概念",
    "原理",
    "流程",
    "流程图",
    "图解",
    "示意图",
    "架构图",
    "示例",
    "例子",
    "举例",
    "示例代码",
    "代码示例",
    "用法",
    "特点",
    "优点",
    "缺点",
    "优缺点",
    "作用",
    "注意",
    "注意事项",
    "结论",
    "区别",
    "联系",
    "区别与联系",
];

/// Generic words that name a part of an answer rather than a subject: `定义与原理`, `执行流程`,
/// `示例场景`, `性能影响`, `设计要点` are made of nothing else.
const PART_WORDS: &[&str] = &[
    "定义", "原理", "概念", "核心", "执行", "工作", "流程", "示例", "例子", "案例", "场景", "性能",
    "影响", "优势", "劣势", "特性", "特点", "优点", "缺点", "实现", "方式", "方法", "设计", "要点",
    "技术", "对比", "效果", "提升", "优化", "组合", "监控", "工具", "原则", "基本", "主要", "常见",
    "适用", "使用", "应用", "注意", "事项", "背景", "作用", "用法", "步骤", "分类", "类型", "结构",
    "代码", "说明", "简介", "概述", "介绍", "解决", "方案", "机制", "局限", "限制", "风险", "建议",
    "最佳", "实践", "配置", "原因", "分析", "意义", "目的", "关键", "思想", "总结", "策略", "细节",
    "过程", "图解", "演示", "与", "和", "及",
];

/// Does `title` name a part of one topic's write-up: one of [`PART_TITLES`] (`原理`), or made of
/// [`PART_WORDS`] alone (`执行流程`)?
pub(crate) fn names_a_part(title: &str) -> bool {
    PART_TITLES.contains(&title) || part_words(title)
}

/// Does a heading's title, emphasis and a closing colon aside (`#### **分析步骤：**`), name a
/// part of one answer ([`names_a_part`])?
pub(crate) fn titles_a_part(title: &str) -> bool {
    names_a_part(&plain_name(title))
}

/// Is `title` made of [`PART_WORDS`] alone, two at least (`执行流程`, `定义与原理`)?
fn part_words(title: &str) -> bool {
    // Can `rest` be cut into part words? Titles are short: a plain search will do.
    fn cut(rest: &str, words: usize) -> bool {
        if rest.is_empty() {
            return words >= 2;
        }
        PART_WORDS
            .iter()
            .any(|w| rest.strip_prefix(w).is_some_and(|r| cut(r, words + 1)))
    }
    title.chars().count() <= 8 && cut(title, 0)
}

/// Is `title` a list of exactly the `items`, in any order, parted by commas, `、`, `/` or
/// ` vs ` (`final, finally, finalize`; `== vs equals`)? Case and emphasis aside.
pub(crate) fn lists_exactly(title: &str, items: impl Iterator<Item = impl AsRef<str>>) -> bool {
    let norm = |t: &str| line::strip_emphasis(t).trim().to_lowercase();
    let title = norm(title).replace(" vs. ", ",").replace(" vs ", ",");
    let mut pieces: Vec<&str> = title.split([',', '，', '、', '/']).map(str::trim).collect();
    if pieces.len() < 2 || pieces.iter().any(|p| p.is_empty()) {
        return false;
    }
    for item in items {
        let item = norm(item.as_ref());
        let Some(k) = pieces.iter().position(|&p| p == item) else {
            return false;
        };
        pieces.swap_remove(k);
    }
    pieces.is_empty()
}

/// Does a heading name the remedies for the topic above it (`## 解决办法`, `### 解决方案`) or
/// its pros and cons (`## 微服务的优缺点`)? It asks how the topic is solved or weighed, and its
/// sub-headings (`#### BloomFilter`, `#### 缓存空值`; `### 优点`, `### 缺点`) are the parts of
/// that answer, not topics of their own.
fn names_remedies(title: &str) -> bool {
    ["解决办法", "解决方案", "解决方法", "优缺点"]
        .iter()
        .any(|w| title.contains(w))
}

/// Least non-blank lines of a topic's own that make it a card before its sub-topics (see
/// `topics_after_intro`); the sub-topics hold [`TOPIC_LINES`] each on average, [`TOPICS_LINES`] in all.
const TOPIC_INTRO_LINES: usize = 3;
const TOPIC_LINES: usize = 5;
/// Most sub-headings an introduction names as the parts of one answer.
const NAMED_PARTS: usize = 3;
const TOPICS_LINES: usize = 30;

/// Most non-blank lines a heading's own introduction over the points of its answer holds
/// (see `items_decide`): more, and what is under the heading is more than an introduction.
const INTRO_LINES: usize = 3;

/// Does an introduction announce what follows as steps, stages or a plan (`下面是安装的步骤`,
/// `按周安排如下`, `排查思路如下`)?
fn announces_steps(text: &str) -> bool {
    [
        "如下", "以下", "下面", "步骤", "流程", "过程", "阶段", "计划", "安排", "思路",
    ]
    .iter()
    .any(|w| text.contains(w))
}

/// Characters past which a numbered item is a point made, not the title of a topic.
const TOPIC_CHARS: usize = 30;

impl Outline {
    /// `### Question 1.1: Design a crawler` right over a bare `**Question:**` label and the
    /// one question it words (quoted below, no list of questions under it): the label only
    /// brings in the wording of the heading's question.
    fn worded_below(&self, node: &Node, kids: &[usize], single_question: bool) -> bool {
        node.body == 0
            && single_question
            && kids.first().is_some_and(|&k| {
                let label = &self.nodes[k];
                label.heading.style == Style::Question
                    && label.heading.number.is_none()
                    && label.heading.title.trim().is_empty()
                    && label.children.is_empty()
            })
    }

    /// A heading with no words of its own that asks nothing, over sub-headings with none
    /// either (`## 安全要素与 STRIDE 威胁` over `### 授权与认证`, `### HTTPS 原理剖析`): an
    /// outline of questions still to be answered, not one question answered by titles. One
    /// sub-heading in ten may hold a line (the last one over a link to all the answers).
    fn empty_outline(&self, node: &Node, kids: &[usize]) -> bool {
        let filled = kids.iter().filter(|&&k| self.nodes[k].body > 0).count();
        node.body == 0
            && kids.len() >= 2
            && filled * FILLED_SHARE <= kids.len()
            && !question_like(&node.heading.title)
            && kids.iter().all(|&k| {
                let kid = &self.nodes[k];
                matches!(kid.heading.style, Style::Markdown(_)) && kid.children.is_empty()
            })
    }

    /// Sub-headings with nothing under them that ask nothing (`## 数组`, `## 链表` among `## 树`
    /// over its questions): placeholders, topics still to be filled in.
    fn placeholders(&self, kids: &[usize]) -> usize {
        kids.iter()
            .filter(|&&k| {
                let kid = &self.nodes[k];
                matches!(kid.heading.style, Style::Markdown(_))
                    && kid.body == 0
                    && kid.children.is_empty()
                    && !kid.asks
            })
            .count()
    }

    /// What the shape of the numbered items alone decides, before the heading's own words.
    fn items_decide(&self, node: &Node, kids: &[usize], lines: &[Ln<'_>]) -> Option<bool> {
        let parent = &node.heading;
        let kid = |k: &usize| &self.nodes[*k];
        // Numbered one-liners that ask nothing and have nothing under them (`### 主要功能`
        // over `1. 数据定义` `2. 数据操纵`) enumerate: they are the heading's answer, not
        // questions left unanswered.
        let enumeration = kids.len() >= 2
            && kids.iter().all(|k| {
                !matches!(kid(k).heading.style, Style::Markdown(_))
                    && kid(k).body == 0
                    && kid(k).children.is_empty()
                    && !kid(k).asks
            });
        if enumeration {
            return Some(false);
        }
        // Numbered items right under the heading that state (`1、视图一般写在views.py中。`,
        // `2、所有的映射都用path函数包装。`), most of them, are points the heading makes: one
        // card, not questions.
        let statements = node.body == 0
            && kids.len() >= 2
            && kids.iter().all(|k| {
                !matches!(kid(k).heading.style, Style::Markdown(_))
                    && kid(k).heading.number.is_some()
            })
            && kids
                .iter()
                .filter(|k| {
                    let title = &kid(k).heading.title;
                    !kid(k).asks && (states(title) || (kid(k).body == 0 && glossed(title)))
                })
                .count()
                * 2
                > kids.len();
        if statements {
            return Some(false);
        }
        if self.glossary(node, kids) {
            return Some(false);
        }
        if self.lone_part(node, kids) {
            return Some(false);
        }
        // A heading that leads in with a colon and names kinds of one thing (its uses, ways,
        // features…) over numbered labels that lead in too, none asking (`### Primary
        // Use Cases of Apache Kafka:` / `1. **Real-Time Data Streaming:**` / `   - Process and
        // analyze…` / `2. **Event Sourcing:**` / …): the parts of one answer, not questions. A
        // chapter, a day's log or a list of problems so written (`## 第五章 文件管理：`, `### 缓存
        // 的三大问题：`) keeps its questions.
        let leads_in = |t: &str| line::strip_emphasis(t).trim_end().ends_with([':', '：']);
        let labelled_parts = leads_in(&parent.title)
            && names_kinds(&parent.title)
            && !names_collection(&parent.title)
            && kids.len() >= 2
            && kids.iter().all(|k| {
                !matches!(kid(k).heading.style, Style::Markdown(_))
                    && !kid(k).asks
                    && leads_in(&kid(k).heading.title)
            });
        if labelled_parts {
            return Some(false);
        }
        // A heading that explains itself first, in a line or a few (`# 缓存击穿` / `单个热点key
        // 过期，请求会访问数据库` / `1. 互斥锁：…` / `2. 逻辑过期…`), over numbered items none of
        // which asks: one card, the items the points of its answer.
        // An item with nothing under it that runs on in sentences states, though it names a
        // difference (`…这就是进程和线程的重要区别。`), unless it asks with another word or
        // requests (`1. 为什么要有双亲委派机制。如果没有它会出现什么问题。`, `1. 说说…`).
        let statement = |kid: &Node| {
            let t = &kid.heading.title;
            kid.body == 0
                && kid.children.is_empty()
                && states(t)
                && !interrogative(&t.replace("区别", "、"))
                && !opens_with_request(t)
        };
        let explained = (1..=INTRO_LINES).contains(&node.body)
            && !names_collection(&parent.title)
            && !parent.title.contains("问题")
            && kids.len() >= 2
            && kids.iter().all(|k| {
                matches!(
                    kid(k).heading.style,
                    Style::Arabic | Style::Paren | Style::HalfParen
                ) && (!kid(k).asks || statement(kid(k)))
                    && !ends_asking(&kid(k).heading.title)
            })
            && !self.topics_introduced(node, kids, lines);
        if explained {
            return Some(false);
        }
        // An instruction about the items below it (`3、解释以下词汇` over `1）汇编语言` and its
        // explanation, `2）编译` and its own): each item is asked in turn and answered under it.
        // So does `##Explain the following terminologies:` with nothing of its own over `###
        // Alpha testing`, `### Beta testing`, … each explained, three or more.
        let lower = parent.title.to_lowercase();
        let explain_following = lower.contains("the following")
            && ["explain", "define", "describe"]
                .iter()
                .any(|w| lower.starts_with(w))
            && node.body == 0
            && kids.len() >= 3;
        let points_at_items = (["以下", "下列"].iter().any(|w| parent.title.contains(w))
            || explain_following)
            && !ends_asking(&parent.title)
            && kids.len() >= 2
            && kids.iter().all(|k| {
                kid(k).body > 0
                    && (kid(k).heading.number.is_some()
                        || (explain_following
                            && matches!(kid(k).heading.style, Style::Markdown(_))))
            });
        if points_at_items {
            return Some(true);
        }
        None
    }

    /// One numbered part alone under a heading with words of its own (`#### 说下浏览器缓存`
    /// / `浏览器缓存是由 header 决定的` / `1.缓存介绍` over the rest): the writer began to
    /// number the parts of the answer and did not go on; a list of one asks nothing new
    /// unless it asks plainly (`介绍` asks by its word alone; `1. 简述…`, `1. 为什么…` do
    /// more) or numbered parts of its own hang under it.
    fn lone_part(&self, node: &Node, kids: &[usize]) -> bool {
        node.body > 0
            && !names_collection(&node.heading.title)
            && matches!(kids, [k] if {
                let kid = &self.nodes[*k];
                let t = &kid.heading.title;
                !matches!(kid.heading.style, Style::Markdown(_))
                    && kid.heading.value == Some(1)
                    && kid.children.is_empty()
                    && !ends_asking(t)
                    && !interrogative(t)
                    && !opens_with_request(t)
            })
    }

    /// Under a heading with text of its own, numbered items that each gloss a label at length
    /// (`1. 运行时异常：都是RuntimeException类及其子类异常，如…`), none asking, are the points of
    /// its answer too.
    fn glossary(&self, node: &Node, kids: &[usize]) -> bool {
        node.body > 0
            && !names_collection(&node.heading.title)
            && !node.heading.title.contains("问题")
            && kids.len() >= 2
            && kids.iter().all(|&k| {
                let kid = &self.nodes[k];
                !matches!(kid.heading.style, Style::Markdown(_))
                    && kid.heading.number.is_some()
                    && kid.children.is_empty()
                    && !kid.asks
                    && glossed_within(&kid.heading.title, GLOSSARY_LABEL_CHARS)
            })
    }

    /// Items that each hold a paragraph of their own (`1. 基本可用（Basically Available）` /
    /// blank / its explanation, as `# CAP理论`'s items before) are topics the introduction
    /// leads to, not points of its answer; unless it announces them as steps or stages
    /// (`下面是编译安装的步骤`, `按周安排如下`).
    fn topics_introduced(&self, node: &Node, kids: &[usize], lines: &[Ln<'_>]) -> bool {
        self.titles_over_paragraphs(kids, lines)
            && !self
                .introduction(node, lines)
                .iter()
                .any(|l| announces_steps(l.text))
    }

    /// The lines between a heading and its first child: its own introduction over them (asked
    /// only of a heading with children).
    fn introduction<'l, 'a>(&self, node: &Node, lines: &'l [Ln<'a>]) -> &'l [Ln<'a>] {
        let end = node
            .children
            .first()
            .map_or(node.line + 1, |&first| self.nodes[first].line);
        &lines[node.line + 1..end]
    }

    /// Does each of `kids`, two or more, title a paragraph of its own: a short title, a blank
    /// line, then text under it? Not a label leading in to its points (`1. **测试的开始**：`)
    /// or glossed (`1. 互斥锁：只让一个线程重建缓存`): a point made.
    fn titles_over_paragraphs(&self, kids: &[usize], lines: &[Ln<'_>]) -> bool {
        kids.len() >= 2
            && kids.iter().all(|&k| {
                let kid = &self.nodes[k];
                let title = line::strip_emphasis(&kid.heading.title);
                kid.body > 0
                    && kid.children.is_empty()
                    && title.chars().count() <= TOPIC_CHARS
                    && !title.contains([':', '：'])
                    && lines
                        .get(kid.line + 1)
                        .is_some_and(|l| matches!(l.kind, Kind::Blank))
            })
    }

    /// A heading with an answer of its own that stays a card when it groups the headings
    /// under it: one that asks (`## Redis回收进程如何工作的？` over text), or a topic explained
    /// at length over long sub-topics (see `topics_after_intro`).
    fn answered_over_kids(&self, node: &Node, lines: &[Ln<'_>]) -> bool {
        (interrogative(&node.heading.title) && node.body > 0)
            || (matches!(node.heading.style, Style::Markdown(_))
                && self.topics_after_intro(node, lines))
    }

    /// A topic explained at length in its own words (`## 事务处理` over nine lines on what a
    /// transaction is) over sub-headings that hold as much between them, topics of their own
    /// (`### 事务活动的流程`, `### 有关事务的语句`, ten lines or more each): too much for one
    /// note. The heading keeps its words as a card and the sub-headings are cards after it.
    /// Not where they name parts of one write-up (`### 原理`, `### 优点`), nor over a short
    /// introduction. The sub-headings are weighed together, five lines each on average and
    /// thirty in all, as chapters hold a short one beside long ones (`### 数据库镜像`).
    fn topics_after_intro(&self, node: &Node, lines: &[Ln<'_>]) -> bool {
        let kids = &node.children;
        // An introduction that names its two or three sub-headings (`从底层结构、扩容、线程安全
        // 三个方面回答`) leads in to the parts of its answer; one that lists more (`常用措施：数据
        // 转储、日志、数据库镜像` over five) outlines a chapter.
        let named = || {
            if kids.len() > NAMED_PARTS {
                return false;
            }
            let intro = self.introduction(node, lines);
            kids.iter()
                .filter(|&&k| {
                    let title = line::strip_emphasis(&self.nodes[k].heading.title);
                    let title = title.trim();
                    !title.is_empty() && intro.iter().any(|l| l.text.contains(title))
                })
                .count()
                * 2
                > kids.len()
        };
        node.body >= TOPIC_INTRO_LINES
            && kids.len() >= 2
            && !node.asks
            && kids.iter().all(|&k| {
                let kid = &self.nodes[k];
                matches!(kid.heading.style, Style::Markdown(_))
                    && kid.heading.number.is_none()
                    && !kid.asks
                    && !kid.aside
                    && !names_a_part(&kid.heading.title)
            })
            && kids.iter().map(|&k| self.weight(k)).sum::<usize>()
                >= TOPICS_LINES.max(TOPIC_LINES * kids.len())
            && !named()
    }

    /// Non-blank lines under a heading, its sub-headings and theirs included.
    fn weight(&self, id: usize) -> usize {
        let node = &self.nodes[id];
        node.body
            + node
                .children
                .iter()
                .map(|&c| 1 + self.weight(c))
                .sum::<usize>()
    }

    /// Are two of `kids` or more over three Markdown headings of their own or more (`#
    /// 第四章：邓小平理论` / its introduction / `## 主要内容` / `### 社会主义本质` / … / `## 历史地位`
    /// / `### …`): an outline three levels deep, a chapter rather than one note? A note's parts
    /// may have parts of their own, two or so (`## 复杂度` / `### 时间` / `### 空间`).
    fn three_deep(&self, kids: &[usize]) -> bool {
        kids.iter()
            .filter(|&&k| {
                self.nodes[k]
                    .children
                    .iter()
                    .filter(|&&c| matches!(self.nodes[c].heading.style, Style::Markdown(_)))
                    .nth(2)
                    .is_some()
            })
            .nth(1)
            .is_some()
    }

    /// A contents heading lists; sub-headings under it with answers of their own (`## 目录`,
    /// then `### 1、什么是Zookeeper?` over a paragraph, `### 2、…` …) are the content it
    /// introduces, not the list: two of them at least and half its sub-headings or more. So
    /// are those under the basic concepts (`## 基本概念` over `### 进程的定义` and its paragraph);
    /// an overview's (`## 概述` over `### 课程信息`, `### 考试范围`) are its preface.
    fn introduces_content(&self, node: &Node) -> bool {
        let basics = plain_name(&node.heading.title) == "基本概念";
        if !contents_title(&node.heading.title) && !basics {
            return false;
        }
        let (mut headings, mut answered) = (0, 0);
        for kid in node.children.iter().map(|&c| &self.nodes[c]) {
            if matches!(kid.heading.style, Style::Markdown(_)) {
                headings += 1;
                // Under the basic concepts, a concept explained in numbered points (`#### 1.
                // 基本概念` / `1. 数据：…`) holds something too; a contents heading's numbered
                // lines are its links.
                answered +=
                    usize::from(kid.body > kid.links || (basics && !kid.children.is_empty()));
            }
        }
        answered >= 2 && answered * 2 >= headings
    }

    /// A numbered chapter named as an introduction (`## 1. 简介`) over sections numbered under
    /// it (`### 1.1 概述`, `### 1.2 Kafka 优点`), two at least that hold something: the first
    /// chapter of the notes, its sections their first topics, not a preface to skip. A
    /// preface, references or a summary so numbered (`## 1. 前言` over `### 1.1 写作目的`)
    /// stays one.
    fn chapter_over_sections(&self, node: &Node) -> bool {
        let Some(prefix) = chapter_prefix(&node.heading) else {
            return false;
        };
        if !introduction_title(&node.heading.title) {
            return false;
        }
        node.children
            .iter()
            .map(|&c| &self.nodes[c])
            .filter(|kid| {
                numbered_under(&kid.heading, &prefix)
                    && (kid.body > kid.links || !kid.children.is_empty())
            })
            .nth(1)
            .is_some()
    }

    /// Does this node, or any node under it, ask a question? A heading over a list of
    /// questions (`#### CSS 相关问题：` over `* 请解释…` bullets, most of them asking) holds them.
    fn holds_question(&self, id: usize) -> bool {
        let node = &self.nodes[id];
        node.heading.style == Style::Question
            || node.asks
            || (node.bullets >= 2 && node.asking_bullets * 2 > node.bullets)
            || node.children.iter().any(|&c| self.holds_question(c))
    }
}

/// The lines under the heading at `at`, up to the next heading, are a paragraph of prose.
fn introduction(lines: &[Ln<'_>], at: usize) -> bool {
    lines[at + 1..]
        .iter()
        .take_while(|l| !matches!(l.kind, Kind::Heading(_)))
        .filter(|l| !matches!(l.kind, Kind::Blank))
        .all(Ln::prose)
}

/// A title naming a collection, in either language (`## 面试题汇总`, `# HTTP Questions`).
/// Words set off by a dash after the question mark are a remark on the question (`…的作用？
/// --未记录笔记`), not a name.
fn collection_named(title: &str) -> bool {
    let named = title
        .rsplit_once(['?', '？'])
        .filter(|(_, remark)| remark.trim_start().starts_with(['-', '—']))
        .map_or(title, |(asked, _)| asked);
    names_collection(named)
}

/// Does a numbered item's text state something: a sentence closed by `。` or holding one that
/// runs on past a topic's length — a second clause or sentence (`视图写在views.py中。并且…`,
/// `所有的映射不是随便写的，而是…。`) or over 30 characters — and not a label with its gloss
/// (`GMP：G是协程。`)? A topic with a full stop typed after it (`进程间的通信方式。`) is none.
fn states(title: &str) -> bool {
    let t = title.trim();
    let labelled = label_and_gloss(t).is_some();
    let runs_on =
        t.trim_end_matches('。').contains(['。', '，']) || t.chars().count() > STATEMENT_CHARS;
    !labelled && t.contains('。') && runs_on
}

/// Is a numbered item a label whose gloss runs on in clauses (`Required: 如果当前存在事务，则加入
/// 该事务；如果当前没有事务，则创建一个新的事务。`)? With nothing under it, it states as a sentence
/// does; a term glossed so over an answer of its own (`1. GMP：G 是 goroutine，M 是系统线程，…。`
/// over a paragraph) is a term to explain.
fn glossed(title: &str) -> bool {
    glossed_within(title, LABEL_CHARS)
}

/// [`glossed`], the label running to `label_chars` characters at most.
fn glossed_within(title: &str, label_chars: usize) -> bool {
    label_and_gloss_within(title.trim(), label_chars).is_some_and(|(_, gloss)| {
        gloss.trim_end_matches('。').contains(['，', '；']) && gloss.chars().count() > GLOSS_CHARS
    })
}

/// A numbered item's label and its gloss, split at the first colon (`GMP：G是协程。`), where
/// the label is short enough to name a term.
fn label_and_gloss(text: &str) -> Option<(&str, &str)> {
    label_and_gloss_within(text, LABEL_CHARS)
}

/// [`label_and_gloss`], the label running to `label_chars` characters at most.
fn label_and_gloss_within(text: &str, label_chars: usize) -> Option<(&str, &str)> {
    text.split_once([':', '：'])
        .filter(|(label, _)| label.chars().count() <= label_chars)
}

/// Does a numbered item define a term: a short label, a colon and a gloss of a clause at
/// least (`**Broker**：一台 kafka 服务器就是一个broker。`)?
pub(crate) fn defines_term(text: &str) -> bool {
    label_and_gloss(text.trim()).is_some_and(|(label, gloss)| {
        !line::strip_emphasis(label).trim().is_empty()
            && gloss.trim().chars().count() >= TERM_GLOSS_CHARS
    })
}

/// Characters a term's gloss holds at least (see [`defines_term`]).
const TERM_GLOSS_CHARS: usize = 8;

/// Words of a title that name the kinds of one thing its items are (`Use Cases of Apache Kafka:`,
/// `Redis 持久化的两种方式：`, `优点：`).
const KIND_WORDS: &[&str] = &[
    "场景",
    "方式",
    "方法",
    "优点",
    "缺点",
    "优势",
    "特点",
    "特性",
    "原因",
    "作用",
    "用途",
    "use case",
    "ways",
    "types",
    "kinds",
    "features",
    "benefits",
    "advantages",
    "disadvantages",
    "reasons",
    "characteristics",
];

/// Does a title name the kinds of one thing its items are (see [`KIND_WORDS`])? An English
/// word counts whole, or with a plural `s` (`use cases`; `ways`, not the end of `always`).
fn names_kinds(title: &str) -> bool {
    let lower = lowercase(title);
    KIND_WORDS.iter().any(|w| {
        lower.match_indices(w).any(|(at, _)| {
            let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
            let before = lower[..at].chars().next_back();
            let rest = &lower[at + w.len()..];
            let rest = rest.strip_prefix('s').unwrap_or(rest);
            !w.is_ascii() || (!latin(before) && !latin(rest.chars().next()))
        })
    })
}

/// Most characters a term's label before its colon holds.
const LABEL_CHARS: usize = 12;

/// Characters a label may run to before the gloss in a glossary under a heading with text of
/// its own (`非运行时异常 （编译异常）：…`): the items are known to be points there.
const GLOSSARY_LABEL_CHARS: usize = 16;

/// An outline of empty sub-headings may have one in this many hold something.
const FILLED_SHARE: usize = 10;

/// Characters past which a numbered line closed by `。` is a sentence, not a topic.
const STATEMENT_CHARS: usize = 30;

/// Characters past which a label's gloss in clauses is a sentence of its own.
const GLOSS_CHARS: usize = 20;

/// `text` in lower case. Most titles are ASCII and CJK ideographs and punctuation, which
/// have no case but ASCII's: those skip the Unicode case tables.
fn lowercase(text: &str) -> String {
    let caseless = |c: char| {
        c.is_ascii()
            || matches!(c, '\u{3000}'..='\u{303F}' | '\u{4E00}'..='\u{9FFF}' | '\u{FF01}'..='\u{FF20}')
    };
    if text.chars().all(caseless) {
        text.to_ascii_lowercase()
    } else {
        text.to_lowercase()
    }
}

/// A line alone between blank lines that names a collection of questions and asks nothing
/// (`SQL 面试题目汇总`, `Java面试题`).
fn collection_title(lines: &[Ln<'_>], i: usize) -> bool {
    let l = &lines[i];
    let blank = |k: Option<&Ln<'_>>| k.is_none_or(|n| matches!(n.kind, Kind::Blank));
    matches!(l.kind, Kind::Text)
        && i > 0
        && blank(lines.get(i - 1))
        && blank(lines.get(i + 1))
        && title_shaped(l)
        && l.text.trim().chars().count() <= COLLECTION_TITLE_CHARS
        && !l.text.contains(['，', ',', '。', '；', ';', '：', ':'])
        && COLLECTION_WORDS.iter().any(|w| l.text.contains(w))
        && !asks(l.text)
}

/// Characters past which a line is a sentence, not a collection's title.
const COLLECTION_TITLE_CHARS: usize = 20;

/// The file's first line, standing alone over a blank line (`面试题目：`), titles the whole
/// document: the numbered items under it are its questions, not points of a lead-in.
fn document_title(lines: &[Ln<'_>], at: usize) -> bool {
    lines[..at].iter().all(|l| matches!(l.kind, Kind::Blank))
        && lines
            .get(at + 1)
            .is_some_and(|l| matches!(l.kind, Kind::Blank))
}

/// A bullet item that names a topic and asks nothing (`- InnoDB存储引擎`).
fn topic_bullet(text: &str) -> bool {
    let Some(rest) = text
        .strip_prefix("- ")
        .or_else(|| text.strip_prefix("* "))
        .or_else(|| text.strip_prefix("+ "))
    else {
        return false;
    };
    !rest.trim().is_empty() && !asks(rest) && rest.chars().count() <= 30
}

/// Names of parts that hold no questions: prefaces, contents, references, conclusions.
const ASIDES: &[&str] = &[
    "前言",
    "引言",
    "序言",
    "写在前面",
    "写在最后",
    "后记",
    "结语",
    "总结",
    "小结",
    "参考",
    "参考链接",
    "参考资料",
    "参考文献",
    "参考文章",
    "延伸阅读",
    "扩展阅读",
    "相关链接",
    "相关阅读",
    "相关文章",
    "致谢",
    "反问",
    "目录",
    "内容目录",
    "table of contents",
    "contents",
    "toc",
    "references",
    "reference",
    "further reading",
    "preface",
    "背景",
    "背景介绍",
    "简介",
    "目标",
    "学习目标",
    "本节目标",
    "本章目标",
    "结论",
    "展望",
    "总结与展望",
    "未来展望",
    "未来发展",
    "未来发展趋势",
    "未来发展趋势与挑战",
    "conclusion",
    "概述",
    "overview",
    "简介",
    "基本概念",
    "来源",
    "出处",
    "todo",
    "待办",
    "待办事项",
    "复盘",
    "起源",
    "大纲",
    "内容大纲",
    "提纲",
    // The same names in traditional characters.
    "目錄",
    "內容目錄",
    "寫在前面",
    "寫在最後",
    "後記",
    "結語",
    "總結",
    "小結",
    "參考",
    "參考資料",
    "參考文獻",
    "參考文章",
    "參考鏈接",
    "延伸閱讀",
    "擴展閱讀",
    "相關鏈接",
    "相關閱讀",
    "相關文章",
    "致謝",
    "簡介",
    "背景介紹",
    "學習目標",
    "結論",
    "概述",
];

/// Headings over no question (`## 前言`, `## 目录`, `## 参考链接`): the names people give a
/// preface, a table of contents, references or a closing word. `目录 / Contents` counts too.
fn aside_title(title: &str) -> bool {
    /// Chapters named by what they are for (`项目回答模板`, `官方资料入口`, `背诵优先级`).
    const ASIDE_ENDINGS: &[&str] = &[
        "模板",
        "资料入口",
        "学习资料",
        "推荐阅读",
        "推荐教材",
        "参考教材",
        "背诵优先级",
        "学习路线",
        "学习指南",
        "学习建议",
        "复习建议",
        "答题建议",
        "发展趋势与挑战",
        "重点参考",
        "推荐参考",
        "资料推荐",
        "资源推荐",
        "书籍推荐",
    ];
    let plain = line::strip_emphasis(title);
    // Emoji in front (`📋 **TABLE OF CONTENTS**`) decorate the name.
    let plain = plain.trim_start_matches(|c: char| {
        matches!(c, '\u{2190}'..='\u{2BFF}' | '\u{1F000}'..='\u{1FAFF}' | '\u{FE0F}')
            || c.is_whitespace()
    });
    // A heading that is only an address (`### https://blog…`, `### hooks：https://…`) names
    // where the notes come from.
    let link = plain.find("http").is_some_and(|at| {
        let before = plain[..at].trim_end();
        let label = before.trim_end_matches([':', '：']);
        (before.is_empty() || label.len() < before.len())
            && label.chars().count() <= 12
            && blocks::url_only(&plain[at..]).is_some()
    });
    if link {
        return true;
    }
    // `习题来源或参考`, `目标与原则`: each of the names joined counts.
    plain.split(['/', '|', '或', '及', '&', '与']).any(|part| {
        let part = lowercase(part.trim().trim_end_matches([':', '：']).trim());
        ASIDES.contains(&part.as_str())
            || ASIDE_ENDINGS.iter().any(|e| part.ends_with(e))
            || [
                "参考资料",
                "参考链接",
                "参考文献",
                "参考文档",
                "学习资料",
                "学习资源",
                "推荐资料",
            ]
            .iter()
            .any(|p| part.starts_with(p))
            || ["来源", "出处"]
                .iter()
                .any(|e| part.ends_with(e) && part.chars().count() <= 6)
    })
}

/// What the numbers of a chapter's sections open with: the chapter's number and a dot (`3.`
/// for `# 3.核心原理`), if it has one.
fn chapter_prefix(chapter: &Heading) -> Option<String> {
    chapter.number.as_deref().map(|n| format!("{n}."))
}

/// A Markdown heading numbered inside the chapter whose [`chapter_prefix`] is `prefix` (`##
/// 3.1 同步机制` under `# 3.核心原理`).
fn numbered_under(heading: &Heading, prefix: &str) -> bool {
    matches!(heading.style, Style::Markdown(_))
        && heading
            .number
            .as_deref()
            .is_some_and(|n| n.starts_with(prefix))
}

/// A section numbered inside a chapter (`### 1.1 概述`, `## 2.1 简介`) and named as an
/// introduction opens the chapter's topics: its text is the chapter's first note, not a
/// preface to the notes. References and summaries (`### 3.5 小结`) stay asides.
fn numbered_preface(heading: &Heading) -> bool {
    heading.number.as_deref().is_some_and(|n| {
        n.trim_end_matches('.')
            .split_once('.')
            .is_some_and(|(a, b)| !a.is_empty() && b.starts_with(|c: char| c.is_ascii_digit()))
    }) && introduction_title(&heading.title)
}

/// Does a title name an introduction to a subject (`简介`, `概述`, `Overview`), rather than
/// a preface to the notes (`前言`), their sources or their summary?
fn introduction_title(title: &str) -> bool {
    const INTRODUCTIONS: &[&str] = &["概述", "简介", "簡介", "介绍", "介紹", "overview"];
    INTRODUCTIONS.contains(&plain_name(title).as_str())
}

/// Does a title name an introduction to a subject or its basic concepts (`概述`, `基本概念`)?
fn opens_topic(title: &str) -> bool {
    introduction_title(title) || plain_name(title) == "基本概念"
}

/// A heading's title as a name to look up: without emphasis, white space or a closing colon,
/// in lower case (`**Contents:**` is `contents`).
fn plain_name(title: &str) -> String {
    let plain = line::strip_emphasis(title);
    lowercase(plain.trim().trim_end_matches([':', '：']).trim())
}

/// Names of a table of contents (`目录`, `目錄`, `Contents`, `TOC`).
fn contents_title(title: &str) -> bool {
    let part = plain_name(title);
    [
        "目录",
        "内容目录",
        "目錄",
        "內容目錄",
        "table of contents",
        "contents",
        "toc",
    ]
    .contains(&part.as_str())
}

/// A restart at 1 whose run (`1.` `2.` …) is followed, in the same style and before any
/// higher-ranked heading, by the number after the interrupted sequence (`3.` … `1.` `2.` … `4.`)
/// is a list of sub-points inside question 3, not a new section of questions.
fn restart_is_sublist(lines: &[Ln<'_>], from: usize, style: Style, outer: u32) -> bool {
    let mut run = 1;
    let mut seen = 0;
    for l in &lines[from + 1..] {
        let Kind::Heading(h) = &l.kind else {
            continue;
        };
        if h.style.rank() < style.rank() {
            return false;
        }
        if h.style != style {
            continue;
        }
        seen += 1;
        if seen > 64 {
            return false;
        }
        match h.value {
            // The outer sequence resumes, maybe skipping ahead (`11.` … `1.` … `7.` then `18.`).
            Some(v) if (v > outer && v != run + 1) || (v == outer + 1 && asks(&h.title)) => {
                return true;
            }
            Some(v) if v == run + 1 => run = v,
            _ => return false,
        }
    }
    false
}

/// Is the line a numbered question wholly in bold at the margin (`3. **BERT与transformer有哪些
/// 异同点？**`)?
fn bold_question(text: &str) -> bool {
    if text.starts_with([' ', '\t', '\u{3000}']) {
        return false;
    }
    let rest = text.trim_start_matches(|c: char| c.is_ascii_digit());
    let Some(rest) = rest.strip_prefix(['.', '、', '．']) else {
        return false;
    };
    line::bold_span(rest.trim()).is_some_and(ends_asking)
}

/// A number that jumps backwards but, set off by a blank line, counts on from there for four
/// items or more (`2.finally…` `3.…` `4.…` `5.…` after `13.`) restarts the numbering: a new
/// list whose first number went missing, not a sub-point. The blank line may stand above the
/// unnumbered line that opens it (`.java出栈…`, then `2.…`).
fn restarts_count(lines: &[Ln<'_>], from: usize, style: Style, value: u32) -> bool {
    let blank = |k: usize| matches!(lines[k].kind, Kind::Blank);
    let set_off = from == 0
        || blank(from - 1)
        || (matches!(lines[from - 1].kind, Kind::Text) && (from == 1 || blank(from - 2)));
    // Indented, it sits inside the answer above.
    let indented = lines[from].indented();
    if !set_off || indented {
        return false;
    }
    // The number before it, in its style, is the one it continues: no number went missing.
    // An item indented under the question stays text; its number still counts.
    let continued = lines[..from].iter().rev().find_map(|l| {
        let kind = match &l.kind {
            Kind::Text => line::classify(l.text.trim_start()),
            k => k.clone(),
        };
        match kind {
            Kind::Heading(h) if h.style == style => Some(h.value == value.checked_sub(1)),
            _ => None,
        }
    });
    if continued == Some(true) {
        return false;
    }
    let mut run = value;
    for l in &lines[from + 1..] {
        match &l.kind {
            Kind::Heading(h) if h.style.rank() < style.rank() => break,
            Kind::Heading(h) if h.style == style => {
                if h.value != Some(run + 1) {
                    break;
                }
                run += 1;
                if run == value + 3 {
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

/// From a restart at 1, a run of numbered one-liners (`1.过渡 transition` `2.动画 animation`)
/// that none of the same style follows: points of the item above, not questions.
fn bare_sublist(lines: &[Ln<'_>], from: usize, style: Style) -> bool {
    let mut run = 0;
    let mut asking = 0;
    for (k, l) in lines[from..].iter().enumerate() {
        // Text after the run ends it (see below): the items are one-liners.
        match &l.kind {
            Kind::Blank => {}
            Kind::Heading(h) if h.style.rank() < style.rank() => break,
            Kind::Heading(h) if h.style == style => {
                // Only a run of one-liners: an item directly after the one before it.
                if h.value != Some(run + 1) {
                    return false;
                }
                run += 1;
                asking += u32::from(asks(&h.title));
            }
            _ => {
                // Text after the run ends it; another item of the style further down is a
                // sequence this run interrupts.
                let rest = &lines[from + k..];
                let later = rest.iter().take_while(
                    |r| !matches!(&r.kind, Kind::Heading(h) if h.style.rank() < style.rank()),
                );
                if later
                    .clone()
                    .any(|r| matches!(&r.kind, Kind::Heading(h) if h.style == style))
                {
                    return false;
                }
                break;
            }
        }
    }
    run >= 2 && asking * 2 < run
}

/// Close the numbered lines open on `stack`: only Markdown headings outlive a rule.
fn close_numbered(stack: &mut Vec<usize>, nodes: &[Node]) {
    let headings = stack
        .iter()
        .rposition(|&n| matches!(nodes[n].heading.style, Style::Markdown(_)))
        .map_or(0, |p| p + 1);
    stack.truncate(headings);
}

fn bump_body(nodes: &mut [Node], stack: &[usize]) {
    if let Some(&top) = stack.last()
        && nodes[top].children.is_empty()
    {
        nodes[top].body += 1;
    }
}

fn section_title(h: &Heading, raw: &str) -> String {
    if h.title.is_empty() {
        raw.trim().trim_start_matches('#').trim().to_owned()
    } else {
        h.title.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::lists_exactly;

    #[test]
    fn a_title_listing_exactly_its_items() {
        let listed = |title: &str, items: &[&str]| lists_exactly(title, items.iter());
        assert!(listed(
            "final, finally, finalize",
            &["final", "finally", "finalize"]
        ));
        assert!(listed("== vs equals", &["equals", "=="]));
        assert!(listed("**Redis、MySQL**", &["mysql", "Redis"]));
        assert!(!listed("final, finally, finalize", &["final", "finally"]));
        assert!(!listed("final, finally", &["final", "finally", "finalize"]));
        assert!(!listed("Redis", &["Redis"]));
        assert!(!listed(
            "HashMap和Hashtable的区别",
            &["HashMap", "Hashtable"]
        ));
        assert!(!listed("a, , b", &["a", "b"]));
    }
}
