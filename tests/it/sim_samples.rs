//! Every simulated API's samples against its vendor's committed spec: the
//! test walks the simulator's list of APIs (`pipewatch::sim::apis::APIS`),
//! GETs each sample over real HTTP, and checks its status and its body
//! against the schema the spec gives that operation and status. An API
//! without samples fails; so does one whose spec file or operation is
//! not in `tests/specs/`.
//!
//! The spec is found by the file name the sample gives, whatever the
//! vendor: a YAML document (OpenAPI 3.0, Clarifeye's) or JSON, with its
//! schemas under `components/schemas` or, for the LlamaCloud extracts, a
//! top-level `schemas`. Loading and validation are `common::openapi`'s.

use std::collections::BTreeMap;
use std::net::SocketAddr;

use crate::common::openapi::{Spec, problems};
use crate::common::{get_json, sim};
use pipewatch::sim::apis::{APIS, Sample};
use serde_json::json;

/// The problems of one sample's answers, each naming its path.
fn check(addr: SocketAddr, doc: &Spec, sample: &Sample) -> Vec<String> {
    let validator = doc.response_validator(sample.operation, sample.status);
    let mut found = Vec::new();
    for path in &sample.paths {
        let (status, body) = get_json(addr, path);
        if status != sample.status {
            found.push(format!("{path}: {status}, not {}: {body}", sample.status));
            continue;
        }
        for (at, why) in problems(&validator, &body) {
            found.push(format!("{path}: at '{at}': {why}"));
        }
    }
    found
}

#[test]
fn every_simulated_api_answers_its_samples_as_its_vendors_spec_says() {
    let server = sim();
    let addr = server.addr();
    let mut documents: BTreeMap<&str, Spec> = BTreeMap::new();
    let mut found = Vec::new();
    let mut checked = 0;
    for api in APIS {
        let samples = api.samples();
        if samples.iter().all(|s| s.paths.is_empty()) {
            found.push(format!("{}: no samples", api.service()));
        }
        for sample in &samples {
            let doc = documents
                .entry(sample.spec)
                .or_insert_with(|| Spec::file(sample.spec));
            for problem in check(addr, doc, sample) {
                found.push(format!(
                    "{} (GET {} {} in {}): {problem}",
                    api.service(),
                    sample.operation,
                    sample.status,
                    sample.spec
                ));
            }
            checked += sample.paths.len();
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
    // Eight APIs, each with bodies in several phases: far more than a handful.
    assert!(checked > 150, "only {checked} samples");
}

/// The check bites: a body that breaks the schema is reported where it
/// breaks, and a sample answered with another status is reported too.
#[test]
fn a_broken_body_or_status_is_reported() {
    let server = sim();
    let addr = server.addr();
    let doc = Spec::file("llamacloud-status-endpoints.json");
    let operation = "/api/v1/pipelines/{pipeline_id}/status";
    let validator = doc.response_validator(operation, 200);
    let (_, mut body) = get_json(addr, "/api/v1/pipelines/bite-failed/status");
    assert!(problems(&validator, &body).is_empty(), "{body}");
    body["status"] = json!("FINISHED");
    body["error"][0]["step"] = json!(7);
    let at: Vec<String> = problems(&validator, &body)
        .into_iter()
        .map(|(at, _)| at)
        .collect();
    assert!(at.contains(&"/status".to_string()), "{at:?}");
    // `error` is `anyOf: [array of errors, null]`: reported where the anyOf is.
    assert!(at.contains(&"/error".to_string()), "{at:?}");

    // `mystery` is a status no vendor documents, `nostatus` drops a required field.
    let wrong = Sample {
        spec: "llamacloud-status-endpoints.json",
        operation,
        status: 200,
        paths: vec![
            "/api/v1/pipelines/bite-mystery/status".to_string(),
            "/api/v1/pipelines/bite-nostatus/status".to_string(),
            "/api/v1/pipelines/bite-notfound/status".to_string(),
        ],
    };
    let found = check(addr, &doc, &wrong);
    assert_eq!(found.len(), 3, "{found:#?}");
    assert!(found[0].contains("at '/status'"), "{}", found[0]);
    assert!(found[1].contains("at ''"), "{}", found[1]);
    assert!(found[2].contains("404, not 200"), "{}", found[2]);
}

/// Shared responses (`$ref` to `components/responses`) resolve, and every
/// committed spec file is read by the same loader.
#[test]
fn every_committed_spec_loads() {
    let clarifeye = Spec::file("clarifeye-pipeline-runs.yml");
    clarifeye.response_validator("/projects/{project_id}/pipeline-runs/", 404);
    for name in [
        "llamacloud-status-endpoints.json",
        "llamacloud-list-endpoints.json",
        "llamacloud-v2-jobs.json",
        "feldera-openapi.json",
    ] {
        let doc = Spec::file(name);
        assert!(doc.is_read(), "{name}");
    }
}
