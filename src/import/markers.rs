//! The marks that number headings and points in Chinese official writing
//! (`一、` `（一）` `1.` `一是` `第一，`), and splitting a paragraph at its
//! points, each with the short heading that follows its mark.

/// A number written in Chinese (一 … 九十九) at the start of `s`: its value and length in bytes.
pub(super) fn cn_number(s: &str) -> Option<(u32, usize)> {
    const DIGITS: &str = "一二三四五六七八九";
    let digit = |c: char| DIGITS.chars().position(|d| d == c).map(|p| p as u32 + 1);
    let mut chars = s.char_indices().peekable();
    let (_, first) = chars.next()?;
    let mut end = first.len_utf8();
    let value = if first == '十' {
        match chars.peek().and_then(|&(_, c)| digit(c)) {
            Some(d) => {
                end += 3;
                10 + d
            }
            None => 10,
        }
    } else {
        let d = digit(first)?;
        match chars.peek() {
            Some(&(_, '十')) => {
                chars.next();
                end += 3;
                match chars.peek().and_then(|&(_, c)| digit(c)) {
                    Some(u) => {
                        end += 3;
                        d * 10 + u
                    }
                    None => d * 10,
                }
            }
            _ => d,
        }
    };
    Some((value, end))
}

/// How a point or heading is numbered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Family {
    /// 一、 (a top-level heading)
    Dun,
    /// （一）
    Paren,
    /// 1. 1、 （1）
    Arabic,
    /// 一是
    Shi,
    /// 第一，
    Di,
}

/// The mark at the start of `s`: its family, number, and length in bytes.
pub(super) fn marker(s: &str) -> Option<(Family, u32, usize)> {
    if let Some((n, len)) = cn_number(s) {
        let rest = &s[len..];
        if rest.starts_with('、') {
            return Some((Family::Dun, n, len + '、'.len_utf8()));
        }
        if rest.starts_with('是') {
            return Some((Family::Shi, n, len + '是'.len_utf8()));
        }
    }
    if let Some(rest) = s.strip_prefix('第')
        && let Some((n, len)) = cn_number(rest)
        && let Some(sep) = rest[len..].chars().next().filter(|c| "，,、".contains(*c))
    {
        return Some((Family::Di, n, 3 + len + sep.len_utf8()));
    }
    for (open, close) in [("（", "）"), ("(", ")")] {
        if let Some(rest) = s.strip_prefix(open) {
            if let Some((n, len)) = cn_number(rest)
                && rest[len..].starts_with(close)
            {
                return Some((Family::Paren, n, open.len() + len + close.len()));
            }
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            if (1..=2).contains(&digits) && rest[digits..].starts_with(close) {
                let n = rest[..digits].parse().ok()?;
                return Some((Family::Arabic, n, open.len() + digits + close.len()));
            }
        }
    }
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=2).contains(&digits) {
        let rest = &s[digits..];
        let sep = rest.chars().next()?;
        let after = rest[sep.len_utf8()..].chars().next();
        if ".、．".contains(sep) && after.is_some_and(|c| !c.is_ascii_digit()) {
            let n = s[..digits].parse().ok()?;
            let mut len = digits + sep.len_utf8();
            len += rest[sep.len_utf8()..].len() - rest[sep.len_utf8()..].trim_start().len();
            return Some((Family::Arabic, n, len));
        }
    }
    None
}

/// The heading rank of a line's mark: 1 for `一、`, 2 for `（一）`, 3 for `1.`.
pub(super) fn heading_rank(s: &str) -> Option<u8> {
    match marker(s)?.0 {
        Family::Dun => Some(1),
        Family::Paren => Some(2),
        Family::Arabic => Some(3),
        Family::Shi | Family::Di => None,
    }
}

/// Whether `s` starts with the mark of a point (一是, 第一，…).
pub(super) fn starts_item(s: &str) -> bool {
    matches!(marker(s), Some((Family::Shi | Family::Di, _, _)))
}

/// A point: the mark as written, its short heading (if it has one), the text after.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Point {
    pub family: Family,
    pub number: u32,
    pub mark: String,
    pub title: Option<String>,
    pub body: String,
}

/// The short heading after a mark: a first sentence of at most 30
/// characters without a comma. Returns it and the rest.
pub(super) fn short_heading(text: &str) -> (Option<String>, &str) {
    let end = text
        .char_indices()
        .find(|(_, c)| "。！？；!?;".contains(*c));
    let (head, rest) = match end {
        Some((i, c)) => (&text[..i], &text[i + c.len_utf8()..]),
        None => (text, ""),
    };
    let short = !head.is_empty()
        && head.chars().count() <= 30
        && !head.chars().any(|c| "，,：:".contains(c));
    if short {
        (Some(head.to_string()), rest)
    } else {
        (None, text)
    }
}

/// Split `para` at the points it numbers, continuing the count `next`
/// (the family and number a new point must have; `None`: any first point).
/// Returns the text before the first point and the points.
pub(super) fn split_points(para: &str, next: Option<(Family, u32)>) -> (String, Vec<Point>) {
    let mut starts: Vec<(usize, Family, u32, usize)> = Vec::new();
    let mut want = next;
    let mut at_sentence_start = true;
    for (i, c) in para.char_indices() {
        if at_sentence_start && let Some((family, n, len)) = marker(&para[i..]) {
            let fits = match want {
                Some((f, m)) => f == family && m == n,
                None => {
                    n == 1
                        && matches!(
                            family,
                            Family::Shi | Family::Di | Family::Paren | Family::Arabic
                        )
                }
            };
            // Marks other than 一是 count only at the start of a paragraph.
            if fits && (i == 0 || family == Family::Shi) {
                starts.push((i, family, n, len));
                want = Some((family, n + 1));
            }
        }
        at_sentence_start = "。！？；!?;：:".contains(c);
    }
    let Some(&(first, ..)) = starts.first() else {
        return (para.to_string(), Vec::new());
    };
    let mut points = Vec::new();
    for (k, &(i, family, number, len)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(para.len(), |s| s.0);
        let (title, body) = short_heading(&para[i + len..end]);
        points.push(Point {
            family,
            number,
            mark: para[i..i + len].to_string(),
            title,
            body: body.to_string(),
        });
    }
    (para[..first].to_string(), points)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numbers() {
        assert_eq!(cn_number("一是"), Some((1, 3)));
        assert_eq!(cn_number("十二、"), Some((12, 6)));
        assert_eq!(cn_number("二十、"), Some((20, 6)));
        assert_eq!(cn_number("是"), None);
    }

    #[test]
    fn marks() {
        assert_eq!(marker("一、总体").map(|m| m.0), Some(Family::Dun));
        assert_eq!(
            marker("（三）加强").map(|m| (m.0, m.1)),
            Some((Family::Paren, 3))
        );
        assert_eq!(marker("第二，").map(|m| (m.0, m.1)), Some((Family::Di, 2)));
        assert_eq!(
            marker("2. 加强").map(|m| (m.0, m.1, m.2)),
            Some((Family::Arabic, 2, 3))
        );
        assert_eq!(marker("2.5万"), None);
        assert_eq!(marker("2023年"), None);
        assert_eq!(marker("统一是"), None);
    }

    #[test]
    fn points_split_at_sentence_starts_in_order() {
        let (before, points) = split_points(
            "相继部署开展了多项打击行动。一是发起反电诈专项攻坚。针对电诈。二是发起六大会战专项攻坚。精准聚焦，统一是关键。",
            None,
        );
        assert_eq!(before, "相继部署开展了多项打击行动。");
        assert_eq!(points.len(), 2);
        assert_eq!(points[0].title.as_deref(), Some("发起反电诈专项攻坚"));
        assert_eq!(points[0].body, "针对电诈。");
        assert_eq!(points[1].body, "精准聚焦，统一是关键。");
    }

    #[test]
    fn a_long_first_sentence_is_no_heading() {
        let (_, points) = split_points("一是全市刑事案件破案数同比上升20.84%，抓获数上升。", None);
        assert_eq!(points[0].title, None);
        assert_eq!(
            points[0].body,
            "全市刑事案件破案数同比上升20.84%，抓获数上升。"
        );
    }
}
