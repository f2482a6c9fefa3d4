//! An article as read: its exact text, and what was found about it (title, byline, date).

use crate::core::segment::{self, Paragraph, Sentence};
use crate::core::timex::{self, Timex};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// `text` cut at a word boundary to at most `max` characters, with an ellipsis when cut.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out = String::new();
    for word in text.split_whitespace() {
        if out.chars().count() + word.chars().count() + 1 > max.saturating_sub(1) {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.push('…');
    out
}

/// Where an article's publication date came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateBasis {
    /// A header line in the text (`date 2025-12-31`, `Published: …`).
    Header,
    /// A dateline (`WASHINGTON, DECEMBER 30 —`).
    Dateline,
    /// Metadata: HTML meta tags, front matter, or a `published` field.
    Metadata,
    /// Inferred from the other articles or the dates the text mentions.
    Inferred,
    /// Set by hand.
    User,
    /// Not found.
    Unknown,
}

impl DateBasis {
    /// Lowercase name, as stored in documents.
    pub fn as_str(self) -> &'static str {
        match self {
            DateBasis::Header => "header",
            DateBasis::Dateline => "dateline",
            DateBasis::Metadata => "metadata",
            DateBasis::Inferred => "inferred",
            DateBasis::User => "user",
            DateBasis::Unknown => "unknown",
        }
    }
}

/// One article: the decoded text exactly as read, and its metadata.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable id: the file stem, or the `id` field of a JSON record.
    pub id: crate::core::id::ArticleId,
    /// Where it was read from.
    pub path: String,
    /// Its headline, or the start of its first sentence when it has none.
    pub title: String,
    /// The byline ("By …"), where present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    /// The outlet (site name, or a URL's host), where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// The original address, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Publication date, where found.
    pub published: Option<NaiveDate>,
    /// Where the publication date came from.
    pub published_basis: DateBasis,
    /// The dateline gave no year and it was taken from the other articles.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub year_inferred: bool,
    /// The decoded text; every offset in the program is a UTF-8 byte offset into it.
    pub text: String,
    /// Byte offset where the article body starts (after a header line).
    #[serde(default)]
    pub body_start: usize,
    /// Decoding and parsing notes ("decoded as windows-1252 (detected)").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// An article's structure and temporal expressions.
#[derive(Clone, Debug, PartialEq)]
pub struct Analysis {
    /// Paragraphs, boilerplate marked.
    pub paragraphs: Vec<Paragraph>,
    /// Sentences of all paragraphs (boilerplate included, so indices are stable).
    pub sentences: Vec<Sentence>,
    /// Temporal expressions outside boilerplate, in text order.
    pub timexes: Vec<Timex>,
    /// Each sentence's words, tags and parse: computed on first use, then kept.
    parse: LazyParse,
}

/// A parse computed once, when first asked for. It is derived from the text and sentences, so
/// two analyses are equal whether or not either has been parsed yet.
#[derive(Clone, Debug, Default)]
struct LazyParse(std::sync::OnceLock<Vec<crate::core::nlp::ParsedSentence>>);

impl PartialEq for LazyParse {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Analysis {
    /// The sentences' words, tags, lemmas and dependency parse (`text` is the analysed
    /// article's text); computed on the first call and kept. Empty if the language model cannot
    /// be read.
    pub fn parsed(&self, text: &str) -> &[crate::core::nlp::ParsedSentence] {
        self.parse.0.get_or_init(|| {
            crate::core::nlp::model()
                .map(|m| m.parse(text, &self.sentences))
                .unwrap_or_default()
        })
    }

    /// Sentences outside boilerplate.
    pub fn content_sentences(&self) -> impl Iterator<Item = &Sentence> {
        self.sentences
            .iter()
            .filter(|s| !self.paragraphs[s.paragraph].boilerplate)
    }
}

impl Article {
    /// The publication date with its basis: "2025-12-30 (dateline, year inferred)", "undated (unknown)".
    pub fn date_with_basis(&self) -> String {
        let date = self
            .published
            .map_or_else(|| "undated".to_string(), |d| d.to_string());
        let inferred = if self.year_inferred {
            ", year inferred"
        } else {
            ""
        };
        format!("{date} ({}{inferred})", self.published_basis.as_str())
    }

    /// Segments the article and tags its temporal expressions against its publication date.
    pub fn analyze(&self) -> Analysis {
        let paragraphs = segment::paragraphs(&self.text, self.body_start);
        let sentences = crate::core::nlp::sentences::sentences(&self.text, &paragraphs);
        let timexes = timex::tag(&self.text, &paragraphs, &sentences, self.published);
        Analysis {
            paragraphs,
            sentences,
            timexes,
            parse: LazyParse::default(),
        }
    }
}
