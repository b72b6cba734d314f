//! A status command from resolved settings to its exit code: query or
//! watch the subject (targets given, or a collection listed), report it,
//! and combine the outcomes.

use tokio::time::Instant;

use crate::engine::items::{self, Want};
use crate::engine::options::{Mode, RunOptions};
use crate::engine::query::Context;
use crate::engine::report::{
    Warned, exit_code_of, is_stdout_closed, report, timed_out_line, warn_once, wrapped,
};
use crate::engine::signals::{self, Stop};
use crate::engine::watch::Ended;
use crate::engine::{once, prepare};
use crate::http::{ClientOptions, HttpClient};
use crate::integrations::ci::{self, WRITE_FAILED};
use crate::model::{ExitCode, Subject};
use crate::services::Api;
use crate::settings::{SettingsError, VendorSettings};
use crate::util::sanitize::sanitize;

/// Query (or watch) the subject, print the results, and say the exit code.
/// Whatever the end, the CI reports (`--summary`, annotations) are made.
pub async fn run_status(
    options: &RunOptions,
    settings: VendorSettings,
    api: &'static dyn Api,
    subject: Subject,
) -> anyhow::Result<ExitCode> {
    let client = HttpClient::new(&ClientOptions {
        request_timeout: options.request_timeout,
        retries: options.retries,
        verbose: options.verbose,
        ca_cert: settings.ca_cert.as_deref(),
        tenant: settings.tenant.as_deref(),
    })
    .map_err(|e| ci::stopped(&options.ci, SettingsError(format!("{e:#}")).into()))?;
    let ctx = Context::new(client, settings, options.concurrency, api);
    // `--timeout` counts from here: requests made first included.
    let deadline = options.timeout.map(|t| Instant::now() + t);

    // Targets that need a request first (Feldera connectors hand out their
    // tokens) make it; one whose request fails is reported as it is and
    // not polled (under --wait-for-creation, a 404 is waited out first).
    let mut waited_out = false;
    let (subject, no_token) = match subject {
        Subject::Targets(mut targets) if prepare::needed(&ctx, &targets) => {
            let failed = if options.watch && options.wait_for_creation {
                let (failed, timed_out) =
                    prepare::prepare_waiting(&ctx, &mut targets, options.interval, deadline).await;
                waited_out = timed_out;
                failed
            } else {
                prepare::prepare(&ctx, &mut targets).await
            };
            let polled = targets
                .into_iter()
                .zip(&failed)
                .filter(|(_, f)| f.is_none())
                .map(|(t, _)| t)
                .collect();
            (Subject::Targets(polled), Some(failed))
        }
        subject => (subject, None),
    };

    let ended = if options.watch {
        crate::engine::watch::watch(&ctx, &subject, options, deadline).await
    } else {
        let (snapshots, interrupted) = once::once(&ctx, &subject).await;
        for warning in warn_once(&snapshots, &mut Warned::new()) {
            eprintln!("{warning}");
        }
        Ended {
            snapshots,
            interrupted,
            timed_out: false,
            write_error: None,
        }
    };

    let mut ended = ended;
    ended.timed_out |= waited_out;
    if let Some(failed) = no_token {
        ended.snapshots = prepare::merge(failed, ended.snapshots);
    }
    // A summary shows a failed job's first failed items, as a table does.
    let want = match &options.items {
        Some(items) => Some(Want::Asked(items)),
        None if options.mode == Mode::Table || options.ci.summary.is_some() => Some(Want::Preview),
        None => None,
    };
    if let (Some(want), None) = (want, ended.interrupted) {
        for warning in items::attach(&ctx, &mut ended.snapshots, want).await {
            eprintln!("warning: {}", sanitize(&warning));
        }
    }

    if let Subject::Collection(collection) = &subject {
        if ended.snapshots.is_empty() && ended.interrupted.is_none() {
            // Nothing to wait for is not a failure, and not a result.
            eprintln!("note: no {} match; nothing to wait for", collection.noun());
            ci::summarize(&options.ci, ExitCode::Success, None, &[]);
            ci::export(&options.ci, Some(&collection.listing), &[], None);
            return Ok(ExitCode::Success);
        }
    }
    // A target the deadline left without an answer timed out, in its
    // envelope, summary and metrics file alike.
    if let (true, Some(timeout)) = (ended.timed_out, options.timeout) {
        ended.snapshots = std::mem::take(&mut ended.snapshots)
            .into_iter()
            .map(|s| s.unanswered_within(timeout))
            .collect();
    }
    // A closed stdout may have come with a signal to the whole process
    // group (a CI cancel that ended `| tee` too): the signal wins.
    if ended.interrupted == Some(Stop::StdoutClosed) {
        ended.interrupted = Some(signals::with_closed_stdout().await);
    }
    let outcome = ExitCode::combine(
        ended
            .snapshots
            .iter()
            .map(|s| s.exit_code(options.allow_partial, ended.timed_out)),
    );
    if let (true, Some(timeout)) = (ended.timed_out, options.timeout) {
        let line = timed_out_line(timeout, &ended.snapshots);
        // One line in a log; on a terminal, lines that fit it.
        let width = console::Term::stderr().size_checked().map(|(_, cols)| cols);
        match width.filter(|_| options.live) {
            Some(cols) => eprintln!("{}", wrapped(&line, usize::from(cols).saturating_sub(1))),
            None => eprintln!("{line}"),
        }
    }
    // A server that says its endpoint is going away: one note a run.
    if let (Some(deprecated), false) = (ctx.client.deprecated(), options.mode == Mode::Quiet) {
        eprintln!("{}", sanitize(&deprecated.note()));
    }
    ci::annotate(&options.ci, &ended.snapshots, ended.timed_out);
    // stdout closed by its reader, or unwritable, already: nothing more
    // goes there.
    let reported = match (ended.interrupted, ended.write_error.take()) {
        (_, Some(e)) => Err(e),
        (Some(Stop::StdoutClosed), None) => Ok(()),
        _ => report(options, &ended.snapshots),
    };
    let mut stop = ended.interrupted;
    let unwritten = match reported {
        Ok(()) => None,
        Err(e) if is_stdout_closed(&e) => {
            // Closed during the report: a signal sent with it still wins,
            // and one that came before stays what ended the run.
            if stop.is_none() {
                stop = Some(signals::with_closed_stdout().await);
            }
            None
        }
        Err(e) => Some(e),
    };
    let code = match (stop, &unwritten) {
        (Some(stop), _) if stop.is_signal() => stop.exit_code(),
        (_, Some(e)) => exit_code_of(e),
        (Some(stop), None) => stop.exit_code(),
        (None, None) => outcome,
    };
    let error = unwritten.as_ref().map(|e| format!("{e:#}"));
    ci::summarize(&options.ci, code, error.as_deref(), &ended.snapshots);
    let listing = match &subject {
        Subject::Collection(collection) => Some(&collection.listing),
        Subject::Targets(_) => None,
    };
    // Stopped by a signal, the states are the last known: the poll did not
    // end. Output that could not be written fails the run, not a target.
    let failure = match (stop, &unwritten) {
        (Some(Stop::Interrupted), _) => Some("interrupted"),
        (Some(Stop::Terminated | Stop::HungUp), _) => Some("terminated"),
        (_, Some(_)) => Some(WRITE_FAILED),
        (None | Some(Stop::StdoutClosed), None) => None,
    };
    ci::export(&options.ci, listing, &ended.snapshots, failure);
    match unwritten {
        // Said once, by `main`, with exit 74, unless a signal came first.
        Some(e) if !stop.is_some_and(Stop::is_signal) => Err(e),
        _ => Ok(code),
    }
}
