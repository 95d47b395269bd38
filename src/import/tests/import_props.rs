//! `briefing import` on any text: no panic, a draft that `briefing check`
//! accepts, and every CJK character and digit of the source in the draft, in
//! order, except the marks of points and headings it takes as structure.
//! Was tests/import_props.rs.

use proptest::prelude::*;

/// Pieces of Chinese official writing, figures and marks, glued at random.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("全市公安机关".to_string()),
        Just("一是".to_string()),
        Just("二是".to_string()),
        Just("一、".to_string()),
        Just("（一）".to_string()),
        Just("第一，".to_string()),
        Just("1.".to_string()),
        Just("——".to_string()),
        Just("同比上升".to_string()),
        Just("环比下降".to_string()),
        Just("分别".to_string()),
        Just("个百分点".to_string()),
        Just("“三大战役”".to_string()),
        Just("2024年".to_string()),
        Just("低于全国（".to_string()),
        Just("）".to_string()),
        Just("，".to_string()),
        Just("。".to_string()),
        Just("、".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just(" ".to_string()),
        Just("- 3 -".to_string()),
        Just("\"\"\"'''\\".to_string()),
        "[0-9]{1,4}(\\.[0-9]{1,2})?(%|起|余个|万余人次|名)?".prop_map(|s| s),
        "[a-z]{1,5}".prop_map(|s| s),
        "\\PC{1,3}".prop_map(|s| s),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_text_gives_a_draft_that_check_accepts(pieces in prop::collection::vec(piece(), 1..40), md in any::<bool>()) {
        let text: String = pieces.concat();
        let imported = crate::import::import_text("zz-no-title.txt", &text, md);
        if let Ok(draft) = imported {
            let (b, report) = crate::load::check_text("draft", draft.toml.clone());
            prop_assert!(!report.has_errors(), "{}\n{}", report.render(), draft.toml);
            let b = b.unwrap();
            // The draft's text in reading order, without the titles it supplied.
            let mut kept = String::new();
            if b.title != "zz-no-title" {
                kept += &b.title;
            }
            kept += b.subtitle.as_deref().unwrap_or("");
            for s in &b.sections {
                if !matches!(&*s.title, "综述" | "展望") {
                    kept += &s.title;
                }
                kept += s.subtitle.as_deref().unwrap_or("");
                kept += &s.body.concat();
                for i in &s.items {
                    kept += &i.title;
                    kept += &i.body.concat();
                }
            }
            let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
            let (source, kept) = (squeeze(&text), squeeze(&kept));
            // What is left out is only marks, page numbers and their punctuation.
            let mut rest = kept.chars().peekable();
            for c in source.chars() {
                if rest.peek() == Some(&c) {
                    rest.next();
                } else {
                    prop_assert!(
                        "一二三四五六七八九十是、（）()第，,.。；！？;!?-—#*_0123456789".contains(c),
                        "{c:?} of {source:?} is not in {kept:?}"
                    );
                }
            }
            prop_assert!(rest.peek().is_none(), "the draft has text the source has not: {kept:?}");
        } else {
            // Only a text that is all blank or page furniture has none.
            prop_assert_eq!(imported.unwrap_err(), crate::import::ImportError::NoText);
            let furniture = |l: &str| l.chars().all(|c| c.is_ascii_digit() || " -—".contains(c));
            let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
            let repeated = lines.iter().all(|l| lines.iter().filter(|m| *m == l).count() >= 3);
            prop_assert!(lines.iter().all(|l| furniture(l)) || repeated, "{text:?}");
        }
    }
}
