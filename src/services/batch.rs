//! LlamaCloud batch processing (beta): `GET /api/v1/beta/batch-processing/{job_id}`.
//!
//! A `completed` job with failed items is a partial success. The item counts
//! default to 0 when missing, as LlamaCloud's SDKs do. Read leniently, like
//! [`super::llama`]: only `job.status` is required.

use serde_json::Value;

use super::read::{as_count, status_field, str_field};
use crate::status::{Classified, Progress, State};

/// The documented status values; `completed` needs the failed count.
pub fn state_of(status: &str, failed_items: u64) -> Option<State> {
    Some(match status {
        "pending" | "dispatched" => State::Pending,
        "running" => State::Running,
        "completed" if failed_items > 0 => State::Partial,
        "completed" => State::Succeeded,
        "failed" => State::Failed,
        "cancelled" => State::Cancelled,
        _ => return None,
    })
}

pub fn classify(body: &Value) -> Result<Classified, String> {
    let job = match body.get("job") {
        Some(job @ Value::Object(_)) => job,
        Some(_) => return Err("`job` is not an object".to_owned()),
        None => return Err("the response has no `job` object".to_owned()),
    };
    let status = status_field(job).map_err(|e| e.replace("`status`", "`job.status`"))?;
    let count = |field| as_count(job.get(field));
    let failed = count("failed_items").unwrap_or(0);
    let progress = Progress {
        percent: body
            .get("progress_percentage")
            .and_then(Value::as_f64)
            .filter(|p| p.is_finite()),
        done: Some(count("processed_items").unwrap_or(0)),
        total: count("total_items"),
        failed: Some(failed),
        skipped: Some(count("skipped_items").unwrap_or(0)),
    };
    let mut details = Vec::new();
    if let Some(kind) = str_field(job, "job_type") {
        details.push(kind.to_owned());
    }
    if let Some(total) = progress.total {
        details.push(format!("{}/{total} items", progress.done.unwrap_or(0)));
    }
    if failed > 0 {
        details.push(format!("{failed} failed"));
    }
    if let Some(message) = str_field(job, "error_message").filter(|m| !m.is_empty()) {
        details.push(message.to_owned());
    }
    Ok(Classified {
        state: state_of(&status, failed),
        status,
        progress: Some(progress),
        updated: str_field(job, "updated_at")
            .or_else(|| str_field(job, "completed_at"))
            .map(str::to_owned),
        details: details.join(" · "),
        ..Classified::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn job(status: &str, extra: Value) -> Value {
        let mut job = json!({"id": "bjb-1", "job_type": "parse", "project_id": "p",
                             "status": status, "total_items": 10});
        if let (Some(job), Value::Object(extra)) = (job.as_object_mut(), extra) {
            job.extend(extra);
        }
        json!({"job": job, "progress_percentage": 50})
    }

    #[test]
    fn every_documented_status() {
        for (status, state) in [
            ("pending", State::Pending),
            ("dispatched", State::Pending),
            ("running", State::Running),
            ("completed", State::Succeeded),
            ("failed", State::Failed),
            ("cancelled", State::Cancelled),
        ] {
            assert_eq!(
                classify(&job(status, json!({}))).unwrap().state,
                Some(state)
            );
        }
        assert_eq!(classify(&job("paused", json!({}))).unwrap().state, None);
    }

    #[test]
    fn completed_with_failed_items_is_partial() {
        let c = classify(&job(
            "completed",
            json!({"failed_items": 2, "processed_items": 10}),
        ));
        let c = c.unwrap();
        assert_eq!(c.state, Some(State::Partial));
        assert_eq!(c.details, "parse · 10/10 items · 2 failed");
        let c = classify(&job("completed", json!({"failed_items": 0}))).unwrap();
        assert_eq!(c.state, Some(State::Succeeded));
    }

    #[test]
    fn counts_default_to_zero() {
        let c = classify(&job("running", json!({}))).unwrap();
        assert_eq!(
            c.progress,
            Some(Progress {
                percent: Some(50.0),
                done: Some(0),
                total: Some(10),
                failed: Some(0),
                skipped: Some(0),
            })
        );
    }

    #[test]
    fn malformed() {
        assert!(classify(&json!({"progress_percentage": 3})).is_err());
        assert!(classify(&json!({"job": []})).is_err());
        let err = classify(&json!({"job": {"id": "x"}})).unwrap_err();
        assert!(err.contains("job.status"), "{err}");
    }
}
