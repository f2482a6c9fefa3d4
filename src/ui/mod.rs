//! Panels. Each reads the document and pushes [`Command`]s; none changes state itself.

mod timeline_ui;

use crate::core::article::Analysis;
use crate::core::document::{Document, Event, Stance};
use crate::core::ingest::Problem;
use egui::text::LayoutJob;
use egui::{Color32, RichText, Stroke, TextFormat};
pub use timeline_ui::{focus_bounds, timeline_ui};

/// What the user asked for; the app applies these at the end of the frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Show this article in the reader.
    SelectArticle(usize),
    /// Select this event everywhere (timeline, list, inspector, reader).
    SelectEvent(usize),
}

/// A colour per lane, stable across frames.
pub fn lane_color(lane: &str) -> Color32 {
    let palette = [
        Color32::from_rgb(220, 80, 60),
        Color32::from_rgb(60, 140, 220),
        Color32::from_rgb(230, 160, 40),
        Color32::from_rgb(90, 180, 100),
        Color32::from_rgb(170, 100, 210),
        Color32::from_rgb(60, 190, 190),
    ];
    let index = lane.bytes().fold(0usize, |h, b| {
        h.wrapping_mul(31).wrapping_add(usize::from(b))
    });
    palette[index % palette.len()]
}

/// "1 source", "3 sources".
pub fn sources_label(n: usize) -> String {
    format!("{n} source{}", if n == 1 { "" } else { "s" })
}

/// An event's date in words, with its uncertainty.
pub fn date_label(event: &Event) -> String {
    match (event.earliest, event.latest) {
        (Some(a), Some(b)) if a == b => a.format("%-d %B %Y").to_string(),
        (Some(a), Some(b)) => format!(
            "between {} and {}",
            a.format("%-d %B %Y"),
            b.format("%-d %B %Y")
        ),
        (None, Some(b)) => format!("by {}", b.format("%-d %B %Y")),
        (Some(a), None) => format!("from {}", a.format("%-d %B %Y")),
        (None, None) => "undated".to_string(),
    }
}

/// The top bar: corpus counts and skipped files.
pub fn header_ui(ui: &mut egui::Ui, doc: &Document, problems: &[Problem]) {
    ui.horizontal(|ui| {
        ui.heading("Sightline");
        ui.label(format!(
            "{} · {} articles · {} events",
            doc.title,
            doc.articles.len(),
            doc.events.len()
        ));
        if !problems.is_empty() {
            ui.colored_label(
                Color32::from_rgb(200, 120, 0),
                format!("{} file(s) skipped", problems.len()),
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

/// The article list (date and its basis) and the event list (date, title, sources, disputes).
pub fn sources_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    selected_article: usize,
    selected_event: Option<usize>,
    commands: &mut Vec<Command>,
) {
    ui.heading("Sources");
    for (index, article) in doc.articles.iter().enumerate() {
        let events = doc
            .events
            .iter()
            .filter(|e| e.evidence.iter().any(|x| x.article == article.id))
            .count();
        let label = format!(
            "{}\n{} · {events} events",
            article.title,
            article.date_with_basis()
        );
        if ui
            .selectable_label(index == selected_article, label)
            .clicked()
        {
            commands.push(Command::SelectArticle(index));
        }
    }
    ui.separator();
    ui.heading("Events");
    egui::ScrollArea::vertical()
        .id_salt("event list")
        .show(ui, |ui| {
            for (index, event) in doc.events.iter().enumerate() {
                let disputed = if event.disputed { " [disputed]" } else { "" };
                let label = format!(
                    "{}{disputed}\n{} · {}",
                    event.title,
                    date_label(event),
                    sources_label(event.sources)
                );
                let text = RichText::new(label).color(lane_color(&event.lane));
                if ui
                    .selectable_label(selected_event == Some(index), text)
                    .clicked()
                {
                    commands.push(Command::SelectEvent(index));
                }
            }
        });
}

/// The selected event: title, date and why, and its evidence by article with stance badges.
pub fn inspector_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    selected_event: Option<usize>,
    commands: &mut Vec<Command>,
) {
    ui.heading("Inspector");
    let Some(event) = selected_event.and_then(|i| doc.events.get(i)) else {
        ui.label("Select an event on the timeline or in the list.");
        return;
    };
    egui::ScrollArea::vertical()
        .id_salt("inspector")
        .show(ui, |ui| {
            ui.label(RichText::new(&event.title).strong().size(16.0));
            ui.label(format!(
                "{} · {} · {} (independent)",
                date_label(event),
                event.kind,
                sources_label(event.sources)
            ));
            if event.disputed {
                ui.colored_label(
                    Color32::from_rgb(220, 80, 60),
                    "Disputed: some sources deny it",
                );
            }
            ui.separator();
            ui.label(RichText::new("Why this date").strong());
            if event.date_basis.is_empty() {
                ui.label("No passage dates it.");
            }
            for step in &event.date_basis {
                let range = match (step.earliest, step.latest) {
                    (Some(a), Some(b)) if a == b => a.to_string(),
                    (Some(a), Some(b)) => format!("{a} … {b}"),
                    (None, Some(b)) => format!("by {b}"),
                    _ => String::new(),
                };
                ui.label(format!(
                    "“{}”: {range}  ({}; {})",
                    step.text,
                    step.anchor,
                    &step.article[..step.article.len().min(3)]
                ));
            }
            ui.separator();
            ui.label(RichText::new("Evidence").strong());
            for e in &event.evidence {
                let Some(article) = doc.articles.iter().position(|a| a.id == e.article) else {
                    continue;
                };
                let (badge, color) = match e.stance {
                    Stance::Supports => ("supports", Color32::from_rgb(90, 180, 100)),
                    Stance::Denies => ("denies", Color32::from_rgb(220, 80, 60)),
                    Stance::Mentions => ("mentions", Color32::GRAY),
                };
                ui.horizontal_wrapped(|ui| {
                    ui.colored_label(
                        color,
                        format!("[{badge}{}]", if e.hedged { ", hedged" } else { "" }),
                    );
                    ui.label(RichText::new(&doc.articles[article].title).weak());
                });
                if ui.link(format!("“{}”", e.quote)).clicked() {
                    commands.push(Command::SelectArticle(article));
                }
            }
        });
}

/// The article text with the selected event's passages highlighted (denials in red) and
/// temporal expressions underlined; clicking a passage's event in the inspector brings it here.
pub fn reader_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    article: usize,
    analysis: &Analysis,
    selected_event: Option<usize>,
) {
    let Some(a) = doc.articles.get(article) else {
        return;
    };
    ui.heading(&a.title);
    let date = a.published.map_or_else(
        || "publication date unknown".to_string(),
        |d| format!("published {d}"),
    );
    ui.label(
        RichText::new(format!(
            "{date} ({}) · {}",
            a.published_basis.as_str(),
            a.path
        ))
        .weak(),
    );
    ui.separator();
    let passages: Vec<(usize, usize, Stance)> = selected_event
        .and_then(|i| doc.events.get(i))
        .map(|e| {
            e.evidence
                .iter()
                .filter(|x| x.article == a.id)
                .map(|x| (x.start, x.end, x.stance))
                .collect()
        })
        .unwrap_or_default();
    egui::ScrollArea::vertical()
        .id_salt("reader")
        .show(ui, |ui| {
            let font = egui::TextStyle::Body.resolve(ui.style());
            let plain = TextFormat::simple(font, ui.visuals().text_color());
            // Cut the text at every boundary of a passage or a temporal expression.
            let mut cuts: Vec<usize> = vec![0, a.text.len()];
            for &(s, e, _) in &passages {
                cuts.extend([s, e]);
            }
            for t in &analysis.timexes {
                cuts.extend([t.start, t.end]);
            }
            cuts.sort_unstable();
            cuts.dedup();
            let mut job = LayoutJob::default();
            for pair in cuts.windows(2) {
                let (s, e) = (pair[0], pair[1]);
                let Some(piece) = a.text.get(s..e) else {
                    continue;
                };
                let mut format = plain.clone();
                if let Some(&(_, _, stance)) =
                    passages.iter().find(|&&(ps, pe, _)| ps <= s && e <= pe)
                {
                    format.background = match stance {
                        Stance::Denies => Color32::from_rgba_unmultiplied(220, 80, 60, 70),
                        _ => Color32::from_rgba_unmultiplied(250, 190, 40, 70),
                    };
                }
                if analysis.timexes.iter().any(|t| t.start <= s && e <= t.end) {
                    format.underline = Stroke::new(1.5, Color32::from_rgb(60, 140, 220));
                }
                job.append(piece, 0.0, format);
            }
            job.wrap.max_width = ui.available_width();
            ui.label(job);
        });
}
