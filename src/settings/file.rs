//! The config file: its TOML shape, where it is, how a profile is chosen,
//! and errors that point at the file, line and key.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use super::error::{SettingsError, err};
use crate::duration::parse_duration;
use crate::secret::Secret;
use crate::target::Vendor;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    default_profile: Option<String>,
    #[serde(default)]
    profiles: BTreeMap<String, Profile>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    llama: Option<VendorConfig>,
    clarifeye: Option<VendorConfig>,
    feldera: Option<VendorConfig>,
    watch: Option<WatchConfig>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct VendorConfig {
    pub(super) api_key: Option<Secret>,
    pub(super) api_key_cmd: Option<Spanned<String>>,
    pub(super) base_url: Option<Spanned<String>>,
    pub(super) organization_id: Option<Spanned<String>>,
    pub(super) project_id: Option<Spanned<String>>,
    /// Feldera only: the `Feldera-Tenant` header.
    pub(super) tenant: Option<Spanned<String>>,
    pub(super) allow_http: Option<bool>,
    pub(super) ca_cert: Option<PathBuf>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct WatchConfig {
    interval: Option<Spanned<String>>,
    timeout: Option<Spanned<String>>,
}

/// The config file as loaded, with the profile chosen. Its `Debug` shows
/// neither the text nor the keys in it.
pub struct Config {
    pub path: PathBuf,
    /// None when the file does not exist (only allowed for the default path).
    text: Option<String>,
    profile_name: String,
    profile: Profile,
    /// Some profile in the file (not only the chosen one) holds an api_key.
    holds_key: bool,
}

/// Where the config file is: `--config`/`PIPEWATCH_CONFIG` (clap has merged
/// the two), else the platform config directory.
pub fn config_path(explicit: Option<&Path>) -> Result<PathBuf, SettingsError> {
    if let Some(path) = explicit {
        return Ok(path.to_owned());
    }
    match directories::ProjectDirs::from("", "", "pipewatch") {
        Some(dirs) => Ok(dirs.config_dir().join("config.toml")),
        None => err("cannot find a config directory (is HOME set?); pass --config PATH"),
    }
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("path", &self.path)
            .field("exists", &self.text.is_some())
            .field("profile", &self.profile_name)
            .finish_non_exhaustive()
    }
}

impl Config {
    /// Load the file and choose the profile: `--profile`/`PIPEWATCH_PROFILE`,
    /// else `default_profile`, else `default`.
    pub fn load(explicit: Option<&Path>, profile: Option<&str>) -> Result<Config, SettingsError> {
        let path = config_path(explicit)?;
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => Some(text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && explicit.is_none() => None,
            Err(e) => return err(format!("cannot read config file {}: {e}", path.display())),
        };
        let config = Config::from_text(path, text, profile)?;
        if config.holds_key {
            warn_if_readable(&config.path);
        }
        Ok(config)
    }

    /// Parse the text of the file at `path` (None: there is no file) and
    /// choose the profile. No I/O: the fuzz target calls this directly.
    pub fn from_text(
        path: PathBuf,
        text: Option<String>,
        profile: Option<&str>,
    ) -> Result<Config, SettingsError> {
        let file: ConfigFile = match &text {
            Some(text) => toml::from_str(text).map_err(|e| {
                let at = e
                    .span()
                    .map(|span| location(text, span.start))
                    .unwrap_or_default();
                SettingsError(format!(
                    "invalid config file {}{at}: {}",
                    path.display(),
                    e.message().trim_end()
                ))
            })?,
            None => ConfigFile::default(),
        };
        let (profile_name, named) = match (profile, &file.default_profile) {
            (Some(name), _) => (name.to_owned(), true),
            (None, Some(name)) => (name.clone(), true),
            (None, None) => ("default".to_owned(), false),
        };
        let holds_key = file.profiles.values().any(|p| {
            [&p.llama, &p.clarifeye, &p.feldera]
                .iter()
                .any(|v| v.as_ref().is_some_and(|v| v.api_key.is_some()))
        });
        let mut profiles = file.profiles;
        let profile = match profiles.remove(&profile_name) {
            Some(profile) => profile,
            None if !named => Profile::default(),
            None => {
                let known: Vec<&str> = profiles.keys().map(String::as_str).collect();
                let known = if known.is_empty() {
                    "it defines none".to_owned()
                } else {
                    format!("it defines: {}", known.join(", "))
                };
                let file = if text.is_some() {
                    ""
                } else {
                    " (no such file)"
                };
                return err(format!(
                    "profile `{profile_name}` not found in {}{file}; {known}",
                    path.display()
                ));
            }
        };
        let config = Config {
            path,
            text,
            profile_name,
            profile,
            holds_key,
        };
        for vendor in [Vendor::Llama, Vendor::Clarifeye, Vendor::Feldera] {
            config.check_keys_apply(vendor)?;
        }
        Ok(config)
    }

    pub fn profile_name(&self) -> &str {
        &self.profile_name
    }

    pub fn exists(&self) -> bool {
        self.text.is_some()
    }

    pub(super) fn vendor(&self, vendor: Vendor) -> Option<&VendorConfig> {
        match vendor {
            Vendor::Llama => self.profile.llama.as_ref(),
            Vendor::Clarifeye => self.profile.clarifeye.as_ref(),
            Vendor::Feldera => self.profile.feldera.as_ref(),
        }
    }

    /// `file:line` of a spanned value, to point at the offending line.
    pub(super) fn at<T>(&self, value: &Spanned<T>) -> String {
        let line = self
            .text
            .as_deref()
            .map(|t| location(t, value.span().start))
            .unwrap_or_default();
        format!("{}{line}", self.path.display())
    }

    pub(super) fn table(&self, vendor: Vendor) -> String {
        format!("[profiles.{}.{}]", self.profile_name, vendor.key())
    }

    /// organization_id is a LlamaCloud setting, project_id is not
    /// Feldera's and tenant only Feldera's; refuse them where they would
    /// silently do nothing.
    fn check_keys_apply(&self, vendor: Vendor) -> Result<(), SettingsError> {
        let Some(config) = self.vendor(vendor) else {
            return Ok(());
        };
        let tenant = config.tenant.as_ref().map(|v| ("tenant", v));
        let misplaced = match vendor {
            Vendor::Llama => tenant,
            Vendor::Clarifeye => config
                .organization_id
                .as_ref()
                .map(|v| ("organization_id", v))
                .or(tenant),
            Vendor::Feldera => config
                .organization_id
                .as_ref()
                .map(|v| ("organization_id", v))
                .or(config.project_id.as_ref().map(|v| ("project_id", v))),
        };
        match misplaced {
            Some((key, value)) => err(format!(
                "invalid config file {}: unknown key `{key}` in {}",
                self.at(value),
                self.table(vendor)
            )),
            None => Ok(()),
        }
    }

    /// Watch defaults from `[profiles.NAME.watch]`.
    pub fn watch_interval(&self) -> Result<Option<std::time::Duration>, SettingsError> {
        self.watch_duration(|w| w.interval.as_ref(), "interval")
    }

    pub fn watch_timeout(&self) -> Result<Option<std::time::Duration>, SettingsError> {
        self.watch_duration(|w| w.timeout.as_ref(), "timeout")
    }

    fn watch_duration(
        &self,
        field: impl Fn(&WatchConfig) -> Option<&Spanned<String>>,
        key: &str,
    ) -> Result<Option<std::time::Duration>, SettingsError> {
        let Some(value) = self.profile.watch.as_ref().and_then(field) else {
            return Ok(None);
        };
        parse_duration(value.get_ref()).map(Some).map_err(|e| {
            SettingsError(format!(
                "invalid config file {}: `{key}` in [profiles.{}.watch]: {e}",
                self.at(value),
                self.profile_name
            ))
        })
    }
}

/// ` line L, column C` for a byte offset.
fn location(text: &str, offset: usize) -> String {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    format!(" line {line}, column {column}")
}

/// A key in a file others can read is a key others have.
fn warn_if_readable(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if let Ok(meta) = std::fs::metadata(path) {
            let mode = meta.permissions().mode() & 0o777;
            if mode & 0o077 != 0 {
                eprintln!(
                    "warning: {} holds an API key and other users can read it (mode {mode:03o}); run: chmod 600 {}",
                    path.display(),
                    path.display()
                );
            }
        }
    }
}
