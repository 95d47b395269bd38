//! The server's life: the host key and the keys read, the socket bound,
//! connections admitted (or refused, logged), SIGHUP re-reads the keys,
//! SIGTERM ends every session with a message on its screen.

use std::net::SocketAddr;
use std::os::unix::fs::OpenOptionsExt;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use russh::MethodKind;
use russh::server::Config;
use signal_hook::consts::SIGTERM;
use tokio::net::{TcpListener, TcpStream};

use super::auth::Trust;
use super::handler::Conn;
use super::{Base, Options, Shared, authorized, certs, hostkey, limits, log, private};
use crate::exit::{INVALID, OK, USAGE};
use crate::i18n::{subst, t};

/// How long a failed attempt takes (rejections take this long, always).
const FAILURE_DELAY: Duration = Duration::from_secs(1);
/// How long SIGTERM waits for the sessions to say goodbye.
const GOODBYE: Duration = Duration::from_secs(3);

/// How a file of keys is read: its problems to the log; `Err` is the message.
type Load<T> = fn(&std::path::Path, &mut dyn FnMut(String)) -> Result<T, String>;

/// A file of keys read at start; `Err` is the exit code, said.
fn read<T>(path: &Option<std::path::PathBuf>, load: Load<T>) -> Result<Option<Mutex<T>>, u8> {
    let Some(path) = path else { return Ok(None) };
    match load(path, &mut |l| log::line(&l)) {
        Ok(k) => Ok(Some(Mutex::new(k))),
        Err(message) => {
            eprintln!("briefing: {message}");
            Err(INVALID)
        }
    }
}

/// Who is let in; `Err` is the exit code, said.
fn trust(options: &Options) -> Result<Trust, u8> {
    let trust = Trust {
        anyone: options.allow_anyone,
        keys: read(&options.authorized_keys, authorized::Keys::read_keys)?,
        cas: read(&options.trusted_user_ca_keys, certs::Cas::read_cas)?,
    };
    if trust.anyone {
        eprintln!("briefing: {}", t("serve.anyone"));
    } else if trust.keys.is_none() && trust.cas.is_none() {
        eprintln!("briefing: {}", t("serve.need_keys"));
        return Err(USAGE);
    }
    Ok(trust)
}

/// The host key, made at first start; `Err` is the exit code, said.
fn host_key(options: &Options) -> Result<russh::keys::PrivateKey, u8> {
    let Some(key_path) = options.host_key.clone().or_else(hostkey::default_path) else {
        eprintln!("briefing: {}", t("serve.no_state_dir"));
        return Err(USAGE);
    };
    let key = hostkey::load_or_create(&key_path).map_err(|message| {
        eprintln!("briefing: {message}");
        INVALID
    })?;
    eprintln!(
        "{}",
        subst(t("serve.fingerprint"), &[&hostkey::fingerprint(&key)])
    );
    Ok(key)
}

/// The `--log` file, opened for appending (made 0600 if missing, see
/// `private`); `Err` is the exit code, said.
fn log_file(options: &Options) -> Result<(), u8> {
    let Some(path) = &options.log else {
        return Ok(());
    };
    let mut open = std::fs::OpenOptions::new();
    open.append(true).create(true).mode(0o600);
    match private::open(path, &mut open) {
        Ok(file) => {
            log::also_to(file);
            Ok(())
        }
        Err(private::Problem::Refused(message)) => {
            eprintln!("briefing: {message}");
            Err(INVALID)
        }
        Err(private::Problem::Missing) => {
            let shown = path.display().to_string();
            let missing = std::io::Error::from(std::io::ErrorKind::NotFound);
            eprintln!(
                "briefing: {}",
                subst(t("serve.file_bad"), &[&shown, &missing.to_string()])
            );
            Err(INVALID)
        }
    }
}

/// Run the server until SIGTERM or SIGINT.
pub(crate) fn run(options: Options, mut base: Base) -> u8 {
    base.dirs = options.served();
    if let Err(code) = log_file(&options) {
        return code;
    }
    let trust = match trust(&options) {
        Ok(k) => k,
        Err(code) => return code,
    };
    let host_key = match host_key(&options) {
        Ok(k) => k,
        Err(code) => return code,
    };
    let config = Config {
        methods: (&[MethodKind::PublicKey][..]).into(),
        auth_rejection_time: FAILURE_DELAY,
        auth_rejection_time_initial: Some(Duration::ZERO),
        keys: vec![host_key],
        max_auth_attempts: 6,
        inactivity_timeout: Some(Duration::from_secs(options.idle_timeout * 60)),
        keepalive_interval: Some(Duration::from_secs(60)),
        keepalive_max: 3,
        nodelay: true,
        ..Config::default()
    };
    let shared = Arc::new(Shared {
        base,
        trust,
        limits: limits::Limits::new(options.per_minute as usize, options.max_sessions as usize),
        sessions: Default::default(),
        next_id: Default::default(),
    });
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("briefing: {e}");
            return INVALID;
        }
    };
    let auth_timeout = Duration::from_secs(options.auth_timeout);
    runtime.block_on(serve(
        options.listen,
        (Arc::new(config), auth_timeout),
        shared,
    ))
}

async fn serve(listen: String, config: (Arc<Config>, Duration), shared: Arc<Shared>) -> u8 {
    let listener = match TcpListener::bind(&listen).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!(
                "briefing: {}",
                subst(t("serve.cannot_listen"), &[&listen, &e.to_string()])
            );
            return INVALID;
        }
    };
    let shown = listener.local_addr().map_or(listen, |a| a.to_string());
    eprintln!("{}", subst(t("serve.listening"), &[&shown]));
    let signals = (
        tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()),
        tokio::signal::unix::signal(tokio::signal::unix::SignalKind::interrupt()),
        tokio::signal::unix::signal(tokio::signal::unix::SignalKind::hangup()),
    );
    let (Ok(mut term), Ok(mut int), Ok(mut hup)) = signals else {
        return INVALID;
    };
    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((socket, peer)) => admit(socket, peer, &config, &shared),
                // Out of descriptors, say: wait a moment rather than spin.
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            },
            _ = hup.recv() => {
                log::line("event=reload");
                shared.trust.reload();
            }
            _ = term.recv() => break,
            _ = int.recv() => break,
        }
    }
    drop(listener);
    goodbye(&shared).await;
    OK
}

/// End every session with a message on its screen, and wait a moment for them.
async fn goodbye(shared: &Shared) {
    log::line("event=shutdown");
    let remotes: Vec<_> = shared.lock_sessions().values().cloned().collect();
    for remote in remotes {
        remote.raise(SIGTERM);
    }
    let until = Instant::now() + GOODBYE;
    while shared.limits.open() > 0 && Instant::now() < until {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Let a connection in, within the limits, and run it.
fn admit(
    socket: TcpStream,
    peer: SocketAddr,
    (config, auth_timeout): &(Arc<Config>, Duration),
    shared: &Arc<Shared>,
) {
    let auth_timeout = *auth_timeout;
    let slot = match shared.limits.admit(peer.ip(), Instant::now()) {
        Ok(slot) => slot,
        Err(why) => {
            log::line(&format!(
                "event=refused peer={peer} reason={}",
                why.as_str()
            ));
            return;
        }
    };
    log::line(&format!("event=connect peer={peer}"));
    let _ = socket.set_nodelay(true);
    // A second handle on the socket, to close it whatever state the
    // protocol is in (a client that never finishes the key exchange).
    let Ok((socket, closer)) = socket
        .into_std()
        .and_then(|s| Ok((s.try_clone()?, s)))
        .and_then(|(s, closer)| Ok((TcpStream::from_std(s)?, closer)))
    else {
        return;
    };
    let authed = Arc::new(AtomicBool::new(false));
    let handler = Conn::new(Arc::clone(shared), peer, slot, Arc::clone(&authed));
    let config = Arc::clone(config);
    tokio::spawn(async move {
        let deadline = tokio::time::Instant::now() + auth_timeout;
        let timed_out = || {
            log::line(&format!("event=auth-timeout peer={peer}"));
            let _ = closer.shutdown(std::net::Shutdown::Both);
        };
        let started =
            tokio::time::timeout_at(deadline, russh::server::run_stream(config, socket, handler));
        let mut session = match started.await {
            Ok(Ok(s)) => s,
            Ok(Err(_)) => return,
            Err(_) => return timed_out(),
        };
        tokio::select! {
            _ = &mut session => return,
            () = tokio::time::sleep_until(deadline) => {}
        }
        if !authed.load(Ordering::SeqCst) {
            timed_out();
        }
        let _ = session.await;
    });
}
