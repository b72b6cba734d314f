//! The end-to-end tests, as one test crate: `cargo test` builds and links
//! this one binary instead of one per file (each linked the library and
//! every dev-dependency again). Run one file's tests by module path, e.g.
//! `cargo test --test it usage::`.
//!
//! All tests run on threads of this one process, so none may change what
//! the process shares: no `std::env::set_var`, no current directory, no
//! signal handler or umask of its own. They give each child its own
//! environment (`common::std_bin` clears it) and working directory, and
//! send signals to a child's PID, never to a process group.

mod common;

mod action;
mod architecture;
mod base_url_prefix;
mod capped_pages;
mod ci_cancel;
mod ci_life;
mod ci_reports;
mod collection_items;
mod collection_watch;
mod collections;
mod config;
mod config_paste;
mod config_show;
mod connectors;
mod deprecation;
mod docs_links;
mod example_config;
mod exporter;
mod exporter_http;
mod exporter_stop;
mod feldera_pipeline;
mod flag_scope;
mod fuzz_corpus;
mod key_refresh;
mod llama_batch;
mod llama_index;
mod metrics_alerting;
mod metrics_file;
mod monitoring;
mod offset_estimate;
mod properties;
mod queries;
mod quoted_connector;
mod readme_install;
mod registry;
mod sim_samples;
mod sim_schemas;
mod soak;
mod stdin;
mod terminal;
mod terminal_fit;
mod terminal_outage;
mod tls;
mod usage;
mod v2_jobs;
mod verbose_redirects;
mod wait_for_creation;
mod watch;
