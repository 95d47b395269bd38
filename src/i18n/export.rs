//! The words of `briefing export`: the HTML page's own text and the
//! command's messages.

/// (id, 中文, English)
pub(super) const STRINGS: &[(&str, &str, &str)] = &[
    ("export.contents", "目录", "Contents"),
    (
        "export.derived_legend",
        "带 * 的数值是按格式规则推算的（指数或“数值 − 变化”），并非简报所述。",
        "Figures marked * are worked out by the format's rules (an index, or value − change), not stated in the briefing.",
    ),
    (
        "export.made_by",
        "由 briefing {} 生成。",
        "Made by briefing {}.",
    ),
    ("m.export_is_dir", "这是一个目录", "it is a directory"),
    (
        "m.export_cannot_write",
        "{}: error: 无法写入：{}（未写出任何文件）",
        "{}: error: cannot write: {} (no file was written)",
    ),
];
