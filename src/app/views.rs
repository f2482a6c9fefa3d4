//! What the panels show, derived from the session's document and the user's view choices. Each
//! part is rebuilt only when what it depends on changed — the document (by its generation), the
//! filter, the lanes, the articles left out, the sort, the presentation order — and the
//! selection's place in the document is looked up again only when the document or the
//! selection changed. Nothing else keeps these in step.

use crate::core::document::{ArticleId, Document, EventId, Stance};
use crate::core::view::{self, Filter, LaneMode, ParticipantSummary, SlideOrder, SortColumn};
use crate::session::Session;
use crate::ui::TimelineIndex;
use std::collections::{HashMap, HashSet};

/// A passage of a shown event in an article: (start, end, event, stance) of its sentence.
pub type Highlight = (usize, usize, usize, Stance);

/// The user's choices of what to show and how.
#[derive(Clone, Debug, PartialEq)]
pub struct Choices {
    /// Which events are shown (search text, disputed, lane, source, stance, dates).
    pub filter: Filter,
    /// How the timeline's lanes group events.
    pub lane_mode: LaneMode,
    /// The event table's sort column and direction (true = ascending).
    pub sort: (SortColumn, bool),
    /// Articles left out: their evidence leaves the timeline.
    pub excluded: HashSet<ArticleId>,
}

impl Default for Choices {
    fn default() -> Self {
        Self {
            filter: Filter::default(),
            lane_mode: LaneMode::default(),
            // The most salient first, as the timeline labels them.
            sort: (
                SortColumn::Importance,
                SortColumn::Importance.ascending_first(),
            ),
            excluded: HashSet::new(),
        }
    }
}

/// What the user has selected, by id.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Selection {
    /// The selected event, shown in every panel.
    pub event: Option<EventId>,
    /// The article in the reader (none: the first).
    pub article: Option<ArticleId>,
    /// The event under the pointer on the timeline.
    pub hovered: Option<EventId>,
}

/// The derived views, each with what it was built from.
#[derive(Default)]
pub struct Views {
    /// The document generation, choices and slide order the views were built from.
    built_from: Option<(u64, Choices, Option<SlideOrder>)>,
    /// The selection the positions below were looked up for, and the generation.
    resolved_for: Option<(u64, Selection)>,
    /// Events shown, in date order: those matching the filter with evidence from included
    /// articles.
    pub visible: Vec<usize>,
    /// The shown events in the event table's order.
    pub table_rows: Vec<usize>,
    /// Per article (index-aligned), the shown events' passages in it, sorted by start. The
    /// reader highlights them and a click selects their event.
    pub passages: Vec<Vec<Highlight>>,
    /// The shown events indexed for the timeline.
    pub timeline: TimelineIndex,
    /// How many shown events each article has evidence for (index-aligned).
    pub article_events: Vec<usize>,
    /// Each article's place by id.
    pub article_at: HashMap<ArticleId, usize>,
    /// The participants of all the document's events, those in most events first.
    pub participants: Vec<ParticipantSummary>,
    /// The presentation's slides (events, in order), while presenting.
    pub slides: Vec<usize>,
    /// The selected event's place in the document.
    pub selected_event: Option<usize>,
    /// The reader's article's place in the document.
    pub selected_article: usize,
    /// The hovered event's place in the document.
    pub hovered_event: Option<usize>,
}

impl Views {
    /// Brings every view up to date with `session`, `choices` and the presentation's
    /// `slide_order`, rebuilding only what depends on something that changed; then looks up
    /// the selection. A selected event that is gone or no longer shown is unselected, and a
    /// change of the shown events drops the hover.
    pub fn update(
        &mut self,
        session: &Session,
        choices: &Choices,
        slide_order: Option<SlideOrder>,
        selection: &mut Selection,
    ) {
        let doc = session.document();
        let generation = session.generation();
        let (document_changed, shown_changed, sort_changed, slides_changed) = match &self.built_from
        {
            None => (true, true, true, true),
            Some((built, was, was_order)) => {
                let document = *built != generation;
                let shown = document
                    || was.filter != choices.filter
                    || was.lane_mode != choices.lane_mode
                    || was.excluded != choices.excluded;
                (
                    document,
                    shown,
                    shown || was.sort != choices.sort,
                    shown || *was_order != slide_order,
                )
            }
        };
        if document_changed {
            self.article_at = doc
                .articles
                .iter()
                .enumerate()
                .map(|(i, a)| (a.id.clone(), i))
                .collect();
            let all: Vec<usize> = (0..doc.events.len()).collect();
            self.participants = view::participants(doc, &all);
        }
        if shown_changed {
            self.visible = choices.filter.apply(doc, &choices.excluded);
            view::sort_events(doc, &mut self.visible, SortColumn::Date, true);
            self.timeline =
                TimelineIndex::new(doc, &self.visible, choices.lane_mode, &choices.excluded);
            self.passages = article_passages(doc, &self.visible, &choices.excluded);
            // An article's shown events are the distinct events of its passages.
            self.article_events = self
                .passages
                .iter()
                .map(|list| {
                    let mut events: Vec<usize> = list.iter().map(|p| p.2).collect();
                    events.sort_unstable();
                    events.dedup();
                    events.len()
                })
                .collect();
            selection.hovered = None;
        }
        if sort_changed {
            self.table_rows.clone_from(&self.visible);
            let (column, ascending) = choices.sort;
            view::sort_events(doc, &mut self.table_rows, column, ascending);
        }
        if slides_changed {
            self.slides = slide_order
                .map(|order| view::slides(doc, &self.visible, order))
                .unwrap_or_default();
        }
        if document_changed || shown_changed || sort_changed || slides_changed {
            self.built_from = Some((generation, choices.clone(), slide_order));
        }
        self.resolve(doc, generation, shown_changed, selection);
    }

    /// Looks up the selection's places in the document, when the document or the selection
    /// changed; a selected event that is not shown is unselected.
    fn resolve(
        &mut self,
        doc: &Document,
        generation: u64,
        shown_changed: bool,
        selection: &mut Selection,
    ) {
        let current = Some((generation, selection.clone()));
        if !shown_changed && self.resolved_for == current {
            return;
        }
        let place = |id: &Option<EventId>| id.as_ref().and_then(|id| doc.event_position(id));
        self.selected_event = place(&selection.event);
        if !self
            .selected_event
            .is_some_and(|e| self.visible.contains(&e))
        {
            self.selected_event = None;
            selection.event = None;
        }
        self.hovered_event = place(&selection.hovered);
        self.selected_article = selection
            .article
            .as_ref()
            .and_then(|id| self.article_at.get(id).copied())
            .unwrap_or(0);
        self.resolved_for = Some((generation, selection.clone()));
    }

    /// The shown event after (or before) the selected one in date order; the first shown
    /// when none is selected.
    #[must_use]
    pub fn step_from_selected(&self, forward: bool) -> Option<usize> {
        let position = self
            .selected_event
            .and_then(|s| self.visible.iter().position(|&v| v == s));
        match (forward, position) {
            (_, None) => self.visible.first(),
            (true, Some(p)) => self.visible.get(p + 1).or(self.visible.get(p)),
            (false, Some(p)) => self.visible.get(p.saturating_sub(1)),
        }
        .copied()
    }
}

/// Per article, the sentences of the passages of the `visible` events from included articles,
/// sorted by start.
fn article_passages(
    doc: &Document,
    visible: &[usize],
    excluded: &HashSet<ArticleId>,
) -> Vec<Vec<Highlight>> {
    let position = doc.article_positions();
    let mut passages = vec![Vec::new(); doc.articles.len()];
    for &e in visible {
        for x in &doc.events[e].evidence {
            if let Some(&a) = position.get(x.article.as_str())
                && !excluded.contains(&x.article)
            {
                let sentence = x.context_span();
                passages[a].push((sentence.start, sentence.end, e, x.stance));
            }
        }
    }
    for list in &mut passages {
        list.sort_unstable_by_key(|p| (p.0, p.1));
    }
    passages
}
