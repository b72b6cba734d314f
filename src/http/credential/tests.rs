use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use tokio::task::JoinSet;

use super::*;

const ORIGIN: &str = "the api_key_cmd from config test.toml:3:15";

/// A command that counts its runs and prints `k<run>`, or fails with
/// `token service down` from run `fail_from` on.
fn counting(runs: &Arc<AtomicUsize>, fail_from: usize) -> Renew {
    let runs = Arc::clone(runs);
    Arc::new(move || {
        let run = runs.fetch_add(1, Ordering::SeqCst) + 1;
        // Long enough that every concurrent refusal arrives while it runs.
        std::thread::sleep(Duration::from_millis(50));
        if run >= fail_from {
            return Err(format!(
                "{ORIGIN} failed on refresh (exit status: 1): token service down"
            ));
        }
        Ok(Secret::new(format!("k{run}")))
    })
}

/// A clock that stands still until the test moves it.
fn clock() -> (Clock, Arc<AtomicU64>) {
    let start = Instant::now();
    let offset_ms = Arc::new(AtomicU64::new(0));
    let offset = Arc::clone(&offset_ms);
    let clock = Box::new(move || start + Duration::from_millis(offset.load(Ordering::SeqCst)));
    (clock, offset_ms)
}

fn renewable(runs: &Arc<AtomicUsize>, fail_from: usize) -> (Credential, Arc<AtomicU64>) {
    let (clock, offset) = clock();
    let key = Some(Secret::new("k0".to_owned()));
    let renew = Some(counting(runs, fail_from));
    let credential = Credential::with(key, renew, ORIGIN.to_owned(), RENEW_WINDOW, clock, false);
    (credential, offset)
}

fn exposed(sent: &Sent) -> Option<&str> {
    sent.key().map(Secret::expose)
}

#[test]
fn the_window_decides_between_running_and_standing() {
    let t0 = Instant::now();
    let window = Duration::from_secs(30);
    let state = |generation, last_run| State {
        key: None,
        generation,
        last_run,
    };
    let ran = |secs, failed: Option<&str>| {
        Some(LastRun {
            at: t0 + Duration::from_secs(secs),
            failed: failed.map(str::to_owned),
        })
    };
    let at = |secs| t0 + Duration::from_secs(secs);
    // Never ran again (the first run was before any request): run now.
    assert_eq!(decide(&state(0, None), 0, at(0), window), Step::Run);
    // Another refusal renewed the key since this request was sent.
    assert_eq!(
        decide(&state(1, ran(0, None)), 0, at(1), window),
        Step::Retry
    );
    assert_eq!(
        decide(&state(3, ran(0, None)), 1, at(100), window),
        Step::Retry
    );
    // The key of the last run was refused within the window: it stands.
    assert_eq!(
        decide(&state(1, ran(0, None)), 1, at(29), window),
        Step::TooSoon {
            ago: Duration::from_secs(29),
            failed: None
        }
    );
    // A failed run counts too, and its reason is kept for the message.
    assert_eq!(
        decide(&state(0, ran(10, Some("down"))), 0, at(20), window),
        Step::TooSoon {
            ago: Duration::from_secs(10),
            failed: Some("down".to_owned())
        }
    );
    // From the window's end on, it may run again.
    assert_eq!(
        decide(&state(1, ran(0, None)), 1, at(30), window),
        Step::Run
    );
    assert_eq!(
        decide(&state(0, ran(0, Some("down"))), 0, at(31), window),
        Step::Run
    );
    // A clock that went back never makes a negative age.
    assert!(matches!(
        decide(&state(1, ran(40, None)), 1, at(0), window),
        Step::TooSoon { .. }
    ));
}

#[tokio::test]
async fn a_refused_key_is_renewed_and_the_request_retried() {
    let runs = Arc::new(AtomicUsize::new(0));
    let (credential, _) = renewable(&runs, usize::MAX);
    let sent = credential.current();
    assert_eq!(exposed(&sent), Some("k0"));
    let Renewal::Retry { key, if_refused } = credential.refused(&sent).await else {
        panic!("no retry");
    };
    assert_eq!(key.expose(), "k1");
    assert!(if_refused.contains(ORIGIN), "{if_refused}");
    assert_eq!(exposed(&credential.current()), Some("k1"));
    assert_eq!(runs.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn concurrent_refusals_make_one_run_and_all_retry_with_its_key() {
    let runs = Arc::new(AtomicUsize::new(0));
    let (credential, _) = renewable(&runs, usize::MAX);
    let credential = Arc::new(credential);
    let sent = credential.current();
    let mut set = JoinSet::new();
    for _ in 0..16 {
        let (credential, sent) = (Arc::clone(&credential), sent.clone());
        set.spawn(async move {
            match credential.refused(&sent).await {
                Renewal::Retry { key, .. } => Some(key.expose().to_owned()),
                Renewal::Stands(_) => None,
            }
        });
    }
    let mut keys = Vec::new();
    while let Some(joined) = set.join_next().await {
        keys.push(joined.unwrap());
    }
    assert_eq!(keys, vec![Some("k1".to_owned()); 16]);
    assert_eq!(runs.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn within_the_window_only_a_changed_key_is_retried() {
    let runs = Arc::new(AtomicUsize::new(0));
    let (credential, offset) = renewable(&runs, usize::MAX);
    let old = credential.current();
    assert!(matches!(
        credential.refused(&old).await,
        Renewal::Retry { .. }
    ));
    let new = credential.current();

    // 29 s later the new key is refused: the command does not run again.
    offset.store(29_000, Ordering::SeqCst);
    let Renewal::Stands(Some(note)) = credential.refused(&new).await else {
        panic!("renewed within the window");
    };
    assert!(note.contains(ORIGIN) && note.contains("30s"), "{note}");
    // A request still in flight with the old key gets the new one.
    assert!(
        matches!(credential.refused(&old).await, Renewal::Retry { key, .. } if key.expose() == "k1")
    );
    assert_eq!(runs.load(Ordering::SeqCst), 1);

    // At 30 s it may run again.
    offset.store(30_000, Ordering::SeqCst);
    assert!(
        matches!(credential.refused(&new).await, Renewal::Retry { key, .. } if key.expose() == "k2")
    );
    assert_eq!(runs.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn a_failed_run_stands_with_its_reason_and_is_not_repeated_at_once() {
    let runs = Arc::new(AtomicUsize::new(0));
    let (credential, offset) = renewable(&runs, 1);
    let sent = credential.current();
    for _ in 0..3 {
        let Renewal::Stands(Some(why)) = credential.refused(&sent).await else {
            panic!("a failed run gave a key");
        };
        assert!(
            why.ends_with("failed on refresh (exit status: 1): token service down"),
            "{why}"
        );
    }
    assert_eq!(runs.load(Ordering::SeqCst), 1);
    // The old key is still the one sent.
    assert_eq!(exposed(&credential.current()), Some("k0"));
    offset.store(31_000, Ordering::SeqCst);
    assert!(matches!(
        credential.refused(&sent).await,
        Renewal::Stands(Some(_))
    ));
    assert_eq!(runs.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn a_key_from_the_environment_or_api_key_is_never_renewed() {
    let credential = Credential::new(Some(Secret::new("k-env".to_owned())), None, false);
    let sent = credential.current();
    assert!(matches!(
        credential.refused(&sent).await,
        Renewal::Stands(None)
    ));
    assert_eq!(exposed(&credential.current()), Some("k-env"));
    let none = Credential::new(None, None, false);
    assert!(none.current().key().is_none());
    assert!(matches!(
        none.refused(&none.current()).await,
        Renewal::Stands(None)
    ));
}

#[test]
fn debug_never_shows_the_key() {
    let runs = Arc::new(AtomicUsize::new(0));
    let (credential, _) = renewable(&runs, usize::MAX);
    let shown = format!("{credential:?}");
    assert!(!shown.contains("k0"), "{shown}");
    assert!(shown.contains("<redacted>"), "{shown}");
}
