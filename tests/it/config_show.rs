//! `config show` prints a config file (CONTRACT §13): valid TOML in the
//! file's own layout, that loads back as a config file, each value with a
//! comment naming its source, secrets as "<redacted>".

use crate::common::*;
use pipewatch::settings::Config;

const FILE: &str = r#"default_profile = "ci"

[profiles.ci.llama]
api_key = "llx-FILE-SECRET-77aa"
organization_id = "org-1"
project_id = "proj-1"

[profiles.ci.clarifeye]
api_key_cmd = "echo ck-CMD-SECRET-88bb"
base_url = "https://us.app.clarifeye.ai"
allow_http = true

[profiles.ci.watch]
interval = 5
timeout = "none"
"#;

/// `config show` with FILE, the environment `env` and extra `args`.
fn show(env: &[(&str, &str)], args: &[&str]) -> (String, std::path::PathBuf, tempfile::TempDir) {
    let home = home();
    let path = config(home.path(), FILE);
    let mut cmd = bin(home.path());
    cmd.arg("--config")
        .arg(&path)
        .args(["config", "show"])
        .args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let (code, stdout, stderr) = run(&mut cmd);
    assert_eq!(code, 0, "{stderr}");
    (stdout, path, home)
}

/// The comment after `key = ...` in table `table`.
fn source_of(stdout: &str, table: &str, key: &str) -> String {
    let mut current = "";
    for line in stdout.lines() {
        if line.starts_with('[') {
            current = line;
        } else if current == table && line.starts_with(&format!("{key} = ")) {
            return line
                .split_once("  # ")
                .map(|(_, c)| c.to_owned())
                .unwrap_or_default();
        }
    }
    panic!("no {key} in {table}: {stdout}")
}

#[test]
fn config_show_is_a_config_file_with_sources() {
    let (stdout, path, _home) = show(
        &[
            ("FELDERA_HOST", "http://127.0.0.1:9999"),
            ("CLARIFEYE_API_KEY", KEY),
        ],
        &["--allow-http"],
    );
    // Valid TOML, in the file's layout, that loads back as a config file.
    let doc: toml::Table = toml::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"));
    let ci = &doc["profiles"]["ci"];
    assert_eq!(ci["llama"]["organization_id"].as_str(), Some("org-1"));
    assert_eq!(ci["llama"]["api_key"].as_str(), Some("<redacted>"));
    assert_eq!(ci["clarifeye"]["api_key"].as_str(), Some("<redacted>"));
    assert_eq!(
        ci["feldera"]["base_url"].as_str(),
        Some("http://127.0.0.1:9999/")
    );
    assert_eq!(ci["watch"]["interval"].as_str(), Some("5s"));
    assert_eq!(ci["watch"]["timeout"].as_str(), Some("none"));
    assert_eq!(doc["default_profile"].as_str(), Some("ci"));
    let loaded = Config::from_text("shown.toml".into(), Some(stdout.clone()), None)
        .unwrap_or_else(|e| panic!("{e}: {stdout}"));
    assert_eq!(loaded.profile_name(), "ci");
    let interval = loaded.watch_interval().unwrap().unwrap().0;
    assert_eq!(interval, std::time::Duration::from_secs(5));
    assert_eq!(loaded.watch_timeout().unwrap().unwrap().0.0, None);

    // Every value names its source: file:line, environment, flag, default.
    let file = path.display().to_string();
    let llama = "[profiles.ci.llama]";
    let clarifeye = "[profiles.ci.clarifeye]";
    let feldera = "[profiles.ci.feldera]";
    assert_eq!(
        source_of(&stdout, llama, "organization_id"),
        format!("config {file}:5")
    );
    assert_eq!(source_of(&stdout, llama, "base_url"), "default");
    assert_eq!(
        source_of(&stdout, llama, "api_key"),
        format!("config {file}:4")
    );
    assert_eq!(
        source_of(&stdout, clarifeye, "base_url"),
        format!("config {file}:10")
    );
    assert_eq!(
        source_of(&stdout, clarifeye, "api_key"),
        "environment CLARIFEYE_API_KEY"
    );
    assert_eq!(
        source_of(&stdout, clarifeye, "allow_http"),
        "flag --allow-http"
    );
    assert_eq!(
        source_of(&stdout, feldera, "base_url"),
        "environment FELDERA_HOST"
    );
    assert_eq!(
        source_of(&stdout, "[profiles.ci.watch]", "interval"),
        format!("config {file}:14")
    );
    assert_eq!(
        source_of(&stdout, "[profiles.ci.watch]", "timeout"),
        format!("config {file}:15")
    );
    assert!(source_of(&stdout, "", "default_profile").contains(&file));
    for secret in ["llx-FILE-SECRET-77aa", "ck-CMD-SECRET-88bb", "echo"] {
        assert!(!stdout.contains(secret), "{secret}: {stdout}");
    }
}

#[test]
fn config_show_names_the_profile_flag_and_default_watch() {
    let (stdout, _path, _home) = show(
        &[],
        &["--profile", "ci", "--base-url", "https://flag.example"],
    );
    assert_eq!(source_of(&stdout, "", "default_profile"), "flag --profile");
    assert_eq!(
        source_of(&stdout, "[profiles.ci.llama]", "base_url"),
        "flag --base-url"
    );
    let home = home();
    let (code, stdout, stderr) = run(bin(home.path()).args(["config", "show"]));
    assert_eq!(code, 0, "{stderr}");
    assert!(toml::from_str::<toml::Table>(&stdout).is_ok(), "{stdout}");
    let watch = "[profiles.default.watch]";
    assert_eq!(source_of(&stdout, watch, "interval"), "default");
    assert_eq!(source_of(&stdout, watch, "timeout"), "default");
    Config::from_text("shown.toml".into(), Some(stdout), None).unwrap();
}
