//! A status run's options, resolved: what the command line, the config
//! file and the terminal say, as plain data. `app` resolves them; the poll
//! loop, the display and the report receive them.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::model::Items;
use crate::render::Palette;

/// How results are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Table,
    Json,
    Quiet,
}

/// Everything a status run needs besides the targets, resolved.
#[derive(Debug)]
pub struct RunOptions {
    pub mode: Mode,
    pub watch: bool,
    pub events: bool,
    /// `--wait-for-creation`: a 404 while watching is a target not created
    /// yet, pending, not an end (CONTRACT §17).
    pub wait_for_creation: bool,
    pub interval: Duration,
    pub timeout: Option<Duration>,
    pub allow_partial: bool,
    pub request_timeout: Duration,
    pub retries: u32,
    pub concurrency: usize,
    pub verbose: bool,
    /// `--logs`: each target's logs (Clarifeye's raw_logs) after the table.
    pub show_logs: bool,
    /// `--items`: which items of each job to list.
    pub items: Option<Items>,
    pub stdout: Palette,
    /// stdout's width when it is a terminal (None: a file or a pipe):
    /// tables are cut to fit it, and errors need no second copy on stderr.
    pub stdout_width: Option<usize>,
    pub stderr: Palette,
    /// stderr is a terminal that can redraw: show live bars while watching.
    pub live: bool,
    /// Reports for CI: `--summary` and `GITHUB_ACTIONS`.
    pub ci: Ci,
}

/// Reports for CI (CONTRACT §11), resolved before anything else so that a
/// run stopped by a config error still gets its summary.
#[derive(Clone, Debug, Default)]
pub struct Ci {
    /// `--summary PATH`: append a Markdown report when the run ends.
    pub summary: Option<Summary>,
    /// `--metrics-file PATH`: write the run's Prometheus series when it ends.
    pub metrics_file: Option<MetricsFile>,
    /// `GITHUB_ACTIONS=true`: annotate what did not end well with workflow
    /// commands on stderr, and fence stdout that could hold one.
    pub github_actions: bool,
}

/// Where the summary goes, and what it says was run.
#[derive(Clone, Debug, Default)]
pub struct Summary {
    pub path: PathBuf,
    /// The command line as run: quoted for a shell, any user name or
    /// password in a URL masked.
    pub command: String,
}

/// Where the Prometheus series of a run go (CONTRACT §15), when the run
/// started, for `pipewatch_probe_duration_seconds`, and what it is about,
/// for their `subject` label (CONTRACT §17).
#[derive(Clone, Debug)]
pub struct MetricsFile {
    pub path: PathBuf,
    pub started: Instant,
    /// The command's subject in a few words (`batch nightly`): see
    /// [`crate::model::Subject::label`].
    pub subject: String,
}
