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
//! top-level `schemas`. Validation is `tests/openapi`'s.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::time::Duration;

use crate::common::openapi::{nullable_to_null_type, problems, yaml_to_json};
use crate::common::sim;
use jsonschema::{Draft, Validator};
use pipewatch::sim::apis::{APIS, Sample};
use serde_json::{Value, json};
use yaml_rust2::YamlLoader;

/// A spec document: its paths, and its schemas for `$ref`s to resolve.
struct Document {
    paths: Value,
    schemas: Value,
    responses: Value,
}

impl Document {
    fn read(name: &str) -> Document {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/specs")
            .join(name);
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
        let doc: Value = if name.ends_with(".yml") || name.ends_with(".yaml") {
            let docs = YamlLoader::load_from_str(&text).expect("the spec is YAML");
            yaml_to_json(docs.first().expect("one YAML document"))
        } else {
            serde_json::from_str(&text).expect("the spec is JSON")
        };
        let components = &doc["components"];
        let schemas = match &components["schemas"] {
            Value::Null => doc["schemas"].clone(),
            schemas => schemas.clone(),
        };
        Document {
            paths: doc["paths"].clone(),
            schemas,
            responses: components["responses"].clone(),
        }
    }

    /// A validator for the JSON body of the GET `operation` answered with `status`.
    fn validator(&self, operation: &str, status: u16) -> Validator {
        let mut response = &self.paths[operation]["get"]["responses"][status.to_string()];
        // A shared response (`$ref: '#/components/responses/NotFound'`).
        if let Some(name) = response["$ref"]
            .as_str()
            .and_then(|r| r.strip_prefix("#/components/responses/"))
        {
            response = &self.responses[name];
        }
        let schema = &response["content"]["application/json"]["schema"];
        assert!(
            schema.is_object(),
            "the spec has no {status} JSON body for GET {operation}"
        );
        let mut root = json!({"components": {"schemas": self.schemas.clone()}});
        if let (Some(root), Some(schema)) = (root.as_object_mut(), schema.as_object()) {
            root.extend(schema.clone());
        }
        nullable_to_null_type(&mut root);
        jsonschema::options()
            .with_draft(Draft::Draft202012)
            .should_validate_formats(false)
            .build(&root)
            .unwrap_or_else(|e| {
                panic!("the schema of GET {operation} {status} does not compile: {e}")
            })
    }
}

/// One GET over a fresh connection with a key: (status, JSON body).
fn get(addr: SocketAddr, path: &str) -> (u16, Value) {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    let request = format!(
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer k\r\nConnection: close\r\n\r\n"
    );
    stream.write_all(request.as_bytes()).expect("send");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read");
    let text = String::from_utf8(raw).expect("UTF-8 response");
    let (head, body) = text.split_once("\r\n\r\n").expect("a head and a body");
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("a status");
    let body =
        serde_json::from_str(body).unwrap_or_else(|e| panic!("{path}: not JSON ({e}): {body}"));
    (status, body)
}

/// The problems of one sample's answers, each naming its path.
fn check(addr: SocketAddr, doc: &Document, sample: &Sample) -> Vec<String> {
    let validator = doc.validator(sample.operation, sample.status);
    let mut found = Vec::new();
    for path in &sample.paths {
        let (status, body) = get(addr, path);
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
    let mut documents: BTreeMap<&str, Document> = BTreeMap::new();
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
                .or_insert_with(|| Document::read(sample.spec));
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
    let doc = Document::read("llamacloud-status-endpoints.json");
    let operation = "/api/v1/pipelines/{pipeline_id}/status";
    let validator = doc.validator(operation, 200);
    let (_, mut body) = get(addr, "/api/v1/pipelines/bite-failed/status");
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
    let clarifeye = Document::read("clarifeye-pipeline-runs.yml");
    clarifeye.validator("/projects/{project_id}/pipeline-runs/", 404);
    for name in [
        "llamacloud-status-endpoints.json",
        "llamacloud-list-endpoints.json",
        "llamacloud-v2-jobs.json",
        "feldera-openapi.json",
    ] {
        let doc = Document::read(name);
        assert!(doc.schemas.is_object() && doc.paths.is_object(), "{name}");
    }
}
