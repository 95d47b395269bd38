//! The strings of the reader's number views: the detail's chart and its
//! cursor, where a point comes from, the comparison table.

/// (id, 中文, English)
pub(super) const STRINGS: &[(&str, &str, &str)] = &[
    (
        "k.next_point",
        "指标详情：图上下一个点",
        "detail: next point of the chart",
    ),
    (
        "k.prev_point",
        "指标详情：图上上一个点",
        "detail: previous point of the chart",
    ),
    ("scale_zero", "序列（自 0 起）", "Series (from 0)"),
    (
        "scale_index",
        "序列（指数，{}=100，自 0 起）",
        "Series (index, {}=100, from 0)",
    ),
    ("stated", "所述", "stated"),
    ("derived", "推算", "derived"),
    ("point_readout", "{} {}（{}）", "{} {} ({})"),
    ("point_keys", "←/→ 逐点查看", "←/→ each point"),
    ("from_value", "来源：{} 简报", "Source: the {} briefing"),
    (
        "from_value_line",
        "来源：{} 简报第 {} 行",
        "Source: the {} briefing, line {}",
    ),
    (
        "from_history",
        "来源：{} 简报的历史数据",
        "Source: the history in the {} briefing",
    ),
    (
        "from_history_line",
        "来源：{} 简报第 {} 行的历史数据",
        "Source: the history in the {} briefing, line {}",
    ),
    (
        "from_base",
        "指数基期，定为 100",
        "The base of the index, set at 100",
    ),
    (
        "from_change",
        "由 {} 简报所述{} {} 推算",
        "Worked out from the {} briefing's {} {}",
    ),
    (
        "compare_scrolled",
        "{} · 各期对比 {}/{}（j/k 滚动，c 或 Esc 关闭）",
        "{} · across periods {} of {} (j/k scroll, c or Esc closes)",
    ),
];
