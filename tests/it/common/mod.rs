//! Shared pieces of the end-to-end tests: the simulator on 127.0.0.1 and
//! the real binary with an isolated environment (its own HOME and config
//! dir, no inherited keys, base URLs or proxies).

pub mod exporter;
pub mod openapi;
pub mod pty;

use std::net::SocketAddr;
use std::path::Path;

use assert_cmd::Command;
pub use pipewatch::sim::{Reply, Server};

/// A key distinctive enough that finding it in any output is a leak.
pub const KEY: &str = "llx-TEST-SECRET-d41d8cd98f00b204";

pub fn sim() -> Server {
    Server::spawn_background(SocketAddr::from(([127, 0, 0, 1], 0))).expect("start simulator")
}

/// The binary as a plain `std::process::Command`, for a child a test
/// watches or signals while it runs: a clean environment, HOME and
/// XDG_CONFIG_HOME in `home`, PATH kept (api_key_cmd runs `sh`).
pub fn std_bin(home: &Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_pipewatch"));
    cmd.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("NO_COLOR", "1");
    cmd
}

/// [`std_bin`] pointed at `server` for every service, with keys set.
pub fn std_bin_at(home: &Path, server: &Server) -> std::process::Command {
    let mut cmd = std_bin(home);
    let base = server.base_url();
    cmd.env("LLAMA_CLOUD_BASE_URL", &base)
        .env("LLAMA_CLOUD_API_KEY", KEY)
        .env("CLARIFEYE_BASE_URL", &base)
        .env("CLARIFEYE_API_KEY", KEY)
        .env("FELDERA_HOST", &base);
    cmd
}

/// [`std_bin`] as an assert_cmd `Command` that runs to the end, in 60 s at most.
pub fn bin(home: &Path) -> Command {
    let mut cmd = Command::from_std(std_bin(home));
    cmd.timeout(std::time::Duration::from_secs(60));
    cmd
}

/// [`std_bin_at`] as an assert_cmd `Command`.
pub fn bin_at(home: &Path, server: &Server) -> Command {
    let mut cmd = Command::from_std(std_bin_at(home, server));
    cmd.timeout(std::time::Duration::from_secs(60));
    cmd
}

pub fn home() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

/// `pipewatch <args>` pointed at `server`, in a fresh home: (exit code,
/// stdout, stderr), with [`run`]'s checks.
pub fn query(server: &Server, args: &[&str]) -> (i32, String, String) {
    let home = home();
    run(bin_at(home.path(), server).args(args))
}

/// Run and return (exit code, stdout, stderr), asserting no key leaked.
pub fn run(cmd: &mut Command) -> (i32, String, String) {
    let out = cmd.output().expect("run pipewatch");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!stdout.contains(KEY), "key leaked on stdout: {stdout}");
    assert!(!stderr.contains(KEY), "key leaked on stderr: {stderr}");
    assert!(!stderr.contains("panicked"), "pipewatch panicked: {stderr}");
    (out.status.code().unwrap_or(-1), stdout, stderr)
}

/// The JSON envelopes printed on stdout, one per line.
pub fn envelopes(stdout: &str) -> Vec<serde_json::Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

/// Write a config file into `home` and return its path.
pub fn config(home: &Path, text: &str) -> std::path::PathBuf {
    let path = home.join("pipewatch.toml");
    std::fs::write(&path, text).expect("write config");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    }
    path
}

/// (path, query) of every request the simulator received, in order.
pub fn requests(server: &Server) -> Vec<(String, String)> {
    server
        .requests()
        .into_iter()
        .map(|r| (r.path, r.query.unwrap_or_default()))
        .collect()
}

/// A query string's pairs, decoded, in order.
pub fn query_pairs(query: &str) -> Vec<(String, String)> {
    url::form_urlencoded::parse(query.as_bytes())
        .into_owned()
        .collect()
}

/// One GET to the simulator over a fresh connection, with a bearer key:
/// (status, JSON body). Raw HTTP, so nothing between the test and the
/// simulator reads or changes the answer.
pub fn get_json(addr: std::net::SocketAddr, path: &str) -> (u16, serde_json::Value) {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .expect("timeout");
    let request = format!(
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer k\r\nConnection: close\r\n\r\n"
    );
    stream.write_all(request.as_bytes()).expect("send");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read");
    let text = String::from_utf8(raw).expect("UTF-8 response");
    let (head, body) = text.split_once("\r\n\r\n").expect("a head and a body");
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("a status");
    let body =
        serde_json::from_str(body).unwrap_or_else(|e| panic!("{path}: not JSON ({e}): {body}"));
    (status, body)
}
