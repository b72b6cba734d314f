//! A batch job's items (`--items`, and the failed ones shown unasked) and a
//! LlamaCloud pipeline's progress from its files' status counts: CONTRACT
//! §10, through the real binary against the simulator.

use crate::common::*;
use serde_json::{Value, json};

#[test]
fn items_lists_a_jobs_failed_items_in_a_table() {
    let server = sim();
    let (code, stdout, stderr) = query(
        &server,
        &["batch", "status", "nightly-partial-items30", "--items"],
    );
    assert_eq!(code, 3, "{stderr}");
    let at = stdout
        .find("failed items of nightly-partial-items30: 3")
        .expect(&stdout);
    let table: Vec<&str> = stdout[at..].lines().skip(1).collect();
    let header: Vec<&str> = table[0].split_whitespace().collect();
    assert_eq!(header, ["ITEM", "NAME", "STATUS", "MESSAGE"]);
    assert_eq!(table.len(), 4, "{stdout}");
    for row in &table[1..] {
        assert!(
            row.contains("failed") && row.contains("Unsupported file type"),
            "{row}"
        );
    }
    let query = server
        .requests()
        .last()
        .and_then(|r| r.query.clone())
        .unwrap_or_default();
    assert!(
        query.contains("status=failed") && query.contains("limit=1000"),
        "{query}"
    );
}

#[test]
fn items_all_follows_every_page_and_goes_into_the_envelope_last() {
    let server = sim();
    let (code, stdout, stderr) = query(
        &server,
        &[
            "batch",
            "status",
            "big-ok-items2300",
            "small-partial-items4",
            "--items",
            "ALL",
            "--json",
        ],
    );
    assert_eq!(code, 3, "{stderr}");
    let jobs = envelopes(&stdout);
    let keys: Vec<&str> = jobs[0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys.last(), Some(&"items"), "{keys:?}");
    assert_eq!(jobs[0]["items"].as_array().map(Vec::len), Some(2300));
    assert_eq!(jobs[1]["items"].as_array().map(Vec::len), Some(4));
    assert!(jobs[1]["items"][0]["item_id"].is_string(), "{}", jobs[1]);
    // Three pages of the big job's items, by offset; no status filter.
    let pages: Vec<String> = server
        .requests()
        .into_iter()
        .filter(|r| r.path == "/api/v1/beta/batch-processing/big-ok-items2300/items")
        .map(|r| r.query.unwrap_or_default())
        .collect();
    assert_eq!(
        pages,
        [
            "limit=1000&offset=0",
            "limit=1000&offset=1000",
            "limit=1000&offset=2000"
        ]
    );
}

#[test]
fn items_of_another_status_and_an_empty_list() {
    let server = sim();
    let (code, stdout, _) = query(
        &server,
        &["batch", "status", "done-ok-items5", "--items", "completed"],
    );
    assert_eq!(code, 0);
    assert!(
        stdout.contains("completed items of done-ok-items5: 5"),
        "{stdout}"
    );
    let (code, stdout, _) = query(&server, &["batch", "status", "done-ok-items5", "--items"]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains("failed items of done-ok-items5: 0"),
        "{stdout}"
    );
    assert!(!stdout.contains("ITEM"), "{stdout}");
}

#[test]
fn a_partial_or_failed_job_names_its_first_failed_items_unasked() {
    let server = sim();
    let (code, stdout, stderr) = query(&server, &["batch", "status", "nightly-partial-items300"]);
    assert_eq!(code, 3, "{stderr}");
    assert!(
        stdout.contains("failed items of nightly-partial-items300: the first 10 of 30"),
        "{stdout}"
    );
    let at = stdout.find("ITEM").expect(&stdout);
    assert_eq!(stdout[at..].lines().count(), 11, "{stdout}");
    let sent = server
        .requests()
        .last()
        .and_then(|r| r.query.clone())
        .unwrap_or_default();
    assert!(
        sent.contains("limit=10") && sent.contains("status=failed"),
        "{sent}"
    );
    // Not in JSON unless asked, and not for a job that succeeded.
    let (_, stdout, _) = query(
        &server,
        &["batch", "status", "nightly-partial-items300", "--json"],
    );
    assert!(envelopes(&stdout)[0].get("items").is_none(), "{stdout}");
    let before = server.requests().len();
    let (_, stdout, _) = query(&server, &["batch", "status", "fine-ok"]);
    assert!(!stdout.contains("items of"), "{stdout}");
    assert_eq!(server.requests().len(), before + 1);
}

#[test]
fn items_that_cannot_be_listed_leave_the_outcome_alone() {
    let server = sim();
    server.script(
        "items:j-failed",
        vec![Reply::json(404, json!({"detail": "Not Found"}))],
    );
    let (code, stdout, stderr) = query(&server, &["batch", "status", "j-failed"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stdout.contains("j-failed"), "{stdout}");
    assert!(
        stderr.contains("warning: batch j-failed: cannot list its items: HTTP 404"),
        "{stderr}"
    );
}

#[test]
fn a_pipeline_has_progress_from_its_files_status_counts() {
    let server = sim();
    let (code, stdout, stderr) = query(
        &server,
        &["llama", "pipeline", "status", "docs-partial", "--json"],
    );
    assert_eq!(code, 3, "{stderr}");
    let e = &envelopes(&stdout)[0];
    assert_eq!(
        e["progress"],
        json!({"percent": 100.0, "done": 20, "total": 20, "failed": 2, "skipped": null})
    );
    // One extra request per poll: the counts.
    assert_eq!(server.hits("counts:docs-partial"), 1);
    let (_, stdout, _) = query(&server, &["llama", "pipeline", "status", "docs-partial"]);
    assert!(stdout.contains("20/20 100%"), "{stdout}");
}

#[test]
fn a_watched_pipelines_progress_grows() {
    let server = sim();
    let (code, stdout, stderr) = query(
        &server,
        &[
            "llama",
            "pipeline",
            "status",
            "grow-ok-2s",
            "--watch",
            "--interval",
            "200ms",
            "--events",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    let done: Vec<u64> = envelopes(&stdout)
        .iter()
        .filter_map(|e| e["progress"]["done"].as_u64())
        .collect();
    assert!(done.len() >= 3, "{stdout}");
    assert!(done.windows(2).all(|w| w[0] <= w[1]), "{done:?}");
    assert_eq!(done.last(), Some(&20));
    assert_eq!(server.hits("counts:grow-ok-2s"), server.hits("grow-ok-2s"));
}

#[test]
fn failed_counts_never_change_the_outcome_and_warn_once() {
    let server = sim();
    let (code, stdout, stderr) = query(
        &server,
        &[
            "llama",
            "pipeline",
            "status",
            "quiet-nocounts-1s",
            "--watch",
            "--interval",
            "200ms",
            "--json",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    let e = &envelopes(&stdout)[0];
    assert_eq!(
        (e["state"].clone(), e["progress"].clone()),
        (json!("succeeded"), Value::Null)
    );
    assert!(server.hits("counts:quiet-nocounts-1s") >= 3);
    assert_eq!(stderr.matches("no progress").count(), 1, "{stderr}");
    // A counts body that is not the documented one is the same.
    server.script(
        "counts:odd-failed",
        vec![Reply::json(200, json!({"counts": "many"}))],
    );
    let (code, stdout, stderr) = query(&server, &["llama", "pipeline", "status", "odd-failed"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("no progress"), "{stderr}");
    assert!(stdout.contains("failed"), "{stdout}");
}
