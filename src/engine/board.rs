//! What a watch knows of every target it has seen, and what it shows of
//! each answer: a line or a live bar, an `--events` envelope, and the
//! target's last transient failure, kept for the final report.

use std::collections::{HashMap, HashSet};
use std::time::{Duration, SystemTime};

use crate::engine::collection_log::{CollectionLog, Counts, worth_a_line};
use crate::engine::options::{Mode, RunOptions};
use crate::engine::progress::{Display, status_word};
use crate::engine::report::{Warned, print_stdout, warn_once};
use crate::model::Snapshot;
use crate::model::outage::Outage;
use crate::model::{Subject, Target};
use crate::render::json;
use crate::util::sanitize::sanitize;

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
    state: crate::model::State,
    progress: Option<crate::model::Progress>,
    error: Option<(crate::model::ErrorKind, Option<u16>)>,
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
pub struct Board<'a> {
    rows: Vec<Row>,
    index: HashMap<Target, usize>,
    options: &'a RunOptions,
    pub display: Display,
    warned: Warned,
    /// A collection's progress lines, when they go to a log.
    log: Option<CollectionLog>,
}

impl<'a> Board<'a> {
    /// The board of a watch of `subject`, with a row for each target given.
    pub fn new(subject: &Subject, options: &'a RunOptions, given: &[Target]) -> Board<'a> {
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
        board
    }

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
    pub fn observe(&mut self, snapshot: Snapshot, outage: bool) -> anyhow::Result<()> {
        let i = self.row(&snapshot.target);
        for warning in warn_once(std::slice::from_ref(&snapshot), &mut self.warned) {
            self.display.say(&warning);
        }
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
    pub fn listed(&mut self, listing: &Target, items: Vec<Snapshot>) -> anyhow::Result<()> {
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
    pub fn into_snapshots(self, given: &[Target]) -> Vec<Snapshot> {
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
