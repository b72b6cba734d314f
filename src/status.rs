//! The normalized model every service maps into: states, progress, errors,
//! snapshots of one target, and the exit-code severity order of CONTRACT §5.

use std::time::SystemTime;

use serde_json::Value;
use serde_json::value::RawValue;

use crate::outage::Outage;
use crate::target::Target;

/// One normalized state (CONTRACT §3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum State {
    Pending,
    Running,
    Succeeded,
    Partial,
    Failed,
    Cancelled,
    Unknown,
}

impl State {
    /// The seven states, in the contract's order.
    pub const ALL: [State; 7] = [
        State::Pending,
        State::Running,
        State::Succeeded,
        State::Partial,
        State::Failed,
        State::Cancelled,
        State::Unknown,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            State::Pending => "pending",
            State::Running => "running",
            State::Succeeded => "succeeded",
            State::Partial => "partial",
            State::Failed => "failed",
            State::Cancelled => "cancelled",
            State::Unknown => "unknown",
        }
    }

    /// Whether watching stops at this state.
    pub fn is_terminal(self) -> bool {
        matches!(
            self,
            State::Succeeded | State::Partial | State::Failed | State::Cancelled
        )
    }
}

/// Progress where the API reports it. Every field is optional because each
/// vendor reports a different subset.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Progress {
    pub percent: Option<f64>,
    pub done: Option<u64>,
    pub total: Option<u64>,
    pub failed: Option<u64>,
    pub skipped: Option<u64>,
}

/// Why a target has no status (CONTRACT §4 `error.kind`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    NotFound,
    Gone,
    Invalid,
    Auth,
    Unavailable,
    Timeout,
    BadResponse,
}

impl ErrorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::NotFound => "not_found",
            ErrorKind::Gone => "gone",
            ErrorKind::Invalid => "invalid",
            ErrorKind::Auth => "auth",
            ErrorKind::Unavailable => "unavailable",
            ErrorKind::Timeout => "timeout",
            ErrorKind::BadResponse => "bad_response",
        }
    }

    /// Transient errors may clear up on their own: a watch keeps polling.
    pub fn is_transient(self) -> bool {
        matches!(self, ErrorKind::Unavailable | ErrorKind::Timeout)
    }

    /// The error kind for a non-success HTTP status, or None for 2xx.
    pub fn from_http_status(code: u16) -> Option<ErrorKind> {
        Some(match code {
            200..=299 => return None,
            401 | 403 => ErrorKind::Auth,
            404 => ErrorKind::NotFound,
            410 => ErrorKind::Gone,
            408 | 429 | 500..=599 => ErrorKind::Unavailable,
            400..=499 => ErrorKind::Invalid,
            // 1xx and 3xx that reach us (a redirect loop, a missing Location)
            // are not a documented answer.
            _ => ErrorKind::BadResponse,
        })
    }
}

/// A target that could not be classified, with what the server said.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetError {
    pub kind: ErrorKind,
    pub http_status: Option<u16>,
    /// The vendor's own error code (Feldera's `error_code`), when it sent one.
    pub code: Option<String>,
    pub message: String,
}

impl TargetError {
    /// A body was read (under the size cap) and was not the documented
    /// JSON. Mid-watch this is more often a maintenance page or a cut
    /// connection than a changed API: see `watch::poll_until_final`.
    pub fn is_malformed_body(&self) -> bool {
        self.kind == ErrorKind::BadResponse && self.http_status.is_some()
    }
}

impl From<&Outage> for TargetError {
    fn from(outage: &Outage) -> TargetError {
        TargetError {
            kind: if outage.timeout {
                ErrorKind::Timeout
            } else {
                ErrorKind::Unavailable
            },
            http_status: outage.http_status,
            code: None,
            message: outage.report_message(),
        }
    }
}

/// A row of a Clarifeye run's steps table.
#[derive(Clone, Debug, PartialEq)]
pub struct StepRow {
    pub name: String,
    pub step: String,
    pub status: String,
    pub warnings: Option<String>,
}

/// A row of a LlamaCloud errors table.
#[derive(Clone, Debug, PartialEq)]
pub struct ErrorRow {
    pub job_id: String,
    pub step: String,
    pub message: String,
}

/// What a service makes of one successful response body.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Classified {
    pub state: Option<State>,
    /// The vendor's status as received; None when the body has none (a
    /// listed item without a status).
    pub status: Option<String>,
    pub progress: Option<Progress>,
    /// Vendor timestamp of the last change, as sent.
    pub updated: Option<String>,
    /// One short line for the table's details column.
    pub details: String,
    pub steps: Vec<StepRow>,
    pub errors: Vec<ErrorRow>,
    pub logs: Option<String>,
}

/// Everything known about one target at one moment.
#[derive(Clone, Debug)]
pub struct Snapshot {
    pub target: Target,
    pub state: State,
    /// The vendor's own status string, as received.
    pub status: Option<String>,
    pub progress: Option<Progress>,
    pub observed_at: SystemTime,
    /// The response body as received, when it was JSON: its compact text
    /// (key order and number text kept), a third of the memory of a parsed
    /// value, which counts when a collection holds 10,000 items.
    pub response: Option<Box<RawValue>>,
    pub error: Option<TargetError>,
    pub updated: Option<String>,
    pub details: String,
    pub steps: Vec<StepRow>,
    pub errors: Vec<ErrorRow>,
    pub logs: Option<String>,
    /// Something that went wrong without changing the outcome (a
    /// pipeline's progress could not be had), warned about once.
    pub warning: Option<String>,
    /// A batch job's items, when they were listed.
    pub items: Option<JobItems>,
    /// The transient failure `error` comes from, with when the request is
    /// asked again: what the live line says (CONTRACT §12).
    pub outage: Option<Outage>,
}

/// Items of a batch job, as listed: those `--items` asked for, or the
/// first failed ones a partial or failed job shows unasked.
#[derive(Clone, Debug, PartialEq)]
pub struct JobItems {
    /// The status listed; None for every item.
    pub status: Option<String>,
    /// The items as received.
    pub items: Vec<Value>,
    /// How many more items of that status there are than listed.
    pub more: u64,
    /// `--items` asked for them: they go into the JSON envelope too.
    pub asked: bool,
}

impl Snapshot {
    /// A snapshot of a target that has not been observed yet (interrupted
    /// before its first answer).
    pub fn unobserved(target: Target) -> Snapshot {
        Snapshot {
            target,
            state: State::Unknown,
            status: None,
            progress: None,
            observed_at: SystemTime::now(),
            response: None,
            error: None,
            updated: None,
            details: String::new(),
            steps: Vec::new(),
            errors: Vec::new(),
            logs: None,
            warning: None,
            items: None,
            outage: None,
        }
    }

    /// `target` as last known (`known`, if it ever answered), now failing
    /// transiently as `failed` says: the state, status and progress stay
    /// what they were, the error and outage are the new ones.
    pub fn failing(known: Option<&Snapshot>, failed: Snapshot) -> Snapshot {
        match known {
            Some(known) if known.error.is_none() => Snapshot {
                observed_at: failed.observed_at,
                error: failed.error,
                outage: failed.outage,
                warning: None,
                ..known.clone()
            },
            _ => failed,
        }
    }

    /// A target whose request failed transiently as `outage` says.
    pub fn from_outage(target: Target, outage: Outage) -> Snapshot {
        Snapshot {
            error: Some(TargetError::from(&outage)),
            outage: Some(outage),
            ..Snapshot::unobserved(target)
        }
    }

    /// One snapshot per target, in order: what was observed, or an
    /// unobserved one where no answer came (Ctrl-C, a deadline).
    pub fn last_known(observed: Vec<Option<Snapshot>>, targets: &[Target]) -> Vec<Snapshot> {
        observed
            .into_iter()
            .zip(targets)
            .map(|(s, t)| s.unwrap_or_else(|| Snapshot::unobserved(t.clone())))
            .collect()
    }

    pub fn from_classified(target: Target, body: &Value, c: Classified) -> Snapshot {
        Snapshot::classified(target, raw(body), c)
    }

    fn classified(target: Target, response: Option<Box<RawValue>>, c: Classified) -> Snapshot {
        Snapshot {
            state: c.state.unwrap_or(State::Unknown),
            status: c.status,
            progress: c.progress,
            response,
            updated: c.updated,
            details: c.details,
            steps: c.steps,
            errors: c.errors,
            logs: c.logs,
            ..Snapshot::unobserved(target)
        }
    }

    /// A listed item: `item` is its JSON text as the page held it, on one
    /// line if the page was `compact`.
    pub fn from_listed(
        target: Target,
        item: Box<RawValue>,
        compact: bool,
        c: Classified,
    ) -> Snapshot {
        // An envelope is one line: an item laid out over several lines
        // (a pretty-printing server) is written again compactly.
        let response = if compact {
            Some(item)
        } else {
            serde_json::from_str::<Value>(item.get())
                .ok()
                .as_ref()
                .and_then(raw)
        };
        Snapshot::classified(target, response, c)
    }

    pub fn from_error(target: Target, response: Option<&Value>, error: TargetError) -> Snapshot {
        Snapshot {
            response: response.and_then(raw),
            error: Some(error),
            ..Snapshot::unobserved(target)
        }
    }

    /// Whether watching this target should stop: a terminal state, or an
    /// error that will not clear up by asking again.
    pub fn is_final(&self) -> bool {
        match &self.error {
            Some(e) => !e.kind.is_transient(),
            None => self.state.is_terminal(),
        }
    }

    /// The exit code this target alone calls for.
    pub fn exit_code(&self, allow_partial: bool, watch_timed_out: bool) -> ExitCode {
        if let Some(e) = &self.error {
            return match e.kind {
                ErrorKind::NotFound | ErrorKind::Gone | ErrorKind::Invalid => ExitCode::NotFound,
                ErrorKind::Auth => ExitCode::Auth,
                ErrorKind::Unavailable | ErrorKind::Timeout if watch_timed_out => {
                    ExitCode::WatchTimeout
                }
                ErrorKind::Unavailable | ErrorKind::Timeout => ExitCode::Unavailable,
                ErrorKind::BadResponse => ExitCode::BadResponse,
            };
        }
        match self.state {
            State::Succeeded => ExitCode::Success,
            State::Partial if allow_partial => ExitCode::Success,
            State::Partial => ExitCode::Partial,
            State::Failed => ExitCode::Failed,
            State::Cancelled => ExitCode::Cancelled,
            State::Pending | State::Running | State::Unknown if watch_timed_out => {
                ExitCode::WatchTimeout
            }
            State::Pending | State::Running | State::Unknown => ExitCode::NotFinished,
        }
    }
}

/// A JSON value as compact text. Serializing a `Value` cannot fail (its
/// keys are strings); None only to be safe.
fn raw(value: &Value) -> Option<Box<RawValue>> {
    serde_json::value::to_raw_value(value).ok()
}

/// The documented exit codes (CONTRACT §5).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExitCode {
    Success = 0,
    Failed = 1,
    Usage = 2,
    Partial = 3,
    Cancelled = 4,
    NotFinished = 5,
    WatchTimeout = 6,
    NotFound = 7,
    Auth = 8,
    Unavailable = 9,
    BadResponse = 10,
    Interrupted = 130,
    /// Ended by SIGTERM (a CI job cancelled): 128 + 15.
    Terminated = 143,
    /// Ended by SIGHUP (the terminal closed): 128 + 1.
    HungUp = 129,
    /// stdout was closed under us (`| head`): 128 + SIGPIPE's 13, as a
    /// shell reports a command that SIGPIPE ended.
    StdoutClosed = 141,
}

impl ExitCode {
    /// Most severe first: with several targets the first of this list that
    /// applies to any target wins.
    pub const SEVERITY: [ExitCode; 15] = [
        ExitCode::Usage,
        ExitCode::Interrupted,
        ExitCode::Terminated,
        ExitCode::HungUp,
        ExitCode::StdoutClosed,
        ExitCode::Auth,
        ExitCode::Unavailable,
        ExitCode::BadResponse,
        ExitCode::NotFound,
        ExitCode::Failed,
        ExitCode::Cancelled,
        ExitCode::WatchTimeout,
        ExitCode::Partial,
        ExitCode::NotFinished,
        ExitCode::Success,
    ];

    pub fn code(self) -> u8 {
        self as u8
    }

    /// Position in [`ExitCode::SEVERITY`]; lower is more severe.
    fn rank(self) -> usize {
        Self::SEVERITY
            .iter()
            .position(|c| *c == self)
            .unwrap_or(Self::SEVERITY.len())
    }

    /// The more severe of two codes.
    pub fn worst(self, other: ExitCode) -> ExitCode {
        if other.rank() < self.rank() {
            other
        } else {
            self
        }
    }

    /// The overall code of many targets.
    pub fn combine(codes: impl IntoIterator<Item = ExitCode>) -> ExitCode {
        codes.into_iter().fold(ExitCode::Success, ExitCode::worst)
    }
}

/// Every exit code with what it means, in numeric order: the one source of
/// the table `pipewatch --help` shows and of the man page's EXIT STATUS.
pub const EXIT_CODES: [(ExitCode, &str); 15] = [
    (ExitCode::Success, "every target succeeded"),
    (ExitCode::Failed, "a target failed (ERROR, failed)"),
    (ExitCode::Usage, "usage or configuration error"),
    (
        ExitCode::Partial,
        "a target finished partially (and --allow-partial was not given)",
    ),
    (ExitCode::Cancelled, "a target was cancelled or aborted"),
    (
        ExitCode::NotFinished,
        "one-shot query: a target is not finished yet (pending, running, unknown)",
    ),
    (ExitCode::WatchTimeout, "--watch reached --timeout first"),
    (
        ExitCode::NotFound,
        "a target does not exist or was refused as invalid (HTTP 400, 404, 410, 422, other 4xx)",
    ),
    (
        ExitCode::Auth,
        "authentication or permission refused (HTTP 401, 403)",
    ),
    (
        ExitCode::Unavailable,
        "service unavailable after retries (connection failure, timeout, 5xx, 429)",
    ),
    (
        ExitCode::BadResponse,
        "unexpected response (not the documented JSON, or over the size limit)",
    ),
    (ExitCode::HungUp, "ended by SIGHUP, as Ctrl-C does"),
    (ExitCode::Interrupted, "interrupted (Ctrl-C)"),
    (
        ExitCode::StdoutClosed,
        "stdout was closed (| head): quietly ended",
    ),
    (
        ExitCode::Terminated,
        "ended by SIGTERM (a CI job cancelled), as Ctrl-C does",
    ),
];

/// The table `pipewatch --help` shows after the options, built from
/// [`EXIT_CODES`] and [`ExitCode::SEVERITY`].
pub fn exit_codes_help() -> String {
    // `push_str(&format!())` rather than `write!`: with `write!` the release
    // binary came out about 60 kB bigger (rustc 1.95, thin LTO).
    let mut help = String::from("Exit codes:\n");
    for (code, meaning) in EXIT_CODES {
        help.push_str(&format!("    {:<5}{meaning}\n", code.code()));
    }
    // Ctrl-C's kin (SIGTERM, SIGHUP, a closed stdout) rank with it, as the
    // contract writes it: `2, 130 (and 143, 129), 8, ...`.
    let kin = [
        ExitCode::Terminated,
        ExitCode::HungUp,
        ExitCode::StdoutClosed,
    ];
    let mut order: Vec<String> = Vec::new();
    for code in ExitCode::SEVERITY.iter().filter(|c| !kin.contains(c)) {
        order.push(code.code().to_string());
        if *code == ExitCode::Interrupted {
            let kin: Vec<String> = kin.iter().map(|c| c.code().to_string()).collect();
            order.push(format!("(and {})", kin.join(", ")));
        }
    }
    help.push_str(&format!(
        "  With several targets, the first of {} that applies wins.",
        order.join(", ").replace(", (and", " (and")
    ));
    help
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn severity_order_matches_contract() {
        let codes: Vec<u8> = ExitCode::SEVERITY.iter().map(|c| c.code()).collect();
        assert_eq!(
            codes,
            [2, 130, 143, 129, 141, 8, 9, 10, 7, 1, 4, 6, 3, 5, 0]
        );
    }

    #[test]
    fn exit_codes_list_every_code_once_in_numeric_order() {
        let listed: Vec<u8> = EXIT_CODES.iter().map(|(c, _)| c.code()).collect();
        let mut all: Vec<u8> = ExitCode::SEVERITY.iter().map(|c| c.code()).collect();
        all.sort_unstable();
        assert_eq!(listed, all);
    }

    /// `pipewatch --help` ends with this text; scripts and docs quote it.
    #[test]
    fn exit_codes_help_is_unchanged() {
        let expected = "\
Exit codes:
    0    every target succeeded
    1    a target failed (ERROR, failed)
    2    usage or configuration error
    3    a target finished partially (and --allow-partial was not given)
    4    a target was cancelled or aborted
    5    one-shot query: a target is not finished yet (pending, running, unknown)
    6    --watch reached --timeout first
    7    a target does not exist or was refused as invalid (HTTP 400, 404, 410, 422, other 4xx)
    8    authentication or permission refused (HTTP 401, 403)
    9    service unavailable after retries (connection failure, timeout, 5xx, 429)
    10   unexpected response (not the documented JSON, or over the size limit)
    129  ended by SIGHUP, as Ctrl-C does
    130  interrupted (Ctrl-C)
    141  stdout was closed (| head): quietly ended
    143  ended by SIGTERM (a CI job cancelled), as Ctrl-C does
  With several targets, the first of 2, 130 (and 143, 129, 141), 8, 9, 10, 7, 1, 4, 6, 3, 5, 0 that applies wins.";
        assert_eq!(exit_codes_help(), expected);
    }

    #[test]
    fn combine_picks_the_most_severe() {
        use ExitCode::*;
        assert_eq!(ExitCode::combine([]), Success);
        assert_eq!(ExitCode::combine([Success, NotFinished, Partial]), Partial);
        assert_eq!(ExitCode::combine([Failed, NotFound]), NotFound);
        assert_eq!(ExitCode::combine([BadResponse, Unavailable]), Unavailable);
        assert_eq!(ExitCode::combine([Cancelled, WatchTimeout, Failed]), Failed);
        assert_eq!(ExitCode::combine([Auth, Interrupted]), Interrupted);
    }

    #[test]
    fn terminal_states() {
        let terminal: Vec<_> = State::ALL
            .into_iter()
            .filter(|s| s.is_terminal())
            .map(State::as_str)
            .collect();
        assert_eq!(terminal, ["succeeded", "partial", "failed", "cancelled"]);
    }

    #[test]
    fn http_status_kinds() {
        let kind = |c| ErrorKind::from_http_status(c).map(ErrorKind::as_str);
        assert_eq!(kind(200), None);
        assert_eq!(kind(202), None);
        assert_eq!(kind(400), Some("invalid"));
        assert_eq!(kind(401), Some("auth"));
        assert_eq!(kind(403), Some("auth"));
        assert_eq!(kind(404), Some("not_found"));
        assert_eq!(kind(409), Some("invalid"));
        assert_eq!(kind(410), Some("gone"));
        assert_eq!(kind(422), Some("invalid"));
        assert_eq!(kind(429), Some("unavailable"));
        assert_eq!(kind(503), Some("unavailable"));
        assert_eq!(kind(302), Some("bad_response"));
    }
}
