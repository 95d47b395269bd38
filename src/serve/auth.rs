//! Who is let in, and the connection's steps of authentication: the keys of
//! `authorized_keys`, user certificates of the trusted CAs (`certs`), or
//! anyone (`--allow-anyone`, a demonstration). Every refusal is a log line;
//! keys appear by fingerprint only, certificates by key id, serial and CA.

use std::net::IpAddr;
use std::sync::atomic::Ordering;
use std::sync::{Mutex, MutexGuard};

use russh::keys::{Certificate, HashAlg, PublicKey};
use russh::server::Auth;

use super::authorized::{Grant, Keys};
use super::certs::{self, Cas, Refusal};
use super::handler::Conn;
use super::log::{self, value};

/// The files (or the demonstration) that say who comes in.
pub(super) struct Trust {
    pub(super) anyone: bool,
    pub(super) keys: Option<Mutex<Keys>>,
    pub(super) cas: Option<Mutex<Cas>>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Trust {
    /// What a plain `key` from `peer` may do, if it may come in.
    fn key(&self, key: &PublicKey, peer: IpAddr) -> Option<Grant> {
        if self.anyone {
            return Some(Grant { pty: true });
        }
        let mut keys = lock(self.keys.as_ref()?);
        keys.refresh(false, &mut |l| log::line(&l));
        keys.check(key, peer)
    }

    /// What a certificate presented by `user` from `peer` may do, or why not.
    fn cert(&self, cert: &Certificate, user: &str, peer: IpAddr) -> Result<Grant, Refusal> {
        if self.anyone {
            return Ok(Grant { pty: true });
        }
        let Some(cas) = &self.cas else {
            return Err(Refusal::Untrusted);
        };
        let mut cas = lock(cas);
        cas.refresh(false, &mut |l| log::line(&l));
        cas.check(cert, user, peer)
    }

    /// Read every file again (SIGHUP).
    pub(super) fn reload(&self) {
        if let Some(keys) = &self.keys {
            lock(keys).refresh(true, &mut |l| log::line(&l));
        }
        if let Some(cas) = &self.cas {
            lock(cas).refresh(true, &mut |l| log::line(&l));
        }
    }
}

fn fingerprint(key: &PublicKey) -> String {
    key.fingerprint(HashAlg::Sha256).to_string()
}

impl Conn {
    /// A key offered before it is proved: a listed key goes on to its
    /// signature. With trusted CAs any key does: it may be a certificate's
    /// (russh offers the certificate's key), checked once proved.
    pub(super) fn offered(&self, key: &PublicKey) -> Auth {
        let trust = &self.shared.trust;
        if trust.cas.is_some() || trust.key(key, self.peer.ip()).is_some() {
            return Auth::Accept;
        }
        let fp = fingerprint(key);
        log::line(&format!("event=auth-refused peer={} key={fp}", self.peer));
        Auth::reject()
    }

    /// A plain key whose holder has proved it.
    pub(super) fn proved(&mut self, user: &str, key: &PublicKey) -> Auth {
        let fp = fingerprint(key);
        match self.shared.trust.key(key, self.peer.ip()) {
            Some(grant) => self.let_in(fp, grant, user, String::new()),
            None => {
                log::line(&format!("event=auth-refused peer={} key={fp}", self.peer));
                Auth::reject()
            }
        }
    }

    /// A certificate whose key's holder has proved it (russh has checked
    /// its own signature; `certs` checks who signed it, and the rest).
    pub(super) fn certified(&mut self, user: &str, cert: &Certificate) -> Auth {
        let fp = cert.public_key().fingerprint(HashAlg::Sha256).to_string();
        let said = certs::describe(cert);
        match self.shared.trust.cert(cert, user, self.peer.ip()) {
            Ok(grant) => self.let_in(fp, grant, user, format!(" {said}")),
            Err(why) => {
                log::line(&format!(
                    "event=auth-refused peer={} key={fp} user={} {said} reason={}",
                    self.peer,
                    value(user),
                    why.reason()
                ));
                Auth::reject()
            }
        }
    }

    fn let_in(&mut self, fp: String, grant: Grant, user: &str, more: String) -> Auth {
        self.fingerprint = Some(fp);
        self.grant = Some(grant);
        self.authed.store(true, Ordering::SeqCst);
        self.log("auth", &format!("user={}{more}", value(user)));
        Auth::Accept
    }
}
