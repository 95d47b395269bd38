//! Key overrides from the config act in the reader, and its help shows them.

mod common;

use std::time::Duration;

use common::pty::Session;

#[test]
fn overridden_keys_act_and_the_help_follows() {
    let xdg = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(xdg.path().join("briefing")).unwrap();
    std::fs::write(
        xdg.path().join("briefing/config.toml"),
        "[keys]\n\"ctrl-d\" = \"page_down\"\nx = \"quit\"\n",
    )
    .unwrap();
    let env = [("XDG_CONFIG_HOME", xdg.path().to_str().unwrap())];
    let mut s = Session::spawn(&["open", "briefings/2023.toml"], 100, 40, &env);
    s.wait_for("综述", Duration::from_secs(10));
    s.send(b"?");
    s.wait_for("Space PgDn Ctrl-D", Duration::from_secs(10));
    // The whole box is drawn in one frame, but the screen may be read mid-write.
    s.wait_for("q Ctrl-C x", Duration::from_secs(10));
    s.esc_closes("Space PgDn Ctrl-D", Duration::from_secs(10));
    s.send(b"x");
    assert_eq!(s.wait_exit(Duration::from_secs(10)), 0);
}

#[test]
fn the_slides_take_overrides_too() {
    let xdg = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(xdg.path().join("briefing")).unwrap();
    // `j` turns the slides, `x` quits everywhere; the reader's `l` is not a slide key.
    std::fs::write(
        xdg.path().join("briefing/config.toml"),
        "[keys]\nj = \"next_slide\"\nx = \"quit\"\nl = \"next_section\"\n",
    )
    .unwrap();
    let env = [("XDG_CONFIG_HOME", xdg.path().to_str().unwrap())];
    let mut s = Session::spawn(&["present", "briefings/2023.toml"], 80, 24, &env);
    s.wait_for("1/", Duration::from_secs(10));
    s.send(b"j");
    s.wait_for("2/", Duration::from_secs(10));
    s.send(b"l");
    s.wait_for("3/", Duration::from_secs(10));
    s.send(b"?");
    s.wait_for("Enter j", Duration::from_secs(10));
    assert!(s.screen().contains("q Ctrl-C x"), "{}", s.screen());
    s.send(b"?");
    s.settle(Duration::from_millis(100));
    s.send(b"x");
    assert_eq!(s.wait_exit(Duration::from_secs(10)), 0);
}
