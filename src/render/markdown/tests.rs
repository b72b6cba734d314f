use std::time::{Duration, SystemTime};

use serde_json::json;

use super::*;
use crate::model::Target;
use crate::model::{Attachment, ErrorKind, SideRow, SideTable, TargetError};
use crate::services::classify;

fn snap(target: Target, body: serde_json::Value) -> Snapshot {
    let c = classify(&target, &body).unwrap();
    Snapshot::from_classified(target, &body, c)
}

fn facts(command: &str, code: ExitCode) -> Facts<'_> {
    Facts {
        command,
        code,
        // 2026-11-22T10:00:00Z
        finished_at: SystemTime::UNIX_EPOCH + Duration::from_secs(1_795_341_600),
        error: None,
    }
}

fn pipeline(id: &str, body: serde_json::Value) -> Snapshot {
    let target = crate::services::example_target("llama.pipeline", &[("pipeline_id", id)]).unwrap();
    snap(target, body)
}

/// Text a hostile server could send: a pipe that would end a cell, code,
/// HTML, a workflow command, a heading and a newline that would end a row.
const HOSTILE: &str = "a | b `code` <script>alert(1)</script> ::error::pwned\n# heading *bold* [link](x) \\ & ~~s~~ $x$ _u_";

fn mixed() -> Vec<Snapshot> {
    let ok = pipeline(
        "p-ok",
        json!({"status": "SUCCESS", "effective_at": "2026-11-22T09:59:00Z"}),
    );
    let failed = pipeline(
        "p-failed",
        json!({"status": "ERROR", "error": [
            {"job_id": "j1", "step": "PARSE", "message": "Failed to parse report.pdf"},
            {"job_id": "j2", "step": "EMBED", "message": "quota | exceeded"}
        ]}),
    );
    let run = snap(
        crate::services::example_target(
            "clarifeye.run",
            &[("project_id", "proj"), ("pipeline_run_id", "run-7")],
        )
        .unwrap(),
        json!({"status": "failed", "pipeline_name": "ingest", "steps": [
            {"step": "parsing", "name": "Parse documents", "status": "completed"},
            {"step": "extract", "name": "Extract tags", "status": "failed", "warnings": "2 pages skipped"},
            {"step": "index", "name": "Index", "status": "pending"}
        ], "raw_logs": "never in a summary"}),
    );
    let mut partial = snap(
        crate::services::example_target("batch", &[("job_id", "nightly")]).unwrap(),
        json!({"job": {"status": "completed", "job_type": "parse", "total_items": 20,
                       "processed_items": 20, "failed_items": 12}}),
    );
    let row = |cells: [&str; 4]| SideRow {
        cells: cells.map(str::to_owned).to_vec(),
        failed: cells[2] == "failed",
    };
    partial.attach(Attachment {
        field: "items",
        json: None,
        table: Some(SideTable {
            what: "failed items".into(),
            summary: "Failed batch items",
            columns: &["ITEM", "NAME", "STATUS", "MESSAGE"],
            rows: vec![
                row(["item-1", "a.pdf", "failed", "Unsupported file type: .xyz"]),
                row(["item-2", "b_<i>.pdf", "failed", HOSTILE]),
            ],
            more: 10,
            every: Some("--items failed".into()),
        }),
    });
    let hostile = Snapshot::from_error(
        crate::services::example_target(
            "feldera.token",
            &[("pipeline_name", "orders"), ("token", "t|1")],
        )
        .unwrap(),
        None,
        TargetError {
            kind: ErrorKind::NotFound,
            http_status: Some(404),
            code: None,
            message: format!("HTTP 404 Not Found: {HOSTILE}\u{1b}[31m"),
        },
    );
    vec![ok, failed, run, partial, hostile]
}

#[test]
fn a_mixed_run() {
    let command = "pipewatch llama pipeline status p-ok p-failed --watch --timeout 10m";
    let out = summary(&facts(command, ExitCode::NotFound), &mixed());
    insta::assert_snapshot!(out);
}

#[test]
fn hostile_text_stays_in_its_cell_as_text() {
    let out = summary(&facts("pipewatch x", ExitCode::NotFound), &mixed());
    assert!(
        !out.contains("<script>") && out.contains("&lt;script&gt;"),
        "{out}"
    );
    assert!(!out.contains('\u{1b}'));
    // Every table row has as many unescaped pipes as its header.
    let mut columns = None;
    for line in out.lines() {
        if !line.starts_with('|') {
            columns = None;
            continue;
        }
        let pipes = line.matches('|').count() - line.matches("\\|").count();
        assert_eq!(*columns.get_or_insert(pipes), pipes, "{line}");
    }
    // No line starts with what Markdown would read as a block.
    for line in out.lines() {
        assert!(!line.starts_with("# "), "{line}");
    }
}

#[test]
fn a_collection_lists_counts_and_only_what_did_not_succeed() {
    let files: Vec<Snapshot> = (0..30)
        .map(|i| {
            let status = match i {
                7 => "ERROR",
                19 => "IN_PROGRESS",
                _ => "SUCCESS",
            };
            let target = crate::services::example_target(
                "llama.file",
                &[
                    ("pipeline_id", "pipe"),
                    ("file_id", &format!("file-{i:04}")),
                ],
            )
            .unwrap();
            let body = json!({"status": status, "name": format!("scan_{i:04}.png")});
            let mut s = snap(target, body);
            s.details = format!("scan_{i:04}.png");
            s
        })
        .collect();
    let command = "pipewatch llama file status --pipeline pipe --all";
    let out = summary(&facts(command, ExitCode::Failed), &files);
    assert!(
        out.contains("30 files: 28 succeeded, 1 failed, 1 running"),
        "{out}"
    );
    assert_eq!(out.lines().filter(|l| l.starts_with("| pipe/")).count(), 2);
    insta::assert_snapshot!(out);
}

#[test]
fn a_run_stopped_before_any_query_says_why() {
    let out = summary(
        &Facts {
            error: Some("no LlamaCloud key: set LLAMA_CLOUD_API_KEY"),
            ..facts("pipewatch batch status b1", ExitCode::Usage)
        },
        &[],
    );
    assert!(
        out.starts_with("### ❌ pipewatch: exit 2, usage or configuration error\n"),
        "{out}"
    );
    assert!(out.contains("No results"), "{out}");
    assert!(
        out.contains("**Error:** no LlamaCloud key: set LLAMA\\_CLOUD\\_API\\_KEY"),
        "{out}"
    );
    assert!(!out.contains("| Target"), "{out}");
}

#[test]
fn long_tables_are_cut_with_a_count() {
    let jobs: Vec<Snapshot> = (0..250)
        .map(|i| pipeline(&format!("p{i}"), json!({"status": "ERROR"})))
        .collect();
    let out = summary(&facts("pipewatch", ExitCode::Failed), &jobs);
    assert_eq!(
        out.lines().filter(|l| l.starts_with("| p")).count(),
        MAX_TABLE_ROWS
    );
    assert!(out.contains("…and 50 more rows"), "{out}");
}

#[test]
fn escaping_bites_on_every_special_character() {
    for (raw, escaped) in [
        ("a|b", "a\\|b"),
        ("`x`", "\\`x\\`"),
        ("<script>", "&lt;script&gt;"),
        ("&amp;", "&amp;amp;"),
        ("*b* _i_ ~s~", "\\*b\\* \\_i\\_ \\~s\\~"),
        ("[t](u)", "\\[t\\](u)"),
        ("C:\\dir", "C:\\\\dir"),
        ("# h", "\\# h"),
        ("$x$", "\\$x\\$"),
        ("l1\nl2\r\nl3", "l1 l2  l3"),
        ("plain ünï 1.0", "plain ünï 1.0"),
    ] {
        assert_eq!(escape(raw), escaped, "{raw:?}");
    }
}

#[test]
fn the_command_cannot_close_its_code_block() {
    let block = code_block("echo ```` done");
    assert!(
        block.starts_with("`````sh\n") && block.ends_with("\n`````\n"),
        "{block}"
    );
    assert_eq!(code_block("a"), "```sh\na\n```\n");
}

/// 120 failed jobs with 20 KB messages made a 2.4 MB report, which GitHub
/// refuses whole: cells are cut, and the report stays under 1 MiB.
#[test]
fn long_cells_are_cut_and_the_report_stays_under_the_limit() {
    let message = "<&>".repeat(7000);
    let jobs: Vec<Snapshot> = (0..120)
        .map(|i| {
            pipeline(
                &format!("p{i}"),
                json!({"status": "ERROR", "error": [{"job_id": "j", "step": "PARSE", "message": message}]}),
            )
        })
        .collect();
    let out = summary(&facts("pipewatch", ExitCode::Failed), &jobs);
    assert!(out.len() <= MAX_REPORT_BYTES, "{}", out.len());
    assert!(out.contains("…"), "no cut cell");
    assert!(
        !out.contains("…the report stops here"),
        "cut cells alone fit"
    );
}

#[test]
fn a_report_over_the_limit_is_cut_at_a_line_with_a_last_line_saying_so() {
    let big: String = (0..40_000)
        .map(|i| format!("| row {i} | {} |\n", "x".repeat(40)))
        .collect();
    let out = within_limit(big.clone());
    assert!(out.len() <= MAX_REPORT_BYTES, "{}", out.len());
    let last = out.lines().last().unwrap_or_default();
    assert!(last.starts_with("…the report stops here"), "{last}");
    let kept = out.lines().filter(|l| l.starts_with("| row")).count();
    let left_out: usize = last
        .split(": ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_default();
    assert_eq!(kept + left_out, 40_000, "{last}");
    // Whole lines only: every row kept is complete.
    assert!(
        out.lines()
            .filter(|l| l.starts_with("| row"))
            .all(|l| l.ends_with(" |"))
    );
    // Under the limit, nothing changes.
    assert_eq!(within_limit("short\n".into()), "short\n");
}
