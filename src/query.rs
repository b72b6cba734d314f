//! One query of one target, and many targets at once under a concurrency
//! bound, reported in argument order.

use std::sync::Arc;

use tokio::sync::Semaphore;
use tokio::task::JoinSet;

use crate::http::{FetchError, Fetched, HttpClient};
use crate::services::{self, error_message};
use crate::settings::VendorSettings;
use crate::status::{ErrorKind, Snapshot, TargetError};
use crate::target::Target;

/// What every query of one command shares.
pub struct Context {
    pub client: HttpClient,
    pub vendor: VendorSettings,
    pub limit: Semaphore,
}

impl Context {
    pub fn new(client: HttpClient, vendor: VendorSettings, concurrency: usize) -> Arc<Context> {
        Arc::new(Context {
            client,
            vendor,
            limit: Semaphore::new(concurrency.max(1)),
        })
    }
}

/// Ask once (with the client's retries) and classify the answer.
pub async fn check(ctx: &Context, target: Target) -> Snapshot {
    let url = services::url(&target, &ctx.vendor.base_url);
    let fetched = ctx
        .client
        .get(&url, ctx.vendor.api_key.as_ref(), &ctx.limit)
        .await;
    match fetched {
        Ok(fetched) => interpret(target, fetched),
        Err(e) => {
            let kind = match e {
                FetchError::Timeout(_) => ErrorKind::Timeout,
                FetchError::Unreachable(_) => ErrorKind::Unavailable,
                FetchError::TooLarge => ErrorKind::BadResponse,
            };
            Snapshot::from_error(
                target,
                None,
                TargetError {
                    kind,
                    http_status: None,
                    code: None,
                    message: e.to_string(),
                },
            )
        }
    }
}

/// Turn an HTTP answer into a snapshot: a classified 2xx body, or an error
/// that relays what the vendor said.
pub fn interpret(target: Target, fetched: Fetched) -> Snapshot {
    let status = fetched.status;
    let error = |kind, code, message: String, response| {
        Snapshot::from_error(
            target.clone(),
            response,
            TargetError {
                kind,
                http_status: Some(status),
                code,
                message,
            },
        )
    };
    match ErrorKind::from_http_status(status) {
        None => match fetched.json {
            Some(body) => match services::classify(&target, &body) {
                Ok(classified) => Snapshot::from_classified(target, body, classified),
                Err(why) => error(
                    ErrorKind::BadResponse,
                    None,
                    format!("unexpected response (HTTP {status}): {why}"),
                    Some(body),
                ),
            },
            None => {
                let got = match (&fetched.content_type, &fetched.text) {
                    (Some(ct), Some(text)) => format!("{ct}: {text}"),
                    (None, Some(text)) => text.clone(),
                    (_, None) => "an empty body".to_owned(),
                };
                error(
                    ErrorKind::BadResponse,
                    None,
                    format!("unexpected response (HTTP {status}): expected JSON, got {got}"),
                    None,
                )
            }
        },
        Some(kind) => {
            let (said, code) = fetched
                .json
                .as_ref()
                .map(error_message)
                .unwrap_or((None, None));
            let reason = reqwest::StatusCode::from_u16(status)
                .ok()
                .and_then(|s| s.canonical_reason())
                .unwrap_or("");
            let mut message = format!("HTTP {status} {reason}").trim_end().to_owned();
            if let Some(said) = said.or(fetched.text) {
                message.push_str(": ");
                message.push_str(&said);
            }
            error(kind, code, message, fetched.json)
        }
    }
}

/// Check every target once, `ctx.limit` at a time, filling `results` in
/// input order as answers arrive. Taking the slice (rather than returning a
/// Vec) keeps what has arrived when the caller stops waiting (Ctrl-C).
pub async fn check_all(ctx: &Arc<Context>, targets: &[Target], results: &mut [Option<Snapshot>]) {
    let mut set = JoinSet::new();
    for (index, target) in targets.iter().cloned().enumerate() {
        let ctx = Arc::clone(ctx);
        set.spawn(async move { (index, check(&ctx, target).await) });
    }
    while let Some(joined) = set.join_next().await {
        if let Ok((index, snapshot)) = joined {
            if let Some(slot) = results.get_mut(index) {
                *slot = Some(snapshot);
            }
        }
    }
}
