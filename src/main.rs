//! The `zhika` command: parse the arguments, run, map the outcome to an exit code.

mod cli;

use std::process::ExitCode;

use clap::Parser as _;

/// Parsing and rendering make millions of small strings; mimalloc hands them out and takes them
/// back in about half the time glibc's allocator does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    ignore_file_size_limit_signal();
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(code) => code.into(),
        Err(err) => {
            cli::print_error(&err);
            cli::Outcome::Failed.into()
        }
    }
}

/// Past the file-size limit (`ulimit -f`) a write then fails with "File too large", so the
/// export removes its temporary file and reports it, instead of being killed mid-write.
#[cfg(unix)]
fn ignore_file_size_limit_signal() {
    // SAFETY: called first thing in `main`, before any other thread exists; SIG_IGN runs no
    // code in the signal context.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
}

#[cfg(not(unix))]
fn ignore_file_size_limit_signal() {}
