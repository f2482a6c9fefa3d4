//! The desktop app: holds the loaded corpus and the selection, draws the panels, and applies the
//! commands the panels emit at the end of each frame.

use crate::core::article::{Analysis, Article};
use crate::core::ingest::Problem;
use crate::ui::{self, Command};
use std::path::PathBuf;

/// The application state.
pub struct SightlineApp {
    /// Articles as read.
    pub articles: Vec<Article>,
    /// Their analyses, index-aligned with `articles`.
    pub analyses: Vec<Analysis>,
    /// Files that could not be read.
    pub problems: Vec<Problem>,
    /// The article shown in the reader.
    pub selected_article: usize,
    /// The temporal expression selected in the reader or the list.
    pub selected_timex: Option<usize>,
}

impl SightlineApp {
    /// An app on the articles under `paths`, or on the embedded seeds when `paths` is empty.
    pub fn new(paths: &[PathBuf]) -> Self {
        let loaded = crate::cli::load(paths);
        let analyses = loaded.articles.iter().map(Article::analyze).collect();
        Self {
            articles: loaded.articles,
            analyses,
            problems: loaded.problems,
            selected_article: 0,
            selected_timex: None,
        }
    }

    /// Applies one command from the UI.
    pub fn apply(&mut self, command: Command) {
        match command {
            Command::SelectArticle(index) if index < self.articles.len() => {
                self.selected_article = index;
                self.selected_timex = None;
            }
            Command::SelectTimex(index) => self.selected_timex = Some(index),
            Command::SelectArticle(_) => {}
        }
    }
}

impl eframe::App for SightlineApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let mut commands = Vec::new();
        egui::Panel::top("header").show(ui, |ui| {
            ui::header_ui(ui, &self.articles, &self.analyses, &self.problems);
        });
        egui::Panel::left("sources")
            .resizable(true)
            .default_size(300.0)
            .show(ui, |ui| {
                ui::sources_ui(
                    ui,
                    &self.articles,
                    &self.analyses,
                    self.selected_article,
                    &mut commands,
                );
            });
        if let (Some(article), Some(analysis)) = (
            self.articles.get(self.selected_article),
            self.analyses.get(self.selected_article),
        ) {
            egui::Panel::right("timexes")
                .resizable(true)
                .default_size(340.0)
                .show(ui, |ui| {
                    ui::timex_list_ui(ui, analysis, self.selected_timex, &mut commands);
                });
            egui::CentralPanel::default().show(ui, |ui| {
                ui::reader_ui(ui, article, analysis, self.selected_timex);
            });
        }
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
            .with_inner_size([1400.0, 900.0]),
        ..Default::default()
    };
    eframe::run_native(
        "Sightline",
        options,
        Box::new(move |_cc| Ok(Box::new(SightlineApp::new(&paths)))),
    )
    .map_err(|e| anyhow::anyhow!("cannot open the window: {e}"))
}
