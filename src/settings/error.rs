//! The one error settings resolution has: a configuration problem.

/// A configuration problem: exit 2, with a message that names the file,
/// line, key or variable involved.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct SettingsError(pub String);

pub(super) fn err<T>(message: impl Into<String>) -> Result<T, SettingsError> {
    Err(SettingsError(message.into()))
}
