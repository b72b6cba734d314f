//! Pages of the vendors' list endpoints: where the next page starts, and
//! the ways they say it. LlamaCloud's files hand out a page token; its
//! batch listings and Clarifeye (Django REST framework) page by offset;
//! Feldera lists every pipeline in one array.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

use serde::Deserialize;
use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use serde_json::value::RawValue;

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

/// One page: its items as received (each its raw JSON text), and where
/// the next one starts.
#[derive(Debug)]
pub struct Page {
    pub items: Vec<Box<RawValue>>,
    pub next: Option<Cursor>,
    /// The size of the whole listing, when the server says.
    pub total: Option<u64>,
    /// The body has no line breaks, so each item's text can go into a
    /// one-line envelope as it is.
    pub compact: bool,
}

/// What a page holds under its item field.
enum Items {
    List(Vec<Box<RawValue>>),
    Null,
    Other,
}

/// A page's top level, read in one pass: the item list only as far as
/// where each item begins and ends, the few other fields the paging needs
/// as values, everything else skipped. A 1000-item page is never built into
/// a value tree, nor scanned twice.
struct Fields {
    items: Option<Items>,
    values: HashMap<String, Value>,
}

/// Reads [`Fields`]: `items` is the name of the item list (`items`,
/// `results`), `keep` the other fields wanted.
struct FieldsSeed<'k> {
    items: &'k str,
    keep: &'k [&'k str],
}

impl<'de> DeserializeSeed<'de> for FieldsSeed<'_> {
    type Value = Fields;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Fields, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for FieldsSeed<'_> {
    type Value = Fields;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fields, A::Error> {
        let mut fields = Fields {
            items: None,
            values: HashMap::new(),
        };
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            if key == self.items {
                fields.items = Some(map.next_value::<ItemsValue>()?.0);
            } else if self.keep.contains(&key.as_ref()) {
                fields.values.insert(key.into_owned(), map.next_value()?);
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(fields)
    }
}

/// The item field's value: a list of raw items, null, or anything else.
struct ItemsValue(Items);

impl<'de> Deserialize<'de> for ItemsValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<ItemsValue, D::Error> {
        struct Any;
        impl<'de> Visitor<'de> for Any {
            type Value = Items;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list of items")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Items, A::Error> {
                let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1000));
                while let Some(item) = seq.next_element::<Box<RawValue>>()? {
                    items.push(item);
                }
                Ok(Items::List(items))
            }
            fn visit_unit<E>(self) -> Result<Items, E> {
                Ok(Items::Null)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Items, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Items::Other)
            }
            fn visit_bool<E>(self, _: bool) -> Result<Items, E> {
                Ok(Items::Other)
            }
            fn visit_i64<E>(self, _: i64) -> Result<Items, E> {
                Ok(Items::Other)
            }
            fn visit_u64<E>(self, _: u64) -> Result<Items, E> {
                Ok(Items::Other)
            }
            fn visit_f64<E>(self, _: f64) -> Result<Items, E> {
                Ok(Items::Other)
            }
            fn visit_str<E>(self, _: &str) -> Result<Items, E> {
                Ok(Items::Other)
            }
        }
        deserializer.deserialize_any(Any).map(ItemsValue)
    }
}

impl Fields {
    fn parse(body: &[u8], items: &str, keep: &[&str]) -> Result<Fields, String> {
        let mut de = serde_json::Deserializer::from_slice(body);
        let fields = FieldsSeed { items, keep }
            .deserialize(&mut de)
            .and_then(|fields| de.end().map(|()| fields))
            .map_err(|e| {
                // Well-formed JSON of another shape is a data error.
                if e.classify() == serde_json::error::Category::Data {
                    "the page is not a JSON object".to_owned()
                } else {
                    format!("the page is not JSON: {e}")
                }
            })?;
        Ok(fields)
    }

    /// The item list, or what is wrong with it.
    fn items(&mut self, field: &str) -> Result<Vec<Box<RawValue>>, String> {
        match self.items.take() {
            Some(Items::List(items)) => Ok(items),
            Some(Items::Null) => Err(format!("`{field}` is null")),
            Some(Items::Other) => Err(format!("`{field}` is not a list")),
            None => Err(format!("the page has no `{field}` list")),
        }
    }

    fn value(&self, field: &str) -> Option<&Value> {
        self.values.get(field)
    }

    fn count(&self, field: &str) -> Option<u64> {
        as_count(self.value(field))
    }
}

/// Whether a body has no line breaks (a compact one, as servers send).
fn compact(body: &[u8]) -> bool {
    !body.contains(&b'\n') && !body.contains(&b'\r')
}

/// A page that names the next one by token (`next_page_token`); a missing,
/// null or empty token ends the listing.
pub fn token_page(body: &[u8], field: &str) -> Result<Page, String> {
    let mut fields = Fields::parse(body, field, &["next_page_token", "total_size"])?;
    let items = fields.items(field)?;
    let next = match fields.value("next_page_token") {
        None | Some(Value::Null) => None,
        Some(Value::String(token)) if token.is_empty() => None,
        Some(Value::String(token)) => Some(Cursor::Token(token.clone())),
        Some(_) => return Err("`next_page_token` is not a string".to_owned()),
    };
    Ok(Page {
        items,
        next,
        total: fields.count("total_size"),
        compact: compact(body),
    })
}

/// A page of a listing paged by `limit`/`offset`, starting at `at`
/// (CONTRACT §13, §17). An empty page is the last. A full page always asks
/// for the next, whatever the reported size says (LlamaCloud's spec calls
/// `total_size` an estimate: a total of 1,000 over 1,500 jobs must not end
/// the listing at 1,000). Where the server reports the listing's size, the
/// listing also goes on until it is reached, however short the pages: a
/// server that caps its page size below our `limit` (DRF's `max_limit`, a
/// proxy) answers short pages that are not the last. A short page with no
/// total, or at it, is the last.
pub fn offset_page(body: &[u8], field: &str, at: u64) -> Result<Page, String> {
    let mut fields = Fields::parse(body, field, &["total_size", "count"])?;
    let items = fields.items(field)?;
    let total = fields.count("total_size").or_else(|| fields.count("count"));
    let end = at + items.len() as u64;
    let more = items.len() as u64 >= PAGE_SIZE || total.is_some_and(|total| end < total);
    let next = (more && !items.is_empty()).then_some(Cursor::Offset(end));
    Ok(Page {
        items,
        next,
        total,
        compact: compact(body),
    })
}

/// A listing that is one JSON array and no more (Feldera's
/// `GET /v0/pipelines`): every item at once, nothing to follow.
pub fn array_page(body: &[u8]) -> Result<Page, String> {
    let items: Vec<Box<RawValue>> = serde_json::from_slice(body).map_err(|e| {
        if serde_json::from_slice::<IgnoredAny>(body).is_ok() {
            "the listing is not a JSON array".to_owned()
        } else {
            format!("the listing is not JSON: {e}")
        }
    })?;
    Ok(Page {
        items,
        next: None,
        total: None,
        compact: compact(body),
    })
}

/// A Django REST framework page (`count`, `next`, `results`) starting at
/// `at`. Its `next` link only says whether there is more: the next offset
/// is computed here, so a link with another host (a proxy's inside name)
/// never receives the key. A `count` beyond this page says more as well,
/// and so does a full page (CONTRACT §13, §17); an empty page always ends
/// the listing.
pub fn drf_page(body: &[u8], at: u64) -> Result<Page, String> {
    let mut fields = Fields::parse(body, "results", &["next", "count"])?;
    let items = fields.items("results")?;
    let more = match fields.value("next") {
        None | Some(Value::Null) => false,
        Some(Value::String(link)) => !link.is_empty(),
        Some(_) => return Err("`next` is not a link".to_owned()),
    };
    let total = fields.count("count");
    let end = at + items.len() as u64;
    let full = items.len() as u64 >= PAGE_SIZE;
    let more = more || full || total.is_some_and(|total| end < total);
    let next = (more && !items.is_empty()).then_some(Cursor::Offset(end));
    Ok(Page {
        items,
        next,
        total,
        compact: compact(body),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn bytes(v: Value) -> Vec<u8> {
        v.to_string().into_bytes()
    }

    #[test]
    fn an_array_is_one_page_of_everything() {
        let page = array_page(br#"[{"name": "a"}, 2]"#).unwrap();
        let raw: Vec<&str> = page.items.iter().map(|i| i.get()).collect();
        assert_eq!(raw, [r#"{"name": "a"}"#, "2"]);
        assert_eq!((page.next, page.total, page.compact), (None, None, true));
        assert!(array_page(b"[]").unwrap().items.is_empty());
        assert!(!array_page(b"[\n1\n]").unwrap().compact);
        assert_eq!(
            array_page(br#"{"items": []}"#).unwrap_err(),
            "the listing is not a JSON array"
        );
        assert!(array_page(b"[1,").unwrap_err().contains("not JSON"));
    }

    #[test]
    fn token_pages_end_without_a_token() {
        let body = bytes(json!({"items": [1, {"a": [2]}], "next_page_token": "abc"}));
        let page = token_page(&body, "items").unwrap();
        assert_eq!(page.next, Some(Cursor::Token("abc".into())));
        let raw: Vec<&str> = page.items.iter().map(|i| i.get()).collect();
        assert_eq!(raw, ["1", r#"{"a":[2]}"#]);
        for last in [
            json!({"items": []}),
            json!({"items": [], "next_page_token": null}),
            json!({"items": [], "next_page_token": ""}),
        ] {
            assert_eq!(token_page(&bytes(last), "items").unwrap().next, None);
        }
        let err = |v: Value| token_page(&bytes(v), "items").unwrap_err();
        assert_eq!(err(json!({"items": {}})), "`items` is not a list");
        assert_eq!(err(json!({"items": null})), "`items` is null");
        assert_eq!(err(json!({"nope": []})), "the page has no `items` list");
        assert_eq!(err(json!([])), "the page is not a JSON object");
        assert_eq!(
            err(json!({"items": [], "next_page_token": 3})),
            "`next_page_token` is not a string"
        );
        assert!(
            token_page(b"{\"items\": [", "items")
                .unwrap_err()
                .contains("not JSON")
        );
    }

    #[test]
    fn offset_pages_end_when_empty_or_at_the_total() {
        let full: Vec<u64> = (0..PAGE_SIZE).collect();
        let page = offset_page(&bytes(json!({"items": full})), "items", 2000).unwrap();
        assert_eq!(page.next, Some(Cursor::Offset(3000)));
        // A full page asks for the next, even at the reported total (an
        // estimate): the empty page after it ends the listing.
        let page = offset_page(
            &bytes(json!({"items": full, "total_size": 3000})),
            "items",
            2000,
        )
        .unwrap();
        assert_eq!(page.next, Some(Cursor::Offset(3000)));
        let page = offset_page(
            &bytes(json!({"items": full, "total_size": 1000})),
            "items",
            0,
        )
        .unwrap();
        assert_eq!(page.next, Some(Cursor::Offset(1000)));
        // A capped page (500 of the 1000 asked) is not the last while the
        // total says more remain.
        let capped: Vec<u64> = (0..500).collect();
        let page = offset_page(
            &bytes(json!({"items": capped, "total_size": 1500})),
            "items",
            500,
        )
        .unwrap();
        assert_eq!(page.next, Some(Cursor::Offset(1000)));
        assert_eq!(page.total, Some(1500));
        let page = offset_page(
            &bytes(json!({"items": capped, "count": 1000})),
            "items",
            500,
        );
        assert_eq!(page.unwrap().next, None);
        // With no total, a short page is the last; an empty one always is.
        let page = offset_page(&bytes(json!({"items": capped})), "items", 0).unwrap();
        assert_eq!(page.next, None);
        let page = offset_page(&bytes(json!({"items": [], "total_size": 9000})), "items", 0);
        assert_eq!(page.unwrap().next, None);
    }

    #[test]
    fn drf_pages_follow_next_by_offset() {
        let body = bytes(
            json!({"count": 3, "next": "http://elsewhere/?limit=2&offset=2", "results": [1, 2]}),
        );
        assert_eq!(drf_page(&body, 0).unwrap().next, Some(Cursor::Offset(2)));
        let body = bytes(json!({"count": 3, "next": null, "results": [3]}));
        assert_eq!(drf_page(&body, 2).unwrap().next, None);
        // A `next` with nothing on the page would never end.
        let body = bytes(json!({"count": 3, "next": "http://x/?offset=9", "results": []}));
        assert_eq!(drf_page(&body, 9).unwrap().next, None);
        // A count beyond this page says more, even without a link.
        let body = bytes(json!({"count": 3, "next": null, "results": [1]}));
        assert_eq!(drf_page(&body, 0).unwrap().next, Some(Cursor::Offset(1)));
        // A full page asks for the next, whatever count and next say.
        let full: Vec<u64> = (0..PAGE_SIZE).collect();
        let body = bytes(json!({"count": 1000, "next": null, "results": full}));
        assert_eq!(drf_page(&body, 0).unwrap().next, Some(Cursor::Offset(1000)));
        assert!(drf_page(&bytes(json!({"count": 1})), 0).is_err());
    }
}
