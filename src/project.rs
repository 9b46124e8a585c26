//! The file system around the pipeline: finding notes files, and writing outputs so that a
//! failed or killed run never leaves a partial file or destroys the previous one.

use std::io::Write as _;
use std::path::{Path, PathBuf};

/// Why the notes could not be found.
#[derive(Debug, thiserror::Error)]
pub enum ProjectError {
    /// A path named on the command line does not exist.
    #[error("{path}: no such file or directory")]
    Missing {
        /// The path.
        path: PathBuf,
    },
    /// A folder holds no `.txt` or `.md` file.
    #[error("{path}: no notes files (.txt, .md) in this folder")]
    Empty {
        /// The folder.
        path: PathBuf,
    },
    /// A folder could not be walked.
    #[error("{path}: {source}")]
    Walk {
        /// The folder.
        path: PathBuf,
        /// The cause.
        source: walkdir::Error,
    },
    /// Two files would export under the same name.
    #[error("{first} and {second} would both export as deck `{deck}`; rename one")]
    SameDeck {
        /// The deck name.
        deck: String,
        /// One file.
        first: PathBuf,
        /// The other.
        second: PathBuf,
    },
}

/// Is this a notes file zhika reads?
#[must_use]
pub fn is_notes_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("txt") || e.eq_ignore_ascii_case("md"))
}

/// The notes files named by `paths`: files as given, folders searched recursively for `.txt`
/// and `.md` files, sorted; each deck name (file stem) must be unique.
///
/// # Errors
/// A missing path, a folder without notes, or two files with the same stem.
pub fn discover(paths: &[PathBuf]) -> Result<Vec<PathBuf>, ProjectError> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_file() {
            files.push(path.clone());
        } else if path.is_dir() {
            let mut found = Vec::new();
            for entry in walkdir::WalkDir::new(path).sort_by_file_name() {
                let entry = entry.map_err(|source| ProjectError::Walk {
                    path: path.clone(),
                    source,
                })?;
                if entry.file_type().is_file() && is_notes_file(entry.path()) {
                    found.push(entry.into_path());
                }
            }
            if found.is_empty() {
                return Err(ProjectError::Empty { path: path.clone() });
            }
            files.extend(found);
        } else {
            return Err(ProjectError::Missing { path: path.clone() });
        }
    }
    let mut seen: std::collections::HashMap<String, PathBuf> = std::collections::HashMap::new();
    for file in &files {
        let deck = crate::parse::deck_name(&file.to_string_lossy());
        if let Some(first) = seen.insert(deck.clone(), file.clone())
            && first != *file
        {
            return Err(ProjectError::SameDeck {
                deck,
                first,
                second: file.clone(),
            });
        }
    }
    files.dedup();
    Ok(files)
}

/// Write `bytes` to `path` atomically: a temporary file in the same folder, flushed to disk,
/// then renamed over `path`. On any error the temporary file is removed and `path` is left as
/// it was.
///
/// # Errors
/// Any I/O error creating, writing, syncing or renaming the file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path.file_name().map_or_else(
        || std::ffi::OsString::from("out"),
        std::ffi::OsStr::to_os_string,
    );
    let mut prefix = std::ffi::OsString::from(".");
    prefix.push(&name);
    prefix.push(".");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    // Keep the permissions of the file being replaced; a new file gets the usual rw-r--r--
    // (tempfile's own default is owner-only).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(path).map_or(0o644, |m| m.permissions().mode() & 0o7777);
        builder.permissions(std::fs::Permissions::from_mode(mode));
    }
    let mut tmp = builder.tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_replaces_and_leaves_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn atomic_write_gives_readable_files_and_keeps_modes() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.csv");
        write_atomic(&path, b"one").unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path) & 0o644, 0o644);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(mode(&path), 0o600);
    }

    #[test]
    fn discover_sorts_and_filters() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        for f in ["b.txt", "a.md", "sub/c.txt", "skip.png"] {
            std::fs::write(dir.path().join(f), "1. q\na\n").unwrap();
        }
        let files = discover(&[dir.path().to_path_buf()]).unwrap();
        let names: Vec<_> = files
            .iter()
            .map(|f| {
                f.strip_prefix(dir.path())
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        assert_eq!(names, ["a.md", "b.txt", "sub/c.txt"]);
    }

    #[test]
    fn discover_refuses_missing_and_empty() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("nope");
        assert!(matches!(
            discover(&[missing]),
            Err(ProjectError::Missing { .. })
        ));
        assert!(matches!(
            discover(&[dir.path().to_path_buf()]),
            Err(ProjectError::Empty { .. })
        ));
    }
}
