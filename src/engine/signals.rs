//! The signals that end a run as Ctrl-C does (CONTRACT §12): SIGINT,
//! SIGTERM (GitLab cancelling a job, GitHub after its SIGINT) and SIGHUP
//! (the terminal closed). Each ends the watch with the last known state
//! printed, the summary written and the terminal restored; the exit code
//! is 128 + the signal's number.

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
}

/// Wait for the first of SIGINT, SIGTERM and SIGHUP. The handlers are
/// installed when this is first polled: from then on, none of the three
/// kills the process. A handler that cannot be installed (no signal
/// support) leaves that signal's default as it was.
pub async fn stop() -> Stop {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let mut term = signal(SignalKind::terminate()).ok();
        let mut hup = signal(SignalKind::hangup()).ok();
        let next = |s: &mut Option<tokio::signal::unix::Signal>| {
            let s = s.take();
            async move {
                match s {
                    Some(mut s) => {
                        s.recv().await;
                    }
                    None => std::future::pending::<()>().await,
                }
            }
        };
        tokio::select! {
            _ = tokio::signal::ctrl_c() => Stop::Interrupted,
            () = next(&mut term) => Stop::Terminated,
            () = next(&mut hup) => Stop::HungUp,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
        Stop::Interrupted
    }
}
