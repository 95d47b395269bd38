//! The public surface: `src/lib.rs` exposes [`SURFACE`] and, for now, the
//! modules in [`STILL_PUBLIC`]; everything else is `pub(crate)`. A module
//! leaves `STILL_PUBLIC` when no integration test or example names it.

use std::path::Path;

/// What `lib.rs` exposes for good: `main` for the binary, `testing` for the tests.
pub const SURFACE: &[&str] = &["fn main", "mod testing"];

/// Modules still public because integration tests or examples reach into
/// them, with what does: each goes when those move to `briefing::testing`
/// or into `src/` as unit tests.
pub const STILL_PUBLIC: &[(&str, &str)] = &[
    (
        "mod follow",
        "tests/follow*.rs: the protocol, Publisher and Subscriber",
    ),
    (
        "mod import",
        "tests/import*.rs: the draft of import_text as a model",
    ),
    (
        "mod layout",
        "tests/wrap_props.rs, wide.rs, reader_keys.rs: wrapping and widths",
    ),
    (
        "mod library",
        "tests/library.rs: a group of periods for the reader",
    ),
    (
        "mod load",
        "tests/common, import.rs, sizes.rs …: loading into the model",
    ),
    (
        "mod model",
        "tests/import.rs, library.rs, sizes.rs, examples/big_section.rs",
    ),
    (
        "mod present",
        "tests/common, slides.rs, presenter.rs, follow.rs, wide.rs: Presenter's fields",
    ),
    (
        "mod reader",
        "tests/common, reader_keys.rs, library.rs, sizes.rs, examples/big_section.rs",
    ),
    (
        "mod screen",
        "tests/common, wire.rs, presenter.rs, reader_keys.rs: Mode, the wire backend, key tables",
    ),
];

/// The public items of a `lib.rs`: `mod x`, `fn x`, `use …`, `struct x` … as
/// `"kind name"`, from the lines that start with `pub ` (not `pub(…)`).
pub fn public(lib: &str) -> Vec<String> {
    lib.lines()
        .filter_map(|l| l.strip_prefix("pub "))
        .map(|rest| {
            let mut words = rest.split_whitespace();
            let kind = words.next().unwrap_or("");
            let name = words.next().unwrap_or("");
            let name = name
                .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':' || c == '*'))
                .next()
                .unwrap_or("");
            format!("{kind} {name}")
        })
        .collect()
}

/// Whether `text` (a test or an example) names `briefing::<module>`.
fn names(text: &str, module: &str) -> bool {
    text.contains(&format!("briefing::{module}::"))
        || text.contains(&format!("briefing::{module};"))
        || text.contains(&format!("briefing::{{{module}"))
}

/// What is wrong with the surface of the crate at `root`: one line each.
pub fn problems(root: &Path, surface: &[&str], still: &[(&str, &str)]) -> Vec<String> {
    let lib = std::fs::read_to_string(root.join("src/lib.rs")).unwrap();
    let found = public(&lib);
    let allowed = |item: &str| surface.contains(&item) || still.iter().any(|(s, _)| *s == item);
    let mut out: Vec<String> = found
        .iter()
        .filter(|item| !allowed(item))
        .map(|item| {
            format!("src/lib.rs: `pub {item}` is not in the public surface: make it pub(crate)")
        })
        .collect();
    for item in surface.iter().chain(still.iter().map(|(s, _)| s)) {
        if !found.iter().any(|f| f == item) {
            out.push(format!("src/lib.rs: `pub {item}` is listed but not there"));
        }
    }
    let users = users(root);
    for (item, _) in still {
        let module = item.trim_start_matches("mod ");
        if !users.iter().any(|text| names(text, module)) {
            out.push(format!(
                "`{item}` is public but no test or example names it: make it pub(crate)"
            ));
        }
    }
    out
}

/// The text of every `.rs` file under `tests/` and `examples/`.
fn users(root: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![root.join("tests"), root.join("examples")];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs")
                // This checker names every module in its list.
                && !path.ends_with("architecture/surface.rs")
            {
                out.push(std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    out
}

/// The file `testing.rs` keeps its rule: no public fields, no module re-exported whole.
pub fn testing_problems(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let t = line.trim_start();
        let field = line.starts_with("    pub ")
            && t.strip_prefix("pub ")
                .and_then(|r| r.split_once(':'))
                .is_some_and(|(name, _)| name.chars().all(|c| c.is_alphanumeric() || c == '_'));
        let tuple_field = t.starts_with("pub struct") && t.contains("(pub ");
        if field || tuple_field {
            out.push(format!("src/testing.rs:{}: a public field", n + 1));
        }
        if t.starts_with("pub use") && (t.ends_with("::*;") || t.contains("::{self")) {
            out.push(format!(
                "src/testing.rs:{}: a module re-exported whole",
                n + 1
            ));
        }
    }
    out
}
