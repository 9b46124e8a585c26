//! Plain text that indentation alone structures, below a margin of chapter lines: labels one
//! step in (`\tSocket的作用与组成:`) with their content a step deeper, read as a tree.

use rayon::prelude::*;

use super::LINES_PER_TASK;
use crate::parse::indented_parts::indent_width;
use crate::parse::line::{Kind, Style, classify};
use crate::parse::{LABEL_RANK, Ln, Role, Start, blocks};

/// Most characters a label line runs to.
const MAX_LABEL: usize = 40;

/// An outline written with indentation (`2--Socket与TCP、UDP` / `\tSocket:` / `\t\t简单来说…`):
/// a line with deeper lines under it is a label, the deeper lines its content. The cards are
/// at the shallowest level below the margin where most labels hold their content directly
/// (three at least, two thirds of that level's labels): each such label is one record, and the
/// labels deeper in it are parts of its answer. A label at that level that holds only labels,
/// two or more (`\t报文、协议、Mac地址` over `\t\t报文段:`, `\t\t传输协议:`), groups them: each
/// is a record.
/// A line above that level is a chapter: a section over its labels, or a record where content
/// of its own comes first (`3.Socket-UDP 快速入门:` / `\tUDP(User Datagram Protocol)…`).
/// Read so only where the labels are plain short lines (no number, bullet or code), the file
/// has no Markdown heading or fence, and its margin holds nothing but a few short chapter lines.
pub(crate) fn read_indented_outline(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    if lines
        .par_iter()
        .with_min_len(LINES_PER_TASK)
        .any(|l| match &l.kind {
            Kind::Heading(h) => matches!(h.style, Style::Markdown(_)),
            Kind::Fence { .. } | Kind::Fenced => true,
            _ => false,
        })
    {
        return;
    }
    let tree = Tree::new(lines);
    if tree.rows.len() < 8 {
        return;
    }
    let Some(card) = tree.card_depth() else {
        return;
    };
    // The margin above the cards: a few short chapter lines, nothing else.
    let above: Vec<usize> = (0..tree.rows.len())
        .filter(|&k| tree.depth[k] < card)
        .collect();
    let cards = (0..tree.rows.len())
        .filter(|&k| tree.depth[k] == card && tree.node(k))
        .count();
    if above.len() > cards
        || !above
            .iter()
            .all(|&k| lines[tree.rows[k]].text.trim().chars().count() <= MAX_LABEL)
    {
        return;
    }
    let depth_rank = |d: usize| LABEL_RANK.saturating_add(u8::try_from(d).unwrap_or(u8::MAX));
    let existing = |i: usize| {
        starts
            .binary_search_by_key(&i, |s| s.line)
            .ok()
            .map(|n| starts[n].clone())
    };
    let mut fresh: Vec<Start> = Vec::new();
    for k in 0..tree.rows.len() {
        let i = tree.rows[k];
        let d = tree.depth[k];
        let record = || Start {
            line: i,
            rank: Some(depth_rank(d)),
            role: Role::question(lines[i].text),
        };
        let section = |rank: Option<u8>| Start {
            line: i,
            rank: Some(rank.unwrap_or_else(|| depth_rank(d))),
            role: Role::Section {
                rank: rank.unwrap_or_else(|| depth_rank(d)),
                title: title(lines[i].text),
            },
        };
        if d < card {
            let old = existing(i);
            if !tree.node(k) {
                fresh.extend(old);
            } else if tree.direct(k) {
                fresh.push(match old {
                    Some(s) if matches!(s.role, Role::Record { .. }) => s,
                    _ => record(),
                });
            } else {
                fresh.push(section(old.and_then(|s| s.rank)));
            }
        } else if d == card && tree.node(k) {
            if tree.direct(k) {
                fresh.push(record());
            } else {
                fresh.push(section(None));
            }
        } else if d == card + 1 && tree.node(k) && tree.parent_is_group(k, card) {
            fresh.push(record());
        }
    }
    *starts = fresh;
}

/// A label's title for a section: without emphasis, white space and its colon.
fn title(text: &str) -> String {
    match Role::label(text) {
        Role::Section { title, .. } => title,
        _ => text.trim().to_owned(),
    }
}

/// The file's non-blank lines with their indentation and depth in the tree indentation makes.
struct Tree {
    /// Indexes of the non-blank lines.
    rows: Vec<usize>,
    /// Indentation of each row, in columns.
    width: Vec<usize>,
    /// How many rows less indented than it enclose each row.
    depth: Vec<usize>,
    /// Each row with deeper rows under it ([`Tree::node`]) reads as a [`label`]; false for the
    /// others, which are never asked.
    label: Vec<bool>,
}

impl Tree {
    fn new(lines: &[Ln<'_>]) -> Self {
        // Each line read alone: on every core, in order.
        let rows: Vec<usize> = (0..lines.len())
            .into_par_iter()
            .with_min_len(LINES_PER_TASK)
            .filter(|&i| !matches!(lines[i].kind, Kind::Blank))
            .collect();
        let width: Vec<usize> = rows
            .par_iter()
            .with_min_len(LINES_PER_TASK)
            .map(|&i| indent_width(lines[i].text))
            .collect();
        let mut depth = Vec::with_capacity(rows.len());
        let mut open: Vec<usize> = Vec::new();
        for &w in &width {
            while open.last().is_some_and(|&o| o >= w) {
                open.pop();
            }
            depth.push(open.len());
            open.push(w);
        }
        // Only a row with deeper rows under it is ever asked whether it is a label.
        let label = (0..rows.len())
            .into_par_iter()
            .with_min_len(LINES_PER_TASK)
            .map(|k| width.get(k + 1).is_some_and(|&w| w > width[k]) && label(&lines[rows[k]]))
            .collect();
        Self {
            rows,
            width,
            depth,
            label,
        }
    }

    /// Row `k` has deeper rows right under it.
    fn node(&self, k: usize) -> bool {
        self.width.get(k + 1).is_some_and(|&w| w > self.width[k])
    }

    /// Row `k` holds content of its own first, not another label. A line with more indented
    /// lines under it that is no plain label (`客户端   ---TCP Data--> 服务器` over the
    /// diagram's next row) is content all the same.
    /// A label that holds a single label (`冒泡排序` over `for i in range(n):` over the loop's
    /// body) groups nothing: what it holds is its content, however deep.
    fn direct(&self, k: usize) -> bool {
        self.node(k) && !(self.node(k + 1) && self.label[k + 1] && self.labels_under(k) >= 2)
    }

    /// How many labels with content of their own sit one step under row `k`.
    fn labels_under(&self, k: usize) -> usize {
        let step = self.width[k + 1];
        (k + 1..self.rows.len())
            .take_while(|&j| self.width[j] > self.width[k])
            .filter(|&j| self.width[j] == step && self.node(j) && self.label[j])
            .count()
    }

    /// The row at `card` that encloses row `k` holds only labels.
    fn parent_is_group(&self, k: usize, card: usize) -> bool {
        (0..k)
            .rev()
            .find(|&p| self.depth[p] == card)
            .is_some_and(|p| self.node(p) && !self.direct(p))
    }

    /// The shallowest depth below the margin whose labels mostly hold their content directly,
    /// every label there a plain short line.
    fn card_depth(&self) -> Option<usize> {
        let max = self.depth.iter().copied().max().unwrap_or(0);
        (1..=max.min(3)).find(|&d| {
            let nodes: Vec<usize> = (0..self.rows.len())
                .into_par_iter()
                .with_min_len(LINES_PER_TASK)
                .filter(|&k| self.depth[k] == d && self.node(k))
                .collect();
            let direct = nodes.iter().filter(|&&k| self.direct(k)).count();
            direct >= 3 && direct * 3 >= nodes.len() * 2 && nodes.iter().all(|&k| self.label[k])
        })
    }
}

/// A plain short line: no number (an indented `1、安装 nginx` is a step of a list, not a
/// label), bullet, code or sentence inside, and no columns aligned by a run of spaces or a
/// tab (a row of a diagram or a table).
fn label(line: &Ln<'_>) -> bool {
    let t = line.text.trim();
    if t.contains("   ") || t.contains('\t') {
        return false;
    }
    matches!(line.kind, Kind::Text)
        && !line.code
        && !line.structural
        && blocks::bullet_item(t).is_none()
        && !blocks::is_rule_line(t)
        && t.chars().count() <= MAX_LABEL
        && !t.contains(['。', '；', '，'])
        && !matches!(classify(t), Kind::Heading(_))
}
