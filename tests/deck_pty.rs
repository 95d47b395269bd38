//! One deck for the room, on the real binary: a presenter at 80×24 and
//! followers at 40×20 (a phone, narrower than the slide's text), 60×16 and
//! 120×40 show the same counter and the same slide at every step; blanking blanks the room and not the presenter; named
//! channels; a restarted presenter resumes.

mod common;

use std::path::Path;
use std::time::Duration;

use briefing::testing::Slides;
use common::pty::Session;
use common::seed::squeeze;

const T: Duration = Duration::from_secs(15);

/// The first characters of a heading, as a screen shows them (spaces aside).
fn title_of(heading: &str) -> String {
    squeeze(heading).chars().take(8).collect()
}

struct Dirs {
    _run: tempfile::TempDir,
    _state: tempfile::TempDir,
    env: Vec<(String, String)>,
}

fn dirs() -> Dirs {
    let run = tempfile::tempdir().unwrap();
    let state = tempfile::tempdir().unwrap();
    let env = vec![
        (
            "XDG_RUNTIME_DIR".into(),
            run.path().to_str().unwrap().into(),
        ),
        (
            "XDG_STATE_HOME".into(),
            state.path().to_str().unwrap().into(),
        ),
        ("XDG_CONFIG_HOME".into(), common::NO_CONFIG.into()),
    ];
    Dirs {
        _run: run,
        _state: state,
        env,
    }
}

fn spawn(args: &[&str], cols: u16, rows: u16, d: &Dirs) -> Session {
    let env: Vec<(&str, &str)> = d
        .env
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    Session::spawn(args, cols, rows, &env)
}

#[test]
fn four_screens_one_deck_and_blank_for_the_room() {
    let d = dirs();
    let file = common::Y2023;
    // The deck as the presenter lays it out: the titles each step must show.
    let deck = Slides::presenting(Path::new(file), 80, 24, Some(10.0));
    let n = deck.len();
    let mut p = spawn(
        &["present", "--presenter", "--minutes", "10", file],
        80,
        24,
        &d,
    );
    p.wait_for("第 1/", T);
    let mut small = spawn(&["present", "--follow", file], 60, 16, &d);
    let mut large = spawn(&["present", "--follow", file], 120, 40, &d);
    let mut phone = spawn(&["present", "--follow", file], 40, 20, &d);
    small.wait_for("跟随 ", T);
    large.wait_for("跟随 ", T);
    phone.wait_for("跟随 ", T);
    for step in 0..=20 {
        if step > 0 {
            p.send(b" ");
        }
        let at = step.min(n - 1);
        let counter = format!("第 {}/{n} 页", at + 1);
        let title = title_of(&deck.heading(at));
        for s in [&mut p, &mut small, &mut large, &mut phone] {
            s.wait_until(&format!("{counter} and {title}"), T, |screen| {
                screen.contains(&counter) && squeeze(screen).contains(&title)
            });
        }
        assert_eq!(
            p.screen().matches(&counter).count(),
            1,
            "the presenter's view shows the counter once:\n{}",
            p.screen()
        );
    }
    let counter = format!("第 {}/{n} 页", 21);
    // b: the room goes black; the presenter keeps its view, marked.
    p.send(b"b");
    for s in [&mut small, &mut large, &mut phone] {
        s.wait_until("a blank screen", T, |screen| screen.trim().is_empty());
    }
    p.wait_for("已黑屏", T);
    assert!(p.screen().contains(&counter) && p.screen().contains("备注"));
    // The next Space brings the slide back, on the same slide.
    p.send(b" ");
    for s in [&mut p, &mut small, &mut large, &mut phone] {
        s.wait_until("the same slide back", T, |screen| {
            screen.contains(&counter) && !screen.contains("已黑屏")
        });
    }
    // w: white.
    p.send(b"w");
    p.wait_for("已白屏", T);
    for s in [&mut small, &mut large, &mut phone] {
        s.wait_until("a white screen", T, |screen| screen.trim().is_empty());
        let cell = s.parser.screen().cell(3, 3).map(|c| c.bgcolor());
        assert!(
            !matches!(cell, None | Some(vt100::Color::Default)),
            "a white background: {cell:?}"
        );
    }
    p.send(b"q");
    assert_eq!(p.wait_exit(T), 0);
    // The presenter gone, the room is no longer white.
    for s in [&mut small, &mut large, &mut phone] {
        s.wait_for("等待演示者", T);
        s.send(b"q");
        assert_eq!(s.wait_exit(T), 0);
    }
}

#[test]
fn a_named_channel_a_stranger_briefing_and_a_resumed_presenter() {
    let d = dirs();
    let mut p = spawn(
        &[
            "present",
            "--presenter",
            "--channel",
            "room1",
            common::Y2023,
        ],
        100,
        30,
        &d,
    );
    p.wait_for("0 人跟随", T);
    // A follower on the channel with another briefing says so at once, naming both.
    let mut other = spawn(&["present", "--follow=room1", common::HARBOUR], 80, 24, &d);
    other.wait_until("both briefings named", T, |screen| {
        let s = squeeze(screen);
        s.contains("另一份简报") && s.contains("2023") && s.contains("2024")
    });
    let mut same = spawn(&["present", "--follow=room1", common::Y2023], 80, 24, &d);
    p.send(b"g7\r");
    same.wait_for("第 7/", T);
    p.send(b"q");
    assert_eq!(p.wait_exit(T), 0);
    same.wait_for("等待演示者", T);
    // Restarted, the presenter resumes at its slide, and the room with it.
    let mut p = spawn(
        &[
            "present",
            "--presenter",
            "--channel",
            "room1",
            common::Y2023,
        ],
        100,
        30,
        &d,
    );
    p.wait_for("第 7/", T);
    same.wait_for("跟随", T);
    same.wait_for("第 7/", T);
    // --slide says where instead.
    p.send(b"q");
    assert_eq!(p.wait_exit(T), 0);
    let mut p = spawn(
        &[
            "present",
            "--presenter",
            "--channel",
            "room1",
            "--slide",
            "3",
            common::Y2023,
        ],
        100,
        30,
        &d,
    );
    p.wait_for("第 3/", T);
    for mut s in [p, other, same] {
        s.send(b"q");
        assert_eq!(s.wait_exit(T), 0);
    }
}

#[test]
fn share_without_a_role_is_a_usage_error() {
    common::briefing()
        .args(["present", "--share", common::Y2023])
        .assert()
        .code(2);
    common::briefing()
        .args(["present", "--follow", "--presenter", common::Y2023])
        .assert()
        .code(2);
}

#[test]
fn on_the_default_channel_a_presenter_of_another_briefing_is_named() {
    let d = dirs();
    let files = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(common::Y2023).unwrap();
    let changed = text.replacen(
        "title = \"坚持守正创新焕发平安建设新动能\"",
        "title = \"修订稿平安建设新动能\"",
        1,
    );
    assert_ne!(changed, text);
    let other = files.path().join("other.toml");
    std::fs::write(&other, changed).unwrap();
    let mut p = spawn(&["present", "--presenter", common::Y2023], 100, 30, &d);
    p.wait_for("0 人跟随", T);
    // Its own default channel is empty: it names the presenter it sees, and keeps waiting.
    let mut f = spawn(
        &["present", "--follow", other.to_str().unwrap()],
        80,
        24,
        &d,
    );
    f.wait_until("both briefings named", T, |screen| {
        let s = squeeze(screen);
        s.contains("另一份简报")
            && s.contains("坚持守正")
            && s.contains("修订稿")
            && s.contains("2023")
    });
    assert!(squeeze(&f.screen()).contains("等待"));
    for mut s in [p, f] {
        s.send(b"q");
        assert_eq!(s.wait_exit(T), 0);
    }
}

#[test]
fn a_deck_laid_out_for_the_projectors_size() {
    let d = dirs();
    let file = common::Y2023;
    // Laid out for 120×40, not for the 48×23 preview of an 80×24 presenter's view.
    let deck = Slides::open(Path::new(file), 120, 40);
    let n = deck.len();
    let preview = Slides::presenting(Path::new(file), 80, 24, None);
    assert_ne!(n, preview.len(), "the sizes lay the deck out differently");
    let mut p = spawn(
        &["present", "--presenter", "--deck-size", "120x40", file],
        80,
        24,
        &d,
    );
    p.wait_for(&format!("第 1/{n} 页"), T);
    let mut projector = spawn(&["present", "--follow", file], 120, 40, &d);
    let mut phone = spawn(&["present", "--follow", file], 40, 20, &d);
    for step in 0..6 {
        if step > 0 {
            p.send(b" ");
        }
        let counter = format!("第 {}/{n} 页", step + 1);
        let title = title_of(&deck.heading(step));
        for s in [&mut p, &mut projector, &mut phone] {
            s.wait_until(&format!("{counter} and {title}"), T, |screen| {
                screen.contains(&counter) && squeeze(screen).contains(&title)
            });
        }
    }
    for mut s in [p, projector, phone] {
        s.send(b"q");
        assert_eq!(s.wait_exit(T), 0);
    }
}

#[test]
fn a_deck_size_is_checked() {
    for size in [
        "10x5", "120", "120x", "x40", "501x40", "120x251", "0x8", "1e2x40",
    ] {
        let out = common::briefing()
            .args(["present", "--presenter", "--deck-size", size, common::Y2023])
            .assert()
            .code(2);
        let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
        assert!(err.contains("--deck-size"), "{size}: {err}");
    }
    // Only the presenter lays the deck out.
    common::briefing()
        .args(["present", "--deck-size", "120x40", common::Y2023])
        .assert()
        .code(2);
}
