//! Finding, reading and parsing the notes named on the command line; shared by `export` and
//! `check`.

use std::path::{Path, PathBuf};

use anyhow::Context as _;

use super::say;
use zhika::parse::Parsed;
use zhika::read::SourceText;

/// The notes of one run.
pub struct Notes {
    /// The notes files, sorted as found.
    pub files: Vec<PathBuf>,
    /// Each file parsed, in the same order.
    pub decks: Vec<Parsed>,
}

/// Find the notes files under `paths`, decode and parse them.
pub fn load(paths: &[PathBuf], verbose: bool) -> anyhow::Result<Notes> {
    let files = zhika::project::discover(paths)?;
    let mut decks = Vec::with_capacity(files.len());
    for file in &files {
        let bytes =
            std::fs::read(file).with_context(|| format!("{}: cannot read", file.display()))?;
        let source = SourceText::decode(display(file), &bytes)?;
        if verbose {
            say(&format!(
                "{}: encoding {}",
                file.display(),
                source.encoding_name()
            ));
        }
        decks.push(zhika::parse::parse(&source));
    }
    Ok(Notes { files, decks })
}

/// `zhika.toml` in the current folder, or the defaults.
pub fn config() -> anyhow::Result<zhika::config::Config> {
    Ok(zhika::config::Config::load(Path::new("."))?)
}

/// A path as shown in records and messages: as found, with `/` separators.
pub fn display(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}
