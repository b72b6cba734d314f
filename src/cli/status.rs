//! The status commands, grafted onto the clap tree from the list of APIs
//! (`services::APIS`): each API's command, as data, becomes clap's
//! command here, the same as a derive would have made it, and what the
//! user gave comes back as the API's [`Given`]. No API is named here.

use clap::builder::{NonEmptyStringValueParser, PossibleValuesParser, TypedValueParser};
use clap::error::ErrorKind;
use clap::{ArgAction, ArgMatches, Args, FromArgMatches, Subcommand};

use super::options::{StatusArgs, status_options_for_subcommands};
use crate::services::command::{Arg, Shape, Values};
use crate::services::{APIS, Api, GROUPS, Given, by_words};

/// A status command as given: its API, and the values of its arguments
/// by their API names. The status options of CONTRACT §2 are read from
/// the top of the tree (`Cli::options`), wherever they were given.
pub struct StatusCommand {
    pub api: &'static dyn Api,
    pub given: Given,
}

impl std::fmt::Debug for StatusCommand {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StatusCommand")
            .field("service", &self.api.service().name)
            .field("given", &self.given)
            .finish()
    }
}

impl FromArgMatches for StatusCommand {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        let mut words = Vec::new();
        let mut leaf = matches;
        while let Some((name, below)) = leaf.subcommand() {
            words.push(name);
            leaf = below;
        }
        let api = by_words(&words).ok_or_else(|| {
            clap::Error::raw(
                ErrorKind::InvalidSubcommand,
                format!("no status command `{}`", words.join(" ")),
            )
        })?;
        Ok(StatusCommand {
            api,
            given: given_of(api, leaf),
        })
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        *self = StatusCommand::from_arg_matches(matches)?;
        Ok(())
    }
}

impl Subcommand for StatusCommand {
    fn augment_subcommands(command: clap::Command) -> clap::Command {
        graft(command)
    }

    fn augment_subcommands_for_update(command: clap::Command) -> clap::Command {
        graft(command)
    }

    fn has_subcommand(name: &str) -> bool {
        GROUPS.iter().any(|(group, _)| *group == name)
    }
}

/// The status command groups (`llama`, `batch`, ...) under `command`, in
/// the order of [`GROUPS`], each holding its APIs' commands in the order
/// of [`APIS`]. Built as clap's derive builds a nested subcommand, so that
/// help, completions and man pages read the same.
fn graft(mut command: clap::Command) -> clap::Command {
    for (name, about) in GROUPS {
        let mut group = nested(name);
        for api in APIS.iter().filter(|api| api.command().words[0] == *name) {
            let spec = api.command();
            group = match spec.words {
                [_, leaf] => group.subcommand(leaf_command(leaf, *api)),
                [_, middle, leaf] => {
                    if group.find_subcommand(middle).is_none() {
                        let about = spec.group_about.unwrap_or_default();
                        group = group.subcommand(nested(middle).about(about).long_about(None));
                    }
                    group.mut_subcommand(middle, |inner| inner.subcommand(leaf_command(leaf, *api)))
                }
                // tests/it/registry.rs checks that every command has two or
                // three words; anything else is not grafted.
                _ => group,
            };
        }
        command = command.subcommand(
            group
                .about(*about)
                .long_about(None)
                .args(status_options_for_subcommands()),
        );
    }
    command
}

/// A command that only holds others, as derive makes one.
fn nested(name: &'static str) -> clap::Command {
    clap::Command::new(name)
        .subcommand_required(true)
        .arg_required_else_help(true)
}

/// An API's own command: its arguments, then the status options.
fn leaf_command(name: &'static str, api: &dyn Api) -> clap::Command {
    let spec = api.command();
    let mut command = clap::Command::new(name);
    for arg in spec.args {
        command = command.arg(clap_arg(arg));
    }
    // Derive gives a command made of a struct's fields an empty group named
    // after it (`Status`); kept, so that the tree is the one it made.
    let mut group = name.to_owned();
    group[..1].make_ascii_uppercase();
    let command = command.group(clap::ArgGroup::new(group).multiple(true));
    StatusArgs::augment_args(command)
        .about(spec.about)
        .long_about(None)
}

/// One argument, as derive makes it of a field of that type.
fn clap_arg(arg: &Arg) -> clap::Arg {
    let mut built = clap::Arg::new(arg.id).help(arg.help);
    let long = arg
        .long
        .map_or_else(|| arg.id.replace('_', "-"), str::to_owned);
    built = match arg.shape {
        Shape::Ids => built.num_args(1..).action(ArgAction::Append),
        Shape::Positional => built.action(ArgAction::Set),
        Shape::Flag => built.long(long).action(ArgAction::SetTrue),
        Shape::Value => built.long(long).action(ArgAction::Set),
        Shape::List => built
            .long(long)
            .value_delimiter(',')
            .action(ArgAction::Append),
        Shape::Optional { missing } => built
            .long(long)
            .num_args(0..=1)
            .default_missing_value(missing)
            .action(ArgAction::Set),
    };
    // Derive names every value, a flag's too, after its field.
    built = match arg.value_name {
        Some(name) => built.value_name(name),
        None => built.value_name(arg.id.to_ascii_uppercase()),
    };
    if arg.shape != Shape::Flag {
        built = match arg.values {
            Values::Text => built.value_parser(clap::builder::ValueParser::string()),
            Values::NonEmpty => built.value_parser(NonEmptyStringValueParser::new()),
            Values::OneOf { values, upper } => {
                let spelling = if upper {
                    str::to_ascii_uppercase
                } else {
                    str::to_ascii_lowercase
                };
                built.ignore_case(true).value_parser(
                    PossibleValuesParser::new(values).map(move |value| spelling(&value)),
                )
            }
            Values::Parsed(parse) => built.value_parser(move |raw: &str| parse(raw)),
        };
    }
    if arg.required {
        built = built.required(true);
    }
    if let Some(other) = arg.required_unless {
        built = built.required_unless_present(other);
    }
    if let Some(other) = arg.conflicts_with {
        built = built.conflicts_with(other);
    }
    if let Some(other) = arg.requires {
        built = built.requires(other);
    }
    if let Some(heading) = arg.heading {
        built = built.help_heading(heading);
    }
    built
}

/// What the user gave the API's command, by the API's names.
fn given_of(api: &dyn Api, matches: &ArgMatches) -> Given {
    let mut given = Given::default();
    for arg in api.command().args {
        match arg.shape {
            Shape::Flag => {
                if matches.try_get_one::<bool>(arg.id).ok().flatten() == Some(&true) {
                    given.set_flag(arg.field);
                }
            }
            _ => {
                if let Ok(Some(values)) = matches.try_get_many::<String>(arg.id) {
                    given.set(arg.field, values.cloned().collect());
                }
            }
        }
    }
    given
}
