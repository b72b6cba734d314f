//! The canned answers a test scripts for a key.

use std::time::Duration;

use bytes::Bytes;

/// A canned answer for [`Server::script`].
#[derive(Clone, Debug)]
pub enum Reply {
    /// A JSON body (`Content-Type: application/json`).
    Json {
        status: u16,
        body: serde_json::Value,
        headers: Vec<(String, String)>,
    },
    /// Any body with the given content type.
    Raw {
        status: u16,
        content_type: String,
        body: Bytes,
        headers: Vec<(String, String)>,
    },
    /// A 200 body of `bytes` bytes of a valid-looking JSON prefix, generated lazily
    /// chunk by chunk; with `content_length` true it has a Content-Length, else it is chunked.
    Huge { bytes: u64, content_length: bool },
    /// Wait `delay`, then answer `then`.
    Stall { delay: Duration, then: Box<Reply> },
    /// Redirect (status 301/302/307/308) to `location`; the literal `{port}` in
    /// it is replaced by the server's port.
    Redirect { status: u16, location: String },
    /// Close the connection without answering.
    Reset,
}

impl Reply {
    /// A JSON reply with no extra headers.
    pub fn json(status: u16, body: serde_json::Value) -> Reply {
        Reply::Json {
            status,
            body,
            headers: Vec::new(),
        }
    }

    /// Add a response header. Works on `Json` and `Raw`, and on what a `Stall`
    /// leads to; other replies are returned unchanged.
    pub fn with_header(mut self, name: &str, value: &str) -> Reply {
        match &mut self {
            Reply::Json { headers, .. } | Reply::Raw { headers, .. } => {
                headers.push((name.to_string(), value.to_string()));
            }
            Reply::Stall { then, .. } => {
                let inner = std::mem::replace(then.as_mut(), Reply::Reset);
                **then = inner.with_header(name, value);
            }
            _ => {}
        }
        self
    }
}
