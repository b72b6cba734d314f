//! `pipewatch demo`: the simulator on 127.0.0.1 and a watch of demo jobs of
//! every service on it, with the real display: each API's sections
//! (`Api::demo`), in the order of the list of APIs, each its command
//! line parsed as the user's would be. `--serve` keeps the simulator up
//! for users to point their own scripts at.

use std::net::SocketAddr;
use std::time::Duration;

use url::Url;

use crate::app::run::run_status;
use crate::cli::{Cli, Command};
use crate::engine::options::{Ci, Mode, RunOptions};
use crate::engine::report::print_stdout;
use crate::model::{ExitCode, Subject};
use crate::render::Palette;
use crate::services::{APIS, Api, Demo};
use crate::settings::{SettingsError, VendorSettings};
use crate::sim::Server;
use crate::util::secret::Secret;

/// The key the demo sends; the simulator accepts any non-empty one.
const DEMO_KEY: &str = "demo-key";

/// How the demo shows itself, as resolved from the command line.
#[derive(Clone, Copy, Debug)]
pub struct Look {
    /// `--json`: envelopes instead of tables.
    pub json: bool,
    pub verbose: bool,
    pub stdout: Palette,
    pub stdout_width: Option<usize>,
    pub stderr: Palette,
    /// stderr is a terminal that can redraw.
    pub live: bool,
}

pub async fn run(serve: bool, addr: SocketAddr, look: Look) -> anyhow::Result<ExitCode> {
    if serve {
        return serve_forever(addr).await;
    }
    let server = Server::start(SocketAddr::from(([127, 0, 0, 1], 0)))
        .await
        .map_err(|e| SettingsError(format!("cannot start the simulator: {e}")))?;
    let base = Url::parse(&server.base_url())?;
    let options = RunOptions {
        mode: if look.json { Mode::Json } else { Mode::Table },
        watch: true,
        events: false,
        wait_for_creation: false,
        interval: Duration::from_millis(400),
        timeout: Some(Duration::from_secs(12)),
        allow_partial: true,
        request_timeout: Duration::from_secs(5),
        retries: 3,
        concurrency: 8,
        verbose: look.verbose,
        show_logs: false,
        items: None,
        stdout: look.stdout,
        stdout_width: look.stdout_width,
        stderr: look.stderr,
        live: look.live,
        ci: Ci::default(),
    };
    let heading = options.stderr;
    // Wrapped to stderr's width on a terminal, with shell continuations.
    let width = look
        .live
        .then(|| console::Term::stderr().size_checked())
        .flatten()
        .map(|(_, cols)| usize::from(cols));
    for (api, section) in sections() {
        let words = command(section, look.json);
        // The exact command that runs next: a user copies it (after
        // `pipewatch demo --serve`'s exports) and sees the same.
        eprintln!("\n{}", heading.dim(&format!("# {}", section.title)));
        for line in command_lines(&words, width) {
            eprintln!("{}", heading.bold(&line));
        }
        let mut settings = VendorSettings::simple(
            api.service().vendor,
            base.clone(),
            Some(Secret::new(DEMO_KEY.to_owned())),
        );
        let subject = subject_of(api, &words, &mut settings)?;
        // Outcomes are the demo's content, not its result; a signal or a
        // closed stdout is.
        let code = run_status(&options, settings, api, subject).await?;
        if matches!(
            code,
            ExitCode::Interrupted
                | ExitCode::Terminated
                | ExitCode::HungUp
                | ExitCode::StdoutClosed
                | ExitCode::WriteFailed
        ) {
            return Ok(code);
        }
    }
    server.shutdown();
    Ok(ExitCode::Success)
}

/// `words` joined by spaces, broken before a word that would pass
/// `width` columns with ` \` and an indented next line, as a shell reads
/// it back; one line when there is no width (not a terminal).
fn command_lines(words: &[&str], width: Option<usize>) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in words {
        let Some(line) = lines.last_mut() else { break };
        if line.is_empty() {
            line.push_str(word);
            continue;
        }
        // Room for ` word` and, should another line follow, ` \`.
        let fits = width.is_none_or(|w| line.len() + 1 + word.len() + 2 <= w);
        if fits {
            line.push(' ');
            line.push_str(word);
        } else {
            line.push_str(" \\");
            lines.push(format!("    {word}"));
        }
    }
    lines
}

/// Every API's demo sections, in the order of the list of APIs: every
/// service, progress bars, steps, a partial success, and a collection of
/// 40 files watched as one. Their IDs use the simulator's grammar (see
/// docs/simulator.md).
fn sections() -> impl Iterator<Item = (&'static dyn Api, &'static Demo)> {
    APIS.iter()
        .flat_map(|api| api.demo().iter().map(move |section| (*api, section)))
}

/// The words of a section's command line, as it runs.
fn command(section: &Demo, json: bool) -> Vec<&'static str> {
    let mut words: Vec<&str> = vec!["pipewatch"];
    words.extend(section.args);
    words.extend(["--watch", "--interval", "400ms", "--timeout", "12s"]);
    words.push("--allow-partial");
    if json {
        words.push("--json");
    }
    words
}

/// What a section's command line asks, read as the command line reads it.
fn subject_of(
    api: &'static dyn Api,
    words: &[&str],
    settings: &mut VendorSettings,
) -> Result<Subject, SettingsError> {
    let cli = Cli::try_parse_checked(words)
        .map_err(|e| SettingsError(format!("the demo's command does not parse: {e}")))?;
    let Command::Status(status) = cli.command else {
        return Err(SettingsError(format!(
            "the demo's `{}` is not a status command",
            words.join(" ")
        )));
    };
    if status.api.service().name != api.service().name {
        return Err(SettingsError(format!(
            "the demo's `{}` is not a command of {}",
            words.join(" "),
            api.service().name
        )));
    }
    crate::services::scope_from(api, &status.given, settings);
    crate::services::ask(api, &status.given, settings)
        .map(|ask| ask.subject)
        .map_err(|refusal| SettingsError(format!("the demo's command: {refusal:?}")))
}

async fn serve_forever(addr: SocketAddr) -> anyhow::Result<ExitCode> {
    let server = Server::start(addr)
        .await
        .map_err(|e| SettingsError(format!("cannot listen on {addr}: {e}")))?;
    let base = server.base_url();
    print_stdout(&format!(
        "export LLAMA_CLOUD_BASE_URL={base}\n\
         export LLAMA_CLOUD_API_KEY={DEMO_KEY}\n\
         export CLARIFEYE_BASE_URL={base}\n\
         export CLARIFEYE_API_KEY={DEMO_KEY}\n\
         export FELDERA_HOST={base}\n"
    ))?;
    eprintln!(
        "pipewatch simulator listening on {base}; job IDs behave as docs/simulator.md describes. Ctrl-C stops it."
    );
    let stopped = crate::engine::signals::stop().await;
    server.shutdown();
    Ok(stopped.exit_code())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each header is a command pipewatch accepts, of its own API, naming
    /// the IDs the demo watches.
    #[test]
    fn headers_are_the_commands_that_run() {
        let base = Url::parse("http://127.0.0.1:1").unwrap();
        for (api, section) in sections() {
            let mut settings = VendorSettings::simple(api.service().vendor, base.clone(), None);
            let words = command(section, false);
            let subject = subject_of(api, &words, &mut settings)
                .unwrap_or_else(|e| panic!("{}: {e}", section.title));
            for target in subject.named() {
                let label = target.label();
                for id in label.split(['/', '.']).filter(|id| *id != "*") {
                    assert!(
                        words.iter().any(|w| w.contains(id)),
                        "{}: {id} not in {words:?}",
                        section.title
                    );
                }
            }
        }
    }

    #[test]
    fn long_commands_wrap_as_a_shell_reads_them() {
        let words = [
            "pipewatch",
            "llama",
            "file",
            "status",
            "--pipeline",
            "p",
            "--all",
        ];
        assert_eq!(
            command_lines(&words, None),
            ["pipewatch llama file status --pipeline p --all"]
        );
        let lines = command_lines(&words, Some(30));
        assert_eq!(
            lines,
            ["pipewatch llama file status \\", "    --pipeline p --all"]
        );
        assert!(lines.iter().all(|l| l.len() <= 30));
    }
}
