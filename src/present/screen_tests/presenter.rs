//! The presenter's view: slide, next slide, notes and clock; the clock's tick
//! writes only the clock row. Was tests/presenter.rs.

use std::time::Duration;

use ratatui::Terminal;
use ratatui::layout::Size;

use crate::present::state::Presenter;
use crate::screen::run::Mode;
use crate::screen::wire::{SizeSource, WireBackend};
use crate::testing::unit::{HARBOUR, draw, keys, presenter, press};

fn view(minutes: Option<f64>) -> Presenter {
    presenter(HARBOUR, 100, 30).with_presenter_view(minutes)
}

#[test]
fn the_presenter_sees_notes_next_slide_and_clock() {
    let mut p = view(Some(20.0));
    for e in keys("<Right><Right><Right>") {
        p.handle(&e);
    }
    let screen = draw(&p, 100, 30);
    assert!(
        screen.contains("这里强调夜查成效。"),
        "the notes:\n{screen}"
    );
    assert!(
        screen.contains(&format!("下一页 5/{}", p.slides.len())),
        "{screen}"
    );
    assert!(screen.contains("（一）夜间集中查处"));
    let clock = screen.lines().last().unwrap();
    assert!(
        clock.contains("已用 00:00") && clock.contains("全程 00:00 / 20:00"),
        "{clock}"
    );
}

#[test]
fn budgets_share_the_minutes_and_turn_at_80_percent() {
    let mut p = view(Some(10.0));
    let total: Duration = p.clock.budgets.as_ref().unwrap().iter().sum();
    assert!((total.as_secs_f64() - 600.0).abs() < 0.01);
    assert!(
        draw(&p, 100, 30).contains("全程 00:00 / 10:00"),
        "the budget, exact"
    );
    let budget = p.clock.budgets.as_ref().unwrap()[0];
    press(&mut p, "t");
    p.clock.now += budget.mul_f64(0.85);
    let warn = draw(&p, 100, 30);
    p.clock.now += budget.mul_f64(0.3);
    let over = draw(&p, 100, 30);
    assert_ne!(warn.lines().last(), over.lines().last());
    assert!(matches!(
        crate::present::clock::Clock::pace(p.clock.on_slide(0), budget),
        crate::present::clock::Pace::Over
    ));
}

#[test]
fn a_tick_writes_only_the_clock_row() {
    let mut p = view(Some(20.0));
    let mut terminal = Terminal::new(WireBackend::new(
        Vec::new(),
        SizeSource::Fixed(Size::new(100, 30)),
    ))
    .unwrap();
    let mut vt = vt100::Parser::new(
        std::num::NonZero::new(30).unwrap(),
        std::num::NonZero::new(100).unwrap(),
        0,
    );
    terminal.draw(|f| p.draw(f)).unwrap();
    vt.process(&std::mem::take(terminal.backend_mut().writer_mut()));
    let before = vt.screen().contents();
    assert!(
        p.deadline().is_some(),
        "the presenter's view asks to be woken"
    );
    p.clock.now += Duration::from_secs(1);
    terminal.draw(|f| p.draw(f)).unwrap();
    let bytes = std::mem::take(terminal.backend_mut().writer_mut());
    vt.process(&bytes);
    let after = vt.screen().contents();
    let changed: Vec<usize> = before
        .lines()
        .zip(after.lines())
        .enumerate()
        .filter(|(_, (a, b))| a != b)
        .map(|(i, _)| i)
        .collect();
    assert_eq!(changed, [29], "only the clock row changes");
    assert!(
        bytes.len() < 80,
        "{} bytes for a tick: {:?}",
        bytes.len(),
        String::from_utf8_lossy(&bytes)
    );
}

#[test]
fn the_audience_view_never_ticks() {
    assert!(presenter(HARBOUR, 100, 30).deadline().is_none());
}
