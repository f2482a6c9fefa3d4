//! Tokens and the small closed word lists the temporal grammar is built from.
//! Nothing here is specific to any story: months, weekdays, numbers, units, cue words.

use crate::core::dates::{Season, Unit};
use chrono::Weekday;

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    /// Letters.
    Word,
    /// ASCII digits.
    Number,
    /// Any other single non-space character.
    Punct,
}

/// One token with its byte span.
#[derive(Clone, Debug)]
pub struct Tok {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset past the last character.
    pub end: usize,
    /// Letters, digits or punctuation.
    pub kind: TokKind,
    /// Lowercased text.
    pub lower: String,
    /// Starts with an uppercase letter.
    pub cap: bool,
    /// Whitespace precedes it (false: glued to the previous token, as in "mid-1990s").
    pub gap: bool,
}

/// Splits `text[start..end]` into word, number and punctuation tokens.
pub fn tokenize(text: &str, start: usize, end: usize) -> Vec<Tok> {
    let mut toks = Vec::new();
    let slice = &text[start..end];
    let mut chars = slice.char_indices().peekable();
    let mut gap = true;
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            gap = true;
            continue;
        }
        let kind = if c.is_alphabetic() {
            TokKind::Word
        } else if c.is_ascii_digit() {
            TokKind::Number
        } else {
            TokKind::Punct
        };
        let mut stop = i + c.len_utf8();
        if kind != TokKind::Punct {
            while let Some(&(j, d)) = chars.peek() {
                let same = match kind {
                    TokKind::Word => d.is_alphabetic(),
                    _ => d.is_ascii_digit(),
                };
                if !same {
                    break;
                }
                stop = j + d.len_utf8();
                chars.next();
            }
        }
        let piece = &slice[i..stop];
        toks.push(Tok {
            start: start + i,
            end: start + stop,
            kind,
            lower: piece.to_lowercase(),
            cap: c.is_uppercase(),
            gap,
        });
        gap = false;
    }
    toks
}

/// Month number (1–12) of a month name or abbreviation.
pub fn month(word: &str) -> Option<u32> {
    Some(match word {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sept" | "sep" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// Whether a month word is also a common English word (so needs a date context to count).
pub fn month_is_ambiguous(word: &str) -> bool {
    matches!(
        word,
        "may" | "march" | "mar" | "jan" | "sep" | "dec" | "jun" | "jul" | "aug"
    )
}

/// The weekday of a weekday name or abbreviation.
pub fn weekday(word: &str) -> Option<Weekday> {
    Some(match word {
        "monday" | "mon" => Weekday::Mon,
        "tuesday" | "tue" | "tues" => Weekday::Tue,
        "wednesday" | "wed" => Weekday::Wed,
        "thursday" | "thu" | "thur" | "thurs" => Weekday::Thu,
        "friday" | "fri" => Weekday::Fri,
        "saturday" | "sat" => Weekday::Sat,
        "sunday" | "sun" => Weekday::Sun,
        _ => return None,
    })
}

/// The weekday of a plural weekday ("Mondays"), for recurring sets.
pub fn weekday_plural(word: &str) -> Option<Weekday> {
    word.strip_suffix('s')
        .filter(|w| w.ends_with("day"))
        .and_then(weekday)
}

/// Cardinal number words up to ninety-nine (tens are combined by the grammar).
pub fn number_word(word: &str) -> Option<i64> {
    Some(match word {
        "zero" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" | "dozen" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" => 100,
        _ => return None,
    })
}

/// Ordinal words and their number ("third" → 3), up to the thirty-first.
pub fn ordinal_word(word: &str) -> Option<i64> {
    Some(match word {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "twenty-first" => 21,
        _ => return None,
    })
}

/// Calendar or clock unit of a unit word, and whether the word is plural.
pub fn unit(word: &str) -> Option<(Unit, bool)> {
    Some(match word {
        "second" => (Unit::Second, false),
        "seconds" => (Unit::Second, true),
        "minute" => (Unit::Minute, false),
        "minutes" => (Unit::Minute, true),
        "hour" => (Unit::Hour, false),
        "hours" => (Unit::Hour, true),
        "day" | "night" => (Unit::Day, false),
        "days" | "nights" => (Unit::Day, true),
        "week" => (Unit::Week, false),
        "weeks" => (Unit::Week, true),
        "month" => (Unit::Month, false),
        "months" => (Unit::Month, true),
        "quarter" => (Unit::Quarter, false),
        "quarters" => (Unit::Quarter, true),
        "year" => (Unit::Year, false),
        "years" => (Unit::Year, true),
        "decade" => (Unit::Decade, false),
        "decades" => (Unit::Decade, true),
        "century" => (Unit::Century, false),
        "centuries" => (Unit::Century, true),
        _ => return None,
    })
}

/// Season of a season word.
pub fn season(word: &str) -> Option<Season> {
    Some(match word {
        "spring" => Season::Spring,
        "summer" => Season::Summer,
        "fall" | "autumn" => Season::Fall,
        "winter" => Season::Winter,
        _ => return None,
    })
}

/// TIMEX3 part-of-day code for a part-of-day word.
pub fn part_of_day(word: &str) -> Option<&'static str> {
    Some(match word {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" | "overnight" => "NI",
        _ => return None,
    })
}

/// Time-zone abbreviations that may follow a clock time.
pub fn is_time_zone(word: &str) -> bool {
    matches!(
        word,
        "est"
            | "edt"
            | "cst"
            | "cdt"
            | "mst"
            | "mdt"
            | "pst"
            | "pdt"
            | "gmt"
            | "utc"
            | "et"
            | "pt"
            | "ct"
            | "bst"
            | "cet"
            | "cest"
            | "ist"
            | "jst"
            | "aest"
            | "msk"
            | "zulu"
    )
}

/// Words that make a four-digit number a 24-hour clock time ("1425 GMT", "2200 local time",
/// "0600 hours").
pub fn is_clock_word(word: &str) -> bool {
    is_time_zone(word) || matches!(word, "local" | "hours" | "hrs" | "h" | "z")
}

/// Nouns that a number names one of ("resolution 1593", "Flight 1549", "Route 2200", "Article
/// 1234"): a four-digit number after one is that thing's number, not a year.
pub fn is_numbered_noun(word: &str) -> bool {
    matches!(
        word,
        "resolution"
            | "resolutions"
            | "flight"
            | "flights"
            | "article"
            | "section"
            | "chapter"
            | "paragraph"
            | "clause"
            | "page"
            | "route"
            | "highway"
            | "interstate"
            | "road"
            | "room"
            | "suite"
            | "apartment"
            | "platform"
            | "gate"
            | "bus"
            | "train"
            | "channel"
            | "number"
            | "item"
            | "exhibit"
            | "form"
            | "bay"
            | "pier"
            | "berth"
    )
}

/// Words that make a sentence look forward in time.
pub fn is_future_cue(word: &str) -> bool {
    matches!(
        word,
        "will"
            | "shall"
            | "ll"
            | "would"
            | "upcoming"
            | "scheduled"
            | "expects"
            | "expected"
            | "plans"
            | "planned"
            | "planning"
            | "intend"
            | "intends"
            | "intended"
            | "expect"
            | "tomorrow"
            | "going"
            | "due"
    )
}

/// Words that make a sentence look back in time: past auxiliaries, "ago"-like words, a
/// regular "-ed" form or an irregular simple past.
pub fn is_past_cue(word: &str) -> bool {
    matches!(
        word,
        "was" | "were" | "had" | "did" | "ago" | "last" | "yesterday" | "earlier" | "previously"
    ) || (word.len() > 4 && word.ends_with("ed"))
        || IRREGULAR_PAST.binary_search(&word).is_ok()
}

/// English verbs' irregular simple past forms, sorted; forms that are also the present
/// ("put", "set", "read", "cost") or common nouns ("a bit", "the ground", "the Fed") are left
/// out, since they say nothing of the time.
const IRREGULAR_PAST: &[&str] = &[
    "arose",
    "ate",
    "awoke",
    "became",
    "began",
    "bent",
    "bled",
    "blew",
    "bore",
    "bought",
    "bred",
    "broke",
    "brought",
    "built",
    "came",
    "caught",
    "chose",
    "clung",
    "crept",
    "dealt",
    "drank",
    "drew",
    "drove",
    "dug",
    "dwelt",
    "fell",
    "felt",
    "fled",
    "flew",
    "flung",
    "forbade",
    "forgave",
    "forgot",
    "fought",
    "found",
    "froze",
    "gave",
    "got",
    "grew",
    "held",
    "hid",
    "hit",
    "hung",
    "kept",
    "knelt",
    "knew",
    "laid",
    "leapt",
    "led",
    "left",
    "lent",
    "lit",
    "lost",
    "made",
    "meant",
    "met",
    "mistook",
    "overcame",
    "overtook",
    "paid",
    "ran",
    "rang",
    "rode",
    "rose",
    "said",
    "sang",
    "sank",
    "sat",
    "saw",
    "sent",
    "shone",
    "shook",
    "shot",
    "shrank",
    "slept",
    "slew",
    "slid",
    "sold",
    "sought",
    "sped",
    "spent",
    "spoke",
    "sprang",
    "spun",
    "stole",
    "stood",
    "strode",
    "strove",
    "struck",
    "stuck",
    "stung",
    "swam",
    "swept",
    "swore",
    "swung",
    "taught",
    "thought",
    "threw",
    "told",
    "took",
    "tore",
    "understood",
    "undertook",
    "upheld",
    "went",
    "wept",
    "withdrew",
    "withheld",
    "woke",
    "won",
    "wore",
    "wove",
    "wrote",
];

/// Verbs and nouns that introduce what someone said.
pub fn is_speech_word(word: &str) -> bool {
    matches!(
        word,
        "said"
            | "says"
            | "say"
            | "told"
            | "tells"
            | "added"
            | "stated"
            | "revealed"
            | "disclosed"
            | "announced"
            | "declared"
            | "remarked"
            | "noted"
            | "explained"
            | "insisted"
            | "claimed"
            | "acknowledged"
            | "confirmed"
            | "wrote"
            | "tweeted"
            | "posted"
            | "interview"
            | "statement"
            | "speech"
            | "asked"
            | "replied"
            | "recalled"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_spans_and_glue() {
        let text = "mid-1990s, 7:15 p.m.";
        let toks = tokenize(text, 0, text.len());
        let words: Vec<(&str, bool)> = toks
            .iter()
            .map(|t| (&text[t.start..t.end], t.gap))
            .collect();
        assert_eq!(
            words,
            vec![
                ("mid", true),
                ("-", false),
                ("1990", false),
                ("s", false),
                (",", false),
                ("7", true),
                (":", false),
                ("15", false),
                ("p", true),
                (".", false),
                ("m", false),
                (".", false)
            ]
        );
    }

    #[test]
    fn tokens_handle_multibyte_text() {
        let text = "Nicolás “Dec.”";
        let toks = tokenize(text, 0, text.len());
        assert_eq!(toks[0].lower, "nicolás");
        assert_eq!(&text[toks[2].start..toks[2].end], "Dec");
    }

    #[test]
    fn word_tables() {
        assert_eq!(month("sept"), Some(9));
        assert_eq!(weekday_plural("fridays"), Some(Weekday::Fri));
        assert_eq!(weekday_plural("days"), None);
        assert_eq!(unit("nights"), Some((Unit::Day, true)));
    }
}
