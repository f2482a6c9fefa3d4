//! Sentence ends that punctuation does not mark: a perceptron trained on the English Web
//! Treebank decides, between two words of a sentence the punctuation rules of
//! [`crate::core::segment`] found, whether a new sentence starts there ("Thanks, Sean Here you
//! go", "08/16/2000 12:05 PM I just wanted…", "Sincerely, Traci"). It only adds ends: the rules'
//! ends stay.

use super::perceptron::{self, Training, Weights, feature, text_key};
use super::{Rng, tokenize::tokenize};
use crate::core::segment::{self, Paragraph, Sentence};
use crate::core::timex::lexicon;
use std::io;
use std::sync::OnceLock;

/// The model trained from the English Web Treebank, embedded in the binary.
const EMBEDDED: &[u8] = include_bytes!("../../../assets/nlp/en_ewt.sentences.gz");

/// The first bytes of a sentence model file, with its format version.
const MAGIC: &[u8; 8] = b"SLSNT\x00\x00\x03";

/// Rule sentences longer than this (in bytes) are left as they are: no real sentence is, and
/// the words of a 50 MB run-on paragraph would be held at once.
const MAX_SPLIT_BYTES: usize = 100_000;

/// A training text: the text, its paragraphs, and the byte offsets where its sentences end.
pub struct SentenceExample<'a> {
    /// The text.
    pub text: &'a str,
    /// Its paragraphs, as [`segment::paragraphs`] finds them.
    pub paragraphs: &'a [Paragraph],
    /// Where each gold sentence ends (byte offsets into `text`).
    pub ends: &'a [usize],
}

/// Decides where sentences end that the punctuation rules did not end.
pub struct SentenceSplitter {
    weights: Weights,
}

/// How a word is written: letters as `X`/`x`, digits as `d`, other characters as themselves,
/// runs collapsed, at most six ("Traci" → "Xx", "08/16/2000" → "d/d/d", ":-)" stays). Close to
/// the tagger's shape but not the same one: the trained splitter reads this one.
fn shape(word: &str) -> u64 {
    let mut out = String::new();
    for c in word.chars() {
        let class = if c.is_uppercase() {
            'X'
        } else if c.is_alphabetic() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if !out.ends_with(class) {
            out.push(class);
            if out.chars().count() == 6 {
                break;
            }
        }
    }
    text_key(&out)
}

/// A count in a few buckets: 0–4 themselves, then 5–7, 8–12, 13–20 and more.
fn bucket(n: usize) -> u64 {
    match n {
        0..=4 => n as u64,
        5..=7 => 5,
        8..=12 => 6,
        13..=20 => 7,
        _ => 8,
    }
}

/// The words of one stretch of text, with what the features read of each.
struct Words {
    lower: Vec<u64>,
    exact: Vec<u64>,
    shapes: Vec<u64>,
}

impl Words {
    fn new(text: &str, spans: &[(usize, usize)]) -> Self {
        let forms = spans.iter().map(|&(s, e)| &text[s..e]);
        Self {
            lower: forms.clone().map(|w| text_key(&w.to_lowercase())).collect(),
            exact: forms.clone().map(text_key).collect(),
            shapes: forms.map(shape).collect(),
        }
    }

    /// The value of word `i` in `values`, or a mark for before the start and after the end.
    fn at(values: &[u64], i: isize) -> u64 {
        usize::try_from(i)
            .ok()
            .and_then(|i| values.get(i).copied())
            .unwrap_or(if i < 0 { 1 } else { 2 })
    }
}

/// The features of the gap after word `k`, `since` words after the last sentence start.
fn features(words: &Words, k: usize, since: usize, out: &mut Vec<u64>) {
    let k = k as isize;
    let w = |j: isize| Words::at(&words.lower, j);
    let s = |j: isize| Words::at(&words.shapes, j);
    let after = bucket(words.lower.len() - k as usize - 1);
    let since = bucket(since);
    out.clear();
    out.extend_from_slice(&[
        feature(0, 0, 0, 0),
        feature(1, w(k), 0, 0),
        feature(2, w(k + 1), 0, 0),
        feature(3, w(k), w(k + 1), 0),
        feature(4, w(k - 1), w(k), 0),
        feature(5, w(k + 1), w(k + 2), 0),
        feature(6, s(k), s(k + 1), 0),
        feature(7, s(k - 1), s(k), s(k + 1)),
        feature(8, s(k), s(k + 1), s(k + 2)),
        feature(9, w(k), s(k + 1), 0),
        feature(10, s(k), w(k + 1), 0),
        feature(11, since, after, 0),
        feature(12, since, s(k + 1), 0),
        feature(13, after, s(k), 0),
        feature(14, Words::at(&words.exact, k + 1), 0, 0),
    ]);
}

/// Whether a sentence may end after word `k`: white space follows it, and it is not a colon (a
/// colon introduces what follows: "He said: the talks will resume" stays one sentence).
fn splittable(text: &str, spans: &[(usize, usize)], k: usize) -> bool {
    spans[k].1 != spans[k + 1].0 && &text[spans[k].0..spans[k].1] != ":"
}

/// Whether word `k` is an abbreviation whose period is followed by a day or month name ("until
/// 9 a.m. Tuesday", "at 5 p.m. Friday"): the date goes on, whatever the model learned of
/// capitals after "a.m.".
fn before_a_date(text: &str, spans: &[(usize, usize)], k: usize) -> bool {
    let Some(stem) = text[spans[k].0..spans[k].1].strip_suffix('.') else {
        return false;
    };
    if !segment::is_abbreviation(stem) {
        return false;
    }
    let next = text[spans[k + 1].0..spans[k + 1].1].to_lowercase();
    lexicon::weekday(&next).is_some() || lexicon::month(&next).is_some()
}

impl SentenceSplitter {
    /// The sentences of `text`: those of the punctuation rules, split further where the model
    /// sees a sentence end between two words separated by white space.
    pub fn sentences(&self, text: &str, paragraphs: &[Paragraph]) -> Vec<Sentence> {
        let mut out = Vec::new();
        let (mut feats, mut scores) = (Vec::new(), Vec::new());
        for sentence in segment::sentences(text, paragraphs) {
            if sentence.end - sentence.start > MAX_SPLIT_BYTES {
                out.push(sentence);
                continue;
            }
            let spans = tokenize(text, sentence.start, sentence.end);
            let words = Words::new(text, &spans);
            let mut start = (sentence.start, 0);
            for k in 0..spans.len().saturating_sub(1) {
                if !splittable(text, &spans, k) || before_a_date(text, &spans, k) {
                    continue;
                }
                features(&words, k, k - start.1, &mut feats);
                self.weights.scores(&feats, &mut scores);
                if scores[1] > scores[0] {
                    out.push(Sentence {
                        start: start.0,
                        end: spans[k].1,
                        paragraph: sentence.paragraph,
                    });
                    start = (spans[k + 1].0, k + 1);
                }
            }
            out.push(Sentence {
                start: start.0,
                ..sentence
            });
        }
        out
    }

    /// Trains on `examples` for `iterations` passes in an order shuffled by a fixed seed. Each
    /// gap between two words of a rule sentence is one decision; the gold answer is whether a
    /// gold sentence ends at the first word's end.
    pub fn train(examples: &[SentenceExample], iterations: usize) -> Self {
        struct Stretch {
            words: Words,
            gaps: Vec<(usize, bool)>,
        }
        let mut stretches = Vec::new();
        for example in examples {
            let text = example.text;
            for sentence in segment::sentences(text, example.paragraphs) {
                let spans = tokenize(text, sentence.start, sentence.end);
                let gaps = (0..spans.len().saturating_sub(1))
                    .filter(|&k| splittable(text, &spans, k))
                    .map(|k| (k, example.ends.binary_search(&spans[k].1).is_ok()))
                    .collect();
                stretches.push(Stretch {
                    words: Words::new(text, &spans),
                    gaps,
                });
            }
        }
        let mut training = Training::new(2);
        let mut order: Vec<usize> = (0..stretches.len()).collect();
        let mut rng = Rng::new(17);
        let (mut feats, mut scores) = (Vec::new(), Vec::new());
        for _ in 0..iterations {
            rng.shuffle(&mut order);
            for &i in &order {
                let stretch = &stretches[i];
                let mut start = 0;
                for &(k, ends) in &stretch.gaps {
                    features(&stretch.words, k, k - start, &mut feats);
                    training.scores(&feats, &mut scores);
                    // A margin perceptron: an answer right by less than one is corrected
                    // too, so that the words of sentences that go on learn to say so.
                    let truth = usize::from(ends);
                    if scores[truth] - scores[1 - truth] < 1.0 {
                        training.update(&feats, truth, 1 - truth);
                    }
                    training.tick();
                    if ends {
                        start = k + 1;
                    }
                }
            }
        }
        Self {
            weights: training.average(0.0, 1),
        }
    }

    /// The model file's bytes (gzip; the same model gives the same bytes).
    pub fn to_bytes(&self) -> io::Result<Vec<u8>> {
        perceptron::write_table(&self.weights, MAGIC)
    }

    /// Reads a model file written by [`SentenceSplitter::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> io::Result<Self> {
        Ok(Self {
            weights: perceptron::read_table(bytes, MAGIC, "sentence model", 2)?,
        })
    }
}

/// The embedded sentence model, read once (later calls are free).
pub fn splitter() -> Result<&'static SentenceSplitter, String> {
    static MODEL: OnceLock<Result<SentenceSplitter, String>> = OnceLock::new();
    perceptron::embedded(
        &MODEL,
        EMBEDDED,
        "sentence model",
        SentenceSplitter::from_bytes,
    )
}

/// The sentences of `text`: the punctuation rules' sentences, split further by the embedded
/// model (the rules' alone if it cannot be read).
pub fn sentences(text: &str, paragraphs: &[Paragraph]) -> Vec<Sentence> {
    match splitter() {
        Ok(model) => model.sentences(text, paragraphs),
        Err(_) => segment::sentences(text, paragraphs),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_where_unpunctuated_sentences_end_and_reads_back_what_it_wrote() {
        // Each line: a greeting with no full stop, then a sentence.
        let mut text = String::new();
        let mut ends = Vec::new();
        for name in ["Ann", "Bob", "Cy", "Dee", "Eve", "Flo", "Gus", "Hal"] {
            text.push_str("Hello ");
            text.push_str(name);
            ends.push(text.len());
            text.push_str(" We shipped the parts today.");
            ends.push(text.len());
            text.push_str("\n\n");
        }
        let paragraphs = segment::paragraphs(&text, 0);
        let example = SentenceExample {
            text: &text,
            paragraphs: &paragraphs,
            ends: &ends,
        };
        let trained = SentenceSplitter::train(&[example], 5);
        let probe = "Hello Kim We shipped the parts today.";
        let probe_paragraphs = segment::paragraphs(probe, 0);
        let split = |s: &SentenceSplitter| -> Vec<String> {
            s.sentences(probe, &probe_paragraphs)
                .iter()
                .map(|s| probe[s.start..s.end].to_string())
                .collect()
        };
        assert_eq!(
            split(&trained),
            ["Hello Kim", "We shipped the parts today."]
        );
        let read =
            SentenceSplitter::from_bytes(&trained.to_bytes().expect("written")).expect("read");
        assert_eq!(split(&read), split(&trained));
        assert!(SentenceSplitter::from_bytes(b"not a model").is_err());
        // A run-on paragraph longer than any sentence is left whole.
        let long = "Hello Kim We shipped the parts today ".repeat(3_000);
        let long_paragraphs = segment::paragraphs(&long, 0);
        assert_eq!(trained.sentences(&long, &long_paragraphs).len(), 1);
        assert!(
            trained
                .sentences(&long[..2_000], &segment::paragraphs(&long[..2_000], 0))
                .len()
                > 1
        );
    }
}
