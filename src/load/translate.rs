//! Messages that come from the libraries, in the interface's language:
//! serde's (`unknown field`, `invalid type` …, in the format's words: a
//! table, not `struct RawMeta`) and the TOML parser's syntax errors. Words
//! not known here are kept as the library wrote them.

use crate::i18n::{lookup, subst, t};

/// A TOML syntax error (`unclosed array, expected `]``) in the interface's language.
pub(crate) fn syntax(message: &str) -> String {
    let word = |w: &str| {
        if w.starts_with('`') {
            w.to_string()
        } else {
            lookup(&format!("toml:{w}")).unwrap_or(w).to_string()
        }
    };
    let text = match message.split_once(", expected ") {
        Some((what, "nothing")) => word(what),
        Some((what, expected)) => {
            let expected: Vec<String> = expected.split(", ").map(word).collect();
            subst(
                t("d.toml_expected"),
                &[&word(what), &expected.join(t("d.toml_or"))],
            )
        }
        None => word(message),
    };
    spaced(&text)
}

/// A space between a Chinese character and a `code` span beside it, as
/// Chinese technical writing sets them (`应为 `]``, not `应为`]``).
fn spaced(text: &str) -> String {
    let han = |c: Option<char>| c.is_some_and(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let mut out = String::with_capacity(text.len() + 8);
    let mut open = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '`' {
            if !open && han(out.chars().next_back()) {
                out.push(' ');
            }
            out.push(c);
            if open && han(chars.peek().copied()) {
                out.push(' ');
            }
            open = !open;
        } else {
            out.push(c);
        }
    }
    out
}

/// `message` in the interface's language, where its shape is known.
pub(crate) fn translate(message: &str) -> String {
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let (field, expected) = match rest.split_once(", ") {
            Some((f, e)) => (f, Some(e)),
            None => (rest, None),
        };
        let field = field.trim_matches('`');
        let list = expected
            .filter(|e| !e.starts_with("there are no fields"))
            .map(|e| e.strip_prefix("expected one of ").unwrap_or(e))
            .map(|e| e.strip_prefix("expected ").unwrap_or(e));
        return match list {
            Some(list) => subst(
                t("d.unknown_field"),
                &[field, &list.replace(", ", t("d.list_sep"))],
            ),
            None => subst(t("d.unknown_field_none"), &[field]),
        };
    }
    if let Some(field) = message.strip_prefix("missing field ") {
        return subst(t("d.missing_key"), &[field.trim_matches('`')]);
    }
    for (prefix, id) in [
        ("invalid type: ", "d.invalid_type"),
        ("invalid value: ", "d.invalid_value"),
    ] {
        if let Some((found, expected)) = message
            .strip_prefix(prefix)
            .and_then(|rest| rest.rsplit_once(", expected "))
        {
            return subst(t(id), &[&expected_noun(expected), &found_noun(found)]);
        }
    }
    message.to_string()
}

/// What serde says it expected, in the format's words.
fn expected_noun(e: &str) -> String {
    let id = match e {
        "a string" => "n.string",
        "f64" | "f32" => "n.number",
        "i64" | "i32" | "i16" | "i8" | "u64" | "u32" | "u16" | "u8" | "usize" => "n.integer",
        "a boolean" => "n.boolean",
        "a sequence" => "n.array",
        "a map" => "n.table",
        _ if e.starts_with("struct ") => "n.table",
        _ => return e.to_string(),
    };
    t(id).to_string()
}

/// What serde says it found: a kind, with the value when it has one.
fn found_noun(f: &str) -> String {
    for (kind, id) in [
        ("integer", "n.found_integer"),
        ("floating point", "n.found_float"),
        ("boolean", "n.found_boolean"),
        ("string", "n.found_string"),
        ("map", "n.found_table"),
        ("sequence", "n.found_array"),
    ] {
        if let Some(rest) = f.strip_prefix(kind)
            && (rest.is_empty() || rest.starts_with(' '))
        {
            return format!("{}{rest}", t(id));
        }
    }
    f.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, with_lang};

    #[test]
    fn syntax_errors_in_both_languages() {
        let cases = [
            ("unclosed array, expected `]`", "数组没有闭合，应为 `]`"),
            (
                "unexpected key or value, expected newline, `#`",
                "多余的键或值（一行只写一个键值对），应为换行或 `#`",
            ),
            (
                "unexpected leading zero, expected nothing",
                "数字不能以 0 开头",
            ),
            ("duplicate key", "键重复"),
            ("something new, expected `x`", "something new，应为 `x`"),
        ];
        for (en, zh) in cases {
            assert_eq!(with_lang(Lang::Zh, || syntax(en)), zh);
        }
        assert_eq!(
            with_lang(Lang::En, || syntax(
                "unexpected key or value, expected newline, `#`"
            )),
            "unexpected key or value, expected newline, `#`"
        );
        assert_eq!(
            with_lang(Lang::En, || syntax(
                "unexpected leading zero, expected nothing"
            )),
            "unexpected leading zero"
        );
    }

    #[test]
    fn known_shapes_in_both_languages() {
        let unknown = "unknown field `titel`, expected one of `title`, `subtitle`";
        let wrong = "invalid type: integer `3`, expected a string";
        let inner = "invalid type: integer `3`, expected struct RawMeta";
        with_lang(Lang::Zh, || {
            assert_eq!(
                translate(unknown),
                "未知的键 `titel`，可用的键：`title`、`subtitle`"
            );
            assert_eq!(translate(wrong), "类型不对：应为字符串，实为整数 `3`");
            assert_eq!(translate(inner), "类型不对：应为表，实为整数 `3`");
            assert_eq!(translate("missing field `id`"), "缺少必需的键 `id`");
            assert_eq!(translate("something else"), "something else");
        });
        with_lang(Lang::En, || {
            assert_eq!(translate(unknown), unknown);
            assert_eq!(translate(wrong), wrong);
            assert_eq!(
                translate(inner),
                "invalid type: integer `3`, expected a table",
                "no type names of the program's inside"
            );
            assert_eq!(
                translate("invalid type: string \"3\", expected f64"),
                "invalid type: string \"3\", expected a number"
            );
        });
    }
}
