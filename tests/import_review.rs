//! `briefing import --review`: the review screen on TestBackend over the
//! seed, and the real binary under a pseudo-terminal dropping one indicator,
//! flipping one and writing a draft that `briefing check` passes.

mod common;

use std::time::Duration;

use briefing::testing::{ImportReview, Outcome};
use common::pty::Session;

const SEED: &str = "tests/fixtures/seed-2023-ordered.txt";
const T: Duration = Duration::from_secs(20);

fn review() -> ImportReview {
    ImportReview::of_file(std::path::Path::new(SEED), "seed.toml")
}

fn screen(review: &mut ImportReview, width: u16, height: u16, script: &str) -> String {
    review.press(script);
    review.screen(width, height)
}

/// How many indicators a draft has.
fn indicators(toml: &str) -> usize {
    toml.matches("indicator]]").count()
}

#[test]
fn review_80x24_first() {
    insta::assert_snapshot!(screen(&mut review(), 80, 24, ""));
}

#[test]
fn review_80x24_dropped_and_flipped() {
    let mut r = review();
    let before = indicators(&r.written());
    let shown = screen(&mut r, 80, 24, "jjdkg");
    // The third is dropped from what would be written.
    assert_eq!(indicators(&r.written()), before - 1);
    insta::assert_snapshot!(shown);
}

#[test]
fn review_80x24_editing_a_label() {
    insta::assert_snapshot!(screen(&mut review(), 80, 24, "e<BS>总数"));
}

#[test]
fn review_80x24_help() {
    insta::assert_snapshot!(screen(&mut review(), 80, 24, "?"));
}

#[test]
fn review_80x24_finishing() {
    insta::assert_snapshot!(screen(&mut review(), 80, 24, "dq"));
}

#[test]
fn review_40x15_first() {
    insta::assert_snapshot!(screen(&mut review(), 40, 15, ""));
}

#[test]
fn review_40x15_help() {
    insta::assert_snapshot!(screen(&mut review(), 40, 15, "?"));
}

#[test]
fn every_size_draws_without_panicking() {
    let mut r = review();
    for (w, h) in [(1, 1), (2, 3), (10, 4), (20, 6), (200, 50)] {
        for script in ["", "?", "<Esc>e", "<Esc>q"] {
            screen(&mut r, w, h, script);
        }
    }
}

#[test]
fn q_then_enter_writes_and_n_leaves_without_writing() {
    let mut r = review();
    let first = r.screen(80, 24);
    assert_eq!(r.press("q"), None);
    assert_ne!(r.screen(80, 24), first, "q asks first");
    assert_eq!(r.press("<Enter>"), Some(Outcome::Write));
    let mut r = review();
    assert_eq!(r.press("<C-c>"), None);
    assert_eq!(r.press("n"), Some(Outcome::Discard));
}

#[test]
fn review_without_a_terminal_says_so_and_exits_2() {
    let out = common::briefing()
        .args(["import", SEED, "--review", "-o", "never.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("import --review"), "{stderr}");
    assert!(out.stdout.is_empty());
    assert!(!std::path::Path::new("never.toml").exists());
}

#[test]
fn the_binary_drops_one_flips_one_and_writes_a_draft_that_checks() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("draft.toml");
    let out_s = out.to_str().unwrap();
    let mut s = Session::spawn(&["import", SEED, "--review", "-o", out_s], 80, 24, &[]);
    s.wait_for("1/55", T);
    // The first is 电诈发案 (cite 电诈发案同比下降6.32%): drop it.
    assert!(s.screen().contains("电诈发案"), "{}", s.screen());
    s.send(b"d");
    s.wait_for("2/55", T);
    // The second, 破案数, is up: flip it to down.
    s.send(b"g");
    s.wait_for("下降为好", T);
    // Keep it, and rename the third (破案率) with Chinese typed in.
    s.send(b"\r");
    s.wait_for("3/55", T);
    s.send(b"e");
    s.wait_for("名称：", T);
    s.send(b"\x7f");
    s.send("比例".as_bytes());
    s.wait_for("破案比例▏", T);
    s.send(b"\r");
    s.wait_for("名称 破案比例", T);
    s.send(b"q");
    s.wait_for("删去 1 个", T);
    s.send(b"\r");
    assert_eq!(s.wait_exit(T), 0);
    assert!(!s.parser.screen().alternate_screen());
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(!written.contains("label = \"电诈发案\""), "{written}");
    assert!(written.contains("label = \"破案数\""));
    assert!(written.contains("label = \"破案比例\""), "{written}");
    assert!(!written.contains("label = \"破案率\""));
    let tail = written.split("label = \"破案数\"").nth(1).unwrap();
    let block = tail.split("[[").next().unwrap();
    assert!(block.contains("good = \"down\""), "{block}");
    let check = common::briefing().args(["check", out_s]).output().unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
}

#[test]
fn the_cite_and_only_the_cite_is_highlighted() {
    let r = review();
    let cite = r.current_cite();
    // Wide characters leave an empty cell after them.
    assert_eq!(r.highlighted(80, 24), cite.replace(' ', ""));
}

/// The README's review screen is what the review draws for its press
/// paragraph (blank rows aside).
#[test]
fn the_readme_shows_the_review_screen_as_it_is() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let after = |mark: &str| {
        let start = readme.find(mark).unwrap() + mark.len();
        let rest = &readme[start..];
        rest[..rest.find("```").unwrap()].to_string()
    };
    let press = {
        let rest = after("$ cat press.txt\n");
        rest[..rest.find("\n$ ").unwrap() + 1].to_string()
    };
    let shown = after("$ briefing import press.txt --review -o press.toml\n");
    let mut r = ImportReview::of_text("press.txt", &press, "press.toml");
    let drawn = screen(&mut r, 80, 16, "<Enter><Enter>");
    let solid = |s: &str| -> Vec<String> {
        s.lines()
            .filter(|l| !l.trim().is_empty())
            .map(str::to_string)
            .collect()
    };
    assert_eq!(solid(&drawn), solid(&shown));
    let confirm = screen(&mut r, 80, 16, "dq");
    let last = confirm.lines().last().unwrap();
    assert!(readme.contains(&format!("```text\n{last}\n```")), "{last}");
}

#[test]
fn control_characters_of_the_source_never_reach_the_screen() {
    let text = "标题\u{1b}[31m\n\n正文\u{1b}]0;x\u{7}的电诈发案\u{202e}312起，同比下降5%。\n";
    let mut r = ImportReview::of_text("h.txt", text, "h\u{1b}[2J.toml");
    assert!(r.candidates() > 0);
    for script in ["", "e\u{1b}x", "q"] {
        let shown = screen(&mut r, 80, 24, script);
        assert!(
            !shown.chars().any(|c| (c.is_control() && c != '\n')
                || ('\u{202a}'..='\u{202e}').contains(&c)
                || ('\u{2066}'..='\u{2069}').contains(&c)),
            "{shown:?}"
        );
    }
}
