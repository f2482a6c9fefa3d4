//! Ten general families of news events and the lexicon that assigns a predicate's lemma to one
//! of them, with a group shared by near-synonyms and nominalisations ("strike", "raid" and
//! "assault" → "attack"; "resignation" → "resign"). The lexicon is `assets/lexicon/
//! event_families.tsv`: general English news vocabulary, no word of any particular story (its
//! header gives the provenance).

use std::collections::HashMap;
use std::sync::OnceLock;

const LEXICON: &str = include_str!("../../assets/lexicon/event_families.tsv");

/// A family of events that fits any news story.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Family {
    /// Attacks, fighting, military action.
    Conflict,
    /// Accidents and natural disasters.
    Disaster,
    /// Crime, police, courts.
    Justice,
    /// Elections, appointments, protests, government.
    Politics,
    /// Markets, companies, trade, figures.
    Economy,
    /// Meetings, talks, agreements.
    Diplomacy,
    /// Disease and care.
    Health,
    /// Saying, reporting, denying.
    Statement,
    /// Laws, orders, sanctions, blockades.
    Policy,
    /// Happenings that fit no other family.
    Other,
}

impl Family {
    /// Every family, in lane order.
    pub const ALL: [Family; 10] = [
        Family::Conflict,
        Family::Disaster,
        Family::Justice,
        Family::Politics,
        Family::Economy,
        Family::Diplomacy,
        Family::Health,
        Family::Policy,
        Family::Statement,
        Family::Other,
    ];

    /// The id used in the lexicon and in documents.
    pub fn id(self) -> &'static str {
        match self {
            Family::Conflict => "conflict",
            Family::Disaster => "disaster",
            Family::Justice => "justice",
            Family::Politics => "politics",
            Family::Economy => "economy",
            Family::Diplomacy => "diplomacy",
            Family::Health => "health",
            Family::Statement => "statement",
            Family::Policy => "policy",
            Family::Other => "other",
        }
    }

    /// The family with this id.
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.id() == id)
    }

    /// The name of its lane.
    pub const fn label(self) -> &'static str {
        match self {
            Family::Conflict => "Conflict & attacks",
            Family::Disaster => "Disasters & accidents",
            Family::Justice => "Crime & justice",
            Family::Politics => "Politics & government",
            Family::Economy => "Economy & business",
            Family::Diplomacy => "Diplomacy & meetings",
            Family::Health => "Health",
            Family::Statement => "Statements & reports",
            Family::Policy => "Policy & regulation",
            Family::Other => "Other events",
        }
    }
}

/// What the lexicon says of one lemma.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sense {
    /// Its family.
    pub family: Family,
    /// The lemma its near-synonyms share ("attack" for "raid").
    pub group: &'static str,
}

fn lexicon() -> &'static HashMap<&'static str, Sense> {
    static TABLE: OnceLock<HashMap<&'static str, Sense>> = OnceLock::new();
    TABLE.get_or_init(|| {
        LEXICON
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let mut cols = l.split('\t');
                let (lemma, family, group) = (cols.next()?, cols.next()?, cols.next()?);
                let family = Family::from_id(family.trim())?;
                Some((
                    lemma.trim(),
                    Sense {
                        family,
                        group: group.trim(),
                    },
                ))
            })
            .collect()
    })
}

/// The family and group of a predicate's lemma (any case), if the lexicon knows it.
pub fn sense(lemma: &str) -> Option<Sense> {
    let table = lexicon();
    table
        .get(lemma)
        .or_else(|| table.get(lemma.to_lowercase().as_str()))
        .copied()
}

/// The plain group an object sense's group refines, by the lexicon's naming: "withdraw" for
/// `withdraw>candidacy`, "win" for `win>election`; `None` for any other group.
pub fn refined_group(group: &str) -> Option<&str> {
    group.split_once('>').map(|(plain, _)| plain)
}

/// The sense of a lemma used as a verb (`verbal`) or a noun: an entry `lemma:verb` overrides
/// the plain one for verbs ("fire:verb" is shooting, the noun "fire" a disaster).
pub fn sense_as(lemma: &str, verbal: bool) -> Option<Sense> {
    let lower = lemma.to_lowercase();
    verbal
        .then(|| lexicon().get(format!("{lower}:verb").as_str()).copied())
        .flatten()
        .or_else(|| sense(&lower))
}

/// The sense of a predicate with this particle (a phrasal verb's: "down" in "stepped down"),
/// this object (the lemma of its object, or of a passive's subject) and these modifiers (the
/// lemmas of its adjectives or adverbs): an entry `lemma+particle` overrides the others
/// ("step+down" is a resignation), then an entry `lemma>object` ("drop>charge" is a court's
/// act, a plain "drop" a fall of figures), then an entry `lemma<modifier` ("assault<sexual"
/// is a crime, a plain assault an attack), then the lemma's own. An object entry of the
/// group the phrasal verb or the lemma belongs to holds for all its members: "withdraw>name"
/// gives the sense of "the withdrawal of his name" and of "pulled out his name" too. A fight or
/// war whose object is a noun of health, the economy or justice takes that noun's sense ("the
/// battle against malaria" is an illness, not combat).
pub fn sense_with(
    lemma: &str,
    verbal: bool,
    particle: Option<&str>,
    object: Option<&str>,
    modifiers: &[&str],
) -> Option<Sense> {
    let lower = lemma.to_lowercase();
    let entry = |head: &str, joint: char, word: Option<&str>| {
        word.and_then(|w| {
            let key = format!("{head}{joint}{}", w.to_lowercase());
            lexicon().get(key.as_str()).copied()
        })
    };
    let with_group_object = |sense: Sense| entry(sense.group, '>', object).unwrap_or(sense);
    // A fight or war against a disease, inflation or corruption is a campaign in that field,
    // not combat ("the battle against malaria", "a war on inflation").
    let campaign = |sense: Sense| {
        let target = object.and_then(|o| self::sense(&o.to_lowercase()));
        match target {
            Some(t)
                if matches!(sense.group, "fight" | "war")
                    && matches!(t.family, Family::Health | Family::Economy | Family::Justice) =>
            {
                t
            }
            _ => sense,
        }
    };
    entry(&lower, '+', particle)
        .map(with_group_object)
        .or_else(|| entry(&lower, '>', object))
        .or_else(|| modifiers.iter().find_map(|&m| entry(&lower, '<', Some(m))))
        .or_else(|| sense_as(lemma, verbal).map(with_group_object))
        .map(campaign)
}

/// The disaster or illness `cause` (a lemma) names, if it names one: fire and blasts may be
/// weapons ("killed by army fire", "a bomb killed six") and are left out.
pub fn disaster_cause(cause: &str) -> Option<Sense> {
    self::sense(&cause.to_lowercase()).filter(|c| {
        matches!(c.family, Family::Disaster | Family::Health)
            && !matches!(c.group, "burn" | "explode")
    })
}

/// Nouns (lemmas) of the figures that rise and fall in the economy's sense: prices, shares,
/// currencies, rates, output, the measures of trade and work.
const FIGURE_NOUNS: &[&str] = &[
    "asset",
    "average",
    "benchmark",
    "bill",
    "bond",
    "borrowing",
    "budget",
    "capital",
    "commodity",
    "confidence",
    "consumption",
    "cost",
    "credit",
    "crude",
    "currency",
    "debt",
    "deficit",
    "demand",
    "deposit",
    "dividend",
    "dollar",
    "earning",
    "economy",
    "emission",
    "employment",
    "euro",
    "expenditure",
    "export",
    "fare",
    "fee",
    "figure",
    "fuel",
    "fund",
    "gasoline",
    "gdp",
    "gold",
    "growth",
    "import",
    "income",
    "index",
    "inflation",
    "interest",
    "inventory",
    "investment",
    "joblessness",
    "lending",
    "level",
    "loss",
    "margin",
    "market",
    "mortgage",
    "number",
    "oil",
    "order",
    "output",
    "pay",
    "peso",
    "petrol",
    "pound",
    "premium",
    "price",
    "production",
    "productivity",
    "profit",
    "rate",
    "rating",
    "rent",
    "reserve",
    "revenue",
    "rouble",
    "ruble",
    "rupee",
    "salary",
    "sale",
    "saving",
    "sentiment",
    "share",
    "silver",
    "spending",
    "stock",
    "supply",
    "surplus",
    "tariff",
    "tax",
    "total",
    "trade",
    "turnover",
    "unemployment",
    "valuation",
    "value",
    "volume",
    "wage",
    "yen",
    "yield",
    "yuan",
];

/// Whether a noun (a lemma) names a figure that rises and falls in the economy's sense.
pub fn is_figure_noun(lemma: &str) -> bool {
    FIGURE_NOUNS
        .binary_search(&lemma.to_lowercase().as_str())
        .is_ok()
}

/// The sense of a happening told with who or what did it (`cause`, a lemma): a killing a
/// disaster or a disease did is its toll ("the earthquake killed 300 people" is the earthquake,
/// "malaria kills thousands" an illness); other killings stay killings.
pub fn with_cause(sense: Sense, cause: Option<&str>) -> Sense {
    match cause.and_then(disaster_cause) {
        Some(toll) if sense.group == "kill" => toll,
        _ => sense,
    }
}

/// The lemma an entry is about: a verb sense's entry, "fire:verb", is its plain lemma's; an
/// entry for a predicate with an object, "drop>charge", a particle, "step+down", or a
/// modifier, "assault<sexual", its predicate's.
fn entry_lemma(key: &str) -> &str {
    let key = key.split(['>', '+', '<']).next().unwrap_or(key);
    key.strip_suffix(":verb").unwrap_or(key)
}

/// Every lemma the lexicon knows.
pub fn lemmas() -> impl Iterator<Item = &'static str> {
    lexicon().keys().map(|k| entry_lemma(k))
}

/// Whether some sense of `lemma` (lowercase) — as a noun, as a verb or with some object — is a
/// happening rather than a statement ("declare" is, in "declare a state of emergency").
pub fn names_event(lemma: &str) -> bool {
    static EVENT_LEMMAS: OnceLock<std::collections::HashSet<&'static str>> = OnceLock::new();
    EVENT_LEMMAS
        .get_or_init(|| {
            lexicon()
                .iter()
                .filter(|(_, sense)| sense.family != Family::Statement)
                .map(|(key, _)| entry_lemma(key))
                .collect()
        })
        .contains(lemma)
}

/// How many lemmas the lexicon knows.
pub fn lexicon_size() -> usize {
    lexicon().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figure_nouns_are_sorted_and_found_in_any_case() {
        assert!(
            FIGURE_NOUNS.windows(2).all(|w| w[0] < w[1]),
            "sorted, once each"
        );
        assert!(is_figure_noun("Price") && is_figure_noun("unemployment"));
        assert!(!is_figure_noun("soldier") && !is_figure_noun("body"));
    }

    #[test]
    fn every_line_of_the_lexicon_is_read_and_groups_stay_in_one_family() {
        let lines = LEXICON
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .count();
        assert_eq!(lexicon_size(), lines, "a malformed or repeated line");
        assert!(lines >= 500, "{lines} lemmas");
        for (lemma, s) in lexicon() {
            let lemma = lemma.trim_end_matches(":verb");
            let group = sense(s.group).unwrap_or_else(|| panic!("{lemma}: group {}", s.group));
            assert_eq!(group.family, s.family, "{lemma} and its group {}", s.group);
            // A group's entry is its own group, so a word's group gives back its sense.
            assert_eq!(group.group, s.group, "{lemma} and its group {}", s.group);
        }
    }

    #[test]
    fn synonyms_and_nominalisations_share_a_group() {
        assert_eq!(
            sense("raid").map(|s| s.group),
            sense("attack").map(|s| s.group)
        );
        assert_eq!(sense("resignation").map(|s| s.group), Some("resign"));
        for (verb, object, family) in [
            ("strike", "deal", Family::Diplomacy),
            ("strike", "base", Family::Conflict),
            ("withdraw", "name", Family::Politics),
            ("withdraw", "troop", Family::Conflict),
            ("fight", "charge", Family::Justice),
            ("fire", "minister", Family::Politics),
            ("fire", "missile", Family::Conflict),
            ("spend", "year", Family::Other),
            ("spend", "money", Family::Economy),
        ] {
            let found = sense_with(verb, true, None, Some(object), &[]).map(|s| s.family);
            assert_eq!(found, Some(family), "{verb} {object}");
        }
        for death in ["murder", "homicide", "assassination", "slay"] {
            assert_eq!(sense(death).map(|s| s.group), Some("kill"), "{death}");
        }
        assert_eq!(sense("Explosion").map(|s| s.family), Some(Family::Disaster));
        assert_eq!(sense("sing"), None);
        assert_eq!(
            sense_as("fire", true).map(|s| s.family),
            Some(Family::Conflict)
        );
        assert_eq!(
            sense_as("fire", false).map(|s| s.family),
            Some(Family::Disaster)
        );
    }

    #[test]
    fn an_object_can_change_a_predicate_s_sense() {
        let dropped = |object| sense_with("drop", true, None, object, &[]).map(|s| s.family);
        assert_eq!(dropped(Some("charge")), Some(Family::Justice));
        assert_eq!(dropped(Some("lawsuit")), Some(Family::Justice));
        assert_eq!(dropped(Some("price")), Some(Family::Economy));
        assert_eq!(dropped(Some("plan")), Some(Family::Other));
        assert_eq!(dropped(None), Some(Family::Economy));
        let declared = |object| sense_with("declare", true, None, object, &[]).map(|s| s.family);
        assert_eq!(declared(Some("state")), Some(Family::Policy));
        assert_eq!(declared(Some("war")), Some(Family::Conflict));
        assert_eq!(declared(None), Some(Family::Statement));
        assert!(names_event("declare") && names_event("attack") && !names_event("say"));
        assert!(lemmas().all(|l| !l.contains(['>', ':', '+', '<'])));
    }

    #[test]
    fn a_modifier_can_change_a_word_s_sense() {
        let family = |lemma, modifiers: &[&str]| {
            sense_with(lemma, false, None, None, modifiers).map(|s| s.family)
        };
        assert_eq!(family("assault", &["sexual"]), Some(Family::Justice));
        assert_eq!(
            family("attack", &["brutal", "sexual"]),
            Some(Family::Justice)
        );
        assert_eq!(family("attack", &["brutal"]), Some(Family::Conflict));
        assert_eq!(family("assault", &[]), Some(Family::Conflict));
    }

    #[test]
    fn a_particle_can_change_a_verb_s_sense() {
        let sense = |verb, particle, object| {
            sense_with(verb, true, particle, object, &[]).map(|s| (s.family, s.group))
        };
        assert_eq!(
            sense("step", Some("down"), None),
            Some((Family::Politics, "resign"))
        );
        assert_eq!(
            sense("lay", Some("off"), Some("worker")),
            sense("layoff", None, None)
        );
        // The particle decides before the object, and only where the lexicon lists the pair.
        assert_eq!(
            sense("withdraw", Some("out"), Some("name")).map(|s| s.0),
            Some(Family::Politics)
        );
        assert_eq!(
            sense("grow", Some("up"), None).map(|s| s.0),
            Some(Family::Other)
        );
        assert_eq!(
            sense("grow", None, None).map(|s| s.0),
            Some(Family::Economy)
        );
        assert_eq!(sense("sing", Some("along"), None), None);
        assert!(names_event("step") && names_event("swear"));
    }
}
