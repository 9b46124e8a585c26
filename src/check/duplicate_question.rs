//! Z005 duplicate-question: the same question asked twice, in one deck or across decks.

use std::collections::HashMap;

use rayon::prelude::*;

use super::{DiagnosticExt, Notes, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::parse::normalize_question;

/// The rule.
pub static RULE: Rule = Rule {
    code: "Z005",
    name: "duplicate-question",
    severity: Severity::Warning,
    summary: "The same question asked twice",
    explanation: "\
## What it does
Flags a question that was already asked earlier, in the same notes file or in another one
checked with it. Questions are compared after normalization: full-width and half-width forms,
case, spaces and punctuation do not count.

## Why it matters
Two cards for one question split its review history, and the two answers drift apart. Anki
shows you the question twice as often as it should.

## Example
```
1. make与new的区别
…
12. Make 与 new 的区别？
```

## Fix
Merge the two answers into one record and delete the other question, or make the questions
say what differs between them.
",
};

/// Flag every question whose normalized text was seen before, naming the first place.
pub(crate) fn check(notes: &[Notes<'_>], out: &mut [Vec<Diagnostic>]) {
    let mut first: HashMap<String, (&str, u32)> = HashMap::new();
    for (deck, found) in notes.iter().zip(out.iter_mut()) {
        // Normalizing (NFKC, case folding) is the costly part, and each question's own: on
        // every core. Comparing them is done in order.
        let keys: Vec<String> = deck
            .records()
            .par_iter()
            .with_min_len(256)
            .map(|r| normalize_question(&r.question))
            .collect();
        for (record, key) in deck.records().iter().zip(keys) {
            if key.is_empty() {
                continue;
            }
            let here = (deck.path(), record.source.question_at());
            match first.get(&key) {
                Some(&(path, line)) => {
                    found.push(
                        RULE.at(
                            deck.path(),
                            deck.question_span(record),
                            format!("the same question is already asked at {path}:{line}"),
                        )
                        .help("merge the two answers into one record and delete the other question")
                        .record(&record.id),
                    );
                }
                None => {
                    first.insert(key, here);
                }
            }
        }
    }
}
