//! A question wrapped onto a second line read as starting there (`**3. What are the
//! differences between HashMap, TreeMap, and` / `LinkedHashMap?**`), or a wrapped sentence
//! whose second line opens with a number (`"RAG systems … at USENIX Security` / `2025, showed
//! that …`): a line that goes on inside an emphasis or a quotation the line above opened
//! starts nothing; the sentence starts where it was opened.

use crate::parse::asking::asks_any_way;
use crate::parse::line::{Kind, classify, strip_emphasis};
use crate::parse::{Ln, Role, Start, blocks};

/// For each record that starts on the line right under one at the margin that opens with an
/// emphasis (`**`) or a quotation (`"`, `“`) and does not close it: the record starts on that
/// line instead, when the line opens its paragraph and, read whole, the sentence asks or is
/// numbered; otherwise the line starts nothing and goes on with what is above it.
pub(crate) fn join_wrapped_lines(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let mut drop = vec![false; starts.len()];
    for k in 0..starts.len() {
        let i = starts[k].line;
        if i == 0
            || !matches!(starts[k].role, Role::Record { .. })
            || lines[i].markdown_level().is_some()
            || blocks::bullet_item(lines[i].text.trim_start()).is_some()
        {
            continue;
        }
        let p = i - 1;
        let above = &lines[p];
        if !matches!(above.kind, Kind::Text | Kind::Heading(_))
            || above.markdown_level().is_some()
            || above.indented()
            || !left_open(above.text)
        {
            continue;
        }
        // A start already on the line above (read as a title over this one) gives way.
        let taken = k > 0 && starts[k - 1].line == p;
        let opens = p == 0 || matches!(lines[p - 1].kind, Kind::Blank) || taken;
        let whole = format!("{} {}", above.text.trim(), lines[i].text.trim());
        let whole = strip_emphasis(&whole);
        let whole = whole.trim();
        let (number, question) = match classify(whole) {
            Kind::Heading(h) if h.number.is_some() && !h.title.is_empty() => {
                (h.number.clone(), strip_emphasis(&h.title).trim().to_owned())
            }
            _ => (None, whole.to_owned()),
        };
        if opens && (number.is_some() || asks_any_way(&question)) {
            let at = if taken { k - 1 } else { k };
            starts[at] = Start {
                line: p,
                rank: None,
                role: Role::Record { number, question },
            };
            if taken {
                drop[k] = true;
            }
        } else if !taken {
            drop[k] = true;
        }
    }
    let mut k = 0;
    starts.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
}

/// Does `text` open with an emphasis (`**`) or a quotation (`"`, `“`) it does not close? (A
/// `**` further in, as in `*args, **kwargs`, may be code; a rule, `***`, opens nothing.)
fn left_open(text: &str) -> bool {
    let t = text.trim();
    (t.starts_with("**") && !blocks::is_rule_line(t) && t.matches("**").count() % 2 == 1)
        || (t.starts_with('"') && t.matches('"').count() % 2 == 1)
        || (t.starts_with('“') && t.matches('“').count() > t.matches('”').count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_left_open() {
        assert!(left_open(
            "**3. What are the differences between HashMap, TreeMap, and"
        ));
        assert!(left_open(
            "\"RAG systems trust whatever they retrieve. PoisonedRAG, at"
        ));
        assert!(left_open("“缓存要先删"));
        assert!(!left_open("**1. What is a HashMap?**"));
        assert!(!left_open("用 \"双引号\" 括起来"));
    }
}
