//! The strings of the room's deck: blanking, going to a slide, the slide
//! index, the clock's keys, channels and the follower's messages.

/// (id, 中文, English)
pub(super) const STRINGS: &[(&str, &str, &str)] = &[
    ("blanked", " 已黑屏 ", " BLANKED "),
    ("whited", " 已白屏 ", " WHITE SCREEN "),
    (
        "unblank_hint",
        "翻页键恢复，不翻页",
        "a turning key brings the slide back, without turning",
    ),
    (
        "go_to_prompt",
        "转到第几页：{}▏（Enter 确定，Esc 取消）",
        "Go to slide: {}▏ (Enter, Esc cancels)",
    ),
    (
        "no_slide",
        "没有第 {} 页（共 {} 页）",
        "There is no slide {} (of {})",
    ),
    (
        "no_campaign_slide",
        "没有第 {} 个战役章节",
        "There is no campaign section {}",
    ),
    ("index_title", " 幻灯片目录 ", " Slides "),
    ("slide_time", "  本页 {}", "  Slide {}"),
    ("clock_stopped", "（t 开始计时）", " (t starts)"),
    ("clock_paused", "（已暂停）", " (paused)"),
    (
        "errors_kept",
        "文件有错误，观众仍看到上一版；修好前不翻页",
        "The file has errors; the room keeps the last good slide, and the deck stays until it is fixed",
    ),
    (
        "mismatch_about",
        "演示者放映的是另一份简报：{}（{}）；本机打开的是：{}（{}）",
        "The presenter shows another briefing: {} ({}); this one is {} ({})",
    ),
    (
        "elsewhere_about",
        "此简报尚无演示者；正在放映的是另一份简报：{}（{}）；本机打开的是：{}（{}）。仍在等待…",
        "No presenter shows this briefing yet; one shows another: {} ({}); this one is {} ({}). Still waiting…",
    ),
    (
        "elsewhere_named",
        "此简报尚无演示者；正在放映的是另一份简报：{}（{}）；本机打开的是：{}（{}）。跟随它：--follow={}。仍在等待…",
        "No presenter shows this briefing yet; one shows another: {} ({}); this one is {} ({}). To follow it: --follow={}. Still waiting…",
    ),
    // Keys.
    (
        "s.down",
        "下一页（跟随屏幕比演示小时：在页内下移）",
        "next slide (a follower smaller than the deck: scroll down)",
    ),
    (
        "s.up",
        "上一页（跟随屏幕比演示小时：在页内上移）",
        "previous slide (a follower smaller than the deck: scroll up)",
    ),
    (
        "s.go_to",
        "转到第 N 页（g 或 : 加页码，Enter）",
        "go to slide N (g or :, the number, Enter)",
    ),
    ("s.index", "幻灯片目录", "slide index"),
    ("s.white", "白屏 / 恢复", "white screen / bring it back"),
    ("s.clock", "计时：开始 / 暂停", "clock: start / pause"),
    ("s.clock_reset", "计时归零", "clock: reset"),
];
