//! The vendors' bodies for each phase and error.

use std::time::{Duration, UNIX_EPOCH};

use serde_json::{Value, json};

use crate::sim::api::{Answer, StatusRequest, Target};
use crate::sim::bodies::*;
use crate::sim::decision::phase_at;
use crate::sim::errors::error_body;
use crate::sim::routing::{Route, route};
use crate::sim::scenario::{Fault, Scenario};

fn target(path: &str, query: Option<&str>) -> Target {
    match route(path, query) {
        Route::Endpoint(t) => t,
        other => panic!("{path}: {other:?}"),
    }
}

fn llama_t(key: &str) -> Target {
    target(&format!("/api/v1/pipelines/{key}/status"), None)
}

fn body_at(t: &Target, ms: u64) -> Value {
    let s = Scenario::parse(&t.key);
    let phase = phase_at(&s, Duration::from_millis(ms));
    let clock = Clock {
        first_seen: UNIX_EPOCH + Duration::from_secs(1_700_000_000),
        now: UNIX_EPOCH + Duration::from_secs(1_700_000_010),
    };
    let Answer::Status(body) = t.endpoint.answer else {
        panic!("{t:?} is a listing")
    };
    body(&StatusRequest {
        id: t.id(),
        parent: t.parent.as_deref(),
        scenario: &s,
        phase: &phase,
        clock: &clock,
        strip_status: s.fault == Some(Fault::NoStatus),
        query: &crate::sim::paging::Query::default(),
    })
}

#[test]
fn rfc3339_formats_utc_with_millis() {
    assert_eq!(rfc3339(UNIX_EPOCH), "1970-01-01T00:00:00.000Z");
    assert_eq!(
        rfc3339(UNIX_EPOCH + Duration::from_secs(951_782_400)),
        "2000-02-29T00:00:00.000Z"
    );
    assert_eq!(
        rfc3339(UNIX_EPOCH + Duration::from_millis(1_700_000_000_123)),
        "2023-11-14T22:13:20.123Z"
    );
}

#[test]
fn llama_statuses_follow_the_outcome() {
    for (key, status) in [
        ("ok", "SUCCESS"),
        ("partial", "PARTIAL_SUCCESS"),
        ("failed", "ERROR"),
        ("cancelled", "CANCELLED"),
        ("pending", "NOT_STARTED"),
        ("running", "IN_PROGRESS"),
        ("mystery", "QUANTUM_SUPERPOSITION"),
    ] {
        assert_eq!(body_at(&llama_t(key), 0)["status"], status, "{key}");
    }
    let failed = body_at(&llama_t("failed"), 0);
    assert_eq!(failed["error"][0]["step"], "PARSE");
    assert_eq!(failed["error"][0]["job_id"], failed["job_id"]);
    assert_eq!(failed["effective_at"], "2023-11-14T22:13:30.000Z");
    assert_eq!(body_at(&llama_t("ok"), 0)["error"], Value::Null);
    let file = target("/api/v1/pipelines/p/files/f-10s/status", None);
    assert_eq!(body_at(&file, 0)["status"], "NOT_STARTED");
    assert_eq!(body_at(&file, 5000)["status"], "IN_PROGRESS");
}

#[test]
fn batch_counts_agree_with_progress() {
    let t = target(
        "/api/v1/beta/batch-processing/b-partial-10s",
        Some("project_id=pr"),
    );
    let start = body_at(&t, 0);
    assert_eq!(
        (
            start["job"]["status"].as_str(),
            start["job"]["started_at"].is_null()
        ),
        (Some("pending"), true)
    );
    assert_eq!(body_at(&t, 1000)["job"]["status"], "dispatched");
    let mid = body_at(&t, 5750);
    assert_eq!(mid["job"]["status"], "running");
    assert_eq!(mid["job"]["processed_items"], 10);
    assert_eq!(mid["job"]["failed_items"], 1);
    assert_eq!(mid["job"]["project_id"], "pr");
    assert_eq!(mid["progress_percentage"].to_string(), "50.0");
    let end = body_at(&t, 10_000);
    assert_eq!(end["job"]["status"], "completed");
    assert_eq!(
        (
            end["job"]["processed_items"].to_string(),
            end["job"]["failed_items"].to_string()
        ),
        ("20".into(), "2".into())
    );
    assert_eq!(end["job"]["completed_at"], "2023-11-14T22:13:30.000Z");
    let failed = body_at(
        &target("/api/v1/beta/batch-processing/x-failed-items1000", None),
        0,
    );
    assert_eq!(failed["job"]["status"], "failed");
    assert_eq!(failed["job"]["total_items"], 1000);
    assert_eq!(failed["job"]["processed_items"], 600);
    assert!(
        failed["job"]["error_message"]
            .as_str()
            .is_some_and(|m| m.contains("crashed"))
    );
    assert_eq!(
        body_at(&target("/api/v1/beta/batch-processing/running", None), 0)["progress_percentage"]
            .to_string(),
        "40.0"
    );
    assert_eq!(
        body_at(&target("/api/v1/beta/batch-processing/mystery", None), 0)["job"]["status"],
        "teleporting"
    );
}

fn step_statuses(body: &Value) -> Vec<&str> {
    body["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["status"].as_str().unwrap())
        .collect()
}

#[test]
fn clarifeye_steps_run_in_sequence() {
    let run = |key: &str, ms| {
        body_at(
            &target(&format!("/api/v1/projects/pr/pipeline-runs/{key}/"), None),
            ms,
        )
    };
    let pending = run("r-8s", 0);
    assert_eq!(
        (pending["status"].as_str(), step_statuses(&pending)),
        (Some("pending"), vec!["pending"; 4])
    );
    assert_eq!(pending["raw_logs"], "");
    assert_eq!(pending["project"], "pr");
    let mid = run("r-8s", 5000);
    assert_eq!(
        step_statuses(&mid),
        ["completed", "completed", "running", "pending"]
    );
    assert_eq!(mid["raw_logs"].as_str().unwrap().lines().count(), 5);
    let done = run("r-8s", 8000);
    assert_eq!(
        (done["status"].as_str(), step_statuses(&done)),
        (Some("completed"), vec!["completed"; 4])
    );
    assert_eq!(done["steps"][1]["depends_on"][0], done["steps"][0]["id"]);
    assert_eq!(done["steps"][2]["step"], "tag-extraction");
    let partial = run("partial", 0);
    assert_eq!(partial["status"], "completed_with_warnings");
    assert!(partial["steps"][2]["warnings"].is_array());
    let failed = run("failed", 0);
    assert_eq!(
        (failed["status"].as_str(), step_statuses(&failed)),
        (
            Some("failed"),
            vec!["completed", "completed", "failed", "pending"]
        )
    );
    assert_eq!(
        step_statuses(&run("aborted", 0)),
        ["completed", "aborted", "pending", "pending"]
    );
    assert_eq!(run("mystery", 0)["status"], "paused_for_tea");
}

#[test]
fn feldera_step_appears_when_complete() {
    let t = |token: &str| {
        target(
            "/v0/pipelines/p/completion_status",
            Some(&format!("token={token}")),
        )
    };
    assert_eq!(
        body_at(&t("tok-4s"), 0),
        json!({"status": "inprogress", "step": null})
    );
    let done = body_at(&t("tok-4s"), 4000);
    assert_eq!(done["status"], "complete");
    assert!(done["step"].is_u64());
    assert_eq!(body_at(&t("failed"), 0)["status"], "complete");
    assert_eq!(body_at(&t("mystery"), 0)["status"], "superposition");
}

#[test]
fn nostatus_drops_only_the_status() {
    assert!(body_at(&llama_t("nostatus"), 0).get("status").is_none());
    let batch = body_at(&target("/api/v1/beta/batch-processing/nostatus", None), 0);
    assert!(batch["job"].get("status").is_none() && batch["job"].get("id").is_some());
}

#[test]
fn escape_text_reaches_every_vendor_text_field() {
    let has = |v: &Value| v.as_str().is_some_and(|s| s.contains(ESCAPE_TEXT));
    assert!(has(&body_at(&llama_t("escape"), 0)["error"][0]["message"]));
    assert!(has(&body_at(
        &target("/api/v1/beta/batch-processing/escape", None),
        0
    )["job"]["error_message"]));
    let run = body_at(
        &target("/api/v1/projects/p/pipeline-runs/failed-escape/", None),
        0,
    );
    assert!(has(&run["steps"][0]["name"]) && has(&run["raw_logs"]));
    let t = target("/v0/pipelines/p/completion_status", Some("token=t"));
    assert!(has(&error_body(&t, 503, true)["message"]));
}

#[test]
fn error_bodies_look_like_each_vendor() {
    let t = target("/v0/pipelines/my%20pipe/completion_status", Some("token=t"));
    let gone = error_body(&t, 410, false);
    assert_eq!(gone["error_code"], "PipelineRestarted");
    let missing = error_body(&t, 404, false);
    assert_eq!(missing["error_code"], "UnknownPipelineName");
    assert_eq!(missing["details"]["pipeline_name"], "my pipe");
    let Route::BadRequest {
        target: unkeyed, ..
    } = route("/v0/pipelines/p/completion_status", None)
    else {
        panic!("a token is required")
    };
    assert_eq!(
        error_body(&unkeyed, 400, false)["error_code"],
        "InvalidParam"
    );
    assert_eq!(
        error_body(&unkeyed, 503, false)["error_code"],
        "PipelineInteractionUnreachable"
    );
    let run = target("/api/v1/projects/p/pipeline-runs/r/", None);
    assert!(error_body(&run, 401, false)["error"].is_string());
    let job = target("/api/v1/beta/batch-processing/j", None);
    assert!(error_body(&job, 404, false)["detail"].is_string());
    let file = target("/api/v1/pipelines/p/files/f/status", None);
    let fastapi = error_body(&file, 422, false);
    assert_eq!(fastapi["detail"][0]["loc"], json!(["path", "file_id"]));
    let connector = target(
        "/v0/pipelines/p/tables/T/connectors/c/completion_token",
        None,
    );
    let unknown = error_body(&connector, 404, false);
    assert_eq!(unknown["error_code"], "UnknownInputEndpoint");
    assert_eq!(unknown["details"]["endpoint_name"], "T.c");
}
