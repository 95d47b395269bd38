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
    assert!(s.screen().contains("q Ctrl-C x"), "{}", s.screen());
    s.send(b"\x1b");
    s.settle(Duration::from_millis(100));
    s.send(b"x");
    assert_eq!(s.wait_exit(Duration::from_secs(10)), 0);
}
