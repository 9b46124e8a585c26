//! The record model shared by every stage: what the parser produces, the checker inspects, the
//! renderer turns into card HTML and the exporters write out.
//!
//! These types *are* the public JSON interface (`zhika.records`, version 1): the JSON Schema in
//! `schema/zhika.records.schema.json` is generated from them, so a change here is a change to the
//! published format.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;

/// The value of [`Document::format`].
pub const FORMAT: &str = "zhika.records";
/// The value of [`Document::version`]. Bump it on any incompatible change.
pub const VERSION: u32 = 1;

/// One exported deck: everything zhika learned from one notes file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "zhika.records")]
pub struct Document {
    /// Always `"zhika.records"`.
    #[schemars(extend("const" = "zhika.records"))]
    pub format: String,
    /// Format version, currently 1.
    #[schemars(extend("const" = 1))]
    pub version: u32,
    /// The deck this file became.
    pub deck: Deck,
    /// The records, in source order.
    pub records: Vec<Record>,
    /// Every finding about this file, in source order.
    pub diagnostics: Vec<Diagnostic>,
}

/// A deck: one notes file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Deck {
    /// Deck name, the file stem (`go-interview`).
    pub name: String,
    /// The notes file, as given on the command line or found under the source folder.
    pub path: String,
    /// The text encoding the file was decoded from (`UTF-8`, `GB18030`, `UTF-16LE`, …).
    pub encoding: String,
    /// Headings that group questions (they become subdecks `Deck::Section` and tags).
    pub sections: Vec<Section>,
}

/// A heading that groups records rather than asking something itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// The heading text without its number or `#` marks.
    pub title: String,
    /// 1-based line of the heading.
    pub line: u32,
}

/// One thing a learner is quizzed on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Record {
    /// Stable identifier; also the Anki note GUID. Derived from the deck and the normalized
    /// question, so it survives answer edits (and, through `zhika.lock`, small question edits).
    pub id: String,
    /// Deck name (the file stem).
    pub deck: String,
    /// The section heading this record sits under, if any.
    pub section: Option<String>,
    /// The number as written (`"3"`, `"一"`, `"(2)"`), or null for an unnumbered question.
    pub number: Option<String>,
    /// The question as plain text, without its number.
    pub question: String,
    /// Question-side material, shown on the front of a card (typically the code asked about).
    pub context: Vec<Block>,
    /// The answer.
    pub answer: Vec<Block>,
    /// Tags: the deck name and the section, slugged for Anki.
    pub tags: Vec<String>,
    /// Where the record sits in its source file.
    pub source: SourceSpan,
    /// Card front as HTML (question + context); every piece of note text escaped.
    pub front_html: String,
    /// Card back as HTML (the answer); every piece of note text escaped.
    pub back_html: String,
}

/// A line range of a notes file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceSpan {
    /// The notes file.
    pub path: String,
    /// First line, 1-based.
    pub start_line: u32,
    /// Last line, 1-based, inclusive.
    pub end_line: u32,
    /// The line the question is written on, when it lies outside `start_line..=end_line`:
    /// exercises whose answers are listed apart from their questions (`问题：` `1.` `2.` …
    /// `解答：` `1.` `2.` …), where the record spans the answer. Absent otherwise: the question
    /// is then on `start_line`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question_line: Option<u32>,
}

impl SourceSpan {
    /// The line the question is written on.
    #[must_use]
    pub fn question_at(&self) -> u32 {
        self.question_line.unwrap_or(self.start_line)
    }
}

/// What a block of note text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// Running text; lines kept, joined with `\n`.
    Paragraph,
    /// A sub-point title inside a record (`1. 连接` under `一、TCP和UDP的区别`).
    Heading,
    /// Source code, fenced or not; `lang` when known.
    Code,
    /// A bulleted or numbered list; `items` holds the entries.
    List,
    /// A `>` quotation.
    Quote,
    /// A table; `items` holds the rows as written.
    Table,
    /// An image; `url` is its address or path.
    Image,
    /// A bare link; `url` is the address.
    Link,
    /// A remark (`注：`, `说明：`, `备注：`); stays with the answer.
    Note,
}

/// A piece of a record's context or answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Block {
    /// What this block is.
    pub kind: BlockKind,
    /// The block's text as written (for `code`, the exact lines; for `note`, without its label).
    pub text: String,
    /// Language of a `code` block (`go`), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// Address of a `link` or `image` block.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Entries of a `list`, rows of a `table`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<String>>,
    /// The label of a `note` block (`注`, `说明`), or of the answer marker that opened it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// First source line of the block, 1-based.
    pub start_line: u32,
    /// Last source line of the block, 1-based, inclusive.
    pub end_line: u32,
}

impl Block {
    /// A block of `kind` holding `text`, spanning `start_line..=end_line`.
    #[must_use]
    pub fn new(kind: BlockKind, text: impl Into<String>, start_line: u32, end_line: u32) -> Self {
        Self {
            kind,
            text: text.into(),
            lang: None,
            url: None,
            items: None,
            label: None,
            start_line,
            end_line,
        }
    }
}

impl Record {
    /// Every block of the record, context first.
    pub fn blocks(&self) -> impl Iterator<Item = &Block> {
        self.context.iter().chain(self.answer.iter())
    }

    /// True when the record has nothing to learn on its back.
    #[must_use]
    pub fn is_unanswered(&self) -> bool {
        self.answer.iter().all(|b| b.text.trim().is_empty())
    }
}
