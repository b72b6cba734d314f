//! Answering one request: record it, then pick the script's or the grammar's reply.

use std::sync::Arc;
use std::time::{Instant, SystemTime};

use bytes::Bytes;
use hyper::body::Incoming;
use hyper::header::{AUTHORIZATION, HOST, HeaderName, USER_AGENT};
use hyper::{Method, Request, Response};

use super::api::{Answer, ListRequest, Named, StatusRequest, Target, Vendor};
use super::bodies::Clock;
use super::decision::{self, Decision, Phase};
use super::errors::{error_body, not_found_body};
use super::paging::Query;
use super::reply::Reply;
use super::routing::{self, Route};
use super::scenario::{self, Chaos, Scenario};
use super::serve::{self, ResetConnection, SimBody};
use super::state::{Inner, RecordedRequest, Shared};

/// `deprecated`: deprecated since 2026-01-01 (RFC 9745's structured date)…
const DEPRECATED_SINCE: &str = "@1767225600";
/// …and gone on 2027-03-01 (RFC 8594's HTTP date).
const SUNSET: &str = "Mon, 01 Mar 2027 00:00:00 GMT";

/// Size of the huge bodies (`huge`, `hugecl`): far over any sane client limit.
const HUGE_BYTES: u64 = 200 * 1024 * 1024;

pub(super) async fn handle(
    shared: Arc<Shared>,
    port: u16,
    request: Request<Incoming>,
) -> Result<Response<SimBody>, ResetConnection> {
    let reply = answer(&shared, port, &request);
    serve::respond(reply, port).await
}

/// Record the request and choose its reply; no awaiting here, so the lock is short.
fn answer(shared: &Shared, port: u16, request: &Request<Incoming>) -> Reply {
    let header = |name| {
        request
            .headers()
            .get(name)
            .map(|v: &hyper::header::HeaderValue| {
                String::from_utf8_lossy(v.as_bytes()).into_owned()
            })
    };
    let path = request.uri().path().to_string();
    let host = header(HOST);
    let query = request.uri().query().map(str::to_string);
    let route = routing::route(&path, query.as_deref());
    let key = match &route {
        Route::Endpoint(target) => Some(target.key.clone()),
        _ => None,
    };
    let recorded = RecordedRequest {
        method: request.method().to_string(),
        path: path.clone(),
        query: query.clone(),
        host: host.clone(),
        authorization: header(AUTHORIZATION),
        user_agent: header(USER_AGENT),
        tenant: header(HeaderName::from_static("feldera-tenant")),
        key,
        at: Instant::now(),
    };
    let target = match route {
        Route::Endpoint(target) => target,
        Route::BadRequest { target, message } => {
            shared.lock().record(recorded);
            let mut body = error_body(&target, 400, false);
            if let Some(object) = body.as_object_mut() {
                let field = target.vendor().message_field();
                object.insert(field.to_string(), message.into());
            }
            return Reply::json(400, body);
        }
        Route::NotFound => {
            shared.lock().record(recorded);
            return Reply::json(404, not_found_body(&path));
        }
    };

    let (hit, elapsed, clock, scripted, accepted) = {
        let mut inner = shared.lock();
        let accepted = inner.accepted_keys.clone();
        inner.record(recorded);
        let state = inner.keys.entry(target.key.clone()).or_default();
        state.hits += 1;
        let scripted = state
            .script
            .get(state.next)
            .or(state.script.last())
            .cloned();
        if state.next < state.script.len() {
            state.next += 1;
        }
        let own = *state
            .first_seen
            .get_or_insert_with(|| (Instant::now(), SystemTime::now()));
        let hit = state.hits as u64;
        let (first_seen, first_seen_wall) = timeline(&inner, &target).unwrap_or(own);
        let clock = Clock {
            first_seen: first_seen_wall,
            now: SystemTime::now(),
        };
        (hit, first_seen.elapsed(), clock, scripted, accepted)
    };
    if let Some(reply) = scripted {
        return reply;
    }

    // A list key's words are those of the identifier it names; its chaos
    // is its own, so a pipeline's listing and status fault apart.
    let mut scenario = Scenario::parse(target.id());
    scenario.seed = scenario::fnv1a(target.key.as_bytes());
    let reply = if let Some(missing) = (target.endpoint.missing)(&target) {
        shared.lock().count(&target.key, hit, None, true);
        missing
    } else if request.method() != Method::GET {
        error_reply(&target, &scenario, 405, None)
    } else if !authorized(request, target.vendor(), accepted.as_deref()) {
        error_reply(&target, &scenario, 401, None)
    } else {
        let decision = decision::decide(&scenario, hit, elapsed);
        let chaos = decision::chaos_at(&scenario, hit);
        let mut is_final = decision.is_final();
        let normal = |phase, strip_status| match target.endpoint.answer {
            Answer::Status(body) => Reply::json(
                200,
                body(&StatusRequest {
                    id: target.id(),
                    parent: target.parent.as_deref(),
                    scenario: &scenario,
                    phase: &phase,
                    clock: &clock,
                    strip_status,
                    query: &Query::parse(query.as_deref()),
                }),
            ),
            Answer::List(page) => {
                let query = Query::parse(query.as_deref());
                let named = match target.endpoint.names_jobs {
                    Some(param) => named_jobs(shared, &query, param),
                    None => Vec::new(),
                };
                let reply = page(&ListRequest {
                    target: &target,
                    scenario: &scenario,
                    strip_status,
                    clock,
                    elapsed,
                    query,
                    path: &path,
                    host: &host.clone().unwrap_or_else(|| fallback_host(port)),
                    named,
                });
                // A refused page ends a watch as that error status would.
                if let Reply::Json { status, .. } = &reply {
                    if *status != 200 {
                        is_final = Decision::Error {
                            status: *status,
                            header: None,
                        }
                        .is_final();
                    }
                }
                reply
            }
        };
        let reply = grammar_reply(
            &target,
            &scenario,
            decision,
            (&path, query.as_deref(), port),
            normal,
        );
        // A stall only delays the answer; the other chaos faults replace it.
        let delivered = matches!(chaos, None | Some(Chaos::Stall));
        shared
            .lock()
            .count(&target.key, hit, chaos, delivered && is_final);
        match chaos {
            None => reply,
            Some(Chaos::Stall) => Reply::Stall {
                delay: scenario::CHAOS_STALL,
                then: Box::new(reply),
            },
            Some(Chaos::Unavailable) => error_reply(&target, &scenario, 503, None),
            Some(Chaos::RateLimited) => {
                error_reply(&target, &scenario, 429, Some(("retry-after", "1")))
            }
            Some(Chaos::Reset) => Reply::Reset,
            Some(Chaos::Malformed) => truncated_json(),
        }
    };
    let reply = match scenario.deprecated {
        true => reply
            .with_header("deprecation", DEPRECATED_SINCE)
            .with_header("sunset", SUNSET),
        false => reply,
    };
    match scenario.delay {
        Some(delay) => Reply::Stall {
            delay,
            then: Box::new(reply),
        },
        None => reply,
    }
}

/// When a key's timeline starts, if not at its own first request: see
/// the endpoint's `timeline`.
fn timeline(inner: &Inner, target: &Target) -> Option<(Instant, SystemTime)> {
    let first = |key: &str| inner.keys.get(key).and_then(|k| k.first_seen);
    let shared = target.endpoint.timeline?;
    let id = target.id();
    first(id).or_else(|| {
        shared
            .iter()
            .filter_map(|namespace| first(&format!("{namespace}:{id}")))
            .min_by_key(|(at, _)| *at)
    })
}

/// The jobs a listing's `param` names (`job_ids`), each once, on its own
/// key's time line (started now if the job was never asked for).
fn named_jobs(shared: &Shared, query: &Query, param: &str) -> Vec<Named> {
    let mut inner = shared.lock();
    let mut named: Vec<Named> = Vec::new();
    for id in query.all(param) {
        if id.is_empty() || named.iter().any(|n| n.id == id) {
            continue;
        }
        let state = inner.keys.entry(id.to_string()).or_default();
        let (at, wall) = *state
            .first_seen
            .get_or_insert_with(|| (Instant::now(), SystemTime::now()));
        named.push(Named {
            id: id.to_string(),
            elapsed: at.elapsed(),
            clock: Clock {
                first_seen: wall,
                now: SystemTime::now(),
            },
        });
    }
    named
}

/// What a client without a Host header (HTTP/1.0) reached.
fn fallback_host(port: u16) -> String {
    format!("127.0.0.1:{port}")
}

/// Whether the request's credential passes: `Bearer <key>` (Clarifeye also
/// takes `Token <key>`) with any non-empty key where the service needs one;
/// or, once a test has named the accepted keys ([`super::Server::accept_keys`]),
/// one of those, on every service, Feldera included.
fn authorized(request: &Request<Incoming>, vendor: Vendor, accepted: Option<&[String]>) -> bool {
    let credential = credential(request, vendor);
    match accepted {
        Some(keys) => credential.is_some_and(|c| keys.iter().any(|k| k == c)),
        None => !vendor.needs_auth() || credential.is_some(),
    }
}

/// The key of a well-formed Authorization header, if it has one.
fn credential(request: &Request<Incoming>, vendor: Vendor) -> Option<&str> {
    let value = request.headers().get(AUTHORIZATION)?.to_str().ok()?;
    let (scheme, credential) = value.split_once(' ')?;
    let scheme_ok = scheme.eq_ignore_ascii_case("bearer")
        || (vendor.takes_token_scheme() && scheme.eq_ignore_ascii_case("token"));
    let credential = credential.trim();
    (scheme_ok && !credential.is_empty()).then_some(credential)
}

fn error_reply(
    target: &Target,
    scenario: &Scenario,
    status: u16,
    header: Option<(&str, &str)>,
) -> Reply {
    let body = error_body(target, status, scenario.escape);
    let reply = Reply::json(status, body);
    match header {
        Some((name, value)) => reply.with_header(name, value),
        None => reply,
    }
}

/// The grammar's answer to a decision; `normal` makes the endpoint's own
/// answer for a phase. `at` is the request's path, query and the port,
/// for a redirect.
fn grammar_reply(
    target: &Target,
    scenario: &Scenario,
    decision: Decision,
    at: (&str, Option<&str>, u16),
    normal: impl FnOnce(Phase, bool) -> Reply,
) -> Reply {
    match decision {
        Decision::Error { status, header } => error_reply(target, scenario, status, header),
        Decision::Reset => Reply::Reset,
        Decision::Html => Reply::Raw {
            status: 200,
            content_type: "text/html".to_string(),
            body: Bytes::from_static(b"<html><body>Gateway</body></html>"),
            headers: Vec::new(),
        },
        Decision::NotJson => truncated_json(),
        Decision::Huge { content_length } => Reply::Huge {
            bytes: HUGE_BYTES,
            content_length,
        },
        Decision::Redirect => Reply::Redirect {
            status: 307,
            location: routing::redirect_location(target, at.0, at.1, at.2),
        },
        Decision::Status {
            phase,
            strip_status,
        } => normal(phase, strip_status),
    }
}

/// 200 with JSON cut off after its first key.
fn truncated_json() -> Reply {
    Reply::Raw {
        status: 200,
        content_type: "application/json".to_string(),
        body: Bytes::from_static(b"{\"status\": "),
        headers: Vec::new(),
    }
}
