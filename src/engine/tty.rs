//! One terminal setting for the live display.
//!
//! indicatif pads every line to the terminal's width and lets the terminal
//! wrap, so the cursor waits at the end of the last bar. The `^C` a
//! terminal echoes on Ctrl-C then wraps onto a new line, and clearing the
//! display wipes that line instead of the bar, leaving a half-drawn bar
//! above the final table. Turning off ECHOCTL while the display is up keeps
//! control keys from being echoed; the setting is restored on drop.
//! No crate we already use exposes termios, hence the two libc calls.

/// While alive, the terminal on stderr does not echo control keys.
pub struct QuietControlEcho {
    #[cfg(unix)]
    saved: libc::termios,
}

impl QuietControlEcho {
    /// Turn off ECHOCTL on stderr's terminal; None when stderr is not a
    /// terminal or the setting cannot be read.
    #[cfg(unix)]
    pub fn on_stderr() -> Option<QuietControlEcho> {
        let fd = libc::STDERR_FILENO;
        // SAFETY: termios is plain old data, filled in by tcgetattr before
        // it is read; both calls only touch that struct and the descriptor.
        unsafe {
            let mut saved: libc::termios = std::mem::zeroed();
            if libc::tcgetattr(fd, &mut saved) != 0 {
                return None;
            }
            if saved.c_lflag & libc::ECHOCTL == 0 {
                return None;
            }
            let mut quiet = saved;
            quiet.c_lflag &= !libc::ECHOCTL;
            if libc::tcsetattr(fd, libc::TCSANOW, &quiet) != 0 {
                return None;
            }
            Some(QuietControlEcho { saved })
        }
    }

    #[cfg(not(unix))]
    pub fn on_stderr() -> Option<QuietControlEcho> {
        None
    }
}

#[cfg(unix)]
impl Drop for QuietControlEcho {
    fn drop(&mut self) {
        // SAFETY: restores the settings read in `on_stderr` on the same
        // descriptor.
        unsafe {
            libc::tcsetattr(libc::STDERR_FILENO, libc::TCSANOW, &self.saved);
        }
    }
}
