//! The command line's help: the program's and every subcommand's about,
//! every flag's one line, and the headings of `--help`. An argument's line
//! is `cli.<subcommand>.<arg>`, else the shared `cli.<arg>`.

/// (id, 中文, English)
pub(super) const STRINGS: &[(&str, &str, &str)] = &[
    // Headings.
    ("cli.usage", "用法：", "Usage: "),
    ("cli.heading.args", "参数", "Arguments"),
    ("cli.heading.options", "选项", "Options"),
    ("cli.heading.commands", "命令", "Commands"),
    // The program and its global flags.
    (
        "cli.about",
        "在终端里阅读和演示结构化的工作简报",
        "Read and present structured work briefings in the terminal",
    ),
    (
        "cli.color",
        "颜色：auto（设了 NO_COLOR 或 TERM=dumb 时不用颜色）、always 或 never",
        "Colour: auto (none when NO_COLOR is set or TERM=dumb), always, or never",
    ),
    (
        "cli.ambiguous_width",
        "宽度不定的东亚字符（“ ” … ─）的宽度：narrow、wide 或 auto（询问终端）",
        "Width of East Asian ambiguous characters (“ ” … ─): narrow, wide, or auto (ask the terminal)",
    ),
    (
        "cli.lang",
        "界面语言：zh（默认）或 en",
        "Language of the interface: zh (default) or en",
    ),
    (
        "cli.config",
        "配置文件（默认：$XDG_CONFIG_HOME/briefing/config.toml）",
        "The config file (default: $XDG_CONFIG_HOME/briefing/config.toml)",
    ),
    ("cli.help", "显示帮助", "Print help"),
    ("cli.version", "显示版本", "Print version"),
    (
        "cli.help_command",
        "显示本帮助，或某个子命令的帮助",
        "Print this message or the help of the given subcommand(s)",
    ),
    // Shared by several subcommands.
    (
        "cli.paths",
        "简报文件或存放简报的目录；相对路径也在 BRIEFING_PATH 中查找",
        "Briefing files or directories of them; relative names are also looked up in BRIEFING_PATH",
    ),
    (
        "cli.theme",
        "配色：dark（默认）、light 或 projector（高对比度）",
        "Colour theme: dark (default), light or projector (high contrast)",
    ),
    // open
    (
        "cli.open",
        "在全屏阅读界面中打开简报（先显示最新一期）",
        "Open briefings in the full-screen reader (the newest period first)",
    ),
    (
        "cli.open.no_mouse",
        "不接收鼠标滚轮（保留终端自己的文字选择）",
        "Take no mouse wheel (keep the terminal's own text selection)",
    ),
    (
        "cli.open.watch",
        "文件改变时重新读取；有错误时显示错误，直到修正",
        "Read the files again when they change; show their errors until they are fixed",
    ),
    // present
    (
        "cli.present",
        "把简报作为幻灯片演示（所给各期中最新的一期）",
        "Present a briefing as slides (the newest period of those given)",
    ),
    (
        "cli.present.theme",
        "配色：dark（默认）、light 或 projector（高对比度，适合发白的投影）",
        "Colour theme: dark (default), light, or projector (high contrast, for washed-out projectors)",
    ),
    (
        "cli.present.presenter",
        "演示者视图：当前页、下一页、演讲备注和时钟",
        "The presenter's view: the slide, the next one, the speaker notes and a clock",
    ),
    (
        "cli.present.minutes",
        "与 --presenter 同用：整场演示的分钟数，按各页文字多少分配",
        "With --presenter: minutes for the whole talk, shared over the slides by their text",
    ),
    (
        "cli.present.deck_size",
        "与 --presenter 同用：幻灯片按这个尺寸（如投影仪终端的 120x40）排版，而不是按演示者视图里预览的大小；跟随者都用这一份",
        "With --presenter: lay the slides out for this size (the projector's terminal, say 120x40) instead of the preview in the presenter's view; every follower shows that deck",
    ),
    (
        "cli.present.follow",
        "跟随演示者翻页（`--follow=频道`：名称或套接字路径；默认为这份简报自己的频道）",
        "Follow a presenter's slides (`--follow=CHANNEL`: a name or a socket path; default: the briefing's own)",
    ),
    (
        "cli.present.channel",
        "与 --presenter 同用：在这个名称的频道上发布（跟随者用 --follow=名称）；默认为这份简报自己的频道",
        "With --presenter: publish on the channel of this name (followers use --follow=NAME); default: the briefing's own",
    ),
    (
        "cli.present.slide",
        "从第 N 页开始（默认：演示者从这个频道上次停下的那一页继续）",
        "Start at slide N (by default a presenter resumes where it last was on its channel)",
    ),
    (
        "cli.present.share",
        "与 --presenter 同用：让本机其他用户也能跟随（频道在 /tmp/briefing-shared，对所有人开放）；与 --follow 同用：也在共享目录里找演示者",
        "With --presenter: let other users on this host follow (the channel is in /tmp/briefing-shared, open to all); with --follow: look for the presenter there too",
    ),
    (
        "cli.present.from",
        "与 --follow 同用：跟随这个用户（名称或 uid）的演示；默认只跟随自己的",
        "With --follow: follow this user's (name or uid) presentation; by default only your own",
    ),
    (
        "cli.present.watch",
        "文件改变时重新读取（停在同一页）；有错误时显示错误，直到修正",
        "Read the files again when they change (at the same slide); show their errors until they are fixed",
    ),
    // check
    (
        "cli.check",
        "检查简报文件（以及多份文件是否一致），指出 文件:行:列",
        "Check briefing files (and, together, their agreement) with file:line:col",
    ),
    // new
    (
        "cli.new",
        "写出一份带注释的简报模板（绝不覆盖已有文件）",
        "Write a commented template briefing to start from (never overwrites)",
    ),
    ("cli.new.path", "写到哪里", "Where to write it"),
    // themes, completions, man, schema
    ("cli.themes", "列出配色方案", "List the colour themes"),
    (
        "cli.completions",
        "输出 shell 补全脚本",
        "Print a shell completion script",
    ),
    (
        "cli.completions.shell",
        "shell：bash、zsh、fish、elvish 或 powershell",
        "The shell: bash, zsh, fish, elvish or powershell",
    ),
    (
        "cli.man",
        "输出手册页（roff）",
        "Print the manual page (roff)",
    ),
    (
        "cli.schema",
        "输出简报格式的 JSON Schema，供编辑器在输入时检查 TOML",
        "Print a JSON Schema of the briefing format, for editors that check TOML as it is typed",
    ),
    (
        "cli.schema.export",
        "改为输出 `briefing export --format json` 所写文件的 JSON Schema",
        "Print the JSON Schema of what `briefing export --format json` writes instead",
    ),
    // list
    (
        "cli.list",
        "列出目录中的简报（默认：当前目录和 BRIEFING_PATH）",
        "List the briefings found in directories (default: here and BRIEFING_PATH)",
    ),
    ("cli.list.dirs", "要查找的目录", "Directories to look in"),
    // print
    (
        "cli.print",
        "把简报输出为纯文本，附各指标在各期的序列",
        "Print briefings as plain text, with each indicator's series across them",
    ),
    (
        "cli.print.width",
        "按这么多列折行（默认：终端宽度，否则 80）",
        "Wrap to this many columns (default: the terminal's width, else 80)",
    ),
    (
        "cli.print.notes",
        "包括演讲备注（默认不包括）",
        "Include the speaker notes (left out by default)",
    ),
    // export
    (
        "cli.export",
        "把简报导出为表格（CSV）、数据（JSON）或可离线阅读的网页（HTML）",
        "Export briefings as a spreadsheet (CSV), data (JSON) or a self-contained web page (HTML)",
    ),
    (
        "cli.export.format",
        "格式：csv（每期每个指标一行）、json（校验后的模型）或 html（一个自带样式和图表的网页，最新一期）",
        "Format: csv (a row per indicator per period), json (the checked model) or html (one self-contained page, the newest period)",
    ),
    (
        "cli.export.output",
        "写到这个文件（完整写好后才替换；默认：标准输出）",
        "Write to this file (replaced only once complete; default: standard output)",
    ),
    (
        "cli.export.no_bom",
        "CSV 开头不加字节顺序标记（BOM 让 Excel 正确识别中文）",
        "Leave out the byte order mark at the start of a CSV file (it lets Excel read the Chinese)",
    ),
    // import
    (
        "cli.import",
        "从工作总结（.txt、.md、.docx）生成简报草稿，并列出需要核对之处",
        "Draft a briefing from a work summary (.txt, .md, .docx) and list what to review",
    ),
    ("cli.import.file", "要导入的文件", "The file to import"),
    (
        "cli.import.output",
        "把草稿写到这个文件（默认：标准输出）；不覆盖已有文件",
        "Write the draft to this file (default: standard output); never over an existing one",
    ),
    (
        "cli.import.force",
        "与 -o 同用：覆盖已有的文件",
        "With -o: overwrite an existing file",
    ),
    (
        "cli.import.review",
        "先在终端里逐项审阅候选指标（保留、删去、改名称、改 good），再写出草稿",
        "Review the candidate indicators on the terminal first (keep, drop, rename, set good), then write the draft",
    ),
];
