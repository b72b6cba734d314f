//! The vendors' OpenAPI documents (`tests/specs/`, committed copies; its
//! README names each one's source), read at test time and
//! turned into JSON Schema validators for their response bodies.
//!
//! Validation is the `jsonschema` crate's (draft 2020-12), not ours: a
//! schema check written by the same hand as the simulator could share its
//! misreadings. What OpenAPI 3.0 says differently is converted first:
//! `nullable: true` becomes a `null` type (JSON Schema has no `nullable`),
//! and `$ref`s to `#/components/schemas/...` resolve because each validator's
//! root document carries the spec's schemas under that path (the LlamaCloud
//! extract keeps them under a top-level `schemas` key).
//!
//! `format` is not checked: the simulator's IDs are word-IDs
//! (`file-0007-ok-1700ms`) where the specs say `uuid`, on purpose, so that
//! every ID says how it behaves.

use std::path::PathBuf;

use jsonschema::{Draft, Validator};
use serde_json::{Map, Value, json};
use yaml_rust2::{Yaml, YamlLoader};

/// `tests/specs/<name>`, in the checkout.
fn spec_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/specs")
        .join(name)
}

/// A vendor's API description: its paths, its component schemas and its
/// shared responses.
pub struct Spec {
    paths: Value,
    schemas: Value,
    responses: Value,
}

impl Spec {
    /// A committed spec by its file name, whatever the vendor: YAML
    /// (OpenAPI 3.0, Clarifeye's) or JSON, its schemas under
    /// `components/schemas` or, in the LlamaCloud extracts, a top-level
    /// `schemas`.
    pub fn file(name: &str) -> Spec {
        let path = spec_path(name);
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
        Spec {
            paths: doc["paths"].clone(),
            schemas,
            responses: components["responses"].clone(),
        }
    }

    /// LlamaCloud's list endpoints extract.
    pub fn llamacloud() -> Spec {
        Spec::file("llamacloud-list-endpoints.json")
    }

    /// LlamaCloud's v2 jobs extract.
    pub fn llamacloud_v2() -> Spec {
        Spec::file("llamacloud-v2-jobs.json")
    }

    /// Feldera's document (JSON, OpenAPI 3.1).
    pub fn feldera() -> Spec {
        Spec::file("feldera-openapi.json")
    }

    /// Clarifeye's document (YAML, OpenAPI 3.0.3).
    pub fn clarifeye() -> Spec {
        Spec::file("clarifeye-pipeline-runs.yml")
    }

    /// Whether the document has paths and schemas.
    pub fn is_read(&self) -> bool {
        self.paths.is_object() && self.schemas.is_object()
    }

    /// A validator for the JSON body of the GET `operation` answered with
    /// `status`, a shared response (`$ref: '#/components/responses/...'`)
    /// resolved.
    pub fn response_validator(&self, operation: &str, status: u16) -> Validator {
        let mut response = &self.paths[operation]["get"]["responses"][status.to_string()];
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
        self.validator(schema)
    }

    /// The schema of a GET response, as the spec writes it (still OpenAPI).
    pub fn response_schema(&self, path: &str, status: &str) -> Value {
        let schema =
            &self.paths[path]["get"]["responses"][status]["content"]["application/json"]["schema"];
        assert!(schema.is_object(), "no {status} response schema for {path}");
        schema.clone()
    }

    /// A validator for `schema`, with this spec's components beside it.
    pub fn validator(&self, schema: &Value) -> Validator {
        self.validator_with(schema, true)
    }

    /// With `convert` false, the OpenAPI schema is taken as JSON Schema as
    /// is: what a validator without the `nullable` conversion would check.
    pub fn validator_with(&self, schema: &Value, convert: bool) -> Validator {
        let mut root = json!({"components": {"schemas": self.schemas.clone()}});
        if let (Some(root), Some(schema)) = (root.as_object_mut(), schema.as_object()) {
            root.extend(schema.clone());
        }
        if convert {
            nullable_to_null_type(&mut root);
        }
        jsonschema::options()
            .with_draft(Draft::Draft202012)
            .should_validate_formats(false)
            .build(&root)
            .unwrap_or_else(|e| panic!("schema does not compile: {e}"))
    }

    /// `{"$ref": "#/components/schemas/<name>"}`.
    pub fn named(name: &str) -> Value {
        json!({"$ref": format!("#/components/schemas/{name}")})
    }
}

/// Where and why `body` breaks the schema: `(instance path, message)`.
pub fn problems(validator: &Validator, body: &Value) -> Vec<(String, String)> {
    validator
        .iter_errors(body)
        .map(|e| (e.instance_path().to_string(), e.to_string()))
        .collect()
}

/// OpenAPI 3.0's `nullable: true` in JSON Schema terms: `null` joins the
/// `type` (and the `enum`, if any); a nullable `$ref` or composition is
/// wrapped as `anyOf: [it, {type: null}]`. A `nullable` without a type
/// constrains nothing, so it is simply dropped.
pub fn nullable_to_null_type(schema: &mut Value) {
    match schema {
        Value::Array(items) => items.iter_mut().for_each(nullable_to_null_type),
        Value::Object(object) => {
            object.values_mut().for_each(nullable_to_null_type);
            // A property *named* nullable holds a schema, not a boolean.
            if object.get("nullable").and_then(Value::as_bool) != Some(true) {
                return;
            }
            object.remove("nullable");
            if let Some(Value::Array(values)) = object.get_mut("enum") {
                values.push(Value::Null);
            }
            let composed = ["$ref", "allOf", "anyOf", "oneOf"]
                .iter()
                .any(|k| object.contains_key(*k));
            match object.get_mut("type") {
                Some(Value::String(t)) => {
                    let t = std::mem::take(t);
                    object.insert("type".into(), json!([t, "null"]));
                }
                Some(Value::Array(types)) => types.push("null".into()),
                None if composed => {
                    let inner = Value::Object(std::mem::take(object));
                    object.insert("anyOf".into(), json!([inner, {"type": "null"}]));
                }
                _ => {}
            }
        }
        _ => {}
    }
}

/// YAML to JSON, for the subset an OpenAPI document uses.
pub fn yaml_to_json(yaml: &Yaml) -> Value {
    match yaml {
        Yaml::Hash(hash) => {
            let mut object = Map::new();
            for (key, value) in hash {
                let key = match key {
                    Yaml::String(s) => s.clone(),
                    Yaml::Integer(i) => i.to_string(),
                    Yaml::Boolean(b) => b.to_string(),
                    other => panic!("unsupported YAML key {other:?}"),
                };
                object.insert(key, yaml_to_json(value));
            }
            Value::Object(object)
        }
        Yaml::Array(items) => Value::Array(items.iter().map(yaml_to_json).collect()),
        Yaml::String(s) => Value::String(s.clone()),
        Yaml::Integer(i) => json!(i),
        Yaml::Real(r) => r
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map_or_else(|| Value::String(r.clone()), Value::Number),
        Yaml::Boolean(b) => Value::Bool(*b),
        Yaml::Null => Value::Null,
        other => panic!("unsupported YAML value {other:?}"),
    }
}
