//! `--watch`, `--events`, `--timeout` and Ctrl-C through the real binary,
//! against the simulator. CONTRACT §2, §5, §6 and §8.

use std::process::{Command as StdCommand, Stdio};
use std::time::{Duration, Instant};

use crate::common::*;

fn watch(server: &Server, args: &[&str]) -> (i32, String, String) {
    let home = home();
    run(bin_at(home.path(), server).args(args))
}

#[test]
fn watch_follows_each_job_to_its_end() {
    let server = sim();
    for (id, code, status) in [
        ("b-ok-1s", 0, "completed"),
        ("b-partial-1s", 3, "completed"),
        ("b-failed-1s", 1, "failed"),
        ("b-cancelled-1s", 4, "cancelled"),
    ] {
        let (got, stdout, stderr) = watch(
            &server,
            &["batch", "status", id, "--watch", "--interval", "200ms"],
        );
        assert_eq!(got, code, "{id}: {stderr}");
        assert!(stdout.contains(status), "{id}: {stdout}");
        // Off a terminal: one plain line per change, no escape codes.
        assert!(!stderr.contains('\u{1b}'), "{stderr:?}");
        let first = stderr.lines().next().unwrap_or_default();
        assert!(
            first.contains(&format!("batch {id} - -> pending")),
            "{stderr}"
        );
        assert!(stderr.contains(&format!("-> {status}")), "{stderr}");
        // Finished targets are not polled again.
        let hits = server.hits(id);
        std::thread::sleep(Duration::from_millis(500));
        assert_eq!(server.hits(id), hits);
    }
}

#[test]
fn plain_lines_carry_time_service_target_and_statuses() {
    let server = sim();
    let (code, _, stderr) = watch(
        &server,
        &[
            "llama",
            "pipeline",
            "status",
            "p-ok-1s",
            "--watch",
            "--interval",
            "100ms",
        ],
    );
    assert_eq!(code, 0);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{stderr}");
    for (line, change) in lines.iter().zip([
        "- -> NOT_STARTED",
        "NOT_STARTED -> IN_PROGRESS",
        "IN_PROGRESS -> SUCCESS",
    ]) {
        let (time, rest) = line.split_once(' ').unwrap();
        assert!(time.ends_with('Z') && time.len() == 20, "{line}");
        assert_eq!(rest, format!("llama.pipeline p-ok-1s {change}"));
    }
}

#[test]
fn interval_spaces_the_polls_of_one_target() {
    let server = sim();
    let (code, _, _) = watch(
        &server,
        &[
            "feldera",
            "token",
            "p",
            "t-ok-2s",
            "--watch",
            "--interval",
            "500ms",
        ],
    );
    assert_eq!(code, 0);
    let times: Vec<Instant> = server.requests().iter().map(|r| r.at).collect();
    assert!(times.len() >= 3, "{}", times.len());
    for pair in times.windows(2) {
        assert!(
            pair[1] - pair[0] >= Duration::from_millis(480),
            "{:?}",
            pair[1] - pair[0]
        );
    }
}

#[test]
fn timeout_is_one_deadline_for_all_targets() {
    let server = sim();
    let started = Instant::now();
    let (code, stdout, _) = watch(
        &server,
        &[
            "clarifeye",
            "run",
            "--project",
            "p",
            "r-ok",
            "r-running",
            "r-pending",
            "--watch",
            "--interval",
            "200ms",
            "--timeout",
            "1500ms",
            "--json",
        ],
    );
    let elapsed = started.elapsed();
    assert_eq!(code, 6);
    assert!(elapsed < Duration::from_secs(5), "{elapsed:?}");
    let lines = envelopes(&stdout);
    let states: Vec<&str> = lines.iter().map(|l| l["state"].as_str().unwrap()).collect();
    assert_eq!(states, ["succeeded", "running", "pending"]);
    assert_eq!(server.hits("r-ok"), 1);
}

#[test]
fn events_stream_every_change_first_and_final_included() {
    let server = sim();
    let (code, stdout, _) = watch(
        &server,
        &[
            "batch",
            "status",
            "b-ok-1s-items10",
            "--watch",
            "--events",
            "--interval",
            "100ms",
        ],
    );
    assert_eq!(code, 0);
    let events = envelopes(&stdout);
    assert!(events.len() >= 3, "{stdout}");
    assert_eq!(events[0]["status"], "pending");
    let last = events.last().unwrap();
    assert_eq!(last["state"], "succeeded");
    assert_eq!(last["terminal"], true);
    // Each line differs from the one before it.
    for pair in events.windows(2) {
        assert!(
            pair[0]["status"] != pair[1]["status"] || pair[0]["progress"] != pair[1]["progress"],
            "{pair:?}"
        );
    }
}

#[test]
fn transient_failures_do_not_end_a_watch() {
    let server = sim();
    let (code, _, stderr) = watch(
        &server,
        &[
            "feldera",
            "token",
            "p",
            "t-flaky",
            "--watch",
            "--interval",
            "100ms",
            "--retries",
            "0",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("unreachable (HTTP 503)"), "{stderr}");
    assert_eq!(server.hits("t-flaky"), 3);
}

#[test]
fn permanent_errors_end_the_watch_of_their_target() {
    let server = sim();
    let (code, _, _) = watch(
        &server,
        &[
            "llama",
            "pipeline",
            "status",
            "p-notfound",
            "q-ok-1s",
            "--watch",
            "--interval",
            "100ms",
        ],
    );
    assert_eq!(code, 7);
    assert_eq!(server.hits("p-notfound"), 1);
}

#[test]
fn unknown_status_keeps_waiting_with_one_warning() {
    let server = sim();
    let (code, _, stderr) = watch(
        &server,
        &[
            "llama",
            "pipeline",
            "status",
            "p-mystery",
            "--watch",
            "--interval",
            "100ms",
            "--timeout",
            "1s",
        ],
    );
    assert_eq!(code, 6);
    assert!(server.hits("p-mystery") >= 3);
    assert_eq!(stderr.matches("unknown status").count(), 1, "{stderr}");
}

/// Start pipewatch, wait, send SIGINT, and return (code, stdout, elapsed after the signal).
fn interrupt(server: &Server, args: &[&str], after: Duration) -> (i32, String, Duration) {
    let home = home();
    let child = std_bin_at(home.path(), server)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    std::thread::sleep(after);
    let signalled = Instant::now();
    let status = StdCommand::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(status.success());
    let out = child.wait_with_output().expect("wait");
    let elapsed = signalled.elapsed();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(!stdout.contains(KEY));
    (out.status.code().unwrap_or(-1), stdout, elapsed)
}

#[test]
fn ctrl_c_during_a_watch_prints_the_last_state_and_exits_130() {
    let server = sim();
    let (code, stdout, elapsed) = interrupt(
        &server,
        &[
            "batch",
            "status",
            "b-running",
            "--watch",
            "--interval",
            "200ms",
        ],
        Duration::from_millis(1000),
    );
    assert_eq!(code, 130);
    assert!(elapsed < Duration::from_secs(1), "{elapsed:?}");
    assert!(
        stdout.contains("b-running") && stdout.contains("running"),
        "{stdout}"
    );
}

#[test]
fn ctrl_c_during_a_one_off_query_exits_130() {
    let server = sim();
    let (code, stdout, elapsed) = interrupt(
        &server,
        &["feldera", "token", "p", "t-ok", "t-stall", "--json"],
        Duration::from_millis(800),
    );
    assert_eq!(code, 130);
    assert!(elapsed < Duration::from_secs(1), "{elapsed:?}");
    let lines = envelopes(&stdout);
    assert_eq!(lines.len(), 2, "{stdout}");
    assert_eq!(lines[0]["state"], "succeeded");
    assert_eq!(lines[1]["state"], "unknown");
}

#[test]
fn rate_limit_mid_watch_waits_as_told_and_recovers() {
    let server = sim();
    let (code, _, _) = watch(
        &server,
        &[
            "feldera",
            "token",
            "p",
            "t-ratelimited",
            "--watch",
            "--interval",
            "100ms",
        ],
    );
    assert_eq!(code, 0);
    let times: Vec<Instant> = server.requests().iter().map(|r| r.at).collect();
    assert!(
        times[1] - times[0] >= Duration::from_millis(950),
        "Retry-After: 1 ignored"
    );
}

#[test]
fn many_targets_finish_at_different_times() {
    let server = sim();
    let ids = [
        "a-ok-300ms",
        "b-failed-1s",
        "c-partial-600ms",
        "d-ok",
        "e-cancelled-800ms",
    ];
    let mut args = vec![
        "batch",
        "status",
        "--watch",
        "--interval",
        "100ms",
        "--json",
    ];
    args.extend(ids);
    let (code, stdout, _) = watch(&server, &args);
    assert_eq!(code, 1, "failed outranks cancelled and partial");
    let states: Vec<String> = envelopes(&stdout)
        .iter()
        .map(|e| e["state"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        states,
        ["succeeded", "failed", "partial", "succeeded", "cancelled"]
    );
    // The instant one was polled once; the slow ones several times.
    assert_eq!(server.hits("d-ok"), 1);
    assert!(server.hits("b-failed-1s") > server.hits("a-ok-300ms"));
}

#[test]
fn demo_runs_every_service_offline_and_exits_0() {
    let home = home();
    let (code, stdout, stderr) = run(bin(home.path()).arg("demo"));
    assert_eq!(code, 0, "{stderr}");
    for service in [
        "llama.pipeline",
        "llama.file",
        "batch",
        "clarifeye.run",
        "feldera.token",
    ] {
        assert!(stderr.contains(service), "{service}: {stderr}");
    }
    assert!(stdout.contains("partial"), "{stdout}");
    assert!(stdout.contains("STEP"), "{stdout}");
}

#[test]
fn ctrl_c_stops_the_demo() {
    let server = sim();
    let (code, _, elapsed) = interrupt(&server, &["demo"], Duration::from_millis(1500));
    assert_eq!(code, 130);
    assert!(elapsed < Duration::from_secs(1), "{elapsed:?}");
}

#[test]
fn demo_serve_prints_exports_that_work() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    drop(listener);
    let home = home();
    let mut child = StdCommand::new(assert_cmd::cargo::cargo_bin("pipewatch"))
        .env_clear()
        .env("HOME", home.path())
        .args(["demo", "--serve", "--addr", &addr])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let mut stdout = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut exports = Vec::new();
    for _ in 0..5 {
        let mut line = String::new();
        std::io::BufRead::read_line(&mut stdout, &mut line).unwrap();
        let (name, value) = line
            .trim()
            .strip_prefix("export ")
            .and_then(|l| l.split_once('='))
            .unwrap_or_else(|| panic!("not an export line: {line:?}"));
        exports.push((name.to_owned(), value.to_owned()));
    }
    let names: Vec<&str> = exports.iter().map(|(n, _)| n.as_str()).collect();
    for name in [
        "LLAMA_CLOUD_BASE_URL",
        "LLAMA_CLOUD_API_KEY",
        "CLARIFEYE_BASE_URL",
        "CLARIFEYE_API_KEY",
        "FELDERA_HOST",
    ] {
        assert!(names.contains(&name), "{names:?}");
    }
    for args in [
        &["batch", "status", "job-partial"][..],
        &["clarifeye", "run", "--project", "p", "run-partial"],
        &["feldera", "token", "orders", "tok-1"],
    ] {
        let mut cmd = bin(home.path());
        for (name, value) in &exports {
            cmd.env(name, value);
        }
        let (code, _, stderr) = run(cmd.args(args));
        assert!(code == 0 || code == 3, "{args:?}: {code} {stderr}");
    }
    StdCommand::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130));
}

/// A 200 whose body is cut short, as a dropped connection or a proxy leaves it.
fn truncated() -> Reply {
    Reply::Raw {
        status: 200,
        content_type: "application/json".into(),
        body: "{\"status\": ".into(),
        headers: Vec::new(),
    }
}

#[test]
fn a_malformed_body_mid_watch_is_asked_again_like_an_outage() {
    let server = sim();
    let done = Reply::json(200, serde_json::json!({"status": "complete"}));
    server.script("tok", vec![truncated(), truncated(), done]);
    let (code, stdout, stderr) = watch(
        &server,
        &[
            "feldera",
            "token",
            "p",
            "tok",
            "--watch",
            "--interval",
            "100ms",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("succeeded"), "{stdout}");
    assert_eq!(server.hits("tok"), 3);
}

#[test]
fn a_body_that_stays_malformed_ends_the_watch_with_10_after_the_retries() {
    let server = sim();
    server.script("tok", vec![truncated()]);
    let args = [
        "feldera",
        "token",
        "p",
        "tok",
        "--watch",
        "--interval",
        "100ms",
    ];
    let (code, stdout, stderr) = watch(&server, &[&args[..], &["--retries", "2"]].concat());
    assert_eq!(code, 10, "{stderr}");
    assert!(stdout.contains("expected JSON"), "{stdout}");
    assert_eq!(server.hits("tok"), 3);
    // --retries 0: the first malformed body ends it, as in a one-off query.
    let server = sim();
    server.script("tok", vec![truncated()]);
    let (code, _, _) = watch(&server, &[&args[..], &["--retries", "0"]].concat());
    assert_eq!(code, 10);
    assert_eq!(server.hits("tok"), 1);
}

#[test]
fn after_a_proper_answer_malformed_bodies_are_an_outage_not_an_end() {
    let server = sim();
    let running = Reply::json(200, serde_json::json!({"status": "inprogress"}));
    let done = Reply::json(200, serde_json::json!({"status": "complete"}));
    let mut script = vec![running];
    script.extend(std::iter::repeat_n(truncated(), 6));
    script.push(done);
    server.script("tok", script);
    // Even with no retries: six malformed answers in a row do not end it.
    let args = [
        "feldera",
        "token",
        "p",
        "tok",
        "--watch",
        "--interval",
        "100ms",
    ];
    let (code, stdout, stderr) = watch(&server, &[&args[..], &["--retries", "0"]].concat());
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("succeeded"), "{stdout}");
    assert!(stderr.contains("-> bad_response (HTTP 200)"), "{stderr}");
    assert_eq!(server.hits("tok"), 8);

    // If they last until --timeout: exit 6, and the last proper state is reported.
    let server = sim();
    let running = Reply::json(200, serde_json::json!({"status": "inprogress"}));
    server.script("tok", vec![running, truncated()]);
    let (code, stdout, stderr) = watch(
        &server,
        &[&args[..], &["--timeout", "1s", "--json"]].concat(),
    );
    assert_eq!(code, 6, "{stderr}");
    let lines = envelopes(&stdout);
    assert_eq!(lines[0]["state"], "running", "{stdout}");
}

/// Line N is argument N, watching too: a target named twice is polled as
/// one and reported twice.
#[test]
fn a_target_named_twice_is_polled_once_and_reported_twice() {
    let server = sim();
    let (code, stdout, stderr) = watch(
        &server,
        &[
            "batch",
            "status",
            "twice-ok-1s",
            "other-ok",
            "twice-ok-1s",
            "--watch",
            "--interval",
            "200ms",
            "--json",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    let ids: Vec<String> = envelopes(&stdout)
        .iter()
        .map(|e| {
            e["target"]["job_id"]
                .as_str()
                .unwrap_or_default()
                .to_owned()
        })
        .collect();
    assert_eq!(ids, ["twice-ok-1s", "other-ok", "twice-ok-1s"]);
    // One poller: about one request per interval, not two.
    let hits = server.hits("twice-ok-1s");
    assert!(
        hits <= 8,
        "{hits} requests for one target in ~1 s at 200 ms"
    );
}
