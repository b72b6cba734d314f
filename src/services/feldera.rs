//! Feldera: `GET /v0/pipelines/{pipeline_name}/completion_status?token=`.
//!
//! The state comes from the body's `status` whatever the 2xx code: the spec
//! says 202 for `inprogress`, real servers answer 200 for both.

use serde_json::Value;

use super::read::{as_count, status_field};
use crate::status::{Classified, State};

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
    fn step_in_details() {
        let c = classify(&json!({"status": "complete", "step": 42})).unwrap();
        assert_eq!(c.details, "step 42");
        let c = classify(&json!({"status": "inprogress", "step": null})).unwrap();
        assert_eq!(c.details, "");
    }
}
