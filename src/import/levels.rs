//! The levels in a clause (`6600余起`, `4万余人次`, `98.6%`): the unit with
//! its `余`/`万`, `近`/`超`/`以上` kept in the note, the label from the noun
//! phrase before the figure (or after it, when there is none before).

use super::emit::Indicator;
use super::scan::{Used, good_of, number_at, starts};

const BEFORE: &[&str] = &["将近", "不足", "超过", "近", "超", "约", "逾"];
const AFTER: &[&str] = &["以上", "左右", "以下"];
const UNITS: &[&str] = &[
    "场（次）",
    "人次",
    "场次",
    "轮次",
    "起",
    "个",
    "人",
    "名",
    "次",
    "场",
    "处",
    "条",
    "项",
    "件",
    "家",
    "户",
    "辆",
    "元",
    "路",
    "所",
    "支",
    "台",
    "套",
    "宗",
    "%",
    "％",
];
/// A unit followed by one of these is a word, not a unit (个月, 人民…).
const NOT_UNITS: &[&str] = &[
    "个月",
    "个百分点",
    "个小时",
    "个季度",
    "个工作日",
    "人民",
    "元旦",
    "次日",
    "场所",
];
const LEAD_WORDS: &[&str] = &[
    "特别是",
    "其中",
    "同时",
    "此外",
    "另外",
    "今年以来",
    "全年",
    "全市",
    "全省",
    "全局",
    "全区",
    "全县",
    "今年",
    "累计",
    "共",
    "、",
    "和",
];
const TAIL_WORDS: &[&str] = &[
    "达到了",
    "达到",
    "共计",
    "累计",
    "达",
    "为",
    "共",
    "计",
    "有",
    "了",
    "等",
    "约",
    "近",
    "超过",
    "超",
    "逾",
    "至",
];

/// A label: the phrase without lead-in and linking words.
pub(super) fn clean_label(s: &str) -> String {
    let mut s = s.trim();
    loop {
        let before = s;
        if let Some(w) = starts(s, LEAD_WORDS) {
            s = &s[w.len()..];
        }
        let digits = s.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && (s[digits..].starts_with('年') || s[digits..].starts_with('月')) {
            s = &s[digits + 3..];
            s = s
                .strip_prefix('底')
                .or_else(|| s.strip_prefix('份'))
                .unwrap_or(s);
        }
        if let Some(w) = TAIL_WORDS.iter().find(|w| s.ends_with(**w)) {
            s = &s[..s.len() - w.len()];
        }
        if s == before {
            return s.trim().to_string();
        }
    }
}

/// The levels of clause `c` (at `at`), leaving out the numbers in `used`.
pub(super) fn levels(c: &str, at: usize, used: &Used) -> Vec<Indicator> {
    let mut out = Vec::new();
    let seps: Vec<usize> = c.match_indices('、').map(|(i, _)| i).collect();
    let mut last_end = 0;
    for (i, _) in c.char_indices() {
        if i < last_end || used.contains(&(at + i)) {
            continue;
        }
        let Some((value, end)) = number_at(c, i) else {
            continue;
        };
        let Some((unit, unit_end)) = unit_at(c, end) else {
            continue;
        };
        let before = BEFORE.iter().find(|w| c[..i].ends_with(**w)).copied();
        let after = starts(&c[unit_end..], AFTER);
        let fig_start = i - before.map_or(0, str::len);
        let fig_end = unit_end + after.map_or(0, str::len);
        let (seg_start, seg_end) = segment(c, &seps, last_end, (fig_start, fig_end));
        // Right after another figure, the words before are that figure's.
        let after_figure = last_end > 0 && seg_start == last_end;
        let label = label(c, (seg_start, seg_end), (fig_start, fig_end), after_figure);
        let whole = c[..seg_start].trim().is_empty() && c[seg_end..].trim().is_empty();
        let cite = if whole {
            c
        } else if after_figure {
            &c[fig_start..seg_end]
        } else {
            &c[seg_start..seg_end]
        };
        out.push(Indicator {
            good: good_of(&label),
            label,
            value: Some(value),
            unit: Some(unit.replace('％', "%")),
            note: (before.is_some() || after.is_some()).then(|| c[fig_start..fig_end].to_string()),
            cite: cite.to_string(),
            ..Indicator::default()
        });
        last_end = fig_end;
    }
    out
}

/// The 、-separated part of clause `c` that holds the figure at
/// `fig_start..fig_end`, not reaching back before `last_end`.
fn segment(
    c: &str,
    seps: &[usize],
    last_end: usize,
    (fig_start, fig_end): (usize, usize),
) -> (usize, usize) {
    let from = last_end.min(fig_start);
    let seg_start = c[from..fig_start]
        .rfind('、')
        .map_or(from, |s| from + s + '、'.len_utf8());
    let seg_end = seps
        .get(seps.partition_point(|&s| s < fig_end))
        .copied()
        .unwrap_or(c.len());
    (seg_start, seg_end)
}

/// A level's label: the words before the figure in its segment, or those
/// after it when they say more; the whole clause when there are none.
fn label(
    c: &str,
    (seg_start, seg_end): (usize, usize),
    (fig_start, fig_end): (usize, usize),
    after_figure: bool,
) -> String {
    let before_label = if after_figure {
        String::new()
    } else {
        clean_label(&c[seg_start..fig_start])
    };
    let after_text = &c[fig_end..seg_end];
    let stop = after_text
        .char_indices()
        .find(|&(k, ch)| ch.is_ascii_digit() || (k > 0 && "和及".contains(ch)))
        .map_or(after_text.len(), |(k, _)| k);
    let after_label = clean_label(&after_text[..stop]);
    let label = if before_label.chars().count() >= 3 || after_label.chars().count() < 2 {
        if before_label.is_empty() {
            after_label.clone()
        } else {
            before_label
        }
    } else {
        after_label
    };
    if label.is_empty() {
        c.to_string()
    } else {
        label
    }
}

/// The unit after a number at `i`: `余起`, `万余人次`, `%` …, and its end.
fn unit_at(c: &str, i: usize) -> Option<(String, usize)> {
    let mut j = i;
    let mut unit = String::new();
    for part in [&["余", "多"][..], &["万", "亿"], &["余", "多"]] {
        if let Some(w) = starts(&c[j..], part) {
            unit.push_str(w);
            j += w.len();
        }
    }
    let base = starts(&c[j..], UNITS)?;
    if starts(&c[j..], NOT_UNITS).is_some() {
        return None;
    }
    unit.push_str(base);
    Some((unit, j + base.len()))
}
