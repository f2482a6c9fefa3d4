//! Trains Sightline's tagger, lemmatizer and parser on the English Web Treebank and writes the
//! model the binary embeds; then scores it on dev and test with gold words, and writes each
//! evaluation set parsed from raw text as CoNLL-U for `conll18_ud_eval.py`.
//!
//! ```sh
//! cargo run --release --example train_nlp -- ../shared/data/ud-english
//! ```
//!
//! Deterministic: the same data give the same model file, byte for byte. `CLUSTERS_CACHE=FILE`
//! keeps the word classes in FILE and reads them from it on later runs (the same classes, a
//! minute saved per experiment); `EVAL_ONLY=1` scores the model file already written.

use sightline::core::nlp::clusters::Clusters;
use sightline::core::nlp::sentences::{SentenceExample, SentenceSplitter};
use sightline::core::nlp::{self, Model, TrainOptions, conllu};
use std::path::{Path, PathBuf};

fn read(dir: &Path, name: &str) -> anyhow::Result<Vec<conllu::GoldSentence>> {
    let path = dir.join(name);
    let text = std::fs::read_to_string(&path)
        .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", path.display()))?;
    Ok(conllu::read(&text))
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = PathBuf::from(
        args.first()
            .map_or("../shared/data/ud-english", String::as_str),
    );
    let out = PathBuf::from(
        args.get(1)
            .map_or("assets/nlp/en_ewt.model.gz", String::as_str),
    );
    let splitter_path = out.with_file_name("en_ewt.sentences.gz");
    let eval_dir =
        PathBuf::from(std::env::var("EVAL_DIR").unwrap_or_else(|_| "target/nlp-eval".to_string()));
    let started = std::time::Instant::now();
    if std::env::var_os("EVAL_ONLY").is_some() {
        // Score the model file already written, without training.
        let model = Model::from_bytes(&std::fs::read(&out)?)?;
        let splitter = SentenceSplitter::from_bytes(&std::fs::read(&splitter_path)?)?;
        return evaluate(&dir, &eval_dir, Box::leak(Box::new(model)), &splitter);
    }
    let train = read(&dir, "en_ewt-ud-train.conllu")?;
    eprintln!("{} training sentences", train.len());
    let splitter = train_splitter(&train);
    std::fs::write(&splitter_path, splitter.to_bytes()?)?;
    eprintln!(
        "[{:>6.1} s] wrote {}",
        started.elapsed().as_secs_f64(),
        splitter_path.display()
    );
    if std::env::var_os("SENTENCES_ONLY").is_some() {
        let model = Model::from_bytes(&std::fs::read(&out)?)?;
        return evaluate(&dir, &eval_dir, Box::leak(Box::new(model)), &splitter);
    }
    let mut options = TrainOptions::default();
    if let Some(min) = std::env::var("MIN_WEIGHT")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        options.min_weight = min;
    }
    if let Some(n) = std::env::var("MIN_UPDATES")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        options.min_updates = n;
    }
    if let Some(n) = std::env::var("PARSER_ITERATIONS")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        options.parser_iterations = n;
    }
    eprintln!("{options:?}");
    let treebank: Vec<Vec<String>> = train
        .iter()
        .map(|s| s.words.iter().map(|w| w.form.clone()).collect())
        .collect();
    let unlabelled = unlabelled_sentences(&dir);
    eprintln!(
        "[{:>6.1} s] clustering the words of {} sentences",
        started.elapsed().as_secs_f64(),
        unlabelled.len()
    );
    let cache = std::env::var("CLUSTERS_CACHE").ok().map(PathBuf::from);
    let clusters = if let Some(bytes) = cache.as_ref().and_then(|c| std::fs::read(c).ok()) {
        Clusters::read(&mut bytes.as_slice())?
    } else {
        let clusters = Clusters::induce(&treebank, &unlabelled);
        if let Some(c) = &cache {
            let mut bytes = Vec::new();
            clusters.write(&mut bytes)?;
            std::fs::write(c, bytes)?;
        }
        clusters
    };
    eprintln!(
        "[{:>6.1} s] {} words in classes",
        started.elapsed().as_secs_f64(),
        clusters.len()
    );
    let model = Model::train(&train, clusters, options, &mut |stage| {
        eprintln!(
            "[{:>6.1} s] training the {stage}",
            started.elapsed().as_secs_f64()
        );
    });
    let (tagger_features, parser_features) = model.feature_counts();
    eprintln!("features: tagger {tagger_features}, parser {parser_features}");
    let bytes = model.to_bytes()?;
    std::fs::write(&out, &bytes)?;
    eprintln!(
        "[{:>6.1} s] wrote {} ({:.1} MB)",
        started.elapsed().as_secs_f64(),
        out.display(),
        bytes.len() as f64 / 1e6
    );
    evaluate(&dir, &eval_dir, Box::leak(Box::new(model)), &splitter)
}

/// Unlabelled text the word classes are learned from (besides the treebank's words), as
/// paragraphs of words: the news articles of the development corpora beside the treebank when
/// they are there (`../tls-entities/*/articles.jsonl`, `../tempeval3-train/*.articles.jsonl`),
/// cut into words by Sightline's own tokenizer. Only co-occurrence counts are kept of them.
fn unlabelled_sentences(dir: &Path) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = Vec::new();
    let data = dir.parent().map(Path::to_path_buf).unwrap_or_default();
    let mut files: Vec<PathBuf> = Vec::new();
    if let Ok(stories) = std::fs::read_dir(data.join("tls-entities")) {
        files.extend(stories.flatten().map(|e| e.path().join("articles.jsonl")));
    }
    for name in ["timebank", "aquaint"] {
        files.push(
            data.join("tempeval3-train")
                .join(format!("{name}.articles.jsonl")),
        );
    }
    files.sort();
    for file in files {
        let Ok(lines) = std::fs::read_to_string(&file) else {
            continue;
        };
        for line in lines.lines() {
            let Ok(value) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            let Some(text) = value["text"].as_str() else {
                continue;
            };
            let mut start = 0;
            for line in text.split_inclusive('\n') {
                let end = start + line.trim_end_matches('\n').len();
                if !text[start..end].trim().is_empty() {
                    let words = nlp::tokenize::tokenize(text, start, end);
                    out.push(words.iter().map(|&(s, e)| text[s..e].to_string()).collect());
                }
                start += line.len();
            }
        }
    }
    out
}

/// Trains the sentence splitter on the treebank's raw text, each document's paragraphs as
/// Sightline finds them.
fn train_splitter(train: &[conllu::GoldSentence]) -> SentenceSplitter {
    let (text, ends) = conllu::raw_text_and_ends(train);
    let paragraphs = sightline::core::segment::paragraphs(&text, 0);
    let example = SentenceExample {
        text: &text,
        paragraphs: &paragraphs,
        ends: &ends,
    };
    SentenceSplitter::train(&[example], 10)
}

/// Prints the scores with gold words and writes each set parsed from raw text.
fn evaluate(
    dir: &Path,
    eval_dir: &Path,
    model: &'static Model,
    splitter: &SentenceSplitter,
) -> anyhow::Result<()> {
    std::fs::create_dir_all(eval_dir)?;
    println!("set             words   UPOS   XPOS  Lemma    UAS    LAS   (gold words)");
    for (name, file) in [
        ("ewt-dev", "en_ewt-ud-dev.conllu"),
        ("ewt-test", "en_ewt-ud-test.conllu"),
        ("gum-news-dev", "en_gum-news-dev.conllu"),
        ("gum-news-test", "en_gum-news-test.conllu"),
    ] {
        let gold = read(dir, file)?;
        let s = nlp::score_gold_words(model, &gold);
        println!(
            "{name:<14} {:>6}  {:>5.2}  {:>5.2}  {:>5.2}  {:>5.2}  {:>5.2}",
            s.words, s.upos, s.xpos, s.lemma, s.uas, s.las
        );
        // From raw text: Sightline's own paragraphs, sentences and words.
        let text = conllu::raw_text(&gold);
        let paragraphs = sightline::core::segment::paragraphs(&text, 0);
        let sentences = splitter.sentences(&text, &paragraphs);
        let parsed = model.parse(&text, &sentences);
        std::fs::write(
            eval_dir.join(format!("{name}.conllu")),
            conllu::write(&text, &parsed),
        )?;
    }
    eprintln!(
        "from raw text: python3 ../shared/tools/conll18_ud_eval.py -v GOLD {}/NAME.conllu",
        eval_dir.display()
    );
    Ok(())
}
