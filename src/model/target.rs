//! What a user asks about: one target of one service, named by the path
//! parameters of its API. Part of the model (with [`crate::model::state`]):
//! services make targets and know how to ask about them, renderers how to
//! name them. Nothing here knows a particular API: each API's file in
//! `services/` holds its [`Service`] and builds its targets.

use serde_json::{Map, Value};

/// The vendors; each has its own base URL, key and settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Vendor {
    Llama,
    Clarifeye,
    Feldera,
}

impl Vendor {
    /// Every vendor, in the order `config show` shows them.
    pub const ALL: [Vendor; 3] = [Vendor::Llama, Vendor::Clarifeye, Vendor::Feldera];

    /// The config table name (`[profiles.NAME.llama]`).
    pub fn key(self) -> &'static str {
        match self {
            Vendor::Llama => "llama",
            Vendor::Clarifeye => "clarifeye",
            Vendor::Feldera => "feldera",
        }
    }

    pub fn display_name(self) -> &'static str {
        match self {
            Vendor::Llama => "LlamaCloud",
            Vendor::Clarifeye => "Clarifeye",
            Vendor::Feldera => "Feldera",
        }
    }
}

/// What the model knows of one API: the names people and machines call it
/// and its targets by. Each API in `services/` owns one, as a `static`,
/// and every target of the API points at it.
#[derive(Debug)]
pub struct Service {
    /// The envelope's `service`: `<vendor>.<kind>`, as CONTRACT §4 lists them.
    pub name: &'static str,
    pub vendor: Vendor,
    /// What many targets are, in the user's words (`3000 files: ...`,
    /// `no files match`).
    pub plural: &'static str,
    /// IDs that travel as query values, not path segments (Feldera's
    /// `token`): any text will do there, `..` included.
    pub query_ids: &'static [&'static str],
    /// How tables and log lines name a target, when not by its IDs joined
    /// with `/` (Feldera's connectors: `pipeline/table.connector`).
    pub label: Option<fn(&Target) -> String>,
}

/// One thing to check: an API's [`Service`], the IDs that name the target
/// (the envelope's `target`, in path order), and the options that shape its
/// request without naming it (a batch job's `project_id`, a pipeline's
/// `full_details`). A listing (`--all`) is a target only while the
/// listing itself fails (a 404 pipeline, an outage); its items are
/// targets of the same service.
#[derive(Clone, Debug)]
pub struct Target {
    service: &'static Service,
    ids: Vec<(&'static str, String)>,
    options: Vec<(&'static str, String)>,
    listing: bool,
}

impl PartialEq for Target {
    fn eq(&self, other: &Target) -> bool {
        self.service.name == other.service.name
            && self.listing == other.listing
            && self.ids == other.ids
            && self.options == other.options
    }
}

impl Eq for Target {}

impl std::hash::Hash for Target {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.service.name.hash(state);
        self.listing.hash(state);
        self.ids.hash(state);
        self.options.hash(state);
    }
}

impl Target {
    /// A target of `service` named by these IDs, in path order.
    pub fn new<const N: usize>(
        service: &'static Service,
        ids: [(&'static str, String); N],
    ) -> Target {
        Target {
            service,
            ids: ids.into(),
            options: Vec::new(),
            listing: false,
        }
    }

    /// The listing of `service`'s targets that these IDs (or scope) name.
    pub fn listing(service: &'static Service, ids: Vec<(&'static str, String)>) -> Target {
        Target {
            service,
            ids,
            options: Vec::new(),
            listing: true,
        }
    }

    /// With an option that shapes its request (None: left out).
    pub fn with(mut self, name: &'static str, value: Option<String>) -> Target {
        if let Some(value) = value {
            self.options.push((name, value));
        }
        self
    }

    /// With one more ID (None: left out), after the others.
    pub fn with_id(mut self, name: &'static str, value: Option<String>) -> Target {
        if let Some(value) = value {
            self.ids.push((name, value));
        }
        self
    }

    /// The ID called `name` ("" when the target has none by that name).
    pub fn id(&self, name: &str) -> &str {
        self.ids
            .iter()
            .find(|(n, _)| *n == name)
            .map_or("", |(_, v)| v.as_str())
    }

    /// Set the ID called `name` (a connector's token, once it is had).
    pub fn set_id(&mut self, name: &'static str, value: String) {
        match self.ids.iter_mut().find(|(n, _)| *n == name) {
            Some((_, v)) => *v = value,
            None => self.ids.push((name, value)),
        }
    }

    /// The option called `name`, if given.
    pub fn option(&self, name: &str) -> Option<&str> {
        self.options
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The IDs by their API names, in path order.
    pub fn ids(&self) -> impl Iterator<Item = (&'static str, &str)> {
        self.ids.iter().map(|(n, v)| (*n, v.as_str()))
    }

    /// The envelope's `service` name.
    pub fn service(&self) -> &'static str {
        self.service.name
    }

    /// The API this target belongs to, as the model knows it.
    pub fn described_by(&self) -> &'static Service {
        self.service
    }

    pub fn vendor(&self) -> Vendor {
        self.service.vendor
    }

    /// What many targets of this service are, in the user's words.
    pub fn plural(&self) -> &'static str {
        self.service.plural
    }

    /// A listing (`--all`) rather than one job.
    pub fn is_listing(&self) -> bool {
        self.listing
    }

    /// Refuse a path parameter that no URL can carry as one segment: `.`
    /// and `..` are steps through the path (RFC 3986 §5.2.4), in any
    /// encoding, so `pipeline status ..` would ask another endpoint.
    pub fn check_path_params(&self) -> Result<(), String> {
        for (name, value) in self.ids() {
            if !self.service.query_ids.contains(&name) && (value == "." || value == "..") {
                return Err(format!(
                    "`{value}` cannot be a {name}: a URL reads it as a step through the path, \
                     not as a name"
                ));
            }
        }
        Ok(())
    }

    /// The envelope's `target` object.
    pub fn to_json(&self) -> Value {
        let mut map = Map::new();
        for (name, value) in self.ids() {
            map.insert(name.to_owned(), Value::String(value.to_owned()));
        }
        Value::Object(map)
    }

    /// The target as people name it in tables and log lines: its IDs
    /// joined by `/` (`pipeline/file`, `project/run`, `pipeline/token`);
    /// a listing ends in `/*` (`pipeline/*`: all its files).
    pub fn label(&self) -> String {
        if let Some(label) = self.service.label {
            return label(self);
        }
        let mut parts: Vec<&str> = self.ids().map(|(_, v)| v).collect();
        if self.listing {
            parts.push("*");
        }
        parts.join("/")
    }
}

/// What `--all` waits for: a listing and its filters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Collection {
    /// The listing, a target of the service its items belong to.
    pub listing: Target,
    /// `--status`: the vendor's status values, as the vendor spells them;
    /// empty for every status.
    pub statuses: Vec<String>,
    /// Its other filters, as the listing's query parameters
    /// (`file_name_contains`, `job_type`, `created_at_on_or_after`).
    pub filters: Vec<(&'static str, String)>,
}

impl Collection {
    /// What the collection holds, in the user's words (`no files match`).
    pub fn noun(&self) -> &'static str {
        self.listing.plural()
    }

    /// The filter called `name`, if given.
    pub fn filter(&self, name: &str) -> Option<&str> {
        self.filters
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// What a status command asks about: targets it was given, or a
/// collection it lists itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Subject {
    Targets(Vec<Target>),
    Collection(Collection),
}

impl Subject {
    /// The targets it names: those given, or the collection's listing.
    pub fn named(&self) -> Vec<&Target> {
        match self {
            Subject::Targets(targets) => targets.iter().collect(),
            Subject::Collection(collection) => vec![&collection.listing],
        }
    }

    /// The subject in a few words, as a metrics file's `subject` label
    /// names it (CONTRACT §17): the service, then each target as tables
    /// name it, once (`batch nightly`, `<service> p/f1 p/f2`), or the
    /// collection's listing with its filters (`<service> p/* status:ERROR`).
    /// Two commands about different things never say the same.
    pub fn label(&self) -> String {
        let mut words: Vec<String> = Vec::new();
        match self {
            Subject::Targets(targets) => {
                let service = targets.first().map_or("", |t| t.service());
                words.push(service.to_owned());
                for target in targets {
                    let label = target.label();
                    if !words[1..].contains(&label) {
                        words.push(label);
                    }
                }
            }
            Subject::Collection(collection) => {
                words.push(collection.listing.service().to_owned());
                words.push(collection.listing.label());
                // No `=`, `,` or braces: simple parsers of the text format
                // split label values at them.
                if !collection.statuses.is_empty() {
                    words.push(format!("status:{}", collection.statuses.join("|")));
                }
                for (name, value) in &collection.filters {
                    words.push(format!("{name}:{value}"));
                }
            }
        }
        words.join(" ")
    }
}

/// Which items of a batch job to list (`--items`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Items {
    All,
    /// Those in this status, as the vendor spells it (`failed`).
    Status(String),
}

impl Items {
    /// From the flag's value: `all`, or an item status.
    pub fn from_flag(value: &str) -> Items {
        match value {
            "all" => Items::All,
            status => Items::Status(status.to_owned()),
        }
    }

    /// The status filter to send, if any.
    pub fn status(&self) -> Option<&str> {
        match self {
            Items::All => None,
            Items::Status(status) => Some(status),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static FILE: Service = Service {
        name: "x.file",
        vendor: Vendor::Llama,
        plural: "files",
        query_ids: &["token"],
        label: None,
    };

    #[test]
    fn target_json_uses_api_names_in_order() {
        let t = Target::new(
            &FILE,
            [("pipeline_id", "p".into()), ("file_id", "f".into())],
        );
        assert_eq!(
            serde_json::to_string(&t.to_json()).unwrap(),
            r#"{"pipeline_id":"p","file_id":"f"}"#
        );
        assert_eq!(t.label(), "p/f");
        assert_eq!((t.id("file_id"), t.id("nope")), ("f", ""));
    }

    #[test]
    fn labels_join_ids_with_slashes() {
        let all = Target::listing(&FILE, vec![("pipeline_id", "proj".into())]);
        assert_eq!(all.label(), "proj/*");
        assert_eq!(all.service(), "x.file");
        let scoped =
            Target::new(&FILE, [("job_id", "j".into())]).with("project_id", Some("p".into()));
        assert_eq!(scoped.to_json().to_string(), r#"{"job_id":"j"}"#);
        assert_ne!(scoped, Target::new(&FILE, [("job_id", "j".into())]));
    }

    #[test]
    fn a_subject_is_named_by_its_service_and_targets_once() {
        let file = |id: &str| {
            Target::new(
                &FILE,
                [("pipeline_id", "p".into()), ("file_id", id.to_owned())],
            )
        };
        let given = Subject::Targets(vec![file("a"), file("b"), file("a")]);
        assert_eq!(given.label(), "x.file p/a p/b");
        let collection = Subject::Collection(Collection {
            listing: Target::listing(&FILE, vec![("pipeline_id", "p".into())]),
            statuses: vec!["ERROR".into(), "SUCCESS".into()],
            filters: vec![("file_name_contains", "q 1".into())],
        });
        assert_eq!(
            collection.label(),
            "x.file p/* status:ERROR|SUCCESS file_name_contains:q 1"
        );
    }

    #[test]
    fn dot_segments_are_refused_but_query_values_are_not() {
        let dots = Target::new(&FILE, [("pipeline_id", "..".into())]);
        assert!(
            dots.check_path_params()
                .unwrap_err()
                .contains("step through the path")
        );
        let token = Target::new(&FILE, [("pipeline_id", "p".into()), ("token", "..".into())]);
        assert!(token.check_path_params().is_ok());
    }
}
