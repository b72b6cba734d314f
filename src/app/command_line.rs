//! The command line as the summary shows it: each argument quoted for a
//! POSIX shell, so it can be pasted back, and any user name or password in
//! a URL masked (`--base-url https://user:pw@host` shows as
//! `https://***@host`). Keys never reach the command line (they have no
//! flag), so URLs are the one place a credential could sit there.

use std::ffi::OsString;

/// `pipewatch` and the arguments after it, masked and quoted, on one line.
/// The program is named `pipewatch` whatever path it was started by.
pub fn shown(args: impl IntoIterator<Item = OsString>) -> String {
    let mut words = vec!["pipewatch".to_owned()];
    words.extend(
        args.into_iter()
            .skip(1)
            .map(|arg| quote(&mask_userinfo(&arg.to_string_lossy()))),
    );
    words.join(" ")
}

/// Every `scheme://user:password@host` in `arg` with its user information
/// replaced by `***`, wherever it sits (`--base-url=https://u:p@h` too).
pub fn mask_userinfo(arg: &str) -> String {
    let mut out = String::with_capacity(arg.len());
    let mut rest = arg;
    while let Some(at) = rest.find("://") {
        let (before, after) = rest.split_at(at + 3);
        out.push_str(before);
        // The authority ends at the path, query or fragment (RFC 3986
        // §3.2), or where the URL does, at a blank.
        let end = after
            .find(|c: char| matches!(c, '/' | '?' | '#') || c.is_whitespace())
            .unwrap_or(after.len());
        let authority = &after[..end];
        match authority.rfind('@') {
            Some(userinfo_end) => {
                out.push_str("***");
                out.push_str(&authority[userinfo_end..]);
            }
            None => out.push_str(authority),
        }
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// `arg` as a POSIX shell reads it back: bare when it holds only
/// characters no shell treats specially, else in single quotes.
fn quote(arg: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "-_./:=,@%+".contains(c);
    if !arg.is_empty() && arg.chars().all(plain) {
        return arg.to_owned();
    }
    format!("'{}'", arg.replace('\'', r"'\''"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn userinfo_in_urls_is_masked() {
        let mask = mask_userinfo;
        assert_eq!(mask("https://user:pw@host/x"), "https://***@host/x");
        assert_eq!(
            mask("--base-url=http://u@h:1?a=b@c"),
            "--base-url=http://***@h:1?a=b@c"
        );
        // The last @ of the authority ends the user information.
        assert_eq!(mask("https://a@b:c@host"), "https://***@host");
        assert_eq!(mask("https://host/p@th"), "https://host/p@th");
        assert_eq!(
            mask("http://a:b@x and ftp://c:d@y#e"),
            "http://***@x and ftp://***@y#e"
        );
        assert_eq!(mask("no url, user@example.com"), "no url, user@example.com");
        assert_eq!(mask("://@"), "://***@");
    }

    #[test]
    fn arguments_are_quoted_for_a_shell() {
        let line = shown(args(&[
            "/usr/local/bin/pipewatch",
            "--base-url",
            "https://ci:s3cret@llama.example",
            "batch",
            "status",
            "job 1",
            "it's",
            "",
            "$(rm -rf /)",
            "--timeout=10m",
        ]));
        assert_eq!(
            line,
            "pipewatch --base-url 'https://***@llama.example' batch status 'job 1' 'it'\\''s' '' \
             '$(rm -rf /)' --timeout=10m"
        );
        assert!(!line.contains("s3cret"));
    }
}
