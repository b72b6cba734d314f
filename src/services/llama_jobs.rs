//! LlamaCloud's v2 jobs, as rows of one table: `GET /api/v2/{parse,extract,classify}/{job_id}`
//! and their listings `GET /api/v2/{parse,extract,classify}` (page token,
//! `status`, `job_ids` and `created_at_on_or_after` filters).
//!
//! The kinds share one shape: a status from one enum, `error_message` for
//! a failed job. What differs is in [`KINDS`]: a parse job's single body
//! nests the job (`{"job": {...}}`), extract accepts one more status
//! (`THROTTLED`) as a filter. A fourth kind is one row there and one line
//! in the list of APIs.

use serde_json::Value;
use serde_json::value::RawValue;
use url::Url;

use super::api::{Api, Ask, Demo, Listing, Together, one_status_a_request};
use super::command::{Arg, Command, Given, Refusal, Values};
use super::endpoint::{endpoint, with_query};
use super::page::{self, Cursor, Page};
use super::read::{status_field, str_field};
use super::scope;
use crate::model::target::Service;
use crate::model::{Classified, Collection, State, Subject, Target, Vendor};
use crate::settings::VendorSettings;
use crate::util::since;

/// One kind of v2 job: an API of its own, with what it does differently.
pub struct Kind {
    /// The path segment and command word: `parse`, `extract`, `classify`.
    pub name: &'static str,
    service: &'static Service,
    command: &'static Command,
    /// The statuses its listing filters by (`--status`).
    pub statuses: &'static [&'static str],
    /// The single body nests the job under this field.
    nested: Option<&'static str>,
    demo: &'static [Demo],
    example: &'static [(&'static str, &'static str)],
}

const JOB_STATUSES: &[&str] = &["PENDING", "RUNNING", "COMPLETED", "FAILED", "CANCELLED"];

/// The table of v2 job kinds.
pub static KINDS: [Kind; 3] = [
    Kind {
        name: "parse",
        service: &PARSE,
        command: &Command {
            words: &["llama", "parse", "status"],
            group_about: Some("Parse jobs (v2): GET /api/v2/parse/{job_id}"),
            about: ABOUT,
            args: ARGS,
        },
        statuses: JOB_STATUSES,
        nested: Some("job"),
        demo: &[Demo {
            title: "LlamaCloud parse jobs, asked together through the listing",
            args: &[
                "llama",
                "parse",
                "status",
                "pjb-invoices-ok-1s",
                "pjb-scans-failed-600ms",
            ],
        }],
        example: &[("job_id", "pjb-invoices-ok-2s")],
    },
    Kind {
        name: "extract",
        service: &EXTRACT,
        command: &Command {
            words: &["llama", "extract", "status"],
            group_about: Some("Extract jobs (v2): GET /api/v2/extract/{job_id}"),
            about: ABOUT,
            args: ARGS,
        },
        statuses: &[
            "PENDING",
            "THROTTLED",
            "RUNNING",
            "COMPLETED",
            "FAILED",
            "CANCELLED",
        ],
        nested: None,
        demo: &[Demo {
            title: "LlamaCloud extract job",
            args: &["llama", "extract", "status", "ejb-contract-ok-600ms"],
        }],
        example: &[("job_id", "ejb-contract-ok-1s")],
    },
    Kind {
        name: "classify",
        service: &CLASSIFY,
        command: &Command {
            words: &["llama", "classify", "status"],
            group_about: Some("Classify jobs (v2): GET /api/v2/classify/{job_id}"),
            about: ABOUT,
            args: ARGS,
        },
        statuses: JOB_STATUSES,
        nested: None,
        demo: &[Demo {
            title: "LlamaCloud classify job",
            args: &["llama", "classify", "status", "cjb-mail-ok-600ms"],
        }],
        example: &[("job_id", "cjb-mail-ok-1s")],
    },
];

static PARSE: Service = service("llama.parse", "parse jobs");
static EXTRACT: Service = service("llama.extract", "extract jobs");
static CLASSIFY: Service = service("llama.classify", "classify jobs");

const fn service(name: &'static str, plural: &'static str) -> Service {
    Service {
        name,
        vendor: Vendor::Llama,
        plural,
        query_ids: &[],
        label: None,
    }
}

const ABOUT: &str = "Status of jobs by ID (many at once through the listing's job_ids filter), or the project's jobs with --all";

const ARGS: &[Arg] = &[
    Arg::ids("job_ids", "job_id")
        .value_name("JOB_ID")
        .help("Job IDs; `-` reads them from stdin, one per line")
        .required_unless("all")
        .conflicts_with("all"),
    scope::ARGS[0],
    scope::ARGS[1],
    Arg::all("Every job of the project, from its listing (GET /api/v2/{parse,extract,classify})"),
    Arg::list("status", "status")
        .value_name("STATUS")
        .help("With --all: only jobs in these statuses (comma-separated): PENDING, RUNNING, COMPLETED, FAILED, CANCELLED (extract also THROTTLED)")
        .filter("job_ids"),
    Arg::value("since", "since")
        .value_name("DUR|RFC3339")
        .help("With --all: only jobs created since then: a duration ago (`2h`, `1d`) or an RFC 3339 time")
        .values(Values::Parsed(since::from_now))
        .filter("job_ids"),
];

/// The page size of a listing: classify's documented maximum (the others
/// document none), so every kind pages the same.
pub const PAGE_SIZE: u64 = 100;

/// How many IDs one `job_ids` request asks about: a poll of N jobs costs
/// ceil(N / 50) requests, and the URL stays well under common limits
/// (50 IDs of 40 characters are about 3 KB).
pub const IDS_PER_REQUEST: usize = 50;

impl Kind {
    /// `--status` values checked against the kind's enum, case-insensitively,
    /// in the vendor's spelling, each once. Err names the valid ones.
    pub fn check_statuses(&self, given: &[String]) -> Result<Vec<String>, String> {
        let mut statuses: Vec<String> = Vec::new();
        for status in given {
            let Some(known) = self
                .statuses
                .iter()
                .find(|v| v.eq_ignore_ascii_case(status.trim()))
            else {
                return Err(format!(
                    "invalid value '{status}' for '--status <STATUS>': a {} job's status is one of {}",
                    self.name,
                    self.statuses.join(", ")
                ));
            };
            if !statuses.iter().any(|s| s == known) {
                statuses.push((*known).to_owned());
            }
        }
        Ok(statuses)
    }

    fn job(&self, job_id: &str) -> Target {
        Target::new(self.service, [("job_id", job_id.to_owned())])
    }

    /// The kind's listing under `base`, scoped as `target` is.
    fn listing_url(&self, target: &Target, base: &Url) -> Url {
        with_query(
            endpoint(base, &["api", "v2", self.name]),
            scope::pairs(target),
        )
    }
}

impl Api for Kind {
    fn service(&self) -> &'static Service {
        self.service
    }

    fn command(&self) -> &'static Command {
        self.command
    }

    fn subject(&self, given: &Given, settings: &VendorSettings) -> Result<Ask, Refusal> {
        if !given.flag("all") {
            let jobs = given.many("job_id").iter();
            return Ok(Ask::of(Subject::Targets(
                jobs.map(|id| scope::scoped(self.job(id), settings))
                    .collect(),
            )));
        }
        let statuses = self
            .check_statuses(given.many("status"))
            .map_err(Refusal::Invalid)?;
        Ok(Ask::of(Subject::Collection(Collection {
            listing: Target::listing(self.service, scope::of(settings)),
            statuses,
            filters: given
                .one("since")
                .map(|s| ("created_at_on_or_after", s.to_owned()))
                .into_iter()
                .collect(),
        })))
    }

    /// `GET /api/v2/{kind}/{job_id}`, scoped; a listing's first page without filters.
    fn url(&self, target: &Target, base: &Url) -> Url {
        if target.is_listing() {
            return self.listing_url(target, base);
        }
        let url = endpoint(base, &["api", "v2", self.name, target.id("job_id")]);
        with_query(url, scope::pairs(target))
    }

    fn classify(&self, _: &Target, body: &Value) -> Result<Classified, String> {
        match self.nested {
            Some(field) => match body.get(field) {
                Some(job @ Value::Object(_)) => classify_job(job)
                    .map_err(|e| e.replace("`status`", &format!("`{field}.status`"))),
                Some(_) => Err(format!("`{field}` is not an object")),
                None => Err(format!("the response has no `{field}` object")),
            },
            None => classify_job(body),
        }
    }

    fn demo(&self) -> &'static [Demo] {
        self.demo
    }

    fn example(&self) -> &'static [(&'static str, &'static str)] {
        self.example
    }

    fn listing(&self) -> Option<&dyn Listing> {
        Some(self)
    }

    fn together(&self) -> Option<&dyn Together> {
        Some(self)
    }
}

impl Listing for Kind {
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
        page_url(
            self.listing_url(&collection.listing, base),
            statuses.first().map(String::as_str),
            collection.filter("created_at_on_or_after"),
            &[],
            cursor,
        )
    }

    fn read_page(&self, body: &[u8], _: &Cursor) -> Result<Page, String> {
        page::token_page(body, "items")
    }

    /// One job of a listing: the target it is and its state.
    fn listed(&self, listing: &Target, item: &RawValue) -> Result<(Target, Classified), String> {
        let item: Value =
            serde_json::from_str(item.get()).map_err(|e| format!("a listed item: {e}"))?;
        let job_id = str_field(&item, "id")
            .filter(|id| !id.is_empty())
            .ok_or_else(|| format!("a listed {} job has no `id`", self.name))?;
        let target = scope::listed_under(self.job(job_id), listing);
        Ok((target, classify_job(&item)?))
    }
}

impl Together for Kind {
    /// Jobs of one kind and scope are asked together.
    fn listing_of(&self, target: &Target) -> Target {
        Target::listing(self.service, scope::owned(target))
    }

    fn per_request(&self) -> usize {
        IDS_PER_REQUEST
    }

    fn page_url(&self, listing: &Target, ids: &[&str], base: &Url, cursor: &Cursor) -> Url {
        page_url(self.listing_url(listing, base), None, None, ids, cursor)
    }

    fn listed_id<'t>(&self, target: &'t Target) -> &'t str {
        target.id("job_id")
    }
}

/// CONTRACT §14's states (and §16's: `THROTTLED` is queued work the
/// vendor holds back); anything else is unknown.
pub fn state_of(status: &str) -> Option<State> {
    Some(match status {
        "PENDING" | "THROTTLED" => State::Pending,
        "RUNNING" => State::Running,
        "COMPLETED" => State::Succeeded,
        "FAILED" => State::Failed,
        "CANCELLED" => State::Cancelled,
        _ => return None,
    })
}

/// Classify a job object: the single body (or its `job`), or a listed item.
fn classify_job(job: &Value) -> Result<Classified, String> {
    let status = status_field(job)?;
    let message = str_field(job, "error_message").filter(|m| !m.is_empty());
    Ok(Classified {
        state: state_of(&status),
        status: Some(status),
        updated: str_field(job, "updated_at").map(str::to_owned),
        details: message.unwrap_or_default().to_owned(),
        ..Classified::default()
    })
}

/// One page of a listing under `first` (its scoped URL): `status`,
/// `since`, these `job_ids`, from `cursor`.
fn page_url(
    first: Url,
    status: Option<&str>,
    since: Option<&str>,
    job_ids: &[&str],
    cursor: &Cursor,
) -> Url {
    let size = PAGE_SIZE.to_string();
    let token = match cursor {
        Cursor::Token(token) => Some(("page_token", token.as_str())),
        _ => None,
    };
    with_query(
        first,
        [("page_size", size.as_str())]
            .into_iter()
            .chain(status.map(|s| ("status", s)))
            .chain(since.map(|s| ("created_at_on_or_after", s)))
            .chain(job_ids.iter().map(|id| ("job_ids", *id)))
            .chain(token),
    )
}

#[cfg(test)]
mod tests;
