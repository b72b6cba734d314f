//! README.md and the pages of docs/ hold together (CONTRACT §18): every
//! relative link between them (and to files of the repository) resolves,
//! `#anchors` included, by GitHub's rules for heading anchors, and README
//! links every page of docs/. README stays a page a newcomer reads to the
//! end: at most about 15 KB.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// README.md and docs/*.md, as paths relative to the repository.
fn pages() -> Vec<PathBuf> {
    let mut pages = vec![PathBuf::from("README.md")];
    let mut docs: Vec<PathBuf> = std::fs::read_dir(root().join("docs"))
        .expect("docs/")
        .map(|e| PathBuf::from("docs").join(e.unwrap().file_name()))
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    docs.sort();
    pages.extend(docs);
    pages
}

/// The lines of `text` outside fenced code blocks (``` or ~~~, of any
/// length: a fence closes only with one at least as long).
fn prose_lines(text: &str) -> Vec<&str> {
    let mut fence: Option<(char, usize)> = None;
    let mut lines = Vec::new();
    for line in text.lines() {
        let trimmed = line.trim_start();
        let marker = trimmed.chars().next().filter(|c| *c == '`' || *c == '~');
        let run = marker.map_or(0, |m| trimmed.chars().take_while(|c| *c == m).count());
        match (fence, marker) {
            (None, Some(m)) if run >= 3 => fence = Some((m, run)),
            (Some((m, n)), Some(c)) if c == m && run >= n && trimmed[run..].trim().is_empty() => {
                fence = None
            }
            (None, _) => lines.push(line),
            (Some(_), _) => {}
        }
    }
    lines
}

/// `line` without its inline code spans.
fn without_code(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(start) = rest.find('`') {
        out.push_str(&rest[..start]);
        let ticks = rest[start..].chars().take_while(|c| *c == '`').count();
        let after = &rest[start + ticks..];
        match after.find(&"`".repeat(ticks)) {
            Some(end) => rest = &after[end + ticks..],
            None => {
                out.push_str(&rest[start..]);
                return out;
            }
        }
    }
    out.push_str(rest);
    out
}

/// GitHub's anchor for a heading's text: lower-cased; letters, digits,
/// `-` and `_` kept, spaces made `-`, everything else (punctuation,
/// backticks, emoji) dropped; a repeated anchor gets `-1`, `-2`, ...
fn slug(heading: &str) -> String {
    // A link in a heading counts by its text.
    let mut text = String::new();
    let mut rest = heading;
    while let Some(open) = rest.find('[') {
        match rest[open..].find("](").zip(rest[open..].find(')')) {
            Some((mid, close)) if mid < close => {
                text.push_str(&rest[..open]);
                text.push_str(&rest[open + 1..open + mid]);
                rest = &rest[open + close + 1..];
            }
            _ => break,
        }
    }
    text.push_str(rest);
    text.trim()
        .chars()
        .flat_map(char::to_lowercase)
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// The anchors of a Markdown page's headings.
fn anchors(text: &str) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    for line in prose_lines(text) {
        let hashes = line.chars().take_while(|c| *c == '#').count();
        if !(1..=6).contains(&hashes) || !line[hashes..].starts_with(' ') {
            continue;
        }
        let heading = line[hashes..].trim().trim_end_matches('#').trim();
        let base = slug(heading);
        let mut anchor = base.clone();
        let mut n = 0;
        while seen.contains(&anchor) {
            n += 1;
            anchor = format!("{base}-{n}");
        }
        seen.insert(anchor);
    }
    seen
}

/// The targets of the inline links `[text](target)` and images of a page.
fn links(text: &str) -> Vec<String> {
    let mut targets = Vec::new();
    for line in prose_lines(text) {
        let line = without_code(line);
        for (at, _) in line.match_indices("](") {
            let rest = &line[at + 2..];
            let end = rest.find(')').unwrap_or(rest.len());
            // `[text](target "title")`
            let target = rest[..end].split_whitespace().next().unwrap_or_default();
            targets.push(target.to_owned());
        }
    }
    targets
}

/// `target` resolved from the folder of `page`, inside the repository.
fn resolve(page: &Path, target: &str) -> Option<PathBuf> {
    let mut path = page.parent().unwrap_or(Path::new("")).to_path_buf();
    for part in Path::new(target).components() {
        match part {
            Component::Normal(p) => path.push(p),
            Component::ParentDir => {
                if !path.pop() {
                    return None; // out of the repository
                }
            }
            Component::CurDir => {}
            _ => return None,
        }
    }
    Some(path)
}

fn read(page: &Path) -> String {
    std::fs::read_to_string(root().join(page)).unwrap_or_else(|e| panic!("{}: {e}", page.display()))
}

#[test]
fn every_relative_link_between_readme_and_docs_resolves() {
    let mut broken = Vec::new();
    let mut checked = 0;
    for page in pages() {
        let text = read(&page);
        for target in links(&text) {
            if target.starts_with("http://")
                || target.starts_with("https://")
                || target.starts_with("mailto:")
            {
                continue;
            }
            checked += 1;
            let (file, anchor) = match target.split_once('#') {
                Some((file, anchor)) => (file, Some(anchor)),
                None => (target.as_str(), None),
            };
            let file = if file.is_empty() {
                Some(page.clone())
            } else {
                resolve(&page, file)
            };
            let Some(file) = file.filter(|f| root().join(f).exists()) else {
                broken.push(format!("{}: {target}: no such file", page.display()));
                continue;
            };
            if let Some(anchor) = anchor {
                let is_md = file.extension().is_some_and(|e| e == "md");
                if !is_md || !anchors(&read(&file)).contains(anchor) {
                    broken.push(format!("{}: {target}: no such heading", page.display()));
                }
            }
        }
    }
    assert!(
        checked > 30,
        "only {checked} links found: is the parser blind?"
    );
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn readme_links_every_page_of_docs_and_stays_short() {
    let readme = read(Path::new("README.md"));
    let linked: BTreeSet<PathBuf> = links(&readme)
        .iter()
        .filter_map(|t| resolve(Path::new("README.md"), t.split('#').next().unwrap()))
        .collect();
    for page in pages().into_iter().skip(1) {
        assert!(
            linked.contains(&page),
            "README does not link {}",
            page.display()
        );
    }
    assert!(
        readme.len() <= 15 * 1024,
        "README.md is {} bytes: keep it to a page a newcomer reads (about 15 KB); move reference to docs/",
        readme.len()
    );
}

#[test]
fn anchors_follow_githubs_rules() {
    let page = "# Commands and states\n## The simulator and `demo`\n```sh\n# not a heading\n```\n\
                ## Cold `cargo test --locked`\n## `GET /probe`\n## Collections: everything in flight, not only the IDs\n\
                ## Output\n## Output\n### ❌ pipewatch: exit 1, a target failed (ERROR, failed)\n## [Exit codes](x.md)\n";
    let found = anchors(page);
    for anchor in [
        "commands-and-states",
        "the-simulator-and-demo",
        "cold-cargo-test---locked",
        "get-probe",
        "collections-everything-in-flight-not-only-the-ids",
        "output",
        "output-1",
        "-pipewatch-exit-1-a-target-failed-error-failed",
        "exit-codes",
    ] {
        assert!(found.contains(anchor), "{anchor} not in {found:?}");
    }
    assert!(!found.contains("not-a-heading"));
    // Links in code are not links; a longer fence holds a shorter one.
    let text = "see `[a](nowhere.md)` and [b](b.md)\n````md\n```\n[c](c.md)\n```\n````\n[d](d.md#x \"title\")\n";
    assert_eq!(links(text), ["b.md", "d.md#x"]);
}
