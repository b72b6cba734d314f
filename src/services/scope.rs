//! LlamaCloud's scope: the `organization_id` and `project_id` query values
//! that choose whose jobs a request asks about (`--organization-id`,
//! `--project-id`, else the config). A single target carries them as
//! options, a listing as its IDs (its label and envelope name them).

use super::command::{Arg, Scope};
use crate::model::Target;
use crate::settings::VendorSettings;

const NAMES: [&str; 2] = ["organization_id", "project_id"];

/// `--organization-id` and `--project-id`, as batch and the v2 commands take them.
pub const ARGS: [Arg; 2] = [
    Arg::value("organization_id", "organization_id")
        .value_name("ID")
        .help("Organization ID (default: config llama.organization_id)")
        .scope(Scope::Organization),
    Arg::value("project_id", "project_id")
        .value_name("ID")
        .help("Project ID (default: config llama.project_id)")
        .scope(Scope::Project),
];

/// The scope the settings resolved, as (name, value) pairs, given ones only.
pub fn of(settings: &VendorSettings) -> Vec<(&'static str, String)> {
    NAMES
        .into_iter()
        .zip([&settings.organization_id, &settings.project_id])
        .filter_map(|(name, value)| Some((name, value.clone()?)))
        .collect()
}

/// `target` scoped as the settings say: its options.
pub fn scoped(target: Target, settings: &VendorSettings) -> Target {
    target
        .with("organization_id", settings.organization_id.clone())
        .with("project_id", settings.project_id.clone())
}

/// The value of the scope `name` for `target`: a single target's option,
/// or a listing's ID.
fn value<'t>(target: &'t Target, name: &str) -> Option<&'t str> {
    target
        .option(name)
        .or_else(|| Some(target.id(name)).filter(|v| !v.is_empty()))
}

/// The query pairs that scope a request for `target`.
pub fn pairs(target: &Target) -> impl Iterator<Item = (&str, &str)> {
    NAMES
        .into_iter()
        .filter_map(move |name| Some((name, value(target, name)?)))
}

/// The scope of `target`, owned: what a listing of it, or an item listed
/// under it, carries.
pub fn owned(target: &Target) -> Vec<(&'static str, String)> {
    NAMES
        .into_iter()
        .filter_map(|name| Some((name, value(target, name)?.to_owned())))
        .collect()
}

/// `item` scoped as `listing` is: an item listed under it.
pub fn listed_under(item: Target, listing: &Target) -> Target {
    owned(listing)
        .into_iter()
        .fold(item, |item, (name, value)| item.with(name, Some(value)))
}
