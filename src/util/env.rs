//! The environment as a function, so code that reads variables can be
//! tested without touching the process's. A leaf module.

/// The environment: a variable's value, or None when unset.
pub type Env<'a> = &'a dyn Fn(&str) -> Option<String>;

/// The process environment; an empty variable counts as unset.
pub fn process_env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}
