//! LlamaCloud's v2 batches, which replace batch processing (beta):
//! `GET /api/v2/batches/{batch_id}?expand=results`, and with `--all` the
//! project's listing `GET /api/v2/batches` (page token, one status a
//! request, `created_at_on_or_after`), whose state comes from the listing.
//!
//! A batch's `results` name a job per file; their states come from the v2
//! listings' `job_ids` filter after the batch's own answer (`files.rs`),
//! so a poll of a batch of N files costs 1 + ceil(N / 50) requests, fewer
//! as its jobs finish: those already over are kept, not asked again.

mod files;

pub use files::{PAGE_SIZE, state_of};

use serde_json::Value;
use serde_json::value::RawValue;
use url::Url;

use super::api::{Api, Ask, Demo, Listing, one_status_a_request};
use super::command::{Arg, Command, Given, Refusal, Values};
use super::endpoint::{endpoint, with_query};
use super::page::{self, Cursor, Page};
use super::read::{status_field, str_field};
use super::scope;
use crate::model::target::Service;
use crate::model::{Classified, Collection, Snapshot, Subject, Target, TargetError, Vendor};
use crate::settings::VendorSettings;
use crate::util::since;

pub struct LlamaBatch;

static SERVICE: Service = Service {
    name: "llama.batch",
    vendor: Vendor::Llama,
    plural: "batches",
    query_ids: &[],
    label: None,
};

/// BatchResponse's statuses: what `--status` filters by.
pub const STATUSES: &[&str] = &[
    "PENDING",
    "THROTTLED",
    "RUNNING",
    "COMPLETED",
    "FAILED",
    "CANCELLED",
];

static COMMAND: Command = Command {
    words: &["llama", "batch", "status"],
    group_about: Some("Batches (v2): GET /api/v2/batches/{batch_id}"),
    about: "Status of v2 batches by ID, with progress from their files' jobs, or the project's batches with --all",
    args: &[
        Arg::ids("batch_ids", "batch_id")
            .value_name("BATCH_ID")
            .help("Batch IDs; `-` reads them from stdin, one per line")
            .required_unless("all")
            .conflicts_with("all"),
        scope::ARGS[0],
        scope::ARGS[1],
        Arg::all("Every batch of the project, from its listing (GET /api/v2/batches)"),
        Arg::list("status", "status")
            .value_name("STATUS")
            .help("With --all: only batches in these statuses (comma-separated): PENDING, THROTTLED, RUNNING, COMPLETED, FAILED, CANCELLED")
            .one_of(STATUSES, true)
            .filter("batch_ids"),
        Arg::value("since", "since")
            .value_name("DUR|RFC3339")
            .help("With --all: only batches created since then: a duration ago (`2h`, `1d`) or an RFC 3339 time")
            .values(Values::Parsed(since::from_now))
            .filter("batch_ids"),
    ],
};

fn batch(batch_id: &str) -> Target {
    Target::new(&SERVICE, [("batch_id", batch_id.to_owned())])
}

impl Api for LlamaBatch {
    fn service(&self) -> &'static Service {
        &SERVICE
    }

    fn command(&self) -> &'static Command {
        &COMMAND
    }

    fn subject(&self, given: &Given, settings: &VendorSettings) -> Result<Ask, Refusal> {
        if !given.flag("all") {
            let batches = given.many("batch_id").iter();
            return Ok(Ask::of(Subject::Targets(
                batches
                    .map(|id| scope::scoped(batch(id), settings))
                    .collect(),
            )));
        }
        Ok(Ask::of(Subject::Collection(Collection {
            listing: Target::listing(&SERVICE, scope::of(settings)),
            statuses: given.many("status").to_vec(),
            filters: given
                .one("since")
                .map(|s| ("created_at_on_or_after", s.to_owned()))
                .into_iter()
                .collect(),
        })))
    }

    /// `GET /api/v2/batches/{batch_id}?expand=results`, scoped; the
    /// listing's first page.
    fn url(&self, target: &Target, base: &Url) -> Url {
        if target.is_listing() {
            return with_query(
                endpoint(base, &["api", "v2", "batches"]),
                scope::pairs(target),
            );
        }
        let url = endpoint(base, &["api", "v2", "batches", target.id("batch_id")]);
        with_query(
            url,
            [("expand", "results")]
                .into_iter()
                .chain(scope::pairs(target)),
        )
    }

    fn classify(&self, _: &Target, body: &Value) -> Result<Classified, String> {
        classify(body)
    }

    fn demo(&self) -> &'static [Demo] {
        &[Demo {
            title: "LlamaCloud v2 batch: its files' jobs, 50 a request",
            args: &["llama", "batch", "status", "bat-reports-partial-1s-items60"],
        }]
    }

    fn example(&self) -> &'static [(&'static str, &'static str)] {
        &[("batch_id", "bat-reports-ok-1s-items20")]
    }

    fn listing(&self) -> Option<&dyn Listing> {
        Some(self)
    }

    /// The jobs of its files not known to be over, through the listings.
    fn after(&self, snapshot: &Snapshot, previous: Option<&Snapshot>, base: &Url) -> Vec<Url> {
        files::job_requests(snapshot, previous, base)
    }

    fn with_after(
        &self,
        snapshot: &mut Snapshot,
        previous: Option<&Snapshot>,
        answers: Vec<Result<Value, TargetError>>,
    ) {
        files::with_jobs(snapshot, previous, answers);
    }
}

impl Listing for LlamaBatch {
    /// The API takes one status a request.
    fn passes(&self, collection: &Collection, filtered: bool) -> Vec<Vec<String>> {
        one_status_a_request(collection, filtered)
    }

    fn page_url(
        &self,
        collection: &Collection,
        statuses: &[String],
        base: &Url,
        cursor: &Cursor,
    ) -> Url {
        let size = PAGE_SIZE.to_string();
        let token = match cursor {
            Cursor::Token(token) => Some(("page_token", token.as_str())),
            _ => None,
        };
        with_query(
            self.url(&collection.listing, base),
            [("page_size", size.as_str())]
                .into_iter()
                .chain(statuses.first().map(|s| ("status", s.as_str())))
                .chain(
                    collection
                        .filter("created_at_on_or_after")
                        .map(|s| ("created_at_on_or_after", s)),
                )
                .chain(token),
        )
    }

    fn read_page(&self, body: &[u8], _: &Cursor) -> Result<Page, String> {
        page::token_page(body, "items")
    }

    /// A listed batch: its state from the listing, no progress (its
    /// `results` are not expanded there).
    fn listed(&self, listing: &Target, item: &RawValue) -> Result<(Target, Classified), String> {
        let item: Value =
            serde_json::from_str(item.get()).map_err(|e| format!("a listed batch: {e}"))?;
        let batch_id = str_field(&item, "id")
            .filter(|id| !id.is_empty())
            .ok_or("a listed batch has no `id`")?;
        let target = scope::listed_under(batch(batch_id), listing);
        let mut classified = classify(&item)?;
        classified.progress = None;
        Ok((target, classified))
    }
}

/// A batch (BatchResponse) as its own answer says, before its jobs are
/// read: files whose mapping failed count as done and failed.
pub fn classify(body: &Value) -> Result<Classified, String> {
    let status = status_field(body)?;
    let no_jobs = files::Jobs::default();
    let files = files::Files::read(body, &no_jobs);
    let failed = files.as_ref().map_or(0, |f| f.failed);
    Ok(Classified {
        state: state_of(&status, failed),
        progress: files.as_ref().map(files::Files::progress),
        details: files::details(body, files.as_ref()),
        updated: str_field(body, "updated_at").map(str::to_owned),
        status: Some(status),
        ..Classified::default()
    })
}

#[cfg(test)]
mod tests;
