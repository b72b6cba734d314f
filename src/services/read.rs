//! Reading vendor JSON leniently: every vendor's optional fields may be
//! null, missing or of an odd type, and none of that may hide the status.

use serde_json::Value;

/// The human message and vendor code in an error body, whichever vendor's
/// shape it has: `{"detail": ...}` (LlamaCloud, FastAPI), `{"error": ...}`
/// (Clarifeye), `{"message", "error_code"}` (Feldera).
pub fn error_message(body: &Value) -> (Option<String>, Option<String>) {
    let code = body
        .get("error_code")
        .and_then(Value::as_str)
        .map(str::to_owned);
    let message = ["message", "detail", "error"]
        .iter()
        .find_map(|field| body.get(*field))
        .and_then(describe);
    (message, code)
}

/// Text for a `detail`/`error` value: a string, or FastAPI's validation
/// list (`[{"loc": [...], "msg": "..."}]`), or compact JSON.
fn describe(value: &Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        Value::Array(items) => {
            let parts: Vec<String> = items
                .iter()
                .map(|item| match (item.get("loc"), item.get("msg")) {
                    (Some(Value::Array(loc)), Some(Value::String(msg))) => {
                        let loc: Vec<String> = loc
                            .iter()
                            .map(|p| p.as_str().map_or_else(|| p.to_string(), str::to_owned))
                            .collect();
                        format!("{}: {msg}", loc.join("."))
                    }
                    (_, Some(Value::String(msg))) => msg.clone(),
                    _ => describe(item).unwrap_or_default(),
                })
                .collect();
            Some(parts.join("; "))
        }
        Value::Object(map) => map
            .get("message")
            .or_else(|| map.get("msg"))
            .and_then(describe)
            .or_else(|| Some(value.to_string())),
        other => Some(other.to_string()),
    }
}

/// A JSON number as u64, accepting `3.0`; negative or fractional counts
/// are not counts.
pub fn as_count(value: Option<&Value>) -> Option<u64> {
    let value = value?;
    value.as_u64().or_else(|| {
        value
            .as_f64()
            .filter(|f| f.fract() == 0.0 && *f >= 0.0 && *f <= u64::MAX as f64)
            .map(|f| f as u64)
    })
}

/// A string field, or None when missing, null or not a string.
pub fn str_field<'a>(value: &'a Value, field: &str) -> Option<&'a str> {
    value.get(field).and_then(Value::as_str)
}

/// The `status` field every vendor has, or an error naming what is wrong.
pub fn status_field(value: &Value) -> Result<String, String> {
    match value.get("status") {
        Some(Value::String(s)) => Ok(s.clone()),
        Some(other) => Err(format!("`status` is not a string: {other}")),
        None if value.is_object() => Err("the response has no `status` field".to_owned()),
        None => Err("the response is not a JSON object".to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn vendor_error_bodies() {
        assert_eq!(
            error_message(&json!({"detail": "Pipeline not found"})),
            (Some("Pipeline not found".into()), None)
        );
        assert_eq!(
            error_message(&json!({"error": "Not found."})),
            (Some("Not found.".into()), None)
        );
        assert_eq!(
            error_message(
                &json!({"message": "gone", "error_code": "PipelineRestarted", "details": {}})
            ),
            (Some("gone".into()), Some("PipelineRestarted".into()))
        );
        assert_eq!(
            error_message(
                &json!({"detail": [{"loc": ["path", "pipeline_id"], "msg": "bad uuid"}]})
            ),
            (Some("path.pipeline_id: bad uuid".into()), None)
        );
        assert_eq!(error_message(&json!([1])), (None, None));
    }

    #[test]
    fn counts() {
        assert_eq!(as_count(Some(&json!(3))), Some(3));
        assert_eq!(as_count(Some(&json!(3.0))), Some(3));
        assert_eq!(as_count(Some(&json!(-1))), None);
        assert_eq!(as_count(Some(&json!(2.5))), None);
        assert_eq!(as_count(Some(&json!("3"))), None);
        assert_eq!(as_count(None), None);
    }
}
