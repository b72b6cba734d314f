//! Building request URLs under a base URL.

use url::Url;

/// `base` with these path segments appended, each percent-encoded as one
/// segment: `a/b?c` never becomes extra path or query. The base's own path
/// (a proxy prefix) is kept; its query and fragment are not.
pub fn endpoint(base: &Url, segments: &[&str]) -> Url {
    let mut url = base.clone();
    url.set_query(None);
    url.set_fragment(None);
    // `path_segments_mut` only fails for cannot-be-a-base URLs, which
    // settings never accept as a base URL.
    if let Ok(mut path) = url.path_segments_mut() {
        path.pop_if_empty();
        path.extend(segments);
    }
    url
}

/// Append query pairs, leaving no bare `?` when there are none.
pub fn with_query<'a>(mut url: Url, pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Url {
    url.query_pairs_mut().extend_pairs(pairs);
    if url.query() == Some("") {
        url.set_query(None);
    }
    url
}
