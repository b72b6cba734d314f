//! What a watch shows on stderr while it runs, from one factory: nothing
//! (`--quiet`), live indicatif bars (stderr is a terminal), or one plain
//! line per change (stderr is a log file or a pipe).

mod look;

use std::time::{Duration, SystemTime};

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget};

use crate::engine::options::{Mode, RunOptions};
use crate::engine::tty::QuietControlEcho;
use crate::model::{Snapshot, State, StepRow};
use crate::model::{Subject, Target};
use crate::render::{Palette, json::timestamp};
use crate::util::sanitize::sanitize;
use look::{LiveBar, Look};

/// Redraws per second of the live display: enough for a spinner to look
/// alive, few enough that a long watch costs next to no CPU.
const TICK: Duration = Duration::from_millis(250);
/// Draws of the whole display per second at most. Every line's tick asks
/// for one, and a line whose draw is refused keeps its old text until its
/// next tick: room for a screenful of lines at [`TICK`] (a draw is a few
/// kilobytes at most).
const DRAWS_PER_SEC: u8 = 40;
/// Above this many targets a line each would scroll off the screen: show
/// one summary bar instead.
const MAX_LINES: usize = 20;

pub enum Display {
    Hidden,
    Lines,
    Live(Live),
}

pub struct Live {
    multi: MultiProgress,
    /// One line per target, unless there are too many.
    bars: Vec<LiveBar>,
    /// A Clarifeye run's step lines, beneath its bar.
    steps: Vec<Vec<LiveBar>>,
    /// done/failed/waiting, when there is more than one target or a
    /// collection (whose items join as they are listed).
    summary: Option<LiveBar>,
    /// The last state of each target (and whether it is final), for the
    /// summary; None before its first answer and once it vanished.
    states: Vec<Option<(State, bool)>>,
    palette: Palette,
    /// Restores the terminal's echo of control keys when the display ends.
    _echo: Option<QuietControlEcho>,
}

impl Display {
    /// The display for this run: decided once, from the mode and stderr.
    pub fn new(subject: &Subject, options: &RunOptions) -> Display {
        if options.mode == Mode::Quiet {
            return Display::Hidden;
        }
        if !options.live {
            return Display::Lines;
        }
        Display::Live(Live::new(subject, options.stderr))
    }

    /// Show that target `index` changed from what `old` said (None: first
    /// seen) to `new`.
    pub fn change(&mut self, index: usize, old: Option<&str>, new: &Snapshot) {
        match self {
            Display::Hidden => {}
            Display::Lines if old == Some(status_word(new).as_str()) => {}
            Display::Lines => eprintln!(
                "{} {} {} {} -> {}",
                timestamp(SystemTime::now()),
                new.target.service(),
                sanitize(&new.target.label()),
                old.unwrap_or("-"),
                status_word(new)
            ),
            Display::Live(live) => live.update(index, new),
        }
    }

    /// Target `index` left the watch (an item no longer listed).
    pub fn remove(&mut self, index: usize) {
        if let Display::Live(live) = self {
            if let Some(state) = live.states.get_mut(index) {
                *state = None;
            }
            live.update_summary();
        }
    }

    /// A collection now holds `total` items: the length of its bar.
    pub fn totals(&mut self, total: usize) {
        if let Display::Live(live) = self {
            if let Some(summary) = &live.summary {
                summary.bar.set_length(total as u64);
            }
        }
    }

    /// Print `text` (a warning, an error) on stderr: above the live
    /// display while there is one, so no bar is drawn over or left behind.
    pub fn say(&self, text: &str) {
        match self {
            Display::Live(live) => live.multi.suspend(|| eprintln!("{text}")),
            Display::Hidden | Display::Lines => eprintln!("{text}"),
        }
    }

    /// Take the live display off the terminal before the final table, so
    /// no half-drawn bar is left behind. Dropping the display does the
    /// same, so every way a watch ends (its end, the deadline, a signal,
    /// an error) clears it.
    pub fn finish(&mut self) {
        *self = Display::Hidden;
    }
}

impl Drop for Live {
    fn drop(&mut self) {
        let all: Vec<&ProgressBar> = self
            .bars
            .iter()
            .chain(self.steps.iter().flatten())
            .chain(self.summary.iter())
            .map(|line| &line.bar)
            .collect();
        // Stop every ticker first: a tick racing the clear would draw
        // the bar again after it was wiped (seen on Ctrl-C).
        for bar in &all {
            bar.disable_steady_tick();
        }
        for bar in &all {
            bar.finish_and_clear();
        }
        let _ = self.multi.clear();
    }
}

/// The vendor's status, or what went wrong instead.
pub fn status_word(s: &Snapshot) -> String {
    match (&s.error, &s.status) {
        (Some(e), _) if e.kind.is_transient() => match e.http_status {
            Some(code) => format!("unreachable (HTTP {code})"),
            None => "unreachable".to_owned(),
        },
        (Some(e), _) => match e.http_status {
            Some(code) => format!("{} (HTTP {code})", e.kind.as_str()),
            None => e.kind.as_str().to_owned(),
        },
        (None, Some(status)) => sanitize(status),
        (None, None) if s.is_awaiting_creation() => s.details.clone(),
        (None, None) => "-".to_owned(),
    }
}

impl Live {
    fn new(subject: &Subject, palette: Palette) -> Live {
        let echo = QuietControlEcho::on_stderr();
        let multi =
            MultiProgress::with_draw_target(ProgressDrawTarget::stderr_with_hz(DRAWS_PER_SEC));
        let targets: &[Target] = match subject {
            Subject::Targets(targets) => targets,
            Subject::Collection(_) => &[],
        };
        let bars = if targets.len() <= MAX_LINES {
            targets
                .iter()
                .map(|t| {
                    let prefix = format!("{} {}", t.service(), sanitize(&t.label()));
                    let bar = multi.add(ProgressBar::new_spinner());
                    let line = LiveBar::new(bar, Look::Spinner, prefix, palette);
                    line.set_message("waiting for the first answer".to_owned());
                    line
                })
                .collect()
        } else {
            Vec::new()
        };
        let summary = match subject {
            // One bar for the whole collection, however many items.
            Subject::Collection(collection) => {
                let listing = &collection.listing;
                let prefix = format!("{} {}", listing.service(), sanitize(&listing.label()));
                // The bar takes what the text leaves of the line.
                let bar = multi.add(ProgressBar::new(0));
                Some(LiveBar::new(bar, Look::Collection, prefix, palette))
            }
            Subject::Targets(targets) if targets.len() > 1 => {
                let bar = multi.add(ProgressBar::new(targets.len() as u64));
                Some(LiveBar::new(bar, Look::Summary, String::new(), palette))
            }
            Subject::Targets(_) => None,
        };
        let live = Live {
            multi,
            bars,
            steps: targets.iter().map(|_| Vec::new()).collect(),
            summary,
            states: vec![None; targets.len()],
            palette,
            _echo: echo,
        };
        // Every line has its words before the first draw: tickers start
        // last, as a draw skipped by the rate limit waits for the next tick.
        live.update_summary();
        for line in live.bars.iter().chain(live.summary.iter()) {
            line.bar.enable_steady_tick(TICK);
        }
        live
    }

    fn update(&mut self, index: usize, s: &Snapshot) {
        if self.states.len() <= index {
            self.states.resize(index + 1, None);
        }
        self.states[index] = Some((s.state, s.is_final()));
        self.update_summary();
        let Some(line) = self.bars.get(index) else {
            return;
        };
        let bar = &line.bar;
        let message = match (&s.error, &s.outage) {
            // Why it is unreachable, and when it is asked again.
            (Some(_), Some(outage)) => self.palette.error(&outage.live_text()),
            (Some(_), None) => self.palette.error(&status_word(s)),
            // `running running` says nothing twice: the vendor's word only
            // when it differs from ours.
            (None, _) if status_word(s) == s.state.as_str() => self.palette.state(s.state),
            (None, _) => format!("{} {}", status_word(s), self.palette.state(s.state)),
        };
        line.set_message(message);
        if let Some((total, done)) = s.progress.as_ref().and_then(|p| p.total.zip(p.done)) {
            if total > 0 {
                if bar.length().is_none() {
                    line.look(Look::TargetBar);
                }
                bar.set_length(total);
                bar.set_position(done.min(total));
            }
        }
        if s.is_final() {
            line.look(Look::Done);
            // A forced last draw: a tick can be skipped by the rate limit,
            // and a finished line gets no other.
            bar.finish();
        } else {
            bar.tick();
        }
        self.update_steps(index, &s.steps);
    }

    /// One line per Clarifeye step under its run, added as steps appear.
    fn update_steps(&mut self, index: usize, steps: &[StepRow]) {
        let (Some(parent), Some(lines)) = (self.bars.get(index), self.steps.get_mut(index)) else {
            return;
        };
        let new = lines.len();
        while lines.len() < steps.len() {
            let after = &lines.last().unwrap_or(parent).bar;
            let bar = self.multi.insert_after(after, ProgressBar::new_spinner());
            lines.push(LiveBar::new(bar, Look::Step, String::new(), self.palette));
        }
        // Words first, then draws: a line is never drawn without its text.
        for (line, step) in lines.iter().zip(steps) {
            let mark = match step.status.as_str() {
                "completed" => self.palette.in_state_colour(State::Succeeded, "✓"),
                "completed_with_warnings" => self.palette.in_state_colour(State::Partial, "!"),
                "failed" => self.palette.error("✗"),
                "running" => "▸".to_owned(),
                _ => "·".to_owned(),
            };
            line.set_message(format!(
                "{mark} {} {}",
                sanitize(&step.name),
                self.palette.dim(&sanitize(&step.status))
            ));
        }
        for line in lines.iter() {
            line.bar.tick();
        }
        // Ticking, so a redraw skipped by the rate limit comes soon.
        for line in lines.iter().skip(new) {
            line.bar.enable_steady_tick(TICK);
        }
    }

    fn update_summary(&self) {
        let Some(summary) = &self.summary else { return };
        let mut done = 0;
        let mut failed = 0;
        for (state, is_final) in self.states.iter().flatten() {
            if *is_final {
                done += 1;
                if matches!(state, State::Failed | State::Cancelled | State::Unknown) {
                    failed += 1;
                }
            }
        }
        let waiting = summary
            .bar
            .length()
            .unwrap_or(0)
            .saturating_sub(done as u64);
        summary.bar.set_position(done as u64);
        let failed = if failed > 0 {
            self.palette.error(&format!("{failed} failed"))
        } else {
            "0 failed".to_owned()
        };
        summary.say(format!("· {failed} · {waiting} waiting"));
    }
}
