//! One module per API. Each knows its URLs, its vendor types and how to
//! classify a body into the normalized model; none of them prints.
//! This file only dispatches a [`Target`] to its API's module: a new API
//! is a module plus one arm in each function below (and its variant in
//! [`Target`]); a new kind of an API with the same shape, as the v2 jobs
//! are, is one entry in that module's table.

pub mod batch;
pub mod clarifeye;
mod endpoint;
pub mod feldera;
pub mod jobs;
pub mod llama;
pub mod page;
mod read;

use serde_json::Value;
use serde_json::value::RawValue;
use url::Url;

use endpoint::with_query;
pub use page::{Cursor, PAGE_SIZE, Page};
pub use read::error_message;

use crate::model::Classified;
use crate::model::{Collection, Target};

/// The request URL of `target` under `base`; for a listing, its first
/// page without filters.
pub fn url(target: &Target, base: &Url) -> Url {
    match target {
        Target::LlamaPipeline {
            pipeline_id,
            full_details,
        } => llama::pipeline_url(base, pipeline_id, *full_details),
        Target::LlamaFile {
            pipeline_id,
            file_id,
        } => llama::file_url(base, pipeline_id, file_id),
        Target::Batch {
            job_id,
            organization_id,
            project_id,
        } => batch::job_url(base, job_id, organization_id, project_id),
        Target::ClarifeyeRun {
            project_id,
            pipeline_run_id,
        } => clarifeye::run_url(base, project_id, pipeline_run_id),
        Target::FelderaToken {
            pipeline_name,
            token,
        }
        | Target::FelderaConnector {
            pipeline_name,
            token,
            ..
        } => feldera::status_url(base, pipeline_name, token),
        Target::LlamaJob {
            kind,
            job_id,
            organization_id,
            project_id,
        } => jobs::job_url(*kind, base, job_id, organization_id, project_id),
        Target::LlamaFiles { pipeline_id } => llama::files_url(base, pipeline_id),
        Target::BatchJobs {
            organization_id,
            project_id,
        } => batch::jobs_url(base, organization_id, project_id),
        Target::ClarifeyeRuns { project_id } => clarifeye::runs_url(base, project_id),
        Target::LlamaJobs {
            kind,
            organization_id,
            project_id,
            ..
        } => jobs::jobs_url(*kind, base, organization_id, project_id),
    }
}

/// Classify a 2xx body. `Err` names what is missing or malformed.
pub fn classify(target: &Target, body: &Value) -> Result<Classified, String> {
    match target {
        Target::LlamaPipeline { .. } | Target::LlamaFile { .. } => llama::classify(body),
        Target::Batch { .. } => batch::classify(body),
        Target::ClarifeyeRun { .. } => clarifeye::classify(body),
        Target::FelderaToken { .. } | Target::FelderaConnector { .. } => feldera::classify(body),
        Target::LlamaJob { kind, .. } => jobs::classify(*kind, body),
        Target::LlamaFiles { .. }
        | Target::BatchJobs { .. }
        | Target::ClarifeyeRuns { .. }
        | Target::LlamaJobs { .. } => Err("a listing has no status of its own".to_owned()),
    }
}

/// The requests one poll of a collection makes, each a paged listing with
/// these status filters: Clarifeye and the v2 jobs filter one status per
/// request, the others take every status at once. With `filtered` false (a watch
/// following the items its first listing chose), no status filter.
pub fn passes(collection: &Collection, filtered: bool) -> Vec<Vec<String>> {
    if !filtered || collection.statuses.is_empty() {
        return vec![Vec::new()];
    }
    match collection.listing {
        Target::ClarifeyeRuns { .. } | Target::LlamaJobs { .. } => collection
            .statuses
            .iter()
            .map(|s| vec![s.clone()])
            .collect(),
        _ => vec![collection.statuses.clone()],
    }
}

/// The URL of one page of a collection's listing, filtered by `statuses`.
pub fn page_url(collection: &Collection, statuses: &[String], base: &Url, cursor: &Cursor) -> Url {
    let first = url(&collection.listing, base);
    let size = PAGE_SIZE.to_string();
    let offset = cursor.offset().to_string();
    let status = statuses
        .iter()
        .map(|s| (collection_status_param(collection), s.as_str()));
    match (&collection.listing, cursor) {
        (Target::LlamaFiles { .. }, cursor) => {
            let token = match cursor {
                Cursor::Token(token) => Some(("page_token", token.as_str())),
                _ => None,
            };
            let name = collection
                .name_contains
                .as_deref()
                .map(|n| ("file_name_contains", n));
            with_query(
                first,
                [("page_size", size.as_str())]
                    .into_iter()
                    .chain(status)
                    .chain(name)
                    .chain(token),
            )
        }
        (Target::LlamaJobs { since, .. }, cursor) => jobs::page_url(
            first,
            statuses.first().map(String::as_str),
            since.as_deref(),
            &[],
            cursor,
        ),
        (Target::BatchJobs { .. }, _) => {
            let kind = collection.job_type.as_deref().map(|t| ("job_type", t));
            with_query(
                first,
                [("limit", size.as_str()), ("offset", offset.as_str())]
                    .into_iter()
                    .chain(status)
                    .chain(kind),
            )
        }
        _ => with_query(
            first,
            [("limit", size.as_str()), ("offset", offset.as_str())]
                .into_iter()
                .chain(status),
        ),
    }
}

/// The query parameter a listing filters its status by: FastAPI reads a
/// list from a repeated `statuses`; the others take one `status`.
fn collection_status_param(collection: &Collection) -> &'static str {
    match collection.listing {
        Target::LlamaFiles { .. } => "statuses",
        _ => "status",
    }
}

/// Read one page of a listing that started at `cursor`.
pub fn read_page(listing: &Target, body: &[u8], cursor: &Cursor) -> Result<Page, String> {
    match listing {
        Target::LlamaFiles { .. } | Target::LlamaJobs { .. } => page::token_page(body, "items"),
        Target::BatchJobs { .. } => page::offset_page(body, "items", cursor.offset()),
        _ => page::drf_page(body, cursor.offset()),
    }
}

/// One listed item, as its raw JSON text: the target it is and what its
/// listing entry says. Files, the big listings, are read for the fields
/// needed only; a job or a run through a value, as a single one is.
pub fn listed(listing: &Target, item: &RawValue) -> Result<(Target, Classified), String> {
    let value =
        || serde_json::from_str::<Value>(item.get()).map_err(|e| format!("a listed item: {e}"));
    match listing {
        Target::LlamaFiles { pipeline_id } => llama::listed_file(pipeline_id, item),
        Target::BatchJobs {
            organization_id,
            project_id,
        } => batch::listed_job(organization_id, project_id, &value()?),
        Target::ClarifeyeRuns { project_id } => clarifeye::listed_run(project_id, &value()?),
        Target::LlamaJobs {
            kind,
            organization_id,
            project_id,
            ..
        } => jobs::listed_job(*kind, organization_id, project_id, &value()?),
        _ => Err("not a listing".to_owned()),
    }
}

/// The listing that can answer for many targets like this one at once
/// (CONTRACT §14: v2 jobs by their listing's `job_ids` filter), if any;
/// targets with the same one are asked together.
pub fn asked_together(target: &Target) -> Option<Target> {
    match target {
        Target::LlamaJob {
            kind,
            organization_id,
            project_id,
            ..
        } => Some(Target::LlamaJobs {
            kind: *kind,
            organization_id: organization_id.clone(),
            project_id: project_id.clone(),
            since: None,
        }),
        _ => None,
    }
}

/// How many targets one request of [`asked_together`] asks about.
pub const ASKED_TOGETHER: usize = jobs::IDS_PER_REQUEST;

/// One page of `listing` (from [`asked_together`]) filtered to these IDs.
pub fn ids_page_url(listing: &Target, ids: &[&str], base: &Url, cursor: &Cursor) -> Url {
    jobs::page_url(url(listing, base), None, None, ids, cursor)
}

/// The ID a target of [`asked_together`] is listed under.
pub fn listed_id(target: &Target) -> Option<&str> {
    match target {
        Target::LlamaJob { job_id, .. } => Some(job_id),
        _ => None,
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

    /// CONTRACT §8 for listings: the pipeline or project is one path
    /// segment, filters and page tokens are encoded query values.
    #[test]
    fn listing_pages_encode_their_parameters() {
        let files = Collection {
            listing: Target::LlamaFiles {
                pipeline_id: "a/b?c".into(),
            },
            statuses: vec!["ERROR".into(), "SUCCESS".into()],
            name_contains: Some("x&y z".into()),
            job_type: None,
        };
        let token = Cursor::Token("t/+=".into());
        assert_eq!(
            page_url(&files, &files.statuses, &base("http://h/p/"), &token).as_str(),
            "http://h/p/api/v1/beta/pipelines/a%2Fb%3Fc/files?page_size=1000\
             &statuses=ERROR&statuses=SUCCESS&file_name_contains=x%26y+z&page_token=t%2F%2B%3D"
        );
        let runs = Collection {
            listing: Target::ClarifeyeRuns {
                project_id: "p 1".into(),
            },
            statuses: vec!["failed".into()],
            name_contains: None,
            job_type: None,
        };
        assert_eq!(
            page_url(
                &runs,
                &runs.statuses,
                &base("http://h"),
                &Cursor::Offset(2000)
            )
            .as_str(),
            "http://h/api/v1/projects/p%201/pipeline-runs/?limit=1000&offset=2000&status=failed"
        );
        assert_eq!(passes(&runs, true), [vec!["failed".to_owned()]]);
        assert_eq!(passes(&runs, false), [Vec::<String>::new()]);
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
