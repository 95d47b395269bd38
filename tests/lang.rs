//! The interface in English (`--lang en`, or `lang = "en"` in the config);
//! the briefing's own text stays as it is written.

mod common;

use briefing::i18n::{Lang, with_lang};
use common::{HARBOUR, Y2023, screen};

#[test]
fn the_reader_in_english() {
    let detail = with_lang(Lang::En, || screen(HARBOUR, 100, 30, "1<Tab><Enter>"));
    assert!(
        detail.contains("Indicator  Esc back") && detail.contains("(1) 夜间集中查处"),
        "{detail}"
    );
    insta::assert_snapshot!("english_detail_100x30", detail);
    let help = with_lang(Lang::En, || screen(Y2023, 80, 24, "?"));
    assert!(help.contains("Help · keys (Esc closes)"));
    insta::assert_snapshot!("english_help_80x24", help);
    // The same screens in Chinese have no English interface words.
    let zh = with_lang(Lang::Zh, || screen(HARBOUR, 100, 30, "1<Tab><Enter>"));
    assert!(zh.contains("指标详情") && !zh.contains("Esc back"));
}

#[test]
fn print_and_the_config_choose_the_language() {
    let out = common::briefing()
        .args(["--lang", "en", "print", HARBOUR])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("Indicators")
            && text.contains("(1) 夜间集中查处")
            && text.contains("Series: 2023-H1 251"),
        "{text}"
    );
    let xdg = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(xdg.path().join("briefing")).unwrap();
    std::fs::write(xdg.path().join("briefing/config.toml"), "lang = \"en\"\n").unwrap();
    let out = common::briefing()
        .env("XDG_CONFIG_HOME", xdg.path())
        .args(["print", HARBOUR])
        .output()
        .unwrap();
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("Indicators")
    );
    let out = common::briefing()
        .env("XDG_CONFIG_HOME", xdg.path())
        .args(["--lang", "zh", "print", HARBOUR])
        .output()
        .unwrap();
    assert!(
        String::from_utf8(out.stdout).unwrap().contains("指标"),
        "the flag beats the config"
    );
}
