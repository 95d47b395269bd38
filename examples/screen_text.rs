//! For the benchmark: play the first OFFSET bytes of a captured terminal
//! output into a terminal emulator and print the UTF-8 size of the text the
//! screen then shows (each row without its trailing blanks).
//!
//! `cargo run --release --example screen_text -- COLS ROWS FILE OFFSET`

use std::num::NonZero;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, cols, rows, file, offset] = &args[..] else {
        eprintln!("usage: screen_text COLS ROWS FILE OFFSET");
        std::process::exit(2);
    };
    let (cols, rows): (u16, u16) = (cols.parse().expect("cols"), rows.parse().expect("rows"));
    let bytes = std::fs::read(file).expect("the captured output");
    let offset: usize = offset.parse::<usize>().expect("offset").min(bytes.len());
    let mut vt = vt100::Parser::new(
        NonZero::new(rows).expect("rows"),
        NonZero::new(cols).expect("cols"),
        0,
    );
    vt.process(&bytes[..offset]);
    let text: usize = vt
        .screen()
        .rows(0, cols)
        .map(|row| row.trim_end().len())
        .sum();
    println!("{text}");
}
