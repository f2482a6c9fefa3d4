//! Event mentions: per sentence, the event triggers, who did it, what to, the time link, the
//! stance of the passage and any hedge. Word lists are general news vocabulary; nothing here
//! knows any particular story.

use crate::core::article::{Analysis, Article};
use crate::core::dates::DateRange;
use crate::core::document::{Participant, Role, Stance};
use crate::core::event_mentions::{self, EventMention, Tense};
use crate::core::nlp::events::EventClass;
use crate::core::nlp::{CLAUSE_RELATIONS, ParsedSentence};
use crate::core::segment::{self, quote_spans};
use crate::core::taxonomy::{self, Family};
use crate::core::timex::lexicon::{self, Tok, TokKind};
use crate::core::timex::{Granularity, Timex, TimexType};
use chrono::NaiveDate;
use std::sync::Arc;

/// What kind of thing happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EventKind {
    /// A military or armed action: strike, attack, raid, bombing, destruction.
    Strike,
    /// A blockade or embargo.
    Blockade,
    /// A seizure or capture.
    Seizure,
    /// Deaths and killings.
    Killing,
    /// Help given to an operation (a claim that is often disputed).
    Support,
    /// An arrest or detention.
    Arrest,
    /// A meeting, visit or summit.
    Meeting,
    /// An order, authorisation or policy change.
    Order,
    /// A threat or warning.
    Threat,
    /// Someone made a thing public: confirmed, revealed, acknowledged.
    Disclosure,
    /// A media report.
    Report,
    /// Someone said something (kept apart from what was said).
    Statement,
    /// An accident or natural disaster.
    Disaster,
    /// A crime, a trial, a court's decision.
    Justice,
    /// An election, appointment, resignation or protest.
    Politics,
    /// A market move, a deal, a company's act.
    Economy,
    /// Disease and care.
    Health,
    /// Anything else that happened.
    Occurrence,
}

impl EventKind {
    /// Every kind, for menus.
    pub const ALL: [EventKind; 18] = [
        EventKind::Strike,
        EventKind::Blockade,
        EventKind::Seizure,
        EventKind::Killing,
        EventKind::Support,
        EventKind::Arrest,
        EventKind::Meeting,
        EventKind::Order,
        EventKind::Threat,
        EventKind::Disclosure,
        EventKind::Report,
        EventKind::Statement,
        EventKind::Disaster,
        EventKind::Justice,
        EventKind::Politics,
        EventKind::Economy,
        EventKind::Health,
        EventKind::Occurrence,
    ];

    /// The kind stored under `name`, if it is one.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// Lowercase name, as stored in documents.
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Strike => "strike",
            EventKind::Blockade => "blockade",
            EventKind::Seizure => "seizure",
            EventKind::Killing => "killing",
            EventKind::Support => "support",
            EventKind::Arrest => "arrest",
            EventKind::Meeting => "meeting",
            EventKind::Order => "order",
            EventKind::Threat => "threat",
            EventKind::Disclosure => "disclosure",
            EventKind::Report => "report",
            EventKind::Statement => "statement",
            EventKind::Disaster => "disaster",
            EventKind::Justice => "justice",
            EventKind::Politics => "politics",
            EventKind::Economy => "economy",
            EventKind::Health => "health",
            EventKind::Occurrence => "occurrence",
        }
    }

    /// The default lane it is drawn in: its family's.
    pub fn lane(self) -> &'static str {
        self.family().label()
    }

    /// The general family it belongs to.
    pub fn family(self) -> Family {
        match self {
            EventKind::Strike | EventKind::Killing => Family::Conflict,
            EventKind::Blockade | EventKind::Seizure | EventKind::Order => Family::Policy,
            EventKind::Arrest | EventKind::Justice => Family::Justice,
            EventKind::Meeting => Family::Diplomacy,
            EventKind::Support
            | EventKind::Disclosure
            | EventKind::Statement
            | EventKind::Threat
            | EventKind::Report => Family::Statement,
            EventKind::Disaster => Family::Disaster,
            EventKind::Politics => Family::Politics,
            EventKind::Economy => Family::Economy,
            EventKind::Health => Family::Health,
            EventKind::Occurrence => Family::Other,
        }
    }

    /// The kind of a parse-found event of this family and synonym group (`None` for
    /// statements, which frame other events).
    pub fn of_family(family: Family, group: &str) -> Option<Self> {
        Some(match (family, group) {
            (Family::Statement, _) => return None,
            (_, "kill") => EventKind::Killing,
            (_, "arrest") => EventKind::Arrest,
            (_, "seize" | "capture") => EventKind::Seizure,
            (_, "blockade" | "embargo") => EventKind::Blockade,
            (Family::Conflict, _) => EventKind::Strike,
            (Family::Policy, _) => EventKind::Order,
            (Family::Diplomacy, _) => EventKind::Meeting,
            (Family::Disaster, _) => EventKind::Disaster,
            (Family::Justice, _) => EventKind::Justice,
            (Family::Politics, _) => EventKind::Politics,
            (Family::Economy, _) => EventKind::Economy,
            (Family::Health, _) => EventKind::Health,
            (Family::Other, _) => EventKind::Occurrence,
        })
    }

    /// Kinds that speak about other events rather than being the events themselves.
    pub fn is_reporting(self) -> bool {
        matches!(
            self,
            EventKind::Disclosure | EventKind::Report | EventKind::Statement
        )
    }

    /// Kinds that only frame an event: kept only with a date of their own and no content event.
    fn is_framing(self) -> bool {
        matches!(
            self,
            EventKind::Statement | EventKind::Order | EventKind::Threat | EventKind::Meeting
        )
    }
}

/// The event kind a word triggers, if any.
fn trigger_kind(word: &str) -> Option<EventKind> {
    Some(match word {
        "strike" | "strikes" | "struck" | "airstrike" | "airstrikes" | "attack" | "attacks"
        | "attacked" | "bombed" | "bombing" | "bombings" | "raid" | "raids" | "raided"
        | "shelled" | "shelling" | "destroyed" | "destroy" | "destroys" | "hit" | "incursion"
        | "invasion" | "invaded" => EventKind::Strike,
        "blockade" | "blockades" | "embargo" => EventKind::Blockade,
        "seized" | "seize" | "seizes" | "seizure" | "captured" | "confiscated" | "impounded" => {
            EventKind::Seizure
        }
        "killed" | "killing" | "killings" => EventKind::Killing,
        "support" | "supported" | "assisted" | "assistance" => EventKind::Support,
        "arrested" | "detained" | "arrest" => EventKind::Arrest,
        "hosted" | "hosting" | "met" | "summit" | "visited" => EventKind::Meeting,
        "ordered" | "ordering" | "imposed" | "imposing" | "authorized" | "authorised" => {
            EventKind::Order
        }
        "threatened" | "threats" | "threatening" | "warned" => EventKind::Threat,
        "disclosed" | "revealed" | "confirmed" | "confirms" | "acknowledged" | "acknowledge"
        | "alluded" | "hinted" | "referenced" | "admitted" => EventKind::Disclosure,
        "reported" | "report" | "reports" | "reporting" => EventKind::Report,
        "said" | "says" | "told" | "stated" | "added" => EventKind::Statement,
        _ => return None,
    })
}

/// Words that deny or contest what the passage reports.
fn is_denial(word: &str) -> bool {
    matches!(
        word,
        "denied"
            | "denies"
            | "deny"
            | "rejected"
            | "rejects"
            | "contested"
            | "contests"
            | "disputed"
            | "disputes"
            | "refuted"
            | "not"
            | "never"
    )
}

/// Words that hedge a passage.
fn is_hedge(word: &str) -> bool {
    matches!(
        word,
        "allegedly"
            | "alleged"
            | "believed"
            | "reportedly"
            | "apparently"
            | "suspected"
            | "purportedly"
            | "sources"
            | "according"
            | "unconfirmed"
    )
}

/// Modal words that make a following trigger hypothetical.
fn is_modal(word: &str) -> bool {
    matches!(
        word,
        "could" | "might" | "may" | "would" | "should" | "if" | "threatened" | "threats"
    )
}

/// Whether token `i` is a clitic glued to an apostrophe ("d" of "they'd", "s" of "Kim's").
fn is_clitic(toks: &[Tok], i: usize) -> bool {
    i > 0 && !toks[i].gap && matches!(toks[i - 1].lower.as_str(), "'" | "’")
}

/// Words that carry no meaning for grouping.
pub fn is_stopword(word: &str) -> bool {
    matches!(
        word,
        "a" | "an"
            | "the"
            | "of"
            | "on"
            | "in"
            | "at"
            | "to"
            | "for"
            | "by"
            | "with"
            | "from"
            | "and"
            | "or"
            | "that"
            | "this"
            | "these"
            | "those"
            | "it"
            | "its"
            | "is"
            | "was"
            | "were"
            | "be"
            | "been"
            | "has"
            | "had"
            | "have"
            | "as"
            | "which"
            | "who"
            | "whom"
            | "their"
            | "they"
            | "them"
            | "he"
            | "she"
            | "his"
            | "her"
            | "we"
            | "our"
            | "us"
            | "s"
            | "t"
            | "than"
            | "more"
            | "most"
            | "also"
            | "into"
            | "onto"
            | "out"
            | "up"
            | "all"
            | "any"
            | "some"
            | "one"
            | "two"
            | "first"
            | "known"
            | "not"
            | "did"
            | "do"
            | "does"
            | "there"
            | "where"
            | "when"
            | "while"
            | "what"
            | "so"
            | "after"
            | "before"
            | "during"
            | "over"
            | "under"
            | "about"
            | "against"
            | "along"
            | "inside"
            | "within"
            | "carried"
            | "launched"
            | "conducted"
            | "executed"
            | "such"
            | "other"
            | "many"
            | "much"
            | "very"
            | "just"
            | "only"
            | "even"
            | "still"
            // Degree adjectives say how much of a thing, not which thing.
            | "complete"
            | "full"
            | "total"
            | "partial"
            | "entire"
            | "whole"
            | "said"
            | "reported"
            | "new"
            | "recent"
            | "latest"
    )
}

/// How a mention is tied to time.
#[derive(Clone, Debug, PartialEq)]
pub struct TimeLink {
    /// The days it allows.
    pub range: DateRange,
    /// The expression.
    pub timex: Timex,
    /// Taken from an earlier sentence of the paragraph (its narrative time).
    pub from_paragraph: bool,
}

/// One event mention in one sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// Index of the article.
    pub article: usize,
    /// Index of the sentence in the article's analysis.
    pub sentence: usize,
    /// The sentence's byte span: the evidence passage.
    pub start: usize,
    /// End of the passage.
    pub end: usize,
    /// Byte span of the trigger word.
    pub trigger: (usize, usize),
    /// Byte span of the words naming the event: the predicate and its arguments.
    pub span: (usize, usize),
    /// What happened.
    pub kind: EventKind,
    /// How the passage bears on it.
    pub stance: Stance,
    /// Hedged wording.
    pub hedged: bool,
    /// Who did it (a capitalised name before the trigger), if found.
    pub agent: Option<String>,
    /// The named people, organisations and places the parse gives it, with their roles.
    pub participants: Vec<Participant>,
    /// Salient words of the phrase naming it, for grouping (lowercase, singular).
    pub terms: Vec<String>,
    /// The salient words of its sentence, shared by the sentence's mentions; those not in
    /// `terms` ([`Mention::context_terms`]) are a weaker grouping signal.
    pub context: Arc<[String]>,
    /// A briefing-line phrase built from the passage.
    pub phrase: String,
    /// Its time, if the text gives one.
    pub time: Option<TimeLink>,
    /// Refers back to an event named before ("the strike", "they took it out").
    pub anaphoric: bool,
    /// The tense it is told in ([`Tense::None`] for nouns and trigger words). With no time of
    /// its own, a past one happened before publication, a future one after, and a present
    /// one ("is suing", "has denied") is a state of affairs at publication: grouping reads it.
    pub tense: Tense,
    /// Index (in the same list) of the reporting mention in the same sentence that reports it.
    pub reported_by: Option<usize>,
    /// The lexicon group of its event word as the parse read it ("die" for "passed away"),
    /// for kinds too general to group by alone ([`EventKind::Occurrence`], and the armed
    /// actions a strike word names: an attack or a withdrawal), and for what a seizure was (a
    /// capture in fighting is drawn with the fighting).
    pub sense: Option<String>,
    /// The kind its object files a generic word's happening under ("won the election":
    /// politics), while the mention groups as the plain word ("won outright" is the same win).
    pub field: Option<EventKind>,
    /// Its phrase is a headline read off the parse, naming who did what ("Rebels attack
    /// base"): a title takes it as it is.
    pub headline: bool,
}

impl Mention {
    /// The salient words of its sentence that are not its own terms.
    pub fn context_terms(&self) -> impl Iterator<Item = &String> {
        self.context.iter().filter(|t| !self.terms.contains(t))
    }

    /// The range of the time the text gives it itself, not its paragraph's.
    pub fn own_range(&self) -> Option<DateRange> {
        self.time
            .as_ref()
            .filter(|t| !t.from_paragraph)
            .map(|t| t.range)
    }
}

/// Finds the event mentions of one article.
pub fn mentions(article_index: usize, article: &Article, analysis: &Analysis) -> Vec<Mention> {
    let text = &article.text;
    let mut out: Vec<Mention> = Vec::new();
    let read = event_mentions::known_event_mentions(article, analysis);
    let parsed = &read.mentions;
    let mut next_parsed = 0;
    // The paragraph's long quotations, found once per paragraph (a paragraph of 700,000
    // sentences is read in linear time).
    let mut paragraph_quotes: (usize, Vec<(usize, usize)>) = (usize::MAX, Vec::new());
    for (si, sentence) in analysis.sentences.iter().enumerate() {
        let para = &analysis.paragraphs[sentence.paragraph];
        if para.boilerplate
            || sentence.end - sentence.start > event_mentions::MAX_EVENT_SENTENCE_BYTES
        {
            continue;
        }
        let toks = lexicon::tokenize(text, sentence.start, sentence.end);
        while parsed.get(next_parsed).is_some_and(|m| m.sentence < si) {
            next_parsed += 1;
        }
        let parsed_here: Vec<&EventMention> = parsed[next_parsed..]
            .iter()
            .take_while(|m| m.sentence == si)
            .collect();
        let claimed: Vec<(usize, usize)> = parsed_here
            .iter()
            .filter_map(|m| {
                let t = analysis.timexes.get(m.time?)?;
                Some((t.start, m.trigger.0))
            })
            .collect();
        // Short quotes ("a “total embargo”") are terms, not speech.
        if paragraph_quotes.0 != sentence.paragraph {
            paragraph_quotes = (
                sentence.paragraph,
                quote_spans(text, para.start, para.end)
                    .into_iter()
                    .filter(|&(s, e)| text[s..e].split_whitespace().count() > 4)
                    .collect(),
            );
        }
        let quotes = &paragraph_quotes.1;
        let quote_of = |pos: usize| segment::quote_at(quotes, pos);
        let words: Vec<&str> = toks.iter().map(|t| t.lower.as_str()).collect();
        let hedged = words.iter().any(|w| is_hedge(w));
        let word_toks = toks
            .iter()
            .filter(|t| t.kind == TokKind::Word && t.lower.len() > 3);
        let (caps, all) = word_toks.fold((0, 0), |(c, a), t| (c + usize::from(t.cap), a + 1));
        let headline = all > 0 && caps * 10 >= all * 6;
        let mut sentence_terms: Vec<String> = toks
            .iter()
            .filter(|t| {
                t.kind == TokKind::Word
                    && t.lower.len() > 2
                    && !is_stopword(&t.lower)
                    && trigger_kind(&t.lower).is_none()
            })
            .map(|t| singular(&t.lower))
            .collect();
        sentence_terms.sort();
        sentence_terms.dedup();
        let shared_terms: Arc<[String]> = sentence_terms.into();
        let denial = words.iter().any(|w| is_denial(w));
        let mut found: Vec<(usize, EventKind)> = Vec::new();
        for (k, t) in toks.iter().enumerate() {
            if t.kind != TokKind::Word {
                continue;
            }
            let Some(kind) = trigger_kind(&t.lower).or_else(|| provided_support(&words, k)) else {
                continue;
            };
            // "struck a deal": the parse's reading, with its object, is another happening.
            if parsed_here
                .iter()
                .any(|m| m.trigger.0 == t.start && m.object_sense())
            {
                continue;
            }
            // "they'd support": the clitic "d" is "would".
            let hypothetical = (k.saturating_sub(3)..k)
                .any(|j| is_modal(words[j]) || words[j] == "d" && is_clitic(&toks, j))
                && !kind.is_reporting();
            if hypothetical || found.iter().any(|(_, f)| *f == kind) {
                continue;
            }
            found.push((k, kind));
        }
        let has_content = found
            .iter()
            .any(|(_, k)| !k.is_framing() && !k.is_reporting());
        // A killing told with a strike is part of it.
        if found.iter().any(|(_, k)| *k == EventKind::Strike) {
            found.retain(|(_, k)| *k != EventKind::Killing);
        }
        let first_in_sentence = out.len();
        for &(k, kind) in &found {
            if kind.is_framing() && has_content {
                continue;
            }
            let trigger_tok = &toks[k];
            let quoted = quote_of(trigger_tok.start);
            let parsed = parsed_here
                .iter()
                .find(|m| m.trigger.0 == trigger_tok.start);
            // In a passive ("Reyes was arrested") the name before the verb is who it was done
            // to: the agent is the parse's by-phrase, if any.
            let agent = match parsed {
                _ if headline => None,
                Some(m) if m.passive => m
                    .agent
                    .as_ref()
                    .filter(|a| !a.pronoun)
                    .map(|a| a.text.clone()),
                _ => agent_of(text, &toks, k),
            };
            // Who reported or disclosed must be named; "no casualties were reported" is no report.
            if kind.is_reporting() && agent.is_none() {
                continue;
            }
            // What the sentence reports (after "X reported that …") takes no date from it: the
            // date belongs to the reporting.
            let reported =
                !kind.is_reporting() && found.iter().any(|&(r, rk)| rk.is_reporting() && r < k);
            // The time the parse attaches to the trigger, else the nearest one.
            let attached = parsed.and_then(|m| attached_time(analysis, m, quoted));
            let time = if reported {
                None
            } else {
                attached.or_else(|| {
                    let triggers = Triggers {
                        toks: &toks,
                        found: &found,
                        claimed: &claimed,
                        parse: read.parse_of(si),
                    };
                    time_link(analysis, si, trigger_tok.start, quoted, &triggers, k)
                })
            };
            let own_time = time.as_ref().is_some_and(|t| !t.from_paragraph);
            if (kind.is_framing() || quoted.is_some()) && !own_time {
                continue;
            }
            let negated =
                (k.saturating_sub(3)..k).any(|j| matches!(words[j], "not" | "never" | "no"));
            // A denial counts near the trigger; for a claim (support), anywhere in the sentence.
            let near_denial = (k.saturating_sub(8)..toks.len().min(k + 6))
                .any(|j| is_denial(words[j]) && words[j] != "not" && words[j] != "never");
            let denied = if kind == EventKind::Support {
                denial
            } else {
                near_denial
            };
            let stance = if (denied && !kind.is_reporting()) || negated {
                Stance::Denies
            } else if kind.is_reporting() || hedged {
                Stance::Mentions
            } else {
                Stance::Supports
            };
            // A noun's phrase ends where the sentence's next predicate begins; a verb's goes on into
            // its complement ("warned there were risks").
            let verbal = parsed.map_or(trigger_tok.lower.ends_with("ed"), |m| m.pos == "VERB");
            let (described, mut terms, span) =
                describe(text, &toks, k, !kind.is_reporting() && !verbal);
            // The parse's headline says who did what to whom where it reads it as told; a report
            // keeps what it reported, and a capitalised headline's words are not a sentence's.
            let parsed_headline = parsed
                .filter(|m| m.asserted() && !kind.is_reporting() && !headline)
                .and_then(|m| m.headline(text));
            let headline_phrase = parsed_headline.is_some();
            let phrase = parsed_headline.unwrap_or(described);
            // The passage takes in the words the parse gives the event too.
            let span = parsed.map_or(span, |m| (span.0.min(m.span.0), span.1.max(m.span.1)));
            // Whom it was done to, when the parse finds it before the verb ("the owner was
            // arrested"), gives words to group by too.
            if let Some(patient) = parsed
                .filter(|m| m.passive)
                .and_then(|m| m.patient.as_ref())
            {
                for word in patient.text.split_whitespace() {
                    let word = word.to_lowercase();
                    if word.len() > 2 && !is_stopword(&word) {
                        let word = singular(&word);
                        if !terms.contains(&word) {
                            terms.push(word);
                        }
                    }
                }
            }
            // Without a parse of its own, the name before the trigger acts.
            let participants = parsed.map_or_else(
                || {
                    agent
                        .clone()
                        .map(|name| Participant {
                            name,
                            role: Role::Agent,
                        })
                        .into_iter()
                        .collect()
                },
                |m| participants_of(m),
            );
            let definite = k > 0 && matches!(words[k - 1], "the" | "this" | "that" | "latest");
            let anaphoric = terms.is_empty() || (definite && terms.len() <= 1);
            out.push(Mention {
                article: article_index,
                sentence: si,
                start: sentence.start,
                end: sentence.end,
                trigger: (trigger_tok.start, trigger_tok.end),
                span,
                kind,
                stance: if kind.is_reporting() {
                    Stance::Supports
                } else {
                    stance
                },
                hedged,
                agent,
                participants,
                terms,
                context: Arc::clone(&shared_terms),
                phrase,
                time,
                anaphoric,
                tense: Tense::None,
                reported_by: None,
                // The sense the parse reads tells what was seized (a capture in fighting or a
                // seizure by the authorities: [`EventKind::Seizure`] has both) and which armed
                // action a strike word tells (an attack, or a happening of its own such as a
                // withdrawal, which groups only with its own sense).
                sense: parsed
                    .and_then(|m| m.sense())
                    .filter(|s| match kind {
                        EventKind::Seizure => true,
                        EventKind::Strike => s.family == Family::Conflict,
                        _ => false,
                    })
                    .map(|s| s.group.to_string()),
                field: parsed.and_then(|m| done_by_disaster(kind, m)),
                headline: headline_phrase,
            });
        }
        // Events the parse finds that the trigger words do not name.
        let facts = SentenceFacts {
            article: article_index,
            index: si,
            start: sentence.start,
            end: sentence.end,
            toks: &toks,
            found: &found,
            claimed: &claimed,
            parse: read.parse_of(si),
            hedged,
            terms: &shared_terms,
        };
        let mut parse_kinds: Vec<(EventKind, String)> = Vec::new();
        for &em in &parsed_here {
            let Some(m) = from_parse(text, analysis, &facts, quote_of(em.trigger.0), em) else {
                continue;
            };
            let key = (m.kind, em.group.clone());
            if !parse_kinds.contains(&key) {
                parse_kinds.push(key);
                out.push(m);
            }
        }
        // Content mentions are reported by the reporting mention that precedes them.
        let reporter = (first_in_sentence..out.len()).find(|&m| out[m].kind.is_reporting());
        if let Some(r) = reporter {
            for m in first_in_sentence..out.len() {
                if m != r && !out[m].kind.is_reporting() && out[m].trigger.0 > out[r].trigger.0 {
                    out[m].reported_by = Some(r);
                }
            }
        }
    }
    for m in &mut out {
        let trigger = m.trigger.0;
        if let Some(link) = m.time.as_mut() {
            since_widened(
                link,
                trigger,
                read.parse_of(link.timex.sentence),
                article.published,
            );
        }
    }
    out
}

/// "provided logistical assistance": `provided` followed closely by help words is a support claim.
fn provided_support(words: &[&str], k: usize) -> Option<EventKind> {
    if !matches!(words[k], "provided" | "provide" | "providing" | "gave") {
        return None;
    }
    words[k + 1..words.len().min(k + 4)]
        .iter()
        .any(|w| {
            matches!(
                *w,
                "intelligence" | "support" | "assistance" | "help" | "aid" | "backing"
            )
        })
        .then_some(EventKind::Support)
}

/// The time of the mention whose trigger is token `k` at byte `pos`: the nearest dated
/// expression in the sentence (quoted ones only for a trigger inside the same quote), unless it
/// sits nearer another trigger of the sentence; else the paragraph's latest earlier date.
fn time_link(
    analysis: &Analysis,
    sentence: usize,
    pos: usize,
    trigger_quote: Option<usize>,
    triggers: &Triggers,
    k: usize,
) -> Option<TimeLink> {
    let Triggers {
        toks,
        found,
        claimed,
        parse,
    } = *triggers;
    let usable = |t: &&Timex| usable_time(t);
    let distance = |t: &Timex, at: usize| {
        if t.start >= at {
            t.start - at
        } else {
            at - t.end
        }
    };
    // A time the parse attaches to another, nearer event of the sentence is that event's
    // ("after the bombing of the chamber, Parliament elected a speaker on Friday": Friday is
    // the election's). A farther one's claim is more likely a wrong parse than a fact.
    let claimed_by_other = |t: &Timex| {
        claimed.iter().any(|&(at, trigger)| {
            at == t.start && trigger != pos && distance(t, trigger) < distance(t, pos)
        })
    };
    let in_sentence = analysis
        .timexes
        .iter()
        .filter(|t| t.sentence == sentence)
        .filter(usable)
        .filter(|t| t.quoted == trigger_quote.is_some())
        .filter(|t| parse.is_none_or(|p| !in_another_clause(p, t, pos)))
        .filter(|t| {
            // An opening time ("This month, …") covers the whole sentence; any other goes to
            // the trigger it is nearest to.
            let opening = toks
                .iter()
                .any(|x| x.start >= t.end && x.start <= t.end + 1 && x.lower == ",");
            if opening && found.iter().all(|&(other, _)| toks[other].start > t.end) {
                return true;
            }
            if claimed_by_other(t) {
                return false;
            }
            let mine = distance(t, pos);
            // A reporting verb after a comma ("… on Friday, officials said") does not claim
            // the time before the comma: that time is the reported event's.
            let comma_before = |at: usize| {
                toks.iter()
                    .any(|x| x.lower == "," && x.start >= t.end && x.start < at)
            };
            found.iter().all(|&(other, other_kind)| {
                other == k
                    || distance(t, toks[other].start) >= mine
                    || (other_kind.is_reporting()
                        && toks[other].start > t.end
                        && comma_before(toks[other].start))
            })
        })
        .min_by_key(|t| distance(t, pos));
    if let Some(t) = in_sentence {
        return Some(TimeLink {
            range: t.range()?,
            timex: t.clone(),
            from_paragraph: false,
        });
    }
    let paragraph = analysis.sentences[sentence].paragraph;
    analysis
        .timexes
        .iter()
        .filter(|t| {
            t.sentence < sentence
                && analysis.sentences[t.sentence].paragraph == paragraph
                && !t.quoted
        })
        .filter(usable)
        .rfind(|t| {
            matches!(
                t.granularity,
                Granularity::Day | Granularity::Week | Granularity::Month
            )
        })
        .and_then(|t| {
            Some(TimeLink {
                range: t.range()?,
                timex: t.clone(),
                from_paragraph: true,
            })
        })
}

/// Whether the parse puts temporal expression `t` in a clause that does not hold the event
/// word at byte `pos`: a relative clause ("the era of a king who ruled from 1930 to 1945"), a
/// reported or intended one, a comparison ("just as their fathers did in 1884"), a
/// parenthetical. Such a time is its own clause's. A clause of "when" or "while" tells the
/// time of the clause it hangs from, and is no boundary.
fn in_another_clause(parse: &ParsedSentence, t: &Timex, pos: usize) -> bool {
    let (Some(time), Some(event)) = (parse.head_within(t.start, t.end), parse.word_at(pos)) else {
        return false;
    };
    let mut clause = time;
    for _ in 0..parse.tokens.len() {
        let opens = CLAUSE_RELATIONS
            .iter()
            .any(|r| parse.tokens[clause].deprel.starts_with(r));
        let same_time = parse.tokens[clause].deprel == "advcl"
            && ["when", "while"]
                .iter()
                .any(|w| parse.introduced_by(clause, w).is_some());
        if opens && !same_time {
            break;
        }
        match parse.head_of(clause) {
            Some(h) => clause = h,
            None => break,
        }
    }
    !parse.dominates(clause, event)
}

/// A time introduced by "since" ("besieged since June", "two floods since 1998", "the worst
/// drought since the 1950s") begins the span in which the event at byte `trigger` happened,
/// which runs on to when the article was written: the link's range is widened to end on the
/// publication day. The time of what "since" introduces is that event's own ("since the
/// treaty was signed in 1997": the signing's).
fn since_widened(
    link: &mut TimeLink,
    trigger: usize,
    parse: Option<&ParsedSentence>,
    published: Option<NaiveDate>,
) {
    let since = parse.is_some_and(|p| {
        p.head_within(link.timex.start, link.timex.end)
            .and_then(|x| p.introduced_by(x, "since"))
            .is_some_and(|introduced| p.word_at(trigger) != Some(introduced))
    });
    if let Some(day) = published.filter(|&day| since && day > link.range.latest) {
        link.range.latest = day;
    }
}

/// The usable temporal expression the parse attaches to a mention (quoted ones only for a
/// mention inside the same quote), as its own time.
fn attached_time(analysis: &Analysis, em: &EventMention, quote: Option<usize>) -> Option<TimeLink> {
    let t = em
        .time
        .map(|x| &analysis.timexes[x])
        .filter(|t| usable_time(t) && t.quoted == quote.is_some())?;
    Some(TimeLink {
        range: t.range()?,
        timex: t.clone(),
        from_paragraph: false,
    })
}

/// Whether a temporal expression can date an event: a date, time or duration with a range,
/// not a vague one.
fn usable_time(t: &Timex) -> bool {
    t.range().is_some()
        && matches!(
            t.kind,
            TimexType::Date | TimexType::Time | TimexType::Duration
        )
        && t.granularity != Granularity::Vague
}

/// What a sentence offers the events the parse finds in it.
struct SentenceFacts<'a> {
    article: usize,
    index: usize,
    start: usize,
    end: usize,
    toks: &'a [Tok],
    /// The trigger words found in it, with their kinds.
    found: &'a [(usize, EventKind)],
    /// The times the parse attaches to its events ([`Triggers::claimed`]).
    claimed: &'a [(usize, usize)],
    /// Its parse, if it was read.
    parse: Option<&'a ParsedSentence>,
    hedged: bool,
    terms: &'a Arc<[String]>,
}

/// A sentence's event words, for [`time_link`].
#[derive(Clone, Copy)]
struct Triggers<'a> {
    toks: &'a [Tok],
    /// The trigger tokens found, with their kinds.
    found: &'a [(usize, EventKind)],
    /// (byte offset of a temporal expression, byte offset of the event word the parse
    /// attaches it to).
    claimed: &'a [(usize, usize)],
    /// The sentence's parse, if any.
    parse: Option<&'a ParsedSentence>,
}

/// The kind of the disaster or illness that struck or killed, when the doer of a strike or a
/// killing names one ("a powerful quake struck the island", "the coast was struck by a storm",
/// "an earthquake hit the island, killing 12"): the event is filed under it, while the mention
/// still groups with the strikes or killings told of it (ECB+ annotates the quake, its striking
/// and its deaths as events of their own).
fn done_by_disaster(kind: EventKind, em: &EventMention) -> Option<EventKind> {
    if !matches!(kind, EventKind::Strike | EventKind::Killing) {
        return None;
    }
    let doer = em.agent.as_ref().map(|a| &a.head).or(em.cause.as_ref())?;
    let cause = taxonomy::disaster_cause(doer)?;
    EventKind::of_family(cause.family, cause.group)
}

/// Whether a mention is a rise or fall of the economy's lexicon that moved no figure
/// ([`event_mentions::moves_a_figure`]): "the soldier fell", "her body slumped" are no market's
/// moves but plain happenings of their sense, grouped and filed as such.
fn no_figure_moved(kind: EventKind, em: &EventMention, text: &str) -> bool {
    let figure_sense = matches!(em.group.as_str(), "rise" | "fall");
    kind == EventKind::Economy && figure_sense && !event_mentions::moves_a_figure(em, text)
}

/// Whether a verb the recogniser took for a state is told as done and its sense, of `family`,
/// is a happening of a family of its own ("the producer was convicted"): then it is one,
/// whatever state the recogniser took it for.
fn told_done(em: &EventMention, family: Family) -> bool {
    em.pos == "VERB"
        && em.tense == Tense::Past
        && matches!(em.class, EventClass::State | EventClass::IState)
        && !matches!(family, Family::Other | Family::Statement)
}

/// A mention for an event the parse finds and the trigger words do not name: a verb or noun
/// said to have happened, whose lemma the taxonomy knows, with a headline of its own.
fn from_parse(
    text: &str,
    analysis: &Analysis,
    facts: &SentenceFacts,
    quote: Option<usize>,
    em: &EventMention,
) -> Option<Mention> {
    let verbal = em.pos == "VERB";
    if !em.asserted() || em.support || !(verbal || em.pos == "NOUN") {
        return None;
    }
    let read = em.sense()?;
    if !matches!(em.class, EventClass::Occurrence | EventClass::IAction)
        && !told_done(em, read.family)
    {
        return None;
    }
    // An object sense of a generic word ("win>election" of "win") names the field of the same
    // happening, not another one: the mention groups as the plain word and keeps the field.
    let plain = taxonomy::sense_as(&em.lemma, verbal).filter(|plain| {
        plain.family == Family::Other
            && read.family != Family::Other
            && taxonomy::refined_group(read.group) == Some(plain.group)
    });
    let sense = plain.unwrap_or(read);
    let kind = match EventKind::of_family(sense.family, sense.group)? {
        kind if no_figure_moved(kind, em, text) => EventKind::Occurrence,
        kind => kind,
    };
    let field = plain
        .and_then(|_| EventKind::of_family(read.family, read.group))
        .or_else(|| done_by_disaster(kind, em));
    let toks = facts.toks;
    let k = toks.iter().position(|t| t.start == em.trigger.0)?;
    if facts.found.iter().any(|&(f, fk)| f == k || fk == kind) {
        return None;
    }
    let phrase = em.headline(text)?;
    let reported = facts
        .found
        .iter()
        .any(|&(r, rk)| rk.is_reporting() && r < k);
    let time = match attached_time(analysis, em, quote) {
        Some(link) => Some(link),
        None if reported => None,
        None => {
            let mut found = facts.found.to_vec();
            found.push((k, kind));
            let triggers = Triggers {
                toks,
                found: &found,
                claimed: facts.claimed,
                parse: facts.parse,
            };
            time_link(analysis, facts.index, em.trigger.0, quote, &triggers, k)
        }
    };
    let own_time = time.as_ref().is_some_and(|t| !t.from_paragraph);
    if (kind.is_framing() || quote.is_some()) && !own_time {
        return None;
    }
    let mut terms: Vec<String> = toks
        .iter()
        .filter(|t| {
            em.reports(t.start, t.end)
                && t.start != em.trigger.0
                && t.kind == TokKind::Word
                && t.lower.len() > 2
                && !is_stopword(&t.lower)
        })
        .map(|t| singular(&t.lower))
        .collect();
    // A bare "an increase" names nothing to group or show.
    if terms.is_empty() {
        return None;
    }
    let group = sense.group.to_string();
    terms.push(group.clone());
    terms.sort();
    terms.dedup();
    Some(Mention {
        article: facts.article,
        sentence: facts.index,
        start: facts.start,
        end: facts.end,
        trigger: em.trigger,
        span: em.span,
        kind,
        stance: if facts.hedged {
            Stance::Mentions
        } else {
            Stance::Supports
        },
        hedged: facts.hedged,
        agent: em
            .agent
            .as_ref()
            .filter(|a| !a.pronoun)
            .map(|a| a.text.clone()),
        participants: participants_of(em),
        terms,
        context: Arc::clone(facts.terms),
        phrase,
        tense: em.tense,
        time,
        anaphoric: false,
        reported_by: None,
        sense: Some(group),
        field,
        headline: true,
    })
}

/// The names among a parse mention's agent, patient and place.
fn participants_of(em: &EventMention) -> Vec<Participant> {
    [
        (&em.agent, Role::Agent),
        (&em.patient, Role::Patient),
        (&em.place, Role::Place),
    ]
    .into_iter()
    .filter_map(|(argument, role)| {
        let name = argument.as_ref()?.name()?;
        Some(Participant { name, role })
    })
    .collect()
}

/// Who did it: the capitalised name just before the trigger, past adverbs and auxiliaries
/// ("the governor has also ordered", "the army struck", "Reuters reported"), or after "by"
/// ("reported by Reuters").
fn agent_of(text: &str, toks: &[Tok], k: usize) -> Option<String> {
    let skippable = |t: &Tok| {
        t.kind == TokKind::Word
            && !t.cap
            && (t.lower.ends_with("ly")
                || matches!(
                    t.lower.as_str(),
                    "has"
                        | "have"
                        | "had"
                        | "also"
                        | "was"
                        | "were"
                        | "is"
                        | "are"
                        | "first"
                        | "then"
                        | "later"
                        | "not"
                        | "did"
                        | "to"
                        | "appeared"
                        | "seemed"
                        | "appears"
                        | "seems"
                        | "the"
                ))
    };
    // A shouted word ("a “COMPLETE BLOCKADE”") is no name; an acronym ("CIA") is.
    let shouted = |t: &Tok| {
        let word = &text[t.start..t.end];
        word.chars().filter(|c| c.is_alphabetic()).count() > 4
            && !word.chars().any(char::is_lowercase)
    };
    let is_name = |t: &Tok| {
        t.kind == TokKind::Word
            && t.cap
            && !shouted(t)
            && !matches!(
                t.lower.as_str(),
                "the"
                    | "a"
                    | "an"
                    | "he"
                    | "she"
                    | "it"
                    | "they"
                    | "we"
                    | "i"
                    | "but"
                    | "and"
                    | "however"
                    | "in"
                    | "on"
                    | "last"
                    | "earlier"
                    | "this"
                    | "so"
                    | "before"
                    | "after"
                    | "when"
                    | "while"
                    | "although"
                    | "despite"
                    | "as"
                    | "since"
                    | "if"
                    | "according"
                    | "until"
                    | "though"
            )
    };
    let mut j = k;
    while j > 0 && skippable(&toks[j - 1]) {
        j -= 1;
    }
    let name_run = |end: usize| {
        let mut first = end;
        while first > 0
            && (is_name(&toks[first - 1])
                || (toks[first - 1].lower == "." && first >= 2 && is_name(&toks[first - 2])))
        {
            first -= 1;
        }
        (first < end).then(|| text[toks[first].start..toks[end - 1].end].to_string())
    };
    if let Some(name) = name_run(j) {
        return Some(name);
    }
    let by = (k + 1..toks.len().min(k + 3)).find(|&b| toks[b].lower == "by")?;
    let mut end = by + 1;
    while end < toks.len() && (is_name(&toks[end]) || toks[end].lower == "the" && end == by + 1) {
        end += 1;
    }
    let first = by + 1 + usize::from(toks.get(by + 1).is_some_and(|t| t.lower == "the"));
    (end > first).then(|| text[toks[first].start..toks[end - 1].end].to_string())
}

/// Whether a word after an event word begins the sentence's next predicate rather than saying
/// what was done to what: a modal or a finite auxiliary ("the arrest will cast a cloud", "the
/// strike has killed").
fn starts_predicate(word: &str) -> bool {
    event_mentions::MODALS.contains(&word)
        || matches!(
            word,
            "will"
                | "shall"
                | "is"
                | "are"
                | "was"
                | "were"
                | "has"
                | "have"
                | "had"
                | "does"
                | "did"
        )
}

/// A briefing phrase (modifiers, the trigger, and what it was done to), the grouping terms, and
/// the phrase's byte span. With `own_predicate` (an event noun) the phrase ends where the
/// sentence's next predicate begins ([`starts_predicate`]): "the arrest will cast a cloud"
/// titles "arrest".
fn describe(
    text: &str,
    toks: &[Tok],
    k: usize,
    own_predicate: bool,
) -> (String, Vec<String>, (usize, usize)) {
    // Up to three modifiers before a nominal trigger ("covert drone strike").
    let mut first = k;
    while first > 0
        && k - first < 3
        && toks[first - 1].kind == TokKind::Word
        && !is_clitic(toks, first - 1)
        && !is_stopword(&toks[first - 1].lower)
        && trigger_kind(&toks[first - 1].lower).is_none()
        && !toks[first - 1].lower.ends_with("ly")
    {
        first -= 1;
    }
    // What it was done to: up to four content words after the trigger, stopping at a clause break.
    let mut last = k;
    // The briefing line stops where the next predicate begins; the grouping words go on.
    let mut shown = None;
    let mut content = 0;
    let mut j = k + 1;
    while j < toks.len() && content < 4 {
        let t = &toks[j];
        // "the will of the people" is no modal.
        let after_determiner = || {
            matches!(
                toks[j - 1].lower.as_str(),
                "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "my" | "your"
            )
        };
        if own_predicate && shown.is_none() && starts_predicate(&t.lower) && !after_determiner() {
            shown = Some(last);
        }
        let abbreviation_dot = t.lower == "." && toks[j - 1].lower.len() == 1 && toks[j - 1].cap;
        if t.kind == TokKind::Punct
            && !abbreviation_dot
            && !matches!(t.lower.as_str(), "-" | "’" | "'" | "“" | "”" | "\"")
        {
            break;
        }
        if matches!(
            t.lower.as_str(),
            "that"
                | "which"
                | "who"
                | "if"
                | "unless"
                | "whether"
                | "while"
                | "as"
                | "but"
                | "and"
                | "because"
                | "after"
                | "though"
                | "although"
                | "when"
                | "during"
                | "amid"
                | "before"
                | "since"
                | "until"
                | "last"
                | "next"
                | "this"
                | "earlier"
                | "later"
                | "yesterday"
                | "today"
                | "tomorrow"
        ) || lexicon::weekday(&t.lower).is_some() && t.cap
            || lexicon::month(&t.lower).is_some() && t.cap
        {
            break;
        }
        if t.kind == TokKind::Word && !is_stopword(&t.lower) {
            content += 1;
        }
        last = j;
        j += 1;
    }
    let trim = |mut last: usize| {
        while last > k && (toks[last].kind == TokKind::Punct || is_stopword(&toks[last].lower)) {
            last -= 1;
        }
        last
    };
    let last = trim(last);
    let shown = shown.map_or(last, trim);
    // Nor does an auxiliary before the event word ("being arrested").
    let mut shown_first = first;
    while shown_first < k && matches!(toks[shown_first].lower.as_str(), "being" | "having") {
        shown_first += 1;
    }
    // Typographic quotes and shouting ("“TOTAL EMBARGO”") do not belong in a briefing line;
    // what an archive wrote apart ("£ 2bn", "pro - government") is joined.
    let words: Vec<String> = text[toks[shown_first].start..toks[shown].end]
        .split_whitespace()
        .map(|w| {
            let w = w.trim_matches(|c: char| matches!(c, '"' | '“' | '”' | '‘' | '’'));
            if w.chars().count() > 3 && w.chars().all(|c| !c.is_lowercase()) {
                w.to_lowercase()
            } else {
                w.to_string()
            }
        })
        .collect();
    let phrase =
        event_mentions::join_split_words(&words.iter().map(String::as_str).collect::<Vec<_>>());
    let mut terms: Vec<String> = toks[first..=last]
        .iter()
        .enumerate()
        .filter(|&(offset, t)| {
            first + offset != k
                && t.kind == TokKind::Word
                && !is_stopword(&t.lower)
                && t.lower.len() > 2
        })
        .map(|(_, t)| singular(&t.lower))
        .collect();
    terms.sort();
    terms.dedup();
    (phrase, terms, (toks[first].start, toks[last].end))
}

/// A grouping key for a word: a crude singular ("boats" → "boat", "facilities" →
/// "facility").
pub fn singular(word: &str) -> String {
    if let Some(stem) = word.strip_suffix("ies").filter(|s| s.len() > 2) {
        format!("{stem}y")
    } else if let Some(stem) = word
        .strip_suffix('s')
        .filter(|s| s.len() > 2 && !s.ends_with('s'))
    {
        stem.to_string()
    } else {
        word.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ingest::{Format, parse_file};

    #[test]
    fn a_conviction_read_as_a_state_is_told_done_in_the_past_only() {
        let text = "date 2021-03-04\n\nThe builder was convicted of fraud on Tuesday. The \
                    builder is convicted of fraud.\n";
        let article = parse_file("one.txt", Format::Text, text.as_bytes())
            .expect("parses")
            .remove(0);
        let found = event_mentions::mentions(&article, &article.analyze());
        let convictions: Vec<&EventMention> =
            found.iter().filter(|m| m.lemma == "convict").collect();
        assert_eq!(convictions.len(), 2, "both convictions are found");
        let family = convictions[0].sense().expect("a known sense").family;
        assert_eq!(family, Family::Justice);
        for class in [EventClass::State, EventClass::IState] {
            let mut past = convictions[0].clone();
            past.class = class;
            assert!(told_done(&past, family));
            let mut present = convictions[1].clone();
            present.class = class;
            assert!(!told_done(&present, family));
            assert!(!told_done(&past, Family::Other));
        }
        let mut occurrence = convictions[0].clone();
        occurrence.class = EventClass::Occurrence;
        assert!(!told_done(&occurrence, family), "no state to overrule");
    }
}
