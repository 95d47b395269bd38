//! A terminal session on `briefing serve` driven by russh's client, as a
//! reader's terminal would be: a pty of a given size, a command, keys sent
//! one at a time. A frame is counted by the end of the synchronized update
//! that wraps each (`ESC [ ? 2026 l`); the cursor position query of the
//! ambiguous-width probe is answered (narrow), the mode queries are not (as
//! `bench/bandwidth.py` without `--decrqm`). Used by the load bench
//! (`examples/serve_load.rs`) and the fault tests; included by `#[path]`
//! so that other tests do not build it.
#![allow(dead_code)]

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use russh::client::{self, Handle, Msg};
use russh::keys::{PrivateKey, PrivateKeyWithHashAlg, PublicKeyOrCertificate};
use russh::{Channel, ChannelMsg};

/// The end of a frame.
pub const FRAME_END: &[u8] = b"\x1b[?2026l";
/// The cursor position query, and a narrow terminal's answer to it.
const ASK_CURSOR: &[u8] = b"\x1b[6n";
const NARROW: &[u8] = b"\x1b[1;2R";

pub struct Trusting;

impl client::Handler for Trusting {
    type Error = russh::Error;

    /// A loopback server of our own: its key is not checked.
    async fn check_server_key(&mut self, _: &PublicKeyOrCertificate) -> Result<bool, Self::Error> {
        Ok(true)
    }
}

/// The private key at `path` (made by ssh-keygen, no passphrase).
pub fn key(path: &Path) -> Arc<PrivateKey> {
    Arc::new(russh::keys::load_secret_key(path, None).expect("a readable private key"))
}

/// One client terminal.
pub struct Term {
    handle: Handle<Trusting>,
    channel: Channel<Msg>,
    /// The last bytes seen, to find a marker cut between two packets.
    tail: Vec<u8>,
    /// Bytes received in all.
    pub received: u64,
    /// Whether the server closed the channel.
    pub closed: bool,
}

impl Term {
    /// Connect to 127.0.0.1:`port` with `key` and `cipher`, ask for a pty
    /// of `cols`×`rows` and run `command` (`None`: the start screen).
    /// `CHACHA20_POLY1305` is what OpenSSH clients choose; `AES_256_GCM` is
    /// ring's, fast in an unoptimised (test) build too.
    pub async fn open(
        port: u16,
        (key, cipher): (Arc<PrivateKey>, russh::cipher::Name),
        (cols, rows): (u16, u16),
        command: Option<&str>,
    ) -> Result<Term, String> {
        let ciphers = vec![cipher];
        let config = Arc::new(client::Config {
            nodelay: true,
            preferred: russh::Preferred {
                cipher: ciphers.into(),
                ..russh::Preferred::default()
            },
            ..client::Config::default()
        });
        let mut handle = client::connect(config, ("127.0.0.1", port), Trusting)
            .await
            .map_err(|e| format!("connect: {e}"))?;
        let auth = handle
            .authenticate_publickey("reader", PrivateKeyWithHashAlg::new(key, None))
            .await
            .map_err(|e| format!("authenticate: {e}"))?;
        if !auth.success() {
            return Err("the key was refused".into());
        }
        let channel = handle
            .channel_open_session()
            .await
            .map_err(|e| format!("channel: {e}"))?;
        let term = "xterm-256color";
        channel
            .request_pty(false, term, cols.into(), rows.into(), 0, 0, &[])
            .await
            .map_err(|e| format!("pty: {e}"))?;
        match command {
            Some(c) => channel.exec(false, c).await,
            None => channel.request_shell(false).await,
        }
        .map_err(|e| format!("exec: {e}"))?;
        Ok(Term {
            handle,
            channel,
            tail: Vec::new(),
            received: 0,
            closed: false,
        })
    }

    /// Wait for the end of the next frame, at most `timeout`; the bytes
    /// received meanwhile.
    pub async fn frame(&mut self, timeout: Duration) -> Result<usize, String> {
        let until = tokio::time::Instant::now() + timeout;
        let mut got = 0;
        loop {
            let msg = tokio::time::timeout_at(until, self.channel.wait())
                .await
                .map_err(|_| format!("no frame within {timeout:?}"))?;
            let data = match msg {
                Some(ChannelMsg::Data { data }) => data,
                Some(ChannelMsg::Eof | ChannelMsg::Close) | None => {
                    self.closed = true;
                    return Err("the session ended".into());
                }
                Some(_) => continue,
            };
            got += data.len();
            self.received += data.len() as u64;
            let mut seen = std::mem::take(&mut self.tail);
            let old = seen.len();
            seen.extend_from_slice(&data);
            if ends_in_new(&seen, old, ASK_CURSOR) {
                self.send(NARROW).await?;
            }
            if ends_in_new(&seen, old, FRAME_END) {
                return Ok(got);
            }
            let keep = seen.len().saturating_sub(FRAME_END.len() - 1);
            self.tail = seen.split_off(keep);
        }
    }

    /// Send `bytes` and wait for the frame they draw: its latency (to the
    /// frame's end) and bytes.
    pub async fn key(
        &mut self,
        bytes: &[u8],
        timeout: Duration,
    ) -> Result<(Duration, usize), String> {
        let sent = Instant::now();
        self.send(bytes).await?;
        let n = self.frame(timeout).await?;
        Ok((sent.elapsed(), n))
    }

    pub async fn send(&self, bytes: &[u8]) -> Result<(), String> {
        self.channel
            .data_bytes(bytes.to_vec())
            .await
            .map_err(|e| format!("send: {e}"))
    }

    /// Read and drop what comes within `quiet` of silence; the bytes.
    pub async fn drain(&mut self, quiet: Duration) -> usize {
        let mut got = 0;
        while let Ok(msg) = tokio::time::timeout(quiet, self.channel.wait()).await {
            match msg {
                Some(ChannelMsg::Data { data }) => {
                    got += data.len();
                    self.received += data.len() as u64;
                    if contains(&data, ASK_CURSOR) {
                        let _ = self.send(NARROW).await;
                    }
                }
                Some(ChannelMsg::Eof | ChannelMsg::Close) | None => {
                    self.closed = true;
                    break;
                }
                Some(_) => {}
            }
        }
        got
    }

    pub async fn resize(&self, cols: u16, rows: u16) -> Result<(), String> {
        self.channel
            .window_change(cols.into(), rows.into(), 0, 0)
            .await
            .map_err(|e| format!("window-change: {e}"))
    }

    /// Leave at once, as a client that closes its window.
    pub async fn close(self) {
        let _ = self.channel.close().await;
        let _ = self
            .handle
            .disconnect(russh::Disconnect::ByApplication, "", "en")
            .await;
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Whether `needle` is in `seen` ending past its first `old` bytes (the
/// bytes already looked at).
fn ends_in_new(seen: &[u8], old: usize, needle: &[u8]) -> bool {
    contains(&seen[old.saturating_sub(needle.len() - 1)..], needle)
}
