//! `Server::accept_keys`: only the named keys pass, on every vendor's
//! endpoints, and a test can change them while a client runs.

use serde_json::json;

use super::server::{any_port, client, json_of};
use crate::sim::{Reply, Server};

/// The status and body of a GET with this Authorization header, if any.
async fn get_with(
    server: &Server,
    path: &str,
    authorization: Option<&str>,
) -> (u16, serde_json::Value) {
    let mut request = client().get(format!("{}{path}", server.base_url()));
    if let Some(value) = authorization {
        request = request.header("authorization", value);
    }
    let response = request.send().await.expect("response");
    let status = response.status().as_u16();
    (status, json_of(response).await)
}

const LLAMA: &str = "/api/v1/pipelines/job-1/status";
const COUNTS: &str = "/api/v1/pipelines/job-1/files/status-counts";
const CLARIFEYE: &str = "/api/v1/projects/p/pipeline-runs/run-1/";
const FELDERA: &str = "/v0/pipelines/p/completion_status?token=t-1";

#[tokio::test(flavor = "current_thread")]
async fn only_accepted_keys_pass_on_every_vendor_until_cleared() {
    let server = Server::start(any_port()).await.unwrap();
    server.accept_keys(&["k-new"]);
    // Each vendor refuses with its own error body.
    for (path, field) in [
        (LLAMA, "detail"),
        (COUNTS, "detail"),
        (CLARIFEYE, "error"),
        (FELDERA, "message"),
    ] {
        for refused in [
            None,
            Some("Bearer k-old"),
            Some("Bearer "),
            Some("Basic k-new"),
        ] {
            let (status, body) = get_with(&server, path, refused).await;
            assert_eq!(status, 401, "{path} with {refused:?}");
            assert!(body[field].is_string(), "{path}: {body}");
        }
        let (status, _) = get_with(&server, path, Some("Bearer k-new")).await;
        assert_eq!(status, 200, "{path} with the accepted key");
    }
    assert_eq!(
        get_with(&server, FELDERA, None).await.1["error_code"],
        "Unauthorized"
    );
    // Clarifeye's other scheme names the key too.
    assert_eq!(
        get_with(&server, CLARIFEYE, Some("Token k-new")).await.0,
        200
    );

    // Changed while running: the old key expires, the new one passes.
    server.accept_keys(&["k-newer", "k-spare"]);
    assert_eq!(get_with(&server, LLAMA, Some("Bearer k-new")).await.0, 401);
    assert_eq!(
        get_with(&server, LLAMA, Some("Bearer k-spare")).await.0,
        200
    );

    // Cleared: the default again, any key on Llama, none needed on Feldera.
    server.accept_any_key();
    assert_eq!(
        get_with(&server, LLAMA, Some("Bearer anything")).await.0,
        200
    );
    assert_eq!(get_with(&server, LLAMA, None).await.0, 401);
    assert_eq!(get_with(&server, FELDERA, None).await.0, 200);
}

#[tokio::test(flavor = "current_thread")]
async fn scripted_replies_skip_the_key_check() {
    let server = Server::start(any_port()).await.unwrap();
    server.accept_keys(&["k-new"]);
    server.script(
        "job-1",
        vec![Reply::json(200, json!({"status": "SUCCESS"}))],
    );
    let (status, body) = get_with(&server, LLAMA, Some("Bearer k-old")).await;
    assert_eq!((status, &body["status"]), (200, &json!("SUCCESS")));
    // The refused requests are recorded like any other.
    assert_eq!(get_with(&server, COUNTS, Some("Bearer k-old")).await.0, 401);
    assert_eq!(server.requests().len(), 2);
}
