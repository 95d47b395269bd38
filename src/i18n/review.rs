//! What `briefing import --review` shows: the screen, its keys and help,
//! the question on finishing.

/// (id, 中文, English)
pub(super) const STRINGS: &[(&str, &str, &str)] = &[
    (
        "rev.title",
        "审阅指标 {}/{} · 已删去 {}",
        "Review indicators {}/{} · {} dropped",
    ),
    (
        "rev.none",
        "草稿中没有候选指标。按 q 写出草稿。",
        "The draft has no candidate indicators. Press q to write it.",
    ),
    ("rev.label", "名称", "Label"),
    ("rev.figure", "数字", "Figure"),
    ("rev.good", "好的方向", "Good"),
    ("rev.good_up", "上升为好（up）", "up is better"),
    ("rev.good_down", "下降为好（down）", "down is better"),
    ("rev.good_unset", "未定（不着色）", "not set (no colour)"),
    ("rev.decision", "处理", "Decision"),
    ("rev.kept", "保留", "keep"),
    ("rev.dropped", "删去", "drop"),
    ("rev.yoy", "同比", "year on year"),
    ("rev.pop", "环比", "on the previous period"),
    ("rev.pp", "个百分点", " pp"),
    ("rev.editing", "名称：", "Label:"),
    (
        "rev.hint",
        "Enter 保留 d 删去 e 改名 g 好坏 ↑↓ 移动 ? 帮助 q 完成",
        "Enter keep d drop e label g good ↑↓ move ? help q done",
    ),
    (
        "rev.confirm",
        "写出 {} 个指标（删去 {} 个）到 {}？Enter 写出 · n 不写 · Esc 返回",
        "Write {} indicators ({} dropped) to {}? Enter write · n don't · Esc back",
    ),
    ("rev.to_stdout", "标准输出", "standard output"),
    ("rev.help_title", " 帮助 · 按键 ", " Help · keys "),
    (
        "rev.key_keep",
        "保留此指标，到下一个",
        "keep this indicator, go to the next",
    ),
    (
        "rev.key_drop",
        "删去此指标，到下一个",
        "drop this indicator, go to the next",
    ),
    ("rev.key_edit", "修改名称", "edit the label"),
    (
        "rev.key_good",
        "好的方向：上升 → 下降 → 未定",
        "good: up → down → not set",
    ),
    ("rev.key_next", "下一个", "next"),
    ("rev.key_previous", "上一个", "previous"),
    ("rev.key_help", "显示或关闭帮助", "show or close this help"),
    (
        "rev.key_finish",
        "完成：确认后写出草稿",
        "finish: write the draft after a question",
    ),
    (
        "rev.help_edit",
        "改名时：输入或粘贴文字，Backspace 删字，Enter 确定，Esc 取消。",
        "Editing: type or paste, Backspace deletes, Enter accepts, Esc cancels.",
    ),
    (
        "rev.discarded",
        "审阅已放弃，未写出任何文件",
        "review abandoned; nothing written",
    ),
];
