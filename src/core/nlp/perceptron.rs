//! The averaged perceptron (Collins 2002; as in Honnibal's tagger and Goldberg and Nivre's
//! parser): sparse weights per hashed feature, averaged lazily, frozen into a compact table
//! that is written to and read from the model file.

use rustc_hash::FxHashMap;
use std::io::{self, Read, Write};

/// Hashes a feature: a template number and up to three values (multiply-and-shift mixing, as
/// in splitmix64, so the same feature gets the same key on every machine and run).
pub fn feature(template: u8, a: u64, b: u64, c: u64) -> u64 {
    let mut h = (u64::from(template) + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    for (value, multiplier) in [
        (a, 0xbf58_476d_1ce4_e5b9u64),
        (b, 0x94d0_49bb_1331_11eb),
        (c, 0xbf58_476d_1ce4_e5b9),
    ] {
        h = (h ^ value).wrapping_mul(multiplier);
        h ^= h >> 31;
    }
    h
}

/// Hashes a string (a word) to a value for [`feature`].
pub fn text_key(text: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// One class's weight of a feature while training, with what averaging needs.
#[derive(Clone, Debug)]
struct Trained {
    class: u16,
    weight: f32,
    /// Sum of the weight over the steps before `stamp`.
    total: f64,
    /// The step of the last change.
    stamp: u64,
}

/// A feature's weights while training, and how often it was updated.
#[derive(Debug, Default)]
struct TrainedFeature {
    updates: u32,
    classes: Vec<Trained>,
}

/// Weights being trained.
#[derive(Debug, Default)]
pub struct Training {
    classes: usize,
    weights: FxHashMap<u64, TrainedFeature>,
    step: u64,
}

impl Training {
    /// A perceptron over `classes` classes.
    pub fn new(classes: usize) -> Self {
        Self {
            classes,
            ..Self::default()
        }
    }

    /// Adds each feature's weights for each class to `scores` (cleared first).
    pub fn scores(&self, features: &[u64], scores: &mut Vec<f32>) {
        scores.clear();
        scores.resize(self.classes, 0.0);
        for f in features {
            if let Some(feature) = self.weights.get(f) {
                for w in &feature.classes {
                    scores[usize::from(w.class)] += w.weight;
                }
            }
        }
    }

    /// One training instance seen: the clock that averaging counts.
    pub fn tick(&mut self) {
        self.step += 1;
    }

    /// Moves the weights toward `truth` and away from `guess` (nothing when they agree).
    pub fn update(&mut self, features: &[u64], truth: usize, guess: usize) {
        if truth == guess {
            return;
        }
        let step = self.step;
        for &f in features {
            let feature = self.weights.entry(f).or_default();
            feature.updates = feature.updates.saturating_add(1);
            let list = &mut feature.classes;
            for (class, delta) in [(truth, 1.0f32), (guess, -1.0)] {
                let class = class as u16;
                let at = if let Some(at) = list.iter().position(|w| w.class == class) {
                    at
                } else {
                    list.push(Trained {
                        class,
                        weight: 0.0,
                        total: 0.0,
                        stamp: step,
                    });
                    list.len() - 1
                };
                let w = &mut list[at];
                w.total += f64::from(w.weight) * (step - w.stamp) as f64;
                w.stamp = step;
                w.weight += delta;
            }
        }
    }

    /// The averaged weights, keeping only those at least `min` in size, of features updated at
    /// least `min_updates` times (rarer ones are noise and cost lookups).
    pub fn average(self, min: f32, min_updates: u32) -> Weights {
        let step = self.step.max(1);
        let mut keys: Vec<u64> = self.weights.keys().copied().collect();
        keys.sort_unstable();
        let mut frozen = Weights {
            classes: self.classes,
            ..Weights::default()
        };
        for key in keys {
            let feature = &self.weights[&key];
            if feature.updates < min_updates {
                continue;
            }
            let mut kept: Vec<(u16, f32)> = feature
                .classes
                .iter()
                .map(|w| {
                    let total = w.total + f64::from(w.weight) * (step - w.stamp) as f64;
                    (w.class, (total / step as f64) as f32)
                })
                .filter(|(_, w)| w.abs() >= min)
                .collect();
            if kept.is_empty() {
                continue;
            }
            kept.sort_unstable_by_key(|(c, _)| *c);
            frozen.insert(key, &kept);
        }
        frozen
    }
}

/// Frozen weights: per feature key, a run of (class, weight) in one array.
#[derive(Debug, Default)]
pub struct Weights {
    classes: usize,
    index: FxHashMap<u64, (u32, u16)>,
    entries: Vec<(u16, f32)>,
}

impl Weights {
    fn insert(&mut self, key: u64, list: &[(u16, f32)]) {
        let at = self.entries.len() as u32;
        self.entries.extend_from_slice(list);
        self.index.insert(key, (at, list.len() as u16));
    }

    /// The number of classes.
    pub fn classes(&self) -> usize {
        self.classes
    }

    /// Adds each feature's weights for each class to `scores` (cleared first).
    pub fn scores(&self, features: &[u64], scores: &mut Vec<f32>) {
        scores.clear();
        scores.resize(self.classes, 0.0);
        for f in features {
            if let Some(&(at, len)) = self.index.get(f) {
                for &(class, w) in &self.entries[at as usize..at as usize + usize::from(len)] {
                    scores[usize::from(class)] += w;
                }
            }
        }
    }

    /// Writes the weights (keys in ascending order, so the same weights give the same bytes).
    pub fn write(&self, out: &mut impl Write) -> io::Result<()> {
        let mut keys: Vec<(&u64, &(u32, u16))> = self.index.iter().collect();
        keys.sort_unstable_by_key(|(k, _)| **k);
        out.write_all(&(self.classes as u32).to_le_bytes())?;
        out.write_all(&(keys.len() as u32).to_le_bytes())?;
        for (key, &(at, len)) in keys {
            out.write_all(&key.to_le_bytes())?;
            out.write_all(&len.to_le_bytes())?;
            for &(class, w) in &self.entries[at as usize..at as usize + usize::from(len)] {
                out.write_all(&class.to_le_bytes())?;
                out.write_all(&coarse(w).to_le_bytes())?;
            }
        }
        Ok(())
    }

    /// Reads weights written by [`Weights::write`].
    pub fn read(input: &mut impl Read) -> io::Result<Self> {
        let classes = read_u32(input)? as usize;
        let count = read_u32(input)? as usize;
        let mut weights = Weights {
            classes,
            index: FxHashMap::with_capacity_and_hasher(count, rustc_hash::FxBuildHasher),
            entries: Vec::with_capacity(count * 2),
        };
        let mut list = Vec::new();
        for _ in 0..count {
            let key = read_u64(input)?;
            let len = read_u16(input)?;
            list.clear();
            for _ in 0..len {
                let class = read_u16(input)?;
                if usize::from(class) >= classes {
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidData,
                        "class out of range",
                    ));
                }
                list.push((class, f32::from_le_bytes(read_array(input)?)));
            }
            weights.insert(key, &list);
        }
        Ok(weights)
    }

    /// How many features have weights.
    pub fn len(&self) -> usize {
        self.index.len()
    }

    /// Whether no feature has a weight.
    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }
}

/// A model file's bytes: `magic` (the format and its version), then `body`, gzip-compressed
/// without a timestamp, so that the same model gives the same bytes.
pub fn pack(magic: &[u8; 8], body: &[u8]) -> io::Result<Vec<u8>> {
    let mut gz = flate2::GzBuilder::new()
        .mtime(0)
        .write(Vec::new(), flate2::Compression::best());
    gz.write_all(magic)?;
    gz.write_all(body)?;
    gz.finish()
}

/// The body of a model file written by [`pack`] with this `magic`; `what` names the model in
/// the error when the file is another kind or version.
pub fn unpack(bytes: &[u8], magic: &[u8; 8], what: &str) -> io::Result<Vec<u8>> {
    let mut raw = Vec::new();
    flate2::read::GzDecoder::new(bytes).read_to_end(&mut raw)?;
    match raw.strip_prefix(magic.as_slice()) {
        Some(body) => Ok(body.to_vec()),
        None => Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("not a Sightline {what} (or another version of one)"),
        )),
    }
}

/// A weight kept to about four significant digits (the low mantissa bits cleared): scores do
/// not change in practice, and the model file compresses far better.
fn coarse(w: f32) -> f32 {
    f32::from_bits(w.to_bits() & 0xFFFF_E000)
}

fn read_array<const N: usize>(input: &mut impl Read) -> io::Result<[u8; N]> {
    let mut bytes = [0u8; N];
    input.read_exact(&mut bytes)?;
    Ok(bytes)
}

/// Reads a little-endian u16.
pub fn read_u16(input: &mut impl Read) -> io::Result<u16> {
    read_array(input).map(u16::from_le_bytes)
}

/// Reads a little-endian u32.
pub fn read_u32(input: &mut impl Read) -> io::Result<u32> {
    read_array(input).map(u32::from_le_bytes)
}

/// Reads a little-endian u64.
pub fn read_u64(input: &mut impl Read) -> io::Result<u64> {
    read_array(input).map(u64::from_le_bytes)
}

/// Writes a string list: a count, then each string's length and bytes.
pub fn write_strings(out: &mut impl Write, strings: &[String]) -> io::Result<()> {
    out.write_all(&(strings.len() as u32).to_le_bytes())?;
    for s in strings {
        out.write_all(&(s.len() as u32).to_le_bytes())?;
        out.write_all(s.as_bytes())?;
    }
    Ok(())
}

/// Reads a string list written by [`write_strings`].
pub fn read_strings(input: &mut impl Read) -> io::Result<Vec<String>> {
    let count = read_u32(input)? as usize;
    let mut out = Vec::with_capacity(count.min(1 << 20));
    for _ in 0..count {
        let len = read_u32(input)? as usize;
        let mut bytes = vec![0u8; len];
        input.read_exact(&mut bytes)?;
        out.push(
            String::from_utf8(bytes)
                .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "not UTF-8"))?,
        );
    }
    Ok(out)
}

/// The index of the highest score among `allowed` classes (the first on ties).
pub fn best(scores: &[f32], allowed: impl Iterator<Item = usize>) -> Option<usize> {
    let mut best: Option<(usize, f32)> = None;
    for c in allowed {
        if best.is_none_or(|(_, s)| scores[c] > s) {
            best = Some((c, scores[c]));
        }
    }
    best.map(|(c, _)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_rule_and_round_trips() {
        // Class 1 when feature 7 is present, else class 0.
        let mut p = Training::new(2);
        let mut scores = Vec::new();
        for _ in 0..5 {
            for (features, truth) in [(vec![1u64, 7], 1usize), (vec![1u64, 3], 0)] {
                p.scores(&features, &mut scores);
                let guess = best(&scores, 0..2).expect("classes");
                p.update(&features, truth, guess);
                p.tick();
            }
        }
        let w = p.average(0.0, 0);
        let mut bytes = Vec::new();
        w.write(&mut bytes).expect("written");
        let read = Weights::read(&mut bytes.as_slice()).expect("read");
        for weights in [&w, &read] {
            weights.scores(&[1, 7], &mut scores);
            assert_eq!(best(&scores, 0..2), Some(1));
            weights.scores(&[1, 3], &mut scores);
            assert_eq!(best(&scores, 0..2), Some(0));
        }
        let mut again = Vec::new();
        read.write(&mut again).expect("written");
        assert_eq!(bytes, again, "the same weights give the same bytes");
    }
}
