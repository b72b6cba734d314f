//! `clarifeye.run`: a Clarifeye pipeline run
//! (`GET /api/v1/projects/{project_id}/pipeline-runs/{pipeline_run_id}/`),
//! and a project's runs (`runs:<project_id>`), newest first, paged by
//! Django REST framework's LimitOffsetPagination.

use std::time::Duration;

use serde_json::{Value, json};

use crate::sim::api::{Endpoint, Key, ListRequest, Parent, Sample, SimApi, StatusRequest, Vendor};
use crate::sim::bodies::{ESCAPE_TEXT, rfc3339, share_of, step_time, strip, uuid_for, with_escape};
use crate::sim::collections::{Collection, Item, Kind};
use crate::sim::decision::Stage;
use crate::sim::paging::{self, drf_int_message, int_param};
use crate::sim::reply::Reply;
use crate::sim::request::select;
use crate::sim::scenario::Outcome;

pub(crate) struct ClarifeyeRun;

const RUN: &str = "/api/v1/projects/{project_id}/pipeline-runs/{pipeline_run_id}/";
const RUNS: &str = "/api/v1/projects/{project_id}/pipeline-runs/";

static ENDPOINTS: [Endpoint; 2] = [
    Endpoint::status(RUN, Key::Path(&["pipeline_run_id"]), run_detail)
        .parent(Parent::Path("project_id")),
    Endpoint::list(RUNS, "runs", Key::Path(&["project_id"]), runs),
];

impl SimApi for ClarifeyeRun {
    fn service(&self) -> &'static str {
        "clarifeye.run"
    }

    fn vendor(&self) -> Vendor {
        Vendor::Clarifeye
    }

    fn endpoints(&self) -> &[Endpoint] {
        &ENDPOINTS
    }

    fn samples(&self) -> Vec<Sample> {
        // The spec's paths are under its server's `/api/v1`.
        let (spec, run, runs) = (
            "clarifeye-pipeline-runs.yml",
            "/projects/{project_id}/pipeline-runs/{pipeline_run_id}/",
            "/projects/{project_id}/pipeline-runs/",
        );
        let detail = [
            "r-ok",
            "r-partial",
            "r-failed",
            "r-aborted",
            "r-pending",
            "r-running",
            "r-partial-escape",
            "r-ok-3600s",
        ]
        .map(|id| format!("/api/v1/projects/rp/pipeline-runs/{id}/"));
        let mut listed = Vec::new();
        for words in [
            "rl-partial-escape",
            "rl-cancelled",
            "rl-running",
            "rl-endless-items3",
            "rl-failed-3600s",
        ] {
            for query in [
                "",
                "?limit=3&offset=2",
                "?status=failed",
                "?status=running&limit=1000",
            ] {
                listed.push(format!("/api/v1/projects/{words}/pipeline-runs/{query}"));
            }
        }
        let missing = ["/api/v1/projects/rp/pipeline-runs/r-notfound/".to_string()];
        vec![
            Sample::new(spec, run, 200, detail),
            Sample::new(spec, run, 404, missing),
            Sample::new(spec, runs, 200, listed),
            Sample::new(
                spec,
                runs,
                403,
                ["/api/v1/projects/rl-forbidden/pipeline-runs/".to_string()],
            ),
        ]
    }
}

/// The Clarifeye steps: (step type, display name).
const STEPS: [(&str, &str); 4] = [
    ("parsing", "Parse documents"),
    ("chunking", "Chunk"),
    ("tag-extraction", "Extract tags"),
    ("indexing", "Index"),
];
/// The step that warns in a partial run and fails in a failed one.
const TROUBLED_STEP: usize = 2;

/// A project's runs: `run-0003-partial-900ms`.
pub(crate) const RUN_KIND: Kind = Kind::new("run");

/// Clarifeye's PipelineRunStatus.
pub(crate) const RUN_STATUSES: [&str; 6] = [
    "pending",
    "running",
    "completed",
    "completed_with_warnings",
    "failed",
    "aborted",
];
/// Log lines a listed run keeps (the list truncates `raw_logs` to the latest).
const RUN_LOG_LINES: usize = 5;

/// A Clarifeye run's status at this stage.
pub(crate) fn run_status(stage: Stage) -> &'static str {
    match stage {
        Stage::Pending | Stage::Dispatched => "pending",
        Stage::Running => "running",
        Stage::Finished(Outcome::Partial) => "completed_with_warnings",
        Stage::Finished(Outcome::Failure) => "failed",
        Stage::Finished(Outcome::Cancelled) => "aborted",
        Stage::Finished(_) => "completed",
        Stage::Mystery => "paused_for_tea",
    }
}

/// A PipelineRun in detail: its steps run in turn, its logs grow.
fn run_detail(r: &StatusRequest) -> Value {
    let (s, phase, clock, key) = (r.scenario, r.phase, r.clock, r.id);
    let run_status = run_status(phase.stage);
    let n = STEPS.len();
    let started = phase.started_after.is_some();
    // The step the work has reached; for a failed or cancelled run, the one that stopped.
    let current = (share_of(phase.work, n as u64) as usize).min(n);
    let when = |d: Duration| rfc3339(clock.after(d));
    let mut steps = Vec::with_capacity(n);
    let mut logs = Vec::new();
    let mut previous_id: Option<String> = None;
    for (i, (step, name)) in STEPS.iter().enumerate() {
        let status = match phase.stage {
            _ if !started => "pending",
            Stage::Finished(Outcome::Partial) if i == TROUBLED_STEP => "completed_with_warnings",
            Stage::Finished(Outcome::Failure) if i == current => "failed",
            Stage::Finished(Outcome::Cancelled) if i == current => "aborted",
            _ if i < current => "completed",
            Stage::Running | Stage::Mystery if i == current => "running",
            _ => "pending",
        };
        let begun = step_time(s, phase, i as f64 / n as f64);
        let ended = step_time(s, phase, (i + 1) as f64 / n as f64);
        if status != "pending" {
            logs.push(format!("{} INFO {name}: started", when(begun)));
        }
        match status {
            "completed" => logs.push(format!("{} INFO {name}: completed", when(ended))),
            "completed_with_warnings" => logs.push(format!(
                "{} WARN {name}: 3 documents had no tags",
                when(ended)
            )),
            "failed" => logs.push(format!("{} ERROR {name}: worker crashed", when(ended))),
            "aborted" => logs.push(format!("{} INFO {name}: aborted by user", when(ended))),
            _ => {}
        }
        let warnings = if status == "completed_with_warnings" {
            json!(["3 documents had no tags"])
        } else {
            Value::Null
        };
        let name = if i == 0 {
            with_escape(name, s.escape)
        } else {
            name.to_string()
        };
        let id = uuid_for(key, 100 + i as u64);
        steps.push(json!({
            "id": id,
            "created_at": rfc3339(clock.first_seen),
            "updated_at": rfc3339(clock.now),
            "step": step,
            "name": name,
            "status": status,
            "inputs": {},
            "outputs": {},
            "warnings": warnings,
            "depends_on": previous_id.iter().collect::<Vec<_>>(),
            "params": {},
        }));
        previous_id = Some(id);
    }
    if s.escape {
        logs.push(format!("{} INFO {ESCAPE_TEXT}", when(Duration::ZERO)));
    }
    let project = r.parent.unwrap_or_default();
    let body = json!({
        "id": key,
        "created_at": rfc3339(clock.first_seen),
        "updated_at": rfc3339(clock.now),
        "status": run_status,
        "project": project,
        "pipeline_name": "documents-ingest",
        "mode": "upsert-all",
        "celery_task_id": uuid_for(key, 5),
        "user": null,
        "tables": {},
        "steps": steps,
        "document_ids": [],
        "chunk_ids": [],
        "raw_logs": logs.iter().map(|l| format!("{l}\n")).collect::<String>(),
    });
    strip(body, r.strip_status)
}

/// DRF's LimitOffsetPagination over the project's runs, newest first.
fn runs(req: &ListRequest) -> Reply {
    let q = &req.query;
    let bad = |message: String| Reply::json(400, json!({"error": message}));
    let limit = match int_param(q, "limit", 100, 1, Some(1000)) {
        Ok(limit) => limit,
        Err((problem, _)) => return bad(drf_int_message("limit", problem)),
    };
    let offset = match int_param(q, "offset", 0, 0, None) {
        Ok(offset) => offset,
        Err((problem, _)) => return bad(drf_int_message("offset", problem)),
    };
    // django-filter takes an empty choice as no filter.
    let status = match q.last("status").filter(|s| !s.is_empty()) {
        Some(s) if !RUN_STATUSES.contains(&s) => {
            return bad(format!(
                "Select a valid choice. {s} is not one of the available choices."
            ));
        }
        status => status,
    };
    let coll = Collection::new(RUN_KIND, req.scenario, req.target.id());
    let limit = coll.words.capped(limit);
    let keep =
        |item: &Item| status.is_none_or(|s| s == run_status(item.phase_at(req.elapsed).stage));
    let selection = select(
        &coll,
        coll.visible(req.elapsed),
        status.is_some().then_some(&keep),
    )
    .descending();
    let results: Vec<Value> = selection
        .page(offset, limit, coll.words.endless)
        .into_iter()
        .map(|index| run_body(req, &coll.item(index)))
        .collect();
    let count = selection.len();
    let link = |offset| paging::drf_link(req.host, req.path, limit, offset, status);
    let next_offset = offset.saturating_add(limit);
    let next = (coll.words.endless || next_offset < count).then(|| link(Some(next_offset)));
    let previous = (offset > 0).then(|| link((offset > limit).then(|| offset - limit)));
    Reply::json(
        200,
        json!({"count": count, "next": next, "previous": previous, "results": results}),
    )
}

fn run_body(req: &ListRequest, item: &Item) -> Value {
    let (id, scenario, phase) = (item.id(), item.scenario(), item.phase_at(req.elapsed));
    run_list_item(run_detail(&StatusRequest {
        id: &id,
        parent: req.target.parent.as_deref(),
        scenario: &scenario,
        phase: &phase,
        clock: &req.clock,
        strip_status: req.strip_status,
        query: &req.query,
    }))
}

/// The list's light form of a run's detail body: no `steps` (CONTRACT §10),
/// `document_count`/`chunk_count` for the ID arrays, the last lines of
/// `raw_logs`.
pub(crate) fn run_list_item(detail: Value) -> Value {
    let Value::Object(mut run) = detail else {
        return detail;
    };
    let count = |ids: Option<Value>| ids.as_ref().and_then(Value::as_array).map_or(0, Vec::len);
    run.shift_remove("steps");
    let documents = count(run.shift_remove("document_ids"));
    let chunks = count(run.shift_remove("chunk_ids"));
    let logs = run.shift_remove("raw_logs");
    run.insert("document_count".to_string(), documents.into());
    run.insert("chunk_count".to_string(), chunks.into());
    if let Some(logs) = logs {
        let text = logs.as_str().unwrap_or("");
        let lines: Vec<&str> = text.split_inclusive('\n').collect();
        let tail = lines[lines.len().saturating_sub(RUN_LOG_LINES)..].concat();
        run.insert("raw_logs".to_string(), tail.into());
    }
    Value::Object(run)
}
