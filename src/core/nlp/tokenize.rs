//! Words of a sentence with byte spans, as the English Web Treebank cuts them: punctuation apart,
//! clitics apart ("do|n't", "John|'s", "I|'m", "can|not", "gon|na"), hyphenated compounds apart
//! unless the first part is a prefix ("e-mail", "non-stop", but "so|-|called"), abbreviations
//! ("U.S.", "Mr.", "p.m."), numbers ("1,500.25", "5:30"), web addresses and e-mail kept whole.
//! Time is linear in the text.

/// First parts of hyphenated words kept whole ("e-mail", "co-workers", "non-stop").
const PREFIXES: &[&str] = &[
    "e", "co", "post", "pre", "pro", "ex", "mid", "non", "re", "anti", "semi", "multi", "over",
    "under", "sub", "inter", "psycho", "micro", "macro", "mis", "counter", "neo", "quasi", "ultra",
    "extra", "intra", "bi", "tri", "de", "un", "x", "t",
];

/// Clitics split off the end of a word (lowercase; a curly apostrophe counts as a straight one).
const CLITICS: &[&str] = &["n't", "'s", "'re", "'ve", "'ll", "'d", "'m"];

/// Words made of two words ("cannot" → "can" + "not"), and contractions typed without their
/// apostrophe, as web text often has them ("dont" → "do" + "nt"): the word and where it
/// splits. Left out where the word is also a common word or name ("its", "lets", "Ive", "Im").
const FUSED: &[(&str, usize)] = &[
    ("cannot", 3),
    ("gonna", 3),
    ("wanna", 3),
    ("gotta", 3),
    ("dont", 2),
    ("didnt", 3),
    ("doesnt", 4),
    ("isnt", 2),
    ("wasnt", 3),
    ("arent", 3),
    ("werent", 4),
    ("havent", 4),
    ("hasnt", 3),
    ("hadnt", 3),
    ("couldnt", 5),
    ("wouldnt", 5),
    ("shouldnt", 6),
    ("wont", 2),
    ("cant", 2),
    ("aint", 2),
    ("thats", 4),
    ("whats", 4),
    ("theres", 5),
    ("youre", 3),
];

/// Whether two adjacent words are the parts of one written word, as [`tokenize`] splits it: a
/// word and its clitic ("do" + "n't", "John" + "'s") or a fused word ("can" + "not"). The
/// treebank writes such a pair as one multiword token.
pub fn is_multiword(first: &str, second: &str) -> bool {
    let second = second.to_lowercase().replace('’', "'");
    let clitic = CLITICS.contains(&second.as_str()) || second == "'t";
    clitic && first.chars().next_back().is_some_and(char::is_alphanumeric)
        || FUSED.iter().any(|&(word, at)| {
            first.len() == at && format!("{}{second}", first.to_lowercase()) == word
        })
}

/// Characters peeled off the start of a chunk.
fn opens(c: char) -> bool {
    matches!(
        c,
        '"' | '“'
            | '‘'
            | '\''
            | '('
            | '['
            | '{'
            | '<'
            | '*'
            | '¿'
            | '¡'
            | '«'
            | '„'
            | '`'
            | '—'
            | '–'
    ) || c == '$'
        || c == '#'
}

/// Characters peeled off the end of a chunk.
fn closes(c: char) -> bool {
    matches!(
        c,
        '"' | '”'
            | '’'
            | '\''
            | ')'
            | ']'
            | '}'
            | '>'
            | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '*'
            | '»'
            | '%'
            | '—'
            | '–'
    )
}

/// A character that separates chunks: white space and control characters (including the
/// invisible direction marks).
fn separates(c: char) -> bool {
    c.is_whitespace() || c.is_control() || matches!(c, '\u{200e}' | '\u{200f}' | '\u{feff}')
}

/// The word spans of `text[start..end]`, as absolute byte offsets.
pub fn tokenize(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let piece = &text[start..end];
    let mut chunk_start: Option<usize> = None;
    for (i, c) in piece.char_indices() {
        if separates(c) {
            if let Some(s) = chunk_start.take() {
                split_chunk(piece, s, i, start, &mut out);
            }
        } else if chunk_start.is_none() {
            chunk_start = Some(i);
        }
    }
    if let Some(s) = chunk_start {
        split_chunk(piece, s, piece.len(), start, &mut out);
    }
    out
}

/// Whether the chunk is a web address or an e-mail address (kept whole, bar closing punctuation).
fn is_address(chunk: &str) -> bool {
    let lower = chunk.to_ascii_lowercase();
    lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.starts_with("www.")
        || (chunk.contains('@') && chunk.contains('.') && !chunk.starts_with('@'))
}

/// Punctuation whose runs are one word ("****", "<<", "==", "--").
fn repeats_as_one(c: char) -> bool {
    matches!(
        c,
        '*' | '<' | '>' | '=' | '-' | '$' | '~' | '+' | '_' | '#' | '^'
    )
}

/// Whether a chunk is an emoticon (":)", ":-(", ";P", "=D"), kept whole.
fn is_emoticon(chunk: &str) -> bool {
    let mut chars = chunk.chars();
    let Some(eyes) = chars.next() else {
        return false;
    };
    let rest: String = chars.collect();
    let mouth = rest.strip_prefix('-').unwrap_or(&rest);
    matches!(eyes, ':' | ';' | '=')
        && mouth.chars().count() == 1
        && mouth.chars().all(|m| "()DPpO/\\|[]*".contains(m))
}

/// The length in bytes of the run of characters at the start of `text` that `same` accepts.
fn run_len(text: &str, same: impl Fn(char) -> bool) -> usize {
    text.chars()
        .take_while(|&c| same(c))
        .map(char::len_utf8)
        .sum()
}

/// Splits one white-space-free chunk `piece[s..e]` into words.
fn split_chunk(
    piece: &str,
    mut s: usize,
    mut e: usize,
    base: usize,
    out: &mut Vec<(usize, usize)>,
) {
    if is_emoticon(&piece[s..e]) {
        out.push((base + s, base + e));
        return;
    }
    // Opening punctuation (a hashtag keeps its mark).
    while s < e {
        let c = piece[s..e].chars().next().unwrap_or(' ');
        let len = if repeats_as_one(c) || c == '.' {
            run_len(&piece[s..e], |d| d == c)
        } else {
            c.len_utf8()
        };
        let rest = &piece[s + len..e];
        // "#climate" is one word, "#1" two.
        let hashtag = c == '#' && rest.starts_with(char::is_alphabetic);
        // A year cut short keeps its apostrophe: "'68", "’90s".
        let short_year = matches!(c, '\'' | '’')
            && rest.len() >= 2
            && rest.as_bytes()[..2].iter().all(u8::is_ascii_digit)
            && !rest.as_bytes().get(2).is_some_and(u8::is_ascii_digit);
        if short_year {
            break;
        }
        // An ellipsis opening a word ("...and then") is a word of its own.
        let ellipsis = c == '…' || (c == '.' && len > 1);
        // So is a hyphen before a word or number ("-5", "-Page"), as the treebank cuts it.
        let dash = c == '-' || (repeats_as_one(c) && len > c.len_utf8());
        let opening = opens(c) || ellipsis || dash;
        if opening && !rest.is_empty() && !hashtag {
            out.push((base + s, base + s + len));
            s += len;
        } else {
            break;
        }
    }
    // Closing punctuation and final periods, innermost last.
    let mut tail: Vec<(usize, usize)> = Vec::new();
    while s < e {
        let word = &piece[s..e];
        let c = word.chars().next_back().unwrap_or(' ');
        let reversed: String = word.chars().rev().collect();
        let run = if matches!(c, '.' | '!' | '?') {
            run_len(&reversed, |d| matches!(d, '.' | '!' | '?'))
        } else if repeats_as_one(c) {
            run_len(&reversed, |d| d == c)
        } else {
            c.len_utf8()
        };
        if run >= word.len() {
            break;
        }
        let several = run > c.len_utf8();
        let before = &word[..word.len() - run];
        // A hyphen typed as a dash after a word ("good- the rest"), but not after a prefix
        // ("pre- and post-war"); a plus after a number ("21+").
        let dash = c == '-' && !PREFIXES.contains(&before.to_lowercase().as_str());
        let plus = c == '+' && before.ends_with(|d: char| d.is_ascii_digit());
        let closing = several && (matches!(c, '.' | '!' | '?') || repeats_as_one(c))
            || (!several && (closes(c) || c == '…' || dash || plus))
            || (!several && c == '.' && !keeps_period(&word[..word.len() - 1]));
        if !closing {
            break;
        }
        tail.push((base + e - run, base + e));
        e -= run;
    }
    if s < e {
        split_word(piece, s, e, base, out);
    }
    out.extend(tail.into_iter().rev());
}

/// Whether a period belongs to the word before it: the abbreviations sentence splitting knows
/// (`segment::is_abbreviation`), initials ("J.", "U.S"), single letters.
fn keeps_period(word: &str) -> bool {
    !word.is_empty()
        && (crate::core::segment::is_abbreviation(word)
            || word
                .split('.')
                .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic)))
}

/// Where the first mark that is a word of its own between two words starts in `text`, and its
/// character: a dash typed as two or more hyphens ("the plan--if it works--is") or as a dash
/// character set close ("the plan—if it works—is", "Paris–Lyon", as the treebank, which has
/// no word with a dash inside, cuts them), or an ellipsis ("wait...what", "so..yes",
/// "so…yes"). One pass over the text.
fn next_inner_mark(text: &str) -> Option<(usize, char)> {
    let mut from = 0;
    while let Some(i) = text[from..].find(['-', '.', '…', '—', '–']) {
        let at = from + i;
        let c = text[at..].chars().next()?;
        // '-' and '.' are one byte, so `at + 1` is where the next character starts.
        if matches!(c, '…' | '—' | '–') || text[at + 1..].starts_with(c) {
            return Some((at, c));
        }
        from = at + 1;
    }
    None
}

/// Splits `piece[s..e]` at each [`next_inner_mark`] run between two words, the mark as a word
/// and each part cut as a chunk of its own ("corner\"...and" → "corner", "\"", "...", "and");
/// true when it did. Time is linear in the word.
fn split_at_inner_marks(
    piece: &str,
    s: usize,
    e: usize,
    base: usize,
    out: &mut Vec<(usize, usize)>,
) -> bool {
    let mut part = s;
    let mut from = s;
    while let Some((at, c)) = next_inner_mark(&piece[from..e]).map(|(i, c)| (from + i, c)) {
        let run = run_len(&piece[at..e], |d| d == c);
        if at > part && at + run < e {
            split_chunk(piece, part, at, base, out);
            out.push((base + at, base + at + run));
            part = at + run;
        }
        from = at + run;
    }
    if part == s {
        return false;
    }
    split_chunk(piece, part, e, base, out);
    true
}

/// Splits a word without outer punctuation: clitics, fused words, hyphens, slashes.
fn split_word(piece: &str, s: usize, e: usize, base: usize, out: &mut Vec<(usize, usize)>) {
    let word = &piece[s..e];
    let numeric = word
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | ':'));
    // Dates, telephone numbers and postcodes: "08/16/2000", "303-832-8160", "555-0142",
    // "20500-0003" (but "3-4" and "1990-1995" are three words).
    let digits_joined = word
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '/' | '-'))
        && (word.contains('/')
            || word.matches('-').count() >= 2
            || word
                .split_once('-')
                .is_some_and(|(a, b)| matches!(a.len(), 3 | 5) && b.len() == 4));
    // A date with the month's short name: "01-Feb-02", "3-Mar-2011".
    let mut parts = word.split('-');
    let short_date = match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(d), Some(m), Some(y), None) => {
            (1..=2).contains(&d.len())
                && d.bytes().all(|b| b.is_ascii_digit())
                && m.len() == 3
                && m.bytes().all(|b| b.is_ascii_alphabetic())
                && matches!(y.len(), 2 | 4)
                && y.bytes().all(|b| b.is_ascii_digit())
        }
        _ => false,
    };
    // "b/c", "w/o": a slash beside a single letter.
    let short_slash =
        word.split('/').count() == 2 && word.split('/').any(|p| p.chars().count() == 1);
    if is_address(word) || numeric || digits_joined || short_date || short_slash {
        out.push((base + s, base + e));
        return;
    }
    if split_at_inner_marks(piece, s, e, base, out) {
        return;
    }
    let lower = word.to_lowercase().replace('’', "'");
    if let Some(&(_, at)) = FUSED.iter().find(|(w, _)| *w == lower) {
        out.push((base + s, base + s + at));
        out.push((base + s + at, base + e));
        return;
    }
    // A clitic at the end: "don't" → "do" + "n't", "al-Sadr's" → "al - Sadr" + "'s".
    for clitic in CLITICS {
        if lower.len() > clitic.len() && lower.ends_with(clitic) && lower.len() == word.len() {
            let cut = e - clitic.len();
            let stem = &piece[s..cut];
            if stem.chars().all(|c| c.is_alphanumeric() || c == '-')
                && stem.chars().any(char::is_alphanumeric)
            {
                split_word(piece, s, cut, base, out);
                out.push((base + cut, base + e));
                return;
            }
        }
    }
    // The same with a curly apostrophe (three bytes).
    if let Some(i) = word.rfind('’') {
        let clitic = format!("'{}", &lower[lower.rfind('\'').map_or(0, |j| j + 1)..]);
        let stem_len = if clitic == "'t" && word[..i].to_lowercase().ends_with('n') {
            i - 1
        } else {
            i
        };
        let known = CLITICS.iter().any(|c| *c == clitic) || clitic == "'t";
        if known && stem_len > 0 && word[..stem_len].chars().all(char::is_alphanumeric) {
            out.push((base + s, base + s + stem_len));
            out.push((base + s + stem_len, base + e));
            return;
        }
    }
    // Hyphens and slashes between word parts, and commas between words ("red,white").
    let mut part_start = s;
    let mut first = true;
    let bytes = word.as_bytes();
    for (i, c) in word.char_indices() {
        if !matches!(c, '-' | '/' | ',') || i == 0 || i + 1 == word.len() {
            continue;
        }
        if c == ',' && !(bytes[i - 1].is_ascii_alphabetic() && bytes[i + 1].is_ascii_alphabetic()) {
            continue;
        }
        // A run of hyphens or slashes ("--", "///") is not a joint between two parts.
        let (before, after) = (bytes[i - 1], bytes[i + 1]);
        if matches!(before, b'-' | b'/') || matches!(after, b'-' | b'/') {
            continue;
        }
        let left = &piece[part_start..s + i];
        if c == '-' && first && PREFIXES.contains(&left.to_lowercase().as_str()) {
            first = false;
            continue;
        }
        first = false;
        out.push((base + part_start, base + s + i));
        out.push((base + s + i, base + s + i + 1));
        part_start = s + i + 1;
    }
    out.push((base + part_start, base + e));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clitics_and_fused_words_are_multiword_tokens() {
        for (first, second) in [
            ("do", "n't"),
            ("Mary", "'s"),
            ("I", "’m"),
            ("Can", "not"),
            ("gon", "na"),
        ] {
            assert!(is_multiword(first, second), "{first}{second}");
        }
        for (first, second) in [("New", "York"), ("can", "no"), ("'", "s"), ("gon", "not")] {
            assert!(!is_multiword(first, second), "{first} {second}");
        }
    }

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, 0, text.len())
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn punctuation_and_clitics_come_apart() {
        assert_eq!(
            words("\"I don't know,\" she said (again)."),
            [
                "\"", "I", "do", "n't", "know", ",", "\"", "she", "said", "(", "again", ")", "."
            ]
        );
        assert_eq!(
            words("It’s John's car, can't you see?"),
            [
                "It", "’s", "John", "'s", "car", ",", "ca", "n't", "you", "see", "?"
            ]
        );
        assert_eq!(
            words("I cannot go; we're gonna stay"),
            [
                "I", "can", "not", "go", ";", "we", "'re", "gon", "na", "stay"
            ]
        );
    }

    #[test]
    fn dashes_commas_phone_numbers_and_short_years() {
        assert_eq!(
            words("The plan--if it works---is simple"),
            [
                "The", "plan", "--", "if", "it", "works", "---", "is", "simple"
            ]
        );
        assert_eq!(
            words("The plan—if it works—is simple, Paris–Lyon trains"),
            [
                "The", "plan", "—", "if", "it", "works", "—", "is", "simple", ",", "Paris", "–",
                "Lyon", "trains"
            ]
        );
        assert_eq!(words("—and so—"), ["—", "and", "so", "—"]);
        assert_eq!(
            words("bread,milk,eggs"),
            ["bread", ",", "milk", ",", "eggs"]
        );
        assert_eq!(
            words("Call 555-0142 or 20500-0003"),
            ["Call", "555-0142", "or", "20500-0003"]
        );
        assert_eq!(words("from 1990-1995"), ["from", "1990", "-", "1995"]);
        assert_eq!(
            words("the class of '68."),
            ["the", "class", "of", "'68", "."]
        );
        assert_eq!(words("'Hello'"), ["'", "Hello", "'"]);
        // A dash typed as a hyphen at a word's edge is a word, after a prefix it is not; a
        // date with the month's name stays whole; "#1" and "21+" are two words each.
        assert_eq!(
            words("tubes- all -Page -5 pre- and 01-Feb-02 #1 #news 21+ C+"),
            [
                "tubes",
                "-",
                "all",
                "-",
                "Page",
                "-",
                "5",
                "pre-",
                "and",
                "01-Feb-02",
                "#",
                "1",
                "#news",
                "21",
                "+",
                "C+"
            ]
        );
        // An ellipsis between, before or after words is a word; numbers and addresses keep
        // their periods.
        assert_eq!(
            words("wait...what so..yes so…yes ...and \"no\"...then 1..5 www.a..b.com"),
            [
                "wait",
                "...",
                "what",
                "so",
                "..",
                "yes",
                "so",
                "…",
                "yes",
                "...",
                "and",
                "\"",
                "no",
                "\"",
                "...",
                "then",
                "1..5",
                "www.a..b.com"
            ]
        );
        // Single periods and hyphens are passed over to reach the ellipsis at the end.
        let long = format!("{}x...y", "a.b-".repeat(5_000));
        let cut = words(&long);
        assert_eq!(cut.concat(), long);
        assert_eq!(cut[cut.len() - 3..], ["x", "...", "y"]);
        // No run of dashes is left without a word on each side, and nothing is lost.
        let long = "a--".repeat(3_000);
        let cut = words(&long);
        assert_eq!(cut.concat(), long);
        assert!(cut.iter().all(|w| *w == "a" || w.starts_with('-')));
    }

    #[test]
    fn abbreviations_numbers_and_addresses_stay_whole() {
        assert_eq!(
            words("Mr. Smith paid $1,500.25 at 5:30 p.m. in the U.S."),
            [
                "Mr.", "Smith", "paid", "$", "1,500.25", "at", "5:30", "p.m.", "in", "the", "U.S."
            ]
        );
        assert_eq!(
            words("Write to jo@example.com or see https://example.com/a-b."),
            [
                "Write",
                "to",
                "jo@example.com",
                "or",
                "see",
                "https://example.com/a-b",
                "."
            ]
        );
        assert_eq!(words("It ended..."), ["It", "ended", "..."]);
    }

    #[test]
    fn hyphens_split_unless_a_prefix() {
        assert_eq!(
            words("a so-called e-mail and/or non-stop"),
            [
                "a", "so", "-", "called", "e-mail", "and", "/", "or", "non-stop"
            ]
        );
        assert_eq!(words("a well -- known"), ["a", "well", "--", "known"]);
        assert_eq!(
            words("al-Sadr's men b/c 08/16/2000"),
            ["al", "-", "Sadr", "'s", "men", "b/c", "08/16/2000"]
        );
        // A run of slashes or hyphens inside a word never leaves an empty word behind.
        for text in ["from oth///er places", "a--//--b", "x/-/y"] {
            let spans = tokenize(text, 0, text.len());
            assert!(spans.iter().all(|(s, e)| s < e), "{text}: {spans:?}");
        }
        assert_eq!(words("from oth///er"), ["from", "oth///er"]);
    }

    #[test]
    fn runs_of_punctuation_and_emoticons_are_one_word() {
        assert_eq!(
            words("Wow!! Really?! Great :) ****"),
            ["Wow", "!!", "Really", "?!", "Great", ":)", "****"]
        );
        assert_eq!(
            words("<<News>> #audiobooks"),
            ["<<", "News", ">>", "#audiobooks"]
        );
    }

    #[test]
    fn hostile_text_is_cut_without_panic() {
        for text in [
            "",
            "...",
            "!!!???",
            "\u{200f}שלום\u{200e} world 😀😀",
            "a\u{0}b\u{7}c",
            "'",
            "’",
            "-",
            "--",
            "''''",
        ] {
            let spans = tokenize(text, 0, text.len());
            for (s, e) in spans {
                assert!(
                    s < e && e <= text.len() && text.is_char_boundary(s),
                    "{text:?}"
                );
            }
        }
        let long = "x".repeat(10_000);
        assert_eq!(words(&long).len(), 1);
    }
}
