//! Command-line usage through the real binary (CONTRACT §1, §2, §5):
//! usage errors exit 2 and say what was wrong, good values are accepted,
//! help and version, shell completions and man pages (and that the
//! committed ones are up to date), and options on either side of the
//! subcommand.

mod man;

use std::path::Path;

use crate::common::{self, bin, bin_at, envelopes, home, run, sim};

/// Run the binary with a clean environment and no server.
fn usage(args: &[&str]) -> (i32, String, String) {
    let home = home();
    run(bin(home.path()).args(args))
}

/// Run the binary pointed at a fresh simulator.
fn against_sim(args: &[&str]) -> (i32, String, String) {
    let home = home();
    let server = sim();
    run(bin_at(home.path(), &server).args(args))
}

// ---------------------------------------------------------------------------
// Bad command lines: exit 2

#[test]
fn unknown_flag_is_exit_2_and_named() {
    let (code, stdout, stderr) = usage(&["llama", "pipeline", "status", "job-1", "--frobnicate"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("--frobnicate"), "{stderr}");
    assert!(stdout.is_empty(), "{stdout}");
}

#[test]
fn dot_segments_are_refused_as_path_parameters_before_any_request() {
    let server = sim();
    let home = home();
    for args in [
        &["llama", "pipeline", "status", "ok", ".."][..],
        &["llama", "file", "status", "--pipeline", ".", "ok"],
        &["batch", "status", ".."],
        &["clarifeye", "run", "--project", "..", "ok"],
        &["feldera", "token", ".", "tok"],
    ] {
        let (code, stdout, stderr) = run(bin_at(home.path(), &server).args(args));
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert!(stderr.contains("step through the path"), "{stderr}");
        assert!(stdout.is_empty(), "{stdout}");
    }
    assert!(server.requests().is_empty());
    // A Feldera token is a query value: `..` is a fine token.
    let (code, _, stderr) = run(bin_at(home.path(), &server).args(["feldera", "token", "p", ".."]));
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn unknown_flag_before_the_subcommand_is_exit_2() {
    let (code, _, stderr) = usage(&["--frobnicate", "llama", "pipeline", "status", "job-1"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("--frobnicate"), "{stderr}");
}

#[test]
fn unknown_subcommand_is_exit_2() {
    let (code, stdout, stderr) = usage(&["jenkins", "status", "job-1"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("jenkins"), "{stderr}");
    assert!(stdout.is_empty(), "{stdout}");
}

#[test]
fn unknown_nested_subcommand_is_exit_2() {
    let (code, _, stderr) = usage(&["llama", "pipeline", "statuz", "job-1"]);
    assert_eq!(code, 2, "{stderr}");
}

#[test]
fn no_subcommand_is_exit_2() {
    let (code, _, stderr) = usage(&[]);
    assert_eq!(code, 2, "{stderr}");
}

#[test]
fn no_target_is_exit_2() {
    let (code, _, stderr) = usage(&["llama", "pipeline", "status"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("PIPELINE_ID"), "{stderr}");
}

#[test]
fn no_target_is_exit_2_for_every_status_command() {
    for args in [
        &["llama", "file", "status", "--pipeline", "p"][..],
        &["batch", "status"],
        &["clarifeye", "run", "--project", "p"],
        &["feldera", "token", "p"],
        &["feldera", "token"],
    ] {
        let (code, _, stderr) = usage(args);
        assert_eq!(code, 2, "{args:?}: {stderr}");
    }
}

#[test]
fn llama_file_without_pipeline_is_exit_2() {
    let (code, _, stderr) = usage(&["llama", "file", "status", "file-1"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("--pipeline"), "{stderr}");
}

#[test]
fn empty_id_is_exit_2() {
    let (code, _, stderr) = usage(&["llama", "pipeline", "status", ""]);
    assert_eq!(code, 2, "{stderr}");
}

#[test]
fn empty_id_among_good_ones_is_exit_2_and_nothing_is_sent() {
    let home = home();
    let server = sim();
    let (code, _, stderr) =
        run(bin_at(home.path(), &server).args(["llama", "pipeline", "status", "job-1", ""]));
    assert_eq!(code, 2, "{stderr}");
    assert!(server.requests().is_empty());
}

#[test]
fn empty_ids_are_exit_2_for_every_status_command() {
    for args in [
        &["llama", "file", "status", "--pipeline", "", "f"][..],
        &["llama", "file", "status", "--pipeline", "p", ""],
        &["batch", "status", ""],
        &["clarifeye", "run", "--project", "", "r"],
        &["clarifeye", "run", "--project", "p", ""],
        &["feldera", "token", "", "t"],
        &["feldera", "token", "p", ""],
    ] {
        let (code, _, stderr) = usage(args);
        assert_eq!(code, 2, "{args:?}: {stderr}");
    }
}

// ---------------------------------------------------------------------------
// Durations

const DURATION_FLAGS: [&str; 3] = ["--interval", "--timeout", "--request-timeout"];

#[test]
fn bad_durations_are_exit_2_naming_the_value() {
    for flag in DURATION_FLAGS {
        for bad in ["abc", "0", "0s", "2 parsecs", "1.2.3"] {
            let (code, stdout, stderr) = usage(&["feldera", "token", "p", "t", flag, bad]);
            assert_eq!(code, 2, "{flag} {bad}: {stderr}");
            assert!(
                stderr.contains(&format!("'{bad}'")) || stderr.contains(&format!("`{bad}`")),
                "{flag} {bad}: the value is not named: {stderr}"
            );
            assert!(stderr.contains(flag), "{flag} {bad}: {stderr}");
            assert!(stdout.is_empty(), "{stdout}");
        }
    }
}

#[test]
fn negative_durations_are_exit_2_naming_the_value() {
    for flag in DURATION_FLAGS {
        // `--flag=-1` reaches the duration parser.
        let joined = format!("{flag}=-1");
        let (code, _, stderr) = usage(&["feldera", "token", "p", "t", &joined]);
        assert_eq!(code, 2, "{joined}: {stderr}");
        assert!(stderr.contains("-1"), "{joined}: {stderr}");
        // `--flag -1` may be read as a flag instead; either way it is a usage error.
        let (code, _, stderr) = usage(&["feldera", "token", "p", "t", flag, "-1"]);
        assert_eq!(code, 2, "{flag} -1: {stderr}");
        assert!(stderr.contains("-1"), "{flag} -1: {stderr}");
    }
}

#[test]
fn a_missing_duration_value_is_exit_2() {
    for flag in DURATION_FLAGS {
        let (code, _, stderr) = usage(&["feldera", "token", "p", "t", flag]);
        assert_eq!(code, 2, "{flag}: {stderr}");
    }
}

#[test]
fn good_durations_are_accepted() {
    for (flag, good) in [
        ("--interval", "500ms"),
        ("--interval", "1m30s"),
        ("--interval", "3"),
        ("--timeout", "500ms"),
        ("--timeout", "1m30s"),
        ("--timeout", "3"),
        ("--request-timeout", "500ms"),
        ("--request-timeout", "1m30s"),
        ("--request-timeout", "3"),
        ("--request-timeout", "2.5"),
        ("--timeout", "none"),
    ] {
        let args = [
            "llama", "pipeline", "status", "job-ok", "--watch", flag, good,
        ];
        let (code, _, stderr) = against_sim(&args);
        assert_eq!(code, 0, "{flag} {good}: {stderr}");
    }
}

#[test]
fn good_durations_are_accepted_while_watching() {
    let (code, stdout, stderr) = against_sim(&[
        "llama",
        "pipeline",
        "status",
        "job-ok",
        "--watch",
        "--interval",
        "500ms",
        "--timeout",
        "1m30s",
        "--request-timeout",
        "3",
        "--json",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let lines = envelopes(&stdout);
    assert_eq!(lines.len(), 1, "{stdout}");
    assert_eq!(lines[0]["state"], "succeeded");
}

// ---------------------------------------------------------------------------
// Other option values

#[test]
fn events_without_watch_is_exit_2() {
    let (code, stdout, stderr) = usage(&["feldera", "token", "p", "t", "--events"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("--watch"), "{stderr}");
    assert!(stdout.is_empty(), "{stdout}");
}

#[test]
fn events_with_watch_is_accepted() {
    let (code, stdout, stderr) =
        against_sim(&["feldera", "token", "p", "t", "--watch", "--events"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!envelopes(&stdout).is_empty(), "{stdout}");
}

#[test]
fn concurrency_zero_is_exit_2() {
    let (code, _, stderr) = usage(&["feldera", "token", "p", "t", "--concurrency", "0"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("--concurrency"), "{stderr}");
}

#[test]
fn concurrency_not_a_number_is_exit_2() {
    for bad in ["many", "-3", "1.5"] {
        let joined = format!("--concurrency={bad}");
        let (code, _, stderr) = usage(&["feldera", "token", "p", "t", &joined]);
        assert_eq!(code, 2, "{bad}: {stderr}");
    }
}

#[test]
fn concurrency_one_is_accepted() {
    let (code, stdout, stderr) = against_sim(&[
        "feldera",
        "token",
        "p",
        "t1",
        "t2",
        "t3",
        "--concurrency",
        "1",
        "--json",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let tokens: Vec<_> = envelopes(&stdout)
        .iter()
        .map(|e| e["target"]["token"].clone())
        .collect();
    assert_eq!(tokens, ["t1", "t2", "t3"]);
}

#[test]
fn retries_not_a_number_is_exit_2() {
    let (code, _, stderr) = usage(&["feldera", "token", "p", "t", "--retries", "lots"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("lots"), "{stderr}");
}

#[test]
fn bad_color_is_exit_2() {
    let (code, _, stderr) = usage(&["feldera", "token", "p", "t", "--color", "sometimes"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("sometimes"), "{stderr}");
}

#[test]
fn good_colors_are_accepted() {
    for when in ["auto", "always", "never"] {
        let (code, _, stderr) = against_sim(&["feldera", "token", "p", "t", "--color", when]);
        assert_eq!(code, 0, "--color {when}: {stderr}");
    }
}

#[test]
fn bad_completions_shell_is_exit_2() {
    let (code, stdout, stderr) = usage(&["completions", "tcsh"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("tcsh"), "{stderr}");
    assert!(stdout.is_empty());
}

#[test]
fn completions_without_shell_is_exit_2() {
    let (code, _, stderr) = usage(&["completions"]);
    assert_eq!(code, 2, "{stderr}");
}

// ---------------------------------------------------------------------------
// Help and version

#[test]
fn help_shows_the_exit_code_table() {
    let (code, stdout, stderr) = usage(&["--help"]);
    assert_eq!(code, 0, "{stderr}");
    let line = |prefix: &str| stdout.lines().any(|l| l.trim_start().starts_with(prefix));
    assert!(stdout.contains("Exit codes"), "{stdout}");
    assert!(line("0 "), "no line for 0: {stdout}");
    assert!(line("2 "), "no line for 2: {stdout}");
    assert!(line("7 "), "no line for 7: {stdout}");
    assert!(line("10 "), "no line for 10: {stdout}");
    assert!(line("130 "), "no line for 130: {stdout}");
    assert!(line("143 "), "no line for 143: {stdout}");
    assert!(line("129 "), "no line for 129: {stdout}");
    assert!(
        stdout.contains("2, 130 (and 143, 129, 141), 8, 9, 10, 7, 1, 4, 6, 3, 5, 0"),
        "no severity order: {stdout}"
    );
}

#[test]
fn help_lists_every_command_and_common_option() {
    let (code, stdout, stderr) = usage(&["--help"]);
    assert_eq!(code, 0, "{stderr}");
    for word in [
        "llama",
        "batch",
        "clarifeye",
        "feldera",
        "completions",
        "config",
        "demo",
        "--watch",
        "--interval",
        "--timeout",
        "--json",
        "--events",
        "--quiet",
        "--allow-partial",
        "--base-url",
        "--allow-http",
        "--ca-cert",
        "--profile",
        "--config",
        "--request-timeout",
        "--retries",
        "--concurrency",
        "--verbose",
        "--color",
    ] {
        assert!(
            stdout.contains(word),
            "--help does not mention {word}: {stdout}"
        );
    }
}

#[test]
fn short_help_and_subcommand_help_exit_0() {
    for args in [
        &["-h"][..],
        &["help"],
        &["llama", "--help"],
        &["llama", "pipeline", "status", "--help"],
        &["feldera", "token", "--help"],
        &["help", "batch", "status"],
    ] {
        let (code, stdout, stderr) = usage(args);
        assert_eq!(code, 0, "{args:?}: {stderr}");
        assert!(stdout.contains("Usage"), "{args:?}: {stdout}");
    }
}

#[test]
fn version_prints_name_and_version() {
    let (code, stdout, stderr) = usage(&["--version"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout.trim(), "pipewatch 0.1.0");
    let (code, stdout, _) = usage(&["-V"]);
    assert_eq!(code, 0);
    assert_eq!(stdout.trim(), "pipewatch 0.1.0");
}

// ---------------------------------------------------------------------------
// Completions

const SHELLS: [&str; 5] = ["bash", "zsh", "fish", "elvish", "powershell"];

#[test]
fn completions_for_every_shell() {
    for shell in SHELLS {
        let (code, stdout, stderr) = usage(&["completions", shell]);
        assert_eq!(code, 0, "{shell}: {stderr}");
        assert!(!stdout.trim().is_empty(), "{shell}: empty script");
        assert!(stdout.contains("pipewatch"), "{shell}: {stdout}");
        assert!(stderr.is_empty(), "{shell}: {stderr}");
    }
}

#[test]
fn completions_need_no_config_or_keys() {
    // A broken config file must not stop completions from being printed.
    let home = home();
    let path = common::config(home.path(), "this is not toml [");
    let (code, stdout, stderr) = run(bin(home.path())
        .env("PIPEWATCH_CONFIG", &path)
        .args(["completions", "bash"]));
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("pipewatch"));
}

#[test]
fn completions_mention_subcommands_and_options() {
    let (_, stdout, _) = usage(&["completions", "bash"]);
    for word in [
        "llama",
        "feldera",
        "clarifeye",
        "batch",
        "--watch",
        "--base-url",
    ] {
        assert!(stdout.contains(word), "bash completions lack {word}");
    }
}

/// `completions/` holds the scripts as the binary would print them. Run with
/// `UPDATE_COMPLETIONS=1` to write them after changing the command line.
#[test]
fn committed_completions_are_up_to_date() {
    use clap::CommandFactory;
    use clap_complete::{Generator, Shell};

    let expected_names = [
        (Shell::Bash, "pipewatch.bash"),
        (Shell::Zsh, "_pipewatch"),
        (Shell::Fish, "pipewatch.fish"),
        (Shell::Elvish, "pipewatch.elv"),
        (Shell::PowerShell, "_pipewatch.ps1"),
    ];
    let mut scripts = Vec::new();
    for (shell, name) in expected_names {
        assert_eq!(shell.file_name("pipewatch"), name, "{shell:?}");
        let mut generated = Vec::new();
        clap_complete::generate(
            shell,
            &mut pipewatch::cli::Cli::command(),
            "pipewatch",
            &mut generated,
        );
        scripts.push((name.to_owned(), generated));
    }
    check_generated("completions", &scripts);
}

/// `man/` holds the man pages generated from the command line (see
/// `usage/man.rs`); `UPDATE_COMPLETIONS=1` rewrites them too.
#[test]
fn committed_man_pages_are_up_to_date() {
    check_generated("man", &man::pages());
}

/// Compare a directory of generated files with what the generator makes
/// now, byte for byte: each file there and the same, and no other file (a
/// page for a command that is gone). With `UPDATE_COMPLETIONS=1`, write the
/// files and delete the others instead.
fn check_generated(dir_name: &str, files: &[(String, Vec<u8>)]) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir_name);
    let update = std::env::var_os("UPDATE_COMPLETIONS").is_some_and(|v| v == "1");
    if update {
        std::fs::create_dir_all(&dir).expect("create the directory");
    }
    let mut stale = Vec::new();
    for (name, generated) in files {
        let path = dir.join(name);
        if update {
            std::fs::write(&path, generated).expect("write a generated file");
            continue;
        }
        match std::fs::read(&path) {
            Ok(committed) if committed == *generated => {}
            Ok(_) => stale.push(format!("{} is out of date", path.display())),
            Err(e) => stale.push(format!("{}: {e}", path.display())),
        }
    }
    match std::fs::read_dir(&dir) {
        Ok(entries) => {
            for entry in entries {
                let path = entry.expect("read the directory").path();
                let known = path
                    .file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| files.iter().any(|(name, _)| name == n));
                if known {
                    continue;
                }
                if update {
                    std::fs::remove_file(&path).expect("remove a file no longer generated");
                } else {
                    stale.push(format!("{} is not generated any more", path.display()));
                }
            }
        }
        Err(e) => stale.push(format!("{}: {e}", dir.display())),
    }
    assert!(
        stale.is_empty(),
        "{}; regenerate with: UPDATE_COMPLETIONS=1 cargo test --test it usage::committed_",
        stale.join("; ")
    );
}

#[test]
fn printed_completions_match_the_library_generator() {
    use clap::CommandFactory;
    use clap_complete::Shell;

    for (name, shell) in [
        ("bash", Shell::Bash),
        ("zsh", Shell::Zsh),
        ("fish", Shell::Fish),
        ("elvish", Shell::Elvish),
        ("powershell", Shell::PowerShell),
    ] {
        let home = home();
        let out = bin(home.path())
            .args(["completions", name])
            .output()
            .expect("run pipewatch");
        let mut generated = Vec::new();
        clap_complete::generate(
            shell,
            &mut pipewatch::cli::Cli::command(),
            "pipewatch",
            &mut generated,
        );
        assert!(
            out.stdout == generated,
            "{name}: the binary prints another script"
        );
    }
}

// ---------------------------------------------------------------------------
// Option placement

#[test]
fn options_work_before_the_subcommand() {
    let (code, stdout, stderr) = against_sim(&["--json", "feldera", "token", "p", "t"]);
    assert_eq!(code, 0, "{stderr}");
    let lines = envelopes(&stdout);
    assert_eq!(lines.len(), 1, "{stdout}");
    assert_eq!(lines[0]["service"], "feldera.token");
    assert_eq!(lines[0]["target"]["pipeline_name"], "p");
    assert_eq!(lines[0]["target"]["token"], "t");
}

#[test]
fn options_work_after_the_subcommand() {
    let (code, stdout, stderr) = against_sim(&["feldera", "token", "p", "t", "--json"]);
    assert_eq!(code, 0, "{stderr}");
    let lines = envelopes(&stdout);
    assert_eq!(lines.len(), 1, "{stdout}");
    assert_eq!(lines[0]["service"], "feldera.token");
}

#[test]
fn options_work_between_subcommand_words() {
    let (code, stdout, stderr) = against_sim(&["feldera", "--json", "token", "p", "t"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(envelopes(&stdout).len(), 1, "{stdout}");
}

#[test]
fn valued_options_work_before_and_after_the_subcommand() {
    let home = home();
    let server = sim();
    // Base URLs point nowhere; only --base-url reaches the simulator.
    let mut cmd = bin(home.path());
    cmd.env("FELDERA_HOST", "http://127.0.0.1:1");
    let (code, stdout, stderr) = run(cmd.args([
        "--base-url",
        &server.base_url(),
        "feldera",
        "token",
        "p",
        "before",
        "-q",
    ]));
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.is_empty(), "{stdout}");
    let mut cmd = bin(home.path());
    cmd.env("FELDERA_HOST", "http://127.0.0.1:1");
    let (code, _, stderr) = run(cmd.args([
        "feldera",
        "token",
        "p",
        "after",
        "--base-url",
        &server.base_url(),
    ]));
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(server.hits("before"), 1);
    assert_eq!(server.hits("after"), 1);
}

#[test]
fn quiet_prints_nothing_and_the_exit_code_answers() {
    let (code, stdout, stderr) = against_sim(&["-q", "llama", "pipeline", "status", "job-failed"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stdout.is_empty(), "{stdout}");
}

#[test]
fn double_dash_allows_ids_that_look_like_flags() {
    let home = home();
    let server = sim();
    let (code, stdout, stderr) =
        run(bin_at(home.path(), &server).args(["feldera", "token", "--json", "p", "--", "-t-ok"]));
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(envelopes(&stdout)[0]["target"]["token"], "-t-ok");
    assert_eq!(server.hits("-t-ok"), 1);
}
