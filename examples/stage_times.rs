//! Time each stage once on a notes file, with the memory in use after it:
//! `cargo run --release --example stage_times -- FILE`.
//! A quick look for profiling; `just bench` has the real, repeated measurements.
#![allow(clippy::cast_precision_loss)]

use std::time::{Duration, Instant};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Resident and peak resident memory of this process in MiB, from `/proc` (Linux only).
fn memory() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().trim_end_matches(" kB").parse::<u64>().ok())
            .map_or_else(|| "?".to_owned(), |kb| (kb / 1024).to_string())
    };
    format!("rss {} MiB, peak {} MiB", field("VmRSS:"), field("VmHWM:"))
}

fn report(stage: &str, took: Duration) {
    eprintln!("{stage:<8} {took:>12.3?}  {}", memory());
}

fn main() {
    let path = std::env::args().nth(1).expect("usage: stage_times FILE");
    let bytes = std::fs::read(&path).expect("readable file");
    eprintln!("{:.1} MB of notes", bytes.len() as f64 / 1e6);
    let t = Instant::now();
    let source = zhika::read::SourceText::decode(path, &bytes).expect("text");
    drop(bytes);
    report("read", t.elapsed());
    let t = Instant::now();
    let parsed = zhika::parse::parse(&source);
    report("parse", t.elapsed());
    let t = Instant::now();
    let diagnostics = zhika::check::check(
        std::slice::from_ref(&parsed),
        &zhika::config::Config::default(),
    );
    report("check", t.elapsed());
    let t = Instant::now();
    let records = parsed.records.len();
    let document =
        zhika::pipeline::document(parsed, diagnostics.into_iter().next().unwrap_or_default());
    report("render", t.elapsed());
    let mtimes = std::collections::HashMap::new();
    let deck = zhika::export::DeckExport {
        document: &document,
        mtimes: &mtimes,
        include_unanswered: false,
        source_dir: std::path::Path::new("."),
    };
    for format in zhika::export::Format::ALL {
        let exporter = format.exporter();
        let t = Instant::now();
        exporter
            .write_to(&deck, &mut std::io::sink())
            .expect("export");
        report(exporter.extension(), t.elapsed());
    }
    eprintln!("{records} records");
}
