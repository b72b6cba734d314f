//! The one-way flow of STYLE.md, checked: no import cycle between the files
//! of `src/`.
//!
//! STYLE.md asks data to flow one way: args -> settings -> service request
//! -> snapshot -> watch -> renderer -> exit code. In terms of files, each
//! file uses only files below it, so a reader can place a file by what it
//! may touch. A cycle (a uses b and b uses a, directly or through others)
//! means neither can be read, tested or changed alone, and it is how the
//! flow starts running both ways: `watch` reaching back into `app` for a
//! print helper, `settings` and `http` each borrowing from the other.
//!
//! The check reads every file under `src/`, collects the paths it names
//! (`use crate::…`, `super::…`, `self::…`, inline `crate::a::b` paths, and
//! paths through the child modules it declares), resolves each to the file
//! that defines it, and fails naming the files of every cycle. Declaring a
//! child (`mod x;`) is structure, not use, so it is no edge; using
//! something of the child is. A parent that dispatches to its children
//! while they borrow helpers from it is a cycle too: put the helpers in a
//! file of their own, below both. Comments, strings and char literals are
//! skipped; nothing here needs a Rust parser, only paths.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// A source file: its module path (`["render", "json"]`; `[]` for lib.rs).
struct File {
    name: String,
    module: Vec<String>,
    code: String,
}

#[test]
fn no_import_cycle_between_source_files() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    assert!(files.len() > 10, "found too few files under {root:?}");
    let cycles = cycles(&files);
    assert!(
        cycles.is_empty(),
        "import cycles between source files (STYLE.md: data flows one way; \
         move what both sides need into a file below them):\n{}",
        cycles
            .iter()
            .map(|c| format!("  {}", c.join(" <-> ")))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn the_check_finds_cycles_it_should() {
    let file = |name: &str, code: &str| {
        let module = module_of(Path::new(name));
        File {
            name: name.to_owned(),
            module,
            code: strip(code),
        }
    };
    // A use tree with braces and `self`, two files apart.
    let direct = [
        file("lib.rs", "pub mod a; pub mod b;"),
        file("a.rs", "use crate::b::{self, X};"),
        file("b.rs", "fn f() { crate::a::g(); }"),
    ];
    assert_eq!(cycles(&direct), [["a.rs", "b.rs"]]);
    // A parent dispatching to a child that borrows from it.
    let parent = [
        file("s/mod.rs", "mod c;\nfn f() { c::run() }"),
        file("s/c.rs", "use super::helper;"),
    ];
    assert_eq!(cycles(&parent), [["s/c.rs", "s/mod.rs"]]);
    // `super` inside an inline test module is the file itself; comments
    // and strings name nothing.
    let fine = [
        file(
            "a.rs",
            "// use crate::b::X;\nconst S: &str = \"crate::b::Y\";\nmod tests { use super::*; }",
        ),
        file(
            "b.rs",
            "use crate::a::S; fn f(c: char) -> bool { c == '{' }",
        ),
    ];
    assert!(cycles(&fine).is_empty());
    // Three files around a ring.
    let ring = [
        file("a.rs", "use crate::b::X;"),
        file("b.rs", "use crate::c::Y;"),
        file("c.rs", "use crate::a::Z;"),
    ];
    assert_eq!(cycles(&ring), [["a.rs", "b.rs", "c.rs"]]);
}

fn collect(root: &Path, dir: &Path, files: &mut Vec<File>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("read {dir:?}: {e}"))
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(root, &path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let relative = path.strip_prefix(root).unwrap_or(&path);
            // main.rs is the binary: it uses the library by its name.
            if relative == Path::new("main.rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
            files.push(File {
                name: relative.display().to_string(),
                module: module_of(relative),
                code: strip(&text),
            });
        }
    }
}

/// `render/json.rs` -> `[render, json]`; `settings/mod.rs` -> `[settings]`.
fn module_of(relative: &Path) -> Vec<String> {
    let mut parts: Vec<String> = relative
        .with_extension("")
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    parts
}

/// The cycles of the file graph: each strongly connected set of more than
/// one file, its names sorted.
fn cycles(files: &[File]) -> Vec<Vec<String>> {
    let modules: BTreeMap<&[String], usize> = files
        .iter()
        .enumerate()
        .map(|(i, f)| (f.module.as_slice(), i))
        .collect();
    let edges: Vec<BTreeSet<usize>> = files
        .iter()
        .enumerate()
        .map(|(i, f)| {
            uses(f)
                .into_iter()
                .filter_map(|path| {
                    // The longest prefix of the path that is a file's module.
                    (0..=path.len())
                        .rev()
                        .find_map(|n| modules.get(&path[..n]).copied())
                })
                .filter(|&j| j != i)
                .collect()
        })
        .collect();
    let mut found: Vec<Vec<String>> = strongly_connected(&edges)
        .into_iter()
        .filter(|set| set.len() > 1)
        .map(|set| {
            let mut names: Vec<String> = set.iter().map(|&i| files[i].name.clone()).collect();
            names.sort();
            names
        })
        .collect();
    found.sort();
    found
}

/// Tarjan's algorithm, iterative over a small graph.
fn strongly_connected(edges: &[BTreeSet<usize>]) -> Vec<Vec<usize>> {
    struct State<'a> {
        edges: &'a [BTreeSet<usize>],
        index: Vec<Option<usize>>,
        low: Vec<usize>,
        on_stack: Vec<bool>,
        stack: Vec<usize>,
        next: usize,
        out: Vec<Vec<usize>>,
    }
    fn visit(s: &mut State<'_>, v: usize) {
        s.index[v] = Some(s.next);
        s.low[v] = s.next;
        s.next += 1;
        s.stack.push(v);
        s.on_stack[v] = true;
        for &w in s.edges[v].iter() {
            match s.index[w] {
                None => {
                    visit(s, w);
                    s.low[v] = s.low[v].min(s.low[w]);
                }
                Some(i) if s.on_stack[w] => s.low[v] = s.low[v].min(i),
                Some(_) => {}
            }
        }
        if Some(s.low[v]) == s.index[v] {
            let mut set = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack[w] = false;
                set.push(w);
                if w == v {
                    break;
                }
            }
            s.out.push(set);
        }
    }
    let n = edges.len();
    let mut s = State {
        edges,
        index: vec![None; n],
        low: vec![0; n],
        on_stack: vec![false; n],
        stack: Vec::new(),
        next: 0,
        out: Vec::new(),
    };
    for v in 0..n {
        if s.index[v].is_none() {
            visit(&mut s, v);
        }
    }
    s.out
}

/// The code without comments, strings and char literals (each string
/// becomes `""`, so nothing inside it looks like a path or a brace).
fn strip(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    while i < chars.len() {
        let c = chars[i];
        if c == '/' && at(i + 1) == '/' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && at(i + 1) == '*' {
            i += 2;
            while i < chars.len() && !(chars[i] == '*' && at(i + 1) == '/') {
                i += 1;
            }
            i += 2;
        } else if c == 'r'
            && (at(i + 1) == '"' || at(i + 1) == '#')
            && !is_ident(at(i.wrapping_sub(1)))
        {
            // A raw string: r"…", r#"…"#, with as many #s as it opened with.
            let mut j = i + 1;
            let mut hashes = 0;
            while at(j) == '#' {
                hashes += 1;
                j += 1;
            }
            if at(j) != '"' {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            loop {
                if j >= chars.len() {
                    break;
                }
                if chars[j] == '"' && (1..=hashes).all(|k| at(j + k) == '#') {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            out.push_str("\"\"");
            i = j;
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
        } else if c == '\'' && at(i + 1) == '\\' {
            // '\n', '\u{1b}': up to the closing quote.
            i += 2;
            while i < chars.len() && chars[i] != '\'' {
                i += 1;
            }
            i += 1;
            out.push_str("' '");
        } else if c == '\'' && at(i + 2) == '\'' {
            i += 3;
            out.push_str("' '");
        } else {
            // Anything else, a lifetime's quote included.
            out.push(c);
            i += 1;
        }
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

#[derive(Clone, Debug, PartialEq)]
enum Token {
    Ident(String),
    Path,
    Open,
    Close,
    Semi,
    Comma,
    Other(char),
}

fn tokens(code: &str) -> Vec<Token> {
    let chars: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if is_ident(c) {
            let start = i;
            while i < chars.len() && is_ident(chars[i]) {
                i += 1;
            }
            out.push(Token::Ident(chars[start..i].iter().collect()));
            continue;
        }
        out.push(match c {
            ':' if chars.get(i + 1) == Some(&':') => {
                i += 1;
                Token::Path
            }
            '{' => Token::Open,
            '}' => Token::Close,
            ';' => Token::Semi,
            ',' => Token::Comma,
            c if c.is_whitespace() => {
                i += 1;
                continue;
            }
            c => Token::Other(c),
        });
        i += 1;
    }
    out
}

/// Every path a file names that may lead into the crate, made absolute
/// (module segments from the crate root, then the item).
fn uses(file: &File) -> Vec<Vec<String>> {
    let tokens = tokens(&file.code);
    // Child modules declared in the file itself (`mod x;`), at top level.
    let mut children = BTreeSet::new();
    for w in tokens.windows(3) {
        if let [Token::Ident(m), Token::Ident(name), Token::Semi] = w {
            if m == "mod" {
                children.insert(name.clone());
            }
        }
    }
    let mut paths = Vec::new();
    // Inline modules (`mod tests {`): (name, brace depth inside it).
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0;
    let mut i = 0;
    while i < tokens.len() {
        let module: Vec<String> = file
            .module
            .iter()
            .cloned()
            .chain(inline.iter().map(|(name, _)| name.clone()))
            .collect();
        match &tokens[i] {
            Token::Open => depth += 1,
            Token::Close => {
                if inline.last().is_some_and(|(_, d)| *d == depth) {
                    inline.pop();
                }
                depth = depth.saturating_sub(1);
            }
            Token::Ident(m) if m == "mod" => {
                if let (Some(Token::Ident(name)), Some(Token::Open)) =
                    (tokens.get(i + 1), tokens.get(i + 2))
                {
                    inline.push((name.clone(), depth + 1));
                    depth += 1;
                    i += 3;
                    continue;
                }
            }
            Token::Ident(u) if u == "use" => {
                let end = tokens[i..]
                    .iter()
                    .position(|t| *t == Token::Semi)
                    .map_or(tokens.len(), |p| i + p);
                let mut tree = Vec::new();
                expand(&tokens[i + 1..end], Vec::new(), &mut tree);
                for path in tree {
                    paths.extend(absolute(&path, &module, inline.is_empty(), &children));
                }
                i = end + 1;
                continue;
            }
            Token::Ident(first) if tokens.get(i + 1) == Some(&Token::Path) => {
                // An inline path: ident (:: ident)*.
                let mut path = vec![first.clone()];
                let mut j = i + 1;
                while tokens.get(j) == Some(&Token::Path) {
                    match tokens.get(j + 1) {
                        Some(Token::Ident(next)) => path.push(next.clone()),
                        _ => break,
                    }
                    j += 2;
                }
                paths.extend(absolute(&path, &module, inline.is_empty(), &children));
                i = j;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    paths
}

/// Expand a use tree (`a::{b, c::{self, d}}`) into its paths.
fn expand(tokens: &[Token], prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
    let mut path = prefix.clone();
    let mut i = 0;
    while i < tokens.len() {
        match &tokens[i] {
            Token::Ident(name) if name == "self" && !prefix.is_empty() && path == prefix => {}
            Token::Ident(name) if name == "as" => {
                // `x as y`: the alias names nothing new.
                i += 2;
                continue;
            }
            Token::Ident(name) => path.push(name.clone()),
            Token::Other('*') | Token::Path => {}
            Token::Open => {
                // The group runs to its matching brace.
                let mut level = 0;
                let mut end = i;
                for (k, t) in tokens.iter().enumerate().skip(i) {
                    match t {
                        Token::Open => level += 1,
                        Token::Close => {
                            level -= 1;
                            if level == 0 {
                                end = k;
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                // Split the group at its top-level commas.
                let inner = &tokens[i + 1..end.max(i + 1)];
                let mut level = 0;
                let mut start = 0;
                for (k, t) in inner.iter().enumerate() {
                    match t {
                        Token::Open => level += 1,
                        Token::Close => level -= 1,
                        Token::Comma if level == 0 => {
                            expand(&inner[start..k], path.clone(), out);
                            start = k + 1;
                        }
                        _ => {}
                    }
                }
                expand(&inner[start..], path.clone(), out);
                return;
            }
            Token::Comma => {
                out.push(std::mem::replace(&mut path, prefix.clone()));
            }
            _ => {}
        }
        i += 1;
    }
    if !path.is_empty() {
        out.push(path);
    }
}

/// `path` as seen from `module`, from the crate root; None when it leads
/// outside the crate (std, a dependency, a local name).
fn absolute(
    path: &[String],
    module: &[String],
    top_level: bool,
    children: &BTreeSet<String>,
) -> Option<Vec<String>> {
    let first = path.first()?;
    let mut base: Vec<String> = match first.as_str() {
        "crate" => Vec::new(),
        "self" => module.to_vec(),
        "super" => {
            let mut base = module.to_vec();
            let mut rest = path;
            while rest.first().is_some_and(|s| s == "super") {
                base.pop()?;
                rest = &rest[1..];
            }
            base.extend(rest.iter().cloned());
            return Some(base);
        }
        name if top_level && children.contains(name) => {
            let mut base = module.to_vec();
            base.push(name.to_owned());
            base.extend(path[1..].iter().cloned());
            return Some(base);
        }
        _ => return None,
    };
    base.extend(path[1..].iter().cloned());
    Some(base)
}
