//! What a reader of the timeline chooses to see: filters, how events are grouped into lanes, and
//! how the event table is sorted. Pure functions of the document, so the app and the CLI agree.

use crate::core::document::{ArticleId, Document, Event, Role, Stance};
use chrono::{Datelike, NaiveDate};
use std::collections::HashSet;

/// Which events are shown. The default shows every event with evidence from an included article.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    /// Text that the title, the kind or a passage's sentence must contain (case-insensitive).
    pub text: String,
    /// Only events some passage denies.
    pub disputed_only: bool,
    /// Only events in this lane (by kind).
    pub lane: Option<String>,
    /// Only events with evidence from this article (by id).
    pub source: Option<ArticleId>,
    /// Only events with a passage of this stance.
    pub stance: Option<Stance>,
    /// Only events this participant (by name) takes part in.
    pub participant: Option<String>,
    /// Only events that may have happened on or after this day.
    pub from: Option<NaiveDate>,
    /// Only events that may have happened on or before this day.
    pub to: Option<NaiveDate>,
}

impl Filter {
    /// Whether `event` is shown, given the articles left out; `text_of` gives an article's text
    /// by id, to search the sentences of its passages.
    fn matches<'d>(
        &self,
        event: &'d Event,
        excluded: &HashSet<ArticleId>,
        text_of: impl Fn(&str) -> Option<&'d str>,
    ) -> bool {
        let mut evidence = event
            .evidence
            .iter()
            .filter(|x| !excluded.contains(&x.article))
            .peekable();
        // Left out when all its passages are (an event without passages, imported or made by
        // hand, stays).
        if evidence.peek().is_none() && !event.evidence.is_empty() {
            return false;
        }
        if self.disputed_only && !event.disputed {
            return false;
        }
        if self.lane.as_ref().is_some_and(|lane| &event.lane != lane) {
            return false;
        }
        if let Some(name) = &self.participant
            && !event.participants.iter().any(|p| &p.name == name)
        {
            return false;
        }
        if (self.from.is_some() || self.to.is_some()) && !self.overlaps(event) {
            return false;
        }
        let needle = self.text.to_lowercase();
        let mut text_found = needle.is_empty()
            || event.title.to_lowercase().contains(&needle)
            || event.kind.contains(&needle);
        let (mut source_found, mut stance_found) = (self.source.is_none(), self.stance.is_none());
        for x in evidence {
            text_found = text_found
                || text_of(&x.article)
                    .map_or(x.quote.as_str(), |t| x.context_in(t))
                    .to_lowercase()
                    .contains(&needle);
            source_found = source_found || self.source.as_ref() == Some(&x.article);
            stance_found = stance_found || self.stance == Some(x.stance);
        }
        text_found && source_found && stance_found
    }

    /// Whether the event's possible days meet the filter's date range (an undated event does not).
    fn overlaps(&self, event: &Event) -> bool {
        let (Some(start), Some(end)) = (
            event.earliest.or(event.latest),
            event.latest.or(event.earliest),
        ) else {
            return false;
        };
        self.from.is_none_or(|from| end >= from) && self.to.is_none_or(|to| start <= to)
    }

    /// The same filter showing only `name`'s events, or, when it already does, every
    /// participant's.
    #[must_use]
    pub fn with_participant(&self, name: &str) -> Self {
        let chosen = self.participant.as_deref() == Some(name);
        Self {
            participant: (!chosen).then(|| name.to_string()),
            ..self.clone()
        }
    }

    /// Whether anything beyond the defaults is set.
    pub fn is_active(&self) -> bool {
        *self != Self::default()
    }

    /// The indices of the events of `doc` this filter shows, in document order.
    pub fn apply(&self, doc: &Document, excluded: &HashSet<ArticleId>) -> Vec<usize> {
        let position = doc.article_positions();
        let text_of = |id: &str| position.get(id).map(|&a| doc.articles[a].text.as_str());
        doc.events
            .iter()
            .enumerate()
            .filter(|(_, e)| self.matches(e, excluded, text_of))
            .map(|(i, _)| i)
            .collect()
    }
}

/// How the timeline's lanes group events.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum LaneMode {
    /// One lane per kind of event (military action, statements, …).
    #[default]
    Kind,
    /// One lane per source article: an event shows in each article that reports it.
    Source,
    /// One lane per analyst tag; untagged events share a lane.
    Tag,
    /// One lane per person or organisation among the story's most frequent (see
    /// [`main_participants`]); an event shows in the lane of each of its participants, the
    /// others share a lane.
    Participant,
}

impl LaneMode {
    /// Every mode, for menus.
    pub const ALL: [LaneMode; 4] = [
        LaneMode::Kind,
        LaneMode::Source,
        LaneMode::Tag,
        LaneMode::Participant,
    ];

    /// The mode's name in menus.
    pub fn label(self) -> &'static str {
        match self {
            LaneMode::Kind => "Lanes by kind",
            LaneMode::Source => "Lanes by source",
            LaneMode::Tag => "Lanes by tag",
            LaneMode::Participant => "Lanes by participant",
        }
    }
}

/// How many participants get a lane of their own.
pub const PARTICIPANT_LANES: usize = 8;
/// The lane of events with none of the main participants.
pub const OTHER_PARTICIPANTS: &str = "other participants";

/// One participant of the story as the participants panel lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct ParticipantSummary {
    /// The name events carry.
    pub name: String,
    /// How many of the given events it takes part in.
    pub events: usize,
    /// The earliest day any of those may have happened.
    pub first: Option<NaiveDate>,
    /// The latest day any of those may have happened.
    pub last: Option<NaiveDate>,
    /// It acts or is acted on somewhere (a person or organisation), not only a place.
    pub acts: bool,
}

/// The participants of the `events` of `doc`, those in most events first (then by name).
pub fn participants(doc: &Document, events: &[usize]) -> Vec<ParticipantSummary> {
    let mut by_name: std::collections::HashMap<&str, ParticipantSummary> =
        std::collections::HashMap::new();
    for event in events.iter().filter_map(|&e| doc.events.get(e)) {
        let mut seen: HashSet<&str> = HashSet::new();
        for p in &event.participants {
            let entry = by_name
                .entry(p.name.as_str())
                .or_insert_with(|| ParticipantSummary {
                    name: p.name.clone(),
                    events: 0,
                    first: None,
                    last: None,
                    acts: false,
                });
            entry.acts |= p.role != Role::Place;
            if seen.insert(p.name.as_str()) {
                entry.events += 1;
                let (first, last) = (
                    event.earliest.or(event.latest),
                    event.latest.or(event.earliest),
                );
                entry.first = entry.first.into_iter().chain(first).min();
                entry.last = entry.last.into_iter().chain(last).max();
            }
        }
    }
    let mut list: Vec<ParticipantSummary> = by_name.into_values().collect();
    list.sort_by(|a, b| b.events.cmp(&a.events).then_with(|| a.name.cmp(&b.name)));
    list
}

/// The names of the [`PARTICIPANT_LANES`] people and organisations in most of `events`.
pub fn main_participants(doc: &Document, events: &[usize]) -> HashSet<String> {
    participants(doc, events)
        .into_iter()
        .filter(|p| p.acts)
        .take(PARTICIPANT_LANES)
        .map(|p| p.name)
        .collect()
}

/// A day as a number on a time axis (days since the common era); timelines plot this.
pub fn x_of(day: NaiveDate) -> f64 {
    f64::from(day.num_days_from_ce())
}

/// The day at axis position `x`, if chrono can hold it.
pub fn day_of(x: f64) -> Option<NaiveDate> {
    let days = x.round();
    if days.abs() > f64::from(i32::MAX) {
        return None;
    }
    NaiveDate::from_num_days_from_ce_opt(days as i32)
}

/// Days shown either side of an event range with no start ("by 29 December").
const OPEN_START_DAYS: f64 = 14.0;

/// The axis span an event occupies (an open end is drawn a fortnight long).
pub fn span(event: &Event) -> Option<(f64, f64)> {
    match (event.earliest, event.latest) {
        (Some(a), Some(b)) => Some((x_of(a), x_of(b))),
        (None, Some(b)) => Some((x_of(b) - OPEN_START_DAYS, x_of(b))),
        (Some(a), None) => Some((x_of(a), x_of(a) + OPEN_START_DAYS)),
        (None, None) => None,
    }
}

/// The axis position of an event's marker: its best day, else the end of its span.
pub fn marker_x(event: &Event, end: f64) -> f64 {
    event.best.map_or(end, x_of)
}

/// Ranges longer than this are shown in the focus view by their end only.
const FOCUS_MAX_RANGE_DAYS: f64 = 45.0;

/// Below this many events the focus view holds them all; from it on, it holds the shortest
/// stretch of time with [`FOCUS_SHARE`] of the story's weight.
const FOCUS_TRIM_FROM: usize = 12;

/// The share of the story's weight the focus view holds: where the story is densest.
const FOCUS_SHARE: f64 = 0.6;

/// The view a new user sees: where the corroborated events are, weighted by salience (long vague
/// ranges count by their end), and for a story of many events the shortest stretch of time
/// holding three fifths of that weight — where the story is densest — so that distant
/// background (the 1870s, "in 1945") or years of context do not squash the story into a
/// pixel. Extra room on the right keeps labels readable.
pub fn focus_bounds(doc: &Document) -> Option<(f64, f64)> {
    let points = |min_sources: usize| -> Vec<(f64, f64, f64)> {
        doc.events
            .iter()
            .filter(|e| e.sources >= min_sources)
            .filter_map(|e| {
                let (a, b) = span(e)?;
                let weight = e.salience.max(0.05);
                Some(if b - a > FOCUS_MAX_RANGE_DAYS {
                    (b, b, weight)
                } else {
                    (a, b, weight)
                })
            })
            .collect()
    };
    let mut focus = points(2);
    if focus.is_empty() {
        focus = points(0);
    }
    let (mut start, mut end) = (
        focus.iter().map(|s| s.0).fold(f64::INFINITY, f64::min),
        focus.iter().map(|s| s.1).fold(f64::NEG_INFINITY, f64::max),
    );
    if focus.len() >= FOCUS_TRIM_FROM {
        // The shortest run of events (by their middles) that holds the share: two pointers.
        focus.sort_by(|a, b| (a.0 + a.1).total_cmp(&(b.0 + b.1)));
        let middle = |i: usize| focus[i].0.midpoint(focus[i].1);
        let need = focus.iter().map(|p| p.2).sum::<f64>() * FOCUS_SHARE;
        let (mut first, mut held) = (0, 0.0);
        let mut best: Option<(usize, usize)> = None;
        for last in 0..focus.len() {
            held += focus[last].2;
            while held - focus[first].2 >= need {
                held -= focus[first].2;
                first += 1;
            }
            if held >= need
                && best.is_none_or(|(f, l)| middle(last) - middle(first) < middle(l) - middle(f))
            {
                best = Some((first, last));
            }
        }
        if let Some((first, last)) = best {
            let run = &focus[first..=last];
            start = run.iter().map(|p| p.0).fold(f64::INFINITY, f64::min);
            end = run.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
        }
    }
    (start.is_finite() && end.is_finite()).then(|| {
        let width = (end - start).max(7.0);
        (start - width * 0.08, end + width * 0.45)
    })
}

/// How many interquartile ranges beyond the middle half of the events' days the story's span
/// reaches ([`story_span`]; Tukey's far-out fences).
const STORY_SPAN_FENCE: f64 = 3.0;

/// The least interquartile range [`story_span`] assumes, in days: a story told in one week
/// still spans its months around it.
const STORY_SPAN_MIN_IQR: f64 = 30.0;

/// The stretch of time the story is told in, from the days of its events (plot x, any order):
/// the middle half of them widened by [`STORY_SPAN_FENCE`] times its length on each side, no
/// wider than the days themselves, so that background centuries before the story ("the 1820s",
/// "seventh-century Arabia") do not squash it into a sliver. `None` without days.
pub fn story_span(days: &mut [f64]) -> Option<(f64, f64)> {
    days.sort_by(f64::total_cmp);
    let (first, last) = (*days.first()?, *days.last()?);
    let quartile = |q: f64| days[((days.len() - 1) as f64 * q).round() as usize];
    let (q1, q3) = (quartile(0.25), quartile(0.75));
    let reach = (q3 - q1).max(STORY_SPAN_MIN_IQR) * STORY_SPAN_FENCE;
    Some(((q1 - reach).max(first), (q3 + reach).min(last)))
}

/// The lane name of untagged events when lanes are by tag.
pub const UNTAGGED: &str = "untagged";

/// The lanes `event` is drawn in under `mode` (at least one), without the left-out articles.
/// `positions` is the document's [`Document::article_positions`], built once by the caller;
/// `main` names the participants with lanes of their own ([`main_participants`]).
pub fn lanes_of(
    doc: &Document,
    positions: &std::collections::HashMap<&str, usize>,
    event: &Event,
    mode: LaneMode,
    excluded: &HashSet<ArticleId>,
    main: &HashSet<String>,
) -> Vec<String> {
    match mode {
        LaneMode::Kind => vec![event.lane.clone()],
        LaneMode::Tag if event.tags.is_empty() => vec![UNTAGGED.to_string()],
        LaneMode::Tag => event.tags.clone(),
        LaneMode::Participant => {
            let mut lanes: Vec<String> = Vec::new();
            for p in event.participants.iter().filter(|p| p.role != Role::Place) {
                if main.contains(&p.name) && !lanes.contains(&p.name) {
                    lanes.push(p.name.clone());
                }
            }
            if lanes.is_empty() {
                lanes.push(OTHER_PARTICIPANTS.to_string());
            }
            lanes
        }
        LaneMode::Source => {
            let mut lanes: Vec<String> = Vec::new();
            for x in event
                .evidence
                .iter()
                .filter(|x| !excluded.contains(&x.article))
            {
                let name = positions
                    .get(x.article.as_str())
                    .map_or_else(|| x.article.to_string(), |&a| source_name(&doc.articles[a]));
                if !lanes.contains(&name) {
                    lanes.push(name);
                }
            }
            lanes
        }
    }
}

/// How an article is named in a lane: its outlet, else its title, kept short.
fn source_name(article: &crate::core::article::Article) -> String {
    let name = article.outlet.as_deref().unwrap_or(&article.title);
    crate::core::article::shorten(name, 28)
}

/// Which events the slides of a presentation show, in which order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SlideOrder {
    /// Every shown event, in date order.
    #[default]
    Date,
    /// Every shown event, the most important first.
    Importance,
    /// The starred events, in date order.
    Starred,
    /// The analyst's story order.
    Story,
}

impl SlideOrder {
    /// Every order, for menus.
    pub const ALL: [SlideOrder; 4] = [
        SlideOrder::Date,
        SlideOrder::Importance,
        SlideOrder::Starred,
        SlideOrder::Story,
    ];

    /// The order's name in menus.
    pub fn label(self) -> &'static str {
        match self {
            SlideOrder::Date => "All events by date",
            SlideOrder::Importance => "All events, most important first",
            SlideOrder::Starred => "Starred events",
            SlideOrder::Story => "Story order",
        }
    }
}

/// The slides: events among `shown` (in date order) as `order` picks them.
pub fn slides(doc: &Document, shown: &[usize], order: SlideOrder) -> Vec<usize> {
    match order {
        SlideOrder::Date => shown.to_vec(),
        SlideOrder::Importance => {
            let mut by_importance = shown.to_vec();
            sort_events(doc, &mut by_importance, SortColumn::Importance, false);
            by_importance
        }
        SlideOrder::Starred => shown
            .iter()
            .copied()
            .filter(|&i| doc.events[i].starred)
            .collect(),
        SlideOrder::Story => doc
            .story
            .iter()
            .filter_map(|id| doc.events.iter().position(|e| &e.id == id))
            .filter(|i| shown.contains(i))
            .collect(),
    }
}

/// A column of the event table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortColumn {
    /// Earliest possible day, then latest.
    #[default]
    Date,
    /// Title, alphabetically.
    Title,
    /// Kind, alphabetically.
    Kind,
    /// Independent sources.
    Sources,
    /// Disputed first (descending) or last.
    Disputed,
    /// Salience: the most important first (descending).
    Importance,
}

impl SortColumn {
    /// Every column, in table order.
    pub const ALL: [SortColumn; 6] = [
        SortColumn::Date,
        SortColumn::Title,
        SortColumn::Kind,
        SortColumn::Sources,
        SortColumn::Disputed,
        SortColumn::Importance,
    ];

    /// Whether a first click sorts it ascending: importance puts the most important first.
    pub fn ascending_first(self) -> bool {
        self != SortColumn::Importance
    }

    /// The column's header.
    pub fn label(self) -> &'static str {
        match self {
            SortColumn::Date => "Date",
            SortColumn::Title => "Event",
            SortColumn::Kind => "Kind",
            SortColumn::Sources => "Sources",
            SortColumn::Disputed => "Disputed",
            SortColumn::Importance => "Importance",
        }
    }
}

/// Sorts event indices by a column; ties keep date order, undated events last by date.
pub fn sort_events(doc: &Document, rows: &mut [usize], column: SortColumn, ascending: bool) {
    let date_key = |e: &Event| (e.earliest.or(e.latest).is_none(), e.earliest, e.latest);
    rows.sort_by(|&a, &b| {
        let (x, y) = (&doc.events[a], &doc.events[b]);
        let primary = match column {
            SortColumn::Date => std::cmp::Ordering::Equal,
            SortColumn::Title => x.title.to_lowercase().cmp(&y.title.to_lowercase()),
            SortColumn::Kind => x.kind.cmp(&y.kind),
            SortColumn::Sources => x.sources.cmp(&y.sources),
            SortColumn::Disputed => x.disputed.cmp(&y.disputed),
            SortColumn::Importance => x.salience.total_cmp(&y.salience),
        };
        let primary = if ascending {
            primary
        } else {
            primary.reverse()
        };
        let by_date = date_key(x).cmp(&date_key(y));
        let by_date = if column == SortColumn::Date && !ascending {
            by_date.reverse()
        } else {
            by_date
        };
        primary.then(by_date).then(a.cmp(&b))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seeds() -> Document {
        crate::core::pipeline::read(crate::core::ingest::seed_articles().articles, "seeds").document
    }

    #[test]
    fn the_story_span_leaves_out_background_centuries_but_not_the_story() {
        let x = |s: &str| x_of(s.parse().expect("date"));
        let mut days: Vec<f64> = (0..40)
            .map(|i| x("2006-01-01") + f64::from(i) * 20.0)
            .chain([x("0650-06-01"), x("1871-03-18"), x("2024-01-01")])
            .collect();
        let (lo, hi) = story_span(&mut days).expect("days");
        assert!(lo > x("2000-01-01") && lo <= x("2006-01-01"), "{lo}");
        assert!(hi >= x("2008-02-20") && hi < x("2024-01-01"), "{hi}");
        // A story of a few days keeps every day.
        let mut week: Vec<f64> = (0..5).map(|i| x("2025-12-26") + f64::from(i)).collect();
        assert_eq!(
            story_span(&mut week),
            Some((x("2025-12-26"), x("2025-12-30")))
        );
        assert_eq!(story_span(&mut []), None);
    }

    #[test]
    fn focus_is_where_the_story_is_not_where_its_background_is() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("date");
        let event = |date: NaiveDate, sources: usize, salience: f64| Event {
            earliest: Some(date),
            latest: Some(date),
            best: Some(date),
            sources,
            salience,
            ..Event::default()
        };
        // Twenty events in May and June 2011, corroborated background in 1871 and 1945.
        let mut events: Vec<Event> = (0..20)
            .map(|i| {
                event(
                    day(2011, 5, 1) + chrono::Days::new(3 * i),
                    3,
                    0.5 + 0.02 * i as f64,
                )
            })
            .collect();
        events.push(event(day(1871, 3, 18), 2, 0.3));
        events.push(event(day(1945, 7, 1), 2, 0.2));
        let mut doc = crate::core::pipeline::read(Vec::new(), "background").document;
        doc.events = events;
        let (lo, hi) = focus_bounds(&doc).expect("dated events");
        let (lo, hi) = (day_of(lo).expect("day"), day_of(hi).expect("day"));
        assert!(
            lo >= day(2011, 1, 1) && hi <= day(2011, 12, 31),
            "{lo} .. {hi}"
        );
        // A story of a few events keeps every one in view.
        let mut few = doc.clone();
        few.events.drain(..15);
        let (lo, _) = focus_bounds(&few).expect("dated events");
        assert!(day_of(lo).expect("day") <= day(1871, 3, 18));
        // Ten years of context around one dense month: the focus is the dense stretch.
        let mut events: Vec<Event> = (0..40u64)
            .map(|i| event(day(2010, 1, 1) + chrono::Days::new(91 * i), 2, 0.3))
            .collect();
        events.extend((0..30u64).map(|i| event(day(2016, 3, 1) + chrono::Days::new(i), 3, 0.5)));
        doc.events = events;
        let (lo, hi) = focus_bounds(&doc).expect("dated events");
        let (lo, hi) = (day_of(lo).expect("day"), day_of(hi).expect("day"));
        assert!(
            lo >= day(2015, 1, 1) && hi <= day(2017, 6, 30),
            "{lo} .. {hi}"
        );
    }

    #[test]
    fn filters_narrow_by_source_stance_and_date() {
        let doc = seeds();
        let none = HashSet::new();
        let all = Filter::default().apply(&doc, &none);
        assert_eq!(all.len(), doc.events.len());
        let denied = Filter {
            stance: Some(Stance::Denies),
            ..Filter::default()
        }
        .apply(&doc, &none);
        assert!(!denied.is_empty() && denied.len() < all.len());
        assert!(denied.iter().all(|&i| {
            doc.events[i]
                .evidence
                .iter()
                .any(|x| x.stance == Stance::Denies)
        }));
        let source = doc.articles[2].id.clone();
        let from_one = Filter {
            source: Some(source.clone()),
            ..Filter::default()
        }
        .apply(&doc, &none);
        assert!(!from_one.is_empty());
        assert!(
            from_one
                .iter()
                .all(|&i| doc.events[i].evidence.iter().any(|x| x.article == source))
        );
        // Excluding that article leaves nothing for a filter on it.
        let excluded: HashSet<ArticleId> = [source.clone()].into();
        let gone = Filter {
            source: Some(source),
            ..Filter::default()
        }
        .apply(&doc, &excluded);
        assert!(gone.is_empty());
        let day = NaiveDate::from_ymd_opt(2025, 12, 29);
        let on_day = Filter {
            from: day,
            to: day,
            ..Filter::default()
        }
        .apply(&doc, &none);
        assert!(!on_day.is_empty() && on_day.len() < all.len());
        for &i in &on_day {
            let e = &doc.events[i];
            assert!(e.earliest.or(e.latest) <= day && e.latest.or(e.earliest) >= day);
        }
    }

    #[test]
    fn lanes_by_source_put_an_event_in_each_reporting_article() {
        let doc = seeds();
        let (no_article, no_name) = (HashSet::new(), HashSet::new());
        let widest = doc.events.iter().max_by_key(|e| e.sources).expect("events");
        let at = doc.article_positions();
        let lanes = lanes_of(&doc, &at, widest, LaneMode::Source, &no_article, &no_name);
        assert!(lanes.len() >= 3, "{lanes:?}");
        assert_eq!(
            lanes_of(&doc, &at, widest, LaneMode::Tag, &no_article, &no_name),
            vec![UNTAGGED]
        );
        assert_eq!(
            lanes_of(&doc, &at, widest, LaneMode::Kind, &no_article, &no_name),
            vec![widest.lane.clone()]
        );
    }

    #[test]
    fn sorting_by_each_column_orders_the_rows() {
        let doc = seeds();
        let mut rows: Vec<usize> = (0..doc.events.len()).collect();
        sort_events(&doc, &mut rows, SortColumn::Sources, false);
        assert!(
            rows.windows(2)
                .all(|w| doc.events[w[0]].sources >= doc.events[w[1]].sources)
        );
        sort_events(&doc, &mut rows, SortColumn::Title, true);
        assert!(rows.windows(2).all(
            |w| doc.events[w[0]].title.to_lowercase() <= doc.events[w[1]].title.to_lowercase()
        ));
        sort_events(&doc, &mut rows, SortColumn::Disputed, false);
        assert!(doc.events[rows[0]].disputed);
        sort_events(&doc, &mut rows, SortColumn::Importance, false);
        assert!(
            rows.windows(2)
                .all(|w| doc.events[w[0]].salience >= doc.events[w[1]].salience)
        );
        assert!((doc.events[rows[0]].salience - 1.0).abs() < 1e-9);
        // The slides in order of importance start with the most salient event.
        let shown: Vec<usize> = (0..doc.events.len()).collect();
        assert_eq!(slides(&doc, &shown, SlideOrder::Importance)[0], rows[0]);
        sort_events(&doc, &mut rows, SortColumn::Date, true);
        let dated: Vec<_> = rows
            .iter()
            .filter_map(|&i| doc.events[i].earliest)
            .collect();
        assert!(dated.windows(2).all(|w| w[0] <= w[1]));
    }
}
