//! The one trait every API implements: everything the rest of pipewatch
//! needs to know of it, as data and pure functions. Services never do I/O:
//! the engine makes the requests an API names and hands the answers back.

use serde_json::Value;
use serde_json::value::RawValue;
use url::Url;

use super::command::{Command, Given, Refusal};
use super::page::{Cursor, Page};
use crate::model::target::Service;
use crate::model::{
    Classified, Collection, Items, SideRow, Snapshot, Subject, Target, TargetError,
};
use crate::settings::VendorSettings;

/// One API pipewatch waits on. Each is one file of `services/` and one
/// line of [`super::APIS`]; the CLI, the exporter's probes, the demo, the
/// man pages and completions all come from what it says here.
///
/// The first methods are what every API has. The last ones are
/// capabilities some have: a listing (`--all`), many targets asked in one
/// request, requests made beside a target's own or after it (depending on
/// its answer, with what the API kept of the previous one), a request
/// made once before polling, a job's items. Each is off unless the API says
/// otherwise, and the registry test checks that what an API's command
/// offers (`--all`, say) and what it can do agree.
pub trait Api: Sync {
    /// Its names: the envelope's `service`, its vendor, its plural.
    fn service(&self) -> &'static Service;

    /// Its status command: words, help and arguments.
    fn command(&self) -> &'static Command;

    /// What its arguments name, from the CLI, a probe's query or the demo
    /// alike; `settings` give the scope (`project_id`) the arguments left
    /// to the environment or the config.
    fn subject(&self, given: &Given, settings: &VendorSettings) -> Result<Ask, Refusal>;

    /// The request URL of one target under `base`.
    fn url(&self, target: &Target, base: &Url) -> Url;

    /// A 2xx body, classified into the model. `Err` names what is missing
    /// or malformed.
    fn classify(&self, target: &Target, body: &Value) -> Result<Classified, String>;

    /// The demo's sections for this API: what `pipewatch demo` runs.
    fn demo(&self) -> &'static [Demo];

    /// Field values that name one target, as a probe's query gives them:
    /// what the fuzz targets decode bodies for, and what the registry
    /// test probes.
    fn example(&self) -> &'static [(&'static str, &'static str)];

    /// Its listing, for `--all`.
    fn listing(&self) -> Option<&dyn Listing> {
        None
    }

    /// Many of its targets asked in one request, through its listing.
    fn together(&self) -> Option<&dyn Together> {
        None
    }

    /// Requests asked beside a target's own, each poll (a pipeline's file
    /// status counts, for its progress).
    fn beside(&self, _target: &Target, _base: &Url) -> Vec<Url> {
        Vec::new()
    }

    /// What the answers to [`Api::beside`]'s requests add to the target's
    /// snapshot (which has no error: an error decides alone). Each answer
    /// is its JSON body, or why there is none.
    fn with_beside(&self, _snapshot: &mut Snapshot, _answers: Vec<Result<Value, TargetError>>) {}

    /// Requests made after a target's own answer, which depend on it (a
    /// v2 batch's jobs, a failed compile's messages, a pipeline's
    /// statistics). `snapshot` is this poll's answer, classified and
    /// without error; `previous` the target's last answer without error
    /// in which the API kept something ([`Snapshot::kept`]: jobs already
    /// known to be over need no asking), if there was one in this run.
    fn after(&self, _snapshot: &Snapshot, _previous: Option<&Snapshot>, _base: &Url) -> Vec<Url> {
        Vec::new()
    }

    /// What the answers to [`Api::after`]'s requests, in their order, make
    /// of the snapshot: each is its JSON body, or the error its request
    /// ended with, which the API may make the target's own. Called after
    /// every answer without error, with no answers when there was nothing
    /// to ask, so that what the API keeps of a target carries over from
    /// `previous` (a goal fixed at the first answer).
    fn with_after(
        &self,
        _snapshot: &mut Snapshot,
        _previous: Option<&Snapshot>,
        _answers: Vec<Result<Value, TargetError>>,
    ) {
    }

    /// A request to make once before polling a target (a Feldera
    /// connector's completion token), if it needs one.
    fn prepare(&self, _target: &Target, _base: &Url) -> Option<Url> {
        None
    }

    /// The target once [`Api::prepare`]'s request answered `body`.
    fn prepared(&self, target: &Target, _body: &Value) -> Result<Target, String> {
        Ok(target.clone())
    }

    /// Its jobs' items (`--items`, and the failed ones a table shows).
    fn items(&self) -> Option<&dyn JobItems> {
        None
    }
}

/// What a status command asks: its subject, and what to show besides.
#[derive(Clone, Debug)]
pub struct Ask {
    pub subject: Subject,
    /// `--logs`: each target's logs after the table.
    pub logs: bool,
    /// `--items`: which items of each job to list.
    pub items: Option<Items>,
}

impl Ask {
    pub fn of(subject: Subject) -> Ask {
        Ask {
            subject,
            logs: false,
            items: None,
        }
    }
}

/// One section of `pipewatch demo`: a title and the command's words after
/// `pipewatch` (the demo adds `--watch` and its timing).
#[derive(Clone, Copy, Debug)]
pub struct Demo {
    pub title: &'static str,
    pub args: &'static [&'static str],
}

/// A listing: the pages of a collection and the targets on them.
pub trait Listing: Sync {
    /// The requests one poll makes, each a paged listing with these status
    /// filters ([`one_status_a_request`] or [`every_status_at_once`]). With
    /// `filtered` false (a watch following the items its first listing
    /// chose), no status filter.
    fn passes(&self, collection: &Collection, filtered: bool) -> Vec<Vec<String>>;

    /// The URL of one page, filtered by `statuses`.
    fn page_url(
        &self,
        collection: &Collection,
        statuses: &[String],
        base: &Url,
        cursor: &Cursor,
    ) -> Url;

    /// One page of the listing that started at `cursor`.
    fn read_page(&self, body: &[u8], cursor: &Cursor) -> Result<Page, String>;

    /// One listed item, as its raw JSON text: the target it is and what its
    /// listing entry says.
    fn listed(&self, listing: &Target, item: &RawValue) -> Result<(Target, Classified), String>;
}

/// Many targets, one request (CONTRACT §14): targets its listing can
/// filter by ID.
pub trait Together: Sync {
    /// The listing that answers for `target` with others like it; targets
    /// with the same one are asked together.
    fn listing_of(&self, target: &Target) -> Target;

    /// How many targets one request asks about.
    fn per_request(&self) -> usize;

    /// One page of `listing` filtered to these IDs.
    fn page_url(&self, listing: &Target, ids: &[&str], base: &Url, cursor: &Cursor) -> Url;

    /// The ID a target is listed under.
    fn listed_id<'t>(&self, target: &'t Target) -> &'t str;
}

/// A job's items, listed page by page.
pub trait JobItems: Sync {
    /// One page of at most `limit` items of `job` in `status` (None: every item).
    fn page_url(
        &self,
        job: &Target,
        base: &Url,
        status: Option<&str>,
        cursor: &Cursor,
        limit: u64,
    ) -> Url;

    fn read_page(&self, body: &[u8], cursor: &Cursor) -> Result<Page, String>;

    /// The columns of the side table that lists a job's items.
    fn columns(&self) -> &'static [&'static str];

    /// One item's row of that table, and whether the item failed.
    fn row(&self, item: &Value) -> SideRow;

    /// The Markdown summary's heading of failed items: `Failed batch items`.
    fn summary(&self) -> &'static str;
}

/// The passes of a listing that filters one status a request (Clarifeye,
/// the v2 jobs): one per status asked.
pub fn one_status_a_request(collection: &Collection, filtered: bool) -> Vec<Vec<String>> {
    if !filtered || collection.statuses.is_empty() {
        return vec![Vec::new()];
    }
    collection
        .statuses
        .iter()
        .map(|s| vec![s.clone()])
        .collect()
}

/// The passes of a listing that takes every status in one request.
pub fn every_status_at_once(collection: &Collection, filtered: bool) -> Vec<Vec<String>> {
    if !filtered || collection.statuses.is_empty() {
        return vec![Vec::new()];
    }
    vec![collection.statuses.clone()]
}
