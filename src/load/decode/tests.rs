//! Unit tests of `decode`.
use super::*;

fn first_error(src: &str) -> Diagnostic {
    decode(src).1.into_iter().next().expect("an error")
}

#[test]
fn syntax_errors_carry_the_position() {
    let d = first_error("schema = 1\n[[section]]\nid = \"a\n");
    assert_eq!(d.span.unwrap().start, 30);
    assert!(d.message.starts_with("TOML 语法错误："), "{}", d.message);
}

#[test]
fn type_errors_name_the_key_path() {
    let src =
        "schema = 1\n[[section]]\nid = \"a\"\n[[section]]\nid = \"b\"\n[[section.item]]\nid = 3\n";
    let d = first_error(src);
    assert_eq!(d.key.as_deref(), Some("section[1].item[0].id"));
}

#[test]
fn unknown_keys_name_the_key_path() {
    let src = "schema = 1\n[briefing]\ntitel = \"x\"\n";
    let d = first_error(src);
    assert_eq!(d.key.as_deref(), Some("briefing.titel"));
    assert!(d.message.contains("titel"), "{}", d.message);
}

#[test]
fn every_bad_section_is_reported() {
    let src = "schema = 1\n[[section]]\nidd = 1\n[[section]]\ntitle = 3\n";
    let (_, diags) = decode(src);
    assert_eq!(diags.len(), 2);
}

#[test]
fn every_bad_key_of_one_section_is_reported() {
    let src = "schema = 1\n[[section]]\nid = 3\ntitel = \"x\"\ntitle = [1]\n\
               [[section.indicator]]\nid = \"a\"\nvalue = \"3\"\nhistory = [{ period = \"2022\", value = \"x\" }]\n";
    let (doc, mut diags) = decode(src);
    // In the order of the file, as `check` shows them.
    diags.sort_by_key(|d| d.span.as_ref().map_or(0, |s| s.start));
    let keys: Vec<&str> = diags.iter().filter_map(|d| d.key.as_deref()).collect();
    assert_eq!(
        keys,
        [
            "section[0].id",
            "section[0].titel",
            "section[0].title",
            "section[0].indicator[0].value",
            "section[0].indicator[0].history[0].value",
        ],
        "{diags:#?}"
    );
    // The section itself is still refused.
    assert_eq!(doc.sections.map(|s| s.len()), Some(0));
    assert!(doc.incomplete);
}

#[test]
fn a_piece_of_the_wrong_kind_is_one_error() {
    let (_, diags) = decode("schema = 1\nbriefing = 3\n");
    assert_eq!(diags.len(), 1, "{diags:#?}");
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let src = format!("x = {}1{}", "[".repeat(100_000), "]".repeat(100_000));
    let d = first_error(&src);
    assert!(d.message.contains("嵌套太深"), "{}", d.message);
}
