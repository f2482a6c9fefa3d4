//! From mentions to events: grouping across articles, dating with reasons, corroboration and
//! disputes. Grouping is blocked by kind and shared term, so its cost grows with the corpus,
//! not with its square.

use crate::core::article::{Analysis, Article};
use crate::core::dates::DateRange;
use crate::core::document::{
    DateStep, Document, Event, EventId, Evidence, FORMAT, Origin, Participant, Role, Span, Stance,
    VERSION,
};
use crate::core::event_mentions::{self, Tense};
use crate::core::extract::{self, EventKind, Mention};
use crate::core::taxonomy;
use chrono::NaiveDate;
use rayon::prelude::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};

/// How similar a mention must be to a group to join it (weighted overlap of terms, 0–1).
const JOIN_THRESHOLD: f64 = 0.4;
/// The same, for merging groups that tell the same political or legal act (see
/// [`merge_threshold`]).
const SAME_SENSE_JOIN_THRESHOLD: f64 = 0.28;
/// How far back a state told in the present at publication may have begun, for grouping.
const CURRENT_STATE_DAYS: u64 = 365;
/// How far ahead a happening told in the future may lie, for grouping: "he will appeal" in
/// 2000 is not an appeal of 2008.
const FUTURE_TOLD_DAYS: u64 = 365;
/// How many of a mention's rarest sentence words are looked up to find candidate groups.
const BLOCKING_WORDS: usize = 8;
/// How many of the latest groups holding a word are compared.
const BLOCKING_GROUPS_PER_WORD: usize = 16;
/// Groups with more phrase words than this are compared one way only (their words are many).
const BACKWARD_MAX_WORDS: usize = 64;
/// Articles sharing this share of word 5-grams are rewrites of one story.
const NEAR_DUPLICATE_JACCARD: f64 = 0.5;
/// The most participants an event lists.
const MAX_PARTICIPANTS: usize = 6;
/// How much more salient an event of the story's most frequent participant is than one of
/// no participant the story knows (a share of its salience).
const CENTRALITY_WEIGHT: f64 = 0.2;
/// How much an event that had not happened when it was reported counts (see
/// [`rate_salience`]).
const EXPECTED_WEIGHT: f64 = 0.5;
/// How much more salient an event of a day is per step of the day's coverage, the logarithm
/// of how many of the collection's articles came out that day or the next (see
/// [`rate_salience`]).
const COVERAGE_WEIGHT: f64 = 0.1;
/// An event dated more than this many days after its last report is a target or forecast
/// ("cut emissions by 2050"), not a scheduled hearing or vote, which news dates days or months
/// ahead and timelines keep.
const EXPECTED_AFTER_DAYS: i64 = 365;

/// Finds and groups the event mentions of the analysed articles (`analyses[i]` is
/// `articles[i]`'s) and dates the events; [`crate::core::pipeline::read`] is the way in.
pub fn build(articles: Vec<Article>, analyses: &[Analysis], title: &str) -> Document {
    let per_article: Vec<Vec<Mention>> = articles
        .par_iter()
        .zip(analyses)
        .enumerate()
        .map(|(i, (a, an))| extract::mentions(i, a, an))
        .collect();
    let mut mentions: Vec<Mention> = Vec::with_capacity(per_article.iter().map(Vec::len).sum());
    for list in per_article {
        let offset = mentions.len();
        mentions.extend(list.into_iter().map(|mut m| {
            m.reported_by = m.reported_by.map(|r| r + offset);
            m
        }));
    }
    let source_of = source_groups(&articles.iter().collect::<Vec<_>>());
    let published: Vec<Option<NaiveDate>> = articles.iter().map(|a| a.published).collect();
    let groups = group(&mentions, &published);
    let events = make_events(&articles, &mentions, &groups, &source_of);
    Document {
        format: FORMAT.to_string(),
        version: VERSION,
        title: title.to_string(),
        articles,
        events,
        dismissed: Vec::new(),
        story: Vec::new(),
    }
}

/// A word of the mentions being grouped, as its index in [`Words::weights`].
type Word = u32;

/// The mentions' words as numbers (a few bytes where a group holds one, not a string), each
/// weighted by its rarity.
struct Words {
    /// Each mention's phrase words and the other words of its sentence.
    of_mention: Vec<(Vec<Word>, Vec<Word>)>,
    /// 1 + ln(mentions / mentions holding the word).
    weights: Vec<f64>,
}

impl Words {
    fn new(mentions: &[Mention]) -> Self {
        fn intern<'a>(
            ids: &mut HashMap<&'a str, Word>,
            counts: &mut Vec<usize>,
            t: &'a str,
        ) -> Word {
            let next = ids.len() as Word;
            let id = *ids.entry(t).or_insert(next);
            if id == next {
                counts.push(0);
            }
            counts[id as usize] += 1;
            id
        }
        let mut ids: HashMap<&str, Word> = HashMap::default();
        let mut counts: Vec<usize> = Vec::new();
        let of_mention = mentions
            .iter()
            .map(|m| {
                let phrase = m
                    .terms
                    .iter()
                    .map(|t| intern(&mut ids, &mut counts, t))
                    .collect();
                let context = m
                    .context_terms()
                    .map(|t| intern(&mut ids, &mut counts, t))
                    .collect();
                (phrase, context)
            })
            .collect();
        let total = mentions.len().max(1) as f64;
        Self {
            of_mention,
            weights: counts
                .iter()
                .map(|&n| (total / n as f64).ln() + 1.0)
                .collect(),
        }
    }

    fn weight(&self, word: Word) -> f64 {
        self.weights[word as usize]
    }
}

/// A group of mentions being built.
#[derive(Default)]
struct Group {
    members: Vec<usize>,
    /// Words of the members' phrases.
    phrase_terms: HashSet<Word>,
    /// Words of the members' phrases and sentences.
    terms: HashMap<Word, usize>,
    agents: HashSet<String>,
    /// The agents of the members that the parse found named ("Madoff"; not "he", "the
    /// police"): a mention naming someone else does not join the group however alike the words
    /// ("Madoff pleaded guilty" is not the happening "Polanski pleaded guilty" was). The later
    /// merge of small groups compares whole groups' words and does not look at names (doing
    /// so lowered the ECB+ and TLS figures).
    named_agents: HashSet<String>,
    /// The members' senses ([`Mention::sense`]): a generic happening ("grew up", "decided",
    /// "arrived") joins only a group of its own sense, since its kind says nothing.
    senses: HashSet<String>,
    /// The members' own times, intersected.
    range: Option<DateRange>,
    /// The span of the [`told_time`]s of its members without a time of their own.
    told: Option<DateRange>,
}

impl Group {
    /// Whether a happening of time `time` may be this group's: its members' own times and the
    /// times their tenses allow both agree with it.
    fn admits(&self, time: Option<DateRange>) -> bool {
        times_agree(time, self.range) && times_agree(time, self.told)
    }

    /// How many days its time (its members' own, else their tenses') lies from `day`: none
    /// when it holds the day, the most when either is unknown.
    fn days_from(&self, day: Option<NaiveDate>) -> u64 {
        match (self.range.or(self.told), day) {
            (Some(r), Some(day)) if day < r.earliest => {
                (r.earliest - day).num_days().unsigned_abs()
            }
            (Some(r), Some(day)) if day > r.latest => (day - r.latest).num_days().unsigned_abs(),
            (Some(_), Some(_)) => 0,
            _ => u64::MAX,
        }
    }
}

/// The time a mention without a time of its own may have, from the tense it is told in and
/// its publication day: told in the past, on or before that day ("the people who voted" in a
/// June 2013 article is no February 2015 vote); in the future, on or after it; in the present
/// ("is suing"), the year before it, a state of affairs then, not the same happening as one
/// dated years before. A day of slack on either side allows for time zones. Only grouping
/// reads it; the event's dates come from the mentions' own times.
fn told_time(m: &Mention, published: &[Option<NaiveDate>]) -> Option<DateRange> {
    if m.own_range().is_some() {
        return None;
    }
    let published = published.get(m.article).copied().flatten()?;
    let day = chrono::Days::new(1);
    match m.tense {
        Tense::Past => DateRange::new(NaiveDate::MIN, published.checked_add_days(day)?),
        Tense::Future => DateRange::new(
            published.checked_sub_days(day)?,
            published.checked_add_days(chrono::Days::new(FUTURE_TOLD_DAYS))?,
        ),
        Tense::Present => DateRange::new(
            published.checked_sub_days(chrono::Days::new(CURRENT_STATE_DAYS))?,
            published,
        ),
        Tense::None => None,
    }
}

/// The key of the mention's named agent (the parse found a name: "Madoff", not "he" or "the
/// police").
fn named_agent_key(m: &Mention) -> Option<String> {
    m.participants
        .iter()
        .find(|p| p.role == Role::Agent)
        .and_then(|p| agent_key(Some(&p.name)))
}

fn agent_key(agent: Option<&String>) -> Option<String> {
    agent
        .and_then(|a| a.split_whitespace().last())
        .map(str::to_lowercase)
}

/// Groups mentions into events: same kind, overlapping terms (weighted by rarity) or the same
/// agent for reporting kinds, and compatible time. A mention that refers back ("the strike",
/// "they took it out") joins the main group of its kind in its article, unless its own time
/// lies outside that group's.
fn group(mentions: &[Mention], published: &[Option<NaiveDate>]) -> Vec<Vec<usize>> {
    let words = Words::new(mentions);
    let mut groups: Vec<Group> = Vec::new();
    let mut by_term: HashMap<(EventKind, Word), Vec<usize>> = HashMap::default();
    let mut by_agent: HashMap<(EventKind, String), Vec<usize>> = HashMap::default();
    // The group of each kind with the most passages from each article: what "the strike" means there.
    let mut main_in_article: HashMap<(usize, EventKind), usize> = HashMap::default();
    let mut count_in_article: HashMap<(usize, usize), usize> = HashMap::default();
    for (index, (m, (phrase, context))) in mentions.iter().zip(&words.of_mention).enumerate() {
        let range = m.own_range();
        let told = told_time(m, published);
        let day = published.get(m.article).copied().flatten();
        let agent = agent_key(m.agent.as_ref());
        let named = named_agent_key(m);
        let chosen = if m.anaphoric
            && let Some(&g) = main_in_article.get(&(m.article, m.kind))
            && groups[g].admits(range.or(told))
        {
            Some(g)
        } else {
            // Blocking: the mention's phrase words and its sentence's rarest words, and the
            // latest groups holding each.
            let mut rare = context.clone();
            rare.sort_by(|&a, &b| words.weight(b).total_cmp(&words.weight(a)));
            let mut candidates: Vec<usize> = phrase
                .iter()
                .chain(rare.iter().take(BLOCKING_WORDS))
                .filter_map(|&t| by_term.get(&(m.kind, t)))
                .flat_map(|list| list.iter().rev().take(BLOCKING_GROUPS_PER_WORD))
                .copied()
                .collect();
            if m.kind.is_reporting()
                && let Some(a) = &agent
                && let Some(list) = by_agent.get(&(m.kind, a.clone()))
            {
                candidates.extend(list);
            }
            candidates.sort_unstable();
            candidates.dedup();
            candidates
                .into_iter()
                .filter(|&g| groups[g].admits(range.or(told)))
                .map(|g| {
                    let words = (phrase.as_slice(), context.as_slice(), &words);
                    let agents = (agent.as_deref(), named.as_deref());
                    (g, similarity(m, words, agents, &groups[g]))
                })
                .filter(|&(_, s)| s >= JOIN_THRESHOLD)
                // Of groups told alike, the one nearest the mention's publication: "voted",
                // with no time of its own, tells the latest such vote.
                .max_by(|a, b| {
                    let nearness = |g: usize| std::cmp::Reverse(groups[g].days_from(day));
                    a.1.total_cmp(&b.1)
                        .then_with(|| nearness(a.0).cmp(&nearness(b.0)))
                })
                .map(|(g, _)| g)
        };
        let g = match chosen {
            Some(g) => g,
            None if m.terms.is_empty() && agent.is_none() => continue,
            None => {
                groups.push(Group::default());
                groups.len() - 1
            }
        };
        let group = &mut groups[g];
        group.members.push(index);
        group.phrase_terms.extend(phrase);
        for &t in phrase.iter().chain(context) {
            let count = group.terms.entry(t).or_default();
            if *count == 0 {
                by_term.entry((m.kind, t)).or_default().push(g);
            }
            *count += 1;
        }
        if let Some(a) = agent
            && group.agents.insert(a.clone())
        {
            by_agent.entry((m.kind, a)).or_default().push(g);
        }
        group.named_agents.extend(named);
        group.senses.extend(m.sense.clone());
        group.range = narrowed(group.range, range);
        group.told = spanned(group.told, told);
        let count = count_in_article.entry((m.article, g)).or_default();
        *count += 1;
        let count = *count;
        let main = main_in_article.entry((m.article, m.kind)).or_insert(g);
        if count_in_article
            .get(&(m.article, *main))
            .copied()
            .unwrap_or(0)
            < count
        {
            *main = g;
        }
    }
    let kinds: Vec<EventKind> = groups.iter().map(|g| mentions[g.members[0]].kind).collect();
    merge_small_groups(&mut groups, &kinds, &by_term, &words);
    let mut members: Vec<Vec<usize>> = groups.into_iter().map(|g| g.members).collect();
    merge_deaths_into_killings(&mut members, mentions);
    merge_plain_into_object_senses(&mut members, mentions);
    members.retain(|m| !m.is_empty());
    members
}

/// Whether two times may be one happening's: they overlap, or either is unknown.
fn times_agree(a: Option<DateRange>, b: Option<DateRange>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.intersect(&b).is_some(),
        _ => true,
    }
}

/// A group's time after it takes in `added`: their overlap, else the group's own (one
/// outlier does not move it), else whichever is known.
fn narrowed(range: Option<DateRange>, added: Option<DateRange>) -> Option<DateRange> {
    match (range, added) {
        (Some(a), Some(b)) => a.intersect(&b).or(Some(a)),
        (a, b) => a.or(b),
    }
}

/// The smallest range covering both, or whichever is known.
fn spanned(a: Option<DateRange>, b: Option<DateRange>) -> Option<DateRange> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.union(&b)),
        (a, b) => a.or(b),
    }
}

/// The time all of a group's members' own times share, if they have any and it is not empty.
fn shared_range(members: &[usize], mentions: &[Mention]) -> Option<DateRange> {
    members
        .iter()
        .filter_map(|&i| mentions[i].own_range())
        .map(Some)
        .reduce(|a, b| a?.intersect(&b?))?
}

/// The day a group's members date it to: the one day all their own times share.
fn single_day(members: &[usize], mentions: &[Mention]) -> Option<NaiveDate> {
    shared_range(members, mentions)
        .filter(DateRange::is_day)
        .map(|r| r.earliest)
}

/// The last word of each name a group's members give ("Lana Clarkson" and "Ms Clarkson" are
/// both "clarkson").
fn name_words<'a>(
    members: &'a [usize],
    mentions: &'a [Mention],
) -> impl Iterator<Item = String> + 'a {
    members
        .iter()
        .flat_map(|&i| &mentions[i].participants)
        .filter_map(|p| p.name.split_whitespace().last())
        .map(str::to_lowercase)
}

/// What a group's members say of who and where: their [`name_words`] and their phrases'
/// words, less the words of dying and killing, which only name the kind of happening.
fn happening_words(members: &[usize], mentions: &[Mention]) -> HashSet<String> {
    let names = name_words(members, mentions);
    let words = members
        .iter()
        .flat_map(|&i| &mentions[i].terms)
        .filter(|t| !taxonomy::sense(t).is_some_and(|s| matches!(s.group, "die" | "kill")))
        .cloned();
    names.chain(words).collect()
}

/// A group's index with the time its members share and their [`name_words`].
type DatedGroup = (usize, DateRange, HashSet<String>);

/// A happening told with and without the object that gives its word a sense of its own is
/// one: "pulled out of the race" (politics) and "pulled out" (a withdrawal). Each group whose
/// members read the plain sense joins the group of an object sense of that word
/// (`withdraw>candidacy`, [`taxonomy::refined_group`]) whose time meets its own and that
/// shares the most names with it (one at least). The object senses' groups are read once,
/// as they were before any joins them.
fn merge_plain_into_object_senses(groups: &mut [Vec<usize>], mentions: &[Mention]) {
    // The one sense a group's members read, if they agree.
    let sense_of = |members: &[usize]| {
        let mut senses = members.iter().filter_map(|&i| mentions[i].sense.as_deref());
        let first = senses.next()?;
        senses.all(|s| s == first).then_some(first)
    };
    // Each object sense's group with its time and names, by the plain sense it refines.
    let mut by_plain: HashMap<&str, Vec<DatedGroup>> = HashMap::default();
    for (g, members) in groups.iter().enumerate() {
        if let Some(plain) = sense_of(members).and_then(taxonomy::refined_group)
            && let Some(range) = shared_range(members, mentions)
        {
            let names = name_words(members, mentions).collect();
            by_plain.entry(plain).or_default().push((g, range, names));
        }
    }
    for g in 0..groups.len() {
        let Some(targets) = sense_of(&groups[g]).and_then(|s| by_plain.get(s)) else {
            continue;
        };
        let Some(range) = shared_range(&groups[g], mentions) else {
            continue;
        };
        let names: HashSet<String> = name_words(&groups[g], mentions).collect();
        let best = targets
            .iter()
            .filter(|(_, theirs, _)| theirs.intersect(&range).is_some())
            .map(|(t, _, their_names)| {
                let shared = their_names.intersection(&names).count();
                (shared, std::cmp::Reverse(*t))
            })
            .filter(|&(shared, _)| shared >= 1)
            .max();
        if let Some((_, std::cmp::Reverse(into))) = best {
            let moved = std::mem::take(&mut groups[g]);
            groups[into].extend(moved);
        }
    }
}

/// A death and a killing on the same day told with the same people and places are one
/// happening, "she died" in one article and "she was killed" in another: each group of deaths
/// dated to one day joins the killing of that day it shares the most such words with (two at
/// least).
fn merge_deaths_into_killings(groups: &mut [Vec<usize>], mentions: &[Mention]) {
    let is_death = |g: &[usize]| {
        g.iter().any(|&i| {
            mentions[i].kind == EventKind::Occurrence && mentions[i].sense.as_deref() == Some("die")
        })
    };
    let mut killings: HashMap<NaiveDate, Vec<(usize, HashSet<String>)>> = HashMap::default();
    for (g, members) in groups.iter().enumerate() {
        if members
            .first()
            .is_some_and(|&i| mentions[i].kind == EventKind::Killing)
            && let Some(day) = single_day(members, mentions)
        {
            let words = happening_words(members, mentions);
            killings.entry(day).or_default().push((g, words));
        }
    }
    for g in 0..groups.len() {
        if !is_death(&groups[g]) {
            continue;
        }
        let Some(same_day) = single_day(&groups[g], mentions).and_then(|d| killings.get(&d)) else {
            continue;
        };
        let words = happening_words(&groups[g], mentions);
        let best = same_day
            .iter()
            .map(|(k, theirs)| (theirs.intersection(&words).count(), std::cmp::Reverse(*k)))
            .filter(|&(shared, _)| shared >= 2)
            .max();
        if let Some((_, std::cmp::Reverse(into))) = best {
            let moved = std::mem::take(&mut groups[g]);
            groups[into].extend(moved);
        }
    }
}

/// Weighted share of the mention's words found in the group (its phrase counting most), plus
/// agreement of agents; nothing when the mention names an agent the group's members do not.
/// `agent` and `named` are the mention's [`agent_key`] and [`named_agent_key`].
fn similarity(
    m: &Mention,
    (phrase, context, words): (&[Word], &[Word], &Words),
    (agent, named): (Option<&str>, Option<&str>),
    group: &Group,
) -> f64 {
    let same_agent = agent.is_some_and(|a| group.agents.contains(a));
    if !senses_agree(m.kind, &m.sense, &group.senses) {
        return 0.0;
    }
    let clash =
        !group.named_agents.is_empty() && named.is_some_and(|a| !group.named_agents.contains(a));
    match (m.kind.is_reporting(), same_agent) {
        (true, true) => 1.0,
        (true, false) if !group.agents.is_empty() && agent.is_some() => 0.0,
        (false, false) if clash => 0.0,
        (_, true) => overlap(phrase, context, group, words) + 0.3,
        _ => overlap(phrase, context, group, words),
    }
}

/// Senses of the economy family that say which way a figure moved.
const FIGURE_SENSES: [&str; 3] = ["rise", "fall", "cut"];

/// Senses of armed action that one attack may be told in ("raided", "shelled", "opened fire",
/// "bombed", "the offensive"); any other sense of the conflict family (a war, an uprising, a
/// withdrawal, an occupation, a ceasefire, a deployment) is a happening of its own, neither an
/// attack told in other words nor one another.
const ATTACK_SENSES: [&str; 8] = [
    "attack",
    "bomb",
    "detonate",
    "fight",
    "invade",
    "retaliate",
    "shell",
    "shoot",
];

/// Whether mentions of these senses may be one happening, where both sides have any: for a
/// generic kind ([`EventKind::Occurrence`]), for politics and for justice, whose senses are
/// different happenings (a win, a swearing-in, a withdrawal from the race; a charge, a trial,
/// a release, a violation), the senses must meet; in
/// the economy, a figure's move must be the same move ("emissions rose" is not "emissions
/// were cut", nor a takeover), while deals of different words may still be one ("bought",
/// "acquired").
fn senses_agree<'a, S>(kind: EventKind, senses: S, group: &HashSet<String>) -> bool
where
    S: IntoIterator<Item = &'a String>,
    S::IntoIter: Clone,
{
    let mut senses = senses.into_iter();
    if group.is_empty() || senses.clone().next().is_none() {
        return true;
    }
    let is_figure = |s: &String| FIGURE_SENSES.contains(&s.as_str());
    let strict = match kind {
        EventKind::Occurrence | EventKind::Politics | EventKind::Justice => true,
        EventKind::Economy => senses.clone().any(is_figure) || group.iter().any(is_figure),
        EventKind::Strike => {
            let own = |s: &String| !ATTACK_SENSES.contains(&s.as_str());
            senses.clone().any(own) || group.iter().any(own)
        }
        _ => false,
    };
    !strict || senses.any(|s| group.contains(s))
}

/// How well a small group's words must match a larger one for the two to merge: less
/// ([`SAME_SENSE_JOIN_THRESHOLD`]) where both tell the same specific political or legal act (a
/// conviction, a resignation, an election), whose words vary more from article to article than
/// the act does; else [`JOIN_THRESHOLD`].
fn merge_threshold(kind: EventKind, small: &Group, large: &Group) -> f64 {
    let same_act = matches!(kind, EventKind::Politics | EventKind::Justice)
        && !small.senses.is_disjoint(&large.senses);
    if same_act {
        SAME_SENSE_JOIN_THRESHOLD
    } else {
        JOIN_THRESHOLD
    }
}

/// How well phrase words and sentence words match a group, 0–1: the weighted share of them it
/// holds, or (somewhat discounted) the share of the group's phrase words they hold.
fn overlap(terms: &[Word], context: &[Word], group: &Group, words: &Words) -> f64 {
    let coverage = |list: &mut dyn Iterator<Item = &Word>, known: &dyn Fn(&Word) -> bool| {
        let (mut total, mut shared) = (0.0, 0.0);
        for t in list {
            let w = words.weight(*t);
            total += w;
            if known(t) {
                shared += w;
            }
        }
        if total > 0.0 { shared / total } else { 0.0 }
    };
    let forward = 0.7 * coverage(&mut terms.iter(), &|t| group.phrase_terms.contains(t))
        + 0.3 * coverage(&mut context.iter(), &|t| group.terms.contains_key(t));
    let backward = if group.phrase_terms.len() <= BACKWARD_MAX_WORDS {
        coverage(&mut group.phrase_terms.iter(), &|t| {
            terms.contains(t) || context.contains(t)
        })
    } else {
        0.0
    };
    forward.max(0.8 * backward)
}

/// Greedy grouping depends on the order articles come in; this folds each group, smallest
/// first, into a larger group of its kind that its words match as well as a mention's must.
fn merge_small_groups(
    groups: &mut [Group],
    kinds: &[EventKind],
    by_term: &HashMap<(EventKind, Word), Vec<usize>>,
    vocabulary: &Words,
) {
    let mut order: Vec<usize> = (0..groups.len()).collect();
    order.sort_by_key(|&g| groups[g].members.len());
    let mut merged_into: Vec<Option<usize>> = vec![None; groups.len()];
    let resolve = |merged_into: &[Option<usize>], mut g: usize| {
        while let Some(next) = merged_into[g] {
            g = next;
        }
        g
    };
    for small in order {
        let kind = kinds[small];
        if kind.is_reporting() || merged_into[small].is_some() {
            continue;
        }
        let words: Vec<Word> = groups[small].phrase_terms.iter().copied().collect();
        let context: Vec<Word> = groups[small]
            .terms
            .keys()
            .filter(|t| !groups[small].phrase_terms.contains(*t))
            .copied()
            .collect();
        let mut candidates: Vec<usize> = words
            .iter()
            .filter_map(|&t| by_term.get(&(kind, t)))
            .flat_map(|list| list.iter().rev().take(BLOCKING_GROUPS_PER_WORD))
            .map(|&g| resolve(&merged_into, g))
            .filter(|&g| g != small && groups[g].members.len() >= groups[small].members.len())
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let best = candidates
            .into_iter()
            .filter(|&g| {
                groups[g].admits(groups[small].range) && groups[g].admits(groups[small].told)
            })
            .filter(|&g| senses_agree(kind, &groups[small].senses, &groups[g].senses))
            .map(|g| (g, overlap(&words, &context, &groups[g], vocabulary)))
            .filter(|&(g, s)| s >= merge_threshold(kind, &groups[small], &groups[g]))
            .max_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((target, _)) = best {
            let moved = std::mem::take(&mut groups[small].members);
            let terms = std::mem::take(&mut groups[small].terms);
            let phrase = std::mem::take(&mut groups[small].phrase_terms);
            let agents = std::mem::take(&mut groups[small].agents);
            let named = std::mem::take(&mut groups[small].named_agents);
            let senses = std::mem::take(&mut groups[small].senses);
            let (range, told) = (groups[small].range, groups[small].told);
            let into = &mut groups[target];
            into.told = spanned(into.told, told);
            into.members.extend(moved);
            into.phrase_terms.extend(phrase);
            for (t, n) in terms {
                *into.terms.entry(t).or_default() += n;
            }
            into.agents.extend(agents);
            into.named_agents.extend(named);
            into.senses.extend(senses);
            into.range = narrowed(into.range, range);
            merged_into[small] = Some(target);
        }
    }
}

/// The representative of `i`'s set in a union-find forest.
fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Length of an article's min-hash signature.
const SIGNATURE: usize = 32;
/// Rows per band in locality-sensitive hashing: 8 bands of 4 find pairs above about 0.5 overlap.
const BAND_ROWS: usize = 4;

/// How many independent sources these articles are: near-duplicates (rewrites of one wire
/// story) count once.
pub fn independent_sources(articles: &[&Article]) -> usize {
    let mut groups = source_groups(articles);
    groups.sort_unstable();
    groups.dedup();
    groups.len()
}

/// Near-duplicate articles (rewrites of one wire story) share a source group; returns each
/// article's group. Word 5-grams are compared through min-hash signatures, and candidate pairs
/// come from locality-sensitive hashing, never from all pairs.
fn source_groups(articles: &[&Article]) -> Vec<usize> {
    let signatures: Vec<Option<[u64; SIGNATURE]>> = articles
        .par_iter()
        .map(|a| {
            let words: Vec<String> = a
                .text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect();
            let mut signature = [u64::MAX; SIGNATURE];
            for window in words.windows(5) {
                let mut h = DefaultHasher::new();
                window.hash(&mut h);
                let base = h.finish();
                for (k, slot) in signature.iter_mut().enumerate() {
                    // Cheap independent permutations of the shingle hash.
                    let mixed = (base ^ (k as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15))
                        .wrapping_mul(0xBF58_476D_1CE4_E5B9);
                    *slot = (*slot).min(mixed ^ (mixed >> 31));
                }
            }
            (words.len() >= 5).then_some(signature)
        })
        .collect();
    let mut parent: Vec<usize> = (0..articles.len()).collect();
    let mut buckets: HashMap<(usize, u64), Vec<usize>> = HashMap::default();
    for (i, signature) in signatures.iter().enumerate() {
        let Some(signature) = signature else { continue };
        for (band, rows) in signature.chunks(BAND_ROWS).enumerate() {
            let mut h = DefaultHasher::new();
            rows.hash(&mut h);
            let bucket = buckets.entry((band, h.finish())).or_default();
            for &j in bucket.iter().rev().take(8) {
                let Some(other) = &signatures[j] else {
                    continue;
                };
                let same = signature.iter().zip(other).filter(|(a, b)| a == b).count();
                if same as f64 / SIGNATURE as f64 >= NEAR_DUPLICATE_JACCARD {
                    let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                    parent[a] = b;
                }
            }
            bucket.push(i);
        }
    }
    (0..articles.len()).map(|i| root(&mut parent, i)).collect()
}

fn make_events(
    articles: &[Article],
    mentions: &[Mention],
    groups: &[Vec<usize>],
    source_of: &[usize],
) -> Vec<Event> {
    let article_order: HashMap<&str, usize> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let mut event_of: HashMap<usize, usize> = HashMap::default();
    // An event stands on two passages or on a date of its own; a lone undated mention is noise.
    let kept: Vec<&Vec<usize>> = groups
        .iter()
        .filter(|members| {
            members.len() >= 2 || members.iter().any(|&m| mentions[m].own_range().is_some())
        })
        .collect();
    event_of.clear();
    for (g, members) in kept.iter().enumerate() {
        for &m in *members {
            event_of.insert(m, g);
        }
    }
    let names = canonical_names(
        kept.iter()
            .flat_map(|members| members.iter())
            .flat_map(|&m| &mentions[m].participants)
            .map(|p| p.name.as_str()),
    );
    let mut events: Vec<Event> = kept
        .iter()
        .map(|members| {
            base_event(
                articles,
                &article_order,
                mentions,
                members,
                source_of,
                &names,
            )
        })
        .collect();
    // What the text orders: an event happened no later than the report or disclosure of it.
    for (index, m) in mentions.iter().enumerate() {
        let (Some(&c), Some(r)) = (
            event_of.get(&index),
            m.reported_by.and_then(|r| event_of.get(&r)),
        ) else {
            continue;
        };
        if c == *r {
            continue;
        }
        let Some(bound) = events[*r].latest else {
            continue;
        };
        let event = &mut events[c];
        if event.latest.is_none_or(|l| l > bound) && event.earliest.is_none_or(|e| e <= bound) {
            event.latest = Some(bound);
            let reporter = &mentions[m.reported_by.unwrap_or(index)];
            event.date_basis.push(DateStep {
                article: articles[m.article].id.clone(),
                start: reporter.trigger.0,
                end: reporter.trigger.1,
                text: articles[m.article].text[reporter.trigger.0..reporter.trigger.1].to_string(),
                value: String::new(),
                anchor: format!(
                    "happened no later than it was {} (by {bound})",
                    reporter.kind.as_str()
                ),
                earliest: None,
                latest: Some(bound),
            });
        }
    }
    for e in &mut events {
        e.best = e.earliest.filter(|d| Some(*d) == e.latest);
    }
    events.retain(|e| !e.evidence.is_empty());
    rate_salience(&mut events, articles);
    events.sort_by(|a, b| {
        (a.earliest.or(a.latest), a.latest, &a.title).cmp(&(
            b.earliest.or(b.latest),
            b.latest,
            &b.title,
        ))
    });
    for (i, e) in events.iter_mut().enumerate() {
        e.id = format!("e{:03}", i + 1).into();
    }
    events
}

/// Each name's common form in the story: the most mentioned of the names that end with it
/// ("Lopez" → "Maria Lopez") or that it ends with in two words or more ("President Maria
/// Lopez" → "Maria Lopez"), itself when it is mentioned more than those.
fn canonical_names<'a>(names: impl Iterator<Item = &'a str>) -> HashMap<String, String> {
    let mut counts: HashMap<&str, usize> = HashMap::default();
    for name in names {
        *counts.entry(name).or_default() += 1;
    }
    let last_word = |name: &str| name.split_whitespace().last().unwrap_or("").to_lowercase();
    let mut by_last: HashMap<String, Vec<&str>> = HashMap::default();
    for &name in counts.keys() {
        by_last.entry(last_word(name)).or_default().push(name);
    }
    counts
        .keys()
        .map(|&name| {
            let ends_with = |long: &str, short: &str| {
                long.strip_suffix(short)
                    .is_some_and(|before| before.ends_with(' '))
            };
            let same = |other: &str| {
                other == name
                    || ends_with(other, name)
                    || (ends_with(name, other) && other.split_whitespace().count() >= 2)
            };
            let best = by_last[&last_word(name)]
                .iter()
                .copied()
                .filter(|other| same(other))
                .max_by_key(|&other| (counts[other], other.len(), std::cmp::Reverse(other)))
                .unwrap_or(name);
            (name.to_string(), best.to_string())
        })
        .collect()
}

/// The lane an event is drawn in: its kind's, except a seizure whose passages read it as a
/// capture in fighting ("rebels captured the town", "militants captured two soldiers"), drawn
/// with the fighting.
fn lane_of(kind: EventKind, ms: &[&Mention]) -> &'static str {
    let in_fighting = |m: &Mention| {
        m.sense
            .as_deref()
            .and_then(taxonomy::sense)
            .is_some_and(|s| s.family == taxonomy::Family::Conflict)
    };
    if kind == EventKind::Seizure && ms.iter().any(|&m| in_fighting(m)) {
        taxonomy::Family::Conflict.label()
    } else {
        kind.lane()
    }
}

/// Each event's salience: more independent sources and passages, a more precise date, and
/// participants the story often names make an event more central to the story; so does the
/// coverage of an event's day, how many articles of the collection came out that day or the
/// next ([`COVERAGE_WEIGHT`]): news of a happening comes out on its day and the next, and a
/// story's peaks of coverage are its big days, whose telling the grouping may have split into
/// several events; an event dated over a year after every article that tells it had not
/// happened when they were written (a target, a forecast) and counts [`EXPECTED_WEIGHT`] as
/// much; scaled so that the most salient event has 1.
fn rate_salience(events: &mut [Event], articles: &[Article]) {
    let published: HashMap<&str, NaiveDate> = articles
        .iter()
        .filter_map(|a| Some((a.id.as_str(), a.published?)))
        .collect();
    let mut published_on: HashMap<NaiveDate, usize> = HashMap::default();
    for &day in published.values() {
        *published_on.entry(day).or_default() += 1;
    }
    let out_on = |day: NaiveDate| published_on.get(&day).copied().unwrap_or(0);
    let coverage = |e: &Event| match e.earliest {
        Some(day) if e.latest == Some(day) => out_on(day) + day.succ_opt().map_or(0, out_on),
        _ => 0,
    };
    let expected = |e: &Event| {
        let last_report = e
            .evidence
            .iter()
            .filter_map(|x| published.get(x.article.as_str()))
            .max();
        e.earliest
            .zip(last_report)
            .is_some_and(|(first, &report)| (first - report).num_days() > EXPECTED_AFTER_DAYS)
    };
    let mut events_of: HashMap<&str, usize> = HashMap::default();
    for e in events.iter() {
        let mut names: Vec<&str> = e.participants.iter().map(|p| p.name.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        for name in names {
            *events_of.entry(name).or_default() += 1;
        }
    }
    let most = events_of.values().copied().max().unwrap_or(1) as f64;
    let centrality: Vec<f64> = events
        .iter()
        .map(|e| {
            e.participants
                .iter()
                .map(|p| events_of[p.name.as_str()] as f64 / most)
                .fold(0.0, f64::max)
        })
        .collect();
    let raw = |(e, centrality): (&Event, f64)| {
        let days = match (e.earliest, e.latest) {
            (Some(a), Some(b)) => (b - a).num_days() + 1,
            _ => i64::MAX,
        };
        let precision = match days {
            1 => 1.0,
            2..=31 => 0.6,
            32..=366 => 0.3,
            _ => 0.1,
        };
        ((1.0 + e.sources as f64).ln() + 0.5 * (1.0 + e.evidence.len() as f64).ln())
            * (0.5 + 0.5 * precision)
            * (1.0 + CENTRALITY_WEIGHT * centrality)
            * (1.0 + COVERAGE_WEIGHT * (coverage(e) as f64).ln_1p())
            * if expected(e) { EXPECTED_WEIGHT } else { 1.0 }
    };
    let scores: Vec<f64> = events.iter().zip(centrality).map(raw).collect();
    let top = scores.iter().copied().fold(0.0, f64::max);
    for (e, score) in events.iter_mut().zip(scores) {
        e.salience = if top > 0.0 { score / top } else { 0.0 };
    }
}

/// Up to four words before a mention's trigger and five after it, inside its sentence, with
/// "…" where the sentence goes on: "…he then attacked her, grabbing her breasts".
fn words_around(text: &str, m: &Mention) -> String {
    const BEFORE: usize = 4;
    const AFTER: usize = 5;
    let before: Vec<&str> = text[m.start..m.trigger.0].split_whitespace().collect();
    let after: Vec<&str> = text[m.trigger.0..m.end].split_whitespace().collect();
    let first = before.len().saturating_sub(BEFORE);
    let last = after.len().min(AFTER + 1);
    let mut words: Vec<&str> = before[first..].to_vec();
    words.extend(&after[..last]);
    let mut line = event_mentions::join_split_words(&words)
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_string();
    if first > 0 {
        line.insert(0, '…');
    }
    if last < after.len() {
        line.push('…');
    }
    line
}

/// A step of an event's dating that reads an article's publication day, bounding neither end
/// yet.
fn publication_step(article: &Article, published: NaiveDate, anchor: &str) -> DateStep {
    DateStep {
        article: article.id.clone(),
        start: 0,
        end: 0,
        text: format!("published {published}"),
        value: published.to_string(),
        anchor: anchor.into(),
        earliest: None,
        latest: None,
    }
}

/// One event from its mentions: evidence, date from the intersection of the dated passages
/// (conflicts kept and flagged), bounded by the earliest publication that reports it and,
/// if only announced as to come, by the last that announces it.
fn base_event(
    articles: &[Article],
    order: &HashMap<&str, usize>,
    mentions: &[Mention],
    members: &[usize],
    source_of: &[usize],
    names: &HashMap<String, String>,
) -> Event {
    let ms: Vec<&Mention> = members.iter().map(|&i| &mentions[i]).collect();
    let mut tally: HashMap<(&str, Role), usize> = HashMap::default();
    for p in ms.iter().flat_map(|m| &m.participants) {
        let name = names.get(&p.name).unwrap_or(&p.name);
        *tally.entry((name.as_str(), p.role)).or_default() += 1;
    }
    let mut participants: Vec<((&str, Role), usize)> = tally.into_iter().collect();
    participants.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    // Each name once, in the role the passages give it most.
    let mut named: HashSet<&str> = HashSet::default();
    participants.retain(|((name, _), _)| named.insert(name));
    // A generic happening one of whose reports names its field ("won the election") is filed
    // under that field.
    let kind = ms.iter().find_map(|m| m.field).unwrap_or(ms[0].kind);
    let mut evidence: Vec<Evidence> = Vec::new();
    let mut passage_at: HashMap<(usize, usize), usize> = HashMap::default();
    for m in &ms {
        let a = &articles[m.article];
        if let Some(&existing) = passage_at.get(&(m.article, m.start)) {
            if m.stance == Stance::Denies {
                evidence[existing].stance = Stance::Denies;
            }
            continue;
        }
        passage_at.insert((m.article, m.start), evidence.len());
        evidence.push(Evidence {
            article: a.id.clone(),
            start: m.span.0,
            end: m.span.1,
            quote: a.text[m.span.0..m.span.1].to_string(),
            stance: m.stance,
            hedged: m.hedged,
            context: Some(Span {
                start: m.start,
                end: m.end,
            }),
        });
    }

    evidence.sort_by_key(|e| (order.get(e.article.as_str()).copied(), e.start));
    // The key passage first: the fullest account among those that report it plainly.
    if let Some(key) = (0..evidence.len()).max_by_key(|&i| {
        let x = &evidence[i];
        (
            x.stance == Stance::Supports && !x.hedged,
            x.quote.split_whitespace().count(),
            std::cmp::Reverse(i),
        )
    }) {
        evidence[..=key].rotate_right(1);
    }
    let mut steps: Vec<DateStep> = Vec::new();
    let mut range: Option<DateRange> = None;
    let mut conflict = false;
    for m in &ms {
        let Some(link) = &m.time else { continue };
        let t = &link.timex;
        steps.push(DateStep {
            article: articles[m.article].id.clone(),
            start: t.start,
            end: t.end,
            text: t.text.clone(),
            value: t.value.clone(),
            anchor: match (&t.anchor, link.from_paragraph) {
                (Some(a), true) => format!("{a}; the paragraph's time"),
                (Some(a), false) => a.clone(),
                (None, true) => "the paragraph's time".into(),
                (None, false) => "stated".into(),
            },
            earliest: Some(link.range.earliest),
            latest: Some(link.range.latest),
        });
        range = Some(match range {
            None => link.range,
            Some(r) => r.intersect(&link.range).unwrap_or_else(|| {
                conflict = true;
                r.union(&link.range)
            }),
        });
    }
    // Reported as done: no later than the first publication that reports it ("will vote"
    // reports nothing done).
    let published_by = |m: &&Mention| articles[m.article].published.map(|d| (d, m.article));
    let first_report = ms
        .iter()
        .filter(|m| m.stance != Stance::Denies && m.tense != Tense::Future)
        .filter_map(published_by)
        .min();
    let (mut earliest, mut latest) = (range.map(|r| r.earliest), range.map(|r| r.latest));
    // Announced as to come, with no time of its own: no earlier than the last publication
    // that announces it before any reports it done.
    let last_announcement = ms
        .iter()
        .filter(|m| m.tense == Tense::Future && m.own_range().is_none())
        .filter_map(published_by)
        .filter(|&(d, _)| first_report.is_none_or(|(report, _)| d <= report))
        .max();
    if let Some((published, article)) = last_announcement
        && earliest.is_none_or(|e| e < published)
        && latest.is_none_or(|l| l >= published)
    {
        earliest = Some(published);
        let step = publication_step(&articles[article], published, "announced as to come then");
        steps.push(DateStep {
            earliest: Some(published),
            ..step
        });
    }
    if let Some((published, article)) = first_report
        && latest.is_none_or(|l| l > published)
        && earliest.is_none_or(|e| e <= published)
    {
        latest = Some(published);
        let step = publication_step(&articles[article], published, "reported as done by then");
        steps.push(DateStep {
            latest: Some(published),
            ..step
        });
    }
    if earliest.is_none() && latest.is_some() {
        earliest = None::<NaiveDate>;
    }
    let mut sources: Vec<usize> = ms
        .iter()
        .filter(|m| m.stance != Stance::Denies)
        .map(|m| source_of[m.article])
        .collect();
    sources.sort_unstable();
    sources.dedup();
    let disputed = evidence.iter().any(|e| e.stance == Stance::Denies)
        && evidence.iter().any(|e| e.stance != Stance::Denies);
    Event {
        id: EventId::default(),
        title: title(&ms, articles),
        kind: kind.as_str().to_string(),
        lane: lane_of(kind, &ms).to_string(),
        earliest,
        latest,
        best: None,
        date_basis: steps,
        evidence,
        sources: sources.len(),
        participants: participants
            .into_iter()
            .take(MAX_PARTICIPANTS)
            .map(|((name, role), _)| Participant {
                name: name.to_string(),
                role,
            })
            .collect(),
        disputed,
        date_conflict: conflict,
        origin: Origin::Extracted,
        ..Event::default()
    }
}

/// The words of a title as grouping compares them: lowercase, singular, no stop words.
fn title_words(phrase: &str) -> impl Iterator<Item = String> + '_ {
    phrase
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| w.len() > 2 && !extract::is_stopword(w))
        .map(|w| extract::singular(&w))
}

/// Whether every longer word of a phrase is capitalised, as in an article's own headline ("Army
/// Seizes Port City"), which reads worse as a title than a sentence's words.
fn capitalised_throughout(phrase: &str) -> bool {
    let long: Vec<&str> = phrase
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() > 3)
        .collect();
    long.len() >= 3 && long.iter().all(|w| w.starts_with(char::is_uppercase))
}

/// The mention whose phrase best says what the mentions tell: it names what was done to what
/// ("drone strike on a port facility") in the words most of the mentions use, and reports it
/// plainly where some mention does.
fn headline_mention<'a>(ms: &[&'a Mention]) -> Option<&'a Mention> {
    // How many of the mentions use each word, in their phrase or their sentence.
    let mut used_by: HashMap<String, usize> = HashMap::default();
    for m in ms {
        let mut words: HashSet<String> = title_words(&m.phrase).collect();
        words.extend(m.terms.iter().chain(m.context.iter()).cloned());
        for w in words {
            *used_by.entry(w).or_default() += 1;
        }
    }
    // How much of what the mentions say a phrase says: the share of mentions using each of its
    // words, summed (so that "Both imams appointed by the leader", which one article wrote,
    // loses to "Election of President Haddad", which most of them tell), in hundredths.
    let central = |p: &str| {
        let words: HashSet<String> = title_words(p).collect();
        let shared: usize = words
            .iter()
            .map(|w| used_by.get(w).copied().unwrap_or(0))
            .sum();
        shared * 100 / ms.len().max(1)
    };
    let plain = |m: &&&Mention| m.stance == Stance::Supports && !m.hedged && !m.anaphoric;
    let key = |m: &&&Mention| {
        let p = m.phrase.as_str();
        let words = p.split_whitespace().count();
        let content = p
            .split_whitespace()
            .filter(|w| !extract::is_stopword(&w.to_lowercase()))
            .count();
        let object = [" on ", " against ", " of ", " at "]
            .iter()
            .any(|w| p.contains(w));
        // "Reported by CNN" says less than "CNN report on the strike": nothing was done to what.
        let mut first_two = p.split_whitespace().map(str::to_lowercase);
        let subjectless_passive = first_two.next().is_some_and(|w| w.ends_with("ed"))
            && first_two.next().is_some_and(|w| w == "by");
        (
            p.chars().count() <= 70,
            !capitalised_throughout(p),
            words >= 3,
            !subjectless_passive,
            central(p),
            object,
            content.min(5),
            usize::MAX - words.abs_diff(7),
        )
    };
    let best = ms.iter().filter(plain).max_by_key(key);
    best.or_else(|| ms.iter().max_by_key(key)).copied()
}

/// A briefing line: the most common agent and the phrase of the [`headline_mention`].
fn title(ms: &[&Mention], articles: &[Article]) -> String {
    let mut agents: HashMap<&str, usize> = HashMap::default();
    for m in ms {
        if let Some(a) = &m.agent {
            *agents.entry(a.as_str()).or_default() += 1;
        }
    }
    let agent = agents
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.len().cmp(&a.0.len())))
        .map(|(a, _)| a);
    let best = headline_mention(ms);
    let phrase = best.map_or("", |m| m.phrase.as_str());
    let verbal = !best.is_some_and(|m| m.headline)
        && phrase
            .split_whitespace()
            .next()
            .is_some_and(|w| w.ends_with("ed") || w.ends_with('d'));
    let named = agent
        .and_then(|a| a.split_whitespace().last())
        .is_some_and(|last| phrase.to_lowercase().contains(&last.to_lowercase()));
    let mut line = match agent {
        Some(a) if (verbal || ms[0].kind.is_reporting()) && !named => format!("{a} {phrase}"),
        _ => phrase.to_string(),
    };
    // A bare "The minister said" reads better as what it is; a bare "attacked her", as the
    // words around it. Who did what in two words ("Singer dies", "Lopez rescued", as the
    // parse reads it) is a headline already.
    let subject_and_verb = named && !ms[0].kind.is_reporting() || best.is_some_and(|m| m.headline);
    if line.split_whitespace().count() <= 2 && !subject_and_verb {
        line = if let Some(a) = agent {
            format!("{} by {a}", ms[0].kind.as_str())
        } else {
            let m = ms
                .iter()
                .find(|m| m.stance != Stance::Denies)
                .unwrap_or(&ms[0]);
            words_around(&articles[m.article].text, m)
        };
    }
    if let Some(first) = line.chars().next() {
        line.replace_range(..first.len_utf8(), &first.to_uppercase().to_string());
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ingest::{Format, parse_file};

    fn day(iso: &str) -> NaiveDate {
        NaiveDate::parse_from_str(iso, "%Y-%m-%d").expect("a date")
    }

    /// The mentions of each text, read as an article of its own.
    fn mentions_of(texts: &[&str]) -> Vec<Mention> {
        texts
            .iter()
            .enumerate()
            .flat_map(|(i, text)| {
                let bytes = format!("date 2031-05-02\n{text}\n");
                let article = parse_file("a.txt", Format::Text, bytes.as_bytes())
                    .expect("parses")
                    .remove(0);
                extract::mentions(i, &article, &article.analyze())
            })
            .collect()
    }

    /// An event dated `from` to `to` with one passage of `article`.
    fn told_in(article: &Article, from: &str, to: &str) -> Event {
        Event {
            earliest: from.parse().ok(),
            latest: to.parse().ok(),
            evidence: vec![Evidence {
                article: article.id.clone(),
                start: 0,
                end: 4,
                quote: "Text".into(),
                stance: Stance::Supports,
                hedged: false,
                context: None,
            }],
            sources: 1,
            ..Event::default()
        }
    }

    #[test]
    fn a_target_years_after_its_reports_ranks_below_what_happened_and_what_is_scheduled() {
        let article = parse_file("a.txt", Format::Text, b"date 2010-06-01\nText.\n")
            .expect("parses")
            .remove(0);
        let dated = |from: &str, to: &str| told_in(&article, from, to);
        let mut events = [
            dated("2010-05-01", "2010-05-31"),
            dated("2010-07-01", "2010-07-31"),
            dated("2030-05-01", "2030-05-31"),
        ];
        rate_salience(&mut events, std::slice::from_ref(&article));
        let [past, scheduled, target] = events.map(|e| e.salience);
        assert!((past - 1.0).abs() < 1e-9, "{past}");
        assert!(
            (scheduled - past).abs() < 1e-9,
            "a month ahead is a schedule, not a target: {scheduled}"
        );
        assert!(target < past, "{target} {past}");
    }

    /// Of two events told alike, the one on a day the story's coverage peaked (three articles
    /// that day and the next, against one) is the more salient; a month-long event takes no
    /// day's coverage.
    #[test]
    fn an_event_of_a_day_of_much_coverage_is_more_salient() {
        let articles: Vec<Article> = ["2010-06-01", "2010-06-02", "2010-06-02", "2010-06-20"]
            .iter()
            .enumerate()
            .map(|(i, day)| {
                let text = format!("date {day}\nText.\n");
                parse_file(&format!("{i}.txt"), Format::Text, text.as_bytes())
                    .expect("parses")
                    .remove(0)
            })
            .collect();
        let told = |from: &str, to: &str, by: usize| told_in(&articles[by], from, to);
        let mut events = [
            told("2010-06-01", "2010-06-01", 0),
            told("2010-06-20", "2010-06-20", 3),
            told("2010-06-01", "2010-06-30", 3),
        ];
        rate_salience(&mut events, &articles);
        let [peak, quiet, month] = events.map(|e| e.salience);
        assert!(peak > quiet, "{peak} {quiet}");
        assert!(quiet > month, "{quiet} {month}");
    }

    #[test]
    fn a_mention_naming_another_agent_does_not_join_a_group() {
        let mentions = mentions_of(&[
            "Carlos Ortega resigned from the board on Monday.",
            "Carlos Ortega resigned from the board on Monday, a spokesman said.",
            "Erik Lindqvist resigned from the board on Monday.",
        ]);
        let resigned: Vec<usize> = (0..mentions.len())
            .filter(|&i| mentions[i].kind == mentions[0].kind)
            .collect();
        assert_eq!(resigned.len(), 3, "{mentions:#?}");
        let words = Words::new(&mentions);
        let first = &mentions[resigned[0]];
        let (phrase, context) = &words.of_mention[resigned[0]];
        let group = Group {
            members: vec![resigned[0]],
            phrase_terms: phrase.iter().copied().collect(),
            terms: phrase.iter().chain(context).map(|&t| (t, 1)).collect(),
            agents: agent_key(first.agent.as_ref()).into_iter().collect(),
            named_agents: named_agent_key(first).into_iter().collect(),
            senses: first.sense.iter().cloned().collect(),
            range: None,
            told: None,
        };
        let score = |i: usize| {
            let (phrase, context) = &words.of_mention[i];
            let agent = agent_key(mentions[i].agent.as_ref());
            let named = named_agent_key(&mentions[i]);
            similarity(
                &mentions[i],
                (phrase, context, &words),
                (agent.as_deref(), named.as_deref()),
                &group,
            )
        };
        assert!(
            score(resigned[1]) >= JOIN_THRESHOLD,
            "the same person: {}",
            score(resigned[1])
        );
        assert!(
            score(resigned[2]) < JOIN_THRESHOLD,
            "another person: {}",
            score(resigned[2])
        );
    }

    #[test]
    fn the_title_is_the_phrase_that_says_what_most_mentions_tell() {
        let mut mentions = mentions_of(&[
            "The city council approved the housing budget on Monday.",
            "On Monday the council approved the housing budget after a long debate.",
            "The council approved the housing budget on Monday, ending months of argument.",
            "Both aldermen picked by the governor approved the spending plan on Monday.",
        ]);
        let kind = mentions[0].kind;
        mentions.retain(|m| m.kind == kind);
        assert_eq!(mentions.len(), 4, "{mentions:#?}");
        // One article's odd wording, with the object and length the other rules favour.
        mentions[3].phrase = "Both aldermen approve it at the old town hall".into();
        for m in &mut mentions[..3] {
            m.phrase = "Council approves housing budget".into();
        }
        let refs: Vec<&Mention> = mentions.iter().collect();
        let chosen = headline_mention(&refs).expect("a headline");
        assert_eq!(chosen.phrase, "Council approves housing budget");
        // A subjectless passive loses to a phrase that says who did what.
        mentions[1].phrase = "Approved by the city council".into();
        mentions[2].phrase = "Approved by the city council".into();
        let refs: Vec<&Mention> = mentions.iter().collect();
        let chosen = headline_mention(&refs).expect("a headline");
        assert_eq!(chosen.phrase, "Council approves housing budget");
    }

    #[test]
    fn a_back_reference_dated_apart_does_not_join_its_articles_main_event() {
        // Whether the attack "the attack" names, dated by `when`, joins the article's
        // main attack.
        let joins = |when: &str| {
            let text = format!(
                "Rebels attacked the border town of Kessa on 3 March 2029, killing four \
                 soldiers. The attack {when} was worse."
            );
            let bytes = format!("date 2031-05-02\n{text}\n");
            let article = parse_file("a.txt", Format::Text, bytes.as_bytes())
                .expect("parses")
                .remove(0);
            let mentions = extract::mentions(0, &article, &article.analyze());
            let attacks: Vec<usize> = (0..mentions.len())
                .filter(|&i| mentions[i].kind == EventKind::Strike)
                .collect();
            assert_eq!(attacks.len(), 2, "{mentions:#?}");
            let back = &mentions[attacks[1]];
            assert!(back.anaphoric && back.time.is_some(), "{back:#?}");
            let groups = group(&mentions, &[article.published]);
            let group_of = |i: usize| groups.iter().position(|g| g.contains(&i));
            group_of(attacks[0]) == group_of(attacks[1])
        };
        assert!(joins("in March 2029"));
        assert!(!joins("in the last month"));
    }

    #[test]
    fn one_persons_political_acts_of_one_day_stay_apart() {
        let mentions = mentions_of(&[
            "Senator Ana Ruiz was sworn in at the Capitol on 3 May 2031.",
            "Senator Ana Ruiz was sworn in at the Capitol on 3 May 2031, aides said.",
            "Senator Ana Ruiz endorsed the governor at the Capitol on 3 May 2031.",
        ]);
        let political: Vec<usize> = (0..mentions.len())
            .filter(|&i| mentions[i].kind == EventKind::Politics)
            .collect();
        assert_eq!(political.len(), 3, "{mentions:#?}");
        let groups = group(&mentions, &[None; 3]);
        let group_of = |i: usize| groups.iter().position(|g| g.contains(&i));
        assert_eq!(group_of(political[0]), group_of(political[1]), "{groups:?}");
        assert_ne!(group_of(political[0]), group_of(political[2]), "{groups:?}");
    }

    #[test]
    fn a_withdrawal_told_without_what_it_left_joins_the_same_days_withdrawal_from_the_race() {
        let mentions = mentions_of(&[
            "Ana Ruiz withdrew from the presidential race on 3 May 2031.",
            "Ana Ruiz withdrew from the presidential race on 3 May 2031, aides said.",
            "Ana Ruiz withdrew on 3 May 2031.",
            "Ana Ruiz withdrew on 9 May 2031.",
        ]);
        let withdrawals: Vec<usize> = (0..mentions.len())
            .filter(|&i| {
                mentions[i]
                    .sense
                    .as_deref()
                    .is_some_and(|s| s.starts_with("withdraw"))
            })
            .collect();
        assert_eq!(withdrawals.len(), 4, "{mentions:#?}");
        assert_eq!(mentions[withdrawals[0]].kind, EventKind::Politics);
        assert_eq!(mentions[withdrawals[2]].kind, EventKind::Strike);
        let groups = group(&mentions, &[None; 4]);
        let group_of = |i: usize| groups.iter().position(|g| g.contains(&i));
        let race = group_of(withdrawals[0]);
        assert_eq!(race, group_of(withdrawals[1]), "{groups:?}");
        assert_eq!(race, group_of(withdrawals[2]), "{groups:?}");
        assert_ne!(race, group_of(withdrawals[3]), "{groups:?}");
    }

    /// Articles of one text each, published on the given days.
    fn articles_of(dated: &[(&str, &str)]) -> Vec<Article> {
        dated
            .iter()
            .enumerate()
            .map(|(i, (date, text))| {
                let bytes = format!("date {date}\n{text}\n");
                parse_file(&format!("a{i}.txt"), Format::Text, bytes.as_bytes())
                    .expect("parses")
                    .remove(0)
            })
            .collect()
    }

    /// The document of [`articles_of`] the texts.
    fn document_of(dated: &[(&str, &str)]) -> Document {
        let articles = articles_of(dated);
        let analyses: Vec<Analysis> = articles.iter().map(Article::analyze).collect();
        build(articles, &analyses, "Story")
    }

    #[test]
    fn an_election_won_told_with_and_without_its_object_is_one_political_event() {
        let document = document_of(&[
            (
                "2031-05-04",
                "Ana Ruiz won the presidential election on 3 May 2031.",
            ),
            (
                "2031-05-04",
                "Ana Ruiz won the presidential election on 3 May 2031, officials said.",
            ),
            ("2031-05-04", "Ana Ruiz won outright on 3 May 2031."),
        ]);
        let wins: Vec<&Event> = document
            .events
            .iter()
            .filter(|e| e.evidence.iter().any(|x| x.quote.contains("won")))
            .collect();
        assert_eq!(wins.len(), 1, "{wins:#?}");
        assert_eq!(wins[0].evidence.len(), 3, "{wins:#?}");
        assert_eq!(wins[0].lane, EventKind::Politics.lane(), "{wins:#?}");
    }

    #[test]
    fn an_event_announced_as_to_come_is_dated_after_the_announcement() {
        let votes = |document: &Document| -> Vec<(Option<NaiveDate>, Option<NaiveDate>)> {
            document
                .events
                .iter()
                .filter(|e| e.evidence.iter().any(|x| x.quote.contains("vote")))
                .map(|e| (e.earliest, e.latest))
                .collect()
        };
        let announced = [
            (
                "2031-05-02",
                "The parliament will vote to approve the new budget.",
            ),
            (
                "2031-05-04",
                "The parliament will vote to approve the new budget, officials said.",
            ),
        ];
        // Not "no later than the first announcement": on or after the last one.
        assert_eq!(
            votes(&document_of(&announced)),
            [(Some(day("2031-05-04")), None)]
        );
        // Announced on the 4th and reported done on the 6th: between the two.
        let done = [
            announced[0],
            announced[1],
            (
                "2031-05-06",
                "The parliament voted to approve the new budget, officials said.",
            ),
        ];
        assert_eq!(
            votes(&document_of(&done)),
            [(Some(day("2031-05-04")), Some(day("2031-05-06")))]
        );
    }

    /// The mentions of `kind` in the [`articles_of`] the texts, and the articles' publication
    /// days.
    fn dated_mentions(
        dated: &[(&str, &str)],
        kind: EventKind,
    ) -> (Vec<Mention>, Vec<Option<NaiveDate>>) {
        let articles = articles_of(dated);
        let mentions = articles
            .iter()
            .enumerate()
            .flat_map(|(i, article)| extract::mentions(i, article, &article.analyze()))
            .filter(|m| m.kind == kind)
            .collect();
        (mentions, articles.iter().map(|a| a.published).collect())
    }

    #[test]
    fn a_happening_told_in_the_past_or_future_joins_only_a_day_its_tense_allows() {
        let dated = [
            (
                "2015-02-03",
                "Lawmakers in the capital voted on Tuesday to approve the new budget.",
            ),
            // Told in the past two years before: another vote.
            (
                "2013-06-18",
                "Lawmakers in the capital voted to approve the new budget, officials said.",
            ),
            // Told as to come two years after: another vote.
            (
                "2017-05-16",
                "Lawmakers in the capital will vote to approve the new budget.",
            ),
            // Told in the past the next day, in the first report's words: the same vote.
            (
                "2015-02-04",
                "Lawmakers in the capital voted to approve the new budget.",
            ),
        ];
        let (mentions, published) = dated_mentions(&dated, EventKind::Politics);
        assert_eq!(mentions.len(), 4, "{mentions:#?}");
        assert_eq!(mentions[1].tense, Tense::Past);
        assert_eq!(mentions[2].tense, Tense::Future);
        let groups = group(&mentions, &published);
        let group_of = |i: usize| groups.iter().position(|g| g.contains(&i));
        assert_ne!(group_of(0), group_of(1), "{groups:?}");
        assert_ne!(group_of(0), group_of(2), "{groups:?}");
        assert_eq!(group_of(0), group_of(3), "{groups:?}");
        // The same articles without their publication days group as one vote.
        let groups = group(&mentions, &[None; 4]);
        assert_eq!(groups.len(), 1, "{groups:?}");
    }

    #[test]
    fn a_happening_told_as_to_come_is_no_happening_years_later() {
        let dated = [
            (
                "2008-04-05",
                "The opposition leader appealed on Friday against the ruling of the court.",
            ),
            // Told as to come eight years before: another appeal.
            (
                "2000-04-15",
                "The opposition leader will appeal against the ruling of the court.",
            ),
            // Told as to come a month before: the same appeal.
            (
                "2008-03-01",
                "The opposition leader will appeal against the ruling of the court.",
            ),
        ];
        let (mut mentions, published) = dated_mentions(&dated, EventKind::Justice);
        mentions.retain(|m| m.terms.iter().any(|t| t == "appeal"));
        assert_eq!(mentions.len(), 3, "{mentions:#?}");
        assert_eq!(mentions[1].tense, Tense::Future);
        let groups = group(&mentions, &published);
        let group_of = |i: usize| groups.iter().position(|g| g.contains(&i));
        assert_ne!(group_of(0), group_of(1), "{groups:?}");
        assert_eq!(group_of(0), group_of(2), "{groups:?}");
    }

    #[test]
    fn a_vague_own_time_does_not_lift_what_the_members_tenses_allow() {
        let range = |a: &str, b: &str| DateRange::new(day(a), day(b));
        // One member dated "this century", another told in the present in December 2010.
        let group = Group {
            range: range("2000-01-01", "2099-12-31"),
            told: range("2009-12-04", "2010-12-04"),
            ..Group::default()
        };
        assert!(group.admits(range("2010-06-01", "2010-06-01")));
        assert!(group.admits(None));
        assert!(!group.admits(range("2006-04-19", "2006-04-19")));
        // The members told in the past in a 2013 article and in the present in 2010: a 2012
        // day is allowed, one after the later publication is not.
        let told = spanned(
            range("2009-12-04", "2010-12-04"),
            DateRange::new(NaiveDate::MIN, day("2013-06-19")),
        );
        let group = Group {
            told,
            ..Group::default()
        };
        assert!(group.admits(range("2012-03-01", "2012-03-31")));
        assert!(!group.admits(range("2015-02-03", "2015-02-03")));
    }

    /// Whether a one-member group of `small_sense` merges into a three-member group telling a
    /// conviction in the same month, their words matching about as well (0.38) as articles
    /// telling one verdict in their own words do.
    fn merges(kind: EventKind, small_sense: &str) -> bool {
        let month = DateRange::new(day("2009-04-01"), day("2009-04-30"));
        let counted = |words: &[Word]| words.iter().map(|&w| (w, 1)).collect();
        let mut groups = vec![
            Group {
                members: vec![0, 1, 2],
                phrase_terms: [0, 1, 2, 3, 7].into_iter().collect(),
                terms: counted(&[0, 1, 2, 3, 7]),
                senses: ["convict".to_string()].into_iter().collect(),
                range: month,
                ..Group::default()
            },
            Group {
                members: vec![3],
                phrase_terms: [0, 4, 5].into_iter().collect(),
                terms: counted(&[0, 4, 5, 1, 6]),
                senses: [small_sense.to_string()].into_iter().collect(),
                range: DateRange::new(day("2009-04-13"), day("2009-04-13")),
                ..Group::default()
            },
        ];
        let by_term: HashMap<(EventKind, Word), Vec<usize>> =
            [((kind, 0), vec![0, 1])].into_iter().collect();
        let vocabulary = Words {
            of_mention: Vec::new(),
            weights: vec![1.0; 8],
        };
        merge_small_groups(&mut groups, &[kind, kind], &by_term, &vocabulary);
        groups[1].members.is_empty()
    }

    #[test]
    fn a_war_or_a_revolution_is_no_attack_told_in_other_words() {
        let group =
            |list: &[&str]| -> HashSet<String> { list.iter().map(ToString::to_string).collect() };
        let agree = |sense: &str, senses: &[&str]| {
            senses_agree(EventKind::Strike, &[sense.to_string()], &group(senses))
        };
        assert!(agree("bomb", &["attack"]), "an attack told as a bombing");
        assert!(!agree("war", &["attack"]));
        assert!(!agree("attack", &["revolt"]));
        assert!(!agree("revolt", &["war"]));
        assert!(agree("war", &["war", "attack"]));
    }

    #[test]
    fn groups_telling_the_same_legal_or_political_act_merge_on_fewer_shared_words() {
        assert!(merges(EventKind::Justice, "convict"));
        assert!(
            !merges(EventKind::Justice, "acquit"),
            "an acquittal is another act"
        );
        assert!(
            !merges(EventKind::Strike, "convict"),
            "other kinds need the usual overlap"
        );
    }

    #[test]
    fn a_release_and_a_violation_of_one_day_stay_apart() {
        let dated = [
            (
                "2031-05-02",
                "Police released the human rights activist Ana Ruiz from jail on Wednesday.",
            ),
            (
                "2031-05-02",
                "The human rights activist Ana Ruiz was released from jail on Wednesday, officials said.",
            ),
            (
                "2031-05-02",
                "Ana Ruiz denounced violations of human rights by the police in jail on Wednesday.",
            ),
        ];
        let (mentions, published) = dated_mentions(&dated, EventKind::Justice);
        let senses: Vec<Option<&str>> = mentions.iter().map(|m| m.sense.as_deref()).collect();
        assert_eq!(
            senses,
            [Some("release"), Some("release"), Some("violate")],
            "{mentions:#?}"
        );
        let groups = group(&mentions, &published);
        let group_of = |i: usize| groups.iter().position(|g| g.contains(&i));
        assert_eq!(group_of(0), group_of(1), "{groups:?}");
        assert_ne!(group_of(0), group_of(2), "{groups:?}");
    }

    #[test]
    fn a_state_told_in_the_present_does_not_join_a_happening_years_before() {
        let dated = [
            (
                "2008-10-19",
                "Police arrested the finance minister in the capital on Friday.",
            ),
            (
                "2008-10-20",
                "Police arrested the finance minister in the capital on Friday, officials said.",
            ),
            (
                "2011-08-10",
                "Police are arresting the finance minister in the capital.",
            ),
        ];
        let (mentions, published) = dated_mentions(&dated, EventKind::Arrest);
        assert_eq!(mentions.len(), 3, "{mentions:#?}");
        assert!(mentions[2].tense == Tense::Present && mentions[2].time.is_none());
        let groups = group(&mentions, &published);
        let group_of = |i: usize| groups.iter().position(|g| g.contains(&i));
        assert_eq!(group_of(0), group_of(1), "{groups:?}");
        assert_ne!(group_of(0), group_of(2), "{groups:?}");
    }
}
