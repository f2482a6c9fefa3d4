//! Part-of-speech tagging: a greedy left-to-right averaged perceptron over word, affix, shape and
//! context features (after Honnibal's "good POS tagger in about 200 lines"), predicting the
//! universal and the Penn tag together ("NOUN NN"), with a dictionary of frequent unambiguous
//! words.

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

fn features(words: &[WordKeys], i: usize, prev: u64, prev2: u64, out: &mut Vec<u64>) {
    out.clear();
    let w = &words[i];
    let at = |j: isize| -> Option<&WordKeys> {
        usize::try_from(i as isize + j)
            .ok()
            .and_then(|j| words.get(j))
    };
    let word_or = |j: isize, edge: u64| at(j).map_or(edge, |k| k.lower);
    let suffix3_or = |j: isize, edge: u64| at(j).map_or(edge, |k| k.suffixes[2]);
    let first = u64::from(i == 0);
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
    weights: Weights,
    dictionary: FxHashMap<String, u16>,
}

impl Tagger {
    /// The tag indices of `forms`.
    pub fn tag(&self, forms: &[&str], classes: &[[u64; 2]]) -> Vec<usize> {
        let words: Vec<WordKeys> = forms
            .iter()
            .zip(classes)
            .map(|(f, &class)| word_keys(f, class))
            .collect();
        let mut out = Vec::with_capacity(forms.len());
        let (mut feats, mut scores) = (Vec::new(), Vec::new());
        let (mut prev, mut prev2) = (START, START);
        for (i, word) in words.iter().enumerate() {
            let tag = if let Some(&t) = self.dictionary.get(&word.text) {
                usize::from(t)
            } else {
                features(&words, i, prev, prev2, &mut feats);
                self.weights.scores(&feats, &mut scores);
                perceptron::best(&scores, 0..self.tags.len()).unwrap_or(0)
            };
            out.push(tag);
            (prev2, prev) = (prev, tag as u64 + 16);
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
        let mut training = Training::new(tags.len());
        let mut order: Vec<usize> = (0..sentences.len()).collect();
        let mut rng = super::Rng::new(7);
        let (mut feats, mut scores) = (Vec::new(), Vec::new());
        for _ in 0..iterations {
            rng.shuffle(&mut order);
            for &s in &order {
                let sentence = &sentences[s];
                let words: Vec<WordKeys> = sentence
                    .iter()
                    .map(|(f, _)| word_keys(f, clusters.keys(f)))
                    .collect();
                let (mut prev, mut prev2) = (START, START);
                for (i, ((_, tag), word)) in sentence.iter().zip(&words).enumerate() {
                    let truth = tag_index[tag.as_str()];
                    let guess = if let Some(&t) = dictionary.get(&word.text) {
                        usize::from(t)
                    } else {
                        features(&words, i, prev, prev2, &mut feats);
                        training.scores(&feats, &mut scores);
                        let guess = perceptron::best(&scores, 0..tags.len()).unwrap_or(0);
                        training.update(&feats, truth, guess);
                        training.tick();
                        guess
                    };
                    (prev2, prev) = (prev, guess as u64 + 16);
                }
            }
        }
        let mut dictionary: Vec<(String, u16)> = dictionary.into_iter().collect();
        dictionary.sort_unstable();
        Self {
            weights: training.average(prune.0, prune.1),
            tags,
            dictionary: dictionary.into_iter().collect(),
        }
    }

    /// How many features have weights.
    pub fn feature_count(&self) -> usize {
        self.weights.len()
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
        self.weights.write(out)
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
        let weights = Weights::read(input)?;
        if weights.classes() != tags.len() {
            return Err(io::Error::new(io::ErrorKind::InvalidData, "tagger classes"));
        }
        Ok(Self {
            tags,
            weights,
            dictionary,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
