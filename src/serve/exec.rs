//! The commands a client may send (`ssh host list`, `ssh host print 2023
//! --width 72`, `ssh -t host open 2023`): parsed here, and the two that
//! print text run here. Nothing else is ever run.

use std::path::{Path, PathBuf};

use super::names;
use super::remote::served;
use crate::i18n::{subst, t};

/// What a client asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Request {
    List,
    Print {
        name: String,
        width: usize,
    },
    Open(String),
    Present(String),
    /// A briefing, and the presenter's channel when named (a plain name:
    /// never a path a client could point the server at).
    Follow {
        name: String,
        channel: Option<String>,
    },
}

/// The most bytes of a command line looked at.
const COMMAND_MAX: usize = 1024;

/// Parse `command`; `Err` is the message for the client.
pub(super) fn parse(command: &[u8]) -> Result<Request, String> {
    let text = std::str::from_utf8(&command[..command.len().min(COMMAND_MAX)])
        .map_err(|_| t("serve.unknown_command").to_string())?;
    let words: Vec<&str> = text.split_whitespace().collect();
    let usage = |u: &str| subst(t("serve.usage"), &[u]);
    match words.as_slice() {
        ["list"] => Ok(Request::List),
        ["print", rest @ ..] => print_args(rest).ok_or_else(|| usage("print NAME [--width N]")),
        ["open", name] => Ok(Request::Open((*name).to_string())),
        ["present", name] => Ok(Request::Present((*name).to_string())),
        ["follow", name] => Ok(Request::Follow {
            name: (*name).to_string(),
            channel: None,
        }),
        ["follow", name, "--channel", c] if plain_channel(c) => Ok(Request::Follow {
            name: (*name).to_string(),
            channel: Some((*c).to_string()),
        }),
        ["follow", ..] => Err(usage("follow NAME [--channel CHANNEL]")),
        ["open" | "present", ..] => Err(usage(&format!("{} NAME", words[0]))),
        _ => Err(t("serve.unknown_command").to_string()),
    }
}

/// A channel's plain name, as `present --channel` takes it: letters,
/// digits, `-`, `_`, `.`, at most 64, not starting with `.`; no path.
fn plain_channel(c: &str) -> bool {
    !c.is_empty()
        && c.len() <= 64
        && !c.starts_with('.')
        && c.chars()
            .all(|ch| ch.is_alphanumeric() || "-_.".contains(ch))
}

fn print_args(args: &[&str]) -> Option<Request> {
    let mut name = None;
    let mut width = 80;
    let mut i = 0;
    while i < args.len() {
        let a = args[i];
        if let Some(w) = a.strip_prefix("--width=") {
            width = w.parse().ok()?;
        } else if a == "--width" {
            i += 1;
            width = args.get(i)?.parse().ok()?;
        } else if name.is_none() && !a.starts_with('-') {
            name = Some(a.to_string());
        } else {
            return None;
        }
        i += 1;
    }
    (10..=500)
        .contains(&width)
        .then_some(Request::Print { name: name?, width })
}

/// The text `list` prints: one line a served briefing, named as a client
/// names it (its path inside the served directory).
pub(super) fn list(dirs: &[PathBuf]) -> String {
    let library = served(dirs);
    let mut out = String::new();
    for e in &library.entries {
        let b = &e.briefing;
        let name = dirs
            .iter()
            .find_map(|d| e.path.strip_prefix(d).ok())
            .unwrap_or(Path::new(""));
        out.push_str(&format!(
            "{}  {}  {}  {}\n",
            b.organization,
            b.period,
            b.title,
            name.display()
        ));
    }
    out
}

/// The text `print NAME` prints, or the message that NAME is not served.
pub(super) fn print(dirs: &[PathBuf], name: &str, width: usize) -> Result<String, String> {
    let refused = || subst(t("serve.bad_name"), &[&super::log::value(name)]);
    let path = names::resolve(dirs, name).ok_or_else(refused)?;
    let library = served(dirs);
    let entry = library
        .entries
        .iter()
        .find(|e| e.path.canonicalize().is_ok_and(|p| p == path))
        .ok_or_else(refused)?;
    let group: Vec<crate::model::Briefing> = library
        .group(&entry.briefing.organization)
        .into_iter()
        .map(|e| e.briefing.clone())
        .collect();
    Ok(crate::print::render(&entry.briefing, &group, width, false))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_served_commands() {
        assert_eq!(parse(b"list"), Ok(Request::List));
        assert_eq!(parse(b"  open 2023 "), Ok(Request::Open("2023".into())));
        assert_eq!(
            parse(b"print 2023.toml --width 72"),
            Ok(Request::Print {
                name: "2023.toml".into(),
                width: 72
            })
        );
        assert_eq!(
            parse(b"follow 2023 --channel meeting-1"),
            Ok(Request::Follow {
                name: "2023".into(),
                channel: Some("meeting-1".into())
            })
        );
        assert_eq!(
            parse(b"print --width=40 a"),
            Ok(Request::Print {
                name: "a".into(),
                width: 40
            })
        );
        for bad in [
            &b"cat /etc/passwd"[..],
            b"sh",
            b"",
            b"open",
            b"open a b",
            b"print a --width 0",
            b"print a --width",
            b"print a b",
            b"list; sh",
            b"\xff\xfe",
            b"scp -t /tmp",
            b"internal-sftp",
            b"follow a --channel /tmp/x.sock",
            b"follow a --channel ../x",
            b"follow a --channel .hidden",
            b"follow a --channel",
            b"follow a b",
        ] {
            assert!(parse(bad).is_err(), "{:?}", String::from_utf8_lossy(bad));
        }
    }
}
