//! The corpus of bad inputs under tests/data/bad/ with the exact outcome each must give
//! (EXPECTED.tsv): a clear error naming the file, or a clean load with the warning expected.

use sightline::core::ingest::load_paths;
use std::path::{Path, PathBuf};

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/bad")
}

/// What happened to one input: refused with a message, or loaded with items and notes.
enum Outcome {
    Refused(String),
    Loaded(usize, Vec<String>),
}

fn outcome(path: &Path) -> Outcome {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    if name.ends_with(".timeline.json") {
        return match sightline::core::persist::open_with_warnings(path) {
            Ok((doc, warnings)) => Outcome::Loaded(doc.events.len(), warnings),
            Err(e) => Outcome::Refused(e.to_string()),
        };
    }
    let loaded = load_paths(&[path.to_path_buf()], &|_, _| {});
    if let Some(problem) = loaded.problems.first() {
        return Outcome::Refused(problem.to_string());
    }
    let notes = loaded
        .articles
        .iter()
        .flat_map(|a| a.notes.iter().cloned())
        .collect();
    // Every loaded article goes through the whole engine without panicking.
    let doc = sightline::core::pipeline::read(loaded.articles.clone(), "bad").document;
    doc.validate().expect("the engine's document is consistent");
    Outcome::Loaded(loaded.articles.len(), notes)
}

#[test]
fn every_bad_input_gives_its_expected_outcome() {
    let table = std::fs::read_to_string(corpus().join("EXPECTED.tsv")).expect("EXPECTED.tsv");
    let mut checked = 0;
    for line in table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        let [file, expected, text] = cols[..] else {
            panic!("bad row: {line:?}");
        };
        let path = corpus().join(file);
        assert!(path.is_file(), "{file} is missing");
        match (outcome(&path), expected) {
            (Outcome::Refused(message), "refused") => {
                assert!(message.contains(text), "{file}: {message}");
                assert!(
                    message.contains(file),
                    "{file}: the message names the file: {message}"
                );
            }
            (Outcome::Loaded(n, notes), expected) if expected.starts_with("loaded:") => {
                let want: usize = expected["loaded:".len()..].parse().expect("count");
                assert_eq!(n, want, "{file}: {notes:?}");
                if text != "-" {
                    assert!(notes.iter().any(|n| n.contains(text)), "{file}: {notes:?}");
                }
            }
            (Outcome::Refused(message), _) => panic!("{file} refused: {message}"),
            (Outcome::Loaded(n, notes), _) => panic!("{file} loaded {n}: {notes:?}"),
        }
        checked += 1;
    }
    let files = std::fs::read_dir(corpus()).expect("dir").count() - 1;
    assert_eq!(
        checked, files,
        "every file in tests/data/bad has an expected outcome"
    );
}

#[test]
fn datelines_with_time_zones_keep_their_local_day() {
    let loaded = load_paths(&[corpus().join("dateline-timezone.txt")], &|_, _| {});
    let article = &loaded.articles[0];
    // 23:30 in New York on 31 December is 1 January in UTC: the article's day stays the 31st.
    assert_eq!(
        article.published,
        chrono::NaiveDate::from_ymd_opt(2025, 12, 31)
    );
    let analysis = article.analyze();
    let yesterday = analysis
        .timexes
        .iter()
        .find(|t| t.text == "yesterday")
        .expect("tagged");
    assert_eq!(
        yesterday.earliest,
        chrono::NaiveDate::from_ymd_opt(2025, 12, 30)
    );
}

#[test]
fn leap_days_and_week_53_resolve_without_shifting() {
    let loaded = load_paths(&[corpus().join("leap-day.txt")], &|_, _| {});
    let analysis = loaded.articles[0].analyze();
    let leap = chrono::NaiveDate::from_ymd_opt(2024, 2, 29);
    let tagged = |text: &str| {
        analysis
            .timexes
            .iter()
            .find(|t| t.text == text)
            .unwrap_or_else(|| panic!("{text} tagged: {:?}", analysis.timexes))
            .clone()
    };
    let day = tagged("February 29");
    assert_eq!((day.earliest, day.latest), (leap, leap));
    // "a week ago" is the week before: it holds the leap day.
    let week = tagged("a week ago");
    assert!(week.earliest <= leap && leap <= week.latest, "{week:?}");
    let loaded = load_paths(&[corpus().join("week-53.txt")], &|_, _| {});
    let analysis = loaded.articles[0].analyze();
    let last_week = analysis
        .timexes
        .iter()
        .find(|t| t.text == "last week")
        .expect("tagged");
    // 3 January 2021 is in ISO week 53 of 2020: last week is week 52 of 2020.
    assert_eq!(last_week.value, "2020-W52");
    assert_eq!(
        last_week.earliest,
        chrono::NaiveDate::from_ymd_opt(2020, 12, 21)
    );
}

#[test]
fn the_engine_handles_any_year_chrono_can_hold() {
    use sightline::core::segment::{paragraphs, sentences};
    let text = "The fort fell two years ago, on Monday, in March, last week and next year.";
    let paras = paragraphs(text, 0);
    let sents = sentences(text, &paras);
    for anchor in [
        chrono::NaiveDate::MIN,
        chrono::NaiveDate::MAX,
        chrono::NaiveDate::from_ymd_opt(0, 1, 1).expect("year 0"),
        chrono::NaiveDate::from_ymd_opt(-1, 12, 31).expect("1 BCE"),
        chrono::NaiveDate::from_ymd_opt(2000, 2, 29).expect("leap day"),
    ] {
        for t in sightline::core::timex::tag(text, &paras, &sents, Some(anchor)) {
            if let (Some(a), Some(b)) = (t.earliest, t.latest) {
                assert!(a <= b, "{anchor}: {} gives {a}..{b}", t.text);
            }
        }
    }
}
