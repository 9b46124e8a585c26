//! A numbered list typed right under a line of a record (`GC什么时候进行垃圾回收` /
//! `1.调用System.gc()时` / `2.老年代空间不足时`): the points that line leads in to.

use crate::parse::asking::{asks, ends_asking, names_collection, question_like};
use crate::parse::line::{Kind, Style};
use crate::parse::titles::title_shaped;
use crate::parse::{Ln, Role, Start};

/// A list numbered from 1, none of its items asking, glued under a line of a record (a line
/// of text in its answer, or its question line when that asks) is that record's points, not
/// new questions: a writer who starts a list of questions sets it apart from the answer above
/// it, while a list of facts follows straight on from what leads in to it. A question line
/// ending in a question mark may stand a blank line above its points.
pub(crate) fn keep_lead_in_points(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let mut drop = Vec::new();
    let mut n = 1;
    while n < starts.len() {
        let owner = &starts[n - 1];
        let Some(Item {
            value: 1,
            style,
            asking: false,
            ..
        }) = item(lines, &starts[n])
        else {
            n += 1;
            continue;
        };
        let mut run = vec![starts[n].line];
        let mut value = 1;
        let mut sentences = usize::from(item(lines, &starts[n]).is_some_and(|i| i.sentence));
        let mut asking = false;
        while let Some(next) = starts.get(n + run.len()).and_then(|s| item(lines, s)) {
            if next.value != value + 1 || next.style != style {
                break;
            }
            if next.asking {
                asking = true;
                break;
            }
            sentences += usize::from(next.sentence);
            value = next.value;
            run.push(starts[n + run.len()].line);
        }
        let leads_in = match lead_in(lines, owner, run[0], style) {
            Some(Lead::Question | Lead::Sentence) => true,
            // A title over a list may name a new part (`Linux部分` / `1、查找某个目录下的文件`):
            // only a list of facts, most items sentences, is plainly its points.
            Some(Lead::Title) => sentences * 2 > run.len(),
            None => false,
        };
        n += run.len();
        if leads_in && !asking {
            drop.extend(run);
        }
    }
    if !drop.is_empty() {
        starts.retain(|s| drop.binary_search(&s.line).is_err());
    }
}

/// What leads in to a list.
enum Lead {
    /// The record's question line, asking.
    Question,
    /// A line of the answer that is a sentence or a lead-in label (`原因如下：`).
    Sentence,
    /// A line of the answer shaped like a title.
    Title,
}

/// The line of `owner`'s record right above its list starting at `first`: a line of text in
/// its answer, glued to the list, made of words (no rule around a label) and naming no
/// collection of questions (`面试题：`); or its question line, when it asks (glued, or a blank
/// line above a list under a line ending in a question mark) and is no Markdown heading (whose
/// numbered children the outline reads) nor a sibling item in the list's own style.
fn lead_in(lines: &[Ln<'_>], owner: &Start, first: usize, style: Style) -> Option<Lead> {
    let Role::Record { question, .. } = &owner.role else {
        return None;
    };
    let mut lead = first.checked_sub(1)?;
    while lead > owner.line && matches!(lines[lead].kind, Kind::Blank) {
        lead -= 1;
    }
    if lead < owner.line {
        return None;
    }
    let line = &lines[lead];
    if line.code || names_collection(line.text) || !worded(line.text) {
        return None;
    }
    let glued = lead + 1 == first;
    if lead == owner.line {
        let sibling = line.numbered_item().is_some_and(|h| h.style == style);
        let asking = ends_asking(question) || (glued && asks(question));
        return (asking && !sibling && line.markdown_level().is_none()).then_some(Lead::Question);
    }
    if !glued || !matches!(line.kind, Kind::Text) {
        return None;
    }
    Some(if title_shaped(line) {
        Lead::Title
    } else {
        Lead::Sentence
    })
}

/// Is a line mostly words, not a rule or a frame around a label (`------ 题 -----`)?
fn worded(text: &str) -> bool {
    let marks = text.chars().filter(|c| !c.is_whitespace()).count();
    let words = text.chars().filter(|c| c.is_alphanumeric()).count();
    words * 2 >= marks
}

/// A record or section a numbered line starts (no Markdown heading, no `Q:` label).
struct Item {
    value: u32,
    style: Style,
    /// An interrogative, a request or a question mark asks; a word a question names (`原理`,
    /// `比较`) asks only in a title, not inside a sentence.
    asking: bool,
    /// Clauses apart by commas, or closed by a full stop.
    sentence: bool,
}

fn item(lines: &[Ln<'_>], start: &Start) -> Option<Item> {
    let question = match &start.role {
        Role::Record { question, .. } => question,
        // The outline reads an item with lines after it that a restart counts as a section.
        Role::Section { title, .. } => title,
        _ => return None,
    };
    let Kind::Heading(h) = &lines[start.line].kind else {
        return None;
    };
    if matches!(h.style, Style::Markdown(_) | Style::Question) {
        return None;
    }
    let t = question.trim_end();
    let sentence = t.contains(['，', ',', '；', ';']) || t.ends_with(['。', '.']);
    Some(Item {
        value: h.value?,
        style: h.style,
        asking: asks(question) || ends_asking(question) || (question_like(question) && !sentence),
        sentence,
    })
}
