//! `llama.index`: a LlamaCloud index (`GET /api/v1/indexes/{index_id}`)
//! and a project's listing of them (`indexes:<project_id or default>`,
//! paged by token). The metadata's status follows the ID grammar:
//! `pending` while pending, `syncing` while running, `ready` at the end
//! (`failed` with a message for a failed or cancelled one; no status at
//! all for `mystery`, the schema being open).
//!
//! Two words of its own, for `--synced-after`: `resync` (an index that was
//! ready before: while pending it says `ready`, with a sync a day old) and
//! `stale` (its last sync is always a day old, ready or not).

use std::time::Duration;

use serde_json::{Value, json};

use crate::sim::api::{
    Endpoint, Key, ListRequest, Parent, Sample, SimApi, StatusRequest, Vendor, each,
};
use crate::sim::bodies::{rfc3339, uuid_for, with_escape};
use crate::sim::collections::{Collection, Kind};
use crate::sim::decision::Stage;
use crate::sim::paging::{self, int_param};
use crate::sim::reply::Reply;
use crate::sim::request::{or_problem, page_offset, select, unprocessable};
use crate::sim::scenario::Outcome;

pub(crate) struct LlamaIndex;

const INDEX: &str = "/api/v1/indexes/{index_id}";
const INDEXES: &str = "/api/v1/indexes";

static ENDPOINTS: [Endpoint; 2] = [
    Endpoint::status(INDEX, Key::Path(&["index_id"]), index_body)
        .parent(Parent::Query("project_id")),
    Endpoint::list(
        INDEXES,
        "indexes",
        Key::QueryOr("project_id", "default"),
        indexes,
    ),
];

/// A project's listed indexes: `idx-0003-ok-1500ms`.
const INDEX_KIND: Kind = Kind::new("idx");

/// How long before its first request an old sync happened.
const A_DAY: Duration = Duration::from_secs(24 * 3600);

impl SimApi for LlamaIndex {
    fn service(&self) -> &'static str {
        "llama.index"
    }

    fn vendor(&self) -> Vendor {
        Vendor::Llama
    }

    fn endpoints(&self) -> &[Endpoint] {
        &ENDPOINTS
    }

    fn samples(&self) -> Vec<Sample> {
        let spec = "llamacloud-v2-jobs.json";
        let index = |ids: &[&str]| each(ids, |id| format!("{INDEXES}/{id}"));
        let token = paging::page_token(10);
        vec![
            Sample::new(
                spec,
                INDEX,
                200,
                index(&[
                    "ix-ok",
                    "ix-failed",
                    "ix-cancelled",
                    "ix-running",
                    "ix-pending",
                    "ix-mystery",
                    "ix-failed-escape",
                    "ix-resync-3600s",
                    "ix-stale",
                    "ix-ok-3600s",
                ]),
            ),
            Sample::new(spec, INDEX, 422, index(&["ix-unprocessable"])),
            Sample::new(
                spec,
                INDEXES,
                200,
                [
                    format!("{INDEXES}?page_size=7&project_id=ixl-partial-items30"),
                    format!("{INDEXES}?project_id=ixl-failed-escape-2s"),
                    format!("{INDEXES}?page_size=10&project_id=ixl-items15&page_token={token}"),
                    format!("{INDEXES}?project_id=ixl-items0"),
                ],
            ),
            Sample::new(spec, INDEXES, 422, [format!("{INDEXES}?page_size=0")]),
        ]
    }
}

/// The index's own words: `resync`, `stale`.
fn words(id: &str) -> (bool, bool) {
    let has = |word: &str| id.split(['-', '_']).any(|w| w.eq_ignore_ascii_case(word));
    (has("resync"), has("stale"))
}

/// IndexResponse: the index in its phase.
fn index_body(r: &StatusRequest) -> Value {
    let (resync, stale) = words(r.id);
    let (stage, escape) = (r.phase.stage, r.scenario.escape);
    let status = match stage {
        Stage::Pending | Stage::Dispatched if resync => Some("ready"),
        Stage::Pending | Stage::Dispatched => Some("pending"),
        Stage::Running => Some("syncing"),
        Stage::Finished(Outcome::Failure | Outcome::Cancelled) => Some("failed"),
        Stage::Finished(_) => Some("ready"),
        Stage::Mystery => None,
    };
    let old_sync = Value::from(rfc3339(
        r.clock
            .first_seen
            .checked_sub(A_DAY)
            .unwrap_or(r.clock.first_seen),
    ));
    let last_synced_at = match (stage, r.phase.finished_after) {
        _ if stale => old_sync,
        (Stage::Finished(Outcome::Success | Outcome::Partial), Some(after)) => {
            Value::from(rfc3339(r.clock.after(after)))
        }
        _ if resync => old_sync,
        _ => Value::Null,
    };
    let mut metadata = serde_json::Map::new();
    if let (Some(status), false) = (status, r.strip_status) {
        metadata.insert("status".into(), status.into());
    }
    match stage {
        Stage::Finished(Outcome::Failure) => {
            let message = "Embedding failed: the embedding model's quota is exhausted";
            metadata.insert("error_message".into(), with_escape(message, escape).into());
        }
        Stage::Finished(Outcome::Cancelled) => {
            metadata.insert("error_message".into(), "The sync was cancelled".into());
        }
        _ => {}
    }
    let project = r
        .parent
        .map_or_else(|| format!("prj-{}", uuid_for(r.id, 2)), str::to_owned);
    json!({
        "id": r.id,
        "created_at": rfc3339(r.clock.first_seen.checked_sub(A_DAY * 2).unwrap_or(r.clock.first_seen)),
        "updated_at": rfc3339(r.clock.now),
        "name": with_escape(&format!("{} handbook", r.id), escape),
        "description": null,
        "project_id": project,
        "source_directory_id": format!("dir-{}", uuid_for(r.id, 3)),
        "output_directory_id": format!("dir-{}", uuid_for(r.id, 4)),
        "sync_config_id": format!("cfg-{}", uuid_for(r.id, 5)),
        "export_config_id": format!("cfg-{}", uuid_for(r.id, 6)),
        "last_synced_at": last_synced_at,
        "last_exported_at": null,
        "metadata": metadata,
    })
}

/// IndexQueryResponse: one page of the project's indexes, by token.
fn indexes(req: &ListRequest) -> Reply {
    let q = &req.query;
    let mut problems = Vec::new();
    let page_size = or_problem(
        int_param(q, "page_size", 50, 1, None),
        "page_size",
        &mut problems,
    );
    if !problems.is_empty() {
        return unprocessable(problems);
    }
    let offset = match page_offset(q) {
        Ok(offset) => offset,
        Err(refusal) => return refusal,
    };
    let coll = Collection::new(INDEX_KIND, req.scenario, req.target.id());
    let selection = select(&coll, coll.visible(req.elapsed), None);
    let items: Vec<Value> = selection
        .page(offset, page_size, coll.words.endless)
        .into_iter()
        .map(|index| {
            let item = coll.item(index);
            let (id, scenario, phase) = (item.id(), item.scenario(), item.phase_at(req.elapsed));
            index_body(&StatusRequest {
                id: &id,
                parent: req.target.parent.as_deref(),
                scenario: &scenario,
                phase: &phase,
                clock: &req.clock,
                strip_status: req.strip_status,
                query: &req.query,
            })
        })
        .collect();
    let more = coll.words.endless || offset.saturating_add(page_size) < selection.len();
    Reply::json(
        200,
        json!({
            "items": items,
            "next_page_token": more.then(|| paging::page_token(offset.saturating_add(page_size))),
            "total_size": selection.len(),
        }),
    )
}
