//! A probe's query, read: which service, which target or collection
//! (CONTRACT §15). What each service takes comes from its API's arguments
//! (`services::command::Probe` says which a probe takes, and when), and
//! its subject from the same `Api::subject` the command line uses, so a new
//! API is probed without a line here. Nothing in a query chooses where
//! requests go or what key they carry: an unknown parameter (`base_url`,
//! `api_key`, a typo) is refused, not ignored.

use std::collections::BTreeMap;

use crate::model::{Subject, Vendor};
use crate::services::command::{Arg, Probe, Shape};
use crate::services::{APIS, Api, Given, Refusal};
use crate::settings::VendorSettings;
use crate::util::sanitize::sanitize;

/// Parameters every probe may carry besides its service's fields.
const COMMON: &[&str] = &["service", "all", "profile"];

/// A probe's query, checked against its service's fields.
pub struct Request {
    api: &'static dyn Api,
    all: bool,
    fields: BTreeMap<String, String>,
    /// `profile=NAME`: the config profile whose keys and URLs to use.
    pub profile: Option<String>,
}

impl std::fmt::Debug for Request {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Request")
            .field("service", &self.api.service().name)
            .field("all", &self.all)
            .field("fields", &self.fields)
            .field("profile", &self.profile)
            .finish()
    }
}

impl Request {
    pub fn api(&self) -> &'static dyn Api {
        self.api
    }

    pub fn vendor(&self) -> Vendor {
        self.api.service().vendor
    }

    pub fn field(&self, name: &str) -> Option<&str> {
        self.fields.get(name).map(String::as_str)
    }
}

/// Whether a probe takes `arg`, with (`all`) or without `all=1`; and
/// whether it must be given.
fn takes(arg: &Arg, all: bool) -> Option<bool> {
    match (arg.probe, all) {
        (Probe::No, _) | (Probe::Target, true) | (Probe::Filter, false) => None,
        (Probe::Target | Probe::Both, _) => Some(true),
        (Probe::Scope | Probe::Filter | Probe::Option, _) => Some(false),
    }
}

/// Read a probe's query string. Err is the one-line reason for a 400.
pub fn parse(query: &str) -> Result<Request, String> {
    let mut fields = BTreeMap::new();
    for (name, value) in url::form_urlencoded::parse(query.as_bytes()) {
        if value.is_empty() {
            continue;
        }
        if fields
            .insert(name.clone().into_owned(), value.into_owned())
            .is_some()
        {
            return Err(format!("`{}` is given twice", sanitize(&name)));
        }
    }
    let names = || {
        APIS.iter()
            .map(|api| api.service().name)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let service = fields
        .remove("service")
        .ok_or_else(|| format!("missing `service` (one of {})", names()))?;
    let api = crate::services::by_service(&service).ok_or_else(|| {
        format!(
            "unknown service `{}` (one of {})",
            sanitize(&service),
            names()
        )
    })?;
    let all = match fields.remove("all").as_deref() {
        None | Some("0" | "false") => false,
        Some("1" | "true") => true,
        Some(other) => return Err(format!("`all` is 1 or 0, not `{}`", sanitize(other))),
    };
    let profile = fields.remove("profile");
    if all && api.listing().is_none() {
        return Err(format!(
            "{service} has no collection: `all=1` is not for it"
        ));
    }
    let with_all = if all { " with all=1" } else { "" };
    let args = api.command().args;
    let taken: Vec<(&Arg, bool)> = args
        .iter()
        .filter_map(|arg| Some((arg, takes(arg, all)?)))
        .collect();
    for name in fields.keys() {
        if !taken.iter().any(|(arg, _)| arg.field == name) {
            let mut known: Vec<&str> = taken.iter().map(|(arg, _)| arg.field).collect();
            known.extend(COMMON);
            return Err(format!(
                "unknown parameter `{}` for service={service}{with_all} (it takes {}); keys and \
                 base URLs come from the exporter's environment and config, never from a probe",
                sanitize(name),
                known.join(", ")
            ));
        }
    }
    if let Some((missing, _)) = taken
        .iter()
        .find(|(arg, required)| *required && !fields.contains_key(arg.field))
    {
        return Err(format!(
            "missing `{}` for service={service}{with_all}",
            missing.field
        ));
    }
    Ok(Request {
        api,
        all,
        fields,
        profile,
    })
}

/// The values of a checked request as the command line hands them on:
/// a list split at its commas, each value checked as its argument checks
/// it. Err is the one-line reason for a 400.
fn given(request: &Request) -> Result<Given, String> {
    let mut given = Given::default();
    if request.all {
        given.set_flag("all");
    }
    for arg in request.api.command().args {
        let Some(raw) = request.field(arg.field) else {
            continue;
        };
        let raw: Vec<&str> = match arg.shape {
            Shape::List => raw.split(',').map(str::trim).collect(),
            _ => vec![raw],
        };
        let mut values = Vec::with_capacity(raw.len());
        for value in raw {
            let checked = arg.values.check(value).map_err(|why| {
                format!(
                    "invalid {} `{}` ({})",
                    arg.field,
                    sanitize(value),
                    sanitize(&why)
                )
            })?;
            values.push(checked);
        }
        given.set(arg.field, values);
    }
    Ok(given)
}

/// The subject the probe asks about, once the vendor's settings are known
/// (the config may give Clarifeye's project and the batch scope). Err is
/// the one-line reason for a 400.
pub fn subject(request: &Request, settings: &VendorSettings) -> Result<Subject, String> {
    let given = given(request)?;
    let service = request.api.service();
    match crate::services::ask(request.api, &given, settings) {
        Ok(ask) => Ok(ask.subject),
        Err(Refusal::Invalid(why)) => Err(sanitize(&why)),
        Err(Refusal::Missing(field)) => Err(format!(
            "missing `{field}` for service={}, and the exporter's config profile has no {} {field}",
            service.name,
            service.vendor.key()
        )),
    }
}

#[cfg(test)]
mod tests;
