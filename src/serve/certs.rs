//! OpenSSH user certificates (`--trusted-user-ca-keys FILE`): the CA keys
//! trusted to sign them, read again when the file changes or on SIGHUP, and
//! the rule a certificate must pass. The rule is sshd's with
//! `TrustedUserCAKeys` and no `AuthorizedPrincipalsFile`: a *user*
//! certificate, signed by a listed CA (the signature verified by `ssh-key`),
//! valid now, with the user name the client logs in as among its principals
//! (a certificate without principals is refused), and no critical option the
//! server does not honour: `source-address` is honoured like `from=`, any
//! other (`force-command`, `verify-required`, …) refuses the certificate.
//! As in sshd, the terminal comes with the `permit-pty` extension.

use std::net::IpAddr;
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use russh::keys::ssh_key::Fingerprint;
use russh::keys::ssh_key::certificate::CertType;
use russh::keys::{Certificate, HashAlg, PublicKey};

use super::authorized::{Grant, in_cidr};
use super::log::value;
use super::watched::Watched;

/// The trusted CA file and the CAs it listed when last read (by SHA-256
/// fingerprint: what `ssh-key` checks a certificate's signer against).
pub(super) type Cas = Watched<Vec<Fingerprint>>;

impl Cas {
    /// Read `path`; the problems go to `log`, line by line.
    pub(super) fn read_cas(path: &Path, log: &mut dyn FnMut(String)) -> Result<Cas, String> {
        Watched::load(path, parse, log)
    }

    /// What `cert`, presented by `user` from `peer`, may do, or why not.
    pub(super) fn check(
        &self,
        cert: &Certificate,
        user: &str,
        peer: IpAddr,
    ) -> Result<Grant, Refusal> {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        check(&self.value, cert, user, peer, now)
    }
}

/// The CA keys of a file: one public key a line (`ssh-ed25519 AAAA… comment`),
/// `#` comments and blank lines skipped.
pub(super) fn parse(text: &str, file: &str, log: &mut dyn FnMut(String)) -> Vec<Fingerprint> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match PublicKey::from_openssh(line) {
            Ok(key) => out.push(key.fingerprint(HashAlg::Sha256)),
            Err(e) => log(format!(
                "event=ca-refused file={file} line={} reason={:?}",
                n + 1,
                format!("unreadable: {e}")
            )),
        }
    }
    out
}

/// Why a certificate was not let in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Refusal {
    /// A host certificate, not a user's.
    NotUser,
    /// Signed by a CA that is not listed.
    Untrusted,
    NotYetValid,
    Expired,
    /// The signature does not verify.
    BadSignature,
    /// No principals: sshd refuses such a certificate for a user.
    NoPrincipals,
    /// The user name is not among the principals.
    Principal,
    /// A critical option the server does not honour.
    CriticalOption(String),
    /// `source-address` does not match the peer (or cannot be read).
    SourceAddress,
}

impl Refusal {
    /// The reason as the log shows it.
    pub(super) fn reason(&self) -> String {
        match self {
            Refusal::NotUser => "not-a-user-certificate".into(),
            Refusal::Untrusted => "untrusted-ca".into(),
            Refusal::NotYetValid => "not-yet-valid".into(),
            Refusal::Expired => "expired".into(),
            Refusal::BadSignature => "bad-signature".into(),
            Refusal::NoPrincipals => "no-principals".into(),
            Refusal::Principal => "user-not-a-principal".into(),
            Refusal::CriticalOption(name) => format!("critical-option:{}", value(name)),
            Refusal::SourceAddress => "source-address".into(),
        }
    }
}

/// The rule (see the top of this file) at the time `now` (Unix seconds).
pub(super) fn check(
    cas: &[Fingerprint],
    cert: &Certificate,
    user: &str,
    peer: IpAddr,
    now: u64,
) -> Result<Grant, Refusal> {
    if cert.cert_type() != CertType::User {
        return Err(Refusal::NotUser);
    }
    if !cas.contains(&cert.signature_key().fingerprint(HashAlg::Sha256)) {
        return Err(Refusal::Untrusted);
    }
    if now < cert.valid_after() {
        return Err(Refusal::NotYetValid);
    }
    if now >= cert.valid_before() {
        return Err(Refusal::Expired);
    }
    // The authority: signature, signer among the CAs, validity window.
    cert.validate_at(now, cas)
        .map_err(|_| Refusal::BadSignature)?;
    if cert.valid_principals().is_empty() {
        return Err(Refusal::NoPrincipals);
    }
    if !cert.valid_principals().iter().any(|p| p == user) {
        return Err(Refusal::Principal);
    }
    for (name, list) in cert.critical_options().iter() {
        match name.as_str() {
            "source-address" if source_matches(list, peer) => {}
            "source-address" => return Err(Refusal::SourceAddress),
            other => return Err(Refusal::CriticalOption(other.to_string())),
        }
    }
    Ok(Grant {
        pty: cert.extensions().contains_key("permit-pty"),
    })
}

/// Whether `peer` is in a `source-address` list: addresses and CIDR blocks,
/// comma-separated. A list with anything else in it matches nothing (sshd
/// refuses such a certificate).
pub(super) fn source_matches(list: &str, peer: IpAddr) -> bool {
    let peer = match peer {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(peer, IpAddr::V4),
        v4 => v4,
    };
    let mut matched = false;
    for entry in list.split(',').map(str::trim) {
        let (net, bits) = match entry.split_once('/') {
            Some((net, bits)) => (net, bits.parse::<u32>().ok()),
            None => (entry, None),
        };
        let Ok(net) = net.parse::<IpAddr>() else {
            return false;
        };
        let full = if net.is_ipv4() { 32 } else { 128 };
        let bits = match bits {
            Some(b) if b <= full => b,
            Some(_) => return false,
            None if entry.contains('/') => return false,
            None => full,
        };
        matched |= in_cidr(peer, net, bits);
    }
    matched
}

/// What the log says of a certificate: its key id, serial and the CA's
/// fingerprint (never key material).
pub(super) fn describe(cert: &Certificate) -> String {
    format!(
        "cert_id={} serial={} ca={}",
        value(cert.key_id()),
        cert.serial(),
        cert.signature_key().fingerprint(HashAlg::Sha256)
    )
}

#[cfg(test)]
mod tests;
