//! The fault soak (RELIABILITY.md): many targets across all five services,
//! watched together at `--interval 1s` while the simulator puts a transient
//! fault on about 20% of requests (`chaos20`: 503, 429 with Retry-After,
//! resets, 5 s stalls, truncated JSON) and some targets go 404 or 410 mid-run.
//! One process per service; their scripts differ so that each has another
//! exit code to get right.
//! Every target reaches a scripted end at a scripted time. At the end:
//!
//! - each process's exit code, and each target's final state or error, is
//!   exactly what the script implies;
//! - no target was polled after its final answer;
//! - RSS is flat: the last sample is within 10% of the first (every 10 s);
//! - file descriptors do not grow.
//!
//! By default it runs 200 targets for about a minute. The long run:
//! `PIPEWATCH_SOAK_TARGETS=1000 PIPEWATCH_SOAK_SECS=600 cargo test --release --test it soak:: -- --nocapture`

use std::collections::BTreeMap;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use crate::common::*;
use pipewatch::sim::KeyStats;
use serde_json::Value;

/// The share of requests that get a transient fault.
const CHAOS: &str = "chaos20";
/// Requests in flight per process: a 5 s stall holds one, and 4% of
/// requests stall, so 200 targets polled each second need about 40.
const CONCURRENCY: usize = 100;
const SAMPLE_EVERY: Duration = Duration::from_secs(10);

#[derive(Clone, Copy, Debug, PartialEq)]
enum End {
    /// A terminal state, as the envelope spells it.
    State(&'static str),
    /// An error that ends the target: its envelope `error.kind`.
    Error(&'static str),
}

impl End {
    /// The word that scripts this end in a simulator key.
    fn word(self) -> &'static str {
        match self {
            End::State("succeeded") => "ok",
            End::State(state) => state,
            End::Error("not_found") => "notfound",
            End::Error(kind) => kind,
        }
    }

    /// CONTRACT §5: the exit code this end alone calls for.
    fn exit_code(self) -> i32 {
        match self {
            End::State("succeeded") => 0,
            End::State("failed") => 1,
            End::State("partial") => 3,
            End::State("cancelled") => 4,
            End::Error(_) => 7,
            End::State(other) => panic!("not an end: {other}"),
        }
    }
}

/// CONTRACT §5: with several targets, the first code of this list that applies.
fn combined_exit_code(ends: &[End]) -> i32 {
    let codes: Vec<i32> = ends.iter().map(|e| e.exit_code()).collect();
    [7, 1, 4, 3, 0]
        .into_iter()
        .find(|c| codes.contains(c))
        .unwrap_or(0)
}

struct Service {
    name: &'static str,
    args: &'static [&'static str],
    /// The ends this service's targets are scripted to reach, the first
    /// one for about half of them. They differ per service so that each
    /// process has another exit code to get right: 7, 1, 4, 3 and 0.
    ends: &'static [End],
    /// Percentage of targets that go 404 or 410 partway instead.
    errors: u32,
}

const SUCCEEDED: End = End::State("succeeded");
const PARTIAL: End = End::State("partial");
const FAILED: End = End::State("failed");
const CANCELLED: End = End::State("cancelled");

const SERVICES: [Service; 5] = [
    Service {
        name: "llama.pipeline",
        args: &["llama", "pipeline", "status"],
        ends: &[SUCCEEDED, PARTIAL, FAILED, CANCELLED],
        errors: 20,
    },
    Service {
        name: "llama.file",
        args: &["llama", "file", "status", "--pipeline", "soak"],
        ends: &[SUCCEEDED, PARTIAL, FAILED, CANCELLED],
        errors: 0,
    },
    Service {
        name: "batch",
        args: &["batch", "status"],
        ends: &[SUCCEEDED, PARTIAL, CANCELLED],
        errors: 0,
    },
    Service {
        name: "clarifeye.run",
        args: &["clarifeye", "run", "--project", "soak"],
        ends: &[SUCCEEDED, PARTIAL],
        errors: 0,
    },
    Service {
        name: "feldera.token",
        args: &["feldera", "token", "soak"],
        ends: &[SUCCEEDED],
        errors: 0,
    },
];

/// One target of the script: its key, its end, and when it gets there.
struct Planned {
    key: String,
    end: End,
    after: Duration,
}

/// The script: a seeded, reproducible mix, every end between 5% and 90%
/// of the run.
fn plan(service: usize, count: usize, run: Duration, rng: &mut fastrand::Rng) -> Vec<Planned> {
    let Service { ends, errors, .. } = SERVICES[service];
    (0..count)
        .map(|i| {
            let end = if rng.u32(0..100) < errors {
                *rng.choice([End::Error("not_found"), End::Error("gone")].iter())
                    .unwrap()
            } else if ends.len() == 1 || rng.bool() {
                ends[0]
            } else {
                ends[rng.usize(1..ends.len())]
            };
            let after = run.mul_f64(0.05 + 0.85 * rng.f64());
            let ms = after.as_millis();
            let key = format!("soak-{service}-{i}-{}-{ms}ms-{CHAOS}", end.word());
            Planned {
                key,
                end,
                after: Duration::from_millis(ms as u64),
            }
        })
        .collect()
}

/// One pipewatch process watching one service's targets.
struct Watcher {
    service: usize,
    targets: Vec<Planned>,
    child: Child,
    stdout: PathBuf,
    /// (RSS in KiB, open file descriptors), every [`SAMPLE_EVERY`].
    samples: Vec<(u64, usize)>,
    exit: Option<i32>,
}

fn rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn open_fds(pid: u32) -> Option<usize> {
    Some(std::fs::read_dir(format!("/proc/{pid}/fd")).ok()?.count())
}

fn env_number(name: &str, default: u64) -> u64 {
    match std::env::var(name) {
        Ok(v) => v
            .parse()
            .unwrap_or_else(|_| panic!("{name}={v} is not a number")),
        Err(_) => default,
    }
}

/// Seconds as `1.2 s`.
fn secs(d: Duration) -> String {
    format!("{:.1} s", d.as_secs_f64())
}

#[test]
fn fault_soak() {
    let total = env_number("PIPEWATCH_SOAK_TARGETS", 200) as usize;
    let run = Duration::from_secs(env_number("PIPEWATCH_SOAK_SECS", 60));
    let server = sim();
    let home = home();
    let dir = tempfile::tempdir().unwrap();

    let started = Instant::now();
    let mut watchers = start(&server, home.path(), dir.path(), total, run);
    sample_until_exited(&mut watchers, started, run + Duration::from_secs(120));
    let elapsed = started.elapsed();

    let mut found = Findings::default();
    println!("service          targets  exit  RSS first/last/max (KiB)  FDs first/last/max");
    for w in &watchers {
        check_process(w, &server, &mut found);
    }
    found.summary(&server, total, elapsed);
    assert!(
        found.failures.is_empty(),
        "{} problems:\n{}",
        found.failures.len(),
        found.failures.join("\n")
    );
}

/// One process per service, each watching its share of the script.
fn start(server: &Server, home: &Path, dir: &Path, total: usize, run: Duration) -> Vec<Watcher> {
    let per_service = total.div_ceil(SERVICES.len());
    let mut rng = fastrand::Rng::with_seed(5);
    (0..SERVICES.len())
        .map(|service| {
            let targets = plan(service, per_service, run, &mut rng);
            let stdout = dir.join(format!("{service}.out"));
            let stderr = dir.join(format!("{service}.err"));
            let mut cmd = std_bin_at(home, server);
            cmd.args(SERVICES[service].args)
                .args(targets.iter().map(|t| &t.key))
                .args(["--watch", "--interval", "1s", "--json"])
                .args(["--concurrency", &CONCURRENCY.to_string()])
                .stdin(Stdio::null())
                .stdout(File::create(&stdout).unwrap())
                .stderr(File::create(&stderr).unwrap());
            let child = cmd.spawn().expect("start pipewatch");
            Watcher {
                service,
                targets,
                child,
                stdout,
                samples: Vec::new(),
                exit: None,
            }
        })
        .collect()
}

/// Sample every process's RSS and descriptors every [`SAMPLE_EVERY`] until
/// all have exited; a process still running after `give_up` is a hang.
fn sample_until_exited(watchers: &mut [Watcher], started: Instant, give_up: Duration) {
    let mut next_sample = started + SAMPLE_EVERY;
    while watchers.iter().any(|w| w.exit.is_none()) {
        std::thread::sleep(Duration::from_millis(100));
        let sample = Instant::now() >= next_sample;
        for w in watchers.iter_mut().filter(|w| w.exit.is_none()) {
            if let Some(status) = w.child.try_wait().unwrap() {
                w.exit = Some(status.code().unwrap_or(-1));
            } else if sample {
                let pid = w.child.id();
                if let (Some(rss), Some(fds)) = (rss_kib(pid), open_fds(pid)) {
                    w.samples.push((rss, fds));
                }
            }
        }
        if sample {
            next_sample += SAMPLE_EVERY;
        }
        if started.elapsed() > give_up {
            let hung: Vec<&str> = watchers
                .iter_mut()
                .filter(|w| w.exit.is_none())
                .map(|w| {
                    let _ = w.child.kill();
                    SERVICES[w.service].name
                })
                .collect();
            panic!("still watching after {}: {hung:?}", secs(give_up));
        }
    }
}

/// What the checks found, and the figures the run prints.
#[derive(Default)]
struct Findings {
    failures: Vec<String>,
    /// How long after its scripted time each final answer was served.
    lateness: Vec<Duration>,
    requests: u64,
    ends: BTreeMap<String, usize>,
}

/// One process: its exit code, every target's end and polls, its RSS and
/// descriptors; prints its row of the table.
fn check_process(w: &Watcher, server: &Server, found: &mut Findings) {
    let name = SERVICES[w.service].name;
    let ends: Vec<End> = w.targets.iter().map(|t| t.end).collect();
    let expected = combined_exit_code(&ends);
    let exit = w.exit.unwrap_or(-1);
    if exit != expected {
        found.failures.push(format!(
            "{name}: exit {exit}, the script implies {expected}"
        ));
    }
    let lines = envelopes(&std::fs::read_to_string(&w.stdout).unwrap());
    if lines.len() != w.targets.len() {
        found.failures.push(format!(
            "{name}: {} envelopes for {} targets",
            lines.len(),
            w.targets.len()
        ));
    }
    for (t, line) in w.targets.iter().zip(&lines) {
        check_target(t, line, server.key_stats(&t.key), found);
    }

    let (first, last) = (w.samples.first(), w.samples.last());
    let max_rss = w.samples.iter().map(|s| s.0).max().unwrap_or(0);
    let max_fds = w.samples.iter().map(|s| s.1).max().unwrap_or(0);
    println!(
        "{name:<16} {:>7}  {exit:>4}  {:>6} / {:>6} / {:>6}     {:>3} / {:>3} / {:>3}",
        w.targets.len(),
        first.map_or(0, |s| s.0),
        last.map_or(0, |s| s.0),
        max_rss,
        first.map_or(0, |s| s.1),
        last.map_or(0, |s| s.1),
        max_fds,
    );
    if let (Some(&(rss0, fds0)), Some(&(rss1, fds1))) = (first, last) {
        if rss1 as f64 > rss0 as f64 * 1.10 {
            found
                .failures
                .push(format!("{name}: RSS grew from {rss0} KiB to {rss1} KiB"));
        }
        // Connections come and go with the faults; a leak grows with time.
        // The pool holds at most one connection per request in flight,
        // and the process about 15 descriptors of its own.
        let limit = CONCURRENCY + 32;
        if fds1 > fds0 + 8 || max_fds > limit {
            found.failures.push(format!(
                "{name}: file descriptors {fds0} -> {fds1} (max {max_fds}, limit {limit})"
            ));
        }
    }
}

/// One target: it ended as scripted, got exactly one final answer, no
/// request after it, and not before its scripted time.
fn check_target(t: &Planned, line: &Value, stats: Option<KeyStats>, found: &mut Findings) {
    let got = match line["error"]["kind"].as_str() {
        Some(kind) => format!("error {kind}"),
        None => line["state"].as_str().unwrap_or("?").to_string(),
    };
    let want = match t.end {
        End::State(s) => s.to_string(),
        End::Error(kind) => format!("error {kind}"),
    };
    *found.ends.entry(want.clone()).or_default() += 1;
    if got != want {
        found
            .failures
            .push(format!("{}: ended {got}, the script says {want}", t.key));
    }
    let Some(stats) = stats else {
        found.failures.push(format!("{}: never requested", t.key));
        return;
    };
    found.requests += stats.hits;
    let (Some((_, final_at)), Some(first_seen)) = (stats.final_hit, stats.first_seen) else {
        found
            .failures
            .push(format!("{}: never got a final answer", t.key));
        return;
    };
    if stats.hits_after_final() > 0 {
        found.failures.push(format!(
            "{}: polled {} times after its final answer",
            t.key,
            stats.hits_after_final()
        ));
    }
    match final_at.checked_duration_since(first_seen + t.after) {
        Some(late) => found.lateness.push(late),
        None => found
            .failures
            .push(format!("{}: final before its scripted time", t.key)),
    }
}

impl Findings {
    /// Print the run's figures, and fail on lateness or a fault share off ~20%.
    fn summary(&mut self, server: &Server, targets: usize, elapsed: Duration) {
        let faults = server.chaos_served();
        let injected: u64 = faults.iter().map(|f| f.1).sum();
        let share = injected as f64 / self.requests.max(1) as f64;
        let list = |items: Vec<String>| items.join(", ");
        println!(
            "{targets} targets in {}, {} requests, {injected} faults injected ({:.1}%): {}",
            secs(elapsed),
            self.requests,
            share * 100.0,
            list(
                faults
                    .iter()
                    .map(|(kind, n)| format!("{kind} {n}"))
                    .collect()
            )
        );
        println!(
            "ends: {}",
            list(
                self.ends
                    .iter()
                    .map(|(end, n)| format!("{end} {n}"))
                    .collect()
            )
        );
        self.lateness.sort();
        let Some(&max) = self.lateness.last() else {
            return;
        };
        let pct = |p: f64| self.lateness[((self.lateness.len() - 1) as f64 * p) as usize];
        println!(
            "final answer after its scripted time: median {}, p99 {}, max {}",
            secs(pct(0.5)),
            secs(pct(0.99)),
            secs(max)
        );
        if max > Duration::from_secs(30) {
            self.failures
                .push(format!("a target was seen {} after its end", secs(max)));
        }
        if !(0.15..=0.25).contains(&share) {
            self.failures.push(format!(
                "{:.1}% of requests faulted, not ~20%",
                share * 100.0
            ));
        }
    }
}
