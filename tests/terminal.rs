//! The live display on a real terminal: tmux runs pipewatch in a pane and
//! we read the screen while it watches and after it ends. CONTRACT §6.
//! .ci/run installs tmux; without it this test fails and says so.

mod common;

use std::process::Command as StdCommand;
use std::time::{Duration, Instant};

use common::*;

struct Tmux {
    session: String,
}

impl Tmux {
    fn start(command: &str) -> Tmux {
        Tmux::start_sized(command, 150, 40)
    }

    fn start_sized(command: &str, columns: u16, rows: u16) -> Tmux {
        let session = format!(
            "pipewatch-test-{}-{}",
            std::process::id(),
            fastrand_suffix()
        );
        let status = StdCommand::new("tmux")
            .args([
                "new-session",
                "-d",
                "-s",
                &session,
                "-x",
                &columns.to_string(),
                "-y",
                &rows.to_string(),
                command,
            ])
            .status()
            .expect("tmux is needed for this test: apt-get install tmux (.ci/run does)");
        assert!(status.success(), "tmux new-session failed");
        Tmux { session }
    }

    fn screen(&self) -> String {
        self.capture(&[])
    }

    /// The screen with the lines the terminal wrapped joined again, so a
    /// line printed wider than the pane shows as one long line.
    fn screen_joined(&self) -> String {
        self.capture(&["-J"])
    }

    /// The screen and everything scrolled off it.
    fn history(&self) -> String {
        self.capture(&["-S", "-"])
    }

    fn capture(&self, flags: &[&str]) -> String {
        let out = StdCommand::new("tmux")
            .args(["capture-pane", "-p", "-t", &self.session])
            .args(flags)
            .output()
            .expect("tmux capture-pane");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Wait until the screen shows `needle`; return the screen.
    fn wait_for(&self, needle: &str, limit: Duration) -> String {
        let started = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(needle) {
                return screen;
            }
            assert!(
                started.elapsed() < limit,
                "no {needle:?} on screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = StdCommand::new("tmux")
            .args(["kill-session", "-t", &self.session])
            .status();
    }
}

fn fastrand_suffix() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos() as u64)
}

#[test]
fn live_bars_then_a_clean_final_table() {
    let server = sim();
    let bin = assert_cmd::cargo::cargo_bin("pipewatch");
    let command = format!(
        "env -u NO_COLOR LLAMA_CLOUD_BASE_URL={base} LLAMA_CLOUD_API_KEY=k CLARIFEYE_BASE_URL={base} CLARIFEYE_API_KEY=k \
         {bin} batch status big-ok-3s-items50 other-ok-1s --watch --interval 200ms; echo EXIT=$?; sleep 60",
        base = server.base_url(),
        bin = bin.display()
    );
    let tmux = Tmux::start(&command);
    // While it runs: a bar with counts, percent and ETA, and the summary.
    let running = tmux.wait_for("% ETA", Duration::from_secs(10));
    assert!(running.contains("/50"), "{running}");
    assert!(running.contains('%'), "{running}");
    assert!(running.contains("waiting"), "summary line: {running}");
    // Spinners (braille) only ever start a line: a bar that spills onto the
    // next line shows its neighbour's spinner at its end.
    for line in running.lines() {
        let late = line
            .chars()
            .skip(1)
            .any(|c| ('\u{2800}'..='\u{28FF}').contains(&c));
        assert!(!late, "a bar spilled over: {line:?}\n{running}");
    }
    // One line each: the target bars and the summary never run together.
    let lines: Vec<&str> = running.lines().collect();
    for needle in ["batch big-ok-3s-items50", "batch other-ok-1s", "waiting"] {
        let line = lines
            .iter()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("no line with {needle:?}:\n{running}"));
        let others = ["big-ok-3s-items50", "other-ok-1s", "waiting"]
            .iter()
            .filter(|o| line.contains(**o))
            .count();
        assert_eq!(others, 1, "lines run together: {line:?}\n{running}");
        if needle.starts_with("batch") {
            // A spinner and a space, then the target: the line starts there.
            let at = line.find(needle).unwrap_or(usize::MAX);
            assert!(at <= 6, "bar does not start its line: {line:?}\n{running}");
        }
    }
    // At the end: the table, and nothing of the live display left over.
    let done = tmux.wait_for("EXIT=0", Duration::from_secs(15));
    assert!(done.contains("TARGET"), "{done}");
    assert!(
        done.contains("big-ok-3s-items50") && done.contains("50/50 100%"),
        "{done}"
    );
    for leftover in ["% ETA", "waiting", "done ·"] {
        assert!(
            !done.contains(leftover),
            "{leftover:?} left on screen:\n{done}"
        );
    }
}

#[test]
fn clarifeye_steps_show_beneath_their_run() {
    let server = sim();
    let bin = assert_cmd::cargo::cargo_bin("pipewatch");
    let command = format!(
        "env CLARIFEYE_BASE_URL={base} CLARIFEYE_API_KEY=k {bin} clarifeye run --project p run-ok-4s --watch --interval 200ms; echo EXIT=$?; sleep 60",
        base = server.base_url(),
        bin = bin.display()
    );
    let tmux = Tmux::start(&command);
    let running = tmux.wait_for("Extract tags", Duration::from_secs(10));
    assert!(running.contains("clarifeye.run p/run-ok-4s"), "{running}");
    let lines: Vec<&str> = running.lines().collect();
    let run_line = lines.iter().position(|l| l.contains("run-ok-4s")).unwrap();
    assert!(lines[run_line + 1].contains("Parse documents"), "{running}");
    let done = tmux.wait_for("EXIT=0", Duration::from_secs(15));
    // The final steps table replaces the live lines.
    assert!(done.contains("STEP") && done.contains("Index"), "{done}");
}

#[test]
fn ctrl_c_leaves_no_half_drawn_bars() {
    let server = sim();
    let bin = assert_cmd::cargo::cargo_bin("pipewatch");
    let command = format!(
        "env LLAMA_CLOUD_BASE_URL={base} LLAMA_CLOUD_API_KEY=k {bin} batch status stuck-running --watch --interval 200ms; echo EXIT=$?; sleep 60",
        base = server.base_url(),
        bin = bin.display()
    );
    let tmux = Tmux::start(&command);
    tmux.wait_for("% ETA", Duration::from_secs(10));
    let status = StdCommand::new("tmux")
        .args(["send-keys", "-t", &tmux.session, "C-c"])
        .status()
        .expect("tmux send-keys");
    assert!(status.success());
    let done = tmux.wait_for("EXIT=130", Duration::from_secs(5));
    assert!(
        done.contains("stuck-running") && done.contains("running"),
        "{done}"
    );
    assert!(!done.contains("% ETA"), "bar left on screen:\n{done}");
}

#[test]
fn spinner_with_status_and_elapsed_where_there_is_no_progress() {
    let server = sim();
    let bin = assert_cmd::cargo::cargo_bin("pipewatch");
    let command = format!(
        "env FELDERA_HOST={base} {bin} feldera token orders tok-running --watch --interval 200ms --timeout 3s; echo EXIT=$?; sleep 60",
        base = server.base_url(),
        bin = bin.display()
    );
    let tmux = Tmux::start(&command);
    let screen = tmux.wait_for("orders/tok-running inprogress", Duration::from_secs(10));
    let line = screen
        .lines()
        .find(|l| l.contains("orders/tok-running"))
        .unwrap_or_default();
    assert!(
        line.contains("running") && line.trim_end().ends_with('s'),
        "{line:?}"
    );
    assert!(!line.contains('['), "no bar without progress: {line:?}");
    tmux.wait_for("EXIT=6", Duration::from_secs(10));
}

/// Issue 9: on an 80-column terminal no line of the table is wider than 80
/// columns; the details are cut with `…`, never an ID. Off a terminal the
/// same command prints everything in full.
#[test]
fn tables_fit_an_80_column_terminal() {
    let server = sim();
    let bin = assert_cmd::cargo::cargo_bin("pipewatch");
    let ids = "ingest-2026-11-22-failed nightly-upload-failed-items60 other-partial-items7";
    let command = format!(
        "export LLAMA_CLOUD_BASE_URL={base} LLAMA_CLOUD_API_KEY=k; {bin} batch status {ids}; \
         {bin} llama pipeline status docs-failed-with-a-long-pipeline-name; echo EXIT=$?; sleep 60",
        base = server.base_url(),
        bin = bin.display()
    );
    let tmux = Tmux::start_sized(&command, 80, 40);
    tmux.wait_for("EXIT=", Duration::from_secs(15));
    let screen = tmux.screen_joined();
    for line in screen.lines() {
        assert!(
            line.trim_end().chars().count() <= 80,
            "a line over 80 columns: {line:?}\n{screen}"
        );
    }
    for id in ids
        .split(' ')
        .chain(["docs-failed-with-a-long-pipeline-name", "MESSAGE"])
    {
        assert!(screen.contains(id), "{id} missing or cut:\n{screen}");
    }
    assert!(screen.contains('…'), "nothing was cut:\n{screen}");
    assert!(screen.contains("s ago"), "no age in UPDATED:\n{screen}");

    // The same tables into a pipe: nothing cut, full timestamps.
    let home = home();
    let (_, stdout, _) = run(bin_at(home.path(), &server)
        .args(["batch", "status"])
        .args(ids.split(' ')));
    assert!(!stdout.contains('…'), "{stdout}");
    assert!(
        stdout.contains("Worker crashed while parsing item"),
        "{stdout}"
    );
    assert!(!stdout.contains(" ago"), "{stdout}");
    assert!(stdout.lines().any(|l| l.chars().count() > 80), "{stdout}");
}

/// `-` reads targets from stdin; with stdin a terminal there is nothing to
/// read but what the user types, which is not what they meant: exit 2.
#[test]
fn dash_with_stdin_a_terminal_is_exit_2() {
    let bin = assert_cmd::cargo::cargo_bin("pipewatch");
    let command = format!(
        "env LLAMA_CLOUD_API_KEY=k {bin} batch status -; echo EXIT=$?; sleep 60",
        bin = bin.display()
    );
    let tmux = Tmux::start(&command);
    let screen = tmux.wait_for("EXIT=", Duration::from_secs(10));
    assert!(screen.contains("EXIT=2"), "{screen}");
    assert!(screen.contains("stdin is a terminal"), "{screen}");
}

/// A watched collection shows one bar for all its items (done / total,
/// failed, ETA), not a line per item.
#[test]
fn a_collection_is_one_bar_with_an_eta() {
    let server = sim();
    let bin = assert_cmd::cargo::cargo_bin("pipewatch");
    let command = format!(
        "env LLAMA_CLOUD_BASE_URL={base} LLAMA_CLOUD_API_KEY=k {bin} llama file status \
         --pipeline big-items3000-failed-4s --all --watch --interval 300ms; echo EXIT=$?; sleep 60",
        base = server.base_url(),
        bin = bin.display()
    );
    let tmux = Tmux::start(&command);
    let running = tmux.wait_for("/3000 done", Duration::from_secs(10));
    let live: Vec<&str> = running.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(live.len(), 1, "one line while it runs:\n{running}");
    assert!(
        live[0].contains("llama.file big-items3000-failed-4s/*"),
        "{running}"
    );
    assert!(
        live[0].contains("ETA") && live[0].contains("failed"),
        "{running}"
    );
    tmux.wait_for("EXIT=", Duration::from_secs(20));
    let done = tmux.history();
    assert!(done.contains("EXIT=1"), "{done}");
    assert!(
        done.contains("3000 files: 2700 succeeded, 300 failed"),
        "{done}"
    );
    assert!(!done.contains("/3000 done"), "bar left on screen:\n{done}");
}

/// On a terminal the table shows a target's error; no second copy on stderr.
#[test]
fn on_a_terminal_errors_are_in_the_table_only() {
    let server = sim();
    let bin = assert_cmd::cargo::cargo_bin("pipewatch");
    let command = format!(
        "env LLAMA_CLOUD_BASE_URL={base} LLAMA_CLOUD_API_KEY=k {bin} llama pipeline status p-notfound; echo EXIT=$?; sleep 60",
        base = server.base_url(),
        bin = bin.display()
    );
    let tmux = Tmux::start(&command);
    let screen = tmux.wait_for("EXIT=", Duration::from_secs(10));
    assert!(
        screen.contains("EXIT=7") && screen.contains("not_found"),
        "{screen}"
    );
    assert!(!screen.contains("error: llama.pipeline"), "{screen}");
}

/// CONTRACT §10: a watched pipeline shows a bar with an ETA, from its
/// files' status counts.
#[test]
fn a_watched_pipeline_has_a_bar_from_its_files() {
    let server = sim();
    let bin = assert_cmd::cargo::cargo_bin("pipewatch");
    let command = format!(
        "env LLAMA_CLOUD_BASE_URL={base} LLAMA_CLOUD_API_KEY=k {bin} llama pipeline status \
         docs-items50-4s --watch --interval 200ms; echo EXIT=$?; sleep 60",
        base = server.base_url(),
        bin = bin.display()
    );
    let tmux = Tmux::start(&command);
    let running = tmux.wait_for("% ETA", Duration::from_secs(10));
    assert!(
        running.contains("llama.pipeline docs-items50-4s"),
        "{running}"
    );
    assert!(running.contains("/50"), "{running}");
    let done = tmux.wait_for("EXIT=", Duration::from_secs(15));
    assert!(
        done.contains("EXIT=0") && done.contains("50/50 100%"),
        "{done}"
    );
}
