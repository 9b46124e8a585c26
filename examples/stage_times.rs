//! Time each stage once on a notes file: `cargo run --release --example stage_times -- FILE`.
//! A quick look for profiling; `just bench` has the real, repeated measurements.
#![allow(clippy::cast_precision_loss)]

use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("usage: stage_times FILE");
    let bytes = std::fs::read(&path).expect("readable file");
    let mb = bytes.len() as f64 / 1e6;
    let t = Instant::now();
    let source = zhika::read::SourceText::decode(path, &bytes).expect("text");
    let read = t.elapsed();
    let t = Instant::now();
    let parsed = zhika::parse::parse(&source);
    let parse = t.elapsed();
    let t = Instant::now();
    let diagnostics = zhika::check::check(
        std::slice::from_ref(&parsed),
        &zhika::config::Config::default(),
    );
    let check = t.elapsed();
    let t = Instant::now();
    let records = parsed.records.len();
    let document =
        zhika::pipeline::document(parsed, diagnostics.into_iter().next().unwrap_or_default());
    let render = t.elapsed();
    let t = Instant::now();
    let json = serde_json::to_vec_pretty(&document).expect("json");
    let json_time = t.elapsed();
    let _ = std::io::Write::write_all(
        &mut std::io::stderr(),
        format!(
            "{mb:.1} MB, {records} records\nread {read:?}\nparse {parse:?}\ncheck {check:?}\nrender {render:?}\njson {json_time:?} ({} MB)\n",
            json.len() / 1_000_000
        )
        .as_bytes(),
    );
}
