//! Query strings, integer parameters, page tokens and selections.

use serde_json::json;

use crate::sim::paging::*;

#[test]
fn queries_decode_as_the_frameworks_do() {
    let q = Query::parse(Some(
        "statuses=ERROR&statuses=SUCCESS&name=a+b%2Bc&x&page%5Fsize=3&page_size=4&bad=%FF%zz&&",
    ));
    assert_eq!(q.all("statuses").collect::<Vec<_>>(), ["ERROR", "SUCCESS"]);
    assert_eq!(q.last("name"), Some("a b+c"));
    assert_eq!(q.last("x"), Some(""));
    // The last of a repeated single-valued parameter wins; names are decoded too.
    assert_eq!(q.last("page_size"), Some("4"));
    assert_eq!(q.last("bad"), Some("\u{fffd}%zz"));
    assert_eq!(q.last("missing"), None);
    assert_eq!(Query::parse(None).last("a"), None);
}

#[test]
fn integer_parameters_check_their_bounds_without_overflowing() {
    let check = |raw: &str| int_param(&Query::parse(Some(raw)), "n", 50, 1, Some(1000));
    assert_eq!(check(""), Ok(50));
    assert_eq!(check("n=7"), Ok(7));
    assert_eq!(check("n=%207%20"), Ok(7));
    assert_eq!(check("n=+7"), Ok(7));
    assert_eq!(check("n=1000"), Ok(1000));
    assert_eq!(check("n=0"), Err((IntProblem::Below(1), "0".into())));
    assert_eq!(check("n=-5"), Err((IntProblem::Below(1), "-5".into())));
    assert_eq!(
        check("n=1001"),
        Err((IntProblem::Above(1000), "1001".into()))
    );
    let huge = "9".repeat(80);
    assert_eq!(
        check(&format!("n={huge}")),
        Err((IntProblem::Above(1000), huge.clone()))
    );
    assert_eq!(
        check(&format!("n=-{huge}")).map_err(|e| e.0),
        Err(IntProblem::Below(1))
    );
    for bad in [
        "n=", "n=abc", "n=1.5", "n=--1", "n=0x10", "n=%FF", "n=1e3", "n=-",
    ] {
        assert_eq!(
            check(bad).map_err(|e| e.0),
            Err(IntProblem::NotAnInteger),
            "{bad}"
        );
    }
    // No upper bound: a huge offset is a page past the end.
    let offset = int_param(&Query::parse(Some(&format!("o={huge}"))), "o", 0, 0, None);
    assert_eq!(offset, Ok(u64::MAX));
}

#[test]
fn errors_look_like_fastapi_and_drf() {
    assert_eq!(
        fastapi_int_error("limit", IntProblem::Above(1000), "5000"),
        json!({"type": "less_than_equal", "loc": ["query", "limit"],
            "msg": "Input should be less than or equal to 1000", "input": "5000",
            "ctx": {"le": 1000}})
    );
    assert_eq!(
        fastapi_int_error("page_size", IntProblem::NotAnInteger, "x")["type"],
        "int_parsing"
    );
    assert_eq!(
        fastapi_enum_error("status", None, &["a", "b", "c"], "d"),
        json!({"type": "enum", "loc": ["query", "status"], "msg": "Input should be 'a', 'b' or 'c'",
            "input": "d", "ctx": {"expected": "'a', 'b' or 'c'"}})
    );
    assert_eq!(
        fastapi_enum_error("statuses", Some(1), &["A"], "b")["loc"],
        json!(["query", "statuses", 1])
    );
    assert_eq!(
        drf_int_message("limit", IntProblem::Below(1)),
        "Invalid limit: must be at least 1."
    );
}

#[test]
fn page_tokens_are_opaque_stable_and_checked() {
    for offset in [0, 1, 50, 1000, 123_456_789, u64::MAX] {
        let token = page_token(offset);
        assert_eq!(token, page_token(offset));
        assert_eq!(token_offset(&token), Some(offset), "{token}");
        assert!(token.parse::<u64>().is_err());
    }
    assert_ne!(page_token(50), page_token(51));
    let good = page_token(50);
    let mut flipped = good.clone().into_bytes();
    flipped[6] = if flipped[6] == b'0' { b'1' } else { b'0' };
    for bad in [
        "",
        "50",
        "pt1.",
        &good[..good.len() - 1],
        &format!("{good}0"),
        &String::from_utf8(flipped).unwrap(),
        "pt1.zzzzzzzzzzzzzzzzzzzz",
        "pt1.ééééééééééé",
    ] {
        assert_eq!(token_offset(bad), None, "{bad}");
    }
}

#[test]
fn selections_page_in_order_backwards_and_round_and_round() {
    let mut s = Selection::default();
    s.push(0..3);
    s.push(3..4);
    s.push(10..12);
    s.push(5..5);
    assert_eq!(s.len(), 6);
    assert_eq!(s.page(0, 100, false), [0, 1, 2, 3, 10, 11]);
    assert_eq!(s.page(4, 1, false), [10]);
    assert_eq!(s.page(6, 5, false), Vec::<u64>::new());
    assert_eq!(s.page(u64::MAX, 1000, false), Vec::<u64>::new());
    assert_eq!(s.page(4, 5, true), [10, 11, 0, 1, 2]);
    assert_eq!(s.page(u64::MAX, 3, true).len(), 3);
    let down = s.clone().descending();
    assert_eq!(down.page(0, 3, false), [11, 10, 3]);
    assert_eq!(down.nth(5), Some(0));
    assert_eq!(down.nth(6), None);
    assert_eq!(Selection::prefix(3).page(1, 10, false), [1, 2]);
    assert!(Selection::prefix(0).page(0, 10, true).is_empty());
    let big = Selection::prefix(10_000);
    assert_eq!(big.page(9_999, 1000, false), [9_999]);
}

#[test]
fn drf_links_keep_limit_offset_and_status_in_order() {
    assert_eq!(
        drf_link(
            "h:1",
            "/api/v1/projects/p/pipeline-runs/",
            2,
            Some(4),
            Some("failed")
        ),
        "http://h:1/api/v1/projects/p/pipeline-runs/?limit=2&offset=4&status=failed"
    );
    assert_eq!(
        drf_link("h", "/x/", 100, None, None),
        "http://h/x/?limit=100"
    );
}
