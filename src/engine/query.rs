//! One query of one target, and many targets at once under a concurrency
//! bound, reported in argument order. A query also makes the requests its
//! API asks beside the target's own (a pipeline's file status counts, for
//! a progress bar) and after it (depending on its answer: a v2 batch's
//! jobs, a pipeline's statistics). Every request
//! goes through [`get`], which sends the newest key and, on a 401, lets
//! the [`Credential`] renew a key from `api_key_cmd` and asks once more.

use std::sync::Arc;

use tokio::sync::Semaphore;
use tokio::task::JoinSet;

use serde_json::Value;
use url::Url;

use crate::http::credential::{Credential, Renewal};
use crate::http::{FetchError, Fetched, HttpClient};
use crate::model::Target;
use crate::model::{ErrorKind, Snapshot, TargetError};
use crate::services::{Api, error_message};
use crate::settings::VendorSettings;

/// What every query of one command shares.
pub struct Context {
    pub client: HttpClient,
    /// The vendor's settings, less the key: that lives in `key`.
    pub vendor: VendorSettings,
    /// The one holder of the key for every request of the run, so a key
    /// renewed for one target serves all of them.
    pub key: Credential,
    pub limit: Semaphore,
    /// The API every target of the run belongs to.
    pub api: &'static dyn Api,
}

impl Context {
    pub fn new(
        client: HttpClient,
        mut vendor: VendorSettings,
        concurrency: usize,
        api: &'static dyn Api,
    ) -> Arc<Context> {
        // Moved, not copied: a stale key left in the settings could be sent.
        let key = Credential::new(
            vendor.api_key.take(),
            vendor.api_key_cmd.take(),
            client.verbose(),
        );
        Arc::new(Context {
            client,
            vendor,
            key,
            limit: Semaphore::new(concurrency.max(1)),
            api,
        })
    }
}

/// Ask once (with the client's retries) and classify the answer, with
/// what the requests the API asks beside it and after it add; `previous`
/// is the target's last answer without error, if any.
pub async fn check(ctx: &Arc<Context>, target: Target, previous: Option<&Snapshot>) -> Snapshot {
    // Boxed while the requests after it are made: the future of every
    // target's poll holds it.
    let mut snapshot = Box::new(own_and_beside(ctx, target).await);
    follow(ctx, &mut snapshot, previous).await;
    *snapshot
}

/// Make the requests the API asks after `snapshot`, the target's own
/// answer (none after an error: it decides alone), all at once, and
/// hand their answers to the API with `previous`. Most answers call for
/// none: then no task is made, and the future of the requests, boxed, is
/// not carried by every target's poller.
pub async fn follow(ctx: &Arc<Context>, snapshot: &mut Snapshot, previous: Option<&Snapshot>) {
    if snapshot.error.is_some() {
        return;
    }
    let urls = ctx.api.after(snapshot, previous, &ctx.vendor.base_url);
    let answers = match urls.is_empty() {
        true => Vec::new(),
        false => Box::pin(fetch_all(ctx, &snapshot.target, urls)).await,
    };
    ctx.api.with_after(snapshot, previous, answers);
}

/// GET each of `urls` on behalf of `target`, at once; the answers in order.
async fn fetch_all(
    ctx: &Arc<Context>,
    target: &Target,
    urls: Vec<Url>,
) -> Vec<Result<Value, TargetError>> {
    let mut set = JoinSet::new();
    for (index, url) in urls.into_iter().enumerate() {
        let (ctx, target) = (Arc::clone(ctx), target.clone());
        set.spawn(async move {
            let answer = fetch_json(&ctx, &target, &url)
                .await
                .map_err(|failed| failed_error(*failed));
            (index, answer)
        });
    }
    let mut answers: Vec<(usize, Result<Value, TargetError>)> = Vec::new();
    while let Some(joined) = set.join_next().await {
        if let Ok(answer) = joined {
            answers.push(answer);
        }
    }
    answers.sort_by_key(|(index, _)| *index);
    answers.into_iter().map(|(_, answer)| answer).collect()
}

/// The error of a request that failed on behalf of a target.
fn failed_error(failed: Snapshot) -> TargetError {
    failed.error.unwrap_or_else(|| TargetError {
        kind: ErrorKind::BadResponse,
        http_status: None,
        code: None,
        message: "no answer".to_owned(),
    })
}

/// Ask once, with what the requests the API asks beside it add (made
/// alongside, as those made after are).
async fn own_and_beside(ctx: &Arc<Context>, target: Target) -> Snapshot {
    let beside = ctx.api.beside(&target, &ctx.vendor.base_url);
    if beside.is_empty() {
        return ask(ctx, target).await;
    }
    let (mut snapshot, answers) =
        tokio::join!(ask(ctx, target.clone()), fetch_all(ctx, &target, beside));
    // What is asked beside only adds to an answer: an error decides alone.
    if snapshot.error.is_none() {
        ctx.api.with_beside(&mut snapshot, answers);
    }
    snapshot
}

/// One request for `target` and its classified answer.
async fn ask(ctx: &Context, target: Target) -> Snapshot {
    let url = ctx.api.url(&target, &ctx.vendor.base_url);
    match get(ctx, &url).await {
        Ok(answer) => from_host(
            noted(interpret(ctx.api, target, answer.fetched), answer.note),
            &url,
        ),
        Err(e) => fetch_failed(target, e),
    }
}

/// A transient HTTP error names the server it concerns (CONTRACT §12):
/// `HTTP 503 Service Unavailable: down for maintenance (api.example.com:443)`.
fn from_host(mut snapshot: Snapshot, url: &Url) -> Snapshot {
    if let Some(e) = snapshot
        .error
        .as_mut()
        .filter(|e| e.kind.is_transient() && e.http_status.is_some())
    {
        e.message
            .push_str(&format!(" ({})", crate::http::exchange::host_port(url)));
    }
    snapshot
}

/// An HTTP answer, and for a 401 that stands, what the key's renewal has
/// to add to the target's message.
struct Answer {
    fetched: Fetched,
    note: Option<String>,
}

/// GET `url` with the newest key. A 401 goes to the key's holder, which
/// may renew a key from `api_key_cmd` (or wait for a renewal in progress):
/// then the request is asked once more with the new key, and whatever
/// comes back is the answer.
async fn get(ctx: &Context, url: &Url) -> Result<Answer, FetchError> {
    let sent = ctx.key.current();
    let fetched = ctx.client.get(url, sent.key(), &ctx.limit).await?;
    // A redirect to another host drops the key (CONTRACT §8): its refusal
    // is no verdict on the key, and a new key would not be sent either.
    if let (Some(host), true, Some(_)) = (
        &fetched.other_host,
        matches!(fetched.status, 401 | 403),
        sent.key(),
    ) {
        let from = crate::http::redact_url(url);
        let note = format!(
            "the key was not sent to {host}: a redirect led there from {from}, and pipewatch \
             never sends a key to another host; point the base URL at the host that answers"
        );
        return Ok(Answer {
            fetched,
            note: Some(note),
        });
    }
    if fetched.status != 401 {
        return Ok(Answer {
            fetched,
            note: None,
        });
    }
    match ctx.key.refused(&sent).await {
        Renewal::Stands(note) => Ok(Answer { fetched, note }),
        Renewal::Retry { key, if_refused } => {
            let fetched = ctx.client.get(url, Some(&key), &ctx.limit).await?;
            let note = (fetched.status == 401).then_some(if_refused);
            Ok(Answer { fetched, note })
        }
    }
}

/// The snapshot with `note` added to its error's message, if both exist.
fn noted(mut snapshot: Snapshot, note: Option<String>) -> Snapshot {
    if let (Some(error), Some(note)) = (snapshot.error.as_mut(), note) {
        error.message = format!("{}; {note}", error.message);
    }
    snapshot
}

/// GET `url` on behalf of `target`: the 2xx answer, its body not decoded
/// yet, or the snapshot of what went wrong (the target's error, as
/// [`interpret`] says).
pub async fn fetch(ctx: &Context, target: &Target, url: &Url) -> Result<Fetched, Box<Snapshot>> {
    match get(ctx, url).await {
        Ok(answer) => success(target, answer.fetched)
            .map_err(|failed| Box::new(from_host(noted(*failed, answer.note), url))),
        Err(e) => Err(Box::new(fetch_failed(target.clone(), e))),
    }
}

/// [`fetch`], and the body parsed as JSON.
pub async fn fetch_json(ctx: &Context, target: &Target, url: &Url) -> Result<Value, Box<Snapshot>> {
    json_of(target, fetch(ctx, target, url).await?)
}

/// No HTTP answer at all: a timeout, a connection failure, a body too big.
fn fetch_failed(target: Target, e: FetchError) -> Snapshot {
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

/// Turn an HTTP answer into a snapshot: a classified 2xx body, or an error
/// that relays what the vendor said.
pub fn interpret(api: &dyn Api, target: Target, fetched: Fetched) -> Snapshot {
    let status = fetched.status;
    match success(&target, fetched).and_then(|fetched| json_of(&target, fetched)) {
        Ok(body) => match api.classify(&target, &body) {
            Ok(classified) => Snapshot::from_classified(target, &body, classified),
            Err(why) => malformed(target, status, &why, Some(&body)),
        },
        Err(snapshot) => *snapshot,
    }
}

/// A 2xx answer whose JSON was not what the API documents.
pub fn malformed(target: Target, http_status: u16, why: &str, body: Option<&Value>) -> Snapshot {
    Snapshot::from_error(
        target,
        body,
        TargetError {
            kind: ErrorKind::BadResponse,
            http_status: Some(http_status),
            code: None,
            message: format!("unexpected response (HTTP {http_status}): {why}"),
        },
    )
}

/// The body of a 2xx answer as JSON, or a bad_response snapshot saying
/// what came instead.
pub fn json_of(target: &Target, fetched: Fetched) -> Result<Value, Box<Snapshot>> {
    if let Some(body) = fetched.json() {
        return Ok(body);
    }
    let got = match (&fetched.content_type, fetched.text()) {
        (Some(ct), Some(text)) => format!("{ct}: {text}"),
        (None, Some(text)) => text,
        (_, None) => "an empty body".to_owned(),
    };
    Err(Box::new(malformed(
        target.clone(),
        fetched.status,
        &format!("expected JSON, got {got}"),
        None,
    )))
}

/// A 2xx answer as it is, or the target's error snapshot: the error status
/// with what the vendor said (its JSON message, else the body's start).
fn success(target: &Target, fetched: Fetched) -> Result<Fetched, Box<Snapshot>> {
    let status = fetched.status;
    let Some(kind) = ErrorKind::from_http_status(status) else {
        return Ok(fetched);
    };
    let json = fetched.json();
    let (said, code) = json.as_ref().map(error_message).unwrap_or((None, None));
    let said = match json {
        Some(_) => said,
        None => fetched.text(),
    };
    let reason = reqwest::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("");
    let mut message = format!("HTTP {status} {reason}").trim_end().to_owned();
    if let Some(said) = said {
        message.push_str(": ");
        message.push_str(&said);
    }
    Err(Box::new(Snapshot::from_error(
        target.clone(),
        json.as_ref(),
        TargetError {
            kind,
            http_status: Some(status),
            code,
            message,
        },
    )))
}
