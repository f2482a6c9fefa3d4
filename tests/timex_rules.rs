//! The temporal grammar and normaliser on constructed sentences (nothing from the seed story).

use chrono::NaiveDate;
use sightline::core::segment;
use sightline::core::timex::{Timex, TimexType, tag};

fn tag_text(text: &str, published: &str) -> Vec<Timex> {
    let paragraphs = segment::paragraphs(text, 0);
    let sentences = segment::sentences(text, &paragraphs);
    tag(
        text,
        &paragraphs,
        &sentences,
        Some(published.parse().expect("date")),
    )
}

fn one(
    text: &str,
    published: &str,
) -> (
    String,
    String,
    Option<NaiveDate>,
    Option<NaiveDate>,
    TimexType,
) {
    let found = tag_text(text, published);
    assert_eq!(found.len(), 1, "{text}: {found:#?}");
    let t = &found[0];
    (
        t.text.clone(),
        t.value.clone(),
        t.earliest,
        t.latest,
        t.kind,
    )
}

fn d(s: &str) -> Option<NaiveDate> {
    s.parse().ok()
}

#[test]
fn weekdays_follow_tense() {
    // 2024-03-13 is a Wednesday.
    assert_eq!(
        one("The council voted on Monday.", "2024-03-13").1,
        "2024-03-11"
    );
    assert_eq!(
        one("The council will vote on Monday.", "2024-03-13").1,
        "2024-03-18"
    );
    assert_eq!(
        one("Talks ended last Friday.", "2024-03-13").1,
        "2024-03-08"
    );
    assert_eq!(
        one("Talks resume next Friday.", "2024-03-13").1,
        "2024-03-15"
    );
}

#[test]
fn explicit_dates_with_and_without_year() {
    assert_eq!(
        one("It opened on March 3, 2019.", "2024-03-13").1,
        "2019-03-03"
    );
    assert_eq!(
        one("It opened on 3 March 2019.", "2024-03-13").1,
        "2019-03-03"
    );
    assert_eq!(
        one("It was signed on Nov. 6.", "2024-03-13").1,
        "2023-11-06"
    );
    assert_eq!(
        one("The vote will be held on Nov. 6.", "2024-03-13").1,
        "2024-11-06"
    );
    assert_eq!(
        one("Records from 2024-02-29 show it.", "2024-03-13").1,
        "2024-02-29"
    );
}

#[test]
fn impossible_dates_are_not_dates() {
    assert!(
        tag_text("It happened on February 30.", "2024-03-13")
            .iter()
            .all(|t| t.granularity != sightline::core::timex::Granularity::Day)
    );
}

#[test]
fn relative_units_and_offsets() {
    let (_, v, a, b, _) = one("Prices rose last week.", "2024-03-13");
    assert_eq!(
        (v.as_str(), a, b),
        ("2024-W10", d("2024-03-04"), d("2024-03-10"))
    );
    assert_eq!(one("Sales fell last year.", "2024-03-13").1, "2023");
    assert_eq!(
        one("He arrived three days ago.", "2024-03-13").1,
        "2024-03-10"
    );
    assert_eq!(
        one("They met two nights ago.", "2024-03-13").1,
        "2024-03-11"
    );
    assert_eq!(one("It closed five months ago.", "2024-03-13").1, "2023-10");
    assert_eq!(one("He left yesterday.", "2024-03-13").1, "2024-03-12");
    let (_, v, a, b, _) = one("The plan changed later this year.", "2024-03-13");
    assert_eq!(
        (v.as_str(), a, b),
        ("2024", d("2024-03-13"), d("2024-12-31"))
    );
}

#[test]
fn honest_ranges_for_vague_spans() {
    let (_, v, a, b, kind) = one("Attacks rose over the past year.", "2024-03-13");
    assert_eq!(
        (v.as_str(), a, b, kind),
        ("P1Y", d("2023-03-13"), d("2024-03-13"), TimexType::Duration)
    );
    let (_, v, a, b, _) = one("In recent weeks, prices fell.", "2024-03-13");
    assert_eq!(v, "PXW");
    assert!(a < d("2024-03-01") && b == d("2024-03-13"));
    let (_, v, a, b, _) = one("It was common in the 1980s.", "2024-03-13");
    assert_eq!(
        (v.as_str(), a, b),
        ("198", d("1980-01-01"), d("1989-12-31"))
    );
}

#[test]
fn seasons_quarters_and_modifiers() {
    assert_eq!(
        one("Profit fell in the third quarter.", "2024-11-02").1,
        "2024-Q3"
    );
    assert_eq!(one("It rained last summer.", "2024-03-13").1, "2023-SU");
    let (_, v, a, b, _) = one("Construction began in early 2021.", "2024-03-13");
    assert_eq!(v, "2021");
    assert_eq!(a, d("2021-01-01"));
    assert!(b < d("2021-05-03"));
    assert_eq!(
        one("Growth slowed in the mid-1990s.", "2024-03-13").1,
        "199"
    );
}

#[test]
fn times_durations_sets_and_references() {
    let (_, v, _, _, kind) = one("The polls close at 7:15 p.m. Tuesday.", "2024-03-13");
    assert_eq!((v.as_str(), kind), ("2024-03-12T19:15", TimexType::Time));
    assert_eq!(one("The talks lasted three hours.", "2024-03-13").1, "PT3H");
    assert_eq!(one("It lasted twenty-four months.", "2024-03-13").1, "P24M");
    let (_, v, _, _, kind) = one("The board meets every Thursday.", "2024-03-13");
    assert_eq!((v.as_str(), kind), ("XXXX-WXX-4", TimexType::Set));
    assert_eq!(one("Reports are published weekly.", "2024-03-13").1, "P1W");
    assert_eq!(
        one("Shares are currently trading high.", "2024-03-13").1,
        "PRESENT_REF"
    );
}

#[test]
fn a_year_is_not_a_count() {
    assert!(tag_text("The army sent 1500 troops.", "2024-03-13").is_empty());
    assert_eq!(one("The army was founded in 1948.", "2024-03-13").1, "1948");
}

#[test]
fn quoted_relative_dates_use_the_stated_time_of_speaking() {
    let text = "The minister spoke in an interview on Friday, May 3, 2024. \"Two days ago we signed it,\" she said.";
    let found = tag_text(text, "2024-05-20");
    let quoted = found
        .iter()
        .find(|t| t.text == "Two days ago")
        .expect("tagged");
    assert_eq!(quoted.value, "2024-05-01");
}

#[test]
fn clock_times_are_not_years() {
    for text in [
        "The valve was closed at 1425 GMT on the platform.",
        "Fighting resumed at 2200 local time near the bridge.",
        "The curfew starts at 0600 hours every day.",
        "Flights left after 1730 EST despite the storm.",
    ] {
        let found = tag_text(text, "2024-05-01");
        assert!(
            found
                .iter()
                .all(|t| t.value.len() != 4 || !t.value.starts_with(['0', '1', '2'])),
            "{text}: {found:#?}"
        );
    }
    // A year before a capitalised word is still a year.
    let found = tag_text("In 1998 GM cut jobs.", "2024-05-01");
    assert!(found.iter().any(|t| t.value == "1998"), "{found:#?}");
}
