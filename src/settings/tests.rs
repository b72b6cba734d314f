//! Unit tests of settings resolution: precedence, keys, profiles, errors.

use super::*;
use std::io::Write as _;

fn write_config(text: &str) -> tempfile::NamedTempFile {
    let mut file = tempfile::NamedTempFile::new().unwrap();
    file.write_all(text.as_bytes()).unwrap();
    file
}

fn env_of(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
    move |name| {
        pairs
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.to_string())
    }
}

const FULL: &str = r#"
default_profile = "work"

[profiles.work.llama]
api_key = "llx-from-file"
base_url = "https://llama.work.example"
organization_id = "org-1"
project_id = "proj-1"

[profiles.work.clarifeye]
api_key_cmd = "printf 'cf-from-cmd\n'"
project_id = "cf-proj"

[profiles.work.watch]
interval = "5s"
timeout = "30m"

[profiles.other.feldera]
base_url = "http://feldera.internal:8080"
api_key = "apikey:secret"
allow_http = true
ca_cert = "certs/ca.pem"
"#;

#[test]
fn precedence_flag_env_profile_default() {
    let file = write_config(FULL);
    let config = Config::load(Some(file.path()), None).unwrap();
    assert_eq!(config.profile_name(), "work");
    let none = env_of(&[]);
    let s = config
        .resolve(Vendor::Llama, &VendorFlags::default(), &none, true)
        .unwrap();
    assert_eq!(s.base_url.as_str(), "https://llama.work.example/");
    assert!(matches!(s.base_url_source, Source::Config(_)));
    assert_eq!(
        s.api_key.as_ref().map(Secret::expose),
        Some("llx-from-file")
    );
    assert_eq!(s.organization_id.as_deref(), Some("org-1"));

    let env = env_of(&[
        ("LLAMA_CLOUD_BASE_URL", "https://env.example"),
        ("LLAMA_PARSE_API_KEY", "llx-parse"),
    ]);
    let s = config
        .resolve(Vendor::Llama, &VendorFlags::default(), &env, true)
        .unwrap();
    assert_eq!(s.base_url.as_str(), "https://env.example/");
    assert_eq!(s.api_key.as_ref().map(Secret::expose), Some("llx-parse"));

    let env = env_of(&[
        ("LLAMA_CLOUD_API_KEY", "llx-cloud"),
        ("LLAMA_PARSE_API_KEY", "llx-parse"),
        ("LLAMA_CLOUD_BASE_URL", "https://env.example"),
    ]);
    let flags = VendorFlags {
        base_url: Some("https://flag.example"),
        organization_id: Some("org-flag"),
        ..VendorFlags::default()
    };
    let s = config.resolve(Vendor::Llama, &flags, &env, true).unwrap();
    assert_eq!(s.base_url.as_str(), "https://flag.example/");
    assert_eq!(s.api_key.as_ref().map(Secret::expose), Some("llx-cloud"));
    assert_eq!(s.organization_id.as_deref(), Some("org-flag"));
    assert_eq!(s.project_id.as_deref(), Some("proj-1"));
}

#[test]
fn defaults_without_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("none.toml");
    // An explicit file must exist.
    let e = Config::load(Some(&missing), None).unwrap_err();
    assert!(e.message.contains("cannot read config file"), "{e}");
    // An empty file resolves like no file at all.
    let file = write_config("");
    let config = Config::load(Some(file.path()), None).unwrap();
    let s = config
        .resolve(Vendor::Feldera, &VendorFlags::default(), &env_of(&[]), true)
        .unwrap();
    assert_eq!(s.base_url.as_str(), "http://localhost:8080/");
    assert_eq!(s.base_url_source, Source::Default);
    assert!(s.api_key.is_none());
    let s = config
        .resolve(
            Vendor::Clarifeye,
            &VendorFlags::default(),
            &env_of(&[("CLARIFEYE_API_KEY", "k")]),
            true,
        )
        .unwrap();
    assert_eq!(s.base_url.as_str(), "https://eu.app.clarifeye.ai/");
}

#[test]
fn missing_key_names_variable_and_config_key() {
    let file = write_config("");
    let config = Config::load(Some(file.path()), None).unwrap();
    let e = config
        .resolve(Vendor::Llama, &VendorFlags::default(), &env_of(&[]), true)
        .unwrap_err()
        .message;
    assert!(e.contains("LLAMA_CLOUD_API_KEY"), "{e}");
    assert!(e.contains("LLAMA_PARSE_API_KEY"), "{e}");
    assert!(e.contains("api_key"), "{e}");
    assert!(e.contains("[profiles.default.llama]"), "{e}");
    let e = config
        .resolve(
            Vendor::Clarifeye,
            &VendorFlags::default(),
            &env_of(&[]),
            true,
        )
        .unwrap_err()
        .message;
    assert!(e.contains("CLARIFEYE_API_KEY"), "{e}");
}

#[test]
fn api_key_cmd_runs_only_when_asked() {
    let file = write_config(FULL);
    let config = Config::load(Some(file.path()), None).unwrap();
    let none = env_of(&[]);
    let s = config
        .resolve(Vendor::Clarifeye, &VendorFlags::default(), &none, true)
        .unwrap();
    assert_eq!(s.api_key.as_ref().map(Secret::expose), Some("cf-from-cmd"));
    assert_eq!(s.project_id.as_deref(), Some("cf-proj"));
    let s = config
        .resolve(Vendor::Clarifeye, &VendorFlags::default(), &none, false)
        .unwrap();
    assert!(s.api_key.is_none());
    assert!(s.api_key_source.is_some());
}

#[test]
fn failing_api_key_cmd() {
    let file = write_config(
        "[profiles.default.llama]\napi_key_cmd = \"echo 'vault sealed' >&2; exit 3\"\n",
    );
    let config = Config::load(Some(file.path()), None).unwrap();
    let e = config
        .resolve(Vendor::Llama, &VendorFlags::default(), &env_of(&[]), true)
        .unwrap_err()
        .message;
    assert!(
        e.contains("api_key_cmd") && e.contains("vault sealed"),
        "{e}"
    );
    assert!(e.contains("line 2"), "{e}");
    let file = write_config("[profiles.default.llama]\napi_key_cmd = \"true\"\n");
    let config = Config::load(Some(file.path()), None).unwrap();
    let e = config
        .resolve(Vendor::Llama, &VendorFlags::default(), &env_of(&[]), true)
        .unwrap_err()
        .message;
    assert!(e.contains("printed nothing"), "{e}");
}

#[test]
fn only_a_key_from_api_key_cmd_keeps_its_command_for_refresh() {
    let file = write_config(FULL);
    let config = Config::load(Some(file.path()), None).unwrap();
    let none = env_of(&[]);
    let from_cmd = config
        .resolve(Vendor::Clarifeye, &VendorFlags::default(), &none, true)
        .unwrap();
    let command = from_cmd.api_key_cmd.as_ref().expect("the command is kept");
    assert_eq!(command.rerun().unwrap().expose(), "cf-from-cmd");
    assert_eq!(Some(command.source()), from_cmd.api_key_source.as_ref());
    // Neither the key nor the command's text (it may hold a key) shows.
    let shown = format!("{from_cmd:?}");
    assert!(!shown.contains("cf-from-cmd"), "{shown}");
    assert!(shown.contains("api_key_cmd in"), "{shown}");

    let from_file = config
        .resolve(Vendor::Llama, &VendorFlags::default(), &none, true)
        .unwrap();
    assert!(from_file.api_key_cmd.is_none());
    let env = env_of(&[("CLARIFEYE_API_KEY", "cf-env")]);
    let from_env = config
        .resolve(Vendor::Clarifeye, &VendorFlags::default(), &env, true)
        .unwrap();
    assert!(from_env.api_key_cmd.is_none());
    // config show runs nothing, so there is nothing to run again.
    let shown = config
        .resolve(Vendor::Clarifeye, &VendorFlags::default(), &none, false)
        .unwrap();
    assert!(shown.api_key_cmd.is_none());
}

#[test]
fn a_rerun_that_fails_says_so_with_its_first_stderr_line() {
    let dir = tempfile::tempdir().unwrap();
    let runs = dir.path().join("runs");
    // The first run succeeds; later ones fail.
    let text = format!(
        "[profiles.default.llama]\napi_key_cmd = \"echo x >> '{0}'; [ $(wc -l < '{0}') -gt 1 ] && {{ echo 'token service down' >&2; echo more >&2; exit 1; }}; echo k1\"\n",
        runs.display()
    );
    let file = write_config(&text);
    let config = Config::load(Some(file.path()), None).unwrap();
    let s = config
        .resolve(Vendor::Llama, &VendorFlags::default(), &env_of(&[]), true)
        .unwrap();
    assert_eq!(s.api_key.as_ref().map(Secret::expose), Some("k1"));
    let e = s.api_key_cmd.as_ref().unwrap().rerun().unwrap_err().message;
    assert!(
        e.contains("api_key_cmd from config")
            && e.contains("failed on refresh (exit status: 1): token service down"),
        "{e}"
    );
    assert!(!e.contains("more"), "{e}");
}

#[test]
fn plain_http_credentials() {
    let file = write_config(FULL);
    let config = Config::load(Some(file.path()), None).unwrap();
    let env = env_of(&[("LLAMA_CLOUD_API_KEY", "llx-secret-value")]);
    let remote = VendorFlags {
        base_url: Some("http://llama.example"),
        ..VendorFlags::default()
    };
    let e = config
        .resolve(Vendor::Llama, &remote, &env, true)
        .unwrap_err()
        .message;
    assert!(
        e.contains("plain HTTP") && e.contains("--allow-http"),
        "{e}"
    );
    assert!(!e.contains("llx-secret-value"));
    let allowed = VendorFlags {
        allow_http: true,
        ..remote
    };
    assert!(config.resolve(Vendor::Llama, &allowed, &env, true).is_ok());
    for local in ["http://127.0.0.1:9", "http://localhost:9", "http://[::1]:9"] {
        let flags = VendorFlags {
            base_url: Some(local),
            ..VendorFlags::default()
        };
        assert!(
            config.resolve(Vendor::Llama, &flags, &env, true).is_ok(),
            "{local}"
        );
    }
    // No credential, nothing to protect: Feldera without a key may use http.
    let flags = VendorFlags {
        base_url: Some("http://feldera.example"),
        ..VendorFlags::default()
    };
    assert!(
        config
            .resolve(Vendor::Feldera, &flags, &env_of(&[]), true)
            .is_ok()
    );
    let e = config
        .resolve(
            Vendor::Feldera,
            &flags,
            &env_of(&[("FELDERA_API_KEY", "k")]),
            true,
        )
        .unwrap_err();
    assert!(e.message.contains("plain HTTP"));
}

#[test]
fn profile_from_flag_with_config_allow_http_and_relative_ca() {
    let file = write_config(FULL);
    let config = Config::load(Some(file.path()), Some("other")).unwrap();
    let s = config
        .resolve(Vendor::Feldera, &VendorFlags::default(), &env_of(&[]), true)
        .unwrap();
    assert!(s.allow_http);
    assert_eq!(
        s.api_key.as_ref().map(Secret::expose),
        Some("apikey:secret")
    );
    let dir = file.path().parent().unwrap();
    assert_eq!(
        s.ca_cert.as_deref(),
        Some(dir.join("certs/ca.pem").as_path())
    );
}

#[test]
fn unknown_profile_is_an_error() {
    let file = write_config(FULL);
    let e = Config::load(Some(file.path()), Some("nope"))
        .unwrap_err()
        .message;
    assert!(e.contains("`nope`") && e.contains("other, work"), "{e}");
}

#[test]
fn unknown_key_names_file_line_and_key() {
    let file = write_config("[profiles.default.llama]\napi_key = \"x\"\napi_kye = \"y\"\n");
    let e = Config::load(Some(file.path()), None).unwrap_err().message;
    assert!(e.contains(&file.path().display().to_string()), "{e}");
    assert!(e.contains("line 3"), "{e}");
    assert!(e.contains("api_kye"), "{e}");
    let file = write_config("[profiles.default.feldera]\nproject_id = \"p\"\n");
    let e = Config::load(Some(file.path()), None).unwrap_err().message;
    assert!(e.contains("line 2") && e.contains("project_id"), "{e}");
}

#[test]
fn malformed_file_hides_values() {
    let file = write_config("[profiles.default.llama]\napi_key = llx-unquoted-secret\n");
    let e = Config::load(Some(file.path()), None).unwrap_err().message;
    assert!(e.contains("line 2"), "{e}");
    assert!(!e.contains("llx-unquoted-secret"), "{e}");
}

#[test]
fn bad_watch_duration_in_config() {
    let file = write_config("[profiles.default.watch]\n\ninterval = \"soon\"\n");
    let config = Config::load(Some(file.path()), None).unwrap();
    let e = config.watch_interval().unwrap_err().message;
    assert!(e.contains("line 3") && e.contains("interval"), "{e}");
}

/// CONTRACT §13: a TOML number is seconds, `timeout = "none"` is no
/// limit, and an interval under 100 ms is refused with its line.
#[test]
fn watch_durations_in_config_take_numbers_and_none() {
    use std::time::Duration;
    let file = write_config("[profiles.default.watch]\ninterval = 5\ntimeout = \"none\"\n");
    let config = Config::load(Some(file.path()), None).unwrap();
    let (interval, at) = config.watch_interval().unwrap().unwrap();
    assert_eq!(interval, Duration::from_secs(5));
    assert!(at.ends_with("config.toml:2") || at.ends_with(":2"), "{at}");
    let (timeout, _) = config.watch_timeout().unwrap().unwrap();
    assert_eq!(timeout.0, None);
    let file = write_config("[profiles.default.watch]\ninterval = 0.5\ntimeout = 90\n");
    let config = Config::load(Some(file.path()), None).unwrap();
    let interval = config.watch_interval().unwrap().unwrap().0;
    assert_eq!(interval, Duration::from_millis(500));
    let timeout = config.watch_timeout().unwrap().unwrap().0;
    assert_eq!(timeout.0, Some(Duration::from_secs(90)));
    let file = write_config("[profiles.default.watch]\ninterval = \"1ms\"\n");
    let config = Config::load(Some(file.path()), None).unwrap();
    let e = config.watch_interval().unwrap_err().message;
    assert!(e.contains("line 2") && e.contains("100ms"), "{e}");
}

#[test]
fn bad_base_url() {
    let file = write_config("");
    let config = Config::load(Some(file.path()), None).unwrap();
    for bad in ["ftp://x", "not a url", "https://x/?q=1"] {
        let flags = VendorFlags {
            base_url: Some(bad),
            ..VendorFlags::default()
        };
        let e = config
            .resolve(Vendor::Feldera, &flags, &env_of(&[]), true)
            .unwrap_err();
        assert!(e.message.contains("--base-url"), "{e}");
    }
}

#[test]
fn secrets_do_not_debug() {
    let secret = Secret::new("llx-very-secret".into());
    assert!(!format!("{secret:?}").contains("llx-very-secret"));
    let file = write_config(FULL);
    let config = Config::load(Some(file.path()), None).unwrap();
    let s = config
        .resolve(Vendor::Llama, &VendorFlags::default(), &env_of(&[]), true)
        .unwrap();
    assert!(!format!("{s:?}").contains("llx-from-file"));
    assert!(!format!("{config:?}").contains("llx-from-file"));
}

/// CONTRACT §13: a base URL copied with the API's own prefix is used
/// without it, and says so.
#[test]
fn base_urls_with_the_apis_prefix_lose_it() {
    let file = write_config("");
    let config = Config::load(Some(file.path()), None).unwrap();
    let resolve = |vendor, url| {
        let flags = VendorFlags {
            base_url: Some(url),
            ..VendorFlags::default()
        };
        let s = config.resolve(vendor, &flags, &env_of(&[]), false).unwrap();
        (s.base_url.to_string(), s.stripped_prefix)
    };
    let cut = |url: &str, prefix| (url.to_owned(), Some(prefix));
    assert_eq!(
        resolve(Vendor::Clarifeye, "https://eu.app.clarifeye.ai/api/v1"),
        cut("https://eu.app.clarifeye.ai/", "/api/v1")
    );
    assert_eq!(
        resolve(Vendor::Llama, "https://api.cloud.llamaindex.ai/api/v1/"),
        cut("https://api.cloud.llamaindex.ai/", "/api/v1")
    );
    assert_eq!(
        resolve(Vendor::Llama, "https://proxy.example/llama/api/v1"),
        cut("https://proxy.example/llama", "/api/v1")
    );
    assert_eq!(
        resolve(Vendor::Feldera, "http://localhost:8080/v0/"),
        cut("http://localhost:8080/", "/v0")
    );
    for (vendor, url) in [
        (Vendor::Feldera, "http://localhost:8080/api/v1"),
        (Vendor::Llama, "https://x.example/v0"),
        (Vendor::Llama, "https://x.example/myapi/v1"),
        (Vendor::Clarifeye, "https://x.example/proxy/"),
    ] {
        assert_eq!(resolve(vendor, url).1, None, "{url}");
    }
}
