//! One live line (a target's bar or spinner, a collection's bar, a step)
//! fitted to the terminal's width, in display columns (a wide character
//! counts two). CONTRACT §12: the bar shortens first, then the ETA goes,
//! then the bar; after that the elapsed time, then the message is cut
//! with `…`. The prefix (service and IDs) is never cut: only a target
//! wider than the terminal wraps.

use super::Palette;

/// A bar narrower than this says nothing a count does not: drop it.
const MIN_BAR: usize = 5;

/// How wide a bar would like to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BarWidth {
    /// At most this many columns.
    Up(usize),
    /// All the room the rest of the line leaves.
    Fill,
}

/// A progress bar: `pos` of `len`, drawn `[===>   ]`.
#[derive(Clone, Copy, Debug)]
pub struct Bar {
    pub pos: u64,
    pub len: u64,
    pub width: BarWidth,
}

/// The parts of a live line, already in words; [`fit`] lays them out as
/// `prefix [bar] counts ETA message elapsed` (ETA after the message when
/// `eta_last`). Empty parts are left out. Every part may carry colour.
#[derive(Clone, Debug, Default)]
pub struct Line {
    /// Service and target: never cut.
    pub prefix: String,
    pub bar: Option<Bar>,
    /// `17/40 42%`, `1200/3000 done`: kept until the message is gone.
    pub counts: String,
    /// `ETA 3s`.
    pub eta: Option<String>,
    pub eta_last: bool,
    /// Status words or a reason, any length: cut with `…` to fit.
    pub message: String,
    /// `12s`.
    pub elapsed: Option<String>,
}

/// `line` laid out in at most `width` columns (unless its prefix alone is
/// wider), shedding parts in the order the module comment gives.
pub fn fit(width: usize, line: &Line, palette: Palette) -> String {
    let mut line = line.clone();
    if let Some(text) = with_bar(width, &line, palette) {
        return text;
    }
    if line.bar.is_some() && line.eta.take().is_some() {
        if let Some(text) = with_bar(width, &line, palette) {
            return text;
        }
    }
    line.bar = None;
    line.eta = None;
    if columns(&join(&line, None)) <= width {
        return join(&line, None);
    }
    line.elapsed = None;
    let without_message = Line {
        message: String::new(),
        ..line.clone()
    };
    let room = width.saturating_sub(columns(&join(&without_message, None)) + 1);
    // One character and `…` at least, or the message says nothing.
    if room >= 2 {
        line.message = console::truncate_str(&line.message, room, "…").into_owned();
        return join(&line, None);
    }
    line.message.clear();
    if columns(&join(&line, None)) <= width {
        return join(&line, None);
    }
    line.counts.clear();
    join(&line, None)
}

/// The line with its bar as wide as allowed, if a bar of [`MIN_BAR`] or
/// more fits beside the rest; None when there is no bar or no room.
fn with_bar(width: usize, line: &Line, palette: Palette) -> Option<String> {
    let bar = line.bar?;
    // The rest of the line, plus `[`, `]` and a space.
    let rest = columns(&join(line, None)) + 3;
    let room = width.checked_sub(rest)?;
    let drawn = match bar.width {
        BarWidth::Up(most) => room.min(most),
        BarWidth::Fill => room,
    };
    (drawn >= MIN_BAR).then(|| join(line, Some(draw(bar, drawn, palette))))
}

/// `[=====>    ]` in `width` columns inside the brackets.
fn draw(bar: Bar, width: usize, palette: Palette) -> String {
    let filled = if bar.len == 0 {
        0
    } else {
        let ratio = bar.pos.min(bar.len) as f64 / bar.len as f64;
        // Rounding down: a bar is only full when the work is.
        (ratio * width as f64) as usize
    };
    let inner = if filled >= width {
        "=".repeat(width)
    } else {
        format!("{}>{}", "=".repeat(filled), " ".repeat(width - filled - 1))
    };
    format!("[{}]", palette.cyan(&inner))
}

fn join(line: &Line, bar: Option<String>) -> String {
    let eta = line.eta.clone().unwrap_or_default();
    let (before, after) = if line.eta_last {
        (String::new(), eta)
    } else {
        (eta, String::new())
    };
    let parts = [
        line.prefix.clone(),
        bar.unwrap_or_default(),
        line.counts.clone(),
        before,
        line.message.clone(),
        after,
        line.elapsed.clone().unwrap_or_default(),
    ];
    let shown: Vec<String> = parts.into_iter().filter(|p| !p.is_empty()).collect();
    shown.join(" ")
}

fn columns(text: &str) -> usize {
    console::measure_text_width(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAIN: Palette = Palette { enabled: false };
    const ID: &str = "batch 5c3f1e7a-4b16-4752-a81f-1ea93712d03d-failed";

    fn target_bar(message: &str) -> Line {
        Line {
            prefix: ID.to_owned(),
            bar: Some(Bar {
                pos: 17,
                len: 40,
                width: BarWidth::Up(30),
            }),
            counts: "17/40 42%".to_owned(),
            eta: Some("ETA 3s".to_owned()),
            eta_last: false,
            message: message.to_owned(),
            elapsed: None,
        }
    }

    #[test]
    fn the_bar_shortens_then_eta_goes_then_the_bar() {
        let line = target_bar("running");
        let full = fit(200, &line, PLAIN);
        assert_eq!(
            full,
            format!("{ID} [============>                 ] 17/40 42% ETA 3s running")
        );
        // Shorter: the bar gives way first, ETA stays.
        let shorter = fit(90, &line, PLAIN);
        assert_eq!(columns(&shorter), 90, "{shorter}");
        assert!(
            shorter.contains("ETA 3s") && shorter.contains('['),
            "{shorter}"
        );
        // Too short for a bar beside ETA: the ETA goes, the bar stays.
        let no_eta = fit(76, &line, PLAIN);
        assert!(!no_eta.contains("ETA") && no_eta.contains('['), "{no_eta}");
        assert!(columns(&no_eta) <= 76, "{no_eta}");
        // 80 columns of the issue, and less: counts and status, no bar.
        let narrow = fit(70, &line, PLAIN);
        assert_eq!(narrow, format!("{ID} 17/40 42% running"));
    }

    #[test]
    fn a_long_reason_is_cut_and_the_id_never() {
        let line = target_bar("unreachable: connection refused (127.0.0.1:1), retrying in 10s");
        for width in [40, 60, 78, 80, 100, 120] {
            let text = fit(width, &line, PLAIN);
            assert!(text.starts_with(ID), "{width}: {text}");
            if width >= columns(ID) {
                assert!(columns(&text) <= width, "{width}: {text}");
            }
        }
        assert!(fit(78, &line, PLAIN).ends_with('…'));
    }

    #[test]
    fn wide_characters_count_two() {
        let line = Line {
            prefix: "clarifeye.run p/run-1".to_owned(),
            message: "解析中 ステップ 3 / 7 を処理しています".to_owned(),
            elapsed: Some("12s".to_owned()),
            ..Line::default()
        };
        for width in [30, 40, 50] {
            let text = fit(width, &line, PLAIN);
            assert!(columns(&text) <= width, "{width}: {text}");
            assert!(text.starts_with("clarifeye.run p/run-1"), "{text}");
        }
        assert!(fit(100, &line, PLAIN).ends_with("12s"));
        assert!(!fit(40, &line, PLAIN).contains("12s"));
    }

    #[test]
    fn a_filling_bar_takes_the_room_left_and_eta_can_come_last() {
        let line = Line {
            prefix: "llama.file P/*".to_owned(),
            bar: Some(Bar {
                pos: 3000,
                len: 3000,
                width: BarWidth::Fill,
            }),
            counts: "3000/3000 done".to_owned(),
            eta: Some("· ETA 0s".to_owned()),
            eta_last: true,
            message: "· 0 failed · 0 waiting".to_owned(),
            elapsed: None,
        };
        for width in [40, 80, 120] {
            let text = fit(width, &line, PLAIN);
            assert!(columns(&text) <= width, "{width}: {text}");
        }
        assert_eq!(columns(&fit(120, &line, PLAIN)), 120);
        assert!(fit(120, &line, PLAIN).contains("[====="));
        assert!(fit(120, &line, PLAIN).ends_with("· ETA 0s"));
    }
}
