//! The `sightline` program: the desktop app by default, subcommands for headless work.

use clap::{Parser, Subcommand};
use sightline::cli;
use std::path::PathBuf;
use std::process::ExitCode;

/// mimalloc: the parse makes and frees millions of small vectors on every thread; glibc's
/// allocator keeps what each thread freed, mimalloc gives it back and is faster at it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Turns news articles about one story into an evidence-linked, honestly dated timeline.
#[derive(Parser)]
#[command(name = "sightline", version, args_conflicts_with_subcommands = true)]
struct Args {
    #[command(subcommand)]
    command: Option<Command>,
    /// Articles (files or folders) to open in the app; none opens the embedded seed corpus.
    paths: Vec<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Print every temporal expression as a JSON line (the embedded seeds when no PATH).
    Timex {
        /// Files or folders of .txt, .md, .html, .json, .jsonl.
        paths: Vec<PathBuf>,
    },
    /// List each article: id, publication date and basis, sentences, title, notes.
    Articles {
        /// Files or folders of .txt, .md, .html, .json, .jsonl.
        paths: Vec<PathBuf>,
    },
    /// Find, group and date the events; write the timeline document (JSON).
    Extract {
        /// Files or folders of .txt, .md, .html, .json, .jsonl.
        paths: Vec<PathBuf>,
        /// Write the document here instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Print a saved timeline's events as a dated list.
    Events {
        /// A timeline document written by `extract` or the app.
        doc: PathBuf,
    },
    /// Export a saved timeline: png, svg, html, md, csv or timelinejs.
    Export {
        /// A timeline document written by `extract` or the app.
        doc: PathBuf,
        /// png, svg, html, md (markdown), csv or timelinejs.
        #[arg(short, long)]
        format: String,
        /// The file to write.
        #[arg(short, long)]
        output: PathBuf,
        /// Image width in points (png, svg).
        #[arg(long, default_value_t = 1200.0)]
        width: f64,
        /// Pixels per point (png).
        #[arg(long, default_value_t = 2.0)]
        scale: f32,
        /// A light background (for print) instead of the app's dark one (png, svg).
        #[arg(long)]
        light: bool,
    },
    /// Read a TimelineJS JSON file into a timeline document.
    Import {
        /// TimelineJS JSON.
        input: PathBuf,
        /// The timeline document to write.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Tag and parse every article's sentences: CoNLL-U (the default) or JSON lines.
    Parse {
        /// Files or folders of .txt, .md, .html, .json, .jsonl (the embedded seeds when none).
        paths: Vec<PathBuf>,
        /// conllu, or json (one sentence a line, with byte offsets).
        #[arg(long, default_value = "conllu")]
        format: String,
    },
    /// Every event mention as a JSON line: class, lemma, family, polarity, modality, tense,
    /// aspect, agent, patient, place and time (`start`/`end` in characters, as TempEval scores them).
    Mentions {
        /// Files or folders of .txt, .md, .html, .json, .jsonl (the embedded seeds when none).
        paths: Vec<PathBuf>,
    },
    /// Score the temporal tagger on TempEval-3 data (`NAME.articles.jsonl` + `NAME.gold.jsonl`).
    Eval {
        /// Folder holding the corpora.
        #[arg(default_value = "../shared/data/tempeval3-train")]
        data: PathBuf,
        /// Print this many errors (missed, spurious, wrong value) after the table.
        #[arg(long, default_value_t = 0)]
        errors: usize,
        /// Also write the system output (character offsets) here, for `te3_eval.py`.
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    let args = Args::parse();
    let result = match args.command {
        Some(Command::Timex { paths }) => run_on_articles(&paths, cli::timex, None),
        Some(Command::Articles { paths }) => run_on_articles(&paths, cli::articles, None),
        Some(Command::Parse { paths, format }) => {
            let Some(format) = cli::ParseFormat::from_name(&format) else {
                eprintln!("sightline: unknown format {format:?}: use conllu or json");
                return ExitCode::from(2);
            };
            run_on_articles(
                &paths,
                |articles, out| cli::parse(articles, format, out),
                None,
            )
        }
        Some(Command::Mentions { paths }) => run_on_articles(&paths, cli::mentions, None),
        Some(Command::Extract { paths, output }) => run_on_articles(
            &paths,
            |articles, out| cli::extract(articles, &paths, out),
            output.as_deref(),
        ),
        Some(Command::Events { doc }) => {
            cli::events(&doc, &mut std::io::stdout().lock()).map(|()| true)
        }
        Some(Command::Export {
            doc,
            format,
            output,
            width,
            scale,
            light,
        }) => {
            let options = sightline::core::export::ImageOptions {
                width,
                scale,
                dark: !light,
            };
            cli::export(&doc, &format, &output, &options).map(|()| true)
        }
        Some(Command::Import { input, output }) => {
            cli::import(&input, &output, &mut std::io::stderr().lock()).map(|()| true)
        }
        Some(Command::Eval { data, errors, out }) => {
            cli::eval(&data, errors, out.as_deref(), &mut std::io::stdout().lock()).map(|()| true)
        }
        None => run_app(args.paths),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("sightline: error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// Loads articles, reports skipped files on stderr, runs `command` into standard output or,
/// with `output`, into a file written beside the target and renamed into place; fails if no
/// article could be read.
fn run_on_articles(
    paths: &[PathBuf],
    command: impl FnOnce(
        Vec<sightline::core::article::Article>,
        &mut dyn std::io::Write,
    ) -> anyhow::Result<()>,
    output: Option<&std::path::Path>,
) -> anyhow::Result<bool> {
    let loaded = cli::load(paths);
    for problem in &loaded.problems {
        eprintln!("sightline: skipped {problem}");
    }
    if loaded.articles.is_empty() {
        anyhow::bail!("no article could be read");
    }
    let Some(file) = output else {
        command(loaded.articles, &mut std::io::stdout().lock())?;
        return Ok(true);
    };
    // Written beside the target as it is produced, flushed, then renamed into place: a failure
    // leaves the old file, and the output is never held in memory whole.
    let fresh = sightline::core::persist::sibling(file, ".saving");
    let written = (|| -> anyhow::Result<()> {
        let mut out = std::io::BufWriter::new(std::fs::File::create(&fresh)?);
        command(loaded.articles, &mut out)?;
        out.into_inner()
            .map_err(std::io::IntoInnerError::into_error)?
            .sync_all()?;
        std::fs::rename(&fresh, file)?;
        Ok(())
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_file(&fresh);
        anyhow::bail!("{}: cannot write: {e}", file.display());
    }
    Ok(true)
}

#[cfg(feature = "gui")]
fn run_app(paths: Vec<PathBuf>) -> anyhow::Result<bool> {
    sightline::app::run(paths)?;
    Ok(true)
}

#[cfg(not(feature = "gui"))]
fn run_app(_paths: Vec<PathBuf>) -> anyhow::Result<bool> {
    eprintln!(
        "sightline: built without the desktop app (feature `gui`); use a subcommand, see --help"
    );
    std::process::exit(2);
}
