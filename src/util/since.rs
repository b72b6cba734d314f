//! `--since`: a duration ago (`2h`) or an RFC 3339 time, as the UTC
//! RFC 3339 time a listing's `created_at_on_or_after` takes.
//!
//! humantime (already a dependency) reads RFC 3339 in UTC only; the one
//! thing added here is a numeric offset (`+02:00`), rather than a date
//! crate for that alone.

use std::time::{Duration, SystemTime};

use crate::util::duration::parse_duration;

/// The time `raw` names, relative to `now` for a duration.
pub fn parse(raw: &str, now: SystemTime) -> Result<String, String> {
    let raw = raw.trim();
    let at = match parse_duration(raw) {
        Ok(ago) => now
            .checked_sub(ago)
            .ok_or_else(|| format!("`{raw}` ago is before the epoch"))?,
        Err(_) => parse_rfc3339(raw).ok_or_else(|| {
            format!(
                "`{raw}` is neither a duration (e.g. 30m, 2h, 1d) nor an RFC 3339 time \
                 (e.g. 2026-11-30T08:00:00Z)"
            )
        })?,
    };
    Ok(humantime::format_rfc3339_seconds(at).to_string())
}

/// [`parse`] relative to now: what `--since` and `--synced-after` take
/// (a duration means that long before the command started).
pub fn from_now(raw: &str) -> Result<String, String> {
    parse(raw, SystemTime::now())
}

/// An RFC 3339 time with `Z` or a `±HH:MM` offset (a vendor's
/// `last_synced_at` as much as a user's `--since`).
pub fn parse_rfc3339(raw: &str) -> Option<SystemTime> {
    if raw.len() < 20 || !raw.is_char_boundary(raw.len() - 6) {
        return None;
    }
    let upper = raw.to_ascii_uppercase();
    if upper.ends_with('Z') {
        return humantime::parse_rfc3339(&upper).ok();
    }
    let (local, offset) = upper.split_at(upper.len() - 6);
    let sign = match offset.as_bytes().first() {
        Some(b'+') => 1i64,
        Some(b'-') => -1,
        _ => return None,
    };
    let (hours, minutes) = offset.get(1..)?.split_once(':')?;
    let number = |s: &str| {
        (s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u64>().ok())
            .flatten()
    };
    let (hours, minutes) = (number(hours)?, number(minutes)?);
    if hours > 23 || minutes > 59 {
        return None;
    }
    let utc_if_local = humantime::parse_rfc3339(&format!("{local}Z")).ok()?;
    let shift = Duration::from_secs(hours * 3600 + minutes * 60);
    // Local time = UTC + offset, so UTC = local - offset.
    if sign > 0 {
        utc_if_local.checked_sub(shift)
    } else {
        utc_if_local.checked_add(shift)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_ago_and_times() {
        let now = humantime::parse_rfc3339("2026-11-30T12:00:00Z").unwrap();
        let ok = |s| parse(s, now).unwrap();
        assert_eq!(ok("2h"), "2026-11-30T10:00:00Z");
        assert_eq!(ok("90"), "2026-11-30T11:58:30Z");
        assert_eq!(ok("2026-11-01T08:00:00Z"), "2026-11-01T08:00:00Z");
        assert_eq!(ok("2026-11-01t08:00:00.5z"), "2026-11-01T08:00:00Z");
        assert_eq!(ok("2026-11-01T08:00:00+02:00"), "2026-11-01T06:00:00Z");
        assert_eq!(ok("2026-11-01T08:00:00-01:30"), "2026-11-01T09:30:00Z");
        for bad in [
            "",
            "yesterday",
            "2026-11-01",
            "2026-11-01T08:00:00",
            "2026-11-01T08:00:00+2:00",
            "2026-11-01T08:00:00+24:00",
            "2026-13-01T08:00:00Z",
            "2026-11-01T08:00:00+ä:00x",
        ] {
            assert!(parse(bad, now).is_err(), "{bad}");
        }
    }
}
