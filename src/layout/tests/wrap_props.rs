//! Property tests of wrapping: no line too wide, the lines give back the
//! paragraph, and no Chinese rule broken wherever no run had to be split.
//! Was tests/wrap_props.rs.

use crate::layout::breaks::NO_END;
use crate::layout::{NO_START, break_opportunities, width::str_width, wrap};
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

/// The widest run the wrapper may not break.
fn widest_piece(text: &str) -> usize {
    let mut last = 0;
    let mut widest = 0;
    for end in break_opportunities(text).into_iter().chain([text.len()]) {
        widest = widest.max(str_width(text[last..end].trim_end()));
        last = end;
    }
    widest
}

fn assert_wrap(text: &str, width: usize) {
    let lines = wrap(text, width);
    let mut at = 0;
    for (n, r) in lines.iter().enumerate() {
        let line = &text[r.clone()];
        assert!(
            str_width(line) <= width || line.graphemes(true).count() == 1,
            "width {width}: line {n} {line:?} is {} wide",
            str_width(line)
        );
        assert!(!line.is_empty());
        assert!(
            text[at..r.start].trim().is_empty(),
            "text lost before line {n}: {:?}",
            &text[at..r.start]
        );
        at = r.end;
    }
    assert!(
        text[at..].trim().is_empty(),
        "text lost at the end: {:?}",
        &text[at..]
    );
    if width >= widest_piece(text) {
        for pair in lines.windows(2) {
            let before = text[pair[0].clone()].chars().last().unwrap();
            let after = text[pair[1].clone()].chars().next().unwrap();
            assert!(
                !NO_START.contains(&after),
                "width {width}: line starts with {after:?}"
            );
            assert!(
                !NO_END.contains(&before),
                "width {width}: line ends with {before:?}"
            );
        }
    }
}

fn paragraph() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        "西",
        "宁",
        "公",
        "安",
        "，",
        "。",
        "、",
        "；",
        "：",
        "？",
        "！",
        "（",
        "）",
        "《",
        "》",
        "“",
        "”",
        "——",
        "……",
        "6.32%",
        "−6.32%",
        "4.98万",
        "466.2%",
        " ",
        "a",
        "word",
        "https://example.org/x",
        "e\u{301}",
        "👩\u{200d}💻",
        "1",
        "%",
        "「",
        "」",
    ]);
    prop::collection::vec(atoms, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn wrapping_keeps_its_promises(text in paragraph(), width in 1usize..60) {
        assert_wrap(&text, width);
    }
}

#[test]
fn every_width_on_the_2023_briefing() {
    let loaded = crate::load::load(std::path::Path::new("briefings/2023.toml")).unwrap();
    let mut paragraphs = Vec::new();
    for s in &loaded.briefing.sections {
        paragraphs.extend(s.body.iter().cloned());
        for i in &s.items {
            paragraphs.extend(i.body.iter().cloned());
        }
    }
    for width in 1..=120 {
        for p in &paragraphs {
            assert_wrap(p, width);
        }
    }
}
