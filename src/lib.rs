//! pipewatch: is my job done yet, and did it work?
//!
//! The binary is a thin shell over this library so that integration tests can
//! start the simulator in-process and drive the real binary against it.
//! Data flows one way: arguments -> settings -> service request -> snapshot
//! -> (watch) -> renderer -> exit code. The folders are the layers, each
//! using only those listed above it here (tests/it/architecture.rs fails on
//! any import cycle):

/// From parsed arguments to an exit code; the demo.
pub mod app;
/// The clap tree, status commands grafted from the list of APIs.
pub mod cli;
/// Query, together, listing, watch: asking and waiting.
pub mod engine;
/// The thin HTTP core: auth, retries, limits, `-v`.
pub mod http;
/// CI reports and the Prometheus exporter.
pub mod integrations;
/// States, snapshots, exit codes, targets: data only.
pub mod model;
/// Tables, JSON, Markdown, metrics: pure functions of snapshots.
pub mod render;
/// One trait, one list of APIs, one file per API.
pub mod services;
/// Flags + environment + config file -> resolved settings.
pub mod settings;
/// The simulator behind `demo` and the tests, one file per API.
pub mod sim;
/// Leaves: environment, durations, text, secrets.
pub mod util;
