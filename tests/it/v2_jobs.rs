//! LlamaCloud's v2 parse, extract and classify jobs, through the real
//! binary against the simulator. CONTRACT §14, line by line.

use crate::common::*;
use serde_json::Value;

fn param<'a>(pairs: &'a [(String, String)], name: &str) -> Vec<&'a str> {
    pairs
        .iter()
        .filter(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .collect()
}

// ---- one job: its endpoint, its states, its envelope ----

#[test]
fn each_kind_asks_its_own_endpoint_and_names_its_service() {
    for kind in ["parse", "extract", "classify"] {
        let server = sim();
        let (code, stdout, stderr) = query(&server, &["llama", kind, "status", "j-ok", "--json"]);
        assert_eq!(code, 0, "{kind}: {stderr}");
        let env = &envelopes(&stdout)[0];
        assert_eq!(env["service"], format!("llama.{kind}"));
        assert_eq!(env["target"], serde_json::json!({"job_id": "j-ok"}));
        assert_eq!(env["status"], "COMPLETED");
        assert_eq!(env["state"], "succeeded");
        assert_eq!(
            requests(&server),
            [(format!("/api/v2/{kind}/j-ok"), String::new())]
        );
    }
}

#[test]
fn states_and_exit_codes_per_status() {
    // (job words, vendor status, state, exit code)
    let cases = [
        ("j-pending", "PENDING", "pending", 5),
        ("j-running", "RUNNING", "running", 5),
        ("j-ok", "COMPLETED", "succeeded", 0),
        ("j-failed", "FAILED", "failed", 1),
        ("j-cancelled", "CANCELLED", "cancelled", 4),
        ("j-mystery", "QUANTUM_SUPERPOSITION", "unknown", 5),
    ];
    let server = sim();
    for kind in ["parse", "extract", "classify"] {
        for (job, status, state, exit) in cases {
            let (code, stdout, stderr) = query(&server, &["llama", kind, "status", job, "--json"]);
            let env = &envelopes(&stdout)[0];
            assert_eq!(env["status"], status, "{kind} {job}");
            assert_eq!(env["state"], state, "{kind} {job}");
            assert_eq!(code, exit, "{kind} {job}: {stderr}");
        }
    }
}

#[test]
fn a_parse_job_body_nests_the_job_and_a_failed_job_shows_its_error_message() {
    let server = sim();
    let (code, stdout, _) = query(&server, &["llama", "parse", "status", "j-failed", "--json"]);
    assert_eq!(code, 1);
    let env = &envelopes(&stdout)[0];
    assert_eq!(env["response"]["job"]["status"], "FAILED");
    // The other kinds carry status at the top.
    let (_, stdout, _) = query(
        &server,
        &["llama", "extract", "status", "j-failed", "--json"],
    );
    assert_eq!(envelopes(&stdout)[0]["response"]["status"], "FAILED");
    // error_message is the details of a failed job.
    let (_, table, _) = query(&server, &["llama", "classify", "status", "j-failed"]);
    assert!(table.contains("the PDF is encrypted"), "{table}");
}

#[test]
fn a_parse_body_without_the_nested_job_is_a_bad_response() {
    let server = sim();
    server.script(
        "j-odd",
        vec![Reply::json(200, serde_json::json!({"status": "COMPLETED"}))],
    );
    let (code, _, stderr) = query(
        &server,
        &["llama", "parse", "status", "j-odd", "--retries", "0"],
    );
    assert_eq!(code, 10, "{stderr}");
    assert!(stderr.contains("no `job` object"), "{stderr}");
}

#[test]
fn project_and_organization_scope_every_request() {
    let server = sim();
    let (code, _, stderr) = query(
        &server,
        &[
            "llama",
            "parse",
            "status",
            "a-ok",
            "b-ok",
            "--project-id",
            "p1",
            "--organization-id",
            "o1",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    let (path, q) = &requests(&server)[0];
    assert_eq!(path, "/api/v2/parse");
    let q = query_pairs(q);
    assert_eq!(param(&q, "project_id"), ["p1"]);
    assert_eq!(param(&q, "organization_id"), ["o1"]);

    // From the config, for a single job too.
    let server = sim();
    let home = home();
    let file = config(
        home.path(),
        "[profiles.default.llama]\nproject_id = \"cfg-p\"\n",
    );
    let (code, _, stderr) = run(bin_at(home.path(), &server)
        .args(["llama", "extract", "status", "x-ok", "--config"])
        .arg(&file));
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        requests(&server),
        [(
            "/api/v2/extract/x-ok".to_owned(),
            "project_id=cfg-p".to_owned()
        )]
    );
}

// ---- many IDs, one poll ----

#[test]
fn many_ids_cost_one_listing_request_per_fifty() {
    let server = sim();
    let ids: Vec<String> = (0..120).map(|i| format!("pj{i:03}-ok")).collect();
    let mut args = vec!["llama", "parse", "status", "--json"];
    args.extend(ids.iter().map(String::as_str));
    let (code, stdout, stderr) = query(&server, &args);
    assert_eq!(code, 0, "{stderr}");
    let reqs = requests(&server);
    assert_eq!(reqs.len(), 3, "{reqs:?}");
    let mut asked = Vec::new();
    for (path, q) in &reqs {
        assert_eq!(path, "/api/v2/parse");
        let q = query_pairs(q);
        let ids = param(&q, "job_ids");
        assert!(ids.len() <= 50, "{}", ids.len());
        asked.extend(ids.into_iter().map(str::to_owned));
    }
    asked.sort();
    assert_eq!(asked, ids);
    // Reported in argument order, one envelope each, from the listing.
    let envs = envelopes(&stdout);
    let order: Vec<&str> = envs
        .iter()
        .map(|e| e["target"]["job_id"].as_str().unwrap())
        .collect();
    assert_eq!(order, ids.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(envs.iter().all(|e| e["service"] == "llama.parse"));
}

#[test]
fn an_id_the_listing_does_not_return_is_asked_alone_and_unknown_is_exit_7() {
    let server = sim();
    let (code, stdout, stderr) = query(
        &server,
        &[
            "llama",
            "classify",
            "status",
            "a-ok",
            "b-notfound",
            "c-failed",
            "--json",
        ],
    );
    assert_eq!(code, 7, "{stderr}");
    let reqs = requests(&server);
    assert_eq!(reqs.len(), 2, "{reqs:?}");
    assert_eq!(reqs[0].0, "/api/v2/classify");
    assert_eq!(reqs[1].0, "/api/v2/classify/b-notfound");
    let envs = envelopes(&stdout);
    assert_eq!(envs[1]["error"]["kind"], "not_found");
    assert_eq!(envs[2]["state"], "failed");
}

#[test]
fn a_watch_of_many_jobs_asks_only_the_unfinished_ones_together() {
    let server = sim();
    let ids: Vec<String> = (0..60)
        .map(|i| format!("w{i:02}-ok-{}00ms", 1 + i % 4))
        .collect();
    let mut args = vec![
        "llama",
        "extract",
        "status",
        "-w",
        "--interval",
        "200ms",
        "-q",
    ];
    args.extend(ids.iter().map(String::as_str));
    let (code, _, stderr) = query(&server, &args);
    assert_eq!(code, 0, "{stderr}");
    let reqs = requests(&server);
    assert!(reqs.iter().all(|(p, _)| p == "/api/v2/extract"), "{reqs:?}");
    // Every poll costs at most ceil(60 / 50) = 2 requests, and a finished
    // job leaves the later polls.
    let last = query_pairs(&reqs.last().unwrap().1);
    assert!(param(&last, "job_ids").len() < 60);
    for id in &ids {
        assert_eq!(server.hits(id), 0, "{id} was asked alone");
    }
}

// ---- --all ----

#[test]
fn all_lists_by_page_token_at_page_size_100() {
    let server = sim();
    let (code, stdout, stderr) = query(
        &server,
        &[
            "llama",
            "parse",
            "status",
            "--all",
            "--project-id",
            "big-items150",
            "--json",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(envelopes(&stdout).len(), 150);
    let reqs = requests(&server);
    assert_eq!(reqs.len(), 2, "{reqs:?}");
    let first = query_pairs(&reqs[0].1);
    assert_eq!(param(&first, "page_size"), ["100"]);
    assert!(param(&first, "page_token").is_empty());
    assert_eq!(param(&query_pairs(&reqs[1].1), "page_token").len(), 1);
}

#[test]
fn status_filters_one_per_request_case_insensitive() {
    let server = sim();
    let (code, stdout, stderr) = query(
        &server,
        &[
            "llama",
            "extract",
            "status",
            "--all",
            "--project-id",
            "p-failed",
            "--status",
            "failed,Throttled",
            "--json",
        ],
    );
    assert_eq!(code, 1, "{stderr}");
    let reqs = requests(&server);
    let statuses: Vec<Vec<String>> = reqs
        .iter()
        .map(|(_, q)| {
            param(&query_pairs(q), "status")
                .into_iter()
                .map(str::to_owned)
                .collect()
        })
        .collect();
    assert_eq!(
        statuses,
        [vec!["FAILED".to_owned()], vec!["THROTTLED".to_owned()]]
    );
    let envs = envelopes(&stdout);
    assert!(!envs.is_empty());
    assert!(envs.iter().all(|e| e["status"] == "FAILED"));
}

#[test]
fn since_is_sent_as_created_at_on_or_after() {
    let server = sim();
    let (code, _, stderr) = query(
        &server,
        &[
            "llama",
            "classify",
            "status",
            "--all",
            "--since",
            "2026-11-30T08:00:00+01:00",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    let q = query_pairs(&requests(&server)[0].1);
    assert_eq!(
        param(&q, "created_at_on_or_after"),
        ["2026-11-30T07:00:00Z"]
    );

    let server = sim();
    let (code, _, stderr) = query(
        &server,
        &["llama", "parse", "status", "--all", "--since", "2h"],
    );
    assert_eq!(code, 0, "{stderr}");
    let q = query_pairs(&requests(&server)[0].1);
    let sent = param(&q, "created_at_on_or_after");
    let at = humantime::parse_rfc3339(sent[0]).expect("RFC 3339 UTC");
    let ago = std::time::SystemTime::now().duration_since(at).unwrap();
    assert!(ago.as_secs() >= 7199 && ago.as_secs() < 7300, "{ago:?}");
}

#[test]
fn an_empty_listing_is_nothing_to_wait_for() {
    let server = sim();
    let (code, stdout, stderr) = query(
        &server,
        &[
            "llama",
            "parse",
            "status",
            "--all",
            "--project-id",
            "p-items0",
            "--json",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.is_empty());
    assert!(stderr.contains("no parse jobs match"), "{stderr}");
}

// ---- bad input: exit 2 before any request ----

#[test]
fn bad_status_and_since_are_exit_2_before_any_request() {
    let server = sim();
    let cases: [(&[&str], &[&str]); 4] = [
        (
            &["llama", "parse", "status", "--all", "--status", "done"],
            &["PENDING", "RUNNING", "COMPLETED", "FAILED", "CANCELLED"],
        ),
        // THROTTLED is extract's alone.
        (
            &[
                "llama",
                "classify",
                "status",
                "--all",
                "--status",
                "throttled",
            ],
            &["CANCELLED"],
        ),
        (
            &[
                "llama",
                "extract",
                "status",
                "--all",
                "--since",
                "last week",
            ],
            &["--since", "RFC 3339"],
        ),
        (
            &["llama", "parse", "status", "--all", "--since", "2026-11-30"],
            &["--since"],
        ),
    ];
    for (args, named) in cases {
        let (code, stdout, stderr) = query(&server, args);
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert!(stdout.is_empty());
        for word in named {
            assert!(stderr.contains(word), "{args:?}: {stderr}");
        }
    }
    let (code, _, _) = query(
        &server,
        &[
            "llama",
            "extract",
            "status",
            "--all",
            "--status",
            "throttled",
        ],
    );
    assert_eq!(code, 0);
    assert_eq!(requests(&server).len(), 1, "only the valid one asked");
}

#[test]
fn all_with_ids_is_exit_2() {
    let server = sim();
    let (code, _, stderr) = query(&server, &["llama", "parse", "status", "--all", "j1"]);
    assert_eq!(code, 2, "{stderr}");
    let (code, _, stderr) = query(
        &server,
        &["llama", "parse", "status", "j1", "--status", "FAILED"],
    );
    assert_eq!(code, 2, "{stderr}");
    assert!(server.requests().is_empty());
}

#[test]
fn ids_come_from_stdin_too() {
    let server = sim();
    let home = home();
    let (code, stdout, stderr) = run(bin_at(home.path(), &server)
        .args(["llama", "parse", "status", "-", "--json"])
        .write_stdin("a-ok\n# comment\nb-ok\na-ok\n"));
    assert_eq!(code, 0, "{stderr}");
    let envs: Vec<Value> = envelopes(&stdout);
    assert_eq!(envs.len(), 2);
}

#[test]
fn a_listing_the_server_lacks_leaves_the_jobs_to_their_own_endpoints() {
    let server = sim();
    server.script(
        "parse:default",
        vec![Reply::json(404, serde_json::json!({"detail": "Not Found"}))],
    );
    let (code, stdout, stderr) = query(
        &server,
        &["llama", "parse", "status", "a-ok", "b-failed", "--json"],
    );
    assert_eq!(code, 1, "{stderr}");
    let envs = envelopes(&stdout);
    assert_eq!(envs[0]["state"], "succeeded");
    assert_eq!(envs[1]["state"], "failed");
    assert_eq!((server.hits("a-ok"), server.hits("b-failed")), (1, 1));

    // An outage is every job's, without a request per job.
    let server = sim();
    server.script(
        "parse:default",
        vec![Reply::json(503, serde_json::json!({"detail": "down"}))],
    );
    let (code, stdout, stderr) = query(
        &server,
        &[
            "llama",
            "parse",
            "status",
            "a-ok",
            "b-ok",
            "--json",
            "--retries",
            "0",
        ],
    );
    assert_eq!(code, 9, "{stderr}");
    let envs = envelopes(&stdout);
    assert!(
        envs.iter().all(|e| e["error"]["kind"] == "unavailable"),
        "{envs:?}"
    );
    assert_eq!((server.hits("a-ok"), server.hits("b-ok")), (0, 0));
}

// ---- THROTTLED (CONTRACT §16): queued work the vendor holds back ----

#[test]
fn throttled_is_pending_not_unknown() {
    let server = sim();
    for kind in ["parse", "extract", "classify"] {
        // `held`: the simulator's job says THROTTLED while it is pending.
        let (code, stdout, stderr) = query(
            &server,
            &["llama", kind, "status", "j-held-pending", "--json"],
        );
        assert_eq!(code, 5, "{kind}: {stderr}");
        let env = &envelopes(&stdout)[0];
        assert_eq!(env["status"], "THROTTLED", "{kind}");
        assert_eq!(env["state"], "pending", "{kind}");
        assert!(!stderr.contains("unknown status"), "{kind}: {stderr}");
    }
    // Asked together through the listing, the same.
    let (code, stdout, stderr) = query(
        &server,
        &[
            "llama",
            "extract",
            "status",
            "a-held-pending",
            "b-ok",
            "--json",
        ],
    );
    assert_eq!(code, 5, "{stderr}");
    let envs = envelopes(&stdout);
    assert_eq!(
        (&envs[0]["status"], &envs[0]["state"]),
        (&Value::from("THROTTLED"), &Value::from("pending"))
    );
    assert!(!stderr.contains("unknown status"), "{stderr}");
}

#[test]
fn a_watch_waits_through_throttled() {
    let server = sim();
    let (code, stdout, stderr) = query(
        &server,
        &[
            "llama",
            "extract",
            "status",
            "ejb-held-2s",
            "--watch",
            "--interval",
            "100ms",
            "--json",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(envelopes(&stdout)[0]["status"], "COMPLETED");
    let throttled = stderr.find("- -> THROTTLED").expect(&stderr);
    let running = stderr.find("THROTTLED -> RUNNING").expect(&stderr);
    assert!(throttled < running, "{stderr}");
    assert!(stderr.contains("RUNNING -> COMPLETED"), "{stderr}");
}
