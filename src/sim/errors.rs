//! The vendors' error bodies.

use serde_json::{Value, json};

use super::bodies::with_escape;
use super::routing::{List, Service, Target, Vendor};

/// The vendor's error body for an HTTP status.
pub(crate) fn error_body(
    service: Service,
    status: u16,
    target: Option<&Target>,
    escape: bool,
) -> Value {
    let key = target.map(|t| t.id()).unwrap_or("");
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
    match service.vendor() {
        Vendor::Llama if status == 422 => {
            // FastAPI's answer to an identifier that is not a UUID.
            let (place, param) = match service {
                Service::LlamaPipeline | Service::List(List::Files | List::Counts) => {
                    ("path", "pipeline_id")
                }
                Service::LlamaFile => ("path", "file_id"),
                Service::List(List::Jobs | List::V2(_)) => ("query", "project_id"),
                _ => ("path", "job_id"),
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
            let pipeline = target.and_then(|t| t.parent.as_deref()).unwrap_or("");
            let (message, details) = match status {
                404 if service == Service::Connector => (
                    format!("Unknown input connector '{key}' in pipeline '{pipeline}'"),
                    json!({"pipeline_name": pipeline, "endpoint_name": key}),
                ),
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
            let code = match (service, status) {
                (Service::Connector, 404) => "UnknownInputEndpoint",
                _ => feldera_code,
            };
            json!({"message": with_escape(&message, escape), "error_code": code, "details": details})
        }
    }
}

/// The body for a path that is no simulated endpoint.
pub(crate) fn not_found_body(path: &str) -> Value {
    json!({"error": "not_found", "message": "no simulated endpoint at this path", "path": path})
}
