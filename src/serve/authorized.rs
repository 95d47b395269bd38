//! The keys let in: an OpenSSH `authorized_keys` file, read again when it
//! changes (or on SIGHUP, see `watched`). `from="…"` is honoured (address patterns with
//! `*`/`?`, CIDR, `!` to exclude; no name lookups); options that only take
//! away what the server never gives are accepted, `no-pty` is honoured, and
//! a line with any other option is refused, with a log line.

use std::net::IpAddr;
use std::path::Path;
use std::str::FromStr;

use russh::keys::PublicKey;
use russh::keys::ssh_key::authorized_keys::Entry;

use super::watched::Watched;

/// Options that restrict what the server never allows anyway.
const HARMLESS: &[&str] = &[
    "restrict",
    "no-port-forwarding",
    "no-agent-forwarding",
    "no-x11-forwarding",
    "no-user-rc",
];

/// One key that may come in, and from where.
#[derive(Debug, Clone)]
pub(super) struct Allowed {
    key: PublicKey,
    from: Option<Vec<String>>,
    pub no_pty: bool,
}

/// What a key is let do, when it is let in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Grant {
    pub pty: bool,
}

/// The file and the keys it allowed when last read.
pub(super) type Keys = Watched<Vec<Allowed>>;

impl Keys {
    /// Read `path`; the problems go to `log`, line by line.
    pub(super) fn read_keys(path: &Path, log: &mut dyn FnMut(String)) -> Result<Keys, String> {
        Watched::load(path, parse, log)
    }

    /// What `key` coming from `peer` may do, if it may come in.
    pub(super) fn check(&self, key: &PublicKey, peer: IpAddr) -> Option<Grant> {
        check(&self.value, key, peer)
    }
}

/// What `key` coming from `peer` may do under `allowed`, if it may come in.
fn check(allowed: &[Allowed], key: &PublicKey, peer: IpAddr) -> Option<Grant> {
    allowed
        .iter()
        .filter(|a| a.key.key_data() == key.key_data())
        .find(|a| a.from.as_ref().is_none_or(|p| from_matches(p, peer)))
        .map(|a| Grant { pty: !a.no_pty })
}

/// The allowed keys of an `authorized_keys` text.
pub(super) fn parse(text: &str, file: &str, log: &mut dyn FnMut(String)) -> Vec<Allowed> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match entry(line) {
            Ok(allowed) => out.push(allowed),
            Err(why) => log(format!(
                "event=key-refused file={file} line={} reason={why:?}",
                n + 1
            )),
        }
    }
    out
}

fn entry(line: &str) -> Result<Allowed, String> {
    let entry = Entry::from_str(line).map_err(|e| format!("unreadable: {e}"))?;
    let mut allowed = Allowed {
        key: entry.public_key().clone(),
        from: None,
        no_pty: false,
    };
    for opt in entry.config_opts().iter() {
        let lower = opt.to_ascii_lowercase();
        if HARMLESS.contains(&lower.as_str()) {
            continue;
        }
        if lower == "no-pty" {
            allowed.no_pty = true;
        } else if lower.starts_with("from=") {
            let value = opt[5..].trim_matches('"');
            allowed.from = Some(value.split(',').map(str::to_string).collect());
        } else {
            let name = opt.split('=').next().unwrap_or(opt);
            return Err(format!("unknown option {name}"));
        }
    }
    Ok(allowed)
}

/// Whether `peer` matches a `from=` list: some pattern matches and no
/// negated one does (OpenSSH's rule).
pub(super) fn from_matches(patterns: &[String], peer: IpAddr) -> bool {
    // An IPv4 peer on a dual-stack socket arrives as ::ffff:a.b.c.d.
    let peer = match peer {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(peer, IpAddr::V4),
        v4 => v4,
    };
    let mut matched = false;
    for p in patterns {
        let (negated, p) = match p.strip_prefix('!') {
            Some(rest) => (true, rest),
            None => (false, p.as_str()),
        };
        if pattern_matches(p, peer) {
            if negated {
                return false;
            }
            matched = true;
        }
    }
    matched
}

fn pattern_matches(pattern: &str, peer: IpAddr) -> bool {
    if let Some((net, bits)) = pattern.split_once('/') {
        let (Ok(net), Ok(bits)) = (net.parse::<IpAddr>(), bits.parse::<u32>()) else {
            return false;
        };
        return in_cidr(peer, net, bits);
    }
    wildcard(pattern.as_bytes(), peer.to_string().as_bytes())
}

pub(super) fn in_cidr(peer: IpAddr, net: IpAddr, bits: u32) -> bool {
    match (peer, net) {
        (IpAddr::V4(p), IpAddr::V4(n)) if bits <= 32 => {
            let mask = u32::MAX.checked_shl(32 - bits).unwrap_or(0);
            u32::from(p) & mask == u32::from(n) & mask
        }
        (IpAddr::V6(p), IpAddr::V6(n)) if bits <= 128 => {
            let mask = u128::MAX.checked_shl(128 - bits).unwrap_or(0);
            u128::from(p) & mask == u128::from(n) & mask
        }
        _ => false,
    }
}

/// `*` any run, `?` one character, case-insensitive.
fn wildcard(p: &[u8], s: &[u8]) -> bool {
    match (p.first(), s.first()) {
        (None, None) => true,
        (Some(b'*'), _) => wildcard(&p[1..], s) || (!s.is_empty() && wildcard(p, &s[1..])),
        (Some(b'?'), Some(_)) => wildcard(&p[1..], &s[1..]),
        (Some(a), Some(b)) if a.eq_ignore_ascii_case(b) => wildcard(&p[1..], &s[1..]),
        _ => false,
    }
}

#[cfg(test)]
mod tests;
