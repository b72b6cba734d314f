//! The vendors' JSON bodies: status bodies for a job's phase (error bodies
//! are in `errors.rs`, list bodies in `listing.rs`).

use std::hash::{DefaultHasher, Hash, Hasher};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde_json::{Value, json};

use super::routing::{Service, Target};
use super::scenario::{Outcome, Phase, Scenario, Stage};

/// Text with terminal escape sequences and control characters, for `escape` keys:
/// a client that prints it raw recolours the terminal, retitles it and rings the bell.
pub(crate) const ESCAPE_TEXT: &str = "\u{1b}[31mRED\u{1b}[0m \u{1b}]0;pwned\u{7} bell\u{7} end";

/// Wall-clock times for one answer: when the key was first seen, and now.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Clock {
    pub first_seen: SystemTime,
    pub now: SystemTime,
}

impl Clock {
    /// `d` after the first request; saturating, since `d` comes from the key.
    pub(crate) fn after(&self, d: Duration) -> SystemTime {
        self.first_seen.checked_add(d).unwrap_or(self.now)
    }
}

/// The Clarifeye steps: (step type, display name).
const CLARIFEYE_STEPS: [(&str, &str); 4] = [
    ("parsing", "Parse documents"),
    ("chunking", "Chunk"),
    ("tag-extraction", "Extract tags"),
    ("indexing", "Index"),
];
/// The step that warns in a partial run and fails in a failed one.
const TROUBLED_STEP: usize = 2;

/// The status body of `target`'s job in `phase`; `strip_status` leaves out the status field.
pub(crate) fn status_body(
    t: &Target,
    s: &Scenario,
    phase: &Phase,
    clock: &Clock,
    strip_status: bool,
) -> Value {
    let mut body = match t.service {
        Service::LlamaPipeline | Service::LlamaFile => llama(t, s, phase, clock),
        Service::Batch => batch(t, s, phase, clock),
        Service::Clarifeye => clarifeye(t, s, phase, clock),
        Service::Feldera => feldera(t, phase),
        // Built in `v2_jobs.rs`, which reads this file's helpers.
        Service::V2Job(_) => Value::Null,
        // The token is the connector's key: its words make the token's story.
        Service::Connector => json!({"token": t.id()}),
        // Lists are built item by item in `listing.rs`, from these bodies.
        Service::List(_) => Value::Null,
    };
    if strip_status {
        let object = match (t.service, &mut body) {
            (Service::Batch, Value::Object(o)) => o.get_mut("job").and_then(Value::as_object_mut),
            (_, Value::Object(o)) => Some(o),
            _ => None,
        };
        if let Some(o) = object {
            o.shift_remove("status");
        }
    }
    body
}

/// LlamaCloud's status of a pipeline or file at this stage.
pub(crate) fn llama_status(stage: Stage) -> &'static str {
    match stage {
        Stage::Pending | Stage::Dispatched => "NOT_STARTED",
        Stage::Running => "IN_PROGRESS",
        Stage::Finished(Outcome::Partial) => "PARTIAL_SUCCESS",
        Stage::Finished(Outcome::Failure) => "ERROR",
        Stage::Finished(Outcome::Cancelled) => "CANCELLED",
        Stage::Finished(_) => "SUCCESS",
        Stage::Mystery => "QUANTUM_SUPERPOSITION",
    }
}

/// A batch job's status at this stage.
pub(crate) fn batch_status(stage: Stage) -> &'static str {
    match stage {
        Stage::Pending => "pending",
        Stage::Dispatched => "dispatched",
        Stage::Running => "running",
        Stage::Finished(Outcome::Failure) => "failed",
        Stage::Finished(Outcome::Cancelled) => "cancelled",
        Stage::Finished(_) => "completed",
        Stage::Mystery => "teleporting",
    }
}

/// A Clarifeye run's status at this stage.
pub(crate) fn run_status(stage: Stage) -> &'static str {
    match stage {
        Stage::Pending | Stage::Dispatched => "pending",
        Stage::Running => "running",
        Stage::Finished(Outcome::Partial) => "completed_with_warnings",
        Stage::Finished(Outcome::Failure) => "failed",
        Stage::Finished(Outcome::Cancelled) => "aborted",
        Stage::Finished(_) => "completed",
        Stage::Mystery => "paused_for_tea",
    }
}

/// A batch job's item counts in `phase`: (total, processed, failed).
/// `processed_items` counts every item handled, failed ones included, so
/// that progress_percentage = processed / total.
pub(crate) fn batch_counts(s: &Scenario, phase: &Phase) -> (u64, u64, u64) {
    let total = s.items;
    let processed = share_of(phase.work, total).min(total);
    let failed = if s.outcome == Outcome::Partial {
        let at_end = (total / 10).max(1).min(total);
        share_of(phase.work, at_end).min(processed)
    } else {
        0
    };
    (total, processed, failed)
}

/// A batch job's `job_type`: the word `extract` or `classify` in its key,
/// else `parse`.
pub(crate) fn job_type(key: &str) -> &'static str {
    key.split(['-', '_'])
        .find_map(|word| {
            ["parse", "extract", "classify"]
                .into_iter()
                .find(|kind| word.eq_ignore_ascii_case(kind))
        })
        .unwrap_or("parse")
}

fn llama(t: &Target, s: &Scenario, phase: &Phase, clock: &Clock) -> Value {
    let status = llama_status(phase.stage);
    let job_id = uuid_for(&t.key, 1);
    let failed = phase.stage == Stage::Finished(Outcome::Failure);
    // `escape` needs a text field to land in, so it adds an error entry whatever the outcome.
    let error = if failed || s.escape {
        let message = with_escape("Failed to parse report.pdf: unsupported encoding", s.escape);
        json!([{"job_id": job_id, "message": message, "step": "PARSE"}])
    } else {
        Value::Null
    };
    json!({
        "status": status,
        "deployment_date": rfc3339(clock.first_seen),
        "effective_at": rfc3339(clock.now),
        "error": error,
        "job_id": job_id,
    })
}

fn batch(t: &Target, s: &Scenario, phase: &Phase, clock: &Clock) -> Value {
    let status = batch_status(phase.stage);
    let (total, processed, failed) = batch_counts(s, phase);
    let percent = if total == 0 {
        phase.work * 100.0
    } else {
        processed as f64 * 100.0 / total as f64
    };
    let error_message = match (phase.stage, s.escape) {
        (_, true) => Value::from(with_escape("Worker crashed", true)),
        (Stage::Finished(Outcome::Failure), false) => Value::from(format!(
            "Worker crashed while parsing item {}",
            processed + 1
        )),
        _ => Value::Null,
    };
    let at = |after: Option<Duration>| match after {
        Some(d) => Value::from(rfc3339(clock.after(d))),
        None => Value::Null,
    };
    json!({
        "job": {
            "id": t.key,
            "job_type": job_type(&t.key),
            "project_id": t.parent.clone().unwrap_or_else(|| format!("proj-{}", uuid_for(&t.key, 2))),
            "status": status,
            "total_items": total,
            "processed_items": processed,
            "failed_items": failed,
            "skipped_items": 0,
            "created_at": rfc3339(clock.first_seen),
            "started_at": at(phase.started_after),
            "completed_at": at(phase.finished_after),
            "updated_at": rfc3339(clock.now),
            "effective_at": rfc3339(clock.now),
            "directory_id": format!("dir-{}", uuid_for(&t.key, 3)),
            "error_message": error_message,
            "job_record_id": null,
            "workflow_id": uuid_for(&t.key, 4),
        },
        "progress_percentage": (percent * 10.0).round() / 10.0,
    })
}

fn clarifeye(t: &Target, s: &Scenario, phase: &Phase, clock: &Clock) -> Value {
    let run_status = run_status(phase.stage);
    let n = CLARIFEYE_STEPS.len();
    let started = phase.started_after.is_some();
    // The step the work has reached; for a failed or cancelled run, the one that stopped.
    let current = (share_of(phase.work, n as u64) as usize).min(n);
    let when = |d: Duration| rfc3339(clock.after(d));
    let mut steps = Vec::with_capacity(n);
    let mut logs = Vec::new();
    let mut previous_id: Option<String> = None;
    for (i, (step, name)) in CLARIFEYE_STEPS.iter().enumerate() {
        let status = match phase.stage {
            _ if !started => "pending",
            Stage::Finished(Outcome::Partial) if i == TROUBLED_STEP => "completed_with_warnings",
            Stage::Finished(Outcome::Failure) if i == current => "failed",
            Stage::Finished(Outcome::Cancelled) if i == current => "aborted",
            _ if i < current => "completed",
            Stage::Running | Stage::Mystery if i == current => "running",
            _ => "pending",
        };
        let begun = step_time(s, phase, i as f64 / n as f64);
        let ended = step_time(s, phase, (i + 1) as f64 / n as f64);
        if status != "pending" {
            logs.push(format!("{} INFO {name}: started", when(begun)));
        }
        match status {
            "completed" => logs.push(format!("{} INFO {name}: completed", when(ended))),
            "completed_with_warnings" => logs.push(format!(
                "{} WARN {name}: 3 documents had no tags",
                when(ended)
            )),
            "failed" => logs.push(format!("{} ERROR {name}: worker crashed", when(ended))),
            "aborted" => logs.push(format!("{} INFO {name}: aborted by user", when(ended))),
            _ => {}
        }
        let warnings = if status == "completed_with_warnings" {
            json!(["3 documents had no tags"])
        } else {
            Value::Null
        };
        let name = if i == 0 {
            with_escape(name, s.escape)
        } else {
            name.to_string()
        };
        let id = uuid_for(&t.key, 100 + i as u64);
        steps.push(json!({
            "id": id,
            "created_at": rfc3339(clock.first_seen),
            "updated_at": rfc3339(clock.now),
            "step": step,
            "name": name,
            "status": status,
            "inputs": {},
            "outputs": {},
            "warnings": warnings,
            "depends_on": previous_id.iter().collect::<Vec<_>>(),
            "params": {},
        }));
        previous_id = Some(id);
    }
    if s.escape {
        logs.push(format!("{} INFO {ESCAPE_TEXT}", when(Duration::ZERO)));
    }
    let project = t.parent.clone().unwrap_or_default();
    json!({
        "id": t.key,
        "created_at": rfc3339(clock.first_seen),
        "updated_at": rfc3339(clock.now),
        "status": run_status,
        "project": project,
        "pipeline_name": "documents-ingest",
        "mode": "upsert-all",
        "celery_task_id": uuid_for(&t.key, 5),
        "user": null,
        "tables": {},
        "steps": steps,
        "document_ids": [],
        "chunk_ids": [],
        "raw_logs": logs.iter().map(|l| format!("{l}\n")).collect::<String>(),
    })
}

/// When the work reached `work` (share of the whole job), measured from the first request.
pub(crate) fn step_time(s: &Scenario, phase: &Phase, work: f64) -> Duration {
    let start = phase.started_after.unwrap_or_default();
    let end_work = s.outcome.final_work().max(0.01);
    let run = s.duration.saturating_sub(start);
    start + run.mul_f64((work / end_work).clamp(0.0, 1.0))
}

fn feldera(t: &Target, phase: &Phase) -> Value {
    match phase.stage {
        Stage::Finished(_) => {
            // Any stable number will do: the step that included the token's data.
            let step = 1 + hash(&t.key, 6) % 10_000;
            json!({"status": "complete", "step": step})
        }
        Stage::Mystery => json!({"status": "superposition", "step": null}),
        _ => json!({"status": "inprogress", "step": null}),
    }
}

/// `floor(work * count)`, forgiving float error so exact fractions land where expected.
pub(crate) fn share_of(work: f64, count: u64) -> u64 {
    (work * count as f64 + 1e-9).floor() as u64
}

pub(crate) fn with_escape(text: &str, escape: bool) -> String {
    if escape {
        format!("{text}: {ESCAPE_TEXT}")
    } else {
        text.to_string()
    }
}

pub(crate) fn hash(key: &str, salt: u64) -> u64 {
    let mut h = DefaultHasher::new();
    (key, salt).hash(&mut h);
    h.finish()
}

/// A stable UUID-shaped id for a key, so repeated answers agree.
pub(crate) fn uuid_for(key: &str, salt: u64) -> String {
    let (a, b) = (hash(key, salt), hash(key, salt.wrapping_add(1 << 32)));
    format!(
        "{:08x}-{:04x}-4{:03x}-8{:03x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0xfff,
        b >> 52,
        b & 0xffff_ffff_ffff
    )
}

/// RFC 3339 in UTC with milliseconds, e.g. `2026-11-22T10:00:00.123Z`.
pub(crate) fn rfc3339(t: SystemTime) -> String {
    let d = t.duration_since(UNIX_EPOCH).unwrap_or_default();
    let secs = d.as_secs();
    let (days, rem) = (secs / 86_400, secs % 86_400);
    // Civil-from-days (Howard Hinnant), for days since 1970-01-01 >= 0.
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z % 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60,
        d.subsec_millis()
    )
}
