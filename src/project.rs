//! The file system around the pipeline: finding notes files, and writing outputs so that a
//! failed or killed run never leaves a partial file or destroys the previous one.

use std::io::{BufWriter, Write};
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
    /// A path exists but cannot be looked at (no permission, a link loop).
    #[error("{path}: cannot read")]
    Unreadable {
        /// The path.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A path is neither a file nor a folder (a pipe, a socket, a device).
    #[error("{path}: not a file or folder")]
    Special {
        /// The path.
        path: PathBuf,
    },
    /// A folder could not be walked.
    #[error("{path}: cannot read this folder")]
    Walk {
        /// The folder (or the folder inside it) that could not be read.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
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
        let meta = std::fs::metadata(path).map_err(|source| {
            if source.kind() == std::io::ErrorKind::NotFound {
                ProjectError::Missing { path: path.clone() }
            } else {
                ProjectError::Unreadable {
                    path: path.clone(),
                    source,
                }
            }
        })?;
        if meta.is_file() {
            files.push(path.clone());
        } else if meta.is_dir() {
            let mut found = Vec::new();
            for entry in walkdir::WalkDir::new(path).sort_by_file_name() {
                let entry = entry.map_err(|e| ProjectError::Walk {
                    path: e.path().unwrap_or(path).to_owned(),
                    source: e
                        .into_io_error()
                        .unwrap_or_else(|| std::io::Error::other("file system loop")),
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
            return Err(ProjectError::Special { path: path.clone() });
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
    stage(path, bytes)?.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// The first half of [`write_atomic`]: `bytes` in a temporary file next to `path`, flushed to
/// disk, ready to be renamed over it. Dropping it removes it.
fn stage(path: &Path, bytes: &[u8]) -> std::io::Result<tempfile::NamedTempFile> {
    let mut tmp = temp_next_to(path)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    Ok(tmp)
}

/// An empty temporary file next to `path`, to be renamed over it.
fn temp_next_to(path: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    if path.is_dir() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::IsADirectory,
            "a folder is in the way",
        ));
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path.file_name().map_or_else(
        || std::ffi::OsString::from("out"),
        std::ffi::OsStr::to_os_string,
    );
    let prefix = temp_prefix(&name);
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
    builder.tempfile_in(dir)
}

/// `.<name>.`: how the temporary files [`write_atomic`] makes for `name` start; they end in
/// `.tmp`.
fn temp_prefix(name: &std::ffi::OsStr) -> std::ffi::OsString {
    let mut prefix = std::ffi::OsString::from(".");
    prefix.push(name);
    prefix.push(".");
    prefix
}

/// An output written in full to a temporary file next to its place and flushed to disk,
/// waiting for [`OutputDir::persist`] to rename it into place. Dropping it removes it.
#[derive(Debug)]
pub struct Staged {
    tmp: tempfile::NamedTempFile,
    path: PathBuf,
}

/// Why [`OutputDir::stage`] failed.
#[derive(Debug)]
pub enum StageError<E> {
    /// The file could not be written.
    Write(WriteError),
    /// The contents could not be made.
    Fill(E),
}

/// A writer that keeps the first error of the writer it wraps, which the code writing through
/// it may turn into an error of its own.
struct FirstError<W> {
    inner: W,
    error: Option<std::io::Error>,
}

impl<W: Write> FirstError<W> {
    fn keep(&mut self, e: std::io::Error) -> std::io::Error {
        let copy = std::io::Error::new(e.kind(), e.to_string());
        self.error.get_or_insert(e);
        copy
    }
}

impl<W: Write> Write for FirstError<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.inner.write(buf).map_err(|e| self.keep(e))
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush().map_err(|e| self.keep(e))
    }
}

/// An output that could not be written.
#[derive(Debug, thiserror::Error)]
#[error("{path}: cannot write")]
pub struct WriteError {
    /// The output file.
    pub path: PathBuf,
    /// The cause.
    pub source: std::io::Error,
}

/// A run's hold on the folder it writes its outputs to, so that two runs writing there take
/// turns. A temporary file found for an output while the folder is held was left by a run that
/// was killed (`kill -9` skips all clean-up); [`OutputDir::write`] removes it.
#[derive(Debug)]
pub struct OutputDir {
    dir: PathBuf,
    /// The folder itself, locked (`flock`); the lock goes when the run ends, however it ends.
    /// `None` where folders cannot be locked: then no temporary file is assumed stale.
    lock: Option<std::fs::File>,
}

impl OutputDir {
    /// Hold `dir`, an existing folder, waiting while another run holds it.
    ///
    /// # Errors
    /// When the folder cannot be opened or locked.
    pub fn claim(dir: &Path) -> std::io::Result<Self> {
        let lock = if cfg!(unix) {
            let folder = std::fs::File::open(dir)?;
            folder.lock()?;
            Some(folder)
        } else {
            None
        };
        Ok(Self {
            dir: dir.to_owned(),
            lock,
        })
    }

    /// Write each `(name, bytes)` into the folder, all or nothing as far as the file system
    /// allows: every file is first written to a temporary file and flushed (removing the
    /// temporary files a killed run left for it), and only when all are on disk are they
    /// renamed into place. A failure while writing (a full disk, a folder in the way) replaces
    /// none of the existing files.
    ///
    /// # Errors
    /// The first file that could not be written or renamed, and why.
    pub fn write_all(&self, files: &[(String, Vec<u8>)]) -> Result<(), WriteError> {
        let mut staged = Vec::with_capacity(files.len());
        for (name, bytes) in files {
            match self.stage(name, |out| out.write_all(bytes)) {
                Ok(file) => staged.push(file),
                Err(StageError::Write(e)) => return Err(e),
                Err(StageError::Fill(source)) => {
                    return Err(WriteError {
                        path: self.dir.join(name),
                        source,
                    });
                }
            }
        }
        self.persist(staged)
    }

    /// Stage the file `name` of the folder: `fill` writes its contents, through a buffer, to a
    /// temporary file next to it (after the temporary files a killed run left for it are
    /// removed), which is then flushed to disk. Nothing is replaced until
    /// [`OutputDir::persist`]; dropping the result removes the temporary file.
    ///
    /// # Errors
    /// [`StageError::Write`] when the file cannot be written, even if `fill` then failed too
    /// (the I/O error says more); else [`StageError::Fill`] with `fill`'s own error.
    pub fn stage<E>(
        &self,
        name: &str,
        fill: impl FnOnce(&mut dyn Write) -> Result<(), E>,
    ) -> Result<Staged, StageError<E>> {
        let path = self.dir.join(name);
        if self.lock.is_some() {
            self.remove_stale_temps(name);
        }
        let mut tmp = match temp_next_to(&path) {
            Ok(tmp) => tmp,
            Err(source) => return Err(StageError::Write(WriteError { path, source })),
        };
        let mut out = FirstError {
            inner: BufWriter::with_capacity(1 << 16, tmp.as_file_mut()),
            error: None,
        };
        let filled = fill(&mut out).map_err(StageError::Fill);
        let flushed = out.flush();
        let written = match (out.error.take(), flushed) {
            (Some(source), _) | (None, Err(source)) => Err(source),
            (None, Ok(())) => Ok(()),
        };
        drop(out);
        let synced = written.and_then(|()| tmp.as_file().sync_all());
        match (synced, filled) {
            (Err(source), _) => Err(StageError::Write(WriteError { path, source })),
            (Ok(()), Err(e)) => Err(e),
            (Ok(()), Ok(())) => Ok(Staged { tmp, path }),
        }
    }

    /// Rename staged files into place, in order.
    ///
    /// # Errors
    /// The first file that could not be renamed, and why; the files after it stay staged and
    /// are removed.
    pub fn persist(&self, staged: Vec<Staged>) -> Result<(), WriteError> {
        for Staged { tmp, path } in staged {
            if let Err(e) = tmp.persist(&path) {
                return Err(WriteError {
                    path,
                    source: e.error,
                });
            }
        }
        Ok(())
    }

    fn remove_stale_temps(&self, name: &str) {
        let prefix = temp_prefix(name.as_ref());
        let Some(prefix) = prefix.to_str() else {
            return;
        };
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return;
        };
        for entry in entries.flatten() {
            let file_name = entry.file_name();
            let is_stale_temp = file_name.to_str().is_some_and(|f| {
                f.strip_prefix(prefix)
                    .and_then(|rest| rest.strip_suffix(".tmp"))
                    .is_some_and(|random| {
                        !random.is_empty() && random.bytes().all(|b| b.is_ascii_alphanumeric())
                    })
            });
            if is_stale_temp && entry.file_type().is_ok_and(|t| t.is_file()) {
                // Best effort: a temp file that cannot be removed harms nothing.
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
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
    fn output_dir_removes_what_a_killed_run_left() {
        let dir = tempfile::tempdir().unwrap();
        let stale = dir.path().join(".a.json.Xy12ab.tmp");
        let other = dir.path().join(".b.json.Xy12ab.tmp");
        std::fs::write(&stale, "partial").unwrap();
        std::fs::write(&other, "another output's").unwrap();
        let out = OutputDir::claim(dir.path()).unwrap();
        out.write_all(&[("a.json".into(), b"whole".to_vec())])
            .unwrap();
        assert_eq!(std::fs::read(dir.path().join("a.json")).unwrap(), b"whole");
        assert!(!stale.exists());
        assert!(
            other.exists(),
            "only the temp files of the output being written go"
        );
    }

    #[test]
    fn output_dir_replaces_nothing_when_one_file_fails() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.json"), "old").unwrap();
        std::fs::create_dir(dir.path().join("a.csv")).unwrap();
        let out = OutputDir::claim(dir.path()).unwrap();
        let err = out
            .write_all(&[
                ("a.json".into(), b"new".to_vec()),
                ("a.csv".into(), b"new".to_vec()),
            ])
            .unwrap_err();
        assert_eq!(err.path, dir.path().join("a.csv"));
        assert_eq!(std::fs::read(dir.path().join("a.json")).unwrap(), b"old");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            2,
            "no temp file left"
        );
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
