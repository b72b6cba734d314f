//! CONTRACT §13, the command line: durations as users write them, watch
//! options only with `--watch`, status options only on status commands.

use crate::common::{self, *};

fn usage(args: &[&str]) -> (i32, String, String) {
    let home = home();
    run(bin(home.path()).args(args))
}

#[test]
fn timeout_none_is_no_limit_and_overrides_the_config() {
    let server = sim();
    let home = home();
    let path = common::config(home.path(), "[profiles.default.watch]\ntimeout = \"1s\"\n");
    // The config's 1 s would end this watch with exit 6 before the job
    // finishes at 2 s; `--timeout none` lifts it.
    let args = [
        "batch",
        "status",
        "job-ok-2s",
        "--watch",
        "--interval",
        "200ms",
    ];
    let at = |home| {
        let mut cmd = bin_at(home, &server);
        cmd.env("PIPEWATCH_CONFIG", &path);
        cmd
    };
    let (code, _, stderr) = run(at(home.path()).args(args));
    assert_eq!(code, 6, "the config's timeout applies: {stderr}");
    let (code, _, stderr) = run(at(home.path()).args(args).args(["--timeout", "none"]));
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn config_durations_may_be_numbers_of_seconds() {
    let server = sim();
    let home = home();
    let path = common::config(
        home.path(),
        "[profiles.default.watch]\ninterval = 0.5\ntimeout = 30\n",
    );
    let (code, stdout, stderr) = run(bin_at(home.path(), &server)
        .env("PIPEWATCH_CONFIG", &path)
        .args(["batch", "status", "job-ok", "--watch", "--json"]));
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(envelopes(&stdout).len(), 1);
    let (code, stdout, _) = run(bin(home.path())
        .env("PIPEWATCH_CONFIG", &path)
        .args(["config", "show"]));
    assert_eq!(code, 0);
    assert!(stdout.contains("interval = \"500ms\""), "{stdout}");
    assert!(stdout.contains("timeout = \"30s\""), "{stdout}");
    std::fs::write(&path, "[profiles.default.watch]\ninterval = 5\n").unwrap();
    let (code, _, stderr) = run(bin_at(home.path(), &server)
        .env("PIPEWATCH_CONFIG", &path)
        .args(["batch", "status", "job-ok", "--watch"]));
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn intervals_under_100ms_are_exit_2() {
    let server = sim();
    for bad in ["1ms", "99ms", "0.05"] {
        let (code, _, stderr) = query(
            &server,
            &["batch", "status", "job-1", "--watch", "--interval", bad],
        );
        assert_eq!(code, 2, "{bad}: {stderr}");
        assert!(stderr.contains("100ms"), "{bad}: {stderr}");
    }
    assert!(
        server.requests().is_empty(),
        "no request before the refusal"
    );
    let home = home();
    let path = common::config(home.path(), "[profiles.default.watch]\ninterval = 0.001\n");
    let (code, _, stderr) = run(bin_at(home.path(), &server)
        .env("PIPEWATCH_CONFIG", &path)
        .args(["batch", "status", "job-1", "--watch"]));
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("line 2") && stderr.contains("interval"),
        "{stderr}"
    );
    let (code, _, stderr) = query(
        &server,
        &["batch", "status", "job-1", "--watch", "--interval", "100ms"],
    );
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn watch_options_without_watch_are_exit_2_naming_watch() {
    let server = sim();
    for args in [
        &["batch", "status", "j-running", "--timeout", "1s"][..],
        &["batch", "status", "j-running", "--interval", "1s"],
        &["--timeout", "1s", "batch", "status", "j-running"],
        &["batch", "--interval", "1s", "status", "j-running"],
        &["batch", "status", "j-running", "--events"],
    ] {
        let (code, stdout, stderr) = query(&server, args);
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert!(stderr.contains("--watch"), "{args:?}: {stderr}");
        assert!(stdout.is_empty(), "{stdout}");
    }
    assert!(server.requests().is_empty());
}

#[test]
fn other_commands_refuse_status_options() {
    for args in [
        &[
            "completions",
            "bash",
            "--watch",
            "--json",
            "--timeout",
            "5s",
        ][..],
        &["completions", "bash", "--json"],
        &["--json", "completions", "bash"],
        &["config", "show", "--watch"],
        &["config", "path", "--retries", "1"],
        &["demo", "--interval", "1s"],
        &["demo", "--quiet"],
    ] {
        let (code, stdout, stderr) = usage(args);
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert!(stdout.is_empty(), "{args:?}: {stdout}");
    }
}

#[test]
fn status_options_are_in_the_help_of_status_commands_only() {
    for args in [
        &["completions", "--help"][..],
        &["config", "show", "--help"],
        &["config", "path", "--help"],
        &["demo", "--help"],
    ] {
        let (code, stdout, _) = usage(args);
        assert_eq!(code, 0, "{args:?}");
        for option in [
            "--watch",
            "--interval",
            "--timeout",
            "--events",
            "--retries",
            "--summary",
        ] {
            assert!(
                !stdout.contains(option),
                "{args:?} shows {option}: {stdout}"
            );
        }
    }
    for args in [
        &["batch", "status", "--help"][..],
        &["feldera", "token", "--help"],
        &["llama", "file", "status", "--help"],
    ] {
        let (code, stdout, _) = usage(args);
        assert_eq!(code, 0, "{args:?}");
        for option in ["--watch", "--interval", "--timeout", "--json", "--base-url"] {
            assert!(stdout.contains(option), "{args:?} lacks {option}: {stdout}");
        }
    }
}
