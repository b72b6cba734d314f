//! Requests made once before polling, where an API asks for one (CONTRACT
//! §14: each Feldera input connector hands out a completion token, which
//! is then checked or watched as `feldera token` does). A target whose
//! request fails (an unknown connector: Feldera's 404) is reported with
//! that error and not polled.

use std::sync::Arc;

use crate::engine::query::{Context, fetch_json, malformed};
use crate::model::{Snapshot, Target};

/// Whether any of `targets` needs a request before it can be polled.
pub fn needed(ctx: &Context, targets: &[Target]) -> bool {
    let base = &ctx.vendor.base_url;
    targets.iter().any(|t| ctx.api.prepare(t, base).is_some())
}

/// Make each target's request, in order, and put what it answered in the
/// target. Returns, for each target, the snapshot of why it could not be
/// prepared (None: it was, or needed nothing).
pub async fn prepare(ctx: &Arc<Context>, targets: &mut [Target]) -> Vec<Option<Snapshot>> {
    let mut failed = Vec::with_capacity(targets.len());
    for target in targets.iter_mut() {
        let Some(url) = ctx.api.prepare(target, &ctx.vendor.base_url) else {
            failed.push(None);
            continue;
        };
        let got = match fetch_json(ctx, target, &url).await {
            Ok(body) => ctx
                .api
                .prepared(target, &body)
                .map_err(|why| Box::new(malformed(target.clone(), 200, &why, Some(&body)))),
            Err(snapshot) => Err(snapshot),
        };
        match got {
            Ok(ready) => {
                *target = ready;
                failed.push(None);
            }
            Err(snapshot) => failed.push(Some(*snapshot)),
        }
    }
    failed
}

/// Everything in argument order: `failed[i]` where a target could not be
/// prepared, else the next of `polled` (one per target that was polled).
pub fn merge(failed: Vec<Option<Snapshot>>, polled: Vec<Snapshot>) -> Vec<Snapshot> {
    let mut polled = polled.into_iter();
    failed
        .into_iter()
        .filter_map(|f| f.or_else(|| polled.next()))
        .collect()
}
