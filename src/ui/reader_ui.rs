//! The reader: an article's text with the shown events' passages highlighted in their event's
//! colour (denials red, the selected event's stronger, the words naming it strongest) and temporal
//! expressions underlined. A click on a highlight selects its event; a right click on a sentence
//! offers to make it a new event or add it to the selected one.

use super::{View, color, labelled_field, lane_color};
use crate::command::Command;
use crate::core::article::{Analysis, shorten};
use crate::core::document::{Evidence, Stance};
use crate::core::edit::Edit;
use crate::core::theme;
use egui::text::LayoutJob;
use egui::{RichText, Stroke, TextFormat};

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
    let heading_id = ui.heading(&a.title).id;
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
            let id = ui.make_persistent_id(("set date", &a.id));
            let mut text: String = ui.data(|d| d.get_temp(id)).unwrap_or_default();
            labelled_field(
                ui,
                "Set date…",
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
                    article: view.doc.articles[view.selected_article].id.clone(),
                    date,
                });
            }
            if !text.is_empty() && parsed.is_none() {
                ui.weak("not a date");
            }
            ui.data_mut(|d| d.insert_temp(id, text));
        });
    }
    // With text selected, what it can become is offered above the text.
    let selection_id = selection_id(&a.id);
    let selection: Option<(usize, usize)> = ui.data(|d| d.get_temp(selection_id));
    if let Some((start, end)) = selection {
        ui.horizontal_wrapped(|ui| {
            span_actions_ui(ui, view, analysis, start, end, commands);
        });
    } else {
        ui.weak("Select text, or right-click a sentence, to make it evidence.");
    }
    ui.separator();
    let selected = view.selected_event;
    egui::ScrollArea::vertical()
        .id_salt("reader")
        .show(ui, |ui| {
            let font = egui::TextStyle::Body.resolve(ui.style());
            let plain = TextFormat::simple(font, ui.visuals().text_color());
            // Cut the text at every boundary of a passage or a temporal expression.
            let mut cuts: Vec<usize> = vec![0, a.text.len()];
            for &(s, e, _, _) in view.passages {
                cuts.extend([s, e]);
            }
            for t in &analysis.timexes {
                cuts.extend([t.start, t.end]);
            }
            // The selected event's own words inside their sentences are marked the strongest.
            let named: Vec<(usize, usize)> = selected
                .and_then(|i| view.doc.events.get(i))
                .map(|event| {
                    event
                        .evidence
                        .iter()
                        .filter(|x| x.article == a.id)
                        .filter(|x| x.context.is_some())
                        .map(|x| (x.start, x.end))
                        .collect()
                })
                .unwrap_or_default();
            for &(s, e) in &named {
                cuts.extend([s, e]);
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
                if let Some(&(_, _, event, stance)) = passage_at(view.passages, s, selected) {
                    let strong = selected == Some(event);
                    let color = match stance {
                        Stance::Denies => color(theme::DENIED),
                        _ => lane_color(&view.doc.events[event].lane),
                    };
                    let naming = strong && named.iter().any(|&(ns, ne)| ns <= s && e <= ne);
                    format.background = color.gamma_multiply(if naming {
                        0.85
                    } else if strong {
                        0.45
                    } else {
                        0.2
                    });
                    if strong && stance == Stance::Denies {
                        format.strikethrough = Stroke::new(1.0, ui.visuals().text_color());
                    }
                }
                if analysis.timexes.iter().any(|t| t.start <= s && e <= t.end) {
                    format.underline = Stroke::new(1.5, color(theme::TIME_EXPRESSION));
                }
                job.append(piece, 0.0, format);
            }
            // A read-only text field: the text can be selected, and the layouter paints the
            // highlights and underlines.
            let mut layouter = |ui: &egui::Ui, _text: &dyn egui::TextBuffer, width: f32| {
                let mut job = job.clone();
                job.wrap.max_width = width;
                ui.ctx().fonts_mut(|f| f.layout_job(job))
            };
            let mut text = a.text.as_str();
            let output = egui::TextEdit::multiline(&mut text)
                .id_salt(("reader text", &a.id))
                .layouter(&mut layouter)
                .desired_width(f32::INFINITY)
                .frame(egui::Frame::NONE)
                .show(ui);
            let response = output.response.response.labelled_by(heading_id);
            let at = |pointer: egui::Pos2| {
                let cursor = output.galley.cursor_from_pos(pointer - output.galley_pos);
                byte_offset(&a.text, cursor.index.into())
            };
            // The selected text, kept until a plain click elsewhere in the text.
            if let Some(range) = output.cursor_range.filter(|r| !r.is_empty()) {
                let chars = range.as_sorted_char_range();
                let bytes = (
                    byte_offset(&a.text, chars.start.into()),
                    byte_offset(&a.text, chars.end.into()),
                );
                ui.data_mut(|d| d.insert_temp(selection_id, bytes));
            } else if response.clicked() {
                ui.data_mut(|d| d.remove::<(usize, usize)>(selection_id));
            }
            // A right click offers the selection, or else the sentence under the pointer, as a
            // new event or as evidence.
            let menu_id = egui::Id::unique(("reader sentence", &a.id));
            if response.secondary_clicked()
                && let Some(pointer) = response.interact_pointer_pos()
            {
                let offset = at(pointer);
                let selection: Option<(usize, usize)> = ui.data(|d| d.get_temp(selection_id));
                let span = selection
                    .filter(|&(s, e)| s <= offset && offset <= e)
                    .or_else(|| {
                        analysis
                            .sentences
                            .iter()
                            .find(|s| s.start <= offset && offset < s.end.max(s.start + 1))
                            .map(|s| (s.start, s.end))
                    });
                ui.data_mut(|d| d.insert_temp(menu_id, span));
            }
            response.context_menu(|ui| {
                let span: Option<(usize, usize)> = ui.data(|d| d.get_temp(menu_id)).flatten();
                match span {
                    Some((start, end)) => {
                        span_actions_ui(ui, view, analysis, start, end, commands);
                    }
                    None => {
                        ui.label("Select text (or right-click a sentence) to make it evidence.");
                    }
                }
            });
            // A click on a highlighted passage selects its event.
            if response.clicked()
                && let Some(pointer) = response.interact_pointer_pos()
                && let Some(&(_, _, event, _)) = passage_at(view.passages, at(pointer), selected)
            {
                commands.push(Command::SelectEvent(view.event_id(event)));
            }
        });
}

/// Where the reader keeps the text selected in an article (byte range), until it is used or a
/// plain click lets it go.
fn selection_id(article: &str) -> egui::Id {
    egui::Id::unique(("reader selection", article))
}

/// The byte offset of the `chars`-th character of `text` (its length past the end).
fn byte_offset(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| i)
}

/// What a selection or right-clicked sentence can become: a new event (dated by a temporal
/// expression inside it, if any) or a passage of the selected event with a stance.
fn span_actions_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    analysis: &Analysis,
    start: usize,
    end: usize,
    commands: &mut Vec<Command>,
) {
    let Some(article) = view.doc.articles.get(view.selected_article) else {
        return;
    };
    let Some(raw) = article.text.get(start..end) else {
        return;
    };
    // Surrounding blanks are not part of the passage.
    let quote = raw.trim();
    let start = start + (raw.len() - raw.trim_start().len());
    let end = start + quote.len();
    if quote.is_empty() {
        return;
    }
    // Once used, the selection is let go and the menu closes.
    let done = |ui: &egui::Ui| {
        ui.data_mut(|d| d.remove::<(usize, usize)>(selection_id(&article.id)));
        ui.close();
    };
    let passage = |stance| Evidence {
        article: article.id.clone(),
        start,
        end,
        quote: quote.to_string(),
        stance,
        hedged: false,
        context: None,
    };
    ui.label(RichText::new(format!("“{}”", shorten(quote, 48))).weak());
    if ui.button("New event from selection").clicked() {
        // The first dated expression inside the sentence pre-fills the date.
        let dated = analysis.timexes.iter().find(|t| {
            start <= t.start && t.end <= end && (t.earliest.is_some() || t.latest.is_some())
        });
        commands.push(Command::Edit(Edit::NewEvent {
            title: shorten(quote, 70),
            kind: "statement".into(),
            evidence: vec![passage(Stance::Supports)],
            earliest: dated.and_then(|t| t.earliest),
            latest: dated.and_then(|t| t.latest),
        }));
        done(ui);
    }
    if let Some(event) = view.selected_event {
        for stance in [Stance::Supports, Stance::Denies, Stance::Mentions] {
            if ui.button(format!("Add as {}", stance.as_str())).clicked() {
                commands.push(Command::Edit(Edit::AddPassage {
                    event: view.event_id(event),
                    evidence: passage(stance),
                }));
                done(ui);
            }
        }
    }
}

/// The passage covering byte `offset` (passages sorted by start), preferring the selected
/// event's where passages overlap.
pub fn passage_at(
    passages: &[(usize, usize, usize, Stance)],
    offset: usize,
    selected: Option<usize>,
) -> Option<&(usize, usize, usize, Stance)> {
    let end = passages.partition_point(|p| p.0 <= offset);
    let mut covering = passages[..end].iter().filter(|p| offset < p.1);
    let first = covering.next()?;
    Some(
        std::iter::once(first)
            .chain(covering)
            .find(|p| Some(p.2) == selected)
            .unwrap_or(first),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_click_finds_the_covering_passage_preferring_the_selected_event() {
        let passages = [
            (0, 10, 7, Stance::Supports),
            (5, 20, 3, Stance::Denies),
            (30, 40, 9, Stance::Mentions),
        ];
        assert_eq!(passage_at(&passages, 2, None).map(|p| p.2), Some(7));
        assert_eq!(passage_at(&passages, 6, None).map(|p| p.2), Some(7));
        assert_eq!(passage_at(&passages, 6, Some(3)).map(|p| p.2), Some(3));
        assert_eq!(passage_at(&passages, 15, None).map(|p| p.2), Some(3));
        assert_eq!(passage_at(&passages, 25, None), None);
        assert_eq!(passage_at(&passages, 40, None), None, "end is exclusive");
    }
}
