//! The ID grammar: how the words of a key decide what the simulator answers.
//!
//! Here the words become a [`Scenario`]; `decision.rs` says what a scenario
//! answers at a moment. Both are pure functions of the key, the request
//! number and the time since the key was first seen, so they are tested
//! without a server.

use std::time::Duration;

/// How a job ends (or that it never does).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Outcome {
    Success,
    Partial,
    Failure,
    Cancelled,
    /// Never leaves pending.
    Pending,
    /// Never leaves running; progress stuck at [`STUCK_WORK`].
    Running,
    /// An unknown vendor status, forever.
    Mystery,
}

impl Outcome {
    /// Share of the work done when the job ends: a failed or cancelled job stops early.
    pub(crate) fn final_work(self) -> f64 {
        match self {
            Outcome::Failure => 0.6,
            Outcome::Cancelled => 0.3,
            Outcome::Pending => 0.0,
            Outcome::Running | Outcome::Mystery => STUCK_WORK,
            Outcome::Success | Outcome::Partial => 1.0,
        }
    }
}

/// Work done by a job that is stuck running.
pub(crate) const STUCK_WORK: f64 = 0.4;
/// Items in a batch job unless the key says `items<N>`.
pub(crate) const DEFAULT_ITEMS: u64 = 20;
/// Delay of every response for `stall`; longer than any sane client timeout in tests.
pub(crate) const STALL: Duration = Duration::from_secs(30);
/// The longest duration a key can ask for; longer ones are cut to this, so
/// times computed from it cannot overflow.
const MAX_DURATION: Duration = Duration::from_secs(366 * 24 * 3600);
/// Delay of every response for `slow`.
pub(crate) const SLOW: Duration = Duration::from_secs(1);
/// Delay of a `chaos` stall: long enough to hold a connection, shorter
/// than the default request timeout, so the answer still arrives.
pub(crate) const CHAOS_STALL: Duration = Duration::from_secs(5);

/// Errors served before the normal answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Prelude {
    /// Two 503s.
    Flaky,
    /// One 429 with `Retry-After: 1`.
    RateLimited,
    /// One 429 with `retry-after-ms: 300`.
    RateLimitedMs,
}

/// A fault that replaces (or bends) every answer for the key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Fault {
    Unavailable,
    /// Always 429 with `Retry-After: 10`: a service that rate-limits for good.
    Throttled,
    Boom,
    Reset,
    NotFound,
    Gone,
    Invalid,
    Unprocessable,
    Unauthorized,
    Forbidden,
    Teapot,
    Conflict,
    Html,
    NoStatus,
    NotJson,
    Huge,
    HugeCl,
    Redirect,
}

/// A transient fault that `chaos<N>` puts on N% of requests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Chaos {
    /// 503 with a vendor error body.
    Unavailable,
    /// 429 with `Retry-After: 1`.
    RateLimited,
    /// The connection is closed unanswered.
    Reset,
    /// The normal answer, [`CHAOS_STALL`] late.
    Stall,
    /// 200 with truncated JSON.
    Malformed,
}

impl Chaos {
    pub(crate) const ALL: [Chaos; 5] = [
        Chaos::Unavailable,
        Chaos::RateLimited,
        Chaos::Reset,
        Chaos::Stall,
        Chaos::Malformed,
    ];

    pub(crate) fn index(self) -> usize {
        self as usize
    }

    pub(crate) fn name(self) -> &'static str {
        match self {
            Chaos::Unavailable => "503",
            Chaos::RateLimited => "429",
            Chaos::Reset => "reset",
            Chaos::Stall => "stall",
            Chaos::Malformed => "malformed",
        }
    }
}

impl Fault {
    /// The faults that answer a vendor error status. With a duration they
    /// start when it ends (`gone-30s`: a token that goes 410 after 30 s);
    /// the others apply from the first request.
    pub(crate) fn is_error_status(self) -> bool {
        !matches!(
            self,
            Fault::Reset
                | Fault::Html
                | Fault::NoStatus
                | Fault::NotJson
                | Fault::Huge
                | Fault::HugeCl
                | Fault::Redirect
        )
    }
}

/// What a key asks for, parsed once from its words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Scenario {
    pub outcome: Outcome,
    /// Time from the first request to the outcome; zero means "already there".
    pub duration: Duration,
    /// Batch `total_items`.
    pub items: u64,
    /// Delay before every response (`stall`, `slow`).
    pub delay: Option<Duration>,
    pub prelude: Option<Prelude>,
    pub fault: Option<Fault>,
    /// Put terminal escape sequences into the vendor's text fields.
    pub escape: bool,
    /// `held`: while pending, a v2 job or batch says `THROTTLED` (queued
    /// work the vendor holds back).
    pub held: bool,
    /// `deprecated`: every answer says its endpoint is going away
    /// (`Deprecation` and `Sunset` headers, RFC 9745 and RFC 8594).
    pub deprecated: bool,
    /// Percentage of requests that get a [`Chaos`] fault (`chaos<N>`).
    pub chaos: u8,
    /// Seeds the choice of chaos faults: a hash of the key, so the same
    /// key sees the same faults on the same requests in every run.
    pub seed: u64,
}

impl Scenario {
    /// Parse a key: words are split on `-` and `_` and compared lowercase;
    /// in each category the first word found wins, unknown words are ignored.
    pub(crate) fn parse(key: &str) -> Scenario {
        let mut outcome = None;
        let mut duration = None;
        let mut items = None;
        let mut delay = None;
        let mut prelude = None;
        let mut fault = None;
        let mut escape = false;
        let mut held = false;
        let mut deprecated = false;
        let mut chaos = None;
        for word in key.split(['-', '_']) {
            let word = word.to_ascii_lowercase();
            let word = word.as_str();
            if let Some(o) = outcome_word(word) {
                outcome.get_or_insert(o);
            } else if let Some(d) = duration_word(word) {
                duration.get_or_insert(d);
            } else if let Some(n) = word.strip_prefix("items").and_then(parse_digits) {
                items.get_or_insert(n);
            } else if let Some(n) = word.strip_prefix("chaos").and_then(parse_digits) {
                chaos.get_or_insert(n.min(100) as u8);
            } else if let Some(p) = prelude_word(word) {
                prelude.get_or_insert(p);
            } else if let Some(f) = fault_word(word) {
                fault.get_or_insert(f);
            } else if word == "stall" {
                delay.get_or_insert(STALL);
            } else if word == "slow" {
                delay.get_or_insert(SLOW);
            } else if word == "escape" {
                escape = true;
            } else if word == "held" {
                held = true;
            } else if word == "deprecated" {
                deprecated = true;
            }
        }
        Scenario {
            outcome: outcome.unwrap_or(Outcome::Success),
            duration: duration.unwrap_or(Duration::ZERO),
            items: items.unwrap_or(DEFAULT_ITEMS),
            delay,
            prelude,
            fault,
            escape,
            held,
            deprecated,
            chaos: chaos.unwrap_or(0),
            seed: fnv1a(key.as_bytes()),
        }
    }
}

/// FNV-1a: a stable hash (std's `DefaultHasher` may change between Rust
/// releases), so a chaos run is the same on every machine.
pub(crate) fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn outcome_word(word: &str) -> Option<Outcome> {
    Some(match word {
        "ok" | "succeeded" | "success" | "done" => Outcome::Success,
        "partial" => Outcome::Partial,
        "failed" | "error" => Outcome::Failure,
        "cancelled" | "aborted" => Outcome::Cancelled,
        "pending" => Outcome::Pending,
        "running" => Outcome::Running,
        "mystery" => Outcome::Mystery,
        _ => return None,
    })
}

fn prelude_word(word: &str) -> Option<Prelude> {
    Some(match word {
        "flaky" => Prelude::Flaky,
        "ratelimited" => Prelude::RateLimited,
        "ratelimitedms" => Prelude::RateLimitedMs,
        _ => return None,
    })
}

fn fault_word(word: &str) -> Option<Fault> {
    Some(match word {
        "unavailable" => Fault::Unavailable,
        "throttled" => Fault::Throttled,
        "boom" => Fault::Boom,
        "reset" => Fault::Reset,
        "notfound" => Fault::NotFound,
        "gone" => Fault::Gone,
        "invalid" => Fault::Invalid,
        "unprocessable" => Fault::Unprocessable,
        "unauthorized" => Fault::Unauthorized,
        "forbidden" => Fault::Forbidden,
        "teapot" => Fault::Teapot,
        "conflict" => Fault::Conflict,
        "html" => Fault::Html,
        "nostatus" => Fault::NoStatus,
        "notjson" => Fault::NotJson,
        "huge" => Fault::Huge,
        "hugecl" => Fault::HugeCl,
        "redirect" => Fault::Redirect,
        _ => return None,
    })
}

/// `6s` or `1500ms`; anything else (including `s`, `ms`, overflow) is not a duration.
fn duration_word(word: &str) -> Option<Duration> {
    let duration = match word.strip_suffix("ms").and_then(parse_digits) {
        Some(n) => Duration::from_millis(n),
        None => Duration::from_secs(word.strip_suffix('s').and_then(parse_digits)?),
    };
    Some(duration.min(MAX_DURATION))
}

/// Only plain ASCII digits: `u64::from_str` would also take a leading `+`.
fn parse_digits(s: &str) -> Option<u64> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Remove every word `redirect` from a raw key, with the separator before it,
/// so the redirect target is the same job without the redirect.
pub(crate) fn without_redirect(raw_key: &str) -> String {
    // (separator before the word, word)
    let mut parts = Vec::new();
    let mut sep = "";
    let mut rest = raw_key;
    while let Some(i) = rest.find(['-', '_']) {
        parts.push((sep, &rest[..i]));
        sep = &rest[i..i + 1];
        rest = &rest[i + 1..];
    }
    parts.push((sep, rest));
    let mut out = String::with_capacity(raw_key.len());
    let kept = parts
        .into_iter()
        .filter(|(_, word)| !word.eq_ignore_ascii_case("redirect"));
    for (i, (sep, word)) in kept.enumerate() {
        // The first word kept loses its separator: `redirect-x` -> `x`.
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(word);
    }
    if out.is_empty() {
        "ok".to_string()
    } else {
        out
    }
}
