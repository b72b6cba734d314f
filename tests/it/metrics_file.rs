//! `--metrics-file PATH` (CONTRACT §15): the series of the command's
//! subject, written when it ends whatever the exit code, whole (a
//! temporary file renamed over PATH), for node_exporter's textfile
//! collector. Read back with a Prometheus text-format parser.

use crate::common::exporter::*;
use crate::common::*;

/// Run `args --metrics-file <home>/out/job.prom`: (exit code, series,
/// the names of the files left in the directory).
fn with_file(cmd: &mut assert_cmd::Command, home: &std::path::Path) -> (i32, Series, Vec<String>) {
    let dir = home.join("out");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("job.prom");
    let (code, _, stderr) = run(cmd.arg("--metrics-file").arg(&path));
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("no metrics file ({e}); stderr: {stderr}"));
    assert!(!text.contains(KEY), "key leaked into the metrics file");
    let mut left: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    (code, Series::parse(&text), left)
}

#[test]
fn targets_get_their_state_series_whatever_the_exit_code() {
    let server = sim();
    let home = home();
    let dir = home.path().join("out");
    std::fs::create_dir_all(&dir).unwrap();
    // What was there is replaced whole, not appended to.
    std::fs::write(dir.join("job.prom"), "stale_series 1\n").unwrap();
    let mut cmd = bin_at(home.path(), &server);
    cmd.args(["batch", "status", "j-failed", "j-running-items4"]);
    let (code, series, left) = with_file(&mut cmd, home.path());
    assert_eq!(code, 1);
    assert_eq!(left, ["job.prom"], "a temporary file was left behind");
    assert!(!series.text.contains("stale_series"));
    assert_eq!(series.value("pipewatch_probe_success", &[]), 1.0);
    assert!(series.value("pipewatch_probe_duration_seconds", &[]) > 0.0);
    assert_state(&series, "batch", "j-failed", "failed");
    assert_state(&series, "batch", "j-running-items4", "running");
    assert_eq!(series.named("pipewatch_target_state").len(), 14);
    let running = [("service", "batch"), ("target", "j-running-items4")];
    let ratio = series.value("pipewatch_target_progress_ratio", &running);
    assert!((0.0..=1.0).contains(&ratio), "{ratio}");
    assert!(series.value("pipewatch_target_updated_timestamp_seconds", &running) > 1.7e9);

    // A watch writes its file when it ends, here at its timeout (exit 6).
    let mut cmd = bin_at(home.path(), &server);
    cmd.args([
        "feldera",
        "token",
        "orders",
        "tok-running",
        "--watch",
        "--interval",
        "100ms",
        "--timeout",
        "300ms",
    ]);
    let (code, series, _) = with_file(&mut cmd, home.path());
    assert_eq!(code, 6);
    assert_state(&series, "feldera.token", "orders/tok-running", "running");
}

#[test]
fn a_collection_is_counted_per_state() {
    let server = sim();
    let home = home();
    let mut cmd = bin_at(home.path(), &server);
    cmd.args([
        "llama",
        "file",
        "status",
        "--pipeline",
        "docs-items40-failed",
        "--all",
        "-q",
    ]);
    let (code, series, _) = with_file(&mut cmd, home.path());
    assert_eq!(code, 1);
    let count = |state| {
        series.value(
            "pipewatch_collection_items",
            &[
                ("service", "llama.file"),
                ("collection", "docs-items40-failed/*"),
                ("state", state),
            ],
        )
    };
    assert_eq!((count("failed"), count("succeeded")), (4.0, 36.0));
    assert_eq!(count("running"), 0.0);
    assert!(series.named("pipewatch_target_state").is_empty());
}

#[test]
fn a_failure_is_probe_success_0_with_its_kind() {
    let server = sim();
    let home = home();
    let mut cmd = bin_at(home.path(), &server);
    cmd.args(["batch", "status", "j-notfound", "j-ok"]);
    let (code, series, _) = with_file(&mut cmd, home.path());
    assert_eq!(code, 7);
    assert_eq!(
        series.value("pipewatch_probe_success", &[("error", "not_found")]),
        0.0
    );
    // The target that answered still has its state.
    assert_state(&series, "batch", "j-ok", "succeeded");

    // Stopped before any request (no key): the file still says so.
    let mut cmd = bin(home.path());
    cmd.env("LLAMA_CLOUD_BASE_URL", server.base_url())
        .args(["batch", "status", "j-ok"]);
    let (code, series, _) = with_file(&mut cmd, home.path());
    assert_eq!(code, 2);
    assert_eq!(
        series.value("pipewatch_probe_success", &[("error", "usage")]),
        0.0
    );
}

#[test]
fn a_path_that_cannot_be_written_costs_a_warning_not_the_exit_code() {
    let server = sim();
    let home = home();
    let path = home.path().join("no-such-dir").join("job.prom");
    let mut cmd = bin_at(home.path(), &server);
    cmd.args(["batch", "status", "j-ok", "-q", "--metrics-file"])
        .arg(&path);
    let (code, stdout, stderr) = run(&mut cmd);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("warning: cannot write the metrics to"),
        "{stderr}"
    );
    assert!(!path.exists());
}
