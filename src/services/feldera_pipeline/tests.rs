use super::*;
use serde_json::json;

fn body(program: &str, deployment: &str, desired: &str) -> Value {
    json!({"name": "p", "program_status": program, "deployment_status": deployment,
           "deployment_desired_status": desired, "deployment_error": null})
}

fn state_for(goal: Option<&str>, body: &Value) -> State {
    let target = pipeline("p").with("for", goal.map(str::to_owned));
    FelderaPipeline
        .classify(&target, body)
        .unwrap()
        .state
        .unwrap()
}

#[test]
fn states_against_the_goal_first_rule_first() {
    use State::*;
    // (goal, program, deployment, desired, state)
    let cases = [
        // failed: a compile error, whatever the goal
        (Some("running"), "SqlError", "Stopped", "Running", Failed),
        (Some("compiled"), "RustError", "Stopped", "Stopped", Failed),
        (None, "SystemError", "Stopped", "Stopped", Failed),
        // compiled: the deployment never matters
        (Some("compiled"), "Success", "Stopped", "Stopped", Succeeded),
        (
            Some("compiled"),
            "CompilingRust",
            "Stopped",
            "Running",
            Running,
        ),
        (
            Some("compiled"),
            "Pending",
            "AwaitingApproval",
            "Running",
            Pending,
        ),
        (
            Some("compiled"),
            "Success",
            "Hibernating",
            "Running",
            Succeeded,
        ),
        // a deployment status reached
        (Some("running"), "Success", "Running", "Running", Succeeded),
        (Some("paused"), "Success", "Paused", "Paused", Succeeded),
        (Some("stopped"), "Success", "Stopped", "Stopped", Succeeded),
        (Some("standby"), "Success", "Running", "Standby", Running),
        // without --for: the desired status
        (None, "Success", "Paused", "Paused", Succeeded),
        (None, "Success", "Stopped", "Stopped", Succeeded),
        (None, "Success", "Running", "Unavailable", Succeeded),
        // partial: waiting for a person's approval
        (
            Some("running"),
            "Success",
            "AwaitingApproval",
            "Running",
            Partial,
        ),
        // cancelled: stopped, and meant to be, but not the goal
        (Some("running"), "Success", "Stopped", "Stopped", Cancelled),
        (Some("complete"), "Success", "Stopped", "Stopped", Cancelled),
        // pending: not compiled yet, or asked to start and not started
        (Some("running"), "Pending", "Stopped", "Running", Pending),
        (
            Some("running"),
            "CompilingSql",
            "Stopped",
            "Running",
            Pending,
        ),
        (Some("paused"), "Success", "Stopped", "Paused", Pending),
        // running: on the way
        (
            Some("running"),
            "Success",
            "Provisioning",
            "Running",
            Running,
        ),
        (
            Some("running"),
            "Success",
            "Bootstrapping",
            "Running",
            Running,
        ),
        (Some("stopped"), "Success", "Stopping", "Stopped", Running),
        (Some("complete"), "Success", "Running", "Running", Running),
        // unknown: outside the enums
        (
            Some("running"),
            "Success",
            "Hibernating",
            "Running",
            Unknown,
        ),
        (
            Some("running"),
            "Recompiling",
            "Running",
            "Running",
            Unknown,
        ),
    ];
    for (goal, program, deployment, desired, want) in cases {
        let b = body(program, deployment, desired);
        assert_eq!(
            state_for(goal, &b),
            want,
            "{goal:?} {program} {deployment} {desired}"
        );
    }
}

#[test]
fn a_deployment_error_fails_a_stopped_pipeline_with_its_message() {
    let mut b = body("Success", "Stopped", "Running");
    b["deployment_error"] =
        json!({"message": "pipeline panicked", "error_code": "RunnerError", "details": {}});
    for goal in [Some("running"), Some("stopped"), None] {
        let target = pipeline("p").with("for", goal.map(str::to_owned));
        let c = FelderaPipeline.classify(&target, &b).unwrap();
        assert_eq!(c.state, Some(State::Failed), "{goal:?}");
        assert_eq!(c.details, "pipeline panicked (RunnerError)");
    }
}

#[test]
fn status_is_the_programs_until_compiled_and_progress_counts_its_steps() {
    let c = FelderaPipeline
        .classify(&pipeline("p"), &body("SqlCompiled", "Stopped", "Running"))
        .unwrap();
    assert_eq!(c.status.as_deref(), Some("SqlCompiled"));
    let p = c.progress.unwrap();
    assert_eq!((p.done, p.total), (Some(2), Some(4)));
    let c = FelderaPipeline
        .classify(&pipeline("p"), &body("Success", "Initializing", "Running"))
        .unwrap();
    assert_eq!(
        (c.status.as_deref(), c.progress),
        (Some("Initializing"), None)
    );
    let compiled = pipeline("p").with("for", Some("compiled".into()));
    let c = FelderaPipeline
        .classify(&compiled, &body("Success", "Stopped", "Stopped"))
        .unwrap();
    assert_eq!(c.progress.unwrap().done, Some(4));
}

#[test]
fn awaiting_approval_says_why() {
    let mut b = body("Success", "AwaitingApproval", "Running");
    b["deployment_runtime_status_details"] =
        json!({"reason": "view v1 changed", "approval_diff": {"a": 1}});
    let c = FelderaPipeline.classify(&pipeline("p"), &b).unwrap();
    assert_eq!(c.details, "awaiting approval: view v1 changed");
    b["deployment_runtime_status_details"] = json!({"approval_diff": {"added": ["v2"]}});
    let c = FelderaPipeline.classify(&pipeline("p"), &b).unwrap();
    assert_eq!(c.details, r#"awaiting approval: {"added":["v2"]}"#);
}

#[test]
fn compile_errors_read_from_program_error() {
    let sql = json!({"sql_compilation": {"exit_code": 1, "messages": [
        {"start_line_number": 1, "start_column": 1, "end_line_number": 1, "end_column": 2,
         "warning": true, "error_type": "Warning", "message": "unused"},
        {"start_line_number": 3, "start_column": 5, "end_line_number": 3, "end_column": 9,
         "warning": false, "error_type": "Not a valid column", "message": "Column 'X' not found"}]}});
    assert_eq!(
        lifecycle::program_error("SqlError", &sql).unwrap(),
        "Not a valid column at line 3, column 5: Column 'X' not found"
    );
    let rust = json!({"rust_compilation": {"exit_code": 101, "stdout": "", "stderr": "error[E0308]\nerror: could not compile\n\n"}});
    assert_eq!(
        lifecycle::program_error("RustError", &rust).unwrap(),
        "the Rust compiler exited with 101: error: could not compile"
    );
    let system = json!({"system_error": "compiler crashed"});
    assert_eq!(
        lifecycle::program_error("SystemError", &system).unwrap(),
        "compiler crashed"
    );
    assert_eq!(lifecycle::program_error("SqlError", &json!({})), None);
}

#[test]
fn after_a_failed_compile_its_errors_are_read_once() {
    let base = Url::parse("http://h:8080/").unwrap();
    let b = body("SqlError", "Stopped", "Running");
    let mut s = Snapshot::from_classified(
        pipeline("a/b"),
        &b,
        FelderaPipeline.classify(&pipeline("a/b"), &b).unwrap(),
    );
    let urls = FelderaPipeline.after(&s, None, &base);
    assert_eq!(urls.len(), 1);
    assert_eq!(
        urls[0].as_str(),
        "http://h:8080/v0/pipelines/a%2Fb?selector=all"
    );
    let all = json!({"program_status": "SqlError", "program_error": {"sql_compilation": {"exit_code": 1, "messages": [
        {"start_line_number": 2, "start_column": 7, "end_line_number": 2, "end_column": 8,
         "warning": false, "error_type": "Error parsing SQL", "message": "Encountered \"FORM\""}]}}});
    FelderaPipeline.with_after(&mut s, None, vec![Ok(all)]);
    assert_eq!(
        s.details,
        "Error parsing SQL at line 2, column 7: Encountered \"FORM\""
    );
    assert!(
        FelderaPipeline.after(&s, Some(&s), &base).is_empty(),
        "asked once"
    );
}

#[test]
fn the_goal_is_fixed_at_the_first_answer() {
    let base = Url::parse("http://h/").unwrap();
    let first = body("Success", "Provisioning", "Running");
    let mut s = Snapshot::from_classified(
        pipeline("p"),
        &first,
        FelderaPipeline.classify(&pipeline("p"), &first).unwrap(),
    );
    FelderaPipeline.with_after(&mut s, None, Vec::new());
    assert_eq!(s.kept.as_ref().unwrap()["goal"], "running");
    // Someone stops it: its desired status is now Stopped, the goal stays running.
    let later = body("Success", "Stopped", "Stopped");
    let mut next = Snapshot::from_classified(
        pipeline("p"),
        &later,
        FelderaPipeline.classify(&pipeline("p"), &later).unwrap(),
    );
    assert_eq!(
        next.state,
        State::Succeeded,
        "alone, this answer's desired status"
    );
    assert!(FelderaPipeline.after(&next, Some(&s), &base).is_empty());
    FelderaPipeline.with_after(&mut next, Some(&s), Vec::new());
    assert_eq!(next.state, State::Cancelled);
}

#[test]
fn complete_reads_the_stats_while_running_and_fails_on_a_fatal_input() {
    let base = Url::parse("http://h/").unwrap();
    let target = pipeline("p").with("for", Some("complete".into()));
    let running = body("Success", "Running", "Running");
    let snapshot = || {
        Snapshot::from_classified(
            target.clone(),
            &running,
            FelderaPipeline.classify(&target, &running).unwrap(),
        )
    };
    let urls = FelderaPipeline.after(&snapshot(), None, &base);
    assert_eq!(
        urls.iter().map(Url::as_str).collect::<Vec<_>>(),
        ["http://h/v0/pipelines/p/stats"]
    );
    let stats = |complete: bool, fatal: Value| {
        json!({"global_metrics": {"pipeline_complete": complete, "total_input_records": 3000,
               "total_completed_records": 1200},
               "inputs": [{"endpoint_name": "orders.kafka", "fatal_error": fatal}], "outputs": []})
    };
    let mut s = snapshot();
    FelderaPipeline.with_after(&mut s, None, vec![Ok(stats(false, Value::Null))]);
    assert_eq!(s.state, State::Running);
    let p = s.progress.clone().unwrap();
    assert_eq!((p.done, p.total), (Some(1200), Some(3000)));
    assert_eq!(
        s.attachment("stats").unwrap().json.as_ref().unwrap()["total_input_records"],
        3000
    );
    let mut s = snapshot();
    FelderaPipeline.with_after(&mut s, None, vec![Ok(stats(true, Value::Null))]);
    assert_eq!(s.state, State::Succeeded);
    let mut s = snapshot();
    FelderaPipeline.with_after(&mut s, None, vec![Ok(stats(false, json!("broker gone")))]);
    assert_eq!(s.state, State::Failed);
    assert_eq!(s.details, "input orders.kafka: broker gone");
    // Not running or paused: no stats to ask.
    let stopped = body("Success", "Provisioning", "Running");
    let s = Snapshot::from_classified(
        target.clone(),
        &stopped,
        FelderaPipeline.classify(&target, &stopped).unwrap(),
    );
    assert!(FelderaPipeline.after(&s, None, &base).is_empty());
}

#[test]
fn urls_encode_the_name_and_ask_for_status_only() {
    let base = Url::parse("http://h:8080/").unwrap();
    assert_eq!(
        FelderaPipeline.url(&pipeline("a/b?c"), &base).as_str(),
        "http://h:8080/v0/pipelines/a%2Fb%3Fc?selector=status"
    );
    let all = Target::listing(&SERVICE, Vec::new());
    assert_eq!(
        FelderaPipeline.url(&all, &base).as_str(),
        "http://h:8080/v0/pipelines?selector=status"
    );
    assert!(
        FelderaPipeline
            .classify(&pipeline("p"), &json!({"deployment_status": "Running"}))
            .is_err()
    );
}
