//! Laying out tables for where they go: on a terminal a table fits its
//! width (the last column, free text, is cut with `…`; IDs never are) and
//! times show as ages; off a terminal nothing is cut.

use std::time::{Duration, SystemTime};

use comfy_table::{Table, presets};

use super::Palette;
use crate::sanitize::sanitize;

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
pub fn render(header: &[&str], mut rows: Vec<Vec<String>>, palette: Palette, fit: Fit) -> String {
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
}
