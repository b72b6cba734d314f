//! `--wait-for-creation` (CONTRACT §17): with `--watch`, a 404 is a target
//! not created yet, pending with details `not found yet`, until it appears
//! or `--timeout` (exit 6, the timeout line naming it as not found);
//! without `--watch`, exit 2. CI that watches a job right after creating
//! it no longer races the vendor.

use crate::common::*;
use serde_json::json;

fn not_found() -> Reply {
    Reply::json(404, json!({"detail": "Not Found"}))
}

#[test]
fn a_job_that_appears_is_pending_until_it_does() {
    let server = sim();
    // Two polls see a 404; the third finds the job, finished.
    let job = json!({"job": {"id": "job-new", "status": "completed", "failed_items": 0,
                     "total_items": 2, "processed_items": 2}});
    server.script(
        "job-new",
        vec![not_found(), not_found(), Reply::json(200, job)],
    );
    let (code, stdout, stderr) = query(
        &server,
        &[
            "batch",
            "status",
            "job-new",
            "--watch",
            "--wait-for-creation",
            "--interval",
            "100ms",
            "--events",
            "--json",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    let events = envelopes(&stdout);
    assert_eq!(events.len(), 2, "{stdout}");
    assert_eq!(events[0]["state"], "pending", "{}", events[0]);
    assert!(events[0]["error"].is_null(), "{}", events[0]);
    assert_eq!(events[1]["state"], "succeeded", "{}", events[1]);
    assert!(
        stderr.contains("- -> not found yet") && stderr.contains("not found yet -> completed"),
        "{stderr}"
    );
    assert_eq!(server.hits("job-new"), 3);

    // Without the flag, the same 404 ends the watch at once: exit 7.
    server.script(
        "job-later",
        vec![not_found(), not_found(), Reply::json(200, json!({}))],
    );
    let (code, _, stderr) = query(
        &server,
        &[
            "batch",
            "status",
            "job-later",
            "--watch",
            "--interval",
            "100ms",
        ],
    );
    assert_eq!(code, 7, "{stderr}");
    assert_eq!(server.hits("job-later"), 1);
}

#[test]
fn a_target_never_created_times_out_named_as_not_found() {
    let server = sim();
    let (code, stdout, stderr) = query(
        &server,
        &[
            "batch",
            "status",
            "job-notfound",
            "job-ok",
            "--watch",
            "--wait-for-creation",
            "--timeout",
            "1s",
            "--interval",
            "200ms",
        ],
    );
    assert_eq!(code, 6, "{stderr}");
    let row = stdout
        .lines()
        .find(|l| l.starts_with("job-notfound "))
        .unwrap_or_else(|| panic!("no row: {stdout}"));
    assert!(
        row.contains("pending") && row.ends_with("not found yet"),
        "{row}"
    );
    assert!(
        stderr.contains(
            "timed out after 1s: 1 of 2 batch jobs not finished: job-notfound (not found yet)"
        ),
        "{stderr}"
    );
}

/// Every kind of status command waits alike: a target, several asked
/// together, a collection's listing, a connector's token.
#[test]
fn every_status_command_waits_for_creation() {
    let server = sim();
    let commands: [&[&str]; 9] = [
        &["llama", "pipeline", "status", "p-notfound"],
        &["llama", "file", "status", "--pipeline", "p", "f-notfound"],
        &[
            "llama",
            "file",
            "status",
            "--pipeline",
            "p-notfound",
            "--all",
        ],
        &["llama", "parse", "status", "j-notfound"],
        &["llama", "extract", "status", "j-ok", "j-notfound"],
        &["llama", "classify", "status", "j-notfound"],
        &["clarifeye", "run", "--project", "demo", "r-notfound"],
        &["feldera", "token", "orders", "tok-notfound"],
        &[
            "feldera",
            "token",
            "orders",
            "--connector",
            "ORDERS.kafka-notfound",
        ],
    ];
    for args in commands {
        let (code, stdout, stderr) = query(
            &server,
            &[
                args,
                &[
                    "--watch",
                    "--wait-for-creation",
                    "--timeout",
                    "700ms",
                    "--interval",
                    "200ms",
                    "--json",
                ],
            ]
            .concat(),
        );
        assert_eq!(code, 6, "{args:?}: {stderr}");
        let lines = envelopes(&stdout);
        let waiting = lines
            .iter()
            .find(|l| l["state"] == "pending")
            .unwrap_or_else(|| panic!("{args:?}: none pending: {stdout}"));
        assert!(waiting["error"].is_null(), "{args:?}: {waiting}");
        assert!(
            stderr.contains("(not found yet)"),
            "{args:?}: the timeout line: {stderr}"
        );
    }
}

#[test]
fn without_watch_it_is_refused() {
    let server = sim();
    let (code, stdout, stderr) = query(
        &server,
        &["batch", "status", "job-ok", "--wait-for-creation"],
    );
    assert_eq!(code, 2, "{stderr}");
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("--wait-for-creation") && stderr.contains("--watch"),
        "{stderr}"
    );
    assert!(server.requests().is_empty());
}

/// A Feldera connector of a pipeline just created: its token is asked for
/// again until the connector exists, then watched.
#[test]
fn a_connector_that_appears_hands_out_its_token_then() {
    let server = sim();
    let unknown = Reply::json(
        404,
        json!({"message": "Unknown input endpoint 'ORDERS.kafka-new'",
               "error_code": "UnknownInputEndpoint", "details": {}}),
    );
    server.script(
        "connector:ORDERS.kafka-new",
        vec![
            unknown.clone(),
            unknown,
            Reply::json(200, json!({"token": "tok-ok"})),
        ],
    );
    let (code, stdout, stderr) = query(
        &server,
        &[
            "feldera",
            "token",
            "orders",
            "--connector",
            "ORDERS.kafka-new",
            "--watch",
            "--wait-for-creation",
            "--interval",
            "100ms",
            "--timeout",
            "20s",
            "--json",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    let lines = envelopes(&stdout);
    assert_eq!(lines[0]["state"], "succeeded", "{}", lines[0]);
    assert_eq!(lines[0]["target"]["token"], "tok-ok", "{}", lines[0]);
    assert_eq!(server.hits("connector:ORDERS.kafka-new"), 3);
}
