use std::time::Duration;

use serde_json::json;

use super::*;
use crate::model::{ErrorKind, TargetError};
use crate::services::classify;

fn snap(target: Target, body: serde_json::Value) -> Snapshot {
    let c = classify(&target, &body).unwrap();
    Snapshot::from_classified(target, &body, c)
}

fn batch(id: &str, body: serde_json::Value) -> Snapshot {
    let target = crate::services::example_target("batch", &[("job_id", id)]).unwrap();
    snap(target, json!({ "job": body }))
}

fn poll<'a>(collection: Option<&'a Target>, snapshots: &'a [Snapshot]) -> Poll<'a> {
    Poll::of(collection, snapshots, Duration::from_millis(250), None)
}

/// The sample lines only, without comments.
fn samples(text: &str) -> Vec<&str> {
    text.lines().filter(|l| !l.starts_with('#')).collect()
}

#[test]
fn a_target_has_one_series_per_state_its_progress_and_update_time() {
    let job = batch(
        "job-1",
        json!({"status": "running", "total_items": 4, "processed_items": 1, "failed_items": 0,
               "updated_at": "2026-11-22T10:00:00Z"}),
    );
    let text = openmetrics(&poll(None, &[job]));
    assert!(text.ends_with("# EOF\n"), "{text}");
    let lines = samples(&text);
    assert!(lines.contains(&"pipewatch_probe_success 1"), "{text}");
    assert!(
        lines.contains(&"pipewatch_probe_duration_seconds 0.25"),
        "{text}"
    );
    for state in STATES {
        let value = if state == State::Running { 1 } else { 0 };
        let line = format!(
            "pipewatch_target_state{{service=\"batch\",target=\"job-1\",state=\"{}\"}} {value}",
            state.as_str()
        );
        assert!(lines.contains(&line.as_str()), "{line} not in {text}");
    }
    assert!(
        lines.contains(&"pipewatch_target_progress_ratio{service=\"batch\",target=\"job-1\"} 0.25"),
        "{text}"
    );
    assert!(
        lines.contains(
            &"pipewatch_target_updated_timestamp_seconds{service=\"batch\",target=\"job-1\"} 1795341600.0"
        ),
        "{text}"
    );
    assert_eq!(lines.len(), 2 + 7 + 2, "{text}");
}

#[test]
fn an_error_fails_the_probe_with_its_kind_and_has_no_state() {
    let target =
        crate::services::example_target("llama.pipeline", &[("pipeline_id", "gone")]).unwrap();
    let missing = Snapshot::from_error(
        target,
        None,
        TargetError {
            kind: ErrorKind::NotFound,
            http_status: Some(404),
            code: None,
            message: "HTTP 404 Not Found".into(),
        },
    );
    let text = openmetrics(&poll(None, &[missing]));
    let lines = samples(&text);
    assert!(
        lines.contains(&"pipewatch_probe_success{error=\"not_found\"} 0"),
        "{text}"
    );
    assert!(!text.contains("gone\""), "{text}");
    let failed = Poll::of(None, &[], Duration::ZERO, Some("timeout"));
    assert!(openmetrics(&failed).contains("pipewatch_probe_success{error=\"timeout\"} 0"));
}

#[test]
fn a_collection_is_counted_per_state_never_listed() {
    let listing =
        crate::services::example_target("batch", &[("project_id", "proj"), ("all", "true")])
            .unwrap();
    let jobs = [
        batch("a", json!({"status": "failed"})),
        batch("b", json!({"status": "failed"})),
        batch("c", json!({"status": "completed", "failed_items": 0})),
    ];
    let text = openmetrics(&poll(Some(&listing), &jobs));
    let lines = samples(&text);
    let count = |state: &str| {
        let prefix = format!(
            "pipewatch_collection_items{{service=\"batch\",collection=\"proj/*\",state=\"{state}\"}} "
        );
        lines
            .iter()
            .find_map(|l| l.strip_prefix(prefix.as_str()))
            .unwrap_or_else(|| panic!("no {state} count in {text}"))
            .to_owned()
    };
    assert_eq!(count("failed"), "2");
    assert_eq!(count("succeeded"), "1");
    assert_eq!(count("running"), "0");
    assert_eq!(lines.len(), 2 + 7, "{text}");
    assert!(!text.contains("target="), "{text}");
}

#[test]
fn a_failed_listing_has_no_counts() {
    let listing =
        crate::services::example_target("llama.file", &[("pipeline_id", "p"), ("all", "true")])
            .unwrap();
    let failed = Snapshot::from_error(
        listing.clone(),
        None,
        TargetError {
            kind: ErrorKind::Auth,
            http_status: Some(401),
            code: None,
            message: "HTTP 401".into(),
        },
    );
    let text = openmetrics(&poll(Some(&listing), &[failed]));
    assert_eq!(
        samples(&text),
        [
            "pipewatch_probe_success{error=\"auth\"} 0",
            "pipewatch_probe_duration_seconds 0.25"
        ]
    );
}

#[test]
fn label_values_are_escaped() {
    let target = crate::services::example_target(
        "feldera.token",
        &[("pipeline_name", "a\"b\\c\nd"), ("token", "t")],
    )
    .unwrap();
    let token = snap(target, json!({"status": "complete"}));
    let text = openmetrics(&poll(None, &[token]));
    assert!(
        text.contains(r#"target="a\"b\\c\nd/t",state="succeeded"} 1"#),
        "{text}"
    );
    assert!(!text.contains("c\nd"), "{text}");
}

#[test]
fn a_target_named_twice_is_one_series() {
    let ok = || batch("job-ok", json!({"status": "completed", "failed_items": 0}));
    let jobs = [ok(), batch("job-2", json!({"status": "failed"})), ok()];
    let text = openmetrics(&poll(None, &jobs));
    let lines = samples(&text);
    let mut distinct = lines.clone();
    distinct.sort_unstable();
    distinct.dedup();
    assert_eq!(distinct.len(), lines.len(), "{text}");
    assert_eq!(lines.len(), 2 + 7 * 2, "{text}");
}

#[test]
fn a_metrics_file_names_its_subject_on_the_run_level_series_only() {
    let job = batch("job-1", json!({"status": "running"}));
    let jobs = [job];
    let failed =
        Poll::of(None, &jobs, Duration::from_millis(250), Some("terminated")).about("batch job-1");
    let text = openmetrics(&failed);
    let lines = samples(&text);
    assert!(
        lines.contains(&"pipewatch_probe_success{subject=\"batch job-1\",error=\"terminated\"} 0"),
        "{text}"
    );
    assert!(
        lines.contains(&"pipewatch_probe_duration_seconds{subject=\"batch job-1\"} 0.25"),
        "{text}"
    );
    assert_eq!(
        lines.iter().filter(|l| l.contains("subject=")).count(),
        2,
        "{text}"
    );
}

#[test]
fn the_text_format_has_help_and_type_and_no_eof() {
    let job = batch("job-1", json!({"status": "running"}));
    let text = series(&poll(None, &[job]), Format::Text);
    assert!(!text.contains("# EOF"), "{text}");
    for family in [
        "pipewatch_probe_success",
        "pipewatch_probe_duration_seconds",
        "pipewatch_target_state",
    ] {
        assert!(text.contains(&format!("# HELP {family} ")), "{text}");
        assert!(text.contains(&format!("# TYPE {family} gauge\n")), "{text}");
    }
    assert!(
        samples(&text).contains(&"pipewatch_probe_success 1"),
        "{text}"
    );
    assert_eq!(
        Format::Text.content_type(),
        "text/plain; version=0.0.4; charset=utf-8"
    );
}
