//! Every interface string, in Chinese (the default) and English. A string
//! is looked up by its id; `{}` in a template is filled in order by `subst`.

use std::sync::atomic::{AtomicU8, Ordering};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    /// 中文
    Zh,
    /// English
    En,
}

static LANG: AtomicU8 = AtomicU8::new(0);

pub fn set_lang(lang: Lang) {
    LANG.store(lang as u8, Ordering::Relaxed);
}

thread_local! {
    static OVERRIDE: std::cell::Cell<Option<Lang>> = const { std::cell::Cell::new(None) };
}

pub fn lang() -> Lang {
    OVERRIDE.with(std::cell::Cell::get).unwrap_or_else(|| {
        if LANG.load(Ordering::Relaxed) == Lang::En as u8 {
            Lang::En
        } else {
            Lang::Zh
        }
    })
}

/// Run `f` in `lang` on this thread only (tests).
pub fn with_lang<T>(lang: Lang, f: impl FnOnce() -> T) -> T {
    let before = OVERRIDE.with(|o| o.replace(Some(lang)));
    let out = f();
    OVERRIDE.with(|o| o.set(before));
    out
}

/// (id, 中文, English)
const STRINGS: &[(&str, &str, &str)] = &[
    // Changes and series.
    ("yoy", "同比", "y/y"),
    ("pop", "环比", "p/p"),
    ("points", "个百分点", " pp"),
    ("year_before", "上年", "prior year"),
    ("period_before", "上期", "prior period"),
    (
        "index_note",
        "（指数，{}=100；*推算）",
        " (index, {}=100; *derived)",
    ),
    ("derived_note", "（*推算）", " (*derived)"),
    // Numbering of items.
    ("item_heading", "（{}）{}", "({}) {}"),
    ("continued", "{}（续）", "{} (cont.)"),
    ("thanks", "谢谢", "Thank you"),
    // print
    ("notes_mark", "【备注】{}", "[Notes] {}"),
    ("published", "发布 {}", "Published {}"),
    ("source", "来源 {}", "Source {}"),
    ("compare_line", "对比：{}", "Compared: {}"),
    ("list_sep", "，", ", "),
    ("series_line", "序列：{}", "Series: {}"),
    ("note_line", "注：{}", "Note: {}"),
    ("indicators", "指标", "Indicators"),
    // The reader.
    ("outline_header", " 目录  {}", " Contents  {}"),
    (
        "detail_header",
        " 指标详情  Esc 返回",
        " Indicator  Esc back",
    ),
    ("indicators_header", " 指标 {}", " Indicators {}"),
    (
        "no_indicators",
        "本章节没有指标",
        "No indicators in this section",
    ),
    ("series", "序列 {}", "Series {}"),
    ("compare", "对比", "Compared"),
    ("here", "本地", "Here"),
    ("cite_line", "原文：{}", "Text: {}"),
    (
        "compare_title",
        "{} · 各期对比（c 或 Esc 关闭）",
        "{} · across periods (c or Esc closes)",
    ),
    (
        "help_title",
        " 帮助 · 按键 (Esc 关闭) ",
        " Help · keys (Esc closes) ",
    ),
    (
        "too_small",
        "终端太小：至少需要 {}×{}",
        "Terminal too small: {}×{} at least",
    ),
    (
        "file_errors",
        "文件有错误，修正并保存后自动恢复：",
        "The file has errors; fix and save it to come back:",
    ),
    ("earliest", "已是最早一期", "This is the earliest period"),
    ("latest", "已是最新一期", "This is the latest period"),
    (
        "one_period",
        "只载入了一期简报",
        "Only one period is loaded",
    ),
    (
        "no_campaign",
        "没有第 {} 个战役章节",
        "There is no campaign section {}",
    ),
    ("not_found", "未找到：{}", "Not found: {}"),
    // The presenter and followers.
    ("next_slide", "下一页 {}/{}", "Next {}/{}"),
    (
        "last_slide",
        "下一页：（最后一页）",
        "Next: (this is the last slide)",
    ),
    ("notes", "备注", "Notes"),
    ("no_notes", "（本页没有备注）", "(no notes for this slide)"),
    ("elapsed", "已用 {}", "Elapsed {}"),
    ("slide_budget", "  本页 {} / {}", "  Slide {} / {}"),
    ("talk_budget", "  全程 {} / {}", "  Talk {} / {}"),
    ("followers", "  {} 人跟随", "  {} following"),
    ("no_channel", "  无跟随通道", "  no follow channel"),
    ("waiting", "等待演示者…", "Waiting for the presenter…"),
    (
        "mismatch",
        "演示者放映的简报与此不同，未跟随",
        "The presenter shows a different briefing; not following",
    ),
    ("following", "跟随演示者", "Following the presenter"),
    (
        "detached",
        "自行浏览 · f 回到演示者",
        "Browsing on your own · f follows again",
    ),
    // Keys: the reader.
    ("k.campaign", "第 n 个战役章节", "campaign section n"),
    ("h.sections", "章节", "sections"),
    ("k.next_section", "下一章节", "next section"),
    ("k.prev_section", "上一章节", "previous section"),
    ("k.next_item", "下一条目", "next item"),
    ("k.prev_item", "上一条目", "previous item"),
    ("k.down", "下移一行 / 下一项", "down a line / next entry"),
    ("k.up", "上移一行 / 上一项", "up a line / previous entry"),
    ("k.page_down", "下一页", "page down"),
    ("k.page_up", "上一页", "page up"),
    ("k.top", "到开头", "to the top"),
    ("k.bottom", "到结尾", "to the end"),
    ("k.focus_next", "下一窗格", "next pane"),
    ("h.panes", "窗格", "panes"),
    ("k.focus_prev", "上一窗格", "previous pane"),
    (
        "k.select",
        "选中：前往条目 / 指标详情",
        "select: go there / indicator detail",
    ),
    (
        "k.prev_period",
        "上一期（同一单位的多份简报）",
        "previous period (several briefings)",
    ),
    ("k.next_period", "下一期", "next period"),
    ("k.compare", "各期指标对比表", "indicators across periods"),
    ("k.search", "搜索", "search"),
    ("h.search", "搜索", "search"),
    ("k.next_match", "下一个匹配", "next match"),
    ("k.prev_match", "上一个匹配", "previous match"),
    ("k.present", "从本章节开始演示", "present from this section"),
    ("h.present", "演示", "present"),
    ("k.help", "帮助", "help"),
    ("h.help", "帮助", "help"),
    ("k.close", "关闭浮层 / 详情", "close the overlay / detail"),
    ("k.quit", "退出", "quit"),
    ("h.quit", "退出", "quit"),
    // Keys: the slides.
    ("s.next", "下一页", "next slide"),
    ("s.prev", "上一页", "previous slide"),
    (
        "s.campaign",
        "第 n 个战役章节的概览",
        "overview of campaign n",
    ),
    ("s.first", "第一页", "first slide"),
    ("s.last", "最后一页", "last slide"),
    ("s.blank", "黑屏 / 恢复", "blank the screen / bring it back"),
    (
        "s.follow",
        "跟随时：回到演示者的页面",
        "when following: back to the presenter's slide",
    ),
    (
        "s.close",
        "关闭帮助 / 回到阅读界面",
        "close the help / back to the reader",
    ),
];

/// The string `id` in the current language (the id itself if there is none).
pub fn t(id: &'static str) -> &'static str {
    STRINGS
        .iter()
        .find(|(k, _, _)| *k == id)
        .map_or(id, |(_, zh, en)| if lang() == Lang::En { en } else { zh })
}

/// `template`'s `{}` filled with `args`, in order.
pub fn subst(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut args = args.iter();
    let mut rest = template;
    while let Some(i) = rest.find("{}") {
        out.push_str(&rest[..i]);
        out.push_str(args.next().copied().unwrap_or(""));
        rest = &rest[i + 2..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_templates_agree() {
        for (i, (id, zh, en)) in STRINGS.iter().enumerate() {
            assert!(STRINGS[..i].iter().all(|(k, _, _)| k != id), "{id} twice");
            assert_eq!(zh.matches("{}").count(), en.matches("{}").count(), "{id}");
        }
    }

    #[test]
    fn templates_fill_in_order() {
        assert_eq!(subst("（{}）{}", &["一", "标题"]), "（一）标题");
        assert_eq!(subst("{} · x", &["a"]), "a · x");
    }
}
