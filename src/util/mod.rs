//! Leaves every layer may use: the environment as a function, durations,
//! times, terminal-safe text, secrets and loopback hosts. Nothing here
//! knows pipewatch's model.

pub mod duration;
pub mod env;
pub mod loopback;
pub mod sanitize;
pub mod secret;
pub mod since;
