//! Tests of the simulator: the pure grammar and bodies, then the real server.

mod bodies;
mod grammar;
mod server;
