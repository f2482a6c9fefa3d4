//! File dialogs. The system's (rfd) runs on a worker thread, since it blocks its thread until the
//! user answers. Where none can open (no desktop portal and no zenity, as on many Linux desktops
//! and every headless box) Sightline's own dialog (`egui_file`) is drawn in the window instead, so
//! opening, saving, importing and exporting work everywhere.

use crate::command::Pick;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

impl Pick {
    /// The dialog's title.
    fn title(self) -> &'static str {
        match self {
            Pick::Articles => "Open articles",
            Pick::AddArticles => "Add articles",
            Pick::Folder => "Open a folder of articles",
            Pick::Timeline => "Open timeline",
            Pick::SaveTimeline => "Save timeline as",
            Pick::Export(_) => "Export",
            Pick::ImportTimelineJs => "Import TimelineJS",
        }
    }

    /// The file name offered when saving; none when opening.
    pub fn file_name(self) -> Option<String> {
        match self {
            Pick::SaveTimeline => Some("timeline.json".into()),
            Pick::Export(format) => Some(format!("timeline.{}", format.extension())),
            _ => None,
        }
    }

    /// Whether the pick writes a file (so an existing one is replaced).
    pub fn writes(self) -> bool {
        self.file_name().is_some()
    }

    /// The extensions of the files offered (empty: folders only).
    fn extensions(self) -> Vec<&'static str> {
        match self {
            Pick::Articles | Pick::AddArticles => crate::core::ingest::Format::EXTENSIONS
                .iter()
                .map(|(e, _)| *e)
                .collect(),
            Pick::Folder => Vec::new(),
            Pick::Timeline | Pick::SaveTimeline | Pick::ImportTimelineJs => vec!["json"],
            Pick::Export(format) => vec![format.extension()],
        }
    }
}

/// Whether a system file dialog can open here: a D-Bus session for the desktop portal, or
/// zenity.
pub fn available() -> bool {
    std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some_and(|v| !v.is_empty())
        || std::env::var_os("PATH").is_some_and(|path| {
            std::env::split_paths(&path).any(|dir| dir.join("zenity").is_file())
        })
}

/// An open dialog.
pub struct Dialog {
    /// What it picks.
    pub pick: Pick,
    kind: Kind,
}

/// The system's dialog or Sightline's own.
enum Kind {
    /// The system's, answering through a channel from its thread; when it was opened.
    Native(Receiver<Option<Vec<PathBuf>>>, std::time::Instant),
    /// Sightline's own, drawn in the window.
    InApp(Box<egui_file::FileDialog>),
}

/// A system dialog that answers faster than this never showed itself.
const NATIVE_FAILED_WITHIN: std::time::Duration = std::time::Duration::from_millis(400);

impl Dialog {
    /// Opens the system's dialog on a worker thread, in `folder` when given, offering `name`
    /// when saving.
    pub fn native(pick: Pick, folder: Option<&Path>, name: Option<String>) -> Self {
        let (sender, receiver) = channel();
        let folder = folder.map(Path::to_path_buf);
        std::thread::spawn(move || {
            let mut dialog = rfd::FileDialog::new().set_title(pick.title());
            if let Some(folder) = folder {
                dialog = dialog.set_directory(folder);
            }
            let extensions = pick.extensions();
            if !extensions.is_empty() {
                dialog = dialog.add_filter(pick.title(), &extensions);
            }
            if let Some(name) = name {
                dialog = dialog.set_file_name(name);
            }
            let chosen = match pick {
                Pick::Articles | Pick::AddArticles => dialog.pick_files(),
                Pick::Folder => dialog.pick_folder().map(|p| vec![p]),
                Pick::Timeline | Pick::ImportTimelineJs => dialog.pick_file().map(|p| vec![p]),
                Pick::SaveTimeline | Pick::Export(_) => dialog.save_file().map(|p| vec![p]),
            };
            // The app may have closed meanwhile; nobody to tell then.
            let _ = sender.send(chosen);
        });
        Self {
            pick,
            kind: Kind::Native(receiver, std::time::Instant::now()),
        }
    }

    /// Opens Sightline's own dialog in the window, in `folder` when given (else the working
    /// folder), offering `name` when saving.
    pub fn in_app(pick: Pick, folder: Option<&Path>, name: Option<String>) -> Self {
        let mut dialog = match pick {
            Pick::Folder => egui_file::FileDialog::select_folder(),
            Pick::SaveTimeline | Pick::Export(_) => egui_file::FileDialog::save_file(),
            Pick::Articles | Pick::AddArticles => {
                egui_file::FileDialog::open_file().multi_select(true)
            }
            Pick::Timeline | Pick::ImportTimelineJs => egui_file::FileDialog::open_file(),
        }
        .title(pick.title())
        .id(egui::Id::unique("sightline file dialog"))
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .default_size(egui::vec2(640.0, 460.0))
        .keep_on_top(true);
        if let Some(folder) = folder.filter(|f| f.is_dir()) {
            dialog = dialog.initial_path(folder);
        }
        if let Some(name) = name {
            dialog = dialog.default_filename(name);
        }
        let extensions = pick.extensions();
        if !extensions.is_empty() {
            dialog = dialog.show_files_filter(Box::new(move |path: &Path| {
                path.extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| extensions.iter().any(|x| x.eq_ignore_ascii_case(e)))
            }));
        }
        dialog.open();
        Self {
            pick,
            kind: Kind::InApp(Box::new(dialog)),
        }
    }

    /// Whether this is the system's dialog.
    pub fn is_native(&self) -> bool {
        matches!(self.kind, Kind::Native(..))
    }

    /// Draws Sightline's own dialog (the system's draws itself).
    pub fn show(&mut self, ctx: &egui::Context) {
        if let Kind::InApp(dialog) = &mut self.kind
            && dialog.state() == egui_file::State::Open
        {
            dialog.show(ctx);
        }
    }

    /// The answer, once the user gave it: `Some(None)` when they cancelled.
    pub fn poll(&self) -> Option<Option<Vec<PathBuf>>> {
        match &self.kind {
            Kind::Native(receiver, _) => match receiver.try_recv() {
                Ok(chosen) => Some(chosen),
                Err(TryRecvError::Empty) => None,
                Err(TryRecvError::Disconnected) => Some(None),
            },
            Kind::InApp(dialog) => match dialog.state() {
                egui_file::State::Open => None,
                egui_file::State::Selected => {
                    let chosen: Vec<PathBuf> = if dialog.has_multi_select() {
                        dialog
                            .selection()
                            .into_iter()
                            .map(Path::to_path_buf)
                            .collect()
                    } else {
                        dialog.path().map(Path::to_path_buf).into_iter().collect()
                    };
                    Some(Some(chosen))
                }
                egui_file::State::Cancelled | egui_file::State::Closed => Some(None),
            },
        }
    }

    /// Whether the system's dialog gave up at once (it could not open), as opposed to a user
    /// who cancelled.
    pub fn failed_at_once(&self) -> bool {
        matches!(&self.kind, Kind::Native(_, at) if at.elapsed() < NATIVE_FAILED_WITHIN)
    }
}
