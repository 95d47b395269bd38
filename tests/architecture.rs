//! The map kept honest. Reads every `use crate::…`, `use super::…`, relative
//! `use child::…` and in-line `crate::…`/`super::…` path of `src/` (test
//! modules left out), and fails on an import circle between files and on an
//! import that goes up, or sideways, in the layer order below — the same
//! order as ARCHITECTURE.md.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The rooms from the bottom up. A room may import from rooms in earlier
/// layers only; rooms in the same layer do not import each other.
const LAYERS: &[&[&str]] = &[
    &["settings", "exit", "sanitize", "os"],
    &["i18n"],
    &["model"],
    &["layout"],
    &["load"],
    &["library"],
    &["render"],
    &["print", "export", "import"],
    &["follow"],
    &["screen"],
    &["config"],
    &["reader", "present", "review"],
    &["session"],
    &["serve"],
    &["cli"],
    &["commands"],
    &["testing"],
];

/// A module path (`["screen", "wire"]`) and the file that holds it.
type Modules = BTreeMap<Vec<String>, PathBuf>;

/// Every `.rs` file under `src` by its module path (`lib.rs` and `main.rs` are the roots).
fn modules(src: &Path) -> Modules {
    let mut out = Modules::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let rel = path.strip_prefix(src).unwrap().with_extension("");
            let segs: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            // The roots, and test modules kept in files of their own.
            if segs == ["lib"] || segs == ["main"] || lengths::is_test_file(&rel) {
                continue;
            }
            let segs = if segs.last().is_some_and(|s| s == "mod") {
                segs[..segs.len() - 1].to_vec()
            } else {
                segs
            };
            out.insert(segs, path);
        }
    }
    out
}

/// The code of a file without its test module and its comment lines.
fn code(text: &str) -> String {
    let body = match text.find("#[cfg(test)]\nmod tests") {
        Some(i) => &text[..i],
        None => text,
    };
    body.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `a::{b, c::{d, e as f}, self}` as whole paths.
fn expand(tree: &str) -> Vec<Vec<String>> {
    let tree = tree.trim();
    let Some(open) = tree.find('{') else {
        let path = tree.split(" as ").next().unwrap_or("").trim();
        let segs: Vec<String> = path.split("::").map(|s| s.trim().to_string()).collect();
        return vec![
            segs.into_iter()
                .filter(|s| s != "self" && s != "*")
                .collect(),
        ];
    };
    let prefix: Vec<String> = tree[..open]
        .trim_end_matches("::")
        .split("::")
        .filter(|s| !s.trim().is_empty())
        .map(|s| s.trim().to_string())
        .collect();
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    // Split the inside at top-level commas.
    let (mut depth, mut start, mut parts) = (0, 0, Vec::new());
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts
        .into_iter()
        .filter(|p| !p.trim().is_empty())
        .flat_map(expand)
        .map(|rest| prefix.iter().cloned().chain(rest).collect())
        .collect()
}

/// Every path a file's code names: its `use` trees, and `crate::…`/`super::…` in the code.
fn paths(code: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut rest_of_code = String::new();
    let mut text = code;
    while let Some(i) = find_use(text) {
        rest_of_code.push_str(&text[..i]);
        let after = &text[i..];
        let start = after.find("use ").unwrap() + 4;
        let end = after.find(';').unwrap_or(after.len());
        out.extend(expand(&after[start..end]));
        text = &after[end..];
    }
    rest_of_code.push_str(text);
    for anchor in ["crate::", "super::"] {
        let mut from = 0;
        while let Some(i) = rest_of_code[from..].find(anchor) {
            let at = from + i;
            from = at + anchor.len();
            let before = rest_of_code[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            let tail = &rest_of_code[at..];
            let len = tail
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .unwrap_or(tail.len());
            let segs: Vec<String> = tail[..len]
                .split("::")
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect();
            out.push(segs);
        }
    }
    out
}

/// Where the next `use` statement starts (at a line start, maybe after `pub…`).
fn find_use(text: &str) -> Option<usize> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let stripped = trimmed
            .strip_prefix("pub(crate) ")
            .or_else(|| trimmed.strip_prefix("pub(super) "))
            .or_else(|| trimmed.strip_prefix("pub "))
            .unwrap_or(trimmed);
        if stripped.starts_with("use ") {
            return Some(offset + (line.len() - trimmed.len()));
        }
        offset += line.len();
    }
    None
}

/// The file a path names, seen from module `here` (`None`: outside the crate, or the root).
fn resolve(modules: &Modules, here: &[String], path: &[String]) -> Option<PathBuf> {
    let mut abs: Vec<String> = match path.first().map(String::as_str) {
        Some("crate") => Vec::new(),
        Some("super") | Some("self") => here.to_vec(),
        Some(first) => {
            // A relative path names a child module, else another crate.
            let mut child = here.to_vec();
            child.push(first.to_string());
            if !modules.contains_key(&child) {
                return None;
            }
            here.to_vec()
        }
        None => return None,
    };
    let mut segs = path;
    if segs.first().is_some_and(|s| s == "crate") {
        segs = &segs[1..];
    }
    while segs.first().is_some_and(|s| s == "super" || s == "self") {
        if segs[0] == "super" {
            abs.pop();
        }
        segs = &segs[1..];
    }
    abs.extend(segs.iter().cloned());
    (1..=abs.len())
        .rev()
        .find_map(|n| modules.get(&abs[..n]).cloned())
}

/// Every import between files: (from, to).
fn edges(modules: &Modules) -> BTreeSet<(Vec<String>, Vec<String>)> {
    let by_file: BTreeMap<&PathBuf, &Vec<String>> = modules.iter().map(|(m, f)| (f, m)).collect();
    let mut out = BTreeSet::new();
    for (module, file) in modules {
        let text = std::fs::read_to_string(file).unwrap();
        for path in paths(&code(&text)) {
            if let Some(to) = resolve(modules, module, &path)
                && to != *file
            {
                out.insert((module.clone(), by_file[&to].clone()));
            }
        }
    }
    out
}

fn layer(room: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&room))
}

/// What is wrong with the imports of the crate at `src`: one line each.
fn problems(src: &Path) -> Vec<String> {
    let modules = modules(src);
    let edges = edges(&modules);
    let mut out = Vec::new();
    for m in modules.keys() {
        if layer(&m[0]).is_none() {
            out.push(format!("{} is in no layer", m.join("::")));
        }
    }
    for (from, to) in &edges {
        let (a, b) = (layer(&from[0]), layer(&to[0]));
        if from[0] != to[0] && a.is_some() && b.is_some() && b >= a {
            out.push(format!(
                "{} imports {}: up or sideways in the layer order",
                from.join("::"),
                to.join("::")
            ));
        }
    }
    out.extend(circles(&edges));
    out
}

/// Import circles between files. A module file may use its own children (it
/// declares them); every other edge counts.
fn circles(edges: &BTreeSet<(Vec<String>, Vec<String>)>) -> Vec<String> {
    let mut next: BTreeMap<&Vec<String>, Vec<&Vec<String>>> = BTreeMap::new();
    for (a, b) in edges {
        if !b.starts_with(a) {
            next.entry(a).or_default().push(b);
        }
    }
    let mut out = Vec::new();
    let mut reported: BTreeSet<Vec<&Vec<String>>> = BTreeSet::new();
    for start in next.keys() {
        // A path back to `start`, by breadth-first search.
        let mut came: BTreeMap<&Vec<String>, &Vec<String>> = BTreeMap::new();
        let mut queue = std::collections::VecDeque::from([*start]);
        while let Some(at) = queue.pop_front() {
            for &to in next.get(at).into_iter().flatten() {
                if to == *start {
                    let mut cycle = vec![at];
                    while let Some(&prev) = came.get(cycle.last().unwrap()) {
                        cycle.push(prev);
                    }
                    cycle.reverse();
                    let mut key = cycle.clone();
                    key.sort();
                    if reported.insert(key) {
                        let names: Vec<String> = cycle.iter().map(|m| m.join("::")).collect();
                        out.push(format!(
                            "import circle: {} -> {}",
                            names.join(" -> "),
                            start.join("::")
                        ));
                    }
                    queue.clear();
                    break;
                }
                if to != *start && !came.contains_key(to) {
                    came.insert(to, at);
                    queue.push_back(to);
                }
            }
        }
    }
    out
}

#[test]
fn the_source_keeps_the_map() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    // The checker reads the imports (a checker that reads nothing passes).
    let seen = edges(&modules(&src));
    assert!(seen.len() > 100, "only {} imports seen", seen.len());
    let reader_uses_toolkit = (
        vec!["reader".into(), "view".into()],
        vec!["screen".into(), "paint".into()],
    );
    assert!(seen.contains(&reader_uses_toolkit));
    let found = problems(&src);
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// A tiny crate on disk: each `(path, text)` under `src/`.
fn fake(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let path = dir.path().join("src").join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

#[test]
fn the_checker_sees_circles_and_upward_imports() {
    let good = fake(&[
        ("lib.rs", "pub mod model;\npub mod screen;\n"),
        ("model.rs", "pub mod period;\npub use period::Period;\n"),
        ("model/period.rs", "use super::other;\n"),
        (
            "screen.rs",
            "pub mod run;\nuse crate::{model::{Period, period}, i18n::t};\n",
        ),
        ("screen/run.rs", "fn f() { crate::model::period::x(); }\n"),
    ]);
    let found = problems(&good.path().join("src"));
    assert!(found.is_empty(), "{found:?}");

    let upward = fake(&[
        ("lib.rs", ""),
        ("model.rs", "use crate::screen::run::Mode;\n"),
        ("screen.rs", "pub mod run;\n"),
        ("screen/run.rs", ""),
    ]);
    let found = problems(&upward.path().join("src"));
    assert_eq!(
        found,
        ["model imports screen::run: up or sideways in the layer order"]
    );

    let sideways = fake(&[
        ("lib.rs", ""),
        (
            "reader.rs",
            "fn f() { let _ = crate::present::Slides::new(); }\n",
        ),
        ("present.rs", ""),
    ]);
    let found = problems(&sideways.path().join("src"));
    assert_eq!(
        found,
        ["reader imports present: up or sideways in the layer order"]
    );

    let circle = fake(&[
        ("lib.rs", ""),
        ("reader.rs", "pub mod state;\npub mod view;\n"),
        ("reader/state.rs", "use super::view::draw;\n"),
        ("reader/view.rs", "use crate::reader::{state::App};\n"),
        ("nowhere.rs", ""),
    ]);
    let found = problems(&circle.path().join("src"));
    assert_eq!(
        found,
        [
            "nowhere is in no layer",
            "import circle: reader::state -> reader::view -> reader::state"
        ]
    );
    // Test modules may reach anywhere.
    let tests = fake(&[
        ("lib.rs", ""),
        (
            "model.rs",
            "fn f() {}\n\n#[cfg(test)]\nmod tests {\n    use crate::screen::run;\n}\n",
        ),
        ("screen.rs", ""),
        ("screen/tests.rs", "mod wire;\n"),
        ("screen/tests/wire.rs", "use crate::reader::state::App;\n"),
        (
            "reader.rs",
            "pub mod state;\n#[cfg(test)]\nmod keyed_tests;\n",
        ),
        ("reader/state.rs", ""),
        ("reader/keyed_tests.rs", "use crate::review::Review;\n"),
    ]);
    assert!(problems(&tests.path().join("src")).is_empty());
    // ... but a file named like a test inside one is no test.
    let named = fake(&[
        ("lib.rs", ""),
        ("model.rs", "pub mod tests_of;\n"),
        ("model/tests_of.rs", "use crate::screen::run;\n"),
        ("screen.rs", ""),
    ]);
    assert_eq!(
        problems(&named.path().join("src")),
        ["model::tests_of imports screen: up or sideways in the layer order"]
    );
}

#[path = "architecture/lengths.rs"]
mod lengths;

#[test]
fn no_function_is_long() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    // The checker reads the functions (a checker that reads nothing passes).
    let text = std::fs::read_to_string(src.join("screen/wire/band.rs")).unwrap();
    let seen = lengths::functions("screen/wire/band.rs", &text);
    assert!(
        seen.iter().any(|f| f.name == "find" && f.lines > 10),
        "{seen:?}"
    );
    let found = lengths::problems(&src, lengths::ALLOWED);
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_length_checker_sees_a_long_function() {
    let body = |n: usize| {
        (0..n)
            .map(|k| format!("    let _x{k} = {k};\n"))
            .collect::<String>()
    };
    // 58 lines of body: 60 with the `fn` line and the closing brace.
    let ok = format!("pub(crate) fn short() {{\n{}}}\n", body(58));
    let long = format!(
        "/// Braces in text do not count: \"{{\" '}}'\nfn long(a: &str) -> bool {{\n    let s = \"}}}}\";\n    let r = r#\"}}\"#;\n    let c = '}}';\n    // }} in a comment\n{}    a == s\n}}\n\nfn after() {{}}\n",
        body(56)
    );
    let tests = format!(
        "fn f() {{}}\n\n#[cfg(test)]\nmod tests {{\n    fn in_tests() {{\n{}    }}\n}}\n",
        body(80)
    );
    let tree = fake(&[
        ("lib.rs", ok.as_str()),
        ("screen.rs", long.as_str()),
        ("model.rs", tests.as_str()),
    ]);
    let src = tree.path().join("src");
    let found = lengths::functions("screen.rs", &long);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!((found[0].name.as_str(), found[0].lines), ("long", 63));
    assert_eq!(
        lengths::problems(&src, &[]),
        ["screen.rs:2: fn long is 63 lines (over 60)"]
    );
    assert!(lengths::problems(&src, &[("screen.rs", "long", "a reason")]).is_empty());
    assert_eq!(
        lengths::problems(
            &src,
            &[("screen.rs", "long", "r"), ("lib.rs", "short", "r")]
        ),
        ["lib.rs: fn short is allowed to be long but is not: remove it from ALLOWED"]
    );
}

#[path = "architecture/surface.rs"]
mod surface;

#[test]
fn lib_exposes_only_the_public_surface() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let found = surface::problems(root, surface::SURFACE);
    assert!(found.is_empty(), "{}", found.join("\n"));
    let files = surface::testing_files(root);
    // The checker reads the harness (a checker that reads nothing passes).
    assert!(
        files.iter().any(|(f, _)| f == "src/testing/follow.rs"),
        "{files:?}"
    );
    let found: Vec<String> = files
        .iter()
        .flat_map(|(file, text)| surface::testing_problems(file, text))
        .collect();
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_surface_checker_sees_a_public_module() {
    let lib = "//! doc\n#![warn(unreachable_pub)]\npub mod testing;\npub(crate) mod model;\npub mod reader;\npub fn main() -> u8 {\n    0\n}\n";
    let tree = fake(&[("lib.rs", lib)]);
    assert_eq!(
        surface::public(lib),
        ["mod testing", "mod reader", "fn main"]
    );
    assert_eq!(
        surface::problems(tree.path(), surface::SURFACE),
        ["src/lib.rs: `pub mod reader` is not in the public surface: make it pub(crate)"]
    );
    let bare = fake(&[("lib.rs", "pub mod testing;\n")]);
    assert_eq!(
        surface::problems(bare.path(), surface::SURFACE),
        ["src/lib.rs: `pub fn main` is listed but not there"]
    );
    let testing = "pub struct Reader {\n    pub app: App,\n}\npub struct S(pub u8);\npub use crate::model::*;\npub use crate::settings::Lang;\n";
    assert_eq!(
        surface::testing_problems("src/testing/x.rs", testing),
        [
            "src/testing/x.rs:2: a public field",
            "src/testing/x.rs:4: a public field",
            "src/testing/x.rs:5: a module re-exported whole"
        ]
    );
}
