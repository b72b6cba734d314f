//! The collection grammar, batch items and list routes, as pure functions.

use std::time::Duration;

use serde_json::json;

use crate::sim::apis::batch::{JOB_KIND, batch_counts, item_runs, job_type, listed_type};
use crate::sim::apis::clarifeye_run::{RUN_KIND, run_list_item};
use crate::sim::collections::*;
use crate::sim::decision::{Stage, phase_at};
use crate::sim::llama_ingestion::{FILE_KIND, llama_status};
use crate::sim::routing::{Route, redirect_location, route};
use crate::sim::scenario::{Outcome, Scenario};

const MS: fn(u64) -> Duration = Duration::from_millis;

fn coll(kind: Kind, id: &str) -> Collection {
    Collection::new(kind, &Scenario::parse(id), id)
}

#[test]
fn items_end_in_turn_and_every_tenth_ends_in_the_outcome() {
    let c = coll(FILE_KIND, "docs-failed-12s-items10");
    assert_eq!(c.len, 10);
    assert_eq!(c.item(0).id(), "file-0000-failed-1200ms");
    assert_eq!(c.item(9).id(), "file-0009-ok-12s");
    let c = coll(FILE_KIND, "docs-4250ms");
    assert_eq!(c.item(7).id(), "file-0007-ok-1700ms");
    assert_eq!(c.item(19).duration, MS(4250));
    let jobs = coll(JOB_KIND, "proj-10s");
    assert_eq!(jobs.item(3).id(), "bjb-0003-ok-2s-items20");
    assert_eq!(jobs.item(4).id(), "bjb-0004-ok-2500ms-items20-extract");
    assert_eq!(listed_type(5), "classify");
    let runs = coll(RUN_KIND, "pr-partial");
    assert_eq!(runs.item(10).id(), "run-0010-partial");
    assert_eq!(runs.item(11).id(), "run-0011-ok");
    // The default: 20 items, all succeed at once.
    let plain = coll(FILE_KIND, "docs");
    assert_eq!((plain.len, plain.outcome), (20, Outcome::Success));
    assert!((0..20).all(|i| plain.item(i).outcome == Outcome::Success));
    // One item still shows the troubled one.
    assert_eq!(
        coll(RUN_KIND, "r-cancelled-items1").item(0).outcome,
        Outcome::Cancelled
    );
    assert_eq!(coll(FILE_KIND, "x-items99999999999").len, MAX_ITEMS);
    assert_eq!(coll(FILE_KIND, "x-items0").len, 0);
}

#[test]
fn partial_maps_to_each_vendors_nearest_item_status() {
    let at_end = |kind, i| coll(kind, "c-partial").item(i).outcome;
    assert_eq!(at_end(FILE_KIND, 0), Outcome::Failure);
    assert_eq!(at_end(JOB_KIND, 0), Outcome::Partial);
    assert_eq!(at_end(RUN_KIND, 20), Outcome::Partial);
    for word in ["pending", "running", "mystery", "cancelled"] {
        let c = coll(FILE_KIND, &format!("c-{word}"));
        assert_eq!(c.item(10).id(), format!("file-0010-{word}"));
    }
}

#[test]
fn an_items_id_parses_to_the_scenario_its_body_is_built_from() {
    for id in [
        "c-partial-7s-items33",
        "c-escape-mystery-999ms",
        "c-cancelled-1s-items7",
    ] {
        for kind in [FILE_KIND, JOB_KIND, RUN_KIND] {
            let c = coll(kind, id);
            for i in 0..c.len {
                let item = c.item(i);
                let parsed = Scenario::parse(&item.id());
                let built = item.scenario();
                assert_eq!(
                    (parsed.outcome, parsed.duration, parsed.items, parsed.escape),
                    (built.outcome, built.duration, built.items, built.escape),
                    "{}",
                    item.id()
                );
                assert_eq!(parsed.fault, None);
                if kind.prefix == JOB_KIND.prefix {
                    assert_eq!(job_type(&item.id()), listed_type(item.index));
                }
            }
        }
    }
}

#[test]
fn a_collection_fills_linearly_and_is_done_at_its_duration() {
    let c = coll(FILE_KIND, "docs-partial-4s");
    let statuses = |ms| {
        (0..c.len)
            .map(|i| llama_status(c.item(i).phase_at(MS(ms)).stage))
            .collect::<Vec<_>>()
    };
    assert!(statuses(0).iter().all(|s| *s == "NOT_STARTED"));
    let half = statuses(2000);
    assert_eq!(half.iter().filter(|s| **s == "SUCCESS").count(), 9);
    assert_eq!(half[0], "ERROR");
    let end = statuses(4000);
    assert_eq!(end.iter().filter(|s| **s == "ERROR").count(), 2);
    assert_eq!(end.iter().filter(|s| **s == "SUCCESS").count(), 18);
    // Its pipeline ends PARTIAL_SUCCESS at the same moment.
    let pipeline = phase_at(&Scenario::parse("docs-partial-4s"), MS(4000));
    assert_eq!(pipeline.stage, Stage::Finished(Outcome::Partial));
}

#[test]
fn growing_collections_gain_items_and_vanishing_ones_lose_the_last() {
    let c = coll(FILE_KIND, "c-growing-10s-items10");
    assert_eq!(c.appears_at(4), MS(2000));
    assert_eq!(c.visible(Duration::ZERO), 1);
    assert_eq!(c.visible(MS(1999)), 4);
    assert_eq!(c.visible(MS(2000)), 5);
    assert_eq!(c.visible(MS(4500)), 10);
    let v = coll(RUN_KIND, "c-vanishing-10s");
    assert_eq!(v.visible(MS(4999)), 20);
    assert_eq!(v.visible(MS(5000)), 19);
    let both = coll(JOB_KIND, "c-growing-vanishing-10s-items10");
    assert_eq!(both.visible(MS(100)), 1);
    assert_eq!(both.visible(MS(6000)), 9);
    // Without a duration: all there at once; a vanishing one never shows its last.
    assert_eq!(coll(FILE_KIND, "c-growing").visible(Duration::ZERO), 20);
    assert_eq!(coll(FILE_KIND, "c-vanishing").visible(Duration::ZERO), 19);
    assert_eq!(coll(FILE_KIND, "c-vanishing-items0").visible(MS(1)), 0);
    let words = Words::parse("A_ENDLESS-NoCounts");
    assert!(words.endless && words.nocounts && !words.growing && !words.vanishing);
}

#[test]
fn file_names_take_turns() {
    let names: Vec<String> = (7..11).map(file_name).collect();
    assert_eq!(
        names,
        [
            "report-0007.pdf",
            "slides-0008.pptx",
            "scan-0009.png",
            "notes-0010.docx"
        ]
    );
    assert_eq!(file_type(7), "pdf");
}

/// (status, count) of a job's items.
fn item_counts(id: &str, ms: u64) -> Vec<(&'static str, u64)> {
    let s = Scenario::parse(id);
    item_runs(&s, &phase_at(&s, MS(ms)))
        .into_iter()
        .map(|(status, run)| (status, run.end - run.start))
        .collect()
}

#[test]
fn batch_items_agree_with_the_jobs_counts() {
    assert_eq!(item_counts("j-10s", 0), [("pending", 20)]);
    assert_eq!(
        item_counts("j-partial-10s", 5750),
        [
            ("completed", 9),
            ("failed", 1),
            ("processing", 1),
            ("pending", 9)
        ]
    );
    assert_eq!(
        item_counts("j-partial", 0),
        [("completed", 18), ("failed", 2)]
    );
    assert_eq!(
        item_counts("j-cancelled", 0),
        [("completed", 6), ("cancelled", 14)]
    );
    assert_eq!(
        item_counts("j-failed", 0),
        [("completed", 12), ("pending", 8)]
    );
    assert_eq!(
        item_counts("j-running-items10", 0),
        [("completed", 4), ("processing", 1), ("pending", 5)]
    );
    // At every moment: processed = completed + failed, failed as the body says.
    for id in [
        "j-partial-3s-items37",
        "j-cancelled-3s",
        "j-failed-3s-items5",
        "j-mystery",
    ] {
        let s = Scenario::parse(id);
        for ms in (0..3200).step_by(50) {
            let phase = phase_at(&s, MS(ms));
            let (total, processed, failed) = batch_counts(&s, &phase);
            let runs = item_runs(&s, &phase);
            let n = |status| {
                runs.iter()
                    .filter(|(s, _)| *s == status)
                    .map(|(_, r)| r.end - r.start)
                    .sum::<u64>()
            };
            assert_eq!(n("completed") + n("failed"), processed, "{id} at {ms}");
            assert_eq!(n("failed"), failed, "{id} at {ms}");
            assert_eq!(
                runs.iter().map(|(_, r)| r.end - r.start).sum::<u64>(),
                total
            );
        }
    }
}

#[test]
fn list_routes_get_namespaced_keys() {
    let key = |path: &str, query: Option<&str>| match route(path, query) {
        Route::Endpoint(t) => Some((t.api.service(), t.key.clone(), t.id().to_string(), t.parent)),
        _ => None,
    };
    let s = |x: &str| x.to_string();
    assert_eq!(
        key("/api/v1/beta/pipelines/a%2Fb/files", Some("page_size=5")),
        Some(("llama.file", s("files:a/b"), s("a/b"), Some(s("a/b"))))
    );
    assert_eq!(
        key("/api/v1/pipelines/p-4s/files/status-counts", None).map(|k| k.1),
        Some(s("counts:p-4s"))
    );
    assert_eq!(
        key(
            "/api/v1/beta/batch-processing",
            Some("project_id=pr&project_id=other")
        ),
        Some(("batch", s("jobs:pr"), s("pr"), Some(s("pr"))))
    );
    assert_eq!(
        key("/api/v1/beta/batch-processing", Some("project_id=")).map(|k| (k.1, k.3)),
        Some((s("jobs:default"), None))
    );
    assert_eq!(
        key("/api/v1/beta/batch-processing/j-1/items", None).map(|k| k.1),
        Some(s("items:j-1"))
    );
    assert_eq!(
        key("/api/v1/projects/pr/pipeline-runs/", None).map(|k| (k.0, k.1)),
        Some(("clarifeye.run", s("runs:pr")))
    );
    // The status endpoints are untouched; odd neighbours are no endpoint.
    assert_eq!(
        key("/api/v1/pipelines/p/files/status-counts/status", None).map(|k| (k.0, k.1)),
        Some(("llama.file", s("status-counts")))
    );
    for path in [
        "/api/v1/beta/pipelines//files",
        "/api/v1/projects//pipeline-runs/",
        "/api/v1/projects/p/pipeline-runs",
        "/api/v1/beta/batch-processing//items",
        "/api/v1/beta/batch-processing/j/items/",
    ] {
        assert_eq!(route(path, None), Route::NotFound, "{path}");
    }
    assert!(matches!(
        route("/api/v1/beta/batch-processing", Some("project_id=%FF")),
        Route::BadRequest { .. }
    ));
}

#[test]
fn redirect_on_a_list_drops_the_word_from_what_names_the_collection() {
    let at = |path: &str, query: Option<&str>| {
        let Route::Endpoint(t) = route(path, query) else {
            panic!("{path}")
        };
        redirect_location(&t, path, query, 7)
    };
    assert_eq!(
        at(
            "/api/v1/beta/pipelines/p-redirect/files",
            Some("page_size=2")
        ),
        "http://localhost:7/api/v1/beta/pipelines/p/files?page_size=2"
    );
    assert_eq!(
        at(
            "/api/v1/beta/batch-processing",
            Some("limit=1&project_id=redirect-pr")
        ),
        "http://localhost:7/api/v1/beta/batch-processing?limit=1&project_id=pr"
    );
}

#[test]
fn a_listed_run_is_its_detail_without_steps_and_ids() {
    let logs: String = (1..=7).map(|i| format!("line {i}\n")).collect();
    let detail = json!({"id": "r", "status": "running", "tables": {}, "steps": [{}],
        "document_ids": ["a", "b"], "chunk_ids": [], "raw_logs": logs});
    assert_eq!(
        run_list_item(detail),
        json!({"id": "r", "status": "running", "tables": {}, "document_count": 2,
            "chunk_count": 0, "raw_logs": "line 3\nline 4\nline 5\nline 6\nline 7\n"})
    );
    assert_eq!(run_list_item(json!(null)), json!(null));
}
