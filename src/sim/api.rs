//! What a simulated API is made of: the [`SimApi`] trait and the endpoints
//! it declares as data, from which `routing.rs` matches requests and
//! `handler.rs` answers them. The types refer to each other (a target names
//! its endpoint, an endpoint's answer reads the target), so they live in
//! one file below both the API files and the machinery.

use std::time::Duration;

use serde_json::Value;

use super::bodies::Clock;
use super::decision::Phase;
use super::paging::Query;
use super::reply::Reply;
use super::scenario::Scenario;

/// One simulated API: a value in `apis::APIS`, one file in `src/sim/apis/`.
pub trait SimApi: Sync {
    /// The service it simulates, as the envelope names it: `llama.pipeline`.
    fn service(&self) -> &'static str;
    /// Whose API it is: it decides the credentials asked and the error bodies.
    fn vendor(&self) -> Vendor;
    /// Its endpoints: the job's own status endpoint first, then its
    /// listing and the helper endpoints that belong to it.
    fn endpoints(&self) -> &[Endpoint];
    /// Requests whose bodies must match the vendor's committed spec
    /// (`tests/it/sim_samples.rs` fetches and checks every one).
    fn samples(&self) -> Vec<Sample>;
}

/// Whose API an endpoint belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Vendor {
    /// LlamaCloud: FastAPI, `{"detail": ...}` errors, a bearer key.
    Llama,
    /// Clarifeye: Django REST framework, `{"error": ...}`, `Bearer` or `Token`.
    Clarifeye,
    /// Feldera: `{"message", "error_code", "details"}`, no key by default.
    Feldera,
}

impl Vendor {
    /// Feldera needs no key; the others need one.
    pub(crate) fn needs_auth(self) -> bool {
        match self {
            Vendor::Llama | Vendor::Clarifeye => true,
            Vendor::Feldera => false,
        }
    }

    /// Whether `Authorization: Token <key>` is taken besides `Bearer`.
    pub(crate) fn takes_token_scheme(self) -> bool {
        match self {
            Vendor::Clarifeye => true,
            Vendor::Llama | Vendor::Feldera => false,
        }
    }

    /// The field of an error body that carries its message.
    pub(crate) fn message_field(self) -> &'static str {
        match self {
            Vendor::Llama => "detail",
            Vendor::Clarifeye => "error",
            Vendor::Feldera => "message",
        }
    }
}

/// Requests whose answers must match one operation of a vendor's spec.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sample {
    /// The spec's file name under `tests/specs/`.
    pub spec: &'static str,
    /// The operation's path template, as the spec writes it.
    pub operation: &'static str,
    /// The status every path is answered with, whose schema the bodies must match.
    pub status: u16,
    /// Request paths, with their query.
    pub paths: Vec<String>,
}

impl Sample {
    pub(crate) fn new(
        spec: &'static str,
        operation: &'static str,
        status: u16,
        paths: impl IntoIterator<Item = String>,
    ) -> Sample {
        Sample {
            spec,
            operation,
            status,
            paths: paths.into_iter().collect(),
        }
    }
}

/// One request path per identifier, for a sample: `each(&["a-ok"], |id| format!("/x/{id}"))`.
pub(crate) fn each(ids: &[&str], path: impl Fn(&str) -> String) -> Vec<String> {
    ids.iter().map(|id| path(id)).collect()
}

/// One endpoint of an API: where its key is, and how it answers.
#[derive(Clone, Copy, Debug)]
pub struct Endpoint {
    /// The path template: literal segments and `{name}` parameters. An
    /// empty parameter is no match (a different URL, as on the real servers).
    pub(crate) path: &'static str,
    pub(crate) key: Key,
    /// The key's prefix (`files` makes `files:<pipeline_id>`), so that a
    /// collection's script, hits and stats are its own; None: the bare identifier.
    pub(crate) namespace: Option<&'static str>,
    pub(crate) parent: Parent,
    pub(crate) answer: Answer,
    /// Whose timeline the key runs on: the identifier's own key if it was
    /// asked first, else the earliest of these namespaced keys of the same
    /// identifier; None: its own.
    pub(crate) timeline: Option<&'static [&'static str]>,
    /// A query parameter naming jobs that a listing shows each on its own
    /// key's timeline (`job_ids`).
    pub(crate) names_jobs: Option<&'static str>,
    /// An answer that replaces the grammar's when the key says so (`nocounts`).
    pub(crate) missing: fn(&Target) -> Option<Reply>,
    /// The endpoint's own error body for a status, where its vendor's
    /// usual one does not fit; None: the vendor's.
    pub(crate) error_body: fn(u16, &Target, bool) -> Option<Value>,
}

/// Where an endpoint's key is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Key {
    /// Path parameters by name, decoded and joined with `.`.
    Path(&'static [&'static str]),
    /// A query value the endpoint requires: 400 without it.
    Query(&'static str),
    /// A query value, or this identifier without it (`default`).
    QueryOr(&'static str, &'static str),
}

/// Where an endpoint's parent (the other identifier it names) is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Parent {
    None,
    /// A path parameter; 400 if it does not decode.
    Path(&'static str),
    /// A query value, if it is there and decodes.
    Query(&'static str),
    /// The identifier the key names (a listing's pipeline, project or
    /// job); none when the key took its default.
    Key,
}

/// How an endpoint answers when the grammar says "the normal answer".
#[derive(Clone, Copy, Debug)]
pub(crate) enum Answer {
    /// 200 with this body of the job in its phase.
    Status(fn(&StatusRequest) -> Value),
    /// A collection: parameters checked, a page built, per request.
    List(fn(&ListRequest) -> Reply),
}

impl Endpoint {
    /// A job's own endpoint: the key is the identifier, no parent.
    pub(crate) const fn status(
        path: &'static str,
        key: Key,
        body: fn(&StatusRequest) -> Value,
    ) -> Endpoint {
        Endpoint {
            path,
            key,
            namespace: None,
            parent: Parent::None,
            answer: Answer::Status(body),
            timeline: None,
            names_jobs: None,
            missing: |_| None,
            error_body: |_, _, _| None,
        }
    }

    /// A collection's endpoint: key `<namespace>:<identifier>`, parent the identifier.
    pub(crate) const fn list(
        path: &'static str,
        namespace: &'static str,
        key: Key,
        page: fn(&ListRequest) -> Reply,
    ) -> Endpoint {
        Endpoint {
            namespace: Some(namespace),
            parent: Parent::Key,
            answer: Answer::List(page),
            ..Endpoint::status(path, key, |_| Value::Null)
        }
    }

    pub(crate) const fn parent(self, parent: Parent) -> Endpoint {
        Endpoint { parent, ..self }
    }

    pub(crate) const fn namespace(self, namespace: &'static str) -> Endpoint {
        Endpoint {
            namespace: Some(namespace),
            ..self
        }
    }

    pub(crate) const fn timeline(self, shared: &'static [&'static str]) -> Endpoint {
        Endpoint {
            timeline: Some(shared),
            ..self
        }
    }

    pub(crate) const fn names_jobs(self, param: &'static str) -> Endpoint {
        Endpoint {
            names_jobs: Some(param),
            ..self
        }
    }

    pub(crate) const fn missing(self, missing: fn(&Target) -> Option<Reply>) -> Endpoint {
        Endpoint { missing, ..self }
    }

    pub(crate) const fn error_body(
        self,
        error_body: fn(u16, &Target, bool) -> Option<Value>,
    ) -> Endpoint {
        Endpoint { error_body, ..self }
    }

    /// The path template, as the client's URL builder writes it.
    pub fn path(&self) -> &'static str {
        self.path
    }
}

/// A request matched to an endpoint.
#[derive(Clone)]
pub(crate) struct Target {
    pub api: &'static dyn SimApi,
    pub endpoint: &'static Endpoint,
    /// The decoded key (see [`super::RecordedRequest::key`]).
    pub key: String,
    /// The other identifier the request names, decoded: the pipeline of a
    /// file, the Clarifeye project, the Feldera pipeline name, the batch
    /// `project_id` query; for a list, the identifier its key names.
    pub parent: Option<String>,
    /// Where the key came from, for `redirect`.
    pub key_at: KeyAt,
}

/// Where a request's key sits in its URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum KeyAt {
    /// A path segment, by index (0 is the one after the leading `/`).
    Segment(usize),
    /// The first value of this query parameter.
    Query(&'static str),
    /// Nowhere: the key took its default, or none was read.
    Absent,
}

impl Target {
    /// A target of `endpoint` whose key was not read: for a refusal.
    pub(crate) fn unkeyed(api: &'static dyn SimApi, endpoint: &'static Endpoint) -> Target {
        Target {
            api,
            endpoint,
            key: String::new(),
            parent: None,
            key_at: KeyAt::Absent,
        }
    }

    /// The identifier whose words decide the answer: the key without its
    /// namespace (`docs-partial-4s` for `files:docs-partial-4s`).
    pub(crate) fn id(&self) -> &str {
        self.endpoint
            .namespace
            .and_then(|ns| self.key.strip_prefix(ns))
            .and_then(|rest| rest.strip_prefix(':'))
            .unwrap_or(&self.key)
    }

    pub(crate) fn vendor(&self) -> Vendor {
        self.api.vendor()
    }
}

impl PartialEq for Target {
    fn eq(&self, other: &Target) -> bool {
        std::ptr::eq(self.endpoint, other.endpoint)
            && (self.key.as_str(), &self.parent, self.key_at)
                == (other.key.as_str(), &other.parent, other.key_at)
    }
}

impl std::fmt::Debug for Target {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Target")
            .field("service", &self.api.service())
            .field("endpoint", &self.endpoint.path)
            .field("key", &self.key)
            .field("parent", &self.parent)
            .field("key_at", &self.key_at)
            .finish()
    }
}

/// A job's status request, once the grammar said "the normal answer".
pub(crate) struct StatusRequest<'a> {
    /// The key's identifier: the words its scenario was parsed from.
    pub id: &'a str,
    pub parent: Option<&'a str>,
    pub scenario: &'a Scenario,
    pub phase: &'a Phase,
    pub clock: &'a Clock,
    /// `nostatus`: leave out the status field.
    pub strip_status: bool,
    /// The request's query (a listing's, for a listed item): what a body
    /// is asked to include (LlamaCloud's `expand`, Feldera's `selector`).
    pub query: &'a Query,
}

/// One list request, with what the handler knows of its key.
pub(crate) struct ListRequest<'a> {
    pub target: &'a Target,
    /// The key's scenario: the collection's, or for items the job's.
    pub scenario: &'a Scenario,
    /// `nostatus`: drop each item's status.
    pub strip_status: bool,
    /// `first_seen` is when the collection's timeline starts.
    pub clock: Clock,
    pub elapsed: Duration,
    pub query: Query,
    /// The raw path, for DRF's links.
    pub path: &'a str,
    /// The request's Host header, for DRF's links.
    pub host: &'a str,
    /// The jobs named by the endpoint's `names_jobs` parameter, each with its own clock.
    pub named: Vec<Named>,
}

/// A job named in a listing's query, with its own key's time line.
pub(crate) struct Named {
    pub id: String,
    pub elapsed: Duration,
    pub clock: Clock,
}
