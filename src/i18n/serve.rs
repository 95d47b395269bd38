//! What `briefing serve` says: its command line, its log, the start screen
//! and the messages a remote reader sees.

/// (id, 中文, English)
pub(super) const STRINGS: &[(&str, &str, &str)] = &[
    (
        "cli.serve",
        "作为 SSH 服务器提供简报：读者用 ssh 连接即进入阅读器，别无他物",
        "Serve briefings over SSH: readers who connect land in the reader, and nothing else",
    ),
    (
        "cli.serve.dirs",
        "提供其中简报的目录（默认：配置的库目录和 BRIEFING_PATH）",
        "Directories whose briefings are served (default: the config's library and BRIEFING_PATH)",
    ),
    (
        "cli.serve.listen",
        "监听的地址和端口",
        "Address and port to listen on",
    ),
    (
        "cli.serve.authorized_keys",
        "允许的公钥（OpenSSH authorized_keys 格式；文件变化或 SIGHUP 时重读）",
        "The keys let in (OpenSSH authorized_keys; read again when it changes or on SIGHUP)",
    ),
    (
        "cli.serve.trusted_user_ca_keys",
        "信任的 CA 公钥（每行一个）：由其签发、主体名含登录用户名的 OpenSSH 用户证书可以进入（文件变化或 SIGHUP 时重读）",
        "CA public keys, one a line: an OpenSSH user certificate they signed that names the login user among its principals is let in (read again when it changes or on SIGHUP)",
    ),
    (
        "cli.serve.host_key",
        "主机密钥文件（默认：XDG_STATE_HOME 下，首次启动时生成）",
        "The host key file (default: under XDG_STATE_HOME, made at first start)",
    ),
    (
        "cli.serve.allow_anyone",
        "允许任何公钥（仅供演示）",
        "Let any key in (for a demonstration only)",
    ),
    (
        "cli.serve.idle_timeout",
        "空闲多少分钟后断开",
        "Minutes without input before a connection is closed",
    ),
    (
        "cli.serve.auth_timeout",
        "多少秒内未完成认证即断开",
        "Seconds a client has to authenticate",
    ),
    (
        "cli.serve.max_sessions",
        "同时连接的上限",
        "The most connections at once",
    ),
    (
        "cli.serve.per_minute",
        "每个来源地址每分钟可建立的连接数上限",
        "The most connections one source address may open a minute",
    ),
    (
        "serve.need_keys",
        "需要 --authorized-keys FILE 或 --trusted-user-ca-keys FILE（或演示用的 --allow-anyone）",
        "--authorized-keys FILE or --trusted-user-ca-keys FILE is needed (or --allow-anyone, for a demonstration)",
    ),
    (
        "serve.anyone",
        "警告：--allow-anyone，任何公钥都能连接",
        "warning: --allow-anyone: any key can connect",
    ),
    (
        "serve.key_bad",
        "{}：无法读取主机密钥：{}",
        "{}: cannot read the host key: {}",
    ),
    (
        "serve.key_made",
        "已生成主机密钥：{}",
        "Made a host key: {}",
    ),
    (
        "serve.no_state_dir",
        "找不到存放主机密钥的目录（设置 XDG_STATE_HOME 或 HOME，或用 --host-key）",
        "No directory for the host key (set XDG_STATE_HOME or HOME, or give --host-key)",
    ),
    (
        "serve.fingerprint",
        "主机密钥指纹：{}",
        "Host key fingerprint: {}",
    ),
    ("serve.listening", "正在监听 {}", "Listening on {}"),
    (
        "serve.cannot_listen",
        "无法监听 {}：{}",
        "Cannot listen on {}: {}",
    ),
    (
        "serve.file_symlink",
        "{}：是符号链接（拒绝使用：其他用户可能让它指向别处）",
        "{}: is a symbolic link (refused: another user could point it elsewhere)",
    ),
    (
        "serve.file_owner",
        "{}：属于另一个用户（uid {}）",
        "{}: belongs to another user (uid {})",
    ),
    (
        "serve.file_open",
        "{}：其他用户可以读取或写入（chmod 600 后再启动）",
        "{}: other users can read or write it (chmod 600 it, then start again)",
    ),
    (
        "serve.file_writable",
        "{}：其他用户可以修改它（它决定谁能进入：chmod go-w）",
        "{}: other users can change it (it decides who comes in: chmod go-w it)",
    ),
    (
        "serve.file_not_regular",
        "{}：不是普通文件",
        "{}: not a regular file",
    ),
    ("serve.file_bad", "{}：无法打开：{}", "{}: cannot open: {}"),
    (
        "serve.dir_owner",
        "{}：所在目录属于另一个用户（uid {}）",
        "{}: the directory belongs to another user (uid {})",
    ),
    (
        "serve.dir_writable",
        "{}：其他用户可以在该目录中写入（chmod go-w，或换一个目录）",
        "{}: other users can write in the directory (chmod go-w it, or choose another)",
    ),
    (
        "cli.serve.log",
        "日志另外追加写入此文件（不存在时以 0600 创建；为符号链接、属于他人或他人可读写时拒绝启动）",
        "Also append the log to FILE (made 0600 if missing; refused if a symbolic link, another user's, or open to others)",
    ),
    ("serve.keys_bad", "{}：无法读取：{}", "{}: cannot read: {}"),
    (
        "serve.shutdown",
        "服务器正在关闭，连接已结束。",
        "The server is shutting down; the connection is closed.",
    ),
    (
        "serve.too_slow",
        "输出积压过多，连接已断开。",
        "Too much output waiting; the connection is closed.",
    ),
    (
        "serve.needs_pty",
        "briefing：{} 需要终端（用 ssh -t）",
        "briefing: {} needs a terminal (use ssh -t)",
    ),
    (
        "serve.unknown_command",
        "briefing：这里只有 list、print、open、present 和 follow",
        "briefing: only list, print, open, present and follow are served here",
    ),
    (
        "serve.bad_name",
        "briefing：{}：不在所提供的目录中",
        "briefing: {}: not among the served briefings",
    ),
    ("serve.usage", "briefing：用法：{}", "briefing: usage: {}"),
    ("start.title", "简报", "Briefings"),
    (
        "start.hint",
        "↑↓ 选择 · Enter 打开 · q 退出",
        "↑↓ choose · Enter open · q quit",
    ),
    ("start.empty", "没有可阅读的简报。", "No briefings to read."),
];
