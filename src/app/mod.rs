//! From parsed arguments to an exit code: the top of the one-way flow.
//! Here clap's types end: flags, environment and config are resolved into
//! plain settings and options, and handed to the command that runs.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::time::Duration;

use clap::CommandFactory;

mod command_line;
pub mod demo;
pub mod run;
mod subject;

use crate::app::run::run_status;
use crate::cli::{
    Cli, Command, ConfigCommand, ConnectionArgs, GlobalArgs, RequestArgs, StatusArgs, StatusCommand,
};
use crate::engine::options::{Ci, MetricsFile, Mode, RunOptions, Summary};
use crate::engine::report::print_stdout;
use crate::model::ExitCode;
use crate::model::Subject;
use crate::render::{Palette, stderr_can_redraw, stdout_width};
use crate::settings::{Config, SettingsError, Source, VendorSettings};
use crate::util::duration::DEFAULT_INTERVAL;
use crate::util::env::{Env, process_env};

const DEFAULT_REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// Resolve the options of a status run: flags, then the config's
/// `[watch]` table, then the defaults; colours and the live display from
/// the flags, the environment and the terminal.
fn resolve_options(
    global: &GlobalArgs,
    status: &StatusArgs,
    config: &Config,
    env: Env<'_>,
    ci: Ci,
) -> Result<RunOptions, SettingsError> {
    let mode = if status.quiet {
        Mode::Quiet
    } else if status.json || status.events {
        Mode::Json
    } else {
        Mode::Table
    };
    let interval = match status.interval {
        Some(interval) => interval,
        None => config
            .watch_interval()?
            .map_or(DEFAULT_INTERVAL, |(interval, _)| interval),
    };
    // `--timeout none` overrides a limit in the config file.
    let timeout = match status.timeout {
        Some(timeout) => timeout.0,
        None => config.watch_timeout()?.and_then(|(timeout, _)| timeout.0),
    };
    Ok(RunOptions {
        mode,
        watch: status.watch,
        events: status.events,
        interval,
        timeout,
        allow_partial: status.allow_partial,
        request_timeout: status
            .requests
            .request_timeout
            .unwrap_or(DEFAULT_REQUEST_TIMEOUT),
        retries: status.requests.retries,
        concurrency: status.requests.concurrency as usize,
        verbose: global.verbose,
        show_logs: false,
        items: None,
        stdout: Palette::for_stdout(global.color.forced(), env),
        stderr: Palette::for_stderr(global.color.forced(), env),
        stdout_width: stdout_width(),
        live: stderr_can_redraw(env),
        ci,
    })
}

/// The CI reports a status run makes, from `--summary`, `GITHUB_ACTIONS`
/// and the command line. Nothing here can fail, so that a run stopped by
/// a config error still gets its summary. An empty `--summary` (the
/// variable of `--summary "$GITHUB_STEP_SUMMARY"` unset, as outside GitHub
/// Actions) asks for none, as an empty variable counts as unset elsewhere.
fn resolve_ci(status: &StatusArgs, env: Env<'_>, args: impl IntoIterator<Item = OsString>) -> Ci {
    Ci {
        // The command line is quoted and masked only for a summary.
        summary: status
            .summary
            .as_ref()
            .filter(|path| !path.is_empty())
            .map(|path| Summary {
                path: PathBuf::from(path),
                command: command_line::shown(args),
            }),
        metrics_file: status.metrics_file.as_ref().map(|path| MetricsFile {
            path: path.clone(),
            started: std::time::Instant::now(),
        }),
        // GitHub sets exactly `true`; anything else is another CI, or none.
        github_actions: env("GITHUB_ACTIONS").as_deref() == Some("true"),
    }
}

/// Run the parsed command line.
pub async fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let env: Env<'_> = &process_env;
    let global = &cli.global;
    let status_options = &cli.options;
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
        Command::Config(ConfigCommand::Show { connection }) => {
            let config = load()?;
            let flags = subject::connection_flags(connection);
            let profile_source = if global.profile.is_some() {
                Source::Flag("--profile")
            } else if env("PIPEWATCH_PROFILE").is_some() {
                Source::Env("PIPEWATCH_PROFILE")
            } else if config.profile_from_file() {
                Source::Config(config.path.display().to_string())
            } else {
                Source::Default
            };
            let shown = crate::settings::show::render(
                &config,
                &crate::services::vendors(),
                &flags,
                env,
                profile_source,
            )?;
            print_stdout(&shown)?;
            Ok(ExitCode::Success)
        }
        Command::Demo { serve, addr, json } => {
            let look = crate::app::demo::Look {
                json: *json,
                verbose: global.verbose,
                stdout: Palette::for_stdout(global.color.forced(), env),
                stdout_width: stdout_width(),
                stderr: Palette::for_stderr(global.color.forced(), env),
                live: stderr_can_redraw(env),
            };
            crate::app::demo::run(*serve, *addr, look).await
        }
        Command::Exporter {
            addr,
            connection,
            requests,
        } => {
            let setup = exporter_setup(global, connection, requests, &load()?)?;
            crate::integrations::exporter::serve(*addr, setup).await
        }
        Command::Status(status) => {
            let ci = resolve_ci(status_options, env, std::env::args_os());
            let (options, settings, subject) = prepare(
                status,
                global,
                status_options,
                env,
                config_file.as_deref(),
                profile.as_deref(),
                ci.clone(),
            )
            .map_err(|e| crate::integrations::ci::stopped(&ci, e.into()))?;
            if let Some(prefix) = settings.stripped_prefix {
                eprintln!(
                    "note: the {} base URL from {} ends in the API's own prefix {prefix}; \
                     using {} (pipewatch adds {prefix} to every path)",
                    settings.vendor.display_name(),
                    settings.base_url_source,
                    crate::http::redact_url(&settings.base_url),
                );
            }
            if matches!(&subject, Subject::Targets(targets) if targets.is_empty()) {
                // Only `-` with nothing on stdin gets here: clap wants IDs.
                eprintln!("note: no targets on stdin; nothing to wait for");
                crate::integrations::ci::summarize(&ci, ExitCode::Success, None, &[]);
                crate::integrations::ci::export(&ci, None, &[], None);
                return Ok(ExitCode::Success);
            }
            run_status(&options, settings, status.api, subject).await
        }
    }
}

/// Everything a status command needs before its first request: the
/// options, the vendor's settings and the subject.
fn prepare(
    status: &StatusCommand,
    global: &GlobalArgs,
    status_options: &StatusArgs,
    env: Env<'_>,
    config_file: Option<&Path>,
    profile: Option<&str>,
    ci: Ci,
) -> Result<(RunOptions, VendorSettings, Subject), SettingsError> {
    let config = Config::load(config_file, profile)?;
    let mut options = resolve_options(global, status_options, &config, env, ci)?;
    let (settings, ask) = subject::resolve(
        status.api,
        &status.given,
        &status_options.connection,
        &config,
        env,
    )?;
    options.show_logs = ask.logs;
    options.items = ask.items;
    Ok((options, settings, ask.subject))
}

/// What the exporter takes from its command line and config: the config
/// file read once (each probe may choose a profile of it), and the
/// connection options. `--base-url` is refused: it names one service's
/// URL, and a probe may ask any.
fn exporter_setup(
    global: &GlobalArgs,
    connection: &ConnectionArgs,
    requests: &RequestArgs,
    config: &Config,
) -> Result<crate::integrations::exporter::Setup, SettingsError> {
    if connection.base_url.is_some() {
        return Err(SettingsError(
            "--base-url names one service's URL: give the exporter each service's URL in its \
             environment (LLAMA_CLOUD_BASE_URL, CLARIFEYE_BASE_URL, FELDERA_HOST) or config"
                .to_owned(),
        ));
    }
    let config_text = if config.exists() {
        Some(std::fs::read_to_string(&config.path).map_err(|e| {
            SettingsError(format!(
                "cannot read config file {}: {e}",
                config.path.display()
            ))
        })?)
    } else {
        None
    };
    Ok(crate::integrations::exporter::Setup {
        config_path: config.path.clone(),
        config_text,
        profile: global
            .profile
            .clone()
            .or_else(|| process_env("PIPEWATCH_PROFILE")),
        allow_http: connection.allow_http,
        ca_cert: connection.ca_cert.clone(),
        request_timeout: requests.request_timeout.unwrap_or(DEFAULT_REQUEST_TIMEOUT),
        retries: requests.retries,
        concurrency: requests.concurrency as usize,
        verbose: global.verbose,
    })
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
        let options =
            resolve_options(&cli.global, &cli.options, &config, &|_| None, Ci::default()).unwrap();
        assert_eq!(options.request_timeout, Duration::from_secs(30));
        assert_eq!(options.interval, Duration::from_secs(2));
        assert_eq!(options.timeout, None);
        assert_eq!(options.retries, 3);
        assert_eq!(options.concurrency, 8);
        assert_eq!(options.mode, Mode::Table);
        assert!(!options.watch && !options.allow_partial && !options.verbose);
        assert!(options.ci.summary.is_none() && !options.ci.github_actions);
    }

    /// CONTRACT §11: `GITHUB_ACTIONS` counts only as GitHub sets it, and an
    /// empty `--summary` (an unset `$GITHUB_STEP_SUMMARY`) asks for none.
    #[test]
    fn ci_reports_from_flags_and_environment() {
        let ci = |args: &[&str], value: Option<&'static str>| {
            let cli = Cli::try_parse_from(args).unwrap();
            let env = move |name: &str| (name == "GITHUB_ACTIONS").then_some(value?.to_owned());
            resolve_ci(&cli.options, &env, args.iter().map(OsString::from))
        };
        let token = ["pipewatch", "feldera", "token", "p", "t"];
        assert!(ci(&token, Some("true")).github_actions);
        for value in [None, Some("TRUE"), Some("1"), Some("yes")] {
            assert!(!ci(&token, value).github_actions, "{value:?}");
        }
        let with = |path| [&token[..], &["--summary", path]].concat();
        let given = ci(&with("out.md"), None).summary.unwrap();
        assert_eq!(given.path, PathBuf::from("out.md"));
        assert_eq!(
            given.command,
            "pipewatch feldera token p t --summary out.md"
        );
        assert!(ci(&with(""), None).summary.is_none());
    }
}
