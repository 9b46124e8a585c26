//! Command-line interface: argument definitions and the commands. This is the edge: the only
//! place that prints.

mod check;
mod export;
mod notes;

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use zhika::export::Format;

/// zhika (知卡): turn raw Chinese study notes into checked Q&A records, Anki decks, CSV and JSON.
#[derive(Debug, Parser)]
#[command(name = "zhika", version, about, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Parse and check the notes, then write one file per deck and format.
    Export(ExportArgs),
    /// Report what in the notes is broken, with <file:line> and a hint.
    Check(CheckArgs),
    /// Explain a rule (`zhika explain Z006`), or list them all.
    Explain {
        /// A rule code (`Z006`) or name (`go-syntax-error`).
        rule: Option<String>,
    },
    /// Print the JSON Schema of the exported `zhika.records` JSON.
    Schema,
}

/// Arguments of `zhika export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// Notes files or folders (searched recursively for .txt and .md).
    #[arg(default_value = "source")]
    paths: Vec<PathBuf>,
    /// Folder to write the exports into.
    #[arg(long, short, default_value = "exports")]
    out: PathBuf,
    /// Format to write; repeat for several. Default: every format.
    #[arg(long = "format", short = 'f', value_enum)]
    formats: Vec<Format>,
    /// Also export records that have no answer yet to Anki and CSV.
    #[arg(long)]
    include_unanswered: bool,
    /// Name each file's detected encoding.
    #[arg(long, short)]
    verbose: bool,
}

/// Arguments of `zhika check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Notes files or folders (searched recursively for .txt and .md).
    #[arg(default_value = "source")]
    paths: Vec<PathBuf>,
    /// How to print the findings.
    #[arg(long, value_enum, default_value_t = DiagnosticFormat::Human)]
    format: DiagnosticFormat,
    /// Exit 1 on warnings too, not only on errors.
    #[arg(long)]
    deny_warnings: bool,
    /// Name each file's detected encoding.
    #[arg(long, short)]
    verbose: bool,
}

/// How `zhika check` prints findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DiagnosticFormat {
    /// Source snippets with a caret under the spot, the rule code and a help line.
    Human,
    /// One line each: `path:line:col: severity[CODE]: message`.
    Short,
    /// A JSON array of diagnostics.
    Json,
}

/// How a run ended, as an exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// 0: done, nothing at error level.
    Clean,
    /// 1: the notes have error-level findings.
    Findings,
    /// 2: the tool failed (I/O, bad arguments).
    Failed,
}

impl From<Outcome> for ExitCode {
    fn from(o: Outcome) -> Self {
        ExitCode::from(match o {
            Outcome::Clean => 0,
            Outcome::Findings => 1,
            Outcome::Failed => 2,
        })
    }
}

/// Run the parsed command line.
///
/// # Errors
/// Any failure of the tool itself; the caller prints it and exits 2.
pub fn run(cli: Cli) -> anyhow::Result<Outcome> {
    match cli.command {
        Command::Export(args) => export::run(&args),
        Command::Check(args) => check::run(&args),
        Command::Explain { rule: None } => {
            out(&zhika::report::list_rules());
            Ok(Outcome::Clean)
        }
        Command::Explain { rule: Some(key) } => match zhika::check::lookup(&key) {
            Some(rule) => {
                out(&zhika::report::explain(rule));
                Ok(Outcome::Clean)
            }
            None => anyhow::bail!("no rule `{key}`; `zhika explain` lists them"),
        },
        Command::Schema => {
            out(&zhika::export::json::schema());
            Ok(Outcome::Clean)
        }
    }
}

/// Print to stdout; a closed pipe (`zhika … | head`) is not an error.
pub fn out(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush());
}

/// Print a message line to stderr.
pub fn say(text: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{text}");
}

/// Print a tool failure: `error: …` and its causes, one line.
pub fn print_error(err: &anyhow::Error) {
    let causes: Vec<String> = err.chain().map(ToString::to_string).collect();
    say(&format!("error: {}", causes.join(": ")));
}
