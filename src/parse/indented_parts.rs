//! Parts whose questions are all indented one step under a title (classification):
//!
//! ```text
//! 1、Java基础                      ← the part's title
//!     1、int和Integer有什么区别？      ← a question
//!         1、int是基本类型…            ← its answer, one step deeper
//!     2、反射机制的用途
//!         答：…
//! ```
//!
//! A short line at the margin that asks nothing, over an indented block whose shallowest lines
//! are a numbered list — items that count up, most with lines of their own under them, many of
//! them asking — titles a part: the block is the part's questions, written one step in. Its
//! items are read as if that step were not there, the lines under them one step less deep, and
//! the title line ranks above them, as a heading would. Items typed by hand sit a column more
//! or less to the side (`    (1)` then `     (2)`): they are one list all the same.
//!
//! An outline is the same thing with bullets for titles: `- 数据库` over numbered topics,
//! quoted (`  > 1、索引`, `  > > 2、事务`) or indented, each topic one line.

use super::line::{self, Heading, Kind, Style};
use super::{asking, blocks};

/// Columns a tab advances to the next multiple of.
const TAB: usize = 4;

/// The white space a line starts with, as columns (a tab to the next stop, a full-width
/// space two).
pub(super) fn indent_width(text: &str) -> usize {
    let mut w = 0;
    for c in text.chars() {
        match c {
            ' ' => w += 1,
            '\t' => w = (w / TAB + 1) * TAB,
            '\u{3000}' => w += 2,
            _ => break,
        }
    }
    w
}

/// The text of a line without its indent and quote markers.
fn bare(text: &str) -> &str {
    text.trim_start_matches([' ', '\t', '\u{3000}', '>'])
}

fn blank(text: &str) -> bool {
    text.trim_matches([' ', '\t', '\u{3000}']).is_empty()
}

fn indented(text: &str) -> bool {
    text.starts_with([' ', '\t', '\u{3000}'])
}

/// The numbered item a line is, its indent aside (`1、…`, `(2)…`, `二、…`), if it is one.
fn item(text: &str) -> Option<Box<Heading>> {
    match line::classify(text.trim_start_matches([' ', '\t', '\u{3000}'])) {
        Kind::Heading(h) if !matches!(h.style, Style::Markdown(_) | Style::Question) => Some(h),
        _ => None,
    }
}

/// Does the line title a part rather than ask or lead in: short, at the margin, no question,
/// no colon, no sentence?
fn part_title(text: &str) -> Option<String> {
    if indented(text) || blank(text) {
        return None;
    }
    let plain = line::strip_emphasis(text);
    let t = plain.trim();
    match line::classify(t) {
        Kind::Heading(h) if !matches!(h.style, Style::Markdown(_) | Style::Question) => {
            topic(&h.title)
        }
        Kind::Text => topic(t),
        _ => None,
    }
}

/// A title that names a topic: short, no question, no colon, no sentence.
fn topic(title: &str) -> Option<String> {
    let title = line::strip_emphasis(title).trim().to_owned();
    let short = (1..=20).contains(&title.chars().count());
    let plain_words = !title.ends_with([':', '：', '。', '；', ';', '，', ','])
        && !title.contains(['。', '；'])
        && !asking::question_like(&title)
        && !asking::ends_asking(&title);
    (short && plain_words).then_some(title)
}

/// The blocks read as indented parts: the texts with their items at the margin, and the lines
/// that title the parts, with their titles. Only where every line at the margin that holds
/// something indented, and every numbered one, titles such a part (a Markdown heading aside):
/// among questions at the margin, a topic with indented sub-questions is one of them.
///
/// `kinds` holds each text's [`line::classify`], found once for every line.
pub(super) fn indented_parts<'a>(
    texts: &[&'a str],
    kinds: &[Kind],
) -> (Vec<&'a str>, Vec<(usize, String)>) {
    if let Some(chapters) = chapter_parts(texts, kinds) {
        let mut out = texts.to_vec();
        let mut titles = Vec::new();
        for (i, title, items) in chapters {
            for k in items {
                out[k] = bare(out[k]);
            }
            titles.push((i, title));
        }
        return (out, titles);
    }
    let mut parts = Vec::new();
    // Parts whose lists were too short to show a shape of their own.
    let mut short = 0;
    let mut i = 0;
    while i < texts.len() {
        if blank(texts[i]) || indented(texts[i]) {
            i += 1;
            continue;
        }
        // The block: every line up to the next one at the margin, without trailing blanks.
        let mut end = i + 1;
        while end < texts.len() && (blank(texts[end]) || indented(texts[end])) {
            end += 1;
        }
        let mut last = end;
        while last > i + 1 && blank(texts[last - 1]) {
            last -= 1;
        }
        let block = &texts[i + 1..last];
        let heading = matches!(&kinds[i],
            Kind::Heading(h) if matches!(h.style, Style::Markdown(_)));
        let found = match blocks::bullet_item(texts[i]) {
            Some(bullet) => topic(bullet).zip(outline_items(block)),
            None => part_title(texts[i]).zip(part_items(block, false)),
        };
        match found {
            Some((title, items)) => parts.push((i, title, items)),
            None if heading || (block.is_empty() && item(texts[i]).is_none()) => {}
            // A title over one or two numbered items reads like the parts around it, if they
            // are parts (two at least, checked below).
            None => match part_title(texts[i]).zip(part_items(block, true)) {
                Some((title, items)) => {
                    short += 1;
                    parts.push((i, title, items));
                }
                None => return (texts.to_vec(), Vec::new()),
            },
        }
        i = end;
    }
    if short > 0 && parts.len() - short < 2 {
        return (texts.to_vec(), Vec::new());
    }
    let mut out = texts.to_vec();
    let mut titles = Vec::new();
    for (i, title, items) in parts {
        for k in items {
            let t = &mut out[i + 1 + k];
            *t = bare(t);
        }
        titles.push((i, title));
    }
    (out, titles)
}

/// A numbered chapter line at the margin (`二、排序算法`, `【3】算法`, `【5】`): its number
/// and its title (the line itself when it has no words after the number).
/// `kind` is `text`'s [`line::classify`].
fn chapter(text: &str, kind: &Kind) -> Option<(u32, String)> {
    if indented(text) || blank(text) {
        return None;
    }
    let t = text.trim();
    if let Some(rest) = t.strip_prefix('【')
        && let Some((number, title)) = rest.split_once('】')
        && let Ok(value) = number.trim().parse::<u32>()
    {
        let title = title.trim().trim_end_matches([':', '：']).trim();
        let title = if title.is_empty() { t } else { title };
        return Some((value, title.to_owned()));
    }
    // `classify` trims the end of a line itself: the line's kind is its trimmed text's, unless
    // it starts with white space other than an indent.
    let own;
    let kind = if t.len() == text.trim_end().len() {
        kind
    } else {
        own = line::classify(t);
        &own
    };
    match kind {
        Kind::Heading(h) if h.style == Style::Chinese => {
            let title = h.title.trim().trim_end_matches([':', '：']).trim();
            Some((
                h.value?,
                if title.is_empty() { t } else { title }.to_owned(),
            ))
        }
        _ => None,
    }
}

/// Chapters at the margin (`一、算法复杂度`, `【1】数据结构：`), numbered in one style and
/// counting up, two or more of them each over a numbered list indented one step whose items
/// have lines of their own under them (`      1.冒泡排序` / `         先将数组相邻的…`): an
/// outline of topics, chapter by chapter. Each item is a card, whether it asks or not — the
/// same shape chapter after chapter says so — and the chapters are its sections. Returns each
/// chapter line with its title and the lines of its items; a chapter with no such list is
/// returned with none (it reads as a heading over its own text), and so is one whose items
/// mostly state, closed by a full stop: points the chapter makes.
fn chapter_parts(texts: &[&str], kinds: &[Kind]) -> Option<Vec<(usize, String, Vec<usize>)>> {
    let found: Vec<(usize, bool, u32, String)> = texts
        .iter()
        .zip(kinds)
        .enumerate()
        .filter_map(|(i, (t, kind))| {
            chapter(t, kind).map(|(v, title)| (i, t.trim().starts_with('【'), v, title))
        })
        .collect();
    // One style of chapter, counting up.
    let bracketed = found.first()?.1;
    if found.iter().any(|c| c.1 != bracketed) || found.windows(2).any(|w| w[1].2 <= w[0].2) {
        return None;
    }
    let markdown = |k: usize| {
        !indented(texts[k])
            && matches!(&kinds[k], Kind::Heading(h) if matches!(h.style, Style::Markdown(_)))
    };
    let mut chapters = Vec::new();
    let mut with_items = 0;
    for (n, (i, _, _, title)) in found.iter().enumerate() {
        let next = found.get(n + 1).map_or(texts.len(), |c| c.0);
        let end = (i + 1..next).find(|&k| markdown(k)).unwrap_or(next);
        // A chapter that asks (`一、TCP和UDP的区别？`) is a question: its list is its answer.
        let items = if asking::asks(title) {
            Vec::new()
        } else {
            chapter_items(&texts[i + 1..end])
                .filter(|items| !mostly_statements(texts, *i + 1, items))
                .unwrap_or_default()
        };
        with_items += usize::from(!items.is_empty());
        chapters.push((
            *i,
            title.clone(),
            items.into_iter().map(|k| i + 1 + k).collect(),
        ));
    }
    (with_items >= 2).then_some(chapters)
}

/// Do most of a chapter's items state (`1. 基于内存，读写快。`, `2. RDB：定时快照。`)? Then
/// they are the points the chapter makes, its answer, not topics of their own.
fn mostly_statements(texts: &[&str], from: usize, items: &[usize]) -> bool {
    let stating = items
        .iter()
        .filter(|&&k| {
            item(texts[from + k]).is_some_and(|h| {
                let t = h.title.trim();
                !asking::asks(t) && t.ends_with('。')
            })
        })
        .count();
    stating * 2 > items.len()
}

/// The items of the numbered list indented one step in a chapter's `block`: the indented
/// numbered lines of its first item's style at the shallowest indent (a column more or less),
/// two or more counting up from 1, most with lines under them.
fn chapter_items(block: &[&str]) -> Option<Vec<usize>> {
    let numbered: Vec<(usize, usize, Box<Heading>)> = block
        .iter()
        .enumerate()
        .filter(|(_, t)| indented(t))
        .filter_map(|(k, t)| item(t).map(|h| (k, indent_width(t), h)))
        .collect();
    let step = numbered.iter().map(|(_, w, _)| *w).min()?;
    let (_, _, first) = numbered.iter().find(|(_, w, _)| *w <= step + 1)?;
    let style = first.style;
    let items: Vec<(usize, &Heading)> = numbered
        .iter()
        .filter(|(_, w, h)| h.style == style && *w <= step + 1)
        .map(|(k, _, h)| (*k, &**h))
        .collect();
    let n = items.len();
    if n < 2 || items[0].1.value != Some(1) {
        return None;
    }
    let counting = items.windows(2).all(|w| {
        w[0].1
            .value
            .zip(w[1].1.value)
            .is_some_and(|(a, b)| b == a + 1)
    });
    let answered = items
        .iter()
        .enumerate()
        .filter(|(x, (k, _))| {
            let next = items.get(x + 1).map_or(block.len(), |(k, _)| *k);
            block[k + 1..next].iter().any(|t| !blank(t))
        })
        .count();
    (counting && answered * 2 > n).then(|| items.iter().map(|(k, _)| *k).collect())
}

/// The lines of the numbered list at the shallowest indent of `block` (counted from its first
/// line), if the block is a part's questions:
/// nothing in it less indented than the list, the list in one numbering style, three items
/// or more counting up from 1, most of them with lines under them, a third at least asking;
/// or, a list of questions to prepare, none with lines under it, half at least asking.
/// `short`: only a list of one or two items from 1, which cannot show a shape of its own; it
/// counts where parts around it show theirs ([`indented_parts`]).
fn part_items(block: &[&str], short: bool) -> Option<Vec<usize>> {
    let widths: Vec<Option<usize>> = block
        .iter()
        .map(|t| (!blank(t)).then(|| indent_width(t)))
        .collect();
    let numbered: Vec<(usize, Box<Heading>)> = block
        .iter()
        .enumerate()
        .filter_map(|(k, t)| item(t).map(|h| (k, h)))
        .collect();
    let step = numbered.iter().filter_map(|(k, _)| widths[*k]).min()?;
    if step == 0 || widths.iter().flatten().any(|&w| w < step) {
        return None;
    }
    // The list's style is its first item's; items sit within a column of the shallowest.
    let (_, first) = numbered
        .iter()
        .find(|(k, _)| widths[*k] <= Some(step + 1))?;
    let style = first.style;
    let items: Vec<(usize, &Heading)> = numbered
        .iter()
        .filter(|(k, h)| h.style == style && widths[*k] <= Some(step + 1))
        .map(|(k, h)| (*k, &**h))
        .collect();
    let n = items.len();
    if items[0].1.value != Some(1) {
        return None;
    }
    // Items that count on from the one before.
    let counting = items
        .windows(2)
        .filter(|w| {
            w[0].1
                .value
                .zip(w[1].1.value)
                .is_some_and(|(a, b)| b == a + 1)
        })
        .count();
    if short {
        return (n < 3 && counting == n - 1).then(|| items.iter().map(|(k, _)| *k).collect());
    }
    if n < 3 {
        return None;
    }
    // With lines under it: a non-blank line before the next item.
    let answered = items
        .iter()
        .enumerate()
        .filter(|(x, (k, _))| {
            let next = items.get(x + 1).map_or(block.len(), |(k, _)| *k);
            block[k + 1..next].iter().any(|t| !blank(t))
        })
        .count();
    let asking = items
        .iter()
        .filter(|(_, h)| asking::question_like(&h.title) || asking::asks(&h.title))
        .count();
    // Most items answered under them, a third at least asking; or none answered, a list of
    // questions to prepare, then half of them at least asking.
    let questions = (answered * 2 > n && asking * 3 >= n) || (answered == 0 && asking * 2 >= n);
    (counting * 4 >= (n - 1) * 3 && questions).then(|| items.iter().map(|(k, _)| *k).collect())
}

/// The numbered lines of a block under a bullet (`- H5` over `  > 1、语义化标签` and
/// `  > > 6、新增的 API`), if the block is an outline of topics: quoted or not, the numbered
/// one-liners in one style are the block, three of them at least, counting up from 1 (a
/// second run, after a separator, may count from 1 again).
fn outline_items(block: &[&str]) -> Option<Vec<usize>> {
    let numbered: Vec<(usize, Box<Heading>)> = block
        .iter()
        .enumerate()
        .filter_map(|(k, t)| item(bare(t)).map(|h| (k, h)))
        .collect();
    let style = numbered.first()?.1.style;
    let items: Vec<&(usize, Box<Heading>)> =
        numbered.iter().filter(|(_, h)| h.style == style).collect();
    let n = items.len();
    let lines = block.iter().filter(|t| !blank(bare(t))).count();
    let counting = items
        .windows(2)
        .filter(|w| {
            w[0].1
                .value
                .zip(w[1].1.value)
                .is_some_and(|(a, b)| b == a + 1 || b == 1)
        })
        .count();
    let one_liners = items
        .iter()
        .filter(|(_, h)| h.title.chars().count() <= 50)
        .count();
    (n >= 3
        && items[0].1.value == Some(1)
        && counting + 1 == n
        && n * 3 >= lines * 2
        && one_liners * 4 >= n * 3)
        .then(|| items.iter().map(|(k, _)| *k).collect())
}

/// The heading a part title is read as: a heading of the lowest rank, above any numbered item.
pub(super) fn part_heading(title: String) -> Kind {
    Kind::Heading(Box::new(Heading {
        style: Style::Markdown(6),
        number: None,
        value: None,
        title,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (Vec<&str>, Vec<(usize, String)>) {
        let texts: Vec<&str> = text.lines().collect();
        let kinds: Vec<Kind> = texts.iter().map(|t| line::classify(t)).collect();
        indented_parts(&texts, &kinds)
    }

    #[test]
    fn items_one_tab_in_under_a_title_come_to_the_margin() {
        let (texts, titles) = read(
            "1、基础\n\t1、int和Integer有什么区别？\n\t\t1、一个是基本类型\n\t2、反射\n\t\t答：运行时操作类\n\t3、什么是泛型？\n\t\t答：参数化类型\n",
        );
        assert_eq!(titles, vec![(0, "基础".to_owned())]);
        assert_eq!(texts[1], "1、int和Integer有什么区别？");
        assert_eq!(texts[2], "\t\t1、一个是基本类型");
        assert_eq!(texts[5], "3、什么是泛型？");
    }

    #[test]
    fn topics_indented_under_two_chapters_are_cards() {
        let (texts, titles) = read(
            "一、排序\n    1.冒泡\n        相邻两两比较\n    2.快排\n        选基准分区\n\n二、查找\n    1.二分\n        有序数组折半\n    2.哈希\n        按键直接定位\n",
        );
        assert_eq!(titles, vec![(0, "排序".to_owned()), (6, "查找".to_owned())]);
        assert_eq!(texts[1], "1.冒泡");
        assert_eq!(texts[2], "        相邻两两比较");
        assert_eq!(texts[9], "2.哈希");
    }

    #[test]
    fn one_chapter_over_indented_steps_keeps_them() {
        let text = "一、持久化\n    1. RDB\n        定时快照\n    2. AOF\n        追加日志\n";
        let (texts, titles) = read(text);
        assert!(titles.is_empty());
        assert_eq!(texts, text.lines().collect::<Vec<_>>());
    }

    #[test]
    fn a_chapter_that_asks_keeps_its_points() {
        let (texts, titles) = read(
            "一、TCP和UDP有什么区别？\n    1.连接\n        TCP面向连接\n    2.可靠性\n        TCP可靠\n二、索引\n    1.B+树\n        叶子相连\n    2.哈希\n        等值查询快\n三、锁\n    1.行锁\n        锁一行\n    2.表锁\n        锁整表\n",
        );
        assert_eq!(titles.len(), 3);
        assert_eq!(texts[1], "    1.连接");
        assert_eq!(texts[6], "1.B+树");
        assert_eq!(texts[13], "2.表锁");
    }

    #[test]
    fn items_a_column_apart_are_one_list() {
        let (texts, titles) = read(
            "网络\n    (1) TCP和UDP的区别\n        面向连接\n     (2) 什么是三次握手？\n    建立连接的过程\n      1）SYN\n    （3）HTTP缓存\n        强缓存\n",
        );
        assert_eq!(titles.len(), 1);
        assert_eq!(texts[3], "(2) 什么是三次握手？");
        assert_eq!(texts[6], "（3）HTTP缓存");
        assert_eq!(texts[5], "      1）SYN");
    }

    #[test]
    fn a_topic_among_questions_at_the_margin_keeps_its_sub_questions() {
        let text = "1. 什么是进程？\n    资源分配的单位\n2. 线程\n    1. 什么是线程？\n        调度的单位\n    2. 线程安全是什么？\n        多线程访问\n    3. 如何同步？\n        加锁\n";
        let (texts, titles) = read(text);
        assert!(titles.is_empty());
        assert_eq!(texts, text.lines().collect::<Vec<_>>());
    }

    #[test]
    fn steps_that_ask_nothing_stay_an_answer() {
        let (_, titles) = read(
            "持久化\n    1. RDB\n        定时快照\n    2. AOF\n        追加日志\n    3. 混合持久化\n        两者结合\n",
        );
        assert!(titles.is_empty());
    }

    #[test]
    fn topics_quoted_under_group_bullets_are_the_items() {
        let (texts, titles) = read(
            "## 提纲\n\n- 数据库\n  > 1、索引\n  > > 2、事务\n  > 3、锁\n- 网络\n  1、TCP\n  2、HTTP\n  3、DNS\n",
        );
        assert_eq!(
            titles,
            vec![(2, "数据库".to_owned()), (6, "网络".to_owned())]
        );
        assert_eq!(texts[4], "2、事务");
        assert_eq!(texts[9], "3、DNS");
    }

    #[test]
    fn a_bullet_over_its_answer_keeps_it() {
        let (_, titles) = read(
            "- 索引\n  1、B+树\n  它的叶子节点连成链表，范围查询只扫叶子\n  非叶子节点只存键\n  2、哈希\n",
        );
        assert!(titles.is_empty());
    }
}
