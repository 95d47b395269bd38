//! The interface in English (`--lang en`, or `lang = "en"` in the config);
//! the briefing's own text stays as it is written.

mod common;

use briefing::testing::{Lang, with_lang};
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

/// Every string id the source names is in the table: a missing one would
/// show as its bare id.
#[test]
fn every_id_named_in_the_source_exists() {
    fn sources(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                sources(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    let mut files = Vec::new();
    sources(std::path::Path::new("src"), &mut files);
    let mut ids = Vec::new();
    for f in files.iter().filter(|f| !f.starts_with("src/i18n")) {
        let text = std::fs::read_to_string(f).unwrap();
        // `t("id")`, `tr("id")`, and ids kept in tables: "d.…", "m.…", "theme.…", "k.…", "s.…", "h.…".
        for piece in text.split('"').skip(1).step_by(2) {
            let named = |prefix: &str| {
                piece.strip_prefix(prefix).is_some_and(|rest| {
                    !rest.is_empty() && rest.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                })
            };
            if ["d.", "m.", "n.", "theme.", "k.", "s.", "h."]
                .iter()
                .any(|p| named(p))
            {
                ids.push((f.clone(), piece.to_string()));
            }
        }
        for call in ["t(\"", "tr(\""] {
            for (at, _) in text.match_indices(call) {
                let before = text[..at].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue; // push_str("…"), not t("…")
                }
                let id = text[at + call.len()..].split('"').next().unwrap();
                ids.push((f.clone(), id.to_string()));
            }
        }
    }
    assert!(ids.len() > 100, "found {} ids", ids.len());
    for lang in [Lang::Zh, Lang::En] {
        with_lang(lang, || {
            for (f, id) in &ids {
                assert!(
                    briefing::testing::interface_string(id).is_some(),
                    "{}: {id} is not in the table",
                    f.display()
                );
            }
        });
    }
}
