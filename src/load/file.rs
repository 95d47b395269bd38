//! Reading a briefing file safely: regular files only, at most 8 MiB, UTF-8,
//! never blocking on a FIFO or a device and never reading more than the cap.

use std::fs::{File, OpenOptions};
use std::io::Read;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

use crate::i18n::{subst, t};

/// The largest briefing file the program reads.
pub(crate) const MAX_BYTES: u64 = 8 * 1024 * 1024;

/// Why a file could not be read as briefing text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum FileError {
    Io(String),
    /// What the file is instead (an id in `i18n`).
    NotRegular(&'static str),
    TooLarge {
        size: u64,
    },
    Empty,
    /// The line and column (1-based, in characters) of the first byte that is not UTF-8.
    NotUtf8 {
        line: usize,
        col: usize,
        byte: u8,
    },
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self {
            FileError::Io(e) => subst(t("d.cannot_read"), &[e]),
            FileError::NotRegular(kind) => subst(t("d.not_regular"), &[t(kind)]),
            FileError::TooLarge { size } => subst(
                t("d.too_large"),
                &[&size.to_string(), &MAX_BYTES.to_string()],
            ),
            FileError::Empty => t("d.file_empty").to_string(),
            FileError::NotUtf8 { byte, .. } => subst(t("d.not_utf8"), &[&format!("{byte:02X}")]),
        })
    }
}

impl std::error::Error for FileError {}

fn kind_name(ft: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if ft.is_dir() {
        "d.a_directory"
    } else if ft.is_fifo() {
        "d.a_fifo"
    } else if ft.is_char_device() {
        "d.a_char_device"
    } else if ft.is_block_device() {
        "d.a_block_device"
    } else if ft.is_socket() {
        "d.a_socket"
    } else {
        "d.not_plain"
    }
}

/// Read `path` as briefing text, within the limits of the format.
pub(crate) fn read(path: &Path) -> Result<String, FileError> {
    // Look before opening: opening a FIFO for reading would block.
    let meta = std::fs::metadata(path).map_err(|e| FileError::Io(e.to_string()))?;
    if !meta.file_type().is_file() {
        return Err(FileError::NotRegular(kind_name(&meta.file_type())));
    }
    // O_NONBLOCK: if the path was swapped for a FIFO in between, open does not hang.
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
        .map_err(|e| FileError::Io(e.to_string()))?;
    read_open(file)
}

fn read_open(file: File) -> Result<String, FileError> {
    let meta = file.metadata().map_err(|e| FileError::Io(e.to_string()))?;
    if !meta.file_type().is_file() {
        return Err(FileError::NotRegular(kind_name(&meta.file_type())));
    }
    if meta.len() > MAX_BYTES {
        return Err(FileError::TooLarge { size: meta.len() });
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| FileError::Io(e.to_string()))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(FileError::TooLarge {
            size: bytes.len() as u64,
        });
    }
    decode(bytes)
}

/// Check the bytes are non-empty UTF-8 text.
pub(crate) fn decode(bytes: Vec<u8>) -> Result<String, FileError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(FileError::Empty);
    }
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        // The prefix is valid UTF-8 by definition.
        let valid = std::str::from_utf8(&bytes[..offset]).unwrap_or_default();
        let (line, col) = super::diagnostic::line_col(valid, offset);
        FileError::NotUtf8 {
            line,
            col,
            byte: bytes[offset],
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_blank_are_empty() {
        assert_eq!(decode(vec![]), Err(FileError::Empty));
        assert_eq!(decode(b" \n\t\n".to_vec()), Err(FileError::Empty));
    }

    #[test]
    fn invalid_utf8_names_the_offset() {
        assert_eq!(
            decode(b"ab\n\xffc".to_vec()),
            Err(FileError::NotUtf8 {
                line: 2,
                col: 1,
                byte: 0xff
            })
        );
    }

    #[test]
    fn directories_and_devices_are_refused_without_reading() {
        assert!(matches!(
            read(Path::new("/")),
            Err(FileError::NotRegular("d.a_directory"))
        ));
        assert!(matches!(
            read(Path::new("/dev/zero")),
            Err(FileError::NotRegular(_))
        ));
    }
}
