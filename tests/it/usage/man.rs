//! The man pages in `man/`, generated from the clap tree with clap_mangen:
//! `pipewatch.1` for the program (every option, the commands, exit status,
//! environment, files), and one page per command that does something, named
//! the way git and gh name theirs (`pipewatch-batch-status.1`), with the
//! arguments and options that command accepts, as its `--help` shows them.
//!
//! The generator lives here, in the tests, rather than in the binary or a
//! build script: the pages are committed where packagers look for them, so
//! only the check that they are up to date needs it. clap_mangen is a
//! dev-dependency and never reaches the release binary.

use std::cell::RefCell;
use std::path::PathBuf;

use clap::{Command, CommandFactory};
use clap_mangen::Man;
use clap_mangen::roff::{Inline, Roff, bold, italic, roman};

use pipewatch::cli::Cli;
use pipewatch::model::Vendor;
use pipewatch::model::{EXIT_CODES, ExitCode};
use pipewatch::settings::{Config, Source, VendorFlags, key_variables};

const VENDORS: [Vendor; 3] = [Vendor::Llama, Vendor::Clarifeye, Vendor::Feldera];

/// The variables read outside each service's settings, with what they do.
/// The services' own variables come from the settings code (see
/// [`service_variables`]).
const OTHER_VARIABLES: [(&[&str], &str); 11] = [
    (
        &["PIPEWATCH_PROFILE"],
        "The config profile to use, as --profile (the flag wins).",
    ),
    (
        &["PIPEWATCH_CONFIG"],
        "The config file to use, as --config (the flag wins); it must exist.",
    ),
    (
        &["XDG_CONFIG_HOME", "HOME"],
        "Where the config file is looked for when neither --config nor PIPEWATCH_CONFIG \
         is given (see FILES).",
    ),
    (
        &["FELDERA_TENANT"],
        "The Feldera tenant to act in, sent as the Feldera-Tenant header on every \
         Feldera request (config: tenant).",
    ),
    (&["NO_COLOR"], "Set: no colour with --color auto."),
    (
        &["CLICOLOR_FORCE"],
        "Set and not 0: colour with --color auto even where the output is not a \
         terminal. NO_COLOR wins over it.",
    ),
    (&["CLICOLOR"], "0: no colour with --color auto."),
    (
        &["TERM"],
        "dumb: no colour with --color auto, and no live display while watching: \
         one plain line per change instead.",
    ),
    (
        &["HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "NO_PROXY"],
        "Proxies, honoured as curl does, lower-case forms included: http:// proxies \
         (HTTPS goes through CONNECT, so the proxy sees neither the path nor the key) \
         and socks5:// or socks5h:// (the proxy resolves names). NO_PROXY lists the \
         hosts reached directly; NO_PROXY=* bypasses every proxy.",
    ),
    (
        &["SSL_CERT_FILE", "SSL_CERT_DIR"],
        "Trusted root certificates instead of the operating system's store: a PEM file, \
         or directories of them (as OpenSSL reads them). The Mozilla roots built into \
         pipewatch and --ca-cert are trusted too.",
    ),
    (
        &["GITHUB_ACTIONS"],
        "true (exactly, as GitHub Actions sets it): when a status command ends, each \
         target that failed, was cancelled, errored or timed out adds an ::error line \
         to stderr, and each partial one a ::warning line, which the workflow run \
         shows as annotations; a configuration error adds an ::error line too. A \
         table on stdout in which the runner could read a workflow command (raw logs, \
         say) is printed between ::stop-commands:: lines.",
    ),
];

/// A command that does something (a leaf of the clap tree).
struct Leaf {
    /// Built as part of the whole tree, so it has its full name and the
    /// global options, as its `--help` does.
    command: Command,
    /// `pipewatch-batch-status`
    page: String,
    /// One line for NAME and the top page's COMMANDS.
    summary: String,
}

/// Every page as (file name, contents), the top page first.
pub fn pages() -> Vec<(String, Vec<u8>)> {
    // `pipewatch help <command>` prints the same as `--help`: no page.
    let mut cli = Cli::command().disable_help_subcommand(true);
    cli.build();
    let leaves = leaves(&cli);
    let mut pages = vec![("pipewatch.1".to_owned(), top_page(&cli, &leaves))];
    for leaf in &leaves {
        pages.push((format!("{}.1", leaf.page), leaf_page(&cli, leaf)));
    }
    pages
}

fn leaves(cli: &Command) -> Vec<Leaf> {
    fn walk(parent: &Command, out: &mut Vec<Leaf>) {
        let children: Vec<&Command> = parent
            .get_subcommands()
            .filter(|c| !c.is_hide_set())
            .collect();
        for command in &children {
            if command.has_subcommands() {
                walk(command, out);
                continue;
            }
            // A command alone under its parent (`batch status`) is described
            // by the parent; its own about is the request it makes.
            let describing = if children.len() == 1 { parent } else { command };
            let summary = describing
                .get_about()
                .map(|a| a.to_string())
                .unwrap_or_default();
            let page = command
                .get_display_name()
                .unwrap_or(command.get_name())
                .to_owned();
            out.push(Leaf {
                command: (*command).clone(),
                page,
                summary,
            });
        }
    }
    let mut out = Vec::new();
    walk(cli, &mut out);
    out
}

/// The page for the whole program.
fn top_page(cli: &Command, leaves: &[Leaf]) -> Vec<u8> {
    let man = Man::new(cli.clone());
    let mut page = Page::new(cli, cli.get_name());
    page.man(|w| man.render_name_section(w));

    let mut synopsis = Roff::new();
    synopsis.control("SH", ["SYNOPSIS"]);
    for (i, leaf) in leaves.iter().enumerate() {
        if i > 0 {
            synopsis.control("br", []);
        }
        synopsis.text(usage_line(&leaf.command));
    }
    page.roff(&synopsis);

    page.man(|w| man.render_description_section(w));

    let mut commands = Roff::new();
    commands.control("SH", ["COMMANDS"]);
    for leaf in leaves {
        commands.control("TP", []);
        commands.text([bold(command_words(&leaf.command))]);
        commands.text([
            roman(format!("{}; see ", leaf.summary)),
            bold(&leaf.page),
            roman("(1)."),
        ]);
    }
    page.roff(&commands);

    page.man(|w| man.render_options_section(w));
    page.roff(&exit_status());
    page.roff(&environment());
    page.roff(&files());
    page.man(|w| man.render_version_section(w));

    let mut see_also = Roff::new();
    see_also.control("SH", ["SEE ALSO"]);
    let mut refs = Vec::new();
    for (i, leaf) in leaves.iter().enumerate() {
        if i > 0 {
            refs.push(roman(", "));
        }
        refs.extend([bold(&leaf.page), roman("(1)")]);
    }
    see_also.text(refs);
    page.roff(&see_also);
    page.finish()
}

/// The page for one command.
fn leaf_page(cli: &Command, leaf: &Leaf) -> Vec<u8> {
    let man = Man::new(leaf.command.clone());
    let mut page = Page::new(cli, &leaf.page);

    let mut head = Roff::new();
    head.control("SH", ["NAME"]);
    head.text([roman(format!("{} - {}", leaf.page, leaf.summary))]);
    head.control("SH", ["SYNOPSIS"]);
    head.text(usage_line(&leaf.command));
    page.roff(&head);

    let about = leaf
        .command
        .get_about()
        .map(|a| a.to_string())
        .unwrap_or_default();
    if about == leaf.summary {
        page.man(|w| man.render_description_section(w));
    } else {
        // Described by its parent (see `leaves`): say what it asks for.
        let mut description = Roff::new();
        description.control("SH", ["DESCRIPTION"]);
        description.text([
            roman(format!("{}. Each target is one request: ", leaf.summary)),
            bold(about),
        ]);
        page.roff(&description);
    }
    page.man(|w| man.render_options_section(w));

    let mut see_also = Roff::new();
    see_also.control("SH", ["SEE ALSO"]);
    see_also.text([
        bold("pipewatch"),
        roman("(1), for the exit status, the environment and the config file."),
    ]);
    page.roff(&see_also);
    page.finish()
}

/// `pipewatch batch status`
fn command_words(command: &Command) -> String {
    command
        .get_bin_name()
        .unwrap_or(command.get_name())
        .to_owned()
}

/// The usage line the command's `--help` shows, its words in bold.
fn usage_line(command: &Command) -> Vec<Inline> {
    let words = command_words(command);
    let usage = command.clone().render_usage().to_string();
    let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage);
    let rest = usage.strip_prefix(words.as_str()).unwrap_or(usage);
    vec![bold(words), roman(rest.to_owned())]
}

fn exit_status() -> Roff {
    let mut roff = Roff::new();
    roff.control("SH", ["EXIT STATUS"]);
    for (code, meaning) in EXIT_CODES {
        roff.control("TP", []);
        roff.text([bold(code.code().to_string())]);
        roff.text([roman(meaning)]);
    }
    let order: Vec<String> = ExitCode::SEVERITY
        .iter()
        .map(|code| code.code().to_string())
        .collect();
    roff.control("PP", []);
    roff.text([roman(format!(
        "With several targets, the code is the first of {} that applies to any target.",
        order.join(", ")
    ))]);
    roff
}

fn environment() -> Roff {
    let mut roff = Roff::new();
    roff.control("SH", ["ENVIRONMENT"]);
    roff.text([roman(
        "An empty variable counts as unset. A flag wins over the environment, \
         and the environment over the config file.",
    )]);
    let other = OTHER_VARIABLES.iter().map(|(names, text)| {
        let names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        (names, text.to_string())
    });
    for (names, text) in service_variables().into_iter().chain(other) {
        roff.control("TP", []);
        let mut header = Vec::new();
        for (i, name) in names.iter().enumerate() {
            if i > 0 {
                header.push(roman(", "));
            }
            header.push(bold(name));
        }
        roff.text(header);
        roff.text([roman(text)]);
    }
    roff
}

/// Each service's variables as the settings code reads them: its key
/// variables in the order they are tried, then its base URL variable.
fn service_variables() -> Vec<(Vec<String>, String)> {
    let config = no_config_file();
    let resolve = |vendor, env: &dyn Fn(&str) -> Option<String>| {
        config
            .resolve(vendor, &VendorFlags::default(), env, false)
            .unwrap_or_else(|e| panic!("{}: {e}", vendor.display_name()))
    };
    let mut out = Vec::new();
    for vendor in VENDORS {
        let service = vendor.display_name();
        let (keys, required) = key_variables(vendor);
        for (i, key) in keys.iter().enumerate() {
            let text = if i == 0 {
                let need = if required { "required" } else { "optional" };
                format!(
                    "{service} API key ({need}), sent as Authorization: Bearer. \
                     When no key variable is set, api_key or api_key_cmd in the \
                     config file is used."
                )
            } else {
                format!(
                    "{service} API key, when {} is unset.",
                    keys[..i].join(" and ")
                )
            };
            out.push((vec![key.to_string()], text));
        }
        // The settings say which variable the base URL came from when
        // every variable is set, and the default when none is.
        let everything_set = resolve(vendor, &|_| Some("http://127.0.0.1:1".to_owned()));
        let Source::Env(variable) = everything_set.base_url_source else {
            panic!("{service}: the base URL is not read from the environment");
        };
        let nothing_set = resolve(vendor, &|_| None);
        let default = nothing_set
            .base_url
            .as_str()
            .trim_end_matches('/')
            .to_owned();
        out.push((
            vec![variable.to_owned()],
            format!("{service} base URL (default {default}); --base-url wins over it."),
        ));
    }
    out
}

/// Settings with no config file: what flags and environment alone give.
fn no_config_file() -> Config {
    Config::from_text(PathBuf::from("config.toml"), None, None).expect("no file is a valid config")
}

fn files() -> Roff {
    let mut roff = Roff::new();
    roff.control("SH", ["FILES"]);
    roff.control("TP", []);
    roff.text([italic("$XDG_CONFIG_HOME/pipewatch/config.toml")]);
    roff.text([
        roman(
            "The config file (TOML), usually ~/.config/pipewatch/config.toml; it need \
             not exist. ",
        ),
        bold("pipewatch config path"),
        roman(" prints where it is looked for, "),
        bold("pipewatch config show"),
        roman(
            " what it resolves to; --config or PIPEWATCH_CONFIG choose another file. \
             config.example.toml in the source documents every key.",
        ),
    ]);
    roff
}

/// A page put together from clap_mangen's sections and our own.
struct Page {
    out: Vec<u8>,
    /// What roff puts before every piece it renders (its apostrophe
    /// handling); the page needs it once.
    preamble: String,
}

impl Page {
    /// A page with its title line. The date is left empty so that the
    /// pages are reproducible; clap_mangen would drop an empty argument
    /// and shift the source (`pipewatch 0.1.0`) into the date's place.
    fn new(cli: &Command, title: &str) -> Page {
        let preamble = Roff::new().render();
        let version = cli.get_version().unwrap_or_default();
        let source = format!("{} {version}", cli.get_name());
        // Left-aligned and unhyphenated: page names like
        // pipewatch-llama-pipeline-status are neither split nor stretched.
        let out = format!("{preamble}.TH {title} 1 \"\" \"{source}\"\n.ad l\n.nh\n").into_bytes();
        Page { out, preamble }
    }

    fn push(&mut self, piece: Vec<u8>) {
        let piece = piece
            .strip_prefix(self.preamble.as_bytes())
            .unwrap_or(&piece);
        self.out.extend_from_slice(piece);
    }

    fn man(&mut self, render: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>) {
        let mut piece = Vec::new();
        render(&mut piece).expect("render to memory");
        self.push(piece);
    }

    fn roff(&mut self, roff: &Roff) {
        self.push(roff.render().into_bytes());
    }

    fn finish(self) -> Vec<u8> {
        self.out
    }
}

// ---------------------------------------------------------------------------

/// The names a function reads from its environment, which is all unset.
fn variables_read(read: impl FnOnce(&dyn Fn(&str) -> Option<String>)) -> Vec<String> {
    let names = RefCell::new(Vec::new());
    read(&|name: &str| {
        names.borrow_mut().push(name.to_owned());
        None
    });
    names.into_inner()
}

#[test]
fn the_environment_section_names_every_variable_the_code_reads() {
    let documented: Vec<String> = service_variables()
        .into_iter()
        .flat_map(|(names, _)| names)
        .chain(
            OTHER_VARIABLES
                .iter()
                .flat_map(|(names, _)| names.iter().map(|n| n.to_string())),
        )
        .collect();
    let config = no_config_file();
    let mut read = Vec::new();
    for vendor in VENDORS {
        read.extend(variables_read(|env| {
            let _ = config.resolve(vendor, &VendorFlags::default(), env, false);
        }));
    }
    read.extend(variables_read(|env| {
        pipewatch::render::use_color(None, true, env);
    }));
    assert!(read.contains(&"NO_COLOR".to_owned()), "{read:?}");
    for name in read {
        assert!(
            documented.contains(&name),
            "{name} is read but not in ENVIRONMENT"
        );
    }
}

#[test]
fn the_top_page_has_exit_status_environment_and_files() {
    let pages = pages();
    let (name, top) = &pages[0];
    assert_eq!(name, "pipewatch.1");
    let top = String::from_utf8_lossy(top);
    for section in [
        "SYNOPSIS",
        "COMMANDS",
        "\"EXIT STATUS\"",
        "ENVIRONMENT",
        "FILES",
    ] {
        assert!(top.contains(&format!(".SH {section}\n")), "no {section}");
    }
    for (code, _) in EXIT_CODES {
        assert!(
            top.contains(&format!("\\fB{}\\fR\n", code.code())),
            "{code:?}"
        );
    }
    for name in OTHER_VARIABLES.iter().flat_map(|(names, _)| names.iter()) {
        assert!(top.contains(&format!("\\fB{name}\\fR")), "{name}");
    }
    // Reproducible: no date in the title line.
    assert!(top.contains(".TH pipewatch 1 \"\" \"pipewatch "), "{top}");
}
