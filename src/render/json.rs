//! The JSON envelope of CONTRACT §4: one object per target per line, fields
//! in the documented order, the vendor body passed through unchanged.

use std::time::SystemTime;

use serde::Serialize;
use serde_json::value::RawValue;
use serde_json::{Map, Value, json};

use crate::model::{Progress, Snapshot};

/// The envelope's fields, in the documented order. The response is its
/// received text, embedded as is.
#[derive(Serialize)]
struct Envelope<'a> {
    service: &'static str,
    target: Value,
    state: &'static str,
    status: Option<&'a str>,
    terminal: bool,
    progress: Option<Value>,
    observed_at: String,
    response: Option<&'a RawValue>,
    error: Option<Value>,
    /// The attachments that go into the envelope (`items`, `files`,
    /// `stats`), after the documented fields, in the snapshot's order.
    #[serde(flatten)]
    attached: Map<String, Value>,
}

fn fields(snapshot: &Snapshot) -> Envelope<'_> {
    Envelope {
        service: snapshot.target.service(),
        target: snapshot.target.to_json(),
        state: snapshot.state.as_str(),
        status: snapshot.status.as_deref(),
        terminal: snapshot.state.is_terminal(),
        progress: snapshot.progress.as_ref().map(progress),
        observed_at: timestamp(snapshot.observed_at),
        response: snapshot.response.as_deref(),
        error: snapshot.error.as_ref().map(|e| {
            json!({
                "kind": e.kind.as_str(),
                "http_status": e.http_status,
                "code": e.code,
                "message": e.message,
            })
        }),
        attached: snapshot
            .attachments
            .iter()
            .filter_map(|a| Some((a.field.to_owned(), a.json.clone()?)))
            .collect(),
    }
}

/// One envelope as one line (no trailing newline).
pub fn line(snapshot: &Snapshot) -> String {
    // Serializing these fields cannot fail: every map key is a string.
    serde_json::to_string(&fields(snapshot)).unwrap_or_default()
}

/// One envelope as a JSON value.
pub fn envelope(snapshot: &Snapshot) -> Value {
    serde_json::to_value(fields(snapshot)).unwrap_or(Value::Null)
}

fn progress(p: &Progress) -> Value {
    // Two decimals are plenty for a percentage and keep 1/3 readable.
    let percent = p.percent.map(|v| (v * 100.0).round() / 100.0);
    json!({
        "percent": percent,
        "done": p.done,
        "total": p.total,
        "failed": p.failed,
        "skipped": p.skipped,
    })
}

/// RFC 3339, UTC, whole seconds: `2026-11-22T10:00:00Z`.
pub fn timestamp(at: SystemTime) -> String {
    humantime::format_rfc3339_seconds(at).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ErrorKind, TargetError};
    use crate::services::classify;
    use std::time::Duration;

    fn at() -> SystemTime {
        SystemTime::UNIX_EPOCH + Duration::from_secs(1_795_341_600)
    }

    #[test]
    fn field_order_and_passthrough() {
        let body: Value =
            serde_json::from_str(r#"{"z":1,"status":"IN_PROGRESS","a":[1.50,{"y":null,"b":2}],"big":123456789012345678901234567890}"#)
                .unwrap();
        let target =
            crate::services::example_target("llama.pipeline", &[("pipeline_id", "p1")]).unwrap();
        let c = classify(&target, &body).unwrap();
        let mut snap = Snapshot::from_classified(target, &body, c);
        snap.observed_at = at();
        insta::assert_snapshot!(line(&snap), @r#"{"service":"llama.pipeline","target":{"pipeline_id":"p1"},"state":"running","status":"IN_PROGRESS","terminal":false,"progress":null,"observed_at":"2026-11-22T10:00:00Z","response":{"z":1,"status":"IN_PROGRESS","a":[1.50,{"y":null,"b":2}],"big":123456789012345678901234567890},"error":null}"#);
    }

    #[test]
    fn error_envelope_keeps_its_line() {
        let target = crate::services::example_target(
            "feldera.token",
            &[("pipeline_name", "p"), ("token", "t")],
        )
        .unwrap();
        let body = json!({"message": "gone", "error_code": "PipelineRestarted", "details": {}});
        let mut snap = Snapshot::from_error(
            target,
            Some(&body),
            TargetError {
                kind: ErrorKind::Gone,
                http_status: Some(410),
                code: Some("PipelineRestarted".into()),
                message: "HTTP 410 Gone: gone".into(),
            },
        );
        snap.observed_at = at();
        insta::assert_snapshot!(line(&snap), @r#"{"service":"feldera.token","target":{"pipeline_name":"p","token":"t"},"state":"unknown","status":null,"terminal":false,"progress":null,"observed_at":"2026-11-22T10:00:00Z","response":{"message":"gone","error_code":"PipelineRestarted","details":{}},"error":{"kind":"gone","http_status":410,"code":"PipelineRestarted","message":"HTTP 410 Gone: gone"}}"#);
    }

    /// Attachments follow `error`, in the snapshot's order; one without
    /// JSON (items shown unasked) stays out.
    #[test]
    fn attachments_are_fields_after_error() {
        use crate::model::Attachment;
        let target =
            crate::services::example_target("llama.pipeline", &[("pipeline_id", "p1")]).unwrap();
        let body = json!({"status": "SUCCESS"});
        let c = classify(&target, &body).unwrap();
        let mut snap = Snapshot::from_classified(target, &body, c);
        snap.observed_at = at();
        for (field, value) in [
            ("files", Some(json!([{"a": 1}]))),
            ("hidden", None),
            ("stats", serde_json::from_str(r#"{"b": 2.50}"#).ok()),
        ] {
            snap.attach(Attachment {
                field,
                json: value,
                table: None,
            });
        }
        insta::assert_snapshot!(line(&snap), @r#"{"service":"llama.pipeline","target":{"pipeline_id":"p1"},"state":"succeeded","status":"SUCCESS","terminal":true,"progress":null,"observed_at":"2026-11-22T10:00:00Z","response":{"status":"SUCCESS"},"error":null,"files":[{"a":1}],"stats":{"b":2.50}}"#);
        assert!(envelope(&snap)["stats"]["b"].is_number());
    }

    #[test]
    fn progress_fields() {
        let p = Progress {
            percent: Some(100.0 / 3.0),
            done: Some(1),
            total: Some(3),
            failed: Some(0),
            skipped: None,
        };
        assert_eq!(
            progress(&p).to_string(),
            r#"{"percent":33.33,"done":1,"total":3,"failed":0,"skipped":null}"#
        );
    }
}
