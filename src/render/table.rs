//! Tables for people (comfy-table): one row per target, then a Clarifeye
//! run's steps, LlamaCloud errors and `--logs` where they apply. Every piece
//! of server text passes through [`sanitize`].
//!
//! On a terminal a table fits its width: the last column (details,
//! messages) is cut with `…`, never an ID, and times show as ages. Off a
//! terminal (a file, a pipe, a CI log) nothing is cut.

use std::time::{Duration, SystemTime};

use comfy_table::{Table, presets};

use super::Palette;
use crate::sanitize::{sanitize, sanitize_multiline};
use crate::status::{Progress, Snapshot};

/// Spaces between columns.
const GAP: usize = 2;

/// Where a table goes.
#[derive(Clone, Copy, Debug)]
pub enum Fit {
    /// A terminal `width` columns wide: cut the last column to fit, and
    /// show times as their age at `now`.
    Terminal { width: usize, now: SystemTime },
    /// A file or a pipe: every cell in full.
    Full,
}

/// A table's text: the header and rows, with the last column cut to fit.
fn render(header: &[&str], mut rows: Vec<Vec<String>>, palette: Palette, fit: Fit) -> String {
    let mut header: Vec<String> = header.iter().map(|h| (*h).to_owned()).collect();
    if let Fit::Terminal { width, .. } = fit {
        fit_last_column(&mut header, &mut rows, width);
    }
    let mut table = Table::new();
    table
        .load_style(presets::NOTHING)
        .set_header(header.iter().map(|h| palette.bold(h)));
    for row in rows {
        table.add_row(row);
    }
    for column in table.column_iter_mut() {
        column.set_padding((0, GAP as u16));
    }
    text(&table)
}

/// Cut the cells of the last column so that no line is wider than
/// `width`. Only the last column gives way: it holds free text (details,
/// messages), while the others hold IDs and statuses a reader needs whole.
/// If those alone are wider than the terminal, the last column keeps one
/// character (`…`) and the terminal wraps, as it would anyway.
fn fit_last_column(header: &mut [String], rows: &mut [Vec<String>], width: usize) {
    let Some(last) = header.len().checked_sub(1) else {
        return;
    };
    let widest = |col: usize| {
        std::iter::once(&header[col])
            .chain(rows.iter().filter_map(|r| r.get(col)))
            .map(|cell| console::measure_text_width(cell))
            .max()
            .unwrap_or(0)
    };
    let others: usize = (0..last).map(|col| widest(col) + GAP).sum();
    let room = width.saturating_sub(others).max(1);
    let cells =
        std::iter::once(&mut header[last]).chain(rows.iter_mut().filter_map(|r| r.get_mut(last)));
    for cell in cells {
        if console::measure_text_width(cell) > room {
            *cell = console::truncate_str(cell, room, "…").into_owned();
        }
    }
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

/// A vendor timestamp as people read it here: its age on a terminal
/// (`12s ago`, as kubectl's AGE), else as sent.
fn when(updated: &str, fit: Fit) -> String {
    match fit {
        Fit::Terminal { now, .. } => age(updated, now).unwrap_or_else(|| sanitize(updated)),
        Fit::Full => sanitize(updated),
    }
}

/// `12s ago`, `5m ago`, `3h ago`, `2d ago` for an RFC 3339 time; None when
/// the text is not one.
pub fn age(timestamp: &str, now: SystemTime) -> Option<String> {
    let at = parse_rfc3339(timestamp)?;
    let secs = now.duration_since(at).unwrap_or(Duration::ZERO).as_secs();
    Some(match secs {
        0..60 => format!("{secs}s ago"),
        60..3_600 => format!("{}m ago", secs / 60),
        3_600..172_800 => format!("{}h ago", secs / 3_600),
        _ => format!("{}d ago", secs / 86_400),
    })
}

/// RFC 3339 with `Z` or a numeric offset (`+02:00`), as vendors send it.
/// humantime reads the UTC form; the offset is applied here.
fn parse_rfc3339(text: &str) -> Option<SystemTime> {
    let text = text.trim();
    let (local, offset) = match text
        .len()
        .checked_sub(6)
        .and_then(|at| text.get(at..).map(|o| (at, o)))
    {
        Some((at, o)) if (o.starts_with('+') || o.starts_with('-')) && o.as_bytes()[3] == b':' => {
            let hours: u64 = o.get(1..3)?.parse().ok()?;
            let minutes: u64 = o.get(4..6)?.parse().ok()?;
            let secs = Duration::from_secs(hours * 3_600 + minutes * 60);
            (text.get(..at)?, Some((o.starts_with('+'), secs)))
        }
        _ => (text.strip_suffix('Z').unwrap_or(text), None),
    };
    let at = humantime::parse_rfc3339_weak(local).ok()?;
    match offset {
        // 10:00+02:00 is 08:00 UTC.
        Some((true, secs)) => at.checked_sub(secs),
        Some((false, secs)) => at.checked_add(secs),
        None => Some(at),
    }
}

/// The main table: target, status, state, progress, updated, details.
pub fn targets(snapshots: &[Snapshot], palette: Palette, fit: Fit) -> String {
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
/// only when there are several targets.
pub fn llama_errors(snapshots: &[Snapshot], palette: Palette, fit: Fit) -> Option<String> {
    if snapshots.iter().all(|s| s.errors.is_empty()) {
        return None;
    }
    let many = snapshots.len() > 1;
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
    let mut out = targets(snapshots, palette, fit);
    if let [single] = snapshots {
        if let Some(steps) = steps(single, palette, fit) {
            out.push('\n');
            out.push_str(&steps);
        }
    }
    if let Some(errors) = llama_errors(snapshots, palette, fit) {
        out.push('\n');
        out.push_str(&errors);
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
        insta::assert_snapshot!(report(&[s], true, PLAIN, Fit::Full));
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
        let target = |id: &str| Target::Batch {
            job_id: id.into(),
            organization_id: None,
            project_id: None,
        };
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
        let now = SystemTime::UNIX_EPOCH;
        let fitted = report(
            &long_details(),
            false,
            PLAIN,
            Fit::Terminal { width: 20, now },
        );
        assert!(fitted.contains("nightly-2026-11-22-upload-a"));
        assert!(fitted.contains("failed"), "{fitted}");
    }

    #[test]
    fn ages() {
        let now = humantime::parse_rfc3339("2026-11-22T10:00:00Z").unwrap();
        let age = |t| age(t, now);
        assert_eq!(age("2026-11-22T09:59:48Z").as_deref(), Some("12s ago"));
        assert_eq!(
            age("2026-11-22T09:59:48.123456Z").as_deref(),
            Some("11s ago")
        );
        assert_eq!(age("2026-11-22T09:55:00+00:00").as_deref(), Some("5m ago"));
        assert_eq!(age("2026-11-22T05:00:00-02:00").as_deref(), Some("3h ago"));
        assert_eq!(age("2026-11-19T10:00:00Z").as_deref(), Some("3d ago"));
        // A clock a little ahead of ours is not in the future for a reader.
        assert_eq!(age("2026-11-22T10:00:05Z").as_deref(), Some("0s ago"));
        assert_eq!(age("yesterday"), None);
        assert_eq!(age("2026-11-22T10:00:00+0x:00"), None);
    }
}
