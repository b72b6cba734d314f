//! The key of one service for one run (CONTRACT §11). Every request of
//! every target reads the newest key here, so a key renewed for one target
//! serves all the others too.
//!
//! A key from `api_key_cmd` may expire during a long watch (Feldera's OIDC
//! tokens last about an hour). When the server refuses it (401), the command
//! runs again, at most once per [`RENEW_WINDOW`], and the request is asked
//! once more with the new key. A key from the environment or `api_key` is
//! never re-read: its 401 stands at once.
//!
//! Concurrent 401s (eight targets in flight when the token expires) make
//! one run: a refusal waits its turn on `renewing`, then compares the
//! generation its request was sent with to the current one. Newer means
//! another refusal already renewed the key, so it asks again with that
//! one; the same means it is the first to see the new refusal, and it runs
//! the command unless the window says the last run was too recent.

use std::fmt;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use crate::settings::KeyCommand;
use crate::util::secret::Secret;

/// A key command runs again at most once in this long, per service: a key
/// that is refused again right after renewal is not the key's age, and
/// running a password manager or token service in a loop would not help.
pub const RENEW_WINDOW: Duration = Duration::from_secs(30);

/// Gets a new key (blocking), or says why not.
type Renew = Arc<dyn Fn() -> Result<Secret, String> + Send + Sync>;
type Clock = Box<dyn Fn() -> Instant + Send + Sync>;

/// The key in use for one service, shared by every request of a run.
pub struct Credential {
    state: Mutex<State>,
    /// Held while the command runs, so concurrent refusals wait for one run.
    renewing: tokio::sync::Mutex<()>,
    /// None for a key from the environment or `api_key`, or no key at all.
    renew: Option<Renew>,
    /// `the api_key_cmd from <source>`, for messages.
    origin: String,
    window: Duration,
    clock: Clock,
    verbose: bool,
}

/// The key a request is sent with, and which generation of it that is.
#[derive(Clone)]
pub struct Sent {
    key: Option<Arc<Secret>>,
    generation: u64,
}

impl Sent {
    /// The key for the Authorization header, if there is one.
    pub fn key(&self) -> Option<&Secret> {
        self.key.as_deref()
    }
}

/// What to do about a 401.
pub enum Renewal {
    /// Ask once more with this key; if that is refused too, the note says
    /// that a new key was tried.
    Retry {
        key: Arc<Secret>,
        if_refused: String,
    },
    /// The 401 stands. The note, if any, says why no new key was tried
    /// (the command failed, or ran too recently).
    Stands(Option<String>),
}

struct State {
    key: Option<Arc<Secret>>,
    /// Bumped by every key the command prints.
    generation: u64,
    /// The last time the command ran again (not the first run, which
    /// happened before any request), and its failure if it failed.
    last_run: Option<LastRun>,
}

struct LastRun {
    at: Instant,
    failed: Option<String>,
}

/// What a refusal calls for, given the state when its turn comes.
#[derive(Debug, PartialEq, Eq)]
enum Step {
    /// The key changed since the request was sent: ask again with it.
    Retry,
    /// Run the command again.
    Run,
    /// The command ran less than the window ago: the 401 stands.
    TooSoon {
        ago: Duration,
        failed: Option<String>,
    },
}

fn decide(state: &State, sent: u64, now: Instant, window: Duration) -> Step {
    if state.generation != sent {
        return Step::Retry;
    }
    match &state.last_run {
        Some(last) if now.saturating_duration_since(last.at) < window => Step::TooSoon {
            ago: now.saturating_duration_since(last.at),
            failed: last.failed.clone(),
        },
        _ => Step::Run,
    }
}

impl Credential {
    /// The key settings resolved, and the command that printed it, if one
    /// did. `verbose` logs each run of the command (never the key).
    pub fn new(key: Option<Secret>, command: Option<KeyCommand>, verbose: bool) -> Credential {
        let origin = command
            .as_ref()
            .map(|c| format!("the api_key_cmd from {}", c.source()))
            .unwrap_or_default();
        let renew = command
            .map(|command| Arc::new(move || command.rerun().map_err(|e| e.message)) as Renew);
        Credential::with(
            key,
            renew,
            origin,
            RENEW_WINDOW,
            Box::new(Instant::now),
            verbose,
        )
    }

    fn with(
        key: Option<Secret>,
        renew: Option<Renew>,
        origin: String,
        window: Duration,
        clock: Clock,
        verbose: bool,
    ) -> Credential {
        Credential {
            state: Mutex::new(State {
                key: key.map(Arc::new),
                generation: 0,
                last_run: None,
            }),
            renewing: tokio::sync::Mutex::new(()),
            renew,
            origin,
            window,
            clock,
            verbose,
        }
    }

    /// The newest key, to send a request with.
    pub fn current(&self) -> Sent {
        let state = self.lock();
        Sent {
            key: state.key.clone(),
            generation: state.generation,
        }
    }

    /// The server refused the request sent with `sent`: renew the key if
    /// that may help and is allowed, waiting for a renewal in progress.
    pub async fn refused(&self, sent: &Sent) -> Renewal {
        let Some(renew) = &self.renew else {
            return Renewal::Stands(None);
        };
        let _turn = self.renewing.lock().await;
        let now = (self.clock)();
        let step = decide(&self.lock(), sent.generation, now, self.window);
        match step {
            Step::Retry => self.retry(),
            Step::TooSoon {
                failed: Some(why), ..
            } => Renewal::Stands(Some(why)),
            Step::TooSoon { ago, failed: None } => Renewal::Stands(Some(format!(
                "{} ran again {} ago, and runs at most once every {}",
                self.origin,
                humantime::format_duration(Duration::from_secs(ago.as_secs())),
                humantime::format_duration(self.window),
            ))),
            Step::Run => {
                if self.verbose {
                    eprintln!("* the key was refused; running api_key_cmd again");
                }
                // The command may wait on a password manager or a token
                // service: run it off the async runtime, which keeps
                // serving the other targets and Ctrl-C meanwhile.
                let renew = Arc::clone(renew);
                let renewed = tokio::task::spawn_blocking(move || renew())
                    .await
                    .unwrap_or_else(|e| Err(format!("{} failed on refresh: {e}", self.origin)));
                let mut state = self.lock();
                match renewed {
                    Ok(key) => {
                        state.key = Some(Arc::new(key));
                        state.generation += 1;
                        state.last_run = Some(LastRun {
                            at: now,
                            failed: None,
                        });
                        drop(state);
                        self.retry()
                    }
                    Err(why) => {
                        state.last_run = Some(LastRun {
                            at: now,
                            failed: Some(why.clone()),
                        });
                        Renewal::Stands(Some(why))
                    }
                }
            }
        }
    }

    fn retry(&self) -> Renewal {
        match self.lock().key.clone() {
            Some(key) => Renewal::Retry {
                key,
                if_refused: format!("the new key from {} was refused too", self.origin),
            },
            None => Renewal::Stands(None),
        }
    }

    /// Held only for bookkeeping, never across an await or the command;
    /// a panic elsewhere cannot leave the state half-written, so poison is
    /// ignored.
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl fmt::Debug for Credential {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = self.lock();
        f.debug_struct("Credential")
            .field("key", &state.key.as_ref().map(|_| "<redacted>"))
            .field("generation", &state.generation)
            .field("renewable", &self.renew.is_some())
            .finish()
    }
}

#[cfg(test)]
mod tests;
