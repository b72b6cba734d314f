//! The poll loop: every target is polled every `interval` (measured from the
//! end of one poll to the start of the next) until it is final; one deadline
//! is shared by all; Ctrl-C stops at once. Pollers send snapshots into a
//! channel and this one loop reports them.

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::mpsc;
use tokio::task::JoinSet;
use tokio::time::Instant;

use crate::http;
use crate::options::{Mode, RunOptions};
use crate::progress::Display;
use crate::query::{Context, check};
use crate::render::json;
use crate::report::{print_stdout, warn_unknown};
use crate::status::Snapshot;
use crate::target::Target;

/// How a run of queries ended, with the last known snapshot of every target.
pub struct Ended {
    pub snapshots: Vec<Snapshot>,
    /// Ctrl-C came first.
    pub interrupted: bool,
    /// `--timeout` came first.
    pub timed_out: bool,
}

/// One poll's result, as a poller reports it.
struct Poll {
    index: usize,
    snapshot: Snapshot,
    /// The target is finished: stop polling it.
    done: bool,
    /// The service is out of order for now (a transient failure, or a
    /// malformed body from a target that has answered properly before):
    /// the display says so, but the last known state stays what it was.
    outage: bool,
}

/// Poll `target` until it is final, sending every snapshot.
///
/// A malformed body (not the documented JSON, under the size cap) depends
/// on what came before it. From a target that has never answered properly
/// it is asked again, with the backoff and up to the `--retries` of a
/// transient failure, and then ends the target with exit 10: the base URL
/// is most likely wrong. Once the target has answered properly, it is an
/// outage like a 503 (a maintenance page, a cut-off answer): polling goes
/// on until the job ends or `--timeout`, so a glitch never ends a watch.
async fn poll_until_final(
    ctx: Arc<Context>,
    index: usize,
    target: Target,
    interval: Duration,
    tx: mpsc::UnboundedSender<Poll>,
) {
    let mut answered = false;
    let mut malformed = 0;
    loop {
        let snapshot = check(&ctx, target.clone()).await;
        let is_malformed = snapshot
            .error
            .as_ref()
            .is_some_and(|e| e.is_malformed_body());
        if is_malformed && !answered && malformed < ctx.client.retries() {
            tokio::time::sleep(http::backoff(malformed)).await;
            malformed += 1;
            continue;
        }
        malformed = 0;
        answered |= snapshot.error.is_none();
        let glitch = is_malformed && answered;
        let transient = snapshot
            .error
            .as_ref()
            .is_some_and(|e| e.kind.is_transient());
        let done = snapshot.is_final() && !glitch;
        let poll = Poll {
            index,
            snapshot,
            done,
            outage: transient || glitch,
        };
        if tx.send(poll).is_err() || done {
            return;
        }
        tokio::time::sleep(interval).await;
    }
}

/// Whether a new snapshot is worth a line: first sight, or a change of
/// status, state, progress or error.
fn changed(old: Option<&Snapshot>, new: &Snapshot) -> bool {
    let Some(old) = old else { return true };
    old.status != new.status
        || old.state != new.state
        || old.progress != new.progress
        || old.error.as_ref().map(|e| (e.kind, e.http_status))
            != new.error.as_ref().map(|e| (e.kind, e.http_status))
}

/// Watch every target to its end, the deadline, or Ctrl-C.
pub async fn watch(
    ctx: &Arc<Context>,
    targets: &[Target],
    options: &RunOptions,
) -> anyhow::Result<Ended> {
    let (tx, mut rx) = mpsc::unbounded_channel();
    let mut pollers = JoinSet::new();
    for (index, target) in targets.iter().cloned().enumerate() {
        pollers.spawn(poll_until_final(
            Arc::clone(ctx),
            index,
            target,
            options.interval,
            tx.clone(),
        ));
    }
    drop(tx);

    let deadline = options.timeout.map(|t| Instant::now() + t);
    let sleep_until_deadline = async {
        match deadline {
            Some(at) => tokio::time::sleep_until(at).await,
            None => std::future::pending().await,
        }
    };
    tokio::pin!(sleep_until_deadline);
    let ctrl_c = tokio::signal::ctrl_c();
    tokio::pin!(ctrl_c);

    // The last snapshot seen, and the last one that was not an outage: a
    // target that is unreachable at the end still reports the state it was
    // last known to be in.
    let mut latest: Vec<Option<Snapshot>> = vec![None; targets.len()];
    let mut known: Vec<Option<Snapshot>> = vec![None; targets.len()];
    let mut warned = HashSet::new();
    let mut display = Display::new(targets, options);
    let (mut interrupted, mut timed_out) = (false, false);
    let mut finished = 0;

    while finished < targets.len() {
        tokio::select! {
            received = rx.recv() => {
                let Some(Poll { index, snapshot, done, outage }) = received else { break };
                if done {
                    finished += 1;
                }
                warn_unknown(std::slice::from_ref(&snapshot), &mut warned);
                if changed(latest[index].as_ref(), &snapshot) {
                    display.change(index, latest[index].as_ref(), &snapshot);
                    if options.events && options.mode == Mode::Json {
                        print_stdout(&format!("{}\n", json::line(&snapshot)))?;
                    }
                }
                if !outage || known[index].is_none() {
                    known[index] = Some(snapshot.clone());
                }
                latest[index] = Some(snapshot);
            }
            () = &mut sleep_until_deadline => { timed_out = true; break; }
            _ = &mut ctrl_c => { interrupted = true; break; }
        }
    }
    pollers.abort_all();
    display.finish();

    let snapshots = Snapshot::last_known(known, targets);
    Ok(Ended {
        snapshots,
        interrupted,
        timed_out,
    })
}
