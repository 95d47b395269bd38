//! Several briefings of one organisation at once: series across files,
//! switching periods, the comparison table, conflicts, BRIEFING_PATH, list.

mod common;

use std::path::PathBuf;
use std::time::Duration;

use briefing::model::{SeriesKind, series};
use briefing::reader::state::App;
use briefing::screen::run::Mode;
use briefing::screen::theme::Theme;
use common::{draw, keys};
use ratatui::layout::Rect;

const DIR: &str = "tests/fixtures/harbour";

fn reader(w: u16, h: u16) -> App {
    let (lib, files) = briefing::library::load_library(&[PathBuf::from(DIR)]).unwrap();
    let group = lib.group_of(files.first().map(PathBuf::as_path));
    App::with_periods(group, Rect::new(0, 0, w, h), Theme::dark()).expect("a group")
}

fn press(app: &mut App, script: &str) {
    for e in keys(script) {
        app.handle(&e);
    }
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
fn a_conflict_between_files_is_a_warning_naming_both() {
    let dir = tempfile::tempdir().unwrap();
    for f in ["2023-H1.toml", "2024-H1.toml"] {
        std::fs::copy(format!("{DIR}/{f}"), dir.path().join(f)).unwrap();
    }
    let h2 = std::fs::read_to_string(format!("{DIR}/2023-H2.toml"))
        .unwrap()
        .replace("value = 276", "value = 280");
    std::fs::write(dir.path().join("2023-H2.toml"), h2).unwrap();
    let out = common::briefing()
        .arg("check")
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "a warning, not an error");
    let stderr = String::from_utf8(out.stderr).unwrap();
    let own_line = std::fs::read_to_string(dir.path().join("2023-H2.toml"))
        .unwrap()
        .lines()
        .position(|l| l.contains("value = 280"))
        .unwrap()
        + 1;
    let history_line = std::fs::read_to_string(dir.path().join("2024-H1.toml"))
        .unwrap()
        .lines()
        .position(|l| l.contains("period = \"2023-H2\", value = 276"))
        .unwrap()
        + 1;
    let expected = format!(
        "{}:{history_line}:1: warning: drunk-driving: 指标 `drunk-driving` 在 2023-H2 的值：此处为 276，而该期间的简报 {}:{own_line} 中为 280",
        dir.path().join("2024-H1.toml").display(),
        dir.path().join("2023-H2.toml").display()
    );
    assert!(stderr.contains(&expected), "{stderr}\nwanted {expected}");
}

#[test]
fn check_print_and_list_take_a_set() {
    let out = common::briefing().args(["check", DIR]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = common::briefing()
        .args(["print", DIR, "--width", "80"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("序列：2023-H1 25 → 2023-H2 26.3 → 2024-H1 28.4"),
        "{text}"
    );
    assert_eq!(
        text.matches("港湾区交通管理局").count(),
        3,
        "all three briefings printed"
    );
    let out = common::briefing()
        .args(["list", DIR, "briefings"])
        .output()
        .unwrap();
    let listing = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = listing.lines().collect();
    assert_eq!(lines.len(), 4, "{listing}");
    assert!(
        lines[0].starts_with("港湾区交通管理局  2023-H1")
            && lines[0].ends_with("tests/fixtures/harbour/2023-H1.toml")
    );
    assert!(
        lines[3].starts_with("西宁市公安局")
            && lines[3].contains("2023")
            && lines[3].ends_with("briefings/2023.toml")
    );
}

#[test]
fn relative_names_are_looked_up_in_briefing_path() {
    let briefings = std::fs::canonicalize("briefings").unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    // print from another directory, the name found along BRIEFING_PATH.
    let out = common::briefing()
        .current_dir(elsewhere.path())
        .env(
            "BRIEFING_PATH",
            format!("/nonexistent:{}", briefings.display()),
        )
        .args(["print", "2023.toml", "--width", "60"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .starts_with("坚持守正创新焕发平安建设新动能")
    );
    // Not found: it says where it looked.
    let out = common::briefing()
        .current_dir(elsewhere.path())
        .env("BRIEFING_PATH", "/nonexistent")
        .args(["print", "2023.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("找过 2023.toml, /nonexistent/2023.toml"),
        "{stderr}"
    );
}

#[test]
fn open_finds_the_name_along_briefing_path() {
    let briefings = std::fs::canonicalize("briefings").unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let script = format!(
        "cd {} && BRIEFING_PATH={} exec \"$BRIEFING\" open 2023.toml",
        elsewhere.path().display(),
        briefings.display()
    );
    let mut s = common::pty::Session::spawn_shell(&script, 80, 24);
    s.wait_for("坚持守正", Duration::from_secs(10));
    s.send(b"q");
    assert_eq!(s.wait_exit(Duration::from_secs(10)), 0);
}

#[test]
fn the_comparison_table_finds_ids_anywhere_and_builds_only_the_rows_that_fit() {
    let (lib, files) = briefing::library::load_library(&[PathBuf::from(DIR)]).unwrap();
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
    grown.extend((0..5000).map(|i| briefing::model::Indicator {
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
