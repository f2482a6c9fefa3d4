//! Event words (TimeML's EVENT): which words of a parsed sentence denote something that
//! happens, happened, or is said, planned or denied to happen, and their TimeML class. An
//! averaged perceptron over the parse — the word, its lemma and tags, its relation, its head and
//! its dependents — trained on TimeBank and AQUAINT (the TempEval-3 training data) by
//! `examples/train_events.rs` and embedded as `assets/nlp/events.model.gz`.

use super::perceptron::{self, Training, Weights, feature, text_key};
use super::{ParsedSentence, Rng};
use std::io;
use std::sync::OnceLock;

/// The model trained from TempEval-3's training data, embedded in the binary.
const EMBEDDED: &[u8] = include_bytes!("../../../assets/nlp/events.model.gz");

/// The first bytes of an event model file, with its format version.
const MAGIC: &[u8; 8] = b"SLEVT\x00\x00\x03";

/// TimeML's event classes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EventClass {
    /// Something that happens: "the ship sank", "the explosion".
    Occurrence,
    /// Someone tells of an event: "said", "reported".
    Reporting,
    /// An action about another event: "tried", "ordered", "denied".
    IAction,
    /// A state about another event: "believe", "want", "fear".
    IState,
    /// A state that holds for a while: "owns", "war".
    State,
    /// The start, end or continuation of an event: "began", "halted".
    Aspectual,
    /// Seeing or hearing an event: "saw", "heard".
    Perception,
}

impl EventClass {
    /// Every class, in the order of the model's outputs after "not an event".
    pub const ALL: [EventClass; 7] = [
        EventClass::Occurrence,
        EventClass::Reporting,
        EventClass::IAction,
        EventClass::IState,
        EventClass::State,
        EventClass::Aspectual,
        EventClass::Perception,
    ];

    /// TimeML's name (`OCCURRENCE`, `I_ACTION`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            EventClass::Occurrence => "OCCURRENCE",
            EventClass::Reporting => "REPORTING",
            EventClass::IAction => "I_ACTION",
            EventClass::IState => "I_STATE",
            EventClass::State => "STATE",
            EventClass::Aspectual => "ASPECTUAL",
            EventClass::Perception => "PERCEPTION",
        }
    }

    /// The class named `name` in TimeML.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == name)
    }

    /// The model's output for this class (0 is "not an event").
    fn output(self) -> usize {
        Self::ALL
            .iter()
            .position(|&c| c == self)
            .map_or(0, |i| i + 1)
    }
}

/// One sentence with the true class of each word, for training.
pub struct EventExample<'a> {
    /// The article text the sentence's spans point into.
    pub text: &'a str,
    /// The parsed sentence.
    pub sentence: &'a ParsedSentence,
    /// Per word: its class if it is an event word.
    pub classes: Vec<Option<EventClass>>,
}

/// The trained recogniser.
#[derive(Debug, Default)]
pub struct EventRecognizer {
    weights: Weights,
}

/// Fixed keys for the features of words outside the sentence or without a head.
const NONE: u64 = 1;

/// The features of word `i` of `sentence`.
fn features(text: &str, sentence: &ParsedSentence, i: usize, out: &mut Vec<u64>) {
    out.clear();
    let tokens = &sentence.tokens;
    let t = &tokens[i];
    let form = &text[t.start..t.end];
    let lower = form.to_lowercase();
    let starts: Vec<usize> = lower.char_indices().map(|(i, _)| i).collect();
    let suffix =
        |n: usize| text_key(&lower[starts.get(starts.len().saturating_sub(n)).map_or(0, |&i| i)..]);
    let (word, lemma, upos, xpos, rel) = (
        text_key(&lower),
        text_key(&t.lemma.to_lowercase()),
        text_key(t.upos),
        text_key(t.xpos),
        text_key(t.deprel),
    );
    let cap = u64::from(form.chars().next().is_some_and(char::is_uppercase));
    out.extend_from_slice(&[
        feature(0, 0, 0, 0),
        feature(1, word, 0, 0),
        feature(2, lemma, 0, 0),
        feature(3, upos, xpos, 0),
        feature(4, rel, 0, 0),
        feature(5, lemma, upos, 0),
        feature(6, suffix(3), upos, 0),
        feature(7, suffix(4), 0, 0),
        feature(8, lemma, rel, 0),
        feature(9, text_key(t.feats), 0, 0),
        feature(10, cap, upos, u64::from(i == 0)),
    ]);
    match t.head.checked_sub(1).and_then(|h| tokens.get(h)) {
        Some(head) => {
            let head_lemma = text_key(&head.lemma.to_lowercase());
            out.push(feature(11, head_lemma, 0, 0));
            out.push(feature(12, rel, text_key(head.upos), 0));
            out.push(feature(13, head_lemma, rel, 0));
            out.push(feature(14, lemma, head_lemma, 0));
        }
        None => out.push(feature(11, NONE, 0, 0)),
    }
    for c in sentence.children(i) {
        let child = &tokens[c];
        let child_rel = text_key(child.deprel);
        out.push(feature(15, child_rel, 0, 0));
        out.push(feature(
            16,
            child_rel,
            text_key(&child.lemma.to_lowercase()),
            0,
        ));
        out.push(feature(17, child_rel, upos, 0));
    }
    let near = |d: isize| {
        i.checked_add_signed(d)
            .and_then(|j| tokens.get(j))
            .map_or((NONE, NONE), |n| {
                (
                    text_key(&text[n.start..n.end].to_lowercase()),
                    text_key(n.xpos),
                )
            })
    };
    let (prev_word, prev_tag) = near(-1);
    let (next_word, next_tag) = near(1);
    let (_, prev2_tag) = near(-2);
    out.extend_from_slice(&[
        feature(18, prev_word, 0, 0),
        feature(19, next_word, 0, 0),
        feature(20, prev_tag, xpos, 0),
        feature(21, xpos, next_tag, 0),
        feature(22, prev2_tag, prev_tag, xpos),
        feature(23, prev_word, lemma, 0),
    ]);
}

impl EventRecognizer {
    /// The event words of a parsed sentence: (word index, class), in order.
    pub fn recognize(&self, text: &str, sentence: &ParsedSentence) -> Vec<(usize, EventClass)> {
        let (mut feats, mut scores) = (Vec::new(), Vec::new());
        (0..sentence.tokens.len())
            .filter_map(|i| {
                features(text, sentence, i, &mut feats);
                self.weights.scores(&feats, &mut scores);
                let best = perceptron::best(&scores, 0..=EventClass::ALL.len())?;
                best.checked_sub(1).map(|c| (i, EventClass::ALL[c]))
            })
            .collect()
    }

    /// Trains on `examples` for `iterations` passes in an order shuffled by a fixed seed.
    pub fn train(examples: &[EventExample], iterations: usize) -> Self {
        let mut training = Training::new(EventClass::ALL.len() + 1);
        let mut order: Vec<usize> = (0..examples.len()).collect();
        let mut rng = Rng::new(11);
        let (mut feats, mut scores) = (Vec::new(), Vec::new());
        for _ in 0..iterations {
            rng.shuffle(&mut order);
            for &e in &order {
                let example = &examples[e];
                for (i, class) in example.classes.iter().enumerate() {
                    let truth = class.map_or(0, EventClass::output);
                    features(example.text, example.sentence, i, &mut feats);
                    training.scores(&feats, &mut scores);
                    let guess = perceptron::best(&scores, 0..=EventClass::ALL.len()).unwrap_or(0);
                    training.update(&feats, truth, guess);
                    training.tick();
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

    /// Reads a model file written by [`EventRecognizer::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> io::Result<Self> {
        Ok(Self {
            weights: perceptron::read_table(
                bytes,
                MAGIC,
                "event model",
                EventClass::ALL.len() + 1,
            )?,
        })
    }

    /// How many features have weights.
    pub fn feature_count(&self) -> usize {
        self.weights.len()
    }
}

/// The embedded event model, read once (later calls are free).
pub fn recognizer() -> Result<&'static EventRecognizer, String> {
    static MODEL: OnceLock<Result<EventRecognizer, String>> = OnceLock::new();
    perceptron::embedded(&MODEL, EMBEDDED, "event model", EventRecognizer::from_bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::segment;

    #[test]
    fn learns_event_words_from_the_parse_and_reads_back_what_it_wrote() {
        let model = crate::core::nlp::model().expect("the language model");
        let text = "The army attacked the town. The town is quiet. Rebels attacked a base. \
                    The base is old. Police arrested the man. The man is tall.";
        let paragraphs = segment::paragraphs(text, 0);
        let parsed = model.parse(text, &segment::sentences(text, &paragraphs));
        let examples: Vec<EventExample> = parsed
            .iter()
            .map(|s| EventExample {
                text,
                sentence: s,
                classes: s
                    .tokens
                    .iter()
                    .map(|t| {
                        matches!(&text[t.start..t.end], "attacked" | "arrested")
                            .then_some(EventClass::Occurrence)
                    })
                    .collect(),
            })
            .collect();
        let trained = EventRecognizer::train(&examples, 5);
        let found = |r: &EventRecognizer, s: &ParsedSentence| -> Vec<String> {
            r.recognize(text, s)
                .into_iter()
                .map(|(w, _)| text[s.tokens[w].start..s.tokens[w].end].to_string())
                .collect()
        };
        assert_eq!(found(&trained, &parsed[0]), ["attacked"]);
        assert!(found(&trained, &parsed[1]).is_empty());
        let read =
            EventRecognizer::from_bytes(&trained.to_bytes().expect("written")).expect("read");
        assert_eq!(found(&read, &parsed[4]), found(&trained, &parsed[4]));
        assert!(EventRecognizer::from_bytes(b"not a model").is_err());
    }
}
