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

use crate::http;
use crate::listing;
use crate::options::{Mode, RunOptions};
use crate::progress::{Display, status_word};
use crate::query::{Context, check};
use crate::render::json;
use crate::report::{Warned, print_stdout, warn_once};
use crate::sanitize::sanitize;
use crate::status::Snapshot;
use crate::target::{Collection, Subject, Target};
use crate::together;

/// How a run of queries ended, with the last known snapshot of every target.
pub struct Ended {
    pub snapshots: Vec<Snapshot>,
    /// Ctrl-C came first.
    pub interrupted: bool,
    /// `--timeout` came first.
    pub timed_out: bool,
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
    interval: Duration,
    tx: mpsc::UnboundedSender<Update>,
) {
    let mut retrying = Retrying::default();
    loop {
        let snapshot = check(&ctx, target.clone()).await;
        if retrying.again(&ctx, &snapshot).await {
            continue;
        }
        let (done, outage) = judge(&snapshot, retrying.answered);
        let update = Update::Polled {
            snapshot: Box::new(snapshot),
            outage,
        };
        if tx.send(update).is_err() || done {
            return;
        }
        tokio::time::sleep(interval).await;
    }
}

/// Poll `targets`, asked together through `listing`, until each is final,
/// sending every answer; a target that is final leaves the next requests.
async fn poll_together(
    ctx: Arc<Context>,
    listing: Target,
    mut targets: Vec<Target>,
    interval: Duration,
    tx: mpsc::UnboundedSender<Update>,
) {
    let mut answered: HashSet<Target> = HashSet::new();
    while !targets.is_empty() {
        let snapshots = together::check_together(&ctx, &listing, &targets).await;
        let mut done = HashSet::new();
        for snapshot in snapshots {
            if snapshot.error.is_none() {
                answered.insert(snapshot.target.clone());
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
        tokio::time::sleep(interval).await;
    }
}

/// List `collection` until every item it holds is final. With `--status`,
/// the first listing chooses the items and later ones, unfiltered (the
/// items leave the filter as they change), follow those to their end.
async fn poll_collection(
    ctx: Arc<Context>,
    collection: Collection,
    interval: Duration,
    tx: mpsc::UnboundedSender<Update>,
) {
    let mut retrying = Retrying::default();
    let mut chosen: Option<HashSet<Target>> = None;
    loop {
        let filtered = chosen.is_none();
        let update = match listing::list(&ctx, &collection, filtered).await {
            Ok(mut items) => {
                retrying.answered = true;
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
            Err(failed) => Some(failed),
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
        tokio::time::sleep(interval).await;
    }
}

/// What the loop knows of one target (an item of a collection included).
struct Row {
    /// The last answer that was not an outage: what the target is known
    /// to be, reported at the end.
    known: Option<Snapshot>,
    /// What the last answer showed (outages included), to tell changes.
    shown: Option<Shown>,
    /// Listed once, listed no more: out of the watch.
    vanished: bool,
}

/// The parts of a snapshot whose change is worth a line or an event.
#[derive(Clone, Debug, PartialEq)]
struct Shown {
    status: Option<String>,
    state: crate::status::State,
    progress: Option<crate::status::Progress>,
    error: Option<(crate::status::ErrorKind, Option<u16>)>,
    word: String,
}

impl Shown {
    fn of(s: &Snapshot) -> Shown {
        Shown {
            status: s.status.clone(),
            state: s.state,
            progress: s.progress.clone(),
            error: s.error.as_ref().map(|e| (e.kind, e.http_status)),
            word: status_word(s),
        }
    }

    /// Whether `s` shows the same, without building what it shows (most
    /// of a collection's items are unchanged at each poll). The word is
    /// made of the other fields, so it needs no comparing.
    fn same(&self, s: &Snapshot) -> bool {
        self.status == s.status
            && self.state == s.state
            && self.progress == s.progress
            && self.error == s.error.as_ref().map(|e| (e.kind, e.http_status))
    }
}

/// Every target the watch has seen, in the order first seen (argument
/// order for targets given; listing order for a collection's items).
struct Board<'a> {
    rows: Vec<Row>,
    index: HashMap<Target, usize>,
    options: &'a RunOptions,
    display: Display,
    warned: Warned,
}

impl Board<'_> {
    fn row(&mut self, target: &Target) -> usize {
        if let Some(&i) = self.index.get(target) {
            return i;
        }
        self.rows.push(Row {
            known: None,
            shown: None,
            vanished: false,
        });
        self.index.insert(target.clone(), self.rows.len() - 1);
        self.rows.len() - 1
    }

    /// Take in one answer for one target.
    fn observe(&mut self, snapshot: Snapshot, outage: bool) -> anyhow::Result<()> {
        let i = self.row(&snapshot.target);
        for warning in warn_once(std::slice::from_ref(&snapshot), &mut self.warned) {
            self.display.say(&warning);
        }
        let row = &mut self.rows[i];
        row.vanished = false;
        if !row
            .shown
            .as_ref()
            .is_some_and(|shown| shown.same(&snapshot))
        {
            let old = row.shown.as_ref().map(|s| s.word.as_str());
            self.display.change(i, old, &snapshot);
            if self.options.events && self.options.mode == Mode::Json {
                print_stdout(&format!("{}\n", json::line(&snapshot)))?;
            }
            row.shown = Some(Shown::of(&snapshot));
        }
        if !outage || row.known.is_none() {
            row.known = Some(snapshot);
        }
        Ok(())
    }

    /// Take in a whole listing: items join or change, those missing vanish.
    fn listed(&mut self, listing: &Target, items: Vec<Snapshot>) -> anyhow::Result<()> {
        // The listing answered: a failure it had is over.
        if let Some(&i) = self.index.get(listing) {
            self.rows[i].vanished = true;
            self.display.remove(i);
        }
        let present: HashSet<usize> = items
            .iter()
            .filter_map(|s| self.index.get(&s.target).copied())
            .collect();
        for (target, &i) in &self.index {
            let row = &mut self.rows[i];
            if target == listing || row.vanished || present.contains(&i) || row.known.is_none() {
                continue;
            }
            row.vanished = true;
            self.display.remove(i);
            self.display.say(&format!(
                "warning: {} {}: no longer listed; dropped from the watch",
                target.service(),
                sanitize(&target.label())
            ));
        }
        for item in items {
            self.observe(item, false)?;
        }
        self.display.totals(
            self.rows
                .iter()
                .filter(|r| !r.vanished && r.known.is_some())
                .count(),
        );
        Ok(())
    }

    /// The final snapshots: for targets given, one per argument in
    /// argument order (a repeated argument repeats its line; an unobserved
    /// one for a target that never answered); for a collection, every item
    /// still listed, in the order first seen.
    fn into_snapshots(self, given: &[Target]) -> Vec<Snapshot> {
        if !given.is_empty() {
            return given
                .iter()
                .map(|target| {
                    self.index
                        .get(target)
                        .and_then(|&i| self.rows[i].known.clone())
                        .unwrap_or_else(|| Snapshot::unobserved(target.clone()))
                })
                .collect();
        }
        let mut order: Vec<usize> = self.index.into_values().collect();
        order.sort_unstable();
        let mut rows: Vec<Option<Row>> = self.rows.into_iter().map(Some).collect();
        order
            .into_iter()
            .filter_map(|i| rows[i].take())
            .filter(|row| !row.vanished)
            .filter_map(|row| row.known)
            .collect()
    }
}

/// Watch the subject to its end, the deadline, or Ctrl-C.
pub async fn watch(
    ctx: &Arc<Context>,
    subject: &Subject,
    options: &RunOptions,
) -> anyhow::Result<Ended> {
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
            let plan = together::plan(&once);
            for index in plan.alone {
                let target = once[index].clone();
                let poll = poll_target(Arc::clone(ctx), target, options.interval, tx.clone());
                pollers.spawn(poll);
            }
            for (listing, indexes) in plan.together {
                let group = indexes.iter().map(|i| once[*i].clone()).collect();
                let poll = poll_together(
                    Arc::clone(ctx),
                    listing,
                    group,
                    options.interval,
                    tx.clone(),
                );
                pollers.spawn(poll);
            }
        }
        Subject::Collection(collection) => {
            let poll = poll_collection(
                Arc::clone(ctx),
                collection.clone(),
                options.interval,
                tx.clone(),
            );
            pollers.spawn(poll);
        }
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

    let mut board = Board {
        rows: Vec::new(),
        index: HashMap::new(),
        options,
        display: Display::new(subject, options),
        warned: Warned::default(),
    };
    for target in given {
        board.row(target);
    }
    let (mut interrupted, mut timed_out) = (false, false);
    // The loop ends when every poller has ended (all final) and dropped
    // its sender, or at the deadline or Ctrl-C.
    loop {
        tokio::select! {
            received = rx.recv() => match received {
                Some(Update::Polled { snapshot, outage }) => board.observe(*snapshot, outage)?,
                Some(Update::Listed(items)) => {
                    if let Subject::Collection(c) = subject {
                        board.listed(&c.listing, items)?;
                    }
                }
                None => break,
            },
            () = &mut sleep_until_deadline => { timed_out = true; break; }
            _ = &mut ctrl_c => { interrupted = true; break; }
        }
    }
    pollers.abort_all();
    board.display.finish();
    let snapshots = board.into_snapshots(given);
    Ok(Ended {
        snapshots,
        interrupted,
        timed_out,
    })
}
