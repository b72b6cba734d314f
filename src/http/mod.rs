//! The thin HTTP core: one client per vendor, Bearer auth, per-request
//! timeout, retries of transient failures with jittered exponential backoff,
//! `Retry-After`, a body size cap, and `-v` logging with credentials redacted.

pub mod credential;
pub mod deprecation;
pub mod exchange;
pub mod proxy;

use std::path::Path;
use std::time::{Duration, Instant, SystemTime};

use anyhow::Context as _;
use reqwest::header::{self, HeaderMap, HeaderValue};
use serde_json::Value;
use tokio::sync::Semaphore;
use url::Url;

use crate::http::deprecation::Deprecation;
use crate::http::exchange::{Hops, host_port, next_number, numbered, tag};
use crate::http::proxy::Proxies;
use crate::model::outage;
use crate::util::secret::Secret;

pub use crate::http::exchange::redact_url;

/// Bodies over this size are refused without being read whole (CONTRACT §8).
pub const MAX_BODY_BYTES: usize = 16 * 1024 * 1024;
/// Server-requested waits are honoured up to this long.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(60);
const BACKOFF_BASE: Duration = Duration::from_millis(500);
const BACKOFF_CAP: Duration = Duration::from_secs(10);

/// How to talk to one vendor.
#[derive(Debug)]
pub struct ClientOptions<'a> {
    pub request_timeout: Duration,
    pub retries: u32,
    pub verbose: bool,
    pub ca_cert: Option<&'a Path>,
    /// Sent as `Feldera-Tenant` on every request (Feldera's only).
    pub tenant: Option<&'a str>,
}

/// An HTTP answer whose body was read in full (under the cap). The body
/// is decoded when asked: a status body as a JSON value, a listing page
/// straight into its items' raw text, without a value tree in between.
#[derive(Debug)]
pub struct Fetched {
    pub status: u16,
    pub content_type: Option<String>,
    /// The host a redirect led to, other than the one asked, which was
    /// sent no key (CONTRACT §8): a 401 or 403 from it says so.
    pub other_host: Option<String>,
    body: Vec<u8>,
}

impl Fetched {
    /// An answer with this body. Public so the fuzz targets feed bytes
    /// through the same decoding as a real response.
    pub fn from_body(status: u16, content_type: Option<String>, body: &[u8]) -> Fetched {
        Fetched::new(status, content_type, body.to_vec())
    }

    fn new(status: u16, content_type: Option<String>, body: Vec<u8>) -> Fetched {
        Fetched {
            status,
            content_type,
            other_host: None,
            body,
        }
    }

    /// The body as received.
    pub fn body(&self) -> &[u8] {
        &self.body
    }

    /// The body parsed as JSON, when it is JSON.
    pub fn json(&self) -> Option<Value> {
        serde_json::from_slice(&self.body).ok()
    }

    /// The start of a body that is not JSON, on one line, for error
    /// messages; None for an empty body.
    pub fn text(&self) -> Option<String> {
        (!self.body.is_empty()).then(|| snippet(&self.body))
    }
}

/// Why no HTTP answer could be had.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("{0}")]
    Timeout(String),
    #[error("{0}")]
    Unreachable(String),
    #[error("the response body is over the {} MiB limit", MAX_BODY_BYTES / 1024 / 1024)]
    TooLarge,
}

pub struct HttpClient {
    client: reqwest::Client,
    /// The proxies of the environment: to name the proxy when it is the
    /// proxy that cannot be reached.
    proxies: Proxies,
    retries: u32,
    request_timeout: Duration,
    verbose: bool,
    /// The first answer of the run that said its endpoint is going away.
    deprecated: std::sync::OnceLock<Deprecation>,
}

impl HttpClient {
    pub fn new(opts: &ClientOptions<'_>) -> anyhow::Result<HttpClient> {
        // reqwest is built without a default crypto provider so that ring
        // (pure Rust and assembly, no C toolchain) is the only one compiled.
        // Installing twice is harmless: the first provider stays.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let mut builder = reqwest::Client::builder()
            .user_agent(concat!("pipewatch/", env!("CARGO_PKG_VERSION")))
            .tcp_nodelay(true)
            .redirect(crate::http::exchange::redirect_policy())
            .pool_idle_timeout(Duration::from_secs(50));
        if let Some(tenant) = opts.tenant {
            let value = HeaderValue::from_str(tenant).map_err(|_| {
                anyhow::anyhow!(
                    "the Feldera tenant `{}` cannot be sent in a header (control characters?)",
                    tenant.escape_default()
                )
            })?;
            let mut headers = HeaderMap::new();
            headers.insert("feldera-tenant", value);
            builder = builder.default_headers(headers);
        }
        if let Some(path) = opts.ca_cert {
            for cert in read_ca_cert(path)? {
                builder = builder.add_root_certificate(cert);
            }
        }
        let proxies = Proxies::from_env(&crate::util::env::process_env);
        if proxies.bypassed() {
            builder = builder.no_proxy();
        }
        let client = builder.build().context("cannot set up the HTTP client")?;
        Ok(HttpClient {
            client,
            proxies,
            retries: opts.retries,
            request_timeout: opts.request_timeout,
            verbose: opts.verbose,
            deprecated: std::sync::OnceLock::new(),
        })
    }

    /// GET `url`, retrying transient failures. Returns the final answer,
    /// which may itself be an error status once retries are spent.
    ///
    /// Each attempt takes a slot of `slots` (`--concurrency`) only while it
    /// is in flight: a target waiting out a backoff or a `Retry-After` lets
    /// the others through.
    pub async fn get(
        &self,
        url: &Url,
        key: Option<&Secret>,
        slots: &Semaphore,
    ) -> Result<Fetched, FetchError> {
        let mut attempt = 0;
        loop {
            let number = next_number();
            let tag = tag(number);
            let (result, elapsed) = {
                // The semaphore is never closed, so acquire cannot fail; if
                // it ever did, going ahead unbounded beats hanging.
                let _slot = slots.acquire().await.ok();
                if self.verbose {
                    eprintln!("{tag}> GET {}", redact_url(url));
                }
                let started = Instant::now();
                let (result, hops) = numbered(number, self.verbose, self.get_once(url, key)).await;
                (with_hops(result, hops), started.elapsed())
            };
            let wait = match &result {
                Ok((fetched, headers)) => {
                    if self.verbose {
                        eprintln!(
                            "{tag}< {} {} ({} ms)",
                            fetched.status,
                            reason(fetched.status),
                            elapsed.as_millis()
                        );
                    }
                    is_transient_status(fetched.status).then(|| retry_after(headers))
                }
                Err(e) => {
                    if self.verbose {
                        eprintln!("{tag}< {e} ({} ms)", elapsed.as_millis());
                    }
                    matches!(e, FetchError::Timeout(_) | FetchError::Unreachable(_)).then_some(None)
                }
            };
            let Some(server_wait) = wait else {
                return result.map(|(fetched, _)| fetched);
            };
            let delay = server_wait.unwrap_or_else(|| backoff(attempt));
            let again = attempt < self.retries;
            let failed = match &result {
                Ok((fetched, _)) => Err((fetched.status, reason(fetched.status))),
                Err(e) => Ok((e.to_string(), matches!(e, FetchError::Timeout(_)))),
            };
            outage::tell(url, failed, again.then_some(delay));
            if !again {
                return result.map(|(fetched, _)| fetched);
            }
            if self.verbose {
                eprintln!(
                    "{tag}* retrying in {} (retry {} of {})",
                    humantime::format_duration(round_ms(delay)),
                    attempt + 1,
                    self.retries
                );
            }
            tokio::time::sleep(delay).await;
            attempt += 1;
        }
    }

    /// `--retries`: how many times a transient failure is asked again.
    pub fn retries(&self) -> u32 {
        self.retries
    }

    /// The first endpoint of the run whose server said it is going away
    /// (CONTRACT §16): one note at the end of a run.
    pub fn deprecated(&self) -> Option<&Deprecation> {
        self.deprecated.get()
    }

    /// `-v`: whether exchanges are logged to stderr.
    pub fn verbose(&self) -> bool {
        self.verbose
    }

    async fn get_once(
        &self,
        url: &Url,
        key: Option<&Secret>,
    ) -> Result<(Fetched, HeaderMap), FetchError> {
        let mut request = self
            .client
            .get(url.clone())
            .timeout(self.request_timeout)
            .header(header::ACCEPT, "application/json");
        if let Some(key) = key {
            request = request.header(header::AUTHORIZATION, key.bearer_header());
        }
        let mut response = request.send().await.map_err(|e| self.describe(url, &e))?;
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        if self.deprecated.get().is_none() {
            if let Some(deprecation) = Deprecation::of(url, &headers) {
                let _ = self.deprecated.set(deprecation);
            }
        }
        if response
            .content_length()
            .is_some_and(|len| len > MAX_BODY_BYTES as u64)
        {
            return Err(FetchError::TooLarge);
        }
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(|e| self.describe(url, &e))? {
            if body.len() + chunk.len() > MAX_BODY_BYTES {
                return Err(FetchError::TooLarge);
            }
            body.extend_from_slice(&chunk);
        }
        let content_type = headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        Ok((Fetched::new(status, content_type, body), headers))
    }

    fn describe(&self, url: &Url, error: &reqwest::Error) -> FetchError {
        let host = host_port(url);
        if error.is_timeout() {
            return FetchError::Timeout(format!(
                "no answer from {host} within {}",
                humantime::format_duration(self.request_timeout)
            ));
        }
        let cause = root_cause(error);
        if let Some(proxy) = self.proxies.for_url(url).filter(|_| error.is_connect()) {
            return FetchError::Unreachable(format!(
                "cannot connect to the proxy {proxy} (for {host}): {cause}"
            ));
        }
        if error.is_connect() {
            FetchError::Unreachable(format!("cannot connect to {host}: {cause}"))
        } else {
            FetchError::Unreachable(format!("request to {host} failed: {cause}"))
        }
    }
}

/// The answer with what its redirects did.
fn with_hops(
    result: Result<(Fetched, HeaderMap), FetchError>,
    hops: Hops,
) -> Result<(Fetched, HeaderMap), FetchError> {
    result.map(|(mut fetched, headers)| {
        fetched.other_host = hops.other_host;
        (fetched, headers)
    })
}

/// Read a PEM file of one or more root certificates.
fn read_ca_cert(path: &Path) -> anyhow::Result<Vec<reqwest::Certificate>> {
    let pem = std::fs::read(path)
        .with_context(|| format!("cannot read CA certificate {}", path.display()))?;
    let certs = reqwest::Certificate::from_pem_bundle(&pem)
        .with_context(|| format!("{} is not a PEM certificate bundle", path.display()))?;
    anyhow::ensure!(
        !certs.is_empty(),
        "{} holds no PEM certificate",
        path.display()
    );
    Ok(certs)
}

/// The statuses worth asking again (CONTRACT §8).
pub fn is_transient_status(status: u16) -> bool {
    matches!(status, 408 | 429 | 500 | 502 | 503 | 504)
}

/// The wait a server asked for: `retry-after-ms`, else `Retry-After` in
/// seconds or as an HTTP date; capped at 60 s.
pub fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    retry_after_at(headers, SystemTime::now())
}

fn retry_after_at(headers: &HeaderMap, now: SystemTime) -> Option<Duration> {
    let text = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
    };
    let wait = if let Some(ms) = text("retry-after-ms").and_then(|v| v.parse::<f64>().ok()) {
        Duration::try_from_secs_f64(ms / 1000.0).ok()?
    } else {
        let value = text("retry-after")?;
        match value.parse::<f64>() {
            Ok(secs) => Duration::try_from_secs_f64(secs).ok()?,
            Err(_) => httpdate::parse_http_date(value)
                .ok()?
                .duration_since(now)
                .unwrap_or(Duration::ZERO),
        }
    };
    Some(wait.min(MAX_RETRY_AFTER))
}

/// Exponential backoff with jitter: a random wait in the upper half of
/// `base * 2^attempt`, capped, so many clients do not retry in step.
pub fn backoff(attempt: u32) -> Duration {
    let ceiling = BACKOFF_BASE
        .saturating_mul(2u32.saturating_pow(attempt))
        .min(BACKOFF_CAP);
    ceiling.mul_f64(0.5 + fastrand::f64() * 0.5)
}

fn round_ms(d: Duration) -> Duration {
    Duration::from_millis(d.as_millis() as u64)
}

fn reason(status: u16) -> &'static str {
    reqwest::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("")
}

/// The innermost error message: reqwest's outer layers only repeat the URL.
fn root_cause(error: &(dyn std::error::Error + 'static)) -> String {
    let mut current = error;
    while let Some(next) = current.source() {
        current = next;
    }
    current.to_string()
}

/// The first bytes of a non-JSON body, on one line.
fn snippet(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(&body[..body.len().min(120)]);
    let mut line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if body.len() > 120 {
        line.push('…');
    }
    line
}

impl Secret {
    fn bearer_header(&self) -> HeaderValue {
        // An invalid header byte in a key would be the user's typo; send an
        // empty credential rather than the key's bytes in an error message.
        let mut value = HeaderValue::from_str(&format!("Bearer {}", self.expose()))
            .unwrap_or_else(|_| HeaderValue::from_static("Bearer"));
        value.set_sensitive(true);
        value
    }
}

#[cfg(test)]
mod tests;
