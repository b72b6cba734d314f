//! Property tests (proptest) of three promises:
//!
//! - path parameters and tokens are percent-encoded so that they decode to
//!   exactly what was given and never change the URL's shape (CONTRACT §8);
//! - the exit-code severity order is a total order, the one of CONTRACT §5;
//! - the JSON envelope always parses and keeps `response` byte-equal to the
//!   body it was given (CONTRACT §4).

use percent_encoding::percent_decode_str;
use pipewatch::engine::query::interpret;
use pipewatch::http::Fetched;
use pipewatch::model::ExitCode;
use pipewatch::model::Target;
use pipewatch::render::json;
use pipewatch::services;
use proptest::prelude::*;
use serde_json::Value;
use url::Url;

/// Any non-empty identifier, weighted towards the characters that have a
/// meaning in a URL.
fn id() -> impl Strategy<Value = String> {
    prop_oneof![
        "[/?#%+=&; .a-z0-9-]{1,24}",
        "(\\.|\\.\\.|%2[eE]|\\.%2[eE])",
        "\\PC{1,16}",
        any::<String>().prop_filter("non-empty", |s| !s.is_empty()),
    ]
}

/// Base URLs as users give them: bare, with a path prefix, with or without
/// the trailing slash, with a stray query or fragment.
fn base() -> impl Strategy<Value = (Url, Vec<String>)> {
    prop_oneof![
        Just(("http://127.0.0.1:8080", vec![])),
        Just(("https://api.example.com/", vec![])),
        Just(("https://proxy.example.com/feldera", vec!["feldera"])),
        Just(("https://h.example.com/a/b/", vec!["a", "b"])),
        Just(("http://h:1/x?debug=1#top", vec!["x"])),
    ]
    .prop_map(|(url, prefix)| {
        let prefix = prefix.into_iter().map(String::from).collect();
        (Url::parse(url).unwrap(), prefix)
    })
}

/// The target, the path it must have (`None`: an encoded parameter goes
/// there), and the query pairs it must have.
type Case = (
    Option<Target>,
    Vec<Option<&'static str>>,
    Vec<(String, String)>,
);

/// A target of the API whose envelopes say `service`, as the command line
/// would make it of these values; None where it refuses them (`..` in a path).
fn target(service: &str, fields: &[(&'static str, &str)]) -> Option<Target> {
    services::example_target(service, fields)
}

fn case() -> impl Strategy<Value = (Case, Vec<String>)> {
    let seg = |s: &'static str| Some(s);
    (
        0..5usize,
        id(),
        id(),
        proptest::option::of(id()),
        any::<bool>(),
    )
        .prop_map(move |(which, a, b, c, flag)| match which {
            0 => (
                (
                    if flag {
                        target(
                            "llama.pipeline",
                            &[("pipeline_id", &a), ("full_details", "true")],
                        )
                    } else {
                        target("llama.pipeline", &[("pipeline_id", &a)])
                    },
                    vec![seg("api"), seg("v1"), seg("pipelines"), None, seg("status")],
                    if flag {
                        vec![("full_details".into(), "true".into())]
                    } else {
                        vec![]
                    },
                ),
                vec![a],
            ),
            1 => (
                (
                    target("llama.file", &[("pipeline_id", &a), ("file_id", &b)]),
                    vec![
                        seg("api"),
                        seg("v1"),
                        seg("pipelines"),
                        None,
                        seg("files"),
                        None,
                        seg("status"),
                    ],
                    vec![],
                ),
                vec![a, b],
            ),
            2 => {
                let org = if flag { c.clone() } else { None };
                let project = if flag { None } else { c.clone() };
                let mut query = vec![];
                if let Some(org) = &org {
                    query.push(("organization_id".into(), org.clone()));
                }
                if let Some(project) = &project {
                    query.push(("project_id".into(), project.clone()));
                }
                (
                    (
                        {
                            let mut fields = vec![("job_id", a.as_str())];
                            fields.extend(org.as_deref().map(|o| ("organization_id", o)));
                            fields.extend(project.as_deref().map(|p| ("project_id", p)));
                            target("batch", &fields)
                        },
                        vec![
                            seg("api"),
                            seg("v1"),
                            seg("beta"),
                            seg("batch-processing"),
                            None,
                        ],
                        query,
                    ),
                    vec![a],
                )
            }
            3 => (
                (
                    target(
                        "clarifeye.run",
                        &[("project_id", &a), ("pipeline_run_id", &b)],
                    ),
                    vec![
                        seg("api"),
                        seg("v1"),
                        seg("projects"),
                        None,
                        seg("pipeline-runs"),
                        None,
                        seg(""),
                    ],
                    vec![],
                ),
                vec![a, b],
            ),
            _ => (
                (
                    target("feldera.token", &[("pipeline_name", &a), ("token", &b)]),
                    vec![seg("v0"), seg("pipelines"), None, seg("completion_status")],
                    vec![("token".into(), b)],
                ),
                vec![a],
            ),
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn path_parameters_round_trip_and_keep_the_shape(
        ((target, shape, query), params) in case(),
        (base, prefix) in base(),
    ) {
        // `.` and `..` are refused before any request (tested in usage.rs);
        // every other parameter must survive.
        prop_assume!(target.is_some());
        let target = target.unwrap();
        let api = services::by_service(target.service()).unwrap();
        let url = api.url(&target, &base);
        prop_assert_eq!(url.scheme(), base.scheme());
        prop_assert_eq!(url.host_str(), base.host_str());
        prop_assert_eq!(url.port(), base.port());
        prop_assert!(url.fragment().is_none(), "{}", url);

        // Exactly the prefix, then the template, with each parameter as one
        // segment that decodes to what was given.
        let segments: Vec<&str> = url.path_segments().unwrap().collect();
        prop_assert_eq!(segments.len(), prefix.len() + shape.len(), "{}", url);
        prop_assert_eq!(&segments[..prefix.len()], &prefix[..]);
        let mut params = params.iter();
        for (got, want) in segments[prefix.len()..].iter().zip(&shape) {
            match want {
                Some(literal) => prop_assert_eq!(got, literal, "{}", url),
                None => {
                    let param = params.next().unwrap();
                    prop_assert!(!got.contains(['/', '?', '#']), "{}", url);
                    let decoded = percent_decode_str(got).decode_utf8().unwrap();
                    prop_assert_eq!(&decoded, param);
                }
            }
        }

        // The query holds only the pairs the API takes, decoding exactly.
        let pairs: Vec<(String, String)> = url
            .query_pairs()
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        prop_assert_eq!(pairs, query, "{}", url);
        if let Some(q) = url.query() {
            prop_assert!(!q.is_empty() && !q.contains('#'), "{}", url);
        }
    }
}

/// CONTRACT §5, written out again: most severe first (130's kin, 143 and
/// 129, and a closed stdout's 141, next to it).
const CONTRACT_ORDER: [u8; 15] = [2, 130, 143, 129, 141, 8, 9, 10, 7, 1, 4, 6, 3, 5, 0];

fn exit_code() -> impl Strategy<Value = ExitCode> {
    proptest::sample::select(ExitCode::SEVERITY.to_vec())
}

fn rank(code: ExitCode) -> usize {
    CONTRACT_ORDER
        .iter()
        .position(|&c| c == code.code())
        .unwrap()
}

#[test]
fn severity_lists_every_code_of_the_contract_once_in_its_order() {
    let codes: Vec<u8> = ExitCode::SEVERITY.iter().map(|c| c.code()).collect();
    assert_eq!(codes, CONTRACT_ORDER);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn worst_is_a_total_order(a in exit_code(), b in exit_code(), c in exit_code()) {
        let w = a.worst(b);
        prop_assert!(w == a || w == b);
        prop_assert_eq!(w, b.worst(a));
        prop_assert_eq!(a.worst(a), a);
        prop_assert_eq!(a.worst(b).worst(c), a.worst(b.worst(c)));
        prop_assert_eq!(rank(w), rank(a).min(rank(b)));
        // Success is the identity: it never hides another code.
        prop_assert_eq!(a.worst(ExitCode::Success), a);
    }

    #[test]
    fn combining_many_targets_takes_the_first_of_the_contract_list(
        codes in proptest::collection::vec(exit_code(), 0..20),
        shuffle in any::<u64>(),
    ) {
        let want = CONTRACT_ORDER
            .iter()
            .find(|&&c| codes.iter().any(|x| x.code() == c))
            .copied()
            .unwrap_or(0);
        prop_assert_eq!(ExitCode::combine(codes.iter().copied()).code(), want);
        // Argument order does not matter.
        let mut shuffled = codes.clone();
        fastrand::Rng::with_seed(shuffle).shuffle(&mut shuffled);
        prop_assert_eq!(ExitCode::combine(shuffled).code(), want);
    }
}

/// Any JSON value, with the awkward parts: escapes and control characters
/// in strings and keys, numbers past f64 and u64, deep nesting.
fn json_value() -> impl Strategy<Value = Value> {
    let number = "-?(0|[1-9][0-9]{0,30})(\\.[0-9]{1,20})?([eE][+-]?[0-9]{1,3})?"
        .prop_map(|text| serde_json::from_str::<Value>(&text).unwrap());
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        number,
        any::<String>().prop_map(Value::String),
        "[\"\\\\\u{0}-\u{1f}\u{7f}\u{1b}\u{202e}a-z]{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(6, 64, 8, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            proptest::collection::vec((any::<String>(), inner), 0..8)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
        ]
    })
}

/// A body: any value, or an object with a status the services know.
fn body() -> impl Strategy<Value = Value> {
    let status = prop_oneof![
        Just("SUCCESS"),
        Just("completed"),
        Just("complete"),
        Just("running"),
        Just("failed"),
        Just("???"),
    ];
    prop_oneof![
        json_value(),
        (json_value(), status).prop_map(|(extra, status)| {
            serde_json::json!({"status": status, "job": {"status": status}, "extra": extra})
        }),
    ]
}

fn any_target() -> impl Strategy<Value = Target> {
    case().prop_filter_map("a target", |((target, _, _), _)| target)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn envelope_parses_and_keeps_the_response_byte_equal(
        target in any_target(),
        body in body(),
        status in proptest::sample::select(vec![200u16, 202, 400, 404, 410, 429, 500]),
    ) {
        let sent = serde_json::to_string(&body).unwrap();
        let api = services::by_service(target.service()).unwrap();
        let snapshot = interpret(
            api,
            target,
            Fetched::from_body(status, Some("application/json".into()), sent.as_bytes()),
        );
        let line = json::line(&snapshot);
        prop_assert!(!line.contains('\n'));
        // Byte-equal in the very line that is printed...
        let response_field = format!("\"response\":{sent},\"error\":");
        prop_assert!(line.contains(&response_field), "{}", line);
        let envelope: Value = serde_json::from_str(&line).unwrap();
        let kept = serde_json::to_string(&envelope["response"]).unwrap();
        prop_assert_eq!(kept, sent);
    }
}
