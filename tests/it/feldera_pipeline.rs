//! `pipewatch feldera pipeline status` (CONTRACT §16, Feldera pipelines)
//! through the real binary against the simulator over HTTP: one request a
//! poll, each state against its goal, the goal fixed at the first answer,
//! a failed compile's message read once, `--for complete` through
//! `/stats`, `--all`, the tenant header and the exporter's `for`.

use crate::common::exporter::{Exporter, assert_state};
use crate::common::*;
use serde_json::{Value, json};

fn pipeline(server: &Server, args: &[&str]) -> (i32, Value, String) {
    let mut all = vec!["feldera", "pipeline", "status"];
    all.extend(args);
    all.push("--json");
    let (code, stdout, stderr) = query(server, &all);
    let env = envelopes(&stdout).into_iter().next().unwrap_or(Value::Null);
    (code, env, stderr)
}

/// The requests for one pipeline: (path, query).
fn asked(server: &Server, name: &str) -> Vec<(String, String)> {
    requests(server)
        .into_iter()
        .filter(|(path, _)| path.starts_with(&format!("/v0/pipelines/{name}")))
        .collect()
}

#[test]
fn one_request_a_poll_for_the_status_only() {
    let server = sim();
    let (code, env, stderr) = pipeline(&server, &["orders-ok"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(env["service"], "feldera.pipeline");
    assert_eq!(env["target"], json!({"pipeline_name": "orders-ok"}));
    assert_eq!(
        (&env["status"], &env["state"]),
        (&json!("Running"), &json!("succeeded"))
    );
    // The response is the selector=status body: no program.
    assert!(env["response"].get("program_code").is_none(), "{env}");
    assert_eq!(
        requests(&server),
        [(
            "/v0/pipelines/orders-ok".to_owned(),
            "selector=status".to_owned()
        )]
    );
    // A name is one path segment.
    let server = sim();
    let (code, _, stderr) = pipeline(&server, &["a/b?c"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(requests(&server)[0].0, "/v0/pipelines/a%2Fb%3Fc");
}

#[test]
fn states_against_the_goal() {
    let server = sim();
    // (pipeline words, --for, status, state, exit code)
    let cases: [(&str, Option<&str>, &str, &str, i32); 12] = [
        ("p-ok", None, "Running", "succeeded", 0),
        ("p-paused", None, "Paused", "succeeded", 0),
        ("p-standby", Some("standby"), "Standby", "succeeded", 0),
        ("p-idle", None, "Stopped", "succeeded", 0),
        ("p-idle", Some("compiled"), "Stopped", "succeeded", 0),
        // Nobody started it, and it was to run: cancelled.
        ("p-idle", Some("running"), "Stopped", "cancelled", 4),
        ("p-ok", Some("paused"), "Running", "running", 5),
        ("p-partial", None, "AwaitingApproval", "partial", 3),
        ("p-failed-crash", None, "Stopped", "failed", 1),
        ("p-pending", None, "Pending", "pending", 5),
        ("p-running", None, "Initializing", "running", 5),
        ("p-mystery", None, "Hibernating", "unknown", 5),
    ];
    for (name, goal, status, state, exit) in cases {
        let mut args = vec![name];
        if let Some(goal) = goal {
            args.extend(["--for", goal]);
        }
        let (code, env, stderr) = pipeline(&server, &args);
        assert_eq!(
            (env["status"].as_str(), env["state"].as_str()),
            (Some(status), Some(state)),
            "{name} {goal:?}"
        );
        assert_eq!(code, exit, "{name} {goal:?}: {stderr}");
        assert_eq!(
            stderr.contains("unknown status"),
            state == "unknown",
            "{name}: {stderr}"
        );
    }
}

#[test]
fn a_failed_compile_shows_the_compilers_message_read_once() {
    let server = sim();
    let (code, table, stderr) = query(&server, &["feldera", "pipeline", "status", "sales-failed"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(table.contains("SqlError"), "{table}");
    assert!(
        table.contains(
            "Not a valid column at line 3, column 12: Column 'AMOUNT' not found in table 'ORDERS'"
        ),
        "{table}"
    );
    assert_eq!(
        asked(&server, "sales-failed"),
        [
            (
                "/v0/pipelines/sales-failed".to_owned(),
                "selector=status".to_owned()
            ),
            (
                "/v0/pipelines/sales-failed".to_owned(),
                "selector=all".to_owned()
            ),
        ]
    );
    let (_, env, _) = pipeline(&server, &["udf-failed-rust"]);
    assert_eq!(env["status"], "RustError");
    let (_, table, _) = query(
        &server,
        &["feldera", "pipeline", "status", "udf-failed-rust"],
    );
    assert!(
        table.contains("exited with 101: error: could not compile"),
        "{table}"
    );
    let (_, table, _) = query(
        &server,
        &["feldera", "pipeline", "status", "x-failed-system"],
    );
    assert!(table.contains("The compiler server restarted"), "{table}");
    // Whatever the goal.
    let (code, env, _) = pipeline(&server, &["sales-failed", "--for", "compiled"]);
    assert_eq!((code, &env["state"]), (1, &json!("failed")));
}

#[test]
fn a_deployment_error_fails_it_with_message_and_code() {
    let server = sim();
    let (code, table, _) = query(
        &server,
        &["feldera", "pipeline", "status", "etl-failed-crash"],
    );
    assert_eq!(code, 1);
    assert!(table.contains("worker 3 panicked"), "{table}");
    assert!(table.contains("(RunnerError)"), "{table}");
    // --for stopped: a stop with an error is no success.
    let (code, _, _) = query(
        &server,
        &[
            "feldera",
            "pipeline",
            "status",
            "etl-failed-crash",
            "--for",
            "stopped",
        ],
    );
    assert_eq!(code, 1);
}

#[test]
fn a_watch_shows_the_compile_then_the_deployment() {
    let server = sim();
    let (code, stdout, stderr) = query(
        &server,
        &[
            "feldera",
            "pipeline",
            "status",
            "orders-ok-2s",
            "--watch",
            "--interval",
            "100ms",
            "--events",
            "--json",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    let events = envelopes(&stdout);
    let statuses: Vec<&str> = events
        .iter()
        .map(|e| e["status"].as_str().unwrap())
        .collect();
    let at = |s: &str| {
        statuses
            .iter()
            .position(|x| *x == s)
            .unwrap_or_else(|| panic!("{s}: {statuses:?}"))
    };
    assert!(
        at("Pending") < at("CompilingSql") && at("CompilingSql") < at("CompilingRust"),
        "{statuses:?}"
    );
    assert!(
        at("CompilingRust") < at("Provisioning") && at("Initializing") < at("Running"),
        "{statuses:?}"
    );
    // Compile progress: Pending 0 of 4 ... CompilingRust 3 of 4.
    assert_eq!(events[0]["progress"]["done"], 0);
    assert_eq!(events[0]["progress"]["total"], 4);
    assert_eq!(events[at("CompilingRust")]["progress"]["done"], 3);
    assert_eq!(events.last().unwrap()["state"], "succeeded");
    // One request a poll, each for the status only.
    assert!(
        requests(&server)
            .iter()
            .all(|(_, q)| q == "selector=status")
    );
}

#[test]
fn for_compiled_ends_when_the_program_compiled() {
    let server = sim();
    let (code, env, stderr) = pipeline(
        &server,
        &[
            "orders-ok-2s",
            "--for",
            "compiled",
            "--watch",
            "--interval",
            "100ms",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(env["progress"]["done"], 4);
    // Done before the deployment is.
    assert_ne!(env["status"], "Running", "{env}");
}

#[test]
fn the_goal_is_the_desired_status_at_the_first_answer() {
    let server = sim();
    // Wanted running at first; someone stops it halfway: cancelled, not a
    // success of a goal that changed under the watch.
    let (code, env, stderr) = pipeline(
        &server,
        &["ops-cancelled-2s", "--watch", "--interval", "100ms"],
    );
    assert_eq!(code, 4, "{stderr}");
    assert_eq!(
        (&env["status"], &env["state"]),
        (&json!("Stopped"), &json!("cancelled"))
    );
    assert_eq!(env["response"]["deployment_desired_status"], "Stopped");
    // Asked afresh now, its desired status is Stopped: reached.
    let (code, _, _) = pipeline(&server, &["ops-cancelled-2s"]);
    assert_eq!(code, 0);
}

#[test]
fn awaiting_approval_ends_the_watch_as_partial() {
    let server = sim();
    let (code, table, stderr) = query(
        &server,
        &[
            "feldera",
            "pipeline",
            "status",
            "views-partial-1s",
            "--watch",
            "--interval",
            "100ms",
            "--timeout",
            "20s",
        ],
    );
    assert_eq!(code, 3, "{stderr}");
    assert!(
        table.contains("awaiting approval: Bootstrapping the changed view"),
        "{table}"
    );
}

#[test]
fn for_complete_reads_the_stats_each_poll_while_running() {
    let server = sim();
    let (code, stdout, stderr) = query(
        &server,
        &[
            "feldera",
            "pipeline",
            "status",
            "load-complete-2s",
            "--for",
            "complete",
            "--watch",
            "--interval",
            "100ms",
            "--events",
            "--json",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    let events = envelopes(&stdout);
    let last = events.last().unwrap();
    assert_eq!(last["state"], "succeeded");
    assert_eq!(last["progress"]["done"], 2000);
    assert_eq!(last["progress"]["total"], 2000);
    // `stats` is the last field: global_metrics as received.
    assert_eq!(
        last.as_object()
            .unwrap()
            .keys()
            .next_back()
            .map(String::as_str),
        Some("stats")
    );
    assert_eq!(last["stats"]["pipeline_complete"], true);
    assert!(
        events
            .iter()
            .any(|e| e["status"] == "Running" && e["state"] == "running")
    );
    // /stats only while it runs: never before it was Running.
    let reqs = asked(&server, "load-complete-2s");
    let first_stats = reqs
        .iter()
        .position(|(p, _)| p.ends_with("/stats"))
        .expect("stats asked");
    assert!(first_stats > 2, "{reqs:?}");
    let polls = reqs.iter().filter(|(p, _)| !p.ends_with("/stats")).count();
    let stats = reqs.len() - polls;
    assert!(stats >= 2 && stats < polls, "{stats} of {polls}");
    // Every status request after the first stats one is followed by stats.
    assert!(
        reqs[first_stats..]
            .windows(2)
            .all(|w| w[0].0.ends_with("/stats") || w[1].0.ends_with("/stats")),
        "{reqs:?}"
    );
}

#[test]
fn for_complete_fails_on_an_inputs_fatal_error() {
    let server = sim();
    let (code, table, stderr) = query(
        &server,
        &[
            "feldera",
            "pipeline",
            "status",
            "load-complete-fatal-1s",
            "--for",
            "complete",
            "--watch",
            "--interval",
            "100ms",
        ],
    );
    assert_eq!(code, 1, "{stderr}");
    assert!(
        table.contains("input orders.kafka: Kafka error: broker orders-1 is unreachable"),
        "{table}"
    );
}

#[test]
fn all_lists_every_pipeline_in_one_request_a_poll() {
    let server = sim();
    let (code, stdout, stderr) = query(
        &server,
        &[
            "feldera",
            "pipeline",
            "status",
            "--all",
            "--watch",
            "--interval",
            "200ms",
            "--timeout",
            "20s",
            "--json",
        ],
    );
    // The simulator's fleet: one failed compile, one awaiting approval.
    assert_eq!(code, 1, "{stderr}");
    let envs = envelopes(&stdout);
    let states: Vec<(&str, &str)> = envs
        .iter()
        .map(|e| {
            (
                e["target"]["pipeline_name"].as_str().unwrap(),
                e["state"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        states,
        [
            ("orders-ok-2s", "succeeded"),
            ("clicks-paused-2s", "succeeded"),
            ("billing-failed", "failed"),
            ("backfill-complete-3s", "succeeded"),
            ("legacy-idle", "succeeded"),
            ("reports-partial-2s", "partial"),
        ]
    );
    let reqs = requests(&server);
    let listings = reqs.iter().filter(|(p, _)| p == "/v0/pipelines").count();
    assert!(listings >= 3, "{reqs:?}");
    assert!(
        reqs.iter()
            .filter(|(p, _)| p == "/v0/pipelines")
            .all(|(_, q)| q == "selector=status")
    );
    // The failed compile's message, read once over all those polls.
    let all: Vec<_> = reqs.iter().filter(|(_, q)| q == "selector=all").collect();
    assert_eq!(all.len(), 1, "{reqs:?}");
    assert_eq!(all[0].0, "/v0/pipelines/billing-failed");
    assert_eq!(reqs.len(), listings + 1, "{reqs:?}");

    // --for: every pipeline's goal.
    let (code, stdout, _) = query(
        &server,
        &[
            "feldera", "pipeline", "status", "--all", "--for", "compiled", "--json",
        ],
    );
    let envs = envelopes(&stdout);
    assert_eq!(code, 1);
    assert_eq!(envs.iter().filter(|e| e["state"] == "succeeded").count(), 5);
}

#[test]
fn the_tenant_is_sent_on_every_request() {
    let server = sim();
    let home = home();
    let (code, _, stderr) = run(bin_at(home.path(), &server)
        .env("FELDERA_TENANT", "team-a")
        .args([
            "feldera",
            "pipeline",
            "status",
            "t-complete",
            "t-failed",
            "--for",
            "complete",
        ]));
    assert_eq!(code, 1, "{stderr}");
    let recorded = server.requests();
    assert_eq!(recorded.len(), 4, "{recorded:?}");
    assert!(
        recorded
            .iter()
            .all(|r| r.tenant.as_deref() == Some("team-a"))
    );
}

#[test]
fn bad_goals_and_unknown_pipelines() {
    let server = sim();
    let (code, _, stderr) = query(
        &server,
        &["feldera", "pipeline", "status", "p", "--for", "finished"],
    );
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("complete"), "{stderr}");
    assert!(server.requests().is_empty());
    let (code, env, _) = pipeline(&server, &["nope-notfound"]);
    assert_eq!(code, 7);
    assert_eq!(env["error"]["code"], "UnknownPipelineName");
}

#[test]
fn the_exporter_takes_the_goal_as_for() {
    let server = sim();
    let home = home();
    let exporter = Exporter::start(home.path(), &server, &[]);
    let series = exporter.probe("service=feldera.pipeline&pipeline_name=ex-idle");
    assert_state(&series, "feldera.pipeline", "ex-idle", "succeeded");
    let series = exporter.probe("service=feldera.pipeline&pipeline_name=ex-idle&for=running");
    assert_state(&series, "feldera.pipeline", "ex-idle", "cancelled");
    let series = exporter.probe("service=feldera.pipeline&all=1&for=compiled");
    assert_eq!(series.value("pipewatch_probe_success", &[]), 1.0);
    let (status, body) = exporter.get("/probe?service=feldera.pipeline&pipeline_name=p&for=soon");
    assert_eq!(status, 400, "{body}");
}
