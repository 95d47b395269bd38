//! What `check` (and every loader) says about a file: the diagnostics of a
//! briefing and of the config, the messages about files and directories.
//! The `error:` and `warning:` labels and the key paths are not translated,
//! so that editors and scripts can match them in either language.

/// (id, 中文, English)
pub(super) const STRINGS: &[(&str, &str, &str)] = &[
    // The briefing's contents.
    (
        "d.control",
        "含控制字符 U+{}，显示为占位符",
        "contains the control character U+{}; it is shown as a placeholder",
    ),
    (
        "d.missing_key",
        "缺少必需的键 `{}`",
        "missing required key `{}`",
    ),
    ("d.empty", "`{}` 不能为空", "`{}` must not be empty"),
    (
        "d.not_finite",
        "应为有限的数，实为 {}",
        "must be a finite number, found {}",
    ),
    (
        "d.bad_id",
        "{} 不是有效的 id：只用小写字母、数字和 `-`，以字母或数字开头",
        "{} is not a valid id: use lower-case letters, digits and `-`, starting with a letter or digit",
    ),
    (
        "d.duplicate_id",
        "id {} 重复（第 {} 行已用过）",
        "duplicate id {} (first used on line {})",
    ),
    (
        "d.duplicate_indicator_id",
        "指标 id {} 重复（第 {} 行已用过）",
        "duplicate indicator id {} (first used on line {})",
    ),
    (
        "d.bad_period",
        "{} 不是期间：写作 YYYY、YYYY-Qn、YYYY-Hn 或 YYYY-MM",
        "{} is not a period: use YYYY, YYYY-Qn, YYYY-Hn or YYYY-MM",
    ),
    (
        "d.missing_schema",
        "缺少必需的键 `schema`（在文件开头写 `schema = 1`）",
        "missing required key `schema` (write `schema = 1` at the top)",
    ),
    (
        "d.bad_schema",
        "不支持的 schema {}：本程序读 schema 1",
        "unsupported schema {}: this program reads schema 1",
    ),
    (
        "d.missing_briefing",
        "缺少必需的表 `[briefing]`",
        "missing required table `[briefing]`",
    ),
    (
        "d.no_sections",
        "简报至少要有一个 `[[section]]`",
        "a briefing needs at least one `[[section]]`",
    ),
    (
        "d.bad_date",
        "应为本地日期，如 2024-01-15，实为 {}",
        "must be a local date such as 2024-01-15, found {}",
    ),
    (
        "d.bad_kind",
        "{} 不是章节类型：可用 \"lead\"、\"campaign\"、\"outlook\" 或 \"general\"",
        "{} is not a section kind: use \"lead\", \"campaign\", \"outlook\" or \"general\"",
    ),
    (
        "d.empty_campaign",
        "专项章节既没有 `body` 也没有条目，什么也不显示",
        "a campaign section with neither `body` nor items shows nothing",
    ),
    (
        "d.no_value",
        "指标要有 `value`、`change` 或两者",
        "an indicator needs `value`, `change` or both",
    ),
    (
        "d.bad_good",
        "{} 不是方向：可用 \"up\" 或 \"down\"",
        "{} is not a direction: use \"up\" or \"down\"",
    ),
    (
        "d.history_twice",
        "期间 {} 在 `history` 中出现两次",
        "period {} appears twice in `history`",
    ),
    (
        "d.no_cite",
        "指标 {} 没有 `cite`，阅读器无法指出它所在的句子",
        "indicator {} has no `cite`; the viewer cannot point at its sentence",
    ),
    (
        "d.cite_missing",
        "cite {} 不在 {} 的正文中",
        "cite {} is not in the body of {}",
    ),
    (
        "d.ignored_without_change",
        "没有 `change` 时，`{}` 不起作用",
        "`{}` without `change` is ignored",
    ),
    (
        "d.needs_change_unit",
        "`change` 需要 `change_unit`（\"%\"、\"pp\" 或一个单位）",
        "`change` needs `change_unit` (\"%\", \"pp\" or a unit)",
    ),
    (
        "d.pp_needs_percent",
        "\"pp\"（百分点）要求 `unit = \"%\"` 或不写 `value`",
        "\"pp\" (percentage points) needs `unit = \"%\"` or no `value`",
    ),
    (
        "d.needs_basis",
        "`change` 需要 `basis`（\"yoy\" 同比或 \"pop\" 环比）",
        "`change` needs `basis` (\"yoy\" 同比 or \"pop\" 环比)",
    ),
    (
        "d.bad_basis",
        "{} 不是比较基准：可用 \"yoy\"（同比）或 \"pop\"（环比）",
        "{} is not a basis: use \"yoy\" (同比) or \"pop\" (环比)",
    ),
    (
        "d.point_needs_value",
        "历史数据点要有 `value`",
        "a history point needs `value`",
    ),
    (
        "d.point_needs_period",
        "历史数据点要有 `period`",
        "a history point needs `period`",
    ),
    (
        "d.history_not_earlier",
        "历史期间 {} 不早于简报的期间 {}",
        "history period {} is not earlier than the briefing's period {}",
    ),
    (
        "d.compare_needs_value",
        "对比项要有 `value`",
        "a comparison needs `value`",
    ),
    // The document's shape.
    ("d.toml_syntax", "TOML 语法错误：{}", "TOML syntax: {}"),
    ("d.toml_expected", "{}，应为{}", "{}, expected {}"),
    ("d.toml_or", "或", ", "),
    (
        "d.unknown_top",
        "未知的键 `{}`，应为 `schema`、`briefing` 或 `section`",
        "unknown key `{}`, expected `schema`, `briefing` or `section`",
    ),
    (
        "d.section_not_array",
        "应为写作 `[[section]]` 的表数组，实为 {}",
        "expected an array of tables written `[[section]]`, found {}",
    ),
    // serde's messages, in the interface's language.
    (
        "d.unknown_field",
        "未知的键 `{}`，可用的键：{}",
        "unknown field `{}`, expected one of {}",
    ),
    (
        "d.unknown_field_none",
        "未知的键 `{}`",
        "unknown field `{}`",
    ),
    ("d.list_sep", "、", ", "),
    ("n.string", "字符串", "a string"),
    ("n.number", "数", "a number"),
    ("n.integer", "整数", "an integer"),
    ("n.boolean", "布尔值", "a boolean"),
    ("n.array", "数组", "an array"),
    ("n.table", "表", "a table"),
    ("n.found_integer", "整数", "integer"),
    ("n.found_float", "小数", "floating point"),
    ("n.found_boolean", "布尔值", "boolean"),
    ("n.found_string", "字符串", "string"),
    ("n.found_table", "表", "table"),
    ("n.found_array", "数组", "array"),
    (
        "d.invalid_type",
        "类型不对：应为{}，实为{}",
        "invalid type: {1}, expected {0}",
    ),
    (
        "d.invalid_value",
        "值不对：应为{}，实为{}",
        "invalid value: {1}, expected {0}",
    ),
    // Agreement between files.
    (
        "d.conflict",
        "指标 `{}` 在 {} 的值：此处为 {}，而该期间的简报 {}:{} 中为 {}，以后者为准",
        "indicator `{0}` for {1}: {2} here, but {5} in {3}:{4}, the briefing of that period, whose value is used",
    ),
    // Files and directories.
    (
        "d.cannot_read",
        "无法读取文件：{}",
        "cannot read the file: {}",
    ),
    (
        "d.not_regular",
        "不是普通文件（{}）；简报是一个 .toml 文件",
        "not a regular file ({}); a briefing is a .toml file",
    ),
    ("d.a_directory", "目录", "a directory"),
    ("d.a_fifo", "管道", "a FIFO"),
    ("d.a_char_device", "字符设备", "a character device"),
    ("d.a_block_device", "块设备", "a block device"),
    ("d.a_socket", "套接字", "a socket"),
    ("d.not_plain", "不是普通文件", "not a plain file"),
    (
        "d.too_large",
        "文件有 {} 字节，超过 {} 字节（8 MiB）的上限",
        "the file is {} bytes, over the limit of {} bytes (8 MiB)",
    ),
    ("d.file_empty", "文件是空的", "the file is empty"),
    (
        "d.more_in_section",
        "本节另有 {} 个问题未列出（{} 个错误，{} 个警告）；先改正上面的",
        "{} more problems in this section not shown ({} errors, {} warnings); fix the ones above first",
    ),
    (
        "d.and_more",
        "{}: 另有 {} 个问题未列出（{} 个错误，{} 个警告）",
        "{}: and {} more not shown ({} errors, {} warnings)",
    ),
    (
        "d.not_utf8",
        "文件不是 UTF-8 文本（无效字节 0x{}）；请存为 UTF-8",
        "the file is not UTF-8 text (invalid byte 0x{}); save it as UTF-8",
    ),
    (
        "d.no_such_briefing",
        "找不到这份简报；找过 {}",
        "no such briefing; looked for {}",
    ),
    (
        "d.cannot_read_dir",
        "无法读取目录：{}",
        "cannot read the directory: {}",
    ),
    (
        "d.empty_dir",
        "目录中没有 .toml 简报",
        "a directory with no .toml briefings in it",
    ),
    // The config file.
    (
        "d.not_one_of",
        "{} 不是可选值之一：{}",
        "{} is not one of {}",
    ),
    (
        "d.not_a_key",
        "{} 不是按键：写一个字符、`ctrl-x`，或 `pgdn`、`space`、`enter` 这样的名字",
        "{} is not a key: write a character, `ctrl-x`, or a name such as `pgdn`, `space`, `enter`",
    ),
    (
        "d.not_a_command",
        "{} 不是命令：可用 {}",
        "{} is not a command: use one of {}",
    ),
    (
        "d.bound_twice",
        "按键 {} 绑定了两次（另见第 {} 行）",
        "the key {} is bound twice (also on line {})",
    ),
    (
        "d.quit_keyless",
        "这样 `quit` 就没有按键了：请把 `quit` 也绑定到另一个键",
        "this leaves `quit` without a key: bind `quit` to another key too",
    ),
    // The commands' own messages.
    (
        "m.cannot_write",
        "briefing: 无法写出：{}",
        "briefing: cannot write: {}",
    ),
    (
        "m.list_invalid",
        "briefing: {}: 不是有效的简报（`briefing check {}` 会说明原因）",
        "briefing: {}: not a valid briefing (briefing check {} tells why)",
    ),
    (
        "m.open_warnings",
        "{} 条警告：briefing check {}",
        "{} warnings: briefing check {}",
    ),
    (
        "m.list_none",
        "briefing: 在 {} 中没有找到简报",
        "briefing: no briefings found in {}",
    ),
    (
        "m.new_written",
        "{}: 已写出；编辑它，然后运行 `briefing check {}`",
        "{}: written; edit it, then `briefing check {}`",
    ),
    (
        "m.new_cannot_write",
        "{}: error: 无法写入：{}",
        "{}: error: cannot write: {}",
    ),
    (
        "m.new_exists",
        "{}: error: 文件已存在；briefing new 从不覆盖文件",
        "{}: error: the file exists; briefing new never overwrites",
    ),
    (
        "m.new_cannot_create",
        "{}: error: 无法创建：{}",
        "{}: error: cannot create: {}",
    ),
    (
        "m.unknown_user",
        "briefing: 没有用户 `{}`（--from 要用户名或 uid）",
        "briefing: no user `{}` (--from takes a user name or uid)",
    ),
    (
        "m.needs_terminal",
        "briefing: `{}` 需要标准输入和标准输出都是终端；要把简报输出为文本，请用 `briefing print 文件`",
        "briefing: `{}` needs a terminal on standard input and output; to write a briefing as text, use `briefing print FILE`",
    ),
    (
        "m.terminal_setup",
        "briefing: 无法设置终端：{}",
        "briefing: cannot set up the terminal: {}",
    ),
    (
        "m.cannot_watch",
        "briefing: 无法监视文件：{}",
        "briefing: cannot watch the files: {}",
    ),
    // The themes, as `briefing themes` lists them.
    (
        "theme.dark",
        "默认；深色背景上的 16 种基本颜色",
        "default; 16 basic colours on a dark background",
    ),
    (
        "theme.light",
        "浅色背景用的 16 种基本颜色",
        "16 basic colours for a light background",
    ),
    (
        "theme.projector",
        "高对比度，白底黑字，适合发白的投影",
        "high contrast, black on white, for washed-out projectors",
    ),
];
