//! A Feldera pipeline's lifecycle against a goal (CONTRACT §16): the
//! statuses the spec's enums allow, the goal `--for` names (or the desired
//! status at the first answer), and the rules, in order, that make a state
//! of them. Pure functions of the `selector=status` body, the goal and,
//! for `complete`, the pipeline's statistics.

use serde_json::Value;

use crate::model::{Progress, State};
use crate::services::read::{as_count, str_field};

/// ProgramStatus, in the order a compile goes.
pub const PROGRAM_STATUSES: &[&str] = &[
    "Pending",
    "CompilingSql",
    "SqlCompiled",
    "CompilingRust",
    "Success",
    "SqlError",
    "RustError",
    "SystemError",
];

/// CombinedStatus: a deployment's statuses.
pub const DEPLOYMENT_STATUSES: &[&str] = &[
    "Stopped",
    "Provisioning",
    "Unavailable",
    "Coordination",
    "Standby",
    "AwaitingApproval",
    "Initializing",
    "Bootstrapping",
    "ConcurrentBootstrapping",
    "Synchronizing",
    "Replaying",
    "Paused",
    "Running",
    "Suspended",
    "Stopping",
];

/// `--for`'s values.
pub const GOALS: &[&str] = &[
    "compiled",
    "running",
    "paused",
    "standby",
    "suspended",
    "stopped",
    "complete",
];

/// What a watch waits for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Goal {
    /// The program compiled; the deployment never matters.
    Compiled,
    /// The deployment in this status (`Running`, `Stopped`, ...).
    Deployment(&'static str),
    /// Running or paused, and its input processed to completion.
    Complete,
}

impl Goal {
    /// From `--for`'s value (lower case); None for another word.
    pub fn parse(word: &str) -> Option<Goal> {
        Some(match word {
            "compiled" => Goal::Compiled,
            "running" => Goal::Deployment("Running"),
            "paused" => Goal::Deployment("Paused"),
            "standby" => Goal::Deployment("Standby"),
            "suspended" => Goal::Deployment("Suspended"),
            "stopped" => Goal::Deployment("Stopped"),
            "complete" => Goal::Complete,
            _ => return None,
        })
    }

    /// From a desired status: the deployment status it names; one that
    /// names no goal (`Unavailable`, a new one) means running.
    pub fn desired(status: Option<&str>) -> Goal {
        match status {
            Some("Paused") => Goal::Deployment("Paused"),
            Some("Standby") => Goal::Deployment("Standby"),
            Some("Suspended") => Goal::Deployment("Suspended"),
            Some("Stopped") => Goal::Deployment("Stopped"),
            _ => Goal::Deployment("Running"),
        }
    }

    /// `--for`'s word for it.
    pub fn word(self) -> &'static str {
        match self {
            Goal::Compiled => "compiled",
            Goal::Complete => "complete",
            Goal::Deployment(status) => GOALS
                .iter()
                .find(|g| g.eq_ignore_ascii_case(status))
                .copied()
                .unwrap_or("running"),
        }
    }
}

/// The fields of a `selector=status` body the rules read.
pub struct Pipeline<'a> {
    pub program: &'a str,
    pub deployment: Option<&'a str>,
    pub desired: Option<&'a str>,
    /// `deployment_error`, when set.
    pub error: Option<&'a Value>,
    pub runtime_details: Option<&'a Value>,
    /// When its program and its deployment last changed status.
    program_since: Option<&'a str>,
    deployment_since: Option<&'a str>,
}

impl<'a> Pipeline<'a> {
    /// Err names what is missing: `program_status` is the one field
    /// every answer must have.
    pub fn read(body: &'a Value) -> Result<Pipeline<'a>, String> {
        if !body.is_object() {
            return Err("the response is not a JSON object".to_owned());
        }
        let program = match body.get("program_status") {
            Some(Value::String(s)) => s.as_str(),
            Some(other) => return Err(format!("`program_status` is not a string: {other}")),
            None => return Err("the response has no `program_status` field".to_owned()),
        };
        Ok(Pipeline {
            program,
            deployment: str_field(body, "deployment_status"),
            desired: str_field(body, "deployment_desired_status"),
            error: body.get("deployment_error").filter(|e| !e.is_null()),
            runtime_details: body
                .get("deployment_runtime_status_details")
                .filter(|d| !d.is_null()),
            program_since: str_field(body, "program_status_since"),
            deployment_since: str_field(body, "deployment_status_since"),
        })
    }

    /// The compile failed.
    pub fn compile_failed(&self) -> bool {
        matches!(self.program, "SqlError" | "RustError" | "SystemError")
    }

    /// `status`: the program's until it compiled, then the deployment's.
    pub fn status(&self) -> &'a str {
        match (self.program, self.deployment) {
            ("Success", Some(deployment)) => deployment,
            (program, _) => program,
        }
    }

    /// When [`Pipeline::status`] last changed.
    pub fn since(&self) -> Option<&'a str> {
        match (self.program, self.deployment) {
            ("Success", Some(_)) => self.deployment_since,
            _ => self.program_since,
        }
    }

    /// Whether `/stats` can answer: the pipeline runs or is paused.
    pub fn has_stats(&self) -> bool {
        matches!(self.deployment, Some("Running" | "Paused"))
    }
}

/// What `/stats` says of a pipeline's input.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stats {
    pub complete: bool,
    pub done: Option<u64>,
    pub total: Option<u64>,
    /// The first input whose `fatal_error` is set: its name and the error.
    pub fatal: Option<(String, String)>,
}

impl Stats {
    /// From a ControllerStatus body; Err names what is missing.
    pub fn read(body: &Value) -> Result<Stats, String> {
        let metrics = body
            .get("global_metrics")
            .filter(|m| m.is_object())
            .ok_or("the statistics have no `global_metrics` object")?;
        let fatal = body
            .get("inputs")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .find_map(|input| {
                let error = str_field(input, "fatal_error").filter(|e| !e.is_empty())?;
                let name = str_field(input, "endpoint_name").unwrap_or("an input");
                Some((name.to_owned(), error.to_owned()))
            });
        Ok(Stats {
            complete: metrics.get("pipeline_complete").and_then(Value::as_bool) == Some(true),
            done: as_count(metrics.get("total_completed_records")),
            total: as_count(metrics.get("total_input_records")),
            fatal,
        })
    }

    pub fn progress(&self) -> Progress {
        let percent = match (self.done, self.total) {
            (Some(done), Some(total)) if total > 0 => Some(done as f64 * 100.0 / total as f64),
            _ => None,
        };
        Progress {
            percent,
            done: self.done,
            total: self.total,
            failed: None,
            skipped: None,
        }
    }
}

/// The state against `goal`, by the first rule that applies (CONTRACT §16).
pub fn state(p: &Pipeline<'_>, goal: Goal, stats: Option<&Stats>) -> State {
    if p.compile_failed() {
        return State::Failed;
    }
    if !PROGRAM_STATUSES.contains(&p.program) {
        return State::Unknown;
    }
    if goal == Goal::Compiled {
        return match p.program {
            "Success" => State::Succeeded,
            "Pending" => State::Pending,
            _ => State::Running,
        };
    }
    let deployment = p.deployment.unwrap_or_default();
    let stopped = matches!(deployment, "Stopped" | "Stopping");
    if (stopped && p.error.is_some()) || stats.is_some_and(|s| s.fatal.is_some()) {
        return State::Failed;
    }
    match goal {
        Goal::Deployment(want) if deployment == want => return State::Succeeded,
        Goal::Complete if stats.is_some_and(|s| s.complete) => return State::Succeeded,
        _ => {}
    }
    if deployment == "AwaitingApproval" {
        return State::Partial;
    }
    let desired_stopped = p.desired == Some("Stopped");
    if goal != Goal::Deployment("Stopped") && deployment == "Stopped" && desired_stopped {
        return State::Cancelled;
    }
    if p.program == "Pending" || (deployment == "Stopped" && !desired_stopped) {
        return State::Pending;
    }
    if DEPLOYMENT_STATUSES.contains(&deployment) {
        State::Running
    } else {
        State::Unknown
    }
}

/// Compile progress: `Pending` 0 to `Success` 4, of 4.
pub fn compile_progress(program: &str) -> Option<Progress> {
    let step = PROGRAM_STATUSES[..5].iter().position(|s| *s == program)? as u64;
    Some(Progress {
        percent: Some(step as f64 * 25.0),
        done: Some(step),
        total: Some(4),
        failed: None,
        skipped: None,
    })
}

/// A deployment error's message and code: `Pipeline crashed (RunnerError)`.
pub fn deployment_error(error: &Value) -> String {
    let message = str_field(error, "message").unwrap_or("deployment failed");
    match str_field(error, "error_code") {
        Some(code) => format!("{message} ({code})"),
        None => message.to_owned(),
    }
}

/// What a pipeline awaiting approval waits for: the reason, else the diff.
pub fn awaiting(details: Option<&Value>) -> String {
    let why = details.and_then(|d| {
        str_field(d, "reason").map(str::to_owned).or_else(|| {
            d.get("approval_diff")
                .filter(|diff| !diff.is_null())
                .map(Value::to_string)
        })
    });
    match why {
        Some(why) => format!("awaiting approval: {why}"),
        None => "awaiting approval of a bootstrap change".to_owned(),
    }
}

/// A failed compile's details, from `program_error` (`selector=all`): the
/// first SQL error with its line and column, the Rust compiler's exit
/// code and last stderr line, or the system error.
pub fn program_error(program: &str, error: &Value) -> Option<String> {
    match program {
        "SqlError" => {
            let messages = error.get("sql_compilation")?.get("messages")?.as_array()?;
            let first = messages
                .iter()
                .find(|m| m.get("warning").and_then(Value::as_bool) != Some(true))
                .or_else(|| messages.first())?;
            let kind = str_field(first, "error_type").unwrap_or("SQL error");
            let message = str_field(first, "message").unwrap_or_default();
            let line = as_count(first.get("start_line_number")).unwrap_or(0);
            let column = as_count(first.get("start_column")).unwrap_or(0);
            Some(format!("{kind} at line {line}, column {column}: {message}"))
        }
        "RustError" => {
            let rust = error.get("rust_compilation")?;
            let code = rust
                .get("exit_code")
                .map_or_else(String::new, Value::to_string);
            let last = str_field(rust, "stderr")
                .and_then(|e| e.lines().rev().find(|l| !l.trim().is_empty()))
                .unwrap_or_default();
            Some(format!(
                "the Rust compiler exited with {code}: {}",
                last.trim()
            ))
        }
        "SystemError" => str_field(error, "system_error").map(str::to_owned),
        _ => None,
    }
}
