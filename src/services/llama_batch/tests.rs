use super::*;
use crate::model::State;
use serde_json::json;

fn result(file: &str, job: Option<(&str, &str)>, error: Option<&str>) -> Value {
    json!({
        "source_directory_file_id": file,
        "job_reference": job.map(|(kind, id)| json!({"type": kind, "id": id})),
        "error_message": error,
    })
}

fn body(status: &str, results: Value) -> Value {
    json!({"id": "b", "project_id": "p", "source_directory_id": "d",
           "config": {"job": {"type": "parse_v2", "configuration_id": "c"}},
           "status": status, "results": results})
}

fn target() -> Target {
    batch("b").with("project_id", Some("p1".into()))
}

fn snapshot(body: &Value) -> Snapshot {
    Snapshot::from_classified(target(), body, classify(body).unwrap())
}

fn listing(jobs: &[(&str, &str)]) -> Result<Value, TargetError> {
    let items: Vec<Value> = jobs
        .iter()
        .map(|(id, status)| json!({"id": id, "status": status, "error_message": (*status == "FAILED").then_some("encrypted")}))
        .collect();
    Ok(json!({"items": items}))
}

#[test]
fn statuses() {
    for (status, failed, state) in [
        ("PENDING", 0, Some(State::Pending)),
        ("THROTTLED", 0, Some(State::Pending)),
        ("RUNNING", 0, Some(State::Running)),
        ("COMPLETED", 0, Some(State::Succeeded)),
        ("COMPLETED", 1, Some(State::Partial)),
        ("FAILED", 0, Some(State::Failed)),
        ("CANCELLED", 0, Some(State::Cancelled)),
        ("DONE", 0, None),
    ] {
        assert_eq!(state_of(status, failed), state, "{status} {failed}");
    }
    // Without results, no progress, and a completed batch succeeded.
    let c = classify(&body("COMPLETED", Value::Null)).unwrap();
    assert_eq!((c.state, c.progress), (Some(State::Succeeded), None));
    assert!(classify(&json!({"id": "b"})).is_err());
}

#[test]
fn jobs_are_asked_fifty_a_request_per_type_and_once_over_not_again() {
    let mut results: Vec<Value> = (0..120)
        .map(|i| {
            result(
                &format!("f{i}"),
                Some(("parse_v2", &format!("pjb-{i}"))),
                None,
            )
        })
        .collect();
    results.extend((0..10).map(|i| {
        result(
            &format!("e{i}"),
            Some(("extract_v2", &format!("ejb-{i}"))),
            None,
        )
    }));
    results.push(result("m", None, Some("unsupported file type")));
    let b = body("RUNNING", Value::Array(results));
    let first = snapshot(&b);
    let base = Url::parse("http://h/").unwrap();
    let urls = LlamaBatch.after(&first, None, &base);
    let paths: Vec<(&str, usize)> = urls
        .iter()
        .map(|u| {
            (
                u.path(),
                u.query_pairs().filter(|(k, _)| k == "job_ids").count(),
            )
        })
        .collect();
    assert_eq!(
        paths,
        [
            ("/api/v2/parse", 50),
            ("/api/v2/parse", 50),
            ("/api/v2/parse", 20),
            ("/api/v2/extract", 10)
        ]
    );
    assert!(
        urls.iter()
            .all(|u| u.query().unwrap().contains("project_id=p1"))
    );
    // The answers: 100 parse jobs over (one failed), the rest running.
    let mut answered = first.clone();
    let over: Vec<(String, &str)> = (0..100)
        .map(|i| {
            (
                format!("pjb-{i}"),
                if i == 7 { "FAILED" } else { "COMPLETED" },
            )
        })
        .collect();
    let over: Vec<(&str, &str)> = over.iter().map(|(id, s)| (id.as_str(), *s)).collect();
    LlamaBatch.with_after(
        &mut answered,
        None,
        vec![
            listing(&over[..50]),
            listing(&over[50..]),
            listing(&[]),
            listing(&[]),
        ],
    );
    let p = answered.progress.clone().unwrap();
    // 100 jobs over and the mapping error: 101 of 131 done, 2 failed.
    assert_eq!((p.done, p.total, p.failed), (Some(101), Some(131), Some(2)));
    assert_eq!(answered.state, State::Running);
    assert!(answered.attachments.is_empty(), "not ended yet");
    // Next poll: only the 30 jobs not over are asked.
    let again = LlamaBatch.after(&first, Some(&answered), &base);
    let asked: usize = again
        .iter()
        .map(|u| u.query_pairs().filter(|(k, _)| k == "job_ids").count())
        .sum();
    assert_eq!((again.len(), asked), (2, 30));
}

#[test]
fn a_completed_batch_with_a_failed_file_is_partial_and_lists_its_failed_files() {
    let results: Vec<Value> = (0..15)
        .map(|i| {
            result(
                &format!("f{i}"),
                Some(("parse_v2", &format!("pjb-{i}"))),
                None,
            )
        })
        .chain([result("m", None, Some("unsupported file type"))])
        .collect();
    let b = body("COMPLETED", Value::Array(results));
    let mut s = snapshot(&b);
    // The mapping error alone already makes it partial.
    assert_eq!(s.state, State::Partial);
    let jobs: Vec<(String, &str)> = (0..15)
        .map(|i| {
            let status = match i {
                14 => "CANCELLED",
                i if i % 2 == 0 => "FAILED",
                _ => "COMPLETED",
            };
            (format!("pjb-{i}"), status)
        })
        .collect();
    let jobs: Vec<(&str, &str)> = jobs.iter().map(|(id, s)| (id.as_str(), *s)).collect();
    LlamaBatch.with_after(&mut s, None, vec![listing(&jobs)]);
    assert_eq!(s.state, State::Partial);
    let files = s.attachment("files").unwrap();
    let json = files.json.as_ref().unwrap().as_array().unwrap();
    // 7 failed, 1 cancelled (pjb-14), 1 mapping error.
    assert_eq!(json.len(), 9);
    assert_eq!(json[0]["status"], "FAILED");
    assert_eq!(json[7]["status"], "CANCELLED");
    assert_eq!(json[0]["source_directory_file_id"], "f0");
    assert_eq!(json[8]["status"], Value::Null);
    let table = files.table.as_ref().unwrap();
    assert_eq!((table.rows.len(), table.more), (9, 0));
    assert_eq!(table.rows[0].cells, ["f0", "pjb-0", "encrypted"]);
    assert_eq!(table.rows[8].cells, ["m", "-", "unsupported file type"]);
}

#[test]
fn a_failed_listing_is_the_batchs_error() {
    let b = body(
        "COMPLETED",
        json!([result("f", Some(("parse_v2", "pjb-1")), None)]),
    );
    let mut s = snapshot(&b);
    let error = TargetError {
        kind: crate::model::ErrorKind::Unavailable,
        http_status: Some(503),
        code: None,
        message: "HTTP 503".into(),
    };
    LlamaBatch.with_after(&mut s, None, vec![Err(error)]);
    let e = s.error.as_ref().unwrap();
    assert_eq!(e.http_status, Some(503));
    assert!(
        e.message.starts_with("reading its files' jobs"),
        "{}",
        e.message
    );
    assert!(s.response.is_some());
}

#[test]
fn urls() {
    let base = Url::parse("http://h/x/").unwrap();
    assert_eq!(
        LlamaBatch.url(&batch("a/b"), &base).as_str(),
        "http://h/x/api/v2/batches/a%2Fb?expand=results"
    );
    let all = Collection {
        listing: Target::listing(&SERVICE, vec![("project_id", "p".into())]),
        statuses: vec!["THROTTLED".into()],
        filters: vec![("created_at_on_or_after", "2026-11-30T00:00:00Z".into())],
    };
    assert_eq!(
        LlamaBatch
            .page_url(&all, &all.statuses, &base, &Cursor::Token("t".into()))
            .as_str(),
        "http://h/x/api/v2/batches?project_id=p&page_size=100&status=THROTTLED\
         &created_at_on_or_after=2026-11-30T00%3A00%3A00Z&page_token=t"
    );
}
