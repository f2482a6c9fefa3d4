//! Every export of the seed timeline, produced and checked for real: the SVG and HTML parse, the
//! HTML holds every event and every quote and loads nothing from outside, the PNG decodes at the
//! requested size and is not blank, the CSV reads back with the right rows, and TimelineJS
//! export → import keeps every event's title and dates.

use sightline::core::document::Document;
use sightline::core::export::{self, ImageOptions};
use std::sync::OnceLock;

fn seeds() -> &'static Document {
    static SEEDS: OnceLock<Document> = OnceLock::new();
    SEEDS.get_or_init(|| {
        sightline::core::pipeline::read(
            sightline::core::ingest::seed_articles().articles,
            "Seed corpus",
        )
        .document
    })
}

fn all(doc: &Document) -> Vec<usize> {
    (0..doc.events.len()).collect()
}

#[test]
fn the_svg_parses_and_shows_the_lanes_and_the_named_events() {
    let doc = seeds();
    let svg = export::timeline_svg(doc, &all(doc), &ImageOptions::default());
    let tree =
        resvg::usvg::Tree::from_str(&svg, &resvg::usvg::Options::default()).expect("valid SVG");
    assert!((tree.size().width() - 1200.0).abs() < 0.5);
    for lane in [
        "Conflict &amp; attacks",
        "Policy &amp; regulation",
        "Statements &amp; reports",
    ] {
        assert!(svg.contains(lane), "{lane}");
    }
    for label in ["CNN report on the strike", "Blockade on oil tankers"] {
        assert!(svg.contains(label), "{label} is labelled");
    }
}

#[test]
fn the_svgs_labels_never_overlap_and_stay_in_the_plot() {
    let doc = seeds();
    // Narrow: the labels compete for room.
    let options = ImageOptions {
        width: 500.0,
        ..ImageOptions::default()
    };
    let svg = export::timeline_svg(doc, &all(doc), &options);
    let plot = &svg[svg.find("clip-path=").expect("a plot")..svg.find("</g>").expect("its end")];
    let text = regex::Regex::new(r#"<text x="([\d.]+)" y="([\d.]+)"[^>]*>([^<]*)</text>"#)
        .expect("pattern");
    // The label's box as it was placed: 6.2 units a character, 14 high, its baseline 2 up.
    let labels: Vec<(f64, f64, f64, f64)> = text
        .captures_iter(plot)
        .map(|c| {
            let (x, y) = (c[1].parse::<f64>().unwrap(), c[2].parse::<f64>().unwrap());
            let chars = c[3]
                .replace("&amp;", "&")
                .replace("&quot;", "\"")
                .chars()
                .count();
            (x, y - 12.0, x + chars as f64 * 6.2, y + 2.0)
        })
        .collect();
    assert!(labels.len() >= 2, "{labels:?}");
    for (i, a) in labels.iter().enumerate() {
        assert!(a.0 >= 150.0 && a.2 <= 480.0 + 0.1, "{a:?} leaves the plot");
        for b in &labels[i + 1..] {
            let overlap = a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3;
            assert!(!overlap, "{a:?} overlaps {b:?}");
        }
    }
}

#[test]
fn the_png_decodes_at_the_requested_size_and_is_not_blank() {
    let doc = seeds();
    let options = ImageOptions {
        width: 900.0,
        scale: 1.5,
        dark: false,
    };
    let png = export::timeline_png(doc, &all(doc), &options).expect("renders");
    let image = resvg::tiny_skia::Pixmap::decode_png(&png).expect("a PNG");
    assert_eq!(image.width(), 1350);
    let mut colours: Vec<[u8; 4]> = image
        .pixels()
        .iter()
        .map(|p| [p.red(), p.green(), p.blue(), p.alpha()])
        .collect();
    colours.sort_unstable();
    colours.dedup();
    assert!(colours.len() > 20, "{} colours: blank", colours.len());
    // Text is drawn with the embedded font: dark pixels on the light background.
    let dark = image.pixels().iter().filter(|p| p.red() < 80).count();
    assert!(dark > 500, "{dark} dark pixels");
}

#[test]
fn the_html_briefing_holds_every_event_and_quote_and_nothing_external() {
    let doc = seeds();
    let html = export::html_briefing(doc, &all(doc));
    let page = scraper::Html::parse_document(&html);
    assert!(
        page.errors.is_empty() || page.errors.len() < 3,
        "{:?}",
        page.errors
    );
    let headings: Vec<String> = page
        .select(&scraper::Selector::parse("article.event h2").expect("selector"))
        .map(|h| h.text().collect())
        .collect();
    for event in &doc.events {
        assert!(headings.contains(&event.title), "{} missing", event.title);
    }
    let quotes: String = page
        .select(&scraper::Selector::parse("blockquote").expect("selector"))
        .map(|q| q.text().collect::<String>())
        .collect();
    for event in &doc.events {
        for x in &event.evidence {
            assert!(quotes.contains(&x.quote), "quote missing: {}", x.quote);
        }
    }
    assert!(html.contains("<svg"), "the timeline is inline");
    assert!(html.contains(r#"class="disputed""#), "disputes are shown");
    for external in ["<script", "<link", "src=\"http", "href=\"http", "@import"] {
        assert!(!html.contains(external), "{external}");
    }
}

#[test]
fn the_markdown_briefing_footnotes_every_passage() {
    let doc = seeds();
    let md = export::markdown_briefing(doc, &all(doc));
    let passages: usize = doc.events.iter().map(|e| e.evidence.len()).sum();
    assert!(md.contains(&format!("[^{passages}]: ")), "last footnote");
    assert!(!md.contains(&format!("[^{}]", passages + 1)));
    assert!(md.contains("**disputed**"));
}

#[test]
fn the_csv_reads_back_with_one_row_per_event() {
    let doc = seeds();
    let text = export::events_csv(doc, &all(doc)).expect("csv");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().expect("headers").clone();
    assert_eq!(&headers[4], "title");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), doc.events.len());
    for event in &doc.events {
        let row = rows
            .iter()
            .find(|r| &r[0] == event.id.as_str())
            .expect("a row per event");
        assert_eq!(&row[4], event.title.as_str());
        assert_eq!(
            &row[1],
            event.earliest.map(|d| d.to_string()).unwrap_or_default()
        );
        assert_eq!(&row[8], event.disputed.to_string());
    }
}

#[test]
fn timelinejs_export_then_import_keeps_titles_and_dates() {
    let doc = seeds();
    let json = export::timelinejs(doc, &all(doc));
    let (back, notes) = export::import_timelinejs(&json).expect("imports");
    assert!(notes.is_empty(), "{notes:?}");
    assert_eq!(back.title, doc.title);
    let dated: Vec<_> = doc
        .events
        .iter()
        .filter(|e| e.earliest.is_some() || e.latest.is_some())
        .collect();
    assert_eq!(back.events.len(), dated.len());
    for e in dated {
        let b = back
            .events
            .iter()
            .find(|b| b.id == e.id)
            .expect("every dated event");
        assert_eq!(
            (&b.title, b.earliest, b.latest, b.best),
            (&e.title, e.earliest, e.latest, e.best)
        );
        assert_eq!(b.lane, e.lane, "group is the lane");
    }
}

#[test]
fn timelinejs_from_elsewhere_imports_with_notes() {
    let json = r#"{
      "title": {"text": {"headline": "Elsewhere"}},
      "events": [
        {"start_date": {"year": "1987", "month": "3"}, "text": {"headline": "Strings"}, "group": "Politics", "colour": "red"},
        {"start_date": {"year": 2020, "month": 5, "day": 4}, "end_date": {"year": 2020, "month": 6}, "text": {"headline": "Numbers", "text": "<p>A &amp; B</p>"}},
        {"text": {"headline": "No date"}}
      ],
      "eras": [{"start_date": {"year": 1980}, "end_date": {"year": 1989}, "text": {"headline": "The eighties"}}],
      "options": {}
    }"#;
    let (doc, notes) = export::import_timelinejs(json).expect("imports");
    assert_eq!(doc.title, "Elsewhere");
    let day = |s: &str| s.parse::<chrono::NaiveDate>().ok();
    let strings = &doc.events[0];
    assert_eq!(
        (strings.earliest, strings.latest),
        (day("1987-03-01"), day("1987-03-31"))
    );
    assert_eq!(strings.lane, "Politics");
    let numbers = &doc.events[1];
    assert_eq!(
        (numbers.earliest, numbers.latest),
        (day("2020-05-04"), day("2020-06-30"))
    );
    assert_eq!(numbers.note, "A & B");
    let era = doc
        .events
        .iter()
        .find(|e| e.title == "The eighties")
        .expect("era");
    assert_eq!(
        (era.earliest, era.latest),
        (day("1980-01-01"), day("1989-12-31"))
    );
    assert_eq!(doc.events.len(), 3, "the undated entry is skipped");
    let notes = notes.join("\n");
    for expected in ["\"colour\"", "\"options\"", "no readable start_date"] {
        assert!(notes.contains(expected), "{notes}");
    }
    doc.validate().expect("a valid timeline");
    assert!(export::import_timelinejs("[1, 2]").is_err());
    assert!(export::import_timelinejs("{\"title\": {}}").is_err());
}
