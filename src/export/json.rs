//! The `zhika.records` JSON exporter: the public interface for other programs. The document's
//! shape is published as a JSON Schema ([`schema`]), generated from the model types.

use std::io::{BufWriter, Write};

use super::{DeckExport, ExportError, Exporter};
use crate::model::Document;

/// Writes `DIR/<stem>.json`.
#[derive(Debug, Clone, Copy)]
pub struct Json;

impl Exporter for Json {
    fn extension(&self) -> &'static str {
        "json"
    }

    fn write_to(&self, deck: &DeckExport<'_>, out: &mut dyn Write) -> Result<(), ExportError> {
        let deck_name = || deck.document.deck.name.clone();
        // serde_json writes token by token: gather them before they cross the `dyn` boundary.
        let mut out = BufWriter::with_capacity(1 << 16, out);
        serde_json::to_writer_pretty(&mut out, deck.document).map_err(|source| {
            ExportError::Json {
                deck: deck_name(),
                source,
            }
        })?;
        out.write_all(b"\n")
            .and_then(|()| out.flush())
            .map_err(|source| ExportError::Io {
                deck: deck_name(),
                source,
            })
    }
}

/// The JSON Schema of a `zhika.records` document, as pretty-printed JSON with a trailing newline.
#[must_use]
pub fn schema() -> String {
    let schema = schemars::schema_for!(Document);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
