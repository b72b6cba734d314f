//! LlamaCloud managed pipelines: `GET /api/v1/pipelines/{pipeline_id}/status`,
//! with `GET /api/v1/pipelines/{pipeline_id}/files/status-counts` asked
//! beside it each poll for a progress bar (CONTRACT §10). Deprecated by
//! LlamaCloud in favour of indexes.

use serde_json::Value;
use url::Url;

use super::api::{Api, Ask, Demo};
use super::command::{Arg, Command, Given, Refusal};
use super::endpoint::{endpoint, with_query};
use super::ingestion::{self, state_of};
use super::read::as_count;
use crate::model::target::Service;
use crate::model::{Classified, Progress, Snapshot, State, Subject, Target, TargetError, Vendor};
use crate::settings::VendorSettings;

pub struct LlamaPipeline;

static SERVICE: Service = Service {
    name: "llama.pipeline",
    vendor: Vendor::Llama,
    plural: "pipelines",
    query_ids: &[],
    label: None,
};

static COMMAND: Command = Command {
    words: &["llama", "pipeline", "status"],
    group_about: Some("Ingestion status of managed pipelines (deprecated: use `llama index`)"),
    about: "Deprecated by LlamaCloud, whose indexes replace pipelines: use `pipewatch llama index status`. GET /api/v1/pipelines/{pipeline_id}/status (and its files' status counts, for progress)",
    args: &[
        Arg::ids("pipeline_ids", "pipeline_id")
            .value_name("PIPELINE_ID")
            .help("Pipeline IDs; `-` reads them from stdin, one per line")
            .required(),
        Arg::flag("full_details").help("Ask for the full details (full_details=true)"),
    ],
};

impl Api for LlamaPipeline {
    fn service(&self) -> &'static Service {
        &SERVICE
    }

    fn command(&self) -> &'static Command {
        &COMMAND
    }

    fn subject(&self, given: &Given, _: &VendorSettings) -> Result<Ask, Refusal> {
        let full_details = given.flag("full_details").then(|| "true".to_owned());
        let targets = given
            .many("pipeline_id")
            .iter()
            .map(|id| {
                Target::new(&SERVICE, [("pipeline_id", id.clone())])
                    .with("full_details", full_details.clone())
            })
            .collect();
        Ok(Ask::of(Subject::Targets(targets)))
    }

    fn url(&self, target: &Target, base: &Url) -> Url {
        let url = endpoint(
            base,
            &["api", "v1", "pipelines", target.id("pipeline_id"), "status"],
        );
        let full = target.option("full_details").is_some();
        with_query(url, full.then_some(("full_details", "true")))
    }

    fn classify(&self, _: &Target, body: &Value) -> Result<Classified, String> {
        ingestion::classify(body)
    }

    fn demo(&self) -> &'static [Demo] {
        &[Demo {
            title: "LlamaCloud pipeline",
            args: &["llama", "pipeline", "status", "docs-ok-1s"],
        }]
    }

    fn example(&self) -> &'static [(&'static str, &'static str)] {
        &[("pipeline_id", "docs-ok-2s")]
    }

    fn beside(&self, target: &Target, base: &Url) -> Vec<Url> {
        vec![counts_url(base, target.id("pipeline_id"))]
    }

    /// The counts only add a progress bar: whatever happens to them, the
    /// pipeline's own status decides.
    fn with_beside(&self, snapshot: &mut Snapshot, answers: Vec<Result<Value, TargetError>>) {
        let Some(counts) = answers.into_iter().next() else {
            return;
        };
        match counts
            .map_err(|e| e.message)
            .and_then(|body| progress_from_counts(&body))
        {
            Ok(progress) => snapshot.progress = Some(progress),
            Err(why) => {
                snapshot.warning = Some(format!("no progress: the file status counts: {why}"));
            }
        }
    }
}

/// `GET /api/v1/pipelines/{pipeline_id}/files/status-counts`.
pub fn counts_url(base: &Url, pipeline_id: &str) -> Url {
    endpoint(
        base,
        &[
            "api",
            "v1",
            "pipelines",
            pipeline_id,
            "files",
            "status-counts",
        ],
    )
}

/// A pipeline's progress from its files' status counts
/// (FileCountByStatusResponse): `done` counts the files in a terminal
/// status, `failed` those in ERROR.
pub fn progress_from_counts(body: &Value) -> Result<Progress, String> {
    let counts = body
        .get("counts")
        .and_then(Value::as_object)
        .ok_or("the status counts have no `counts` object")?;
    let total =
        as_count(body.get("total_count")).ok_or("the status counts have no `total_count`")?;
    let count = |status: &str| as_count(counts.get(status)).unwrap_or(0);
    let done: u64 = counts
        .keys()
        .filter(|status| state_of(status).is_some_and(State::is_terminal))
        .map(|status| count(status))
        .sum();
    Ok(Progress {
        percent: (total > 0).then(|| done as f64 * 100.0 / total as f64),
        done: Some(done),
        total: Some(total),
        failed: Some(count("ERROR")),
        skipped: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn base(s: &str) -> Url {
        Url::parse(s).unwrap()
    }

    #[test]
    fn urls() {
        let given = Given::of(&[("pipeline_id", "p")]);
        let settings = VendorSettings::simple(Vendor::Llama, Url::parse("http://h").unwrap(), None);
        let Subject::Targets(targets) = LlamaPipeline.subject(&given, &settings).unwrap().subject
        else {
            panic!("not targets")
        };
        assert_eq!(
            LlamaPipeline
                .url(&targets[0], &base("http://127.0.0.1:1"))
                .as_str(),
            "http://127.0.0.1:1/api/v1/pipelines/p/status"
        );
        let given = Given::of(&[("pipeline_id", "a/b"), ("full_details", "true")]);
        let Subject::Targets(targets) = LlamaPipeline.subject(&given, &settings).unwrap().subject
        else {
            panic!("not targets")
        };
        assert_eq!(
            LlamaPipeline
                .url(&targets[0], &base("http://h/x/"))
                .as_str(),
            "http://h/x/api/v1/pipelines/a%2Fb/status?full_details=true"
        );
    }

    #[test]
    fn progress_from_status_counts() {
        let p = progress_from_counts(&json!({
            "counts": {"SUCCESS": 6, "ERROR": 2, "IN_PROGRESS": 1, "NOT_STARTED": 1, "PARTIAL_SUCCESS": 0, "NEW_THING": 5},
            "total_count": 15
        }))
        .unwrap();
        assert_eq!((p.done, p.total, p.failed), (Some(8), Some(15), Some(2)));
        let empty = progress_from_counts(&json!({"counts": {}, "total_count": 0})).unwrap();
        assert_eq!((empty.done, empty.percent), (Some(0), None));
        assert!(progress_from_counts(&json!({"counts": {}})).is_err());
        assert!(progress_from_counts(&json!({"total_count": 3})).is_err());
    }
}
