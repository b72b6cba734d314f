//! The last transient failure of a target's requests (CONTRACT §12): a
//! connect error, a request timeout, a 408, 429 or 5xx, with the host:port
//! it concerns and when the request will be asked again. The HTTP core
//! makes one each time it is about to wait out such a failure; the watch
//! keeps the newest per target, shows it on the live line and puts it in
//! the final report, even when the watch ended during the wait.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use url::Url;

use crate::http::exchange::host_port;

/// Why a target's service could not be had, the last time it was asked.
#[derive(Clone, Debug, PartialEq)]
pub struct Outage {
    /// The HTTP status, when the server answered (429, 503, ...).
    pub http_status: Option<u16>,
    /// What went wrong, short: `HTTP 429`, `connection refused`,
    /// `no answer within 30s`.
    pub cause: String,
    /// The whole message, as a target's error message says it:
    /// `HTTP 429 Too Many Requests (127.0.0.1:8080)`,
    /// `cannot connect to 127.0.0.1:1: Connection refused`.
    pub message: String,
    /// `host:port` of the server concerned.
    pub host: String,
    /// No answer within `--request-timeout` (error kind `timeout`).
    pub timeout: bool,
    /// When the failed request is asked again; None when it is not (the
    /// retries are spent, the next poll will ask).
    pub retry_in: Option<Duration>,
}

impl Outage {
    /// The live line's text: `unreachable: HTTP 429, retrying in 10s`,
    /// `unreachable: connection refused (127.0.0.1:1), retrying in 1s`.
    pub fn live_text(&self) -> String {
        let mut text = self.reason();
        if let Some(wait) = self.retry_in {
            text.push_str(&format!(", retrying in {}", short_duration(wait)));
        }
        text
    }

    /// Why, without when: `unreachable: HTTP 429`,
    /// `unreachable: connection refused (127.0.0.1:1)`.
    pub fn reason(&self) -> String {
        match self.http_status {
            Some(_) => format!("unreachable: {}", self.cause),
            None => format!("unreachable: {} ({})", self.cause, self.host),
        }
    }

    /// The message a final report gives: the failure, and the wait it was
    /// in when the watch ended, if any.
    pub fn report_message(&self) -> String {
        match self.retry_in {
            Some(wait) => format!(
                "{}; was to be asked again in {}",
                self.message,
                short_duration(wait)
            ),
            None => self.message.clone(),
        }
    }
}

/// Where a task's transient failures are told, as they happen.
pub type TellOutage = Arc<dyn Fn(Outage) + Send + Sync>;

tokio::task_local! {
    static OUTAGES: TellOutage;
}

/// Run `work` with each transient failure of its requests told to `tell`
/// before the wait that follows it (and once more, with no wait, when the
/// retries are spent). A task-local rather than a parameter: every request
/// of one poll (a pipeline's counts, a listing's pages) is made from the
/// poller's task, and the services and listings in between need not know.
pub async fn reporting_outages<F: Future>(tell: TellOutage, work: F) -> F::Output {
    OUTAGES.scope(tell, work).await
}

/// The current task's listener, if it has one: what a task it spawns
/// should report to as well (see [`carrying`]).
pub fn listener() -> Option<TellOutage> {
    OUTAGES.try_with(Arc::clone).ok()
}

/// `work`, its transient failures told to `tell` when there is one: a task
/// spawned for part of a poll reports as the poll's own task does.
pub async fn carrying<F: Future>(tell: Option<TellOutage>, work: F) -> F::Output {
    match tell {
        Some(tell) => reporting_outages(tell, work).await,
        None => work.await,
    }
}

/// Tell the task's listener, if it has one, of a transient failure of a
/// request to `url`: an HTTP status and its reason (`Err`), or no answer
/// at all (`Ok`: the message, and whether it was a request timeout).
pub fn tell(url: &Url, failed: Result<(String, bool), (u16, &str)>, retry_in: Option<Duration>) {
    let _ = OUTAGES.try_with(|tell| tell(of(url, failed, retry_in)));
}

fn of(
    url: &Url,
    failed: Result<(String, bool), (u16, &str)>,
    retry_in: Option<Duration>,
) -> Outage {
    let host = host_port(url);
    let (http_status, cause, message, timeout) = match failed {
        Err((status, reason)) => (
            Some(status),
            format!("HTTP {status}"),
            format!("HTTP {status} {reason} ({host})").replace("  ", " "),
            false,
        ),
        Ok((message, timeout)) => {
            // The HTTP core's messages: `cannot connect to HOST: CAUSE`,
            // `no answer from HOST within 30s`.
            let cause = if timeout {
                message.replace(&format!(" from {host}"), "")
            } else {
                let after_host = message
                    .split_once(&format!("{host}: "))
                    .map_or(message.as_str(), |(_, cause)| cause);
                short_cause(after_host)
            };
            (None, cause, message, timeout)
        }
    };
    Outage {
        http_status,
        cause,
        message,
        host,
        timeout,
        retry_in,
    }
}

/// A connection error's text as a person reads it: `Connection refused (os
/// error 111)` becomes `connection refused`.
pub fn short_cause(cause: &str) -> String {
    let cause = match cause.find(" (os error") {
        Some(at) => &cause[..at],
        None => cause,
    };
    let mut chars = cause.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `10s`, `1.5s`, `250ms`, `1m30s`: whole milliseconds, as humantime says.
fn short_duration(d: Duration) -> String {
    let whole = if d >= Duration::from_secs(1) {
        // A countdown in tenths of a second would only look busy.
        Duration::from_millis((d.as_millis() as u64).div_ceil(100) * 100)
    } else {
        Duration::from_millis(d.as_millis() as u64)
    };
    humantime::format_duration(whole)
        .to_string()
        .replace(' ', "")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outage(http_status: Option<u16>, cause: &str, retry_in: Option<Duration>) -> Outage {
        Outage {
            http_status,
            cause: cause.into(),
            message: String::new(),
            host: "127.0.0.1:1".into(),
            timeout: false,
            retry_in,
        }
    }

    #[test]
    fn live_text_says_why_and_when() {
        let limited = outage(Some(429), "HTTP 429", Some(Duration::from_secs(10)));
        assert_eq!(
            limited.live_text(),
            "unreachable: HTTP 429, retrying in 10s"
        );
        let refused = outage(None, "connection refused", None);
        assert_eq!(
            refused.live_text(),
            "unreachable: connection refused (127.0.0.1:1)"
        );
        let soon = outage(None, "connection refused", Some(Duration::from_millis(730)));
        assert_eq!(
            soon.live_text(),
            "unreachable: connection refused (127.0.0.1:1), retrying in 730ms"
        );
    }

    #[test]
    fn causes_read_as_words() {
        assert_eq!(
            short_cause("Connection refused (os error 111)"),
            "connection refused"
        );
        assert_eq!(short_cause(""), "");
    }
}
