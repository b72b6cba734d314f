//! LlamaCloud's v2 jobs: `GET /api/v2/{parse,extract,classify}/{job_id}`
//! and their listings `GET /api/v2/{parse,extract,classify}`.
//!
//! The three kinds share one shape: a status from one enum, `error_message`
//! for a failed job, listings paged by token with `status`, `job_ids` and
//! `created_at_on_or_after` filters. What differs is in [`KINDS`]: a parse
//! job's single body nests the job (`{"job": {...}}`), extract accepts one
//! more status (`THROTTLED`) as a filter.

use serde_json::Value;
use url::Url;

use super::batch::scope;
use super::endpoint::{endpoint, with_query};
use super::page::Cursor;
use super::read::{status_field, str_field};
use crate::model::{Classified, State};
use crate::model::{JobKind, Target};

/// What one kind of v2 job does differently.
pub struct KindSpec {
    pub kind: JobKind,
    /// The statuses its listing filters by (`--status`).
    pub statuses: &'static [&'static str],
    /// The single body nests the job under this field.
    pub nested: Option<&'static str>,
}

const JOB_STATUSES: &[&str] = &["PENDING", "RUNNING", "COMPLETED", "FAILED", "CANCELLED"];

/// The table of v2 job kinds: a new kind is one entry here.
pub const KINDS: &[KindSpec] = &[
    KindSpec {
        kind: JobKind::Parse,
        statuses: JOB_STATUSES,
        nested: Some("job"),
    },
    KindSpec {
        kind: JobKind::Extract,
        statuses: &[
            "PENDING",
            "THROTTLED",
            "RUNNING",
            "COMPLETED",
            "FAILED",
            "CANCELLED",
        ],
        nested: None,
    },
    KindSpec {
        kind: JobKind::Classify,
        statuses: JOB_STATUSES,
        nested: None,
    },
];

/// The page size of a listing: classify's documented maximum (the others
/// document none), so every kind pages the same.
pub const PAGE_SIZE: u64 = 100;

/// How many IDs one `job_ids` request asks about: a poll of N jobs costs
/// ceil(N / 50) requests, and the URL stays well under common limits
/// (50 IDs of 40 characters are about 3 KB).
pub const IDS_PER_REQUEST: usize = 50;

pub fn spec(kind: JobKind) -> &'static KindSpec {
    KINDS.iter().find(|s| s.kind == kind).unwrap_or(&KINDS[0])
}

/// `--status` values checked against the kind's enum, case-insensitively,
/// in the vendor's spelling, each once. Err names the valid ones.
pub fn check_statuses(kind: JobKind, given: &[String]) -> Result<Vec<String>, String> {
    let valid = spec(kind).statuses;
    let mut statuses: Vec<String> = Vec::new();
    for status in given {
        let Some(known) = valid.iter().find(|v| v.eq_ignore_ascii_case(status.trim())) else {
            return Err(format!(
                "invalid value '{status}' for '--status <STATUS>': a {} job's status is one of {}",
                kind.name(),
                valid.join(", ")
            ));
        };
        if !statuses.iter().any(|s| s == known) {
            statuses.push((*known).to_owned());
        }
    }
    Ok(statuses)
}

/// CONTRACT §14's states; anything else (THROTTLED included) is unknown.
pub fn state_of(status: &str) -> Option<State> {
    Some(match status {
        "PENDING" => State::Pending,
        "RUNNING" => State::Running,
        "COMPLETED" => State::Succeeded,
        "FAILED" => State::Failed,
        "CANCELLED" => State::Cancelled,
        _ => return None,
    })
}

/// Classify a single job's body.
pub fn classify(kind: JobKind, body: &Value) -> Result<Classified, String> {
    match spec(kind).nested {
        Some(field) => match body.get(field) {
            Some(job @ Value::Object(_)) => {
                classify_job(job).map_err(|e| e.replace("`status`", &format!("`{field}.status`")))
            }
            Some(_) => Err(format!("`{field}` is not an object")),
            None => Err(format!("the response has no `{field}` object")),
        },
        None => classify_job(body),
    }
}

/// Classify a job object: the single body (or its `job`), or a listed item.
fn classify_job(job: &Value) -> Result<Classified, String> {
    let status = status_field(job)?;
    let message = str_field(job, "error_message").filter(|m| !m.is_empty());
    Ok(Classified {
        state: state_of(&status),
        status: Some(status),
        updated: str_field(job, "updated_at").map(str::to_owned),
        details: message.unwrap_or_default().to_owned(),
        ..Classified::default()
    })
}

/// `GET /api/v2/{kind}/{job_id}`, scoped.
pub fn job_url(
    kind: JobKind,
    base: &Url,
    job_id: &str,
    organization_id: &Option<String>,
    project_id: &Option<String>,
) -> Url {
    let url = endpoint(base, &["api", "v2", kind.name(), job_id]);
    with_query(url, scope(organization_id, project_id))
}

/// `GET /api/v2/{kind}`: the listing, scoped, without filters.
pub fn jobs_url(
    kind: JobKind,
    base: &Url,
    organization_id: &Option<String>,
    project_id: &Option<String>,
) -> Url {
    let url = endpoint(base, &["api", "v2", kind.name()]);
    with_query(url, scope(organization_id, project_id))
}

/// One page of a listing under `first` (its scoped URL): `status`,
/// `since`, these `job_ids`, from `cursor`.
pub fn page_url(
    first: Url,
    status: Option<&str>,
    since: Option<&str>,
    job_ids: &[&str],
    cursor: &Cursor,
) -> Url {
    let size = PAGE_SIZE.to_string();
    let token = match cursor {
        Cursor::Token(token) => Some(("page_token", token.as_str())),
        _ => None,
    };
    with_query(
        first,
        [("page_size", size.as_str())]
            .into_iter()
            .chain(status.map(|s| ("status", s)))
            .chain(since.map(|s| ("created_at_on_or_after", s)))
            .chain(job_ids.iter().map(|id| ("job_ids", *id)))
            .chain(token),
    )
}

/// One job of a listing: the target it is and its state.
pub fn listed_job(
    kind: JobKind,
    organization_id: &Option<String>,
    project_id: &Option<String>,
    item: &Value,
) -> Result<(Target, Classified), String> {
    let job_id = str_field(item, "id")
        .filter(|id| !id.is_empty())
        .ok_or_else(|| format!("a listed {} job has no `id`", kind.name()))?;
    let target = Target::LlamaJob {
        kind,
        job_id: job_id.to_owned(),
        organization_id: organization_id.clone(),
        project_id: project_id.clone(),
    };
    Ok((target, classify_job(item)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_documented_status() {
        for (status, state) in [
            ("PENDING", Some(State::Pending)),
            ("RUNNING", Some(State::Running)),
            ("COMPLETED", Some(State::Succeeded)),
            ("FAILED", Some(State::Failed)),
            ("CANCELLED", Some(State::Cancelled)),
            ("THROTTLED", None),
            ("completed", None),
        ] {
            let body = json!({"status": status});
            assert_eq!(
                classify(JobKind::Extract, &body).unwrap().state,
                state,
                "{status}"
            );
            let nested = json!({"job": {"status": status}});
            assert_eq!(classify(JobKind::Parse, &nested).unwrap().state, state);
        }
    }

    #[test]
    fn statuses_are_checked_per_kind() {
        let given = |s: &[&str]| s.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            check_statuses(JobKind::Extract, &given(&["throttled", "FAILED", "failed"])).unwrap(),
            ["THROTTLED", "FAILED"]
        );
        let err = check_statuses(JobKind::Parse, &given(&["throttled"])).unwrap_err();
        assert!(
            err.contains("PENDING, RUNNING, COMPLETED, FAILED, CANCELLED"),
            "{err}"
        );
    }

    #[test]
    fn a_parse_job_nests_its_status() {
        let err = classify(JobKind::Parse, &json!({"status": "COMPLETED"})).unwrap_err();
        assert_eq!(err, "the response has no `job` object");
        let err = classify(JobKind::Parse, &json!({"job": {"id": "x"}})).unwrap_err();
        assert!(err.contains("job.status"), "{err}");
        let c = classify(
            JobKind::Classify,
            &json!({"status": "FAILED", "error_message": "bad pdf"}),
        )
        .unwrap();
        assert_eq!(c.details, "bad pdf");
    }

    #[test]
    fn urls_scope_filter_and_page() {
        let base = Url::parse("http://h/").unwrap();
        let url = job_url(JobKind::Parse, &base, "a/b", &None, &Some("p".into()));
        assert_eq!(url.as_str(), "http://h/api/v2/parse/a%2Fb?project_id=p");
        let first = jobs_url(JobKind::Classify, &base, &Some("o".into()), &None);
        let page = page_url(
            first,
            Some("FAILED"),
            Some("2026-01-01T00:00:00Z"),
            &["j1", "j&2"],
            &Cursor::Token("t=".into()),
        );
        assert_eq!(
            page.as_str(),
            "http://h/api/v2/classify?organization_id=o&page_size=100&status=FAILED\
             &created_at_on_or_after=2026-01-01T00%3A00%3A00Z&job_ids=j1&job_ids=j%262&page_token=t%3D"
        );
    }
}
