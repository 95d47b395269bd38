use super::*;

use russh::keys::ssh_key::certificate::Builder;
use russh::keys::{Algorithm, PrivateKey};

const NOW: u64 = 1_796_000_000;

fn key() -> PrivateKey {
    PrivateKey::random(&mut rand::rng(), Algorithm::Ed25519).unwrap()
}

fn ip(s: &str) -> IpAddr {
    s.parse().unwrap()
}

/// What a test certificate says.
struct Shape {
    kind: CertType,
    id: &'static str,
    principals: &'static [&'static str],
    critical: &'static [(&'static str, &'static str)],
}

const USUAL: Shape = Shape {
    kind: CertType::User,
    id: "officer-7",
    principals: &["alice"],
    critical: &[],
};

/// A certificate for a new key signed by `ca`, as `shape` says.
fn cert(ca: &PrivateKey, shape: Shape) -> Certificate {
    let user_key = key();
    let mut b = Builder::new(
        [7u8; 32],
        user_key.public_key().key_data().clone(),
        NOW - 60,
        NOW + 3600,
    )
    .unwrap();
    b.cert_type(shape.kind).unwrap();
    b.key_id(shape.id).unwrap();
    b.serial(42).unwrap();
    if shape.principals.is_empty() {
        b.all_principals_valid().unwrap();
    }
    for p in shape.principals {
        b.valid_principal(*p).unwrap();
    }
    for (name, value) in shape.critical {
        b.critical_option(*name, *value).unwrap();
    }
    b.extension("permit-pty", "").unwrap();
    b.sign(ca).unwrap()
}

fn fingerprint(k: &PrivateKey) -> Fingerprint {
    k.public_key().fingerprint(HashAlg::Sha256)
}

fn checked(ca: &PrivateKey, c: &Certificate, user: &str, peer: &str) -> Result<Grant, Refusal> {
    check(&[fingerprint(ca)], c, user, ip(peer), NOW)
}

#[test]
fn a_user_certificate_of_a_listed_ca_naming_the_user_is_let_in() {
    let ca = key();
    let c = cert(&ca, USUAL);
    assert_eq!(
        checked(&ca, &c, "alice", "127.0.0.1"),
        Ok(Grant { pty: true })
    );
    // Another CA listed beside it changes nothing.
    let other = key();
    let both = [fingerprint(&other), fingerprint(&ca)];
    assert!(check(&both, &c, "alice", ip("127.0.0.1"), NOW).is_ok());
}

#[test]
fn what_is_refused() {
    let ca = key();
    let c = cert(&ca, USUAL);
    assert_eq!(
        checked(&ca, &c, "bob", "127.0.0.1"),
        Err(Refusal::Principal)
    );
    let unlisted = key();
    assert_eq!(
        checked(&unlisted, &c, "alice", "127.0.0.1"),
        Err(Refusal::Untrusted)
    );
    let host = cert(
        &ca,
        Shape {
            kind: CertType::Host,
            ..USUAL
        },
    );
    assert_eq!(
        checked(&ca, &host, "alice", "127.0.0.1"),
        Err(Refusal::NotUser)
    );
    let cas = [fingerprint(&ca)];
    let peer = ip("127.0.0.1");
    assert_eq!(
        check(&cas, &c, "alice", peer, NOW + 3600),
        Err(Refusal::Expired)
    );
    assert_eq!(
        check(&cas, &c, "alice", peer, NOW + 3599).map(|_| ()),
        Ok(())
    );
    assert_eq!(
        check(&cas, &c, "alice", peer, NOW - 61),
        Err(Refusal::NotYetValid)
    );
    let anyone = cert(
        &ca,
        Shape {
            principals: &[],
            ..USUAL
        },
    );
    assert_eq!(
        checked(&ca, &anyone, "alice", "127.0.0.1"),
        Err(Refusal::NoPrincipals)
    );
}

#[test]
fn critical_options_force_command_refused_source_address_honoured() {
    let ca = key();
    let forced = cert(
        &ca,
        Shape {
            critical: &[("force-command", "/bin/sh")],
            ..USUAL
        },
    );
    let refusal = checked(&ca, &forced, "alice", "127.0.0.1").unwrap_err();
    assert_eq!(refusal.reason(), "critical-option:\"force-command\"");
    let verify = cert(
        &ca,
        Shape {
            critical: &[("verify-required", "")],
            ..USUAL
        },
    );
    assert!(checked(&ca, &verify, "alice", "127.0.0.1").is_err());
    let from = cert(
        &ca,
        Shape {
            critical: &[("source-address", "10.0.0.0/8,127.0.0.1")],
            ..USUAL
        },
    );
    assert!(checked(&ca, &from, "alice", "127.0.0.1").is_ok());
    assert!(checked(&ca, &from, "alice", "10.9.8.7").is_ok());
    assert!(checked(&ca, &from, "alice", "::ffff:10.9.8.7").is_ok());
    assert_eq!(
        checked(&ca, &from, "alice", "192.168.1.1"),
        Err(Refusal::SourceAddress)
    );
}

#[test]
fn source_address_lists() {
    assert!(source_matches("192.168.0.0/16", ip("192.168.3.4")));
    assert!(source_matches(" 1.2.3.4 , ::1", ip("::1")));
    assert!(!source_matches("192.168.0.0/16", ip("192.169.0.1")));
    // Anything unreadable in the list matches nothing.
    assert!(!source_matches("127.0.0.1,*", ip("127.0.0.1")));
    assert!(!source_matches("127.0.0.0/33", ip("127.0.0.1")));
    assert!(!source_matches("127.0.0.0/x", ip("127.0.0.1")));
    assert!(!source_matches("", ip("127.0.0.1")));
}

#[test]
fn the_terminal_comes_with_permit_pty() {
    let ca = key();
    let plain = Builder::new(
        [1u8; 32],
        key().public_key().key_data().clone(),
        NOW - 1,
        NOW + 1,
    )
    .and_then(|mut b| {
        b.valid_principal("alice")?;
        b.sign(&ca)
    })
    .unwrap();
    assert_eq!(
        checked(&ca, &plain, "alice", "127.0.0.1"),
        Ok(Grant { pty: false })
    );
}

#[test]
fn a_certificate_changed_after_signing_is_refused() {
    let ca = key();
    let c = cert(&ca, USUAL);
    let mut bytes = c.to_bytes().unwrap();
    let at = bytes.windows(9).position(|w| w == b"officer-7").unwrap();
    bytes[at + 8] = b'8';
    let forged = Certificate::from_bytes(&bytes).unwrap();
    assert_eq!(forged.key_id(), "officer-8");
    assert_eq!(
        checked(&ca, &forged, "alice", "127.0.0.1"),
        Err(Refusal::BadSignature)
    );
}

#[test]
fn the_ca_file_and_what_the_log_says() {
    let ca = key();
    let line = ca.public_key().to_openssh().unwrap();
    let mut log = Vec::new();
    let text = format!("# the CA\n\n{line}\nnot a key\n");
    let cas = parse(&text, "ca.pub", &mut |l| log.push(l));
    assert_eq!(cas, [fingerprint(&ca)]);
    assert_eq!(log.len(), 1);
    assert!(
        log[0].contains("ca.pub") && log[0].contains("line=4"),
        "{log:?}"
    );
    let said = describe(&cert(
        &ca,
        Shape {
            id: "x\u{1b}[2J",
            ..USUAL
        },
    ));
    assert!(
        said.contains("cert_id=\"x[2J\" serial=42 ca=SHA256:"),
        "{said}"
    );
    let material = line.split_whitespace().nth(1).unwrap();
    assert!(!said.contains(&material[20..40]), "{said}");
}
