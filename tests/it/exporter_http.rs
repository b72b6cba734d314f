//! The exporter's HTTP as Prometheus' clients expect it (CONTRACT §17):
//! `HEAD` is `GET` without a body, other methods 405 with `Allow`;
//! OpenMetrics for a client that accepts it, the text format 0.0.4 for
//! any other, with `# HELP` and `# TYPE` on every family in both, `/metrics`
//! included; and a probe cut by its scrape's deadline names the error kind
//! of its last transient failure (`unavailable` for a 429 or a connect
//! error), `timeout` only for a vendor that did not answer.

use std::collections::BTreeSet;
use std::io::{Read, Write};
use std::net::TcpStream;

use crate::common::exporter::*;
use crate::common::*;
use prometheus_parse::Scrape;

/// One exchange: (status, headers in lower case, body).
fn exchange(
    addr: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
) -> (u16, Vec<(String, String)>, String) {
    let mut stream = TcpStream::connect(addr).expect("connect");
    let mut request = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str("Content-Length: 0\r\n\r\n");
    stream.write_all(request.as_bytes()).expect("send");
    let mut answer = String::new();
    stream.read_to_string(&mut answer).expect("read");
    assert!(!answer.contains(KEY), "key leaked: {answer}");
    let (head, body) = answer.split_once("\r\n\r\n").expect("a head");
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .expect("a status");
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    (status, headers, body.to_owned())
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

const PROBE: &str = "/probe?service=batch&job_id=job-running-items8";

#[test]
fn head_is_get_without_a_body_and_other_methods_are_405_with_allow() {
    let (server, home) = (sim(), home());
    let exporter = Exporter::start(home.path(), &server, &[]);
    for path in [PROBE, "/metrics", "/"] {
        let (status, got, body) = exchange(&exporter.addr, "GET", path, &[]);
        let (head_status, head, head_body) = exchange(&exporter.addr, "HEAD", path, &[]);
        assert_eq!((status, head_status), (200, 200), "{path}");
        assert!(!body.is_empty(), "{path}");
        assert!(head_body.is_empty(), "{path}: HEAD has a body: {head_body}");
        assert_eq!(
            header(&head, "content-type"),
            header(&got, "content-type"),
            "{path}"
        );
        assert!(header(&head, "content-length").is_some(), "{path}");
    }
    for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"] {
        for path in [PROBE, "/metrics"] {
            let (status, headers, _) = exchange(&exporter.addr, method, path, &[]);
            assert_eq!(status, 405, "{method} {path}");
            assert_eq!(
                header(&headers, "allow"),
                Some("GET, HEAD"),
                "{method} {path}"
            );
        }
    }
}

/// Every family's name, and the families with a `# HELP` and a `# TYPE`.
fn described(text: &str) -> (BTreeSet<String>, BTreeSet<String>, BTreeSet<String>) {
    let scrape = Scrape::parse(text.lines().map(|l| Ok(l.to_owned())))
        .unwrap_or_else(|e| panic!("does not parse ({e}): {text}"));
    let comment = |kind: &str| -> BTreeSet<String> {
        text.lines()
            .filter_map(|l| l.strip_prefix(&format!("# {kind} ")))
            .filter_map(|rest| rest.split_whitespace().next())
            .map(str::to_owned)
            .collect()
    };
    let families = scrape.samples.iter().map(|s| s.metric.clone()).collect();
    (families, comment("HELP"), comment("TYPE"))
}

#[test]
fn openmetrics_to_who_asks_for_it_the_text_format_to_any_other() {
    let (server, home) = (sim(), home());
    let exporter = Exporter::start(home.path(), &server, &[]);
    let openmetrics = "application/openmetrics-text";
    let text_004 = "text/plain; version=0.0.4; charset=utf-8";
    let clients: [(&[(&str, &str)], &str); 5] = [
        (&[("Accept", PROMETHEUS_ACCEPT)], openmetrics),
        (
            &[("Accept", "application/openmetrics-text; version=1.0.0")],
            openmetrics,
        ),
        (&[], text_004),
        (&[("Accept", "text/plain;version=0.0.4")], text_004),
        (&[("Accept", "*/*")], text_004),
    ];
    for path in [PROBE, "/metrics"] {
        for (headers, expected) in clients {
            let (status, got, body) = exchange(&exporter.addr, "GET", path, headers);
            assert_eq!(status, 200, "{path} {headers:?}: {body}");
            let content_type = header(&got, "content-type").unwrap_or_default();
            assert!(
                content_type.starts_with(expected),
                "{path} {headers:?}: {content_type}"
            );
            let is_openmetrics = expected == openmetrics;
            assert_eq!(body.ends_with("# EOF\n"), is_openmetrics, "{path}: {body}");
            let (families, help, kind) = described(&body);
            assert!(!families.is_empty(), "{path}: {body}");
            for family in &families {
                // An OpenMetrics counter's family drops `_total`; the text
                // format names it with its sample.
                let name = match family.strip_suffix("_total") {
                    Some(bare) if is_openmetrics => bare.to_owned(),
                    _ => family.clone(),
                };
                assert!(help.contains(&name), "{path}: no HELP for {name}: {body}");
                assert!(kind.contains(&name), "{path}: no TYPE for {name}: {body}");
            }
        }
    }
    let (_, _, body) = exchange(&exporter.addr, "GET", PROBE, &[]);
    let series = Series::parse(&format!("{body}# EOF\n"));
    assert_eq!(series.value("pipewatch_probe_success", &[]), 1.0);
    assert_state(&series, "batch", "job-running-items8", "running");
}

/// A probe with a 1 s scrape timeout: its `error` label.
fn cut_short(exporter: &Exporter, query: &str) -> String {
    let (status, body) = exporter.get_with(
        &format!("/probe?{query}"),
        &[
            ("X-Prometheus-Scrape-Timeout-Seconds", "1"),
            ("Accept", PROMETHEUS_ACCEPT),
        ],
    );
    assert_eq!(status, 200, "{body}");
    let series = Series::parse(&body);
    let failed = series.named("pipewatch_probe_success");
    assert_eq!(failed.len(), 1, "{body}");
    assert_eq!(failed[0].2, 0.0, "{body}");
    failed[0]
        .1
        .iter()
        .find(|(name, _)| name == "error")
        .map(|(_, kind)| kind.clone())
        .unwrap_or_else(|| panic!("no error label: {body}"))
}

#[test]
fn a_deadline_keeps_the_kind_of_the_last_transient_failure() {
    let server = sim();
    let home = home();
    // The exporter's default retries: a 429's `Retry-After: 10` and the
    // backoff after a refused connection are waited out, and the scrape's
    // deadline comes first.
    let mut cmd = std_bin_at(home.path(), &server);
    let exporter = Exporter::spawn(cmd.args(["exporter", "--addr", "127.0.0.1:0"]));
    assert_eq!(
        cut_short(&exporter, "service=batch&job_id=job-throttled"),
        "unavailable"
    );
    assert_eq!(
        cut_short(&exporter, "service=llama.parse&job_id=job-throttled"),
        "unavailable"
    );
    // Several targets asked at once: their failures reach the probe too.
    assert_eq!(
        cut_short(
            &exporter,
            "service=llama.file&pipeline_id=p&file_id=f-throttled"
        ),
        "unavailable"
    );
    // A vendor that did not answer in time: timeout.
    assert_eq!(
        cut_short(&exporter, "service=batch&job_id=job-stall"),
        "timeout"
    );

    // A refused connection, retried until the deadline.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let nowhere = format!("http://{}", closed.local_addr().unwrap());
    drop(closed);
    let mut cmd = std_bin_at(home.path(), &server);
    cmd.env("LLAMA_CLOUD_BASE_URL", &nowhere).args([
        "exporter",
        "--addr",
        "127.0.0.1:0",
        "--retries",
        "10",
    ]);
    let exporter = Exporter::spawn(&mut cmd);
    assert_eq!(
        cut_short(&exporter, "service=batch&job_id=job-ok"),
        "unavailable"
    );
}
