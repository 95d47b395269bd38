//! Plain text and Markdown into paragraphs: hard line breaks joined, the
//! spaces of justified CJK text dropped, page headers, footers and page
//! numbers of a PDF-to-text extract recognised and set aside.

use super::{Dropped, Para, Role};
use crate::model::is_cjk;

/// The paragraphs of `text`, and the lines left out as page furniture.
/// `markdown`: `#` headings and `**bold**` lines are headings, and a blank
/// line always ends a paragraph; in plain text a paragraph that stops in
/// the middle of a sentence goes on after a blank line.
pub(super) fn paras(text: &str, markdown: bool) -> (Vec<Para>, Vec<Dropped>) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // A form feed is a page break: a line of its own.
    let lines: Vec<&str> = text
        .split('\n')
        .flat_map(|l| {
            let l = l.strip_suffix('\r').unwrap_or(l);
            l.split('\u{c}')
        })
        .collect();
    let (blocks, dropped) = blocks(&lines, markdown);
    (joined(blocks, markdown), dropped)
}

/// A run of lines between blank lines: its first line's number, its lines,
/// and its role when a Markdown heading gave it one.
type Block = (usize, Vec<String>, Option<Role>);

/// The blocks of `lines`, and the page furniture left out.
fn blocks(lines: &[&str], markdown: bool) -> (Vec<Block>, Vec<Dropped>) {
    let furniture = page_furniture(lines);
    let mut blocks: Vec<Block> = Vec::new();
    let mut current: Vec<String> = Vec::new();
    let mut start = 0;
    let mut dropped = Vec::new();
    let flush = |blocks: &mut Vec<_>, current: &mut Vec<String>, start: usize| {
        if !current.is_empty() {
            blocks.push((start, std::mem::take(current), None));
        }
    };
    for (i, raw) in lines.iter().enumerate() {
        if furniture[i] {
            dropped.push(Dropped {
                line: i + 1,
                text: raw.trim().to_string(),
            });
            continue;
        }
        let trimmed = raw.trim();
        let line = unjustify(if markdown {
            strip_list_mark(trimmed)
        } else {
            trimmed
        });
        if line.is_empty() {
            flush(&mut blocks, &mut current, start);
            continue;
        }
        if markdown && let Some((role, rest)) = markdown_heading(&line) {
            flush(&mut blocks, &mut current, start);
            blocks.push((i + 1, vec![rest], Some(role)));
            continue;
        }

        if current.is_empty() {
            start = i + 1;
        }
        current.push(line);
    }
    flush(&mut blocks, &mut current, start);
    (blocks, dropped)
}

/// The blocks as paragraphs: headings as they are, a body's lines joined,
/// and (in plain text) a body that stops mid-sentence joined to the next.
fn joined(blocks: Vec<Block>, markdown: bool) -> Vec<Para> {
    let para = |lines, role, line| Para {
        lines,
        role,
        line,
        numbered: false,
    };
    let mut out: Vec<Para> = Vec::new();
    for (line, lines, role) in blocks {
        if let Some(role) = role {
            out.push(para(lines, role, line));
            continue;
        }
        if is_heading_block(&lines) {
            out.push(para(lines, Role::Block, line));
            continue;
        }
        // A numbered heading line over its body, with no blank line between.
        let (lines, line) = match split_heading_line(&lines) {
            Some(heading) => {
                out.push(para(vec![heading], Role::Block, line));
                (lines[1..].to_vec(), line + 1)
            }
            None => (lines, line),
        };
        let joined = join_lines(&lines);
        // A paragraph broken over a blank line in mid-sentence goes on.
        if let Some(prev) = out.last_mut()
            && !markdown
            && prev.role == Role::Body
            && !ends_sentence(&prev.lines[0])
        {
            let glue = glue(&prev.lines[0], &joined);
            prev.lines[0].push_str(glue);
            prev.lines[0].push_str(&joined);
            continue;
        }
        out.push(para(vec![joined], Role::Body, line));
    }
    out
}

/// A Markdown heading (`#`…) or a line that is bold as a whole.
fn markdown_heading(line: &str) -> Option<(Role, String)> {
    let hashes = line.chars().take_while(|&c| c == '#').count();
    if (1..=6).contains(&hashes) {
        let rest = line[hashes..].trim().trim_end_matches('#').trim();
        if !rest.is_empty() {
            return Some((Role::Heading(hashes as u8), rest.to_string()));
        }
    }
    let inner = line
        .strip_prefix("**")
        .and_then(|l| l.strip_suffix("**"))
        .or_else(|| line.strip_prefix("__").and_then(|l| l.strip_suffix("__")))?;
    (!inner.is_empty() && !inner.contains("**")).then(|| (Role::Bold, inner.trim().to_string()))
}

fn strip_list_mark(line: &str) -> &str {
    ["- ", "* ", "+ ", "> "]
        .iter()
        .find_map(|m| line.strip_prefix(m))
        .unwrap_or(line)
}

/// Drop white space that justified text put next to CJK characters.
pub(super) fn unjustify(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if is_space(c) {
            let end = (i..chars.len())
                .find(|&j| !is_space(chars[j]))
                .unwrap_or(chars.len());
            let before = i.checked_sub(1).map(|j| chars[j]);
            let after = chars.get(end).copied();
            let cjk = before.is_some_and(is_cjk) || after.is_some_and(is_cjk);
            if !cjk && before.is_some() && after.is_some() {
                out.push(' ');
            }
            i = end;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

fn is_space(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\u{3000}' || c == '\u{a0}'
}

/// Join hard-wrapped lines: nothing between them, except one space
/// between words of Latin script.
pub(super) fn join_lines(lines: &[String]) -> String {
    let mut out = String::new();
    for l in lines {
        out.push_str(glue(&out, l));
        out.push_str(l);
    }
    out
}

fn glue(before: &str, after: &str) -> &'static str {
    match (before.chars().last(), after.chars().next()) {
        (Some(b), Some(a))
            if !is_cjk(b) && !is_cjk(a) && (b.is_ascii_alphabetic() || a.is_ascii_alphabetic()) =>
        {
            " "
        }
        _ => "",
    }
}

/// Whether `text` ends a sentence (so that a blank line after it is a break).
pub(super) fn ends_sentence(text: &str) -> bool {
    let mut rev = text.chars().rev();
    let last = rev.next();
    let terminal = |c: char| "。！？!?…；;：:".contains(c);
    match last {
        Some(c) if terminal(c) => true,
        Some(c) if "”’」』）)".contains(c) => rev.next().is_some_and(terminal),
        _ => false,
    }
}

/// A block of at most three short lines without the punctuation of a
/// sentence: a title or a heading (with its subtitle).
fn is_heading_block(lines: &[String]) -> bool {
    lines.len() <= 3
        && lines
            .iter()
            .all(|l| l.chars().count() <= 25 && !l.chars().any(|c| "，。；！？,;!?".contains(c)))
        && !super::markers::starts_item(&lines[0])
}

/// The first line of a block when it is a numbered heading (`一、…`, `（一）…`)
/// over the rest of the block.
fn split_heading_line(lines: &[String]) -> Option<String> {
    let first = &lines[0];
    (lines.len() > 1
        && first.chars().count() <= 30
        && super::markers::heading_rank(first).is_some()
        && !first.ends_with(['，', '、', ',']))
    .then(|| first.clone())
}

/// Which lines are page furniture: page numbers (`- 3 -`, `第 3 页`, `3/10`,
/// a bare number alone between blank lines) and short lines that come back
/// three times or more beside a blank line or a page break (running heads).
fn page_furniture(lines: &[&str]) -> Vec<bool> {
    let blank = |i: usize| lines.get(i).is_none_or(|l| l.trim().is_empty());
    let alone = |i: usize| (i == 0 || blank(i - 1)) && blank(i + 1);
    let mut out: Vec<bool> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| match page_number(l.trim()) {
            Some(true) => true,
            Some(false) => alone(i),
            None => false,
        })
        .collect();
    let shape = |l: &str| -> String {
        l.split_whitespace()
            .collect::<String>()
            .chars()
            .map(|c| if c.is_ascii_digit() { '#' } else { c })
            .collect()
    };
    let mut counts: std::collections::HashMap<String, Vec<usize>> = Default::default();
    for (i, l) in lines.iter().enumerate() {
        let t = l.trim();
        if !t.is_empty() && t.chars().count() <= 40 && !out[i] {
            counts.entry(shape(t)).or_default().push(i);
        }
    }
    for at in counts.values() {
        let beside_break = at.iter().all(|&i| (i == 0 || blank(i - 1)) || blank(i + 1));
        if at.len() >= 3 && beside_break {
            for &i in at {
                out[i] = true;
            }
        }
    }
    out
}

/// `Some(true)`: a page number by its shape; `Some(false)`: a bare number,
/// a page number only when it stands alone; `None`: text.
fn page_number(t: &str) -> Option<bool> {
    let s: String = t.split_whitespace().collect();
    if s.is_empty() {
        return None;
    }
    if s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit()) {
        return Some(false);
    }
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit());
    let dashes = |c: char| "-—–－".contains(c);
    let inner = s.trim_matches(dashes);
    if inner.len() < s.len() && digits(inner) {
        return Some(true);
    }
    // 第3页, 第3页共10页, 3/10, Page 3, Page 3 of 10
    let page = s
        .strip_prefix('第')
        .and_then(|r| r.split_once('页'))
        .filter(|(n, rest)| {
            digits(n)
                && (rest.is_empty()
                    || rest
                        .strip_prefix('共')
                        .and_then(|r| r.strip_suffix('页'))
                        .is_some_and(digits))
        })
        .is_some();
    let slash = s
        .split_once('/')
        .is_some_and(|(a, b)| digits(a) && digits(b));
    let lower = s.to_ascii_lowercase();
    let english = lower.strip_prefix("page").is_some_and(|r| {
        let (n, rest) = r.split_once("of").unwrap_or((r, "0"));
        digits(n) && digits(rest)
    });
    (page || slash || english).then_some(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn justified_spaces_go_and_others_stay() {
        assert_eq!(unjustify("比 下 降 4.09% ，车 辆"), "比下降4.09%，车辆");
        assert_eq!(unjustify("2023 年 3 月"), "2023年3月");
        assert_eq!(unjustify("Public  Security 局"), "Public Security局");
    }

    #[test]
    fn lines_join_without_spaces_except_in_latin_words() {
        let l = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(join_lines(&l(&["搭建“1+", "1+5”组织"])), "搭建“1+1+5”组织");
        assert_eq!(join_lines(&l(&["特别是12", "月底"])), "特别是12月底");
        assert_eq!(join_lines(&l(&["work", "summary"])), "work summary");
    }

    #[test]
    fn page_furniture_is_recognised() {
        let text = "西宁公安\n\n第一段正文，\n\n- 1 -\n\n西宁公安\n\n继续。\n\n第 2 页 共 3 页\n\n西宁公安\n\n12\n\n后文。";
        let (paras, dropped) = paras(text, false);
        let kept: Vec<&str> = paras.iter().map(|p| p.lines[0].as_str()).collect();
        assert_eq!(kept, ["第一段正文，继续。", "后文。"]);
        let lines: Vec<usize> = dropped.iter().map(|d| d.line).collect();
        assert_eq!(lines, [1, 5, 7, 11, 13, 15]);
    }

    #[test]
    fn numbers_inside_text_are_not_page_numbers() {
        let (paras, dropped) = paras("全市破案\n12\n起。", false);
        assert!(dropped.is_empty());
        assert_eq!(paras[0].lines[0], "全市破案12起。");
    }

    #[test]
    fn a_sentence_broken_over_a_blank_line_goes_on() {
        let (paras, _) = paras("二是高要\n\n求开展作风整治。\n\n下一段。", false);
        assert_eq!(paras.len(), 2);
        assert_eq!(paras[0].lines[0], "二是高要求开展作风整治。");
    }

    #[test]
    fn markdown_headings_and_bold_lines() {
        let (paras, _) = paras("# 标题\n\n**要点**\n\n正文。\n\n- 列表项。", true);
        assert_eq!(paras[0].role, Role::Heading(1));
        assert_eq!(paras[1].role, Role::Bold);
        assert_eq!(paras[1].lines[0], "要点");
        assert_eq!(paras[3].lines[0], "列表项。");
    }
}
