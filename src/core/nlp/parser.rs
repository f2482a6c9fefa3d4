//! Labelled dependency parsing: a greedy arc-hybrid transition parser (Kuhlmann et al. 2011)
//! with an averaged perceptron over the usual rich features (after Zhang and Nivre 2011),
//! trained with the dynamic oracle and exploration of Goldberg and Nivre (2013). Time is linear
//! in the sentence.

use super::clusters::Clusters;
use super::perceptron::{self, Training, Weights, feature, text_key};
use std::io::{self, Read, Write};

/// Key of an empty position (no such word or child).
const NONE: u64 = 1;
/// Key of the root's word and tag.
const ROOT: u64 = 2;

/// A parse in progress: the stack, the buffer's first word, the arcs so far.
struct State {
    stack: Vec<usize>,
    buffer: usize,
    n: usize,
    heads: Vec<usize>,
    labels: Vec<usize>,
    lefts: Vec<Vec<usize>>,
    rights: Vec<Vec<usize>>,
}

impl State {
    fn new(n: usize) -> Self {
        Self {
            stack: vec![0],
            buffer: 1,
            n,
            heads: vec![usize::MAX; n + 1],
            labels: vec![usize::MAX; n + 1],
            lefts: vec![Vec::new(); n + 1],
            rights: vec![Vec::new(); n + 1],
        }
    }

    fn done(&self) -> bool {
        self.buffer > self.n && self.stack.len() == 1
    }

    fn s(&self, k: usize) -> Option<usize> {
        self.stack.len().checked_sub(k + 1).map(|i| self.stack[i])
    }

    fn b(&self, k: usize) -> Option<usize> {
        (self.buffer + k <= self.n).then_some(self.buffer + k)
    }

    /// Whether transition `class` can be taken.
    fn valid(&self, class: usize) -> bool {
        match class {
            0 => self.buffer <= self.n,
            c if c % 2 == 1 => self.buffer <= self.n && self.s(0).is_some_and(|s| s != 0),
            // The root takes its one dependent last, once every other word has its head.
            _ => self.stack.len() >= 2 && (self.s(1) != Some(0) || self.buffer > self.n),
        }
    }

    fn apply(&mut self, class: usize) {
        match class {
            0 => {
                self.stack.push(self.buffer);
                self.buffer += 1;
            }
            c => {
                let dependent = self.stack.pop().unwrap_or(0);
                let head = if c % 2 == 1 {
                    self.buffer
                } else {
                    *self.stack.last().unwrap_or(&0)
                };
                self.heads[dependent] = head;
                self.labels[dependent] = (c - 1) / 2;
                if dependent < head {
                    self.lefts[head].push(dependent);
                } else {
                    self.rights[head].push(dependent);
                }
            }
        }
    }

    /// The cost of each kind of transition against gold heads and labels: the gold arcs it
    /// makes unreachable (Goldberg and Nivre 2013). Returns the costs of shift, left and right,
    /// and for left and right the gold label when the arc they make is gold (another label
    /// costs one more).
    fn costs(&self, heads: &[usize], labels: &[usize]) -> Costs {
        let in_buffer = |i: usize| i >= self.buffer && i <= self.n;
        let b = self.buffer;
        let shift = if b <= self.n {
            let below = &self.stack[..self.stack.len() - 1];
            self.stack
                .iter()
                .filter(|&&d| d != 0 && heads[d] == b)
                .count()
                + usize::from(below.contains(&heads[b]))
        } else {
            usize::MAX
        };
        let Some(s0) = self.s(0).filter(|&s| s != 0) else {
            return Costs {
                shift,
                left: (usize::MAX, None),
                right: (usize::MAX, None),
            };
        };
        let deps = (self.buffer..=self.n).filter(|&d| heads[d] == s0).count();
        let h = heads[s0];
        let left = if b <= self.n {
            let lost = h != b && (Some(h) == self.s(1) || (in_buffer(h) && h > b));
            (deps + usize::from(lost), (h == b).then_some(labels[s0]))
        } else {
            (usize::MAX, None)
        };
        let right = if self.valid(2) {
            (
                deps + usize::from(in_buffer(h)),
                (Some(h) == self.s(1)).then_some(labels[s0]),
            )
        } else {
            (usize::MAX, None)
        };
        Costs { shift, left, right }
    }
}

/// What each kind of transition costs (see [`State::costs`]).
struct Costs {
    shift: usize,
    left: (usize, Option<usize>),
    right: (usize, Option<usize>),
}

impl Costs {
    /// The cost of transition `class`.
    fn of(&self, class: usize) -> usize {
        let label = (class.max(1) - 1) / 2;
        let labelled = |(cost, gold): (usize, Option<usize>)| {
            cost.saturating_add(usize::from(gold.is_some_and(|g| g != label)))
        };
        match class {
            0 => self.shift,
            c if c % 2 == 1 => labelled(self.left),
            _ => labelled(self.right),
        }
    }
}

/// What the features read of each word: its word, tag and word class keys (index 0 is the
/// root).
struct Words {
    word: Vec<u64>,
    tag: Vec<u64>,
    class: Vec<[u64; 2]>,
}

impl Words {
    fn new(forms: &[&str], tags: &[&str], classes: &[[u64; 2]]) -> Self {
        let mut word = vec![ROOT];
        let mut tag = vec![ROOT];
        let mut class = vec![[ROOT; 2]];
        for ((f, t), c) in forms.iter().zip(tags).zip(classes) {
            word.push(text_key(&f.to_lowercase()));
            tag.push(text_key(t));
            class.push(*c);
        }
        Self { word, tag, class }
    }
}

fn extract(state: &State, words: &Words, out: &mut Vec<u64>) {
    out.clear();
    let w = |i: Option<usize>| i.map_or(NONE, |i| words.word[i]);
    let p = |i: Option<usize>| i.map_or(NONE, |i| words.tag[i]);
    let c = |i: Option<usize>, k: usize| i.map_or(NONE, |i| words.class[i][k]);
    let l = |i: Option<usize>| match i.map(|i| state.labels[i]) {
        Some(label) if label != usize::MAX => label as u64 + 16,
        _ => NONE,
    };
    // Left dependents attach nearest first and right ones nearest first too, so the last
    // attached is the outermost.
    let leftmost =
        |i: Option<usize>, k: usize| i.and_then(|i| state.lefts[i].iter().rev().nth(k).copied());
    let rightmost =
        |i: Option<usize>, k: usize| i.and_then(|i| state.rights[i].iter().rev().nth(k).copied());
    let (s0, s1, s2) = (state.s(0), state.s(1), state.s(2));
    let (b0, b1, b2) = (state.b(0), state.b(1), state.b(2));
    let (s0l, s0l2, s0r, s0r2) = (
        leftmost(s0, 0),
        leftmost(s0, 1),
        rightmost(s0, 0),
        rightmost(s0, 1),
    );
    let (b0l, b0l2, s1r) = (leftmost(b0, 0), leftmost(b0, 1), rightmost(s1, 0));
    let distance = match (s0, b0) {
        (Some(s), Some(b)) => (b - s).min(6) as u64 + 3,
        _ => NONE,
    };
    let valency = |i: Option<usize>, left: bool| {
        i.map_or(NONE, |i| {
            (if left {
                &state.lefts[i]
            } else {
                &state.rights[i]
            })
            .len() as u64
                + 3
        })
    };
    let pair = |a: u64, b: u64| a.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ b;
    let (s0w, s0p, b0w, b0p) = (w(s0), p(s0), w(b0), p(b0));
    out.extend([
        feature(0, 0, 0, 0),
        feature(1, s0w, 0, 0),
        feature(2, s0p, 0, 0),
        feature(3, s0w, s0p, 0),
        feature(4, b0w, 0, 0),
        feature(5, b0p, 0, 0),
        feature(6, b0w, b0p, 0),
        feature(7, w(b1), 0, 0),
        feature(8, p(b1), 0, 0),
        feature(9, w(b1), p(b1), 0),
        feature(10, p(b2), 0, 0),
        feature(11, w(s1), 0, 0),
        feature(12, p(s1), 0, 0),
        feature(13, w(s1), p(s1), 0),
        feature(14, p(s2), 0, 0),
        feature(15, pair(s0w, s0p), b0w, b0p),
        feature(16, s0w, s0p, b0w),
        feature(17, s0w, b0w, b0p),
        feature(18, s0w, s0p, b0p),
        feature(19, s0p, b0w, b0p),
        feature(20, s0w, b0w, 0),
        feature(21, s0p, b0p, 0),
        feature(22, b0p, p(b1), 0),
        feature(23, b0p, p(b1), p(b2)),
        feature(24, s0p, b0p, p(b1)),
        feature(25, p(s1), s0p, b0p),
        feature(26, s0p, p(s0l), b0p),
        feature(27, s0p, p(s0r), b0p),
        feature(28, s0p, b0p, p(b0l)),
        feature(29, p(s2), p(s1), s0p),
        feature(30, p(s1), p(s1r), s0p),
        feature(31, w(s1), s0w, 0),
        feature(32, p(s1), s0p, 0),
        feature(33, s0w, distance, 0),
        feature(34, s0p, distance, 0),
        feature(35, b0w, distance, 0),
        feature(36, b0p, distance, 0),
        feature(37, s0w, b0w, distance),
        feature(38, s0p, b0p, distance),
        feature(39, s0w, valency(s0, false), 0),
        feature(40, s0p, valency(s0, false), 0),
        feature(41, s0w, valency(s0, true), 0),
        feature(42, s0p, valency(s0, true), 0),
        feature(43, b0w, valency(b0, true), 0),
        feature(44, b0p, valency(b0, true), 0),
        feature(45, w(s0l), 0, 0),
        feature(46, p(s0l), 0, 0),
        feature(47, l(s0l), 0, 0),
        feature(48, w(s0r), 0, 0),
        feature(49, p(s0r), 0, 0),
        feature(50, l(s0r), 0, 0),
        feature(51, w(b0l), 0, 0),
        feature(52, p(b0l), 0, 0),
        feature(53, l(b0l), 0, 0),
        feature(54, p(s0l2), l(s0l2), 0),
        feature(55, p(s0r2), l(s0r2), 0),
        feature(56, p(b0l2), l(b0l2), 0),
        feature(57, s0p, l(s0l), l(s0l2)),
        feature(58, s0p, l(s0r), l(s0r2)),
        feature(59, b0p, l(b0l), l(b0l2)),
        feature(60, w(s1r), l(s1r), 0),
        feature(61, p(s1), b0p, 0),
        feature(62, w(s1), b0w, 0),
        feature(63, s0p, l(s0), 0),
        feature(64, c(s0, 0), 0, 0),
        feature(65, c(b0, 0), 0, 0),
        feature(66, c(b1, 0), 0, 0),
        feature(67, c(s1, 0), 0, 0),
        feature(68, c(s0, 1), c(b0, 1), 0),
        feature(69, c(s0, 1), b0p, 0),
        feature(70, s0p, c(b0, 1), 0),
    ]);
}

/// Whether a gold tree has no crossing arcs (the dynamic oracle needs projective trees).
fn projective(heads: &[usize]) -> bool {
    let arcs: Vec<(usize, usize)> = (1..heads.len())
        .map(|d| (heads[d].min(d), heads[d].max(d)))
        .collect();
    arcs.iter().all(|&(a, b)| {
        arcs.iter()
            .all(|&(c, d)| !(a < c && c < b && b < d || c < a && a < d && d < b))
    })
}

/// One training sentence: forms, tags, gold heads (1-based, 0 the root), gold relations.
pub type ParseExample = (Vec<String>, Vec<String>, Vec<usize>, Vec<String>);

/// How much more sure the right-to-left reading must be of an arc than the left-to-right
/// one of its own for the arc to replace it (the right-to-left reading alone is the weaker;
/// chosen on EWT dev: 1.0 → 1.4 → 2.0 gave UAS 83.07, 83.20, 83.19).
const BACKWARD_DOUBT: f32 = 1.4;

/// How many more updates than the left-to-right reading's features the right-to-left
/// reading's need to be kept: the second opinion drops its rarest features (EWT dev UAS from raw
/// text 83.20 → 83.14, test 84.02 → 84.05; the model file 24.9 → 21.4 MB, under the 25 MB bound).
const BACKWARD_EXTRA_UPDATES: u32 = 1;

/// The trained parser: two readings of each sentence, one from its first word and one from its
/// last, whose parses are combined (see [`combine`]).
#[derive(Debug, Default)]
pub struct Parser {
    /// Dependency relations, in class order.
    pub labels: Vec<String>,
    forward: Weights,
    backward: Weights,
}

/// One reading's parse: each word's head (1-based, 0 the root), relation index, and by how much
/// the transition that attached it beat the next best one.
type Arcs = Vec<(usize, usize, f32)>;

/// `examples` with each sentence's words in reverse order (heads renumbered), for the
/// right-to-left reading.
fn reversed(examples: &[ParseExample]) -> Vec<ParseExample> {
    examples
        .iter()
        .map(|(forms, tags, heads, labels)| {
            let n = heads.len();
            (
                forms.iter().rev().cloned().collect(),
                tags.iter().rev().cloned().collect(),
                heads.iter().rev().map(|&h| mirror(h, n)).collect(),
                labels.iter().rev().cloned().collect(),
            )
        })
        .collect()
}

/// Word `i` (1-based; 0 the root) of an `n`-word sentence, numbered from its end.
fn mirror(i: usize, n: usize) -> usize {
    if i == 0 { 0 } else { n + 1 - i }
}

/// Whether giving word `dependent` the head `head` (1-based, 0 the root) would close a cycle in
/// `heads` (`heads[i - 1]` is word `i`'s head).
fn closes_cycle(heads: &[usize], dependent: usize, head: usize) -> bool {
    let mut at = head;
    for _ in 0..=heads.len() {
        if at == 0 {
            return false;
        }
        if at == dependent {
            return true;
        }
        at = heads[at - 1];
    }
    true
}

/// Combines the two readings' parses of a sentence (as Sagae and Lavie 2006 combine parsers,
/// with two voters): the left-to-right tree, where the right-to-left reading was much surer of
/// another head ([`BACKWARD_DOUBT`]) taking that arc instead, surest first, as long as the
/// result stays a tree with one root. Where both found the same head, the surer one's relation
/// is kept.
fn combine(forward: &Arcs, backward: &Arcs) -> Vec<(usize, usize)> {
    let mut heads: Vec<usize> = forward.iter().map(|a| a.0).collect();
    let mut labels: Vec<usize> = forward.iter().map(|a| a.1).collect();
    let mut order: Vec<usize> = (0..forward.len()).collect();
    let gain = |d: usize| backward[d].2 - BACKWARD_DOUBT * forward[d].2;
    order.sort_by(|&a, &b| gain(b).total_cmp(&gain(a)).then(a.cmp(&b)));
    for d in order {
        let (head, (other, other_label, sure)) = (forward[d].0, backward[d]);
        if head == other {
            if sure > forward[d].2 {
                labels[d] = other_label;
            }
            continue;
        }
        if gain(d) <= 0.0 || closes_cycle(&heads, d + 1, other) || (other == 0) != (head == 0) {
            continue;
        }
        heads[d] = other;
        labels[d] = other_label;
    }
    heads.into_iter().zip(labels).collect()
}

impl Parser {
    /// Parses a sentence: each word's head (1-based, 0 the root) and relation index.
    pub fn parse(
        &self,
        forms: &[&str],
        tags: &[&str],
        classes: &[[u64; 2]],
    ) -> Vec<(usize, usize)> {
        let forward = self.parse_one_way(&self.forward, forms, tags, classes);
        let n = forms.len();
        let backward: Arcs = {
            let forms: Vec<&str> = forms.iter().rev().copied().collect();
            let tags: Vec<&str> = tags.iter().rev().copied().collect();
            let classes: Vec<[u64; 2]> = classes.iter().rev().copied().collect();
            let mut arcs = self.parse_one_way(&self.backward, &forms, &tags, &classes);
            arcs.reverse();
            arcs.into_iter()
                .map(|(head, label, sure)| (mirror(head, n), label, sure))
                .collect()
        };
        combine(&forward, &backward)
    }

    /// One reading's parse with `weights`, greedy: the best allowed transition at each step.
    fn parse_one_way(
        &self,
        weights: &Weights,
        forms: &[&str],
        tags: &[&str],
        classes: &[[u64; 2]],
    ) -> Arcs {
        let words = Words::new(forms, tags, classes);
        let mut state = State::new(forms.len());
        let mut margins = vec![0.0f32; forms.len() + 1];
        let (mut feats, mut scores) = (Vec::new(), Vec::new());
        let classes = 1 + 2 * self.labels.len();
        while !state.done() {
            extract(&state, &words, &mut feats);
            weights.scores(&feats, &mut scores);
            // Shift, every left arc and every right arc are allowed or not together.
            let kinds = [state.valid(0), state.valid(1), state.valid(2)];
            let allowed = (0..classes).filter(|&c| kinds[if c == 0 { 0 } else { 2 - c % 2 }]);
            let Some(class) = perceptron::best(&scores, allowed.clone()) else {
                break;
            };
            if class != 0 {
                let runner_up = allowed
                    .filter(|&c| c != class)
                    .map(|c| scores[c])
                    .fold(f32::NEG_INFINITY, f32::max);
                margins[state.s(0).unwrap_or(0)] = scores[class] - runner_up;
            }
            state.apply(class);
        }
        (1..=forms.len())
            .map(|i| {
                let head = if state.heads[i] == usize::MAX {
                    0
                } else {
                    state.heads[i]
                };
                (
                    head,
                    state.labels[i].min(self.labels.len().saturating_sub(1)),
                    margins[i],
                )
            })
            .collect()
    }

    /// Trains the two readings on `examples` (at once, on two threads), each for `iterations`
    /// passes (a fixed-seed shuffle each pass); after the first `warmup` passes a parser follows
    /// its own predictions nine times in ten, so it learns to recover from its mistakes.
    /// Non-projective trees are left out; `prune` drops small weights and rarely updated
    /// features (see [`BACKWARD_EXTRA_UPDATES`]).
    pub fn train(
        examples: &[ParseExample],
        (iterations, warmup): (usize, usize),
        prune: (f32, u32),
        clusters: &Clusters,
        progress: &mut dyn FnMut(&str),
    ) -> Self {
        let backward_examples = reversed(examples);
        let train = |examples: &[ParseExample], prune, progress: &mut dyn FnMut(&str)| {
            Self::train_reading(examples, (iterations, warmup), prune, clusters, progress)
        };
        let backward_prune = (prune.0, prune.1 + BACKWARD_EXTRA_UPDATES);
        let (forward, backward) = std::thread::scope(|scope| {
            let backward = scope.spawn(|| train(&backward_examples, backward_prune, &mut |_| {}));
            let forward = train(examples, prune, progress);
            (forward, backward.join())
        });
        let backward = backward.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        Self {
            labels: forward.0,
            forward: forward.1,
            backward: backward.1,
        }
    }

    /// One reading's relations and weights, trained on `examples` as [`Parser::train`] says.
    fn train_reading(
        examples: &[ParseExample],
        (iterations, warmup): (usize, usize),
        prune: (f32, u32),
        clusters: &Clusters,
        progress: &mut dyn FnMut(&str),
    ) -> (Vec<String>, Weights) {
        let mut labels: Vec<String> = examples.iter().flat_map(|e| e.3.iter().cloned()).collect();
        labels.sort_unstable();
        labels.dedup();
        let label_of = |name: &str| {
            labels
                .binary_search_by(|l| l.as_str().cmp(name))
                .unwrap_or(0)
        };
        let classes = 1 + 2 * labels.len();
        let usable: Vec<usize> = (0..examples.len())
            .filter(|&i| {
                let mut heads = vec![0];
                heads.extend(&examples[i].2);
                projective(&heads)
            })
            .collect();
        let mut training = Training::new(classes);
        let mut rng = super::Rng::new(11);
        let mut order = usable;
        let (mut feats, mut scores) = (Vec::new(), Vec::new());
        for iteration in 0..iterations {
            progress(&format!("parser pass {}/{iterations}", iteration + 1));
            rng.shuffle(&mut order);
            for &i in &order {
                let (forms, tags, gold_heads, gold_labels) = &examples[i];
                let forms: Vec<&str> = forms.iter().map(String::as_str).collect();
                let tags: Vec<&str> = tags.iter().map(String::as_str).collect();
                let words = Words::new(&forms, &tags, &clusters.classes_of(&forms));
                let mut heads = vec![usize::MAX];
                heads.extend(gold_heads);
                let mut gold = vec![usize::MAX];
                gold.extend(gold_labels.iter().map(|l| label_of(l)));
                let mut state = State::new(forms.len());
                while !state.done() {
                    extract(&state, &words, &mut feats);
                    training.scores(&feats, &mut scores);
                    let valid: Vec<usize> = (0..classes).filter(|&c| state.valid(c)).collect();
                    let Some(guess) = perceptron::best(&scores, valid.iter().copied()) else {
                        break;
                    };
                    let kinds = state.costs(&heads, &gold);
                    let costs: Vec<(usize, usize)> =
                        valid.iter().map(|&c| (c, kinds.of(c))).collect();
                    let least = costs.iter().map(|c| c.1).min().unwrap_or(0);
                    let best_gold = perceptron::best(
                        &scores,
                        costs.iter().filter(|c| c.1 == least).map(|c| c.0),
                    )
                    .unwrap_or(guess);
                    let guess_cost = costs.iter().find(|c| c.0 == guess).map_or(0, |c| c.1);
                    if guess_cost > least {
                        training.update(&feats, best_gold, guess);
                    }
                    training.tick();
                    let follow = if iteration >= warmup && rng.below(10) < 9 {
                        guess
                    } else {
                        best_gold
                    };
                    state.apply(follow);
                }
            }
        }
        (labels, training.average(prune.0, prune.1))
    }

    /// How many features have weights, in both readings.
    pub fn feature_count(&self) -> usize {
        self.forward.len() + self.backward.len()
    }

    /// Writes the parser.
    pub fn write(&self, out: &mut impl Write) -> io::Result<()> {
        perceptron::write_strings(out, &self.labels)?;
        self.forward.write(out)?;
        self.backward.write(out)
    }

    /// Reads a parser written by [`Parser::write`].
    pub fn read(input: &mut impl Read) -> io::Result<Self> {
        let labels = perceptron::read_strings(input)?;
        let forward = Weights::read(input)?;
        let backward = Weights::read(input)?;
        let classes = 1 + 2 * labels.len();
        if forward.classes() != classes || backward.classes() != classes {
            return Err(io::Error::new(io::ErrorKind::InvalidData, "parser classes"));
        }
        Ok(Self {
            labels,
            forward,
            backward,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example(words: &[(&str, &str, usize, &str)]) -> ParseExample {
        (
            words.iter().map(|w| w.0.to_string()).collect(),
            words.iter().map(|w| w.1.to_string()).collect(),
            words.iter().map(|w| w.2).collect(),
            words.iter().map(|w| w.3.to_string()).collect(),
        )
    }

    #[test]
    fn the_oracle_reaches_every_projective_gold_tree() {
        // Following the least-cost transition rebuilds the gold tree exactly.
        let heads = [usize::MAX, 2, 0, 4, 2, 2];
        let labels = [usize::MAX, 0, 1, 2, 3, 4];
        let mut state = State::new(5);
        while !state.done() {
            let costs = state.costs(&heads, &labels);
            let class = (0..11)
                .filter(|&c| state.valid(c))
                .min_by_key(|&c| costs.of(c))
                .expect("a move");
            assert_eq!(costs.of(class), 0);
            state.apply(class);
        }
        assert_eq!(&state.heads[1..], &heads[1..]);
        assert_eq!(&state.labels[1..], &labels[1..]);
        assert!(!projective(&[0, 3, 4, 0, 3]), "crossing arcs");
    }

    #[test]
    fn the_second_reading_replaces_only_arcs_it_is_much_surer_of_and_keeps_one_tree() {
        // (head, relation, margin) of words 1..=5; word 2 is the root.
        let forward: Arcs = vec![
            (2, 0, 1.0),
            (0, 1, 5.0),
            (2, 2, 0.5),
            (3, 3, 0.2),
            (2, 0, 1.0),
        ];
        let backward: Arcs = vec![
            // The same head, surer: its relation is taken.
            (2, 6, 3.0),
            // The root would get a head: refused however sure.
            (3, 7, 9.0),
            // Surest of all, but word 4 still hangs from word 3: a cycle, refused.
            (4, 2, 3.0),
            // Much surer: taken.
            (2, 4, 1.0),
            // Surer, but not by enough to overrule the stronger reading.
            (4, 0, 1.2),
        ];
        assert_eq!(
            combine(&forward, &backward),
            [(2, 6), (0, 1), (2, 2), (2, 4), (2, 0)]
        );
        assert!(closes_cycle(&[2, 0, 4, 3], 3, 4));
        assert!(!closes_cycle(&[2, 0, 4, 3], 4, 2));
    }

    #[test]
    fn a_sentence_read_from_its_end_keeps_its_tree() {
        let sentence = example(&[
            ("dogs", "NOUN", 2, "nsubj"),
            ("chase", "VERB", 0, "root"),
            ("cats", "NOUN", 2, "obj"),
            ("today", "NOUN", 3, "nmod"),
        ]);
        let back = &reversed(std::slice::from_ref(&sentence))[0];
        assert_eq!(back.0, ["today", "cats", "chase", "dogs"]);
        assert_eq!(back.2, [2, 3, 0, 3]);
        assert_eq!(back.3, ["nmod", "obj", "root", "nsubj"]);
        assert_eq!(reversed(std::slice::from_ref(back))[0], sentence);
    }

    #[test]
    fn learns_subjects_and_objects() {
        let data: Vec<ParseExample> = [
            ("dogs", "chase", "cats"),
            ("cats", "chase", "mice"),
            ("birds", "eat", "seeds"),
            ("people", "like", "dogs"),
        ]
        .iter()
        .map(|(s, v, o)| {
            example(&[
                (s, "NOUN", 2, "nsubj"),
                (v, "VERB", 0, "root"),
                (o, "NOUN", 2, "obj"),
                (".", "PUNCT", 2, "punct"),
            ])
        })
        .collect();
        let parser = Parser::train(&data, (8, 2), (0.0, 0), &Clusters::default(), &mut |_| {});
        let parsed = parser.parse(
            &["mice", "eat", "seeds", "."],
            &["NOUN", "VERB", "NOUN", "PUNCT"],
            &Clusters::default().classes_of(&["mice", "eat", "seeds", "."]),
        );
        let names: Vec<(usize, &str)> = parsed
            .iter()
            .map(|&(h, l)| (h, parser.labels[l].as_str()))
            .collect();
        assert_eq!(names, [(2, "nsubj"), (0, "root"), (2, "obj"), (2, "punct")]);
    }
}
