//! One list request as the list endpoints see it, and the parameter
//! checks and selection they share. Below the endpoints that use it, so
//! `listing` can dispatch to `batch_items` and `runs` without a cycle.

use std::time::Duration;

use serde_json::{Value, json};

use super::bodies::Clock;
use super::collections::{Collection, Item};
use super::paging::{self, Query, Selection, fastapi_enum_error, fastapi_int_error, int_param};
use super::reply::Reply;
use super::routing::Target;
use super::scenario::Scenario;

/// One list request, with what the handler knows of its key.
pub(crate) struct ListRequest<'a> {
    pub target: &'a Target,
    /// The key's scenario: the collection's, or for items the job's.
    pub scenario: &'a Scenario,
    /// `nostatus`: drop each item's status.
    pub strip_status: bool,
    /// `first_seen` is when the collection's timeline starts.
    pub clock: Clock,
    pub elapsed: Duration,
    pub query: Query,
    /// The raw path, for DRF's links.
    pub path: &'a str,
    /// The request's Host header, for DRF's links.
    pub host: &'a str,
    /// The jobs a v2 listing's `job_ids` names, each with its own clock.
    pub named: Vec<Named>,
}

/// A job named in `job_ids`, with its own key's time line.
pub(crate) struct Named {
    pub id: String,
    pub elapsed: Duration,
    pub clock: Clock,
}

/// FastAPI's 422 with every problem found.
pub(crate) fn unprocessable(problems: Vec<Value>) -> Reply {
    Reply::json(422, json!({"detail": problems}))
}

/// A single-valued enum parameter of a FastAPI endpoint.
pub(crate) fn enum_param<'q>(
    query: &'q Query,
    name: &str,
    allowed: &[&str],
    problems: &mut Vec<Value>,
) -> Option<&'q str> {
    let value = query.last(name)?;
    if allowed.contains(&value) {
        return Some(value);
    }
    problems.push(fastapi_enum_error(name, None, allowed, value));
    None
}

/// FastAPI's `limit` (1..=1000) and `offset` (>= 0).
pub(crate) fn int_params(query: &Query, default: u64, problems: &mut Vec<Value>) -> (u64, u64) {
    let limit = int_param(query, "limit", default, 1, Some(1000));
    let offset = int_param(query, "offset", 0, 0, None);
    (
        or_problem(limit, "limit", problems),
        or_problem(offset, "offset", problems),
    )
}

pub(crate) fn or_problem(
    checked: Result<u64, (paging::IntProblem, String)>,
    name: &str,
    problems: &mut Vec<Value>,
) -> u64 {
    checked.unwrap_or_else(|(problem, input)| {
        problems.push(fastapi_int_error(name, problem, &input));
        0
    })
}

pub(crate) fn strip(mut body: Value, strip_status: bool) -> Value {
    if let (true, Some(object)) = (strip_status, body.as_object_mut()) {
        object.shift_remove("status");
    }
    body
}

/// The matching items of `coll`, scanning only when there is a filter.
pub(crate) fn select(
    coll: &Collection,
    visible: u64,
    keep: Option<&dyn Fn(&Item) -> bool>,
) -> Selection {
    let Some(keep) = keep else {
        return Selection::prefix(visible);
    };
    let mut selection = Selection::default();
    for index in 0..visible {
        if keep(&coll.item(index)) {
            selection.push(index..index + 1);
        }
    }
    selection
}
