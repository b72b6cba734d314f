//! The parameter checks and the selection that the listings share.

use serde_json::{Value, json};

use super::collections::{Collection, Item};
use super::paging::{self, Query, Selection, fastapi_enum_error, fastapi_int_error, int_param};
use super::reply::Reply;

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

/// The offset a FastAPI listing's `page_token` stands for (0 without one),
/// or its 400 for a token this server never made.
pub(crate) fn page_offset(query: &Query) -> Result<u64, Reply> {
    match query.last("page_token").filter(|t| !t.is_empty()) {
        None => Ok(0),
        Some(token) => paging::token_offset(token)
            .ok_or_else(|| Reply::json(400, json!({"detail": "Invalid page token"}))),
    }
}
