//! What a session channel runs: a terminal session on its own thread
//! (`remote`), or a served command's text.

use std::os::unix::net::UnixStream as StdStream;
use std::sync::Arc;

use russh::ChannelId;
use russh::ChannelWriteHalf;
use russh::server::{Msg, Session};
use tokio::net::UnixStream;
use tokio::sync::mpsc;

use super::exec::{self, Request};
use super::handler::Conn;
use super::live::{Live, pump};
use super::output::{Meter, Out, Output};
use super::remote::{self, Opening};
use crate::i18n::{subst, t};
use crate::screen::wire::SharedSize;

/// The language a client's environment asks for, if it asks.
fn lang_of(env: &[(String, String)]) -> Option<crate::i18n::Lang> {
    let get = |k: &str| env.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
    let value = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|k| get(k).filter(|v| !v.is_empty()))?;
    if value.starts_with("zh") {
        Some(crate::i18n::Lang::Zh)
    } else if value.starts_with("en") || value == "C" || value.starts_with("C.") || value == "POSIX"
    {
        Some(crate::i18n::Lang::En)
    } else {
        None
    }
}

impl Conn {
    /// Tell the client why, on its stderr, and refuse the request.
    /// Nothing runs: the message goes to the client's stderr, the exit
    /// status is 2 (usage), and the channel closes.
    fn say_and_refuse(
        &mut self,
        what: &str,
        message: &str,
        channel: ChannelId,
        session: &mut Session,
    ) {
        let Some(write) = self.channels.get_mut(&channel).and_then(|c| c.write.take()) else {
            self.refuse(what, channel, session);
            return;
        };
        self.log("refused", &format!("request={what}"));
        let mut output = self.output(write, session);
        let _ = output.send(Out::Err(format!("{message}\r\n").into_bytes()));
        let _ = output.send(Out::End(2));
        let _ = session.channel_success(channel);
    }

    fn output(&mut self, write: ChannelWriteHalf<Msg>, session: &Session) -> Output {
        let (tx, rx) = mpsc::unbounded_channel();
        let meter = Arc::new(Meter::default());
        self.meters.push(Arc::clone(&meter));
        tokio::spawn(pump(rx, write, Arc::clone(&meter), session.handle()));
        Output::new(tx, meter)
    }

    /// A terminal session showing `opening`.
    pub(super) async fn begin(
        &mut self,
        channel: ChannelId,
        opening: Opening,
        what: &str,
        session: &mut Session,
    ) -> Result<(), russh::Error> {
        let Some(chan) = self.channels.get_mut(&channel) else {
            return Ok(());
        };
        let lang = lang_of(&chan.env).unwrap_or(self.shared.base.lang);
        let Some((term, cols, rows)) = chan.pty.clone() else {
            let message = crate::i18n::with_lang(lang, || subst(t("serve.needs_pty"), &[what]));
            self.say_and_refuse(&format!("{what}-without-pty"), &message, channel, session);
            return Ok(());
        };
        let (Some(write), None) = (chan.write.take(), chan.live.as_ref()) else {
            self.refuse("second-command", channel, session);
            return Ok(());
        };
        let env = chan.env.clone();
        let colorterm = env.iter().any(|(k, _)| k == "COLORTERM");
        let setup = self.shared.setup(
            opening,
            lang,
            Some(term).filter(|t| !t.is_empty() || colorterm),
        );
        let output = self.output(write, session);
        let size = Arc::new(SharedSize::default());
        size.set(cols, rows);
        let (theirs, ours) = StdStream::pair()?;
        ours.set_nonblocking(true)?;
        let remote = remote::spawn(setup, theirs, Arc::clone(&size), output)?;
        let id = self.shared.remember(remote.clone());
        let live = Live::new(
            UnixStream::from_std(ours)?,
            remote,
            size,
            (id, Arc::clone(&self.shared)),
        );
        if let Some(chan) = self.channels.get_mut(&channel) {
            chan.live = Some(live);
        }
        self.opened.push(what.to_string());
        self.log("open", &format!("what={}", super::log::value(what)));
        session.channel_success(channel)?;
        Ok(())
    }

    /// A command the client sent.
    pub(super) async fn exec(
        &mut self,
        channel: ChannelId,
        command: &[u8],
        session: &mut Session,
    ) -> Result<(), russh::Error> {
        let shown = String::from_utf8_lossy(&command[..command.len().min(200)]).to_string();
        let lang = self
            .channels
            .get(&channel)
            .and_then(|c| lang_of(&c.env))
            .unwrap_or(self.shared.base.lang);
        let request = match crate::i18n::with_lang(lang, || exec::parse(command)) {
            Ok(r) => r,
            Err(message) => {
                let what = format!("exec:{}", super::log::value(&shown));
                self.say_and_refuse(&what, &message, channel, session);
                return Ok(());
            }
        };
        let dirs = &self.shared.base.dirs;
        let name_ok = |name: &str| super::names::resolve(dirs, name);
        let opening = match &request {
            Request::Open(n) => name_ok(n).map(Opening::Open),
            Request::Present(n) => name_ok(n).map(Opening::Present),
            Request::Follow { name, channel } => {
                name_ok(name).map(|p| Opening::Follow(p, channel.clone()))
            }
            Request::List | Request::Print { .. } => {
                return self.text(channel, request, lang, session);
            }
        };
        let Some(opening) = opening else {
            let message = crate::i18n::with_lang(lang, || {
                subst(t("serve.bad_name"), &[&super::log::value(&shown)])
            });
            self.say_and_refuse(
                &format!("name:{}", super::log::value(&shown)),
                &message,
                channel,
                session,
            );
            return Ok(());
        };
        self.begin(channel, opening, &shown, session).await
    }

    /// `list` and `print`: their text, then the end.
    fn text(
        &mut self,
        channel: ChannelId,
        request: Request,
        lang: crate::i18n::Lang,
        session: &mut Session,
    ) -> Result<(), russh::Error> {
        let Some(chan) = self.channels.get_mut(&channel) else {
            return Ok(());
        };
        let pty = chan.pty.is_some();
        let Some(write) = chan.write.take() else {
            self.refuse("second-command", channel, session);
            return Ok(());
        };
        let dirs = self.shared.base.dirs.clone();
        let (what, result) = crate::i18n::with_lang(lang, || match request {
            Request::Print { name, width } => {
                (format!("print {name}"), exec::print(&dirs, &name, width))
            }
            _ => ("list".to_string(), Ok(exec::list(&dirs))),
        });
        let mut output = self.output(write, session);
        let newline = |s: String| if pty { s.replace('\n', "\r\n") } else { s };
        let sent = match result {
            Ok(text) => output
                .send(Out::Data(newline(text).into_bytes()))
                .map(|()| 0),
            Err(message) => output
                .send(Out::Err(newline(message + "\n").into_bytes()))
                .map(|()| 1),
        };
        let _ = output.send(Out::End(sent.unwrap_or(1)));
        self.opened.push(what.clone());
        self.log("exec", &format!("what={}", super::log::value(&what)));
        session.channel_success(channel)?;
        Ok(())
    }
}
