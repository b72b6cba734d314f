//! The binary on a pseudo-terminal, as a person runs it, with the screen
//! read through a terminal emulator: `portable-pty` opens the terminal and
//! `vt100` parses everything the binary writes at the terminal's size. No
//! tmux or other program is needed beside the clone.
//!
//! ```ignore
//! let home = home();
//! let mut term = Terminal::start(pty_bin_at(home.path(), &server, &["batch", "status", "x", "--watch"]), 80, 24);
//! let live = term.wait_for("% ETA", Duration::from_secs(10)); // the screen, once it shows that
//! term.resize(40, 24);                                         // SIGWINCH, as a terminal does
//! term.ctrl_c();                                               // the terminal's interrupt key
//! assert_eq!(term.wait_exit(Duration::from_secs(10)), 130);    // all output is parsed by then
//! assert!(term.wrapped_rows().is_empty() && term.cursor_visible());
//! ```
//!
//! Limits are for a test that would otherwise hang, never timing assertions.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub use portable_pty::CommandBuilder;
use portable_pty::{Child, MasterPty, PtySize, native_pty_system};

use super::{KEY, Server};

/// Lines kept above the screen, for [`Terminal::history`].
const SCROLLBACK: usize = 10_000;

/// `pipewatch <args>` for a pseudo-terminal: a clean environment like
/// [`super::std_bin`] (HOME and XDG_CONFIG_HOME in `home`, PATH kept) plus
/// `TERM=xterm-256color`, started in `home`. Colour stays on: add
/// `NO_COLOR` with [`CommandBuilder::env`] to turn it off.
pub fn pty_bin(home: &Path, args: &[&str]) -> CommandBuilder {
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_pipewatch"));
    cmd.env_clear();
    cmd.env("PATH", std::env::var_os("PATH").unwrap_or_default());
    cmd.env("HOME", home);
    cmd.env("XDG_CONFIG_HOME", home.join(".config"));
    cmd.env("TERM", "xterm-256color");
    cmd.cwd(home);
    cmd.args(args);
    cmd
}

/// [`pty_bin`] pointed at `server` for every service, with keys set.
pub fn pty_bin_at(home: &Path, server: &Server, args: &[&str]) -> CommandBuilder {
    let mut cmd = pty_bin(home, args);
    let base = server.base_url();
    cmd.env("LLAMA_CLOUD_BASE_URL", &base);
    cmd.env("LLAMA_CLOUD_API_KEY", KEY);
    cmd.env("CLARIFEYE_BASE_URL", &base);
    cmd.env("CLARIFEYE_API_KEY", KEY);
    cmd.env("FELDERA_HOST", &base);
    cmd
}

/// A program running on a pseudo-terminal of a given size, and the screen
/// it has drawn so far. Dropping it kills the program if still running.
pub struct Terminal {
    parser: Arc<Mutex<vt100::Parser>>,
    /// Set by the reader thread once the terminal reports end of output
    /// (every process holding it has exited).
    closed: Arc<AtomicBool>,
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    exit: Option<u32>,
}

impl Terminal {
    /// Start `cmd` on a new terminal `cols` wide and `rows` high.
    pub fn start(cmd: CommandBuilder, cols: u16, rows: u16) -> Terminal {
        let pair = native_pty_system()
            .openpty(size(cols, rows))
            .expect("open a pseudo-terminal");
        let child = pair
            .slave
            .spawn_command(cmd)
            .expect("start on the terminal");
        // Only the child holds the terminal's slave side now, so reading
        // ends when it (and anything it started) has exited.
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            rows.try_into().expect("rows > 0"),
            cols.try_into().expect("cols > 0"),
            SCROLLBACK,
        )));
        let closed = Arc::new(AtomicBool::new(false));
        let mut reader = pair.master.try_clone_reader().expect("terminal reader");
        {
            let parser = Arc::clone(&parser);
            let closed = Arc::clone(&closed);
            std::thread::spawn(move || {
                let mut buf = [0u8; 8192];
                // Linux reports EIO once the other side is closed: an end too.
                while let Ok(n @ 1..) = reader.read(&mut buf) {
                    lock(&parser).process(&buf[..n]);
                }
                closed.store(true, Ordering::SeqCst);
            });
        }
        let writer = pair.master.take_writer().expect("terminal writer");
        Terminal {
            parser,
            closed,
            master: pair.master,
            writer,
            child,
            exit: None,
        }
    }

    /// The visible screen, one line per row, trailing blanks dropped.
    pub fn screen(&self) -> String {
        let parser = lock(&self.parser);
        let (_, cols) = parser.screen().size();
        let rows: Vec<String> = parser.screen().rows(0, cols.get()).collect();
        rows.join("\n")
    }

    /// The visible screen with the rows the terminal wrapped joined again,
    /// so a line printed wider than the terminal shows as one long line.
    pub fn screen_joined(&self) -> String {
        lock(&self.parser).screen().contents()
    }

    /// Every line that scrolled off the top, then the screen, with the
    /// rows the terminal wrapped joined again (as [`Terminal::screen_joined`]).
    pub fn history(&self) -> String {
        let mut parser = lock(&self.parser);
        let screen = parser.screen_mut();
        screen.set_scrollback(usize::MAX);
        let above = screen.scrollback();
        let (_, cols) = screen.size();
        // (text, wrapped onto the next row) of every row, oldest first.
        let mut rows = Vec::new();
        for offset in (1..=above).rev() {
            screen.set_scrollback(offset);
            rows.extend(
                screen
                    .rows(0, cols.get())
                    .take(1)
                    .map(|t| (t, screen.row_wrapped(0))),
            );
        }
        screen.set_scrollback(0);
        let visible: Vec<String> = screen.rows(0, cols.get()).collect();
        for (r, text) in (0u16..).zip(visible) {
            rows.push((text, screen.row_wrapped(r)));
        }
        let mut out = String::new();
        for (text, wrapped) in rows {
            out.push_str(&text);
            if !wrapped {
                out.push('\n');
            }
        }
        out
    }

    /// The rows (0-based, with their text) whose text ran into the last
    /// column and went on onto the next row: a line wider than the
    /// terminal. Empty when everything fits. (A row that merely carries
    /// the terminal's wrap flag is not one: indicatif pads each live line
    /// with spaces up to the edge and lets the terminal move to the next.)
    pub fn wrapped_rows(&self) -> Vec<(u16, String)> {
        let parser = lock(&self.parser);
        let screen = parser.screen();
        let (rows, cols) = screen.size();
        let text: Vec<String> = screen.rows(0, cols.get()).collect();
        let last_col = cols.get() - 1;
        (0..rows.get())
            .filter(|&r| screen.row_wrapped(r))
            .filter(|&r| {
                screen
                    .cell(r, last_col)
                    .is_some_and(|c| !c.contents().trim().is_empty() || c.is_wide_continuation())
            })
            .map(|r| (r, text[usize::from(r)].clone()))
            .collect()
    }

    /// Whether the cursor is shown (a live display hides it while drawing).
    pub fn cursor_visible(&self) -> bool {
        !lock(&self.parser).screen().hide_cursor()
    }

    /// Wait until the screen shows `needle`, and return the screen. Panics
    /// with the screen when `limit` passes first.
    pub fn wait_for(&mut self, needle: &str, limit: Duration) -> String {
        let started = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(needle) {
                return screen;
            }
            assert!(
                started.elapsed() < limit,
                "no {needle:?} on screen within {limit:?}:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Resize the terminal as a window manager does: the emulator takes the
    /// new size and the program gets SIGWINCH. Text already drawn is not
    /// reflowed.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        lock(&self.parser).set_size(
            rows.try_into().expect("rows > 0"),
            cols.try_into().expect("cols > 0"),
        );
        self.master
            .resize(size(cols, rows))
            .expect("resize the terminal");
    }

    /// Type `bytes` on the keyboard.
    pub fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).expect("type on the terminal");
        self.writer.flush().expect("type on the terminal");
    }

    /// Press Ctrl-C: the terminal sends SIGINT to the foreground program.
    pub fn ctrl_c(&mut self) {
        self.send(b"\x03");
    }

    /// Send `signal` (`libc::SIGTERM`, ...) to the program.
    #[cfg(unix)]
    pub fn signal(&mut self, signal: i32) {
        let pid = self.child.process_id().expect("a running program");
        let pid = libc::pid_t::try_from(pid).expect("pid fits");
        // SAFETY: kill(2) with our own child's pid; no memory is involved.
        let sent = unsafe { libc::kill(pid, signal) };
        assert_eq!(sent, 0, "kill({pid}, {signal}) failed");
    }

    /// Wait until the program exits and all it wrote is on the screen;
    /// return its exit code (a program killed by a signal gives 1, as
    /// `portable-pty` reports it). Panics with the screen after `limit`.
    pub fn wait_exit(&mut self, limit: Duration) -> u32 {
        let started = Instant::now();
        loop {
            if self.exit.is_none() {
                if let Some(status) = self.child.try_wait().expect("wait for the program") {
                    self.exit = Some(status.exit_code());
                }
            }
            if let Some(code) = self.exit {
                if self.closed.load(Ordering::SeqCst) {
                    return code;
                }
            }
            assert!(
                started.elapsed() < limit,
                "still running after {limit:?}:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Terminal {
    fn drop(&mut self) {
        if self.exit.is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

/// The parser even if a test thread panicked while holding it.
fn lock(parser: &Mutex<vt100::Parser>) -> std::sync::MutexGuard<'_, vt100::Parser> {
    parser.lock().unwrap_or_else(|e| e.into_inner())
}
