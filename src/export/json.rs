//! The `zhika.records` JSON exporter: the public interface for other programs. The document's
//! shape is published as a JSON Schema ([`schema`]), generated from the model types.

use super::{DeckExport, ExportError, Exporter};
use crate::model::Document;

/// Writes `DIR/<stem>.json`.
#[derive(Debug, Clone, Copy)]
pub struct Json;

impl Exporter for Json {
    fn extension(&self) -> &'static str {
        "json"
    }

    fn export(&self, deck: &DeckExport<'_>) -> Result<Vec<u8>, ExportError> {
        let mut bytes =
            serde_json::to_vec_pretty(deck.document).map_err(|source| ExportError::Json {
                deck: deck.document.deck.name.clone(),
                source,
            })?;
        bytes.push(b'\n');
        Ok(bytes)
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
