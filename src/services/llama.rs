//! LlamaCloud managed ingestion: `GET /api/v1/pipelines/{pipeline_id}/status`
//! and `GET /api/v1/pipelines/{pipeline_id}/files/{file_id}/status`, which
//! share one body, ManagedIngestionStatusResponse.
//!
//! Every field but `status` may be null or missing, and the enums grow new
//! values, so the body is read leniently from the parsed JSON rather than
//! through a strict struct: an odd optional field never hides the status.

use std::borrow::Cow;

use serde::Deserialize;
use serde::de::IgnoredAny;
use serde_json::Value;
use serde_json::value::RawValue;
use url::Url;

use super::endpoint::{endpoint, with_query};
use super::read::{as_count, status_field, str_field};
use crate::model::Target;
use crate::model::{Classified, ErrorRow, Progress, State};

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

/// `GET /api/v1/pipelines/{pipeline_id}/status`.
pub fn pipeline_url(base: &Url, pipeline_id: &str, full_details: bool) -> Url {
    let url = endpoint(base, &["api", "v1", "pipelines", pipeline_id, "status"]);
    with_query(url, full_details.then_some(("full_details", "true")))
}

/// `GET /api/v1/pipelines/{pipeline_id}/files/{file_id}/status`.
pub fn file_url(base: &Url, pipeline_id: &str, file_id: &str) -> Url {
    endpoint(
        base,
        &[
            "api",
            "v1",
            "pipelines",
            pipeline_id,
            "files",
            file_id,
            "status",
        ],
    )
}

/// `GET /api/v1/beta/pipelines/{pipeline_id}/files`: a pipeline's files.
pub fn files_url(base: &Url, pipeline_id: &str) -> Url {
    endpoint(
        base,
        &["api", "v1", "beta", "pipelines", pipeline_id, "files"],
    )
}

/// `GET /api/v1/pipelines/{pipeline_id}/files/status-counts`.
pub fn counts_url(base: &Url, pipeline_id: &str) -> Url {
    endpoint(
        base,
        &[
            "api",
            "v1",
            "pipelines",
            pipeline_id,
            "files",
            "status-counts",
        ],
    )
}

/// The fields of a listed file (PipelineFileResponse) that pipewatch reads;
/// the rest of the item is skipped unparsed, and kept as raw text.
#[derive(Deserialize)]
struct ListedFile<'a> {
    #[serde(borrow, default)]
    id: Option<Lenient<'a>>,
    #[serde(borrow, default)]
    file_id: Option<Lenient<'a>>,
    #[serde(borrow, default)]
    name: Option<Lenient<'a>>,
    #[serde(borrow, default)]
    status: Option<Lenient<'a>>,
    #[serde(borrow, default)]
    status_updated_at: Option<Lenient<'a>>,
    #[serde(borrow, default)]
    updated_at: Option<Lenient<'a>>,
}

/// A field read leniently, as [`str_field`] reads one: a string, or
/// nothing when it is null or of another type.
#[derive(Deserialize)]
#[serde(untagged)]
enum Lenient<'a> {
    Text(#[serde(borrow)] Cow<'a, str>),
    Other(IgnoredAny),
}

impl<'a> Lenient<'a> {
    fn text(field: &'a Option<Lenient<'a>>) -> Option<&'a str> {
        match field {
            Some(Lenient::Text(text)) => Some(text),
            _ => None,
        }
    }
}

/// One file of the listing: named by its `file_id`, else its `id`; its
/// state from its own `status`, which may be null (an item without a
/// status is unknown, not an error).
pub fn listed_file(pipeline_id: &str, item: &RawValue) -> Result<(Target, Classified), String> {
    let file: ListedFile<'_> =
        serde_json::from_str(item.get()).map_err(|e| format!("a listed file: {e}"))?;
    let file_id = Lenient::text(&file.file_id)
        .or_else(|| Lenient::text(&file.id))
        .filter(|id| !id.is_empty())
        .ok_or("a listed file has neither `file_id` nor `id`")?;
    let status = Lenient::text(&file.status).map(str::to_owned);
    let target = Target::LlamaFile {
        pipeline_id: pipeline_id.to_owned(),
        file_id: file_id.to_owned(),
    };
    Ok((
        target,
        Classified {
            state: status.as_deref().and_then(state_of),
            status,
            updated: Lenient::text(&file.status_updated_at)
                .or_else(|| Lenient::text(&file.updated_at))
                .map(str::to_owned),
            details: Lenient::text(&file.name).unwrap_or_default().to_owned(),
            ..Classified::default()
        },
    ))
}

/// A pipeline's progress from its files' status counts
/// (FileCountByStatusResponse): `done` counts the files in a terminal
/// status, `failed` those in ERROR.
pub fn progress_from_counts(body: &Value) -> Result<Progress, String> {
    let counts = body
        .get("counts")
        .and_then(Value::as_object)
        .ok_or("the status counts have no `counts` object")?;
    let total =
        as_count(body.get("total_count")).ok_or("the status counts have no `total_count`")?;
    let count = |status: &str| as_count(counts.get(status)).unwrap_or(0);
    let done: u64 = counts
        .keys()
        .filter(|status| state_of(status).is_some_and(State::is_terminal))
        .map(|status| count(status))
        .sum();
    Ok(Progress {
        percent: (total > 0).then(|| done as f64 * 100.0 / total as f64),
        done: Some(done),
        total: Some(total),
        failed: Some(count("ERROR")),
        skipped: None,
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

    #[test]
    fn listed_files() {
        let raw = |v: Value| serde_json::value::to_raw_value(&v).unwrap();
        let (target, c) = listed_file(
            "p",
            &raw(json!({"id": "row-1", "file_id": "f-1", "name": "report.pdf", "status": "ERROR",
                    "status_updated_at": "2026-11-22T10:00:00Z", "updated_at": "2026-11-21T10:00:00Z",
                    "resource_info": {"a": [1, 2.5e300, null]}})),
        )
        .unwrap();
        assert_eq!(target.label(), "p/f-1");
        assert_eq!(c.state, Some(State::Failed));
        assert_eq!(c.details, "report.pdf");
        assert_eq!(c.updated.as_deref(), Some("2026-11-22T10:00:00Z"));
        // No file_id: the row's id; no status: unknown, not an error.
        let (target, c) =
            listed_file("p", &raw(json!({"id": "row-2", "status": null, "name": 7}))).unwrap();
        assert_eq!(target.label(), "p/row-2");
        assert_eq!((c.state, c.status, c.details.as_str()), (None, None, ""));
        // Odd types are read as nothing, as for a single file.
        let (_, c) = listed_file("p", &raw(json!({"id": "r", "status": 3}))).unwrap();
        assert_eq!(c.status, None);
        assert!(listed_file("p", &raw(json!({"name": "x"}))).is_err());
        assert!(listed_file("p", &raw(json!({"file_id": ""}))).is_err());
        assert!(listed_file("p", &raw(json!({"file_id": 5}))).is_err());
        assert!(listed_file("p", &raw(json!([1]))).is_err());
        // Escapes in strings are decoded.
        let escaped = RawValue::from_string(r#"{"id": "a\"b\u00e9"}"#.to_owned()).unwrap();
        let (target, _) = listed_file("p", &escaped).unwrap();
        assert_eq!(target.label(), "p/a\"bé");
    }

    #[test]
    fn progress_from_status_counts() {
        let p = progress_from_counts(&json!({
            "counts": {"SUCCESS": 6, "ERROR": 2, "IN_PROGRESS": 1, "NOT_STARTED": 1, "PARTIAL_SUCCESS": 0, "NEW_THING": 5},
            "total_count": 15
        }))
        .unwrap();
        assert_eq!((p.done, p.total, p.failed), (Some(8), Some(15), Some(2)));
        let empty = progress_from_counts(&json!({"counts": {}, "total_count": 0})).unwrap();
        assert_eq!((empty.done, empty.percent), (Some(0), None));
        assert!(progress_from_counts(&json!({"counts": {}})).is_err());
        assert!(progress_from_counts(&json!({"total_count": 3})).is_err());
    }
}
