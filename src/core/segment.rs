//! Paragraphs and sentences with byte spans, boilerplate marking, and quotation spans.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// A paragraph: a run of text between line breaks (wrapped lines are joined).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
    /// Left out of analysis (advertising, share buttons, newsletter prompts, repeated bylines).
    pub boilerplate: bool,
}

/// A sentence inside a paragraph.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
    /// Index of its paragraph.
    pub paragraph: usize,
}

/// Words whose trailing period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "col", "gen", "lt", "sgt", "capt", "cpt", "maj", "adm",
    "cmdr", "sen", "rep", "gov", "pres", "amb", "rev", "hon", "jr", "sr", "st", "mt", "ft", "inc",
    "corp", "co", "ltd", "llc", "bros", "no", "nos", "vs", "etc", "approx", "dept", "univ", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue",
    "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "fig", "est", "a.m", "p.m", "e.g",
    "i.e", "u.s", "u.k", "u.n", "e.u", "d.c", "ala", "ariz", "calif", "colo", "conn", "fla", "ga",
    "ill", "ind", "kan", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb",
    "nev", "okla", "ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo", "ave", "blvd",
];

/// Whether `word` (without its final period) is an abbreviation whose period does not end a
/// sentence ("Col", "U.S", "a.m", "R-Calif"): itself or its last piece is a known one.
pub fn is_abbreviation(word: &str) -> bool {
    let lower = word.trim_start_matches('-').to_lowercase();
    let last_piece = lower.rsplit(['-', '.']).next().unwrap_or("");
    ABBREVIATIONS.contains(&lower.as_str()) || ABBREVIATIONS.contains(&last_piece)
}

/// Lines that are page furniture, not article text (matched on the lowercased, trimmed line).
fn looks_like_furniture(lower: &str) -> bool {
    const EXACT: &[&str] = &[
        "advertisement",
        "advertising",
        "sponsored",
        "sponsored content",
        "share",
        "share this",
        "share this article",
        "share this story",
        "print",
        "email",
        "comments",
        "read more",
        "related",
        "related articles",
        "related stories",
        "skip to content",
        "story continues below advertisement",
        "continue reading",
        "recommended",
    ];
    const PREFIXES: &[&str] = &[
        "share on ",
        "share via ",
        "share to ",
        "tweet this",
        "follow us",
        "sign up for",
        "subscribe to",
        "subscribe for",
        "click here",
        "tap here",
        "read more:",
        "read also:",
        "related:",
        "see also:",
        "credit:",
        "photo:",
        "image:",
        "photograph:",
        "copyright ",
        "©",
        "all rights reserved",
        "download our app",
        "get the latest",
        // Corrections notes: when the page changed, not what happened.
        "this article was amended",
        "this article was corrected",
        "this article was updated",
        "this article has been amended",
        "this article has been corrected",
        "this article has been updated",
        "this story has been updated",
        "this story has been corrected",
        "correction:",
        "clarification:",
    ];
    let trimmed = lower.trim_matches(|c: char| c.is_whitespace() || c == '|' || c == '•');
    EXACT.contains(&trimmed)
        || PREFIXES.iter().any(|p| trimmed.starts_with(p))
        || (trimmed.contains("newsletter") && trimmed.len() < 80)
}

/// Splits `text[from..]` into paragraphs (a line break ends a paragraph unless the line is
/// visibly wrapped) and marks boilerplate: page furniture, and short lines that repeat verbatim.
pub fn paragraphs(text: &str, from: usize) -> Vec<Paragraph> {
    let mut lines: Vec<(usize, usize)> = Vec::new();
    let mut offset = from.min(text.len());
    for line in text[offset..].split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let lead = content.len() - content.trim_start().len();
        let trimmed = content.trim();
        if !trimmed.is_empty() {
            let start = offset + lead;
            lines.push((start, start + trimmed.len()));
        }
        offset += line.len();
    }
    // Join wrapped lines: a line that does not end a sentence, followed by one starting lowercase.
    let mut joined: Vec<(usize, usize)> = Vec::new();
    for (start, end) in lines {
        if let Some(last) = joined.last_mut() {
            let prev = &text[last.0..last.1];
            let next_lower = text[start..end]
                .chars()
                .next()
                .is_some_and(char::is_lowercase);
            let prev_open = !prev.ends_with(['.', '!', '?', ':', '"', '”', '’', '\'']);
            let gap_is_single_break = text[last.1..start].matches('\n').count() == 1;
            if prev_open && next_lower && gap_is_single_break {
                last.1 = end;
                continue;
            }
        }
        joined.push((start, end));
    }
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for &(start, end) in &joined {
        *counts.entry(&text[start..end]).or_default() += 1;
    }
    joined
        .iter()
        .map(|&(start, end)| {
            let line = &text[start..end];
            let repeated = counts.get(line).copied().unwrap_or(0) > 1 && line.len() < 60;
            Paragraph {
                start,
                end,
                boilerplate: repeated || looks_like_furniture(&line.to_lowercase()),
            }
        })
        .collect()
}

/// Splits each paragraph into sentences. Abbreviations ("U.S.", "Col.", "Sen."), initials and
/// decimal numbers do not end a sentence.
pub fn sentences(text: &str, paragraphs: &[Paragraph]) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (index, para) in paragraphs.iter().enumerate() {
        let body = &text[para.start..para.end];
        let mut sentence_start = 0usize;
        let mut chars = body.char_indices().peekable();
        while let Some((pos, c)) = chars.next() {
            if !matches!(c, '.' | '!' | '?') {
                continue;
            }
            // Swallow runs of terminators and closing quotes/brackets (an opening curly quote
            // right after a terminator is a closing one typed the wrong way round).
            while chars.peek().is_some_and(|&(_, d)| {
                matches!(
                    d,
                    '.' | '!' | '?' | '"' | '”' | '“' | '’' | '\'' | ')' | ']'
                )
            }) {
                chars.next();
            }
            let Some(&(next, following)) = chars.peek() else {
                break;
            };
            if following.is_whitespace() && ends_sentence(body, pos, c, next) {
                push_sentence(&mut out, para.start, body, sentence_start, next, index);
                sentence_start = next;
            }
        }
        push_sentence(
            &mut out,
            para.start,
            body,
            sentence_start,
            body.len(),
            index,
        );
    }
    out
}

fn push_sentence(
    out: &mut Vec<Sentence>,
    base: usize,
    body: &str,
    start: usize,
    end: usize,
    paragraph: usize,
) {
    let piece = &body[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        out.push(Sentence {
            start: base + start + lead,
            end: base + start + lead + trimmed.len(),
            paragraph,
        });
    }
}

/// Whether the terminator `c` at byte `pos` ends a sentence, given the text from byte `next`.
fn ends_sentence(body: &str, pos: usize, c: char, next: usize) -> bool {
    // The next non-space character must be able to start a sentence.
    let Some(first) = body[next..].chars().find(|ch| !ch.is_whitespace()) else {
        return true;
    };
    // Informal writing starts sentences in lower case too ("... by cats. they look like ..."):
    // after a terminator that is not an abbreviation's period, a lower-case word starts one.
    let starts = first.is_alphabetic()
        || first.is_ascii_digit()
        || matches!(first, '"' | '“' | '‘' | '\'' | '(' | '[' | '—' | '-');
    // An ellipsis before a lower-case word trails off mid-sentence ("... brain development").
    let ellipsis = body[pos..next].contains("..") || body[pos..next].contains('…');
    if !starts || (ellipsis && first.is_lowercase()) {
        return false;
    }
    if c != '.' {
        return true;
    }
    let word_start = body[..pos]
        .char_indices()
        .rev()
        .take_while(|(_, ch)| ch.is_alphanumeric() || *ch == '.' || *ch == '-')
        .last()
        .map_or(pos, |(i, _)| i);
    let word = &body[word_start..pos];
    if is_abbreviation(word) {
        return false;
    }
    // Initials ("J." or "U.S."): a single letter before the period.
    let single_letter = word.chars().filter(|ch| ch.is_alphabetic()).count() == 1
        || (word.contains('.') && word.split('.').all(|p| p.chars().count() <= 1));
    !(single_letter && word.chars().last().is_some_and(char::is_uppercase))
}

/// The index of the span of `spans` (in order, not overlapping, as [`quote_spans`] gives them)
/// that holds byte `pos`, found by binary search.
pub fn quote_at(spans: &[(usize, usize)], pos: usize) -> Option<usize> {
    let after = spans.partition_point(|&(s, _)| s <= pos);
    after.checked_sub(1).filter(|&i| pos < spans[i].1)
}

/// Byte spans of quoted passages (straight or curly double quotes) inside `[start, end)`.
pub fn quote_spans(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text[start..end].char_indices() {
        let at = start + i;
        match c {
            '“' => open = Some(at),
            '”' => {
                if let Some(s) = open.take() {
                    spans.push((s, at + c.len_utf8()));
                }
            }
            '"' => match open.take() {
                Some(s) => spans.push((s, at + 1)),
                None => open = Some(at),
            },
            _ => {}
        }
    }
    // An unclosed quote runs to the end of the paragraph (multi-paragraph quotes).
    if let Some(s) = open {
        spans.push((s, end));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let paras = paragraphs(text, 0);
        sentences(text, &paras)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        let text = "Col. Allie Smith of the U.S. Special Operations Command spoke. Sen. Jones (R-KY) agreed.";
        assert_eq!(
            split(text),
            vec![
                "Col. Allie Smith of the U.S. Special Operations Command spoke.",
                "Sen. Jones (R-KY) agreed."
            ]
        );
    }

    #[test]
    fn informal_sentences_start_in_lower_case_but_ellipses_trail_on() {
        let text = "we got wasted. they look like dogs? i think so. It was... strange. \
                    The U.S. team won at 5 p.m. and e.g. the fans left.";
        assert_eq!(
            split(text),
            vec![
                "we got wasted.",
                "they look like dogs?",
                "i think so.",
                "It was... strange.",
                "The U.S. team won at 5 p.m. and e.g. the fans left."
            ]
        );
    }

    #[test]
    fn sentence_ends_after_closing_quote() {
        let text = "He said, “We hit it.” Then he left. It was 3.5 miles. “Go.“ Fine.";
        assert_eq!(
            split(text),
            vec![
                "He said, “We hit it.”",
                "Then he left.",
                "It was 3.5 miles.",
                "“Go.“",
                "Fine."
            ]
        );
    }

    #[test]
    fn lines_are_paragraphs_and_furniture_is_marked() {
        let text = "Title here\n\nAdvertisement\nShare on facebook\nBody text.\nStaff\nStaff\n";
        let paras = paragraphs(text, 0);
        let marks: Vec<(&str, bool)> = paras
            .iter()
            .map(|p| (&text[p.start..p.end], p.boilerplate))
            .collect();
        assert_eq!(
            marks,
            vec![
                ("Title here", false),
                ("Advertisement", true),
                ("Share on facebook", true),
                ("Body text.", false),
                ("Staff", true),
                ("Staff", true)
            ]
        );
    }

    #[test]
    fn wrapped_lines_join_into_one_paragraph() {
        let text = "The market fell on\nthe news, traders said.\nA new paragraph.";
        let paras = paragraphs(text, 0);
        assert_eq!(paras.len(), 2);
        assert_eq!(
            &text[paras[0].start..paras[0].end],
            "The market fell on\nthe news, traders said."
        );
    }

    #[test]
    fn quotes_are_found_and_unclosed_runs_to_end() {
        let text = "He said “two nights ago” and \"then\" more “open";
        let spans = quote_spans(text, 0, text.len());
        let quoted: Vec<&str> = spans.iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(quoted, vec!["“two nights ago”", "\"then\"", "“open"]);
        let at = |word: &str| quote_at(&spans, text.find(word).expect("in text"));
        assert_eq!(
            (at("nights"), at("then"), at("more"), at("open")),
            (Some(0), Some(1), None, Some(2))
        );
    }
}
