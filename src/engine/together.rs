//! Many targets, one request (CONTRACT §14): targets a listing can filter
//! by ID (v2 jobs by `job_ids`) are asked [`services::ASKED_TOGETHER`] at
//! a time through it, so a poll of N jobs costs about ceil(N / 50)
//! requests. An ID the listing does not return is asked once on its own,
//! so an unknown job is still the single endpoint's 404 (exit 7). A lone
//! target is asked on its own from the start: one request either way, and
//! the single body is the richer one.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use tokio::task::JoinSet;

use crate::engine::listing::all_pages;
use crate::engine::query::{Context, check, malformed};
use crate::model::Target;
use crate::model::{ErrorKind, Snapshot};
use crate::services;

/// Targets split by how they are asked: groups of indexes asked together
/// through a listing (at most [`services::ASKED_TOGETHER`] each, in
/// argument order), and indexes asked alone.
pub struct Plan {
    pub together: Vec<(Target, Vec<usize>)>,
    pub alone: Vec<usize>,
}

pub fn plan(targets: &[Target]) -> Plan {
    let mut by_listing: Vec<(Target, Vec<usize>)> = Vec::new();
    let mut alone = Vec::new();
    for (index, target) in targets.iter().enumerate() {
        match services::asked_together(target) {
            Some(listing) => match by_listing.iter_mut().find(|(l, _)| *l == listing) {
                Some((_, indexes)) => indexes.push(index),
                None => by_listing.push((listing, vec![index])),
            },
            None => alone.push(index),
        }
    }
    let mut together = Vec::new();
    for (listing, indexes) in by_listing {
        if indexes.len() == 1 {
            alone.extend(indexes);
            continue;
        }
        for chunk in indexes.chunks(services::ASKED_TOGETHER) {
            together.push((listing.clone(), chunk.to_vec()));
        }
    }
    alone.sort_unstable();
    Plan { together, alone }
}

/// Check every target once, as [`plan`] says, filling `results` in input
/// order as answers arrive (what has arrived stays when the caller stops
/// waiting).
pub async fn check_all(ctx: &Arc<Context>, targets: &[Target], results: &mut [Option<Snapshot>]) {
    let plan = plan(targets);
    let mut set = JoinSet::new();
    for index in plan.alone {
        let (ctx, target) = (Arc::clone(ctx), targets[index].clone());
        set.spawn(async move { vec![(index, check(&ctx, target).await)] });
    }
    for (listing, indexes) in plan.together {
        let ctx = Arc::clone(ctx);
        let group: Vec<Target> = indexes.iter().map(|i| targets[*i].clone()).collect();
        set.spawn(async move {
            let snapshots = check_together(&ctx, &listing, &group).await;
            indexes.into_iter().zip(snapshots).collect()
        });
    }
    while let Some(joined) = set.join_next().await {
        for (index, snapshot) in joined.unwrap_or_default() {
            if let Some(slot) = results.get_mut(index) {
                *slot = Some(snapshot);
            }
        }
    }
}

/// Ask `listing` for `targets` by ID (every page followed), then each
/// target it did not return on its own. One snapshot per target, in order.
/// A listing that fails gives every target its error when that is an
/// outage or a refused key; otherwise each target is asked on its own.
pub async fn check_together(
    ctx: &Arc<Context>,
    listing: &Target,
    targets: &[Target],
) -> Vec<Snapshot> {
    let wanted: HashSet<&Target> = targets.iter().collect();
    let ids: Vec<&str> = targets.iter().filter_map(services::listed_id).collect();
    let base = &ctx.vendor.base_url;
    let mut found: HashMap<Target, Snapshot> = HashMap::new();
    let mut seen = HashSet::new();
    let listed = all_pages(
        ctx,
        listing,
        |cursor| services::ids_page_url(listing, &ids, base, cursor),
        |body, cursor| services::read_page(listing, body, cursor),
        |items, compact| {
            let mut new = 0;
            for item in items {
                let (target, classified) = services::listed(listing, &item)
                    .map_err(|why| Box::new(malformed(listing.clone(), 200, &why, None)))?;
                if !seen.insert(target.clone()) {
                    continue;
                }
                new += 1;
                // A server that ignores the filter lists other jobs too.
                if wanted.contains(&target) {
                    let snapshot = Snapshot::from_listed(target.clone(), item, compact, classified);
                    found.insert(target, snapshot);
                }
            }
            Ok(new)
        },
    )
    .await;
    if let Err(failed) = listed {
        // An outage or a refused key would fail each job alike: report it
        // for each, without a request per job. A listing the server does
        // not have (an older deployment) or refuses as asked leaves the
        // single endpoints to answer.
        let alike = failed
            .error
            .as_ref()
            .is_none_or(|e| e.kind.is_transient() || e.kind == ErrorKind::Auth);
        if alike {
            return targets
                .iter()
                .map(|target| Snapshot {
                    target: target.clone(),
                    ..(*failed).clone()
                })
                .collect();
        }
        found.clear();
    }
    let mut set = JoinSet::new();
    for (index, target) in targets.iter().enumerate() {
        if !found.contains_key(target) {
            let (ctx, target) = (Arc::clone(ctx), target.clone());
            set.spawn(async move { (index, check(&ctx, target).await) });
        }
    }
    let mut alone = HashMap::new();
    while let Some(joined) = set.join_next().await {
        if let Ok((index, snapshot)) = joined {
            alone.insert(index, snapshot);
        }
    }
    targets
        .iter()
        .enumerate()
        .map(|(index, target)| {
            alone
                .remove(&index)
                .or_else(|| found.get(target).cloned())
                .unwrap_or_else(|| Snapshot::unobserved(target.clone()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::JobKind;

    fn job(kind: JobKind, id: &str) -> Target {
        Target::LlamaJob {
            kind,
            job_id: id.into(),
            organization_id: None,
            project_id: None,
        }
    }

    #[test]
    fn jobs_of_one_kind_go_together_fifty_at_a_time() {
        let mut targets: Vec<Target> = (0..120)
            .map(|i| job(JobKind::Parse, &format!("p{i}")))
            .collect();
        targets.insert(3, job(JobKind::Extract, "lone"));
        targets.push(Target::FelderaToken {
            pipeline_name: "p".into(),
            token: "t".into(),
        });
        let plan = plan(&targets);
        let sizes: Vec<usize> = plan.together.iter().map(|(_, g)| g.len()).collect();
        assert_eq!(sizes, [50, 50, 20]);
        assert_eq!(plan.alone, [3, 121]);
        assert_eq!(plan.together[0].1[..4], [0, 1, 2, 4]);
    }
}
