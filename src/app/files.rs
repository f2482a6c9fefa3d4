//! The timeline's file: new, open, save, save as, recent files; the "unsaved changes?" guard in
//! front of anything that would drop them; unsaved work kept aside every half minute and offered
//! back after a crash; the window title with the file name and an unsaved marker.

use super::SightlineApp;
use crate::command::{Answer, Command, Pick};
use crate::core::document::{Document, FORMAT, VERSION};
use crate::core::persist::{self, Recovery};
use crate::core::pipeline::Reading;
use std::path::PathBuf;
use std::time::Duration;

/// How often unsaved work is kept aside.
const AUTOSAVE_EVERY: Duration = Duration::from_secs(30);
/// Recent files remembered.
const RECENT_MAX: usize = 8;

/// An action that would drop unsaved changes, waiting for the user's answer.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    /// Start an empty timeline.
    New,
    /// Open this saved timeline.
    Open(PathBuf),
    /// Ask for a saved timeline to open.
    Choose,
    /// Make a new timeline from these articles.
    OpenArticles(Vec<PathBuf>),
    /// Import this TimelineJS file as a new timeline.
    Import(PathBuf),
    /// Close the window.
    Close,
}

impl Pending {
    /// What the action is, for the question.
    pub fn describe(&self) -> String {
        match self {
            Pending::New => "starting a new timeline".into(),
            Pending::Open(path) => format!("opening {}", path.display()),
            Pending::Choose => "opening another timeline".into(),
            Pending::OpenArticles(_) => "making a timeline from other articles".into(),
            Pending::Import(path) => format!("importing {}", path.display()),
            Pending::Close => "closing".into(),
        }
    }
}

impl SightlineApp {
    /// Runs `action` now, or asks first when there are unsaved changes.
    pub(super) fn guard(&mut self, action: Pending) {
        if self.session.dirty {
            self.pending = Some(action);
        } else {
            self.perform(action);
        }
    }

    /// Runs an action, unsaved changes or not.
    pub(super) fn perform(&mut self, action: Pending) {
        match action {
            Pending::New => {
                let empty = Document {
                    format: FORMAT.into(),
                    version: VERSION,
                    title: "Untitled timeline".into(),
                    articles: Vec::new(),
                    events: Vec::new(),
                    dismissed: Vec::new(),
                    story: Vec::new(),
                };
                self.replace_document(Reading {
                    document: empty,
                    analyses: Vec::new(),
                });
                self.session.file = None;
                self.discard_recovery();
            }
            Pending::Open(path) => match persist::open_with_warnings(&path) {
                Ok((document, warnings)) => {
                    let analyses = crate::core::pipeline::analyse(&document.articles);
                    self.replace_document(Reading { document, analyses });
                    self.notice = (!warnings.is_empty())
                        .then(|| format!("Opened {}: {}.", path.display(), warnings.join("; ")));
                    self.remember(path.clone());
                    self.session.file = Some(path);
                    self.discard_recovery();
                }
                // The open timeline stays as it was.
                Err(why) => self.notice = Some(format!("Could not open: {why}.")),
            },
            Pending::Choose => self.apply(Command::Choose(Pick::Timeline)),
            Pending::OpenArticles(paths) => self.start_job(paths, false),
            Pending::Import(path) => {
                let read = std::fs::read_to_string(&path)
                    .map_err(|e| e.to_string())
                    .and_then(|text| {
                        crate::core::export::import_timelinejs(&text).map_err(|e| e.to_string())
                    });
                match read {
                    Ok((document, notes)) => {
                        let analyses = crate::core::pipeline::analyse(&document.articles);
                        self.replace_document(Reading { document, analyses });
                        self.session.file = None;
                        self.notice = Some(format!(
                            "Imported {} ({} events){}",
                            path.display(),
                            self.session.document().events.len(),
                            if notes.is_empty() {
                                ".".to_string()
                            } else {
                                format!("; {}.", notes.join("; "))
                            }
                        ));
                    }
                    Err(why) => {
                        self.notice = Some(format!("Could not import {}: {why}.", path.display()));
                    }
                }
            }
            Pending::Close => {
                self.close_confirmed = true;
                self.discard_recovery();
                self.close_requested = true;
            }
        }
    }

    /// Applies the answer to "save the unsaved changes?".
    pub(super) fn answer(&mut self, answer: Answer) {
        let Some(pending) = self.pending.take() else {
            return;
        };
        match answer {
            Answer::Cancel => {}
            Answer::Discard => self.perform(pending),
            Answer::Save => {
                self.save();
                if self.session.dirty {
                    // Not saved yet (the Save As dialog is open, or saving failed): still asking.
                    self.pending = Some(pending);
                } else {
                    self.perform(pending);
                }
            }
        }
    }

    /// Saves to the timeline's file, or asks where when it has none.
    pub(super) fn save(&mut self) {
        match self.session.file.clone() {
            Some(path) => self.save_as(path),
            None => self.apply(Command::Choose(Pick::SaveTimeline)),
        }
    }

    /// Saves to `path` (atomically, the previous version kept as a backup); it becomes the
    /// timeline's file. A failed save says why and changes nothing.
    pub(super) fn save_as(&mut self, path: PathBuf) {
        match persist::save(self.session.document(), &path) {
            Ok(()) => {
                self.session.dirty = false;
                self.notice = Some(format!("Saved {}.", path.display()));
                self.remember(path.clone());
                self.session.file = Some(path);
                self.discard_recovery();
                if let Some(pending) = self.pending.take() {
                    self.perform(pending);
                }
            }
            Err(why) => self.notice = Some(format!("Not saved: {why}. Nothing was lost.")),
        }
    }

    /// Puts `path` first among the recent files.
    fn remember(&mut self, path: PathBuf) {
        self.recent.retain(|p| *p != path);
        self.recent.insert(0, path);
        self.recent.truncate(RECENT_MAX);
    }

    /// Keeps unsaved work aside now (in the recovery file, when the app has one); `now` is the
    /// app's clock in seconds.
    pub fn autosave_now(&mut self, now: f64) {
        // Try again at the next interval after a failure too, not every frame.
        self.last_autosave = Some(now);
        let Some(file) = &self.recovery_file else {
            return;
        };
        let recovery = Recovery {
            path: self.session.file.clone(),
            at: super::now(),
            document: self.session.document().clone(),
        };
        if let Err(why) = persist::write_recovery(&recovery, file) {
            self.notice = Some(format!(
                "Could not keep unsaved work aside in {}: {why}",
                file.display()
            ));
        }
    }

    /// Keeps unsaved work aside once it has been unsaved for [`AUTOSAVE_EVERY`] (`now` is the
    /// app's clock in seconds). Returns how long until the next keeping is due, so that the
    /// window wakes up for it even when the user does nothing.
    pub(super) fn autosave_if_due(&mut self, now: f64) -> Option<Duration> {
        if !self.session.dirty {
            self.last_autosave = None;
            return None;
        }
        let every = AUTOSAVE_EVERY.as_secs_f64();
        match self.last_autosave {
            None => self.last_autosave = Some(now),
            Some(at) if now - at >= every => self.autosave_now(now),
            Some(_) => {}
        }
        let since = now - self.last_autosave.unwrap_or(now);
        Some(Duration::from_secs_f64((every - since).clamp(0.0, every)))
    }

    /// Removes the recovery file: the work it kept is saved or was discarded.
    fn discard_recovery(&mut self) {
        if let Some(file) = &self.recovery_file {
            let _ = std::fs::remove_file(file);
        }
        self.last_autosave = None;
    }

    /// Restores the unsaved work a previous run left (or throws it away).
    pub(super) fn restore_recovery(&mut self, restore: bool) {
        let Some(recovery) = self.recovery_offer.take() else {
            return;
        };
        if restore {
            let analyses = crate::core::pipeline::analyse(&recovery.document.articles);
            self.replace_document(Reading {
                document: recovery.document,
                analyses,
            });
            self.session.file = recovery.path;
            self.session.dirty = true;
            self.notice = Some(format!("Restored unsaved work from {}.", recovery.at));
        } else {
            self.discard_recovery();
        }
    }

    /// The window title (file name and unsaved marker), and the close button's guard.
    pub(super) fn update_window(&mut self, ctx: &egui::Context) {
        let name = self.session.file.as_ref().map_or_else(
            || self.session.document().title.clone(),
            |p| {
                p.file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
            },
        );
        let title = format!(
            "{name}{} - Sightline",
            if self.session.dirty { " *" } else { "" }
        );
        if title != self.window_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
        if ctx.input(|i| i.viewport().close_requested())
            && self.session.dirty
            && !self.close_confirmed
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.pending = Some(Pending::Close);
        }
        if self.close_requested {
            self.close_requested = false;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    /// The title the window shows.
    pub fn window_title(&self) -> &str {
        &self.window_title
    }
}
