//! A probe's query, read: which service, which target or collection
//! (CONTRACT §15). One table says what each service takes and which
//! function makes its subject, so a new service is one entry there. Nothing in a
//! query chooses where requests go or what key they carry: an unknown
//! parameter (`base_url`, `api_key`, a typo) is refused, not ignored.

use std::collections::BTreeMap;
use std::time::SystemTime;

use crate::model::{Collection, JobKind, Subject, Target, Vendor};
use crate::services::batch::{JOB_STATUSES, JOB_TYPES};
use crate::services::clarifeye::RUN_STATUSES;
use crate::services::jobs;
use crate::services::llama::FILE_STATUSES;
use crate::settings::VendorSettings;
use crate::util::sanitize::sanitize;
use crate::util::since;

/// What a service's probe takes: the fields that name one target (all
/// required, less those `optional`), and with `all=1` those of its
/// collection (the first required), or None when it has none.
struct Spec {
    service: &'static str,
    vendor: Vendor,
    target: &'static [&'static str],
    collection: Option<&'static [&'static str]>,
    /// Fields that may be left out, as the command's flags may be
    /// (Clarifeye's project and the batch scope come from the config).
    optional: &'static [&'static str],
    /// The subject a checked request names, with the vendor's settings.
    subject: fn(&Request, &VendorSettings) -> Result<Subject, String>,
}

/// What a v2 job's probe takes (CONTRACT §14): its ID, or with `all=1`
/// the listing's filters; the scope may come from the config, as for batch.
const V2_JOB: &[&str] = &["job_id", "organization_id", "project_id"];
const V2_JOBS: &[&str] = &["organization_id", "project_id", "status", "since"];
const V2_OPTIONAL: &[&str] = &["organization_id", "project_id", "status", "since"];

const SERVICES: &[Spec] = &[
    Spec {
        service: "llama.pipeline",
        vendor: Vendor::Llama,
        target: &["pipeline_id"],
        collection: None,
        optional: &[],
        subject: llama_pipeline,
    },
    Spec {
        service: "llama.file",
        vendor: Vendor::Llama,
        target: &["pipeline_id", "file_id"],
        collection: Some(&["pipeline_id", "status", "name_contains"]),
        optional: &["status", "name_contains"],
        subject: llama_file,
    },
    Spec {
        service: "batch",
        vendor: Vendor::Llama,
        target: &["job_id", "organization_id", "project_id"],
        collection: Some(&["organization_id", "project_id", "status", "job_type"]),
        optional: &["organization_id", "project_id", "status", "job_type"],
        subject: batch,
    },
    Spec {
        service: "clarifeye.run",
        vendor: Vendor::Clarifeye,
        target: &["project_id", "pipeline_run_id"],
        collection: Some(&["project_id", "status"]),
        optional: &["project_id", "status"],
        subject: clarifeye_run,
    },
    Spec {
        service: "llama.parse",
        vendor: Vendor::Llama,
        target: V2_JOB,
        collection: Some(V2_JOBS),
        optional: V2_OPTIONAL,
        subject: llama_parse,
    },
    Spec {
        service: "llama.extract",
        vendor: Vendor::Llama,
        target: V2_JOB,
        collection: Some(V2_JOBS),
        optional: V2_OPTIONAL,
        subject: llama_extract,
    },
    Spec {
        service: "llama.classify",
        vendor: Vendor::Llama,
        target: V2_JOB,
        collection: Some(V2_JOBS),
        optional: V2_OPTIONAL,
        subject: llama_classify,
    },
    Spec {
        service: "feldera.token",
        vendor: Vendor::Feldera,
        target: &["pipeline_name", "token"],
        collection: None,
        optional: &[],
        subject: feldera_token,
    },
];

/// Parameters every probe may carry besides its service's fields.
const COMMON: &[&str] = &["service", "all", "profile"];

/// A probe's query, checked against its service's fields.
pub struct Request {
    spec: &'static Spec,
    all: bool,
    fields: BTreeMap<String, String>,
    /// `profile=NAME`: the config profile whose keys and URLs to use.
    pub profile: Option<String>,
}

impl std::fmt::Debug for Request {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Request")
            .field("service", &self.spec.service)
            .field("all", &self.all)
            .field("fields", &self.fields)
            .field("profile", &self.profile)
            .finish()
    }
}

impl Request {
    pub fn vendor(&self) -> Vendor {
        self.spec.vendor
    }

    pub fn field(&self, name: &str) -> Option<&str> {
        self.fields.get(name).map(String::as_str)
    }
}

/// Read a probe's query string. Err is the one-line reason for a 400.
pub fn parse(query: &str) -> Result<Request, String> {
    let mut fields = BTreeMap::new();
    for (name, value) in url::form_urlencoded::parse(query.as_bytes()) {
        if value.is_empty() {
            continue;
        }
        if fields
            .insert(name.clone().into_owned(), value.into_owned())
            .is_some()
        {
            return Err(format!("`{}` is given twice", sanitize(&name)));
        }
    }
    let names = || {
        SERVICES
            .iter()
            .map(|s| s.service)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let service = fields
        .remove("service")
        .ok_or_else(|| format!("missing `service` (one of {})", names()))?;
    let spec = SERVICES
        .iter()
        .find(|s| s.service == service)
        .ok_or_else(|| {
            format!(
                "unknown service `{}` (one of {})",
                sanitize(&service),
                names()
            )
        })?;
    let all = match fields.remove("all").as_deref() {
        None | Some("0" | "false") => false,
        Some("1" | "true") => true,
        Some(other) => return Err(format!("`all` is 1 or 0, not `{}`", sanitize(other))),
    };
    let profile = fields.remove("profile");
    let takes = match (all, spec.collection) {
        (false, _) => spec.target,
        (true, Some(collection)) => collection,
        (true, None) => {
            return Err(format!(
                "{service} has no collection: `all=1` is not for it"
            ));
        }
    };
    for name in fields.keys() {
        if !takes.contains(&name.as_str()) {
            let mut known: Vec<&str> = takes.to_vec();
            known.extend(COMMON);
            return Err(format!(
                "unknown parameter `{}` for service={service}{} (it takes {}); keys and base \
                 URLs come from the exporter's environment and config, never from a probe",
                sanitize(name),
                if all { " with all=1" } else { "" },
                known.join(", ")
            ));
        }
    }
    if let Some(missing) = takes
        .iter()
        .find(|name| !spec.optional.contains(name) && !fields.contains_key(**name))
    {
        return Err(format!(
            "missing `{missing}` for service={service}{}",
            if all { " with all=1" } else { "" }
        ));
    }
    Ok(Request {
        spec,
        all,
        fields,
        profile,
    })
}

/// The subject the probe asks about, once the vendor's settings are known
/// (the config may give Clarifeye's project and the batch scope). Err is
/// the one-line reason for a 400.
pub fn subject(request: &Request, settings: &VendorSettings) -> Result<Subject, String> {
    let subject = (request.spec.subject)(request, settings)?;
    let named = match &subject {
        Subject::Targets(targets) => targets.first(),
        Subject::Collection(collection) => Some(&collection.listing),
    };
    if let Some(target) = named {
        target.check_path_params()?;
    }
    Ok(subject)
}

/// A field the request is known to have (checked by [`parse`]).
fn field(request: &Request, name: &str) -> String {
    request.field(name).unwrap_or_default().to_owned()
}

fn one(target: Target) -> Subject {
    Subject::Targets(vec![target])
}

fn llama_pipeline(request: &Request, _: &VendorSettings) -> Result<Subject, String> {
    Ok(one(Target::LlamaPipeline {
        pipeline_id: field(request, "pipeline_id"),
        full_details: false,
    }))
}

fn llama_file(request: &Request, _: &VendorSettings) -> Result<Subject, String> {
    let pipeline_id = field(request, "pipeline_id");
    if !request.all {
        return Ok(one(Target::LlamaFile {
            pipeline_id,
            file_id: field(request, "file_id"),
        }));
    }
    Ok(collection(
        Target::LlamaFiles { pipeline_id },
        statuses(request, FILE_STATUSES, true)?,
        request.field("name_contains"),
        None,
    ))
}

fn batch(request: &Request, settings: &VendorSettings) -> Result<Subject, String> {
    let (organization_id, project_id) = (
        settings.organization_id.clone(),
        settings.project_id.clone(),
    );
    if !request.all {
        return Ok(one(Target::Batch {
            job_id: field(request, "job_id"),
            organization_id,
            project_id,
        }));
    }
    let statuses = statuses(request, JOB_STATUSES, false)?;
    if statuses.len() > 1 {
        return Err("batch jobs filter by one status at a time".to_owned());
    }
    let job_type = statuses_of(request, "job_type", JOB_TYPES, false)?;
    Ok(collection(
        Target::BatchJobs {
            organization_id,
            project_id,
        },
        statuses,
        None,
        job_type.into_iter().next(),
    ))
}

fn clarifeye_run(request: &Request, settings: &VendorSettings) -> Result<Subject, String> {
    let project_id = settings.project_id.clone().ok_or(
        "missing `project_id` for service=clarifeye.run, and the exporter's config \
         profile has no clarifeye project_id",
    )?;
    if !request.all {
        return Ok(one(Target::ClarifeyeRun {
            project_id,
            pipeline_run_id: field(request, "pipeline_run_id"),
        }));
    }
    Ok(collection(
        Target::ClarifeyeRuns { project_id },
        statuses(request, RUN_STATUSES, false)?,
        None,
        None,
    ))
}

fn llama_parse(request: &Request, settings: &VendorSettings) -> Result<Subject, String> {
    llama_job(JobKind::Parse, request, settings)
}

fn llama_extract(request: &Request, settings: &VendorSettings) -> Result<Subject, String> {
    llama_job(JobKind::Extract, request, settings)
}

fn llama_classify(request: &Request, settings: &VendorSettings) -> Result<Subject, String> {
    llama_job(JobKind::Classify, request, settings)
}

/// A v2 job, or with `all=1` the kind's listing: `status=` checked against
/// the kind's enum and `since=` read as `--since` is (a duration ago or an
/// RFC 3339 time).
fn llama_job(
    kind: JobKind,
    request: &Request,
    settings: &VendorSettings,
) -> Result<Subject, String> {
    let (organization_id, project_id) = (
        settings.organization_id.clone(),
        settings.project_id.clone(),
    );
    if !request.all {
        return Ok(one(Target::LlamaJob {
            kind,
            job_id: field(request, "job_id"),
            organization_id,
            project_id,
        }));
    }
    let given: Vec<String> = request
        .field("status")
        .map(|s| s.split(',').map(str::to_owned).collect())
        .unwrap_or_default();
    let statuses = jobs::check_statuses(kind, &given).map_err(|e| sanitize(&e))?;
    let since = request
        .field("since")
        .map(|raw| since::parse(raw, SystemTime::now()))
        .transpose()
        .map_err(|e| format!("invalid since: {}", sanitize(&e)))?;
    Ok(collection(
        Target::LlamaJobs {
            kind,
            organization_id,
            project_id,
            since,
        },
        statuses,
        None,
        None,
    ))
}

fn feldera_token(request: &Request, _: &VendorSettings) -> Result<Subject, String> {
    Ok(one(Target::FelderaToken {
        pipeline_name: field(request, "pipeline_name"),
        token: field(request, "token"),
    }))
}

fn collection(
    listing: Target,
    statuses: Vec<String>,
    name_contains: Option<&str>,
    job_type: Option<String>,
) -> Subject {
    Subject::Collection(Collection {
        listing,
        statuses,
        name_contains: name_contains.map(str::to_owned),
        job_type,
    })
}

/// `status=` as the command's `--status` takes it: comma-separated vendor
/// values, case-insensitive, checked against the vendor's enum.
fn statuses(request: &Request, valid: &[&str], upper: bool) -> Result<Vec<String>, String> {
    statuses_of(request, "status", valid, upper)
}

fn statuses_of(
    request: &Request,
    name: &str,
    valid: &[&str],
    upper: bool,
) -> Result<Vec<String>, String> {
    let Some(given) = request.field(name) else {
        return Ok(Vec::new());
    };
    given
        .split(',')
        .map(|value| {
            let value = value.trim();
            let spelled = if upper {
                value.to_ascii_uppercase()
            } else {
                value.to_ascii_lowercase()
            };
            if valid.contains(&spelled.as_str()) {
                Ok(spelled)
            } else {
                Err(format!(
                    "invalid {name} `{}` (one of {})",
                    sanitize(value),
                    valid.join(", ")
                ))
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
