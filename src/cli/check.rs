//! `zhika check`: the findings about the notes, for people (`human`, `short`) or programs
//! (`json`).

use std::collections::HashMap;

use super::{CheckArgs, DiagnosticFormat, Outcome, out, say};
use zhika::diagnostic::Severity;

pub fn run(args: &CheckArgs) -> anyhow::Result<Outcome> {
    // Same ids as `zhika export` gives: the locks are read, never written here.
    let (mut notes, locks) = super::notes::load_with_locks(&args.paths, args.verbose)?;
    let config = super::notes::config()?;
    let locks = locks?;
    super::notes::reconcile_ids(&mut notes.decks, &locks);
    let diagnostics: Vec<_> = zhika::check::check(&notes.decks, &config)
        .into_iter()
        .flatten()
        .collect();
    match args.format {
        DiagnosticFormat::Human => {
            let sources: HashMap<String, std::sync::Arc<str>> = notes
                .decks
                .iter()
                .map(|d| (d.deck.path.clone(), d.text.clone()))
                .collect();
            out(&zhika::report::human(
                &diagnostics,
                &sources,
                color(&std::io::stdout()),
            ));
        }
        DiagnosticFormat::Short => out(&zhika::report::short(&diagnostics)),
        DiagnosticFormat::Json => out(&zhika::report::json(&diagnostics)),
    }
    if args.format != DiagnosticFormat::Json {
        let records: usize = notes.decks.iter().map(|d| d.records.len()).sum();
        say(&format!(
            "checked {} file{}, {records} records: {}",
            notes.decks.len(),
            if notes.decks.len() == 1 { "" } else { "s" },
            zhika::report::summary(&diagnostics)
        ));
    }
    let fails = |d: &zhika::diagnostic::Diagnostic| {
        d.severity == Severity::Error || (args.deny_warnings && d.severity == Severity::Warning)
    };
    let outcome = if diagnostics.iter().any(fails) {
        Outcome::Findings
    } else {
        Outcome::Clean
    };
    // The process ends with this run: the notes, millions of small allocations, are left for
    // the system to take back with it at once, not freed one by one (0.1 s at 100k records).
    std::mem::forget(notes);
    Ok(outcome)
}

/// Colour only on a terminal, and never when `NO_COLOR` is set (to anything but empty).
pub fn color(stream: &impl std::io::IsTerminal) -> bool {
    stream.is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}
