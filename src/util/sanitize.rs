//! Server text is untrusted: strip what could mess with a terminal before
//! it is printed. A leaf module, so settings (a key command's stderr),
//! renderers and the live display all use the same rules.

use std::borrow::Cow;

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
}
