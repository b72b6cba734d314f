//! Routing: which endpoint a path names, and its key.

use crate::sim::routing::*;

/// (service, key, parent) of the endpoint a request names.
fn key_of(path: &str, query: Option<&str>) -> Option<(&'static str, String, Option<String>)> {
    match route(path, query) {
        Route::Endpoint(t) => Some((t.api.service(), t.key, t.parent)),
        _ => None,
    }
}

#[test]
fn routes_every_endpoint_to_its_key() {
    let s = |x: &str| x.to_string();
    assert_eq!(
        key_of("/api/v1/pipelines/p1/status", None),
        Some(("llama.pipeline", s("p1"), None))
    );
    assert_eq!(
        key_of("/api/v1/pipelines/p1/files/f1/status", None),
        Some(("llama.file", s("f1"), Some(s("p1"))))
    );
    assert_eq!(
        key_of(
            "/api/v1/beta/batch-processing/j1",
            Some("organization_id=o&project_id=pr%2B")
        ),
        Some(("batch", s("j1"), Some(s("pr+"))))
    );
    assert_eq!(
        key_of("/api/v1/projects/pr/pipeline-runs/r1/", None),
        Some(("clarifeye.run", s("r1"), Some(s("pr"))))
    );
    assert_eq!(
        key_of(
            "/v0/pipelines/a%2Fb/completion_status",
            Some("x=1&token=t+1%2B%3D")
        ),
        Some(("feldera.token", s("t+1+="), Some(s("a/b"))))
    );
}

#[test]
fn decodes_percent_encoded_segments() {
    let got = key_of("/api/v1/pipelines/a%2Fb%3Fc/status", None);
    assert_eq!(got.map(|k| k.1), Some("a/b?c".to_string()));
}

#[test]
fn rejects_odd_paths_without_panicking() {
    for path in [
        "",
        "/",
        "*",
        "/api/v1/pipelines//status",
        "/api/v1/projects/p/pipeline-runs/r",
        "/api/v1/beta/batch-processing/j/",
        "/api/v1/pipelines/a/b/status",
    ] {
        assert_eq!(route(path, None), Route::NotFound, "{path}");
    }
    assert!(matches!(
        route("/api/v1/pipelines/%FF%FE/status", None),
        Route::BadRequest { .. }
    ));
    assert!(matches!(
        route("/v0/pipelines/p/completion_status", None),
        Route::BadRequest { .. }
    ));
    assert!(matches!(
        route("/v0/pipelines/p/completion_status", Some("token=")),
        Route::BadRequest { .. }
    ));
    // A stray `%` is not an escape: it is kept, like most servers do.
    assert_eq!(
        key_of("/api/v1/pipelines/50%zz/status", None).map(|k| k.1),
        Some("50%zz".into())
    );
}

#[test]
fn redirect_drops_the_word_and_goes_to_localhost() {
    let path = "/api/v1/pipelines/p/files/job-redirect-6s/status";
    let Route::Endpoint(t) = route(path, Some("a=b")) else {
        panic!()
    };
    assert_eq!(
        redirect_location(&t, path, Some("a=b"), 81),
        "http://localhost:81/api/v1/pipelines/p/files/job-6s/status?a=b"
    );
    let path = "/v0/pipelines/redirect/completion_status";
    let query = Some("token=redirect_tok&token=redirect");
    let Route::Endpoint(t) = route(path, query) else {
        panic!()
    };
    assert_eq!(
        redirect_location(&t, path, query, 9),
        "http://localhost:9/v0/pipelines/redirect/completion_status?token=tok&token=redirect"
    );
}

#[test]
fn routes_the_v2_jobs_and_connector_tokens() {
    let s = |x: &str| x.to_string();
    assert_eq!(
        key_of("/api/v2/parse/j%2F1", Some("project_id=p")),
        Some(("llama.parse", s("j/1"), None))
    );
    assert_eq!(
        key_of("/api/v2/classify", Some("project_id=p1&job_ids=a")),
        Some(("llama.classify", s("classify:p1"), Some(s("p1"))))
    );
    assert_eq!(
        key_of("/api/v2/extract", None),
        Some(("llama.extract", s("extract:default"), None))
    );
    assert_eq!(
        key_of(
            "/v0/pipelines/p/tables/T/connectors/c%2Ed/completion_token",
            None
        ),
        Some(("feldera.token", s("connector:T.c.d"), Some(s("p"))))
    );
    assert_eq!(
        key_of("/api/v2/batches", None),
        Some(("llama.batch", s("batches:default"), None))
    );
    assert_eq!(key_of("/api/v2/splits", None), None);
    assert_eq!(
        key_of(
            "/v0/pipelines/p/tables//connectors/c/completion_token",
            None
        ),
        None
    );
}
