//! `pipewatch config show`: the settings every service resolves to, as a
//! config file in the file's own layout (CONTRACT §13), each value with a
//! comment naming where it came from. Keys are never printed (a key shows
//! as `"<redacted>"`), and `api_key_cmd` is not run.
//!
//! The document is built with `toml_edit`, which quotes and escapes values
//! and carries comments, so the output is TOML whatever a value holds.

use std::time::Duration;

use toml_edit::{DocumentMut, Item, Table, value};

use crate::http::redact_url;
use crate::model::Vendor;
use crate::settings::{
    Config, SettingsError, Source, TENANT_VAR, VendorFlags, VendorSettings, key_variables,
};
use crate::util::duration::{DEFAULT_INTERVAL, Timeout};
use crate::util::env::Env;

/// What a redacted secret shows as.
pub const REDACTED: &str = "<redacted>";

/// The text of `config show` for these vendors (those of the list of
/// APIs, in its order), with the connection `flags` of the command line
/// applied as a query would apply them; `profile_source` says who chose
/// the profile.
pub fn render(
    config: &Config,
    vendors: &[Vendor],
    flags: &VendorFlags<'_>,
    env: Env<'_>,
    profile_source: Source,
) -> Result<String, SettingsError> {
    let mut doc = DocumentMut::new();
    let exists = if config.exists() { "" } else { " (not found)" };
    doc.decor_mut().set_prefix(format!(
        "# pipewatch settings as resolved; config file: {}{exists}\n",
        config.path.display()
    ));
    let name = config.profile_name();
    set(&mut doc, "default_profile", value(name), &profile_source);

    let mut tables = Table::new();
    tables.set_implicit(true);
    for &vendor in vendors {
        let mut table = Table::new();
        match config.resolve(vendor, flags, env, false) {
            Ok(settings) => fill(&mut table, config, vendor, flags, env, &settings),
            // One service's problem should not hide the others' settings.
            Err(e) => comment(&mut table, &format!("error: {e}")),
        }
        tables.insert(vendor.key(), Item::Table(table));
    }
    let mut watch = Table::new();
    let (interval, at) = config
        .watch_interval()?
        .map_or((DEFAULT_INTERVAL, None), |(d, at)| (d, Some(at)));
    set_at(&mut watch, "interval", duration(interval), at);
    let (timeout, at) = config
        .watch_timeout()?
        .map_or((Timeout(None), None), |(t, at)| (t, Some(at)));
    let timeout = timeout.0.map_or_else(|| "none".to_owned(), duration);
    set_at(&mut watch, "timeout", timeout, at);
    tables.insert("watch", Item::Table(watch));

    let mut profile = Table::new();
    profile.set_implicit(true);
    profile.insert(name, Item::Table(tables));
    let mut profiles = Table::new();
    profiles.set_implicit(true);
    profiles.insert("profiles", Item::Table(profile));
    doc.insert("profiles", profiles.remove("profiles").unwrap_or_default());
    Ok(doc.to_string())
}

/// One service's table: every setting, each with its source.
fn fill(
    table: &mut Table,
    config: &Config,
    vendor: Vendor,
    flags: &VendorFlags<'_>,
    env: Env<'_>,
    s: &VendorSettings,
) {
    let from_file = |key| config.set_at(vendor, key).unwrap_or(Source::Default);
    let source = match &s.base_url_source {
        Source::Config(_) => from_file("base_url"),
        other => other.clone(),
    };
    set(table, "base_url", value(redact_url(&s.base_url)), &source);
    let missing_key = match &s.api_key_source {
        Some(source) => {
            // From the file: its line, and whether a command gives it.
            let source = match (source, config.set_at(vendor, "api_key_cmd")) {
                (Source::Config(_), Some(Source::Config(at))) => {
                    Source::Config(format!("{at} api_key_cmd (not run)"))
                }
                (Source::Config(_), _) => from_file("api_key"),
                (other, _) => other.clone(),
            };
            set(table, "api_key", value(REDACTED), &source);
            None
        }
        None => {
            let (vars, required) = key_variables(vendor);
            let need = if required { "required" } else { "optional" };
            Some(format!(
                "# api_key: not set ({need}): set {}, or api_key / api_key_cmd here\n",
                vars.join(" or ")
            ))
        }
    };
    if let Some(org) = &s.organization_id {
        set(
            table,
            "organization_id",
            value(org),
            &from_file("organization_id"),
        );
    }
    if let Some(project) = &s.project_id {
        set(
            table,
            "project_id",
            value(project),
            &from_file("project_id"),
        );
    }
    if let Some(tenant) = &s.tenant {
        // The environment comes before the file.
        let source = match env(TENANT_VAR) {
            Some(_) => Source::Env(TENANT_VAR),
            None => from_file("tenant"),
        };
        set(table, "tenant", value(tenant), &source);
    }
    let source = if flags.allow_http {
        Source::Flag("--allow-http")
    } else {
        from_file("allow_http")
    };
    set(table, "allow_http", value(s.allow_http), &source);
    if let (Some(note), Some(mut key)) = (missing_key, table.key_mut("allow_http")) {
        key.leaf_decor_mut().set_prefix(note);
    }
    if let Some(ca) = &s.ca_cert {
        let source = if flags.ca_cert.is_some() {
            Source::Flag("--ca-cert")
        } else {
            from_file("ca_cert")
        };
        set(table, "ca_cert", value(ca.display().to_string()), &source);
    }
}

/// `key = value  # source`.
fn set(table: &mut Table, key: &str, mut item: Item, source: &Source) {
    if let Some(v) = item.as_value_mut() {
        v.decor_mut().set_suffix(format!("  # {source}"));
    }
    table.insert(key, item);
}

/// A duration value, from `file:line` or the default.
fn set_at(table: &mut Table, key: &str, text: String, at: Option<String>) {
    let source = at.map_or(Source::Default, Source::Config);
    set(table, key, value(text), &source);
}

/// A comment line at the top of a table.
fn comment(table: &mut Table, text: &str) {
    let text: String = text.chars().filter(|c| !c.is_control()).collect();
    table.decor_mut().set_prefix(format!("\n# {text}\n"));
}

fn duration(d: Duration) -> String {
    humantime::format_duration(d).to_string()
}
