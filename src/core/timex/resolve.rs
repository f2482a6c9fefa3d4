//! Normalisation: a parsed temporal expression, resolved against an anchor day and the tense of
//! its sentence, becomes a TIMEX3 type and value and an inclusive day range. Never reads the clock.

use super::{Granularity, TimexType};
use crate::core::dates::{
    DateRange, Season, Unit, add_days, add_units, day_value, period_of, period_value, quarter_of,
    week_value, weekday_on_or_after, weekday_on_or_before, year_value,
};
use chrono::{Datelike, NaiveDate, Weekday};

/// Which way a sentence looks in time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tense {
    /// Reports what happened.
    Past,
    /// Announces what will happen.
    Future,
    /// No cue either way.
    Unknown,
}

/// How an expression picks among repeating calendar items ("last Friday", "this summer").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rel {
    /// No qualifier: chosen by tense.
    Bare,
    /// The one before.
    Last,
    /// The current one.
    This,
    /// The one after.
    Next,
}

/// A count in a duration or offset: exact, or vague ("several", "recent").
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Count {
    /// A stated number (may be fractional: "half an hour").
    Exact(f64),
    /// An unstated number.
    Vague,
}

/// Narrowing modifiers ("early", "mid-", "the end of").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Modifier {
    /// The first part.
    Start,
    /// The middle part.
    Mid,
    /// The last part.
    End,
    /// From the period's start up to the anchor ("earlier this month").
    Earlier,
    /// From the anchor to the period's end ("later this year").
    Later,
}

impl Modifier {
    /// The TIMEX3 `mod` attribute.
    pub fn timex_mod(self) -> &'static str {
        match self {
            Modifier::Start | Modifier::Earlier => "START",
            Modifier::Mid => "MID",
            Modifier::End | Modifier::Later => "END",
        }
    }
}

/// Vague references to the past, present or future.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RefKind {
    /// "recently", "the past".
    Past,
    /// "now", "currently".
    Present,
    /// "soon", "the future".
    Future,
}

/// A parsed temporal expression before normalisation.
/// A holiday on a different day each year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Holiday {
    /// Easter Sunday (Western).
    Easter,
    /// Good Friday, two days before Easter.
    GoodFriday,
    /// The fourth Thursday of November (United States).
    Thanksgiving,
    /// The Tuesday after the first Monday of November (United States).
    ElectionDay,
    /// The first Monday of September (United States).
    LaborDay,
    /// The last Monday of May (United States).
    MemorialDay,
}

impl Holiday {
    /// Its day in `year`.
    pub fn on(self, year: i32) -> Option<NaiveDate> {
        let nth = |month: u32, weekday: Weekday, n: u8| {
            NaiveDate::from_weekday_of_month_opt(year, month, weekday, n)
        };
        match self {
            Holiday::Easter => easter(year),
            Holiday::GoodFriday => easter(year)?.checked_sub_days(chrono::Days::new(2)),
            Holiday::Thanksgiving => nth(11, Weekday::Thu, 4),
            Holiday::ElectionDay => nth(11, Weekday::Mon, 1)?.succ_opt(),
            Holiday::LaborDay => nth(9, Weekday::Mon, 1),
            Holiday::MemorialDay => nth(5, Weekday::Mon, 5).or_else(|| nth(5, Weekday::Mon, 4)),
        }
    }
}

/// Western Easter Sunday of `year` (the anonymous Gregorian computus).
fn easter(year: i32) -> Option<NaiveDate> {
    let (a, b, c) = (year % 19, year / 100, year % 100);
    let (d, e) = (b / 4, b % 4);
    let g = (8 * b + 13) / 25;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 19 * l) / 433;
    let month = (h + l - 7 * m + 90) / 25;
    let day = (h + l - 7 * m + 33 * month + 19) % 32;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    /// Fully specified by the text.
    Absolute {
        /// The days it covers.
        range: DateRange,
        /// Its TIMEX3 value.
        value: String,
        /// Its unit.
        granularity: Granularity,
    },
    /// "December 26": the year comes from the anchor.
    MonthDay(u32, u32),
    /// "Saturday, April 25": the year near the anchor in which that day is that weekday.
    MonthDayOn(u32, u32, Weekday),
    /// "December", "last December": the year comes from the anchor.
    Month(u32, Rel),
    /// "June last year" (-1), "January this year" (0).
    MonthInYear(u32, i64),
    /// An expression resolved against an anchor moved by some units ("the year-ago quarter").
    Shifted(Box<Expr>, Unit, i64),
    /// "Friday", "last Friday".
    Weekday(Weekday, Rel),
    /// A holiday whose day moves from year to year ("Thanksgiving", "Easter").
    Holiday(Holiday),
    /// "this summer", "last fall".
    Season(Season, Rel),
    /// "the third quarter" (`None`: the latest quarter), of the anchor's year.
    Quarter(Option<u32>, Rel),
    /// "the weekend", "last weekend".
    Weekend(Rel),
    /// "today" (0), "yesterday" (-1), "tomorrow" (1).
    RelDay(i64),
    /// "this month" (0), "last year" (-1), "next week" (1).
    RelUnit(Unit, i64),
    /// "two weeks ago" (-), "three days later" (+).
    Offset(Count, Unit, i64),
    /// "three months", "the past year" (direction: -1 back from the anchor, 1 ahead, 0 none).
    Duration(Count, Unit, i64),
    /// A recurring time, with its TIMEX3 value ("P1D", "XXXX-WXX-5").
    Set(String),
    /// A vague reference.
    Ref(RefKind),
    /// The week holding a day ("the week of March 6").
    WeekOf(Box<Expr>),
    /// A weekday inside a week ("last week on Friday").
    WeekdayIn(Box<Expr>, Weekday),
    /// A part of a day ("Friday morning").
    PartOfDay(Box<Expr>, &'static str),
    /// A clock time, on a day or the anchor day.
    Clock(Option<Box<Expr>>, u32, u32),
    /// A narrowed expression ("early 2024", "earlier this month").
    Modified(Modifier, Box<Expr>),
}

/// A normalised expression.
#[derive(Clone, Debug, PartialEq)]
pub struct Resolved {
    /// TIMEX3 type.
    pub kind: TimexType,
    /// TIMEX3 value.
    pub value: String,
    /// The days it may denote.
    pub range: Option<DateRange>,
    /// The unit it is stated in.
    pub granularity: Granularity,
    /// TIMEX3 `mod`, if narrowed.
    pub modifier: Option<&'static str>,
}

impl Resolved {
    fn date(value: String, range: Option<DateRange>, granularity: Granularity) -> Self {
        Self {
            kind: TimexType::Date,
            value,
            range,
            granularity,
            modifier: None,
        }
    }
}

impl Expr {
    /// Whether normalising it needs an anchor.
    pub fn is_relative(&self) -> bool {
        match self {
            Expr::Absolute { .. } | Expr::Set(_) | Expr::Ref(_) => false,
            Expr::Duration(_, _, dir) => *dir != 0,
            Expr::Modified(_, inner) | Expr::WeekOf(inner) => inner.is_relative(),
            _ => true,
        }
    }
}

/// Normalises `expr` against an anchor range (a single day for a publication date, wider for a
/// statement dated "last week") and the sentence's tense. `None` if the text names an impossible
/// date. Without an anchor, relative expressions get X-placeholder values and no range.
pub fn resolve(expr: &Expr, anchor: Option<DateRange>, tense: Tense) -> Option<Resolved> {
    let Some(anchor) = anchor else {
        return Some(resolve_unanchored(expr));
    };
    let early = resolve_on(expr, anchor.earliest, tense)?;
    if anchor.is_day() || !expr.is_relative() {
        return Some(early);
    }
    let late = resolve_on(expr, anchor.latest, tense)?;
    if early.value == late.value {
        return Some(early);
    }
    let range = match (early.range, late.range) {
        (Some(a), Some(b)) => Some(a.union(&b)),
        _ => None,
    };
    let value = range.map_or_else(|| early.value.clone(), |r| r.value());
    Some(Resolved {
        value,
        range,
        granularity: Granularity::Range,
        ..early
    })
}

fn resolve_unanchored(expr: &Expr) -> Resolved {
    let (value, granularity) = match expr {
        Expr::Ref(kind) => {
            let value = match kind {
                RefKind::Past => "PAST_REF",
                RefKind::Present => "PRESENT_REF",
                RefKind::Future => "FUTURE_REF",
            };
            (value.to_string(), Granularity::Vague)
        }
        Expr::Absolute { .. } | Expr::Set(_) => {
            return resolve_on(expr, NaiveDate::MIN, Tense::Unknown)
                .unwrap_or_else(|| Resolved::date("XXXX".into(), None, Granularity::Vague));
        }
        Expr::Duration(count, unit, _) => {
            return Resolved {
                kind: TimexType::Duration,
                value: duration_value(*count, *unit),
                range: None,
                granularity: Granularity::Range,
                modifier: None,
            };
        }
        Expr::MonthDay(m, d) | Expr::MonthDayOn(m, d, _) => {
            (format!("XXXX-{m:02}-{d:02}"), Granularity::Day)
        }
        Expr::Month(m, _) | Expr::MonthInYear(m, _) => (format!("XXXX-{m:02}"), Granularity::Month),
        Expr::Holiday(_) => ("XXXX-XX-XX".to_string(), Granularity::Day),
        Expr::Weekday(wd, _) | Expr::WeekdayIn(_, wd) => (
            format!("XXXX-WXX-{}", wd.number_from_monday()),
            Granularity::Day,
        ),
        Expr::Season(s, _) => (format!("XXXX-{}", s.code()), Granularity::Season),
        Expr::Quarter(q, _) => (
            q.map_or_else(|| "XXXX-QX".to_string(), |q| format!("XXXX-Q{q}")),
            Granularity::Quarter,
        ),
        Expr::Weekend(_) => ("XXXX-WXX-WE".into(), Granularity::Week),
        Expr::WeekOf(_) => ("XXXX-WXX".into(), Granularity::Week),
        Expr::RelDay(_) | Expr::PartOfDay(..) | Expr::Clock(..) => {
            ("XXXX-XX-XX".into(), Granularity::Day)
        }
        Expr::RelUnit(unit, _) | Expr::Offset(_, unit, _) => {
            (unknown_period(*unit), Granularity::from_unit(*unit))
        }
        Expr::Modified(_, inner) | Expr::Shifted(inner, ..) => return resolve_unanchored(inner),
    };
    Resolved::date(value, None, granularity)
}

fn unknown_period(unit: Unit) -> String {
    match unit {
        Unit::Week => "XXXX-WXX".into(),
        Unit::Month => "XXXX-XX".into(),
        Unit::Quarter => "XXXX-QX".into(),
        Unit::Year | Unit::Decade | Unit::Century => "XXXX".into(),
        _ => "XXXX-XX-XX".into(),
    }
}

/// The TIMEX3 value of a duration ("P3M", "PT2H", "PXY").
pub fn duration_value(count: Count, unit: Unit) -> String {
    let (designator, is_time) = unit.designator();
    let t = if is_time { "T" } else { "" };
    match count {
        Count::Vague => format!("P{t}X{designator}"),
        Count::Exact(n) if n.fract() != 0.0 => {
            // The whole units, and the fraction in the next smaller unit where one exists
            // ("2 1/2 years" P2Y6M, "5 1/2 hours" PT5H30M, "half an hour" PT30M).
            let whole = n.trunc() as i64;
            let smaller = match unit {
                Unit::Minute => Some((60.0, "S")),
                Unit::Hour => Some((60.0, "M")),
                Unit::Day => Some((24.0, "H")),
                Unit::Year => Some((12.0, "M")),
                Unit::Month => Some((30.0, "D")),
                _ => None,
            };
            match smaller {
                Some((per, part)) => {
                    let head = if whole > 0 {
                        format!("{whole}{designator}")
                    } else {
                        String::new()
                    };
                    let rest = (n.fract() * per).round() as i64;
                    if is_time {
                        format!("PT{head}{rest}{part}")
                    } else if unit == Unit::Day {
                        format!("P{head}T{rest}{part}")
                    } else {
                        format!("P{head}{rest}{part}")
                    }
                }
                None => format!("P{t}{n}{designator}"),
            }
        }
        Count::Exact(n) => {
            let scale = match unit {
                Unit::Decade => 10.0,
                Unit::Century => 100.0,
                _ => 1.0,
            };
            format!("P{t}{}{designator}", (n * scale) as i64)
        }
    }
}

/// How many units a vague count stands for, at the most ("in recent months": about six).
fn vague_span(unit: Unit) -> i64 {
    match unit {
        Unit::Day => 7,
        Unit::Week | Unit::Month => 6,
        Unit::Year => 5,
        _ => 3,
    }
}

fn resolve_on(expr: &Expr, anchor: NaiveDate, tense: Tense) -> Option<Resolved> {
    Some(match expr {
        Expr::Absolute {
            range,
            value,
            granularity,
        } => Resolved::date(value.clone(), Some(*range), *granularity),
        Expr::MonthDayOn(m, d, wd) => {
            let matching = [0, -1, 1].into_iter().find_map(|offset| {
                NaiveDate::from_ymd_opt(anchor.year().checked_add(offset)?, *m, *d)
                    .filter(|day| day.weekday() == *wd)
            });
            let day = match matching {
                Some(day) => day,
                None => pick_year(anchor, tense, |y| NaiveDate::from_ymd_opt(y, *m, *d))?,
            };
            Resolved::date(day_value(day), Some(DateRange::day(day)), Granularity::Day)
        }
        Expr::MonthDay(m, d) => {
            let day = pick_year(anchor, tense, |y| NaiveDate::from_ymd_opt(y, *m, *d))?;
            Resolved::date(day_value(day), Some(DateRange::day(day)), Granularity::Day)
        }
        Expr::Holiday(holiday) => {
            let day = pick_year(anchor, tense, |y| holiday.on(y))?;
            Resolved::date(day_value(day), Some(DateRange::day(day)), Granularity::Day)
        }
        Expr::Month(m, rel) => {
            let range = match rel {
                Rel::Bare => pick_range(anchor, tense, |y| DateRange::month(y, *m))?,
                Rel::This => DateRange::month(anchor.year(), *m)?,
                // The latest such month before the anchor's month ("last December" said in
                // October is the December before).
                Rel::Last => {
                    let before = add_days(
                        DateRange::month(anchor.year(), anchor.month())?.earliest,
                        -1,
                    )?;
                    let this = DateRange::month(before.year(), *m)?;
                    if this.earliest <= before {
                        this
                    } else {
                        DateRange::month(before.year() - 1, *m)?
                    }
                }
                Rel::Next => pick_range(
                    add_days(DateRange::month(anchor.year(), anchor.month())?.latest, 1)?,
                    Tense::Future,
                    |y| DateRange::month(y, *m),
                )?,
            };
            Resolved::date(
                period_value(range.earliest, Unit::Month),
                Some(range),
                Granularity::Month,
            )
        }
        Expr::MonthInYear(m, offset) => {
            let range =
                DateRange::month(anchor.year().checked_add(i32::try_from(*offset).ok()?)?, *m)?;
            Resolved::date(
                period_value(range.earliest, Unit::Month),
                Some(range),
                Granularity::Month,
            )
        }
        Expr::Weekday(wd, rel) => {
            let day = match (rel, tense) {
                (Rel::Last, _) => weekday_on_or_before(anchor, *wd, true)?,
                (Rel::Next, _) => weekday_on_or_after(anchor, *wd, true)?,
                (Rel::This, _) => {
                    let week = DateRange::week_of(anchor)?;
                    add_days(week.earliest, i64::from(wd.num_days_from_monday()))?
                }
                (Rel::Bare, Tense::Future) => weekday_on_or_after(anchor, *wd, false)?,
                (Rel::Bare, _) => weekday_on_or_before(anchor, *wd, false)?,
            };
            Resolved::date(day_value(day), Some(DateRange::day(day)), Granularity::Day)
        }
        Expr::Season(season, rel) => {
            let (year_now, season_now) = Season::of(anchor);
            let this = DateRange::season(year_now, *season)?;
            let (past, future) = (
                DateRange::season(year_now - 1, *season)?,
                DateRange::season(year_now + 1, *season)?,
            );
            let chosen = match rel {
                Rel::Last if this.earliest > anchor || *season == season_now => past,
                Rel::Next if this.latest < anchor || *season == season_now => future,
                Rel::This | Rel::Last | Rel::Next => this,
                Rel::Bare => match tense {
                    Tense::Past if this.earliest > anchor => past,
                    Tense::Future if this.latest < anchor => future,
                    _ => this,
                },
            };
            let year = chosen.earliest.year();
            Resolved::date(
                format!("{}-{}", year_value(year), season.code()),
                Some(chosen),
                Granularity::Season,
            )
        }
        Expr::Quarter(q, rel) => {
            let current = quarter_of(anchor);
            let (year, quarter) = match (q, rel) {
                // Of the anchor's own year ("last year's fourth quarter" shifts the anchor).
                (Some(q), Rel::This) => (anchor.year(), *q),
                (Some(q), _) => {
                    let year = if *q > current && tense != Tense::Future {
                        anchor.year() - 1
                    } else {
                        anchor.year()
                    };
                    (year, *q)
                }
                (None, Rel::This) => (anchor.year(), current),
                (None, Rel::Next) if current == 4 => (anchor.year() + 1, 1),
                (None, Rel::Next) => (anchor.year(), current + 1),
                (None, _) if current == 1 => (anchor.year() - 1, 4),
                (None, _) => (anchor.year(), current - 1),
            };
            let range = DateRange::quarter(year, quarter)?;
            Resolved::date(
                format!("{}-Q{quarter}", year_value(year)),
                Some(range),
                Granularity::Quarter,
            )
        }
        Expr::Weekend(rel) => {
            let saturday = match (rel, tense) {
                (Rel::Next, _) | (Rel::Bare, Tense::Future) => {
                    weekday_on_or_after(anchor, Weekday::Sat, *rel == Rel::Next)?
                }
                (Rel::This, _) => add_days(DateRange::week_of(anchor)?.earliest, 5)?,
                _ => weekday_on_or_before(add_days(anchor, -1)?, Weekday::Sat, false)?,
            };
            let range = DateRange::new(saturday, add_days(saturday, 1)?)?;
            Resolved::date(
                format!("{}-WE", week_value(saturday)),
                Some(range),
                Granularity::Week,
            )
        }
        Expr::RelDay(offset) => {
            let day = add_days(anchor, *offset)?;
            Resolved::date(day_value(day), Some(DateRange::day(day)), Granularity::Day)
        }
        Expr::RelUnit(unit, offset) => {
            let day = add_units(anchor, *unit, *offset)?;
            let range = period_of(day, *unit)?;
            Resolved::date(
                period_value(day, *unit),
                Some(range),
                Granularity::from_unit(*unit),
            )
        }
        Expr::Offset(count, unit, direction) => match count {
            Count::Exact(n) => {
                let whole = (n.round() as i64).max(1);
                let day = add_units(anchor, *unit, whole * direction)?;
                let unit = if matches!(unit, Unit::Hour | Unit::Minute | Unit::Second) {
                    Unit::Day
                } else {
                    *unit
                };
                let range = if unit == Unit::Day {
                    DateRange::day(day)
                } else {
                    period_of(day, unit)?
                };
                Resolved::date(
                    period_value(day, unit),
                    Some(range),
                    Granularity::from_unit(unit),
                )
            }
            Count::Vague => {
                let far = add_units(anchor, *unit, vague_span(*unit) * direction)?;
                let near = add_units(anchor, *unit, 2 * direction)?;
                let range = DateRange::new(far.min(near), far.max(near));
                let value = if *direction < 0 {
                    "PAST_REF"
                } else {
                    "FUTURE_REF"
                };
                Resolved::date(value.into(), range, Granularity::Vague)
            }
        },
        Expr::Duration(count, unit, direction) => {
            let range = if *direction == 0 {
                None
            } else {
                let n = match count {
                    Count::Exact(n) => n.ceil() as i64,
                    Count::Vague => vague_span(*unit),
                };
                let other = add_units(anchor, *unit, n * direction)?;
                DateRange::new(other.min(anchor), other.max(anchor))
            };
            Resolved {
                kind: TimexType::Duration,
                value: duration_value(*count, *unit),
                range,
                granularity: Granularity::Range,
                modifier: None,
            }
        }
        Expr::Set(value) => Resolved {
            kind: TimexType::Set,
            value: value.clone(),
            range: None,
            granularity: Granularity::Vague,
            modifier: None,
        },
        Expr::Ref(kind) => {
            let (value, range) = match kind {
                RefKind::Past => ("PAST_REF", None),
                RefKind::Present => ("PRESENT_REF", Some(DateRange::day(anchor))),
                RefKind::Future => ("FUTURE_REF", None),
            };
            Resolved::date(value.into(), range, Granularity::Vague)
        }
        Expr::WeekOf(day) => {
            let day = resolve_on(day, anchor, tense)?.range?.earliest;
            resolve_on(&Expr::RelUnit(Unit::Week, 0), day, tense)?
        }
        Expr::WeekdayIn(week, wd) => {
            let outer = resolve_on(week, anchor, tense)?;
            let start = DateRange::week_of(outer.range?.earliest)?.earliest;
            let day = add_days(start, i64::from(wd.num_days_from_monday()))?;
            Resolved::date(day_value(day), Some(DateRange::day(day)), Granularity::Day)
        }
        Expr::PartOfDay(base, part) => {
            let day = resolve_on(base, anchor, tense)?;
            Resolved {
                kind: TimexType::Time,
                value: format!("{}T{part}", day.value),
                granularity: Granularity::Time,
                ..day
            }
        }
        Expr::Clock(base, hour, minute) => {
            let day = match base {
                Some(base) => resolve_on(base, anchor, tense)?,
                None => Resolved::date(
                    day_value(anchor),
                    Some(DateRange::day(anchor)),
                    Granularity::Day,
                ),
            };
            Resolved {
                kind: TimexType::Time,
                value: format!("{}T{hour:02}:{minute:02}", day.value),
                granularity: Granularity::Time,
                ..day
            }
        }
        Expr::Shifted(inner, unit, n) => resolve_on(inner, add_units(anchor, *unit, *n)?, tense)?,
        Expr::Modified(modifier, inner) => {
            let base = resolve_on(inner, anchor, tense)?;
            let range = base.range.map(|r| match modifier {
                Modifier::Start => r.portion(0.0, 1.0 / 3.0),
                Modifier::Mid => r.portion(1.0 / 3.0, 2.0 / 3.0),
                Modifier::End => r.portion(2.0 / 3.0, 1.0),
                Modifier::Earlier => DateRange::new(r.earliest, anchor.min(r.latest)).unwrap_or(r),
                Modifier::Later => DateRange::new(anchor.max(r.earliest), r.latest).unwrap_or(r),
            });
            Resolved {
                range,
                modifier: Some(modifier.timex_mod()),
                ..base
            }
        }
    })
}

/// The day built from the anchor's year (or the one before or after) that the tense points to:
/// past tense, the latest not after the anchor; future, the earliest not before; else the nearest.
fn pick_year(
    anchor: NaiveDate,
    tense: Tense,
    make: impl Fn(i32) -> Option<NaiveDate>,
) -> Option<NaiveDate> {
    pick_range(anchor, tense, |y| make(y).map(DateRange::day)).map(|r| r.earliest)
}

/// How far after the anchor a past-tense sentence's yearless date may lie and keep the anchor's year.
const PAST_TENSE_GRACE_DAYS: i64 = 62;
/// How far before the anchor a future-tense sentence's yearless date may lie and keep the
/// anchor's year.
const FUTURE_TENSE_GRACE_DAYS: i64 = 31;

/// How far ahead a yearless date in a sentence without tense may lie and be read as coming:
/// in news, a date without a year more than four months ahead is rarer than one eight
/// months back.
const UNMARKED_FUTURE_DAYS: i64 = 120;

fn pick_range(
    anchor: NaiveDate,
    tense: Tense,
    make: impl Fn(i32) -> Option<DateRange>,
) -> Option<DateRange> {
    let year = anchor.year();
    let this = make(year)?;
    let before = || make(year.checked_sub(1)?);
    let after = || make(year.checked_add(1)?);
    Some(match tense {
        // News reports scheduled events in past-tense sentences ("talks were set for Jan. 14"):
        // a date within a month after the anchor stays in the anchor's year.
        Tense::Past if (this.earliest - anchor).num_days() > PAST_TENSE_GRACE_DAYS => before()?,
        // A future-tense sentence may name a day just gone ("will stand trial over the attack
        // on Jan. 14", a day later): within a month before the anchor it keeps the year.
        Tense::Future if (anchor - this.latest).num_days() > FUTURE_TENSE_GRACE_DAYS => after()?,
        Tense::Unknown if this.contains(anchor) => this,
        // News tells of the past far more than of the future: a date without a tense is the
        // coming one only when that is near, else the last one.
        Tense::Unknown => {
            let future = if this.earliest > anchor {
                Some(this)
            } else {
                after()
            };
            let past = if this.latest < anchor {
                Some(this)
            } else {
                before()
            };
            match (past, future) {
                (_, Some(f)) if (f.earliest - anchor).num_days() <= UNMARKED_FUTURE_DAYS => f,
                (Some(p), _) => p,
                (None, f) => f.unwrap_or(this),
            }
        }
        _ => this,
    })
}
