//! One HTTP exchange as `-v` shows it (CONTRACT §13): every request gets a
//! number, and every line about it, each redirect hop included, starts with
//! that number (`[3] > GET ...`), so that exchanges in flight at once can
//! be told apart. It also remembers whether a redirect led to another
//! host, where the key is not sent, so that a 401 or 403 from there can
//! say why.
//!
//! reqwest decides redirects in the future the caller polls, so the
//! redirect policy finds the request it belongs to in a task-local value
//! set around that future.

use std::cell::RefCell;
use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};

use reqwest::redirect::{Attempt, Policy};
use url::Url;

/// Redirects followed before giving up, as reqwest's default policy does.
const MAX_REDIRECTS: usize = 10;

static NEXT_NUMBER: AtomicU64 = AtomicU64::new(1);

tokio::task_local! {
    static EXCHANGE: Exchange;
}

/// The request in flight in this task.
struct Exchange {
    number: u64,
    verbose: bool,
    /// The host a redirect crossed to, away from the one before it.
    other_host: RefCell<Option<String>>,
}

/// What became of a request's redirects.
#[derive(Debug, Default)]
pub struct Hops {
    /// The host a redirect led to that is not the one asked: reqwest
    /// (and CONTRACT §8) sends it no Authorization header.
    pub other_host: Option<String>,
}

/// A new request number.
pub fn next_number() -> u64 {
    NEXT_NUMBER.fetch_add(1, Ordering::Relaxed)
}

/// `[N] `, the tag of every `-v` line about request N.
pub fn tag(number: u64) -> String {
    format!("[{number}] ")
}

/// Run `request`, the future that sends request `number`, so that its
/// redirects are logged (with `verbose`) and tracked.
pub async fn numbered<F: Future>(number: u64, verbose: bool, request: F) -> (F::Output, Hops) {
    let exchange = Exchange {
        number,
        verbose,
        other_host: RefCell::new(None),
    };
    EXCHANGE
        .scope(exchange, async {
            let output = request.await;
            let other_host = EXCHANGE.with(|e| e.other_host.borrow_mut().take());
            (output, Hops { other_host })
        })
        .await
}

/// The redirect policy of every client: follow up to ten hops, as reqwest
/// does by default, logging each one and noting a change of host.
pub fn redirect_policy() -> Policy {
    Policy::custom(|attempt| {
        let _ = EXCHANGE.try_with(|exchange| hop(exchange, &attempt));
        if attempt.previous().len() > MAX_REDIRECTS {
            attempt.error(format!("more than {MAX_REDIRECTS} redirects"))
        } else {
            attempt.follow()
        }
    })
}

fn hop(exchange: &Exchange, attempt: &Attempt<'_>) {
    let next = attempt.url();
    if let Some(previous) = attempt.previous().last() {
        let origin = |u: &Url| {
            (
                u.scheme().to_owned(),
                u.host_str().map(str::to_owned),
                u.port_or_known_default(),
            )
        };
        if origin(previous) != origin(next) {
            *exchange.other_host.borrow_mut() = Some(host_port(next));
        }
    }
    if exchange.verbose {
        let tag = tag(exchange.number);
        let status = attempt.status();
        eprintln!(
            "{tag}< {} {} -> Location: {}",
            status.as_u16(),
            status.canonical_reason().unwrap_or(""),
            redact_url(next)
        );
        eprintln!("{tag}> GET {}", redact_url(next));
    }
}

/// `host:port` of a URL, for messages.
pub fn host_port(url: &Url) -> String {
    match (url.host_str(), url.port_or_known_default()) {
        (Some(host), Some(port)) => format!("{host}:{port}"),
        (Some(host), None) => host.to_owned(),
        _ => redact_url(url),
    }
}

/// A URL fit for logs: any user name or password in it is masked.
pub fn redact_url(url: &Url) -> String {
    let mut url = url.clone();
    if !url.username().is_empty() {
        let _ = url.set_username("***");
    }
    if url.password().is_some() {
        let _ = url.set_password(Some("***"));
    }
    url.to_string()
}
