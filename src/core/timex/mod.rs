//! Temporal expressions: recognition, TIMEX3 normalisation, and honest day ranges.
//!
//! Each sentence is tokenised and read by the grammar; each expression is normalised against
//! its anchor: the publication date, or, for a relative expression inside a quotation, the time
//! the text says the words were spoken ("Two days ago we signed it," she said in an
//! interview last week). The clock is never read.

mod grammar;
pub mod lexicon;
pub mod resolve;

use crate::core::dates::{DateRange, Unit, day_value};
use crate::core::segment::{self, Paragraph, Sentence, quote_spans};
use chrono::NaiveDate;
use resolve::{Tense, resolve};
use serde::{Deserialize, Serialize};

/// TIMEX3 types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or period.
    Date,
    /// A time of day (or part of a day).
    Time,
    /// A length of time.
    Duration,
    /// A recurring time.
    Set,
}

impl TimexType {
    /// The TIMEX3 name.
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// The unit an expression is stated in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    /// A clock time or part of a day.
    Time,
    /// A day.
    Day,
    /// A week or weekend.
    Week,
    /// A month.
    Month,
    /// A quarter or half-year.
    Quarter,
    /// A season.
    Season,
    /// A year.
    Year,
    /// A decade.
    Decade,
    /// A century.
    Century,
    /// A span that is no single calendar unit.
    Range,
    /// No definite extent (`PAST_REF`, sets).
    Vague,
}

impl Granularity {
    /// The granularity of a calendar unit.
    pub fn from_unit(unit: Unit) -> Self {
        match unit {
            Unit::Second | Unit::Minute | Unit::Hour => Granularity::Time,
            Unit::Day => Granularity::Day,
            Unit::Week => Granularity::Week,
            Unit::Month => Granularity::Month,
            Unit::Quarter => Granularity::Quarter,
            Unit::Year => Granularity::Year,
            Unit::Decade => Granularity::Decade,
            Unit::Century => Granularity::Century,
        }
    }
}

/// A recognised, normalised temporal expression.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Timex {
    /// Byte offset of the first character in the article text.
    pub start: usize,
    /// Byte offset past the last character.
    pub end: usize,
    /// The expression as written.
    pub text: String,
    /// TIMEX3 type.
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// TIMEX3 value (`2025-12-26`, `2025-W52`, `P3M`, `PAST_REF`, `XXXX-12-26` when unanchored).
    pub value: String,
    /// First day it may denote.
    pub earliest: Option<NaiveDate>,
    /// Last day it may denote (inclusive).
    pub latest: Option<NaiveDate>,
    /// Its unit.
    pub granularity: Granularity,
    /// TIMEX3 `mod` (START, MID, END) where narrowed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<String>,
    /// What it was resolved against, in words ("published 2025-12-31").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<String>,
    /// Index of its sentence.
    pub sentence: usize,
    /// Inside quotation marks.
    pub quoted: bool,
}

impl Timex {
    /// The day range, when it has one.
    pub fn range(&self) -> Option<DateRange> {
        DateRange::new(self.earliest?, self.latest?)
    }
}

/// Working state of one expression between recognition and anchoring.
#[derive(Clone)]
struct Found {
    start: usize,
    end: usize,
    sentence: usize,
    paragraph: usize,
    expr: resolve::Expr,
    tense: Tense,
    quoted: bool,
}

/// Recognises and normalises every temporal expression in the given sentences of `text`.
/// `published` anchors relative expressions; without it they keep X placeholders and no range.
pub fn tag(
    text: &str,
    paragraphs: &[Paragraph],
    sentences: &[Sentence],
    published: Option<NaiveDate>,
) -> Vec<Timex> {
    let mut found: Vec<Found> = Vec::new();
    let mut speech_sentences = vec![false; sentences.len()];
    let mut quotes: (usize, Vec<(usize, usize)>) = (usize::MAX, Vec::new());
    for (index, sentence) in sentences.iter().enumerate() {
        let para = &paragraphs[sentence.paragraph];
        if para.boilerplate {
            continue;
        }
        if quotes.0 != sentence.paragraph {
            quotes = (sentence.paragraph, quote_spans(text, para.start, para.end));
        }
        let inside = |pos: usize| segment::quote_at(&quotes.1, pos).is_some();
        for (start, end) in windows(text, sentence.start, sentence.end) {
            let toks = lexicon::tokenize(text, start, end);
            speech_sentences[index] |= toks
                .iter()
                .any(|t| !inside(t.start) && lexicon::is_speech_word(&t.lower));
            for m in grammar::recognise(&toks) {
                let tense = tense_near(&toks, m.first, m.end);
                let (start, end) = (toks[m.first].start, toks[m.end - 1].end);
                found.push(Found {
                    start,
                    end,
                    sentence: index,
                    paragraph: sentence.paragraph,
                    expr: m.expr,
                    tense,
                    quoted: inside(start),
                });
            }
        }
    }
    let published_anchor = published.map(DateRange::day);
    let published_note = published.map(|d| format!("published {}", day_value(d)));
    let first_pass: Vec<Option<Timex>> = found
        .iter()
        .map(|f| make_timex(text, f, published_anchor, published_note.clone()))
        .collect();
    found
        .iter()
        .enumerate()
        .filter_map(|(k, f)| {
            if f.quoted
                && f.expr.is_relative()
                && let Some((range, note)) =
                    statement_time(&found, &first_pass, k, &speech_sentences)
            {
                return make_timex(text, f, Some(range), Some(note));
            }
            if let Some((range, note)) = clock_day(text, &found, &first_pass, k) {
                return make_timex(text, f, Some(range), Some(note));
            }
            if let Some((year_ago, anchor, note)) = year_ago_quarter(text, &found, &first_pass, k) {
                return make_timex(text, &year_ago, Some(anchor), Some(note));
            }
            // "The previous Friday" counts from a day the story tells, not from a month.
            let counts_days = matches!(f.expr, resolve::Expr::Weekday(..));
            if is_anaphoric(text, f)
                && let Some((range, note)) = narrative_time(text, &found, &first_pass, k)
                    .filter(|(range, _)| range.is_day() || !counts_days)
            {
                return make_timex(text, f, Some(range), Some(note));
            }
            first_pass[k].clone()
        })
        .collect()
}

/// "A year ago", "a year earlier", "the year-earlier quarter" in a passage about a quarter
/// ("profit rose in the third quarter from a year earlier") mean that quarter a year before:
/// the expression re-read as such, the day it is resolved on, and why.
fn year_ago_quarter(
    text: &str,
    found: &[Found],
    resolved: &[Option<Timex>],
    k: usize,
) -> Option<(Found, DateRange, String)> {
    use resolve::{Count, Expr, Rel};
    let here = &found[k];
    let surface = text[here.start..here.end].to_lowercase();
    let one_year_back = match &here.expr {
        Expr::Offset(Count::Exact(n), Unit::Year, -1) => {
            (*n - 1.0).abs() < f64::EPSILON
                && (surface.ends_with("ago") || surface.ends_with("earlier"))
        }
        Expr::Shifted(inner, Unit::Year, -1) => matches!(**inner, Expr::Quarter(None, _)),
        _ => false,
    };
    if !one_year_back {
        return None;
    }
    let quarter = found[..k]
        .iter()
        .zip(&resolved[..k])
        .rev()
        .take_while(|(f, _)| here.sentence.saturating_sub(f.sentence) <= 2)
        .find_map(|(f, t)| {
            let t = t.as_ref()?;
            // A quarter already a year back ("the year-earlier period") is not shifted again.
            let year_back = matches!(f.expr, Expr::Shifted(_, Unit::Year, n) if n != 0);
            (!f.quoted && !year_back && t.granularity == Granularity::Quarter).then_some(t)
        })?;
    let q: u32 = quarter.value.rsplit_once("-Q")?.1.parse().ok()?;
    let start = quarter.earliest?;
    let expr = Expr::Shifted(Box::new(Expr::Quarter(Some(q), Rel::This)), Unit::Year, -1);
    Some((
        Found {
            expr,
            ..here.clone()
        },
        DateRange::day(start),
        format!(
            "the quarter of \"{}\" ({}) a year before",
            quarter.text, quarter.value
        ),
    ))
}

/// The day of a clock time that names none ("at 10:35 a.m. (0735 GMT) Friday", "he was shot
/// at 10 p.m."): the nearest other day in its sentence, else the day the story is telling.
fn clock_day(
    text: &str,
    found: &[Found],
    resolved: &[Option<Timex>],
    k: usize,
) -> Option<(DateRange, String)> {
    let here = &found[k];
    if !matches!(here.expr, resolve::Expr::Clock(None, ..)) {
        return None;
    }
    let is_day = |t: &Timex| t.kind == TimexType::Date && t.granularity == Granularity::Day;
    let in_sentence = found
        .iter()
        .zip(resolved)
        .enumerate()
        .filter(|&(j, (f, _))| j != k && f.sentence == here.sentence && f.quoted == here.quoted)
        .filter_map(|(j, (_, t))| t.as_ref().filter(|t| is_day(t)).map(|t| (j.abs_diff(k), t)))
        .min_by_key(|&(distance, _)| distance);
    if let Some((_, t)) = in_sentence {
        return Some((
            t.range()?,
            format!("the day of \"{}\" ({})", t.text, t.value),
        ));
    }
    narrative_time(text, found, resolved, k).filter(|(range, _)| range.is_day())
}

/// Whether an expression counts from the time the story is telling rather than from the
/// publication day: "three days later", "a day earlier", "two weeks before", "the next day",
/// "the following month", "the previous year", "the previous Friday", "that day", "later that
/// year".
fn is_anaphoric(text: &str, f: &Found) -> bool {
    let surface = text[f.start..f.end].to_lowercase();
    if surface.starts_with("that ") || surface.contains(" that ") {
        return true;
    }
    match &f.expr {
        // "Three days later", not "year-earlier results": a hyphenated period compares with
        // the report's own, not with the story's time.
        resolve::Expr::Offset(..) => {
            surface.ends_with(" later")
                || surface.ends_with(" earlier")
                || surface.ends_with(" before")
        }
        resolve::Expr::RelUnit(..) | resolve::Expr::RelDay(_) | resolve::Expr::Weekday(..) => [
            "the next ",
            "the following ",
            "the previous ",
            "the preceding ",
        ]
        .iter()
        .any(|p| surface.starts_with(p)),
        _ => false,
    }
}

/// The time the story is telling at expression `k`: the latest unquoted date of a day, month
/// or year before it, in its sentence or the two before, within its paragraph (not one that
/// itself counts from the story's time: its first reading counted from the publication).
fn narrative_time(
    text: &str,
    found: &[Found],
    resolved: &[Option<Timex>],
    k: usize,
) -> Option<(DateRange, String)> {
    let here = &found[k];
    found[..k]
        .iter()
        .zip(&resolved[..k])
        .rev()
        .take_while(|(f, _)| {
            f.paragraph == here.paragraph && here.sentence.saturating_sub(f.sentence) <= 2
        })
        .find_map(|(f, t)| {
            let t = t.as_ref()?;
            (!f.quoted
                && !is_anaphoric(text, f)
                && t.kind == TimexType::Date
                && matches!(
                    t.granularity,
                    Granularity::Day | Granularity::Month | Granularity::Year
                ))
            .then(|| {
                Some((
                    t.range()?,
                    format!("narrative time {} (\"{}\")", t.value, t.text),
                ))
            })
            .flatten()
        })
}

/// Longest stretch of text tokenised at once: a run-on "sentence" (a 50 MB line) is read in
/// windows cut at whitespace, so memory stays bounded.
const WINDOW_BYTES: usize = 16 * 1024;

fn windows(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut at = start;
    while end - at > WINDOW_BYTES {
        let mut cut = at + WINDOW_BYTES;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let cut = text[at..cut]
            .rfind(char::is_whitespace)
            .map_or(cut, |i| at + i)
            .max(at + 1);
        let cut = (cut..=end)
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(end);
        out.push((at, cut));
        at = cut;
    }
    out.push((at, end));
    out
}

fn make_timex(
    text: &str,
    f: &Found,
    anchor: Option<DateRange>,
    anchor_note: Option<String>,
) -> Option<Timex> {
    let r = resolve(&f.expr, anchor, f.tense)?;
    Some(Timex {
        start: f.start,
        end: f.end,
        text: text[f.start..f.end].to_string(),
        kind: r.kind,
        value: r.value,
        earliest: r.range.map(|x| x.earliest),
        latest: r.range.map(|x| x.latest),
        granularity: r.granularity,
        modifier: r.modifier.map(str::to_string),
        anchor: if f.expr.is_relative() {
            anchor_note
        } else {
            None
        },
        sentence: f.sentence,
        quoted: f.quoted,
    })
}

/// When the words quoted around expression `k` were said, if the text says so: the nearest
/// unquoted day- or week-level date in a speech sentence ("he said in an interview last week"),
/// looking in the same sentence and then back up to three sentences, within two paragraphs.
fn statement_time(
    found: &[Found],
    resolved: &[Option<Timex>],
    k: usize,
    speech: &[bool],
) -> Option<(DateRange, String)> {
    let here = &found[k];
    let first_sentence = here.sentence.saturating_sub(3);
    for sentence in (first_sentence..=here.sentence).rev() {
        if !speech[sentence] {
            continue;
        }
        let candidate = found.iter().zip(resolved).rev().find_map(|(f, t)| {
            let t = t.as_ref()?;
            (f.sentence == sentence
                && !f.quoted
                && here.paragraph.saturating_sub(f.paragraph) <= 1
                && t.kind == TimexType::Date
                && matches!(t.granularity, Granularity::Day | Granularity::Week))
            .then_some(t)
        });
        if let Some(t) = candidate {
            return Some((
                t.range()?,
                format!("statement made {} (\"{}\")", t.value, t.text),
            ));
        }
    }
    None
}

/// The tense of the cue word nearest to tokens `[first, end)` in their sentence: a future cue
/// ("will", "would", "scheduled") or a past one ("said", "-ed"); unknown without either.
fn tense_near(toks: &[lexicon::Tok], first: usize, end: usize) -> Tense {
    let is_word = |t: &lexicon::Tok| t.kind == lexicon::TokKind::Word;
    let cue = |k: usize| {
        let t = &toks[k];
        if !is_word(t) {
            return None;
        }
        // "set to resume", "is due to", "are to meet", "did not plan to remove": an
        // arrangement ahead.
        let arranged = t.lower == "to"
            && k > 0
            && matches!(
                toks[k - 1].lower.as_str(),
                "set" | "due" | "is" | "are" | "poised" | "slated" | "plan" | "plans" | "intend"
            );
        if lexicon::is_future_cue(&t.lower) || arranged {
            // "had been scheduled to expire Friday", "had planned": an arrangement for a time
            // the story has already passed.
            let pluperfect = toks[k.saturating_sub(3)..k]
                .iter()
                .any(|a| a.lower == "had");
            return Some(if pluperfect {
                Tense::Past
            } else {
                Tense::Future
            });
        }
        if !lexicon::is_past_cue(&t.lower) {
            return None;
        }
        // "the reduced rate", "an unspecified date", "still unexplained": an adjective.
        let adjective = t.lower.ends_with("ed")
            && k > 0
            && matches!(
                toks[k - 1].lower.as_str(),
                "a" | "an" | "the" | "its" | "his" | "her" | "their" | "this" | "still"
            );
        if adjective {
            return None;
        }
        // A participle after a future auxiliary ("will be held", "would still be held")
        // looks forward.
        let governed = toks[k.saturating_sub(3)..k]
            .iter()
            .rev()
            .take_while(|a| is_word(a))
            .any(|a| lexicon::is_future_cue(&a.lower));
        Some(if governed { Tense::Future } else { Tense::Past })
    };
    // "as early as Tuesday", "as soon as Friday": a time not yet reached.
    let earliest_possible = first >= 3
        && toks[first - 3].lower == "as"
        && matches!(toks[first - 2].lower.as_str(), "early" | "soon")
        && toks[first - 1].lower == "as";
    // "effective Feb. 1": when an announced change takes hold, most often ahead.
    let takes_effect = first >= 1 && toks[first - 1].lower == "effective";
    if earliest_possible || takes_effect || put_off_until(toks, first) {
        return Tense::Future;
    }
    let before = (0..first)
        .rev()
        .enumerate()
        .find_map(|(d, k)| cue(k).map(|c| (d, c)));
    let after = (end..toks.len())
        .enumerate()
        .find_map(|(d, k)| cue(k).map(|c| (d, c, end + d)));
    match (before, after) {
        // "The court will rule Tuesday, officials said": the reporting clause after a comma
        // or a closing quote is not the tense of the clause the expression is in.
        (Some((_, b)), Some((_, _, k))) if reporting_clause(toks, end, k) => b,
        (Some((db, b)), Some((da, a, _))) => {
            if da < db {
                a
            } else {
                b
            }
        }
        (Some((_, c)), None) | (None, Some((_, c, _))) => c,
        (None, None) => Tense::Unknown,
    }
}

/// Whether the expression at token `first` is a deadline put off to: "postponed until
/// Tuesday", "extended the offer until 5 p.m. Friday", "has given them until Monday". A time
/// something is put off to lies ahead, whatever the tense of the putting off.
fn put_off_until(toks: &[lexicon::Tok], first: usize) -> bool {
    const PUT_OFF: [&str; 7] = [
        "postpon", "delay", "adjourn", "extend", "defer", "given", "gave",
    ];
    if first == 0 || !matches!(toks[first - 1].lower.as_str(), "until" | "till") {
        return false;
    }
    toks[first.saturating_sub(8)..first - 1]
        .iter()
        .any(|t| PUT_OFF.iter().any(|p| t.lower.starts_with(p)))
}

/// Whether the cue at `k`, after an expression ending at token `end`, is the verb of a
/// reporting clause set off from it: a speech verb with a comma or a quotation mark between.
fn reporting_clause(toks: &[lexicon::Tok], end: usize, k: usize) -> bool {
    lexicon::is_speech_word(&toks[k].lower)
        && toks[end..k].iter().any(|t| {
            t.kind == lexicon::TokKind::Punct
                && matches!(t.lower.as_str(), "," | "\"" | "'" | "”" | "’" | "`")
        })
}
