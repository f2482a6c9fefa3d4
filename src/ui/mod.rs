//! Panels. Each reads the document and pushes [`Command`]s; none changes state itself.

mod inspector_ui;
mod layout;
mod present_ui;
mod reader_ui;
mod timeline_ui;

use crate::command::{Answer, Command, Pick};
use crate::core::article::shorten;
use crate::core::document::{ArticleId, Document, Event, EventId, Stance, compact_range_label};
use crate::core::export::Format;
use crate::core::ingest::Problem;
use crate::core::persist::Recovery;
use crate::core::theme;
use crate::core::view::{Filter, LaneMode, SlideOrder, SortColumn};
use crate::settings::Settings;
use egui::{Color32, RichText};
pub use inspector_ui::inspector_ui;
pub use layout::{divider_name, divider_ui};
pub use present_ui::{Presentation, present_ui, story_ui};
pub use reader_ui::{passage_at, reader_ui};
use std::collections::HashSet;
pub use timeline_ui::{DrawnLabels, TimelineIndex, drawn_labels_id, timeline_plot_id, timeline_ui};

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
    pub excluded: &'a HashSet<ArticleId>,
    /// The selected event.
    pub selected_event: Option<usize>,
    /// The article in the reader.
    pub selected_article: usize,
    /// The event under the pointer on the timeline.
    pub hovered_event: Option<usize>,
    /// Which events are shown.
    pub filter: &'a Filter,
    /// How lanes group events.
    pub lane_mode: LaneMode,
    /// The event table's sort column and direction (true = ascending).
    pub sort: (SortColumn, bool),
    /// The shown events in table order.
    pub table_rows: &'a [usize],
    /// The shown events' passages in the reader's article: (start, end, event, stance).
    pub passages: &'a [(usize, usize, usize, Stance)],
    /// Theme and scale.
    pub settings: Settings,
    /// Files read and in all, while articles are being opened in the background.
    pub progress: Option<(usize, usize)>,
    /// A message for the user.
    pub notice: Option<&'a str>,
    /// There is a step to undo.
    pub can_undo: bool,
    /// There is a step to redo.
    pub can_redo: bool,
    /// Timelines opened or saved lately, newest first.
    pub recent: &'a [std::path::PathBuf],
    /// The size of exported images.
    pub export_image: crate::core::export::ImageOptions,
    /// Each article's index by id (built when the document changes, not every frame).
    pub article_at: &'a std::collections::HashMap<ArticleId, usize>,
    /// The story's participants, those in most events first.
    pub participants: &'a [crate::core::view::ParticipantSummary],
}

impl<'a> View<'a> {
    /// A view of `visible` events of `doc` for drawing the timeline alone (benchmarks, tests):
    /// no filter, no article left out, nothing selected, default settings.
    pub fn of_timeline(
        doc: &'a Document,
        visible: &'a [usize],
        timeline: &'a TimelineIndex,
    ) -> Self {
        static NO_ARTICLES: std::sync::LazyLock<HashSet<ArticleId>> =
            std::sync::LazyLock::new(HashSet::new);
        static NO_FILTER: std::sync::LazyLock<Filter> = std::sync::LazyLock::new(Filter::default);
        static NO_POSITIONS: std::sync::LazyLock<std::collections::HashMap<ArticleId, usize>> =
            std::sync::LazyLock::new(std::collections::HashMap::new);
        View {
            doc,
            visible,
            timeline,
            article_events: &[],
            excluded: &NO_ARTICLES,
            selected_event: None,
            selected_article: 0,
            hovered_event: None,
            filter: &NO_FILTER,
            lane_mode: LaneMode::Kind,
            sort: (SortColumn::Date, true),
            table_rows: visible,
            passages: &[],
            settings: Settings::default(),
            progress: None,
            notice: None,
            can_undo: false,
            can_redo: false,
            recent: &[],
            export_image: crate::core::export::ImageOptions::default(),
            article_at: &NO_POSITIONS,
            participants: &[],
        }
    }

    /// The id of the event at `index` in the document.
    pub fn event_id(&self, index: usize) -> EventId {
        self.doc.events[index].id.clone()
    }

    /// The selected event, if it is shown.
    pub fn event(&self) -> Option<&Event> {
        self.selected_event.and_then(|i| self.doc.events.get(i))
    }
}

/// A colour per lane, stable across frames.
pub fn lane_color(lane: &str) -> Color32 {
    color(theme::lane(lane))
}

/// A named colour of [`theme`] on screen.
pub fn color([r, g, b]: theme::Rgb) -> Color32 {
    Color32::from_rgb(r, g, b)
}

/// "1 source", "3 sources".
pub fn sources_label(n: usize) -> String {
    format!("{n} source{}", if n == 1 { "" } else { "s" })
}

/// A text field named by a label beside it (so that assistive tools and tests find it by name).
fn labelled_field(ui: &mut egui::Ui, name: &str, edit: egui::TextEdit<'_>) -> egui::Response {
    let label = ui.label(name);
    ui.add(edit).labelled_by(label.id)
}

/// A date field for a filter bound, kept as typed until it parses; the bound changes when the
/// user types a date or clears the field.
fn date_bound_ui(ui: &mut egui::Ui, name: &str, bound: &mut Option<chrono::NaiveDate>) {
    let id = egui::Id::unique(("filter date", name));
    let mut text: String = ui
        .data(|d| d.get_temp(id))
        .unwrap_or_else(|| bound.map(|d| d.to_string()).unwrap_or_default());
    let field = labelled_field(
        ui,
        name,
        egui::TextEdit::singleline(&mut text)
            .hint_text("YYYY-MM-DD")
            .desired_width(86.0),
    );
    let parsed = crate::core::ingest::parse_date(&text);
    if field.changed() && (parsed.is_some() || text.trim().is_empty()) {
        *bound = parsed;
    }
    if !text.trim().is_empty() && parsed.is_none() {
        ui.weak("not a date");
    }
    ui.data_mut(|d| d.insert_temp(id, text));
}

/// A menu of choices with an "all" entry (`None`), named `name`, changing `value`. The options
/// are listed only while the menu is open: no per-frame pass over the document.
fn choice_ui<T: Clone + PartialEq>(
    ui: &mut egui::Ui,
    name: &str,
    all: &str,
    value: &mut Option<T>,
    label: impl Fn(&T) -> String,
    options: impl FnOnce() -> Vec<T>,
) {
    // The name goes before the menu, as in a form; the menu is labelled by it.
    let name_label = ui.label(name);
    let selected = value.as_ref().map_or_else(|| all.to_string(), &label);
    let shown = egui::ComboBox::from_id_salt(("choice", name))
        .selected_text(shorten(&selected, 24))
        .show_ui(ui, |ui| {
            if ui.selectable_label(value.is_none(), all).clicked() {
                *value = None;
            }
            for option in options() {
                let text = shorten(&label(&option), 48);
                if ui
                    .selectable_label(value.as_ref() == Some(&option), text)
                    .clicked()
                {
                    *value = Some(option);
                }
            }
        });
    shown.response.labelled_by(name_label.id);
}

/// The File menu: timelines (new, open, recent, save) and articles (open, add).
fn file_menu_ui(ui: &mut egui::Ui, view: &View<'_>, commands: &mut Vec<Command>) {
    if ui.button("New").clicked() {
        commands.push(Command::NewTimeline);
    }
    if ui.button("Open timeline…").clicked() {
        commands.push(Command::ChooseTimeline);
    }
    ui.add_enabled_ui(!view.recent.is_empty(), |ui| {
        ui.menu_button("Open recent", |ui| {
            for path in view.recent {
                if ui.button(path.display().to_string()).clicked() {
                    commands.push(Command::OpenTimeline(path.clone()));
                }
            }
        });
    });
    if ui
        .add(egui::Button::new("Save").shortcut_text("Ctrl+S"))
        .clicked()
    {
        commands.push(Command::Save);
    }
    if ui.button("Save as…").clicked() {
        commands.push(Command::Choose(Pick::SaveTimeline));
    }
    ui.separator();
    if ui.button("Open articles…").clicked() {
        commands.push(Command::Choose(Pick::Articles));
    }
    if ui.button("Open folder…").clicked() {
        commands.push(Command::Choose(Pick::Folder));
    }
    if ui
        .button("Add articles…")
        .on_hover_text("Add articles to this timeline; your edits are kept")
        .clicked()
    {
        commands.push(Command::Choose(Pick::AddArticles));
    }
    ui.separator();
    ui.menu_button("Export", |ui| {
        let mut image = view.export_image;
        ui.horizontal(|ui| {
            ui.label("Image width");
            ui.add(egui::DragValue::new(&mut image.width).range(400.0..=8000.0));
            ui.label("scale");
            ui.add(
                egui::DragValue::new(&mut image.scale)
                    .range(0.5..=4.0)
                    .speed(0.1),
            );
        });
        if image != view.export_image {
            commands.push(Command::SetExportImage(image));
        }
        for format in Format::ALL {
            let name = match format {
                Format::Png => "PNG image…",
                Format::Svg => "SVG image…",
                Format::Html => "HTML briefing…",
                Format::Markdown => "Markdown briefing…",
                Format::Csv => "CSV of events…",
                Format::TimelineJs => "TimelineJS JSON…",
            };
            if ui.button(name).clicked() {
                commands.push(Command::Choose(Pick::Export(format)));
            }
        }
    });
    if ui.button("Import TimelineJS…").clicked() {
        commands.push(Command::Choose(Pick::ImportTimelineJs));
    }
}

/// Asks whether to save unsaved changes before `what` ("closing", "opening t.json").
pub fn unsaved_changes_ui(ui: &mut egui::Ui, what: &str, commands: &mut Vec<Command>) {
    egui::Modal::new(egui::Id::unique("unsaved changes")).show(ui.ctx(), |ui| {
        ui.heading("Unsaved changes");
        ui.label(format!("Save your changes before {what}?"));
        ui.horizontal(|ui| {
            if ui.button("Save").clicked() {
                commands.push(Command::Answer(Answer::Save));
            }
            if ui.button("Don't save").clicked() {
                commands.push(Command::Answer(Answer::Discard));
            }
            if ui.button("Cancel").clicked() {
                commands.push(Command::Answer(Answer::Cancel));
            }
        });
    });
}

/// Asks whether to replace a file that exists at the place chosen to write.
pub fn replace_file_ui(ui: &mut egui::Ui, path: &std::path::Path, commands: &mut Vec<Command>) {
    egui::Modal::new(egui::Id::unique("replace file")).show(ui.ctx(), |ui| {
        ui.heading("Replace the file?");
        ui.label(format!("{} already exists.", path.display()));
        ui.horizontal(|ui| {
            if ui.button("Replace").clicked() {
                commands.push(Command::ConfirmReplace(true));
            }
            if ui.button("Choose another").clicked() {
                commands.push(Command::ConfirmReplace(false));
            }
        });
    });
}

/// Offers back the unsaved work a previous run left.
pub fn recovery_ui(ui: &mut egui::Ui, recovery: &Recovery, commands: &mut Vec<Command>) {
    egui::Modal::new(egui::Id::unique("recovery")).show(ui.ctx(), |ui| {
        ui.heading("Restore unsaved work?");
        let file = recovery.path.as_ref().map_or_else(
            || "a timeline never saved".to_string(),
            |p| p.display().to_string(),
        );
        ui.label(format!(
            "Sightline closed with unsaved changes to {file} ({} events, kept at {}).",
            recovery.document.events.len(),
            recovery.at
        ));
        ui.horizontal(|ui| {
            if ui.button("Restore").clicked() {
                commands.push(Command::RestoreRecovery(true));
            }
            if ui.button("Discard").clicked() {
                commands.push(Command::RestoreRecovery(false));
            }
        });
    });
}

/// The top bar: the File and View menus, the path field, progress, then the search and filters.
pub fn header_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    problems: &[Problem],
    commands: &mut Vec<Command>,
) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| file_menu_ui(ui, view, commands));
        ui.menu_button("Edit", |ui| {
            if ui
                .add_enabled(
                    view.can_undo,
                    egui::Button::new("Undo").shortcut_text("Ctrl+Z"),
                )
                .clicked()
            {
                commands.push(Command::Undo);
            }
            if ui
                .add_enabled(
                    view.can_redo,
                    egui::Button::new("Redo").shortcut_text("Ctrl+Shift+Z"),
                )
                .clicked()
            {
                commands.push(Command::Redo);
            }
        });
        ui.menu_button("View", |ui| {
            if ui
                .add(egui::Button::new("Present").shortcut_text("F5"))
                .clicked()
            {
                commands.push(Command::Present(Some(SlideOrder::Date)));
            }
            if ui.button("Story order…").clicked() {
                commands.push(Command::ShowStory(true));
            }
            ui.separator();
            for mode in LaneMode::ALL {
                if ui.radio(view.lane_mode == mode, mode.label()).clicked() {
                    commands.push(Command::SetLaneMode(mode));
                }
            }
            ui.separator();
            let theme = if view.settings.dark {
                "Light theme"
            } else {
                "Dark theme"
            };
            if ui.button(theme).clicked() {
                commands.push(Command::SetDark(!view.settings.dark));
            }
            if ui.button("Larger text").clicked() {
                commands.push(Command::SetZoom(view.settings.zoom + 0.1));
            }
            if ui.button("Smaller text").clicked() {
                commands.push(Command::SetZoom(view.settings.zoom - 0.1));
            }
        });
        ui.heading("Sightline");
        // "12 articles" is already the count: no "12 articles · 12 articles".
        let count = format!("{} articles", view.doc.articles.len());
        ui.label(if view.doc.title == count {
            count
        } else {
            format!("{} · {count}", view.doc.title)
        });
        ui.separator();
        let id = egui::Id::unique("open path");
        let mut path: String = ui.data(|d| d.get_temp(id)).unwrap_or_default();
        let field = labelled_field(
            ui,
            "Open path",
            egui::TextEdit::singleline(&mut path)
                .hint_text("file or folder, or drop files on the window")
                .desired_width(260.0),
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
            ui.colored_label(color(theme::NOTICE), notice);
        }
        if !problems.is_empty() {
            ui.colored_label(
                color(theme::WARNING),
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
    filters_ui(ui, view, commands);
}

/// The search field, the filters and the count of events shown.
fn filters_ui(ui: &mut egui::Ui, view: &View<'_>, commands: &mut Vec<Command>) {
    let filter = view.filter;
    let mut new = filter.clone();
    ui.horizontal_wrapped(|ui| {
        let mut text = filter.text.clone();
        let field = labelled_field(
            ui,
            "Search",
            egui::TextEdit::singleline(&mut text)
                .hint_text("events and passages")
                .desired_width(200.0),
        );
        if field.changed() {
            new.text = text;
        }
        ui.label(format!(
            "{} of {} events",
            view.visible.len(),
            view.doc.events.len()
        ));
        ui.separator();
        let mut disputed_only = filter.disputed_only;
        if ui.checkbox(&mut disputed_only, "Disputed only").changed() {
            new.disputed_only = disputed_only;
        }
        let doc = view.doc;
        choice_ui(ui, "Lane", "All lanes", &mut new.lane, Clone::clone, || {
            let mut lanes: Vec<String> = doc.events.iter().map(|e| e.lane.clone()).collect();
            lanes.sort_unstable();
            lanes.dedup();
            lanes
        });
        let title_of = |id: &ArticleId| {
            doc.articles
                .iter()
                .find(|a| &a.id == id)
                .map_or_else(|| id.to_string(), |a| a.title.clone())
        };
        choice_ui(
            ui,
            "Source",
            "All sources",
            &mut new.source,
            title_of,
            || doc.articles.iter().map(|a| a.id.clone()).collect(),
        );
        choice_ui(
            ui,
            "Stance",
            "Any stance",
            &mut new.stance,
            |s| s.as_str().to_string(),
            || vec![Stance::Supports, Stance::Denies, Stance::Mentions],
        );
        date_bound_ui(ui, "From", &mut new.from);
        date_bound_ui(ui, "To", &mut new.to);
        if ui
            .add_enabled(filter.is_active(), egui::Button::new("Clear filters"))
            .clicked()
        {
            ui.data_mut(|d| {
                d.remove::<String>(egui::Id::unique(("filter date", "From")));
                d.remove::<String>(egui::Id::unique(("filter date", "To")));
            });
            new = Filter::default();
        }
    });
    if new != *filter {
        commands.push(Command::SetFilter(new));
    }
}

/// The article list (include box, title, date and its basis, number of shown events) or, on
/// its other tab, the participants list.
pub fn sources_ui(ui: &mut egui::Ui, view: &View<'_>, commands: &mut Vec<Command>) {
    let doc = view.doc;
    let tab = egui::Id::unique("left list shows participants");
    let mut participants = ui.data(|d| d.get_temp::<bool>(tab).unwrap_or(false));
    ui.horizontal(|ui| {
        for (name, is_participants) in [("Sources", false), ("Participants", true)] {
            let text = RichText::new(name).heading();
            if ui
                .selectable_label(participants == is_participants, text)
                .clicked()
            {
                participants = is_participants;
            }
        }
    });
    ui.data_mut(|d| d.insert_temp(tab, participants));
    if participants {
        participants_ui(ui, view, commands);
        return;
    }
    // Only the rows in sight are laid out: a story of 50,000 articles costs what a screenful
    // does.
    egui::ScrollArea::vertical()
        .id_salt("source list")
        .max_height(ui.available_height() * 0.35)
        .show_rows(
            ui,
            two_line_row_height(ui),
            doc.articles.len(),
            |ui, rows| {
                for (index, article) in doc
                    .articles
                    .iter()
                    .enumerate()
                    .skip(rows.start)
                    .take(rows.len())
                {
                    let events = view.article_events.get(index).copied().unwrap_or(0);
                    ui.horizontal(|ui| {
                        let mut included = !view.excluded.contains(&article.id);
                        if ui
                            .checkbox(&mut included, "")
                            .on_hover_text("Include this article's evidence")
                            .changed()
                        {
                            commands.push(Command::SetIncluded {
                                article: article.id.clone(),
                                included,
                            });
                        }
                        let label = format!(
                            "{}\n{} · {events} event{}",
                            shorten(&article.title, 40),
                            article.date_with_basis(),
                            if events == 1 { "" } else { "s" }
                        );
                        if ui
                            .selectable_label(index == view.selected_article, label)
                            .clicked()
                        {
                            commands.push(Command::SelectArticle(article.id.clone()));
                        }
                    });
                }
            },
        );
}

/// The height of a list row of two lines of text (a source, a participant).
fn two_line_row_height(ui: &egui::Ui) -> f32 {
    2.0 * ui.text_style_height(&egui::TextStyle::Body) + 2.0 * ui.spacing().button_padding.y
}

/// The story's people, organisations and places, those in most events first, with their
/// events' dates; a click shows only their events (again: everyone's).
fn participants_ui(ui: &mut egui::Ui, view: &View<'_>, commands: &mut Vec<Command>) {
    if view.participants.is_empty() {
        ui.weak("No named participants were found.");
    }
    egui::ScrollArea::vertical()
        .id_salt("participant list")
        .max_height(ui.available_height() * 0.35)
        .show_rows(
            ui,
            two_line_row_height(ui),
            view.participants.len(),
            |ui, rows| {
                for p in &view.participants[rows] {
                    let chosen = view.filter.participant.as_deref() == Some(p.name.as_str());
                    let label = format!(
                        "{}\n{} event{} · {}",
                        shorten(&p.name, 40),
                        p.events,
                        if p.events == 1 { "" } else { "s" },
                        crate::core::document::compact_range_label(p.first, p.last)
                    );
                    if ui
                        .selectable_label(chosen, label)
                        .on_hover_text("Show only the events they take part in")
                        .clicked()
                    {
                        commands.push(Command::SetFilter(view.filter.with_participant(&p.name)));
                    }
                }
            },
        );
}

/// The shown events as a table (date, title, kind, sources, disputed); a header click sorts by
/// its column (again: the other way); a row click selects the event everywhere.
pub fn events_table_ui(ui: &mut egui::Ui, view: &View<'_>, commands: &mut Vec<Command>) {
    use egui_extras::{Column, TableBuilder};
    let doc = view.doc;
    ui.heading("Events");
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
    // Keep a selection made elsewhere (timeline, arrow keys) in sight: its row is looked for
    // once per change of selection or order, not every frame.
    let scrolled_id = egui::Id::unique("table scrolled to");
    let key = (view.selected_event, view.sort, view.table_rows.len());
    let scroll_to = if ui.data(|d| d.get_temp(scrolled_id)) == Some(key) {
        None
    } else {
        ui.data_mut(|d| d.insert_temp(scrolled_id, key));
        view.selected_event
            .and_then(|s| view.table_rows.iter().position(|&r| r == s))
    };
    ui.style_mut().interaction.selectable_labels = false;
    let mut table = TableBuilder::new(ui)
        .id_salt("event table")
        .striped(true)
        .sense(egui::Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::auto().at_least(70.0).at_most(100.0).clip(true))
        .column(Column::remainder().at_least(80.0).clip(true))
        .column(Column::auto().at_least(40.0).at_most(56.0).clip(true))
        .column(Column::auto().at_most(32.0))
        .column(Column::auto().at_most(40.0).clip(true))
        .column(Column::auto().at_most(36.0))
        .min_scrolled_height(0.0);
    if let Some(row) = scroll_to {
        table = table.scroll_to_row(row, None);
    }
    table
        .header(row_height + 2.0, |mut header| {
            for column in SortColumn::ALL {
                header.col(|ui| {
                    let arrow = match view.sort {
                        (c, true) if c == column => " ^",
                        (c, false) if c == column => " v",
                        _ => "",
                    };
                    let short = match column {
                        SortColumn::Sources => "Src",
                        SortColumn::Disputed => "Disp.",
                        SortColumn::Importance => "Imp.",
                        _ => column.label(),
                    };
                    if ui
                        .button(format!("{short}{arrow}"))
                        .on_hover_text(format!("Sort by {}", column.label().to_lowercase()))
                        .clicked()
                    {
                        commands.push(Command::SortBy(column));
                    }
                });
            }
        })
        .body(|body| {
            // Only the rows on screen are laid out: the table costs the same with ten or
            // 100,000 events.
            body.rows(row_height, view.table_rows.len(), |mut row| {
                let index = view.table_rows[row.index()];
                let event = &doc.events[index];
                row.set_selected(view.selected_event == Some(index));
                row.set_hovered(view.hovered_event == Some(index));
                row.col(|ui| {
                    ui.label(compact_range_label(event.earliest, event.latest))
                        .on_hover_text(event.date_in_words());
                });
                row.col(|ui| {
                    ui.label(RichText::new(&event.title).color(lane_color(&event.lane)));
                });
                row.col(|ui| {
                    ui.label(&event.kind);
                });
                row.col(|ui| {
                    ui.label(event.sources.to_string());
                });
                row.col(|ui| {
                    if event.disputed {
                        ui.colored_label(color(theme::DENIED), "yes")
                            .on_hover_text("disputed: a source denies it");
                    }
                });
                row.col(|ui| {
                    // Salience as a percentage, the most important events near 100.
                    ui.label(format!("{:.0}", 100.0 * event.salience))
                        .on_hover_text("Importance: independent sources, passages, precision");
                });
                if row.response().clicked() {
                    commands.push(Command::SelectEvent(view.event_id(index)));
                }
            });
        });
}
