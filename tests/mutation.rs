//! Mutated briefings never panic: the bundled and fixture briefings, with
//! byte flips, line endings changed (CRLF, lone CR), a BOM, NUL, lines
//! deleted and duplicated, huge and tiny numbers, deep nesting and long
//! lines, go through loading, the rendering of `check`'s report, `print` at
//! widths from 1 to 200 and the first frames of the reader and the slides.
//!
//! `cargo test` runs 2 000 cases; `bench/fuzz` runs many more
//! (`MUTATION_CASES`). Files found to fail go in tests/fixtures/regressions/,
//! which every run checks first.

mod common;

use std::path::Path;
use std::sync::LazyLock;

use briefing::testing;
use proptest::prelude::*;

/// The briefings mutated: every `.toml` under briefings/ and tests/fixtures/.
static SEEDS: LazyLock<Vec<Vec<u8>>> = LazyLock::new(|| {
    let mut seeds = Vec::new();
    for dir in ["briefings", "tests/fixtures", "tests/fixtures/harbour"] {
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        paths.sort();
        seeds.extend(paths.iter().map(|p| std::fs::read(p).unwrap()));
    }
    assert!(seeds.len() >= 4, "seed briefings found");
    seeds
});

/// Text put into a file by the mutations.
const INSERTS: &[&str] = &[
    "\r",
    "\r\n",
    "\r\r\n",
    "\u{feff}",
    "\0",
    "\u{1b}[2J",
    "\u{202e}",
    "\"",
    "\"\"\"",
    "\n",
    "=",
    "[",
    "]",
    "{",
    "}",
    ",",
    "[[section]]\n",
    "[[section.indicator]]\n",
    "[[section.item]]\n",
    "history = [{ period = \"2022\", value = 1 }]\n",
    "西宁",
    "1e308",
    "-1e308",
    "1e-320",
    "9999999999999999999",
    "-9999999999999999999",
    "nan",
    "inf",
];

/// Numbers put in place of a `value = …`.
const NUMBERS: &[&str] = &[
    "1e308",
    "-1e308",
    "1.7976931348623157e308",
    "1e-320",
    "-1e-320",
    "9999999999999999999",
    "0",
    "-0.0",
    "123456789012345678",
    "0.000000001",
];

#[derive(Debug, Clone)]
enum Mutation {
    Flip(usize, u8),
    Insert(usize, usize),
    DeleteLine(usize),
    DuplicateLine(usize),
    Number(usize, usize),
    Crlf,
    LoneCr,
    Bom,
    Nest(usize, usize),
    LongLine(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        4 => (any::<usize>(), 1..=255u8).prop_map(|(at, b)| Mutation::Flip(at, b)),
        4 => (any::<usize>(), 0..INSERTS.len()).prop_map(|(at, i)| Mutation::Insert(at, i)),
        2 => any::<usize>().prop_map(Mutation::DeleteLine),
        2 => any::<usize>().prop_map(Mutation::DuplicateLine),
        4 => (any::<usize>(), 0..NUMBERS.len()).prop_map(|(k, n)| Mutation::Number(k, n)),
        1 => Just(Mutation::Crlf),
        1 => Just(Mutation::LoneCr),
        1 => Just(Mutation::Bom),
        1 => (any::<usize>(), 1..400usize).prop_map(|(at, d)| Mutation::Nest(at, d)),
        1 => (any::<usize>(), 100..20_000usize).prop_map(|(at, n)| Mutation::LongLine(at, n)),
    ]
}

fn line_bounds(bytes: &[u8], n: usize) -> Option<(usize, usize)> {
    let starts: Vec<usize> = std::iter::once(0)
        .chain(
            bytes
                .iter()
                .enumerate()
                .filter(|(_, b)| **b == b'\n')
                .map(|(i, _)| i + 1),
        )
        .filter(|&s| s < bytes.len())
        .collect();
    let start = *starts.get(n % starts.len().max(1))?;
    let end = bytes[start..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |i| start + i + 1);
    Some((start, end))
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    let at = |i: usize, bytes: &Vec<u8>| i % (bytes.len() + 1);
    match *m {
        Mutation::Flip(i, b) if !bytes.is_empty() => {
            let i = i % bytes.len();
            bytes[i] ^= b;
        }
        Mutation::Flip(..) => {}
        Mutation::Insert(i, k) => {
            let i = at(i, bytes);
            bytes.splice(i..i, INSERTS[k].bytes());
        }
        Mutation::DeleteLine(n) => {
            if let Some((s, e)) = line_bounds(bytes, n) {
                bytes.drain(s..e);
            }
        }
        Mutation::DuplicateLine(n) => {
            if let Some((s, e)) = line_bounds(bytes, n) {
                let line = bytes[s..e].to_vec();
                bytes.splice(e..e, line);
            }
        }
        Mutation::Number(k, n) => {
            let text = String::from_utf8_lossy(bytes).into_owned();
            let places: Vec<usize> = text.match_indices("value = ").map(|(i, _)| i + 8).collect();
            if let Some(&start) = places.get(k % places.len().max(1)) {
                let end = text[start..]
                    .find(|c: char| !(c.is_ascii_alphanumeric() || "+-._".contains(c)))
                    .map_or(text.len(), |i| start + i);
                let mut out = text[..start].to_string();
                out.push_str(NUMBERS[n]);
                out.push_str(&text[end..]);
                *bytes = out.into_bytes();
            }
        }
        Mutation::Crlf => {
            *bytes = String::from_utf8_lossy(bytes)
                .replace('\n', "\r\n")
                .into_bytes()
        }
        Mutation::LoneCr => {
            *bytes = String::from_utf8_lossy(bytes)
                .replace('\n', "\r")
                .into_bytes()
        }
        Mutation::Bom => {
            bytes.splice(0..0, "\u{feff}".bytes());
        }
        Mutation::Nest(i, depth) => {
            let i = at(i, bytes);
            let nest = format!("\ndeep = {}1{}\n", "[".repeat(depth), "]".repeat(depth));
            bytes.splice(i..i, nest.into_bytes());
        }
        Mutation::LongLine(i, n) => {
            let i = at(i, bytes);
            let line = format!("\nbody = \"{}\"\n", "西宁公安 ".repeat(n / 10));
            bytes.splice(i..i, line.into_bytes());
        }
    }
}

/// Everything a user can make of `bytes`: the report, and for a valid
/// briefing, `print` at `widths` and the first frames at `size`.
fn exercise(bytes: Vec<u8>, widths: &[usize], size: (u16, u16)) {
    let Some(source) = testing::decode(bytes) else {
        return;
    };
    // Where the file says neither, no `inf` or `NaN` may be shown.
    let stated = source.contains("inf") || source.contains("nan") || source.contains("NaN");
    let loaded = testing::load_str("m.toml", source);
    let text = loaded.report();
    assert!(!text.contains('\u{1b}'), "raw escape in the report");
    if !loaded.is_valid() {
        assert!(loaded.has_errors(), "refused without an error");
        return;
    }
    for &w in widths {
        let printed = loaded.print(w, true).expect("a valid briefing prints");
        assert!(!printed.contains('\u{1b}'));
        assert!(
            stated || !(printed.contains("inf") || printed.contains("NaN")),
            "a figure the file does not give"
        );
    }
    let (w, h) = size;
    loaded
        .reader(w, h)
        .expect("a valid briefing opens")
        .screen();
    loaded
        .slides(w, h)
        .expect("a valid briefing opens")
        .screen();
}

fn cases() -> u32 {
    std::env::var("MUTATION_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(2_000)
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: cases(),
        max_shrink_iters: 200,
        ..ProptestConfig::default()
    })]

    #[test]
    fn no_mutated_briefing_panics(
        seed in any::<prop::sample::Index>(),
        mutations in prop::collection::vec(mutation(), 1..5),
        width in 1..=200usize,
        size in (1..=200u16, 1..=60u16),
    ) {
        let mut bytes = SEEDS[seed.index(SEEDS.len())].clone();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        exercise(bytes, &[width, 1 + width / 7, 80], size);
    }
}

#[test]
fn every_regression_fixture_is_refused_or_shown_without_a_panic() {
    let dir = Path::new("tests/fixtures/regressions");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        exercise(bytes, &(1..=200).collect::<Vec<_>>(), (80, 24));
        seen += 1;
    }
    assert!(seen >= 2, "the regression fixtures are there");
}
