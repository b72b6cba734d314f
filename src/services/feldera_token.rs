//! Feldera completion tokens: `GET /v0/pipelines/{pipeline_name}/completion_status?token=`,
//! and with `--connector` the token of each input connector, asked once
//! before polling
//! (`GET /v0/pipelines/{pipeline_name}/tables/{table_name}/connectors/{connector_name}/completion_token`).
//!
//! The state comes from the body's `status` whatever the 2xx code: the spec
//! says 202 for `inprogress`, real servers answer 200 for both.

use serde_json::Value;
use url::Url;

use super::api::{Api, Ask, Demo};
use super::command::{Arg, Command, Given, Probe, Refusal, Values};
use super::endpoint::{endpoint, with_query};
use super::read::{as_count, status_field, str_field};
use crate::model::target::Service;
use crate::model::{Classified, State, Subject, Target, Vendor};
use crate::settings::VendorSettings;

pub struct FelderaToken;

static SERVICE: Service = Service {
    name: "feldera.token",
    vendor: Vendor::Feldera,
    plural: "tokens",
    query_ids: &["token"],
    label: Some(label),
};

static COMMAND: Command = Command {
    words: &["feldera", "token"],
    group_about: None,
    about: "GET /v0/pipelines/{pipeline_name}/completion_status?token=",
    args: &[
        Arg::positional("pipeline_name", "pipeline_name")
            .value_name("PIPELINE_NAME")
            .help("The pipeline's name")
            .values(Values::NonEmpty)
            .required()
            .probe(Probe::Target),
        Arg::ids("tokens", "token")
            .value_name("TOKEN")
            .help("Completion tokens from /ingress or /completion_token; `-` reads them from stdin")
            .required_unless("connectors"),
        Arg::list("connectors", "connector")
            .long("connector")
            .value_name("TABLE.CONNECTOR")
            .help("Ask each input connector TABLE.CONNECTOR for a completion token first, then watch it (repeatable, or comma-separated)")
            .values(Values::Parsed(check_connector))
            .conflicts_with("tokens"),
    ],
};

/// A connector's target is named `pipeline/table.connector`, its token
/// (new at each run) left out.
fn label(target: &Target) -> String {
    let pipeline = target.id("pipeline_name");
    match (target.id("table_name"), target.id("connector_name")) {
        ("", _) => format!("{pipeline}/{}", target.id("token")),
        (table, connector) => format!("{pipeline}/{table}.{connector}"),
    }
}

impl Api for FelderaToken {
    fn service(&self) -> &'static Service {
        &SERVICE
    }

    fn command(&self) -> &'static Command {
        &COMMAND
    }

    fn subject(&self, given: &Given, _: &VendorSettings) -> Result<Ask, Refusal> {
        let pipeline_name = given.one("pipeline_name").unwrap_or_default();
        let connectors = given.many("connector");
        if !connectors.is_empty() {
            let mut targets = Vec::new();
            for raw in connectors {
                let (table, connector) = split_connector(raw).map_err(Refusal::Invalid)?;
                targets.push(
                    token(pipeline_name, "")
                        .with_id("table_name", Some(table))
                        .with_id("connector_name", Some(connector)),
                );
            }
            return Ok(Ask::of(Subject::Targets(targets)));
        }
        let tokens = given.many("token").iter();
        Ok(Ask::of(Subject::Targets(
            tokens.map(|t| token(pipeline_name, t)).collect(),
        )))
    }

    fn url(&self, target: &Target, base: &Url) -> Url {
        let url = endpoint(
            base,
            &[
                "v0",
                "pipelines",
                target.id("pipeline_name"),
                "completion_status",
            ],
        );
        with_query(url, [("token", target.id("token"))])
    }

    fn classify(&self, _: &Target, body: &Value) -> Result<Classified, String> {
        classify(body)
    }

    fn demo(&self) -> &'static [Demo] {
        &[
            Demo {
                title: "Feldera completion token",
                args: &["feldera", "token", "orders", "tok-ok-600ms"],
            },
            Demo {
                title: "Feldera input connector: its completion token, then watched",
                args: &[
                    "feldera",
                    "token",
                    "orders",
                    "--connector",
                    "ORDERS.kafka-ok-600ms",
                ],
            },
        ]
    }

    fn example(&self) -> &'static [(&'static str, &'static str)] {
        &[("pipeline_name", "orders"), ("token", "tok-ok-1s")]
    }

    /// A connector hands out its token first (CONTRACT §14).
    fn prepare(&self, target: &Target, base: &Url) -> Option<Url> {
        let table = target.id("table_name");
        if table.is_empty() || !target.id("token").is_empty() {
            return None;
        }
        Some(token_url(
            base,
            target.id("pipeline_name"),
            table,
            target.id("connector_name"),
        ))
    }

    fn prepared(&self, target: &Target, body: &Value) -> Result<Target, String> {
        let mut target = target.clone();
        target.set_id("token", read_token(body)?);
        Ok(target)
    }
}

fn token(pipeline_name: &str, token: &str) -> Target {
    Target::new(
        &SERVICE,
        [
            ("pipeline_name", pipeline_name.to_owned()),
            ("token", token.to_owned()),
        ],
    )
}

/// `--connector TABLE.CONNECTOR`: split at the first dot (Feldera's table
/// names are SQL identifiers; a connector name may hold dots).
fn split_connector(raw: &str) -> Result<(String, String), String> {
    match raw.split_once('.') {
        Some((table, connector)) if !table.is_empty() && !connector.is_empty() => {
            Ok((table.to_owned(), connector.to_owned()))
        }
        _ => Err(format!(
            "`{raw}` is not TABLE.CONNECTOR (a table name, a dot, a connector name)"
        )),
    }
}

/// `--connector`'s check, before any request: the value as given.
fn check_connector(raw: &str) -> Result<String, String> {
    split_connector(raw).map(|_| raw.to_owned())
}

pub fn state_of(status: &str) -> Option<State> {
    Some(match status {
        "inprogress" => State::Running,
        "complete" => State::Succeeded,
        _ => return None,
    })
}

pub fn classify(body: &Value) -> Result<Classified, String> {
    let status = status_field(body)?;
    let details = as_count(body.get("step"))
        .map(|step| format!("step {step}"))
        .unwrap_or_default();
    Ok(Classified {
        state: state_of(&status),
        status: Some(status),
        details,
        ..Classified::default()
    })
}

/// Where an input connector hands out a completion token.
pub fn token_url(base: &Url, pipeline_name: &str, table_name: &str, connector_name: &str) -> Url {
    endpoint(
        base,
        &[
            "v0",
            "pipelines",
            pipeline_name,
            "tables",
            table_name,
            "connectors",
            connector_name,
            "completion_token",
        ],
    )
}

/// The token of a CompletionTokenResponse.
pub fn read_token(body: &Value) -> Result<String, String> {
    match str_field(body, "token") {
        Some(token) if !token.is_empty() => Ok(token.to_owned()),
        _ => Err("the completion token response has no `token`".to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn statuses() {
        let state = |b| classify(&b).unwrap().state;
        assert_eq!(state(json!({"status": "inprogress"})), Some(State::Running));
        assert_eq!(
            state(json!({"status": "complete", "step": 7})),
            Some(State::Succeeded)
        );
        assert_eq!(state(json!({"status": "Complete"})), None);
        assert!(classify(&json!({"step": 1})).is_err());
    }

    #[test]
    fn token_urls_encode_every_parameter() {
        let t = token("a/b?c#d%e", "x+y/z==");
        assert_eq!(
            FelderaToken
                .url(&t, &Url::parse("http://h:8080").unwrap())
                .as_str(),
            "http://h:8080/v0/pipelines/a%2Fb%3Fc%23d%25e/completion_status?token=x%2By%2Fz%3D%3D"
        );
        assert!(token("p", "..").check_path_params().is_ok());
        assert_eq!(
            token("p", "t").to_json().to_string(),
            r#"{"pipeline_name":"p","token":"t"}"#
        );
    }

    #[test]
    fn connectors_name_their_table() {
        let given = Given::of(&[("pipeline_name", "p"), ("connector", "T.c.d")]);
        let settings =
            VendorSettings::simple(Vendor::Feldera, Url::parse("http://h").unwrap(), None);
        let Subject::Targets(targets) = FelderaToken.subject(&given, &settings).unwrap().subject
        else {
            panic!("not targets")
        };
        assert_eq!(targets[0].label(), "p/T.c.d");
        assert_eq!(
            targets[0].to_json().to_string(),
            r#"{"pipeline_name":"p","token":"","table_name":"T","connector_name":"c.d"}"#
        );
        assert!(check_connector("nodot").is_err());
        assert!(check_connector(".c").is_err());
    }

    #[test]
    fn connector_tokens() {
        let base = Url::parse("http://h:8080/").unwrap();
        assert_eq!(
            token_url(&base, "p", "T/1", "c.d").as_str(),
            "http://h:8080/v0/pipelines/p/tables/T%2F1/connectors/c.d/completion_token"
        );
        assert_eq!(read_token(&json!({"token": "abc"})).unwrap(), "abc");
        assert!(read_token(&json!({"token": ""})).is_err());
        assert!(read_token(&json!({})).is_err());
    }

    #[test]
    fn step_in_details() {
        let c = classify(&json!({"status": "complete", "step": 42})).unwrap();
        assert_eq!(c.details, "step 42");
        let c = classify(&json!({"status": "inprogress", "step": null})).unwrap();
        assert_eq!(c.details, "");
    }
}
