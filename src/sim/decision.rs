//! What a scenario answers at one moment: where the job is in its life
//! (its [`Phase`]), and the [`Decision`] for one request (a status body, a
//! vendor error, a fault), with the `chaos` fault it may get.
//!
//! Pure functions of the scenario, the request number and the time since
//! the key was first seen.

use std::time::Duration;

use super::scenario::{Chaos, Fault, Outcome, Prelude, STUCK_WORK, Scenario};
use crate::model::ErrorKind;

/// Share of the duration spent pending before running (half of it "dispatched").
const PENDING_SHARE: f64 = 0.15;

/// Where a job is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Stage {
    Pending,
    /// Still pending, but handed to a worker (batch `dispatched`).
    Dispatched,
    Running,
    /// Terminal: one of Success, Partial, Failure, Cancelled.
    Finished(Outcome),
    Mystery,
}

/// The state of a job at one moment.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Phase {
    pub stage: Stage,
    /// Share of the whole job's work done, 0..=1.
    pub work: f64,
    /// Time from the first request to the start of running, if it has started.
    pub started_after: Option<Duration>,
    /// Time from the first request to the end, if it has ended.
    pub finished_after: Option<Duration>,
}

/// The job's state `elapsed` after the key's first request: pending for the
/// first 15% of the duration, then running with linear progress, then the outcome.
pub(crate) fn phase_at(s: &Scenario, elapsed: Duration) -> Phase {
    let total = s.duration;
    let start = total.mul_f64(PENDING_SHARE);
    let phase = |stage, work, started_after, finished_after| Phase {
        stage,
        work,
        started_after,
        finished_after,
    };
    match s.outcome {
        Outcome::Pending => phase(Stage::Pending, 0.0, None, None),
        Outcome::Running => phase(Stage::Running, STUCK_WORK, Some(Duration::ZERO), None),
        Outcome::Mystery => phase(Stage::Mystery, STUCK_WORK, Some(Duration::ZERO), None),
        outcome => {
            let end_work = outcome.final_work();
            if elapsed >= total {
                return phase(Stage::Finished(outcome), end_work, Some(start), Some(total));
            }
            let f = elapsed.as_secs_f64() / total.as_secs_f64();
            if f < PENDING_SHARE / 2.0 {
                phase(Stage::Pending, 0.0, None, None)
            } else if f < PENDING_SHARE {
                phase(Stage::Dispatched, 0.0, None, None)
            } else {
                let run = (f - PENDING_SHARE) / (1.0 - PENDING_SHARE);
                phase(Stage::Running, end_work * run, Some(start), None)
            }
        }
    }
}

/// What to answer to one request for a key with no script.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Decision {
    /// A vendor error body with this HTTP status, and maybe a retry header.
    Error {
        status: u16,
        header: Option<(&'static str, &'static str)>,
    },
    Reset,
    Html,
    NotJson,
    Huge {
        content_length: bool,
    },
    Redirect,
    /// The normal status body; `strip_status` drops its status field.
    Status {
        phase: Phase,
        strip_status: bool,
    },
}

impl Decision {
    /// Whether pipewatch takes this answer as the end of the target: a
    /// terminal status, or an error status that is not retried.
    pub(crate) fn is_final(&self) -> bool {
        let finished = |phase: &Phase| matches!(phase.stage, Stage::Finished(_));
        match self {
            Decision::Status {
                phase,
                strip_status: false,
            } => finished(phase),
            // Whatever pipewatch does not retry ends the target.
            Decision::Error { status, .. } => {
                ErrorKind::from_http_status(*status).is_some_and(|kind| !kind.is_transient())
            }
            _ => false,
        }
    }
}

/// The chaos fault for request number `hit`, if this request gets one: a
/// stall delays the answer [`decide`] gives, the others replace it.
pub(crate) fn chaos_at(s: &Scenario, hit: u64) -> Option<Chaos> {
    if s.chaos == 0 {
        return None;
    }
    let mut rng = fastrand::Rng::with_seed(s.seed ^ hit.wrapping_mul(0x9e37_79b9_7f4a_7c15));
    if rng.u8(0..100) >= s.chaos {
        return None;
    }
    Some(Chaos::ALL[rng.usize(0..Chaos::ALL.len())])
}

/// Decide the answer to request number `hit` (1-based) for the key,
/// `elapsed` after its first request.
pub(crate) fn decide(s: &Scenario, hit: u64, elapsed: Duration) -> Decision {
    let error = |status| Decision::Error {
        status,
        header: None,
    };
    match s.prelude {
        Some(Prelude::Flaky) if hit <= 2 => return error(503),
        Some(Prelude::RateLimited) if hit <= 1 => {
            return Decision::Error {
                status: 429,
                header: Some(("retry-after", "1")),
            };
        }
        Some(Prelude::RateLimitedMs) if hit <= 1 => {
            return Decision::Error {
                status: 429,
                header: Some(("retry-after-ms", "300")),
            };
        }
        _ => {}
    }
    let status = |strip_status| Decision::Status {
        phase: phase_at(s, elapsed),
        strip_status,
    };
    let Some(fault) = s.fault else {
        return status(false);
    };
    if fault.is_error_status() && elapsed < s.duration {
        return status(false);
    }
    match fault {
        Fault::Unavailable => error(503),
        Fault::Throttled => Decision::Error {
            status: 429,
            header: Some(("retry-after", "10")),
        },
        Fault::Boom => error(500),
        Fault::NotFound => error(404),
        Fault::Gone => error(410),
        Fault::Invalid => error(400),
        Fault::Unprocessable => error(422),
        Fault::Unauthorized => error(401),
        Fault::Forbidden => error(403),
        Fault::Teapot => error(418),
        Fault::Conflict => error(409),
        Fault::Reset => Decision::Reset,
        Fault::Html => Decision::Html,
        Fault::NotJson => Decision::NotJson,
        Fault::Huge => Decision::Huge {
            content_length: false,
        },
        Fault::HugeCl => Decision::Huge {
            content_length: true,
        },
        Fault::Redirect => Decision::Redirect,
        Fault::NoStatus => status(true),
    }
}
