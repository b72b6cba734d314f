//! Any text as `--interval`/`--timeout`: never panics, and what parses is positive.
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::duration(data));
