//! `briefing print` on the real binary at every width from 20 to 100: no line
//! too wide, no Chinese line-breaking rule broken, every sentence of the
//! source (tests/fixtures/seed-2023.txt) readable in the output.

mod common;

use unicode_width::UnicodeWidthStr;

const NO_START: &str = "，。、；：？！）》」』】〕〉”’%";
const NO_END: &str = "（《「『【〔〈“‘";

fn print(width: usize) -> String {
    let out = common::briefing()
        .args([
            "print",
            "briefings/2023.toml",
            "--width",
            &width.to_string(),
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

use common::seed::{seed_pieces, squeeze};

#[test]
fn every_width_from_20_to_100_keeps_the_rules() {
    let pieces = seed_pieces();
    assert!(pieces.len() >= 40, "{}", pieces.len());
    for width in 20..=100 {
        let text = print(width);
        assert!(!text.contains('\u{1b}'), "escape sequence at width {width}");
        let lines: Vec<&str> = text.lines().collect();
        for (n, line) in lines.iter().enumerate() {
            assert!(
                line.width() <= width,
                "width {width}, line {n} is {}: {line:?}",
                line.width()
            );
            let first = line.trim_start().chars().next();
            if let Some(c) = first {
                assert!(
                    !NO_START.contains(c),
                    "width {width}, line {n} starts with {c}: {line:?}"
                );
            }
            if let Some(c) = line.trim_end().chars().last() {
                assert!(
                    !NO_END.contains(c),
                    "width {width}, line {n} ends with {c}: {line:?}"
                );
                let next = lines.get(n + 1).and_then(|l| l.trim_start().chars().next());
                if let Some(d) = next {
                    assert!(
                        !(c.is_ascii_digit() && ("万%个起名.".contains(d))),
                        "width {width}: number split at line {n}: {line:?}"
                    );
                    assert!(!matches!((c, d), ('—', '—') | ('…', '…')));
                }
            }
        }
        let flat = squeeze(&text);
        for piece in &pieces {
            assert!(
                flat.contains(piece.as_str()),
                "width {width}: missing {piece:?}"
            );
        }
    }
}

#[test]
fn figures_are_printed_with_sign_basis_and_comparisons() {
    let text = print(100);
    for expected in [
        "▼ −6.32% 同比",
        "▲ +466.2% 同比",
        "▲ +31.9个百分点 同比",
        "全国 0.25%，全省 0.28%",
        "▼ −44% 环比",
        "98.6%",
        "4.98万余路",
    ] {
        assert!(text.contains(expected), "missing {expected:?}");
    }
    assert!(text.contains("1. “三大战役”攻坚战") && text.contains("3. “四大工程”"));
}

#[test]
fn a_file_with_errors_is_not_printed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.toml");
    std::fs::write(&path, "schema = 2\n").unwrap();
    let out = common::briefing().arg("print").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
}

#[test]
fn speaker_notes_only_with_notes() {
    let run = |extra: &[&str]| {
        let out = common::briefing()
            .args(["print", "tests/fixtures/harbour-2024.toml"])
            .args(extra)
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    assert!(!run(&[]).contains("这里强调夜查成效"));
    assert!(run(&["--notes"]).contains("【备注】这里强调夜查成效。"));
}

/// The series lines of the two-year fixture as `print` gives them for `file`.
fn series_lines(file: &str) -> Vec<String> {
    let out = common::briefing()
        .args([
            "print",
            "tests/fixtures/two-years/2023.toml",
            "tests/fixtures/two-years/2024.toml",
            "--width",
            "200",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    // The files print one after the other, each from its title.
    let start = text.find(&format!("河谷县公安局{file}年工作综述")).unwrap();
    let part = &text[start..];
    let next = "河谷县公安局20";
    let end = part[next.len()..]
        .find(next)
        .map_or(part.len(), |e| e + next.len());
    part[..end]
        .lines()
        .filter(|l| l.contains("序列："))
        .map(|l| l.trim().to_string())
        .collect()
}

/// One series per indicator, whichever year shows it; a change-only
/// indicator chained through both years' stated changes, named by year.
#[test]
fn two_years_show_one_series_per_indicator() {
    let early = series_lines("2023");
    let late = series_lines("2024");
    assert_eq!(early, late);
    assert!(
        early.contains(&"序列：2021 980 → 2022 1200 → 2023 1550 → 2024 2100".to_string()),
        "{early:?}"
    );
    assert!(
        early.contains(
            &"序列：上年 100* → 2023 97* → 2024 89.24*（指数，上年=100；*推算）".to_string()
        ),
        "{early:?}"
    );
    assert!(
        early.contains(&"序列：2023 53 → 2024 58".to_string()),
        "{early:?}"
    );
}

#[test]
fn print_into_a_pipe_honours_columns() {
    let out = common::briefing()
        .env("COLUMNS", "50")
        .args(["print", common::Y2023])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let widest = text
        .lines()
        .map(unicode_width::UnicodeWidthStr::width)
        .max()
        .unwrap();
    assert!(widest <= 50 && widest > 40, "widest line {widest}");
}

#[test]
fn list_into_a_pipe_fits_columns_and_keeps_paths_whole() {
    let out = common::briefing()
        .env("COLUMNS", "40")
        .args(["list", "briefings"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("  briefings/2023.toml\n"), "{text}");
    for line in text.lines().filter(|l| !l.starts_with("  ")) {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 40, "{line}");
    }
}
