//! `pipewatch llama index status` (CONTRACT §16, LlamaCloud indexes)
//! through the real binary against the simulator over HTTP: its endpoint
//! and scope, its states from open metadata, `--synced-after`, `--all` by
//! page token, and the exporter's probe.

use crate::common::exporter::{Exporter, assert_state};
use crate::common::*;
use serde_json::{Value, json};

#[test]
fn one_index_is_its_own_endpoint_scoped_by_the_project() {
    let server = sim();
    let (code, stdout, stderr) = query(
        &server,
        &[
            "llama",
            "index",
            "status",
            "ix-ok",
            "--project-id",
            "p1",
            "--organization-id",
            "o1",
            "--json",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    let env = &envelopes(&stdout)[0];
    assert_eq!(env["service"], "llama.index");
    assert_eq!(env["target"], json!({"index_id": "ix-ok"}));
    assert_eq!(
        (&env["status"], &env["state"]),
        (&json!("ready"), &json!("succeeded"))
    );
    assert_eq!(env["response"]["metadata"]["status"], "ready");
    assert_eq!(
        requests(&server),
        [(
            "/api/v1/indexes/ix-ok".to_owned(),
            "organization_id=o1&project_id=p1".to_owned()
        )]
    );
}

#[test]
fn states_come_from_the_metadata_status() {
    let server = sim();
    // (index words, status, state, exit code)
    let cases = [
        ("ix-ok", json!("ready"), "succeeded", 0),
        ("ix-failed", json!("failed"), "failed", 1),
        ("ix-running", json!("syncing"), "running", 5),
        ("ix-pending", json!("pending"), "running", 5),
        // The schema is open: no status at all is an index still building.
        ("ix-mystery", Value::Null, "running", 5),
    ];
    for (index, status, state, exit) in cases {
        let (code, stdout, stderr) = query(&server, &["llama", "index", "status", index, "--json"]);
        let env = &envelopes(&stdout)[0];
        assert_eq!(
            (&env["status"], env["state"].as_str()),
            (&status, Some(state)),
            "{index}"
        );
        assert_eq!(code, exit, "{index}: {stderr}");
        // Never warned about: any value is one the vendor may send.
        assert!(!stderr.contains("warning"), "{index}: {stderr}");
    }
}

#[test]
fn a_table_names_the_index_and_a_failed_ones_message() {
    let server = sim();
    let (code, stdout, _) = query(
        &server,
        &["llama", "index", "status", "ix-failed", "ix-mystery"],
    );
    assert_eq!(code, 1);
    let failed = stdout
        .lines()
        .find(|l| l.contains("ix-failed"))
        .expect(&stdout);
    assert!(failed.contains("ix-failed handbook"), "{stdout}");
    assert!(failed.contains("Embedding failed"), "{stdout}");
    // No status: `-` in the STATUS column.
    let mystery = stdout
        .lines()
        .find(|l| l.contains("ix-mystery"))
        .expect(&stdout);
    let cells: Vec<&str> = mystery.split_whitespace().collect();
    assert_eq!(cells[1], "-", "{mystery}");
}

#[test]
fn synced_after_waits_for_a_sync_that_late() {
    let server = sim();
    // Ready, but last synced a day before: not the sync just triggered.
    let (code, stdout, stderr) = query(
        &server,
        &[
            "llama",
            "index",
            "status",
            "ix-stale",
            "--synced-after",
            "10m",
            "--json",
        ],
    );
    assert_eq!(code, 5, "{stderr}");
    let env = &envelopes(&stdout)[0];
    assert_eq!(
        (&env["status"], &env["state"]),
        (&json!("ready"), &json!("running"))
    );
    let (_, table, _) = query(
        &server,
        &[
            "llama",
            "index",
            "status",
            "ix-stale",
            "--synced-after",
            "2099-01-01T00:00:00+01:00",
        ],
    );
    assert!(table.contains("last synced"), "{table}");
    assert!(
        table.contains("waiting for a sync at or after 2098-12-31T23:00:00Z"),
        "{table}"
    );
    // Without it, a ready index is done.
    let (code, _, _) = query(&server, &["llama", "index", "status", "ix-stale"]);
    assert_eq!(code, 0);

    // A re-sync: ready (old) -> syncing -> ready (new), watched to the end.
    let (code, stdout, stderr) = query(
        &server,
        &[
            "llama",
            "index",
            "status",
            "ix-resync-2s",
            "--synced-after",
            "1m",
            "--watch",
            "--interval",
            "100ms",
            "--events",
            "--json",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    let events = envelopes(&stdout);
    let seen: Vec<(&str, &str)> = events
        .iter()
        .map(|e| (e["status"].as_str().unwrap(), e["state"].as_str().unwrap()))
        .collect();
    assert_eq!(seen.first(), Some(&("ready", "running")), "{seen:?}");
    assert!(seen.contains(&("syncing", "running")), "{seen:?}");
    assert_eq!(seen.last(), Some(&("ready", "succeeded")), "{seen:?}");
}

#[test]
fn a_bad_synced_after_is_exit_2_before_any_request() {
    let server = sim();
    let (code, _, stderr) = query(
        &server,
        &[
            "llama",
            "index",
            "status",
            "ix-ok",
            "--synced-after",
            "after lunch",
        ],
    );
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("--synced-after"), "{stderr}");
    assert!(server.requests().is_empty());
}

#[test]
fn all_lists_the_projects_indexes_by_page_token_one_request_a_page() {
    let server = sim();
    let (code, stdout, stderr) = query(
        &server,
        &[
            "llama",
            "index",
            "status",
            "--all",
            "--project-id",
            "ixl-failed-items250",
            "--json",
        ],
    );
    assert_eq!(code, 1, "{stderr}");
    let reqs = requests(&server);
    assert_eq!(reqs.len(), 3, "{reqs:?}");
    for (i, (path, q)) in reqs.iter().enumerate() {
        assert_eq!(path, "/api/v1/indexes");
        let q = query_pairs(q);
        assert!(
            q.contains(&("page_size".to_owned(), "100".to_owned())),
            "{q:?}"
        );
        assert!(q.contains(&("project_id".to_owned(), "ixl-failed-items250".to_owned())));
        assert_eq!(q.iter().any(|(k, _)| k == "page_token"), i > 0, "{q:?}");
    }
    let envs = envelopes(&stdout);
    assert_eq!(envs.len(), 250);
    assert!(envs.iter().all(|e| e["service"] == "llama.index"));
    let failed = envs.iter().filter(|e| e["state"] == "failed").count();
    assert_eq!(failed, 25);
    // The response is the listed index, with its metadata.
    assert_eq!(envs[1]["response"]["metadata"]["status"], "ready");
}

#[test]
fn all_with_synced_after_applies_it_to_every_listed_index() {
    let server = sim();
    let (code, stdout, stderr) = query(
        &server,
        &[
            "llama",
            "index",
            "status",
            "--all",
            "--project-id",
            "ixl-items3",
            "--synced-after",
            "1h",
            "--json",
        ],
    );
    // The listed indexes synced as they became ready (now): at or after an hour ago.
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(envelopes(&stdout).len(), 3);
    let stale = envelopes(&stdout);
    assert!(stale.iter().all(|e| e["state"] == "succeeded"), "{stale:?}");
}

#[test]
fn all_with_ids_is_exit_2() {
    let server = sim();
    let (code, _, stderr) = query(&server, &["llama", "index", "status", "--all", "ix-ok"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(server.requests().is_empty());
}

#[test]
fn the_exporter_probes_an_index_with_its_synced_after() {
    let server = sim();
    let home = home();
    let exporter = Exporter::start(home.path(), &server, &[]);
    let series = exporter.probe("service=llama.index&index_id=ix-stale");
    assert_state(&series, "llama.index", "ix-stale", "succeeded");
    let series = exporter.probe("service=llama.index&index_id=ix-stale&synced_after=10m");
    assert_state(&series, "llama.index", "ix-stale", "running");
    let (status, body) =
        exporter.get("/probe?service=llama.index&index_id=ix-ok&synced_after=soon");
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("synced_after"), "{body}");
}
