//! Laying out tables for where they go: on a terminal a table fits its
//! width (the last column, free text, is cut with `…`, then the least
//! useful columns go; IDs are never cut) and times show as ages; off a
//! terminal nothing is cut. Widths are display columns: a wide character
//! counts two.

use std::time::{Duration, SystemTime};

use comfy_table::{Table, presets};

use super::Palette;
use crate::util::sanitize::sanitize;

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

/// A table's text: the header and rows, fitted to a terminal's width.
pub fn render(header: &[&str], mut rows: Vec<Vec<String>>, palette: Palette, fit: Fit) -> String {
    let mut header: Vec<String> = header.iter().map(|h| (*h).to_owned()).collect();
    if let Fit::Terminal { width, .. } = fit {
        fit_columns(&mut header, &mut rows, width);
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

/// Columns a table gives up, in this order, when cutting its last column
/// would leave it too little room (CONTRACT §12): an age, a figure the
/// state already sums up, then the vendor's word beside our state.
const DROPPABLE: [&str; 3] = ["UPDATED", "PROGRESS", "STATUS"];

/// The last column (free text) is not cut below this many columns while a
/// column can still be dropped instead: `…` alone tells nobody anything.
const MIN_TEXT: usize = 16;

/// Make every line at most `width` display columns: first cut the last
/// column with `…`, then drop [`DROPPABLE`] columns one by one while the
/// last column would get less than [`MIN_TEXT`]. Other columns (IDs,
/// states, names) are never cut: if they alone are wider than the
/// terminal, the last column keeps one character (`…`) and the terminal
/// wraps, as it would anyway.
pub fn fit_columns(header: &mut Vec<String>, rows: &mut [Vec<String>], width: usize) {
    loop {
        let Some(last) = header.len().checked_sub(1) else {
            return;
        };
        let others: usize = (0..last).map(|col| widest(header, rows, col) + GAP).sum();
        let room = width.saturating_sub(others);
        let wanted = widest(header, rows, last).min(MIN_TEXT);
        let drop = header[..last]
            .iter()
            .position(|h| h == DROPPABLE[0])
            .or_else(|| header[..last].iter().position(|h| h == DROPPABLE[1]))
            .or_else(|| header[..last].iter().position(|h| h == DROPPABLE[2]));
        match drop {
            Some(col) if room < wanted => {
                header.remove(col);
                for row in rows.iter_mut() {
                    if col < row.len() {
                        row.remove(col);
                    }
                }
            }
            _ => return cut_column(header, rows, last, room.max(1)),
        }
    }
}

/// The widest cell of column `col`, header included, in display columns.
fn widest(header: &[String], rows: &[Vec<String>], col: usize) -> usize {
    std::iter::once(&header[col])
        .chain(rows.iter().filter_map(|r| r.get(col)))
        .map(|cell| console::measure_text_width(cell))
        .max()
        .unwrap_or(0)
}

/// Cut every cell of column `col` to `room` display columns, with `…`.
fn cut_column(header: &mut [String], rows: &mut [Vec<String>], col: usize, room: usize) {
    let cells =
        std::iter::once(&mut header[col]).chain(rows.iter_mut().filter_map(|r| r.get_mut(col)));
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
pub fn when(updated: &str, fit: Fit) -> String {
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
pub(super) fn parse_rfc3339(text: &str) -> Option<SystemTime> {
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

#[cfg(test)]
mod tests {
    use super::*;

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

    fn uuid_rows() -> (Vec<String>, Vec<Vec<String>>) {
        let header = [
            "TARGET", "STATUS", "STATE", "PROGRESS", "UPDATED", "DETAILS",
        ];
        let row = |id: &str, details: &str| -> Vec<String> {
            [
                id,
                "IN_PROGRESS",
                "running",
                "17/40 42%",
                "12s ago",
                details,
            ]
            .map(str::to_owned)
            .to_vec()
        };
        (
            header.map(str::to_owned).to_vec(),
            vec![
                row(
                    "5c3f1e7a-4b16-4752-a81f-1ea93712d03d-failed",
                    "請求書の解析に失敗しました: ページ 17 の表が壊れています",
                ),
                row("9b1d2c3e-1111-4752-a81f-1ea93712d03d", "ok"),
            ],
        )
    }

    fn lines_fit(text: &str, width: usize) {
        for line in text.lines() {
            let w = console::measure_text_width(line);
            assert!(w <= width, "{w} > {width}: {line:?}\n{text}");
        }
    }

    #[test]
    fn the_last_column_is_cut_first_counting_wide_characters_as_two() {
        let (header, rows) = uuid_rows();
        let palette = Palette { enabled: false };
        let now = SystemTime::UNIX_EPOCH;
        let text = render(
            &header.iter().map(String::as_str).collect::<Vec<_>>(),
            rows,
            palette,
            Fit::Terminal { width: 120, now },
        );
        lines_fit(&text, 120);
        assert!(
            text.contains("UPDATED") && text.contains("PROGRESS"),
            "{text}"
        );
        assert!(text.contains("請求書") && text.contains('…'), "{text}");
    }

    #[test]
    fn then_columns_go_updated_progress_status_and_ids_stay_whole() {
        let (header, rows) = uuid_rows();
        let expect: [(usize, &[&str], &[&str]); 3] = [
            (100, &["STATUS", "PROGRESS"], &["UPDATED"]),
            (90, &["STATUS", "STATE"], &["UPDATED", "PROGRESS"]),
            (80, &["STATE"], &["UPDATED", "PROGRESS", "STATUS"]),
        ];
        for (width, kept, dropped) in expect {
            let (mut header, mut rows) = (header.clone(), rows.clone());
            fit_columns(&mut header, &mut rows, width);
            for k in kept {
                assert!(header.iter().any(|h| h == k), "{width}: {header:?}");
            }
            for d in dropped {
                assert!(!header.iter().any(|h| h == d), "{width}: {header:?}");
            }
            let text = render(
                &header.iter().map(String::as_str).collect::<Vec<_>>(),
                rows,
                Palette { enabled: false },
                Fit::Full,
            );
            lines_fit(&text, width);
            assert!(text.contains("5c3f1e7a-4b16-4752-a81f-1ea93712d03d-failed"));
        }
        // At 40 columns the ID alone is wider: it wraps whole, and the
        // rest is down to the state and a `…`.
        let (mut header, mut rows) = (header, rows);
        fit_columns(&mut header, &mut rows, 40);
        assert_eq!(header, ["TARGET", "STATE", "…"]);
        assert_eq!(rows[0][0], "5c3f1e7a-4b16-4752-a81f-1ea93712d03d-failed");
    }
}
