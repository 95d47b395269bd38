//! The interactive reader.

use std::path::Path;

pub fn open(path: &Path) -> u8 {
    let _ = path;
    crate::commands::USAGE
}
