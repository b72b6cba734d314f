//! What a user asks about: one target of one service, named by the path
//! parameters of its API. Part of the model (with [`crate::model`]):
//! services know how to ask about a target, renderers how to name it.

use serde_json::{Map, Value};

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

/// LlamaCloud's v2 jobs (`/api/v2/{parse,extract,classify}`): three kinds
/// of job behind one API shape, so one variant of [`Target`] and one module
/// (`services::jobs`) serve them all; a fourth kind is one line here and
/// one entry in that module's table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum JobKind {
    Parse,
    Extract,
    Classify,
}

impl JobKind {
    /// The path segment and command name: `parse`, `extract`, `classify`.
    pub fn name(self) -> &'static str {
        match self {
            JobKind::Parse => "parse",
            JobKind::Extract => "extract",
            JobKind::Classify => "classify",
        }
    }
}

/// One thing to check, with its path parameters by their API names.
///
/// The last four are listings (`--all`): a target only while the listing
/// itself fails (a 404 pipeline, an outage); their items are targets of
/// the single kinds above.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
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
    /// A v2 parse, extract or classify job.
    LlamaJob {
        kind: JobKind,
        job_id: String,
        organization_id: Option<String>,
        project_id: Option<String>,
    },
    /// A completion token of a Feldera input connector, asked for before
    /// the watch (an empty `token` until then).
    FelderaConnector {
        pipeline_name: String,
        table_name: String,
        connector_name: String,
        token: String,
    },
    /// The files of a pipeline.
    LlamaFiles { pipeline_id: String },
    /// The batch jobs of a project (or of the key's default project).
    BatchJobs {
        organization_id: Option<String>,
        project_id: Option<String>,
    },
    /// The pipeline runs of a Clarifeye project.
    ClarifeyeRuns { project_id: String },
    /// The v2 jobs of one kind in a project, created since `since`
    /// (RFC 3339) when given.
    LlamaJobs {
        kind: JobKind,
        organization_id: Option<String>,
        project_id: Option<String>,
        since: Option<String>,
    },
}

/// What `--all` waits for: a listing and its filters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Collection {
    /// The listing: [`Target::LlamaFiles`], [`Target::BatchJobs`],
    /// [`Target::ClarifeyeRuns`] or [`Target::LlamaJobs`].
    pub listing: Target,
    /// `--status`: the vendor's status values, as the vendor spells them;
    /// empty for every status.
    pub statuses: Vec<String>,
    /// `--name-contains` (files).
    pub name_contains: Option<String>,
    /// `--job-type` (batch jobs).
    pub job_type: Option<String>,
}

impl Collection {
    /// What the collection holds, in the user's words (`no files match`).
    pub fn noun(&self) -> &'static str {
        self.listing.plural()
    }
}

/// What a status command asks about: targets it was given, or a
/// collection it lists itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Subject {
    Targets(Vec<Target>),
    Collection(Collection),
}

impl Target {
    /// The envelope's `service` name.
    pub fn service(&self) -> &'static str {
        match self {
            Target::LlamaPipeline { .. } => "llama.pipeline",
            Target::LlamaFile { .. } | Target::LlamaFiles { .. } => "llama.file",
            Target::Batch { .. } | Target::BatchJobs { .. } => "batch",
            Target::ClarifeyeRun { .. } | Target::ClarifeyeRuns { .. } => "clarifeye.run",
            Target::FelderaToken { .. } | Target::FelderaConnector { .. } => "feldera.token",
            Target::LlamaJob { kind, .. } | Target::LlamaJobs { kind, .. } => match kind {
                JobKind::Parse => "llama.parse",
                JobKind::Extract => "llama.extract",
                JobKind::Classify => "llama.classify",
            },
        }
    }

    pub fn vendor(&self) -> Vendor {
        match self {
            Target::LlamaPipeline { .. }
            | Target::LlamaFile { .. }
            | Target::Batch { .. }
            | Target::LlamaFiles { .. }
            | Target::BatchJobs { .. }
            | Target::LlamaJob { .. }
            | Target::LlamaJobs { .. } => Vendor::Llama,
            Target::ClarifeyeRun { .. } | Target::ClarifeyeRuns { .. } => Vendor::Clarifeye,
            Target::FelderaToken { .. } | Target::FelderaConnector { .. } => Vendor::Feldera,
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
            Target::LlamaJob { job_id, .. } => vec![("job_id", job_id)],
            // The token first, as for `feldera token`; the connector after.
            Target::FelderaConnector {
                pipeline_name,
                table_name,
                connector_name,
                token,
            } => vec![
                ("pipeline_name", pipeline_name),
                ("token", token),
                ("table_name", table_name),
                ("connector_name", connector_name),
            ],
            Target::LlamaFiles { pipeline_id } => vec![("pipeline_id", pipeline_id)],
            // Query parameters, but they choose what is listed.
            Target::BatchJobs {
                organization_id,
                project_id,
            }
            | Target::LlamaJobs {
                organization_id,
                project_id,
                ..
            } => [
                ("organization_id", organization_id),
                ("project_id", project_id),
            ]
            .into_iter()
            .filter_map(|(name, value)| Some((name, value.as_deref()?)))
            .collect(),
            Target::ClarifeyeRuns { project_id } => vec![("project_id", project_id)],
        }
    }

    /// What many targets of this service are, in the user's words
    /// (`3000 files: ...`, `no files match`).
    pub fn plural(&self) -> &'static str {
        match self.service() {
            "llama.pipeline" => "pipelines",
            "llama.file" => "files",
            "batch" => "batch jobs",
            "clarifeye.run" => "pipeline runs",
            "llama.parse" => "parse jobs",
            "llama.extract" => "extract jobs",
            "llama.classify" => "classify jobs",
            _ => "tokens",
        }
    }

    /// A listing (`--all`) rather than one job.
    pub fn is_listing(&self) -> bool {
        matches!(
            self,
            Target::LlamaFiles { .. }
                | Target::BatchJobs { .. }
                | Target::ClarifeyeRuns { .. }
                | Target::LlamaJobs { .. }
        )
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
    /// joined by `/` (`pipeline/file`, `project/run`, `pipeline/token`);
    /// a listing ends in `/*` (`pipeline/*`: all its files).
    pub fn label(&self) -> String {
        if let Target::FelderaConnector {
            pipeline_name,
            table_name,
            connector_name,
            ..
        } = self
        {
            return format!("{pipeline_name}/{table_name}.{connector_name}");
        }
        let mut parts: Vec<&str> = self.params().iter().map(|(_, v)| *v).collect();
        if self.is_listing() {
            parts.push("*");
        }
        parts.join("/")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn labels_join_ids_with_slashes() {
        let t = Target::ClarifeyeRun {
            project_id: "proj".into(),
            pipeline_run_id: "run".into(),
        };
        assert_eq!(t.label(), "proj/run");
        assert_eq!(t.service(), "clarifeye.run");
        assert_eq!(t.vendor(), Vendor::Clarifeye);
        let all = Target::ClarifeyeRuns {
            project_id: "proj".into(),
        };
        assert_eq!(all.label(), "proj/*");
        assert_eq!(all.service(), "clarifeye.run");
        let jobs = Target::BatchJobs {
            organization_id: None,
            project_id: Some("p1".into()),
        };
        assert_eq!(jobs.label(), "p1/*");
        assert_eq!(jobs.to_json().to_string(), r#"{"project_id":"p1"}"#);
    }
}
