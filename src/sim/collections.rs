//! The collection grammar: what a list key's words make of its items.
//!
//! A collection (a pipeline's files, a project's batch jobs or runs) holds
//! `items<N>` items (default 20). Item `i` of N has its own scenario: it
//! ends `D * (i+1) / N` after the collection's first request (D: the key's
//! duration), so a watched collection fills linearly and is done at D. The
//! "troubled" items, `i % 10 == 0`, end in the key's outcome word; the
//! others succeed. Each item's ID spells its scenario in words, so the
//! single-target endpoint answers the same outcome for it.
//!
//! Pure functions of the key and the time since the first request; an
//! item is computed on demand, so a page costs O(page), not O(N).

use std::time::Duration;

use super::decision::{Phase, phase_at};
use super::scenario::{DEFAULT_ITEMS, Outcome, Scenario};

/// The most items a collection holds, whatever its `items<N>` says: a
/// status-counts request walks them all.
pub(crate) const MAX_ITEMS: u64 = 1_000_000;

/// The words only collections know.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Words {
    /// Item i first appears at `D * 0.5 * i / N`.
    pub growing: bool,
    /// The last item is listed only before `D / 2`.
    pub vanishing: bool,
    /// Paging never ends.
    pub endless: bool,
    /// The pipeline's status-counts endpoint answers 404.
    pub nocounts: bool,
    /// `cap<N>`: offset pages hold at most N items whatever the `limit`
    /// asked, as DRF's `max_limit` or a proxy caps them.
    pub cap: Option<u64>,
}

impl Words {
    /// The page size a server capped by `cap<N>` answers for `limit`.
    pub(crate) fn capped(&self, limit: u64) -> u64 {
        self.cap.map_or(limit, |cap| limit.min(cap))
    }

    pub(crate) fn parse(id: &str) -> Words {
        let mut words = Words::default();
        for word in id.split(['-', '_']) {
            match word.to_ascii_lowercase().as_str() {
                "growing" => words.growing = true,
                "vanishing" => words.vanishing = true,
                "endless" => words.endless = true,
                "nocounts" => words.nocounts = true,
                word => {
                    if let Some(cap) = word.strip_prefix("cap").and_then(|n| n.parse().ok()) {
                        words.cap = Some(u64::max(cap, 1));
                    }
                }
            }
        }
        words
    }
}

/// What a collection's items are, as the API that lists them declares it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Kind {
    /// The first word of an item's ID: `file`, `bjb`, `run`, `job`.
    pub prefix: &'static str,
    /// A troubled item of a `partial` collection fails instead: the
    /// listing's status enum has no partial success.
    pub partial_fails: bool,
    /// Words after the item's scenario in its ID, by index (a batch job's
    /// `items20` and type), each with its leading `-`.
    pub tail: fn(u64) -> String,
}

impl Kind {
    /// Items whose IDs say only their scenario.
    pub(crate) const fn new(prefix: &'static str) -> Kind {
        Kind {
            prefix,
            partial_fails: false,
            tail: |_| String::new(),
        }
    }
}

/// A collection, parsed from the words of its list key.
#[derive(Clone, Debug)]
pub(crate) struct Collection {
    pub kind: Kind,
    pub outcome: Outcome,
    pub duration: Duration,
    /// Items it holds, at most [`MAX_ITEMS`].
    pub len: u64,
    pub words: Words,
    pub escape: bool,
}

/// One item of a collection.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Item {
    pub kind: Kind,
    pub index: u64,
    pub outcome: Outcome,
    /// From the collection's first request to the item's outcome.
    pub duration: Duration,
    pub escape: bool,
}

impl Collection {
    /// `scenario` is the key's (parsed from its identifier), `id` the identifier.
    pub(crate) fn new(kind: Kind, scenario: &Scenario, id: &str) -> Collection {
        Collection {
            kind,
            outcome: scenario.outcome,
            duration: scenario.duration,
            len: scenario.items.min(MAX_ITEMS),
            words: Words::parse(id),
            escape: scenario.escape,
        }
    }

    /// Item `i` (0-based, below `len`).
    pub(crate) fn item(&self, index: u64) -> Item {
        let troubled = index % 10 == 0;
        let outcome = match (troubled, self.outcome) {
            (false, _) => Outcome::Success,
            // PARTIAL_SUCCESS is not a file status in the list's enum.
            (true, Outcome::Partial) if self.kind.partial_fails => Outcome::Failure,
            (true, outcome) => outcome,
        };
        let n = u128::from(self.len.max(1));
        let ms = self.duration.as_millis() * (u128::from(index) + 1) / n;
        Item {
            kind: self.kind,
            index,
            outcome,
            duration: Duration::from_millis(u64::try_from(ms).unwrap_or(u64::MAX)),
            escape: self.escape,
        }
    }

    /// When item `i` first appears in the listing: at once, or with
    /// `growing` at `D * 0.5 * i / N`.
    pub(crate) fn appears_at(&self, index: u64) -> Duration {
        if !self.words.growing {
            return Duration::ZERO;
        }
        let nanos =
            self.duration.as_nanos() * u128::from(index) / (2 * u128::from(self.len.max(1)));
        Duration::from_nanos(u64::try_from(nanos).unwrap_or(u64::MAX))
    }

    /// How many items are listed `elapsed` after the first request: always
    /// the first ones, since items join at the end and only the last vanishes.
    pub(crate) fn visible(&self, elapsed: Duration) -> u64 {
        // appears_at is monotonic: find the first item not yet there.
        let (mut lo, mut hi) = (0, self.len);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.appears_at(mid) <= elapsed {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if self.words.vanishing && elapsed >= self.duration / 2 {
            lo.min(self.len.saturating_sub(1))
        } else {
            lo
        }
    }
}

impl Item {
    /// The item's ID, its scenario in words: `file-0007-ok-1700ms`,
    /// `bjb-0002-ok-2s-items20`, `run-0003-partial-900ms`, then its kind's
    /// tail and `escape`.
    pub(crate) fn id(&self) -> String {
        let mut id = format!(
            "{}-{:04}-{}",
            self.kind.prefix,
            self.index,
            outcome_word(self.outcome)
        );
        let ms = self.duration.as_millis();
        if ms > 0 && ms % 1000 == 0 {
            id.push_str(&format!("-{}s", ms / 1000));
        } else if ms > 0 {
            id.push_str(&format!("-{ms}ms"));
        }
        id.push_str(&(self.kind.tail)(self.index));
        if self.escape {
            id.push_str("-escape");
        }
        id
    }

    /// The scenario the words of [`Item::id`] parse to (built directly, so
    /// that a page of 1,000 items parses no strings).
    pub(crate) fn scenario(&self) -> Scenario {
        Scenario {
            outcome: self.outcome,
            duration: self.duration,
            items: DEFAULT_ITEMS,
            delay: None,
            prelude: None,
            fault: None,
            escape: self.escape,
            held: false,
            deprecated: false,
            chaos: 0,
            seed: 0,
        }
    }

    /// The item `elapsed` after the collection's first request.
    pub(crate) fn phase_at(&self, elapsed: Duration) -> Phase {
        phase_at(&self.scenario(), elapsed)
    }

    /// A file name; stems and types take turns so name filters have
    /// something to find: `slides-0008.pptx`, `scan-0009.png`,
    /// `notes-0010.docx`, `report-0011.pdf`.
    pub(crate) fn file_name(&self) -> String {
        file_name(self.index)
    }
}

/// The name of file or batch item `index`, and its type.
pub(crate) fn file_name(index: u64) -> String {
    let (stem, ext) = FILE_TYPES[(index % FILE_TYPES.len() as u64) as usize];
    format!("{stem}-{index:04}.{ext}")
}

/// The type (extension) of file `index`.
pub(crate) fn file_type(index: u64) -> &'static str {
    FILE_TYPES[(index % FILE_TYPES.len() as u64) as usize].1
}

const FILE_TYPES: [(&str, &str); 4] = [
    ("slides", "pptx"),
    ("scan", "png"),
    ("notes", "docx"),
    ("report", "pdf"),
];

fn outcome_word(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Success => "ok",
        Outcome::Partial => "partial",
        Outcome::Failure => "failed",
        Outcome::Cancelled => "cancelled",
        Outcome::Pending => "pending",
        Outcome::Running => "running",
        Outcome::Mystery => "mystery",
    }
}
