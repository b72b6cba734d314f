//! Offset listings whose server caps the page size below the `limit`
//! asked (DRF's `max_limit`, a proxy): CONTRACT §13. The simulator's
//! `cap<N>` word answers at most N items a page, with a true total.

use crate::common::*;

/// (path, offset) of every request, in order.
fn offsets(server: &Server) -> Vec<(String, String)> {
    server
        .requests()
        .into_iter()
        .map(|r| {
            let query = r.query.unwrap_or_default();
            let offset = url::form_urlencoded::parse(query.as_bytes())
                .find(|(k, _)| k == "offset")
                .map(|(_, v)| v.into_owned())
                .unwrap_or_default();
            (r.path, offset)
        })
        .collect()
}

#[test]
fn batch_jobs_of_a_capped_listing_are_listed_in_full() {
    let server = sim();
    let (code, stdout, stderr) = query(
        &server,
        &[
            "batch",
            "status",
            "--all",
            "--project-id",
            "nightly-items1500-cap500",
            "--json",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    let lines = envelopes(&stdout);
    assert_eq!(lines.len(), 1500);
    let mut ids: Vec<&str> = lines
        .iter()
        .filter_map(|l| l["target"]["job_id"].as_str())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 1500, "every job once");
    let batch = "/api/v1/beta/batch-processing".to_owned();
    assert_eq!(
        offsets(&server),
        [
            (batch.clone(), "0".to_owned()),
            (batch.clone(), "500".to_owned()),
            (batch, "1000".to_owned()),
        ]
    );
}

#[test]
fn clarifeye_runs_of_a_capped_listing_are_listed_in_full() {
    let server = sim();
    let (code, stdout, stderr) = query(
        &server,
        &[
            "clarifeye",
            "run",
            "--project",
            "proj-items1200-cap300",
            "--all",
            "--json",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(envelopes(&stdout).len(), 1200);
    let got: Vec<String> = offsets(&server).into_iter().map(|(_, o)| o).collect();
    assert_eq!(got, ["0", "300", "600", "900"]);
}
