//! The stages wired together for one deck, without any I/O: decoded text in, a finished
//! [`Document`] out.

use crate::diagnostic::Diagnostic;
use crate::model::{Document, FORMAT, VERSION};
use crate::parse::Parsed;
use crate::render;

/// Render `parsed`'s records and assemble the exported document with its `diagnostics`.
#[must_use]
pub fn document(parsed: Parsed, diagnostics: Vec<Diagnostic>) -> Document {
    let Parsed {
        deck,
        mut records,
        text,
        ..
    } = parsed;
    // The checks were the text's last reader (the records hold copies of what they show):
    // freed before the card HTML is made, as large again as the notes.
    drop(text);
    render::render_all(&mut records);
    Document {
        format: FORMAT.to_owned(),
        version: VERSION,
        deck,
        records,
        diagnostics,
    }
}
