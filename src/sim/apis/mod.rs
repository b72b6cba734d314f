//! The simulated APIs: one file each, one entry each in [`APIS`], from
//! which the simulator's routing is made.
//!
//! # Adding a simulated API
//!
//! 1. Write `apis/<api>.rs` with a value that implements [`SimApi`]:
//!
//!    ```text
//!    pub trait SimApi: Sync {
//!        fn service(&self) -> &'static str;   // the envelope's name: "llama.index"
//!        fn vendor(&self) -> Vendor;          // credentials and error bodies
//!        fn endpoints(&self) -> &[Endpoint];  // status endpoint first, then listing, helpers
//!        fn samples(&self) -> Vec<Sample>;    // requests checked against tests/specs/
//!    }
//!    ```
//!
//!    Each [`Endpoint`] is data, usually a `static` array in the file:
//!    `Endpoint::status(path, key, body)` for a job's own endpoint, where
//!    `path` is the spec's template (`/api/v1/indexes/{index_id}`), `key`
//!    says which path parameters or query value is the key
//!    (`Key::Path(&["index_id"])`, `Key::Query("token")`,
//!    `Key::QueryOr("project_id", "default")`) and `body` builds the 200 body
//!    of a phase from a `StatusRequest` (the ID grammar decides the phase,
//!    the errors and the faults); `Endpoint::list(path, namespace, key,
//!    page)` for a listing or a helper endpoint, keyed
//!    `<namespace>:<identifier>`, where `page` answers a `ListRequest`
//!    (check the parameters, build one page of a `Collection`). Builders
//!    add the rest where it applies: `.parent(..)`, `.namespace(..)`,
//!    `.timeline(..)`, `.names_jobs(..)`, `.missing(..)`, `.error_body(..)`.
//!    Samples name a committed spec file, an operation (its path template
//!    and status) and request paths whose bodies must match it: single
//!    bodies in several phases, listings with filters and pages, helpers.
//! 2. Add one line to [`APIS`].
//!
//! Routing, credentials, error bodies, scripts, recording and the ID
//! grammar then apply to it; `tests/it/sim_samples.rs` checks its samples
//! against the spec, and the simulator's own tests check that every
//! endpoint has a sample and that no two endpoints' paths overlap.

pub(crate) mod batch;
pub(crate) mod clarifeye_run;
pub(crate) mod feldera_pipeline;
pub(crate) mod feldera_token;
pub(crate) mod llama_batch;
pub(crate) mod llama_file;
pub(crate) mod llama_index;
pub(crate) mod llama_pipeline;
pub(crate) mod v2_jobs;

pub use super::api::{Endpoint, Sample, SimApi, Vendor};

/// Every simulated API, by the service it simulates.
pub static APIS: &[&dyn SimApi] = &[
    &llama_index::LlamaIndex,
    &llama_batch::LlamaBatch,
    &llama_pipeline::LlamaPipeline,
    &llama_file::LlamaFile,
    &batch::Batch,
    &clarifeye_run::ClarifeyeRun,
    &feldera_pipeline::FelderaPipeline,
    &feldera_token::FelderaToken,
    &v2_jobs::PARSE,
    &v2_jobs::EXTRACT,
    &v2_jobs::CLASSIFY,
];

/// The simulated API of a service, by the envelope's name (`llama.file`).
pub fn find(service: &str) -> Option<&'static dyn SimApi> {
    APIS.iter().copied().find(|api| api.service() == service)
}
