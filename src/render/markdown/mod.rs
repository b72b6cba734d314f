//! The Markdown report `--summary` appends (CONTRACT §11): what ran, how it
//! ended, a table target / state / status / progress / details, then what
//! failed in detail: Clarifeye steps, LlamaCloud errors, the failed rows of
//! side tables (batch items, a v2 batch's files).
//!
//! Text from servers and from the command line is sanitized, then escaped
//! by [`escape`] for Markdown and for HTML, which GitHub renders in step
//! summaries: it can neither break a table nor become markup. Escaped text
//! never starts a line (it sits in a cell or after a word of ours), so no
//! block syntax (`#`, `>`, `-`, `1.`) can take hold either.

use std::time::SystemTime;

use super::json::timestamp;
use super::table::{MAX_ROWS, counts, progress};
use crate::model::{EXIT_CODES, ExitCode, SideTable, Snapshot, State};
use crate::util::sanitize::sanitize;

/// At most this many rows per table: GitHub refuses a step summary over
/// 1 MiB, and a reader wants the first failures, not ten thousand.
pub const MAX_TABLE_ROWS: usize = 200;

/// GitHub refuses a step summary over 1 MiB: a report never passes this,
/// whatever the servers said (CONTRACT §12).
pub const MAX_REPORT_BYTES: usize = 1024 * 1024;
/// A cell's text is cut here, with `…`: a 20 KB error message says what it
/// says in its first lines, and 200 rows of them would pass the limit.
pub const MAX_CELL_CHARS: usize = 300;

/// What is known of a run besides its snapshots.
#[derive(Clone, Copy, Debug)]
pub struct Facts<'a> {
    /// The command line, quoted and masked (see `app`).
    pub command: &'a str,
    pub code: ExitCode,
    pub finished_at: SystemTime,
    /// What stopped the run, when something did: a config error before any
    /// target was queried, stdout that could not be written.
    pub error: Option<&'a str>,
}

/// The whole report, ending in a newline.
pub fn summary(facts: &Facts<'_>, snapshots: &[Snapshot]) -> String {
    let code = facts.code;
    let meaning = EXIT_CODES
        .iter()
        .find(|(c, _)| *c == code)
        .map_or("", |(_, meaning)| meaning);
    let mut out = format!(
        "### {} pipewatch: exit {}, {}\n\n",
        icon(code),
        code.code(),
        escape(meaning)
    );
    out.push_str(&code_block(&sanitize(facts.command)));
    let what = match (snapshots.is_empty(), facts.error.is_some()) {
        (false, _) => counts(snapshots),
        (true, true) => "No results".to_owned(),
        (true, false) => "Nothing to wait for: no targets".to_owned(),
    };
    out.push_str(&format!(
        "\n{what} · finished {}\n",
        timestamp(facts.finished_at)
    ));
    if let Some(error) = facts.error {
        out.push_str(&format!("\n**Error:** {}\n", text(error)));
    }
    let shown: Vec<&Snapshot> = if snapshots.len() > MAX_ROWS {
        let shown: Vec<&Snapshot> = snapshots.iter().filter(|s| !succeeded(s)).collect();
        if !shown.is_empty() {
            out.push_str(&format!(
                "\nOnly the {} that did not succeed are listed; `--json` lists every one.\n",
                shown.len()
            ));
        }
        shown
    } else {
        snapshots.iter().collect()
    };
    if !shown.is_empty() {
        out.push_str(&targets(&shown));
    }
    if let Some(steps) = failed_steps(&shown) {
        out.push_str(&steps);
    }
    if let Some(errors) = llama_errors(&shown) {
        out.push_str(&errors);
    }
    if let Some(rows) = failed_rows(&shown) {
        out.push_str(&rows);
    }
    within_limit(out)
}

/// The report as it is when it fits [`MAX_REPORT_BYTES`]; else cut at the
/// last whole line that leaves room for a last one saying what was left out.
fn within_limit(mut out: String) -> String {
    if out.len() <= MAX_REPORT_BYTES {
        return out;
    }
    // Room for the last line, whatever its numbers.
    let room = MAX_REPORT_BYTES - 200;
    let mut cut = room;
    while !out.is_char_boundary(cut) {
        cut -= 1;
    }
    let cut = out[..cut].rfind('\n').map_or(0, |at| at + 1);
    let left_out = out[cut..].lines().count();
    out.truncate(cut);
    out.push_str(&format!(
        "\n…the report stops here at GitHub's 1 MiB limit: {left_out} more lines left out; \
         `--json` has every one.\n"
    ));
    out
}

/// Escape one line of text for a Markdown table cell that GitHub also reads
/// as HTML: `&`, `<` and `>` become entities (so `<script>` is text), the
/// characters Markdown gives a meaning to get a backslash (`|` would end a
/// cell, backticks open code, `*` `_` `~` emphasis, `[` `]` links, `#` a
/// heading, `$` maths, `\` an escape), and line breaks become spaces.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\n' | '\r' => out.push(' '),
            '\\' | '`' | '*' | '_' | '~' | '[' | ']' | '|' | '#' | '$' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// Untrusted text, sanitized, cut at [`MAX_CELL_CHARS`] with `…`, and
/// escaped (after the cut, so no escape is cut in two).
fn text(raw: &str) -> String {
    let clean = sanitize(raw);
    match clean.char_indices().nth(MAX_CELL_CHARS) {
        Some((at, _)) => escape(&format!("{}…", &clean[..at])),
        None => escape(&clean),
    }
}

/// ✅ all good, ⚠️ not a failure but not done (partial, not finished,
/// timed out, interrupted), ❌ the rest.
fn icon(code: ExitCode) -> &'static str {
    match code {
        ExitCode::Success => "✅",
        ExitCode::Partial
        | ExitCode::NotFinished
        | ExitCode::WatchTimeout
        | ExitCode::Interrupted
        | ExitCode::Terminated
        | ExitCode::HungUp
        | ExitCode::StdoutClosed => "⚠️",
        _ => "❌",
    }
}

/// A fenced code block that its content cannot close: the fence is longer
/// than any run of backticks inside. Nothing in a code block is markup.
fn code_block(content: &str) -> String {
    let mut longest = 0;
    let mut run = 0;
    for c in content.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat((longest + 1).max(3));
    format!("{fence}sh\n{content}\n{fence}\n")
}

fn succeeded(s: &Snapshot) -> bool {
    s.error.is_none() && s.state == State::Succeeded
}

/// A section: a heading, then a table of escaped cells, cut at
/// [`MAX_TABLE_ROWS`] with a line saying how many more there are.
fn section(heading: Option<&str>, header: &[&str], rows: Vec<Vec<String>>) -> String {
    let mut out = String::from("\n");
    if let Some(heading) = heading {
        out.push_str(&format!("#### {heading}\n\n"));
    }
    out.push_str(&format!("| {} |\n", header.join(" | ")));
    out.push_str(&format!("|{}\n", "---|".repeat(header.len())));
    let total = rows.len();
    for row in rows.into_iter().take(MAX_TABLE_ROWS) {
        out.push_str(&format!("| {} |\n", row.join(" | ")));
    }
    if total > MAX_TABLE_ROWS {
        out.push_str(&format!(
            "\n…and {} more rows; `--json` has every one.\n",
            total - MAX_TABLE_ROWS
        ));
    }
    out
}

/// One row per target; an error shows its kind as the state, `HTTP <code>`
/// as the status and the message as details, as the table on stdout does.
fn targets(shown: &[&Snapshot]) -> String {
    let rows = shown
        .iter()
        .map(|s| {
            let (state, status, details) = match &s.error {
                Some(e) => (
                    e.kind.as_str().to_owned(),
                    e.http_status
                        .map_or_else(|| "-".to_owned(), |c| format!("HTTP {c}")),
                    text(&e.message),
                ),
                None => (
                    s.state.as_str().to_owned(),
                    s.status.as_deref().map_or_else(|| "-".to_owned(), text),
                    text(&s.details),
                ),
            };
            vec![
                text(&s.target.label()),
                state,
                status,
                s.progress.as_ref().map_or_else(|| "-".to_owned(), progress),
                details,
            ]
        })
        .collect();
    section(
        None,
        &["Target", "State", "Status", "Progress", "Details"],
        rows,
    )
}

/// The steps of Clarifeye runs that failed.
fn failed_steps(shown: &[&Snapshot]) -> Option<String> {
    let rows: Vec<Vec<String>> = shown
        .iter()
        .flat_map(|s| {
            s.steps
                .iter()
                .filter(|step| step.status == "failed")
                .map(|step| {
                    vec![
                        text(&s.target.label()),
                        text(&step.name),
                        text(&step.step),
                        step.warnings.as_deref().map_or_else(String::new, text),
                    ]
                })
        })
        .collect();
    (!rows.is_empty()).then(|| {
        section(
            Some("Failed Clarifeye steps"),
            &["Run", "Step", "Type", "Warnings"],
            rows,
        )
    })
}

/// The errors LlamaCloud reported, of every target.
fn llama_errors(shown: &[&Snapshot]) -> Option<String> {
    let rows: Vec<Vec<String>> = shown
        .iter()
        .flat_map(|s| {
            s.errors.iter().map(|e| {
                vec![
                    text(&s.target.label()),
                    text(&e.job_id),
                    text(&e.step),
                    text(&e.message),
                ]
            })
        })
        .collect();
    (!rows.is_empty()).then(|| {
        section(
            Some("LlamaCloud errors"),
            &["Target", "Job", "Step", "Message"],
            rows,
        )
    })
}

/// The failed rows of the targets' side tables (a batch job's items, a v2
/// batch's files), one section per kind of table, in the order first met.
fn failed_rows(shown: &[&Snapshot]) -> Option<String> {
    let mut sections: Vec<Section<'_>> = Vec::new();
    for s in shown {
        let label = text(&s.target.label());
        for table in s.attachments.iter().filter_map(|a| a.table.as_ref()) {
            let at = match sections
                .iter()
                .position(|x| x.table.summary == table.summary)
            {
                Some(at) => at,
                None => {
                    sections.push(Section {
                        table,
                        rows: Vec::new(),
                        more: Vec::new(),
                    });
                    sections.len() - 1
                }
            };
            let Section { rows, more, .. } = &mut sections[at];
            for row in table.rows.iter().filter(|row| row.failed) {
                let mut cells = vec![label.clone()];
                cells.extend(row.cells.iter().map(|cell| text(cell)));
                rows.push(cells);
            }
            if table.more > 0 && table.all_failed() {
                let every = table
                    .every
                    .as_deref()
                    .map_or_else(String::new, |e| format!("; `{}` lists every one", text(e)));
                more.push(format!(
                    "…and {} more {} of {label}{every}.\n",
                    table.more,
                    text(&table.what)
                ));
            }
        }
    }
    let mut out = String::new();
    for Section { table, rows, more } in sections {
        if rows.is_empty() {
            continue;
        }
        let header: Vec<String> = std::iter::once("Target".to_owned())
            .chain(table.columns.iter().map(|c| title_case(c)))
            .collect();
        let header: Vec<&str> = header.iter().map(String::as_str).collect();
        out.push_str(&section(Some(table.summary), &header, rows));
        for line in more {
            out.push('\n');
            out.push_str(&line);
        }
    }
    (!out.is_empty()).then_some(out)
}

/// One section of [`failed_rows`]: the first table of its kind, the
/// failed rows of every table of that kind, and how many more each had.
struct Section<'a> {
    table: &'a SideTable,
    rows: Vec<Vec<String>>,
    more: Vec<String>,
}

/// `MESSAGE` as a Markdown heading says it: `Message`.
fn title_case(column: &str) -> String {
    let lower = column.to_lowercase();
    let mut chars = lower.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

#[cfg(test)]
mod tests;
