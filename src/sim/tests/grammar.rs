//! The ID grammar and the job timeline, as pure functions.

use std::time::Duration;

use crate::sim::decision::*;
use crate::sim::scenario::*;

const MS: fn(u64) -> Duration = Duration::from_millis;

#[test]
fn plain_keys_are_ok_at_once() {
    for key in ["job-1", "demo-parse", "", "a/b?c", "--__"] {
        let s = Scenario::parse(key);
        assert_eq!(s.outcome, Outcome::Success, "{key}");
        assert_eq!(
            (s.duration, s.items, s.delay, s.prelude, s.fault, s.escape),
            (Duration::ZERO, DEFAULT_ITEMS, None, None, None, false)
        );
    }
}

#[test]
fn words_are_case_insensitive_and_the_first_of_a_kind_wins() {
    let s = Scenario::parse(
        "Job_FAILED-partial-6s-100ms-items1000-items5-flaky-ratelimited-slow-stall-gone-boom-escape",
    );
    assert_eq!(s.outcome, Outcome::Failure);
    assert_eq!(s.duration, Duration::from_secs(6));
    assert_eq!(s.items, 1000);
    assert_eq!(s.prelude, Some(Prelude::Flaky));
    assert_eq!(s.delay, Some(SLOW));
    assert_eq!(s.fault, Some(Fault::Gone));
    assert!(s.escape);
    assert_eq!(Scenario::parse("x-1500ms").duration, MS(1500));
    assert_eq!(
        Scenario::parse("ratelimitedms").prelude,
        Some(Prelude::RateLimitedMs)
    );
    assert_eq!(Scenario::parse("hugecl").fault, Some(Fault::HugeCl));
    assert_eq!(Scenario::parse("aborted").outcome, Outcome::Cancelled);
}

#[test]
fn malformed_numbers_are_plain_words() {
    for key in [
        "s",
        "ms",
        "+5s",
        "5.5s",
        "99999999999999999999999s",
        "items",
        "items-3",
        "itemsx",
    ] {
        let s = Scenario::parse(key);
        assert_eq!(
            (s.duration, s.items),
            (Duration::ZERO, DEFAULT_ITEMS),
            "{key}"
        );
    }
}

#[test]
fn timeline_goes_pending_dispatched_running_outcome() {
    let s = Scenario::parse("job-10s-partial");
    let at = |ms| phase_at(&s, MS(ms));
    assert_eq!(at(0).stage, Stage::Pending);
    assert_eq!(at(1000).stage, Stage::Dispatched);
    assert_eq!(at(1500).stage, Stage::Running);
    assert_eq!(at(1500).work, 0.0);
    let mid = at(5750);
    assert_eq!(mid.stage, Stage::Running);
    assert!((mid.work - 0.5).abs() < 1e-9);
    assert_eq!(mid.started_after, Some(MS(1500)));
    let end = at(10_000);
    assert_eq!(end.stage, Stage::Finished(Outcome::Partial));
    assert_eq!((end.work, end.finished_after), (1.0, Some(MS(10_000))));
    assert_eq!(at(999_999), end);
}

#[test]
fn failed_and_cancelled_jobs_stop_part_way() {
    let failed = phase_at(&Scenario::parse("failed-2s"), MS(2000));
    assert_eq!(
        (failed.stage, failed.work),
        (Stage::Finished(Outcome::Failure), 0.6)
    );
    let cancelled = phase_at(&Scenario::parse("cancelled"), Duration::ZERO);
    assert_eq!(
        (cancelled.stage, cancelled.work),
        (Stage::Finished(Outcome::Cancelled), 0.3)
    );
}

#[test]
fn never_ending_outcomes_ignore_time() {
    for elapsed in [0, 5_000, 1_000_000] {
        assert_eq!(
            phase_at(&Scenario::parse("pending-1s"), MS(elapsed)).stage,
            Stage::Pending
        );
        let running = phase_at(&Scenario::parse("running"), MS(elapsed));
        assert_eq!((running.stage, running.work), (Stage::Running, STUCK_WORK));
        assert_eq!(
            phase_at(&Scenario::parse("mystery"), MS(elapsed)).stage,
            Stage::Mystery
        );
    }
}

#[test]
fn preludes_come_first_then_the_normal_answer() {
    let err = |status| Decision::Error {
        status,
        header: None,
    };
    let flaky = Scenario::parse("flaky");
    assert_eq!(decide(&flaky, 1, Duration::ZERO), err(503));
    assert_eq!(decide(&flaky, 2, Duration::ZERO), err(503));
    assert!(matches!(
        decide(&flaky, 3, Duration::ZERO),
        Decision::Status {
            strip_status: false,
            ..
        }
    ));
    let limited = Scenario::parse("ratelimited");
    assert_eq!(
        decide(&limited, 1, Duration::ZERO),
        Decision::Error {
            status: 429,
            header: Some(("retry-after", "1"))
        }
    );
    assert!(matches!(
        decide(&limited, 2, Duration::ZERO),
        Decision::Status { .. }
    ));
    let ms = Scenario::parse("ratelimitedms");
    assert_eq!(
        decide(&ms, 1, Duration::ZERO),
        Decision::Error {
            status: 429,
            header: Some(("retry-after-ms", "300"))
        }
    );
    // A prelude before a permanent fault: 503, 503, then 404 for ever.
    let both = Scenario::parse("flaky-notfound");
    assert_eq!(decide(&both, 2, Duration::ZERO), err(503));
    assert_eq!(decide(&both, 9, Duration::ZERO), err(404));
}

#[test]
fn permanent_faults_map_to_their_answers() {
    let d = |key| decide(&Scenario::parse(key), 7, Duration::ZERO);
    let err = |status| Decision::Error {
        status,
        header: None,
    };
    for (key, status) in [
        ("unavailable", 503),
        ("boom", 500),
        ("notfound", 404),
        ("gone", 410),
        ("invalid", 400),
        ("unprocessable", 422),
        ("unauthorized", 401),
        ("forbidden", 403),
        ("teapot", 418),
        ("conflict", 409),
    ] {
        assert_eq!(d(key), err(status), "{key}");
    }
    assert_eq!(d("reset"), Decision::Reset);
    assert_eq!(d("html"), Decision::Html);
    assert_eq!(d("notjson"), Decision::NotJson);
    assert_eq!(
        d("huge"),
        Decision::Huge {
            content_length: false
        }
    );
    assert_eq!(
        d("hugecl"),
        Decision::Huge {
            content_length: true
        }
    );
    assert_eq!(d("redirect"), Decision::Redirect);
    assert!(matches!(
        d("nostatus"),
        Decision::Status {
            strip_status: true,
            ..
        }
    ));
    assert_eq!(Scenario::parse("stall").delay, Some(STALL));
}

#[test]
fn redirect_word_is_removed_with_its_separator() {
    assert_eq!(without_redirect("job-redirect-6s"), "job-6s");
    assert_eq!(without_redirect("redirect_job"), "job");
    assert_eq!(without_redirect("job-REDIRECT"), "job");
    assert_eq!(without_redirect("redirect"), "ok");
    assert_eq!(without_redirect("a%2Fb-redirect_c-"), "a%2Fb_c-");
}

#[test]
fn chaos_faults_about_n_percent_of_requests_the_same_way_every_time() {
    let s = Scenario::parse("job-7-chaos20-10s");
    assert_eq!(s.chaos, 20);
    assert_eq!(Scenario::parse("chaos250").chaos, 100);
    assert_eq!(Scenario::parse("chaos").chaos, 0);
    let faults: Vec<Option<Chaos>> = (1..=10_000).map(|hit| chaos_at(&s, hit)).collect();
    let n = faults.iter().flatten().count();
    assert!((1_800..=2_200).contains(&n), "{n}");
    for kind in Chaos::ALL {
        let n = faults.iter().filter(|&&f| f == Some(kind)).count();
        assert!((300..=500).contains(&n), "{kind:?}: {n}");
    }
    // The same key and request number: the same fault.
    let again: Vec<Option<Chaos>> = (1..=10_000).map(|hit| chaos_at(&s, hit)).collect();
    assert_eq!(faults, again);
    // Another key: other requests.
    let other = Scenario::parse("job-8-chaos20-10s");
    assert!((1..=50).any(|hit| chaos_at(&other, hit) != chaos_at(&s, hit)));
    // No chaos word, no faults.
    let calm = Scenario::parse("job-7-10s");
    assert!((1..=1_000).all(|hit| chaos_at(&calm, hit).is_none()));
}

#[test]
fn an_error_word_with_a_duration_starts_when_it_ends() {
    let s = Scenario::parse("tok-gone-30s");
    assert!(matches!(
        decide(&s, 1, Duration::from_secs(29)),
        Decision::Status {
            strip_status: false,
            ..
        }
    ));
    let gone = decide(&s, 2, Duration::from_secs(30));
    assert_eq!(
        gone,
        Decision::Error {
            status: 410,
            header: None
        }
    );
    assert!(gone.is_final());
    // Shape faults apply from the start whatever the duration.
    assert_eq!(
        decide(&Scenario::parse("x-html-30s"), 1, Duration::ZERO),
        Decision::Html
    );
}

#[test]
fn final_answers_are_the_ones_a_watch_stops_at() {
    let at = |key, secs| decide(&Scenario::parse(key), 1, Duration::from_secs(secs));
    assert!(!at("ok-10s", 5).is_final());
    assert!(at("ok-10s", 10).is_final());
    assert!(at("failed", 0).is_final());
    assert!(!at("running", 99).is_final());
    assert!(!at("mystery", 99).is_final());
    assert!(!at("nostatus", 0).is_final());
    assert!(at("notfound", 0).is_final());
    assert!(at("unauthorized", 0).is_final());
    assert!(!at("unavailable", 0).is_final());
    assert!(!at("boom", 0).is_final());
    assert!(!at("html", 0).is_final());
}
