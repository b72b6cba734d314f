//! One-off queries of the five APIs, end to end: the real binary against the
//! simulator on 127.0.0.1. CONTRACT §1, §3, §4, §5, §6 and §8.

use crate::common::*;
use serde_json::json;

#[test]
fn five_services_succeed_with_a_table() {
    let server = sim();
    let cases: [&[&str]; 5] = [
        &["llama", "pipeline", "status", "pipe-ok"],
        &["llama", "file", "status", "--pipeline", "pipe", "file-ok"],
        &["batch", "status", "job-ok"],
        &["clarifeye", "run", "--project", "proj", "run-ok"],
        &["feldera", "token", "orders", "tok-ok"],
    ];
    for args in cases {
        let (code, stdout, stderr) = query(&server, args);
        assert_eq!(code, 0, "{args:?}: {stderr}");
        let header = stdout.lines().next().unwrap_or_default();
        for column in [
            "TARGET", "STATUS", "STATE", "PROGRESS", "UPDATED", "DETAILS",
        ] {
            assert!(header.contains(column), "{args:?}: {stdout}");
        }
        assert!(stdout.contains("succeeded"), "{args:?}: {stdout}");
    }
}

#[test]
fn requests_use_the_documented_paths_auth_and_user_agent() {
    let server = sim();
    let runs: [&[&str]; 5] = [
        &["llama", "pipeline", "status", "p1", "--full-details"],
        &["llama", "file", "status", "--pipeline", "p1", "f1"],
        &[
            "batch",
            "status",
            "j1",
            "--organization-id",
            "o1",
            "--project-id",
            "pr1",
        ],
        &["clarifeye", "run", "--project", "pr1", "r1"],
        &["feldera", "token", "orders", "t1"],
    ];
    for args in runs {
        assert_eq!(query(&server, args).0, 0, "{args:?}");
    }
    let mut seen: Vec<(String, Option<String>)> = server
        .requests()
        .into_iter()
        .map(|r| (r.path, r.query))
        .collect();
    // A pipeline's status and its files' status counts go out together.
    seen[..2].sort();
    let expect = |p: &str, q: Option<&str>| (p.to_owned(), q.map(str::to_owned));
    assert_eq!(
        seen,
        [
            expect("/api/v1/pipelines/p1/files/status-counts", None),
            expect("/api/v1/pipelines/p1/status", Some("full_details=true")),
            expect("/api/v1/pipelines/p1/files/f1/status", None),
            expect(
                "/api/v1/beta/batch-processing/j1",
                Some("organization_id=o1&project_id=pr1")
            ),
            expect("/api/v1/projects/pr1/pipeline-runs/r1/", None),
            expect("/v0/pipelines/orders/completion_status", Some("token=t1")),
        ]
    );
    let requests = server.requests();
    let bearer = format!("Bearer {KEY}");
    for r in &requests[..5] {
        assert_eq!(
            r.authorization.as_deref(),
            Some(bearer.as_str()),
            "{}",
            r.path
        );
        assert_eq!(r.user_agent.as_deref(), Some("pipewatch/0.1.0"));
    }
    // Feldera needs no key and none was set.
    assert_eq!(requests[5].authorization, None);
}

#[test]
fn feldera_key_is_sent_when_set() {
    let server = sim();
    let home = home();
    let (code, _, _) = run(bin_at(home.path(), &server)
        .env("FELDERA_API_KEY", KEY)
        .args(["feldera", "token", "p", "t"]));
    assert_eq!(code, 0);
    let bearer = format!("Bearer {KEY}");
    assert_eq!(
        server.requests()[0].authorization.as_deref(),
        Some(bearer.as_str())
    );
}

#[test]
fn path_parameters_are_percent_encoded_single_segments() {
    let server = sim();
    let (code, stdout, stderr) = query(&server, &["feldera", "token", "a/b?c#d%e f", "x+y/z=="]);
    assert_eq!(code, 0, "{stderr}");
    let r = &server.requests()[0];
    assert_eq!(
        r.path,
        "/v0/pipelines/a%2Fb%3Fc%23d%25e%20f/completion_status"
    );
    assert_eq!(r.query.as_deref(), Some("token=x%2By%2Fz%3D%3D"));
    assert_eq!(r.key.as_deref(), Some("x+y/z=="));
    assert!(stdout.contains("a/b?c#d%e f"), "{stdout}");
    let (code, _, _) = query(
        &server,
        &[
            "llama",
            "file",
            "status",
            "--pipeline",
            "../admin",
            "f/../x",
        ],
    );
    assert_eq!(code, 0);
    assert_eq!(
        server.requests()[1].path,
        "/api/v1/pipelines/..%2Fadmin/files/f%2F..%2Fx/status"
    );
}

#[test]
fn json_envelope_per_target_in_argument_order() {
    let server = sim();
    let (code, stdout, _) = query(
        &server,
        &[
            "batch",
            "status",
            "--json",
            "b-running",
            "b-ok",
            "b-notfound",
            "b-partial",
        ],
    );
    assert_eq!(code, 7, "404 outranks partial and running");
    let lines = envelopes(&stdout);
    assert_eq!(lines.len(), 4);
    let ids: Vec<&str> = lines
        .iter()
        .map(|l| l["target"]["job_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["b-running", "b-ok", "b-notfound", "b-partial"]);
    let keys: Vec<&str> = lines[1]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "service",
            "target",
            "state",
            "status",
            "terminal",
            "progress",
            "observed_at",
            "response",
            "error"
        ]
    );
    assert_eq!(lines[1]["service"], "batch");
    assert_eq!(lines[1]["state"], "succeeded");
    assert_eq!(lines[1]["status"], "completed");
    assert_eq!(lines[1]["terminal"], true);
    assert_eq!(lines[1]["error"], serde_json::Value::Null);
    assert_eq!(lines[1]["response"]["job"]["id"], "b-ok");
    let progress = &lines[1]["progress"];
    assert_eq!(progress["percent"], json!(100.0));
    assert_eq!(progress["total"], json!(20));
    assert_eq!(progress["done"], json!(20));
    assert_eq!(lines[0]["state"], "running");
    assert_eq!(lines[0]["terminal"], false);
    assert_eq!(lines[2]["error"]["kind"], "not_found");
    assert_eq!(lines[2]["error"]["http_status"], 404);
    assert!(lines[2]["response"]["detail"].is_string(), "{}", lines[2]);
    assert_eq!(lines[3]["state"], "partial");
    let observed = lines[0]["observed_at"].as_str().unwrap();
    assert!(
        observed.ends_with('Z') && observed.len() == 20,
        "{observed}"
    );
}

#[test]
fn response_is_passed_through_unchanged() {
    let server = sim();
    let body = r#"{"zeta":1,"status":"complete","step":12345678901234567890123,"alpha":[1.50,{"b":null}]}"#;
    server.script(
        "tok",
        vec![Reply::Raw {
            status: 200,
            content_type: "application/json".into(),
            body: body.as_bytes().to_vec().into(),
            headers: vec![],
        }],
    );
    let (code, stdout, _) = query(&server, &["feldera", "token", "p", "tok", "--json"]);
    assert_eq!(code, 0);
    let start = stdout.find(r#""response":"#).unwrap() + r#""response":"#.len();
    assert!(stdout[start..].starts_with(body), "{stdout}");
}

#[test]
fn each_state_has_its_exit_code() {
    let server = sim();
    let cases = [
        ("ok", 0, "succeeded"),
        ("failed", 1, "failed"),
        ("partial", 3, "partial"),
        ("cancelled", 4, "cancelled"),
        ("pending", 5, "pending"),
        ("running", 5, "running"),
        ("mystery", 5, "unknown"),
    ];
    let services: [&[&str]; 4] = [
        &["llama", "pipeline", "status"],
        &["llama", "file", "status", "--pipeline", "p"],
        &["batch", "status"],
        &["clarifeye", "run", "--project", "p"],
    ];
    for service in services {
        for (word, code, state) in cases {
            let id = format!("x-{word}");
            let mut args = service.to_vec();
            args.extend(["--json", &id]);
            let (got, stdout, stderr) = query(&server, &args);
            assert_eq!(got, code, "{args:?}: {stderr}");
            assert_eq!(envelopes(&stdout)[0]["state"], state, "{args:?}");
        }
    }
}

#[test]
fn allow_partial_turns_partial_into_success() {
    let server = sim();
    let (code, _, _) = query(
        &server,
        &[
            "clarifeye",
            "run",
            "--project",
            "p",
            "r-partial",
            "--allow-partial",
        ],
    );
    assert_eq!(code, 0);
    let (code, _, _) = query(
        &server,
        &[
            "batch",
            "status",
            "b-partial",
            "b-failed",
            "--allow-partial",
        ],
    );
    assert_eq!(code, 1);
}

#[test]
fn feldera_states_come_from_the_body_whatever_the_2xx() {
    let server = sim();
    server.script(
        "t202",
        vec![Reply::json(202, json!({"status": "inprogress"}))],
    );
    server.script(
        "t200",
        vec![Reply::json(200, json!({"status": "inprogress"}))],
    );
    server.script(
        "tdone",
        vec![Reply::json(202, json!({"status": "complete", "step": 3}))],
    );
    for (token, code, state) in [
        ("t202", 5, "running"),
        ("t200", 5, "running"),
        ("tdone", 0, "succeeded"),
    ] {
        let (got, stdout, _) = query(&server, &["feldera", "token", "p", token, "--json"]);
        assert_eq!(got, code, "{token}");
        assert_eq!(envelopes(&stdout)[0]["state"], state);
    }
}

#[test]
fn unknown_status_is_shown_warned_once_and_not_finished() {
    let server = sim();
    let (code, stdout, stderr) = query(
        &server,
        &["llama", "pipeline", "status", "a-mystery", "b-mystery"],
    );
    assert_eq!(code, 5);
    assert_eq!(
        stdout.matches("QUANTUM_SUPERPOSITION").count(),
        2,
        "{stdout}"
    );
    assert_eq!(stderr.matches("unknown status").count(), 1, "{stderr}");
    assert!(stderr.contains("QUANTUM_SUPERPOSITION"));
}

#[test]
fn http_errors_map_to_kinds_and_codes_with_vendor_messages() {
    let server = sim();
    let cases = [
        ("notfound", 7, "not_found", 404),
        ("gone", 7, "gone", 410),
        ("invalid", 7, "invalid", 400),
        ("unprocessable", 7, "invalid", 422),
        ("conflict", 7, "invalid", 409),
        ("teapot", 7, "invalid", 418),
        ("unauthorized", 8, "auth", 401),
        ("forbidden", 8, "auth", 403),
    ];
    let services: [&[&str]; 3] = [
        &["llama", "pipeline", "status"],
        &["clarifeye", "run", "--project", "p"],
        &["feldera", "token", "p"],
    ];
    for (n, service) in services.into_iter().enumerate() {
        for (word, code, kind, http) in cases {
            let id = format!("x{n}-{word}");
            let mut args = service.to_vec();
            args.extend(["--json", &id]);
            let (got, stdout, stderr) = query(&server, &args);
            assert_eq!(got, code, "{args:?}");
            let e = &envelopes(&stdout)[0];
            assert_eq!(e["error"]["kind"], kind, "{args:?}");
            assert_eq!(e["error"]["http_status"], http, "{args:?}");
            assert_eq!(e["state"], "unknown");
            assert!(!e["response"].is_null(), "vendor body kept: {e}");
            // The vendor's own words reach the user.
            let message = e["error"]["message"].as_str().unwrap();
            assert!(message.starts_with(&format!("HTTP {http}")), "{message}");
            assert!(message.len() > 12, "{message}");
            assert!(stderr.contains(message), "{stderr}");
        }
        // Non-transient errors are not retried.
        assert_eq!(server.hits(&format!("x{n}-notfound")), 1);
    }
}

#[test]
fn feldera_gone_keeps_its_error_code() {
    let server = sim();
    let (code, stdout, _) = query(&server, &["feldera", "token", "p", "t-gone", "--json"]);
    assert_eq!(code, 7);
    let e = &envelopes(&stdout)[0];
    assert_eq!(e["error"]["code"], "PipelineRestarted");
    assert_eq!(e["response"]["error_code"], "PipelineRestarted");
}

#[test]
fn transient_failures_are_retried_then_unavailable() {
    let server = sim();
    let (code, stdout, _) = query(
        &server,
        &[
            "llama",
            "pipeline",
            "status",
            "p-unavailable",
            "--retries",
            "2",
            "--json",
        ],
    );
    assert_eq!(code, 9);
    assert_eq!(server.hits("p-unavailable"), 3);
    let e = &envelopes(&stdout)[0];
    assert_eq!(e["error"]["kind"], "unavailable");
    assert_eq!(e["error"]["http_status"], 503);

    let (code, _, _) = query(&server, &["batch", "status", "b-boom", "--retries", "0"]);
    assert_eq!(code, 9);
    assert_eq!(server.hits("b-boom"), 1);
}

#[test]
fn flaky_service_recovers_within_retries() {
    let server = sim();
    let (code, _, stderr) = query(
        &server,
        &["clarifeye", "run", "--project", "p", "r-flaky", "-v"],
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(server.hits("r-flaky"), 3);
    assert_eq!(stderr.matches("retrying in").count(), 2, "{stderr}");
}

#[test]
fn retry_after_is_honoured() {
    let server = sim();
    let (code, _, _) = query(&server, &["feldera", "token", "p", "t-ratelimited"]);
    assert_eq!(code, 0);
    let times: Vec<_> = server.requests().iter().map(|r| r.at).collect();
    assert_eq!(times.len(), 2);
    let waited = times[1] - times[0];
    assert!(
        waited.as_millis() >= 950,
        "waited only {waited:?} for Retry-After: 1"
    );

    let server = sim();
    let (code, _, _) = query(&server, &["feldera", "token", "p", "t-ratelimitedms"]);
    assert_eq!(code, 0);
    let times: Vec<_> = server.requests().iter().map(|r| r.at).collect();
    assert!((times[1] - times[0]).as_millis() >= 290);
}

#[test]
fn retry_after_over_a_minute_is_capped_not_refused() {
    // A one-hour Retry-After would hang a CI job; the cap is 60 s, and with
    // --retries 0 we do not wait at all: the answer is "unavailable".
    let server = sim();
    server.script(
        "t",
        vec![Reply::json(429, json!({"message": "slow down"})).with_header("Retry-After", "3600")],
    );
    let (code, stdout, _) = query(&server, &["feldera", "token", "p", "t", "--retries", "0"]);
    assert_eq!(code, 9);
    assert!(
        stdout.contains("HTTP 429 Too Many Requests: slow down"),
        "{stdout}"
    );
}

#[test]
fn connection_refused_is_unavailable() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let home = home();
    let (code, stdout, stderr) = run(bin(home.path())
        .env("FELDERA_HOST", format!("http://127.0.0.1:{port}"))
        .args(["feldera", "token", "p", "t", "--retries", "1", "--json"]));
    assert_eq!(code, 9, "{stderr}");
    let e = &envelopes(&stdout)[0];
    assert_eq!(e["error"]["kind"], "unavailable");
    assert_eq!(e["error"]["http_status"], serde_json::Value::Null);
    assert!(stderr.contains("cannot connect"), "{stderr}");
}

#[test]
fn request_timeout_is_its_own_kind() {
    let server = sim();
    let started = std::time::Instant::now();
    let (code, stdout, _) = query(
        &server,
        &[
            "llama",
            "pipeline",
            "status",
            "p-stall",
            "--request-timeout",
            "500ms",
            "--retries",
            "1",
            "--json",
        ],
    );
    assert_eq!(code, 9);
    assert_eq!(envelopes(&stdout)[0]["error"]["kind"], "timeout");
    assert_eq!(server.hits("p-stall"), 2, "timeouts are retried");
    assert!(started.elapsed().as_secs() < 20);
}

#[test]
fn connection_reset_is_unavailable() {
    let server = sim();
    let (code, _, _) = query(&server, &["batch", "status", "b-reset", "--retries", "1"]);
    assert_eq!(code, 9);
    assert_eq!(server.hits("b-reset"), 2);
}

#[test]
fn unexpected_bodies_are_bad_responses() {
    let server = sim();
    for (id, needle) in [
        ("x-html", "text/html"),
        ("x-nostatus", "status"),
        ("x-notjson", "JSON"),
    ] {
        for service in [
            vec!["llama", "pipeline", "status"],
            vec!["batch", "status"],
            vec!["clarifeye", "run", "--project", "p"],
            vec!["feldera", "token", "p"],
        ] {
            let mut args = service.clone();
            args.extend(["--json", id]);
            let (code, stdout, stderr) = query(&server, &args);
            assert_eq!(code, 10, "{args:?}");
            let e = &envelopes(&stdout)[0];
            assert_eq!(e["error"]["kind"], "bad_response", "{args:?}");
            let message = e["error"]["message"].as_str().unwrap();
            assert!(message.contains(needle), "{args:?}: {message}");
            assert!(stderr.contains("unexpected response"), "{stderr}");
        }
    }
}

#[test]
fn huge_bodies_are_refused_without_reading_them() {
    let server = sim();
    for id in ["x-huge", "x-hugecl"] {
        let started = std::time::Instant::now();
        let (code, stdout, _) = query(&server, &["llama", "pipeline", "status", id, "--json"]);
        assert_eq!(code, 10, "{id}");
        let e = &envelopes(&stdout)[0];
        assert_eq!(e["error"]["kind"], "bad_response");
        assert!(e["error"]["message"].as_str().unwrap().contains("16 MiB"));
        // Reading 200 MB would take far longer than stopping at 16 MiB.
        assert!(started.elapsed().as_secs() < 15, "{id}");
        assert_eq!(server.hits(id), 1, "not retried");
    }
}

#[test]
fn server_text_is_sanitized_in_tables() {
    let server = sim();
    let (_, stdout, _) = query(&server, &["llama", "pipeline", "status", "p-failed-escape"]);
    assert!(!stdout.contains('\u{1b}'), "{stdout:?}");
    assert!(!stdout.contains('\u{7}'), "{stdout:?}");
    assert!(stdout.contains("RED"), "{stdout}");
    let (_, stdout, _) = query(
        &server,
        &["clarifeye", "run", "--project", "p", "r-escape", "--logs"],
    );
    assert!(
        !stdout.contains('\u{1b}') && !stdout.contains('\u{7}'),
        "{stdout:?}"
    );
    let (_, stdout, _) = query(&server, &["batch", "status", "b-failed-escape"]);
    assert!(
        !stdout.contains('\u{1b}') && !stdout.contains('\u{7}'),
        "{stdout:?}"
    );
}

#[test]
fn clarifeye_run_shows_steps_and_logs() {
    let server = sim();
    let (code, stdout, _) = query(
        &server,
        &["clarifeye", "run", "--project", "p", "r-partial", "--logs"],
    );
    assert_eq!(code, 3);
    for needle in [
        "STEP",
        "Parse documents",
        "Extract tags",
        "completed_with_warnings",
        "raw_logs of p/r-partial",
    ] {
        assert!(stdout.contains(needle), "{needle}: {stdout}");
    }
    // Several runs: no steps table (it would not say whose steps they are).
    let (_, stdout, _) = query(&server, &["clarifeye", "run", "--project", "p", "a", "b"]);
    assert!(!stdout.contains("Parse documents"), "{stdout}");
}

#[test]
fn llama_errors_get_an_error_table() {
    let server = sim();
    let (code, stdout, _) = query(&server, &["llama", "pipeline", "status", "p-failed"]);
    assert_eq!(code, 1);
    let header = stdout
        .lines()
        .find(|l| l.contains("JOB"))
        .unwrap_or_else(|| panic!("no error table: {stdout}"));
    assert!(header.contains("STEP") && header.contains("MESSAGE"));
}

#[test]
fn quiet_prints_nothing_on_stdout() {
    let server = sim();
    let (code, stdout, _) = query(&server, &["batch", "status", "b-ok", "-q"]);
    assert_eq!((code, stdout.as_str()), (0, ""));
    let (code, stdout, stderr) = query(
        &server,
        &["batch", "status", "b-notfound", "--quiet", "--json"],
    );
    assert_eq!((code, stdout.as_str()), (7, ""));
    assert!(
        stderr.contains("404"),
        "errors still go to stderr: {stderr}"
    );
}

#[test]
fn verbose_logs_exchanges_without_credentials() {
    let server = sim();
    let (code, stdout, stderr) = query(
        &server,
        &["llama", "file", "status", "--pipeline", "p", "f", "-v"],
    );
    assert_eq!(code, 0);
    assert!(stderr.contains("GET http://127.0.0.1:"), "{stderr}");
    assert!(
        stderr.contains("/api/v1/pipelines/p/files/f/status"),
        "{stderr}"
    );
    assert!(stderr.contains("< 200 OK"), "{stderr}");
    assert!(stderr.contains(" ms)"), "{stderr}");
    assert!(!stdout.contains("> GET"), "logs stay off stdout: {stdout}");
}

#[test]
fn redirect_to_another_host_drops_the_authorization_header() {
    let server = sim();
    let home = home();
    let (code, _, stderr) = run(bin_at(home.path(), &server)
        .env("FELDERA_API_KEY", KEY)
        .args(["feldera", "token", "p", "t-redirect"]));
    assert_eq!(code, 0, "{stderr}");
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    assert!(requests[0].authorization.is_some());
    assert!(
        requests[1]
            .host
            .as_deref()
            .unwrap_or("")
            .starts_with("localhost")
    );
    assert_eq!(requests[1].authorization, None, "credential crossed hosts");
}

#[test]
fn proxy_from_the_environment_is_used() {
    let server = sim();
    let home = home();
    let (code, _, stderr) = run(bin(home.path())
        .env("HTTP_PROXY", server.base_url())
        .env("FELDERA_HOST", "http://feldera.example.invalid")
        .args(["feldera", "token", "p", "t"]));
    assert_eq!(code, 0, "{stderr}");
    let r = &server.requests()[0];
    assert_eq!(r.host.as_deref(), Some("feldera.example.invalid"));

    // ALL_PROXY serves when no scheme-specific proxy is set, as in curl.
    let (code, _, _) = run(bin(home.path())
        .env("ALL_PROXY", server.base_url())
        .env("FELDERA_HOST", "http://feldera.example.invalid")
        .args(["feldera", "token", "p", "t"]));
    assert_eq!(code, 0);
    assert_eq!(server.requests().len(), 2);

    // NO_PROXY wins for the hosts it names.
    let (code, _, _) = run(bin(home.path())
        .env("HTTP_PROXY", server.base_url())
        .env("NO_PROXY", "feldera.example.invalid")
        .env("FELDERA_HOST", "http://feldera.example.invalid")
        .args(["feldera", "token", "p", "t", "--retries", "0"]));
    assert_eq!(code, 9);
    assert_eq!(server.requests().len(), 2);
}

/// A SOCKS5 proxy (no auth, CONNECT only) on 127.0.0.1 that records each
/// `host:port` asked for and joins the client to 127.0.0.1 on that port.
fn socks5_proxy() -> (String, std::sync::Arc<std::sync::Mutex<Vec<String>>>) {
    use std::io::{Read, Write};
    use std::net::{TcpListener, TcpStream};
    let asked = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("socks5h://{}", listener.local_addr().unwrap());
    let seen = asked.clone();
    std::thread::spawn(move || {
        for client in listener.incoming().flatten() {
            let seen = seen.clone();
            std::thread::spawn(move || -> std::io::Result<()> {
                let mut client = client;
                let mut head = [0u8; 2];
                client.read_exact(&mut head)?;
                let mut methods = vec![0u8; usize::from(head[1])];
                client.read_exact(&mut methods)?;
                client.write_all(&[5, 0])?;
                let mut request = [0u8; 4];
                client.read_exact(&mut request)?;
                let host = match request[3] {
                    1 => {
                        let mut ip = [0u8; 4];
                        client.read_exact(&mut ip)?;
                        std::net::Ipv4Addr::from(ip).to_string()
                    }
                    3 => {
                        let mut len = [0u8; 1];
                        client.read_exact(&mut len)?;
                        let mut name = vec![0u8; usize::from(len[0])];
                        client.read_exact(&mut name)?;
                        String::from_utf8_lossy(&name).into_owned()
                    }
                    _ => return Ok(()),
                };
                let mut port = [0u8; 2];
                client.read_exact(&mut port)?;
                let port = u16::from_be_bytes(port);
                seen.lock().unwrap().push(format!("{host}:{port}"));
                let upstream = TcpStream::connect(("127.0.0.1", port))?;
                client.write_all(&[5, 0, 0, 1, 0, 0, 0, 0, 0, 0])?;
                let (mut up_read, mut client_write) = (upstream.try_clone()?, client.try_clone()?);
                std::thread::spawn(move || std::io::copy(&mut up_read, &mut client_write));
                std::io::copy(&mut client, &mut &upstream)?;
                Ok(())
            });
        }
    });
    (url, asked)
}

#[test]
fn socks5_proxy_from_all_proxy_is_used_as_curl_does() {
    let server = sim();
    let home = home();
    let (proxy, asked) = socks5_proxy();
    let host = format!("feldera.example.invalid:{}", server.addr().port());
    let (code, stdout, stderr) = run(bin(home.path())
        .env("ALL_PROXY", &proxy)
        .env("FELDERA_HOST", format!("http://{host}"))
        .args(["feldera", "token", "p", "t"]));
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("complete"), "{stdout}");
    // socks5h: the proxy resolves the name, as curl does with it.
    assert_eq!(*asked.lock().unwrap(), [host]);
    assert_eq!(server.requests().len(), 1);
}

#[test]
fn concurrency_bounds_requests_in_flight() {
    let server = sim();
    let ids: Vec<String> = (0..4).map(|i| format!("t{i}-slow")).collect();
    let mut args = vec!["feldera", "token", "p", "--concurrency", "2"];
    args.extend(ids.iter().map(String::as_str));
    let (code, stdout, _) = query(&server, &args);
    assert_eq!(code, 0);
    let mut times: Vec<_> = server.requests().iter().map(|r| r.at).collect();
    times.sort();
    // Each answer takes 1 s: with two in flight the third request waits
    // for one of the first two.
    assert!((times[2] - times[0]).as_millis() >= 900, "{times:?}");
    let rows: Vec<&str> = stdout.lines().skip(1).collect();
    assert!(
        rows[0].contains("t0-slow") && rows[3].contains("t3-slow"),
        "{stdout}"
    );
}

#[test]
fn waiting_to_retry_does_not_hold_a_request_slot() {
    let server = sim();
    // With one slot, each target's 429 (Retry-After: 1) must let the other
    // target in before its retry: x, y, x, y rather than x, x, y, y.
    let args = ["feldera", "token", "p", "--concurrency", "1"];
    let (code, _, _) = query(
        &server,
        &[&args[..], &["x-ratelimited", "y-ratelimited"]].concat(),
    );
    assert_eq!(code, 0);
    let keys: Vec<String> = server
        .requests()
        .into_iter()
        .filter_map(|r| r.key)
        .collect();
    assert_eq!(keys.len(), 4, "{keys:?}");
    assert_ne!(
        keys[0], keys[1],
        "the retry wait held the only slot: {keys:?}"
    );
}

#[test]
fn many_targets_combine_by_severity() {
    let server = sim();
    let cases: [(&[&str], i32); 6] = [
        (&["a-ok", "b-running", "c-partial"], 3),
        (&["a-partial", "b-cancelled"], 4),
        (&["a-cancelled", "b-failed"], 1),
        (&["a-failed", "b-gone"], 7),
        (&["a-gone", "b-html"], 10),
        (&["a-html", "b-unauthorized", "c-unavailable"], 8),
    ];
    for (ids, code) in cases {
        let mut args = vec!["llama", "pipeline", "status", "--retries", "0"];
        args.extend(ids);
        assert_eq!(query(&server, &args).0, code, "{ids:?}");
    }
}

#[test]
fn colour_follows_flag_and_environment() {
    let server = sim();
    let home = home();
    let table = |cmd: &mut assert_cmd::Command| run(cmd.args(["batch", "status", "b-ok"])).1;
    // The helpers set NO_COLOR=1; stdout is a pipe either way.
    let plain = table(&mut bin_at(home.path(), &server));
    assert!(!plain.contains('\u{1b}'), "{plain:?}");
    let forced = table(bin_at(home.path(), &server).arg("--color=always"));
    assert!(forced.contains("\u{1b}["), "{forced:?}");
    let never = table(
        bin_at(home.path(), &server)
            .env_remove("NO_COLOR")
            .env("CLICOLOR_FORCE", "1")
            .arg("--color=never"),
    );
    assert!(!never.contains('\u{1b}'), "{never:?}");
    let clicolor = table(
        bin_at(home.path(), &server)
            .env_remove("NO_COLOR")
            .env("CLICOLOR_FORCE", "1"),
    );
    assert!(clicolor.contains("\u{1b}["), "{clicolor:?}");
    let piped = table(bin_at(home.path(), &server).env_remove("NO_COLOR"));
    assert!(!piped.contains('\u{1b}'), "not a terminal: {piped:?}");
}

#[test]
fn request_timeout_408_is_retried_like_other_transient_failures() {
    let server = sim();
    server.script(
        "t",
        vec![
            Reply::json(408, json!({"message": "timeout"})),
            Reply::json(200, json!({"status": "complete"})),
        ],
    );
    let (code, _, _) = query(&server, &["feldera", "token", "p", "t"]);
    assert_eq!(code, 0);
    assert_eq!(server.hits("t"), 2);
}

#[test]
fn eight_requests_in_flight_by_default() {
    let server = sim();
    let ids: Vec<String> = (0..9).map(|i| format!("t{i}-slow")).collect();
    let mut args = vec!["feldera", "token", "p"];
    args.extend(ids.iter().map(String::as_str));
    let (code, _, _) = query(&server, &args);
    assert_eq!(code, 0);
    let mut times: Vec<_> = server.requests().iter().map(|r| r.at).collect();
    times.sort();
    // Each answer takes 1 s: eight start together, the ninth waits.
    assert!((times[7] - times[0]).as_millis() < 500, "{times:?}");
    assert!((times[8] - times[0]).as_millis() >= 900, "{times:?}");
}

/// CONTRACT §11: with stdout not a terminal (here a pipe), a table run
/// still says on stderr why each errored target failed, as --json does.
#[test]
fn table_errors_reach_stderr_when_stdout_is_not_a_terminal() {
    let server = sim();
    let (code, stdout, stderr) = query(
        &server,
        &[
            "llama",
            "pipeline",
            "status",
            "p-ok",
            "p-notfound",
            "p-forbidden",
        ],
    );
    assert_eq!(code, 8, "{stderr}");
    assert!(
        stdout.contains("not_found") && stdout.contains("auth"),
        "{stdout}"
    );
    let errors: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("error: "))
        .collect();
    assert_eq!(
        errors,
        [
            "error: llama.pipeline p-notfound: HTTP 404 Not Found: Not found.",
            "error: llama.pipeline p-forbidden: HTTP 403 Forbidden: You do not have permission to perform this action.",
        ],
        "{stderr}"
    );
}
