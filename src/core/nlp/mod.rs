//! Reading the language: words with byte spans, part-of-speech tags (universal and Penn), lemmas,
//! morphological features and a labelled dependency parse (Universal Dependencies relations) for
//! every sentence. The model is trained by Sightline from the English Web Treebank
//! (`examples/train_nlp.rs`) and embedded in the binary (`assets/nlp/`).

pub mod clusters;
pub mod conllu;
pub mod events;
mod lemma;
mod parser;
pub mod perceptron;
mod punct;
pub mod sentences;
mod tagger;
pub mod tokenize;

use crate::core::segment::Sentence;
use conllu::GoldSentence;
use std::io;
use std::sync::OnceLock;

/// Sentences longer than this many words are parsed in pieces of this size (and marked `cut`):
/// the parse of a run-on list of 2,000 words means little, and the bound keeps time linear.
pub const MAX_SENTENCE_WORDS: usize = 200;

/// The model trained from the English Web Treebank, embedded in the binary.
const EMBEDDED: &[u8] = include_bytes!("../../../assets/nlp/en_ewt.model.gz");

/// The first bytes of a model file, with its format version.
const MAGIC: &[u8; 8] = b"SLNLP\x00\x00\x05";

/// One word of a parsed sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    /// Byte offset of its first character in the article text.
    pub start: usize,
    /// Byte offset just past its last character.
    pub end: usize,
    /// Universal part of speech ("NOUN", "VERB", …).
    pub upos: &'static str,
    /// Penn Treebank tag ("NNS", "VBD", …).
    pub xpos: &'static str,
    /// Dictionary form ("strike" for "struck").
    pub lemma: String,
    /// Morphological features ("Number=Plur", "Mood=Ind|Tense=Past|VerbForm=Fin", or "_").
    pub feats: &'static str,
    /// The head word's 1-based index in the sentence; 0 for the root.
    pub head: usize,
    /// The Universal Dependencies relation to the head ("nsubj", "obj", "obl", …).
    pub deprel: &'static str,
}

/// Relations that start a clause of its own: a time or argument is not taken across them.
pub const CLAUSE_RELATIONS: &[&str] = &[
    "ccomp",
    "xcomp",
    "advcl",
    "acl",
    "parataxis",
    "conj",
    "csubj",
    "root",
];

/// A sentence's words with their parse.
#[derive(Clone, Debug, PartialEq)]
pub struct ParsedSentence {
    /// Byte offset of the sentence's first character.
    pub start: usize,
    /// Byte offset just past its last character.
    pub end: usize,
    /// Its words in order; `head` counts from 1.
    pub tokens: Vec<Token>,
    /// The sentence was longer than [`MAX_SENTENCE_WORDS`] and was parsed in pieces.
    pub cut: bool,
}

impl ParsedSentence {
    /// The 0-based indices of the words whose head is word `i` (0-based).
    pub fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.tokens
            .iter()
            .enumerate()
            .filter(move |(_, t)| t.head == i + 1)
            .map(|(j, _)| j)
    }

    /// The child of word `i` with a relation of this kind ("nsubj" also finds "nsubj:pass").
    fn child_with(&self, i: usize, relation: &str) -> Option<usize> {
        self.children(i).find(|&j| {
            let d = self.tokens[j].deprel;
            d == relation || d.split(':').next() == Some(relation)
        })
    }

    /// The subject of word `i` (a passive's subject too).
    pub fn subject_of(&self, i: usize) -> Option<usize> {
        self.child_with(i, "nsubj")
            .or_else(|| self.child_with(i, "csubj"))
    }

    /// The direct object of word `i`.
    pub fn object_of(&self, i: usize) -> Option<usize> {
        self.child_with(i, "obj")
    }

    /// The root word, if any.
    pub fn root(&self) -> Option<usize> {
        self.tokens.iter().position(|t| t.head == 0)
    }

    /// The head of word `i`, if it has one.
    pub fn head_of(&self, i: usize) -> Option<usize> {
        self.tokens[i]
            .head
            .checked_sub(1)
            .filter(|&h| h < self.tokens.len())
    }

    /// Whether word `a` is word `b` or one of its heads.
    pub fn dominates(&self, a: usize, b: usize) -> bool {
        let mut at = b;
        for _ in 0..=self.tokens.len() {
            if at == a {
                return true;
            }
            match self.head_of(at) {
                Some(h) => at = h,
                None => return false,
            }
        }
        false
    }

    /// The word that begins at byte `start`.
    pub fn word_at(&self, start: usize) -> Option<usize> {
        self.tokens.binary_search_by_key(&start, |t| t.start).ok()
    }

    /// The word of bytes `[start, end)` whose head lies outside them (the first if several):
    /// the head of the phrase they hold.
    pub fn head_within(&self, start: usize, end: usize) -> Option<usize> {
        let inside = |i: usize| self.tokens[i].start >= start && self.tokens[i].end <= end;
        (0..self.tokens.len()).find(|&i| inside(i) && self.head_of(i).is_none_or(|h| !inside(h)))
    }

    /// The word that a case or subordinating word of this lemma introduces, if it is word `i`
    /// or a phrase or clause that holds `i` as a nominal or oblique dependent: "since" of
    /// "since 1998", of "since the flood in 1998", of "since leaving office in 1998".
    pub fn introduced_by(&self, i: usize, lemma: &str) -> Option<usize> {
        let mut at = i;
        for _ in 0..4 {
            let introduces = |c: usize| {
                matches!(self.tokens[c].deprel, "case" | "mark")
                    && self.tokens[c].lemma.eq_ignore_ascii_case(lemma)
            };
            if self.children(at).any(introduces) {
                return Some(at);
            }
            let nominal = matches!(
                self.tokens[at].deprel.split(':').next(),
                Some("nmod" | "obl" | "compound" | "nummod" | "amod")
            );
            at = self.head_of(at).filter(|_| nominal)?;
        }
        None
    }
}

/// A small deterministic random number generator (xorshift64*), for shuffling training data the
/// same way on every run.
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x2545_f491_4f6c_dd1d) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n`.
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// Shuffles `items` (Fisher–Yates).
    pub(crate) fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}

/// How long training runs.
#[derive(Clone, Copy, Debug)]
pub struct TrainOptions {
    /// Passes of the tagger over the data.
    pub tagger_iterations: usize,
    /// Passes of the parser over the data.
    pub parser_iterations: usize,
    /// Parser passes that follow the oracle only, before exploring.
    pub parser_warmup: usize,
    /// Folds for tagging the parser's training data with taggers that did not see it.
    pub jackknife_folds: usize,
    /// Averaged weights smaller than this are dropped from the model.
    pub min_weight: f32,
    /// Features updated fewer times than this in training are dropped from the model.
    pub min_updates: u32,
}

impl Default for TrainOptions {
    fn default() -> Self {
        Self {
            tagger_iterations: 8,
            parser_iterations: 20,
            parser_warmup: 2,
            jackknife_folds: 4,
            min_weight: 0.001,
            min_updates: 2,
        }
    }
}

impl TrainOptions {
    /// What is dropped when the weights are frozen: (smallest weight, fewest updates).
    fn prune(&self) -> (f32, u32) {
        (self.min_weight, self.min_updates)
    }
}

/// The tagger, lemmatizer and parser together.
#[derive(Debug, Default)]
pub struct Model {
    clusters: clusters::Clusters,
    tagger: tagger::Tagger,
    morphology: lemma::Morphology,
    parser: parser::Parser,
    /// Each tag's universal and Penn parts.
    split_tags: Vec<(String, String)>,
}

/// A tag as the tagger predicts it: universal and Penn together.
fn joint_tag(upos: &str, xpos: &str) -> String {
    format!("{upos} {xpos}")
}

impl Model {
    /// Trains a model on gold sentences, with word classes learned beforehand (from the
    /// treebank's words and any unlabelled text), reporting each stage through `progress`.
    pub fn train(
        sentences: &[GoldSentence],
        clusters: clusters::Clusters,
        options: TrainOptions,
        progress: &mut dyn FnMut(&str),
    ) -> Self {
        let tagged: Vec<Vec<(String, String)>> = sentences
            .iter()
            .map(|s| {
                s.words
                    .iter()
                    .map(|w| (w.form.clone(), joint_tag(&w.upos, &w.xpos)))
                    .collect()
            })
            .collect();
        progress("tagger");
        let tagger = tagger::Tagger::train(
            &tagged,
            options.tagger_iterations,
            options.prune(),
            &clusters,
        );
        // The parser learns from tags as good as it will see: each fold tagged by a tagger
        // trained on the other folds.
        let folds = options.jackknife_folds.max(2);
        let mut predicted: Vec<Vec<String>> = vec![Vec::new(); sentences.len()];
        for fold in 0..folds {
            progress(&format!("jackknife tagger {}/{folds}", fold + 1));
            let rest: Vec<Vec<(String, String)>> = tagged
                .iter()
                .enumerate()
                .filter(|(i, _)| i % folds != fold)
                .map(|(_, s)| s.clone())
                .collect();
            let fold_tagger =
                tagger::Tagger::train(&rest, options.tagger_iterations, options.prune(), &clusters);
            for (i, sentence) in tagged.iter().enumerate().filter(|(i, _)| i % folds == fold) {
                let forms: Vec<&str> = sentence.iter().map(|(f, _)| f.as_str()).collect();
                predicted[i] = fold_tagger
                    .tag(&forms, &clusters.classes_of(&forms))
                    .into_iter()
                    .map(|t| fold_tagger.tags[t].clone())
                    .collect();
            }
        }
        let examples: Vec<parser::ParseExample> = sentences
            .iter()
            .zip(predicted)
            .map(|(s, tags)| {
                (
                    s.words.iter().map(|w| w.form.clone()).collect(),
                    tags,
                    s.words.iter().map(|w| w.head).collect(),
                    s.words.iter().map(|w| w.deprel.clone()).collect(),
                )
            })
            .collect();
        progress("parser");
        let parser = parser::Parser::train(
            &examples,
            (options.parser_iterations, options.parser_warmup),
            options.prune(),
            &clusters,
            progress,
        );
        progress("lemmas and features");
        let words: Vec<lemma::MorphWord> = sentences
            .iter()
            .flat_map(|s| &s.words)
            .map(|w| {
                (
                    w.form.clone(),
                    joint_tag(&w.upos, &w.xpos),
                    w.lemma.clone(),
                    w.feats.clone(),
                )
            })
            .collect();
        let morphology = lemma::Morphology::train(&words);
        Self::assemble(clusters, tagger, morphology, parser)
    }

    fn assemble(
        clusters: clusters::Clusters,
        tagger: tagger::Tagger,
        morphology: lemma::Morphology,
        parser: parser::Parser,
    ) -> Self {
        let split_tags = tagger
            .tags
            .iter()
            .map(|t| {
                let (u, x) = t.split_once(' ').unwrap_or((t, "_"));
                (u.to_string(), x.to_string())
            })
            .collect();
        Self {
            clusters,
            tagger,
            morphology,
            parser,
            split_tags,
        }
    }

    /// The model file's bytes (gzip; the same model gives the same bytes).
    pub fn to_bytes(&self) -> io::Result<Vec<u8>> {
        let mut raw = Vec::new();
        self.clusters.write(&mut raw)?;
        self.tagger.write(&mut raw)?;
        self.morphology.write(&mut raw)?;
        self.parser.write(&mut raw)?;
        perceptron::pack(MAGIC, &raw)
    }

    /// How many features the tagger and the parser weigh.
    pub fn feature_counts(&self) -> (usize, usize) {
        (self.tagger.feature_count(), self.parser.feature_count())
    }

    /// Reads a model file (gzip, as [`Model::to_bytes`] writes it).
    pub fn from_bytes(bytes: &[u8]) -> io::Result<Self> {
        let mut input = perceptron::open(bytes, MAGIC, "language model")?;
        let clusters = clusters::Clusters::read(&mut input)?;
        let tagger = tagger::Tagger::read(&mut input)?;
        let morphology = lemma::Morphology::read(&mut input)?;
        let parser = parser::Parser::read(&mut input)?;
        Ok(Self::assemble(clusters, tagger, morphology, parser))
    }

    /// Tags and parses one sentence's words (`spans` into `text`), in pieces of at most
    /// [`MAX_SENTENCE_WORDS`].
    fn parse_words(&'static self, text: &str, spans: &[(usize, usize)]) -> Vec<Token> {
        let mut tokens = Vec::with_capacity(spans.len());
        for piece in spans.chunks(MAX_SENTENCE_WORDS) {
            let forms: Vec<&str> = piece.iter().map(|&(s, e)| &text[s..e]).collect();
            let classes = self.clusters.classes_of(&forms);
            let tags = self.tagger.tag(&forms, &classes);
            let tag_names: Vec<&str> = tags.iter().map(|&t| self.tagger.tags[t].as_str()).collect();
            let mut parse = self.parser.parse(&forms, &tag_names, &classes);
            let is_punct: Vec<bool> = tags
                .iter()
                .map(|&t| self.split_tags[t].0 == "PUNCT")
                .collect();
            let mut heads: Vec<usize> = std::iter::once(0)
                .chain(parse.iter().map(|p| p.0))
                .collect();
            punct::rehang(&forms, &is_punct, &mut heads);
            for (p, &head) in parse.iter_mut().zip(&heads[1..]) {
                p.0 = head;
            }
            let offset = tokens.len();
            // A piece after the first hangs from the first piece's root: one root a sentence.
            let first_root = tokens.iter().position(|t: &Token| t.head == 0);
            for (((&(start, end), form), &tag), (head, label)) in
                piece.iter().zip(&forms).zip(&tags).zip(parse)
            {
                let (upos, xpos) = &self.split_tags[tag];
                let (lemma, feats) = self
                    .morphology
                    .analyse(form, &self.tagger.tags[tag], &|w| self.clusters.contains(w));
                tokens.push(Token {
                    start,
                    end,
                    upos,
                    xpos,
                    lemma,
                    feats,
                    head: match (head, first_root) {
                        (0, Some(root)) => root + 1,
                        (0, None) => 0,
                        (h, _) => h + offset,
                    },
                    deprel: match (head, first_root) {
                        (0, Some(_)) => "parataxis",
                        _ => self.parser.labels.get(label).map_or("dep", String::as_str),
                    },
                });
            }
        }
        tokens
    }

    /// A verb's past participle, as the treebank writes it or by the regular rule.
    pub fn participle(&self, lemma: &str) -> String {
        self.morphology.participle(lemma)
    }

    /// Every (lowercase form, lemma) pair the lemmatizer learned from the treebank.
    pub fn lemma_pairs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.morphology.pairs()
    }

    /// Parses the sentences of `text` (byte spans from [`crate::core::segment`]).
    pub fn parse(&'static self, text: &str, sentences: &[Sentence]) -> Vec<ParsedSentence> {
        sentences
            .iter()
            .map(|s| {
                let spans = tokenize::tokenize(text, s.start, s.end);
                ParsedSentence {
                    start: s.start,
                    end: s.end,
                    cut: spans.len() > MAX_SENTENCE_WORDS,
                    tokens: self.parse_words(text, &spans),
                }
            })
            .collect()
    }

    /// Parses one sentence given as its words' spans (for scoring with gold words).
    pub fn parse_spans(&'static self, text: &str, spans: &[(usize, usize)]) -> ParsedSentence {
        ParsedSentence {
            start: spans.first().map_or(0, |s| s.0),
            end: spans.last().map_or(0, |s| s.1),
            cut: spans.len() > MAX_SENTENCE_WORDS,
            tokens: self.parse_words(text, spans),
        }
    }
}

/// Agreement of a model's analysis with gold sentences, on the gold words (in %).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct GoldScores {
    /// Words scored.
    pub words: usize,
    /// Universal part of speech.
    pub upos: f64,
    /// Penn tag.
    pub xpos: f64,
    /// Lemma.
    pub lemma: f64,
    /// Head (unlabelled attachment).
    pub uas: f64,
    /// Head and relation, universal part (labelled attachment, as the `CoNLL` 2018 scorer counts it).
    pub las: f64,
}

/// Scores `model` on gold sentences, given their gold words (each sentence's words joined by
/// spaces).
pub fn score_gold_words(model: &'static Model, sentences: &[GoldSentence]) -> GoldScores {
    let mut counts = [0usize; 5];
    let mut words = 0;
    for s in sentences {
        let mut text = String::new();
        let mut spans = Vec::new();
        for w in &s.words {
            if !text.is_empty() {
                text.push(' ');
            }
            spans.push((text.len(), text.len() + w.form.len()));
            text.push_str(&w.form);
        }
        let parsed = model.parse_spans(&text, &spans);
        let universal = |d: &str| d.split(':').next().unwrap_or("").to_string();
        for (t, g) in parsed.tokens.iter().zip(&s.words) {
            words += 1;
            let hits = [
                t.upos == g.upos,
                t.xpos == g.xpos,
                t.lemma == g.lemma,
                t.head == g.head,
                t.head == g.head && universal(t.deprel) == universal(&g.deprel),
            ];
            for (c, hit) in counts.iter_mut().zip(hits) {
                *c += usize::from(hit);
            }
        }
    }
    let pct = |n: usize| 100.0 * n as f64 / words.max(1) as f64;
    GoldScores {
        words,
        upos: pct(counts[0]),
        xpos: pct(counts[1]),
        lemma: pct(counts[2]),
        uas: pct(counts[3]),
        las: pct(counts[4]),
    }
}

/// The embedded model, read once (later calls are free).
pub fn model() -> Result<&'static Model, String> {
    static MODEL: OnceLock<Result<Model, String>> = OnceLock::new();
    perceptron::embedded(&MODEL, EMBEDDED, "language model", Model::from_bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generator_is_deterministic() {
        let (mut a, mut b) = (Rng::new(3), Rng::new(3));
        let (mut x, mut y): (Vec<u32>, Vec<u32>) = ((0..50).collect(), (0..50).collect());
        a.shuffle(&mut x);
        b.shuffle(&mut y);
        assert_eq!(x, y);
        assert_ne!(x, (0..50).collect::<Vec<u32>>());
    }
}
