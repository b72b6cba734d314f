//! The live display on a real terminal: pipewatch runs on a pseudo-terminal
//! (tests/it/common/pty.rs) and we read the screen while it watches and after
//! it ends. CONTRACT §6, §12.

use std::time::Duration;

use crate::common::pty::*;
use crate::common::*;

const WAIT: Duration = Duration::from_secs(15);

/// `args` on a 150x40 terminal, pointed at `server`.
fn watch(server: &Server, args: &[&str]) -> (Terminal, tempfile::TempDir) {
    let home = home();
    let term = Terminal::start(pty_bin_at(home.path(), server, args), 150, 40);
    (term, home)
}

#[test]
fn live_bars_then_a_clean_final_table() {
    let server = sim();
    let (mut term, _home) = watch(
        &server,
        &[
            "batch",
            "status",
            "big-ok-3s-items50",
            "other-ok-1s",
            "--watch",
            "--interval",
            "200ms",
        ],
    );
    // While it runs: a bar with counts, percent and ETA, and the summary.
    term.wait_for("% ETA", WAIT);
    // Once both targets have answered (their first line says "waiting
    // for the first answer", which the summary's "waiting" would match).
    let mut running = term.screen();
    while running.contains("first answer") {
        std::thread::sleep(Duration::from_millis(20));
        running = term.wait_for("% ETA", WAIT);
    }
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
    assert_eq!(term.wait_exit(WAIT), 0);
    let done = term.screen();
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
    let (mut term, _home) = watch(
        &server,
        &[
            "clarifeye",
            "run",
            "--project",
            "p",
            "run-ok-4s",
            "--watch",
            "--interval",
            "200ms",
        ],
    );
    let mut running = term.wait_for("Extract tags", WAIT);
    // A frame caught while indicatif redraws can show a line not yet
    // written: look again for a whole one before judging.
    for _ in 0..20 {
        if running.contains("Parse documents") {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
        running = term.wait_for("Extract tags", WAIT);
    }
    assert!(running.contains("clarifeye.run p/run-ok-4s"), "{running}");
    let lines: Vec<&str> = running.lines().collect();
    let run_line = lines.iter().position(|l| l.contains("run-ok-4s")).unwrap();
    assert!(lines[run_line + 1].contains("Parse documents"), "{running}");
    assert_eq!(term.wait_exit(WAIT), 0);
    let done = term.screen();
    // The final steps table replaces the live lines.
    assert!(done.contains("STEP") && done.contains("Index"), "{done}");
}

#[test]
fn ctrl_c_leaves_no_half_drawn_bars() {
    let server = sim();
    let (mut term, _home) = watch(
        &server,
        &[
            "batch",
            "status",
            "stuck-running",
            "--watch",
            "--interval",
            "200ms",
        ],
    );
    term.wait_for("% ETA", WAIT);
    term.ctrl_c();
    assert_eq!(term.wait_exit(WAIT), 130);
    let done = term.screen();
    assert!(
        done.contains("stuck-running") && done.contains("running"),
        "{done}"
    );
    assert!(!done.contains("% ETA"), "bar left on screen:\n{done}");
}

#[test]
fn spinner_with_status_and_elapsed_where_there_is_no_progress() {
    let server = sim();
    let (mut term, _home) = watch(
        &server,
        &[
            "feldera",
            "token",
            "orders",
            "tok-running",
            "--watch",
            "--interval",
            "200ms",
            "--timeout",
            "3s",
        ],
    );
    let screen = term.wait_for("orders/tok-running inprogress", WAIT);
    let line = screen
        .lines()
        .find(|l| l.contains("orders/tok-running"))
        .unwrap_or_default();
    assert!(
        line.contains("running") && line.trim_end().ends_with('s'),
        "{line:?}"
    );
    assert!(!line.contains('['), "no bar without progress: {line:?}");
    assert_eq!(term.wait_exit(WAIT), 6);
}

/// Issue 9: on an 80-column terminal no line of the table is wider than 80
/// columns; the details are cut with `…`, never an ID. Off a terminal the
/// same command prints everything in full.
#[test]
fn tables_fit_an_80_column_terminal() {
    let server = sim();
    let ids = "ingest-2026-11-22-failed nightly-upload-failed-items60 other-partial-items7";
    let mut screen = String::new();
    for args in [
        ["batch", "status"]
            .into_iter()
            .chain(ids.split(' '))
            .collect(),
        vec![
            "llama",
            "pipeline",
            "status",
            "docs-failed-with-a-long-pipeline-name",
        ],
    ] {
        let home = home();
        let mut term = Terminal::start(pty_bin_at(home.path(), &server, &args), 80, 40);
        term.wait_exit(WAIT);
        let shown = term.screen_joined();
        for line in shown.lines() {
            assert!(
                line.trim_end().chars().count() <= 80,
                "a line over 80 columns: {line:?}\n{shown}"
            );
        }
        assert_eq!(term.wrapped_rows(), vec![], "{shown}");
        screen.push_str(&shown);
    }
    for id in ids
        .split(' ')
        .chain(["docs-failed-with-a-long-pipeline-name", "MESSAGE"])
    {
        assert!(screen.contains(id), "{id} missing or cut:\n{screen}");
    }
    assert!(screen.contains('…'), "nothing was cut:\n{screen}");
    // At 80 columns UPDATED is the first column to go (CONTRACT §12); a
    // wider terminal keeps it, as an age.
    assert!(!screen.contains("UPDATED"), "{screen}");
    let wide_home = home();
    let args: Vec<&str> = ["batch", "status"]
        .into_iter()
        .chain(ids.split(' '))
        .collect();
    let mut wide = Terminal::start(pty_bin_at(wide_home.path(), &server, &args), 110, 40);
    wide.wait_exit(WAIT);
    let screen = wide.screen();
    assert!(screen.contains("s ago"), "no age in UPDATED:\n{screen}");
    assert!(wide.wrapped_rows().is_empty(), "{screen}");

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
    let home = home();
    let mut cmd = pty_bin(home.path(), &["batch", "status", "-"]);
    cmd.env("LLAMA_CLOUD_API_KEY", "k");
    let mut term = Terminal::start(cmd, 150, 40);
    assert_eq!(term.wait_exit(WAIT), 2);
    let screen = term.screen();
    assert!(screen.contains("stdin is a terminal"), "{screen}");
}

/// A watched collection shows one bar for all its items (done / total,
/// failed, ETA), not a line per item.
#[test]
fn a_collection_is_one_bar_with_an_eta() {
    let server = sim();
    let (mut term, _home) = watch(
        &server,
        &[
            "llama",
            "file",
            "status",
            "--pipeline",
            "big-items3000-failed-4s",
            "--all",
            "--watch",
            "--interval",
            "300ms",
        ],
    );
    let running = term.wait_for("/3000 done", WAIT);
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
    assert_eq!(term.wait_exit(Duration::from_secs(30)), 1);
    let done = term.history();
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
    let (mut term, _home) = watch(&server, &["llama", "pipeline", "status", "p-notfound"]);
    assert_eq!(term.wait_exit(WAIT), 7);
    let screen = term.screen();
    assert!(screen.contains("not_found"), "{screen}");
    assert!(!screen.contains("error: llama.pipeline"), "{screen}");
}

/// CONTRACT §10: a watched pipeline shows a bar with an ETA, from its
/// files' status counts.
#[test]
fn a_watched_pipeline_has_a_bar_from_its_files() {
    let server = sim();
    let (mut term, _home) = watch(
        &server,
        &[
            "llama",
            "pipeline",
            "status",
            "docs-items50-4s",
            "--watch",
            "--interval",
            "200ms",
        ],
    );
    let running = term.wait_for("% ETA", WAIT);
    assert!(
        running.contains("llama.pipeline docs-items50-4s"),
        "{running}"
    );
    assert!(running.contains("/50"), "{running}");
    assert_eq!(term.wait_exit(WAIT), 0);
    let done = term.screen();
    assert!(done.contains("50/50 100%"), "{done}");
}
