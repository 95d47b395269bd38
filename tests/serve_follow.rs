//! A meeting over SSH: a presenter on the server's host (`present
//! --presenter --channel NAME` under a pseudo-terminal) and a follower
//! through `briefing serve` with the real OpenSSH client (`ssh -t host
//! follow 2023 --channel NAME`): the follower shows the presenter's
//! counter, moves with Space and goes black with `b`.

mod common;

use std::time::Duration;

use common::pty::Session;
use common::ssh::{Server, available};

const T: Duration = Duration::from_secs(30);

/// The slide count in a screen's `第 n/N 页`.
fn count(screen: &str) -> u32 {
    let at = screen.find("第 1/").expect("a counter") + "第 1/".len();
    let digits: String = screen[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().unwrap()
}

#[test]
fn a_follower_over_ssh_follows_the_presenter_on_the_host() {
    if !available() {
        return;
    }
    let run = tempfile::tempdir().unwrap();
    let state = tempfile::tempdir().unwrap();
    let shared = tempfile::tempdir().unwrap();
    let env = [
        ("XDG_RUNTIME_DIR", run.path().to_str().unwrap()),
        ("BRIEFING_SHARED_DIR", shared.path().to_str().unwrap()),
        ("XDG_CONFIG_HOME", common::NO_CONFIG),
    ];
    let mut presenter_env = env.to_vec();
    presenter_env.push(("XDG_STATE_HOME", state.path().to_str().unwrap()));
    let mut p = Session::spawn(
        &[
            "present",
            "--presenter",
            "--channel",
            "meeting",
            common::Y2023,
        ],
        80,
        24,
        &presenter_env,
    );
    p.wait_for("第 1/", T);
    let n = count(&p.screen());
    assert!(n > 3, "{}", p.screen());
    let server = Server::start_with(&[], &env);
    let mut args = server.ssh_args("listed");
    // The session's language from the client, as SendEnv would send it.
    args.extend(["-o", "SetEnv=LANG=zh_CN.UTF-8", "-t", "127.0.0.1"].map(String::from));
    args.extend(["follow", "2023", "--channel", "meeting"].map(String::from));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut f = Session::spawn_program("ssh", &args, 60, 20, &[]);
    for step in 1..=3 {
        if step > 1 {
            p.send(b" ");
        }
        let counter = format!("第 {step}/{n} 页");
        p.wait_until(&counter, T, |s| s.contains(&counter));
        f.wait_until(&format!("the follower at {counter}"), T, |s| {
            s.contains(&counter)
        });
    }
    // b: the room goes black, the presenter says so.
    p.send(b"b");
    f.wait_until("a blank screen", T, |s| s.trim().is_empty());
    p.wait_for("已黑屏", T);
    // Space brings the same slide back.
    p.send(b" ");
    let counter = format!("第 3/{n} 页");
    f.wait_until("the slide back", T, |s| s.contains(&counter));
    // The presenter leaves; the follower waits, then leaves with q.
    p.send(b"q");
    assert_eq!(p.wait_exit(T), 0);
    f.wait_for("等待演示者", T);
    f.send(b"q");
    assert_eq!(f.wait_exit(T), 0);
    server.wait_log("what=\"follow 2023 --channel meeting\"", T);
}
