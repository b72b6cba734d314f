//! A collection's lines in a log (stderr not a terminal), CONTRACT §12:
//! one progress line per poll when the counts moved
//! (`<time> <service> P/* 1200/3000 done, 3 failed, 1797 waiting`), and
//! the watch adds one line per item that ends not succeeded. Items that
//! succeed are counted, not listed: 3,000 files make a few hundred lines,
//! not 8,000.

use std::time::SystemTime;

use crate::model::Target;
use crate::model::{Snapshot, State};
use crate::render::json::timestamp;
use crate::util::sanitize::sanitize;

/// Where a collection stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub total: usize,
    /// Items in a terminal state (or with an error that will not clear).
    pub done: usize,
    /// Of those, the ones that did not end well: failed, cancelled, errored.
    pub failed: usize,
}

impl Counts {
    /// The counts of these items.
    pub fn of<'a>(items: impl IntoIterator<Item = &'a Snapshot>) -> Counts {
        let mut counts = Counts::default();
        for s in items {
            counts.total += 1;
            if s.is_final() {
                counts.done += 1;
                if s.error.is_some() || matches!(s.state, State::Failed | State::Cancelled) {
                    counts.failed += 1;
                }
            }
        }
        counts
    }
}

/// The progress lines of one collection.
#[derive(Default)]
pub struct CollectionLog {
    last: Option<Counts>,
}

impl CollectionLog {
    /// The line for this poll, or None when nothing moved since the last.
    pub fn line(&mut self, listing: &Target, counts: Counts, now: SystemTime) -> Option<String> {
        if self.last == Some(counts) {
            return None;
        }
        self.last = Some(counts);
        Some(format!(
            "{} {} {} {}/{} done, {} failed, {} waiting",
            timestamp(now),
            listing.service(),
            sanitize(&listing.label()),
            counts.done,
            counts.total,
            counts.failed,
            counts.total - counts.done
        ))
    }
}

/// Whether an item's change gets a line of its own in the log: it ended,
/// and not in success.
pub fn worth_a_line(item: &Snapshot) -> bool {
    item.is_final() && !(item.error.is_none() && item.state == State::Succeeded)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn file(id: &str, state: State) -> Snapshot {
        Snapshot {
            state,
            status: Some(state.as_str().to_owned()),
            ..Snapshot::unobserved(
                crate::services::example_target(
                    "llama.file",
                    &[("pipeline_id", "P"), ("file_id", id)],
                )
                .unwrap(),
            )
        }
    }

    #[test]
    fn one_line_when_the_counts_move() {
        let listing =
            crate::services::example_target("llama.file", &[("pipeline_id", "P"), ("all", "true")])
                .unwrap();
        let items = [
            file("a", State::Succeeded),
            file("b", State::Failed),
            file("c", State::Running),
        ];
        let counts = Counts::of(&items);
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_795_341_600);
        let mut log = CollectionLog::default();
        assert_eq!(
            log.line(&listing, counts, now).as_deref(),
            Some("2026-11-22T10:00:00Z llama.file P/* 2/3 done, 1 failed, 1 waiting")
        );
        assert_eq!(log.line(&listing, counts, now), None);
        assert!(worth_a_line(&items[1]));
        assert!(!worth_a_line(&items[0]) && !worth_a_line(&items[2]));
    }
}
