//! Lemmas and morphological features, learned from the treebank: a word seen with its tag takes
//! its most frequent lemma and features; an unseen word takes the ending rule ("strip 3, add
//! y") most often seen with its tag and its longest known ending, and its tag's most frequent
//! features.

use super::perceptron;
use rustc_hash::{FxHashMap, FxHashSet};
use std::io::{self, Read, Write};

/// The irregular verbs of English: base, past, past participle ("/" between variants).
const IRREGULAR_VERBS: &str = include_str!("../../../assets/lexicon/irregular_verbs.tsv");

/// Each irregular past or participle form and its base ("fled" → "flee"), read on first use;
/// a form that is also a base ("lay", the past of "lie") is left out.
fn irregular_bases() -> &'static FxHashMap<&'static str, &'static str> {
    static TABLE: std::sync::OnceLock<FxHashMap<&'static str, &'static str>> =
        std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let rows: Vec<Vec<&str>> = IRREGULAR_VERBS
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| l.split('\t').collect())
            .collect();
        let bases: FxHashSet<&str> = rows.iter().filter_map(|r| r.first().copied()).collect();
        let mut out = FxHashMap::default();
        for row in &rows {
            for form in row[1..].iter().flat_map(|c| c.split('/')) {
                if !bases.contains(form) {
                    out.entry(form).or_insert(row[0]);
                }
            }
        }
        out
    })
}

/// The longest word ending a rule is keyed by.
const MAX_ENDING: usize = 5;

/// The learned lemma and feature tables.
#[derive(Debug, Default)]
pub struct Morphology {
    /// "lowercase form \t tag" → lemma.
    lemmas: FxHashMap<String, String>,
    /// "tag \t ending" → (characters to strip, text to add).
    rules: FxHashMap<String, (u8, String)>,
    /// "lowercase form \t tag" → features, and "tag" → its most frequent features.
    feats: FxHashMap<String, String>,
    /// Every lemma of the table, lowercase: the words an ending rule should arrive at.
    known: FxHashSet<String>,
    /// "UPOS lemma" of every lemma of the table, lowercase ("VERB blame", "NOUN walkout").
    class_known: FxHashSet<String>,
    /// Each verb lemma's past participle as the treebank writes it (the first in order).
    participles: FxHashMap<String, String>,
    /// "lowercase form \t UPOS" → the lemma of the form under the first of its fine tags (in
    /// byte order): "rose" as a verb is "rise" even when tagged present tense.
    class_lemmas: FxHashMap<String, String>,
}

/// The lemmas of a table, lowercase.
fn known_lemmas(lemmas: &FxHashMap<String, String>) -> FxHashSet<String> {
    lemmas.values().map(|l| l.to_lowercase()).collect()
}

/// "UPOS lemma" of every lemma of a table, lowercase.
fn class_known_lemmas(lemmas: &FxHashMap<String, String>) -> FxHashSet<String> {
    lemmas
        .iter()
        .filter_map(|(key, lemma)| {
            let (_, tag) = key.split_once('\t')?;
            let (word_class, _) = tag.split_once(' ')?;
            Some(format!("{word_class} {}", lemma.to_lowercase()))
        })
        .collect()
}

/// Each lemma's past participle in a table ("shoot" → "shot"), built once when the table is.
fn learned_participles(lemmas: &FxHashMap<String, String>) -> FxHashMap<String, String> {
    let mut out: FxHashMap<String, String> = FxHashMap::default();
    for (key, lemma) in lemmas {
        let Some(form) = key.strip_suffix("\tVERB VBN") else {
            continue;
        };
        let kept = out.entry(lemma.clone()).or_insert_with(|| form.to_string());
        if form < kept.as_str() {
            *kept = form.to_string();
        }
    }
    out
}

/// Each form's lemma under its word class (the UPOS part of the tag), from a table keyed by the
/// full tag: the lemma of the first such key in byte order.
fn class_lemmas(lemmas: &FxHashMap<String, String>) -> FxHashMap<String, String> {
    let mut keys: Vec<&String> = lemmas.keys().collect();
    keys.sort_unstable();
    let mut out: FxHashMap<String, String> = FxHashMap::default();
    for key in keys {
        let Some((word_class, _)) = key.rsplit_once(' ') else {
            continue;
        };
        out.entry(word_class.to_string())
            .or_insert_with(|| lemmas[key].clone());
    }
    out
}

/// One training word: form, tag ("UPOS XPOS"), lemma, features.
pub type MorphWord = (String, String, String, String);

/// The most frequent value of each key.
fn most_frequent<V: Clone + Ord + std::hash::Hash>(
    counts: FxHashMap<String, FxHashMap<V, usize>>,
    min: usize,
) -> FxHashMap<String, V> {
    counts
        .into_iter()
        .filter_map(|(key, values)| {
            let total: usize = values.values().sum();
            let (value, _) = values
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))?;
            (total >= min).then_some((key, value))
        })
        .collect()
}

/// Whether a tag is a proper noun's (its lemma keeps its case).
fn proper(tag: &str) -> bool {
    tag.starts_with("PROPN")
}

/// Prefixes after which a verb bends as its stem does ("rebuilt", "undergone", "withheld").
const VERB_PREFIXES: &[&str] = &[
    "re", "un", "out", "over", "under", "mis", "with", "fore", "up", "pre", "be",
];

impl Morphology {
    /// Learns the tables from training words.
    pub fn train(words: &[MorphWord]) -> Self {
        let mut lemmas: FxHashMap<String, FxHashMap<String, usize>> = FxHashMap::default();
        let mut rules: FxHashMap<String, FxHashMap<(u8, String), usize>> = FxHashMap::default();
        let mut feats: FxHashMap<String, FxHashMap<String, usize>> = FxHashMap::default();
        for (form, tag, lemma, feat) in words {
            let lower = form.to_lowercase();
            *lemmas
                .entry(format!("{lower}\t{tag}"))
                .or_default()
                .entry(lemma.clone())
                .or_default() += 1;
            *feats
                .entry(format!("{lower}\t{tag}"))
                .or_default()
                .entry(feat.clone())
                .or_default() += 1;
            *feats
                .entry(tag.clone())
                .or_default()
                .entry(feat.clone())
                .or_default() += 1;
            if proper(tag) {
                continue;
            }
            let Some(rule) = rule_of(&lower, &lemma.to_lowercase()) else {
                continue;
            };
            let chars: Vec<char> = lower.chars().collect();
            for n in 0..=MAX_ENDING.min(chars.len()) {
                let ending: String = chars[chars.len() - n..].iter().collect();
                *rules
                    .entry(format!("{tag}\t{ending}"))
                    .or_default()
                    .entry(rule.clone())
                    .or_default() += 1;
            }
        }
        let lemmas = most_frequent(lemmas, 1);
        Self {
            known: known_lemmas(&lemmas),
            class_known: class_known_lemmas(&lemmas),
            participles: learned_participles(&lemmas),
            class_lemmas: class_lemmas(&lemmas),
            lemmas,
            rules: most_frequent(rules, 2),
            feats: most_frequent(feats, 1),
        }
    }

    /// The lemma and the morphological features (`_` when none are known) of `form` tagged
    /// `tag`; `is_word` tells whether a lowercase word is one the model has seen in text
    /// (an unseen verb form's lemma is looked for among them).
    pub fn analyse(&self, form: &str, tag: &str, is_word: &dyn Fn(&str) -> bool) -> (String, &str) {
        let lower = form.to_lowercase();
        let mut key = String::with_capacity(lower.len() + tag.len() + 1);
        key.push_str(&lower);
        key.push('\t');
        key.push_str(tag);
        let feats = self
            .feats
            .get(&key)
            .or_else(|| self.feats.get(tag))
            .map_or("_", String::as_str);
        if let Some(lemma) = self.lemmas.get(&key) {
            return (lemma.clone(), feats);
        }
        if proper(tag) {
            return (form.to_string(), feats);
        }
        // A form seen in its word class under another fine tag ("rose" tagged VBP) keeps the
        // lemma it had there.
        if let Some((word_class, _)) = tag.split_once(' ') {
            key.truncate(lower.len() + 1);
            key.push_str(word_class);
            if let Some(lemma) = self.class_lemmas.get(&key) {
                return (lemma.clone(), feats);
            }
        }
        if let Some(base) = self.irregular_lemma(&lower, tag) {
            return (base, feats);
        }
        // A one-syllable "-ie" verb the treebank lacks ("vying", as "dying" is "die").
        let one_syllable_ie = |stem: &&str| {
            tag.ends_with(" VBG") && stem.len() == 1 && !stem.starts_with(['a', 'e', 'i', 'o', 'u'])
        };
        if let Some(stem) = lower.strip_suffix("ying").filter(one_syllable_ie) {
            return (format!("{stem}ie"), feats);
        }
        if let Some(lemma) = self.regular_lemma(&lower, tag, is_word) {
            return (lemma, feats);
        }
        // The rule of the longest ending that arrives at a known lemma ("bombed": "-bed" as in
        // "described" gives "bombe", "-ed" gives "bomb"); else the longest ending's.
        let starts: Vec<usize> = lower.char_indices().map(|(i, _)| i).collect();
        let mut first: Option<String> = None;
        for n in (0..=MAX_ENDING.min(starts.len())).rev() {
            let cut = starts.get(starts.len() - n).copied().unwrap_or(lower.len());
            key.clear();
            key.push_str(tag);
            key.push('\t');
            key.push_str(&lower[cut..]);
            if let Some((strip, add)) = self.rules.get(&key) {
                let keep = starts.len().saturating_sub(usize::from(*strip));
                let end = starts.get(keep).copied().unwrap_or(lower.len());
                let lemma = format!("{}{add}", &lower[..end]);
                if lemma.is_empty() {
                    continue;
                }
                if self.known.contains(&lemma) {
                    return (lemma, feats);
                }
                first.get_or_insert(lemma);
            }
        }
        (first.unwrap_or(lower), feats)
    }

    /// The base of an irregular verb's past form the treebank lacks ("fled" → "flee", "sank" →
    /// "sink", "slain" → "slay"; past and participle tags also with a prefix: "misled" →
    /// "mislead", "overthrew" → "overthrow"), unless the form is itself a verb the treebank
    /// knows ("wound").
    fn irregular_lemma(&self, lower: &str, tag: &str) -> Option<String> {
        if !tag.starts_with("VERB ") || tag == "VERB VBG" {
            return None;
        }
        let table = irregular_bases();
        let prefixed = || {
            VERB_PREFIXES.iter().find_map(|prefix| {
                let stem = lower.strip_prefix(prefix)?;
                table.get(stem).map(|base| format!("{prefix}{base}"))
            })
        };
        let base = match table.get(lower) {
            Some(base) => Some((*base).to_string()),
            None if matches!(tag, "VERB VBD" | "VERB VBN") => prefixed(),
            None => None,
        }?;
        // Looked up only for the few forms the table holds.
        (!self.class_known.contains(&format!("VERB {lower}"))).then_some(base)
    }

    /// The lemma of a regular form the treebank lacks, by the spelling rules of English: a
    /// verb's past or "-ing" form ([`Morphology::regular_verb_lemma`]), a noun's plural or a
    /// verb's "-s" form ("walkouts" → "walkout", "ceremonies" → "ceremony", "taxes" → "tax",
    /// "avalanches" → "avalanche"). Of two spellings the one that is a lemma of the word's
    /// class in the treebank wins, else the one that is a word the model has seen; None when
    /// the rules do not decide.
    fn regular_lemma(
        &self,
        lower: &str,
        tag: &str,
        is_word: &dyn Fn(&str) -> bool,
    ) -> Option<String> {
        let (word_class, _) = tag.split_once(' ')?;
        if !lower.bytes().all(|b| b.is_ascii_lowercase()) {
            return None;
        }
        let pick = |a: String, b: String| -> Option<String> {
            let known = |w: &str| self.class_known.contains(&format!("{word_class} {w}"));
            match (known(&a), known(&b)) {
                (true, false) => return Some(a),
                (false, true) => return Some(b),
                _ => {}
            }
            match (is_word(&a), is_word(&b)) {
                (true, false) => Some(a),
                (false, true) => Some(b),
                _ => None,
            }
        };
        match tag {
            "VERB VBD" | "VERB VBN" | "VERB VBG" => Self::regular_verb_lemma(lower, tag, &pick),
            "VERB VBZ" | "NOUN NNS" => Self::singular(lower, &pick),
            _ => None,
        }
    }

    /// The lemma of a verb's past or "-ing" form ("blamed" → "blame", "toppling" → "topple",
    /// "scammed" → "scam", "levied" → "levy"): a one-syllable stem whose vowel is one letter
    /// before one consonant had doubled it if it ended there ("voted" is not "vot"); no word
    /// ends in "-pl", "-v" or "-u". Else `pick` chooses between the stem with and without an
    /// "e" ("resumed", "visited").
    fn regular_verb_lemma(
        lower: &str,
        tag: &str,
        pick: &dyn Fn(String, String) -> Option<String>,
    ) -> Option<String> {
        let stem = lower
            .strip_suffix("ed")
            .filter(|_| tag != "VERB VBG")
            .or_else(|| lower.strip_suffix("ing").filter(|_| tag == "VERB VBG"))?;
        let letters: Vec<char> = stem.chars().collect();
        if letters.len() < 2 || !letters.iter().any(|&c| is_vowel(c) || c == 'y') {
            return None;
        }
        let (last, before) = (letters[letters.len() - 1], letters[letters.len() - 2]);
        if last == 'i' && tag != "VERB VBG" {
            // "levied", "quarried".
            return Some(format!("{}y", &stem[..stem.len() - 1]));
        }
        if last == before && !is_vowel(last) {
            // "scammed", "controlled"; "killed", "passed" keep both letters.
            let single = stem[..stem.len() - 1].to_string();
            return pick(single.clone(), stem.to_string()).or(Some(if "lsfz".contains(last) {
                stem.to_string()
            } else {
                single
            }));
        }
        let with_e = format!("{stem}e");
        let consonant = |c: char| !is_vowel(c) && c != 'y';
        let needs_e = match last {
            'u' | 'v' | 'c' => true,
            'e' => tag != "VERB VBG",
            'l' | 'r' => consonant(before) && !"lrwn".contains(before),
            'g' => "rld".contains(before),
            _ => false,
        };
        if needs_e || one_short_syllable(&letters) {
            return Some(with_e);
        }
        if is_vowel(last) || "wxy".contains(last) {
            return Some(stem.to_string());
        }
        pick(stem.to_string(), with_e)
    }

    /// The lemma of a plural or "-s" form: "-ies" is "-y" ("ceremonies"; "movies" when the
    /// word is known), "-es" after s, x, z, ch or sh is dropped unless the form with its "e"
    /// is the known one ("taxes", "caucuses"; "avalanches", "cases"), else the "s" alone.
    fn singular(lower: &str, pick: &dyn Fn(String, String) -> Option<String>) -> Option<String> {
        let stem = lower.strip_suffix('s')?;
        if stem.len() < 2 || ["s", "u", "i"].iter().any(|e| stem.ends_with(e)) {
            // "class", "status", "analysis": not plurals.
            return None;
        }
        if let Some(base) = stem.strip_suffix("ie").filter(|b| b.len() >= 2) {
            let y = format!("{base}y");
            return pick(y.clone(), stem.to_string()).or(Some(y));
        }
        if ["ve", "ise", "yse", "ic"].iter().any(|e| stem.ends_with(e)) {
            // "knives", "crises", "analyses", "politics": the learned endings know them.
            return None;
        }
        if let Some(base) = stem.strip_suffix('e') {
            let sibilant = ["s", "x", "z", "ch", "sh"]
                .iter()
                .any(|e| base.ends_with(e));
            if sibilant {
                let short = base.to_string();
                // "-ses" ("cases", "purses") keeps its "e" unless "-uses", "-sses", and so
                // does a "z" after a vowel ("mobilizes", "prizes").
                let keep_e =
                    (base.ends_with('s') && !base.ends_with("ss") && !base.ends_with("us"))
                        || ["az", "ez", "iz", "oz", "uz", "yz"]
                            .iter()
                            .any(|e| base.ends_with(e));
                return pick(short.clone(), stem.to_string()).or(Some(if keep_e {
                    stem.to_string()
                } else {
                    short
                }));
            }
        }
        Some(stem.to_string())
    }

    /// The past participle the treebank writes for a verb's lemma ("shoot" → "shot"), else the
    /// regular one ("seize" → "seized", "carry" → "carried", "kill" → "killed").
    pub fn participle(&self, lemma: &str) -> String {
        if let Some(form) = self.participles.get(lemma) {
            return form.clone();
        }
        // A prefixed verb bends as its stem does: "rebuild" as "build", "undergo" as "go".
        for prefix in VERB_PREFIXES {
            if let Some(form) = lemma
                .strip_prefix(prefix)
                .filter(|stem| stem.len() >= 2)
                .and_then(|stem| self.participles.get(stem))
            {
                return format!("{prefix}{form}");
            }
        }
        let consonant_y = lemma.ends_with('y')
            && lemma
                .chars()
                .rev()
                .nth(1)
                .is_some_and(|c| !"aeiou".contains(c));
        if lemma.ends_with('e') {
            format!("{lemma}d")
        } else if consonant_y {
            format!("{}ied", &lemma[..lemma.len() - 1])
        } else {
            format!("{lemma}ed")
        }
    }

    /// Every (lowercase form, lemma) pair the table learned, under any tag.
    pub fn pairs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.lemmas.iter().filter_map(|(key, lemma)| {
            let (form, _) = key.split_once('\t')?;
            Some((form, lemma.as_str()))
        })
    }

    /// Writes the tables (sorted, so the same tables give the same bytes).
    pub fn write(&self, out: &mut impl Write) -> io::Result<()> {
        let pairs = |map: &FxHashMap<String, String>| {
            let mut v: Vec<(String, String)> =
                map.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
            v.sort_unstable();
            v.into_iter()
                .unzip::<String, String, Vec<String>, Vec<String>>()
        };
        for map in [&self.lemmas, &self.feats] {
            let (keys, values) = pairs(map);
            perceptron::write_strings(out, &keys)?;
            perceptron::write_strings(out, &values)?;
        }
        let mut rules: Vec<(&String, &(u8, String))> = self.rules.iter().collect();
        rules.sort_unstable();
        let keys: Vec<String> = rules.iter().map(|(k, _)| (*k).clone()).collect();
        let adds: Vec<String> = rules.iter().map(|(_, (_, a))| a.clone()).collect();
        perceptron::write_strings(out, &keys)?;
        perceptron::write_strings(out, &adds)?;
        let strips: Vec<u8> = rules.iter().map(|(_, (s, _))| *s).collect();
        out.write_all(&strips)
    }

    /// Reads tables written by [`Morphology::write`].
    pub fn read(input: &mut impl Read) -> io::Result<Self> {
        let mut maps = Vec::new();
        for _ in 0..2 {
            let keys = perceptron::read_strings(input)?;
            let values = perceptron::read_strings(input)?;
            if keys.len() != values.len() {
                return Err(io::Error::new(io::ErrorKind::InvalidData, "table sizes"));
            }
            maps.push(keys.into_iter().zip(values).collect::<FxHashMap<_, _>>());
        }
        let keys = perceptron::read_strings(input)?;
        let adds = perceptron::read_strings(input)?;
        let mut strips = vec![0u8; keys.len()];
        input.read_exact(&mut strips)?;
        if adds.len() != keys.len() {
            return Err(io::Error::new(io::ErrorKind::InvalidData, "rule sizes"));
        }
        let rules = keys.into_iter().zip(strips.into_iter().zip(adds)).collect();
        let feats = maps.pop().unwrap_or_default();
        let lemmas = maps.pop().unwrap_or_default();
        Ok(Self {
            known: known_lemmas(&lemmas),
            class_known: class_known_lemmas(&lemmas),
            participles: learned_participles(&lemmas),
            class_lemmas: class_lemmas(&lemmas),
            lemmas,
            rules,
            feats,
        })
    }
}

/// Whether a letter is a vowel (y aside).
fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// Whether a stem is one syllable whose one-letter vowel comes before one final consonant
/// other than w, x or y ("blam", "vot", "quak": the "u" after "q" is no vowel): such a verb
/// doubles that consonant before "-ed" and "-ing", so a form that did not double it has an "e".
fn one_short_syllable(letters: &[char]) -> bool {
    let vowel_at =
        |i: usize| is_vowel(letters[i]) && !(letters[i] == 'u' && i > 0 && letters[i - 1] == 'q');
    let vowels: Vec<usize> = (0..letters.len()).filter(|&i| vowel_at(i)).collect();
    let n = letters.len();
    vowels.len() == 1
        && vowels[0] == n - 2
        && !is_vowel(letters[n - 1])
        && !"wxy".contains(letters[n - 1])
}

/// The ending rule that turns `form` into `lemma` (both lowercase): characters to strip from the
/// end, text to add. None when the two share no beginning (suppletive: "went" → "go").
fn rule_of(form: &str, lemma: &str) -> Option<(u8, String)> {
    let (f, l): (Vec<char>, Vec<char>) = (form.chars().collect(), lemma.chars().collect());
    let common = f.iter().zip(&l).take_while(|(a, b)| a == b).count();
    if common == 0 && !f.is_empty() {
        return None;
    }
    let strip = u8::try_from(f.len() - common).ok()?;
    Some((strip, l[common..].iter().collect()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(form: &str, tag: &str, lemma: &str) -> MorphWord {
        (form.into(), tag.into(), lemma.into(), "_".into())
    }

    #[test]
    fn learned_endings_reach_unseen_words() {
        let words = vec![
            word("walked", "VERB VBD", "walk"),
            word("talked", "VERB VBD", "talk"),
            word("parties", "NOUN NNS", "party"),
            word("cities", "NOUN NNS", "city"),
            word("went", "VERB VBD", "go"),
            word("Smiths", "PROPN NNPS", "Smith"),
        ];
        let m = Morphology::train(&words);
        let lemma = |form: &str, tag: &str| m.analyse(form, tag, &|_| false).0;
        assert_eq!(lemma("jumped", "VERB VBD"), "jump");
        assert_eq!(lemma("Ladies", "NOUN NNS"), "lady");
        assert_eq!(lemma("went", "VERB VBD"), "go");
        assert_eq!(lemma("Obamas", "PROPN NNPS"), "Obamas");
        let mut bytes = Vec::new();
        m.write(&mut bytes).expect("written");
        let read = Morphology::read(&mut bytes.as_slice()).expect("read");
        assert_eq!(read.analyse("jumped", "VERB VBD", &|_| false).0, "jump");
    }

    #[test]
    fn a_form_tagged_with_another_fine_tag_of_its_class_keeps_its_lemma() {
        let words = vec![
            word("rose", "VERB VBD", "rise"),
            word("rose", "NOUN NN", "rose"),
            word("walks", "VERB VBZ", "walk"),
        ];
        let m = Morphology::train(&words);
        let lemma = |form: &str, tag: &str| m.analyse(form, tag, &|_| false).0;
        assert_eq!(lemma("rose", "VERB VBP"), "rise");
        assert_eq!(lemma("Rose", "NOUN NNS"), "rose");
        let mut bytes = Vec::new();
        m.write(&mut bytes).expect("written");
        let read = Morphology::read(&mut bytes.as_slice()).expect("read");
        assert_eq!(read.analyse("rose", "VERB VBP", &|_| false).0, "rise");
    }

    #[test]
    fn an_ending_rule_that_arrives_at_a_known_lemma_wins() {
        let words = vec![
            word("described", "VERB VBD", "describe"),
            word("prescribed", "VERB VBD", "prescribe"),
            word("walked", "VERB VBD", "walk"),
            word("talked", "VERB VBD", "talk"),
            word("jumped", "VERB VBD", "jump"),
            word("bomb", "NOUN NN", "bomb"),
        ];
        let m = Morphology::train(&words);
        // "-bed" (described) would give "bombe"; "-ed" gives the known "bomb".
        assert_eq!(m.analyse("bombed", "VERB VBD", &|_| false).0, "bomb");
        // With no known lemma in reach, the longest ending still decides.
        assert_eq!(m.analyse("inscribed", "VERB VBD", &|_| false).0, "inscribe");
    }

    #[test]
    fn an_unseen_one_syllable_ie_verb_keeps_its_ie() {
        let words = vec![
            word("carrying", "VERB VBG", "carry"),
            word("playing", "VERB VBG", "play"),
        ];
        let m = Morphology::train(&words);
        assert_eq!(m.analyse("vying", "VERB VBG", &|_| false).0, "vie");
        assert_eq!(m.analyse("Tying", "VERB VBG", &|_| false).0, "tie");
        assert_eq!(m.analyse("burying", "VERB VBG", &|_| false).0, "bury");
        assert_eq!(m.analyse("praying", "VERB VBG", &|_| false).0, "pray");
    }

    #[test]
    fn an_unseen_irregular_past_takes_its_base() {
        let m = Morphology::train(&[
            word("walked", "VERB VBD", "walk"),
            word("wound", "VERB VB", "wound"),
        ]);
        assert_lemmas(
            &m,
            &[],
            &[
                ("fled", "VERB VBD", "flee"),
                ("sped", "VERB VBN", "speed"),
                ("sank", "VERB VBP", "sink"),
                ("slain", "VERB VB", "slay"),
                ("misled", "VERB VBD", "mislead"),
                ("overthrew", "VERB VBD", "overthrow"),
                ("wound", "VERB VBD", "wound"),
                ("lay", "VERB VBD", "lay"),
            ],
        );
    }

    /// Checks each (form, tag, lemma) with `seen` the words the model has seen.
    fn assert_lemmas(m: &Morphology, seen: &[&str], cases: &[(&str, &str, &str)]) {
        for (form, tag, expected) in cases {
            let lemma = m.analyse(form, tag, &|w| seen.contains(&w)).0;
            assert_eq!(lemma, *expected, "{form}");
        }
    }

    #[test]
    fn an_unseen_regular_verb_form_takes_the_spelling_rules_of_english() {
        let m = Morphology::train(&[
            word("walked", "VERB VBD", "walk"),
            word("fined", "VERB VBD", "fin"),
            word("fin", "NOUN NN", "fin"),
            word("killed", "VERB VBD", "kill"),
        ]);
        let seen = ["resume", "visit", "control", "pasta", "past", "paste"];
        let is_word = |w: &str| seen.contains(&w);
        let lemma = |form: &str, tag: &str| m.analyse(form, tag, &is_word).0;
        assert_lemmas(
            &m,
            &seen,
            &[
                // One short syllable not doubled, so an "e" was dropped.
                ("blamed", "VERB VBD", "blame"),
                ("voting", "VERB VBG", "vote"),
                ("quaked", "VERB VBN", "quake"),
                // A doubled consonant, one of them added.
                ("scammed", "VERB VBD", "scam"),
                ("controlled", "VERB VBN", "control"),
                ("spilling", "VERB VBG", "spill"),
                // No English word ends so.
                ("toppling", "VERB VBG", "topple"),
                ("argued", "VERB VBD", "argue"),
                ("massacred", "VERB VBD", "massacre"),
                ("agreed", "VERB VBD", "agree"),
                ("levied", "VERB VBD", "levy"),
                ("vetoed", "VERB VBD", "veto"),
                ("swayed", "VERB VBN", "sway"),
                // A word seen in text decides.
                ("resumed", "VERB VBD", "resume"),
                ("visited", "VERB VBD", "visit"),
            ],
        );
        // A seen form keeps the treebank's lemma, and adjectives are not verbs.
        assert_eq!(lemma("fined", "VERB VBD"), "fin");
        assert_eq!(lemma("scared", "ADJ JJ"), "scared");
        // Both spellings words: the learned endings decide, as before.
        assert_eq!(
            m.regular_lemma("pasted", "VERB VBD", &is_word),
            None,
            "past or paste"
        );
    }

    #[test]
    fn an_unseen_plural_or_s_form_takes_the_spelling_rules_of_english() {
        let m = Morphology::train(&[
            word("cars", "NOUN NNS", "car"),
            word("case", "NOUN NN", "case"),
            word("walks", "VERB VBZ", "walk"),
        ]);
        let seen = ["movie", "avalanche"];
        let is_word = |w: &str| seen.contains(&w);
        assert_lemmas(
            &m,
            &seen,
            &[
                ("walkouts", "NOUN NNS", "walkout"),
                ("ceremonies", "NOUN NNS", "ceremony"),
                ("movies", "NOUN NNS", "movie"),
                ("taxes", "VERB VBZ", "tax"),
                ("mobilizes", "VERB VBZ", "mobilize"),
                ("caucuses", "NOUN NNS", "caucus"),
                ("clashes", "NOUN NNS", "clash"),
                ("avalanches", "NOUN NNS", "avalanche"),
                ("cases", "NOUN NNS", "case"),
                ("purses", "NOUN NNS", "purse"),
                ("pleads", "VERB VBZ", "plead"),
            ],
        );
        // Not plurals, or plurals the learned endings know better.
        for form in [
            "class",
            "status",
            "analysis",
            "crises",
            "knives",
            "statistics",
        ] {
            assert_eq!(m.regular_lemma(form, "NOUN NNS", &is_word), None, "{form}");
        }
    }

    #[test]
    fn participles_are_learned_or_regular() {
        let words = vec![
            word("shot", "VERB VBN", "shoot"),
            word("shot", "VERB VBD", "shoot"),
        ];
        let m = Morphology::train(&words);
        assert_eq!(m.participle("shoot"), "shot");
        assert_eq!(m.participle("seize"), "seized");
        assert_eq!(m.participle("carry"), "carried");
        assert_eq!(m.participle("delay"), "delayed");
        assert_eq!(m.participle("kill"), "killed");
    }
}
