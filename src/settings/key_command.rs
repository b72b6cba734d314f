//! `api_key_cmd`: a command whose stdout is the key (a password manager),
//! run at most 30 s (CONTRACT §13), and again when a server refuses the key
//! it printed (§11).

use std::fmt;

use super::error::SettingsError;
use super::error::err;
use super::source::Source;
use crate::util::sanitize::sanitize;
use crate::util::secret::Secret;

/// An `api_key_cmd` and where it was set: what it takes to get a new key
/// when the server refuses the one it printed. Its `Debug` shows where the
/// command was set but not its text, which may hold a literal key
/// (`echo llx-...`).
#[derive(Clone)]
pub struct KeyCommand {
    pub(super) command: String,
    pub(super) source: Source,
}

impl fmt::Debug for KeyCommand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("KeyCommand")
            .field("command", &"<hidden>")
            .field("source", &self.source)
            .finish()
    }
}

impl KeyCommand {
    /// Where the command was set, for messages.
    pub fn source(&self) -> &Source {
        &self.source
    }

    /// Run the command again because the server refused its last key. It
    /// blocks until the command ends. The error names the command's source
    /// and says it failed on refresh, with its first line of stderr.
    pub fn rerun(&self) -> Result<Secret, SettingsError> {
        self.run(true)
    }

    /// Run the command through the shell; its stdout, trimmed, is the key.
    /// It gets [`KEY_COMMAND_LIMIT`]: a password manager waiting for a
    /// touch that never comes must not hang a CI job with it.
    pub(super) fn run(&self, refresh: bool) -> Result<Secret, SettingsError> {
        let source = &self.source;
        let when = if refresh { " on refresh" } else { "" };
        let output = run_bounded(&self.command, KEY_COMMAND_LIMIT).map_err(|e| match e {
            Bounded::TimedOut => SettingsError::no_key(format!(
                "the api_key_cmd from {source} timed out{when}: no key within {}",
                humantime::format_duration(KEY_COMMAND_LIMIT)
            )),
            Bounded::Io(e) => SettingsError(format!(
                "cannot run the api_key_cmd from {source}{when}: {e}"
            )),
        })?;
        if !output.status.success() {
            let stderr = String::from_utf8_lossy(&output.stderr);
            let first = stderr.lines().next().unwrap_or("").trim();
            let said = if first.is_empty() {
                String::new()
            } else {
                format!(": {}", sanitize(first))
            };
            return err(format!(
                "the api_key_cmd from {source} failed{when} ({}){said}",
                output.status
            ));
        }
        let key = String::from_utf8(output.stdout).map_err(|_| {
            SettingsError(format!(
                "the api_key_cmd from {source} printed non-UTF-8{when}"
            ))
        })?;
        let key = key.trim();
        if key.is_empty() {
            return err(format!(
                "the api_key_cmd from {source} printed nothing{when}"
            ));
        }
        Ok(Secret::new(key.to_owned()))
    }
}

/// How long an `api_key_cmd` may run (CONTRACT §13).
pub const KEY_COMMAND_LIMIT: std::time::Duration = std::time::Duration::from_secs(30);

/// Why a bounded command gave no output.
enum Bounded {
    TimedOut,
    Io(std::io::Error),
}

/// `sh -c command`, its stdout and stderr, ended (its whole process
/// group, so a pipeline's `sleep` goes too) when it runs past `limit`.
/// `wait-timeout` waits; the pipes are read on threads meanwhile, so a
/// command that writes much cannot block on a full pipe.
fn run_bounded(command: &str, limit: std::time::Duration) -> Result<std::process::Output, Bounded> {
    use std::io::Read;
    use std::process::{Command, Stdio};
    use wait_timeout::ChildExt;

    let mut shell = Command::new("sh");
    shell
        .arg("-c")
        .arg(command)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut shell, 0);
    let mut child = shell.spawn().map_err(Bounded::Io)?;
    let reader = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_end(&mut bytes);
            }
            bytes
        })
    };
    let stdout = reader(
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let stderr = reader(
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let Some(status) = child.wait_timeout(limit).map_err(Bounded::Io)? else {
        #[cfg(unix)]
        if let Ok(group) = libc::pid_t::try_from(child.id()) {
            // SAFETY: kill(2) on the process group we made for the child.
            unsafe { libc::kill(-group, libc::SIGKILL) };
        }
        let _ = child.kill();
        let _ = child.wait();
        // The readers end when the last holder of the pipes is gone; not
        // waited for, in case something outside the group holds them.
        return Err(Bounded::TimedOut);
    };
    Ok(std::process::Output {
        status,
        stdout: stdout.join().unwrap_or_default(),
        stderr: stderr.join().unwrap_or_default(),
    })
}
