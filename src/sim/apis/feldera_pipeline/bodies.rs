//! The bodies of a simulated Feldera pipeline besides its status: what
//! its compilers said (`program_error`, with `selector=all`) and its
//! statistics (`/stats`), the server's configuration; and the words of its name, and where in its
//! life a phase is, which its status body reads too.

use serde_json::{Value, json};

use crate::sim::api::StatusRequest;
use crate::sim::bodies::{hash, uuid_for, with_escape};
use crate::sim::decision::{Phase, Stage};
use crate::sim::scenario::Outcome;

/// A pipeline name's own words.
#[derive(Clone, Copy, Default)]
pub(super) struct Words {
    /// Its desired status once started.
    pub(super) desired: &'static str,
    pub(super) idle: bool,
    pub(super) stopping: bool,
    pub(super) complete: bool,
    pub(super) fatal: bool,
    pub(super) rust: bool,
    pub(super) system: bool,
    pub(super) crash: bool,
}

impl Words {
    pub(super) fn parse(name: &str) -> Words {
        let mut words = Words {
            desired: "Running",
            ..Words::default()
        };
        for word in name.split(['-', '_']) {
            match word.to_ascii_lowercase().as_str() {
                "paused" => words.desired = "Paused",
                "standby" => words.desired = "Standby",
                "suspended" => words.desired = "Suspended",
                "stopped" => words.stopping = true,
                "idle" => words.idle = true,
                "complete" => words.complete = true,
                "fatal" => words.fatal = true,
                "rust" => words.rust = true,
                "system" => words.system = true,
                "crash" => words.crash = true,
                _ => {}
            }
        }
        words
    }
}

/// Where in its life a pipeline is, 0..=1 of its duration.
pub(super) fn fraction(phase: &Phase, outcome: Outcome) -> f64 {
    match phase.stage {
        Stage::Pending => 0.0,
        Stage::Dispatched => 0.1,
        Stage::Running if outcome.final_work() > 0.0 => {
            0.15 + 0.85 * (phase.work / outcome.final_work()).min(1.0)
        }
        Stage::Running | Stage::Mystery => 0.7,
        Stage::Finished(_) => 1.0,
    }
}

/// ProgramError: what the compilers said.
pub(super) fn program_error(program: &str, escape: bool) -> Value {
    match program {
        "SqlError" => json!({"sql_compilation": {"exit_code": 1, "messages": [{
            "start_line_number": 3, "start_column": 12, "end_line_number": 3, "end_column": 17,
            "warning": false, "error_type": "Not a valid column",
            "message": with_escape("Column 'AMOUNT' not found in table 'ORDERS'", escape),
            "snippet": "    3|SELECT amount FROM orders\n                ^^^^^^\n",
        }]}, "rust_compilation": null, "system_error": null}),
        "RustError" => {
            json!({"sql_compilation": {"exit_code": 0, "messages": []}, "rust_compilation": {
            "exit_code": 101, "stdout": "",
            "stderr": with_escape("error[E0425]: cannot find function `udf_tax`\nerror: could not compile `pipeline` due to 1 previous error\n", escape),
        }, "system_error": null})
        }
        "SystemError" => json!({"sql_compilation": null, "rust_compilation": null,
            "system_error": with_escape("The compiler server restarted while compiling the program", escape)}),
        _ => json!({"sql_compilation": null, "rust_compilation": null, "system_error": null}),
    }
}

/// ControllerStatus: a batch load's records (100 per item of `items<N>`),
/// complete at the end; with `fatal`, its input fails instead.
pub(super) fn stats_body(r: &StatusRequest) -> Value {
    let (name, s) = (r.id, r.scenario);
    let words = Words::parse(name);
    let finished = matches!(r.phase.stage, Stage::Finished(_));
    let total = s.items * 100;
    let share = ((fraction(r.phase, s.outcome) - 0.4) / 0.6).clamp(0.0, 1.0);
    let share = if words.fatal { share.min(0.6) } else { share };
    let done = (total as f64 * share) as u64;
    let complete = words.complete && finished && !words.fatal;
    let fatal = (words.fatal && finished)
        .then(|| with_escape("Kafka error: broker orders-1 is unreachable", s.escape));
    let start = r
        .clock
        .first_seen
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let uptime = r
        .clock
        .now
        .duration_since(r.clock.first_seen)
        .map_or(0, |d| d.as_millis() as u64);
    json!({
        "global_metrics": {
            "state": if words.desired == "Paused" { "Paused" } else { "Running" },
            "bootstrap_in_progress": false,
            "transaction_status": "NoTransaction",
            "transaction_id": 0,
            "transaction_initiators": {"initiated_by_connectors": {}},
            "concurrent_bootstrap_phase": "Inactive",
            "rss_bytes": 120_000_000 + hash(name, 3) % 10_000_000,
            "memory_pressure": "low",
            "memory_pressure_epoch": 0,
            "cpu_msecs": uptime / 2,
            "uptime_msecs": uptime,
            "start_time": start,
            "incarnation_uuid": uuid_for(name, 4),
            "initial_start_time": start,
            "storage_bytes": done * 64,
            "storage_mb_secs": 0,
            "runtime_elapsed_msecs": uptime,
            "buffered_input_records": 0,
            "buffered_input_bytes": 0,
            "total_input_records": total,
            "total_input_bytes": total * 64,
            "total_processed_records": done,
            "total_processed_bytes": done * 64,
            "total_completed_records": done,
            "output_stall_msecs": 0,
            "total_initiated_steps": 1 + done / 100,
            "total_completed_steps": 1 + done / 100,
            "pipeline_complete": complete,
        },
        "inputs": [{
            "endpoint_name": "orders.kafka",
            "config": {"stream": "orders"},
            "metrics": {
                "total_bytes": total * 64, "total_records": total, "buffered_records": 0,
                "buffered_bytes": 0, "num_transport_errors": u64::from(fatal.is_some()),
                "num_parse_errors": 0, "end_of_input": complete,
            },
            "paused": false,
            "barrier": false,
            "fatal_error": fatal,
        }],
        "outputs": [],
    })
}

/// Configuration: the server's version and build, as Feldera 0.337.0
/// answers `GET /v0/config`.
pub(super) fn config_body(_: &StatusRequest) -> Value {
    json!({
        "posthog": "",
        "conceptualhq": "",
        "product_fruits": "",
        "edition": "Open source",
        "version": "0.337.0",
        "revision": "0000000000000000000000000000000000000000",
        "runtime_revision": "0000000000000000000000000000000000000000",
        "changelog_url": "https://github.com/feldera/feldera/releases/tag/v0.337.0",
        "build_info": {
            "build_timestamp": "2026-11-01T00:00:00Z", "build_cpu": "x86_64", "build_os": "linux",
            "cargo_dependencies": "", "cargo_features": "", "cargo_debug": "false",
            "cargo_opt_level": "3", "cargo_target_triple": "x86_64-unknown-linux-gnu",
            "rustc_version": "1.90.0",
        },
        "build_source": "source",
        "license_validity": null,
        "update_info": null,
        "unstable_features": null,
    })
}
