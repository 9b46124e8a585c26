//! zhika (知卡): raw Chinese study notes → checked question/answer records → Anki decks, CSV
//! and JSON.
//!
//! The pipeline is one module per stage: [`read`] (bytes → text) → [`parse`] (text → records)
//! → [`check`] (records → diagnostics) → [`render`] (records → card HTML) → [`export`] (one
//! exporter per format). [`pipeline`] wires them for one deck; [`project`] finds notes files and
//! writes outputs atomically. The library never prints; diagnostics are data.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod check;
pub mod config;
pub mod diagnostic;
pub mod export;
pub mod highlight;
pub mod lock;
pub mod model;
pub mod parse;
pub mod pipeline;
pub mod project;
pub mod read;
pub mod render;
pub mod report;
