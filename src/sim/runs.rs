//! `GET /api/v1/projects/{project_id}/pipeline-runs/`: Clarifeye's runs of a
//! project, paged by Django REST framework's LimitOffsetPagination.

use serde_json::{Value, json};

use super::bodies::{self, run_status};
use super::collections::{Collection, Item, Kind};
use super::paging::{self, drf_int_message, int_param};
use super::reply::Reply;
use super::request::{ListRequest, select};
use super::routing::{Service, Target};

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

/// DRF's LimitOffsetPagination over the project's runs, newest first.
pub(super) fn reply(req: &ListRequest) -> Reply {
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
    let coll = Collection::new(Kind::Run, req.scenario, req.target.id());
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
    let t = Target::listed(Service::Clarifeye, item.id(), req.target.parent.clone());
    let phase = item.phase_at(req.elapsed);
    let detail = bodies::status_body(&t, &item.scenario(), &phase, &req.clock, req.strip_status);
    run_list_item(detail)
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
