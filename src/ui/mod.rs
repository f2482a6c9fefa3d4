//! Panels. Each reads the corpus and pushes [`Command`]s; none changes state itself.

use crate::core::article::{Analysis, Article};
use crate::core::ingest::Problem;
use egui::text::LayoutJob;
use egui::{Color32, RichText, Stroke, TextFormat};

/// What the user asked for; the app applies these at the end of the frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Show this article in the reader.
    SelectArticle(usize),
    /// Select this temporal expression of the shown article.
    SelectTimex(usize),
}

/// The top bar: corpus counts and skipped files.
pub fn header_ui(
    ui: &mut egui::Ui,
    articles: &[Article],
    analyses: &[Analysis],
    problems: &[Problem],
) {
    ui.horizontal(|ui| {
        ui.heading("Sightline");
        let timexes: usize = analyses.iter().map(|a| a.timexes.len()).sum();
        ui.label(format!(
            "{} articles · {timexes} temporal expressions",
            articles.len()
        ));
        if !problems.is_empty() {
            ui.colored_label(
                Color32::from_rgb(200, 120, 0),
                format!("⚠ {} file(s) skipped", problems.len()),
            )
            .on_hover_text(
                problems
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("\n"),
            );
        }
    });
}

/// The article list: title, publication date and its basis.
pub fn sources_ui(
    ui: &mut egui::Ui,
    articles: &[Article],
    analyses: &[Analysis],
    selected: usize,
    commands: &mut Vec<Command>,
) {
    ui.heading("Sources");
    egui::ScrollArea::vertical().show(ui, |ui| {
        for (index, (article, analysis)) in articles.iter().zip(analyses).enumerate() {
            let date = article
                .published
                .map_or_else(|| "undated".to_string(), |d| d.to_string());
            let mut basis = article.published_basis.as_str().to_string();
            if article.year_inferred {
                basis.push_str(", year inferred");
            }
            let label = format!(
                "{}\n{date} ({basis}) · {} dates",
                article.title,
                analysis.timexes.len()
            );
            if ui.selectable_label(index == selected, label).clicked() {
                commands.push(Command::SelectArticle(index));
            }
            ui.separator();
        }
    });
}

/// The article text with temporal expressions underlined; hover shows value and range.
pub fn reader_ui(
    ui: &mut egui::Ui,
    article: &Article,
    analysis: &Analysis,
    selected: Option<usize>,
) {
    ui.heading(&article.title);
    let date = article.published.map_or_else(
        || "publication date unknown".to_string(),
        |d| format!("published {d}"),
    );
    ui.label(
        RichText::new(format!(
            "{date} ({}) · {}",
            article.published_basis.as_str(),
            article.path
        ))
        .weak(),
    );
    ui.separator();
    egui::ScrollArea::vertical().show(ui, |ui| {
        let font = egui::TextStyle::Body.resolve(ui.style());
        let text_color = ui.visuals().text_color();
        let plain = TextFormat::simple(font.clone(), text_color);
        let mark = TextFormat {
            underline: Stroke::new(1.5, Color32::from_rgb(40, 120, 220)),
            background: Color32::from_rgba_unmultiplied(40, 120, 220, 40),
            ..plain.clone()
        };
        let chosen = TextFormat {
            background: Color32::from_rgba_unmultiplied(250, 190, 40, 120),
            ..mark.clone()
        };
        let mut job = LayoutJob::default();
        let mut at = 0;
        for (index, t) in analysis.timexes.iter().enumerate() {
            job.append(&article.text[at..t.start], 0.0, plain.clone());
            job.append(
                &article.text[t.start..t.end],
                0.0,
                if selected == Some(index) {
                    chosen.clone()
                } else {
                    mark.clone()
                },
            );
            at = t.end;
        }
        job.append(&article.text[at..], 0.0, plain);
        job.wrap.max_width = ui.available_width();
        ui.label(job);
    });
}

/// The article's temporal expressions: text, TIMEX3 value and the honest day range.
pub fn timex_list_ui(
    ui: &mut egui::Ui,
    analysis: &Analysis,
    selected: Option<usize>,
    commands: &mut Vec<Command>,
) {
    ui.heading("Dates in this article");
    egui::ScrollArea::vertical().show(ui, |ui| {
        for (index, t) in analysis.timexes.iter().enumerate() {
            let range = match (t.earliest, t.latest) {
                (Some(a), Some(b)) if a == b => a.to_string(),
                (Some(a), Some(b)) => format!("{a} … {b}"),
                _ => "no range".into(),
            };
            let label = format!("“{}”  {} {}\n{range}", t.text, t.kind.as_str(), t.value);
            let response = ui.selectable_label(selected == Some(index), label);
            let response = match &t.anchor {
                Some(anchor) => response.on_hover_text(format!("anchored to: {anchor}")),
                None => response,
            };
            if response.clicked() {
                commands.push(Command::SelectTimex(index));
            }
        }
    });
}
