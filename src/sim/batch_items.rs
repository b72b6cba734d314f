//! `GET /api/v1/beta/batch-processing/{job_id}/items`: the items of one
//! batch job, agreeing with the job body's counts at the same moment.

use std::ops::Range;

use serde_json::{Value, json};

use super::bodies::{batch_counts, rfc3339, step_time, uuid_for, with_escape};
use super::collections::{Words, file_name};
use super::paging::Selection;
use super::reply::Reply;
use super::request::{ListRequest, enum_param, int_params, unprocessable};
use super::scenario::{Outcome, Phase, Scenario, Stage, phase_at};

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

pub(super) fn reply(req: &ListRequest) -> Reply {
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
