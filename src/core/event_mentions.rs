//! Event mentions read from the parse: every word the event recogniser marks
//! ([`crate::core::nlp::events`]), with its TimeML class, its family and synonym group
//! ([`crate::core::taxonomy`]), polarity, modality, tense and aspect, and its arguments — who
//! acted (agent), on what (patient), where (place) and the temporal expression the parse
//! attaches to it. A negated, modal or hypothetical mention is no evidence that the event
//! happened.

use crate::core::article::{Analysis, Article};
use crate::core::nlp::events::{self, EventClass};
use crate::core::nlp::{self, CLAUSE_RELATIONS, ParsedSentence};
use crate::core::taxonomy::{self, Family};
use std::collections::HashMap;

/// A phrase filling a role of an event.
#[derive(Clone, Debug, PartialEq)]
pub struct Argument {
    /// Byte offset of its first character.
    pub start: usize,
    /// Byte offset past its last character.
    pub end: usize,
    /// The phrase as written.
    pub text: String,
    /// The lemma of its head word.
    pub head: String,
    /// Its head is a pronoun ("they", "it", "who").
    pub pronoun: bool,
    /// Its head is plural ("rebels", "they").
    pub plural: bool,
    /// Its head is a proper noun: a name.
    pub proper: bool,
    /// It is written before its event noun as the possessor ("the minister's resignation").
    pub possessor: bool,
    /// The preposition before it ("on" of "a strike on the port").
    pub preposition: Option<String>,
}

impl Argument {
    /// The name it gives, when its head is a name: a leading "the", a leading title ("Mayor
    /// Elena Varga", "Prime Minister Omar Haddad"), a closing possessive and anything after a
    /// comma ("Maria Lopez, 52") go.
    pub fn name(&self) -> Option<String> {
        if !self.proper {
            return None;
        }
        let text = self.text.split(',').next().unwrap_or("").trim();
        let text = text
            .strip_prefix("the ")
            .or_else(|| text.strip_prefix("The "))
            .unwrap_or(text);
        let text = text
            .strip_suffix("'s")
            .or_else(|| text.strip_suffix("’s"))
            .unwrap_or(text)
            .trim();
        let text = without_titles(text);
        (!text.is_empty()).then(|| text.to_string())
    }
}

/// Words of office and address written before a name (not those that also begin names of
/// things: "General Motors", "Premier League", "Lady Gaga", "Justice Department").
const TITLES: &[&str] = &[
    "ambassador",
    "archbishop",
    "bishop",
    "chancellor",
    "dr",
    "gov",
    "governor",
    "judge",
    "king",
    "lord",
    "mayor",
    "minister",
    "mr",
    "mrs",
    "ms",
    "pope",
    "president",
    "prince",
    "princess",
    "queen",
    "rep",
    "secretary",
    "sen",
    "senator",
    "sheikh",
    "sir",
];

/// A name without the titles before it ("Mayor Elena Varga" → "Elena Varga", "Mr. Taylor" →
/// "Taylor"); a name that is nothing but titles ("President") stays as it is.
fn without_titles(name: &str) -> &str {
    let mut rest = name;
    while let Some((first, after)) = rest.split_once(' ') {
        let word = first.trim_end_matches('.').to_lowercase();
        let next_is_name = after.chars().next().is_some_and(char::is_uppercase);
        let title = TITLES.binary_search(&word.as_str()).is_ok()
            || (word == "prime" && after.starts_with("Minister "));
        if !(title && next_is_name) {
            break;
        }
        rest = after.trim_start();
    }
    rest
}

/// The grammatical tense of a verbal mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tense {
    /// "attacked", "had attacked".
    Past,
    /// "attacks", "has attacked".
    Present,
    /// "will attack".
    Future,
    /// Nouns and untensed forms.
    None,
}

/// The grammatical aspect of a verbal mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Aspect {
    /// "has attacked".
    Perfective,
    /// "is attacking".
    Progressive,
    /// Neither.
    None,
}

impl Tense {
    /// TimeML's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Tense::Past => "PAST",
            Tense::Present => "PRESENT",
            Tense::Future => "FUTURE",
            Tense::None => "NONE",
        }
    }
}

impl Aspect {
    /// TimeML's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Aspect::Perfective => "PERFECTIVE",
            Aspect::Progressive => "PROGRESSIVE",
            Aspect::None => "NONE",
        }
    }
}

/// One event mention.
#[derive(Clone, Debug, PartialEq)]
pub struct EventMention {
    /// Index of its sentence in the article's analysis.
    pub sentence: usize,
    /// Byte span of the event word.
    pub trigger: (usize, usize),
    /// Byte span of its passage: the event word with its agent, patient, place and time, each
    /// where it lies near the word ([`MAX_PASSAGE_GAP_WORDS`]).
    pub span: (usize, usize),
    /// Byte span of the event word with its agent, patient, place and time wherever they lie.
    pub extent: (usize, usize),
    /// Byte span of the event word's own name: a noun with its modifiers ("oil spill"), a verb
    /// with its particle ("walked out").
    pub name: (usize, usize),
    /// TimeML class.
    pub class: EventClass,
    /// The event word's lemma.
    pub lemma: String,
    /// The event word's universal part of speech.
    pub pos: &'static str,
    /// Its family (Other when the lexicon does not know the lemma).
    pub family: Family,
    /// The lemma its near-synonyms share (the lemma itself when the lexicon does not know it).
    pub group: String,
    /// Negated: "did not attack", "no attack".
    pub negated: bool,
    /// What makes it possible rather than real: a modal ("could"), an intention or report of
    /// one ("plans to", "threatened to"), a denial ("denied that"), "possible".
    pub modality: Option<String>,
    /// Inside a condition, or the outcome of one ("if …").
    pub hypothetical: bool,
    /// Tense of a verb.
    pub tense: Tense,
    /// Aspect of a verb.
    pub aspect: Aspect,
    /// A passive verb ("was attacked").
    pub passive: bool,
    /// A support verb whose object is itself an event word ("carried out a strike",
    /// "launched an attack"): the object names the event, not the verb.
    pub support: bool,
    /// Who acted.
    pub agent: Option<Argument>,
    /// The lemma of what brought it about where the sentence tells that without making it the
    /// agent: the subject of the clause a subjectless participle clause hangs from ("An
    /// earthquake hit the island, killing 12": "earthquake").
    pub cause: Option<String>,
    /// Who or what it was done to.
    pub patient: Option<Argument>,
    /// Where.
    pub place: Option<Argument>,
    /// What a verb sets out to do, as its "to" infinitive with that verb's object ("voted to
    /// suspend the president", "decided not to run"): the rest of a headline with no patient.
    pub complement: Option<String>,
    /// Index in the analysis' temporal expressions of the one the parse attaches to it.
    pub time: Option<usize>,
}

impl EventMention {
    /// Its sense in the lexicon, as read with its particle and object when it was found
    /// ([`taxonomy::sense_with`]): its group's entry, which every known group has; `None` for a
    /// word the lexicon does not know.
    pub fn sense(&self) -> Option<taxonomy::Sense> {
        taxonomy::sense(&self.group)
    }

    /// Whether its particle or object gives the word a sense of its own: "stepped down" is a
    /// resignation, "struck a deal" an agreement and "withdrew his name" a candidacy ended, not
    /// a step, an attack or a retreat.
    pub fn object_sense(&self) -> bool {
        let verbal = self.pos == "VERB" || self.pos == "AUX";
        let plain =
            taxonomy::sense_as(&self.lemma, verbal).map_or(self.lemma.as_str(), |s| s.group);
        plain != self.group
    }

    /// Whether the words from `start` to `end` (byte offsets) are among those that report it
    /// (within its [`EventMention::extent`]).
    pub fn reports(&self, start: usize, end: usize) -> bool {
        start >= self.extent.0 && end <= self.extent.1
    }

    /// Said to have happened: not negated, modal, denied or hypothetical.
    pub fn asserted(&self) -> bool {
        !self.negated && self.modality.is_none() && !self.hypothetical
    }

    /// A headline for it, at most [`MAX_HEADLINE_WORDS`] words, in headline style: present tense
    /// for an active verb ("Rebels attack army base in Northfield"), the participle for a passive
    /// one or one without a named agent ("Bridge destroyed by flood"), the noun with its agent and
    /// patient for a nominal one ("Oil spill in Gulf"); articles dropped. `None` when it would
    /// be a bare word.
    pub fn headline(&self, text: &str) -> Option<String> {
        // A pronoun says nothing without its antecedent, a bare number ("the Senate voted 55 to
        // 22") nothing without its noun.
        let phrase = |a: &Option<Argument>| {
            a.as_ref()
                .filter(|a| !a.pronoun && a.text.chars().any(char::is_alphabetic))
                .map(|a| headline_phrase(&a.text))
        };
        // Nor do "the ones" or "others" name who acted ("the ones who impeach the president").
        let names_someone = |a: &String| {
            let last = a.rsplit(' ').next().unwrap_or(a).to_lowercase();
            !matches!(last.as_str(), "ones" | "others")
        };
        let (agent, patient, place) = (
            phrase(&self.agent).filter(names_someone),
            phrase(&self.patient),
            phrase(&self.place),
        );
        let word = &text[self.name.0..self.name.1];
        let place = place.map(|p| format!("in {p}"));
        let parts: Vec<String> = if self.pos == "VERB" {
            match (&agent, &patient) {
                // "Rebels seized it": without what "it" is, "Rebels seize" would dangle.
                _ if !self.passive && self.patient.as_ref().is_some_and(|p| p.pronoun) => {
                    return None;
                }
                (Some(a), _) if !self.passive => {
                    let plural = self.agent.as_ref().is_some_and(|x| x.plural);
                    let verb = present_tense(&self.lemma, plural);
                    let rest = text[self.trigger.1..self.name.1].to_string();
                    [
                        Some(a.clone()),
                        Some(format!("{verb}{rest}")),
                        patient.clone().or_else(|| self.complement.clone()),
                        place,
                    ]
                    .into_iter()
                    .flatten()
                    .collect()
                }
                // "killing 80 people" or "to restore order" with no one named: "80 people
                // killed", "Order restored", as headlines write it.
                (_, Some(p)) if !self.passive => {
                    let participle = nlp::model().map_or_else(
                        |_| word.to_string(),
                        |m| {
                            let particle = &text[self.trigger.1..self.name.1];
                            format!("{}{particle}", m.participle(&self.lemma.to_lowercase()))
                        },
                    );
                    [Some(p.clone()), Some(participle), place]
                        .into_iter()
                        .flatten()
                        .collect()
                }
                (_, Some(p)) => [
                    Some(p.clone()),
                    Some(word.to_string()),
                    agent.as_ref().map(|a| format!("by {a}")),
                    place,
                ]
                .into_iter()
                .flatten()
                .collect(),
                _ => return None,
            }
        } else {
            let on = self.patient.as_ref().and_then(|p| p.preposition.as_deref());
            let of = patient.map(|p| format!("{} {p}", on.unwrap_or("of")));
            // "Okafor's resignation", as a headline writes it, not "Resignation by Okafor"; an
            // agent in a "by" phrase stays one.
            let possessive = self.agent.as_ref().is_some_and(|a| a.possessor);
            let (owner, by) = match agent {
                Some(a) if possessive => (Some(possessive_form(&a)), None),
                a => (None, a.map(|a| format!("by {a}"))),
            };
            if of.is_none()
                && by.is_none()
                && owner.is_none()
                && place.is_none()
                && !word.contains(' ')
            {
                return None;
            }
            [owner, Some(headline_phrase(word)), of, by, place]
                .into_iter()
                .flatten()
                .collect()
        };
        let words: Vec<&str> = parts.iter().flat_map(|p| p.split_whitespace()).collect();
        Some(headline_line(&words))
    }
}

/// Words as a headline line: at most [`MAX_HEADLINE_WORDS`], capitalised, what an archive
/// wrote apart joined ([`join_split_words`]), and not opening on a preposition the parse left in
/// its first phrase ("Of the journalists jailed", "From the president's party") nor on the
/// article after it.
fn headline_line(words: &[&str]) -> String {
    let is = |w: Option<&&str>, list: &[&str]| {
        w.is_some_and(|w| list.contains(&w.to_lowercase().as_str()))
    };
    let mut words = words;
    if is(words.first(), OPENING_PREPOSITIONS) {
        words = &words[1..];
        if is(words.first(), &["the", "a", "an"]) {
            words = &words[1..];
        }
    }
    let mut line = join_split_words(&words[..words.len().min(MAX_HEADLINE_WORDS)]);
    if let Some(first) = line.chars().next() {
        line.replace_range(..first.len_utf8(), &first.to_uppercase().to_string());
    }
    line
}

/// Prepositions a headline's first phrase may begin with when the parse leaves them in.
const OPENING_PREPOSITIONS: &[&str] = &[
    "against", "of", "for", "with", "from", "by", "to", "on", "at", "in",
];

/// The longest headline, in words.
pub const MAX_HEADLINE_WORDS: usize = 10;

/// A phrase as a headline writes it: no leading article or relative word ("that Morgan
/// Okafor pulled out"), no quotation marks.
fn headline_phrase(phrase: &str) -> String {
    let words: Vec<&str> = phrase
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| matches!(c, '"' | '“' | '”' | '‘')))
        .filter(|w| !w.is_empty())
        .collect();
    let leading = |w: &&str| {
        matches!(
            w.to_lowercase().as_str(),
            "the" | "a" | "an" | "that" | "which" | "who" | "whom"
        )
    };
    let skip = usize::from(words.first().is_some_and(leading));
    words[skip..].join(" ")
}

/// The possessive of a phrase: "Okafor's", "the parents'".
fn possessive_form(phrase: &str) -> String {
    if phrase.ends_with('s') {
        format!("{phrase}'")
    } else {
        format!("{phrase}'s")
    }
}

/// Words joined by spaces, where what some news archives cut into words is joined again: a
/// hyphen written apart between two words ("multi - billion", "rebel - held", "Diaz - Lopez"),
/// a currency sign and its amount ("£ 2bn"), brackets and what they hold ("( £ 5.3 m )"); a
/// dash before a name ("said so - Maria Lopez") stays apart.
pub(crate) fn join_split_words(words: &[&str]) -> String {
    let first = |w: &str| w.chars().next().unwrap_or(' ');
    let hyphen_joins = |at: usize| {
        let (Some(before), Some(after)) = (at.checked_sub(1).map(|b| words[b]), words.get(at + 1))
        else {
            return false;
        };
        let upper = |w: &str| first(w).is_uppercase();
        words[at] == "-"
            && before.ends_with(char::is_alphanumeric)
            && (first(after).is_lowercase()
                || first(after).is_ascii_digit()
                || upper(before) && upper(after))
    };
    // "£", "US$", "(£": a word ending in a currency sign.
    let currency = |w: &str| w.ends_with(['£', '$', '€', '¥']);
    // Whether word `i` is written against the one before it.
    let joins = |i: usize| {
        let before = words[i - 1];
        hyphen_joins(i)
            || hyphen_joins(i - 1)
            || currency(before) && first(words[i]).is_ascii_digit()
            || before == "("
            || words[i] == ")"
    };
    let mut line = String::new();
    for (i, word) in words.iter().enumerate() {
        if i > 0 && !joins(i) {
            line.push(' ');
        }
        line.push_str(word);
    }
    line
}

/// The present tense of a verb for a singular or plural subject ("attacks", "attack").
fn present_tense(lemma: &str, plural: bool) -> String {
    match (lemma, plural) {
        ("be", false) => "is".to_string(),
        ("be", true) => "are".to_string(),
        ("have", false) => "has".to_string(),
        (l, true) => l.to_string(),
        (l, false) => {
            let consonant_y =
                l.ends_with('y') && !l[..l.len() - 1].ends_with(|c: char| "aeiou".contains(c));
            if consonant_y {
                format!("{}ies", &l[..l.len() - 1])
            } else if ["s", "sh", "ch", "x", "z", "o"]
                .iter()
                .any(|e| l.ends_with(e))
            {
                format!("{l}es")
            } else {
                format!("{l}s")
            }
        }
    }
}

/// Verbs, nouns and adjectives that put the event they govern in doubt: intentions, attempts,
/// demands, denials, beliefs, forecasts and chances ("tipped to win", "the favourite to
/// replace him", "a bid to take over", "likely to resign").
const INTENSIONAL: &[&str] = &[
    "plan",
    "plot",
    "conspire",
    "scheme",
    "want",
    "threaten",
    "intend",
    "seek",
    "try",
    "attempt",
    "hope",
    "expect",
    "propose",
    "aim",
    "promise",
    "vow",
    "pledge",
    "consider",
    "prepare",
    "urge",
    "pressure",
    "ask",
    "call",
    "demand",
    "need",
    "refuse",
    "deny",
    "reject",
    "dismiss",
    "dispute",
    "refute",
    "fail",
    "decline",
    "fear",
    "warn",
    "offer",
    "agree",
    "decide",
    "vote",
    "tip",
    "predict",
    "forecast",
    "favourite",
    "favorite",
    "frontrunner",
    "candidate",
    "likely",
    "unlikely",
    "poise",
    "bid",
    "effort",
    "chance",
];

/// Verbs that put in doubt the "to" infinitive they govern, an effort or an obligation, though
/// not a noun ("vying to succeed him", "fought to keep his seat", "not have to vote"; "a
/// campaign of bombings" is bombings).
const EFFORTS: &[&str] = &[
    "vie", "compete", "strive", "struggle", "fight", "battle", "lobby", "campaign", "push",
    "press", "wish", "have",
];

/// Adjectives and participles, as written, that make an event noun possible rather than real
/// ("the planned merger", "the expected rise").
const POSSIBLE: &[&str] = &[
    "possible",
    "potential",
    "planned",
    "proposed",
    "future",
    "likely",
    "prospective",
    "hypothetical",
    "threatened",
    "expected",
    "anticipated",
    "feared",
    "perceived",
    "rumoured",
    "rumored",
    "mooted",
    "intended",
];

/// Verbs that only carry an event named by their object ("carried out a strike").
const SUPPORT_VERBS: &[&str] = &[
    "carry",
    "conduct",
    "execute",
    "launch",
    "stage",
    "hold",
    "mount",
    "perform",
    "make",
    "take",
    "undertake",
    "begin",
    "start",
    "continue",
    "complete",
    "order",
    "authorize",
    "authorise",
];

/// Modal auxiliaries ("will" and "shall" mark the future instead).
pub const MODALS: &[&str] = &[
    "can", "could", "may", "might", "must", "should", "would", "ought",
];

/// Prepositions that introduce a place.
const PLACE_PREPOSITIONS: &[&str] = &[
    "in", "at", "near", "off", "outside", "inside", "across", "into", "on", "from", "along",
];

/// Adverbial particles of phrasal verbs ("step down", "swear in", "walk out").
const PARTICLES: &[&str] = &[
    "about", "along", "away", "back", "down", "in", "off", "on", "out", "over", "through", "up",
];

/// Relations of the words kept in an argument phrase around its head.
const PHRASE_RELATIONS: &[&str] = &[
    "det",
    "amod",
    "compound",
    "flat",
    "nmod:poss",
    "nummod",
    "fixed",
    "case",
];

/// The most words of other clauses between a predicate and one of its arguments or its time for
/// the passage to take that in: words between that tell other things ("Fred Miller, a former
/// aide who served a prison term for fraud, has died" reports a death, not the term served)
/// keep the argument out, while the predicate's own modifiers and the argument's description
/// ("John Jenkin, 23, was remanded in his absence by magistrates") do not.
const MAX_PASSAGE_GAP_WORDS: usize = 3;

/// Longest argument phrase, in words.
const MAX_ARGUMENT_WORDS: usize = 8;

/// A sentence's parse with each word's dependents listed once.
struct Tree<'a> {
    text: &'a str,
    s: &'a ParsedSentence,
    children: Vec<Vec<usize>>,
    /// Per word: the index (in the analysis) of the temporal expression it is part of.
    timex: Vec<Option<usize>>,
}

impl<'a> Tree<'a> {
    fn new(text: &'a str, s: &'a ParsedSentence, analysis: &Analysis, sentence: usize) -> Self {
        let mut children = vec![Vec::new(); s.tokens.len()];
        for (i, t) in s.tokens.iter().enumerate() {
            if let Some(h) = t.head.checked_sub(1).filter(|&h| h < children.len()) {
                children[h].push(i);
            }
        }
        // The analysis' expressions are in text order: the sentence's own are one run of them.
        let timexes = &analysis.timexes;
        let first = timexes.partition_point(|x| x.sentence < sentence);
        let own: Vec<usize> = (first..timexes.len())
            .take_while(|&x| timexes[x].sentence == sentence)
            .collect();
        let timex = s
            .tokens
            .iter()
            .map(|t| {
                own.iter().copied().find(|&x| {
                    let x = &analysis.timexes[x];
                    x.start < t.end && t.start < x.end
                })
            })
            .collect();
        Self {
            text,
            s,
            children,
            timex,
        }
    }

    fn head(&self, i: usize) -> Option<usize> {
        self.s.head_of(i)
    }

    fn rel(&self, i: usize) -> &'static str {
        self.s.tokens[i].deprel
    }

    /// Whether word `k` belongs to the clause of predicate `w`: its heads lead up to `w`
    /// without passing a word that begins a clause of its own (a relative, adverbial or
    /// complement clause, a parenthetical).
    fn in_clause_of(&self, k: usize, w: usize) -> bool {
        let mut at = k;
        for _ in 0..self.s.tokens.len() {
            if at == w {
                return true;
            }
            if CLAUSE_RELATIONS.iter().any(|r| self.rel(at).starts_with(r)) {
                return false;
            }
            match self.head(at) {
                Some(h) => at = h,
                None => return false,
            }
        }
        false
    }

    fn lemma(&self, i: usize) -> String {
        self.s.tokens[i].lemma.to_lowercase()
    }

    /// The particle of verb `w`, if it is a phrasal verb: its `compound:prt`, else a particle
    /// word right after it that the parse reads as an adverb of the verb ("walked out") or as
    /// the first of two prepositions ("walked out of the talks", "sworn in on Friday").
    fn particle(&self, w: usize) -> Option<usize> {
        self.children_with(w, "compound:prt").next().or_else(|| {
            let next = w + 1;
            let token = self.s.tokens.get(next)?;
            let second_preposition =
                || self.s.tokens.get(next + 1).is_some_and(|t| t.upos == "ADP");
            let attached = match self.rel(next) {
                "advmod" => self.head(next) == Some(w),
                "case" => second_preposition(),
                _ => false,
            };
            (attached
                && matches!(token.upos, "ADP" | "ADV")
                && PARTICLES.contains(&self.lemma(next).as_str()))
            .then_some(next)
        })
    }

    /// The first dependent of `i` whose relation is `relation` or a subtype of it.
    fn child(&self, i: usize, relation: &str) -> Option<usize> {
        self.children[i].iter().copied().find(|&c| {
            let r = self.rel(c);
            r == relation || r.split(':').next() == Some(relation)
        })
    }

    /// Whether verb `i` only says that its subject happened: "happened", "occurred", "took
    /// place", "unfolded", "came" ("the resignation came on Friday").
    fn happens(&self, i: usize) -> bool {
        match self.lemma(i).as_str() {
            "happen" | "occur" | "unfold" | "come" => true,
            "take" => self
                .child(i, "obj")
                .is_some_and(|o| self.lemma(o) == "place"),
            _ => false,
        }
    }

    /// The verb that only says that `i`, its subject, happened ("the bombing took place").
    fn happened_through(&self, i: usize) -> Option<usize> {
        self.head(i)
            .filter(|&h| self.rel(i).starts_with("nsubj") && self.happens(h))
    }

    /// The first nominal dependent of noun `i` after one of these prepositions.
    fn nominal_with(&self, i: usize, prepositions: &[&str]) -> Option<usize> {
        self.children_with(i, "nmod").find(|&c| {
            self.preposition(c)
                .is_some_and(|p| prepositions.contains(&p.as_str()))
        })
    }

    /// Dependents of `i` with exactly this relation.
    fn children_with<'s>(
        &'s self,
        i: usize,
        relation: &'s str,
    ) -> impl Iterator<Item = usize> + 's {
        self.children[i]
            .iter()
            .copied()
            .filter(move |&c| self.rel(c) == relation)
    }

    /// The preposition of a nominal dependent ("in" of "in the north").
    fn preposition(&self, i: usize) -> Option<String> {
        self.children_with(i, "case").next().map(|c| self.lemma(c))
    }

    /// The phrase headed by `head`: its determiners, modifiers, compounds and possessors (not
    /// its clauses, nor a time: "Maria Lopez last June" is Maria Lopez), without a leading
    /// preposition; cut to the head's close words when long.
    fn argument(&self, head: usize) -> Argument {
        let mut words = vec![head];
        let mut stack = vec![head];
        while let Some(w) = stack.pop() {
            for &c in &self.children[w] {
                // A number keeps what bounds it: "more than 30 boats", "at least 14".
                let bound = self.rel(w) == "nummod" && matches!(self.rel(c), "advmod" | "fixed");
                if (PHRASE_RELATIONS.contains(&self.rel(c)) || bound)
                    && !(w == head && self.rel(c) == "case")
                    && self.timex[c].is_none()
                {
                    words.push(c);
                    stack.push(c);
                }
            }
        }
        let t = &self.s.tokens;
        // What follows the head after a comma ("Novak, 69, …") is an aside, not its name.
        let comma_after_head =
            (head + 1..t.len()).find(|&k| &self.text[t[k].start..t[k].end] == ",");
        if let Some(comma) = comma_after_head {
            words.retain(|&w| w < comma);
        }
        if words.len() > MAX_ARGUMENT_WORDS {
            words.retain(|&w| w == head || self.head(w) == Some(head) && self.rel(w) != "case");
        }
        let start = words
            .iter()
            .map(|&w| t[w].start)
            .min()
            .unwrap_or(t[head].start);
        let end = words.iter().map(|&w| t[w].end).max().unwrap_or(t[head].end);
        Argument {
            start,
            end,
            text: self.text[start..end].to_string(),
            head: t[head].lemma.clone(),
            pronoun: t[head].upos == "PRON",
            plural: t[head].feats.contains("Number=Plur"),
            proper: t[head].upos == "PROPN",
            possessor: self.rel(head) == "nmod:poss",
            preposition: self.preposition(head),
        }
    }

    /// Whether word `i` is negated: "not", "never" or "n't" modifies it, or "no" determines it.
    fn negated(&self, i: usize) -> bool {
        self.children[i]
            .iter()
            .any(|&c| self.is_negation(c) || (self.rel(c) == "det" && self.lemma(c) == "no"))
    }

    /// Whether word `c` is an adverb of negation: "not", "never", "n't".
    fn is_negation(&self, c: usize) -> bool {
        self.rel(c) == "advmod" && matches!(self.lemma(c).as_str(), "not" | "never" | "n't")
    }

    /// The "to" that marks `i` as an infinitive ("to resign").
    fn to_mark(&self, i: usize) -> Option<usize> {
        self.children_with(i, "mark")
            .find(|&m| self.lemma(m) == "to")
    }

    /// Follows a relative pronoun ("who", "which") to the noun its clause modifies.
    fn antecedent(&self, word: usize, predicate: usize) -> usize {
        let relative = matches!(self.lemma(word).as_str(), "who" | "whom" | "which" | "that");
        match (relative, self.rel(predicate)) {
            (true, "acl:relcl") => self.head(predicate).unwrap_or(word),
            _ => word,
        }
    }

    /// The subject of `i`, or of the verb it is an open complement or conjunct of, and whether
    /// it is what `i` is done to: a passive subject, or, where `i` has auxiliaries of its own
    /// (`own_voice`: whether they make it passive), as they say ("the producer was convicted"
    /// read as a conjunct of another clause); a conjunct without them shares the voice of the
    /// verb it joins ("was extradited or surrendered").
    fn subject(&self, i: usize, own_voice: Option<bool>) -> Option<(usize, bool)> {
        let mut at = i;
        for _ in 0..4 {
            if let Some(s) = self.child(at, "nsubj") {
                let done_to = match own_voice {
                    Some(passive) if at != i => passive,
                    _ => self.rel(s) == "nsubj:pass",
                };
                return Some((self.antecedent(s, at), done_to));
            }
            match (self.rel(at), self.head(at)) {
                ("xcomp" | "conj", Some(h)) => at = h,
                _ => return None,
            }
        }
        None
    }
}

/// Finds the event mentions of one analysed article. Each sentence outside boilerplate is
/// parsed, read and let go: a corpus's parse is never held whole.
pub fn mentions(article: &Article, analysis: &Analysis) -> Vec<EventMention> {
    mentions_where(article, analysis, |_| true).mentions
}

/// An article's event mentions with the parses of the sentences they were read from.
#[derive(Debug, Default)]
pub struct ReadSentences {
    /// The mentions, in text order.
    pub mentions: Vec<EventMention>,
    /// (sentence index, its parse) of each sentence read, in text order.
    parses: Vec<(usize, ParsedSentence)>,
}

impl ReadSentences {
    /// The parse of sentence `index`, if it was read.
    pub fn parse_of(&self, index: usize) -> Option<&ParsedSentence> {
        let at = self.parses.binary_search_by_key(&index, |p| p.0).ok()?;
        Some(&self.parses[at].1)
    }
}

/// Sentences longer than this (in bytes) are not read for the timeline: a run-on "sentence"
/// of a table or a list names no event a reader can quote.
pub const MAX_EVENT_SENTENCE_BYTES: usize = 2_000;

/// The event mentions of the sentences that may name an event the taxonomy files under a
/// family other than statements ([`may_name_event`]), up to [`MAX_EVENT_SENTENCE_BYTES`] long;
/// the other sentences are not parsed.
pub fn known_event_mentions(article: &Article, analysis: &Analysis) -> ReadSentences {
    mentions_where(article, analysis, |s| {
        s.len() <= MAX_EVENT_SENTENCE_BYTES && may_name_event(s)
    })
}

/// Whether a sentence has a word that may be an inflection of a lemma the taxonomy files under
/// a family other than statements: a cheap test before the parse, which over-accepts.
pub fn may_name_event(sentence: &str) -> bool {
    let forms = event_forms();
    sentence
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.len() > 2)
        .any(|w| {
            let lower = w.to_lowercase();
            forms.contains(lower.as_str()) || base_forms(&lower).any(|b| forms.contains(b.as_str()))
        })
}

/// Regular inflections undone ("strikes", "raided", "bombing", "stopped", "carries").
fn base_forms(word: &str) -> impl Iterator<Item = String> + '_ {
    const ENDINGS: [(&str, &str); 9] = [
        ("s", ""),
        ("es", ""),
        ("ies", "y"),
        ("ied", "y"),
        ("ed", ""),
        ("ed", "e"),
        ("ing", ""),
        ("ing", "e"),
        ("ings", ""),
    ];
    ENDINGS.iter().flat_map(move |&(ending, add)| {
        let stem = word.strip_suffix(ending).filter(|s| s.len() > 2);
        let doubled = stem
            .filter(|s| s.as_bytes()[s.len() - 1] == s.as_bytes()[s.len() - 2])
            .map(|s| s[..s.len() - 1].to_string());
        stem.map(|s| format!("{s}{add}")).into_iter().chain(doubled)
    })
}

/// The taxonomy's lemmas that may name a happening ([`taxonomy::names_event`]) and every form
/// the language model's lemma table maps to one of them ("struck", "fled", "sank").
fn event_forms() -> &'static std::collections::HashSet<String> {
    static FORMS: std::sync::OnceLock<std::collections::HashSet<String>> =
        std::sync::OnceLock::new();
    FORMS.get_or_init(|| {
        let is_event = |lemma: &str| taxonomy::names_event(&lemma.to_lowercase());
        let mut forms: std::collections::HashSet<String> = taxonomy::lemmas()
            .filter(|l| is_event(l))
            .map(str::to_string)
            .collect();
        if let Ok(model) = nlp::model() {
            forms.extend(
                model
                    .lemma_pairs()
                    .filter(|(_, lemma)| is_event(lemma))
                    .map(|(form, _)| form.to_string()),
            );
        }
        forms
    })
}

/// The event mentions of the sentences outside boilerplate whose text `keep` accepts.
fn mentions_where(
    article: &Article,
    analysis: &Analysis,
    keep: impl Fn(&str) -> bool,
) -> ReadSentences {
    let (Ok(model), Ok(recognizer)) = (nlp::model(), events::recognizer()) else {
        return ReadSentences::default();
    };
    let text = &article.text;
    let mut out = Vec::new();
    let mut parses = Vec::new();
    let mut antecedent: Option<(usize, Argument)> = None;
    // Read only when a "he" or "she" follows a named agent.
    let titled = std::cell::OnceCell::new();
    for (si, sentence) in analysis.sentences.iter().enumerate() {
        if analysis.paragraphs[sentence.paragraph].boilerplate
            || !keep(&text[sentence.start..sentence.end])
        {
            continue;
        }
        let Some(parse) = model.parse(text, std::slice::from_ref(sentence)).pop() else {
            continue;
        };
        let tree = Tree::new(text, &parse, analysis, si);
        let found = recognizer.recognize(text, &parse);
        let first = out.len();
        for &(w, class) in &found {
            out.push(mention(&tree, si, w, class, &found));
        }
        let titled = || titled.get_or_init(|| titled_genders(text));
        resolve_personal_pronouns(&mut out[first..], antecedent.as_ref(), si, titled);
        // The first named agent of this sentence is what "he", "she" or "they" of the next
        // one most likely means.
        antecedent = out[first..]
            .iter()
            .filter_map(|m| m.agent.as_ref())
            .find(|a| !a.pronoun)
            .map(|a| (si, a.clone()));
        parses.push((si, parse));
    }
    ReadSentences {
        mentions: out,
        parses,
    }
}

/// Whether a person is a man or a woman, as the text tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gender {
    Male,
    Female,
}

/// Titles before the name of a man, and of a woman.
const GENDERED_TITLES: ([&str; 2], [&str; 5]) =
    (["Mr", "Mr."], ["Mrs", "Mrs.", "Ms", "Ms.", "Miss"]);

/// Nouns that name a man, and a woman ("the king", "the spokeswoman").
const PERSON_NOUNS: ([&str; 11], [&str; 11]) = (
    [
        "boy",
        "brother",
        "businessman",
        "chairman",
        "father",
        "husband",
        "king",
        "man",
        "prince",
        "son",
        "spokesman",
    ],
    [
        "actress",
        "businesswoman",
        "chairwoman",
        "daughter",
        "girl",
        "mother",
        "princess",
        "queen",
        "sister",
        "spokeswoman",
        "woman",
    ],
);

/// The gender `word` says, by the lists of words for men and for women it is looked up in.
fn gender_in(word: &str, (men, women): (&[&str], &[&str])) -> Option<Gender> {
    if men.contains(&word) {
        Some(Gender::Male)
    } else if women.contains(&word) {
        Some(Gender::Female)
    } else {
        None
    }
}

/// The gender an article gives the people it names with a title, by the word after the title
/// ("Mr Haddad": a man; "Mrs Varga", "Ms Lopez": women); a name given both is left out.
fn titled_genders(text: &str) -> HashMap<String, Gender> {
    let mut out: HashMap<String, Option<Gender>> = HashMap::new();
    let words = text.split_whitespace();
    for (title, next) in words.clone().zip(words.skip(1)) {
        let Some(gender) = gender_in(title, (&GENDERED_TITLES.0, &GENDERED_TITLES.1)) else {
            continue;
        };
        let name = next.trim_end_matches(|c: char| !c.is_alphanumeric());
        if name.chars().next().is_some_and(char::is_uppercase) {
            let seen = out.entry(name.to_string()).or_insert(Some(gender));
            if *seen != Some(gender) {
                *seen = None;
            }
        }
    }
    out.into_iter()
        .filter_map(|(name, gender)| Some((name, gender?)))
        .collect()
}

/// The gender of a named agent, where the text tells it: its head noun ("the queen"), or the
/// title the article gives its last name (`titled`).
fn gender_of(agent: &Argument, titled: &HashMap<String, Gender>) -> Option<Gender> {
    if let Some(gender) = gender_in(&agent.head, (&PERSON_NOUNS.0, &PERSON_NOUNS.1)) {
        return Some(gender);
    }
    let name = agent.name()?;
    let last = name.split_whitespace().last()?;
    titled.get(last).copied()
}

/// Whether a rise or a fall is a figure's move, the economy's sense: it says by how much
/// ("fell 3%", "plunged 500 points"), or what moved is a figure ("shares", "oil prices",
/// "unemployment"), a name the article does not give a person's title or noun ("Apple", "the
/// Dow"), "it" or "they", or is not told; not a person, a body or a thing ("the soldier fell",
/// "her body slumped", "Mr Okafor's rise" where the article says "Mr Okafor"). `text` is the
/// article's.
pub fn moves_a_figure(em: &EventMention, text: &str) -> bool {
    if em.patient.is_some() || em.passive {
        return true;
    }
    let Some(doer) = &em.agent else {
        return true;
    };
    if doer.pronoun {
        return matches!(doer.head.to_lowercase().as_str(), "it" | "they" | "them");
    }
    // A capitalised head may be a name the tagger took for a noun ("Apple rose").
    let head = doer.head.to_lowercase();
    let capitalised = doer.text.split_whitespace().any(|w| {
        w.chars().next().is_some_and(char::is_uppercase) && w.to_lowercase().starts_with(&head)
    });
    if doer.proper || capitalised {
        return gender_of(doer, &titled_genders(text)).is_none();
    }
    taxonomy::is_figure_noun(&head)
}

/// Gives an agent that is "he", "she" or "they" the words of the previous sentence's named
/// agent of the same number and of no other gender (`antecedent`, with its sentence; `titled`,
/// the genders the article's titles give, [`titled_genders`], read when first needed), where that sentence is the one
/// just before: "The minister lost the vote. He resigned on Friday." → the minister resigned;
/// "Elena Varga met Omar Haddad. He withdrew the troops." with "Mrs Varga" elsewhere is
/// no withdrawal by Elena Varga. The agent keeps its place in its own sentence.
fn resolve_personal_pronouns<'a>(
    mentions: &mut [EventMention],
    antecedent: Option<&(usize, Argument)>,
    sentence: usize,
    titled: impl Fn() -> &'a HashMap<String, Gender>,
) {
    let Some((_, named)) = antecedent.filter(|(at, _)| at + 1 == sentence) else {
        return;
    };
    for m in mentions {
        let Some(agent) = m.agent.as_mut().filter(|a| a.pronoun) else {
            continue;
        };
        let (plural, gender) = match agent.head.as_str() {
            "he" => (false, Some(Gender::Male)),
            "she" => (false, Some(Gender::Female)),
            "they" => (true, None),
            _ => continue,
        };
        let clash = gender.is_some_and(|g| gender_of(named, titled()).is_some_and(|n| n != g));
        if named.plural == plural && !clash {
            agent.text.clone_from(&named.text);
            agent.head.clone_from(&named.head);
            agent.pronoun = false;
            agent.proper = named.proper;
        }
    }
}

/// Reads one event word's attributes and arguments off the parse.
fn mention(
    tree: &Tree,
    sentence: usize,
    w: usize,
    class: EventClass,
    found: &[(usize, EventClass)],
) -> EventMention {
    let t = &tree.s.tokens[w];
    let lemma = t.lemma.to_lowercase();
    let verbal = t.upos == "VERB" || t.upos == "AUX";
    let auxes: Vec<usize> = tree.children[w]
        .iter()
        .copied()
        .filter(|&c| tree.rel(c).starts_with("aux"))
        .collect();
    let aux_lemmas: Vec<String> = auxes.iter().map(|&a| tree.lemma(a)).collect();
    let passive = auxes.iter().any(|&a| tree.rel(a) == "aux:pass")
        || tree
            .child(w, "nsubj")
            .is_some_and(|s| tree.rel(s) == "nsubj:pass");
    let negated = tree.negated(w);
    // Modality: a modal auxiliary, an adjective of possibility, or a governing intention,
    // belief or denial (the recogniser's I_STATE counts as one).
    // A "to" infinitive is governed whatever clause the parse calls it ("pressured the governor
    // to step down" read as a purpose clause, "the favourite to win" as a clausal subject).
    let governed_by = |w: usize| {
        let to_infinitive = matches!(tree.rel(w), "advcl" | "csubj") && tree.to_mark(w).is_some();
        let governor = tree.head(w).filter(|_| {
            matches!(tree.rel(w), "xcomp" | "ccomp" | "acl" | "nmod" | "obj") || to_infinitive
        });
        governor.and_then(|g| {
            let l = tree.lemma(g);
            let belief = found
                .iter()
                .any(|&(f, c)| f == g && c == EventClass::IState)
                && tree.rel(w) != "obj";
            let effort = EFFORTS.contains(&l.as_str()) && tree.to_mark(w).is_some();
            (INTENSIONAL.contains(&l.as_str()) || belief || effort).then_some(l)
        })
    };
    // Through the verbs whose complement it is: "asked them to help kill him" is as asked as
    // "asked them to kill him", and "would begin to withdraw" as conditional as "would
    // withdraw".
    let chain: Vec<usize> = std::iter::successors(Some(w), |&v| {
        tree.head(v).filter(|_| tree.rel(v) == "xcomp")
    })
    .take(3)
    .collect();
    let governor_modal = || {
        chain[1..].iter().find_map(|&v| {
            tree.children_with(v, "aux")
                .map(|a| tree.lemma(a))
                .find(|l| MODALS.contains(&l.as_str()))
        })
    };
    let governing = chain
        .iter()
        .copied()
        .find_map(governed_by)
        .or_else(governor_modal);
    // A verb joined to another with no auxiliary or subject of its own shares the other's
    // modal ("could consider the evidence and still find him guilty").
    let shared_modal = || {
        let head = tree.head(w).filter(|_| {
            verbal && tree.rel(w) == "conj" && auxes.is_empty() && tree.child(w, "nsubj").is_none()
        })?;
        tree.children_with(head, "aux")
            .map(|a| tree.lemma(a))
            .find(|l| MODALS.contains(&l.as_str()))
    };
    // "for them to find him guilty" (a condition or purpose), "nudging the jury towards
    // finding him guilty" (a goal): what is marked so has not happened.
    let marked_unreal = || {
        if !verbal {
            return None;
        }
        let marks: Vec<String> = tree
            .children_with(w, "mark")
            .map(|c| tree.lemma(c))
            .collect();
        let has = |m: &str| marks.iter().any(|x| x == m);
        // The parse may hang the infinitive on the noun "for" governs ("for the jurors to
        // convict" read as jurors that convict).
        let for_subject = || {
            tree.rel(w) == "acl"
                && tree
                    .head(w)
                    .is_some_and(|h| tree.preposition(h).as_deref() == Some("for"))
        };
        if has("to") && (has("for") || for_subject()) {
            Some("for".to_string())
        } else {
            marks
                .into_iter()
                .find(|m| matches!(m.as_str(), "towards" | "toward"))
        }
    };
    let modality = aux_lemmas
        .iter()
        .find(|l| MODALS.contains(&l.as_str()))
        .cloned()
        .or_else(shared_modal)
        .or_else(marked_unreal)
        // "any tax rise", "opposed to any increase": no particular one.
        .or_else(|| {
            (!verbal && tree.children_with(w, "det").any(|c| tree.lemma(c) == "any"))
                .then(|| "any".to_string())
        })
        .or_else(|| {
            tree.children_with(w, "amod")
                .map(|c| {
                    let t = &tree.s.tokens[c];
                    tree.text[t.start..t.end].to_lowercase()
                })
                .find(|word| POSSIBLE.contains(&word.as_str()))
        })
        .or(governing);
    let hypothetical = conditional(tree, w);
    // "The minister resigned on Tuesday." read as a noun with a participle after it: a sentence
    // with no finite verb whose root noun is followed by a bare participle is that noun's act.
    let reduced_main_verb = verbal
        && auxes.is_empty()
        && t.xpos == "VBN"
        && tree.rel(w) == "acl"
        && tree
            .head(w)
            .is_some_and(|h| tree.head(h).is_none() && h + 1 == w)
        && !tree
            .s
            .tokens
            .iter()
            .any(|x| x.feats.contains("VerbForm=Fin"));
    // "three men arrested on Monday": a past participle modifying a noun, with no subject or
    // auxiliary of its own, is done to that noun.
    let participle_of_noun = verbal
        && !reduced_main_verb
        && t.xpos == "VBN"
        && tree.rel(w) == "acl"
        && auxes.is_empty()
        && tree.child(w, "nsubj").is_none();
    let passive = passive || participle_of_noun;
    let (tense, aspect) = if reduced_main_verb {
        (Tense::Past, Aspect::None)
    } else if verbal {
        tense_aspect(tree, w, &auxes)
    } else {
        (Tense::None, Aspect::None)
    };
    // Arguments.
    let subject = if reduced_main_verb {
        tree.head(w).map(|h| (h, false))
    } else if participle_of_noun {
        tree.head(w).map(|h| (tree.antecedent(h, w), true))
    } else {
        tree.subject(w, (!auxes.is_empty()).then_some(passive))
    };
    let by_phrase = tree.children[w].iter().copied().find(|&c| {
        matches!(tree.rel(c), "obl:agent" | "obl" | "nmod" | "nmod:agent")
            && tree.preposition(c).as_deref() == Some("by")
    });
    let (agent, patient) = if verbal {
        match subject {
            Some((s, true)) => (by_phrase, Some(s)),
            Some((s, false)) => (Some(s), tree.child(w, "obj")),
            None => (by_phrase.filter(|_| passive), tree.child(w, "obj")),
        }
    } else {
        let possessor = tree.children_with(w, "nmod:poss").next();
        (possessor.or(by_phrase), tree.nominal_with(w, &["of"]))
    };
    // A time is when, not who or what ("the trial by last year", "fell last week").
    let (agent, patient) = (
        agent.filter(|&a| tree.timex[a].is_none()),
        patient.filter(|&p| tree.timex[p].is_none()),
    );
    // Where: a named place the event word governs ("attacked … in X"), else one its patient
    // governs ("attacked the base in X"), else one the verb that says it happened governs
    // ("the explosion happened in X").
    let place_of = |i: usize| {
        tree.children[i].iter().copied().find(|&c| {
            matches!(tree.rel(c), "obl" | "nmod" | "obl:npmod")
                && tree.timex[c].is_none()
                && tree.s.tokens[c].upos == "PROPN"
                && tree
                    .preposition(c)
                    .is_some_and(|p| PLACE_PREPOSITIONS.contains(&p.as_str()))
        })
    };
    let place = place_of(w)
        .or_else(|| patient.and_then(place_of))
        .or_else(|| tree.happened_through(w).and_then(place_of));
    let time = attached_time(tree, w, found);
    let is_found = |i: usize| found.iter().any(|&(f, _)| f == i);
    // "carried out a strike", "the bombing took place on Thursday": the other word names it.
    let support = verbal
        && (SUPPORT_VERBS.contains(&lemma.as_str()) && patient.is_some_and(is_found)
            || tree.happens(w) && tree.child(w, "nsubj").is_some_and(is_found));
    let cause =
        (verbal && t.xpos == "VBG" && tree.rel(w) == "advcl" && tree.child(w, "nsubj").is_none())
            .then(|| tree.head(w))
            .flatten()
            .and_then(|h| {
                // A main verb the parse read as modifying its subject ("earthquake struck …"
                // as a reduced relative) has that subject as its head.
                if tree.rel(h) == "acl" && tree.child(h, "nsubj").is_none() {
                    tree.head(h)
                } else {
                    tree.child(h, "nsubj").filter(|&s| tree.rel(s) == "nsubj")
                }
            })
            .map(|s| tree.lemma(s));
    let (agent, patient, place) = (
        agent.map(|a| tree.argument(a)),
        patient.map(|p| tree.argument(p)),
        place.map(|p| tree.argument(p)),
    );
    // A name as the object is looked up as "name": "fired Mr Okafor" is "fire>name". Without
    // an object, what the act leaves or reaches is looked up as one: "withdrew from the race"
    // and "pulled out of the talks" are a candidacy's and a negotiation's end, not a retreat,
    // "rose to power" is no figure's rise, "a battle against impeachment" is politics and "a
    // war on inflation" economy.
    let left = patient
        .is_none()
        .then(|| {
            tree.children[w].iter().copied().find(|&c| {
                matches!(tree.rel(c), "obl" | "nmod")
                    && matches!(tree.s.tokens[c].upos, "NOUN" | "PROPN")
                    && tree.timex[c].is_none()
                    && tree.children_with(c, "case").any(|p| {
                        matches!(
                            tree.lemma(p).as_str(),
                            "from" | "of" | "to" | "against" | "on"
                        )
                    })
            })
        })
        .flatten()
        .map(|c| tree.lemma(c));
    let object = patient
        .as_ref()
        .map(|p| if p.proper { "name" } else { p.head.as_str() })
        .or(left.as_deref());
    let particle = verbal.then(|| tree.particle(w)).flatten();
    // Its adjectives and adverbs ("a sexual assault", "sexually assaulted"), a noun's nouns
    // before it ("an impeachment battle"), and what a verb says its object is, unless negated
    // ("found guilty", not "found not guilty"): the parse may read that word as the object
    // itself ("was found guilty").
    let modifier_lemmas: Vec<String> = tree.children[w]
        .iter()
        .filter(|&&c| {
            matches!(tree.rel(c), "amod" | "advmod")
                || !verbal && tree.rel(c) == "compound"
                || verbal && matches!(tree.rel(c), "xcomp" | "obj") && !tree.negated(c)
        })
        .map(|&c| tree.lemma(c))
        .collect();
    // An adverb is looked up as its adjective ("sexually" as "sexual").
    let modifiers: Vec<&str> = modifier_lemmas
        .iter()
        .map(|m| m.strip_suffix("ly").unwrap_or(m))
        .collect();
    // A verb with no particle that governs a "to" infinitive is looked up with "to" as its
    // particle: "declined to comment" is a refusal, not a fall.
    let infinitive = || {
        tree.children_with(w, "xcomp")
            .find_map(|c| tree.to_mark(c))
            .map(|_| "to".to_string())
    };
    let particle_lemma = if verbal {
        particle.map(|c| tree.lemma(c)).or_else(infinitive)
    } else {
        None
    };
    let sense = taxonomy::sense_with(
        &lemma,
        verbal,
        particle_lemma.as_deref(),
        object,
        &modifiers,
    );
    let sense = sense.map(|s| taxonomy::with_cause(s, agent.as_ref().map(|a| a.head.as_str())));
    // An attack with no "of" phrase was done to what it was aimed at ("a strike on the port",
    // "the war against the rebels"); a trial or talks "on" something are about it.
    let aimed_at = !verbal && sense.is_some_and(|s| s.family == Family::Conflict);
    let patient = patient.or_else(|| {
        aimed_at
            .then(|| tree.nominal_with(w, &["on", "against"]))
            .flatten()
            .filter(|&c| tree.timex[c].is_none())
            .map(|c| tree.argument(c))
    });
    // Where the noun's modifiers before it begin, following the relations given.
    let modifiers_start = |relations: &[&str]| {
        let mut start = t.start;
        let mut stack = vec![w];
        while let Some(at) = stack.pop() {
            for &c in &tree.children[at] {
                if relations.contains(&tree.rel(c)) && c < w && tree.timex[c].is_none() {
                    start = start.min(tree.s.tokens[c].start);
                    stack.push(c);
                }
            }
        }
        start
    };
    let name = if verbal {
        let particle_end = particle.map_or(t.end, |c| tree.s.tokens[c].end);
        (t.start, particle_end.max(t.end))
    } else {
        // The noun with the compounds and adjectives before it ("oil spill", "deadly blast").
        (modifiers_start(&["amod", "compound", "flat"]), t.end)
    };
    // The passage takes in a verb's particle and a noun's compounds ("was forced to step
    // down", "the oil spill"), not its adjectives ("a sharp rise" names nothing to group by).
    let own = if verbal {
        (t.start, name.1)
    } else {
        (modifiers_start(&["compound", "flat"]), t.end)
    };
    // The words that report it: the predicate, its arguments and the time the parse gives it.
    let time_words = tree
        .s
        .tokens
        .iter()
        .zip(&tree.timex)
        .filter(|&(_, x)| time.is_some() && *x == time)
        .map(|(token, _)| (token.start, token.end));
    let reported: Vec<(usize, usize)> = [&agent, &patient, &place]
        .into_iter()
        .flatten()
        .map(|a| (a.start, a.end))
        .chain(time_words)
        .collect();
    let cover = |(s, e): (usize, usize), &(a, b): &(usize, usize)| (s.min(a), e.max(b));
    let extent = reported.iter().fold(own, cover);
    let span = passage(tree, w, own, &reported);
    // A headline whose patient names nothing ("voted 55 to 22") reads it too.
    let complement = verbal.then(|| complement(tree, w)).flatten();
    EventMention {
        sentence,
        trigger: (t.start, t.end),
        span,
        extent,
        name,
        class,
        lemma: lemma.clone(),
        pos: t.upos,
        family: sense.map_or(Family::Other, |s| s.family),
        group: sense.map_or(lemma, |s| s.group.to_string()),
        negated,
        modality,
        hypothetical,
        tense,
        aspect,
        passive,
        support,
        agent,
        cause,
        patient,
        place,
        complement,
        time,
    }
}

/// What a verb with no object sets out to do or says is so: its "to" infinitive
/// ([`infinitive`]), else the subject and predicate of the clause it governs ("ruled that the
/// tax was illegal": "the tax was illegal"), at most [`MAX_CLAUSE_COMPLEMENT_WORDS`] words, so
/// that a headline does not end on "rules" or "decides".
fn complement(tree: &Tree, w: usize) -> Option<String> {
    infinitive(tree, w).or_else(|| {
        let c = tree.child(w, "ccomp")?;
        let subject = tree.argument(tree.child(c, "nsubj")?);
        let t = &tree.s.tokens;
        let object = tree.child(c, "obj");
        // A whole clause only: what a thing is ("the tax was illegal") or who did what to whom
        // ("he threatened her"); a verb without its object ("had received") would dangle.
        let complete = match t[c].upos {
            "VERB" => object.is_some(),
            "ADJ" | "NOUN" | "PROPN" => tree.child(c, "cop").is_some(),
            _ => false,
        };
        if !complete {
            return None;
        }
        let object = object
            .map(|o| format!(" {}", headline_phrase(&tree.argument(o).text)))
            .unwrap_or_default();
        // A subject after its predicate ("so said the judge") reads as no clause.
        if subject.end > t[c].start {
            return None;
        }
        let said = format!("{}{object}", &tree.text[subject.start..t[c].end]);
        (said.split_whitespace().count() <= MAX_CLAUSE_COMPLEMENT_WORDS)
            .then(|| headline_phrase(&said))
    })
}

/// The most words of a clause [`complement`] gives a headline.
const MAX_CLAUSE_COMPLEMENT_WORDS: usize = 7;

/// A verb's "to" infinitive with its own object, as written from the first of its "to" and
/// "not" ("to suspend the country's president", "not to run").
fn infinitive(tree: &Tree, w: usize) -> Option<String> {
    // The parse may read it as a purpose clause ("voted on Thursday to suspend him").
    let (c, to) = tree.children[w]
        .iter()
        .copied()
        .filter(|&c| matches!(tree.rel(c), "xcomp" | "advcl"))
        .find_map(|c| Some((c, tree.to_mark(c)?)))?;
    let t = &tree.s.tokens;
    let start = tree.children[c]
        .iter()
        .copied()
        .filter(|&x| x < c && tree.is_negation(x))
        .map(|x| t[x].start)
        .fold(t[to].start, usize::min);
    let end = tree.particle(c).map_or(t[c].end, |p| t[p].end);
    if start >= end {
        // A "to" the parse hung after its verb is no infinitive's mark.
        return None;
    }
    let object = tree
        .child(c, "obj")
        .map(|o| format!(" {}", headline_phrase(&tree.argument(o).text)))
        .unwrap_or_default();
    Some(format!("{}{object}", &tree.text[start..end]))
}

/// Whether word `w` is in a condition ("if they attack") or is the outcome of one ("if talks
/// fail, they will attack").
fn conditional(tree: &Tree, w: usize) -> bool {
    let is_condition = |i: usize| {
        tree.children_with(i, "mark")
            .any(|m| matches!(tree.lemma(m).as_str(), "if" | "unless"))
    };
    if tree.children_with(w, "advcl").any(is_condition) {
        return true;
    }
    let mut at = Some(w);
    for _ in 0..8 {
        let Some(i) = at else { break };
        if is_condition(i) {
            return true;
        }
        at = tree.head(i);
    }
    false
}

/// Tense and aspect of a verb from its auxiliaries and features.
fn tense_aspect(tree: &Tree, w: usize, auxes: &[usize]) -> (Tense, Aspect) {
    let feats_tense = |i: usize| {
        let f = tree.s.tokens[i].feats;
        if f.contains("Tense=Past") {
            Some(Tense::Past)
        } else if f.contains("Tense=Pres") && f.contains("VerbForm=Fin") {
            Some(Tense::Present)
        } else {
            None
        }
    };
    let lemmas: Vec<String> = auxes.iter().map(|&a| tree.lemma(a)).collect();
    let tense = if lemmas.iter().any(|l| l == "will" || l == "shall") {
        Tense::Future
    } else {
        auxes
            .iter()
            .find_map(|&a| feats_tense(a))
            .or_else(|| auxes.is_empty().then(|| feats_tense(w)).flatten())
            .unwrap_or(Tense::None)
    };
    let xpos = tree.s.tokens[w].xpos;
    let aspect = if lemmas.iter().any(|l| l == "have") && xpos == "VBN" {
        Aspect::Perfective
    } else if lemmas.iter().any(|l| l == "be") && xpos == "VBG" {
        Aspect::Progressive
    } else {
        Aspect::None
    };
    (tense, aspect)
}

/// The passage of predicate `w`, whose own words are `own`: grown from them to take in each of
/// the `reported` spans (its arguments and time) that lies at most [`MAX_PASSAGE_GAP_WORDS`]
/// words of other clauses from what it already holds ("Rebels attacked the army base in
/// Northfield on Monday" takes in the place after the patient), and no other.
fn passage(
    tree: &Tree,
    w: usize,
    own: (usize, usize),
    reported: &[(usize, usize)],
) -> (usize, usize) {
    // Words of another clause between the passage and a span: what they tell is not this
    // event ("who served a prison term for fraud"), while the predicate's own modifiers and an
    // argument's description are ("in his absence", "Jenkin, 23,").
    let other_clause_words = |from: usize, to: usize| {
        (0..tree.s.tokens.len())
            .filter(|&k| tree.s.tokens[k].start >= from && tree.s.tokens[k].end <= to)
            .filter(|&k| !tree.in_clause_of(k, w))
            .count()
    };
    let mut span = own;
    let mut left: Vec<(usize, usize)> = reported.to_vec();
    while let Some(i) = left.iter().position(|&(a, b)| {
        let gap = if b <= span.0 {
            other_clause_words(b, span.0)
        } else if a >= span.1 {
            other_clause_words(span.1, a)
        } else {
            0
        };
        gap <= MAX_PASSAGE_GAP_WORDS
    }) {
        let (a, b) = left.swap_remove(i);
        span = (span.0.min(a), span.1.max(b));
    }
    span
}

/// The temporal expression the parse attaches to word `w`: one whose head word hangs from `w`
/// without crossing into another clause, the nearest in the tree if several do. A time that
/// describes a thing rather than an event ("the 18th-century priest", "the 2008 law", not "the
/// 2008 election") is that thing's, not `w`'s; `found` are the sentence's event words.
fn attached_time(tree: &Tree, w: usize, found: &[(usize, EventClass)]) -> Option<usize> {
    // An event word of the sentence, or a noun the lexicon knows as one ("the 2008 election").
    let is_event_word = |h: usize| {
        found.iter().any(|&(f, _)| f == h) || taxonomy::sense_as(&tree.lemma(h), false).is_some()
    };
    // The verb that only says the event word happened ("the bombing took place on Thursday"):
    // its times are the event's.
    let host = tree.happened_through(w);
    let steps_to_w = |i: usize| {
        let mut at = i;
        for steps in 0..6 {
            let clause =
                CLAUSE_RELATIONS.contains(&tree.rel(at)) || tree.rel(at).starts_with("acl");
            if at != i && clause {
                return None;
            }
            let h = tree.head(at)?;
            if h == w || Some(h) == host {
                return Some(steps);
            }
            at = h;
        }
        None
    };
    (0..tree.s.tokens.len())
        .filter_map(|i| {
            let x = tree.timex[i]?;
            // The head word of the expression: its head lies outside the expression.
            if tree.head(i).and_then(|h| tree.timex[h]) == Some(x) {
                return None;
            }
            // A time is no subject or object: read so, the parse went wrong ("the attack last
            // Friday was claimed …" with "Friday" as the subject of "claimed").
            if matches!(
                tree.rel(i),
                "nsubj" | "nsubj:pass" | "obj" | "iobj" | "csubj"
            ) {
                return None;
            }
            let describes_a_thing = matches!(tree.rel(i), "amod" | "compound" | "nummod")
                && tree.head(i).is_some_and(|h| h != w && !is_event_word(h));
            if describes_a_thing {
                return None;
            }
            Some((steps_to_w(i)?, x))
        })
        .min_by_key(|&(steps, _)| steps)
        .map(|(_, x)| x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_headline_phrase_drops_a_leading_article_or_relative_word_and_quotes() {
        assert_eq!(headline_phrase("that Daniel Okafor"), "Daniel Okafor");
        assert_eq!(headline_phrase("The “rebel” army"), "rebel army");
        assert_eq!(headline_phrase("who"), "");
        assert_eq!(headline_phrase("Thatcher"), "Thatcher");
    }

    #[test]
    fn a_headline_line_opens_on_no_preposition_and_keeps_later_ones() {
        let line = |text: &str| headline_line(&text.split(' ').collect::<Vec<_>>());
        assert_eq!(
            line("of the three journalists jailed in Cairo"),
            "Three journalists jailed in Cairo"
        );
        assert_eq!(line("against Maria Lopez charged"), "Maria Lopez charged");
        assert_eq!(
            line("Unemployment rises to 9.1%"),
            "Unemployment rises to 9.1%"
        );
        assert_eq!(
            line("one two three four five six seven eight nine ten eleven")
                .split(' ')
                .count(),
            10
        );
    }

    #[test]
    fn words_written_apart_join_but_a_dash_before_a_name_does_not() {
        let join = |line: &str| join_split_words(&line.split(' ').collect::<Vec<_>>());
        assert_eq!(
            join("multi - billion - dollar deal"),
            "multi-billion-dollar deal"
        );
        assert_eq!(join("Rebel - held town"), "Rebel-held town");
        assert_eq!(join("Ana Diaz - Lopez wins"), "Ana Diaz-Lopez wins");
        assert_eq!(join("won 2 - 1"), "won 2-1");
        assert_eq!(join("leave now - Maria Lopez"), "leave now - Maria Lopez");
        assert_eq!(join("- a"), "- a");
        // A currency sign and its amount, and brackets, as a tokenised archive wrote them.
        assert_eq!(join("a £ 2bn arms deal"), "a £2bn arms deal");
        assert_eq!(
            join("R65 m ( £ 5.3 m ) expansion"),
            "R65 m (£5.3 m) expansion"
        );
        assert_eq!(join("$ and £ rates"), "$ and £ rates");
        assert_eq!(join("a fee (£ 5.3 m)"), "a fee (£5.3 m)");
        assert_eq!(join("US$ 40 m"), "US$40 m");
    }

    #[test]
    fn a_name_goes_without_the_titles_before_it() {
        assert_eq!(without_titles("Mayor Elena Varga"), "Elena Varga");
        assert_eq!(without_titles("Prime Minister Omar Haddad"), "Omar Haddad");
        assert_eq!(without_titles("Mr. Taylor"), "Taylor");
        assert_eq!(without_titles("Sir Alex Ferguson"), "Alex Ferguson");
        assert_eq!(without_titles("General Motors"), "General Motors");
        assert_eq!(without_titles("Premier League"), "Premier League");
        assert_eq!(without_titles("President"), "President");
        assert_eq!(
            without_titles("Secretary of State John Kerry"),
            "Secretary of State John Kerry"
        );
    }
}
