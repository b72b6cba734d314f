//! pipewatch: is my job done yet, and did it work?
//!
//! The binary is a thin shell over this library so that integration tests can
//! start the simulator in-process and drive the real binary against it.
//! Data flows one way: arguments -> settings -> service request -> snapshot
//! -> (watch) -> renderer -> exit code.

pub mod app;
pub mod cli;
mod config_show;
mod demo;
pub mod http;
mod progress;
pub mod query;
pub mod render;
pub mod services;
pub mod settings;
pub mod sim;
pub mod status;
mod tty;
pub mod watch;
