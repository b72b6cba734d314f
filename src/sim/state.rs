//! What the simulator remembers: every request, and per key its hits,
//! timeline, script and final answer. Shared by the server handle and every
//! connection; below both, so the handlers never reach back into `mod.rs`.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};
use std::time::{Instant, SystemTime};

use super::reply::Reply;
use super::scenario;

/// Recorded requests kept at most, so a long `demo --serve` cannot grow without bound.
const MAX_RECORDED: usize = 100_000;

/// One request as it arrived, for tests to inspect.
#[derive(Clone, Debug)]
pub struct RecordedRequest {
    pub method: String,
    /// The raw path as received, still percent-encoded.
    pub path: String,
    /// The raw query as received.
    pub query: Option<String>,
    /// The Host header.
    pub host: Option<String>,
    /// The raw Authorization header value.
    pub authorization: Option<String>,
    pub user_agent: Option<String>,
    /// The `Feldera-Tenant` header.
    pub tenant: Option<String>,
    /// The decoded key, if the path matched an endpoint.
    pub key: Option<String>,
    pub at: Instant,
}

/// State shared by the handle and every connection.
#[derive(Default)]
pub(crate) struct Shared {
    pub(super) inner: Mutex<Inner>,
}

#[derive(Default)]
pub(crate) struct Inner {
    pub(super) requests: Vec<RecordedRequest>,
    pub(crate) keys: HashMap<String, KeyState>,
    /// Chaos faults served, by [`scenario::Chaos::index`].
    pub(super) chaos: [u64; scenario::Chaos::ALL.len()],
    /// The only keys accepted, once a test names them; None: any key.
    pub(super) accepted_keys: Option<Vec<String>>,
}

/// What the server remembers about one key.
#[derive(Default)]
pub(crate) struct KeyState {
    pub(crate) hits: usize,
    /// Set by the first request: the grammar's timeline runs from here.
    pub(crate) first_seen: Option<(Instant, SystemTime)>,
    pub(crate) script: Vec<Reply>,
    /// Index of the next scripted reply to serve; the last one repeats.
    pub(crate) next: usize,
    /// The request that got the first final answer, and when.
    pub(crate) final_hit: Option<(u64, Instant)>,
}

/// What the simulator saw of one key answered by the ID grammar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeyStats {
    /// Requests for the key.
    pub hits: u64,
    /// When the first request came: the key's timeline starts here.
    pub first_seen: Option<Instant>,
    /// The request (1-based) that got the key's first final answer (a
    /// terminal status, or an error status pipewatch does not retry),
    /// and when it was answered.
    pub final_hit: Option<(u64, Instant)>,
}

impl KeyStats {
    /// Requests that came after the final answer: a watch should make none.
    pub fn hits_after_final(&self) -> u64 {
        self.final_hit.map_or(0, |(n, _)| self.hits - n)
    }
}

impl Shared {
    /// The lock is only ever held for bookkeeping, never across an await; a
    /// panic elsewhere while holding it leaves the data usable, so poison is ignored.
    pub(crate) fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Inner {
    pub(crate) fn record(&mut self, request: RecordedRequest) {
        if self.requests.len() < MAX_RECORDED {
            self.requests.push(request);
        }
    }

    /// Count the chaos fault of request `hit` of `key`, and whether it got
    /// the key's final answer.
    pub(crate) fn count(
        &mut self,
        key: &str,
        hit: u64,
        chaos: Option<scenario::Chaos>,
        is_final: bool,
    ) {
        if let Some(fault) = chaos {
            self.chaos[fault.index()] += 1;
        }
        if is_final {
            if let Some(state) = self.keys.get_mut(key) {
                state.final_hit.get_or_insert((hit, Instant::now()));
            }
        }
    }
}
