//! A v2 batch's files and their jobs (CONTRACT §16): the requests that
//! read the jobs after the batch's answer, and what they make of it.
//!
//! Each of the batch's `results` is a file with the job made for it
//! (`job_reference`: `parse_v2` or `extract_v2` and an ID), or a mapping
//! error. The jobs' states come from the v2 listings' `job_ids` filter,
//! grouped by type, 50 IDs a request; a job once over is kept in the
//! snapshot and not asked again. A file is done when its job is over or
//! its mapping failed, failed when its job failed or was cancelled or its
//! mapping failed.

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};
use url::Url;

use crate::model::{Attachment, Progress, SideRow, SideTable, Snapshot, State, TargetError};
use crate::services::endpoint::{endpoint, with_query};
use crate::services::read::str_field;
use crate::services::scope;

/// The page size of the v2 listings: the batches' and the jobs'.
pub const PAGE_SIZE: u64 = 100;

/// CONTRACT §16's states of a batch; a `COMPLETED` one is partial when a
/// file failed (`failed_files`), known once its jobs are.
pub fn state_of(status: &str, failed_files: u64) -> Option<State> {
    Some(match status {
        "PENDING" | "THROTTLED" => State::Pending,
        "RUNNING" => State::Running,
        "COMPLETED" if failed_files > 0 => State::Partial,
        "COMPLETED" => State::Succeeded,
        "FAILED" => State::Failed,
        "CANCELLED" => State::Cancelled,
        _ => return None,
    })
}

/// Job IDs one listing request asks about, as for v2 jobs (§14).
pub const IDS_PER_REQUEST: usize = 50;
/// Failed files a table shows; `--json` has every one.
pub const SHOWN: usize = 10;

/// A job's status and message, as its listing said.
#[derive(Clone, Debug, PartialEq)]
pub struct Job {
    pub status: String,
    pub error_message: Option<String>,
}

impl Job {
    fn is_over(&self) -> bool {
        matches!(self.status.as_str(), "COMPLETED" | "FAILED" | "CANCELLED")
    }

    fn failed(&self) -> bool {
        matches!(self.status.as_str(), "FAILED" | "CANCELLED")
    }
}

/// Jobs by ID.
pub type Jobs = BTreeMap<String, Job>;

/// The v2 listing of a job type, by its path segment.
fn kind_of(job_type: &str) -> Option<&'static str> {
    match job_type {
        "parse_v2" => Some("parse"),
        "extract_v2" => Some("extract"),
        _ => None,
    }
}

/// A file's job: (its type, its ID), if it has one.
fn job_of(result: &Value) -> Option<(&str, &str)> {
    let reference = result.get("job_reference")?;
    Some((str_field(reference, "type")?, str_field(reference, "id")?))
}

/// A file's mapping error, if the batch could not make it a job.
fn mapping_error(result: &Value) -> Option<&str> {
    str_field(result, "error_message").filter(|m| !m.is_empty())
}

/// The files of a batch body, counted against what is known of their jobs.
pub struct Files<'a> {
    pub total: u64,
    pub done: u64,
    pub failed: u64,
    /// The failed files, in order: each result with its job, if known.
    failures: Vec<(&'a Value, Option<&'a Job>)>,
}

impl<'a> Files<'a> {
    /// None when `results` is not a list (not expanded, or not yet known).
    pub fn read(body: &'a Value, jobs: &'a Jobs) -> Option<Files<'a>> {
        let results = body.get("results")?.as_array()?;
        let mut files = Files {
            total: results.len() as u64,
            done: 0,
            failed: 0,
            failures: Vec::new(),
        };
        for result in results {
            let job = job_of(result).and_then(|(_, id)| jobs.get(id));
            let mapped_wrong = mapping_error(result).is_some();
            if mapped_wrong || job.is_some_and(Job::is_over) {
                files.done += 1;
            }
            if mapped_wrong || job.is_some_and(Job::failed) {
                files.failed += 1;
                files.failures.push((result, job));
            }
        }
        Some(files)
    }

    pub fn progress(&self) -> Progress {
        Progress {
            percent: (self.total > 0).then(|| self.done as f64 * 100.0 / self.total as f64),
            done: Some(self.done),
            total: Some(self.total),
            failed: Some(self.failed),
            skipped: None,
        }
    }

    /// The envelope's `files`: every failed result as received, each with
    /// its job's `status` (null for a mapping error).
    fn json(&self) -> Value {
        let files = self.failures.iter().map(|(result, job)| {
            let mut result = (*result).clone();
            if let Some(object) = result.as_object_mut() {
                let status = job.map_or(Value::Null, |j| Value::from(j.status.clone()));
                object.insert("status".to_owned(), status);
            }
            result
        });
        Value::Array(files.collect())
    }

    /// FILE, JOB, MESSAGE of the first [`SHOWN`] failed files.
    fn table(&self) -> SideTable {
        let rows = self.failures.iter().take(SHOWN).map(|(result, job)| {
            let message = mapping_error(result)
                .map(str::to_owned)
                .or_else(|| job.and_then(|j| j.error_message.clone()))
                .or_else(|| job.map(|j| format!("job {}", j.status)))
                .unwrap_or_default();
            SideRow {
                cells: vec![
                    str_field(result, "source_directory_file_id")
                        .unwrap_or_default()
                        .to_owned(),
                    job_of(result).map_or_else(|| "-".to_owned(), |(_, id)| id.to_owned()),
                    message,
                ],
                failed: true,
            }
        });
        SideTable {
            what: "failed files".to_owned(),
            summary: "Failed files of v2 batches",
            columns: &["FILE", "JOB", "MESSAGE"],
            rows: rows.collect(),
            more: self.failures.len().saturating_sub(SHOWN) as u64,
            every: Some("--json".to_owned()),
        }
    }
}

/// The table's details: the job type, files done, failed.
pub fn details(body: &Value, files: Option<&Files<'_>>) -> String {
    let mut details: Vec<String> = body
        .get("config")
        .and_then(|c| c.get("job"))
        .and_then(|j| str_field(j, "type"))
        .map(str::to_owned)
        .into_iter()
        .collect();
    if let Some(files) = files {
        details.push(format!("{}/{} files", files.done, files.total));
        if files.failed > 0 {
            details.push(format!("{} failed", files.failed));
        }
    }
    details.join(" · ")
}

/// The jobs already over that the API kept at `previous`.
fn kept_jobs(previous: Option<&Snapshot>) -> Jobs {
    let Some(kept) = previous.and_then(|p| p.kept.as_ref()) else {
        return Jobs::new();
    };
    let Some(jobs) = kept.get("jobs").and_then(Value::as_object) else {
        return Jobs::new();
    };
    jobs.iter()
        .filter_map(|(id, job)| {
            let status = str_field(job, "status")?.to_owned();
            let error_message = str_field(job, "error_message").map(str::to_owned);
            Some((
                id.clone(),
                Job {
                    status,
                    error_message,
                },
            ))
        })
        .collect()
}

/// The snapshot's body, parsed again (the batch's own answer).
fn body_of(snapshot: &Snapshot) -> Option<Value> {
    serde_json::from_str(snapshot.response.as_deref()?.get()).ok()
}

/// One listing request per type and 50 of its jobs not known to be over,
/// scoped as the batch is; types in the order their files come.
pub fn job_requests(snapshot: &Snapshot, previous: Option<&Snapshot>, base: &Url) -> Vec<Url> {
    let Some(body) = body_of(snapshot) else {
        return Vec::new();
    };
    let Some(results) = body.get("results").and_then(Value::as_array) else {
        return Vec::new();
    };
    let known = kept_jobs(previous);
    let mut by_kind: Vec<(&str, Vec<&str>)> = Vec::new();
    for result in results.iter().filter(|r| mapping_error(r).is_none()) {
        let Some((job_type, id)) = job_of(result) else {
            continue;
        };
        let Some(kind) = kind_of(job_type) else {
            continue;
        };
        if known.get(id).is_some_and(Job::is_over) {
            continue;
        }
        match by_kind.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, ids)) if ids.contains(&id) => {}
            Some((_, ids)) => ids.push(id),
            None => by_kind.push((kind, vec![id])),
        }
    }
    let size = PAGE_SIZE.to_string();
    let mut urls = Vec::new();
    for (kind, ids) in by_kind {
        for chunk in ids.chunks(IDS_PER_REQUEST) {
            let listing = endpoint(base, &["api", "v2", kind]);
            urls.push(with_query(
                listing,
                [("page_size", size.as_str())]
                    .into_iter()
                    .chain(chunk.iter().map(|id| ("job_ids", *id)))
                    .chain(scope::pairs(&snapshot.target)),
            ));
        }
    }
    urls
}

/// The jobs the listings answered: each listed job by its `id`.
fn listed_jobs(answer: &Value) -> Jobs {
    let items = answer.get("items").and_then(Value::as_array);
    items
        .into_iter()
        .flatten()
        .filter_map(|item| {
            let id = str_field(item, "id")?.to_owned();
            let status = str_field(item, "status")?.to_owned();
            let error_message = str_field(item, "error_message")
                .filter(|m| !m.is_empty())
                .map(str::to_owned);
            Some((
                id,
                Job {
                    status,
                    error_message,
                },
            ))
        })
        .collect()
}

/// The batch with its files' jobs: progress, partial when a file failed,
/// its failed files (a side table; `files` in the envelope) when it ends
/// partial or failed, and the jobs over kept for the next poll. A listing
/// that failed makes its error the batch's: without its jobs, whether a
/// completed batch is a partial success cannot be told.
pub fn with_jobs(
    snapshot: &mut Snapshot,
    previous: Option<&Snapshot>,
    answers: Vec<Result<Value, TargetError>>,
) {
    let mut jobs = kept_jobs(previous);
    for answer in answers {
        match answer {
            Ok(listed) => jobs.extend(listed_jobs(&listed)),
            Err(mut error) => {
                error.message = format!("reading its files' jobs: {}", error.message);
                let response = snapshot.response.take();
                let failed = Snapshot::from_error(snapshot.target.clone(), None, error);
                *snapshot = Snapshot { response, ..failed };
                return;
            }
        }
    }
    let Some(body) = body_of(snapshot) else {
        return;
    };
    let Some(files) = Files::read(&body, &jobs) else {
        return;
    };
    let status = snapshot.status.as_deref().unwrap_or_default();
    snapshot.state = state_of(status, files.failed).unwrap_or(State::Unknown);
    snapshot.progress = Some(files.progress());
    snapshot.details = details(&body, Some(&files));
    if matches!(snapshot.state, State::Partial | State::Failed) {
        snapshot.attach(Attachment {
            field: "files",
            json: Some(files.json()),
            table: Some(files.table()),
        });
    }
    let over: Map<String, Value> = jobs
        .iter()
        .filter(|(_, job)| job.is_over())
        .map(|(id, job)| {
            let kept = json!({"status": job.status, "error_message": job.error_message});
            (id.clone(), kept)
        })
        .collect();
    snapshot.kept = Some(json!({ "jobs": over }));
}
