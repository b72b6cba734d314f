//! Tables for people (comfy-table): one row per target, then a Clarifeye
//! run's steps, LlamaCloud errors, side tables (a batch job's items, a v2
//! batch's failed files) and `--logs` where they apply. Every piece of
//! server text passes through [`sanitize`].
//! More than [`MAX_ROWS`] targets (a collection) start with a line of
//! counts per state and list only those that did not succeed.

use super::Palette;
pub use super::layout::Fit;
use super::layout::{render, when};
use crate::model::{Progress, SideTable, Snapshot, State};
use crate::util::sanitize::{sanitize, sanitize_multiline};

/// Above this many targets, the table lists only those that did not succeed.
pub const MAX_ROWS: usize = 20;

/// The main table: target, status, state, progress, updated, details.
pub fn targets(snapshots: &[&Snapshot], palette: Palette, fit: Fit) -> String {
    let rows = snapshots
        .iter()
        .map(|s| {
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
            vec![
                sanitize(&s.target.label()),
                status,
                state,
                s.progress.as_ref().map_or_else(|| "-".to_owned(), progress),
                s.updated
                    .as_deref()
                    .map_or("-".to_owned(), |u| when(u, fit)),
                details,
            ]
        })
        .collect();
    render(
        &[
            "TARGET", "STATUS", "STATE", "PROGRESS", "UPDATED", "DETAILS",
        ],
        rows,
        palette,
        fit,
    )
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
pub fn steps(snapshot: &Snapshot, palette: Palette, fit: Fit) -> Option<String> {
    if snapshot.steps.is_empty() {
        return None;
    }
    let rows = snapshot
        .steps
        .iter()
        .map(|step| {
            vec![
                sanitize(&step.name),
                sanitize(&step.step),
                sanitize(&step.status),
                step.warnings.as_deref().map_or(String::new(), sanitize),
            ]
        })
        .collect();
    Some(render(
        &["STEP", "TYPE", "STATUS", "WARNINGS"],
        rows,
        palette,
        fit,
    ))
}

/// LlamaCloud errors of every target that reported some; the target column
/// only when several targets did (beside a job ID it rarely fits a terminal).
pub fn llama_errors(snapshots: &[&Snapshot], palette: Palette, fit: Fit) -> Option<String> {
    if snapshots.iter().all(|s| s.errors.is_empty()) {
        return None;
    }
    let many = snapshots.iter().filter(|s| !s.errors.is_empty()).count() > 1;
    let header: &[&str] = if many {
        &["TARGET", "JOB", "STEP", "MESSAGE"]
    } else {
        &["JOB", "STEP", "MESSAGE"]
    };
    let mut rows = Vec::new();
    for s in snapshots {
        for e in &s.errors {
            let mut row = Vec::with_capacity(4);
            if many {
                row.push(sanitize(&s.target.label()));
            }
            row.extend([sanitize(&e.job_id), sanitize(&e.step), sanitize(&e.message)]);
            rows.push(row);
        }
    }
    Some(render(header, rows, palette, fit))
}

/// The whole table output for a set of final snapshots.
pub fn report(snapshots: &[Snapshot], show_logs: bool, palette: Palette, fit: Fit) -> String {
    let mut out = String::new();
    let shown: Vec<&Snapshot> = if snapshots.len() > MAX_ROWS {
        out.push_str(&counts(snapshots));
        out.push('\n');
        snapshots.iter().filter(|s| !succeeded(s)).collect()
    } else {
        snapshots.iter().collect()
    };
    if !shown.is_empty() {
        out.push_str(&targets(&shown, palette, fit));
    }
    if let [single] = shown.as_slice() {
        if let Some(steps) = steps(single, palette, fit) {
            out.push('\n');
            out.push_str(&steps);
        }
    }
    if let Some(errors) = llama_errors(&shown, palette, fit) {
        out.push('\n');
        out.push_str(&errors);
    }
    for s in &shown {
        for side in side_tables(s, palette, fit) {
            out.push('\n');
            out.push_str(&side);
        }
    }
    if show_logs {
        for s in &shown {
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

fn succeeded(s: &Snapshot) -> bool {
    s.error.is_none() && s.state == State::Succeeded
}

/// `3000 files: 2950 succeeded, 40 failed, 10 running`: how many targets
/// are in each state (an error counts under its kind), most final first.
pub fn counts(snapshots: &[Snapshot]) -> String {
    const ORDER: [&str; 14] = [
        "succeeded",
        "partial",
        "failed",
        "cancelled",
        "running",
        "pending",
        "unknown",
        "not_found",
        "gone",
        "invalid",
        "auth",
        "unavailable",
        "timeout",
        "bad_response",
    ];
    let name = |s: &Snapshot| {
        s.error
            .as_ref()
            .map_or(s.state.as_str(), |e| e.kind.as_str())
    };
    let parts: Vec<String> = ORDER
        .iter()
        .filter_map(|state| {
            let n = snapshots.iter().filter(|s| name(s) == *state).count();
            (n > 0).then(|| format!("{n} {state}"))
        })
        .collect();
    let noun = snapshots.first().map_or("targets", |s| s.target.plural());
    format!("{} {noun}: {}", snapshots.len(), parts.join(", "))
}

/// The side tables of a target's attachments (a batch job's items, a v2
/// batch's failed files): each a heading, then its rows.
pub fn side_tables(s: &Snapshot, palette: Palette, fit: Fit) -> Vec<String> {
    s.attachments
        .iter()
        .filter_map(|a| a.table.as_ref())
        .map(|table| side_table(&s.target.label(), table, palette, fit))
        .collect()
}

/// `failed items of J: the first 10 of 30 (all of them: --items failed)`,
/// then the rows; `failed items of J: 3` when every one is listed.
fn side_table(label: &str, table: &SideTable, palette: Palette, fit: Fit) -> String {
    let (what, label) = (sanitize(&table.what), sanitize(label));
    let listed = table.rows.len() as u64;
    let mut out = if table.more > 0 {
        let every = table.every.as_deref().map_or_else(String::new, |every| {
            format!(" (all of them: {})", sanitize(every))
        });
        format!(
            "{what} of {label}: the first {listed} of {}{every}\n",
            listed + table.more
        )
    } else {
        format!("{what} of {label}: {listed}\n")
    };
    if table.rows.is_empty() {
        return out;
    }
    let rows = table
        .rows
        .iter()
        .map(|row| row.cells.iter().map(|cell| sanitize(cell)).collect())
        .collect();
    out.push_str(&render(table.columns, rows, palette, fit));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Target;
    use crate::services::classify;
    use serde_json::json;

    fn snap(target: Target, body: serde_json::Value) -> Snapshot {
        let c = classify(&target, &body).unwrap();
        Snapshot::from_classified(target, &body, c)
    }

    const PLAIN: Palette = Palette { enabled: false };

    #[test]
    fn clarifeye_single_run_gets_steps_and_logs() {
        let s = snap(
            crate::services::example_target(
                "clarifeye.run",
                &[("project_id", "proj"), ("pipeline_run_id", "run-1")],
            )
            .unwrap(),
            json!({
                "status": "running", "pipeline_name": "ingest", "updated_at": "2026-11-22T10:00:00Z",
                "raw_logs": "line one\n\u{1b}[31mline two\u{1b}[0m\n",
                "steps": [
                    {"step": "parsing", "name": "Parse documents", "status": "completed"},
                    {"step": "chunking", "name": "Chunk\u{7}", "status": "running", "warnings": "slow"}
                ]
            }),
        );
        insta::assert_snapshot!(report(&[s], true, PLAIN, Fit::Full));
    }

    #[test]
    fn llama_errors_table_and_sanitized_cells() {
        let s = snap(
            crate::services::example_target("llama.pipeline", &[("pipeline_id", "pipe\u{1b}[2J")])
                .unwrap(),
            json!({"status": "ERROR", "effective_at": "2026-11-22T10:00:00Z",
                   "error": [{"job_id": "j1", "step": "PARSE", "message": "bad \u{1b}]0;title\u{7}pdf"}]}),
        );
        insta::assert_snapshot!(report(&[s], false, PLAIN, Fit::Full));
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

    fn long_details() -> Vec<Snapshot> {
        let target =
            |id: &str| crate::services::example_target("batch", &[("job_id", id)]).unwrap();
        let message = "Worker crashed while parsing item 17 of the nightly upload: \
                       the PDF's cross-reference table is damaged beyond repair";
        vec![
            snap(
                target("nightly-2026-11-22-upload-a"),
                json!({"job": {"status": "failed", "job_type": "parse", "total_items": 40,
                               "processed_items": 17, "error_message": message,
                               "updated_at": "2026-11-22T09:59:48Z"}}),
            ),
            snap(
                target("short"),
                json!({"job": {"status": "completed", "total_items": 3, "processed_items": 3,
                               "updated_at": "2026-11-22T08:00:00+01:00"}}),
            ),
        ]
    }

    #[test]
    fn on_a_terminal_lines_fit_and_ids_stay_whole() {
        let now = humantime::parse_rfc3339("2026-11-22T10:00:00Z").unwrap();
        let snapshots = long_details();
        let full = report(&snapshots, false, PLAIN, Fit::Full);
        assert!(full.lines().any(|l| l.len() > 80), "{full}");
        assert!(full.contains("damaged beyond repair"), "{full}");
        assert!(full.contains("2026-11-22T09:59:48Z"), "{full}");
        for width in [80, 100, 120] {
            let fitted = report(&snapshots, false, PLAIN, Fit::Terminal { width, now });
            for line in fitted.lines() {
                assert!(
                    console::measure_text_width(line) <= width,
                    "{width}: {line:?}\n{fitted}"
                );
            }
            assert!(fitted.contains("nightly-2026-11-22-upload-a"));
            assert!(fitted.contains('…'), "{fitted}");
            if width == 80 {
                // Too narrow for every column: UPDATED goes first.
                assert!(!fitted.contains("UPDATED"), "{fitted}");
                continue;
            }
            assert!(fitted.contains("12s ago"), "{fitted}");
            // +01:00 is an hour ahead of UTC: 08:00+01:00 is 07:00Z.
            assert!(fitted.contains("3h ago"), "{fitted}");
        }
        insta::assert_snapshot!(report(
            &snapshots,
            false,
            PLAIN,
            Fit::Terminal { width: 80, now }
        ));
    }

    #[test]
    fn ids_wider_than_the_terminal_are_never_cut() {
        let now = std::time::SystemTime::UNIX_EPOCH;
        let fitted = report(
            &long_details(),
            false,
            PLAIN,
            Fit::Terminal { width: 20, now },
        );
        assert!(fitted.contains("nightly-2026-11-22-upload-a"));
        assert!(fitted.contains("failed"), "{fitted}");
    }
}
