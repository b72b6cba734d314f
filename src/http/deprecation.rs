//! Endpoints a server says are going away: a `Deprecation` header (RFC
//! 9745: `@<seconds since the epoch>`, the date it was deprecated) or a
//! `Sunset` header (RFC 8594: the HTTP date it stops answering). The first
//! such answer of a run is kept, for one `note:` at its end (CONTRACT §16).

use std::time::{Duration, SystemTime};

use reqwest::header::HeaderMap;
use url::Url;

/// What a server said of an endpoint going away.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deprecation {
    /// `GET <path>`: the endpoint asked, without its query.
    pub endpoint: String,
    /// Deprecated since then, when the header gave a date.
    pub since: Option<SystemTime>,
    /// Whether a `Deprecation` header came at all (with a date or not).
    pub deprecated: bool,
    /// It stops answering then (`Sunset`).
    pub sunset: Option<SystemTime>,
}

impl Deprecation {
    /// What the headers of an answer to `url` say, if they say anything.
    pub fn of(url: &Url, headers: &HeaderMap) -> Option<Deprecation> {
        let text = |name| {
            headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::trim)
        };
        let deprecation = text("deprecation");
        let sunset = text("sunset").and_then(|s| httpdate::parse_http_date(s).ok());
        if deprecation.is_none() && sunset.is_none() {
            return None;
        }
        Some(Deprecation {
            endpoint: format!("GET {}", url.path()),
            since: deprecation.and_then(date),
            deprecated: deprecation.is_some(),
            sunset,
        })
    }

    /// The one line a run says of it on stderr.
    pub fn note(&self) -> String {
        let day = |at: SystemTime| humantime::format_rfc3339_seconds(at).to_string();
        let mut line = format!("note: the server says {}", self.endpoint);
        match (self.deprecated, self.since) {
            (true, Some(since)) => line.push_str(&format!(" is deprecated since {}", day(since))),
            (true, None) => line.push_str(" is deprecated"),
            (false, _) => line.push_str(" is going away"),
        }
        match self.sunset {
            Some(sunset) => {
                line.push_str(&format!(" and stops answering on {} (Sunset)", day(sunset)))
            }
            None => line.push_str("; it gives no sunset date"),
        }
        line
    }
}

/// RFC 9745's `@1688169599`, or an HTTP date as earlier drafts sent.
fn date(value: &str) -> Option<SystemTime> {
    match value.strip_prefix('@') {
        Some(secs) => secs
            .parse::<u64>()
            .ok()
            .and_then(|s| SystemTime::UNIX_EPOCH.checked_add(Duration::from_secs(s))),
        None => httpdate::parse_http_date(value).ok(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, HeaderValue::from_str(value).unwrap());
        }
        map
    }

    #[test]
    fn both_headers_one_or_none() {
        let url = Url::parse("http://h/api/v1/pipelines/p/status?full_details=true").unwrap();
        let both = Deprecation::of(
            &url,
            &headers(&[
                ("deprecation", "@1767225600"),
                ("sunset", "Mon, 01 Mar 2027 00:00:00 GMT"),
            ]),
        )
        .unwrap();
        assert_eq!(
            both.note(),
            "note: the server says GET /api/v1/pipelines/p/status is deprecated since \
             2026-01-01T00:00:00Z and stops answering on 2027-03-01T00:00:00Z (Sunset)"
        );
        let bare = Deprecation::of(&url, &headers(&[("deprecation", "true")])).unwrap();
        assert_eq!(
            bare.note(),
            "note: the server says GET /api/v1/pipelines/p/status is deprecated; it gives no sunset date"
        );
        let sunset = Deprecation::of(
            &url,
            &headers(&[("sunset", "Mon, 01 Mar 2027 00:00:00 GMT")]),
        );
        assert!(
            sunset
                .unwrap()
                .note()
                .contains("is going away and stops answering on 2027-03-01")
        );
        assert_eq!(Deprecation::of(&url, &headers(&[("sunset", "soon")])), None);
        assert_eq!(Deprecation::of(&url, &HeaderMap::new()), None);
    }
}
