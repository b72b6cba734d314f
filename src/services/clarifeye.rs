//! Clarifeye: `GET /api/v1/projects/{project_id}/pipeline-runs/{pipeline_run_id}/`.
//!
//! Progress is the run's steps: done (completed, with or without warnings)
//! out of all of them. Read leniently, like [`super::llama`].

use serde_json::Value;
use url::Url;

use super::endpoint::endpoint;
use super::read::{status_field, str_field};
use crate::model::Target;
use crate::model::{Classified, Progress, State, StepRow};

/// PipelineRunStatus: what `clarifeye run --all --status` filters by.
pub const RUN_STATUSES: &[&str] = &[
    "pending",
    "running",
    "completed",
    "completed_with_warnings",
    "failed",
    "aborted",
];

pub fn state_of(status: &str) -> Option<State> {
    Some(match status {
        "pending" => State::Pending,
        "running" => State::Running,
        "completed" => State::Succeeded,
        "completed_with_warnings" => State::Partial,
        "failed" => State::Failed,
        "aborted" => State::Cancelled,
        _ => return None,
    })
}

fn step_row(step: &Value) -> StepRow {
    let kind = str_field(step, "step").unwrap_or("").to_owned();
    let warnings = match step.get("warnings") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if s.is_empty() => None,
        Some(Value::Array(a)) if a.is_empty() => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(other) => Some(other.to_string()),
    };
    StepRow {
        name: str_field(step, "name")
            .filter(|n| !n.is_empty())
            .map_or_else(|| kind.clone(), str::to_owned),
        step: kind,
        status: str_field(step, "status").unwrap_or("").to_owned(),
        warnings,
    }
}

pub fn classify(body: &Value) -> Result<Classified, String> {
    let status = status_field(body)?;
    let steps: Vec<StepRow> = body
        .get("steps")
        .and_then(Value::as_array)
        .map(|steps| steps.iter().map(step_row).collect())
        .unwrap_or_default();
    let progress = (!steps.is_empty()).then(|| {
        let total = steps.len() as u64;
        let done = steps
            .iter()
            .filter(|s| matches!(s.status.as_str(), "completed" | "completed_with_warnings"))
            .count() as u64;
        let failed = steps.iter().filter(|s| s.status == "failed").count() as u64;
        Progress {
            percent: Some(done as f64 * 100.0 / total as f64),
            done: Some(done),
            total: Some(total),
            failed: Some(failed),
            skipped: None,
        }
    });
    let mut details = Vec::new();
    if let Some(name) = str_field(body, "pipeline_name").filter(|n| !n.is_empty()) {
        details.push(name.to_owned());
    }
    if let Some(current) = steps
        .iter()
        .find(|s| s.status == "running")
        .or_else(|| steps.iter().find(|s| s.status == "failed"))
    {
        details.push(format!("{}: {}", current.status, current.name));
    }
    Ok(Classified {
        state: state_of(&status),
        status: Some(status),
        progress,
        updated: str_field(body, "updated_at").map(str::to_owned),
        details: details.join(" · "),
        steps,
        logs: str_field(body, "raw_logs").map(str::to_owned),
        ..Classified::default()
    })
}

/// `GET /api/v1/projects/{project_id}/pipeline-runs/{pipeline_run_id}/`;
/// the trailing empty segment keeps Django's trailing slash.
pub fn run_url(base: &Url, project_id: &str, pipeline_run_id: &str) -> Url {
    endpoint(
        base,
        &[
            "api",
            "v1",
            "projects",
            project_id,
            "pipeline-runs",
            pipeline_run_id,
            "",
        ],
    )
}

/// `GET /api/v1/projects/{project_id}/pipeline-runs/`: a project's runs.
pub fn runs_url(base: &Url, project_id: &str) -> Url {
    // The trailing empty segment keeps Django's trailing slash.
    endpoint(
        base,
        &["api", "v1", "projects", project_id, "pipeline-runs", ""],
    )
}

/// One run of the listing (PipelineRunListItem): read like a run's detail;
/// it carries no steps, so its progress is usually unknown.
pub fn listed_run(project_id: &str, item: &Value) -> Result<(Target, Classified), String> {
    let run_id = str_field(item, "id")
        .filter(|id| !id.is_empty())
        .ok_or("a listed pipeline run has no `id`")?;
    let target = Target::ClarifeyeRun {
        project_id: project_id.to_owned(),
        pipeline_run_id: run_id.to_owned(),
    };
    Ok((target, classify(item)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_documented_status() {
        for (status, state) in [
            ("pending", State::Pending),
            ("running", State::Running),
            ("completed", State::Succeeded),
            ("completed_with_warnings", State::Partial),
            ("failed", State::Failed),
            ("aborted", State::Cancelled),
        ] {
            assert_eq!(
                classify(&json!({ "status": status })).unwrap().state,
                Some(state)
            );
        }
        assert_eq!(classify(&json!({"status": "paused"})).unwrap().state, None);
    }

    #[test]
    fn steps_give_progress_and_rows() {
        let c = classify(&json!({
            "status": "running",
            "pipeline_name": "ingest",
            "raw_logs": "a\nb",
            "steps": [
                {"step": "parsing", "name": "Parse", "status": "completed", "warnings": null},
                {"step": "chunking", "name": null, "status": "running", "warnings": ["slow"]},
                {"step": "indexing", "status": "pending"},
                {"status": 7}
            ]
        }))
        .unwrap();
        let p = c.progress.unwrap();
        assert_eq!((p.done, p.total, p.percent), (Some(1), Some(4), Some(25.0)));
        assert_eq!(c.steps[1].name, "chunking");
        assert_eq!(c.steps[1].warnings.as_deref(), Some(r#"["slow"]"#));
        assert_eq!(c.steps[3].status, "");
        assert_eq!(c.details, "ingest · running: chunking");
        assert_eq!(c.logs.as_deref(), Some("a\nb"));
    }

    #[test]
    fn no_steps_no_progress() {
        let c = classify(&json!({"status": "pending", "steps": []})).unwrap();
        assert_eq!(c.progress, None);
        assert!(classify(&json!({"steps": []})).is_err());
    }
}
