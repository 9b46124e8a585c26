//! Second thoughts on what the outline made of headings and records: topic headings that group
//! the questions under them, empty groups, page furniture set aside, headings that name parts of
//! the question above, and a list of questions asked again further down set aside.

use crate::parse::asking::{asks, empty_brackets_blank, ends_asking, interrogative, question_like};
use crate::parse::line::{Kind, Style};
use crate::parse::{Ln, Role, Start, blocks, line, normalize_question};

/// A heading that asks nothing and whose first content is a question of its own (`### slice`
/// then `nil slice和空slice有什么区别？`) groups the questions under it.
pub(crate) fn regroup_headings(lines: &[Ln<'_>], starts: &mut [Start]) {
    for n in 0..starts.len() {
        let (Some(rank), Role::Record { question, .. }) = (starts[n].rank, &starts[n].role) else {
            continue;
        };
        let Some(next) = starts.get(n + 1) else {
            continue;
        };
        // A rule (`---`) under the heading is decoration, not content.
        let only_blank_between = lines[starts[n].line + 1..next.line]
            .iter()
            .all(|l| matches!(l.kind, Kind::Blank) || blocks::is_rule_line(l.text));
        if only_blank_between && next.rank.is_none() && !asks(question) {
            let title = question.clone();
            starts[n].role = Role::Section { rank, title };
        }
    }
}

/// A heading with nothing under it, among sibling headings that group questions (`## 一、填空题`
/// and `## 五、问答题` beside `## 三、单选题` over its `### 1.…`), is a group left empty, not a
/// question left unanswered. Only a title that asks nothing; the nearest sibling on either side
/// that is not empty itself decides. Two passes over the starts. A heading over nothing but a
/// link to another page (`## 4.数据结构和算法` over `- [算法面试](./algo.md)`) is empty here
/// too: its questions are kept elsewhere.
pub(crate) fn empty_group_headings(lines: &[Ln<'_>], starts: &mut [Start]) {
    /// Headings that group: Markdown and `一、`.
    const GROUP_RANKS: usize = 11;
    let empty = |n: usize| {
        let end = starts.get(n + 1).map_or(lines.len(), |s| s.line);
        lines[starts[n].line + 1..end].iter().all(|l| {
            matches!(l.kind, Kind::Blank) || blocks::is_rule_line(l.text) || pointer_line(l.text)
        })
    };
    let candidate: Vec<bool> = (0..starts.len())
        .map(|n| {
            let s = &starts[n];
            matches!(&s.role, Role::Record { question, .. }
                if !asks(question) && !question_like(question) && !empty_brackets_blank(question))
                && s.rank.is_some_and(|r| usize::from(r) < GROUP_RANKS)
                && empty(n)
        })
        .collect();
    // For each start, whether the nearest sibling before (then after) it that is not an empty
    // record is a section: a start of a higher rank in between ends the siblings.
    let mut beside = vec![false; starts.len()];
    for order in [false, true] {
        let mut last: [Option<bool>; GROUP_RANKS] = [None; GROUP_RANKS];
        for k in 0..starts.len() {
            let n = if order { starts.len() - 1 - k } else { k };
            let Some(rank) = starts[n].rank.map(usize::from).filter(|&r| r < GROUP_RANKS) else {
                continue;
            };
            // Walking down, a heading of a higher rank starts new siblings below it; walking
            // up, it is the parent of what came after it.
            if !order {
                last[rank + 1..].fill(None);
            }
            if candidate[n] {
                beside[n] |= last[rank] == Some(true);
            } else {
                last[rank] = Some(matches!(starts[n].role, Role::Section { .. }));
            }
            if order {
                last[rank + 1..].fill(None);
            }
        }
    }
    // Ranks that group across the file: two sections or more over questions, and more than
    // twice as many as the records of that rank with an answer (`### 定位` over `##### …?`,
    // while `# JavaScript 基础语法` holds only empty `### 异步`, `### 模块化`).
    let mut per_rank = [(0usize, 0usize); GROUP_RANKS];
    for (n, s) in starts.iter().enumerate() {
        let Some(rank) = s.rank.map(usize::from).filter(|&r| r < GROUP_RANKS) else {
            continue;
        };
        match s.role {
            Role::Section { .. } => per_rank[rank].0 += 1,
            Role::Record { .. } if !candidate[n] && !empty(n) => per_rank[rank].1 += 1,
            _ => {}
        }
    }
    let grouping = |rank: u8| {
        let (sections, answered) = per_rank[usize::from(rank)];
        sections >= 2 && sections > answered * 2
    };
    // Not among siblings that ask or read like questions (`## 性能指标有哪些` beside
    // `## 性能调优的常见手段` under `# 性能篇`): those are questions left unanswered. Siblings
    // share the start they are under.
    let mut parent_of = vec![None; starts.len()];
    let mut stack: Vec<usize> = Vec::new();
    for (n, s) in starts.iter().enumerate() {
        let Some(rank) = s.rank else { continue };
        while stack
            .last()
            .is_some_and(|&p| starts[p].rank.is_some_and(|r| r >= rank))
        {
            stack.pop();
        }
        parent_of[n] = Some(stack.last().copied());
        stack.push(n);
    }
    let mut asking_siblings: std::collections::HashSet<(Option<usize>, u8)> =
        std::collections::HashSet::new();
    for (n, s) in starts.iter().enumerate() {
        if let (Some(parent), Some(rank), Role::Record { question, .. }) =
            (parent_of[n], s.rank, &s.role)
            && (asks(question) || question_like(question))
        {
            asking_siblings.insert((parent, rank));
        }
    }
    let chapter = chapters_at_section_level(lines, starts, &candidate);
    for (n, start) in starts.iter_mut().enumerate() {
        let grouped = chapter[n]
            || candidate[n]
                && start.rank.is_some_and(|rank| {
                    grouping(rank)
                        && parent_of[n].is_some_and(|p| !asking_siblings.contains(&(p, rank)))
                });
        if let (true, Some(rank), Role::Record { question, .. }) =
            (beside[n] || grouped, start.rank, &start.role)
        {
            let title = question.clone();
            start.role = Role::Section { rank, title };
        }
    }
}

/// Which `candidate` (empty) headings are chapters typed at their sections' level (`## 4. 注解`
/// right over `## 4.1. 什么是…`): the next heading extends its number.
fn chapters_at_section_level(lines: &[Ln<'_>], starts: &[Start], candidate: &[bool]) -> Vec<bool> {
    if !candidate.contains(&true) {
        return vec![false; starts.len()];
    }
    let number = |n: usize| match starts.get(n).map(|s| &lines[s.line].kind) {
        Some(Kind::Heading(h)) => h.number.as_deref().map(|x| x.trim_end_matches('.')),
        _ => None,
    };
    // Not where headings of that rank numbered by one number are cards (`## 65、说说移动构造
    // 函数` before `## 66、C++函数调用的压栈过程` / `## 66.1、以例子进行讲解`): there the
    // sub-numbers are parts of a question.
    let mut card_ranks: Vec<Option<u8>> = (0..starts.len())
        .filter(|&n| {
            !candidate[n]
                && matches!(starts[n].role, Role::Record { .. })
                && number(n).is_some_and(|x| !x.contains('.'))
        })
        .map(|n| starts[n].rank)
        .collect();
    card_ranks.sort_unstable();
    card_ranks.dedup();
    (0..starts.len())
        .map(|n| {
            candidate[n]
                && !card_ranks.contains(&starts[n].rank)
                && starts
                    .get(n + 1)
                    .is_some_and(|next| next.rank == starts[n].rank)
                && number(n).zip(number(n + 1)).is_some_and(|(own, next)| {
                    next.strip_prefix(own)
                        .is_some_and(|rest| rest.starts_with('.'))
                })
        })
        .collect()
}

/// A line that only points elsewhere: one Markdown link or a bare address, bulleted or not.
fn pointer_line(text: &str) -> bool {
    let t = text.trim();
    let t = blocks::bullet_item(t).unwrap_or(t).trim();
    blocks::url_only(t).is_some()
        || (t.starts_with('[') && t.ends_with(')') && t.matches("](").count() == 1)
}

/// Among Markdown question headings that are numbered (`### 1、…`, `### [2、…](…)`), an
/// unnumbered heading of the same level with nothing under it that asks nothing
/// (`### 全部答案，更新日期…`, `### 下载链接：[…](…)`) is page furniture, not a question: set
/// aside (its line is reported, not lost). So is such a heading of a level above them
/// (`## [新增：高清 PDF…](…)` after the last `### 29、…`): empty, it groups no question.
pub(crate) fn empty_unnumbered_among_numbered(lines: &[Ln<'_>], starts: &mut [Start]) {
    // Per Markdown level: (numbered question headings, all question headings).
    let mut counts = [(0usize, 0usize); 7];
    for s in starts.iter() {
        if let (Role::Record { number, .. }, Kind::Heading(h)) = (&s.role, &lines[s.line].kind)
            && let Style::Markdown(level) = h.style
        {
            let c = &mut counts[usize::from(level.min(6))];
            c.0 += usize::from(number.is_some());
            c.1 += 1;
        }
    }
    for n in 0..starts.len() {
        let end = starts.get(n + 1).map_or(lines.len(), |s| s.line);
        let s = &starts[n];
        let (
            Role::Record {
                number: None,
                question,
            },
            Kind::Heading(h),
        ) = (&s.role, &lines[s.line].kind)
        else {
            continue;
        };
        let Style::Markdown(level) = h.style else {
            continue;
        };
        let (numbered, all) = counts[usize::from(level.min(6))];
        // Nothing under it but blank lines, or headings as empty that ask nothing either
        // (`### 下载链接：[…](…)` under `## [全部答案…](…)`).
        let empty = lines[s.line + 1..end].iter().all(|l| match &l.kind {
            Kind::Blank => true,
            Kind::Heading(sub) => {
                matches!(sub.style, Style::Markdown(deeper) if deeper > level)
                    && sub.number.is_none()
                    && !question_like(&sub.title)
            }
            _ => false,
        });
        // A heading that outranks the numbered questions (`## [全部答案…](…)` after `### 29、…`)
        // groups nothing when it is empty: no question of its level is numbered like them.
        let numbered_level =
            |(numbered, all): (usize, usize)| numbered >= 3 && numbered * 4 >= all * 3;
        let outranks = numbered == 0
            && counts[usize::from(level.min(6)) + 1..]
                .iter()
                .any(|&c| numbered_level(c));
        if (numbered_level((numbered, all)) || outranks) && empty && !question_like(question) {
            starts[n].role = Role::Aside;
        }
    }
}

/// Headings that name parts of the question just asked (`### 说一下map的数据结构和扩容机制`,
/// then `### 数据结构` and `### 扩容机制` at the same level) are the parts of its answer, not
/// questions of their own: each is an unnumbered heading that asks nothing and whose title the
/// question spells out, at most half as long as it. So are headings numbered under the question's
/// number (`## 66.1、以例子进行讲解` after `## 66、C++函数调用的压栈过程`) that ask no question,
/// in notes where such sub-numbers are rare (not a chapter's numbering).
pub(crate) fn parts_named_by_question(starts: &mut Vec<Start>) {
    // Per rank, the records numbered `66` and those numbered `66.1`: sub-numbers that are rare
    // there number parts; where they are common (`## 1. Java 基础` / `## 1.1 面向对象的特征` /
    // `## 1.2 …` / `## 2. 集合` / `## 2.1 …`) they number the questions of a chapter.
    let mut numbered: Vec<(u8, usize, usize)> = Vec::new();
    for s in starts.iter() {
        if let (
            Some(rank),
            Role::Record {
                number: Some(number),
                ..
            },
        ) = (s.rank, &s.role)
        {
            let k = numbered
                .iter()
                .position(|e| e.0 == rank)
                .unwrap_or_else(|| {
                    numbered.push((rank, 0, 0));
                    numbered.len() - 1
                });
            if number.contains('.') {
                numbered[k].2 += 1;
            } else {
                numbered[k].1 += 1;
            }
        }
    }
    let rare_sub_numbers = |rank: u8| {
        numbered
            .iter()
            .any(|&(r, plain, sub)| r == rank && sub * 4 <= plain)
    };
    let mut part = vec![false; starts.len()];
    let mut n = 0;
    while n < starts.len() {
        let (
            Some(rank),
            Role::Record {
                question,
                number: asked_number,
            },
        ) = (starts[n].rank, &starts[n].role)
        else {
            n += 1;
            continue;
        };
        // Lowered only when a part follows: most questions have none.
        let mut asked: Option<String> = None;
        let mut m = n + 1;
        while let Some(Start {
            rank: Some(r),
            role:
                Role::Record {
                    number,
                    question: title,
                },
            ..
        }) = starts.get(m)
        {
            // A number that extends the question's (`## 66、C++函数调用的压栈过程`, then
            // `## 66.1、以例子进行讲解`, `## 66.2、文字化表述`) numbers a part of it, where the
            // part asks no question of its own (a request to explain is its part).
            let part_of = if let Some(sub) = number {
                rare_sub_numbers(rank)
                    && asked_number.as_deref().is_some_and(|q| {
                        sub.strip_prefix(q)
                            .is_some_and(|rest| rest.starts_with('.'))
                            && !interrogative(title)
                            && !ends_asking(title)
                    })
            } else {
                let asked = asked.get_or_insert_with(|| question.to_lowercase());
                let title = line::strip_emphasis(title).trim().to_lowercase();
                // A part is a piece of the question; the question typed again is a new one.
                title.chars().count() >= 2
                    && title.chars().count() * 2 <= asked.chars().count()
                    && !asks(&title)
                    && asked.contains(&title)
                    && asks(asked)
            };
            if *r != rank || !part_of {
                break;
            }
            part[m] = true;
            m += 1;
        }
        n = m.max(n + 1);
    }
    let mut k = 0;
    starts.retain(|_| {
        k += 1;
        !part[k - 1]
    });
}

/// A question with nothing under it that is asked again further down (a list of the questions
/// at the top of the file, each then repeated with its answer) only announces it: set aside.
/// The repeat may carry a short label (`一问：…`, `Q3: …`). Such questions come as a run, a
/// table of contents; when at least half of a run is asked again, the rest of it announces
/// questions left out of the file and is set aside with it. A heading typed twice with
/// nothing under either stays.
pub(crate) fn set_aside_repeated_list(lines: &[Ln<'_>], starts: &mut [Start]) {
    let empty: Vec<bool> = (0..starts.len())
        .map(|n| {
            let end = starts.get(n + 1).map_or(lines.len(), |s| s.line);
            lines[starts[n].line + 1..end]
                .iter()
                .all(|l| matches!(l.kind, Kind::Blank))
        })
        .collect();
    // Without a bare question there is no list to set aside: the keys need not be made.
    if !(0..starts.len()).any(|n| empty[n] && matches!(starts[n].role, Role::Record { .. })) {
        return;
    }
    let keys: Vec<[Option<String>; 2]> = starts
        .iter()
        .map(|s| match &s.role {
            Role::Record { question, .. } => [
                Some(normalize_question(question)).filter(|k| !k.is_empty()),
                unlabelled_key(question),
            ],
            _ => [None, None],
        })
        .collect();
    // Walking up from the end, the keys of the answered questions below: one pass.
    let mut answered_below: std::collections::HashSet<&str> = std::collections::HashSet::new();
    let mut repeated = vec![false; starts.len()];
    for n in (0..starts.len()).rev() {
        let own = keys[n].iter().flatten();
        if empty[n] {
            repeated[n] = own.clone().any(|k| answered_below.contains(k.as_str()));
        } else {
            answered_below.extend(own.map(String::as_str));
        }
    }
    let mut n = 0;
    while n < starts.len() {
        let listed = |m: usize| empty[m] && keys[m][0].is_some();
        if !listed(n) {
            n += 1;
            continue;
        }
        let run_end = (n..starts.len())
            .find(|&m| !listed(m))
            .unwrap_or(starts.len());
        let mut asked_again = repeated[n..run_end].iter().filter(|&&r| r).count();
        if asked_again * 2 < run_end - n && run_end - n >= 2 {
            asked_again = asked_again.max(reworded_again(&keys, &empty, n, run_end));
        }
        // One bare question asked again is a question asked twice (an interview asked in two
        // rounds): a list announces two at least.
        if asked_again > 0 && asked_again * 2 >= run_end - n && run_end - n >= 2 {
            for start in &mut starts[n..run_end] {
                start.role = Role::Aside;
            }
        }
        n = run_end;
    }
}

/// How many questions of the bare run `n..end` are asked again, reworded, by the answered
/// questions right after it, in the same order (`你如何避免回调地狱？` … then `### 如何避免回调
/// 地狱` with its answer): a contents list translated or edited apart from its answers. Each
/// is compared with the one in its place only, so a file of many questions costs no square.
fn reworded_again(keys: &[[Option<String>; 2]], empty: &[bool], n: usize, end: usize) -> usize {
    /// Shared character pairs (Sørensen–Dice) at which two wordings ask the same.
    const ALIKE: f64 = 0.5;
    /// Answered questions the first may stand after (the list's last item, answered by a
    /// remark: `现在，我们依次来解答这些问题吧。`).
    const SLACK: usize = 2;
    /// Characters a wording must have to count as held in a longer one (`什么是Stub` in
    /// `什么是stub举个使用场景`): a word or two is in too many questions.
    const HELD_CHARS: usize = 4;
    // Looked for among the next few starts only: runs of bare questions with nothing
    // answered after them must not each scan the rest of the file.
    let window = keys.len().min(end + 4 * (end - n + SLACK));
    let answered: Vec<usize> = (end..window)
        .filter(|&m| !empty[m])
        .take(end - n + SLACK)
        .collect();
    let held =
        |short: &str, long: &str| short.chars().count() >= HELD_CHARS && long.contains(short);
    let alike = |a: usize, b: usize| match (&keys[a][0], &keys[b][0]) {
        (Some(x), Some(y)) => held(y, x) || held(x, y) || strsim::sorensen_dice(x, y) >= ALIKE,
        _ => false,
    };
    (0..=SLACK)
        .map(|skip| {
            (n..end)
                .zip(answered.iter().skip(skip))
                .filter(|&(a, &b)| alike(a, b))
                .count()
        })
        .max()
        .unwrap_or(0)
}

/// The key of a question after a short label ending in a colon (`一问：`, `Q3:`, `第二题：`), if
/// it has one.
fn unlabelled_key(question: &str) -> Option<String> {
    let text = question.trim_start_matches(|c: char| !c.is_alphanumeric());
    let (label, rest) = text.split_once(['：', ':'])?;
    let label = normalize_question(label);
    let rest = normalize_question(rest);
    (!label.is_empty() && label.chars().count() <= 4 && !rest.is_empty()).then_some(rest)
}
