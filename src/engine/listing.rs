//! Listing a collection: every page of the vendor's list endpoint, at the
//! largest page size it allows, into one snapshot per item. A pagination
//! that does not end (a token that comes back, a page of items already
//! listed, more than [`MAX_PAGES`] pages) is stopped and reported, never
//! followed forever.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use tokio::task::JoinSet;

use serde_json::value::RawValue;
use url::Url;

use crate::engine::query::{Context, fetch, follow, malformed};
use crate::model::{Classified, Snapshot, State};
use crate::model::{Collection, Target};
use crate::services::{Cursor, Listing, PAGE_SIZE, Page};

/// Pages one listing may take: a million items at 1000 a page.
pub const MAX_PAGES: usize = 1000;

/// List the collection now: one snapshot per item, in listing order, each
/// item once, with what the requests its API makes after each answer add
/// (`previous`: the items' earlier answers the API kept something of).
/// `filtered` false leaves out the `--status` filter (a watch following
/// the items its first listing chose). Err is the listing's own failure,
/// as a snapshot of the listing target.
pub async fn list(
    ctx: &Arc<Context>,
    collection: &Collection,
    filtered: bool,
    previous: &HashMap<Target, Snapshot>,
) -> Result<Vec<Snapshot>, Box<Snapshot>> {
    let mut snapshots = Vec::new();
    each(
        ctx,
        collection,
        filtered,
        |target, item, compact, classified| {
            snapshots.push(Snapshot::from_listed(target, item, compact, classified));
        },
    )
    .await?;
    follow_all(ctx, &mut snapshots, previous).await;
    Ok(snapshots)
}

/// The requests the API makes after each of these answers (a listing's
/// items, targets asked together), all under the run's concurrency bound.
/// Most APIs make none: their snapshots are not cloned or moved then.
pub async fn follow_all(
    ctx: &Arc<Context>,
    snapshots: &mut [Snapshot],
    previous: &HashMap<Target, Snapshot>,
) {
    let mut set = JoinSet::new();
    let base = &ctx.vendor.base_url;
    for (index, snapshot) in snapshots.iter_mut().enumerate() {
        let last = previous.get(&snapshot.target);
        if snapshot.error.is_some() {
            continue;
        }
        if ctx.api.after(snapshot, last, base).is_empty() {
            ctx.api.with_after(snapshot, last, Vec::new());
            continue;
        }
        let (ctx, last) = (Arc::clone(ctx), last.cloned());
        let mut snapshot = snapshot.clone();
        set.spawn(async move {
            follow(&ctx, &mut snapshot, last.as_ref()).await;
            (index, snapshot)
        });
    }
    while let Some(joined) = set.join_next().await {
        if let Ok((index, snapshot)) = joined {
            snapshots[index] = snapshot;
        }
    }
}

/// The collection's items counted by state, each item once, as [`list`]
/// lists them, without holding any: what a Prometheus probe of a
/// 10,000-file pipeline needs, in a few kilobytes rather than megabytes.
/// Only the items whose API makes requests after their answer (a
/// pipeline waiting for its statistics) are held, until those are made.
pub async fn tally(
    ctx: &Arc<Context>,
    collection: &Collection,
    mut count: impl FnMut(State),
) -> Result<(), Box<Snapshot>> {
    let base = &ctx.vendor.base_url;
    let mut followed = Vec::new();
    each(
        ctx,
        collection,
        true,
        |target, item, compact, classified| {
            let mut snapshot = Snapshot::from_listed(target, item, compact, classified);
            if ctx.api.after(&snapshot, None, base).is_empty() {
                ctx.api.with_after(&mut snapshot, None, Vec::new());
                count(snapshot.state);
            } else {
                followed.push(snapshot);
            }
        },
    )
    .await?;
    follow_all(ctx, &mut followed, &HashMap::new()).await;
    for snapshot in &followed {
        count(match &snapshot.error {
            Some(_) => State::Unknown,
            None => snapshot.state,
        });
    }
    Ok(())
}

/// Every item of the collection, once, in listing order, handed to `take`
/// with its target, its JSON text (on one line if the page was compact)
/// and what its listing entry says.
async fn each(
    ctx: &Context,
    collection: &Collection,
    filtered: bool,
    mut take: impl FnMut(Target, Box<RawValue>, bool, Classified),
) -> Result<(), Box<Snapshot>> {
    let listing = &collection.listing;
    let base = &ctx.vendor.base_url;
    let lister = lister(ctx, listing)?;
    let mut seen = HashSet::new();
    for statuses in lister.passes(collection, filtered) {
        // Each page is handed on as it comes: no more than one page is
        // held before its items are taken.
        let page = |items: Vec<Box<RawValue>>, compact: bool| {
            let mut new = 0;
            for item in items {
                let (target, classified) = lister
                    .listed(listing, &item)
                    .map_err(|why| Box::new(malformed(listing.clone(), 200, &why, None)))?;
                // Offset pages of a list that changes while it is read can
                // repeat an item (a new run pushes the others down a place).
                if seen.insert(target.clone()) {
                    take(target, item, compact, classified);
                    new += 1;
                }
            }
            Ok(new)
        };
        all_pages(
            ctx,
            listing,
            |cursor| lister.page_url(collection, &statuses, base, cursor),
            |body, cursor| lister.read_page(body, cursor),
            page,
        )
        .await?;
    }
    Ok(())
}

/// The listing of the run's API: every API whose command offers `--all`
/// has one (tests/it/registry.rs), so this only fails on a programming error,
/// which it reports as the listing's failure rather than panicking.
pub fn lister(ctx: &Context, listing: &Target) -> Result<&'static dyn Listing, Box<Snapshot>> {
    ctx.api.listing().ok_or_else(|| {
        let why = format!("{} has no listing", ctx.api.service().name);
        Box::new(malformed(listing.clone(), 200, &why, None))
    })
}

/// Every page of one paged listing, for `target` (whose snapshot reports
/// a failure), each page's items handed to `take` as they come (with
/// whether the page was compact, one line); `take`
/// says how many of them it had not seen, to tell a page that brings
/// nothing new (a server that wraps around) from a listing that goes on.
pub async fn all_pages(
    ctx: &Context,
    target: &Target,
    url_of: impl Fn(&Cursor) -> Url,
    read: impl Fn(&[u8], &Cursor) -> Result<Page, String>,
    mut take: impl FnMut(Vec<Box<RawValue>>, bool) -> Result<usize, Box<Snapshot>>,
) -> Result<(), Box<Snapshot>> {
    let mut cursor = Cursor::First;
    let mut tokens = HashSet::new();
    let mut listed = 0;
    for _ in 0..MAX_PAGES {
        let fetched = fetch(ctx, target, &url_of(&cursor)).await?;
        let page = read(fetched.body(), &cursor).map_err(|why| {
            let body = fetched.json();
            Box::new(malformed(
                target.clone(),
                fetched.status,
                &why,
                body.as_ref(),
            ))
        })?;
        drop(fetched);
        let count = page.items.len();
        listed += count;
        let new = take(page.items, page.compact)?;
        let Some(next) = page.next else {
            return Ok(());
        };
        let endless = |why: &str| {
            let message = format!("the listing does not end: {why}; stopped after {listed} items");
            Box::new(malformed(target.clone(), 200, &message, None))
        };
        if let Cursor::Token(token) = &next {
            if !tokens.insert(token.clone()) {
                return Err(endless("a page token came back"));
            }
        }
        if new == 0 && count > 0 {
            return Err(endless("a page brought only items already listed"));
        }
        cursor = next;
    }
    Err(Box::new(malformed(
        target.clone(),
        200,
        &format!(
            "the listing does not end: more than {MAX_PAGES} pages of {PAGE_SIZE}; stopped after {listed} items"
        ),
        None,
    )))
}
