//! Durations as users write them, for flags and the config file alike:
//! one parser, so `--interval 5` and `interval = 5` mean the same.

use std::fmt;
use std::time::Duration;

use serde::de::{Deserialize, Deserializer, Visitor};

/// `--interval` when neither the flag nor the config sets one.
pub const DEFAULT_INTERVAL: Duration = Duration::from_secs(2);

/// Polling faster than this only loads the server (CONTRACT §13).
pub const MIN_INTERVAL: Duration = Duration::from_millis(100);

/// A duration: `500ms`, `2s`, `1m30s`, or a bare number of seconds.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    if text.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        let secs = text
            .parse::<f64>()
            .map_err(|_| format!("`{text}` is not a number of seconds"))?;
        return from_seconds(secs);
    }
    let parsed = humantime::parse_duration(text).map_err(|e| {
        format!(
            "`{text}` is not a duration ({e}); use e.g. 500ms, 2s, 1m30s or a number of seconds"
        )
    })?;
    positive(parsed)
}

/// A number of seconds, as a config file's `interval = 0.5` says it.
pub fn from_seconds(secs: f64) -> Result<Duration, String> {
    let parsed = Duration::try_from_secs_f64(secs)
        .map_err(|_| format!("`{secs}` is not a number of seconds"))?;
    positive(parsed)
}

fn positive(parsed: Duration) -> Result<Duration, String> {
    if parsed.is_zero() {
        return Err("the duration must be greater than zero".to_owned());
    }
    Ok(parsed)
}

/// `--interval`: a duration of at least [`MIN_INTERVAL`].
pub fn parse_interval(text: &str) -> Result<Duration, String> {
    check_interval(parse_duration(text)?)
}

/// Refuse an interval under [`MIN_INTERVAL`].
pub fn check_interval(interval: Duration) -> Result<Duration, String> {
    if interval < MIN_INTERVAL {
        return Err(format!(
            "an interval under {}ms would flood the server; use at least 100ms",
            MIN_INTERVAL.as_millis()
        ));
    }
    Ok(interval)
}

/// A watch's time limit: a duration, or `none` for no limit, which also
/// overrides a limit set in the config file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timeout(pub Option<Duration>);

/// `--timeout`: a duration, or `none`.
pub fn parse_timeout(text: &str) -> Result<Timeout, String> {
    if text.trim().eq_ignore_ascii_case("none") {
        return Ok(Timeout(None));
    }
    parse_duration(text).map(|d| Timeout(Some(d)))
}

/// A duration as the config file may hold it: a string (`"2s"`, `"none"`)
/// or a TOML number of seconds (`5`, `0.5`). Parsed with the flags' parser
/// when it is used, so the error can name the file and line.
#[derive(Clone, Debug, PartialEq)]
pub enum DurationValue {
    Text(String),
    Seconds(f64),
}

impl DurationValue {
    /// The value as a duration.
    pub fn duration(&self) -> Result<Duration, String> {
        match self {
            DurationValue::Text(text) => parse_duration(text),
            DurationValue::Seconds(secs) => from_seconds(*secs),
        }
    }

    /// The value as a time limit (`none` allowed).
    pub fn timeout(&self) -> Result<Timeout, String> {
        match self {
            DurationValue::Text(text) => parse_timeout(text),
            DurationValue::Seconds(secs) => from_seconds(*secs).map(|d| Timeout(Some(d))),
        }
    }
}

impl<'de> Deserialize<'de> for DurationValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Any;
        impl Visitor<'_> for Any {
            type Value = DurationValue;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(r#"a duration such as "2s" or a number of seconds"#)
            }
            fn visit_str<E>(self, v: &str) -> Result<DurationValue, E> {
                Ok(DurationValue::Text(v.to_owned()))
            }
            fn visit_i64<E>(self, v: i64) -> Result<DurationValue, E> {
                Ok(DurationValue::Seconds(v as f64))
            }
            fn visit_u64<E>(self, v: u64) -> Result<DurationValue, E> {
                Ok(DurationValue::Seconds(v as f64))
            }
            fn visit_f64<E>(self, v: f64) -> Result<DurationValue, E> {
                Ok(DurationValue::Seconds(v))
            }
        }
        deserializer.deserialize_any(Any)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        let ok = |s| parse_duration(s).unwrap();
        assert_eq!(ok("500ms"), Duration::from_millis(500));
        assert_eq!(ok("2s"), Duration::from_secs(2));
        assert_eq!(ok("1m30s"), Duration::from_secs(90));
        assert_eq!(ok("5"), Duration::from_secs(5));
        assert_eq!(ok("1.5"), Duration::from_millis(1500));
        for bad in [
            "",
            "0",
            "0s",
            "-1",
            "2 parsecs",
            "1.2.3",
            "s",
            "none",
            "99999999999999999999999",
        ] {
            assert!(parse_duration(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn intervals_under_100ms_are_refused() {
        assert_eq!(parse_interval("100ms"), Ok(Duration::from_millis(100)));
        assert_eq!(parse_interval("0.5"), Ok(Duration::from_millis(500)));
        for bad in ["1ms", "99ms", "0.05", "none"] {
            assert!(parse_interval(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn timeouts_may_be_none() {
        assert_eq!(parse_timeout("none"), Ok(Timeout(None)));
        assert_eq!(parse_timeout("NONE"), Ok(Timeout(None)));
        assert_eq!(
            parse_timeout("10m"),
            Ok(Timeout(Some(Duration::from_secs(600))))
        );
        assert!(parse_timeout("never").is_err());
    }

    #[test]
    fn config_values_are_strings_or_numbers_of_seconds() {
        let read = |text: &str| -> DurationValue {
            #[derive(serde::Deserialize)]
            struct T {
                v: DurationValue,
            }
            toml::from_str::<T>(text).unwrap().v
        };
        assert_eq!(read("v = 5").duration(), Ok(Duration::from_secs(5)));
        assert_eq!(read("v = 0.5").duration(), Ok(Duration::from_millis(500)));
        assert_eq!(read("v = \"2s\"").duration(), Ok(Duration::from_secs(2)));
        assert_eq!(read("v = \"none\"").timeout(), Ok(Timeout(None)));
        assert!(read("v = -1").duration().is_err());
        assert!(read("v = 0").duration().is_err());
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct T {
            v: DurationValue,
        }
        assert!(toml::from_str::<T>("v = true").is_err());
    }
}
