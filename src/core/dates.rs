//! Calendar primitives: inclusive day ranges and the calendar units the tagger speaks of.
//!
//! Every operation is checked: a date chrono cannot hold gives `None`, never a panic.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// An inclusive range of days: the honest extent of a fuzzy date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DateRange {
    /// First day the date may be.
    pub earliest: NaiveDate,
    /// Last day the date may be (inclusive).
    pub latest: NaiveDate,
}

/// The calendar unit a date or duration is stated in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    /// Seconds.
    Second,
    /// Minutes.
    Minute,
    /// Hours.
    Hour,
    /// Days (and nights).
    Day,
    /// Weeks.
    Week,
    /// Months.
    Month,
    /// Quarters of a year.
    Quarter,
    /// Years.
    Year,
    /// Decades.
    Decade,
    /// Centuries.
    Century,
}

impl Unit {
    /// The TIMEX3 duration designator (`P3M`, `PT2H`; decades and centuries count years); the bool says whether it is a time unit.
    pub fn designator(self) -> (&'static str, bool) {
        match self {
            Unit::Second => ("S", true),
            Unit::Minute => ("M", true),
            Unit::Hour => ("H", true),
            Unit::Day => ("D", false),
            Unit::Week => ("W", false),
            Unit::Month => ("M", false),
            Unit::Quarter => ("Q", false),
            Unit::Year | Unit::Decade | Unit::Century => ("Y", false),
        }
    }
}

/// A season of the (northern) year, as TIMEX3 names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Season {
    /// March–May.
    Spring,
    /// June–August.
    Summer,
    /// September–November.
    Fall,
    /// December–February (the winter of year Y starts in December of Y).
    Winter,
}

impl Season {
    /// TIMEX3 code: SP, SU, FA, WI.
    pub fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }

    /// The first month of the season.
    fn first_month(self) -> u32 {
        match self {
            Season::Spring => 3,
            Season::Summer => 6,
            Season::Fall => 9,
            Season::Winter => 12,
        }
    }

    /// The season a day falls in, with the year the season is named by.
    pub fn of(day: NaiveDate) -> (i32, Season) {
        match day.month() {
            3..=5 => (day.year(), Season::Spring),
            6..=8 => (day.year(), Season::Summer),
            9..=11 => (day.year(), Season::Fall),
            12 => (day.year(), Season::Winter),
            _ => (day.year() - 1, Season::Winter),
        }
    }
}

impl DateRange {
    /// A range; `None` if `latest` precedes `earliest`.
    pub fn new(earliest: NaiveDate, latest: NaiveDate) -> Option<Self> {
        (earliest <= latest).then_some(Self { earliest, latest })
    }

    /// A single day.
    pub fn day(day: NaiveDate) -> Self {
        Self {
            earliest: day,
            latest: day,
        }
    }

    /// A date typed at day, month or year precision: "2025-12-26", "2025-12", "2025".
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        let mut parts = text.splitn(3, '-');
        let year: i32 = parts.next()?.parse().ok()?;
        match (parts.next(), parts.next()) {
            (None, _) => Self::year(year),
            (Some(month), None) => Self::month(year, month.parse().ok()?),
            (Some(_), Some(_)) => NaiveDate::parse_from_str(text, "%Y-%m-%d")
                .ok()
                .map(Self::day),
        }
    }

    /// A calendar month.
    pub fn month(year: i32, month: u32) -> Option<Self> {
        let first = NaiveDate::from_ymd_opt(year, month, 1)?;
        let last = first.checked_add_months(Months::new(1))?.pred_opt()?;
        Self::new(first, last)
    }

    /// Months `first..=last` of one year.
    pub fn months(year: i32, first: u32, last: u32) -> Option<Self> {
        Some(Self {
            earliest: Self::month(year, first)?.earliest,
            latest: Self::month(year, last)?.latest,
        })
    }

    /// A calendar year.
    pub fn year(year: i32) -> Option<Self> {
        Self::months(year, 1, 12)
    }

    /// A span of whole years.
    pub fn years(first: i32, last: i32) -> Option<Self> {
        Self::new(Self::year(first)?.earliest, Self::year(last)?.latest)
    }

    /// A quarter (1–4) of a year.
    pub fn quarter(year: i32, quarter: u32) -> Option<Self> {
        let first = (quarter.checked_sub(1)? * 3) + 1;
        Self::months(year, first, first + 2)
    }

    /// A half (1–2) of a year.
    pub fn half(year: i32, half: u32) -> Option<Self> {
        let first = (half.checked_sub(1)? * 6) + 1;
        Self::months(year, first, first + 5)
    }

    /// A season of a year (winter Y = December Y to February Y+1).
    pub fn season(year: i32, season: Season) -> Option<Self> {
        let first = NaiveDate::from_ymd_opt(year, season.first_month(), 1)?;
        let last = first.checked_add_months(Months::new(3))?.pred_opt()?;
        Self::new(first, last)
    }

    /// The ISO week (Monday to Sunday) containing `day`.
    pub fn week_of(day: NaiveDate) -> Option<Self> {
        let monday =
            day.checked_sub_days(Days::new(u64::from(day.weekday().num_days_from_monday())))?;
        Self::new(monday, monday.checked_add_days(Days::new(6))?)
    }

    /// Whether the range is a single day.
    pub fn is_day(&self) -> bool {
        self.earliest == self.latest
    }

    /// Number of days covered.
    pub fn len_days(&self) -> i64 {
        (self.latest - self.earliest).num_days() + 1
    }

    /// Both ends moved by `days` (negative: back).
    pub fn shift_days(&self, days: i64) -> Option<Self> {
        Some(Self {
            earliest: add_days(self.earliest, days)?,
            latest: add_days(self.latest, days)?,
        })
    }

    /// The days both ranges share, if any.
    pub fn intersect(&self, other: &Self) -> Option<Self> {
        Self::new(
            self.earliest.max(other.earliest),
            self.latest.min(other.latest),
        )
    }

    /// The smallest range covering both.
    #[must_use]
    pub fn union(&self, other: &Self) -> Self {
        Self {
            earliest: self.earliest.min(other.earliest),
            latest: self.latest.max(other.latest),
        }
    }

    /// Whether `day` lies in the range.
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.earliest <= day && day <= self.latest
    }

    /// A part of the range: `start`/`end` are fractions (0.0–1.0) of its length.
    #[must_use]
    pub fn portion(&self, start: f64, end: f64) -> Self {
        let len = self.len_days() as f64;
        let first = (len * start).floor() as i64;
        let last = ((len * end).ceil() as i64 - 1).max(first);
        Self {
            earliest: add_days(self.earliest, first).unwrap_or(self.earliest),
            latest: add_days(self.earliest, last)
                .unwrap_or(self.latest)
                .min(self.latest),
        }
    }

    /// The TIMEX3-style value of the coarsest calendar unit that this range is exactly, or else
    /// of the smallest unit that contains it (a week, a month, a year, a decade).
    pub fn value(&self) -> String {
        let (a, b) = (self.earliest, self.latest);
        if a == b {
            return day_value(a);
        }
        if Self::year(a.year()) == Some(*self) {
            return year_value(a.year());
        }
        if Self::week_of(a) == Some(*self) || Self::week_of(a).is_some_and(|w| w.contains(b)) {
            return week_value(a);
        }
        if a.year() == b.year() && a.month() == b.month() {
            return format!("{}-{:02}", year_value(a.year()), a.month());
        }
        if a.year() == b.year() {
            return year_value(a.year());
        }
        if a.year().div_euclid(10) == b.year().div_euclid(10) {
            return a.year().div_euclid(10).to_string();
        }
        "PAST_REF".to_string()
    }
}

/// `day` moved by a signed number of days.
pub fn add_days(day: NaiveDate, days: i64) -> Option<NaiveDate> {
    if days >= 0 {
        day.checked_add_days(Days::new(days.unsigned_abs()))
    } else {
        day.checked_sub_days(Days::new(days.unsigned_abs()))
    }
}

/// `day` moved by a signed number of months (clamped to the month's end).
pub fn add_months(day: NaiveDate, months: i64) -> Option<NaiveDate> {
    let n = u32::try_from(months.unsigned_abs()).ok()?;
    if months >= 0 {
        day.checked_add_months(Months::new(n))
    } else {
        day.checked_sub_months(Months::new(n))
    }
}

/// `day` moved by `n` of `unit` (time units count as days, rounded up).
pub fn add_units(day: NaiveDate, unit: Unit, n: i64) -> Option<NaiveDate> {
    match unit {
        Unit::Second | Unit::Minute => Some(day),
        Unit::Hour => add_days(day, n / 24),
        Unit::Day => add_days(day, n),
        Unit::Week => add_days(day, n.checked_mul(7)?),
        Unit::Month => add_months(day, n),
        Unit::Quarter => add_months(day, n.checked_mul(3)?),
        Unit::Year => add_months(day, n.checked_mul(12)?),
        Unit::Decade => add_months(day, n.checked_mul(120)?),
        Unit::Century => add_months(day, n.checked_mul(1200)?),
    }
}

/// The calendar period of `unit` containing `day` (a day, ISO week, month, quarter, year …).
pub fn period_of(day: NaiveDate, unit: Unit) -> Option<DateRange> {
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => Some(DateRange::day(day)),
        Unit::Week => DateRange::week_of(day),
        Unit::Month => DateRange::month(day.year(), day.month()),
        Unit::Quarter => DateRange::quarter(day.year(), quarter_of(day)),
        Unit::Year => DateRange::year(day.year()),
        Unit::Decade => {
            let first = day.year().div_euclid(10) * 10;
            DateRange::years(first, first + 9)
        }
        Unit::Century => {
            let first = day.year().div_euclid(100) * 100;
            DateRange::years(first, first + 99)
        }
    }
}

/// The TIMEX3 value naming the period of `unit` containing `day`.
pub fn period_value(day: NaiveDate, unit: Unit) -> String {
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => day_value(day),
        Unit::Week => week_value(day),
        Unit::Month => format!("{}-{:02}", year_value(day.year()), day.month()),
        Unit::Quarter => format!("{}-Q{}", year_value(day.year()), quarter_of(day)),
        Unit::Year => year_value(day.year()),
        Unit::Decade => day.year().div_euclid(10).to_string(),
        Unit::Century => day.year().div_euclid(100).to_string(),
    }
}

/// The quarter (1–4) a day falls in.
pub fn quarter_of(day: NaiveDate) -> u32 {
    (day.month() - 1) / 3 + 1
}

/// `YYYY-MM-DD` with a four-digit year.
pub fn day_value(day: NaiveDate) -> String {
    format!(
        "{}-{:02}-{:02}",
        year_value(day.year()),
        day.month(),
        day.day()
    )
}

/// A year as TIMEX3 writes it: four digits.
pub fn year_value(year: i32) -> String {
    if (0..10000).contains(&year) {
        format!("{year:04}")
    } else {
        year.to_string()
    }
}

/// `YYYY-Www` of the ISO week containing `day`.
pub fn week_value(day: NaiveDate) -> String {
    let week = day.iso_week();
    format!("{}-W{:02}", year_value(week.year()), week.week())
}

/// The latest `weekday` on or before `day` (`strictly`: before it).
pub fn weekday_on_or_before(day: NaiveDate, weekday: Weekday, strictly: bool) -> Option<NaiveDate> {
    let mut back = (7 + i64::from(day.weekday().num_days_from_monday())
        - i64::from(weekday.num_days_from_monday()))
        % 7;
    if strictly && back == 0 {
        back = 7;
    }
    add_days(day, -back)
}

/// The earliest `weekday` on or after `day` (`strictly`: after it).
pub fn weekday_on_or_after(day: NaiveDate, weekday: Weekday, strictly: bool) -> Option<NaiveDate> {
    let mut ahead = (7 + i64::from(weekday.num_days_from_monday())
        - i64::from(day.weekday().num_days_from_monday()))
        % 7;
    if strictly && ahead == 0 {
        ahead = 7;
    }
    add_days(day, ahead)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    #[test]
    fn typed_dates_at_each_precision() {
        let day = DateRange::parse("2025-12-26").expect("day");
        assert_eq!(
            (day.earliest, day.latest),
            (d(2025, 12, 26), d(2025, 12, 26))
        );
        let month = DateRange::parse(" 2024-02 ").expect("month");
        assert_eq!(
            (month.earliest, month.latest),
            (d(2024, 2, 1), d(2024, 2, 29))
        );
        let year = DateRange::parse("1987").expect("year");
        assert_eq!(
            (year.earliest, year.latest),
            (d(1987, 1, 1), d(1987, 12, 31))
        );
        for bad in ["", "2025-13", "2025-02-30", "soon", "2025-1-2-3"] {
            assert_eq!(DateRange::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn month_and_quarter_ranges_are_inclusive() {
        let feb = DateRange::month(2024, 2).expect("february");
        assert_eq!(feb.latest, d(2024, 2, 29));
        let q4 = DateRange::quarter(2025, 4).expect("q4");
        assert_eq!((q4.earliest, q4.latest), (d(2025, 10, 1), d(2025, 12, 31)));
        let winter = DateRange::season(2025, Season::Winter).expect("winter");
        assert_eq!(winter.latest, d(2026, 2, 28));
    }

    #[test]
    fn weekday_search_respects_strictness() {
        let monday = d(2025, 12, 29);
        assert_eq!(
            weekday_on_or_before(monday, Weekday::Mon, false),
            Some(monday)
        );
        assert_eq!(
            weekday_on_or_before(monday, Weekday::Mon, true),
            Some(d(2025, 12, 22))
        );
        assert_eq!(
            weekday_on_or_after(monday, Weekday::Fri, false),
            Some(d(2026, 1, 2))
        );
    }

    #[test]
    fn value_names_the_smallest_containing_unit() {
        assert_eq!(DateRange::day(d(2025, 12, 26)).value(), "2025-12-26");
        assert_eq!(DateRange::month(2025, 12).expect("m").value(), "2025-12");
        assert_eq!(DateRange::year(1988).expect("y").value(), "1988");
        let week = DateRange::week_of(d(2025, 12, 26)).expect("w");
        assert_eq!(week.value(), "2025-W52");
    }

    #[test]
    fn extreme_dates_give_none_not_panics() {
        assert!(add_days(NaiveDate::MAX, 1).is_none());
        assert!(add_months(NaiveDate::MIN, -1).is_none());
        assert!(DateRange::year(i32::MAX).is_none());
        assert!(period_of(NaiveDate::MAX, Unit::Century).is_none());
    }

    #[test]
    fn portion_takes_the_early_third() {
        let year = DateRange::year(2024).expect("y");
        let early = year.portion(0.0, 1.0 / 3.0);
        assert_eq!(early.earliest, d(2024, 1, 1));
        assert!(early.latest < d(2024, 5, 5) && early.latest > d(2024, 4, 25));
    }
}
