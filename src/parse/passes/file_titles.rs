//! The first line of a file that names what the file collects (`java 常见的面试题`,
//! `# Questions`): the file's title, not a question.

use super::lead_titles::part_heading;
use crate::parse::asking::{self, asks, ends_asking, question_like};
use crate::parse::line::{self, Kind};
use crate::parse::{LABEL_RANK, Ln, Role, Start};

/// A record opened by the file's first line, where that line only names a collection of
/// questions and asks nothing, and two records or more come after it, is the title over
/// them: a section (a Markdown heading keeps its rank), its introduction lines outside any
/// question. Not a record that holds the headings of its answer's parts (`## 课上习题——生产者
/// 消费者` / the problem / `### 分析步骤`): that is one problem, read whole.
pub(crate) fn title_first_line(lines: &[Ln<'_>], starts: &mut [Start]) {
    let Some(first) = lines.iter().position(|l| !matches!(l.kind, Kind::Blank)) else {
        return;
    };
    let records = starts
        .iter()
        .filter(|s| matches!(s.role, Role::Record { .. }))
        .count();
    let Some(Start {
        line: at,
        role: Role::Record { question, .. },
        ..
    }) = starts.first()
    else {
        return;
    };
    let end = starts.get(1).map_or(lines.len(), |next| next.line);
    if *at != first
        || records < 3
        || !names_collection(question)
        || lines[first + 1..end].iter().any(part_heading)
    {
        return;
    }
    let title = line::strip_emphasis(question).trim().to_owned();
    let start = &mut starts[0];
    start.role = Role::Section {
        rank: start.rank.unwrap_or(LABEL_RANK),
        title,
    };
}

/// A short title that names a collection of questions (`常见的面试题`, `Questions`) and asks
/// nothing itself.
fn names_collection(title: &str) -> bool {
    let t = line::strip_emphasis(title);
    let t = t.trim();
    t.chars().count() <= 30
        && asking::names_collection(t)
        && !asks(t)
        && !question_like(t)
        && !ends_asking(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_that_name_a_collection() {
        assert!(names_collection("java 常见的面试题"));
        assert!(names_collection("Questions"));
        assert!(names_collection("**Interview Questions**"));
        assert!(!names_collection("What questions do you ask?"));
        assert!(!names_collection("面试题一：什么是闭包"));
        assert!(!names_collection("HashMap"));
    }
}
