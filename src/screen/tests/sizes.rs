//! No panic at any size from 0×0 to 300×100, in every mode and overlay, on
//! random valid briefings after random keys; a storm of resizes ends with
//! the right screen. Was tests/sizes.rs.

use crate::model::{
    Basis, Briefing, Change, ChangeUnit, Comparison, Good, Indicator, Item, Period, Point, Section,
    SectionKind,
};
use crate::present::state::Presenter;
use crate::reader::state::App;
use crate::screen::run::Mode;
use crate::screen::theme::Theme;
use crate::testing::unit::{self as fixtures, draw, keys};
use proptest::prelude::*;
use ratatui::layout::Rect;

fn text() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        "西宁",
        "公安",
        "，",
        "。",
        "“",
        "”",
        "——",
        "……",
        "6.32%",
        "−4.09%",
        " ",
        "word",
        "https://example.org/a/b",
        "e\u{301}",
        "👩\u{200d}💻",
        "Ａ",
        "a\u{300}\u{301}\u{302}\u{303}",
        "␛[2J",
        "（",
        "）",
    ]);
    prop::collection::vec(atoms, 1..30)
        .prop_map(|v| v.concat().trim().to_string())
        .prop_filter("non-empty", |s| !s.is_empty())
}

fn indicator(n: usize) -> impl Strategy<Value = Indicator> {
    (
        text(),
        prop::option::of(-1e6f64..1e6),
        prop::option::of(-500f64..500.0),
        any::<bool>(),
        prop::collection::vec(-100f64..100.0, 0..4),
        prop::collection::vec(-10f64..10.0, 0..3),
    )
        .prop_map(
            move |(label, value, change, up, history, compare)| Indicator {
                id: format!("i{n}"),
                label,
                value: value.or(if change.is_none() { Some(1.0) } else { None }),
                unit: Some("%".into()),
                change: change.map(|amount| Change {
                    amount,
                    unit: if up {
                        ChangeUnit::Percent
                    } else {
                        ChangeUnit::Points
                    },
                    basis: if up { Basis::Yoy } else { Basis::Pop },
                }),
                good: if up { Some(Good::Up) } else { Some(Good::Down) },
                history: history
                    .iter()
                    .enumerate()
                    .map(|(k, v)| Point {
                        period: Period::Year(2000 + k as u16),
                        value: *v,
                        line: 0,
                    })
                    .collect(),
                compare: compare
                    .iter()
                    .map(|v| Comparison {
                        label: "全国".into(),
                        value: *v,
                    })
                    .collect(),
                note: None,
                cite: None,
                value_line: 0,
            },
        )
}

fn section(n: usize) -> impl Strategy<Value = Section> {
    let kind = prop::sample::select(vec![
        SectionKind::Lead,
        SectionKind::Campaign,
        SectionKind::Campaign,
        SectionKind::General,
        SectionKind::Outlook,
    ]);
    let item = (
        text(),
        prop::collection::vec(text(), 0..3),
        prop::collection::vec(indicator(0), 0..3),
    );
    (
        kind,
        text(),
        prop::option::of(text()),
        prop::collection::vec(text(), 0..3),
        prop::collection::vec(item, 0..4),
        prop::collection::vec(indicator(1), 0..2),
    )
        .prop_map(
            move |(kind, title, subtitle, body, items, indicators)| Section {
                id: format!("s{n}").into(),
                kind,
                number: None,
                title: title.into(),
                subtitle: subtitle.map(Into::into),
                body: body.into(),
                notes: Box::default(),
                items: items
                    .into_iter()
                    .enumerate()
                    .map(|(j, (title, body, indicators))| Item {
                        id: format!("s{n}-{j}"),
                        title,
                        body: body.into(),
                        notes: Box::default(),
                        indicators,
                    })
                    .collect(),
                indicators: indicators.into(),
            },
        )
}

fn briefing() -> impl Strategy<Value = Briefing> {
    (
        text(),
        prop::option::of(text()),
        prop::collection::vec(section(0), 1..6),
    )
        .prop_map(|(title, classification, sections)| Briefing {
            title,
            subtitle: None,
            organization: "某局".into(),
            period: Period::Year(2023),
            published: None,
            classification,
            source: None,
            sections,
        })
}

fn key_script() -> impl Strategy<Value = String> {
    let k = prop::sample::select(vec![
        "1",
        "2",
        "3",
        "9",
        "]",
        "[",
        "}",
        "{",
        "j",
        "k",
        "<Space>",
        "<PgUp>",
        "g",
        "G",
        "<Tab>",
        "<BackTab>",
        "<Enter>",
        "/",
        "公",
        "<Enter>",
        "n",
        "N",
        "?",
        "<Esc>",
        "<Right>",
        "<Left>",
        "b",
        "l",
        "h",
        "<End>",
        "<Home>",
    ]);
    prop::collection::vec(k, 0..25).prop_map(|v| v.concat())
}

fn size() -> impl Strategy<Value = (u16, u16)> {
    prop_oneof![(0u16..=300, 0u16..=100), (0u16..=25, 0u16..=10)]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn the_reader_survives_any_size(b in briefing(), script in key_script(), (w0, h0) in size(), (w, h) in size()) {
        let mut app = App::new(b, Rect::new(0, 0, w0, h0), Theme::dark());
        for event in keys(&script) {
            app.handle(&event);
            app.exit = None;
        }
        app.resize(Rect::new(0, 0, w, h));
        draw(&app, w, h);
    }

    #[test]
    fn the_slides_survive_any_size(b in briefing(), script in key_script(), (w0, h0) in size(), (w, h) in size()) {
        let mut p = Presenter::new(b, Rect::new(0, 0, w0, h0), Theme::dark());
        for event in keys(&script) {
            p.handle(&event);
        }
        p.resize(Rect::new(0, 0, w, h));
        draw(&p, w, h);
    }
}

#[test]
fn every_size_up_to_300x100_with_overlays() {
    let loaded = crate::load::load(std::path::Path::new(fixtures::Y2023)).unwrap();
    for w in (0..=300)
        .step_by(7)
        .chain([1, 2, 19, 20, 79, 80, 119, 120, 300])
    {
        for h in (0..=100).step_by(9).chain([1, 5, 6, 7, 8, 24, 100]) {
            for script in ["", "1<Tab><Enter>", "?", "/公<Enter>", "<BackTab>"] {
                let mut app = App::new(
                    loaded.briefing.clone(),
                    Rect::new(0, 0, w, h),
                    Theme::dark(),
                );
                for e in keys(script) {
                    app.handle(&e);
                }
                draw(&app, w, h);
            }
            let mut p = Presenter::new(
                loaded.briefing.clone(),
                Rect::new(0, 0, w, h),
                Theme::dark(),
            );
            for script in ["", "2", "<Right><Right><Right>", "?", "<End>"] {
                for e in keys(script) {
                    p.handle(&e);
                }
                draw(&p, w, h);
            }
        }
    }
}

#[test]
fn a_resize_storm_ends_with_the_right_screen() {
    let mut app = fixtures::app(fixtures::Y2023, 120, 40);
    let mut p = fixtures::presenter(fixtures::Y2023, 120, 40);
    for e in keys("2}") {
        app.handle(&e);
    }
    for e in keys("3<Right>") {
        p.handle(&e);
    }
    let mut seed = 12345u32;
    for _ in 0..2000 {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
        let (w, h) = ((seed >> 8) % 301, (seed >> 20) % 101);
        let area = Rect::new(0, 0, w as u16, h as u16);
        Mode::resize(&mut app, area);
        Mode::resize(&mut p, area);
    }
    Mode::resize(&mut app, Rect::new(0, 0, 80, 24));
    Mode::resize(&mut p, Rect::new(0, 0, 80, 24));
    // The same state as without the storm (drawn once, as the storm's is).
    let mut calm = fixtures::app(fixtures::Y2023, 80, 24);
    fixtures::press(&mut calm, "2}");
    assert_eq!(draw(&app, 80, 24), draw(&calm, 80, 24));
    let mut fresh = fixtures::presenter(fixtures::Y2023, 80, 24);
    fresh.current = p.current;
    assert_eq!(draw(&p, 80, 24), draw(&fresh, 80, 24));
    assert_eq!(p.slide().section, Some(3));
}
