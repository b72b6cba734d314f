//! LlamaCloud's managed ingestion, shared by two APIs: a pipeline and a
//! file of it answer the same body (ManagedIngestionStatusResponse), and a
//! pipeline's files listing and its status counts are one collection of
//! files on one timeline.

use serde_json::{Value, json};

use super::api::StatusRequest;
use super::bodies::{rfc3339, strip, uuid_for, with_escape};
use super::collections::Kind;
use super::decision::Stage;
use super::scenario::Outcome;

/// The file statuses a listing filters by and the counts count.
pub(crate) const FILE_STATUSES: [&str; 5] = [
    "NOT_STARTED",
    "IN_PROGRESS",
    "SUCCESS",
    "ERROR",
    "CANCELLED",
];

/// A pipeline's files: `file-0007-ok-1700ms`; PARTIAL_SUCCESS is not a
/// file status in the listing's enum, so a troubled file of a partial
/// pipeline fails.
pub(crate) const FILE_KIND: Kind = Kind {
    partial_fails: true,
    ..Kind::new("file")
};

/// A pipeline's files and status counts run on one timeline: the pipeline
/// status's own if that was asked first, else the earlier of the two.
pub(crate) const PIPELINE_TIMELINE: &[&str] = &["files", "counts"];

/// LlamaCloud's status of a pipeline or file at this stage.
pub(crate) fn llama_status(stage: Stage) -> &'static str {
    match stage {
        Stage::Pending | Stage::Dispatched => "NOT_STARTED",
        Stage::Running => "IN_PROGRESS",
        Stage::Finished(Outcome::Partial) => "PARTIAL_SUCCESS",
        Stage::Finished(Outcome::Failure) => "ERROR",
        Stage::Finished(Outcome::Cancelled) => "CANCELLED",
        Stage::Finished(_) => "SUCCESS",
        Stage::Mystery => "QUANTUM_SUPERPOSITION",
    }
}

/// ManagedIngestionStatusResponse: a pipeline's or a file's status.
pub(crate) fn ingestion_body(r: &StatusRequest) -> Value {
    let status = llama_status(r.phase.stage);
    let job_id = uuid_for(r.id, 1);
    let failed = r.phase.stage == Stage::Finished(Outcome::Failure);
    // `escape` needs a text field to land in, so it adds an error entry whatever the outcome.
    let error = if failed || r.scenario.escape {
        let message = with_escape(
            "Failed to parse report.pdf: unsupported encoding",
            r.scenario.escape,
        );
        json!([{"job_id": job_id, "message": message, "step": "PARSE"}])
    } else {
        Value::Null
    };
    let body = json!({
        "status": status,
        "deployment_date": rfc3339(r.clock.first_seen),
        "effective_at": rfc3339(r.clock.now),
        "error": error,
        "job_id": job_id,
    });
    strip(body, r.strip_status)
}
