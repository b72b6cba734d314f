//! `pipewatch demo`: the simulator on 127.0.0.1 and a watch of demo jobs of
//! every service on it, with the real display. `--serve` keeps the
//! simulator up for users to point their own scripts at.

use std::net::SocketAddr;
use std::time::Duration;

use url::Url;

use crate::app::run::run_status;
use crate::engine::options::{Ci, Mode, RunOptions};
use crate::engine::report::print_stdout;
use crate::model::ExitCode;
use crate::model::{Collection, JobKind, Subject, Target, Vendor};
use crate::render::Palette;
use crate::settings::{SettingsError, Source, VendorSettings};
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
    for (title, args, vendor, subject) in jobs() {
        let mut words: Vec<&str> = vec!["pipewatch"];
        words.extend(args);
        words.extend(["--watch", "--interval", "400ms", "--timeout", "12s"]);
        words.extend(["--allow-partial"]);
        if look.json {
            words.push("--json");
        }
        // The exact command that runs next: a user copies it (after
        // `pipewatch demo --serve`'s exports) and sees the same.
        eprintln!("\n{}", heading.dim(&format!("# {title}")));
        for line in command_lines(&words, width) {
            eprintln!("{}", heading.bold(&line));
        }
        let settings = VendorSettings {
            vendor,
            base_url: base.clone(),
            base_url_source: Source::Default,
            stripped_prefix: None,
            api_key: Some(Secret::new(DEMO_KEY.to_owned())),
            api_key_source: None,
            api_key_cmd: None,
            allow_http: false,
            ca_cert: None,
            organization_id: None,
            project_id: None,
            tenant: None,
        };
        // Outcomes are the demo's content, not its result; a signal or a
        // closed stdout is.
        let code = run_status(&options, settings, subject).await?;
        if matches!(
            code,
            ExitCode::Interrupted
                | ExitCode::Terminated
                | ExitCode::HungUp
                | ExitCode::StdoutClosed
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

/// The demo jobs: every service, progress bars, steps, a partial success,
/// and a collection of 40 files watched as one: a title, the command's
/// arguments, and what they resolve to. Their IDs use the simulator's
/// grammar (see README.md).
type Job = (&'static str, &'static [&'static str], Vendor, Subject);

fn jobs() -> Vec<Job> {
    let s = String::from;
    let one = |target| Subject::Targets(vec![target]);
    vec![
        (
            "LlamaCloud pipeline",
            &["llama", "pipeline", "status", "docs-ok-2s"],
            Vendor::Llama,
            one(Target::LlamaPipeline {
                pipeline_id: s("docs-ok-2s"),
                full_details: false,
            }),
        ),
        (
            "LlamaCloud files, all of a pipeline's, as one collection",
            &[
                "llama",
                "file",
                "status",
                "--pipeline",
                "docs-items40-partial-2s",
                "--all",
            ],
            Vendor::Llama,
            Subject::Collection(Collection {
                listing: Target::LlamaFiles {
                    pipeline_id: s("docs-items40-partial-2s"),
                },
                statuses: Vec::new(),
                name_contains: None,
                job_type: None,
            }),
        ),
        (
            "LlamaCloud batch job",
            &["batch", "status", "nightly-ok-2s-items40"],
            Vendor::Llama,
            one(Target::Batch {
                job_id: s("nightly-ok-2s-items40"),
                organization_id: None,
                project_id: None,
            }),
        ),
        (
            "LlamaCloud parse jobs, asked together through the listing",
            &[
                "llama",
                "parse",
                "status",
                "pjb-invoices-ok-2s",
                "pjb-scans-failed-1s",
            ],
            Vendor::Llama,
            Subject::Targets(vec![
                Target::LlamaJob {
                    kind: JobKind::Parse,
                    job_id: s("pjb-invoices-ok-2s"),
                    organization_id: None,
                    project_id: None,
                },
                Target::LlamaJob {
                    kind: JobKind::Parse,
                    job_id: s("pjb-scans-failed-1s"),
                    organization_id: None,
                    project_id: None,
                },
            ]),
        ),
        (
            "Clarifeye run, with its steps",
            &["clarifeye", "run", "--project", "demo", "ingest-partial-2s"],
            Vendor::Clarifeye,
            one(Target::ClarifeyeRun {
                project_id: s("demo"),
                pipeline_run_id: s("ingest-partial-2s"),
            }),
        ),
        (
            "Feldera completion token",
            &["feldera", "token", "orders", "tok-ok-1s"],
            Vendor::Feldera,
            one(Target::FelderaToken {
                pipeline_name: s("orders"),
                token: s("tok-ok-1s"),
            }),
        ),
        (
            "Feldera input connector: its completion token, then watched",
            &[
                "feldera",
                "token",
                "orders",
                "--connector",
                "ORDERS.kafka-ok-1s",
            ],
            Vendor::Feldera,
            one(Target::FelderaConnector {
                pipeline_name: s("orders"),
                table_name: s("ORDERS"),
                connector_name: s("kafka-ok-1s"),
                token: String::new(),
            }),
        ),
    ]
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
        "pipewatch simulator listening on {base}; job IDs behave as README.md describes. Ctrl-C stops it."
    );
    let stopped = crate::engine::signals::stop().await;
    server.shutdown();
    Ok(stopped.exit_code())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser as _;

    /// Each header is a command pipewatch accepts, naming the same IDs
    /// the demo watches.
    #[test]
    fn headers_are_the_commands_that_run() {
        for (title, args, _, subject) in jobs() {
            let mut words = vec!["pipewatch"];
            words.extend(args);
            words.extend(["--watch", "--interval", "400ms", "--timeout", "12s"]);
            if let Err(e) = crate::cli::Cli::try_parse_from(&words) {
                panic!("{title}: {e}");
            }
            let label = match &subject {
                Subject::Targets(targets) => targets[0].label(),
                Subject::Collection(c) => c.listing.label(),
            };
            for id in label.split('/').filter(|id| *id != "*") {
                assert!(args.contains(&id), "{title}: {id} not in {args:?}");
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
