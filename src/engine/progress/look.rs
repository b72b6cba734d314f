//! A line of the live display: how it looks ([`Look`]) and what it says
//! ([`Words`]), drawn by indicatif and fitted to the terminal's width at
//! every redraw by [`line::fit`], so a resize is followed at the next tick.

use std::sync::{Arc, Mutex};

use indicatif::{HumanDuration, ProgressBar, ProgressState, ProgressStyle};

use crate::render::Palette;
use crate::render::line::{self, Bar, BarWidth, Line};

/// How a live line looks; what it says comes from its [`Words`] and
/// indicatif's position, length, ETA and elapsed time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Look {
    /// A target without progress: status and elapsed time.
    Spinner,
    /// A target with progress: bar, counts, ETA, status.
    TargetBar,
    /// A target that ended.
    Done,
    /// A Clarifeye step beneath its run.
    Step,
    /// A collection: one bar for all its items.
    Collection,
    /// Done/failed/waiting of several targets.
    Summary,
}

/// The text of a line that indicatif does not track.
#[derive(Debug, Default)]
struct Words {
    prefix: String,
    message: String,
}

/// One line of the live display and the words it shows.
pub struct LiveBar {
    pub bar: ProgressBar,
    words: Arc<Mutex<Words>>,
    palette: Palette,
}

impl LiveBar {
    pub fn new(bar: ProgressBar, look: Look, prefix: String, palette: Palette) -> LiveBar {
        let line = LiveBar {
            bar,
            words: Arc::new(Mutex::new(Words {
                prefix,
                message: String::new(),
            })),
            palette,
        };
        line.look(look);
        line
    }

    pub fn look(&self, look: Look) {
        self.bar
            .set_style(line_style(look, Arc::clone(&self.words), self.palette));
    }

    /// Show `message`, whatever its length: the line fits it to the
    /// terminal each time it is drawn.
    pub fn say(&self, message: String) {
        self.set_message(message);
        self.bar.tick();
    }

    /// Change the message without a redraw: for several changes at once,
    /// so no line is drawn half-updated.
    pub fn set_message(&self, message: String) {
        lock(&self.words).message = message;
    }
}

fn lock(words: &Mutex<Words>) -> std::sync::MutexGuard<'_, Words> {
    words.lock().unwrap_or_else(|e| e.into_inner())
}

/// A style drawing `look` fitted to the terminal's width at each redraw,
/// so a resize is followed at the next tick. The template keeps
/// indicatif's spinner; the rest is [`line::fit`].
fn line_style(look: Look, words: Arc<Mutex<Words>>, palette: Palette) -> ProgressStyle {
    let (template, lead) = match look {
        Look::Done => ("  {line}", 2),
        Look::Step => ("    {line}", 4),
        _ => ("{spinner:.cyan} {line}", 2),
    };
    let draw = move |state: &ProgressState, out: &mut dyn std::fmt::Write| {
        let width = console::Term::stderr()
            .size_checked()
            .map_or(80, |(_, cols)| usize::from(cols));
        let line = compose(look, &lock(&words), state, palette);
        // One column spare: indicatif pads a line to the terminal's edge,
        // and a line that reaches it leaves the cursor in a pending wrap.
        let room = width.saturating_sub(lead + 1);
        let _ = out.write_str(&line::fit(room, &line, palette));
    };
    // The templates are constants; a typo would show a plain bar, not crash.
    ProgressStyle::with_template(template)
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .with_key("line", draw)
}

/// The parts of a `look` line, in words.
fn compose(look: Look, words: &Words, state: &ProgressState, palette: Palette) -> Line {
    let (pos, len) = (state.pos(), state.len().unwrap_or(0));
    let bar = |width| Some(Bar { pos, len, width });
    let eta = format!("ETA {:#}", HumanDuration(state.eta()));
    let elapsed = Some(palette.dim(&format!("{:#}", HumanDuration(state.elapsed()))));
    let prefix = palette.bold(&words.prefix);
    let message = words.message.clone();
    match look {
        Look::Spinner | Look::Done => Line {
            prefix,
            message,
            elapsed,
            ..Line::default()
        },
        Look::TargetBar => Line {
            prefix,
            bar: bar(BarWidth::Up(30)),
            counts: format!("{pos}/{len} {}%", percent(pos, len)),
            eta: Some(eta),
            message,
            ..Line::default()
        },
        Look::Step => Line {
            message,
            ..Line::default()
        },
        Look::Collection => Line {
            prefix,
            bar: bar(BarWidth::Fill),
            counts: format!("{pos}/{len} done"),
            eta: Some(format!("· {eta}")),
            eta_last: true,
            message,
            ..Line::default()
        },
        Look::Summary => Line {
            bar: bar(BarWidth::Up(30)),
            counts: format!("{pos}/{len} done"),
            message,
            elapsed,
            ..Line::default()
        },
    }
}

/// Whole percent, rounded down as indicatif's `{percent}` is.
fn percent(pos: u64, len: u64) -> u64 {
    (pos.min(len) * 100).checked_div(len).unwrap_or(0)
}
