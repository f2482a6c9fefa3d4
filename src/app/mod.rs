//! The desktop app: holds the timeline document, its file and undo history, and the selection;
//! draws the panels, and applies the commands the panels emit at the end of each frame.

mod dialog;
mod files;
mod job;
mod views;

use crate::command::{Command, Pick, SlideMove};
use crate::core::document::ArticleId;
use crate::core::edit::Edit;
use crate::core::ingest::Problem;
use crate::core::persist::Recovery;
use crate::core::pipeline::Reading;
use crate::core::view::{Filter, SlideOrder};
use crate::session::Session;
use crate::settings::{Divider, PanelLayout, Settings};
use crate::ui::{self, Presentation, View};
pub use dialog::Dialog;
pub use files::Pending;
pub use job::{Job, Outcome};
use std::path::PathBuf;
pub use views::{Choices, Highlight, Selection, Views};

/// The eframe storage key of [`Settings`].
const SETTINGS_KEY: &str = "sightline-settings";
/// The eframe storage key of the recent files.
const RECENT_KEY: &str = "sightline-recent";
/// The eframe storage key of the panels' sizes.
const LAYOUT_KEY: &str = "sightline-layout";
/// The eframe storage key of the folder files were last chosen in.
const FOLDER_KEY: &str = "sightline-last-folder";

/// The application state, in three parts: the session (the document, its undo history and
/// its file), the user's choices and selection, and the views derived from both (rebuilt by
/// [`Views::update`] when something they depend on changed); plus the settings remembered
/// between runs and the state of dialogs and background work.
pub struct SightlineApp {
    /// The timeline being explored, its undo history and its file.
    pub session: Session,
    /// Files that could not be read.
    pub problems: Vec<Problem>,
    /// What is selected, by id.
    pub selection: Selection,
    /// Which events are shown and how.
    pub choices: Choices,
    /// What the panels show, derived from the session and the choices.
    pub views: Views,
    /// Theme and scale.
    pub settings: Settings,
    /// The panels' sizes, as the user set them.
    pub layout: PanelLayout,
    /// The folder files were last chosen in (file dialogs open there).
    pub last_folder: Option<PathBuf>,
    /// The settings last applied to the egui context.
    applied: Option<Settings>,
    /// An extraction running in the background.
    pub job: Option<Job>,
    /// Whether the running job adds articles to the open timeline (else it replaces it).
    job_adds: bool,
    /// A file dialog waiting for the user.
    pub dialog: Option<Dialog>,
    /// Whether file dialogs are the system's (else Sightline's own, drawn in the window).
    pub native_dialogs: bool,
    /// A file the user picked to write that exists: replaced only once they say so.
    pub replacing: Option<(Pick, PathBuf)>,
    /// The last message for the user (a failed open, a cancelled job).
    pub notice: Option<String>,
    /// Timelines opened or saved lately, newest first.
    pub recent: Vec<PathBuf>,
    /// An action waiting for the answer to "save the unsaved changes?".
    pub pending: Option<Pending>,
    /// Unsaved work found from a previous run, offered for restoring.
    pub recovery_offer: Option<Recovery>,
    /// Where unsaved work is kept while the app runs (none: not kept).
    recovery_file: Option<PathBuf>,
    /// When unsaved work was last kept aside (the app's clock, in seconds).
    last_autosave: Option<f64>,
    /// The window title last sent.
    window_title: String,
    /// The user agreed to close with unsaved changes.
    close_confirmed: bool,
    /// The window is to close at the next frame.
    close_requested: bool,
    /// The presentation running, if any.
    pub presentation: Option<Presentation>,
    /// The story-order editor is open.
    pub story_open: bool,
    /// The window's full-screen state last asked for.
    fullscreen: bool,
    /// The size of exported images (the theme follows the app's).
    pub export_image: crate::core::export::ImageOptions,
}

impl SightlineApp {
    /// An app on `paths` (articles, or one saved timeline), or on the embedded seeds when
    /// `paths` is empty.
    pub fn new(paths: &[PathBuf]) -> Self {
        let loaded = crate::core::ingest::seed_articles();
        let reading = crate::core::pipeline::read(loaded.articles, "Seed corpus");
        let mut app = Self {
            session: Session::new(reading),
            problems: loaded.problems,
            selection: Selection::default(),
            choices: Choices::default(),
            views: Views::default(),
            settings: Settings::default(),
            layout: PanelLayout::default(),
            last_folder: None,
            applied: None,
            job: None,
            job_adds: false,
            dialog: None,
            native_dialogs: false,
            replacing: None,
            notice: None,
            recent: Vec::new(),
            pending: None,
            recovery_offer: None,
            recovery_file: None,
            last_autosave: None,
            window_title: String::new(),
            close_confirmed: false,
            close_requested: false,
            presentation: None,
            story_open: false,
            fullscreen: false,
            export_image: crate::core::export::ImageOptions::default(),
        };
        app.sync();
        match paths {
            [] => {}
            [one] if crate::core::persist::is_timeline(one) => {
                app.apply(Command::OpenTimeline(one.clone()));
            }
            _ => app.apply(Command::OpenPaths(paths.to_vec())),
        }
        app
    }

    /// An app as eframe creates it: with the settings and recent files remembered from the last
    /// run, and unsaved work kept in the app's data folder (offered back after a crash).
    pub fn from_creation(cc: &eframe::CreationContext<'_>, paths: &[PathBuf]) -> Self {
        let mut app = Self::new(paths);
        app.native_dialogs = dialog::available();
        if let Some(storage) = cc.storage {
            app.restore(storage);
        }
        if let Some(dir) = eframe::storage_dir("Sightline") {
            app = app.with_recovery_file(dir.join("recovery.json"));
        }
        app
    }

    /// Takes back what the last run remembered: theme and scale, panel sizes, recent files and
    /// the last folder.
    pub fn restore(&mut self, storage: &dyn eframe::Storage) {
        if let Some(settings) = eframe::get_value::<Settings>(storage, SETTINGS_KEY) {
            self.settings = settings;
        }
        if let Some(layout) = eframe::get_value::<PanelLayout>(storage, LAYOUT_KEY) {
            self.layout = layout;
        }
        if let Some(recent) = eframe::get_value::<Vec<PathBuf>>(storage, RECENT_KEY) {
            self.recent = recent;
        }
        self.last_folder = eframe::get_value::<PathBuf>(storage, FOLDER_KEY);
    }

    /// Keeps unsaved work in `file` from now on, and offers back what a previous run left there.
    #[must_use]
    pub fn with_recovery_file(mut self, file: PathBuf) -> Self {
        self.recovery_offer = crate::core::persist::read_recovery(&file);
        self.recovery_file = Some(file);
        self
    }

    /// Replaces the timeline (a new file, an opened one, new articles): the selection, the
    /// filters' article exclusions and the undo history start afresh.
    fn replace_document(&mut self, reading: Reading) {
        self.session.replace(reading);
        self.selection = Selection::default();
        self.choices.excluded.clear();
        self.sync();
    }

    /// Takes the result of a finished background job, if any.
    pub fn poll_job(&mut self) {
        let Some(outcome) = self.job.as_ref().and_then(Job::poll) else {
            return;
        };
        self.job = None;
        match outcome {
            Outcome::Done(extracted) if self.job_adds => {
                let extracted = *extracted;
                let added = extracted
                    .document
                    .articles
                    .len()
                    .saturating_sub(self.session.document().articles.len());
                self.session.reread(Reading {
                    document: extracted.document,
                    analyses: extracted.analyses,
                });
                self.problems = extracted.problems;
                self.sync();
                let new = self
                    .session
                    .document()
                    .events
                    .iter()
                    .filter(|e| e.new)
                    .count();
                self.notice = Some(format!(
                    "Added {added} article(s): {new} new event(s), marked new; your edits are kept."
                ));
            }
            Outcome::Done(extracted) => {
                let extracted = *extracted;
                self.replace_document(Reading {
                    document: extracted.document,
                    analyses: extracted.analyses,
                });
                self.problems = extracted.problems;
                self.session.file = None;
                self.notice = None;
            }
            Outcome::Cancelled => {
                self.notice = Some("Opening cancelled; the timeline is unchanged.".into());
            }
            Outcome::Failed(why) => {
                self.notice = Some(format!("Could not open: {why}. The timeline is unchanged."));
            }
        }
    }

    /// Asks the user for files, a folder or a place to save, in the system's dialog where one
    /// can open, else in Sightline's own; either opens in the folder last chosen.
    fn choose(&mut self, pick: Pick) {
        let folder = self.last_folder.as_deref();
        // Saving again offers the timeline's own file name; an export is named after it.
        let stem = self
            .session
            .file
            .as_deref()
            .and_then(std::path::Path::file_stem)
            .map(|s| s.to_string_lossy().to_string());
        let name = match (pick, stem) {
            (Pick::SaveTimeline, Some(stem)) => Some(format!("{stem}.json")),
            (Pick::Export(format), Some(stem)) => Some(format!("{stem}.{}", format.extension())),
            _ => pick.file_name(),
        };
        self.dialog = Some(if self.native_dialogs {
            Dialog::native(pick, folder, name)
        } else {
            Dialog::in_app(pick, folder, name)
        });
    }

    /// Takes the user's answer from an open file dialog, if any. A place to write is checked
    /// first: a folder that cannot be written is refused with the reason, and an existing file
    /// is replaced only when the user says so.
    pub fn poll_dialog(&mut self) {
        let Some(chosen) = self.dialog.as_ref().and_then(Dialog::poll) else {
            return;
        };
        let Some(dialog) = self.dialog.take() else {
            return;
        };
        let pick = dialog.pick;
        let Some(mut paths) = chosen.filter(|p| !p.is_empty()) else {
            if dialog.failed_at_once() {
                // The system's dialog could not show itself: use Sightline's own from now on.
                self.native_dialogs = false;
                self.choose(pick);
            } else {
                self.notice = Some("Nothing chosen.".into());
            }
            return;
        };
        let chosen_folder = match pick {
            Pick::Folder => Some(paths[0].clone()),
            _ => paths[0].parent().map(std::path::Path::to_path_buf),
        };
        if pick.writes() {
            let mut path = paths.remove(0);
            if path.extension().is_none()
                && let Some(name) = pick.file_name()
                && let Some(extension) = std::path::Path::new(&name).extension()
            {
                path.set_extension(extension);
            }
            if let Err(why) = crate::core::persist::check_writable(&path) {
                // Asked again in the last folder that worked, not the refused one.
                self.notice = Some(format!("{why}. Choose another place; nothing was written."));
                self.choose(pick);
                return;
            }
            self.last_folder.clone_from(&chosen_folder);
            if path.exists() && !dialog.is_native() {
                // The system's dialogs ask this themselves.
                self.replacing = Some((pick, path));
                return;
            }
            paths = vec![path];
        }
        self.last_folder = chosen_folder;
        self.take_pick(pick, paths);
    }

    /// Does what the files or folder were picked for.
    fn take_pick(&mut self, pick: Pick, mut paths: Vec<PathBuf>) {
        match pick {
            Pick::Articles | Pick::Folder => self.apply(Command::OpenPaths(paths)),
            Pick::AddArticles => self.apply(Command::AddArticles(paths)),
            Pick::Timeline => self.apply(Command::OpenTimeline(paths.remove(0))),
            Pick::SaveTimeline => self.apply(Command::SaveAs(paths.remove(0))),
            Pick::Export(format) => self.apply(Command::Export(format, paths.remove(0))),
            Pick::ImportTimelineJs => self.apply(Command::ImportTimelineJs(paths.remove(0))),
        }
    }

    /// Brings the derived views up to date with the session, the choices and the selection
    /// (cheap when nothing changed), and keeps the slide in range.
    pub fn sync(&mut self) {
        let order = self.presentation.as_ref().map(|p| p.order);
        self.views
            .update(&self.session, &self.choices, order, &mut self.selection);
        if let Some(p) = &mut self.presentation {
            p.slide = p.slide.min(self.views.slides.len().saturating_sub(1));
        }
    }

    /// The selected event's place in the document (as of the last [`Self::sync`]).
    #[must_use]
    pub fn selected_event(&self) -> Option<usize> {
        self.views.selected_event
    }

    /// The reader's article's place in the document (as of the last [`Self::sync`]).
    #[must_use]
    pub fn selected_article(&self) -> usize {
        self.views.selected_article
    }

    /// Moves between slides; the slide's event becomes the selection.
    fn move_slide(&mut self, step: SlideMove) {
        let Some(p) = &mut self.presentation else {
            return;
        };
        let last = self.views.slides.len().saturating_sub(1);
        p.slide = match step {
            SlideMove::Next => (p.slide + 1).min(last),
            SlideMove::Previous => p.slide.saturating_sub(1),
            SlideMove::First => 0,
            SlideMove::Last => last,
        };
        let event = self.views.slides.get(p.slide).copied();
        self.select_event(event);
    }

    /// Writes the shown events in `format` to `path`; a failure (or an internal error) is
    /// reported and changes nothing.
    fn export(&mut self, format: crate::core::export::Format, path: &std::path::Path) {
        use crate::core::export::{self, Format, ImageOptions};
        let (doc, shown) = (self.session.document(), &self.views.visible);
        let options = ImageOptions {
            dark: self.settings.dark,
            ..self.export_image
        };
        let made = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match format {
            Format::Png => export::timeline_png(doc, shown, &options),
            Format::Svg => Ok(export::timeline_svg(doc, shown, &options).into_bytes()),
            Format::Html => Ok(export::html_briefing(doc, shown).into_bytes()),
            Format::Markdown => Ok(export::markdown_briefing(doc, shown).into_bytes()),
            Format::Csv => export::events_csv(doc, shown).map(String::into_bytes),
            Format::TimelineJs => Ok(export::timelinejs(doc, shown).into_bytes()),
        }));
        self.notice = Some(match made {
            Ok(Ok(bytes)) => match crate::core::persist::write_atomic(path, &bytes) {
                Ok(()) => format!("Exported {} events to {}.", shown.len(), path.display()),
                Err(why) => format!("Not exported: cannot write {}: {why}.", path.display()),
            },
            Ok(Err(why)) => format!("Not exported: {why}."),
            Err(_) => {
                "Not exported: an internal error stopped the export; nothing changed.".to_string()
            }
        });
    }

    /// The panels' view of the state.
    fn view(&self) -> View<'_> {
        let views = &self.views;
        View {
            doc: self.session.document(),
            visible: &views.visible,
            timeline: &views.timeline,
            article_events: &views.article_events,
            excluded: &self.choices.excluded,
            selected_event: views.selected_event,
            selected_article: views.selected_article,
            hovered_event: views.hovered_event,
            filter: &self.choices.filter,
            lane_mode: self.choices.lane_mode,
            sort: self.choices.sort,
            table_rows: &views.table_rows,
            passages: views
                .passages
                .get(views.selected_article)
                .map_or(&[], Vec::as_slice),
            settings: self.settings,
            progress: self.job.as_ref().map(Job::progress),
            notice: self.notice.as_deref(),
            can_undo: self.session.can_undo(),
            can_redo: self.session.can_redo(),
            recent: &self.recent,
            export_image: self.export_image,
            article_at: &views.article_at,
            participants: &views.participants,
        }
    }

    /// Selects the event at this place in the document (none: nothing).
    fn select_event(&mut self, event: Option<usize>) {
        self.selection.event = event.map(|e| self.session.document().events[e].id.clone());
        self.sync();
    }

    /// Applies one analyst edit as an undoable step.
    fn edit(&mut self, edit: Edit) {
        let creates = matches!(edit, Edit::NewEvent { .. } | Edit::Split { .. });
        match self.session.edit(edit, &now()) {
            Ok(()) => {
                self.notice = None;
                if creates {
                    let new = self.session.document().events.len() - 1;
                    self.sync();
                    // A new event is shown even where a filter would hide it.
                    if !self.views.visible.contains(&new) {
                        self.choices.filter = Filter::default();
                    }
                    self.select_event(Some(new));
                }
            }
            Err(why) => self.notice = Some(format!("Not changed: {why}.")),
        }
    }

    /// Applies one command from the UI, then brings the views up to date.
    pub fn apply(&mut self, command: Command) {
        self.apply_command(command);
        self.sync();
    }

    /// Applies one command.
    fn apply_command(&mut self, command: Command) {
        let doc = self.session.document();
        match command {
            Command::SelectArticle(id) if doc.article_position(&id).is_some() => {
                self.selection.article = Some(id);
            }
            Command::SelectEvent(id) => {
                let Some(index) = doc.event_position(&id) else {
                    return;
                };
                // Show the event's first passage in the reader, unless the article there
                // already has one (a click on a highlight keeps its article).
                let evidence = &doc.events[index].evidence;
                let shown = doc.articles.get(self.views.selected_article);
                if !shown.is_some_and(|a| evidence.iter().any(|x| x.article == a.id))
                    && let Some(first) = evidence.first()
                {
                    self.selection.article = Some(first.article.clone());
                }
                self.selection.event = Some(id);
            }
            Command::HoverEvent(event) => self.selection.hovered = event,
            Command::SetFilter(filter) => self.choices.filter = filter,
            Command::SetLaneMode(mode) => self.choices.lane_mode = mode,
            Command::SortBy(column) => {
                let sort = &mut self.choices.sort;
                *sort = if sort.0 == column {
                    (column, !sort.1)
                } else {
                    (column, column.ascending_first())
                };
            }
            Command::Choose(pick) => self.choose(pick),
            Command::ConfirmReplace(replace) => {
                if let Some((pick, path)) = self.replacing.take() {
                    if replace {
                        self.take_pick(pick, vec![path]);
                    } else {
                        self.notice = Some(format!("{} was not replaced.", path.display()));
                        self.choose(pick);
                    }
                }
            }
            Command::SetIncluded { article, included } => {
                if included {
                    self.choices.excluded.remove(&article);
                } else if doc.article_position(&article).is_some() {
                    self.choices.excluded.insert(article);
                }
            }
            Command::SelectNext | Command::SelectPrevious => {
                let forward = command == Command::SelectNext;
                if let Some(event) = self.views.step_from_selected(forward) {
                    let id = doc.events[event].id.clone();
                    self.apply_command(Command::SelectEvent(id));
                }
            }
            Command::OpenPaths(paths) => {
                if let [one] = paths.as_slice()
                    && crate::core::persist::is_timeline(one)
                {
                    self.apply(Command::OpenTimeline(one.clone()));
                } else {
                    self.guard(Pending::OpenArticles(paths));
                }
            }
            Command::AddArticles(paths) => self.start_job(paths, true),
            Command::CancelJob => {
                if let Some(job) = self.job.take() {
                    job.cancel();
                    self.notice = Some("Opening cancelled; the timeline is unchanged.".into());
                }
            }
            Command::SetArticleDate { article, date } => self.set_article_date(&article, date),
            Command::SetDark(dark) => self.settings.dark = dark,
            Command::SetZoom(zoom) => self.settings.zoom = zoom.clamp(0.5, 3.0),
            Command::SetLayout(layout) => self.layout = layout,
            Command::Edit(edit) => self.edit(edit),
            Command::EndEditBurst => self.session.end_burst(),
            Command::Undo => {
                self.session.step(false);
            }
            Command::Redo => {
                self.session.step(true);
            }
            Command::NewTimeline => self.guard(Pending::New),
            Command::OpenTimeline(path) => self.guard(Pending::Open(path)),
            Command::ChooseTimeline => self.guard(Pending::Choose),
            Command::Save => self.save(),
            Command::SaveAs(path) => self.save_as(path),
            Command::Answer(answer) => self.answer(answer),
            Command::RestoreRecovery(restore) => self.restore_recovery(restore),
            Command::Present(order) => {
                self.presentation = order.map(|order| Presentation {
                    order,
                    slide: 0,
                    notes: self.presentation.as_ref().is_some_and(|p| p.notes),
                });
                self.sync();
                if self.presentation.is_some() {
                    self.move_slide(SlideMove::First);
                }
            }
            Command::Slide(step) => self.move_slide(step),
            Command::ToggleNotes => {
                if let Some(p) = &mut self.presentation {
                    p.notes = !p.notes;
                }
            }
            Command::ShowStory(open) => self.story_open = open,
            Command::Export(format, path) => self.export(format, &path),
            Command::SetExportImage(image) => self.export_image = image,
            Command::ImportTimelineJs(path) => self.guard(Pending::Import(path)),
            Command::SelectArticle(_) => {}
        }
    }

    /// Starts reading articles in the background, to add to the timeline or to replace it.
    fn start_job(&mut self, paths: Vec<PathBuf>, adds: bool) {
        if let Some(old) = self.job.take() {
            old.cancel();
        }
        self.notice = None;
        self.job_adds = adds;
        self.job = Some(Job::start(
            paths,
            adds.then(|| self.session.document().clone()),
        ));
    }

    /// Gives an undated article its date and re-dates what depends on it; analyst edits stay.
    fn set_article_date(&mut self, article: &ArticleId, date: chrono::NaiveDate) {
        let doc = self.session.document();
        let Some(index) = doc.article_position(article) else {
            return;
        };
        let mut articles = doc.articles.clone();
        let a = &mut articles[index];
        a.published = Some(date);
        a.published_basis = crate::core::article::DateBasis::User;
        a.year_inferred = false;
        let reading = crate::core::pipeline::reread(doc, articles);
        self.session.reread(reading);
    }
}

/// The time now, as edits record it (RFC 3339, UTC, seconds).
fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

impl eframe::App for SightlineApp {
    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.settings);
        eframe::set_value(storage, LAYOUT_KEY, &self.layout);
        eframe::set_value(storage, RECENT_KEY, &self.recent);
        if let Some(folder) = &self.last_folder {
            eframe::set_value(storage, FOLDER_KEY, folder);
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        if self.applied != Some(self.settings) {
            let theme = if self.settings.dark {
                egui::Theme::Dark
            } else {
                egui::Theme::Light
            };
            ui.ctx().set_theme(theme);
            ui.ctx().set_zoom_factor(self.settings.zoom);
            self.applied = Some(self.settings);
        }
        self.poll_job();
        self.poll_dialog();
        let now = ui.input(|i| i.time);
        if let Some(due) = self.autosave_if_due(now) {
            // Wake up for the next autosave even if the user does nothing meanwhile.
            ui.ctx().request_repaint_after(due);
        }
        self.update_window(ui.ctx());
        // The system's dialog answers from another thread: look for its answer now and then.
        // Sightline's own is drawn in the window and repaints with the user's input.
        if self.job.is_some() || self.dialog.as_ref().is_some_and(Dialog::is_native) {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(100));
        }
        let mut commands = Vec::new();
        // Files dropped on the window are opened.
        let dropped: Vec<PathBuf> = ui.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if !dropped.is_empty() {
            commands.push(Command::OpenPaths(dropped));
        }
        shortcuts(ui, self.presentation.is_some(), &mut commands);
        if self.fullscreen != self.presentation.is_some() {
            self.fullscreen = self.presentation.is_some();
            ui.ctx()
                .send_viewport_cmd(egui::ViewportCommand::Fullscreen(self.fullscreen));
        }
        self.sync();
        let view = self.view();
        if let Some(presentation) = &self.presentation {
            ui::present_ui(ui, &view, presentation, &self.views.slides, &mut commands);
            for command in commands {
                self.apply(command);
            }
            return;
        }
        egui::Panel::top("header").show(ui, |ui| {
            ui::header_ui(ui, &view, &self.problems, &mut commands);
        });
        // Every panel has the exact size the layout gives it, never the size of its content.
        let width = ui.available_rect_before_wrap().width();
        let (left, right) = self.layout.side_widths(width);
        let sources = egui::Panel::left("sources")
            .resizable(false)
            .exact_size(left)
            .show(ui, |ui| {
                ui::sources_ui(ui, &view, &mut commands);
                ui.separator();
                ui::events_table_ui(ui, &view, &mut commands);
            })
            .response
            .rect;
        let inspector = egui::Panel::right("inspector")
            .resizable(false)
            .exact_size(right)
            .show(ui, |ui| {
                ui::inspector_ui(ui, &view, &mut commands);
            })
            .response
            .rect;
        // The centre is what the side panels leave, laid out in a region of its own (a top
        // panel in the window's own region would reach under the inspector).
        let centre = egui::Rect::from_min_max(
            egui::pos2(sources.right(), sources.top()),
            egui::pos2(inspector.left(), sources.bottom().max(inspector.bottom())),
        );
        let height = centre.height();
        let mut timeline = egui::Rect::NOTHING;
        let analysis = self.session.analyses().get(self.views.selected_article);
        ui.scope_builder(egui::UiBuilder::new().max_rect(centre), |ui| {
            timeline = egui::Panel::top("timeline")
                .resizable(false)
                .exact_size(self.layout.timeline_height(height))
                .show(ui, |ui| {
                    ui::timeline_ui(ui, &view, &mut commands);
                })
                .response
                .rect;
            egui::CentralPanel::default().show(ui, |ui| {
                if let Some(analysis) = analysis {
                    ui::reader_ui(ui, &view, analysis, &mut commands);
                } else {
                    ui.label("No articles yet: File > Open articles… or drop files here.");
                }
            });
        });
        for (divider, panel, total) in [
            (Divider::Sources, sources, width),
            (Divider::Inspector, inspector, width),
            (Divider::Timeline, timeline, height),
        ] {
            if let Some(size) = ui::divider_ui(ui, divider, panel) {
                commands.push(Command::SetLayout(self.layout.with(divider, size, total)));
            }
        }
        if self.story_open {
            ui::story_ui(ui, &view, &mut commands);
        }
        if let Some(dialog) = &mut self.dialog {
            dialog.show(ui.ctx());
        }
        if let Some((_, path)) = &self.replacing {
            ui::replace_file_ui(ui, path, &mut commands);
        } else if let Some(pending) = &self.pending {
            ui::unsaved_changes_ui(ui, &pending.describe(), &mut commands);
        } else if let Some(recovery) = &self.recovery_offer {
            ui::recovery_ui(ui, recovery, &mut commands);
        }
        for command in commands {
            self.apply(command);
        }
    }
}

/// Keyboard shortcuts. Presenting: right arrow, space or page down for the next slide, left
/// arrow or page up for the previous, Home and End,
/// N speaker notes, Esc stops. Otherwise: F5 presents, arrows step through events (unless
/// typing), Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y undo and redo (unless a text field has focus: it
/// undoes its own typing), Ctrl+S saves.
fn shortcuts(ui: &egui::Ui, presenting: bool, commands: &mut Vec<Command>) {
    use egui::{Key, KeyboardShortcut, Modifiers};
    let typing = ui.ctx().egui_wants_keyboard_input();
    ui.input_mut(|i| {
        if presenting {
            let pressed = |key| i.key_pressed(key);
            if pressed(Key::ArrowRight) || pressed(Key::Space) || pressed(Key::PageDown) {
                commands.push(Command::Slide(SlideMove::Next));
            }
            if pressed(Key::ArrowLeft) || pressed(Key::PageUp) {
                commands.push(Command::Slide(SlideMove::Previous));
            }
            if pressed(Key::Home) {
                commands.push(Command::Slide(SlideMove::First));
            }
            if pressed(Key::End) {
                commands.push(Command::Slide(SlideMove::Last));
            }
            if pressed(Key::N) {
                commands.push(Command::ToggleNotes);
            }
            if pressed(Key::Escape) {
                commands.push(Command::Present(None));
            }
            return;
        }
        if i.key_pressed(Key::F5) {
            commands.push(Command::Present(Some(SlideOrder::Date)));
        }
        if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::S)) {
            commands.push(Command::Save);
        }
        if typing {
            return;
        }
        if i.consume_shortcut(&KeyboardShortcut::new(
            Modifiers::COMMAND | Modifiers::SHIFT,
            Key::Z,
        )) || i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::Y))
        {
            commands.push(Command::Redo);
        }
        if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::Z)) {
            commands.push(Command::Undo);
        }
        if i.key_pressed(Key::ArrowRight) {
            commands.push(Command::SelectNext);
        }
        if i.key_pressed(Key::ArrowLeft) {
            commands.push(Command::SelectPrevious);
        }
    });
}

/// Opens the window on `paths` (the seed corpus when empty).
pub fn run(paths: Vec<PathBuf>) -> anyhow::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Sightline")
            .with_inner_size([1500.0, 950.0]),
        ..Default::default()
    };
    eframe::run_native(
        "Sightline",
        options,
        Box::new(move |cc| Ok(Box::new(SightlineApp::from_creation(cc, &paths)))),
    )
    .map_err(|e| anyhow::anyhow!("cannot open the window: {e}"))
}
