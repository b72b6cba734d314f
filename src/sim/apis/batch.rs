//! `batch`: a LlamaCloud batch processing job
//! (`GET /api/v1/beta/batch-processing/{job_id}`), a project's job listing
//! (`jobs:<project_id or default>`, offset-paged, filtered by `status` and
//! `job_type`), and a job's items (`items:<job_id>`), which agree with the
//! job body's counts at the same moment.

use std::ops::Range;
use std::time::Duration;

use serde_json::{Value, json};

use crate::sim::api::{
    Endpoint, Key, ListRequest, Parent, Sample, SimApi, StatusRequest, Vendor, each,
};
use crate::sim::bodies::{rfc3339, share_of, step_time, uuid_for, with_escape};
use crate::sim::collections::{Collection, Item, Kind, Words, file_name};
use crate::sim::decision::{Phase, Stage, phase_at};
use crate::sim::paging::Selection;
use crate::sim::reply::Reply;
use crate::sim::request::{enum_param, int_params, select, unprocessable};
use crate::sim::scenario::{DEFAULT_ITEMS, Outcome, Scenario};

pub(crate) struct Batch;

const JOB: &str = "/api/v1/beta/batch-processing/{job_id}";
const JOBS: &str = "/api/v1/beta/batch-processing";
const ITEMS: &str = "/api/v1/beta/batch-processing/{job_id}/items";

static ENDPOINTS: [Endpoint; 3] = [
    Endpoint::status(JOB, Key::Path(&["job_id"]), job_status).parent(Parent::Query("project_id")),
    Endpoint::list(JOBS, "jobs", Key::QueryOr("project_id", "default"), jobs),
    // A job's items follow the job's timeline once the job was asked for.
    Endpoint::list(ITEMS, "items", Key::Path(&["job_id"]), items).timeline(&[]),
];

impl SimApi for Batch {
    fn service(&self) -> &'static str {
        "batch"
    }

    fn vendor(&self) -> Vendor {
        Vendor::Llama
    }

    fn endpoints(&self) -> &[Endpoint] {
        &ENDPOINTS
    }

    fn samples(&self) -> Vec<Sample> {
        let job = |id: &str| format!("/api/v1/beta/batch-processing/{id}?project_id=bp");
        let outcomes = [
            "b-ok",
            "b-partial",
            "b-failed",
            "b-cancelled",
            "b-pending",
            "b-running",
            "b-failed-escape",
            "b-ok-3600s",
            "b-failed-items1000-extract",
            "b-ok-classify",
        ];
        let mut listed = Vec::new();
        let mut items = Vec::new();
        for words in [
            "bl-partial",
            "bl-failed-escape",
            "bl-cancelled",
            "bl-running",
            "bl-pending",
            "bl-growing-vanishing-endless-2s",
            "bl-partial-3600s",
        ] {
            listed.push(format!("{JOBS}?project_id={words}&limit=1000"));
            listed.push(format!(
                "{JOBS}?project_id={words}&status=failed&job_type=parse"
            ));
            let at = format!("{JOBS}/{words}/items");
            items.push(format!("{at}?limit=1000"));
            items.push(format!("{at}?status=processing&offset=0"));
        }
        let (single, lists) = (
            "llamacloud-status-endpoints.json",
            "llamacloud-list-endpoints.json",
        );
        vec![
            Sample::new(single, JOB, 200, each(&outcomes, job)),
            Sample::new(single, JOB, 422, each(&["b-unprocessable"], job)),
            Sample::new(lists, JOBS, 200, listed),
            Sample::new(
                lists,
                JOBS,
                422,
                [
                    format!("{JOBS}?limit=5000&offset=-1&status=x&job_type=y"),
                    format!("{JOBS}?project_id=bl-unprocessable"),
                ],
            ),
            Sample::new(lists, ITEMS, 200, items),
            Sample::new(
                lists,
                ITEMS,
                422,
                [format!("{JOBS}/j/items?status=ok&limit=abc")],
            ),
        ]
    }
}

/// BatchJobStatus.
pub(crate) const JOB_STATUSES: [&str; 6] = [
    "pending",
    "running",
    "dispatched",
    "completed",
    "failed",
    "cancelled",
];
/// BatchJobType; listed jobs take them in turn.
pub(crate) const JOB_TYPES: [&str; 3] = ["parse", "extract", "classify"];
/// BatchFileStatus.
pub(crate) const ITEM_STATUSES: [&str; 6] = [
    "pending",
    "processing",
    "completed",
    "failed",
    "skipped",
    "cancelled",
];
/// Why a failed item failed.
const FAILURE: &str = "Unsupported file type: .xyz";

/// A project's listed jobs: `bjb-0004-ok-2500ms-items20-extract`.
pub(crate) const JOB_KIND: Kind = Kind {
    tail: |index| match listed_type(index) {
        "parse" => format!("-items{DEFAULT_ITEMS}"),
        other => format!("-items{DEFAULT_ITEMS}-{other}"),
    },
    ..Kind::new("bjb")
};

/// The type of listed job `index`: parse, extract, classify in turn.
pub(crate) fn listed_type(index: u64) -> &'static str {
    JOB_TYPES[(index % JOB_TYPES.len() as u64) as usize]
}

/// A batch job's status at this stage.
pub(crate) fn batch_status(stage: Stage) -> &'static str {
    match stage {
        Stage::Pending => "pending",
        Stage::Dispatched => "dispatched",
        Stage::Running => "running",
        Stage::Finished(Outcome::Failure) => "failed",
        Stage::Finished(Outcome::Cancelled) => "cancelled",
        Stage::Finished(_) => "completed",
        Stage::Mystery => "teleporting",
    }
}

/// A batch job's item counts in `phase`: (total, processed, failed).
/// `processed_items` counts every item handled, failed ones included, so
/// that progress_percentage = processed / total.
pub(crate) fn batch_counts(s: &Scenario, phase: &Phase) -> (u64, u64, u64) {
    let total = s.items;
    let processed = share_of(phase.work, total).min(total);
    let failed = if s.outcome == Outcome::Partial {
        let at_end = (total / 10).max(1).min(total);
        share_of(phase.work, at_end).min(processed)
    } else {
        0
    };
    (total, processed, failed)
}

/// A batch job's `job_type`: the word `extract` or `classify` in its key,
/// else `parse`.
pub(crate) fn job_type(key: &str) -> &'static str {
    key.split(['-', '_'])
        .find_map(|word| {
            JOB_TYPES
                .into_iter()
                .find(|kind| word.eq_ignore_ascii_case(kind))
        })
        .unwrap_or("parse")
}

/// BatchJobStatusResponse: the job, and its progress.
fn job_status(r: &StatusRequest) -> Value {
    let (s, phase) = (r.scenario, r.phase);
    let (total, processed, failed) = batch_counts(s, phase);
    let percent = if total == 0 {
        phase.work * 100.0
    } else {
        processed as f64 * 100.0 / total as f64
    };
    let error_message = match (phase.stage, s.escape) {
        (_, true) => Value::from(with_escape("Worker crashed", true)),
        (Stage::Finished(Outcome::Failure), false) => Value::from(format!(
            "Worker crashed while parsing item {}",
            processed + 1
        )),
        _ => Value::Null,
    };
    let at = |after: Option<Duration>| match after {
        Some(d) => Value::from(rfc3339(r.clock.after(d))),
        None => Value::Null,
    };
    let id = r.id;
    let project = r
        .parent
        .map_or_else(|| format!("proj-{}", uuid_for(id, 2)), str::to_owned);
    let mut job = json!({
        "id": id,
        "job_type": job_type(id),
        "project_id": project,
        "status": batch_status(phase.stage),
        "total_items": total,
        "processed_items": processed,
        "failed_items": failed,
        "skipped_items": 0,
        "created_at": rfc3339(r.clock.first_seen),
        "started_at": at(phase.started_after),
        "completed_at": at(phase.finished_after),
        "updated_at": rfc3339(r.clock.now),
        "effective_at": rfc3339(r.clock.now),
        "directory_id": format!("dir-{}", uuid_for(id, 3)),
        "error_message": error_message,
        "job_record_id": null,
        "workflow_id": uuid_for(id, 4),
    });
    if let (true, Some(object)) = (r.strip_status, job.as_object_mut()) {
        object.shift_remove("status");
    }
    json!({"job": job, "progress_percentage": (percent * 10.0).round() / 10.0})
}

/// BatchJobQueryResponse: offset-paged, so `next_page_token` is null.
fn jobs(req: &ListRequest) -> Reply {
    let mut problems = Vec::new();
    let job_type = enum_param(&req.query, "job_type", &JOB_TYPES, &mut problems);
    let status = enum_param(&req.query, "status", &JOB_STATUSES, &mut problems);
    let (limit, offset) = int_params(&req.query, 50, &mut problems);
    if !problems.is_empty() {
        return unprocessable(problems);
    }
    let coll = Collection::new(JOB_KIND, req.scenario, req.target.id());
    let limit = coll.words.capped(limit);
    let keep = |item: &Item| {
        status.is_none_or(|s| s == batch_status(item.phase_at(req.elapsed).stage))
            && job_type.is_none_or(|t| t == listed_type(item.index))
    };
    let filtered = status.is_some() || job_type.is_some();
    let selection = select(&coll, coll.visible(req.elapsed), filtered.then_some(&keep));
    let items: Vec<Value> = selection
        .page(offset, limit, coll.words.endless)
        .into_iter()
        .map(|index| listed_job(req, &coll.item(index)))
        .collect();
    Reply::json(
        200,
        json!({"items": items, "next_page_token": null, "total_size": selection.len()}),
    )
}

/// Exactly the `job` object the job endpoint answers for this job now.
fn listed_job(req: &ListRequest, item: &Item) -> Value {
    let (id, scenario, phase) = (item.id(), item.scenario(), item.phase_at(req.elapsed));
    let mut body = job_status(&StatusRequest {
        id: &id,
        parent: req.target.parent.as_deref(),
        scenario: &scenario,
        phase: &phase,
        clock: &req.clock,
        strip_status: req.strip_status,
        query: &req.query,
    });
    body.get_mut("job").map(Value::take).unwrap_or(Value::Null)
}

/// The job's items in runs of one status, in item order: of the processed
/// ones the last `failed_items` failed and the rest completed; while the job
/// runs, the next one is processing; the others are pending (cancelled when
/// the job was). A failed job leaves its unprocessed items pending: its
/// counts name no failed or cancelled items.
pub(crate) fn item_runs(job: &Scenario, phase: &Phase) -> Vec<(&'static str, Range<u64>)> {
    let (total, processed, failed) = batch_counts(job, phase);
    let mut runs = vec![
        ("completed", 0..processed - failed),
        ("failed", processed - failed..processed),
    ];
    match phase.stage {
        Stage::Running | Stage::Mystery if processed < total => {
            runs.push(("processing", processed..processed + 1));
            runs.push(("pending", processed + 1..total));
        }
        Stage::Finished(Outcome::Cancelled) => runs.push(("cancelled", processed..total)),
        _ => runs.push(("pending", processed..total)),
    }
    runs.retain(|(_, run)| !run.is_empty());
    runs
}

/// `GET .../{job_id}/items`: the job's items, offset-paged.
fn items(req: &ListRequest) -> Reply {
    let mut problems = Vec::new();
    let status = enum_param(&req.query, "status", &ITEM_STATUSES, &mut problems);
    let (limit, offset) = int_params(&req.query, 100, &mut problems);
    if !problems.is_empty() {
        return unprocessable(problems);
    }
    let job = req.scenario;
    let phase = phase_at(job, req.elapsed);
    let runs = item_runs(job, &phase);
    let mut selection = Selection::default();
    for (run_status, run) in &runs {
        if status.is_none_or(|s| s == *run_status) {
            selection.push(run.clone());
        }
    }
    let endless = Words::parse(req.target.id()).endless;
    let items: Vec<Value> = selection
        .page(offset, limit, endless)
        .into_iter()
        .map(|index| item_body(req, &phase, &runs, index))
        .collect();
    Reply::json(
        200,
        json!({"items": items, "next_page_token": null, "total_size": selection.len()}),
    )
}

fn item_body(
    req: &ListRequest,
    phase: &Phase,
    runs: &[(&'static str, Range<u64>)],
    index: u64,
) -> Value {
    let job = req.scenario;
    let status = runs
        .iter()
        .find(|(_, run)| run.contains(&index))
        .map_or("pending", |(status, _)| *status);
    let total = job.items.max(1) as f64;
    let at = |work: f64| Value::from(rfc3339(req.clock.after(step_time(job, phase, work))));
    let started = matches!(status, "processing" | "completed" | "failed");
    let done = matches!(status, "completed" | "failed");
    let error = if status == "failed" {
        Value::from(with_escape(FAILURE, job.escape))
    } else {
        Value::Null
    };
    let mut body = json!({
        "item_id": format!("item-{index:04}"),
        "item_name": file_name(index),
        "status": status,
        "error_message": error,
        "skip_reason": null,
        "job_id": if started { Value::from(uuid_for(req.target.id(), index.wrapping_add(1000))) } else { Value::Null },
        "started_at": if started { at(index as f64 / total) } else { Value::Null },
        "completed_at": if done { at((index + 1) as f64 / total) } else { Value::Null },
        "effective_at": rfc3339(req.clock.now),
        "job_record_id": null,
    });
    if req.strip_status {
        if let Some(object) = body.as_object_mut() {
            object.shift_remove("status");
        }
    }
    body
}
