//! Stage 1 — read: bytes → text.
//!
//! Detects the encoding (BOM, then strict UTF-8, then chardetng's guess among legacy encodings
//! such as GB18030), decodes with `encoding_rs`, and splits the text into lines with their 1-based
//! numbers, accepting LF, CRLF and lone CR endings. Positions reported anywhere later are the
//! line numbers of the original file.

use std::sync::Arc;

use encoding_rs::{Encoding, UTF_8};

/// Why a file could not be read as notes.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The file holds binary data, not text.
    #[error("{path}: not a text file ({reason})")]
    Binary {
        /// The file.
        path: String,
        /// What gave it away.
        reason: String,
    },
}

/// A place where decoding had to replace bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeProblem {
    /// 1-based line of the first replaced byte.
    pub line: u32,
    /// Byte offset of the first bad byte in the original file.
    pub byte_offset: usize,
    /// The first bad byte is a NUL: valid in the encoding, but never text.
    pub nul: bool,
}

/// A decoded notes file.
#[derive(Debug, Clone)]
pub struct SourceText {
    /// The file's path as given.
    pub path: String,
    /// The decoded text, BOM removed, line endings as in the file; shared with what is parsed
    /// from it.
    pub text: Arc<str>,
    /// The encoding it was decoded from.
    pub encoding: &'static Encoding,
    /// Present when the bytes were not valid in that encoding and were replaced.
    pub problem: Option<DecodeProblem>,
}

/// One line of a [`SourceText`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line<'a> {
    /// 1-based line number.
    pub number: u32,
    /// The text without its line ending.
    pub text: &'a str,
    /// Byte offset of the line start within [`SourceText::text`].
    pub offset: usize,
}

impl SourceText {
    /// Decode `bytes` read from `path`.
    ///
    /// # Errors
    /// [`ReadError::Binary`] when the bytes are not text in any encoding zhika reads.
    pub fn decode(path: impl Into<String>, bytes: &[u8]) -> Result<Self, ReadError> {
        let path = path.into();
        let (encoding, bom_len, utf8) = if let Some((enc, len)) = Encoding::for_bom(bytes) {
            (enc, len, None)
        } else {
            if let Some(reason) = binary_reason(bytes) {
                return Err(ReadError::Binary { path, reason });
            }
            // Strict UTF-8 first (the common case, and chardetng can mistake short UTF-8 for
            // a legacy encoding): once checked, it is the text, not decoded again.
            match std::str::from_utf8(bytes) {
                Ok(text) => (UTF_8, 0, Some(text)),
                Err(_) => (guess_encoding(bytes), 0, None),
            }
        };
        let body = &bytes[bom_len..];
        // Valid UTF-8 comes back borrowed: it is copied once, into the shared text.
        let (text, had_errors) = match utf8 {
            Some(text) => (std::borrow::Cow::Borrowed(text), false),
            None => encoding.decode_without_bom_handling(body),
        };
        let mut problem = had_errors.then(|| locate_problem(encoding, body, bom_len, &text));
        if encoding != UTF_8 && had_errors && replacement_ratio(&text) > 0.05 {
            return Err(ReadError::Binary {
                path,
                reason: format!("more than 5% of it is not valid {}", encoding.name()),
            });
        }
        // A stray NUL (a damaged save) is reported and replaced like an undecodable byte.
        if let Some(nul) = locate_nul(encoding, body, bom_len, &text) {
            if problem
                .as_ref()
                .is_none_or(|p| nul.byte_offset < p.byte_offset)
            {
                problem = Some(nul);
            }
            return Ok(Self {
                path,
                text: text.replace('\0', "\u{FFFD}").into(),
                encoding,
                problem,
            });
        }
        Ok(Self {
            path,
            text: Arc::from(text.as_ref()),
            encoding,
            problem,
        })
    }

    /// The encoding's name as people know it (`UTF-8`, `GB18030`, `UTF-16LE`).
    #[must_use]
    pub fn encoding_name(&self) -> String {
        self.encoding.name().to_ascii_uppercase()
    }

    /// The lines of the text, numbered from 1.
    pub fn lines(&self) -> impl Iterator<Item = Line<'_>> {
        split_lines(&self.text)
    }
}

/// Split `text` into lines, treating `\n`, `\r\n` and a lone `\r` as line ends.
pub fn split_lines(text: &str) -> impl Iterator<Item = Line<'_>> {
    let bytes = text.as_bytes();
    let mut start = 0usize;
    let mut number = 0u32;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let rest = &bytes[start..];
        let (len, ending) = match memchr_eol(rest) {
            Some(i) if rest[i] == b'\r' && rest.get(i + 1) == Some(&b'\n') => (i, 2),
            Some(i) => (i, 1),
            None => (rest.len(), 0),
        };
        number += 1;
        let line = Line {
            number,
            text: &text[start..start + len],
            offset: start,
        };
        start += len + ending;
        Some(line)
    })
}

fn memchr_eol(bytes: &[u8]) -> Option<usize> {
    memchr::memchr2(b'\n', b'\r', bytes)
}

/// NUL bytes (outside a UTF-16 BOM file) or many control characters mean "not text". One NUL
/// per hundred bytes or fewer is a damaged text file, read with a diagnostic.
fn binary_reason(bytes: &[u8]) -> Option<String> {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    // Once per file over at most 64 KiB: not worth a byte-counting crate.
    #[allow(clippy::naive_bytecount)]
    let nuls = sample.iter().filter(|&&b| b == 0).count();
    if nuls * 100 > sample.len() {
        let pos = sample.iter().position(|&b| b == 0).unwrap_or(0);
        return Some(format!("NUL byte at offset {pos}"));
    }
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b))
        .count();
    if !sample.is_empty() && controls * 100 > sample.len() {
        return Some(format!(
            "{controls} control bytes in the first {} bytes",
            sample.len()
        ));
    }
    None
}

/// The encoding of bytes that are not strict UTF-8: chardetng's guess with a Chinese
/// top-level-domain hint.
fn guess_encoding(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(Some(b"cn"), chardetng::Utf8Detection::Allow);
    // GBK is a subset of GB18030; decode with the superset.
    let guess = if guess == encoding_rs::GBK {
        encoding_rs::GB18030
    } else {
        guess
    };
    // Damaged UTF-8 (a few bad bytes) is still UTF-8: keep whichever decoding loses less.
    let utf8_losses = bad_chars(&String::from_utf8_lossy(bytes));
    let guess_losses = bad_chars(&guess.decode_without_bom_handling(bytes).0);
    if guess == UTF_8 || utf8_losses <= guess_losses {
        UTF_8
    } else {
        guess
    }
}

fn bad_chars(text: &str) -> usize {
    text.chars().filter(|&c| c == '\u{FFFD}').count()
}

fn replacement_ratio(text: &str) -> f64 {
    let total = text.chars().count().max(1);
    let bad = bad_chars(text);
    #[allow(clippy::cast_precision_loss)]
    let ratio = bad as f64 / total as f64;
    ratio
}

fn locate_problem(
    encoding: &'static Encoding,
    body: &[u8],
    bom_len: usize,
    text: &str,
) -> DecodeProblem {
    let byte_offset = if encoding == UTF_8 {
        match std::str::from_utf8(body) {
            Ok(_) => 0,
            Err(e) => e.valid_up_to(),
        }
    } else {
        let mut decoder = encoding.new_decoder_without_bom_handling();
        let mut out = String::with_capacity(body.len() * 2);
        let (result, read) = decoder.decode_to_string_without_replacement(body, &mut out, true);
        match result {
            encoding_rs::DecoderResult::Malformed(bad, _) => read - usize::from(bad),
            _ => 0,
        }
    };
    DecodeProblem {
        line: line_at(text, text.find('\u{FFFD}').unwrap_or(0)),
        byte_offset: bom_len + byte_offset,
        nul: false,
    }
}

/// The first NUL character of `text`, decoded from `body`, if any.
fn locate_nul(
    encoding: &'static Encoding,
    body: &[u8],
    bom_len: usize,
    text: &str,
) -> Option<DecodeProblem> {
    let char_pos = text.find('\0')?;
    let byte_offset = if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
        body.chunks_exact(2)
            .position(|u| u == [0, 0])
            .map(|i| i * 2)
    } else {
        body.iter().position(|&b| b == 0)
    };
    Some(DecodeProblem {
        line: line_at(text, char_pos),
        byte_offset: bom_len + byte_offset.unwrap_or(0),
        nul: true,
    })
}

/// The 1-based number of the line holding byte `pos` of `text`.
fn line_at(text: &str, pos: usize) -> u32 {
    split_lines(text)
        .take_while(|l| l.offset <= pos)
        .last()
        .map_or(1, |l| l.number)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_all_line_endings() {
        let lines: Vec<_> = split_lines("a\r\nb\rc\nd")
            .map(|l| (l.number, l.text))
            .collect();
        assert_eq!(lines, vec![(1, "a"), (2, "b"), (3, "c"), (4, "d")]);
    }

    #[test]
    fn keeps_blank_lines_and_offsets() {
        let lines: Vec<_> = split_lines("a\n\n\nb\n").collect();
        assert_eq!(lines.len(), 4);
        assert_eq!(lines[3].text, "b");
        assert_eq!(lines[3].offset, 4);
    }

    #[test]
    fn strips_utf8_bom() {
        let src = SourceText::decode("x", "\u{feff}一、问题\n".as_bytes()).unwrap();
        assert_eq!(&*src.text, "一、问题\n");
        assert_eq!(src.encoding_name(), "UTF-8");
    }

    #[test]
    fn decodes_gb18030() {
        let (bytes, _, _) = encoding_rs::GB18030
            .encode("1. 什么是协程？\n协程是用户态的轻量级线程，由运行时调度。\n2. 通道是什么？\n");
        let src = SourceText::decode("x", &bytes).unwrap();
        assert_eq!(src.encoding_name(), "GB18030");
        assert!(src.text.starts_with("1. 什么是协程？"));
    }

    #[test]
    fn decodes_utf16_with_bom() {
        let mut bytes = vec![0xff, 0xfe];
        for unit in "1. 问题\n答案\n".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let src = SourceText::decode("x", &bytes).unwrap();
        assert_eq!(src.encoding_name(), "UTF-16LE");
        assert_eq!(&*src.text, "1. 问题\n答案\n");
    }

    #[test]
    fn refuses_binary() {
        let err = SourceText::decode("pic.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap_err();
        assert!(err.to_string().starts_with("pic.png: not a text file"));
    }

    #[test]
    fn reads_a_stray_nul_with_its_position() {
        let mut bytes = "1. 问题？\n".repeat(20).into_bytes();
        let at = bytes.len();
        bytes.extend_from_slice(b"bad \0 here\n");
        let src = SourceText::decode("x", &bytes).unwrap();
        assert!(!src.text.contains('\0'));
        assert!(src.text.contains("bad \u{FFFD} here"));
        let problem = src.problem.unwrap();
        assert_eq!(
            (problem.line, problem.byte_offset, problem.nul),
            (21, at + 4, true)
        );
        assert!(
            SourceText::decode("x", b"1. q\0\n").is_err(),
            "mostly NUL is binary"
        );
    }

    #[test]
    fn offsets_count_the_bom() {
        let src = SourceText::decode("x", b"\xef\xbb\xbf1. ok\nbad \xff\n").unwrap();
        assert_eq!(src.problem.unwrap().byte_offset, 13);
    }

    #[test]
    fn reports_invalid_utf8_position() {
        let src = SourceText::decode("x", b"1. ok\nbad \xff here\n").unwrap();
        assert_eq!(src.encoding_name(), "UTF-8");
        let problem = src.problem.unwrap();
        assert_eq!(problem.line, 2);
        assert_eq!(problem.byte_offset, 10);
    }
}
