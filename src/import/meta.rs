//! The organisation and the period of a summary: from its title or
//! subtitle (`西宁市公安局2023年工作综述` → 西宁市公安局, 2023; `上半年` → H1,
//! `第三季度` → Q3, `5月` → 05), else the year the text names most.

use super::markers;
use super::{Para, Review};
use crate::i18n::{subst, t};

/// How the names of organisations end.
const ORG_ENDS: &[&str] = &[
    "局",
    "厅",
    "部",
    "委",
    "办",
    "院",
    "所",
    "队",
    "处",
    "署",
    "站",
    "中心",
    "政府",
    "公司",
    "集团",
    "委员会",
    "大学",
    "学校",
    "医院",
    "机关",
    "法院",
    "检察院",
];

/// The organisation and period, from the title (else the text).
pub(super) fn org_period(
    heads: &[&str],
    paras: &[Para],
    review: &mut Vec<Review>,
) -> (String, String) {
    let mut org = None;
    let mut period = None;
    for head in heads {
        for (i, _) in head.match_indices('年') {
            let digits: String = head[..i]
                .chars()
                .rev()
                .take_while(char::is_ascii_digit)
                .collect();
            if digits.len() != 4 {
                continue;
            }
            let year: String = digits.chars().rev().collect();
            let before = head[..i - 4].trim_start_matches(['—', '-', ' ']);
            if org.is_none()
                && before.chars().count() <= 30
                && ORG_ENDS.iter().any(|e| before.ends_with(e))
            {
                org = Some(before.to_string());
            }
            period.get_or_insert_with(|| year.clone() + &period_part(&head[i + '年'.len_utf8()..]));
        }
    }
    let period = period.unwrap_or_else(|| {
        let year = most_common_year(paras).unwrap_or_else(this_year);
        review.push(Review {
            line: 0,
            message: subst(t("imp.period_guessed"), &[&year]),
        });
        year
    });
    let org = org.or_else(|| org_in_text(paras)).unwrap_or_else(|| {
        review.push(Review {
            line: 0,
            message: t("imp.no_org").to_string(),
        });
        t("imp.org_placeholder").to_string()
    });
    (org, period)
}

/// An organisation named at the start of a clause of the first paragraphs
/// (`西宁市公安局召开…`): a run of CJK characters with a place in it, ending
/// in one of `ORG_ENDS`, not a collective (`全市公安机关`, `各级…`).
fn org_in_text(paras: &[Para]) -> Option<String> {
    let places = ['省', '市', '县', '区', '州', '盟', '旗'];
    for p in paras.iter().filter(|p| p.role == super::Role::Body).take(3) {
        for clause in
            p.lines[0].split(|c: char| !crate::model::is_cjk(c) || "，。；：！？、“”".contains(c))
        {
            for end in ORG_ENDS {
                let Some(i) = clause.find(end) else { continue };
                let name = &clause[..i + end.len()];
                let n = name.chars().count();
                if (4..=16).contains(&n)
                    && name.contains(places)
                    && !name.starts_with(['全', '各', '本', '我'])
                {
                    return Some(name.to_string());
                }
            }
        }
    }
    None
}

/// `上半年` → `-H1`, `第三季度` → `-Q3`, `5月` → `-05`, else nothing.
fn period_part(after: &str) -> String {
    if after.starts_with("上半年") {
        return "-H1".into();
    }
    if after.starts_with("下半年") {
        return "-H2".into();
    }
    let q = after.strip_prefix('第').unwrap_or(after);
    if let Some((n, len)) = markers::cn_number(q)
        && q[len..].starts_with("季度")
        && (1..=4).contains(&n)
    {
        return format!("-Q{n}");
    }
    let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
    match digits.parse::<u32>() {
        Ok(m @ 1..=12) if after[digits.len()..].starts_with('月') => format!("-{m:02}"),
        _ => String::new(),
    }
}

fn most_common_year(paras: &[Para]) -> Option<String> {
    let mut counts: std::collections::BTreeMap<String, usize> = Default::default();
    for p in paras {
        for line in &p.lines {
            for (i, _) in line.match_indices('年') {
                let d: String = line[..i]
                    .chars()
                    .rev()
                    .take_while(char::is_ascii_digit)
                    .collect();
                if d.len() == 4 {
                    *counts.entry(d.chars().rev().collect()).or_default() += 1;
                }
            }
        }
    }
    counts
        .into_iter()
        .max_by_key(|(y, n)| (*n, std::cmp::Reverse(y.clone())))
        .map(|(y, _)| y)
}

fn this_year() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    // Days to a civil year (Howard Hinnant's algorithm, years only).
    let days = (secs / 86_400) as i64 + 719_468;
    let era = days.div_euclid(146_097);
    let doe = days - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let year = yoe + era * 400 + i64::from(mp >= 10);
    year.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(text: &str) -> Para {
        Para {
            lines: vec![text.to_string()],
            role: super::super::Role::Body,
            line: 1,
            numbered: false,
        }
    }

    #[test]
    fn the_organisation_and_period_come_from_the_title_first() {
        let mut review = Vec::new();
        let got = org_period(&["——西宁市公安局2023年工作综述"], &[], &mut review);
        assert_eq!(got, ("西宁市公安局".to_string(), "2023".to_string()));
        let got = org_period(&["东湖市公安局2024年第三季度通报"], &[], &mut review);
        assert_eq!(got.1, "2024-Q3");
        assert!(review.is_empty());
    }

    #[test]
    fn else_from_the_text() {
        let mut review = Vec::new();
        let paras = [body(
            "2023年，全市公安机关以……为指导。西宁市公安局召开会议，2023年工作。",
        )];
        let got = org_period(&["坚持守正创新"], &paras, &mut review);
        assert_eq!(got, ("西宁市公安局".to_string(), "2023".to_string()));
        assert_eq!(
            review.len(),
            1,
            "the period from the text is listed for review"
        );
        let paras = [body("全市公安机关坚持稳中求进。")];
        let (org, _) = org_period(&["工作总结"], &paras, &mut review);
        assert_eq!(org, t("imp.org_placeholder"));
    }
}
