//! One SSH connection: public-key authentication (decided in `auth`),
//! one session channel at a time with a terminal or a served command, and
//! a refusal (logged) for everything else: passwords, other commands, a
//! shell without a terminal, forwarding of any kind, X11, subsystems.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use russh::keys::Certificate;
use russh::server::{
    Auth, ChannelOpenHandle, Handler, Msg, PublicKeyOffer, Session, VerifiedPublicKey,
};
use russh::{Channel, ChannelId};
use tokio::io::AsyncWriteExt;

use super::Shared;
use super::authorized::Grant;
use super::limits::Slot;
use super::live::Chan;
use super::log::{self, value};
use super::output::Meter;
use super::remote::Opening;

/// The most session channels one connection may have open.
const CHANNELS_MAX: usize = 2;
/// The most environment variables a channel keeps.
const ENV_MAX: usize = 16;

pub(super) struct Conn {
    pub(super) shared: Arc<Shared>,
    pub(super) peer: SocketAddr,
    started: Instant,
    pub(super) fingerprint: Option<String>,
    pub(super) grant: Option<Grant>,
    pub(super) authed: Arc<AtomicBool>,
    pub(super) channels: HashMap<ChannelId, Chan>,
    pub(super) opened: Vec<String>,
    pub(super) meters: Vec<Arc<Meter>>,
    pub(super) bytes_in: u64,
    _slot: Slot,
}

impl Conn {
    pub(super) fn new(
        shared: Arc<Shared>,
        peer: SocketAddr,
        slot: Slot,
        authed: Arc<AtomicBool>,
    ) -> Conn {
        Conn {
            shared,
            peer,
            started: Instant::now(),
            fingerprint: None,
            grant: None,
            authed,
            channels: HashMap::new(),
            opened: Vec::new(),
            meters: Vec::new(),
            bytes_in: 0,
            _slot: slot,
        }
    }

    /// A log line about this connection.
    pub(super) fn log(&self, event: &str, more: &str) {
        let fp = self.fingerprint.as_deref().unwrap_or("-");
        log::line(&format!("event={event} peer={} key={fp} {more}", self.peer));
    }

    /// Refuse a channel request, with a log line.
    pub(super) fn refuse(&self, what: &str, channel: ChannelId, session: &mut Session) {
        self.log("refused", &format!("request={what}"));
        let _ = session.channel_failure(channel);
    }
}

impl Drop for Conn {
    fn drop(&mut self) {
        let sent: u64 = self
            .meters
            .iter()
            .map(|m| m.sent.load(Ordering::Relaxed))
            .sum();
        let opened = if self.opened.is_empty() {
            "-".to_string()
        } else {
            self.opened.join(",")
        };
        self.log(
            "closed",
            &format!(
                "opened={} duration={:.1}s bytes_out={sent} bytes_in={}",
                value(&opened),
                self.started.elapsed().as_secs_f64(),
                self.bytes_in
            ),
        );
    }
}

impl Handler for Conn {
    type Error = russh::Error;

    async fn auth_publickey_offered(
        &mut self,
        _user: &str,
        offer: PublicKeyOffer<'_>,
    ) -> Result<Auth, Self::Error> {
        Ok(self.offered(offer.public_key))
    }

    async fn auth_publickey(
        &mut self,
        user: &str,
        key: VerifiedPublicKey<'_>,
    ) -> Result<Auth, Self::Error> {
        Ok(self.proved(user, key.public_key))
    }

    async fn auth_openssh_certificate(
        &mut self,
        user: &str,
        certificate: &Certificate,
    ) -> Result<Auth, Self::Error> {
        Ok(self.certified(user, certificate))
    }

    async fn auth_password(&mut self, user: &str, _password: &str) -> Result<Auth, Self::Error> {
        log::line(&format!(
            "event=auth-refused peer={} method=password user={}",
            self.peer,
            value(user)
        ));
        Ok(Auth::reject())
    }

    async fn channel_open_session(
        &mut self,
        channel: Channel<Msg>,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if self.channels.len() >= CHANNELS_MAX {
            self.log("refused", "request=another-channel");
            return Ok(());
        }
        // Requests come to the handler; only the writing half is kept.
        let (_read, write) = channel.split();
        self.channels.insert(
            write.id(),
            Chan {
                write: Some(write),
                pty: None,
                env: Vec::new(),
                live: None,
            },
        );
        reply.accept().await;
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    async fn channel_open_direct_tcpip(
        &mut self,
        _channel: Channel<Msg>,
        host: &str,
        port: u32,
        _originator: &str,
        _originator_port: u32,
        _reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        // The reply, dropped, refuses the channel.
        self.log(
            "refused",
            &format!("request=direct-tcpip to={}:{port}", value(host)),
        );
        Ok(())
    }

    async fn channel_open_x11(
        &mut self,
        _channel: Channel<Msg>,
        _originator: &str,
        _originator_port: u32,
        _reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.log("refused", "request=x11-channel");
        Ok(())
    }

    async fn tcpip_forward(
        &mut self,
        address: &str,
        port: &mut u32,
        _session: &mut Session,
    ) -> Result<bool, Self::Error> {
        self.log(
            "refused",
            &format!("request=tcpip-forward at={}:{port}", value(address)),
        );
        Ok(false)
    }

    async fn streamlocal_forward(
        &mut self,
        path: &str,
        _session: &mut Session,
    ) -> Result<bool, Self::Error> {
        self.log(
            "refused",
            &format!("request=streamlocal-forward at={}", value(path)),
        );
        Ok(false)
    }

    async fn agent_request(
        &mut self,
        _channel: ChannelId,
        _session: &mut Session,
    ) -> Result<bool, Self::Error> {
        self.log("refused", "request=agent-forwarding");
        Ok(false)
    }

    async fn x11_request(
        &mut self,
        channel: ChannelId,
        _single: bool,
        _protocol: &str,
        _cookie: &str,
        _screen: u32,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refuse("x11", channel, session);
        Ok(())
    }

    async fn subsystem_request(
        &mut self,
        channel: ChannelId,
        name: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refuse(&format!("subsystem:{}", value(name)), channel, session);
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    async fn pty_request(
        &mut self,
        channel: ChannelId,
        term: &str,
        cols: u32,
        rows: u32,
        _pix_width: u32,
        _pix_height: u32,
        _modes: &[(russh::Pty, u32)],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        let allowed = self.grant.is_some_and(|g| g.pty);
        match self.channels.get_mut(&channel) {
            Some(chan) if allowed && chan.live.is_none() => {
                let term: String = term
                    .chars()
                    .filter(|c| c.is_ascii_graphic())
                    .take(64)
                    .collect();
                chan.pty = Some((term, clamp(cols), clamp(rows)));
                session.channel_success(channel)?;
            }
            _ => self.refuse("pty", channel, session),
        }
        Ok(())
    }

    async fn env_request(
        &mut self,
        channel: ChannelId,
        name: &str,
        value: &str,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        let wanted = matches!(name, "LANG" | "TERM" | "COLORTERM") || name.starts_with("LC_");
        if let Some(chan) = self.channels.get_mut(&channel)
            && wanted
            && chan.env.len() < ENV_MAX
            && value.len() <= 128
        {
            chan.env.push((name.to_string(), value.to_string()));
        }
        Ok(())
    }

    async fn shell_request(
        &mut self,
        channel: ChannelId,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.begin(channel, Opening::Start, "start", session).await
    }

    async fn exec_request(
        &mut self,
        channel: ChannelId,
        data: &[u8],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.exec(channel, data, session).await
    }

    #[allow(clippy::too_many_arguments)]
    async fn window_change_request(
        &mut self,
        channel: ChannelId,
        cols: u32,
        rows: u32,
        _pix_width: u32,
        _pix_height: u32,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if let Some(live) = self.channels.get(&channel).and_then(|c| c.live.as_ref()) {
            live.resize(clamp(cols), clamp(rows));
        }
        Ok(())
    }

    async fn data(
        &mut self,
        channel: ChannelId,
        data: &[u8],
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.bytes_in += data.len() as u64;
        if let Some(live) = self
            .channels
            .get_mut(&channel)
            .and_then(|c| c.live.as_mut())
            && live.input.write_all(data).await.is_err()
        {
            // The session is over; what comes after is dropped.
            live.closed();
        }
        Ok(())
    }

    async fn channel_eof(
        &mut self,
        channel: ChannelId,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if let Some(live) = self
            .channels
            .get_mut(&channel)
            .and_then(|c| c.live.as_mut())
        {
            live.closed();
        }
        Ok(())
    }

    async fn channel_close(
        &mut self,
        channel: ChannelId,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.channels.remove(&channel);
        Ok(())
    }
}

/// A size from the client, within what a terminal can be.
fn clamp(n: u32) -> u16 {
    n.clamp(1, 500) as u16
}
