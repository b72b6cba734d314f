//! The list endpoints' answers, one page at a time. Every listed item's body
//! is the single-target body of its own scenario (a batch job is the job
//! endpoint's `job`, a run the detail body made light), at the time since
//! the collection's first request.

use std::time::{Duration, Instant, SystemTime};

use serde_json::{Map, Value, json};

use super::bodies::{self, batch_status, hash, llama_status, rfc3339, uuid_for, with_escape};
use super::collections::{Collection, Item, Kind, file_type};
use super::paging::{self, fastapi_enum_error, int_param};
use super::reply::Reply;
use super::request::{
    ListRequest, enum_param, int_params, or_problem, select, strip, unprocessable,
};
use super::routing::{List, Service, Target};
use super::state::Inner;
use super::{batch_items, runs};

/// The file statuses a listing filters by.
pub(crate) const FILE_STATUSES: [&str; 5] = [
    "NOT_STARTED",
    "IN_PROGRESS",
    "SUCCESS",
    "ERROR",
    "CANCELLED",
];
/// BatchJobStatus.
pub(crate) const JOB_STATUSES: [&str; 6] = [
    "pending",
    "running",
    "dispatched",
    "completed",
    "failed",
    "cancelled",
];
/// BatchJobType.
pub(crate) const JOB_TYPES: [&str; 3] = ["parse", "extract", "classify"];

/// When a list's timeline starts, if not at its own key's first request.
/// A pipeline's files and counts share one, the pipeline status's own if
/// that was asked first; a job's items follow the job once it was asked for.
pub(super) fn timeline(inner: &Inner, target: &Target) -> Option<(Instant, SystemTime)> {
    let first = |key: &str| inner.keys.get(key).and_then(|k| k.first_seen);
    let id = target.id();
    match target.service {
        Service::List(List::Files | List::Counts) => first(id).or_else(|| {
            let files = first(&format!("files:{id}"));
            let counts = first(&format!("counts:{id}"));
            files.into_iter().chain(counts).min_by_key(|(at, _)| *at)
        }),
        Service::List(List::Items) => first(id),
        _ => None,
    }
}

/// `nocounts`: the pipeline's status-counts endpoint is missing (FastAPI's 404).
pub(super) fn missing(target: &Target) -> Option<Reply> {
    let missing = target.service == Service::List(List::Counts)
        && super::collections::Words::parse(target.id()).nocounts;
    missing.then(|| Reply::json(404, json!({"detail": "Not Found"})))
}

pub(super) fn reply(list: List, req: &ListRequest) -> Reply {
    match list {
        List::Files => files(req),
        List::Counts => counts(req),
        List::Jobs => jobs(req),
        List::Items => batch_items::reply(req),
        List::Runs => runs::reply(req),
        List::V2(kind) => super::v2_jobs::reply(kind, req),
    }
}

fn files(req: &ListRequest) -> Reply {
    let q = &req.query;
    // FastAPI reports problems in the order the parameters are declared.
    let mut problems = Vec::new();
    let mut statuses = Vec::new();
    for (i, status) in q.all("statuses").enumerate() {
        match FILE_STATUSES.iter().find(|s| **s == status) {
            Some(s) => statuses.push(*s),
            None => problems.push(fastapi_enum_error(
                "statuses",
                Some(i),
                &FILE_STATUSES,
                status,
            )),
        }
    }
    let page_size = or_problem(
        int_param(q, "page_size", 50, 1, Some(1000)),
        "page_size",
        &mut problems,
    );
    if !problems.is_empty() {
        return unprocessable(problems);
    }
    let offset = match q.last("page_token").filter(|t| !t.is_empty()) {
        None => 0,
        Some(token) => match paging::token_offset(token) {
            Some(offset) => offset,
            None => return Reply::json(400, json!({"detail": "Invalid page token"})),
        },
    };
    let needle = q
        .last("file_name_contains")
        .filter(|n| !n.is_empty())
        .map(str::to_lowercase);
    let coll = Collection::new(Kind::File, req.scenario, req.target.id());
    let keep = |item: &Item| {
        let status = llama_status(item.phase_at(req.elapsed).stage);
        (statuses.is_empty() || statuses.contains(&status))
            && needle
                .as_ref()
                .is_none_or(|n| file_display_name(item).to_lowercase().contains(n))
    };
    let filtered = !statuses.is_empty() || needle.is_some();
    let selection = select(&coll, coll.visible(req.elapsed), filtered.then_some(&keep));
    let items: Vec<Value> = selection
        .page(offset, page_size, coll.words.endless)
        .into_iter()
        .map(|index| file_body(req, &coll, &coll.item(index)))
        .collect();
    let next = offset.saturating_add(page_size);
    let more = coll.words.endless || next < selection.len();
    Reply::json(
        200,
        json!({
            "items": items,
            "next_page_token": more.then(|| paging::page_token(next)),
            "total_size": selection.len(),
        }),
    )
}

fn file_display_name(item: &Item) -> String {
    with_escape(&item.file_name(), item.escape)
}

/// A PipelineFileResponse. Its `file_id` spells the file's scenario, so the
/// file status endpoint answers the same outcome for it.
fn file_body(req: &ListRequest, coll: &Collection, item: &Item) -> Value {
    let phase = item.phase_at(req.elapsed);
    let pipeline = req.target.id();
    let at = |d: Duration| rfc3339(req.clock.after(d));
    let created = coll.appears_at(item.index);
    let changed = phase
        .finished_after
        .or(phase.started_after)
        .unwrap_or(created)
        .max(created);
    let file_id = item.id();
    let size = 10_000 + hash(&file_id, 8) % 5_000_000;
    let body = json!({
        "id": format!("pf-{}", file_id.strip_prefix("file-").unwrap_or(&file_id)),
        "file_id": file_id,
        "name": file_display_name(item),
        "pipeline_id": pipeline,
        "status": llama_status(phase.stage),
        "status_updated_at": at(changed),
        "created_at": at(created),
        "updated_at": at(changed),
        "file_size": size,
        "file_type": file_type(item.index),
        "project_id": uuid_for(pipeline, 7),
        "data_source_id": null,
        "external_file_id": null,
        "last_modified_at": at(Duration::ZERO),
        "resource_info": {"file_size": size, "last_modified_at": at(Duration::ZERO)},
        "permission_info": null,
        "custom_metadata": {},
    });
    strip(body, req.strip_status)
}

/// FileCountByStatusResponse over the files the listing holds now.
fn counts(req: &ListRequest) -> Reply {
    let coll = Collection::new(Kind::File, req.scenario, req.target.id());
    let visible = coll.visible(req.elapsed);
    let mut counts: Vec<(&str, u64)> = FILE_STATUSES.iter().map(|s| (*s, 0)).collect();
    for index in 0..visible {
        let status = llama_status(coll.item(index).phase_at(req.elapsed).stage);
        match counts.iter_mut().find(|(s, _)| *s == status) {
            Some((_, n)) => *n += 1,
            None => counts.push((status, 1)),
        }
    }
    let counts: Map<String, Value> = counts
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| (s.to_string(), Value::from(n)))
        .collect();
    let mut body = json!({
        "counts": counts,
        "total_count": visible,
        "pipeline_id": req.target.id(),
        "data_source_id": null,
        "only_manually_uploaded": false,
    });
    if let (true, Some(object)) = (req.strip_status, body.as_object_mut()) {
        object.shift_remove("counts");
    }
    Reply::json(200, body)
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
    let coll = Collection::new(Kind::Job, req.scenario, req.target.id());
    let limit = coll.words.capped(limit);
    let keep = |item: &Item| {
        status.is_none_or(|s| s == batch_status(item.phase_at(req.elapsed).stage))
            && job_type.is_none_or(|t| t == item.job_type())
    };
    let filtered = status.is_some() || job_type.is_some();
    let selection = select(&coll, coll.visible(req.elapsed), filtered.then_some(&keep));
    let items: Vec<Value> = selection
        .page(offset, limit, coll.words.endless)
        .into_iter()
        .map(|index| job_body(req, &coll.item(index)))
        .collect();
    Reply::json(
        200,
        json!({"items": items, "next_page_token": null, "total_size": selection.len()}),
    )
}

/// Exactly the `job` object the job endpoint answers for this job now.
fn job_body(req: &ListRequest, item: &Item) -> Value {
    let t = Target::listed(Service::Batch, item.id(), req.target.parent.clone());
    let phase = item.phase_at(req.elapsed);
    let mut body = bodies::status_body(&t, &item.scenario(), &phase, &req.clock, req.strip_status);
    body.get_mut("job").map(Value::take).unwrap_or(Value::Null)
}
