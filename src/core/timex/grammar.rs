//! The recogniser: at each token, every rule tries to read a temporal expression; the longest
//! reading wins. Rules build an [`Expr`]; normalisation happens later in `resolve`.

use super::Granularity;
use super::lexicon::{self as lex, Tok, TokKind};
use super::resolve::{Count, Expr, Holiday, Modifier, RefKind, Rel};
use crate::core::dates::{DateRange, Unit, day_value, period_value, year_value};
use chrono::NaiveDate;

/// A recognised expression: token range `[first, end)` and its meaning.
pub struct Match {
    /// Index of the first token.
    pub first: usize,
    /// Index past the last token.
    pub end: usize,
    /// What it means.
    pub expr: Expr,
}

/// Finds every temporal expression in a token sequence, left to right, longest first.
pub fn recognise(toks: &[Tok]) -> Vec<Match> {
    let g = Grammar { t: toks };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if toks[i].kind == TokKind::Punct || !starts_word(toks, i) {
            i += 1;
            continue;
        }
        if let Some((end, expr)) = g.longest(i) {
            out.push(Match {
                first: i,
                end,
                expr,
            });
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

/// A token can start an expression only at a word boundary (not inside "X-ray" or "A4").
fn starts_word(toks: &[Tok], i: usize) -> bool {
    i == 0
        || toks[i].gap
        || toks[i - 1].kind == TokKind::Punct && !matches!(toks[i - 1].lower.as_str(), "'" | "’")
}

type Parse = Option<(usize, Expr)>;

struct Grammar<'a> {
    t: &'a [Tok],
}

impl Grammar<'_> {
    // ---- token helpers -------------------------------------------------------------------

    fn word(&self, i: usize) -> Option<&str> {
        self.t
            .get(i)
            .filter(|t| t.kind == TokKind::Word)
            .map(|t| t.lower.as_str())
    }

    fn is(&self, i: usize, w: &str) -> bool {
        self.t.get(i).is_some_and(|t| t.lower == w)
    }

    fn is_any(&self, i: usize, ws: &[&str]) -> bool {
        self.t
            .get(i)
            .is_some_and(|t| ws.contains(&t.lower.as_str()))
    }

    /// Whether token `i` is glued to the one before it (no space between).
    fn glued(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| !t.gap)
    }

    fn number(&self, i: usize) -> Option<(i64, usize)> {
        let t = self.t.get(i).filter(|t| t.kind == TokKind::Number)?;
        if t.lower.len() > 9 {
            return None;
        }
        t.lower.parse().ok().map(|n| (n, t.lower.len()))
    }

    /// Skips a period glued to an abbreviation ("Dec.").
    fn skip_dot(&self, i: usize) -> usize {
        if self.is(i, ".") && self.glued(i) {
            i + 1
        } else {
            i
        }
    }

    /// Skips "the" if present.
    fn skip_the(&self, i: usize) -> usize {
        if self.is(i, "the") { i + 1 } else { i }
    }

    // ---- entry ---------------------------------------------------------------------------

    fn longest(&self, i: usize) -> Parse {
        let rules: [&dyn Fn(usize) -> Parse; 12] = [
            &|i| self.modified(i),
            &|i| self.period_end(i),
            &|i| self.week_of(i),
            &|i| self.part_before_day(i),
            &|i| self.clock(i),
            &|i| self.date_with_suffix(i),
            // Before spans: of two readings as long, "will one day" is a time ahead.
            &|i| self.reference(i),
            &|i| self.span(i),
            &|i| self.set(i),
            &|i| self.approx(i),
            &|i| self.year_earlier(i),
            &|i| self.fiscal(i),
        ];
        let mut best: Parse = None;
        for rule in rules {
            if let Some((end, expr)) = rule(i)
                && best.as_ref().is_none_or(|(b, _)| end > *b)
            {
                best = Some((end, expr));
            }
        }
        // Reject an age: a match that runs into "old" ("two-year-old", "52 years old").
        let (end, expr) = best?;
        // (the hyphen glued or, as some wires print it, spaced: "53-year - old").
        if (self.is(end, "-") && self.is(end + 1, "old"))
            || (self.is(end, "old") && matches!(expr, Expr::Duration(..)))
        {
            return None;
        }
        Some((end, expr))
    }

    // ---- dates ---------------------------------------------------------------------------

    /// A point or calendar-unit date, extended by a following part of day, weekday or date.
    fn date_with_suffix(&self, i: usize) -> Parse {
        let (mut end, mut expr) = self.date(i)?;
        // "Friday, Dec. 26" / "Monday, December 29, 2025": the explicit date is the value.
        if matches!(expr, Expr::Weekday(..)) {
            let j = if self.is(end, ",") { end + 1 } else { end };
            match (self.month_date(j), &expr) {
                // The weekday tells the year of a yearless date ("Saturday, April 25").
                (Some((e, Expr::MonthDay(m, d))), Expr::Weekday(wd, _)) => {
                    return Some((e, Expr::MonthDayOn(m, d, *wd)));
                }
                (Some((e, explicit @ Expr::Absolute { .. })), _) => return Some((e, explicit)),
                _ => {}
            }
            // "Friday last week"
            if let Some((e, week @ Expr::RelUnit(Unit::Week, _))) = self.rel_unit(end)
                && let Expr::Weekday(wd, _) = expr
            {
                return Some((e, Expr::WeekdayIn(Box::new(week), wd)));
            }
        }
        // "last week on Friday", "last week, Friday"
        if matches!(expr, Expr::RelUnit(Unit::Week, _)) {
            let j = if self.is_any(end, &["on", ","]) {
                end + 1
            } else {
                end
            };
            if let Some(wd) = self
                .word(j)
                .and_then(lex::weekday)
                .filter(|_| self.t[j].cap)
            {
                return Some((self.skip_dot(j + 1), Expr::WeekdayIn(Box::new(expr), wd)));
            }
        }
        // "Tuesday nights": every Tuesday night.
        if let Expr::Weekday(wd, Rel::Bare) = expr
            && let Some(part) = self
                .word(end)
                .and_then(|p| p.strip_suffix('s'))
                .and_then(lex::part_of_day)
        {
            let value = format!("XXXX-WXX-{}T{part}", wd.number_from_monday());
            return Some((end + 1, Expr::Set(value)));
        }
        // "Friday morning", "yesterday afternoon", "Monday night"
        if is_day_like(&expr)
            && let Some(part) = self.word(end).and_then(lex::part_of_day)
        {
            expr = Expr::PartOfDay(Box::new(expr), part);
            end += 1;
        }
        Some((end, expr))
    }

    fn date(&self, i: usize) -> Parse {
        self.numeric_date(i)
            .or_else(|| self.spoken_year(i))
            .or_else(|| self.month_date(i))
            .or_else(|| self.day_month(i))
            .or_else(|| self.weekday(i))
            .or_else(|| self.holiday(i))
            .or_else(|| self.rel_day(i))
            .or_else(|| self.rel_unit(i))
            .or_else(|| self.quarter(i))
            .or_else(|| self.decade(i))
            .or_else(|| self.year(i))
    }

    /// A year said in words, as transcripts write it: "nineteen ninety-six", "nineteen
    /// eighty", "two thousand", "two thousand and three", "the year two thousand".
    fn spoken_year(&self, i: usize) -> Parse {
        let j = if self.is(i, "the") && self.is(i + 1, "year") {
            i + 2
        } else {
            i
        };
        // A tens word and an optional unit, hyphenated or not: "ninety-six", "ninety six".
        let tens_and_unit = |k: usize| -> Option<(i32, usize)> {
            let tens = self.word(k).and_then(lex::number_word)?;
            if !(10..=90).contains(&tens) || (tens >= 20 && tens % 10 != 0) {
                return None;
            }
            let after = if self.is(k + 1, "-") && self.glued(k + 1) {
                k + 2
            } else {
                k + 1
            };
            match self.word(after).and_then(lex::number_word) {
                Some(unit) if tens >= 20 && (1..10).contains(&unit) => {
                    Some((i32::try_from(tens + unit).ok()?, after + 1))
                }
                _ => Some((i32::try_from(tens).ok()?, k + 1)),
            }
        };
        let (year, end) = match self.word(j)? {
            "nineteen" | "eighteen" => {
                let century = if self.is(j, "nineteen") { 1900 } else { 1800 };
                let (rest, end) = tens_and_unit(j + 1)?;
                (century + rest, end)
            }
            // "two thousand troops" is a count: only "the year two thousand", or after a
            // preposition of time ("in two thousand and three").
            "two"
                if self.is(j + 1, "thousand")
                    && (j > i
                        || i.checked_sub(1).is_some_and(|p| {
                            self.is_any(
                                p,
                                &["in", "since", "until", "by", "before", "after", "from"],
                            )
                        })) =>
            {
                let k = if self.is(j + 2, "and") { j + 3 } else { j + 2 };
                match self.word(k).and_then(lex::number_word) {
                    Some(n) if (1..20).contains(&n) => (2000 + i32::try_from(n).ok()?, k + 1),
                    _ => (2000, j + 2),
                }
            }
            _ => return None,
        };
        // "nineteen people" is a count: the year needs its second part (or "thousand").
        if end <= j + 1 {
            return None;
        }
        Some((
            end,
            absolute(DateRange::year(year)?, year_value(year), Granularity::Year),
        ))
    }

    /// A named holiday, capitalised: "Christmas (Day|Eve)", "New Year's (Day|Eve)",
    /// "Halloween", "Valentine's Day", "Easter (Sunday)", "Good Friday", "Thanksgiving (Day)",
    /// "Election Day", "Labor Day", "Memorial Day".
    fn holiday(&self, i: usize) -> Parse {
        if !self.t.get(i)?.cap {
            return None;
        }
        // After a possessive "'s", if any.
        let possessive = |j: usize| {
            if self.is_any(j, &["'", "’"]) && self.glued(j) && self.is(j + 1, "s") {
                j + 2
            } else {
                j
            }
        };
        let day_or_eve = |j: usize| match self.word(j) {
            Some("day") if self.t[j].cap => (j + 1, false),
            Some("eve") if self.t[j].cap => (j + 1, true),
            _ => (j, false),
        };
        let fixed = |end: usize, m: u32, d: u32| Some((end, Expr::MonthDay(m, d)));
        let moving = |end: usize, h: Holiday| Some((end, Expr::Holiday(h)));
        let capital_day = |j: usize| self.is(j, "day") && self.t[j].cap;
        match self.word(i)? {
            "christmas" => match day_or_eve(i + 1) {
                (end, true) => fixed(end, 12, 24),
                (end, false) => fixed(end, 12, 25),
            },
            "new" if self.is(i + 1, "year") && self.t[i + 1].cap => {
                let after = possessive(i + 2);
                match day_or_eve(after) {
                    (end, true) => fixed(end, 12, 31),
                    (end, false) if end > i + 2 => fixed(end, 1, 1),
                    _ => None,
                }
            }
            "halloween" => fixed(i + 1, 10, 31),
            "valentine" if capital_day(possessive(i + 1)) => fixed(possessive(i + 1) + 1, 2, 14),
            "easter" => moving(
                i + 1 + usize::from(self.is(i + 1, "sunday")),
                Holiday::Easter,
            ),
            "good" if self.is(i + 1, "friday") && self.t[i + 1].cap => {
                moving(i + 2, Holiday::GoodFriday)
            }
            "thanksgiving" => moving(
                i + 1 + usize::from(capital_day(i + 1)),
                Holiday::Thanksgiving,
            ),
            "election" if capital_day(i + 1) => moving(i + 2, Holiday::ElectionDay),
            "labor" | "labour" if capital_day(i + 1) => moving(i + 2, Holiday::LaborDay),
            "memorial" if capital_day(i + 1) => moving(i + 2, Holiday::MemorialDay),
            _ => None,
        }
    }

    /// 2025-12-31, 12/31/2025.
    fn numeric_date(&self, i: usize) -> Parse {
        let (a, alen) = self.number(i)?;
        let sep = self.t.get(i + 1)?.lower.clone();
        if !matches!(sep.as_str(), "-" | "/") || !self.glued(i + 1) || !self.glued(i + 2) {
            return None;
        }
        let (b, _) = self.number(i + 2)?;
        if !(self.is(i + 3, &sep) && self.glued(i + 3) && self.glued(i + 4)) {
            return None;
        }
        let (c, clen) = self.number(i + 4)?;
        let (y, m, d) = if alen == 4 && sep == "-" {
            (a, b, c)
        } else if sep == "/" && (clen == 4 || clen == 2) {
            let year = if clen == 2 {
                1900 + c + if c < 50 { 100 } else { 0 }
            } else {
                c
            };
            (year, a, b)
        } else {
            return None;
        };
        let day = NaiveDate::from_ymd_opt(
            i32::try_from(y).ok()?,
            u32::try_from(m).ok()?,
            u32::try_from(d).ok()?,
        )?;
        Some((i + 5, absolute_day(day)))
    }

    /// "December 26", "Dec. 26, 2025", "December 2025", "December of 2025", "December".
    fn month_date(&self, i: usize) -> Parse {
        let (rel, i) = match self.rel_prefix(i) {
            (Rel::Bare, _) => (Rel::Bare, i),
            (rel, j) if self.word(j).and_then(lex::month).is_some() => (rel, j),
            _ => return None,
        };
        let word = self.word(i)?;
        let month = lex::month(word)?;
        if !self.t[i].cap {
            return None;
        }
        let abbreviated = word.len() <= 4 && word != "may" && word != "june" && word != "july";
        let mut j = i + 1;
        if abbreviated {
            j = self.skip_dot(j);
        }
        if let Some((day, _)) = self
            .number(j)
            .filter(|&(d, len)| (1..=31).contains(&d) && len <= 2)
        {
            let mut k = j + 1;
            if self.is_any(k, &["st", "nd", "rd", "th"]) && self.glued(k) {
                k += 1;
            }
            let k_year = if self.is(k, ",") { k + 1 } else { k };
            if let Some(year) = self.four_digit_year(k_year) {
                let date = NaiveDate::from_ymd_opt(year, month, u32::try_from(day).ok()?)?;
                return Some((k_year + 1, absolute_day(date)));
            }
            // An impossible day ("February 30") is no date at all.
            NaiveDate::from_ymd_opt(2000, month, u32::try_from(day).ok()?)?;
            return Some((k, Expr::MonthDay(month, u32::try_from(day).ok()?)));
        }
        let k = if self.is(j, "of") || self.is(j, ",") {
            j + 1
        } else {
            j
        };
        if let Some(year) = self.four_digit_year(k) {
            let range = DateRange::month(year, month)?;
            return Some((
                k + 1,
                absolute(
                    range,
                    period_value(range.earliest, Unit::Month),
                    Granularity::Month,
                ),
            ));
        }
        // A bare month: ambiguous words ("May", "March") need a temporal preposition before them.
        let before = i.checked_sub(1).and_then(|p| self.word(p)).unwrap_or("");
        let temporal_before = matches!(
            before,
            "in" | "since"
                | "until"
                | "till"
                | "by"
                | "last"
                | "next"
                | "this"
                | "early"
                | "late"
                | "mid"
                | "during"
                | "through"
                | "from"
                | "of"
                | "before"
                | "after"
                | "each"
                | "every"
        );
        // "June last year", "January this year"
        if rel == Rel::Bare
            && let Some((end, Expr::RelUnit(Unit::Year, offset))) = self.rel_unit(j)
        {
            return Some((end, Expr::MonthInYear(month, offset)));
        }
        if rel == Rel::Bare && (abbreviated || lex::month_is_ambiguous(word)) && !temporal_before {
            return None;
        }
        Some((j, Expr::Month(month, rel)))
    }

    /// "26 December 2025", "the 26th of December".
    fn day_month(&self, i: usize) -> Parse {
        let start = self.skip_the(i);
        let (day, len) = self.number(start)?;
        if len > 2 || !(1..=31).contains(&day) {
            return None;
        }
        let mut j = start + 1;
        if self.is_any(j, &["st", "nd", "rd", "th"]) && self.glued(j) {
            j += 1;
        }
        if self.is(j, "of") {
            j += 1;
        }
        let month = self
            .word(j)
            .and_then(lex::month)
            .filter(|_| self.t[j].cap)?;
        let mut k = self.skip_dot(j + 1);
        let day = u32::try_from(day).ok()?;
        if self.is(k, ",") && self.four_digit_year(k + 1).is_some() {
            k += 1;
        }
        if let Some(year) = self.four_digit_year(k) {
            return Some((
                k + 1,
                absolute_day(NaiveDate::from_ymd_opt(year, month, day)?),
            ));
        }
        NaiveDate::from_ymd_opt(2000, month, day)?;
        Some((k, Expr::MonthDay(month, day)))
    }

    fn four_digit_year(&self, i: usize) -> Option<i32> {
        let (y, len) = self.number(i)?;
        (len == 4 && !(self.is(i + 1, "s") && self.glued(i + 1))).then(|| i32::try_from(y).ok())?
    }

    /// "Friday", "last Friday", "this past Friday", "next Tuesday".
    fn weekday(&self, i: usize) -> Parse {
        let (rel, j) = self.rel_prefix(i);
        let wd = self.word(j).and_then(lex::weekday)?;
        let abbreviated = !self.t[j].lower.ends_with("day");
        if !self.t[j].cap || (abbreviated && !(self.is(j + 1, ".") && self.glued(j + 1))) {
            return None;
        }
        let end = if abbreviated { j + 2 } else { j + 1 };
        Some((end, Expr::Weekday(wd, rel)))
    }

    /// "last"/"this past" → Last, "this" → This, "next"/"coming" → Next, else Bare.
    fn rel_prefix(&self, i: usize) -> (Rel, usize) {
        if self.is(i, "this") && self.is(i + 1, "past") {
            return (Rel::Last, i + 2);
        }
        if self.is(i, "the") && self.is_any(i + 1, &["coming", "next", "following"]) {
            return (Rel::Next, i + 2);
        }
        if self.is(i, "the") && self.is_any(i + 1, &["previous", "preceding"]) {
            return (Rel::Last, i + 2);
        }
        match self.word(i) {
            Some("last" | "past" | "previous") => (Rel::Last, i + 1),
            Some("this" | "current") => (Rel::This, i + 1),
            Some("next" | "coming") => (Rel::Next, i + 1),
            _ => (Rel::Bare, i),
        }
    }

    /// today, tonight, yesterday, tomorrow, last night, this morning, the day before yesterday.
    fn rel_day(&self, i: usize) -> Parse {
        let w = self.word(i)?;
        Some(match w {
            "today" => (i + 1, Expr::RelDay(0)),
            "tonight" => (i + 1, Expr::PartOfDay(Box::new(Expr::RelDay(0)), "NI")),
            "yesterday" => (i + 1, Expr::RelDay(-1)),
            "tomorrow" => (i + 1, Expr::RelDay(1)),
            "last" if self.is(i + 1, "night") => {
                (i + 2, Expr::PartOfDay(Box::new(Expr::RelDay(-1)), "NI"))
            }
            "this" => {
                let part = self
                    .word(i + 1)
                    .and_then(lex::part_of_day)
                    .filter(|p| *p != "NI")?;
                (i + 2, Expr::PartOfDay(Box::new(Expr::RelDay(0)), part))
            }
            "the" if self.is(i + 1, "day") && self.is_any(i + 2, &["before", "after"]) => {
                let offset = match self.word(i + 3)? {
                    "yesterday" if self.is(i + 2, "before") => -2,
                    "tomorrow" if self.is(i + 2, "after") => 2,
                    _ => return None,
                };
                (i + 4, Expr::RelDay(offset))
            }
            _ => return None,
        })
    }

    /// this/last/next week, month, year, quarter, weekend, season; "earlier this month";
    /// "the year", "the quarter", "the latest quarter".
    fn rel_unit(&self, i: usize) -> Parse {
        // "in summer", "during winter": a bare season after a preposition of time.
        if let Some(w @ ("summer" | "winter" | "autumn")) = self.word(i)
            && !self.is(i + 1, "of")
            && i.checked_sub(1).is_some_and(|p| {
                self.is_any(
                    p,
                    &["in", "during", "over", "through", "until", "since", "by"],
                )
            })
        {
            return Some((i + 1, Expr::Season(lex::season(w)?, Rel::Bare)));
        }
        // "that day", "(later) that year": the time the story is telling (the tagger anchors
        // them to it).
        if self.is(i, "that") && !self.is(i + 2, "-") {
            return match self.word(i + 1)? {
                "day" => Some((i + 2, Expr::RelDay(0))),
                w @ ("week" | "month" | "year") => Some((i + 2, Expr::RelUnit(lex::unit(w)?.0, 0))),
                _ => None,
            };
        }
        // "earlier this month", "later this year", "early next year"
        if let Some(modifier) = match self.word(i) {
            Some("earlier") => Some(Modifier::Earlier),
            Some("later") => Some(Modifier::Later),
            _ => None,
        } && self.is_any(i + 1, &["this", "that"])
            && let Some((end, inner)) = self.rel_unit(i + 1).or_else(|| self.rel_day(i + 1))
        {
            return Some((end, Expr::Modified(modifier, Box::new(inner))));
        }
        if self.is(i, "the") && self.is_any(i + 1, &["latest", "recent", "most"]) {
            let j = if self.is(i + 1, "most") && self.is(i + 2, "recent") {
                i + 3
            } else {
                i + 2
            };
            // "the latest quarter", "the most recent period" (a company's reporting period).
            if self.is_any(j, &["quarter", "period"]) {
                return Some((j + 1, Expr::Quarter(None, Rel::Last)));
            }
        }
        if self.is(i, "the")
            && !self.is_any(
                i + 1,
                &["past", "last", "coming", "next", "following", "previous"],
            )
        {
            return match self.word(i + 1)? {
                // "the year ended Sept. 30": a year's span, ending on that day.
                "year" if self.is_any(i + 2, &["ended", "ending"]) => {
                    Some((i + 2, Expr::Duration(Count::Exact(1.0), Unit::Year, 0)))
                }
                // "the full year", "the fiscal year": the year being reported on.
                "full" | "fiscal"
                    if self.is(i + 2, "year")
                        && !self.is(i + 3, "-")
                        && self.four_digit_year(i + 3).is_none() =>
                {
                    Some((i + 3, Expr::RelUnit(Unit::Year, 0)))
                }
                // "the summer", "the winter" (not "the fall", "the spring": words of their own;
                // "the summer of 1989" is read with its year elsewhere).
                w @ ("summer" | "winter" | "autumn") if !self.is(i + 2, "of") => {
                    Some((i + 2, Expr::Season(lex::season(w)?, Rel::Bare)))
                }
                "year" if !self.is(i + 2, "-") => Some((i + 2, Expr::RelUnit(Unit::Year, 0))),
                "quarter" if !self.is(i + 2, "-") => Some((i + 2, Expr::Quarter(None, Rel::Last))),
                "weekend" => Some((i + 2, Expr::Weekend(Rel::Bare))),
                _ => None,
            };
        }
        let (rel, j) = self.rel_prefix(i);
        if rel == Rel::Bare {
            return None;
        }
        let offset = match rel {
            Rel::Last => -1,
            Rel::Next => 1,
            _ => 0,
        };
        // "the past week" / "the last year" read as spans (see `span`), not as calendar units.
        if self.is(i, "the") && rel == Rel::Last {
            return None;
        }
        let w = self.word(j)?;
        if let Some(season) = lex::season(w) {
            return Some((j + 1, Expr::Season(season, rel)));
        }
        Some(match w {
            "weekend" => (j + 1, Expr::Weekend(rel)),
            "quarter" => (j + 1, Expr::Quarter(None, rel)),
            "week" | "month" | "year" | "decade" | "century" => {
                let (unit, _) = lex::unit(w)?;
                (j + 1, Expr::RelUnit(unit, offset))
            }
            _ => return None,
        })
    }

    /// "the third quarter (of 2024)", "third-quarter", "Q3 2024", "the first half of 1989".
    fn quarter(&self, i: usize) -> Parse {
        let mut j = self.skip_the(i);
        if j > i && self.is(j, "fiscal") {
            j += 1;
        }
        // "the 1988 second quarter": the year first.
        if j > i
            && let Some(year) = self.four_digit_year(j)
            && let Some(n) = self.word(j + 1).and_then(lex::ordinal_word)
            && self.is(j + 2, "quarter")
            && let Some(q) = u32::try_from(n).ok().filter(|q| (1..=4).contains(q))
        {
            let range = DateRange::quarter(year, q)?;
            return Some((
                j + 3,
                absolute(
                    range,
                    format!("{}-Q{q}", year_value(year)),
                    Granularity::Quarter,
                ),
            ));
        }
        let (n, mut k) = if let Some(n) = self.word(j).and_then(lex::ordinal_word) {
            (n, j + 1)
        } else if self.is(j, "q") && self.t[j].cap && self.glued(j + 1) {
            let (n, _) = self.number(j + 1)?;
            return self.quarter_year(n, j + 2, true);
        } else {
            let (n, _) = self.number(j)?;
            if !(self.is_any(j + 1, &["st", "nd", "rd", "th"]) && self.glued(j + 1)) {
                return None;
            }
            (n, j + 2)
        };
        if self.is(k, "-") {
            if j > i {
                return None; // "the third-quarter results": the adjective alone is the date
            }
            k += 1;
        }
        match self.word(k)? {
            "quarter" if (1..=4).contains(&n) => self.quarter_year(n, k + 1, false),
            "half" if (1..=2).contains(&n) => {
                let (year, end) = self.of_year(k + 1)?;
                let range = DateRange::half(year, u32::try_from(n).ok()?)?;
                Some((
                    end,
                    absolute(
                        range,
                        format!("{}-H{n}", year_value(year)),
                        Granularity::Quarter,
                    ),
                ))
            }
            "century" => {
                let start = i32::try_from((n - 1) * 100).ok()?;
                let range = DateRange::years(start, start + 99)?;
                Some((
                    k + 1,
                    absolute(range, format!("{:02}", n - 1), Granularity::Century),
                ))
            }
            _ => None,
        }
    }

    fn quarter_year(&self, n: i64, k: usize, need_year: bool) -> Parse {
        let q = u32::try_from(n).ok().filter(|q| (1..=4).contains(q))?;
        match self.of_year(k) {
            Some((year, end)) => {
                let range = DateRange::quarter(year, q)?;
                Some((
                    end,
                    absolute(
                        range,
                        format!("{}-Q{q}", year_value(year)),
                        Granularity::Quarter,
                    ),
                ))
            }
            None if need_year => None,
            None => Some((k, Expr::Quarter(Some(q), Rel::Bare))),
        }
    }

    /// "of 2024", "2024", "of fiscal 1989" after a quarter or half.
    fn of_year(&self, k: usize) -> Option<(i32, usize)> {
        let mut j = if self.is(k, "of") { k + 1 } else { k };
        if self.is(j, "fiscal") {
            j += 1;
        }
        self.four_digit_year(j).map(|y| (y, j + 1))
    }

    /// "the 1980s", "1990s", "the '80s".
    fn decade(&self, i: usize) -> Parse {
        let j = self.skip_the(i);
        let (year, next) = if self.is_any(j, &["'", "’"]) {
            let (y, len) = self.number(j + 1)?;
            if len != 2 || y % 10 != 0 {
                return None;
            }
            (1900 + y, j + 2)
        } else {
            let (y, len) = self.number(j)?;
            if len != 4 || y % 10 != 0 {
                return None;
            }
            (y, j + 1)
        };
        let apostrophe = usize::from(self.is_any(next, &["'", "’"]) && self.glued(next));
        if !(self.is(next + apostrophe, "s") && self.glued(next + apostrophe)) {
            return None;
        }
        let start = i32::try_from(year).ok()?;
        let range = DateRange::years(start, start + 9)?;
        Some((
            next + apostrophe + 1,
            absolute(range, (start / 10).to_string(), Granularity::Decade),
        ))
    }

    /// A four-digit year standing alone ("in 1998"), not a count ("1500 troops") or an amount.
    fn year(&self, i: usize) -> Parse {
        let (y, len) = self.number(i)?;
        if len != 4 || !(1000..=2199).contains(&y) {
            return None;
        }
        let prev = i.checked_sub(1).map(|p| self.t[p].lower.as_str());
        // "mid-1996", "post-1959": a year after a glued prefix.
        let prefixed = prev == Some("-")
            && i >= 2
            && self.glued(i - 1)
            && self.is_any(i - 2, &["mid", "pre", "post", "early", "late"]);
        if matches!(
            prev,
            Some("$" | "#" | "€" | "£" | "no" | "," | "." | "-" | "/" | ":")
        ) && self.glued(i)
            && !prefixed
        {
            return None;
        }
        // "resolution 1593", "Flight 1549": the number of a thing.
        if prev.is_some_and(lex::is_numbered_noun) {
            return None;
        }
        // "1,995" or "3.1995" (not "1994, 1995": a list of years has a space).
        if matches!(prev, Some("," | "."))
            && i >= 2
            && self.t[i - 2].kind == TokKind::Number
            && self.glued(i - 1)
            && self.glued(i)
        {
            return None;
        }
        if let Some(next) = self.t.get(i + 1) {
            let unit_like = next.kind == TokKind::Word
                && next.gap
                && !next.cap
                && next.lower.len() > 3
                && next.lower.ends_with('s')
                && !matches!(
                    next.lower.as_str(),
                    "was" | "has" | "his" | "its" | "this" | "as" | "is"
                );
            let amount = matches!(
                next.lower.as_str(),
                "%" | "percent" | "per" | "million" | "billion" | "people"
            );
            // "1425 GMT", "2200 local time", "0600 hours": a 24-hour clock time, not a year.
            let clock = y % 100 < 60 && y / 100 < 24 && lex::is_clock_word(&next.lower);
            if (unit_like && !prefixed)
                || amount
                || clock
                || (next.kind == TokKind::Punct
                    && matches!(next.lower.as_str(), "," | ".")
                    && self
                        .t
                        .get(i + 2)
                        .is_some_and(|t| t.kind == TokKind::Number && !t.gap))
            {
                return None;
            }
        }
        let year = i32::try_from(y).ok()?;
        Some((
            i + 1,
            absolute(DateRange::year(year)?, year_value(year), Granularity::Year),
        ))
    }

    /// "fiscal 1989", "fiscal year 1990".
    fn fiscal(&self, i: usize) -> Parse {
        if !self.is(i, "fiscal") {
            return None;
        }
        let j = if self.is(i + 1, "year") { i + 2 } else { i + 1 };
        let year = self.four_digit_year(j)?;
        Some((
            j + 1,
            absolute(DateRange::year(year)?, year_value(year), Granularity::Year),
        ))
    }

    /// "a year earlier", "a year ago", "year-earlier", "the year-ago (third) quarter", "last
    /// year's fourth quarter", "the third quarter a year earlier", "the corresponding period
    /// last year".
    fn year_earlier(&self, i: usize) -> Parse {
        if let Some(found) = self.period_of_another_year(i) {
            return Some(found);
        }
        if self.is(i, "year")
            && self.is(i + 1, "-")
            && self.is_any(i + 2, &["earlier", "ago"])
            && self.glued(i + 1)
        {
            return Some((i + 3, Expr::Offset(Count::Exact(1.0), Unit::Year, -1)));
        }
        None
    }

    /// A reporting period of the year before or after: "the (comparable) year-ago (third)
    /// quarter", "last/this/next year's (first) quarter", "the (third) quarter a year earlier",
    /// "the corresponding period last year". A quarter without its number is the one being
    /// reported on.
    fn period_of_another_year(&self, i: usize) -> Parse {
        // "(third) quarter" or "period" at `k`: the quarter and the token after it.
        let period = |k: usize| -> Option<(Expr, usize)> {
            let number = self
                .word(k)
                .and_then(lex::ordinal_word)
                .and_then(|n| u32::try_from(n).ok())
                .filter(|q| (1..=4).contains(q));
            let k = k + usize::from(number.is_some());
            let quarter = match number {
                Some(q) if self.is(k, "quarter") => Expr::Quarter(Some(q), Rel::This),
                None if self.is_any(k, &["quarter", "period"]) => Expr::Quarter(None, Rel::Last),
                _ => return None,
            };
            Some((quarter, k + 1))
        };
        let shifted =
            |quarter: Expr, years: i64| Expr::Shifted(Box::new(quarter), Unit::Year, years);
        let mut j = self.skip_the(i);
        if j > i && self.is_any(j, &["comparable", "corresponding", "same", "year-earlier"]) {
            j += 1;
        }
        // "the year-ago third quarter"
        if self.is(j, "year")
            && self.is(j + 1, "-")
            && self.glued(j + 1)
            && self.is_any(j + 2, &["earlier", "ago"])
            && let Some((quarter, end)) = period(j + 3)
        {
            return Some((end, shifted(quarter, -1)));
        }
        // "last year's fourth quarter"
        if j == i
            && let Some(years) = match self.word(i) {
                Some("last") => Some(-1),
                Some("this") => Some(0),
                Some("next") => Some(1),
                _ => None,
            }
            && self.is(i + 1, "year")
            && self.is_any(i + 2, &["'", "’"])
            && self.glued(i + 2)
            && self.is(i + 3, "s")
            && let Some((quarter, end)) = period(i + 4)
        {
            return Some((end, shifted(quarter, years)));
        }
        // "the third quarter a year earlier", "the corresponding period last year"
        let (quarter, end) = period(j).filter(|_| j > i)?;
        if self.is(end, "a")
            && self.is(end + 1, "year")
            && self.is_any(end + 2, &["earlier", "ago"])
        {
            return Some((end + 3, shifted(quarter, -1)));
        }
        let of = usize::from(self.is(end, "of"));
        if self.is(end + of, "last") && self.is(end + of + 1, "year") {
            return Some((end + of + 2, shifted(quarter, -1)));
        }
        None
    }

    // ---- clock times ---------------------------------------------------------------------

    /// "7:15 p.m.", "10 p.m. Wednesday", "5 p.m. EST, Nov. 6", "noon", "midnight Friday".
    fn clock(&self, i: usize) -> Parse {
        let (hour, minute, mut j) = if self.is_any(i, &["noon", "midday"]) {
            (12, 0, i + 1)
        } else if self.is(i, "midnight") {
            (24, 0, i + 1)
        } else if let Some((hhmm, 4)) = self.number(i)
            && hhmm % 100 < 60
            && hhmm / 100 < 24
            && self.word(i + 1).is_some_and(lex::is_clock_word)
        {
            // "1425 GMT", "2200 local time", "0600 hours"
            let after = if self.is(i + 1, "local") && self.is(i + 2, "time") {
                i + 3
            } else if self.is_any(i + 1, &["hours", "hrs", "h"]) {
                i + 2
            } else {
                i + 1
            };
            (
                u32::try_from(hhmm / 100).ok()?,
                u32::try_from(hhmm % 100).ok()?,
                after,
            )
        } else {
            let (h, _) = self.number(i)?;
            let (m, after_minutes) =
                if self.is(i + 1, ":") && self.glued(i + 1) && self.glued(i + 2) {
                    let (m, len) = self.number(i + 2)?;
                    if len != 2 {
                        return None;
                    }
                    (m, i + 3)
                } else {
                    (0, i + 1)
                };
            let (pm, after) = self.meridiem(after_minutes);
            let h = match (h, pm) {
                (1..=11, Some(true)) => h + 12,
                (12, Some(false)) => 0,
                (0..=23, _) => h,
                _ => return None,
            };
            if after == after_minutes && after_minutes == i + 1 {
                return None; // a bare number is no time
            }
            (
                u32::try_from(h).ok()?,
                u32::try_from(m).ok().filter(|m| *m < 60)?,
                after,
            )
        };
        if self.word(j).is_some_and(lex::is_time_zone) {
            j += 1;
        }
        let k = if self.is(j, ",") || self.is(j, "on") {
            j + 1
        } else {
            j
        };
        if let Some((end, day)) = self.date(k).filter(|(_, e)| is_day_like(e)) {
            return Some((end, Expr::Clock(Some(Box::new(day)), hour, minute)));
        }
        Some((j, Expr::Clock(None, hour, minute)))
    }

    /// Reads "a.m."/"p.m."/"am"/"pm" at `i`: `(Some(is_pm), next)`, or `(None, i)` when absent.
    fn meridiem(&self, i: usize) -> (Option<bool>, usize) {
        match self.word(i) {
            Some("am") => (Some(false), self.skip_dot(i + 1)),
            Some("pm") => (Some(true), self.skip_dot(i + 1)),
            Some(w @ ("a" | "p"))
                if self.is(i + 1, ".") && self.is(i + 2, "m") && self.glued(i + 2) =>
            {
                let end = if self.is(i + 3, ".") && self.glued(i + 3) {
                    i + 4
                } else {
                    i + 3
                };
                (Some(w == "p"), end)
            }
            Some("o") if self.is_any(i + 1, &["'", "’"]) && self.is(i + 2, "clock") => {
                (None, i + 3)
            }
            _ => (None, i),
        }
    }

    // ---- spans: durations and offsets ----------------------------------------------------

    /// Durations and offsets: "three months", "the past two years", "two nights ago",
    /// "recent weeks", "30-year", "a week or so ago", "the first nine months".
    fn span(&self, i: usize) -> Parse {
        // "a day-long strike", "a decades-long conflict": the unit and "-long".
        if let Some((unit, plural)) = self.word(i).and_then(lex::unit)
            && self.is(i + 1, "-")
            && self.glued(i + 1)
            && self.is(i + 2, "long")
        {
            let count = if plural {
                Count::Vague
            } else {
                Count::Exact(1.0)
            };
            return Some((i + 3, Expr::Duration(count, unit, 0)));
        }
        let mut j = self.skip_the(i);
        let mut direction = 0i64;
        let mut vague_by_word = false;
        match self.word(j) {
            // "the last-minute deal" is no span.
            Some("past" | "last" | "previous" | "preceding")
                if self.is(j + 1, "-") && self.glued(j + 1) =>
            {
                return None;
            }
            Some("past" | "last" | "previous" | "preceding") => {
                direction = -1;
                j += 1;
            }
            Some("next" | "coming" | "following") => {
                direction = 1;
                j += 1;
            }
            Some("recent") => {
                direction = -1;
                vague_by_word = true;
                j += 1;
            }
            Some("first" | "latest") if j > i => j += 1,
            _ => {}
        }
        let bare_plural_ok = vague_by_word || direction != 0 || j > i;
        let (count, k) = match self.count(j) {
            Some(found) => found,
            None if bare_plural_ok || self.duration_context(i) => (Count::Vague, j),
            None => return None,
        };
        let count = if vague_by_word { Count::Vague } else { count };
        // "the 1988 second quarter": a year, not a count of seconds.
        if j > i && self.four_digit_year(j).is_some() {
            return None;
        }
        // "20 more years", "an additional year", "two extra days", "eight trading days".
        let k = if k > j
            && self.is_any(
                k,
                &[
                    "more",
                    "additional",
                    "extra",
                    "further",
                    "trading",
                    "business",
                    "working",
                ],
            ) {
            k + 1
        } else {
            k
        };
        let hyphen = usize::from(self.is(k, "-") && self.glued(k) && self.glued(k + 1));
        let (unit, plural) = self.word(k + hyphen).and_then(lex::unit)?;
        // "a day-long strike": the span is "day-long", read from the unit. "A year-earlier
        // loss": no count of years, but the period a year before (read from "year").
        if self.is(k + hyphen + 1, "-")
            && self.glued(k + hyphen + 1)
            && self.is_any(k + hyphen + 2, &["long", "earlier", "ago"])
        {
            return None;
        }
        let explicit_count = k > j;
        let only_the = j == i + 1 && self.is(i, "the");
        if only_the && (hyphen == 1 || !explicit_count) {
            return None;
        }
        // A bare plural unit ("years") counts only when something marks it as a span.
        if !explicit_count && !plural && (j <= i || direction == 0) {
            return None;
        }
        if !explicit_count && plural && !bare_plural_ok && !self.duration_context(i) {
            return None;
        }
        // "the year" / "the week" alone is not a span.
        if !explicit_count && !plural && direction == 0 {
            return None;
        }
        let count = if explicit_count {
            count
        } else if plural {
            Count::Vague
        } else {
            Count::Exact(1.0)
        };
        let mut end = k + hyphen + 1;
        // "three-quarters of its food", "a quarter of the market": a share, not a span.
        if unit == Unit::Quarter && self.is(end, "of") && !self.year_follows(end + 1) {
            return None;
        }
        // "a second group" is an ordinal; "a second" is a span only before a clause break
        // or an offset word.
        if unit == Unit::Second
            && self.is_any(i, &["a", "an", "A", "An"])
            && self.word(end).is_some_and(|w| {
                !matches!(
                    w,
                    "later" | "ago" | "earlier" | "before" | "after" | "or" | "of"
                )
            })
        {
            return None;
        }
        // "a minute and a half", "two years and a half".
        let count = match count {
            Count::Exact(n)
                if self.is(end, "and") && self.is(end + 1, "a") && self.is(end + 2, "half") =>
            {
                end += 3;
                Count::Exact(n + 0.5)
            }
            other => other,
        };
        // "or so"
        if self.is(end, "or") && self.is(end + 1, "so") {
            end += 2;
        }
        // Offsets: "ago", "earlier", "later", "before", "from now", "hence".
        if direction == 0 && explicit_count {
            let offset = match self.word(end) {
                Some("ago" | "earlier" | "before" | "back") => Some((-1, end + 1)),
                Some("later" | "hence") => Some((1, end + 1)),
                Some("from") if self.is(end + 1, "now") => Some((1, end + 2)),
                _ => None,
            };
            if let Some((dir, after)) = offset {
                return Some((after, Expr::Offset(count, unit, dir)));
            }
        }
        Some((end, Expr::Duration(count, unit, direction)))
    }

    /// Whether a year is named at `i` ("1989", "the year", "this fiscal year").
    fn year_follows(&self, i: usize) -> bool {
        self.number(i).is_some_and(|(_, len)| len == 4)
            || (self.is_any(i, &["the", "this", "last", "next"])
                && self.is_any(i + 1, &["year", "fiscal"]))
    }

    /// Whether the word before `i` makes a bare plural unit a span ("for years").
    fn duration_context(&self, i: usize) -> bool {
        i.checked_sub(1)
            .and_then(|p| self.word(p))
            .is_some_and(|w| {
                matches!(
                    w,
                    "for" | "over" | "within" | "during" | "took" | "spent" | "the"
                )
            })
    }

    /// A count: digits, number words ("twenty four", "twenty-four"), "a"/"an", "half a",
    /// "a few", "several", "a couple of", "dozens of".
    fn count(&self, i: usize) -> Option<(Count, usize)> {
        if let Some((n, len)) = self.number(i) {
            if len > 6 {
                return None;
            }
            // "1.5 years"
            if self.is(i + 1, ".")
                && self.glued(i + 1)
                && self.glued(i + 2)
                && let Some((frac, flen)) = self.number(i + 2)
            {
                let value = n as f64 + frac as f64 / 10f64.powi(i32::try_from(flen).ok()?);
                return Some((Count::Exact(value), i + 3));
            }
            // "5 1/2 hours", "2 3/4 years"
            if self.is(i + 2, "/")
                && self.glued(i + 2)
                && self.glued(i + 3)
                && let (Some((num, 1)), Some((den @ (2 | 4), 1))) =
                    (self.number(i + 1), self.number(i + 3))
                && num < den
            {
                return Some((Count::Exact(n as f64 + num as f64 / den as f64), i + 4));
            }
            return Some((Count::Exact(n as f64), i + 1));
        }
        let w = self.word(i)?;
        match w {
            "a" | "an" if self.is(i + 1, "few") => Some((Count::Vague, i + 2)),
            "a" if self.is(i + 1, "couple") && self.is(i + 2, "of") => {
                Some((Count::Exact(2.0), i + 3))
            }
            "a" if self.is(i + 1, "dozen") => Some((Count::Exact(12.0), i + 2)),
            "a" | "an" | "one"
                if self.is(i + 1, "and") && self.is(i + 2, "a") && self.is(i + 3, "half") =>
            {
                Some((Count::Exact(1.5), i + 4))
            }
            "a" | "an" => Some((Count::Exact(1.0), i + 1)),
            "half" if self.is_any(i + 1, &["a", "an"]) => Some((Count::Exact(0.5), i + 2)),
            "few" | "several" | "many" | "some" | "numerous" | "countless" => {
                Some((Count::Vague, i + 1))
            }
            "dozens" | "hundreds" | "thousands" if self.is(i + 1, "of") => {
                Some((Count::Vague, i + 2))
            }
            _ => {
                let mut n = lex::number_word(w)?;
                let mut j = i + 1;
                if n >= 20 && n % 10 == 0 && n < 100 {
                    let k = if self.is(j, "-") && self.glued(j) {
                        j + 1
                    } else {
                        j
                    };
                    if let Some(u) = self
                        .word(k)
                        .and_then(lex::number_word)
                        .filter(|u| (1..10).contains(u))
                    {
                        n += u;
                        j = k + 1;
                    }
                }
                Some((Count::Exact(n as f64), j))
            }
        }
    }

    // ---- sets ----------------------------------------------------------------------------

    /// "every day", "each Thursday", "each July", "daily", "weekly", "Mondays", "twice a year".
    fn set(&self, i: usize) -> Parse {
        let w = self.word(i)?;
        let simple = match w {
            "daily" | "nightly" => Some("P1D"),
            "weekly" => Some("P1W"),
            "monthly" => Some("P1M"),
            "quarterly" => Some("P1Q"),
            "annually" | "yearly" | "annual" => Some("P1Y"),
            "hourly" => Some("PT1H"),
            _ => None,
        };
        if let Some(v) = simple {
            // "annual", and "quarterly" before its noun ("quarterly dividend"), qualify a
            // thing; "rose 8.5% annually" is a rate.
            let attributive =
                w == "quarterly" && self.t.get(i + 1).is_some_and(|t| t.kind == TokKind::Word);
            let rate = matches!(w, "annually" | "yearly")
                && (i.saturating_sub(3)..i).any(|p| {
                    self.t[p].kind == TokKind::Number
                        || matches!(self.t[p].lower.as_str(), "%" | "$" | "percent")
                });
            if w == "annual" || attributive || rate {
                return None;
            }
            return Some((i + 1, Expr::Set(v.into())));
        }
        if let Some(wd) = lex::weekday_plural(w).filter(|_| self.t[i].cap) {
            let value = format!("XXXX-WXX-{}", wd.number_from_monday());
            if let Some(part) = self
                .word(i + 1)
                .and_then(|p| p.strip_suffix('s'))
                .and_then(lex::part_of_day)
            {
                return Some((i + 2, Expr::Set(format!("{value}T{part}"))));
            }
            return Some((i + 1, Expr::Set(value)));
        }
        if matches!(w, "once" | "twice") || self.number(i).is_some() && self.is(i + 1, "times") {
            let j = if self.is(i + 1, "times") {
                i + 2
            } else {
                i + 1
            };
            if self.is_any(j, &["a", "per", "each", "every"])
                && let Some((u, false)) = self.word(j + 1).and_then(lex::unit)
            {
                return Some((
                    j + 2,
                    Expr::Set(super::resolve::duration_value(Count::Exact(1.0), u)),
                ));
            }
            return None;
        }
        if !matches!(w, "every" | "each" | "per") {
            return None;
        }
        let j = i + 1;
        let next = self.word(j)?;
        if let Some(wd) = lex::weekday(next).filter(|_| self.t[j].cap) {
            return Some((
                j + 1,
                Expr::Set(format!("XXXX-WXX-{}", wd.number_from_monday())),
            ));
        }
        if let Some(m) = lex::month(next).filter(|_| self.t[j].cap) {
            return Some((j + 1, Expr::Set(format!("XXXX-{m:02}"))));
        }
        if let Some(part) = lex::part_of_day(next) {
            return Some((j + 1, Expr::Set(format!("XXXX-XX-XXT{part}"))));
        }
        if let Some(season) = lex::season(next) {
            return Some((j + 1, Expr::Set(format!("XXXX-{}", season.code()))));
        }
        if let Some((count, k)) = self.count(j).filter(|(_, k)| *k > j)
            && let Some((u, _)) = self.word(k).and_then(lex::unit)
        {
            return Some((k + 1, Expr::Set(super::resolve::duration_value(count, u))));
        }
        let (u, false) = lex::unit(next)? else {
            return None;
        };
        Some((
            j + 1,
            Expr::Set(super::resolve::duration_value(Count::Exact(1.0), u)),
        ))
    }

    // ---- vague references ----------------------------------------------------------------

    /// now, currently, recently, the past, the future, soon, these days, at present.
    fn reference(&self, i: usize) -> Parse {
        let w = self.word(i)?;
        let (kind, end) = match w {
            "now" | "currently" | "nowadays" | "presently" => (RefKind::Present, i + 1),
            "current" if !self.is(i + 1, "-") => (RefKind::Present, i + 1),
            "these" if self.is(i + 1, "days") => (RefKind::Present, i + 2),
            "at" if self.is(i + 1, "present") => (RefKind::Present, i + 2),
            "the" if self.is(i + 1, "present") && !self.is(i + 2, "-") => (RefKind::Present, i + 2),
            "recently" | "lately" => (RefKind::Past, i + 1),
            // "will one day be", "could some day return": a time ahead, not a day's length.
            "one" | "some"
                if self.is(i + 1, "day")
                    && i > 0
                    && self.is_any(
                        i - 1,
                        &[
                            "will", "would", "could", "may", "might", "can", "should", "ll",
                        ],
                    ) =>
            {
                (RefKind::Future, i + 2)
            }
            "the" if self.is(i + 1, "past") && !self.followed_by_span(i + 2) => {
                (RefKind::Past, i + 2)
            }
            "the" if self.is(i + 1, "future") => (RefKind::Future, i + 2),
            "the"
                if self.is_any(i + 1, &["near", "distant", "foreseeable"])
                    && self.is(i + 2, "future") =>
            {
                (RefKind::Future, i + 3)
            }
            "the" if self.is_any(i + 1, &["near", "short"]) && self.is(i + 2, "term") => {
                (RefKind::Future, i + 3)
            }
            _ => return None,
        };
        Some((end, Expr::Ref(kind)))
    }

    fn followed_by_span(&self, i: usize) -> bool {
        self.count(i).is_some() || self.word(i).and_then(lex::unit).is_some()
    }

    // ---- modifiers -----------------------------------------------------------------------

    /// "early 2024", "mid-1990s", "the late 1970s", "the end of the year", "late yesterday".
    fn modified(&self, i: usize) -> Parse {
        // "Earlier Sunday", "later yesterday": the day, with the word kept in the span.
        if self.is_any(i, &["earlier", "later"])
            && let Some((end, inner)) = self.date_with_suffix(i + 1)
            && is_day_like(&inner)
        {
            return Some((end, inner));
        }
        let j = self.skip_the(i);
        let (modifier, k) = match self.word(j)? {
            "early" => (Modifier::Start, j + 1),
            "late" => (Modifier::End, j + 1),
            "mid" => (
                Modifier::Mid,
                if self.is(j + 1, "-") { j + 2 } else { j + 1 },
            ),
            "end" | "close" if self.is(j + 1, "of") && j > i => (Modifier::End, j + 2),
            "beginning" | "start" if self.is(j + 1, "of") && j > i => (Modifier::Start, j + 2),
            "middle" if self.is(j + 1, "of") && j > i => (Modifier::Mid, j + 2),
            _ => return None,
        };
        let (end, inner) = self
            .date_with_suffix(k)
            .or_else(|| self.bare_month(k))
            .or_else(|| self.the_current(k))?;
        if matches!(inner, Expr::Ref(_) | Expr::Set(_) | Expr::Duration(..)) {
            return None;
        }
        Some((end, Expr::Modified(modifier, Box::new(inner))))
    }

    /// "The month", "the week" after "the end of", "the start of": the current one.
    fn the_current(&self, i: usize) -> Parse {
        if !self.is(i, "the") {
            return None;
        }
        let unit = match self.word(i + 1)? {
            "month" => Unit::Month,
            "week" => Unit::Week,
            _ => return None,
        };
        Some((i + 2, Expr::RelUnit(unit, 0)))
    }

    /// A part of a day written before the day: "mid-afternoon yesterday", "late morning
    /// Friday" ("the night of June 3" is June 3, as TimeML annotates it).
    fn part_before_day(&self, i: usize) -> Parse {
        let mut j = i;
        if self.is_any(j, &["early", "late", "mid"]) {
            j += if self.is(j + 1, "-") && self.glued(j + 1) {
                2
            } else {
                1
            };
        }
        let part = self.word(j).and_then(lex::part_of_day)?;
        let (end, day) = self.date(j + 1)?;
        is_day_like(&day).then(|| (end, Expr::PartOfDay(Box::new(day), part)))
    }

    /// "The week of March 6": the week holding that day.
    fn week_of(&self, i: usize) -> Parse {
        if !(self.is(i, "the") && self.is(i + 1, "week") && self.is(i + 2, "of")) {
            return None;
        }
        let (end, day) = self.date_with_suffix(i + 3)?;
        is_day_like(&day).then(|| (end, Expr::WeekOf(Box::new(day))))
    }

    /// "Year-end", "year end", "the year's end", "month-end": the end of the current year or
    /// month.
    fn period_end(&self, i: usize) -> Parse {
        let j = self.skip_the(i);
        let unit = match self.word(j)? {
            "year" => Unit::Year,
            "month" => Unit::Month,
            _ => return None,
        };
        let k = if self.is(j + 1, "-") && self.glued(j + 1) {
            j + 2
        } else if self.is_any(j + 1, &["'", "’"]) && self.glued(j + 1) && self.is(j + 2, "s") {
            j + 3
        } else {
            j + 1
        };
        if !self.is(k, "end") {
            return None;
        }
        Some((
            k + 1,
            Expr::Modified(Modifier::End, Box::new(Expr::RelUnit(unit, 0))),
        ))
    }

    /// A month word after a modifier ("early May", "mid-March"), where ambiguity is settled.
    fn bare_month(&self, i: usize) -> Parse {
        let m = self
            .word(i)
            .and_then(lex::month)
            .filter(|_| self.t[i].cap)?;
        Some((self.skip_dot(i + 1), Expr::Month(m, Rel::Bare)))
    }

    /// Approximate spans and times: "about three years", "nearly four years ago", "around 7:15 p.m.".
    fn approx(&self, i: usize) -> Parse {
        let w = self.word(i)?;
        let j = match w {
            "about" | "around" | "nearly" | "almost" | "approximately" | "roughly" | "some" => {
                i + 1
            }
            "no" | "not" if self.is_any(i + 1, &["more", "less"]) && self.is(i + 2, "than") => {
                i + 3
            }
            "more" | "less" | "fewer" if self.is(i + 1, "than") => i + 2,
            "at" if self.is_any(i + 1, &["least", "most"]) => i + 2,
            "up" if self.is(i + 1, "to") => i + 2,
            _ => return None,
        };
        let (end, expr) = self.clock(j).or_else(|| self.span(j))?;
        if let Expr::Duration(Count::Vague, ..) = expr {
            return None;
        }
        Some((end, expr))
    }
}

fn is_day_like(expr: &Expr) -> bool {
    match expr {
        Expr::MonthDay(..)
        | Expr::MonthDayOn(..)
        | Expr::Holiday(..)
        | Expr::Weekday(..)
        | Expr::RelDay(_)
        | Expr::WeekdayIn(..) => true,
        Expr::Absolute { granularity, .. } => *granularity == Granularity::Day,
        _ => false,
    }
}

fn absolute(range: DateRange, value: String, granularity: Granularity) -> Expr {
    Expr::Absolute {
        range,
        value,
        granularity,
    }
}

fn absolute_day(day: NaiveDate) -> Expr {
    absolute(DateRange::day(day), day_value(day), Granularity::Day)
}
