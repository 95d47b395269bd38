//! No function over about 60 lines: a `fn` in `src/` (test code left out)
//! longer than [`MAX`] lines fails, unless it is in [`ALLOWED`] with a reason.

use std::path::Path;

/// The longest a function may be, counted from its `fn` line to its closing brace.
pub const MAX: usize = 60;

/// What is still over, as `("file relative to src", "fn name", "why")`.
pub const ALLOWED: &[(&str, &str, &str)] = &[];

/// A function: where it is, its name, how many lines it spans.
#[derive(Debug, Clone, PartialEq)]
pub struct Function {
    pub file: String,
    pub name: String,
    pub line: usize,
    pub lines: usize,
}

/// The code of a file with comments, strings and character literals blanked
/// (newlines kept), so braces can be counted.
fn blank(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let keep = |c: char| if c == '\n' { '\n' } else { ' ' };
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(keep(chars[i]));
                    i += 1;
                }
            }
        } else if (c == 'r' || c == 'b' && next == Some('r'))
            && !chars[..i]
                .last()
                .is_some_and(|p| p.is_alphanumeric() || *p == '_')
            && raw_start(&chars[i..]).is_some()
        {
            let (open, hashes) = raw_start(&chars[i..]).unwrap();
            for _ in 0..open {
                out.push(' ');
            }
            i += open;
            let close: Vec<char> = std::iter::once('"')
                .chain(std::iter::repeat_n('#', hashes))
                .collect();
            while i < chars.len() && !chars[i..].starts_with(&close) {
                out.push(keep(chars[i]));
                i += 1;
            }
            for _ in 0..close.len().min(chars.len() - i) {
                out.push(' ');
            }
            i += close.len();
        } else if c == '"' {
            out.push(' ');
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                let step = if chars[i] == '\\' { 2 } else { 1 };
                for k in 0..step {
                    if let Some(&ch) = chars.get(i + k) {
                        out.push(keep(ch));
                    }
                }
                i += step;
            }
            out.push(' ');
            i += 1;
        } else if c == '\'' && next == Some('\\') {
            // An escaped character literal: '\n', '\'', '\u{..}'.
            let end = chars[i + 2..]
                .iter()
                .position(|&x| x == '\'')
                .map_or(chars.len(), |p| i + 3 + p);
            let end = if chars.get(i + 2) == Some(&'\'') {
                i + 4
            } else {
                end
            };
            for _ in i..end.min(chars.len()) {
                out.push(' ');
            }
            i = end;
        } else if c == '\'' && chars.get(i + 2) == Some(&'\'') {
            out.push_str("   ");
            i += 3;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// At `r"`, `r#"`, `br"`…: how many characters open the string, and its hashes.
fn raw_start(chars: &[char]) -> Option<(usize, usize)> {
    let mut i = if chars.first() == Some(&'b') { 2 } else { 1 };
    let mut hashes = 0;
    while chars.get(i) == Some(&'#') {
        hashes += 1;
        i += 1;
    }
    (chars.get(i) == Some(&'"')).then_some((i + 1, hashes))
}

/// The name after `fn ` if this line declares a function.
fn fn_name(line: &str) -> Option<&str> {
    let mut rest = line.trim_start();
    for word in [
        "pub(crate) ",
        "pub(super) ",
        "pub ",
        "const ",
        "async ",
        "unsafe ",
        "extern \"C\" ",
    ] {
        rest = rest.strip_prefix(word).unwrap_or(rest);
    }
    let rest = rest.strip_prefix("fn ")?;
    let end = rest.find(|c: char| !(c.is_alphanumeric() || c == '_'))?;
    Some(&rest[..end])
}

/// Every function with a body in `text` (the file's code, tests left out).
pub fn functions(file: &str, text: &str) -> Vec<Function> {
    let code = blank(text);
    let lines: Vec<&str> = code.lines().collect();
    let mut out = Vec::new();
    for (start, line) in lines.iter().enumerate() {
        let Some(name) = fn_name(line) else { continue };
        // Find the body's opening brace (or a `;`: no body), then its match.
        let (mut depth, mut opened) = (0i32, false);
        'scan: for (n, l) in lines.iter().enumerate().skip(start) {
            for c in l.chars() {
                match c {
                    ';' if !opened && depth == 0 => break 'scan,
                    '{' => {
                        depth += 1;
                        opened = true;
                    }
                    '}' => depth -= 1,
                    _ => {}
                }
                if opened && depth == 0 {
                    out.push(Function {
                        file: file.to_string(),
                        name: name.to_string(),
                        line: start + 1,
                        lines: n - start + 1,
                    });
                    break 'scan;
                }
            }
        }
    }
    out
}

/// A file's text without its in-file test module.
fn without_tests(text: &str) -> &str {
    match text.find("#[cfg(test)]\nmod tests") {
        Some(i) => &text[..i],
        None => text,
    }
}

/// Whether the file at `rel` (relative to `src`) is a test module kept in a
/// file of its own: a `tests.rs` or a `*_tests.rs`, or any file under a
/// `tests/` or `*_tests/` directory.
pub fn is_test_file(rel: &Path) -> bool {
    rel.with_extension("").components().any(|c| {
        let name = c.as_os_str().to_string_lossy();
        name == "tests" || name.ends_with("_tests")
    })
}

/// Every function in `src` longer than [`MAX`] lines, test code left out.
pub fn long(src: &Path) -> Vec<Function> {
    let mut out = Vec::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs")
                && !is_test_file(path.strip_prefix(src).unwrap())
            {
                let text = std::fs::read_to_string(&path).unwrap();
                let rel = path
                    .strip_prefix(src)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                out.extend(
                    functions(&rel, without_tests(&text))
                        .into_iter()
                        .filter(|f| f.lines > MAX),
                );
            }
        }
    }
    out.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    out
}

/// The long functions not in `allowed`, and the allowlist entries that no
/// longer match a long function (so the list shrinks as work lands).
pub fn problems(src: &Path, allowed: &[(&str, &str, &str)]) -> Vec<String> {
    let found = long(src);
    let mut out: Vec<String> = found
        .iter()
        .filter(|f| {
            !allowed
                .iter()
                .any(|(file, name, _)| *file == f.file && *name == f.name)
        })
        .map(|f| {
            format!(
                "{}:{}: fn {} is {} lines (over {MAX})",
                f.file, f.line, f.name, f.lines
            )
        })
        .collect();
    for (file, name, _) in allowed {
        if !found.iter().any(|f| f.file == *file && f.name == *name) {
            out.push(format!(
                "{file}: fn {name} is allowed to be long but is not: remove it from ALLOWED"
            ));
        }
    }
    out
}
