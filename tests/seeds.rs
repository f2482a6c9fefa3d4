//! What the seed corpus must give: publication dates with their basis, and the dates of the
//! relative expressions the issue names.

use chrono::NaiveDate;
use sightline::core::article::{Article, DateBasis};
use sightline::core::ingest::seed_articles;
use sightline::core::timex::Timex;

fn day(s: &str) -> NaiveDate {
    s.parse().expect("test date")
}

fn article(prefix: &str) -> Article {
    let loaded = seed_articles();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    loaded
        .articles
        .into_iter()
        .find(|a| a.id.starts_with(prefix))
        .expect("seed present")
}

fn timex(article: &Article, text: &str) -> Timex {
    article
        .analyze()
        .timexes
        .into_iter()
        .find(|t| t.text.eq_ignore_ascii_case(text))
        .unwrap_or_else(|| panic!("{text:?} not tagged in {}", article.id))
}

#[test]
fn seeds_are_embedded_with_file_stems_as_ids() {
    let ids: Vec<String> = seed_articles()
        .articles
        .into_iter()
        .map(|a| a.id.to_string())
        .collect();
    assert_eq!(
        ids,
        [
            "000_22c6b51998e0793d",
            "001_ba32f4ddfaa87310",
            "002_fe6f37084b34e928",
            "003_f7a3bd44a167fe9b",
            "004_49bfff059735f1c2"
        ]
    );
}

#[test]
fn publication_dates_and_their_basis() {
    let a000 = article("000");
    assert_eq!(
        (a000.published, a000.published_basis),
        (Some(day("2025-12-31")), DateBasis::Header)
    );
    let a003 = article("003");
    assert_eq!(
        (a003.published, a003.published_basis),
        (Some(day("2025-12-29")), DateBasis::Header)
    );
    let a002 = article("002");
    assert_eq!(
        (a002.published, a002.published_basis),
        (Some(day("2025-12-30")), DateBasis::Dateline)
    );
    assert!(
        a002.year_inferred,
        "the dateline has no year: it must be marked inferred"
    );
    assert_eq!(a002.byline.as_deref(), Some("By Harshit"));
    for undated in ["001", "004"] {
        let a = article(undated);
        assert_eq!(
            (a.published, a.published_basis),
            (None, DateBasis::Unknown),
            "{undated}"
        );
    }
}

#[test]
fn titles_are_headlines_or_first_sentence() {
    assert_eq!(
        article("001").title,
        "CIA Conducts Drone Strike on Venezuelan Port Facility"
    );
    assert_eq!(
        article("004").title,
        "Trump confirms CIA covert drone strike on Venezuelan port facility"
    );
    let t002 = article("002").title;
    assert!(
        t002.starts_with("The United States has carried out"),
        "{t002}"
    );
}

#[test]
fn relative_dates_in_000_resolve_against_its_header_date() {
    let a = article("000");
    let friday = timex(&a, "Last week on Friday");
    assert_eq!(
        (friday.value.as_str(), friday.earliest, friday.latest),
        (
            "2025-12-26",
            Some(day("2025-12-26")),
            Some(day("2025-12-26"))
        )
    );
    let monday = timex(&a, "Monday");
    assert_eq!(monday.value, "2025-12-29");
    let month = timex(&a, "earlier this month");
    assert_eq!(
        (month.earliest, month.latest),
        (Some(day("2025-12-01")), Some(day("2025-12-31")))
    );
    assert_eq!(month.value, "2025-12");
}

#[test]
fn explicit_date_in_002_uses_the_inferred_year() {
    let t = timex(&article("002"), "December 26");
    assert_eq!(
        (t.value.as_str(), t.earliest),
        ("2025-12-26", Some(day("2025-12-26")))
    );
}

#[test]
fn quoted_two_nights_ago_is_anchored_to_when_it_was_said() {
    // "President Donald Trump revealed last week …" then the quote "Two nights ago, we knocked
    // that out." — anchored to last week (22–28 December), not to publication (29 December).
    let a = article("003");
    let t = timex(&a, "Two nights ago");
    assert_eq!(
        (t.earliest, t.latest),
        (Some(day("2025-12-20")), Some(day("2025-12-26")))
    );
    assert!(
        t.anchor.as_deref().is_some_and(|s| s.contains("last week")),
        "{:?}",
        t.anchor
    );
}

#[test]
fn undated_articles_keep_relative_dates_unresolved() {
    let t = timex(&article("001"), "earlier this month");
    assert_eq!((t.value.as_str(), t.earliest), ("XXXX-XX", None));
}

#[test]
fn boilerplate_is_kept_in_text_but_not_analysed() {
    let a = article("004");
    let analysis = a.analyze();
    let furniture: Vec<&str> = analysis
        .paragraphs
        .iter()
        .filter(|p| p.boilerplate)
        .map(|p| &a.text[p.start..p.end])
        .collect();
    for expected in [
        "Share on facebook",
        "Research Staff",
        "Sign up for our Newsletter",
        "Credit: John McDonnell/AP",
    ] {
        assert!(
            furniture.contains(&expected),
            "{expected} not marked: {furniture:?}"
        );
        assert!(a.text.contains(expected));
    }
    assert!(!furniture.iter().any(|p| p.contains("drone strike")));
}

#[test]
fn every_offset_is_a_byte_span_of_the_text() {
    for a in seed_articles().articles {
        for t in a.analyze().timexes {
            assert_eq!(&a.text[t.start..t.end], t.text);
        }
    }
}
