//! `pipewatch exporter` (CONTRACT §15): an HTTP server for Prometheus, in
//! the style of blackbox_exporter. `GET /probe?service=...&...` makes the
//! requests one poll of the same status command makes and answers with
//! its series; `GET /metrics` answers with the exporter's own process.
//!
//! A probe's query names what to ask about, never where or with what key:
//! base URLs and keys come from the exporter's environment and config
//! profile, resolved per probe as a status command resolves them.
//!
//! As Prometheus' own servers (CONTRACT §17): `HEAD` is `GET` without a
//! body, other methods 405 with `Allow`; OpenMetrics or the text format
//! 0.0.4 as the client's `Accept` says; SIGTERM, SIGHUP and SIGINT alike
//! stop it, PID 1 of a container included, within 5 s and with exit 0.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::Full;
use hyper::body::Incoming;
use hyper::header::{ACCEPT, ALLOW, CONTENT_TYPE, HeaderValue};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

mod negotiate;
mod probe;
mod process;

use crate::engine::listing;
use crate::engine::once::poll;
use crate::engine::query::Context;
use crate::engine::signals;
use crate::http::{ClientOptions, HttpClient};
use crate::model::outage::{Outage, reporting_outages};
use crate::model::{ExitCode, Snapshot};
use crate::model::{Subject, Target};
use crate::render::metrics::{Counts, Format, Found, Poll, series};
use crate::services::command::Scope;
use crate::settings::{Config, SettingsError, VendorFlags};
use crate::util::env::process_env;
use crate::util::sanitize::sanitize;

/// How long a probe may take when Prometheus does not say
/// (`X-Prometheus-Scrape-Timeout-Seconds`): Prometheus' default
/// scrape_timeout.
const DEFAULT_SCRAPE_TIMEOUT: Duration = Duration::from_secs(10);
/// Kept back from the scrape's timeout, so that the answer (a failed
/// probe, if need be) reaches Prometheus before it gives up, as
/// blackbox_exporter's `--timeout-offset` does.
const TIMEOUT_OFFSET: Duration = Duration::from_millis(500);
/// Polls run at once; more probes wait their turn within their own
/// timeout. The runtime has one thread, so more at once would only hold
/// more listing pages in memory, not answer sooner.
const POLLS_AT_ONCE: usize = 8;
/// Once stopped, how long the probes in flight have to answer before they
/// are cut: within the 5 s a container's stop allows (CONTRACT §17), and
/// under the 10 s Docker and 30 s Kubernetes wait before SIGKILL.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(3);

/// What the exporter was started with: where its config is, and the
/// connection options of its command line.
#[derive(Debug)]
pub struct Setup {
    /// The config file and its text (None: there is none), read once at
    /// start: each probe chooses its profile from it.
    pub config_path: PathBuf,
    pub config_text: Option<String>,
    /// `--profile` / `PIPEWATCH_PROFILE`: the profile of a probe that names none.
    pub profile: Option<String>,
    pub allow_http: bool,
    pub ca_cert: Option<PathBuf>,
    pub request_timeout: Duration,
    pub retries: u32,
    pub concurrency: usize,
    pub verbose: bool,
}

struct Shared {
    setup: Setup,
    polls: Semaphore,
}

/// Serve until SIGTERM, SIGHUP or SIGINT: then stop accepting, let the
/// probes in flight answer for [`SHUTDOWN_GRACE`] at most, and end with
/// exit 0, as Prometheus' own servers do on `docker stop`.
pub async fn serve(addr: SocketAddr, setup: Setup) -> anyhow::Result<ExitCode> {
    // Before binding: a stop that comes while starting is heard too.
    signals::listen();
    let listener = TcpListener::bind(addr)
        .await
        .map_err(|e| SettingsError(format!("cannot listen on {addr}: {e}")))?;
    let bound = listener.local_addr()?;
    eprintln!(
        "pipewatch exporter listening on http://{bound} (GET /probe?service=..., GET /metrics); \
         Ctrl-C or SIGTERM stops it"
    );
    let shared = Arc::new(Shared {
        setup,
        polls: Semaphore::new(POLLS_AT_ONCE),
    });
    let connections = GracefulShutdown::new();
    let stop = signals::stop();
    tokio::pin!(stop);
    let stopped = loop {
        let stream = tokio::select! {
            stopped = &mut stop => break stopped,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(_) => {
                    // Out of file descriptors and the like: back off, do not spin.
                    tokio::time::sleep(Duration::from_millis(20)).await;
                    continue;
                }
            },
        };
        let _ = stream.set_nodelay(true);
        let shared = Arc::clone(&shared);
        let service = service_fn(move |request| {
            let shared = Arc::clone(&shared);
            async move { Ok::<_, Infallible>(answer(&shared, &request).await) }
        });
        let connection = http1::Builder::new()
            .timer(TokioTimer::new())
            .header_read_timeout(Duration::from_secs(30))
            .serve_connection(TokioIo::new(stream), service);
        let connection = connections.watch(connection);
        tokio::spawn(async move {
            let _ = connection.await;
        });
    };
    drop(listener);
    let name = match stopped {
        signals::Stop::Terminated => "SIGTERM",
        signals::Stop::HungUp => "SIGHUP",
        _ => "SIGINT",
    };
    eprintln!("pipewatch exporter: {name} received; stopping");
    // Idle connections close now, those answering a probe once it is
    // answered; what is still running at the grace's end is cut with the
    // runtime.
    let _ = tokio::time::timeout(SHUTDOWN_GRACE, connections.shutdown()).await;
    Ok(ExitCode::Success)
}

async fn answer(shared: &Shared, request: &Request<Incoming>) -> Response<Full<Bytes>> {
    // hyper sends a HEAD's answer without its body, Content-Length kept.
    if request.method() != Method::GET && request.method() != Method::HEAD {
        let mut refused = text(
            StatusCode::METHOD_NOT_ALLOWED,
            "only GET and HEAD are served\n".into(),
        );
        refused
            .headers_mut()
            .insert(ALLOW, HeaderValue::from_static("GET, HEAD"));
        return refused;
    }
    let accept = request
        .headers()
        .get_all(ACCEPT)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect::<Vec<_>>()
        .join(",");
    let format = negotiate::format((!accept.is_empty()).then_some(accept.as_str()));
    match request.uri().path() {
        "/probe" => {
            let query = request.uri().query().unwrap_or_default();
            let timeout = scrape_timeout(request);
            match run_probe(shared, query, timeout, format).await {
                Ok(series) => metrics(series, format),
                Err(reason) => {
                    if shared.setup.verbose {
                        eprintln!("probe refused: {reason}");
                    }
                    text(StatusCode::BAD_REQUEST, format!("{reason}\n"))
                }
            }
        }
        "/metrics" => metrics(process::series(&process::usage(), format), format),
        "/" => text(StatusCode::OK, format!("{}\n", index())),
        _ => text(
            StatusCode::NOT_FOUND,
            "not found: try /probe or /metrics\n".into(),
        ),
    }
}

/// What `/` says: the two paths, with a probe of the first API's example.
fn index() -> String {
    let example = crate::services::APIS.first().map(|api| {
        let mut query = url::form_urlencoded::Serializer::new(String::new());
        query.append_pair("service", api.service().name);
        for (name, value) in api.example() {
            query.append_pair(name, value);
        }
        query.finish()
    });
    format!(
        "pipewatch exporter: GET /probe?{} (see docs/prometheus.md), GET /metrics",
        example.unwrap_or_else(|| "service=...".to_owned())
    )
}

/// The scrape's timeout, less the offset, from Prometheus' header.
fn scrape_timeout(request: &Request<Incoming>) -> Duration {
    let given = request
        .headers()
        .get("x-prometheus-scrape-timeout-seconds")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s > 0.0)
        .map(|s| Duration::from_secs_f64(s.min(3_600.0)))
        .unwrap_or(DEFAULT_SCRAPE_TIMEOUT);
    given
        .checked_sub(TIMEOUT_OFFSET)
        .filter(|left| !left.is_zero())
        .unwrap_or(given / 2)
}

/// One probe: its series, or the one-line reason it is refused (HTTP 400).
/// A vendor's failure is a series (`pipewatch_probe_success 0`), not a refusal.
async fn run_probe(
    shared: &Shared,
    query: &str,
    timeout: Duration,
    format: Format,
) -> Result<String, String> {
    let started = Instant::now();
    let setup = &shared.setup;
    let request = probe::parse(query)?;
    let profile = request.profile.clone().or_else(|| setup.profile.clone());
    let config = Config::from_text(
        setup.config_path.clone(),
        setup.config_text.clone(),
        profile.as_deref(),
    )
    .map_err(|e| e.message)?;
    // The scope a probe gives (`project_id=`), as a command's flags give it.
    let scoped = |scope| {
        let field = request.api().command().scope_field(scope)?;
        request.field(field).map(str::to_owned)
    };
    let (vendor, organization_id, project_id) = (
        request.vendor(),
        scoped(Scope::Organization),
        scoped(Scope::Project),
    );
    let (allow_http, ca_cert) = (setup.allow_http, setup.ca_cert.clone());
    // An api_key_cmd may run for up to 30 s: not on the one thread that
    // serves every probe.
    let settings = tokio::task::spawn_blocking(move || {
        let flags = VendorFlags {
            base_url: None,
            allow_http,
            ca_cert: ca_cert.as_deref(),
            organization_id: organization_id.as_deref(),
            project_id: project_id.as_deref(),
        };
        config.resolve(vendor, &flags, &process_env, true)
    })
    .await
    .map_err(|e| format!("cannot resolve the settings: {e}"))?
    .map_err(|e| e.message)?;
    let subject = probe::subject(&request, &settings)?;
    let client = HttpClient::new(&ClientOptions {
        request_timeout: setup.request_timeout.min(timeout),
        retries: setup.retries,
        verbose: setup.verbose,
        ca_cert: settings.ca_cert.as_deref(),
        // FELDERA_TENANT or the profile's `tenant`, as for a command.
        tenant: settings.tenant.as_deref(),
    })
    .map_err(|e| format!("{e:#}"))?;
    let ctx = Context::new(client, settings, setup.concurrency, request.api());

    // The last transient failure of the probe's requests: when the
    // scrape's deadline cuts their retries, it says why (a 429 is not a
    // hung vendor).
    let last_outage: Arc<std::sync::Mutex<Option<Outage>>> = Arc::default();
    let tell = {
        let last_outage = Arc::clone(&last_outage);
        Arc::new(move |outage| {
            if let Ok(mut last) = last_outage.lock() {
                *last = Some(outage);
            }
        })
    };
    let polled = tokio::time::timeout(timeout, async {
        let _turn = shared.polls.acquire().await;
        reporting_outages(tell, answers(&ctx, &subject)).await
    })
    .await;
    let duration = started.elapsed();
    let text = match polled {
        Ok(Answers::Targets(snapshots)) => {
            series(&Poll::of(None, &snapshots, duration, None), format)
        }
        Ok(Answers::Counted(listing, Ok(counts))) => series(
            &Poll {
                found: Found::Collection {
                    listing,
                    counts: Some(counts),
                },
                duration,
                failure: None,
                subject: None,
            },
            format,
        ),
        Ok(Answers::Counted(listing, Err(failed))) => series(
            &Poll::of(
                Some(listing),
                std::slice::from_ref(&*failed),
                duration,
                None,
            ),
            format,
        ),
        Err(_elapsed) => {
            let listing = match &subject {
                Subject::Collection(collection) => Some(&collection.listing),
                Subject::Targets(_) => None,
            };
            let last = last_outage.lock().ok().and_then(|mut last| last.take());
            series(
                &Poll::of(listing, &[], duration, Some(cut_short(last.as_ref()))),
                format,
            )
        }
    };
    Ok(text)
}

/// The error kind of a probe its deadline cut (CONTRACT §17): that of its
/// last transient failure, `unavailable` for a 429, a 5xx or a connect
/// error, as an envelope says it; `timeout` when the vendor did not answer
/// in time (a request timeout, or no failure at all).
fn cut_short(last: Option<&Outage>) -> &'static str {
    match last {
        Some(outage) if !outage.timeout => "unavailable",
        _ => "timeout",
    }
}

/// What one poll found: each target's snapshot, or a collection's items
/// counted (the listing's own failure as a snapshot).
enum Answers<'a> {
    Targets(Vec<Snapshot>),
    Counted(&'a Target, Result<Counts, Box<Snapshot>>),
}

async fn answers<'a>(ctx: &Arc<Context>, subject: &'a Subject) -> Answers<'a> {
    match subject {
        Subject::Targets(_) => Answers::Targets(poll(ctx, subject).await),
        // Counted page by page: a 10,000-file listing is never held whole.
        Subject::Collection(collection) => {
            let mut counts = Counts::default();
            let listed = listing::tally(ctx, collection, |state| counts.add(state)).await;
            Answers::Counted(&collection.listing, listed.map(|()| counts))
        }
    }
}

fn metrics(series: String, format: Format) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::from(series)));
    response.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static(format.content_type()),
    );
    response
}

fn text(status: StatusCode, body: String) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::from(sanitize_lines(&body))));
    *response.status_mut() = status;
    response.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    response
}

/// One line of text, ended by a newline: a reason built from a query
/// holds nothing that could start a second line.
fn sanitize_lines(body: &str) -> String {
    format!("{}\n", sanitize(body.trim_end()))
}
