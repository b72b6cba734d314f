//! What a watch shows on stderr while it runs, from one factory: nothing
//! (`--quiet`), live indicatif bars (stderr is a terminal), or one plain
//! line per change (stderr is a log file or a pipe).

use std::io::IsTerminal;
use std::time::{Duration, SystemTime};

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::app::{Mode, RunOptions};
use crate::render::{Palette, json::timestamp, sanitize};
use crate::services::Target;
use crate::status::Snapshot;

/// Redraws per second of the live display: enough for a spinner to look
/// alive, few enough that a long watch costs next to no CPU.
const TICK: Duration = Duration::from_millis(250);

pub enum Display {
    Hidden,
    Lines,
    Live(Live),
}

pub struct Live {
    multi: MultiProgress,
    bars: Vec<ProgressBar>,
    palette: Palette,
}

impl Display {
    pub fn new(targets: &[Target], options: &RunOptions) -> Display {
        if options.mode == Mode::Quiet {
            return Display::Hidden;
        }
        let term = std::env::var("TERM").unwrap_or_default();
        if !std::io::stderr().is_terminal() || term == "dumb" {
            return Display::Lines;
        }
        let multi = MultiProgress::with_draw_target(ProgressDrawTarget::stderr());
        let bars = targets
            .iter()
            .map(|t| {
                let bar = multi.add(ProgressBar::new_spinner());
                bar.set_style(spinner_style());
                bar.set_prefix(format!("{} {}", t.service(), sanitize(&t.label())));
                bar.set_message("waiting for the first answer");
                bar.enable_steady_tick(TICK);
                bar
            })
            .collect();
        Display::Live(Live {
            multi,
            bars,
            palette: options.stderr,
        })
    }

    /// Show that one target changed from `old` to `new`.
    pub fn change(&mut self, index: usize, old: Option<&Snapshot>, new: &Snapshot) {
        match self {
            Display::Hidden => {}
            Display::Lines if old.map(status_word) == Some(status_word(new)) => {}
            Display::Lines => eprintln!(
                "{} {} {} {} -> {}",
                timestamp(SystemTime::now()),
                new.target.service(),
                sanitize(&new.target.label()),
                old.map_or("-".to_owned(), status_word),
                status_word(new)
            ),
            Display::Live(live) => live.update(index, new),
        }
    }

    /// Take the live display off the terminal before the final table.
    pub fn finish(self) {
        if let Display::Live(live) = self {
            for bar in &live.bars {
                bar.finish_and_clear();
            }
            let _ = live.multi.clear();
        }
    }
}

/// The vendor's status, or what went wrong instead.
fn status_word(s: &Snapshot) -> String {
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
        (None, None) => "-".to_owned(),
    }
}

fn spinner_style() -> ProgressStyle {
    ProgressStyle::with_template("{spinner:.cyan} {prefix:.bold} {msg} {elapsed:.dim}")
        .unwrap_or_else(|_| ProgressStyle::default_spinner())
}

fn bar_style() -> ProgressStyle {
    ProgressStyle::with_template(
        "{spinner:.cyan} {prefix:.bold} [{bar:30.cyan/blue}] {pos}/{len} {percent}% ETA {eta} {msg}",
    )
    .unwrap_or_else(|_| ProgressStyle::default_bar())
    .progress_chars("=> ")
}

impl Live {
    fn update(&mut self, index: usize, s: &Snapshot) {
        let Some(bar) = self.bars.get(index) else {
            return;
        };
        let message = match &s.error {
            Some(_) => self.palette.error(&status_word(s)),
            None => format!("{} {}", status_word(s), self.palette.state(s.state)),
        };
        match s.progress.as_ref().and_then(|p| p.total.zip(p.done)) {
            Some((total, done)) if total > 0 => {
                if bar.length().is_none() {
                    bar.set_style(bar_style());
                }
                bar.set_length(total);
                bar.set_position(done.min(total));
            }
            _ => {}
        }
        bar.set_message(message);
        if s.is_final() {
            bar.disable_steady_tick();
            bar.tick();
        }
    }
}
