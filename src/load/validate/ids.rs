//! The ids seen so far in a file, with where each was first used:
//! every id once, in one string, found through a table of offsets (a file of
//! 40 000 sections holds a few hundred KiB here, not a map of strings).

use std::hash::{BuildHasher, RandomState};

use hashbrown::HashTable;

/// Where an id is in `Ids::text`, and the offset of its first use in the file.
struct Entry {
    start: u32,
    len: u32,
    first: u32,
}

#[derive(Default)]
pub(super) struct Ids {
    text: String,
    table: HashTable<Entry>,
    hasher: RandomState,
}

impl Ids {
    /// The offset of the first use of `id`; `None` when it is new, and
    /// then it is remembered as used first at `at`.
    pub(super) fn first_use(&mut self, id: &str, at: usize) -> Option<usize> {
        let hash = self.hasher.hash_one(id);
        let text = &self.text;
        let same = |e: &Entry| &text[e.start as usize..(e.start + e.len) as usize] == id;
        if let Some(e) = self.table.find(hash, same) {
            return Some(e.first as usize);
        }
        // A briefing is at most 8 MiB: its ids and lines fit in `u32`.
        let (Ok(start), Ok(len)) = (u32::try_from(self.text.len()), u32::try_from(id.len())) else {
            return None;
        };
        self.text.push_str(id);
        let entry = Entry {
            start,
            len,
            first: u32::try_from(at).unwrap_or(u32::MAX),
        };
        let (text, hasher) = (&self.text, &self.hasher);
        self.table.insert_unique(hash, entry, |e| {
            hasher.hash_one(&text[e.start as usize..(e.start + e.len) as usize])
        });
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_id_is_new_once_and_then_names_where_it_was_first_used() {
        let mut ids = Ids::default();
        let names: Vec<String> = (0..5000).map(|i| format!("id-{i}")).collect();
        for (i, name) in names.iter().enumerate() {
            assert_eq!(ids.first_use(name, i + 1), None);
        }
        for (i, name) in names.iter().enumerate().rev() {
            assert_eq!(ids.first_use(name, 99_999), Some(i + 1));
        }
        assert_eq!(ids.first_use("id-", 7), None);
        assert_eq!(ids.first_use("", 8), None);
        assert_eq!(ids.first_use("", 9), Some(8));
    }
}
