//! The desktop app: holds the timeline document and the selection, draws the panels, and
//! applies the commands the panels emit at the end of each frame.

mod dialog;
mod job;

use crate::core::article::{Analysis, Article};
use crate::core::document::{Document, Stance};
use crate::core::ingest::Problem;
use crate::core::view::{Filter, LaneMode, SortColumn, sort_events};
use crate::ui::{self, Command, Settings, TimelineIndex, View};
pub use dialog::{Dialog, Pick};
pub use job::{Job, Outcome};
use std::collections::HashSet;
use std::path::PathBuf;

/// The eframe storage key of [`Settings`].
const SETTINGS_KEY: &str = "sightline-settings";

/// The application state.
pub struct SightlineApp {
    /// The timeline being explored.
    pub document: Document,
    /// The articles' analyses (temporal expressions for the reader), index-aligned.
    pub analyses: Vec<Analysis>,
    /// Files that could not be read.
    pub problems: Vec<Problem>,
    /// The article shown in the reader.
    pub selected_article: usize,
    /// The selected event, shown in every panel.
    pub selected_event: Option<usize>,
    /// The event under the pointer on the timeline.
    pub hovered_event: Option<usize>,
    /// Which events are shown (search text, disputed, lane, source, stance, dates).
    pub filter: Filter,
    /// How the timeline's lanes group events.
    pub lane_mode: LaneMode,
    /// The event table's sort column and direction (true = ascending).
    pub sort: (SortColumn, bool),
    /// Articles left out (by id): their evidence leaves the timeline.
    pub excluded: HashSet<String>,
    /// Events shown, in date order: those matching the filter with evidence from included
    /// articles (recomputed when the filter or inclusion changes, not every frame).
    pub visible: Vec<usize>,
    /// The shown events in the event table's order.
    pub table_rows: Vec<usize>,
    /// Per article (index-aligned), the shown events' passages in it: (start, end, event,
    /// stance), sorted by start. The reader highlights them and a click selects their event.
    pub passages: Vec<Vec<(usize, usize, usize, Stance)>>,
    /// The visible events indexed for the timeline (rebuilt with `visible`).
    pub timeline: TimelineIndex,
    /// How many visible events each article has evidence for (rebuilt with `visible`).
    pub article_events: Vec<usize>,
    /// Theme and scale.
    pub settings: Settings,
    /// The settings last applied to the egui context.
    applied: Option<Settings>,
    /// An extraction running in the background.
    pub job: Option<Job>,
    /// A file dialog waiting for the user.
    pub dialog: Option<Dialog>,
    /// The last message for the user (a failed open, a cancelled job).
    pub notice: Option<String>,
}

impl SightlineApp {
    /// An app on the articles under `paths`, or on the embedded seeds when `paths` is empty.
    pub fn new(paths: &[PathBuf]) -> Self {
        let loaded = crate::core::ingest::seed_articles();
        let document = crate::core::cluster::build(loaded.articles, "Seed corpus");
        let analyses = document.articles.iter().map(Article::analyze).collect();
        let mut app = Self {
            document,
            analyses,
            problems: loaded.problems,
            selected_article: 0,
            selected_event: None,
            hovered_event: None,
            filter: Filter::default(),
            lane_mode: LaneMode::default(),
            sort: (SortColumn::Date, true),
            excluded: HashSet::new(),
            visible: Vec::new(),
            table_rows: Vec::new(),
            passages: Vec::new(),
            timeline: TimelineIndex::default(),
            article_events: Vec::new(),
            settings: Settings::default(),
            applied: None,
            job: None,
            dialog: None,
            notice: None,
        };
        app.refresh_visible();
        if !paths.is_empty() {
            app.apply(Command::OpenPaths(paths.to_vec()));
        }
        app
    }

    /// Takes the result of a finished background job, if any.
    pub fn poll_job(&mut self) {
        let Some(outcome) = self.job.as_ref().and_then(Job::poll) else {
            return;
        };
        self.job = None;
        match outcome {
            Outcome::Done(extracted) => {
                self.document = extracted.document;
                self.analyses = extracted.analyses;
                self.problems = extracted.problems;
                self.selected_article = 0;
                self.selected_event = None;
                self.excluded.clear();
                self.refresh_visible();
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

    /// An app as eframe creates it: with the settings remembered from the last run.
    pub fn from_creation(cc: &eframe::CreationContext<'_>, paths: &[PathBuf]) -> Self {
        let mut app = Self::new(paths);
        if let Some(settings) = cc
            .storage
            .and_then(|s| eframe::get_value::<Settings>(s, SETTINGS_KEY))
        {
            app.settings = settings;
        }
        app
    }

    /// Recomputes what is shown after the filter, the lanes or the included articles changed.
    fn refresh_visible(&mut self) {
        self.visible = self.filter.apply(&self.document, &self.excluded);
        self.timeline = TimelineIndex::new(
            &self.document,
            &self.visible,
            self.lane_mode,
            &self.excluded,
        );
        self.article_events = count_article_events(&self.document, &self.visible);
        self.passages = article_passages(&self.document, &self.visible, &self.excluded);
        self.sort_table();
        if self
            .selected_event
            .is_some_and(|s| !self.visible.contains(&s))
        {
            self.selected_event = None;
        }
        self.hovered_event = None;
    }

    /// Orders the event table by the chosen column.
    fn sort_table(&mut self) {
        self.table_rows.clone_from(&self.visible);
        let (column, ascending) = self.sort;
        sort_events(&self.document, &mut self.table_rows, column, ascending);
    }

    /// Takes the user's answer from an open file dialog, if any.
    pub fn poll_dialog(&mut self) {
        let Some(chosen) = self.dialog.as_ref().and_then(Dialog::poll) else {
            return;
        };
        self.dialog = None;
        match chosen {
            Some(paths) if !paths.is_empty() => self.apply(Command::OpenPaths(paths)),
            _ => self.notice = Some("Nothing chosen.".into()),
        }
    }

    /// The panels' view of the state.
    fn view(&self) -> View<'_> {
        View {
            doc: &self.document,
            visible: &self.visible,
            timeline: &self.timeline,
            article_events: &self.article_events,
            excluded: &self.excluded,
            selected_event: self.selected_event,
            selected_article: self.selected_article,
            hovered_event: self.hovered_event,
            filter: &self.filter,
            lane_mode: self.lane_mode,
            sort: self.sort,
            table_rows: &self.table_rows,
            passages: self
                .passages
                .get(self.selected_article)
                .map_or(&[], Vec::as_slice),
            settings: self.settings,
            progress: self.job.as_ref().map(Job::progress),
            notice: self.notice.as_deref(),
        }
    }

    /// Applies one command from the UI.
    pub fn apply(&mut self, command: Command) {
        match command {
            Command::SelectArticle(index) if index < self.document.articles.len() => {
                self.selected_article = index;
            }
            Command::SelectEvent(index) if index < self.document.events.len() => {
                self.selected_event = Some(index);
                // Show the event's first passage in the reader, unless the article there
                // already has one (a click on a highlight keeps its article).
                let evidence = &self.document.events[index].evidence;
                let shown = self.document.articles.get(self.selected_article);
                if !shown.is_some_and(|a| evidence.iter().any(|x| x.article == a.id))
                    && let Some(article) = evidence.first().and_then(|first| {
                        self.document
                            .articles
                            .iter()
                            .position(|a| a.id == first.article)
                    })
                {
                    self.selected_article = article;
                }
            }
            Command::HoverEvent(event) => self.hovered_event = event,
            Command::SetFilter(filter) => {
                self.filter = filter;
                self.refresh_visible();
            }
            Command::SetLaneMode(mode) => {
                self.lane_mode = mode;
                self.refresh_visible();
            }
            Command::SortBy(column) => {
                self.sort = if self.sort.0 == column {
                    (column, !self.sort.1)
                } else {
                    (column, true)
                };
                self.sort_table();
            }
            Command::Choose(pick) => {
                if dialog::available() {
                    self.dialog = Some(Dialog::open(pick));
                } else {
                    self.notice = Some(
                        "No file dialog on this system (no desktop portal or zenity): type a path in the field above and press Open."
                            .into(),
                    );
                }
            }
            Command::SetIncluded { article, included } => {
                if let Some(a) = self.document.articles.get(article) {
                    if included {
                        self.excluded.remove(&a.id);
                    } else {
                        self.excluded.insert(a.id.clone());
                    }
                    self.refresh_visible();
                }
            }
            Command::SelectNext | Command::SelectPrevious => {
                let position = self
                    .selected_event
                    .and_then(|s| self.visible.iter().position(|&v| v == s));
                let next = match (command, position) {
                    (_, None) => self.visible.first(),
                    (Command::SelectNext, Some(p)) => {
                        self.visible.get(p + 1).or(self.visible.get(p))
                    }
                    (_, Some(p)) => self.visible.get(p.saturating_sub(1)),
                };
                if let Some(&event) = next {
                    self.apply(Command::SelectEvent(event));
                }
            }
            Command::OpenPaths(paths) => {
                if let Some(old) = self.job.take() {
                    old.cancel();
                }
                self.notice = None;
                self.job = Some(Job::start(paths));
            }
            Command::CancelJob => {
                if let Some(job) = self.job.take() {
                    job.cancel();
                    self.notice = Some("Opening cancelled; the timeline is unchanged.".into());
                }
            }
            Command::SetArticleDate { article, date } => {
                if let Some(a) = self.document.articles.get_mut(article) {
                    a.published = Some(date);
                    a.published_basis = crate::core::article::DateBasis::User;
                    a.year_inferred = false;
                    // Re-extract: the article's relative dates and the events they date change.
                    let title = self.document.title.clone();
                    let selected_title = self
                        .selected_event
                        .map(|e| self.document.events[e].title.clone());
                    self.document = crate::core::cluster::build(
                        std::mem::take(&mut self.document.articles),
                        &title,
                    );
                    self.analyses = self
                        .document
                        .articles
                        .iter()
                        .map(Article::analyze)
                        .collect();
                    self.refresh_visible();
                    self.selected_event = selected_title
                        .and_then(|t| self.document.events.iter().position(|e| e.title == t));
                }
            }
            Command::SetDark(dark) => self.settings.dark = dark,
            Command::SetZoom(zoom) => self.settings.zoom = zoom.clamp(0.5, 3.0),
            Command::SelectArticle(_) | Command::SelectEvent(_) => {}
        }
    }
}

impl eframe::App for SightlineApp {
    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.settings);
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
        if self.job.is_some() || self.dialog.is_some() {
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
        // Left and right arrows step through the events in date order (unless typing).
        if !ui.ctx().egui_wants_keyboard_input() {
            ui.input(|i| {
                if i.key_pressed(egui::Key::ArrowRight) {
                    commands.push(Command::SelectNext);
                }
                if i.key_pressed(egui::Key::ArrowLeft) {
                    commands.push(Command::SelectPrevious);
                }
            });
        }
        let view = self.view();
        egui::Panel::top("header").show(ui, |ui| {
            ui::header_ui(ui, &view, &self.problems, &mut commands);
        });
        egui::Panel::left("sources")
            .resizable(true)
            .default_size(470.0)
            .show(ui, |ui| {
                ui::sources_ui(ui, &view, &mut commands);
                ui.separator();
                ui::events_table_ui(ui, &view, &mut commands);
            });
        egui::Panel::right("inspector")
            .resizable(true)
            .default_size(320.0)
            .show(ui, |ui| {
                ui::inspector_ui(ui, &view, &mut commands);
            });
        egui::Panel::top("timeline")
            .resizable(true)
            .default_size(470.0)
            .show(ui, |ui| {
                ui::timeline_ui(ui, &view, &mut commands);
            });
        egui::CentralPanel::default().show(ui, |ui| {
            if let Some(analysis) = self.analyses.get(self.selected_article) {
                ui::reader_ui(ui, &view, analysis, &mut commands);
            }
        });
        for command in commands {
            self.apply(command);
        }
    }
}

/// How many of the `visible` events each article of `doc` has evidence for.
fn count_article_events(doc: &Document, visible: &[usize]) -> Vec<usize> {
    let position: std::collections::HashMap<&str, usize> = doc
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let mut counts = vec![0; doc.articles.len()];
    for &e in visible {
        let mut seen: Vec<usize> = doc.events[e]
            .evidence
            .iter()
            .filter_map(|x| position.get(x.article.as_str()).copied())
            .collect();
        seen.sort_unstable();
        seen.dedup();
        for a in seen {
            counts[a] += 1;
        }
    }
    counts
}

/// Per article, the passages of the `visible` events from included articles, sorted by start.
fn article_passages(
    doc: &Document,
    visible: &[usize],
    excluded: &HashSet<String>,
) -> Vec<Vec<(usize, usize, usize, Stance)>> {
    let position: std::collections::HashMap<&str, usize> = doc
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let mut passages = vec![Vec::new(); doc.articles.len()];
    for &e in visible {
        for x in &doc.events[e].evidence {
            if let Some(&a) = position.get(x.article.as_str())
                && !excluded.contains(&x.article)
            {
                passages[a].push((x.start, x.end, e, x.stance));
            }
        }
    }
    for list in &mut passages {
        list.sort_unstable_by_key(|p| (p.0, p.1));
    }
    passages
}

/// Opens the window on the articles under `paths` (the seed corpus when empty).
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
