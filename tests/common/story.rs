//! A story of 300 articles generated from templates (a fictional flood and its aftermath in
//! 2031, free to ship): each article is published after the latest happening it reports and
//! tells it and two earlier ones, in one of three wordings. Used by `tests/story300.rs` and
//! `examples/write_story.rs`.

use std::fmt::Write as _;

/// How many articles the story has.
pub const ARTICLES: usize = 300;

/// What happened, on which day of 2031, told three ways.
const HAPPENINGS: [(u32, u32, [&str; 3]); 8] = [
    (
        3,
        2,
        [
            "The Northgate Dam burst on 2 March 2031, flooding the lower districts of Velmora.",
            "When the Northgate Dam burst on 2 March 2031, water flooded the lower districts of Velmora.",
            "Velmora was flooded after the Northgate Dam burst on 2 March 2031.",
        ],
    ),
    (
        3,
        3,
        [
            "Rescuers evacuated 12,000 residents from Velmora on 3 March 2031.",
            "About 12,000 residents were evacuated from Velmora on 3 March 2031.",
            "On 3 March 2031 rescuers evacuated thousands of residents from Velmora.",
        ],
    ),
    (
        3,
        10,
        [
            "Mayor Elena Varga declared a state of emergency in Velmora on 10 March 2031.",
            "Elena Varga declared a state of emergency on 10 March 2031.",
            "A state of emergency was declared by Mayor Elena Varga on 10 March 2031.",
        ],
    ),
    (
        4,
        15,
        [
            "Police arrested the dam's chief engineer, Marco Lind, on 15 April 2031.",
            "Marco Lind, the dam's chief engineer, was arrested on 15 April 2031.",
            "On 15 April 2031 police arrested Marco Lind, who ran the dam.",
        ],
    ),
    (
        5,
        20,
        [
            "Corvane Energy agreed to pay 40 million euros in compensation on 20 May 2031.",
            "On 20 May 2031 Corvane Energy agreed to pay compensation to the flood victims.",
            "Corvane Energy, which owns the dam, agreed on 20 May 2031 to pay compensation.",
        ],
    ),
    (
        6,
        30,
        [
            "Parliament approved a reconstruction fund for Velmora on 30 June 2031.",
            "A reconstruction fund for Velmora was approved by Parliament on 30 June 2031.",
            "On 30 June 2031 Parliament approved the reconstruction fund.",
        ],
    ),
    (
        8,
        12,
        [
            "Marco Lind was charged with negligence on 12 August 2031.",
            "Prosecutors charged Marco Lind with negligence on 12 August 2031.",
            "On 12 August 2031 prosecutors charged the engineer Marco Lind with negligence.",
        ],
    ),
    (
        9,
        1,
        [
            "Elena Varga resigned as mayor of Velmora on 1 September 2031.",
            "Mayor Elena Varga resigned on 1 September 2031.",
            "On 1 September 2031 Elena Varga resigned, citing the flood.",
        ],
    ),
];

/// The days the story's happenings took place on.
pub fn happening_days() -> Vec<chrono::NaiveDate> {
    HAPPENINGS
        .iter()
        .filter_map(|&(month, day, _)| chrono::NaiveDate::from_ymd_opt(2031, month, day))
        .collect()
}

/// Sentences of colour that report nothing.
const FILLER: [&str; 4] = [
    "Residents gathered in the town square to share news.",
    "The weather stayed grey along the coast.",
    "Volunteers handed out blankets and bread.",
    "Local shops opened late in the afternoon.",
];

/// Article `i` of 300: published a day or more after the latest happening it reports, telling
/// that one and up to two earlier ones.
pub fn article(i: usize) -> (String, String) {
    let (known, published) = {
        let day = chrono::NaiveDate::from_ymd_opt(2031, 3, 3).expect("date")
            + chrono::Days::new((i * 190 / 300) as u64);
        let known = HAPPENINGS
            .iter()
            .rposition(|&(m, d, _)| {
                chrono::NaiveDate::from_ymd_opt(2031, m, d).expect("date") < day
            })
            .unwrap_or(0);
        (known, day)
    };
    let mut text = format!("Velmora after the flood, update {i}\n\ndate {published}\n\n");
    let mut told: Vec<usize> = Vec::new();
    for k in [known, known.saturating_sub(1 + i % 3), i % (known + 1)] {
        if !told.contains(&k) {
            told.push(k);
            let _ = write!(text, "{} ", HAPPENINGS[k].2[i % 3]);
        }
    }
    let _ = writeln!(text, "{}", FILLER[i % FILLER.len()]);
    (format!("{i:03}.txt"), text)
}
