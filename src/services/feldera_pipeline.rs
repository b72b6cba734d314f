//! Feldera pipelines: what every `fda` command and every start or stop of
//! Feldera's SDK waits on (CONTRACT §16). One request a poll,
//! `GET /v0/pipelines/{pipeline_name}?selector=status` (never the program);
//! with `--all`, `GET /v0/pipelines?selector=status`, every pipeline in one
//! array.
//!
//! After the answer (`Api::after`): a failed compile's `program_error` is
//! read once (`selector=all`); with `--for complete`, while the pipeline
//! runs or is paused, `GET /v0/pipelines/{pipeline_name}/stats` each poll.
//! Without `--for`, the goal is the desired status at the first answer,
//! kept from one poll to the next. `lifecycle.rs` holds the rules.

mod lifecycle;

use serde_json::value::RawValue;
use serde_json::{Value, json};
use url::Url;

use super::api::{Api, Ask, Demo, Listing, one_status_a_request};
use super::command::{Arg, Command, Given, Probe, Refusal};
use super::endpoint::{endpoint, with_query};
use super::page::{self, Cursor, Page};
use super::read::str_field;
use crate::model::target::Service;
use crate::model::{
    Attachment, Classified, Collection, Snapshot, State, Subject, Target, TargetError, Vendor,
};
use crate::settings::VendorSettings;
pub use lifecycle::{GOALS, Goal, Pipeline, Stats};

pub struct FelderaPipeline;

static SERVICE: Service = Service {
    name: "feldera.pipeline",
    vendor: Vendor::Feldera,
    plural: "pipelines",
    query_ids: &[],
    label: None,
};

static COMMAND: Command = Command {
    words: &["feldera", "pipeline", "status"],
    group_about: Some("Pipelines: GET /v0/pipelines/{pipeline_name}?selector=status"),
    about: "Wait for pipelines to compile, start, pause, stop or finish their input, or every pipeline with --all",
    args: &[
        Arg::ids("pipeline_names", "pipeline_name")
            .value_name("PIPELINE_NAME")
            .help("Pipeline names; `-` reads them from stdin, one per line")
            .required_unless("all")
            .conflicts_with("all"),
        Arg::value("for", "for")
            .value_name("GOAL")
            .help("What to wait for: compiled, running, paused, standby, suspended, stopped, or complete (its input processed, from /stats); default: the pipeline's desired status at the first answer")
            .one_of(GOALS, false)
            .probe(Probe::Option),
        Arg::all("Every pipeline, from the listing (GET /v0/pipelines?selector=status)"),
    ],
};

fn pipeline(name: &str) -> Target {
    Target::new(&SERVICE, [("pipeline_name", name.to_owned())])
}

impl Api for FelderaPipeline {
    fn service(&self) -> &'static Service {
        &SERVICE
    }

    fn command(&self) -> &'static Command {
        &COMMAND
    }

    fn subject(&self, given: &Given, _: &VendorSettings) -> Result<Ask, Refusal> {
        let goal = given.one("for").map(str::to_owned);
        if !given.flag("all") {
            let names = given.many("pipeline_name").iter();
            return Ok(Ask::of(Subject::Targets(
                names
                    .map(|name| pipeline(name).with("for", goal.clone()))
                    .collect(),
            )));
        }
        Ok(Ask::of(Subject::Collection(Collection {
            listing: Target::listing(&SERVICE, Vec::new()).with("for", goal),
            statuses: Vec::new(),
            filters: Vec::new(),
        })))
    }

    /// `GET /v0/pipelines/{pipeline_name}?selector=status`; the listing's.
    fn url(&self, target: &Target, base: &Url) -> Url {
        let mut path = vec!["v0", "pipelines"];
        if !target.is_listing() {
            path.push(target.id("pipeline_name"));
        }
        with_query(endpoint(base, &path), [("selector", "status")])
    }

    /// The answer against the goal `--for` names, else this answer's
    /// desired status (at a watch's later polls, [`Api::with_after`]
    /// decides again with the goal of the first).
    fn classify(&self, target: &Target, body: &Value) -> Result<Classified, String> {
        let p = Pipeline::read(body)?;
        let goal = goal_of(target, None, &p);
        Ok(decide(&p, goal, None, None))
    }

    fn demo(&self) -> &'static [Demo] {
        &[Demo {
            title: "Feldera pipeline: its SQL compiled, then started",
            args: &["feldera", "pipeline", "status", "orders-ok-1200ms"],
        }]
    }

    fn example(&self) -> &'static [(&'static str, &'static str)] {
        &[("pipeline_name", "orders-ok-1s")]
    }

    fn listing(&self) -> Option<&dyn Listing> {
        Some(self)
    }

    /// A failed compile's errors (once: kept after), and the statistics of
    /// a pipeline running towards `complete`.
    fn after(&self, snapshot: &Snapshot, previous: Option<&Snapshot>, base: &Url) -> Vec<Url> {
        let Some(body) = body_of(snapshot) else {
            return Vec::new();
        };
        let Ok(p) = Pipeline::read(&body) else {
            return Vec::new();
        };
        let name = snapshot.target.id("pipeline_name");
        let mut urls = Vec::new();
        if p.compile_failed() && !compile_read(previous) {
            let url = endpoint(base, &["v0", "pipelines", name]);
            urls.push(with_query(url, [("selector", "all")]));
        }
        if goal_of(&snapshot.target, previous, &p) == Goal::Complete && p.has_stats() {
            urls.push(endpoint(base, &["v0", "pipelines", name, "stats"]));
        }
        urls
    }

    /// The answer decided again with the goal fixed at the first answer,
    /// a failed compile's message and the statistics; the goal and the
    /// message kept for the next poll.
    fn with_after(
        &self,
        snapshot: &mut Snapshot,
        previous: Option<&Snapshot>,
        answers: Vec<Result<Value, TargetError>>,
    ) {
        let Some(body) = body_of(snapshot) else {
            return;
        };
        let Ok(p) = Pipeline::read(&body) else {
            return;
        };
        let goal = goal_of(&snapshot.target, previous, &p);
        let mut message = kept(previous, "program_error");
        // Read once for a failed compile, asked or not: not again while it lasts.
        let read = p.compile_failed();
        let mut stats = None;
        for answer in answers {
            match answer {
                // `/stats` answers a ControllerStatus, `selector=all` the pipeline.
                Ok(read) if read.get("global_metrics").is_some() => match Stats::read(&read) {
                    Ok(read_stats) => {
                        snapshot.attach(Attachment {
                            field: "stats",
                            json: read.get("global_metrics").cloned(),
                            table: None,
                        });
                        stats = Some(read_stats);
                    }
                    Err(why) => snapshot.warning = Some(format!("no statistics: {why}")),
                },
                Ok(all) => {
                    message = all
                        .get("program_error")
                        .and_then(|e| lifecycle::program_error(p.program, e))
                        .or(message);
                }
                Err(error) if error.kind.is_transient() && goal == Goal::Complete => {
                    // Whether the input is complete cannot be told now: an
                    // outage, as if the pipeline had not answered.
                    let response = snapshot.response.take();
                    let mut failed = Snapshot::from_error(snapshot.target.clone(), None, error);
                    if let Some(e) = failed.error.as_mut() {
                        e.message = format!("reading its statistics: {}", e.message);
                    }
                    *snapshot = Snapshot { response, ..failed };
                    return;
                }
                Err(error) => {
                    snapshot.warning = Some(format!("cannot read it all: {}", error.message))
                }
            }
        }
        let decided = decide(&p, goal, stats.as_ref(), message.as_deref());
        snapshot.state = decided.state.unwrap_or(State::Unknown);
        snapshot.progress = decided.progress;
        snapshot.details = decided.details;
        let message = message.filter(|_| read);
        snapshot.kept = Some(json!({
            "goal": goal.word(),
            "compile_read": read,
            "program_error": message,
        }));
    }
}

impl Listing for FelderaPipeline {
    fn passes(&self, collection: &Collection, _: bool) -> Vec<Vec<String>> {
        one_status_a_request(collection, false)
    }

    /// Every pipeline in one answer: there is no page but the first.
    fn page_url(&self, collection: &Collection, _: &[String], base: &Url, _: &Cursor) -> Url {
        self.url(&collection.listing, base)
    }

    fn read_page(&self, body: &[u8], _: &Cursor) -> Result<Page, String> {
        page::array_page(body)
    }

    /// A listed pipeline: its goal is `--for`, else its own desired status.
    fn listed(&self, listing: &Target, item: &RawValue) -> Result<(Target, Classified), String> {
        let item: Value =
            serde_json::from_str(item.get()).map_err(|e| format!("a listed pipeline: {e}"))?;
        let name = str_field(&item, "name")
            .filter(|name| !name.is_empty())
            .ok_or("a listed pipeline has no `name`")?;
        let target = pipeline(name).with("for", listing.option("for").map(str::to_owned));
        let classified = self.classify(&target, &item)?;
        Ok((target, classified))
    }
}

/// The snapshot's `selector=status` body, parsed again.
fn body_of(snapshot: &Snapshot) -> Option<Value> {
    serde_json::from_str(snapshot.response.as_deref()?.get()).ok()
}

/// A string the API kept at `previous`.
fn kept(previous: Option<&Snapshot>, field: &str) -> Option<String> {
    let kept = previous?.kept.as_ref()?;
    str_field(kept, field).map(str::to_owned)
}

/// Whether the errors of the compile that failed were read already.
fn compile_read(previous: Option<&Snapshot>) -> bool {
    let kept = previous.and_then(|p| p.kept.as_ref());
    kept.and_then(|k| k.get("compile_read"))
        .and_then(Value::as_bool)
        == Some(true)
}

/// The goal: `--for`, else the one fixed at the first answer (kept), else
/// this answer's desired status.
fn goal_of(target: &Target, previous: Option<&Snapshot>, p: &Pipeline<'_>) -> Goal {
    target
        .option("for")
        .map(str::to_owned)
        .or_else(|| kept(previous, "goal"))
        .and_then(|word| Goal::parse(&word))
        .unwrap_or_else(|| Goal::desired(p.desired))
}

/// State, status, progress and details of one answer.
fn decide(
    p: &Pipeline<'_>,
    goal: Goal,
    stats: Option<&Stats>,
    message: Option<&str>,
) -> Classified {
    let state = lifecycle::state(p, goal, stats);
    let progress = match (stats, p.program) {
        (Some(stats), _) => Some(stats.progress()),
        (None, "Success") if goal != Goal::Compiled => None,
        (None, program) => lifecycle::compile_progress(program),
    };
    let mut details = Vec::new();
    if p.compile_failed() {
        details
            .push(message.map_or_else(|| format!("compile failed: {}", p.program), str::to_owned));
    } else if let Some(error) = p.error.filter(|_| state == State::Failed) {
        details.push(lifecycle::deployment_error(error));
    } else if let Some((input, error)) = stats.and_then(|s| s.fatal.as_ref()) {
        details.push(format!("input {input}: {error}"));
    } else if p.deployment == Some("AwaitingApproval") && goal != Goal::Compiled {
        details.push(lifecycle::awaiting(p.runtime_details));
    } else {
        details.push(format!("for {}", goal.word()));
        if let Some((Some(done), Some(total))) = stats.map(|s| (s.done, s.total)) {
            details.push(format!("{done}/{total} records"));
        }
    }
    Classified {
        state: Some(state),
        status: Some(p.status().to_owned()),
        progress,
        updated: p.since().map(str::to_owned),
        details: details.join(" · "),
        ..Classified::default()
    }
}

#[cfg(test)]
mod tests;
