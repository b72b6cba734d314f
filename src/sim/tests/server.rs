//! The simulator as a client sees it: a real server on 127.0.0.1, real requests.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

use serde_json::{Value, json};

use crate::sim::{Reply, Server};

pub(super) fn any_port() -> SocketAddr {
    SocketAddr::from(([127, 0, 0, 1], 0))
}

pub(super) fn client() -> reqwest::Client {
    // reqwest is built without a default TLS provider; plain http still needs one installed.
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder()
        .no_proxy()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}

pub(super) async fn get(server: &Server, path: &str) -> reqwest::Response {
    client()
        .get(format!("{}{path}", server.base_url()))
        .bearer_auth("test-key")
        .send()
        .await
        .expect("response")
}

/// reqwest is built without its `json` feature, so parse the bytes here.
pub(super) async fn json_of(response: reqwest::Response) -> Value {
    let bytes = response.bytes().await.expect("body");
    serde_json::from_slice(&bytes).expect("json body")
}

pub(super) async fn status_and_json(server: &Server, path: &str) -> (u16, Value) {
    let response = get(server, path).await;
    let status = response.status().as_u16();
    (status, json_of(response).await)
}

#[tokio::test(flavor = "current_thread")]
async fn scripted_replies_play_in_order_and_the_last_repeats() {
    let server = Server::start(any_port()).await.unwrap();
    server.script(
        "run-1",
        vec![
            Reply::json(503, json!({"error": "busy"})).with_header("retry-after", "0"),
            Reply::json(200, json!({"status": "running"})),
            Reply::json(200, json!({"status": "completed"})),
        ],
    );
    let path = "/api/v1/projects/p/pipeline-runs/run-1/";
    let first = get(&server, path).await;
    assert_eq!(first.status(), 503);
    assert_eq!(first.headers()["retry-after"], "0");
    assert_eq!(status_and_json(&server, path).await.1["status"], "running");
    for _ in 0..2 {
        assert_eq!(
            status_and_json(&server, path).await,
            (200, json!({"status": "completed"}))
        );
    }
    assert_eq!(server.hits("run-1"), 4);
    assert_eq!(server.hits("never"), 0);
    let requests = server.requests();
    assert_eq!(requests.len(), 4);
    assert!(
        requests
            .iter()
            .all(|r| r.key.as_deref() == Some("run-1") && r.method == "GET")
    );
    assert_eq!(
        requests[0].authorization.as_deref(),
        Some("Bearer test-key")
    );
    assert_eq!(requests[0].host, Some(server.addr().to_string()));
    assert!(requests[0].at <= requests[3].at);
}

#[tokio::test(flavor = "current_thread")]
async fn grammar_answers_need_a_bearer_key_except_on_feldera() {
    let server = Server::start(any_port()).await.unwrap();
    let url = format!("{}/api/v1/pipelines/job-1/status", server.base_url());
    let unauthenticated = client().get(&url).send().await.unwrap();
    assert_eq!(unauthenticated.status(), 401);
    assert!(json_of(unauthenticated).await["detail"].is_string());
    let empty = client()
        .get(&url)
        .header("authorization", "Bearer ")
        .send()
        .await
        .unwrap();
    assert_eq!(empty.status(), 401);
    assert_eq!(
        status_and_json(&server, "/api/v1/pipelines/job-1/status")
            .await
            .1["status"],
        "SUCCESS"
    );
    let feldera = format!(
        "{}/v0/pipelines/p/completion_status?token=t-pending",
        server.base_url()
    );
    let response = client().get(feldera).send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(
        json_of(response).await,
        json!({"status": "inprogress", "step": null})
    );
    assert_eq!(server.hits("job-1"), 3);
}

#[tokio::test(flavor = "current_thread")]
async fn fault_words_answer_like_a_failing_vendor() {
    let server = Server::start(any_port()).await.unwrap();
    let path = "/api/v1/beta/batch-processing/b-flaky";
    assert_eq!(status_and_json(&server, path).await.0, 503);
    assert_eq!(
        status_and_json(&server, path).await,
        (503, json!({"detail": "Service temporarily unavailable."}))
    );
    let (status, body) = status_and_json(&server, path).await;
    assert_eq!(
        (status, body["job"]["status"].as_str()),
        (200, Some("completed"))
    );

    let limited = get(&server, "/api/v1/pipelines/p-ratelimited/status").await;
    assert_eq!(
        (limited.status().as_u16(), &limited.headers()["retry-after"]),
        (429, &"1".parse().unwrap())
    );

    let gone = "/v0/pipelines/p/completion_status?token=t-gone";
    let (status, body) = status_and_json(&server, gone).await;
    assert_eq!(
        (status, body["error_code"].as_str()),
        (410, Some("PipelineRestarted"))
    );

    let html = get(&server, "/api/v1/projects/p/pipeline-runs/r-html/").await;
    assert_eq!(html.headers()["content-type"], "text/html");
    assert_eq!(
        html.text().await.unwrap(),
        "<html><body>Gateway</body></html>"
    );

    let stalled = client()
        .get(format!(
            "{}/api/v1/pipelines/x-stall/status",
            server.base_url()
        ))
        .bearer_auth("k")
        .timeout(Duration::from_millis(200))
        .send()
        .await;
    assert!(stalled.is_err_and(|e| e.is_timeout()));
}

#[tokio::test(flavor = "current_thread")]
async fn percent_encoded_keys_are_decoded_but_recorded_raw() {
    let server = Server::start(any_port()).await.unwrap();
    let (status, _) = status_and_json(&server, "/api/v1/pipelines/a%2Fb%3Fc/status").await;
    assert_eq!(status, 200);
    assert_eq!(server.hits("a/b?c"), 1);
    let token = "/v0/pipelines/a%2Fb/completion_status?token=x%2By+z&other=1";
    assert_eq!(status_and_json(&server, token).await.0, 200);
    assert_eq!(server.hits("x+y+z"), 1);
    let requests = server.requests();
    assert_eq!(requests[0].path, "/api/v1/pipelines/a%2Fb%3Fc/status");
    assert_eq!(requests[1].query.as_deref(), Some("token=x%2By+z&other=1"));

    let bad = status_and_json(&server, "/api/v1/pipelines/%FF/status").await;
    assert_eq!(bad.0, 400);
    let unknown = status_and_json(&server, "/nope").await;
    assert_eq!(unknown.0, 404);
    assert_eq!(server.requests()[3].key, None);
}

#[tokio::test(flavor = "current_thread")]
async fn redirect_goes_to_localhost_and_a_following_client_drops_the_key() {
    let server = Server::start(any_port()).await.unwrap();
    let path = "/v0/pipelines/p/completion_status?token=t-redirect-ok";
    let first = get(&server, path).await;
    assert_eq!(first.status(), 307);
    let expected = format!(
        "http://localhost:{}/v0/pipelines/p/completion_status?token=t-ok",
        server.addr().port()
    );
    assert_eq!(first.headers()["location"], expected.as_str());

    let following = reqwest::Client::builder().no_proxy().build().unwrap();
    let url = format!("{}{path}", server.base_url());
    let response = following
        .get(url)
        .bearer_auth("secret")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let requests = server.requests();
    let last = requests.last().unwrap();
    assert_eq!(last.key.as_deref(), Some("t-ok"));
    assert_eq!(
        last.host,
        Some(format!("localhost:{}", server.addr().port()))
    );
    assert_eq!(last.authorization, None);
}

#[tokio::test(flavor = "current_thread")]
async fn huge_bodies_stream_without_end_in_sight() {
    let server = Server::start(any_port()).await.unwrap();
    let mut chunked = get(&server, "/api/v1/pipelines/p-huge/status").await;
    assert_eq!(chunked.status(), 200);
    assert!(chunked.content_length().is_none());
    assert_eq!(chunked.headers()["transfer-encoding"], "chunked");
    let mut read = 0;
    let mut first = None;
    while read < 4 * 1024 * 1024 {
        let chunk = chunked.chunk().await.unwrap().expect("more body");
        first.get_or_insert_with(|| chunk.clone());
        read += chunk.len();
    }
    assert!(first.unwrap().starts_with(b"{\"status\""));
    drop(chunked);

    let with_length = get(&server, "/api/v1/pipelines/p-hugecl/status").await;
    assert_eq!(with_length.content_length(), Some(200 * 1024 * 1024));
    server.script(
        "s",
        vec![Reply::Huge {
            bytes: 10,
            content_length: false,
        }],
    );
    assert_eq!(
        get(&server, "/api/v1/pipelines/s/status")
            .await
            .bytes()
            .await
            .unwrap()
            .len(),
        10
    );
}

#[tokio::test(flavor = "current_thread")]
async fn reset_closes_the_connection_unanswered() {
    let server = Server::start(any_port()).await.unwrap();
    let url = format!("{}/api/v1/pipelines/p-reset/status", server.base_url());
    let result = client().get(url).bearer_auth("k").send().await;
    assert!(result.is_err());
    server.script(
        "later",
        vec![Reply::Stall {
            delay: Duration::from_millis(50),
            then: Box::new(Reply::Reset),
        }],
    );
    let url = format!("{}/api/v1/pipelines/later/status", server.base_url());
    assert!(client().get(url).send().await.is_err());
    assert_eq!(server.hits("p-reset") + server.hits("later"), 2);
}

/// One raw HTTP/1.1 exchange; returns the whole response text.
fn raw_exchange(addr: SocketAddr, request: &[u8]) -> String {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    // The server may hang up mid-request (header too large): that is an answer too.
    let _ = stream.write_all(request);
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    String::from_utf8_lossy(&response).into_owned()
}

#[test]
fn background_server_survives_odd_requests_and_stops_on_drop() {
    let server = Server::spawn_background(any_port()).unwrap();
    let addr = server.addr();
    let ok = raw_exchange(
        addr,
        b"GET /api/v1/pipelines/p-partial/status HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer k\r\nConnection: close\r\n\r\n",
    );
    assert!(ok.starts_with("HTTP/1.1 200"), "{ok}");
    assert!(ok.contains("PARTIAL_SUCCESS"));
    let post = raw_exchange(
        addr,
        b"POST /api/v1/pipelines/p/status HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer k\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}",
    );
    assert!(post.starts_with("HTTP/1.1 405"), "{post}");
    let mut huge_header = b"GET /api/v1/pipelines/p/status HTTP/1.1\r\nHost: x\r\nX-Big: ".to_vec();
    huge_header.extend(std::iter::repeat_n(b'a', 1024 * 1024));
    huge_header.extend(b"\r\n\r\n");
    let refused = raw_exchange(addr, &huge_header);
    assert!(
        refused.is_empty() || refused.starts_with("HTTP/1.1 431"),
        "{refused}"
    );
    let garbage = raw_exchange(addr, b"\x00\xff NOT HTTP\r\n\r\n");
    assert!(
        garbage.is_empty() || garbage.starts_with("HTTP/1.1 400"),
        "{garbage}"
    );
    assert_eq!(server.hits("p-partial"), 1);
    server.shutdown();
    assert!(TcpStream::connect(addr).is_err());
}

#[tokio::test(flavor = "current_thread")]
async fn key_stats_mark_the_final_answer_and_count_what_came_after() {
    let server = Server::start(any_port()).await.unwrap();
    let path = "/v0/pipelines/p/completion_status?token=tok-gone-300ms";
    assert_eq!(get(&server, path).await.status(), 200);
    let stats = server.key_stats("tok-gone-300ms").unwrap();
    assert_eq!((stats.hits, stats.final_hit), (1, None));
    tokio::time::sleep(Duration::from_millis(350)).await;
    assert_eq!(get(&server, path).await.status(), 410);
    assert_eq!(get(&server, path).await.status(), 410);
    let stats = server.key_stats("tok-gone-300ms").unwrap();
    assert_eq!(stats.hits, 3);
    assert_eq!(stats.final_hit.map(|(hit, _)| hit), Some(2));
    assert_eq!(stats.hits_after_final(), 1);
    assert!(server.key_stats("never-asked").is_none());
}

#[tokio::test(flavor = "current_thread")]
async fn chaos_faults_are_counted_by_kind() {
    let server = Server::start(any_port()).await.unwrap();
    // chaos100: every request faults; stalls take 5 s, so only count here.
    let mut statuses = Vec::new();
    for _ in 0..3 {
        let response = client()
            .get(format!(
                "{}/v0/pipelines/p/completion_status?token=t-chaos100",
                server.base_url()
            ))
            .timeout(Duration::from_millis(200))
            .send()
            .await;
        statuses.push(response.map(|r| r.status().as_u16()).ok());
    }
    let served: u64 = server.chaos_served().iter().map(|(_, n)| n).sum();
    assert_eq!(served, 3, "{:?}", server.chaos_served());
    // None of them is a plain answer: 503, 429, a 200 with truncated JSON,
    // or no answer (reset, or the stall outlasting our 200 ms).
    assert!(
        statuses
            .iter()
            .all(|s| matches!(s, None | Some(503 | 429 | 200)))
    );
    // Only a stall delivers the answer (late): then it counts as final.
    let stalls = server
        .chaos_served()
        .iter()
        .find(|(k, _)| *k == "stall")
        .unwrap()
        .1;
    let final_hit = server.key_stats("t-chaos100").unwrap().final_hit;
    assert_eq!(
        final_hit.is_some(),
        stalls > 0,
        "{:?}",
        server.chaos_served()
    );
}

/// A body sees its request's query: a v2 batch lists its results only
/// when asked with `expand=results`, as LlamaCloud's spec says.
#[tokio::test(flavor = "current_thread")]
async fn a_status_body_answers_what_its_query_asks() {
    let server = Server::start(any_port()).await.unwrap();
    let (_, plain) = status_and_json(&server, "/api/v2/batches/b-ok-items3").await;
    assert_eq!(plain["results"], Value::Null);
    for expand in [
        "expand=results",
        "expand=other&expand=results",
        "expand=x,results",
    ] {
        let path = format!("/api/v2/batches/b-ok-items3?{expand}");
        let (status, expanded) = status_and_json(&server, &path).await;
        assert_eq!(status, 200);
        assert_eq!(
            expanded["results"].as_array().map(Vec::len),
            Some(3),
            "{expand}"
        );
    }
}
