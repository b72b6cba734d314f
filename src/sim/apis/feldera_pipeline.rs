//! `feldera.pipeline`: a Feldera pipeline (`GET /v0/pipelines/{pipeline_name}`,
//! `selector=status` or `all`), its statistics (`stats:<pipeline_name>`,
//! on the pipeline's time line) and the listing of every pipeline
//! (`pipelines:default`, one array: a fixed fleet, [`FLEET`], on the
//! listing's time line; a listed pipeline's own endpoints, its status,
//! `selector=all` and `/stats`, run on theirs, from their first request),
//! and the server's `/v0/config` (`config:feldera`), which Feldera's
//! Python SDK reads before anything else.
//!
//! The name's words make its life: over the first half of the duration
//! its SQL compiles (`Pending`, `CompilingSql`, `SqlCompiled`,
//! `CompilingRust`, `Success`), then it is provisioned and initialized,
//! and at the end it is in its desired status: `Running`, or `paused`,
//! `standby`, `suspended` (words); `stopped` was running and stops; `idle`
//! compiled and nobody started it. Outcomes: `failed` an SQL error (with
//! `rust` a Rust one, `system` a system error, `crash` a deployment error
//! once running), `partial` awaiting approval, `cancelled` someone stops it
//! halfway, `pending` never compiles, `running` stuck initializing,
//! `mystery` a deployment status no spec names. `complete` runs from 40%
//! of the duration and processes its input to completion at the end (with
//! `fatal`, an input fails instead).

mod bodies;

use serde_json::{Value, json};

use crate::sim::api::{
    Endpoint, Key, ListRequest, Parent, Sample, SimApi, StatusRequest, Vendor, each,
};
use crate::sim::bodies::{rfc3339, uuid_for, with_escape};
use crate::sim::collections::{Collection, Kind};
use crate::sim::decision::{Phase, Stage, phase_at};
use crate::sim::reply::Reply;
use crate::sim::scenario::{Outcome, Scenario};
use bodies::{Words, config_body, fraction, program_error, stats_body};

pub(crate) struct FelderaPipeline;

const PIPELINE: &str = "/v0/pipelines/{pipeline_name}";
const STATS: &str = "/v0/pipelines/{pipeline_name}/stats";
const PIPELINES: &str = "/v0/pipelines";
const CONFIG: &str = "/v0/config";

static ENDPOINTS: [Endpoint; 4] = [
    Endpoint::status(PIPELINE, Key::Path(&["pipeline_name"]), pipeline_body)
        .parent(Parent::Path("pipeline_name")),
    // The statistics follow the pipeline's time line once it was asked.
    Endpoint::status(STATS, Key::Path(&["pipeline_name"]), stats_body)
        .namespace("stats")
        .parent(Parent::Path("pipeline_name"))
        .timeline(&[]),
    Endpoint::list(
        PIPELINES,
        "pipelines",
        Key::QueryOr("fleet", "default"),
        pipelines,
    ),
    // What Feldera's Python SDK asks first, to compare versions: without
    // it, its client cannot be made (bench/watch_cost.sh waits with it).
    Endpoint::status(CONFIG, Key::QueryOr("host", "feldera"), config_body).namespace("config"),
];

/// The pipelines `GET /v0/pipelines` lists (its key `pipelines:default`):
/// one of each kind of life.
pub(crate) const FLEET: [&str; 6] = [
    "orders-ok-2s",
    "clicks-paused-2s",
    "billing-failed",
    "backfill-complete-3s",
    "legacy-idle",
    "reports-partial-2s",
];

/// Listed pipelines of another fleet (`fleet=` in the sim's own tests).
const PIPELINE_KIND: Kind = Kind::new("pipeline");

impl SimApi for FelderaPipeline {
    fn service(&self) -> &'static str {
        "feldera.pipeline"
    }

    fn vendor(&self) -> Vendor {
        Vendor::Feldera
    }

    fn endpoints(&self) -> &[Endpoint] {
        &ENDPOINTS
    }

    fn samples(&self) -> Vec<Sample> {
        let spec = "feldera-openapi.json";
        let at = |selector: &'static str| {
            move |names: &[&str]| each(names, |n| format!("{PIPELINES}/{n}?selector={selector}"))
        };
        let lives = [
            "fp-ok",
            "fp-ok-3600s",
            "fp-paused",
            "fp-standby",
            "fp-suspended",
            "fp-stopped-3600s",
            "fp-idle",
            "fp-failed",
            "fp-failed-rust",
            "fp-failed-system",
            "fp-failed-crash",
            "fp-partial",
            "fp-cancelled-3600s",
            "fp-cancelled",
            "fp-pending",
            "fp-running",
            "fp-failed-escape",
        ];
        vec![
            Sample::new(spec, PIPELINE, 200, at("status")(&lives)),
            Sample::new(spec, PIPELINE, 200, at("all")(&lives)),
            Sample::new(spec, PIPELINE, 404, at("status")(&["fp-notfound"])),
            Sample::new(
                spec,
                STATS,
                200,
                each(
                    &[
                        "fs-complete",
                        "fs-complete-3600s",
                        "fs-complete-fatal",
                        "fs-ok",
                    ],
                    |n| format!("{PIPELINES}/{n}/stats"),
                ),
            ),
            Sample::new(spec, STATS, 404, [format!("{PIPELINES}/fs-notfound/stats")]),
            Sample::new(spec, CONFIG, 200, [CONFIG.to_owned()]),
            Sample::new(
                spec,
                PIPELINES,
                200,
                [
                    format!("{PIPELINES}?selector=status"),
                    format!("{PIPELINES}?fleet=items3-failed-2s&selector=status"),
                ],
            ),
        ]
    }
}

/// A pipeline's statuses at one moment.
struct Life {
    program: &'static str,
    deployment: &'static str,
    desired: &'static str,
    error: Option<Value>,
}

/// The statuses the words and the phase make.
fn life(words: &Words, s: &Scenario, phase: &Phase) -> Life {
    let f = fraction(phase, s.outcome);
    let finished = matches!(phase.stage, Stage::Finished(_));
    let compile_failure = s.outcome == Outcome::Failure && !words.crash;
    // The compile takes half the life (a failing one, all of it; a batch
    // load, a fifth), then the deployment the rest (a batch load's, to 40%).
    let compile_end = match () {
        _ if words.stopping => 0.0,
        _ if compile_failure => 1.0,
        _ if words.complete => 0.2,
        _ => 0.5,
    };
    let step = if compile_end > 0.0 {
        f / compile_end
    } else {
        1.0
    };
    let mut program = match step {
        s if s < 0.2 => "Pending",
        s if s < 0.4 => "CompilingSql",
        s if s < 0.6 => "SqlCompiled",
        s if s < 1.0 => "CompilingRust",
        _ => "Success",
    };
    if compile_failure && finished {
        program = match (words.rust, words.system) {
            (true, _) => "RustError",
            (_, true) => "SystemError",
            _ => "SqlError",
        };
    } else if compile_failure && !words.rust && !words.system && step >= 0.4 {
        program = "CompilingSql";
    }
    let desired = match () {
        _ if words.idle || words.stopping => "Stopped",
        _ if s.outcome == Outcome::Cancelled && f >= 0.5 => "Stopped",
        _ => words.desired,
    };
    let live = |deployment, error| Life {
        program,
        deployment,
        desired,
        error,
    };
    if program != "Success" || words.idle {
        return live("Stopped", None);
    }
    let deploy_end = if words.complete { 0.4 } else { 1.0 };
    let deployment = match s.outcome {
        Outcome::Mystery => "Hibernating",
        Outcome::Running => "Initializing",
        _ if words.stopping && finished => "Stopped",
        _ if words.stopping => {
            if f < 0.5 {
                "Running"
            } else {
                "Stopping"
            }
        }
        Outcome::Cancelled if finished => "Stopped",
        Outcome::Cancelled if f >= 0.5 => "Stopping",
        Outcome::Partial if finished => "AwaitingApproval",
        Outcome::Failure if finished => {
            let error = json!({
                "message": with_escape("The pipeline exited: worker 3 panicked at 'index out of bounds'", s.escape),
                "error_code": "RunnerError",
                "details": {"exit_code": 101},
            });
            return live("Stopped", Some(error));
        }
        _ if f >= deploy_end || finished => words.desired,
        _ => {
            let d = (f - compile_end) / (deploy_end - compile_end);
            if d < 0.3 {
                "Provisioning"
            } else {
                "Initializing"
            }
        }
    };
    live(deployment, None)
}

/// Feldera's runtime status for a deployment status, where it has one.
fn runtime_status(deployment: &str) -> Value {
    match deployment {
        "Stopped" | "Provisioning" | "Stopping" | "Hibernating" => Value::Null,
        status => Value::from(status),
    }
}

/// PipelineSelectedInfo: the status fields, or with `selector=all` (or
/// none) the program and its errors too.
fn pipeline_body(r: &StatusRequest) -> Value {
    let (name, s) = (r.id, r.scenario);
    let words = Words::parse(name);
    let life = life(&words, s, r.phase);
    let since = rfc3339(r.clock.first_seen);
    let resources = match life.deployment {
        "Stopped" | "Provisioning" | "Stopping" => life.deployment,
        _ => "Provisioned",
    };
    let mut body = json!({
        "id": uuid_for(name, 1),
        "name": name,
        "description": "",
        "tags": [],
        "created_at": rfc3339(r.clock.first_seen),
        "version": 3,
        "platform_version": "0.337.0",
        "program_version": 2,
        "program_status": life.program,
        "program_status_since": since,
        "refresh_version": 3,
        "storage_status": "InUse",
        "deployment_id": if resources == "Stopped" { Value::Null } else { Value::from(uuid_for(name, 2)) },
        "deployment_status": life.deployment,
        "deployment_status_since": rfc3339(r.clock.now),
        "deployment_desired_status": life.desired,
        "deployment_desired_status_since": since,
        "deployment_error": life.error,
        "deployment_resources_status": resources,
        "deployment_resources_status_since": since,
        "deployment_resources_desired_status": if life.desired == "Stopped" { "Stopped" } else { "Provisioned" },
        "deployment_resources_desired_status_since": since,
        "deployment_runtime_status": runtime_status(life.deployment),
        "deployment_runtime_status_since": since,
        "deployment_runtime_status_details": if life.deployment == "AwaitingApproval" {
            json!({"reason": with_escape("Bootstrapping the changed view ORDER_TOTALS needs approval", s.escape),
                   "approval_diff": {"added": [], "modified": ["order_totals"], "removed": []}})
        } else { Value::Null },
        "deployment_runtime_desired_status": if life.desired == "Stopped" { Value::Null } else { Value::from(life.desired) },
        "deployment_runtime_desired_status_since": since,
    });
    let selector = r.query.last("selector").unwrap_or("all");
    if let (true, Some(object)) = (selector == "all", body.as_object_mut()) {
        object.insert(
            "program_code".into(),
            "CREATE TABLE orders (id INT, amount DECIMAL(10, 2));".into(),
        );
        object.insert(
            "program_error".into(),
            program_error(life.program, s.escape),
        );
        object.insert("program_info".into(), Value::Null);
        object.insert("program_config".into(), Value::Null);
        object.insert("runtime_config".into(), Value::Null);
        object.insert("udf_rust".into(), "".into());
        object.insert("udf_toml".into(), "".into());
    }
    if let (true, Some(object)) = (r.strip_status, body.as_object_mut()) {
        object.shift_remove("program_status");
    }
    body
}

/// The listing: every pipeline of the fleet, each in its phase since the
/// listing's first request, as its own answer with `selector=status`.
fn pipelines(req: &ListRequest) -> Reply {
    let names: Vec<String> = if req.target.id() == "default" {
        FLEET.iter().map(|n| (*n).to_owned()).collect()
    } else {
        let coll = Collection::new(PIPELINE_KIND, req.scenario, req.target.id());
        (0..coll.visible(req.elapsed))
            .map(|i| coll.item(i).id())
            .collect()
    };
    let items: Vec<Value> = names
        .iter()
        .map(|name| {
            let scenario = Scenario::parse(name);
            let phase = phase_at(&scenario, req.elapsed);
            pipeline_body(&StatusRequest {
                id: name,
                parent: Some(name),
                scenario: &scenario,
                phase: &phase,
                clock: &req.clock,
                strip_status: req.strip_status,
                query: &req.query,
            })
        })
        .collect();
    Reply::json(200, Value::Array(items))
}
