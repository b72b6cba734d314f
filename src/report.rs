//! The end of a run: the final table, JSON lines or nothing on stdout, and
//! the warnings and errors that go to stderr. The one place that writes
//! results to stdout.

use std::collections::HashSet;
use std::io::Write;
use std::time::SystemTime;

use anyhow::Context as _;

use crate::options::{Ci, Mode, RunOptions};
use crate::render::table::{self, Fit};
use crate::render::{github, json};
use crate::sanitize::sanitize;
use crate::settings::SettingsError;
use crate::status::{ExitCode, Snapshot, State};

/// Print the final results: table, JSON lines or nothing. Each target's
/// error also goes to stderr unless stdout is a table on a terminal, where
/// the person reading it sees it: a CI log shows why a run failed even when
/// stdout went to a file or a pipe.
pub fn report(options: &RunOptions, snapshots: &[Snapshot]) -> anyhow::Result<()> {
    let on_screen = options.mode == Mode::Table && options.stdout_width.is_some();
    if !on_screen {
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
                // Asked again now: the terminal may have been resized
                // during a watch.
                Some(width) => Fit::Terminal {
                    width: crate::render::stdout_width().unwrap_or(width),
                    now: SystemTime::now(),
                },
                None => Fit::Full,
            };
            let text = table::report(snapshots, options.show_logs, options.stdout, fit);
            print_stdout(&fence(&options.ci, text))
        }
    }
}

/// Under GitHub Actions, a table fenced with `stop-commands` when the
/// runner could read a workflow command in it (`##[` anywhere, `::` at the
/// start of a line): `--logs` prints raw server logs, and step names, item
/// IDs and listed file IDs start lines too. Only then: an ordinary table
/// is printed as it is, and only a suspect one risks a fence cut short
/// (`| head`), which would leave the runner reading no command for the
/// rest of the step.
/// JSON lines are left alone: they start with `{`, and a consumer reading
/// them would trip on the fence.
pub fn fence(ci: &Ci, text: String) -> String {
    if !ci.github_actions || !github::could_hold_commands(&text) {
        return text;
    }
    // 128 random bits: the server text was written before the token
    // existed, so it cannot hold it, except by a chance this check rules out.
    let token = loop {
        let token = format!("{:032x}", fastrand::u128(..));
        if !text.contains(&token) {
            break token;
        }
    };
    github::fenced(&text, &token)
}

/// The exit code of an error that stopped a run: a usage or configuration
/// error is 2; anything else (stdout gone, a socket we cannot open) is
/// about this machine, not a target, and reported as unavailable.
pub fn exit_code_of(error: &anyhow::Error) -> ExitCode {
    if error.downcast_ref::<SettingsError>().is_some() {
        ExitCode::Usage
    } else {
        ExitCode::Unavailable
    }
}

/// What has been warned about already, so each warning comes once.
pub type Warned = HashSet<String>;

/// Warn once about what a snapshot says that is odd but not an error: a
/// status value we do not know (once per service and status), an item
/// listed without a status, a problem that leaves the outcome alone.
/// Returns the lines to print on stderr: the caller prints them where they
/// do not disturb a live display.
#[must_use]
pub fn warn_once(snapshots: &[Snapshot], warned: &mut Warned) -> Vec<String> {
    let mut lines = Vec::new();
    for s in snapshots {
        // Most snapshots have nothing to warn about: decide that before
        // formatting anything (a collection brings 10,000 a poll).
        let odd = s.error.is_none() && s.state == State::Unknown;
        if s.warning.is_none() && !odd {
            continue;
        }
        let service = s.target.service();
        let label = sanitize(&s.target.label());
        if let Some(warning) = &s.warning {
            if warned.insert(format!("{service} {label} {warning}")) {
                lines.push(format!("warning: {service} {label}: {}", sanitize(warning)));
            }
        }
        if !odd {
            continue;
        }
        match &s.status {
            Some(status) if warned.insert(format!("{service} status {status}")) => {
                lines.push(format!(
                    "warning: {service} {label}: unknown status `{}`; treating it as not finished",
                    sanitize(status)
                ));
            }
            // Listed without a status (an unobserved target has no body).
            None if s.response.is_some()
                && warned.insert(format!("{service} {label} no status")) =>
            {
                lines.push(format!(
                    "warning: {service} {label}: listed without a status; treating it as not finished"
                ));
            }
            _ => {}
        }
    }
    lines
}

/// Write to stdout; a closed pipe (`| head`) is not an error worth a word.
pub fn print_stdout(text: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("cannot write to stdout"),
    }
}
