//! What a status command asks about: the settings its scope arguments
//! resolve to, and the subject its arguments (or stdin) name, as the API
//! says. Nothing here knows a particular API.

use std::io::{BufRead, IsTerminal};

use crate::cli::ConnectionArgs;
use crate::services::command::{Scope, Shape};
use crate::services::{Api, Ask, Given, Refusal};
use crate::settings::{Config, SettingsError, VendorFlags, VendorSettings};
use crate::util::env::Env;

/// The connection flags every service shares.
pub fn connection_flags(connection: &ConnectionArgs) -> VendorFlags<'_> {
    VendorFlags {
        base_url: connection.base_url.as_deref(),
        allow_http: connection.allow_http,
        ca_cert: connection.ca_cert.as_deref(),
        ..VendorFlags::default()
    }
}

/// The vendor's settings, with the scope the command's arguments give
/// (`--project-id`) over the environment and config, and what the command
/// asks: its targets in argument order (`-` replaced by the lines of
/// stdin), or its collection.
pub fn resolve(
    api: &'static dyn Api,
    given: &Given,
    connection: &ConnectionArgs,
    config: &Config,
    env: Env<'_>,
) -> Result<(VendorSettings, Ask), SettingsError> {
    let scope = |scope| api.command().scope_field(scope).and_then(|f| given.one(f));
    let flags = VendorFlags {
        organization_id: scope(Scope::Organization),
        project_id: scope(Scope::Project),
        ..connection_flags(connection)
    };
    let settings = config.resolve(api.service().vendor, &flags, env, true)?;
    let mut given = given.clone();
    for arg in api.command().args.iter().filter(|a| a.shape == Shape::Ids) {
        given.set(arg.field, with_stdin(given.many(arg.field))?);
    }
    let ask = crate::services::ask(api, &given, &settings).map_err(|refusal| match refusal {
        Refusal::Invalid(why) => SettingsError(why),
        Refusal::Missing(field) => missing(api, field, config),
    })?;
    Ok((settings, ask))
}

/// The subject of a command as its arguments alone name it, before any
/// setting is resolved: what a metrics file's `subject` label says of a
/// run stopped by a configuration error (see [`crate::model::Subject::label`]).
/// Where the API needs a setting to make its subject (Clarifeye's project
/// from the config), the service and the values given.
pub fn named(api: &'static dyn Api, given: &Given) -> String {
    match crate::services::ask_unconfigured(api, given).ok() {
        Some(ask) if !ask.subject.named().is_empty() => ask.subject.label(),
        _ => {
            let mut words = vec![api.service().name.to_owned()];
            for arg in api.command().args {
                if matches!(arg.shape, Shape::Ids | Shape::Positional) {
                    words.extend(given.many(arg.field).iter().cloned());
                }
            }
            words.join(" ")
        }
    }
}

/// A required value neither given nor configured: where it could come
/// from (`no Clarifeye project: pass --project PROJECT_ID, or set
/// project_id in [profiles.default.clarifeye] of PATH`).
fn missing(api: &dyn Api, field: &str, config: &Config) -> SettingsError {
    let vendor = api.service().vendor;
    let noun = field.trim_end_matches("_id").replace('_', " ");
    let flag = api.command().arg(field).map(|arg| {
        let value = arg.value_name.unwrap_or("VALUE");
        format!("pass {} {value}, or ", arg.flag_name())
    });
    SettingsError(format!(
        "no {} {noun}: {}set {field} in [profiles.{}.{}] of {}",
        vendor.display_name(),
        flag.unwrap_or_default(),
        config.profile_name(),
        vendor.key(),
        config.path.display()
    ))
}

/// The IDs given, with `-` replaced by the IDs on stdin (once, however
/// many `-` there are).
fn with_stdin(ids: &[String]) -> Result<Vec<String>, SettingsError> {
    if !ids.iter().any(|id| id == "-") {
        return Ok(ids.to_vec());
    }
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        return Err(SettingsError(
            "`-` reads targets from stdin, but stdin is a terminal; pipe them in, one per line \
             (e.g. `cut -f1 ids.tsv | pipewatch ... -`)"
                .to_owned(),
        ));
    }
    let read = read_ids(stdin.lock())?;
    let mut out = Vec::with_capacity(ids.len() + read.len());
    let mut read = Some(read);
    for id in ids {
        if id == "-" {
            out.extend(read.take().unwrap_or_default());
        } else {
            out.push(id.clone());
        }
    }
    Ok(out)
}

/// IDs one per line: blanks around them trimmed, empty lines and `#`
/// comments skipped, each ID once, in order. A UTF-8 byte-order mark
/// (PowerShell puts one before piped text) is dropped, and a CR ends a
/// line as LF does (CRLF from Windows, a lone CR from old Mac files).
fn read_ids(mut input: impl BufRead) -> Result<Vec<String>, SettingsError> {
    let mut text = String::new();
    input
        .read_to_string(&mut text)
        .map_err(|e| SettingsError(format!("cannot read targets from stdin: {e}")))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut seen = std::collections::HashSet::new();
    let mut ids = Vec::new();
    for line in text.split(['\n', '\r']) {
        let id = line.trim();
        if id.is_empty() || id.starts_with('#') {
            continue;
        }
        if seen.insert(id.to_owned()) {
            ids.push(id.to_owned());
        }
    }
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_on_stdin() {
        let input = "  a \n\n# a comment\nb\r\na\n\t#x\nc d\n";
        assert_eq!(read_ids(input.as_bytes()).unwrap(), ["a", "b", "c d"]);
        assert!(read_ids(&b"\xff\n"[..]).is_err());
        assert!(read_ids(&b""[..]).unwrap().is_empty());
        // PowerShell's byte-order mark, CRLF and lone CR line ends.
        let bom = "\u{feff}job-1\r\njob-2\rjob-3\n";
        assert_eq!(
            read_ids(bom.as_bytes()).unwrap(),
            ["job-1", "job-2", "job-3"]
        );
    }
}
