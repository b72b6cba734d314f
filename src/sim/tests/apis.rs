//! The list of simulated APIs, checked as data: what routing and the
//! samples test rely on without being able to see it fail at a request.

use std::collections::BTreeSet;

use crate::sim::api::{Endpoint, Key, Parent};
use crate::sim::apis::{APIS, find};
use crate::sim::routing::{Route, route};

fn endpoints() -> impl Iterator<Item = (&'static str, &'static Endpoint)> {
    APIS.iter()
        .flat_map(|api| api.endpoints().iter().map(|e| (api.service(), e)))
}

fn segments(template: &str) -> Vec<&str> {
    template
        .strip_prefix('/')
        .unwrap_or(template)
        .split('/')
        .collect()
}

fn parameter(segment: &str) -> Option<&str> {
    segment.strip_prefix('{')?.strip_suffix('}')
}

#[test]
fn services_are_named_once_and_found_by_name() {
    let mut seen = BTreeSet::new();
    for api in APIS {
        let name = api.service();
        assert!(seen.insert(name), "{name} twice");
        assert!(
            !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'.'),
            "{name}: not an envelope service name"
        );
        assert!(find(name).is_some_and(|found| found.service() == name));
        assert!(!api.endpoints().is_empty(), "{name} has no endpoint");
    }
    assert!(find("llama.nothing").is_none());
}

#[test]
fn every_parameter_an_endpoint_reads_is_in_its_path() {
    let mut namespaces = BTreeSet::new();
    for (service, endpoint) in endpoints() {
        let path = endpoint.path;
        assert!(path.starts_with('/'), "{service}: {path}");
        let params: Vec<&str> = segments(path).into_iter().filter_map(parameter).collect();
        let mut read: Vec<&str> = match endpoint.key {
            Key::Path(names) => names.to_vec(),
            Key::Query(_) | Key::QueryOr(..) => Vec::new(),
        };
        if let Parent::Path(name) = endpoint.parent {
            read.push(name);
        }
        for name in &read {
            assert!(params.contains(name), "{service}: {path} has no {{{name}}}");
        }
        // Every path parameter names the key or the parent: an empty one is no match.
        for name in &params {
            assert!(
                read.contains(name),
                "{service}: {path} never reads {{{name}}}"
            );
        }
        if let Some(namespace) = endpoint.namespace {
            assert!(namespaces.insert(namespace), "namespace {namespace} twice");
        }
    }
}

#[test]
fn no_two_endpoints_match_the_same_path() {
    let all: Vec<_> = endpoints().collect();
    for (i, (a_service, a)) in all.iter().enumerate() {
        for (b_service, b) in &all[i + 1..] {
            let (x, y) = (segments(a.path), segments(b.path));
            let apart = x.len() != y.len()
                || x.iter()
                    .zip(&y)
                    .any(|(p, q)| parameter(p).is_none() && parameter(q).is_none() && p != q);
            assert!(
                apart,
                "{a_service} {} and {b_service} {} overlap",
                a.path, b.path
            );
        }
    }
}

#[test]
fn every_endpoint_has_a_sample_and_every_sample_is_its_apis() {
    for api in APIS {
        let service = api.service();
        let samples = api.samples();
        let mut answered = BTreeSet::new();
        for sample in &samples {
            assert!(
                !sample.paths.is_empty(),
                "{service}: {} has no path",
                sample.operation
            );
            for path in &sample.paths {
                let (path_only, query) = match path.split_once('?') {
                    Some((p, q)) => (p, Some(q)),
                    None => (path.as_str(), None),
                };
                let target = match route(path_only, query) {
                    Route::Endpoint(target) | Route::BadRequest { target, .. } => target,
                    Route::NotFound => panic!("{service}: sample {path} is no endpoint"),
                };
                assert_eq!(target.api.service(), service, "{path}");
                if sample.status == 200 {
                    answered.insert(target.endpoint.path);
                }
            }
        }
        for endpoint in api.endpoints() {
            assert!(
                answered.contains(endpoint.path),
                "{service}: no 200 sample of {}",
                endpoint.path
            );
        }
    }
}
