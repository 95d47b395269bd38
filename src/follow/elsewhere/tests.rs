use std::io::Write;
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::Path;
use std::time::{Duration, Instant};

use super::*;
use crate::follow::channel::{Published, Publisher, waker};
use crate::follow::protocol::{Deck, Place, PlaceKind, Screen};
use crate::follow::users::me;

const OURS: &str = "00000000000000aa";
const THEIRS: &str = "00000000000000bb";

fn presenter(dir: &Path, name: &str, hash: &str, title: &str) -> Publisher {
    let about = About {
        hash: hash.into(),
        title: title.into(),
        period: "2024年".into(),
    };
    let place = Place {
        section: None,
        item: None,
        kind: PlaceKind::Title,
        page: 0,
    };
    let deck = Deck {
        index: 0,
        count: 1,
        width: 80,
        height: 24,
        screen: Screen::Slide,
    };
    let first = Published {
        place,
        deck: Some(deck),
    };
    Publisher::open(&dir.join(name), about, false, first).unwrap()
}

fn look_in(dir: &Path, skip: &[PathBuf]) -> Option<Elsewhere> {
    let (_halt, halted) = waker().unwrap();
    look(&[dir.to_path_buf()], skip, OURS, me(), halted.as_fd())
}

#[test]
fn a_presenter_of_another_briefing_is_named_with_its_channel() {
    let dir = tempfile::tempdir().unwrap();
    let _p = presenter(dir.path(), "room1.sock", THEIRS, "港区简报");
    let found = look_in(dir.path(), &[]).expect("the other presenter");
    assert_eq!(found.about.title, "港区简报");
    assert_eq!(found.about.period, "2024年");
    assert_eq!(found.name.as_deref(), Some("room1"));
}

#[test]
fn the_same_briefing_the_channel_skipped_and_a_default_name() {
    let dir = tempfile::tempdir().unwrap();
    let same = presenter(dir.path(), "same.sock", OURS, "本简报");
    assert_eq!(look_in(dir.path(), &[]), None);
    drop(same);
    let _p = presenter(dir.path(), &format!("{THEIRS}.sock"), THEIRS, "另一份");
    let found = look_in(dir.path(), &[]).expect("the other presenter");
    // The default channel of another briefing has no name to follow.
    assert_eq!(found.name, None);
    let skip = vec![dir.path().join(format!("{THEIRS}.sock"))];
    assert_eq!(look_in(dir.path(), &skip), None);
}

#[test]
fn channel_names_shown_are_plain() {
    assert_eq!(channel_name("room-1.sock").as_deref(), Some("room-1"));
    assert_eq!(channel_name("会议室.sock").as_deref(), Some("会议室"));
    assert_eq!(channel_name("0123456789abcdef.sock"), None);
    assert_eq!(channel_name("a\u{1b}[2J.sock"), None);
    assert_eq!(channel_name("-rf.sock"), None);
    assert_eq!(channel_name(&format!("{}.sock", "x".repeat(41))), None);
}

/// Hostile peers of the same directory: one that never accepts, one that
/// accepts and says nothing, one that floods without a newline, one that
/// sends a forged hello too long to be one, and a symlink to the real
/// presenter. The look ends within its budget and still finds the real one,
/// read once.
#[test]
fn hostile_peers_hold_nothing_back() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let _deaf = UnixListener::bind(d.join("a-deaf.sock")).unwrap();
    let silent = UnixListener::bind(d.join("b-silent.sock")).unwrap();
    let flood = UnixListener::bind(d.join("c-flood.sock")).unwrap();
    let forged = UnixListener::bind(d.join("d-forged.sock")).unwrap();
    let _p = presenter(d, "z-real.sock", THEIRS, "港区简报");
    std::os::unix::fs::symlink(d.join("z-real.sock"), d.join("e-link.sock")).unwrap();
    let (tx, rx) = std::sync::mpsc::channel::<UnixStream>();
    std::thread::spawn(move || {
        let kept = silent.accept().unwrap().0;
        let mut f = flood.accept().unwrap().0;
        f.set_nonblocking(true).unwrap();
        let _ = f.write(&[b'x'; 64 * 1024]);
        let mut g = forged.accept().unwrap().0;
        let long = format!("briefing-about 2 {THEIRS}\t2024\t{}\n", "假".repeat(400));
        let _ = g.write_all(long.as_bytes());
        for s in [kept, f, g] {
            let _ = tx.send(s);
        }
    });
    let start = Instant::now();
    let found = look_in(d, &[]).expect("the real presenter");
    assert!(start.elapsed() < BUDGET + Duration::from_secs(5));
    assert_eq!(found.name.as_deref(), Some("z-real"));
    assert_eq!(found.about.title, "港区简报");
    drop(rx);
}
