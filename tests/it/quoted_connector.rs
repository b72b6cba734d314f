//! `--connector` with a quoted SQL table name (CONTRACT §17): in
//! `"Sales.Orders".kafka` the table is `Sales.Orders` (a dot inside the
//! quotes, its case exact) and the connector `kafka`. Feldera's spec:
//! "Quoted SQL names have to exactly match the case from the SQL program",
//! so the table is asked for in its quotes.

use crate::common::*;

#[test]
fn a_quoted_table_name_keeps_its_dot_and_case() {
    let server = sim();
    let (code, stdout, stderr) = query(
        &server,
        &[
            "feldera",
            "token",
            "orders",
            "--connector",
            "\"Sales.Orders\".kafka",
            "--connector",
            "ORDERS.http.in",
            "--json",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    let paths: Vec<String> = server.requests().into_iter().map(|r| r.path).collect();
    assert_eq!(
        paths[..2],
        [
            "/v0/pipelines/orders/tables/%22Sales.Orders%22/connectors/kafka/completion_token",
            "/v0/pipelines/orders/tables/ORDERS/connectors/http.in/completion_token",
        ],
        "{paths:?}"
    );
    let lines = envelopes(&stdout);
    assert_eq!(lines[0]["target"]["table_name"], "Sales.Orders");
    assert_eq!(lines[0]["target"]["connector_name"], "kafka");
    assert_eq!(lines[1]["target"]["table_name"], "ORDERS");
    assert_eq!(lines[1]["target"]["connector_name"], "http.in");
    assert_eq!(lines[0]["state"], "succeeded", "{}", lines[0]);
}

#[test]
fn a_quote_in_a_quoted_name_is_doubled_and_a_bad_one_is_refused() {
    let server = sim();
    let (code, stdout, stderr) = query(
        &server,
        &[
            "feldera",
            "token",
            "orders",
            "--connector",
            "\"My \"\"T\"\".1\".c",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    // The table `My "T".1`, quoted again as SQL quotes it.
    let path = &server.requests()[0].path;
    assert_eq!(
        path,
        "/v0/pipelines/orders/tables/%22My%20%22%22T%22%22.1%22/connectors/c/completion_token"
    );
    assert!(stdout.contains("orders/\"My \"\"T\"\".1\".c"), "{stdout}");

    for bad in ["\"Sales.Orders.kafka", "\"Sales.Orders\"", "\"\".kafka"] {
        let (code, _, stderr) = query(&server, &["feldera", "token", "orders", "--connector", bad]);
        assert_eq!(code, 2, "{bad}: {stderr}");
        assert!(stderr.contains("TABLE.CONNECTOR"), "{bad}: {stderr}");
    }
}
