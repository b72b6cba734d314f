//! The simulator's list bodies, fetched over real HTTP, against the vendors'
//! own schemas (`tests/specs/`, read at test time): every new endpoint,
//! in several phases (pending, running, finished, stuck), with filters and
//! paging, and the error bodies. Then proof that the check bites: bodies
//! broken on purpose, and the simulator's own undocumented-status words,
//! are rejected where they break.

use std::net::SocketAddr;
use std::time::Duration;

use crate::common::openapi::{Spec, problems};
use crate::common::*;
use serde_json::{Value, json};

const FILES: &str = "/api/v1/beta/pipelines/{pipeline_id}/files";
const COUNTS: &str = "/api/v1/pipelines/{pipeline_id}/files/status-counts";
const JOBS: &str = "/api/v1/beta/batch-processing";
const ITEMS: &str = "/api/v1/beta/batch-processing/{job_id}/items";
const RUNS: &str = "/projects/{project_id}/pipeline-runs/";

/// GET `path` expecting `status`, and check the body against `validator`.
fn check(addr: SocketAddr, validator: &jsonschema::Validator, path: &str, status: u16) -> Value {
    let (got, body) = get_json(addr, path);
    assert_eq!(got, status, "{path}: {body}");
    let found = problems(validator, &body);
    assert!(
        found.is_empty(),
        "{path} breaks the vendor's schema: {found:?}\n{body}"
    );
    body
}

/// Paths of each LlamaCloud list under the given collection key words.
fn llama_paths(words: &str) -> Vec<(&'static str, String)> {
    vec![
        (
            FILES,
            format!("/api/v1/beta/pipelines/{words}/files?page_size=7"),
        ),
        (
            FILES,
            format!(
                "/api/v1/beta/pipelines/{words}/files?statuses=ERROR&statuses=IN_PROGRESS&statuses=NOT_STARTED"
            ),
        ),
        (
            FILES,
            format!(
                "/api/v1/beta/pipelines/{words}/files?file_name_contains=REPORT&page_size=1000"
            ),
        ),
        (
            COUNTS,
            format!("/api/v1/pipelines/{words}/files/status-counts"),
        ),
        (
            JOBS,
            format!("/api/v1/beta/batch-processing?project_id={words}&limit=1000"),
        ),
        (
            JOBS,
            format!(
                "/api/v1/beta/batch-processing?project_id={words}&status=failed&job_type=parse"
            ),
        ),
        (
            ITEMS,
            format!("/api/v1/beta/batch-processing/{words}/items?limit=1000"),
        ),
        (
            ITEMS,
            format!("/api/v1/beta/batch-processing/{words}/items?status=processing&offset=0"),
        ),
    ]
}

#[test]
fn llama_list_bodies_match_the_vendors_schemas() {
    let server = sim();
    let addr = server.addr();
    let spec = Spec::llamacloud();
    let ok = |path| spec.validator(&spec.response_schema(path, "200"));
    let validators = [
        (FILES, ok(FILES)),
        (COUNTS, ok(COUNTS)),
        (JOBS, ok(JOBS)),
        (ITEMS, ok(ITEMS)),
    ];
    let validator = |path| {
        &validators
            .iter()
            .find(|(p, _)| *p == path)
            .expect("validator")
            .1
    };

    // Finished, failed, cancelled and stuck at once; then one timeline
    // seen pending, running and finished.
    let timed = "sch-partial-600ms-items30";
    let mut checked = 0;
    for (words, wait_ms) in [
        ("sch-partial", 0),
        ("sch-failed-escape", 0),
        ("sch-cancelled", 0),
        ("sch-running", 0),
        ("sch-pending", 0),
        ("sch-growing-vanishing-endless-2s", 0),
        (timed, 0),
        (timed, 250),
        (timed, 450),
    ] {
        std::thread::sleep(Duration::from_millis(wait_ms));
        for (endpoint, path) in llama_paths(words) {
            let body = check(addr, validator(endpoint), &path, 200);
            checked += body["items"].as_array().map_or(1, Vec::len);
        }
    }
    assert!(checked > 500, "{checked}");
    let statuses: Vec<Value> = get_json(
        addr,
        &format!("/api/v1/beta/batch-processing?project_id={timed}"),
    )
    .1["items"]
        .as_array()
        .map(|jobs| jobs.iter().map(|j| j["status"].clone()).collect())
        .unwrap_or_default();
    assert!(statuses.contains(&json!("completed")), "{statuses:?}");

    // The second page of a listing, reached by its token.
    let first = get_json(addr, "/api/v1/beta/pipelines/sch-items75/files").1["next_page_token"]
        .as_str()
        .map(String::from)
        .expect("a next page");
    let second = format!("/api/v1/beta/pipelines/sch-items75/files?page_token={first}");
    let body = check(addr, validator(FILES), &second, 200);
    assert_eq!(body["next_page_token"], Value::Null);

    // Refusals: FastAPI's 422 for bad parameters, and the `unprocessable` word.
    for (endpoint, path) in [
        (
            FILES,
            "/api/v1/beta/pipelines/p/files?page_size=0&statuses=done",
        ),
        (FILES, "/api/v1/beta/pipelines/p-unprocessable/files"),
        (
            COUNTS,
            "/api/v1/pipelines/p-unprocessable/files/status-counts",
        ),
        (
            JOBS,
            "/api/v1/beta/batch-processing?limit=5000&offset=-1&status=x&job_type=y",
        ),
        (
            JOBS,
            "/api/v1/beta/batch-processing?project_id=pr-unprocessable",
        ),
        (
            ITEMS,
            "/api/v1/beta/batch-processing/j/items?status=ok&limit=abc",
        ),
    ] {
        let refused = spec.validator(&spec.response_schema(endpoint, "422"));
        let body = check(addr, &refused, path, 422);
        assert!(
            body["detail"].as_array().is_some_and(|d| !d.is_empty()),
            "{path}"
        );
    }
}

#[test]
fn clarifeye_list_bodies_match_the_vendors_schema() {
    let server = sim();
    let addr = server.addr();
    let spec = Spec::clarifeye();
    let runs = spec.validator(&spec.response_schema(RUNS, "200"));
    let timed = "sch-failed-600ms";
    let mut checked = 0;
    for (words, wait_ms) in [
        ("sch-partial-escape", 0),
        ("sch-cancelled", 0),
        ("sch-running", 0),
        ("sch-endless-items3", 0),
        (timed, 0),
        (timed, 250),
        (timed, 450),
    ] {
        std::thread::sleep(Duration::from_millis(wait_ms));
        for query in [
            "",
            "?limit=3&offset=2",
            "?status=failed",
            "?status=running&limit=1000",
        ] {
            let path = format!("/api/v1/projects/{words}/pipeline-runs/{query}");
            let body = check(addr, &runs, &path, 200);
            checked += body["results"].as_array().map_or(0, Vec::len);
        }
    }
    assert!(checked > 100, "{checked}");
    let error = spec.validator(&Spec::named("Error"));
    for (path, status) in [
        ("/api/v1/projects/p/pipeline-runs/?limit=0", 400),
        ("/api/v1/projects/p/pipeline-runs/?status=done", 400),
        ("/api/v1/projects/p-notfound/pipeline-runs/", 404),
        ("/api/v1/projects/p-forbidden/pipeline-runs/", 403),
    ] {
        check(addr, &error, path, status);
    }
}

fn remove(body: &mut Value, field: &str) {
    if let Some(object) = body.as_object_mut() {
        object.shift_remove(field);
    }
}

/// Assert that `body` breaks the schema at `pointer` (an instance path).
fn rejected(validator: &jsonschema::Validator, body: &Value, pointer: &str) {
    let found = problems(validator, body);
    assert!(
        found.iter().any(|(at, _)| at == pointer),
        "expected a problem at {pointer}, got {found:?}"
    );
}

#[test]
fn the_schema_check_bites() {
    let server = sim();
    let addr = server.addr();
    let llama = Spec::llamacloud();
    let files = llama.validator(&llama.response_schema(FILES, "200"));
    let good = get_json(addr, "/api/v1/beta/pipelines/b-partial/files").1;
    assert!(problems(&files, &good).is_empty());
    let broken = |edit: &dyn Fn(&mut Value)| {
        let mut body = good.clone();
        edit(&mut body);
        body
    };
    // A missing required field, a wrong enum value, a wrong type.
    rejected(&files, &broken(&|b| remove(b, "items")), "");
    rejected(
        &files,
        &broken(&|b| remove(&mut b["items"][3], "pipeline_id")),
        "/items/3",
    );
    rejected(
        &files,
        &broken(&|b| b["items"][0]["status"] = json!("PARTIAL_SUCCESS")),
        "/items/0/status",
    );
    rejected(
        &files,
        &broken(&|b| b["items"][0]["status"] = json!("error")),
        "/items/0/status",
    );
    rejected(
        &files,
        &broken(&|b| b["total_size"] = json!("20")),
        "/total_size",
    );
    rejected(
        &files,
        &broken(&|b| b["items"][1]["file_size"] = json!(1.5)),
        "/items/1/file_size",
    );
    rejected(
        &files,
        &broken(&|b| b["next_page_token"] = json!(7)),
        "/next_page_token",
    );

    let counts = llama.validator(&llama.response_schema(COUNTS, "200"));
    let mut body = get_json(addr, "/api/v1/pipelines/b-partial/files/status-counts").1;
    body["counts"]["ERROR"] = json!("two");
    rejected(&counts, &body, "/counts/ERROR");
    let jobs = llama.validator(&llama.response_schema(JOBS, "200"));
    let mut body = get_json(addr, "/api/v1/beta/batch-processing?project_id=b-partial").1;
    body["items"][0]["job_type"] = json!("PARSE");
    rejected(&jobs, &body, "/items/0/job_type");
    let items = llama.validator(&llama.response_schema(ITEMS, "200"));
    let mut body = get_json(addr, "/api/v1/beta/batch-processing/b-partial/items").1;
    remove(&mut body["items"][0], "item_name");
    rejected(&items, &body, "/items/0");
    let refused = llama.validator(&llama.response_schema(FILES, "422"));
    let mut body = get_json(addr, "/api/v1/beta/pipelines/p/files?page_size=0").1;
    assert!(problems(&refused, &body).is_empty());
    remove(&mut body["detail"][0], "msg");
    rejected(&refused, &body, "/detail/0");

    // The simulator's own out-of-spec words are caught too: an undocumented
    // status (`mystery`), and a job without its required status (`nostatus`).
    let mystery = get_json(addr, "/api/v1/beta/pipelines/m-mystery/files").1;
    rejected(&files, &mystery, "/items/0/status");
    let mystery = get_json(addr, "/api/v1/beta/batch-processing?project_id=m-mystery").1;
    rejected(&jobs, &mystery, "/items/0/status");
    let bare = get_json(addr, "/api/v1/beta/batch-processing?project_id=m-nostatus").1;
    rejected(&jobs, &bare, "/items/0");

    let clarifeye = Spec::clarifeye();
    let schema = clarifeye.response_schema(RUNS, "200");
    let runs = clarifeye.validator(&schema);
    let good = get_json(addr, "/api/v1/projects/b-partial/pipeline-runs/").1;
    assert!(problems(&runs, &good).is_empty());
    let mut body = good.clone();
    body["count"] = json!("20");
    rejected(&runs, &body, "/count");
    let mut body = good.clone();
    body["results"][2]["status"] = json!("done");
    rejected(&runs, &body, "/results/2/status");
    let mut body = good.clone();
    body["results"][0]["tables"] = json!("none");
    rejected(&runs, &body, "/results/0/tables");
    let mystery = get_json(addr, "/api/v1/projects/m-mystery/pipeline-runs/").1;
    rejected(&runs, &mystery, "/results/19/status");
    // Without the `nullable` conversion, the real body's `user: null` and
    // `next: null` would be refused: the conversion is what lets them pass.
    let unconverted = clarifeye.validator_with(&schema, false);
    rejected(&unconverted, &good, "/results/0/user");
    rejected(&unconverted, &good, "/next");
}

/// CONTRACT §14: the v2 jobs, single and listed (with page tokens, the
/// `status` and `job_ids` filters), in several phases, and Feldera's
/// connector token, against the committed specs.
#[test]
fn v2_job_and_connector_bodies_match_the_vendors_schemas() {
    let server = sim();
    let addr = server.addr();
    let spec = Spec::llamacloud_v2();
    let mut checked = 0;
    for kind in ["parse", "extract", "classify"] {
        let single = format!("/api/v2/{kind}/{{job_id}}");
        let list = format!("/api/v2/{kind}");
        let one = spec.validator(&spec.response_schema(&single, "200"));
        let many = spec.validator(&spec.response_schema(&list, "200"));
        for job in [
            "v-ok",
            "v-failed",
            "v-cancelled",
            "v-running",
            "v-pending",
            "v-failed-escape",
            "v-ok-2s",
        ] {
            let body = check(addr, &one, &format!("/api/v2/{kind}/{job}"), 200);
            let job_status = match kind {
                "parse" => &body["job"]["status"],
                _ => &body["status"],
            };
            assert!(job_status.is_string(), "{kind} {job}: {body}");
            checked += 1;
        }
        for path in [
            format!("{list}?page_size=7&project_id=vp-partial-items30"),
            format!("{list}?status=FAILED&project_id=vp-failed-items30"),
            format!("{list}?project_id=vp-running-2s&created_at_on_or_after=2020-01-01T00:00:00Z"),
            format!("{list}?job_ids=a-ok&job_ids=b-running&job_ids=c-notfound&job_ids=d-failed"),
            format!("{list}?job_ids=a-ok&status=RUNNING"),
        ] {
            let body = check(addr, &many, &path, 200);
            checked += body["items"].as_array().map_or(0, Vec::len);
        }
        // The second page, reached by its token.
        let first = get_json(addr, &format!("{list}?page_size=10&project_id=vp-items15")).1;
        let token = first["next_page_token"].as_str().expect("a next page");
        let body = check(
            addr,
            &many,
            &format!("{list}?page_size=10&project_id=vp-items15&page_token={token}"),
            200,
        );
        assert_eq!(body["items"].as_array().map(Vec::len), Some(5));
        assert_eq!(body["next_page_token"], Value::Null);
        // job_ids lists the named jobs that exist, and only those.
        let body = get_json(addr, &format!("{list}?job_ids=a-ok&job_ids=x-notfound")).1;
        let ids: Vec<&str> = body["items"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|i| i["id"].as_str())
            .collect();
        assert_eq!(ids, ["a-ok"]);
        // Refusals: FastAPI's 422.
        let refused = spec.validator(&spec.response_schema(&list, "422"));
        check(
            addr,
            &refused,
            &format!("{list}?status=DONE&page_size=0"),
            422,
        );
    }
    assert!(checked > 100, "{checked}");

    let feldera = Spec::feldera();
    let token_path = "/v0/pipelines/{pipeline_name}/tables/{table_name}/connectors/{connector_name}/completion_token";
    let ok = feldera.validator(&feldera.response_schema(token_path, "200"));
    let body = check(
        addr,
        &ok,
        "/v0/pipelines/p/tables/T/connectors/c-ok/completion_token",
        200,
    );
    let token = body["token"].as_str().expect("a token");
    let status = feldera.validator(
        &feldera.response_schema("/v0/pipelines/{pipeline_name}/completion_status", "200"),
    );
    check(
        addr,
        &status,
        &format!("/v0/pipelines/p/completion_status?token={token}"),
        200,
    );
    let missing = feldera.validator(&feldera.response_schema(token_path, "404"));
    check(
        addr,
        &missing,
        "/v0/pipelines/p/tables/T/connectors/c-notfound/completion_token",
        404,
    );
}
