//! The figures of single sentences, as the importer reads them.

use super::*;

fn read(text: &str) -> (Vec<Indicator>, Vec<Review>) {
    let mut review = Vec::new();
    let out = indicators("x", &[text.to_string()], &[7], &mut review);
    (out, review)
}

fn one(text: &str) -> Indicator {
    let (mut out, _) = read(text);
    assert_eq!(out.len(), 1, "{out:?}");
    out.remove(0)
}

#[test]
fn changes_take_their_basis_unit_and_sign() {
    let i = one("破案率同比上升31.9个百分点。");
    assert_eq!(
        (i.change, i.change_unit, i.basis),
        (Some(31.9), Some("pp"), Some("yoy"))
    );
    assert_eq!(i.label, "破案率");
    let i = one("四季度“两抢一盗”案件环比下降44%。");
    assert_eq!(
        (i.change, i.change_unit, i.basis),
        (Some(-44.0), Some("%"), Some("pop"))
    );
    let i = one("全市交通事故较去年同期减少12.5%。");
    assert_eq!(
        (i.change, i.basis, i.good),
        (Some(-12.5), Some("yoy"), Some("down"))
    );
    assert_eq!(i.label, "交通事故");
}

#[test]
fn each_subject_of_a_list_gets_its_own_figure() {
    let (out, _) = read("全市刑事案件破案数、抓获数同比分别上升20.84%、27.9%。");
    let got: Vec<(&str, Option<f64>)> = out.iter().map(|i| (i.label.as_str(), i.change)).collect();
    assert_eq!(
        got,
        [("刑事案件破案数", Some(20.84)), ("抓获数", Some(27.9))]
    );
    assert!(
        out.iter()
            .all(|i| i.cite == "全市刑事案件破案数、抓获数同比分别上升20.84%、27.9%")
    );
}

#[test]
fn a_change_without_basis_is_left_for_review() {
    let (out, review) = read("破案率下降6%，请注意。");
    assert!(out.iter().all(|i| i.change.is_none()), "{out:?}");
    assert_eq!(review.len(), 1);
    assert!(review[0].message.contains("破案率下降6%"));
    assert_eq!(review[0].line, 7, "the paragraph's line in the source");
}

#[test]
fn a_change_after_a_level_joins_it() {
    let i = one("全市电诈发案1200起，同比下降15.2%。");
    assert_eq!(
        (i.value, i.unit.as_deref(), i.change),
        (Some(1200.0), Some("起"), Some(-15.2))
    );
    assert_eq!(i.cite, "全市电诈发案1200起，同比下降15.2%");
}

#[test]
fn approximations_are_kept_in_the_unit_or_the_note() {
    let i = one("开展专题调研近60次。");
    assert_eq!((i.value, i.note.as_deref()), (Some(60.0), Some("近60次")));
    let i = one("贡献率超95%。");
    assert_eq!(i.note.as_deref(), Some("超95%"));
    let i = one("培训民警100人以上。");
    assert_eq!(i.note.as_deref(), Some("100人以上"));
    let i = one("出动各级警力4万余人次。");
    assert_eq!((i.value, i.unit.as_deref()), (Some(4.0), Some("万余人次")));
    assert_eq!(i.label, "出动各级警力");
}

#[test]
fn dates_durations_and_points_are_not_levels() {
    let (out, _) = read("于2023年3月、8月部署，为期1个月，12月底高出全国平均水平6个百分点。");
    assert!(out.is_empty(), "{out:?}");
}

#[test]
fn comparisons_in_parentheses_belong_to_the_level_before() {
    let i = one("被骗率达到了0.11%，低于全国（0.25%）和全省（0.28%）水平。");
    let cmp: Vec<(&str, f64)> = i
        .compare
        .iter()
        .map(|c| (c.label.as_str(), c.value.unwrap()))
        .collect();
    assert_eq!(cmp, [("全国", 0.25), ("全省", 0.28)]);
    assert_eq!(
        i.cite,
        "被骗率达到了0.11%，低于全国（0.25%）和全省（0.28%）水平"
    );
    assert_eq!(i.good, Some("down"));
}

#[test]
fn good_only_from_the_table() {
    assert_eq!(good_of("刑事案件破案数"), Some("up"));
    assert_eq!(good_of("电诈发案"), Some("down"));
    assert_eq!(good_of("车辆平均行驶速度"), None);
    assert_eq!(
        good_of("挽回群众损失"),
        None,
        "both words: left for the author"
    );
    let (_, review) = read("车辆平均行驶速度同比提高4.69%。");
    assert!(
        review
            .iter()
            .any(|r| r.message.contains("车辆平均行驶速度"))
    );
}

#[test]
fn numbers_in_words_are_whole() {
    assert_eq!(number_at("共1,600个", 3), Some((1600.0, 8)));
    assert_eq!(number_at("4.98万", 0), Some((4.98, 4)));
    assert_eq!(number_at("12", 1), None, "not inside another number");
}
