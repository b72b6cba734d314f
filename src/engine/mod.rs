//! The engine that asks and waits: one query, many at once, listings,
//! the poll loop with its deadline and signals, and the live display it
//! drives. It knows services through their one trait, never one by one.

pub mod board;
pub mod collection_log;

pub mod items;
pub mod listing;
pub mod once;
pub mod options;
pub mod prepare;
mod progress;
pub mod query;
pub mod report;
pub mod signals;
pub mod together;
mod tty;
pub mod watch;
