//! The follow server under a flood of peers: capped at MAX_PEERS, and out of
//! file descriptors it rests instead of spinning, while the followers it
//! has keep being served.

mod common;

use std::io::{BufRead, BufReader};
use std::os::fd::OwnedFd;
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use briefing::testing::follow::{Heard, MAX_PEERS, channel, heard};
use common::pty::Session;
use rustix::net::{AddressFamily, SocketAddrUnix, SocketFlags, SocketType};

const T: Duration = Duration::from_secs(10);

fn socket(runtime: &Path) -> PathBuf {
    let hash = channel(Path::new(common::HARBOUR));
    runtime.join("briefing").join(format!("{hash}.sock"))
}

/// A presenter of HARBOUR, its runtime directory in `runtime`, with at most `fds` open files.
fn presenter(runtime: &Path, fds: Option<u32>) -> Session {
    let limit = fds.map_or(String::new(), |n| format!("ulimit -n {n} && "));
    let script = format!(
        "{limit}exec \"$BRIEFING\" present --presenter {}",
        common::HARBOUR
    );
    let mut p = Session::spawn_program(
        "sh",
        &["-c", &script],
        100,
        30,
        &[
            ("BRIEFING", env!("CARGO_BIN_EXE_briefing")),
            ("XDG_RUNTIME_DIR", runtime.to_str().unwrap()),
        ],
    );
    p.wait_for("0 人跟随", T);
    p
}

/// Up to `n` peers that connect without waiting and never read; those a
/// full backlog refuses try again for up to `patience`.
fn flood(path: &Path, n: usize, patience: Duration) -> Vec<OwnedFd> {
    let addr = SocketAddrUnix::new(path).unwrap();
    let until = Instant::now() + patience;
    let mut peers = Vec::new();
    while peers.len() < n && Instant::now() < until {
        let fd = rustix::net::socket_with(
            AddressFamily::UNIX,
            SocketType::STREAM,
            SocketFlags::NONBLOCK | SocketFlags::CLOEXEC,
            None,
        )
        .unwrap();
        match rustix::net::connect(&fd, &addr) {
            Ok(()) => peers.push(fd),
            Err(_) => std::thread::sleep(Duration::from_millis(5)),
        }
    }
    peers
}

/// The process's CPU time so far (user + system), from /proc.
fn cpu(pid: i32) -> Duration {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    // The fields after the command's ")" start at the 3rd; utime and stime are the 14th and 15th.
    let fields: Vec<&str> = stat[stat.rfind(')').unwrap() + 2..].split(' ').collect();
    let ticks: u64 = fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap();
    let hz: u64 = String::from_utf8(
        std::process::Command::new("getconf")
            .arg("CLK_TCK")
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap()
    .trim()
    .parse()
    .unwrap();
    Duration::from_millis(ticks * 1000 / hz)
}

/// A follower's next place line (the line saying which briefing, first, aside).
fn next_place(lines: &mut BufReader<UnixStream>) -> Heard {
    loop {
        let mut line = String::new();
        lines.read_line(&mut line).unwrap();
        if let Some(place) = heard(&line) {
            return place;
        }
    }
}

#[test]
fn out_of_file_descriptors_the_presenter_rests_and_serves_its_followers() {
    let runtime = tempfile::tempdir().unwrap();
    let mut p = presenter(runtime.path(), Some(64));
    let path = socket(runtime.path());
    let follower = UnixStream::connect(&path).unwrap();
    follower.set_read_timeout(Some(T)).unwrap();
    let mut lines = BufReader::new(follower);
    let first = next_place(&mut lines);
    p.wait_for("1 人跟随", T);

    let peers = flood(&path, 300, Duration::from_secs(1));
    // Let it take what it can and hit its limit.
    std::thread::sleep(Duration::from_millis(500));
    let window = Duration::from_secs(3);
    let (before, start) = (cpu(p.pid()), Instant::now());
    std::thread::sleep(window);
    let used = cpu(p.pid()) - before;
    let share = used.as_secs_f64() / start.elapsed().as_secs_f64();
    eprintln!(
        "{} of 300 peers connected; presenter CPU {:.1} % over {:?}",
        peers.len(),
        share * 100.0,
        start.elapsed()
    );
    // A spin on the listener is a whole core (~90-100 %).
    assert!(
        share < 0.05,
        "the presenter used {:.1} % of a core",
        share * 100.0
    );

    // The follower from before the flood still follows.
    p.send(b"\x1b[C");
    let deadline = Instant::now() + T;
    while next_place(&mut lines) == first {
        assert!(Instant::now() < deadline, "the follower was not moved");
    }
    drop(peers);
    p.send(b"q");
    assert_eq!(p.wait_exit(T), 0);
}

#[test]
fn peers_past_the_cap_are_turned_away() {
    let runtime = tempfile::tempdir().unwrap();
    let mut p = presenter(runtime.path(), None);
    let path = socket(runtime.path());
    let peers = flood(&path, MAX_PEERS + 44, T);
    assert_eq!(peers.len(), MAX_PEERS + 44);
    p.wait_for(&format!("{MAX_PEERS} 人跟随"), T);
    p.settle(Duration::from_millis(300));
    assert!(
        p.screen().contains(&format!("{MAX_PEERS} 人跟随")),
        "{}",
        p.screen()
    );
    drop(peers);
    p.wait_for("0 人跟随", T);
    p.send(b"q");
    assert_eq!(p.wait_exit(T), 0);
}
