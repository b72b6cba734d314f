//! A GitHub Actions runner for one composite action, as far as `action.yml`
//! uses one: each `run:` step is written to a file and run with the
//! runner's command for `shell: bash` (`bash --noprofile --norc -eo pipefail
//! {0}`), in the workspace, with the runner's variables and a fresh file
//! for each of `GITHUB_OUTPUT`, `GITHUB_ENV`, `GITHUB_PATH`,
//! `GITHUB_STATE` and `GITHUB_STEP_SUMMARY`; the files are read back after
//! the step as the runner reads them (`name=value` and `name<<DELIMITER`
//! lines), expressions `${{ inputs.NAME }}` and `${{ steps.ID.outputs.NAME }}`
//! are substituted, the first failing step skips the rest, and the action's
//! outputs are evaluated at the end, as actions/runner's
//! `CompositeActionHandler` does. Anything else in `action.yml` (an `if:`,
//! a `uses:` step, another expression) panics, so the action cannot grow a
//! feature this runner would silently skip.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use yaml_rust2::{Yaml, YamlLoader};

/// What one step did.
#[derive(Debug)]
pub struct Step {
    pub id: String,
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// What the action did.
#[derive(Debug)]
pub struct Ran {
    /// The steps that ran, in order; a failed step is the last.
    pub steps: Vec<Step>,
    /// The action's outputs, as its `outputs:` evaluate.
    pub outputs: BTreeMap<String, String>,
    /// The step summaries, in step order, as the run's page shows them.
    pub summary: String,
    /// The PATH a later step of the job would have.
    pub path: String,
    /// The workspace, where steps run.
    pub workspace: PathBuf,
}

impl Ran {
    pub fn step(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.id == id)
    }

    /// The step failed, so the job fails unless it continues on error.
    pub fn failed(&self) -> Option<&Step> {
        self.steps.last().filter(|s| s.code != 0)
    }

    pub fn output(&self, name: &str) -> &str {
        self.outputs.get(name).map_or("", String::as_str)
    }
}

/// A job that uses the action: its environment (the workflow's `env:` and
/// the runner's), and a temporary runner folder for its files.
pub struct Job {
    pub action_path: PathBuf,
    pub env: BTreeMap<String, String>,
    pub path: String,
    pub runner: tempfile::TempDir,
}

impl Job {
    /// A job on a runner whose PATH is `path`.
    pub fn new(action_path: &Path, path: String) -> Job {
        let runner = tempfile::tempdir().expect("runner folder");
        for dir in ["temp", "tool_cache", "home", "workspace"] {
            std::fs::create_dir_all(runner.path().join(dir)).expect("runner folder");
        }
        let at = |dir: &str| runner.path().join(dir).display().to_string();
        let env = BTreeMap::from(
            [
                ("CI", "true".to_owned()),
                ("GITHUB_ACTIONS", "true".to_owned()),
                ("GITHUB_ACTION_PATH", action_path.display().to_string()),
                ("GITHUB_WORKSPACE", at("workspace")),
                ("HOME", at("home")),
                ("RUNNER_OS", "Linux".to_owned()),
                ("RUNNER_TEMP", at("temp")),
                ("RUNNER_TOOL_CACHE", at("tool_cache")),
                ("NO_COLOR", "1".to_owned()),
            ]
            .map(|(k, v)| (k.to_owned(), v)),
        );
        Job {
            action_path: action_path.to_owned(),
            env,
            path,
            runner,
        }
    }

    pub fn set(&mut self, name: &str, value: &str) -> &mut Job {
        self.env.insert(name.to_owned(), value.to_owned());
        self
    }

    pub fn dir(&self, name: &str) -> PathBuf {
        self.runner.path().join(name)
    }

    /// `uses: ./` with `with:` = `inputs`.
    pub fn uses(&self, inputs: &[(&str, &str)]) -> Ran {
        let text =
            std::fs::read_to_string(self.action_path.join("action.yml")).expect("action.yml");
        let action = YamlLoader::load_from_str(&text)
            .expect("action.yml is YAML")
            .remove(0);
        assert_eq!(action["runs"]["using"].as_str(), Some("composite"));
        let inputs = resolve_inputs(&action, inputs);

        let mut env = self.env.clone();
        let mut path = self.path.clone();
        let mut outputs: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
        let mut steps = Vec::new();
        let mut summary = String::new();
        let steps_yaml = action["runs"]["steps"].as_vec().expect("runs.steps");
        for (n, step) in steps_yaml.iter().enumerate() {
            let keys = step.as_hash().expect("a step is a mapping");
            for key in keys.keys().filter_map(Yaml::as_str) {
                assert!(
                    ["name", "id", "shell", "env", "run"].contains(&key),
                    "this test's runner does not do `{key}:` in a step: teach it first"
                );
            }
            assert_eq!(step["shell"].as_str(), Some("bash"), "step {n}'s shell");
            let id = step["id"].as_str().map_or(format!("__{n}"), str::to_owned);
            let eval = |text: &str| substitute(text, &inputs, &outputs);

            let files = self.dir(&format!("temp/_runner_file_commands/{n}"));
            std::fs::create_dir_all(&files).expect("file commands folder");
            let file = |name: &str| {
                let at = files.join(name);
                std::fs::write(&at, "").expect("file command");
                at.display().to_string()
            };
            let mut step_env = env.clone();
            for (name, file_name) in [
                ("GITHUB_OUTPUT", "set_output"),
                ("GITHUB_ENV", "set_env"),
                ("GITHUB_PATH", "add_path"),
                ("GITHUB_STATE", "save_state"),
                ("GITHUB_STEP_SUMMARY", "step_summary"),
            ] {
                step_env.insert(name.to_owned(), file(file_name));
            }
            if let Some(vars) = step["env"].as_hash() {
                for (k, v) in vars {
                    let value = match v {
                        Yaml::String(s) => eval(s),
                        Yaml::Boolean(b) => b.to_string(),
                        Yaml::Integer(i) => i.to_string(),
                        other => panic!("step {id}: env value {other:?}"),
                    };
                    step_env.insert(k.as_str().expect("env name").to_owned(), value);
                }
            }
            let script = files.join("script.sh");
            std::fs::write(&script, eval(step["run"].as_str().expect("run:"))).expect("script");
            let out = Command::new("bash")
                .args(["--noprofile", "--norc", "-eo", "pipefail"])
                .arg(&script)
                .current_dir(self.dir("workspace"))
                .env_clear()
                .envs(&step_env)
                .env("PATH", &path)
                .output()
                .expect("run bash");

            let read = |name: &str| std::fs::read_to_string(files.join(name)).unwrap_or_default();
            outputs.insert(id.clone(), file_commands(&read("set_output")));
            env.extend(file_commands(&read("set_env")));
            for dir in read("add_path").lines().filter(|l| !l.is_empty()) {
                path = format!("{dir}:{path}");
            }
            summary.push_str(&read("step_summary"));
            let code = out.status.code().unwrap_or(-1);
            steps.push(Step {
                id,
                code,
                stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
                stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            });
            if code != 0 {
                break;
            }
        }

        let mut action_outputs = BTreeMap::new();
        for (name, output) in action["outputs"].as_hash().into_iter().flatten() {
            let value = output["value"]
                .as_str()
                .expect("a composite output's value");
            action_outputs.insert(
                name.as_str().expect("output name").to_owned(),
                substitute(value, &inputs, &outputs),
            );
        }
        Ran {
            steps,
            outputs: action_outputs,
            summary,
            path,
            workspace: self.dir("workspace"),
        }
    }
}

/// The inputs as given, else their defaults; an input the action does not
/// declare is a mistake in the test (the runner would only warn).
fn resolve_inputs(action: &Yaml, given: &[(&str, &str)]) -> BTreeMap<String, String> {
    let declared = action["inputs"].as_hash().expect("inputs");
    let mut inputs = BTreeMap::new();
    for (name, input) in declared {
        let name = name.as_str().expect("input name");
        let default = input["default"].as_str().unwrap_or_default();
        inputs.insert(name.to_owned(), default.to_owned());
    }
    for (name, value) in given {
        assert!(inputs.contains_key(*name), "action.yml has no input {name}");
        inputs.insert((*name).to_owned(), (*value).to_owned());
    }
    inputs
}

/// `text` with each `${{ ... }}` replaced by its value.
fn substitute(
    text: &str,
    inputs: &BTreeMap<String, String>,
    steps: &BTreeMap<String, BTreeMap<String, String>>,
) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("${{") {
        out.push_str(&rest[..start]);
        let end = start + rest[start..].find("}}").expect("an expression's end");
        let expr = rest[start + 3..end].trim();
        let parts: Vec<&str> = expr.split('.').collect();
        let value = match parts.as_slice() {
            ["inputs", name] => inputs
                .get(*name)
                .unwrap_or_else(|| panic!("no input {name} in action.yml"))
                .clone(),
            // A step that did not run, or did not set it: empty, as the runner gives.
            ["steps", id, "outputs", name] => steps
                .get(*id)
                .and_then(|o| o.get(*name))
                .cloned()
                .unwrap_or_default(),
            _ => panic!("this test's runner does not evaluate `{expr}`: teach it first"),
        };
        out.push_str(&value);
        rest = &rest[end + 2..];
    }
    out.push_str(rest);
    out
}

/// A file command's `name=value` and `name<<DELIMITER` ... `DELIMITER` lines.
fn file_commands(text: &str) -> BTreeMap<String, String> {
    let mut values = BTreeMap::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        if line.is_empty() {
            continue;
        }
        match (line.split_once("<<"), line.split_once('=')) {
            (Some((name, delimiter)), eq) if eq.is_none_or(|(n, _)| n.len() > name.len()) => {
                let value: Vec<&str> = lines.by_ref().take_while(|l| *l != delimiter).collect();
                values.insert(name.to_owned(), value.join("\n"));
            }
            (_, Some((name, value))) => {
                values.insert(name.to_owned(), value.to_owned());
            }
            _ => panic!("a file command line the runner would refuse: {line:?}"),
        }
    }
    values
}

#[test]
fn file_commands_read_as_the_runner_reads_them() {
    let read = file_commands("a=1\nb<<EOF\nx=y\nz\nEOF\nc=d<<e\n");
    assert_eq!(read["a"], "1");
    assert_eq!(read["b"], "x=y\nz");
    assert_eq!(read["c"], "d<<e");
}
