//! Each pipeline stage on synthetic notes of 1k, 10k and 100k records: read (decode), parse,
//! check, render, and each exporter (json, csv, apkg). Throughput is reported in records/s
//! and in bytes of *notes* per second, so stages compare on the same scale.
//!
//! `just bench`, or `cargo bench --bench stages`. Sizes: `ZHIKA_BENCH_RECORDS=1000,10000`
//! (default `1000,10000,100000`).

#[path = "support/sizes.rs"]
mod sizes;
#[path = "support/synth.rs"]
mod synth;

use std::collections::HashMap;
use std::path::Path;
use std::time::Duration;

use criterion::measurement::WallTime;
use criterion::{BatchSize, BenchmarkGroup, BenchmarkId, Criterion, SamplingMode, Throughput};
use zhika::config::Config;
use zhika::export::{DeckExport, Format};
use zhika::model::Document;
use zhika::parse::Parsed;
use zhika::read::SourceText;

/// One size's input at every stage, prepared once.
struct Input {
    records: usize,
    bytes: Vec<u8>,
    source: SourceText,
    parsed: Parsed,
    document: Document,
    mtimes: HashMap<String, i64>,
}

impl Input {
    fn new(records: usize) -> Self {
        let bytes = synth::notes(records).into_bytes();
        let source = SourceText::decode("bench.txt", &bytes).expect("synthetic notes are text");
        let parsed = zhika::parse::parse(&source);
        assert_eq!(
            parsed.records.len(),
            records,
            "one record per synthetic question"
        );
        let diagnostics = zhika::check::check(std::slice::from_ref(&parsed), &Config::default());
        let document = zhika::pipeline::document(
            parsed.clone(),
            diagnostics.into_iter().next().unwrap_or_default(),
        );
        let mtimes = document
            .records
            .iter()
            .map(|r| (r.id.clone(), 1_750_000_000))
            .collect();
        Self {
            records,
            bytes,
            source,
            parsed,
            document,
            mtimes,
        }
    }

    fn throughput(&self) -> Throughput {
        Throughput::ElementsAndBytes {
            elements: self.records as u64,
            bytes: self.bytes.len() as u64,
        }
    }

    fn deck(&self) -> DeckExport<'_> {
        DeckExport {
            document: &self.document,
            mtimes: &self.mtimes,
            include_unanswered: false,
            source_dir: Path::new("."),
        }
    }
}

/// A group of 10 samples of one run each (a run at 100k records takes seconds).
fn group<'c>(c: &'c mut Criterion, name: &str, input: &Input) -> BenchmarkGroup<'c, WallTime> {
    let mut g = c.benchmark_group(name);
    g.sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(if input.records >= 100_000 {
            30
        } else {
            5
        }))
        .throughput(input.throughput());
    g
}

fn stages(c: &mut Criterion) {
    for records in sizes::sizes() {
        let input = Input::new(records);
        let id = BenchmarkId::from_parameter(records);

        let mut g = group(c, "read", &input);
        g.bench_function(id.clone(), |b| {
            b.iter(|| SourceText::decode("bench.txt", &input.bytes).expect("text"));
        });
        g.finish();

        let mut g = group(c, "parse", &input);
        g.bench_function(id.clone(), |b| {
            b.iter(|| zhika::parse::parse(&input.source));
        });
        g.finish();

        let mut g = group(c, "check", &input);
        let config = Config::default();
        g.bench_function(id.clone(), |b| {
            b.iter(|| zhika::check::check(std::slice::from_ref(&input.parsed), &config));
        });
        g.finish();

        let mut g = group(c, "render", &input);
        g.bench_function(id.clone(), |b| {
            b.iter_batched_ref(
                || input.parsed.records.clone(),
                |records| zhika::render::render_all(records),
                BatchSize::PerIteration,
            );
        });
        g.finish();

        for format in Format::ALL {
            let exporter = format.exporter();
            let mut g = group(c, &format!("export_{}", exporter.extension()), &input);
            let deck = input.deck();
            g.bench_function(id.clone(), |b| {
                b.iter(|| {
                    let mut out = Counter(0);
                    exporter.write_to(&deck, &mut out).expect("export");
                    out.0
                });
            });
            g.finish();
        }
    }
}

/// A writer that only counts: the exporters stream their output, and where it goes (a file, in
/// `zhika export`) is not what is measured here.
struct Counter(usize);

impl std::io::Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    stages(&mut c);
    c.final_summary();
}
