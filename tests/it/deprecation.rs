//! Deprecated endpoints (CONTRACT §16): the three commands that ask them
//! stay, their help names the successor, and a `Deprecation` or `Sunset`
//! response header gives one `note:` on stderr a run, naming the endpoint
//! and the sunset date, never with `-q`. Against the simulator: its word
//! `deprecated` adds both headers; scripted replies carry one alone.

use crate::common::*;
use serde_json::json;

fn notes(stderr: &str) -> Vec<&str> {
    stderr.lines().filter(|l| l.starts_with("note:")).collect()
}

#[test]
fn one_note_a_run_naming_the_endpoint_and_the_sunset() {
    let server = sim();
    // Two targets, each answer with both headers: one note.
    let (code, _, stderr) = query(
        &server,
        &[
            "llama",
            "pipeline",
            "status",
            "docs-deprecated",
            "more-deprecated",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    let found = notes(&stderr);
    assert_eq!(found.len(), 1, "{stderr}");
    let note = found[0];
    assert!(note.contains("GET /api/v1/pipelines/"), "{note}");
    assert!(
        note.contains("deprecated since 2026-01-01T00:00:00Z"),
        "{note}"
    );
    assert!(
        note.contains("stops answering on 2027-03-01T00:00:00Z"),
        "{note}"
    );
    // A watch, with --json: still one, on stderr.
    let (code, stdout, stderr) = query(
        &server,
        &[
            "batch",
            "status",
            "nightly-deprecated-1s",
            "--watch",
            "--interval",
            "100ms",
            "--json",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(!stdout.contains("note:"));
    assert_eq!(notes(&stderr).len(), 1, "{stderr}");
    assert!(
        stderr.contains("GET /api/v1/beta/batch-processing/nightly-deprecated-1s"),
        "{stderr}"
    );
}

#[test]
fn never_with_quiet_and_never_without_the_headers() {
    let server = sim();
    let (code, stdout, stderr) = query(
        &server,
        &[
            "llama",
            "file",
            "status",
            "--pipeline",
            "p",
            "f-deprecated",
            "-q",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.is_empty() && stderr.is_empty(), "{stderr}");
    let (_, _, stderr) = query(&server, &["llama", "pipeline", "status", "docs-ok"]);
    assert!(notes(&stderr).is_empty(), "{stderr}");
}

#[test]
fn either_header_alone_is_enough_on_any_endpoint() {
    let server = sim();
    let index = json!({"id": "ix", "name": "n", "project_id": "p", "source_directory_id": "d",
        "output_directory_id": "o", "sync_config_id": "s", "export_config_id": "e",
        "metadata": {"status": "ready"}});
    server.script(
        "ix-sunset",
        vec![
            Reply::json(200, index.clone()).with_header("Sunset", "Mon, 01 Mar 2027 00:00:00 GMT"),
        ],
    );
    let (code, _, stderr) = query(&server, &["llama", "index", "status", "ix-sunset"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        notes(&stderr),
        [
            "note: the server says GET /api/v1/indexes/ix-sunset is going away and stops answering \
          on 2027-03-01T00:00:00Z (Sunset)"
        ]
    );
    server.script(
        "ix-dep",
        vec![Reply::json(200, index).with_header("Deprecation", "@1767225600")],
    );
    let (_, _, stderr) = query(&server, &["llama", "index", "status", "ix-dep"]);
    assert_eq!(
        notes(&stderr),
        [
            "note: the server says GET /api/v1/indexes/ix-dep is deprecated since \
          2026-01-01T00:00:00Z; it gives no sunset date"
        ]
    );
}

#[test]
fn the_deprecated_commands_help_names_their_successor() {
    let home = home();
    for (words, successor) in [
        (&["llama", "pipeline", "status"][..], "llama index status"),
        (&["llama", "file", "status"][..], "llama index status"),
        (&["batch", "status"][..], "llama batch status"),
    ] {
        let (code, stdout, _) = run(bin(home.path()).args(words).arg("--help"));
        assert_eq!(code, 0);
        // Help wraps at the terminal's width: read it as one line.
        let stdout = stdout.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            stdout.contains("Deprecated by LlamaCloud"),
            "{words:?}: {stdout}"
        );
        assert!(stdout.contains(successor), "{words:?}: {stdout}");
    }
    let (_, stdout, _) = run(bin(home.path()).arg("--help"));
    let stdout = stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        stdout.contains("deprecated: use `llama batch status`"),
        "{stdout}"
    );
    // And the man pages say so too.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let man = std::fs::read_to_string(root.join("man/pipewatch-llama-pipeline-status.1")).unwrap();
    assert!(man.contains("llama index status"), "{man}");
}
