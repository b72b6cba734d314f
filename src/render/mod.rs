//! Renderers: pure functions from snapshots to text. Colour and terminal
//! decisions are made once, in [`Palette`], and passed in.

pub mod json;
pub mod table;

use std::borrow::Cow;
use std::io::IsTerminal;

use crate::cli::ColorChoice;
use crate::settings::Env;
use crate::status::State;

/// Strip what a server could use to mess with a terminal: ANSI escape
/// sequences (CSI, OSC, ...), other control characters, and the bidi
/// controls that reorder text. `console` parses the escape sequences;
/// the char filter catches what is left (a lone ESC, BEL, C1 controls).
pub fn sanitize(text: &str) -> String {
    clean(text, false)
}

/// Like [`sanitize`], but keeps newlines and tabs (for logs).
pub fn sanitize_multiline(text: &str) -> String {
    clean(text, true)
}

fn clean(text: &str, keep_lines: bool) -> String {
    let stripped: Cow<'_, str> = console::strip_ansi_codes(text);
    stripped
        .chars()
        .filter_map(|c| match c {
            '\n' | '\t' if keep_lines => Some(c),
            '\r' if keep_lines => None,
            '\n' | '\t' | '\r' => Some(' '),
            c if c.is_control() || is_bidi_control(c) => None,
            c => Some(c),
        })
        .collect()
}

/// Unicode bidirectional formatting characters (Trojan Source).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether to colour a stream: `--color`, then `NO_COLOR`, `CLICOLOR_FORCE`,
/// `CLICOLOR=0`, `TERM=dumb`, then whether it is a terminal.
pub fn use_color(choice: ColorChoice, is_terminal: bool, env: Env<'_>) -> bool {
    match choice {
        ColorChoice::Always => return true,
        ColorChoice::Never => return false,
        ColorChoice::Auto => {}
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

/// Colours for one stream, decided once.
#[derive(Clone, Copy, Debug)]
pub struct Palette {
    pub enabled: bool,
}

impl Palette {
    pub fn for_stdout(choice: ColorChoice, env: Env<'_>) -> Palette {
        Palette {
            enabled: use_color(choice, std::io::stdout().is_terminal(), env),
        }
    }

    pub fn for_stderr(choice: ColorChoice, env: Env<'_>) -> Palette {
        Palette {
            enabled: use_color(choice, std::io::stderr().is_terminal(), env),
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_escapes_controls_and_bidi() {
        let evil = "\u{1b}[31mRED\u{1b}[0m \u{1b}]0;pwned\u{7} bell\u{7} \u{9b}2J c1 \u{202E}txt.exe\u{2066} end\u{1b}";
        // console also parses the 8-bit CSI (U+009B) as a whole sequence.
        assert_eq!(sanitize(evil), "RED  bell  c1 txt.exe end");
        assert_eq!(sanitize("a\nb\tc\rd"), "a b c d");
        assert_eq!(sanitize_multiline("a\r\nb\tc\u{1b}[2K"), "a\nb\tc");
        assert_eq!(sanitize("plain ünïcödé ✓"), "plain ünïcödé ✓");
    }

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
        let auto = |pairs, tty| use_color(ColorChoice::Auto, tty, &env_of(pairs));
        assert!(auto(&[], true));
        assert!(!auto(&[], false));
        assert!(!auto(&[("NO_COLOR", "1")], true));
        assert!(!auto(&[("NO_COLOR", "1"), ("CLICOLOR_FORCE", "1")], false));
        assert!(auto(&[("CLICOLOR_FORCE", "1")], false));
        assert!(!auto(&[("CLICOLOR_FORCE", "0")], false));
        assert!(!auto(&[("CLICOLOR", "0")], true));
        assert!(!auto(&[("TERM", "dumb")], true));
        let none = env_of(&[("NO_COLOR", "1")]);
        assert!(use_color(ColorChoice::Always, false, &none));
        assert!(!use_color(ColorChoice::Never, true, &env_of(&[])));
    }
}
