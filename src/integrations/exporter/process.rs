//! `GET /metrics`: the exporter's own process, under the names every
//! Prometheus client library uses (`process_cpu_seconds_total`,
//! `process_resident_memory_bytes`, `process_open_fds`,
//! `process_start_time_seconds`), so existing dashboards just work.
//!
//! Read by hand from /proc on Linux: four numbers from `/proc/self/stat`,
//! `/proc/stat` and `/proc/self/fd`. The `procfs` crate would parse them
//! too, at the cost of rustix and a dozen modules compiled for these four
//! numbers; prometheus-client has no process collector. Elsewhere only the
//! series that can be had are served.

use std::sync::atomic::AtomicU64;

use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::registry::Registry;

use crate::render::metrics::Format;

/// What is known about this process now; None where it cannot be read.
#[derive(Debug, Default, PartialEq)]
pub struct Usage {
    pub cpu_seconds: Option<f64>,
    pub resident_bytes: Option<u64>,
    pub open_fds: Option<u64>,
    pub start_time_seconds: Option<f64>,
}

/// The text of `usage` in `format`, each family with its HELP and TYPE.
pub fn series(usage: &Usage, format: Format) -> String {
    let mut registry = Registry::default();
    if let Some(seconds) = usage.cpu_seconds {
        let counter = Counter::<f64, AtomicU64>::default();
        counter.inc_by(seconds);
        registry.register(
            "process_cpu_seconds",
            "Total user and system CPU time spent in seconds",
            counter,
        );
    }
    let gauges = [
        (
            "process_resident_memory_bytes",
            "Resident memory size in bytes",
            usage.resident_bytes.map(|b| b as f64),
        ),
        (
            "process_open_fds",
            "Number of open file descriptors",
            usage.open_fds.map(|n| n as f64),
        ),
        (
            "process_start_time_seconds",
            "Start time of the process since the Unix epoch in seconds",
            usage.start_time_seconds,
        ),
    ];
    for (name, help, value) in gauges {
        if let Some(value) = value {
            let gauge = Gauge::<f64, AtomicU64>::default();
            gauge.set(value);
            registry.register(name, help, gauge);
        }
    }
    format.encode(&registry)
}

/// This process's usage, read now.
#[cfg(target_os = "linux")]
pub fn usage() -> Usage {
    // SAFETY: sysconf only reads a configuration value.
    let (ticks, page) = unsafe {
        (
            libc::sysconf(libc::_SC_CLK_TCK),
            libc::sysconf(libc::_SC_PAGESIZE),
        )
    };
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let boot = std::fs::read_to_string("/proc/stat").unwrap_or_default();
    let open_fds = std::fs::read_dir("/proc/self/fd")
        .ok()
        .map(|dir| dir.count() as u64);
    Usage {
        open_fds,
        ..from_proc(&stat, &boot, ticks, page)
    }
}

#[cfg(not(target_os = "linux"))]
pub fn usage() -> Usage {
    Usage::default()
}

/// Usage from the text of `/proc/self/stat` and `/proc/stat`, with the
/// clock ticks a second and the page size.
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
fn from_proc(stat: &str, boot: &str, ticks: i64, page: i64) -> Usage {
    // The command name, field 2, is in parentheses and may hold blanks
    // and parentheses: the fields proper start after the last `)`.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map(|(_, rest)| rest.split_whitespace().collect())
        .unwrap_or_default();
    // Numbered as proc(5) does: the state, field 3, is fields[0].
    let field = |n: usize| fields.get(n - 3).and_then(|f| f.parse::<u64>().ok());
    let ticks = (ticks > 0).then_some(ticks as f64);
    let cpu = field(14)
        .zip(field(15))
        .zip(ticks)
        .map(|((user, system), hz)| (user + system) as f64 / hz);
    let resident = field(24)
        .zip(u64::try_from(page).ok())
        .map(|(pages, size)| pages * size);
    let booted = boot
        .lines()
        .find_map(|line| line.strip_prefix("btime "))
        .and_then(|secs| secs.trim().parse::<u64>().ok());
    let start = field(22)
        .zip(ticks)
        .zip(booted)
        .map(|((since_boot, hz), booted)| booted as f64 + since_boot as f64 / hz);
    Usage {
        cpu_seconds: cpu,
        resident_bytes: resident,
        open_fds: None,
        start_time_seconds: start,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_read_after_the_command_name() {
        // A command name with a blank and a parenthesis, as a process may name itself.
        let stat = "4242 (pipe watch) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 \
                    250 50 0 0 20 0 1 0 1000 123456789 2048 18446744073709551615";
        let usage = from_proc(stat, "cpu 1 2 3\nbtime 1700000000\n", 100, 4096);
        assert_eq!(usage.cpu_seconds, Some(3.0));
        assert_eq!(usage.resident_bytes, Some(2048 * 4096));
        assert_eq!(usage.start_time_seconds, Some(1_700_000_010.0));
        assert_eq!(from_proc("", "", 100, 4096), Usage::default());
    }

    #[test]
    fn only_known_series_are_served() {
        let usage = Usage {
            cpu_seconds: Some(1.5),
            resident_bytes: Some(1024),
            ..Usage::default()
        };
        let text = series(&usage, Format::OpenMetrics);
        assert!(text.contains("\nprocess_cpu_seconds_total 1.5\n"), "{text}");
        assert!(
            text.contains("\nprocess_resident_memory_bytes 1024.0\n"),
            "{text}"
        );
        assert!(!text.contains("process_open_fds"), "{text}");
        assert!(text.ends_with("# EOF\n"));
        // The text format 0.0.4: the counter's HELP and TYPE under its
        // sample's name, as `promtool check metrics` wants them.
        let text = series(&usage, Format::Text);
        for line in [
            "# HELP process_cpu_seconds_total Total user and system CPU time spent in seconds.",
            "# TYPE process_cpu_seconds_total counter",
            "process_cpu_seconds_total 1.5",
            "# TYPE process_resident_memory_bytes gauge",
        ] {
            assert!(text.lines().any(|l| l == line), "{line} not in {text}");
        }
        assert!(!text.contains("# EOF"), "{text}");
    }
}
