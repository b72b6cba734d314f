//! The end of a run: the final table, JSON lines or nothing on stdout, and
//! the warnings and errors that go to stderr. The one place that writes
//! results to stdout.

use std::collections::HashSet;
use std::io::Write;
use std::time::SystemTime;

use anyhow::Context as _;

use crate::options::{Mode, RunOptions};
use crate::render::json;
use crate::render::table::{self, Fit};
use crate::sanitize::sanitize;
use crate::status::{Snapshot, State};

/// Print the final results: table, JSON lines or nothing; target errors go
/// to stderr too when stdout is not a table a person reads.
pub fn report(options: &RunOptions, snapshots: &[Snapshot]) -> anyhow::Result<()> {
    if options.mode != Mode::Table {
        for s in snapshots {
            if let Some(e) = &s.error {
                eprintln!(
                    "{} {} {}: {}",
                    options.stderr.error("error:"),
                    s.target.service(),
                    sanitize(&s.target.label()),
                    sanitize(&e.message)
                );
            }
        }
    }
    match options.mode {
        Mode::Quiet => Ok(()),
        // With --events every envelope, the final ones included, has
        // already been printed as it happened.
        Mode::Json if options.events => Ok(()),
        Mode::Json => {
            let mut out = String::new();
            for s in snapshots {
                out.push_str(&json::line(s));
                out.push('\n');
            }
            print_stdout(&out)
        }
        Mode::Table => {
            let fit = match options.stdout_width {
                Some(width) => Fit::Terminal {
                    width,
                    now: SystemTime::now(),
                },
                None => Fit::Full,
            };
            print_stdout(&table::report(
                snapshots,
                options.show_logs,
                options.stdout,
                fit,
            ))
        }
    }
}

/// Warn once per service and status about a status value we do not know.
pub fn warn_unknown(snapshots: &[Snapshot], seen: &mut HashSet<(&'static str, String)>) {
    for s in snapshots {
        if s.error.is_some() || s.state != State::Unknown {
            continue;
        }
        let Some(status) = &s.status else { continue };
        if seen.insert((s.target.service(), status.clone())) {
            eprintln!(
                "warning: {} {}: unknown status `{}`; treating it as not finished",
                s.target.service(),
                sanitize(&s.target.label()),
                sanitize(status)
            );
        }
    }
}

/// Write to stdout; a closed pipe (`| head`) is not an error worth a word.
pub fn print_stdout(text: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("cannot write to stdout"),
    }
}
