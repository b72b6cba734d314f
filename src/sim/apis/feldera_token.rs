//! `feldera.token`: a Feldera completion token's status
//! (`GET /v0/pipelines/{pipeline_name}/completion_status?token=`), and the
//! token an input connector hands out
//! (`.../tables/{table_name}/connectors/{connector_name}/completion_token`,
//! key `connector:<table>.<connector>`, whose words make the token's story).

use serde_json::{Value, json};

use crate::sim::api::{Endpoint, Key, Parent, Sample, SimApi, StatusRequest, Target, Vendor, each};
use crate::sim::bodies::{hash, strip, with_escape};
use crate::sim::decision::Stage;

pub(crate) struct FelderaToken;

const STATUS: &str = "/v0/pipelines/{pipeline_name}/completion_status";
const CONNECTOR: &str = "/v0/pipelines/{pipeline_name}/tables/{table_name}/connectors/{connector_name}/completion_token";

static ENDPOINTS: [Endpoint; 2] = [
    Endpoint::status(STATUS, Key::Query("token"), token_status)
        .parent(Parent::Path("pipeline_name")),
    Endpoint::status(
        CONNECTOR,
        Key::Path(&["table_name", "connector_name"]),
        token,
    )
    .namespace("connector")
    .parent(Parent::Path("pipeline_name"))
    .error_body(unknown_connector),
];

impl SimApi for FelderaToken {
    fn service(&self) -> &'static str {
        "feldera.token"
    }

    fn vendor(&self) -> Vendor {
        Vendor::Feldera
    }

    fn endpoints(&self) -> &[Endpoint] {
        &ENDPOINTS
    }

    fn samples(&self) -> Vec<Sample> {
        let spec = "feldera-openapi.json";
        let status = |tokens: &[&str]| {
            each(tokens, |t| {
                format!("/v0/pipelines/fp/completion_status?token={t}")
            })
        };
        let connector =
            |words: &str| format!("/v0/pipelines/fp/tables/T/connectors/{words}/completion_token");
        vec![
            Sample::new(
                spec,
                STATUS,
                200,
                status(&[
                    "ft-ok",
                    "ft-failed",
                    "ft-pending",
                    "ft-running",
                    "ft-ok-3600s",
                ]),
            ),
            Sample::new(spec, STATUS, 404, status(&["ft-notfound"])),
            Sample::new(spec, STATUS, 410, status(&["ft-gone"])),
            Sample::new(
                spec,
                STATUS,
                400,
                ["/v0/pipelines/fp/completion_status".to_string()],
            ),
            Sample::new(
                spec,
                CONNECTOR,
                200,
                [connector("fc-ok"), connector("fc-4s")],
            ),
            Sample::new(spec, CONNECTOR, 404, [connector("fc-notfound")]),
        ]
    }
}

/// CompletionStatusResponse: `complete` with the step that included the
/// token's data, else `inprogress`.
fn token_status(r: &StatusRequest) -> Value {
    let body = match r.phase.stage {
        Stage::Finished(_) => {
            // Any stable number will do: the step that included the token's data.
            let step = 1 + hash(r.id, 6) % 10_000;
            json!({"status": "complete", "step": step})
        }
        Stage::Mystery => json!({"status": "superposition", "step": null}),
        _ => json!({"status": "inprogress", "step": null}),
    };
    strip(body, r.strip_status)
}

/// CompletionTokenResponse: the token is the connector's key, so its words
/// make the token's story at the status endpoint.
fn token(r: &StatusRequest) -> Value {
    json!({"token": r.id})
}

/// Feldera names the connector, not the pipeline, when the connector is unknown.
fn unknown_connector(status: u16, t: &Target, escape: bool) -> Option<Value> {
    let (key, pipeline) = (t.id(), t.parent.as_deref().unwrap_or(""));
    (status == 404).then(|| {
        let message = format!("Unknown input connector '{key}' in pipeline '{pipeline}'");
        json!({
            "message": with_escape(&message, escape),
            "error_code": "UnknownInputEndpoint",
            "details": {"pipeline_name": pipeline, "endpoint_name": key},
        })
    })
}
