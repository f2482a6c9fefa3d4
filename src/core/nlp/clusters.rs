//! Word classes learned from unlabelled text: words that occur between the same neighbours
//! fall in one class ("Tuesday" and "Friday", "said" and "added"), so the tagger and the
//! parser can generalise from a treebank word to a news word it never saw. Induced by the
//! exchange algorithm (Kneser and Ney 1993; Martin, Liermann and Ney 1998), which moves each
//! word to the class that most raises the likelihood of the text under a class bigram model.
//! Two granularities are kept: fine classes and coarse ones.

use super::perceptron;
use rustc_hash::FxHashMap;
use std::io::{self, Read, Write};

/// Classes of the fine and the coarse clustering.
pub const FINE_CLASSES: usize = 512;
/// See [`FINE_CLASSES`].
pub const COARSE_CLASSES: usize = 64;
/// Passes of the exchange algorithm over the vocabulary.
const PASSES: usize = 8;
/// Words seen fewer times than this are not clustered.
const MIN_COUNT: u32 = 3;
/// At most this many words (the most frequent) are clustered.
const MAX_WORDS: usize = 60_000;

/// Key of a word with no class.
const NO_CLASS: u64 = 3;

/// The word classes of a vocabulary.
#[derive(Debug, Default)]
pub struct Clusters {
    /// Normalised word → (fine class, coarse class).
    classes: FxHashMap<String, (u16, u16)>,
}

/// The form a word is clustered under: lowercase, every digit a 0 ("1998" → "0000").
pub fn normalise(form: &str) -> String {
    form.chars()
        .map(|c| if c.is_ascii_digit() { '0' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

impl Clusters {
    /// Learns classes from the treebank's sentences and unlabelled ones (words
    /// [`normalise`]d or not).
    pub fn induce(treebank: &[Vec<String>], unlabelled: &[Vec<String>]) -> Self {
        let all: Vec<Vec<String>> = treebank.iter().chain(unlabelled).cloned().collect();
        let vocabulary = Vocabulary::new(&all);
        let fine = exchange(&vocabulary, FINE_CLASSES);
        let coarse = exchange(&vocabulary, COARSE_CLASSES);
        let classes = vocabulary
            .words
            .iter()
            .zip(fine.iter().zip(&coarse))
            .map(|(w, (&f, &c))| (w.clone(), (f, c)))
            .collect();
        Self { classes }
    }

    /// How many words have a class.
    pub fn len(&self) -> usize {
        self.classes.len()
    }

    /// Whether no word has a class.
    pub fn is_empty(&self) -> bool {
        self.classes.is_empty()
    }

    /// Whether a lowercase word has a class (the model has seen it in text often enough).
    pub fn contains(&self, word: &str) -> bool {
        self.classes.contains_key(word)
    }

    /// The feature keys of a word's fine and coarse class (a key of its own when it has none).
    pub fn keys(&self, form: &str) -> [u64; 2] {
        // Most words are already in their clustered form: no copy for them.
        let plain = form
            .chars()
            .all(|c| (c.is_lowercase() || !c.is_alphabetic()) && !c.is_ascii_digit());
        let found = if plain {
            self.classes.get(form)
        } else {
            self.classes.get(&normalise(form))
        };
        found.map_or([NO_CLASS; 2], |&(f, c)| class_keys(f, c))
    }

    /// [`Clusters::keys`] of each of a sentence's words.
    pub fn classes_of(&self, forms: &[&str]) -> Vec<[u64; 2]> {
        forms.iter().map(|f| self.keys(f)).collect()
    }

    /// Writes the table (sorted, so the same classes give the same bytes).
    pub fn write(&self, out: &mut impl Write) -> io::Result<()> {
        let mut entries: Vec<(&String, &(u16, u16))> = self.classes.iter().collect();
        entries.sort_unstable();
        let words: Vec<String> = entries.iter().map(|(w, _)| (*w).clone()).collect();
        perceptron::write_strings(out, &words)?;
        for (_, &(f, c)) in entries {
            out.write_all(&f.to_le_bytes())?;
            out.write_all(&c.to_le_bytes())?;
        }
        Ok(())
    }

    /// Reads a table written by [`Clusters::write`].
    pub fn read(input: &mut impl Read) -> io::Result<Self> {
        let words = perceptron::read_strings(input)?;
        let mut classes = FxHashMap::default();
        classes.reserve(words.len());
        for word in words {
            let mut entry = [0u8; 4];
            input.read_exact(&mut entry)?;
            let fine = u16::from_le_bytes([entry[0], entry[1]]);
            let coarse = u16::from_le_bytes([entry[2], entry[3]]);
            if usize::from(fine) >= FINE_CLASSES || usize::from(coarse) >= COARSE_CLASSES {
                return Err(io::Error::new(io::ErrorKind::InvalidData, "word class"));
            }
            classes.insert(word, (fine, coarse));
        }
        Ok(Self { classes })
    }

    /// A stable digest of the table, for tests of determinism.
    #[cfg(test)]
    fn digest(&self) -> u64 {
        let mut entries: Vec<(&String, &(u16, u16))> = self.classes.iter().collect();
        entries.sort_unstable();
        entries.iter().fold(0u64, |h, (w, (f, c))| {
            h.rotate_left(5) ^ perceptron::text_key(w) ^ (u64::from(*f) << 16 | u64::from(*c))
        })
    }
}

fn class_keys(fine: u16, coarse: u16) -> [u64; 2] {
    [
        u64::from(fine) + 16,
        u64::from(coarse) + 16 + FINE_CLASSES as u64,
    ]
}

/// The clustered words (most frequent first) and their neighbours' counts.
struct Vocabulary {
    words: Vec<String>,
    /// Each word's right neighbours: (word, times seen together).
    right: Vec<Vec<(u32, u32)>>,
    /// Each word's left neighbours.
    left: Vec<Vec<(u32, u32)>>,
}

impl Vocabulary {
    fn new(sentences: &[Vec<String>]) -> Self {
        let mut counts: FxHashMap<String, u32> = FxHashMap::default();
        for s in sentences {
            for w in s {
                *counts.entry(normalise(w)).or_default() += 1;
            }
        }
        let mut words: Vec<(String, u32)> = counts
            .into_iter()
            .filter(|(_, n)| *n >= MIN_COUNT)
            .collect();
        words.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        words.truncate(MAX_WORDS);
        let index: FxHashMap<&str, u32> = words
            .iter()
            .enumerate()
            .map(|(i, (w, _))| (w.as_str(), i as u32))
            .collect();
        let mut pairs: FxHashMap<(u32, u32), u32> = FxHashMap::default();
        for s in sentences {
            let ids: Vec<Option<u32>> = s
                .iter()
                .map(|w| index.get(normalise(w).as_str()).copied())
                .collect();
            for pair in ids.windows(2) {
                if let [Some(a), Some(b)] = pair {
                    *pairs.entry((*a, *b)).or_default() += 1;
                }
            }
        }
        let n = words.len();
        let (mut right, mut left) = (vec![Vec::new(); n], vec![Vec::new(); n]);
        let mut sorted: Vec<((u32, u32), u32)> = pairs.into_iter().collect();
        sorted.sort_unstable();
        for ((a, b), c) in sorted {
            right[a as usize].push((b, c));
            left[b as usize].push((a, c));
        }
        Self {
            words: words.into_iter().map(|(w, _)| w).collect(),
            right,
            left,
        }
    }
}

fn xlogx(x: f64) -> f64 {
    if x > 0.0 { x * x.ln() } else { 0.0 }
}

/// The class of each word after the exchange algorithm with `k` classes: words start in
/// classes by frequency rank, round robin; each pass moves every word, most frequent first,
/// to the class that most raises the class bigram likelihood.
fn exchange(v: &Vocabulary, k: usize) -> Vec<u16> {
    let n = v.words.len();
    let mut class: Vec<usize> = (0..n).map(|i| i % k).collect();
    // Class bigram counts and the two marginals.
    let mut pair = vec![0.0f64; k * k];
    let (mut first, mut second) = (vec![0.0f64; k], vec![0.0f64; k]);
    for w in 0..n {
        for &(b, c) in &v.right[w] {
            pair[class[w] * k + class[b as usize]] += f64::from(c);
            first[class[w]] += f64::from(c);
            second[class[b as usize]] += f64::from(c);
        }
    }
    let (mut to, mut from) = (vec![0.0f64; k], vec![0.0f64; k]);
    let (mut to_used, mut from_used) = (Vec::new(), Vec::new());
    for _ in 0..PASSES {
        let mut moved = 0usize;
        for w in 0..n {
            let own = class[w];
            // Counts of w's right neighbours' classes and left neighbours' classes, self aside.
            let mut itself = 0.0;
            for &(b, c) in &v.right[w] {
                if b as usize == w {
                    itself += f64::from(c);
                    continue;
                }
                let d = class[b as usize];
                if to[d] == 0.0 {
                    to_used.push(d);
                }
                to[d] += f64::from(c);
            }
            for &(a, c) in &v.left[w] {
                if a as usize == w {
                    continue;
                }
                let d = class[a as usize];
                if from[d] == 0.0 {
                    from_used.push(d);
                }
                from[d] += f64::from(c);
            }
            let as_first: f64 = to_used.iter().map(|&d| to[d]).sum::<f64>() + itself;
            let as_second: f64 = from_used.iter().map(|&d| from[d]).sum::<f64>() + itself;
            // Take w out of its class.
            for &d in &to_used {
                pair[own * k + d] -= to[d];
            }
            for &d in &from_used {
                pair[d * k + own] -= from[d];
            }
            pair[own * k + own] -= itself;
            first[own] -= as_first;
            second[own] -= as_second;
            // The gain of putting it in each class.
            let gain = |c: usize| {
                let mut g = 0.0;
                for &d in &to_used {
                    if d != c {
                        let x = pair[c * k + d];
                        g += xlogx(x + to[d]) - xlogx(x);
                    }
                }
                for &d in &from_used {
                    if d != c {
                        let x = pair[d * k + c];
                        g += xlogx(x + from[d]) - xlogx(x);
                    }
                }
                let x = pair[c * k + c];
                g += xlogx(x + to[c] + from[c] + itself) - xlogx(x);
                g -= xlogx(first[c] + as_first) - xlogx(first[c]);
                g -= xlogx(second[c] + as_second) - xlogx(second[c]);
                g
            };
            let mut best = (own, gain(own));
            for c in 0..k {
                if c != own {
                    let g = gain(c);
                    if g > best.1 + 1e-9 {
                        best = (c, g);
                    }
                }
            }
            let target = best.0;
            for &d in &to_used {
                pair[target * k + d] += to[d];
            }
            for &d in &from_used {
                pair[d * k + target] += from[d];
            }
            pair[target * k + target] += itself;
            first[target] += as_first;
            second[target] += as_second;
            if target != own {
                class[w] = target;
                moved += 1;
            }
            for d in to_used.drain(..) {
                to[d] = 0.0;
            }
            for d in from_used.drain(..) {
                from[d] = 0.0;
            }
        }
        if moved == 0 {
            break;
        }
    }
    class.into_iter().map(|c| c as u16).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_between_the_same_neighbours_share_a_class() {
        let mut sentences = Vec::new();
        for day in ["monday", "tuesday", "friday"] {
            for verb in ["met", "spoke", "left"] {
                for _ in 0..3 {
                    sentences.push(
                        format!("the minister {verb} on {day} .")
                            .split(' ')
                            .map(String::from)
                            .collect::<Vec<_>>(),
                    );
                }
            }
        }
        let vocabulary = Vocabulary::new(&sentences);
        let classes = exchange(&vocabulary, 6);
        let of = |w: &str| classes[vocabulary.words.iter().position(|x| x == w).expect("word")];
        let all: Vec<(&String, u16)> = vocabulary
            .words
            .iter()
            .zip(classes.iter().copied())
            .collect();
        assert_eq!(of("monday"), of("friday"), "{all:?}");
        assert_eq!(of("met"), of("left"));
        assert_ne!(of("monday"), of("met"));
    }

    #[test]
    fn digits_are_one_shape_and_the_table_reads_back() {
        assert_eq!(normalise("In 1998"), "in 0000");
        let sentences: Vec<Vec<String>> = (0..5)
            .map(|_| vec!["prices".into(), "rose".into(), "in".into(), "1998".into()])
            .collect();
        let clusters = Clusters::induce(&sentences[..2], &sentences[2..]);
        assert_eq!(clusters.len(), 4);
        assert_eq!(clusters.keys("2001"), clusters.keys("1998"));
        assert_ne!(clusters.keys("prices"), [NO_CLASS; 2]);
        assert_eq!(clusters.keys("unseen"), [NO_CLASS; 2]);
        let mut bytes = Vec::new();
        clusters.write(&mut bytes).expect("written");
        let read = Clusters::read(&mut bytes.as_slice()).expect("read");
        assert_eq!(read.digest(), clusters.digest());
    }
}
