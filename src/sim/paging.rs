//! Query strings and pages, as the vendors' frameworks read and write them:
//! FastAPI (LlamaCloud: 422 with a `detail` list, opaque page tokens) and
//! Django REST framework (Clarifeye: 400, limit/offset with `next` links).
//!
//! Pure functions: nothing here may panic on what a client sends.

use std::ops::Range;

use percent_encoding::percent_decode;
use serde_json::{Value, json};

/// A query string decoded as both frameworks do (`parse_qsl`): pairs split
/// on `&`, names and values form-decoded (`+` is a space), invalid UTF-8
/// replaced by U+FFFD rather than refused, so it fails validation where a
/// value is checked and matches nothing where it is free text.
#[derive(Clone, Debug, Default)]
pub(crate) struct Query {
    pairs: Vec<(String, String)>,
}

impl Query {
    pub(crate) fn parse(raw: Option<&str>) -> Query {
        let pairs = raw
            .unwrap_or("")
            .split('&')
            .filter(|pair| !pair.is_empty())
            .map(|pair| {
                let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
                (form_decode(name), form_decode(value))
            })
            .collect();
        Query { pairs }
    }

    /// The last value of a repeated parameter: what both frameworks take
    /// for a single-valued one.
    pub(crate) fn last(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Every value of a parameter, in order (`statuses=A&statuses=B`).
    pub(crate) fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.pairs
            .iter()
            .filter(move |(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

fn form_decode(raw: &str) -> String {
    let spaced = raw.replace('+', " ");
    String::from_utf8_lossy(&percent_decode(spaced.as_bytes()).collect::<Vec<u8>>()).into_owned()
}

/// Why an integer parameter was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum IntProblem {
    NotAnInteger,
    Below(i64),
    Above(i64),
}

/// An integer query parameter: `default` when absent, else within
/// `min..=max`. Numbers too long for any integer type count as huge (or
/// hugely negative), so they fail the bound instead of the parse.
pub(crate) fn int_param(
    query: &Query,
    name: &str,
    default: u64,
    min: i64,
    max: Option<i64>,
) -> Result<u64, (IntProblem, String)> {
    let Some(raw) = query.last(name) else {
        return Ok(default);
    };
    let problem = |p| Err((p, raw.to_string()));
    let Some(n) = parse_int(raw) else {
        return problem(IntProblem::NotAnInteger);
    };
    if n < i128::from(min) {
        return problem(IntProblem::Below(min));
    }
    if let Some(max) = max.filter(|&max| n > i128::from(max)) {
        return problem(IntProblem::Above(max));
    }
    Ok(u64::try_from(n).unwrap_or(u64::MAX))
}

/// An optional sign and ASCII digits, with blanks around (as Python's
/// `int()` reads them); saturating instead of overflowing.
fn parse_int(raw: &str) -> Option<i128> {
    let s = raw.trim_matches(|c: char| c.is_ascii_whitespace());
    let (negative, digits) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let magnitude = digits.bytes().fold(0i128, |n, b| {
        n.saturating_mul(10).saturating_add(i128::from(b - b'0'))
    });
    Some(if negative { -magnitude } else { magnitude })
}

/// One entry of FastAPI's 422 `detail` list for a query parameter.
pub(crate) fn fastapi_int_error(name: &str, problem: IntProblem, input: &str) -> Value {
    let (kind, msg, ctx) = match problem {
        IntProblem::NotAnInteger => (
            "int_parsing",
            "Input should be a valid integer, unable to parse string as an integer".to_string(),
            None,
        ),
        IntProblem::Below(min) => (
            "greater_than_equal",
            format!("Input should be greater than or equal to {min}"),
            Some(json!({"ge": min})),
        ),
        IntProblem::Above(max) => (
            "less_than_equal",
            format!("Input should be less than or equal to {max}"),
            Some(json!({"le": max})),
        ),
    };
    let mut entry = json!({"type": kind, "loc": ["query", name], "msg": msg, "input": input});
    if let (Some(ctx), Some(object)) = (ctx, entry.as_object_mut()) {
        object.insert("ctx".to_string(), ctx);
    }
    entry
}

/// FastAPI's 422 entry for a value outside an enum; `item` is the index
/// within a repeated (list) parameter.
pub(crate) fn fastapi_enum_error(
    name: &str,
    item: Option<usize>,
    allowed: &[&str],
    input: &str,
) -> Value {
    let quoted: Vec<String> = allowed.iter().map(|a| format!("'{a}'")).collect();
    let expected = match quoted.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    };
    let mut loc = vec![json!("query"), json!(name)];
    loc.extend(item.map(|i| json!(i)));
    // A repeated parameter's items are Literal values, a single one an Enum.
    let kind = if item.is_some() {
        "literal_error"
    } else {
        "enum"
    };
    json!({
        "type": kind,
        "loc": loc,
        "msg": format!("Input should be {expected}"),
        "input": input,
        "ctx": {"expected": expected},
    })
}

/// What DRF-style endpoints answer for a limit or offset that is no good.
pub(crate) fn drf_int_message(name: &str, problem: IntProblem) -> String {
    match problem {
        IntProblem::NotAnInteger => format!("Invalid {name}: must be an integer."),
        IntProblem::Below(min) => format!("Invalid {name}: must be at least {min}."),
        IntProblem::Above(max) => format!("Invalid {name}: must be at most {max}."),
    }
}

/// Salt of page tokens, so they are not the plain offset.
const TOKEN_SALT: u64 = 0x6a09_e667_f3bc_c908;

/// An opaque page token for an offset into a listing; the same offset
/// always gives the same token.
pub(crate) fn page_token(offset: u64) -> String {
    let body = offset ^ TOKEN_SALT;
    format!("pt1.{body:016x}{:04x}", token_check(body))
}

/// The offset a token stands for; `None` for a token this server never made.
pub(crate) fn token_offset(token: &str) -> Option<u64> {
    let hex = token.strip_prefix("pt1.")?;
    if hex.len() != 20 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let body = u64::from_str_radix(hex.get(..16)?, 16).ok()?;
    let check = u16::from_str_radix(hex.get(16..)?, 16).ok()?;
    (check == token_check(body)).then_some(body ^ TOKEN_SALT)
}

fn token_check(body: u64) -> u16 {
    let mixed = body.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (mixed >> 48) as u16
}

/// DRF's link to a page: `http://<host><path>?limit=L&offset=O&status=S`,
/// parameters sorted as DRF's `replace_query_param` leaves them; without
/// `offset` for a previous page that starts at 0.
pub(crate) fn drf_link(
    host: &str,
    path: &str,
    limit: u64,
    offset: Option<u64>,
    status: Option<&str>,
) -> String {
    let mut url = format!("http://{host}{path}?limit={limit}");
    if let Some(offset) = offset {
        url.push_str(&format!("&offset={offset}"));
    }
    if let Some(status) = status {
        let encoded: String = url::form_urlencoded::byte_serialize(status.as_bytes()).collect();
        url.push_str(&format!("&status={encoded}"));
    }
    url
}

/// The items of a listing that match its filters: runs of item indices, in
/// listing order, possibly read from the end (newest first).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Selection {
    runs: Vec<Range<u64>>,
    /// Number of selected items before each run.
    before: Vec<u64>,
    len: u64,
    descending: bool,
}

impl Selection {
    /// Items `0..n`, in order.
    pub(crate) fn prefix(n: u64) -> Selection {
        let mut s = Selection::default();
        s.push(0..n);
        s
    }

    /// Add a run of indices after the ones already there; runs that touch merge.
    pub(crate) fn push(&mut self, run: Range<u64>) {
        if run.is_empty() {
            return;
        }
        self.len += run.end - run.start;
        match self.runs.last_mut() {
            Some(last) if last.end == run.start => last.end = run.end,
            _ => {
                self.before.push(self.len - (run.end - run.start));
                self.runs.push(run);
            }
        }
    }

    /// Read from the last index to the first.
    pub(crate) fn descending(mut self) -> Selection {
        self.descending = true;
        self
    }

    pub(crate) fn len(&self) -> u64 {
        self.len
    }

    /// The index at position `pos` of the listing.
    pub(crate) fn nth(&self, pos: u64) -> Option<u64> {
        if pos >= self.len {
            return None;
        }
        let k = if self.descending {
            self.len - 1 - pos
        } else {
            pos
        };
        let run = self.before.partition_point(|&b| b <= k).checked_sub(1)?;
        Some(self.runs.get(run)?.start + (k - self.before.get(run)?))
    }

    /// The indices of one page: `limit` positions from `offset`; with
    /// `wrap` (an endless listing) positions wrap around, so the page is full.
    pub(crate) fn page(&self, offset: u64, limit: u64, wrap: bool) -> Vec<u64> {
        if self.len == 0 {
            return Vec::new();
        }
        let count = if wrap {
            limit
        } else {
            limit.min(self.len.saturating_sub(offset))
        };
        (0..count)
            .filter_map(|k| {
                let pos = if wrap {
                    // In u128: offset % len + k may pass u64::MAX for a huge len.
                    let pos =
                        (u128::from(offset % self.len) + u128::from(k)) % u128::from(self.len);
                    u64::try_from(pos).unwrap_or(0)
                } else {
                    offset + k
                };
                self.nth(pos)
            })
            .collect()
    }
}
