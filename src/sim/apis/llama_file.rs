//! `llama.file`: a file of a LlamaCloud pipeline
//! (`GET /api/v1/pipelines/{pipeline_id}/files/{file_id}/status`), and the
//! pipeline's files listing (`files:<pipeline_id>`, paged by token,
//! filtered by `statuses` and `file_name_contains`).

use std::time::Duration;

use serde_json::{Value, json};

use crate::sim::api::{Endpoint, Key, ListRequest, Parent, Sample, SimApi, Vendor, each};
use crate::sim::bodies::{hash, rfc3339, strip, uuid_for, with_escape};
use crate::sim::collections::{Collection, Item, file_type};
use crate::sim::llama_ingestion::{
    FILE_KIND, FILE_STATUSES, PIPELINE_TIMELINE, ingestion_body, llama_status,
};
use crate::sim::paging::{self, fastapi_enum_error, int_param};
use crate::sim::reply::Reply;
use crate::sim::request::{or_problem, page_offset, select, unprocessable};

pub(crate) struct LlamaFile;

const STATUS: &str = "/api/v1/pipelines/{pipeline_id}/files/{file_id}/status";
const FILES: &str = "/api/v1/beta/pipelines/{pipeline_id}/files";

static ENDPOINTS: [Endpoint; 2] = [
    Endpoint::status(STATUS, Key::Path(&["file_id"]), ingestion_body)
        .parent(Parent::Path("pipeline_id")),
    Endpoint::list(FILES, "files", Key::Path(&["pipeline_id"]), files).timeline(PIPELINE_TIMELINE),
];

impl SimApi for LlamaFile {
    fn service(&self) -> &'static str {
        "llama.file"
    }

    fn vendor(&self) -> Vendor {
        Vendor::Llama
    }

    fn endpoints(&self) -> &[Endpoint] {
        &ENDPOINTS
    }

    fn samples(&self) -> Vec<Sample> {
        let status =
            |ids: &[&str]| each(ids, |id| format!("/api/v1/pipelines/lfp/files/{id}/status"));
        let mut listed = Vec::new();
        for pipeline in [
            "lfl-partial",
            "lfl-failed-escape",
            "lfl-cancelled",
            "lfl-running",
            "lfl-pending",
            "lfl-growing-vanishing-endless-2s",
        ] {
            let files = format!("/api/v1/beta/pipelines/{pipeline}/files");
            listed.push(format!("{files}?page_size=7"));
            listed.push(format!(
                "{files}?statuses=ERROR&statuses=IN_PROGRESS&statuses=NOT_STARTED"
            ));
            listed.push(format!("{files}?file_name_contains=REPORT&page_size=1000"));
        }
        // The last page of 75 files, reached by the token the first page gives.
        let token = paging::page_token(50);
        listed.push(format!(
            "/api/v1/beta/pipelines/lfl-items75/files?page_token={token}"
        ));
        let (single, lists) = (
            "llamacloud-status-endpoints.json",
            "llamacloud-list-endpoints.json",
        );
        vec![
            Sample::new(
                single,
                STATUS,
                200,
                status(&[
                    "lf-ok",
                    "lf-partial",
                    "lf-failed",
                    "lf-cancelled",
                    "lf-pending",
                    "lf-running",
                    "lf-failed-escape",
                    "lf-ok-3600s",
                ]),
            ),
            Sample::new(single, STATUS, 422, status(&["lf-unprocessable"])),
            Sample::new(lists, FILES, 200, listed),
            Sample::new(
                lists,
                FILES,
                422,
                [
                    "/api/v1/beta/pipelines/lfl/files?page_size=0&statuses=done".to_string(),
                    "/api/v1/beta/pipelines/lfl-unprocessable/files".to_string(),
                ],
            ),
        ]
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
    let offset = match page_offset(q) {
        Ok(offset) => offset,
        Err(refusal) => return refusal,
    };
    let needle = q
        .last("file_name_contains")
        .filter(|n| !n.is_empty())
        .map(str::to_lowercase);
    let coll = Collection::new(FILE_KIND, req.scenario, req.target.id());
    let keep = |item: &Item| {
        let status = llama_status(item.phase_at(req.elapsed).stage);
        (statuses.is_empty() || statuses.contains(&status))
            && needle
                .as_ref()
                .is_none_or(|n| display_name(item).to_lowercase().contains(n))
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

fn display_name(item: &Item) -> String {
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
        "name": display_name(item),
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
