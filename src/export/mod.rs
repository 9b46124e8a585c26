//! Stage 5 — export: one exporter per format behind one small trait.
//!
//! An exporter turns a deck into bytes, written as they are made; where the bytes go is the
//! caller's business (the CLI stages them in temporary files with
//! [`crate::project::OutputDir::stage`] and renames them into place once all are written).

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

use crate::model::Document;

pub mod apkg;
pub mod csv;
pub mod json;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, clap::ValueEnum)]
pub enum Format {
    /// `zhika.records` JSON, for other programs.
    Json,
    /// CSV for Anki's own text importer (note type `Basic`).
    Csv,
    /// Anki package (`.apkg`) with the `zhika Q&A` note type, its style and media.
    Apkg,
}

impl Format {
    /// Every format zhika writes, in the order they are written.
    pub const ALL: &'static [Format] = &[Format::Json, Format::Csv, Format::Apkg];

    /// The exporter for this format.
    #[must_use]
    pub fn exporter(self) -> &'static dyn Exporter {
        match self {
            Self::Json => &json::Json,
            Self::Csv => &csv::Csv,
            Self::Apkg => &apkg::Apkg,
        }
    }
}

/// Everything an exporter may need about one deck.
#[derive(Debug, Clone, Copy)]
pub struct DeckExport<'a> {
    /// The deck's records and diagnostics.
    pub document: &'a Document,
    /// Modification time (Unix seconds) of each note, by record id, from `zhika.lock`.
    pub mtimes: &'a HashMap<String, i64>,
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
    /// Building the collection database failed.
    #[error("{deck}: cannot build the Anki collection")]
    Apkg {
        /// The deck.
        deck: String,
        /// The cause.
        source: rusqlite::Error,
    },
    /// Writing the package zip failed.
    #[error("{deck}: cannot write the Anki package")]
    Zip {
        /// The deck.
        deck: String,
        /// The cause.
        source: zip::result::ZipError,
    },
    /// A media file could not be read.
    #[error("{deck}: cannot read media file {}", path.display())]
    Media {
        /// The deck.
        deck: String,
        /// The file.
        path: std::path::PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// Writing the output failed.
    #[error("{deck}: cannot write the output")]
    Io {
        /// The deck.
        deck: String,
        /// The cause.
        source: std::io::Error,
    },
    /// Writing CSV failed.
    #[error("{deck}: cannot write CSV")]
    Csv {
        /// The deck.
        deck: String,
        /// The cause.
        source: ::csv::Error,
    },
}

/// A backend that writes one format.
pub trait Exporter: Sync {
    /// The file extension (without dot) the output is saved under.
    fn extension(&self) -> &'static str;

    /// Whether [`Exporter::write_to`] reads [`DeckExport::mtimes`]. Those that do not are
    /// given an empty map, so that they need not wait for the lock update.
    fn needs_mtimes(&self) -> bool {
        false
    }

    /// Write `deck` in this format to `out` as it is made, so that no copy of the whole output
    /// need be held in memory. `out` is written in small pieces: buffer it.
    ///
    /// # Errors
    /// When the deck cannot be written in this format, or writing to `out` fails.
    fn write_to(&self, deck: &DeckExport<'_>, out: &mut dyn Write) -> Result<(), ExportError>;

    /// The bytes of `deck` in this format.
    ///
    /// # Errors
    /// When the deck cannot be written in this format.
    fn export(&self, deck: &DeckExport<'_>) -> Result<Vec<u8>, ExportError> {
        let mut bytes = Vec::new();
        self.write_to(deck, &mut bytes)?;
        Ok(bytes)
    }
}
