//! Turning a [`Reply`] into an HTTP response, including the lazily generated huge body.

use std::convert::Infallible;
use std::pin::Pin;
use std::task::{Context, Poll};

use bytes::Bytes;
use hyper::body::{Body, Frame, SizeHint};
use hyper::header::{CONTENT_LENGTH, CONTENT_TYPE, HeaderName, HeaderValue, LOCATION};
use hyper::{Response, StatusCode};

use super::reply::Reply;

/// The error a handler returns to make hyper drop the connection unanswered.
#[derive(Debug)]
pub(crate) struct ResetConnection;

impl std::fmt::Display for ResetConnection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("simulated connection reset")
    }
}

impl std::error::Error for ResetConnection {}

/// Serve `reply`: wait out stalls, then build the response, or reset.
pub(crate) async fn respond(
    mut reply: Reply,
    port: u16,
) -> Result<Response<SimBody>, ResetConnection> {
    loop {
        let (status, body, content_type, headers) = match reply {
            Reply::Stall { delay, then } => {
                tokio::time::sleep(delay).await;
                reply = *then;
                continue;
            }
            Reply::Reset => return Err(ResetConnection),
            Reply::Json {
                status,
                body,
                headers,
            } => {
                // Serializing a Value cannot fail (its map keys are strings).
                let bytes = serde_json::to_vec(&body).unwrap_or_default();
                let body = SimBody::Full(Some(Bytes::from(bytes)));
                (status, body, Some("application/json".to_string()), headers)
            }
            Reply::Raw {
                status,
                content_type,
                body,
                headers,
            } => (
                status,
                SimBody::Full(Some(body)),
                Some(content_type),
                headers,
            ),
            Reply::Huge {
                bytes,
                content_length,
            } => {
                let mut headers = Vec::new();
                if content_length {
                    headers.push((CONTENT_LENGTH.to_string(), bytes.to_string()));
                }
                let body = SimBody::Huge(HugeBody::new(bytes, content_length));
                (200, body, Some("application/json".to_string()), headers)
            }
            Reply::Redirect { status, location } => {
                let location = location.replace("{port}", &port.to_string());
                let headers = vec![(LOCATION.to_string(), location)];
                (status, SimBody::Full(None), None, headers)
            }
        };
        return Ok(build(status, body, content_type, headers));
    }
}

/// Assemble a response; an invalid status becomes 500 and invalid headers are
/// skipped, because a test's typo must not panic the server.
fn build(
    status: u16,
    body: SimBody,
    content_type: Option<String>,
    headers: Vec<(String, String)>,
) -> Response<SimBody> {
    let mut response = Response::new(body);
    *response.status_mut() = match StatusCode::from_u16(status) {
        Ok(code) if status >= 200 => code,
        _ => StatusCode::INTERNAL_SERVER_ERROR,
    };
    let map = response.headers_mut();
    if let Some(value) = content_type.and_then(|v| HeaderValue::from_str(&v).ok()) {
        map.insert(CONTENT_TYPE, value);
    }
    for (name, value) in headers {
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_str(&value),
        ) {
            map.append(name, value);
        }
    }
    response
}

/// A response body: whole, or generated chunk by chunk.
pub(crate) enum SimBody {
    Full(Option<Bytes>),
    Huge(HugeBody),
}

impl Body for SimBody {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        let chunk = match self.get_mut() {
            SimBody::Full(bytes) => bytes.take().filter(|b| !b.is_empty()),
            SimBody::Huge(huge) => huge.next_chunk(),
        };
        Poll::Ready(chunk.map(|c| Ok(Frame::data(c))))
    }

    fn is_end_stream(&self) -> bool {
        match self {
            SimBody::Full(bytes) => bytes.as_ref().is_none_or(|b| b.is_empty()),
            SimBody::Huge(huge) => huge.remaining == 0,
        }
    }

    fn size_hint(&self) -> SizeHint {
        match self {
            SimBody::Full(bytes) => {
                SizeHint::with_exact(bytes.as_ref().map_or(0, |b| b.len() as u64))
            }
            // Not exact without Content-Length, so hyper sends it chunked.
            SimBody::Huge(huge) if huge.content_length => SizeHint::with_exact(huge.remaining),
            SimBody::Huge(_) => SizeHint::default(),
        }
    }
}

/// The start of the huge body: it parses as the beginning of a status object.
const HUGE_PREFIX: &[u8] = br#"{"status":"IN_PROGRESS","padding":""#;
/// The filler, shared by every chunk so nothing big is ever allocated.
static FILLER: [u8; 64 * 1024] = [b'x'; 64 * 1024];

/// `remaining` more bytes of a JSON-looking prefix followed by filler.
pub(crate) struct HugeBody {
    remaining: u64,
    sent_prefix: bool,
    content_length: bool,
}

impl HugeBody {
    fn new(bytes: u64, content_length: bool) -> HugeBody {
        HugeBody {
            remaining: bytes,
            sent_prefix: false,
            content_length,
        }
    }

    fn next_chunk(&mut self) -> Option<Bytes> {
        if self.remaining == 0 {
            return None;
        }
        let source: &'static [u8] = if self.sent_prefix {
            &FILLER
        } else {
            HUGE_PREFIX
        };
        self.sent_prefix = true;
        let n = source
            .len()
            .min(usize::try_from(self.remaining).unwrap_or(usize::MAX));
        self.remaining -= n as u64;
        Some(Bytes::from_static(&source[..n]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn huge_body_has_exactly_the_requested_length() {
        for len in [0, 3, 36, 64 * 1024 + 100, 300_000] {
            let mut body = HugeBody::new(len, false);
            let mut total = 0u64;
            let mut first = None;
            while let Some(chunk) = body.next_chunk() {
                first.get_or_insert_with(|| chunk.clone());
                total += chunk.len() as u64;
            }
            assert_eq!(total, len);
            if len > 10 {
                assert!(first.unwrap().starts_with(b"{\"status\""));
            }
        }
    }

    #[test]
    fn bad_status_and_headers_do_not_panic() {
        let r = build(
            42,
            SimBody::Full(None),
            Some("\n".into()),
            vec![("bad name".into(), "v".into())],
        );
        assert_eq!(r.status(), 500);
        assert!(r.headers().is_empty());
    }
}
