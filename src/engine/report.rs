//! The end of a run: the final table, JSON lines or nothing on stdout, and
//! the warnings and errors that go to stderr. The one place that writes
//! results to stdout.

use std::collections::HashSet;
use std::io::Write;
use std::time::SystemTime;

use crate::engine::options::{Ci, Mode, RunOptions};
use crate::model::{ErrorKind, ExitCode, Snapshot, State};
use crate::render::table::{self, Fit};
use crate::render::{github, json};
use crate::settings::SettingsError;
use crate::util::sanitize::sanitize;

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
/// error is 2; stdout closed by its reader 141, stdout that could not be
/// written 74; anything else (a socket we cannot open) is about this
/// machine, not a target, and reported as unavailable.
pub fn exit_code_of(error: &anyhow::Error) -> ExitCode {
    if let Some(settings) = error.downcast_ref::<SettingsError>() {
        settings.exit
    } else if is_stdout_closed(error) {
        ExitCode::StdoutClosed
    } else if is_write_failure(error) {
        ExitCode::WriteFailed
    } else {
        ExitCode::Unavailable
    }
}

/// The one line a watch that reached `--timeout` says on stderr (CONTRACT
/// §12): `timed out after 30s: 2 of 5 batch jobs not finished: job-a
/// (running), job-b (unreachable: HTTP 429)`, at most 10 named.
pub fn timed_out_line(timeout: std::time::Duration, snapshots: &[Snapshot]) -> String {
    const NAMED: usize = 10;
    let unfinished: Vec<&Snapshot> = snapshots.iter().filter(|s| !s.is_final()).collect();
    let noun = snapshots.first().map_or("targets", |s| s.target.plural());
    let mut line = format!(
        "timed out after {}: {} of {} {noun} not finished",
        humantime::format_duration(timeout),
        unfinished.len(),
        snapshots.len()
    );
    for (i, s) in unfinished.iter().take(NAMED).enumerate() {
        line.push_str(if i == 0 { ": " } else { ", " });
        let how = match (&s.outage, &s.error) {
            (Some(outage), _) => outage.reason(),
            (None, Some(e)) if e.kind == ErrorKind::Timeout && e.http_status.is_none() => {
                "no answer yet".to_owned()
            }
            (None, Some(e)) => match e.http_status {
                Some(code) => format!("unreachable: HTTP {code}"),
                None => "unreachable".to_owned(),
            },
            // `--wait-for-creation`: named as not found, not as pending.
            (None, None) if s.is_awaiting_creation() => s.details.clone(),
            (None, None) if s.status.is_none() => "no answer yet".to_owned(),
            (None, None) => s.state.as_str().to_owned(),
        };
        line.push_str(&format!("{} ({how})", sanitize(&s.target.label())));
    }
    if unfinished.len() > NAMED {
        line.push_str(&format!(", and {} more", unfinished.len() - NAMED));
    }
    line
}

/// `text` in lines no wider than `width` columns, broken at spaces, the
/// lines after the first indented by two: on a terminal every line fits
/// (CONTRACT §12). A word wider than the line stays whole. Hand-written:
/// ten lines of it did not seem worth a crate (textwrap) in the binary.
pub fn wrapped(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let wide = console::measure_text_width(&line) + 1 + console::measure_text_width(word);
        if !line.trim().is_empty() && wide > width {
            out.push_str(line.trim_end());
            out.push('\n');
            line = String::from("  ");
        } else if !line.is_empty() && !line.ends_with("  ") {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push_str(&line);
    out
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

/// stdout was closed by its reader (`| head`): the run ends at once,
/// quietly, with exit 141 (see [`ExitCode::StdoutClosed`]).
#[derive(Debug, thiserror::Error)]
#[error("stdout was closed")]
pub struct StdoutClosed;

/// Whether `error` is a closed stdout, which ends a run without a word.
pub fn is_stdout_closed(error: &anyhow::Error) -> bool {
    error.downcast_ref::<StdoutClosed>().is_some()
}

/// stdout could not be written, and not because its reader left: a full
/// disk, `/dev/full`, an I/O error. The run ends with exit 74 (see
/// [`ExitCode::WriteFailed`]) and this one line, never as a vendor's failure.
#[derive(Debug, thiserror::Error)]
#[error("cannot write to stdout: {0}")]
pub struct WriteFailed(std::io::Error);

/// Whether `error` is stdout that could not be written (not a closed pipe).
pub fn is_write_failure(error: &anyhow::Error) -> bool {
    error.downcast_ref::<WriteFailed>().is_some()
}

/// Write to stdout. A closed pipe (`| head`) is [`StdoutClosed`]: not an
/// error worth a word, but the end of the run, since nothing more can be
/// said where it was asked for. Any other failure is [`WriteFailed`].
pub fn print_stdout(text: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Err(StdoutClosed.into()),
        Err(e) => Err(WriteFailed(e).into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_lines_fit_and_keep_every_word() {
        let text = "timed out after 2s: 1 of 1 pipeline runs not finished: p/run-wide (running)";
        let out = wrapped(text, 40);
        assert!(
            out.lines().all(|l| console::measure_text_width(l) <= 40),
            "{out}"
        );
        assert_eq!(
            out.split_whitespace().collect::<Vec<_>>(),
            text.split(' ').collect::<Vec<_>>()
        );
        assert!(out.lines().skip(1).all(|l| l.starts_with("  ")), "{out}");
        assert_eq!(wrapped("short", 40), "short");
    }
}
