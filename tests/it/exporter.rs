//! `pipewatch exporter` (CONTRACT §15) against the simulator over HTTP:
//! every series and value a probe answers, bad probes, vendor failures,
//! profiles, and that a probe can neither choose a host nor leak a key.

use crate::common::exporter::*;
use crate::common::*;

#[test]
fn a_pipeline_probe_has_every_target_series() {
    let server = sim();
    let home = home();
    let exporter = Exporter::start(home.path(), &server, &[]);
    let series = exporter.probe("service=llama.pipeline&pipeline_id=docs-failed");
    assert_eq!(
        series.names(),
        [
            "pipewatch_probe_success",
            "pipewatch_probe_duration_seconds",
            "pipewatch_target_state",
            "pipewatch_target_progress_ratio",
            "pipewatch_target_updated_timestamp_seconds",
        ]
    );
    assert_eq!(series.value("pipewatch_probe_success", &[]), 1.0);
    let duration = series.value("pipewatch_probe_duration_seconds", &[]);
    assert!(duration > 0.0 && duration < 60.0, "{duration}");
    assert_state(&series, "llama.pipeline", "docs-failed", "failed");
    let target = [("service", "llama.pipeline"), ("target", "docs-failed")];
    // The simulator's status counts: every file of a finished pipeline is done.
    assert_eq!(
        series.value("pipewatch_target_progress_ratio", &target),
        1.0
    );
    // effective_at is the simulator's clock now: a time of this century.
    let updated = series.value("pipewatch_target_updated_timestamp_seconds", &target);
    assert!(updated > 1.7e9 && updated < 4.1e9, "{updated}");
    // One poll of `llama pipeline status`: its status and its files' counts.
    let mut paths: Vec<String> = requests(&server).into_iter().map(|(p, _)| p).collect();
    paths.sort();
    assert_eq!(
        paths,
        [
            "/api/v1/pipelines/docs-failed/files/status-counts",
            "/api/v1/pipelines/docs-failed/status",
        ]
    );
}

#[test]
fn each_service_reports_its_state_progress_and_update_time() {
    let server = sim();
    let home = home();
    let exporter = Exporter::start(home.path(), &server, &[]);
    // (query, service, target label, state, progress ratio)
    let cases = [
        (
            "service=batch&job_id=nightly-running-items8",
            "batch",
            "nightly-running-items8",
            "running",
            None,
        ),
        (
            "service=batch&job_id=nightly-partial-items8",
            "batch",
            "nightly-partial-items8",
            "partial",
            Some(1.0),
        ),
        (
            "service=llama.file&pipeline_id=p&file_id=f-cancelled",
            "llama.file",
            "p/f-cancelled",
            "cancelled",
            None,
        ),
        (
            "service=clarifeye.run&project_id=demo&pipeline_run_id=r-ok",
            "clarifeye.run",
            "demo/r-ok",
            "succeeded",
            Some(1.0),
        ),
        (
            "service=feldera.token&pipeline_name=orders&token=tok-running",
            "feldera.token",
            "orders/tok-running",
            "running",
            None,
        ),
        (
            "service=llama.pipeline&pipeline_id=docs-pending",
            "llama.pipeline",
            "docs-pending",
            "pending",
            None,
        ),
        (
            "service=llama.file&pipeline_id=p&file_id=f-mystery",
            "llama.file",
            "p/f-mystery",
            "unknown",
            None,
        ),
    ];
    for (query, service, target, state, ratio) in cases {
        let series = exporter.probe(query);
        assert_eq!(series.value("pipewatch_probe_success", &[]), 1.0, "{query}");
        assert_state(&series, service, target, state);
        let labels = [("service", service), ("target", target)];
        if let Some(ratio) = ratio {
            let got = series.value("pipewatch_target_progress_ratio", &labels);
            assert_eq!(got, ratio, "{query}");
        }
        for (_, labels, value) in series.named("pipewatch_target_progress_ratio") {
            assert!((0.0..=1.0).contains(value), "{query}: {labels:?} {value}");
        }
    }
}

#[test]
fn a_collection_is_counts_per_state_from_one_poll_of_its_listing() {
    let server = sim();
    let home = home();
    let exporter = Exporter::start(home.path(), &server, &[]);
    // 40 files: items 0, 10, 20, 30 end in ERROR, the others succeed.
    let series = exporter.probe("service=llama.file&pipeline_id=docs-items40-failed&all=1");
    assert_eq!(series.value("pipewatch_probe_success", &[]), 1.0);
    let count = |state| {
        series.value(
            "pipewatch_collection_items",
            &[
                ("service", "llama.file"),
                ("collection", "docs-items40-failed/*"),
                ("state", state),
            ],
        )
    };
    assert_eq!(count("failed"), 4.0);
    assert_eq!(count("succeeded"), 36.0);
    for state in ["pending", "running", "partial", "cancelled", "unknown"] {
        assert_eq!(count(state), 0.0, "{state}");
    }
    // Counts only: no series per item.
    assert!(series.named("pipewatch_target_state").is_empty());
    assert_eq!(series.named("pipewatch_collection_items").len(), 7);
    // One page of 1000, as `llama file status --all` asks it.
    let asked = requests(&server);
    assert_eq!(asked.len(), 1, "{asked:?}");
    assert_eq!(
        asked[0].0,
        "/api/v1/beta/pipelines/docs-items40-failed/files"
    );
    assert!(asked[0].1.contains("page_size=1000"), "{asked:?}");

    // Filters go to the listing as the command's flags do.
    let series = exporter.probe("service=clarifeye.run&project_id=demo&all=1&status=failed");
    let failed = [
        ("service", "clarifeye.run"),
        ("collection", "demo/*"),
        ("state", "failed"),
    ];
    assert!(series.value("pipewatch_collection_items", &failed) >= 0.0);
    let (path, query) = requests(&server).pop().unwrap();
    assert_eq!(path, "/api/v1/projects/demo/pipeline-runs/");
    assert!(query.contains("status=failed"), "{query}");
}

#[test]
fn a_vendor_failure_is_probe_success_0_with_its_kind_never_a_500() {
    let server = sim();
    let home = home();
    let exporter = Exporter::start(home.path(), &server, &[]);
    let cases = [
        ("service=batch&job_id=j-notfound", "not_found"),
        ("service=batch&job_id=j-unauthorized", "auth"),
        ("service=batch&job_id=j-unavailable", "unavailable"),
        ("service=batch&job_id=j-html", "bad_response"),
        ("service=feldera.token&pipeline_name=o&token=t-gone", "gone"),
        (
            "service=llama.file&pipeline_id=p-notfound&all=1",
            "not_found",
        ),
    ];
    for (query, kind) in cases {
        let series = exporter.probe(query);
        assert_eq!(
            series.value("pipewatch_probe_success", &[("error", kind)]),
            0.0,
            "{query}"
        );
        assert!(series.named("pipewatch_target_state").is_empty(), "{query}");
        assert!(
            series.named("pipewatch_collection_items").is_empty(),
            "{query}"
        );
        assert_eq!(series.named("pipewatch_probe_duration_seconds").len(), 1);
    }
}

#[test]
fn a_probe_ends_within_the_scrape_timeout() {
    let server = sim();
    let home = home();
    let exporter = Exporter::start(home.path(), &server, &[]);
    // Every answer is 30 s late; Prometheus gives this scrape 1 s.
    let (status, body) = exporter.get_with(
        "/probe?service=feldera.token&pipeline_name=o&token=t-stall",
        &[("X-Prometheus-Scrape-Timeout-Seconds", "1")],
    );
    assert_eq!(status, 200, "{body}");
    let series = Series::parse(&body);
    assert_eq!(
        series.value("pipewatch_probe_success", &[("error", "timeout")]),
        0.0
    );
}

#[test]
fn bad_probes_are_400_with_a_one_line_reason() {
    let server = sim();
    let home = home();
    let exporter = Exporter::start(home.path(), &server, &[]);
    let cases = [
        ("/probe", "missing `service`"),
        (
            "/probe?service=llama.nope&pipeline_id=p",
            "unknown service `llama.nope`",
        ),
        (
            "/probe?service=llama.file&pipeline_id=p",
            "missing `file_id`",
        ),
        (
            "/probe?service=clarifeye.run&pipeline_run_id=r",
            "missing `project_id`",
        ),
        (
            "/probe?service=llama.pipeline&pipeline_id=p&all=1",
            "has no collection",
        ),
        (
            "/probe?service=llama.file&pipeline_id=p&all=1&status=done",
            "invalid status `done`",
        ),
        (
            "/probe?service=llama.pipeline&pipeline_id=..",
            "cannot be a pipeline_id",
        ),
        ("/probe?service=batch&job_id=j&profile=nosuch", "nosuch"),
    ];
    for (path, says) in cases {
        let (status, body) = exporter.get(path);
        assert_eq!(status, 400, "{path}: {body}");
        assert!(body.contains(says), "{path}: {body}");
        assert_eq!(body.lines().count(), 1, "{path}: {body:?}");
    }
    assert!(server.requests().is_empty(), "{:?}", requests(&server));
    assert_eq!(exporter.get("/nowhere").0, 404);
}

#[test]
fn a_probe_cannot_choose_the_host_or_the_key() {
    let server = sim();
    let elsewhere = sim();
    let home = home();
    let exporter = Exporter::start(home.path(), &server, &[]);
    let other = elsewhere.base_url();
    for name in [
        "base_url",
        "host",
        "api_key",
        "feldera_host",
        "LLAMA_CLOUD_BASE_URL",
    ] {
        let (status, body) = exporter.get(&format!(
            "/probe?service=llama.pipeline&pipeline_id=p&{name}={other}"
        ));
        assert_eq!(status, 400, "{name}: {body}");
        assert!(
            body.contains(&format!("unknown parameter `{name}`")),
            "{body}"
        );
    }
    assert!(elsewhere.requests().is_empty());
    assert!(server.requests().is_empty());
    // The key goes to the exporter's configured server only, as a Bearer key.
    exporter.probe("service=llama.pipeline&pipeline_id=p");
    for request in server.requests() {
        assert_eq!(request.authorization, Some(format!("Bearer {KEY}")));
    }
    // `-v` logs exchanges, keys redacted (the harness checks stderr on drop).
    let verbose = Exporter::start(home.path(), &server, &["-v"]);
    verbose.probe("service=llama.pipeline&pipeline_id=p-unauthorized");
}

#[test]
fn a_profile_chooses_the_keys_and_urls_of_the_exporters_config() {
    let server = sim();
    let staging = sim();
    let home = home();
    let config = config(
        home.path(),
        &format!(
            "[profiles.default.llama]\napi_key = \"{KEY}\"\n\n\
             [profiles.staging.llama]\napi_key = \"{KEY}\"\nbase_url = \"{}\"\n",
            staging.base_url()
        ),
    );
    let mut cmd = std_bin(home.path());
    cmd.env("LLAMA_CLOUD_BASE_URL", server.base_url()).args([
        "exporter",
        "--addr",
        "127.0.0.1:0",
        "--config",
        config.to_str().unwrap(),
    ]);
    let exporter = Exporter::spawn(&mut cmd);
    let series = exporter.probe("service=batch&job_id=j-ok");
    assert_state(&series, "batch", "j-ok", "succeeded");
    assert_eq!(server.requests().len(), 1);
    // The environment's URL comes before any profile's, as for a command:
    // without it, profile=staging sends the probe to staging's URL.
    let mut cmd = std_bin(home.path());
    cmd.args([
        "exporter",
        "--addr",
        "127.0.0.1:0",
        "--config",
        config.to_str().unwrap(),
    ]);
    let exporter = Exporter::spawn(&mut cmd);
    let series = exporter.probe("service=batch&job_id=j-failed&profile=staging");
    assert_state(&series, "batch", "j-failed", "failed");
    assert_eq!(staging.requests().len(), 1);
    assert_eq!(server.requests().len(), 1);
    // No Clarifeye key in the exporter's environment or config: a 400 that
    // says where one goes, and no request.
    let (status, body) =
        exporter.get("/probe?service=clarifeye.run&project_id=p&pipeline_run_id=r");
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("CLARIFEYE_API_KEY"), "{body}");
    assert_eq!(body.lines().count(), 1, "{body:?}");
}

#[test]
fn label_values_are_escaped() {
    let server = sim();
    let home = home();
    let exporter = Exporter::start(home.path(), &server, &[]);
    // A pipeline name with a quote, a backslash and a newline.
    let (status, body) =
        exporter.get("/probe?service=feldera.token&pipeline_name=a%22b%5Cc%0Ad&token=tok-ok");
    assert_eq!(status, 200, "{body}");
    assert!(
        body.contains(r#"target="a\"b\\c\nd/tok-ok",state="succeeded"} 1"#),
        "{body}"
    );
    assert!(!body.contains("c\nd/tok-ok\""), "{body}");
}

#[test]
fn metrics_are_the_exporters_own_process() {
    let server = sim();
    let home = home();
    let exporter = Exporter::start(home.path(), &server, &[]);
    let (status, body) = exporter.get("/metrics");
    assert_eq!(status, 200);
    let series = Series::parse(&body);
    let value = |name| series.value(name, &[]);
    assert!(value("process_cpu_seconds_total") >= 0.0);
    assert!(value("process_resident_memory_bytes") > 1e6);
    assert!(value("process_open_fds") >= 3.0);
    let started = value("process_start_time_seconds");
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs_f64();
    assert!(
        started > now - 600.0 && started <= now + 1.0,
        "{started} {now}"
    );
}

#[test]
fn the_exporter_binds_loopback_unless_told() {
    use clap::Parser;
    let cli = pipewatch::cli::Cli::try_parse_from(["pipewatch", "exporter"]).unwrap();
    let pipewatch::cli::Command::Exporter { addr, .. } = cli.command else {
        panic!("not the exporter");
    };
    assert_eq!(addr.to_string(), "127.0.0.1:9464");
    // --base-url names one service: the exporter refuses it.
    let home = home();
    let (code, _, stderr) = run(bin(home.path()).args(["exporter", "--base-url", "http://h"]));
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("--base-url"), "{stderr}");
}

#[test]
fn v2_jobs_are_probed_one_by_one_and_as_collections() {
    let server = sim();
    let home = home();
    let exporter = Exporter::start(home.path(), &server, &[]);
    // One job of each kind, by ID, at its own endpoint.
    for (service, kind, state) in [
        ("llama.parse", "parse", "failed"),
        ("llama.extract", "extract", "succeeded"),
        ("llama.classify", "classify", "running"),
    ] {
        let job = match state {
            "failed" => "j-failed",
            "succeeded" => "j-ok",
            _ => "j-running",
        };
        let series = exporter.probe(&format!("service={service}&job_id={job}"));
        assert_eq!(
            series.value("pipewatch_probe_success", &[]),
            1.0,
            "{service}"
        );
        assert_state(&series, service, job, state);
        let (path, _) = requests(&server).pop().unwrap();
        assert_eq!(path, format!("/api/v2/{kind}/{job}"));
    }

    // A collection: counts per state, `status` and `since` sent as the
    // command's `--status` and `--since` are.
    let series = exporter
        .probe("service=llama.parse&all=1&project_id=p-items30-failed&since=1h&status=failed");
    let failed = [
        ("service", "llama.parse"),
        ("collection", "p-items30-failed/*"),
        ("state", "failed"),
    ];
    assert_eq!(series.value("pipewatch_probe_success", &[]), 1.0);
    assert!(series.value("pipewatch_collection_items", &failed) >= 1.0);
    assert!(series.named("pipewatch_target_state").is_empty());
    let (path, query) = requests(&server).pop().unwrap();
    assert_eq!(path, "/api/v2/parse");
    assert!(query.contains("status=FAILED"), "{query}");
    assert!(query.contains("created_at_on_or_after="), "{query}");
    assert!(query.contains("page_size=100"), "{query}");

    // Bad filters are 400s with the kind's valid values, before any request.
    let before = requests(&server).len();
    for (query, reason) in [
        (
            "service=llama.classify&all=1&status=THROTTLED",
            "PENDING, RUNNING",
        ),
        ("service=llama.parse&all=1&since=yesterday", "since"),
        (
            "service=llama.extract&all=1&job_id=j1",
            "unknown parameter `job_id`",
        ),
    ] {
        let (code, body) = exporter.get(&format!("/probe?{query}"));
        assert_eq!(code, 400, "{query}: {body}");
        assert!(body.contains(reason), "{query}: {body}");
        assert_eq!(body.trim_end().lines().count(), 1, "{body}");
    }
    assert_eq!(requests(&server).len(), before);
}
