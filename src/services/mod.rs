//! One module per API. Each knows its URL, its vendor types and how to
//! classify a body into the normalized model; none of them prints.

pub mod batch;
pub mod clarifeye;
pub mod feldera;
pub mod llama;

use std::sync::Arc;

use serde_json::{Map, Value};
use url::Url;

use crate::status::Classified;

/// The four vendors; each has its own base URL, key and settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Vendor {
    Llama,
    Clarifeye,
    Feldera,
}

impl Vendor {
    /// The config table name (`[profiles.NAME.llama]`).
    pub fn key(self) -> &'static str {
        match self {
            Vendor::Llama => "llama",
            Vendor::Clarifeye => "clarifeye",
            Vendor::Feldera => "feldera",
        }
    }

    pub fn display_name(self) -> &'static str {
        match self {
            Vendor::Llama => "LlamaCloud",
            Vendor::Clarifeye => "Clarifeye",
            Vendor::Feldera => "Feldera",
        }
    }
}

/// One thing to check, with its path parameters by their API names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    LlamaPipeline {
        pipeline_id: String,
        full_details: bool,
    },
    LlamaFile {
        pipeline_id: String,
        file_id: String,
    },
    Batch {
        job_id: String,
        organization_id: Option<String>,
        project_id: Option<String>,
    },
    ClarifeyeRun {
        project_id: String,
        pipeline_run_id: String,
    },
    FelderaToken {
        pipeline_name: String,
        token: String,
    },
}

/// Shared so a watch can hand snapshots around without copying IDs.
pub type SharedTarget = Arc<Target>;

impl Target {
    /// The envelope's `service` name.
    pub fn service(&self) -> &'static str {
        match self {
            Target::LlamaPipeline { .. } => "llama.pipeline",
            Target::LlamaFile { .. } => "llama.file",
            Target::Batch { .. } => "batch",
            Target::ClarifeyeRun { .. } => "clarifeye.run",
            Target::FelderaToken { .. } => "feldera.token",
        }
    }

    pub fn vendor(&self) -> Vendor {
        match self {
            Target::LlamaPipeline { .. } | Target::LlamaFile { .. } | Target::Batch { .. } => {
                Vendor::Llama
            }
            Target::ClarifeyeRun { .. } => Vendor::Clarifeye,
            Target::FelderaToken { .. } => Vendor::Feldera,
        }
    }

    /// The path parameters by their API names, in path order.
    pub fn params(&self) -> Vec<(&'static str, &str)> {
        match self {
            Target::LlamaPipeline { pipeline_id, .. } => vec![("pipeline_id", pipeline_id)],
            Target::LlamaFile {
                pipeline_id,
                file_id,
            } => vec![("pipeline_id", pipeline_id), ("file_id", file_id)],
            Target::Batch { job_id, .. } => vec![("job_id", job_id)],
            Target::ClarifeyeRun {
                project_id,
                pipeline_run_id,
            } => vec![
                ("project_id", project_id),
                ("pipeline_run_id", pipeline_run_id),
            ],
            Target::FelderaToken {
                pipeline_name,
                token,
            } => vec![("pipeline_name", pipeline_name), ("token", token)],
        }
    }

    /// Refuse a path parameter that no URL can carry as one segment: `.`
    /// and `..` are steps through the path (RFC 3986 §5.2.4), in any
    /// encoding, so `pipeline status ..` would ask another endpoint.
    /// Feldera's token travels in the query and may be anything.
    pub fn check_path_params(&self) -> Result<(), String> {
        for (name, value) in self.params() {
            if name != "token" && (value == "." || value == "..") {
                return Err(format!(
                    "`{value}` cannot be a {name}: a URL reads it as a step through the path, \
                     not as a name"
                ));
            }
        }
        Ok(())
    }

    /// The envelope's `target` object.
    pub fn to_json(&self) -> Value {
        let mut map = Map::new();
        for (name, value) in self.params() {
            map.insert(name.to_owned(), Value::String(value.to_owned()));
        }
        Value::Object(map)
    }

    /// The target as people name it in tables and log lines: its IDs
    /// joined by `/` (`pipeline/file`, `project/run`, `pipeline/token`).
    pub fn label(&self) -> String {
        self.params()
            .iter()
            .map(|(_, v)| *v)
            .collect::<Vec<_>>()
            .join("/")
    }

    /// The request URL under `base`. Every path parameter is one
    /// percent-encoded segment: `a/b?c` never becomes extra path or query.
    pub fn url(&self, base: &Url) -> Url {
        let mut url = base.clone();
        url.set_query(None);
        url.set_fragment(None);
        // `path_segments_mut` only fails for cannot-be-a-base URLs, which
        // settings never accept as a base URL.
        if let Ok(mut segments) = url.path_segments_mut() {
            segments.pop_if_empty();
            match self {
                Target::LlamaPipeline { pipeline_id, .. } => {
                    segments.extend(["api", "v1", "pipelines", pipeline_id, "status"]);
                }
                Target::LlamaFile {
                    pipeline_id,
                    file_id,
                } => {
                    segments.extend([
                        "api",
                        "v1",
                        "pipelines",
                        pipeline_id,
                        "files",
                        file_id,
                        "status",
                    ]);
                }
                Target::Batch { job_id, .. } => {
                    segments.extend(["api", "v1", "beta", "batch-processing", job_id]);
                }
                Target::ClarifeyeRun {
                    project_id,
                    pipeline_run_id,
                } => {
                    // The trailing empty segment keeps Django's trailing slash.
                    segments.extend([
                        "api",
                        "v1",
                        "projects",
                        project_id,
                        "pipeline-runs",
                        pipeline_run_id,
                        "",
                    ]);
                }
                Target::FelderaToken { pipeline_name, .. } => {
                    segments.extend(["v0", "pipelines", pipeline_name, "completion_status"]);
                }
            }
        }
        {
            let mut query = url.query_pairs_mut();
            match self {
                Target::LlamaPipeline {
                    full_details: true, ..
                } => {
                    query.append_pair("full_details", "true");
                }
                Target::Batch {
                    organization_id,
                    project_id,
                    ..
                } => {
                    if let Some(org) = organization_id {
                        query.append_pair("organization_id", org);
                    }
                    if let Some(project) = project_id {
                        query.append_pair("project_id", project);
                    }
                }
                Target::FelderaToken { token, .. } => {
                    query.append_pair("token", token);
                }
                _ => {}
            }
        }
        if url.query() == Some("") {
            url.set_query(None);
        }
        url
    }

    /// Classify a 2xx body. `Err` names what is missing or malformed.
    pub fn classify(&self, body: &Value) -> Result<Classified, String> {
        match self {
            Target::LlamaPipeline { .. } | Target::LlamaFile { .. } => llama::classify(body),
            Target::Batch { .. } => batch::classify(body),
            Target::ClarifeyeRun { .. } => clarifeye::classify(body),
            Target::FelderaToken { .. } => feldera::classify(body),
        }
    }
}

/// The human message and vendor code in an error body, whichever vendor's
/// shape it has: `{"detail": ...}` (LlamaCloud, FastAPI), `{"error": ...}`
/// (Clarifeye), `{"message", "error_code"}` (Feldera).
pub fn error_message(body: &Value) -> (Option<String>, Option<String>) {
    let code = body
        .get("error_code")
        .and_then(Value::as_str)
        .map(str::to_owned);
    let message = ["message", "detail", "error"]
        .iter()
        .find_map(|field| body.get(*field))
        .and_then(describe);
    (message, code)
}

/// Text for a `detail`/`error` value: a string, or FastAPI's validation
/// list (`[{"loc": [...], "msg": "..."}]`), or compact JSON.
fn describe(value: &Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        Value::Array(items) => {
            let parts: Vec<String> = items
                .iter()
                .map(|item| match (item.get("loc"), item.get("msg")) {
                    (Some(Value::Array(loc)), Some(Value::String(msg))) => {
                        let loc: Vec<String> = loc
                            .iter()
                            .map(|p| p.as_str().map_or_else(|| p.to_string(), str::to_owned))
                            .collect();
                        format!("{}: {msg}", loc.join("."))
                    }
                    (_, Some(Value::String(msg))) => msg.clone(),
                    _ => describe(item).unwrap_or_default(),
                })
                .collect();
            Some(parts.join("; "))
        }
        Value::Object(map) => map
            .get("message")
            .or_else(|| map.get("msg"))
            .and_then(describe)
            .or_else(|| Some(value.to_string())),
        other => Some(other.to_string()),
    }
}

/// A JSON number as u64, accepting `3.0`; negative or fractional counts
/// are not counts.
pub(crate) fn as_count(value: Option<&Value>) -> Option<u64> {
    let value = value?;
    value.as_u64().or_else(|| {
        value
            .as_f64()
            .filter(|f| f.fract() == 0.0 && *f >= 0.0 && *f <= u64::MAX as f64)
            .map(|f| f as u64)
    })
}

/// A string field, or None when missing, null or not a string.
pub(crate) fn str_field<'a>(value: &'a Value, field: &str) -> Option<&'a str> {
    value.get(field).and_then(Value::as_str)
}

/// The `status` field every vendor has, or an error naming what is wrong.
pub(crate) fn status_field(value: &Value) -> Result<String, String> {
    match value.get("status") {
        Some(Value::String(s)) => Ok(s.clone()),
        Some(other) => Err(format!("`status` is not a string: {other}")),
        None if value.is_object() => Err("the response has no `status` field".to_owned()),
        None => Err("the response is not a JSON object".to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn base(s: &str) -> Url {
        Url::parse(s).unwrap()
    }

    #[test]
    fn path_parameters_are_single_segments() {
        let t = Target::FelderaToken {
            pipeline_name: "a/b?c#d%e".into(),
            token: "x+y/z==".into(),
        };
        assert_eq!(
            t.url(&base("http://h:8080")).as_str(),
            "http://h:8080/v0/pipelines/a%2Fb%3Fc%23d%25e/completion_status?token=x%2By%2Fz%3D%3D"
        );
    }

    #[test]
    fn base_url_with_path_prefix_is_kept() {
        let t = Target::ClarifeyeRun {
            project_id: "p".into(),
            pipeline_run_id: "r".into(),
        };
        assert_eq!(
            t.url(&base("https://proxy.example/clarifeye/")).as_str(),
            "https://proxy.example/clarifeye/api/v1/projects/p/pipeline-runs/r/"
        );
    }

    #[test]
    fn batch_query_only_when_given() {
        let t = Target::Batch {
            job_id: "j".into(),
            organization_id: None,
            project_id: Some("p 1".into()),
        };
        assert_eq!(
            t.url(&base("https://api.cloud.llamaindex.ai")).as_str(),
            "https://api.cloud.llamaindex.ai/api/v1/beta/batch-processing/j?project_id=p+1"
        );
        let t = Target::LlamaPipeline {
            pipeline_id: "p".into(),
            full_details: false,
        };
        assert_eq!(
            t.url(&base("http://127.0.0.1:1")).as_str(),
            "http://127.0.0.1:1/api/v1/pipelines/p/status"
        );
    }

    #[test]
    fn target_json_uses_api_names_in_order() {
        let t = Target::LlamaFile {
            pipeline_id: "p".into(),
            file_id: "f".into(),
        };
        assert_eq!(
            serde_json::to_string(&t.to_json()).unwrap(),
            r#"{"pipeline_id":"p","file_id":"f"}"#
        );
    }

    #[test]
    fn vendor_error_bodies() {
        assert_eq!(
            error_message(&json!({"detail": "Pipeline not found"})),
            (Some("Pipeline not found".into()), None)
        );
        assert_eq!(
            error_message(&json!({"error": "Not found."})),
            (Some("Not found.".into()), None)
        );
        assert_eq!(
            error_message(
                &json!({"message": "gone", "error_code": "PipelineRestarted", "details": {}})
            ),
            (Some("gone".into()), Some("PipelineRestarted".into()))
        );
        assert_eq!(
            error_message(
                &json!({"detail": [{"loc": ["path", "pipeline_id"], "msg": "bad uuid"}]})
            ),
            (Some("path.pipeline_id: bad uuid".into()), None)
        );
        assert_eq!(error_message(&json!([1])), (None, None));
    }

    #[test]
    fn counts() {
        assert_eq!(as_count(Some(&json!(3))), Some(3));
        assert_eq!(as_count(Some(&json!(3.0))), Some(3));
        assert_eq!(as_count(Some(&json!(-1))), None);
        assert_eq!(as_count(Some(&json!(2.5))), None);
        assert_eq!(as_count(Some(&json!("3"))), None);
        assert_eq!(as_count(None), None);
    }
}
