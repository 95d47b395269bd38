//! `briefing import`: the seed in reading order gives the sections, items and
//! change figures of the hand-made `briefings/2023.toml`; every sentence of
//! the source is in the draft; every indicator's numbers are in its cite; a
//! .docx imports as its plain-text twin; hostile, long and Markdown text.
//! Was tests/import.rs, where what the command does stays.

use std::io::Write;

use crate::model::{Briefing, Indicator, SectionKind, format_number};

const SEED: &str = "tests/fixtures/seed-2023-ordered.txt";
const TWIN: &str = "tests/fixtures/import-twin.txt";

fn load(name: &str, toml: String) -> Briefing {
    let (b, report) = crate::load::check_text(name, toml);
    assert!(!report.has_errors(), "{}", report.render());
    b.unwrap()
}

fn import_seed() -> Briefing {
    let text = std::fs::read_to_string(SEED).unwrap();
    let draft = crate::import::import_text("seed.txt", &text, false).unwrap();
    load("draft", draft.toml)
}

fn hand_made() -> Briefing {
    load(
        "2023",
        std::fs::read_to_string("briefings/2023.toml").unwrap(),
    )
}

#[test]
fn the_seed_gives_the_sections_and_items_of_the_hand_made_briefing() {
    let (got, want) = (import_seed(), hand_made());
    assert_eq!(got.title, want.title);
    assert_eq!(got.subtitle, want.subtitle);
    assert_eq!(got.organization, want.organization);
    assert_eq!(got.period, want.period);
    let shape = |b: &Briefing| -> Vec<(SectionKind, String, Option<String>, Vec<String>)> {
        b.sections
            .iter()
            .map(|s| {
                let items = s.items.iter().map(|i| i.title.clone()).collect();
                (
                    s.kind,
                    s.title.to_string(),
                    s.subtitle.as_deref().map(String::from),
                    items,
                )
            })
            .collect()
    };
    assert_eq!(shape(&got), shape(&want));
}

fn changes(b: &Briefing) -> Vec<(usize, &Indicator)> {
    b.sections
        .iter()
        .enumerate()
        .flat_map(|(k, s)| s.all_indicators().map(move |i| (k, i)))
        .filter(|(_, i)| i.change.is_some())
        .collect()
}

#[test]
fn nine_in_ten_change_figures_match_the_hand_made_ones() {
    let (got, want) = (import_seed(), hand_made());
    let wanted = changes(&want);
    let found = changes(&got);
    let matched = wanted
        .iter()
        .filter(|(k, w)| {
            let w = w.change.as_ref().unwrap();
            found.iter().any(|(j, g)| {
                let g = g.change.as_ref().unwrap();
                j == k && g.amount == w.amount && g.unit == w.unit && g.basis == w.basis
            })
        })
        .count();
    assert!(wanted.len() >= 7, "the hand-made briefing has its changes");
    assert!(
        matched * 10 >= wanted.len() * 9,
        "{matched} of {} change figures match",
        wanted.len()
    );
    // And no change that the hand-made briefing does not have.
    assert_eq!(found.len(), wanted.len());
}

/// The digits of a number as the text writes them.
fn in_cite(value: f64, cite: &str) -> bool {
    cite.contains(&format_number(value.abs()))
}

#[test]
fn no_indicator_has_a_number_that_is_not_in_its_cite() {
    for b in [import_seed(), twin("txt")] {
        let mut count = 0;
        for s in &b.sections {
            for i in s.all_indicators() {
                count += 1;
                let cite = i.cite.as_deref().expect("every indicator cites");
                let numbers = i
                    .value
                    .into_iter()
                    .chain(i.change.as_ref().map(|c| c.amount))
                    .chain(i.compare.iter().map(|c| c.value));
                for n in numbers {
                    assert!(in_cite(n, cite), "{}: {n} is not in “{cite}”", i.id);
                }
                // `近`, `超`, `以上` are never dropped: the note keeps them.
                for w in ["近", "超", "以上", "余"] {
                    let stated = format!("{w}{}", format_number(i.value.unwrap_or(-1.0)));
                    let stated_after = format!("{}{}", i.unit.as_deref().unwrap_or("\u{0}"), w);
                    if cite.contains(&stated) || (w == "以上" && cite.contains(&stated_after)) {
                        let kept = i.note.as_deref().is_some_and(|n| n.contains(w))
                            || i.unit.as_deref().is_some_and(|u| u.contains(w));
                        assert!(kept, "{}: “{w}” dropped from “{cite}”", i.id);
                    }
                }
            }
        }
        assert!(count > 5);
    }
}

fn cn(n: usize) -> &'static str {
    ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"][n - 1]
}

#[test]
fn every_sentence_of_the_seed_is_in_the_draft_in_order() {
    let b = import_seed();
    let mut text = b.title.clone();
    if let Some(sub) = &b.subtitle {
        text += &format!("——{sub}");
    }
    for s in &b.sections {
        // The lead's and the outlook's titles are supplied, not the source's.
        if !matches!(s.kind, SectionKind::Lead | SectionKind::Outlook) {
            text += &s.title;
            text += s.subtitle.as_deref().unwrap_or("");
        }
        text += &s.body.concat();
        for (k, item) in s.items.iter().enumerate() {
            text += &format!("{}是{}。{}", cn(k + 1), item.title, item.body.concat());
        }
    }
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let source = squeeze(&std::fs::read_to_string(SEED).unwrap());
    assert_eq!(squeeze(&text), source);
}

/// A .docx made here: the twin's text with Word's headings, numbering,
/// a bold line, runs split mid-word, a soft line break and justified spaces.
fn twin_docx() -> Vec<u8> {
    let p = |style: Option<&str>, numbered: bool, bold: bool, runs: &[&str]| {
        let mut ppr = String::new();
        if let Some(s) = style {
            ppr += &format!("<w:pStyle w:val=\"{s}\"/>");
        }
        if numbered {
            ppr += "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>";
        }
        let rpr = if bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
        let runs: String = runs
            .iter()
            .map(|r| {
                if *r == "\n" {
                    "<w:r><w:br/></w:r>".to_string()
                } else {
                    format!("<w:r>{rpr}<w:t xml:space=\"preserve\">{r}</w:t></w:r>")
                }
            })
            .collect();
        format!("<w:p><w:pPr>{ppr}</w:pPr>{runs}</w:p>")
    };
    let body = [
        p(Some("Title"), false, false, &["全市公安机关2024年上半年工作情况"]),
        p(None, false, false, &["——东湖市公安局2024年上半年工作总结"]),
        p(None, false, false, &["上半年，全市公安机关坚持稳中求进，各项", "\n", "工作取得新成效。全市刑事案件破案数、抓获数同比分别", "上升 20.84%、27.9%。"]),
        p(Some("1"), true, false, &["打击犯罪成效明显"]),
        p(None, false, false, &["（一）电信诈骗案件持续下降。全市电诈发案 1200 起，同 比 下 降 15.2%，挽回损失3600余万元。"]),
        p(None, false, false, &["（二）破案攻坚有力推进。全市盗窃案件破案率同比提高5.5个百分点，抓获犯罪嫌疑人近800名。"]),
        p(None, false, true, &["二、基层", "基础不断夯实"]),
        p(None, false, false, &["全市新建警务室12个，110接警量环比下降3.1%，群众满意率达98%以上。"]),
        p(Some("1"), true, false, &["下一步工作打算"]),
        p(None, false, false, &["下半年，全市公安机关将继续深化改革，全力守护人民安宁。"]),
    ]
    .concat();
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
         <w:body>{body}<w:sectPr/></w:body></w:document>"
    );
    let styles = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
        <w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
        <w:style w:type=\"paragraph\" w:styleId=\"1\"><w:name w:val=\"heading 1\"/></w:style>\
        <w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/></w:style>\
        </w:styles>";
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut buf);
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, text) in [
        (
            "[Content_Types].xml",
            "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
        ),
        ("word/document.xml", document.as_str()),
        ("word/styles.xml", styles),
    ] {
        zip.start_file(name, opts).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
    buf.into_inner()
}

fn twin(kind: &str) -> Briefing {
    let draft = match kind {
        "txt" => {
            let text = std::fs::read_to_string(TWIN).unwrap();
            crate::import::import_text("twin", &text, false).unwrap()
        }
        _ => crate::import::import_docx("twin", &twin_docx()).unwrap(),
    };
    load(kind, draft.toml)
}

#[test]
fn a_docx_imports_as_its_plain_text_twin() {
    let (txt, docx) = (twin("txt"), twin("docx"));
    assert_eq!(docx, txt);
    // Not two empty drafts: the twin's shape, figures and period.
    assert_eq!(txt.organization, "东湖市公安局");
    assert_eq!(txt.period.to_string(), "2024-H1");
    let kinds: Vec<SectionKind> = txt.sections.iter().map(|s| s.kind).collect();
    use SectionKind::*;
    assert_eq!(kinds, [Lead, Campaign, Campaign, Outlook]);
    let items: Vec<&str> = txt.sections[1]
        .items
        .iter()
        .map(|i| i.title.as_str())
        .collect();
    assert_eq!(items, ["电信诈骗案件持续下降", "破案攻坚有力推进"]);
    let lead = &txt.sections[0].indicators;
    let labels: Vec<&str> = lead.iter().map(|i| i.label.as_str()).collect();
    assert_eq!(labels, ["刑事案件破案数", "抓获数"]);
    let fraud = &txt.sections[1].items[0].indicators[0];
    assert_eq!(
        (fraud.value, fraud.unit.as_deref()),
        (Some(1200.0), Some("起"))
    );
    assert_eq!(fraud.change.as_ref().map(|c| c.amount), Some(-15.2));
}

#[test]
fn hostile_text_makes_a_draft_that_still_passes_check() {
    let text = "标题\"\"\"'''\\\u{1b}[31m\n\n正文含 \u{1b}]0;x\u{7} 控制字符和\u{202e}反向，同比上升5%。\n\n[section]\nid = \"x\"\n";
    let draft = crate::import::import_text("hostile.txt", text, false).unwrap();
    let (_, report) = crate::load::check_text("h", draft.toml);
    assert!(!report.has_errors(), "{}", report.render());
}

#[test]
fn a_long_pathological_text_is_imported_in_bounded_time_and_size() {
    // Many figures, few clause breaks, no 、: what once cost time squared.
    let mut text = String::from("标题\n\n");
    for k in 0..8_000 {
        text += &format!("{k}个1余起2万人次，同比上升{k}%");
    }
    text += "。\n";
    let start = std::time::Instant::now();
    let draft = crate::import::import_text("big.txt", &text, false).unwrap();
    assert!(
        start.elapsed() < std::time::Duration::from_secs(120),
        "{:?}",
        start.elapsed()
    );
    assert_eq!(draft.indicators, 2000, "capped, the rest left in the text");
    let (_, report) = crate::load::check_text("big", draft.toml);
    assert!(!report.has_errors());
}

#[test]
fn markdown_headings_bold_lines_and_lists_shape_the_draft() {
    let md = "# 东湖市公安局2024年工作总结\n\n全年各项工作取得新成效。\n\n## 一、打击犯罪\n\n**破案攻坚**\n\n全市破案率同比提高5.5个百分点。\n\n**治安防控**\n\n- 新建警务室12个。\n\n## 二、下一步工作\n\n继续深化改革。\n";
    let draft = crate::import::import_text("a.md", md, true).unwrap();
    let b = load("md", draft.toml);
    assert_eq!(
        (b.organization.as_str(), b.period.to_string()),
        ("东湖市公安局", "2024".to_string())
    );
    let shape: Vec<(SectionKind, &str, Vec<&str>)> = b
        .sections
        .iter()
        .map(|s| {
            (
                s.kind,
                &*s.title,
                s.items.iter().map(|i| i.title.as_str()).collect(),
            )
        })
        .collect();
    use SectionKind::*;
    assert_eq!(
        shape,
        [
            (Lead, "综述", vec![]),
            (Campaign, "打击犯罪", vec!["破案攻坚", "治安防控"]),
            (Outlook, "下一步工作", vec![]),
        ]
    );
    assert_eq!(*b.sections[1].items[1].body, ["新建警务室12个。"]);
}
