//! pipewatch: is my job done yet, and did it work?
//!
//! The binary is a thin shell over this library so that integration tests can
//! start the simulator in-process and drive the real binary against it.
//! Data flows one way: arguments -> settings -> service request -> snapshot
//! -> (watch) -> renderer -> exit code.

// Each file uses only files below it in the flow (README.md, Development,
// lists the layers); tests/architecture.rs fails on any import cycle.
pub mod app;
mod board;
pub mod ci;
pub mod cli;
mod collection_log;
mod config_show;
pub mod connectors;
pub mod credential;
mod demo;
pub mod duration;
pub mod env;
mod exchange;
pub mod exporter;
pub mod http;
pub mod items;
pub mod listing;
pub mod loopback;
pub mod options;
pub mod outage;
mod progress;
pub mod proxy;
pub mod query;
pub mod render;
pub mod report;
pub mod run;
pub mod sanitize;
pub mod secret;
pub mod services;
pub mod settings;
pub mod signals;
pub mod sim;
pub mod since;
pub mod status;
pub mod target;
pub mod together;
mod tty;
pub mod watch;
