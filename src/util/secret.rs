//! A credential, wrapped from the moment it is read so that no `Display`
//! or `Debug` can print it. A leaf module: settings make secrets, the HTTP
//! core sends them.

use std::fmt;

use serde::Deserialize;

/// What a secret shows as where its place must be seen (`config show`,
/// `Debug`). Pasted back as a key, it is refused, never sent.
pub const REDACTED: &str = "<redacted>";

/// A credential. It has no `Display`, and its `Debug` never shows it.
#[derive(Clone, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: String) -> Secret {
        Secret(value)
    }

    /// The key itself, for the Authorization header only.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Whether this is [`REDACTED`], `config show`'s placeholder, and not
    /// a key.
    pub fn is_placeholder(&self) -> bool {
        self.0.trim() == REDACTED
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Secret({REDACTED})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_key() {
        let shown = format!("{:?}", Secret::new("llx-hunter2".to_owned()));
        assert_eq!(shown, "Secret(<redacted>)");
    }
}
