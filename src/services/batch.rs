//! LlamaCloud batch processing (beta): `GET /api/v1/beta/batch-processing/{job_id}`,
//! the project's jobs with `--all` (`GET /api/v1/beta/batch-processing`,
//! by offset), and a job's items (`.../{job_id}/items`). LlamaCloud's
//! newest SDK drops these endpoints for v2 batches.
//!
//! A `completed` job with failed items is a partial success. The item counts
//! default to 0 when missing, as LlamaCloud's SDKs do. Read leniently, like
//! [`super::ingestion`]: only `job.status` is required.

use serde_json::Value;
use serde_json::value::RawValue;
use url::Url;

use super::api::{Api, Ask, Demo, JobItems, Listing, every_status_at_once};
use super::command::{Arg, COLLECTIONS, Command, Given, Probe, Refusal, Shape};
use super::endpoint::{endpoint, with_query};
use super::page::{self, Cursor, PAGE_SIZE, Page};
use super::read::{as_count, status_field, str_field};
use super::scope;
use crate::model::target::Service;
use crate::model::{
    Classified, Collection, Items, Progress, SideRow, State, Subject, Target, Vendor,
};
use crate::settings::VendorSettings;

pub struct Batch;

static SERVICE: Service = Service {
    name: "batch",
    vendor: Vendor::Llama,
    plural: "batch jobs",
    query_ids: &[],
    label: None,
};

static COMMAND: Command = Command {
    words: &["batch", "status"],
    group_about: None,
    about: "Deprecated by LlamaCloud, whose newest SDK drops batch processing: use `pipewatch llama batch status` (v2 batches). GET /api/v1/beta/batch-processing/{job_id}, or the job listing with --all",
    args: &[
        Arg::ids("job_ids", "job_id")
            .value_name("JOB_ID")
            .help("Batch job IDs; `-` reads them from stdin, one per line")
            .required_unless("all")
            .conflicts_with("all"),
        scope::ARGS[0],
        scope::ARGS[1],
        Arg::all(
            "Every batch job of the project, from its listing (GET /api/v1/beta/batch-processing)",
        ),
        Arg::value("status", "status")
            .value_name("STATUS")
            .help("With --all: only jobs in this status")
            .one_of(JOB_STATUSES, false)
            .filter("job_ids"),
        Arg::value("job_type", "job_type")
            .value_name("TYPE")
            .help("With --all: only jobs of this type")
            .one_of(JOB_TYPES, false)
            .filter("job_ids"),
        Arg {
            shape: Shape::Optional { missing: "failed" },
            value_name: Some("STATUS"),
            help: "After each job, list its items in STATUS (default: failed), or `all`",
            values: super::command::Values::OneOf {
                values: ITEMS_FLAG,
                upper: false,
            },
            heading: Some(COLLECTIONS),
            probe: Probe::No,
            ..Arg::flag("items")
        },
    ],
};

/// `--items`'s values: an item's status (BatchFileStatus), or `all`.
const ITEMS_FLAG: &[&str] = &[
    "pending",
    "processing",
    "completed",
    "failed",
    "skipped",
    "cancelled",
    "all",
];

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

impl Api for Batch {
    fn service(&self) -> &'static Service {
        &SERVICE
    }

    fn command(&self) -> &'static Command {
        &COMMAND
    }

    fn subject(&self, given: &Given, settings: &VendorSettings) -> Result<Ask, Refusal> {
        let subject = if given.flag("all") {
            Subject::Collection(Collection {
                listing: Target::listing(&SERVICE, scope::of(settings)),
                statuses: given.many("status").to_vec(),
                filters: given
                    .one("job_type")
                    .map(|t| ("job_type", t.to_owned()))
                    .into_iter()
                    .collect(),
            })
        } else {
            Subject::Targets(
                given
                    .many("job_id")
                    .iter()
                    .map(|id| {
                        scope::scoped(Target::new(&SERVICE, [("job_id", id.clone())]), settings)
                    })
                    .collect(),
            )
        };
        Ok(Ask {
            subject,
            logs: false,
            items: given.one("items").map(Items::from_flag),
        })
    }

    fn url(&self, target: &Target, base: &Url) -> Url {
        let mut path = vec!["api", "v1", "beta", "batch-processing"];
        if !target.is_listing() {
            path.push(target.id("job_id"));
        }
        with_query(endpoint(base, &path), scope::pairs(target))
    }

    fn classify(&self, _: &Target, body: &Value) -> Result<Classified, String> {
        classify(body)
    }

    fn demo(&self) -> &'static [Demo] {
        &[Demo {
            title: "LlamaCloud batch job",
            args: &["batch", "status", "nightly-ok-1s-items40"],
        }]
    }

    fn example(&self) -> &'static [(&'static str, &'static str)] {
        &[("job_id", "nightly-ok-2s-items40")]
    }

    fn listing(&self) -> Option<&dyn Listing> {
        Some(self)
    }

    fn items(&self) -> Option<&dyn JobItems> {
        Some(self)
    }
}

impl Listing for Batch {
    fn passes(&self, collection: &Collection, filtered: bool) -> Vec<Vec<String>> {
        every_status_at_once(collection, filtered)
    }

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
                .chain(statuses.iter().map(|s| ("status", s.as_str())))
                .chain(collection.filters.iter().map(|(n, v)| (*n, v.as_str()))),
        )
    }

    fn read_page(&self, body: &[u8], cursor: &Cursor) -> Result<Page, String> {
        page::offset_page(body, "items", cursor.offset())
    }

    /// One job of the jobs listing: the same object as a single job's `job`.
    fn listed(&self, listing: &Target, item: &RawValue) -> Result<(Target, Classified), String> {
        let item: Value =
            serde_json::from_str(item.get()).map_err(|e| format!("a listed item: {e}"))?;
        let job_id = str_field(&item, "id")
            .filter(|id| !id.is_empty())
            .ok_or("a listed batch job has no `id`")?;
        let target = scope::listed_under(
            Target::new(&SERVICE, [("job_id", job_id.to_owned())]),
            listing,
        );
        Ok((target, classify_job(&item, None)?))
    }
}

impl JobItems for Batch {
    /// `GET /api/v1/beta/batch-processing/{job_id}/items`, one page of at
    /// most `limit` items of `status` (None: every item).
    fn page_url(
        &self,
        job: &Target,
        base: &Url,
        status: Option<&str>,
        cursor: &Cursor,
        limit: u64,
    ) -> Url {
        let url = endpoint(
            base,
            &[
                "api",
                "v1",
                "beta",
                "batch-processing",
                job.id("job_id"),
                "items",
            ],
        );
        let (size, offset) = (limit.to_string(), cursor.offset().to_string());
        with_query(
            url,
            [("limit", size.as_str()), ("offset", offset.as_str())]
                .into_iter()
                .chain(status.map(|s| ("status", s)))
                .chain(scope::pairs(job)),
        )
    }

    /// One page of a job's items (BatchItemListResponse), paged by offset.
    fn read_page(&self, body: &[u8], cursor: &Cursor) -> Result<Page, String> {
        page::offset_page(body, "items", cursor.offset())
    }

    fn columns(&self) -> &'static [&'static str] {
        &["ITEM", "NAME", "STATUS", "MESSAGE"]
    }

    /// An item's ID, name, status and why it failed or was skipped.
    fn row(&self, item: &Value) -> SideRow {
        let field = |name| str_field(item, name).map(str::to_owned);
        let status = field("status");
        SideRow {
            failed: status.as_deref() == Some("failed"),
            cells: vec![
                field("item_id").unwrap_or_default(),
                field("item_name").unwrap_or_default(),
                status.unwrap_or_else(|| "-".to_owned()),
                field("error_message")
                    .filter(|m| !m.is_empty())
                    .or_else(|| field("skip_reason"))
                    .unwrap_or_default(),
            ],
        }
    }

    fn summary(&self) -> &'static str {
        "Failed batch items"
    }
}

#[cfg(test)]
mod tests;
