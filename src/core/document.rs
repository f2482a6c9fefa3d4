//! The timeline document: the file a user saves (format `sightline-timeline`, version 1).
//! Self-contained: article texts are inside, so a saved timeline opens anywhere.

use crate::core::article::Article;
pub use crate::core::id::{ArticleId, EventId};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The format name every document carries.
pub const FORMAT: &str = "sightline-timeline";
/// The newest format version this build writes and reads. Version 2 added the analyst's edit
/// history (`history`, `engine`, `new` on events; `dismissed` on the document); version 3 the
/// words of a passage that name its event (`mention` on evidence); version 4 made those words
/// the passage itself and keeps the sentence around them as `context`. Older files load with
/// the new fields empty, and version 3 passages are rewritten to the version 4 form. Version 4
/// also names each event's `participants`.
pub const VERSION: u32 = 4;

/// A timeline: articles and the events found in them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Always [`FORMAT`].
    pub format: String,
    /// Format version.
    pub version: u32,
    /// The timeline's title.
    pub title: String,
    /// The articles, texts included.
    pub articles: Vec<Article>,
    /// The events, in date order as extracted (analyst-made events are appended).
    pub events: Vec<Event>,
    /// Passages whose events the analyst deleted: a re-extraction does not bring them back.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dismissed: Vec<PassageRef>,
    /// The analyst's story order for presenting: event ids, first slide first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub story: Vec<EventId>,
}

/// Where a passage is: article id and byte range.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PassageRef {
    /// Article id.
    pub article: ArticleId,
    /// Byte offset in the article text.
    pub start: usize,
    /// Byte offset past the passage.
    pub end: usize,
}

/// One analyst change to an event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// When (RFC 3339, UTC).
    pub at: String,
    /// What changed, in words ("title: \"A\" → \"B\"").
    pub what: String,
}

/// The engine's version of the fields an analyst changed, kept to show beside the edit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EngineVersion {
    /// Title as extracted.
    pub title: String,
    /// Kind as extracted.
    pub kind: String,
    /// Lane as extracted.
    pub lane: String,
    /// Earliest day as extracted.
    pub earliest: Option<NaiveDate>,
    /// Latest day as extracted.
    pub latest: Option<NaiveDate>,
    /// Best day as extracted.
    pub best: Option<NaiveDate>,
}

/// How a passage bears on its event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    /// Reports or confirms it.
    Supports,
    /// Denies, rejects or contests it.
    Denies,
    /// Refers to it without asserting it.
    Mentions,
}

impl Stance {
    /// Lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Supports => "supports",
            Stance::Denies => "denies",
            Stance::Mentions => "mentions",
        }
    }
}

/// The part a participant plays in an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Who acted: the subject, or a passive's by-phrase.
    Agent,
    /// Whom or what it was done to: the object, or a passive's subject.
    Patient,
    /// Where it happened.
    Place,
}

impl Role {
    /// How the inspector names it.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Agent => "who acted",
            Role::Patient => "on whom or what",
            Role::Place => "where",
        }
    }
}

/// A named person, organisation or place taking part in an event, as the parse found it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Participant {
    /// The name, in its fullest common form in the story ("Maria Lopez" for "Lopez").
    pub name: String,
    /// The part it plays.
    pub role: Role,
}

/// One step of the reasoning behind an event's date.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DateStep {
    /// The article the step reads from.
    pub article: ArticleId,
    /// Byte offset of the expression (or passage) in that article.
    pub start: usize,
    /// Byte offset past it.
    pub end: usize,
    /// The expression as written, or the fact used ("published 2025-12-31").
    pub text: String,
    /// Its TIMEX3 value, where it is a temporal expression.
    pub value: String,
    /// What it was resolved against, or why the step applies.
    pub anchor: String,
    /// The range this step allows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub earliest: Option<NaiveDate>,
    /// The range this step allows (inclusive end).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latest: Option<NaiveDate>,
}

/// A passage that reports, confirms or denies an event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// Article id.
    pub article: ArticleId,
    /// Byte offset in the article text.
    pub start: usize,
    /// Byte offset past the passage.
    pub end: usize,
    /// The passage: exactly `text[start..end]`. For a passage the engine found, the words that
    /// report the event — its predicate and arguments — so two events of one sentence stay apart.
    pub quote: String,
    /// How it bears on the event.
    pub stance: Stance,
    /// Hedged ("allegedly", "believed", "according to sources").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub hedged: bool,
    /// The sentence the passage is part of, for reading it in place (none when the passage is
    /// its own context, as the passages an analyst chooses are).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<Span>,
}

impl Evidence {
    /// The span to read the passage in: its sentence, or the passage itself.
    pub fn context_span(&self) -> Span {
        self.context.unwrap_or(Span {
            start: self.start,
            end: self.end,
        })
    }

    /// The passage's sentence in its article's `text` (the quote when the text does not hold it).
    pub fn context_in<'a>(&'a self, text: &'a str) -> &'a str {
        let span = self.context_span();
        text.get(span.start..span.end).unwrap_or(&self.quote)
    }
}

/// A byte range of an article's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Span {
    /// Byte offset of its first character.
    pub start: usize,
    /// Byte offset past its last character.
    pub end: usize,
}

/// Where an event came from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// Found by the engine.
    #[default]
    Extracted,
    /// Made or changed by an analyst.
    Analyst,
}

/// An event on the timeline.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Stable id.
    pub id: EventId,
    /// A briefing line.
    pub title: String,
    /// Event kind (strike, blockade, seizure, disclosure, report, …).
    pub kind: String,
    /// The lane it is drawn in.
    pub lane: String,
    /// First day it may have happened.
    pub earliest: Option<NaiveDate>,
    /// Last day it may have happened.
    pub latest: Option<NaiveDate>,
    /// The best single day, when the evidence gives one.
    pub best: Option<NaiveDate>,
    /// Why this date: each expression and each narrowing step.
    pub date_basis: Vec<DateStep>,
    /// The passages, grouped by article in article order.
    pub evidence: Vec<Evidence>,
    /// Independent sources reporting it (near-duplicate articles count once).
    #[serde(default)]
    pub sources: usize,
    /// How much the story turns on it, 0 to 1 (1 for the story's most salient event): independent
    /// sources, passages and the precision of its date (`cluster` computes it).
    #[serde(default)]
    pub salience: f64,
    /// The named people, organisations and places taking part, the most mentioned first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<Participant>,
    /// Some passage denies it.
    #[serde(default)]
    pub disputed: bool,
    /// The dated passages do not agree; the range is the widest of them.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub date_conflict: bool,
    /// Engine or analyst.
    pub origin: Origin,
    /// Analyst's note.
    #[serde(default)]
    pub note: String,
    /// Analyst's tags.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Starred by the analyst.
    #[serde(default)]
    pub starred: bool,
    /// The analyst's changes, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<Change>,
    /// The engine's title, kind and dates, once the analyst changed any of them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub engine: Option<EngineVersion>,
    /// Found by a re-extraction after the analyst's work began, not yet reviewed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub new: bool,
}

impl Event {
    /// Adds a passage unless the event already cites that place or that sentence; returns whether
    /// it was added.
    pub fn add_evidence(&mut self, passage: Evidence) -> bool {
        let known = self.evidence.iter().any(|y| {
            y.article == passage.article
                && ((y.start, y.end) == (passage.start, passage.end)
                    || y.context_span() == passage.context_span())
        });
        if !known {
            self.evidence.push(passage);
        }
        !known
    }

    /// Its date in words, with its uncertainty: "26 December 2025", "between 1 and 26 December
    /// 2025", "by 29 December 2025", "undated".
    pub fn date_in_words(&self) -> String {
        use chrono::Datelike;
        let day = |d: NaiveDate| d.format("%-d %B %Y").to_string();
        match (self.earliest, self.latest) {
            (Some(a), Some(b)) if a == b => day(a),
            (Some(a), Some(b)) if (a.year(), a.month()) == (b.year(), b.month()) => {
                format!("between {} and {}", a.day(), day(b))
            }
            (Some(a), Some(b)) if a.year() == b.year() => {
                format!("between {} and {}", a.format("%-d %B"), day(b))
            }
            (Some(a), Some(b)) => format!("between {} and {}", day(a), day(b)),
            (None, Some(b)) => format!("by {}", day(b)),
            (Some(a), None) => format!("from {}", day(a)),
            (None, None) => "undated".to_string(),
        }
    }

    /// Who bears it out: "reported by 5 sources; denied by 1".
    pub fn corroboration(&self) -> String {
        let mut deniers: Vec<&str> = self
            .evidence
            .iter()
            .filter(|x| x.stance == Stance::Denies)
            .map(|x| x.article.as_str())
            .collect();
        deniers.sort_unstable();
        deniers.dedup();
        let sources = match self.sources {
            1 => "reported by 1 source".to_string(),
            n => format!("reported by {n} independent sources"),
        };
        match deniers.len() {
            0 => sources,
            n => format!(
                "{sources}; denied in {n} article{}",
                if n == 1 { "" } else { "s" }
            ),
        }
    }

    /// Whether an analyst made or changed it.
    pub fn edited(&self) -> bool {
        self.origin == Origin::Analyst || !self.history.is_empty()
    }
}

/// A day range in figures: "2025-12-26", "2025-12-01 … 2025-12-26", "by 2025-12-29", "undated".
pub fn range_label(earliest: Option<NaiveDate>, latest: Option<NaiveDate>) -> String {
    match (earliest, latest) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{a} … {b}"),
        (None, Some(b)) => format!("by {b}"),
        (Some(a), None) => format!("from {a}"),
        (None, None) => "undated".to_string(),
    }
}

/// A day range in few characters, for tables: "26 Dec 2025", "1–29 Dec 2025",
/// "30 Jun–29 Dec 2025", "2020", "by 29 Dec 2025", "undated".
pub fn compact_range_label(earliest: Option<NaiveDate>, latest: Option<NaiveDate>) -> String {
    use chrono::Datelike;
    let day = |d: NaiveDate| d.format("%-d %b %Y").to_string();
    match (earliest, latest) {
        (Some(a), Some(b)) if a == b => day(a),
        (Some(a), Some(b))
            if a.year() == b.year()
                && (a.month(), a.day()) == (1, 1)
                && (b.month(), b.day()) == (12, 31) =>
        {
            a.year().to_string()
        }
        (Some(a), Some(b)) if a.year() == b.year() && a.month() == b.month() => {
            format!("{}–{}", a.day(), day(b))
        }
        (Some(a), Some(b)) if a.year() == b.year() => {
            format!("{}–{}", a.format("%-d %b"), day(b))
        }
        (Some(a), Some(b)) => format!("{}–{}", day(a), day(b)),
        (None, Some(b)) => format!("by {}", day(b)),
        (Some(a), None) => format!("from {}", day(a)),
        (None, None) => "undated".to_string(),
    }
}

/// Why a file is not a timeline this build can open.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// Not JSON at all, or truncated.
    #[error("not valid JSON: {0}")]
    Json(String),
    /// JSON, but not a Sightline timeline.
    #[error("not a Sightline timeline (format is {0:?}, expected \"sightline-timeline\")")]
    NotATimeline(String),
    /// Written by a newer Sightline.
    #[error("written by a newer Sightline (format version {0}; this build reads up to {VERSION})")]
    TooNew(u32),
    /// The right format, but fields are wrong.
    #[error("damaged timeline: {0}")]
    Invalid(String),
}

impl Document {
    /// The place of the event with this id.
    #[must_use]
    pub fn event_position(&self, id: &EventId) -> Option<usize> {
        self.events.iter().position(|e| &e.id == id)
    }

    /// The place of the article with this id.
    #[must_use]
    pub fn article_position(&self, id: &ArticleId) -> Option<usize> {
        self.articles.iter().position(|a| &a.id == id)
    }

    /// Each article's place by id.
    pub fn article_positions(&self) -> std::collections::HashMap<&str, usize> {
        self.articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_str(), i))
            .collect()
    }

    /// The document as pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
    }

    /// Reads a document, refusing other formats, newer versions and inconsistent offsets.
    pub fn from_json(text: &str) -> Result<Self, LoadError> {
        Self::from_json_with_warnings(text).map(|(doc, _)| doc)
    }

    /// [`Document::from_json`], also repairing what can be repaired without loss (events that
    /// share an id get distinct ones) and saying what it repaired.
    pub fn from_json_with_warnings(text: &str) -> Result<(Self, Vec<String>), LoadError> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| LoadError::Json(e.to_string()))?;
        let format = value
            .get("format")
            .and_then(|f| f.as_str())
            .unwrap_or("")
            .to_string();
        if format != FORMAT {
            return Err(LoadError::NotATimeline(format));
        }
        let version = value
            .get("version")
            .and_then(serde_json::Value::as_u64)
            .unwrap_or(0);
        let version = u32::try_from(version).unwrap_or(u32::MAX);
        if version > VERSION {
            return Err(LoadError::TooNew(version));
        }
        let mut value = value;
        if version <= 3 {
            passages_as_mentions(&mut value);
        }
        let mut doc: Document =
            serde_json::from_value(value).map_err(|e| LoadError::Invalid(e.to_string()))?;
        doc.validate().map_err(LoadError::Invalid)?;
        // Older versions lack only optional fields (empty by default): the document is now of
        // the current version and is saved as such.
        doc.version = VERSION;
        let mut warnings = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for event in &mut doc.events {
            if seen.insert(event.id.clone()) {
                continue;
            }
            let old = event.id.clone();
            let mut n = 2;
            while !seen.insert(EventId::from(format!("{old}-{n}"))) {
                n += 1;
            }
            event.id = format!("{old}-{n}").into();
            warnings.push(format!(
                "duplicate event id {old:?}: one is now {:?}",
                event.id
            ));
        }
        Ok((doc, warnings))
    }

    /// Checks that every passage points inside its article and quotes it exactly, and that every
    /// date step points inside its article.
    pub fn validate(&self) -> Result<(), String> {
        let mut ids = std::collections::HashSet::new();
        if let Some(twice) = self.articles.iter().find(|a| !ids.insert(a.id.as_str())) {
            return Err(format!("two articles share the id {}", twice.id));
        }
        for event in &self.events {
            for step in &event.date_basis {
                let inside = self
                    .articles
                    .iter()
                    .find(|a| a.id == step.article)
                    .is_some_and(|a| a.text.get(step.start..step.end).is_some());
                if !inside {
                    return Err(format!(
                        "event {} dates from {}..{} outside article {}",
                        event.id, step.start, step.end, step.article
                    ));
                }
            }
            for e in &event.evidence {
                let article = self
                    .articles
                    .iter()
                    .find(|a| a.id == e.article)
                    .ok_or_else(|| {
                        format!("event {} cites unknown article {}", event.id, e.article)
                    })?;
                let quote = article.text.get(e.start..e.end).ok_or_else(|| {
                    format!(
                        "event {} cites {}..{} outside article {}",
                        event.id, e.start, e.end, e.article
                    )
                })?;
                if quote != e.quote {
                    return Err(format!(
                        "event {} quote does not match article {} at {}",
                        event.id, e.article, e.start
                    ));
                }
                if let Some(c) = e.context
                    && !(c.start <= e.start
                        && e.end <= c.end
                        && article.text.get(c.start..c.end).is_some())
                {
                    return Err(format!(
                        "event {} reads its passage {}..{} in a context {}..{} of {} that does not hold it",
                        event.id, e.start, e.end, c.start, c.end, e.article
                    ));
                }
            }
        }
        Ok(())
    }
}

/// Rewrites version 3 passages to the version 4 form: the sentence becomes the context and the
/// words that named the event (`mention`) become the passage, quoted from the article's text.
/// A passage whose words do not fit is left as it was, for validation to judge.
fn passages_as_mentions(value: &mut serde_json::Value) {
    use serde_json::Value;
    let texts: std::collections::HashMap<String, String> = value
        .get("articles")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|a| {
            Some((
                a.get("id")?.as_str()?.to_string(),
                a.get("text")?.as_str()?.to_string(),
            ))
        })
        .collect();
    let Some(events) = value.get_mut("events").and_then(Value::as_array_mut) else {
        return;
    };
    let passages = events
        .iter_mut()
        .filter_map(|e| e.get_mut("evidence").and_then(Value::as_array_mut))
        .flatten()
        .filter_map(Value::as_object_mut);
    for x in passages {
        let Some(mention) = x.remove("mention") else {
            continue;
        };
        let offset = |v: Option<&Value>| v.and_then(Value::as_u64).map(|n| n as usize);
        let (Some(start), Some(end), Some(m_start), Some(m_end)) = (
            offset(x.get("start")),
            offset(x.get("end")),
            offset(mention.get("start")),
            offset(mention.get("end")),
        ) else {
            continue;
        };
        let article = x.get("article").and_then(Value::as_str).unwrap_or_default();
        let Some(words) = texts
            .get(article)
            .filter(|_| start <= m_start && m_end <= end)
            .and_then(|t| t.get(m_start..m_end))
        else {
            continue;
        };
        x.insert("quote".into(), Value::from(words));
        x.insert("start".into(), Value::from(m_start));
        x.insert("end".into(), Value::from(m_end));
        x.insert(
            "context".into(),
            serde_json::json!({"start": start, "end": end}),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<NaiveDate> {
        s.parse().ok()
    }

    #[test]
    fn dates_in_words_say_the_uncertainty_once() {
        let words = |a: &str, b: &str| {
            Event {
                earliest: d(a),
                latest: d(b),
                ..Event::default()
            }
            .date_in_words()
        };
        assert_eq!(
            words("2025-12-01", "2025-12-26"),
            "between 1 and 26 December 2025"
        );
        assert_eq!(
            words("2025-06-30", "2025-12-29"),
            "between 30 June and 29 December 2025"
        );
        assert_eq!(
            words("2024-12-30", "2025-01-02"),
            "between 30 December 2024 and 2 January 2025"
        );
        assert_eq!(words("2025-12-26", "2025-12-26"), "26 December 2025");
        assert_eq!(words("", "2025-12-29"), "by 29 December 2025");
        assert_eq!(words("", ""), "undated");
    }

    #[test]
    fn compact_labels_drop_what_repeats() {
        assert_eq!(
            compact_range_label(d("2025-12-26"), d("2025-12-26")),
            "26 Dec 2025"
        );
        assert_eq!(
            compact_range_label(d("2025-12-01"), d("2025-12-29")),
            "1–29 Dec 2025"
        );
        assert_eq!(
            compact_range_label(d("2025-06-30"), d("2025-12-29")),
            "30 Jun–29 Dec 2025"
        );
        assert_eq!(
            compact_range_label(d("2020-01-01"), d("2020-12-31")),
            "2020"
        );
        assert_eq!(
            compact_range_label(d("2024-12-30"), d("2025-01-02")),
            "30 Dec 2024–2 Jan 2025"
        );
        assert_eq!(compact_range_label(None, d("2025-12-29")), "by 29 Dec 2025");
        assert_eq!(compact_range_label(None, None), "undated");
    }
}
