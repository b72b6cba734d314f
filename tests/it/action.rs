//! The GitHub Action (CONTRACT §18): `action.yml`'s steps run as a runner
//! runs them (tests/action/runner.rs), with the runner's variables and
//! files, against the simulator; the install step finds the binary cargo
//! built for these tests on PATH, or in the runner's tool cache, exactly as
//! it finds one an earlier step or a cache put there. What a job sees is
//! checked: the outputs, the step summary, the annotations, whether the step
//! failed. `scripts/action-check.sh` validates the metadata against GitHub's
//! schema and runs the ignored test, whose install step really builds.

mod runner;

use std::path::{Path, PathBuf};

use crate::common::{KEY, Server, sim};
use runner::{Job, Ran};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn built() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_pipewatch"))
}

const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The runner's system folders: bash, awk, xargs, sed, mktemp; no pipewatch.
const SYSTEM_PATH: &str = "/usr/bin:/bin";

/// A job whose workflow points every service at `server`, with
/// pipewatch on its PATH as an earlier step would leave it.
fn job(server: &Server) -> Job {
    let bin_dir = built().parent().unwrap().display().to_string();
    let mut job = Job::new(root(), format!("{bin_dir}:{SYSTEM_PATH}"));
    let base = server.base_url();
    job.set("LLAMA_CLOUD_BASE_URL", &base)
        .set("LLAMA_CLOUD_API_KEY", KEY)
        .set("CLARIFEYE_BASE_URL", &base)
        .set("CLARIFEYE_API_KEY", KEY)
        .set("FELDERA_HOST", &base);
    job
}

/// Everything the job shows: no key in any of it.
fn shown(ran: &Ran) -> String {
    let mut all = ran.summary.clone();
    for step in &ran.steps {
        all.push_str(&step.stdout);
        all.push_str(&step.stderr);
    }
    all.extend(ran.outputs.values().map(String::as_str));
    assert!(!all.contains(KEY), "the key leaked: {all}");
    assert!(!all.contains("panicked"), "{all}");
    all
}

fn ids(ran: &Ran) -> Vec<&str> {
    ran.steps.iter().map(|s| s.id.as_str()).collect()
}

#[test]
fn a_succeeding_job_sets_its_outputs_and_summary() {
    let server = sim();
    let ran = job(&server).uses(&[(
        "args",
        "clarifeye run --project 'team a' run-ok-300ms\n  --watch --interval 100ms --timeout 30s",
    )]);
    let all = shown(&ran);
    assert_eq!(ran.failed().map(|s| &s.id), None, "{all}");
    assert_eq!(ids(&ran), ["install", "run", "verdict"]);
    let install = ran.step("install").unwrap();
    assert!(
        install
            .stdout
            .contains(&format!("pipewatch {VERSION} is on PATH")),
        "the built pipewatch is used, not built again: {}",
        install.stdout
    );
    assert_eq!(ran.output("exit-code"), "0");
    assert_eq!(ran.output("state"), "succeeded");
    // The step summary: the report of the run, the command as it was split.
    assert!(ran.summary.contains("pipewatch: exit 0"), "{}", ran.summary);
    assert!(ran.summary.contains("'team a'"), "{}", ran.summary);
    assert!(
        ran.summary.contains("| team a/run-ok-300ms | succeeded |"),
        "{}",
        ran.summary
    );
    // Nothing went wrong: no annotation.
    assert!(!all.contains("::error"), "{all}");
}

#[test]
fn a_failing_job_fails_the_step_with_pipewatchs_exit_code() {
    let server = sim();
    let ran = job(&server).uses(&[("args", "llama pipeline status p-ok p-failed")]);
    let all = shown(&ran);
    let failed = ran.failed().expect("the step fails");
    assert_eq!((failed.id.as_str(), failed.code), ("verdict", 1), "{all}");
    assert_eq!(ran.output("exit-code"), "1");
    assert_eq!(ran.output("state"), "failed");
    let run = ran.step("run").unwrap();
    assert_eq!(run.code, 0, "the outputs are set before the verdict");
    // GITHUB_ACTIONS=true: the failed target is annotated.
    assert!(
        run.stderr
            .contains("::error title=llama.pipeline p-failed::failed: PARSE"),
        "{}",
        run.stderr
    );
    assert!(ran.summary.contains("pipewatch: exit 1"), "{}", ran.summary);
    assert!(
        ran.summary.contains("#### LlamaCloud errors"),
        "{}",
        ran.summary
    );
    assert!(
        ran.summary.contains("| p-failed | failed | ERROR |"),
        "{}",
        ran.summary
    );
}

#[test]
fn without_fail_on_error_the_job_branches_on_the_outputs() {
    let server = sim();
    // A partial job beside one that never ends: the watch times out (6),
    // and the worst state is partial.
    let ran = job(&server).uses(&[
        (
            "args",
            "batch status job-partial job-running --watch --interval 100ms --timeout 1s",
        ),
        ("fail-on-error", "false"),
    ]);
    let all = shown(&ran);
    assert_eq!(ran.failed().map(|s| &s.id), None, "{all}");
    assert_eq!(ran.output("exit-code"), "6");
    assert_eq!(ran.output("state"), "partial");
    assert!(
        ran.step("verdict")
            .unwrap()
            .stdout
            .contains("the step goes on"),
        "{all}"
    );
    assert!(ran.summary.contains("pipewatch: exit 6"), "{}", ran.summary);
}

#[test]
fn the_state_covers_collections_errors_and_runs_that_reached_no_target() {
    let server = sim();
    let job = job(&server);
    let state_of = |args: &str| {
        let ran = job.uses(&[("args", args), ("fail-on-error", "false")]);
        shown(&ran);
        assert_eq!(ran.failed().map(|s| &s.id), None);
        (
            ran.output("exit-code").to_owned(),
            ran.output("state").to_owned(),
        )
    };
    // A collection: its items' states, counted (36 succeeded, 4 failed).
    assert_eq!(
        state_of("llama file status --pipeline docs-items40-failed --all"),
        ("1".to_owned(), "failed".to_owned())
    );
    assert_eq!(
        state_of("llama file status --pipeline docs-items5 --all"),
        ("0".to_owned(), "succeeded".to_owned())
    );
    // A target that errored is unknown, as its envelope says.
    assert_eq!(
        state_of("batch status job-notfound job-ok"),
        ("7".to_owned(), "unknown".to_owned())
    );
    // Pending beats running; nothing is worse than failed.
    assert_eq!(
        state_of("batch status job-running job-pending"),
        ("5".to_owned(), "pending".to_owned())
    );
    assert_eq!(
        state_of("batch status job-cancelled job-failed job-partial"),
        ("1".to_owned(), "failed".to_owned())
    );
    // No target reached: a usage error, found by pipewatch or by clap.
    assert_eq!(
        state_of("batch status job-ok --interval 1s"),
        ("2".to_owned(), String::new())
    );
    assert_eq!(
        state_of("batch status job-ok --no-such-flag"),
        ("2".to_owned(), String::new())
    );
}

#[test]
fn args_are_split_into_words_never_run_as_shell_code() {
    let server = sim();
    let ran = job(&server).uses(&[(
        "args",
        r#"batch status 'job-ok $(touch pwned)' "job-ok;touch pwned2" "job-ok`touch pwned3`""#,
    )]);
    let all = shown(&ran);
    assert_eq!(ran.output("exit-code"), "0", "{all}");
    for file in ["pwned", "pwned2", "pwned3"] {
        assert!(!ran.workspace.join(file).exists(), "{file} was created");
    }
    // Three targets, each one word as quoted, shown as received.
    assert!(ran.summary.contains("3 batch jobs"), "{}", ran.summary);
    for target in [
        r"| job-ok \$(touch pwned) |",
        "| job-ok;touch pwned2 |",
        r"| job-ok\`touch pwned3\` |",
    ] {
        assert!(ran.summary.contains(target), "{target}: {}", ran.summary);
    }

    let ran = job(&server).uses(&[("args", "batch status 'job-ok")]);
    let failed = ran.failed().expect("an unmatched quote fails");
    assert_eq!(failed.id, "run");
    assert!(
        failed
            .stdout
            .contains("::error title=pipewatch action::args could not be split")
    );
    assert_eq!(ran.output("exit-code"), "");
}

#[test]
fn the_action_keeps_summary_and_metrics_file_to_itself() {
    let server = sim();
    for args in [
        "batch status job-ok --summary report.md",
        "batch status job-ok --metrics-file=job.prom",
    ] {
        let ran = job(&server).uses(&[("args", args)]);
        let failed = ran.failed().expect("refused");
        assert_eq!((failed.id.as_str(), failed.code), ("run", 1));
        assert!(
            failed.stdout.contains("which the action sets itself"),
            "{}",
            failed.stdout
        );
        assert_eq!(ids(&ran), ["install", "run"]);
        assert_eq!(ran.summary, "");
    }
}

#[test]
fn version_names_the_pipewatch_to_run() {
    let server = sim();
    // On PATH, with or without a v.
    let ran = job(&server).uses(&[
        ("args", "batch status job-ok"),
        ("version", &format!("v{VERSION}")),
    ]);
    assert_eq!(ran.output("exit-code"), "0", "{}", shown(&ran));

    // Another version: not on PATH, and not this checkout: said, not built.
    let ran = job(&server).uses(&[("args", "batch status job-ok"), ("version", "9.9.9")]);
    let failed = ran.failed().expect("no pipewatch 9.9.9");
    assert_eq!(failed.id, "install");
    assert!(
        failed.stdout.contains(&format!(
            "::error title=pipewatch action::version 9.9.9 was asked, no pipewatch 9.9.9 is on PATH, and this action is pipewatch {VERSION}"
        )),
        "{}",
        failed.stdout
    );
    assert_eq!(ids(&ran), ["install"]);
    assert_eq!((ran.output("exit-code"), ran.output("state")), ("", ""));
}

#[test]
fn a_pipewatch_restored_into_the_tool_cache_is_used_and_put_on_path() {
    let server = sim();
    let mut job = job(&server);
    job.path = SYSTEM_PATH.to_owned();
    let bin = job
        .dir("tool_cache")
        .join(format!("pipewatch/{VERSION}/bin"));
    std::fs::create_dir_all(&bin).unwrap();
    std::fs::copy(built(), bin.join("pipewatch")).unwrap();
    let ran = job.uses(&[("args", "feldera token orders tok-ok")]);
    let all = shown(&ran);
    assert_eq!(ran.failed().map(|s| &s.id), None, "{all}");
    assert!(
        ran.step("install")
            .unwrap()
            .stdout
            .contains("not building it"),
        "{all}"
    );
    assert_eq!(ran.output("exit-code"), "0");
    assert_eq!(ran.output("state"), "succeeded");
    // Later steps of the job find it on PATH.
    assert!(
        ran.path.starts_with(&format!("{}:", bin.display())),
        "{}",
        ran.path
    );
}

/// The install step as a runner without pipewatch runs it: `cargo install`
/// of this checkout into the tool cache (minutes; scripts/action-check.sh
/// runs it; the build goes to the checkout's target/, reusing a release build there).
#[test]
#[ignore = "builds pipewatch in release mode: scripts/action-check.sh runs it"]
fn the_install_step_builds_the_action_checkout() {
    let server = sim();
    // The machine's PATH (cargo on it), less any folder holding a pipewatch.
    let path = std::env::var("PATH").unwrap_or_default();
    let path: Vec<&str> = path
        .split(':')
        .filter(|dir| !Path::new(dir).join("pipewatch").exists())
        .collect();
    let mut job = job(&server);
    job.path = format!("{}:{SYSTEM_PATH}", path.join(":"));
    for name in ["CARGO_HOME", "RUSTUP_HOME", "CARGO_TARGET_DIR"] {
        if let Ok(value) = std::env::var(name) {
            job.set(name, &value);
        }
    }
    if std::env::var_os("CARGO_HOME").is_none() {
        // The runner's HOME is empty: keep this machine's registry cache.
        let home = std::env::var("HOME").unwrap_or_default();
        job.set("CARGO_HOME", &format!("{home}/.cargo"));
    }
    let ran = job.uses(&[
        ("args", "llama pipeline status p-ok p-failed"),
        ("fail-on-error", "false"),
    ]);
    let all = shown(&ran);
    let install = ran.step("install").unwrap();
    assert_eq!(install.code, 0, "{all}");
    assert!(install.stdout.contains("building pipewatch"), "{all}");
    let bin = job
        .dir("tool_cache")
        .join(format!("pipewatch/{VERSION}/bin"));
    assert!(bin.join("pipewatch").is_file());
    assert!(ran.path.starts_with(&format!("{}:", bin.display())));
    assert_eq!(
        (ran.output("exit-code"), ran.output("state")),
        ("1", "failed")
    );
}

/// docs/ci.md's workflow (the one scripts/action-check.sh validates) gives
/// only inputs the action declares, and reads only outputs it sets.
#[test]
fn the_documented_workflow_speaks_the_actions_interface() {
    use yaml_rust2::YamlLoader;
    let doc = std::fs::read_to_string(root().join("docs/ci.md")).unwrap();
    let from = doc
        .find("checked by scripts/action-check.sh")
        .expect("the checked workflow");
    let block = &doc[from..];
    let start = block.find("```yaml\n").unwrap() + "```yaml\n".len();
    let text = &block[start..start + block[start..].find("\n```").unwrap()];
    let workflow = YamlLoader::load_from_str(text).unwrap().remove(0);
    let action = std::fs::read_to_string(root().join("action.yml")).unwrap();
    let action = YamlLoader::load_from_str(&action).unwrap().remove(0);
    let declared = |key: &str| -> Vec<String> {
        action[key]
            .as_hash()
            .unwrap()
            .keys()
            .map(|k| k.as_str().unwrap().to_owned())
            .collect()
    };
    let (inputs, outputs) = (declared("inputs"), declared("outputs"));

    let jobs = workflow["jobs"].as_hash().unwrap();
    let steps = jobs.values().flat_map(|job| job["steps"].as_vec().unwrap());
    let ours: Vec<_> = steps
        .filter(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.contains("/pipewatch@"))
        })
        .collect();
    assert_eq!(ours.len(), 1, "one step uses the action");
    for key in ours[0]["with"].as_hash().unwrap().keys() {
        let key = key.as_str().unwrap();
        assert!(inputs.iter().any(|i| i == key), "no input {key}");
    }
    let id = ours[0]["id"].as_str().expect("the step has an id");
    let read = format!("steps.{id}.outputs.");
    let mut seen = 0;
    for (at, _) in text.match_indices(&read) {
        let name: String = text[at + read.len()..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        assert!(outputs.contains(&name), "the action has no output {name}");
        seen += 1;
    }
    assert!(seen >= 2, "the workflow branches on the outputs");
}
