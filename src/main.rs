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
    free_memory_promptly();
    tree_sitter_uses_mimalloc();
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(code) => code.into(),
        Err(err) => {
            cli::print_error(&err);
            cli::Outcome::Failed.into()
        }
    }
}

/// tree-sitter's C code allocates a node for every token it reads, and frees the tree after
/// each Go block; glibc's malloc took a tenth of its time, mimalloc takes less.
fn tree_sitter_uses_mimalloc() {
    use std::ffi::c_void;
    unsafe extern "C" fn calloc(count: usize, size: usize) -> *mut c_void {
        match count.checked_mul(size) {
            // SAFETY: mimalloc's zeroing allocation, for `count` items of `size` bytes.
            Some(total) => unsafe { libmimalloc_sys::mi_zalloc(total) },
            None => std::ptr::null_mut(),
        }
    }
    // SAFETY: called first thing in `main`, before any tree-sitter parser or tree exists, so
    // nothing allocated by one allocator is freed by the other; the functions are mimalloc's
    // malloc, realloc and free, which have the C signatures tree-sitter expects.
    unsafe {
        tree_sitter::set_allocator(Some(tree_sitter::Allocator {
            malloc: libmimalloc_sys::mi_malloc,
            calloc,
            realloc: libmimalloc_sys::mi_realloc,
            free: libmimalloc_sys::mi_free,
        }));
    }
}

/// mimalloc v3 keeps freed memory for a second (its `purge_delay`, 1000 ms) before it gives it
/// back; a run is a few seconds of stages, each freeing what the last one made (the lines of
/// a file, the card HTML) while the next one allocates: all of it counted at once. Given back
/// after 10 ms (v2's delay), a run of 100k notes peaks some 40 MiB lower, for about 0.08 s
/// more system time.
fn free_memory_promptly() {
    // SAFETY: an option setter of the linked mimalloc, called before any thread exists;
    // `MI_OPTION_PURGE_DELAY` is its index in mimalloc v3's `mi_option_t` (a test checks it).
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 10) };
}

/// `mi_option_purge_delay` in mimalloc v3's `mi_option_t` (`mimalloc.h`); libmimalloc-sys
/// names the options of v2 only.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

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

#[cfg(test)]
mod tests {
    #[test]
    fn purge_delay_option_is_the_one_set() {
        // SAFETY: a getter of the linked mimalloc. Its default for `purge_delay` is 1000 ms in
        // v3, and no other option defaults to it: a new mimalloc that moved the option (or
        // changed its default) fails here, to be looked at again.
        let delay = unsafe { libmimalloc_sys::mi_option_get(super::MI_OPTION_PURGE_DELAY) };
        assert_eq!(delay, 1000);
    }
}
