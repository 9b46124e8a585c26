//! Write synthetic notes in the reference notes' style to stdout:
//! `cargo run --release --example gen_notes -- 100000 > big.txt`.

#[path = "../benches/support/synth.rs"]
mod synth;

use std::io::Write as _;

fn main() {
    let records: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(1000);
    let text = synth::notes(records);
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}
