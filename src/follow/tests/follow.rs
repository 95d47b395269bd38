//! The follow channel with hostile peers, in this process: a publisher
//! under flooding, silent and garbage followers; a subscriber under a
//! hostile presenter; bounds on what a peer can grow. Was in
//! tests/follow.rs, where a presenter with two followers on the real
//! binary stays.

use std::io::{BufRead, BufReader, Read, Write};
use std::os::unix::fs::PermissionsExt;
use std::os::unix::net::{UnixListener, UnixStream};
use std::time::{Duration, Instant};

use crate::follow::protocol::{decode, decode_about, encode};
use crate::follow::{Place, Publisher, RemoteState, Subscriber};
use crate::testing::unit::{Y2023, presenter};

const HASH: &str = "0123456789abcdef";
const T: Duration = Duration::from_secs(10);

fn place(section: usize) -> Place {
    Place {
        section: Some(section),
        item: None,
        kind: crate::follow::PlaceKind::Overview,
        page: 0,
    }
}

fn wait_until(what: &str, mut f: impl FnMut() -> bool) {
    let start = Instant::now();
    while !f() {
        assert!(start.elapsed() < T, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn the_publisher_survives_hostile_followers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.sock");
    let publisher = Publisher::start(&path, HASH, false, place(0)).unwrap();
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o600
    );

    // A follower that never reads, one that floods garbage, one that sends a huge line.
    let _silent = UnixStream::connect(&path).unwrap();
    let mut garbage = UnixStream::connect(&path).unwrap();
    garbage.set_nonblocking(true).unwrap();
    let _ = garbage.write(&[0xff; 100_000]);
    let mut huge = UnixStream::connect(&path).unwrap();
    huge.set_nonblocking(true).unwrap();
    let _ = huge.write(&vec![b'x'; 1 << 20]);
    let good = UnixStream::connect(&path).unwrap();
    good.set_read_timeout(Some(T)).unwrap();
    let mut lines = BufReader::new(good);

    // Many places, fast: the publisher never waits for anyone.
    let start = Instant::now();
    for i in 0..20_000 {
        publisher.publish(place(i % 7));
    }
    // The last place is one the burst never sent, so that reading up to it
    // reads everything (a follower that stops reading is rightly dropped).
    publisher.publish(place(100));
    assert!(start.elapsed() < Duration::from_secs(1));
    let mut last = None;
    let deadline = Instant::now() + T;
    while last != Some(place(100)) {
        assert!(
            Instant::now() < deadline,
            "the good follower never got the last place"
        );
        let mut line = String::new();
        lines.read_line(&mut line).unwrap();
        if decode_about(line.trim_end_matches('\n')).is_some() {
            // Each follower hears first which briefing this is.
            continue;
        }
        let (hash, p, _) = decode(line.trim_end()).expect("only well-formed lines");
        assert_eq!(hash, HASH);
        last = Some(p);
    }
    wait_until("the count", || publisher.followers() >= 1);
    drop(publisher);
    assert!(!path.exists(), "the socket is removed");
}

#[test]
fn the_subscriber_survives_a_hostile_presenter_and_reattaches() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.sock");
    let listener = UnixListener::bind(&path).unwrap();
    let sub = Subscriber::start(vec![path.clone()], HASH, None).unwrap();
    let (mut peer, _) = listener.accept().unwrap();
    peer.write_all(b"hello\n\xff\xfe garbage\n").unwrap();
    peer.write_all(&vec![b'y'; 1 << 20]).unwrap();
    peer.write_all(b"\n").unwrap();
    peer.write_all(encode(HASH, place(999), 1).as_bytes())
        .unwrap();
    wait_until("the out-of-range place", || {
        sub.snapshot().0 == RemoteState::Following(place(999))
    });
    peer.write_all(encode(HASH, place(2), 1).as_bytes())
        .unwrap();
    wait_until("a good place", || {
        sub.snapshot().0 == RemoteState::Following(place(2))
    });
    peer.write_all(encode("fedcba9876543210", place(1), 1).as_bytes())
        .unwrap();
    wait_until("the mismatch", || sub.snapshot().0 == RemoteState::Mismatch);
    // The presenter goes away, and comes back.
    drop(peer);
    drop(listener);
    std::fs::remove_file(&path).unwrap();
    wait_until("waiting", || sub.snapshot().0 == RemoteState::Waiting);
    let listener = UnixListener::bind(&path).unwrap();
    let (mut peer, _) = listener.accept().unwrap();
    peer.write_all(encode(HASH, place(1), 2).as_bytes())
        .unwrap();
    wait_until("reattached", || {
        sub.snapshot().0 == RemoteState::Following(place(1))
    });
    let mut sink = [0u8; 16];
    peer.set_nonblocking(true).unwrap();
    assert!(
        matches!(peer.read(&mut sink), Err(_) | Ok(0)),
        "a follower sends nothing"
    );
}

#[test]
fn an_out_of_range_place_moves_nothing() {
    let mut p = presenter(Y2023, 80, 24);
    p.current = 3;
    assert!(!p.seek(place(999)));
    assert_eq!(p.current, 3);
}

#[test]
fn a_follower_that_never_reads_is_dropped_after_a_bounded_backlog() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.sock");
    let publisher = Publisher::start(&path, HASH, false, place(0)).unwrap();
    let silent = UnixStream::connect(&path).unwrap();
    wait_until("the follower counted", || publisher.followers() == 1);
    // One message per place (they are further apart than the server's 20 ms).
    let mut sent = 0;
    while publisher.followers() == 1 {
        assert!(sent < 1000, "still served after {sent} unread messages");
        publisher.publish(place(sent % 5 + 1));
        sent += 1;
        std::thread::sleep(Duration::from_millis(25));
    }
    eprintln!("dropped after {sent} unread messages");
    // What waits for it is what it missed, and no more than the bound.
    silent.set_nonblocking(true).unwrap();
    let mut unread = Vec::new();
    let _ = (&silent).read_to_end(&mut unread);
    assert!(unread.len() <= 64 * 1024, "{} bytes", unread.len());
}

#[test]
fn a_hostile_presenter_cannot_grow_a_followers_deck_or_write_to_its_screen() {
    use crate::follow::protocol::{MAX_ABOUT, MAX_SLIDES, encode_deck};
    use crate::follow::{Deck, Screen};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.sock");
    let listener = UnixListener::bind(&path).unwrap();
    let sub = Subscriber::start(vec![path.clone()], HASH, None).unwrap();
    let (mut peer, _) = listener.accept().unwrap();
    // Decks out of every bound, and a title full of escapes, over-long.
    let head = format!("briefing-follow 2 {HASH} 1 - 1 0 1");
    for deck in [
        format!("0 {} 48 23 0", MAX_SLIDES + 1),
        "0 25 65535 23 0".into(),
        "0 25 48 65535 0".into(),
        "30 25 48 23 0".into(),
        "0 25 48 23 7".into(),
    ] {
        peer.write_all(format!("{head} {deck}\n").as_bytes())
            .unwrap();
    }
    let about = |title: &str| format!("briefing-about 2 fedcba9876543210\t2023\t{title}\n");
    // Too long to be a line: dropped whole.
    peer.write_all(about(&"长".repeat(500)).as_bytes()).unwrap();
    let title = format!("\x1b]0;owned\x07\x1b[2J{}", "长".repeat(30));
    peer.write_all(about(&title).as_bytes()).unwrap();
    wait_until("the mismatch told", || sub.about().is_some());
    let about = sub.about().unwrap();
    assert_eq!(about.title.chars().count(), MAX_ABOUT + 1, "bounded");
    assert!(!about.title.contains('\x1b') && !about.title.contains('\x07'));
    assert_eq!(sub.snapshot().0, RemoteState::Mismatch);
    assert_eq!(sub.deck(), None, "no deck out of bounds was taken");
    // A good deck is taken; a version 1 line after it does not undo it.
    let deck = Deck {
        index: 3,
        count: 25,
        width: 48,
        height: 23,
        screen: Screen::Black,
    };
    peer.write_all(encode_deck(HASH, place(1), 1, deck).as_bytes())
        .unwrap();
    wait_until("the deck", || sub.deck() == Some(deck));
    peer.write_all(encode(HASH, place(2), 1).as_bytes())
        .unwrap();
    peer.write_all(encode_deck(HASH, place(3), 1, deck).as_bytes())
        .unwrap();
    wait_until("the next deck", || {
        sub.snapshot().0 == RemoteState::Following(place(3))
    });
    assert_eq!(sub.deck(), Some(deck));
}
