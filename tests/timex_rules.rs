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

/// Each text's one expression has the span and value given, against `published`.
fn assert_reads(published: &str, cases: &[(&str, &str, &str)]) {
    for &(text, span, value) in cases {
        let (found, v, ..) = one(text, published);
        assert_eq!((found.as_str(), v.as_str()), (span, value), "{text}");
    }
}

/// Each expression's text and value, in order.
fn spans_and_values(found: &[Timex]) -> Vec<(&str, &str)> {
    found
        .iter()
        .map(|t| (t.text.as_str(), t.value.as_str()))
        .collect()
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

#[test]
fn the_number_of_a_resolution_flight_or_route_is_no_year() {
    for text in [
        "The council passed resolution 1593 on the crisis.",
        "Passengers of Flight 1549 were rescued from the river.",
        "Trucks were stopped on Route 2034 outside the town.",
        "Article 1234 of the code was cited by the judge.",
    ] {
        let found = tag_text(text, "2024-05-01");
        assert!(
            found.iter().all(|t| t.value.len() != 4),
            "{text}: {found:#?}"
        );
    }
    // A year after other nouns is still a year.
    let found = tag_text("The law of 1998 was repealed.", "2024-05-01");
    assert!(found.iter().any(|t| t.value == "1998"), "{found:#?}");
    let found = tag_text("The council met in 1998.", "2024-05-01");
    assert!(found.iter().any(|t| t.value == "1998"), "{found:#?}");
}

#[test]
fn twenty_four_hour_clock_times_are_times_of_the_day() {
    // 2024-05-01 is a Wednesday.
    let cases = [
        (
            "The valve was closed at 1425 GMT on the platform.",
            "1425 GMT",
            "2024-05-01T14:25",
        ),
        (
            "Fighting resumed at 2200 local time near the bridge.",
            "2200 local time",
            "2024-05-01T22:00",
        ),
        (
            "The convoy left at 0630 hours on Monday.",
            "0630 hours on Monday",
            "2024-04-29T06:30",
        ),
    ];
    for (text, span, value) in cases {
        let (found, v, _, _, kind) = one(text, "2024-05-01");
        assert_eq!(
            (found.as_str(), v.as_str(), kind),
            (span, value, TimexType::Time),
            "{text}"
        );
    }
    // Not a clock: minutes past 59.
    assert!(
        tag_text("Some 1275 GMT workers struck.", "2024-05-01")
            .iter()
            .all(|t| t.kind != TimexType::Time)
    );
}

#[test]
fn ages_shares_ordinals_and_adjectives_are_not_durations() {
    for text in [
        "The 52 years old driver was held.",
        "A driver, 47 years old, was held.",
        "The 53-year - old mayor was held.",
        "About three-quarters of the harvest was lost.",
        "More than a quarter of the vote went to the party.",
        "A second group of protesters arrived.",
        "The last-minute deal collapsed.",
        "The firm raised its quarterly dividend.",
        "Sales grew 8.5% annually in the region.",
    ] {
        let found = tag_text(text, "2024-05-01");
        assert!(found.is_empty(), "{text}: {found:#?}");
    }
    // The same words still make durations and sets where they are times.
    assert_eq!(one("They waited a second or two.", "2024-05-01").1, "PT1S");
    assert_eq!(one("Reports are filed quarterly.", "2024-05-01").1, "P1Q");
    let found = tag_text("The first three quarters of 2023 were weak.", "2024-05-01");
    assert!(
        found
            .iter()
            .any(|t| t.kind == TimexType::Duration && t.text.contains("three quarters")),
        "{found:#?}"
    );
}

#[test]
fn compound_and_fractional_durations_keep_every_unit() {
    assert_reads(
        "2024-05-01",
        &[
            ("He will serve 5 1/2 years.", "5 1/2 years", "P5Y6M"),
            ("Talks lasted 2 1/2 hours.", "2 1/2 hours", "PT2H30M"),
            (
                "There was a minute and a half of silence.",
                "a minute and a half",
                "PT1M30S",
            ),
            (
                "The strike lasted two days and a half.",
                "two days and a half",
                "P2DT12H",
            ),
            (
                "He faces at least 20 more years in prison.",
                "at least 20 more years",
                "P20Y",
            ),
            (
                "They asked for an additional year to pay.",
                "an additional year",
                "P1Y",
            ),
            ("The ship took 1.5 days.", "1.5 days", "P1DT12H"),
        ],
    );
}

#[test]
fn last_month_names_are_always_in_the_past() {
    // Said in October: last December is the December before, last March this year's.
    assert_eq!(
        one("The plant closed last December.", "1989-10-30").1,
        "1988-12"
    );
    assert_eq!(
        one("The plant closed last March.", "1989-10-30").1,
        "1989-03"
    );
    // Said in December: last December is a year back.
    assert_eq!(
        one("The plant closed last December.", "2024-12-10").1,
        "2023-12"
    );
}

#[test]
fn arranged_events_look_forward_and_prefixed_years_are_years() {
    // 2024-03-20 is a Wednesday.
    assert_eq!(
        one("Talks are set to resume Monday.", "2024-03-20").1,
        "2024-03-25"
    );
    assert_eq!(
        one("The hearing is due to open Friday.", "2024-03-20").1,
        "2024-03-22"
    );
    let (span, value, ..) = one("Prices peaked in mid-1996 before falling.", "2024-03-20");
    assert_eq!((span.as_str(), value.as_str()), ("mid-1996", "1996"));
}

#[test]
fn holidays_are_their_days() {
    for (text, published, span, value) in [
        (
            "Shops closed on Christmas Day.",
            "2024-03-20",
            "Christmas Day",
            "2023-12-25",
        ),
        (
            "Crowds gathered on Christmas Eve.",
            "2024-03-20",
            "Christmas Eve",
            "2023-12-24",
        ),
        (
            "The law took effect on New Year's Day.",
            "2024-03-20",
            "New Year's Day",
            "2024-01-01",
        ),
        (
            "Fireworks lit the sky on New Year's Eve.",
            "2024-03-20",
            "New Year's Eve",
            "2023-12-31",
        ),
        (
            "Travel peaked at Thanksgiving.",
            "2024-12-10",
            "Thanksgiving",
            "2024-11-28",
        ),
        (
            "Voters queued on Election Day.",
            "2020-11-20",
            "Election Day",
            "2020-11-03",
        ),
        (
            "Pilgrims gathered at Easter.",
            "2024-05-01",
            "Easter",
            "2024-03-31",
        ),
        (
            "Churches filled on Good Friday.",
            "2019-05-01",
            "Good Friday",
            "2019-04-19",
        ),
        (
            "Parades marched on Memorial Day.",
            "2024-06-10",
            "Memorial Day",
            "2024-05-27",
        ),
        (
            "The strike ended before Labor Day.",
            "2024-10-01",
            "Labor Day",
            "2024-09-02",
        ),
    ] {
        let (found, v, ..) = one(text, published);
        assert_eq!((found.as_str(), v.as_str()), (span, value), "{text}");
    }
    // Lower-case words and a plain "new year" are not holidays.
    assert!(tag_text("We hope the new year brings peace.", "2024-03-20").is_empty());
    assert!(tag_text("Thanks for the good friday feeling.", "2024-03-20").is_empty());
}

#[test]
fn a_year_ago_in_a_passage_about_a_quarter_is_that_quarter_a_year_before() {
    let found = tag_text(
        "The bank earned more in the third quarter. Profit rose 12% from a year earlier.",
        "2024-11-05",
    );
    let values: Vec<&str> = found.iter().map(|t| t.value.as_str()).collect();
    assert_eq!(values, ["2024-Q3", "2023-Q3"], "{found:#?}");
    // Without a quarter in sight it stays a year.
    assert_eq!(
        one("Profit rose 12% from a year earlier.", "2024-11-05").1,
        "2023"
    );
    let (span, value, ..) = one(
        "Results for the 1988 second quarter were restated.",
        "1989-10-30",
    );
    assert_eq!(
        (span.as_str(), value.as_str()),
        ("the 1988 second quarter", "1988-Q2")
    );
}

#[test]
fn an_adjective_in_ed_is_no_past_tense_and_a_day_just_gone_keeps_its_year() {
    // 2024-03-13 is a Wednesday.
    assert_eq!(
        one(
            "On Monday the revised plan will go to a vote.",
            "2024-03-13"
        )
        .1,
        "2024-03-18"
    );
    assert_eq!(
        one("On Monday the council voted down the plan.", "2024-03-13").1,
        "2024-03-11"
    );
    assert_eq!(
        one(
            "The suspect will stand trial for the attack on March 10.",
            "2024-03-13"
        )
        .1,
        "2024-03-10"
    );
    assert_eq!(
        one("The festival will open on March 1.", "2024-09-13").1,
        "2025-03-01"
    );
}

#[test]
fn a_period_already_a_year_back_is_not_shifted_twice_and_year_earlier_is_no_count() {
    let found = tag_text(
        "Net income rose 5% in the second quarter. The year-earlier period had a loss. \
         Sales were flat from a year ago.",
        "2031-08-14",
    );
    let values = spans_and_values(&found);
    assert_eq!(
        values,
        [
            ("the second quarter", "2031-Q2"),
            ("The year-earlier period", "2030-Q2"),
            ("a year ago", "2030-Q2"),
        ],
        "{found:#?}"
    );
    // "A year-earlier loss" is the year before, never a span of one year.
    let found = tag_text(
        "The mill posted a year-earlier loss of $2 million.",
        "2031-08-14",
    );
    assert!(
        found
            .iter()
            .all(|t| t.kind == TimexType::Date && t.value == "2030"),
        "{found:#?}"
    );
    // A hyphenated "year-earlier" in a story about another time still compares with the
    // publication's year, not with the story's.
    let found = tag_text(
        "The plant opened in June 2019. Year-earlier results were restated.",
        "2031-08-14",
    );
    assert_eq!(
        found.last().map(|t| t.value.as_str()),
        Some("2030"),
        "{found:#?}"
    );
}

#[test]
fn a_reporting_period_of_another_year_is_one_expression() {
    assert_reads(
        "2031-10-20",
        &[
            (
                "Profit fell from the year-ago third quarter.",
                "the year-ago third quarter",
                "2030-Q3",
            ),
            (
                "Next year's first quarter looks better.",
                "Next year's first quarter",
                "2032-Q1",
            ),
            (
                "Last year's fourth quarter was strong.",
                "Last year's fourth quarter",
                "2030-Q4",
            ),
            (
                "Sales in the second quarter a year earlier were flat.",
                "the second quarter a year earlier",
                "2030-Q2",
            ),
        ],
    );
    // "The corresponding period" is the quarter being reported on, a year back.
    let found = tag_text(
        "Revenue rose in the third quarter. The corresponding period last year was weak.",
        "2031-10-20",
    );
    let values: Vec<&str> = found.iter().map(|t| t.value.as_str()).collect();
    assert_eq!(values, ["2031-Q3", "2030-Q3"], "{found:#?}");
}

#[test]
fn that_day_and_later_that_year_are_the_storys_time() {
    let found = tag_text(
        "The levee failed on 3 May 2001. That day nobody slept. Later that year the town \
         was rebuilt.",
        "2031-06-01",
    );
    let values = spans_and_values(&found);
    assert_eq!(
        values,
        [
            ("3 May 2001", "2001-05-03"),
            ("That day", "2001-05-03"),
            ("Later that year", "2001"),
        ]
    );
    // "That" as a conjunction before a compound is no date.
    assert!(tag_text("He said that day-to-day work goes on.", "2031-06-01").is_empty());
}

#[test]
fn a_list_of_years_and_a_prefixed_year_are_years() {
    let found = tag_text("The council met in 1994, 1995 and 1996.", "2031-06-01");
    let values: Vec<&str> = found.iter().map(|t| t.value.as_str()).collect();
    assert_eq!(values, ["1994", "1995", "1996"]);
    assert_eq!(
        one("Post-1959 politics changed the island.", "2031-06-01").1,
        "1959"
    );
    // A thousands separator still makes a number, not a year.
    assert!(tag_text("The crowd grew to 21,995 people.", "2031-06-01").is_empty());
}

#[test]
fn later_and_earlier_count_from_the_time_the_story_tells() {
    let found = tag_text(
        "The ship left port on March 3, 2021. Three days later it ran aground.",
        "2024-11-05",
    );
    let later = found
        .iter()
        .find(|t| t.text == "Three days later")
        .expect("tagged");
    assert_eq!(later.value, "2021-03-06", "{found:#?}");
    assert!(
        later
            .anchor
            .as_deref()
            .is_some_and(|a| a.contains("narrative"))
    );
    // "ago" counts from the publication day.
    let found = tag_text(
        "The ship left port on March 3, 2021. It sank three days ago.",
        "2024-11-05",
    );
    assert!(found.iter().any(|t| t.value == "2024-11-02"), "{found:#?}");
}

#[test]
fn years_said_in_words_are_years_and_counts_are_not() {
    assert_reads(
        "2024-05-01",
        &[
            (
                "The dam was finished in nineteen ninety-six.",
                "nineteen ninety-six",
                "1996",
            ),
            (
                "It rained all through nineteen eighty.",
                "nineteen eighty",
                "1980",
            ),
            (
                "They hoped to finish by the year two thousand.",
                "the year two thousand",
                "2000",
            ),
            (
                "The law changed in two thousand and three.",
                "two thousand and three",
                "2003",
            ),
        ],
    );
    for text in [
        "Some two thousand troops crossed the river.",
        "Nineteen people were hurt.",
    ] {
        assert!(tag_text(text, "2024-05-01").is_empty(), "{text}");
    }
}

#[test]
fn long_adjectives_working_days_and_bare_seasons() {
    // 2024-11-05: in a past-tense sentence "the summer" is the summer before.
    assert_reads(
        "2024-11-05",
        &[
            ("Workers held a day-long strike.", "day-long", "P1D"),
            ("The decades-long feud ended.", "decades-long", "PXY"),
            (
                "Shares fell for eight trading days.",
                "eight trading days",
                "P8D",
            ),
            (
                "The camp was full during the summer.",
                "the summer",
                "2024-SU",
            ),
            ("Roads were closed in winter.", "winter", "2023-WI"),
        ],
    );
    // "the fall in prices" and "the spring of hope" are no seasons.
    assert!(tag_text("Traders feared the fall in prices.", "2024-11-05").is_empty());
    assert!(tag_text("It was the summer of love.", "2024-11-05").is_empty());
}

#[test]
fn reporting_periods_of_company_results() {
    for (text, span, value) in [
        (
            "Profit fell in the most recent period.",
            "the most recent period",
            "2024-Q3",
        ),
        ("Sales for the year ended Sept. 30 rose.", "the year", "P1Y"),
        (
            "The company expects a loss for the full year.",
            "the full year",
            "2024",
        ),
        (
            "Costs rose in the fiscal year, it said.",
            "the fiscal year",
            "2024",
        ),
    ] {
        let found = tag_text(text, "2024-11-05");
        let t = found.first().unwrap_or_else(|| panic!("{text}: nothing"));
        assert_eq!(
            (t.text.as_str(), t.value.as_str()),
            (span, value),
            "{text}: {found:#?}"
        );
    }
}

#[test]
fn a_reporting_clause_does_not_set_the_tense_of_the_clause_before_it() {
    // 2024-03-13 is a Wednesday.
    assert_reads(
        "2024-03-13",
        &[
            (
                "The court will rule Tuesday, officials said.",
                "Tuesday",
                "2024-03-19",
            ),
            (
                "\"We will sign the deal on Friday,\" the minister told reporters.",
                "Friday",
                "2024-03-15",
            ),
            // The reporting verb is the only cue: the statement was made that day.
            (
                "On Monday, officials said the vote would go ahead.",
                "Monday",
                "2024-03-11",
            ),
            // Without a comma the speech verb is the clause's own.
            (
                "The mayor said Tuesday that the bridge will reopen.",
                "Tuesday",
                "2024-03-12",
            ),
        ],
    );
}

#[test]
fn earliest_possible_days_and_past_arrangements() {
    // 2024-03-13 is a Wednesday.
    assert_reads(
        "2024-03-13",
        &[
            (
                "The envoy could leave as early as Monday, aides said.",
                "Monday",
                "2024-03-18",
            ),
            (
                "Crews hope to finish as soon as Friday.",
                "Friday",
                "2024-03-15",
            ),
            (
                "The offer had been scheduled to expire on Friday.",
                "Friday",
                "2024-03-08",
            ),
            (
                "Negotiators had planned to meet Tuesday.",
                "Tuesday",
                "2024-03-12",
            ),
        ],
    );
}

#[test]
fn a_weekday_with_plural_parts_of_the_day_recurs() {
    let found = tag_text(
        "The club opens on Tuesday nights and Sunday mornings.",
        "2024-03-13",
    );
    let read: Vec<(&str, &str, TimexType)> = found
        .iter()
        .map(|t| (t.text.as_str(), t.value.as_str(), t.kind))
        .collect();
    assert_eq!(
        read,
        [
            ("Tuesday nights", "XXXX-WXX-2TNI", TimexType::Set),
            ("Sunday mornings", "XXXX-WXX-7TMO", TimexType::Set),
        ]
    );
}

#[test]
fn a_clock_time_without_a_day_takes_the_day_its_sentence_or_story_names() {
    // 2024-03-13 is a Wednesday.
    let found = tag_text(
        "The blast came at about 10:35 a.m. (0735 GMT) on Saturday, police said.",
        "2024-03-13",
    );
    assert_eq!(
        spans_and_values(&found),
        [
            ("about 10:35 a.m.", "2024-03-09T10:35"),
            ("0735 GMT", "2024-03-09T07:35"),
            ("Saturday", "2024-03-09"),
        ]
    );
    let found = tag_text(
        "Rescuers reached the village on March 2. By 10 p.m. the last family was safe.",
        "2024-03-13",
    );
    assert_eq!(
        spans_and_values(&found),
        [("March 2", "2024-03-02"), ("10 p.m.", "2024-03-02T22:00")]
    );
    assert!(
        found[1]
            .anchor
            .as_deref()
            .is_some_and(|a| a.contains("March 2"))
    );
    // With no day in sight, the publication day.
    assert_eq!(
        one("Trading halted at 2:15 p.m.", "2024-03-13").1,
        "2024-03-13T14:15"
    );
}

#[test]
fn irregular_past_verbs_and_unmarked_dates_look_back() {
    // "brought", "chose", "fought" are past tense although they do not end in -ed.
    assert_reads(
        "2024-10-27",
        &[
            (
                "In January, the company brought in a new chief who will start soon.",
                "January",
                "2024-01",
            ),
            (
                "In February the board chose a chair who will serve two terms.",
                "February",
                "2024-02",
            ),
        ],
    );
    // No tense at all: a yearless date far ahead is more likely the one gone by.
    assert_reads(
        "2024-05-06",
        &[
            (
                "Police have been searching for him since the Oct. 23 shooting.",
                "Oct. 23",
                "2023-10-23",
            ),
            (
                "The June 20 summit remains on the agenda.",
                "June 20",
                "2024-06-20",
            ),
        ],
    );
}

#[test]
fn arrangements_and_deadlines_look_ahead() {
    // 2024-03-13 is a Wednesday.
    assert_reads(
        "2024-03-13",
        &[
            (
                "A ceremony would still be held at the summit on April 24.",
                "April 24",
                "2024-04-24",
            ),
            (
                "The new rules were announced, effective Feb. 1.",
                "Feb. 1",
                "2025-02-01",
            ),
            (
                "Officials postponed until Monday any decision on the permit.",
                "Monday",
                "2024-03-18",
            ),
            (
                "The agency extended its deadline until Friday.",
                "Friday",
                "2024-03-15",
            ),
            (
                "Officials said they did not plan to close the road on Thursday.",
                "Thursday",
                "2024-03-14",
            ),
            (
                "The coalition will one day govern alone.",
                "one day",
                "FUTURE_REF",
            ),
        ],
    );
    // Without a modal, "one day" is a day's length.
    assert_eq!(one("The strike lasted one day.", "2024-03-13").1, "P1D");
}

#[test]
fn period_ends_and_weeks_of_a_day() {
    assert_reads(
        "2024-03-13",
        &[
            ("The sale should close by year-end.", "year-end", "2024"),
            ("The fund is up 4% since year end.", "year end", "2024"),
            (
                "Approval is expected by the year's end.",
                "the year's end",
                "2024",
            ),
            (
                "Troops will arrive by the end of the month.",
                "the end of the month",
                "2024-03",
            ),
            (
                "The trial opens the week of April 8.",
                "the week of April 8",
                "2024-W15",
            ),
        ],
    );
}

#[test]
fn the_previous_weekday_counts_from_the_story_day() {
    let found = tag_text(
        "Shares closed on Friday, March 8, down 2% from the previous Friday.",
        "2024-03-13",
    );
    assert_eq!(
        spans_and_values(&found),
        [
            ("Friday, March 8", "2024-03-08"),
            ("the previous Friday", "2024-03-01")
        ]
    );
}

#[test]
fn a_year_earlier_than_this_years_quarter_is_last_years() {
    let found = tag_text(
        "In this year's third quarter, net was $10.5 million, compared with $10.3 million a year earlier.",
        "2024-10-26",
    );
    assert_eq!(
        spans_and_values(&found),
        [
            ("this year's third quarter", "2024-Q3"),
            ("a year earlier", "2023-Q3")
        ]
    );
}

#[test]
fn a_part_of_the_day_before_its_day_and_midday() {
    // 2024-03-13 is a Wednesday.
    assert_reads(
        "2024-03-13",
        &[
            (
                "Shares were up at mid-afternoon yesterday.",
                "mid-afternoon yesterday",
                "2024-03-12TAF",
            ),
            (
                "The talks resumed late morning Monday.",
                "late morning Monday",
                "2024-03-11TMO",
            ),
            (
                "The suspect appeared in court at midday.",
                "midday",
                "2024-03-13T12:00",
            ),
        ],
    );
    // "The night of March 2" is the day, as TimeML annotates it.
    assert_eq!(
        one("Fighting broke out on the night of March 2.", "2024-03-13").0,
        "March 2"
    );
}
