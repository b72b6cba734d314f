//! What a service makes of one answer: normalized states (CONTRACT §3),
//! progress, errors and the rows of a run's side tables.

use crate::model::outage::Outage;

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

#[cfg(test)]
mod tests {
    use super::*;

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
