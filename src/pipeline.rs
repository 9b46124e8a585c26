//! The stages wired together for one deck, without any I/O: decoded text in, a finished
//! [`Document`] out.

use crate::diagnostic::Diagnostic;
use crate::model::{Document, FORMAT, VERSION};
use crate::parse::Parsed;
use crate::render;

/// Render `parsed`'s records and assemble the exported document with its `diagnostics`.
#[must_use]
pub fn document(parsed: Parsed, diagnostics: Vec<Diagnostic>) -> Document {
    let mut records = parsed.records;
    render::render_all(&mut records);
    Document {
        format: FORMAT.to_owned(),
        version: VERSION,
        deck: parsed.deck,
        records,
        diagnostics,
    }
}
