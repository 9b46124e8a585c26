//! Which record counts a benchmark runs; shared by the benchmarks.

/// Record counts to run: `ZHIKA_BENCH_RECORDS`, else 1k, 10k and 100k. Under `cargo test`
/// (no `--bench`), only the smallest, which checks the benchmark works without making the
/// test suite wait.
pub fn sizes() -> Vec<usize> {
    let sizes = std::env::var("ZHIKA_BENCH_RECORDS")
        .ok()
        .map(|v| v.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .filter(|v: &Vec<usize>| !v.is_empty())
        .unwrap_or_else(|| vec![1_000, 10_000, 100_000]);
    if std::env::args().any(|a| a == "--bench") {
        sizes
    } else {
        sizes.into_iter().min().into_iter().collect()
    }
}
