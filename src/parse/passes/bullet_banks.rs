//! A heading over nothing but a list of unanswered one-line bullets that ask, or under a title
//! that says they are questions: a question bank, each bullet a card.
//!
//! ```text
//! ## Linux面试问题汇总          ← a section: the title says what follows are questions
//!
//! * Linux的I/O模型介绍以及同步异步阻塞非阻塞的区别
//!
//! * 文件系统的理解（EXT4，XFS，BTRFS）
//!
//! ## 脚手架                    ← a section: most of its bullets ask
//! - 前端代码为何要进行构架和打包？
//! - loader 和 plugin 的区别
//! - babel 面试题               ← a subject: the bullets under it are its questions
//!     - babel 和 webpack 的区别
//! ```
//!
//! A late reading: it takes only a heading that is still one record with the whole
//! list as its answer, or a section heading with the list left loose under it. A list of
//! statements (`## 优点` over `- 速度快`) stays an answer.

use super::{bullet_questions, merge_starts};
use crate::parse::asking::{asks, exercise_tagged, question_type};
use crate::parse::line::{self, Kind, Style};
use crate::parse::{LABEL_RANK, Ln, Role, Start, blocks};

/// Fewer bullets could be one question's answer in points.
const MIN_ITEMS: usize = 3;

/// Bullets a list with no title over it must hold: a short one is more likely points of a
/// preface.
const MIN_LOOSE_ITEMS: usize = 5;

/// A bullet longer than this is a sentence of notes more than a question.
const MAX_ITEM_CHARS: usize = 100;

/// Words in a title that say the list under it is questions (`Linux面试问题汇总`,
/// `Interview Questions`, and a kind of exercise: `### 填空题`); `总结` or `笔记` alone do not: a
/// summary's points are statements.
const QUESTION_WORDS: &[&str] = &["问题", "面试题", "题目", "题库", "面经", "questions", "faq"];

/// Does a title lead in to examples (`解决Http协议存在的一些问题，比如`)? Its `问题` are the
/// problems the points under it name, not questions. (`…问题如下：` and `…包括：` after
/// `面试题` do list questions.)
fn leads_to_examples(title: &str) -> bool {
    let t = line::strip_emphasis(title);
    let t = t.trim().trim_end_matches([':', '：', ',', '，', '…', '.']);
    t.ends_with("比如") || t.ends_with("例如")
}

/// Make each heading record whose answer is nothing but such a list a section over its
/// bullets, and read such a list right under a section heading alike: a record at every bullet
/// without bullets under it, a subject at every bullet with.
pub(crate) fn split_bullet_banks(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    exercise_banks(lines, starts);
    let mut extra = Vec::new();
    for n in 0..starts.len() {
        let at = starts[n].line;
        let question = match &starts[n].role {
            Role::Record { question, .. } => Some(question),
            Role::Section { .. } => None,
            _ => continue,
        };
        let Some((rank, level, title, items)) = heading_over_bank(lines, starts, n) else {
            continue;
        };
        let (leaves, asking) = count_leaves(&items);
        let lower = title.to_lowercase();
        let named = (QUESTION_WORDS.iter().any(|w| lower.contains(w)) && !leads_to_examples(title))
            || question_type(title);
        if leaves < MIN_ITEMS || !(named || asking * 2 > leaves) {
            continue;
        }
        if let Some(question) = question {
            starts[n].role = Role::Section {
                rank: rank.max(level),
                title: question.clone(),
            };
        }
        extra.extend(bank_starts(items, at + 1));
    }
    merge_starts(starts, extra);
    let alike = banks_read_alike(lines, starts);
    merge_starts(starts, alike);
    let lone = lone_checklist(lines, starts);
    merge_starts(starts, lone);
    let loose = loose_banks(lines, starts);
    merge_starts(starts, loose);
    labels_over_banks(lines, starts);
}

/// A Markdown heading that names a kind of exercise (`### 习题`, `## 课后习题`, `### 二、简答
/// 题`) over nothing but bullets at the margin: each bullet is one exercise, however long, with
/// the lines glued under it (`- 综合题15 【2012】` / `① 哪几个是由H发送的？`) and the bullets nested in it.
/// The heading is a section over them. Starts another reading made at some of the bullets (one
/// that ends on a `?`) give way to the bullets' own.
///
/// ```text
/// ### 习题
/// - 4 【2014】 主机甲和乙建立了TCP连接，…，经过10个RTT后，甲的发送窗口是→10KB
/// - 18 A 和 B 之间建立了TCP连接，…，seq 和 ack 分别是多少答案→201，202
/// ```
fn exercise_banks(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let mut extra = Vec::new();
    let mut gone = Vec::new();
    let mut n = 0;
    while n < starts.len() {
        let at = starts[n].line;
        let named = match &lines[at].kind {
            Kind::Heading(h) => lines[at].markdown_level().is_some() && question_type(&h.title),
            _ => false,
        };
        let mut m = n + 1;
        if !named {
            n = m;
            continue;
        }
        while m < starts.len() && exercise_bullet(&lines[starts[m].line]) {
            m += 1;
        }
        let end = bank_end(lines, at, starts.get(m).map_or(lines.len(), |s| s.line));
        if let Some(items) = exercise_items(lines, at + 1, end) {
            if let Role::Record { question, .. } = &starts[n].role {
                starts[n].role = Role::Section {
                    rank: starts[n].rank.unwrap_or(LABEL_RANK),
                    title: question.clone(),
                };
            }
            gone.extend(starts[n + 1..m].iter().map(|s| s.line));
            extra.extend(bullet_questions(lines, items));
        }
        n = m;
    }
    // The starts are visited in line order: `gone` is sorted.
    if !gone.is_empty() {
        starts.retain(|s| gone.binary_search(&s.line).is_err());
    }
    merge_starts(starts, extra);
}

/// A bullet at the margin, read as text or as a question that a bullet marks (`- 21 在一个TCP连接中，…
/// 拥塞窗口的大小是?→16KB`).
fn exercise_bullet(l: &Ln<'_>) -> bool {
    matches!(&l.kind, Kind::Text | Kind::Heading(_))
        && !l.indented()
        && blocks::bullet_item(l.text).is_some()
}

/// The margin bullets of lines `from..end` that are nothing but exercises (see
/// [`exercise_banks`]): three at least, the first line of text a bullet, every other line of
/// text a bullet, indented under one, or glued to the line above.
fn exercise_items(lines: &[Ln<'_>], from: usize, end: usize) -> Option<Vec<usize>> {
    let mut items = Vec::new();
    for i in from..end {
        let l = &lines[i];
        if exercise_bullet(l) {
            items.push(i);
            continue;
        }
        match &l.kind {
            Kind::Blank => continue,
            // A sub-question numbered under the bullet (`① 哪几个是由H发送的？`).
            Kind::Text => {}
            Kind::Heading(h) if !matches!(h.style, Style::Markdown(_)) => {}
            _ => return None,
        }
        let glued = i > from && !matches!(lines[i - 1].kind, Kind::Blank);
        if items.is_empty() || !(l.indented() || glued) {
            return None;
        }
    }
    (items.len() >= MIN_ITEMS).then_some(items)
}

/// Characters a label over a bank holds at most: a longer line is a sentence of notes.
const MAX_LABEL_CHARS: usize = 30;

/// Words in a line of text that say the bullets under it are questions to answer
/// (`HashMap常见面试题：`, `Redis相关问题:`). Not `问题` alone: `排查时要问自己几个问题：` and
/// `需要考虑以下问题：` lead in to the points of an answer.
const LABEL_WORDS: &[&str] = &[
    "面试题",
    "题目",
    "题库",
    "面经",
    "常见问题",
    "面试问题",
    "相关问题",
    "问题汇总",
    "questions",
    "faq",
];

/// A line of prose at the margin that names questions and leads in to them
/// (`HashMap常见面试题：`) over one-line bullets, most of which ask (`- HashMap的底层数据结构？`):
/// a bank inside the notes, the line its label, each bullet a card. The bullets run up to the
/// first line that is none; whatever follows stays the last card's.
fn labels_over_banks(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let mut extra = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some(title) = bank_label(&lines[i]) else {
            i += 1;
            continue;
        };
        let mut end = i + 1;
        while end < lines.len() && bank_line(&lines[end]) {
            end += 1;
        }
        while end > i + 1 && matches!(lines[end - 1].kind, Kind::Blank) {
            end -= 1;
        }
        // A start among the bullets: another reading took them.
        let after = starts.partition_point(|s| s.line <= i);
        let taken = starts.get(after).is_some_and(|s| s.line < end);
        let items = bank_items(&lines[i + 1..end], false).filter(|items| {
            let (leaves, asking) = count_leaves(items);
            leaves >= MIN_ITEMS && asking * 2 > leaves
        });
        if let Some(items) = items.filter(|_| !taken) {
            let label = Role::label(&title);
            let at_label = after.checked_sub(1).filter(|&n| starts[n].line == i);
            match at_label.map(|n| &mut starts[n]) {
                Some(start) => {
                    start.rank = Some(LABEL_RANK);
                    start.role = label;
                }
                None => extra.push(Start {
                    line: i,
                    rank: Some(LABEL_RANK),
                    role: label,
                }),
            }
            extra.extend(bank_starts(items, i + 1));
        }
        i = end.max(i + 1);
    }
    merge_starts(starts, extra);
}

/// A line a run of bullets may hold: blank, or a bullet of text at any indent.
fn bank_line(l: &Ln<'_>) -> bool {
    matches!(l.kind, Kind::Blank)
        || (matches!(l.kind, Kind::Text) && blocks::bullet_item(l.text.trim_start()).is_some())
}

/// The text of a line that labels a bank of questions (see [`labels_over_banks`]): prose at
/// the margin, 30 characters at most, that names questions and ends on a colon.
fn bank_label(l: &Ln<'_>) -> Option<String> {
    // Most lines end on no colon (`：` ends on the byte 0x9A) nor emphasis: one byte spares
    // them the rest.
    let last = l.text.trim_ascii_end().as_bytes().last();
    if !matches!(last, Some(b':' | 0x9A | b'*' | b'_'))
        || !l.prose()
        || l.indented()
        || l.text.starts_with(['<', ':'])
    {
        return None;
    }
    // The words that name questions hold one of these characters, or a `q` or an `f`.
    let may_name = l.text.contains(['题', '问', '经'])
        || l.text.bytes().any(|b| matches!(b | 0x20, b'q' | b'f'));
    if !may_name {
        return None;
    }
    let plain = line::strip_emphasis(l.text);
    let title = plain.trim();
    let name = title.strip_suffix(['：', ':'])?.to_lowercase();
    (title.chars().count() <= MAX_LABEL_CHARS
        && LABEL_WORDS.iter().any(|w| name.contains(w))
        && !leads_to_examples(title))
    .then(|| title.to_owned())
}

/// A heading read as one card whose answer is nothing but a list of unanswered one-line bullets
/// is a bank too, however few of its bullets ask (`## 初面` over `- 笔试` / `  - 写focal loss`,
/// `### js基础` over `- 原型和原型链`), when the document itself shows that such a list is
/// questions: an unnumbered heading of the same level is already a section over just such a
/// list of cards (`## 二面` over `- 卷积flop计算`). Its bullets become cards and subjects, and
/// it a section. The list must hold a question or a bullet over bullets, as the outline of
/// questions around it does: a flat list of points that ask nothing (`## 优点` / `- 速度快` /
/// `- 可以持久化`) stays that heading's answer.
fn banks_read_alike(lines: &[Ln<'_>], starts: &mut [Start]) -> Vec<Start> {
    let heading_at = |n: usize| lines[starts[n].line].markdown_level();
    // Levels at which some unnumbered heading is a section over a bank of cards: its lines up to
    // the next heading nothing but one-line bullets, two of them cards at least. A numbered
    // heading (`# 三、设计模式部分`) is of another shape than an unnumbered one beside it.
    let mut levels: Vec<u8> = Vec::new();
    let mut n = 0;
    while n < starts.len() {
        let Some(level) = heading_at(n) else {
            n += 1;
            continue;
        };
        let section = matches!(starts[n].role, Role::Section { .. })
            && matches!(&lines[starts[n].line].kind, Kind::Heading(h) if h.number.is_none());
        let at = starts[n].line;
        let mut m = n + 1;
        let mut cards = 0;
        while m < starts.len() && heading_at(m).is_none() {
            cards += usize::from(matches!(starts[m].role, Role::Record { .. }));
            m += 1;
        }
        let end = bank_end(lines, at, starts.get(m).map_or(lines.len(), |s| s.line));
        if section
            && cards >= 2
            && !levels.contains(&level)
            && bank_items(&lines[at + 1..end], false).is_some()
        {
            levels.push(level);
        }
        n = m;
    }
    let mut extra = Vec::new();
    for n in 0..starts.len() {
        let at = starts[n].line;
        let Role::Record { question, .. } = &starts[n].role else {
            continue;
        };
        let Some((rank, level, _, items)) = heading_over_bank(lines, starts, n) else {
            continue;
        };
        let (leaves, asking) = count_leaves(&items);
        let outline = items.iter().any(|i| i.subject);
        if !levels.contains(&level) || leaves < MIN_ITEMS || (asking == 0 && !outline) {
            continue;
        }
        starts[n].role = Role::Section {
            rank: rank.max(level),
            title: question.clone(),
        };
        extra.extend(bank_starts(items, at + 1));
    }
    extra
}

/// Bullets a heading must hold, when it is the file's only card, before the list under it is a
/// checklist and no answer: one question is rarely answered by this many bare one-liners.
const MIN_LONE_ITEMS: usize = 10;

/// A file whose only card is a heading that asks nothing over nothing but a long list of
/// one-line bullets, none answered (`## 前端篇` / `* 盒子模型` / `* this 作用域` / … /
/// `* 优化` / `    * CDN`): a checklist of topics to study, not one answer. The heading is a
/// section, every bullet a card, a bullet with bullets under it their subject. A short list
/// under a lone heading stays its answer.
fn lone_checklist(lines: &[Ln<'_>], starts: &mut [Start]) -> Vec<Start> {
    let mut records = starts
        .iter()
        .enumerate()
        .filter(|(_, s)| matches!(s.role, Role::Record { .. }));
    let (Some((n, _)), None) = (records.next(), records.next()) else {
        return Vec::new();
    };
    let at = starts[n].line;
    let Role::Record { question, .. } = &starts[n].role else {
        return Vec::new();
    };
    let (Some(rank), Some(level), Kind::Heading(h)) =
        (starts[n].rank, lines[at].markdown_level(), &lines[at].kind)
    else {
        return Vec::new();
    };
    if h.number.is_some() || asks(&h.title) {
        return Vec::new();
    }
    let end = bank_end(lines, at, starts.get(n + 1).map_or(lines.len(), |s| s.line));
    let Some(items) = bank_items(&lines[at + 1..end], false) else {
        return Vec::new();
    };
    if count_leaves(&items).0 < MIN_LONE_ITEMS {
        return Vec::new();
    }
    starts[n].role = Role::Section {
        rank: rank.max(level),
        title: question.clone(),
    };
    bank_starts(items, at + 1).collect()
}

/// A list no heading is over, in a stretch no record holds (a file that is a block of code and
/// then its questions, `- 什么是web标准` / `- href和src有什么区别` / …): a bank too, each bullet
/// a card, when no title vouches for it but most of its bullets ask and there are many. Lists
/// of links (contents) are no bank.
fn loose_banks(lines: &[Ln<'_>], starts: &[Start]) -> Vec<Start> {
    let mut found = Vec::new();
    for (from, to, _) in super::loose_stretches(starts, lines.len()) {
        let mut i = from;
        while i < to {
            if matches!(lines[i].kind, Kind::Blank) || !bank_line(&lines[i]) {
                i += 1;
                continue;
            }
            let run = i;
            while i < to && bank_line(&lines[i]) {
                i += 1;
            }
            let Some(items) = bank_items(&lines[run..i], false) else {
                continue;
            };
            let (leaves, asking) = count_leaves(&items);
            let contents = items
                .iter()
                .any(|i| i.text.starts_with('[') && i.text.ends_with(')'));
            if leaves < MIN_LOOSE_ITEMS || asking * 2 <= leaves || contents {
                continue;
            }
            found.extend(bank_starts(items, run));
        }
    }
    found
}

/// The start `n` as an unnumbered Markdown heading that asks nothing over nothing but a bank's
/// bullets up to the next start: its rank, Markdown level, title and the bank's items.
fn heading_over_bank<'l, 'a>(
    lines: &'l [Ln<'a>],
    starts: &[Start],
    n: usize,
) -> Option<(u8, u8, &'l str, Vec<Item<'a>>)> {
    let at = starts[n].line;
    let (Some(rank), Some(level)) = (starts[n].rank, lines[at].markdown_level()) else {
        return None;
    };
    let Kind::Heading(h) = &lines[at].kind else {
        return None;
    };
    if h.number.is_some() || asks(&h.title) {
        return None;
    }
    let end = bank_end(lines, at, starts.get(n + 1).map_or(lines.len(), |s| s.line));
    // Under a kind of exercise (`### 填空题`), the items are statements with blanks to fill.
    let items = bank_items(&lines[at + 1..end], question_type(&h.title))?;
    Some((rank, level, h.title.as_str(), items))
}

/// Where the part under the heading at line `at` ends, up to `end`: the blank lines and the
/// close of a container the part sits in (`:::caution 面试题` … `:::`, `::::`) are no part of it.
fn bank_end(lines: &[Ln<'_>], at: usize, mut end: usize) -> usize {
    while end > at + 1 && {
        let l = &lines[end - 1];
        matches!(l.kind, Kind::Blank)
            || line::closes_fold(l.text)
            || (l.text.trim().len() >= 3 && l.text.trim().bytes().all(|b| b == b':'))
    } {
        end -= 1;
    }
    end
}

/// The bullets of a bank with nothing hanging under them, and how many of those ask.
fn count_leaves(items: &[Item<'_>]) -> (usize, usize) {
    let leaves = items.iter().filter(|i| !i.subject);
    let asking = leaves
        .clone()
        .filter(|i| asks(&line::strip_emphasis(i.text)))
        .count();
    (leaves.count(), asking)
}

/// A bank's cards, its items found from line `first`: a record at each leaf, a subject at each
/// bullet with bullets under it. A leaf at the margin after a subject is the bank's again: it
/// closes the subject's label. A bullet that asks over bullets that mostly do not (`* 如何停止
/// 线程，优缺点` / `  * 使用stop()` / `  * 使用中断`) is one question, they its answer's points.
fn bank_starts(items: Vec<Item<'_>>, first: usize) -> impl Iterator<Item = Start> {
    let asks_item = |i: &Item<'_>| asks(&line::strip_emphasis(i.text));
    // Which items are subjects over the bullets under them, and which are points of the answer
    // to the bullet above them (no card of their own).
    let mut subject = vec![false; items.len()];
    let mut point = vec![false; items.len()];
    let mut k = 0;
    while k < items.len() {
        let under = items[k + 1..].iter().take_while(|i| i.nested).count();
        let asking = || {
            items[k + 1..=k + under]
                .iter()
                .filter(|i| asks_item(i))
                .count()
        };
        if items[k].subject && asks_item(&items[k]) && asking() * 2 < under {
            point[k + 1..=k + under].fill(true);
        } else {
            subject[k] = items[k].subject;
        }
        k += under + 1;
    }
    let subjects = subject.contains(&true);
    items
        .into_iter()
        .zip(subject.into_iter().zip(point))
        .filter(|&(_, (_, point))| !point)
        .map(move |(i, (subject, _))| Start {
            line: first + i.index,
            rank: (subject || (subjects && !i.nested)).then_some(LABEL_RANK),
            role: if subject {
                Role::label(i.text)
            } else {
                Role::question(i.text)
            },
        })
}

/// Is a bullet a sentence: holding a `。` (but for one clause that asks, `join()与sleep()的区
/// 别。`), or Chinese words in clauses closed by a `.` (`首先表示考虑过这个问题,如何谈一谈自己的
/// 现状.`; one clause, `说一下 webpack 的构建流程.`, may be a question typed with a Western stop)?
fn sentence(text: &str) -> bool {
    // One clause that asks, closed by a stop (`join()与sleep()的区别。`), is a question; one
    // that opens on what was said before (`这就是为什么可以用 … 代替取模。`) explains.
    let asking_clause = text.strip_suffix('。').is_some_and(|body| {
        !body.contains(['。', '，', ',', '；'])
            && asks(body)
            && ![
                "这",
                "那",
                "所以",
                "因此",
                "因为",
                "即",
                "也就是",
                "说明",
                "可见",
                "于是",
            ]
            .iter()
            .any(|w| body.starts_with(w))
    });
    (text.contains('。') && !asking_clause)
        || (text.ends_with('.')
            && !text.ends_with("..")
            && text.contains([',', '，'])
            && text.chars().any(crate::parse::code::is_han))
}

/// A bullet of the list: its index in the part, its text, and whether bullets hang under it.
struct Item<'a> {
    index: usize,
    text: &'a str,
    nested: bool,
    subject: bool,
}

/// The bullets of a part that is nothing but one-line bullets, at the margin or nested one
/// level under a margin bullet; `None` for anything else (an answer, code, a deeper tree, a
/// contents list of links into the page). A
/// bullet that is a sentence (`。`) is a point of an answer, unless `sentences` may be items or
/// it names its kind of exercise (`- 12 (单选)计算变量 [0,0,1,1,1] 的信息熵。`).
fn bank_items<'a>(part: &[Ln<'a>], sentences: bool) -> Option<Vec<Item<'a>>> {
    let mut items: Vec<Item<'a>> = Vec::new();
    let mut indent: Option<usize> = None;
    // Rules may part the list into groups (`---` between runs of bullets) or close it (`---`
    // as the last line); one after the last bullet with more after it closes something else.
    let last_bullet = part
        .iter()
        .rposition(|l| blocks::bullet_item(l.text.trim_start()).is_some());
    let closing = part
        .iter()
        .rposition(|l| !matches!(l.kind, Kind::Blank))
        .filter(|&k| blocks::is_rule_line(part[k].text));
    for (index, l) in part.iter().enumerate() {
        let parting = blocks::is_rule_line(l.text)
            && (last_bullet.is_some_and(|b| index < b) || closing == Some(index));
        if matches!(l.kind, Kind::Blank) || parting {
            continue;
        }
        if !matches!(l.kind, Kind::Text) {
            return None;
        }
        let body = l.text.trim_start_matches([' ', '\t', '\u{3000}']);
        // A line glued under a nested bullet runs on from it, as Markdown reads it (`  * 重量级
        // 锁` / ` synchronized死锁的实现`): the subject's detail, no item.
        let Some(text) = blocks::bullet_item(body) else {
            let glued = index > 0 && !matches!(part[index - 1].kind, Kind::Blank);
            if glued
                && items
                    .last()
                    .is_some_and(|i| i.nested && i.index + 1 == index)
            {
                continue;
            }
            return None;
        };
        let text = text.trim();
        let plain = line::strip_emphasis(text);
        let plain = plain.trim();
        if plain.is_empty()
            || plain.chars().count() > MAX_ITEM_CHARS
            || (sentence(plain) && !sentences && !exercise_tagged(plain))
        {
            return None;
        }
        let nested = body.len() < l.text.len();
        if nested {
            // One level of nesting, every nested bullet under a margin one.
            let depth = l.text.len() - body.len();
            if items.is_empty() || indent.is_some_and(|d| d != depth) {
                return None;
            }
            indent = Some(depth);
            if let Some(parent) = items.iter_mut().rev().find(|i| !i.nested) {
                parent.subject = true;
            }
        }
        items.push(Item {
            index,
            text,
            nested,
            subject: false,
        });
    }
    // Links to places in the page are its contents, whatever their words ask.
    if items.iter().all(|i| blocks::in_page_link(i.text)) {
        return None;
    }
    Some(items)
}
