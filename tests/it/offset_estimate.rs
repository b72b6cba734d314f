//! Offset listings (CONTRACT §13, §17): a full page always asks for the
//! next one, whatever `total_size` says. LlamaCloud's spec calls it an
//! estimate: a listing that says 1,000 of 1,500 batch jobs is still read
//! to its end.

use crate::common::*;
use serde_json::{Value, json};

fn jobs(range: std::ops::Range<u32>, total_size: u64) -> Value {
    let jobs: Vec<Value> = range
        .map(|i| json!({"id": format!("bjb-{i:04}"), "status": "completed", "failed_items": 0}))
        .collect();
    json!({"items": jobs, "total_size": total_size})
}

#[test]
fn a_full_page_asks_for_the_next_whatever_total_size_says() {
    let server = sim();
    server.script(
        "jobs:estimated",
        vec![
            Reply::json(200, jobs(0..1000, 1000)),
            Reply::json(200, jobs(1000..1500, 1000)),
        ],
    );
    let (code, stdout, stderr) = query(
        &server,
        &[
            "batch",
            "status",
            "--all",
            "--project-id",
            "estimated",
            "--json",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    let lines = envelopes(&stdout);
    assert_eq!(lines.len(), 1500, "{stderr}");
    let offsets: Vec<String> = server
        .requests()
        .into_iter()
        .map(|r| {
            query_pairs(&r.query.unwrap_or_default())
                .into_iter()
                .find(|(k, _)| k == "offset")
                .map(|(_, v)| v)
                .unwrap_or_default()
        })
        .collect();
    // The short second page, past the estimate, is the last.
    assert_eq!(offsets, ["0", "1000"]);
}
