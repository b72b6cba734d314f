//! The exporter as Prometheus meets it: the real binary on 127.0.0.1:0,
//! asked over HTTP, its answers read back by a Prometheus text-format
//! parser (`prometheus-parse`), not by string matching.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Stdio};
use std::sync::{Arc, Mutex};

use prometheus_parse::{Scrape, Value};

use crate::common::{KEY, Server, std_bin_at};

/// A running `pipewatch exporter`, stopped when dropped.
pub struct Exporter {
    child: Child,
    pub addr: String,
    stderr: Arc<Mutex<String>>,
}

impl Exporter {
    /// `pipewatch exporter --addr 127.0.0.1:0 <args>` pointed at `server`.
    pub fn start(home: &Path, server: &Server, args: &[&str]) -> Exporter {
        let mut cmd = std_bin_at(home, server);
        Exporter::spawn(
            cmd.args(["exporter", "--addr", "127.0.0.1:0", "--retries", "0"])
                .args(args),
        )
    }

    pub fn spawn(cmd: &mut std::process::Command) -> Exporter {
        let mut child = cmd
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start the exporter");
        let mut stderr = BufReader::new(child.stderr.take().expect("stderr"));
        let mut first = String::new();
        stderr
            .read_line(&mut first)
            .expect("the exporter's first line");
        let addr = first
            .split("http://")
            .nth(1)
            .and_then(|rest| rest.split_whitespace().next())
            .unwrap_or_else(|| panic!("no address in {first:?}"))
            .to_owned();
        let rest = Arc::new(Mutex::new(first));
        let sink = Arc::clone(&rest);
        std::thread::spawn(move || {
            let mut text = String::new();
            let _ = stderr.read_to_string(&mut text);
            sink.lock().unwrap().push_str(&text);
        });
        Exporter {
            child,
            addr,
            stderr: rest,
        }
    }

    /// GET `path_and_query` with these extra headers: (status, body).
    pub fn get_with(&self, path_and_query: &str, headers: &[(&str, &str)]) -> (u16, String) {
        let mut stream = TcpStream::connect(&self.addr).expect("connect to the exporter");
        let mut request = format!(
            "GET {path_and_query} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n",
            self.addr
        );
        for (name, value) in headers {
            request.push_str(&format!("{name}: {value}\r\n"));
        }
        request.push_str("\r\n");
        stream.write_all(request.as_bytes()).expect("send");
        let mut answer = String::new();
        stream.read_to_string(&mut answer).expect("read the answer");
        assert!(!answer.contains(KEY), "key leaked in an answer: {answer}");
        let (head, body) = answer.split_once("\r\n\r\n").expect("a head and a body");
        let status = head
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .expect("a status code");
        (status, body.to_owned())
    }

    pub fn get(&self, path_and_query: &str) -> (u16, String) {
        self.get_with(path_and_query, &[])
    }

    /// A probe that must answer 200, parsed.
    pub fn probe(&self, query: &str) -> Series {
        let (status, body) = self.get(&format!("/probe?{query}"));
        assert_eq!(status, 200, "{query}: {body}");
        Series::parse(&body)
    }

    /// What the exporter wrote on stderr so far.
    pub fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }
}

impl Drop for Exporter {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let stderr = self.stderr();
        if !std::thread::panicking() {
            assert!(!stderr.contains(KEY), "key leaked on stderr: {stderr}");
            assert!(
                !stderr.contains("panicked"),
                "the exporter panicked: {stderr}"
            );
        }
    }
}

/// One parsed series: its name, its labels (sorted) and its value.
pub type Sample = (String, Vec<(String, String)>, f64);

/// Parsed series, with the text they were read from.
pub struct Series {
    pub text: String,
    pub samples: Vec<Sample>,
}

impl Series {
    pub fn parse(text: &str) -> Series {
        assert!(text.ends_with("# EOF\n"), "not OpenMetrics: {text}");
        let scrape = Scrape::parse(text.lines().map(|l| Ok(l.to_owned())))
            .unwrap_or_else(|e| panic!("does not parse ({e}): {text}"));
        let samples = scrape
            .samples
            .into_iter()
            .map(|s| {
                let value = match s.value {
                    Value::Gauge(v) | Value::Counter(v) | Value::Untyped(v) => v,
                    other => panic!("unexpected {other:?} in {text}"),
                };
                let mut labels: Vec<(String, String)> = s
                    .labels
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                labels.sort();
                (s.metric, labels, value)
            })
            .collect();
        Series {
            text: text.to_owned(),
            samples,
        }
    }

    /// The value of the one series `name` with exactly these labels.
    pub fn value(&self, name: &str, labels: &[(&str, &str)]) -> f64 {
        let mut want: Vec<(String, String)> = labels
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        want.sort();
        let found: Vec<f64> = self
            .samples
            .iter()
            .filter(|(n, l, _)| n == name && *l == want)
            .map(|(_, _, v)| *v)
            .collect();
        assert_eq!(found.len(), 1, "{name}{labels:?} in:\n{}", self.text);
        found[0]
    }

    /// Every series named `name`.
    pub fn named(&self, name: &str) -> Vec<&Sample> {
        self.samples.iter().filter(|(n, _, _)| n == name).collect()
    }

    /// The names of the series, each once, in order.
    pub fn names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = Vec::new();
        for (name, _, _) in &self.samples {
            if !names.contains(&name.as_str()) {
                names.push(name);
            }
        }
        names
    }
}

/// The seven states, in the contract's order.
pub const STATES: [&str; 7] = [
    "pending",
    "running",
    "succeeded",
    "partial",
    "failed",
    "cancelled",
    "unknown",
];

/// Every state series of one target: `current` 1, the six others 0.
pub fn assert_state(series: &Series, service: &str, target: &str, current: &str) {
    for state in STATES {
        let labels = [("service", service), ("target", target), ("state", state)];
        let want = if state == current { 1.0 } else { 0.0 };
        assert_eq!(
            series.value("pipewatch_target_state", &labels),
            want,
            "{target} {state}"
        );
    }
    assert_eq!(series.named("pipewatch_target_state").len() % 7, 0);
}
