use super::*;
use serde_json::json;

#[test]
fn statuses() {
    let state = |b| classify(&b).unwrap().state;
    assert_eq!(state(json!({"status": "inprogress"})), Some(State::Running));
    assert_eq!(
        state(json!({"status": "complete", "step": 7})),
        Some(State::Succeeded)
    );
    assert_eq!(state(json!({"status": "Complete"})), None);
    assert!(classify(&json!({"step": 1})).is_err());
}

#[test]
fn token_urls_encode_every_parameter() {
    let t = token("a/b?c#d%e", "x+y/z==");
    assert_eq!(
        FelderaToken
            .url(&t, &Url::parse("http://h:8080").unwrap())
            .as_str(),
        "http://h:8080/v0/pipelines/a%2Fb%3Fc%23d%25e/completion_status?token=x%2By%2Fz%3D%3D"
    );
    assert!(token("p", "..").check_path_params().is_ok());
    assert_eq!(
        token("p", "t").to_json().to_string(),
        r#"{"pipeline_name":"p","token":"t"}"#
    );
}

#[test]
fn connectors_name_their_table() {
    let given = Given::of(&[("pipeline_name", "p"), ("connector", "T.c.d")]);
    let settings = VendorSettings::simple(Vendor::Feldera, Url::parse("http://h").unwrap(), None);
    let Subject::Targets(targets) = FelderaToken.subject(&given, &settings).unwrap().subject else {
        panic!("not targets")
    };
    assert_eq!(targets[0].label(), "p/T.c.d");
    assert_eq!(
        targets[0].to_json().to_string(),
        r#"{"pipeline_name":"p","token":"","table_name":"T","connector_name":"c.d"}"#
    );
    assert!(check_connector("nodot").is_err());
    assert!(check_connector(".c").is_err());
}

#[test]
fn quoted_table_names_keep_their_dots_and_case() {
    let named = |raw: &str| split_connector(raw).map(|c| (c.table, c.quoted, c.connector));
    let ok = |t: &str, q, c: &str| Ok((t.to_owned(), q, c.to_owned()));
    assert_eq!(
        named("\"Sales.Orders\".kafka"),
        ok("Sales.Orders", true, "kafka")
    );
    assert_eq!(named("\"a\"\"b\".c.d"), ok("a\"b", true, "c.d"));
    assert_eq!(named("ORDERS.kafka.1"), ok("ORDERS", false, "kafka.1"));
    for bad in [
        "\"Sales.Orders\"",
        "\"Sales.Orders\".",
        "\"Sales.Orders.kafka",
        "\"\".kafka",
        "\"Sales\"x.kafka",
        "Sales.",
    ] {
        assert!(split_connector(bad).is_err(), "{bad}");
    }
    assert!(
        split_connector("\"open.kafka")
            .unwrap_err()
            .contains("not closed")
    );

    let given = Given::of(&[
        ("pipeline_name", "p"),
        ("connector", "\"Sales.Orders\".kafka"),
    ]);
    let settings = VendorSettings::simple(Vendor::Feldera, Url::parse("http://h").unwrap(), None);
    let Subject::Targets(targets) = FelderaToken.subject(&given, &settings).unwrap().subject else {
        panic!("not targets")
    };
    assert_eq!(targets[0].label(), "p/\"Sales.Orders\".kafka");
    assert_eq!(
        targets[0].to_json().to_string(),
        r#"{"pipeline_name":"p","token":"","table_name":"Sales.Orders","connector_name":"kafka"}"#
    );
    let url = FelderaToken.prepare(&targets[0], &Url::parse("http://h/").unwrap());
    assert_eq!(
        url.unwrap().as_str(),
        "http://h/v0/pipelines/p/tables/%22Sales.Orders%22/connectors/kafka/completion_token"
    );
}

#[test]
fn connector_tokens() {
    let base = Url::parse("http://h:8080/").unwrap();
    assert_eq!(
        token_url(&base, "p", "T/1", "c.d").as_str(),
        "http://h:8080/v0/pipelines/p/tables/T%2F1/connectors/c.d/completion_token"
    );
    assert_eq!(read_token(&json!({"token": "abc"})).unwrap(), "abc");
    assert!(read_token(&json!({"token": ""})).is_err());
    assert!(read_token(&json!({})).is_err());
}

#[test]
fn step_in_details() {
    let c = classify(&json!({"status": "complete", "step": 42})).unwrap();
    assert_eq!(c.details, "step 42");
    let c = classify(&json!({"status": "inprogress", "step": null})).unwrap();
    assert_eq!(c.details, "");
}
