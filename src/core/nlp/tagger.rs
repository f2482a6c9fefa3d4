//! Part-of-speech tagging: two greedy averaged perceptrons over word, affix, shape and context
//! features (after Honnibal's "good POS tagger in about 200 lines"), one reading the sentence
//! left to right and one right to left, whose scores are added for each word (as bidirectional
//! taggers combine the two readings: each sees the tags it has already given on its own side),
//! predicting the universal and the Penn tag together ("NOUN NN"), with a dictionary of frequent
//! unambiguous words.

use super::clusters::Clusters;
use super::perceptron::{self, Training, Weights, feature, text_key};
use rustc_hash::FxHashMap;
use std::io::{self, Read, Write};

/// A word seen this often, with one tag at least this share of the time, takes it directly.
const DICT_MIN_COUNT: usize = 20;
const DICT_MIN_SHARE: f64 = 0.97;

/// What the features need of each word, computed once per sentence.
struct WordKeys {
    /// The word in lower case (the dictionary's key).
    text: String,
    lower: u64,
    suffixes: [u64; 4],
    prefixes: [u64; 3],
    shape: u64,
    /// Capitalised, has a digit, has a hyphen.
    flags: u64,
    /// The keys of its fine and coarse word class.
    class: [u64; 2],
}

fn word_keys(form: &str, class: [u64; 2]) -> WordKeys {
    let lower = form.to_lowercase();
    // Byte offsets of the character boundaries: affixes are slices of the lowercase word.
    let starts: Vec<usize> = lower.char_indices().map(|(i, _)| i).collect();
    let count = starts.len();
    let suffix =
        |n: usize| text_key(&lower[starts.get(count.saturating_sub(n)).map_or(0, |&i| i)..]);
    let prefix = |n: usize| text_key(&lower[..starts.get(n).copied().unwrap_or(lower.len())]);
    let mut shape = String::new();
    for c in form.chars().take(24) {
        let class = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if !shape.ends_with(class) {
            shape.push(class);
        }
    }
    let flags = u64::from(form.chars().next().is_some_and(char::is_uppercase))
        | u64::from(form.chars().any(|c| c.is_ascii_digit())) << 1
        | u64::from(form.contains('-')) << 2
        | u64::from(form.chars().all(char::is_uppercase)) << 3;
    WordKeys {
        lower: text_key(&lower),
        suffixes: [suffix(1), suffix(2), suffix(3), suffix(4)],
        prefixes: [prefix(1), prefix(2), prefix(3)],
        shape: text_key(&shape),
        flags,
        class,
        text: lower,
    }
}

/// Marks for positions before and after the sentence.
const START: u64 = 1;
const END: u64 = 2;

/// A tag as the features read it in the history (apart from the [`START`] and [`END`] marks).
fn history_key(tag: usize) -> u64 {
    tag as u64 + 16
}

/// Which way a tagger reads the sentence.
#[derive(Clone, Copy)]
enum Reading {
    /// First word first: "previous" and "before" are to the left.
    Forward,
    /// Last word first: "previous" and "before" are to the right.
    Backward,
}

impl Reading {
    /// The step from a word to the next one read.
    fn step(self) -> isize {
        match self {
            Reading::Forward => 1,
            Reading::Backward => -1,
        }
    }

    /// The sentence's word indices in reading order.
    fn order(self, len: usize) -> impl Iterator<Item = usize> {
        (0..len).map(move |k| match self {
            Reading::Forward => k,
            Reading::Backward => len - 1 - k,
        })
    }
}

/// The features of word `i` read in `reading`, after `history`: the tags of the two words read
/// just before it, the nearer first. Offsets below count in reading order: -1 is the word read
/// before.
fn features(
    words: &[WordKeys],
    i: usize,
    reading: Reading,
    history: (u64, u64),
    out: &mut Vec<u64>,
) {
    let (prev, prev2) = history;
    out.clear();
    let w = &words[i];
    let at = |j: isize| -> Option<&WordKeys> {
        usize::try_from(i as isize + j * reading.step())
            .ok()
            .and_then(|j| words.get(j))
    };
    let word_or = |j: isize, edge: u64| at(j).map_or(edge, |k| k.lower);
    let suffix3_or = |j: isize, edge: u64| at(j).map_or(edge, |k| k.suffixes[2]);
    let first = u64::from(at(-1).is_none());
    out.extend([
        feature(0, 0, 0, 0),
        feature(1, w.lower, 0, 0),
        feature(2, w.suffixes[0], 0, 0),
        feature(3, w.suffixes[1], 0, 0),
        feature(4, w.suffixes[2], 0, 0),
        feature(5, w.suffixes[3], 0, 0),
        feature(6, w.prefixes[0], 0, 0),
        feature(7, w.prefixes[1], 0, 0),
        feature(8, w.prefixes[2], 0, 0),
        feature(9, w.shape, 0, 0),
        feature(10, w.flags, first, 0),
        feature(11, prev, 0, 0),
        feature(12, prev, prev2, 0),
        feature(13, prev, w.lower, 0),
        feature(14, word_or(-1, START), 0, 0),
        feature(15, suffix3_or(-1, START), 0, 0),
        feature(16, word_or(-2, START), 0, 0),
        feature(17, word_or(1, END), 0, 0),
        feature(18, suffix3_or(1, END), 0, 0),
        feature(19, word_or(2, END), 0, 0),
        feature(20, at(1).map_or(END, |k| k.shape), 0, 0),
        feature(21, w.lower, word_or(1, END), 0),
        feature(22, word_or(-1, START), w.lower, 0),
        feature(23, prev, w.suffixes[2], 0),
        feature(24, w.shape, prev, 0),
        feature(25, w.class[0], 0, 0),
        feature(26, w.class[1], prev, 0),
        feature(27, at(1).map_or(END, |k| k.class[0]), 0, 0),
        feature(28, at(-1).map_or(START, |k| k.class[0]), 0, 0),
        feature(29, w.class[1], at(1).map_or(END, |k| k.class[1]), 0),
    ]);
}

/// The trained tagger.
#[derive(Debug, Default)]
pub struct Tagger {
    /// Tags as "UPOS XPOS".
    pub tags: Vec<String>,
    /// The left-to-right reading's weights.
    forward: Weights,
    /// The right-to-left reading's weights.
    backward: Weights,
    dictionary: FxHashMap<String, u16>,
}

impl Tagger {
    /// The tag indices of `forms`: the right-to-left reading's scores of each word, kept, are
    /// added to the left-to-right reading's, and the sum decides.
    pub fn tag(&self, forms: &[&str], classes: &[[u64; 2]]) -> Vec<usize> {
        let words: Vec<WordKeys> = forms
            .iter()
            .zip(classes)
            .map(|(f, &class)| word_keys(f, class))
            .collect();
        let n_tags = self.tags.len();
        let mut backward = vec![0.0f32; words.len() * n_tags];
        self.read_in(&words, Reading::Backward, &self.backward, |i, scores| {
            backward[i * n_tags..][..n_tags].copy_from_slice(scores);
        });
        self.read_in(&words, Reading::Forward, &self.forward, |i, scores| {
            for (score, b) in scores.iter_mut().zip(&backward[i * n_tags..][..n_tags]) {
                *score += b;
            }
        })
    }

    /// One reading of the sentence with `weights`: each word's tag in sentence order, from the
    /// dictionary or from its scores once `adjust` has seen them (with the word's index).
    fn read_in(
        &self,
        words: &[WordKeys],
        reading: Reading,
        weights: &Weights,
        mut adjust: impl FnMut(usize, &mut [f32]),
    ) -> Vec<usize> {
        let mut out = vec![0; words.len()];
        let (mut feats, mut scores) = (Vec::new(), Vec::new());
        let mut history = (START, START);
        for i in reading.order(words.len()) {
            let tag = if let Some(&t) = self.dictionary.get(&words[i].text) {
                usize::from(t)
            } else {
                features(words, i, reading, history, &mut feats);
                weights.scores(&feats, &mut scores);
                adjust(i, &mut scores);
                perceptron::best(&scores, 0..self.tags.len()).unwrap_or(0)
            };
            out[i] = tag;
            history = (history_key(tag), history.0);
        }
        out
    }

    /// Trains on sentences of (form, tag) for `iterations` passes in an order shuffled by a
    /// fixed seed; `prune` drops small weights and rarely updated features
    /// (see [`Training::average`]).
    pub fn train(
        sentences: &[Vec<(String, String)>],
        iterations: usize,
        prune: (f32, u32),
        clusters: &Clusters,
    ) -> Self {
        let mut tags: Vec<String> = sentences.iter().flatten().map(|(_, t)| t.clone()).collect();
        tags.sort_unstable();
        tags.dedup();
        let tag_index: FxHashMap<&str, usize> = tags
            .iter()
            .enumerate()
            .map(|(i, t)| (t.as_str(), i))
            .collect();
        // Frequent unambiguous words.
        let mut counts: FxHashMap<String, FxHashMap<usize, usize>> = FxHashMap::default();
        for (form, tag) in sentences.iter().flatten() {
            *counts
                .entry(form.to_lowercase())
                .or_default()
                .entry(tag_index[tag.as_str()])
                .or_default() += 1;
        }
        let mut dictionary = FxHashMap::default();
        for (word, by_tag) in &counts {
            let total: usize = by_tag.values().sum();
            let (&tag, &n) = by_tag
                .iter()
                .max_by_key(|(t, n)| (**n, std::cmp::Reverse(**t)))
                .expect("counted");
            if total >= DICT_MIN_COUNT && n as f64 / total as f64 >= DICT_MIN_SHARE {
                dictionary.insert(word.clone(), tag as u16);
            }
        }
        let examples: Vec<(Vec<WordKeys>, Vec<usize>)> = sentences
            .iter()
            .map(|sentence| {
                let words = sentence
                    .iter()
                    .map(|(f, _)| word_keys(f, clusters.keys(f)))
                    .collect();
                let truth = sentence
                    .iter()
                    .map(|(_, tag)| tag_index[tag.as_str()])
                    .collect();
                (words, truth)
            })
            .collect();
        let train = |reading: Reading| {
            let mut training = Training::new(tags.len());
            let mut order: Vec<usize> = (0..examples.len()).collect();
            let mut rng = super::Rng::new(7);
            let (mut feats, mut scores) = (Vec::new(), Vec::new());
            for _ in 0..iterations {
                rng.shuffle(&mut order);
                for &s in &order {
                    let (words, truth) = &examples[s];
                    let mut history = (START, START);
                    for i in reading.order(words.len()) {
                        let guess = if let Some(&t) = dictionary.get(&words[i].text) {
                            usize::from(t)
                        } else {
                            features(words, i, reading, history, &mut feats);
                            training.scores(&feats, &mut scores);
                            let guess = perceptron::best(&scores, 0..tags.len()).unwrap_or(0);
                            training.update(&feats, truth[i], guess);
                            training.tick();
                            guess
                        };
                        history = (history_key(guess), history.0);
                    }
                }
            }
            training.average(prune.0, prune.1)
        };
        let (forward, backward) = (train(Reading::Forward), train(Reading::Backward));
        let mut dictionary: Vec<(String, u16)> = dictionary.into_iter().collect();
        dictionary.sort_unstable();
        Self {
            forward,
            backward,
            tags,
            dictionary: dictionary.into_iter().collect(),
        }
    }

    /// How many features have weights (both readings).
    pub fn feature_count(&self) -> usize {
        self.forward.len() + self.backward.len()
    }

    /// Writes the tagger.
    pub fn write(&self, out: &mut impl Write) -> io::Result<()> {
        perceptron::write_strings(out, &self.tags)?;
        let mut dictionary: Vec<(&String, &u16)> = self.dictionary.iter().collect();
        dictionary.sort_unstable();
        let words: Vec<String> = dictionary.iter().map(|(w, _)| (*w).clone()).collect();
        perceptron::write_strings(out, &words)?;
        for (_, tag) in &dictionary {
            out.write_all(&tag.to_le_bytes())?;
        }
        self.forward.write(out)?;
        self.backward.write(out)
    }

    /// Reads a tagger written by [`Tagger::write`].
    pub fn read(input: &mut impl Read) -> io::Result<Self> {
        let tags = perceptron::read_strings(input)?;
        let words = perceptron::read_strings(input)?;
        let mut dictionary = FxHashMap::default();
        for word in words {
            let tag = perceptron::read_u16(input)?;
            if usize::from(tag) >= tags.len() {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    "tag out of range",
                ));
            }
            dictionary.insert(word, tag);
        }
        let forward = Weights::read(input)?;
        let backward = Weights::read(input)?;
        if forward.classes() != tags.len() || backward.classes() != tags.len() {
            return Err(io::Error::new(io::ErrorKind::InvalidData, "tagger classes"));
        }
        Ok(Self {
            tags,
            forward,
            backward,
            dictionary,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_right_to_left_reading_decides_from_the_tags_that_follow() {
        // "zog" is a verb before a noun and an adjective before an adverb. The next word's
        // tag shows only in its first letters ("ka…" nouns, "po…" adverbs, all ending in
        // "-ment"): the left-to-right reading sees the next word's spelling and its last
        // letters, never its tag, so only the right-to-left reading can tell them apart.
        let stems = [
            "arb", "bel", "cor", "dun", "elm", "fal", "gir", "hul", "ist", "jor", "kel", "lom",
            "mur", "nid", "orp", "pav", "quil", "ros", "sab", "tur", "ulf", "vek", "wim", "yar",
        ];
        let mut data = Vec::new();
        for stem in stems {
            data.push(sentence(&[("zog", "V"), (&format!("ka{stem}ment"), "N")]));
            data.push(sentence(&[("zog", "A"), (&format!("po{stem}ment"), "R")]));
        }
        let tagger = Tagger::train(&data, 10, (0.0, 0), &Clusters::default());
        let tag = |words: &[&str]| -> Vec<String> {
            tagger
                .tag(words, &Clusters::default().classes_of(words))
                .into_iter()
                .map(|t| tagger.tags[t].clone())
                .collect()
        };
        // The left-to-right reading alone scores "zog" the same in both sentences.
        let forward_scores = |words: &[&str]| {
            let keys: Vec<WordKeys> = words.iter().map(|f| word_keys(f, [0, 0])).collect();
            let (mut feats, mut scores) = (Vec::new(), Vec::new());
            features(&keys, 0, Reading::Forward, (START, START), &mut feats);
            tagger.forward.scores(&feats, &mut scores);
            scores
        };
        assert_eq!(
            forward_scores(&["zog", "kaplonkment"]),
            forward_scores(&["zog", "poplonkment"])
        );
        assert_eq!(tag(&["zog", "kaplonkment"]), ["V", "N"]);
        assert_eq!(tag(&["zog", "poplonkment"]), ["A", "R"]);
    }

    fn sentence(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(w, t)| ((*w).to_string(), (*t).to_string()))
            .collect()
    }

    #[test]
    fn learns_tags_from_context_and_suffixes() {
        let data = vec![
            sentence(&[("the", "DET"), ("dogs", "NOUN"), ("bark", "VERB")]),
            sentence(&[("the", "DET"), ("cats", "NOUN"), ("sleep", "VERB")]),
            sentence(&[("a", "DET"), ("bird", "NOUN"), ("sings", "VERB")]),
            sentence(&[("the", "DET"), ("birds", "NOUN"), ("sing", "VERB")]),
        ];
        let tagger = Tagger::train(&data, 10, (0.0, 0), &Clusters::default());
        let tags: Vec<&str> = tagger
            .tag(
                &["the", "rats", "sleep"],
                &Clusters::default().classes_of(&["the", "rats", "sleep"]),
            )
            .into_iter()
            .map(|t| tagger.tags[t].as_str())
            .collect();
        assert_eq!(tags, ["DET", "NOUN", "VERB"]);
        assert_eq!(
            tagger.feature_count(),
            tagger.forward.len() + tagger.backward.len()
        );
        assert!(!tagger.backward.is_empty());
        let mut bytes = Vec::new();
        tagger.write(&mut bytes).expect("written");
        let read = Tagger::read(&mut bytes.as_slice()).expect("read");
        assert_eq!(
            read.tag(
                &["a", "dogs", "bark"],
                &Clusters::default().classes_of(&["a", "dogs", "bark"])
            ),
            tagger.tag(
                &["a", "dogs", "bark"],
                &Clusters::default().classes_of(&["a", "dogs", "bark"])
            )
        );
    }
}
