//! The poll loop: every target is polled every `interval` (measured from the
//! end of one poll to the start of the next) until it is final; one deadline
//! is shared by all; Ctrl-C stops at once. Pollers send what they see into
//! a channel and this one loop reports it.
//!
//! A collection has one poller: it lists again each poll and sends the
//! whole listing; the loop tells joined, changed and vanished items apart.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use tokio::sync::mpsc;
use tokio::task::JoinSet;
use tokio::time::Instant;

use crate::collection_log::{CollectionLog, Counts, worth_a_line};
use crate::http;
use crate::listing;
use crate::options::{Mode, RunOptions};
use crate::outage::Outage;
use crate::progress::{Display, status_word};
use crate::query::{Context, check};
use crate::render::json;
use crate::report::{Warned, is_stdout_closed, print_stdout, warn_once};
use crate::sanitize::sanitize;
use crate::signals::{self, Stop};
use crate::status::Snapshot;
use crate::target::{Collection, Subject, Target};

/// How a run of queries ended, with the last known snapshot of every target.
pub struct Ended {
    pub snapshots: Vec<Snapshot>,
    /// A signal (Ctrl-C, SIGTERM, SIGHUP) or a closed stdout came first.
    pub interrupted: Option<Stop>,
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
    /// A request for `target` failed transiently and is about to be
    /// waited out (or, retries spent, will come back as its answer).
    Outage { target: Target, outage: Outage },
}

/// Tell the loop of each transient failure of `target`'s requests, as it
/// happens: a request waiting out a `Retry-After` sends nothing else.
fn teller(target: &Target, tx: &mpsc::UnboundedSender<Update>) -> http::TellOutage {
    let (target, tx) = (target.clone(), tx.clone());
    Arc::new(move |outage| {
        let target = target.clone();
        let _ = tx.send(Update::Outage { target, outage });
    })
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
    let tell = teller(&target, &tx);
    loop {
        let snapshot = http::reporting_outages(tell.clone(), check(&ctx, target.clone())).await;
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
    let tell = teller(&collection.listing, &tx);
    loop {
        let filtered = chosen.is_none();
        let listed = listing::list(&ctx, &collection, filtered);
        let update = match http::reporting_outages(tell.clone(), listed).await {
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
    /// The target as last known, failing transiently now (CONTRACT §12):
    /// what the final report says while the failure lasts.
    failing: Option<Snapshot>,
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

/// A transient failure as the final answer of a poll (its retries spent)
/// comes without the outage the HTTP core told just before: take that
/// one's live text, with the next poll's wait.
fn told(row: &Row, mut failed: Snapshot, interval: Duration) -> Snapshot {
    if failed.outage.is_some() {
        return failed;
    }
    let status = failed.error.as_ref().and_then(|e| e.http_status);
    let last = row.failing.as_ref().and_then(|f| f.outage.as_ref());
    if let Some(last) = last.filter(|o| o.http_status == status) {
        failed.outage = Some(Outage {
            retry_in: Some(interval),
            ..last.clone()
        });
    }
    failed
}

/// Every target the watch has seen, in the order first seen (argument
/// order for targets given; listing order for a collection's items).
struct Board<'a> {
    rows: Vec<Row>,
    index: HashMap<Target, usize>,
    options: &'a RunOptions,
    display: Display,
    warned: Warned,
    /// A collection's progress lines, when they go to a log.
    log: Option<CollectionLog>,
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
            failing: None,
        });
        self.index.insert(target.clone(), self.rows.len() - 1);
        self.rows.len() - 1
    }

    /// Take in one answer for one target.
    fn observe(&mut self, snapshot: Snapshot, outage: bool) -> anyhow::Result<()> {
        let i = self.row(&snapshot.target);
        warn_once(std::slice::from_ref(&snapshot), &mut self.warned);
        let interval = self.options.interval;
        let row = &mut self.rows[i];
        row.vanished = false;
        let transient = snapshot
            .error
            .as_ref()
            .is_some_and(|e| e.kind.is_transient());
        let snapshot = if outage && transient {
            let failing = Snapshot::failing(row.known.as_ref(), told(row, snapshot, interval));
            row.failing = Some(failing.clone());
            failing
        } else {
            row.failing = None;
            snapshot
        };
        let changed = !row
            .shown
            .as_ref()
            .is_some_and(|shown| shown.same(&snapshot));
        // In a log, a collection's items that end well are counted, not
        // listed (see `collection_log`).
        let listed_item = self.log.is_some() && !snapshot.target.is_listing();
        let shown = if listed_item {
            changed && worth_a_line(&snapshot)
        } else {
            // An outage's line says when the request is asked again: it is
            // drawn again at each retry, though only a change is logged.
            changed || snapshot.outage.is_some()
        };
        if shown {
            let old = row.shown.as_ref().map(|s| s.word.as_str());
            self.display.change(i, old, &snapshot);
        }
        if changed {
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
            self.rows[i].failing = None;
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
            eprintln!(
                "warning: {} {}: no longer listed; dropped from the watch",
                target.service(),
                sanitize(&target.label())
            );
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
        if let Some(log) = &mut self.log {
            let counts = Counts::of(
                self.rows
                    .iter()
                    .filter(|row| !row.vanished)
                    .filter_map(|row| row.known.as_ref())
                    .filter(|known| !known.target.is_listing()),
            );
            if let Some(line) = log.line(listing, counts, SystemTime::now()) {
                eprintln!("{line}");
            }
        }
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
                        .and_then(|&i| {
                            let row = &self.rows[i];
                            row.failing.clone().or_else(|| row.known.clone())
                        })
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
            .filter_map(|row| row.failing.or(row.known))
            .collect()
    }
}

/// Watch the subject to its end, the deadline, a signal or a closed stdout.
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
            for target in targets.iter().filter(|t| polled.insert(*t)).cloned() {
                let poll = poll_target(Arc::clone(ctx), target, options.interval, tx.clone());
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
    let stop = signals::stop();
    tokio::pin!(stop);

    let mut board = Board {
        rows: Vec::new(),
        index: HashMap::new(),
        options,
        display: Display::new(subject, options),
        warned: Warned::default(),
        log: match (subject, options.live, options.mode) {
            (Subject::Collection(_), false, Mode::Table | Mode::Json) => {
                Some(CollectionLog::default())
            }
            _ => None,
        },
    };
    for target in given {
        board.row(target);
    }
    let (mut interrupted, mut timed_out) = (None, false);
    // The loop ends when every poller has ended (all final) and dropped
    // its sender, or at the deadline, a signal or a closed stdout.
    loop {
        let taken = tokio::select! {
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
            () = &mut sleep_until_deadline => { timed_out = true; break; }
            stopped = &mut stop => { interrupted = Some(stopped); break; }
        };
        match taken {
            Ok(()) => {}
            // `--events | head -1`: nobody reads any more, stop now.
            Err(e) if is_stdout_closed(&e) => {
                interrupted = Some(Stop::StdoutClosed);
                break;
            }
            Err(e) => return Err(e),
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
