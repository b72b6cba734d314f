//! LlamaCloud indexes, which replace the v1 managed pipelines:
//! `GET /api/v1/indexes/{index_id}`, and with `--all` the project's
//! listing `GET /api/v1/indexes` (page token, `page_size=100`), whose items
//! carry the same `metadata`: a poll costs one request a page, none per index.
//!
//! The state is the metadata's `status`, an open schema ("only `status` of
//! `ready` or `failed` is stable"): any other value, or none, is an index
//! still building, never warned about. `--synced-after T` is the wait after
//! triggering a sync: a ready index counts only once it last synced at or
//! after T.

use serde_json::Value;
use serde_json::value::RawValue;
use url::Url;

use super::api::{Api, Ask, Demo, Listing, one_status_a_request};
use super::command::{Arg, Command, Given, Probe, Refusal, Values};
use super::endpoint::{endpoint, with_query};
use super::page::{self, Cursor, Page};
use super::read::str_field;
use super::scope;
use crate::model::target::Service;
use crate::model::{Classified, Collection, State, Subject, Target, Vendor};
use crate::settings::VendorSettings;
use crate::util::since;

pub struct LlamaIndex;

static SERVICE: Service = Service {
    name: "llama.index",
    vendor: Vendor::Llama,
    plural: "indexes",
    query_ids: &[],
    label: None,
};

static COMMAND: Command = Command {
    words: &["llama", "index", "status"],
    group_about: Some("Indexes: GET /api/v1/indexes/{index_id}"),
    about: "Status of indexes by ID (ready or failed, from their metadata), or the project's indexes with --all",
    args: &[
        Arg::ids("index_ids", "index_id")
            .value_name("INDEX_ID")
            .help("Index IDs; `-` reads them from stdin, one per line")
            .required_unless("all")
            .conflicts_with("all"),
        scope::ARGS[0],
        scope::ARGS[1],
        Arg::value("synced_after", "synced_after")
            .value_name("DUR|RFC3339")
            .help("Ready only once last synced at or after then: a duration before the command started (`10m`) or an RFC 3339 time; the wait after triggering a sync")
            .values(Values::Parsed(since::from_now))
            .probe(Probe::Option),
        Arg::all("Every index of the project, from its listing (GET /api/v1/indexes)"),
    ],
};

/// The page size of the listing, as LlamaCloud's v2 listings take it.
pub const PAGE_SIZE: u64 = 100;

fn index(index_id: &str) -> Target {
    Target::new(&SERVICE, [("index_id", index_id.to_owned())])
}

impl Api for LlamaIndex {
    fn service(&self) -> &'static Service {
        &SERVICE
    }

    fn command(&self) -> &'static Command {
        &COMMAND
    }

    fn subject(&self, given: &Given, settings: &VendorSettings) -> Result<Ask, Refusal> {
        let synced_after = given.one("synced_after").map(str::to_owned);
        if !given.flag("all") {
            let indexes = given.many("index_id").iter();
            return Ok(Ask::of(Subject::Targets(
                indexes
                    .map(|id| {
                        scope::scoped(index(id), settings)
                            .with("synced_after", synced_after.clone())
                    })
                    .collect(),
            )));
        }
        Ok(Ask::of(Subject::Collection(Collection {
            listing: Target::listing(&SERVICE, scope::of(settings))
                .with("synced_after", synced_after),
            statuses: Vec::new(),
            filters: Vec::new(),
        })))
    }

    /// `GET /api/v1/indexes/{index_id}`, scoped; a listing's first page.
    fn url(&self, target: &Target, base: &Url) -> Url {
        let mut path = vec!["api", "v1", "indexes"];
        if !target.is_listing() {
            path.push(target.id("index_id"));
        }
        with_query(endpoint(base, &path), scope::pairs(target))
    }

    fn classify(&self, target: &Target, body: &Value) -> Result<Classified, String> {
        classify(body, target.option("synced_after"))
    }

    fn demo(&self) -> &'static [Demo] {
        &[Demo {
            title: "LlamaCloud index, ready once its sync is done",
            args: &["llama", "index", "status", "idx-handbook-ok-800ms"],
        }]
    }

    fn example(&self) -> &'static [(&'static str, &'static str)] {
        &[("index_id", "idx-handbook-ok-1s")]
    }

    fn listing(&self) -> Option<&dyn Listing> {
        Some(self)
    }
}

impl Listing for LlamaIndex {
    /// The listing has no status filter: one pass.
    fn passes(&self, collection: &Collection, _: bool) -> Vec<Vec<String>> {
        one_status_a_request(collection, false)
    }

    fn page_url(&self, collection: &Collection, _: &[String], base: &Url, cursor: &Cursor) -> Url {
        let size = PAGE_SIZE.to_string();
        let token = match cursor {
            Cursor::Token(token) => Some(("page_token", token.as_str())),
            _ => None,
        };
        with_query(
            self.url(&collection.listing, base),
            [("page_size", size.as_str())].into_iter().chain(token),
        )
    }

    fn read_page(&self, body: &[u8], _: &Cursor) -> Result<Page, String> {
        page::token_page(body, "items")
    }

    /// A listed index carries its metadata: its state needs no request.
    fn listed(&self, listing: &Target, item: &RawValue) -> Result<(Target, Classified), String> {
        let item: Value =
            serde_json::from_str(item.get()).map_err(|e| format!("a listed index: {e}"))?;
        let index_id = str_field(&item, "id")
            .filter(|id| !id.is_empty())
            .ok_or("a listed index has no `id`")?;
        let synced_after = listing.option("synced_after");
        let target = scope::listed_under(index(index_id), listing)
            .with("synced_after", synced_after.map(str::to_owned));
        Ok((target, classify(&item, synced_after)?))
    }
}

/// An index (IndexResponse) against `--synced-after`, if given.
pub fn classify(body: &Value, synced_after: Option<&str>) -> Result<Classified, String> {
    if !body.is_object() {
        return Err("the response is not a JSON object".to_owned());
    }
    let metadata = body.get("metadata").filter(|m| !m.is_null());
    // Shown as received: a string as it is, another value as its JSON.
    let status = metadata
        .and_then(|m| m.get("status"))
        .filter(|s| !s.is_null())
        .map(|s| s.as_str().map_or_else(|| s.to_string(), str::to_owned));
    let mut details: Vec<String> = str_field(body, "name")
        .map(str::to_owned)
        .into_iter()
        .collect();
    let state = match status.as_deref() {
        Some("failed") => {
            details.extend(metadata.and_then(message));
            State::Failed
        }
        Some("ready") => match synced_after {
            None => State::Succeeded,
            Some(after) => {
                let last = str_field(body, "last_synced_at");
                if synced_since(last, after) {
                    State::Succeeded
                } else {
                    details.push(format!(
                        "last synced {}; waiting for a sync at or after {after}",
                        last.unwrap_or("never")
                    ));
                    State::Running
                }
            }
        },
        // The schema is open: anything else is an index still building.
        _ => State::Running,
    };
    Ok(Classified {
        state: Some(state),
        status,
        updated: str_field(body, "updated_at").map(str::to_owned),
        details: details.join(" · "),
        ..Classified::default()
    })
}

/// A failed index's message: the metadata's `error`, `error_message` or
/// `message`, the first present.
fn message(metadata: &Value) -> Option<String> {
    ["error", "error_message", "message"]
        .iter()
        .find_map(|field| match metadata.get(*field) {
            None | Some(Value::Null) => None,
            Some(Value::String(text)) if text.is_empty() => None,
            Some(Value::String(text)) => Some(text.clone()),
            Some(other) => Some(other.to_string()),
        })
}

/// Whether `last_synced_at` is at or after `after` (both RFC 3339); a
/// time that does not read is no sync.
fn synced_since(last_synced_at: Option<&str>, after: &str) -> bool {
    match (
        last_synced_at.and_then(since::parse_rfc3339),
        since::parse_rfc3339(after),
    ) {
        (Some(last), Some(after)) => last >= after,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn states_from_open_metadata() {
        let state = |body: Value| classify(&body, None).unwrap();
        let ready = state(json!({"name": "handbook", "metadata": {"status": "ready"}}));
        assert_eq!(
            (ready.state, ready.status.as_deref(), ready.details.as_str()),
            (Some(State::Succeeded), Some("ready"), "handbook")
        );
        let failed = state(json!({"name": "h", "metadata": {"status": "failed",
            "error_message": "embedding quota exceeded", "message": "later"}}));
        assert_eq!(failed.state, Some(State::Failed));
        assert_eq!(failed.details, "h · embedding quota exceeded");
        // Any other value, or none, is still building; never unknown.
        for other in [
            json!({"metadata": {"status": "syncing"}}),
            json!({"metadata": {}}),
            json!({"metadata": null}),
            json!({}),
        ] {
            assert_eq!(state(other.clone()).state, Some(State::Running), "{other}");
        }
        assert_eq!(state(json!({})).status, None);
        assert_eq!(
            state(json!({"metadata": {"status": 3}})).status.as_deref(),
            Some("3")
        );
        assert!(classify(&json!([1]), None).is_err());
    }

    #[test]
    fn synced_after_waits_for_a_later_sync() {
        let body = |last: Value| json!({"name": "h", "metadata": {"status": "ready"}, "last_synced_at": last});
        let after = "2026-11-30T10:00:00Z";
        let at = |last| classify(&body(last), Some(after)).unwrap();
        assert_eq!(
            at(json!("2026-11-30T10:00:00Z")).state,
            Some(State::Succeeded)
        );
        assert_eq!(
            at(json!("2026-11-30T11:30:00+01:00")).state,
            Some(State::Succeeded)
        );
        let earlier = at(json!("2026-11-30T09:59:59Z"));
        assert_eq!(earlier.state, Some(State::Running));
        assert!(
            earlier.details.contains("last synced 2026-11-30T09:59:59Z"),
            "{}",
            earlier.details
        );
        assert_eq!(at(json!(null)).state, Some(State::Running));
        assert!(at(json!(null)).details.contains("last synced never"));
        // A failed index fails, whenever it synced.
        let failed = json!({"metadata": {"status": "failed"}});
        assert_eq!(
            classify(&failed, Some(after)).unwrap().state,
            Some(State::Failed)
        );
    }

    #[test]
    fn urls_are_scoped_and_paged() {
        let settings = VendorSettings {
            project_id: Some("p 1".into()),
            ..VendorSettings::simple(Vendor::Llama, Url::parse("http://h").unwrap(), None)
        };
        let given = Given::of(&[("index_id", "a/b")]);
        let Subject::Targets(targets) = LlamaIndex.subject(&given, &settings).unwrap().subject
        else {
            panic!("not targets")
        };
        let base = Url::parse("http://h/x/").unwrap();
        assert_eq!(
            LlamaIndex.url(&targets[0], &base).as_str(),
            "http://h/x/api/v1/indexes/a%2Fb?project_id=p+1"
        );
        let given = Given::of(&[("all", "true")]);
        let Subject::Collection(all) = LlamaIndex.subject(&given, &settings).unwrap().subject
        else {
            panic!("not a collection")
        };
        assert_eq!(
            LlamaIndex
                .page_url(&all, &[], &base, &Cursor::Token("t+1".into()))
                .as_str(),
            "http://h/x/api/v1/indexes?project_id=p+1&page_size=100&page_token=t%2B1"
        );
    }
}
