//! A job's items, for an API that has them (batch jobs): every page of
//! those `--items` asks for, or, for a job that ended partial or failed,
//! its first failed ones (one request) so that a table names them unasked.

use std::collections::HashSet;
use std::sync::Arc;

use serde_json::Value;
use serde_json::value::RawValue;
use tokio::task::JoinSet;

use crate::engine::listing::all_pages;
use crate::engine::query::{Context, fetch};
use crate::model::Target;
use crate::model::{Attachment, Items, SideTable, Snapshot, State};
use crate::services::{Cursor, JobItems, PAGE_SIZE};

/// Failed items a partial or failed job shows without `--items`.
pub const PREVIEW: u64 = 10;

/// What to list for each job.
#[derive(Clone, Copy, Debug)]
pub enum Want<'a> {
    /// `--items`: every page of these.
    Asked(&'a Items),
    /// The first failed items of jobs that ended partial or failed.
    Preview,
}

/// List the items each job in `snapshots` calls for and attach them.
/// A listing that fails leaves the job's outcome alone: its message comes
/// back to be warned about.
pub async fn attach(ctx: &Arc<Context>, snapshots: &mut [Snapshot], want: Want<'_>) -> Vec<String> {
    let Some(api) = ctx.api.items() else {
        return Vec::new();
    };
    let mut set = JoinSet::new();
    for (index, s) in snapshots.iter().enumerate() {
        let wanted = match want {
            Want::Asked(items) => s.error.is_none().then(|| items.status().map(str::to_owned)),
            Want::Preview => (s.error.is_none()
                && matches!(s.state, State::Partial | State::Failed))
            .then(|| Some("failed".to_owned())),
        };
        let Some(status) = wanted else {
            continue;
        };
        let (ctx, job) = (Arc::clone(ctx), s.target.clone());
        let asked = matches!(want, Want::Asked(_));
        let failed_items = s.progress.as_ref().and_then(|p| p.failed);
        set.spawn(async move {
            let listed = if asked {
                every_page(&ctx, api, &job, status.as_deref()).await
            } else {
                first_failed(&ctx, api, &job, failed_items).await
            };
            let attachment =
                listed.map(|(items, more)| attachment(api, status, items, more, asked));
            (index, attachment)
        });
    }
    let mut warnings = Vec::new();
    while let Some(joined) = set.join_next().await {
        let Ok((index, listed)) = joined else {
            continue;
        };
        match listed {
            Ok(items) => snapshots[index].attach(items),
            Err(why) => warnings.push(format!(
                "{} {}: cannot list its items: {why}",
                snapshots[index].target.service(),
                snapshots[index].target.label()
            )),
        }
    }
    warnings
}

/// The job's items as an attachment: the envelope's `items` when
/// `--items` asked for them, and a side table `failed items of J` whose
/// rows the API makes of each item.
fn attachment(
    api: &dyn JobItems,
    status: Option<String>,
    items: Vec<Value>,
    more: u64,
    asked: bool,
) -> Attachment {
    let which = status.as_deref().unwrap_or("all");
    let table = SideTable {
        what: format!("{which} items"),
        summary: api.summary(),
        columns: api.columns(),
        rows: items.iter().map(|item| api.row(item)).collect(),
        more,
        every: Some(format!("--items {which}")),
    };
    Attachment {
        field: "items",
        json: asked.then(|| Value::Array(items)),
        table: Some(table),
    }
}

/// An item as a value; text that is not JSON cannot come out of a page
/// that parsed, so that case is only a formality.
fn json(raw: &RawValue) -> Value {
    serde_json::from_str(raw.get()).unwrap_or(Value::Null)
}

async fn every_page(
    ctx: &Context,
    api: &dyn JobItems,
    job: &Target,
    status: Option<&str>,
) -> Result<(Vec<Value>, u64), String> {
    let base = &ctx.vendor.base_url;
    let mut items = Vec::new();
    let mut seen = HashSet::new();
    all_pages(
        ctx,
        job,
        |cursor| api.page_url(job, base, status, cursor, PAGE_SIZE),
        |body, cursor| api.read_page(body, cursor),
        |page, _| {
            let mut new = 0;
            for raw in page {
                let item = json(&raw);
                let id = item
                    .get("item_id")
                    .and_then(Value::as_str)
                    .map(str::to_owned);
                // Items are few next to files: each becomes a value.
                if id.is_none_or(|id| seen.insert(id)) {
                    new += 1;
                }
                items.push(item);
            }
            Ok(new)
        },
    )
    .await
    .map_err(|failed| failed.error.map(|e| e.message).unwrap_or_default())?;
    Ok((items, 0))
}

/// The first [`PREVIEW`] failed items, and how many more there are (the
/// listing's total, else the job's own failed count).
async fn first_failed(
    ctx: &Context,
    api: &dyn JobItems,
    job: &Target,
    failed_items: Option<u64>,
) -> Result<(Vec<Value>, u64), String> {
    let url = api.page_url(
        job,
        &ctx.vendor.base_url,
        Some("failed"),
        &Cursor::First,
        PREVIEW,
    );
    let fetched = fetch(ctx, job, &url)
        .await
        .map_err(|failed| failed.error.map(|e| e.message).unwrap_or_default())?;
    let page = api.read_page(fetched.body(), &Cursor::First)?;
    let shown = page.items.len() as u64;
    let total = page.total.or(failed_items).unwrap_or(shown);
    Ok((
        page.items.iter().map(|raw| json(raw)).collect(),
        total.saturating_sub(shown),
    ))
}
