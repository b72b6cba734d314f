//! Paths and queries: which simulated endpoint a request is for, and its key.

use percent_encoding::percent_decode_str;

use super::scenario::without_redirect;

/// The simulated endpoints: five status endpoints and the list endpoints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Service {
    LlamaPipeline,
    LlamaFile,
    Batch,
    Clarifeye,
    Feldera,
    /// A v2 parse, extract or classify job: `GET /api/v2/{kind}/{job_id}`.
    V2Job(V2),
    /// A Feldera input connector's completion token; key
    /// `connector:<table>.<connector>`, parent the pipeline.
    Connector,
    List(List),
}

/// LlamaCloud's v2 job kinds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum V2 {
    Parse,
    Extract,
    Classify,
}

impl V2 {
    pub(crate) fn name(self) -> &'static str {
        match self {
            V2::Parse => "parse",
            V2::Extract => "extract",
            V2::Classify => "classify",
        }
    }

    fn from_segment(segment: &str) -> Option<V2> {
        [V2::Parse, V2::Extract, V2::Classify]
            .into_iter()
            .find(|k| k.name() == segment)
    }
}

/// The list endpoints. Each answers a whole collection under a namespaced
/// key (`files:<pipeline_id>`), so its script, hits and stats are its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum List {
    /// `GET /api/v1/beta/pipelines/{pipeline_id}/files`
    Files,
    /// `GET /api/v1/pipelines/{pipeline_id}/files/status-counts`
    Counts,
    /// `GET /api/v1/beta/batch-processing`
    Jobs,
    /// `GET /api/v1/beta/batch-processing/{job_id}/items`
    Items,
    /// `GET /api/v1/projects/{project_id}/pipeline-runs/`
    Runs,
    /// `GET /api/v2/{parse,extract,classify}`, keyed like the batch list.
    V2(V2),
}

impl List {
    /// The prefix of the key: `files`, `counts`, `jobs`, `items`, `runs`.
    pub(crate) fn namespace(self) -> &'static str {
        match self {
            List::Files => "files",
            List::Counts => "counts",
            List::Jobs => "jobs",
            List::Items => "items",
            List::Runs => "runs",
            List::V2(kind) => kind.name(),
        }
    }
}

/// Whose API an endpoint belongs to: it decides the shape of error bodies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Vendor {
    Llama,
    Clarifeye,
    Feldera,
}

impl Service {
    /// Feldera needs no key; the others need a bearer token.
    pub(crate) fn needs_auth(self) -> bool {
        self.vendor() != Vendor::Feldera
    }

    pub(crate) fn vendor(self) -> Vendor {
        match self {
            Service::Clarifeye | Service::List(List::Runs) => Vendor::Clarifeye,
            Service::Feldera | Service::Connector => Vendor::Feldera,
            _ => Vendor::Llama,
        }
    }
}

/// A request matched to an endpoint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Target {
    pub service: Service,
    /// The decoded key (see [`super::RecordedRequest::key`]).
    pub key: String,
    /// The other identifier in the path, decoded: the pipeline of a file, the
    /// Clarifeye project, the Feldera pipeline name, or the batch `project_id` query.
    /// For a list, the identifier its key names (pipeline, project or job),
    /// `None` for the batch list without `project_id`.
    pub parent: Option<String>,
    /// Where the key came from, for `redirect`.
    key_at: KeyAt,
}

/// Where a request's key sits in its URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum KeyAt {
    /// A path segment, by index.
    Segment(usize),
    /// The first value of this query parameter.
    Query(&'static str),
    /// Nowhere: the batch list without `project_id` (key `jobs:default`).
    Absent,
}

impl Target {
    /// A target the simulator makes up itself, for a listed item's body.
    pub(crate) fn listed(service: Service, key: String, parent: Option<String>) -> Target {
        Target {
            service,
            key,
            parent,
            key_at: KeyAt::Absent,
        }
    }

    /// The identifier whose words decide the answer: the key without its
    /// list namespace (`docs-partial-4s` for `files:docs-partial-4s`).
    pub(crate) fn id(&self) -> &str {
        match self.service {
            Service::List(list) => self
                .key
                .strip_prefix(list.namespace())
                .and_then(|rest| rest.strip_prefix(':'))
                .unwrap_or(&self.key),
            Service::Connector => self.key.strip_prefix("connector:").unwrap_or(&self.key),
            _ => &self.key,
        }
    }
}

/// What the router made of a request line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Route {
    Endpoint(Target),
    /// The path names an endpoint but a parameter is missing or not decodable.
    BadRequest {
        service: Service,
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
    // (service, index of the key segment, index of the parent segment)
    let (service, key_at, parent_at) = match segs.as_slice() {
        ["api", "v1", "pipelines", _, "status"] => (Service::LlamaPipeline, 3, None),
        ["api", "v1", "pipelines", _, "files", _, "status"] => (Service::LlamaFile, 5, Some(3)),
        ["api", "v1", "beta", "batch-processing", _] => (Service::Batch, 4, None),
        ["api", "v1", "projects", _, "pipeline-runs", _, ""] => (Service::Clarifeye, 5, Some(3)),
        ["v0", "pipelines", _, "completion_status"] => (Service::Feldera, usize::MAX, Some(2)),
        ["api", "v1", "beta", "pipelines", _, "files"] => (Service::List(List::Files), 4, None),
        ["api", "v1", "pipelines", _, "files", "status-counts"] => {
            (Service::List(List::Counts), 3, None)
        }
        ["api", "v1", "beta", "batch-processing"] => return jobs_route(query),
        ["api", "v1", "beta", "batch-processing", _, "items"] => {
            (Service::List(List::Items), 4, None)
        }
        ["api", "v1", "projects", _, "pipeline-runs", ""] => (Service::List(List::Runs), 3, None),
        ["api", "v2", kind, id] if !id.is_empty() => match V2::from_segment(kind) {
            Some(kind) => (Service::V2Job(kind), 3, None),
            None => return Route::NotFound,
        },
        ["api", "v2", kind] => match V2::from_segment(kind) {
            Some(kind) => return listing_route(List::V2(kind), query),
            None => return Route::NotFound,
        },
        [
            "v0",
            "pipelines",
            pipeline,
            "tables",
            table,
            "connectors",
            connector,
            "completion_token",
        ] => {
            return connector_route(pipeline, table, connector);
        }
        _ => return Route::NotFound,
    };
    // An empty path parameter is a different URL, as on the real servers.
    let params = [Some(key_at), parent_at];
    if params.iter().flatten().any(|&i| segs.get(i) == Some(&"")) {
        return Route::NotFound;
    }
    let bad = |message: &str| Route::BadRequest {
        service,
        message: message.to_string(),
    };
    let mut parent = match parent_at {
        Some(i) => match decode(segs[i]) {
            Some(p) => Some(p),
            None => return bad("path parameter is not valid percent-encoded UTF-8"),
        },
        None => None,
    };
    let (key, key_at) = if service == Service::Feldera {
        match query.and_then(|q| query_param(q, "token")) {
            None | Some("") => return bad("missing query parameter 'token'"),
            Some(raw) => match decode(raw) {
                Some(token) => (token, KeyAt::Query("token")),
                None => return bad("query parameter 'token' is not valid percent-encoded UTF-8"),
            },
        }
    } else {
        match decode(segs[key_at]) {
            Some(key) => (key, KeyAt::Segment(key_at)),
            None => return bad("path parameter is not valid percent-encoded UTF-8"),
        }
    };
    if service == Service::Batch {
        parent = query
            .and_then(|q| query_param(q, "project_id"))
            .and_then(decode);
    }
    if let Service::List(list) = service {
        return Route::Endpoint(Target {
            service,
            key: format!("{}:{key}", list.namespace()),
            parent: Some(key),
            key_at,
        });
    }
    Route::Endpoint(Target {
        service,
        key,
        parent,
        key_at,
    })
}

/// A connector's completion token: its key names the table and connector.
fn connector_route(pipeline: &str, table: &str, connector: &str) -> Route {
    if [pipeline, table, connector].contains(&"") {
        return Route::NotFound;
    }
    match (decode(pipeline), decode(table), decode(connector)) {
        (Some(pipeline), Some(table), Some(connector)) => Route::Endpoint(Target {
            service: Service::Connector,
            key: format!("connector:{table}.{connector}"),
            parent: Some(pipeline),
            key_at: KeyAt::Segment(6),
        }),
        _ => Route::BadRequest {
            service: Service::Connector,
            message: "path parameter is not valid percent-encoded UTF-8".to_string(),
        },
    }
}

/// The batch list's key is its `project_id` query (the first one, as for
/// the single-job endpoint's project), else `default`.
fn jobs_route(query: Option<&str>) -> Route {
    listing_route(List::Jobs, query)
}

/// A project's listing (batch jobs, v2 jobs): its key is the `project_id`
/// query, else `default`.
fn listing_route(list: List, query: Option<&str>) -> Route {
    let service = Service::List(list);
    let (project, key_at) = match query.and_then(|q| query_param(q, "project_id")) {
        None | Some("") => (None, KeyAt::Absent),
        Some(raw) => match decode(raw) {
            Some(project) => (Some(project), KeyAt::Query("project_id")),
            None => {
                return Route::BadRequest {
                    service,
                    message: "query parameter 'project_id' is not valid percent-encoded UTF-8"
                        .to_string(),
                };
            }
        },
    };
    Route::Endpoint(Target {
        service,
        key: format!(
            "{}:{}",
            list.namespace(),
            project.as_deref().unwrap_or("default")
        ),
        parent: project,
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
