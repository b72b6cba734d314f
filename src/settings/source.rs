//! Where a resolved setting came from.

use std::fmt;

/// Where a resolved value came from, for `config show` and error messages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    Flag(&'static str),
    Env(&'static str),
    Config(String),
    Default,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Flag(flag) => write!(f, "flag {flag}"),
            Source::Env(var) => write!(f, "environment {var}"),
            Source::Config(at) => write!(f, "config {at}"),
            Source::Default => f.write_str("default"),
        }
    }
}
