//! A real HTTP/1.1 server on 127.0.0.1 that simulates the vendors' status APIs.
//!
//! Behind `pipewatch demo`, `pipewatch demo --serve` and the integration tests.
//! Each request is answered from a script set with [`Server::script`], or else
//! from the words of its key (the ID grammar below).
//!
//! Each simulated API is one file in `apis/` and one entry of
//! [`apis::APIS`], which declares its endpoints (path, key, parent), its
//! bodies and its samples of the vendor's spec; `apis/mod.rs` says how to
//! add one. What the APIs share is here: routing made from the list
//! (`routing.rs`), the ID grammar (`scenario.rs`, `decision.rs`,
//! `collections.rs`), paging, the vendors' error bodies (`errors.rs`),
//! state and recording, and the HTTP serving.
//!
//! The key of a request is the identifier the job is looked up by, decoded:
//! the `pipeline_id` (llama pipeline), `file_id` (llama file), `job_id` (batch),
//! `pipeline_run_id` (Clarifeye) or the `token` query value (Feldera). The list
//! endpoints' keys are namespaced: `files:<pipeline_id>` (beta file listing),
//! `counts:<pipeline_id>` (status-counts), `jobs:<project_id or default>`
//! (batch listing), `items:<job_id>` (batch items), `runs:<project_id>`
//! (Clarifeye listing); their words are those after the colon.
//! Llama and Clarifeye answer 401 without `Authorization: Bearer <key>`
//! (any non-empty key); Feldera needs none. A test can accept only certain
//! keys ([`Server::accept_keys`]): then every endpoint, Feldera's included,
//! answers 401 with the vendor's body to any other, and the test can change
//! them while a watch runs, to expire a key.
//!
//! # The ID grammar
//!
//! A key is split on `-` and `_` into words, compared lowercase; in each group
//! the first word found wins and unknown words are ignored, so `job-1` is `ok`.
//!
//! - Outcome (default `ok`): `ok`/`succeeded`/`success`/`done`, `partial`,
//!   `failed`/`error`, `cancelled`/`aborted`; or, forever: `pending`, `running`
//!   (progress stuck at 40%), `mystery` (a status value the vendor never documented).
//! - Duration `<N>s` or `<N>ms`: from the key's first request the job is pending
//!   for 15% of it (batch: `dispatched` in the second half of that), then running
//!   with linear progress, then at its outcome. Default: at the outcome at once.
//! - `items<N>`: batch `total_items` (default 20); for a list, the items it holds.
//! - Once, then normal: `flaky` (two 503s), `ratelimited` (429, `Retry-After: 1`),
//!   `ratelimitedms` (429, `retry-after-ms: 300`).
//! - Always: `unavailable` 503, `boom` 500, `throttled` 429 (`Retry-After: 10`), `notfound` 404, `gone` 410,
//!   `invalid` 400, `unprocessable` 422, `unauthorized` 401, `forbidden` 403,
//!   `teapot` 418, `conflict` 409 (vendor error bodies); `reset` (connection
//!   closed unanswered); `html` (200 text/html); `nostatus` (200 without the
//!   status field); `notjson` (200 truncated JSON); `huge`/`hugecl` (200 with a
//!   200 MB body, chunked / with Content-Length); `redirect` (307 to the same
//!   URL on `localhost` with the word removed from the key). An error-status
//!   word with a duration starts when the duration ends (`tok-gone-30s`).
//! - `chaos<N>`: N% of requests get a transient fault (503, 429 with
//!   `Retry-After: 1`, reset, a 5 s stall, truncated JSON), chosen by a stable
//!   hash of the key and the request number.
//! - Every response delayed: `slow` 1 s, `stall` 30 s.
//! - `escape`: vendor text fields carry terminal escape sequences.
//! - `held`: a v2 job or batch says `THROTTLED` while it is pending.
//! - `deprecated`: every answer carries `Deprecation: @1767225600` and
//!   `Sunset: Mon, 01 Mar 2027 00:00:00 GMT` (the endpoint is going away).
//!
//! On a list key every word above acts on the list request; the outcome and
//! duration make the items (see `collections.rs`): item i of N ends at
//! `D * (i+1) / N`, every tenth in the outcome, and its ID spells its own
//! scenario. Also `growing` (item i appears at `D * 0.5 * i / N`),
//! `vanishing` (the last item leaves at `D / 2`), `endless` (paging never
//! ends) and `nocounts` (status-counts is 404). Bad query parameters get
//! the vendor's refusal: FastAPI's 422, DRF's 400.

mod api;
pub mod apis;
mod bodies;
mod collections;
mod decision;
mod errors;
mod handler;
mod llama_ingestion;
mod paging;
mod reply;
mod request;
mod routing;
mod scenario;
mod serve;
mod state;
#[cfg(test)]
mod tests;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::TcpListener;
use tokio::sync::watch;

pub use reply::Reply;
use state::Shared;
pub use state::{KeyStats, RecordedRequest};

/// A running simulator. Dropping it, or calling [`Server::shutdown`], stops it.
pub struct Server {
    addr: SocketAddr,
    shared: Arc<Shared>,
    /// Dropping the sender tells the accept loop and every connection to stop.
    stop: Option<watch::Sender<()>>,
    /// The thread of [`Server::spawn_background`], joined on shutdown.
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Server {
    /// Bind `addr` (use `127.0.0.1:0` for an ephemeral port) and serve on the
    /// current tokio runtime.
    pub async fn start(addr: SocketAddr) -> std::io::Result<Server> {
        let listener = TcpListener::bind(addr).await?;
        let addr = listener.local_addr()?;
        let shared = Arc::new(Shared::default());
        let (stop, stopped) = watch::channel(());
        tokio::spawn(accept_loop(listener, shared.clone(), stopped));
        Ok(Server {
            addr,
            shared,
            stop: Some(stop),
            thread: None,
        })
    }

    /// Serve from a new OS thread with its own current-thread tokio runtime,
    /// for synchronous code such as tests that run the binary.
    pub fn spawn_background(addr: SocketAddr) -> std::io::Result<Server> {
        let std_listener = std::net::TcpListener::bind(addr)?;
        std_listener.set_nonblocking(true)?;
        let addr = std_listener.local_addr()?;
        let shared = Arc::new(Shared::default());
        let (stop, stopped) = watch::channel(());
        let (ready, is_ready) = std::sync::mpsc::channel();
        let thread_shared = shared.clone();
        // The runtime is built, used and dropped on its thread: dropping one
        // inside a caller's async context would panic.
        let thread = std::thread::Builder::new()
            .name("pipewatch-sim".to_string())
            .spawn(move || {
                let started = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .and_then(|runtime| {
                        let listener = {
                            // from_std registers the socket with this runtime's reactor.
                            let _guard = runtime.enter();
                            TcpListener::from_std(std_listener)?
                        };
                        Ok((runtime, listener))
                    });
                let (runtime, listener) = match started {
                    Ok(started) => started,
                    Err(e) => {
                        let _ = ready.send(Err(e));
                        return;
                    }
                };
                let _ = ready.send(Ok(()));
                runtime.block_on(accept_loop(listener, thread_shared, stopped));
            })?;
        let server = Server {
            addr,
            shared,
            stop: Some(stop),
            thread: Some(thread),
        };
        match is_ready.recv() {
            Ok(Ok(())) => Ok(server),
            Ok(Err(e)) => Err(e),
            Err(_) => Err(std::io::Error::other(
                "simulator thread ended before starting",
            )),
        }
    }

    /// The address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:PORT`, without a trailing slash.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Scripted replies for one key, served in order; the last one repeats forever.
    /// A script overrides the ID grammar and the credential check. An empty
    /// list removes the script.
    pub fn script(&self, key: &str, replies: Vec<Reply>) {
        let mut inner = self.shared.lock();
        let state = inner.keys.entry(key.to_string()).or_default();
        state.script = replies;
        state.next = 0;
    }

    /// Accept only these keys from now on, on every endpoint (Feldera's
    /// too): any other credential, or none, gets 401 with the vendor's body.
    /// Scripted replies still skip the check. Call it again to change the
    /// keys mid-run (a key that expires); [`Server::accept_any_key`] undoes it.
    pub fn accept_keys(&self, keys: &[&str]) {
        let keys = keys.iter().map(|k| k.to_string()).collect();
        self.shared.lock().accepted_keys = Some(keys);
    }

    /// Back to the default: Llama and Clarifeye take any non-empty Bearer
    /// key, Feldera needs none.
    pub fn accept_any_key(&self) {
        self.shared.lock().accepted_keys = None;
    }

    /// How many requests arrived for this key, on any endpoint.
    pub fn hits(&self, key: &str) -> usize {
        self.shared.lock().keys.get(key).map_or(0, |k| k.hits)
    }

    /// What the server saw of one key, if it saw the key.
    pub fn key_stats(&self, key: &str) -> Option<KeyStats> {
        let inner = self.shared.lock();
        let state = inner.keys.get(key)?;
        Some(KeyStats {
            hits: state.hits as u64,
            first_seen: state.first_seen.map(|(at, _)| at),
            final_hit: state.final_hit,
        })
    }

    /// How many `chaos` faults were served, by kind: `503`, `429`,
    /// `reset`, `stall`, `malformed`.
    pub fn chaos_served(&self) -> Vec<(&'static str, u64)> {
        let counts = self.shared.lock().chaos;
        scenario::Chaos::ALL
            .iter()
            .map(|c| (c.name(), counts[c.index()]))
            .collect()
    }

    /// Every request received, in arrival order (the first 100,000).
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.shared.lock().requests.clone()
    }

    /// Stop serving: the listener closes and open connections are dropped.
    pub fn shutdown(self) {
        drop(self);
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.take();
        if let Some(thread) = self.thread.take() {
            // The thread ends as soon as its accept loop sees the stop.
            let _ = thread.join();
        }
    }
}

async fn accept_loop(listener: TcpListener, shared: Arc<Shared>, mut stopped: watch::Receiver<()>) {
    let port = listener.local_addr().map_or(0, |a| a.port());
    loop {
        let stream = tokio::select! {
            _ = stopped.changed() => return,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(_) => {
                    // Out of file descriptors and the like: back off instead of spinning.
                    tokio::time::sleep(Duration::from_millis(20)).await;
                    continue;
                }
            },
        };
        let _ = stream.set_nodelay(true);
        let shared = shared.clone();
        let mut stopped = stopped.clone();
        tokio::spawn(async move {
            let service = service_fn(move |request| handler::handle(shared.clone(), port, request));
            let connection = http1::Builder::new()
                .timer(TokioTimer::new())
                .serve_connection(TokioIo::new(stream), service);
            tokio::select! {
                _ = connection => {}
                _ = stopped.changed() => {}
            }
        });
    }
}
