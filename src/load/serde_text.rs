//! serde's messages (`unknown field`, `invalid type` …) put into the
//! interface's language and the format's words (a table, not `struct
//! RawMeta`); a message of any other shape is kept as it is.

use crate::i18n::{subst, t};

/// `message` in the interface's language, where its shape is known.
pub fn translate(message: &str) -> String {
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
