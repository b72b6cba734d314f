//! The one list of APIs (`services::APIS`), walked: every API must come
//! with every piece the rest of pipewatch and its users need (STYLE.md: a
//! new API is one file in `services/`, one in `sim/`, one line in each
//! list, and this test fails until every piece is there). For each API:
//! a well-formed command (its words, its arguments, `--all` exactly when it
//! has a listing), an example that names a target, a simulated API of the
//! same service whose route is the client's URL and whose bodies are
//! checked against the vendor's spec (tests/sim_samples.rs), a simulator
//! that answers it, a demo section that parses as its own command, an
//! exporter probe, a man page, and a fuzz target for its decoder with
//! seeds.

use std::collections::HashSet;
use std::path::Path;

use crate::common::exporter::Exporter;
use crate::common::*;
use pipewatch::cli::{Cli, Command};
use pipewatch::services::command::{Probe, Shape};
use pipewatch::services::{APIS, Api, GROUPS, target_of};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every API's failures, named; empty when every piece is there.
fn check_all(check: impl Fn(&dyn Api) -> Vec<String>) -> Vec<String> {
    APIS.iter()
        .flat_map(|api| {
            check(*api)
                .into_iter()
                .map(|why| format!("{}: {why}", api.service().name))
        })
        .collect()
}

fn assert_none(failures: Vec<String>) {
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn names_and_words_are_each_one_apis() {
    let mut services = HashSet::new();
    let mut commands = HashSet::new();
    for api in APIS {
        assert!(
            services.insert(api.service().name),
            "two APIs are {}",
            api.service().name
        );
        assert!(
            commands.insert(api.command().words),
            "two APIs have the command {:?}",
            api.command().words
        );
    }
}

/// The command line's shape: two or three words under a group, a help
/// line for each word, arguments that agree with what the API can do.
fn command_pieces(api: &dyn Api) -> Vec<String> {
    let mut missing = Vec::new();
    let command = api.command();
    let words = command.words;
    if !(2..=3).contains(&words.len()) {
        missing.push(format!("its command {words:?} is not two or three words"));
    }
    if !GROUPS.iter().any(|(group, _)| Some(group) == words.first()) {
        missing.push(format!(
            "its first word {:?} is no group of GROUPS",
            words.first()
        ));
    }
    if words.len() == 3 && command.group_about.is_none() {
        missing.push("no help for its second word (group_about)".to_owned());
    }
    if command.about.is_empty() {
        missing.push("no help line (about)".to_owned());
    }
    let mut ids = HashSet::new();
    for arg in command.args {
        if !ids.insert(arg.id) {
            missing.push(format!("two arguments are `{}`", arg.id));
        }
        if arg.help.is_empty() {
            missing.push(format!("`{}` has no help", arg.id));
        }
    }
    if !command.args.iter().any(|a| a.shape == Shape::Ids) {
        missing.push("no argument takes the targets' IDs (Shape::Ids)".to_owned());
    }
    let offers_all = command.args.iter().any(|a| a.id == "all");
    match (offers_all, api.listing().is_some()) {
        (true, false) => missing.push("offers --all but has no listing".to_owned()),
        (false, true) => missing.push("has a listing but no --all".to_owned()),
        _ => {}
    }
    if api.together().is_some() && api.listing().is_none() {
        missing.push("asks targets together but has no listing to read them".to_owned());
    }
    missing
}

#[test]
fn every_api_has_a_well_formed_command() {
    assert_none(check_all(command_pieces));
}

/// The example names one target of the API, with every field a probe
/// must give.
fn example_pieces(api: &dyn Api) -> Vec<String> {
    let mut missing = Vec::new();
    for arg in api.command().args {
        let required = matches!(arg.probe, Probe::Target | Probe::Both);
        if required && !api.example().iter().any(|(name, _)| *name == arg.field) {
            missing.push(format!("its example has no `{}`", arg.field));
        }
    }
    match target_of(api, api.example()) {
        Ok(target) if target.service() == api.service().name => {}
        Ok(target) => missing.push(format!("its example names a {} target", target.service())),
        Err(why) => missing.push(format!("its example names no target: {why:?}")),
    }
    missing
}

#[test]
fn every_api_has_an_example_target() {
    assert_none(check_all(example_pieces));
}

/// Whether a request path fits a spec's path template (`{name}` is any
/// one segment), under no prefix.
fn fits(template: &str, path: &str) -> bool {
    let (template, path): (Vec<&str>, Vec<&str>) =
        (template.split('/').collect(), path.split('/').collect());
    template.len() == path.len()
        && template
            .iter()
            .zip(&path)
            .all(|(t, p)| t == p || (t.starts_with('{') && t.ends_with('}') && !p.is_empty()))
}

/// The simulator has the API, by its service: its first endpoint is the
/// client's URL of the example target, and it has spec samples (which
/// tests/sim_samples.rs checks against the committed vendor spec).
fn simulator_pieces(api: &dyn Api) -> Vec<String> {
    let service = api.service().name;
    let Some(simulated) = pipewatch::sim::apis::find(service) else {
        return vec!["no simulated API (src/sim/apis/, sim::apis::APIS)".to_owned()];
    };
    let mut missing = Vec::new();
    if simulated.samples().iter().all(|s| s.paths.is_empty()) {
        missing.push("the simulated API has no spec samples".to_owned());
    }
    let base = url::Url::parse("http://127.0.0.1:1").unwrap();
    if let Ok(target) = target_of(api, api.example()) {
        let url = api.url(&target, &base);
        let routed = simulated
            .endpoints()
            .iter()
            .any(|e| fits(e.path(), url.path()));
        if !routed {
            missing.push(format!("no simulated endpoint serves {}", url.path()));
        }
    }
    missing
}

#[test]
fn every_api_is_simulated_with_spec_samples() {
    assert_none(check_all(simulator_pieces));
}

/// `pipewatch <words> <example IDs>` against the simulator: it answers,
/// and the answer classifies (exit 0 or a state's code, never 7 or 10).
#[test]
fn the_simulator_answers_every_api() {
    let server = sim();
    let home = home();
    assert_none(check_all(|api| {
        let mut args: Vec<String> = api.command().words.iter().map(|w| w.to_string()).collect();
        for arg in api.command().args {
            let Some((_, value)) = api.example().iter().find(|(n, _)| *n == arg.field) else {
                continue;
            };
            match arg.shape {
                Shape::Ids | Shape::Positional => args.push(value.to_string()),
                _ => args.extend([arg.flag_name(), value.to_string()]),
            }
        }
        args.push("--json".to_owned());
        let (code, stdout, stderr) = run(bin_at(home.path(), &server).args(&args));
        let line = stdout.lines().next().unwrap_or_default();
        match code {
            0 | 1 | 3 | 4 | 5
                if line.contains(&format!("\"service\":\"{}\"", api.service().name)) =>
            {
                Vec::new()
            }
            _ => vec![format!(
                "`pipewatch {}` against the simulator: exit {code}\n{stdout}{stderr}",
                args.join(" ")
            )],
        }
    }));
}

/// Each demo section is a command of the API's own, as `demo` runs it.
fn demo_pieces(api: &dyn Api) -> Vec<String> {
    if api.demo().is_empty() {
        return vec!["no demo section".to_owned()];
    }
    let mut missing = Vec::new();
    for section in api.demo() {
        let words: Vec<&str> = ["pipewatch"]
            .into_iter()
            .chain(section.args.iter().copied())
            .collect();
        match Cli::try_parse_checked(&words) {
            Ok(Cli {
                command: Command::Status(status),
                ..
            }) if status.api.service().name == api.service().name => {}
            Ok(_) => missing.push(format!("its demo `{}` is another command", words.join(" "))),
            Err(e) => missing.push(format!(
                "its demo `{}` does not parse: {e}",
                words.join(" ")
            )),
        }
    }
    missing
}

#[test]
fn every_api_has_a_demo_section() {
    assert_none(check_all(demo_pieces));
}

/// The exporter probes each API's example target: a successful probe, the
/// target's series with its service.
#[test]
fn the_exporter_probes_every_api() {
    let server = sim();
    let home = home();
    let exporter = Exporter::start(home.path(), &server, &[]);
    assert_none(check_all(|api| {
        let mut query = url::form_urlencoded::Serializer::new(String::new());
        query.append_pair("service", api.service().name);
        for (name, value) in api.example() {
            query.append_pair(name, value);
        }
        let query = query.finish();
        let (status, body) = exporter.get(&format!("/probe?{query}"));
        let series = format!("service=\"{}\"", api.service().name);
        if status == 200 && body.contains("pipewatch_probe_success 1") && body.contains(&series) {
            Vec::new()
        } else {
            vec![format!("/probe?{query}: HTTP {status}\n{body}")]
        }
    }));
}

#[test]
fn every_api_has_a_man_page() {
    assert_none(check_all(|api| {
        let page = format!("pipewatch-{}.1", api.command().words.join("-"));
        if root().join("man").join(&page).is_file() {
            Vec::new()
        } else {
            vec![format!(
                "no man/{page} (UPDATE_COMPLETIONS=1 cargo test makes it)"
            )]
        }
    }));
}

/// A fuzz target that decodes the API's bodies, built by the fuzz
/// workspace, with at least five seeds (replayed by tests/fuzz_corpus.rs).
#[test]
fn every_api_has_a_fuzz_target_with_seeds() {
    let cargo = std::fs::read_to_string(root().join("fuzz/Cargo.toml")).unwrap();
    assert_none(check_all(|api| {
        let service = api.service().name;
        let name = service.replace('.', "_");
        let mut missing = Vec::new();
        let source = root().join("fuzz/fuzz_targets").join(format!("{name}.rs"));
        match std::fs::read_to_string(&source) {
            Ok(text) if text.contains(&format!("checks::response(\"{service}\"")) => {}
            Ok(_) => missing.push(format!("{} does not decode {service}", source.display())),
            Err(_) => missing.push(format!("no fuzz target {}", source.display())),
        }
        if !cargo.contains(&format!("name = \"{name}\"")) {
            missing.push(format!("fuzz/Cargo.toml has no [[bin]] {name}"));
        }
        let seeds = std::fs::read_dir(root().join("fuzz/corpus").join(&name))
            .map(|dir| dir.count())
            .unwrap_or(0);
        if seeds < 5 {
            missing.push(format!("fuzz/corpus/{name} has {seeds} seeds, not 5"));
        }
        missing
    }));
}

/// Outside `src/services/` (and the simulator, which plays the vendors),
/// no source file names a particular API's service: the rest of pipewatch
/// knows APIs only through the trait and the list. Unit tests, which build
/// real targets to render, are left out: a file's `#[cfg(test)]` module
/// and `tests.rs` files.
#[test]
fn no_api_is_named_outside_services() {
    fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let src = root().join("src");
    let mut files = Vec::new();
    walk(&src, &mut files);
    let mut named = Vec::new();
    for path in files {
        let relative = path.strip_prefix(&src).unwrap();
        let first = relative.components().next().unwrap().as_os_str();
        if first == "services" || first == "sim" || path.ends_with("tests.rs") {
            continue;
        }
        if relative.components().any(|c| c.as_os_str() == "tests") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for api in APIS {
            let name = api.service().name;
            // A name without a dot (`batch`) is a word too: only quoted.
            let spelled = if name.contains('.') {
                name.to_owned()
            } else {
                format!("\"{name}\"")
            };
            if code.contains(&spelled) {
                named.push(format!("{} names {name}", relative.display()));
            }
        }
    }
    assert!(named.is_empty(), "{}", named.join("\n"));
}
