//! What `briefing import` says: its errors, and the list of what the author
//! must review in the draft.

/// (id, 中文, English)
pub(super) const STRINGS: &[(&str, &str, &str)] = &[
    (
        "imp.unsupported",
        "不支持的文件类型：只能导入 .txt、.md 和 .docx",
        "unsupported file type: import reads .txt, .md and .docx",
    ),
    (
        "imp.bad_docx",
        "不是可读的 .docx 文件：{}",
        "not a readable .docx file: {}",
    ),
    ("imp.no_text", "文件中没有文字", "the file has no text"),
    ("imp.too_large", "文件超过 {} 字节", "larger than {} bytes"),
    (
        "imp.dropped",
        "已作为页眉、页脚或页码略去：“{}”",
        "left out as a page header, footer or number: “{}”",
    ),
    (
        "imp.draft_invalid",
        "生成的草稿未通过检查（这是本程序的错误，请报告）：",
        "the draft does not pass check (a bug in briefing; please report it):",
    ),
    (
        "imp.exists",
        "文件已存在；要覆盖请加 --force",
        "the file exists; add --force to overwrite it",
    ),
    (
        "imp.summary",
        "草稿：{} 个章节、{} 个条目、{} 个指标；{} 处需要核对：",
        "Draft: {} sections, {} items, {} indicators; {} things to review:",
    ),
    ("imp.review", "核对", "review"),
    (
        "imp.no_title",
        "没有找到标题，暂用文件名“{}”",
        "no title found; the file name “{}” stands in",
    ),
    (
        "imp.item_untitled",
        "条目“{}”后没有简短的标题，暂以序号为标题",
        "point “{}” has no short heading; its mark stands as the title",
    ),
    (
        "imp.made_title",
        "章节标题“{}”是补上的（原文没有），该章节始于“{}”",
        "the section title “{}” was supplied (the source has none); the section begins “{}”",
    ),
    (
        "imp.period_guessed",
        "标题中没有年份，期间按正文定为 {}",
        "no year in the title; the period {} is taken from the text",
    ),
    (
        "imp.no_org",
        "没有找到单位名称，请填写 organization",
        "no organisation found; fill in organization",
    ),
    ("imp.org_placeholder", "（待填写）", "(to fill in)"),
    (
        "imp.good_unknown",
        "{}（{}）：不知道上升还是下降为好，请设置 good = \"up\" 或 \"down\"",
        "{} ({}): whether up or down is better is not known; set good = \"up\" or \"down\"",
    ),
    (
        "imp.no_basis",
        "“{}”：有变化而没有说明同比或环比，未作为指标",
        "“{}”: a change without 同比 or 环比 (y/y or p/p); not made an indicator",
    ),
    (
        "imp.ids",
        "指标 id（{}-f1 …）只在本文件中唯一；要与其他年份的简报连成序列，请改用相同的 id",
        "indicator ids ({}-f1 …) are only unique in this file; give them the ids of other years' briefings to join their series",
    ),
    (
        "imp.header",
        "由 briefing import 生成的草稿：使用前请核对章节、条目和各项指标",
        "Draft made by briefing import: review the sections, items and indicators before use",
    ),
    (
        "imp.too_many",
        "指标超过 {} 个，其余留在正文中",
        "more than {} indicators; the rest are left in the text",
    ),
    (
        "imp.draft_too_large",
        "草稿将超过 {} 字节，`briefing check` 不会读它；请分成几个文件导入",
        "the draft would be larger than {} bytes, which `briefing check` refuses; import the text in parts",
    ),
];
