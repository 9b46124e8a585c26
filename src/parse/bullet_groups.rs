//! A question list written as a nested bullet tree: the top-level bullets title groups
//! (`* **一.变量**`) and the bullets nested under each are the numbered questions
//! (`    * 1）全局变量与static变量？`), numbered from 1 again under every title. Read alone, the
//! nested numbers are indented sub-points; read as the tree they are, they are the questions
//! and the titles above them are group headings.

use super::asking::asks;
use super::line::{self, Kind, Style};

const WS: [char; 3] = [' ', '\t', '\u{3000}'];

/// A top-level bullet group: its title line, the lines nested under it, and their common
/// indent.
struct Group {
    title_line: usize,
    title: String,
    end: usize,
    base: usize,
    numbered: usize,
}

/// The text of a top-level bullet (`* `, `- `, `+ `) that reads as a title: short, asking
/// nothing, not ending like a sentence or a lead-in.
fn bullet_title(text: &str) -> Option<String> {
    let rest = text
        .strip_prefix("* ")
        .or_else(|| text.strip_prefix("- "))
        .or_else(|| text.strip_prefix("+ "))?;
    let title = line::strip_emphasis(rest.trim()).trim().to_owned();
    let title_like = !title.is_empty()
        && title.chars().count() <= 30
        && !title.ends_with(['。', '：', ':', '？', '?', '，', ','])
        && !asks(&title);
    title_like.then_some(title)
}

/// The group whose title bullet is line `i`, if the lines nested under it are a list whose
/// shallowest items are numbered from 1.
fn group_at(texts: &[&str], i: usize) -> Option<Group> {
    let blank = |t: &str| t.trim_matches(WS).is_empty();
    let title = bullet_title(texts[i])?;
    let mut end = i + 1;
    while end < texts.len() && (blank(texts[end]) || texts[end].starts_with(WS)) {
        end += 1;
    }
    while end > i + 1 && blank(texts[end - 1]) {
        end -= 1;
    }
    let body: Vec<&str> = texts[i + 1..end]
        .iter()
        .copied()
        .filter(|t| !blank(t))
        .collect();
    if body.is_empty() || body.iter().any(|t| line::fence_info(t.trim()).is_some()) {
        return None;
    }
    let base = body
        .iter()
        .map(|t| t.len() - t.trim_start_matches(WS).len())
        .min()?;
    // Only the same white space as the first nested line counts as the same depth.
    let lead = &body[0][..base];
    if body.iter().any(|t| !t.starts_with(lead)) {
        return None;
    }
    let shallow: Vec<&str> = body
        .iter()
        .map(|t| &t[base..])
        .filter(|t| !t.starts_with(WS))
        .collect();
    let values: Vec<Option<u32>> = shallow
        .iter()
        .map(|t| match line::classify(t) {
            Kind::Heading(h) if !matches!(h.style, Style::Markdown(_)) => h.value,
            _ => None,
        })
        .collect();
    // Every shallowest nested item is numbered, from 1.
    if values.first().copied().flatten() != Some(1) || values.iter().any(Option::is_none) {
        return None;
    }
    Some(Group {
        title_line: i,
        title,
        end,
        base,
        numbered: values.len(),
    })
}

/// Finds runs of two or more adjacent bullet groups holding three or more numbered items in
/// all, and reads them as an outline: each title a group heading (returned with its line
/// index), each nested line without the common indent of its group.
pub(super) fn bullet_groups<'a>(texts: &[&'a str]) -> (Vec<&'a str>, Vec<(usize, String)>) {
    let blank = |t: &str| t.trim_matches(WS).is_empty();
    let mut out = texts.to_vec();
    let mut titles = Vec::new();
    let mut i = 0;
    while i < texts.len() {
        let mut run = Vec::new();
        let mut at = i;
        while let Some(group) = (at < texts.len()).then(|| group_at(texts, at)).flatten() {
            at = group.end;
            while at < texts.len() && blank(texts[at]) {
                at += 1;
            }
            run.push(group);
        }
        if run.is_empty() {
            i += 1;
            continue;
        }
        let numbered: usize = run.iter().map(|g| g.numbered).sum();
        if run.len() >= 2 && numbered >= 3 {
            for g in &run {
                titles.push((g.title_line, g.title.clone()));
                for t in &mut out[g.title_line + 1..g.end] {
                    if !blank(t) {
                        *t = &t[g.base..];
                    }
                }
            }
        }
        i = at;
    }
    (out, titles)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_numbered_bullets_under_titles_are_an_outline() {
        let text = "* **一.变量**\n    * 1）全局变量？\n    * 2）static函数\n        - 作用域\n* **二.函数**\n    * 1）重载\n";
        let texts: Vec<&str> = text.lines().collect();
        let (out, titles) = bullet_groups(&texts);
        assert_eq!(
            titles,
            vec![(0, "一.变量".to_owned()), (4, "二.函数".to_owned())]
        );
        assert_eq!(out[1], "* 1）全局变量？");
        assert_eq!(out[3], "    - 作用域");
        assert_eq!(out[5], "* 1）重载");
    }

    #[test]
    fn a_single_bullet_with_numbered_points_is_left_alone() {
        let text = "- 优点\n    1. 快\n    2. 省\n";
        let texts: Vec<&str> = text.lines().collect();
        let (out, titles) = bullet_groups(&texts);
        assert!(titles.is_empty());
        assert_eq!(out, texts);
    }
}
