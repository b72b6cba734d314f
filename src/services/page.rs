//! Pages of the vendors' list endpoints: where the next page starts, and
//! the two ways they say it. LlamaCloud's files hand out a page token;
//! its batch listings and Clarifeye (Django REST framework) page by offset.

use serde_json::Value;

use super::read::as_count;

/// The most items one page may hold: every list endpoint's maximum, so a
/// poll of N items costs ceil(N / 1000) requests.
pub const PAGE_SIZE: u64 = 1000;

/// Where a page starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cursor {
    First,
    /// A page token from the previous page (opaque).
    Token(String),
    /// An offset into the listing.
    Offset(u64),
}

impl Cursor {
    /// The offset of an offset-paged listing (0 for the first page).
    pub fn offset(&self) -> u64 {
        match self {
            Cursor::Offset(at) => *at,
            _ => 0,
        }
    }
}

/// One page: its items as received, and where the next one starts.
#[derive(Debug, PartialEq)]
pub struct Page {
    pub items: Vec<Value>,
    pub next: Option<Cursor>,
    /// The size of the whole listing, when the server says.
    pub total: Option<u64>,
}

/// The page's item array under `field`, or what is wrong with it.
fn items(body: &Value, field: &str) -> Result<Vec<Value>, String> {
    match body.get(field) {
        Some(Value::Array(items)) => Ok(items.clone()),
        Some(other) if other.is_null() => Err(format!("`{field}` is null")),
        Some(_) => Err(format!("`{field}` is not a list")),
        None if body.is_object() => Err(format!("the page has no `{field}` list")),
        None => Err("the page is not a JSON object".to_owned()),
    }
}

/// A page that names the next one by token (`next_page_token`); a missing,
/// null or empty token ends the listing.
pub fn token_page(body: &Value, field: &str) -> Result<Page, String> {
    let items = items(body, field)?;
    let next = match body.get("next_page_token") {
        None | Some(Value::Null) => None,
        Some(Value::String(token)) if token.is_empty() => None,
        Some(Value::String(token)) => Some(Cursor::Token(token.clone())),
        Some(_) => return Err("`next_page_token` is not a string".to_owned()),
    };
    Ok(Page {
        items,
        next,
        total: as_count(body.get("total_size")),
    })
}

/// A page of a listing paged by `limit`/`offset`, starting at `at`: a
/// short or empty page is the last, and so is one that reaches the total
/// the server reports.
pub fn offset_page(body: &Value, field: &str, at: u64) -> Result<Page, String> {
    let items = items(body, field)?;
    let total = as_count(body.get("total_size")).or_else(|| as_count(body.get("count")));
    let end = at + items.len() as u64;
    let full = items.len() as u64 >= PAGE_SIZE;
    let next = (full && total.is_none_or(|total| end < total)).then_some(Cursor::Offset(end));
    Ok(Page { items, next, total })
}

/// A Django REST framework page (`count`, `next`, `results`) starting at
/// `at`. Its `next` link only says whether there is more: the next offset
/// is computed here, so a link with another host (a proxy's inside name)
/// never receives the key.
pub fn drf_page(body: &Value, at: u64) -> Result<Page, String> {
    let items = items(body, "results")?;
    let more = match body.get("next") {
        None | Some(Value::Null) => false,
        Some(Value::String(link)) => !link.is_empty(),
        Some(_) => return Err("`next` is not a link".to_owned()),
    };
    let end = at + items.len() as u64;
    let next = (more && !items.is_empty()).then_some(Cursor::Offset(end));
    Ok(Page {
        items,
        next,
        total: as_count(body.get("count")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn token_pages_end_without_a_token() {
        let page =
            token_page(&json!({"items": [1, 2], "next_page_token": "abc"}), "items").unwrap();
        assert_eq!(page.next, Some(Cursor::Token("abc".into())));
        for last in [
            json!({"items": []}),
            json!({"items": [], "next_page_token": null}),
            json!({"items": [], "next_page_token": ""}),
        ] {
            assert_eq!(token_page(&last, "items").unwrap().next, None);
        }
        assert!(token_page(&json!({"items": {}}), "items").is_err());
        assert!(token_page(&json!({"nope": []}), "items").is_err());
        assert!(token_page(&json!([]), "items").is_err());
        assert!(token_page(&json!({"items": [], "next_page_token": 3}), "items").is_err());
    }

    #[test]
    fn offset_pages_end_when_short_or_at_the_total() {
        let full: Vec<u64> = (0..PAGE_SIZE).collect();
        let page = offset_page(&json!({"items": full}), "items", 2000).unwrap();
        assert_eq!(page.next, Some(Cursor::Offset(3000)));
        let page = offset_page(&json!({"items": full, "total_size": 3000}), "items", 2000).unwrap();
        assert_eq!(page.next, None);
        let page = offset_page(&json!({"items": [1], "total_size": 9000}), "items", 0).unwrap();
        assert_eq!(page.next, None);
        assert_eq!(page.total, Some(9000));
    }

    #[test]
    fn drf_pages_follow_next_by_offset() {
        let body =
            json!({"count": 3, "next": "http://elsewhere/?limit=2&offset=2", "results": [1, 2]});
        assert_eq!(drf_page(&body, 0).unwrap().next, Some(Cursor::Offset(2)));
        let body = json!({"count": 3, "next": null, "results": [3]});
        assert_eq!(drf_page(&body, 2).unwrap().next, None);
        // A `next` with nothing on the page would never end.
        let body = json!({"count": 3, "next": "http://x/?offset=9", "results": []});
        assert_eq!(drf_page(&body, 9).unwrap().next, None);
        assert!(drf_page(&json!({"count": 1}), 0).is_err());
    }
}
