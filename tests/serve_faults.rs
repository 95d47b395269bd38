//! `briefing serve` under hostile or broken clients: one that vanishes
//! mid-frame, half-open and never-authenticating connections, a flood of
//! window changes, a 10 MB paste. The server stays up, another session
//! keeps working, and memory stays bounded.

mod common;

use std::io::{ErrorKind, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use common::pty::Session;
use common::ssh::{Server, available};

const T: Duration = Duration::from_secs(30);

fn terminal(server: &Server, cols: u16, rows: u16) -> Session {
    let mut all: Vec<String> = server.ssh_args("listed");
    all.push("-t".into());
    all.push("127.0.0.1".into());
    let all: Vec<&str> = all.iter().map(String::as_str).collect();
    let mut s = Session::spawn_program("ssh", &all, cols, rows, &[]);
    s.wait_for("Briefings", T);
    s.wait_for("2023", T);
    s
}

/// The reader opened from the start screen.
fn reader(server: &Server, cols: u16, rows: u16) -> Session {
    let mut s = terminal(server, cols, rows);
    s.send(b"\r");
    s.wait_for("综述", T);
    s
}

/// A session that still answers keys: `2` shows the section that begins
/// with this line, `1` another.
fn still_reads(s: &mut Session) {
    const SECOND: &str = "打造社会治理新模式";
    s.send(b"2");
    s.wait_for(SECOND, T);
    s.send(b"1");
    let start = Instant::now();
    while s.screen().contains(SECOND) {
        assert!(start.elapsed() < T, "1 did nothing:\n{}", s.screen());
        s.settle(Duration::from_millis(50));
    }
}

#[test]
fn a_client_that_vanishes_mid_frame() {
    if !available() {
        return;
    }
    let server = Server::start(&[]);
    let mut witness = reader(&server, 80, 24);
    for _ in 0..3 {
        let mut s = reader(&server, 200, 50);
        // Keys that each draw a large frame, then the client is gone at once.
        s.send(b"2345");
        s.child.kill().unwrap();
        let _ = s.child.wait();
    }
    still_reads(&mut witness);
    server.answers();
    witness.send(b"q");
    witness.wait_for("Briefings", T);
}

#[test]
fn half_open_and_never_authenticated_connections_are_closed() {
    if !available() {
        return;
    }
    let server = Server::start(&["--auth-timeout", "2"]);
    let mut idle: Vec<TcpStream> = Vec::new();
    for i in 0..10 {
        let mut c = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
        if i % 2 == 1 {
            // The version line, then nothing: the key exchange never comes.
            c.write_all(b"SSH-2.0-slow\r\n").unwrap();
        }
        idle.push(c);
    }
    server.answers();
    // Each is closed by the server after the authentication timeout.
    for c in &mut idle {
        c.set_read_timeout(Some(T)).unwrap();
        let start = Instant::now();
        let mut buf = [0u8; 4096];
        loop {
            match c.read(&mut buf) {
                Ok(0) => break,
                Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                    panic!("still open after {T:?}")
                }
                // Reset by the server: closed too.
                Err(_) => break,
                Ok(_) => assert!(start.elapsed() < T, "still open after {T:?}"),
            }
        }
    }
    server.wait_log("event=auth-timeout", T);
    server.answers();
}

#[test]
fn a_flood_of_window_changes() {
    if !available() {
        return;
    }
    let server = Server::start(&[]);
    let mut witness = reader(&server, 80, 24);
    let mut s = reader(&server, 80, 24);
    for i in 0..1000u16 {
        s.resize(40 + i % 80, 10 + i % 30);
    }
    s.resize(80, 24);
    s.settle(Duration::from_millis(300));
    still_reads(&mut s);
    still_reads(&mut witness);
    server.answers();
}

#[test]
fn a_ten_megabyte_paste() {
    if !available() {
        return;
    }
    let server = Server::start(&[]);
    let mut witness = reader(&server, 80, 24);
    let before = server.rss_kib();
    let mut s = reader(&server, 80, 24);
    let mut paste = b"\x1b[200~".to_vec();
    paste.extend(std::iter::repeat_n(b'x', 10 << 20));
    paste.extend_from_slice(b"\x1b[201~");
    for chunk in paste.chunks(64 * 1024) {
        s.send(chunk);
        s.settle(Duration::from_millis(1));
    }
    still_reads(&mut s);
    still_reads(&mut witness);
    server.answers();
    let after = server.rss_kib();
    assert!(
        after < before + 64 * 1024,
        "the server grew from {before} KiB to {after} KiB"
    );
}

/// Read what the server says first: its version line, or nothing (closed).
fn greeting(c: &mut TcpStream) -> Vec<u8> {
    c.set_read_timeout(Some(T)).unwrap();
    let mut got = Vec::new();
    let mut buf = [0u8; 256];
    while !got.ends_with(b"\n") {
        match c.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => got.extend_from_slice(&buf[..n]),
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                panic!("neither a greeting nor closed after {T:?}")
            }
            // Reset by the server: closed too.
            Err(_) => break,
        }
    }
    got
}

#[test]
fn more_connections_a_minute_than_allowed_are_refused() {
    if !available() {
        return;
    }
    let server = Server::start(&["--per-minute", "4"]);
    // The first of the four: a reader.
    let mut witness = reader(&server, 80, 24);
    let mut open: Vec<TcpStream> = Vec::new();
    for _ in 0..3 {
        let mut c = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
        let hello = greeting(&mut c);
        assert!(hello.starts_with(b"SSH-2.0-"), "{hello:?}");
        open.push(c);
    }
    // The fifth within the minute is closed without a word.
    let mut fifth = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    assert_eq!(greeting(&mut fifth), b"");
    server.wait_log("reason=rate", T);
    // The server is fine: the reader still reads.
    still_reads(&mut witness);
    assert!(server.rss_kib() > 0, "the server is gone");
}
