use super::*;

fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
    let mut map = HeaderMap::new();
    for (k, v) in pairs {
        map.insert(*k, HeaderValue::from_str(v).unwrap());
    }
    map
}

#[test]
fn retry_after_forms() {
    let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
    let at = |h| retry_after_at(&h, now);
    assert_eq!(
        at(headers(&[("retry-after", "3")])),
        Some(Duration::from_secs(3))
    );
    assert_eq!(
        at(headers(&[("retry-after-ms", "250")])),
        Some(Duration::from_millis(250))
    );
    assert_eq!(
        at(headers(&[("retry-after", "3600")])),
        Some(Duration::from_secs(60))
    );
    let date = httpdate::fmt_http_date(now + Duration::from_secs(5));
    assert_eq!(
        at(headers(&[("retry-after", &date)])),
        Some(Duration::from_secs(5))
    );
    let past = httpdate::fmt_http_date(now - Duration::from_secs(5));
    assert_eq!(at(headers(&[("retry-after", &past)])), Some(Duration::ZERO));
    assert_eq!(at(headers(&[("retry-after", "soon")])), None);
    assert_eq!(at(headers(&[("retry-after", "-1")])), None);
    assert_eq!(at(headers(&[])), None);
}

#[test]
fn backoff_grows_with_jitter_and_cap() {
    for attempt in 0..20 {
        let ceiling = BACKOFF_BASE
            .saturating_mul(2u32.saturating_pow(attempt))
            .min(BACKOFF_CAP);
        let d = backoff(attempt);
        assert!(d >= ceiling / 2 && d <= ceiling, "{attempt}: {d:?}");
    }
}

#[test]
fn transient_set() {
    let transient: Vec<u16> = (100..600).filter(|s| is_transient_status(*s)).collect();
    assert_eq!(transient, [408, 429, 500, 502, 503, 504]);
}

#[test]
fn urls_in_logs_hide_userinfo() {
    let url = Url::parse("http://user:hunter2@proxy.example/a").unwrap();
    let shown = redact_url(&url);
    assert!(
        !shown.contains("hunter2") && !shown.contains("user"),
        "{shown}"
    );
}

#[test]
fn non_json_snippet_is_one_short_line() {
    let s = snippet(b"<html>\n  <body>Bad   Gateway</body>\n</html>");
    assert_eq!(s, "<html> <body>Bad Gateway</body> </html>");
    assert!(snippet(&[b'x'; 500]).ends_with('…'));
}
