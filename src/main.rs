//! The `zhika` command: parse the arguments, run, map the outcome to an exit code.

mod cli;

use std::process::ExitCode;

use clap::Parser as _;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(code) => code.into(),
        Err(err) => {
            cli::print_error(&err);
            cli::Outcome::Failed.into()
        }
    }
}
