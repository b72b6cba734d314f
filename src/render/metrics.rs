//! The Prometheus series of one poll (CONTRACT §15, §17), in the
//! OpenMetrics text format or the Prometheus text format 0.0.4: what
//! `exporter` answers a probe with, and what `--metrics-file` writes
//! (OpenMetrics). A pure function of the snapshots, encoded by the
//! Prometheus project's own client, which escapes label values and writes
//! every family's `# HELP` and `# TYPE` in both formats.
//!
//! Cardinality stays bounded: a target gets one series per state (as
//! kube-state-metrics does, so `== 1` finds it in any state), a target
//! named twice one set of series, and a collection only counts per state,
//! never a series per item.

use std::collections::HashSet;
use std::time::{Duration, SystemTime};

use prometheus_client::collector::Collector;
use prometheus_client::encoding::{DescriptorEncoder, EncodeMetric};
use prometheus_client::metrics::MetricType;
use prometheus_client::metrics::gauge::ConstGauge;
use prometheus_client::registry::Registry;

use super::layout::parse_rfc3339;
use crate::model::Target;
use crate::model::{Progress, Snapshot, State};

/// The seven states, in the contract's order: each target has a series
/// for every one of them.
pub const STATES: [State; 7] = State::ALL;

/// The text formats a Prometheus server reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// OpenMetrics 1.0, ending in `# EOF`.
    OpenMetrics,
    /// The Prometheus text format 0.0.4, for any client that does not ask
    /// for OpenMetrics.
    Text,
}

impl Format {
    /// The `Content-Type` of an answer in this format.
    pub fn content_type(self) -> &'static str {
        match self {
            Format::OpenMetrics => "application/openmetrics-text; version=1.0.0; charset=utf-8",
            Format::Text => prometheus_client::encoding::prometheus_text::CONTENT_TYPE,
        }
    }

    /// The registry's families in this format.
    pub fn encode(self, registry: &Registry) -> String {
        let mut text = String::new();
        // Writing into a String cannot fail.
        let _ = match self {
            Format::OpenMetrics => prometheus_client::encoding::text::encode(&mut text, registry),
            Format::Text => {
                prometheus_client::encoding::prometheus_text::encode(&mut text, registry)
            }
        };
        text
    }
}

/// What one poll found, and how it went.
#[derive(Debug)]
pub struct Poll<'a> {
    pub found: Found<'a>,
    pub duration: Duration,
    /// Why the poll failed, as an error kind (`not_found`, `timeout`, ...):
    /// a target's error, the scrape's deadline, Ctrl-C, a configuration error.
    pub failure: Option<&'a str>,
    /// A metrics file's command subject (`batch nightly`), as the label
    /// `subject` of the run-level series: two files in one textfile
    /// directory never hold the same series (CONTRACT §17). A probe has
    /// none: Prometheus' own `instance` and `job` tell probes apart.
    pub subject: Option<&'a str>,
}

/// The subject's answers.
#[derive(Debug)]
pub enum Found<'a> {
    /// Targets named one by one; those that errored have no state.
    Targets(&'a [Snapshot]),
    /// A collection (`--all`): its listing and its items counted per
    /// state, or None when the listing failed.
    Collection {
        listing: &'a Target,
        counts: Option<Counts>,
    },
}

/// Items per state, in the order of [`STATES`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts(pub [u64; 7]);

impl Counts {
    pub fn add(&mut self, state: State) {
        if let Some(at) = STATES.iter().position(|s| *s == state) {
            self.0[at] += 1;
        }
    }
}

impl<'a> Poll<'a> {
    /// The poll of a status command: its snapshots, and for a collection
    /// the listing they came from. The first target error fails it.
    pub fn of(
        collection: Option<&'a Target>,
        snapshots: &'a [Snapshot],
        duration: Duration,
        failure: Option<&'a str>,
    ) -> Poll<'a> {
        let error = snapshots
            .iter()
            .find_map(|s| s.error.as_ref().map(|e| e.kind.as_str()));
        let found = match collection {
            None => Found::Targets(snapshots),
            Some(listing) => {
                // A listing that failed is its only snapshot, in error.
                let counts = (failure.is_none() && error.is_none()).then(|| {
                    let mut counts = Counts::default();
                    snapshots.iter().for_each(|s| counts.add(s.state));
                    counts
                });
                Found::Collection { listing, counts }
            }
        };
        Poll {
            found,
            duration,
            failure: failure.or(error),
            subject: None,
        }
    }

    /// The same poll, its run-level series labelled with `subject`.
    pub fn about(self, subject: &'a str) -> Poll<'a> {
        Poll {
            subject: Some(subject),
            ..self
        }
    }
}

type Labels = Vec<(&'static str, String)>;

/// The OpenMetrics text of `poll`, ending in `# EOF`.
pub fn openmetrics(poll: &Poll<'_>) -> String {
    series(poll, Format::OpenMetrics)
}

/// The text of `poll` in `format`.
pub fn series(poll: &Poll<'_>, format: Format) -> String {
    let mut families = Families::default();
    let run: Labels = poll
        .subject
        .map(|subject| vec![("subject", subject.to_owned())])
        .unwrap_or_default();
    let mut success = run.clone();
    if let Some(kind) = poll.failure {
        success.push(("error", kind.to_owned()));
    }
    families.add(
        "pipewatch_probe_success",
        "Whether the poll had an answer for every target (0: the error label says why)",
        vec![(success, Sample::Int(i64::from(poll.failure.is_none())))],
    );
    families.add(
        "pipewatch_probe_duration_seconds",
        "How long the poll took",
        vec![(run, Sample::Float(poll.duration.as_secs_f64()))],
    );
    match &poll.found {
        Found::Collection { listing, counts } => {
            let base = vec![
                ("service", listing.service().to_owned()),
                ("collection", listing.label()),
            ];
            let samples = counts.iter().flat_map(|Counts(counts)| {
                STATES.iter().zip(counts).map(|(state, count)| {
                    let count = i64::try_from(*count).unwrap_or(i64::MAX);
                    (with(&base, "state", state.as_str()), Sample::Int(count))
                })
            });
            families.add(
                "pipewatch_collection_items",
                "Items of a collection in each state",
                samples.collect(),
            );
        }
        // A target that errored has no state: its error fails the probe.
        Found::Targets(snapshots) => add_targets(
            &mut families,
            snapshots.iter().filter(|s| s.error.is_none()),
        ),
    }

    let mut registry = Registry::default();
    registry.register_collector(Box::new(families));
    format.encode(&registry)
}

/// The per-target series: state, progress, last update; a target named
/// twice (`status job-ok job-failed job-ok`) once, or node_exporter and a
/// Pushgateway would refuse the whole file for a repeated series.
fn add_targets<'a>(families: &mut Families, snapshots: impl Iterator<Item = &'a Snapshot>) {
    let (mut states, mut progress, mut updated) = (Vec::new(), Vec::new(), Vec::new());
    let mut seen = HashSet::new();
    for snapshot in snapshots {
        let target = (snapshot.target.service(), snapshot.target.label());
        if !seen.insert(target) {
            continue;
        }
        let target = vec![
            ("service", snapshot.target.service().to_owned()),
            ("target", snapshot.target.label()),
        ];
        for state in STATES {
            let labels = with(&target, "state", state.as_str());
            states.push((labels, Sample::Int(i64::from(snapshot.state == state))));
        }
        if let Some(ratio) = snapshot.progress.as_ref().and_then(ratio) {
            progress.push((target.clone(), Sample::Float(ratio)));
        }
        if let Some(at) = snapshot.updated.as_deref().and_then(unix_seconds) {
            updated.push((target, Sample::Float(at)));
        }
    }
    families.add(
        "pipewatch_target_state",
        "The target's state: 1 for the current one, 0 for the others",
        states,
    );
    families.add(
        "pipewatch_target_progress_ratio",
        "The share of the target's work done (0 to 1), where the service reports it",
        progress,
    );
    families.add(
        "pipewatch_target_updated_timestamp_seconds",
        "When the service last changed the target, from its updated_at",
        updated,
    );
}

/// Gauge families, each series in the order added: a registry's own
/// families keep theirs in a hash map, and a file that changes order
/// between runs is harder to read and to compare.
#[derive(Debug, Default)]
struct Families(Vec<(&'static str, &'static str, Vec<Series>)>);

/// One series: its labels and its value.
type Series = (Labels, Sample);

#[derive(Clone, Copy, Debug)]
enum Sample {
    Int(i64),
    Float(f64),
}

impl Families {
    fn add(&mut self, name: &'static str, help: &'static str, samples: Vec<Series>) {
        self.0.push((name, help, samples));
    }
}

impl Collector for Families {
    fn encode(&self, mut encoder: DescriptorEncoder) -> Result<(), std::fmt::Error> {
        for (name, help, samples) in &self.0 {
            let mut family = encoder.encode_descriptor(name, help, None, MetricType::Gauge)?;
            for (labels, sample) in samples {
                let metric = family.encode_family(labels)?;
                match *sample {
                    Sample::Int(value) => ConstGauge::new(value).encode(metric)?,
                    Sample::Float(value) => ConstGauge::new(value).encode(metric)?,
                }
            }
        }
        Ok(())
    }
}

fn with(base: &Labels, name: &'static str, value: &str) -> Labels {
    let mut labels = base.clone();
    labels.push((name, value.to_owned()));
    labels
}

/// Done out of total, from the percentage where the service gives one.
fn ratio(progress: &Progress) -> Option<f64> {
    let ratio = match (progress.percent, progress.done, progress.total) {
        (Some(percent), _, _) => percent / 100.0,
        (None, Some(done), Some(total)) if total > 0 => done as f64 / total as f64,
        _ => return None,
    };
    ratio.is_finite().then(|| ratio.clamp(0.0, 1.0))
}

/// Seconds since the Unix epoch of a vendor's RFC 3339 timestamp.
fn unix_seconds(text: &str) -> Option<f64> {
    let at = parse_rfc3339(text)?;
    Some(
        at.duration_since(SystemTime::UNIX_EPOCH)
            .ok()?
            .as_secs_f64(),
    )
}

#[cfg(test)]
mod tests;
