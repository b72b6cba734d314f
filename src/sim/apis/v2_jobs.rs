//! LlamaCloud's v2 parse, extract and classify jobs (`llama.parse`,
//! `llama.extract`, `llama.classify`): three rows of one table, each an
//! entry of the list. A job's body (a parse job's nested under `job`), and
//! the kind's listing (`<kind>:<project_id or default>`), paged by token,
//! filtered by `status`, `created_at_on_or_after` and `job_ids`.
//!
//! A listing with `job_ids` lists each named job as its own key's scenario
//! at its own time (the single endpoint's answer), and leaves out a job
//! whose key answers no job (`notfound`, `gone`, ...): the client then asks
//! for it alone. Without `job_ids`, the listing is a collection of
//! `items<N>` jobs named `job-0003-ok-2s`, as the other listings are.

use std::time::{Duration, SystemTime};

use serde_json::{Value, json};

use crate::sim::api::{Endpoint, Key, ListRequest, Named, Sample, SimApi, StatusRequest, Vendor};
use crate::sim::bodies::{Clock, rfc3339, uuid_for, with_escape};
use crate::sim::collections::{Collection, Item, Kind};
use crate::sim::decision::{self, Decision, Stage};
use crate::sim::paging::{self, int_param};
use crate::sim::reply::Reply;
use crate::sim::request::{enum_param, or_problem, page_offset, select, unprocessable};
use crate::sim::scenario::{Outcome, Scenario};

/// One v2 job kind: a row of the table.
pub(crate) struct V2Kind {
    service: &'static str,
    /// The statuses its listing filters by.
    statuses: &'static [&'static str],
    /// The largest `page_size` its listing takes.
    max_page_size: Option<i64>,
    /// The job object, from what every kind has.
    job: fn(&Job) -> Value,
    /// A parse job's single body nests the job object under `job`.
    nested: bool,
    /// Its job endpoint, then its listing.
    endpoints: [Endpoint; 2],
}

/// The query parameter a listing names jobs in.
const JOB_IDS: &str = "job_ids";
const JOB_ID: Key = Key::Path(&["job_id"]);
const PROJECT: Key = Key::QueryOr("project_id", "default");

pub(crate) static PARSE: V2Kind = V2Kind {
    service: "llama.parse",
    statuses: &STATUSES,
    max_page_size: None,
    job: |j| {
        json!({
            "id": j.id, "project_id": j.project, "status": j.status, "error_message": j.error,
            "name": format!("{}.pdf", j.id), "tier": "agentic",
            "created_at": j.created, "updated_at": j.updated,
        })
    },
    nested: true,
    endpoints: [
        Endpoint::status("/api/v2/parse/{job_id}", JOB_ID, |r| single_body(&PARSE, r)),
        Endpoint::list("/api/v2/parse", "parse", PROJECT, |r| reply(&PARSE, r)).names_jobs(JOB_IDS),
    ],
};

pub(crate) static EXTRACT: V2Kind = V2Kind {
    service: "llama.extract",
    statuses: &EXTRACT_STATUSES,
    max_page_size: None,
    job: |j| {
        json!({
            "id": j.id, "project_id": j.project, "file_input": j.file, "status": j.status,
            "error_message": j.error, "configuration_id": null,
            "created_at": j.created, "updated_at": j.updated,
        })
    },
    nested: false,
    endpoints: [
        Endpoint::status("/api/v2/extract/{job_id}", JOB_ID, |r| {
            single_body(&EXTRACT, r)
        }),
        Endpoint::list("/api/v2/extract", "extract", PROJECT, |r| {
            reply(&EXTRACT, r)
        })
        .names_jobs(JOB_IDS),
    ],
};

pub(crate) static CLASSIFY: V2Kind = V2Kind {
    service: "llama.classify",
    statuses: &STATUSES,
    max_page_size: Some(100),
    job: |j| {
        json!({
            "id": j.id, "project_id": j.project, "file_input": j.file,
            "user_id": format!("usr-{}", uuid_for(j.id, 6)), "status": j.status,
            "document_input_type": "file_id",
            "configuration": {"rules": [{"type": "invoice",
                "description": "contains an invoice number and a total"}], "mode": "FAST"},
            "error_message": j.error, "created_at": j.created, "updated_at": j.updated,
        })
    },
    nested: false,
    endpoints: [
        Endpoint::status("/api/v2/classify/{job_id}", JOB_ID, |r| {
            single_body(&CLASSIFY, r)
        }),
        Endpoint::list("/api/v2/classify", "classify", PROJECT, |r| {
            reply(&CLASSIFY, r)
        })
        .names_jobs(JOB_IDS),
    ],
};

impl SimApi for V2Kind {
    fn service(&self) -> &'static str {
        self.service
    }

    fn vendor(&self) -> Vendor {
        Vendor::Llama
    }

    fn endpoints(&self) -> &[Endpoint] {
        &self.endpoints
    }

    fn samples(&self) -> Vec<Sample> {
        let spec = "llamacloud-v2-jobs.json";
        let (single, list) = (self.endpoints[0].path, self.endpoints[1].path);
        let jobs = [
            "v-ok",
            "v-failed",
            "v-cancelled",
            "v-running",
            "v-pending",
            "v-failed-escape",
            "v-ok-3600s",
        ]
        .map(|id| format!("{list}/{id}"));
        let token = paging::page_token(10);
        let listed = [
            format!("{list}?page_size=7&project_id=vp-partial-items30"),
            format!("{list}?status=FAILED&project_id=vp-failed-escape-items30"),
            format!("{list}?project_id=vp-running-2s&created_at_on_or_after=2020-01-01T00:00:00Z"),
            format!("{list}?job_ids=a-ok&job_ids=b-running&job_ids=c-notfound&job_ids=d-failed"),
            format!("{list}?job_ids=a-ok&status=RUNNING"),
            format!("{list}?page_size=10&project_id=vp-items15&page_token={token}"),
        ];
        vec![
            Sample::new(spec, single, 200, jobs),
            Sample::new(spec, single, 422, [format!("{list}/v-unprocessable")]),
            Sample::new(spec, list, 200, listed),
            Sample::new(spec, list, 422, [format!("{list}?status=DONE&page_size=0")]),
        ]
    }
}

/// What every kind's job object says.
struct Job<'a> {
    id: &'a str,
    project: String,
    status: &'static str,
    error: Value,
    created: String,
    updated: String,
    file: String,
}

/// Jobs of a project's listing: `job-0003-ok-2s`.
pub(crate) const JOB_KIND: Kind = Kind::new("job");

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
    held_status(stage, false)
}

/// The v2 status of a job or batch at this stage, `held` (the word): the
/// vendor throttles it while it is queued.
pub(crate) fn held_status(stage: Stage, held: bool) -> &'static str {
    match stage {
        Stage::Pending | Stage::Dispatched if held => "THROTTLED",
        Stage::Pending | Stage::Dispatched => "PENDING",
        Stage::Running => "RUNNING",
        Stage::Finished(Outcome::Failure) => "FAILED",
        Stage::Finished(Outcome::Cancelled) => "CANCELLED",
        Stage::Finished(_) => "COMPLETED",
        Stage::Mystery => "QUANTUM_SUPERPOSITION",
    }
}

/// The job endpoint's body: a parse job nests the job object.
fn single_body(kind: &V2Kind, r: &StatusRequest) -> Value {
    let job = job_object(kind, r);
    match kind.nested {
        true => json!({"job": job, "markdown": null, "text": null}),
        false => job,
    }
}

/// The job object (a listing's item).
fn job_object(kind: &V2Kind, r: &StatusRequest) -> Value {
    let (id, phase) = (r.id, r.phase);
    let error = match (phase.stage, r.scenario.escape) {
        (_, true) => Value::from(with_escape("Document could not be read", true)),
        (Stage::Finished(Outcome::Failure), false) => {
            Value::from("Document could not be read: the PDF is encrypted")
        }
        _ => Value::Null,
    };
    let mut job = (kind.job)(&Job {
        id,
        project: r
            .parent
            .map_or_else(|| format!("prj-{}", uuid_for(id, 2)), str::to_owned),
        status: held_status(phase.stage, r.scenario.held),
        error,
        created: rfc3339(r.clock.first_seen),
        updated: rfc3339(
            r.clock
                .after(phase.finished_after.unwrap_or(Duration::ZERO)),
        ),
        file: format!("dfl-{}", uuid_for(id, 5)),
    });
    if let (true, Some(object)) = (r.strip_status, job.as_object_mut()) {
        object.shift_remove("status");
    }
    job
}

/// One page of a v2 listing.
fn reply(kind: &V2Kind, req: &ListRequest) -> Reply {
    let named: &[Named] = &req.named;
    let q = &req.query;
    let mut problems = Vec::new();
    let page_size = or_problem(
        int_param(q, "page_size", 50, 1, kind.max_page_size),
        "page_size",
        &mut problems,
    );
    let status = enum_param(q, "status", kind.statuses, &mut problems);
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
    let offset = match page_offset(q) {
        Ok(offset) => offset,
        Err(refusal) => return refusal,
    };
    let project = req.target.parent.as_deref();
    let ids: Vec<&str> = q.all(JOB_IDS).collect();
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
                } = decision::decide(&scenario, u64::MAX / 2, job.elapsed)
                else {
                    return None;
                };
                let body = job_object(
                    kind,
                    &StatusRequest {
                        id: &job.id,
                        parent: project,
                        scenario: &scenario,
                        phase: &phase,
                        clock: &job.clock,
                        strip_status: strip_status || req.strip_status,
                        query: &req.query,
                    },
                );
                let keep = status.is_none_or(|s| s == held_status(phase.stage, scenario.held))
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
    kind: &V2Kind,
    req: &ListRequest,
    status: Option<&str>,
    since: Option<SystemTime>,
    offset: u64,
    page_size: u64,
) -> (Vec<Value>, u64, bool) {
    let coll = Collection::new(JOB_KIND, req.scenario, req.target.id());
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
            let (id, scenario, phase) = (item.id(), item.scenario(), item.phase_at(req.elapsed));
            job_object(
                kind,
                &StatusRequest {
                    id: &id,
                    parent: req.target.parent.as_deref(),
                    scenario: &scenario,
                    phase: &phase,
                    clock: &clock,
                    strip_status: req.strip_status,
                    query: &req.query,
                },
            )
        })
        .collect();
    let more = coll.words.endless || offset.saturating_add(page_size) < selection.len();
    (items, selection.len(), more)
}
