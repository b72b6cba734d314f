//! Metrics files that alerting can trust (CONTRACT §17): one series per
//! distinct target, a `subject` label on the run-level series so that two
//! commands' files in one textfile directory never collide, and a deadline
//! that keeps the kind of the last transient failure (`unavailable` with
//! its status) in the envelope, the summary and the metrics file alike.
//! Files are read back with `prometheus-parse`.

use std::collections::BTreeSet;
use std::path::Path;

use crate::common::exporter::*;
use crate::common::*;

/// Run `args --metrics-file PATH`: (exit code, stdout, stderr, series).
fn with_file(
    server: &Server,
    home: &Path,
    path: &Path,
    args: &[&str],
) -> (i32, String, String, Series) {
    let mut cmd = bin_at(home, server);
    let (code, stdout, stderr) = run(cmd.args(args).arg("--metrics-file").arg(path));
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("no metrics file ({e}); stderr: {stderr}"));
    (code, stdout, stderr, Series::parse(&text))
}

/// Each series (name and labels), asserting none is there twice.
fn distinct(series: &Series) -> BTreeSet<(String, Vec<(String, String)>)> {
    let mut seen = BTreeSet::new();
    for (name, labels, _) in &series.samples {
        let key = (name.clone(), labels.clone());
        assert!(
            seen.insert(key),
            "{name}{labels:?} twice in:\n{}",
            series.text
        );
    }
    seen
}

#[test]
fn a_target_named_twice_is_one_series() {
    let (server, home) = (sim(), home());
    let path = home.path().join("parse.prom");
    let (code, stdout, _, series) = with_file(
        &server,
        home.path(),
        &path,
        &[
            "llama",
            "parse",
            "status",
            "job-ok",
            "job-failed",
            "job-ok",
            "--json",
        ],
    );
    assert_eq!(code, 1);
    // The envelopes keep one line per argument (CONTRACT §4).
    assert_eq!(envelopes(&stdout).len(), 3);
    distinct(&series);
    assert_eq!(series.named("pipewatch_target_state").len(), 14);
    assert_state(&series, "llama.parse", "job-ok", "succeeded");
    assert_state(&series, "llama.parse", "job-failed", "failed");
    let updated = series.named("pipewatch_target_updated_timestamp_seconds");
    assert_eq!(updated.len(), 2, "{}", series.text);
}

#[test]
fn two_commands_files_in_one_directory_never_collide() {
    let (server, home) = (sim(), home());
    let dir = home.path().join("textfile");
    std::fs::create_dir_all(&dir).unwrap();
    // The cron recipe of docs/prometheus.md, for two commands.
    let (_, _, _, batch) = with_file(
        &server,
        home.path(),
        &dir.join("nightly.prom"),
        &["batch", "status", "nightly-failed", "-q"],
    );
    let (_, _, _, pipeline) = with_file(
        &server,
        home.path(),
        &dir.join("docs.prom"),
        &["llama", "pipeline", "status", "docs-ok", "-q"],
    );
    let (mut all, theirs) = (distinct(&batch), distinct(&pipeline));
    for series in theirs {
        assert!(all.insert(series.clone()), "both files hold {series:?}");
    }
    // An alert on a failed run says which run.
    let subject = |series: &Series| -> Vec<String> {
        series
            .named("pipewatch_probe_success")
            .iter()
            .chain(series.named("pipewatch_probe_duration_seconds").iter())
            .map(|(_, labels, _)| {
                labels
                    .iter()
                    .find(|(name, _)| name == "subject")
                    .map(|(_, value)| value.clone())
                    .unwrap_or_else(|| panic!("no subject label in {}", series.text))
            })
            .collect()
    };
    assert_eq!(subject(&batch), ["batch nightly-failed"; 2]);
    assert_eq!(subject(&pipeline), ["llama.pipeline docs-ok"; 2]);

    // A collection's subject names its listing and filters.
    let (_, _, _, files) = with_file(
        &server,
        home.path(),
        &dir.join("files.prom"),
        &[
            "llama",
            "file",
            "status",
            "--pipeline",
            "docs-items40-failed",
            "--all",
            "--status",
            "error",
            "-q",
        ],
    );
    assert_eq!(
        files.value(
            "pipewatch_probe_success",
            &[("subject", "llama.file docs-items40-failed/* status:ERROR")]
        ),
        1.0
    );
}

#[test]
fn a_deadline_keeps_a_429_unavailable_everywhere() {
    let (server, home) = (sim(), home());
    let summary = home.path().join("summary.md");
    let path = home.path().join("run.prom");
    // `Retry-After: 10` on every answer; the watch gives up after 1 s.
    let (code, stdout, stderr, series) = with_file(
        &server,
        home.path(),
        &path,
        &[
            "batch",
            "status",
            "job-throttled",
            "job-stall",
            "--watch",
            "--timeout",
            "1500ms",
            "--json",
            "--summary",
            summary.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 6, "{stderr}");
    let lines = envelopes(&stdout);
    assert_eq!(lines[0]["error"]["kind"], "unavailable", "{}", lines[0]);
    assert_eq!(lines[0]["error"]["http_status"], 429, "{}", lines[0]);
    // A vendor that never answered timed out.
    assert_eq!(lines[1]["error"]["kind"], "timeout", "{}", lines[1]);
    assert!(
        stderr.contains("job-throttled (unreachable: HTTP 429)")
            && stderr.contains("job-stall (no answer yet)"),
        "{stderr}"
    );
    let summary = std::fs::read_to_string(&summary).unwrap();
    let row = summary
        .lines()
        .find(|l| l.starts_with("| job-throttled |"))
        .unwrap_or_else(|| panic!("no row: {summary}"));
    assert!(
        row.contains("| unavailable |") && row.contains("HTTP 429"),
        "{row}"
    );
    let subject = ("subject", "batch job-throttled job-stall");
    assert_eq!(
        series.value(
            "pipewatch_probe_success",
            &[("error", "unavailable"), subject]
        ),
        0.0
    );
}
