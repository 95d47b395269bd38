//! A running terminal session as its connection sees it (its input, its
//! size, its end), and the task that sends a session's output as the
//! client's window allows.

use std::sync::Arc;
use std::sync::atomic::Ordering;

use russh::ChannelWriteHalf;
use russh::server::{Handle, Msg};
use signal_hook::consts::{SIGHUP, SIGWINCH};
use tokio::net::UnixStream;
use tokio::sync::mpsc;

use super::Shared;
use super::output::{Meter, Out};
use crate::i18n::t;
use crate::screen::input::Remote;
use crate::screen::wire::SharedSize;

/// A session channel: what the client asked for it before a command.
pub(super) struct Chan {
    pub write: Option<ChannelWriteHalf<Msg>>,
    /// TERM and the size, when a terminal was asked for.
    pub pty: Option<(String, u16, u16)>,
    pub env: Vec<(String, String)>,
    pub live: Option<Live>,
}

/// A running terminal session, seen from the connection.
pub(super) struct Live {
    pub input: UnixStream,
    remote: Remote,
    size: Arc<SharedSize>,
    id: u64,
    shared: Arc<Shared>,
}

impl Live {
    pub(super) fn new(
        input: UnixStream,
        remote: Remote,
        size: Arc<SharedSize>,
        (id, shared): (u64, Arc<Shared>),
    ) -> Live {
        Live {
            input,
            remote,
            size,
            id,
            shared,
        }
    }

    pub(super) fn resize(&self, cols: u16, rows: u16) {
        self.size.set(cols, rows);
        self.remote.raise(SIGWINCH);
    }

    /// The client closed its side: the session ends.
    pub(super) fn closed(&self) {
        self.remote.raise(SIGHUP);
    }
}

impl Drop for Live {
    fn drop(&mut self) {
        self.remote.raise(SIGHUP);
        self.shared.forget(self.id);
    }
}

/// Send what the session hands over, in order, as the window allows; close
/// the connection when the client stops reading.
pub(super) async fn pump(
    mut rx: mpsc::UnboundedReceiver<Out>,
    write: ChannelWriteHalf<Msg>,
    meter: Arc<Meter>,
    handle: Handle,
) {
    let sending = async {
        while let Some(out) = rx.recv().await {
            let (n, sent) = match out {
                Out::Data(b) => (b.len(), write.data_bytes(b).await),
                Out::Err(b) => (b.len(), write.extended_data_bytes(1, b).await),
                Out::End(code) => {
                    let _ = write.exit_status(code).await;
                    let _ = write.eof().await;
                    let _ = write.close().await;
                    return;
                }
            };
            if sent.is_err() {
                return;
            }
            meter.queued.fetch_sub(n, Ordering::SeqCst);
            meter.sent.fetch_add(n as u64, Ordering::Relaxed);
        }
        let _ = write.close().await;
    };
    tokio::select! {
        () = sending => {}
        () = meter.kill.notified() => {
            let _ = handle
                .disconnect(
                    russh::Disconnect::ByApplication,
                    t("serve.too_slow").to_string(),
                    String::new(),
                )
                .await;
        }
    }
}
