//! CI cancels and output that cannot be written (CONTRACT §17): a SIGTERM
//! to the whole process group that ends `| tee` first still ends the run
//! as terminated (143), and stdout on a full disk (a real `/dev/full`) is
//! exit 74 with one `error:` line, never a vendor's failure. The summary
//! and the metrics file (read back with `prometheus-parse`) say the same.

#![cfg(unix)]

use std::io::{BufRead, BufReader, Read};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use crate::common::exporter::*;
use crate::common::*;
use wait_timeout::ChildExt;

/// kill(2) with `signal`: a process, or with a negative pid a process group.
fn kill(pid: i32, signal: libc::c_int) {
    // SAFETY: kill(2) on a process (group) this test started.
    let sent = unsafe { libc::kill(pid, signal) };
    assert_eq!(sent, 0, "kill({pid}, {signal}) failed");
}

fn pid(child: &Child) -> i32 {
    i32::try_from(child.id()).expect("pid")
}

/// The exit code of `child`, which must end within 20 s.
fn exit_code(child: &mut Child) -> Option<i32> {
    let status = child
        .wait_timeout(Duration::from_secs(20))
        .expect("wait")
        .unwrap_or_else(|| {
            let _ = child.kill();
            panic!("pipewatch did not end")
        });
    status.code()
}

/// `tee FILE` reading a pipe, leading a new process group, as a CI
/// runner's shell starts `pipewatch ... | tee log`.
fn tee(file: &Path) -> Child {
    Command::new("tee")
        .arg(file)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .process_group(0)
        .spawn()
        .expect("start tee")
}

/// A watch of a job that runs for a minute, its stdout into `tee`, in
/// `tee`'s process group, with a summary and a metrics file in `home`;
/// returned once it has said its first line (its handlers are in place).
fn watch_into(
    tee: &mut Child,
    home: &Path,
    server: &Server,
    extra: &[&str],
) -> (Child, BufReader<std::process::ChildStderr>) {
    let stdout = tee.stdin.take().expect("tee's stdin");
    let mut child = std_bin_at(home, server)
        .args(["batch", "status", "job-ok-60s-items500", "--watch"])
        .args(["--interval", "100ms"])
        .args(extra)
        .arg("--summary")
        .arg(home.join("summary.md"))
        .arg("--metrics-file")
        .arg(home.join("run.prom"))
        .stdout(Stdio::from(stdout))
        .stderr(Stdio::piped())
        .process_group(pid(tee))
        .spawn()
        .expect("spawn pipewatch");
    let mut stderr = BufReader::new(child.stderr.take().expect("stderr"));
    let mut line = String::new();
    stderr.read_line(&mut line).expect("first line");
    assert!(line.contains("job-ok-60s-items500"), "{line}");
    (child, stderr)
}

/// What a run said: its stderr after the first line, summary and series.
fn said(mut stderr: BufReader<std::process::ChildStderr>, home: &Path) -> (String, String, Series) {
    let mut rest = String::new();
    stderr.read_to_string(&mut rest).expect("stderr");
    assert!(!rest.contains(KEY) && !rest.contains("panicked"), "{rest}");
    let summary = std::fs::read_to_string(home.join("summary.md")).expect("a summary");
    let metrics = std::fs::read_to_string(home.join("run.prom")).expect("a metrics file");
    (rest, summary, Series::parse(&metrics))
}

fn assert_terminated(code: Option<i32>, stderr: &str, summary: &str, series: &Series) {
    assert_eq!(code, Some(143), "{stderr}");
    assert!(summary.contains("exit 143, terminated"), "{summary}");
    assert!(!summary.contains("stdout was closed"), "{summary}");
    let failed = [
        ("error", "terminated"),
        ("subject", "batch job-ok-60s-items500"),
    ];
    assert_eq!(series.value("pipewatch_probe_success", &failed), 0.0);
}

/// The order that used to lose: `tee` is gone before pipewatch hears the
/// SIGTERM, so its final table meets a closed pipe. The signal still wins.
#[test]
fn a_sigterm_after_tee_died_is_terminated_not_a_closed_stdout() {
    let (server, home) = (sim(), home());
    let mut reader = tee(&home.path().join("log"));
    let (mut child, stderr) = watch_into(&mut reader, home.path(), &server, &[]);
    kill(pid(&reader), libc::SIGTERM);
    reader.wait().expect("tee ends");
    kill(pid(&child), libc::SIGTERM);
    let code = exit_code(&mut child);
    let (stderr, summary, series) = said(stderr, home.path());
    assert_terminated(code, &stderr, &summary, &series);
}

/// A GitLab cancel: SIGTERM to the whole process group at once. `tee`
/// dies of it while pipewatch writes its final table (or, with `--events`,
/// a line at every poll): whichever pipewatch meets first, the closed pipe
/// or the signal, the run ends as terminated.
#[test]
fn a_sigterm_to_the_process_group_is_terminated_whatever_comes_first() {
    let events: &[&str] = &["--events", "--json"];
    for (round, extra) in [&[][..], events, &[], events, &[]].into_iter().enumerate() {
        let (server, home) = (sim(), home());
        let mut reader = tee(&home.path().join("log"));
        let (mut child, stderr) = watch_into(&mut reader, home.path(), &server, extra);
        // A few polls (and events) have gone by.
        std::thread::sleep(Duration::from_millis(300 + 50 * round as u64));
        kill(-pid(&reader), libc::SIGTERM);
        let code = exit_code(&mut child);
        let _ = reader.wait();
        let (stderr, summary, series) = said(stderr, home.path());
        assert_terminated(code, &stderr, &summary, &series);
    }
}

/// `/dev/full`: every write fails with ENOSPC, as on a full disk.
fn dev_full() -> std::fs::File {
    std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full (Linux)")
}

/// The `error:` lines of stderr.
fn error_lines(stderr: &str) -> Vec<&str> {
    stderr.lines().filter(|l| l.starts_with("error:")).collect()
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_on_stdout_is_exit_74_never_a_vendor_failure() {
    let (server, home) = (sim(), home());
    let out = std_bin_at(home.path(), &server)
        .args(["batch", "status", "job-ok"])
        .arg("--summary")
        .arg(home.path().join("summary.md"))
        .arg("--metrics-file")
        .arg(home.path().join("run.prom"))
        .stdout(Stdio::from(dev_full()))
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(74), "{stderr}");
    // One line, naming the cause; nothing blames the vendor.
    let errors = error_lines(&stderr);
    assert_eq!(errors.len(), 1, "{stderr}");
    assert!(errors[0].contains("cannot write to stdout"), "{stderr}");
    assert!(errors[0].contains("No space left on device"), "{stderr}");
    assert!(!stderr.contains("unavailable"), "{stderr}");

    let summary = std::fs::read_to_string(home.path().join("summary.md")).unwrap();
    assert!(
        summary.contains("exit 74, output could not be written"),
        "{summary}"
    );
    assert!(summary.contains("No space left on device"), "{summary}");
    assert!(!summary.contains("service unavailable"), "{summary}");
    // The vendor answered: the job's state is there, the run failed.
    let text = std::fs::read_to_string(home.path().join("run.prom")).unwrap();
    let series = Series::parse(&text);
    let failed = [("error", "output"), ("subject", "batch job-ok")];
    assert_eq!(series.value("pipewatch_probe_success", &failed), 0.0);
    assert_state(&series, "batch", "job-ok", "succeeded");
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_under_events_ends_the_watch_with_74() {
    let (server, home) = (sim(), home());
    let mut cmd = std_bin_at(home.path(), &server);
    cmd.args([
        "llama",
        "parse",
        "status",
        "job-ok-30s",
        "--watch",
        "--events",
    ])
    .arg("--metrics-file")
    .arg(home.path().join("run.prom"))
    .stdout(Stdio::from(dev_full()))
    .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn");
    let code = exit_code(&mut child);
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert_eq!(code, Some(74), "{stderr}");
    assert_eq!(error_lines(&stderr).len(), 1, "{stderr}");
    let text = std::fs::read_to_string(home.path().join("run.prom")).unwrap();
    let series = Series::parse(&text);
    let failed = [("error", "output"), ("subject", "llama.parse job-ok-30s")];
    assert_eq!(series.value("pipewatch_probe_success", &failed), 0.0);
}
