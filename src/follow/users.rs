//! Users by name and number, from /etc/passwd: whose presentation a follower
//! sees, and which user `--from` names.

/// The user's name, else its number (a name with a control character is never shown).
pub(crate) fn name_of(uid: u32) -> String {
    entries()
        .into_iter()
        .find(|(_, u)| *u == uid)
        .map(|(name, _)| name)
        .filter(|name| !name.is_empty() && !name.chars().any(char::is_control))
        .unwrap_or_else(|| uid.to_string())
}

/// The uid of a user name, or of a number.
pub(crate) fn uid_of(user: &str) -> Option<u32> {
    entries()
        .into_iter()
        .find(|(name, _)| name == user)
        .map(|(_, uid)| uid)
        .or_else(|| user.parse().ok())
}

/// The user who runs this program.
pub(crate) fn me() -> u32 {
    crate::os::uid()
}

fn entries() -> Vec<(String, u32)> {
    let text = std::fs::read_to_string("/etc/passwd").unwrap_or_default();
    text.lines()
        .filter_map(|line| {
            let mut fields = line.split(':');
            let name = fields.next()?;
            let uid = fields.nth(1)?.parse().ok()?;
            Some((name.to_string(), uid))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_is_known_both_ways() {
        assert_eq!(uid_of("root"), Some(0));
        assert_eq!(name_of(0), "root");
        assert_eq!(uid_of("4000000"), Some(4_000_000));
        assert_eq!(name_of(4_000_000), "4000000");
        assert_eq!(uid_of("no such user here"), None);
    }
}
