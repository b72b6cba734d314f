//! What every API's bodies are made with: times, stable IDs, escape text.
//! The bodies themselves are in each API's file (`apis/`), error bodies in
//! `errors.rs`.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde_json::Value;

use super::decision::Phase;
use super::scenario::Scenario;

/// Text with terminal escape sequences and control characters, for `escape` keys:
/// a client that prints it raw recolours the terminal, retitles it and rings the bell.
pub(crate) const ESCAPE_TEXT: &str = "\u{1b}[31mRED\u{1b}[0m \u{1b}]0;pwned\u{7} bell\u{7} end";

/// Wall-clock times for one answer: when the key was first seen, and now.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Clock {
    pub first_seen: SystemTime,
    pub now: SystemTime,
}

impl Clock {
    /// `d` after the first request; saturating, since `d` comes from the key.
    pub(crate) fn after(&self, d: Duration) -> SystemTime {
        self.first_seen.checked_add(d).unwrap_or(self.now)
    }
}

/// When the work reached `work` (share of the whole job), measured from the first request.
pub(crate) fn step_time(s: &Scenario, phase: &Phase, work: f64) -> Duration {
    let start = phase.started_after.unwrap_or_default();
    let end_work = s.outcome.final_work().max(0.01);
    let run = s.duration.saturating_sub(start);
    start + run.mul_f64((work / end_work).clamp(0.0, 1.0))
}

/// `floor(work * count)`, forgiving float error so exact fractions land where expected.
pub(crate) fn share_of(work: f64, count: u64) -> u64 {
    (work * count as f64 + 1e-9).floor() as u64
}

pub(crate) fn with_escape(text: &str, escape: bool) -> String {
    if escape {
        format!("{text}: {ESCAPE_TEXT}")
    } else {
        text.to_string()
    }
}

pub(crate) fn hash(key: &str, salt: u64) -> u64 {
    let mut h = DefaultHasher::new();
    (key, salt).hash(&mut h);
    h.finish()
}

/// A stable UUID-shaped id for a key, so repeated answers agree.
pub(crate) fn uuid_for(key: &str, salt: u64) -> String {
    let (a, b) = (hash(key, salt), hash(key, salt.wrapping_add(1 << 32)));
    format!(
        "{:08x}-{:04x}-4{:03x}-8{:03x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0xfff,
        b >> 52,
        b & 0xffff_ffff_ffff
    )
}

/// RFC 3339 in UTC with milliseconds, e.g. `2026-11-22T10:00:00.123Z`.
pub(crate) fn rfc3339(t: SystemTime) -> String {
    let d = t.duration_since(UNIX_EPOCH).unwrap_or_default();
    let secs = d.as_secs();
    let (days, rem) = (secs / 86_400, secs % 86_400);
    // Civil-from-days (Howard Hinnant), for days since 1970-01-01 >= 0.
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z % 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60,
        d.subsec_millis()
    )
}

/// The body without its status field, for `nostatus`.
pub(crate) fn strip(mut body: Value, strip_status: bool) -> Value {
    if let (true, Some(object)) = (strip_status, body.as_object_mut()) {
        object.shift_remove("status");
    }
    body
}
