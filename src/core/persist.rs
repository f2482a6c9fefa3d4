//! Saving and opening timeline files, so that nothing is lost. A save writes the new version
//! beside the file, flushes it to disk, keeps the previous version as `NAME.bak`, and only then
//! renames the new one over the old: a crash or a full disk at any step leaves a loadable file.
//! Opening names the file and the problem, and never returns a half-read document.

use crate::core::document::{Document, LoadError};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Why a timeline could not be saved.
#[derive(Debug, thiserror::Error)]
#[error("cannot save {path}: {step} failed: {source}")]
pub struct SaveError {
    /// The file being saved.
    pub path: PathBuf,
    /// The step that failed (writing, flushing, keeping the backup, replacing the file).
    pub step: &'static str,
    /// The system's reason.
    #[source]
    pub source: std::io::Error,
}

/// Why a timeline could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// The file could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The system's reason.
        #[source]
        source: std::io::Error,
    },
    /// The file is not a timeline this build can open.
    #[error("{path} is {source}")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        #[source]
        source: LoadError,
    },
}

/// The file operations a save makes, so that tests can make each of them fail.
pub trait Disk {
    /// Creates or truncates `path`, writes `bytes` and flushes them to the disk.
    fn write_synced(&mut self, path: &Path, bytes: &[u8]) -> std::io::Result<()>;
    /// Copies `from` to `to` (the backup).
    fn copy(&mut self, from: &Path, to: &Path) -> std::io::Result<()>;
    /// Renames `from` over `to` (atomic on one file system).
    fn rename(&mut self, from: &Path, to: &Path) -> std::io::Result<()>;
}

/// The real file system.
pub struct RealDisk;

impl Disk for RealDisk {
    fn write_synced(&mut self, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        let mut file = std::fs::File::create(path)?;
        file.write_all(bytes)?;
        file.flush()?;
        file.sync_all()
    }

    fn copy(&mut self, from: &Path, to: &Path) -> std::io::Result<()> {
        std::fs::copy(from, to).map(|_| ())
    }

    fn rename(&mut self, from: &Path, to: &Path) -> std::io::Result<()> {
        std::fs::rename(from, to)
    }
}

/// `path` with `suffix` added to its file name ("t.json" → "t.json.bak").
pub fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    path.with_file_name(name)
}

/// Writes `bytes` to `path` atomically: beside it first, flushed, then renamed into place (no
/// backup kept; for exports and command-line output).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let fresh = sibling(path, ".saving");
    if let Err(e) = RealDisk.write_synced(&fresh, bytes) {
        let _ = std::fs::remove_file(&fresh);
        return Err(e);
    }
    std::fs::rename(&fresh, path)
}

/// Checks that a file can be written at `path` before anything is written: its folder exists
/// and takes a new file (tried with a probe file, removed at once), and `path` is not a folder.
/// The error names the place and the reason.
pub fn check_writable(path: &Path) -> Result<(), String> {
    if path.is_dir() {
        return Err(format!("{} is a folder", path.display()));
    }
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !folder.is_dir() {
        return Err(format!("the folder {} does not exist", folder.display()));
    }
    let probe = folder.join(format!(".sightline-write-check-{}", std::process::id()));
    match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&probe)
    {
        Ok(_) => {
            let _ = std::fs::remove_file(&probe);
            Ok(())
        }
        Err(e) => Err(format!("cannot write in {}: {e}", folder.display())),
    }
}

/// Saves `doc` to `path` atomically, keeping the previous version as `path.bak`.
pub fn save(doc: &Document, path: &Path) -> Result<(), SaveError> {
    save_with(&mut RealDisk, doc, path)
}

/// [`save`] through the given file operations.
pub fn save_with(disk: &mut impl Disk, doc: &Document, path: &Path) -> Result<(), SaveError> {
    let fail = |step: &'static str| {
        move |source| SaveError {
            path: path.to_path_buf(),
            step,
            source,
        }
    };
    let json =
        serde_json::to_vec_pretty(doc).map_err(|e| fail("encoding")(std::io::Error::other(e)))?;
    let fresh = sibling(path, ".saving");
    if let Err(e) = disk.write_synced(&fresh, &json) {
        let _ = std::fs::remove_file(&fresh);
        return Err(fail("writing")(e));
    }
    if path.exists() {
        disk.copy(path, &sibling(path, ".bak"))
            .map_err(fail("keeping the backup"))?;
    }
    disk.rename(&fresh, path)
        .map_err(fail("replacing the file"))?;
    Ok(())
}

/// Opens a saved timeline.
pub fn open(path: &Path) -> Result<Document, OpenError> {
    open_with_warnings(path).map(|(doc, _)| doc)
}

/// Opens a saved timeline, repairing what can be repaired without loss and saying what.
pub fn open_with_warnings(path: &Path) -> Result<(Document, Vec<String>), OpenError> {
    let bytes = std::fs::read(path).map_err(|source| OpenError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let invalid = |source| OpenError::Invalid {
        path: path.to_path_buf(),
        source,
    };
    let text =
        String::from_utf8(bytes).map_err(|_| invalid(LoadError::Json("not UTF-8 text".into())))?;
    Document::from_json_with_warnings(&text).map_err(invalid)
}

/// Whether the file at `path` looks like a saved timeline (rather than articles).
pub fn is_timeline(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 512];
    let read = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .unwrap_or(0);
    let head = String::from_utf8_lossy(&head[..read]);
    head.trim_start().starts_with('{') && head.contains(crate::core::document::FORMAT)
}

/// Unsaved work kept aside while the app runs, restored after a crash.
#[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Recovery {
    /// The file the work belongs to, if it was saved before.
    pub path: Option<PathBuf>,
    /// When it was written (RFC 3339).
    pub at: String,
    /// The document with the unsaved changes.
    pub document: Document,
}

/// Writes the recovery file atomically.
pub fn write_recovery(recovery: &Recovery, file: &Path) -> std::io::Result<()> {
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let json = serde_json::to_vec(recovery).map_err(std::io::Error::other)?;
    write_atomic(file, &json)
}

/// Reads a recovery file, if there is a valid one.
pub fn read_recovery(file: &Path) -> Option<Recovery> {
    let text = std::fs::read_to_string(file).ok()?;
    let recovery: Recovery = serde_json::from_str(&text).ok()?;
    recovery.document.validate().ok()?;
    Some(recovery)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writable_places_are_checked_before_writing() {
        let dir = std::env::temp_dir().join(format!("sightline-check-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("scratch folder");
        assert_eq!(check_writable(&dir.join("t.json")), Ok(()));
        assert_eq!(
            std::fs::read_dir(&dir).expect("listed").count(),
            0,
            "the probe file is removed"
        );
        let folder = check_writable(&dir).expect_err("a folder is not a file");
        assert!(folder.contains("is a folder"), "{folder}");
        let missing = check_writable(&dir.join("gone").join("t.json")).expect_err("no folder");
        assert!(
            missing.contains("does not exist") && missing.contains("gone"),
            "{missing}"
        );
        std::fs::remove_dir_all(&dir).expect("cleaned");
    }

    #[test]
    fn sibling_names_add_a_suffix() {
        assert_eq!(
            sibling(Path::new("/a/t.json"), ".bak"),
            PathBuf::from("/a/t.json.bak")
        );
    }
}
