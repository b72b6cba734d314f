use super::*;
use serde_json::json;

#[test]
fn urls_keep_the_trailing_slash_and_paths_prefix() {
    let base = Url::parse("https://proxy.example/clarifeye/").unwrap();
    assert_eq!(
        ClarifeyeRun.url(&run("p", "r"), &base).as_str(),
        "https://proxy.example/clarifeye/api/v1/projects/p/pipeline-runs/r/"
    );
    let runs = Collection {
        listing: Target::listing(&SERVICE, vec![("project_id", "p 1".into())]),
        statuses: vec!["failed".into()],
        filters: Vec::new(),
    };
    let base = Url::parse("http://h").unwrap();
    assert_eq!(
        ClarifeyeRun
            .page_url(&runs, &runs.statuses, &base, &Cursor::Offset(2000))
            .as_str(),
        "http://h/api/v1/projects/p%201/pipeline-runs/?limit=1000&offset=2000&status=failed"
    );
    assert_eq!(
        ClarifeyeRun.passes(&runs, true),
        [vec!["failed".to_owned()]]
    );
    assert_eq!(ClarifeyeRun.passes(&runs, false), [Vec::<String>::new()]);
    assert_eq!(run("proj", "run").label(), "proj/run");
    assert_eq!(runs.listing.label(), "p 1/*");
}

#[test]
fn every_documented_status() {
    for (status, state) in [
        ("pending", State::Pending),
        ("running", State::Running),
        ("completed", State::Succeeded),
        ("completed_with_warnings", State::Partial),
        ("failed", State::Failed),
        ("aborted", State::Cancelled),
    ] {
        assert_eq!(
            classify(&json!({ "status": status })).unwrap().state,
            Some(state)
        );
    }
    assert_eq!(classify(&json!({"status": "paused"})).unwrap().state, None);
}

#[test]
fn steps_give_progress_and_rows() {
    let c = classify(&json!({
        "status": "running",
        "pipeline_name": "ingest",
        "raw_logs": "a\nb",
        "steps": [
            {"step": "parsing", "name": "Parse", "status": "completed", "warnings": null},
            {"step": "chunking", "name": null, "status": "running", "warnings": ["slow"]},
            {"step": "indexing", "status": "pending"},
            {"status": 7}
        ]
    }))
    .unwrap();
    let p = c.progress.unwrap();
    assert_eq!((p.done, p.total, p.percent), (Some(1), Some(4), Some(25.0)));
    assert_eq!(c.steps[1].name, "chunking");
    assert_eq!(c.steps[1].warnings.as_deref(), Some(r#"["slow"]"#));
    assert_eq!(c.steps[3].status, "");
    assert_eq!(c.details, "ingest · running: chunking");
    assert_eq!(c.logs.as_deref(), Some("a\nb"));
}

#[test]
fn no_steps_no_progress() {
    let c = classify(&json!({"status": "pending", "steps": []})).unwrap();
    assert_eq!(c.progress, None);
    assert!(classify(&json!({"steps": []})).is_err());
}
