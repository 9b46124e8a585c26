//! Stable record ids: each question reduced to the key that identifies it, hashed with its deck.

use std::collections::HashMap;

use rayon::prelude::*;
use sha2::{Digest, Sha256};
use unicode_normalization::UnicodeNormalization;

use super::RECORDS_PER_TASK;
use crate::model::Record;

/// The question reduced to what identifies it: NFKC, lower case, letters and digits only.
///
/// Most questions are ASCII, CJK ideographs and CJK punctuation, which NFKC leaves alone or
/// maps to punctuation that is dropped anyway; those take a fast path that gives the same key
/// without normalizing (a fifth of parsing time went to NFKC). Anything else goes the full way.
#[must_use]
pub fn normalize_question(question: &str) -> String {
    let mut key = String::with_capacity(question.len());
    for c in question.chars() {
        match fast_key_char(c) {
            FastKey::Keep(k) => key.push(k),
            FastKey::Drop => {}
            FastKey::Slow => return normalize_question_nfkc(question),
        }
    }
    key
}

/// What the full normalization does with a character, where that is known without it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FastKey {
    Keep(char),
    Drop,
    Slow,
}

/// Characters NFKC leaves alone and that compose with nothing (ASCII, CJK Unified Ideographs)
/// and CJK punctuation NFKC maps to punctuation or spaces. `tests` checks every one of them
/// against [`normalize_question_nfkc`].
fn fast_key_char(c: char) -> FastKey {
    match c {
        'A'..='Z' => FastKey::Keep(c.to_ascii_lowercase()),
        'a'..='z' | '0'..='9' | '\u{4E00}'..='\u{9FFF}' => FastKey::Keep(c),
        '\0'..='\u{7F}'
        | '\u{3000}'..='\u{3004}'
        | '\u{3008}'..='\u{3011}'
        | '\u{3014}'..='\u{301F}'
        | '\u{FF01}'..='\u{FF0F}'
        | '\u{FF1A}'..='\u{FF20}'
        | '\u{FF3B}'..='\u{FF40}'
        | '\u{FF5B}'..='\u{FF65}'
        | '\u{2018}'..='\u{201F}'
        | '\u{2026}' => FastKey::Drop,
        _ => FastKey::Slow,
    }
}

fn normalize_question_nfkc(question: &str) -> String {
    question
        .nfkc()
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// Stable ids: a hash of the deck and the normalized question (`#n` appended for its n-th
/// repeat within the deck, the number for a question with no text).
pub(super) fn assign_ids(deck: &str, records: &mut [Record]) {
    // Normalizing and hashing look at one record each (on every core); counting repeats
    // goes in order.
    let mut keys: Vec<String> = records
        .par_iter()
        .with_min_len(RECORDS_PER_TASK)
        .map(|record| {
            let key = normalize_question(&record.question);
            if key.is_empty() {
                format!("#{}", record.number.as_deref().unwrap_or(""))
            } else {
                key
            }
        })
        .collect();
    let mut seen: HashMap<&str, u32> = HashMap::with_capacity(keys.len());
    let repeats: Vec<u32> = keys
        .iter()
        .map(|key| {
            let n = seen.entry(key.as_str()).or_insert(0);
            *n += 1;
            *n
        })
        .collect();
    drop(seen);
    for (key, n) in keys.iter_mut().zip(repeats) {
        if n > 1 {
            *key = format!("{key}#{n}");
        }
    }
    records
        .par_iter_mut()
        .with_min_len(RECORDS_PER_TASK)
        .zip(keys)
        .for_each(|(record, key)| record.id = record_id(deck, &key));
}

/// The id of the question with normalized key `key` in `deck`: 16 hex digits of SHA-256.
#[must_use]
pub fn record_id(deck: &str, key: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let digest = Sha256::new()
        .chain_update(deck.as_bytes())
        .chain_update([0x1f])
        .chain_update(key.as_bytes())
        .finalize();
    let mut id = String::with_capacity(16);
    for b in &digest[..8] {
        id.push(char::from(HEX[usize::from(b >> 4)]));
        id.push(char::from(HEX[usize::from(b & 0xf)]));
    }
    id
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::{FastKey, fast_key_char, normalize_question, normalize_question_nfkc};

    /// Every character the fast path knows is keyed as the full normalization keys it.
    #[test]
    fn fast_key_agrees_with_nfkc_on_every_character_it_takes() {
        let mut taken = 0;
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            let expected = normalize_question_nfkc(&c.to_string());
            match fast_key_char(c) {
                FastKey::Keep(k) => assert_eq!(expected, k.to_string(), "{c:?}"),
                FastKey::Drop => assert_eq!(expected, "", "{c:?}"),
                FastKey::Slow => continue,
            }
            taken += 1;
        }
        assert!(taken > 20_000, "the fast path takes {taken} characters");
    }

    #[test]
    fn keys_of_typical_questions() {
        assert_eq!(
            normalize_question("1. Go的GMP模型是什么？"),
            "1go的gmp模型是什么"
        );
        // Full-width letters go the slow way and meet their ASCII forms.
        assert_eq!(normalize_question("ＧＯ　的ｍａｐ"), "go的map");
        assert_eq!(normalize_question("Café ①"), "café1");
    }

    proptest! {
        /// Strings mixing fast characters with anything else key as NFKC keys them.
        #[test]
        fn fast_and_full_keys_agree(s in "[a-zA-Z0-9 \\.,?!:()\\u{4E00}-\\u{4E2F}\\u{3000}-\\u{3011}\\u{FF01}-\\u{FF20}\\u{FF21}-\\u{FF3A}\\u{2018}-\\u{2026}\\u{0300}-\\u{0302}\\u{2460}-\\u{2465}]{0,24}") {
            prop_assert_eq!(normalize_question(&s), normalize_question_nfkc(&s));
        }
    }
}
