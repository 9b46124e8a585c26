//! A table's header row read as a question (`对比项 | 近似LRU算法 | LFU 算法` over `---- |
//! ---- | ----`; a Pandoc table's `**Feature**   **ArrayList**` over `------- --------`): the
//! row right above a table's column rule names its columns; it asks nothing and belongs to
//! the answer the table is in.

use crate::parse::{Ln, Role, Start};

/// Lines a header may take above its column rule (a header cell wrapped onto a second line).
const MAX_HEADER_LINES: usize = 2;

/// Dashes a column's rule holds at least.
const MIN_DASHES: usize = 3;

/// Drop every record that starts on a table's header row: a line of two cells or more, not a
/// Markdown heading, with a column rule (two dashed runs or more, apart by spaces or pipes) right under it or under
/// the header's second line.
pub(crate) fn drop_table_headers(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    starts.retain(|s| {
        !(matches!(s.role, Role::Record { .. })
            && lines[s.line].markdown_level().is_none()
            && !column_rule(lines[s.line].text)
            && cells(lines[s.line].text) >= 2
            && lines[s.line + 1..]
                .iter()
                .take(MAX_HEADER_LINES)
                .take_while(|l| !l.text.trim().is_empty())
                .any(|l| column_rule(l.text)))
    });
}

/// Is `text` a table's column rule (`---- | ---- | ----`, `------- -------- -----`,
/// `|:---|---:|`): nothing but runs of dashes (colons for alignment), two runs or more, apart
/// by spaces or pipes? (A box of ASCII art, `+-----+   +-----+`, is none.)
fn column_rule(text: &str) -> bool {
    let t = text.trim();
    if t.is_empty() || !t.chars().all(|c| matches!(c, '-' | ':' | '|' | ' ' | '\t')) {
        return false;
    }
    let runs: Vec<&str> = t
        .split(['|', ' ', '\t'])
        .filter(|r| !r.is_empty())
        .collect();
    runs.len() >= 2
        && runs
            .iter()
            .all(|r| r.chars().filter(|&c| c == '-').count() >= MIN_DASHES)
}

/// The cells of a header row: its text split at pipes, tabs and runs of two spaces or more.
fn cells(text: &str) -> usize {
    text.split(['|', '\t'])
        .flat_map(|part| part.split("  "))
        .filter(|cell| !cell.trim().is_empty())
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_rules() {
        assert!(column_rule("----  | ----  | ----"));
        assert!(column_rule(
            "  --------------- ------------------------ ---------"
        ));
        assert!(column_rule("|:---|---:|"));
        assert!(!column_rule("--------------------"));
        assert!(!column_rule("- - -"));
        assert!(!column_rule("-- 总复习："));
        assert!(!column_rule("+---------+      +---------+"));
    }
}
