mod classify {
    use super::super::*;
    use serde_json::json;

    fn job(status: &str, extra: Value) -> Value {
        let mut job = json!({"id": "bjb-1", "job_type": "parse", "project_id": "p",
                             "status": status, "total_items": 10});
        if let (Some(job), Value::Object(extra)) = (job.as_object_mut(), extra) {
            job.extend(extra);
        }
        json!({"job": job, "progress_percentage": 50})
    }

    #[test]
    fn every_documented_status() {
        for (status, state) in [
            ("pending", State::Pending),
            ("dispatched", State::Pending),
            ("running", State::Running),
            ("completed", State::Succeeded),
            ("failed", State::Failed),
            ("cancelled", State::Cancelled),
        ] {
            assert_eq!(
                classify(&job(status, json!({}))).unwrap().state,
                Some(state)
            );
        }
        assert_eq!(classify(&job("paused", json!({}))).unwrap().state, None);
    }

    #[test]
    fn completed_with_failed_items_is_partial() {
        let c = classify(&job(
            "completed",
            json!({"failed_items": 2, "processed_items": 10}),
        ));
        let c = c.unwrap();
        assert_eq!(c.state, Some(State::Partial));
        assert_eq!(c.details, "parse · 10/10 items · 2 failed");
        let c = classify(&job("completed", json!({"failed_items": 0}))).unwrap();
        assert_eq!(c.state, Some(State::Succeeded));
    }

    #[test]
    fn counts_default_to_zero() {
        let c = classify(&job("running", json!({}))).unwrap();
        assert_eq!(
            c.progress,
            Some(Progress {
                percent: Some(50.0),
                done: Some(0),
                total: Some(10),
                failed: Some(0),
                skipped: Some(0),
            })
        );
    }

    #[test]
    fn malformed() {
        assert!(classify(&json!({"progress_percentage": 3})).is_err());
        assert!(classify(&json!({"job": []})).is_err());
        let err = classify(&json!({"job": {"id": "x"}})).unwrap_err();
        assert!(err.contains("job.status"), "{err}");
    }
}

mod listing_tests {
    use super::super::*;
    use serde_json::json;

    fn raw(v: Value) -> Box<RawValue> {
        serde_json::value::to_raw_value(&v).unwrap()
    }

    #[test]
    fn listed_jobs_are_classified_like_single_jobs() {
        let listing = Target::listing(&SERVICE, vec![("project_id", "p".into())]);
        assert_eq!(listing.label(), "p/*");
        assert_eq!(listing.to_json().to_string(), r#"{"project_id":"p"}"#);
        let item = json!({"id": "bjb-1", "status": "completed", "job_type": "parse",
                          "total_items": 10, "processed_items": 10, "failed_items": 1});
        let (target, c) = Batch.listed(&listing, &raw(item)).unwrap();
        assert_eq!(target.label(), "bjb-1");
        assert_eq!(target.option("project_id"), Some("p"));
        assert_eq!(c.state, Some(State::Partial));
        assert_eq!(c.progress.and_then(|p| p.percent), None);
        assert!(
            Batch
                .listed(&listing, &raw(json!({"status": "running"})))
                .is_err()
        );
        let err = Batch
            .listed(&listing, &raw(json!({"id": "x"})))
            .unwrap_err();
        assert!(err.contains("status"), "{err}");
    }

    #[test]
    fn urls_scope_and_page_by_offset() {
        let job =
            Target::new(&SERVICE, [("job_id", "j/1".into())]).with("project_id", Some("p".into()));
        let base = Url::parse("http://h/").unwrap();
        assert_eq!(
            JobItems::page_url(
                &Batch,
                &job,
                &base,
                Some("failed"),
                &Cursor::Offset(1000),
                PAGE_SIZE
            )
            .as_str(),
            "http://h/api/v1/beta/batch-processing/j%2F1/items?limit=1000&offset=1000&status=failed&project_id=p"
        );
        let job =
            Target::new(&SERVICE, [("job_id", "j".into())]).with("project_id", Some("p 1".into()));
        assert_eq!(
            Batch
                .url(
                    &job,
                    &Url::parse("https://api.cloud.llamaindex.ai").unwrap()
                )
                .as_str(),
            "https://api.cloud.llamaindex.ai/api/v1/beta/batch-processing/j?project_id=p+1"
        );
    }
}
