use super::*;

const KEY_A: &str =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA3Wr+JjJef42dGthoI2MD0fLK0ClGGyHDRUPulpg10M a@test";
const KEY_B: &str =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIORr2hypItOO6bfec2AP2nhy0MsQjHp5IFsFFxEfYNfP b@test";

fn ip(s: &str) -> IpAddr {
    s.parse().unwrap()
}

fn key(line: &str) -> PublicKey {
    PublicKey::from_openssh(line).unwrap()
}

fn parsed(text: &str) -> (Vec<Allowed>, Vec<String>) {
    let mut log = Vec::new();
    let keys = parse(text, "keys", &mut |l| log.push(l));
    (keys, log)
}

#[test]
fn from_patterns_follow_openssh() {
    let list = |s: &str| s.split(',').map(str::to_string).collect::<Vec<_>>();
    assert!(from_matches(&list("127.0.0.1"), ip("127.0.0.1")));
    assert!(from_matches(&list("10.*"), ip("10.1.2.3")));
    assert!(!from_matches(&list("10.*"), ip("11.1.2.3")));
    assert!(from_matches(&list("192.168.0.0/16"), ip("192.168.7.9")));
    assert!(!from_matches(&list("192.168.0.0/16"), ip("192.169.7.9")));
    assert!(!from_matches(&list("10.*,!10.0.0.5"), ip("10.0.0.5")));
    assert!(from_matches(&list("10.*,!10.0.0.5"), ip("10.0.0.6")));
    assert!(from_matches(&list("127.0.0.?"), ip("::ffff:127.0.0.1")));
    assert!(!from_matches(&list("!10.0.0.5"), ip("10.0.0.6")));
    assert!(from_matches(&list("::1"), ip("::1")));
    assert!(from_matches(&list("0.0.0.0/0"), ip("8.8.8.8")));
}

#[test]
fn keys_with_options() {
    let text = format!(
        "# comment\n\n{KEY_A}\nfrom=\"10.*\",no-pty {KEY_B}\ncommand=\"/bin/sh\" {KEY_A}\nnot a key\n"
    );
    let (keys, log) = parsed(&text);
    assert_eq!(keys.len(), 2);
    assert_eq!(log.len(), 2, "{log:?}");
    assert!(log[0].contains("line=5") && log[0].contains("unknown option command"));
    assert!(log[1].contains("line=6"));
    assert_eq!(
        check(&keys, &key(KEY_A), ip("1.2.3.4")),
        Some(Grant { pty: true })
    );
    assert_eq!(check(&keys, &key(KEY_B), ip("1.2.3.4")), None);
    assert_eq!(
        check(&keys, &key(KEY_B), ip("10.0.0.1")),
        Some(Grant { pty: false })
    );
}

#[test]
fn a_key_only_with_an_unknown_option_is_not_let_in() {
    let (keys, log) = parsed(&format!("environment=\"X=1\" {KEY_A}\n"));
    assert!(keys.is_empty());
    assert!(log[0].contains("environment"));
    // Never the key itself in the log.
    assert!(!log[0].contains("AAAA"));
}

#[test]
fn the_file_is_read_again_when_it_changes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("authorized_keys");
    std::fs::write(&path, format!("{KEY_A}\n")).unwrap();
    let mut keys = Keys::read_keys(&path, &mut |_| {}).unwrap();
    assert!(keys.check(&key(KEY_B), ip("127.0.0.1")).is_none());
    std::fs::write(&path, format!("{KEY_A}\n{KEY_B}\n")).unwrap();
    keys.refresh(false, &mut |_| {});
    assert!(keys.check(&key(KEY_B), ip("127.0.0.1")).is_some());
}
