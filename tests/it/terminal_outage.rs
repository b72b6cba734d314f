//! On a terminal, a target that cannot be had says why on its live line
//! (CONTRACT §12), and SIGTERM clears the display as Ctrl-C does.

#![cfg(unix)]

use std::time::Duration;

use crate::common::pty::*;
use crate::common::*;

const WAIT: Duration = Duration::from_secs(15);

/// A service that answers 429 with `Retry-After: 10`: the live line says
/// so at once, not "waiting for the first answer" for 10 s. SIGTERM then
/// ends the watch with 143, the line gone, the cursor back, the final
/// table saying why.
#[test]
fn the_live_line_says_why_and_sigterm_leaves_a_clean_screen() {
    let server = sim();
    let home = home();
    let args = ["batch", "status", "job-throttled", "job-running", "--watch"];
    let mut term = Terminal::start(pty_bin_at(home.path(), &server, &args), 150, 40);
    let live = term.wait_for("unreachable: HTTP 429, retrying in 10s", WAIT);
    assert!(!live.contains("waiting for the first answer"), "{live}");
    term.wait_for("% ETA", WAIT);
    term.signal(libc::SIGTERM);
    assert_eq!(term.wait_exit(WAIT), 143);
    let done = term.screen();
    assert!(!done.contains("retrying in"), "live line left:\n{done}");
    assert!(!done.contains("% ETA"), "bar left:\n{done}");
    assert!(term.cursor_visible(), "{done}");
    let row = done
        .lines()
        .find(|l| l.starts_with("job-throttled"))
        .unwrap_or_default();
    assert!(
        row.contains("HTTP 429") && row.contains("unavailable"),
        "{done}"
    );
}

/// Nothing listens on port 1: the line names the connect error and the
/// host:port.
#[test]
fn a_refused_connection_is_named_on_the_live_line() {
    let home = home();
    let mut cmd = pty_bin(home.path(), &["batch", "status", "job-ok", "--watch"]);
    cmd.env("LLAMA_CLOUD_BASE_URL", "http://127.0.0.1:1");
    cmd.env("LLAMA_CLOUD_API_KEY", KEY);
    let mut term = Terminal::start(cmd, 150, 40);
    term.wait_for("unreachable: connection refused (127.0.0.1:1)", WAIT);
    term.ctrl_c();
    assert_eq!(term.wait_exit(WAIT), 130);
}
