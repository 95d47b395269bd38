//! The sentences of the 2023 source (tests/fixtures/seed-2023.txt) as the
//! program shows them, for tests that every one of them is in an output.

pub fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The source's sentences (and its heading lines) with the extraction's spaces removed.
pub fn seed_pieces() -> Vec<String> {
    let seed = std::fs::read_to_string("tests/fixtures/seed-2023.txt").unwrap();
    let mut pieces = Vec::new();
    let mut prose = String::new();
    for block in seed.split("\n\n") {
        let lines: Vec<&str> = block
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        if lines.iter().all(|l| !l.contains('，') && !l.contains('。')) {
            pieces.extend(lines.iter().map(|l| squeeze(l.trim_start_matches("——"))));
        } else {
            prose.push_str(&squeeze(block));
        }
    }
    let mut sentence = String::new();
    for c in prose.chars() {
        sentence.push(c);
        if c == '。' || c == '！' {
            pieces.push(std::mem::take(&mut sentence));
        }
    }
    assert!(sentence.is_empty(), "unfinished sentence {sentence:?}");
    // 一是发起反电诈专项攻坚。 is printed as the item heading （一）发起反电诈专项攻坚.
    pieces
        .into_iter()
        .map(|p| {
            let mut chars = p.chars();
            match (chars.next(), chars.next()) {
                (Some(n @ ('一' | '二' | '三' | '四')), Some('是')) => {
                    format!("（{n}）{}", chars.as_str().trim_end_matches('。'))
                }
                _ => p,
            }
        })
        .collect()
}
