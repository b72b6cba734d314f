//! Flags + environment + config file -> one resolved [`VendorSettings`].
//! Precedence: flag, then environment, then the chosen profile, then the
//! default. Keys are wrapped in [`Secret`] from the moment they are read.

use std::path::{Path, PathBuf};

use toml::Spanned;
use url::Url;

use crate::model::Vendor;
use crate::util::env::Env;
use crate::util::loopback::is_loopback;
use crate::util::secret::Secret;

mod error;
mod file;
mod key_command;
pub mod show;
mod source;

pub use error::SettingsError;
pub use file::{Config, config_path};
pub use key_command::KeyCommand;
pub use source::Source;

use error::err;

/// What the command line says about one vendor.
#[derive(Debug, Default)]
pub struct VendorFlags<'a> {
    pub base_url: Option<&'a str>,
    pub allow_http: bool,
    pub ca_cert: Option<&'a Path>,
    pub organization_id: Option<&'a str>,
    pub project_id: Option<&'a str>,
}

/// Feldera's tenant variable, as its SDK reads it.
pub const TENANT_VAR: &str = "FELDERA_TENANT";

/// One vendor's settings, resolved.
#[derive(Debug)]
pub struct VendorSettings {
    pub vendor: Vendor,
    pub base_url: Url,
    pub base_url_source: Source,
    /// The API's own path prefix (`/api/v1`, `/v0`) that the base URL as
    /// given ended in, and that was cut off because pipewatch adds it to
    /// every path (CONTRACT §13); the user gets one note about it.
    pub stripped_prefix: Option<&'static str>,
    pub api_key: Option<Secret>,
    pub api_key_source: Option<Source>,
    /// How to get a new key when the server refuses this one mid-watch
    /// (CONTRACT §11): only for a key that came from `api_key_cmd`. A key
    /// from the environment or `api_key` is never re-read.
    pub api_key_cmd: Option<KeyCommand>,
    pub allow_http: bool,
    pub ca_cert: Option<PathBuf>,
    pub organization_id: Option<String>,
    pub project_id: Option<String>,
    /// Feldera's tenant (`FELDERA_TENANT`, config `tenant`), sent as the
    /// `Feldera-Tenant` header; None for the other vendors.
    pub tenant: Option<String>,
}

impl VendorSettings {
    /// Settings with nothing but a base URL and a key, all else unset:
    /// the demo's, and tests'.
    pub fn simple(vendor: Vendor, base_url: Url, api_key: Option<Secret>) -> VendorSettings {
        VendorSettings {
            vendor,
            base_url,
            base_url_source: Source::Default,
            stripped_prefix: None,
            api_key,
            api_key_source: None,
            api_key_cmd: None,
            allow_http: false,
            ca_cert: None,
            organization_id: None,
            project_id: None,
            tenant: None,
        }
    }
}

/// The fixed facts about each vendor (CONTRACT §7).
struct VendorFacts {
    default_base_url: &'static str,
    /// The prefix of every path of the API, which users copy into a base
    /// URL from the vendor's OpenAPI `servers` entry.
    api_prefix: &'static str,
    key_vars: &'static [&'static str],
    base_url_var: &'static str,
    key_required: bool,
}

fn facts(vendor: Vendor) -> VendorFacts {
    match vendor {
        Vendor::Llama => VendorFacts {
            default_base_url: "https://api.cloud.llamaindex.ai",
            api_prefix: "/api/v1",
            key_vars: &["LLAMA_CLOUD_API_KEY", "LLAMA_PARSE_API_KEY"],
            base_url_var: "LLAMA_CLOUD_BASE_URL",
            key_required: true,
        },
        Vendor::Clarifeye => VendorFacts {
            default_base_url: "https://eu.app.clarifeye.ai",
            api_prefix: "/api/v1",
            key_vars: &["CLARIFEYE_API_KEY"],
            base_url_var: "CLARIFEYE_BASE_URL",
            key_required: true,
        },
        Vendor::Feldera => VendorFacts {
            default_base_url: "http://localhost:8080",
            api_prefix: "/v0",
            key_vars: &["FELDERA_API_KEY"],
            base_url_var: "FELDERA_HOST",
            key_required: false,
        },
    }
}

/// The environment variables a vendor's key is read from, in order, and
/// whether a query needs one.
pub fn key_variables(vendor: Vendor) -> (&'static [&'static str], bool) {
    let facts = facts(vendor);
    (facts.key_vars, facts.key_required)
}

/// How the key is to be had, before any command is run.
enum KeySource<'c> {
    Env(&'static str, String),
    Literal(&'c Spanned<Secret>),
    Command(&'c Spanned<String>),
    None,
}

impl Config {
    /// Resolve one vendor's settings for a query. With `for_query` false
    /// (`config show`) an `api_key_cmd` is not run, and a missing key or a
    /// refused plain-HTTP URL is not an error: show reports what it finds.
    pub fn resolve(
        &self,
        vendor: Vendor,
        flags: &VendorFlags<'_>,
        env: Env<'_>,
        for_query: bool,
    ) -> Result<VendorSettings, SettingsError> {
        let facts = facts(vendor);
        let config = self.vendor(vendor);
        let table = self.table(vendor);

        let (raw_url, base_url_source) = if let Some(url) = flags.base_url {
            (url.to_owned(), Source::Flag("--base-url"))
        } else if let Some(url) = env(facts.base_url_var) {
            (url, Source::Env(facts.base_url_var))
        } else if let Some(url) = config.and_then(|c| c.base_url.as_ref()) {
            let at = format!("{} base_url in {table}", self.at(url));
            (url.get_ref().clone(), Source::Config(at))
        } else {
            (facts.default_base_url.to_owned(), Source::Default)
        };
        let base_url = parse_base_url(&raw_url)
            .map_err(|e| SettingsError(format!("invalid base URL from {base_url_source}: {e}")))?;
        let (base_url, stripped_prefix) = strip_api_prefix(base_url, facts.api_prefix);

        let key_source = if let Some((var, value)) = facts
            .key_vars
            .iter()
            .find_map(|var| env(var).map(|v| (*var, v)))
        {
            KeySource::Env(var, value)
        } else {
            match config.map(|c| (&c.api_key, &c.api_key_cmd)) {
                Some((Some(_), Some(cmd))) => {
                    return err(format!(
                        "invalid config file {}: set either api_key or api_key_cmd in {table}, not both",
                        self.at(cmd)
                    ));
                }
                // `config show`'s placeholder, pasted back as the config:
                // sent, it would only earn a 401 that blames the key.
                Some((Some(key), None)) if key.get_ref().is_placeholder() => {
                    return err(format!(
                        "invalid config file {}: api_key in {table} is `{}`, the placeholder \
                         `config show` prints instead of the key; put the real key back (or use \
                         api_key_cmd, or {})",
                        self.at(key),
                        crate::util::secret::REDACTED,
                        facts.key_vars.join(" / ")
                    ));
                }
                Some((Some(key), None)) => KeySource::Literal(key),
                Some((None, Some(cmd))) => KeySource::Command(cmd),
                _ => KeySource::None,
            }
        };
        let mut api_key_cmd = None;
        let (api_key, api_key_source) = match key_source {
            KeySource::Env(var, value) => (Some(Secret::new(value)), Some(Source::Env(var))),
            KeySource::Literal(key) => (
                Some(key.get_ref().clone()),
                Some(Source::Config(format!(
                    "{} api_key in {table}",
                    self.at(key)
                ))),
            ),
            KeySource::Command(cmd) => {
                let source = Source::Config(format!("{} api_key_cmd in {table}", self.at(cmd)));
                let key = if for_query {
                    let command = KeyCommand {
                        command: cmd.get_ref().clone(),
                        source: source.clone(),
                    };
                    let key = command.run(false)?;
                    api_key_cmd = Some(command);
                    Some(key)
                } else {
                    None
                };
                (key, Some(source))
            }
            KeySource::None => (None, None),
        };
        if for_query && facts.key_required && api_key.is_none() && api_key_source.is_none() {
            let vars = match facts.key_vars {
                [one] => one.to_string(),
                [first, rest @ ..] => format!("{first} (or {})", rest.join(", ")),
                [] => String::new(),
            };
            return err(format!(
                "no API key for {}: set {vars}, or api_key / api_key_cmd in {table} of {}",
                vendor.display_name(),
                self.path.display()
            ));
        }

        let allow_http = flags.allow_http
            || config
                .and_then(|c| c.allow_http.as_ref())
                .is_some_and(|v| *v.get_ref());
        if for_query
            && api_key.is_some()
            && base_url.scheme() == "http"
            && !is_loopback(&base_url)
            && !allow_http
        {
            return err(format!(
                "refusing to send the {} API key over plain HTTP to {} (base URL from {base_url_source}); \
                 use https://, or pass --allow-http (config: allow_http = true in {table})",
                vendor.display_name(),
                base_url.host_str().unwrap_or("?"),
            ));
        }

        let ca_cert = flags.ca_cert.map(Path::to_owned).or_else(|| {
            let path = config?.ca_cert.as_ref()?.get_ref();
            // A relative path in the file is relative to the file.
            Some(match self.path.parent() {
                Some(dir) if path.is_relative() => dir.join(path),
                _ => path.clone(),
            })
        });
        let from_config = |v: Option<&Spanned<String>>| v.map(|v| v.get_ref().clone());
        Ok(VendorSettings {
            vendor,
            base_url,
            base_url_source,
            stripped_prefix,
            api_key,
            api_key_source,
            api_key_cmd,
            allow_http,
            ca_cert,
            organization_id: flags
                .organization_id
                .map(str::to_owned)
                .or_else(|| from_config(config.and_then(|c| c.organization_id.as_ref()))),
            project_id: flags
                .project_id
                .map(str::to_owned)
                .or_else(|| from_config(config.and_then(|c| c.project_id.as_ref()))),
            tenant: match vendor {
                Vendor::Feldera => {
                    env(TENANT_VAR).or_else(|| from_config(config.and_then(|c| c.tenant.as_ref())))
                }
                _ => None,
            },
        })
    }
}

/// A base URL must be absolute http(s) with a host.
fn parse_base_url(raw: &str) -> Result<Url, String> {
    let url = Url::parse(raw.trim()).map_err(|e| format!("`{raw}`: {e}"))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(format!("`{raw}`: only http:// and https:// are supported"));
    }
    if url.host().is_none() {
        return Err(format!("`{raw}`: no host"));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(format!("`{raw}`: a base URL has no query or fragment"));
    }
    Ok(url)
}

/// `url` without the API's own `prefix` at the end of its path (with or
/// without a final `/`), and the prefix if it was there: the services add
/// it to every path, so `https://eu.app.clarifeye.ai/api/v1` must not
/// become `/api/v1/api/v1/...`. A proxy's path before it is kept.
fn strip_api_prefix(mut url: Url, prefix: &'static str) -> (Url, Option<&'static str>) {
    let path = url.path().trim_end_matches('/');
    let Some(rest) = path.strip_suffix(prefix) else {
        return (url, None);
    };
    let rest = if rest.is_empty() { "/" } else { rest }.to_owned();
    url.set_path(&rest);
    (url, Some(prefix))
}

#[cfg(test)]
mod tests;
