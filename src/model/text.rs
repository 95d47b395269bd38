//! The spec's text rules: paragraphs split at blank lines, lines joined inside them.

/// Paragraphs of a `body` or `notes` string.
pub(super) type Paragraphs = Vec<String>;

/// Split `text` into paragraphs at blank lines and join the lines of each:
/// trimmed, with nothing between two CJK characters and one space otherwise.
pub(crate) fn paragraphs(text: &str) -> Paragraphs {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let line = line.trim();
        if line.is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            continue;
        }
        if current.is_empty() {
            // Room for the whole paragraph at once (joined, it is no longer
            // than its lines), not grown by doubling: a long body is not held
            // twice over.
            let rest = lines.clone().take_while(|l| !l.trim().is_empty());
            current.reserve(line.len() + rest.map(|l| l.len() + 1).sum::<usize>());
        }
        if let (Some(before), Some(after)) = (current.chars().last(), line.chars().next())
            && !(is_cjk(before) && is_cjk(after))
        {
            current.push(' ');
        }
        current.push_str(line);
    }
    if !current.is_empty() {
        out.push(current);
    }
    // A body is mostly one paragraph or a few: no room kept for more.
    out.shrink_to_fit();
    out
}

/// CJK ideographs, kana, hangul, and the CJK and full-width punctuation blocks.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF     // radicals
        | 0x3000..=0x303F   // CJK symbols and punctuation
        | 0x3040..=0x30FF   // kana
        | 0x3100..=0x312F   // bopomofo
        | 0x3190..=0x31FF
        | 0x3400..=0x4DBF   // extension A
        | 0x4E00..=0x9FFF   // unified ideographs
        | 0xAC00..=0xD7AF   // hangul
        | 0xF900..=0xFAFF   // compatibility ideographs
        | 0xFE30..=0xFE4F   // compatibility forms
        | 0xFF00..=0xFFEF   // half- and full-width forms
        | 0x20000..=0x3FFFF // supplementary ideographs
    ) || matches!(c, '“' | '”' | '‘' | '’' | '…' | '—' | '·')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_cjk_lines_without_space() {
        assert_eq!(
            paragraphs("全市公安机关以\n习近平新时代"),
            ["全市公安机关以习近平新时代"]
        );
    }

    #[test]
    fn joins_latin_lines_with_one_space() {
        assert_eq!(
            paragraphs("  hello  \n world\n下降\n6.32%"),
            ["hello world 下降 6.32%"]
        );
    }

    #[test]
    fn blank_lines_separate_paragraphs() {
        assert_eq!(paragraphs("一\n\n\n二\n  \n三\n"), ["一", "二", "三"]);
        assert!(paragraphs("\n  \n").is_empty());
    }

    #[test]
    fn quotes_count_as_cjk_at_joins() {
        assert_eq!(
            paragraphs("实施“五五\n战略”，全力"),
            ["实施“五五战略”，全力"]
        );
    }
}
