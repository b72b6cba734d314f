//! config.example.toml documents every key, so it must also be a valid
//! config: load it through the binary.

use crate::common::*;

#[test]
fn example_config_is_valid() {
    let home = home();
    let path = config(
        home.path(),
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/config.example.toml"))
            .unwrap(),
    );
    let (code, stdout, stderr) = run(bin(home.path())
        .arg("--config")
        .arg(&path)
        .args(["config", "show"]));
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("https://api.cloud.llamaindex.ai"),
        "{stdout}"
    );
    assert!(!stdout.contains("llx-..."), "key shown: {stdout}");
    assert!(stdout.contains("<redacted>"), "{stdout}");
}
