//! For the benchmark: the reader on a section of N indicators (default
//! 100 000) in each of the three harbour fixture periods, driven by keys on a
//! TestBackend; prints how long each key took to handle and draw, in ms.
//!
//! `cargo run --release --example big_section -- [N] [COLS ROWS]`

use std::path::Path;
use std::time::Instant;

use briefing::model::{Briefing, Indicator, Point};
use briefing::reader::state::App;
use briefing::screen::run::Mode;
use briefing::screen::theme::Theme;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

fn grow(b: &mut Briefing, n: usize, salt: f64) {
    let section = b
        .sections
        .iter_mut()
        .find(|s| !s.indicators.is_empty())
        .expect("a section with indicators");
    let model = section.indicators[0].clone();
    let history: Vec<Point> = model.history.clone();
    section.indicators = (0..n)
        .map(|i| Indicator {
            id: format!("x-{i}"),
            label: format!("指标{i}"),
            value: Some(i as f64 + salt),
            history: history.clone(),
            ..model.clone()
        })
        .collect();
}

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let n: usize = args.get(1).map_or(100_000, |s| s.parse().expect("N"));
    let cols: u16 = args.get(2).map_or(120, |s| s.parse().expect("COLS"));
    let rows: u16 = args.get(3).map_or(40, |s| s.parse().expect("ROWS"));
    let mut group: Vec<Briefing> = ["2023-H1", "2023-H2", "2024-H1"]
        .iter()
        .map(|p| {
            let path = format!("tests/fixtures/harbour/{p}.toml");
            briefing::load::load(Path::new(&path))
                .expect("fixture loads")
                .briefing
        })
        .collect();
    for (k, b) in group.iter_mut().enumerate() {
        grow(b, n, k as f64 * 0.5);
    }
    let mut app =
        App::with_periods(group, Rect::new(0, 0, cols, rows), Theme::dark()).expect("a group");
    // Go to the grown section first.
    let target = app
        .briefing()
        .sections
        .iter()
        .position(|s| s.indicators.len() == n)
        .expect("the grown section");
    let mut terminal = Terminal::new(TestBackend::new(cols, rows)).expect("terminal");
    let t = Instant::now();
    terminal.draw(|f| app.draw(f)).expect("draw");
    println!("first frame: {:.2} ms", t.elapsed().as_secs_f64() * 1e3);
    let mut script: Vec<(&str, Event)> = Vec::new();
    for _ in 0..target {
        script.push(("]", key(KeyCode::Char(']'))));
    }
    let c = |ch: char| key(KeyCode::Char(ch));
    script.extend([
        ("c (table on)", c('c')),
        ("j in table", c('j')),
        ("> next period", c('>')),
        ("< previous period", c('<')),
        ("c (table off)", c('c')),
        ("Tab (indicators)", key(KeyCode::Tab)),
        ("Tab (indicators)", key(KeyCode::Tab)),
        ("j", c('j')),
        ("G (last)", c('G')),
        ("k", c('k')),
        ("Enter (detail)", key(KeyCode::Enter)),
        ("Esc", key(KeyCode::Esc)),
        ("g (first)", c('g')),
        ("PgDn", key(KeyCode::PageDown)),
        ("/", c('/')),
        ("9", c('9')),
        ("9", c('9')),
        ("9", c('9')),
        ("Enter (search)", key(KeyCode::Enter)),
        ("n", c('n')),
        ("N", c('N')),
        ("[", c('[')),
        ("]", c(']')),
    ]);
    let mut worst = 0.0f64;
    for (name, event) in &script {
        let t = Instant::now();
        let _ = app.handle(event);
        terminal.draw(|f| app.draw(f)).expect("draw");
        let ms = t.elapsed().as_secs_f64() * 1e3;
        worst = worst.max(ms);
        println!("{name:<20} {ms:8.2} ms");
    }
    println!("worst key: {worst:.2} ms ({n} indicators, {cols}×{rows})");
}
