//! For the benchmark: the reader on a section of N indicators (default
//! 100 000) in each of the three harbour fixture periods, driven by keys on a
//! TestBackend; prints how long each key took to handle and draw, in ms.
//!
//! `cargo run --release --example big_section -- [N] [COLS ROWS]`

use std::path::Path;
use std::time::Instant;

use briefing::testing::BigSection;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let n: usize = args.get(1).map_or(100_000, |s| s.parse().expect("N"));
    let cols: u16 = args.get(2).map_or(120, |s| s.parse().expect("COLS"));
    let rows: u16 = args.get(3).map_or(40, |s| s.parse().expect("ROWS"));
    let paths: Vec<String> = ["2023-H1", "2023-H2", "2024-H1"]
        .iter()
        .map(|p| format!("tests/fixtures/harbour/{p}.toml"))
        .collect();
    let paths: Vec<&Path> = paths.iter().map(Path::new).collect();
    let mut big = BigSection::open(&paths, n, cols, rows);
    let t = Instant::now();
    big.draw();
    println!("first frame: {:.2} ms", t.elapsed().as_secs_f64() * 1e3);
    // Go to the grown section first.
    let mut script: Vec<(&str, &str)> = vec![("]", "]"); big.grown_section()];
    script.extend([
        ("c (table on)", "c"),
        ("j in table", "j"),
        ("> next period", ">"),
        ("< previous period", "<"),
        ("c (table off)", "c"),
        ("Tab (indicators)", "<Tab>"),
        ("Tab (indicators)", "<Tab>"),
        ("j", "j"),
        ("G (last)", "G"),
        ("k", "k"),
        ("Enter (detail)", "<Enter>"),
        ("Esc", "<Esc>"),
        ("g (first)", "g"),
        ("PgDn", "<PgDn>"),
        ("/", "/"),
        ("9", "9"),
        ("9", "9"),
        ("9", "9"),
        ("Enter (search)", "<Enter>"),
        ("n", "n"),
        ("N", "N"),
        ("[", "["),
        ("]", "]"),
    ]);
    let mut worst = 0.0f64;
    for (name, key) in &script {
        let t = Instant::now();
        big.press(key);
        let ms = t.elapsed().as_secs_f64() * 1e3;
        worst = worst.max(ms);
        println!("{name:<20} {ms:8.2} ms");
    }
    println!("worst key: {worst:.2} ms ({n} indicators, {cols}×{rows})");
}
