//! TempEval-3 style scoring of the temporal tagger against gold TIMEX3 annotations.
//!
//! Definitions follow the TempEval-3 toolkit (and `shared/tools/te3_eval.py`): strict match is an
//! identical extent, relaxed match an overlap of at least one character, matching one-to-one
//! (greedy by overlap); value F1 = 2·correct / (|gold| + |system|).

use crate::core::article::Article;
use crate::core::timex::Timex;
use serde::Deserialize;
use std::collections::HashMap;

/// One gold expression; offsets are character (not byte) offsets into the article text.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldTimex {
    /// Article id.
    pub doc: String,
    /// Character offset of the first character.
    pub start: usize,
    /// Character offset past the last character.
    pub end: usize,
    /// The expression.
    pub text: String,
    /// TIMEX3 type.
    #[serde(rename = "type")]
    pub kind: String,
    /// TIMEX3 value.
    pub value: String,
}

/// A system expression in character offsets, as the scorer sees it.
#[derive(Clone, Debug)]
pub struct SystemTimex {
    /// Article id.
    pub doc: String,
    /// Character offset of the first character.
    pub start: usize,
    /// Character offset past the last character.
    pub end: usize,
    /// The expression.
    pub text: String,
    /// TIMEX3 type.
    pub kind: String,
    /// TIMEX3 value.
    pub value: String,
}

impl SystemTimex {
    /// Converts a tagged expression's byte offsets into character offsets.
    pub fn from_timex(doc: &str, text: &str, t: &Timex) -> Self {
        Self {
            doc: doc.to_string(),
            start: text[..t.start].chars().count(),
            end: text[..t.end].chars().count(),
            text: t.text.clone(),
            kind: t.kind.as_str().to_string(),
            value: t.value.clone(),
        }
    }
}

/// Precision, recall and F1 (in percent).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Prf {
    /// Precision, %.
    pub precision: f64,
    /// Recall, %.
    pub recall: f64,
    /// F1, %.
    pub f1: f64,
}

impl Prf {
    fn new(matched_system: usize, system: usize, matched_gold: usize, gold: usize) -> Self {
        let p = ratio(matched_system, system);
        let r = ratio(matched_gold, gold);
        let f1 = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        Self {
            precision: 100.0 * p,
            recall: 100.0 * r,
            f1: 100.0 * f1,
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// The scores of one run.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scores {
    /// Gold expressions.
    pub gold: usize,
    /// System expressions.
    pub system: usize,
    /// Identical extents.
    pub strict: Prf,
    /// Overlapping extents.
    pub relaxed: Prf,
    /// Correct values among relaxed matches, %.
    pub value_accuracy: f64,
    /// TempEval-3 value F1, %.
    pub value_f1: f64,
    /// Correct types among relaxed matches, %.
    pub type_accuracy: f64,
    /// Examples of errors: (doc, gold text/value, system text/value), for tuning.
    pub errors: Vec<String>,
    /// The gold expressions by group (their type; written with or without a year), as
    /// `(group, gold, found, right value)`, found = overlapped by a system expression.
    pub groups: Vec<(String, usize, usize, usize)>,
}

/// The groups a gold expression is counted in: its type, and whether its text writes a year.
fn groups_of(g: &GoldTimex) -> [String; 2] {
    let year = g
        .text
        .split(|c: char| !c.is_ascii_digit())
        .any(|d| d.len() == 4)
        || g.text.contains('\'');
    [
        g.kind.clone(),
        if year {
            "with a year"
        } else {
            "without a year"
        }
        .to_string(),
    ]
}

/// Scores system expressions against gold ones.
pub fn score(gold: &[GoldTimex], system: &[SystemTimex]) -> Scores {
    let mut gold_by_doc: HashMap<&str, Vec<&GoldTimex>> = HashMap::new();
    for g in gold {
        gold_by_doc.entry(g.doc.as_str()).or_default().push(g);
    }
    let mut sys_by_doc: HashMap<&str, Vec<&SystemTimex>> = HashMap::new();
    for s in system {
        sys_by_doc.entry(s.doc.as_str()).or_default().push(s);
    }
    let (mut strict, mut relaxed, mut value_ok, mut type_ok) = (0usize, 0usize, 0usize, 0usize);
    let mut groups: std::collections::BTreeMap<String, (usize, usize, usize)> =
        std::collections::BTreeMap::new();
    for g in gold {
        for group in groups_of(g) {
            groups.entry(group).or_default().0 += 1;
        }
    }
    let mut errors = Vec::new();
    let mut docs: Vec<&str> = gold_by_doc
        .keys()
        .chain(sys_by_doc.keys())
        .copied()
        .collect();
    docs.sort_unstable();
    docs.dedup();
    for doc in docs {
        let golds = gold_by_doc.get(doc).map_or(&[][..], Vec::as_slice);
        let systems = sys_by_doc.get(doc).map_or(&[][..], Vec::as_slice);
        // All overlapping pairs, longest overlap first; then one-to-one greedily.
        let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
        for (gi, g) in golds.iter().enumerate() {
            for (si, s) in systems.iter().enumerate() {
                let overlap = g.end.min(s.end).saturating_sub(g.start.max(s.start));
                if overlap > 0 {
                    pairs.push((overlap, gi, si));
                }
            }
        }
        pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        let mut gold_used = vec![false; golds.len()];
        let mut sys_used = vec![false; systems.len()];
        for (_, gi, si) in pairs {
            if gold_used[gi] || sys_used[si] {
                continue;
            }
            gold_used[gi] = true;
            sys_used[si] = true;
            let (g, s) = (golds[gi], systems[si]);
            relaxed += 1;
            strict += usize::from(g.start == s.start && g.end == s.end);
            type_ok += usize::from(g.kind == s.kind);
            for group in groups_of(g) {
                let counts = groups.entry(group).or_default();
                counts.1 += 1;
                counts.2 += usize::from(g.value == s.value);
            }
            if g.value == s.value {
                value_ok += 1;
            } else {
                errors.push(format!(
                    "{doc}\tVALUE\t{:?} {} {}\t{:?} {} {}",
                    g.text, g.kind, g.value, s.text, s.kind, s.value
                ));
            }
        }
        for g in golds
            .iter()
            .enumerate()
            .filter(|(i, _)| !gold_used[*i])
            .map(|(_, g)| g)
        {
            errors.push(format!(
                "{doc}\tMISSED\t{:?} {} {}",
                g.text, g.kind, g.value
            ));
        }
        for s in systems
            .iter()
            .enumerate()
            .filter(|(i, _)| !sys_used[*i])
            .map(|(_, s)| s)
        {
            errors.push(format!(
                "{doc}\tSPURIOUS\t{:?} {} {}",
                s.text, s.kind, s.value
            ));
        }
    }
    let (ng, ns) = (gold.len(), system.len());
    Scores {
        gold: ng,
        system: ns,
        strict: Prf::new(strict, ns, strict, ng),
        relaxed: Prf::new(relaxed, ns, relaxed, ng),
        value_accuracy: 100.0 * ratio(value_ok, relaxed),
        value_f1: 100.0 * ratio(2 * value_ok, ng + ns),
        type_accuracy: 100.0 * ratio(type_ok, relaxed),
        errors,
        groups: groups
            .into_iter()
            .map(|(group, (g, f, v))| (group, g, f, v))
            .collect(),
    }
}

/// Tags every article and converts the result for scoring.
pub fn tag_for_scoring(articles: &[Article]) -> Vec<SystemTimex> {
    use rayon::prelude::*;
    articles
        .par_iter()
        .flat_map_iter(|a| {
            a.analyze()
                .timexes
                .iter()
                .map(|t| SystemTimex::from_timex(&a.id, &a.text, t))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gold(start: usize, end: usize, value: &str) -> GoldTimex {
        GoldTimex {
            doc: "d".into(),
            start,
            end,
            text: String::new(),
            kind: "DATE".into(),
            value: value.into(),
        }
    }

    fn sys(start: usize, end: usize, value: &str) -> SystemTimex {
        SystemTimex {
            doc: "d".into(),
            start,
            end,
            text: String::new(),
            kind: "DATE".into(),
            value: value.into(),
        }
    }

    #[test]
    fn strict_relaxed_and_value_scores() {
        let g = [
            gold(0, 5, "2025"),
            gold(10, 20, "2025-12"),
            gold(30, 35, "P1D"),
        ];
        let s = [sys(0, 5, "2025"), sys(12, 20, "2025-11"), sys(40, 45, "X")];
        let scores = score(&g, &s);
        assert!((scores.strict.f1 - 100.0 / 3.0).abs() < 1e-9);
        assert!((scores.relaxed.f1 - 200.0 / 3.0).abs() < 1e-9);
        assert!((scores.value_accuracy - 50.0).abs() < 1e-9);
        assert!((scores.value_f1 - 100.0 / 3.0).abs() < 1e-9);
        assert_eq!(scores.errors.len(), 3);
        // All three gold are DATEs; "2025" and "2025-12" have no year in their (empty) text.
        let date = scores.groups.iter().find(|g| g.0 == "DATE").expect("DATE");
        assert_eq!((date.1, date.2, date.3), (3, 2, 1));
    }

    #[test]
    fn character_offsets_count_characters_not_bytes() {
        let text = "Nicolás said Monday";
        let t = crate::core::timex::Timex {
            start: text.find("Monday").expect("present"),
            end: text.len(),
            text: "Monday".into(),
            kind: crate::core::timex::TimexType::Date,
            value: "XXXX-WXX-1".into(),
            earliest: None,
            latest: None,
            granularity: crate::core::timex::Granularity::Day,
            modifier: None,
            anchor: None,
            sentence: 0,
            quoted: false,
        };
        let s = SystemTimex::from_timex("d", text, &t);
        assert_eq!((s.start, s.end), (13, 19));
    }
}
