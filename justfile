# zhika's everyday commands. `just` lists them.

# List the recipes.
default:
    @just --list

# Turn every notes file in source/ into exports/ (all formats).
export *ARGS:
    cargo run --release -- export {{ARGS}}

# Report what in the notes is broken (file:line, rule code, hint).
check *ARGS:
    cargo run --release -- check {{ARGS}}

# The whole test suite, real-Anki import tests included (same command as the README and CI).
test:
    bash scripts/test

# Sizes: `ZHIKA_BENCH_RECORDS=1000,10000 just bench`; one stage: `just bench parse`.
# zhika against Python genanki: `scripts/bench-vs-genanki`.

# Benchmark every stage and exporter and the whole `zhika export` at 1k/10k/100k records.
bench *ARGS:
    cargo bench --bench stages --bench whole_run {{ARGS}}

# Format the code.
fmt:
    cargo fmt

# Lint: formatting and clippy, as CI runs them.
lint:
    cargo fmt --check
    cargo clippy --all-targets -- -D warnings

# What CI runs on a clean clone.
ci:
    bash .ci/run
