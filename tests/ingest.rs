//! Reading every supported format, and every kind of bad input: a clear error or a clean skip
//! naming the file, never a panic.

use chrono::NaiveDate;
use sightline::core::article::DateBasis;
use sightline::core::ingest::{Format, IngestError, load_paths, parse_file};
use std::path::PathBuf;

fn tmp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sightline-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn day(s: &str) -> Option<NaiveDate> {
    s.parse().ok()
}

#[test]
fn html_gives_text_title_and_meta_date_without_scripts() {
    let html = br#"<html><head><title>Site | Page</title>
        <meta property="og:title" content="Port reopens after storm">
        <meta property="og:site_name" content="Harbour News">
        <meta property="article:published_time" content="2024-05-02T23:30:00-05:00">
        <script>var tracking = "Monday";</script></head>
        <body><nav>Home | World</nav><h1>Port reopens after storm</h1>
        <p>The port reopened on <b>Monday</b> after a week of repairs.</p><p>Second paragraph.</p></body></html>"#;
    let articles = parse_file("news/port.html", Format::Html, html).expect("parses");
    let a = &articles[0];
    assert_eq!(a.id, "port");
    assert_eq!(a.title, "Port reopens after storm");
    assert_eq!(a.outlet.as_deref(), Some("Harbour News"));
    // The date as the publisher wrote it: a time zone never moves it to another day.
    assert_eq!(
        (a.published, a.published_basis),
        (day("2024-05-02"), DateBasis::Metadata)
    );
    assert!(
        a.text
            .contains("The port reopened on Monday after a week of repairs.")
    );
    assert!(
        !a.text.contains("tracking"),
        "script text leaked: {}",
        a.text
    );
    assert!(!a.text.contains("Home | World"), "navigation leaked");
    let monday = a
        .analyze()
        .timexes
        .into_iter()
        .find(|t| t.text == "Monday")
        .expect("tagged");
    assert_eq!(monday.value, "2024-04-29");
}

#[test]
fn json_and_jsonl_records_with_ids_and_published() {
    let json = br#"[{"id": "a1", "title": "One", "text": "It rained yesterday.", "published": "2024-02-10"},
                    {"text": "No id here.", "url": "https://www.example.org/x"}]"#;
    let articles = parse_file("corpus.json", Format::Json, json).expect("parses");
    assert_eq!(articles.len(), 2);
    assert_eq!(
        (articles[0].id.as_str(), articles[0].published),
        ("a1", day("2024-02-10"))
    );
    assert_eq!(articles[1].id, "corpus_2");
    assert_eq!(articles[1].outlet.as_deref(), Some("example.org"));

    let lines = b"{\"id\": \"x\", \"text\": \"Fine.\", \"published\": \"2024-02-10T08:15\"}\n{broken\n{\"text\": 5}\n";
    let articles = parse_file("c.jsonl", Format::JsonLines, lines).expect("one good line");
    assert_eq!(articles.len(), 1);
    assert_eq!(articles[0].published, day("2024-02-10"));
    let note = articles[0].notes.join(" ");
    assert!(
        note.contains("2 record(s) skipped") && note.contains("line 2") && note.contains("line 3"),
        "{note}"
    );
}

#[test]
fn markdown_front_matter_and_heading() {
    let md = b"---\ntitle: Floods\ndate: 2023-07-14\n---\n# Floods hit the valley\n\nRain fell for three days.\n";
    let a = &parse_file("floods.md", Format::Markdown, md).expect("parses")[0];
    assert_eq!(a.title, "Floods");
    assert_eq!(
        (a.published, a.published_basis),
        (day("2023-07-14"), DateBasis::Metadata)
    );
    assert_eq!(a.analyze().timexes[0].value, "P3D");
}

#[test]
fn bad_inputs_give_clear_errors() {
    assert_eq!(
        parse_file("e.txt", Format::Text, b"").unwrap_err(),
        IngestError::Empty
    );
    assert_eq!(
        parse_file("e.txt", Format::Text, b"  \n\t ").unwrap_err(),
        IngestError::Empty
    );
    assert_eq!(
        parse_file(
            "b.txt",
            Format::Text,
            &[0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 3, 0, 0, 0]
        )
        .unwrap_err(),
        IngestError::Binary
    );
    let err = parse_file("m.json", Format::Json, b"{\"text\": ").unwrap_err();
    assert!(err.to_string().starts_with("invalid JSON"), "{err}");
    let err = parse_file("w.json", Format::Json, b"[1, 2]").unwrap_err();
    assert!(err.to_string().contains("not a JSON object"), "{err}");
    let err = parse_file("w.json", Format::Json, b"{\"text\": 12}").unwrap_err();
    assert!(
        err.to_string().contains("\"text\" is not a string"),
        "{err}"
    );
}

#[test]
fn legacy_encodings_are_detected_and_noted() {
    // Latin-1 / windows-1252: "Café opened on Monday." with é as 0xE9.
    let latin1 = b"Caf\xe9 owners said the caf\xe9 opened on Monday, na\xefve as it sounds.";
    let a = &parse_file("latin.txt", Format::Text, latin1).expect("decodes")[0];
    assert!(a.text.starts_with("Café"), "{}", a.text);
    assert!(
        a.notes[0].contains("decoded as windows-1252"),
        "{:?}",
        a.notes
    );

    let utf16: Vec<u8> = "Talks ended on Friday."
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let a = &parse_file("u16.txt", Format::Text, &utf16).expect("decodes")[0];
    assert_eq!(a.text, "Talks ended on Friday.");
    assert!(
        a.notes[0].contains("UTF-16LE (no byte-order mark"),
        "{:?}",
        a.notes
    );

    let mut with_bom = vec![0xFE, 0xFF];
    with_bom.extend(
        "Hi there, friend."
            .encode_utf16()
            .flat_map(u16::to_be_bytes),
    );
    let a = &parse_file("u16be.txt", Format::Text, &with_bom).expect("decodes")[0];
    assert_eq!(a.text, "Hi there, friend.");
}

#[test]
fn absurd_dates_are_refused_with_a_note() {
    let json = br#"{"text": "Body text here.", "published": "99999-01-01"}"#;
    let a = &parse_file("far.json", Format::Json, json).expect("loads")[0];
    assert_eq!((a.published, a.published_basis), (None, DateBasis::Unknown));
    assert!(
        a.notes
            .iter()
            .any(|n| n.contains("99999-01-01") && n.contains("not a valid date")),
        "{:?}",
        a.notes
    );
    let a = &parse_file("feb.txt", Format::Text, b"date 2023-02-30 The text.").expect("loads")[0];
    assert_eq!(a.published, None);
    assert!(
        a.notes.iter().any(|n| n.contains("2023-02-30")),
        "{:?}",
        a.notes
    );
}

#[test]
fn a_50_mb_single_line_is_read() {
    let mut big = "word ".repeat(10 * 1024 * 1024).into_bytes();
    big.extend_from_slice(b"on March 3, 2020.");
    let a = &parse_file("big.txt", Format::Text, &big).expect("reads")[0];
    let found = a.analyze().timexes;
    assert_eq!(found.last().map(|t| t.value.as_str()), Some("2020-03-03"));
}

#[test]
fn deeply_nested_html_does_not_overflow() {
    let mut html = String::from("<html><body>");
    html.push_str(&"<div>".repeat(100_000));
    html.push_str("Deep text from 1999.");
    html.push_str(&"</div>".repeat(100_000));
    html.push_str("</body></html>");
    let a = &parse_file("deep.html", Format::Html, html.as_bytes()).expect("reads")[0];
    assert!(a.text.contains("Deep text from 1999."));
    assert!(
        a.notes.iter().any(|n| n.contains("nested deeper")),
        "{:?}",
        a.notes
    );
}

#[test]
fn folders_are_read_recursively_in_order_and_bad_files_skipped() {
    let dir = tmp_dir("folder");
    std::fs::create_dir_all(dir.join("sub")).expect("sub");
    std::fs::write(dir.join("b.txt"), "date 2024-01-05 Second story on Monday.").expect("write");
    std::fs::write(dir.join("sub/a.md"), "# Title\n\nFirst story.").expect("write");
    std::fs::write(dir.join("empty.txt"), "").expect("write");
    std::fs::write(dir.join("ignored.png"), [0u8, 1, 2]).expect("write");
    let loaded = load_paths(&[dir.clone(), dir.join("missing.txt")], &|_, _| {});
    let ids: Vec<&str> = loaded.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["b", "a"]);
    let problems: Vec<String> = loaded.problems.iter().map(ToString::to_string).collect();
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(
        problems
            .iter()
            .any(|p| p.ends_with("missing.txt: no such file or folder"))
    );
    assert!(
        problems
            .iter()
            .any(|p| p.ends_with("empty.txt: the file is empty"))
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn duplicate_ids_are_renamed_and_noted() {
    let dir = tmp_dir("dups");
    std::fs::create_dir_all(dir.join("x")).expect("x");
    std::fs::write(dir.join("story.txt"), "One.").expect("write");
    std::fs::write(dir.join("x/story.txt"), "Two.").expect("write");
    let loaded = load_paths(std::slice::from_ref(&dir), &|_, _| {});
    let ids: Vec<&str> = loaded.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["story", "story_2"]);
    assert!(
        loaded.articles[1]
            .notes
            .iter()
            .any(|n| n.contains("renamed"))
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_story_is_titled_by_the_folder_or_file_it_was_read_from() {
    use sightline::core::ingest::story_title;
    use std::path::PathBuf;
    let dir = std::env::temp_dir().join(format!("sightline-title-{}", std::process::id()));
    let story = dir.join("Gulf_oil_spill");
    std::fs::create_dir_all(&story).expect("folder");
    let generic = story.join("articles.jsonl");
    std::fs::write(&generic, "{\"text\": \"x\"}\n").expect("written");
    assert_eq!(story_title(&[generic], 12), "Gulf oil spill");
    assert_eq!(
        story_title(std::slice::from_ref(&story), 12),
        "Gulf oil spill"
    );
    assert_eq!(story_title(&[story.join("rig.txt")], 1), "rig");
    assert_eq!(story_title(&[], 5), "5 articles");
    assert_eq!(
        story_title(&[PathBuf::from("a"), PathBuf::from("b")], 2),
        "2 articles"
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// A saved news page as sites build them: menus, a cookie notice, the article, a list of
/// related articles and reader comments (written for this test).
const NEWS_PAGE: &str = r#"<!doctype html><html lang="en"><head>
<title>Ferry service resumes after repairs | Coastal Courier</title>
<meta property="og:title" content="Ferry service resumes after repairs">
<meta property="og:site_name" content="Coastal Courier">
<meta property="article:modified_time" content="2023-09-30T08:00:00Z">
<link rel="canonical" href="https://courier.example/news/2023/09/14/ferry-service-resumes">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
 {"@type":"WebSite","name":"Coastal Courier"},
 {"@type":"NewsArticle","headline":"Ferry service resumes after repairs",
  "datePublished":"2023-09-14T21:15:00-04:00","dateModified":"2023-09-30T08:00:00Z",
  "author":{"@type":"Person","name":"Dana Reyes"}}]}</script>
</head><body>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/local">Local</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav></header>
<main><article>
<h1>Ferry service resumes after repairs</h1>
<p class="byline">By Dana Reyes</p>
<p>The island ferry returned to service on Thursday after six weeks in dry dock, the
operator said, ending a long stretch of detours for commuters who had relied on a
replacement bus and a smaller passenger boat.</p>
<p>Engineers replaced the vessel's starboard propeller shaft and rewired its steering
system after a failure in July left it drifting for two hours outside the harbour.</p>
<p>The operator said timetables would return to normal next week, and that fares for the
month would be cut by a quarter to make up for the disruption to regular passengers.</p>
</article></main>
<aside class="related"><h3>Related stories</h3><ul>
<li><a href="/a">Council approves new harbour wall budget</a></li>
<li><a href="/b">Lighthouse open day draws record crowds</a></li></ul></aside>
<section id="comments"><h3>Comments</h3>
<div class="comment"><p>About time! I missed three job interviews waiting for that bus.</p></div>
</section>
<footer><p>Copyright Coastal Courier. All rights reserved. Privacy policy.</p></footer>
</body></html>"#;

#[test]
fn a_saved_news_page_is_read_as_its_article_with_its_publication_day() {
    let a = &parse_file("saved/ferry.html", Format::Html, NEWS_PAGE.as_bytes()).expect("reads")[0];
    assert!(
        a.text.contains("returned to service on Thursday"),
        "{}",
        a.text
    );
    assert!(
        a.text.contains("fares for the month would be cut"),
        "{}",
        a.text
    );
    for furniture in [
        "cookies",
        "Weather",
        "Lighthouse open day",
        "job interviews",
        "All rights reserved",
    ] {
        assert!(
            !a.text.contains(furniture),
            "'{furniture}' is not the article: {}",
            a.text
        );
    }
    assert_eq!(a.title, "Ferry service resumes after repairs");
    assert_eq!(a.outlet.as_deref(), Some("Coastal Courier"));
    // The publisher's own day from JSON-LD (inside @graph), not the modified date.
    assert_eq!(
        (a.published, a.published_basis),
        (day("2023-09-14"), DateBasis::Metadata)
    );
    assert!(
        a.notes.iter().all(|n| !n.contains("no article")),
        "{:?}",
        a.notes
    );
    // Paragraphs stay apart.
    assert!(a.text.matches("\n\n").count() >= 2, "{}", a.text);
}

#[test]
fn a_page_without_metadata_takes_its_day_from_the_url() {
    let page = NEWS_PAGE
        .replace("datePublished", "x")
        .replace("modified_time", "x");
    let a = &parse_file("saved/ferry.html", Format::Html, page.as_bytes()).expect("reads")[0];
    assert_eq!(
        (a.published, a.published_basis),
        (day("2023-09-14"), DateBasis::Metadata)
    );
    assert!(a.notes.iter().any(|n| n.contains("URL")), "{:?}", a.notes);
}

#[test]
fn a_page_of_links_loads_with_a_note_that_it_holds_no_article() {
    let links = "<li><a href=\"/story\">Another story from the archive</a></li>".repeat(30);
    let page =
        format!("<html><head><title>Archive</title></head><body><ul>{links}</ul></body></html>");
    let a = &parse_file("saved/archive.html", Format::Html, page.as_bytes()).expect("reads")[0];
    assert!(
        a.notes.iter().any(|n| n.contains("no article found")),
        "{:?}",
        a.notes
    );
}

#[test]
fn a_published_or_posted_line_near_the_top_dates_a_text_article() {
    let cases = [
        (
            "Bridge closes\nPublished May 03, 2013\n\nThe bridge closed.",
            "2013-05-03",
        ),
        (
            "Bridge closes\nPosted 05/02/2013 9:14 AM\n\nThe bridge closed.",
            "2013-05-02",
        ),
        (
            "Bridge closes\nPublished 3:42 PM ET, Tue March 18, 2024\n\nThe bridge closed.",
            "2024-03-18",
        ),
        (
            "Bridge closes\nPosted on 7 June 2021\n\nThe bridge closed.",
            "2021-06-07",
        ),
        // An update line alone dates the article; a publication line beats it.
        (
            "Bridge closes\nUpdated: 2020-01-05\n\nThe bridge closed.",
            "2020-01-05",
        ),
        (
            "Bridge closes\nUpdated: 2020-01-05\nPublished: January 2, 2020\n\nThe bridge closed.",
            "2020-01-02",
        ),
    ];
    for (text, expected) in cases {
        let a = &parse_file("bridge.txt", Format::Text, text.as_bytes()).expect("reads")[0];
        assert_eq!(
            (a.published, a.published_basis),
            (day(expected), DateBasis::Header),
            "{text}"
        );
        assert_eq!(a.title, "Bridge closes");
    }
    // A sentence that merely starts with the word is no date line.
    let a = &parse_file(
        "b.txt",
        Format::Text,
        b"Bridge closes\n\nPosted guards stood at the bridge until May 3, 2013 and left.",
    )
    .expect("reads")[0];
    assert_eq!(a.published, None);
}

/// `text` as quoted-printable: "=" escaped, lines folded at 70 characters with soft breaks.
fn quoted_printable(text: &str) -> String {
    let mut out = String::new();
    for line in text.replace('=', "=3D").lines() {
        let chars: Vec<char> = line.chars().collect();
        let mut at = 0;
        while chars.len() - at > 70 {
            // Never split an "=XX" escape.
            let mut cut = at + 70;
            while chars[cut - 2..cut].contains(&'=') {
                cut -= 1;
            }
            out.extend(&chars[at..cut]);
            out.push_str("=\r\n");
            at = cut;
        }
        out.extend(&chars[at..]);
        out.push_str("\r\n");
    }
    out
}

#[test]
fn a_browsers_single_file_web_archive_is_read_like_its_page() {
    let page = NEWS_PAGE
        .replace("datePublished", "x")
        .replace("modified_time", "x")
        .replace(
            "<link rel=\"canonical\" href=\"https://courier.example/news/2023/09/14/ferry-service-resumes\">",
            "",
        );
    let archive = format!(
        "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://courier.example/2023/09/14/ferry\r\n\
         Subject: Ferry service resumes after repairs\r\nDate: Sat, 7 Oct 2023 10:00:00 -0000\r\n\
         MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\
         \tboundary=\"----MultipartBoundary--abc\"\r\n\r\n------MultipartBoundary--abc\r\n\
         Content-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\n\
         Content-Transfer-Encoding: quoted-printable\r\n\
         Content-Location: https://courier.example/2023/09/14/ferry\r\n\r\n{}\r\n\
         ------MultipartBoundary--abc\r\nContent-Type: image/png\r\n\
         Content-Transfer-Encoding: base64\r\nContent-Location: https://courier.example/logo.png\r\n\r\n\
         iVBORw0KGgo=\r\n------MultipartBoundary--abc--\r\n",
        quoted_printable(page.as_str())
    );
    let a = &parse_file("saved/ferry.mhtml", Format::Mhtml, archive.as_bytes()).expect("reads")[0];
    assert_eq!(a.id, "ferry");
    assert_eq!(a.title, "Ferry service resumes after repairs");
    assert!(
        a.text.contains("returned to service on Thursday"),
        "{}",
        a.text
    );
    assert!(!a.text.contains("cookies"), "{}", a.text);
    // The day comes from the address it was saved from, not the day it was saved.
    assert_eq!(
        (a.published, a.published_basis),
        (day("2023-09-14"), DateBasis::Metadata)
    );
    assert_eq!(
        Format::of(std::path::Path::new("x.MHT")),
        Some(Format::Mhtml)
    );
    // Not an archive: a clear error naming the problem.
    let err = parse_file(
        "broken.mhtml",
        Format::Mhtml,
        b"just some words, no headers",
    )
    .expect_err("refused");
    assert!(err.to_string().contains("web archive"), "{err}");
}

/// A fixture of `tests/data/pdf/` (written by `scripts/make_test_pdfs.py`).
fn pdf(name: &str) -> (String, Vec<u8>) {
    let path = format!("{}/tests/data/pdf/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).expect("fixture");
    (path, bytes)
}

#[test]
fn a_pdf_reads_like_a_text_article_from_its_text_layer() {
    let (path, bytes) = pdf("levee.pdf");
    assert_eq!(Format::of(std::path::Path::new(&path)), Some(Format::Pdf));
    let articles = parse_file(&path, Format::Pdf, &bytes).expect("reads");
    let a = &articles[0];
    assert_eq!(a.title, "Levee gives way in Marrowdale");
    assert_eq!(a.published, day("2030-03-12"));
    // The page's lines are one paragraph again, the word broken at a line's end is whole, and
    // the second page follows.
    assert!(
        a.text.contains(
            "gave way on Monday night, the county said, and water reached the market square"
        ),
        "{}",
        a.text
    );
    assert!(a.text.contains("three hundred families"), "{}", a.text);
    assert!(
        a.text
            .ends_with("Engineers had warned in January that the levee was weak.")
    );
    assert!(a.notes.iter().any(|n| n.contains("PDF")), "{:?}", a.notes);
}

#[test]
fn a_pdf_without_text_locked_damaged_or_not_a_pdf_is_refused_with_the_reason() {
    for (name, reason) in [
        ("scan.pdf", "no text layer"),
        ("locked.pdf", "password"),
        ("damaged.pdf", "cannot parse"),
    ] {
        let (path, bytes) = pdf(name);
        let Err(IngestError::Pdf(why)) = parse_file(&path, Format::Pdf, &bytes) else {
            panic!("{name} was read");
        };
        assert!(why.contains(reason), "{name}: {why}");
    }
    let html = b"<html><body><p>Not a PDF.</p></body></html>";
    assert_eq!(
        parse_file("page.pdf", Format::Pdf, html),
        Err(IngestError::Pdf("no PDF header".into()))
    );
    // Every prefix of a good PDF is refused or read, never a crash.
    let (path, bytes) = pdf("levee.pdf");
    for end in (0..bytes.len()).step_by(37) {
        let _ = parse_file(&path, Format::Pdf, &bytes[..end]);
    }
}

#[test]
fn a_folder_with_a_pdf_loads_it_beside_the_other_articles() {
    let dir = tmp_dir("pdf-folder");
    std::fs::copy(pdf("levee.pdf").0, dir.join("levee.pdf")).expect("copy");
    std::fs::copy(pdf("scan.pdf").0, dir.join("scan.pdf")).expect("copy");
    std::fs::write(dir.join("note.txt"), "Aid arrived on Tuesday.").expect("write");
    let loaded = load_paths(std::slice::from_ref(&dir), &|_, _| {});
    let ids: Vec<&str> = loaded.articles.iter().map(|a| a.id.as_str()).collect();
    assert!(ids.contains(&"levee") && ids.contains(&"note"), "{ids:?}");
    assert_eq!(loaded.problems.len(), 1);
    assert!(loaded.problems[0].path.ends_with("scan.pdf"));
    assert!(loaded.problems[0].message.contains("no text layer"));
}

/// A short news article, as a saved page's body holds it.
const STORY_HTML: &str = "<article><h1>Ferry service resumes</h1>\
    <p>The harbour ferry resumed service on Tuesday after a two-week strike, the operator said.</p>\
    <p>Crews returned to work after the union accepted a pay offer late on Monday.</p>\
    <p>Passengers waited in long queues at the terminal as the first boats left the quay.</p></article>";

#[test]
fn hostile_pages_load_in_bounded_time_without_their_junk() {
    // 100,000 links and no article: a note, not an article of menus.
    let links = "<li><a href=\"/s\">More news</a></li>".repeat(100_000);
    let page = format!("<html><body><ul>{links}</ul></body></html>");
    let a = &parse_file("links.html", Format::Html, page.as_bytes()).expect("reads")[0];
    assert!(
        a.notes.iter().any(|n| n.contains("no article found")),
        "{:?}",
        a.notes
    );
    // 10 MB of inline script around an article: the article, no script.
    let script = format!(
        "<script>var feed = \"{}\";</script>",
        "Monday ".repeat(1_500_000)
    );
    let page = format!("<html><head>{script}</head><body>{STORY_HTML}{script}</body></html>");
    assert!(page.len() > 10_000_000);
    let a = &parse_file("script.html", Format::Html, page.as_bytes()).expect("reads")[0];
    assert!(
        a.text.contains("The harbour ferry resumed service"),
        "{}",
        a.text
    );
    assert!(!a.text.contains("var feed"), "script text leaked");
    // Tags never closed.
    let page = STORY_HTML.replace("</p>", "").replace("</article>", "") + "<div><span><b>";
    let a = &parse_file("unclosed.html", Format::Html, page.as_bytes()).expect("reads")[0];
    assert!(a.text.contains("Crews returned to work"), "{}", a.text);
    // A frameset holds no article (nothing is fetched): a note says so.
    let page = "<html><frameset><frame src=\"a.html\"><frame src=\"b.html\"></frameset></html>";
    match parse_file("frames.html", Format::Html, page.as_bytes()) {
        Ok(articles) => assert!(
            articles[0]
                .notes
                .iter()
                .any(|n| n.contains("no article found")),
            "{:?}",
            articles[0].notes
        ),
        Err(why) => assert_eq!(why, IngestError::Empty),
    }
}

#[test]
fn a_meta_charset_that_lies_does_not_garble_the_text() {
    // Says Latin-1, is UTF-8.
    let page = format!(
        "<html><head><meta charset=\"iso-8859-1\"></head><body>{}</body></html>",
        STORY_HTML.replace("ferry", "café ferry")
    );
    let a = &parse_file("utf8.html", Format::Html, page.as_bytes()).expect("reads")[0];
    assert!(a.text.contains("café ferry"), "{}", a.text);
    // Says UTF-8, is Latin-1.
    let mut bytes = b"<html><head><meta charset=\"utf-8\"></head><body>".to_vec();
    bytes.extend(
        STORY_HTML
            .replace("ferry", "caf\u{e9} ferry")
            .chars()
            .map(|c| u8::try_from(u32::from(c)).expect("Latin-1")),
    );
    bytes.extend(b"</body></html>");
    let a = &parse_file("latin1.html", Format::Html, &bytes).expect("reads")[0];
    assert!(a.text.contains("café ferry"), "{}", a.text);
    assert!(!a.text.contains('\u{fffd}'));
}

/// One JSON line of an article "m" with this text and, if given, title.
fn json_line(title: Option<&str>, text: &str) -> String {
    let mut record = serde_json::json!({"id": "m", "text": text});
    if let Some(title) = title {
        record["title"] = title.into();
    }
    format!("{record}\n")
}

#[test]
fn utf8_read_as_windows_1252_gets_its_letters_and_signs_back() {
    // Written as a mis-decoding would leave it; the title as well as the text.
    let text = "The fund paid Â£12m to a cafÃ© in SÃ£o Paulo, 30Â°C at noon, \
                a â‚¬5 fee and ZÃ¼rich’s Å\u{81}Ã³dÅº office.\n\n\
                Left alone: SÃO PAULO, CÂMARA, Ã and Â by themselves, 5 € and naïve.";
    let line = json_line(Some("CafÃ© owner fined Â£5"), text);
    let articles = parse_file("m.jsonl", Format::JsonLines, line.as_bytes()).expect("parses");
    let body = &articles[0].text;
    assert!(
        body.contains(
            "The fund paid £12m to a café in São Paulo, 30°C at noon, a €5 fee and Zürich’s Łódź office."
        ),
        "{body}"
    );
    assert!(
        body.contains("Left alone: SÃO PAULO, CÂMARA, Ã and Â by themselves, 5 € and naïve."),
        "{body}"
    );
    assert_eq!(articles[0].title, "Café owner fined £5");
    let note = articles[0].notes.join(" ");
    assert!(note.contains("9 character(s) repaired"), "{note}");
}

#[test]
fn utf8_read_as_windows_1252_gets_its_punctuation_back() {
    // Written as a mis-decoding would leave it, also with a tokeniser's spaces inside.
    let text = "The mayorâ€™s office said â€œnoâ€\u{9d} â€“ twice.\n\n\
                Iranâ€ ™ s envoy canâ€ ™ t go; the ministersâ€ ™ talks endedâ€\n\n\
                Clean text stays as it is: 5 € and â alone.";
    let lines = json_line(None, text);
    let articles = parse_file("m.jsonl", Format::JsonLines, lines.as_bytes()).expect("parses");
    let body = &articles[0].text;
    assert!(
        body.contains("The mayor’s office said “no” – twice."),
        "{body}"
    );
    assert!(
        body.contains("Iran’s envoy can’t go; the ministers’ talks ended”"),
        "{body}"
    );
    assert!(body.contains("5 € and â alone."));
    assert!(!body.contains("â€"));
    let note = articles[0].notes.join(" ");
    assert!(note.contains("8 character(s) repaired"), "{note}");
    let clean =
        parse_file("c.txt", Format::Text, "Plain – text’s fine.".as_bytes()).expect("parses");
    assert_eq!(clean[0].text, "Plain – text’s fine.");
    assert!(clean[0].notes.is_empty());
}
