//! What must hold for any input, shared by the fuzz targets (under
//! libFuzzer) and by `tests/it/fuzz_corpus.rs` (which replays the committed
//! corpus on stable Rust, so every seed and every past finding runs in CI).
//!
//! Each check panics when an invariant breaks: that is how libFuzzer and
//! the test harness both learn of it.

// Each fuzz target uses one check; the corpus test uses them all.
#![allow(dead_code)]

use std::path::PathBuf;

use pipewatch::engine::query::interpret;
use pipewatch::http::Fetched;
use pipewatch::model::{ExitCode, State};
use pipewatch::render::{Palette, json, table};
use pipewatch::services;
use pipewatch::settings::Config;
use pipewatch::util::sanitize::{sanitize as clean, sanitize_multiline};
use serde_json::Value;

/// The states of CONTRACT §3, spelled as the envelope spells them.
const STATES: [&str; 7] = [
    "pending",
    "running",
    "succeeded",
    "partial",
    "failed",
    "cancelled",
    "unknown",
];

/// The envelope's fields, in the order of CONTRACT §4.
const FIELDS: [&str; 9] = [
    "service",
    "target",
    "state",
    "status",
    "terminal",
    "progress",
    "observed_at",
    "response",
    "error",
];

/// HTTP statuses a response body can come with; the first input byte picks one.
const HTTP_STATUSES: [u16; 16] = [
    200, 200, 200, 200, 202, 204, 400, 401, 403, 404, 409, 410, 422, 429, 500, 503,
];

/// The fuzz target, and corpus directory, of the API whose envelopes say
/// `service`: its name with `_` for `.` (`llama_file`). Every API of the
/// list has one (tests/it/registry.rs checks).
pub fn target_name(service: &str) -> String {
    service.replace('.', "_")
}

/// `data` is one byte choosing the HTTP status, then the body. Decode it
/// as a real response of `service`'s API is decoded (for the target its
/// example names), classify it, and render it.
pub fn response(service: &str, data: &[u8]) {
    let Some((&first, body)) = data.split_first() else {
        return;
    };
    let api = services::by_service(service).expect("a service of the list of APIs");
    let target = services::target_of(api, api.example()).expect("the API's example names a target");
    let status = HTTP_STATUSES[usize::from(first & 0x0f)];
    let fetched = Fetched::from_body(status, Some("application/json".into()), body);
    let parsed = fetched.json();
    let snapshot = interpret(api, target.clone(), fetched);

    // The state is one of the contract's; an error is never a finished state.
    let state = snapshot.state.as_str();
    assert!(STATES.contains(&state), "state {state:?} is not in §3");
    if let Some(error) = &snapshot.error {
        assert_eq!(snapshot.state, State::Unknown, "an error with a state");
        assert!(!error.message.is_empty(), "an error without a message");
    }
    if !(200..300).contains(&status) {
        let error = snapshot
            .error
            .as_ref()
            .expect("a non-2xx answer is an error");
        assert_eq!(error.http_status, Some(status));
    }
    // A body without a status (an index's open metadata may have none)
    // is never taken for a finished one.
    if snapshot.error.is_none() && snapshot.status.is_none() {
        assert!(
            !snapshot.state.is_terminal(),
            "a classified body without a status is {state}"
        );
    }
    assert_eq!(
        snapshot.is_final(),
        match &snapshot.error {
            Some(e) => !e.kind.is_transient(),
            None => snapshot.state.is_terminal(),
        }
    );
    if let Some(percent) = snapshot.progress.as_ref().and_then(|p| p.percent) {
        assert!(percent.is_finite(), "progress percent {percent}");
    }
    // Every exit code the target can call for is in the severity list.
    for (allow_partial, timed_out) in [(false, false), (true, false), (false, true)] {
        let code = snapshot.exit_code(allow_partial, timed_out);
        assert!(ExitCode::SEVERITY.contains(&code));
    }

    // The envelope parses, has the contract's fields in order, and passes
    // the body through unchanged.
    let line = json::line(&snapshot);
    assert!(!line.contains('\n'), "an envelope spans lines");
    let envelope: Value = serde_json::from_str(&line).expect("the envelope is JSON");
    let object = envelope.as_object().expect("the envelope is an object");
    let keys: Vec<&str> = object.keys().map(String::as_str).collect();
    assert_eq!(keys, FIELDS);
    assert_eq!(object["state"], state);
    assert_eq!(object["terminal"], snapshot.state.is_terminal());
    match &parsed {
        Some(body) => assert_eq!(
            serde_json::to_string(&object["response"]).ok(),
            serde_json::to_string(body).ok(),
            "the response is not passed through"
        ),
        None => assert_eq!(object["response"], Value::Null),
    }

    // What reaches the terminal carries no control characters from the server.
    // Cut to a terminal's width or in full, whichever way it is laid out.
    let now = std::time::SystemTime::now();
    for fit in [table::Fit::Full, table::Fit::Terminal { width: 80, now }] {
        let text = table::report(
            std::slice::from_ref(&snapshot),
            true,
            Palette { enabled: false },
            fit,
        );
        assert_terminal_safe(&text, true);
    }
}

/// `data` as the config file's text (lossy UTF-8, as a file would fail to
/// read otherwise): parsing never panics, and every error names the file.
pub fn config(data: &[u8]) {
    let text = String::from_utf8_lossy(data).into_owned();
    let path = PathBuf::from("/fuzz/config.toml");
    for profile in [None, Some("default"), Some("ci")] {
        match Config::from_text(path.clone(), Some(text.clone()), profile) {
            Ok(config) => {
                let interval = config.watch_interval().map(|d| d.map(|(d, _)| d));
                let timeout = config.watch_timeout().map(|t| t.and_then(|(t, _)| t.0));
                for duration in [interval, timeout] {
                    match duration {
                        Ok(Some(d)) => assert!(!d.is_zero()),
                        Ok(None) => {}
                        Err(e) => assert!(e.message.contains("/fuzz/config.toml"), "{}", e.message),
                    }
                }
            }
            Err(e) => assert!(e.message.contains("/fuzz/config.toml"), "{}", e.message),
        }
    }
}

/// `data` as a duration flag: never panics, and what parses is positive
/// and parses again, to the same value, from its own rendering.
pub fn duration(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match pipewatch::util::duration::parse_duration(text) {
        Ok(d) => {
            assert!(!d.is_zero(), "{text:?} parsed as zero");
            let shown = humantime::format_duration(d).to_string();
            assert_eq!(
                pipewatch::util::duration::parse_duration(&shown),
                Ok(d),
                "{text:?} -> {shown:?}"
            );
        }
        Err(e) => assert!(!e.is_empty()),
    }
}

/// `data` as server text: the sanitized forms carry no control characters,
/// no bidi controls, and sanitizing again changes nothing.
pub fn sanitize(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let one = clean(&text);
    assert_terminal_safe(&one, false);
    assert_eq!(clean(&one), one, "sanitize is not idempotent");
    let many = sanitize_multiline(&text);
    assert_terminal_safe(&many, true);
    assert_eq!(sanitize_multiline(&many), many, "not idempotent");
}

fn assert_terminal_safe(text: &str, lines: bool) {
    for c in text.chars() {
        let allowed = lines && (c == '\n' || c == '\t');
        assert!(
            allowed || !(c.is_control() || is_bidi_control(c)),
            "{c:?} reaches the terminal in {text:?}"
        );
    }
}

/// Written out again rather than imported, so a mistake in the sanitizer's
/// list is not also a mistake in its check.
fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}
