//! The signals that end a run as Ctrl-C does (CONTRACT §12): SIGINT,
//! SIGTERM (GitLab cancelling a job, GitHub after its SIGINT, `docker
//! stop`) and SIGHUP (the terminal closed). Each ends the watch with the
//! last known state printed, the summary written and the terminal
//! restored; the exit code is 128 + the signal's number.
//!
//! One listener per process, installed by [`listen`], remembers the first
//! of them: a signal that comes while nothing waits for one (between a
//! query and its report) is not lost, and a closed stdout can ask whether
//! a signal came with it (CONTRACT §17: a CI cancel signals the whole
//! process group, and `| tee` may die of it first).

use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use tokio::sync::Notify;

use crate::model::ExitCode;

/// What ended the run before its end: a signal, or stdout closed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stop {
    /// SIGINT (Ctrl-C): 130.
    Interrupted,
    /// SIGTERM: 143.
    Terminated,
    /// SIGHUP: 129.
    HungUp,
    /// A write to stdout failed: nobody reads it any more (`| head`).
    StdoutClosed,
}

impl Stop {
    pub fn exit_code(self) -> ExitCode {
        match self {
            Stop::Interrupted => ExitCode::Interrupted,
            Stop::Terminated => ExitCode::Terminated,
            Stop::HungUp => ExitCode::HungUp,
            Stop::StdoutClosed => ExitCode::StdoutClosed,
        }
    }

    /// Whether a signal ended the run (not its stdout).
    pub fn is_signal(self) -> bool {
        self != Stop::StdoutClosed
    }
}

/// The first signal received, once one has been.
static FIRST: OnceLock<Stop> = OnceLock::new();
/// Wakes those waiting in [`stop`] when the first signal comes.
static ARRIVED: Notify = Notify::const_new();
/// Whether [`listen`] has installed the handlers.
static LISTENING: AtomicBool = AtomicBool::new(false);

/// Install the handlers of SIGINT, SIGTERM and SIGHUP, once per process,
/// on the current tokio runtime: from then on none of the three kills the
/// process (as PID 1 of a container, where the kernel would ignore them,
/// they are now heard), and the first is remembered for [`stop`] and
/// [`received`]. A handler that cannot be installed (no signal support)
/// leaves that signal's default as it was.
pub fn listen() {
    if LISTENING.swap(true, Ordering::SeqCst) {
        return;
    }
    #[cfg(unix)]
    {
        use tokio::signal::unix::{Signal, SignalKind, signal};
        // Made here, not in the task: the handlers are in place as soon as
        // this returns, before the task first runs.
        let int = signal(SignalKind::interrupt()).ok();
        let term = signal(SignalKind::terminate()).ok();
        let hup = signal(SignalKind::hangup()).ok();
        async fn next(signal: Option<Signal>) {
            match signal {
                Some(mut signal) => {
                    if signal.recv().await.is_none() {
                        std::future::pending::<()>().await;
                    }
                }
                None => std::future::pending::<()>().await,
            }
        }
        tokio::spawn(async move {
            let stop = tokio::select! {
                () = next(int) => Stop::Interrupted,
                () = next(term) => Stop::Terminated,
                () = next(hup) => Stop::HungUp,
            };
            arrived(stop);
        });
    }
    #[cfg(not(unix))]
    tokio::spawn(async {
        if tokio::signal::ctrl_c().await.is_ok() {
            arrived(Stop::Interrupted);
        }
    });
}

fn arrived(stop: Stop) {
    let _ = FIRST.set(stop);
    ARRIVED.notify_waiters();
}

/// The first signal received so far, if any.
pub fn received() -> Option<Stop> {
    FIRST.get().copied()
}

/// Wait for the first of SIGINT, SIGTERM and SIGHUP (at once if one came
/// already), listening from now on if nothing did yet.
pub async fn stop() -> Stop {
    listen();
    loop {
        let notified = ARRIVED.notified();
        tokio::pin!(notified);
        // Registered before looking, so a signal in between still wakes us.
        notified.as_mut().enable();
        if let Some(stop) = received() {
            return stop;
        }
        notified.await;
    }
}

/// How long a closed stdout waits for a signal sent with it: the signal of
/// a process group reaches every member at once, so it is due within the
/// runtime's next turn; this is the margin.
const WITH_A_CLOSED_STDOUT: Duration = Duration::from_millis(200);

/// What ended a run whose stdout was found closed: a signal that came
/// with it (a CI cancel that killed `| tee` too) wins; else the closed
/// stdout itself.
pub async fn with_closed_stdout() -> Stop {
    match tokio::time::timeout(WITH_A_CLOSED_STDOUT, stop()).await {
        Ok(signal) => signal,
        Err(_) => Stop::StdoutClosed,
    }
}
