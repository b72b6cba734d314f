//! Clarifeye pipeline runs:
//! `GET /api/v1/projects/{project_id}/pipeline-runs/{pipeline_run_id}/`,
//! and with `--all` the project's runs (`.../pipeline-runs/`, Django REST
//! framework paging by offset, one status a request).
//!
//! Progress is the run's steps: done (completed, with or without warnings)
//! out of all of them. Read leniently, like [`super::ingestion`].

use serde_json::Value;
use serde_json::value::RawValue;
use url::Url;

use super::api::{Api, Ask, Demo, Listing, one_status_a_request};
use super::command::{Arg, Command, Given, Refusal, Scope, Values};
use super::endpoint::{endpoint, with_query};
use super::page::{self, Cursor, PAGE_SIZE, Page};
use super::read::{status_field, str_field};
use crate::model::target::Service;
use crate::model::{Classified, Collection, Progress, State, StepRow, Subject, Target, Vendor};
use crate::settings::VendorSettings;

pub struct ClarifeyeRun;

static SERVICE: Service = Service {
    name: "clarifeye.run",
    vendor: Vendor::Clarifeye,
    plural: "pipeline runs",
    query_ids: &[],
    label: None,
};

static COMMAND: Command = Command {
    words: &["clarifeye", "run"],
    group_about: None,
    about: "GET /api/v1/projects/{project_id}/pipeline-runs/{pipeline_run_id}/, or the project's runs with --all",
    args: &[
        Arg::value("project", "project_id")
            .value_name("PROJECT_ID")
            .help("Project ID (default: config clarifeye.project_id)")
            .values(Values::NonEmpty)
            .scope(Scope::Project),
        Arg::ids("run_ids", "pipeline_run_id")
            .value_name("RUN_ID")
            .help("Pipeline run IDs; `-` reads them from stdin, one per line")
            .required_unless("all")
            .conflicts_with("all"),
        Arg::flag("logs").help("Print each run's raw_logs after the table"),
        Arg::all(
            "Every pipeline run of the project, from its listing (GET /api/v1/projects/{project_id}/pipeline-runs/)",
        ),
        Arg::list("status", "status")
            .value_name("STATUS")
            .help("With --all: only runs in these statuses (comma-separated)")
            .one_of(RUN_STATUSES, false)
            .filter("run_ids"),
    ],
};

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

impl Api for ClarifeyeRun {
    fn service(&self) -> &'static Service {
        &SERVICE
    }

    fn command(&self) -> &'static Command {
        &COMMAND
    }

    /// A run needs its project: from `--project` or the config.
    fn subject(&self, given: &Given, settings: &VendorSettings) -> Result<Ask, Refusal> {
        let project_id = settings
            .project_id
            .clone()
            .ok_or(Refusal::Missing("project_id"))?;
        let subject = if given.flag("all") {
            Subject::Collection(Collection {
                listing: Target::listing(&SERVICE, vec![("project_id", project_id)]),
                statuses: given.many("status").to_vec(),
                filters: Vec::new(),
            })
        } else {
            let runs = given.many("pipeline_run_id").iter();
            Subject::Targets(runs.map(|id| run(&project_id, id)).collect())
        };
        Ok(Ask {
            subject,
            logs: given.flag("logs"),
            items: None,
        })
    }

    /// The trailing empty segment keeps Django's trailing slash.
    fn url(&self, target: &Target, base: &Url) -> Url {
        let mut path = vec![
            "api",
            "v1",
            "projects",
            target.id("project_id"),
            "pipeline-runs",
        ];
        if !target.is_listing() {
            path.push(target.id("pipeline_run_id"));
        }
        path.push("");
        endpoint(base, &path)
    }

    fn classify(&self, _: &Target, body: &Value) -> Result<Classified, String> {
        classify(body)
    }

    fn demo(&self) -> &'static [Demo] {
        &[Demo {
            title: "Clarifeye run, with its steps",
            args: &[
                "clarifeye",
                "run",
                "--project",
                "demo",
                "ingest-partial-1200ms",
            ],
        }]
    }

    fn example(&self) -> &'static [(&'static str, &'static str)] {
        &[
            ("project_id", "demo"),
            ("pipeline_run_id", "ingest-partial-2s"),
        ]
    }

    fn listing(&self) -> Option<&dyn Listing> {
        Some(self)
    }
}

fn run(project_id: &str, run_id: &str) -> Target {
    Target::new(
        &SERVICE,
        [
            ("project_id", project_id.to_owned()),
            ("pipeline_run_id", run_id.to_owned()),
        ],
    )
}

impl Listing for ClarifeyeRun {
    fn passes(&self, collection: &Collection, filtered: bool) -> Vec<Vec<String>> {
        one_status_a_request(collection, filtered)
    }

    /// pipewatch computes DRF's offsets itself, so a `next` link to another
    /// host never gets the key.
    fn page_url(
        &self,
        collection: &Collection,
        statuses: &[String],
        base: &Url,
        cursor: &Cursor,
    ) -> Url {
        let (size, offset) = (PAGE_SIZE.to_string(), cursor.offset().to_string());
        with_query(
            self.url(&collection.listing, base),
            [("limit", size.as_str()), ("offset", offset.as_str())]
                .into_iter()
                .chain(statuses.iter().map(|s| ("status", s.as_str()))),
        )
    }

    fn read_page(&self, body: &[u8], cursor: &Cursor) -> Result<Page, String> {
        page::drf_page(body, cursor.offset())
    }

    /// One run of the listing (PipelineRunListItem): read like a run's
    /// detail; it carries no steps, so its progress is usually unknown.
    fn listed(&self, listing: &Target, item: &RawValue) -> Result<(Target, Classified), String> {
        let item: Value =
            serde_json::from_str(item.get()).map_err(|e| format!("a listed item: {e}"))?;
        let run_id = str_field(&item, "id")
            .filter(|id| !id.is_empty())
            .ok_or("a listed pipeline run has no `id`")?;
        Ok((run(listing.id("project_id"), run_id), classify(&item)?))
    }
}

#[cfg(test)]
mod tests;
