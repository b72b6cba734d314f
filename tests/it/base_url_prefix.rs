//! Base URLs copied with the API's own prefix (CONTRACT §13): Clarifeye's
//! OpenAPI document gives its server as `https://eu.app.clarifeye.ai/api/v1`.

use crate::common::*;

#[test]
fn base_urls_ending_in_the_apis_prefix_are_not_doubled() {
    let server = sim();
    let base = server.base_url();
    let base = base.trim_end_matches('/');
    let cases: [(&str, String, &[&str], &str); 4] = [
        (
            "CLARIFEYE_BASE_URL",
            format!("{base}/api/v1"),
            &["clarifeye", "run", "--project", "p", "run-1"],
            "/api/v1/projects/p/pipeline-runs/run-1/",
        ),
        (
            "CLARIFEYE_BASE_URL",
            format!("{base}/api/v1/"),
            &["clarifeye", "run", "--project", "p", "run-1"],
            "/api/v1/projects/p/pipeline-runs/run-1/",
        ),
        (
            "LLAMA_CLOUD_BASE_URL",
            format!("{base}/api/v1/"),
            &["batch", "status", "job-1"],
            "/api/v1/beta/batch-processing/job-1",
        ),
        (
            "FELDERA_HOST",
            format!("{base}/v0"),
            &["feldera", "token", "p", "t"],
            "/v0/pipelines/p/completion_status",
        ),
    ];
    for (var, url, args, path) in cases {
        let home = home();
        let before = server.requests().len();
        let (code, _, stderr) = run(bin_at(home.path(), &server).env(var, &url).args(args));
        assert_eq!(code, 0, "{var}={url}: {stderr}");
        let requests = server.requests();
        let paths: Vec<&str> = requests[before..].iter().map(|r| r.path.as_str()).collect();
        assert_eq!(paths, [path], "{var}={url}");
        let notes: Vec<&str> = stderr.lines().filter(|l| l.starts_with("note:")).collect();
        assert_eq!(notes.len(), 1, "{stderr}");
        assert!(notes[0].contains(var), "{}", notes[0]);
    }
    // A base URL without the prefix gets no note.
    let (code, _, stderr) = query(&server, &["batch", "status", "job-1"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!stderr.contains("note:"), "{stderr}");
}
