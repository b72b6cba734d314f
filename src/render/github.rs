//! GitHub Actions workflow commands (CONTRACT §11): an `::error` line for
//! each target that ended failed, cancelled, errored or timed out, a
//! `::warning` line for a partial one, and the `stop-commands` fence around
//! output that the runner could otherwise read as commands. Pure functions:
//! `ci` decides whether to print them.
//!
//! The runner reads commands from every line of a step's stdout and stderr
//! (`actions/runner`, `ActionCommandManager.TryProcessCommand`): `::name
//! props::data` at the start of a line, after blanks, and the legacy
//! `##[name props]data` anywhere in a line. Its registered commands include
//! `add-mask`, `set-output` and `stop-commands`, so server text (a log, a
//! step name) printed where the runner looks could hide later annotations,
//! mask words in the log or set a step's outputs.

use crate::model::{Snapshot, State};
use crate::util::sanitize::sanitize;

/// A command's data (after `::`), escaped as the runner unescapes it
/// (`ActionCommand.UnescapeData`): `%` first, then CR and LF, so that a
/// message stays on its one line and reads back as it was.
pub fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A command's property value (`title=...`): as data, and `:` and `,`
/// too, which would end the properties or start another one.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// `::error title=<title>::<message>` (or `warning`), server text in both
/// sanitized first.
pub fn command(level: &str, title: &str, message: &str) -> String {
    format!(
        "::{level} title={}::{}",
        escape_property(&sanitize(title)),
        escape_data(&sanitize(message))
    )
}

/// The annotation for one target at the end of a run, if it calls for one:
/// titled `<service> <target>`, with what happened in a line.
pub fn annotation(s: &Snapshot, timed_out: bool) -> Option<String> {
    let (level, message) = verdict(s, timed_out)?;
    let title = format!("{} {}", s.target.service(), s.target.label());
    Some(command(level, &title, &message))
}

/// GitHub shows at most this many annotations of each kind per step.
pub const MAX_ANNOTATIONS: usize = 10;

/// Every annotation the run calls for, at most [`MAX_ANNOTATIONS`] of each
/// kind: when more qualify, the last one says how many more there are
/// (`... and 15 more failed: see the summary`), `where_` naming where to look.
pub fn annotations(snapshots: &[Snapshot], timed_out: bool, where_: &str) -> Vec<String> {
    let mut lines = Vec::new();
    for (level, word) in [("error", "failed"), ("warning", "partial")] {
        let of_level: Vec<(String, String)> = snapshots
            .iter()
            .filter_map(|s| {
                let (l, message) = verdict(s, timed_out)?;
                (l == level).then(|| {
                    (
                        format!("{} {}", s.target.service(), s.target.label()),
                        message,
                    )
                })
            })
            .collect();
        let shown = if of_level.len() > MAX_ANNOTATIONS {
            MAX_ANNOTATIONS - 1
        } else {
            of_level.len()
        };
        for (title, message) in &of_level[..shown] {
            lines.push(command(level, title, message));
        }
        if shown < of_level.len() {
            let more = of_level.len() - shown;
            let message = format!("... and {more} more {word}: see {where_}");
            lines.push(command(level, "pipewatch", &message));
        }
    }
    lines
}

/// `error` or `warning`, and the message; None for a target that
/// succeeded, or that is simply not finished (a one-off query, Ctrl-C).
fn verdict(s: &Snapshot, timed_out: bool) -> Option<(&'static str, String)> {
    if let Some(e) = &s.error {
        let message = if timed_out && e.kind.is_transient() {
            format!("timed out while unreachable: {}", e.message)
        } else {
            e.message.clone()
        };
        return Some(("error", message));
    }
    let said = |word: &str| match s.details.as_str() {
        "" => word.to_owned(),
        details => format!("{word}: {details}"),
    };
    match s.state {
        State::Succeeded => None,
        State::Failed => Some(("error", said("failed"))),
        State::Cancelled => Some(("error", said("cancelled"))),
        State::Partial => Some(("warning", said("partial"))),
        State::Pending | State::Running | State::Unknown if timed_out => {
            Some(("error", timed_out_while(s)))
        }
        State::Pending | State::Running | State::Unknown => None,
    }
}

/// `timed out while running (IN_PROGRESS, 9/20 45%)`: the state it was
/// left in, with the vendor's status where it says more, and progress.
fn timed_out_while(s: &Snapshot) -> String {
    let Some(status) = &s.status else {
        return "timed out before any answer".to_owned();
    };
    let mut said = Vec::new();
    if !status.eq_ignore_ascii_case(s.state.as_str()) {
        said.push(status.clone());
    }
    if let Some(p) = &s.progress {
        said.push(super::table::progress(p));
    }
    let mut message = format!("timed out while {}", s.state.as_str());
    if !said.is_empty() {
        message.push_str(&format!(" ({})", said.join(", ")));
    }
    message
}

/// Whether the runner could find a command in `text`: any `::` (a command
/// at the start of a line; a superset, so nothing slips through) or any
/// `##[` (the legacy form, read anywhere in a line).
pub fn could_hold_commands(text: &str) -> bool {
    text.contains("::") || text.contains("##[")
}

/// `text` between `::stop-commands::<token>` and `::<token>::`: the
/// runner reads no command in between, and prints the lines as they are.
/// The token must be unguessable and absent from `text`, so that the text
/// cannot end the fence itself.
pub fn fenced(text: &str, token: &str) -> String {
    let newline = if text.ends_with('\n') { "" } else { "\n" };
    format!("::stop-commands::{token}\n{text}{newline}::{token}::\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ErrorKind, Progress, TargetError};

    #[test]
    fn ten_of_each_kind_the_tenth_counting_the_rest() {
        let failed: Vec<Snapshot> = (0..24)
            .map(|i| Snapshot {
                state: State::Failed,
                status: Some("ERROR".into()),
                ..pipeline(&format!("p{i}"))
            })
            .collect();
        let lines = annotations(&failed, false, "the summary");
        assert_eq!(lines.len(), 10);
        assert!(lines[8].starts_with("::error title=llama.pipeline p8::failed"));
        assert_eq!(
            lines[9],
            "::error title=pipewatch::... and 15 more failed: see the summary"
        );
        // Ten exactly: all ten, none counting.
        assert_eq!(annotations(&failed[..10], false, "x").len(), 10);
        assert!(annotations(&failed[..10], false, "x")[9].contains("p9"));
    }

    #[test]
    fn data_escaping_keeps_a_message_on_its_line() {
        assert_eq!(escape_data("a%b\r\nc"), "a%25b%0D%0Ac");
        // `%` first: a literal `%0A` must not come back as a newline.
        assert_eq!(escape_data("%0A"), "%250A");
        // `::` and `,` are harmless in data: the first `::` ends the command.
        assert_eq!(escape_data("x::error::y, z: w"), "x::error::y, z: w");
    }

    #[test]
    fn property_escaping_keeps_a_title_one_property() {
        assert_eq!(escape_property("batch a:b,c%\nd"), "batch a%3Ab%2Cc%25%0Ad");
        // Without it, `,line=1` would add a property and `::` end them.
        let title = "p,line=1::fake";
        assert_eq!(escape_property(title), "p%2Cline=1%3A%3Afake");
    }

    #[test]
    fn commands_sanitize_then_escape() {
        assert_eq!(
            command("error", "llama.pipeline p:1", "bad\u{1b}[31m\nline 100%"),
            "::error title=llama.pipeline p%3A1::bad line 100%25"
        );
    }

    fn pipeline(id: &str) -> Snapshot {
        Snapshot::unobserved(
            crate::services::example_target("llama.pipeline", &[("pipeline_id", id)]).unwrap(),
        )
    }

    fn ended(state: State, status: &str, details: &str) -> Snapshot {
        Snapshot {
            state,
            status: Some(status.into()),
            details: details.into(),
            ..pipeline("p")
        }
    }

    #[test]
    fn one_line_per_target_that_did_not_end_well() {
        let failed = ended(State::Failed, "ERROR", "PARSE: Failed to parse report.pdf");
        assert_eq!(
            annotation(&failed, false).as_deref(),
            Some("::error title=llama.pipeline p::failed: PARSE: Failed to parse report.pdf")
        );
        let cancelled = ended(State::Cancelled, "CANCELLED", "");
        assert_eq!(
            annotation(&cancelled, false).as_deref(),
            Some("::error title=llama.pipeline p::cancelled")
        );
        let partial = ended(State::Partial, "PARTIAL_SUCCESS", "2 errors");
        assert_eq!(
            annotation(&partial, true).as_deref(),
            Some("::warning title=llama.pipeline p::partial: 2 errors")
        );
        assert_eq!(
            annotation(&ended(State::Succeeded, "SUCCESS", ""), true),
            None
        );
        let not_found = Snapshot {
            error: Some(TargetError {
                kind: ErrorKind::NotFound,
                http_status: Some(404),
                code: None,
                message: "HTTP 404 Not Found: Not found.".into(),
            }),
            ..pipeline("p")
        };
        assert_eq!(
            annotation(&not_found, false).as_deref(),
            Some("::error title=llama.pipeline p::HTTP 404 Not Found: Not found.")
        );
    }

    #[test]
    fn not_finished_is_an_error_only_when_the_watch_timed_out() {
        let mut running = ended(State::Running, "IN_PROGRESS", "");
        assert_eq!(annotation(&running, false), None);
        running.progress = Some(Progress {
            percent: Some(45.0),
            done: Some(9),
            total: Some(20),
            ..Progress::default()
        });
        assert_eq!(
            annotation(&running, true).as_deref(),
            Some(
                "::error title=llama.pipeline p::timed out while running (IN_PROGRESS, 9/20 45%25)"
            )
        );
        let batch_word = ended(State::Running, "running", "");
        assert_eq!(
            annotation(&batch_word, true).as_deref(),
            Some("::error title=llama.pipeline p::timed out while running")
        );
        assert_eq!(
            annotation(&pipeline("p"), true).as_deref(),
            Some("::error title=llama.pipeline p::timed out before any answer")
        );
        let outage = Snapshot {
            error: Some(TargetError {
                kind: ErrorKind::Unavailable,
                http_status: Some(503),
                code: None,
                message: "HTTP 503 Service Unavailable".into(),
            }),
            ..pipeline("p")
        };
        assert_eq!(
            annotation(&outage, true).as_deref(),
            Some(
                "::error title=llama.pipeline p::timed out while unreachable: HTTP 503 Service Unavailable"
            )
        );
    }

    #[test]
    fn the_fence_goes_up_only_where_a_command_could_hide() {
        assert!(!could_hold_commands("INFO parsed 3 files at 10:00:01\n"));
        assert!(could_hold_commands("  ::add-mask::x"));
        assert!(could_hold_commands("text ##[set-output name=a;]b"));
        assert_eq!(
            fenced("a\n::error::b", "t0k"),
            "::stop-commands::t0k\na\n::error::b\n::t0k::\n"
        );
        assert_eq!(fenced("a\n", "t"), "::stop-commands::t\na\n::t::\n");
    }
}
