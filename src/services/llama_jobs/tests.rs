use super::*;
use serde_json::json;

#[test]
fn every_documented_status() {
    for (status, state) in [
        ("PENDING", Some(State::Pending)),
        ("RUNNING", Some(State::Running)),
        ("COMPLETED", Some(State::Succeeded)),
        ("FAILED", Some(State::Failed)),
        ("CANCELLED", Some(State::Cancelled)),
        // Queued work the vendor holds back (CONTRACT §16).
        ("THROTTLED", Some(State::Pending)),
        ("completed", None),
    ] {
        let body = json!({"status": status});
        assert_eq!(
            KINDS[1].classify(&KINDS[1].job("x"), &body).unwrap().state,
            state,
            "{status}"
        );
        let nested = json!({"job": {"status": status}});
        assert_eq!(
            KINDS[0]
                .classify(&KINDS[0].job("x"), &nested)
                .unwrap()
                .state,
            state
        );
    }
}

#[test]
fn statuses_are_checked_per_kind() {
    let given = |s: &[&str]| s.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(
        KINDS[1]
            .check_statuses(&given(&["throttled", "FAILED", "failed"]))
            .unwrap(),
        ["THROTTLED", "FAILED"]
    );
    let err = KINDS[0].check_statuses(&given(&["throttled"])).unwrap_err();
    assert!(
        err.contains("PENDING, RUNNING, COMPLETED, FAILED, CANCELLED"),
        "{err}"
    );
}

#[test]
fn a_parse_job_nests_its_status() {
    let err = KINDS[0]
        .classify(&KINDS[0].job("x"), &json!({"status": "COMPLETED"}))
        .unwrap_err();
    assert_eq!(err, "the response has no `job` object");
    let err = KINDS[0]
        .classify(&KINDS[0].job("x"), &json!({"job": {"id": "x"}}))
        .unwrap_err();
    assert!(err.contains("job.status"), "{err}");
    let c = KINDS[2]
        .classify(
            &KINDS[2].job("x"),
            &json!({"status": "FAILED", "error_message": "bad pdf"}),
        )
        .unwrap();
    assert_eq!(c.details, "bad pdf");
}

#[test]
fn urls_scope_filter_and_page() {
    let base = Url::parse("http://h/").unwrap();
    let job = KINDS[0].job("a/b").with("project_id", Some("p".into()));
    let url = KINDS[0].url(&job, &base);
    assert_eq!(url.as_str(), "http://h/api/v2/parse/a%2Fb?project_id=p");
    let listing = Target::listing(&CLASSIFY, vec![("organization_id", "o".into())]);
    let first = KINDS[2].url(&listing, &base);
    let page = page_url(
        first,
        Some("FAILED"),
        Some("2026-01-01T00:00:00Z"),
        &["j1", "j&2"],
        &Cursor::Token("t=".into()),
    );
    assert_eq!(
        page.as_str(),
        "http://h/api/v2/classify?organization_id=o&page_size=100&status=FAILED\
         &created_at_on_or_after=2026-01-01T00%3A00%3A00Z&job_ids=j1&job_ids=j%262&page_token=t%3D"
    );
}
