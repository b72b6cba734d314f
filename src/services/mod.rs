//! Services know their API, nothing else: one trait ([`Api`]), one list
//! ([`APIS`]), one file per API. Each file holds the API's names, its
//! command and arguments, its URLs, its vendor types and how to classify a
//! body into the model; none of them prints or makes a request.
//!
//! A new API is one file here implementing [`Api`], one line in [`APIS`]
//! (and one file in `sim/apis/`, one line in the simulator's list): the
//! command line, the exporter's probes, the demo, man pages and
//! completions follow from it, and `tests/it/registry.rs` fails until every
//! piece is there (docs/development.md walks through an example).

pub mod api;
pub mod batch;
pub mod clarifeye_run;
pub mod command;
mod endpoint;
pub mod feldera_pipeline;
pub mod feldera_token;
mod ingestion;
pub mod llama_batch;
pub mod llama_file;
pub mod llama_index;
pub mod llama_jobs;
pub mod llama_pipeline;
pub mod page;
mod read;
mod scope;

pub use api::{Api, Ask, Demo, JobItems, Listing, Together};
pub use command::{Command, Given, Refusal};
pub use page::{Cursor, PAGE_SIZE, Page};
pub use read::error_message;

/// Every API, in the order the command line lists their commands.
pub static APIS: &[&dyn Api] = &[
    &llama_index::LlamaIndex,
    &llama_batch::LlamaBatch,
    &llama_pipeline::LlamaPipeline,
    &llama_file::LlamaFile,
    &llama_jobs::KINDS[0],
    &llama_jobs::KINDS[1],
    &llama_jobs::KINDS[2],
    &batch::Batch,
    &clarifeye_run::ClarifeyeRun,
    &feldera_pipeline::FelderaPipeline,
    &feldera_token::FelderaToken,
];

/// The first words of the status commands, with their help, in the order
/// the command line lists them: each API's command starts with one.
pub static GROUPS: &[(&str, &str)] = &[
    (
        "llama",
        "LlamaCloud indexes, v2 batches, parse, extract and classify jobs, and (deprecated) managed pipelines and their files",
    ),
    (
        "batch",
        "LlamaCloud batch processing jobs (beta; deprecated: use `llama batch status`)",
    ),
    ("clarifeye", "Clarifeye pipeline runs"),
    ("feldera", "Feldera pipelines and completion tokens"),
];

/// The vendors of the APIs, each once, in the list's order: the tables
/// `config show` shows.
pub fn vendors() -> Vec<crate::model::Vendor> {
    let mut vendors = Vec::new();
    for api in APIS {
        let vendor = api.service().vendor;
        if !vendors.contains(&vendor) {
            vendors.push(vendor);
        }
    }
    vendors
}

/// The API whose envelopes say `service`.
pub fn by_service(service: &str) -> Option<&'static dyn Api> {
    APIS.iter()
        .copied()
        .find(|api| api.service().name == service)
}

/// The API whose command is these words.
pub fn by_words(words: &[&str]) -> Option<&'static dyn Api> {
    APIS.iter()
        .copied()
        .find(|api| api.command().words == words)
}

/// What `given` asks of `api`, its targets checked: a path parameter
/// that a URL would read as a step through the path (`..`) is refused.
/// The command line, the exporter's probes and the demo all ask here.
pub fn ask(
    api: &dyn Api,
    given: &Given,
    settings: &crate::settings::VendorSettings,
) -> Result<Ask, Refusal> {
    let ask = api.subject(given, settings)?;
    for target in ask.subject.named() {
        target.check_path_params().map_err(Refusal::Invalid)?;
    }
    Ok(ask)
}

/// A target of the API whose envelopes say `service`, named by these field
/// values as [`target_of`] reads them; None for an unknown service or
/// values its API refuses. What tests build targets with.
pub fn example_target(
    service: &str,
    fields: &[(&'static str, &str)],
) -> Option<crate::model::Target> {
    target_of(by_service(service)?, fields).ok()
}

/// Classify `body` as the API of `target` does: for the unit tests of the
/// layers above, which build real targets to render.
#[cfg(test)]
pub fn classify(
    target: &crate::model::Target,
    body: &serde_json::Value,
) -> Result<crate::model::Classified, String> {
    let api = by_service(target.service()).ok_or("no such service")?;
    api.classify(target, body)
}

/// One target of `api` named by these field values, as a probe's query
/// gives them (its scope included): the first target its subject names.
/// What the fuzz targets decode bodies for, and what tests build targets
/// with.
pub fn target_of(
    api: &dyn Api,
    fields: &[(&'static str, &str)],
) -> Result<crate::model::Target, Refusal> {
    let ask = ask_unconfigured(api, &Given::of(fields))?;
    ask.subject
        .named()
        .first()
        .map(|t| (*t).clone())
        .ok_or_else(|| Refusal::invalid("no target"))
}

/// What `given` asks of `api` with no settings but the scope it names
/// itself: what the arguments alone make, before any config is read
/// (tests, fuzzing, a metrics file's `subject` label).
pub fn ask_unconfigured(api: &dyn Api, given: &Given) -> Result<Ask, Refusal> {
    let base =
        url::Url::parse("http://127.0.0.1:1").map_err(|e| Refusal::invalid(e.to_string()))?;
    let mut settings = crate::settings::VendorSettings::simple(api.service().vendor, base, None);
    scope_from(api, given, &mut settings);
    ask(api, given, &settings)
}

/// The scope `given` names (`--project-id`, Clarifeye's `--project`) put
/// into settings that were made without the config: the demo's, tests'.
pub fn scope_from(api: &dyn Api, given: &Given, settings: &mut crate::settings::VendorSettings) {
    let scope = |scope| api.command().scope_field(scope).and_then(|f| given.one(f));
    settings.organization_id = scope(command::Scope::Organization).map(str::to_owned);
    settings.project_id = scope(command::Scope::Project).map(str::to_owned);
}
