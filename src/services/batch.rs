//! LlamaCloud batch processing (beta): `GET /api/v1/beta/batch-processing/{job_id}`.
//!
//! A `completed` job with failed items is a partial success. The item counts
//! default to 0 when missing, as LlamaCloud's SDKs do. Read leniently, like
//! [`super::llama`]: only `job.status` is required.

use serde_json::Value;
use url::Url;

use super::endpoint::{endpoint, with_query};
use super::page::{self, Cursor, Page};
use super::read::{as_count, status_field, str_field};
use crate::model::Target;
use crate::model::{Classified, Progress, State};

/// BatchJobStatus: what `batch status --all --status` filters by.
pub const JOB_STATUSES: &[&str] = &[
    "pending",
    "running",
    "dispatched",
    "completed",
    "failed",
    "cancelled",
];
/// BatchJobType: `--job-type`.
pub const JOB_TYPES: &[&str] = &["parse", "extract", "classify"];
/// BatchFileStatus: the status of one item of a job (`--items`).
pub const ITEM_STATUSES: &[&str] = &[
    "pending",
    "processing",
    "completed",
    "failed",
    "skipped",
    "cancelled",
];

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
    let percent = body
        .get("progress_percentage")
        .and_then(Value::as_f64)
        .filter(|p| p.is_finite());
    classify_job(job, percent).map_err(|e| e.replace("`status`", "`job.status`"))
}

/// Classify a job object (BatchJobResponse): the single-job body's `job`,
/// or one item of the jobs listing, which carries no percentage.
fn classify_job(job: &Value, percent: Option<f64>) -> Result<Classified, String> {
    let status = status_field(job)?;
    let count = |field| as_count(job.get(field));
    let failed = count("failed_items").unwrap_or(0);
    let progress = Progress {
        percent,
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
        status: Some(status),
        progress: Some(progress),
        updated: str_field(job, "updated_at")
            .or_else(|| str_field(job, "completed_at"))
            .map(str::to_owned),
        details: details.join(" · "),
        ..Classified::default()
    })
}

/// The `organization_id` and `project_id` query pairs that scope a request.
pub fn scope<'a>(
    organization_id: &'a Option<String>,
    project_id: &'a Option<String>,
) -> impl Iterator<Item = (&'a str, &'a str)> {
    [
        ("organization_id", organization_id),
        ("project_id", project_id),
    ]
    .into_iter()
    .filter_map(|(name, value)| Some((name, value.as_deref()?)))
}

/// `GET /api/v1/beta/batch-processing/{job_id}`, scoped.
pub fn job_url(
    base: &Url,
    job_id: &str,
    organization_id: &Option<String>,
    project_id: &Option<String>,
) -> Url {
    let url = endpoint(base, &["api", "v1", "beta", "batch-processing", job_id]);
    with_query(url, scope(organization_id, project_id))
}

/// `GET /api/v1/beta/batch-processing`: the batch jobs of a project.
pub fn jobs_url(base: &Url, organization_id: &Option<String>, project_id: &Option<String>) -> Url {
    let url = endpoint(base, &["api", "v1", "beta", "batch-processing"]);
    with_query(url, scope(organization_id, project_id))
}

/// One job of the jobs listing: the same object as a single job's `job`.
pub fn listed_job(
    organization_id: &Option<String>,
    project_id: &Option<String>,
    item: &Value,
) -> Result<(Target, Classified), String> {
    let job_id = str_field(item, "id")
        .filter(|id| !id.is_empty())
        .ok_or("a listed batch job has no `id`")?;
    let target = Target::Batch {
        job_id: job_id.to_owned(),
        organization_id: organization_id.clone(),
        project_id: project_id.clone(),
    };
    Ok((target, classify_job(item, None)?))
}

/// `GET /api/v1/beta/batch-processing/{job_id}/items`, one page of at
/// most `limit` items of `status` (None: every item).
pub fn items_url(
    job: &Target,
    base: &Url,
    status: Option<&str>,
    cursor: &Cursor,
    limit: u64,
) -> Url {
    let Target::Batch {
        job_id,
        organization_id,
        project_id,
    } = job
    else {
        return endpoint(base, &[]);
    };
    let url = endpoint(
        base,
        &["api", "v1", "beta", "batch-processing", job_id, "items"],
    );
    let (size, offset) = (limit.to_string(), cursor.offset().to_string());
    with_query(
        url,
        [("limit", size.as_str()), ("offset", offset.as_str())]
            .into_iter()
            .chain(status.map(|s| ("status", s)))
            .chain(scope(organization_id, project_id)),
    )
}

/// One page of a job's items (BatchItemListResponse), paged by offset.
pub fn read_items_page(body: &[u8], cursor: &Cursor) -> Result<Page, String> {
    page::offset_page(body, "items", cursor.offset())
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

#[cfg(test)]
mod listing_tests {
    use super::*;
    use crate::services::page::PAGE_SIZE;
    use serde_json::json;

    #[test]
    fn listed_jobs_are_classified_like_single_jobs() {
        let item = json!({"id": "bjb-1", "status": "completed", "job_type": "parse",
                          "total_items": 10, "processed_items": 10, "failed_items": 1});
        let (target, c) = listed_job(&None, &Some("p".into()), &item).unwrap();
        assert_eq!(target.label(), "bjb-1");
        assert_eq!(c.state, Some(State::Partial));
        assert_eq!(c.progress.and_then(|p| p.percent), None);
        assert!(listed_job(&None, &None, &json!({"status": "running"})).is_err());
        let err = listed_job(&None, &None, &json!({"id": "x"})).unwrap_err();
        assert!(err.contains("status"), "{err}");
    }

    #[test]
    fn items_urls_page_by_offset() {
        let job = Target::Batch {
            job_id: "j/1".into(),
            organization_id: None,
            project_id: Some("p".into()),
        };
        let base = Url::parse("http://h/").unwrap();
        assert_eq!(
            items_url(
                &job,
                &base,
                Some("failed"),
                &Cursor::Offset(1000),
                PAGE_SIZE
            )
            .as_str(),
            "http://h/api/v1/beta/batch-processing/j%2F1/items?limit=1000&offset=1000&status=failed&project_id=p"
        );
    }
}
