//! Questions that no number or heading marks: titles with an indented block under them, title
//! lines set off by a break (inside records and out), topics set apart by two blank lines, and
//! lines over the scaffold a template repeats under every question.

use std::collections::HashMap;

use rayon::prelude::*;

use super::LINES_PER_TASK;
use super::add_questions;
use crate::parse::asking::{
    announces_question, asks, ends_asking, interrogative, named_with_topic, numbered_name,
    question_like,
};
use crate::parse::classify::front_matter_end;
use crate::parse::line::{Kind, Style};
use crate::parse::outline::lists_exactly;
use crate::parse::titles::{
    after_break, colon_label, rule_closed_answer, strong_title, title_shaped, underlined_title,
};
use crate::parse::{LABEL_RANK, Ln, Role, Start, blocks, line};

/// Outline by indentation: a line at the start of a line with an indented block right under
/// it (`缓存穿透：` over `    一直请求…`) is a title and the block its content. Where three or
/// more such titles make the structure of text no heading governs, each is a record; a title
/// line standing alone there is a question left unanswered, and a label with a blank line under
/// it (`缓存：`) groups the titles below it.
pub(crate) fn add_hanging_titles(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    // The indented block under a title: text, or code fenced with an indent (` ```js`).
    let block_under = |i: usize| {
        lines.get(i + 1).is_some_and(|n| {
            n.indented()
                && match n.kind {
                    Kind::Text => !n.code,
                    Kind::Fence { .. } => true,
                    _ => false,
                }
        })
    };
    // A numbered title of the same shape (`4.离线浏览` over its indented points) is one of
    // the titles, not a parent of the ones after it.
    let hangs = |s: &Start| !lines[s.line].indented() && block_under(s.line);
    let free = |i: usize| {
        let mut k = starts.partition_point(|s| s.line <= i);
        let own = k > 0 && starts[k - 1].line == i;
        k = k.saturating_sub(1);
        !own && (starts.is_empty()
            || starts[0].line > i
            || matches!(starts[k].role, Role::Record { .. })
                && (starts[k].rank.is_none() || hangs(&starts[k])))
    };
    let line_start = |i: usize| {
        let l = &lines[i];
        l.prose()
            && !l.indented()
            && !blocks::is_rule_line(l.text)
            && (i == 0 || matches!(lines[i - 1].kind, Kind::Blank))
            && free(i)
    };
    // Each line read alone: on every core, in order.
    let hanging: Vec<usize> = (0..lines.len())
        .into_par_iter()
        .with_min_len(LINES_PER_TASK)
        .filter(|&i| {
            // The shape of the line and the next first: they rule most lines out.
            if !(line_start(i) && block_under(i)) {
                return false;
            }
            let t = line::strip_emphasis(lines[i].text);
            let t = t.trim();
            t.chars().count() <= title_limit(t) && !t.trim_end_matches('。').contains(['。', '；'])
        })
        .collect();
    if hanging.len() < 3 {
        return;
    }
    let hanging = with_glued_labels(lines, hanging, &free);
    let (first, last) = (hanging[0], hanging[hanging.len() - 1]);
    let mut extra = Vec::new();
    let alone_after = |i: usize| {
        lines
            .get(i + 1)
            .is_none_or(|n| matches!(n.kind, Kind::Blank))
    };
    for (i, l) in lines.iter().enumerate() {
        let within = (first..=last).contains(&i);
        // A label over a numbered list (`死锁产生的四个条件：`, a blank line, `1、互斥条件…`)
        // asks for that list: its answer.
        let over_list = || {
            lines[i + 1..]
                .iter()
                .find(|n| !matches!(n.kind, Kind::Blank))
                .is_some_and(|n| {
                    matches!(&n.kind, Kind::Heading(h) if !matches!(h.style, Style::Markdown(_)))
                })
        };
        let role = if hanging.binary_search(&i).is_ok()
            || (within && alone_after(i) && line_start(i) && title_shaped(l))
            || (within && alone_after(i) && line_start(i) && colon_label(l) && over_list())
        {
            Role::question(l.text)
        } else if alone_after(i) && line_start(i) && colon_label(l) {
            Role::label(l.text)
        } else {
            continue;
        };
        let rank = matches!(role, Role::Section { .. }).then_some(LABEL_RANK);
        extra.push(Start {
            line: i,
            rank,
            role,
        });
    }
    starts.extend(extra);
    starts.sort_by_key(|s| s.line);
}

/// Where most `hanging` titles are labels ending in a colon, a label of that shape glued under
/// a margin line (`今天主要是hive部分` / `关于内部表和外部表的关系：` / `\t…`) is one of them: the
/// line above is an introduction, not its title. `free` says a line may start a record.
fn with_glued_labels(
    lines: &[Ln<'_>],
    mut hanging: Vec<usize>,
    free: &dyn Fn(usize) -> bool,
) -> Vec<usize> {
    let labels = |i: usize| {
        line::strip_emphasis(lines[i].text)
            .trim()
            .ends_with([':', '：'])
    };
    if hanging.iter().filter(|&&i| labels(i)).count() * 2 <= hanging.len() {
        return hanging;
    }
    let glued = (1..lines.len()).filter(|&i| {
        let (above, l) = (&lines[i - 1], &lines[i]);
        matches!(above.kind, Kind::Text)
            && !above.indented()
            && l.prose()
            && !l.indented()
            && labels(i)
            && free(i)
            && lines
                .get(i + 1)
                .is_some_and(|n| matches!(n.kind, Kind::Text) && n.indented() && !n.code)
            && {
                let t = line::strip_emphasis(l.text);
                let t = t.trim();
                t.chars().count() <= title_limit(t) && !t.contains(['。', '；'])
            }
    });
    hanging.extend(glued);
    hanging.sort_unstable();
    hanging.dedup();
    hanging
}

/// Most characters a title over an indented block runs to: a question may run longer than a
/// title (`double为什么会出现精度丢失？bigdecimal怎么保证的…？`), and so may a label that
/// introduces its block with a colon (`关于manage table和external table之间的关系：`).
fn title_limit(t: &str) -> usize {
    if ends_asking(t) {
        80
    } else if t.ends_with([':', '：']) {
        60
    } else {
        40
    }
}

/// Unnumbered questions: in text that belongs to no record (weak rule: a title line with
/// something under it, or a line ending in `？`), and inside records (strong rule: a title line
/// after a blank line that asks something or sits above a bare link).
pub(crate) fn add_unnumbered_titles(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let mut extra = Vec::new();
    // Whether a title found so far ends in a question mark (kept as titles are found: looking
    // through them for every line would cost a long file its length squared).
    let mut extra_asks = false;
    let asking_ranks = asking_ranks(lines, starts);
    let enumerated = enumerated_labels(lines, starts);
    let mut segment_start = 0usize;
    let mut inside_record = false;
    // Inside a topic heading whose first content is a question (`### Goroutine`, then
    // `进程、线程、协程之间的区别？`): its title lines are questions, as in unnumbered notes.
    let mut container = false;
    let mut aside = false;
    // Whether a title was found since the last start.
    let mut titled = false;
    // Whether a Markdown sub-heading held as a part of the answer to a record that asks with a
    // question mark (`## webpack 性能优化？` over `### 自动刷新`) was passed.
    let mut in_part = false;
    // Whether the record holds its answer in such parts: found once, at its first sub-heading.
    let mut holds_parts: Option<bool> = None;
    let mut next = 0usize;
    let underlined = underlined_titles(lines);
    // Whether the segment holds content before line `i` (blank lines and a quote introducing
    // the topic aside), kept as `i` advances.
    let mut content_seen = false;
    for i in 0..lines.len() {
        while next < starts.len() && starts[next].line <= i {
            inside_record = matches!(starts[next].role, Role::Record { .. });
            aside = matches!(starts[next].role, Role::Aside);
            segment_start = starts[next].line + 1;
            container = false;
            titled = false;
            content_seen = false;
            in_part = false;
            holds_parts = None;
            next += 1;
        }
        if i > segment_start {
            let p = &lines[i - 1];
            content_seen |= !matches!(p.kind, Kind::Blank) && !p.text.starts_with('>');
        }
        if aside || (next > 0 && starts[next - 1].line == i) {
            continue;
        }
        in_part |= next > 0
            && lines[i].markdown_level().is_some()
            && *holds_parts.get_or_insert_with(|| answered_in_parts(lines, starts, next - 1));
        if underlined[i] {
            extra_asks |= ends_asking(lines[i].text);
            extra.push(i);
            continue;
        }
        let l = &lines[i];
        let label = colon_label(l);
        if !matches!(l.kind, Kind::Text) || !(title_shaped(l) || label) {
            continue;
        }
        let (followed, label_followed) = followed_under(lines, i, label);
        let announced = next > 0 && question_to_come(lines, &starts[next - 1]);
        // The labels of what the heading names are parts of its answer (`enumerated_labels`).
        let own_topic = inside_record && goes_on_with_topic(lines, &starts[next - 1], i);
        let no_title = own_topic
            || under_question_label(lines, i)
            || (inside_record && label && enumerated[next - 1]);
        let title = if no_title || (inside_record && announced && !titled) {
            false
        } else if inside_record {
            // Right under a heading only when the heading names a topic (`### map`, then
            // `A是什么？`); under a heading that asks, the next line is its answer.
            // Not when most headings of its rank ask (`## 1.谈一下多态` among `## 2.…如何…`),
            // and under a numbered item (`3.原型链`) only a line ending in `？`: such items
            // carry their answer right under them.
            let start = &starts[next - 1];
            let markdown = start.rank.is_some_and(|r| r <= 6);
            // A heading numbered as a question (`## 1、js数据类型`) asks by its number.
            let topic = matches!(&start.role, Role::Record { question, number }
                    if !(asks(question) || markdown && number.is_some() && !ends_asking(l.text)))
                && !start.rank.is_some_and(|r| asking_ranks.contains(&r))
                && (markdown || ends_asking(l.text));
            // A quote right under the heading (`> Garbage Collection，是一种…`) introduces the
            // topic; what comes after it is still the first content.
            let first_content = !content_seen;
            if first_content {
                let title = topic
                    && ((!label && strong_title(lines, i, true)) || (label && label_followed));
                container = title;
                title
            } else if container {
                after_break(lines, i, segment_start)
                    && (!label || label_followed)
                    && !rule_closed_answer(lines, i)
            } else {
                // A question asked in passing under a part of the answer (`### 自动刷新` /
                // `先验证下 webpack 是否能默认自动刷新页面 ？？？`) is that part's text.
                !label && !in_part && strong_title(lines, i, false)
            }
        } else if label {
            false
        } else {
            // No numbered question around: question lines are the structure. A line ending in
            // `？` asks unless a lead-in (`…如下：`) announced it; once lines ending in `？` are
            // found, a plain title needs a question word too (else it heads part of an answer).
            let asking = ends_asking(l.text);
            let lead_in = lines[segment_start..i]
                .iter()
                .rev()
                .find(|p| !matches!(p.kind, Kind::Blank))
                .is_some_and(|p| p.text.trim_end().ends_with([':', '：']));
            if asking {
                !lead_in
            } else {
                after_break(lines, i, segment_start)
                    && followed
                    && (!extra_asks || question_like(l.text))
            }
        };
        if title {
            extra_asks |= ends_asking(lines[i].text);
            extra.push(i);
            titled = true;
        }
    }
    add_questions(lines, starts, extra);
}

/// Does the line `i` inside the record `start` go on with the record's own topic, no title of a
/// card? A line right under a heading that asks nothing (`## 业务` / `对于mongo适应的场景,来看几
/// 个问题` over bullets) that leads in ([`leads_in`]) opens its answer; a line that
/// repeats the heading's own name (`#### useState原理 setState` … `useState原理` over points)
/// heads a part of it.
fn goes_on_with_topic(lines: &[Ln<'_>], start: &Start, i: usize) -> bool {
    let Role::Record { question, .. } = &start.role else {
        return false;
    };
    let text = lines[i].text.trim();
    let glued = i == start.line + 1;
    // Most lines are neither glued under the heading nor short enough to be its name again.
    if !glued && text.len() > question.len() + 4 {
        return false;
    }
    let plain = line::strip_emphasis(text);
    let plain = plain.trim();
    (glued && leads_in(plain) && !asks(question))
        || (plain.chars().count() >= 2 && question.contains(plain))
}

/// Does a line lead in to what follows rather than ask (`对于mongo适应的场景,来看几个问题`,
/// `以下几种创建Integer对象的方式有什么区别：`)? It ends on a colon, or it runs on past a comma
/// or ends on what it announces, asking with no interrogative word nor mark; `RDB和AOF的区别`,
/// `IOC的原理` and `Redis为什么这么快` name or ask a question.
fn leads_in(text: &str) -> bool {
    let announces = text.contains([',', '，'])
        || ["问题", "如下", "几点", "以下"]
            .iter()
            .any(|w| text.ends_with(w));
    text.ends_with([':', '：']) || (announces && !ends_asking(text) && !interrogative(text))
}

/// For each line: is it a title underlined by a rule (see [`underlined_title`])? Each line read
/// alone: on every core.
fn underlined_titles(lines: &[Ln<'_>]) -> Vec<bool> {
    let front_matter = front_matter_end(lines);
    (0..lines.len())
        .into_par_iter()
        .with_min_len(LINES_PER_TASK)
        .map(|i| underlined_title(lines, i, front_matter))
        .collect()
}

/// For each start: a record whose own words name most of the labels under it, two of them at
/// least (`### maloc，calloc，free，realloc的使用` over `calloc（Contiguous Allocation）：`,
/// `realloc（Reallocate）：`, `free：`)? Those labels are the parts of its answer, each about
/// one thing it names.
fn enumerated_labels(lines: &[Ln<'_>], starts: &[Start]) -> Vec<bool> {
    starts
        .iter()
        .enumerate()
        .map(|(n, s)| {
            let Role::Record { question, .. } = &s.role else {
                return false;
            };
            let end = starts.get(n + 1).map_or(lines.len(), |s| s.line);
            let label = |l: &&Ln<'_>| matches!(l.kind, Kind::Text) && colon_label(l);
            // Counted first: most records hold no label, and their words are not looked at.
            let labels = lines[s.line + 1..end].iter().filter(label).count();
            if labels < 2 {
                return false;
            }
            let question = question.to_lowercase();
            let mut named = 0;
            for l in lines[s.line + 1..end].iter().filter(label) {
                let plain = line::strip_emphasis(l.text);
                let name = plain
                    .trim()
                    .split([':', '：', '(', '（'])
                    .next()
                    .unwrap_or_default()
                    .trim()
                    .to_lowercase();
                named += usize::from(name.chars().count() >= 2 && question.contains(&name));
            }
            named * 2 > labels
        })
        .collect()
}

/// Whether text stands right under line `i` (no blank line, no heading), and whether the line,
/// if a `label`, leads in to what is under it: such text, or a numbered list too (`常用场景：` /
/// `1. …`).
fn followed_under(lines: &[Ln<'_>], i: usize, label: bool) -> (bool, bool) {
    let next = lines.get(i + 1);
    let followed = next.is_some_and(|n| !matches!(n.kind, Kind::Blank | Kind::Heading(_)));
    let list = next.is_some_and(
        |n| matches!(&n.kind, Kind::Heading(h) if !matches!(h.style, Style::Markdown(_))),
    );
    (followed, followed || (label && list))
}

/// Does the record `starts[n]` hold its answer in parts under Markdown sub-headings: it asks
/// with a question mark (`## webpack 性能优化？` over `### 自动刷新`), or lists exactly its
/// sub-headings (`### == vs equals` over `#### ==` and `#### equals`)?
fn answered_in_parts(lines: &[Ln<'_>], starts: &[Start], n: usize) -> bool {
    let Role::Record { question, .. } = &starts[n].role else {
        return false;
    };
    let end = starts.get(n + 1).map_or(lines.len(), |s| s.line);
    ends_asking(question)
        || lists_exactly(
            question,
            lines[starts[n].line + 1..end]
                .iter()
                .filter_map(|l| match &l.kind {
                    Kind::Heading(h) if matches!(h.style, Style::Markdown(_)) => {
                        Some(h.title.as_str())
                    }
                    _ => None,
                }),
        )
}

/// Heading ranks where three headings or more start records and most of them ask, or most of
/// them hold nothing (`## 1.2. 连接一个不存在的IP和端口` over the next heading): the headings of
/// such a rank are the questions themselves, asked or left unanswered, and a line under one of
/// them (`是否可以通过拔网线来模拟？`) is its answer or a note to it, as under a heading that asks.
fn asking_ranks(lines: &[Ln<'_>], starts: &[Start]) -> Vec<u8> {
    let mut counts: Vec<(u8, usize, usize, usize)> = Vec::new();
    for (n, s) in starts.iter().enumerate() {
        if let (Some(rank), Role::Record { question, .. }) = (s.rank, &s.role) {
            let k = counts.iter().position(|c| c.0 == rank).unwrap_or_else(|| {
                counts.push((rank, 0, 0, 0));
                counts.len() - 1
            });
            let end = starts.get(n + 1).map_or(lines.len(), |s| s.line);
            let empty = lines[s.line + 1..end]
                .iter()
                .all(|l| matches!(l.kind, Kind::Blank));
            counts[k].1 += 1;
            counts[k].2 += usize::from(asks(question));
            counts[k].3 += usize::from(empty);
        }
    }
    counts
        .into_iter()
        .filter(|&(_, all, asking, empty)| all >= 3 && (asking * 2 > all || empty * 2 > all))
        .map(|(rank, ..)| rank)
        .collect()
}

/// Is the question of a record still to come under its first line (`有如下一段代码：`,
/// `## 第2题`, `### Question 5: DevOps Benefits`)? Then the first line that asks there is that
/// record's own.
fn question_to_come(lines: &[Ln<'_>], start: &Start) -> bool {
    matches!(&start.role, Role::Record { number, question }
        if announces_question(question)
            || numbered_name(number.as_deref(), question)
            || named_with_topic(lines[start.line].text))
}

/// Is the line right under a heading or label that only says "the question" (`### 题目`,
/// `问题描述：`, `### Question`)? Then it states the question of the card it is in.
fn under_question_label(lines: &[Ln<'_>], i: usize) -> bool {
    let Some(p) = lines[..i]
        .iter()
        .rev()
        .find(|l| !matches!(l.kind, Kind::Blank))
    else {
        return false;
    };
    let label = match &p.kind {
        Kind::Heading(h) if matches!(h.style, Style::Markdown(_)) && h.number.is_none() => {
            h.title.as_str()
        }
        Kind::Text => p.text.trim(),
        _ => return false,
    };
    let label = line::strip_emphasis(label);
    let label = label.trim().trim_end_matches([':', '：']).trim();
    [
        "题目",
        "题干",
        "问题",
        "题目描述",
        "问题描述",
        "question",
        "problem",
    ]
    .iter()
    .any(|w| label.eq_ignore_ascii_case(w))
}

/// Notes with no heading or number at all whose topics are set apart by two blank lines or
/// more (`创建对象的三种方法`, its points and code, two blank lines, `JS实现继承的几种方式`):
/// a title line after such a gap, with content right under it, opens a new record.
pub(crate) fn add_spaced_topics(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    if lines
        .iter()
        .any(|l| matches!(l.kind, Kind::Heading(_) | Kind::Fence { .. }))
    {
        return;
    }
    let mut extra = Vec::new();
    // Titles found right under such a topic line are its first point, not questions.
    let mut points = Vec::new();
    let mut blanks = 0usize;
    let mut next = 0usize;
    for (i, l) in lines.iter().enumerate() {
        while next < starts.len() && starts[next].line < i {
            next += 1;
        }
        if matches!(l.kind, Kind::Blank) {
            blanks += 1;
            continue;
        }
        let gap = std::mem::take(&mut blanks) >= 2;
        let started = starts.get(next).is_some_and(|s| s.line == i);
        let followed = lines
            .get(i + 1)
            .is_some_and(|n| !matches!(n.kind, Kind::Blank));
        // A line holding a web address (`链接：https://…` over `提取码：…`) points to a
        // resource: it titles no topic.
        let link = l.text.contains("://");
        if !(gap && followed && matches!(l.kind, Kind::Text) && title_shaped(l)) || link {
            continue;
        }
        let under = next + usize::from(started);
        if starts.get(under).is_some_and(|s| {
            s.line == i + 1 && s.rank.is_none() && matches!(s.role, Role::Record { .. })
        }) {
            points.push(i + 1);
        }
        if !started {
            extra.push(Start {
                line: i,
                rank: None,
                role: Role::question(l.text),
            });
        }
    }
    if !extra.is_empty() || !points.is_empty() {
        starts.retain(|s| points.binary_search(&s.line).is_err());
        starts.extend(extra);
        starts.sort_by_key(|s| s.line);
    }
}

/// A line that only spaces the text (`<br/>`, `&nbsp;`): under every line of a page alike, so
/// no scaffold of a template.
fn spacing(t: &str) -> bool {
    let lower = t.to_ascii_lowercase();
    matches!(
        lower.as_str(),
        "<br>" | "<br/>" | "<br />" | "</br>" | "&nbsp;" | "&emsp;"
    )
}

/// Notes filled in from a template repeat the same scaffold line under every question (`- [x]`
/// or `答：` alone on the line under each question, or after one blank line). Once three
/// questions are seen with one scaffold under them, every line after a break with that scaffold
/// under it is a question too, whatever its words: the layout says so.
pub(crate) fn add_templated_questions(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    // The scaffold: a short line as a whole (`答：`), or the label of a field filled in under
    // each question (`Keywords: this binding, …`).
    let scaffold = |i: usize| {
        // Right under the question, or after one blank line (`请评价…？` / blank / `* [x] `).
        let under = if lines
            .get(i + 1)
            .is_some_and(|n| matches!(n.kind, Kind::Blank))
        {
            i + 2
        } else {
            i + 1
        };
        lines
            .get(under)
            .filter(|n| matches!(n.kind, Kind::Text))
            .map(|n| n.text.trim())
            // A rule under each question (`___`) closes its card: it is no field to fill in,
            // and the last line of an answer is over one too.
            .filter(|t| !t.is_empty() && !spacing(t) && !blocks::is_rule_line(t))
            // Nor is a fence (`\t```` opening the code of each question, indented too deep to
            // be read as one): code under questions says nothing of a template.
            .filter(|t| !t.starts_with("```") && !t.starts_with("~~~"))
            .and_then(|t| {
                if t.chars().count() <= 12 {
                    return Some(t);
                }
                let colon = t.find([':', '：'])?;
                let label = &t[..colon];
                // A link under each question (`https://…`) is a reference, not a field.
                if t[colon..].starts_with("://") {
                    return None;
                }
                let word = !label.is_empty()
                    && label.chars().count() <= 12
                    && label
                        .chars()
                        .all(|c| c.is_alphanumeric() || c == ' ' || c == '_');
                word.then(|| &t[..colon + t[colon..].chars().next().map_or(1, char::len_utf8)])
            })
    };
    // Counted in the order first seen (ties go to the last), each found through a map: a
    // file of many questions each over a different short line must not cost their square.
    let mut counts: Vec<(&str, usize)> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for s in starts.iter() {
        if let (Role::Record { .. }, Some(t)) = (&s.role, scaffold(s.line)) {
            let k = *index.entry(t).or_insert_with(|| {
                counts.push((t, 0));
                counts.len() - 1
            });
            counts[k].1 += 1;
        }
    }
    let Some(&(shape, _)) = counts.iter().filter(|c| c.1 >= 3).max_by_key(|c| c.1) else {
        return;
    };
    let known: Vec<usize> = starts.iter().map(|s| s.line).collect();
    // Each line read alone: on every core, in order.
    let extra: Vec<usize> = (0..lines.len())
        .into_par_iter()
        .with_min_len(LINES_PER_TASK)
        .filter(|&i| {
            let l = &lines[i];
            matches!(l.kind, Kind::Text)
                && after_break(lines, i, 0)
                && scaffold(i) == Some(shape)
                && !l.text.trim().is_empty()
                && l.text.trim() != shape
                // A fence left unpaired (`    ```` closing a tab-indented one) is no question.
                && !l.text.trim_start().starts_with("```")
                && known.binary_search(&i).is_err()
        })
        .collect();
    add_questions(lines, starts, extra);
}
