//! `-` as a target: the targets come from stdin, one per line. CONTRACT §10.
//! (With stdin a terminal it is exit 2: tests/it/terminal.rs, which has one.)

use crate::common::*;

/// Run with `input` on stdin.
fn with_stdin(server: &Server, args: &[&str], input: &str) -> (i32, String, String) {
    let home = home();
    run(bin_at(home.path(), server).args(args).write_stdin(input))
}

/// The keys the simulator was asked about, in order.
fn keys(server: &Server) -> Vec<String> {
    server
        .requests()
        .into_iter()
        .filter_map(|r| r.key)
        .collect()
}

#[test]
fn ids_come_from_stdin_trimmed_commented_and_once_each() {
    let server = sim();
    let input = "  job-a-ok \n\n# the nightly ones\nnightly-partial\r\njob-a-ok\n\t\n";
    let (code, stdout, stderr) = with_stdin(&server, &["batch", "status", "-", "--json"], input);
    assert_eq!(code, 3, "{stderr}");
    let ids: Vec<String> = envelopes(&stdout)
        .iter()
        .map(|e| {
            e["target"]["job_id"]
                .as_str()
                .unwrap_or_default()
                .to_owned()
        })
        .collect();
    assert_eq!(ids, ["job-a-ok", "nightly-partial"]);
    assert_eq!(keys(&server), ["job-a-ok", "nightly-partial"]);
}

#[test]
fn every_status_command_reads_stdin() {
    let server = sim();
    let cases: [(&[&str], &str, &str); 5] = [
        (
            &["llama", "pipeline", "status", "-"],
            "p-one\np-two\n",
            "p-two",
        ),
        (
            &["llama", "file", "status", "--pipeline", "p", "-"],
            "f-one\nf-two\n",
            "p/f-two",
        ),
        (&["batch", "status", "-"], "j-one\nj-two\n", "j-two"),
        (
            &["clarifeye", "run", "--project", "pr", "-"],
            "r-one\nr-two\n",
            "pr/r-two",
        ),
        // The pipeline name stays an argument; the tokens come from stdin.
        (
            &["feldera", "token", "orders", "-"],
            "t-one\nt-two\n",
            "orders/t-two",
        ),
    ];
    for (args, input, last) in cases {
        let (code, stdout, stderr) = with_stdin(&server, args, input);
        assert_eq!(code, 0, "{args:?}: {stderr}");
        let rows: Vec<&str> = stdout.lines().skip(1).collect();
        assert_eq!(rows.len(), 2, "{args:?}: {stdout}");
        assert!(rows[1].starts_with(last), "{args:?}: {stdout}");
    }
}

#[test]
fn dash_among_ids_is_replaced_in_place() {
    let server = sim();
    let (code, stdout, stderr) = with_stdin(
        &server,
        &["feldera", "token", "orders", "first", "-", "last", "--json"],
        "middle-1\nmiddle-2\n",
    );
    assert_eq!(code, 0, "{stderr}");
    let tokens: Vec<String> = envelopes(&stdout)
        .iter()
        .map(|e| e["target"]["token"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(tokens, ["first", "middle-1", "middle-2", "last"]);
}

#[test]
fn nothing_on_stdin_is_nothing_to_wait_for() {
    let server = sim();
    let (code, stdout, stderr) = with_stdin(
        &server,
        &["batch", "status", "-", "--json"],
        "\n# none today\n",
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout, "");
    assert!(stderr.contains("no targets on stdin"), "{stderr}");
    assert!(server.requests().is_empty());
}

#[test]
fn ids_from_stdin_are_checked_like_arguments() {
    let server = sim();
    let (code, _, stderr) = with_stdin(&server, &["batch", "status", "-"], "ok-1\n..\n");
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("`..` cannot be a job_id"), "{stderr}");
    assert!(server.requests().is_empty());
}

#[test]
fn stdin_that_is_not_text_is_exit_2() {
    let server = sim();
    let home = home();
    let (code, _, stderr) = run(bin_at(home.path(), &server)
        .args(["batch", "status", "-"])
        .write_stdin(b"ok\n\xff\xfe\n".to_vec()));
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("stdin"), "{stderr}");
    assert!(server.requests().is_empty());
}

/// PowerShell puts a UTF-8 byte-order mark before piped text, and Windows
/// files end lines with CRLF: neither reaches a request (CONTRACT §12).
#[test]
fn a_byte_order_mark_and_crs_are_dropped() {
    let server = sim();
    let input = "\u{feff}job-1\r\njob-2\r\n";
    let (code, stdout, stderr) = with_stdin(&server, &["batch", "status", "-", "--json"], input);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(envelopes(&stdout).len(), 2, "{stdout}");
    assert_eq!(keys(&server), ["job-1", "job-2"]);
    for request in server.requests() {
        assert!(!request.path.contains("%EF%BB%BF"), "{}", request.path);
    }
}
