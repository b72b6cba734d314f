//! Feldera's input connectors and tenants, through the real binary against
//! the simulator. CONTRACT §14, the Feldera lines.

use crate::common::*;
use serde_json::json;

const TOKEN_PATH: &str =
    "/v0/pipelines/orders/tables/ORDERS/connectors/kafka-ok-300ms/completion_token";

#[test]
fn a_connector_hands_out_a_token_that_is_then_watched() {
    let server = sim();
    let (code, stdout, stderr) = query(
        &server,
        &[
            "feldera",
            "token",
            "orders",
            "--connector",
            "ORDERS.kafka-ok-300ms",
            "-w",
            "--interval",
            "100ms",
            "--json",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    let paths: Vec<String> = server.requests().into_iter().map(|r| r.path).collect();
    assert_eq!(paths[0], TOKEN_PATH);
    assert!(
        paths[1..]
            .iter()
            .all(|p| p == "/v0/pipelines/orders/completion_status")
    );
    assert!(paths.len() >= 3, "watched until complete: {paths:?}");
    // The token was asked for once, and the status asked with it.
    assert_eq!(paths.iter().filter(|p| *p == TOKEN_PATH).count(), 1);
    let status = &server.requests()[1];
    assert_eq!(status.query.as_deref(), Some("token=ORDERS.kafka-ok-300ms"));
    let env = &envelopes(&stdout)[0];
    assert_eq!(env["service"], "feldera.token");
    assert_eq!(
        env["target"],
        json!({"pipeline_name": "orders", "token": "ORDERS.kafka-ok-300ms",
               "table_name": "ORDERS", "connector_name": "kafka-ok-300ms"})
    );
    assert_eq!(env["state"], "succeeded");
}

#[test]
fn connectors_repeat_or_come_comma_separated_in_order() {
    let server = sim();
    let (code, stdout, stderr) = query(
        &server,
        &[
            "feldera",
            "token",
            "p",
            "--connector",
            "A.one-ok,B.two-running",
            "--connector",
            "C.three-ok",
            "--json",
        ],
    );
    assert_eq!(code, 5, "{stderr}");
    let names: Vec<(String, String)> = envelopes(&stdout)
        .iter()
        .map(|e| {
            (
                e["target"]["table_name"].as_str().unwrap().to_owned(),
                e["target"]["connector_name"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        names,
        [
            ("A".to_owned(), "one-ok".to_owned()),
            ("B".to_owned(), "two-running".to_owned()),
            ("C".to_owned(), "three-ok".to_owned())
        ]
    );
}

#[test]
fn an_unknown_connector_is_exit_7_with_felderas_message() {
    let server = sim();
    let (code, stdout, stderr) = query(
        &server,
        &[
            "feldera",
            "token",
            "orders",
            "--connector",
            "T.gone-notfound,T.fine-ok",
            "--json",
        ],
    );
    assert_eq!(code, 7, "{stderr}");
    assert!(
        stderr.contains("Unknown input connector 'T.gone-notfound' in pipeline 'orders'"),
        "{stderr}"
    );
    let envs = envelopes(&stdout);
    assert_eq!(envs[0]["error"]["kind"], "not_found");
    assert_eq!(envs[0]["error"]["code"], "UnknownInputEndpoint");
    assert_eq!(envs[1]["state"], "succeeded");
    // The unknown connector's (empty) token is never asked about.
    let statuses = server
        .requests()
        .into_iter()
        .filter(|r| r.path.ends_with("completion_status"))
        .count();
    assert_eq!(statuses, 1);
}

#[test]
fn a_connector_without_a_dot_is_exit_2_before_any_request() {
    let server = sim();
    for bad in ["kafka", ".kafka", "ORDERS.", "A.b,nodot"] {
        let (code, stdout, stderr) =
            query(&server, &["feldera", "token", "orders", "--connector", bad]);
        assert_eq!(code, 2, "{bad}: {stderr}");
        assert!(stdout.is_empty());
        assert!(stderr.contains("TABLE.CONNECTOR"), "{stderr}");
    }
    let (code, _, stderr) = query(
        &server,
        &["feldera", "token", "orders", "tok", "--connector", "A.b"],
    );
    assert_eq!(code, 2, "tokens and connectors: {stderr}");
    assert!(server.requests().is_empty());
}

// ---- tenants ----

#[test]
fn feldera_tenant_is_sent_on_feldera_requests_only() {
    let server = sim();
    let home = home();
    let run_with_tenant = |args: &[&str]| {
        run(bin_at(home.path(), &server)
            .env("FELDERA_TENANT", "analytics")
            .args(args))
    };
    let (code, _, stderr) =
        run_with_tenant(&["feldera", "token", "orders", "--connector", "T.c-ok"]);
    assert_eq!(code, 0, "{stderr}");
    let (code, _, stderr) = run_with_tenant(&["feldera", "token", "orders", "tok-ok"]);
    assert_eq!(code, 0, "{stderr}");
    let feldera = server.requests();
    assert_eq!(feldera.len(), 3);
    assert!(
        feldera
            .iter()
            .all(|r| r.tenant.as_deref() == Some("analytics")),
        "{feldera:?}"
    );

    let (code, _, stderr) = run_with_tenant(&["llama", "parse", "status", "j-ok"]);
    assert_eq!(code, 0, "{stderr}");
    let (code, _, stderr) = run_with_tenant(&["clarifeye", "run", "--project", "p", "r-ok"]);
    assert_eq!(code, 0, "{stderr}");
    let others = &server.requests()[3..];
    assert_eq!(others.len(), 2);
    assert!(others.iter().all(|r| r.tenant.is_none()), "{others:?}");
}

#[test]
fn tenant_from_the_config_and_shown_by_config_show() {
    let server = sim();
    let home = home();
    let file = config(
        home.path(),
        "[profiles.default.feldera]\ntenant = \"from-config\"\n",
    );
    let (code, _, stderr) = run(bin_at(home.path(), &server)
        .args(["feldera", "token", "p", "t-ok", "--config"])
        .arg(&file));
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(server.requests()[0].tenant.as_deref(), Some("from-config"));
    // The environment comes before the config.
    let (code, _, _) = run(bin_at(home.path(), &server)
        .env("FELDERA_TENANT", "from-env")
        .args(["feldera", "token", "p", "t-ok", "--config"])
        .arg(&file));
    assert_eq!(code, 0);
    assert_eq!(server.requests()[1].tenant.as_deref(), Some("from-env"));

    let (code, shown, stderr) = run(bin(home.path())
        .args(["config", "show", "--config"])
        .arg(&file));
    assert_eq!(code, 0, "{stderr}");
    assert!(shown.contains("tenant = \"from-config\""), "{shown}");

    // A tenant is Feldera's alone.
    let file = config(home.path(), "[profiles.default.llama]\ntenant = \"x\"\n");
    let (code, _, stderr) = run(bin_at(home.path(), &server)
        .args(["llama", "parse", "status", "j-ok", "--config"])
        .arg(&file));
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("tenant"), "{stderr}");
}
