//! The one error settings resolution has: a configuration problem, or a
//! key that could not be had.

use crate::model::ExitCode;

/// A configuration problem: exit 2, with a message that names the file,
/// line, key or variable involved. Or a key that could not be had at all
/// (an `api_key_cmd` past its time limit): exit 8, as a refused key is.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct SettingsError {
    pub message: String,
    /// The exit code it calls for: [`ExitCode::Usage`] unless said.
    pub exit: ExitCode,
}

/// A configuration problem (exit 2). A function named as the type, so
/// that `SettingsError(message)` reads as the tuple struct this once was,
/// everywhere it is made.
#[allow(non_snake_case)]
pub fn SettingsError(message: String) -> SettingsError {
    SettingsError {
        message,
        exit: ExitCode::Usage,
    }
}

impl SettingsError {
    /// No key could be had (exit 8).
    pub fn no_key(message: String) -> SettingsError {
        SettingsError {
            message,
            exit: ExitCode::Auth,
        }
    }
}

pub(super) fn err<T>(message: impl Into<String>) -> Result<T, SettingsError> {
    Err(SettingsError(message.into()))
}
