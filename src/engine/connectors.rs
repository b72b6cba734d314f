//! `feldera token NAME --connector TABLE.CONNECTOR` (CONTRACT §14): each
//! input connector is asked once for a completion token, before the first
//! poll; the tokens are then checked or watched as `feldera token` does. A
//! connector whose token cannot be had (an unknown one: Feldera's 404) is
//! reported with that error and not polled.

use std::sync::Arc;

use crate::engine::query::{Context, fetch_json, malformed};
use crate::model::Snapshot;
use crate::model::Target;
use crate::services::feldera;

/// Fill in the token of every connector target that has none yet. Returns,
/// for each target, the snapshot of why it has none (None: it has one).
pub async fn resolve(ctx: &Arc<Context>, targets: &mut [Target]) -> Vec<Option<Snapshot>> {
    let mut failed = Vec::with_capacity(targets.len());
    for target in targets.iter_mut() {
        let Target::FelderaConnector {
            pipeline_name,
            table_name,
            connector_name,
            token,
        } = target
        else {
            failed.push(None);
            continue;
        };
        if !token.is_empty() {
            failed.push(None);
            continue;
        }
        let url = feldera::token_url(
            &ctx.vendor.base_url,
            pipeline_name,
            table_name,
            connector_name,
        );
        let asked = target.clone();
        let got = match fetch_json(ctx, &asked, &url).await {
            Ok(body) => feldera::read_token(&body)
                .map_err(|why| Box::new(malformed(asked.clone(), 200, &why, Some(&body)))),
            Err(snapshot) => Err(snapshot),
        };
        match got {
            Ok(new) => {
                if let Target::FelderaConnector { token, .. } = target {
                    *token = new;
                }
                failed.push(None);
            }
            Err(snapshot) => failed.push(Some(*snapshot)),
        }
    }
    failed
}

/// Everything in argument order: `failed[i]` where a token could not be
/// had, else the next of `polled` (one per target that was polled).
pub fn merge(failed: Vec<Option<Snapshot>>, polled: Vec<Snapshot>) -> Vec<Snapshot> {
    let mut polled = polled.into_iter();
    failed
        .into_iter()
        .filter_map(|f| f.or_else(|| polled.next()))
        .collect()
}
