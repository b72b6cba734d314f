//! The poll loop: every target is polled every `interval` (measured from the
//! end of one poll to the start of the next) until it is final; one deadline
//! is shared by all; Ctrl-C stops at once. Pollers send what they see into
//! a channel and this one loop reports it.
//!
//! A collection has one poller: it lists again each poll and sends the
//! whole listing; the loop tells joined, changed and vanished items apart.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::mpsc;
use tokio::task::JoinSet;
use tokio::time::Instant;

use crate::engine::board::Board;
use crate::engine::listing;
use crate::engine::options::RunOptions;
use crate::engine::query::{Context, check};
use crate::engine::report::is_stdout_closed;
use crate::engine::signals::{self, Stop};
use crate::engine::together;
use crate::http;
use crate::model::Snapshot;
use crate::model::outage::{Outage, TellOutage, reporting_outages};
use crate::model::{Collection, Subject, Target};

/// How a run of queries ended, with the last known snapshot of every target.
pub struct Ended {
    pub snapshots: Vec<Snapshot>,
    /// A signal (Ctrl-C, SIGTERM, SIGHUP) or a closed stdout came first.
    pub interrupted: Option<Stop>,
    /// `--timeout` came first.
    pub timed_out: bool,
    /// An `--events` line could not be written to stdout (a full disk, not
    /// a closed pipe): the run ends with exit 74, the states as last known.
    pub write_error: Option<anyhow::Error>,
}

/// What a poller saw.
enum Update {
    /// One poll of one target.
    Polled {
        snapshot: Box<Snapshot>,
        /// The service is out of order for now (a transient failure, or a
        /// malformed body from a target that has answered properly
        /// before): the display says so, but the last known state stays.
        outage: bool,
    },
    /// One listing of a collection: every item it holds now.
    Listed(Vec<Snapshot>),
    /// A request for `target` failed transiently and is about to be
    /// waited out (or, retries spent, will come back as its answer).
    Outage { target: Target, outage: Outage },
}

/// Tell the loop of each transient failure of `target`'s requests, as it
/// happens: a request waiting out a `Retry-After` sends nothing else.
fn teller(target: &Target, tx: &mpsc::UnboundedSender<Update>) -> TellOutage {
    let (target, tx) = (target.clone(), tx.clone());
    Arc::new(move |outage| {
        let target = target.clone();
        let _ = tx.send(Update::Outage { target, outage });
    })
}

/// How a poller polls: how often, and whether a 404 is a target not
/// created yet (`--wait-for-creation`, CONTRACT §17).
#[derive(Clone, Copy, Debug)]
struct Polling {
    interval: Duration,
    wait_for_creation: bool,
}

impl Polling {
    /// An answer as the watch takes it: under `--wait-for-creation`, a 404
    /// is pending, and polling goes on.
    fn seen(self, snapshot: Snapshot) -> Snapshot {
        if self.wait_for_creation {
            snapshot.awaiting_creation()
        } else {
            snapshot
        }
    }
}

/// Whether polling stops after this answer, and whether it is an outage.
/// A malformed body (not the documented JSON, under the size cap) depends
/// on what came before it: once the target has answered properly it is an
/// outage like a 503 (a maintenance page, a cut-off answer), so a glitch
/// never ends a watch; from a target that never answered properly it is
/// asked again up to `--retries` times (see [`Retrying`]) and then ends it.
fn judge(snapshot: &Snapshot, answered: bool) -> (bool, bool) {
    let Some(error) = &snapshot.error else {
        return (snapshot.is_final(), false);
    };
    let glitch = error.is_malformed_body() && answered;
    let outage = error.kind.is_transient() || glitch;
    (snapshot.is_final() && !glitch, outage)
}

/// The malformed-body retries of a target that has not answered properly
/// yet: most likely a wrong base URL, so ask a few times, then give up.
#[derive(Default)]
struct Retrying {
    answered: bool,
    malformed: u32,
}

impl Retrying {
    /// Whether to ask again at once (after a backoff) instead of reporting.
    async fn again(&mut self, ctx: &Context, snapshot: &Snapshot) -> bool {
        let is_malformed = snapshot
            .error
            .as_ref()
            .is_some_and(|e| e.is_malformed_body());
        if is_malformed && !self.answered && self.malformed < ctx.client.retries() {
            tokio::time::sleep(http::backoff(self.malformed)).await;
            self.malformed += 1;
            return true;
        }
        self.malformed = 0;
        self.answered |= snapshot.error.is_none();
        false
    }
}

/// Poll `target` until it is final, sending every answer.
async fn poll_target(
    ctx: Arc<Context>,
    target: Target,
    how: Polling,
    tx: mpsc::UnboundedSender<Update>,
) {
    let mut retrying = Retrying::default();
    let tell = teller(&target, &tx);
    // The last answer in which the API kept something, to read it back.
    // Boxed: a poller of each of 500 targets carries it all along.
    let mut previous: Option<Box<Snapshot>> = None;
    loop {
        let checked = check(&ctx, target.clone(), previous.as_deref());
        let snapshot = reporting_outages(tell.clone(), checked).await;
        let snapshot = how.seen(snapshot);
        if retrying.again(&ctx, &snapshot).await {
            continue;
        }
        if snapshot.error.is_none() && snapshot.kept.is_some() {
            previous = Some(Box::new(snapshot.clone()));
        }
        let (done, outage) = judge(&snapshot, retrying.answered);
        let update = Update::Polled {
            snapshot: Box::new(snapshot),
            outage,
        };
        if tx.send(update).is_err() || done {
            return;
        }
        tokio::time::sleep(how.interval).await;
    }
}

/// Poll `targets`, asked together through `listing`, until each is final,
/// sending every answer; a target that is final leaves the next requests.
async fn poll_together(
    ctx: Arc<Context>,
    listing: Target,
    mut targets: Vec<Target>,
    how: Polling,
    tx: mpsc::UnboundedSender<Update>,
) {
    let mut answered: HashSet<Target> = HashSet::new();
    let mut previous: HashMap<Target, Snapshot> = HashMap::new();
    while !targets.is_empty() {
        let snapshots = together::check_together(&ctx, &listing, &targets, &previous).await;
        let mut done = HashSet::new();
        for snapshot in snapshots {
            let snapshot = how.seen(snapshot);
            if snapshot.error.is_none() {
                answered.insert(snapshot.target.clone());
                remember(&mut previous, &snapshot);
            }
            let (finished, outage) = judge(&snapshot, answered.contains(&snapshot.target));
            if finished {
                done.insert(snapshot.target.clone());
            }
            let update = Update::Polled {
                snapshot: Box::new(snapshot),
                outage,
            };
            if tx.send(update).is_err() {
                return;
            }
        }
        targets.retain(|t| !done.contains(t));
        if targets.is_empty() {
            return;
        }
        tokio::time::sleep(how.interval).await;
    }
}

/// Keep `snapshot` as its target's previous answer, when its API kept
/// something of it: a collection's items that kept nothing (most of
/// 10,000 files) are not held twice.
fn remember(previous: &mut HashMap<Target, Snapshot>, snapshot: &Snapshot) {
    if snapshot.kept.is_some() {
        previous.insert(snapshot.target.clone(), snapshot.clone());
    }
}

/// List `collection` until every item it holds is final. With `--status`,
/// the first listing chooses the items and later ones, unfiltered (the
/// items leave the filter as they change), follow those to their end.
async fn poll_collection(
    ctx: Arc<Context>,
    collection: Collection,
    how: Polling,
    tx: mpsc::UnboundedSender<Update>,
) {
    let mut retrying = Retrying::default();
    let mut chosen: Option<HashSet<Target>> = None;
    let mut previous: HashMap<Target, Snapshot> = HashMap::new();
    let tell = teller(&collection.listing, &tx);
    loop {
        let filtered = chosen.is_none();
        let listed = listing::list(&ctx, &collection, filtered, &previous);
        let update = match reporting_outages(tell.clone(), listed).await {
            Ok(mut items) => {
                retrying.answered = true;
                for item in items.iter().filter(|item| item.error.is_none()) {
                    remember(&mut previous, item);
                }
                if !collection.statuses.is_empty() {
                    match &chosen {
                        None => chosen = Some(items.iter().map(|s| s.target.clone()).collect()),
                        Some(chosen) => items.retain(|s| chosen.contains(&s.target)),
                    }
                }
                let done = items.iter().all(Snapshot::is_final);
                if tx.send(Update::Listed(items)).is_err() || done {
                    return;
                }
                None
            }
            // A listing that is not there yet (its pipeline, its project)
            // waits as a target does.
            Err(failed) => Some(Box::new(how.seen(*failed))),
        };
        if let Some(snapshot) = update {
            if retrying.again(&ctx, &snapshot).await {
                continue;
            }
            let (done, outage) = judge(&snapshot, retrying.answered);
            if tx.send(Update::Polled { snapshot, outage }).is_err() || done {
                return;
            }
        }
        tokio::time::sleep(how.interval).await;
    }
}

/// Watch the subject to its end, the deadline (`--timeout`, counted from
/// `deadline`'s start), a signal or a closed stdout.
pub async fn watch(
    ctx: &Arc<Context>,
    subject: &Subject,
    options: &RunOptions,
    deadline: Option<Instant>,
) -> Ended {
    let how = Polling {
        interval: options.interval,
        wait_for_creation: options.wait_for_creation,
    };
    let (tx, mut rx) = mpsc::unbounded_channel();
    let mut pollers = JoinSet::new();
    let given: &[Target] = match subject {
        Subject::Targets(targets) => targets,
        Subject::Collection(_) => &[],
    };
    match subject {
        Subject::Targets(targets) => {
            // A target named twice is polled once and reported twice.
            let mut polled = HashSet::new();
            let once: Vec<Target> = targets
                .iter()
                .filter(|t| polled.insert(*t))
                .cloned()
                .collect();
            let plan = together::plan(ctx.api, &once);
            for index in plan.alone {
                let target = once[index].clone();
                let poll = poll_target(Arc::clone(ctx), target, how, tx.clone());
                pollers.spawn(poll);
            }
            for (listing, indexes) in plan.together {
                let group = indexes.iter().map(|i| once[*i].clone()).collect();
                let poll = poll_together(Arc::clone(ctx), listing, group, how, tx.clone());
                pollers.spawn(poll);
            }
        }
        Subject::Collection(collection) => {
            let poll = poll_collection(Arc::clone(ctx), collection.clone(), how, tx.clone());
            pollers.spawn(poll);
        }
    }
    drop(tx);

    let sleep_until_deadline = async {
        match deadline {
            Some(at) => tokio::time::sleep_until(at).await,
            None => std::future::pending().await,
        }
    };
    tokio::pin!(sleep_until_deadline);
    let stop = signals::stop();
    tokio::pin!(stop);

    let mut board = Board::new(subject, options, given);
    let (mut interrupted, mut timed_out, mut write_error) = (None, false, None);
    // The loop ends when every poller has ended (all final) and dropped
    // its sender, or at the deadline, a signal or a closed stdout.
    loop {
        // A signal, then the deadline, before any answer: each is looked
        // at first on every turn, however busy the pollers.
        let taken = tokio::select! {
            biased;
            stopped = &mut stop => { interrupted = Some(stopped); break; }
            () = &mut sleep_until_deadline => { timed_out = true; break; }
            received = rx.recv() => match received {
                Some(Update::Polled { snapshot, outage }) => board.observe(*snapshot, outage),
                Some(Update::Outage { target, outage }) => {
                    board.observe(Snapshot::from_outage(target, outage), true)
                }
                Some(Update::Listed(items)) => match subject {
                    Subject::Collection(c) => board.listed(&c.listing, items),
                    Subject::Targets(_) => Ok(()),
                },
                None => break,
            },
        };
        match taken {
            Ok(()) => {}
            // `--events | head -1`: nobody reads any more, stop now.
            Err(e) if is_stdout_closed(&e) => {
                interrupted = Some(Stop::StdoutClosed);
                break;
            }
            // Only stdout's writes fail here: the watch ends, and the run
            // says why with what it knows.
            Err(e) => {
                write_error = Some(e);
                break;
            }
        }
    }
    pollers.abort_all();
    board.display.finish();
    let snapshots = board.into_snapshots(given);
    Ended {
        snapshots,
        interrupted,
        timed_out,
        write_error,
    }
}
