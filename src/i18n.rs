//! Every interface string, in Chinese (the default) and English. A string
//! is looked up by its id; `{}` in a template is filled in order by `subst`.

use std::sync::atomic::{AtomicU8, Ordering};

pub(crate) use crate::settings::Lang;

static LANG: AtomicU8 = AtomicU8::new(0);

pub(crate) fn set_lang(lang: Lang) {
    LANG.store(lang as u8, Ordering::Relaxed);
}

thread_local! {
    static OVERRIDE: std::cell::Cell<Option<Lang>> = const { std::cell::Cell::new(None) };
}

pub(crate) fn lang() -> Lang {
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

mod cli;
mod deck;
mod diagnostics;
mod export;
mod import;
mod numbers;
mod review;
mod serve;
mod toml_syntax;
mod ui;

/// Every table of strings: (id, 中文, English).
const TABLES: &[&[(&str, &str, &str)]] = &[
    ui::STRINGS,
    deck::STRINGS,
    diagnostics::STRINGS,
    toml_syntax::STRINGS,
    cli::STRINGS,
    export::STRINGS,
    import::STRINGS,
    review::STRINGS,
    numbers::STRINGS,
    serve::STRINGS,
];

fn entries() -> impl Iterator<Item = &'static (&'static str, &'static str, &'static str)> {
    TABLES.iter().flat_map(|t| t.iter())
}

/// The string `id` in the current language (the id itself if there is none).
pub(crate) fn t(id: &'static str) -> &'static str {
    entries()
        .find(|(k, _, _)| *k == id)
        .map_or(id, |(_, zh, en)| if lang() == Lang::En { en } else { zh })
}

/// The string `id` in the current language, if there is one (ids made at run time).
pub(crate) fn lookup(id: &str) -> Option<&'static str> {
    entries()
        .find(|(k, _, _)| *k == id)
        .map(|(_, zh, en)| if lang() == Lang::En { *en } else { *zh })
}

/// Every id (tests check that each is used).
#[cfg(test)]
pub(crate) fn ids() -> impl Iterator<Item = &'static str> {
    entries().map(|(id, _, _)| *id)
}

/// `template` filled with `args`: each `{}` takes the next, `{n}` takes
/// the n-th from 0 (for languages that put them in another order).
pub(crate) fn subst(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut next = 0;
    let mut rest = template;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        if after.as_bytes().get(digits) != Some(&b'}') {
            out.push('{');
            rest = after;
            continue;
        }
        let n = if digits == 0 {
            next += 1;
            next - 1
        } else {
            after[..digits].parse().unwrap_or(usize::MAX)
        };
        out.push_str(args.get(n).copied().unwrap_or(""));
        rest = &after[digits + 1..];
    }
    out.push_str(rest);
    out
}

/// Chinese ordinal for item numbers: 一 … 十, then digits.
pub(crate) fn ordinal(n: usize) -> String {
    if lang() == Lang::En {
        return n.to_string();
    }
    const DIGITS: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
    match n {
        1..=10 => DIGITS[n - 1].to_string(),
        11..=19 => format!("十{}", DIGITS[n - 11]),
        _ => n.to_string(),
    }
}

/// The placeholders of a template, as `subst` fills them: which args it uses.
#[cfg(test)]
fn placeholders(template: &str) -> Vec<usize> {
    let mut used = Vec::new();
    let mut next = 0;
    let mut rest = template;
    while let Some(i) = rest.find('{') {
        let after = &rest[i + 1..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        if after.as_bytes().get(digits) == Some(&b'}') {
            used.push(if digits == 0 {
                next += 1;
                next - 1
            } else {
                after[..digits].parse().unwrap()
            });
            rest = &after[digits + 1..];
        } else {
            rest = after;
        }
    }
    used.sort_unstable();
    used
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_templates_agree() {
        let all: Vec<_> = entries().collect();
        for (i, (id, zh, en)) in all.iter().enumerate() {
            assert!(all[..i].iter().all(|(k, _, _)| k != id), "{id} twice");
            assert_eq!(placeholders(zh), placeholders(en), "{id}");
        }
    }

    #[test]
    fn ordinals() {
        with_lang(Lang::Zh, || {
            assert_eq!(ordinal(1), "一");
            assert_eq!(ordinal(10), "十");
            assert_eq!(ordinal(12), "十二");
            assert_eq!(ordinal(25), "25");
        });
    }

    #[test]
    fn templates_fill_in_order() {
        assert_eq!(subst("（{}）{}", &["一", "标题"]), "（一）标题");
        assert_eq!(subst("{} · x", &["a"]), "a · x");
        assert_eq!(subst("{1} 的 {0}", &["a", "b"]), "b 的 a");
        assert_eq!(
            subst("{x} {}", &["a"]),
            "{x} a",
            "braces that are not placeholders stay"
        );
        assert_eq!(placeholders("{1}：{0}"), [0, 1]);
    }
}
