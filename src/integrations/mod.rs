//! What consumes snapshots for other tools: CI reports (`--summary`,
//! GitHub annotations, `--metrics-file`) and the Prometheus exporter.

pub mod ci;
pub mod exporter;
