//! Stage 5 — export: one exporter per format behind one small trait.
//!
//! An exporter turns a deck into bytes; where the bytes go is the caller's business (the CLI
//! writes them atomically with [`crate::project::write_atomic`]).

use std::collections::BTreeMap;
use std::path::Path;

use crate::model::Document;

pub mod json;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, clap::ValueEnum)]
pub enum Format {
    /// `zhika.records` JSON, for other programs.
    Json,
}

impl Format {
    /// Every format zhika writes, in the order they are written.
    pub const ALL: &'static [Format] = &[Format::Json];

    /// The exporter for this format.
    #[must_use]
    pub fn exporter(self) -> &'static dyn Exporter {
        match self {
            Self::Json => &json::Json,
        }
    }
}

/// Everything an exporter may need about one deck.
#[derive(Debug, Clone, Copy)]
pub struct DeckExport<'a> {
    /// The deck's records and diagnostics.
    pub document: &'a Document,
    /// Modification time (Unix seconds) of each note, by record id, from `zhika.lock`.
    pub mtimes: &'a BTreeMap<String, i64>,
    /// Export records that have no answer too (Anki and CSV leave them out by default).
    pub include_unanswered: bool,
    /// The folder the notes file is in: local images are resolved against it.
    pub source_dir: &'a Path,
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// JSON serialization failed.
    #[error("{deck}: cannot serialize: {source}")]
    Json {
        /// The deck.
        deck: String,
        /// The cause.
        source: serde_json::Error,
    },
}

/// A backend that writes one format.
pub trait Exporter: Sync {
    /// The file extension (without dot) the output is saved under.
    fn extension(&self) -> &'static str;

    /// The bytes of `deck` in this format.
    ///
    /// # Errors
    /// When the deck cannot be written in this format.
    fn export(&self, deck: &DeckExport<'_>) -> Result<Vec<u8>, ExportError>;
}
