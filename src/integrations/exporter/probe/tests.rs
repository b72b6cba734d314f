use super::*;

#[test]
fn a_target_or_a_collection_by_its_fields() {
    let r = parse("service=llama.file&pipeline_id=p&file_id=f").unwrap();
    assert_eq!((r.vendor(), r.field("file_id")), (Vendor::Llama, Some("f")));
    let r =
        parse("service=llama.file&pipeline_id=p&all=1&status=error,success&profile=prod").unwrap();
    assert!(r.all);
    assert_eq!(r.profile.as_deref(), Some("prod"));
    assert_eq!(given(&r).unwrap().many("status"), ["ERROR", "SUCCESS"]);
    let r = parse("service=feldera.token&pipeline_name=a%2Fb&token=x%2By").unwrap();
    assert_eq!(r.field("pipeline_name"), Some("a/b"));
    assert_eq!(r.field("token"), Some("x+y"));
}

#[test]
fn bad_probes_say_why_in_one_line() {
    let refused = |query: &str, says: &str| {
        let why = parse(query).unwrap_err();
        assert!(why.contains(says), "{query}: {why}");
        assert!(!why.contains('\n'), "{query}: {why}");
    };
    refused("", "missing `service`");
    refused("service=nope", "unknown service `nope`");
    refused("service=llama.pipeline", "missing `pipeline_id`");
    refused("service=llama.file&pipeline_id=p", "missing `file_id`");
    refused("service=llama.file&all=1", "missing `pipeline_id`");
    refused(
        "service=llama.pipeline&pipeline_id=p&all=1",
        "has no collection",
    );
    refused(
        "service=llama.pipeline&pipeline_id=p&all=yes",
        "`all` is 1 or 0",
    );
    refused(
        "service=llama.pipeline&pipeline_id=p&base_url=http://evil.example",
        "unknown parameter `base_url`",
    );
    refused(
        "service=batch&job_id=j&api_key=x",
        "unknown parameter `api_key`",
    );
    refused(
        "service=llama.pipeline&pipeline_id=p&full_details=1",
        "unknown parameter `full_details`",
    );
    refused("service=batch&job_id=a&job_id=b", "given twice");
    refused("service=nope%0Aline%1B[31m", "unknown service `nope line`");
    let r = parse("service=llama.file&pipeline_id=p&all=1&status=DONE").unwrap();
    let why = given(&r).unwrap_err();
    assert!(why.contains("invalid status `DONE`"), "{why}");
}
