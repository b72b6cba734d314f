//! Replays the committed fuzz corpus (`fuzz/corpus/<target>/`) through the
//! same checks the fuzz targets run, on stable Rust: every seed, and every
//! input a fuzzer once found a bug with, stays a regression test in CI.

#[path = "../../fuzz/checks.rs"]
mod checks;

use std::fs;
use std::path::Path;

/// Every file in one target's corpus, run through `check`; returns how many.
fn replay(target: &str, check: impl Fn(&[u8])) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut entries: Vec<_> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .collect();
    entries.sort();
    for path in &entries {
        let data = fs::read(path).unwrap();
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(&data)));
        assert!(outcome.is_ok(), "{} fails its check", path.display());
    }
    entries.len()
}

/// Every API's decoder, with the seeds of its fuzz target.
#[test]
fn response_corpora() {
    for api in pipewatch::services::APIS {
        let service = api.service().name;
        let name = checks::target_name(service);
        let n = replay(&name, |data| checks::response(service, data));
        assert!(n >= 5, "{name}: only {n} seeds");
    }
}

#[test]
fn config_corpus() {
    assert!(replay("config", checks::config) >= 5);
}

#[test]
fn duration_corpus() {
    assert!(replay("duration", checks::duration) >= 5);
}

#[test]
fn sanitize_corpus() {
    assert!(replay("sanitize", checks::sanitize) >= 5);
}
