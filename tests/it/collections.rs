//! Collections (`--all`), through the real binary against the simulator's
//! list endpoints. CONTRACT §10, line by line.

use crate::common::*;
use serde_json::Value;

// ---- bad input: exit 2 before any request ----

#[test]
fn all_with_ids_or_filters_without_all_are_exit_2() {
    let server = sim();
    // (arguments, the flag the message names)
    let cases: [(&[&str], &str); 11] = [
        (
            &["llama", "file", "status", "--pipeline", "p", "--all", "f1"],
            "--all",
        ),
        (&["batch", "status", "--all", "j1"], "--all"),
        (
            &["clarifeye", "run", "--project", "p", "--all", "r1"],
            "--all",
        ),
        (
            &["llama", "file", "status", "--pipeline", "p", "--all", "-"],
            "--all",
        ),
        (
            &[
                "llama",
                "file",
                "status",
                "--pipeline",
                "p",
                "f1",
                "--status",
                "ERROR",
            ],
            "--status",
        ),
        (
            &[
                "llama",
                "file",
                "status",
                "--pipeline",
                "p",
                "f1",
                "--name-contains",
                "x",
            ],
            "--name-contains",
        ),
        (&["batch", "status", "j1", "--status", "failed"], "--status"),
        (
            &["batch", "status", "j1", "--job-type", "parse"],
            "--job-type",
        ),
        (
            &[
                "clarifeye",
                "run",
                "--project",
                "p",
                "r1",
                "--status",
                "failed",
            ],
            "--status",
        ),
        // A filter with neither IDs nor --all.
        (&["batch", "status", "--status", "failed"], "--all"),
        (
            &[
                "llama",
                "file",
                "status",
                "--pipeline",
                "p",
                "--status",
                "ERROR",
            ],
            "--all",
        ),
    ];
    for (args, named) in cases {
        let (code, stdout, stderr) = query(&server, args);
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert!(stdout.is_empty(), "{args:?}");
        assert!(stderr.contains(named), "{args:?}: {stderr}");
    }
    assert!(server.requests().is_empty());
}

#[test]
fn an_unknown_status_is_exit_2_naming_the_valid_ones() {
    let server = sim();
    let cases: [(&[&str], &[&str]); 5] = [
        (
            &[
                "llama",
                "file",
                "status",
                "--pipeline",
                "p",
                "--all",
                "--status",
                "SUCCESS,DONE",
            ],
            &[
                "NOT_STARTED",
                "IN_PROGRESS",
                "SUCCESS",
                "ERROR",
                "CANCELLED",
            ],
        ),
        (
            &["batch", "status", "--all", "--status", "finished"],
            &[
                "pending",
                "running",
                "dispatched",
                "completed",
                "failed",
                "cancelled",
            ],
        ),
        (
            &["batch", "status", "--all", "--job-type", "ocr"],
            &["parse", "extract", "classify"],
        ),
        (
            &[
                "clarifeye",
                "run",
                "--project",
                "p",
                "--all",
                "--status",
                "failed,broken",
            ],
            &[
                "pending",
                "running",
                "completed",
                "completed_with_warnings",
                "failed",
                "aborted",
            ],
        ),
        (
            &["batch", "status", "j1", "--items", "exploded"],
            &[
                "pending",
                "processing",
                "completed",
                "failed",
                "skipped",
                "cancelled",
                "all",
            ],
        ),
    ];
    for (args, valid) in cases {
        let (code, _, stderr) = query(&server, args);
        assert_eq!(code, 2, "{args:?}: {stderr}");
        for value in valid {
            assert!(
                stderr.contains(value),
                "{args:?} does not name {value}: {stderr}"
            );
        }
    }
    assert!(server.requests().is_empty());
}

// ---- listing: every page, the largest page size, no request per item ----

#[test]
fn llama_files_follow_page_tokens_at_1000_a_page() {
    let server = sim();
    let (code, stdout, stderr) = query(
        &server,
        &[
            "llama",
            "file",
            "status",
            "--pipeline",
            "docs-items2500",
            "--all",
            "--json",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    let listed = envelopes(&stdout);
    assert_eq!(listed.len(), 2500);
    let seen = requests(&server);
    // ceil(2500 / 1000) requests, and none per file.
    assert_eq!(seen.len(), 3, "{seen:?}");
    let mut tokens = Vec::new();
    for (path, query) in &seen {
        assert_eq!(path, "/api/v1/beta/pipelines/docs-items2500/files");
        let pairs = query_pairs(query);
        assert!(
            pairs.contains(&("page_size".into(), "1000".into())),
            "{query}"
        );
        tokens.push(
            pairs
                .iter()
                .find(|(k, _)| k == "page_token")
                .map(|(_, v)| v.clone()),
        );
    }
    assert_eq!(tokens[0], None);
    assert!(tokens[1].is_some() && tokens[2].is_some() && tokens[1] != tokens[2]);
    // Each file once, in listing order.
    let ids: Vec<&str> = listed
        .iter()
        .map(|e| e["target"]["file_id"].as_str().unwrap_or(""))
        .collect();
    let unique: std::collections::HashSet<&str> = ids.iter().copied().collect();
    assert_eq!(unique.len(), 2500);
    assert!(
        ids[0].starts_with("file-0000") && ids[2499].starts_with("file-2499"),
        "{:?}",
        &ids[..2]
    );
}

#[test]
fn batch_jobs_and_clarifeye_runs_page_by_offset() {
    let server = sim();
    let (code, stdout, stderr) = query(
        &server,
        &[
            "batch",
            "status",
            "--all",
            "--project-id",
            "nightly-items2100",
            "--json",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(envelopes(&stdout).len(), 2100);
    let (code, stdout, stderr) = query(
        &server,
        &[
            "clarifeye",
            "run",
            "--project",
            "proj-items1200",
            "--all",
            "--json",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(envelopes(&stdout).len(), 1200);
    let pages: Vec<(String, Vec<(String, String)>)> = requests(&server)
        .into_iter()
        .map(|(path, query)| (path, query_pairs(&query)))
        .collect();
    let expect = |path: &str, offset: &str| {
        (
            path.to_owned(),
            vec![
                ("limit".to_owned(), "1000".to_owned()),
                ("offset".to_owned(), offset.to_owned()),
            ],
        )
    };
    let batch = "/api/v1/beta/batch-processing";
    let runs = "/api/v1/projects/proj-items1200/pipeline-runs/";
    let mut got = pages.clone();
    // The batch listing is scoped to the project given.
    for (_, pairs) in got.iter_mut().take(3) {
        assert!(
            pairs.contains(&("project_id".into(), "nightly-items2100".into())),
            "{pairs:?}"
        );
        pairs.retain(|(k, _)| k != "project_id");
    }
    assert_eq!(
        got,
        [
            expect(batch, "0"),
            expect(batch, "1000"),
            expect(batch, "2000"),
            expect(runs, "0"),
            expect(runs, "1000"),
        ]
    );
}

#[test]
fn statuses_are_sent_as_the_apis_filter() {
    let server = sim();
    let (code, stdout, stderr) = query(
        &server,
        &[
            "llama",
            "file",
            "status",
            "--pipeline",
            "docs-items30-failed",
            "--all",
            "--status",
            "error,Success",
            "--name-contains",
            "Report",
            "--json",
        ],
    );
    // The failed files are not reports: the server's filter left them out.
    assert_eq!(code, 0, "{stderr}");
    let listed = envelopes(&stdout);
    assert!(!listed.is_empty());
    for e in listed {
        assert!(
            e["response"]["name"]
                .as_str()
                .unwrap_or("")
                .starts_with("report"),
            "{e}"
        );
    }
    let (code, stdout, stderr) = query(
        &server,
        &[
            "batch",
            "status",
            "--all",
            "--project-id",
            "p-items9-partial",
            "--status",
            "COMPLETED",
            "--job-type",
            "Extract",
            "--json",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    for e in envelopes(&stdout) {
        assert_eq!(e["response"]["job_type"], "extract", "{e}");
    }
    // Clarifeye filters one status per request.
    let (code, stdout, stderr) = query(
        &server,
        &[
            "clarifeye",
            "run",
            "--project",
            "proj-items25-failed",
            "--all",
            "--status",
            "failed,ABORTED",
            "--json",
        ],
    );
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(envelopes(&stdout).len(), 3, "{stdout}");
    let queries: Vec<Vec<(String, String)>> = requests(&server)
        .iter()
        .map(|(_, q)| query_pairs(q))
        .collect();
    let has = |i: usize, k: &str, v: &str| queries[i].contains(&(k.to_owned(), v.to_owned()));
    assert!(
        has(0, "statuses", "ERROR") && has(0, "statuses", "SUCCESS"),
        "{:?}",
        queries[0]
    );
    assert!(has(0, "file_name_contains", "Report"), "{:?}", queries[0]);
    assert!(
        has(1, "status", "completed") && has(1, "job_type", "extract"),
        "{:?}",
        queries[1]
    );
    assert!(
        has(2, "status", "failed") && !has(2, "status", "aborted"),
        "{:?}",
        queries[2]
    );
    assert!(
        has(3, "status", "aborted") && !has(3, "status", "failed"),
        "{:?}",
        queries[3]
    );
    assert_eq!(queries.len(), 4);
}

#[test]
fn a_listed_file_is_named_by_its_file_id_with_its_name_in_details() {
    let server = sim();
    let (code, stdout, stderr) = query(
        &server,
        &[
            "llama",
            "file",
            "status",
            "--pipeline",
            "docs-items3",
            "--all",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    let row = stdout.lines().nth(1).unwrap_or_default();
    assert!(row.starts_with("docs-items3/file-0000-ok "), "{stdout}");
    assert!(row.trim_end().ends_with("slides-0000.pptx"), "{stdout}");
    // With no file_id, the item's id names it.
    server.script(
        "files:bare",
        vec![Reply::json(
            200,
            serde_json::json!({"items": [
            {"id": "pf-1", "pipeline_id": "bare", "name": "a.pdf", "status": "SUCCESS"}
        ], "next_page_token": null}),
        )],
    );
    let (code, stdout, _) = query(
        &server,
        &["llama", "file", "status", "--pipeline", "bare", "--all"],
    );
    assert_eq!(code, 0);
    assert!(stdout.contains("bare/pf-1"), "{stdout}");
}

#[test]
fn envelopes_of_items_are_those_of_single_targets_with_the_item_as_response() {
    let server = sim();
    let cases: [(&[&str], &str, &[&str]); 3] = [
        (
            &[
                "llama",
                "file",
                "status",
                "--pipeline",
                "docs-items2",
                "--all",
                "--json",
            ],
            "llama.file",
            &["pipeline_id", "file_id"],
        ),
        (
            &[
                "batch",
                "status",
                "--all",
                "--project-id",
                "proj-items2",
                "--json",
            ],
            "batch",
            &["job_id"],
        ),
        (
            &[
                "clarifeye",
                "run",
                "--project",
                "proj-items2",
                "--all",
                "--json",
            ],
            "clarifeye.run",
            &["project_id", "pipeline_run_id"],
        ),
    ];
    for (args, service, params) in cases {
        let (code, stdout, stderr) = query(&server, args);
        assert_eq!(code, 0, "{args:?}: {stderr}");
        for e in envelopes(&stdout) {
            let keys: Vec<&str> = e.as_object().unwrap().keys().map(String::as_str).collect();
            assert_eq!(
                keys,
                [
                    "service",
                    "target",
                    "state",
                    "status",
                    "terminal",
                    "progress",
                    "observed_at",
                    "response",
                    "error"
                ]
            );
            assert_eq!(e["service"], service);
            let target: Vec<&str> = e["target"]
                .as_object()
                .unwrap()
                .keys()
                .map(String::as_str)
                .collect();
            assert_eq!(target, params);
            assert_eq!(e["state"], "succeeded");
            // The list item as received: a batch job without a `job` wrapper.
            assert!(e["response"]["status"].is_string(), "{e}");
            assert!(e["response"].get("job").is_none(), "{e}");
        }
    }
}

#[test]
fn listed_clarifeye_runs_carry_no_steps_so_no_progress() {
    let server = sim();
    let (code, stdout, _) = query(
        &server,
        &[
            "clarifeye",
            "run",
            "--project",
            "proj-items2",
            "--all",
            "--json",
        ],
    );
    assert_eq!(code, 0);
    for e in envelopes(&stdout) {
        assert_eq!(e["progress"], Value::Null, "{e}");
        assert!(e["response"].get("steps").is_none(), "{e}");
    }
}

// ---- empty collections and big tables ----

#[test]
fn an_empty_collection_is_nothing_to_wait_for() {
    let server = sim();
    let cases: [(&[&str], &str); 4] = [
        (
            &[
                "llama",
                "file",
                "status",
                "--pipeline",
                "docs-items0",
                "--all",
                "--json",
            ],
            "no files match",
        ),
        (
            &[
                "llama",
                "file",
                "status",
                "--pipeline",
                "docs-items9",
                "--all",
                "--status",
                "ERROR",
                "--json",
                "--watch",
            ],
            "no files match",
        ),
        (
            &[
                "batch",
                "status",
                "--all",
                "--project-id",
                "p-items0",
                "--json",
            ],
            "no batch jobs match",
        ),
        (
            &["clarifeye", "run", "--project", "p-items0", "--all"],
            "no pipeline runs match",
        ),
    ];
    for (args, note) in cases {
        let (code, stdout, stderr) = query(&server, args);
        assert_eq!(code, 0, "{args:?}: {stderr}");
        assert_eq!(stdout, "", "{args:?}");
        assert!(stderr.contains(note), "{args:?}: {stderr}");
    }
}

#[test]
fn a_table_of_more_than_20_starts_with_counts_and_lists_what_did_not_succeed() {
    let server = sim();
    let args = [
        "llama",
        "file",
        "status",
        "--pipeline",
        "docs-items30-failed",
        "--all",
    ];
    let (code, stdout, stderr) = query(&server, &args);
    assert_eq!(code, 1, "{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines[0], "30 files: 27 succeeded, 3 failed", "{stdout}");
    assert!(lines[1].starts_with("TARGET"), "{stdout}");
    let rows = &lines[2..];
    assert_eq!(rows.len(), 3, "{stdout}");
    assert!(rows.iter().all(|r| r.contains("ERROR")), "{stdout}");
    // --json always lists every item.
    let (_, stdout, _) = query(&server, &[&args[..], &["--json"]].concat());
    assert_eq!(envelopes(&stdout).len(), 30);
    // 20 items or fewer: every row, no counts line.
    let (_, stdout, _) = query(
        &server,
        &[
            "llama",
            "file",
            "status",
            "--pipeline",
            "docs-items20-failed",
            "--all",
        ],
    );
    assert!(stdout.starts_with("TARGET"), "{stdout}");
    assert_eq!(stdout.lines().count(), 21, "{stdout}");
    // All succeeded: only the counts.
    let (code, stdout, _) = query(
        &server,
        &[
            "llama",
            "file",
            "status",
            "--pipeline",
            "docs-items25",
            "--all",
        ],
    );
    assert_eq!((code, stdout.as_str()), (0, "25 files: 25 succeeded\n"));
}

#[test]
fn items_of_a_pretty_printed_page_still_make_one_line_each() {
    let server = sim();
    let body = "{\n  \"items\": [\n    {\"id\": \"a\", \"name\": \"x.pdf\", \"status\": \"SUCCESS\",\n     \"custom_metadata\": {\"n\": 1.50}},\n    {\"id\": \"b\", \"name\": \"y\\nz.pdf\", \"status\": \"ERROR\"}\n  ],\r\n  \"next_page_token\": null\n}\n";
    server.script(
        "files:pretty",
        vec![Reply::Raw {
            status: 200,
            content_type: "application/json".into(),
            body: body.into(),
            headers: Vec::new(),
        }],
    );
    let (code, stdout, stderr) = query(
        &server,
        &[
            "llama",
            "file",
            "status",
            "--pipeline",
            "pretty",
            "--all",
            "--json",
        ],
    );
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(stdout.lines().count(), 2, "{stdout}");
    let listed = envelopes(&stdout);
    assert_eq!(
        listed[0]["response"]["custom_metadata"]["n"].to_string(),
        "1.50"
    );
    assert_eq!(listed[1]["response"]["name"], "y\nz.pdf");
}
