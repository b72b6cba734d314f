//! `llama.batch`: a LlamaCloud v2 batch (`GET /api/v2/batches/{batch_id}`)
//! and a project's listing of them (`batches:<project_id or default>`,
//! paged by token, filtered by `status` and `created_at_on_or_after`).
//!
//! A batch of `items<N>` files (default 20) maps each file to a v2 job
//! whose ID spells its own scenario (`pjb-0003-ok-1425ms-1f2e3d4c`), so
//! the v2 job listings (`v2_jobs.rs`, `job_ids`) answer each job on its
//! own time line: file i's job ends at 0.95 * D * (i+1) / N, before the
//! batch does. Every tenth file is troubled: its job fails (`partial`,
//! `failed`) or is cancelled (`cancelled`); in a `partial` batch every
//! twentieth one is a mapping error instead (no job, an `error_message`).
//! Words of its own: `extract` (extract_v2 jobs), `mixed` (parse_v2 and
//! extract_v2 in turn), `noresults` (`results` null until it ends, even
//! with `expand=results`, without which they are always null); `held`
//! says THROTTLED while pending.

use std::time::Duration;

use serde_json::{Value, json};

use crate::sim::api::{
    Endpoint, Key, ListRequest, Parent, Sample, SimApi, StatusRequest, Vendor, each,
};
use crate::sim::apis::v2_jobs::held_status;
use crate::sim::bodies::{Clock, hash, rfc3339, uuid_for};
use crate::sim::collections::{Collection, Item, Kind};
use crate::sim::decision::Stage;
use crate::sim::paging::{self, int_param};
use crate::sim::reply::Reply;
use crate::sim::request::{enum_param, or_problem, page_offset, select, unprocessable};
use crate::sim::scenario::{Outcome, Scenario};

pub(crate) struct LlamaBatch;

const BATCH: &str = "/api/v2/batches/{batch_id}";
const BATCHES: &str = "/api/v2/batches";

static ENDPOINTS: [Endpoint; 2] = [
    Endpoint::status(BATCH, Key::Path(&["batch_id"]), batch_body)
        .parent(Parent::Query("project_id")),
    Endpoint::list(
        BATCHES,
        "batches",
        Key::QueryOr("project_id", "default"),
        batches,
    ),
];

/// A project's listed batches: `bat-0003-ok-1500ms`.
const BATCH_KIND: Kind = Kind::new("bat");

const STATUSES: [&str; 6] = [
    "PENDING",
    "THROTTLED",
    "RUNNING",
    "COMPLETED",
    "FAILED",
    "CANCELLED",
];

impl SimApi for LlamaBatch {
    fn service(&self) -> &'static str {
        "llama.batch"
    }

    fn vendor(&self) -> Vendor {
        Vendor::Llama
    }

    fn endpoints(&self) -> &[Endpoint] {
        &ENDPOINTS
    }

    fn samples(&self) -> Vec<Sample> {
        let spec = "llamacloud-v2-jobs.json";
        let batch = |ids: &[&str]| each(ids, |id| format!("{BATCHES}/{id}?expand=results"));
        let token = paging::page_token(10);
        vec![
            Sample::new(
                spec,
                BATCH,
                200,
                batch(&[
                    "bt-ok",
                    "bt-partial-items40",
                    "bt-failed",
                    "bt-cancelled",
                    "bt-running",
                    "bt-pending",
                    "bt-held-pending",
                    "bt-mixed-partial-items30",
                    "bt-extract-ok-3600s",
                    "bt-noresults-running",
                    "bt-ok-items0",
                ]),
            ),
            // Without `expand=results`, results are null.
            Sample::new(spec, BATCH, 200, [format!("{BATCHES}/bt-ok")]),
            Sample::new(spec, BATCH, 422, batch(&["bt-unprocessable"])),
            Sample::new(
                spec,
                BATCHES,
                200,
                [
                    format!("{BATCHES}?page_size=7&project_id=btl-partial-items30"),
                    format!("{BATCHES}?status=FAILED&project_id=btl-failed-items30"),
                    format!(
                        "{BATCHES}?project_id=btl-running-2s&created_at_on_or_after=2020-01-01T00:00:00Z"
                    ),
                    format!("{BATCHES}?page_size=10&project_id=btl-items15&page_token={token}"),
                ],
            ),
            Sample::new(
                spec,
                BATCHES,
                422,
                [format!("{BATCHES}?status=DONE&page_size=0")],
            ),
        ]
    }
}

/// The batch's own words.
struct Words {
    extract: bool,
    mixed: bool,
    noresults: bool,
}

impl Words {
    fn parse(id: &str) -> Words {
        let has = |word: &str| id.split(['-', '_']).any(|w| w.eq_ignore_ascii_case(word));
        Words {
            extract: has("extract"),
            mixed: has("mixed"),
            noresults: has("noresults"),
        }
    }

    /// The job type of file `index`.
    fn job_type(&self, index: u64) -> &'static str {
        match (self.mixed, self.extract) {
            (true, _) if index % 2 == 1 => "extract_v2",
            (true, _) => "parse_v2",
            (false, true) => "extract_v2",
            (false, false) => "parse_v2",
        }
    }
}

/// BatchResponse: the batch in its phase, its results listed when asked
/// with `expand=results` (null otherwise, as the spec says).
fn batch_body(r: &StatusRequest) -> Value {
    let words = Words::parse(r.id);
    let finished = matches!(r.phase.stage, Stage::Finished(_));
    let expanded = r
        .query
        .all("expand")
        .any(|e| e.split(',').any(|e| e == "results"));
    let results = if !expanded || (words.noresults && !finished) {
        Value::Null
    } else {
        Value::Array(results(r.id, r.scenario, &words))
    };
    batch_object(r, &words, results)
}

/// The batch's files, each with its job (or a mapping error).
fn results(id: &str, s: &Scenario, words: &Words) -> Vec<Value> {
    let n = s.items.min(10_000);
    (0..n)
        .map(|i| {
            let file = format!("dfl-{}", uuid_for(id, 100 + i));
            let troubled = i % 10 == 0;
            let (outcome, mapping_error) = match (troubled, s.outcome) {
                (true, Outcome::Partial) if i % 20 == 0 => (None, true),
                (true, Outcome::Partial | Outcome::Failure) => (Some("failed"), false),
                (true, Outcome::Cancelled) => (Some("cancelled"), false),
                _ => (Some("ok"), false),
            };
            if mapping_error {
                return json!({
                    "source_directory_file_id": file,
                    "job_reference": null,
                    "error_message": "Could not create a job: unsupported file type .xyz",
                });
            }
            let job_type = words.job_type(i);
            let prefix = if job_type == "extract_v2" {
                "ejb"
            } else {
                "pjb"
            };
            let ms = job_ms(s.duration, i, n);
            let during = if ms > 0 {
                format!("-{ms}ms")
            } else {
                String::new()
            };
            let job = format!(
                "{prefix}-{i:04}-{}{during}-{:08x}",
                outcome.unwrap_or("ok"),
                hash(id, 7) as u32
            );
            json!({
                "source_directory_file_id": file,
                "job_reference": {"type": job_type, "id": job},
                "error_message": null,
            })
        })
        .collect()
}

/// When file i's job ends, from its first request: 0.95 * D * (i+1) / N,
/// so that the last ends before the batch does.
fn job_ms(duration: Duration, index: u64, n: u64) -> u128 {
    duration.as_millis() * 95 * u128::from(index + 1) / (100 * u128::from(n.max(1)))
}

/// The batch object, as the single endpoint and the listing give it.
fn batch_object(r: &StatusRequest, words: &Words, results: Value) -> Value {
    let status = match r.phase.stage {
        Stage::Mystery => "RECONCILING",
        stage => held_status(stage, r.scenario.held),
    };
    let id = r.id;
    let mut batch = json!({
        "id": id,
        "created_at": rfc3339(r.clock.first_seen),
        "updated_at": rfc3339(r.clock.now),
        "project_id": r.parent.map_or_else(|| format!("prj-{}", uuid_for(id, 2)), str::to_owned),
        "source_directory_id": format!("dir-{}", uuid_for(id, 3)),
        "config": {"job": {
            "type": words.job_type(0),
            "configuration_id": if words.extract { "cfg-EXTRACT_DEFAULT" } else { "cfg-PARSE_AGENTIC" },
        }},
        "status": status,
        "results": results,
    });
    if let (true, Some(object)) = (r.strip_status, batch.as_object_mut()) {
        object.shift_remove("status");
    }
    batch
}

/// BatchQueryResponse: one page of the project's batches, without results.
fn batches(req: &ListRequest) -> Reply {
    let q = &req.query;
    let mut problems = Vec::new();
    let page_size = or_problem(
        int_param(q, "page_size", 50, 1, None),
        "page_size",
        &mut problems,
    );
    let status = enum_param(q, "status", &STATUSES, &mut problems);
    if !problems.is_empty() {
        return unprocessable(problems);
    }
    let since = match q.last("created_at_on_or_after").filter(|s| !s.is_empty()) {
        None => None,
        Some(raw) => match humantime::parse_rfc3339_weak(raw) {
            Ok(at) => Some(at),
            Err(_) => {
                return Reply::json(
                    422,
                    json!({"detail": [{"loc": ["query", "created_at_on_or_after"], "msg": "Input should be a valid datetime", "type": "datetime_parsing", "input": raw}]}),
                );
            }
        },
    };
    let offset = match page_offset(q) {
        Ok(offset) => offset,
        Err(refusal) => return refusal,
    };
    let coll = Collection::new(BATCH_KIND, req.scenario, req.target.id());
    let created = |item: &Item| req.clock.after(coll.appears_at(item.index));
    let listed_status = |item: &Item| held_status(item.phase_at(req.elapsed).stage, false);
    let keep = |item: &Item| {
        status.is_none_or(|s| s == listed_status(item))
            && since.is_none_or(|at| created(item) >= at)
    };
    let filtered = status.is_some() || since.is_some();
    let selection = select(&coll, coll.visible(req.elapsed), filtered.then_some(&keep));
    let items: Vec<Value> = selection
        .page(offset, page_size, coll.words.endless)
        .into_iter()
        .map(|index| {
            let item = coll.item(index);
            let (id, scenario, phase) = (item.id(), item.scenario(), item.phase_at(req.elapsed));
            let clock = Clock {
                first_seen: created(&item),
                now: req.clock.now,
            };
            let listed = StatusRequest {
                id: &id,
                parent: req.target.parent.as_deref(),
                scenario: &scenario,
                phase: &phase,
                clock: &clock,
                strip_status: req.strip_status,
                query: &req.query,
            };
            batch_object(&listed, &Words::parse(&id), Value::Null)
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
