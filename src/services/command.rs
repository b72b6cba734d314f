//! An API's status command as data: its words, its help, its arguments.
//! `cli/` makes the clap command of it, the exporter the probe's
//! parameters, and both hand the values given back as a [`Given`], which
//! [`super::Api::subject`] reads. No clap type is named here.

use std::collections::BTreeMap;

/// A status command: `pipewatch <words> <args>`.
#[derive(Debug)]
pub struct Command {
    /// The words after `pipewatch`: `["llama", "file", "status"]`. The
    /// first is a group of [`super::GROUPS`].
    pub words: &'static [&'static str],
    /// The help of the word before the last, when the API has a word of
    /// its own there (`llama file`: "Ingestion status of files in a pipeline").
    pub group_about: Option<&'static str>,
    /// The one-line help of the command.
    pub about: &'static str,
    /// Its arguments, in the order `--help` lists them (the status options
    /// of CONTRACT §2 follow, for every command).
    pub args: &'static [Arg],
}

impl Command {
    /// The argument that stands for the API's field `name`.
    pub fn arg(&self, field: &str) -> Option<&'static Arg> {
        self.args.iter().find(|a| a.field == field)
    }

    /// The field the argument that gives `scope` stands for, if the command
    /// has one (`project_id`, whether the flag is `--project-id` or
    /// Clarifeye's `--project`).
    pub fn scope_field(&self, scope: Scope) -> Option<&'static str> {
        self.args
            .iter()
            .find(|a| a.scope == Some(scope))
            .map(|a| a.field)
    }

    /// `pipewatch llama file status`, as a man page or a message names it.
    pub fn line(&self) -> String {
        format!("pipewatch {}", self.words.join(" "))
    }
}

/// How an argument is given on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// The targets' IDs: positional, one or more, `-` reads them from stdin.
    Ids,
    /// One positional value.
    Positional,
    /// `--flag`: on or off.
    Flag,
    /// `--name VALUE`, once.
    Value,
    /// `--name A,B --name C`: values, comma-separated or repeated.
    List,
    /// `--name [VALUE]`: on its own means `missing`.
    Optional { missing: &'static str },
}

/// What values an argument takes.
#[derive(Clone, Copy, Debug)]
pub enum Values {
    /// Any text.
    Text,
    /// Any text but the empty one.
    NonEmpty,
    /// One of the vendor's values, matched case-insensitively and handed
    /// on as the vendor spells it (`upper` or lower case).
    OneOf {
        values: &'static [&'static str],
        upper: bool,
    },
    /// Read by this function: the value handed on, or why not.
    Parsed(fn(&str) -> Result<String, String>),
}

impl Values {
    /// Check one value as the command line would, and give it as handed on.
    pub fn check(&self, given: &str) -> Result<String, String> {
        match self {
            Values::Text => Ok(given.to_owned()),
            Values::NonEmpty if given.is_empty() => Err("a value is required".to_owned()),
            Values::NonEmpty => Ok(given.to_owned()),
            Values::OneOf { values, upper } => {
                let spelled = if *upper {
                    given.to_ascii_uppercase()
                } else {
                    given.to_ascii_lowercase()
                };
                if values.contains(&spelled.as_str()) {
                    Ok(spelled)
                } else {
                    Err(format!("one of {}", values.join(", ")))
                }
            }
            Values::Parsed(parse) => parse(given),
        }
    }
}

/// Where a probe of the exporter takes an argument (CONTRACT §15).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Probe {
    /// Not a probe parameter (`--logs`, `--items`).
    No,
    /// Names one target: required without `all=1`, refused with it.
    Target,
    /// Required with and without `all=1` (a file's pipeline).
    Both,
    /// Optional with and without `all=1`: the scope, which may come from
    /// the exporter's config.
    Scope,
    /// Optional, with `all=1` only: a collection's filter.
    Filter,
    /// Optional with and without `all=1`: an option of the requests or
    /// of what an answer means (a pipeline's goal, `for=running`).
    Option,
}

/// Which setting an argument gives, when the settings resolve it (a flag,
/// then the environment or the config profile).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Organization,
    Project,
}

/// One argument of a status command.
#[derive(Clone, Copy, Debug)]
pub struct Arg {
    /// clap's name for it (`pipeline_ids`): completions and man pages say it.
    pub id: &'static str,
    /// The API's name for the value (`pipeline_id`): a probe's parameter,
    /// what [`Given`] holds it under.
    pub field: &'static str,
    pub shape: Shape,
    /// `--long` (None: the id with `-` for `_`; positionals have none).
    pub long: Option<&'static str>,
    pub value_name: Option<&'static str>,
    pub help: &'static str,
    pub values: Values,
    pub required: bool,
    /// Required unless this other argument (by id) is given.
    pub required_unless: Option<&'static str>,
    pub conflicts_with: Option<&'static str>,
    pub requires: Option<&'static str>,
    pub heading: Option<&'static str>,
    pub probe: Probe,
    pub scope: Option<Scope>,
}

impl Arg {
    const fn new(id: &'static str, field: &'static str, shape: Shape) -> Arg {
        Arg {
            id,
            field,
            shape,
            long: None,
            value_name: None,
            help: "",
            values: Values::Text,
            required: false,
            required_unless: None,
            conflicts_with: None,
            requires: None,
            heading: None,
            probe: Probe::No,
            scope: None,
        }
    }

    /// The targets' IDs (`pipeline_ids`, each a `pipeline_id`).
    pub const fn ids(id: &'static str, field: &'static str) -> Arg {
        Arg {
            values: Values::NonEmpty,
            probe: Probe::Target,
            ..Arg::new(id, field, Shape::Ids)
        }
    }

    /// One positional value.
    pub const fn positional(id: &'static str, field: &'static str) -> Arg {
        Arg::new(id, field, Shape::Positional)
    }

    /// `--flag`.
    pub const fn flag(id: &'static str) -> Arg {
        Arg::new(id, id, Shape::Flag)
    }

    /// `--name VALUE` for the field `field`.
    pub const fn value(id: &'static str, field: &'static str) -> Arg {
        Arg::new(id, field, Shape::Value)
    }

    /// `--name A,B`.
    pub const fn list(id: &'static str, field: &'static str) -> Arg {
        Arg::new(id, field, Shape::List)
    }

    /// `--name [VALUE]`, `missing` when given alone.
    pub const fn optional(id: &'static str, missing: &'static str) -> Arg {
        Arg::new(id, id, Shape::Optional { missing })
    }

    pub const fn long(self, long: &'static str) -> Arg {
        Arg {
            long: Some(long),
            ..self
        }
    }

    pub const fn value_name(self, name: &'static str) -> Arg {
        Arg {
            value_name: Some(name),
            ..self
        }
    }

    pub const fn help(self, help: &'static str) -> Arg {
        Arg { help, ..self }
    }

    pub const fn values(self, values: Values) -> Arg {
        Arg { values, ..self }
    }

    pub const fn one_of(self, values: &'static [&'static str], upper: bool) -> Arg {
        self.values(Values::OneOf { values, upper })
    }

    pub const fn required(self) -> Arg {
        Arg {
            required: true,
            ..self
        }
    }

    pub const fn required_unless(self, id: &'static str) -> Arg {
        Arg {
            required_unless: Some(id),
            ..self
        }
    }

    pub const fn conflicts_with(self, id: &'static str) -> Arg {
        Arg {
            conflicts_with: Some(id),
            ..self
        }
    }

    pub const fn requires(self, id: &'static str) -> Arg {
        Arg {
            requires: Some(id),
            ..self
        }
    }

    pub const fn heading(self, heading: &'static str) -> Arg {
        Arg {
            heading: Some(heading),
            ..self
        }
    }

    pub const fn probe(self, probe: Probe) -> Arg {
        Arg { probe, ..self }
    }

    pub const fn scope(self, scope: Scope) -> Arg {
        Arg {
            scope: Some(scope),
            probe: Probe::Scope,
            ..self
        }
    }

    /// `--all`: every target of the listing, the collection's arguments
    /// under "Collections".
    pub const fn all(help: &'static str) -> Arg {
        Arg::flag("all").help(help).heading(COLLECTIONS)
    }

    /// A filter of `--all`: requires it, refuses the IDs (`ids`, by id).
    pub const fn filter(self, ids: &'static str) -> Arg {
        Arg {
            requires: Some("all"),
            conflicts_with: Some(ids),
            heading: Some(COLLECTIONS),
            probe: Probe::Filter,
            ..self
        }
    }

    /// The flag `--name`, as the command line spells it.
    pub fn flag_name(&self) -> String {
        match self.long {
            Some(long) => format!("--{long}"),
            None => format!("--{}", self.id.replace('_', "-")),
        }
    }
}

/// The help heading of a collection's arguments.
pub const COLLECTIONS: &str = "Collections";

/// The values of a command's arguments as given, by their API names
/// (strings as each argument's [`Values`] hands them on; a flag is
/// present or not). The same whether they came from the command line, a
/// probe's query or the demo.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Given {
    values: BTreeMap<&'static str, Vec<String>>,
}

impl Given {
    /// Set `field`'s values (none: leaves it out).
    pub fn set(&mut self, field: &'static str, values: Vec<String>) {
        if values.is_empty() {
            self.values.remove(field);
        } else {
            self.values.insert(field, values);
        }
    }

    /// A flag, given.
    pub fn set_flag(&mut self, field: &'static str) {
        self.values.insert(field, vec!["true".to_owned()]);
    }

    pub fn of(pairs: &[(&'static str, &str)]) -> Given {
        let mut given = Given::default();
        for (field, value) in pairs {
            given
                .values
                .entry(field)
                .or_default()
                .push((*value).to_owned());
        }
        given
    }

    /// Its one value (the first, if several).
    pub fn one(&self, field: &str) -> Option<&str> {
        self.values.get(field)?.first().map(String::as_str)
    }

    /// All its values, in order.
    pub fn many(&self, field: &str) -> &[String] {
        self.values.get(field).map_or(&[], Vec::as_slice)
    }

    pub fn flag(&self, field: &str) -> bool {
        self.values.contains_key(field)
    }

    /// A copy with `field`'s values replaced (`-` read from stdin).
    pub fn with(&self, field: &'static str, values: Vec<String>) -> Given {
        let mut given = self.clone();
        given.set(field, values);
        given
    }
}

/// Why a subject cannot be made of what was given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// A value is not one the API takes: the reason, in one line.
    Invalid(String),
    /// A required field is neither given nor in the settings (Clarifeye's
    /// project): the caller says where it could come from.
    Missing(&'static str),
}

impl Refusal {
    pub fn invalid(why: impl Into<String>) -> Refusal {
        Refusal::Invalid(why.into())
    }
}
