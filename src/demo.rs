//! `pipewatch demo`: the simulator on 127.0.0.1 and a watch of demo jobs of
//! every service on it, with the real display. `--serve` keeps the
//! simulator up for users to point their own scripts at.

use std::net::SocketAddr;
use std::time::Duration;

use url::Url;

use crate::options::{Ci, Mode, RunOptions};
use crate::render::Palette;
use crate::report::print_stdout;
use crate::run::run_status;
use crate::secret::Secret;
use crate::settings::{SettingsError, Source, VendorSettings};
use crate::sim::Server;
use crate::status::ExitCode;
use crate::target::{Collection, JobKind, Subject, Target, Vendor};

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
    for (title, vendor, subject) in jobs() {
        eprintln!("\n{}", heading.bold(&format!("==> {title}")));
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
        // Outcomes are the demo's content, not its result; Ctrl-C is.
        if run_status(&options, settings, subject).await? == ExitCode::Interrupted {
            return Ok(ExitCode::Interrupted);
        }
    }
    server.shutdown();
    Ok(ExitCode::Success)
}

/// The demo jobs: every service, progress bars, steps, a partial success,
/// and a collection of 40 files watched as one. Their IDs use the
/// simulator's grammar (see README.md).
fn jobs() -> Vec<(&'static str, Vendor, Subject)> {
    let s = String::from;
    let one = |target| Subject::Targets(vec![target]);
    vec![
        (
            "LlamaCloud pipeline: pipewatch llama pipeline status",
            Vendor::Llama,
            one(Target::LlamaPipeline {
                pipeline_id: s("docs-ok-2s"),
                full_details: false,
            }),
        ),
        (
            "LlamaCloud files, all of a pipeline's: pipewatch llama file status --pipeline docs --all",
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
            "LlamaCloud batch: pipewatch batch status",
            Vendor::Llama,
            one(Target::Batch {
                job_id: s("nightly-ok-2s-items40"),
                organization_id: None,
                project_id: None,
            }),
        ),
        (
            "LlamaCloud parse jobs: pipewatch llama parse status",
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
            "Clarifeye run: pipewatch clarifeye run --project demo",
            Vendor::Clarifeye,
            one(Target::ClarifeyeRun {
                project_id: s("demo"),
                pipeline_run_id: s("ingest-partial-2s"),
            }),
        ),
        (
            "Feldera token: pipewatch feldera token orders",
            Vendor::Feldera,
            one(Target::FelderaToken {
                pipeline_name: s("orders"),
                token: s("tok-ok-1s"),
            }),
        ),
        (
            "Feldera connector: pipewatch feldera token orders --connector ORDERS.kafka",
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
    let _ = tokio::signal::ctrl_c().await;
    server.shutdown();
    Ok(ExitCode::Interrupted)
}
