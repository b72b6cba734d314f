//! One module per API. Each knows its URL, its vendor types and how to
//! classify a body into the normalized model; none of them prints.
//! This file dispatches a [`Target`] to its API's module.

pub mod batch;
pub mod clarifeye;
pub mod feldera;
pub mod llama;
mod read;

use serde_json::Value;
use url::Url;

pub use read::error_message;

use crate::status::Classified;
use crate::target::Target;

/// The request URL under `base`. Every path parameter is one
/// percent-encoded segment: `a/b?c` never becomes extra path or query.
pub fn url(target: &Target, base: &Url) -> Url {
    let mut url = base.clone();
    url.set_query(None);
    url.set_fragment(None);
    // `path_segments_mut` only fails for cannot-be-a-base URLs, which
    // settings never accept as a base URL.
    if let Ok(mut segments) = url.path_segments_mut() {
        segments.pop_if_empty();
        match target {
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
        match target {
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
pub fn classify(target: &Target, body: &Value) -> Result<Classified, String> {
    match target {
        Target::LlamaPipeline { .. } | Target::LlamaFile { .. } => llama::classify(body),
        Target::Batch { .. } => batch::classify(body),
        Target::ClarifeyeRun { .. } => clarifeye::classify(body),
        Target::FelderaToken { .. } => feldera::classify(body),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            url(&t, &base("http://h:8080")).as_str(),
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
            url(&t, &base("https://proxy.example/clarifeye/")).as_str(),
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
            url(&t, &base("https://api.cloud.llamaindex.ai")).as_str(),
            "https://api.cloud.llamaindex.ai/api/v1/beta/batch-processing/j?project_id=p+1"
        );
        let t = Target::LlamaPipeline {
            pipeline_id: "p".into(),
            full_details: false,
        };
        assert_eq!(
            url(&t, &base("http://127.0.0.1:1")).as_str(),
            "http://127.0.0.1:1/api/v1/pipelines/p/status"
        );
    }
}
