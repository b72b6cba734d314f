//! What a target's report carries besides its own answer: a batch job's
//! items, a v2 batch's failed files, a Feldera pipeline's statistics. Each
//! is an envelope field after `error`, a side table after the targets'
//! table (and in the Markdown summary), or both. The API that makes one
//! decides its content; renderers lay it out, knowing no API.

use serde_json::Value;

/// Something a snapshot carries besides the target's status.
#[derive(Clone, Debug, PartialEq)]
pub struct Attachment {
    /// Its field in the JSON envelope, after `error` (`items`, `files`,
    /// `stats`), in the order the snapshot holds its attachments.
    pub field: &'static str,
    /// What that field holds; None keeps it out of the envelope (the
    /// failed items a table shows unasked).
    pub json: Option<Value>,
    /// Its side table, if it has one.
    pub table: Option<SideTable>,
}

/// A table after the targets' table: `failed items of J: the first 10 of
/// 30 (all of them: --items failed)`, then its rows.
#[derive(Clone, Debug, PartialEq)]
pub struct SideTable {
    /// What its rows are, in the user's words: `failed items`, `failed files`.
    pub what: String,
    /// The Markdown summary's heading of its failed rows: `Failed batch items`.
    pub summary: &'static str,
    /// Column headings, in capitals.
    pub columns: &'static [&'static str],
    /// One cell per column, as the server said it: renderers sanitize.
    pub rows: Vec<SideRow>,
    /// How many more rows there are than listed.
    pub more: u64,
    /// What lists every one, named when some are left out (`--items failed`).
    pub every: Option<String>,
}

/// One row of a side table.
#[derive(Clone, Debug, PartialEq)]
pub struct SideRow {
    pub cells: Vec<String>,
    /// A failure: the Markdown summary lists only these.
    pub failed: bool,
}

impl SideTable {
    /// Whether every row it stands for is a failure, those left out
    /// included: then a summary can say how many more failed.
    pub fn all_failed(&self) -> bool {
        self.rows.iter().all(|row| row.failed)
    }
}
