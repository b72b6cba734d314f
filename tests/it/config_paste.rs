//! `config show` pastes back exactly (CONTRACT §17): a relative `ca_cert`
//! is resolved against its config file's folder and shown absolute, so the
//! text pasted as the config names the same file; and the placeholder a
//! key shows as is refused as a key (exit 2), never sent to the vendor.

use std::path::Path;

use crate::common::*;

/// `pipewatch config show --config PATH`, run from `cwd`.
fn show(home: &Path, cwd: &Path, config: &str) -> String {
    let (code, stdout, stderr) = run(bin(home)
        .current_dir(cwd)
        .args(["config", "show", "--config", config]));
    assert_eq!(code, 0, "{stderr}");
    stdout
}

/// The value of `key` in the first table that sets it.
fn value<'a>(shown: &'a str, key: &str) -> &'a str {
    shown
        .lines()
        .find_map(|l| l.strip_prefix(&format!("{key} = \"")))
        .and_then(|rest| rest.split_once('"'))
        .map(|(v, _)| v)
        .unwrap_or_else(|| panic!("no {key} in {shown}"))
}

#[test]
fn a_relative_ca_cert_is_shown_absolute_and_pastes_back_the_same() {
    let home = home();
    let ci = home.path().join("ci");
    std::fs::create_dir_all(&ci).unwrap();
    let config = ci.join("pipewatch.toml");
    std::fs::write(
        &config,
        "[profiles.default.feldera]\nca_cert = \"ca.pem\"\n",
    )
    .unwrap();
    // `--config ci/pipewatch.toml`, relative, as in a CI job.
    let shown = show(home.path(), home.path(), "ci/pipewatch.toml");
    let expected = ci.join("ca.pem");
    assert_eq!(
        value(&shown, "ca_cert"),
        expected.to_str().unwrap(),
        "{shown}"
    );
    // Pasted back as the config, it says the same, not ci/ci/ca.pem.
    std::fs::write(&config, &shown).unwrap();
    let again = show(home.path(), home.path(), "ci/pipewatch.toml");
    assert_eq!(
        value(&again, "ca_cert"),
        expected.to_str().unwrap(),
        "{again}"
    );
    assert!(!again.contains("ci/ci/"), "{again}");
}

#[test]
fn the_redacted_placeholder_is_refused_as_a_key() {
    let server = sim();
    let home = home();
    let config = config(
        home.path(),
        &format!(
            "[profiles.default.llama]\napi_key = \"llx-real\"\nbase_url = \"{}\"\n",
            server.base_url()
        ),
    );
    let shown = show(home.path(), home.path(), config.to_str().unwrap());
    assert!(shown.contains("api_key = \"<redacted>\""), "{shown}");
    assert!(!shown.contains("llx-real"), "{shown}");
    // Pasted back as it is: the placeholder is not a key.
    std::fs::write(&config, &shown).unwrap();
    let (code, stdout, stderr) = run(bin(home.path())
        .args(["batch", "status", "job-ok", "--config"])
        .arg(&config));
    assert_eq!(code, 2, "{stderr}");
    assert!(stdout.is_empty());
    assert!(stderr.contains("<redacted>"), "{stderr}");
    assert!(stderr.contains("put the real key back"), "{stderr}");
    assert!(server.requests().is_empty(), "the placeholder was sent");
}
