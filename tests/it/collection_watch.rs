//! Watching a collection (`--all --watch`), and listings that go wrong:
//! CONTRACT §10, through the real binary against the simulator.

use crate::common::*;
use serde_json::{Value, json};

fn files_of(stdout: &str) -> Vec<String> {
    envelopes(stdout)
        .iter()
        .map(|e| {
            e["target"]["file_id"]
                .as_str()
                .unwrap_or_default()
                .to_owned()
        })
        .collect()
}

#[test]
fn each_poll_lists_again_until_every_item_is_final() {
    let server = sim();
    let (code, stdout, stderr) = query(
        &server,
        &[
            "llama",
            "file",
            "status",
            "--pipeline",
            "w-items12-partial-2s",
            "--all",
            "--watch",
            "--interval",
            "200ms",
            "--json",
        ],
    );
    // Items 0 and 10 end in ERROR (a file's partial), the others succeed.
    assert_eq!(code, 1, "{stderr}");
    let listed = envelopes(&stdout);
    assert_eq!(listed.len(), 12);
    assert!(listed.iter().all(|e| e["terminal"] == true), "{stdout}");
    // Off a terminal (CONTRACT §12): a line for each item that ends not
    // succeeded, and progress lines that count the others.
    assert!(
        stderr
            .lines()
            .any(|l| l.contains("/file-0000-failed-166ms ") && l.ends_with(" -> ERROR")),
        "{stderr}"
    );
    assert!(!stderr.contains("file-0011-ok"), "{stderr}");
    assert!(
        stderr
            .lines()
            .last()
            .is_some_and(|l| l.ends_with("w-items12-partial-2s/* 12/12 done, 2 failed, 0 waiting")),
        "{stderr}"
    );
    // Only listings were requested, a few polls of one page each.
    let requests = server.requests();
    assert!(requests.len() >= 5, "{}", requests.len());
    assert!(
        requests
            .iter()
            .all(|r| r.path == "/api/v1/beta/pipelines/w-items12-partial-2s/files")
    );
    // Nothing more once all are final.
    let hits = server.hits("files:w-items12-partial-2s");
    std::thread::sleep(std::time::Duration::from_millis(500));
    assert_eq!(server.hits("files:w-items12-partial-2s"), hits);
}

#[test]
fn items_that_appear_join_the_watch() {
    let server = sim();
    let (code, stdout, stderr) = query(
        &server,
        &[
            "llama",
            "file",
            "status",
            "--pipeline",
            "g-items8-growing-2s",
            "--all",
            "--watch",
            "--interval",
            "100ms",
            "--json",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(files_of(&stdout).len(), 8, "{stdout}");
    // The last file appears only after the first one has finished: the
    // progress lines count files done while fewer than 8 are listed.
    let counts: Vec<(u32, u32)> = stderr
        .lines()
        .filter_map(|l| {
            l.split(" done,")
                .next()?
                .rsplit(' ')
                .next()?
                .split_once('/')
        })
        .filter_map(|(done, total)| Some((done.parse().ok()?, total.parse().ok()?)))
        .collect();
    assert!(
        counts.iter().any(|&(done, total)| done >= 1 && total < 8),
        "{stderr}"
    );
    assert_eq!(counts.last(), Some(&(8, 8)), "{stderr}");
}

#[test]
fn with_status_the_first_listing_fixes_the_set() {
    let server = sim();
    let (code, stdout, stderr) = query(
        &server,
        &[
            "llama",
            "file",
            "status",
            "--pipeline",
            "s-items8-growing-2s",
            "--all",
            "--status",
            "not_started,in_progress",
            "--watch",
            "--interval",
            "100ms",
            "--json",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    // Only the first files were listed at the start; later ones do not join,
    // and those chosen are followed out of the filter to SUCCESS.
    let files = files_of(&stdout);
    assert!(!files.is_empty() && files.len() < 8, "{files:?}");
    for e in envelopes(&stdout) {
        assert_eq!(e["status"], "SUCCESS", "{e}");
    }
    assert!(!stderr.contains("file-0007"), "{stderr}");
    // The first listing is filtered; the ones that follow are not.
    let queries: Vec<String> = server
        .requests()
        .into_iter()
        .map(|r| r.query.unwrap_or_default())
        .collect();
    assert!(
        queries[0].contains("statuses=NOT_STARTED") && queries[0].contains("statuses=IN_PROGRESS")
    );
    assert!(
        queries[1..].iter().all(|q| !q.contains("statuses")),
        "{queries:?}"
    );
}

#[test]
fn a_vanished_item_is_reported_once_and_dropped() {
    let server = sim();
    let (code, stdout, stderr) = query(
        &server,
        &[
            "llama",
            "file",
            "status",
            "--pipeline",
            "v-items5-vanishing-2s",
            "--all",
            "--watch",
            "--interval",
            "100ms",
            "--json",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    let files = files_of(&stdout);
    assert_eq!(files.len(), 4, "{files:?}");
    assert!(
        files.iter().all(|f| !f.starts_with("file-0004")),
        "{files:?}"
    );
    let reported: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains("no longer listed"))
        .collect();
    assert_eq!(reported.len(), 1, "{stderr}");
    assert!(
        reported[0].starts_with("warning: llama.file v-items5-vanishing-2s/file-0004"),
        "{stderr}"
    );
}

#[test]
fn events_print_an_envelope_per_item_change() {
    let server = sim();
    let (code, stdout, stderr) = query(
        &server,
        &[
            "batch",
            "status",
            "--all",
            "--project-id",
            "e-items3-1s",
            "--watch",
            "--interval",
            "100ms",
            "--events",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    let events = envelopes(&stdout);
    // Each of the 3 jobs: first seen, then at least its final answer.
    for job in ["bjb-0000", "bjb-0001", "bjb-0002"] {
        let mine: Vec<&Value> = events
            .iter()
            .filter(|e| {
                e["target"]["job_id"]
                    .as_str()
                    .unwrap_or("")
                    .starts_with(job)
            })
            .collect();
        assert!(mine.len() >= 2, "{job}: {stdout}");
        assert_eq!(
            mine.last().map(|e| e["terminal"].clone()),
            Some(json!(true))
        );
    }
}

#[test]
fn a_watched_collection_that_never_ends_times_out() {
    let server = sim();
    let (code, stdout, stderr) = query(
        &server,
        &[
            "clarifeye",
            "run",
            "--project",
            "t-items4-running",
            "--all",
            "--watch",
            "--interval",
            "200ms",
            "--timeout",
            "1s",
            "--json",
        ],
    );
    assert_eq!(code, 6, "{stderr}");
    let runs = envelopes(&stdout);
    assert_eq!(runs.len(), 4);
    assert_eq!(
        runs.iter().filter(|e| e["state"] == "running").count(),
        1,
        "{stdout}"
    );
}

// ---- listings that go wrong ----

#[test]
fn a_listing_refused_is_its_documented_exit_code_with_the_servers_message() {
    let server = sim();
    let cases: [(&[&str], i32, &str); 4] = [
        (
            &[
                "llama",
                "file",
                "status",
                "--pipeline",
                "docs-notfound",
                "--all",
            ],
            7,
            "HTTP 404",
        ),
        (
            &["batch", "status", "--all", "--project-id", "p-unauthorized"],
            8,
            "HTTP 401",
        ),
        (
            &["clarifeye", "run", "--project", "p-forbidden", "--all"],
            8,
            "You do not have permission",
        ),
        (
            &[
                "llama",
                "file",
                "status",
                "--pipeline",
                "docs-unavailable",
                "--all",
                "--retries",
                "0",
            ],
            9,
            "HTTP 503",
        ),
    ];
    for (args, code, said) in cases {
        let (got, stdout, stderr) = query(&server, args);
        assert_eq!(got, code, "{args:?}: {stderr}");
        assert!(stdout.contains(said), "{args:?}: {stdout}");
        // The listing is the target: the pipeline or project with /*.
        assert!(stdout.contains("/*"), "{args:?}: {stdout}");
    }
    // The server's validation message (FastAPI's 422) comes through.
    server.script(
        "files:strict",
        vec![Reply::json(
            422,
            json!({"detail": [{"loc": ["query", "page_size"],
            "msg": "Input should be less than or equal to 1000", "type": "less_than_equal"}]}),
        )],
    );
    let (code, stdout, stderr) = query(
        &server,
        &[
            "llama",
            "file",
            "status",
            "--pipeline",
            "strict",
            "--all",
            "--json",
        ],
    );
    assert_eq!(code, 7, "{stderr}");
    let e = &envelopes(&stdout)[0];
    assert_eq!(e["target"], json!({"pipeline_id": "strict"}));
    assert_eq!(e["error"]["kind"], "invalid");
    assert!(
        stderr.contains("query.page_size: Input should be less than or equal to 1000"),
        "{stderr}"
    );
}

#[test]
fn a_malformed_page_is_exit_10_even_after_a_good_one() {
    let server = sim();
    let first = json!({"items": [{"id": "a", "file_id": "a", "status": "SUCCESS"}], "next_page_token": "more"});
    let truncated = Reply::Raw {
        status: 200,
        content_type: "application/json".into(),
        body: bytes::Bytes::from_static(b"{\"items\": [{\"id\": "),
        headers: Vec::new(),
    };
    server.script("files:cut", vec![Reply::json(200, first), truncated]);
    let (code, stdout, stderr) = query(
        &server,
        &[
            "llama",
            "file",
            "status",
            "--pipeline",
            "cut",
            "--all",
            "--retries",
            "0",
        ],
    );
    assert_eq!(code, 10, "{stderr}");
    assert!(stdout.contains("bad_response"), "{stdout}");
    for (body, why) in [
        (json!({"results": []}), "no `items` list"),
        (json!({"items": {"a": 1}}), "`items` is not a list"),
        (
            json!({"items": [{"name": "no id"}]}),
            "neither `file_id` nor `id`",
        ),
    ] {
        server.script("files:odd", vec![Reply::json(200, body)]);
        let (code, stdout, _) = query(
            &server,
            &[
                "llama",
                "file",
                "status",
                "--pipeline",
                "odd",
                "--all",
                "--retries",
                "0",
            ],
        );
        assert_eq!(code, 10, "{why}");
        assert!(stdout.contains(why), "{why}: {stdout}");
    }
}

#[test]
fn a_listing_that_never_ends_is_stopped_and_said() {
    let server = sim();
    for args in [
        &[
            "llama",
            "file",
            "status",
            "--pipeline",
            "docs-endless",
            "--all",
        ][..],
        &["clarifeye", "run", "--project", "p-endless", "--all"][..],
    ] {
        let (code, stdout, stderr) = query(&server, args);
        assert_eq!(code, 10, "{args:?}: {stderr}");
        assert!(
            stdout.contains("the listing does not end"),
            "{args:?}: {stdout}"
        );
    }
    // A token that comes back is a loop at once.
    let page = json!({"items": [{"id": "a", "status": "SUCCESS"}], "next_page_token": "same"});
    let other = json!({"items": [{"id": "b", "status": "SUCCESS"}], "next_page_token": "same"});
    server.script(
        "files:loop",
        vec![Reply::json(200, page), Reply::json(200, other)],
    );
    let (code, stdout, _) = query(
        &server,
        &["llama", "file", "status", "--pipeline", "loop", "--all"],
    );
    assert_eq!(code, 10);
    assert!(stdout.contains("a page token came back"), "{stdout}");
    assert_eq!(server.hits("files:loop"), 2);
}

#[test]
fn a_listing_of_new_items_without_end_stops_after_1000_pages() {
    let server = sim();
    let pages: Vec<Reply> = (0..1001)
        .map(|i| {
            Reply::json(
                200,
                json!({
                    "items": [{"id": format!("f{i}"), "status": "SUCCESS"}],
                    "next_page_token": format!("t{i}")
                }),
            )
        })
        .collect();
    server.script("files:forever", pages);
    let (code, stdout, _) = query(
        &server,
        &["llama", "file", "status", "--pipeline", "forever", "--all"],
    );
    assert_eq!(code, 10);
    assert!(stdout.contains("more than 1000 pages"), "{stdout}");
    assert_eq!(server.hits("files:forever"), 1000);
}

#[test]
fn an_item_without_a_status_is_unknown() {
    let server = sim();
    let (code, stdout, stderr) = query(
        &server,
        &[
            "llama",
            "file",
            "status",
            "--pipeline",
            "docs-items2-nostatus",
            "--all",
            "--json",
        ],
    );
    // Not finished: exit 5 for a one-off query.
    assert_eq!(code, 5, "{stderr}");
    for e in envelopes(&stdout) {
        assert_eq!(
            (e["state"].clone(), e["status"].clone()),
            (json!("unknown"), Value::Null),
            "{e}"
        );
    }
    assert_eq!(
        stderr.matches("listed without a status").count(),
        2,
        "{stderr}"
    );
}

#[test]
fn a_transient_listing_failure_does_not_end_a_watch() {
    let server = sim();
    let (code, stdout, stderr) = query(
        &server,
        &[
            "llama",
            "file",
            "status",
            "--pipeline",
            "f-items3-chaos40-1s",
            "--all",
            "--watch",
            "--interval",
            "100ms",
            "--retries",
            "0",
            "--json",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(files_of(&stdout).len(), 3, "{stdout}");
}
