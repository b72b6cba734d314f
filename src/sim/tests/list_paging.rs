//! The list endpoints over real HTTP: page tokens, offsets, DRF links, filters.

use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, Instant};

use serde_json::Value;

use super::server::{any_port, client, get, json_of, status_and_json};
use crate::sim::Server;

pub(super) fn strs<'a>(body: &'a Value, list: &str, field: &str) -> Vec<&'a str> {
    body[list]
        .as_array()
        .map(|items| items.iter().filter_map(|i| i[field].as_str()).collect())
        .unwrap_or_default()
}

/// Follow `next_page_token` from `first` to the end; every page's file IDs.
async fn all_file_pages(server: &Server, first: &str) -> Vec<Vec<String>> {
    let mut pages = Vec::new();
    let mut path = first.to_string();
    loop {
        let (status, body) = status_and_json(server, &path).await;
        assert_eq!(status, 200, "{path}: {body}");
        pages.push(
            strs(&body, "items", "file_id")
                .into_iter()
                .map(String::from)
                .collect(),
        );
        match body["next_page_token"].as_str() {
            Some(token) => path = format!("{first}&page_token={token}"),
            None => return pages,
        }
        assert!(pages.len() < 1000, "paging does not end");
    }
}

#[tokio::test(flavor = "current_thread")]
async fn page_tokens_chain_to_the_end_and_cover_every_file_once() {
    let server = Server::start(any_port()).await.unwrap();
    let started = Instant::now();
    let big = "/api/v1/beta/pipelines/big-items10000/files?page_size=1000";
    let pages = all_file_pages(&server, big).await;
    assert_eq!(pages.len(), 10);
    assert!(pages.iter().all(|p| p.len() == 1000));
    let ids: BTreeSet<&String> = pages.iter().flatten().collect();
    assert_eq!(ids.len(), 10_000);
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "{:?}",
        started.elapsed()
    );

    // The default page size is 50; the last page has no token.
    let pages = all_file_pages(&server, "/api/v1/beta/pipelines/p-items120/files?x=1").await;
    assert_eq!(pages.iter().map(Vec::len).collect::<Vec<_>>(), [50, 50, 20]);
    let (_, first) = status_and_json(&server, "/api/v1/beta/pipelines/p-items120/files").await;
    assert_eq!(first["total_size"], 120);
    let token = first["next_page_token"].as_str().unwrap();
    assert!(token.parse::<u64>().is_err(), "not opaque: {token}");
    // The same token, the same page.
    let again = format!("/api/v1/beta/pipelines/p-items120/files?page_token={token}");
    let a = status_and_json(&server, &again).await.1;
    let b = status_and_json(&server, &again).await.1;
    assert_eq!(strs(&a, "items", "file_id"), strs(&b, "items", "file_id"));
    assert_eq!(strs(&a, "items", "file_id")[0], "file-0050-ok");
    let (status, body) = status_and_json(
        &server,
        "/api/v1/beta/pipelines/p/files?page_token=bm90LWEtdG9rZW4",
    )
    .await;
    assert_eq!((status, body["detail"].is_string()), (400, true));
}

#[tokio::test(flavor = "current_thread")]
async fn file_filters_select_by_status_and_name() {
    let server = Server::start(any_port()).await.unwrap();
    let list = |query: &str| format!("/api/v1/beta/pipelines/docs-partial/files?{query}");
    let (_, errors) = status_and_json(&server, &list("statuses=ERROR")).await;
    assert_eq!(
        strs(&errors, "items", "file_id"),
        ["file-0000-failed", "file-0010-failed"]
    );
    assert_eq!(errors["total_size"], 2);
    let (_, both) = status_and_json(&server, &list("statuses=ERROR&statuses=SUCCESS")).await;
    assert_eq!(both["total_size"], 20);
    let (_, reports) = status_and_json(&server, &list("file_name_contains=RePoRt")).await;
    assert_eq!(
        strs(&reports, "items", "name"),
        [
            "report-0003.pdf",
            "report-0007.pdf",
            "report-0011.pdf",
            "report-0015.pdf",
            "report-0019.pdf"
        ]
    );
    let (_, slides) =
        status_and_json(&server, &list("statuses=ERROR&file_name_contains=slides")).await;
    assert_eq!(strs(&slides, "items", "name"), ["slides-0000.pptx"]);
    // Filtered pages chain too.
    let pages = all_file_pages(&server, &list("page_size=1&statuses=SUCCESS")).await;
    assert_eq!(pages.len(), 18);
    // A listed file's own endpoint answers its outcome.
    for (file, status) in [("file-0000-failed", "ERROR"), ("file-0001-ok", "SUCCESS")] {
        let path = format!("/api/v1/pipelines/docs-partial/files/{file}/status");
        assert_eq!(status_and_json(&server, &path).await.1["status"], status);
    }
}

#[tokio::test(flavor = "current_thread")]
async fn drf_links_page_through_runs_newest_first() {
    let server = Server::start(any_port()).await.unwrap();
    let base = server.base_url();
    let first = "/api/v1/projects/pr-items5/pipeline-runs/?limit=2";
    let (_, page) = status_and_json(&server, first).await;
    assert_eq!(strs(&page, "results", "id"), ["run-0004-ok", "run-0003-ok"]);
    assert_eq!(page["previous"], Value::Null);
    let next = page["next"].as_str().unwrap().to_string();
    assert_eq!(
        next,
        format!("{base}/api/v1/projects/pr-items5/pipeline-runs/?limit=2&offset=2")
    );
    let mut ids: Vec<String> = strs(&page, "results", "id")
        .into_iter()
        .map(String::from)
        .collect();
    let mut url = Some(next);
    let mut previous = Vec::new();
    while let Some(u) = url {
        let page = json_of(client().get(&u).bearer_auth("k").send().await.unwrap()).await;
        ids.extend(strs(&page, "results", "id").into_iter().map(String::from));
        previous.push(page["previous"].clone());
        url = page["next"].as_str().map(String::from);
    }
    assert_eq!(
        ids,
        [
            "run-0004-ok",
            "run-0003-ok",
            "run-0002-ok",
            "run-0001-ok",
            "run-0000-ok"
        ]
    );
    let link = |q: &str| {
        Value::from(format!(
            "{base}/api/v1/projects/pr-items5/pipeline-runs/?{q}"
        ))
    };
    assert_eq!(previous, [link("limit=2"), link("limit=2&offset=2")]);

    // The filter stays in the links; the host is the one the client asked for.
    let response = client()
        .get(format!(
            "{base}/api/v1/projects/pr-failed-items12/pipeline-runs/?status=failed&limit=1"
        ))
        .header("host", "runs.example:8443")
        .bearer_auth("k")
        .send()
        .await
        .unwrap();
    let page = json_of(response).await;
    assert_eq!(page["count"], 2);
    assert_eq!(strs(&page, "results", "id"), ["run-0010-failed"]);
    assert_eq!(
        page["next"],
        "http://runs.example:8443/api/v1/projects/pr-failed-items12/pipeline-runs/?limit=1&offset=1&status=failed"
    );
    let past = status_and_json(&server, "/api/v1/projects/p/pipeline-runs/?offset=500")
        .await
        .1;
    assert_eq!(
        (past["results"].as_array().map(Vec::len), &past["next"]),
        (Some(0), &Value::Null)
    );
    assert!(
        past["previous"]
            .as_str()
            .unwrap()
            .ends_with("?limit=100&offset=400")
    );
    let response = get(&server, "/api/v1/projects/p/pipeline-runs/?limit=1000").await;
    assert_eq!(response.status(), 200);
}

/// (status, count) of a listing's items, by field `field`.
pub(super) fn tally(body: &Value, field: &str) -> Vec<(String, u64)> {
    let mut tally = BTreeMap::new();
    for status in strs(body, "items", field) {
        *tally.entry(status.to_string()).or_insert(0) += 1;
    }
    tally.into_iter().collect()
}
