//! Word documents (.docx): the paragraphs of `word/document.xml` in order,
//! with their heading levels (from the styles: Heading 1, 标题 1, Title,
//! an outline level), whether Word numbers them, and whether all their
//! text is bold. Read with `zip` and `quick-xml`, within size limits.

use std::collections::HashMap;
use std::io::{Read, Seek};
use std::path::Path;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::{ImportError, MAX_DOCX_BYTES, Para, Role, text};

/// Read the .docx at `path`: a regular file, at most `MAX_DOCX_BYTES`.
pub(super) fn read(path: &Path) -> Result<Vec<Para>, ImportError> {
    use std::os::unix::fs::OpenOptionsExt;
    let io = |e: std::io::Error| {
        ImportError::Read(crate::load::FileError::Io(e.to_string()).to_string())
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err(ImportError::Read(t_not_regular()));
    }
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
        .map_err(io)?;
    let mut bytes = Vec::new();
    file.take(MAX_DOCX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_DOCX_BYTES {
        return Err(ImportError::Docx(crate::i18n::subst(
            crate::i18n::t("imp.too_large"),
            &[&MAX_DOCX_BYTES.to_string()],
        )));
    }
    parse(std::io::Cursor::new(bytes))
}

fn t_not_regular() -> String {
    crate::load::FileError::NotRegular("d.not_plain").to_string()
}

/// The paragraphs of a .docx archive.
pub(super) fn parse<R: Read + Seek>(archive: R) -> Result<Vec<Para>, ImportError> {
    let bad = |e: &dyn std::fmt::Display| ImportError::Docx(e.to_string());
    let mut zip = zip::ZipArchive::new(archive).map_err(|e| bad(&e))?;
    let styles = part(&mut zip, "word/styles.xml")
        .ok()
        .map(|s| heading_styles(&s))
        .unwrap_or_default();
    let doc = part(&mut zip, "word/document.xml")?;
    paragraphs(&doc, &styles).map_err(|e| bad(&e))
}

/// One part of the archive as text, at most `MAX_DOCX_BYTES` of it.
fn part<R: Read + Seek>(zip: &mut zip::ZipArchive<R>, name: &str) -> Result<String, ImportError> {
    let bad = |e: &dyn std::fmt::Display| ImportError::Docx(e.to_string());
    let entry = zip
        .by_name(name)
        .map_err(|e| bad(&format!("{name}: {e}")))?;
    let mut bytes = Vec::new();
    entry
        .take(MAX_DOCX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| bad(&format!("{name}: {e}")))?;
    if bytes.len() as u64 > MAX_DOCX_BYTES {
        return Err(bad(&format!("{name}: > {MAX_DOCX_BYTES} bytes")));
    }
    String::from_utf8(bytes).map_err(|e| bad(&format!("{name}: {e}")))
}

/// The value of the attribute whose local name is `name`.
fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// The heading level of a style by its name (0: the title).
fn level_of_name(name: &str) -> Option<u8> {
    let lower = name.to_lowercase();
    if lower == "title" || lower == "标题" {
        return Some(0);
    }
    let n = lower
        .strip_prefix("heading")
        .or_else(|| lower.strip_prefix("标题"))?
        .trim();
    n.parse::<u8>().ok().filter(|n| (1..=9).contains(n))
}

/// Style id → heading level, from `styles.xml`.
fn heading_styles(xml: &str) -> HashMap<String, u8> {
    let mut out = HashMap::new();
    let mut reader = Reader::from_str(xml);
    let mut id: Option<String> = None;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) => match e.local_name().as_ref() {
                "style" => id = attr(&e, "styleId"),
                "name" => {
                    if let (Some(i), Some(level)) =
                        (&id, attr(&e, "val").as_deref().and_then(level_of_name))
                    {
                        out.insert(i.clone(), level);
                    }
                }
                "outlineLvl" => {
                    if let (Some(i), Some(l)) =
                        (&id, attr(&e, "val").and_then(|v| v.parse::<u8>().ok()))
                    {
                        out.entry(i.clone()).or_insert(l.saturating_add(1).min(9));
                    }
                }
                _ => {}
            },
            Ok(Event::End(e)) if e.local_name().as_ref() == "style" => id = None,
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    out
}

/// A paragraph being read.
#[derive(Default)]
struct Open {
    text: String,
    style: Option<String>,
    level: Option<u8>,
    numbered: bool,
    in_ppr: bool,
    run_bold: bool,
    run_text: bool,
    runs: usize,
    bold_runs: usize,
}

fn paragraphs(xml: &str, styles: &HashMap<String, u8>) -> Result<Vec<Para>, quick_xml::Error> {
    let mut reader = Reader::from_str(xml);
    let mut walk = Walk::default();
    loop {
        let event = reader.read_event()?;
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(e) | Event::Empty(e) => walk.start(&e, empty),
            Event::Text(e) if walk.in_t => {
                if let Some(p) = walk.stack.last_mut() {
                    let s = e.xml10_content();
                    p.run_text |= !s.trim().is_empty();
                    p.text.push_str(&s);
                }
            }
            Event::GeneralRef(e) if walk.in_t => {
                if let Some(p) = walk.stack.last_mut() {
                    let c = e.resolve_char_ref().ok().flatten().map(String::from);
                    let named = quick_xml::escape::resolve_xml_entity(&e).map(String::from);
                    p.text.push_str(&c.or(named).unwrap_or_default());
                    p.run_text = true;
                }
            }
            Event::End(e) => walk.end(e.local_name().as_ref(), styles),
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(walk.out)
}

/// Where the walk through the document's XML is.
#[derive(Default)]
struct Walk {
    /// The paragraphs open (a table cell's paragraph inside another's).
    stack: Vec<Open>,
    /// Inside a `<w:t>`: its text is the paragraph's.
    in_t: bool,
    /// Paragraphs seen so far, empty ones included (the line of the next).
    count: usize,
    out: Vec<Para>,
}

impl Walk {
    /// An opening (or empty) tag.
    fn start(&mut self, e: &BytesStart<'_>, empty: bool) {
        let name = e.local_name();
        if name.as_ref() == "p" {
            self.count += 1;
            if !empty {
                self.stack.push(Open::default());
            }
            return;
        }
        let Some(p) = self.stack.last_mut() else {
            return;
        };
        match name.as_ref() {
            "pPr" if !empty => p.in_ppr = true,
            "pStyle" => p.style = attr(e, "val"),
            "outlineLvl" => p.level = attr(e, "val").and_then(|v| v.parse::<u8>().ok()),
            "numPr" => p.numbered = true,
            "r" if !empty => {
                p.run_bold = false;
                p.run_text = false;
            }
            "b" if !p.in_ppr => {
                let off =
                    attr(e, "val").is_some_and(|v| matches!(v.as_str(), "0" | "false" | "off"));
                p.run_bold = !off;
            }
            "t" if !empty => self.in_t = true,
            "tab" if !p.in_ppr => p.text.push(' '),
            "br" | "cr" => p.text.push('\n'),
            _ => {}
        }
    }

    /// A closing tag: a run counted, a paragraph finished.
    fn end(&mut self, name: &str, styles: &HashMap<String, u8>) {
        match name {
            "t" => self.in_t = false,
            "pPr" => {
                if let Some(p) = self.stack.last_mut() {
                    p.in_ppr = false;
                }
            }
            "r" => {
                if let Some(p) = self.stack.last_mut()
                    && p.run_text
                {
                    p.runs += 1;
                    p.bold_runs += usize::from(p.run_bold);
                }
            }
            "p" => {
                if let Some(p) = self.stack.pop()
                    && let Some(para) = finish(p, styles, self.count)
                {
                    self.out.push(para);
                }
            }
            _ => {}
        }
    }
}

/// The paragraph as the importer takes it, or nothing when it has no text.
fn finish(p: Open, styles: &HashMap<String, u8>, line: usize) -> Option<Para> {
    let lines: Vec<String> = p
        .text
        .split('\n')
        .map(|l| text::unjustify(l.trim()))
        .filter(|l| !l.is_empty())
        .collect();
    if lines.is_empty() {
        return None;
    }
    let level = p
        .style
        .as_ref()
        .and_then(|s| styles.get(s).copied().or_else(|| level_of_name(s)))
        .or_else(|| p.level.map(|l| l.saturating_add(1).min(9)));
    let joined = text::join_lines(&lines);
    let short = joined.chars().count() <= 30 && !joined.contains(['。', '，', '；']);
    let (role, lines) = match level {
        Some(0) => (Role::Title, lines),
        Some(n) => (Role::Heading(n), lines),
        None if p.runs > 0 && p.bold_runs == p.runs && short => (Role::Bold, lines),
        None => (Role::Body, vec![joined]),
    };
    Some(Para {
        lines,
        role,
        line,
        numbered: p.numbered,
    })
}
