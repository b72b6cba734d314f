//! A status run's options, resolved: what the command line, the config
//! file and the terminal say, as plain data. `app` resolves them; the poll
//! loop, the display and the report receive them.

use std::time::Duration;

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
    pub interval: Duration,
    pub timeout: Option<Duration>,
    pub allow_partial: bool,
    pub request_timeout: Duration,
    pub retries: u32,
    pub concurrency: usize,
    pub verbose: bool,
    pub show_logs: bool,
    pub stdout: Palette,
    /// stdout's width when it is a terminal: tables are cut to fit it.
    pub stdout_width: Option<usize>,
    pub stderr: Palette,
    /// stderr is a terminal that can redraw: show live bars while watching.
    pub live: bool,
}
