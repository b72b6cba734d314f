//! One poll of a subject, as a one-off status command (and each of the
//! exporter's probes) makes it: every target once, or every page of the
//! collection's listing.

use std::collections::HashMap;
use std::sync::Arc;

use crate::engine::listing;
use crate::engine::query::Context;
use crate::engine::signals::{self, Stop};
use crate::engine::together::check_all;
use crate::model::{Snapshot, Subject};

/// One poll of the subject, as a one-off status command makes it: every
/// target once, or every page of the collection's listing. The exporter's
/// probes make theirs through here too.
pub async fn poll(ctx: &Arc<Context>, subject: &Subject) -> Vec<Snapshot> {
    match subject {
        Subject::Targets(targets) => {
            let mut results = vec![None; targets.len()];
            check_all(ctx, targets, &mut results).await;
            Snapshot::last_known(results, targets)
        }
        Subject::Collection(collection) => {
            match listing::list(ctx, collection, true, &HashMap::new()).await {
                Ok(items) => items,
                Err(failed) => vec![*failed],
            }
        }
    }
}

/// Ask once: every target, or the collection's listing. A signal keeps
/// what has arrived. Returns the snapshots and the signal, if one came first.
pub async fn once(ctx: &Arc<Context>, subject: &Subject) -> (Vec<Snapshot>, Option<Stop>) {
    match subject {
        Subject::Targets(targets) => {
            let mut results = vec![None; targets.len()];
            let interrupted = tokio::select! {
                () = check_all(ctx, targets, &mut results) => None,
                stopped = signals::stop() => Some(stopped),
            };
            (Snapshot::last_known(results, targets), interrupted)
        }
        Subject::Collection(collection) => {
            tokio::select! {
                snapshots = poll(ctx, subject) => (snapshots, None),
                stopped = signals::stop() => {
                    (vec![Snapshot::unobserved(collection.listing.clone())], Some(stopped))
                }
            }
        }
    }
}
