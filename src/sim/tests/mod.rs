//! Tests of the simulator: the pure grammar and bodies, then the real server.

mod apis;
mod bodies;
mod collections;
mod grammar;
mod keys;
mod list_agreement;
mod list_paging;
mod list_words;
mod paging;
mod routing;
mod server;
