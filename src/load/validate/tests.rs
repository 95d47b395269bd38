//! Tests of `validate`.

use super::super::decode::decode;
use super::*;

const HEAD: &str =
    "schema = 1\n[briefing]\ntitle = \"T\"\norganization = \"O\"\nperiod = \"2023\"\n";

fn check(extra: &str) -> Vec<Diagnostic> {
    let src = format!("{HEAD}{extra}");
    let (raw, mut diags) = decode(&src);
    diags.extend(validate(raw, &src).1.into_vec());
    diags
}

fn errors(extra: &str) -> Vec<String> {
    check(extra)
        .into_iter()
        .filter(|d| d.is_error())
        .map(|d| format!("{}: {}", d.key.unwrap_or_default(), d.message))
        .collect()
}

#[test]
fn a_minimal_briefing_is_valid() {
    assert!(errors("[[section]]\nid = \"a\"\ntitle = \"A\"\n").is_empty());
}

#[test]
fn every_problem_is_reported() {
    let errs = errors(
        "[[section]]\nid = \"A\"\ntitle = \"\"\nkind = \"x\"\n[[section]]\nid = \"b\"\ntitle = \"B\"\n[[section.item]]\nid = \"b\"\ntitle = \"i\"\n",
    );
    assert_eq!(errs.len(), 4, "{errs:#?}");
    assert!(errs[0].starts_with("section[0].id"));
}

#[test]
fn change_needs_basis_and_unit() {
    let errs = errors(
        "[[section]]\nid = \"a\"\ntitle = \"A\"\n[[section.indicator]]\nid = \"x\"\nlabel = \"L\"\nchange = 1.0\n",
    );
    assert!(errs.iter().any(|e| e.contains("basis")), "{errs:?}");
    assert!(errs.iter().any(|e| e.contains("change_unit")), "{errs:?}");
}

#[test]
fn cite_must_be_in_the_body_ignoring_white_space() {
    let ok = "[[section]]\nid = \"a\"\ntitle = \"A\"\nbody = \"\"\"下降\n6.32%\"\"\"\n[[section.indicator]]\nid = \"x\"\nlabel = \"L\"\nvalue = 1\ncite = \"下降 6.32%\"\n";
    assert!(errors(ok).is_empty());
    let bad = ok.replace("下降 6.32%\"\n", "上升\"\n");
    assert_eq!(errors(&bad).len(), 1);
}

#[test]
fn points_need_a_percent_unit() {
    let errs = errors(
        "[[section]]\nid = \"a\"\ntitle = \"A\"\n[[section.indicator]]\nid = \"x\"\nlabel = \"L\"\nvalue = 3\nunit = \"起\"\nchange = 1\nchange_unit = \"pp\"\nbasis = \"yoy\"\n",
    );
    assert_eq!(errs.len(), 1, "{errs:?}");
}

#[test]
fn history_must_be_earlier_and_unique() {
    let errs = errors(
        "[[section]]\nid = \"a\"\ntitle = \"A\"\n[[section.indicator]]\nid = \"x\"\nlabel = \"L\"\nvalue = 3\nhistory = [{ period = \"2023\", value = 1 }, { period = \"2022\", value = 1 }, { period = \"2022\", value = 2 }]\n",
    );
    assert_eq!(errs.len(), 2, "{errs:?}");
}

#[test]
fn schema_two_names_the_supported_version() {
    let src = HEAD.replace("schema = 1", "schema = 2");
    let src = format!("{src}[[section]]\nid = \"a\"\ntitle = \"A\"\n");
    let (raw, _) = decode(&src);
    let diags = validate(raw, &src).1.into_vec();
    assert!(diags[0].message.contains("schema 1"));
}

#[test]
fn warnings_for_controls_empty_campaigns_and_missing_cites() {
    let diags = check(
        "[[section]]\nid = \"a\"\nkind = \"campaign\"\ntitle = \"A\\u001b\"\n[[section.indicator]]\nid = \"x\"\nlabel = \"L\"\nvalue = 1\n",
    );
    let warnings: Vec<_> = diags.iter().filter(|d| !d.is_error()).collect();
    assert_eq!(warnings.len(), 3, "{diags:#?}");
    assert!(diags.iter().all(|d| !d.is_error()));
}

#[test]
fn model_text_is_sanitised() {
    let src =
        format!("{HEAD}[[section]]\nid = \"a\"\ntitle = \"A\\u001b[2J\"\nbody = \"x\\u009b\"\n");
    let (raw, _) = decode(&src);
    let b = validate(raw, &src).0.unwrap();
    assert_eq!(&*b.sections[0].title, "A␛[2J");
    assert_eq!(*b.sections[0].body, ["x<U+009B>"]);
}
