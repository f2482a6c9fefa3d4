//! Headless subcommands: `timex`, `articles`, `eval`. Each writes to the given output and
//! returns the problems found, so `main` decides the exit code and tests read the output.

use crate::core::article::Article;
use crate::core::eval::{self, GoldTimex};
use crate::core::ingest::{self, Loaded};
use anyhow::{Context, Result};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

/// Reads the articles under `paths`, or the embedded seeds when there are none, with a progress
/// bar on stderr for large inputs (quiet when stderr is not a terminal).
pub fn load(paths: &[PathBuf]) -> Loaded {
    if paths.is_empty() {
        return ingest::seed_articles();
    }
    let bar = indicatif::ProgressBar::hidden();
    if std::io::stderr().is_terminal() {
        bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} reading {pos}/{len} files {wide_bar} {eta}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
    }
    let loaded = ingest::load_paths(paths, &|done, total| {
        if total >= 20 {
            bar.set_length(total as u64);
            bar.set_position(done as u64);
        }
    });
    bar.finish_and_clear();
    loaded
}

/// One JSON line for one temporal expression.
#[derive(serde::Serialize)]
struct TimexLine<'a> {
    doc: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    #[serde(rename = "type")]
    kind: &'a str,
    value: &'a str,
    earliest: Option<chrono::NaiveDate>,
    latest: Option<chrono::NaiveDate>,
}

/// `sightline timex`: every recognised expression as a JSON line.
pub fn timex(articles: Vec<Article>, out: &mut dyn Write) -> Result<()> {
    use rayon::prelude::*;
    let analyses: Vec<_> = articles.par_iter().map(Article::analyze).collect();
    for (article, analysis) in articles.iter().zip(&analyses) {
        for t in &analysis.timexes {
            let line = TimexLine {
                doc: &article.id,
                start: t.start,
                end: t.end,
                text: &t.text,
                kind: t.kind.as_str(),
                value: &t.value,
                earliest: t.earliest,
                latest: t.latest,
            };
            serde_json::to_writer(&mut *out, &line)?;
            writeln!(out)?;
        }
    }
    Ok(())
}

/// How `sightline parse` writes its output.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParseFormat {
    /// CoNLL-U, with a `# doc =` comment before each article's sentences.
    Conllu,
    /// One JSON object a sentence, with byte offsets.
    Json,
}

impl ParseFormat {
    /// The format named on the command line.
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "conllu" => Some(Self::Conllu),
            "json" => Some(Self::Json),
            _ => None,
        }
    }
}

/// `sightline parse`: every article's sentences tagged and parsed.
pub fn parse(articles: Vec<Article>, format: ParseFormat, out: &mut dyn Write) -> Result<()> {
    use crate::core::nlp;
    // Refuse at once, with the reason, rather than print nothing.
    nlp::model().map_err(|e| anyhow::anyhow!(e))?;
    for article in &articles {
        let analysis = article.analyze();
        let parsed = analysis.parsed(&article.text);
        for s in parsed.iter().filter(|s| s.cut) {
            eprintln!(
                "sightline: {}: a sentence of {} words (bytes {}..{}) was parsed in pieces of {}",
                article.id,
                s.tokens.len(),
                s.start,
                s.end,
                nlp::MAX_SENTENCE_WORDS
            );
        }
        match format {
            ParseFormat::Conllu => {
                writeln!(out, "# doc = {}", article.id)?;
                write!(out, "{}", nlp::conllu::write(&article.text, parsed))?;
            }
            ParseFormat::Json => {
                for s in parsed {
                    let tokens: Vec<serde_json::Value> = s
                        .tokens
                        .iter()
                        .map(|t| {
                            serde_json::json!({
                                "start": t.start, "end": t.end,
                                "form": &article.text[t.start..t.end],
                                "upos": t.upos, "xpos": t.xpos, "lemma": t.lemma,
                                "feats": t.feats, "head": t.head, "deprel": t.deprel,
                            })
                        })
                        .collect();
                    let line = serde_json::json!({
                        "doc": article.id, "start": s.start, "end": s.end,
                        "cut": s.cut, "tokens": tokens,
                    });
                    writeln!(out, "{line}")?;
                }
            }
        }
    }
    Ok(())
}

/// `sightline mentions`: every event mention as a JSON line. `start`/`end` count characters
/// (as TempEval's scorer does); the `byte_*` fields are byte offsets into the article text.
pub fn mentions(articles: Vec<Article>, out: &mut dyn Write) -> Result<()> {
    use crate::core::event_mentions::{self, Argument};
    crate::core::nlp::events::recognizer().map_err(|e| anyhow::anyhow!(e))?;
    for article in &articles {
        let analysis = article.analyze();
        let text = &article.text;
        let chars = |b: usize| text[..b].chars().count();
        let argument = |a: &Option<Argument>| {
            a.as_ref().map(|a| {
                serde_json::json!({"text": a.text, "head": a.head, "byte_start": a.start, "byte_end": a.end})
            })
        };
        for m in event_mentions::mentions(article, &analysis) {
            let (s, e) = m.trigger;
            let time = m.time.map(|x| {
                let t = &analysis.timexes[x];
                serde_json::json!({"text": t.text, "value": t.value})
            });
            let line = serde_json::json!({
                "doc": article.id, "start": chars(s), "end": chars(e), "text": &text[s..e],
                "kind": "EVENT", "class": m.class.as_str(), "lemma": m.lemma, "pos": m.pos,
                "family": m.family.id(), "group": m.group,
                "polarity": if m.negated { "NEG" } else { "POS" },
                "modality": m.modality, "hypothetical": m.hypothetical,
                "tense": m.tense.as_str(), "aspect": m.aspect.as_str(), "passive": m.passive,
                "agent": argument(&m.agent), "patient": argument(&m.patient),
                "place": argument(&m.place), "time": time,
                "byte_start": s, "byte_end": e, "span": &text[m.span.0..m.span.1],
                "span_start": m.span.0, "span_end": m.span.1,
            });
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}

/// `sightline articles`: one line per article.
pub fn articles(articles: Vec<Article>, out: &mut dyn Write) -> Result<()> {
    for article in &articles {
        let analysis = article.analyze();
        let notes = if article.notes.is_empty() {
            String::new()
        } else {
            format!("\t[{}]", article.notes.join("; "))
        };
        writeln!(
            out,
            "{}\t{}\t{} sentences\t{}{}",
            article.id,
            article.date_with_basis(),
            analysis.content_sentences().count(),
            article.title,
            notes
        )?;
    }
    Ok(())
}

/// `sightline eval`: scores the tagger on each `NAME.articles.jsonl` + `NAME.gold.jsonl` pair
/// in `data`, prints a table, and optionally the first `errors` errors and the system output.
pub fn eval(
    data: &Path,
    errors: usize,
    system_out: Option<&Path>,
    out: &mut dyn Write,
) -> Result<()> {
    let mut corpora: Vec<PathBuf> = std::fs::read_dir(data)
        .with_context(|| format!("{}: cannot read the evaluation folder", data.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".articles.jsonl"))
        .collect();
    corpora.sort();
    if corpora.is_empty() {
        anyhow::bail!("{}: no NAME.articles.jsonl files", data.display());
    }
    writeln!(
        out,
        "corpus      gold  system  strict P/R/F1        relaxed P/R/F1       value acc  value F1  type acc"
    )?;
    let mut all_gold = Vec::new();
    let mut all_system = Vec::new();
    for articles_path in corpora {
        let name = articles_path
            .to_string_lossy()
            .trim_end_matches(".articles.jsonl")
            .to_string();
        let gold_path = PathBuf::from(format!("{name}.gold.jsonl"));
        let bytes = std::fs::read(&articles_path)
            .with_context(|| format!("{}: cannot read", articles_path.display()))?;
        let articles = ingest::parse_file(
            &articles_path.to_string_lossy(),
            ingest::Format::JsonLines,
            &bytes,
        )
        .with_context(|| format!("{}: not an article corpus", articles_path.display()))?;
        let gold = read_gold(&gold_path)?;
        let system = eval::tag_for_scoring(&articles);
        let scores = eval::score(&gold, &system);
        let label = Path::new(&name)
            .file_name()
            .map_or(name.clone(), |n| n.to_string_lossy().to_string());
        print_scores(out, &label, &scores)?;
        all_gold.extend(gold);
        all_system.extend(system);
    }
    let total = eval::score(&all_gold, &all_system);
    print_scores(out, "all", &total)?;
    writeln!(
        out,
        "\nby gold group   gold  found  right value (% of found, % of gold)"
    )?;
    for (group, gold, found, right) in &total.groups {
        let pct = |n: usize, of: usize| 100.0 * n as f64 / of.max(1) as f64;
        writeln!(
            out,
            "{group:<15} {gold:>5}  {found:>5}  {right:>5} ({:5.1}, {:5.1})",
            pct(*right, *found),
            pct(*right, *gold)
        )?;
    }
    for line in total.errors.iter().take(errors) {
        writeln!(out, "{line}")?;
    }
    if let Some(path) = system_out {
        let mut file = std::io::BufWriter::new(
            std::fs::File::create(path)
                .with_context(|| format!("{}: cannot create", path.display()))?,
        );
        for s in &all_system {
            let line = serde_json::json!({"doc": s.doc, "start": s.start, "end": s.end, "text": s.text, "type": s.kind, "value": s.value});
            writeln!(file, "{line}")?;
        }
    }
    Ok(())
}

fn read_gold(path: &Path) -> Result<Vec<GoldTimex>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read the gold file", path.display()))?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l)
                .with_context(|| format!("{}: line {}: not a gold timex", path.display(), i + 1))
        })
        .collect()
}

fn print_scores(out: &mut dyn Write, label: &str, s: &eval::Scores) -> Result<()> {
    writeln!(
        out,
        "{label:<10} {:>5} {:>7}  {:5.1} {:5.1} {:5.1}    {:5.1} {:5.1} {:5.1}    {:6.1}   {:6.1}   {:6.1}",
        s.gold,
        s.system,
        s.strict.precision,
        s.strict.recall,
        s.strict.f1,
        s.relaxed.precision,
        s.relaxed.recall,
        s.relaxed.f1,
        s.value_accuracy,
        s.value_f1,
        s.type_accuracy
    )?;
    Ok(())
}

/// `sightline extract`: the timeline document of the articles, as JSON.
/// Its title is the one article's, or names what `paths` name.
pub fn extract(articles: Vec<Article>, paths: &[PathBuf], out: &mut dyn Write) -> Result<()> {
    let title = match articles.as_slice() {
        [only] => only.title.clone(),
        _ => crate::core::ingest::story_title(paths, articles.len()),
    };
    // The articles move into the document, which is written as it is serialised: the texts
    // are held once.
    let doc = crate::core::pipeline::read(articles, &title).document;
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)?;
    Ok(())
}

/// `sightline events DOC`: a readable dated list of a saved timeline's events.
pub fn events(path: &Path, out: &mut dyn Write) -> Result<()> {
    let doc = crate::core::persist::open(path)?;
    writeln!(out, "{} ({} events)", doc.title, doc.events.len())?;
    for e in &doc.events {
        let date = crate::core::document::range_label(e.earliest, e.latest);
        let disputed = if e.disputed { "  ⚠ disputed" } else { "" };
        let plural = if e.sources == 1 { "" } else { "s" };
        writeln!(
            out,
            "{date:<25} {}  [{}, {} source{plural}]{disputed}",
            e.title, e.kind, e.sources
        )?;
    }
    Ok(())
}

/// `export`: writes a saved timeline (every event) as `format` to `output`, atomically.
pub fn export(
    path: &Path,
    format: &str,
    output: &Path,
    options: &crate::core::export::ImageOptions,
) -> Result<()> {
    use crate::core::export::{self, Format};
    let format = Format::parse(format).ok_or_else(|| {
        anyhow::anyhow!("unknown format {format:?}: use png, svg, html, md, csv or timelinejs")
    })?;
    let doc = crate::core::persist::open(path)?;
    let all: Vec<usize> = (0..doc.events.len()).collect();
    let bytes = match format {
        Format::Png => export::timeline_png(&doc, &all, options)?,
        Format::Svg => export::timeline_svg(&doc, &all, options).into_bytes(),
        Format::Html => export::html_briefing(&doc, &all).into_bytes(),
        Format::Markdown => export::markdown_briefing(&doc, &all).into_bytes(),
        Format::Csv => export::events_csv(&doc, &all)?.into_bytes(),
        Format::TimelineJs => export::timelinejs(&doc, &all).into_bytes(),
    };
    crate::core::persist::write_atomic(output, &bytes)
        .with_context(|| format!("{}: cannot write", output.display()))
}

/// `import`: reads TimelineJS JSON into a timeline document; says on `notes` what was ignored.
pub fn import(input: &Path, output: &Path, notes: &mut dyn Write) -> Result<()> {
    let text = std::fs::read_to_string(input)
        .with_context(|| format!("{}: cannot read", input.display()))?;
    let (doc, ignored) = crate::core::export::import_timelinejs(&text)
        .map_err(|e| anyhow::anyhow!("{}: {e}", input.display()))?;
    for note in ignored {
        writeln!(notes, "sightline: {}: {note}", input.display())?;
    }
    crate::core::persist::save(&doc, output)?;
    Ok(())
}
