//! `llama.pipeline`: a LlamaCloud managed pipeline's ingestion status
//! (`GET /api/v1/pipelines/{pipeline_id}/status`), and its files' status
//! counts (`counts:<pipeline_id>`), which `--all` of a pipeline reads.

use serde_json::{Map, Value, json};

use crate::sim::api::{Endpoint, Key, ListRequest, Sample, SimApi, Target, Vendor, each};
use crate::sim::collections::{Collection, Words};
use crate::sim::llama_ingestion::{
    FILE_KIND, FILE_STATUSES, PIPELINE_TIMELINE, ingestion_body, llama_status,
};
use crate::sim::reply::Reply;

pub(crate) struct LlamaPipeline;

const STATUS: &str = "/api/v1/pipelines/{pipeline_id}/status";
const COUNTS: &str = "/api/v1/pipelines/{pipeline_id}/files/status-counts";

static ENDPOINTS: [Endpoint; 2] = [
    Endpoint::status(STATUS, Key::Path(&["pipeline_id"]), ingestion_body),
    Endpoint::list(COUNTS, "counts", Key::Path(&["pipeline_id"]), counts)
        .timeline(PIPELINE_TIMELINE)
        .missing(no_counts),
];

impl SimApi for LlamaPipeline {
    fn service(&self) -> &'static str {
        "llama.pipeline"
    }

    fn vendor(&self) -> Vendor {
        Vendor::Llama
    }

    fn endpoints(&self) -> &[Endpoint] {
        &ENDPOINTS
    }

    fn samples(&self) -> Vec<Sample> {
        let status = |ids: &[&str]| each(ids, |id| format!("/api/v1/pipelines/{id}/status"));
        let counts = |ids: &[&str]| {
            each(ids, |id| {
                format!("/api/v1/pipelines/{id}/files/status-counts")
            })
        };
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
                    "pl-ok",
                    "pl-partial",
                    "pl-failed",
                    "pl-cancelled",
                    "pl-pending",
                    "pl-running",
                    "pl-failed-escape",
                    "pl-ok-3600s",
                ]),
            ),
            Sample::new(single, STATUS, 422, status(&["pl-unprocessable"])),
            Sample::new(
                lists,
                COUNTS,
                200,
                counts(&[
                    "plc-partial",
                    "plc-failed-escape",
                    "plc-cancelled",
                    "plc-running",
                    "plc-pending-items3",
                    "plc-growing-vanishing-2s",
                    "plc-ok-items0",
                ]),
            ),
            Sample::new(lists, COUNTS, 422, counts(&["plc-unprocessable"])),
        ]
    }
}

/// `nocounts`: the pipeline's status-counts endpoint is missing (FastAPI's 404).
fn no_counts(target: &Target) -> Option<Reply> {
    Words::parse(target.id())
        .nocounts
        .then(|| Reply::json(404, json!({"detail": "Not Found"})))
}

/// FileCountByStatusResponse over the files the listing holds now.
fn counts(req: &ListRequest) -> Reply {
    let coll = Collection::new(FILE_KIND, req.scenario, req.target.id());
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
