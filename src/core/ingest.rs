//! Reading articles: files and folders of .txt, .md, .html, .json and .jsonl; decoding; titles,
//! bylines and publication dates with their basis.

use crate::core::article::{Article, DateBasis};
use chrono::{Datelike, NaiveDate};
use rayon::prelude::*;
use regex::Regex;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

/// Why a file could not be read as articles.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum IngestError {
    /// Nothing but whitespace.
    #[error("the file is empty")]
    Empty,
    /// Control bytes: not text.
    #[error("the file is binary, not text")]
    Binary,
    /// JSON that does not parse, or has the wrong shape.
    #[error("{0}")]
    Json(String),
    /// The file could not be read.
    #[error("cannot read: {0}")]
    Io(String),
    /// Not a kind of file Sightline reads.
    #[error("unsupported file type (expected .txt, .md, .html, .mhtml, .json, .jsonl or .pdf)")]
    Unsupported,
    /// A saved web archive that cannot be read.
    #[error("not a readable web archive (MHTML): {0}")]
    Archive(String),
    /// A PDF that cannot be read as an article.
    #[error("not a readable PDF article: {0}")]
    Pdf(String),
}

/// A file that could not be read, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file.
    pub path: String,
    /// What is wrong with it.
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// What loading some paths gave: the articles, and the files that were skipped.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Articles in path order, ids unique.
    pub articles: Vec<Article>,
    /// Files skipped, each with the reason.
    pub problems: Vec<Problem>,
}

/// The kinds of file Sightline reads, by extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text.
    Text,
    /// Markdown (front matter and `# Title` understood).
    Markdown,
    /// HTML: text only, no scripts, nothing fetched.
    Html,
    /// A browser's "save as single file" web archive (MIME, quoted-printable or base64): its
    /// page is read as HTML.
    Mhtml,
    /// One JSON object, an array of them, or `{"articles": [...]}`.
    Json,
    /// One JSON object a line.
    JsonLines,
    /// A PDF: its text layer, read like a plain-text article.
    Pdf,
}

impl Format {
    /// Every file extension read as an article, with its format.
    pub const EXTENSIONS: [(&'static str, Format); 13] = [
        ("txt", Format::Text),
        ("text", Format::Text),
        ("md", Format::Markdown),
        ("markdown", Format::Markdown),
        ("html", Format::Html),
        ("htm", Format::Html),
        ("xhtml", Format::Html),
        ("mhtml", Format::Mhtml),
        ("mht", Format::Mhtml),
        ("json", Format::Json),
        ("jsonl", Format::JsonLines),
        ("ndjson", Format::JsonLines),
        ("pdf", Format::Pdf),
    ];

    /// The format a path's extension names.
    pub fn of(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?;
        Self::EXTENSIONS
            .iter()
            .find(|(e, _)| e.eq_ignore_ascii_case(ext))
            .map(|&(_, format)| format)
    }
}

/// The five seed articles, embedded so the program works with no files at hand.
pub const SEEDS: &[(&str, &[u8])] = &[
    (
        "seeds/000_22c6b51998e0793d.txt",
        include_bytes!("../../seeds/000_22c6b51998e0793d.txt"),
    ),
    (
        "seeds/001_ba32f4ddfaa87310.txt",
        include_bytes!("../../seeds/001_ba32f4ddfaa87310.txt"),
    ),
    (
        "seeds/002_fe6f37084b34e928.txt",
        include_bytes!("../../seeds/002_fe6f37084b34e928.txt"),
    ),
    (
        "seeds/003_f7a3bd44a167fe9b.txt",
        include_bytes!("../../seeds/003_f7a3bd44a167fe9b.txt"),
    ),
    (
        "seeds/004_49bfff059735f1c2.txt",
        include_bytes!("../../seeds/004_49bfff059735f1c2.txt"),
    ),
];

/// The embedded seed corpus, read as if from files.
pub fn seed_articles() -> Loaded {
    let mut loaded = Loaded::default();
    for (path, bytes) in SEEDS {
        add_file(&mut loaded, path, Format::Text, bytes);
    }
    finish(&mut loaded);
    loaded
}

/// Lists the readable files under `paths` (folders recursively, sorted); a named file of an
/// unknown type is kept (read as text), unknown files inside folders are passed over.
pub fn expand_paths(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Problem>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut stack = vec![path.clone()];
            let mut found = Vec::new();
            while let Some(dir) = stack.pop() {
                match std::fs::read_dir(&dir) {
                    Ok(entries) => {
                        for entry in entries.flatten() {
                            let p = entry.path();
                            if p.is_dir() {
                                stack.push(p);
                            } else if Format::of(&p).is_some() {
                                found.push(p);
                            }
                        }
                    }
                    Err(e) => problems.push(Problem {
                        path: dir.display().to_string(),
                        message: format!("cannot read folder: {e}"),
                    }),
                }
            }
            found.sort();
            files.extend(found);
        } else if path.exists() {
            files.push(path.clone());
        } else {
            problems.push(Problem {
                path: path.display().to_string(),
                message: "no such file or folder".into(),
            });
        }
    }
    (files, problems)
}

/// A title for a timeline read from `paths`: the folder or file named (a generic file name such
/// as "articles.jsonl" gives its folder's name; underscores read as spaces), else "N articles".
pub fn story_title(paths: &[PathBuf], articles: usize) -> String {
    const GENERIC: &[&str] = &[
        "articles", "index", "corpus", "data", "docs", "news", "seeds",
    ];
    let named = match paths {
        [one] => {
            let stem = one.file_stem().and_then(|s| s.to_str());
            let parent = one.canonicalize().ok().and_then(|p| {
                p.parent()
                    .and_then(|d| d.file_name())
                    .map(|n| n.to_string_lossy().into_owned())
            });
            match stem {
                Some(s) if one.is_file() && GENERIC.contains(&s.to_lowercase().as_str()) => parent,
                Some(s) => Some(s.to_string()),
                None => None,
            }
        }
        _ => None,
    };
    named
        .map(|n| n.replace('_', " ").trim().to_string())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| format!("{articles} articles"))
}

/// Reads every file under `paths`. A bad file is reported in `problems` and skipped.
/// `progress` is called after each file.
pub fn load_paths(paths: &[PathBuf], progress: &(dyn Fn(usize, usize) + Sync)) -> Loaded {
    let (files, problems) = expand_paths(paths);
    let total = files.len();
    let done = std::sync::atomic::AtomicUsize::new(0);
    let parsed: Vec<(String, Result<Vec<Article>, IngestError>)> = files
        .par_iter()
        .map(|file| {
            let label = file.display().to_string();
            let result = std::fs::read(file)
                .map_err(|e| IngestError::Io(e.to_string()))
                .and_then(|bytes| {
                    parse_file(&label, Format::of(file).unwrap_or(Format::Text), &bytes)
                });
            progress(
                done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1,
                total,
            );
            (label, result)
        })
        .collect();
    let mut loaded = Loaded {
        articles: Vec::new(),
        problems,
    };
    for (label, result) in parsed {
        match result {
            Ok(articles) => loaded.articles.extend(articles),
            Err(e) => loaded.problems.push(Problem {
                path: label,
                message: e.to_string(),
            }),
        }
    }
    finish(&mut loaded);
    loaded
}

/// Reads one file's bytes as articles (several for JSON). Bad JSON lines are skipped with a
/// note on the first article; a file with none readable is an error.
pub fn parse_file(path: &str, format: Format, bytes: &[u8]) -> Result<Vec<Article>, IngestError> {
    let stem = Path::new(path)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("article")
        .to_string();
    // Archives and PDFs carry their own encodings; the rest is text to decode first.
    let read: fn(&str, &str, String) -> Result<Vec<Article>, IngestError> = match format {
        Format::Mhtml => return from_mhtml(&stem, path, bytes).map(|a| vec![a]),
        Format::Pdf => return from_pdf(&stem, path, bytes).map(|a| vec![a]),
        Format::Text => |stem, path, text| Ok(vec![from_text(stem, path, text, false)]),
        Format::Markdown => |stem, path, text| Ok(vec![from_text(stem, path, text, true)]),
        Format::Html => |stem, path, text| Ok(vec![from_html(stem, path, &text, None)]),
        Format::Json => |stem, path, text| from_json(stem, path, &text),
        Format::JsonLines => |stem, path, text| from_json_lines(stem, path, &text),
    };
    let (text, note) = decode(bytes)?;
    let mut articles = read(&stem, path, text)?;
    if let Some(note) = note {
        for a in &mut articles {
            a.notes.insert(0, note.clone());
        }
    }
    Ok(articles)
}

fn add_file(loaded: &mut Loaded, path: &str, format: Format, bytes: &[u8]) {
    match parse_file(path, format, bytes) {
        Ok(articles) => loaded.articles.extend(articles),
        Err(e) => loaded.problems.push(Problem {
            path: path.to_string(),
            message: e.to_string(),
        }),
    }
}

/// Corpus-level finishing: unique ids, and dateline years inferred from the other articles.
pub fn finish(loaded: &mut Loaded) {
    let mut seen = HashSet::new();
    for article in &mut loaded.articles {
        let base = article.id.clone();
        let mut n = 1;
        while !seen.insert(article.id.clone()) {
            n += 1;
            article.id = format!("{base}_{n}").into();
        }
        if n > 1 {
            article
                .notes
                .push(format!("id {base} was taken; renamed {}", article.id));
        }
    }
    infer_dateline_years(&mut loaded.articles);
}

// ---- decoding -----------------------------------------------------------------------------

/// Decodes bytes to text: UTF-8 (BOM dropped), UTF-16 with or without BOM, else the detected
/// legacy encoding. The note says what was done when it was not plain UTF-8.
pub fn decode(bytes: &[u8]) -> Result<(String, Option<String>), IngestError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(IngestError::Empty);
    }
    let (text, note) = if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        let note = (encoding != encoding_rs::UTF_8)
            .then(|| format!("decoded from {} (byte-order mark)", encoding.name()));
        (text.into_owned(), note)
    } else if let Some(encoding) = utf16_without_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(bytes);
        (
            text.into_owned(),
            Some(format!(
                "decoded from {} (no byte-order mark; detected)",
                encoding.name()
            )),
        )
    } else if bytes.contains(&0) {
        return Err(IngestError::Binary);
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        (text.to_string(), None)
    } else {
        let mut detector = chardetng::EncodingDetector::new();
        detector.feed(bytes, true);
        let encoding = detector.guess(None, true);
        let (text, _) = encoding.decode_without_bom_handling(bytes);
        (
            text.into_owned(),
            Some(format!(
                "not valid UTF-8; decoded as {} (detected)",
                encoding.name()
            )),
        )
    };
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    if controls * 20 > text.chars().count().max(1) {
        return Err(IngestError::Binary);
    }
    if text.trim().is_empty() {
        return Err(IngestError::Empty);
    }
    Ok((text, note))
}

/// UTF-16 without a byte-order mark: most NUL bytes sit on one side of each byte pair.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let pairs = bytes.len() / 2;
    let even = bytes.iter().step_by(2).filter(|b| **b == 0).count();
    let odd = bytes.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    if odd * 10 > pairs * 6 && even * 10 < pairs {
        Some(encoding_rs::UTF_16LE)
    } else if even * 10 > pairs * 6 && odd * 10 < pairs {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

// ---- plain text and Markdown --------------------------------------------------------------

static HEADER_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\A\s*(?:date|published|posted|updated)\s*:?\s+(\d{4}-\d{1,2}-\d{1,2}(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?|[A-Z][a-z]+\.? \d{1,2},? \d{4})")
        .expect("header pattern")
});

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^\s*[A-Z][A-Za-z.' ]{1,40}(?:,\s*[A-Z][A-Za-z.' ]{1,30})?,?\s+(?:\((?:[A-Za-z ]+)\)\s*)?(?:(?:MON|TUES|WEDNES|THURS|FRI|SATUR|SUN|Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)(?:DAY|day),?\s+)?([A-Z][A-Za-z]{2,8})\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?\s*(?:\([A-Za-z ]+\)\s*)?[—–-]")
        .expect("dateline pattern")
});

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:By|BY|by)\s+\p{Lu}[\p{L}.' -]{1,60}(?:,\s*[\p{L} ]{1,40})?$")
        .expect("byline pattern")
});

fn from_text(stem: &str, path: &str, text: String, markdown: bool) -> Article {
    let (text, repaired) = repair_mojibake(text);
    let mut article = Article {
        id: stem.into(),
        path: path.to_string(),
        title: String::new(),
        byline: None,
        outlet: None,
        url: None,
        published: None,
        published_basis: DateBasis::Unknown,
        year_inferred: false,
        text,
        body_start: 0,
        notes: Vec::new(),
    };
    if repaired > 0 {
        article.notes.push(format!(
            "{repaired} character(s) repaired: the text had been read as Windows-1252 \
             although it was UTF-8 (\"â€™\" for \"’\")"
        ));
    }
    let mut title = None;
    if markdown {
        read_front_matter(&mut article, &mut title);
    }
    if let Some(caps) = HEADER_DATE.captures(&article.text[article.body_start..]) {
        let m = caps.get(1).expect("group 1");
        match parse_date(m.as_str()) {
            Some(date) => {
                article.published = Some(date);
                article.published_basis = DateBasis::Header;
            }
            None => article
                .notes
                .push(format!("header date '{}' is not a valid date", m.as_str())),
        }
        article.body_start += m.end();
    }
    let lines: Vec<String> = article.text[article.body_start..]
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(6)
        .map(str::to_string)
        .collect();
    let mut furniture = 0;
    let mut published_by_update = false;
    for (index, line) in lines.iter().enumerate() {
        if article.byline.is_none() && BYLINE.is_match(line) {
            article.byline = Some(line.clone());
            furniture = index + 1;
            continue;
        }
        if let Some((date, updated)) = date_line(line) {
            // A publication line wins over an update line; either is furniture.
            if article.published.is_none() || (!updated && published_by_update) {
                article.published = Some(date);
                article.published_basis = DateBasis::Header;
                published_by_update = updated;
            }
            furniture = index + 1;
            continue;
        }
        if article.published.is_none()
            && let Some(caps) = DATELINE.captures(line)
        {
            read_dateline(&mut article, &caps);
            if caps.get(0).is_some_and(|m| m.end() + 2 >= line.len()) {
                furniture = index + 1;
            }
            continue;
        }
        let heading = line.strip_prefix("# ").map(str::trim);
        if title.is_none() && index <= 1 && (heading.is_some() || looks_like_title(line)) {
            title = Some(heading.unwrap_or(line).to_string());
        }
    }
    article.title = title.unwrap_or_else(|| {
        let first = lines.get(furniture).map_or("", String::as_str);
        fallback_title(first)
    });
    article
}

/// A line that says when the article was published or updated ("Published May 03, 2013",
/// "Posted 05/02/2013 9:14 AM", "Updated: 3:42 PM ET, Tue March 18, 2024"): the day, and
/// whether it is an update.
fn date_line(line: &str) -> Option<(NaiveDate, bool)> {
    static LEAD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:first\s+|last\s+)?(published|posted|updated|modified|date)\b\s*:?\s*(?:on\s+)?(.{0,60})$")
            .expect("valid")
    });
    static DAY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(concat!(
            r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b",
            r"|\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b",
            r"|\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b",
            r"|\b(\d{1,2})/(\d{1,2})/(\d{4})\b",
        ))
        .expect("valid")
    });
    let lead = LEAD.captures(line)?;
    let updated = matches!(lead[1].to_lowercase().as_str(), "updated" | "modified");
    let rest = lead.get(2)?.as_str();
    // Only a date, a clock time, a weekday or a name may follow: "Posted guards stood …" is
    // a sentence.
    let prose = rest.split(|c: char| !c.is_alphabetic()).any(|w| {
        w.len() > 3
            && w.chars().all(char::is_lowercase)
            && crate::core::timex::lexicon::month(w).is_none()
            && crate::core::timex::lexicon::weekday(w).is_none()
    });
    if prose {
        return None;
    }
    let caps = DAY.captures(rest)?;
    let number = |i: usize| caps.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let month_named = |i: usize| {
        let word = caps.get(i)?.as_str().to_lowercase();
        crate::core::timex::lexicon::month(&word)
    };
    let (year, month, day) = if let Some(y) = number(1) {
        (y, number(2)?, number(3)?)
    } else if caps.get(4).is_some() {
        (number(6)?, month_named(4)?, number(5)?)
    } else if caps.get(8).is_some() {
        (number(9)?, month_named(8)?, number(7)?)
    } else {
        // Month first, as American sites write it, unless the first number cannot be a month.
        let (a, b) = (number(10)?, number(11)?);
        let (month, day) = if a > 12 { (b, a) } else { (a, b) };
        (number(12)?, month, day)
    };
    let date = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?;
    Some((date, updated))
}

fn read_dateline(article: &mut Article, caps: &regex::Captures<'_>) {
    let month_word = caps[1].to_lowercase();
    let Some(month) = crate::core::timex::lexicon::month(month_word.trim_end_matches('.')) else {
        return;
    };
    let day: u32 = caps[2].parse().unwrap_or(0);
    match caps.get(3).and_then(|y| y.as_str().parse::<i32>().ok()) {
        Some(year) => match NaiveDate::from_ymd_opt(year, month, day) {
            Some(date) => {
                article.published = Some(date);
                article.published_basis = DateBasis::Dateline;
            }
            None => article.notes.push(format!(
                "dateline date {year}-{month:02}-{day:02} is not a valid date"
            )),
        },
        None if NaiveDate::from_ymd_opt(2000, month, day).is_some() => {
            // Year to be inferred from the corpus: keep month and day for now.
            article.published_basis = DateBasis::Dateline;
            article.year_inferred = true;
            article
                .notes
                .push(format!("dateline {month:02}-{day:02} has no year"));
        }
        None => article.notes.push(format!(
            "dateline day {day} of month {month} is not a valid date"
        )),
    }
}

fn read_front_matter(article: &mut Article, title: &mut Option<String>) {
    let text = article.text.clone();
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return;
    };
    let Some(close) = rest.find("\n---") else {
        return;
    };
    let block = &rest[..close];
    let mut published = None;
    for line in block.lines() {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim().trim_matches(['"', '\'']);
        match key.trim().to_ascii_lowercase().as_str() {
            "title" => *title = Some(value.to_string()),
            "date" | "published" | "pubdate" => published = Some(value.to_string()),
            "author" | "byline" => article.byline = Some(value.to_string()),
            "url" | "link" => article.url = Some(value.to_string()),
            "outlet" | "source" | "site" => article.outlet = Some(value.to_string()),
            _ => {}
        }
    }
    if let Some(value) = published {
        set_metadata_date(article, &value, "front matter date");
    }
    let after = text.len() - rest.len() + close + 4;
    article.body_start = text[after..]
        .find('\n')
        .map_or(text.len(), |n| after + n + 1);
}

fn set_metadata_date(article: &mut Article, value: &str, what: &str) {
    match parse_date(value) {
        Some(date) => {
            article.published = Some(date);
            article.published_basis = DateBasis::Metadata;
            article.year_inferred = false;
            article.notes.retain(|n| !n.starts_with("dateline "));
        }
        None => article
            .notes
            .push(format!("{what} '{value}' is not a valid date")),
    }
}

fn looks_like_title(line: &str) -> bool {
    let words = line.split_whitespace().count();
    (2..=25).contains(&words)
        && line.len() <= 200
        && !line.ends_with(['.', ':', ',', ';'])
        && !line.starts_with(['"', '“', '-', '*'])
}

/// The start of the first sentence, cut at a word boundary: a title for an untitled article.
fn fallback_title(body: &str) -> String {
    let first = body.trim_start();
    let sentence_end = first.find(". ").map_or(first.len(), |i| i + 1);
    let sentence = first[..sentence_end].lines().next().unwrap_or("").trim();
    crate::core::article::shorten(sentence, FALLBACK_TITLE_CHARS)
}

/// Longest title made from a first sentence.
const FALLBACK_TITLE_CHARS: usize = 90;

// ---- dates --------------------------------------------------------------------------------

/// Parses a date or date-time as publishers write it; the date is kept as written (a time zone
/// never moves it to another day). `None` for impossible dates.
pub fn parse_date(value: &str) -> Option<NaiveDate> {
    let v = value.trim();
    if let Ok(dt) = chrono::DateTime::parse_from_rfc3339(v) {
        return Some(dt.date_naive());
    }
    if let Ok(dt) = chrono::DateTime::parse_from_rfc2822(v) {
        return Some(dt.date_naive());
    }
    let head: String = v.chars().take(10).collect();
    for format in ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d"] {
        if let Ok(d) = NaiveDate::parse_from_str(&head, format)
            && v[head.len()..]
                .chars()
                .next()
                .is_none_or(|c| matches!(c, 'T' | ' ' | 't'))
        {
            return Some(d);
        }
    }
    for format in [
        "%B %d, %Y",
        "%B %d %Y",
        "%b %d, %Y",
        "%b. %d, %Y",
        "%d %B %Y",
        "%Y%m%d",
    ] {
        if let Ok(d) = NaiveDate::parse_from_str(v, format) {
            return Some(d);
        }
    }
    None
}

/// Gives datelines without a year the year that puts them nearest the other articles' dates.
fn infer_dateline_years(articles: &mut [Article]) {
    let mut known: Vec<NaiveDate> = articles.iter().filter_map(|a| a.published).collect();
    known.sort();
    let reference = known.get(known.len() / 2).copied();
    for article in articles
        .iter_mut()
        .filter(|a| a.year_inferred && a.published.is_none())
    {
        let Some((month, day)) = article
            .notes
            .iter()
            .find_map(|n| {
                n.strip_prefix("dateline ")
                    .and_then(|r| r.split_once(" has no year"))
                    .map(|(md, _)| md.to_string())
            })
            .and_then(|md| {
                let (m, d) = md.split_once('-')?;
                Some((m.parse::<u32>().ok()?, d.parse::<u32>().ok()?))
            })
        else {
            continue;
        };
        let Some(reference) = reference else {
            article
                .notes
                .push("no other article gives a year; publication date unknown".into());
            article.published_basis = DateBasis::Unknown;
            article.year_inferred = false;
            continue;
        };
        let best = [reference.year() - 1, reference.year(), reference.year() + 1]
            .into_iter()
            .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
            .min_by_key(|d| (*d - reference).num_days().abs());
        article.published = best;
        article.notes.retain(|n| !n.starts_with("dateline "));
        if let Some(d) = best {
            article.notes.push(format!(
                "dateline year {} inferred from the other articles",
                d.year()
            ));
        }
    }
}

// ---- HTML ---------------------------------------------------------------------------------

/// Elements whose content is never article text.
const SKIPPED_ELEMENTS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "head", "nav", "footer", "aside", "form",
    "button", "iframe", "object", "canvas", "select",
];

/// Elements that start a new paragraph.
const BLOCK_ELEMENTS: &[&str] = &[
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "tr",
    "article",
    "section",
    "header",
    "blockquote",
    "figcaption",
    "pre",
    "dd",
    "dt",
    "main",
    "table",
    "ul",
    "ol",
    "hr",
    "title",
];

/// Nesting deeper than this is read by the linear tag stripper: a full HTML tree builder spends
/// quadratic time on pathological nesting (100,000 nested tags).
const MAX_HTML_DEPTH: usize = 1_000;

/// A web archive's page, read as HTML; the address it was saved from stands in for a page
/// that names none.
fn from_mhtml(stem: &str, path: &str, bytes: &[u8]) -> Result<Article, IngestError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(IngestError::Empty);
    }
    let message = mail_parser::MessageParser::default()
        .parse(bytes)
        .ok_or_else(|| IngestError::Archive("no MIME headers".into()))?;
    let html = message
        .body_html(0)
        .ok_or_else(|| IngestError::Archive("it holds no HTML page".into()))?;
    let location = message
        .header("Snapshot-Content-Location")
        .or_else(|| message.header("Content-Location"))
        .and_then(|h| h.as_text())
        .map(str::to_string);
    Ok(from_html(stem, path, &html, location.as_deref()))
}

/// A PDF's article: the text of its pages (the text layer, through `pdf-extract`), its lines
/// joined back into paragraphs, read like a plain-text article. A PDF with no text (a scan), one
/// locked with a password or one too damaged to read is refused with the reason.
fn from_pdf(stem: &str, path: &str, bytes: &[u8]) -> Result<Article, IngestError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(IngestError::Empty);
    }
    let header = &bytes[..bytes.len().min(1024)];
    if !header.windows(5).any(|w| w == b"%PDF-") {
        return Err(IngestError::Pdf("no PDF header".into()));
    }
    // The extractor panics on some damaged files: a panic is a damaged file, not a crash.
    let read = quietly(|| -> Result<String, String> {
        let mut doc =
            lopdf::Document::load_mem(bytes).map_err(|e| format!("cannot parse it ({e})"))?;
        if doc.is_encrypted() && doc.decrypt("").is_err() {
            return Err("it is locked with a password; save an unlocked copy".into());
        }
        let mut text = String::new();
        let mut output = pdf_extract::PlainTextOutput::new(&mut text);
        pdf_extract::output_doc(&doc, &mut output)
            .map_err(|e| format!("cannot read its text ({e})"))?;
        Ok(text)
    })
    .map_err(|_| IngestError::Pdf("it is damaged: its text cannot be read".into()))?
    .map_err(IngestError::Pdf)?;
    let text = pdf_paragraphs(&read);
    if text.trim().is_empty() {
        return Err(IngestError::Pdf(
            "it has no text layer (a scanned image?): nothing to read".into(),
        ));
    }
    let mut article = from_text(stem, path, text, false);
    article.notes.push("read from the PDF's text layer".into());
    Ok(article)
}

/// Runs `f`, catching a panic in it as an error, and without the panic's message on stderr
/// (nor the abort a fuzzer's panic hook makes of it): for library code known to panic on
/// damaged input. Other threads' panics are reported as before; runs of it take turns.
fn quietly<T>(f: impl FnOnce() -> T + std::panic::UnwindSafe) -> std::thread::Result<T> {
    type Hook = Box<dyn Fn(&std::panic::PanicHookInfo<'_>) + Sync + Send + 'static>;
    static TURN: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _turn = TURN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let previous: std::sync::Arc<Hook> = std::sync::Arc::new(std::panic::take_hook());
    let here = std::thread::current().id();
    let others = std::sync::Arc::clone(&previous);
    std::panic::set_hook(Box::new(move |info| {
        if std::thread::current().id() != here {
            others(info);
        }
    }));
    let result = std::panic::catch_unwind(f);
    // Dropping the quiet hook drops its share of the previous one, which goes back as it was.
    drop(std::panic::take_hook());
    match std::sync::Arc::try_unwrap(previous) {
        Ok(hook) => std::panic::set_hook(hook),
        Err(shared) => std::panic::set_hook(Box::new(move |info| shared(info))),
    }
    result
}

/// A PDF's text lines joined back into paragraphs: a blank line or a short line (well under the
/// usual line's length: a heading, a paragraph's last line) ends one; a word broken by a hyphen
/// at a line's end is joined again.
fn pdf_paragraphs(text: &str) -> String {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let mut lengths: Vec<usize> = lines
        .iter()
        .map(|l| l.chars().count())
        .filter(|&n| n > 0)
        .collect();
    lengths.sort_unstable();
    let usual = lengths.get(lengths.len() * 3 / 4).copied().unwrap_or(0);
    let mut out = String::with_capacity(text.len());
    let mut open = false;
    for line in lines {
        if line.is_empty() {
            if open {
                out.push_str("\n\n");
                open = false;
            }
            continue;
        }
        if open {
            if out.ends_with('-') && line.starts_with(char::is_lowercase) {
                out.pop();
            } else {
                out.push(' ');
            }
        }
        out.push_str(line);
        open = true;
        if line.chars().count() * 10 < usual * 7 {
            out.push_str("\n\n");
            open = false;
        }
    }
    out.trim_end().to_string()
}

/// An HTML page's article; `location` is the address it was saved from, if known apart from
/// the page.
fn from_html(stem: &str, path: &str, html: &str, location: Option<&str>) -> Article {
    use scraper::{Html, Selector};
    if html_depth(html) > MAX_HTML_DEPTH {
        let mut article = from_text(stem, path, strip_tags(html), false);
        article.notes.push(format!(
            "HTML nested deeper than {MAX_HTML_DEPTH} levels: read as text with tags stripped"
        ));
        return article;
    }
    let doc = Html::parse_document(html);
    let meta = |selectors: &[&str]| -> Option<String> {
        selectors.iter().find_map(|s| {
            let sel = Selector::parse(s).ok()?;
            doc.select(&sel).find_map(|e| {
                e.value()
                    .attr("content")
                    .or_else(|| e.value().attr("datetime"))
                    .map(|v| v.trim().to_string())
                    .filter(|v| !v.is_empty())
            })
        })
    };
    let text_of = |selector: &str| -> Option<String> {
        let sel = Selector::parse(selector).ok()?;
        doc.select(&sel)
            .next()
            .map(|e| {
                e.text()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .filter(|t| !t.is_empty())
    };
    let url = meta(&["meta[property='og:url']"])
        .or_else(|| {
            let sel = Selector::parse("link[rel='canonical']").ok()?;
            doc.select(&sel)
                .next()?
                .value()
                .attr("href")
                .map(str::to_string)
        })
        .or_else(|| location.map(str::to_string));
    let readable = readable_article(html, url.as_deref());
    let article_text = readable
        .as_ref()
        .map(|r| paragraphs_of(&r.text_content))
        .filter(|t| t.split_whitespace().count() >= MIN_ARTICLE_WORDS);
    let found = article_text.is_some();
    let mut article = from_text(
        stem,
        path,
        article_text.unwrap_or_else(|| page_text(&doc)),
        false,
    );
    if !found {
        article.notes.push(
            "no article found in the page (too little running text: a list of links, a \
             login or an error page?): its whole text was read"
                .to_string(),
        );
    }
    let readable = readable.as_ref();
    let non_empty = |v: Option<&String>| v.map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
    if let Some(title) = non_empty(readable.map(|r| &r.title))
        .or_else(|| meta(&["meta[property='og:title']", "meta[name='twitter:title']"]))
        .or_else(|| text_of("title"))
        .or_else(|| text_of("h1"))
    {
        article.title = title;
    }
    article.outlet = non_empty(readable.and_then(|r| r.site_name.as_ref())).or_else(|| {
        meta(&[
            "meta[property='og:site_name']",
            "meta[name='application-name']",
        ])
    });
    if let Some(author) = non_empty(readable.and_then(|r| r.byline.as_ref()))
        .or_else(|| meta(&["meta[name='author']", "meta[property='article:author']"]))
    {
        article.byline = Some(author);
    }
    let published = non_empty(readable.and_then(|r| r.published_time.as_ref()))
        .map(|d| (d, "JSON-LD or meta tag"))
        .or_else(|| {
            meta(&[
                "meta[property='article:published_time']",
                "meta[name='article:published_time']",
                "meta[property='og:published_time']",
                "meta[name='pubdate']",
                "meta[name='publishdate']",
                "meta[name='publish-date']",
                "meta[name='parsely-pub-date']",
                "meta[name='sailthru.date']",
                "meta[name='date']",
                "meta[name='dc.date']",
                "meta[name='DC.date.issued']",
                "meta[itemprop='datePublished']",
            ])
            .map(|d| (d, "meta tag"))
        })
        .or_else(|| meta(&["time[datetime]"]).map(|d| (d, "<time> element")));
    match published {
        Some((date, source)) => set_metadata_date(&mut article, &date, source),
        None if article.published.is_none() => {
            if let Some(date) = url.as_deref().and_then(url_date) {
                article.published = Some(date);
                article.published_basis = DateBasis::Metadata;
                article
                    .notes
                    .push("publication date read from the URL".into());
            }
        }
        None => {}
    }
    article.url = url;
    article
}

/// A page with fewer words of running text than this has no article.
const MIN_ARTICLE_WORDS: usize = 40;

/// The page's main content and metadata as Mozilla's Readability finds them (through
/// `dom_smoothie`), if the page has an article.
fn readable_article(html: &str, url: Option<&str>) -> Option<dom_smoothie::Article> {
    use dom_smoothie::{Config, Readability, TextMode};
    let config = Config {
        text_mode: TextMode::Formatted,
        max_elements_to_parse: MAX_HTML_ELEMENTS,
        ..Config::default()
    };
    let absolute = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let mut reader = Readability::new(html, absolute, Some(config.clone()))
        .or_else(|_| Readability::new(html, None, Some(config)))
        .ok()?;
    // Readability's own test of whether a page has running text at all (not only links).
    if !reader.is_probably_readable() {
        return None;
    }
    reader.parse().ok()
}

/// Pages with more elements than this are read whole, not searched for their article.
const MAX_HTML_ELEMENTS: usize = 200_000;

/// Text as paragraphs: each line trimmed, runs of spaces made one, paragraphs apart by one
/// blank line.
fn paragraphs_of(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = false;
    for line in text.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        if words.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        blank = false;
        out.push_str(&words.join(" "));
    }
    out
}

/// The day a news URL's path names (`/2024/03/18/`, `/2024-03-18/`), if any.
fn url_date(url: &str) -> Option<NaiveDate> {
    static PATH_DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|-|\.|$)").expect("valid")
    });
    let caps = PATH_DATE.captures(url)?;
    NaiveDate::from_ymd_opt(
        caps[1].parse().ok()?,
        caps[2].parse().ok()?,
        caps[3].parse().ok()?,
    )
}

/// The whole page's visible text, paragraph by paragraph, without scripts, navigation, forms
/// and footers: an iterative walk (deeply nested documents cannot overflow the stack).
fn page_text(doc: &scraper::Html) -> String {
    use scraper::Node;
    let mut text = String::new();
    let mut skip_depth = 0usize;
    for edge in doc.tree.root().traverse() {
        match edge {
            ego_tree::iter::Edge::Open(node) => match node.value() {
                Node::Element(e) => {
                    if skip_depth > 0 || SKIPPED_ELEMENTS.contains(&e.name()) {
                        skip_depth += 1;
                    } else if BLOCK_ELEMENTS.contains(&e.name()) {
                        end_paragraph(&mut text);
                    }
                }
                Node::Text(t) if skip_depth == 0 => {
                    let words: Vec<&str> = t.split_whitespace().collect();
                    if !words.is_empty() {
                        if t.starts_with(char::is_whitespace)
                            && !text.is_empty()
                            && !text.ends_with(['\n', ' '])
                        {
                            text.push(' ');
                        }
                        text.push_str(&words.join(" "));
                        if t.ends_with(char::is_whitespace) {
                            text.push(' ');
                        }
                    }
                }
                _ => {}
            },
            ego_tree::iter::Edge::Close(node) => {
                if let Node::Element(e) = node.value() {
                    if skip_depth > 0 {
                        skip_depth -= 1;
                    } else if BLOCK_ELEMENTS.contains(&e.name()) {
                        end_paragraph(&mut text);
                    }
                }
            }
        }
    }
    text.trim()
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The deepest nesting of open tags, counted roughly and in linear time.
fn html_depth(html: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let bytes = html.as_bytes();
    for (i, _) in html.match_indices('<') {
        match bytes.get(i + 1) {
            Some(b'/') => depth = depth.saturating_sub(1),
            Some(c) if c.is_ascii_alphabetic() => {
                let close = html[i..].find('>').map_or(html.len(), |j| i + j);
                if !html[..close].ends_with('/') {
                    depth += 1;
                    deepest = deepest.max(depth);
                }
            }
            _ => {}
        }
    }
    deepest
}

/// UTF-8 text that was once read as Windows-1252 ("Iranâ€™s", "â€œyesâ€", "Â£10m", "SÃ£o
/// Paulo"), repaired: first the punctuation, each "â€" and the character after it (in
/// tokenised corpora, after a space: "Iranâ€ ™ s") becoming the mark they were ("’", "“", "”",
/// "–", "—", "…"; a lone "â€" was a "”" whose last byte is undefined in Windows-1252), then
/// every other character so misread (see [`repair_misread_characters`]). Returns the text and
/// how many characters were repaired.
fn repair_mojibake(text: String) -> (String, usize) {
    let (text, marks) = repair_misread_punctuation(text);
    let (text, characters) = repair_misread_characters(text);
    (text, marks + characters)
}

/// The Windows-1252 byte a character was read from, for the characters such a reading gives
/// above ASCII (an undefined byte, read as the control character of its number, included).
fn windows_1252_byte(c: char) -> Option<u8> {
    match u32::from(c) {
        0..=0x7F => None,
        code @ 0x80..=0xFF => u8::try_from(code).ok(),
        _ => {
            let mut buffer = [0u8; 4];
            let (bytes, _, unmappable) =
                encoding_rs::WINDOWS_1252.encode(c.encode_utf8(&mut buffer));
            match *bytes {
                [byte] if !unmappable => Some(byte),
                _ => None,
            }
        }
    }
}

/// Characters of UTF-8 text read as Windows-1252 one byte at a time: a lead byte of Latin
/// letters and signs ("Ã", "Â", "Ä", "Å": two bytes) or of punctuation and currency ("â":
/// three) followed by the continuation bytes it needs, where together they decode as UTF-8
/// ("Ã©" → "é", "Â£" → "£", "â‚¬" → "€"). Text without such a sequence is left as it is: a
/// lead letter before anything else ("SÃO", "CÂMARA") is a letter.
fn repair_misread_characters(text: String) -> (String, usize) {
    // The lead bytes are Latin-1 letters, read as themselves.
    let sequence_length = |c: char| match c {
        'Â'..='Å' => Some(2),
        'â' => Some(3),
        _ => None,
    };
    if !text.chars().any(|c| sequence_length(c).is_some()) {
        return (text, 0);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut count = 0;
    let mut i = 0;
    while i < chars.len() {
        let decoded = sequence_length(chars[i]).and_then(|n| {
            let bytes = chars
                .get(i..i + n)?
                .iter()
                .map(|&c| windows_1252_byte(c))
                .collect::<Option<Vec<u8>>>()?;
            let decoded = std::str::from_utf8(&bytes).ok()?.chars().next()?;
            Some((decoded, n))
        });
        if let Some((c, n)) = decoded {
            out.push(c);
            count += 1;
            i += n;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    (out, count)
}

/// The first step of [`repair_mojibake`]: the punctuation marks.
fn repair_misread_punctuation(text: String) -> (String, usize) {
    const MARKS: &[(char, &str)] = &[
        ('™', "’"),
        ('˜', "‘"),
        ('œ', "“"),
        ('\u{9d}', "”"),
        ('\u{fffd}', "”"),
        ('“', "–"),
        ('”', "—"),
        ('¦', "…"),
    ];
    if !text.contains("â€") {
        return (text, 0);
    }
    // A clitic after an apostrophe ("s" of "Peru’s", "t" of "can’t").
    let clitic = |rest: &str| {
        ["s", "t", "d", "m", "re", "ve", "ll"].iter().any(|c| {
            rest.strip_prefix(c)
                .is_some_and(|after| !after.starts_with(char::is_alphanumeric))
        })
    };
    let mut out = String::with_capacity(text.len());
    let mut count = 0;
    let mut rest = text.as_str();
    while let Some(at) = rest.find("â€") {
        out.push_str(&rest[..at]);
        count += 1;
        let after = &rest[at + "â€".len()..];
        let spaced = after.strip_prefix(' ');
        let mark = spaced
            .unwrap_or(after)
            .chars()
            .next()
            .and_then(|c| MARKS.iter().find(|(m, _)| *m == c));
        rest = if let Some(&(m, good)) = mark {
            out.push_str(good);
            let next = &spaced.unwrap_or(after)[m.len_utf8()..];
            match next.strip_prefix(' ') {
                Some(word) if spaced.is_some() && m == '™' && clitic(word) => word,
                _ => next,
            }
        } else {
            out.push('”');
            after
        };
    }
    out.push_str(rest);
    (out, count)
}

/// Text of an HTML document by a single linear pass: tags dropped, script and style content
/// skipped, block tags turned into paragraph breaks, common entities decoded.
fn strip_tags(html: &str) -> String {
    let mut text = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('>').map_or(after.len(), |i| i + 1);
        let tag = after[..close].trim_start_matches('/').to_ascii_lowercase();
        let name: String = tag
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        rest = &after[close.min(after.len())..];
        if matches!(name.as_str(), "script" | "style") && !after.starts_with('/') {
            let end_tag = format!("</{name}");
            let skip = rest
                .to_ascii_lowercase()
                .find(&end_tag)
                .unwrap_or(rest.len());
            rest = &rest[skip..];
        } else if BLOCK_ELEMENTS.contains(&name.as_str())
            && !text.ends_with("\n\n")
            && !text.is_empty()
        {
            text.push_str("\n\n");
        }
    }
    text.push_str(rest);
    let decoded = text
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    decoded
        .lines()
        .map(str::trim)
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string()
}

fn end_paragraph(text: &mut String) {
    let trimmed = text.trim_end_matches(' ').len();
    text.truncate(trimmed);
    if !text.is_empty() && !text.ends_with("\n\n") {
        text.push_str(if text.ends_with('\n') { "\n" } else { "\n\n" });
    }
}

// ---- JSON ---------------------------------------------------------------------------------

fn from_json(stem: &str, path: &str, text: &str) -> Result<Vec<Article>, IngestError> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| IngestError::Json(format!("invalid JSON: {e}")))?;
    let records: Vec<serde_json::Value> = match value {
        serde_json::Value::Array(items) => items,
        serde_json::Value::Object(mut map) => match map.remove("articles") {
            Some(serde_json::Value::Array(items)) => items,
            Some(_) => return Err(IngestError::Json("\"articles\" is not an array".into())),
            None => vec![serde_json::Value::Object(map)],
        },
        _ => {
            return Err(IngestError::Json(
                "expected an object or an array of objects".into(),
            ));
        }
    };
    collect_records(
        stem,
        path,
        records
            .into_iter()
            .enumerate()
            .map(|(i, v)| (format!("item {}", i + 1), Ok(v))),
    )
}

fn from_json_lines(stem: &str, path: &str, text: &str) -> Result<Vec<Article>, IngestError> {
    let records = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            (
                format!("line {}", i + 1),
                serde_json::from_str(l).map_err(|e| format!("invalid JSON: {e}")),
            )
        });
    collect_records(stem, path, records)
}

fn collect_records(
    stem: &str,
    path: &str,
    records: impl Iterator<Item = (String, Result<serde_json::Value, String>)>,
) -> Result<Vec<Article>, IngestError> {
    let mut articles = Vec::new();
    let mut skipped = Vec::new();
    for (index, (place, record)) in records.enumerate() {
        match record.and_then(|v| from_record(stem, path, index, &v)) {
            Ok(a) => articles.push(a),
            Err(e) => skipped.push(format!("{place}: {e}")),
        }
    }
    if articles.is_empty() {
        let detail = skipped
            .first()
            .cloned()
            .unwrap_or_else(|| "no records".into());
        return Err(IngestError::Json(format!("no readable article ({detail})")));
    }
    if !skipped.is_empty() {
        articles[0].notes.push(format!(
            "{} record(s) skipped: {}",
            skipped.len(),
            skipped.join("; ")
        ));
    }
    Ok(articles)
}

fn from_record(
    stem: &str,
    path: &str,
    index: usize,
    value: &serde_json::Value,
) -> Result<Article, String> {
    let obj = value.as_object().ok_or("not a JSON object")?;
    let field = |key: &str| -> Result<Option<String>, String> {
        match obj.get(key) {
            None | Some(serde_json::Value::Null) => Ok(None),
            Some(serde_json::Value::String(s)) => Ok(Some(s.clone())),
            Some(serde_json::Value::Number(n)) if key == "id" => Ok(Some(n.to_string())),
            Some(_) => Err(format!("\"{key}\" is not a string")),
        }
    };
    let text = field("text")?.ok_or("no \"text\" field")?;
    if text.trim().is_empty() {
        return Err("\"text\" is empty".into());
    }
    let id = field("id")?.unwrap_or_else(|| format!("{stem}_{}", index + 1));
    let mut article = from_text(&id, path, text, false);
    if let Some(title) = field("title")? {
        article.title = repair_mojibake(title).0;
    }
    if let Some(url) = field("url")? {
        article.outlet = url_host(&url);
        article.url = Some(url);
    }
    if let Some(outlet) = field("outlet")?.or(field("source")?) {
        article.outlet = Some(outlet);
    }
    if let Some(byline) = field("byline")?.or(field("author")?) {
        article.byline = Some(byline);
    }
    if let Some(published) = field("published")?.or(field("date")?) {
        set_metadata_date(&mut article, &published, "published");
    }
    Ok(article)
}

fn url_host(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest
        .split(['/', '?', '#'])
        .next()?
        .trim_start_matches("www.");
    (!host.is_empty()).then(|| host.to_string())
}
