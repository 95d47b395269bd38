//! What a well-made command-line program provides: a template, the themes,
//! shell completions and a man page generated from the CLI, help for every flag.

mod common;

fn run(args: &[&str]) -> (i32, String, String) {
    let out = common::briefing().args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn new_writes_a_template_that_checks_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mine.toml");
    let p = path.to_str().unwrap();
    assert_eq!(run(&["new", p]).0, 0);
    let (code, _, stderr) = run(&["check", p]);
    assert_eq!(
        (code, stderr.as_str()),
        (0, ""),
        "the template is a clean briefing"
    );
    std::fs::write(&path, "mine").unwrap();
    let (code, _, stderr) = run(&["new", p]);
    assert_eq!(code, 1);
    assert!(stderr.contains("从不覆盖"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine");
}

#[test]
fn themes_are_listed_and_usable() {
    let (code, out, _) = run(&["themes"]);
    assert_eq!(code, 0);
    for name in ["dark", "light", "projector"] {
        assert!(out.lines().any(|l| l.starts_with(name)), "{out}");
        // The name is one `--theme` takes.
        let cli = briefing::testing::command();
        let open = cli.find_subcommand("open").unwrap();
        let theme = open
            .get_arguments()
            .find(|a| a.get_id() == "theme")
            .unwrap();
        assert!(
            theme
                .get_possible_values()
                .iter()
                .any(|v| v.matches(name, false)),
            "{name} is not a --theme"
        );
    }
}

#[test]
fn completions_and_man_page_come_from_the_cli() {
    for shell in ["bash", "zsh", "fish"] {
        let (code, out, _) = run(&["completions", shell]);
        assert_eq!(code, 0);
        for sub in ["open", "present", "check", "print", "list"] {
            assert!(out.contains(sub), "{shell} completion lacks {sub}");
        }
    }
    let (code, man, _) = run(&["man"]);
    assert_eq!(code, 0);
    assert!(man.contains(".TH briefing 1"));
    for sub in ["open", "present", "check", "print", "list", "new", "themes"] {
        assert!(man.contains(sub), "man page lacks {sub}");
    }
}

#[test]
fn every_flag_is_explained_in_one_line_in_both_languages() {
    use briefing::testing::{Lang, with_lang};
    let han = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    for lang in [Lang::Zh, Lang::En] {
        let cli = with_lang(lang, briefing::testing::command);
        let mut commands = vec![cli.clone()];
        commands.extend(cli.get_subcommands().cloned());
        for cmd in commands {
            let about = cmd.get_about().map(|a| a.to_string()).unwrap_or_default();
            assert!(!about.is_empty(), "{} has no about", cmd.get_name());
            let mut lines = vec![about];
            for arg in cmd.get_arguments() {
                let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
                assert!(
                    !help.is_empty() && !help.contains('\n'),
                    "{} --{}: {help:?}",
                    cmd.get_name(),
                    arg.get_id()
                );
                lines.push(help);
            }
            for line in lines {
                // Chinese lines are in Chinese; English lines carry no Chinese
                // beyond the terms the format itself uses (同比, 环比).
                assert_eq!(
                    han(&line),
                    lang == Lang::Zh,
                    "{lang:?} {}: {line}",
                    cmd.get_name()
                );
            }
        }
    }
}

#[test]
fn help_follows_the_language_of_the_flag_and_of_the_config() {
    let (_, zh, _) = run(&["--help"]);
    assert!(
        zh.contains("用法：briefing") && zh.contains("命令:"),
        "{zh}"
    );
    let (_, en, _) = run(&["--lang", "en", "check", "--help"]);
    assert!(
        en.contains("Usage: briefing check") && en.contains("Print help"),
        "{en}"
    );
    let xdg = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(xdg.path().join("briefing")).unwrap();
    std::fs::write(xdg.path().join("briefing/config.toml"), "lang = \"en\"\n").unwrap();
    let out = common::briefing()
        .env("XDG_CONFIG_HOME", xdg.path())
        .args(["print", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8(out.stdout).unwrap();
    assert!(help.contains("Wrap to this many columns"), "{help}");
    // The flag beats the config.
    let out = common::briefing()
        .env("XDG_CONFIG_HOME", xdg.path())
        .args(["--lang=zh", "print", "--help"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("按这么多列折行")
    );
}

#[test]
fn diagnostics_follow_the_language() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.toml");
    std::fs::write(&path, "schema = 1\n[briefing]\ntitel = \"x\"\n").unwrap();
    let p = path.to_str().unwrap();
    let (code, _, zh) = run(&["check", p]);
    assert_eq!(code, 1);
    assert!(
        zh.contains("bad.toml:3:1: error: briefing.titel: 未知的键 `titel`，可用的键：`title`、"),
        "{zh}"
    );
    let (code, _, en) = run(&["--lang", "en", "check", p]);
    assert_eq!(code, 1);
    assert!(
        en.contains(
            "bad.toml:3:1: error: briefing.titel: unknown field `titel`, expected one of `title`, "
        ),
        "{en}"
    );
}

#[test]
fn the_config_file_is_read_checked_and_beaten_by_flags() {
    let dir = tempfile::tempdir().unwrap();
    let xdg = dir.path().join("xdg");
    std::fs::create_dir_all(xdg.join("briefing")).unwrap();
    let config = xdg.join("briefing/config.toml");
    let library = std::fs::canonicalize("briefings").unwrap();
    std::fs::write(
        &config,
        format!("library = [\"{}\"]\ncolor = \"never\"\n", library.display()),
    )
    .unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    // A relative name found in the config's library directory.
    let out = common::briefing()
        .current_dir(elsewhere.path())
        .env("XDG_CONFIG_HOME", &xdg)
        .env_remove("BRIEFING_PATH")
        .args(["print", "2023.toml", "--width", "50"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // A bad config: the file, the line and the column.
    std::fs::write(&config, "theme = \"dark\"\nambiguous_width = \"huge\"\n").unwrap();
    let out = common::briefing()
        .env("XDG_CONFIG_HOME", &xdg)
        .args(["themes"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(&format!(
            "{}:2:19: error: ambiguous_width",
            config.display()
        )),
        "{stderr}"
    );
    // --config names another file.
    let other = dir.path().join("other.toml");
    std::fs::write(&other, "nonsense = 1\n").unwrap();
    let out = common::briefing()
        .arg("--config")
        .arg(&other)
        .args(["themes"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("other.toml:1:1: error: 未知的键 `nonsense`")
    );
}
