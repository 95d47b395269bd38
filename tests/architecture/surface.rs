//! The public surface: `src/lib.rs` exposes exactly [`SURFACE`] (`main` for
//! the binary, `testing` for the integration tests and the examples);
//! everything else is `pub(crate)`. And `testing` keeps its rule: harness
//! types and functions, no public fields, no module re-exported whole.

use std::path::Path;

/// What `lib.rs` exposes for good: `main` for the binary, `testing` for the tests.
pub const SURFACE: &[&str] = &["fn main", "mod testing"];

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

/// What is wrong with the surface of the crate at `root`: one line each.
pub fn problems(root: &Path, surface: &[&str]) -> Vec<String> {
    let lib = std::fs::read_to_string(root.join("src/lib.rs")).unwrap();
    let found = public(&lib);
    let mut out: Vec<String> = found
        .iter()
        .filter(|item| !surface.contains(&item.as_str()))
        .map(|item| {
            format!("src/lib.rs: `pub {item}` is not in the public surface: make it pub(crate)")
        })
        .collect();
    for item in surface {
        if !found.iter().any(|f| f == item) {
            out.push(format!("src/lib.rs: `pub {item}` is listed but not there"));
        }
    }
    out
}

/// The text of `src/testing.rs` and of each file of its own under
/// `src/testing/`, each with its path relative to the crate.
pub fn testing_files(root: &Path) -> Vec<(String, String)> {
    let mut out = vec![(
        "src/testing.rs".to_string(),
        std::fs::read_to_string(root.join("src/testing.rs")).unwrap(),
    )];
    let mut stack = vec![root.join("src/testing")];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                out.push((rel, std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    out.sort();
    out
}

/// The file `file` of `testing` (its text `text`) keeps the rule: no public
/// fields, no module re-exported whole.
pub fn testing_problems(file: &str, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let t = line.trim_start();
        let field = line.starts_with("    pub ")
            && t.strip_prefix("pub ")
                .and_then(|r| r.split_once(':'))
                .is_some_and(|(name, _)| name.chars().all(|c| c.is_alphanumeric() || c == '_'));
        let tuple_field = t.starts_with("pub struct") && t.contains("(pub ");
        if field || tuple_field {
            out.push(format!("{file}:{}: a public field", n + 1));
        }
        if t.starts_with("pub use") && (t.ends_with("::*;") || t.contains("::{self")) {
            out.push(format!("{file}:{}: a module re-exported whole", n + 1));
        }
    }
    out
}
