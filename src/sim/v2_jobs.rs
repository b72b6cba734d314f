//! LlamaCloud's v2 parse, extract and classify jobs: the single bodies
//! (a parse job's nested under `job`) and the listings, paged by token,
//! filtered by `status`, `created_at_on_or_after` and `job_ids`.
//!
//! A listing with `job_ids` lists each named job as its own key's scenario
//! at its own time (the single endpoint's answer), and leaves out a job
//! whose key answers no job (`notfound`, `gone`, ...): the client then asks
//! for it alone. Without `job_ids`, the listing is a collection of
//! `items<N>` jobs named `job-0003-ok-2s`, as the other listings are.

use std::time::{Duration, SystemTime};

use serde_json::{Value, json};

use super::bodies::{Clock, rfc3339, uuid_for, with_escape};
use super::collections::{Collection, Item, Kind};
use super::paging::{self, int_param};
use super::reply::Reply;
use super::request::{ListRequest, Named, enum_param, or_problem, select, unprocessable};
use super::routing::V2;
use super::scenario::{self, Decision, Outcome, Phase, Scenario, Stage};

const STATUSES: [&str; 5] = ["PENDING", "RUNNING", "COMPLETED", "FAILED", "CANCELLED"];
const EXTRACT_STATUSES: [&str; 6] = [
    "PENDING",
    "THROTTLED",
    "RUNNING",
    "COMPLETED",
    "FAILED",
    "CANCELLED",
];

/// The v2 status of a job at this stage; a partial outcome completes.
pub(crate) fn v2_status(stage: Stage) -> &'static str {
    match stage {
        Stage::Pending | Stage::Dispatched => "PENDING",
        Stage::Running => "RUNNING",
        Stage::Finished(Outcome::Failure) => "FAILED",
        Stage::Finished(Outcome::Cancelled) => "CANCELLED",
        Stage::Finished(_) => "COMPLETED",
        Stage::Mystery => "QUANTUM_SUPERPOSITION",
    }
}

/// The single endpoint's body: a parse job nests the job object.
pub(crate) fn single_body(
    kind: V2,
    id: &str,
    project: Option<&str>,
    s: &Scenario,
    phase: &Phase,
    clock: &Clock,
    strip_status: bool,
) -> Value {
    let job = job_object(kind, id, project, s, phase, clock, strip_status);
    match kind {
        V2::Parse => json!({"job": job, "markdown": null, "text": null}),
        _ => job,
    }
}

/// The job object (a listing's item).
fn job_object(
    kind: V2,
    id: &str,
    project: Option<&str>,
    s: &Scenario,
    phase: &Phase,
    clock: &Clock,
    strip_status: bool,
) -> Value {
    let status = v2_status(phase.stage);
    let error = match (phase.stage, s.escape) {
        (_, true) => Value::from(with_escape("Document could not be read", true)),
        (Stage::Finished(Outcome::Failure), false) => {
            Value::from("Document could not be read: the PDF is encrypted")
        }
        _ => Value::Null,
    };
    let project = project.map_or_else(|| format!("prj-{}", uuid_for(id, 2)), str::to_owned);
    let created = rfc3339(clock.first_seen);
    let updated = rfc3339(clock.after(phase.finished_after.unwrap_or(Duration::ZERO)));
    let file = format!("dfl-{}", uuid_for(id, 5));
    let mut job = match kind {
        V2::Parse => json!({
            "id": id, "project_id": project, "status": status, "error_message": error,
            "name": format!("{id}.pdf"), "tier": "agentic",
            "created_at": created, "updated_at": updated,
        }),
        V2::Extract => json!({
            "id": id, "project_id": project, "file_input": file, "status": status,
            "error_message": error, "configuration_id": null,
            "created_at": created, "updated_at": updated,
        }),
        V2::Classify => json!({
            "id": id, "project_id": project, "file_input": file,
            "user_id": format!("usr-{}", uuid_for(id, 6)), "status": status,
            "document_input_type": "file_id",
            "configuration": {"rules": [{"type": "invoice",
                "description": "contains an invoice number and a total"}], "mode": "FAST"},
            "error_message": error, "created_at": created, "updated_at": updated,
        }),
    };
    if let (true, Some(object)) = (strip_status, job.as_object_mut()) {
        object.shift_remove("status");
    }
    job
}

/// One page of a v2 listing.
pub(crate) fn reply(kind: V2, req: &ListRequest) -> Reply {
    let named: &[Named] = &req.named;
    let q = &req.query;
    let allowed: &[&str] = match kind {
        V2::Extract => &EXTRACT_STATUSES,
        _ => &STATUSES,
    };
    let mut problems = Vec::new();
    let max = (kind == V2::Classify).then_some(100);
    let page_size = or_problem(
        int_param(q, "page_size", 50, 1, max),
        "page_size",
        &mut problems,
    );
    let status = enum_param(q, "status", allowed, &mut problems);
    if !problems.is_empty() {
        return unprocessable(problems);
    }
    let since = match q.last("created_at_on_or_after").filter(|s| !s.is_empty()) {
        None => None,
        Some(raw) => match humantime::parse_rfc3339_weak(raw) {
            Ok(at) => Some(at),
            Err(_) => {
                return Reply::json(
                    422,
                    json!({"detail": [{"loc": ["query", "created_at_on_or_after"], "msg": "Input should be a valid datetime", "type": "datetime_parsing", "input": raw}]}),
                );
            }
        },
    };
    let offset = match q.last("page_token").filter(|t| !t.is_empty()) {
        None => 0,
        Some(token) => match paging::token_offset(token) {
            Some(offset) => offset,
            None => return Reply::json(400, json!({"detail": "Invalid page token"})),
        },
    };
    let project = req.target.parent.as_deref();
    let ids: Vec<&str> = q.all("job_ids").collect();
    let (items, total, more) = if ids.is_empty() {
        listed(kind, req, status, since, offset, page_size)
    } else {
        let items: Vec<Value> = named
            .iter()
            .filter_map(|job| {
                let scenario = Scenario::parse(&job.id);
                // Late enough that the faults served once are past.
                let Decision::Status {
                    phase,
                    strip_status,
                } = scenario::decide(&scenario, u64::MAX / 2, job.elapsed)
                else {
                    return None;
                };
                let body = job_object(
                    kind,
                    &job.id,
                    project,
                    &scenario,
                    &phase,
                    &job.clock,
                    strip_status || req.strip_status,
                );
                let keep = status.is_none_or(|s| s == v2_status(phase.stage))
                    && since.is_none_or(|at| job.clock.first_seen >= at);
                keep.then_some(body)
            })
            .collect();
        let total = items.len() as u64;
        let start = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(items.len());
        let end = start.saturating_add(page_size as usize).min(items.len());
        let more = end < items.len();
        (items[start..end].to_vec(), total, more)
    };
    let next = offset.saturating_add(page_size);
    Reply::json(
        200,
        json!({
            "items": items,
            "next_page_token": more.then(|| paging::page_token(next)),
            "total_size": total,
        }),
    )
}

/// A page of the project's collection of jobs.
fn listed(
    kind: V2,
    req: &ListRequest,
    status: Option<&str>,
    since: Option<SystemTime>,
    offset: u64,
    page_size: u64,
) -> (Vec<Value>, u64, bool) {
    let coll = Collection::new(Kind::V2, req.scenario, req.target.id());
    let created = |item: &Item| req.clock.after(coll.appears_at(item.index));
    let keep = |item: &Item| {
        status.is_none_or(|s| s == v2_status(item.phase_at(req.elapsed).stage))
            && since.is_none_or(|at| created(item) >= at)
    };
    let filtered = status.is_some() || since.is_some();
    let selection = select(&coll, coll.visible(req.elapsed), filtered.then_some(&keep));
    let items = selection
        .page(offset, page_size, coll.words.endless)
        .into_iter()
        .map(|index| {
            let item = coll.item(index);
            let clock = Clock {
                first_seen: created(&item),
                now: req.clock.now,
            };
            let phase = item.phase_at(req.elapsed);
            job_object(
                kind,
                &item.id(),
                req.target.parent.as_deref(),
                &item.scenario(),
                &phase,
                &clock,
                req.strip_status,
            )
        })
        .collect();
    let more = coll.words.endless || offset.saturating_add(page_size) < selection.len();
    (items, selection.len(), more)
}
