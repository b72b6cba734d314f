//! LlamaCloud files of a managed pipeline:
//! `GET /api/v1/pipelines/{pipeline_id}/files/{file_id}/status`, and with
//! `--all` the pipeline's listing `GET /api/v1/beta/pipelines/{pipeline_id}/files`
//! (page token; a poll of N files costs ceil(N / 1000) requests).
//! Deprecated by LlamaCloud in favour of indexes.

use std::borrow::Cow;

use serde::Deserialize;
use serde::de::IgnoredAny;
use serde_json::Value;
use serde_json::value::RawValue;
use url::Url;

use super::api::{Api, Ask, Demo, Listing, every_status_at_once};
use super::command::{Arg, Command, Given, Probe, Refusal};
use super::endpoint::{endpoint, with_query};
use super::ingestion::{self, FILE_STATUSES, state_of};
use super::page::{self, Cursor, PAGE_SIZE, Page};
use crate::model::target::Service;
use crate::model::{Classified, Collection, Subject, Target, Vendor};
use crate::settings::VendorSettings;

pub struct LlamaFile;

static SERVICE: Service = Service {
    name: "llama.file",
    vendor: Vendor::Llama,
    plural: "files",
    query_ids: &[],
    label: None,
};

static COMMAND: Command = Command {
    words: &["llama", "file", "status"],
    group_about: Some("Ingestion status of files in a pipeline (deprecated: use `llama index`)"),
    about: "Deprecated by LlamaCloud, whose indexes replace pipelines: use `pipewatch llama index status`. GET /api/v1/pipelines/{pipeline_id}/files/{file_id}/status, or the pipeline's file listing with --all",
    args: &[
        Arg::value("pipeline", "pipeline_id")
            .value_name("PIPELINE_ID")
            .help("The pipeline the files belong to")
            .values(super::command::Values::NonEmpty)
            .required()
            .probe(Probe::Both),
        Arg::ids("file_ids", "file_id")
            .value_name("FILE_ID")
            .help("File IDs; `-` reads them from stdin, one per line")
            .required_unless("all")
            .conflicts_with("all"),
        Arg::all(
            "Every file of the pipeline, from its listing (GET /api/v1/beta/pipelines/{pipeline_id}/files)",
        ),
        Arg::list("status", "status")
            .value_name("STATUS")
            .help("With --all: only files in these statuses (comma-separated)")
            .one_of(FILE_STATUSES, true)
            .filter("file_ids"),
        Arg::value("name_contains", "name_contains")
            .value_name("TEXT")
            .help("With --all: only files whose name contains TEXT (case-insensitive)")
            .filter("file_ids"),
    ],
};

fn file_target(pipeline_id: &str, file_id: &str) -> Target {
    Target::new(
        &SERVICE,
        [
            ("pipeline_id", pipeline_id.to_owned()),
            ("file_id", file_id.to_owned()),
        ],
    )
}

impl Api for LlamaFile {
    fn service(&self) -> &'static Service {
        &SERVICE
    }

    fn command(&self) -> &'static Command {
        &COMMAND
    }

    fn subject(&self, given: &Given, _: &VendorSettings) -> Result<Ask, Refusal> {
        let pipeline_id = given.one("pipeline_id").unwrap_or_default();
        if !given.flag("all") {
            let files = given.many("file_id").iter();
            return Ok(Ask::of(Subject::Targets(
                files.map(|id| file_target(pipeline_id, id)).collect(),
            )));
        }
        Ok(Ask::of(Subject::Collection(Collection {
            listing: Target::listing(&SERVICE, vec![("pipeline_id", pipeline_id.to_owned())]),
            statuses: given.many("status").to_vec(),
            filters: given
                .one("name_contains")
                .map(|n| ("file_name_contains", n.to_owned()))
                .into_iter()
                .collect(),
        })))
    }

    fn url(&self, target: &Target, base: &Url) -> Url {
        let pipeline_id = target.id("pipeline_id");
        if target.is_listing() {
            return endpoint(
                base,
                &["api", "v1", "beta", "pipelines", pipeline_id, "files"],
            );
        }
        endpoint(
            base,
            &[
                "api",
                "v1",
                "pipelines",
                pipeline_id,
                "files",
                target.id("file_id"),
                "status",
            ],
        )
    }

    fn classify(&self, _: &Target, body: &Value) -> Result<Classified, String> {
        ingestion::classify(body)
    }

    fn demo(&self) -> &'static [Demo] {
        &[Demo {
            title: "LlamaCloud files, all of a pipeline's, as one collection",
            args: &[
                "llama",
                "file",
                "status",
                "--pipeline",
                "docs-items40-partial-1s",
                "--all",
            ],
        }]
    }

    fn example(&self) -> &'static [(&'static str, &'static str)] {
        &[("pipeline_id", "docs-ok-2s"), ("file_id", "report-ok")]
    }

    fn listing(&self) -> Option<&dyn Listing> {
        Some(self)
    }
}

impl Listing for LlamaFile {
    fn passes(&self, collection: &Collection, filtered: bool) -> Vec<Vec<String>> {
        every_status_at_once(collection, filtered)
    }

    /// FastAPI reads a list from a repeated `statuses`.
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
                .chain(statuses.iter().map(|s| ("statuses", s.as_str())))
                .chain(collection.filters.iter().map(|(n, v)| (*n, v.as_str())))
                .chain(token),
        )
    }

    fn read_page(&self, body: &[u8], _: &Cursor) -> Result<Page, String> {
        page::token_page(body, "items")
    }

    fn listed(&self, listing: &Target, item: &RawValue) -> Result<(Target, Classified), String> {
        listed_file(listing.id("pipeline_id"), item)
    }
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
    let target = file_target(pipeline_id, file_id);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::State;
    use serde_json::json;

    /// CONTRACT §8 for listings: the pipeline is one path segment, filters
    /// and page tokens are encoded query values.
    #[test]
    fn listing_pages_encode_their_parameters() {
        let files = Collection {
            listing: Target::listing(&SERVICE, vec![("pipeline_id", "a/b?c".into())]),
            statuses: vec!["ERROR".into(), "SUCCESS".into()],
            filters: vec![("file_name_contains", "x&y z".into())],
        };
        let token = Cursor::Token("t/+=".into());
        let base = Url::parse("http://h/p/").unwrap();
        assert_eq!(
            LlamaFile
                .page_url(&files, &files.statuses, &base, &token)
                .as_str(),
            "http://h/p/api/v1/beta/pipelines/a%2Fb%3Fc/files?page_size=1000\
             &statuses=ERROR&statuses=SUCCESS&file_name_contains=x%26y+z&page_token=t%2F%2B%3D"
        );
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
}
