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
/// (new at each run) left out, its table quoted as it was given.
fn label(target: &Target) -> String {
    let pipeline = target.id("pipeline_name");
    match (table_segment(target), target.id("connector_name")) {
        (table, _) if table.is_empty() => format!("{pipeline}/{}", target.id("token")),
        (table, connector) => format!("{pipeline}/{table}.{connector}"),
    }
}

/// The option of a connector's target whose table was a quoted SQL
/// identifier: its name is sent quoted, so Feldera keeps its case.
const QUOTED: &str = "table_quoted";

/// A connector's table as Feldera's URL takes it: a quoted identifier in
/// its quotes (Feldera's spec: "Quoted SQL names have to exactly match the
/// case from the SQL program"), any other as given.
fn table_segment(target: &Target) -> String {
    let table = target.id("table_name");
    match target.option(QUOTED) {
        Some(_) => format!("\"{}\"", table.replace('"', "\"\"")),
        None => table.to_owned(),
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
                let named = split_connector(raw).map_err(Refusal::Invalid)?;
                targets.push(
                    token(pipeline_name, "")
                        .with_id("table_name", Some(named.table))
                        .with_id("connector_name", Some(named.connector))
                        .with(QUOTED, named.quoted.then(|| "true".to_owned())),
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
            &table_segment(target),
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

/// What `--connector TABLE.CONNECTOR` names.
#[derive(Debug, PartialEq, Eq)]
struct Connector {
    /// The table's name, without the quotes it was given in.
    table: String,
    /// The table was a quoted SQL identifier: its case is exact.
    quoted: bool,
    connector: String,
}

/// `--connector TABLE.CONNECTOR` (CONTRACT §14, §17). The table is a SQL
/// identifier: unquoted, it ends at the first dot (a connector name may
/// hold dots); quoted (`"Sales.Orders".kafka`), it ends at its closing
/// quote, may hold dots, and `""` stands for one `"`, as in SQL.
fn split_connector(raw: &str) -> Result<Connector, String> {
    let not = || {
        format!(
            "`{raw}` is not TABLE.CONNECTOR (a table name, or a \"quoted\" one, a dot, a \
             connector name)"
        )
    };
    let (table, quoted, connector) = match raw.strip_prefix('"') {
        Some(rest) => {
            let mut table = String::new();
            let mut chars = rest.char_indices().peekable();
            let mut after = None;
            while let Some((at, c)) = chars.next() {
                if c != '"' {
                    table.push(c);
                } else if chars.next_if(|(_, c)| *c == '"').is_some() {
                    table.push('"');
                } else {
                    after = Some(&rest[at + 1..]);
                    break;
                }
            }
            let after = after.ok_or_else(|| format!("{}: the quote is not closed", not()))?;
            (table, true, after.strip_prefix('.').ok_or_else(not)?)
        }
        None => {
            let (table, connector) = raw.split_once('.').ok_or_else(not)?;
            (table.to_owned(), false, connector)
        }
    };
    if table.is_empty() || connector.is_empty() {
        return Err(not());
    }
    Ok(Connector {
        table,
        quoted,
        connector: connector.to_owned(),
    })
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
mod tests;
