//! Several briefings of one organisation in the reader: series across
//! files, switching periods, the comparison table (was in tests/library.rs;
//! what the binary does with a set stays there).

use std::path::PathBuf;

use ratatui::layout::Rect;

use crate::model::{SeriesKind, series};
use crate::reader::state::App;
use crate::screen::theme::Theme;
use crate::testing::unit::{draw, press};

const DIR: &str = "tests/fixtures/harbour";

fn reader(w: u16, h: u16) -> App {
    let (lib, files) = crate::library::load_library(&[PathBuf::from(DIR)]).unwrap();
    let group = lib.group_of(files.first().map(PathBuf::as_path));
    App::with_periods(group, Rect::new(0, 0, w, h), Theme::dark()).expect("a group")
}

#[test]
fn the_newest_opens_and_series_are_real_points_in_period_order() {
    let app = reader(100, 30);
    assert_eq!(app.briefing().period.to_string(), "2024-H1");
    let ind = app.briefing().indicator("drunk-driving").unwrap();
    let s = series(ind, app.briefing().period, &app.others("drunk-driving")).unwrap();
    assert_eq!(s.kind, SeriesKind::Real);
    let points: Vec<(String, f64, bool)> = s
        .points
        .iter()
        .map(|p| (p.label.clone(), p.value, p.derived))
        .collect();
    assert_eq!(
        points,
        [
            ("2023-H1".into(), 251.0, false),
            ("2023-H2".into(), 276.0, false),
            ("2024-H1".into(), 312.0, false)
        ]
    );
    // peak-speed has no history: its series comes from the other files alone.
    let speed = app.briefing().indicator("peak-speed").unwrap();
    let s = series(speed, app.briefing().period, &app.others("peak-speed")).unwrap();
    assert_eq!(
        s.points.iter().map(|p| p.value).collect::<Vec<_>>(),
        [25.0, 26.3, 28.4]
    );
}

#[test]
fn switching_periods_keeps_the_section() {
    let mut app = reader(100, 30);
    press(&mut app, "2");
    assert_eq!(&*app.briefing().sections[app.section].id, "flow");
    press(&mut app, "<");
    assert_eq!(app.briefing().period.to_string(), "2023-H2");
    assert_eq!(&*app.briefing().sections[app.section].id, "flow");
    press(&mut app, "<");
    assert_eq!(app.briefing().period.to_string(), "2023-H1");
    assert_eq!(
        &*app.briefing().sections[app.section].id,
        "flow",
        "flow is the first section of 2023-H1"
    );
    press(&mut app, "<");
    assert!(app.message.as_deref().unwrap().contains("最早"));
    press(&mut app, ">>");
    assert_eq!(app.briefing().period.to_string(), "2024-H1");
    press(&mut app, "]");
    assert_eq!(&*app.briefing().sections[app.section].id, "staff");
    press(&mut app, "<");
    assert_eq!(
        app.section, 0,
        "2023-H2 has no `staff` section: its first section"
    );
    let screen = draw(&app, 100, 30);
    assert!(screen.contains("[2023-H2]"), "{screen}");
    press(&mut app, ">");
    assert_eq!(
        &*app.briefing().sections[app.section].id,
        "staff",
        "`>` after `<` returns to where the reader was"
    );
}

#[test]
fn the_comparison_table_has_a_column_per_period() {
    let mut app = reader(100, 30);
    press(&mut app, "2c");
    let screen = draw(&app, 100, 30);
    let header = screen
        .lines()
        .find(|l| l.contains("指标") && l.contains("2023-H1"))
        .expect("a header row");
    assert!(
        header.contains("2023-H2") && header.contains("2024-H1"),
        "{header}"
    );
    let speed = screen
        .lines()
        .find(|l| l.contains("高峰平均") && l.contains("km/h"))
        .unwrap_or_else(|| panic!("a row: {screen}"));
    assert!(
        speed.contains("25km/h")
            && speed.contains("26.3km/h (+1.3km/h)")
            && speed.contains("28.4km/h (+2.1km/h)"),
        "{speed}"
    );
    insta::assert_snapshot!(screen);
    press(&mut app, "<Esc>");
    assert!(!app.compare);
}

#[test]
fn the_comparison_table_finds_ids_anywhere_and_builds_only_the_rows_that_fit() {
    let (lib, files) = crate::library::load_library(&[PathBuf::from(DIR)]).unwrap();
    let mut group = lib.group_of(files.first().map(PathBuf::as_path));
    // 2023-H1 states `peak-speed` in another section, after other figures.
    let h1 = &mut group[0];
    let from = h1
        .sections
        .iter()
        .position(|s| s.indicators.iter().any(|i| i.id == "peak-speed"))
        .unwrap();
    let at = h1.sections[from]
        .indicators
        .iter()
        .position(|i| i.id == "peak-speed")
        .unwrap();
    let mut left = h1.sections[from].indicators.to_vec();
    let moved = left.remove(at);
    h1.sections[from].indicators = left.into();
    let to = (from + 1) % h1.sections.len();
    let mut right = h1.sections[to].indicators.to_vec();
    right.push(moved);
    h1.sections[to].indicators = right.into();
    // 2024-H1's section grows by 5 000 figures after its own.
    let newest = group.last_mut().unwrap();
    let section = newest
        .sections
        .iter_mut()
        .find(|s| s.indicators.iter().any(|i| i.id == "peak-speed"))
        .unwrap();
    let model = section.indicators[0].clone();
    let mut grown = section.indicators.to_vec();
    grown.extend((0..5000).map(|i| crate::model::Indicator {
        id: format!("extra-{i}"),
        label: format!("附加{i}"),
        value: Some(i as f64),
        ..model.clone()
    }));
    section.indicators = grown.into();
    let mut app =
        App::with_periods(group, Rect::new(0, 0, 100, 30), Theme::dark()).expect("a group");
    press(&mut app, "2c");
    let screen = draw(&app, 100, 30);
    let speed = screen
        .lines()
        .find(|l| l.contains("高峰平均") && l.contains("km/h"))
        .unwrap_or_else(|| panic!("a row: {screen}"));
    assert!(
        speed.contains("25km/h")
            && speed.contains("26.3km/h (+1.3km/h)")
            && speed.contains("28.4km/h (+2.1km/h)"),
        "{speed}"
    );
    let extras = screen.lines().filter(|l| l.contains("附加")).count();
    assert!(extras > 10, "the table fills the screen: {screen}");
    assert!(
        screen
            .lines()
            .any(|l| l.contains("附加0") && l.contains("— ")),
        "a new figure has no earlier values: {screen}"
    );
}
