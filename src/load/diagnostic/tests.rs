//! Unit tests of `diagnostic`.
use super::*;

#[test]
fn line_and_column_count_characters() {
    let src = "a = 1\n标题 = \"x\"\n";
    assert_eq!(line_col(src, 0), (1, 1));
    assert_eq!(line_col(src, 6), (2, 1));
    assert_eq!(line_col(src, 13), (2, 4));
    let lines = Lines::new(src);
    for offset in 0..src.len() {
        assert_eq!(lines.line(offset), line_col(src, offset).0, "{offset}");
    }
}

#[test]
fn renders_caret_under_wide_text() {
    let src = "title = \"西宁\"\nbasis = \"yo\"\n";
    let start = src.find("\"yo\"").unwrap();
    let report = Report {
        path: "x.toml".into(),
        source: Some(src.into()),
        diagnostics: vec![Diagnostic::error(
            Some(start..start + 4),
            Some("section[0].basis".into()),
            "bad".into(),
        )],
        unlisted: (0, 0),
    };
    assert_eq!(
        report.render(),
        "x.toml:2:9: error: section[0].basis: bad\n  |\n2 | basis = \"yo\"\n  |         ^^^^\n"
    );
}

fn one(src: &str, span: Range<usize>) -> String {
    Report {
        path: "x.toml".into(),
        source: Some(src.into()),
        diagnostics: vec![Diagnostic::error(Some(span), None, "bad".into())],
        unlisted: (0, 0),
    }
    .render()
}

#[test]
fn a_span_on_a_line_ending_or_past_the_end_is_brought_inside_the_line() {
    // The parser points at the `\r` the snippet does not show (issue 13).
    for src in ["schema = 1\r", "schema = 1\r\r\n", "a\r\n\r\n"] {
        for start in 0..src.len() + 3 {
            for end in [0, start, start + 1, usize::MAX] {
                let text = one(src, start..end);
                assert!(text.contains(":1:") || text.contains(":2:"), "{text}");
                assert!(!text.contains('\r'));
            }
        }
    }
    assert!(one("schema = 1\r", 10..11).starts_with("x.toml:1:11: error"));
}

#[test]
fn a_long_line_is_shown_around_the_place_with_the_cut_sides_marked() {
    let src = format!("{}x{}\n", "甲".repeat(5000), "乙".repeat(5000));
    let at = "甲".len() * 5000;
    let text = one(&src, at..at + 1);
    assert!(text.starts_with("x.toml:1:5001: error"), "{text}");
    let lines: Vec<&str> = text.lines().collect();
    let shown = lines[2].strip_prefix("1 | ").unwrap();
    assert!(shown.starts_with('…') && shown.ends_with('…'), "{shown}");
    assert!(
        width::str_width(shown) <= WINDOW + 2,
        "{}",
        width::str_width(shown)
    );
    // The caret stands under the `x`, counted in columns (each 甲 is two).
    let caret = lines[3].strip_prefix("  | ").unwrap();
    let x = shown.find('x').unwrap();
    assert_eq!(
        caret,
        format!("{}^", " ".repeat(width::str_width(&shown[..x])))
    );
}

#[test]
fn many_diagnostics_are_capped_with_a_count_of_the_rest() {
    let src = "a = 1\n".repeat(1000);
    let diagnostics = (0..1000)
        .map(|i| {
            let d = if i % 2 == 0 {
                Diagnostic::error
            } else {
                Diagnostic::warning
            };
            d(Some(i * 6..i * 6 + 1), None, "bad".into())
        })
        .collect();
    let report = Report {
        path: "x.toml".into(),
        source: Some(src),
        diagnostics,
        unlisted: (0, 0),
    };
    let text = crate::i18n::with_lang(crate::i18n::Lang::En, || report.render());
    assert_eq!(
        text.matches(": error: ").count() + text.matches(": warning: ").count(),
        MAX_SHOWN
    );
    assert!(text.contains("x.toml:200:1: warning"));
    assert!(
        text.ends_with("x.toml: and 800 more not shown (400 errors, 400 warnings)\n"),
        "{text}"
    );
}

#[test]
fn control_characters_in_source_are_shown_as_placeholders() {
    let src = "title = \"\u{1b}[2J\"\n";
    let report = Report {
        path: "x.toml".into(),
        source: Some(src.into()),
        diagnostics: vec![Diagnostic::warning(Some(8..14), None, "w".into())],
        unlisted: (0, 0),
    };
    let text = report.render();
    assert!(!text.contains('\u{1b}'));
    assert!(text.contains("␛[2J"));
}
