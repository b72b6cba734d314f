//! The config file: its TOML shape, where it is, how a profile is chosen,
//! and errors that point at the file, line and key.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use super::error::{SettingsError, err};
use super::source::Source;
use crate::model::Vendor;
use crate::util::duration::{DurationValue, Timeout, check_interval};
use crate::util::secret::Secret;

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
    pub(super) api_key: Option<Spanned<Secret>>,
    pub(super) api_key_cmd: Option<Spanned<String>>,
    pub(super) base_url: Option<Spanned<String>>,
    pub(super) organization_id: Option<Spanned<String>>,
    pub(super) project_id: Option<Spanned<String>>,
    /// Feldera only: the `Feldera-Tenant` header.
    pub(super) tenant: Option<Spanned<String>>,
    pub(super) allow_http: Option<Spanned<bool>>,
    pub(super) ca_cert: Option<Spanned<PathBuf>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct WatchConfig {
    interval: Option<Spanned<DurationValue>>,
    timeout: Option<Spanned<DurationValue>>,
}

/// The config file as loaded, with the profile chosen. Its `Debug` shows
/// neither the text nor the keys in it.
pub struct Config {
    pub path: PathBuf,
    /// None when the file does not exist (only allowed for the default path).
    text: Option<String>,
    profile_name: String,
    /// The profile was chosen by the file's `default_profile`.
    profile_from_file: bool,
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
        let profile_from_file = profile.is_none() && file.default_profile.is_some();
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
            profile_from_file,
            profile,
            holds_key,
        };
        for vendor in Vendor::ALL {
            config.check_keys_apply(vendor)?;
        }
        Ok(config)
    }

    pub fn profile_name(&self) -> &str {
        &self.profile_name
    }

    /// Whether the file's `default_profile` chose the profile.
    pub fn profile_from_file(&self) -> bool {
        self.profile_from_file
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

    /// `file line L, column C` of a spanned value, to point at the offending line.
    pub(super) fn at<T>(&self, value: &Spanned<T>) -> String {
        let line = self
            .text
            .as_deref()
            .map(|t| location(t, value.span().start))
            .unwrap_or_default();
        format!("{}{line}", self.path.display())
    }

    /// `file:line` of a spanned value, as `config show` names a source.
    fn file_line<T>(&self, value: &Spanned<T>) -> String {
        let line = self.text.as_deref().map_or(0, |t| {
            t[..value.span().start.min(t.len())].matches('\n').count() + 1
        });
        format!("{}:{line}", self.path.display())
    }

    pub(super) fn table(&self, vendor: Vendor) -> String {
        format!("[profiles.{}.{}]", self.profile_name, vendor.key())
    }

    /// Where the chosen profile sets `key` (`api_key`, `api_key_cmd`,
    /// `base_url`, `organization_id`, `project_id`, `tenant`, `allow_http`,
    /// `ca_cert`) for `vendor`, if it does: `file:line`.
    pub fn set_at(&self, vendor: Vendor, key: &str) -> Option<Source> {
        let config = self.vendor(vendor)?;
        let at = match key {
            "api_key" => self.file_line(config.api_key.as_ref()?),
            "api_key_cmd" => self.file_line(config.api_key_cmd.as_ref()?),
            "base_url" => self.file_line(config.base_url.as_ref()?),
            "organization_id" => self.file_line(config.organization_id.as_ref()?),
            "project_id" => self.file_line(config.project_id.as_ref()?),
            "tenant" => self.file_line(config.tenant.as_ref()?),
            "allow_http" => self.file_line(config.allow_http.as_ref()?),
            "ca_cert" => self.file_line(config.ca_cert.as_ref()?),
            _ => return None,
        };
        Some(Source::Config(at))
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

    /// Watch defaults from `[profiles.NAME.watch]`: the interval, and
    /// `file:line` where it was set (for `config show`).
    pub fn watch_interval(&self) -> Result<Option<(std::time::Duration, String)>, SettingsError> {
        self.watch_value(
            |w| w.interval.as_ref(),
            "interval",
            |v| v.duration().and_then(check_interval),
        )
    }

    /// The time limit (`none` is no limit), and `file:line` where it was set.
    pub fn watch_timeout(&self) -> Result<Option<(Timeout, String)>, SettingsError> {
        self.watch_value(|w| w.timeout.as_ref(), "timeout", DurationValue::timeout)
    }

    fn watch_value<T>(
        &self,
        field: impl Fn(&WatchConfig) -> Option<&Spanned<DurationValue>>,
        key: &str,
        parse: impl Fn(&DurationValue) -> Result<T, String>,
    ) -> Result<Option<(T, String)>, SettingsError> {
        let Some(value) = self.profile.watch.as_ref().and_then(field) else {
            return Ok(None);
        };
        match parse(value.get_ref()) {
            Ok(parsed) => Ok(Some((parsed, self.file_line(value)))),
            Err(e) => err(format!(
                "invalid config file {}: `{key}` in [profiles.{}.watch]: {e}",
                self.at(value),
                self.profile_name
            )),
        }
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
