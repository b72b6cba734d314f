//! README's shell-completion install lines work on a fresh home directory,
//! where none of the directories they write to exist yet.

use std::path::Path;
use std::process::Command;

/// The lines of the first ```sh block after the "Shell completions" paragraph.
fn install_lines(readme: &str) -> Vec<String> {
    let from = readme
        .find("**Shell completions.**")
        .expect("the paragraph");
    let block = &readme[from..];
    let start = block.find("```sh\n").expect("a sh block") + "```sh\n".len();
    let end = start + block[start..].find("```").expect("its end");
    block[start..end]
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_owned)
        .collect()
}

#[test]
fn completion_install_lines_work_on_a_fresh_home() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let lines = install_lines(&readme);
    assert!(lines.len() >= 5, "{lines:?}");
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_pipewatch")).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    for line in &lines {
        // Each line on its own, in its own empty home.
        let home = tempfile::tempdir().unwrap();
        let out = Command::new("sh")
            .args(["-eu", "-c", line])
            .current_dir(root)
            .env_clear()
            .env("HOME", home.path())
            .env("PATH", &path)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{line}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // Together they leave a script for each shell where it is loaded from.
    let home = tempfile::tempdir().unwrap();
    let out = Command::new("sh")
        .args(["-eu", "-c", &lines.join("\n")])
        .current_dir(root)
        .env_clear()
        .env("HOME", home.path())
        .env("PATH", &path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for file in [
        ".local/share/bash-completion/completions/pipewatch",
        ".zfunc/_pipewatch",
        ".config/fish/completions/pipewatch.fish",
        ".config/elvish/lib/pipewatch.elv",
    ] {
        let text = std::fs::read_to_string(home.path().join(file)).unwrap_or_default();
        assert!(text.contains("pipewatch"), "{file} is missing or empty");
    }
}
