//! `pipewatch llama batch status` (CONTRACT §16, LlamaCloud v2 batches)
//! through the real binary against the simulator over HTTP: the batch's
//! endpoint, its states, its files' jobs read 50 a request and not again
//! once over, its failed files, and `--all`.

use crate::common::*;
use serde_json::{Value, json};

/// The `job_ids` of one request's query.
fn job_ids(query: &str) -> Vec<String> {
    query_pairs(query)
        .into_iter()
        .filter(|(k, _)| k == "job_ids")
        .map(|(_, v)| v)
        .collect()
}

#[test]
fn one_batch_is_its_own_endpoint_with_results_expanded_and_scoped() {
    let server = sim();
    let (code, stdout, stderr) = query(
        &server,
        &[
            "llama",
            "batch",
            "status",
            "bt-ok-items3",
            "--project-id",
            "p1",
            "--json",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    let env = &envelopes(&stdout)[0];
    assert_eq!(env["service"], "llama.batch");
    assert_eq!(env["target"], json!({"batch_id": "bt-ok-items3"}));
    assert_eq!(
        (&env["status"], &env["state"]),
        (&json!("COMPLETED"), &json!("succeeded"))
    );
    assert_eq!(
        env["progress"],
        json!({"percent": 100.0, "done": 3, "total": 3, "failed": 0, "skipped": null})
    );
    // No failed files: no `files` field.
    assert!(env.get("files").is_none(), "{env}");
    let reqs = requests(&server);
    assert_eq!(reqs[0].0, "/api/v2/batches/bt-ok-items3");
    assert_eq!(
        query_pairs(&reqs[0].1),
        [
            ("expand".to_owned(), "results".to_owned()),
            ("project_id".to_owned(), "p1".to_owned())
        ]
    );
    // Its jobs, through the parse listing, scoped the same.
    assert_eq!(reqs.len(), 2, "{reqs:?}");
    assert_eq!(reqs[1].0, "/api/v2/parse");
    assert!(reqs[1].1.contains("project_id=p1"), "{reqs:?}");
    assert_eq!(job_ids(&reqs[1].1).len(), 3);
}

#[test]
fn states_and_exit_codes() {
    let server = sim();
    // (batch words, status, state, exit code)
    let cases = [
        ("bt-pending", "PENDING", "pending", 5),
        ("bt-held-pending", "THROTTLED", "pending", 5),
        ("bt-running", "RUNNING", "running", 5),
        ("bt-ok", "COMPLETED", "succeeded", 0),
        ("bt-partial", "COMPLETED", "partial", 3),
        ("bt-failed", "FAILED", "failed", 1),
        ("bt-cancelled", "CANCELLED", "cancelled", 4),
        ("bt-mystery", "RECONCILING", "unknown", 5),
    ];
    for (batch, status, state, exit) in cases {
        let (code, stdout, stderr) = query(&server, &["llama", "batch", "status", batch, "--json"]);
        let env = &envelopes(&stdout)[0];
        assert_eq!(
            (env["status"].as_str(), env["state"].as_str()),
            (Some(status), Some(state)),
            "{batch}"
        );
        assert_eq!(code, exit, "{batch}: {stderr}");
        assert_eq!(
            stderr.contains("unknown status"),
            state == "unknown",
            "{batch}: {stderr}"
        );
    }
}

#[test]
fn a_poll_costs_one_request_and_one_per_fifty_jobs_of_each_type() {
    let server = sim();
    let (code, _, stderr) = query(&server, &["llama", "batch", "status", "bt-ok-items120"]);
    assert_eq!(code, 0, "{stderr}");
    let reqs = requests(&server);
    let sizes: Vec<(&str, usize)> = reqs
        .iter()
        .map(|(p, q)| (p.as_str(), job_ids(q).len()))
        .collect();
    assert_eq!(
        sizes,
        [
            ("/api/v2/batches/bt-ok-items120", 0),
            ("/api/v2/parse", 50),
            ("/api/v2/parse", 50),
            ("/api/v2/parse", 20)
        ]
    );
    // Both types: ceil per type.
    let server = sim();
    let (code, _, stderr) = query(
        &server,
        &["llama", "batch", "status", "bt-mixed-ok-items120"],
    );
    assert_eq!(code, 0, "{stderr}");
    let mut sizes: Vec<(String, usize)> = requests(&server)
        .into_iter()
        .skip(1)
        .map(|(p, q)| (p, job_ids(&q).len()))
        .collect();
    sizes.sort();
    assert_eq!(
        sizes,
        [
            ("/api/v2/extract".to_owned(), 10),
            ("/api/v2/extract".to_owned(), 50),
            ("/api/v2/parse".to_owned(), 10),
            ("/api/v2/parse".to_owned(), 50),
        ]
    );
    // Every page size is the listings' 100: 50 IDs fit one page.
    assert!(
        requests(&server)
            .iter()
            .skip(1)
            .all(|(_, q)| q.contains("page_size=100"))
    );
}

#[test]
fn a_watch_does_not_ask_again_for_jobs_already_over() {
    let server = sim();
    let (code, stdout, stderr) = query(
        &server,
        &[
            "llama",
            "batch",
            "status",
            "bt-ok-2s-items60",
            "--watch",
            "--interval",
            "200ms",
            "--json",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(envelopes(&stdout)[0]["progress"]["done"], 60);
    // The jobs asked at each poll, after the batch's own request.
    let mut polls: Vec<Vec<String>> = Vec::new();
    for (path, q) in requests(&server) {
        if path.starts_with("/api/v2/batches/") {
            polls.push(Vec::new());
        } else if let Some(poll) = polls.last_mut() {
            poll.extend(job_ids(&q));
        }
    }
    assert!(polls.len() >= 4, "{} polls", polls.len());
    assert_eq!(polls[0].len(), 60);
    // Each poll asks only jobs the previous ones did not see end: fewer
    // and fewer, each one a job asked before (none comes back once over).
    for pair in polls.windows(2) {
        assert!(
            pair[1].len() <= pair[0].len(),
            "{:?}",
            polls.iter().map(Vec::len).collect::<Vec<_>>()
        );
        assert!(pair[1].iter().all(|id| pair[0].contains(id)));
    }
    // Jobs end one after another through the 2 s: about half are over at
    // a poll on average, and the last poll asks only the last few.
    let asked: usize = polls.iter().map(Vec::len).sum();
    assert!(
        asked < 60 * polls.len() * 3 / 4,
        "{asked} job IDs in {} polls",
        polls.len()
    );
    assert!(polls.last().unwrap().len() <= 10, "{:?}", polls.last());
}

#[test]
fn a_partial_batch_lists_its_failed_files_first_ten_and_how_many_more() {
    let server = sim();
    let (code, stdout, stderr) = query(
        &server,
        &["llama", "batch", "status", "bt-partial-items250"],
    );
    assert_eq!(code, 3, "{stderr}");
    // 25 troubled files: 13 mapping errors (every twentieth), 12 failed jobs.
    assert!(
        stdout.contains(
            "failed files of bt-partial-items250: the first 10 of 25 (all of them: --json)"
        ),
        "{stdout}"
    );
    let table = stdout.split("failed files of").nth(1).unwrap();
    assert!(
        table.contains("FILE") && table.contains("JOB") && table.contains("MESSAGE"),
        "{table}"
    );
    assert!(table.contains("Could not create a job"), "{table}");
    assert!(table.contains("the PDF is encrypted"), "{table}");
    assert_eq!(
        table.lines().filter(|l| l.starts_with("dfl-")).count(),
        10,
        "{table}"
    );

    // --json: `files`, every failed result with its job's status, last.
    let (_, stdout, _) = query(
        &server,
        &["llama", "batch", "status", "bt-partial-items250", "--json"],
    );
    let line = stdout.lines().next().unwrap();
    assert!(
        line.ends_with("]}") && line.contains(",\"files\":["),
        "{line}"
    );
    let env: Value = serde_json::from_str(line).unwrap();
    let files = env["files"].as_array().unwrap();
    assert_eq!(files.len(), 25);
    assert_eq!(env["progress"]["failed"], 25);
    let failed_jobs: Vec<&Value> = files.iter().filter(|f| f["status"] == "FAILED").collect();
    assert_eq!(failed_jobs.len(), 12);
    assert!(
        failed_jobs
            .iter()
            .all(|f| f["job_reference"]["type"] == "parse_v2")
    );
    let unmapped: Vec<&Value> = files.iter().filter(|f| f["status"].is_null()).collect();
    assert_eq!(unmapped.len(), 13);
    assert!(
        unmapped
            .iter()
            .all(|f| f["job_reference"].is_null() && f["error_message"].is_string())
    );
}

#[test]
fn a_summary_has_the_failed_files() {
    let server = sim();
    let home = home();
    let summary = home.path().join("summary.md");
    let (code, _, stderr) = run(bin_at(home.path(), &server)
        .args(["llama", "batch", "status", "bt-failed-items30", "--summary"])
        .arg(&summary));
    assert_eq!(code, 1, "{stderr}");
    let text = std::fs::read_to_string(&summary).unwrap();
    assert!(text.contains("#### Failed files of v2 batches"), "{text}");
    assert!(text.contains("| Target | File | Job | Message |"), "{text}");
    assert_eq!(
        text.matches("| bt-failed-items30 | dfl-").count(),
        3,
        "{text}"
    );
}

#[test]
fn without_results_no_progress_and_completed_is_succeeded() {
    let server = sim();
    let (code, stdout, stderr) = query(
        &server,
        &["llama", "batch", "status", "bt-noresults-running", "--json"],
    );
    assert_eq!(code, 5, "{stderr}");
    let env = &envelopes(&stdout)[0];
    assert_eq!(
        (&env["state"], &env["progress"]),
        (&json!("running"), &Value::Null)
    );
    assert_eq!(requests(&server).len(), 1, "no jobs to ask");

    server.script(
        "bt-done",
        vec![Reply::json(
            200,
            json!({"id": "bt-done", "project_id": "p", "source_directory_id": "d",
                   "config": {"job": {"type": "parse_v2", "configuration_id": "c"}},
                   "status": "COMPLETED", "results": null}),
        )],
    );
    let (code, stdout, stderr) = query(&server, &["llama", "batch", "status", "bt-done", "--json"]);
    assert_eq!(code, 0, "{stderr}");
    let env = &envelopes(&stdout)[0];
    assert_eq!(
        (&env["state"], &env["progress"]),
        (&json!("succeeded"), &Value::Null)
    );
}

#[test]
fn a_jobs_listing_that_fails_is_the_batchs_failure() {
    let server = sim();
    server.script(
        "parse:default",
        vec![Reply::json(503, json!({"detail": "down"}))],
    );
    let (code, stdout, stderr) = query(
        &server,
        &[
            "llama",
            "batch",
            "status",
            "bt-ok-items3",
            "--json",
            "--retries",
            "0",
        ],
    );
    assert_eq!(code, 9, "{stderr}");
    let env = &envelopes(&stdout)[0];
    assert_eq!(env["error"]["kind"], "unavailable");
    assert_eq!(env["error"]["http_status"], 503);
    assert!(
        env["error"]["message"]
            .as_str()
            .unwrap()
            .contains("files' jobs"),
        "{env}"
    );
    // The batch's own body is still the response.
    assert_eq!(env["response"]["id"], "bt-ok-items3");
}

#[test]
fn all_lists_batches_one_status_a_request_with_since() {
    let server = sim();
    let (code, stdout, stderr) = query(
        &server,
        &[
            "llama",
            "batch",
            "status",
            "--all",
            "--project-id",
            "btl-failed-items30",
            "--status",
            "failed,throttled",
            "--since",
            "2020-01-01T00:00:00Z",
            "--json",
        ],
    );
    assert_eq!(code, 1, "{stderr}");
    let reqs = requests(&server);
    assert_eq!(reqs.len(), 2, "{reqs:?}");
    let statuses: Vec<String> = reqs
        .iter()
        .map(|(path, q)| {
            assert_eq!(path, "/api/v2/batches");
            let q = query_pairs(q);
            assert!(
                q.contains(&("page_size".to_owned(), "100".to_owned())),
                "{q:?}"
            );
            assert!(q.contains(&(
                "created_at_on_or_after".to_owned(),
                "2020-01-01T00:00:00Z".to_owned()
            )));
            q.into_iter().find(|(k, _)| k == "status").unwrap().1
        })
        .collect();
    assert_eq!(statuses, ["FAILED", "THROTTLED"]);
    // State from the listing, no progress, no job requested.
    let envs = envelopes(&stdout);
    assert_eq!(envs.len(), 3);
    assert!(
        envs.iter()
            .all(|e| e["state"] == "failed" && e["progress"].is_null())
    );
}

#[test]
fn a_bad_status_is_exit_2_naming_the_valid_ones() {
    let server = sim();
    let (code, _, stderr) = query(
        &server,
        &["llama", "batch", "status", "--all", "--status", "done"],
    );
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("THROTTLED"), "{stderr}");
    let (code, _, stderr) = query(
        &server,
        &["llama", "batch", "status", "b1", "--status", "FAILED"],
    );
    assert_eq!(code, 2, "{stderr}");
    assert!(server.requests().is_empty());
}
