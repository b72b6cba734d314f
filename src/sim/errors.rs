//! The vendors' error bodies.

use serde_json::{Value, json};

use super::api::{Key, Target, Vendor};
use super::bodies::with_escape;

/// The error body for an HTTP status: the endpoint's own, else its vendor's.
/// `target` names the endpoint (its key empty when none was read).
pub(crate) fn error_body(target: &Target, status: u16, escape: bool) -> Value {
    if let Some(own) = (target.endpoint.error_body)(status, target, escape) {
        return own;
    }
    let key = target.id();
    let (text, feldera_code) = match status {
        400 => ("Invalid request", "InvalidParam"),
        401 => (
            "Authentication credentials were not provided or are invalid.",
            "Unauthorized",
        ),
        403 => (
            "You do not have permission to perform this action.",
            "Forbidden",
        ),
        404 => ("Not found.", "UnknownPipelineName"),
        405 => ("Method not allowed.", "MethodNotAllowed"),
        409 => ("Conflicting request, try again.", "Conflict"),
        410 => ("Gone.", "PipelineRestarted"),
        418 => ("I'm a teapot.", "Teapot"),
        422 => ("Unprocessable request.", "InvalidParam"),
        429 => ("Too many requests, slow down.", "TooManyRequests"),
        500 => ("Internal server error.", "UnknownInternalError"),
        503 => (
            "Service temporarily unavailable.",
            "PipelineInteractionUnreachable",
        ),
        _ => ("Request failed.", "UnknownError"),
    };
    let message = with_escape(text, escape);
    match target.vendor() {
        Vendor::Llama if status == 422 => {
            // FastAPI's answer to an identifier that is not a UUID: where the key is.
            let (place, param) = match target.endpoint.key {
                Key::Path(names) => ("path", names.last().copied().unwrap_or_default()),
                Key::Query(name) | Key::QueryOr(name, _) => ("query", name),
            };
            json!({"detail": [{
                "loc": [place, param],
                "msg": with_escape("Input should be a valid UUID", escape),
                "type": "uuid_parsing",
                "input": key,
            }]})
        }
        Vendor::Llama => json!({"detail": message}),
        Vendor::Clarifeye => json!({"error": message}),
        Vendor::Feldera => {
            let pipeline = target.parent.as_deref().unwrap_or("");
            let (message, details) = match status {
                404 => (
                    format!("Unknown pipeline name '{pipeline}'"),
                    json!({"pipeline_name": pipeline}),
                ),
                410 => (
                    "Completion token was created by a previous incarnation of the pipeline"
                        .to_string(),
                    json!({"pipeline_name": pipeline}),
                ),
                400 => (
                    "Invalid completion token".to_string(),
                    json!({"param": "token"}),
                ),
                _ => (text.to_string(), json!({})),
            };
            json!({"message": with_escape(&message, escape), "error_code": feldera_code, "details": details})
        }
    }
}

/// The body for a path that is no simulated endpoint.
pub(crate) fn not_found_body(path: &str) -> Value {
    json!({"error": "not_found", "message": "no simulated endpoint at this path", "path": path})
}
