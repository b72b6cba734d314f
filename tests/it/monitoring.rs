//! monitoring/ (CONTRACT §18) stays true to the series pipewatch writes:
//! every series the alerting rules and the Grafana dashboard name is one a
//! metrics file holds, every alert has unit tests, the dashboard is one
//! Grafana can import, and docs/monitoring.md answers for every alert and
//! panel. (promtool and a real Prometheus check the rest:
//! scripts/prometheus-demo.sh.)

use std::collections::BTreeSet;
use std::path::Path;

use crate::common::{bin_at, home, run, sim};
use yaml_rust2::YamlLoader;

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The `pipewatch_*` names in `text`.
fn series_named(text: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for (at, _) in text.match_indices("pipewatch_") {
        let name: String = text[at..]
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || *c == '_')
            .collect();
        names.insert(name);
    }
    names
}

/// The families of metrics files written for targets (one errored) and
/// for a collection, by the binary against the simulator.
fn written_families() -> BTreeSet<String> {
    let server = sim();
    let dir = home();
    let mut families = BTreeSet::new();
    for (file, args) in [
        (
            "targets.prom",
            &["llama", "pipeline", "status", "p-ok", "p-notfound"][..],
        ),
        (
            "collection.prom",
            &["llama", "file", "status", "--pipeline", "p-items5", "--all"],
        ),
    ] {
        let path = dir.path().join(file);
        let (_, _, stderr) = run(bin_at(dir.path(), &server)
            .args(args)
            .arg("--metrics-file")
            .arg(&path));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}: {stderr}"));
        for line in text.lines().filter_map(|l| l.strip_prefix("# TYPE ")) {
            families.insert(line.split(' ').next().unwrap().to_owned());
        }
    }
    families
}

struct Rule {
    alert: String,
    expr: String,
}

fn rules() -> Vec<Rule> {
    let doc = YamlLoader::load_from_str(&read("monitoring/pipewatch-rules.yml")).unwrap();
    let mut rules = Vec::new();
    for group in doc[0]["groups"].as_vec().unwrap() {
        for rule in group["rules"].as_vec().unwrap() {
            rules.push(Rule {
                alert: rule["alert"]
                    .as_str()
                    .expect("alerting rules only")
                    .to_owned(),
                expr: rule["expr"].as_str().unwrap().to_owned(),
            });
        }
    }
    rules
}

fn dashboard() -> serde_json::Value {
    serde_json::from_str(&read("monitoring/grafana-dashboard.json")).expect("the dashboard is JSON")
}

/// (title, exprs) of each panel that queries.
fn panels(dashboard: &serde_json::Value) -> Vec<(String, Vec<String>)> {
    dashboard["panels"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["type"] != "row")
        .map(|p| {
            let exprs = p["targets"].as_array().expect("a panel's targets");
            let exprs = exprs.iter().map(|t| t["expr"].as_str().unwrap().to_owned());
            (p["title"].as_str().unwrap().to_owned(), exprs.collect())
        })
        .collect()
}

#[test]
fn rules_and_panels_read_only_series_pipewatch_writes() {
    let families = written_families();
    // The four kinds of series of CONTRACT §15, and the run's own.
    for family in [
        "pipewatch_probe_success",
        "pipewatch_probe_duration_seconds",
        "pipewatch_target_state",
        "pipewatch_target_progress_ratio",
        "pipewatch_target_updated_timestamp_seconds",
        "pipewatch_collection_items",
    ] {
        assert!(families.contains(family), "{family} not in {families:?}");
    }
    let mut read = BTreeSet::new();
    for rule in rules() {
        read.extend(series_named(&rule.expr));
    }
    for (_, exprs) in panels(&dashboard()) {
        read.extend(exprs.iter().flat_map(|e| series_named(e)));
    }
    let unknown: Vec<_> = read.difference(&families).collect();
    assert!(
        unknown.is_empty(),
        "not series pipewatch writes: {unknown:?}"
    );
    // Between them, the rules and panels show every family.
    let unread: Vec<_> = families.difference(&read).collect();
    assert!(unread.is_empty(), "no rule or panel reads {unread:?}");
}

#[test]
fn every_alert_is_unit_tested_and_documented() {
    let tests = read("monitoring/pipewatch-rules.test.yml");
    let page = read("docs/monitoring.md");
    let rules = rules();
    assert_eq!(
        rules.len(),
        4,
        "failed, running too long, collection, probe"
    );
    for rule in &rules {
        assert!(
            tests.contains(&format!("alertname: {}", rule.alert)),
            "{} has no promtool unit test",
            rule.alert
        );
        assert!(
            page.contains(&format!("| `{}` |", rule.alert)),
            "{} is not in docs/monitoring.md",
            rule.alert
        );
    }
}

#[test]
fn the_dashboard_is_one_grafana_imports_and_its_page_names_every_panel() {
    let dashboard = dashboard();
    let page = read("docs/monitoring.md");
    let all = dashboard["panels"].as_array().unwrap();
    let ids: BTreeSet<_> = all
        .iter()
        .map(|p| p["id"].as_u64().expect("an id"))
        .collect();
    assert_eq!(ids.len(), all.len(), "panel ids are unique");
    for panel in all {
        let grid = &panel["gridPos"];
        let (x, w) = (grid["x"].as_u64().unwrap(), grid["w"].as_u64().unwrap());
        assert!(x + w <= 24 && grid["h"].as_u64().unwrap() > 0, "{panel}");
    }
    let variables: Vec<_> = dashboard["templating"]["list"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["name"].as_str().unwrap())
        .collect();
    assert_eq!(variables, ["datasource", "service"]);
    let queried = panels(&dashboard);
    assert!(queried.len() >= 8, "states, progress, collections, probes");
    for (title, exprs) in &queried {
        assert!(!exprs.is_empty(), "{title} has no query");
        assert!(
            page.contains(&format!("| {title} |")),
            "{title} is not in docs/monitoring.md"
        );
        for expr in exprs {
            // Every `$` is a variable the dashboard defines.
            for (at, _) in expr.match_indices('$') {
                let name = expr[at + 1..].trim_start_matches('{');
                assert!(
                    variables.iter().any(|v| name.starts_with(v)),
                    "{title}: unknown variable in {expr}"
                );
            }
        }
    }
    for panel in all.iter().filter(|p| p["type"] != "row") {
        assert_eq!(
            panel["datasource"]["uid"], "${datasource}",
            "{}",
            panel["title"]
        );
    }
}
