//! From parsed arguments to an exit code: resolve settings, run the
//! command, render. The one place that decides what goes to stdout.

use std::collections::HashSet;
use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context as _;
use clap::CommandFactory;

use crate::cli::{
    BatchCommand, ClarifeyeCommand, Cli, Command, ConfigCommand, FelderaCommand, GlobalArgs,
    LlamaCommand, LlamaFileCommand, LlamaPipelineCommand,
};
use crate::http::{ClientOptions, HttpClient};
use crate::query::{Context, check_all};
use crate::render::{Palette, json, sanitize, table};
use crate::services::{Target, Vendor};
use crate::settings::{Config, Env, SettingsError, VendorFlags, VendorSettings, process_env};
use crate::status::{ExitCode, Snapshot};
use crate::watch::Ended;

const DEFAULT_INTERVAL: Duration = Duration::from_secs(2);
const DEFAULT_REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// How results are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Table,
    Json,
    Quiet,
}

/// Everything a status run needs besides the targets, resolved.
#[derive(Debug)]
pub struct RunOptions {
    pub mode: Mode,
    pub watch: bool,
    pub events: bool,
    pub interval: Duration,
    pub timeout: Option<Duration>,
    pub allow_partial: bool,
    pub request_timeout: Duration,
    pub retries: u32,
    pub concurrency: usize,
    pub verbose: bool,
    pub show_logs: bool,
    pub stdout: Palette,
    pub stderr: Palette,
    /// stderr is a terminal that can redraw: show live bars while watching.
    pub live: bool,
}

impl RunOptions {
    fn resolve(global: &GlobalArgs, config: &Config, env: Env<'_>) -> Result<Self, SettingsError> {
        let mode = if global.quiet {
            Mode::Quiet
        } else if global.json || global.events {
            Mode::Json
        } else {
            Mode::Table
        };
        let interval = match global.interval {
            Some(interval) => interval,
            None => config.watch_interval()?.unwrap_or(DEFAULT_INTERVAL),
        };
        let timeout = match global.timeout {
            Some(timeout) => Some(timeout),
            None => config.watch_timeout()?,
        };
        Ok(RunOptions {
            mode,
            watch: global.watch,
            events: global.events,
            interval,
            timeout,
            allow_partial: global.allow_partial,
            request_timeout: global.request_timeout.unwrap_or(DEFAULT_REQUEST_TIMEOUT),
            retries: global.retries,
            concurrency: global.concurrency as usize,
            verbose: global.verbose,
            show_logs: false,
            stdout: Palette::for_stdout(global.color, env),
            stderr: Palette::for_stderr(global.color, env),
            live: crate::render::stderr_can_redraw(env),
        })
    }
}

/// Run the parsed command line.
pub async fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let env: Env<'_> = &process_env;
    let global = &cli.global;
    // Flag, then environment; an empty variable counts as unset.
    let config_file = global
        .config
        .clone()
        .or_else(|| env("PIPEWATCH_CONFIG").map(PathBuf::from));
    let profile = global.profile.clone().or_else(|| env("PIPEWATCH_PROFILE"));
    let load = || Config::load(config_file.as_deref(), profile.as_deref());
    match &cli.command {
        Command::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(*shell, &mut Cli::command(), "pipewatch", &mut out);
            print_stdout(&String::from_utf8_lossy(&out))?;
            Ok(ExitCode::Success)
        }
        Command::Config(ConfigCommand::Path) => {
            let path = crate::settings::config_path(config_file.as_deref())?;
            print_stdout(&format!("{}\n", path.display()))?;
            Ok(ExitCode::Success)
        }
        Command::Config(ConfigCommand::Show) => {
            let config = load()?;
            print_stdout(&crate::config_show::render(&config, global, env)?)?;
            Ok(ExitCode::Success)
        }
        Command::Demo { serve, addr } => crate::demo::run(*serve, *addr, global).await,
        status => {
            let config = load()?;
            let mut options = RunOptions::resolve(global, &config, env)?;
            let (vendor, flags) = vendor_flags(status, global);
            let settings = config.resolve(vendor, &flags, env, true)?;
            let targets = targets(status, &settings, &config)?;
            if let Command::Clarifeye(ClarifeyeCommand::Run { logs, .. }) = status {
                options.show_logs = *logs;
            }
            run_status(&options, settings, targets).await
        }
    }
}

/// The connection flags every service shares.
pub(crate) fn connection_flags(global: &GlobalArgs) -> VendorFlags<'_> {
    VendorFlags {
        base_url: global.base_url.as_deref(),
        allow_http: global.allow_http,
        ca_cert: global.ca_cert.as_deref(),
        ..VendorFlags::default()
    }
}

/// Which vendor a status command talks to, and what its flags say.
fn vendor_flags<'a>(command: &'a Command, global: &'a GlobalArgs) -> (Vendor, VendorFlags<'a>) {
    let mut flags = connection_flags(global);
    let vendor = match command {
        Command::Batch(BatchCommand::Status {
            organization_id,
            project_id,
            ..
        }) => {
            flags.organization_id = organization_id.as_deref();
            flags.project_id = project_id.as_deref();
            Vendor::Llama
        }
        Command::Clarifeye(ClarifeyeCommand::Run { project, .. }) => {
            flags.project_id = project.as_deref();
            Vendor::Clarifeye
        }
        Command::Feldera(_) => Vendor::Feldera,
        _ => Vendor::Llama,
    };
    (vendor, flags)
}

/// The targets of a status command, in argument order.
fn targets(
    command: &Command,
    settings: &VendorSettings,
    config: &Config,
) -> Result<Vec<Target>, SettingsError> {
    Ok(match command {
        Command::Llama(LlamaCommand::Pipeline(LlamaPipelineCommand::Status {
            pipeline_ids,
            full_details,
        })) => pipeline_ids
            .iter()
            .map(|id| Target::LlamaPipeline {
                pipeline_id: id.clone(),
                full_details: *full_details,
            })
            .collect(),
        Command::Llama(LlamaCommand::File(LlamaFileCommand::Status { pipeline, file_ids })) => {
            file_ids
                .iter()
                .map(|id| Target::LlamaFile {
                    pipeline_id: pipeline.clone(),
                    file_id: id.clone(),
                })
                .collect()
        }
        Command::Batch(BatchCommand::Status { job_ids, .. }) => job_ids
            .iter()
            .map(|id| Target::Batch {
                job_id: id.clone(),
                organization_id: settings.organization_id.clone(),
                project_id: settings.project_id.clone(),
            })
            .collect(),
        Command::Clarifeye(ClarifeyeCommand::Run { run_ids, .. }) => {
            let Some(project) = settings.project_id.clone() else {
                return Err(SettingsError(format!(
                    "no Clarifeye project: pass --project PROJECT_ID, or set project_id in \
                     [profiles.{}.clarifeye] of {}",
                    config.profile_name(),
                    config.path.display()
                )));
            };
            run_ids
                .iter()
                .map(|id| Target::ClarifeyeRun {
                    project_id: project.clone(),
                    pipeline_run_id: id.clone(),
                })
                .collect()
        }
        Command::Feldera(FelderaCommand::Token {
            pipeline_name,
            tokens,
        }) => tokens
            .iter()
            .map(|token| Target::FelderaToken {
                pipeline_name: pipeline_name.clone(),
                token: token.clone(),
            })
            .collect(),
        _ => Vec::new(),
    })
    .and_then(|targets: Vec<Target>| {
        for target in &targets {
            target.check_path_params().map_err(SettingsError)?;
        }
        Ok(targets)
    })
}

/// Query (or watch) the targets, print the results, and say the exit code.
pub async fn run_status(
    options: &RunOptions,
    settings: VendorSettings,
    targets: Vec<Target>,
) -> anyhow::Result<ExitCode> {
    let client = HttpClient::new(&ClientOptions {
        request_timeout: options.request_timeout,
        retries: options.retries,
        verbose: options.verbose,
        ca_cert: settings.ca_cert.as_deref(),
    })
    .map_err(|e| SettingsError(format!("{e:#}")))?;
    let ctx = Context::new(client, settings, options.concurrency);

    let ended = if options.watch {
        crate::watch::watch(&ctx, &targets, options).await?
    } else {
        let mut results = vec![None; targets.len()];
        let interrupted = tokio::select! {
            () = check_all(&ctx, &targets, &mut results) => false,
            _ = tokio::signal::ctrl_c() => true,
        };
        let snapshots = Snapshot::last_known(results, &targets);
        warn_unknown(&snapshots, &mut HashSet::new());
        Ended {
            snapshots,
            interrupted,
            timed_out: false,
        }
    };

    report(options, &ended.snapshots)?;
    let code = if ended.interrupted {
        ExitCode::Interrupted
    } else {
        ExitCode::combine(
            ended
                .snapshots
                .iter()
                .map(|s| s.exit_code(options.allow_partial, ended.timed_out)),
        )
    };
    Ok(code)
}

/// Print the final results: table, JSON lines or nothing; target errors go
/// to stderr too when stdout is not a table a person reads.
pub fn report(options: &RunOptions, snapshots: &[Snapshot]) -> anyhow::Result<()> {
    if options.mode != Mode::Table {
        for s in snapshots {
            if let Some(e) = &s.error {
                eprintln!(
                    "{} {} {}: {}",
                    options.stderr.error("error:"),
                    s.target.service(),
                    sanitize(&s.target.label()),
                    sanitize(&e.message)
                );
            }
        }
    }
    match options.mode {
        Mode::Quiet => Ok(()),
        // With --events every envelope, the final ones included, has
        // already been printed as it happened.
        Mode::Json if options.events => Ok(()),
        Mode::Json => {
            let mut out = String::new();
            for s in snapshots {
                out.push_str(&json::line(s));
                out.push('\n');
            }
            print_stdout(&out)
        }
        Mode::Table => print_stdout(&table::report(snapshots, options.show_logs, options.stdout)),
    }
}

/// Warn once per service and status about a status value we do not know.
pub fn warn_unknown(snapshots: &[Snapshot], seen: &mut HashSet<(&'static str, String)>) {
    for s in snapshots {
        if s.error.is_some() || s.state != crate::status::State::Unknown {
            continue;
        }
        let Some(status) = &s.status else { continue };
        if seen.insert((s.target.service(), status.clone())) {
            eprintln!(
                "warning: {} {}: unknown status `{}`; treating it as not finished",
                s.target.service(),
                sanitize(&s.target.label()),
                sanitize(status)
            );
        }
    }
}

/// Write to stdout; a closed pipe (`| head`) is not an error worth a word.
pub fn print_stdout(text: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("cannot write to stdout"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    /// CONTRACT §1 and §2: the defaults when no flag, variable or config says otherwise.
    #[test]
    fn documented_defaults() {
        let cli = Cli::try_parse_from(["pipewatch", "feldera", "token", "p", "t"]).unwrap();
        let config = Config::from_text(PathBuf::from("/none/config.toml"), None, None).unwrap();
        let options = RunOptions::resolve(&cli.global, &config, &|_| None).unwrap();
        assert_eq!(options.request_timeout, Duration::from_secs(30));
        assert_eq!(options.interval, Duration::from_secs(2));
        assert_eq!(options.timeout, None);
        assert_eq!(options.retries, 3);
        assert_eq!(options.concurrency, 8);
        assert_eq!(options.mode, Mode::Table);
        assert!(!options.watch && !options.allow_partial && !options.verbose);
    }
}
