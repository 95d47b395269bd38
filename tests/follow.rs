//! A presenter with two followers on the real binary. (The channel under
//! hostile peers is unit-tested in `src/follow/tests/`.)

mod common;

use std::time::{Duration, Instant};

use briefing::testing::follow::{uid, user_name};
use common::pty::Session;

const T: Duration = Duration::from_secs(10);

#[test]
fn a_presenter_and_two_followers() {
    let runtime = tempfile::tempdir().unwrap();
    let env = [("XDG_RUNTIME_DIR", runtime.path().to_str().unwrap())];
    let file = common::HARBOUR;
    let mut presenter = Session::spawn(&["present", "--presenter", file], 100, 30, &env);
    presenter.wait_for("0 人跟随", T);
    let mut a = Session::spawn(&["present", "--follow", file], 80, 24, &env);
    let mut b = Session::spawn(&["present", "--follow", file], 60, 20, &env);
    // Each names whose presentation it follows.
    let following = format!("跟随 {} 的演示", user_name(uid()));
    a.wait_for(&following, T);
    b.wait_for(&following, T);
    presenter.wait_for("2 人跟随", T);
    // → on the presenter moves both followers within half a second.
    presenter.send(b"\x1b[C\x1b[C");
    let start = Instant::now();
    a.wait_for("1  “安全畅通”行动", T);
    b.wait_for("1  “安全畅通”行动", T);
    assert!(
        start.elapsed() < Duration::from_millis(500),
        "{:?}",
        start.elapsed()
    );
    // A follower pressing ← stays where it is while the presenter moves on.
    a.send(b"\x1b[D");
    a.wait_for("自行浏览", T);
    let detached = a.screen();
    presenter.send(b"2");
    b.wait_for("2  “绿波通行”工程", T);
    a.settle(Duration::from_millis(300));
    assert!(
        !a.screen().contains("2  “绿波通行”工程"),
        "{}\nwas\n{detached}",
        a.screen()
    );
    // f brings it back.
    a.send(b"f");
    a.wait_for("2  “绿波通行”工程", T);
    // No note ever reaches a follower.
    for s in [&a, &b] {
        assert!(!s.screen().contains("这里强调夜查成效"));
    }
    // Quitting the presenter leaves the followers running, waiting.
    presenter.send(b"q");
    assert_eq!(presenter.wait_exit(T), 0);
    a.wait_for("等待演示者", T);
    b.wait_for("等待演示者", T);
    for mut s in [a, b] {
        s.send(b"q");
        assert_eq!(s.wait_exit(T), 0);
    }
}
