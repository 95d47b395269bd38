//! A property of `print` at every width from 20 to 120: no line splits a
//! number (full-width ones with their point, comma and percent sign), a
//! number from its unit or percent sign, 同比 or 环比, or a period label
//! from its value.

use proptest::prelude::*;

use crate::load::check_text;
use crate::model::Briefing;

/// Pieces that must come out whole on one line.
const WHOLE: &[&str] = &[
    "１２３４５起",
    "３．２％",
    "１，２３４人",
    "２０２３年",
    "同比",
    "环比",
    "12%",
    "2100起",
    "−6.32%",
    "+466.2%",
    "4.98万",
    "53个",
];

/// Text between the pieces, where a line may break.
const FILLER: &[&str] = &["的", "，", "和", "。", "下降", "全市公安机关"];

fn briefing(period: &str, body: &str, value: f64, history: &[(u16, f64)]) -> Briefing {
    let history: Vec<String> = history
        .iter()
        .map(|(y, v)| format!("{{ period = \"{y}\", value = {v:?} }}"))
        .collect();
    let toml = format!(
        r#"schema = 1
[briefing]
title = "标题"
organization = "某局"
period = "{period}"
[[section]]
id = "lead"
kind = "lead"
title = "综述"
body = "{body}"
[[section.indicator]]
id = "cases"
label = "刑事案件"
value = {value:?}
unit = "起"
change = -3.0
change_unit = "%"
basis = "yoy"
history = [{}]
[[section.indicator]]
id = "rate"
label = "破案率"
change = 2.5
change_unit = "%"
basis = "yoy"
"#,
        history.join(", ")
    );
    let (b, report) = check_text("p.toml", toml);
    b.unwrap_or_else(|| panic!("{report:?}"))
}

fn body() -> impl Strategy<Value = String> {
    let piece = (
        prop::sample::select(WHOLE.to_vec()),
        prop::sample::select(FILLER.to_vec()),
    );
    prop::collection::vec(piece, 1..30)
        .prop_map(|v| v.into_iter().map(|(a, b)| format!("{a}{b}")).collect())
}

/// How often `piece` occurs within single lines of `text`.
fn on_lines(text: &str, piece: &str) -> usize {
    text.lines().map(|l| l.matches(piece).count()).sum()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn print_never_splits_a_number_a_unit_or_a_label(body in body(), width in 20usize..=120) {
        let early = briefing("2023", &body, 1550.0, &[(2021, 980.0), (2022, 1200.0)]);
        let late = briefing("2024", &body, 2100.0, &[]);
        let group = [early, late.clone()];
        let out = super::render(&late, &group, width, false);
        for piece in WHOLE {
            let stated = body.matches(piece).count();
            prop_assert!(
                on_lines(&out, piece) >= stated,
                "width {}: {:?} split in\n{}", width, piece, out
            );
        }
        for pair in ["2021 980", "2022 1200", "2023 1550", "2024 2100", "上年 100*", "2023 102.5*", "2024 105.06*"] {
            prop_assert!(on_lines(&out, pair) >= 1, "width {}: {:?} split in\n{}", width, pair, out);
        }
    }
}
