//! What a status command asks about: the targets its arguments (or stdin)
//! name, or the collection `--all` lists.

use std::io::{BufRead, IsTerminal};

use crate::cli::{
    BatchCommand, ClarifeyeCommand, Command, FelderaCommand, LlamaCommand, LlamaFileCommand,
    LlamaJobCommand, LlamaPipelineCommand,
};
use crate::model::{Collection, JobKind, Subject, Target};
use crate::services::jobs;
use crate::settings::{Config, SettingsError, VendorSettings};

/// The subject of a status command: its targets in argument order (`-`
/// replaced by the lines of stdin), or its collection.
pub fn of(
    command: &Command,
    settings: &VendorSettings,
    config: &Config,
) -> Result<Subject, SettingsError> {
    let subject = match command {
        Command::Llama(LlamaCommand::Pipeline(LlamaPipelineCommand::Status {
            pipeline_ids,
            full_details,
            ..
        })) => Subject::Targets(
            with_stdin(pipeline_ids)?
                .into_iter()
                .map(|pipeline_id| Target::LlamaPipeline {
                    pipeline_id,
                    full_details: *full_details,
                })
                .collect(),
        ),
        Command::Llama(LlamaCommand::File(LlamaFileCommand::Status {
            pipeline,
            file_ids,
            all,
            status,
            name_contains,
            ..
        })) => {
            if *all {
                Subject::Collection(Collection {
                    listing: Target::LlamaFiles {
                        pipeline_id: pipeline.clone(),
                    },
                    statuses: status.clone(),
                    name_contains: name_contains.clone(),
                    job_type: None,
                })
            } else {
                Subject::Targets(
                    with_stdin(file_ids)?
                        .into_iter()
                        .map(|file_id| Target::LlamaFile {
                            pipeline_id: pipeline.clone(),
                            file_id,
                        })
                        .collect(),
                )
            }
        }
        Command::Batch(BatchCommand::Status {
            job_ids,
            all,
            status,
            job_type,
            ..
        }) => {
            let (organization_id, project_id) = (
                settings.organization_id.clone(),
                settings.project_id.clone(),
            );
            if *all {
                Subject::Collection(Collection {
                    listing: Target::BatchJobs {
                        organization_id,
                        project_id,
                    },
                    statuses: status.iter().cloned().collect(),
                    name_contains: None,
                    job_type: job_type.clone(),
                })
            } else {
                Subject::Targets(
                    with_stdin(job_ids)?
                        .into_iter()
                        .map(|job_id| Target::Batch {
                            job_id,
                            organization_id: organization_id.clone(),
                            project_id: project_id.clone(),
                        })
                        .collect(),
                )
            }
        }
        Command::Clarifeye(ClarifeyeCommand::Run {
            run_ids,
            all,
            status,
            ..
        }) => {
            let Some(project_id) = settings.project_id.clone() else {
                return Err(SettingsError(format!(
                    "no Clarifeye project: pass --project PROJECT_ID, or set project_id in \
                     [profiles.{}.clarifeye] of {}",
                    config.profile_name(),
                    config.path.display()
                )));
            };
            if *all {
                Subject::Collection(Collection {
                    listing: Target::ClarifeyeRuns { project_id },
                    statuses: status.clone(),
                    name_contains: None,
                    job_type: None,
                })
            } else {
                Subject::Targets(
                    with_stdin(run_ids)?
                        .into_iter()
                        .map(|pipeline_run_id| Target::ClarifeyeRun {
                            project_id: project_id.clone(),
                            pipeline_run_id,
                        })
                        .collect(),
                )
            }
        }
        Command::Llama(LlamaCommand::Parse(job)) => v2_jobs(JobKind::Parse, job, settings)?,
        Command::Llama(LlamaCommand::Extract(job)) => v2_jobs(JobKind::Extract, job, settings)?,
        Command::Llama(LlamaCommand::Classify(job)) => v2_jobs(JobKind::Classify, job, settings)?,
        Command::Feldera(FelderaCommand::Token {
            pipeline_name,
            connectors,
            ..
        }) if !connectors.is_empty() => Subject::Targets(
            connectors
                .iter()
                .map(|(table_name, connector_name)| Target::FelderaConnector {
                    pipeline_name: pipeline_name.clone(),
                    table_name: table_name.clone(),
                    connector_name: connector_name.clone(),
                    token: String::new(),
                })
                .collect(),
        ),
        Command::Feldera(FelderaCommand::Token {
            pipeline_name,
            tokens,
            ..
        }) => Subject::Targets(
            with_stdin(tokens)?
                .into_iter()
                .map(|token| Target::FelderaToken {
                    pipeline_name: pipeline_name.clone(),
                    token,
                })
                .collect(),
        ),
        _ => Subject::Targets(Vec::new()),
    };
    let named: Vec<&Target> = match &subject {
        Subject::Targets(targets) => targets.iter().collect(),
        Subject::Collection(collection) => vec![&collection.listing],
    };
    for target in named {
        target.check_path_params().map_err(SettingsError)?;
    }
    Ok(subject)
}

/// The subject of `llama parse|extract|classify status`: its jobs, or with
/// `--all` its listing, `--status` checked against the kind's enum.
fn v2_jobs(
    kind: JobKind,
    command: &LlamaJobCommand,
    settings: &VendorSettings,
) -> Result<Subject, SettingsError> {
    let LlamaJobCommand::Status {
        job_ids,
        all,
        status,
        since,
        ..
    } = command;
    let (organization_id, project_id) = (
        settings.organization_id.clone(),
        settings.project_id.clone(),
    );
    if !*all {
        return Ok(Subject::Targets(
            with_stdin(job_ids)?
                .into_iter()
                .map(|job_id| Target::LlamaJob {
                    kind,
                    job_id,
                    organization_id: organization_id.clone(),
                    project_id: project_id.clone(),
                })
                .collect(),
        ));
    }
    let statuses = jobs::check_statuses(kind, status).map_err(SettingsError)?;
    Ok(Subject::Collection(Collection {
        listing: Target::LlamaJobs {
            kind,
            organization_id,
            project_id,
            since: since.clone(),
        },
        statuses,
        name_contains: None,
        job_type: None,
    }))
}

/// The IDs given, with `-` replaced by the IDs on stdin (once, however
/// many `-` there are).
fn with_stdin(ids: &[String]) -> Result<Vec<String>, SettingsError> {
    if !ids.iter().any(|id| id == "-") {
        return Ok(ids.to_vec());
    }
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        return Err(SettingsError(
            "`-` reads targets from stdin, but stdin is a terminal; pipe them in, one per line \
             (e.g. `cut -f1 ids.tsv | pipewatch ... -`)"
                .to_owned(),
        ));
    }
    let read = read_ids(stdin.lock())?;
    let mut out = Vec::with_capacity(ids.len() + read.len());
    let mut read = Some(read);
    for id in ids {
        if id == "-" {
            out.extend(read.take().unwrap_or_default());
        } else {
            out.push(id.clone());
        }
    }
    Ok(out)
}

/// IDs one per line: blanks around them trimmed, empty lines and `#`
/// comments skipped, each ID once, in order. A UTF-8 byte-order mark
/// (PowerShell puts one before piped text) is dropped, and a CR ends a
/// line as LF does (CRLF from Windows, a lone CR from old Mac files).
fn read_ids(mut input: impl BufRead) -> Result<Vec<String>, SettingsError> {
    let mut text = String::new();
    input
        .read_to_string(&mut text)
        .map_err(|e| SettingsError(format!("cannot read targets from stdin: {e}")))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut seen = std::collections::HashSet::new();
    let mut ids = Vec::new();
    for line in text.split(['\n', '\r']) {
        let id = line.trim();
        if id.is_empty() || id.starts_with('#') {
            continue;
        }
        if seen.insert(id.to_owned()) {
            ids.push(id.to_owned());
        }
    }
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_on_stdin() {
        let input = "  a \n\n# a comment\nb\r\na\n\t#x\nc d\n";
        assert_eq!(read_ids(input.as_bytes()).unwrap(), ["a", "b", "c d"]);
        assert!(read_ids(&b"\xff\n"[..]).is_err());
        assert!(read_ids(&b""[..]).unwrap().is_empty());
        // PowerShell's byte-order mark, CRLF and lone CR line ends.
        let bom = "\u{feff}job-1\r\njob-2\rjob-3\n";
        assert_eq!(
            read_ids(bom.as_bytes()).unwrap(),
            ["job-1", "job-2", "job-3"]
        );
    }
}
