//! Panels. Each reads the document and pushes [`Command`]s; none changes state itself.

mod timeline_ui;

use crate::core::article::{Analysis, shorten};
use crate::core::document::{Document, Event, Evidence, Stance, range_label};
use crate::core::ingest::Problem;
use egui::text::LayoutJob;
use egui::{Color32, RichText, Stroke, TextFormat};
use std::collections::HashSet;
pub use timeline_ui::{TimelineIndex, focus_bounds, timeline_ui};

/// What the user chose for the look of the app, remembered between runs.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Settings {
    /// Dark theme (else light).
    pub dark: bool,
    /// UI scale (1.0 = 100 %).
    pub zoom: f32,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            dark: true,
            zoom: 1.0,
        }
    }
}

/// What the panels read: the document, what is shown of it, and the selection.
pub struct View<'a> {
    /// The timeline document.
    pub doc: &'a Document,
    /// Events shown, in date order.
    pub visible: &'a [usize],
    /// The shown events indexed for drawing.
    pub timeline: &'a TimelineIndex,
    /// How many shown events each article has evidence for (index-aligned with the articles).
    pub article_events: &'a [usize],
    /// Ids of articles left out.
    pub excluded: &'a HashSet<String>,
    /// The selected event.
    pub selected_event: Option<usize>,
    /// The article in the reader.
    pub selected_article: usize,
    /// The search text.
    pub search: &'a str,
    /// Only disputed events are shown.
    pub disputed_only: bool,
    /// Only this lane is shown.
    pub lane_filter: Option<&'a str>,
    /// Theme and scale.
    pub settings: Settings,
    /// Files read and in all, while articles are being opened in the background.
    pub progress: Option<(usize, usize)>,
    /// A message for the user.
    pub notice: Option<&'a str>,
}

impl View<'_> {
    /// The selected event, if it is shown.
    pub fn event(&self) -> Option<&Event> {
        self.selected_event.and_then(|i| self.doc.events.get(i))
    }

    /// An event's evidence from included articles.
    pub fn evidence<'e>(
        &self,
        event: &'e Event,
    ) -> impl Iterator<Item = &'e Evidence> + use<'e, '_> {
        event
            .evidence
            .iter()
            .filter(|x| !self.excluded.contains(&x.article))
    }
}

/// What the user asked for; the app applies these at the end of the frame.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Show this article in the reader.
    SelectArticle(usize),
    /// Select this event everywhere (timeline, list, inspector, reader).
    SelectEvent(usize),
    /// Select the next shown event in date order.
    SelectNext,
    /// Select the previous shown event in date order.
    SelectPrevious,
    /// Filter events by this text.
    SetSearch(String),
    /// Show only disputed events (or all).
    SetDisputedOnly(bool),
    /// Show only one lane (or all).
    SetLaneFilter(Option<String>),
    /// Read these files or folders in the background and show their timeline.
    OpenPaths(Vec<std::path::PathBuf>),
    /// Stop opening; keep the current timeline.
    CancelJob,
    /// Give an undated article its publication date (basis `user`) and re-date everything.
    SetArticleDate {
        /// Article index.
        article: usize,
        /// Its publication date.
        date: chrono::NaiveDate,
    },
    /// Dark (true) or light theme.
    SetDark(bool),
    /// UI scale.
    SetZoom(f32),
    /// Include or leave out an article's evidence.
    SetIncluded {
        /// Article index.
        article: usize,
        /// Whether its evidence counts.
        included: bool,
    },
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

/// The top bar: counts, the search field, skipped files.
pub fn header_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    problems: &[Problem],
    commands: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        ui.label("Open articles (file or folder):");
        let id = ui.make_persistent_id("open path");
        let mut path: String = ui.data(|d| d.get_temp(id)).unwrap_or_default();
        let field = ui.add(
            egui::TextEdit::singleline(&mut path)
                .hint_text("path, or drop files on the window")
                .desired_width(320.0),
        );
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if (ui.button("Open").clicked() || enter) && !path.trim().is_empty() {
            commands.push(Command::OpenPaths(vec![std::path::PathBuf::from(
                path.trim(),
            )]));
        }
        ui.data_mut(|d| d.insert_temp(id, path));
        if let Some((done, total)) = view.progress {
            let fraction = if total == 0 {
                0.0
            } else {
                done as f32 / total as f32
            };
            ui.add(
                egui::ProgressBar::new(fraction)
                    .desired_width(160.0)
                    .text(format!("reading {done}/{total}")),
            );
            if ui.button("Cancel").clicked() {
                commands.push(Command::CancelJob);
            }
        }
        if let Some(notice) = view.notice {
            ui.colored_label(Color32::from_rgb(220, 140, 40), notice);
        }
    });
    ui.horizontal(|ui| {
        ui.heading("Sightline");
        ui.label(format!(
            "{} · {} articles",
            view.doc.title,
            view.doc.articles.len()
        ));
        let mut search = view.search.to_string();
        let field =
            ui.add(egui::TextEdit::singleline(&mut search).hint_text("Search events and passages"));
        if field.changed() {
            commands.push(Command::SetSearch(search));
        }
        ui.label(format!(
            "{} of {} events",
            view.visible.len(),
            view.doc.events.len()
        ));
        let mut disputed_only = view.disputed_only;
        if ui.checkbox(&mut disputed_only, "Disputed only").changed() {
            commands.push(Command::SetDisputedOnly(disputed_only));
        }
        egui::ComboBox::from_label("Lane")
            .selected_text(view.lane_filter.unwrap_or("All lanes"))
            .show_ui(ui, |ui| {
                // Listed only while the menu is open: no per-frame pass over the events.
                let mut lanes: Vec<&str> =
                    view.doc.events.iter().map(|e| e.lane.as_str()).collect();
                lanes.sort_unstable();
                lanes.dedup();
                if ui
                    .selectable_label(view.lane_filter.is_none(), "All lanes")
                    .clicked()
                {
                    commands.push(Command::SetLaneFilter(None));
                }
                for lane in lanes {
                    if ui
                        .selectable_label(view.lane_filter == Some(lane), lane)
                        .clicked()
                    {
                        commands.push(Command::SetLaneFilter(Some(lane.to_string())));
                    }
                }
            });
        ui.separator();
        let theme = if view.settings.dark {
            "Light theme"
        } else {
            "Dark theme"
        };
        if ui.button(theme).clicked() {
            commands.push(Command::SetDark(!view.settings.dark));
        }
        if ui.button("A-").on_hover_text("Smaller text").clicked() {
            commands.push(Command::SetZoom(view.settings.zoom - 0.1));
        }
        ui.label(format!("{:.0} %", view.settings.zoom * 100.0));
        if ui.button("A+").on_hover_text("Larger text").clicked() {
            commands.push(Command::SetZoom(view.settings.zoom + 0.1));
        }
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

/// The article list (include box, date and its basis, events) and the shown events' list.
pub fn sources_ui(ui: &mut egui::Ui, view: &View<'_>, commands: &mut Vec<Command>) {
    let doc = view.doc;
    ui.heading("Sources");
    egui::ScrollArea::vertical()
        .id_salt("source list")
        .max_height(ui.available_height() * 0.4)
        .show(ui, |ui| {
            for (index, article) in doc.articles.iter().enumerate() {
                let events = view.article_events.get(index).copied().unwrap_or(0);
                ui.horizontal(|ui| {
                    let mut included = !view.excluded.contains(&article.id);
                    if ui
                        .checkbox(&mut included, "")
                        .on_hover_text("Include this article's evidence")
                        .changed()
                    {
                        commands.push(Command::SetIncluded {
                            article: index,
                            included,
                        });
                    }
                    let label = format!(
                        "{}\n{} · {events} events",
                        shorten(&article.title, 40),
                        article.date_with_basis()
                    );
                    if ui
                        .selectable_label(index == view.selected_article, label)
                        .clicked()
                    {
                        commands.push(Command::SelectArticle(index));
                    }
                });
            }
        });
    ui.separator();
    ui.heading("Events");
    // Only the rows on screen are laid out: the list costs the same with ten or 100,000 events.
    let row_height =
        2.0 * ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y + 2.0;
    egui::ScrollArea::vertical()
        .id_salt("event list")
        .show_rows(ui, row_height, view.visible.len(), |ui, rows| {
            for &index in &view.visible[rows] {
                let event = &doc.events[index];
                let disputed = if event.disputed { " [disputed]" } else { "" };
                let label = format!(
                    "{}{disputed}\n{} · {}",
                    shorten(&event.title, 40),
                    range_label(event.earliest, event.latest),
                    sources_label(event.sources)
                );
                let text = RichText::new(label).color(lane_color(&event.lane));
                if ui
                    .selectable_label(view.selected_event == Some(index), text)
                    .clicked()
                {
                    commands.push(Command::SelectEvent(index));
                }
            }
        });
}

/// The selected event: title, date and why, and its evidence by article with stance badges.
pub fn inspector_ui(ui: &mut egui::Ui, view: &View<'_>, commands: &mut Vec<Command>) {
    let doc = view.doc;
    ui.heading("Inspector");
    let Some(event) = view.event() else {
        ui.label("Select an event on the timeline or in the list (the left and right arrow keys step through them).");
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
                let range = range_label(step.earliest, step.latest);
                ui.label(format!(
                    "“{}”: {range}  ({}; {})",
                    step.text,
                    step.anchor,
                    &step.article[..step.article.len().min(3)]
                ));
            }
            ui.separator();
            ui.label(RichText::new("Evidence").strong());
            for e in view.evidence(event) {
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
/// temporal expressions underlined.
pub fn reader_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    analysis: &Analysis,
    commands: &mut Vec<Command>,
) {
    let Some(a) = view.doc.articles.get(view.selected_article) else {
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
    if a.published.is_none() {
        // An undated article: setting its date re-anchors its relative dates.
        ui.horizontal(|ui| {
            ui.label("Set date…");
            let id = ui.make_persistent_id(("set date", &a.id));
            let mut text: String = ui.data(|d| d.get_temp(id)).unwrap_or_default();
            ui.add(
                egui::TextEdit::singleline(&mut text)
                    .hint_text("YYYY-MM-DD")
                    .desired_width(110.0),
            );
            let parsed = crate::core::ingest::parse_date(&text);
            if ui
                .add_enabled(parsed.is_some(), egui::Button::new("Set"))
                .clicked()
                && let Some(date) = parsed
            {
                commands.push(Command::SetArticleDate {
                    article: view.selected_article,
                    date,
                });
            }
            if !text.is_empty() && parsed.is_none() {
                ui.weak("not a date");
            }
            ui.data_mut(|d| d.insert_temp(id, text));
        });
    }
    ui.separator();
    let passages: Vec<(usize, usize, Stance)> = view
        .event()
        .map(|e| {
            view.evidence(e)
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
