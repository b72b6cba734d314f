//! CONTRACT §12 on a real (pseudo-)terminal: every table and live line
//! fits the terminal, at 80 and 40 columns, with UUID-length IDs, wide
//! characters and a resize; the live display leaves nothing behind.

use std::time::{Duration, Instant};

use crate::common::pty::*;
use crate::common::*;
use serde_json::json;

const WAIT: Duration = Duration::from_secs(20);
const FAILED: &str = "5c3f1e7a-4b16-4752-a81f-1ea93712d03d-failed";
const OTHER: &str = "9b1d2c3e-1111-4752-a81f-1ea93712d03d";

fn width(text: &str) -> usize {
    console::measure_text_width(text)
}

/// Every line of `shown` (wrapped rows joined again) fits `cols`, except
/// in a table whose first column (IDs, never cut) leaves no room for
/// another: there the terminal wraps, as the contract allows.
fn fits(shown: &str, cols: usize) {
    for block in shown.split("\n\n") {
        let first_column = block
            .lines()
            .filter_map(|l| l.split_whitespace().next())
            .map(width)
            .max()
            .unwrap_or(0);
        if first_column + 10 > cols {
            continue;
        }
        for line in block.lines() {
            assert!(
                width(line.trim_end()) <= cols,
                "a line over {cols} columns: {line:?}\n{shown}"
            );
        }
    }
}

/// The screen once `ready` says so; panics with it after [`WAIT`].
fn wait_until(term: &Terminal, ready: impl Fn(&str) -> bool) -> String {
    let started = Instant::now();
    loop {
        let screen = term.screen();
        if ready(&screen) {
            return screen;
        }
        assert!(started.elapsed() < WAIT, "not ready:\n{screen}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn run_on(server: &Server, args: &[&str], cols: u16, rows: u16) -> (u32, String, Terminal) {
    let home = home();
    let mut term = Terminal::start(pty_bin_at(home.path(), server, args), cols, rows);
    let code = term.wait_exit(WAIT);
    let screen = term.history();
    (code, screen, term)
}

/// The issue's commands: UUID-length IDs, a collection's files.
#[test]
fn the_issues_tables_fit_80_and_40_columns() {
    let server = sim();
    for cols in [80, 40] {
        let (code, shown, term) = run_on(
            &server,
            &["llama", "pipeline", "status", FAILED, OTHER],
            cols,
            30,
        );
        assert_eq!(code, 1, "{shown}");
        fits(&shown, cols.into());
        assert!(shown.contains(FAILED) && shown.contains(OTHER), "{shown}");
        assert!(term.cursor_visible());
        if cols == 80 {
            // The ID stays whole; the least useful columns made room.
            assert!(term.wrapped_rows().is_empty(), "{shown}");
            assert!(!shown.contains("UPDATED"), "{shown}");
            assert!(shown.contains("STATE"), "{shown}");
        }

        let (_, shown, term) = run_on(
            &server,
            &[
                "llama",
                "file",
                "status",
                "--pipeline",
                "docs-items40-failed",
                "--all",
            ],
            cols,
            60,
        );
        fits(&shown, cols.into());
        if cols == 80 {
            assert!(term.wrapped_rows().is_empty(), "{shown}");
            // Details were cut, not reduced to a bare `…` (at 40 the file
            // IDs leave room for nothing else).
            assert!(
                !shown.lines().any(|l| l.trim_end().ends_with("  …")),
                "{shown}"
            );
        }
    }
}

/// 15 watched batch jobs with UUID-length IDs: one line each, all on
/// the screen at 80x24; at 40 columns only the ID itself wraps.
#[test]
fn fifteen_watched_jobs_fit_80_and_40_columns() {
    let server = sim();
    for cols in [80u16, 40] {
        // Fresh IDs for each size: the simulator's jobs run once.
        let ids: Vec<String> = (0..15)
            .map(|i| format!("5c3f1e7a-4b16-4752-a81f-1ea93{cols:02}{i:05}-ok-4s-items40"))
            .collect();
        let home = home();
        let mut args = vec!["batch", "status"];
        args.extend(ids.iter().map(String::as_str));
        args.extend(["--watch", "--interval", "200ms"]);
        let mut term = Terminal::start(pty_bin_at(home.path(), &server, &args), cols, 40);
        // Once every line has been drawn (they start within a tick).
        let on_screen = |screen: &str| {
            let flat = screen.replace('\n', "");
            ids.iter().all(|id| flat.contains(id.as_str())) && flat.contains(" done")
        };
        let live = wait_until(&term, on_screen);
        let wrapped = term.wrapped_rows();
        let rows: Vec<&str> = live.lines().collect();
        for id in &ids {
            assert!(
                live.replace('\n', "").contains(id.as_str()),
                "{id} not on screen:\n{live}"
            );
        }
        if cols == 80 {
            assert_eq!(wrapped, vec![], "{live}");
            assert!(live.contains("% ETA") || live.contains('/'), "{live}");
        } else {
            // Nothing but the spinner and the target: its ID is wider.
            for (row, text) in &wrapped {
                let next = rows.get(usize::from(*row) + 1).copied().unwrap_or("");
                let line = format!("{text}{}", next.trim_end());
                assert!(
                    line.ends_with("-items40"),
                    "more than the ID wraps: {line:?}\n{live}"
                );
            }
        }
        assert_eq!(term.wait_exit(WAIT), 0);
        assert!(term.cursor_visible());
    }
}

/// A resize during a watch: the lines are drawn again for the new width.
#[test]
fn after_a_resize_the_live_lines_fit_the_new_width() {
    let server = sim();
    let home = home();
    let args = [
        "batch",
        "status",
        "stuck-running",
        "--watch",
        "--interval",
        "200ms",
    ];
    let mut term = Terminal::start(pty_bin_at(home.path(), &server, &args), 120, 24);
    let wide = term.wait_for("% ETA", WAIT);
    assert!(wide.contains('['), "a bar at 120 columns:\n{wide}");
    term.resize(44, 24);
    // Wait for a redraw at the new width: the whole line, ending with its
    // status, within 44 columns (a line drawn for 120 would be cut short).
    let started = Instant::now();
    let line = loop {
        let screen = term.screen();
        let found = screen.lines().find(|l| {
            let l = l.trim_end();
            l.contains("batch stuck-running") && l.ends_with("running") && width(l) <= 44
        });
        if let Some(line) = found {
            break line.to_owned();
        }
        assert!(
            started.elapsed() < WAIT,
            "no redraw at 44 columns:\n{screen}"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(
        !line.contains("ETA"),
        "ETA goes before the line wraps: {line:?}"
    );
    assert!(line.contains('/'), "the counts stay: {line:?}");
    assert!(term.wrapped_rows().is_empty(), "{}", term.screen());
    term.ctrl_c();
    assert_eq!(term.wait_exit(WAIT), 130);
    let done = term.screen();
    assert!(!done.contains("% ETA") && !done.contains('['), "{done}");
    fits(&done, 44);
    assert!(term.cursor_visible());
}

/// The issue's example: an unknown status warns mid-watch; the warning
/// stays above the display and no spinner line is left over the table.
#[test]
fn a_mid_watch_warning_leaves_no_spinner_behind() {
    let server = sim();
    let args = [
        "llama",
        "pipeline",
        "status",
        "b-ok-3s",
        "b-mystery",
        "--watch",
        "--interval",
        "200ms",
        "--timeout",
        "5s",
    ];
    let (_, shown, term) = run_on(&server, &args, 80, 24);
    assert!(shown.contains("unknown status"), "{shown}");
    assert!(shown.contains("TARGET"), "{shown}");
    let spinner = |c: char| ('\u{2800}'..='\u{28FF}').contains(&c);
    assert!(!shown.chars().any(spinner), "a spinner left:\n{shown}");
    assert!(!shown.contains("waiting"), "a live line left:\n{shown}");
    // The warning comes before the table, not inside the live lines.
    let warning = shown.find("unknown status").unwrap_or(usize::MAX);
    let table = shown.find("TARGET").unwrap_or(0);
    assert!(warning < table, "{shown}");
    assert!(term.cursor_visible());
}

/// Wide characters (two columns each) in server text: step lines while
/// it runs, and the tables at the end.
#[test]
fn wide_characters_in_server_text_fit() {
    let server = sim();
    let step =
        |name: &str, status: &str| json!({"step": "parsing", "name": name, "status": status});
    server.script(
        "run-wide",
        vec![Reply::json(
            200,
            json!({"status": "running", "pipeline_name": "ingest", "updated_at": "2026-11-22T10:00:00Z",
                   "steps": [step("文書を解析しています（請求書と領収書のすべてのページ）", "running"),
                             step("索引", "pending")]}),
        )],
    );
    server.script(
        "job-wide",
        vec![Reply::json(
            200,
            json!({"job": {"status": "failed", "job_type": "parse", "total_items": 4, "processed_items": 2,
                           "error_message": "請求書の解析に失敗しました: ページ 17 の表が壊れています。再試行してください",
                           "updated_at": "2026-11-22T10:00:00Z"}}),
        )],
    );
    for cols in [80u16, 40] {
        let home = home();
        let args = [
            "clarifeye",
            "run",
            "--project",
            "p",
            "run-wide",
            "--watch",
            "--interval",
            "200ms",
            "--timeout",
            "2s",
        ];
        let mut term = Terminal::start(pty_bin_at(home.path(), &server, &args), cols, 30);
        let live = term.wait_for("文書", WAIT);
        assert!(term.wrapped_rows().is_empty(), "{live}");
        term.wait_exit(WAIT);
        let shown = term.history();
        fits(&shown, cols.into());
        assert!(shown.contains("STEP"), "{shown}");

        let (code, shown, term) = run_on(&server, &["batch", "status", "job-wide"], cols, 30);
        assert_eq!(code, 1, "{shown}");
        fits(&shown, cols.into());
        assert!(term.wrapped_rows().is_empty(), "{shown}");
        assert!(shown.contains('…'), "{shown}");
        if cols == 80 {
            assert!(shown.contains("請求書"), "{shown}");
        }
    }
}

/// `pipewatch demo` at 80x24: each section starts with the command that
/// runs, and no line wraps.
#[test]
fn the_demo_at_80x24_wraps_no_line() {
    let home = home();
    let mut term = Terminal::start(pty_bin(home.path(), &["demo"]), 80, 24);
    assert_eq!(term.wait_exit(Duration::from_secs(60)), 0);
    let shown = term.history();
    for line in shown.lines() {
        assert!(width(line.trim_end()) <= 80, "wrapped: {line:?}\n{shown}");
    }
    for command in [
        "pipewatch llama pipeline status docs-ok-1s --watch",
        "pipewatch batch status nightly-ok-1s-items40 --watch",
        "pipewatch feldera token orders tok-ok-600ms --watch",
    ] {
        assert!(shown.contains(command), "no {command:?}:\n{shown}");
    }
    // A command too long for one line goes on with a shell continuation.
    assert!(shown.contains(" \\\n    "), "{shown}");
    assert!(term.cursor_visible());
}

/// A collection's one bar at 80 and 40 columns: it gives way, never wraps.
#[test]
fn a_collection_bar_fits_80_and_40_columns() {
    let server = sim();
    for cols in [80u16, 40] {
        let home = home();
        let pipeline = format!("c{cols}-items3000-failed-4s");
        let args = [
            "llama",
            "file",
            "status",
            "--pipeline",
            &pipeline,
            "--all",
            "--watch",
            "--interval",
            "300ms",
        ];
        let mut term = Terminal::start(pty_bin_at(home.path(), &server, &args), cols, 24);
        let prefix = format!("llama.file {pipeline}/*");
        let live = term.wait_for(&prefix, WAIT);
        assert!(term.wrapped_rows().is_empty(), "{live}");
        if cols == 80 {
            // The counts stay; the bar and ETA go first.
            let live = term.wait_for("/3000 done", WAIT);
            assert!(term.wrapped_rows().is_empty(), "{live}");
        }
        assert_eq!(term.wait_exit(Duration::from_secs(30)), 1);
        let done = term.history();
        assert!(!done.contains("/3000 done"), "bar left behind:\n{done}");
        assert!(
            !done.contains(&format!("{prefix} ")),
            "bar left behind:\n{done}"
        );
    }
}
