//! `briefing export` on the real binary: CSV read back as a table, JSON
//! checked against its schema, HTML parsed as HTML5 with every sentence of
//! the source in it and no markup from a hostile file, a headless browser
//! where one is installed, and `-o` that never leaves half a file.

mod common;

use std::path::Path;
use std::process::Output;

use common::seed::{seed_pieces, squeeze};

const HEADER: [&str; 14] = [
    "organization",
    "period",
    "section",
    "item",
    "indicator",
    "label",
    "value",
    "unit",
    "change",
    "change_unit",
    "basis",
    "good",
    "origin",
    "cite",
];

fn export(args: &[&str]) -> Output {
    common::briefing()
        .arg("export")
        .args(args)
        .output()
        .unwrap()
}

fn ok(args: &[&str]) -> Vec<u8> {
    let out = export(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// The records of a CSV file (BOM removed), header first.
fn table(bytes: &[u8]) -> Vec<csv::StringRecord> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes)
        .records()
        .map(|r| r.expect("a well-formed record with as many fields as the header"))
        .collect()
}

/// How many indicator tables the TOML files of `dir` hold, counted in their text.
fn indicator_tables(dir: &str) -> usize {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .map(|t| {
            t.lines()
                .filter(|l| l.trim().ends_with(".indicator]]"))
                .count()
        })
        .sum()
}

#[test]
fn csv_of_two_years_reads_back_as_a_table() {
    let bytes = ok(&["tests/fixtures/harbour", "--format", "csv"]);
    assert!(bytes.starts_with(b"\xef\xbb\xbf"), "a BOM for Excel");
    let text = std::str::from_utf8(&bytes).unwrap();
    assert!(text.ends_with("\r\n") && !text.replace("\r\n", "").contains('\n'));
    let rows = table(&bytes);
    assert_eq!(rows[0].iter().collect::<Vec<_>>(), HEADER);
    // One row per indicator per period: the three files state every period.
    assert_eq!(rows.len() - 1, indicator_tables("tests/fixtures/harbour"));
    let find = |period: &str, id: &str| {
        rows.iter()
            .find(|r| &r[1] == period && &r[4] == id)
            .unwrap_or_else(|| panic!("no row {period} {id}"))
    };
    let r = find("2023-H1", "drunk-driving");
    assert_eq!((&r[0], &r[6], &r[7]), ("港湾区交通管理局", "251", "起"));
    assert_eq!((&r[11], &r[12]), ("up", "stated"));
    assert_eq!(&r[13], "查处酒驾醉驾违法行为251起");
    let r = find("2024-H1", "drunk-driving");
    assert_eq!(
        r.iter().skip(6).take(6).collect::<Vec<_>>(),
        ["312", "起", "36", "起", "pop", "up"]
    );
    assert_eq!((&r[2], &r[3]), ("“安全畅通”行动", "夜间集中查处"));
    let r = find("2024-H1", "accidents");
    assert_eq!(
        r.iter().skip(6).take(6).collect::<Vec<_>>(),
        ["", "", "-12.5", "%", "yoy", "down"]
    );
    find("2023-H2", "peak-speed");
    // Ordered by period.
    let periods: Vec<&str> = rows[1..].iter().map(|r| &r[1]).collect();
    let mut sorted = periods.clone();
    sorted.sort();
    assert_eq!(periods, sorted);

    let plain = ok(&["tests/fixtures/harbour", "--format", "csv", "--no-bom"]);
    assert!(plain.starts_with(b"organization,"));
    assert_eq!(&plain[..], &bytes[3..]);
}

#[test]
fn csv_of_one_file_marks_history_and_worked_out_figures() {
    let rows = table(&ok(&["tests/fixtures/harbour-2024.toml", "-f", "csv"]));
    let history: Vec<_> = rows.iter().filter(|r| &r[12] == "history").collect();
    assert_eq!(history.len(), 2, "2023-H1 and 2023-H2 of drunk-driving");
    assert_eq!((&history[0][1], &history[0][6]), ("2023-H1", "251"));
    assert!(history.iter().all(|r| r[13].is_empty() && r[8].is_empty()));

    // Rule 3: a value and an absolute change, no series: value − change, marked.
    let dir = tempfile::tempdir().unwrap();
    let one = dir.path().join("one.toml");
    let toml = std::fs::read_to_string("tests/fixtures/harbour-2024.toml")
        .unwrap()
        .replace(
            "history = [{ period = \"2023-H1\", value = 251 }, { period = \"2023-H2\", value = 276 }]\n",
            "",
        );
    std::fs::write(&one, toml).unwrap();
    let rows = table(&ok(&[one.to_str().unwrap(), "-f", "csv"]));
    let derived: Vec<_> = rows.iter().filter(|r| &r[12] == "derived").collect();
    assert_eq!(derived.len(), 1);
    assert_eq!(
        (&derived[0][1], &derived[0][4], &derived[0][6]),
        ("2023-H2", "drunk-driving", "276")
    );
}

#[test]
fn json_validates_against_the_export_schema() {
    let out = common::briefing()
        .args(["schema", "--export"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let v = jsonschema::validator_for(&schema).expect("a valid JSON Schema");
    for paths in [
        vec!["briefings"],
        vec!["tests/fixtures/harbour"],
        vec!["tests/fixtures/harbour-2024.toml"],
        vec!["briefings/2023.toml", "tests/fixtures/harbour"],
    ] {
        let mut args = paths.clone();
        args.extend(["--format", "json"]);
        let doc: serde_json::Value = serde_json::from_slice(&ok(&args)).unwrap();
        let errors: Vec<String> = v.iter_errors(&doc).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{paths:?}: {errors:#?}");
    }
    let doc: serde_json::Value =
        serde_json::from_slice(&ok(&["tests/fixtures/harbour", "-f", "json"])).unwrap();
    let briefings = doc["briefings"].as_array().unwrap();
    assert_eq!(briefings.len(), 3);
    let periods: Vec<&str> = briefings
        .iter()
        .map(|b| b["period"].as_str().unwrap())
        .collect();
    assert_eq!(periods, ["2023-H1", "2023-H2", "2024-H1"]);
    // The series joins the three files: 251 → 276 → 312, all stated.
    let drunk = &briefings[0]["sections"][2]["indicators"][0];
    assert_eq!(drunk["id"], "drunk-driving");
    let values: Vec<f64> = drunk["series"]["points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["value"].as_f64().unwrap())
        .collect();
    assert_eq!(values, [251.0, 276.0, 312.0]);
    // What the schema rejects.
    let mut bad = doc.clone();
    bad["briefings"][0]["sections"][0]["kind"] = "chapter".into();
    assert!(!v.is_valid(&bad));
}

/// The document parsed as HTML5; panics on any parse error.
fn parse(html: &str) -> scraper::Html {
    // The parser does report what a validator would.
    assert!(!scraper::Html::parse_document("<p>a</b>").errors.is_empty());
    let doc = scraper::Html::parse_document(html);
    assert!(
        doc.errors.is_empty(),
        "HTML5 parse errors: {:?}",
        doc.errors
    );
    doc
}

fn select<'a>(doc: &'a scraper::Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    doc.select(&scraper::Selector::parse(css).unwrap())
        .collect()
}

#[test]
fn html_is_valid_self_contained_and_has_every_sentence() {
    let html = String::from_utf8(ok(&["briefings/2023.toml", "--format", "html"])).unwrap();
    let doc = parse(&html);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert_eq!(select(&doc, "html[lang=zh-CN]").len(), 1);
    assert_eq!(select(&doc, "meta[charset=utf-8]").len(), 1);
    assert_eq!(select(&doc, "meta[name=viewport]").len(), 1);
    // Nothing to fetch, nothing to run.
    assert!(select(&doc, "script, link, img, iframe, object, embed").is_empty());
    for needle in ["http://", "https://", "url(", "@import", "//fonts"] {
        assert!(!html.contains(needle), "a network reference: {needle}");
    }
    // Print and dark styles, a CJK font stack, a phone layout.
    for needle in [
        "@media print",
        "prefers-color-scheme: dark",
        "Noto Sans CJK SC",
        "max-width: 60rem",
    ] {
        assert!(html.contains(needle), "no {needle}");
    }
    // Every sentence of the source, in the text of the page.
    let body = squeeze(&select(&doc, "body")[0].text().collect::<String>());
    let pieces = seed_pieces();
    assert!(pieces.len() >= 40);
    for piece in &pieces {
        assert!(body.contains(piece.as_str()), "missing {piece:?}");
    }
    // The outline links to every section and item, and each target exists.
    let links = select(&doc, "nav a[href]");
    assert!(links.len() >= 10, "{}", links.len());
    for a in links {
        let id = a.value().attr("href").unwrap().strip_prefix('#').unwrap();
        assert_eq!(
            select(&doc, &format!("[id=\"{id}\"]")).len(),
            1,
            "anchor {id}"
        );
    }
    // Each indicator beside its text, with a chart where it has a series.
    let cards = select(&doc, "aside figure.indicator");
    assert_eq!(cards.len(), html.matches("class=\"indicator\"").count());
    let fraud = select(&doc, "#k-telecom-fraud-cases")[0];
    let text: String = fraud.text().collect();
    assert!(
        text.contains("电诈发案") && text.contains("▼ −6.32% 同比"),
        "{text}"
    );
    assert_eq!(
        fraud
            .select(&scraper::Selector::parse("svg").unwrap())
            .count(),
        1
    );
    assert!(
        text.contains("93.68*"),
        "the derived index point is marked: {text}"
    );
    let loss = select(&doc, "#k-fraud-loss-rate")[0];
    let text: String = loss.text().collect();
    assert!(text.contains("全国") && text.contains("0.25%"), "{text}");
}

#[test]
fn html_of_several_periods_shows_the_newest_with_series_across_them() {
    let html = String::from_utf8(ok(&["tests/fixtures/harbour", "-f", "html"])).unwrap();
    let doc = parse(&html);
    assert!(
        select(&doc, "h1")[0]
            .text()
            .collect::<String>()
            .contains("2024年上半年")
    );
    let card: String = select(&doc, "#k-drunk-driving")[0].text().collect();
    for v in ["251", "276", "312", "2023-H1", "2023-H2", "2024-H1"] {
        assert!(card.contains(v), "{v} in {card}");
    }
}

/// A briefing whose every text tries to make markup.
fn hostile() -> String {
    let p = r#"<script>alert(1)</script>\"><img src=x onerror=alert(2)>&amp;</style><!--]]>'\u001b[31m=cmd|' /C calc'!A0"#;
    format!(
        r#"schema = 1
[briefing]
title = "T{p}"
subtitle = "S{p}"
organization = "O{p}"
period = "2023"
classification = "C{p}"
source = "src{p}"
published = 2024-01-15

[[section]]
id = "a"
kind = "campaign"
title = "A{p}"
subtitle = "sub{p}"
body = "body{p}end"
notes = "notes{p}"

  [[section.indicator]]
  id = "x"
  label = "L{p}"
  value = 1.5
  unit = "u{p}"
  change = -2
  change_unit = "%"
  basis = "yoy"
  good = "down"
  history = [{{ period = "2022", value = 2 }}]
  compare = [{{ label = "cmp{p}", value = 3 }}]
  note = "note{p}"
  cite = "body{p}end"

  [[section.item]]
  id = "i"
  title = "I{p}"
  body = "item{p}"
"#
    )
}

#[test]
fn hostile_text_makes_no_markup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostile.toml");
    std::fs::write(&path, hostile()).unwrap();
    let path = path.to_str().unwrap();

    let html = String::from_utf8(ok(&[path, "-f", "html"])).unwrap();
    let doc = parse(&html);
    for tag in ["<script", "<img", "<!--", "</style><", "\u{1b}"] {
        assert!(!html.contains(tag), "{tag:?} reached the page");
    }
    assert_eq!(html.matches("<style>").count(), 1);
    assert_eq!(html.matches("</style>").count(), 1);
    assert!(select(&doc, "script, img").is_empty());
    for el in select(&doc, "*") {
        assert!(
            el.value().attrs().all(|(name, _)| !name.starts_with("on")),
            "an event attribute on <{}>",
            el.value().name()
        );
    }
    // The text is all there, as text.
    let text: String = doc.root_element().text().collect();
    let shown = r#"<script>alert(1)</script>"><img src=x onerror=alert(2)>&amp;</style><!--]]>'␛[31m=cmd|' /C calc'!A0"#;
    for field in ["T", "O", "A", "sub", "body", "L", "cmp", "note", "I"] {
        assert!(
            text.contains(&format!("{field}{shown}")),
            "{field} not shown as text"
        );
    }

    // CSV: the text comes back exactly; no cell starts a formula.
    let rows = table(&ok(&[path, "-f", "csv"]));
    assert_eq!(rows.len(), 3, "a stated and a history row");
    let stated = rows.iter().find(|r| &r[12] == "stated").unwrap();
    assert_eq!(stated[5], format!("L{shown}"));
    assert_eq!(stated[13], format!("body{shown}end"));
    let dir2 = tempfile::tempdir().unwrap();
    let formula = dir2.path().join("f.toml");
    std::fs::write(
        &formula,
        hostile()
            .replace("label = \"L", "label = \"=HYPERLINK(\\\"x\\\")")
            .replace("unit = \"u", "unit = \"+u"),
    )
    .unwrap();
    let rows = table(&ok(&[formula.to_str().unwrap(), "-f", "csv"]));
    let stated = rows.iter().find(|r| &r[12] == "stated").unwrap();
    assert!(stated[5].starts_with("'=HYPERLINK"), "{}", &stated[5]);
    assert!(stated[7].starts_with("'+u"));
    assert_eq!(&stated[8], "-2", "numbers stay numbers");

    // JSON: the text comes back exactly.
    let doc: serde_json::Value = serde_json::from_slice(&ok(&[path, "-f", "json"])).unwrap();
    assert_eq!(
        doc["briefings"][0]["title"].as_str().unwrap(),
        format!("T{shown}")
    );
}

#[test]
fn output_is_written_whole_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.csv");
    let out_s = out.to_str().unwrap();
    let ran = export(&["tests/fixtures/harbour", "-f", "csv", "-o", out_s]);
    assert!(ran.status.success());
    assert!(ran.stdout.is_empty());
    let written = std::fs::read(&out).unwrap();
    assert_eq!(written, ok(&["tests/fixtures/harbour", "-f", "csv"]));

    // A file with errors: check's diagnostics, exit 1, OUT untouched.
    let bad = dir.path().join("bad.toml");
    std::fs::write(
        &bad,
        "schema = 1\n[briefing]\ntitle = \"T\"\norganization = \"O\"\nperiod = \"2023-Q5\"\n[[section]]\nid = \"a\"\ntitle = \"A\"\n",
    )
    .unwrap();
    let ran = export(&[bad.to_str().unwrap(), "-f", "html", "-o", out_s]);
    assert_eq!(ran.status.code(), Some(1));
    let err = String::from_utf8_lossy(&ran.stderr);
    let check = common::briefing()
        .args(["check", bad.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(err, String::from_utf8_lossy(&check.stderr));
    assert!(err.contains("bad.toml:5:10: error:"), "{err}");
    assert_eq!(std::fs::read(&out).unwrap(), written);

    // OUT that cannot be written: a message naming it, exit 1, nothing left behind.
    for target in [
        dir.path().join("no-such-dir").join("out.html"),
        dir.path().to_path_buf(),
    ] {
        let ran = export(&[
            "briefings/2023.toml",
            "-f",
            "html",
            "-o",
            target.to_str().unwrap(),
        ]);
        assert_eq!(ran.status.code(), Some(1));
        let err = String::from_utf8_lossy(&ran.stderr);
        assert!(
            err.starts_with(&format!("{}: error: 无法写入", target.display())),
            "{err}"
        );
        assert!(ran.stdout.is_empty());
    }
    let mut left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left, ["bad.toml", "out.csv"], "no temporary file left");

    let ran = common::briefing()
        .args(["--lang", "en", "export", "briefings", "-f", "json", "-o"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&ran.stderr).contains("cannot write"));
}

/// The first of `names` found on PATH.
fn on_path(names: &[&str]) -> Option<std::path::PathBuf> {
    let path = std::env::var_os("PATH")?;
    names.iter().find_map(|n| {
        std::env::split_paths(&path)
            .map(|d| d.join(n))
            .find(|p| p.is_file())
    })
}

/// Run `cmd`, killed after `limit` (a hang is a failure, not a wait forever).
fn run_with_limit(cmd: &mut std::process::Command, limit: std::time::Duration) -> Output {
    use std::process::Stdio;
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            return child.wait_with_output().unwrap();
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            panic!("the browser did not finish in {limit:?}");
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

#[test]
fn html_renders_in_a_headless_browser() {
    let Some(browser) = on_path(&["chromium", "chromium-browser"]) else {
        println!("skipped: no chromium or chromium-browser on PATH");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("2023.html");
    let ran = export(&[
        "briefings/2023.toml",
        "-f",
        "html",
        "-o",
        page.to_str().unwrap(),
    ]);
    assert!(ran.status.success());
    let url = format!("file://{}", page.display());
    let browse = |extra: &[&str]| {
        let mut cmd = std::process::Command::new(&browser);
        cmd.args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--hide-scrollbars",
        ])
        .arg(format!(
            "--user-data-dir={}",
            dir.path().join("profile").display()
        ))
        .args(extra)
        .arg(&url);
        run_with_limit(&mut cmd, std::time::Duration::from_secs(180))
    };
    // The browser's own reading of the page: the article, with its text.
    let dom = String::from_utf8_lossy(&browse(&["--dump-dom"]).stdout).into_owned();
    assert!(dom.contains("<article>"), "{dom}");
    assert!(dom.contains("坚持守正创新焕发平安建设新动能"));
    // A phone's width and a desk's.
    for (name, size) in [("phone.png", "390,1600"), ("desk.png", "1280,1600")] {
        let shot = dir.path().join(name);
        browse(&[
            &format!("--screenshot={}", shot.display()),
            &format!("--window-size={size}"),
        ]);
        let png = std::fs::read(&shot).unwrap_or_default();
        assert!(png.starts_with(b"\x89PNG"), "{name}: no screenshot");
        assert!(
            png.len() > 10_000,
            "{name}: {} bytes, a blank page?",
            png.len()
        );
    }
    assert!(Path::new(&page).exists());
}
