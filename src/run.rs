//! A status command from resolved settings to its exit code: query or
//! watch the targets, report them, and combine their outcomes.

use std::collections::HashSet;

use crate::http::{ClientOptions, HttpClient};
use crate::options::RunOptions;
use crate::query::{Context, check_all};
use crate::report::{report, warn_unknown};
use crate::settings::{SettingsError, VendorSettings};
use crate::status::{ExitCode, Snapshot};
use crate::target::Target;
use crate::watch::Ended;

/// Query (or watch) the targets, print the results, and say the exit code.
pub async fn run_status(
    options: &RunOptions,
    settings: VendorSettings,
    targets: Vec<Target>,
) -> anyhow::Result<ExitCode> {
    let client = HttpClient::new(&ClientOptions {
        request_timeout: options.request_timeout,
        retries: options.retries,
        verbose: options.verbose,
        ca_cert: settings.ca_cert.as_deref(),
    })
    .map_err(|e| SettingsError(format!("{e:#}")))?;
    let ctx = Context::new(client, settings, options.concurrency);

    let ended = if options.watch {
        crate::watch::watch(&ctx, &targets, options).await?
    } else {
        let mut results = vec![None; targets.len()];
        let interrupted = tokio::select! {
            () = check_all(&ctx, &targets, &mut results) => false,
            _ = tokio::signal::ctrl_c() => true,
        };
        let snapshots = Snapshot::last_known(results, &targets);
        warn_unknown(&snapshots, &mut HashSet::new());
        Ended {
            snapshots,
            interrupted,
            timed_out: false,
        }
    };

    report(options, &ended.snapshots)?;
    let code = if ended.interrupted {
        ExitCode::Interrupted
    } else {
        ExitCode::combine(
            ended
                .snapshots
                .iter()
                .map(|s| s.exit_code(options.allow_partial, ended.timed_out)),
        )
    };
    Ok(code)
}
