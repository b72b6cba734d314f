//! LlamaCloud managed ingestion's body, ManagedIngestionStatusResponse,
//! which a pipeline's status and a file's status share (the two APIs of
//! `llama_pipeline.rs` and `llama_file.rs`).
//!
//! Every field but `status` may be null or missing, and the enums grow new
//! values, so the body is read leniently from the parsed JSON rather than
//! through a strict struct: an odd optional field never hides the status.

use serde_json::Value;

use super::read::{status_field, str_field};
use crate::model::{Classified, ErrorRow, State};

/// The statuses the files listing filters by (`--status`): its enum, which
/// has no PARTIAL_SUCCESS.
pub const FILE_STATUSES: &[&str] = &[
    "NOT_STARTED",
    "IN_PROGRESS",
    "SUCCESS",
    "ERROR",
    "CANCELLED",
];

/// The documented status values; anything else is `None` (unknown).
pub fn state_of(status: &str) -> Option<State> {
    Some(match status {
        "NOT_STARTED" => State::Pending,
        "IN_PROGRESS" => State::Running,
        "SUCCESS" => State::Succeeded,
        "PARTIAL_SUCCESS" => State::Partial,
        "ERROR" => State::Failed,
        "CANCELLED" => State::Cancelled,
        _ => return None,
    })
}

pub fn classify(body: &Value) -> Result<Classified, String> {
    let status = status_field(body)?;
    let errors: Vec<ErrorRow> = body
        .get("error")
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .map(|e| ErrorRow {
                    job_id: str_field(e, "job_id").unwrap_or("").to_owned(),
                    step: str_field(e, "step").unwrap_or("").to_owned(),
                    message: str_field(e, "message").unwrap_or("").to_owned(),
                })
                .collect()
        })
        .unwrap_or_default();
    let details = match (errors.first(), str_field(body, "job_id")) {
        (Some(first), _) if errors.len() == 1 => format!("{}: {}", first.step, first.message),
        (Some(first), _) => format!("{} errors; {}: {}", errors.len(), first.step, first.message),
        (None, Some(job)) => format!("job {job}"),
        (None, None) => String::new(),
    };
    Ok(Classified {
        state: state_of(&status),
        status: Some(status),
        progress: None,
        updated: str_field(body, "effective_at").map(str::to_owned),
        details,
        errors,
        ..Classified::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_documented_status() {
        for (status, state) in [
            ("NOT_STARTED", "pending"),
            ("IN_PROGRESS", "running"),
            ("SUCCESS", "succeeded"),
            ("PARTIAL_SUCCESS", "partial"),
            ("ERROR", "failed"),
            ("CANCELLED", "cancelled"),
        ] {
            let c = classify(&json!({ "status": status })).unwrap();
            assert_eq!(c.state.map(State::as_str), Some(state), "{status}");
            assert_eq!(c.status.as_deref(), Some(status));
        }
    }

    #[test]
    fn unknown_status_is_kept_not_rejected() {
        let c = classify(&json!({"status": "QUEUED_ON_MARS"})).unwrap();
        assert_eq!(c.state, None);
        assert_eq!(c.status.as_deref(), Some("QUEUED_ON_MARS"));
        // Lower case is not the documented spelling either.
        assert_eq!(classify(&json!({"status": "success"})).unwrap().state, None);
    }

    #[test]
    fn missing_or_odd_fields() {
        assert!(classify(&json!({"job_id": "j"})).is_err());
        assert!(classify(&json!({"status": 3})).is_err());
        assert!(classify(&json!("SUCCESS")).is_err());
        // Nulls everywhere but status are fine, and so are odd types there.
        let c = classify(&json!({
            "status": "ERROR", "error": null, "effective_at": 5, "job_id": null
        }))
        .unwrap();
        assert_eq!(c.state, Some(State::Failed));
        assert!(c.errors.is_empty());
    }

    #[test]
    fn errors_become_rows_and_details() {
        let c = classify(&json!({
            "status": "ERROR",
            "effective_at": "2026-11-22T10:00:00Z",
            "error": [
                {"job_id": "j1", "message": "parse failed", "step": "PARSE"},
                {"job_id": "j2", "message": "later", "step": "SOMETHING_NEW"}
            ]
        }))
        .unwrap();
        assert_eq!(c.errors.len(), 2);
        assert_eq!(c.errors[1].step, "SOMETHING_NEW");
        assert_eq!(c.details, "2 errors; PARSE: parse failed");
        assert_eq!(c.updated.as_deref(), Some("2026-11-22T10:00:00Z"));
    }
}
