//! `-v` shows every exchange, each redirect hop included, each line tagged
//! with its request's number; a 401 after a redirect to another host says
//! the key was not sent there (CONTRACT §13). The simulator's `redirect`
//! word answers 307 to the same URL on `localhost`, another host.

use std::collections::BTreeMap;

use crate::common::*;

/// The `-v` lines of stderr, by request number: `[3] > GET ...` -> 3.
fn by_number(stderr: &str) -> BTreeMap<u64, Vec<String>> {
    let mut lines: BTreeMap<u64, Vec<String>> = BTreeMap::new();
    for line in stderr.lines() {
        let Some(rest) = line.strip_prefix('[') else {
            continue;
        };
        let Some((number, text)) = rest.split_once("] ") else {
            continue;
        };
        if let Ok(number) = number.parse() {
            lines.entry(number).or_default().push(text.to_owned());
        }
    }
    lines
}

#[test]
fn every_hop_is_logged_and_the_401_says_the_key_stayed_behind() {
    let server = sim();
    let port = server
        .base_url()
        .rsplit(':')
        .next()
        .unwrap()
        .trim_end_matches('/')
        .to_owned();
    let (code, stdout, stderr) = query(
        &server,
        &["batch", "status", "job-redirect", "-v", "--json"],
    );
    assert_eq!(code, 8, "{stderr}");
    let exchanges = by_number(&stderr);
    assert_eq!(
        exchanges.len(),
        1,
        "one request, its hops under one number: {stderr}"
    );
    let lines = exchanges.values().next().unwrap();
    let path = "/api/v1/beta/batch-processing/job-redirect";
    assert!(
        lines[0].starts_with(&format!("> GET http://127.0.0.1:{port}{path}")),
        "{stderr}"
    );
    // The simulator redirects to the same URL without the word.
    let next = format!("http://localhost:{port}/api/v1/beta/batch-processing/job");
    assert_eq!(
        lines[1],
        format!("< 307 Temporary Redirect -> Location: {next}"),
        "{stderr}"
    );
    assert_eq!(lines[2], format!("> GET {next}"), "{stderr}");
    assert!(lines[3].starts_with("< 401 Unauthorized"), "{stderr}");
    assert_eq!(lines.len(), 4, "{stderr}");
    // The message, on stderr and in the envelope, says why.
    let said = format!("the key was not sent to localhost:{port}");
    let envelope = &envelopes(&stdout)[0];
    let message = envelope["error"]["message"].as_str().unwrap_or_default();
    assert!(message.contains(&said), "{message}");
    assert_eq!(envelope["error"]["kind"], "auth");
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    assert!(requests[0].authorization.is_some());
    assert_eq!(requests[1].authorization, None);
}

#[test]
fn a_401_from_the_host_asked_says_nothing_of_redirects() {
    let server = sim();
    let (code, stdout, stderr) = query(&server, &["batch", "status", "job-unauthorized", "--json"]);
    assert_eq!(code, 8, "{stderr}");
    let envelope = &envelopes(&stdout)[0];
    let message = envelope["error"]["message"].as_str().unwrap_or_default();
    assert!(!message.contains("redirect"), "{message}");
}

#[test]
fn concurrent_exchanges_are_told_apart_by_number() {
    let server = sim();
    let ids = ["job-a-slow", "job-b-slow", "job-c-flaky"];
    let (code, _, stderr) = query(&server, &[&["batch", "status", "-v"][..], &ids].concat());
    assert_eq!(code, 0, "{stderr}");
    let exchanges = by_number(&stderr);
    // job-c's two 503s are retried: 3 + 2 requests, each its own number.
    assert_eq!(exchanges.len(), 5, "{stderr}");
    for (number, lines) in &exchanges {
        let get = lines
            .iter()
            .find(|l| l.starts_with("> GET"))
            .expect("a request line");
        let answer = lines
            .iter()
            .find(|l| l.starts_with("< "))
            .expect("an answer line");
        let job = ids
            .iter()
            .find(|id| get.ends_with(*id))
            .expect("a job's URL");
        // job-c's first answers are 503s; the slow ones answer 200.
        if job.ends_with("flaky") {
            assert!(
                answer.starts_with("< 503") || answer.starts_with("< 200"),
                "[{number}] {answer}"
            );
        } else {
            assert!(answer.starts_with("< 200"), "[{number}] {answer}");
        }
    }
}
