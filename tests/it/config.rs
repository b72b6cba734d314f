//! Services, credentials and configuration (CONTRACT §7) through the real
//! binary: precedence (flag, env, profile, default) seen through which
//! simulator gets the request and with which key, profiles and files,
//! config errors, api_key_cmd, the plain-HTTP guard, `config show`.
//!
//! Almost every test is a table of [`Case`]s run by [`check`]: one run of
//! the binary each, in a fresh HOME with two fresh simulators. The tables
//! are laid out by hand, one case to a line or two, so rustfmt skips them.

use crate::common::{KEY, Server, bin, bin_at, envelopes, home, sim};
use assert_cmd::Command;

/// Every key the cases use. None may ever appear on stdout or stderr.
const SECRETS: &[&str] = &[
    KEY,
    "k-cloud-7f3a",
    "k-parse-91bc",
    "k-file-c04d",
    "k-clarifeye-",
    "k-feldera-",
    "k-from-cmd",
    "k-trimmed",
    "k-file-secret",
    "ck-FILE-SECRET",
    "MALFORMED-SECRET",
];

/// One run of the binary in a fresh HOME with two fresh simulators, `a`
/// and `b`. In `files`, `env`, `args` and `checks`, `{a}` and `{b}` stand
/// for their base URLs, `{port}` for a's port, `{home}` for HOME, `{cfg}`
/// for the file at [`FILE`], `{default}` for the one at [`DEFAULT`], and
/// `{key}` for `common::KEY`.
#[derive(Clone, Copy)]
struct Case {
    name: &'static str,
    /// (path under HOME, text) to write before the run, with `mode`.
    files: &'static [(&'static str, &'static str)],
    mode: u32,
    /// Start from `common::bin_at(a)` (every service at `a`, every key
    /// `common::KEY`) rather than the bare `common::bin`.
    at_a: bool,
    env: &'static [(&'static str, &'static str)],
    /// Split on whitespace.
    args: &'static str,
    /// The exit code; with 2, stdout must also be empty.
    code: i32,
    sent: Sent,
    checks: &'static [Check],
}

/// The requests the simulators must have seen, all told.
#[derive(Clone, Copy)]
enum Sent {
    Nothing,
    /// One request for this target, at `a`, with `Authorization: Bearer <key>`.
    A(&'static str, &'static str),
    /// The same, at `b`.
    B(&'static str, &'static str),
    /// One request for this target, at `a`, with no Authorization header.
    Bare(&'static str),
}

/// What else to check after the run.
#[derive(Clone, Copy)]
enum Check {
    Stdout(&'static str),
    Stderr(&'static str),
    /// stderr does not contain this, in any case.
    NotStderr(&'static str),
    /// stdout, less trailing newlines, is exactly this.
    StdoutIs(&'static str),
    StdoutCount(&'static str, usize),
    /// The `base_url` line showing this URL ends with `# default`.
    DefaultBaseUrl(&'static str),
    /// The path of the request at `a` contains this.
    RequestPath(&'static str),
    /// The query parameter of the request at `a` has this value, or is absent.
    RequestQuery(&'static str, Option<&'static str>),
    /// The first JSON envelope holds this string at this JSON pointer.
    Json(&'static str, &'static str),
    /// Whether an api_key_cmd that runs `touch '{home}/ran'` ran.
    Ran(bool),
}

use Check::*;
use Sent::*;

/// Where `{cfg}` and `{default}` are, under HOME.
const FILE: &str = "pipewatch.toml";
const DEFAULT: &str = ".config/pipewatch/config.toml";

const PASS: Case = Case {
    name: "",
    files: &[],
    mode: 0o600,
    at_a: false,
    env: &[],
    args: "",
    code: 0,
    sent: Nothing,
    checks: &[],
};
const REFUSED: Case = Case { code: 2, ..PASS };

const CONFIG: (&str, &str) = ("PIPEWATCH_CONFIG", "{cfg}");
const LLAMA_KEY: (&str, &str) = ("LLAMA_CLOUD_API_KEY", KEY);
const LLAMA_AT_A: (&str, &str) = ("LLAMA_CLOUD_BASE_URL", "{a}");
const LLAMA_AT_B: (&str, &str) = ("LLAMA_CLOUD_BASE_URL", "{b}");
const ENV_CLOUD_KEY: (&str, &str) = ("LLAMA_CLOUD_API_KEY", "k-cloud-7f3a");
const ENV_PARSE_KEY: (&str, &str) = ("LLAMA_PARSE_API_KEY", "k-parse-91bc");

const URL_A: &str = "[profiles.default.llama]\nbase_url = \"{a}\"\n";
const URL_B: &str = "[profiles.default.llama]\nbase_url = \"{b}\"\n";
const URL_A_FILE_KEY: &str =
    "[profiles.default.llama]\nbase_url = \"{a}\"\napi_key = \"k-file-c04d\"\n";
const TWO_PROFILES: &str =
    "[profiles.default.llama]\nbase_url = \"{a}\"\n\n[profiles.other.llama]\nbase_url = \"{b}\"\n";
const TWO_PROFILES_OTHER: &str = "default_profile = \"other\"\n\
    [profiles.default.llama]\nbase_url = \"{a}\"\n\n[profiles.other.llama]\nbase_url = \"{b}\"\n";
const TWO_PROFILES_NOSUCH: &str = "default_profile = \"nosuch\"\n\
    [profiles.default.llama]\nbase_url = \"{a}\"\n\n[profiles.other.llama]\nbase_url = \"{b}\"\n";
/// An api_key_cmd that leaves a mark, so a case can tell whether it ran.
const MARKING_KEY_CMD: &str = "[profiles.default.llama]\nbase_url = \"{a}\"\n\
    api_key_cmd = \"touch '{home}/ran'; printf k-from-cmd\"\n";

// ---------------------------------------------------------------------------
// Tables

#[test]
#[rustfmt::skip]
fn base_url_precedence_is_flag_env_profile_default() {
    check(&[
        Case { name: "from the profile", files: &[(FILE, URL_A)], env: &[CONFIG, LLAMA_KEY],
               args: "batch status job-1", sent: A("job-1", KEY), ..PASS },
        Case { name: "env beats the profile", files: &[(FILE, URL_A)], env: &[CONFIG, LLAMA_KEY, LLAMA_AT_B],
               args: "batch status job-1", sent: B("job-1", KEY), ..PASS },
        Case { name: "flag beats env and profile", files: &[(FILE, URL_B)], env: &[CONFIG, LLAMA_KEY, LLAMA_AT_B],
               args: "batch status job-1 --base-url {a}", sent: A("job-1", KEY), ..PASS },
        Case { name: "flag beats env and profile, swapped", files: &[(FILE, URL_A)], env: &[CONFIG, LLAMA_KEY, LLAMA_AT_A],
               args: "batch status job-1 --base-url {b}", sent: B("job-1", KEY), ..PASS },
        Case { name: "an empty base URL variable counts as unset", files: &[(FILE, URL_A)],
               env: &[CONFIG, LLAMA_KEY, ("LLAMA_CLOUD_BASE_URL", "")],
               args: "batch status job-1", sent: A("job-1", KEY), ..PASS },
        Case { name: "the default when nothing is set", env: &[LLAMA_KEY, ("CLARIFEYE_API_KEY", KEY)], args: "config show",
               checks: &[DefaultBaseUrl("https://api.cloud.llamaindex.ai"), DefaultBaseUrl("https://eu.app.clarifeye.ai"),
                         DefaultBaseUrl("http://localhost:8080")], ..PASS },
    ]);
}

#[test]
#[rustfmt::skip]
fn key_sources() {
    // LLAMA_CLOUD_API_KEY, then LLAMA_PARSE_API_KEY, then the config's api_key.
    check(&[
        Case { name: "cloud key beats parse key and config", files: &[(FILE, URL_A_FILE_KEY)],
               env: &[CONFIG, ENV_CLOUD_KEY, ENV_PARSE_KEY],
               args: "batch status job-1", sent: A("job-1", "k-cloud-7f3a"), ..PASS },
        Case { name: "parse key beats config", files: &[(FILE, URL_A_FILE_KEY)], env: &[CONFIG, ENV_PARSE_KEY],
               args: "batch status job-1", sent: A("job-1", "k-parse-91bc"), ..PASS },
        Case { name: "config key without env", files: &[(FILE, URL_A_FILE_KEY)], env: &[CONFIG],
               args: "batch status job-1", sent: A("job-1", "k-file-c04d"), ..PASS },
        Case { name: "cloud key alone", files: &[(FILE, URL_A)], env: &[CONFIG, ENV_CLOUD_KEY],
               args: "batch status job-1", sent: A("job-1", "k-cloud-7f3a"), ..PASS },
        Case { name: "an empty key variable counts as unset", files: &[(FILE, URL_A_FILE_KEY)],
               env: &[CONFIG, ("LLAMA_CLOUD_API_KEY", ""), ENV_PARSE_KEY],
               args: "batch status job-1", sent: A("job-1", "k-parse-91bc"), ..PASS },
        Case { name: "batch uses the llama key", env: &[LLAMA_AT_A, ENV_PARSE_KEY],
               args: "batch status job-1", sent: A("job-1", "k-parse-91bc"), ..PASS },
    ]);
    const KEYS: &str = "[profiles.default.clarifeye]\napi_key = \"k-clarifeye-file\"\n\
        [profiles.default.feldera]\napi_key = \"k-feldera-file\"\n";
    check(&[
        Case { name: "clarifeye key from config", files: &[(FILE, KEYS)], env: &[CONFIG, ("CLARIFEYE_BASE_URL", "{a}")],
               args: "clarifeye run --project p c-1", sent: A("c-1", "k-clarifeye-file"), ..PASS },
        Case { name: "feldera key from config", files: &[(FILE, KEYS)], env: &[CONFIG, ("FELDERA_HOST", "{a}")],
               args: "feldera token p f-1", sent: A("f-1", "k-feldera-file"), ..PASS },
        Case { name: "clarifeye key from env beats config", files: &[(FILE, KEYS)],
               env: &[CONFIG, ("CLARIFEYE_BASE_URL", "{a}"), ("CLARIFEYE_API_KEY", "k-clarifeye-env")],
               args: "clarifeye run --project p c-2", sent: A("c-2", "k-clarifeye-env"), ..PASS },
        Case { name: "feldera key from env beats config", files: &[(FILE, KEYS)],
               env: &[CONFIG, ("FELDERA_HOST", "{a}"), ("FELDERA_API_KEY", "k-feldera-env")],
               args: "feldera token p f-2", sent: A("f-2", "k-feldera-env"), ..PASS },
        Case { name: "feldera needs no key and sends no Authorization", env: &[("FELDERA_HOST", "{a}")],
               args: "feldera token p t-1 --json", sent: Bare("t-1"), checks: &[Json("/state", "succeeded")], ..PASS },
    ]);
}

#[test]
#[rustfmt::skip]
fn missing_keys_are_exit_2_naming_variable_and_config_key() {
    let llama = &[Stderr("LLAMA_CLOUD_API_KEY"), Stderr("api_key")];
    check(&[
        Case { name: "llama pipeline", env: &[LLAMA_AT_A], args: "llama pipeline status job-1", checks: llama, ..REFUSED },
        Case { name: "llama file", env: &[LLAMA_AT_A], args: "llama file status --pipeline p f-1", checks: llama, ..REFUSED },
        Case { name: "batch", env: &[LLAMA_AT_A], args: "batch status job-1", checks: llama, ..REFUSED },
        Case { name: "clarifeye", env: &[("CLARIFEYE_BASE_URL", "{a}"), LLAMA_KEY], args: "clarifeye run --project p run-1",
               checks: &[Stderr("CLARIFEYE_API_KEY"), Stderr("api_key")], ..REFUSED },
        Case { name: "another service's key does not count",
               env: &[LLAMA_AT_A, ("CLARIFEYE_API_KEY", KEY), ("FELDERA_API_KEY", KEY)],
               args: "batch status job-1", ..REFUSED },
    ]);
}

#[test]
#[rustfmt::skip]
fn api_key_cmd() {
    const PRINTS: &str = "[profiles.default.llama]\nbase_url = \"{a}\"\napi_key_cmd = \"printf 'k-from-cmd'\"\n";
    const PADDED: &str = "[profiles.default.llama]\nbase_url = \"{a}\"\napi_key_cmd = \"echo '  k-trimmed  '\"\n";
    const FAILS: &str = "[profiles.default.llama]\nbase_url = \"{a}\"\n\
        api_key_cmd = \"echo 'vault is locked' >&2; echo 'second line' >&2; exit 3\"\n";
    const SILENT: &str = "[profiles.default.llama]\nbase_url = \"{a}\"\napi_key_cmd = \"true\"\n";
    const BOTH: &str = "[profiles.default.llama]\napi_key = \"k\"\napi_key_cmd = \"printf k\"\n";
    check(&[
        Case { name: "its output is the key", files: &[(FILE, PRINTS)], env: &[CONFIG],
               args: "batch status job-1", sent: A("job-1", "k-from-cmd"), ..PASS },
        Case { name: "its output is trimmed", files: &[(FILE, PADDED)], env: &[CONFIG],
               args: "batch status job-1", sent: A("job-1", "k-trimmed"), ..PASS },
        Case { name: "a status query runs it", files: &[(FILE, MARKING_KEY_CMD)], env: &[CONFIG],
               args: "batch status job-1", sent: A("job-1", "k-from-cmd"), checks: &[Ran(true)], ..PASS },
        Case { name: "an env key beats it and it does not run", files: &[(FILE, MARKING_KEY_CMD)], env: &[CONFIG, ENV_CLOUD_KEY],
               args: "batch status job-1", sent: A("job-1", "k-cloud-7f3a"), checks: &[Ran(false)], ..PASS },
        Case { name: "config show names it without running it", files: &[(FILE, MARKING_KEY_CMD)], env: &[CONFIG],
               args: "config show", checks: &[Ran(false), Stdout("api_key_cmd")], ..PASS },
        Case { name: "failing is exit 2 with its first stderr line", files: &[(FILE, FAILS)], env: &[CONFIG],
               args: "batch status job-1",
               checks: &[Stderr("vault is locked"), NotStderr("second line"), Stderr("api_key_cmd")], ..REFUSED },
        Case { name: "printing nothing is exit 2", files: &[(FILE, SILENT)], env: &[CONFIG],
               args: "batch status job-1", checks: &[Stderr("api_key_cmd")], ..REFUSED },
        Case { name: "api_key and api_key_cmd together is exit 2", files: &[(FILE, BOTH)], env: &[CONFIG],
               args: "batch status job-1", checks: &[Stderr("api_key_cmd")], ..REFUSED },
    ]);
}

#[test]
#[rustfmt::skip]
fn profiles() {
    let nosuch = &[Stderr("nosuch")];
    check(&[
        Case { name: "default without a choice", files: &[(FILE, TWO_PROFILES)], env: &[CONFIG, LLAMA_KEY],
               args: "batch status job-1", sent: A("job-1", KEY), ..PASS },
        Case { name: "flag chooses", files: &[(FILE, TWO_PROFILES)], env: &[CONFIG, LLAMA_KEY],
               args: "batch status job-1 --profile other", sent: B("job-1", KEY), ..PASS },
        Case { name: "env chooses", files: &[(FILE, TWO_PROFILES)], env: &[CONFIG, LLAMA_KEY, ("PIPEWATCH_PROFILE", "other")],
               args: "batch status job-1", sent: B("job-1", KEY), ..PASS },
        Case { name: "an empty PIPEWATCH_PROFILE counts as unset", files: &[(FILE, TWO_PROFILES)],
               env: &[CONFIG, LLAMA_KEY, ("PIPEWATCH_PROFILE", "")],
               args: "batch status job-1", sent: A("job-1", KEY), ..PASS },
        Case { name: "default_profile chooses", files: &[(FILE, TWO_PROFILES_OTHER)], env: &[CONFIG, LLAMA_KEY],
               args: "batch status job-1", sent: B("job-1", KEY), ..PASS },
        Case { name: "env beats default_profile", files: &[(FILE, TWO_PROFILES_OTHER)],
               env: &[CONFIG, LLAMA_KEY, ("PIPEWATCH_PROFILE", "default")],
               args: "batch status job-1", sent: A("job-1", KEY), ..PASS },
        Case { name: "flag beats env", files: &[(FILE, TWO_PROFILES_OTHER)],
               env: &[CONFIG, LLAMA_KEY, ("PIPEWATCH_PROFILE", "default")],
               args: "batch status job-1 --profile other", sent: B("job-1", KEY), ..PASS },
        Case { name: "unknown in the flag", files: &[(FILE, TWO_PROFILES)], env: &[CONFIG, LLAMA_KEY],
               args: "batch status job-1 --profile nosuch", checks: nosuch, ..REFUSED },
        Case { name: "unknown in the env", files: &[(FILE, TWO_PROFILES)],
               env: &[CONFIG, LLAMA_KEY, ("PIPEWATCH_PROFILE", "nosuch")],
               args: "batch status job-1", checks: nosuch, ..REFUSED },
        Case { name: "unknown default_profile", files: &[(FILE, TWO_PROFILES_NOSUCH)], env: &[CONFIG, LLAMA_KEY],
               args: "batch status job-1", checks: nosuch, ..REFUSED },
        Case { name: "unknown without a config file", at_a: true,
               args: "--profile nosuch batch status job-1", checks: nosuch, ..REFUSED },
    ]);
}

#[test]
#[rustfmt::skip]
fn which_config_file() {
    check(&[
        Case { name: "config path: the default location", args: "config path", checks: &[StdoutIs("{default}")], ..PASS },
        Case { name: "config path: the flag", args: "config path --config /x/flag.toml",
               checks: &[StdoutIs("/x/flag.toml")], ..PASS },
        Case { name: "config path: the env", env: &[("PIPEWATCH_CONFIG", "/x/env.toml")], args: "config path",
               checks: &[StdoutIs("/x/env.toml")], ..PASS },
        Case { name: "config path: the flag beats the env", env: &[("PIPEWATCH_CONFIG", "/x/env.toml")],
               args: "--config /x/flag.toml config path", checks: &[StdoutIs("/x/flag.toml")], ..PASS },
        Case { name: "a file at the default location is used", files: &[(DEFAULT, URL_A_FILE_KEY)],
               args: "batch status job-1", sent: A("job-1", "k-file-c04d"), ..PASS },
        Case { name: "no file at the default location is fine", at_a: true,
               args: "batch status job-1", sent: A("job-1", KEY), ..PASS },
        Case { name: "the flag chooses", files: &[(DEFAULT, URL_A), (FILE, URL_B)], env: &[LLAMA_KEY],
               args: "batch status job-1 --config {cfg}", sent: B("job-1", KEY), ..PASS },
        Case { name: "the env chooses", files: &[(DEFAULT, URL_A), (FILE, URL_B)], env: &[LLAMA_KEY, CONFIG],
               args: "batch status job-1", sent: B("job-1", KEY), ..PASS },
        Case { name: "the flag beats the env", files: &[(DEFAULT, URL_A), (FILE, URL_B)], env: &[LLAMA_KEY, CONFIG],
               args: "batch status job-1 --config {default}", sent: A("job-1", KEY), ..PASS },
        Case { name: "an empty PIPEWATCH_CONFIG counts as unset", files: &[(DEFAULT, URL_A)],
               env: &[("PIPEWATCH_CONFIG", ""), LLAMA_KEY], args: "batch status job-1", sent: A("job-1", KEY), ..PASS },
        Case { name: "a missing file named by the flag", at_a: true,
               args: "batch status job-1 --config {home}/does-not-exist.toml",
               checks: &[Stderr("{home}/does-not-exist.toml")], ..REFUSED },
        Case { name: "a missing file named by the env", at_a: true, env: &[("PIPEWATCH_CONFIG", "{home}/does-not-exist.toml")],
               args: "batch status job-1", checks: &[Stderr("{home}/does-not-exist.toml")], ..REFUSED },
        Case { name: "a missing file for config show", env: &[("PIPEWATCH_CONFIG", "{home}/does-not-exist.toml")],
               args: "config show", ..REFUSED },
        Case { name: "a directory", at_a: true, args: "batch status job-1 --config {home}", ..REFUSED },
    ]);
}

#[test]
#[rustfmt::skip]
fn bad_files_and_values_are_exit_2_naming_them() {
    check(&[
        Case { name: "malformed TOML", at_a: true, env: &[CONFIG],
               files: &[(FILE, "default_profile = \"default\"\n\n[profiles.default.llama\nbase_url = \"http://x\"\n")],
               args: "batch status job-1", checks: &[Stderr("{cfg}"), Stderr("line 3")], ..REFUSED },
        Case { name: "malformed TOML, config show", files: &[(FILE, "[profiles.default.llama]\nbase_url = \n")], env: &[CONFIG],
               args: "config show", checks: &[Stderr("{cfg}"), Stderr("line 2")], ..REFUSED },
        Case { name: "unknown llama key", at_a: true, env: &[CONFIG],
               files: &[(FILE, "[profiles.default.llama]\nbase_url = \"https://api.cloud.llamaindex.ai\"\napi_kye = \"k\"\n")],
               args: "batch status job-1", checks: &[Stderr("api_kye"), Stderr("line 3"), Stderr("{cfg}")], ..REFUSED },
        Case { name: "unknown top-level key", files: &[(FILE, "defualt_profile = \"x\"\n")], env: &[CONFIG],
               args: "config show", checks: &[Stderr("defualt_profile"), Stderr("line 1")], ..REFUSED },
        Case { name: "unknown service", files: &[(FILE, "\n[profiles.default.lama]\napi_key = \"k\"\n")], env: &[CONFIG],
               args: "config show", checks: &[Stderr("lama"), Stderr("line 2")], ..REFUSED },
        Case { name: "unknown watch key", files: &[(FILE, "[profiles.default.watch]\ninterval = \"2s\"\nintreval = \"2s\"\n")],
               env: &[CONFIG], args: "config show", checks: &[Stderr("intreval"), Stderr("line 3")], ..REFUSED },
        Case { name: "unknown feldera key", files: &[(FILE, "[profiles.default.feldera]\nhost = \"http://x\"\n")], env: &[CONFIG],
               args: "config show", checks: &[Stderr("host"), Stderr("line 2")], ..REFUSED },
        Case { name: "a key that does not apply to the service", env: &[CONFIG],
               files: &[(FILE, "[profiles.default.feldera]\nbase_url = \"http://localhost:8080\"\nproject_id = \"p\"\n")],
               args: "config show", checks: &[Stderr("project_id"), Stderr("line 3")], ..REFUSED },
        Case { name: "a bad watch duration", at_a: true, files: &[(FILE, "[profiles.default.watch]\ninterval = \"soon\"\n")],
               env: &[CONFIG], args: "batch status job-1", checks: &[Stderr("soon"), Stderr("line 2")], ..REFUSED },
        Case { name: "a bad base URL in the env", env: &[LLAMA_KEY, ("LLAMA_CLOUD_BASE_URL", "not a url")],
               args: "batch status job-1", checks: &[Stderr("LLAMA_CLOUD_BASE_URL")], ..REFUSED },
        Case { name: "a bad base URL in the flag", env: &[LLAMA_KEY],
               args: "batch status job-1 --base-url ftp://x", checks: &[Stderr("--base-url")], ..REFUSED },
    ]);
}

#[test]
#[rustfmt::skip]
fn a_secret_in_a_malformed_line_is_not_echoed() {
    // SECRETS holds "MALFORMED-SECRET", so check() looks for it on both streams.
    const UNTERMINATED: &str = "[profiles.default.llama]\napi_key = \"llx-MALFORMED-SECRET-5e2b\n";
    const BARE: &str = "[profiles.default.llama]\napi_key = llx-MALFORMED-SECRET-5e2b\n";
    const WRONG_TYPE: &str = "[profiles.default.llama]\napi_key = [\"llx-MALFORMED-SECRET-5e2b\"]\n";
    const KEY_TYPO: &str = "[profiles.default.llama]\napikey = \"llx-MALFORMED-SECRET-5e2b\"\n";
    const STRAY: &str = "[profiles.default.llama]\napi_key = \"llx-MALFORMED-SECRET-5e2b\" x\n";
    let status = Case { at_a: true, env: &[CONFIG], args: "batch status job-1", checks: &[Stderr("line 2")], ..REFUSED };
    let show = Case { env: &[CONFIG], args: "config show", ..REFUSED };
    check(&[
        Case { name: "unterminated string", files: &[(FILE, UNTERMINATED)], ..status },
        Case { name: "unterminated string, config show", files: &[(FILE, UNTERMINATED)], ..show },
        Case { name: "bare value", files: &[(FILE, BARE)], ..status },
        Case { name: "bare value, config show", files: &[(FILE, BARE)], ..show },
        Case { name: "wrong type", files: &[(FILE, WRONG_TYPE)], ..status },
        Case { name: "wrong type, config show", files: &[(FILE, WRONG_TYPE)], ..show },
        Case { name: "key typo", files: &[(FILE, KEY_TYPO)], ..status },
        Case { name: "key typo, config show", files: &[(FILE, KEY_TYPO)], ..show },
        Case { name: "stray character", files: &[(FILE, STRAY)], ..status },
        Case { name: "stray character, config show", files: &[(FILE, STRAY)], ..show },
    ]);
}

#[test]
#[rustfmt::skip]
fn plain_http_credentials_need_an_opt_in() {
    // `a` as the proxy: it would see any request that were made.
    const PROXY: (&str, &str) = ("HTTP_PROXY", "{a}");
    const PROXY_LOWER: (&str, &str) = ("http_proxy", "{a}");
    let refused = &[Stderr("--allow-http")];
    check(&[
        Case { name: "refused before connecting", env: &[LLAMA_KEY, PROXY, PROXY_LOWER],
               args: "batch status job-1 --base-url http://example.invalid", checks: refused, ..REFUSED },
        Case { name: "refused: URL from env, key from file", env: &[CONFIG, ("CLARIFEYE_BASE_URL", "http://example.invalid")],
               files: &[(FILE, "[profiles.default.clarifeye]\napi_key = \"k-file-secret\"\nproject_id = \"p\"\n")],
               args: "clarifeye run run-1", checks: refused, ..REFUSED },
        Case { name: "refused: URL from file, feldera key from env", env: &[CONFIG, ("FELDERA_API_KEY", KEY)],
               files: &[(FILE, "[profiles.default.feldera]\nbase_url = \"http://feldera.example.invalid:8080\"\n")],
               args: "feldera token p t", checks: refused, ..REFUSED },
        Case { name: "allow_http in another service does not count", env: &[LLAMA_KEY, CONFIG],
               files: &[(FILE, "[profiles.default.clarifeye]\nallow_http = true\n")],
               args: "batch status job-1 --base-url http://example.invalid", ..REFUSED },
        Case { name: "--allow-http lets it through", env: &[LLAMA_KEY], code: 9,
               args: "batch status job-1 --base-url http://example.invalid \
                      --allow-http --retries 0 --request-timeout 2s",
               ..PASS },
        Case { name: "--allow-http: the request reaches a proxy", env: &[LLAMA_KEY, PROXY, PROXY_LOWER],
               args: "batch status job-1 --base-url http://example.invalid --allow-http --retries 0",
               sent: A("job-1", KEY), ..PASS },
        Case { name: "allow_http in config lets it through", env: &[LLAMA_KEY, CONFIG], code: 9,
               files: &[(FILE, "[profiles.default.llama]\nbase_url = \"http://example.invalid\"\nallow_http = true\n")],
               args: "batch status job-1 --retries 0 --request-timeout 2s", ..PASS },
        Case { name: "loopback by address", env: &[LLAMA_KEY],
               args: "batch status job-1 --base-url http://127.0.0.1:{port}", sent: A("job-1", KEY), ..PASS },
        Case { name: "loopback by name", env: &[LLAMA_KEY],
               args: "batch status job-1 --base-url http://localhost:{port}", sent: A("job-1", KEY), ..PASS },
        Case { name: "loopback by name in capitals", env: &[LLAMA_KEY],
               args: "batch status job-1 --base-url http://LOCALHOST:{port}/", sent: A("job-1", KEY), ..PASS },
        Case { name: "feldera without a key, flag", code: 9,
               args: "feldera token p t --base-url http://example.invalid --retries 0 --request-timeout 2s",
               checks: &[NotStderr("--allow-http")], ..PASS },
        Case { name: "feldera without a key, env", code: 9, env: &[("FELDERA_HOST", "http://feldera.example.invalid:8080")],
               args: "feldera token p t --retries 0 --request-timeout 2s", ..PASS },
    ]);
}

#[test]
#[rustfmt::skip]
fn a_config_others_can_read_warns_only_if_it_holds_a_key() {
    let warns = &[Stderr("chmod"), Stderr("{cfg}")];
    check(&[
        Case { name: "readable, with a key", files: &[(FILE, URL_A_FILE_KEY)], mode: 0o644, env: &[CONFIG],
               args: "batch status job-1", sent: A("job-1", "k-file-c04d"), checks: warns, ..PASS },
        Case { name: "readable, with a key, config show", files: &[(FILE, URL_A_FILE_KEY)], mode: 0o644, env: &[CONFIG],
               args: "config show", checks: warns, ..PASS },
        Case { name: "private, with a key", files: &[(FILE, URL_A_FILE_KEY)], env: &[CONFIG],
               args: "batch status job-1", sent: A("job-1", "k-file-c04d"),
               checks: &[NotStderr("chmod"), NotStderr("warning")], ..PASS },
        Case { name: "readable, without a key", files: &[(FILE, URL_A)], mode: 0o644, at_a: true, env: &[CONFIG],
               args: "batch status job-1", sent: A("job-1", KEY), checks: &[NotStderr("chmod")], ..PASS },
    ]);
}

#[test]
#[rustfmt::skip]
fn config_show_shows_settings_and_sources_never_keys() {
    check(&[
        Case { name: "urls and sources", env: &[CONFIG, LLAMA_KEY, ("FELDERA_HOST", "http://127.0.0.1:9999")],
               files: &[(FILE, "[profiles.default.clarifeye]\napi_key = \"ck-FILE-SECRET-0a1b2c\"\n\
                                base_url = \"https://us.app.clarifeye.ai\"\nproject_id = \"proj-9\"\n")],
               args: "config show",
               checks: &[Stdout("<redacted>"), Stdout("{cfg}"),
                         // llama: default URL, key from the env; clarifeye: from the file; feldera: env, no key
                         Stdout("https://api.cloud.llamaindex.ai"), Stdout("LLAMA_CLOUD_API_KEY"),
                         Stdout("https://us.app.clarifeye.ai"), Stdout("proj-9"),
                         Stdout("http://127.0.0.1:9999"), Stdout("FELDERA_HOST"), Stdout("not set")],
               ..PASS },
        Case { name: "the --base-url flag is named", args: "config show --base-url https://flag.example",
               checks: &[Stdout("https://flag.example"), Stdout("--base-url")], ..PASS },
        Case { name: "a key from any source is redacted",
               env: &[CONFIG, ("CLARIFEYE_API_KEY", KEY), ("LLAMA_PARSE_API_KEY", KEY)],
               files: &[(FILE, "[profiles.default.llama]\napi_key = \"{key}\"\n\
                                [profiles.default.feldera]\napi_key = \"{key}\"\n")],
               args: "config show --verbose", checks: &[StdoutCount("<redacted>", 3)], ..PASS },
        Case { name: "without any config", args: "config show",
               checks: &[Stdout("not found"), Stdout("default_profile = \"default\"  # default")], ..PASS },
        // Where a user goes to find out why a key is missing: that must not hide the rest.
        Case { name: "without keys, every base URL", args: "config show",
               checks: &[Stdout("LLAMA_CLOUD_API_KEY"), Stdout("CLARIFEYE_API_KEY"), Stdout("http://localhost:8080"),
                         Stdout("https://api.cloud.llamaindex.ai"), Stdout("https://eu.app.clarifeye.ai")], ..PASS },
    ]);
}

#[test]
#[rustfmt::skip]
fn bad_ca_certs_are_exit_2() {
    check(&[
        Case { name: "missing", at_a: true, args: "batch status job-1 --ca-cert /nonexistent.pem",
               checks: &[Stderr("/nonexistent.pem")], ..REFUSED },
        Case { name: "not PEM", at_a: true, files: &[("bogus.pem", "this is not a certificate\n")],
               args: "feldera token p t --ca-cert {home}/bogus.pem", checks: &[Stderr("{home}/bogus.pem")], ..REFUSED },
        Case { name: "a broken PEM block", at_a: true, args: "feldera token p t --ca-cert {home}/broken.pem",
               files: &[("broken.pem", "-----BEGIN CERTIFICATE-----\nnot base64 at all!!\n-----END CERTIFICATE-----\n")],
               ..REFUSED },
        Case { name: "relative in config: to the file", at_a: true, env: &[CONFIG],
               files: &[(FILE, "[profiles.default.feldera]\nca_cert = \"certs/ca.pem\"\n")],
               args: "feldera token p t", checks: &[Stderr("{home}/certs/ca.pem")], ..REFUSED },
        Case { name: "the flag beats config", at_a: true, env: &[CONFIG],
               files: &[(FILE, "[profiles.default.feldera]\nca_cert = \"from-config.pem\"\n")],
               args: "feldera token p t --ca-cert {home}/from-flag.pem",
               checks: &[Stderr("from-flag.pem"), NotStderr("from-config.pem")], ..REFUSED },
    ]);
}

#[test]
#[rustfmt::skip]
fn project_and_organization_defaults() {
    const CLARIFEYE: &str = "[profiles.default.clarifeye]\nproject_id = \"proj-cfg\"\n";
    const BATCH: &str = "[profiles.default.llama]\norganization_id = \"org-cfg\"\nproject_id = \"proj-cfg\"\n";
    check(&[
        Case { name: "clarifeye project from config", at_a: true, files: &[(FILE, CLARIFEYE)], env: &[CONFIG],
               args: "clarifeye run run-1 --json", sent: A("run-1", KEY),
               checks: &[RequestPath("/projects/proj-cfg/"), Json("/target/project_id", "proj-cfg")], ..PASS },
        Case { name: "clarifeye --project beats config", at_a: true, files: &[(FILE, CLARIFEYE)], env: &[CONFIG],
               args: "clarifeye run --project proj-flag run-1", sent: A("run-1", KEY),
               checks: &[RequestPath("/projects/proj-flag/")], ..PASS },
        Case { name: "clarifeye without a project", at_a: true, args: "clarifeye run run-1",
               checks: &[Stderr("--project")], ..REFUSED },
        Case { name: "clarifeye project from the llama table does not count", at_a: true, env: &[CONFIG],
               files: &[(FILE, "[profiles.default.llama]\nproject_id = \"proj-llama\"\n")],
               args: "clarifeye run run-1", checks: &[Stderr("--project")], ..REFUSED },
        Case { name: "batch from config", at_a: true, files: &[(FILE, BATCH)], env: &[CONFIG],
               args: "batch status job-1", sent: A("job-1", KEY),
               checks: &[RequestQuery("organization_id", Some("org-cfg")),
                         RequestQuery("project_id", Some("proj-cfg"))], ..PASS },
        Case { name: "batch flags beat config", at_a: true, files: &[(FILE, BATCH)], env: &[CONFIG],
               args: "batch status job-1 --organization-id org-flag --project-id proj-flag", sent: A("job-1", KEY),
               checks: &[RequestQuery("organization_id", Some("org-flag")),
                         RequestQuery("project_id", Some("proj-flag"))], ..PASS },
        Case { name: "batch: one flag overrides only its own value", at_a: true, files: &[(FILE, BATCH)], env: &[CONFIG],
               args: "batch status job-1 --project-id proj-flag", sent: A("job-1", KEY),
               checks: &[RequestQuery("organization_id", Some("org-cfg")),
                         RequestQuery("project_id", Some("proj-flag"))], ..PASS },
        Case { name: "batch without either sends neither", at_a: true, args: "batch status job-1", sent: A("job-1", KEY),
               checks: &[RequestQuery("organization_id", None), RequestQuery("project_id", None)], ..PASS },
        Case { name: "batch from the chosen profile", at_a: true, env: &[CONFIG],
               files: &[(FILE, "[profiles.default.llama]\nproject_id = \"proj-default\"\n\
                                [profiles.work.llama]\nproject_id = \"proj-work\"\n")],
               args: "batch status job-1 --profile work", sent: A("job-1", KEY),
               checks: &[RequestQuery("project_id", Some("proj-work"))], ..PASS },
    ]);
}

#[test]
#[rustfmt::skip]
fn verbose_never_logs_a_key_from_any_source() {
    check(&[
        Case { name: "key from the env", at_a: true, args: "-v batch status env-1",
               sent: A("env-1", KEY), checks: &[Stderr("env-1")], ..PASS },
        Case { name: "key from the file", files: &[(FILE, URL_A_FILE_KEY)], env: &[CONFIG],
               args: "-v batch status file-1", sent: A("file-1", "k-file-c04d"), checks: &[Stderr("file-1")], ..PASS },
        Case { name: "key from api_key_cmd", env: &[CONFIG],
               files: &[(FILE, "[profiles.default.llama]\nbase_url = \"{a}\"\napi_key_cmd = \"printf k-from-cmd-77\"\n")],
               args: "-v batch status cmd-1", sent: A("cmd-1", "k-from-cmd-77"), checks: &[Stderr("cmd-1")], ..PASS },
    ]);
}

/// Three services, three simulators: each command goes to its own.
#[test]
fn each_service_reads_its_own_base_url_variable() {
    let home = home();
    let (llama, clarifeye, feldera) = (sim(), sim(), sim());
    for args in [
        "llama pipeline status l-1",
        "batch status b-1",
        "clarifeye run --project p c-1",
        "feldera token p f-1",
    ] {
        let out = run_case(
            args,
            bin(home.path())
                .env("LLAMA_CLOUD_BASE_URL", llama.base_url())
                .env("LLAMA_CLOUD_API_KEY", KEY)
                .env("CLARIFEYE_BASE_URL", clarifeye.base_url())
                .env("CLARIFEYE_API_KEY", KEY)
                .env("FELDERA_HOST", feldera.base_url())
                .args(args.split_whitespace()),
        );
        assert_eq!(out.code, 0, "{args}: {}", out.stderr);
    }
    let hits = [
        llama.hits("l-1"),
        llama.hits("b-1"),
        clarifeye.hits("c-1"),
        feldera.hits("f-1"),
    ];
    assert_eq!(hits, [1; 4], "hits of l-1, b-1, c-1, f-1");
    // LlamaCloud: the pipeline's status, its files' status counts, the job.
    let counts = [&llama, &clarifeye, &feldera].map(|s| s.requests().len());
    assert_eq!(counts, [3, 1, 1], "requests at llama, clarifeye, feldera");
}

// ---------------------------------------------------------------------------
// Running the cases

fn check(cases: &[Case]) {
    for case in cases {
        check_one(case);
    }
}

fn check_one(case: &Case) {
    let name = case.name;
    let home = home();
    let (a, b) = (sim(), sim());
    let fill = |text: &str| {
        text.replace("{a}", &a.base_url())
            .replace("{b}", &b.base_url())
            .replace("{port}", &a.addr().port().to_string())
            .replace("{home}", &home.path().display().to_string())
            .replace("{cfg}", &home.path().join(FILE).display().to_string())
            .replace(
                "{default}",
                &home.path().join(DEFAULT).display().to_string(),
            )
            .replace("{key}", KEY)
    };
    for (path, text) in case.files {
        let path = home.path().join(path);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("config dir");
        std::fs::write(&path, fill(text)).expect("write config");
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::Permissions::from_mode(case.mode);
        std::fs::set_permissions(&path, mode).expect("chmod");
    }
    let mut cmd = if case.at_a {
        bin_at(home.path(), &a)
    } else {
        bin(home.path())
    };
    for (var, value) in case.env {
        cmd.env(var, fill(value));
    }
    cmd.args(case.args.split_whitespace().map(&fill));
    let Out {
        code,
        stdout,
        stderr,
    } = run_case(name, &mut cmd);

    assert_eq!(code, case.code, "{name}: exit code; stderr: {stderr}");
    if case.code == 2 {
        assert!(stdout.is_empty(), "{name}: stdout on exit 2: {stdout}");
    }
    let seen = |server: &Server| -> Vec<(Option<String>, Option<String>)> {
        let requests = server.requests().into_iter();
        requests.map(|r| (r.key, r.authorization)).collect()
    };
    let one = |target: &str, key: Option<&str>| {
        vec![(Some(target.to_owned()), key.map(|k| format!("Bearer {k}")))]
    };
    let expected = match case.sent {
        Nothing => (vec![], vec![]),
        A(target, key) => (one(target, Some(key)), vec![]),
        B(target, key) => (vec![], one(target, Some(key))),
        Bare(target) => (one(target, None), vec![]),
    };
    assert_eq!(
        (seen(&a), seen(&b)),
        expected,
        "{name}: (target, Authorization) of the requests at (a, b)"
    );

    let first_request = || {
        let requests = a.requests();
        requests
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("{name}: no request at a"))
    };
    for check in case.checks {
        match *check {
            Stdout(text) => assert!(
                stdout.contains(&fill(text)),
                "{name}: {text} not on stdout: {stdout}"
            ),
            Stderr(text) => assert!(
                stderr.contains(&fill(text)),
                "{name}: {text} not on stderr: {stderr}"
            ),
            NotStderr(text) => assert!(
                !stderr.to_lowercase().contains(&text.to_lowercase()),
                "{name}: {text} on stderr: {stderr}"
            ),
            StdoutIs(text) => assert_eq!(stdout.trim_end(), fill(text), "{name}: stdout"),
            StdoutCount(text, n) => assert_eq!(
                stdout.matches(text).count(),
                n,
                "{name}: {text} in {stdout}"
            ),
            DefaultBaseUrl(url) => {
                let line = stdout
                    .lines()
                    .find(|l| l.starts_with("base_url") && l.contains(url))
                    .unwrap_or_else(|| panic!("{name}: no base_url line for {url}: {stdout}"));
                assert!(line.ends_with("# default"), "{name}: {line}");
            }
            RequestPath(part) => {
                let path = first_request().path;
                assert!(path.contains(part), "{name}: {part} not in {path}");
            }
            RequestQuery(param, value) => {
                let query = first_request().query;
                let got = query_value(query.as_deref(), param);
                assert_eq!(got.as_deref(), value, "{name}: {param} in {query:?}");
            }
            Json(pointer, value) => {
                let envelope = envelopes(&stdout).into_iter().next();
                let got = envelope.as_ref().and_then(|e| e.pointer(pointer)?.as_str());
                assert_eq!(got, Some(value), "{name}: {pointer} in {stdout}");
            }
            Ran(ran) => {
                let marker = home.path().join("ran");
                assert_eq!(marker.exists(), ran, "{name}: did api_key_cmd run?");
            }
        }
    }
}

/// How a run ended and what it printed.
struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Like `common::run`, but naming the case in every message and looking
/// for every key in [`SECRETS`], not only `common::KEY`.
fn run_case(name: &str, cmd: &mut Command) -> Out {
    let out = cmd.output().expect("run pipewatch");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    for secret in SECRETS {
        assert!(
            !stdout.contains(secret),
            "{name}: {secret} leaked on stdout: {stdout}"
        );
        assert!(
            !stderr.contains(secret),
            "{name}: {secret} leaked on stderr: {stderr}"
        );
    }
    assert!(
        !stderr.contains("panicked"),
        "{name}: pipewatch panicked: {stderr}"
    );
    let code = out.status.code().unwrap_or(-1);
    Out {
        code,
        stdout,
        stderr,
    }
}

/// The query's `name=` value, if any.
fn query_value(query: Option<&str>, name: &str) -> Option<String> {
    query?.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=')?;
        (k == name).then(|| v.to_owned())
    })
}
