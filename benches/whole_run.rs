//! The whole `zhika export` (read, parse, check, render, lock, JSON + CSV + .apkg, files
//! flushed to disk) as a user runs it: the release binary on synthetic notes of 1k, 10k and
//! 100k records, reported in records/s and bytes of notes per second. Each run is a first
//! export (no `zhika.lock` yet), like Python genanki in `scripts/bench-vs-genanki`.
//!
//! `just bench`, or `cargo bench --bench whole_run`. Sizes: `ZHIKA_BENCH_RECORDS=1000,10000`
//! (default `1000,10000,100000`).

#[path = "support/sizes.rs"]
mod sizes;
#[path = "support/synth.rs"]
mod synth;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use criterion::{BatchSize, BenchmarkId, Criterion, SamplingMode, Throughput};

fn export(dir: &Path) {
    let out = Command::new(env!("CARGO_BIN_EXE_zhika"))
        .args(["export", "notes", "--out", "out"])
        .current_dir(dir)
        .env("SOURCE_DATE_EPOCH", "1750000000")
        .output()
        .expect("zhika runs");
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "zhika export failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn whole_run(c: &mut Criterion) {
    let mut group = c.benchmark_group("zhika_export");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1));
    for records in sizes::sizes() {
        let dir = tempfile::tempdir().expect("temp dir");
        let notes = synth::notes(records);
        std::fs::create_dir(dir.path().join("notes")).expect("notes folder");
        std::fs::write(dir.path().join("notes/bench.txt"), &notes).expect("notes written");
        group
            .measurement_time(Duration::from_secs(if records >= 100_000 {
                60
            } else {
                10
            }))
            .throughput(Throughput::ElementsAndBytes {
                elements: records as u64,
                bytes: notes.len() as u64,
            });
        let lock = dir.path().join("notes/zhika.lock");
        group.bench_function(BenchmarkId::from_parameter(records), |b| {
            b.iter_batched(
                || {
                    let _ = std::fs::remove_file(&lock);
                },
                |()| export(dir.path()),
                BatchSize::PerIteration,
            );
        });
    }
    group.finish();
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    whole_run(&mut c);
    c.final_summary();
}
