//! The system file dialog (rfd) on a worker thread: it blocks its thread until the user answers,
//! so the window keeps drawing meanwhile. Where no dialog can open (no desktop portal and no
//! zenity), the app says so and the user types a path instead.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// What the user wants to pick.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pick {
    /// Article files (several) for a new timeline.
    Articles,
    /// Article files (several) to add to the open timeline.
    AddArticles,
    /// A folder of articles.
    Folder,
    /// A saved timeline to open.
    Timeline,
    /// Where to save the timeline.
    SaveTimeline,
    /// Where to write an export.
    Export(crate::core::export::Format),
    /// A TimelineJS file to import.
    ImportTimelineJs,
}

/// An open dialog.
pub struct Dialog {
    /// What it picks.
    pub pick: Pick,
    receiver: Receiver<Option<Vec<PathBuf>>>,
}

/// Whether a file dialog can open here: a D-Bus session for the desktop portal, or zenity.
pub fn available() -> bool {
    std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some_and(|v| !v.is_empty())
        || std::env::var_os("PATH").is_some_and(|path| {
            std::env::split_paths(&path).any(|dir| dir.join("zenity").is_file())
        })
}

impl Dialog {
    /// Opens the dialog on a worker thread.
    pub fn open(pick: Pick) -> Self {
        let (sender, receiver) = channel();
        std::thread::spawn(move || {
            let dialog = rfd::FileDialog::new();
            let chosen = match pick {
                Pick::Articles | Pick::AddArticles => dialog
                    .set_title("Open articles")
                    .add_filter("Articles", &["txt", "md", "html", "htm", "json", "jsonl"])
                    .pick_files(),
                Pick::Folder => dialog
                    .set_title("Open a folder of articles")
                    .pick_folder()
                    .map(|p| vec![p]),
                Pick::Timeline => dialog
                    .set_title("Open timeline")
                    .add_filter("Sightline timeline", &["json"])
                    .pick_file()
                    .map(|p| vec![p]),
                Pick::Export(format) => dialog
                    .set_title("Export")
                    .add_filter(format.name(), &[format.extension()])
                    .set_file_name(format!("timeline.{}", format.extension()))
                    .save_file()
                    .map(|p| vec![p]),
                Pick::ImportTimelineJs => dialog
                    .set_title("Import TimelineJS")
                    .add_filter("TimelineJS JSON", &["json"])
                    .pick_file()
                    .map(|p| vec![p]),
                Pick::SaveTimeline => dialog
                    .set_title("Save timeline as")
                    .add_filter("Sightline timeline", &["json"])
                    .set_file_name("timeline.json")
                    .save_file()
                    .map(|p| vec![p]),
            };
            // The app may have closed meanwhile; nobody to tell then.
            let _ = sender.send(chosen);
        });
        Self { pick, receiver }
    }

    /// The answer, once the user gave it: `Some(None)` when they cancelled.
    pub fn poll(&self) -> Option<Option<Vec<PathBuf>>> {
        match self.receiver.try_recv() {
            Ok(chosen) => Some(chosen),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(None),
        }
    }
}
