//! Many targets, one request (CONTRACT §14): targets a listing can filter
//! by ID (v2 jobs by `job_ids`) are asked as many at a time as the API's
//! [`crate::services::Together::per_request`] says through it, so a poll of N jobs costs about ceil(N / 50)
//! requests. An ID the listing does not return is asked once on its own,
//! so an unknown job is still the single endpoint's 404 (exit 7). A lone
//! target is asked on its own from the start: one request either way, and
//! the single body is the richer one.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use tokio::task::JoinSet;

use crate::engine::listing::{all_pages, follow_all};
use crate::engine::query::{Context, check, malformed};
use crate::model::Target;
use crate::model::outage;
use crate::model::{ErrorKind, Snapshot};
use crate::services::Api;

/// Targets split by how they are asked: groups of indexes asked together
/// through a listing (at most [`crate::services::Together::per_request`] each, in
/// argument order), and indexes asked alone.
pub struct Plan {
    pub together: Vec<(Target, Vec<usize>)>,
    pub alone: Vec<usize>,
}

pub fn plan(api: &dyn Api, targets: &[Target]) -> Plan {
    let Some(together) = api.together() else {
        return Plan {
            together: Vec::new(),
            alone: (0..targets.len()).collect(),
        };
    };
    let mut by_listing: Vec<(Target, Vec<usize>)> = Vec::new();
    let mut alone = Vec::new();
    for (index, target) in targets.iter().enumerate() {
        let listing = together.listing_of(target);
        match by_listing.iter_mut().find(|(l, _)| *l == listing) {
            Some((_, indexes)) => indexes.push(index),
            None => by_listing.push((listing, vec![index])),
        }
    }
    let mut groups = Vec::new();
    for (listing, indexes) in by_listing {
        if indexes.len() == 1 {
            alone.extend(indexes);
            continue;
        }
        for chunk in indexes.chunks(together.per_request()) {
            groups.push((listing.clone(), chunk.to_vec()));
        }
    }
    alone.sort_unstable();
    Plan {
        together: groups,
        alone,
    }
}

/// Check every target once, as [`plan`] says, filling `results` in input
/// order as answers arrive (what has arrived stays when the caller stops
/// waiting).
pub async fn check_all(ctx: &Arc<Context>, targets: &[Target], results: &mut [Option<Snapshot>]) {
    let plan = plan(ctx.api, targets);
    let mut set = JoinSet::new();
    // A probe hears of its targets' transient failures from these tasks too.
    let tell = outage::listener();
    for index in plan.alone {
        let (ctx, target) = (Arc::clone(ctx), targets[index].clone());
        let check = async move { vec![(index, check(&ctx, target, None).await)] };
        set.spawn(outage::carrying(tell.clone(), check));
    }
    for (listing, indexes) in plan.together {
        let ctx = Arc::clone(ctx);
        let group: Vec<Target> = indexes.iter().map(|i| targets[*i].clone()).collect();
        let check = async move {
            let snapshots = check_together(&ctx, &listing, &group, &HashMap::new()).await;
            indexes.into_iter().zip(snapshots).collect()
        };
        set.spawn(outage::carrying(tell.clone(), check));
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
/// `previous` holds the targets' last answers without error, for the
/// requests their API makes after each answer.
pub async fn check_together(
    ctx: &Arc<Context>,
    listing: &Target,
    targets: &[Target],
    previous: &HashMap<Target, Snapshot>,
) -> Vec<Snapshot> {
    let (Some(together), Some(lister)) = (ctx.api.together(), ctx.api.listing()) else {
        return alone(ctx, targets, HashMap::new(), previous).await;
    };
    let wanted: HashSet<&Target> = targets.iter().collect();
    let ids: Vec<&str> = targets.iter().map(|t| together.listed_id(t)).collect();
    let base = &ctx.vendor.base_url;
    let mut found: HashMap<Target, Snapshot> = HashMap::new();
    let mut seen = HashSet::new();
    let listed = all_pages(
        ctx,
        listing,
        |cursor| together.page_url(listing, &ids, base, cursor),
        |body, cursor| lister.read_page(body, cursor),
        |items, compact| {
            let mut new = 0;
            for item in items {
                let (target, classified) = lister
                    .listed(listing, &item)
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
    alone(ctx, targets, found, previous).await
}

/// Each of `targets` not in `found` asked on its own; the requests after
/// each answer made for those found too; one snapshot per target, in order.
async fn alone(
    ctx: &Arc<Context>,
    targets: &[Target],
    found: HashMap<Target, Snapshot>,
    previous: &HashMap<Target, Snapshot>,
) -> Vec<Snapshot> {
    let mut set = JoinSet::new();
    let tell = outage::listener();
    let (mut listed_at, mut listed) = (Vec::new(), Vec::new());
    for (index, target) in targets.iter().enumerate() {
        match found.get(target) {
            Some(snapshot) => {
                listed_at.push(index);
                listed.push(snapshot.clone());
            }
            None => {
                let (ctx, last) = (Arc::clone(ctx), previous.get(target).cloned());
                let target = target.clone();
                let check = async move { (index, check(&ctx, target, last.as_ref()).await) };
                set.spawn(outage::carrying(tell.clone(), check));
            }
        }
    }
    follow_all(ctx, &mut listed, previous).await;
    let mut alone: HashMap<usize, Snapshot> = listed_at.into_iter().zip(listed).collect();
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
                .unwrap_or_else(|| Snapshot::unobserved(target.clone()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::services::{Given, by_service};
    use crate::settings::VendorSettings;

    fn jobs(project: Option<&str>, ids: &[&str]) -> Vec<Target> {
        let api = by_service("llama.parse").unwrap();
        let given = Given::default().with("job_id", ids.iter().map(|s| s.to_string()).collect());
        let mut settings = VendorSettings::simple(
            crate::model::Vendor::Llama,
            url::Url::parse("http://h").unwrap(),
            None,
        );
        settings.project_id = project.map(str::to_owned);
        match api.subject(&given, &settings).unwrap().subject {
            crate::model::Subject::Targets(targets) => targets,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn jobs_of_one_kind_go_together_fifty_at_a_time() {
        let ids: Vec<String> = (0..120).map(|i| format!("p{i}")).collect();
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        let mut targets = jobs(None, &ids);
        // A job of another project stays alone: its listing is another.
        targets.insert(3, jobs(Some("other"), &["lone"]).remove(0));
        let api = by_service("llama.parse").unwrap();
        let plan = plan(api, &targets);
        let sizes: Vec<usize> = plan.together.iter().map(|(_, g)| g.len()).collect();
        assert_eq!(sizes, [50, 50, 20]);
        assert_eq!(plan.alone, [3]);
        assert_eq!(plan.together[0].1[..4], [0, 1, 2, 4]);
        // An API that asks nothing together asks each alone.
        let pipeline = by_service("llama.pipeline").unwrap();
        assert_eq!(super::plan(pipeline, &targets).alone.len(), 121);
    }
}
