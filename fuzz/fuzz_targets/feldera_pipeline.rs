//! Any bytes as the body of a feldera.pipeline (`selector=status`)
//! response, under any HTTP status: decoding and classifying never panic,
//! and the result is in the contract.
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::response("feldera.pipeline", data));
