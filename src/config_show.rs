//! `pipewatch config show`: the settings every service resolves to, and
//! where each came from. Keys are never printed, and `api_key_cmd` is not run.

use std::fmt::Write as _;

use crate::env::Env;
use crate::settings::{Config, SettingsError, VendorFlags, key_variables};
use crate::target::Vendor;

/// The text of `config show`, with the connection `flags` of the command
/// line applied as a query would apply them.
pub fn render(
    config: &Config,
    flags: &VendorFlags<'_>,
    env: Env<'_>,
) -> Result<String, SettingsError> {
    let mut out = String::new();
    let exists = if config.exists() { "" } else { " (not found)" };
    // Writing to a String cannot fail.
    let _ = writeln!(out, "# config file: {}{exists}", config.path.display());
    let _ = writeln!(out, "# profile: {}", config.profile_name());
    for vendor in [Vendor::Llama, Vendor::Clarifeye, Vendor::Feldera] {
        let _ = writeln!(out, "\n[{}]", vendor.key());
        match config.resolve(vendor, flags, env, false) {
            Ok(s) => {
                let _ = writeln!(
                    out,
                    "base_url = {:?}  # {}",
                    s.base_url.as_str(),
                    s.base_url_source
                );
                let key = match &s.api_key_source {
                    Some(source) => format!("\"<redacted>\"  # {source}"),
                    None => {
                        let (vars, required) = key_variables(vendor);
                        let need = if required { "required" } else { "optional" };
                        format!(
                            "(not set)  # {need}: set {}, or api_key / api_key_cmd",
                            vars.join(" or ")
                        )
                    }
                };
                let _ = writeln!(out, "api_key = {key}");
                if let Some(org) = &s.organization_id {
                    let _ = writeln!(out, "organization_id = {org:?}");
                }
                if let Some(project) = &s.project_id {
                    let _ = writeln!(out, "project_id = {project:?}");
                }
                if let Some(tenant) = &s.tenant {
                    let _ = writeln!(out, "tenant = {tenant:?}");
                }
                let _ = writeln!(out, "allow_http = {}", s.allow_http);
                if let Some(ca) = &s.ca_cert {
                    let _ = writeln!(out, "ca_cert = {:?}", ca.display().to_string());
                }
            }
            // One service's problem should not hide the others' settings.
            Err(e) => {
                let _ = writeln!(out, "# error: {e}");
            }
        }
    }
    let interval = config.watch_interval()?;
    let timeout = config.watch_timeout()?;
    let _ = writeln!(out, "\n[watch]");
    let fmt = |d: Option<std::time::Duration>, default: &str| {
        d.map_or(format!("{default}  # default"), |d| {
            format!("{:?}", humantime::format_duration(d).to_string())
        })
    };
    let _ = writeln!(out, "interval = {}", fmt(interval, "\"2s\""));
    let _ = writeln!(out, "timeout = {}", fmt(timeout, "\"none\""));
    Ok(out)
}
