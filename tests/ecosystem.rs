//! What a well-made command-line program provides: a template, the themes,
//! shell completions and a man page generated from the CLI, help for every flag.

use assert_cmd::Command;
use clap::CommandFactory;

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("briefing")
        .unwrap()
        .args(args)
        .output()
        .unwrap();
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
