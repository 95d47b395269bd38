//! `briefing schema`: every bundled briefing validates against it, and the
//! malformed files that a schema can see do not.

mod common;

fn schema() -> jsonschema::Validator {
    let out = common::briefing().arg("schema").output().unwrap();
    assert!(out.status.success());
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    jsonschema::validator_for(&schema).expect("a valid JSON Schema")
}

/// TOML as JSON, dates as strings (as TOML language servers see them).
fn json(v: toml::Value) -> serde_json::Value {
    match v {
        toml::Value::String(s) => serde_json::Value::String(s),
        toml::Value::Integer(i) => serde_json::json!(i),
        toml::Value::Float(f) => serde_json::json!(f),
        toml::Value::Boolean(b) => serde_json::Value::Bool(b),
        toml::Value::Datetime(d) => serde_json::Value::String(d.to_string()),
        toml::Value::Array(a) => serde_json::Value::Array(a.into_iter().map(json).collect()),
        toml::Value::Table(t) => {
            serde_json::Value::Object(t.into_iter().map(|(k, v)| (k, json(v))).collect())
        }
    }
}

fn valid(v: &jsonschema::Validator, text: &str) -> bool {
    v.is_valid(&json(toml::from_str::<toml::Value>(text).expect("TOML")))
}

#[test]
fn bundled_briefings_and_fixtures_validate() {
    let v = schema();
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir("briefings")
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.extend(
        std::fs::read_dir("tests/fixtures/harbour")
            .unwrap()
            .map(|e| e.unwrap().path()),
    );
    files.push("tests/fixtures/harbour-2024.toml".into());
    for f in files
        .iter()
        .filter(|f| f.extension().is_some_and(|x| x == "toml"))
    {
        assert!(
            valid(&v, &std::fs::read_to_string(f).unwrap()),
            "{} does not validate",
            f.display()
        );
    }
    assert!(valid(&v, briefing::testing::template()), "the template");
}

#[test]
fn malformed_files_do_not() {
    let v = schema();
    let head = "schema = 1\n[briefing]\ntitle = \"T\"\norganization = \"O\"\nperiod = \"2023\"\n";
    let section = "[[section]]\nid = \"a\"\ntitle = \"A\"\n";
    let cases = [
        (
            "wrong type",
            format!("{head}[[section]]\nid = 3\ntitle = \"A\"\n"),
        ),
        (
            "unknown key",
            format!("{head}[[section]]\nid = \"a\"\ntitel = \"A\"\n"),
        ),
        (
            "bad id",
            format!("{head}[[section]]\nid = \"Lead_1\"\ntitle = \"A\"\n"),
        ),
        (
            "bad period",
            format!("{}{section}", head.replace("\"2023\"", "\"2023-Q5\"")),
        ),
        ("missing title", format!("{head}[[section]]\nid = \"a\"\n")),
        (
            "schema 2",
            format!("{}{section}", head.replace("schema = 1", "schema = 2")),
        ),
        ("no sections", head.to_string()),
        ("bad kind", format!("{head}{section}kind = \"x\"\n")),
        (
            "change without basis",
            format!(
                "{head}{section}[[section.indicator]]\nid = \"x\"\nlabel = \"L\"\nchange = 1.0\nchange_unit = \"%\"\n"
            ),
        ),
        (
            "neither value nor change",
            format!("{head}{section}[[section.indicator]]\nid = \"x\"\nlabel = \"L\"\n"),
        ),
    ];
    assert!(
        valid(&v, &format!("{head}{section}")),
        "the minimal briefing is valid"
    );
    for (what, text) in cases {
        assert!(!valid(&v, &text), "{what} validates");
    }
}
