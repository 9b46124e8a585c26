//! Cards written one to a line, question and answer run together: `继承有什么优缺点？优点：…`.
//! Where no other reading found a question in a loose stretch, lines that open with a short
//! question sentence and go straight on with its answer, coming back down the stretch, each
//! start a card; the lines between them (an answer wrapped onto the next lines) belong to the
//! card above.

use super::{add_questions, loose_stretches};
use crate::parse::code::is_cjk;
use crate::parse::line::Kind;
use crate::parse::{Ln, Start, blocks};

/// Lines opening with a question a stretch must hold to be read this way.
const MIN_CARDS: usize = 3;

/// Characters the opening question may hold, Chinese or in Latin letters (whose words are
/// longer): longer, the `？` ends a sentence of an answer.
const MAX_QUESTION: usize = 40;
const MAX_QUESTION_LATIN: usize = 80;

/// Characters the opening question must hold (`Why?` is a remark, not a card).
const MIN_QUESTION: usize = 4;

/// Characters of answer that must follow the question on its line.
const MIN_ANSWER: usize = 2;

/// Read each loose stretch (before the first question, or under a heading before its first
/// question) for lines that open with a question and go on with its answer (see the module).
pub(crate) fn split_inline_questions(lines: &[Ln<'_>], starts: &mut Vec<Start>) {
    let mut found = Vec::new();
    for (from, to, _) in loose_stretches(starts, lines.len()) {
        read_stretch(lines, from, to, &mut found);
    }
    add_questions(lines, starts, found);
}

/// The cards of the loose stretch `from..to`, pushed to `found`, if enough of its lines open
/// with a question answered on the same line.
fn read_stretch(lines: &[Ln<'_>], from: usize, to: usize, found: &mut Vec<usize>) {
    let filled = (from..to)
        .filter(|&i| !matches!(lines[i].kind, Kind::Blank))
        .count();
    let mut cards = Vec::new();
    // The line before, past its own opening question.
    let mut before = "";
    for (i, l) in lines.iter().enumerate().take(to).skip(from) {
        if matches!(l.kind, Kind::Blank) {
            continue;
        }
        before = match opening_question(l) {
            // `区别：与类的关系？…` then `与变量的关系？…`: the line goes on with the questions
            // the answer above was already asking, one item of its comparison, not a new card.
            Some((q, _)) if asks_alike(before, q) => l.text,
            Some((_, rest)) => {
                cards.push(i);
                rest
            }
            None => l.text,
        };
    }
    // The layout is the stretch's own: it comes back, on a good share of its lines.
    if cards.len() >= MIN_CARDS && cards.len() * 4 >= filled {
        found.extend(cards);
    }
}

/// The question a line of running text opens with and the rest of the line, if it opens with
/// one short sentence that ends in a question mark and goes straight on with more text (the
/// answer).
fn opening_question<'a>(l: &Ln<'a>) -> Option<(&'a str, &'a str)> {
    if !matches!(l.kind, Kind::Text)
        || l.code
        || l.structural
        || l.indented()
        || blocks::bullet_item(l.text).is_some()
    {
        return None;
    }
    let text = l.text;
    let mut count = 0;
    let mut cjk = false;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        count += 1;
        cjk |= is_cjk(c);
        let most = if cjk {
            MAX_QUESTION
        } else {
            MAX_QUESTION_LATIN
        };
        if count > most + 1 {
            return None;
        }
        let next = chars.peek().map(|&(_, n)| n);
        let ends = match c {
            '？' => true,
            '?' => next.is_some_and(|n| n.is_whitespace() || is_cjk(n)),
            // A sentence ends before any question: the line opens with a statement;
            // and a clause before it (`也就是说，为什么…？`) goes on with an answer.
            '。' | '；' | '！' | '：' | '，' | ';' | '!' | ',' => return None,
            '.' | ':' if next.is_none_or(char::is_whitespace) => return None,
            _ => false,
        };
        if !ends {
            continue;
        }
        let question = text[..at].trim();
        let answer = text[at + c.len_utf8()..].trim();
        let asked = question.chars().filter(|c| !c.is_whitespace()).count() >= MIN_QUESTION;
        // `？（必问）` is a remark on the question, not its answer.
        let answered = answer.chars().count() >= MIN_ANSWER
            && !answer.starts_with(['（', '(', '【', '[', '?', '？']);
        return (asked && answered).then_some((question, answer));
    }
    None
}

/// Does `text` ask a question worded like `question`: the same last two characters before
/// the question mark (`与类的关系？` and `与变量的关系？`)?
fn asks_alike(text: &str, question: &str) -> bool {
    let tail: Vec<char> = question.chars().rev().take(2).collect();
    tail.len() == 2
        && text.match_indices(['？', '?']).any(|(at, _)| {
            let before: Vec<char> = text[..at].trim_end().chars().rev().take(2).collect();
            before == tail
        })
}
