//! Reports for CI at the end of a status run (CONTRACT §11): the Markdown
//! summary appended to `--summary PATH`, and under GitHub Actions one
//! workflow-command annotation per target that did not end well. Whatever
//! the exit code: a run that found nothing, was stopped by Ctrl-C or a
//! timeout, or by a config error before any query, gets its report too.

use std::io::Write;
use std::path::Path;
use std::time::SystemTime;

use crate::engine::options::Ci;
use crate::engine::report::exit_code_of;
use crate::model::Target;
use crate::model::{ExitCode, Snapshot};
use crate::render::metrics::{Poll, openmetrics};
use crate::render::{github, markdown};
use crate::util::sanitize::sanitize;

/// The `error` label of a metrics file whose run could not write its
/// output (exit 74): the run failed, not a vendor.
pub const WRITE_FAILED: &str = "output";

/// Under GitHub Actions, one `::error` or `::warning` line on stderr per
/// target that calls for one. Called before the results reach stdout: the
/// runner reads stdout and stderr as two streams, and a fence on stdout
/// (see [`crate::engine::report::fence`]) must not be open when these lines are read.
pub fn annotate(ci: &Ci, snapshots: &[Snapshot], timed_out: bool) {
    if !ci.github_actions {
        return;
    }
    let where_ = match &ci.summary {
        Some(_) => "the summary",
        None => "the log",
    };
    let mut lines = String::new();
    for line in github::annotations(snapshots, timed_out, where_) {
        lines.push_str(&line);
        lines.push('\n');
    }
    eprint!("{lines}");
}

/// Append the summary, when `--summary` asked for one. A path that cannot
/// be written costs one warning, never the run or its exit code.
pub fn summarize(ci: &Ci, code: ExitCode, error: Option<&str>, snapshots: &[Snapshot]) {
    let Some(summary) = &ci.summary else {
        return;
    };
    let path = &summary.path;
    let facts = markdown::Facts {
        command: &summary.command,
        code,
        finished_at: SystemTime::now(),
        error,
    };
    if let Err(e) = append(path, &markdown::summary(&facts, snapshots)) {
        eprintln!(
            "warning: cannot write the summary to {}: {e}",
            sanitize(&path.display().to_string())
        );
    }
}

/// A run stopped before any target had an answer (a config error, a CA
/// file that does not parse): its summary says why, and under GitHub
/// Actions so does an annotation. Returns the error for `main` to print.
pub fn stopped(ci: &Ci, error: anyhow::Error) -> anyhow::Error {
    let message = format!("{error:#}");
    if ci.github_actions {
        eprintln!("{}", github::command("error", "pipewatch", &message));
    }
    let code = exit_code_of(&error);
    summarize(ci, code, Some(&message), &[]);
    let kind = match code {
        ExitCode::Auth => "auth",
        ExitCode::Unavailable => "unavailable",
        ExitCode::BadResponse => "bad_response",
        ExitCode::Interrupted => "interrupted",
        ExitCode::Terminated | ExitCode::HungUp => "terminated",
        ExitCode::WriteFailed => WRITE_FAILED,
        _ => "usage",
    };
    export(ci, None, &[], Some(kind));
    error
}

/// Write the run's Prometheus series, when `--metrics-file` asked for
/// them: the snapshots of its targets, or the counts of its collection
/// (`listing`), with `failure` when the run had none to give. Written
/// whole or not at all, so that node_exporter's textfile collector never
/// reads half a file. A path that cannot be written costs one warning.
pub fn export(ci: &Ci, listing: Option<&Target>, snapshots: &[Snapshot], failure: Option<&str>) {
    let Some(file) = &ci.metrics_file else {
        return;
    };
    let poll = Poll::of(listing, snapshots, file.started.elapsed(), failure).about(&file.subject);
    if let Err(e) = replace(&file.path, &openmetrics(&poll)) {
        eprintln!(
            "warning: cannot write the metrics to {}: {e}",
            sanitize(&file.path.display().to_string())
        );
    }
}

/// Replace the file at `path` with `text`: a temporary file in the same
/// directory (a rename does not cross file systems), renamed over it.
fn replace(path: &Path, text: &str) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".pipewatch-metrics-").suffix(".tmp");
    // The series hold no secret: readable as any new file is (umask
    // applies), so a node_exporter running as another user can read it.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut file = builder.tempfile_in(dir)?;
    file.write_all(text.as_bytes())?;
    file.as_file().sync_all()?;
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Append `text` to the file at `path`, created if missing, in one write,
/// after a blank line when the file already holds something.
fn append(path: &Path, text: &str) -> std::io::Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(path)?;
    let separator = if file.metadata()?.len() > 0 { "\n" } else { "" };
    file.write_all(format!("{separator}{text}").as_bytes())
}
