use super::build::predecessor;
use super::*;
use crate::model::{Change, ChangeUnit, Good, Point, Section, SectionKind};

fn ind(value: Option<f64>, change: Option<(f64, ChangeUnit)>) -> Indicator {
    Indicator {
        id: "x".into(),
        label: "x".into(),
        value,
        unit: None,
        change: change.map(|(amount, unit)| Change {
            amount,
            unit,
            basis: Basis::Yoy,
        }),
        good: Some(Good::Up),
        history: vec![],
        compare: vec![],
        note: None,
        cite: None,
        value_line: 0,
    }
}

fn briefing(period: &str, indicators: Vec<Indicator>) -> Briefing {
    Briefing {
        title: "t".into(),
        subtitle: None,
        organization: "o".into(),
        period: Period::parse(period).unwrap(),
        published: None,
        classification: None,
        source: None,
        sections: vec![Section {
            id: "s".into(),
            kind: SectionKind::Lead,
            number: None,
            title: "s".into(),
            subtitle: None,
            body: Box::default(),
            notes: Box::default(),
            items: Box::default(),
            indicators: indicators.into(),
        }],
    }
}

fn history(i: &mut Indicator, period: &str, value: f64) {
    i.history.push(Point {
        period: Period::parse(period).unwrap(),
        value,
        line: 0,
    });
}

fn labels(s: &Series) -> Vec<&str> {
    s.points.iter().map(|p| p.label.as_str()).collect()
}

fn values(s: &Series) -> Vec<f64> {
    s.points
        .iter()
        .map(|p| (p.value * 100.0).round() / 100.0)
        .collect()
}

const Y: Period = Period::Year(2023);

#[test]
fn rule_one_orders_real_points_and_own_values_win() {
    let mut i = ind(Some(5.0), None);
    history(&mut i, "2021", 3.0);
    let s = series(&i, Y, &[(Period::Year(2022), 4.0), (Y, 99.0)]).unwrap();
    assert_eq!(s.kind, SeriesKind::Real);
    assert_eq!(values(&s), [3.0, 4.0, 5.0]);
}

#[test]
fn rule_two_is_an_index() {
    let s = series(&ind(None, Some((-6.32, ChangeUnit::Percent))), Y, &[]).unwrap();
    assert_eq!(s.kind, SeriesKind::Index(Basis::Yoy));
    assert_eq!(labels(&s), ["上年", "2023"]);
    assert_eq!(values(&s), [100.0, 93.68]);
    assert!(s.points.iter().all(|p| p.derived));
    assert_eq!(
        s.describe(),
        "上年 100* → 2023 93.68*（指数，上年=100；*推算）"
    );
}

#[test]
fn rule_three_works_back_from_the_value() {
    let s = series(&ind(Some(53.0), Some((6.0, ChangeUnit::Points))), Y, &[]).unwrap();
    assert_eq!(s.kind, SeriesKind::Derived);
    assert_eq!(values(&s), [47.0, 53.0]);
    assert!(s.points[0].derived && !s.points[1].derived);
}

#[test]
fn figures_near_the_largest_number_print_as_stated_and_none_is_invented() {
    let mut i = ind(Some(1e308), None);
    history(&mut i, "2022", -1e308);
    let s = series(&i, Y, &[]).unwrap();
    assert_eq!(s.describe(), "2022 -1e308 → 2023 1e308");
    // 1e308 − (−1e308) is past the largest number: no worked-out point.
    let i = ind(Some(1e308), Some((-1e308, ChangeUnit::Points)));
    assert!(series(&i, Y, &[]).is_none());
    // Nor an index chained past it.
    let big = |p| briefing(p, vec![ind(None, Some((1e300, ChangeUnit::Percent)))]);
    let group = [big("2022"), big("2023"), big("2024")];
    assert!(series_of(&group, "x").is_none());
}

#[test]
fn rule_four_is_no_series() {
    assert!(series(&ind(Some(98.6), None), Y, &[]).is_none());
    assert!(series(&ind(None, Some((3.0, ChangeUnit::Points))), Y, &[]).is_none());
}

/// One series per indicator: every loaded period shows the same one.
#[test]
fn the_series_is_the_same_whichever_period_shows_it() {
    let mut late = ind(Some(2100.0), None);
    history(&mut late, "2021", 980.0);
    history(&mut late, "2022", 1200.0);
    let early = ind(Some(1550.0), Some((-3.0, ChangeUnit::Percent)));
    let group = [briefing("2023", vec![early]), briefing("2024", vec![late])];
    let from_2023 = series_of([&group[0], &group[1]], "x").unwrap();
    let from_2024 = series_of([&group[1], &group[0]], "x").unwrap();
    assert_eq!(from_2023, from_2024);
    assert_eq!(labels(&from_2023), ["2021", "2022", "2023", "2024"]);
    assert_eq!(values(&from_2023), [980.0, 1200.0, 1550.0, 2100.0]);
    assert_eq!(
        from_2023.points[2].source,
        Source::Value {
            file: Period::Year(2023),
            line: 0
        }
    );
}

/// Change-only in two loaded years: chained, labelled with both years, 上年
/// only for the year before the first, which is not loaded.
#[test]
fn change_only_indicators_chain_across_loaded_years() {
    let group = [
        briefing("2023", vec![ind(None, Some((-3.0, ChangeUnit::Percent)))]),
        briefing("2024", vec![ind(None, Some((-8.0, ChangeUnit::Percent)))]),
    ];
    let s = series_of(&group, "x").unwrap();
    assert_eq!(s.kind, SeriesKind::Index(Basis::Yoy));
    assert_eq!(labels(&s), ["上年", "2023", "2024"]);
    assert_eq!(values(&s), [100.0, 97.0, 89.24]);
    assert_eq!(s, series_of(group.iter().rev(), "x").unwrap());
    assert_eq!(
        s.describe(),
        "上年 100* → 2023 97* → 2024 89.24*（指数，上年=100；*推算）"
    );
}

/// The year before is loaded but states no change: it is the base, by name.
#[test]
fn a_loaded_base_year_is_named() {
    let group = [
        briefing("2023", vec![]),
        briefing("2024", vec![ind(None, Some((-8.0, ChangeUnit::Percent)))]),
    ];
    let s = series_of(&group, "x").unwrap();
    assert_eq!(labels(&s), ["2023", "2024"]);
    let points = series_of(
        &[
            briefing("2022", vec![]),
            briefing(
                "2023",
                vec![ind(Some(53.0), Some((6.0, ChangeUnit::Points)))],
            ),
        ],
        "x",
    )
    .unwrap();
    assert_eq!(labels(&points), ["2022", "2023"]);
    assert_eq!(values(&points), [47.0, 53.0]);
}

/// 同比 links a half to the same half a year before; the longest chain wins.
#[test]
fn halves_chain_year_on_year_and_quarters_period_on_period() {
    let pct = |amount| ind(None, Some((amount, ChangeUnit::Percent)));
    let group = [
        briefing("2023-H1", vec![pct(-10.0)]),
        briefing("2023-H2", vec![pct(5.0)]),
        briefing("2024-H1", vec![pct(20.0)]),
    ];
    let s = series_of(&group, "x").unwrap();
    assert_eq!(labels(&s), ["上年", "2023-H1", "2024-H1"]);
    assert_eq!(values(&s), [100.0, 90.0, 108.0]);
    let pop = |amount| {
        let mut i = pct(amount);
        i.change.as_mut().unwrap().basis = Basis::Pop;
        i
    };
    let group = [
        briefing("2023-Q1", vec![pop(10.0)]),
        briefing("2023-Q2", vec![pop(10.0)]),
    ];
    let s = series_of(&group, "x").unwrap();
    assert_eq!(labels(&s), ["上期", "2023-Q1", "2023-Q2"]);
    assert_eq!(values(&s), [100.0, 110.0, 121.0]);
}

/// A briefing's own value beats another's history of its period; of two
/// histories, the later briefing's is taken.
#[test]
fn own_values_beat_histories_and_later_histories_earlier_ones() {
    let mut a = ind(Some(10.0), None);
    history(&mut a, "2021", 1.0);
    let mut b = ind(Some(30.0), None);
    history(&mut b, "2021", 2.0);
    history(&mut b, "2023", 99.0);
    let group = [briefing("2023", vec![a]), briefing("2024", vec![b])];
    let s = series_of(&group, "x").unwrap();
    assert_eq!(values(&s), [2.0, 10.0, 30.0]);
}

#[test]
fn predecessors_by_basis() {
    let p = |s| Period::parse(s).unwrap();
    assert_eq!(predecessor(p("2024"), Basis::Pop), Some(p("2023")));
    assert_eq!(predecessor(p("2024-H1"), Basis::Yoy), Some(p("2023-H1")));
    assert_eq!(predecessor(p("2024-H1"), Basis::Pop), Some(p("2023-H2")));
    assert_eq!(predecessor(p("2024-Q3"), Basis::Pop), Some(p("2024-Q2")));
    assert_eq!(predecessor(p("2024-01"), Basis::Pop), Some(p("2023-12")));
    assert_eq!(predecessor(p("0000"), Basis::Yoy), None);
}
