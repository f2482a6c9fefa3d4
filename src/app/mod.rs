//! The desktop app: holds the timeline document and the selection, draws the panels, and
//! applies the commands the panels emit at the end of each frame.

use crate::core::article::{Analysis, Article};
use crate::core::document::Document;
use crate::core::ingest::Problem;
use crate::ui::{self, Command};
use std::path::PathBuf;

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
}

impl SightlineApp {
    /// An app on the articles under `paths`, or on the embedded seeds when `paths` is empty.
    pub fn new(paths: &[PathBuf]) -> Self {
        let loaded = crate::cli::load(paths);
        let title = if paths.is_empty() {
            "Seed corpus".to_string()
        } else {
            format!("{} articles", loaded.articles.len())
        };
        let document = crate::core::cluster::build(loaded.articles, &title);
        let analyses = document.articles.iter().map(Article::analyze).collect();
        Self {
            document,
            analyses,
            problems: loaded.problems,
            selected_article: 0,
            selected_event: None,
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
                // Show the event's first passage in the reader.
                let first = self.document.events[index]
                    .evidence
                    .first()
                    .map(|e| e.article.clone());
                if let Some(article) =
                    first.and_then(|id| self.document.articles.iter().position(|a| a.id == id))
                {
                    self.selected_article = article;
                }
            }
            Command::SelectArticle(_) | Command::SelectEvent(_) => {}
        }
    }
}

impl eframe::App for SightlineApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let mut commands = Vec::new();
        egui::Panel::top("header").show(ui, |ui| {
            ui::header_ui(ui, &self.document, &self.problems);
        });
        egui::Panel::left("sources")
            .resizable(true)
            .default_size(300.0)
            .show(ui, |ui| {
                ui::sources_ui(
                    ui,
                    &self.document,
                    self.selected_article,
                    self.selected_event,
                    &mut commands,
                );
            });
        egui::Panel::right("inspector")
            .resizable(true)
            .default_size(360.0)
            .show(ui, |ui| {
                ui::inspector_ui(ui, &self.document, self.selected_event, &mut commands);
            });
        egui::Panel::top("timeline")
            .resizable(true)
            .default_size(420.0)
            .show(ui, |ui| {
                ui::timeline_ui(ui, &self.document, self.selected_event, &mut commands);
            });
        egui::CentralPanel::default().show(ui, |ui| {
            if let Some(analysis) = self.analyses.get(self.selected_article) {
                ui::reader_ui(
                    ui,
                    &self.document,
                    self.selected_article,
                    analysis,
                    self.selected_event,
                );
            }
        });
        for command in commands {
            self.apply(command);
        }
    }
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
        Box::new(move |_cc| Ok(Box::new(SightlineApp::new(&paths)))),
    )
    .map_err(|e| anyhow::anyhow!("cannot open the window: {e}"))
}
