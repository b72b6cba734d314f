//! The list endpoints over real HTTP: credentials, refused queries, fault
//! words, namespaced scripts, and the collection words that move.

use std::time::Duration;

use serde_json::{Value, json};

use super::server::{any_port, client, get, json_of, status_and_json};
use crate::sim::{Reply, Server};

const FILES: &str = "/api/v1/beta/pipelines/p/files";
const COUNTS: &str = "/api/v1/pipelines/p/files/status-counts";
const JOBS: &str = "/api/v1/beta/batch-processing";
const ITEMS: &str = "/api/v1/beta/batch-processing/j/items";
const RUNS: &str = "/api/v1/projects/p/pipeline-runs/";

#[tokio::test(flavor = "current_thread")]
async fn lists_need_a_bearer_key_and_answer_in_the_vendors_words() {
    let server = Server::start(any_port()).await.unwrap();
    for (path, field) in [
        (FILES, "detail"),
        (COUNTS, "detail"),
        (JOBS, "detail"),
        (ITEMS, "detail"),
        (RUNS, "error"),
    ] {
        let url = format!("{}{path}", server.base_url());
        let response = client().get(&url).send().await.unwrap();
        assert_eq!(response.status(), 401, "{path}");
        assert!(json_of(response).await[field].is_string(), "{path}");
        assert_eq!(get(&server, path).await.status(), 200, "{path}");
    }
    let url = format!("{}{RUNS}", server.base_url());
    let token = client()
        .get(&url)
        .header("authorization", "Token k")
        .send()
        .await;
    assert_eq!(token.unwrap().status(), 200);
    assert_eq!(server.hits("runs:p"), 3);
    assert_eq!(server.hits("jobs:default"), 2);
    assert_eq!(server.hits("p"), 0);
}

/// (status, body) of each query on `path`.
async fn answers(server: &Server, path: &str, queries: &[&str]) -> Vec<(u16, Value)> {
    let mut out = Vec::new();
    for query in queries {
        out.push(status_and_json(server, &format!("{path}?{query}")).await);
    }
    out
}

#[tokio::test(flavor = "current_thread")]
async fn bad_queries_are_refused_as_each_framework_does() {
    let server = Server::start(any_port()).await.unwrap();
    let huge = "9".repeat(60);
    let bad_files = [
        "page_size=0".to_string(),
        "page_size=1001".into(),
        format!("page_size={huge}"),
        "page_size=-1".into(),
        "page_size=ten".into(),
        "page_size=%FF".into(),
        "page_size=".into(),
        "statuses=error".into(),
        "statuses=SUCCESS&statuses=DONE".into(),
        "statuses=ERROR,SUCCESS".into(),
    ];
    let queries: Vec<&str> = bad_files.iter().map(String::as_str).collect();
    for (status, body) in answers(&server, FILES, &queries).await {
        assert_eq!(status, 422, "{body}");
        let entry = &body["detail"][0];
        assert!(
            entry["loc"][0] == "query" && entry["msg"].is_string() && entry["type"].is_string()
        );
    }
    let (_, body) = status_and_json(
        &server,
        &format!("{FILES}?statuses=SUCCESS&statuses=DONE&page_size=0"),
    )
    .await;
    assert_eq!(body["detail"][0]["loc"], json!(["query", "statuses", 1]));
    assert_eq!(body["detail"][1]["ctx"], json!({"ge": 1}));

    let fastapi = [
        "limit=0",
        "limit=1001",
        "offset=-1",
        "offset=x",
        "status=DONE",
        "status=Failed",
    ];
    for path in [JOBS, ITEMS] {
        for (status, body) in answers(&server, path, &fastapi).await {
            assert_eq!(status, 422, "{path}: {body}");
        }
    }
    for (status, _) in answers(&server, JOBS, &["job_type=PARSE", "job_type="]).await {
        assert_eq!(status, 422);
    }
    let drf = [
        "limit=0",
        "limit=1001",
        "limit=x",
        "offset=-1",
        "offset=1.5",
        "status=done",
    ];
    for (status, body) in answers(&server, RUNS, &drf).await {
        assert_eq!(status, 400, "{body}");
        assert!(body["error"].is_string(), "{body}");
    }
    let (_, body) = status_and_json(&server, &format!("{RUNS}?status=Done%21")).await;
    assert_eq!(
        body,
        json!({"error": "Select a valid choice. Done! is not one of the available choices."})
    );
    // A refusal is an answer pipewatch does not retry.
    assert!(server.key_stats("runs:p").unwrap().final_hit.is_some());

    // What the frameworks accept: the last of a repeated value, huge offsets,
    // an empty filter, unknown parameters, odd escapes in free text.
    let fine = [
        "page_size=5&page_size=2".to_string(),
        "page_token=".into(),
        "file_name_contains=%FF%zz%".into(),
        "project_id=x&organization_id=y&data_source_id=z&other".into(),
        "=&&=&%".into(),
        "statuses=ERROR&".repeat(500),
    ];
    let queries: Vec<&str> = fine.iter().map(String::as_str).collect();
    let got = answers(&server, FILES, &queries).await;
    assert!(got.iter().all(|(status, _)| *status == 200), "{got:?}");
    assert_eq!(got[0].1["items"].as_array().map(Vec::len), Some(2));
    assert_eq!(got[2].1["total_size"], 0);
    let far = format!("offset={huge}");
    for path in [JOBS, ITEMS, RUNS] {
        let (status, body) =
            status_and_json(&server, &format!("{path}?{far}&limit=3&limit=1")).await;
        assert_eq!(status, 200, "{path}: {body}");
    }
    let (_, runs) = status_and_json(&server, &format!("{RUNS}?status=")).await;
    assert_eq!(runs["count"], 20);
}

#[tokio::test(flavor = "current_thread")]
async fn fault_words_act_on_the_list_request() {
    let server = Server::start(any_port()).await.unwrap();
    let flaky = "/api/v1/beta/pipelines/p-flaky/files";
    assert_eq!(get(&server, flaky).await.status(), 503);
    assert_eq!(get(&server, flaky).await.status(), 503);
    assert_eq!(get(&server, flaky).await.status(), 200);
    // Counted per namespaced key: the counts get their own two 503s.
    let counts = "/api/v1/pipelines/p-flaky/files/status-counts";
    assert_eq!(get(&server, counts).await.status(), 503);
    assert_eq!(server.hits("files:p-flaky"), 3);
    assert_eq!(server.hits("counts:p-flaky"), 1);

    let (status, body) = status_and_json(
        &server,
        "/api/v1/beta/batch-processing?project_id=pr-unprocessable",
    )
    .await;
    assert_eq!(
        (status, &body["detail"][0]["loc"]),
        (422, &json!(["query", "project_id"]))
    );
    let (status, body) =
        status_and_json(&server, "/api/v1/projects/pr-notfound/pipeline-runs/").await;
    assert_eq!((status, body), (404, json!({"error": "Not found."})));
    let html = get(&server, "/api/v1/beta/batch-processing/j-html/items").await;
    assert_eq!(html.headers()["content-type"], "text/html");
    let redirect = get(
        &server,
        "/api/v1/beta/pipelines/p-redirect/files?page_size=2",
    )
    .await;
    assert_eq!(redirect.status(), 307);
    assert_eq!(
        redirect.headers()["location"].to_str().unwrap(),
        format!(
            "http://localhost:{}/api/v1/beta/pipelines/p/files?page_size=2",
            server.addr().port()
        )
    );
    let (_, bare) = status_and_json(&server, "/api/v1/beta/pipelines/p-nostatus/files").await;
    assert!(bare["items"][0].get("status").is_none() && bare["items"][0]["file_id"].is_string());
    // A gone-after-duration word: the listing works, then the error for ever.
    let gone = "/api/v1/projects/pr-gone-200ms/pipeline-runs/";
    assert_eq!(get(&server, gone).await.status(), 200);
    tokio::time::sleep(Duration::from_millis(250)).await;
    assert_eq!(get(&server, gone).await.status(), 410);

    // nocounts: only the counts endpoint is missing.
    let (status, body) =
        status_and_json(&server, "/api/v1/pipelines/p-nocounts/files/status-counts").await;
    assert_eq!((status, body), (404, json!({"detail": "Not Found"})));
    assert_eq!(
        get(&server, "/api/v1/pipelines/p-nocounts/status")
            .await
            .status(),
        200
    );
    assert_eq!(
        get(&server, "/api/v1/beta/pipelines/p-nocounts/files")
            .await
            .status(),
        200
    );
    assert_eq!(
        server
            .key_stats("counts:p-nocounts")
            .unwrap()
            .final_hit
            .map(|h| h.0),
        Some(1)
    );
}

#[tokio::test(flavor = "current_thread")]
async fn scripts_and_stats_are_per_namespaced_key() {
    let server = Server::start(any_port()).await.unwrap();
    server.script(
        "files:p",
        vec![
            Reply::json(
                200,
                json!({"items": [], "next_page_token": "page-2", "total_size": 3}),
            ),
            Reply::Raw {
                status: 200,
                content_type: "application/json".into(),
                body: bytes::Bytes::from_static(b"{\"items\": [{\"id\""),
                headers: Vec::new(),
            },
        ],
    );
    let first = status_and_json(&server, FILES).await;
    assert_eq!(first.1["next_page_token"], "page-2");
    for _ in 0..2 {
        let body = get(&server, &format!("{FILES}?page_token=page-2"))
            .await
            .bytes()
            .await
            .unwrap();
        assert_eq!(&body[..], b"{\"items\": [{\"id\"");
    }
    // The pipeline's status and counts are not scripted by it.
    assert_eq!(
        status_and_json(&server, "/api/v1/pipelines/p/status")
            .await
            .1["status"],
        "SUCCESS"
    );
    assert_eq!(status_and_json(&server, COUNTS).await.0, 200);
    assert_eq!(
        (
            server.hits("files:p"),
            server.hits("counts:p"),
            server.hits("p")
        ),
        (3, 1, 1)
    );
    let keys: Vec<Option<String>> = server.requests().into_iter().map(|r| r.key).collect();
    assert_eq!(keys[0].as_deref(), Some("files:p"));
    assert_eq!(keys[4].as_deref(), Some("counts:p"));
    // A finished collection's listing is its final answer.
    assert_eq!(get(&server, RUNS).await.status(), 200);
    assert_eq!(
        server.key_stats("runs:p").unwrap().final_hit.map(|h| h.0),
        Some(1)
    );
    let waiting = "/api/v1/projects/wait-10s/pipeline-runs/";
    assert_eq!(get(&server, waiting).await.status(), 200);
    assert_eq!(server.key_stats("runs:wait-10s").unwrap().final_hit, None);
}

#[tokio::test(flavor = "current_thread")]
async fn endless_listings_never_end() {
    let server = Server::start(any_port()).await.unwrap();
    let files = "/api/v1/beta/pipelines/p-endless-items3/files?page_size=2";
    let mut tokens = Vec::new();
    let mut path = files.to_string();
    for _ in 0..10 {
        let page = status_and_json(&server, &path).await.1;
        assert_eq!(page["items"].as_array().map(Vec::len), Some(2));
        let token = page["next_page_token"].as_str().unwrap().to_string();
        path = format!("{files}&page_token={token}");
        tokens.push(token);
    }
    tokens.sort();
    tokens.dedup();
    assert_eq!(tokens.len(), 10);
    let jobs = status_and_json(
        &server,
        "/api/v1/beta/batch-processing?project_id=e-endless-items3&limit=5&offset=2",
    )
    .await
    .1;
    let ids: Vec<&str> = jobs["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|j| j["id"].as_str())
        .collect();
    assert_eq!(ids.len(), 5);
    assert!(ids[0].starts_with("bjb-0002") && ids[1].starts_with("bjb-0000"));
    assert_eq!(jobs["total_size"], 3);
    let items = status_and_json(
        &server,
        "/api/v1/beta/batch-processing/j-endless-items2/items?limit=3",
    )
    .await
    .1;
    assert_eq!(items["items"].as_array().map(Vec::len), Some(3));
    let runs = status_and_json(
        &server,
        "/api/v1/projects/e-endless-items3/pipeline-runs/?offset=300",
    )
    .await
    .1;
    assert!(
        runs["next"]
            .as_str()
            .unwrap()
            .ends_with("?limit=100&offset=400")
    );
    assert_eq!(runs["results"].as_array().map(Vec::len), Some(100));
}

#[tokio::test(flavor = "current_thread")]
async fn growing_collections_gain_items_and_vanishing_ones_lose_one() {
    let server = Server::start(any_port()).await.unwrap();
    let growing = "/api/v1/beta/pipelines/g-growing-600ms-items10/files";
    let early = status_and_json(&server, growing).await.1;
    assert_eq!(
        (
            early["total_size"].as_u64(),
            early["items"][0]["file_id"].as_str()
        ),
        (Some(1), Some("file-0000-ok-60ms"))
    );
    tokio::time::sleep(Duration::from_millis(320)).await;
    let later = status_and_json(&server, growing).await.1;
    assert_eq!(later["total_size"], 10);
    let counts = status_and_json(
        &server,
        "/api/v1/pipelines/g-growing-600ms-items10/files/status-counts",
    )
    .await
    .1;
    assert_eq!(counts["total_count"], 10);

    let vanishing = "/api/v1/projects/v-vanishing-400ms-items5/pipeline-runs/";
    assert_eq!(status_and_json(&server, vanishing).await.1["count"], 5);
    tokio::time::sleep(Duration::from_millis(220)).await;
    let after = status_and_json(&server, vanishing).await.1;
    assert_eq!(after["count"], 4);
    // Newest first: the one that left was at the top.
    assert_eq!(
        after["results"][0]["id"]
            .as_str()
            .map(|id| id.starts_with("run-0003")),
        Some(true)
    );
}

#[tokio::test(flavor = "current_thread")]
async fn extreme_keys_and_offsets_answer_without_panicking() {
    let server = Server::start(any_port()).await.unwrap();
    let max = u64::MAX;
    let near = max - 1;
    for path in [
        format!(
            "/api/v1/beta/batch-processing/j-running-endless-items{max}/items?offset={near}&limit=1000"
        ),
        format!(
            "/api/v1/beta/batch-processing/j-partial-items{max}/items?offset={near}&status=failed"
        ),
        format!(
            "/api/v1/beta/batch-processing/j-cancelled-items{max}/items?status=cancelled&offset=9"
        ),
        format!(
            "/api/v1/beta/pipelines/p-endless-items5/files?page_token={}",
            crate::sim::paging::page_token(max)
        ),
        format!("/api/v1/projects/p-endless-items{max}/pipeline-runs/?offset={near}&limit=3"),
        format!("/api/v1/beta/batch-processing?project_id=p-endless-growing-items7&offset={near}"),
        "/api/v1/beta/pipelines/p-99999999999999999999s-items3/files".to_string(),
    ] {
        let (status, body) = status_and_json(&server, &path).await;
        assert_eq!(status, 200, "{path}: {body}");
    }
    // The server is still there.
    assert_eq!(get(&server, FILES).await.status(), 200);
}
