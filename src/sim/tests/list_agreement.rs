//! The list endpoints over real HTTP agree with the single-target ones: counts
//! with the listing and the pipeline, batch items with their job, listed jobs
//! and runs with their own bodies.

use std::collections::BTreeSet;
use std::time::Duration;

use serde_json::Value;

use super::list_paging::{strs, tally};
use super::server::{any_port, status_and_json};
use crate::sim::Server;
use crate::sim::apis::clarifeye_run::run_list_item;

#[tokio::test(flavor = "current_thread")]
async fn counts_agree_with_the_listing_and_end_with_the_pipeline() {
    let server = Server::start(any_port()).await.unwrap();
    let pipeline = "docs-partial-400ms";
    let status_path = format!("/api/v1/pipelines/{pipeline}/status");
    assert_eq!(
        status_and_json(&server, &status_path).await.1["status"],
        "NOT_STARTED"
    );
    tokio::time::sleep(Duration::from_millis(450)).await;
    assert_eq!(
        status_and_json(&server, &status_path).await.1["status"],
        "PARTIAL_SUCCESS"
    );
    // Counts and listing were first asked now, but follow the pipeline's timeline.
    let counts_path = format!("/api/v1/pipelines/{pipeline}/files/status-counts");
    let (status, counts) = status_and_json(&server, &counts_path).await;
    assert_eq!(status, 200);
    assert_eq!(
        counts["counts"],
        serde_json::json!({"SUCCESS": 18, "ERROR": 2})
    );
    assert_eq!(
        (
            counts["total_count"].as_u64(),
            counts["pipeline_id"].as_str()
        ),
        (Some(20), Some(pipeline))
    );
    let listing_path = format!("/api/v1/beta/pipelines/{pipeline}/files?page_size=1000");
    let listing = status_and_json(&server, &listing_path).await.1;
    assert_eq!(
        tally(&listing, "status"),
        [("ERROR".into(), 2), ("SUCCESS".into(), 18)]
    );

    // Stuck items: counted where the listing shows them.
    let stuck = "/api/v1/pipelines/st-running-items13/files/status-counts";
    let counts = status_and_json(&server, stuck).await.1;
    assert_eq!(
        counts["counts"],
        serde_json::json!({"IN_PROGRESS": 2, "SUCCESS": 11})
    );
    let listing = status_and_json(&server, "/api/v1/beta/pipelines/st-running-items13/files")
        .await
        .1;
    assert_eq!(
        tally(&listing, "status"),
        [("IN_PROGRESS".into(), 2), ("SUCCESS".into(), 11)]
    );

    // Without the status asked first, listing and counts share their own timeline.
    let fresh = "/api/v1/beta/pipelines/fresh-100s/files";
    assert!(
        strs(&status_and_json(&server, fresh).await.1, "items", "status")
            .iter()
            .all(|s| *s == "NOT_STARTED")
    );
    let counts = status_and_json(&server, "/api/v1/pipelines/fresh-100s/files/status-counts")
        .await
        .1;
    assert_eq!(counts["counts"], serde_json::json!({"NOT_STARTED": 20}));
}

#[tokio::test(flavor = "current_thread")]
async fn batch_items_agree_with_the_jobs_counts() {
    let server = Server::start(any_port()).await.unwrap();
    let job = status_and_json(&server, "/api/v1/beta/batch-processing/j-partial")
        .await
        .1;
    let items = status_and_json(&server, "/api/v1/beta/batch-processing/j-partial/items")
        .await
        .1;
    assert_eq!(items["total_size"], job["job"]["total_items"]);
    assert_eq!(
        tally(&items, "status"),
        [("completed".into(), 18), ("failed".into(), 2)]
    );
    let failed = status_and_json(
        &server,
        "/api/v1/beta/batch-processing/j-partial/items?status=failed",
    )
    .await
    .1;
    assert_eq!(
        strs(&failed, "items", "item_id"),
        ["item-0018", "item-0019"]
    );
    assert_eq!(
        strs(&failed, "items", "error_message"),
        ["Unsupported file type: .xyz"; 2]
    );
    assert!(failed["items"][0]["job_id"].is_string());
    let cancelled = status_and_json(&server, "/api/v1/beta/batch-processing/j-cancelled/items")
        .await
        .1;
    assert_eq!(
        tally(&cancelled, "status"),
        [("cancelled".into(), 14), ("completed".into(), 6)]
    );
    let running = "/api/v1/beta/batch-processing/j-running-items1000/items?limit=1000";
    assert_eq!(
        tally(&status_and_json(&server, running).await.1, "status"),
        [
            ("completed".into(), 400),
            ("pending".into(), 599),
            ("processing".into(), 1)
        ]
    );
    // Offsets page through every item once.
    let mut seen = BTreeSet::new();
    for offset in [0, 7, 14, 21] {
        let path = format!("/api/v1/beta/batch-processing/j-partial/items?limit=7&offset={offset}");
        let page = status_and_json(&server, &path).await.1;
        assert_eq!(page["next_page_token"], Value::Null);
        seen.extend(
            strs(&page, "items", "item_id")
                .into_iter()
                .map(String::from),
        );
    }
    assert_eq!(seen.len(), 20);

    // The items follow the job's timeline once the job was asked for...
    let path = "/api/v1/beta/batch-processing/j2-partial-300ms";
    assert_eq!(
        status_and_json(&server, path).await.1["job"]["status"],
        "pending"
    );
    tokio::time::sleep(Duration::from_millis(350)).await;
    let items = status_and_json(&server, &format!("{path}/items")).await.1;
    assert_eq!(
        tally(&items, "status"),
        [("completed".into(), 18), ("failed".into(), 2)]
    );
    // ...else their own.
    let own = status_and_json(&server, "/api/v1/beta/batch-processing/j3-10s/items")
        .await
        .1;
    assert_eq!(tally(&own, "status"), [("pending".into(), 20)]);
}

/// A body without the fields that hold wall-clock times.
fn timeless(mut body: Value) -> Value {
    if let Some(object) = body.as_object_mut() {
        for field in [
            "created_at",
            "updated_at",
            "effective_at",
            "started_at",
            "completed_at",
        ] {
            object.shift_remove(field);
        }
        if let Some(logs) = object.get_mut("raw_logs") {
            // Each log line starts with its time.
            let text: String = logs
                .as_str()
                .unwrap_or("")
                .lines()
                .map(|l| l.split_once(' ').map_or(l, |(_, rest)| rest).to_string() + "\n")
                .collect();
            *logs = text.into();
        }
    }
    body
}

#[tokio::test(flavor = "current_thread")]
async fn listed_jobs_and_runs_are_the_single_endpoints_bodies() {
    let server = Server::start(any_port()).await.unwrap();
    let (status, jobs) = status_and_json(
        &server,
        "/api/v1/beta/batch-processing?project_id=pr-partial&limit=12",
    )
    .await;
    assert_eq!((status, jobs["total_size"].as_u64()), (200, Some(20)));
    assert_eq!(jobs["next_page_token"], Value::Null);
    let listed = jobs["items"].as_array().unwrap();
    assert_eq!(listed.len(), 12);
    for job in listed {
        let id = job["id"].as_str().unwrap();
        let path = format!("/api/v1/beta/batch-processing/{id}?project_id=pr-partial");
        let single = status_and_json(&server, &path).await.1;
        assert_eq!(
            timeless(job.clone()),
            timeless(single["job"].clone()),
            "{id}"
        );
    }
    assert_eq!(listed[0]["status"], "completed");
    assert_eq!(listed[0]["failed_items"], 2);
    assert_eq!(listed[1]["job_type"], "extract");
    let types = status_and_json(
        &server,
        "/api/v1/beta/batch-processing?job_type=classify&status=completed",
    )
    .await
    .1;
    assert_eq!(types["total_size"], 6);
    assert_eq!(
        types["items"][0]["project_id"]
            .as_str()
            .map(|p| p.starts_with("proj-")),
        Some(true)
    );

    let runs = status_and_json(&server, "/api/v1/projects/pr-failed/pipeline-runs/")
        .await
        .1;
    assert_eq!(runs["count"], 20);
    for run in runs["results"].as_array().unwrap() {
        assert!(run.get("steps").is_none() && run.get("document_ids").is_none());
        let id = run["id"].as_str().unwrap();
        let path = format!("/api/v1/projects/pr-failed/pipeline-runs/{id}/");
        let detail = status_and_json(&server, &path).await.1;
        assert_eq!(
            timeless(run.clone()),
            timeless(run_list_item(detail)),
            "{id}"
        );
    }
    assert_eq!(
        strs(&runs, "results", "status")
            .iter()
            .filter(|s| **s == "failed")
            .count(),
        2
    );
}
