//! Requests made once before polling, where an API asks for one (CONTRACT
//! §14: each Feldera input connector hands out a completion token, which
//! is then checked or watched as `feldera token` does). A target whose
//! request fails (an unknown connector: Feldera's 404) is reported with
//! that error and not polled; under `--wait-for-creation`, a 404 is asked
//! again until it answers (CONTRACT §17).

use std::sync::Arc;
use std::time::Duration;

use tokio::time::Instant;

use crate::engine::query::{Context, fetch_json, malformed};
use crate::engine::signals;
use crate::model::{ErrorKind, Snapshot, Target};

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

/// [`prepare`] under `--wait-for-creation` (CONTRACT §17): each target
/// whose request answered 404 is asked again every `interval`, until it
/// answers otherwise, `deadline` passes or a signal comes; one still 404
/// then is a target not created yet (pending, `not found yet`). Returns
/// what [`prepare`] does, and whether the deadline ended the wait.
pub async fn prepare_waiting(
    ctx: &Arc<Context>,
    targets: &mut [Target],
    interval: Duration,
    deadline: Option<Instant>,
) -> (Vec<Option<Snapshot>>, bool) {
    let mut failed = prepare(ctx, targets).await;
    let mut timed_out = false;
    loop {
        let waiting: Vec<usize> = (0..failed.len())
            .filter(|&i| failed[i].as_ref().is_some_and(not_found))
            .collect();
        if waiting.is_empty() || signals::received().is_some() {
            break;
        }
        let wake = Instant::now() + interval;
        let until = deadline.map_or(wake, |deadline| deadline.min(wake));
        tokio::select! {
            () = tokio::time::sleep_until(until) => {}
            _ = signals::stop() => break,
        }
        if deadline.is_some_and(|deadline| Instant::now() >= deadline) {
            timed_out = true;
            break;
        }
        for i in waiting {
            let again = prepare(ctx, std::slice::from_mut(&mut targets[i])).await;
            failed[i] = again.into_iter().next().flatten();
        }
    }
    let failed = failed
        .into_iter()
        .map(|f| f.map(Snapshot::awaiting_creation))
        .collect();
    (failed, timed_out)
}

/// A 404: what `--wait-for-creation` waits out.
fn not_found(snapshot: &Snapshot) -> bool {
    snapshot
        .error
        .as_ref()
        .is_some_and(|e| e.kind == ErrorKind::NotFound && e.http_status == Some(404))
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
