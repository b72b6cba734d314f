//! Feldera: `GET /v0/pipelines/{pipeline_name}/completion_status?token=`,
//! and the token of an input connector
//! (`GET /v0/pipelines/{pipeline_name}/tables/{table_name}/connectors/{connector_name}/completion_token`).
//!
//! The state comes from the body's `status` whatever the 2xx code: the spec
//! says 202 for `inprogress`, real servers answer 200 for both.

use serde_json::Value;
use url::Url;

use super::endpoint::{endpoint, with_query};
use super::read::{as_count, status_field, str_field};
use crate::model::{Classified, State};

pub fn state_of(status: &str) -> Option<State> {
    Some(match status {
        "inprogress" => State::Running,
        "complete" => State::Succeeded,
        _ => return None,
    })
}

pub fn classify(body: &Value) -> Result<Classified, String> {
    let status = status_field(body)?;
    let details = as_count(body.get("step"))
        .map(|step| format!("step {step}"))
        .unwrap_or_default();
    Ok(Classified {
        state: state_of(&status),
        status: Some(status),
        details,
        ..Classified::default()
    })
}

/// `GET /v0/pipelines/{pipeline_name}/completion_status?token=`.
pub fn status_url(base: &Url, pipeline_name: &str, token: &str) -> Url {
    let url = endpoint(
        base,
        &["v0", "pipelines", pipeline_name, "completion_status"],
    );
    with_query(url, [("token", token)])
}

/// Where an input connector hands out a completion token.
pub fn token_url(base: &Url, pipeline_name: &str, table_name: &str, connector_name: &str) -> Url {
    endpoint(
        base,
        &[
            "v0",
            "pipelines",
            pipeline_name,
            "tables",
            table_name,
            "connectors",
            connector_name,
            "completion_token",
        ],
    )
}

/// The token of a CompletionTokenResponse.
pub fn read_token(body: &Value) -> Result<String, String> {
    match str_field(body, "token") {
        Some(token) if !token.is_empty() => Ok(token.to_owned()),
        _ => Err("the completion token response has no `token`".to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn statuses() {
        let state = |b| classify(&b).unwrap().state;
        assert_eq!(state(json!({"status": "inprogress"})), Some(State::Running));
        assert_eq!(
            state(json!({"status": "complete", "step": 7})),
            Some(State::Succeeded)
        );
        assert_eq!(state(json!({"status": "Complete"})), None);
        assert!(classify(&json!({"step": 1})).is_err());
    }

    #[test]
    fn connector_tokens() {
        let base = Url::parse("http://h:8080/").unwrap();
        assert_eq!(
            token_url(&base, "p", "T/1", "c.d").as_str(),
            "http://h:8080/v0/pipelines/p/tables/T%2F1/connectors/c.d/completion_token"
        );
        assert_eq!(read_token(&json!({"token": "abc"})).unwrap(), "abc");
        assert!(read_token(&json!({"token": ""})).is_err());
        assert!(read_token(&json!({})).is_err());
    }

    #[test]
    fn step_in_details() {
        let c = classify(&json!({"status": "complete", "step": 42})).unwrap();
        assert_eq!(c.details, "step 42");
        let c = classify(&json!({"status": "inprogress", "step": null})).unwrap();
        assert_eq!(c.details, "");
    }
}
