//! Everything known about one target at one moment, as the engine hands
//! it to renderers.

use std::time::SystemTime;

use serde_json::Value;
use serde_json::value::RawValue;

use crate::model::attachment::Attachment;
use crate::model::exit::ExitCode;
use crate::model::outage::Outage;
use crate::model::state::{Classified, ErrorKind, ErrorRow, Progress, State, StepRow, TargetError};
use crate::model::target::Target;

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
    /// What the report carries besides the target's status, in the
    /// order of the envelope's fields after `error`.
    pub attachments: Vec<Attachment>,
    /// What the API keeps of the target from one poll to the next (a goal
    /// fixed at the first answer, jobs already known to be over): its own,
    /// handed back with the previous snapshot.
    pub kept: Option<Value>,
    /// The transient failure `error` comes from, with when the request is
    /// asked again: what the live line says (CONTRACT §12).
    pub outage: Option<Outage>,
}

/// The details of a target that answered 404 under `--wait-for-creation`.
pub const NOT_FOUND_YET: &str = "not found yet";

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
            attachments: Vec::new(),
            kept: None,
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

    /// With `--wait-for-creation` (CONTRACT §17): a target that answered
    /// 404 is not created yet, so pending, its details `not found yet`,
    /// its body kept as its response; any other snapshot as it is.
    pub fn awaiting_creation(self) -> Snapshot {
        match &self.error {
            Some(e) if e.kind == ErrorKind::NotFound && e.http_status == Some(404) => Snapshot {
                state: State::Pending,
                details: NOT_FOUND_YET.to_owned(),
                error: None,
                ..self
            },
            _ => self,
        }
    }

    /// Whether this is a target not created yet (see
    /// [`Snapshot::awaiting_creation`]): what a timeout's line names it as.
    pub fn is_awaiting_creation(&self) -> bool {
        self.error.is_none()
            && self.status.is_none()
            && self.state == State::Pending
            && self.details == NOT_FOUND_YET
    }

    /// A target that `--timeout` (`timeout`) left without any answer, its
    /// first request still in flight: error kind `timeout`, as a probe cut
    /// by its scrape's deadline says it (CONTRACT §17). Any other snapshot
    /// as it is: one that answered keeps its state, one whose requests
    /// failed transiently keeps that failure.
    pub fn unanswered_within(self, timeout: std::time::Duration) -> Snapshot {
        let unanswered = self.error.is_none()
            && self.response.is_none()
            && self.status.is_none()
            && self.state == State::Unknown
            && self.details.is_empty();
        if !unanswered {
            return self;
        }
        let message = format!(
            "no answer within --timeout {}",
            humantime::format_duration(timeout)
        );
        Snapshot {
            error: Some(TargetError {
                kind: ErrorKind::Timeout,
                http_status: None,
                code: None,
                message,
            }),
            ..self
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

    /// Add `attachment`, in place of one with the same field.
    pub fn attach(&mut self, attachment: Attachment) {
        self.attachments.retain(|a| a.field != attachment.field);
        self.attachments.push(attachment);
    }

    /// The attachment whose envelope field is `field`, if it has one.
    pub fn attachment(&self, field: &str) -> Option<&Attachment> {
        self.attachments.iter().find(|a| a.field == field)
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
