//! What a well-made command-line program provides: a template, the themes,
//! shell completions and a man page generated from the CLI, help for every flag.

mod common;

use clap::CommandFactory;

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
    assert!(stderr.contains("never overwrites"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine");
}

#[test]
fn themes_are_listed_and_usable() {
    let (code, out, _) = run(&["themes"]);
    assert_eq!(code, 0);
    for name in ["dark", "light", "projector"] {
        assert!(out.lines().any(|l| l.starts_with(name)), "{out}");
        assert!(briefing::tui::theme::Theme::by_name(name).is_some());
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
fn every_flag_is_explained_in_one_line() {
    let cli = briefing::cli::Cli::command();
    let mut commands = vec![cli.clone()];
    commands.extend(cli.get_subcommands().cloned());
    for cmd in commands {
        assert!(
            cmd.get_about().is_some() || cmd.get_name() == "briefing",
            "{} has no about",
            cmd.get_name()
        );
        for arg in cmd.get_arguments() {
            let id = arg.get_id().as_str();
            if id == "help" || id == "version" {
                continue;
            }
            let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
            assert!(
                !help.is_empty() && !help.contains('\n'),
                "{} --{id}: {help:?}",
                cmd.get_name()
            );
        }
    }
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
            .contains("other.toml:1:1: error: unknown field `nonsense`")
    );
}
