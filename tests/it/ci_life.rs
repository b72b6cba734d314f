//! Life in CI and shells (CONTRACT §12): SIGTERM and SIGHUP end a run as
//! Ctrl-C does, a closed stdout ends it quietly, a timed-out watch says
//! so once, and a target's last transient failure reaches its report.

#![cfg(unix)]

use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Stdio};

use crate::common::*;

/// Wait (blocking) until the child has written a line to stderr, so its
/// signal handlers are installed; return what it wrote so far.
fn first_stderr_line(child: &mut Child) -> (String, BufReader<std::process::ChildStderr>) {
    let mut stderr = BufReader::new(child.stderr.take().expect("piped stderr"));
    let mut line = String::new();
    stderr.read_line(&mut line).expect("read stderr");
    (line, stderr)
}

fn signal(child: &Child, signal: libc::c_int) {
    let pid = libc::pid_t::try_from(child.id()).expect("pid");
    // SAFETY: kill(2) on our own child's pid, with a valid signal number.
    let sent = unsafe { libc::kill(pid, signal) };
    assert_eq!(sent, 0, "kill failed");
}

/// A watch ended by `sig`: its exit code, stdout, stderr and summary.
fn ended_by(sig: libc::c_int) -> (Option<i32>, String, String, String) {
    let (server, home) = (sim(), home());
    let path = home.path().join("summary.md");
    let mut child = std_bin_at(home.path(), &server)
        .args(["batch", "status", "job-running", "job-failed", "--watch"])
        .args(["--interval", "200ms", "--json", "--summary"])
        .arg(&path)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let (first, mut rest) = first_stderr_line(&mut child);
    signal(&child, sig);
    let mut stderr = first;
    rest.read_to_string(&mut stderr).expect("stderr");
    let out = child.wait_with_output().expect("wait");
    let summary = std::fs::read_to_string(&path).unwrap_or_default();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr,
        summary,
    )
}

#[test]
fn sigterm_ends_a_watch_as_ctrl_c_does_with_143() {
    let (code, stdout, stderr, summary) = ended_by(libc::SIGTERM);
    assert_eq!(code, Some(143), "{stderr}");
    // The last known state is printed: one envelope per target.
    let lines = envelopes(&stdout);
    assert_eq!(lines.len(), 2, "{stdout}");
    assert_eq!(lines[0]["target"]["job_id"], "job-running");
    assert_eq!(lines[0]["state"], "running", "{stdout}");
    assert!(summary.contains("exit 143"), "{summary}");
    assert!(summary.contains("job-running"), "{summary}");
}

#[test]
fn sighup_ends_a_watch_as_ctrl_c_does_with_129() {
    let (code, stdout, stderr, summary) = ended_by(libc::SIGHUP);
    assert_eq!(code, Some(129), "{stderr}");
    assert_eq!(envelopes(&stdout).len(), 2, "{stdout}");
    assert!(summary.contains("exit 129"), "{summary}");
}

/// `--events | head -1`: once the reader is gone, the next write fails and
/// the run ends, quietly, with 141; the summary is still written. Without
/// it the job runs 20 s more and the run ends 0.
#[test]
fn a_closed_stdout_ends_the_watch_quietly() {
    let (server, home) = (sim(), home());
    let path = home.path().join("summary.md");
    let mut child = std_bin_at(home.path(), &server)
        .args([
            "batch",
            "status",
            "job-ok-20s-items500",
            "--watch",
            "--events",
        ])
        .args(["--interval", "200ms", "--summary"])
        .arg(&path)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut stdout = BufReader::new(child.stdout.take().expect("piped stdout"));
    let mut first = String::new();
    stdout.read_line(&mut first).expect("first event");
    assert!(first.starts_with('{'), "{first}");
    drop(stdout); // as `head -1` exits
    let out = child.wait_with_output().expect("wait");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(141), "{stderr}");
    assert!(!stderr.contains("error"), "{stderr}");
    let summary = std::fs::read_to_string(&path).expect("summary written");
    assert!(summary.contains("job-ok-20s-items500"), "{summary}");
}

#[test]
fn a_timed_out_watch_says_so_once_naming_what_was_unfinished() {
    let server = sim();
    let (code, _, stderr) = query(
        &server,
        &[
            "batch",
            "status",
            "job-running-items20",
            "job-ok",
            "--watch",
            "--timeout",
            "2s",
        ],
    );
    assert_eq!(code, 6, "{stderr}");
    let lines: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("timed out"))
        .collect();
    assert_eq!(
        lines,
        ["timed out after 2s: 1 of 2 batch jobs not finished: job-running-items20 (running)"],
        "{stderr}"
    );
}

/// A server that answers 429 with `Retry-After: 10` for ever, watched for
/// 4 s: the watch ends while waiting out the first `Retry-After`, and the
/// report still says why the job is unknown.
#[test]
fn rate_limiting_reaches_the_envelope_the_log_and_the_annotation() {
    let server = sim();
    let home = home();
    let (code, stdout, stderr) = run(bin_at(home.path(), &server)
        .args([
            "batch",
            "status",
            "job-throttled",
            "--watch",
            "--timeout",
            "4s",
        ])
        .arg("--json")
        .env("GITHUB_ACTIONS", "true"));
    assert_eq!(code, 6, "{stderr}");
    let envelope = &envelopes(&stdout)[0];
    let error = &envelope["error"];
    assert_eq!(error["kind"], "unavailable", "{stdout}");
    assert_eq!(error["http_status"], 429, "{stdout}");
    let host = server.addr().to_string();
    let message = error["message"].as_str().unwrap_or_default();
    assert!(message.contains(&host), "{message}");
    // The log shows the rate limiting as it happens, and the end says why.
    assert!(
        stderr.contains("job-throttled - -> unreachable (HTTP 429)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("job-throttled (unreachable: HTTP 429)"),
        "{stderr}"
    );
    let annotation = stderr
        .lines()
        .find(|l| l.starts_with("::error title=batch job-throttled::"))
        .unwrap_or_default();
    assert!(annotation.contains("HTTP 429"), "{stderr}");
    // Asked once: the watch ended during the 10 s wait.
    assert_eq!(server.hits("job-throttled"), 1);
}

/// Nothing listens on port 1: the report names the connect error and the
/// host:port, and the timed-out line says it too.
#[test]
fn a_connect_error_names_the_host_and_port() {
    let home = home();
    let (code, stdout, stderr) = run(bin(home.path())
        .args([
            "batch",
            "status",
            "job-ok",
            "--watch",
            "--timeout",
            "2s",
            "--json",
        ])
        .env("LLAMA_CLOUD_BASE_URL", "http://127.0.0.1:1")
        .env("LLAMA_CLOUD_API_KEY", KEY));
    assert_eq!(code, 6, "{stderr}");
    let error = &envelopes(&stdout)[0]["error"];
    assert_eq!(error["kind"], "unavailable", "{stdout}");
    assert_eq!(error["http_status"], serde_json::Value::Null);
    let message = error["message"].as_str().unwrap_or_default();
    assert!(message.contains("127.0.0.1:1"), "{message}");
    assert!(message.to_lowercase().contains("refused"), "{message}");
    assert!(
        stderr.contains("job-ok (unreachable: connection refused (127.0.0.1:1))"),
        "{stderr}"
    );
}

/// curl bypasses every proxy with `NO_PROXY=*`, IP hosts included
/// (reqwest alone matched `*` against names only: exit 9 here).
#[test]
fn no_proxy_star_bypasses_every_proxy() {
    let server = sim();
    let home = home();
    let (code, _, stderr) = run(bin_at(home.path(), &server)
        .args(["batch", "status", "job-ok"])
        .env("HTTP_PROXY", "http://127.0.0.1:1")
        .env("NO_PROXY", "*"));
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(server.hits("job-ok"), 1);
}

/// A proxy that cannot be reached is named as the proxy, not as the
/// service it was to reach.
#[test]
fn an_unreachable_proxy_is_named_as_the_proxy() {
    let server = sim();
    let home = home();
    let (code, _, stderr) = run(bin_at(home.path(), &server)
        .args(["batch", "status", "job-ok", "--retries", "0"])
        .env("HTTP_PROXY", "http://127.0.0.1:1"));
    assert_eq!(code, 9, "{stderr}");
    assert!(
        stderr.contains("cannot connect to the proxy 127.0.0.1:1"),
        "{stderr}"
    );
    assert_eq!(server.hits("job-ok"), 0);
}

/// 120 failed batch jobs, each with a 20 KB `error_message`: the summary
/// stays under GitHub's 1 MiB, and 10 annotations stand for the 120.
#[test]
fn many_big_failures_fit_github_s_limits() {
    let (server, home) = (sim(), home());
    let message = "x".repeat(20_000);
    let ids: Vec<String> = (0..120).map(|i| format!("big-{i:03}")).collect();
    for id in &ids {
        server.script(
            id,
            vec![Reply::json(
                200,
                serde_json::json!({"job": {"id": id, "status": "failed", "job_type": "parse",
                    "total_items": 10, "processed_items": 10, "failed_items": 10,
                    "error_message": message}}),
            )],
        );
    }
    let path = home.path().join("summary.md");
    let (code, _, stderr) = run(bin_at(home.path(), &server)
        .args(["batch", "status", "--json", "--summary"])
        .arg(&path)
        .args(&ids)
        .env("GITHUB_ACTIONS", "true"));
    assert_eq!(code, 1, "{stderr}");
    let summary = std::fs::read_to_string(&path).expect("summary");
    assert!(summary.len() <= 1024 * 1024, "{} bytes", summary.len());
    assert!(summary.contains("big-119"), "every failed job has its row");
    assert!(summary.contains('…'), "long cells are cut");
    let errors: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("::error"))
        .collect();
    assert_eq!(errors.len(), 10, "{stderr}");
    assert!(errors[8].starts_with("::error title=batch big-008::"));
    assert_eq!(
        errors[9],
        "::error title=pipewatch::... and 111 more failed: see the summary"
    );
}

/// An `api_key_cmd` that hangs (a password manager waiting for a touch)
/// is ended after 30 s: exit 8, naming the timeout, and no request. This
/// test waits those 30 s.
#[test]
fn a_hanging_api_key_cmd_is_exit_8_after_30_seconds() {
    let (server, home) = (sim(), home());
    let path = config(
        home.path(),
        &format!(
            "[profiles.default.llama]\nbase_url = \"{}\"\napi_key_cmd = \"echo started >&2; sleep 600\"\n",
            server.base_url()
        ),
    );
    let (code, _, stderr) = run(bin(home.path())
        .args(["batch", "status", "job-ok", "--config"])
        .arg(&path));
    assert_eq!(code, 8, "{stderr}");
    assert!(stderr.contains("api_key_cmd"), "{stderr}");
    assert!(stderr.contains("timed out"), "{stderr}");
    assert!(stderr.contains("30s"), "{stderr}");
    assert_eq!(server.requests().len(), 0);
}

/// Off a terminal, 3,000 files made over 8,000 lines in the log: now a
/// progress line per poll, and a line for each of the 300 that fail.
#[test]
fn a_collection_s_log_counts_what_succeeds_and_lists_what_fails() {
    let server = sim();
    let (code, _, stderr) = query(
        &server,
        &[
            "llama",
            "file",
            "status",
            "--pipeline",
            "docs-items3000-failed-4s",
            "--all",
            "--watch",
            "--interval",
            "500ms",
        ],
    );
    assert_eq!(code, 1, "{stderr}");
    let progress: Vec<&str> = stderr.lines().filter(|l| l.contains(" done, ")).collect();
    let items: Vec<&str> = stderr.lines().filter(|l| l.contains(" -> ")).collect();
    assert!(!progress.is_empty(), "{stderr}");
    let last = progress.last().copied().unwrap_or_default();
    assert!(
        last.ends_with(
            "llama.file docs-items3000-failed-4s/* 3000/3000 done, 300 failed, 0 waiting"
        ),
        "{last}"
    );
    assert_eq!(items.len(), 300, "one line per failed file");
    assert!(items.iter().all(|l| l.ends_with("-> ERROR")), "{stderr}");
    // Nothing else: no line per file that succeeded or joined.
    assert_eq!(
        stderr.lines().count(),
        progress.len() + items.len(),
        "{stderr}"
    );
}
