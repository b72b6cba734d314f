//! Paths and queries: which endpoint of which simulated API a request is
//! for, and its key, read from the endpoints the APIs declare.

use percent_encoding::percent_decode_str;

use super::api::{Endpoint, Key, KeyAt, Parent, SimApi, Target};
use super::apis::APIS;
use super::scenario::without_redirect;

/// What the router made of a request line.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Route {
    Endpoint(Target),
    /// The path names an endpoint but a parameter is missing or not
    /// decodable; the target names the endpoint, with no key read.
    BadRequest {
        target: Target,
        message: String,
    },
    NotFound,
}

/// Match a raw (still percent-encoded) path and query to an endpoint.
pub(crate) fn route(path: &str, query: Option<&str>) -> Route {
    let Some(rest) = path.strip_prefix('/') else {
        return Route::NotFound;
    };
    let segs: Vec<&str> = rest.split('/').collect();
    APIS.iter()
        .flat_map(|api| api.endpoints().iter().map(move |e| (*api, e)))
        .find(|(_, endpoint)| matches(endpoint.path, &segs))
        .map_or(Route::NotFound, |(api, endpoint)| {
            read(api, endpoint, &segs, query)
        })
}

/// Whether a path's segments fit a template: same length, same literal
/// segments, anything where the template has a `{parameter}`.
pub(crate) fn matches(template: &str, segs: &[&str]) -> bool {
    let parts = || template.strip_prefix('/').unwrap_or(template).split('/');
    parts().count() == segs.len()
        && parts()
            .zip(segs)
            .all(|(part, seg)| is_parameter(part) || part == *seg)
}

fn is_parameter(part: &str) -> bool {
    part.starts_with('{') && part.ends_with('}')
}

/// The index of `{name}` among a template's segments.
fn position(template: &str, name: &str) -> Option<usize> {
    let segs = template.strip_prefix('/').unwrap_or(template).split('/');
    segs.map(|part| part.strip_prefix('{').and_then(|p| p.strip_suffix('}')))
        .position(|part| part == Some(name))
}

/// Read the key and the parent of a request the endpoint matched.
fn read(
    api: &'static dyn SimApi,
    endpoint: &'static Endpoint,
    segs: &[&str],
    query: Option<&str>,
) -> Route {
    // An empty path parameter is a different URL, as on the real servers.
    let template = endpoint.path.strip_prefix('/').unwrap_or(endpoint.path);
    let empty = template
        .split('/')
        .zip(segs)
        .any(|(part, seg)| is_parameter(part) && seg.is_empty());
    if empty {
        return Route::NotFound;
    }
    let bad = |message: String| Route::BadRequest {
        target: Target::unkeyed(api, endpoint),
        message,
    };
    let path_param =
        |name: &str| position(endpoint.path, name).and_then(|i| segs.get(i).map(|s| (i, *s)));
    const NOT_UTF8: &str = "path parameter is not valid percent-encoded UTF-8";
    let mut parent = match endpoint.parent {
        Parent::Path(name) => match path_param(name).map(|(_, raw)| decode(raw)) {
            Some(Some(p)) => Some(p),
            Some(None) => return bad(NOT_UTF8.to_string()),
            None => return Route::NotFound,
        },
        Parent::Query(name) => query.and_then(|q| query_param(q, name)).and_then(decode),
        Parent::None | Parent::Key => None,
    };
    let query_value = |name: &'static str| match query.and_then(|q| query_param(q, name)) {
        None | Some("") => Ok(None),
        Some(raw) => decode(raw)
            .map(|value| Some((value, KeyAt::Query(name))))
            .ok_or_else(|| format!("query parameter '{name}' is not valid percent-encoded UTF-8")),
    };
    let read = match endpoint.key {
        Key::Path(names) => {
            let mut parts = Vec::with_capacity(names.len());
            let mut at = KeyAt::Absent;
            for name in names {
                let Some((i, raw)) = path_param(name) else {
                    return Route::NotFound;
                };
                match decode(raw) {
                    Some(part) => parts.push(part),
                    None => return bad(NOT_UTF8.to_string()),
                }
                at = KeyAt::Segment(i);
            }
            Ok(Some((parts.join("."), at)))
        }
        Key::Query(name) => match query_value(name) {
            Ok(None) => Err(format!("missing query parameter '{name}'")),
            other => other,
        },
        Key::QueryOr(name, _) => query_value(name),
    };
    let (id, key_at) = match read {
        Ok(Some((id, at))) => (Some(id), at),
        Ok(None) => (None, KeyAt::Absent),
        Err(message) => return bad(message),
    };
    if endpoint.parent == Parent::Key {
        parent = id.clone();
    }
    let id = match (id, endpoint.key) {
        (Some(id), _) => id,
        (None, Key::QueryOr(_, default)) => default.to_string(),
        (None, Key::Path(_) | Key::Query(_)) => return Route::NotFound,
    };
    let key = match endpoint.namespace {
        Some(namespace) => format!("{namespace}:{id}"),
        None => id,
    };
    Route::Endpoint(Target {
        api,
        endpoint,
        key,
        parent,
        key_at,
    })
}

/// The raw value of the first `name=` pair of a query.
pub(crate) fn query_param<'a>(query: &'a str, name: &str) -> Option<&'a str> {
    query.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        (k == name).then_some(v)
    })
}

/// Percent-decode one path segment or query value. `+` stays `+`: clients
/// that mean a plus must encode it, and one that means a space would send `%20`.
pub(crate) fn decode(raw: &str) -> Option<String> {
    percent_decode_str(raw)
        .decode_utf8()
        .ok()
        .map(|s| s.into_owned())
}

/// The URL a `redirect` key sends the client to: the same path and query on
/// `localhost` (a different host from 127.0.0.1), with `redirect` taken out of the key.
pub(crate) fn redirect_location(
    target: &Target,
    path: &str,
    query: Option<&str>,
    port: u16,
) -> String {
    let new_path = match target.key_at {
        KeyAt::Segment(at) => path
            .split('/')
            .enumerate()
            .map(|(i, seg)| {
                if i == at + 1 {
                    without_redirect(seg)
                } else {
                    seg.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join("/"),
        KeyAt::Query(_) | KeyAt::Absent => path.to_string(),
    };
    let new_query = query.map(|q| {
        let KeyAt::Query(name) = target.key_at else {
            return q.to_string();
        };
        let mut done = false;
        q.split('&')
            .map(
                |pair| match pair.strip_prefix(name).and_then(|p| p.strip_prefix('=')) {
                    Some(v) if !done => {
                        done = true;
                        format!("{name}={}", without_redirect(v))
                    }
                    _ => pair.to_string(),
                },
            )
            .collect::<Vec<_>>()
            .join("&")
    });
    match new_query {
        Some(q) => format!("http://localhost:{port}{new_path}?{q}"),
        None => format!("http://localhost:{port}{new_path}"),
    }
}
