//! Tables for people (comfy-table): one row per target, then a Clarifeye
//! run's steps, LlamaCloud errors and `--logs` where they apply. Every piece
//! of server text passes through [`sanitize`].

use comfy_table::{Table, presets};

use super::Palette;
use crate::sanitize::{sanitize, sanitize_multiline};
use crate::status::{Progress, Snapshot};

fn new_table(header: &[&str], palette: Palette) -> Table {
    let mut table = Table::new();
    table
        .load_style(presets::NOTHING)
        .set_header(header.iter().map(|h| palette.bold(h)));
    for column in table.column_iter_mut() {
        column.set_padding((0, 2));
    }
    table
}

/// A table as text without the padding comfy-table leaves at line ends.
fn text(table: &Table) -> String {
    let mut out = String::new();
    for line in table.lines() {
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The main table: target, status, state, progress, updated, details.
pub fn targets(snapshots: &[Snapshot], palette: Palette) -> Table {
    let mut table = new_table(
        &[
            "TARGET", "STATUS", "STATE", "PROGRESS", "UPDATED", "DETAILS",
        ],
        palette,
    );
    for s in snapshots {
        let (status, state, details) = match &s.error {
            Some(e) => (
                e.http_status
                    .map_or("-".to_owned(), |c| format!("HTTP {c}")),
                palette.error(e.kind.as_str()),
                sanitize(&e.message),
            ),
            None => (
                s.status.as_deref().map_or("-".to_owned(), sanitize),
                palette.state(s.state),
                sanitize(&s.details),
            ),
        };
        table.add_row(vec![
            sanitize(&s.target.label()),
            status,
            state,
            s.progress.as_ref().map_or_else(|| "-".to_owned(), progress),
            s.updated.as_deref().map_or("-".to_owned(), sanitize),
            details,
        ]);
    }
    table
}

/// `9/20 45%`, `45%` or `9/20`, whatever the API reported.
pub fn progress(p: &Progress) -> String {
    let percent = p.percent.map(|v| format!("{v:.0}%"));
    let count = match (p.done, p.total) {
        (Some(done), Some(total)) => Some(format!("{done}/{total}")),
        _ => None,
    };
    match (count, percent) {
        (Some(c), Some(p)) => format!("{c} {p}"),
        (Some(c), None) => c,
        (None, Some(p)) => p,
        (None, None) => "-".to_owned(),
    }
}

/// A Clarifeye run's steps.
pub fn steps(snapshot: &Snapshot, palette: Palette) -> Option<Table> {
    if snapshot.steps.is_empty() {
        return None;
    }
    let mut table = new_table(&["STEP", "TYPE", "STATUS", "WARNINGS"], palette);
    for step in &snapshot.steps {
        table.add_row(vec![
            sanitize(&step.name),
            sanitize(&step.step),
            sanitize(&step.status),
            step.warnings.as_deref().map_or(String::new(), sanitize),
        ]);
    }
    Some(table)
}

/// LlamaCloud errors of every target that reported some; the target column
/// only when there are several targets.
pub fn llama_errors(snapshots: &[Snapshot], palette: Palette) -> Option<Table> {
    if snapshots.iter().all(|s| s.errors.is_empty()) {
        return None;
    }
    let many = snapshots.len() > 1;
    let header: &[&str] = if many {
        &["TARGET", "JOB", "STEP", "MESSAGE"]
    } else {
        &["JOB", "STEP", "MESSAGE"]
    };
    let mut table = new_table(header, palette);
    for s in snapshots {
        for e in &s.errors {
            let mut row = Vec::with_capacity(4);
            if many {
                row.push(sanitize(&s.target.label()));
            }
            row.extend([sanitize(&e.job_id), sanitize(&e.step), sanitize(&e.message)]);
            table.add_row(row);
        }
    }
    Some(table)
}

/// The whole table output for a set of final snapshots.
pub fn report(snapshots: &[Snapshot], show_logs: bool, palette: Palette) -> String {
    let mut out = text(&targets(snapshots, palette));
    if let [single] = snapshots {
        if let Some(steps) = steps(single, palette) {
            out.push('\n');
            out.push_str(&text(&steps));
        }
    }
    if let Some(errors) = llama_errors(snapshots, palette) {
        out.push('\n');
        out.push_str(&text(&errors));
    }
    if show_logs {
        for s in snapshots {
            if let Some(logs) = &s.logs {
                out.push('\n');
                out.push_str(&palette.dim(&format!(
                    "==> raw_logs of {} <==",
                    sanitize(&s.target.label())
                )));
                out.push('\n');
                let logs = sanitize_multiline(logs);
                out.push_str(logs.trim_end_matches('\n'));
                out.push('\n');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::services::classify;
    use crate::target::Target;
    use serde_json::json;

    fn snap(target: Target, body: serde_json::Value) -> Snapshot {
        let c = classify(&target, &body).unwrap();
        Snapshot::from_classified(target, body, c)
    }

    const PLAIN: Palette = Palette { enabled: false };

    #[test]
    fn clarifeye_single_run_gets_steps_and_logs() {
        let s = snap(
            Target::ClarifeyeRun {
                project_id: "proj".into(),
                pipeline_run_id: "run-1".into(),
            },
            json!({
                "status": "running", "pipeline_name": "ingest", "updated_at": "2026-11-22T10:00:00Z",
                "raw_logs": "line one\n\u{1b}[31mline two\u{1b}[0m\n",
                "steps": [
                    {"step": "parsing", "name": "Parse documents", "status": "completed"},
                    {"step": "chunking", "name": "Chunk\u{7}", "status": "running", "warnings": "slow"}
                ]
            }),
        );
        insta::assert_snapshot!(report(&[s], true, PLAIN));
    }

    #[test]
    fn llama_errors_table_and_sanitized_cells() {
        let s = snap(
            Target::LlamaPipeline {
                pipeline_id: "pipe\u{1b}[2J".into(),
                full_details: false,
            },
            json!({"status": "ERROR", "effective_at": "2026-11-22T10:00:00Z",
                   "error": [{"job_id": "j1", "step": "PARSE", "message": "bad \u{1b}]0;title\u{7}pdf"}]}),
        );
        insta::assert_snapshot!(report(&[s], false, PLAIN));
    }

    #[test]
    fn progress_cell() {
        let p = Progress {
            percent: Some(45.0),
            done: Some(9),
            total: Some(20),
            ..Progress::default()
        };
        assert_eq!(progress(&p), "9/20 45%");
        assert_eq!(progress(&Progress::default()), "-");
    }
}
