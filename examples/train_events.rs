//! Trains Sightline's event recogniser (TimeML EVENT words and classes) on TimeBank and AQUAINT,
//! holding out every fifth document (sorted by name) for development, and writes the model the
//! binary embeds; then scores it on the held-out documents and writes their system events as
//! JSON lines for `te3_eval.py`. `scripts/train_events.sh` runs it with the converted gold.
//!
//! ```sh
//! cargo run --release --example train_events -- ../shared/data/tempeval3-train target/te3-events
//! ```
//!
//! DATA holds `NAME.articles.jsonl` and `NAME-tml/`; CONVERTED holds `NAME/gold_events.jsonl`
//! from `te3_eval.py convert DATA/NAME-tml CONVERTED/NAME` (NAME: timebank, aquaint).
//! Deterministic: the same data give the same model file, byte for byte.

use serde::Deserialize;
use sightline::core::nlp::events::{EventClass, EventExample, EventRecognizer};
use sightline::core::nlp::{self, ParsedSentence};
use sightline::core::segment;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Deserialize)]
struct ArticleLine {
    id: String,
    text: String,
}

#[derive(Deserialize)]
struct GoldEvent {
    doc: String,
    start: usize,
    end: usize,
    class: String,
}

/// One document: its text, parse, gold events (byte spans) and corpus.
struct Doc {
    corpus: &'static str,
    text: String,
    parsed: Vec<ParsedSentence>,
    gold: Vec<(usize, usize, EventClass)>,
}

fn read_lines<T: for<'a> Deserialize<'a>>(path: &Path) -> anyhow::Result<Vec<T>> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", path.display()))?;
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).map_err(|e| anyhow::anyhow!("{}: {e}", path.display())))
        .collect()
}

/// The byte offset of each character offset (and of the end).
fn byte_offsets(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect()
}

fn load(data: &Path, converted: &Path) -> anyhow::Result<BTreeMap<String, Doc>> {
    let model = nlp::model().map_err(anyhow::Error::msg)?;
    let mut docs = BTreeMap::new();
    for corpus in ["timebank", "aquaint"] {
        let articles: Vec<ArticleLine> =
            read_lines(&data.join(format!("{corpus}.articles.jsonl")))?;
        let gold: Vec<GoldEvent> = read_lines(&converted.join(corpus).join("gold_events.jsonl"))?;
        let mut by_doc: BTreeMap<&str, Vec<&GoldEvent>> = BTreeMap::new();
        for g in &gold {
            by_doc.entry(g.doc.as_str()).or_default().push(g);
        }
        for a in articles {
            let text = a.text;
            let bytes = byte_offsets(&text);
            let events = by_doc
                .get(a.id.as_str())
                .into_iter()
                .flatten()
                .filter_map(|g| {
                    let class = EventClass::from_name(&g.class)?;
                    Some((*bytes.get(g.start)?, *bytes.get(g.end)?, class))
                })
                .collect();
            let paragraphs = segment::paragraphs(&text, 0);
            let sentences = sightline::core::nlp::sentences::sentences(&text, &paragraphs);
            let parsed = model.parse(&text, &sentences);
            docs.insert(
                a.id,
                Doc {
                    corpus,
                    text,
                    parsed,
                    gold: events,
                },
            );
        }
    }
    Ok(docs)
}

/// Each word's gold class: the word holding the start of a gold event (or, failing that, the
/// first word it overlaps) takes its class.
fn word_classes(doc: &Doc, sentence: &ParsedSentence) -> Vec<Option<EventClass>> {
    let mut classes = vec![None; sentence.tokens.len()];
    for &(start, end, class) in &doc.gold {
        let word = sentence
            .tokens
            .iter()
            .position(|t| t.start <= start && start < t.end)
            .or_else(|| {
                sentence
                    .tokens
                    .iter()
                    .position(|t| t.start < end && start < t.end)
            });
        if let Some(w) = word {
            classes[w] = Some(class);
        }
    }
    classes
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let data = PathBuf::from(
        args.first()
            .map_or("../shared/data/tempeval3-train", String::as_str),
    );
    let converted = PathBuf::from(args.get(1).map_or("target/te3-events", String::as_str));
    let out = PathBuf::from(
        args.get(2)
            .map_or("assets/nlp/events.model.gz", String::as_str),
    );
    let iterations: usize = std::env::var("EVENT_ITERATIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10);
    let started = std::time::Instant::now();
    let docs = load(&data, &converted)?;
    eprintln!(
        "[{:>5.1} s] parsed {} documents",
        started.elapsed().as_secs_f64(),
        docs.len()
    );
    let held_out = |i: usize| i % 5 == 4;
    let recognizer = if std::env::var_os("EVAL_ONLY").is_some() {
        EventRecognizer::from_bytes(&std::fs::read(&out)?)?
    } else {
        let examples: Vec<EventExample> = docs
            .values()
            .enumerate()
            .filter(|(i, _)| !held_out(*i))
            .flat_map(|(_, d)| {
                d.parsed.iter().map(move |s| EventExample {
                    text: &d.text,
                    sentence: s,
                    classes: word_classes(d, s),
                })
            })
            .collect();
        eprintln!("{} training sentences", examples.len());
        let recognizer = EventRecognizer::train(&examples, iterations);
        let bytes = recognizer.to_bytes()?;
        std::fs::write(&out, &bytes)?;
        eprintln!(
            "[{:>5.1} s] wrote {} ({} features, {:.2} MB)",
            started.elapsed().as_secs_f64(),
            out.display(),
            recognizer.feature_count(),
            bytes.len() as f64 / 1e6
        );
        recognizer
    };
    evaluate(&docs, &recognizer, &converted, &data, held_out)
}

/// Scores the held-out documents (strict and relaxed spans, class accuracy) and writes their
/// system events and a gold folder for `te3_eval.py`.
fn evaluate(
    docs: &BTreeMap<String, Doc>,
    recognizer: &EventRecognizer,
    converted: &Path,
    data: &Path,
    held_out: impl Fn(usize) -> bool,
) -> anyhow::Result<()> {
    let gold_dir = converted.join("dev-gold");
    let _ = std::fs::remove_dir_all(&gold_dir);
    std::fs::create_dir_all(&gold_dir)?;
    let mut system_out = std::fs::File::create(converted.join("dev-system.jsonl"))?;
    // gold, system, strict, relaxed, class right (of relaxed)
    let mut counts = [0usize; 5];
    let mut per_class: BTreeMap<&str, [usize; 3]> = BTreeMap::new();
    for (name, doc) in docs
        .iter()
        .enumerate()
        .filter(|(i, _)| held_out(*i))
        .map(|(_, d)| d)
    {
        let tml = std::fs::canonicalize(data.join(format!("{}-tml", doc.corpus)))?
            .join(format!("{name}.tml"));
        std::os::unix::fs::symlink(&tml, gold_dir.join(format!("{name}.tml")))?;
        let mut system = Vec::new();
        for sentence in &doc.parsed {
            for (w, class) in recognizer.recognize(&doc.text, sentence) {
                let t = &sentence.tokens[w];
                system.push((t.start, t.end, class));
            }
        }
        let chars = |b: usize| doc.text[..b].chars().count();
        for &(s, e, class) in &system {
            let line = serde_json::json!({
                "doc": name, "start": chars(s), "end": chars(e), "text": &doc.text[s..e],
                "kind": "EVENT", "class": class.as_str(),
            });
            writeln!(system_out, "{line}")?;
        }
        counts[0] += doc.gold.len();
        counts[1] += system.len();
        for &(gs, ge, gclass) in &doc.gold {
            let entry = per_class.entry(gclass.as_str()).or_default();
            entry[0] += 1;
            if let Some(&(s, e, class)) = system.iter().find(|&&(s, e, _)| s < ge && gs < e) {
                counts[3] += 1;
                counts[2] += usize::from(s == gs && e == ge);
                counts[4] += usize::from(class == gclass);
                entry[1] += 1;
                entry[2] += usize::from(class == gclass);
            }
        }
    }
    let f1 = |matched: usize| {
        let (p, r) = (
            matched as f64 / counts[1].max(1) as f64,
            matched as f64 / counts[0].max(1) as f64,
        );
        (100.0 * p, 100.0 * r, 200.0 * p * r / (p + r).max(1e-9))
    };
    let (sp, sr, sf) = f1(counts[2]);
    let (rp, rr, rf) = f1(counts[3]);
    println!(
        "held-out documents: {} gold events, {} system",
        counts[0], counts[1]
    );
    println!("strict  P {sp:.1}  R {sr:.1}  F1 {sf:.1}");
    println!("relaxed P {rp:.1}  R {rr:.1}  F1 {rf:.1}");
    println!(
        "class accuracy (of relaxed matches) {:.1}",
        100.0 * counts[4] as f64 / counts[3].max(1) as f64
    );
    for (class, [gold, found, right]) in per_class {
        println!("  {class:<11} gold {gold:>5}  found {found:>5}  class right {right:>5}");
    }
    eprintln!(
        "cross-check: python3 ../shared/tools/te3_eval.py eval {} {}",
        gold_dir.display(),
        converted.join("dev-system.jsonl").display()
    );
    Ok(())
}
