//! Renderers: pure functions from snapshots to text. Colour and terminal
//! decisions are made once, in [`Palette`], and passed in.

pub mod github;
pub mod json;
mod layout;
pub mod line;
pub mod markdown;
pub mod metrics;
pub mod table;

use std::io::IsTerminal;

use crate::model::State;
use crate::util::env::Env;

/// Whether to colour a stream: `forced` (`--color always/never`), then
/// `NO_COLOR`, `CLICOLOR_FORCE`, `CLICOLOR=0`, `TERM=dumb`, then whether
/// it is a terminal.
pub fn use_color(forced: Option<bool>, is_terminal: bool, env: Env<'_>) -> bool {
    if let Some(forced) = forced {
        return forced;
    }
    if env("NO_COLOR").is_some() {
        return false;
    }
    if env("CLICOLOR_FORCE").is_some_and(|v| v != "0") {
        return true;
    }
    if env("CLICOLOR").as_deref() == Some("0") || env("TERM").as_deref() == Some("dumb") {
        return false;
    }
    is_terminal
}

/// Whether stderr can carry a live display: a terminal that understands
/// cursor movement (not `TERM=dumb`).
pub fn stderr_can_redraw(env: Env<'_>) -> bool {
    std::io::stderr().is_terminal() && env("TERM").as_deref() != Some("dumb")
}

/// stdout's width in columns when it is a terminal (80 when the terminal
/// does not say), else None: a file or a pipe gets every line in full.
pub fn stdout_width() -> Option<usize> {
    if !std::io::stdout().is_terminal() {
        return None;
    }
    let columns = console::Term::stdout()
        .size_checked()
        .map(|(_rows, columns)| usize::from(columns))
        .filter(|&columns| columns > 0);
    Some(columns.unwrap_or(80))
}

/// Colours for one stream, decided once.
#[derive(Clone, Copy, Debug)]
pub struct Palette {
    pub enabled: bool,
}

impl Palette {
    pub fn for_stdout(forced: Option<bool>, env: Env<'_>) -> Palette {
        Palette {
            enabled: use_color(forced, std::io::stdout().is_terminal(), env),
        }
    }

    pub fn for_stderr(forced: Option<bool>, env: Env<'_>) -> Palette {
        Palette {
            enabled: use_color(forced, std::io::stderr().is_terminal(), env),
        }
    }

    fn paint(self, text: &str, style: console::Style) -> String {
        if self.enabled {
            style.force_styling(true).apply_to(text).to_string()
        } else {
            text.to_owned()
        }
    }

    pub fn state(self, state: State) -> String {
        self.in_state_colour(state, state.as_str())
    }

    /// `text` in the colour of `state`.
    pub fn in_state_colour(self, state: State, text: &str) -> String {
        let style = console::Style::new();
        let style = match state {
            State::Succeeded => style.green(),
            State::Partial => style.yellow(),
            State::Failed => style.red().bold(),
            State::Cancelled => style.magenta(),
            State::Running => style.cyan(),
            State::Pending => style.blue(),
            State::Unknown => style.yellow().bold(),
        };
        self.paint(text, style)
    }

    pub fn error(self, text: &str) -> String {
        self.paint(text, console::Style::new().red().bold())
    }

    pub fn dim(self, text: &str) -> String {
        self.paint(text, console::Style::new().dim())
    }

    pub fn bold(self, text: &str) -> String {
        self.paint(text, console::Style::new().bold())
    }

    pub fn cyan(self, text: &str) -> String {
        self.paint(text, console::Style::new().cyan())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn color_rules() {
        let env_of = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        let auto = |pairs, tty| use_color(None, tty, &env_of(pairs));
        assert!(auto(&[], true));
        assert!(!auto(&[], false));
        assert!(!auto(&[("NO_COLOR", "1")], true));
        assert!(!auto(&[("NO_COLOR", "1"), ("CLICOLOR_FORCE", "1")], false));
        assert!(auto(&[("CLICOLOR_FORCE", "1")], false));
        assert!(!auto(&[("CLICOLOR_FORCE", "0")], false));
        assert!(!auto(&[("CLICOLOR", "0")], true));
        assert!(!auto(&[("TERM", "dumb")], true));
        let none = env_of(&[("NO_COLOR", "1")]);
        assert!(use_color(Some(true), false, &none));
        assert!(!use_color(Some(false), true, &env_of(&[])));
    }
}
