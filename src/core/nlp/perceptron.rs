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
    /// least `min_updates` times (rarer ones are noise and cost lookups); a feature keeps at most
    /// its 255 largest.
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
            if kept.len() > MAX_CLASSES_PER_FEATURE {
                kept.sort_unstable_by(|a, b| b.1.abs().total_cmp(&a.1.abs()).then(a.0.cmp(&b.0)));
                kept.truncate(MAX_CLASSES_PER_FEATURE);
            }
            kept.sort_unstable_by_key(|(c, _)| *c);
            if !frozen.insert(key, &kept) {
                // The table is full (16 million weights): the rest are left out.
                break;
            }
        }
        frozen
    }
}

/// Frozen weights: per feature key, a run of (class, weight) in one array, found through an
/// open-addressing table of our own, compact so that the parser's 555,000 features stay in the
/// processor's caches as far as they can, and looked up in batches so that the waits for
/// memory overlap.
#[derive(Debug, Default)]
pub struct Weights {
    classes: usize,
    /// Linear probing over a power-of-two table at most three quarters full.
    slots: Vec<Slot>,
    /// Each slot's full key, while the table is built (read when inserting and when laying
    /// the table out to write it, never when scoring); a table read from a file has none.
    keys: Vec<u64>,
    /// The weights of the features that have one for at least a quarter of the classes, as
    /// rows of bfloat16 (one per class, zero where the feature has none; at most twice the
    /// bytes of the list): adding a row to the scores takes a few vector instructions instead
    /// of a load and a store per class.
    dense: Vec<u16>,
    /// (class, weight) packed: the class in the low 16 bits, the weight as a bfloat16 (the top
    /// half of an `f32`: about three significant digits) in the high 16.
    entries: Vec<u32>,
    len: usize,
}

/// One feature of [`Weights`]: 32 bits of its key to tell it from others in the same run of
/// slots (another key passing the check costs one chance in four billion), and where its
/// entries are: `at` in the low 24 bits, their count (none: an empty slot; [`DENSE`]: `at` is a
/// row of [`Weights::dense`]) in the high 8.
#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    check: u32,
    place: u32,
}

impl Slot {
    fn len(self) -> usize {
        (self.place >> 24) as usize
    }

    fn at(self) -> usize {
        (self.place & 0x00FF_FFFF) as usize
    }

    fn is_dense(self) -> bool {
        self.len() == DENSE
    }
}

/// The count of a slot whose weights are a dense row.
const DENSE: usize = 255;

/// The most class weights one feature keeps (its slot counts them in 8 bits).
const MAX_CLASSES_PER_FEATURE: usize = DENSE - 1;
/// The most weights a table holds (a slot addresses them in 24 bits).
const MAX_ENTRIES: usize = 1 << 24;
/// The most slots a table has: each feature has a weight and the table is at most three
/// quarters full.
const MAX_TABLE_SLOTS: usize = 1 << 25;

/// How many features [`Weights::scores`] looks up in one batch: the first slot of each is
/// read before any is examined, so that the processor waits for their memory together.
const BATCH: usize = 64;

/// A class and its weight as one entry of [`Weights`].
fn pack_entry(class: u16, weight: f32) -> u32 {
    // Round to the nearest bfloat16 (ties to even).
    let bits = weight.to_bits();
    let rounded = bits.wrapping_add(0x7FFF + ((bits >> 16) & 1)) >> 16;
    (rounded << 16) | u32::from(class)
}

/// The class and weight of an entry of [`Weights`].
fn unpack_entry(entry: u32) -> (usize, f32) {
    (
        (entry & 0xFFFF) as usize,
        f32::from_bits(entry & 0xFFFF_0000),
    )
}

impl Weights {
    /// The slot where the search for `key` starts.
    fn home(&self, key: u64) -> usize {
        let bits = self.slots.len().trailing_zeros();
        (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - bits)) as usize
    }

    /// The slot of `key`, or the empty slot where it would go.
    fn find(&self, key: u64) -> usize {
        let mask = self.slots.len() - 1;
        let mut i = self.home(key);
        while self.slots[i].len() != 0 && self.keys[i] != key {
            i = (i + 1) & mask;
        }
        i
    }

    /// Adds a feature's weights; false when the table is full or the feature has more class
    /// weights than a slot counts ([`MAX_CLASSES_PER_FEATURE`]).
    fn insert(&mut self, key: u64, list: &[(u16, f32)]) -> bool {
        if list.is_empty() || list.len() > MAX_CLASSES_PER_FEATURE {
            return list.is_empty();
        }
        if self.entries.len() + list.len() > MAX_ENTRIES {
            return false;
        }
        if (self.len + 1) * 4 > self.slots.len() * 3 {
            self.grow();
        }
        let packed = list.iter().map(|&(class, w)| pack_entry(class, w));
        // A weight that rounds to zero would be lost from a row (and from the model file).
        let dense = self.classes > 0
            && list.len() * 4 >= self.classes
            && packed.clone().all(|e| e & 0x7FFF_0000 != 0);
        let place = if dense {
            let row = self.dense.len() / self.classes;
            if row >= 1 << 24 {
                return false;
            }
            self.dense.resize(self.dense.len() + self.classes, 0);
            for entry in packed {
                self.dense[row * self.classes + (entry & 0xFFFF) as usize] = (entry >> 16) as u16;
            }
            row as u32 | ((DENSE as u32) << 24)
        } else {
            let at = self.entries.len() as u32 | ((list.len() as u32) << 24);
            self.entries.extend(packed);
            at
        };
        let i = self.find(key);
        if self.slots[i].len() == 0 {
            self.len += 1;
        }
        self.slots[i] = Slot {
            check: key as u32,
            place,
        };
        self.keys[i] = key;
        true
    }

    /// Doubles the table (at least 16 slots).
    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(16);
        let slots = std::mem::replace(&mut self.slots, vec![Slot::default(); size]);
        let keys = std::mem::replace(&mut self.keys, vec![0; size]);
        for (slot, key) in slots.into_iter().zip(keys).filter(|(s, _)| s.len() != 0) {
            let i = self.find(key);
            self.slots[i] = slot;
            self.keys[i] = key;
        }
    }

    /// The number of classes.
    pub fn classes(&self) -> usize {
        self.classes
    }

    /// Adds each feature's weights for each class to `scores` (cleared first).
    pub fn scores(&self, features: &[u64], scores: &mut Vec<f32>) {
        scores.clear();
        scores.resize(self.classes, 0.0);
        if self.slots.is_empty() {
            return;
        }
        let mask = self.slots.len() - 1;
        let mut slots = [Slot::default(); BATCH];
        let mut heads = [0u32; BATCH];
        for batch in features.chunks(BATCH) {
            for (slot, &key) in slots.iter_mut().zip(batch) {
                *slot = self.slots[self.home(key)];
            }
            for ((slot, head), &key) in slots.iter_mut().zip(&mut heads).zip(batch) {
                let mut i = self.home(key);
                while slot.len() != 0 && slot.check != key as u32 {
                    i = (i + 1) & mask;
                    *slot = self.slots[i];
                }
                if slot.is_dense() {
                    *head = u32::from(self.dense[slot.at() * self.classes]);
                } else if slot.len() != 0 {
                    *head = self.entries[slot.at()];
                }
            }
            for (slot, &head) in slots.iter().zip(&heads).take(batch.len()) {
                if slot.len() == 0 {
                    continue;
                }
                if slot.is_dense() {
                    let row = &self.dense[slot.at() * self.classes..][..self.classes];
                    for (score, &w) in scores.iter_mut().zip(row) {
                        *score += f32::from_bits(u32::from(w) << 16);
                    }
                    continue;
                }
                let (class, w) = unpack_entry(head);
                scores[class] += w;
                for &entry in &self.entries[slot.at() + 1..slot.at() + slot.len()] {
                    let (class, w) = unpack_entry(entry);
                    scores[class] += w;
                }
            }
        }
    }

    /// The same weights laid out as inserting them in ascending key order into the smallest
    /// table that holds them does: a layout that depends on the weights alone, not on how the
    /// table grew.
    fn canonical(&self) -> Weights {
        let mut features: Vec<(u64, Slot)> = self
            .keys
            .iter()
            .zip(&self.slots)
            .filter(|(_, s)| s.len() != 0)
            .map(|(&k, &s)| (k, s))
            .collect();
        features.sort_unstable_by_key(|(k, _)| *k);
        let mut size = 16;
        while features.len() * 4 > size * 3 {
            size *= 2;
        }
        let mut table = Weights {
            classes: self.classes,
            slots: vec![Slot::default(); size],
            keys: vec![0; size],
            ..Weights::default()
        };
        let mut list = Vec::new();
        for (key, slot) in features {
            list.clear();
            if slot.is_dense() {
                let row = &self.dense[slot.at() * self.classes..][..self.classes];
                list.extend(
                    (0u16..)
                        .zip(row)
                        .filter(|&(_, &w)| w != 0)
                        .map(|(class, &w)| (class, f32::from_bits(u32::from(w) << 16))),
                );
            } else {
                list.extend(
                    self.entries[slot.at()..slot.at() + slot.len()]
                        .iter()
                        .map(|&e| unpack_entry(e))
                        .map(|(class, w)| (class as u16, w)),
                );
            }
            table.insert(key, &list);
        }
        table
    }

    /// Writes the weights as the table they are in memory, laid out by [`Weights::canonical`]
    /// (the same weights give the same bytes), so that reading them back copies arrays and
    /// hashes nothing. A slot is written as its 32-bit check, not its key: scoring needs no
    /// more, and a table read back (already laid out so) is written as it is.
    pub fn write(&self, out: &mut impl Write) -> io::Result<()> {
        let laid_out;
        let table = if self.keys.is_empty() {
            self
        } else {
            laid_out = self.canonical();
            &laid_out
        };
        let count = |n: usize| {
            u32::try_from(n)
                .map(u32::to_le_bytes)
                .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "table too large"))
        };
        out.write_all(&count(table.classes)?)?;
        out.write_all(&count(table.slots.len())?)?;
        out.write_all(&count(table.entries.len())?)?;
        out.write_all(&count(table.dense.len())?)?;
        let mut bytes = Vec::with_capacity(table.slots.len() * 8 + table.entries.len() * 4);
        write_planes(
            table.slots.iter().map(|s| s.check.to_le_bytes()),
            &mut bytes,
        );
        write_planes(
            table.slots.iter().map(|s| s.place.to_le_bytes()),
            &mut bytes,
        );
        write_planes(table.entries.iter().map(|e| e.to_le_bytes()), &mut bytes);
        write_planes(table.dense.iter().map(|w| w.to_le_bytes()), &mut bytes);
        out.write_all(&bytes)
    }

    /// Reads weights written by [`Weights::write`], checking that every slot points inside the
    /// weights, every class is one of `classes` and the table has an empty slot to end each
    /// search: a damaged file is an error, never a panic or an endless lookup.
    pub fn read(input: &mut impl Read) -> io::Result<Self> {
        let invalid = |what: &str| io::Error::new(io::ErrorKind::InvalidData, what.to_string());
        let classes = read_u32(input)? as usize;
        let size = read_u32(input)? as usize;
        let entries_len = read_u32(input)? as usize;
        let dense_len = read_u32(input)? as usize;
        if size != 0 && (!size.is_power_of_two() || !(16..=MAX_TABLE_SLOTS).contains(&size)) {
            return Err(invalid("the table's size is not a power of two"));
        }
        if entries_len > MAX_ENTRIES || (classes == 0 && dense_len > 0) {
            return Err(invalid("more weights than a model can hold"));
        }
        if classes > 0 && (!dense_len.is_multiple_of(classes) || dense_len / classes >= 1 << 24) {
            return Err(invalid("the dense rows do not fit the classes"));
        }
        let checks = read_planes(input, size, u32::from_le_bytes)?;
        let places = read_planes(input, size, u32::from_le_bytes)?;
        let slots: Vec<Slot> = checks
            .into_iter()
            .zip(places)
            .map(|(check, place)| Slot { check, place })
            .collect();
        let entries = read_planes(input, entries_len, u32::from_le_bytes)?;
        let dense = read_planes(input, dense_len, u16::from_le_bytes)?;
        if entries.iter().any(|&e| (e & 0xFFFF) as usize >= classes) {
            return Err(invalid("class out of range"));
        }
        let rows = dense_len.checked_div(classes).unwrap_or(0);
        let inside = |s: &Slot| match s.len() {
            0 => true,
            DENSE => s.at() < rows,
            n => s.at() + n <= entries.len(),
        };
        if !slots.iter().all(inside) {
            return Err(invalid("a feature's weights lie outside the table"));
        }
        let len = slots.iter().filter(|s| s.len() != 0).count();
        if size > 0 && len * 4 > size * 3 {
            return Err(invalid("the table is too full"));
        }
        Ok(Weights {
            classes,
            slots,
            keys: Vec::new(),
            dense,
            entries,
            len,
        })
    }

    /// How many features have weights.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether no feature has a weight.
    pub fn is_empty(&self) -> bool {
        self.len == 0
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

/// A model embedded in the binary, read on the first call and kept in `cell` (later calls are
/// free); the error names `what`.
pub fn embedded<T>(
    cell: &'static std::sync::OnceLock<Result<T, String>>,
    bytes: &[u8],
    what: &str,
    read: fn(&[u8]) -> io::Result<T>,
) -> Result<&'static T, String> {
    cell.get_or_init(|| read(bytes).map_err(|e| format!("the embedded {what}: {e}")))
        .as_ref()
        .map_err(Clone::clone)
}

/// The file of a model that is one table of weights, behind `magic` (see [`pack`]).
pub fn write_table(weights: &Weights, magic: &[u8; 8]) -> io::Result<Vec<u8>> {
    let mut raw = Vec::new();
    weights.write(&mut raw)?;
    pack(magic, &raw)
}

/// Reads a file written by [`write_table`]: `what` names the model in errors, and its weights
/// must have `classes` classes.
pub fn read_table(
    bytes: &[u8],
    magic: &[u8; 8],
    what: &str,
    classes: usize,
) -> io::Result<Weights> {
    let weights = Weights::read(&mut open(bytes, magic, what)?)?;
    if weights.classes() != classes {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("{what}: {} classes, not {classes}", weights.classes()),
        ));
    }
    Ok(weights)
}

/// The body of a model file written by [`pack`] with this `magic`, read as it is decompressed
/// (the whole body is never in memory at once); `what` names the model in the error when the
/// file is another kind or version.
pub fn open<'a>(bytes: &'a [u8], magic: &[u8; 8], what: &str) -> io::Result<impl Read + 'a> {
    let mut input = io::BufReader::new(flate2::read::GzDecoder::new(bytes));
    let mut head = [0u8; 8];
    let read = input.read_exact(&mut head);
    if read.is_err() || &head != magic {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("not a Sightline {what} (or another version of one)"),
        ));
    }
    Ok(input)
}

/// How many numbers [`write_planes`] lays out together.
const PLANE_BLOCK: usize = 1 << 16;

/// Appends `values` (numbers of `N` little-endian bytes) to `out` as byte planes, a block of
/// [`PLANE_BLOCK`] numbers at a time: every number's first byte, then every second byte, and so
/// on. Bytes of one rank resemble each other (a weight's sign and exponent, the high byte of a
/// class), so the compressor finds more to share (the language model file: 26.1 → 24.9 MB).
fn write_planes<const N: usize>(values: impl Iterator<Item = [u8; N]>, out: &mut Vec<u8>) {
    let values: Vec<[u8; N]> = values.collect();
    for block in values.chunks(PLANE_BLOCK) {
        for rank in 0..N {
            out.extend(block.iter().map(|v| v[rank]));
        }
    }
}

/// Reads `n` numbers written by [`write_planes`], a block at a time, into a vector reserved at
/// once (no copies as it grows; a damaged count reserves at most [`MAX_TABLE_SLOTS`] numbers of
/// address space, which a short input never touches, and fails at the end of the input).
fn read_planes<const N: usize, T>(
    input: &mut impl Read,
    n: usize,
    from_le: fn([u8; N]) -> T,
) -> io::Result<Vec<T>> {
    let mut out = Vec::with_capacity(n.min(MAX_TABLE_SLOTS));
    let mut block = vec![0u8; PLANE_BLOCK * N];
    let mut left = n;
    while left > 0 {
        let take = left.min(PLANE_BLOCK);
        let bytes = &mut block[..take * N];
        input.read_exact(bytes)?;
        out.extend((0..take).map(|i| from_le(std::array::from_fn(|rank| bytes[rank * take + i]))));
        left -= take;
    }
    Ok(out)
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

    #[test]
    fn features_weighing_many_classes_are_dense_rows_with_the_same_scores_and_bytes() {
        let mut w = Weights {
            classes: 8,
            ..Weights::default()
        };
        // Two classes of eight or more make a row; one of eight stays a list, and so does a
        // list with a zero weight (a row could not tell it from an absent one).
        assert!(w.insert(1, &[(0, 0.5), (2, -1.0), (7, 2.0)]));
        assert!(w.insert(2, &[(1, 4.0)]));
        assert!(w.insert(3, &[(0, 1.0), (1, 0.0)]));
        assert_eq!(w.dense.len(), 8, "one row");
        let mut scores = Vec::new();
        w.scores(&[1, 2, 3, 1], &mut scores);
        assert_eq!(scores, [2.0, 4.0, -2.0, 0.0, 0.0, 0.0, 0.0, 4.0]);
        let mut bytes = Vec::new();
        w.write(&mut bytes).expect("written");
        let read = Weights::read(&mut bytes.as_slice()).expect("read");
        let mut again = Vec::new();
        read.write(&mut again).expect("written");
        assert_eq!(bytes, again);
        let mut list = Vec::new();
        read.scores(&[1, 2, 3, 1], &mut list);
        assert_eq!(list, scores);
    }

    #[test]
    fn the_table_finds_every_feature_as_it_grows_and_nothing_else() {
        let mut w = Weights {
            classes: 300,
            ..Weights::default()
        };
        let key = |k: u64| feature(3, k, 0, 0);
        for k in 0..10_000u64 {
            assert!(w.insert(key(k), &[((k % 7) as u16, 1.0), (7, k as f32 / 100.0)]));
        }
        assert_eq!(w.len(), 10_000);
        assert!(
            w.slots.len() * 3 >= w.len() * 4,
            "at most three quarters full"
        );
        let mut scores = Vec::new();
        for k in [0u64, 1, 4_321, 9_999] {
            w.scores(&[key(k), key(k)], &mut scores);
            assert!((scores[(k % 7) as usize] - 2.0).abs() < 1e-6);
            let expected = 2.0 * k as f32 / 100.0;
            assert!(
                (scores[7] - expected).abs() <= expected * 0.005,
                "{k}: {}",
                scores[7]
            );
        }
        w.scores(&[key(10_000), key(123_456)], &mut scores);
        assert!(
            scores.iter().all(|&s| s == 0.0),
            "absent features weigh nothing"
        );
        // A feature with more class weights than a slot can count is refused, not cut.
        let many: Vec<(u16, f32)> = (0..256).map(|c| (c, 1.0)).collect();
        assert!(!w.insert(key(20_000), &many));
    }

    #[test]
    fn a_damaged_table_is_an_error_not_a_panic_or_an_endless_lookup() {
        // Two classes of sixteen: lists, not dense rows.
        let mut w = Weights {
            classes: 16,
            ..Weights::default()
        };
        for k in 0..10u64 {
            assert!(w.insert(feature(1, k, 0, 0), &[(1, 1.0), (3, -2.0)]));
        }
        let mut bytes = Vec::new();
        w.write(&mut bytes).expect("written");
        let size = w.slots.len();
        let places = 16 + size * 4;
        let used = w
            .slots
            .iter()
            .position(|s| s.len() != 0)
            .expect("a feature");
        let damaged = |change: &dyn Fn(&mut Vec<u8>)| {
            let mut copy = bytes.clone();
            change(&mut copy);
            Weights::read(&mut copy.as_slice()).err()
        };
        assert!(damaged(&|_| ()).is_none(), "the intact table reads");
        // Slot `i`'s place, written as byte planes.
        let set_place = |b: &mut Vec<u8>, i: usize, place: u32| {
            for (rank, byte) in place.to_le_bytes().into_iter().enumerate() {
                b[places + rank * size + i] = byte;
            }
        };
        // A feature's weights past the end of the table.
        assert!(damaged(&|b| set_place(b, used, 0x1F4_u32 | 2 << 24)).is_some());
        // A class the model does not have.
        assert!(damaged(&|b| b[places + size * 4] = 17).is_some());
        // Every slot taken: a lookup of an absent feature would never end.
        assert!(
            damaged(&|b| {
                for i in 0..size {
                    set_place(b, i, 1 << 24);
                }
            })
            .is_some()
        );
        // A size that is not a power of two, a count far past the end of the input.
        assert!(damaged(&|b| b[4..8].copy_from_slice(&100u32.to_le_bytes())).is_some());
        assert!(damaged(&|b| b[8..12].copy_from_slice(&(1u32 << 24).to_le_bytes())).is_some());
        assert!(damaged(&|b| b.truncate(b.len() - 1)).is_some());
    }

    #[test]
    fn the_same_weights_give_the_same_bytes_whatever_order_they_came_in() {
        let bytes = |keys: &mut dyn Iterator<Item = u64>| {
            let mut w = Weights {
                classes: 16,
                ..Weights::default()
            };
            for k in keys {
                assert!(w.insert(feature(2, k, 0, 0), &[((k % 16) as u16, k as f32)]));
            }
            let mut out = Vec::new();
            w.write(&mut out).expect("written");
            out
        };
        let forward = bytes(&mut (0..1_000));
        assert_eq!(forward, bytes(&mut (0..1_000).rev()));
        let read = Weights::read(&mut forward.as_slice()).expect("read");
        assert_eq!(read.len(), 1_000);
    }

    #[test]
    fn weights_keep_three_significant_digits() {
        for (class, weight) in [(0u16, 1.0f32), (101, -0.125), (7, 2.71), (65_535, 1234.5)] {
            let (c, w) = unpack_entry(pack_entry(class, weight));
            assert_eq!(c, usize::from(class));
            assert!(
                (w - weight).abs() <= weight.abs() * 0.004,
                "{weight} became {w}"
            );
        }
        assert!(unpack_entry(pack_entry(1, 0.0)).1.abs() < f32::MIN_POSITIVE);
    }
}
