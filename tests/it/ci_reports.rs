//! Reports for CI through the real binary, against the simulator
//! (CONTRACT §11): the `--summary` Markdown file whatever the end, and the
//! GitHub Actions annotations and stdout fence with `GITHUB_ACTIONS=true`.

use std::path::Path;
use std::process::{Command as StdCommand, Stdio};
use std::time::Duration;

use crate::common::*;
use serde_json::json;

/// Hostile server text: a pipe that would end a cell, code, HTML, workflow
/// commands (both forms), a heading, a percent sign, a newline and an
/// escape sequence.
const HOSTILE: &str =
    "<script>alert(1)</script> a|b `x` ::error::pwned ##[add-mask]word\n# h 100% \u{1b}[31mred";

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The lines of `text` that GitHub would read as workflow commands.
fn commands(text: &str) -> Vec<&str> {
    text.lines()
        .filter(|l| l.trim_start().starts_with("::"))
        .collect()
}

/// The table rows of a summary whose first cell is `target`.
fn rows<'a>(summary: &'a str, target: &str) -> Vec<&'a str> {
    let start = format!("| {target} |");
    summary.lines().filter(|l| l.starts_with(&start)).collect()
}

/// The first of them: its row in the table of targets.
fn row<'a>(summary: &'a str, target: &str) -> Option<&'a str> {
    rows(summary, target).first().copied()
}

/// Whether stdout opens a `stop-commands` fence.
fn fenced(stdout: &str) -> bool {
    stdout.lines().any(|l| l.starts_with("::stop-commands::"))
}

fn hostile_pipeline(server: &Server, id: &str) {
    server.script(
        id,
        vec![Reply::json(
            200,
            json!({"status": "ERROR", "error": [{"job_id": "j|1", "step": "PARSE", "message": HOSTILE}]}),
        )],
    );
}

#[test]
fn the_summary_of_a_mixed_run() {
    let (server, home) = (sim(), home());
    hostile_pipeline(&server, "p-hostile");
    let path = home.path().join("summary.md");
    let args = [
        "llama",
        "pipeline",
        "status",
        "p-ok",
        "p-failed",
        "p-notfound",
        "p-hostile",
    ];
    let (code, stdout, _) = run(bin_at(home.path(), &server)
        .args(args)
        .arg("--summary")
        .arg(&path));
    assert_eq!(code, 7);
    assert!(stdout.contains("p-failed"), "stdout as usual: {stdout}");
    let summary = read(&path);
    assert!(
        summary.starts_with("### ❌ pipewatch: exit 7, a target does not exist"),
        "{summary}"
    );
    assert!(summary.contains("```sh\npipewatch llama pipeline status p-ok p-failed"));
    assert!(summary.contains("4 pipelines: 1 succeeded, 2 failed, 1 not_found"));
    assert!(row(&summary, "p-ok").is_some_and(|r| r.contains("| succeeded | SUCCESS |")));
    assert!(row(&summary, "p-failed").is_some_and(|r| r.contains("| failed | ERROR |")));
    let not_found = row(&summary, "p-notfound").unwrap_or_default();
    assert!(not_found.contains("| not_found | HTTP 404 |"), "{summary}");
    assert!(summary.contains("#### LlamaCloud errors"), "{summary}");
    // The hostile text is text: escaped, on its row, without markup.
    let hostile = row(&summary, "p-hostile").unwrap_or_default();
    assert!(hostile.contains("&lt;script&gt;alert(1)&lt;/script&gt; a\\|b \\`x\\`"));
    assert!(hostile.ends_with("\\# h 100% red |"), "{hostile}");
    assert!(!summary.contains("<script>") && !summary.contains('\u{1b}'));
    let errors = rows(&summary, "p-hostile");
    assert!(
        errors.iter().any(|r| r.contains("| j\\|1 | PARSE |")),
        "{summary}"
    );
    for line in summary.lines().filter(|l| l.starts_with('|')) {
        let cells = line.matches('|').count() - line.matches("\\|").count();
        assert!(cells == 6 || cells == 5, "a cell broke out: {line}");
    }
}

#[test]
fn two_runs_append_two_reports() {
    let (server, home) = (sim(), home());
    let path = home.path().join("summary.md");
    for id in ["p-ok", "p-failed"] {
        run(bin_at(home.path(), &server)
            .args(["llama", "pipeline", "status", id, "--summary"])
            .arg(&path));
    }
    let summary = read(&path);
    let headings: Vec<&str> = summary.lines().filter(|l| l.starts_with("### ")).collect();
    assert_eq!(
        headings,
        [
            "### ✅ pipewatch: exit 0, every target succeeded",
            "### ❌ pipewatch: exit 1, a target failed (ERROR, failed)"
        ]
    );
    assert!(
        summary.contains("|\n\n### ❌"),
        "a blank line between: {summary}"
    );
}

#[test]
fn ctrl_c_during_a_watch_still_writes_the_summary() {
    let (server, home) = (sim(), home());
    let path = home.path().join("summary.md");
    let child = std_bin_at(home.path(), &server)
        .args(["batch", "status", "b-running", "b-failed", "--watch"])
        .args(["--interval", "200ms", "--summary"])
        .arg(&path)
        .env("GITHUB_ACTIONS", "true")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    std::thread::sleep(Duration::from_millis(1000));
    let signalled = StdCommand::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(signalled.success());
    let out = child.wait_with_output().expect("wait");
    assert_eq!(out.status.code(), Some(130));
    let summary = read(&path);
    assert!(
        summary.contains("exit 130, interrupted (Ctrl-C)"),
        "{summary}"
    );
    assert!(row(&summary, "b-running").is_some_and(|r| r.contains("| running | running |")));
    // What ended before Ctrl-C is annotated; what was still running is not.
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines = commands(&stderr);
    assert_eq!(lines.len(), 1, "{stderr}");
    assert!(lines[0].starts_with("::error title=batch b-failed::failed: "));
}

#[test]
fn a_timed_out_watch_writes_the_summary_and_an_error() {
    let (server, home) = (sim(), home());
    let path = home.path().join("summary.md");
    let (code, _, stderr) = run(bin_at(home.path(), &server)
        .args([
            "batch",
            "status",
            "b-running",
            "--watch",
            "--interval",
            "200ms",
        ])
        .args(["--timeout", "1s", "--summary"])
        .arg(&path)
        .env("GITHUB_ACTIONS", "true"));
    assert_eq!(code, 6);
    let summary = read(&path);
    assert!(summary.starts_with("### ⚠️ pipewatch: exit 6, --watch reached --timeout first"));
    assert!(row(&summary, "b-running").is_some(), "{summary}");
    let lines = commands(&stderr);
    assert_eq!(lines.len(), 1, "{stderr}");
    assert!(
        lines[0].starts_with("::error title=batch b-running::timed out while running ("),
        "{stderr}"
    );
}

#[test]
fn an_unwritable_summary_costs_one_warning_and_nothing_else() {
    let (server, home) = (sim(), home());
    // Feldera tokens carry no timestamps: two runs print the same table.
    let args = ["feldera", "token", "orders", "t-ok", "t-notfound"];
    let (code, stdout, _) = run(bin_at(home.path(), &server).args(args));
    for path in [
        home.path().to_owned(),
        home.path().join("missing/summary.md"),
    ] {
        let (got, out, stderr) = run(bin_at(home.path(), &server)
            .args(args)
            .arg("--summary")
            .arg(&path));
        assert_eq!((got, &out), (code, &stdout), "{}", path.display());
        let warnings: Vec<&str> = stderr.lines().filter(|l| l.contains("summary")).collect();
        assert_eq!(warnings.len(), 1, "{stderr}");
        let expected = format!("warning: cannot write the summary to {}: ", path.display());
        assert!(warnings[0].starts_with(&expected), "{stderr}");
    }
    // Outside GitHub Actions `--summary "$GITHUB_STEP_SUMMARY"` is empty: no summary, no word.
    let (got, out, stderr) = run(bin_at(home.path(), &server)
        .args(args)
        .args(["--summary", ""]));
    assert_eq!((got, &out), (code, &stdout));
    assert!(!stderr.contains("summary"), "{stderr}");
}

#[test]
fn a_config_error_gets_a_short_summary_and_an_annotation() {
    let home = home();
    let path = home.path().join("summary.md");
    let (code, _, stderr) = run(bin(home.path())
        .args(["batch", "status", "b1", "--summary"])
        .arg(&path)
        .env("GITHUB_ACTIONS", "true"));
    assert_eq!(code, 2);
    let summary = read(&path);
    assert!(summary.starts_with("### ❌ pipewatch: exit 2, usage or configuration error"));
    assert!(summary.contains("No results"), "{summary}");
    assert!(
        summary.contains("**Error:** no API key for LlamaCloud: set LLAMA\\_CLOUD\\_API\\_KEY")
    );
    let lines = commands(&stderr);
    assert_eq!(lines.len(), 1, "{stderr}");
    assert!(lines[0].starts_with("::error title=pipewatch::no API key for LlamaCloud: set "));
}

#[test]
fn the_command_line_keeps_no_password() {
    let (server, home) = (sim(), home());
    let path = home.path().join("summary.md");
    let url = server.base_url().replace("http://", "http://ci:s3cret-pw@");
    let (code, stdout, stderr) = run(bin(home.path())
        .args([
            "feldera",
            "token",
            "orders",
            "t-ok",
            "--base-url",
            &url,
            "--summary",
        ])
        .arg(&path));
    assert_eq!(code, 0, "{stderr}");
    let summary = read(&path);
    let masked = server.base_url().replace("http://", "'http://***@");
    assert!(
        summary.contains(&format!("--base-url {masked}' --summary")),
        "{summary}"
    );
    for text in [&summary, &stdout, &stderr] {
        assert!(!text.contains("s3cret-pw"), "{text}");
    }
}

#[test]
fn annotations_for_each_kind_of_end() {
    let (server, home) = (sim(), home());
    let ids = ["b-ok", "b-failed", "b-cancelled", "b-notfound", "b-partial"];
    let (code, _, stderr) = run(bin_at(home.path(), &server)
        .args(["batch", "status"])
        .args(ids)
        .args(["--json", "--retries", "0"])
        .env("GITHUB_ACTIONS", "true"));
    assert_eq!(code, 7);
    assert_eq!(
        commands(&stderr),
        [
            "::error title=batch b-failed::failed: parse · 12/20 items · Worker crashed while parsing item 13",
            "::error title=batch b-cancelled::cancelled: parse · 6/20 items",
            "::error title=batch b-notfound::HTTP 404 Not Found: Not found.",
            "::warning title=batch b-partial::partial: parse · 20/20 items · 2 failed",
        ]
    );
}

#[test]
fn annotations_escape_hostile_text_exactly() {
    let (server, home) = (sim(), home());
    hostile_pipeline(&server, "p:1,2%");
    let (code, stdout, stderr) = run(bin_at(home.path(), &server)
        .args([
            "llama",
            "pipeline",
            "status",
            "p:1,2%",
            "p-escape-failed",
            "-q",
        ])
        .env("GITHUB_ACTIONS", "true"));
    assert_eq!((code, stdout.as_str()), (1, ""));
    assert_eq!(
        commands(&stderr),
        [
            "::error title=llama.pipeline p%3A1%2C2%25::failed: PARSE: <script>alert(1)</script> \
             a|b `x` ::error::pwned ##[add-mask]word # h 100%25 red",
            "::error title=llama.pipeline p-escape-failed::failed: PARSE: Failed to parse \
             report.pdf: unsupported encoding: RED  bell end",
        ]
    );
}

#[test]
fn nothing_of_this_kind_without_github_actions_true() {
    let (server, home) = (sim(), home());
    hostile_pipeline(&server, "p-hostile");
    for value in [None, Some("false"), Some("TRUE"), Some("1"), Some("")] {
        let mut cmd = bin_at(home.path(), &server);
        cmd.args([
            "llama",
            "pipeline",
            "status",
            "p-hostile",
            "p-notfound",
            "p-running",
        ])
        .args(["--watch", "--timeout", "500ms", "--interval", "100ms"]);
        if let Some(value) = value {
            cmd.env("GITHUB_ACTIONS", value);
        }
        let (code, stdout, stderr) = run(&mut cmd);
        assert_eq!(code, 7, "{value:?}");
        assert!(commands(&stderr).is_empty(), "{value:?}: {stderr}");
        assert!(!fenced(&stdout), "{value:?}: {stdout}");
    }
}

fn run_with_logs(server: &Server, home: &Path, logs: &str, github: bool) -> String {
    server.script(
        "run-logs",
        vec![Reply::json(
            200,
            json!({"status": "completed", "pipeline_name": "ingest", "raw_logs": logs}),
        )],
    );
    let mut cmd = bin_at(home, server);
    cmd.args([
        "clarifeye",
        "run",
        "--project",
        "proj",
        "run-logs",
        "--logs",
    ]);
    if github {
        cmd.env("GITHUB_ACTIONS", "true");
    }
    let (code, stdout, _) = run(&mut cmd);
    assert_eq!(code, 0);
    stdout
}

#[test]
fn logs_that_could_hold_commands_are_fenced_under_github_actions() {
    let (server, home) = (sim(), home());
    let hostile = "10:00:01 INFO start\n::set-output name=ok::false\n  ::add-mask::secret\nx ##[stop-commands]t\n";
    let stdout = run_with_logs(&server, home.path(), hostile, true);
    let lines: Vec<&str> = stdout.lines().collect();
    let token = lines[0]
        .strip_prefix("::stop-commands::")
        .unwrap_or_default();
    assert!(
        token.len() == 32 && token.chars().all(|c| c.is_ascii_hexdigit()),
        "{stdout}"
    );
    assert_eq!(lines.last().copied(), Some(format!("::{token}::").as_str()));
    assert!(
        stdout.contains("\n::set-output name=ok::false\n  ::add-mask::secret\n"),
        "{stdout}"
    );
    // A second run draws another token.
    let again = run_with_logs(&server, home.path(), hostile, true);
    assert!(!again.contains(token), "{again}");
    // Not fenced: the same logs without GITHUB_ACTIONS, or harmless logs with it.
    let plain = run_with_logs(&server, home.path(), hostile, false);
    assert!(
        !fenced(&plain) && plain.contains("\n  ::add-mask::secret\n"),
        "{plain}"
    );
    let harmless = run_with_logs(&server, home.path(), "10:00:01 INFO done\n", true);
    assert!(!fenced(&harmless), "{harmless}");
}
