//! Durations as users write them, for flags and the config file alike.

use std::time::Duration;

/// A duration: `500ms`, `2s`, `1m30s`, or a bare number of seconds.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let parsed = if text.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        text.parse::<f64>()
            .ok()
            .and_then(|secs| Duration::try_from_secs_f64(secs).ok())
            .ok_or_else(|| format!("`{text}` is not a number of seconds"))?
    } else {
        humantime::parse_duration(text).map_err(|e| {
            format!(
                "`{text}` is not a duration ({e}); use e.g. 500ms, 2s, 1m30s or a number of seconds"
            )
        })?
    };
    if parsed.is_zero() {
        return Err("the duration must be greater than zero".to_owned());
    }
    Ok(parsed)
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
            "99999999999999999999999",
        ] {
            assert!(parse_duration(bad).is_err(), "{bad:?}");
        }
    }
}
