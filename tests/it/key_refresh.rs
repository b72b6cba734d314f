//! Keys that expire mid-watch (CONTRACT §11), through the real binary: a
//! key from `api_key_cmd` that the server refuses is renewed by running the
//! command again, and the request is asked once more with the new key.
//!
//! The key command is a script that appends a line to `runs` each time it
//! runs and prints line N of `keys` on run N (so a test counts the runs and
//! chooses what each prints); with no line N it fails, saying `token service
//! down`. The simulator accepts only the keys a test names, and the test
//! changes them while a watch runs to expire a key. The 30 s window between
//! runs is tested in `src/credential/tests.rs` with a clock that stands
//! still; here only what needs no waiting.

use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use crate::common::{self, KEY, Reply, Server, bin, envelopes, home, sim, std_bin};
use assert_cmd::Command;
use pipewatch::sim::RecordedRequest;
use serde_json::json;

const FIRST: &str = "kr-FIRST-3b9d2e71";
const SECOND: &str = "kr-SECOND-a8c4f05e";
const THIRD: &str = "kr-THIRD-61e7d2b9";
const ENV_KEY: &str = "kr-ENV-0f4e9a1c";
const FILE_KEY: &str = "kr-FILE-77d01b3a";
/// None of these may appear on stdout or stderr, ever.
const SECRETS: &[&str] = &[FIRST, SECOND, THIRD, ENV_KEY, FILE_KEY, KEY];

const VERBOSE_LINE: &str = "* the key was refused; running api_key_cmd again";

/// A HOME with the key script, its keys, and a config that sends every
/// service to `server` with `api_key_cmd`.
fn setup(server: &Server, keys: &[&str]) -> tempfile::TempDir {
    let home = home();
    let dir = home.path().display();
    let script = format!(
        "echo run >> '{dir}/runs'\n\
         n=$(wc -l < '{dir}/runs' | tr -d ' ')\n\
         key=$(sed -n \"${{n}}p\" '{dir}/keys')\n\
         if [ -z \"$key\" ]; then echo 'token service down' >&2; echo 'second line' >&2; exit 1; fi\n\
         printf '%s\\n' \"$key\"\n"
    );
    std::fs::write(home.path().join("key.sh"), script).expect("write key script");
    write_keys(home.path(), keys);
    let mut config = String::new();
    for service in ["llama", "clarifeye", "feldera"] {
        config.push_str(&format!(
            "[profiles.default.{service}]\nbase_url = \"{}\"\napi_key_cmd = \"sh '{dir}/key.sh'\"\n\n",
            server.base_url()
        ));
    }
    common::config(home.path(), &config);
    home
}

/// Replace the keys file at once, so a run never reads half of it.
fn write_keys(home: &Path, keys: &[&str]) {
    let text: String = keys.iter().map(|k| format!("{k}\n")).collect();
    std::fs::write(home.join("keys.new"), text).expect("write keys");
    std::fs::rename(home.join("keys.new"), home.join("keys")).expect("replace keys");
}

/// How many times the key command has run.
fn runs(home: &Path) -> usize {
    std::fs::read_to_string(home.join("runs")).map_or(0, |t| t.lines().count())
}

fn pipewatch(home: &Path) -> Command {
    let mut cmd = bin(home);
    cmd.env("PIPEWATCH_CONFIG", home.join("pipewatch.toml"));
    cmd
}

fn assert_no_secret(what: &str, text: &str) {
    for secret in SECRETS {
        assert!(!text.contains(secret), "{secret} leaked on {what}: {text}");
    }
    assert!(!text.contains("panicked"), "pipewatch panicked: {text}");
}

/// Run to the end: (exit code, stdout, stderr), with no key on either.
fn run(cmd: &mut Command) -> (i32, String, String) {
    let out = cmd.output().expect("run pipewatch");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_no_secret("stdout", &stdout);
    assert_no_secret("stderr", &stderr);
    (out.status.code().unwrap_or(-1), stdout, stderr)
}

/// The keys the server saw, in order (None: no Authorization header).
fn keys_sent(server: &Server) -> Vec<Option<String>> {
    let requests = server.requests().into_iter();
    let key = |r: RecordedRequest| r.authorization?.strip_prefix("Bearer ").map(str::to_owned);
    requests.map(key).collect()
}

fn wait_for(what: &str, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !done() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Start a watch in the background, polling every 200 ms.
fn start_watch(home: &Path, args: &str) -> Child {
    std_bin(home)
        .env("PIPEWATCH_CONFIG", home.join("pipewatch.toml"))
        .args(args.split_whitespace())
        .args(["--watch", "--interval", "200ms"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start pipewatch")
}

/// Wait (30 s at most) for the watch to end: (exit code, stdout, stderr).
fn finish(mut child: Child) -> (i32, String, String) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while child.try_wait().expect("wait").is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("the watch did not end");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().expect("output");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_no_secret("stdout", &stdout);
    assert_no_secret("stderr", &stderr);
    (out.status.code().unwrap_or(-1), stdout, stderr)
}

/// Expire the key in use: the command's next run prints the last of `keys`
/// (line N for run N), and from now on the server takes only that one.
fn expire(server: &Server, home: &Path, keys: &[&str]) {
    write_keys(home, keys);
    server.accept_keys(&[keys[keys.len() - 1]]);
}

// ---------------------------------------------------------------------------
// One-off queries

#[test]
fn a_refused_first_key_is_renewed_and_the_query_retried() {
    // Every request path: a target (with the pipeline's status counts
    // beside it), each vendor, a listing, and -v.
    for args in [
        "llama pipeline status pl-1 --json",
        "clarifeye run --project p run-1",
        "feldera token p tok-1",
        "batch status --all",
        "llama file status --pipeline fp --all",
        "-v batch status job-1",
    ] {
        let server = sim();
        server.accept_keys(&[SECOND]);
        let home = setup(&server, &[FIRST, SECOND]);
        let (code, stdout, stderr) = run(pipewatch(home.path()).args(args.split_whitespace()));
        assert_eq!(code, 0, "{args}: {stderr}");
        // The pipeline's two requests were refused together: one run.
        assert_eq!(runs(home.path()), 2, "{args}: runs of the key command");
        let sent = keys_sent(&server);
        assert_eq!(sent.first(), Some(&Some(FIRST.to_owned())), "{args}");
        assert_eq!(sent.last(), Some(&Some(SECOND.to_owned())), "{args}");
        if args.starts_with("llama pipeline") {
            assert!(!envelopes(&stdout)[0]["progress"].is_null(), "{stdout}");
        }
        assert_eq!(
            stderr.contains(VERBOSE_LINE),
            args.starts_with("-v"),
            "{args}: {stderr}"
        );
        assert!(
            stderr.contains("401") == args.starts_with("-v"),
            "{args}: {stderr}"
        );
    }
}

#[test]
fn status_counts_and_batch_items_renew_the_key_too() {
    // The target itself is scripted (no key check), so only the second
    // request, status counts or the items listing, meets the refusal.
    let pipeline = json!({"id": "pl-c", "status": "SUCCESS"});
    let job = json!({"job": {"id": "job-i", "status": "completed", "total_items": 3,
                             "processed_items": 3, "failed_items": 0}});
    for (key, body, args, field) in [
        (
            "pl-c",
            pipeline,
            "llama pipeline status pl-c --json",
            "/progress/total",
        ),
        (
            "job-i",
            job,
            "batch status job-i --items all --json",
            "/items",
        ),
    ] {
        let server = sim();
        server.accept_keys(&[SECOND]);
        server.script(key, vec![Reply::json(200, body)]);
        let home = setup(&server, &[FIRST, SECOND]);
        let (code, stdout, stderr) = run(pipewatch(home.path()).args(args.split_whitespace()));
        assert_eq!(code, 0, "{args}: {stderr}");
        assert_eq!(runs(home.path()), 2, "{args}");
        let envelope = &envelopes(&stdout)[0];
        let got = envelope.pointer(field).filter(|v| !v.is_null());
        assert!(got.is_some(), "{args}: no {field} in {envelope}");
        assert!(!stderr.contains("warning"), "{args}: {stderr}");
    }
}

#[test]
fn many_targets_refused_at_once_make_one_run() {
    let server = sim();
    server.accept_keys(&[SECOND]);
    let home = setup(&server, &[FIRST, SECOND]);
    let jobs: Vec<String> = (1..=12).map(|i| format!("job-{i}")).collect();
    let (code, stdout, stderr) = run(pipewatch(home.path())
        .args(["batch", "status", "--json", "--concurrency", "12"])
        .args(&jobs));
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(envelopes(&stdout).len(), 12);
    assert_eq!(runs(home.path()), 2, "one run at start, one renewal");
    let refused = keys_sent(&server)
        .iter()
        .filter(|k| k.as_deref() == Some(FIRST))
        .count();
    assert!(
        refused > 1,
        "only {refused} request(s) were refused together"
    );
}

#[test]
fn a_new_key_refused_too_is_exit_8_after_one_run() {
    let server = sim();
    server.accept_keys(&[THIRD]);
    let home = setup(&server, &[FIRST, SECOND]);
    let (code, stdout, stderr) =
        run(pipewatch(home.path()).args(["batch", "status", "job-1", "--json"]));
    assert_eq!(code, 8, "{stderr}");
    assert_eq!(runs(home.path()), 2);
    assert_eq!(
        server.requests().len(),
        2,
        "asked again once, with the new key"
    );
    let error = &envelopes(&stdout)[0]["error"];
    assert_eq!(error["kind"], "auth");
    let message = error["message"].as_str().unwrap_or_default();
    assert!(
        message.starts_with("HTTP 401 Unauthorized")
            && message.contains("the new key from the api_key_cmd from config")
            && message.ends_with("was refused too"),
        "{message}"
    );
}

#[test]
fn a_renewal_that_fails_is_exit_8_with_its_first_stderr_line() {
    let server = sim();
    server.accept_keys(&[SECOND]);
    // No second key: the second run fails.
    let home = setup(&server, &[FIRST]);
    let (code, stdout, stderr) = run(pipewatch(home.path()).args(["batch", "status", "job-1"]));
    assert_eq!(code, 8, "{stderr}");
    assert_eq!(runs(home.path()), 2);
    assert_eq!(server.requests().len(), 1, "no key to ask again with");
    let line = stderr
        .lines()
        .find(|l| l.starts_with("error: batch job-1: HTTP 401"))
        .unwrap_or_else(|| panic!("no error line: {stderr}"));
    assert!(
        line.contains("pipewatch.toml")
            && line.ends_with("failed on refresh (exit status: 1): token service down"),
        "{line}"
    );
    assert!(!stderr.contains("second line"), "{stderr}");
    assert!(stdout.contains("job-1"), "{stdout}");
}

#[test]
fn a_key_from_the_environment_or_api_key_is_never_renewed() {
    // The environment's key beats api_key_cmd, which never runs.
    let server = sim();
    server.accept_keys(&[SECOND]);
    let home = setup(&server, &[FIRST, SECOND]);
    let (code, _, stderr) = run(pipewatch(home.path())
        .env("LLAMA_CLOUD_API_KEY", ENV_KEY)
        .args(["batch", "status", "job-1"]));
    assert_eq!(code, 8, "{stderr}");
    assert_eq!(runs(home.path()), 0, "api_key_cmd ran");
    assert_eq!(keys_sent(&server), [Some(ENV_KEY.to_owned())]);
    assert!(!stderr.contains("api_key_cmd"), "{stderr}");

    let server = sim();
    server.accept_keys(&[SECOND]);
    let home = common::home();
    common::config(
        home.path(),
        &format!(
            "[profiles.default.llama]\nbase_url = \"{}\"\napi_key = \"{FILE_KEY}\"\n",
            server.base_url()
        ),
    );
    let (code, _, stderr) = run(pipewatch(home.path()).args(["-v", "batch", "status", "job-1"]));
    assert_eq!(code, 8, "{stderr}");
    assert_eq!(keys_sent(&server), [Some(FILE_KEY.to_owned())]);
    assert!(!stderr.contains(VERBOSE_LINE), "{stderr}");
}

// ---------------------------------------------------------------------------
// Watches

/// Expire the key once the watch has polled `key` twice; the watch must
/// renew it and run to the end.
fn renewed_mid_watch(args: &str, key: &str) {
    let server = sim();
    server.accept_keys(&[FIRST]);
    let home = setup(&server, &[FIRST]);
    let child = start_watch(home.path(), args);
    wait_for("two polls", || server.hits(key) >= 2);
    expire(&server, home.path(), &[FIRST, SECOND]);
    let (code, _, stderr) = finish(child);
    assert_eq!(code, 0, "{args}: {stderr}");
    assert_eq!(runs(home.path()), 2, "{args}");
    let sent = keys_sent(&server);
    assert_eq!(sent.last(), Some(&Some(SECOND.to_owned())), "{args}");
}

#[test]
fn a_llama_pipeline_watch_outlives_its_key() {
    renewed_mid_watch("llama pipeline status pl-3s", "pl-3s");
}

#[test]
fn a_clarifeye_watch_outlives_its_key() {
    renewed_mid_watch("clarifeye run --project p run-3s", "run-3s");
}

#[test]
fn a_feldera_watch_outlives_its_key() {
    renewed_mid_watch("feldera token p tok-3s", "tok-3s");
}

#[test]
fn a_collection_watch_outlives_its_key() {
    renewed_mid_watch("llama file status --pipeline fl-3s --all", "files:fl-3s");
}

#[test]
fn eight_watched_targets_refused_together_make_one_run() {
    let server = sim();
    server.accept_keys(&[FIRST]);
    let home = setup(&server, &[FIRST]);
    let jobs: Vec<String> = (1..=8).map(|i| format!("b{i}-3s")).collect();
    let child = start_watch(home.path(), &format!("batch status {}", jobs.join(" ")));
    wait_for("two polls of each", || {
        jobs.iter().all(|j| server.hits(j) >= 2)
    });
    expire(&server, home.path(), &[FIRST, SECOND]);
    let (code, _, stderr) = finish(child);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(runs(home.path()), 2);
}

#[test]
fn a_key_refused_again_within_30s_of_its_renewal_is_exit_8() {
    let server = sim();
    server.accept_keys(&[FIRST]);
    let home = setup(&server, &[FIRST]);
    let child = start_watch(home.path(), "batch status job-running --json");
    wait_for("two polls", || server.hits("job-running") >= 2);
    expire(&server, home.path(), &[FIRST, SECOND]);
    wait_for("the renewal", || runs(home.path()) == 2);
    let seen = server.hits("job-running");
    wait_for("two polls with the new key", || {
        server.hits("job-running") >= seen + 2
    });
    // Revoked again, seconds after the renewal: no run, the 401 stands.
    expire(&server, home.path(), &[FIRST, SECOND, THIRD]);
    let (code, stdout, stderr) = finish(child);
    assert_eq!(code, 8, "{stderr}");
    assert_eq!(runs(home.path()), 2, "ran within 30 s of the last run");
    let message = envelopes(&stdout)[0]["error"]["message"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(message.contains("runs at most once every 30s"), "{message}");
    assert!(!keys_sent(&server).contains(&Some(THIRD.to_owned())));
}
